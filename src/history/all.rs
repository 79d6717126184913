//! Backtests of every council with enough history, pooled: per figure and
//! horizon, the median and 90th-percentile absolute error of the model and of each
//! rule of thumb, and the share of councils where the model beats both.

use rayon::prelude::*;

use crate::published::Council;

use super::backtest::{Backtest, absolute_errors, backtest_council};
use super::figures::HistoryFigure;
use super::rules::{Rule, TREND_YEARS};

/// Median and 90th percentile of absolute errors (%).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spread {
    pub median: f64,
    pub p90: f64,
}

/// One figure at one horizon, over every council and start year.
#[derive(Clone, Debug, PartialEq)]
pub struct PooledErrors {
    pub figure: HistoryFigure,
    pub horizon: i32,
    pub model: Spread,
    /// By [`Rule::ALL`].
    pub rules: [Spread; 2],
    /// Share of the backtests (0 to 1) whose model error is below both rules'.
    pub model_beats_both: f64,
    /// Backtests judged: those with the model and both rules.
    pub backtests: usize,
}

/// Every council's backtest from each start year, and who was left out and why.
#[derive(Clone, Debug, Default)]
pub struct AllBacktests {
    pub from_years: Vec<i32>,
    pub backtests: Vec<Backtest>,
    /// (council, start year, why it was left out).
    pub skipped: Vec<(String, i32, String)>,
}

/// Whether `council` has enough history to be backtested from `from`: children in
/// care, in need and referrals published for that year and the two before it (the
/// 3-year trend needs them).
pub fn has_enough_history(council: &Council, from: i32) -> bool {
    (from - TREND_YEARS + 1..=from).all(|year| {
        council
            .year(year)
            .is_some_and(crate::published::CouncilYear::has_core_figures)
    })
}

/// Backtests every council from each of `from_years`, in parallel.
pub fn backtest_all(councils: &[Council], from_years: &[i32]) -> AllBacktests {
    let jobs: Vec<(&Council, i32)> = from_years
        .iter()
        .flat_map(|from| councils.iter().map(move |council| (council, *from)))
        .collect();
    let results: Vec<(&Council, i32, Result<Backtest, String>)> = jobs
        .into_par_iter()
        .map(|(council, from)| {
            let result = if has_enough_history(council, from) {
                backtest_council(council, from)
            } else {
                Err(format!(
                    "children in care, in need and referrals are not all published for \
                     {}-{from}",
                    from - TREND_YEARS + 1
                ))
            };
            (council, from, result)
        })
        .collect();
    let mut all = AllBacktests {
        from_years: from_years.to_vec(),
        ..AllBacktests::default()
    };
    for (council, from, result) in results {
        match result {
            Ok(backtest) if !backtest.points.is_empty() => all.backtests.push(backtest),
            Ok(_) => all.skipped.push((
                council.name.clone(),
                from,
                "nothing published after the start to check against".to_owned(),
            )),
            Err(why) => all.skipped.push((council.name.clone(), from, why)),
        }
    }
    all
}

impl AllBacktests {
    /// Councils backtested (from any start year).
    pub fn councils(&self) -> usize {
        let mut codes: Vec<&str> = self
            .backtests
            .iter()
            .map(|backtest| backtest.council_code.as_str())
            .collect();
        codes.sort_unstable();
        codes.dedup();
        codes.len()
    }

    /// Per figure and horizon, pooled over every backtest that has the model and
    /// both rules for it.
    pub fn pooled(&self) -> Vec<PooledErrors> {
        let mut table = Vec::new();
        for figure in HistoryFigure::JUDGED {
            let mut horizons: Vec<i32> = self
                .backtests
                .iter()
                .flat_map(|backtest| backtest.points.iter())
                .filter(|point| point.figure == figure)
                .map(|point| point.horizon)
                .collect();
            horizons.sort_unstable();
            horizons.dedup();
            for horizon in horizons {
                let judged: Vec<[f64; 3]> = self
                    .backtests
                    .iter()
                    .filter_map(|backtest| backtest.point(figure, horizon))
                    .filter_map(absolute_errors)
                    .collect();
                if judged.is_empty() {
                    continue;
                }
                let spread = |column: usize| {
                    let mut values: Vec<f64> = judged.iter().map(|errors| errors[column]).collect();
                    values.sort_by(f64::total_cmp);
                    Spread {
                        median: percentile(&values, 50.0),
                        p90: percentile(&values, 90.0),
                    }
                };
                let beats = judged
                    .iter()
                    .filter(|errors| errors[0] < errors[1] && errors[0] < errors[2])
                    .count();
                table.push(PooledErrors {
                    figure,
                    horizon,
                    model: spread(0),
                    rules: [spread(1), spread(2)],
                    model_beats_both: beats as f64 / judged.len() as f64,
                    backtests: judged.len(),
                });
            }
        }
        table
    }
}

/// The `percent`th percentile of sorted `values`, interpolating between the two
/// nearest ranks: rank `r = p/100 × (n - 1)`, `v = v⌊r⌋ + (r - ⌊r⌋)(v⌈r⌉ - v⌊r⌋)`.
pub fn percentile(sorted: &[f64], percent: f64) -> f64 {
    let Some(last) = sorted.len().checked_sub(1) else {
        return f64::NAN;
    };
    let rank = percent / 100.0 * last as f64;
    let below = rank.floor() as usize;
    let above = rank.ceil() as usize;
    let low = sorted[below.min(last)];
    let high = sorted[above.min(last)];
    low + (rank - below as f64) * (high - low)
}

/// A label for the rules, in [`Rule::ALL`] order.
pub fn rule_labels() -> [&'static str; 2] {
    Rule::ALL.map(Rule::label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_interpolate_between_ranks() {
        let values = [1.0, 2.0, 3.0, 4.0, 10.0];
        assert_eq!(percentile(&values, 50.0), 3.0);
        // Rank 0.9 × 4 = 3.6: 4 + 0.6 × (10 - 4).
        assert!((percentile(&values, 90.0) - 7.6).abs() < 1e-12);
        assert!(percentile(&[], 50.0).is_nan());
    }
}
