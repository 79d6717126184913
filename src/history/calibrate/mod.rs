//! Fitting the demand rates to a council's record: the referral growth, what
//! referrals lead to, how long cases last and how often they step up, set so that
//! the projection from the scenario's start best matches what was published (or
//! the council's own monthly counts).
//!
//! The fit minimises the sum of squared relative errors,
//! `Σ ((modelled - published) / published)²`, over every published point of the
//! fitted series in the chosen years, with each rate kept within its range
//! ([`rates::RATES`]). The scenario is projected as written (interventions and
//! all), only long enough to reach the last year fitted.

pub mod monthly;
mod optimise;
pub mod rates;

use std::ops::RangeInclusive;

use crate::model::{HORIZON_MONTHS, Month, Scenario};
use crate::published::Council;
use crate::sim::{Detail, MonthRow, project_months};

use super::figures::HistoryFigure;
pub use monthly::MonthlyCounts;
pub use rates::Rate;
use rates::{Bound, RATES, REMAINDER};

/// The published series fitted to: the stocks at 31 March and referrals in the
/// year, which the projection is judged on, and the flows in and out of care,
/// onto plans and into cases, which tell apart rates the stocks alone cannot
/// (many children staying long and few staying briefly make the same number in
/// care).
pub const FITTED_FIGURES: [HistoryFigure; 8] = [
    HistoryFigure::ChildrenInCare,
    HistoryFigure::ProtectionPlans,
    HistoryFigure::ChildrenInNeedNet,
    HistoryFigure::Referrals,
    HistoryFigure::StartedCare,
    HistoryFigure::CeasedCare,
    HistoryFigure::PlansStarted,
    HistoryFigure::NeedStarted,
];

/// When a fitted point was counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    /// A published figure for the year ending 31 March (a count on that day, or
    /// the year's total).
    Year(i32),
    /// A council's own count for one month (at its end, or the month's total).
    Month(Month),
}

impl Period {
    /// "2021", "Apr 2019".
    pub fn label(self) -> String {
        match self {
            Period::Year(year) => year.to_string(),
            Period::Month(month) => month.label(),
        }
    }
}

/// One point of a fitted series: what was published and what the projection
/// said before and after the fit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FittedPoint {
    pub period: Period,
    /// Where the point sits on a chart's month axis.
    pub month: Month,
    pub published: f64,
    pub before: f64,
    pub after: f64,
}

/// One series fitted to.
#[derive(Clone, Debug, PartialEq)]
pub struct FittedSeries {
    pub figure: HistoryFigure,
    pub points: Vec<FittedPoint>,
}

impl FittedSeries {
    /// RMS of the relative errors before the fit (%).
    pub fn error_before_percent(&self) -> f64 {
        rms_percent(self.points.iter().map(|p| relative(p.before, p.published)))
    }

    /// RMS of the relative errors after the fit (%).
    pub fn error_after_percent(&self) -> f64 {
        rms_percent(self.points.iter().map(|p| relative(p.after, p.published)))
    }
}

/// One input the fit set.
#[derive(Clone, Debug, PartialEq)]
pub struct FittedInput {
    /// What people call it, with its unit: "Time in care (months)".
    pub name: String,
    /// Its path in the file: `demand.looked_after_months`.
    pub path: String,
    pub before: f64,
    pub after: f64,
    /// The range the fit kept it in.
    pub lower: f64,
    pub upper: f64,
}

/// What a calibration found.
#[derive(Clone, Debug, PartialEq)]
pub struct Calibration {
    /// The scenario with the fitted rates, as it was otherwise (horizon included).
    pub fitted: Scenario,
    /// Every input changed, in the order of the file; no further action last, as
    /// the remainder of the referral outcomes.
    pub inputs: Vec<FittedInput>,
    /// RMS of the relative errors over every point fitted to (%).
    pub error_before_percent: f64,
    pub error_after_percent: f64,
    /// "Liverpool's published figures, years ending 31 March 2019 to 2024".
    pub fitted_to: String,
    pub series: Vec<FittedSeries>,
    /// How many projections the fit made.
    pub projections: usize,
}

