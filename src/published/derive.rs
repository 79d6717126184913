//! Derives the two shipped tables from the raw files as released: pure functions
//! from the files' text to the tables' text, so the program that writes them
//! (`src/bin/derive-councils.rs`) and the test that re-derives them agree byte for
//! byte. No file is read here.

use std::collections::{BTreeMap, HashMap};

use super::measures::{Measure, SpendingLine};
use super::{ENGLAND_CODE, LICENCE};

/// The raw files' text, by their names in `assets/public-statistics/`. The CLA
/// 2019 files are Latin-1: pass them through `String::from_utf8_lossy` (only codes
/// and numbers are read from them).
pub struct RawFiles<'a> {
    pub children_in_need_b1: &'a str,
    pub referrals_c1: &'a str,
    pub plans_by_duration_d5: &'a str,
    pub plans_started_d3: &'a str,
    pub workforce: &'a str,
    pub population: &'a str,
    pub cla_rates: &'a str,
    pub cla_rates_2020_to_2024: &'a str,
    pub cla_2019: &'a str,
    pub started_2019: &'a str,
    pub ceased_2019: &'a str,
    pub neighbours: &'a str,
    pub ofsted: &'a str,
    pub outturn_ro3: &'a str,
}

/// The raw files' names, in [`RawFiles`]' order, for the program and the test.
pub const RAW_FILE_NAMES: [&str; 14] = [
    "b1_children_in_need_2013_to_2025.csv",
    "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv",
    "d5_cpps_at31march_by_duration_2013_to_2025.csv",
    "d3_cpps_subsequent_plan_2013_to_2025.csv",
    "csww_indicators_2017_to_2025.csv",
    "ons_mid-year_population_estimates_2012_to_2024.csv",
    "cla_number_and_rate_per_10k_children.csv",
    "cla_number_and_rate_per_10k_children_2020_to_2024.csv",
    "CLA2019.csv",
    "ADM2019.csv",
    "CEA2019.csv",
    "sn_model_2025_wide.csv",
    "ofsted_ilacs_judgements_at_31_march_2025.csv",
    "ro3_revenue_outturn_social_care_2024_25.csv",
];

impl<'a> RawFiles<'a> {
    /// From the files' text in [`RAW_FILE_NAMES`]' order.
    pub fn from_texts(texts: &'a [String; 14]) -> Self {
        Self {
            children_in_need_b1: &texts[0],
            referrals_c1: &texts[1],
            plans_by_duration_d5: &texts[2],
            plans_started_d3: &texts[3],
            workforce: &texts[4],
            population: &texts[5],
            cla_rates: &texts[6],
            cla_rates_2020_to_2024: &texts[7],
            cla_2019: &texts[8],
            started_2019: &texts[9],
            ceased_2019: &texts[10],
            neighbours: &texts[11],
            ofsted: &texts[12],
            outturn_ro3: &texts[13],
        }
    }
}

/// The derived tables' text.
#[derive(Debug, PartialEq, Eq)]
pub struct Derived {
    /// `derived/councils.csv`: one row per council (and England first).
    pub councils: String,
    /// `derived/years.csv`: one row per council (and England) and year ending 31 March.
    pub years: String,
}

/// The latest year of the children-in-need census: the councils that report in it
/// are today's councils.
const LATEST_YEAR: i32 = 2025;

/// A raw table: header and rows as text, cells trimmed, the byte-order mark gone.
struct Raw {
    file: &'static str,
    columns: HashMap<String, usize>,
    rows: Vec<Vec<String>>,
}

