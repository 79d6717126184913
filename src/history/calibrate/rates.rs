//! The demand rates a calibration adjusts, the range each may take, and how a
//! vector of them is read from and written into a scenario.

use crate::model::Scenario;
use crate::model::catalogue::{self, InputRef};

/// One rate the fit adjusts: its path in the scenario file and the range the fit
/// keeps it in.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rate {
    pub path: &'static str,
    /// The range the fit searches, inside what the catalogue allows. The catalogue
    /// admits anything a file may say (growth from -50% to +100% a year, shares
    /// from 0 to 100%, durations from 1 month to 100 years); these are what a
    /// council's record can sensibly give, so that a fit to a few noisy years does
    /// not run off to an extreme. A file whose own value lies outside one widens it
    /// to take that value in.
    pub sensible: (f64, f64),
}

/// The referral outcome shares the fit adjusts. No further action is not among
/// them: it takes the remainder, so the four still add up to 100.
pub const SHARES: [&str; 3] = [
    "demand.referral_outcomes.child_in_need_percent",
    "demand.referral_outcomes.child_protection_percent",
    "demand.referral_outcomes.into_care_percent",
];

/// The share that takes what the fitted shares leave.
pub const REMAINDER: &str = "demand.referral_outcomes.no_further_action_percent";

/// Every rate the fit adjusts, in the order of the file.
pub const RATES: [Rate; 9] = [
    // The bounds the council builder holds a referral trend to (a steeper one
    // comes from a change in recording more often than from demand).
    Rate {
        path: "demand.referral_growth_percent_per_year",
        sensible: crate::council_scenario::TREND_BOUNDS,
    },
    // England's councils range from about 20% to 80% of referrals opening a case.
    Rate {
        path: SHARES[0],
        sensible: (5.0, 90.0),
    },
    Rate {
        path: SHARES[1],
        sensible: (0.1, 30.0),
    },
    Rate {
        path: SHARES[2],
        sensible: (0.1, 20.0),
    },
    Rate {
        path: "demand.child_in_need_months",
        sensible: (1.0, 36.0),
    },
    Rate {
        path: "demand.child_protection_months",
        sensible: (2.0, 36.0),
    },
    // Children stay in care from weeks to their 18th birthday: 6 months to 10 years
    // on average.
    Rate {
        path: "demand.looked_after_months",
        sensible: (6.0, 120.0),
    },
    Rate {
        path: "demand.child_in_need_to_protection_percent_per_month",
        sensible: (0.0, 10.0),
    },
    Rate {
        path: "demand.protection_to_care_percent_per_month",
        sensible: (0.0, 10.0),
    },
];

/// A rate resolved against one scenario: where it is, its value there, and the
/// range the fit keeps it in.
#[derive(Clone, Copy, Debug)]
pub struct Bound {
    pub input: InputRef,
    pub before: f64,
    pub lower: f64,
    pub upper: f64,
    /// Whether it is one of the [`SHARES`].
    pub share: bool,
}

/// The fitted rates of `scenario` with their ranges: the sensible range widened
/// to take in the scenario's own value, then cut to what the catalogue allows.
pub fn bounds(scenario: &Scenario, rates: &[Rate]) -> Result<Vec<Bound>, String> {
    rates
        .iter()
        .map(|rate| {
            let input = catalogue::resolve(scenario, rate.path)
                .ok_or_else(|| format!("{} is not an input of the scenario", rate.path))?;
            let before = input
                .number(scenario)
                .ok_or_else(|| format!("{} holds no number", rate.path))?;
            let (min, max) = input.input.kind.limits().unwrap_or(rate.sensible);
            let lower = rate.sensible.0.min(before).max(min);
            let upper = rate.sensible.1.max(before).min(max);
            if lower > upper || lower.is_nan() || upper.is_nan() {
                return Err(format!(
                    "{} is {before}, outside what it may be ({min} to {max})",
                    input.name(scenario)
                ));
            }
            Ok(Bound {
                input,
                before,
                lower,
                upper,
                share: SHARES.contains(&rate.path),
            })
        })
        .collect()
}

/// Puts `values` (one per bound, in their order) into `scenario`, with no
/// further action taking the remainder of the referral outcomes:
/// `no further action % = 100 - child in need % - protection % - into care %`.
pub fn apply(scenario: &mut Scenario, bounds: &[Bound], values: &[f64]) {
    for (bound, value) in bounds.iter().zip(values) {
        if let Some(number) = bound.input.number_mut(scenario) {
            *number = *value;
        }
    }
    if bounds.iter().any(|bound| bound.share) {
        let outcomes = &mut scenario.demand.referral_outcomes;
        outcomes.no_further_action_percent = 100.0
            - outcomes.child_in_need_percent
            - outcomes.child_protection_percent
            - outcomes.into_care_percent;
    }
}

