//! What the "Fit to history" window holds between frames: the years to fit to,
//! the fit running on another thread, and what it found for which scenario.

use crate::council_scenario::years_with_data;
use crate::history::{Calibration, HistoryFigure, MonthlyCounts, calibrate, calibrate_to_counts};
use crate::model::Scenario;
use crate::published::{self, Council};

use super::risk::{Computed, Job};

#[derive(Default)]
pub struct FitToHistory {
    pub open: bool,
    /// Years ending 31 March fitted to, first and last; `None` = the default.
    pub from: Option<i32>,
    pub to: Option<i32>,
    /// The path typed of a CSV file of the council's own monthly counts.
    pub counts_file: String,
    /// The figure the chart of fitted against published shows.
    pub chart: Option<HistoryFigure>,
    job: Option<Job<Result<Calibration, String>>>,
    /// The last fit and the scenario it started from.
    result: Option<Computed<Result<Calibration, String>>>,
}

/// The first year ending 31 March a projection from `scenario` reaches: its 31
/// March is the opening of an April on or after the start.
pub fn first_fittable(scenario: &Scenario) -> i32 {
    if scenario.start.month_number() <= 4 {
        scenario.start.year()
    } else {
        scenario.start.year() + 1
    }
}

/// The years fitted to unless chosen: from the first the projection reaches to
/// the latest published.
pub fn default_years(council: &Council, scenario: &Scenario) -> Option<(i32, i32)> {
    let years = years_with_data(council);
    let first = first_fittable(scenario);
    let from = years.iter().copied().find(|year| *year >= first)?;
    let to = *years.last()?;
    Some((from, to))
}

impl FitToHistory {
    pub fn open(&mut self) {
        self.open = true;
    }

    /// The council of `scenario`, if the published figures know its code.
    pub fn council(scenario: &Scenario) -> Option<&'static Council> {
        scenario.council.as_deref().and_then(published::by_code)
    }

    /// The years to fit to: those chosen, or the default.
    pub fn years(&self, council: &Council, scenario: &Scenario) -> Option<(i32, i32)> {
        let (from, to) = default_years(council, scenario)?;
        Some((self.from.unwrap_or(from), self.to.unwrap_or(to)))
    }

    /// Starts fitting `scenario` to its council's years, on another thread;
    /// `repaint` is called when it ends.
    pub fn start(&mut self, scenario: &Scenario, repaint: impl Fn() + Send + 'static) {
        let Some(council) = Self::council(scenario) else {
            self.result = Some(Computed {
                scenario: scenario.clone(),
                value: Err(
                    "the scenario names no council the published figures know, so \
                            there is nothing to fit it to"
                        .to_owned(),
                ),
            });
            return;
        };
        let Some((from, to)) = self.years(council, scenario) else {
            self.result = Some(Computed {
                scenario: scenario.clone(),
                value: Err(format!(
                    "{} has no published year the projection from {} reaches",
                    council.name,
                    scenario.start.label()
                )),
            });
            return;
        };
        self.job = Some(Job::start(
            scenario.clone(),
            0,
            repaint,
            move |scenario, _, _| calibrate(scenario, council, from..=to),
        ));
    }

    /// Starts fitting `scenario` to a council's own monthly counts, on another
    /// thread.
    pub fn start_with_counts(
        &mut self,
        scenario: &Scenario,
        counts: MonthlyCounts,
        repaint: impl Fn() + Send + 'static,
    ) {
        self.job = Some(Job::start(
            scenario.clone(),
            0,
            repaint,
            move |scenario, _, _| calibrate_to_counts(scenario, &counts),
        ));
    }

    /// A fit that could not start (a counts file that could not be read).
    pub fn failed(&mut self, scenario: &Scenario, why: String) {
        self.job = None;
        self.result = Some(Computed {
            scenario: scenario.clone(),
            value: Err(why),
        });
    }

    pub fn is_working(&self) -> bool {
        self.job.is_some()
    }

    /// Takes the fit's result once it has finished.
    pub fn collect_finished(&mut self) {
        if let Some(job) = &self.job
            && let Some(value) = job.poll()
        {
            self.result = Some(Computed {
                scenario: job.scenario.clone(),
                value,
            });
            self.job = None;
        }
    }

    /// The last fit's result, if any.
    pub fn result(&self) -> Option<&Result<Calibration, String>> {
        self.result.as_ref().map(|computed| &computed.value)
    }

    /// The fit, if it was made for `scenario` as it is now.
    pub fn calibration_for(&self, scenario: &Scenario) -> Option<&Calibration> {
        self.result
            .as_ref()
            .filter(|computed| computed.is_for(scenario))
            .and_then(|computed| computed.value.as_ref().ok())
    }
}

/// The fitted scenario with the fit's comment added to its notes: what Apply
/// sets.
pub fn applied(calibration: &Calibration) -> Scenario {
    let mut scenario = calibration.fitted.clone();
    let comment = calibration.comment();
    scenario.notes = if scenario.notes.trim().is_empty() {
        comment
    } else {
        format!("{}\n{comment}", scenario.notes.trim_end())
    };
    scenario
}
