//! Money: budgets, grants, reserves and costs not tied to staff or placements.

use serde::{Deserialize, Serialize};

use super::calendar::{FinancialYear, Month};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Money {
    /// Base budget for each financial year. A year not listed takes the budget of
    /// the latest earlier year listed (or the earliest year, before the first).
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
}

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
    /// The base budget for a whole financial year, before pro-rating.
    pub fn budget_for(&self, year: FinancialYear) -> f64 {
        let latest_before = self
            .budgets
            .iter()
            .filter(|budget| budget.year <= year)
            .max_by_key(|budget| budget.year);
        let earliest = self.budgets.iter().min_by_key(|budget| budget.year);
        latest_before
            .or(earliest)
            .map_or(0.0, |budget| budget.budget_gbp)
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
        }
    }
}
