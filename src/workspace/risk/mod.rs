//! Long work off the UI thread: Monte Carlo runs, goal seeks and sensitivity.
//! Each job works on a copy of the scenario; its result is kept with that copy, so
//! a result computed for an older version of the scenario is never shown as current.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, channel};

use crate::model::{FinancialYear, Month, Scenario};
use crate::sim::monte_carlo::{MonteCarlo, monte_carlo};
use crate::sim::sensitivity::{Output, Swing, input_count, sensitivity_with_progress};
use crate::sim::solve::{
    Confidence, Lever, Solution, SolveError, Target, search_steps, solve_with_progress,
};

/// Work running on another thread.
pub struct Job<T> {
    pub scenario: Scenario,
    done: Arc<AtomicUsize>,
    pub total: usize,
    cancel: Arc<AtomicBool>,
    result: Receiver<T>,
}

impl<T: Send + 'static> Job<T> {
    /// Starts `work` on a copy of `scenario`; `repaint` is called when it ends so
    /// the window shows the result without waiting for input.
    pub fn start(
        scenario: Scenario,
        total: usize,
        repaint: impl Fn() + Send + 'static,
        work: impl FnOnce(&Scenario, &AtomicUsize, &AtomicBool) -> T + Send + 'static,
    ) -> Self {
        let done = Arc::new(AtomicUsize::new(0));
        let cancel = Arc::new(AtomicBool::new(false));
        let (sender, result) = channel();
        let job_scenario = scenario.clone();
        let (job_done, job_cancel) = (Arc::clone(&done), Arc::clone(&cancel));
        std::thread::spawn(move || {
            let value = work(&job_scenario, &job_done, &job_cancel);
            // The window may have dropped the job (cancelled); then nobody listens.
            let _ = sender.send(value);
            repaint();
        });
        Self {
            scenario,
            done,
            total,
            cancel,
            result,
        }
    }

    /// The result, once the work has finished.
    pub fn poll(&self) -> Option<T> {
        self.result.try_recv().ok()
    }

    /// Share done, 0 to 1.
    pub fn progress(&self) -> f32 {
        if self.total == 0 {
            0.0
        } else {
            (self.done.load(Ordering::Relaxed) as f32 / self.total as f32).min(1.0)
        }
    }

    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}

/// A result with the scenario it was computed for.
pub struct Computed<T> {
    pub scenario: Scenario,
    pub value: T,
}

impl<T> Computed<T> {
    pub fn is_for(&self, scenario: &Scenario) -> bool {
        self.scenario == *scenario
    }
}

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
    Caseload,
    Overspend,
    ChildrenInCare,
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
        let group = scenario
            .staff
            .iter()
            .find(|group| !group.agency && group.holds_cases() && group.span_of_control.is_none())
            .map(|group| group.id.clone())
            .unwrap_or_default();
        Self {
            target: TargetKind::Caseload,
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
            TargetKind::Caseload => Target::AverageCaseloadAtMost {
                cases: self.target_value,
                by: self.by_month,
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

/// The question and its answer, kept together.
pub struct GoalAnswer {
    pub form: GoalForm,
    pub result: Result<Solution, SolveError>,
}

/// The figure ranked and each input's swing, largest first.
pub type Tornado = (Output, Vec<Swing>);

/// Monte Carlo, goal seek and sensitivity for the scenario being edited.
pub struct RiskState {
    pub draws: usize,
    pub seed: u64,
    pub monte_carlo: Option<Computed<MonteCarlo>>,
    pub monte_carlo_job: Option<Job<Option<MonteCarlo>>>,
    pub goal_open: bool,
    pub goal: Option<GoalForm>,
    pub goal_answer: Option<Computed<GoalAnswer>>,
    pub goal_job: Option<Job<GoalAnswer>>,
    pub sensitivity_open: bool,
    pub output: Output,
    pub tornado: Option<Computed<Tornado>>,
    pub tornado_job: Option<Job<Option<Tornado>>>,
}

impl Default for RiskState {
    fn default() -> Self {
        Self {
            draws: 1_000,
            seed: 1,
            monte_carlo: None,
            monte_carlo_job: None,
            goal_open: false,
            goal: None,
            goal_answer: None,
            goal_job: None,
            sensitivity_open: false,
            output: Output::TotalSpend,
            tornado: None,
            tornado_job: None,
        }
    }
}

/// A result is current only for the scenario it was computed for.
pub fn current<'a, T>(computed: &'a Option<Computed<T>>, scenario: &Scenario) -> Option<&'a T> {
    computed
        .as_ref()
        .filter(|computed| computed.is_for(scenario))
        .map(|computed| &computed.value)
}

