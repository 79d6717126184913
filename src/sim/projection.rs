//! What a projection produces: one row per month, per-group series and
//! financial-year totals.

use crate::model::{FinancialYear, Month};

use super::equations::CapacityRating;

/// Spend in one month or year, by category (£).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Spend {
    /// Salary plus on-costs of permanent staff, with the pay awards landed so far.
    pub permanent_staff: f64,
    /// Agency staff, premium and pay awards included.
    pub agency_staff: f64,
    /// Cost of each new starter.
    pub recruitment: f64,
    /// Looked-after children, by weekly cost of their placement.
    pub placements: f64,
    pub early_help: f64,
    pub contracted_teams: f64,
    /// Everything else: the base other costs with their inflation, and other-spending
    /// interventions in cash.
    pub other: f64,
}

impl Spend {
    /// Category names as CSV columns and labels, in a fixed order.
    pub const CATEGORIES: [(&'static str, &'static str); 7] = [
        ("permanent_staff", "Permanent staff"),
        ("agency_staff", "Agency staff"),
        ("recruitment", "Recruitment"),
        ("placements", "Placements"),
        ("early_help", "Early help"),
        ("contracted_teams", "Contracted teams"),
        ("other", "Other costs"),
    ];

    /// Amounts in the order of [`Spend::CATEGORIES`].
    pub fn amounts(&self) -> [f64; 7] {
        [
            self.permanent_staff,
            self.agency_staff,
            self.recruitment,
            self.placements,
            self.early_help,
            self.contracted_teams,
            self.other,
        ]
    }

    pub fn total(&self) -> f64 {
        self.amounts().iter().sum()
    }

    pub fn add(&mut self, other: &Spend) {
        self.permanent_staff += other.permanent_staff;
        self.agency_staff += other.agency_staff;
        self.recruitment += other.recruitment;
        self.placements += other.placements;
        self.early_help += other.early_help;
        self.contracted_teams += other.contracted_teams;
        self.other += other.other;
    }
}

/// Children moving between stocks in one month (children per month).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Flows {
    pub referrals: f64,
    /// Referrals opened as child-in-need cases.
    pub new_child_in_need: f64,
    /// Referrals going straight to a child protection plan.
    pub new_child_protection: f64,
    /// Referrals entering care (after early help).
    pub new_care_entries: f64,
    /// Entries to care that early help prevented.
    pub prevented_care_entries: f64,
    pub child_in_need_closed: f64,
    pub child_in_need_to_protection: f64,
    /// Plans ending with the case closed.
    pub protection_closed: f64,
    /// Plans ending with a step down to a child-in-need case.
    pub protection_stepped_down: f64,
    pub protection_to_care: f64,
    /// Children leaving care (all routes).
    pub left_care: f64,
    /// Of those, young people becoming supported care leavers.
    pub new_care_leavers: f64,
    pub care_leavers_closed: f64,
    /// New in-house placements sent to IFAs because in-house places were full.
    pub in_house_overflow: f64,
}

/// Children with open cases at the start of a month (children).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Stocks {
    pub children_in_need: f64,
    pub child_protection: f64,
    /// Looked-after children by placement kind, in [`crate::model::PlacementKind::ALL`] order.
    pub looked_after_by_placement: [f64; 5],
    pub care_leavers: f64,
}

impl Stocks {
    pub fn looked_after(&self) -> f64 {
        self.looked_after_by_placement.iter().sum()
    }
}

/// Workload against capacity in a month.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Workload {
    /// Weighted cases needing an allocated social worker.
    pub cases: f64,
    /// Cases held by contracted teams.
    pub contracted_capacity: f64,
    /// Cases the council's own staff can hold at their caps.
    pub staff_capacity: f64,
    /// FTE of time spent holding cases.
    pub case_holding_fte: f64,
    /// Cases per case-holding FTE; `None` = no capacity.
    pub average_caseload: Option<f64>,
    /// Capacity-weighted cap: staff capacity / case-holding FTE; `None` = no capacity.
    pub average_cap: Option<f64>,
    /// Cases for staff / staff capacity; `None` = cases but no capacity.
    pub load: Option<f64>,
    /// Cases beyond what staff can hold at their caps ("unallocated").
    pub over_capacity_cases: f64,
    /// Workload's multiplier on case lengths, step-ups and re-referrals this month
    /// (1 = none, or the effect switched off).
    pub practice_multiplier: f64,
    /// Share of case-holding staff above their own cap (0 to 1); `None` = no staff.
    pub share_of_staff_over_cap: Option<f64>,
}

