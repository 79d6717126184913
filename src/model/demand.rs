//! Demand: referrals and the children with open cases.

use serde::{Deserialize, Serialize};

/// Referrals, what they lead to, and the stocks of children with open cases.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Demand {
    /// Referrals to children's social care in the first month (children per month).
    pub referrals_per_month: f64,
    /// Growth of referrals (% per year, compounded monthly). Gloucestershire saw +17%.
    pub referral_growth_percent_per_year: f64,
    /// Growth of referrals in a first period (% per year, compounded monthly), when
    /// the latest year's rise differs from the longer trend: Gloucestershire's +17%
    /// in 2017-18. Applies for `referral_first_growth_months` months; after that
    /// referrals grow at `referral_growth_percent_per_year`.
    pub referral_first_growth_percent_per_year: f64,
    /// Length of that first period (months from the start; 0 = none, the long-run
    /// rate from the start).
    pub referral_first_growth_months: f64,
    /// Optional seasonal pattern: 12 multipliers, January to December. Empty = none.
    /// They are rescaled so that their mean is 1, so they shift referrals between
    /// months without changing the yearly total.
    pub seasonality: Vec<f64>,
    /// What referrals lead to (% of referrals; must sum to 100).
    pub referral_outcomes: ReferralOutcomes,
    /// Children in need (CIN) with open cases at the start (children).
    pub children_in_need: f64,
    /// Children on a child protection plan (CP) at the start (children).
    pub child_protection: f64,
    /// Looked-after children (LAC, children in care) at the start (children).
    pub looked_after: f64,
    /// Care leavers the service supports at the start (young people).
    pub care_leavers: f64,
    /// Mean time a child-in-need case stays open (months, at least 1).
    pub child_in_need_months: f64,
    /// Mean length of a child protection plan (months, at least 1).
    pub child_protection_months: f64,
    /// Mean time in care (months, at least 1).
    pub looked_after_months: f64,
    /// Mean time a care leaver stays supported (months, at least 1).
    pub care_leaver_months: f64,
    /// Child-in-need cases stepping up to a child protection plan (% of CIN per month).
    pub child_in_need_to_protection_percent_per_month: f64,
    /// Children on a plan who enter care (% of CP per month).
    pub protection_to_care_percent_per_month: f64,
    /// Plans that end by stepping down to a child-in-need case (% of plans ending).
    pub protection_step_down_percent: f64,
    /// Children leaving care who become supported care leavers (% of leavers).
    pub care_leaver_percent: f64,
    /// How much each kind of case counts towards a social worker's caseload.
    pub case_weights: CaseWeights,
    /// Workload affects practice: caseloads above capacity make cases and plans last
    /// longer, more cases step up and more children come back (off by default).
    pub workload_effect: WorkloadEffect,
}

/// How the month's load (cases for staff / staff capacity) changes practice. An
/// assumption, not a published relationship: evidence that caseloads change
/// outcomes is mostly qualitative (Ofsted findings, the 2011 Munro review).
/// `practice multiplier = clamp(1 + strength x (load - 1), 1 - most change, 1 + most
/// change)` lengthens child-in-need cases and plans, raises step-ups and scales the
/// re-referral part of referrals.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct WorkloadEffect {
    pub enabled: bool,
    /// Change per unit of load away from 1 (0.5: 20% over capacity makes cases last
    /// 10% longer and step up 10% more often).
    pub strength: f64,
    /// Most the multiplier can move away from 1, either way (%).
    pub max_change_percent: f64,
    /// Share of referrals that are re-referrals within 12 months (%); only these rise
    /// and fall with the multiplier. England 2018-19: 22.6%.
    pub rereferral_percent: f64,
}

impl Default for WorkloadEffect {
    /// Off. Strength 0.5 and a 25% limit are assumptions; the re-referral share is
    /// England's for 2018-19 (DfE Characteristics of children in need, table C1:
    /// 147,150 of 650,930 referrals, 22.6%).
    fn default() -> Self {
        Self {
            enabled: false,
            strength: 0.5,
            max_change_percent: 25.0,
            rereferral_percent: 22.6,
        }
    }
}

/// Shares of referrals by outcome (%).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ReferralOutcomes {
    /// No further action (or signposted to early help).
    pub no_further_action_percent: f64,
    /// Open as a child-in-need case.
    pub child_in_need_percent: f64,
    /// Go straight to a child protection plan.
    pub child_protection_percent: f64,
    /// Enter care.
    pub into_care_percent: f64,
}

/// Weight of one case of each kind on a caseload (1 = one case).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CaseWeights {
    pub child_in_need: f64,
    pub child_protection: f64,
    pub looked_after: f64,
    /// Care leavers are usually held by personal advisers, not social workers: 0.
    pub care_leaver: f64,
}

impl Default for CaseWeights {
    fn default() -> Self {
        Self {
            child_in_need: 1.0,
            child_protection: 1.0,
            looked_after: 1.0,
            care_leaver: 0.0,
        }
    }
}

impl ReferralOutcomes {
    pub fn total_percent(&self) -> f64 {
        self.no_further_action_percent
            + self.child_in_need_percent
            + self.child_protection_percent
            + self.into_care_percent
    }
}

impl Default for ReferralOutcomes {
    /// England 2018-19 (DfE Characteristics of children in need): about 650,900
    /// referrals and 644,700 assessments a year; about 52,000 children on plans and
    /// 31,800 starting care. The split is derived from those flows; see README.
    fn default() -> Self {
        Self {
            no_further_action_percent: 38.0,
            child_in_need_percent: 52.0,
            child_protection_percent: 7.0,
            into_care_percent: 3.0,
        }
    }
}

impl Default for Demand {
    /// An England-average council of about 100,000 children (1/120th of England's
    /// 2018-19 figures), so that every default has a published source; see README.
    fn default() -> Self {
        Self {
            referrals_per_month: 450.0,
            referral_growth_percent_per_year: 2.0,
            referral_first_growth_percent_per_year: 0.0,
            referral_first_growth_months: 0.0,
            seasonality: Vec::new(),
            referral_outcomes: ReferralOutcomes::default(),
            children_in_need: 2_250.0,
            child_protection: 440.0,
            looked_after: 650.0,
            care_leavers: 300.0,
            child_in_need_months: 9.0,
            child_protection_months: 9.0,
            looked_after_months: 30.0,
            care_leaver_months: 36.0,
            child_in_need_to_protection_percent_per_month: 1.0,
            protection_to_care_percent_per_month: 1.5,
            protection_step_down_percent: 60.0,
            care_leaver_percent: 30.0,
            case_weights: CaseWeights::default(),
            workload_effect: WorkloadEffect::default(),
        }
    }
}
