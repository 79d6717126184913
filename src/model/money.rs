//! Money: budgets, grants, reserves and costs not tied to staff or placements.

use serde::{Deserialize, Serialize};

use super::calendar::{FinancialYear, Month};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Money {
    /// Base budget for each financial year. A year not listed takes the budget of
    /// the latest earlier year listed grown by `budget_growth_percent` a year (or
    /// the earliest year's as it is, before the first).
    /// A year the projection only partly covers gets a pro-rata share.
    pub budgets: Vec<YearBudget>,
    /// One-off grants and top-ups, counted in the financial year of their month.
    pub grants: Vec<Grant>,
    /// Reserves the council can draw on to cover an overspend (£).
    pub reserves_gbp: f64,
    /// Early help already funded in the base budget (£ per year).
    pub early_help_per_year_gbp: f64,
    /// Everything else the service spends each month: management, legal, overheads (£ per month).
    pub other_costs_per_month_gbp: f64,
    /// Pay award on permanent and agency pay (% a year), compounding; the salaries
    /// in the file are those at the start.
    pub pay_award_percent: f64,
    /// The calendar month each year's pay award lands in (1 = January ... 12 =
    /// December); the first lands at the first such month after the start.
    pub pay_award_month: u32,
    /// Inflation on the base other costs (% a year), compounded monthly.
    pub other_costs_inflation_percent: f64,
    /// Growth of the budget in years not listed (% a year), from the latest listed
    /// year before them.
    pub budget_growth_percent: f64,
}

/// Pay award by default: 2% a year (the NJC settlements for 2018-19 and 2019-20).
pub const DEFAULT_PAY_AWARD_PERCENT: f64 = 2.0;
/// Pay awards land in April by default (the NJC pay year starts on 1 April).
pub const DEFAULT_PAY_AWARD_MONTH: u32 = 4;
/// Inflation on other costs by default: the Bank of England's 2% CPI target.
pub const DEFAULT_INFLATION_PERCENT: f64 = 2.0;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearBudget {
    pub year: FinancialYear,
    /// £ for the whole year.
    pub budget_gbp: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Grant {
    pub name: String,
    pub month: Month,
    /// £, received once.
    pub amount_gbp: f64,
}

impl Money {
    /// The listed budget a financial year's budget grows from, and the years it
    /// grows for: the latest listed year up to `year` and the years since it, or,
    /// before the first listed year, the earliest with 0 years (it stays).
    pub fn listed_budget_for(&self, year: FinancialYear) -> Option<(f64, i32)> {
        let latest_before = self
            .budgets
            .iter()
            .filter(|budget| budget.year <= year)
            .max_by_key(|budget| budget.year);
        let earliest = self.budgets.iter().min_by_key(|budget| budget.year);
        latest_before
            .map(|budget| (budget.budget_gbp, year.0 - budget.year.0))
            .or_else(|| earliest.map(|budget| (budget.budget_gbp, 0)))
    }
}

impl Default for Money {
    fn default() -> Self {
        Self {
            budgets: Vec::new(),
            grants: Vec::new(),
            reserves_gbp: 0.0,
            early_help_per_year_gbp: 0.0,
            other_costs_per_month_gbp: 0.0,
            pay_award_percent: DEFAULT_PAY_AWARD_PERCENT,
            pay_award_month: DEFAULT_PAY_AWARD_MONTH,
            other_costs_inflation_percent: DEFAULT_INFLATION_PERCENT,
            budget_growth_percent: 0.0,
        }
    }
}
