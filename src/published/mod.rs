//! Every English council's published figures (DfE, ONS, MHCLG, Ofsted), shipped
//! inside the program: the two tables derived from the raw files in
//! `assets/public-statistics/` (see `derive`), parsed once on first use.
//!
//! Depends on nothing but `std` and `csv`: no scenario, no files, no egui.

pub mod derive;
mod lookup;
mod measures;
pub mod neighbours;
mod tables;

pub use lookup::{find, search};
pub use measures::{Figure, Measure, SPENDING_TABLE, SpendingLine};

use std::sync::OnceLock;

/// The line the Open Government Licence asks for wherever these figures are shown.
pub const LICENCE: &str =
    "Contains public sector information licensed under the Open Government Licence v3.0.";

/// England's ONS code, under which the national figures are kept.
pub const ENGLAND_CODE: &str = "E92000001";

/// A council with fewer years than this of children in care, children in need and
/// referrals all published has "too little history": a trend needs three points.
pub const MIN_HISTORY_YEARS: usize = 3;

/// The derived tables, as shipped.
pub const COUNCILS_CSV: &str = include_str!("../../assets/public-statistics/derived/councils.csv");
pub const YEARS_CSV: &str = include_str!("../../assets/public-statistics/derived/years.csv");

/// One of a council's ten statistical neighbours (DfE's 2025 model).
#[derive(Clone, Debug, PartialEq)]
pub struct Neighbour {
    /// The neighbour's current ONS code.
    pub code: String,
    /// "Extremely close", "Very close", "Close", "Somewhat close"...
    pub closeness: String,
}

/// Ofsted's latest judgement of a council's children's services at 31 March 2025.
#[derive(Clone, Debug, PartialEq)]
pub struct Ofsted {
    /// Overall effectiveness: "Outstanding", "Good", "Requires improvement to be
    /// good" or "Inadequate".
    pub overall: String,
    /// When the inspection began, `YYYY-MM-DD`.
    pub inspected: String,
}

/// A council's figures for one year ending 31 March.
#[derive(Clone, Debug, PartialEq)]
pub struct CouncilYear {
    /// The year ending 31 March: 2019 is April 2018 to March 2019.
    pub year: i32,
    values: [Option<f64>; Measure::ALL.len()],
}

impl CouncilYear {
    /// The published figure, or `None` where it is suppressed or not published.
    pub fn get(&self, measure: Measure) -> Option<f64> {
        self.values[measure.index()]
    }

    /// The figure with its table and date, for a comment or a hover.
    pub fn figure(&self, measure: Measure) -> Option<Figure> {
        Some(Figure {
            value: self.get(measure)?,
            measure,
            year: self.year,
        })
    }

    /// Whether the figures a projection starts from (children in care, children in
    /// need, referrals) are all published.
    pub fn has_core_figures(&self) -> bool {
        [
            Measure::ChildrenInCare,
            Measure::ChildrenInNeed,
            Measure::Referrals,
        ]
        .iter()
        .all(|measure| self.get(*measure).is_some())
    }
}

/// A council (or England) and its published figures.
#[derive(Clone, Debug, PartialEq)]
pub struct Council {
    /// Current ONS code: `E08000012`.
    pub code: String,
    /// The DfE's three-digit code: `341`.
    pub old_code: String,
    /// ONS codes the same area was published under in some file (Buckinghamshire's
    /// county code before 2020, Barnsley's in the 2025 workforce census).
    pub former_codes: Vec<String>,
    pub name: String,
    /// Region (empty for England).
    pub region: String,
    pub ofsted: Option<Ofsted>,
    /// Ten statistical neighbours, closest first (none for England).
    pub neighbours: Vec<Neighbour>,
    /// Years with any figure, oldest first.
    pub years: Vec<CouncilYear>,
    spending: [Option<f64>; SpendingLine::ALL.len()],
}

impl Council {
    /// The figures for the year ending 31 March `year`.
    pub fn year(&self, year: i32) -> Option<&CouncilYear> {
        self.years.iter().find(|entry| entry.year == year)
    }

    /// The latest year whose children in care, children in need and referrals are
    /// all published.
    pub fn latest_year(&self) -> Option<i32> {
        self.years
            .iter()
            .rev()
            .find(|entry| entry.has_core_figures())
            .map(|entry| entry.year)
    }

    /// How many years have children in care, children in need and referrals.
    pub fn history_years(&self) -> usize {
        self.years
            .iter()
            .filter(|entry| entry.has_core_figures())
            .count()
    }

    /// Fewer than [`MIN_HISTORY_YEARS`] years of core figures: a new council
    /// (Cumberland, Westmorland and Furness since 2023) or one whose figures are
    /// mostly suppressed.
    pub fn too_little_history(&self) -> bool {
        self.history_years() < MIN_HISTORY_YEARS
    }

    /// "too little history (2 years of published figures, from 2024)" or `None`.
    pub fn history_note(&self) -> Option<String> {
        if !self.too_little_history() {
            return None;
        }
        let years = self.history_years();
        let first = self
            .years
            .iter()
            .find(|entry| entry.has_core_figures())
            .map(|entry| format!(", from the year ending 31 March {}", entry.year))
            .unwrap_or_default();
        Some(format!(
            "too little history ({years} year{} of published figures{first})",
            if years == 1 { "" } else { "s" }
        ))
    }

    /// A 2024-25 outturn line, net, in £ thousands (`None` where not reported).
    pub fn spending(&self, line: SpendingLine) -> Option<f64> {
        self.spending[line.index()]
    }
}

/// Both tables, parsed.
struct Data {
    england: Council,
    councils: Vec<Council>,
}

fn data() -> Result<&'static Data, &'static str> {
    static DATA: OnceLock<Result<Data, String>> = OnceLock::new();
    DATA.get_or_init(|| tables::parse(COUNCILS_CSV, YEARS_CSV))
        .as_ref()
        .map_err(String::as_str)
}

/// Every council of England with its published figures, by name. Empty only if
/// the shipped tables could not be read, which [`load_problem`] names.
pub fn councils() -> &'static [Council] {
    data().map_or(&[], |data| data.councils.as_slice())
}

/// England's own figures (the national rows), for figures a council lacks.
pub fn england() -> Option<&'static Council> {
    data().ok().map(|data| &data.england)
}

/// Why the shipped tables could not be read, if they could not.
pub fn load_problem() -> Option<&'static str> {
    data().err()
}

/// The council with this current code (or England's code).
pub fn by_code(code: &str) -> Option<&'static Council> {
    let data = data().ok()?;
    if code.eq_ignore_ascii_case(ENGLAND_CODE) {
        return Some(&data.england);
    }
    data.councils
        .iter()
        .find(|council| council.code.eq_ignore_ascii_case(code))
}