impl RiskState {
    /// Collects finished work and keeps the Monte Carlo run in step with the
    /// scenario: a run for an older version is cancelled and a new one started.
    pub fn update(&mut self, scenario: &Scenario, repaint: impl Fn() + Clone + Send + 'static) {
        if let Some(job) = &self.monte_carlo_job
            && let Some(result) = job.poll()
        {
            if let Some(run) = result {
                self.monte_carlo = Some(Computed {
                    scenario: job.scenario.clone(),
                    value: run,
                });
            }
            self.monte_carlo_job = None;
        }
        if let Some(job) = &self.goal_job
            && let Some(answer) = job.poll()
        {
            if answer.result != Err(SolveError::Cancelled) {
                self.goal_answer = Some(Computed {
                    scenario: job.scenario.clone(),
                    value: answer,
                });
            }
            self.goal_job = None;
        }
        if let Some(job) = &self.tornado_job
            && let Some(result) = job.poll()
        {
            if let Some(swings) = result {
                self.tornado = Some(Computed {
                    scenario: job.scenario.clone(),
                    value: swings,
                });
            }
            self.tornado_job = None;
        }
        let wanted = !scenario.uncertainty.is_empty()
            && current(&self.monte_carlo, scenario)
                .is_none_or(|run| run.draws != self.draws || run.seed != self.seed);
        match &self.monte_carlo_job {
            Some(job) if job.scenario != *scenario => {
                job.cancel();
                self.monte_carlo_job = None;
            }
            Some(_) => {}
            None if wanted && crate::model::validate(scenario).is_empty() => {
                let (draws, seed) = (self.draws, self.seed);
                self.monte_carlo_job = Some(Job::start(
                    scenario.clone(),
                    draws,
                    repaint,
                    move |scenario, done, cancel| monte_carlo(scenario, draws, seed, done, cancel),
                ));
            }
            None => {}
        }
    }

    pub fn start_goal_seek(
        &mut self,
        scenario: &Scenario,
        form: GoalForm,
        repaint: impl Fn() + Send + 'static,
    ) {
        if let Some(job) = &self.goal_job {
            job.cancel();
        }
        let confidence = match form.confidence {
            None => Confidence::MostLikely,
            Some(share) => Confidence::Draws {
                share,
                draws: self.draws,
                seed: self.seed,
            },
        };
        let lever = form.lever();
        let max = lever.default_max_units();
        self.goal_job = Some(Job::start(
            scenario.clone(),
            search_steps(max),
            repaint,
            move |scenario, done, cancel| GoalAnswer {
                result: solve_with_progress(
                    scenario,
                    &form.target(),
                    &lever,
                    confidence,
                    max,
                    done,
                    cancel,
                ),
                form,
            },
        ));
    }

    pub fn start_sensitivity(
        &mut self,
        scenario: &Scenario,
        output: Output,
        repaint: impl Fn() + Send + 'static,
    ) {
        self.tornado_job = Some(Job::start(
            scenario.clone(),
            input_count(scenario),
            repaint,
            move |scenario, done, cancel| {
                sensitivity_with_progress(scenario, output, done, cancel)
                    .map(|swings| (output, swings))
            },
        ));
    }
}
