//! Backtests: a projection set beside what was published for the same dates, and
//! the rules of thumb judged on the same figures.

use crate::council_scenario;
use crate::model::{Month, Scenario};
use crate::published::Council;
use crate::sim::{Projection, project};

use super::figures::HistoryFigure;
use super::rules::Rule;

/// One figure for one year: what was published, what the model projected, and
/// what each rule of thumb would have said.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    pub figure: HistoryFigure,
    /// The year of the published figure (ending 31 March; September's census).
    pub year: i32,
    /// Years after the last one known at the start.
    pub horizon: i32,
    pub published: f64,
    pub model: f64,
    /// By [`Rule::ALL`]: `None` where the rule lacks the years it needs.
    pub rules: [Option<f64>; 2],
}

/// Error of an estimate against the published figure (%): `(estimate -
/// published) / published × 100`. `None` when nothing was published to divide by.
pub fn percent_error(estimate: f64, published: f64) -> Option<f64> {
    (published.abs() > f64::EPSILON).then(|| (estimate - published) / published * 100.0)
}

impl Point {
    pub fn model_error(&self) -> Option<f64> {
        percent_error(self.model, self.published)
    }

    pub fn rule(&self, rule: Rule) -> Option<f64> {
        self.rules[rule_index(rule)]
    }

    pub fn rule_error(&self, rule: Rule) -> Option<f64> {
        percent_error(self.rule(rule)?, self.published)
    }
}

fn rule_index(rule: Rule) -> usize {
    Rule::ALL.iter().position(|each| *each == rule).unwrap_or(0)
}

/// A backtest of one projection against one council's published figures.
#[derive(Clone, Debug, PartialEq)]
pub struct Backtest {
    pub council_code: String,
    pub council_name: String,
    /// The year ending 31 March whose figures the projection starts from.
    pub start_year: i32,
    pub scenario_name: String,
    /// By figure (in [`HistoryFigure::JUDGED`] order), then year.
    pub points: Vec<Point>,
}

/// Mean absolute errors (%) of one figure at one horizon.
#[derive(Clone, Debug, PartialEq)]
pub struct HorizonErrors {
    pub figure: HistoryFigure,
    pub horizon: i32,
    /// Mean of |model error|, over the points every estimate has.
    pub model: f64,
    /// By [`Rule::ALL`].
    pub rules: [f64; 2],
    pub points: usize,
}

impl Backtest {
    /// Sets a projection beside the council's published figures: every judged
    /// figure, every year after the last one known at the start (`start_year`)
    /// that both the projection and the council have.
    pub fn new(
        council: &Council,
        scenario_name: &str,
        start_year: i32,
        projection: &Projection,
    ) -> Self {
        let mut points = Vec::new();
        for figure in HistoryFigure::JUDGED {
            let series = figure.published_series(council);
            let last_known = figure.known_until(start_year);
            for &(year, published) in series.iter().filter(|(year, _)| *year > last_known) {
                let Some(model) = figure.modelled(projection, year) else {
                    continue;
                };
                points.push(Point {
                    figure,
                    year,
                    horizon: year - last_known,
                    published,
                    model,
                    rules: Rule::ALL.map(|rule| rule.forecast(&series, last_known, year)),
                });
            }
        }
        Backtest {
            council_code: council.code.clone(),
            council_name: council.name.clone(),
            start_year,
            scenario_name: scenario_name.to_owned(),
            points,
        }
    }

    /// Mean absolute errors by figure and horizon, judged on the points where the
    /// model and both rules have a figure.
    pub fn horizon_errors(&self) -> Vec<HorizonErrors> {
        let mut table = Vec::new();
        for figure in HistoryFigure::JUDGED {
            let horizons = self.horizons_of(figure);
            for horizon in horizons {
                let judged: Vec<[f64; 3]> = self
                    .points
                    .iter()
                    .filter(|point| point.figure == figure && point.horizon == horizon)
                    .filter_map(absolute_errors)
                    .collect();
                if judged.is_empty() {
                    continue;
                }
                let mean = |column: usize| {
                    judged.iter().map(|errors| errors[column]).sum::<f64>() / judged.len() as f64
                };
                table.push(HorizonErrors {
                    figure,
                    horizon,
                    model: mean(0),
                    rules: [mean(1), mean(2)],
                    points: judged.len(),
                });
            }
        }
        table
    }

    fn horizons_of(&self, figure: HistoryFigure) -> Vec<i32> {
        let mut horizons: Vec<i32> = self
            .points
            .iter()
            .filter(|point| point.figure == figure)
            .map(|point| point.horizon)
            .collect();
        horizons.sort_unstable();
        horizons.dedup();
        horizons
    }

