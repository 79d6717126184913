//! Comparing scenarios: their results year by year, and the inputs that differ.

mod decision;
mod inputs;

pub use decision::{DecisionLine, DecisionSummary, Verdict, names_in_sentences};
pub use inputs::{InputDifference, input_differences};

use crate::model::FinancialYear;
use crate::sim::{MonthRow, Projection, YearSummary};
use crate::units::Measure;

type YearValue = fn(&YearSummary, &[MonthRow]) -> Option<f64>;

/// How a figure's years make its whole-period value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OverPeriod {
    /// Added up (spend, months over cap).
    Sum,
    /// The last year's (figures at year end).
    Last,
    /// The highest year's (peaks).
    Highest,
    /// The mean of the years, each weighted by the months it covers.
    MeanByMonths,
}

/// One figure compared per financial year.
pub struct Metric {
    pub name: &'static str,
    pub measure: Measure,
    value: YearValue,
    pub over_period: OverPeriod,
    /// `Some(true)` when less is better (spend, months over cap), `Some(false)`
    /// when more is better (reserves), `None` when neither reads as good news.
    pub lower_is_better: Option<bool>,
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
        over_period: OverPeriod::MeanByMonths,
        lower_is_better: Some(true),
    },
    Metric {
        name: "Peak caseload",
        measure: Measure::Caseload,
        value: |year, _| year.peak_caseload,
        over_period: OverPeriod::Highest,
        lower_is_better: Some(true),
    },
    Metric {
        name: "Months over cap",
        measure: Measure::Months,
        value: |year, _| Some(year.months_over_cap as f64),
        over_period: OverPeriod::Sum,
        lower_is_better: Some(true),
    },
    Metric {
        name: "Children in care at year end",
        measure: Measure::Children,
        value: |year, _| Some(year.looked_after_at_end),
        over_period: OverPeriod::Last,
        lower_is_better: Some(true),
    },
    Metric {
        name: "Staff at year end",
        measure: Measure::Fte,
        value: |year, _| Some(year.fte_at_end),
        over_period: OverPeriod::Last,
        lower_is_better: None,
    },
    Metric {
        name: "Agency share at year end",
        measure: Measure::Share,
        value: |year, _| Some(year.agency_share_at_end),
        over_period: OverPeriod::Last,
        lower_is_better: Some(true),
    },
    Metric {
        name: "Spend",
        measure: Measure::Pounds,
        value: |year, _| Some(year.spend.total()),
        over_period: OverPeriod::Sum,
        lower_is_better: Some(true),
    },
    Metric {
        name: "Funding",
        measure: Measure::Pounds,
        value: |year, _| Some(year.funding()),
        over_period: OverPeriod::Sum,
        lower_is_better: Some(false),
    },
    Metric {
        name: "Variance (+ over budget)",
        measure: Measure::BudgetVariance,
        value: |year, _| Some(year.variance),
        over_period: OverPeriod::Sum,
        lower_is_better: Some(true),
    },
    Metric {
        name: "Reserves at year end",
        measure: Measure::Pounds,
        value: |year, _| Some(year.reserves_at_end),
        over_period: OverPeriod::Last,
        lower_is_better: Some(false),
    },
    Metric {
        name: "Placement cost per child in care (a year)",
        measure: Measure::Pounds,
        value: |year, _| year.cost_per_child_in_care,
        over_period: OverPeriod::MeanByMonths,
        lower_is_better: Some(true),
    },
    Metric {
        name: "Social worker cost per case (a year)",
        measure: Measure::Pounds,
        value: |year, rows| {
            let cases = mean_cases(rows);
            let staff = year.spend.permanent_staff + year.spend.agency_staff;
            (cases > 0.0).then(|| staff / cases * 12.0 / year.months.max(1) as f64)
        },
        over_period: OverPeriod::MeanByMonths,
        lower_is_better: None,
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
    /// As [`Metric::lower_is_better`].
    pub lower_is_better: Option<bool>,
}

