//! Monte Carlo runs: many projections with inputs drawn from their ranges, summed
//! up as percentile bands per month and probabilities for the headline.
//!
//! Draw `i` takes its random numbers from a generator seeded by the seed and `i`
//! alone, so results are the same on every run and with any number of threads.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::model::catalogue::{self, InputRef};
use crate::model::{FinancialYear, Month, Range, Scenario};

use super::engine::{Detail, project, project_months};
use super::projection::{MonthRow, YearSummary};
use super::quantiles::QuantileSketch;
use super::years::summarise_years;

/// The percentiles a band is drawn from: 5, 25, 50, 75, 95. The 50% band runs
/// from the 25th to the 75th, the 90% band from the 5th to the 95th.
pub const BAND_PERCENTILES: [f64; 5] = [5.0, 25.0, 50.0, 75.0, 95.0];

/// Percentiles of one series, month by month (each within
/// [`super::quantiles::RELATIVE_ACCURACY`] of the exact percentile of the draws); `None`
/// for a month where no draw has a value (no capacity in every draw).
#[derive(Clone, Debug, PartialEq)]
pub struct Bands {
    pub months: Vec<Option<[f64; 5]>>,
}

impl Bands {
    pub fn median(&self, month: usize) -> Option<f64> {
        self.months.get(month).copied().flatten().map(|p| p[2])
    }
}

/// P10, P50 and P90 of one figure.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spread {
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
}

/// What a Monte Carlo run found.
#[derive(Clone, Debug, PartialEq)]
pub struct MonteCarlo {
    pub draws: usize,
    pub seed: u64,
    pub months: Vec<Month>,
    pub average_caseload: Bands,
    pub looked_after: Bands,
    pub total_fte: Bands,
    pub monthly_spend: Bands,
    /// Per month, the share of draws in which cases exceed capacity.
    pub over_cap_probability: Vec<f64>,
    /// Per financial year, the share of draws that overspend.
    pub overspend_probability: Vec<(FinancialYear, f64)>,
    /// Spend over the whole projection.
    pub total_spend: Spread,
}

/// Random numbers for one draw: SplitMix64, seeded by the run's seed and the
/// draw's number.
struct DrawRandom(u64);

impl DrawRandom {
    fn new(seed: u64, draw: usize) -> Self {
        Self(
            seed ^ (draw as u64)
                .wrapping_add(1)
                .wrapping_mul(0x9E37_79B9_7F4A_7C15),
        )
    }

