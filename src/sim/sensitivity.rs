//! Sensitivity: how far one headline figure swings as each input moves across its
//! range (or 10% either way where it has none, within the input's limits), largest
//! swing first.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use crate::model::Scenario;
use crate::model::catalogue::{self, InputRef};

use super::engine::project;
use super::projection::Projection;

/// The figure whose sensitivity is measured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    /// Spend over the whole projection (£).
    TotalSpend,
    /// Average caseload in the last month (cases per FTE; no capacity counts as 0).
    FinalCaseload,
    /// Children in care at the end.
    FinalChildrenInCare,
    /// The largest overspend in any financial year (£; 0 if none).
    WorstOverspend,
    /// Months with more cases than capacity.
    MonthsOverCap,
}

impl Output {
    pub const ALL: [Output; 5] = [
        Output::TotalSpend,
        Output::FinalCaseload,
        Output::FinalChildrenInCare,
        Output::WorstOverspend,
        Output::MonthsOverCap,
    ];

    /// The name used on the command line.
    pub fn key(self) -> &'static str {
        match self {
            Output::TotalSpend => "total-spend",
            Output::FinalCaseload => "final-caseload",
            Output::FinalChildrenInCare => "final-children-in-care",
            Output::WorstOverspend => "worst-overspend",
            Output::MonthsOverCap => "months-over-cap",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Output::TotalSpend => "Total spend",
            Output::FinalCaseload => "Average caseload at the end",
            Output::FinalChildrenInCare => "Children in care at the end",
            Output::WorstOverspend => "Worst overspend in a year",
            Output::MonthsOverCap => "Months over cap",
        }
    }

    pub fn measure(self) -> crate::units::Measure {
        use crate::units::Measure;
        match self {
            Output::TotalSpend | Output::WorstOverspend => Measure::Pounds,
            Output::FinalCaseload => Measure::Caseload,
            Output::FinalChildrenInCare => Measure::Children,
            Output::MonthsOverCap => Measure::Months,
        }
    }

    pub fn of(self, projection: &Projection) -> f64 {
        match self {
            Output::TotalSpend => projection.total_spend(),
            Output::FinalCaseload => projection
                .last()
                .and_then(|row| row.workload.average_caseload)
                .unwrap_or(0.0),
            Output::FinalChildrenInCare => {
                projection.last().map_or(0.0, |row| row.looked_after_at_end)
            }
            Output::WorstOverspend => projection
                .worst_overspend()
                .map_or(0.0, |year| year.variance),
            Output::MonthsOverCap => projection
                .years
                .iter()
                .map(|year| year.months_over_cap as f64)
                .sum(),
        }
    }
}

/// How much one input moves the figure.
#[derive(Clone, Debug, PartialEq)]
pub struct Swing {
    /// The input's path in the file, by position: `staff[1].annual_salary_gbp`.
    pub field: String,
    /// What people call it: "Experienced social workers: salary (£ per FTE per year)".
    pub name: String,
    pub low_input: f64,
    pub high_input: f64,
    /// The figure with the input at its low and its high value.
    pub at_low: f64,
    pub at_high: f64,
}

impl Swing {
    pub fn size(&self) -> f64 {
        (self.at_high - self.at_low).abs()
    }
}

/// The swing each input causes, largest first; inputs that move nothing are left out.
pub fn sensitivity(scenario: &Scenario, output: Output) -> Vec<Swing> {
    let never = AtomicBool::new(false);
    sensitivity_with_progress(scenario, output, &AtomicUsize::new(0), &never).unwrap_or_default()
}

/// How many inputs [`sensitivity`] moves, for a progress bar.
pub fn input_count(scenario: &Scenario) -> usize {
    catalogue::numeric_inputs(scenario).len()
}

/// [`sensitivity`], counting inputs done in `done`; `None` once `cancel` is set.
pub fn sensitivity_with_progress(
    scenario: &Scenario,
    output: Output,
    done: &AtomicUsize,
    cancel: &AtomicBool,
) -> Option<Vec<Swing>> {
    let mut swings: Vec<Swing> = catalogue::numeric_inputs(scenario)
        .into_iter()
        .take_while(|_| !cancel.load(Ordering::Relaxed))
        .inspect(|_| {
            done.fetch_add(1, Ordering::Relaxed);
        })
        .filter_map(|input| swing(scenario, output, input))
        .filter(|swing| swing.size() > 1e-9)
        .collect();
    if cancel.load(Ordering::Relaxed) {
        return None;
    }
    swings.sort_by(|a, b| b.size().total_cmp(&a.size()));
    Some(swings)
}

/// How far the figure moves as one input crosses its range (10% either way
/// where it has none, never past what the input accepts); `None` if it cannot move.
fn swing(scenario: &Scenario, output: Output, input: InputRef) -> Option<Swing> {
    let value = input.number(scenario)?;
    let range = scenario
        .uncertainty
        .iter()
        .find(|range| catalogue::resolve(scenario, &range.field) == Some(input));
    let (low, high) = match range {
        Some(range) => (range.low, range.high),
        // Ten percent of a negative value is lower at 1.1 times it.
        None => {
            let (a, b) = (value * 0.9, value * 1.1);
            (a.min(b), a.max(b))
        }
    };
    // Never past what the input accepts: 10% over a 95% share is not a share.
    let (min, max) = input.input.kind.limits()?;
    let (low, high) = (low.clamp(min, max), high.clamp(min, max));
    if low == high {
        return None;
    }
    let at = |value: f64| {
        let mut changed = scenario.clone();
        *input.number_mut(&mut changed)? = value;
        Some(output.of(&project(&changed)))
    };
    Some(Swing {
        at_low: at(low)?,
        at_high: at(high)?,
        field: input.path(),
        name: input.name(scenario),
        low_input: low,
        high_input: high,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::default_scenario;

    #[test]
    fn inputs_never_move_past_their_limits() {
        let mut scenario = default_scenario();
        // 10% either way would take these to 104.5% and -55% a year.
        scenario.staff[1].case_time_percent = 95.0;
        scenario.demand.referral_growth_percent_per_year = -50.0;
        let swings = sensitivity(&scenario, Output::TotalSpend);
        let swing = |field: &str| swings.iter().find(|swing| swing.field == field);
        let case_time = swing("staff[1].case_time_percent").unwrap();
        assert_eq!(
            case_time.name,
            "Experienced social workers: time on cases (% of time)"
        );
        assert_eq!((case_time.low_input, case_time.high_input), (85.5, 100.0));
        let growth = swing("demand.referral_growth_percent_per_year").unwrap();
        assert_eq!((growth.low_input, growth.high_input), (-50.0, -45.0));
        // Lower first for a negative input too.
        scenario.demand.referral_growth_percent_per_year = -10.0;
        let swings = sensitivity(&scenario, Output::TotalSpend);
        let growth = swings
            .iter()
            .find(|swing| swing.field == "demand.referral_growth_percent_per_year")
            .unwrap();
        assert_eq!((growth.low_input, growth.high_input), (-11.0, -9.0));
        for swing in &swings {
            let input = catalogue::resolve(&scenario, &swing.field).unwrap();
            let (min, max) = input.input.kind.limits().unwrap();
            let limits = min..=max;
            assert!(
                limits.contains(&swing.low_input) && limits.contains(&swing.high_input),
                "{swing:?}"
            );
            assert_eq!(swing.name, input.name(&scenario));
        }
    }
}