impl ComparisonRow {
    /// Scenario minus baseline.
    pub fn difference(&self) -> Option<f64> {
        Some(self.scenario? - self.baseline?)
    }

    /// Whether B is better or worse than A on this figure.
    pub fn verdict(&self) -> Verdict {
        verdict(self.measure, self.difference(), self.lower_is_better)
    }
}

/// One figure over the whole period both projections cover.
#[derive(Clone, Debug, PartialEq)]
pub struct PeriodRow {
    pub metric: &'static str,
    pub measure: Measure,
    pub over_period: OverPeriod,
    pub baseline: Option<f64>,
    pub scenario: Option<f64>,
    pub lower_is_better: Option<bool>,
}

impl PeriodRow {
    /// Scenario minus baseline.
    pub fn difference(&self) -> Option<f64> {
        Some(self.scenario? - self.baseline?)
    }

    /// Whether B is better or worse than A on this figure over the period.
    pub fn verdict(&self) -> Verdict {
        verdict(self.measure, self.difference(), self.lower_is_better)
    }
}

/// A difference as the window and the report word it: spend against funding
/// with its sign spelt out ("£6.7m less overspend"), other figures signed
/// ("+£959,900", "-2.1", "+3.5 points").
pub fn difference_text(measure: Measure, difference: Option<f64>) -> String {
    match (measure, difference) {
        (Measure::BudgetVariance, Some(difference)) => {
            let amount = crate::units::gbp(difference.abs());
            if amount == "£0" {
                "no change".to_owned()
            } else if difference < 0.0 {
                format!("{amount} less overspend")
            } else {
                format!("{amount} more overspend")
            }
        }
        _ => measure.format_difference(difference),
    }
}

fn verdict(measure: Measure, difference: Option<f64>, lower_is_better: Option<bool>) -> Verdict {
    let (Some(difference), Some(lower_is_better)) = (difference, lower_is_better) else {
        return Verdict::Same;
    };
    let shown = measure.format_difference(Some(difference));
    let same = !shown.chars().any(|c| c.is_ascii_digit() && c != '0');
    Verdict::of(difference, lower_is_better, same)
}

/// Every figure of every financial year both projections cover, A against B,
/// and each figure over the whole period.
#[derive(Clone, Debug, PartialEq)]
pub struct ComparisonTable {
    pub rows: Vec<ComparisonRow>,
    pub whole_period: Vec<PeriodRow>,
    /// Months the whole period covers (the years both projections cover).
    pub months: usize,
}

fn year_rows(projection: &Projection, year: FinancialYear) -> Vec<MonthRow> {
    projection
        .rows
        .iter()
        .filter(|row| row.month.financial_year() == year)
        .copied()
        .collect()
}

/// A figure's whole-period value from its yearly values and the months each covers.
fn over_period(how: OverPeriod, values: &[(Option<f64>, usize)]) -> Option<f64> {
    let known: Vec<(f64, usize)> = values
        .iter()
        .filter_map(|(value, months)| Some(((*value)?, *months)))
        .collect();
    if known.is_empty() {
        return None;
    }
    match how {
        OverPeriod::Sum => Some(known.iter().map(|(value, _)| value).sum()),
        OverPeriod::Last => values.last().and_then(|(value, _)| *value),
        OverPeriod::Highest => known.iter().map(|(value, _)| *value).reduce(f64::max),
        OverPeriod::MeanByMonths => {
            let months: usize = known.iter().map(|(_, months)| months).sum();
            (months > 0).then(|| {
                known
                    .iter()
                    .map(|(value, months)| value * *months as f64)
                    .sum::<f64>()
                    / months as f64
            })
        }
    }
}

