//! Long work off the UI thread: Monte Carlo runs, goal seeks and sensitivity.
//! Each job works on a copy of the scenario; its result is kept with that copy, so
//! a result computed for an older version of the scenario is never shown as current.
//!
//! The window's risk panels only read this state and push commands; jobs start,
//! stop and finish here, between frames, so nothing is projected while drawing.

mod goal_form;
mod job;

pub use goal_form::{GoalForm, LeverKind, TargetKind};
pub use job::{Computed, Job};

use crate::model::{FinancialYear, Intervention, Scenario};
use crate::sim::monte_carlo::{MonteCarlo, monte_carlo};
use crate::sim::project;
use crate::sim::sensitivity::{Output, Swing, input_count, sensitivity_with_progress};
use crate::sim::solve::{Confidence, Solution, SolveError, search_steps, solve_with_progress};

/// The question and its answer, kept together.
pub struct GoalAnswer {
    pub form: GoalForm,
    pub result: Result<Solution, SolveError>,
    /// What the answer adds to spend in each financial year of the projection
    /// (£; empty when nothing was found): a lever's cost recurs, so a lump sum
    /// over the projection hides what each year's budget must find. The months
    /// of each year the projection covers are kept to name part years.
    pub extra_by_year: Vec<(FinancialYear, usize, f64)>,
}

impl GoalAnswer {
    /// The answer to `form` for `scenario`, with its extra spend year by year.
    pub fn new(scenario: &Scenario, form: GoalForm, result: Result<Solution, SolveError>) -> Self {
        let extra_by_year = match &result {
            Ok(solution) if solution.units > 0 => {
                let before = project(scenario);
                let after = project(&form.lever().apply(scenario, solution.units));
                before
                    .years
                    .iter()
                    .zip(&after.years)
                    .map(|(was, now)| (now.year, now.months, now.spend.total() - was.spend.total()))
                    .collect()
            }
            _ => Vec::new(),
        };
        Self {
            form,
            result,
            extra_by_year,
        }
    }

    /// Whether applying the answer would change the scenario: not when the
    /// target is met already (an answer of 0).
    pub fn changes_something(&self) -> bool {
        self.result
            .as_ref()
            .is_ok_and(|solution| solution.units > 0)
    }
}

/// The sensitivity ranking: the figure ranked, its value as the scenario stands
/// (the line the bars swing from) and each input's swing, largest first.
pub struct Tornado {
    pub output: Output,
    pub base: f64,
    pub swings: Vec<Swing>,
}

/// A Monte Carlo run the person cancelled: not started again until the
/// scenario, the draws or the seed change, or they ask for it.
struct CancelledRun {
    scenario: Scenario,
    draws: usize,
    seed: u64,
}

/// Monte Carlo, goal seek and sensitivity for the scenario being edited.
pub struct RiskState {
    pub draws: usize,
    pub seed: u64,
    pub monte_carlo: Option<Computed<MonteCarlo>>,
    pub monte_carlo_job: Option<Job<Option<MonteCarlo>>>,
    cancelled_run: Option<CancelledRun>,
    pub goal_open: bool,
    /// The goal seek's form; filled in for the scenario when the window opens.
    pub goal: Option<GoalForm>,
    pub goal_answer: Option<Computed<GoalAnswer>>,
    pub goal_job: Option<Job<GoalAnswer>>,
    pub sensitivity_open: bool,
    /// The figure the sensitivity window ranks the inputs by.
    pub output: Output,
    pub tornado: Option<Computed<Tornado>>,
    pub tornado_job: Option<Job<Option<Tornado>>>,
    /// How many sensitivity rankings were started: they run only when asked.
    pub sensitivity_runs: usize,
}

