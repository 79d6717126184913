//! The workforce: staff groups and how posts are filled.

use serde::{Deserialize, Serialize};

/// One group of staff (a row of the staff table).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct StaffGroup {
    /// Short unique key used by interventions and CSV headers, e.g. "experienced".
    pub id: String,
    /// Name shown to people, e.g. "Experienced social workers".
    pub name: String,
    /// Agency staff: cover the case-holding capacity of vacant posts (within the
    /// supply limit, with the lead time), paid at the agency premium, not recruited.
    /// At most one group may be the agency group.
    pub agency: bool,
    /// Staff in post at the start (FTE).
    pub fte: f64,
    /// Funded posts (FTE). Vacancies = establishment - FTE. Ignored for the agency
    /// group, and derived from the span of control where one is set.
    pub establishment: f64,
    /// Most cases one full-time worker of this group should hold (cases per FTE).
    /// Wakefield: newly qualified 15, experienced 20.
    pub caseload_cap: f64,
    /// Share of working time spent holding cases (%). 0 for non-case-holding roles.
    pub case_time_percent: f64,
    /// Basic salary (£ per FTE per year).
    pub annual_salary_gbp: f64,
    /// Employer's National Insurance and pension on top of salary (% of salary).
    pub on_cost_percent: f64,
    /// Staff leaving each year, before any burnout effect (% of FTE per year).
    pub turnover_percent_per_year: f64,
    /// Group that staff move to when they finish this stage (newly qualified social
    /// workers become experienced after their ASYE year). Leave out for none.
    pub progresses_to: Option<String>,
    /// Time spent in this group before moving on (months).
    pub progression_months: f64,
    /// For managers: case-holding workers per manager. When set, this group's
    /// establishment follows the establishment of the case-holding groups.
    pub span_of_control: Option<f64>,
}

impl Default for StaffGroup {
    /// An experienced social worker: the England-average figures in the README.
    fn default() -> Self {
        Self {
            id: "experienced".to_owned(),
            name: "Experienced social workers".to_owned(),
            agency: false,
            fte: 0.0,
            establishment: 0.0,
            caseload_cap: 20.0,
            case_time_percent: 100.0,
            annual_salary_gbp: 35_000.0,
            on_cost_percent: 27.5,
            turnover_percent_per_year: 15.1,
            progresses_to: None,
            progression_months: 12.0,
            span_of_control: None,
        }
    }
}

impl StaffGroup {
    pub fn holds_cases(&self) -> bool {
        self.case_time_percent > 0.0 && self.caseload_cap > 0.0
    }
}

/// How posts are filled and how staff respond to pressure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct WorkforcePolicy {
    /// Share of unfilled vacancies for which recruitment starts each month (% per
    /// month). Low values model slow recruitment (Wakefield).
    pub recruitment_percent_per_month: f64,
    /// Mean time from starting to recruit to the new starter arriving (months).
    pub time_to_hire_months: f64,
    /// Most recruitments that can start in one month across all groups (FTE per
    /// month). Leave out for no limit.
    pub max_recruitment_starts_per_month: Option<f64>,
    /// Share of the case-holding capacity of vacancies that agency staff cover (%):
    /// a vacant post calls for agency cover of its FTE x its group's share of time on
    /// cases, in roles that hold cases only.
    pub agency_cover_percent: f64,
    /// Share of the case-holding capacity of *new* posts (posts added after the start,
    /// by a Recruit intervention or a span of control following one) that agency staff
    /// cover while the posts are being recruited to (%).
    pub new_post_agency_cover_percent: f64,
    /// Most agency staff the council can get (FTE). Leave out for no limit of this kind.
    pub max_agency_fte: Option<f64>,
    /// Most agency staff the council can get, as a share of the social workers in post
    /// at the start (case-holding permanent FTE plus agency FTE, %); never below the
    /// agency staff in post at the start. Leave out for no limit of this kind.
    pub max_agency_percent: Option<f64>,
    /// How much more an agency worker costs than a permanent one (% on top of
    /// salary plus on-costs).
    pub agency_premium_percent: f64,
    /// Agency lead time: mean time for more agency staff to arrive (months, at least
    /// 1), as a first-order delay; agency staff no longer wanted go within the month.
    pub agency_adjust_months: f64,
    /// Advertising, interviews and checks for each new starter (£ per hire).
    pub cost_per_hire_gbp: f64,
    /// Spread of individual caseloads around the average (% of the average), used
    /// for the share of staff over their cap.
    pub caseload_spread_percent: f64,
    /// The burnout loop: high caseloads raise turnover.
    pub burnout: Burnout,
}

/// When average caseloads exceed capacity, turnover rises:
/// turnover multiplier = 1 + strength x (load - 1), for load above 1, at most `max_multiplier`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Burnout {
    pub enabled: bool,
    /// Extra turnover per unit of over-capacity load (1 = 20% over capacity gives
    /// 20% more leavers).
    pub strength: f64,
    /// Cap on the turnover multiplier.
    pub max_multiplier: f64,
}

impl Default for Burnout {
    /// Strength 2 and a cap of 3x are assumptions, not published figures.
    fn default() -> Self {
        Self {
            enabled: true,
            strength: 2.0,
            max_multiplier: 3.0,
        }
    }
}

impl Default for WorkforcePolicy {
    /// England, 30 September 2019 (DfE Children's social work workforce,
    /// `csww_indicators_2017_to_2025.csv`): agency workers covered 73.1% of vacancies
    /// (4,414 of 6,037 FTE); nine councils in ten had an agency rate under 33% (the
    /// 90th percentile of 150 councils, 32.8%); agency about 17% dearer. New posts
    /// left to recruitment (no agency cover), the agency lead time, recruitment
    /// speed, time to hire, cost per hire and caseload spread are assumptions, not
    /// published figures.
    fn default() -> Self {
        Self {
            recruitment_percent_per_month: 25.0,
            time_to_hire_months: 3.0,
            max_recruitment_starts_per_month: None,
            agency_cover_percent: 73.1,
            new_post_agency_cover_percent: 0.0,
            max_agency_fte: None,
            max_agency_percent: Some(33.0),
            agency_premium_percent: 17.0,
            agency_adjust_months: 2.0,
            cost_per_hire_gbp: 5_000.0,
            caseload_spread_percent: 20.0,
            burnout: Burnout::default(),
        }
    }
}
