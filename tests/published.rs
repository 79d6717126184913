//! The example scenarios start from the published statistics that ship in
//! `assets/public-statistics` (read here with the `csv` crate, as released): every
//! starting figure a council's report does not give equals the published one, with
//! the model's definitions (children in need excluding those on plans and in care;
//! social workers in post, agency and vacancies from the workforce census).

#![allow(clippy::unwrap_used)] // Test code: a panic is a failed test.

mod common;

use std::collections::HashMap;
use std::path::Path;

use caseload::io::load_scenario;
use caseload::model::{PlacementKind, Scenario, StaffGroup};

/// One released table: its header and rows, as text.
struct Table {
    columns: HashMap<String, usize>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// Reads a file as released. The CLA files are Latin-1, so bytes that are not
    /// UTF-8 are read leniently; only ASCII cells (codes and numbers) are compared.
    fn read(name: &str) -> Table {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("assets/public-statistics")
            .join(name);
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .from_path(&path)
            .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        let text = |record: &csv::ByteRecord| -> Vec<String> {
            record
                .iter()
                .map(|cell| {
                    String::from_utf8_lossy(cell)
                        .trim_start_matches('\u{feff}')
                        .trim()
                        .to_owned()
                })
                .collect()
        };
        let header = text(reader.byte_headers().unwrap());
        let columns = header
            .iter()
            .enumerate()
            .map(|(index, name)| (name.clone(), index))
            .collect();
        let rows = reader
            .byte_records()
            .map(|record| text(&record.unwrap()))
            .collect();
        Table { columns, rows }
    }

    fn column(&self, name: &str) -> usize {
        *self
            .columns
            .get(name)
            .unwrap_or_else(|| panic!("no column {name}"))
    }

    /// The row whose `key_column` is `key` (and, when given, whose `time_period` is
    /// `year`).
    fn row(&self, key_column: &str, key: &str, year: Option<i32>) -> &[String] {
        let key_at = self.column(key_column);
        let year_at = year.map(|_| self.column("time_period"));
        self.rows
            .iter()
            .find(|row| {
                row.get(key_at).is_some_and(|cell| cell == key)
                    && year_at.is_none_or(|at| {
                        row.get(at).is_some_and(|cell| {
                            Some(cell.as_str()) == year.map(|y| y.to_string()).as_deref()
                        })
                    })
            })
            .unwrap_or_else(|| panic!("no row for {key} in {year:?}"))
    }

    /// A published number; `None` for a suppressed or missing cell (never 0).
    fn number(&self, row: &[String], column: &str) -> Option<f64> {
        let cell = row.get(self.column(column))?;
        cell.replace(',', "").trim().parse::<f64>().ok()
    }

    /// A number that must be published.
    fn published(&self, row: &[String], column: &str) -> f64 {
        self.number(row, column)
            .unwrap_or_else(|| panic!("{column} is not published"))
    }
}

/// A DfE children's social care table: one row per council (new code) and year.
fn figure(table: &Table, code: &str, year: i32, column: &str) -> f64 {
    table.published(table.row("new_la_code", code, Some(year)), column)
}

/// How an example file is tied to the statistics.
struct Example {
    file: &'static str,
    /// The council's new (ONS) code.
    code: &'static str,
    /// The 31 March before the start: the year that ends then.
    year: i32,
    /// The workforce census used (30 September of this year).
    census_year: i32,
}

const EXAMPLES: [Example; 4] = [
    Example {
        file: "gloucestershire-2018.ron",
        code: "E10000013",
        year: 2017,
        // The census files start in 2017: the earliest, six months after the start.
        census_year: 2017,
    },
    Example {
        file: "wakefield-2018.ron",
        code: "E08000036",
        year: 2018,
        census_year: 2017,
    },
    Example {
        file: "liverpool-2019.ron",
        code: "E08000012",
        year: 2018,
        census_year: 2018,
    },
    Example {
        file: "liverpool-2019-do-nothing.ron",
        code: "E08000012",
        year: 2018,
        census_year: 2018,
    },
];

fn scenario(example: &Example) -> Scenario {
    load_scenario(&common::save(example.file)).unwrap()
}

fn close(found: f64, expected: f64, tolerance: f64, what: &str) {
    assert!(
        (found - expected).abs() <= tolerance,
        "{what}: the file has {found}, published {expected}"
    );
}

/// Children looked after at 31 March of `year`, from CLA2019.
fn in_care(cla: &Table, code: &str, year: i32) -> f64 {
    cla.published(
        cla.row("New_geog_code", code, None),
        &format!("CLA_Mar{year}"),
    )
}