impl Workload {
    /// Over cap: more cases than capacity (or cases and no one to hold them).
    pub fn is_over_cap(&self) -> bool {
        super::equations::is_over_cap(self.load)
    }

    pub fn rating(&self) -> CapacityRating {
        CapacityRating::from_load(self.load)
    }
}

/// Where a projection stands against the caps, by [`Workload::is_over_cap`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CapStanding {
    /// No month over cap.
    NeverOver,
    /// Over cap in some months, and in none from this month to the end.
    WithinFrom(Month),
    /// Still over cap in the last month.
    OverAtTheEnd,
}

impl CapStanding {
    /// For people: "never over cap", "within cap from Mar 2019 on", "still over
    /// cap at the end".
    pub fn describe(self) -> String {
        match self {
            CapStanding::NeverOver => "never over cap".to_owned(),
            CapStanding::WithinFrom(month) => format!("within cap from {} on", month.label()),
            CapStanding::OverAtTheEnd => "still over cap at the end".to_owned(),
        }
    }
}

/// The workforce in a month, all groups together.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Staffing {
    /// Permanent staff in post at the start of the month.
    pub permanent_fte: f64,
    pub agency_fte: f64,
    /// Funded permanent posts.
    pub establishment: f64,
    /// Funded permanent posts not filled.
    pub vacancies: f64,
    /// Agency FTE / all FTE (0 to 1).
    pub agency_share: f64,
    pub leavers: f64,
    pub hires: f64,
    /// Turnover multiplier from the burnout loop (1 = none).
    pub turnover_multiplier: f64,
    /// Case-holding workers per manager; `None` where there are no managers.
    pub workers_per_manager: Option<f64>,
    /// FTE at the end of the month, for year-end figures.
    pub permanent_fte_at_end: f64,
    pub agency_fte_at_end: f64,
}

impl Staffing {
    pub fn total_fte(&self) -> f64 {
        self.permanent_fte + self.agency_fte
    }
}

/// One month of the projection: stocks at its start, flows and spend during it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MonthRow {
    pub month: Month,
    pub stocks: Stocks,
    pub flows: Flows,
    pub workload: Workload,
    pub staffing: Staffing,
    pub spend: Spend,
    /// Grants, one-off and recurring funding received this month (£).
    pub funding_received: f64,
    /// A twelfth of the financial year's base budget (£), to set monthly spend against.
    pub monthly_budget: f64,
    /// Reserves at the end of the month (£): negative once they have run out.
    pub reserves_at_end: f64,
    /// Looked-after children at the end of the month.
    pub looked_after_at_end: f64,
}

/// The month reserves run out, for warnings.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ReservesRunOut {
    /// The first month that ends with reserves below zero.
    pub month: Month,
    /// The lowest reserves from then to the end of the projection (£, negative).
    pub lowest_gbp: f64,
    pub lowest_month: Month,
}

impl ReservesRunOut {
    /// "Reserves run out in Nov 2020 (-£2.0m by Mar 2021)".
    pub fn warning(&self) -> String {
        format!(
            "Reserves run out in {} ({} by {})",
            self.month.label(),
            crate::units::gbp(self.lowest_gbp),
            self.lowest_month.label()
        )
    }
}

/// One staff group in one month.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct GroupMonth {
    pub fte: f64,
    pub establishment: f64,
    pub vacancies: f64,
    pub caseload_cap: f64,
    /// Mean caseload of a full-time case holder of this group; `None` = no capacity.
    pub caseload: Option<f64>,
    pub leavers: f64,
    pub hires: f64,
    /// FTE moving to the next group (newly qualified becoming experienced).
    pub progressed: f64,
    /// FTE being recruited (posts advertised, offers made, not yet started).
    pub recruiting: f64,
    /// Monthly pay (£).
    pub pay: f64,
}

/// Names of the staff groups, in the scenario's order.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupInfo {
    pub id: String,
    pub name: String,
    pub agency: bool,
    pub holds_cases: bool,
}

