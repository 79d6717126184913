//! Monte Carlo runs: many projections with inputs drawn from their ranges, summed
//! up as percentile bands per month and probabilities for the headline.
//!
//! Draw `i` takes its random numbers from a generator seeded by the seed and `i`
//! alone, so results are the same on every run and with any number of threads.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::model::{FinancialYear, Month, Scenario, fields};

use super::engine::project;
use super::projection::Projection;

/// The percentiles a band is drawn from: 5, 25, 50, 75, 95. The 50% band runs
/// from the 25th to the 75th, the 90% band from the 5th to the 95th.
pub const BAND_PERCENTILES: [f64; 5] = [5.0, 25.0, 50.0, 75.0, 95.0];

/// Percentiles of one series, month by month; `None` for a month where no draw
/// has a value (no capacity in every draw).
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
    let mut random = DrawRandom::new(seed, draw);
    let mut drawn = scenario.clone();
    for range in &scenario.uncertainty {
        let unit = random.unit();
        if let Some(value) = fields::number_mut(&mut drawn, &range.field) {
            *value = range.draw(*value, unit);
        }
    }
    drawn
}

/// The figures kept from one draw.
struct DrawFigures {
    average_caseload: Vec<f64>,
    looked_after: Vec<f64>,
    total_fte: Vec<f64>,
    monthly_spend: Vec<f64>,
    over_cap: Vec<bool>,
    overspends: Vec<bool>,
    total_spend: f64,
}

fn figures(projection: &Projection) -> DrawFigures {
    let rows = &projection.rows;
    DrawFigures {
        average_caseload: rows
            .iter()
            .map(|row| row.workload.average_caseload.unwrap_or(f64::NAN))
            .collect(),
        looked_after: rows.iter().map(|row| row.stocks.looked_after()).collect(),
        total_fte: rows.iter().map(|row| row.staffing.total_fte()).collect(),
        monthly_spend: rows.iter().map(|row| row.spend.total()).collect(),
        over_cap: rows.iter().map(|row| row.workload.is_over_cap()).collect(),
        overspends: projection
            .years
            .iter()
            .map(|year| year.variance > 0.0)
            .collect(),
        total_spend: projection.total_spend(),
    }
}

/// The `percent`th percentile of sorted values, interpolating between ranks.
pub fn percentile(sorted: &[f64], percent: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let rank = percent / 100.0 * last as f64;
    let below = rank.floor() as usize;
    let above = (below + 1).min(last);
    let weight = rank - below as f64;
    Some(sorted[below] + (sorted[above] - sorted[below]) * weight)
}

fn bands(draws: &[DrawFigures], months: usize, series: impl Fn(&DrawFigures) -> &[f64]) -> Bands {
    let mut column = Vec::with_capacity(draws.len());
    Bands {
        months: (0..months)
            .map(|month| {
                column.clear();
                column.extend(
                    draws
                        .iter()
                        .filter_map(|draw| series(draw).get(month).copied())
                        .filter(|value| !value.is_nan()),
                );
                column.sort_by(f64::total_cmp);
                let mut values = [0.0; 5];
                for (value, percent) in values.iter_mut().zip(BAND_PERCENTILES) {
                    *value = percentile(&column, percent)?;
                }
                Some(values)
            })
            .collect(),
    }
}

/// Runs `draws` projections of `scenario` with inputs drawn from its ranges.
/// `done` counts finished draws (for a progress bar); setting `cancel` stops the
/// run, which then returns `None`.
pub fn monte_carlo(
    scenario: &Scenario,
    draws: usize,
    seed: u64,
    done: &AtomicUsize,
    cancel: &AtomicBool,
) -> Option<MonteCarlo> {
    let base = project(scenario);
    let results: Vec<Option<DrawFigures>> = (0..draws)
        .into_par_iter()
        .map(|draw| {
            if cancel.load(Ordering::Relaxed) {
                return None;
            }
            let figures = figures(&project(&draw_scenario(scenario, seed, draw)));
            done.fetch_add(1, Ordering::Relaxed);
            Some(figures)
        })
        .collect();
    if cancel.load(Ordering::Relaxed) {
        return None;
    }
    let results: Vec<DrawFigures> = results.into_iter().flatten().collect();
    let months = base.rows.len();
    let share = |count: usize| count as f64 / results.len().max(1) as f64;
    let mut totals: Vec<f64> = results.iter().map(|draw| draw.total_spend).collect();
    totals.sort_by(f64::total_cmp);
    let spread = |percent| percentile(&totals, percent).unwrap_or(0.0);
    Some(MonteCarlo {
        draws: results.len(),
        seed,
        months: base.rows.iter().map(|row| row.month).collect(),
        average_caseload: bands(&results, months, |draw| &draw.average_caseload),
        looked_after: bands(&results, months, |draw| &draw.looked_after),
        total_fte: bands(&results, months, |draw| &draw.total_fte),
        monthly_spend: bands(&results, months, |draw| &draw.monthly_spend),
        over_cap_probability: (0..months)
            .map(|month| share(results.iter().filter(|draw| draw.over_cap[month]).count()))
            .collect(),
        overspend_probability: base
            .years
            .iter()
            .enumerate()
            .map(|(index, year)| {
                let count = results
                    .iter()
                    .filter(|draw| draw.overspends.get(index).copied().unwrap_or(false))
                    .count();
                (year.year, share(count))
            })
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
    fn percentiles_interpolate_between_ranks() {
        let values = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert_eq!(percentile(&values, 0.0), Some(1.0));
        assert_eq!(percentile(&values, 50.0), Some(3.0));
        assert_eq!(percentile(&values, 100.0), Some(5.0));
        assert_eq!(percentile(&values, 25.0), Some(2.0));
        assert_eq!(percentile(&values, 10.0), Some(1.4));
        assert_eq!(percentile(&[], 50.0), None);
    }

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