impl Calibration {
    /// "Fitted to Liverpool's published figures, years ending 31 March 2019 to
    /// 2024: error 12.3% -> 4.1%", the comment written beside fitted values.
    pub fn comment(&self) -> String {
        format!(
            "Fitted to {}: error {:.1}% -> {:.1}% (RMS of relative errors)",
            self.fitted_to, self.error_before_percent, self.error_after_percent
        )
    }

    /// A warning when there are fewer points than rates: the figures cannot then
    /// tell the rates apart, and the fit says little.
    pub fn warning(&self) -> Option<String> {
        let points: usize = self.series.iter().map(|series| series.points.len()).sum();
        let rates = self
            .inputs
            .iter()
            .filter(|input| input.path != REMAINDER)
            .count();
        (points < rates).then(|| {
            format!(
                "{points} point{} for {rates} rates: the figures cannot pin the rates down; fit \
                 to more years.",
                if points == 1 { "" } else { "s" }
            )
        })
    }

    /// The fitted input at `path`, if the fit set it.
    pub fn input(&self, path: &str) -> Option<&FittedInput> {
        self.inputs.iter().find(|input| input.path == path)
    }
}

/// A point to fit to: a figure in a period, with what was published.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Target {
    figure: HistoryFigure,
    period: Period,
    published: f64,
}

impl Target {
    /// What the projection (its month rows) says for this point.
    fn modelled(&self, rows: &[MonthRow]) -> Option<f64> {
        match self.period {
            Period::Year(year) => self.figure.modelled_in_rows(rows, year),
            Period::Month(month) => self.figure.modelled_in_month(rows, month),
        }
    }

    /// The last month the projection must reach to read this point.
    fn last_month(&self) -> Option<Month> {
        match self.period {
            Period::Year(year) => {
                let (first, count) = self.figure.months(year)?;
                Some(first.plus(count as i32 - 1))
            }
            Period::Month(month) => Some(match self.figure.counted() {
                super::Counted::OverTheYear => month,
                _ => month.plus(1),
            }),
        }
    }

    fn chart_month(&self) -> Option<Month> {
        match self.period {
            Period::Year(year) => self.figure.chart_month(year),
            Period::Month(month) => Some(month),
        }
    }
}

/// Relative error: `(modelled - published) / published`.
fn relative(modelled: f64, published: f64) -> f64 {
    (modelled - published) / published
}

/// Root mean square of relative errors, in %: `100 × √(Σ eᵢ² / n)`; 0 for none.
fn rms_percent(errors: impl Iterator<Item = f64>) -> f64 {
    let (sum, count) = errors.fold((0.0, 0usize), |(sum, count), error| {
        (sum + error * error, count + 1)
    });
    if count == 0 {
        0.0
    } else {
        (sum / count as f64).sqrt() * 100.0
    }
}

/// Fits the demand rates of `scenario` to `council`'s published figures in the
/// years ending 31 March `years` (every series of [`FITTED_FIGURES`] published
/// there that the projection from the scenario's start reaches).
pub fn calibrate(
    scenario: &Scenario,
    council: &Council,
    years: RangeInclusive<i32>,
) -> Result<Calibration, String> {
    let (first, last) = (*years.start(), *years.end());
    if first > last {
        return Err(format!(
            "the years must run forwards, like 2019-2024, found {first}-{last}"
        ));
    }
    let published: Vec<i32> = council
        .years
        .iter()
        .filter(|entry| entry.has_core_figures())
        .map(|entry| entry.year)
        .collect();
    let (Some(&earliest), Some(&latest)) = (published.first(), published.last()) else {
        return Err(format!("{} has no figures published", council.name));
    };
    if first < earliest || last > latest {
        return Err(format!(
            "{}'s figures are published for the years ending 31 March {earliest} to {latest}; \
             the years {first}-{last} go outside them",
            council.name
        ));
    }
    let first_fittable = first_year_after(scenario.start);
    if first < first_fittable {
        return Err(format!(
            "the scenario starts in {}, so the first year it can be fitted to is the one \
             ending 31 March {first_fittable}; the years {first}-{last} start before that",
            scenario.start.label()
        ));
    }
    let series: Vec<(HistoryFigure, Vec<(i32, f64)>)> = FITTED_FIGURES
        .iter()
        .map(|figure| {
            let points = years
                .clone()
                .filter_map(|year| Some((year, figure.published(council, year)?)))
                .collect();
            (*figure, points)
        })
        .collect();
    let fitted_to = if first == last {
        format!(
            "{}'s published figures, year ending 31 March {first}",
            council.name
        )
    } else {
        format!(
            "{}'s published figures, years ending 31 March {first} to {last}",
            council.name
        )
    };
    calibrate_to_series(scenario, &series, fitted_to)
}

