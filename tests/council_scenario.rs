//! A new scenario from a council's published figures (`caseload new --council`):
//! its starting figures are the published ones, its comments name their tables,
//! every council with data gives a scenario that passes the checks and projects
//! sensibly, and the command line writes a file that `caseload run` reads.

#![allow(clippy::unwrap_used)] // Test code: a panic is a failed test.

use std::path::Path;
use std::process::Command;

use caseload::council_scenario::{CouncilScenario, build, years_with_data};
use caseload::io::{load_scenario, parse_scenario};
use caseload::model::FORMAT_VERSION;
use caseload::project;
use caseload::published::{self, Council, LICENCE, Measure};

fn council(name: &str) -> &'static Council {
    published::find(name).unwrap_or_else(|message| panic!("{name}: {message}"))
}

/// Councils with at least one year of children in care, children in need and
/// referrals.
fn councils_with_data() -> Vec<&'static Council> {
    published::councils()
        .iter()
        .filter(|council| council.latest_year().is_some())
        .collect()
}

/// Three councils chosen at random (a seeded linear congruential generator), so
/// that every run checks the same three, and a change of seed others.
fn random_councils(seed: u64) -> Vec<&'static Council> {
    let all = councils_with_data();
    let mut state = seed;
    let mut chosen: Vec<&Council> = Vec::new();
    while chosen.len() < 3 {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let pick = all[(state >> 33) as usize % all.len()];
        let named = ["Liverpool", "Gloucestershire", "Wakefield"].contains(&pick.name.as_str());
        if !named && !chosen.iter().any(|council| council.code == pick.code) {
            chosen.push(pick);
        }
    }
    chosen
}

/// The starting figures equal the published ones for that year, and the comments
/// name their tables.
fn check_published_figures(council: &Council, built: &CouncilScenario) {
    let year = built.year;
    let figures = council.year(year).unwrap();
    let demand = &built.scenario.demand;
    let name = &council.name;
    let looked_after = figures.get(Measure::ChildrenInCare).unwrap();
    let in_need = figures.get(Measure::ChildrenInNeed).unwrap();
    let referrals = figures.get(Measure::Referrals).unwrap();
    assert_eq!(demand.looked_after, looked_after, "{name} {year}");
    assert!(
        (demand.referrals_per_month * 12.0 - referrals).abs() < 1e-6,
        "{name} {year}: {} a month for {referrals}",
        demand.referrals_per_month
    );
    match figures.get(Measure::ProtectionPlans) {
        Some(plans) => {
            assert_eq!(demand.child_protection, plans, "{name} {year}");
            assert!(
                built
                    .comments
                    .on("demand.child_protection")
                    .contains(Measure::ProtectionPlans.table(year)),
                "{name} {year}"
            );
        }
        None => assert!(
            built
                .comments
                .on("demand.child_protection")
                .contains("England's"),
            "{name} {year}: plans not published, England's must stand in"
        ),
    }
    let net = (in_need - demand.child_protection - looked_after).max(0.0);
    assert_eq!(demand.children_in_need, net, "{name} {year}");

    for (path, measure) in [
        ("demand.looked_after", Measure::ChildrenInCare),
        ("demand.children_in_need", Measure::ChildrenInNeed),
        ("demand.referrals_per_month", Measure::Referrals),
    ] {
        let comment = built.comments.on(path);
        assert!(
            comment.contains(measure.table(year)) && comment.contains(&year.to_string()),
            "{name} {year}: {path}: {comment}"
        );
    }

    // Social workers: the permanent groups add up to the census's FTE in post.
    let census = census_year_of(council, year);
    let permanent: f64 = built
        .scenario
        .staff
        .iter()
        .filter(|group| !group.agency)
        .map(|group| group.fte)
        .sum();
    let agency: f64 = built
        .scenario
        .staff
        .iter()
        .filter(|group| group.agency)
        .map(|group| group.fte)
        .sum();
    if let Some(census) = census {
        let published = council.year(census).unwrap();
        let in_post = published.get(Measure::SocialWorkersFte).unwrap();
        assert!(
            (permanent - in_post).abs() < 0.051,
            "{name} {year}: {permanent} FTE for {in_post} in post (census {census})"
        );
        if let Some(published_agency) = published.get(Measure::AgencyFte) {
            assert!((agency - published_agency).abs() < 0.051, "{name} {year}");
        }
        // Establishment = FTE in post + vacancies, plus, where the census counts
        // more agency workers than vacancies, the posts they cover (said).
        if let Some(vacancies) = published.get(Measure::VacanciesFte) {
            let posts: f64 = built
                .scenario
                .staff
                .iter()
                .filter(|group| !group.agency)
                .map(|group| group.establishment)
                .sum();
            let cover = built.comments.on("workforce.agency_cover_percent");
            if cover.contains("disagree") {
                assert!(posts >= in_post + vacancies - 0.051, "{name} {year}");
            } else {
                assert!(
                    (posts - in_post - vacancies).abs() < 0.051,
                    "{name} {year}: {posts} posts for {in_post} + {vacancies}"
                );
            }
        }
        let comment = built.comments.on("staff");
        assert!(
            comment.contains("workforce census")
                && comment.contains(&format!("30 September {census}")),
            "{name} {year}: {comment}"
        );
    } else {
        assert!(
            built.comments.on("staff").contains("England's"),
            "{name} {year}: no census, England's must stand in"
        );
    }
}

