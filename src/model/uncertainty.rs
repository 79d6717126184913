//! Ranges on inputs: low, most likely (the input's own value) and high, drawn
//! from in a Monte Carlo run.

use serde::{Deserialize, Serialize};

/// How values are drawn between low and high.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Shape {
    /// Most draws near the most likely value, none beyond low and high.
    #[default]
    Triangular,
    /// Every value between low and high equally likely.
    Uniform,
}

impl Shape {
    pub fn label(self) -> &'static str {
        match self {
            Shape::Triangular => "triangular",
            Shape::Uniform => "uniform",
        }
    }
}

/// A range on one numeric input, written in the file as
/// `(field: "demand.referral_growth_percent_per_year", low: 5.0, high: 25.0)`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Range {
    /// The input's path, as in error messages: `staff["experienced"].turnover_percent_per_year`.
    pub field: String,
    pub low: f64,
    pub high: f64,
    #[serde(default)]
    pub shape: Shape,
}

impl Range {
    /// A value for `unit` in [0, 1): the inverse of the distribution function.
    /// Triangular with mode `most_likely`: `low + sqrt(u (high - low) (mode - low))`
    /// below the mode's share, `high - sqrt((1 - u) (high - low) (high - mode))` above.
    pub fn draw(&self, most_likely: f64, unit: f64) -> f64 {
        let (low, high) = (self.low, self.high);
        let span = high - low;
        if span <= 0.0 {
            return most_likely;
        }
        match self.shape {
            Shape::Uniform => low + unit * span,
            Shape::Triangular => {
                let mode = most_likely.clamp(low, high);
                let split = (mode - low) / span;
                if unit < split {
                    low + (unit * span * (mode - low)).sqrt()
                } else {
                    high - ((1.0 - unit) * span * (high - mode)).sqrt()
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_stay_in_range_and_centre_on_the_most_likely_value() {
        let range = Range {
            field: "x".to_owned(),
            low: 10.0,
            high: 30.0,
            shape: Shape::Triangular,
        };
        assert_eq!(range.draw(15.0, 0.0), 10.0);
        assert!((range.draw(15.0, 0.999_999) - 30.0).abs() < 0.1);
        // The mode's share of draws lies below it: (15 - 10) / 20 = 0.25.
        assert!((range.draw(15.0, 0.25) - 15.0).abs() < 1e-12);
        let uniform = Range {
            shape: Shape::Uniform,
            ..range
        };
        assert_eq!(uniform.draw(15.0, 0.5), 20.0);
    }
}
