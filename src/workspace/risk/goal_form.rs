//! What "What does it take?" is asked, as its form holds it.

use crate::model::{FinancialYear, Month, Scenario};
use crate::sim::solve::{Lever, Target};

/// What the goal seek is asked, as the form holds it.
#[derive(Clone, Debug, PartialEq)]
pub struct GoalForm {
    pub target: TargetKind,
    pub target_value: f64,
    pub by_month: Month,
    pub in_year: FinancialYear,
    pub lever: LeverKind,
    pub group: String,
    pub from: Month,
    pub referral_cut_per_million: f64,
    pub care_entry_cut_per_million: f64,
    pub lag_months: u32,
    pub team_months: u32,
    pub cost_per_case_month_gbp: f64,
    /// `None`: the most likely projection must meet the target.
    pub confidence: Option<f64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TargetKind {
    /// No month over cap from a month to the end (the headline's measure).
    WithinCap,
    Caseload,
    Overspend,
    ChildrenInCare,
}

impl TargetKind {
    pub const ALL: [TargetKind; 4] = [
        TargetKind::WithinCap,
        TargetKind::Caseload,
        TargetKind::Overspend,
        TargetKind::ChildrenInCare,
    ];

    /// The choice as the form shows it.
    pub fn label(self) -> &'static str {
        match self {
            TargetKind::WithinCap => "No month over cap",
            TargetKind::Caseload => "Average caseload at or under",
            TargetKind::Overspend => "Overspend in a year at or under (£)",
            TargetKind::ChildrenInCare => "Children in care under",
        }
    }

    /// Whether the target has a number to meet (all but "no month over cap").
    pub fn has_value(self) -> bool {
        self != TargetKind::WithinCap
    }

    /// How the form names its month: caseload targets hold from a month to the
    /// end, children in care at the end of a month.
    pub fn month_label(self) -> &'static str {
        match self {
            TargetKind::WithinCap | TargetKind::Caseload => "From (to the end)",
            TargetKind::Overspend | TargetKind::ChildrenInCare => "By the end of",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LeverKind {
    ExtraStaff,
    EarlyHelp,
    ContractedTeam,
    CaseloadCap,
}

impl GoalForm {
    pub fn for_scenario(scenario: &Scenario) -> Self {
        // The group that holds most cases (most capacity at its cap) is where
        // extra staff or a new cap most often starts.
        let capacity = |group: &crate::model::StaffGroup| {
            group.fte * group.case_time_percent / 100.0 * group.caseload_cap
        };
        let group = scenario
            .staff
            .iter()
            .filter(|group| !group.agency && group.holds_cases() && group.span_of_control.is_none())
            .max_by(|a, b| capacity(a).total_cmp(&capacity(b)))
            .map(|group| group.id.clone())
            .unwrap_or_default();
        Self {
            target: TargetKind::WithinCap,
            target_value: 20.0,
            by_month: scenario.start.plus(11),
            in_year: scenario.start.financial_year(),
            lever: LeverKind::ExtraStaff,
            group,
            from: scenario.start,
            referral_cut_per_million: 2.0,
            care_entry_cut_per_million: 5.0,
            lag_months: 12,
            team_months: 6,
            cost_per_case_month_gbp: 556.0,
            confidence: None,
        }
    }

    pub fn target(&self) -> Target {
        match self.target {
            TargetKind::WithinCap => Target::WithinCapFrom {
                from: self.by_month,
            },
            TargetKind::Caseload => Target::AverageCaseloadAtMost {
                cases: self.target_value,
                from: self.by_month,
            },
            TargetKind::Overspend => Target::OverspendAtMost {
                gbp: self.target_value,
                year: self.in_year,
            },
            TargetKind::ChildrenInCare => Target::ChildrenInCareBelow {
                children: self.target_value,
                by: self.by_month,
            },
        }
    }

    pub fn lever(&self) -> Lever {
        match self.lever {
            LeverKind::ExtraStaff => Lever::ExtraStaff {
                group: self.group.clone(),
                from: self.from,
            },
            LeverKind::EarlyHelp => Lever::EarlyHelp {
                from: self.from,
                referral_cut_percent_per_million: self.referral_cut_per_million,
                care_entry_cut_percent_per_million: self.care_entry_cut_per_million,
                lag_months: self.lag_months,
            },
            LeverKind::ContractedTeam => Lever::ContractedTeam {
                from: self.from,
                months: self.team_months,
                cost_per_case_month_gbp: self.cost_per_case_month_gbp,
            },
            LeverKind::CaseloadCap => Lever::CaseloadCap {
                group: self.group.clone(),
                from: self.from,
            },
        }
    }
}
