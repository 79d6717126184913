//! Interventions: a dated plan laid on top of the baseline.

use serde::{Deserialize, Serialize};

use super::calendar::Month;

/// One dated decision. A scenario's plan is a list of these; switching one off
/// (`enabled: false`) keeps it in the file but out of the projection.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Intervention {
    /// What people call it, e.g. "+160 staff over two years".
    pub label: String,
    #[serde(default = "enabled_by_default")]
    pub enabled: bool,
    /// First month the intervention acts.
    pub start: Month,
    pub action: Action,
}

fn enabled_by_default() -> bool {
    true
}

/// What an intervention does.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Action {
    /// Fund `extra_fte` more posts in a staff group, added in equal steps over
    /// `over_months` months. Recruitment then fills them at the policy's pace.
    Recruit {
        group: String,
        extra_fte: f64,
        over_months: u32,
    },
    /// From the start month, the group's caseload cap becomes `cap` (cases per FTE).
    SetCaseloadCap { group: String, cap: f64 },
    /// A one-off grant or top-up in the start month (£).
    Funding { amount_gbp: f64 },
    /// Funding of `amount_gbp_per_year` a year for `years` years from the start
    /// month, received in equal monthly parts (a twelfth a month).
    RecurringFunding {
        amount_gbp_per_year: f64,
        years: u32,
    },
    /// Early help costing `annual_cost_gbp` a year (paid from the start month) that,
    /// `lag_months` later, cuts referrals by `referral_reduction_percent` and entries
    /// to care by `care_entry_reduction_percent`. Runs for `months` months, or to the
    /// end of the projection when left out; its effect ends when the funding does, so
    /// a programme paid for no longer than its lag has no effect.
    EarlyHelp {
        annual_cost_gbp: f64,
        referral_reduction_percent: f64,
        care_entry_reduction_percent: f64,
        lag_months: u32,
        #[serde(default)]
        months: Option<u32>,
    },
    /// A contracted team holding `cases` cases for `months` months, costing
    /// `total_cost_gbp` in all, spread evenly over those months.
    ContractedTeam {
        cases: f64,
        months: u32,
        total_cost_gbp: f64,
    },
    /// Convert `fte` agency workers into permanent staff of a group, in equal steps
    /// over `over_months` months. Converted staff fill the group's vacancies.
    ConvertAgency {
        group: String,
        fte: f64,
        over_months: u32,
    },
    /// Other spending, such as an improvement plan or a new career structure
    /// (£ per year), for `months` months or to the end of the projection.
    ExtraSpending {
        annual_cost_gbp: f64,
        #[serde(default)]
        months: Option<u32>,
    },
    /// Add `places` in-house foster places over `over_months` months (recruiting
    /// foster carers, bigger homes).
    AddFosterPlaces { places: f64, over_months: u32 },
}

impl Action {
    /// Short name of the kind of action, for lists and CSV.
    pub fn kind_label(&self) -> &'static str {
        match self {
            Action::Recruit { .. } => "Recruit staff",
            Action::SetCaseloadCap { .. } => "Change caseload cap",
            Action::Funding { .. } => "Grant or one-off funding",
            Action::RecurringFunding { .. } => "Recurring funding",
            Action::EarlyHelp { .. } => "Early help",
            Action::ContractedTeam { .. } => "Contracted team",
            Action::ConvertAgency { .. } => "Convert agency to permanent",
            Action::AddFosterPlaces { .. } => "Add in-house foster places",
            Action::ExtraSpending { .. } => "Other spending",
        }
    }

    /// The staff group the action names, if any.
    pub fn group(&self) -> Option<&str> {
        match self {
            Action::Recruit { group, .. }
            | Action::SetCaseloadCap { group, .. }
            | Action::ConvertAgency { group, .. } => Some(group),
            _ => None,
        }
    }
}