impl Raw {
    /// Parses `text`, whose header is on line `header_line` (0-based).
    fn parse(file: &'static str, text: &str, header_line: usize) -> Result<Raw, String> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut records = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|error| format!("{file}: {error}"))?;
            records.push(
                record
                    .iter()
                    .map(|cell| cell.trim_start_matches('\u{feff}').trim().to_owned())
                    .collect::<Vec<String>>(),
            );
        }
        if records.len() <= header_line {
            return Err(format!("{file}: no header on line {}", header_line + 1));
        }
        let rows = records.split_off(header_line + 1);
        let header = records.pop().unwrap_or_default();
        let columns = header
            .into_iter()
            .enumerate()
            .map(|(index, name)| (name, index))
            .collect();
        Ok(Raw {
            file,
            columns,
            rows,
        })
    }

    fn column(&self, name: &str) -> Result<usize, String> {
        self.columns
            .get(name)
            .copied()
            .ok_or_else(|| format!("{}: no column {name}", self.file))
    }

    /// The column whose name starts with `prefix`.
    fn column_starting(&self, prefix: &str) -> Result<usize, String> {
        let mut found: Vec<(&String, usize)> = self
            .columns
            .iter()
            .filter(|(name, _)| name.starts_with(prefix))
            .map(|(name, index)| (name, *index))
            .collect();
        found.sort();
        match found.as_slice() {
            [(_, index)] => Ok(*index),
            [] => Err(format!("{}: no column starting {prefix}", self.file)),
            _ => Err(format!("{}: several columns start {prefix}", self.file)),
        }
    }
}

fn cell(row: &[String], index: usize) -> &str {
    row.get(index).map_or("", String::as_str)
}

/// A published cell: a number, or unknown where it is suppressed or missing
/// (`c`, `x`, `z`, `u`, `.`, `low`, `k`, `-`, `[x]`, `[n]`, `[note 4]`, empty). Anything else is an
/// error, so a new marker cannot pass silently as a number or as unknown.
fn number(text: &str, file: &str, line: usize) -> Result<Option<f64>, String> {
    let text = text.trim();
    let bare = text.trim_start_matches('[').trim_end_matches(']');
    if bare.is_empty()
        || matches!(
            bare.to_ascii_lowercase().as_str(),
            "c" | "x" | "z" | "u" | "n" | "." | ".." | "low" | "k" | "-" | ":"
        )
        // The outturn sheets put "[note 4]" where a return gave no figure.
        || bare.starts_with("note ")
    {
        return Ok(None);
    }
    let cleaned: String = bare.chars().filter(|c| *c != ',' && *c != ' ').collect();
    match cleaned.parse::<f64>() {
        Ok(value) if value.is_finite() => Ok(Some(value)),
        _ => Err(format!("{file}, line {line}: {text:?} is not a number")),
    }
}

/// Today's councils, as the latest children-in-need census lists them.
struct Identity {
    code: String,
    old_code: String,
    name: String,
    region: String,
    /// Other ONS codes its rows carry in some file (a recoded area of the same
    /// council), in the order first seen.
    former_codes: Vec<String>,
}

/// Which council (or England, [`ENGLAND`]) each row belongs to.
struct Matcher {
    councils: Vec<Identity>,
    by_code: HashMap<String, usize>,
    by_old_code: HashMap<String, usize>,
}

/// The index that stands for England in the tables being built.
const ENGLAND: usize = usize::MAX;

impl Matcher {
    fn new(b1: &Raw) -> Result<Matcher, String> {
        let (year, level, new, old, name, region) = (
            b1.column("time_period")?,
            b1.column("geographic_level")?,
            b1.column("new_la_code")?,
            b1.column("old_la_code")?,
            b1.column("la_name")?,
            b1.column("region_name")?,
        );
        let mut councils: Vec<Identity> = b1
            .rows
            .iter()
            .filter(|row| {
                cell(row, year) == LATEST_YEAR.to_string() && cell(row, level) == "Local authority"
            })
            .map(|row| Identity {
                code: cell(row, new).to_owned(),
                old_code: cell(row, old).to_owned(),
                name: cell(row, name).to_owned(),
                region: cell(row, region).to_owned(),
                former_codes: Vec::new(),
            })
            .collect();
        councils.sort_by(|a, b| a.name.cmp(&b.name).then(a.code.cmp(&b.code)));
        if councils.is_empty() {
            return Err(format!("{}: no councils in {LATEST_YEAR}", b1.file));
        }
        let by_code = councils
            .iter()
            .enumerate()
            .map(|(index, council)| (council.code.clone(), index))
            .collect();
        let by_old_code = councils
            .iter()
            .enumerate()
            .map(|(index, council)| (council.old_code.clone(), index))
            .collect();
        Ok(Matcher {
            councils,
            by_code,
            by_old_code,
        })
    }

