//! The rules of thumb any forecast must beat (see `peers.md`): the last published
//! figure held flat, and the straight line through the last three years.

/// A rule of thumb.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// The last published figure, held: `f(y) = x(last)`.
    NoChange,
    /// The least-squares line through the last three published years, carried on:
    /// `f(y) = a + b × y`, never below 0.
    ThreeYearTrend,
}

/// Years the trend is fitted to.
pub const TREND_YEARS: i32 = 3;

impl Rule {
    pub const ALL: [Rule; 2] = [Rule::NoChange, Rule::ThreeYearTrend];

    pub fn label(self) -> &'static str {
        match self {
            Rule::NoChange => "No change",
            Rule::ThreeYearTrend => "3-year trend",
        }
    }

    /// The rule's figure for `year` from the published `series` (year, value)
    /// known up to `last_known`, or `None` when the years it needs are missing.
    pub fn forecast(self, series: &[(i32, f64)], last_known: i32, year: i32) -> Option<f64> {
        let at = |wanted: i32| {
            series
                .iter()
                .find(|(year, _)| *year == wanted)
                .map(|(_, value)| *value)
        };
        match self {
            Rule::NoChange => at(last_known),
            Rule::ThreeYearTrend => {
                let points: Vec<(f64, f64)> = (last_known - TREND_YEARS + 1..=last_known)
                    .map(|year| Some((f64::from(year), at(year)?)))
                    .collect::<Option<_>>()?;
                let (intercept, slope) = least_squares_line(&points)?;
                Some((intercept + slope * f64::from(year)).max(0.0))
            }
        }
    }
}

/// The line `y = a + b × x` that minimises the squared distances to `points`:
/// `b = Σ(x - x̄)(y - ȳ) / Σ(x - x̄)²`, `a = ȳ - b × x̄`. `None` with fewer than two
/// distinct x.
pub fn least_squares_line(points: &[(f64, f64)]) -> Option<(f64, f64)> {
    let n = points.len() as f64;
    if points.len() < 2 {
        return None;
    }
    let mean_x = points.iter().map(|(x, _)| x).sum::<f64>() / n;
    let mean_y = points.iter().map(|(_, y)| y).sum::<f64>() / n;
    let spread: f64 = points.iter().map(|(x, _)| (x - mean_x).powi(2)).sum();
    if spread <= 0.0 {
        return None;
    }
    let together: f64 = points
        .iter()
        .map(|(x, y)| (x - mean_x) * (y - mean_y))
        .sum();
    let slope = together / spread;
    Some((mean_y - slope * mean_x, slope))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 100, 110, 130 in 2017-2019: the line through them rises 15 a year from
    /// 113.33 in 2018, so 2020 is 113.33 + 2 × 15 = 143.33 and 2022 is 173.33.
    #[test]
    fn the_rules_on_a_small_hand_made_series() {
        let series = [(2016, 90.0), (2017, 100.0), (2018, 110.0), (2019, 130.0)];
        assert_eq!(Rule::NoChange.forecast(&series, 2019, 2022), Some(130.0));
        assert_eq!(Rule::NoChange.forecast(&series, 2018, 2022), Some(110.0));
        let trend = |year| Rule::ThreeYearTrend.forecast(&series, 2019, year).unwrap();
        assert!((trend(2020) - 143.333_333).abs() < 1e-5, "{}", trend(2020));
        assert!((trend(2022) - 173.333_333).abs() < 1e-5, "{}", trend(2022));
        // From 2018 the last three years are 90, 100, 110: 10 a year.
        let from_2018 = Rule::ThreeYearTrend.forecast(&series, 2018, 2021).unwrap();
        assert!((from_2018 - 140.0).abs() < 1e-9, "{from_2018}");
    }

    #[test]
    fn a_rule_without_its_years_says_nothing_and_a_falling_line_stops_at_zero() {
        let gap = [(2017, 100.0), (2019, 130.0)];
        assert_eq!(Rule::ThreeYearTrend.forecast(&gap, 2019, 2020), None);
        assert_eq!(Rule::NoChange.forecast(&gap, 2018, 2020), None);
        let falling = [(2017, 30.0), (2018, 20.0), (2019, 10.0)];
        assert_eq!(
            Rule::ThreeYearTrend.forecast(&falling, 2019, 2025),
            Some(0.0)
        );
    }
}