/// The census year the builder should use: the one before the start, or the
/// nearest the council has (the census begins in 2017; of two as near, the later);
/// `None` if the council has none of its own.
fn census_year_of(council: &Council, year: i32) -> Option<i32> {
    council
        .years
        .iter()
        .filter(|entry| entry.get(Measure::SocialWorkersFte).is_some())
        .map(|entry| entry.year)
        .min_by_key(|census| ((year - 1 - census).abs(), -census))
}

#[test]
fn named_and_random_councils_start_from_their_published_figures() {
    let mut councils: Vec<&Council> = ["Liverpool", "Gloucestershire", "Wakefield"]
        .into_iter()
        .map(council)
        .collect();
    councils.extend(random_councils(14));
    assert_eq!(councils.len(), 6);
    for council in councils {
        let years = years_with_data(council);
        let latest = *years.last().unwrap();
        for year in [Some(latest), years.first().copied()] {
            let built = build(council, year).unwrap();
            assert_eq!(Some(built.year), year);
            check_published_figures(council, &built);
        }
        // Without a year, the latest with data.
        assert_eq!(build(council, None).unwrap().year, latest);
    }
}

/// One value from a raw file's row for a council and year.
fn raw(file: &str, year_column: &str, year: &str, code: &str, column: &str) -> f64 {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/public-statistics")
        .join(file);
    let mut reader = csv::Reader::from_path(&path).unwrap();
    let headers = reader.headers().unwrap().clone();
    let at = |name: &str| headers.iter().position(|header| header == name).unwrap();
    for record in reader.records() {
        let record = record.unwrap();
        let code_matches = ["new_la_code", "New_geog_code"]
            .iter()
            .filter_map(|name| headers.iter().position(|header| header == *name))
            .any(|index| &record[index] == code);
        let year_matches = year_column.is_empty() || record[at(year_column)].trim() == year;
        let category_ok = headers
            .iter()
            .position(|header| header == "category")
            .is_none_or(|index| !record[index].contains("rate"));
        if code_matches && year_matches && category_ok {
            return record[at(column)].trim().parse().unwrap();
        }
    }
    panic!("{file}: no row for {code} {year}");
}

#[test]
fn wakefields_2019_scenario_matches_the_raw_files_by_hand() {
    let built = build(council("wakefield"), Some(2019)).unwrap();
    let demand = &built.scenario.demand;
    let code = "E08000036";
    let in_care = raw("CLA2019.csv", "", "", code, "CLA_Mar2019");
    let in_need = raw(
        "b1_children_in_need_2013_to_2025.csv",
        "time_period",
        "2019",
        code,
        "At31_episodes",
    );
    let plans = raw(
        "d5_cpps_at31march_by_duration_2013_to_2025.csv",
        "time_period",
        "2019",
        code,
        "CPP_At31",
    );
    let referrals = raw(
        "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv",
        "time_period",
        "2019",
        code,
        "referral_count",
    );
    let in_post = raw(
        "csww_indicators_2017_to_2025.csv",
        "time_period",
        "2018",
        code,
        "inpost_fte",
    );
    assert_eq!(
        (in_care, in_need, plans, referrals),
        (609.0, 3205.0, 507.0, 5977.0)
    );
    assert_eq!(demand.looked_after, in_care);
    assert_eq!(demand.child_protection, plans);
    assert_eq!(demand.children_in_need, in_need - plans - in_care);
    assert!((demand.referrals_per_month * 12.0 - referrals).abs() < 1e-9);
    let permanent: f64 = built
        .scenario
        .staff
        .iter()
        .filter(|group| !group.agency)
        .map(|group| group.fte)
        .sum();
    assert!(
        (permanent - in_post).abs() < 1e-6,
        "{permanent} for {in_post}"
    );
    assert!(built.comments.on("staff").contains("30 September 2018"));
}