/// Fits the demand rates of `scenario` to yearly series given as (year ending 31
/// March, value) for each figure: what [`calibrate`] does with a council's
/// published figures, for series from elsewhere. Points of 0 or less are left
/// out (a relative error needs something to divide by).
pub fn calibrate_to_series(
    scenario: &Scenario,
    series: &[(HistoryFigure, Vec<(i32, f64)>)],
    fitted_to: String,
) -> Result<Calibration, String> {
    calibrate_rates_to_series(scenario, series, fitted_to, &RATES)
}

/// [`calibrate_to_series`] adjusting only `rates` (some of [`RATES`]), the others
/// held as the scenario has them.
pub fn calibrate_rates_to_series(
    scenario: &Scenario,
    series: &[(HistoryFigure, Vec<(i32, f64)>)],
    fitted_to: String,
    rates: &[Rate],
) -> Result<Calibration, String> {
    let targets = series
        .iter()
        .flat_map(|(figure, points)| {
            points.iter().map(|&(year, published)| Target {
                figure: *figure,
                period: Period::Year(year),
                published,
            })
        })
        .filter(|target| target.published > 0.0 && target.published.is_finite())
        .collect();
    fit(scenario, rates, targets, fitted_to)
}

/// Fits the demand rates of `scenario` to a council's own monthly counts.
pub fn calibrate_to_counts(
    scenario: &Scenario,
    counts: &MonthlyCounts,
) -> Result<Calibration, String> {
    if let Some(early) = counts
        .counts
        .iter()
        .find(|count| count.month < scenario.start)
    {
        return Err(format!(
            "{}:{}: {} is before the scenario starts ({}); fit to counts from its start on",
            counts.source,
            early.line,
            early.month.iso(),
            scenario.start.label()
        ));
    }
    let targets: Vec<Target> = counts
        .counts
        .iter()
        .filter(|count| count.value > 0.0)
        .map(|count| Target {
            figure: count.figure,
            period: Period::Month(count.month),
            published: count.value,
        })
        .collect();
    if targets.is_empty() {
        return Err(format!(
            "{}: no count above 0 to fit to (an error relative to 0 cannot be worked out)",
            counts.source
        ));
    }
    let months: Vec<Month> = counts.counts.iter().map(|count| count.month).collect();
    let range = match (months.iter().min(), months.iter().max()) {
        (Some(first), Some(last)) if first != last => {
            format!("{} to {}", first.label(), last.label())
        }
        (Some(only), _) => only.label(),
        _ => String::new(),
    };
    let fitted_to = format!("the monthly counts in {}, {range}", counts.source);
    fit(scenario, &RATES, targets, fitted_to)
}

/// The first year ending 31 March whose 31 March falls after the projection has
/// begun: its count is the opening of April that year.
fn first_year_after(start: Month) -> i32 {
    let (year, april) = (start.year(), Month::new(start.year(), 4));
    match april {
        Some(april) if april >= start => year,
        _ => year + 1,
    }
}

