//! A new scenario for any English council from its published figures (`caseload
//! new --council`): demand, children, staff and money from the DfE, ONS and MHCLG
//! tables that ship inside the program, every figure with a comment naming the
//! table and year it came from, or saying what stands in and why. The start is put
//! in balance with the model's own balancing.
//!
//! Pure: from a council and a year to a scenario and its text; nothing is read or
//! written here.

mod demand;
mod money;
mod sources;
mod staff;
mod text;

pub use demand::{TREND_BOUNDS, TREND_YEARS, referral_trend};
pub use money::OUTTURN_YEAR;
pub use staff::NEWLY_QUALIFIED_SHARE;

use crate::io::scenario_to_ron;
use crate::model::{FORMAT_VERSION, Month, Scenario, validate};
use crate::published::{self, Council, LICENCE};
use crate::sim::balance::{self, Balancing, Change};
use crate::units::{financial_year, thousands};

use sources::Sources;

/// Months a new scenario projects.
pub const HORIZON_MONTHS: u32 = 36;

/// Inputs the published tables say nothing about, which keep the program's
/// defaults (each default's source is in the README and the guide's section 7).
const DEFAULTS: [(&str, &str); 5] = [
    ("demand.seasonality", "No seasonal pattern"),
    (
        "demand.child_in_need_to_protection_percent_per_month",
        "Step-ups to a plan and into care, plans stepping down, children leaving care as care leavers",
    ),
    (
        "demand.case_weights",
        "Case weights and workload affecting practice (off)",
    ),
    (
        "money.grants",
        "Grants, early help in the base budget, pay award and inflation",
    ),
    ("horizon_months", "Three years"),
];

/// Comments by the path of the field they explain (`demand.looked_after`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Comments {
    pub entries: Vec<(String, String)>,
}

impl Comments {
    pub fn add(&mut self, path: &str, comment: String) {
        self.entries.push((path.to_owned(), comment));
    }

    /// Every comment on the field at `path`, joined.
    pub fn on(&self, path: &str) -> String {
        let found: Vec<&str> = self
            .entries
            .iter()
            .filter(|(at, _)| at == path)
            .map(|(_, comment)| comment.as_str())
            .collect();
        found.join(" ")
    }
}

/// A scenario built from a council's published figures.
#[derive(Clone, Debug, PartialEq)]
pub struct CouncilScenario {
    pub scenario: Scenario,
    /// The scenario file's text: a header, then every field with its comment.
    pub text: String,
    pub comments: Comments,
    /// The year ending 31 March whose figures it starts from.
    pub year: i32,
    /// Each England figure that stood in for one the council has not published.
    pub stand_ins: Vec<String>,
}

/// The years `council` has children in care, children in need and referrals for.
pub fn years_with_data(council: &Council) -> Vec<i32> {
    council
        .years
        .iter()
        .filter(|entry| entry.has_core_figures())
        .map(|entry| entry.year)
        .collect()
}

/// A scenario for `council` starting in April after the year ending 31 March
/// `year` (the latest with data when `None`), or why there can be none.
pub fn build(council: &Council, year: Option<i32>) -> Result<CouncilScenario, String> {
    let years = years_with_data(council);
    let year = match year {
        Some(year) => year,
        None => *years.last().ok_or_else(|| {
            format!(
                "{} has no year with children in care, children in need and referrals all \
                 published",
                council.name
            )
        })?,
    };
    if !years.contains(&year) {
        let listed: Vec<String> = years.iter().map(i32::to_string).collect();
        return Err(format!(
            "{} has no children in care, children in need and referrals all published for the \
             year ending 31 March {year}; years with them: {}",
            council.name,
            if listed.is_empty() {
                "none".to_owned()
            } else {
                listed.join(", ")
            }
        ));
    }
    let start =
        Month::new(year, 4).ok_or_else(|| format!("{year} is not a year Caseload handles"))?;

    let mut sources = Sources::new(council, published::england());
    let mut comments = Comments::default();
    let demand = demand::demand(&mut sources, year, &mut comments);
    let cases = demand.children_in_need + demand.child_protection + demand.looked_after;
    let mut workforce = crate::model::WorkforcePolicy::default();
    let staff = staff::staff(&mut sources, year, cases, &mut workforce, &mut comments);
    let mut scenario = Scenario {
        version: FORMAT_VERSION,
        name: format!(
            "{}: from the published figures to 31 March {year}",
            council.name
        ),
        notes: String::new(),
        council: Some(council.code.clone()),
        start,
        horizon_months: HORIZON_MONTHS,
        demand,
        placements: Default::default(),
        staff,
        workforce,
        money: Default::default(),
        interventions: Vec::new(),
        uncertainty: Vec::new(),
    };
    comments.add(
        "council",
        format!(
            "{}'s ONS local-authority code (DfE code {}), which ties this scenario to its \
             published figures.",
            council.name, council.old_code
        ),
    );
    comments.add(
        "start",
        format!(
            "April after the year ending 31 March {year}, whose counts at 31 March are the \
             starting figures."
        ),
    );
    comments.add(
        "workforce",
        "Recruitment, the agency market and the burnout loop: the program's defaults \
         (assumptions, and England's 33% limit on agency workers, 30 September 2019); agency \
         cover from the census, below."
            .to_owned(),
    );
    for (path, what) in DEFAULTS {
        comments.add(
            path,
            format!("{what}: the program's defaults (not published by council)."),
        );
    }
    money::money(&mut sources, year, &mut scenario, &mut comments);
    balance_start(&mut scenario, &mut comments);

    scenario.notes = notes(council, year, &sources.stand_ins);
    let problems = validate(&scenario);
    if let Some(problem) = problems.first() {
        return Err(format!(
            "the scenario built for {} does not pass the checks ({}: {}); this is a bug",
            council.name, problem.path, problem.message
        ));
    }
    let body = scenario_to_ron(&scenario).map_err(|error| error.to_string())?;
    let text = format!(
        "{}{}",
        header(council, year),
        text::with_comments(&body, &comments.entries)
    );
    Ok(CouncilScenario {
        scenario,
        text,
        comments,
        year,
        stand_ins: sources.stand_ins,
    })
}