#[test]
fn the_text_reads_back_as_the_scenario_with_its_council_and_licence() {
    let built = build(council("Gloucestershire"), None).unwrap();
    let read = parse_scenario(&built.text).unwrap();
    assert_eq!(read, built.scenario);
    assert_eq!(read.version, FORMAT_VERSION);
    assert_eq!(read.council.as_deref(), Some("E10000013"));
    assert!(
        built
            .text
            .lines()
            .take(15)
            .any(|line| line == format!("// {LICENCE}"))
    );
    assert!(read.notes.ends_with(LICENCE));
    // Every figure the builder sets has its comment in the text, above its line.
    for (path, comment) in &built.comments.entries {
        let first_words: String = comment
            .split_whitespace()
            .take(4)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            built.text.contains(&first_words),
            "{path}: {first_words:?} is not in the text"
        );
    }
    let year = built.year;
    assert!(read.start == caseload::model::Month::new(year, 4).unwrap());
}

#[test]
fn every_council_with_data_gives_a_scenario_that_passes_the_checks_and_projects() {
    let councils = councils_with_data();
    assert!(
        councils.len() >= 150,
        "{} councils with data",
        councils.len()
    );
    for council in councils {
        let years = years_with_data(council);
        let latest = *years.last().unwrap();
        for year in [years[0], latest] {
            let built = build(council, Some(year))
                .unwrap_or_else(|message| panic!("{} {year}: {message}", council.name));
            let read = parse_scenario(&built.text)
                .unwrap_or_else(|problems| panic!("{} {year}: {problems:?}", council.name));
            assert_eq!(read, built.scenario, "{} {year}", council.name);
            let projection = project(&read);
            assert_eq!(projection.rows.len(), 36);
            for row in &projection.rows {
                let stocks = [
                    row.stocks.children_in_need,
                    row.stocks.child_protection,
                    row.stocks.looked_after(),
                    row.stocks.care_leavers,
                    row.staffing.permanent_fte,
                    row.staffing.agency_fte,
                ];
                assert!(
                    stocks
                        .iter()
                        .all(|stock| stock.is_finite() && *stock >= 0.0),
                    "{} {year} {}: {stocks:?}",
                    council.name,
                    row.month
                );
                assert!(row.spend.total().is_finite() && row.spend.total() >= 0.0);
            }
            // The start is in balance, or the file says how far out it is.
            for stock in caseload::sim::balance::start_balance(&read) {
                assert!(
                    stock.in_balance()
                        || built
                            .comments
                            .on(stock.stock.stock_field())
                            .contains("Not in balance at the start"),
                    "{} {year}: {}",
                    council.name,
                    stock.sentence()
                );
            }
            // The referral trend names the years it used.
            let trend = built.comments.on("demand.referral_growth_percent_per_year");
            assert!(
                trend.contains(&year.to_string()) || trend.contains("default"),
                "{} {year}: {trend}",
                council.name
            );
            // Suppressed or missing figures: the file says which England figure
            // stood in.
            let figures = council.year(year).unwrap();
            if figures.get(Measure::ProtectionPlans).is_none() {
                assert!(
                    read.notes.contains("Child protection plans at 31 March")
                        && read.notes.contains("England's"),
                    "{} {year}: {}",
                    council.name,
                    read.notes
                );
            }
            if census_year_of(council, year).is_none() {
                assert!(
                    read.notes.contains("Social workers in post")
                        && read.notes.contains("England's"),
                    "{} {year}: {}",
                    council.name,
                    read.notes
                );
            }
            if built.stand_ins.is_empty() {
                assert!(read.notes.contains("No England figure stood in."));
            } else {
                for stand_in in &built.stand_ins {
                    assert!(read.notes.contains(stand_in.as_str()), "{}", council.name);
                }
            }
        }
    }
}