/// The fit itself: `rates` of `scenario` adjusted to `targets`.
fn fit(
    scenario: &Scenario,
    rates: &[Rate],
    targets: Vec<Target>,
    fitted_to: String,
) -> Result<Calibration, String> {
    let problems = crate::model::validate::validate(scenario);
    if let Some(problem) = problems.first() {
        return Err(format!(
            "the scenario must be valid before it is fitted: {}: {}",
            problem.path, problem.message
        ));
    }
    let Some(last) = targets.iter().filter_map(Target::last_month).max() else {
        return Err(format!("nothing to fit to in {fitted_to}"));
    };
    let needed = last.months_since(scenario.start) + 1;
    let horizon = u32::try_from(needed)
        .unwrap_or(0)
        .max(*HORIZON_MONTHS.start());
    if !HORIZON_MONTHS.contains(&horizon) || scenario.start.checked_plus(needed).is_none() {
        return Err(format!(
            "fitting to {} would take a projection of {needed} months from {}; Caseload \
             projects at most {}",
            last.label(),
            scenario.start.label(),
            HORIZON_MONTHS.end()
        ));
    }
    let mut base = scenario.clone();
    base.horizon_months = horizon;
    let bounds = rates::bounds(&base, rates)?;
    let start: Vec<f64> = bounds.iter().map(|bound| bound.before).collect();
    let ranges: Vec<f64> = bounds
        .iter()
        .map(|bound| (bound.upper - bound.lower).max(1e-9))
        .collect();

    let mut model = Model {
        trial: base.clone(),
        bounds: bounds.clone(),
        rows: Vec::new(),
        projections: 0,
    };
    model.project(&start);
    // Points the projection cannot read (a flow over a year begun before the
    // start) are left out.
    let targets: Vec<Target> = targets
        .into_iter()
        .filter(|target| target.modelled(&model.rows).is_some())
        .collect();
    if targets.is_empty() {
        return Err(format!(
            "nothing in {fitted_to} falls within the projection from {}",
            scenario.start.label()
        ));
    }
    let before: Vec<f64> = targets
        .iter()
        .map(|target| target.modelled(&model.rows).unwrap_or(f64::NAN))
        .collect();
    let solution = optimise::least_squares(
        &start,
        &ranges,
        |values| rates::feasible(&bounds, values),
        |values| model.residuals(values, &targets, &start, &ranges),
    )
    .ok_or_else(|| format!("the projection cannot be read against {fitted_to}"))?;
    let projections = model.projections;
    let mut rows = model.rows;

    let mut after: Vec<f64> = bounds
        .iter()
        .zip(&solution.values)
        .map(|(bound, value)| rates::rounded(bound, *value))
        .collect();
    keep_shares_within_100(&bounds, &mut after);
    let mut fitted = scenario.clone();
    rates::apply_rounded(&mut fitted, &bounds, &after);
    if let Some(problem) = crate::model::validate::validate(&fitted).first() {
        return Err(format!(
            "the fitted scenario would not be valid ({}: {}); nothing was changed",
            problem.path, problem.message
        ));
    }
    let mut check = fitted.clone();
    check.horizon_months = horizon;
    project_months(&check, &mut rows, Detail::Summary);
    let mut after_values: Vec<f64> = targets
        .iter()
        .map(|target| target.modelled(&rows).unwrap_or(f64::NAN))
        .collect();
    // The fit never leaves the figures worse matched than the file did (rounding
    // could, where the file's own rates were already the best): then nothing changes.
    let error_of = |values: &[f64]| {
        rms_percent(
            targets
                .iter()
                .zip(values)
                .map(|(target, value)| relative(*value, target.published)),
        )
    };
    let (was, now) = (error_of(&before), error_of(&after_values));
    if now > was || now.is_nan() {
        fitted = scenario.clone();
        after = start.clone();
        after_values = before.clone();
    }

    let mut series: Vec<FittedSeries> = Vec::new();
    for (index, target) in targets.iter().enumerate() {
        let point = FittedPoint {
            period: target.period,
            month: target.chart_month().unwrap_or(scenario.start),
            published: target.published,
            before: before[index],
            after: after_values[index],
        };
        match series.iter_mut().find(|s| s.figure == target.figure) {
            Some(existing) => existing.points.push(point),
            None => series.push(FittedSeries {
                figure: target.figure,
                points: vec![point],
            }),
        }
    }
    let all = |pick: fn(&FittedPoint) -> f64| {
        rms_percent(
            series
                .iter()
                .flat_map(|s| s.points.iter())
                .map(move |point| relative(pick(point), point.published)),
        )
    };
    let error_before_percent = all(|point| point.before);
    let error_after_percent = all(|point| point.after);

    let mut inputs: Vec<FittedInput> = bounds
        .iter()
        .zip(&after)
        .map(|(bound, after)| FittedInput {
            name: bound.input.name(scenario),
            path: bound.input.path(),
            before: bound.before,
            after: *after,
            lower: bound.lower,
            upper: bound.upper,
        })
        .collect();
    if let Some(remainder) = crate::model::catalogue::resolve(scenario, REMAINDER)
        .filter(|_| bounds.iter().any(|bound| bound.share))
    {
        inputs.push(FittedInput {
            name: remainder.name(scenario),
            path: remainder.path(),
            before: remainder.number(scenario).unwrap_or(0.0),
            after: remainder.number(&fitted).unwrap_or(0.0),
            lower: 0.0,
            upper: 100.0,
        });
    }
    Ok(Calibration {
        fitted,
        inputs,
        error_before_percent,
        error_after_percent,
        fitted_to,
        series,
        projections,
    })
}