    /// The council a row of a DfE file belongs to, and whether it matched on the
    /// current ONS code (rather than the unchanged old code of a recoded area).
    ///
    /// Councils are matched by their current code. A row under another ONS code
    /// belongs to a council only if it carries the council's own old (three-digit)
    /// code: the DfE keeps that code when an area is recoded without changing
    /// (Buckinghamshire 2020, North Yorkshire and Somerset 2023, Barnsley and
    /// Sheffield in the 2025 workforce census), and gives merged or split
    /// councils new ones (Bournemouth, Christchurch and Poole 839; Dorset 838;
    /// North and West Northamptonshire 940 and 941; Cumberland 942; Westmorland and
    /// Furness 943), so their predecessors' rows match nobody.
    fn council(&mut self, new: &str, old: &str) -> Option<(usize, bool)> {
        if let Some(index) = self.by_code.get(new) {
            return Some((*index, true));
        }
        let index = *self.by_old_code.get(old)?;
        let council = &mut self.councils[index];
        if !new.is_empty() && !council.former_codes.iter().any(|code| code == new) {
            council.former_codes.push(new.to_owned());
        }
        Some((index, false))
    }

    fn by_any_code(&self, code: &str) -> Option<usize> {
        self.by_code.get(code).copied().or_else(|| {
            self.councils
                .iter()
                .position(|council| council.former_codes.iter().any(|former| former == code))
        })
    }
}

/// Each council's (and England's) values by year, and whether each was matched on
/// the current code (a row under the current code wins over one under a former).
#[derive(Default)]
struct Values {
    cells: BTreeMap<(usize, i32), [Option<f64>; Measure::ALL.len()]>,
    exact: HashMap<(usize, i32, usize), bool>,
}

impl Values {
    fn set(
        &mut self,
        council: usize,
        year: i32,
        measure: Measure,
        value: Option<f64>,
        exact: bool,
    ) {
        let key = (council, year, measure.index());
        if self.exact.get(&key) == Some(&true) && !exact {
            return;
        }
        self.exact.insert(key, exact);
        self.cells
            .entry((council, year))
            .or_insert([None; Measure::ALL.len()])[measure.index()] = value;
    }
}

/// Reads a DfE long table (one row per area and year): `columns` pairs each
/// source column with its measure; `year_shift` moves the file's year onto the
/// year ending 31 March it stands for.
fn read_long(
    raw: &Raw,
    columns: &[(&str, Measure)],
    year_shift: i32,
    matcher: &mut Matcher,
    values: &mut Values,
) -> Result<(), String> {
    let (year_at, level, new, old) = (
        raw.column("time_period")?,
        raw.column("geographic_level")?,
        raw.column("new_la_code")?,
        raw.column("old_la_code")?,
    );
    let indices = columns
        .iter()
        .map(|(name, measure)| Ok((raw.column(name)?, *measure)))
        .collect::<Result<Vec<_>, String>>()?;
    for (line, row) in raw.rows.iter().enumerate() {
        let line = line + 2;
        let Some((council, exact)) = (match cell(row, level) {
            "National" => Some((ENGLAND, true)),
            "Local authority" => matcher.council(cell(row, new), cell(row, old)),
            _ => None,
        }) else {
            continue;
        };
        let year: i32 = cell(row, year_at)
            .parse()
            .map_err(|_| format!("{}, line {line}: no year", raw.file))?;
        for (index, measure) in &indices {
            let value = number(cell(row, *index), raw.file, line)?;
            values.set(council, year + year_shift, *measure, value, exact);
        }
    }
    Ok(())
}