#[test]
fn a_year_without_data_or_an_unknown_council_is_refused_clearly() {
    let wakefield = council("Wakefield");
    let message = build(wakefield, Some(1999)).unwrap_err();
    assert!(
        message.contains("no children in care, children in need and referrals")
            && message.contains("2019"),
        "{message}"
    );
    let output = caseload(&["new", "--council", "Wakefeild"]);
    assert_eq!(output.status.code(), Some(1));
    let error = String::from_utf8_lossy(&output.stderr);
    assert!(error.contains("did you mean Wakefield"), "{error}");
}

fn caseload(arguments: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_caseload"))
        .args(arguments)
        .output()
        .unwrap()
}

#[test]
fn the_command_line_writes_a_scenario_that_caseload_runs() {
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("wakefield.ron");
    let file_text = file.to_str().unwrap();
    let output = caseload(&[
        "new",
        "--council",
        "wakefield",
        "--year",
        "2019",
        "--out",
        file_text,
    ]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(
        said.contains("Wakefield (E08000036)") && said.contains("609 in care"),
        "{said}"
    );
    let scenario = load_scenario(&file).unwrap();
    assert_eq!(scenario.council.as_deref(), Some("E08000036"));
    assert_eq!(scenario.start.iso(), "2019-04");
    assert_eq!(scenario.demand.looked_after, 609.0);

    let run = caseload(&["run", file_text]);
    assert_eq!(run.status.code(), Some(0), "{run:?}");
    let summary = String::from_utf8_lossy(&run.stdout);
    assert!(
        summary.contains("Wakefield: from the published figures to 31 March 2019")
            && summary.contains("609 in care")
            && summary.contains("2019-20"),
        "{summary}"
    );
    let check = caseload(&["check", file_text]);
    assert_eq!(check.status.code(), Some(0), "{check:?}");

    // Without --out, the scenario goes to standard output, the same text.
    let printed = caseload(&["new", "--council", "E08000036", "--year", "2019"]);
    assert_eq!(printed.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&printed.stdout),
        std::fs::read_to_string(&file).unwrap()
    );
}

#[test]
fn money_comes_from_the_2024_25_outturn_grown_a_year_for_2025_26() {
    use caseload::model::PlacementKind;
    use caseload::published::SpendingLine;
    let wakefield = council("Wakefield");
    let built = build(wakefield, Some(2025)).unwrap();
    let scenario = &built.scenario;
    let looked_after = wakefield
        .spending(SpendingLine::ChildrenLookedAfter)
        .unwrap()
        * 1_000.0;
    let total = wakefield
        .spending(SpendingLine::TotalChildrensSocialCare)
        .unwrap()
        * 1_000.0;
    // The scenario starts in April 2025: 2024-25's outturn, one year of 2% inflation.
    assert_eq!(scenario.start.iso(), "2025-04");
    assert_eq!(scenario.money.budgets.len(), 1);
    assert_eq!(scenario.money.budgets[0].year.0, 2025);
    assert!((scenario.money.budgets[0].budget_gbp - total * 1.02).abs() <= 500.0);
    // A year of placements for the children in care costs the looked-after line.
    let weekly: f64 = PlacementKind::ALL
        .iter()
        .map(|kind| {
            let placement = scenario.placements.get(*kind);
            placement.current_percent / 100.0 * placement.weekly_cost_gbp
        })
        .sum();
    let year_of_placements = scenario.demand.looked_after * weekly * 52.0;
    let expected = looked_after * 1.02;
    assert!(
        (year_of_placements / expected - 1.0).abs() < 0.001,
        "{year_of_placements} for {expected}"
    );
    let comment = built.comments.on("money.budgets");
    assert!(
        comment.contains("MHCLG revenue outturn 2024-25") && comment.contains("Scaled to 2025-26"),
        "{comment}"
    );
}

/// The window's "Every figure and where it comes from" names each figure as the
/// editor does: no comment sits on a path people would see as code.
#[test]
fn every_commented_figure_has_a_name_people_read() {
    for name in ["Wakefield", "Liverpool", "Isles of Scilly"] {
        let built = build(council(name), None).unwrap();
        for (path, _) in &built.comments.entries {
            let shown = caseload::model::catalogue::name_of(&built.scenario, path);
            assert!(
                shown.as_deref().is_some_and(|shown| shown != path),
                "{name}: {path} has no name"
            );
        }
    }
}
