//! Comparing scenarios: their results year by year, and the inputs that differ.

mod inputs;

pub use inputs::{InputDifference, input_differences};

use crate::model::FinancialYear;
use crate::sim::{MonthRow, Projection, YearSummary};
use crate::units::Measure;

type YearValue = fn(&YearSummary, &[MonthRow]) -> Option<f64>;

/// One figure compared per financial year.
pub struct Metric {
    pub name: &'static str,
    pub measure: Measure,
    value: YearValue,
}

fn mean_cases(rows: &[MonthRow]) -> f64 {
    rows.iter().map(|row| row.workload.cases).sum::<f64>() / rows.len().max(1) as f64
}

/// The figures compared, in the order shown.
pub const METRICS: &[Metric] = &[
    Metric {
        name: "Average caseload",
        measure: Measure::Caseload,
        value: |year, _| year.average_caseload,
    },
    Metric {
        name: "Peak caseload",
        measure: Measure::Caseload,
        value: |year, _| year.peak_caseload,
    },
    Metric {
        name: "Months over cap",
        measure: Measure::Months,
        value: |year, _| Some(year.months_over_cap as f64),
    },
    Metric {
        name: "Children in care at year end",
        measure: Measure::Children,
        value: |year, _| Some(year.looked_after_at_end),
    },
    Metric {
        name: "Staff at year end",
        measure: Measure::Fte,
        value: |year, _| Some(year.fte_at_end),
    },
    Metric {
        name: "Agency share at year end",
        measure: Measure::Share,
        value: |year, _| Some(year.agency_share_at_end),
    },
    Metric {
        name: "Spend",
        measure: Measure::Pounds,
        value: |year, _| Some(year.spend.total()),
    },
    Metric {
        name: "Funding",
        measure: Measure::Pounds,
        value: |year, _| Some(year.funding()),
    },
    Metric {
        name: "Variance (+ over budget)",
        measure: Measure::BudgetVariance,
        value: |year, _| Some(year.variance),
    },
    Metric {
        name: "Reserves at year end",
        measure: Measure::Pounds,
        value: |year, _| Some(year.reserves_at_end),
    },
    Metric {
        name: "Placement cost per child in care (a year)",
        measure: Measure::Pounds,
        value: |year, _| year.cost_per_child_in_care,
    },
    Metric {
        name: "Social worker cost per case (a year)",
        measure: Measure::Pounds,
        value: |year, rows| {
            let cases = mean_cases(rows);
            let staff = year.spend.permanent_staff + year.spend.agency_staff;
            (cases > 0.0).then(|| staff / cases * 12.0 / year.months.max(1) as f64)
        },
    },
];

/// One figure in one financial year for the baseline (A) and the scenario (B).
#[derive(Clone, Debug, PartialEq)]
pub struct ComparisonRow {
    pub year: FinancialYear,
    /// Months of the year both projections cover.
    pub months: usize,
    pub metric: &'static str,
    pub measure: Measure,
    pub baseline: Option<f64>,
    pub scenario: Option<f64>,
}

impl ComparisonRow {
    /// Scenario minus baseline.
    pub fn difference(&self) -> Option<f64> {
        Some(self.scenario? - self.baseline?)
    }
}

/// Every figure of every financial year both projections cover, A against B.
#[derive(Clone, Debug, PartialEq)]
pub struct ComparisonTable {
    pub rows: Vec<ComparisonRow>,
}

fn year_rows(projection: &Projection, year: FinancialYear) -> Vec<MonthRow> {
    projection
        .rows
        .iter()
        .filter(|row| row.month.financial_year() == year)
        .copied()
        .collect()
}

impl ComparisonTable {
    pub fn new(baseline: &Projection, scenario: &Projection) -> Self {
        let mut rows = Vec::new();
        for year_a in &baseline.years {
            let Some(year_b) = scenario.years.iter().find(|year| year.year == year_a.year) else {
                continue;
            };
            let rows_a = year_rows(baseline, year_a.year);
            let rows_b = year_rows(scenario, year_b.year);
            for metric in METRICS {
                rows.push(ComparisonRow {
                    year: year_a.year,
                    months: year_a.months.min(year_b.months),
                    metric: metric.name,
                    measure: metric.measure,
                    baseline: (metric.value)(year_a, &rows_a),
                    scenario: (metric.value)(year_b, &rows_b),
                });
            }
        }
        Self { rows }
    }

    /// The financial years compared, in order.
    pub fn years(&self) -> Vec<FinancialYear> {
        let mut years: Vec<FinancialYear> = self.rows.iter().map(|row| row.year).collect();
        years.dedup();
        years
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differences_read_with_signs_and_units() {
        assert_eq!(
            Measure::Pounds.format_difference(Some(1_260_000.0)),
            "+£1.3m"
        );
        assert_eq!(
            Measure::Pounds.format_difference(Some(-48_100.0)),
            "-£48,100"
        );
        assert_eq!(Measure::Caseload.format_difference(Some(-2.04)), "-2.0");
        assert_eq!(Measure::Caseload.format_difference(Some(-0.01)), "0.0");
        assert_eq!(Measure::Share.format_difference(Some(0.035)), "+3.5 points");
        assert_eq!(Measure::Months.format_difference(Some(3.0)), "+3");
        assert_eq!(Measure::Caseload.format(None), "no capacity");
        assert_eq!(Measure::Share.format(Some(0.163)), "16.3%");
    }
}