    /// The point of `figure` `horizon` years on, if there is one.
    pub fn point(&self, figure: HistoryFigure, horizon: i32) -> Option<&Point> {
        self.points
            .iter()
            .find(|point| point.figure == figure && point.horizon == horizon)
    }

    /// "Started in 2019, the model was 6% under the published number of children in
    /// care three years later; the 3-year trend was 2% over." The furthest horizon
    /// up to three years with children in care, or `None` with no such point.
    pub fn sentence(&self) -> Option<String> {
        let figure = HistoryFigure::ChildrenInCare;
        let point = (1..=3)
            .rev()
            .find_map(|horizon| self.point(figure, horizon))?;
        let later = match point.horizon {
            1 => "a year later".to_owned(),
            2 => "two years later".to_owned(),
            _ => "three years later".to_owned(),
        };
        let mut sentence = format!(
            "Started in {}, the model was {} the published number of children in care {later} \
             ({} against {} at 31 March {})",
            self.start_year,
            over_or_under(point.model_error()?),
            HistoryFigure::ChildrenInCare.format(point.model),
            HistoryFigure::ChildrenInCare.format(point.published),
            point.year,
        );
        for rule in Rule::ALL {
            if let Some(error) = point.rule_error(rule) {
                sentence.push_str(&format!(
                    "; {} was {}",
                    rule_subject(rule),
                    over_or_under(error)
                ));
            }
        }
        sentence.push('.');
        Some(sentence)
    }
}

/// "the 3-year trend", "no change".
fn rule_subject(rule: Rule) -> &'static str {
    match rule {
        Rule::NoChange => "no change",
        Rule::ThreeYearTrend => "the 3-year trend",
    }
}

/// "6% under", "2% over", "on the mark".
pub fn over_or_under(error: f64) -> String {
    let rounded = error.abs().round();
    if rounded == 0.0 {
        "within 1% of".to_owned()
    } else if error > 0.0 {
        format!("{rounded:.0}% over")
    } else {
        format!("{rounded:.0}% under")
    }
}

/// |error| of the model and each rule, when all three are there.
pub fn absolute_errors(point: &Point) -> Option<[f64; 3]> {
    Some([
        point.model_error()?.abs(),
        point.rule_error(Rule::NoChange)?.abs(),
        point.rule_error(Rule::ThreeYearTrend)?.abs(),
    ])
}

/// The council's latest year with any figure published.
fn latest_year(council: &Council) -> Option<i32> {
    council.years.last().map(|entry| entry.year)
}

/// Backtests `council` from the year ending 31 March `from`: builds its scenario
/// from the figures published up to then (as `caseload new --council` does),
/// projects it with no interventions to the latest published year, and sets it
/// beside what was published.
pub fn backtest_council(council: &Council, from: i32) -> Result<Backtest, String> {
    let built = council_scenario::build(council, Some(from))?;
    let latest = latest_year(council).unwrap_or(from);
    if latest <= from {
        return Err(format!(
            "{} has nothing published after {from} to check a projection against",
            council.name
        ));
    }
    let mut scenario = built.scenario;
    scenario.interventions.clear();
    scenario.horizon_months = months_to_cover(scenario.start, latest);
    let projection = project(&scenario);
    Ok(Backtest::new(council, &scenario.name, from, &projection))
}

/// Months from `start` to the end of the September census of `latest` (the last
/// figure a backtest reads).
fn months_to_cover(start: Month, latest: i32) -> u32 {
    let last = Month::new(latest, 10).unwrap_or(start);
    u32::try_from(last.months_since(start) + 1).unwrap_or(1)
}

/// Backtests a scenario as written (interventions and all) against the published
/// figures of its council: what it projected for each date against what was
/// published. The rules of thumb start from the last 31 March before its start.
pub fn backtest_scenario(scenario: &Scenario) -> Result<Backtest, String> {
    let code = scenario.council.as_deref().ok_or_else(|| {
        "the scenario has no council code, so there is nothing published to check it \
         against; add one, like council: Some(\"E08000012\")"
            .to_owned()
    })?;
    let council = crate::published::by_code(code)
        .ok_or_else(|| format!("no council with the code {code} in the published figures"))?;
    let projection = project(scenario);
    let start_year = scenario.start.financial_year().0;
    Ok(Backtest::new(
        council,
        &scenario.name,
        start_year,
        &projection,
    ))
}