/// Sets the mean durations so that the start is in balance (the model's own
/// balancing), keeping the published starting figures: where only a new starting
/// figure would balance a stock, the comment says how far out it is instead.
fn balance_start(scenario: &mut Scenario, comments: &mut Comments) {
    let balancing = balance::balancing(scenario);
    let durations: Vec<Change> = balancing
        .changes
        .iter()
        .filter(|change| matches!(change, Change::Duration { .. }))
        .cloned()
        .collect();
    // Rounded to a hundredth of a month: the stocks move by well under the 1% that
    // counts as in balance.
    let durations: Vec<Change> = durations
        .into_iter()
        .map(|change| match change {
            Change::Duration { stock, from, to } => Change::Duration {
                stock,
                from,
                to: (to * 100.0).round() / 100.0,
            },
            other => other,
        })
        .collect();
    for change in &durations {
        if let Change::Duration { stock, from, to } = change {
            comments.add(
                duration_field(*stock),
                format!(
                    "Balanced: {} months (from {}) so that {} stay where they start with their \
                     own flows (the model's balancing, as `caseload balance` does).",
                    thousands(*to, 1),
                    thousands(*from, 1),
                    stock.name().to_lowercase()
                ),
            );
        }
    }
    Balancing { changes: durations }.apply(scenario);
    for stock_balance in balance::start_balance(scenario) {
        if !stock_balance.in_balance() {
            comments.add(
                stock_balance.stock.stock_field(),
                format!(
                    "Not in balance at the start, kept as published: {}.",
                    stock_balance.sentence()
                ),
            );
        }
    }
}

fn duration_field(stock: balance::Stock) -> &'static str {
    match stock {
        balance::Stock::ChildrenInNeed => "demand.child_in_need_months",
        balance::Stock::ChildProtection => "demand.child_protection_months",
        balance::Stock::LookedAfter => "demand.looked_after_months",
        balance::Stock::CareLeavers => "demand.care_leaver_months",
    }
}

fn header(council: &Council, year: i32) -> String {
    let ofsted = council.ofsted.as_ref().map_or_else(String::new, |ofsted| {
        format!(
            "\n// Ofsted's latest judgement: {} (inspection of {}).",
            ofsted.overall, ofsted.inspected
        )
    });
    let history = council
        .history_note()
        .map_or_else(String::new, |note| format!("\n// Note: {note}."));
    format!(
        "// {}, from its published figures for the year ending 31 March {year} ({}).\n\
         //\n\
         // Built by `caseload new --council {} --year {year}` from the DfE, ONS and MHCLG\n\
         // tables that ship in Caseload (assets/public-statistics/). The comment above each\n\
         // figure names the table and year it came from, or says that an England figure,\n\
         // an assumption or the program's default stands in, and why. The durations are\n\
         // set so that the start is in balance; see \"Starting from a council's published\n\
         // figures\" in the guide (Help > How the model works).{ofsted}{history}\n\
         //\n\
         // {LICENCE}\n",
        council.name, council.code, council.code
    )
}

fn notes(council: &Council, year: i32, stand_ins: &[String]) -> String {
    let mut notes = format!(
        "Built from {}'s published figures for {} (year ending 31 March {year}): DfE \
         children looked after, children in need (tables B1, C1, D3, D5) and the social work \
         workforce census; MHCLG revenue outturn 2024-25. Every figure's source is in the \
         comment above it in the file.",
        council.name,
        financial_year(year - 1)
    );
    if stand_ins.is_empty() {
        notes.push_str(" No England figure stood in.");
    } else {
        notes.push_str(" England's figures stood in for: ");
        notes.push_str(&stand_ins.join("; "));
        notes.push('.');
    }
    if let Some(note) = council.history_note() {
        notes.push_str(&format!(" {}: {note}.", council.name));
    }
    notes.push(' ');
    notes.push_str(LICENCE);
    notes
}