impl ComparisonTable {
    pub fn new(baseline: &Projection, scenario: &Projection) -> Self {
        let mut rows = Vec::new();
        let mut per_metric: Vec<Vec<(Option<f64>, usize)>> = vec![Vec::new(); METRICS.len()];
        let mut per_metric_b: Vec<Vec<(Option<f64>, usize)>> = vec![Vec::new(); METRICS.len()];
        let mut months_in_all = 0;
        for year_a in &baseline.years {
            let Some(year_b) = scenario.years.iter().find(|year| year.year == year_a.year) else {
                continue;
            };
            let rows_a = year_rows(baseline, year_a.year);
            let rows_b = year_rows(scenario, year_b.year);
            let months = year_a.months.min(year_b.months);
            months_in_all += months;
            for (index, metric) in METRICS.iter().enumerate() {
                let value_a = (metric.value)(year_a, &rows_a);
                let value_b = (metric.value)(year_b, &rows_b);
                per_metric[index].push((value_a, months));
                per_metric_b[index].push((value_b, months));
                rows.push(ComparisonRow {
                    year: year_a.year,
                    months,
                    metric: metric.name,
                    measure: metric.measure,
                    baseline: value_a,
                    scenario: value_b,
                    lower_is_better: metric.lower_is_better,
                });
            }
        }
        let whole_period = if months_in_all == 0 {
            Vec::new()
        } else {
            METRICS
                .iter()
                .enumerate()
                .map(|(index, metric)| PeriodRow {
                    metric: metric.name,
                    measure: metric.measure,
                    over_period: metric.over_period,
                    baseline: over_period(metric.over_period, &per_metric[index]),
                    scenario: over_period(metric.over_period, &per_metric_b[index]),
                    lower_is_better: metric.lower_is_better,
                })
                .collect()
        };
        Self {
            rows,
            whole_period,
            months: months_in_all,
        }
    }

    /// The financial years compared, in order.
    pub fn years(&self) -> Vec<FinancialYear> {
        let mut years: Vec<FinancialYear> = self.rows.iter().map(|row| row.year).collect();
        years.dedup();
        years
    }

    /// How the whole-period row is labelled: "Whole period (39 months)".
    pub fn period_label(&self) -> String {
        format!("Whole period ({})", crate::units::month_count(self.months))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::default_scenario;
    use crate::sim::project;

    #[test]
    fn the_whole_period_sums_money_and_keeps_the_last_year_end() {
        let baseline = project(&default_scenario());
        let mut plan = default_scenario();
        for budget in &mut plan.money.budgets {
            budget.budget_gbp += 1_000_000.0;
        }
        let scenario = project(&plan);
        let table = ComparisonTable::new(&baseline, &scenario);
        let period = |name: &str| {
            table
                .whole_period
                .iter()
                .find(|row| row.metric == name)
                .cloned()
                .unwrap()
        };
        let spend = period("Spend");
        let expected: f64 = baseline.years.iter().map(|year| year.spend.total()).sum();
        assert!((spend.baseline.unwrap() - expected).abs() < 1e-6);
        let reserves = period("Reserves at year end");
        let last = baseline.years.last().unwrap().reserves_at_end;
        assert_eq!(reserves.baseline, Some(last));
        assert_eq!(reserves.verdict(), Verdict::Better);
        assert_eq!(
            period("Variance (+ over budget)").verdict(),
            Verdict::Better
        );
        assert_eq!(spend.verdict(), Verdict::Same);
        assert_eq!(
            table.months,
            baseline.years.iter().map(|year| year.months).sum::<usize>()
        );
        assert!(table.period_label().starts_with("Whole period ("));
    }

    #[test]
    fn variance_differences_spell_their_sign() {
        let text = |value| difference_text(Measure::BudgetVariance, Some(value));
        assert_eq!(text(-5_600_000.0), "£5.6m less overspend");
        assert_eq!(text(188_400.0), "£188,400 more overspend");
        assert_eq!(text(0.2), "no change");
        assert_eq!(difference_text(Measure::Months, Some(-7.0)), "-7");
    }

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