/// How strongly each rate is pulled towards the file's own value, per whole
/// range it moves. The yearly figures cannot tell every rate apart: a child
/// entering care from a referral and one entering from a plan count the same in
/// "started care", so the referral share into care and the step-up from plans
/// to care trade against each other (and likewise into plans). This small pull
/// (a rate moved across its whole range costs what a 1% error on one point
/// does) settles such ties near the file's values and is far too weak to hold a
/// rate the figures do speak to. Tikhonov regularisation, in other words.
pub const PULL_TO_FILE: f64 = 0.01;

/// The scenario projected with trial rates, reusing its buffers.
struct Model {
    trial: Scenario,
    bounds: Vec<Bound>,
    rows: Vec<MonthRow>,
    projections: usize,
}

impl Model {
    fn project(&mut self, values: &[f64]) {
        rates::apply(&mut self.trial, &self.bounds, values);
        project_months(&self.trial, &mut self.rows, Detail::Summary);
        self.projections += 1;
    }

    /// The relative error of each target with the rates `values`; `None` if one
    /// cannot be read.
    ///
    /// After them come the pulls towards the file's own values,
    /// `w × (xⱼ - x₀ⱼ) / rangeⱼ` with `w` = [`PULL_TO_FILE`], one per rate.
    fn residuals(
        &mut self,
        values: &[f64],
        targets: &[Target],
        start: &[f64],
        ranges: &[f64],
    ) -> Option<Vec<f64>> {
        self.project(values);
        let errors = targets.iter().map(|target| {
            let error = relative(target.modelled(&self.rows)?, target.published);
            error.is_finite().then_some(error)
        });
        let pulls = values
            .iter()
            .zip(start)
            .zip(ranges)
            .map(|((value, start), range)| Some(PULL_TO_FILE * (value - start) / range));
        errors.chain(pulls).collect()
    }
}

/// After rounding, the fitted shares may add up to a hundredth over 100: the
/// excess comes off the largest, so no further action is never below 0.
fn keep_shares_within_100(bounds: &[Bound], values: &mut [f64]) {
    let shares: Vec<usize> = (0..bounds.len()).filter(|&i| bounds[i].share).collect();
    let total: f64 = shares.iter().map(|&i| values[i]).sum();
    if total > 100.0
        && let Some(&largest) = shares
            .iter()
            .max_by(|&&a, &&b| values[a].total_cmp(&values[b]))
    {
        values[largest] = ((values[largest] - (total - 100.0)) * 100.0).floor() / 100.0;
    }
}