impl Default for RiskState {
    fn default() -> Self {
        Self {
            draws: 1_000,
            seed: 1,
            monte_carlo: None,
            monte_carlo_job: None,
            cancelled_run: None,
            goal_open: false,
            goal: None,
            goal_answer: None,
            goal_job: None,
            sensitivity_open: false,
            output: Output::TotalSpend,
            tornado: None,
            tornado_job: None,
            sensitivity_runs: 0,
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
    /// Keeps the results of work that has finished since the last frame.
    pub fn collect_finished(&mut self) {
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
            if let Some(tornado) = result {
                self.tornado = Some(Computed {
                    scenario: job.scenario.clone(),
                    value: tornado,
                });
            }
            self.tornado_job = None;
        }
    }

    /// Whether any work is running, so the window keeps repainting its progress.
    pub fn is_working(&self) -> bool {
        self.monte_carlo_job.is_some() || self.goal_job.is_some() || self.tornado_job.is_some()
    }

    /// Keeps the Monte Carlo run in step with the scenario: a run for an older
    /// version is cancelled and a new one started, unless the person cancelled
    /// the run for this very scenario.
    pub fn keep_monte_carlo_current(
        &mut self,
        scenario: &Scenario,
        repaint: impl Fn() + Send + 'static,
    ) {
        let wanted = !scenario.uncertainty.is_empty()
            && current(&self.monte_carlo, scenario)
                .is_none_or(|run| run.draws != self.draws || run.seed != self.seed)
            && !self.is_cancelled(scenario);
        match &self.monte_carlo_job {
            Some(job) if job.scenario != *scenario => {
                job.cancel();
                self.monte_carlo_job = None;
                self.keep_monte_carlo_current(scenario, repaint);
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

    /// Whether the person cancelled the Monte Carlo run for `scenario` as it is,
    /// with the draws and seed as they are.
    pub fn is_cancelled(&self, scenario: &Scenario) -> bool {
        self.cancelled_run.as_ref().is_some_and(|run| {
            run.draws == self.draws && run.seed == self.seed && run.scenario == *scenario
        })
    }

    /// Stops the Monte Carlo run, and keeps it stopped for this scenario.
    pub fn cancel_monte_carlo(&mut self, scenario: &Scenario) {
        if let Some(job) = &self.monte_carlo_job {
            job.cancel();
        }
        self.cancelled_run = Some(CancelledRun {
            scenario: scenario.clone(),
            draws: self.draws,
            seed: self.seed,
        });
    }

    /// Lets a cancelled Monte Carlo run start again.
    pub fn resume_monte_carlo(&mut self) {
        self.cancelled_run = None;
    }

    /// Starts "What does it take?" on the form as it stands, cancelling a search
    /// still running.
    pub fn start_goal_seek(&mut self, scenario: &Scenario, repaint: impl Fn() + Send + 'static) {
        let Some(form) = self.goal.clone() else {
            return;
        };
        self.cancel_goal_seek();
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
            move |scenario, done, cancel| {
                let result = solve_with_progress(
                    scenario,
                    &form.target(),
                    &lever,
                    confidence,
                    max,
                    done,
                    cancel,
                );
                GoalAnswer::new(scenario, form, result)
            },
        ));
    }

    pub fn cancel_goal_seek(&self) {
        if let Some(job) = &self.goal_job {
            job.cancel();
        }
    }

    /// The intervention the goal seek found for `scenario` as it is now, if any;
    /// none when the target is met already, as nothing would change.
    pub fn goal_intervention(&self, scenario: &Scenario) -> Option<Intervention> {
        let answer = current(&self.goal_answer, scenario)?;
        if !answer.changes_something() {
            return None;
        }
        let solution = answer.result.as_ref().ok()?;
        Some(solution.intervention.clone())
    }

    /// Ranks the inputs by their swing in the chosen figure, in the background;
    /// the scenario's own value of the figure is worked out there too.
    pub fn start_sensitivity(&mut self, scenario: &Scenario, repaint: impl Fn() + Send + 'static) {
        self.cancel_sensitivity();
        let output = self.output;
        self.sensitivity_runs += 1;
        self.tornado_job = Some(Job::start(
            scenario.clone(),
            input_count(scenario),
            repaint,
            move |scenario, done, cancel| {
                let swings = sensitivity_with_progress(scenario, output, done, cancel)?;
                Some(Tornado {
                    output,
                    base: output.of(&project(scenario)),
                    swings,
                })
            },
        ));
    }

    pub fn cancel_sensitivity(&self) {
        if let Some(job) = &self.tornado_job {
            job.cancel();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::default_scenario;
    use crate::model::{Range, Shape};

    /// The built-in scenario with a range on referral growth, so it has draws to run.
    fn uncertain_scenario() -> Scenario {
        let mut scenario = default_scenario();
        let growth = scenario.demand.referral_growth_percent_per_year;
        scenario.uncertainty.push(Range {
            field: "demand.referral_growth_percent_per_year".to_owned(),
            low: growth - 5.0,
            high: growth + 5.0,
            shape: Shape::Triangular,
        });
        scenario
    }

    /// Waits for the running jobs to end and keeps what they made.
    fn finish(risk: &mut RiskState) {
        while risk.is_working() {
            std::thread::sleep(std::time::Duration::from_millis(5));
            risk.collect_finished();
        }
    }

    #[test]
    fn a_scenario_with_ranges_gets_draws_and_only_once() {
        let scenario = uncertain_scenario();
        let mut risk = RiskState {
            draws: 100,
            ..RiskState::default()
        };
        risk.keep_monte_carlo_current(&scenario, || {});
        assert!(risk.monte_carlo_job.is_some());
        finish(&mut risk);
        let run = current(&risk.monte_carlo, &scenario).expect("draws for the scenario");
        assert_eq!(run.draws, 100);
        // Nothing changed: no new run.
        risk.keep_monte_carlo_current(&scenario, || {});
        assert!(risk.monte_carlo_job.is_none());
    }

    #[test]
    fn an_edit_replaces_a_run_for_the_older_scenario() {
        let scenario = uncertain_scenario();
        let mut risk = RiskState::default();
        risk.keep_monte_carlo_current(&scenario, || {});
        let mut edited = scenario.clone();
        edited.demand.referral_growth_percent_per_year += 1.0;
        risk.keep_monte_carlo_current(&edited, || {});
        let job = risk.monte_carlo_job.as_ref().expect("a run for the edit");
        assert_eq!(job.scenario, edited);
        finish(&mut risk);
        assert!(current(&risk.monte_carlo, &edited).is_some());
        assert!(current(&risk.monte_carlo, &scenario).is_none());
    }

    #[test]
    fn cancelled_draws_stay_cancelled_until_asked_for_or_the_scenario_changes() {
        let scenario = uncertain_scenario();
        let mut risk = RiskState {
            draws: 20_000,
            ..RiskState::default()
        };
        risk.keep_monte_carlo_current(&scenario, || {});
        risk.cancel_monte_carlo(&scenario);
        finish(&mut risk);
        assert!(risk.is_cancelled(&scenario));
        risk.keep_monte_carlo_current(&scenario, || {});
        assert!(risk.monte_carlo_job.is_none(), "not started again");

        // Other draws are another run.
        risk.draws = 100;
        assert!(!risk.is_cancelled(&scenario));
        risk.draws = 20_000;

        // Asked for again.
        risk.resume_monte_carlo();
        assert!(!risk.is_cancelled(&scenario));
        risk.keep_monte_carlo_current(&scenario, || {});
        assert!(risk.monte_carlo_job.is_some());
        risk.cancel_monte_carlo(&scenario);
        finish(&mut risk);

        // An edit starts a run for the edited scenario.
        let mut edited = scenario.clone();
        edited.demand.referral_growth_percent_per_year += 1.0;
        risk.keep_monte_carlo_current(&edited, || {});
        assert!(risk.monte_carlo_job.is_some());
        risk.cancel_monte_carlo(&edited);
        finish(&mut risk);
    }

    #[test]
    fn the_sensitivity_ranking_carries_the_scenarios_own_value() {
        let scenario = default_scenario();
        let mut risk = RiskState {
            output: Output::TotalSpend,
            ..RiskState::default()
        };
        risk.start_sensitivity(&scenario, || {});
        assert_eq!(risk.sensitivity_runs, 1);
        finish(&mut risk);
        let tornado = current(&risk.tornado, &scenario).expect("a ranking");
        assert_eq!(tornado.output, Output::TotalSpend);
        assert_eq!(tornado.base, Output::TotalSpend.of(&project(&scenario)));
        assert!(!tornado.swings.is_empty());
    }

    #[test]
    fn no_goal_seek_answer_means_nothing_to_apply() {
        let scenario = default_scenario();
        let mut risk = RiskState::default();
        assert!(risk.goal_intervention(&scenario).is_none());
        // Without a form there is nothing to search for.
        risk.start_goal_seek(&scenario, || {});
        assert!(risk.goal_job.is_none());
    }

    #[test]
    fn a_goal_seek_answer_applies_only_to_its_own_scenario() {
        let scenario = default_scenario();
        let mut risk = RiskState {
            goal: Some(GoalForm::for_scenario(&scenario)),
            ..RiskState::default()
        };
        risk.start_goal_seek(&scenario, || {});
        finish(&mut risk);
        let answer = current(&risk.goal_answer, &scenario).expect("an answer");
        match &answer.result {
            Ok(solution) if solution.units == 0 => {
                assert!(risk.goal_intervention(&scenario).is_none());
            }
            Ok(solution) => {
                assert_eq!(
                    risk.goal_intervention(&scenario),
                    Some(solution.intervention.clone())
                );
            }
            Err(_) => assert!(risk.goal_intervention(&scenario).is_none()),
        }
        let mut edited = scenario.clone();
        edited.name.push_str(" (edited)");
        assert!(risk.goal_intervention(&edited).is_none());
    }

    #[test]
    fn the_goal_seek_starts_on_the_group_that_holds_most_cases() {
        let scenario = default_scenario();
        let form = GoalForm::for_scenario(&scenario);
        let capacity = |group: &crate::model::StaffGroup| {
            group.fte * group.case_time_percent / 100.0 * group.caseload_cap
        };
        let chosen = scenario
            .staff
            .iter()
            .find(|group| group.id == form.group)
            .expect("a group is chosen");
        assert!(!chosen.agency && chosen.holds_cases());
        for group in scenario.staff.iter().filter(|group| !group.agency) {
            assert!(
                capacity(chosen) >= capacity(group),
                "{} holds more",
                group.name
            );
        }
        // Liverpool's built-in scenario: not the newly qualified, the first group.
        assert_ne!(form.group, scenario.staff[0].id);
    }

    /// The answer to "an average caseload of at most `cases`" with the form's
    /// default lever, solved for the most likely projection.
    fn caseload_answer(scenario: &Scenario, cases: f64) -> GoalAnswer {
        let mut form = GoalForm::for_scenario(scenario);
        form.target = TargetKind::Caseload;
        form.target_value = cases;
        let lever = form.lever();
        let result = crate::sim::solve::solve(
            scenario,
            &form.target(),
            &lever,
            Confidence::MostLikely,
            lever.default_max_units(),
        );
        GoalAnswer::new(scenario, form, result)
    }

    #[test]
    fn an_answer_gives_its_extra_spend_by_year_adding_up_to_the_total() {
        let scenario = default_scenario();
        // Well under today's caseloads, so staff must be added.
        let answer = caseload_answer(&scenario, 15.0);
        let solution = answer.result.as_ref().expect("reachable with extra staff");
        assert!(solution.units > 0);
        assert!(answer.changes_something());
        let years = project(&scenario).years.len();
        assert_eq!(answer.extra_by_year.len(), years);
        let sum: f64 = answer.extra_by_year.iter().map(|(_, _, gbp)| gbp).sum();
        assert!(
            (sum - solution.extra_spend).abs() < 1.0,
            "{sum} against {}",
            solution.extra_spend
        );
        // Staff cost money every full year they are in post.
        assert!(
            answer
                .extra_by_year
                .iter()
                .skip(1)
                .all(|(_, _, gbp)| *gbp > 0.0)
        );
    }

    #[test]
    fn an_answer_of_nothing_offers_nothing_to_apply() {
        let scenario = default_scenario();
        // A caseload no projection reaches: met with no extra staff.
        let answer = caseload_answer(&scenario, 1_000.0);
        assert_eq!(answer.result.as_ref().map(|solution| solution.units), Ok(0));
        assert!(!answer.changes_something());
        assert!(answer.extra_by_year.is_empty());
    }
}