    /// A number in [0, 1).
    fn unit(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        (z >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// The scenario of draw `draw`: each input with a range takes a drawn value.
pub fn draw_scenario(scenario: &Scenario, seed: u64, draw: usize) -> Scenario {
    let mut drawn = scenario.clone();
    let inputs = range_inputs(scenario);
    apply_draw(&mut drawn, &scenario.uncertainty, &inputs, seed, draw);
    drawn
}

/// The input each range moves, found once per run so that draws never read a
/// path; `None` for a range on no numeric input (validation refuses those).
fn range_inputs(scenario: &Scenario) -> Vec<Option<InputRef>> {
    scenario
        .uncertainty
        .iter()
        .map(|range| catalogue::resolve(scenario, &range.field))
        .collect()
}

/// Sets each input with a range in `drawn` (which holds the scenario's own values
/// for those inputs) to its value in draw `draw`, range by range in file order.
fn apply_draw(
    drawn: &mut Scenario,
    ranges: &[Range],
    inputs: &[Option<InputRef>],
    seed: u64,
    draw: usize,
) {
    let mut random = DrawRandom::new(seed, draw);
    for (range, input) in ranges.iter().zip(inputs) {
        let unit = random.unit();
        if let Some(value) = input.and_then(|input| input.number_mut(drawn)) {
            *value = range.draw(*value, unit);
        }
    }
}

/// One thread's working memory, reused draw after draw.
struct Workspace {
    /// The scenario with the drawn values of the current draw.
    drawn: Scenario,
    /// The input each range moves.
    inputs: Vec<Option<InputRef>>,
    /// The scenario's own values of the inputs with ranges, to start each draw from.
    base_values: Vec<Option<f64>>,
    rows: Vec<MonthRow>,
}

impl Workspace {
    fn new(scenario: &Scenario) -> Self {
        let inputs = range_inputs(scenario);
        let base_values = inputs
            .iter()
            .map(|input| input.and_then(|input| input.number(scenario)))
            .collect();
        Self {
            drawn: scenario.clone(),
            inputs,
            base_values,
            rows: Vec::with_capacity(scenario.horizon_months as usize),
        }
    }

    /// Projects draw `draw` into `self.rows` and returns its financial years.
    fn run(&mut self, ranges: &[Range], seed: u64, draw: usize) -> Vec<YearSummary> {
        for (input, base) in self.inputs.iter().zip(&self.base_values) {
            if let (Some(value), Some(base)) = (
                input.and_then(|input| input.number_mut(&mut self.drawn)),
                base,
            ) {
                *value = *base;
            }
        }
        apply_draw(&mut self.drawn, ranges, &self.inputs, seed, draw);
        project_months(&self.drawn, &mut self.rows, Detail::Summary);
        summarise_years(&self.drawn, &self.rows)
    }
}

/// What the draws so far add up to: percentile sketches per month and counts.
/// Its size depends on the months and the spread of the figures, not on the
/// number of draws.
#[derive(Clone, Debug, PartialEq)]
struct Tally {
    draws: usize,
    average_caseload: Vec<QuantileSketch>,
    looked_after: Vec<QuantileSketch>,
    total_fte: Vec<QuantileSketch>,
    monthly_spend: Vec<QuantileSketch>,
    /// Per month, draws in which cases exceed capacity.
    over_cap: Vec<usize>,
    /// Per financial year, draws that overspend.
    overspends: Vec<usize>,
    total_spend: QuantileSketch,
}

impl Tally {
    fn new(months: usize, years: usize) -> Self {
        let sketches = || vec![QuantileSketch::new(); months];
        Self {
            draws: 0,
            average_caseload: sketches(),
            looked_after: sketches(),
            total_fte: sketches(),
            monthly_spend: sketches(),
            over_cap: vec![0; months],
            overspends: vec![0; years],
            total_spend: QuantileSketch::new(),
        }
    }

    fn add(&mut self, rows: &[MonthRow], years: &[YearSummary]) {
        self.draws += 1;
        let mut total_spend = 0.0;
        for (month, row) in rows.iter().enumerate().take(self.over_cap.len()) {
            if let Some(caseload) = row.workload.average_caseload {
                self.average_caseload[month].add(caseload);
            }
            self.looked_after[month].add(row.stocks.looked_after());
            self.total_fte[month].add(row.staffing.total_fte());
            let spend = row.spend.total();
            self.monthly_spend[month].add(spend);
            total_spend += spend;
            if row.workload.is_over_cap() {
                self.over_cap[month] += 1;
            }
        }
        self.total_spend.add(total_spend);
        for (count, year) in self.overspends.iter_mut().zip(years) {
            if year.variance > 0.0 {
                *count += 1;
            }
        }
    }

    fn merge(mut self, other: Tally) -> Tally {
        self.draws += other.draws;
        let series = [
            (&mut self.average_caseload, &other.average_caseload),
            (&mut self.looked_after, &other.looked_after),
            (&mut self.total_fte, &other.total_fte),
            (&mut self.monthly_spend, &other.monthly_spend),
        ];
        for (mine, theirs) in series {
            for (sketch, other_sketch) in mine.iter_mut().zip(theirs) {
                sketch.merge(other_sketch);
            }
        }
        for (count, other_count) in self.over_cap.iter_mut().zip(&other.over_cap) {
            *count += other_count;
        }
        for (count, other_count) in self.overspends.iter_mut().zip(&other.overspends) {
            *count += other_count;
        }
        self.total_spend.merge(&other.total_spend);
        self
    }
}

fn bands(sketches: &[QuantileSketch]) -> Bands {
    Bands {
        months: sketches
            .iter()
            .map(|sketch| {
                let mut values = [0.0; 5];
                for (value, percent) in values.iter_mut().zip(BAND_PERCENTILES) {
                    *value = sketch.percentile(percent)?;
                }
                Some(values)
            })
            .collect(),
    }
}

/// Draws handled together by one thread before it looks for more work.
const DRAWS_PER_TASK: usize = 64;

/// Runs `draws` projections of `scenario` with inputs drawn from their ranges.
/// `done` counts finished draws (for a progress bar); setting `cancel` stops the
/// run, which then returns `None`.
///
/// Each thread reuses one copy of the scenario and one projection buffer, and the
/// draws are summed up as they finish (percentile sketches within
/// [`super::quantiles::RELATIVE_ACCURACY`]), so memory does not grow with the number of
/// draws.
pub fn monte_carlo(
    scenario: &Scenario,
    draws: usize,
    seed: u64,
    done: &AtomicUsize,
    cancel: &AtomicBool,
) -> Option<MonteCarlo> {
    let base = project(scenario);
    let months = base.rows.len();
    let years = base.years.len();
    let ranges = &scenario.uncertainty;
    let tally = (0..draws)
        .into_par_iter()
        .with_min_len(DRAWS_PER_TASK)
        .fold(
            || (Workspace::new(scenario), Tally::new(months, years)),
            |(mut workspace, mut tally), draw| {
                if !cancel.load(Ordering::Relaxed) {
                    let draw_years = workspace.run(ranges, seed, draw);
                    tally.add(&workspace.rows, &draw_years);
                    done.fetch_add(1, Ordering::Relaxed);
                }
                (workspace, tally)
            },
        )
        .map(|(_, tally)| tally)
        .reduce(|| Tally::new(months, years), Tally::merge);
    if cancel.load(Ordering::Relaxed) {
        return None;
    }
    let share = |count: usize| count as f64 / tally.draws.max(1) as f64;
    let spread = |percent| tally.total_spend.percentile(percent).unwrap_or(0.0);
    Some(MonteCarlo {
        draws: tally.draws,
        seed,
        months: base.rows.iter().map(|row| row.month).collect(),
        average_caseload: bands(&tally.average_caseload),
        looked_after: bands(&tally.looked_after),
        total_fte: bands(&tally.total_fte),
        monthly_spend: bands(&tally.monthly_spend),
        over_cap_probability: tally.over_cap.iter().map(|count| share(*count)).collect(),
        overspend_probability: base
            .years
            .iter()
            .zip(&tally.overspends)
            .map(|(year, count)| (year.year, share(*count)))
            .collect(),
        total_spend: Spread {
            p10: spread(10.0),
            p50: spread(50.0),
            p90: spread(90.0),
        },
    })
}

/// A run with no progress reporting and no way to cancel (command line, tests).
pub fn monte_carlo_simple(scenario: &Scenario, draws: usize, seed: u64) -> MonteCarlo {
    let done = AtomicUsize::new(0);
    let cancel = AtomicBool::new(false);
    // Without a cancel request the run always finishes.
    monte_carlo(scenario, draws, seed, &done, &cancel).unwrap_or_else(|| MonteCarlo {
        draws: 0,
        seed,
        months: Vec::new(),
        average_caseload: Bands { months: Vec::new() },
        looked_after: Bands { months: Vec::new() },
        total_fte: Bands { months: Vec::new() },
        monthly_spend: Bands { months: Vec::new() },
        over_cap_probability: Vec::new(),
        overspend_probability: Vec::new(),
        total_spend: Spread {
            p10: 0.0,
            p50: 0.0,
            p90: 0.0,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_numbers_depend_only_on_seed_and_draw() {
        let first: Vec<f64> = (0..3).map(|_| DrawRandom::new(7, 3).unit()).collect();
        assert!(first.iter().all(|value| *value == first[0]));
        let mut random = DrawRandom::new(7, 3);
        let values: Vec<f64> = (0..1000).map(|_| random.unit()).collect();
        assert!(values.iter().all(|value| (0.0..1.0).contains(value)));
        let mean = values.iter().sum::<f64>() / 1000.0;
        assert!((mean - 0.5).abs() < 0.05, "{mean}");
        assert_ne!(DrawRandom::new(7, 4).unit(), DrawRandom::new(7, 3).unit());
    }
}