/// Totals for one financial year (1 April to 31 March) within the projection.
#[derive(Clone, Debug, PartialEq)]
pub struct YearSummary {
    pub year: FinancialYear,
    /// Months of this year the projection covers (12 unless it starts or ends mid-year).
    pub months: usize,
    /// Mean of the monthly average caseloads; `None` if no month had capacity.
    pub average_caseload: Option<f64>,
    pub peak_caseload: Option<f64>,
    /// Months with no capacity (cases and no one to hold them).
    pub months_without_capacity: usize,
    pub months_over_cap: usize,
    pub looked_after_at_end: f64,
    pub fte_at_end: f64,
    pub agency_share_at_end: f64,
    pub spend: Spend,
    /// Base budget for the months covered (pro rata for part years) (£).
    pub budget: f64,
    /// Grants, one-off and recurring funding received in the year (£).
    pub grants: f64,
    /// Spend minus (budget + funding received): positive is an overspend (£).
    pub variance: f64,
    /// Spend from the start of the projection to the end of this year (£).
    pub cumulative_spend: f64,
    /// Reserves left after covering overspends (and adding underspends) (£).
    pub reserves_at_end: f64,
    /// Placement spend per looked-after child per year (£); `None` with no children.
    pub cost_per_child_in_care: Option<f64>,
}

impl YearSummary {
    pub fn funding(&self) -> f64 {
        self.budget + self.grants
    }

    pub fn is_partial(&self) -> bool {
        self.months < 12
    }
}

/// The whole projection of one scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Projection {
    pub groups: Vec<GroupInfo>,
    pub rows: Vec<MonthRow>,
    /// `rows.len() x groups.len()` values, month by month: month `t`, group `g` is at
    /// `t * groups.len() + g`.
    pub group_rows: Vec<GroupMonth>,
    pub years: Vec<YearSummary>,
    /// Where each enabled intervention starts, for markers on charts.
    pub intervention_starts: Vec<(String, Month)>,
}

impl Projection {
    pub fn group_month(&self, month_index: usize, group_index: usize) -> Option<&GroupMonth> {
        self.group_rows
            .get(month_index * self.groups.len() + group_index)
            .filter(|_| group_index < self.groups.len())
    }

    /// All months of one group, in order.
    pub fn group_series(&self, group_index: usize) -> impl Iterator<Item = &GroupMonth> + '_ {
        self.group_rows
            .iter()
            .skip(group_index)
            .step_by(self.groups.len().max(1))
    }

    pub fn first(&self) -> Option<&MonthRow> {
        self.rows.first()
    }

    pub fn last(&self) -> Option<&MonthRow> {
        self.rows.last()
    }

    pub fn total_spend(&self) -> f64 {
        self.rows.iter().map(|row| row.spend.total()).sum()
    }

    /// Months over cap ([`Workload::is_over_cap`]) in the whole projection.
    pub fn months_over_cap(&self) -> usize {
        self.rows
            .iter()
            .filter(|row| row.workload.is_over_cap())
            .count()
    }

    /// "Over cap in 13 of 36 months: within cap from Mar 2019 on." (or "Never over
    /// cap in 36 months."), as the summary and the report say it.
    pub fn over_cap_sentence(&self) -> String {
        let months = self.rows.len();
        match self.cap_standing() {
            CapStanding::NeverOver => format!("Never over cap in {months} months."),
            standing => format!(
                "Over cap in {} of {months} months: {}.",
                self.months_over_cap(),
                standing.describe()
            ),
        }
    }

    /// Where the projection stands against the caps: never over cap, within cap from
    /// a month to the end, or still over cap in its last month.
    pub fn cap_standing(&self) -> CapStanding {
        let Some(last_over) = self.rows.iter().rposition(|row| row.workload.is_over_cap()) else {
            return CapStanding::NeverOver;
        };
        match self.rows.get(last_over + 1) {
            Some(row) => CapStanding::WithinFrom(row.month),
            None => CapStanding::OverAtTheEnd,
        }
    }

    /// When reserves first fall below zero, if they do: the month, and the lowest
    /// they reach (from that month to the end).
    pub fn reserves_run_out(&self) -> Option<ReservesRunOut> {
        let first = self.rows.iter().find(|row| row.reserves_at_end < 0.0)?;
        let lowest = self
            .rows
            .iter()
            .filter(|row| row.month >= first.month)
            .min_by(|a, b| a.reserves_at_end.total_cmp(&b.reserves_at_end))?;
        Some(ReservesRunOut {
            month: first.month,
            lowest_gbp: lowest.reserves_at_end,
            lowest_month: lowest.month,
        })
    }

    /// The worst overspend in any financial year, if any year overspends.
    pub fn worst_overspend(&self) -> Option<&YearSummary> {
        self.years
            .iter()
            .filter(|year| year.variance > 0.0)
            .max_by(|a, b| a.variance.total_cmp(&b.variance))
    }
}