/// The DfE's children-looked-after rates files: one row per area, year and count
/// (`population_type`), the count in `count_column`. Only `years` are taken.
fn read_cla_rates(
    raw: &Raw,
    count_column: &str,
    years: std::ops::RangeInclusive<i32>,
    matcher: &mut Matcher,
    values: &mut Values,
) -> Result<(), String> {
    // The 2020-2024 release names its kind-of-count column `population_count`.
    let kind = raw
        .column("population_type")
        .or_else(|_| raw.column("population_count"))?;
    let count = raw.column(count_column)?;
    let (year_at, level, new, old) = (
        raw.column("time_period")?,
        raw.column("geographic_level")?,
        raw.column("new_la_code")?,
        raw.column("old_la_code")?,
    );
    for (line, row) in raw.rows.iter().enumerate() {
        let line = line + 2;
        let measure = match cell(row, kind) {
            kind if kind.starts_with("Children looked after") => Measure::ChildrenInCare,
            kind if kind.starts_with("Children starting") => Measure::StartedCare,
            kind if kind.starts_with("Children ceasing") => Measure::CeasedCare,
            other => {
                return Err(format!(
                    "{}, line {line}: unknown count {other:?}",
                    raw.file
                ));
            }
        };
        let year: i32 = cell(row, year_at)
            .parse()
            .map_err(|_| format!("{}, line {line}: no year", raw.file))?;
        if !years.contains(&year) {
            continue;
        }
        let Some((council, exact)) = (match cell(row, level) {
            "National" => Some((ENGLAND, true)),
            "Local authority" => matcher.council(cell(row, new), cell(row, old)),
            _ => None,
        }) else {
            continue;
        };
        let value = number(cell(row, count), raw.file, line)?;
        values.set(council, year, measure, value, exact);
    }
    Ok(())
}

/// The 2019 children-looked-after release: one row per area, a column per year
/// (`CLA_Mar2015` ... in `prefix`2015 ...).
fn read_cla_2019(
    raw: &Raw,
    prefix: &str,
    measure: Measure,
    matcher: &mut Matcher,
    values: &mut Values,
) -> Result<(), String> {
    let (level, new, old) = (
        raw.column("geog_l")?,
        raw.column("New_geog_code")?,
        raw.column("geog_c")?,
    );
    let years = (2015..=2019)
        .map(|year| Ok((year, raw.column(&format!("{prefix}{year}"))?)))
        .collect::<Result<Vec<_>, String>>()?;
    for (line, row) in raw.rows.iter().enumerate() {
        let line = line + 2;
        let Some((council, exact)) = (match cell(row, level) {
            "NATIONAL" => Some((ENGLAND, true)),
            "LA" => matcher.council(cell(row, new), cell(row, old)),
            _ => None,
        }) else {
            continue;
        };
        for (year, index) in &years {
            let value = number(cell(row, *index), raw.file, line)?;
            values.set(council, *year, measure, value, exact);
        }
    }
    Ok(())
}

/// Each council's statistical neighbours, by current code, with closeness.
fn read_neighbours(
    raw: &Raw,
    matcher: &Matcher,
) -> Result<HashMap<usize, Vec<(String, String)>>, String> {
    let old = raw.column("old_la_code")?;
    let mut found = HashMap::new();
    for (line, row) in raw.rows.iter().enumerate() {
        let line = line + 2;
        let Some(council) = matcher.by_old_code.get(cell(row, old)) else {
            return Err(format!(
                "{}, line {line}: no council has old code {}",
                raw.file,
                cell(row, old)
            ));
        };
        let mut neighbours = Vec::new();
        for rank in 1..=10 {
            let code = cell(row, raw.column(&format!("SN_{rank}"))?);
            let closeness = cell(row, raw.column(&format!("SN_{rank}P"))?);
            let Some(neighbour) = matcher.by_old_code.get(code) else {
                return Err(format!(
                    "{}, line {line}: no council has old code {code}",
                    raw.file
                ));
            };
            neighbours.push((
                matcher.councils[*neighbour].code.clone(),
                closeness.to_owned(),
            ));
        }
        found.insert(*council, neighbours);
    }
    Ok(found)
}

/// Each council's latest Ofsted judgement: overall effectiveness and the date of
/// the inspection.
fn read_ofsted(raw: &Raw, matcher: &Matcher) -> Result<HashMap<usize, (String, String)>, String> {
    let (code, overall, date) = (
        raw.column("Local authority area code")?,
        raw.column("Overall effectiveness")?,
        raw.column("Inspection date")?,
    );
    let mut found = HashMap::new();
    for row in &raw.rows {
        let Some(council) = matcher.by_any_code(cell(row, code)) else {
            continue;
        };
        let date: String = cell(row, date).chars().take(10).collect();
        found.insert(council, (cell(row, overall).to_owned(), date));
    }
    Ok(found)
}