#[test]
fn every_example_names_its_start_and_the_licence() {
    for example in EXAMPLES {
        let text = std::fs::read_to_string(common::save(example.file)).unwrap();
        assert!(
            text.contains(
                "Contains public sector information licensed under the Open Government Licence v3.0."
            ),
            "{}",
            example.file
        );
        let scenario = scenario(&example);
        // The 31 March before the start month.
        let start = scenario.start.financial_year().0;
        assert_eq!(start, example.year, "{}", example.file);
    }
    let readme = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/public-statistics/README.md"),
    )
    .unwrap();
    assert!(readme.contains("Open Government Licence v3.0"));
}

#[test]
fn children_with_open_cases_start_from_the_published_counts() {
    let b1 = Table::read("b1_children_in_need_2013_to_2025.csv");
    let d5 = Table::read("d5_cpps_at31march_by_duration_2013_to_2025.csv");
    let cla = Table::read("CLA2019.csv");
    for example in EXAMPLES {
        let demand = scenario(&example).demand;
        let what = |name: &str| format!("{} {name}", example.file);
        let plans = figure(&d5, example.code, example.year, "CPP_At31");
        let looked_after = in_care(&cla, example.code, example.year);
        close(
            demand.child_protection,
            plans,
            0.0,
            &what("children on plans"),
        );
        // Children in need in the census include those on plans and in care.
        let all_in_need = figure(&b1, example.code, example.year, "At31_episodes");
        close(
            demand.children_in_need,
            all_in_need - plans - looked_after,
            0.0,
            &what("children in need (without plans and care)"),
        );
        if example.file.starts_with("liverpool") {
            // The reports' own figure for January 2019 stands for that date; it lies
            // between the published counts at 31 March 2018 and 31 March 2019.
            assert_eq!(demand.looked_after, 1250.0);
            assert!((looked_after..=in_care(&cla, example.code, 2019)).contains(&1250.0));
        } else {
            close(
                demand.looked_after,
                looked_after,
                0.0,
                &what("children in care"),
            );
        }
    }
}

#[test]
fn referrals_start_from_the_published_year() {
    let c1 = Table::read("c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv");
    for example in EXAMPLES {
        let demand = scenario(&example).demand;
        let what = |name: &str| format!("{} {name}", example.file);
        let referrals = figure(&c1, example.code, example.year, "referral_count");
        // A twelfth of the year's referrals, to the one decimal written.
        close(
            demand.referrals_per_month,
            referrals / 12.0,
            0.05,
            &what("referrals a month"),
        );
        // No further action and assessed as not in need: both end without a case.
        let closed = figure(&c1, example.code, example.year, "no_further_action_count")
            + figure(&c1, example.code, example.year, "not_in_need_count");
        close(
            demand.referral_outcomes.no_further_action_percent,
            100.0 * closed / referrals,
            0.05,
            &what("referrals closed"),
        );
    }
}

#[test]
fn referral_growth_reads_the_published_years() {
    let c1 = Table::read("c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv");
    let referrals = |code: &str, year: i32| figure(&c1, code, year, "referral_count");
    let percent =
        |later: f64, earlier: f64, years: f64| 100.0 * ((later / earlier).powf(1.0 / years) - 1.0);

    // Gloucestershire: the reported +17% is 2017-18 against 2016-17, for 12 months;
    // after it, the 2013-2018 trend.
    let gloucestershire = scenario(&EXAMPLES[0]).demand;
    let code = EXAMPLES[0].code;
    assert_eq!(gloucestershire.referral_first_growth_months, 12.0);
    close(
        gloucestershire.referral_first_growth_percent_per_year,
        percent(referrals(code, 2018), referrals(code, 2017), 1.0),
        0.5,
        "Gloucestershire's first year",
    );
    close(
        gloucestershire.referral_growth_percent_per_year,
        percent(referrals(code, 2018), referrals(code, 2013), 5.0),
        0.05,
        "Gloucestershire's 2013-2018 trend",
    );

    // Wakefield: 2017-18 against 2016-17 for the first 12 months.
    let wakefield = scenario(&EXAMPLES[1]).demand;
    let code = EXAMPLES[1].code;
    assert_eq!(wakefield.referral_first_growth_months, 12.0);
    close(
        wakefield.referral_first_growth_percent_per_year,
        percent(referrals(code, 2018), referrals(code, 2017), 1.0),
        0.1,
        "Wakefield's latest year",
    );

    // Liverpool: flat over 2013-2018.
    let liverpool = scenario(&EXAMPLES[2]).demand;
    let code = EXAMPLES[2].code;
    close(
        liverpool.referral_growth_percent_per_year,
        percent(referrals(code, 2018), referrals(code, 2013), 5.0),
        0.25,
        "Liverpool's 2013-2018 trend",
    );
}