/// [`apply`] for writing: no further action to two decimals, as the fitted
/// shares are (see [`rounded`]), so that the file does not read 35.690000000000005.
pub fn apply_rounded(scenario: &mut Scenario, bounds: &[Bound], values: &[f64]) {
    apply(scenario, bounds, values);
    if bounds.iter().any(|bound| bound.share) {
        let remainder = &mut scenario.demand.referral_outcomes.no_further_action_percent;
        *remainder = ((*remainder * 100.0).round() / 100.0).max(0.0);
    }
}

/// The nearest values (near enough: the shares are drawn in proportionally) that
/// keep every rate in its range and leave no further action at least nothing:
/// each value clamped to `[lower, upper]`; then, if the fitted shares add up to
/// over 100, each share's part above its lower bound scaled by
/// `(100 - Σ lower) / (Σ share - Σ lower)`.
pub fn feasible(bounds: &[Bound], values: &mut [f64]) {
    for (bound, value) in bounds.iter().zip(values.iter_mut()) {
        *value = if value.is_finite() {
            value.clamp(bound.lower, bound.upper)
        } else {
            bound.before.clamp(bound.lower, bound.upper)
        };
    }
    let shares = || bounds.iter().zip(0..).filter(|(bound, _)| bound.share);
    let total: f64 = shares().map(|(_, index)| values[index]).sum();
    let floor: f64 = shares().map(|(bound, _)| bound.lower).sum();
    if total > 100.0 && total > floor {
        let scale = ((100.0 - floor) / (total - floor)).max(0.0);
        for (bound, index) in shares() {
            values[index] = bound.lower + (values[index] - bound.lower) * scale;
        }
    }
}

/// A fitted value as it is written: shares to two decimals (so that no further
/// action, their remainder, is exact to two decimals too), other rates to four
/// significant figures.
pub fn rounded(bound: &Bound, value: f64) -> f64 {
    let rounded = if bound.share {
        (value * 100.0).round() / 100.0
    } else if value == 0.0 || !value.is_finite() {
        value
    } else {
        let digits = 3 - value.abs().log10().floor() as i32;
        let scale = 10f64.powi(digits);
        (value * scale).round() / scale
    };
    rounded.clamp(bound.lower, bound.upper)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scenario() -> Scenario {
        let council = crate::published::by_code("E08000012").expect("Liverpool");
        crate::council_scenario::build(council, Some(2019))
            .expect("builds")
            .scenario
    }

    #[test]
    fn ranges_are_the_sensible_ones_widened_to_the_files_value_within_the_catalogue() {
        let mut scenario = scenario();
        scenario.demand.referral_growth_percent_per_year = 17.0;
        let bounds = bounds(&scenario, &RATES).unwrap();
        let growth = &bounds[0];
        assert_eq!((growth.lower, growth.upper), (-10.0, 17.0));
        let care = &bounds[6];
        assert_eq!((care.lower, care.upper), (6.0, 120.0));
        assert_eq!(bounds.iter().filter(|bound| bound.share).count(), 3);
    }

    #[test]
    fn shares_over_100_are_drawn_in_and_values_clamped() {
        let scenario = scenario();
        let bounds = bounds(&scenario, &RATES).unwrap();
        let mut values: Vec<f64> = bounds.iter().map(|bound| bound.before).collect();
        values[0] = 50.0;
        values[1] = 85.0;
        values[2] = 25.0;
        values[3] = 15.0;
        values[6] = f64::NAN;
        feasible(&bounds, &mut values);
        assert_eq!(values[0], bounds[0].upper);
        assert_eq!(values[6], bounds[6].before);
        let shares = values[1] + values[2] + values[3];
        assert!((shares - 100.0).abs() < 1e-9, "{shares}");
        assert!(
            values[1..4]
                .iter()
                .zip(&bounds[1..4])
                .all(|(value, bound)| *value >= bound.lower)
        );
        let mut fitted = scenario.clone();
        apply(&mut fitted, &bounds, &values);
        assert!(
            fitted
                .demand
                .referral_outcomes
                .no_further_action_percent
                .abs()
                < 1e-9
        );
    }

    #[test]
    fn fitted_values_are_rounded_for_the_file() {
        let scenario = scenario();
        let bounds = bounds(&scenario, &RATES).unwrap();
        assert_eq!(rounded(&bounds[6], 47.6437), 47.64);
        assert_eq!(rounded(&bounds[8], 0.352_19), 0.3522);
        assert_eq!(rounded(&bounds[1], 51.5437), 51.54);
        assert_eq!(rounded(&bounds[6], 500.0), bounds[6].upper);
    }
}