/// Each council's (and England's) 2024-25 outturn lines, £ thousands.
fn read_outturn(
    raw: &Raw,
    matcher: &Matcher,
) -> Result<HashMap<usize, [Option<f64>; SpendingLine::ALL.len()]>, String> {
    let (code, class) = (raw.column("ONS Code")?, raw.column("Class")?);
    let lines = SpendingLine::ALL
        .iter()
        .map(|line| {
            raw.column_starting(&format!("{} - Net Current Expenditure", line.sheet_line()))
        })
        .collect::<Result<Vec<_>, String>>()?;
    let mut found = HashMap::new();
    for (line, row) in raw.rows.iter().enumerate() {
        let line = line + 8;
        let council = if cell(row, class) == "Eng" {
            ENGLAND
        } else if let Some(council) = matcher.by_any_code(cell(row, code)) {
            council
        } else {
            continue;
        };
        let mut spending = [None; SpendingLine::ALL.len()];
        for (slot, index) in spending.iter_mut().zip(&lines) {
            *slot = number(cell(row, *index), raw.file, line)?;
        }
        found.insert(council, spending);
    }
    Ok(found)
}

fn format_value(value: Option<f64>) -> String {
    value.map_or_else(String::new, |value| format!("{value}"))
}

/// A CSV cell, quoted where it holds a comma or a quote.
fn quoted(text: &str) -> String {
    if text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// The first lines of both tables: the licence and how they are made.
fn preamble(what: &str) -> String {
    format!(
        "# {LICENCE}\n# {what}\n# Derived from the raw files in assets/public-statistics/ by \
         `cargo run --bin derive-councils`; do not edit by hand.\n"
    )
}

/// Derives both tables from the raw files.
pub fn derive(raw: &RawFiles) -> Result<Derived, String> {
    let b1 = Raw::parse(RAW_FILE_NAMES[0], raw.children_in_need_b1, 0)?;
    let mut matcher = Matcher::new(&b1)?;
    let mut values = Values::default();

    read_long(
        &b1,
        &[
            ("At31_episodes", Measure::ChildrenInNeed),
            ("Started_episodes", Measure::ChildrenInNeedStarted),
        ],
        0,
        &mut matcher,
        &mut values,
    )?;
    read_long(
        &Raw::parse(RAW_FILE_NAMES[1], raw.referrals_c1, 0)?,
        &[
            ("referral_count", Measure::Referrals),
            ("rereferral_count", Measure::ReReferrals),
            ("no_further_action_count", Measure::NoFurtherAction),
            ("not_in_need_count", Measure::AssessedNotInNeed),
        ],
        0,
        &mut matcher,
        &mut values,
    )?;
    read_long(
        &Raw::parse(RAW_FILE_NAMES[2], raw.plans_by_duration_d5, 0)?,
        &[
            ("CPP_At31", Measure::ProtectionPlans),
            ("3_months_or_less", Measure::PlansUpTo3Months),
            ("more_than_3_months_6_months", Measure::Plans3To6Months),
            (
                "more_than_6_months_less_than_1_year",
                Measure::Plans6To12Months,
            ),
            ("1_year_less_than_2_years", Measure::Plans1To2Years),
            ("2_years_or_more", Measure::Plans2YearsOrMore),
        ],
        0,
        &mut matcher,
        &mut values,
    )?;
    read_long(
        &Raw::parse(RAW_FILE_NAMES[3], raw.plans_started_d3, 0)?,
        &[("CPP_start", Measure::PlansStarted)],
        0,
        &mut matcher,
        &mut values,
    )?;
    read_long(
        &Raw::parse(RAW_FILE_NAMES[4], raw.workforce, 0)?,
        &[
            ("inpost_fte", Measure::SocialWorkersFte),
            ("agency_fte", Measure::AgencyFte),
            ("vacancy_fte", Measure::VacanciesFte),
            ("leavers_fte", Measure::LeaversFte),
            ("turnover_rate_fte", Measure::TurnoverPercent),
            ("case_holders_fte", Measure::CaseHoldersFte),
            ("cases", Measure::Cases),
            ("caseload_fte", Measure::CaseloadPerCaseHolder),
        ],
        0,
        &mut matcher,
        &mut values,
    )?;
    // The mid-year estimate of year Y is the population for the year ending 31
    // March Y + 1, as the DfE's rates per 10,000 children use it.
    read_long(
        &Raw::parse(RAW_FILE_NAMES[5], raw.population, 0)?,
        &[("population_estimate", Measure::Children0To17)],
        1,
        &mut matcher,
        &mut values,
    )?;
    read_cla_2019(
        &Raw::parse(RAW_FILE_NAMES[8], raw.cla_2019, 0)?,
        "CLA_Mar",
        Measure::ChildrenInCare,
        &mut matcher,
        &mut values,
    )?;
    read_cla_2019(
        &Raw::parse(RAW_FILE_NAMES[9], raw.started_2019, 0)?,
        "CLA_started",
        Measure::StartedCare,
        &mut matcher,
        &mut values,
    )?;
    read_cla_2019(
        &Raw::parse(RAW_FILE_NAMES[10], raw.ceased_2019, 0)?,
        "CLA_cease",
        Measure::CeasedCare,
        &mut matcher,
        &mut values,
    )?;
    // 2020 only from the earlier release; 2021-2025 from the latest, which
    // supersedes the earlier one's 2021-2024.
    read_cla_rates(
        &Raw::parse(RAW_FILE_NAMES[7], raw.cla_rates_2020_to_2024, 0)?,
        "number",
        2020..=2020,
        &mut matcher,
        &mut values,
    )?;
    read_cla_rates(
        &Raw::parse(RAW_FILE_NAMES[6], raw.cla_rates, 0)?,
        "children_count",
        2021..=LATEST_YEAR,
        &mut matcher,
        &mut values,
    )?;

    let neighbours = read_neighbours(
        &Raw::parse(RAW_FILE_NAMES[11], raw.neighbours, 0)?,
        &matcher,
    )?;
    let ofsted = read_ofsted(&Raw::parse(RAW_FILE_NAMES[12], raw.ofsted, 2)?, &matcher)?;
    let outturn = read_outturn(
        &Raw::parse(RAW_FILE_NAMES[13], raw.outturn_ro3, 6)?,
        &matcher,
    )?;

    let code_of = |council: usize| -> &str {
        if council == ENGLAND {
            ENGLAND_CODE
        } else {
            &matcher.councils[council].code
        }
    };

    let mut years = preamble(
        "Each council (and England) by year ending 31 March: counts at 31 March, flows in the \
         year; workforce at 30 September of that year; children aged 0 to 17 at the mid-year \
         before. Empty: suppressed or not published.",
    );
    years.push_str("# Units: ");
    years.push_str(
        &Measure::ALL
            .iter()
            .map(|measure| format!("{} in {}", measure.column(), measure.unit()))
            .collect::<Vec<_>>()
            .join("; "),
    );
    years.push_str(".\n");
    years.push_str("code,year");
    for measure in Measure::ALL {
        years.push(',');
        years.push_str(measure.column());
    }
    years.push('\n');
    let order = std::iter::once(ENGLAND).chain(0..matcher.councils.len());
    for council in order.clone() {
        for ((_, year), cells) in values
            .cells
            .range((council, i32::MIN)..=(council, i32::MAX))
        {
            if cells.iter().all(Option::is_none) {
                continue;
            }
            years.push_str(&format!("{},{year}", code_of(council)));
            for value in cells {
                years.push(',');
                years.push_str(&format_value(*value));
            }
            years.push('\n');
        }
    }

    let mut councils = preamble(
        "Each council (and England first): codes, region, latest Ofsted judgement, ten \
         statistical neighbours (2025 model) and 2024-25 revenue outturn, net, in £ thousands.",
    );
    councils.push_str(
        "code,old_code,former_codes,name,region,ofsted_overall_effectiveness,ofsted_inspection_date",
    );
    for rank in 1..=10 {
        councils.push_str(&format!(",neighbour_{rank},neighbour_{rank}_closeness"));
    }
    for line in SpendingLine::ALL {
        councils.push(',');
        councils.push_str(line.column());
    }
    councils.push('\n');
    for council in order {
        let (old_code, former, name, region) = if council == ENGLAND {
            (
                String::new(),
                String::new(),
                "England".to_owned(),
                String::new(),
            )
        } else {
            let identity = &matcher.councils[council];
            (
                identity.old_code.clone(),
                identity.former_codes.join(" "),
                identity.name.clone(),
                identity.region.clone(),
            )
        };
        let (judgement, date) = ofsted.get(&council).cloned().unwrap_or_default();
        let mut row = [
            code_of(council).to_owned(),
            old_code,
            former,
            name,
            region,
            judgement,
            date,
        ]
        .iter()
        .map(|text| quoted(text))
        .collect::<Vec<_>>();
        let listed = neighbours.get(&council);
        for rank in 0..10 {
            match listed.and_then(|list| list.get(rank)) {
                Some((code, closeness)) => {
                    row.push(quoted(code));
                    row.push(quoted(closeness));
                }
                None => row.extend([String::new(), String::new()]),
            }
        }
        let spending = outturn.get(&council);
        for line in SpendingLine::ALL {
            row.push(format_value(spending.and_then(|lines| lines[line.index()])));
        }
        councils.push_str(&row.join(","));
        councils.push('\n');
    }
    Ok(Derived { councils, years })
}

#[cfg(test)]
mod tests {
    use super::*;

    const B1: &str = "time_period,geographic_level,old_la_code,new_la_code,la_name,region_name\n\
        2025,National,,,,\n\
        2025,Local authority,815,E06000065,North Yorkshire,Yorkshire and The Humber\n\
        2025,Local authority,942,E06000063,Cumberland,North West\n\
        2023,Local authority,815,E10000023,North Yorkshire,Yorkshire and The Humber\n\
        2023,Local authority,909,E10000006,Cumbria,North West\n";

    #[test]
    fn councils_are_matched_by_current_code_or_their_own_unchanged_old_code() {
        let b1 = Raw::parse("b1", B1, 0).unwrap();
        let mut matcher = Matcher::new(&b1).unwrap();
        let names: Vec<&str> = matcher.councils.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["Cumberland", "North Yorkshire"]);
        assert_eq!(matcher.council("E06000065", "815"), Some((1, true)));
        // Recoded, same area, same old code: the same council, the code kept.
        assert_eq!(matcher.council("E10000023", "815"), Some((1, false)));
        assert_eq!(matcher.councils[1].former_codes, ["E10000023"]);
        assert_eq!(matcher.by_any_code("E10000023"), Some(1));
        // The predecessor of a split council belongs to no council of today.
        assert_eq!(matcher.council("E10000006", "909"), None);
        // A joint return matches neither council.
        assert_eq!(matcher.council("E06000061 / E06000062", "940 / 941"), None);
    }

    #[test]
    fn a_row_under_the_current_code_wins_over_one_under_a_former_code() {
        let mut values = Values::default();
        values.set(0, 2025, Measure::Referrals, Some(10.0), true);
        values.set(0, 2025, Measure::Referrals, Some(99.0), false);
        values.set(0, 2024, Measure::Referrals, Some(5.0), false);
        values.set(0, 2024, Measure::Referrals, Some(6.0), true);
        values.set(0, 2023, Measure::Referrals, None, true);
        let referrals = |year| values.cells[&(0, year)][Measure::Referrals.index()];
        assert_eq!(referrals(2025), Some(10.0));
        assert_eq!(referrals(2024), Some(6.0));
        assert_eq!(referrals(2023), None);
    }

    #[test]
    fn measures_and_spending_lines_are_listed_in_their_own_order() {
        for (position, measure) in Measure::ALL.iter().enumerate() {
            assert_eq!(measure.index(), position);
        }
        for (position, line) in SpendingLine::ALL.iter().enumerate() {
            assert_eq!(line.index(), position);
        }
        let mut columns: Vec<&str> = Measure::ALL.iter().map(|m| m.column()).collect();
        columns.sort_unstable();
        columns.dedup();
        assert_eq!(columns.len(), Measure::ALL.len());
    }

    #[test]
    fn suppressed_cells_are_unknown_and_numbers_are_read_with_separators() {
        for marker in [
            "c", "x", "z", "u", ".", "low", "k", "", "[x]", " c ", "[note 4]", "[n]",
        ] {
            assert_eq!(number(marker, "f", 1), Ok(None), "{marker:?}");
        }
        assert_eq!(number("1,234", "f", 1), Ok(Some(1234.0)));
        assert_eq!(number(" 230.5 ", "f", 1), Ok(Some(230.5)));
        assert_eq!(number("0", "f", 1), Ok(Some(0.0)));
        assert_eq!(
            number("n/a", "f.csv", 7),
            Err("f.csv, line 7: \"n/a\" is not a number".to_owned())
        );
    }
}