/// The placement mix at 31 March 2019 (CLA2019) in the model's five kinds, over
/// the published cells only. Foster care is split with England's pattern: 13 of
/// every 72 fostered children in kinship care, 36% with agencies, the rest in-house.
fn published_mix(cla: &Table, code: &str) -> HashMap<PlacementKind, f64> {
    let row = cla.row("New_geog_code", code, None);
    let sum = |columns: &[&str]| -> f64 {
        columns
            .iter()
            .filter_map(|column| cla.number(row, column))
            .sum()
    };
    let foster = sum(&["CLA_Fost"]);
    let residential = sum(&["CLA_Secure", "CLA_Ores", "CLA_RSch"]);
    let other = sum(&["CLA_Adopt", "CLA_Parent", "CLA_Ocom", "CLA_OthPl"]);
    let known = foster + residential + other;
    let share = |children: f64| 100.0 * children / known;
    let kinship = 13.0 / 72.0;
    let agencies = 0.36;
    HashMap::from([
        (
            PlacementKind::InHouseFoster,
            share(foster * (1.0 - kinship - agencies)),
        ),
        (
            PlacementKind::IndependentFostering,
            share(foster * agencies),
        ),
        (PlacementKind::Residential, share(residential)),
        (PlacementKind::Kinship, share(foster * kinship)),
        (PlacementKind::Other, share(other)),
    ])
}

#[test]
fn placement_mix_is_the_published_one() {
    let cla = Table::read("CLA2019.csv");
    for example in EXAMPLES {
        let scenario = scenario(&example);
        for (kind, published) in published_mix(&cla, example.code) {
            let placement = scenario.placements.get(kind);
            let what = format!("{} {kind:?}", example.file);
            // Written to one decimal, rounded so that the five add up to 100.
            close(placement.current_percent, published, 0.1, &what);
            close(placement.new_entry_percent, published, 0.1, &what);
        }
    }
}

/// Social worker groups: every group but the agency and "other roles" (staff who are
/// not social workers, outside the census).
fn social_workers(scenario: &Scenario) -> Vec<&StaffGroup> {
    scenario
        .staff
        .iter()
        .filter(|group| !group.agency && group.id != "other")
        .collect()
}

/// A group's funded posts at the start, with managers set by a span of control
/// following the case-holding groups' posts, as the model does.
fn establishment(scenario: &Scenario, group: &StaffGroup) -> f64 {
    match group.span_of_control {
        Some(span) => {
            scenario
                .staff
                .iter()
                .filter(|other| {
                    !other.agency && other.span_of_control.is_none() && other.holds_cases()
                })
                .map(|other| other.establishment)
                .sum::<f64>()
                / span
        }
        None => group.establishment,
    }
}

#[test]
fn social_workers_start_from_the_workforce_census() {
    let csww = Table::read("csww_indicators_2017_to_2025.csv");
    for example in EXAMPLES {
        let scenario = scenario(&example);
        let census = |column: &str| figure(&csww, example.code, example.census_year, column);
        let what = |name: &str| format!("{} {name}", example.file);
        let groups = social_workers(&scenario);
        let in_post: f64 = groups.iter().map(|group| group.fte).sum();
        close(
            in_post,
            census("inpost_fte"),
            0.05,
            &what("social workers in post"),
        );
        let vacancies: f64 = groups
            .iter()
            .map(|group| establishment(&scenario, group) - group.fte)
            .sum();
        close(vacancies, census("vacancy_fte"), 0.05, &what("vacancies"));
        let agency: f64 = scenario
            .staff
            .iter()
            .filter(|group| group.agency)
            .map(|group| group.fte)
            .sum();
        close(
            agency,
            census("agency_fte"),
            0.05,
            &what("agency social workers"),
        );
        let turnover = groups
            .iter()
            .map(|group| group.fte * group.turnover_percent_per_year)
            .sum::<f64>()
            / in_post;
        close(
            turnover,
            census("turnover_rate_fte"),
            0.05,
            &what("turnover"),
        );
        close(
            scenario.workforce.agency_cover_percent,
            census("vacancy_agency_cover_rate_fte"),
            0.001,
            &what("share of vacancies covered by agency workers"),
        );
    }
}
