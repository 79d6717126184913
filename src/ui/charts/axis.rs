//! Axis ticks that read at a glance: months and financial years on x, and on y
//! round steps (1, 2 or 5 times a power of ten) written with only the decimals
//! the step needs ("£10m", "£12.5m", "500"), never "£10.0m" or "500.0".

use egui_plot::{GridInput, GridMark};

use crate::model::Month;

/// "Apr 2019" for a whole month; nothing between months, and nothing so close
/// to either end of the visible range that the label would be cut ("Apr 202").
pub fn month_tick(mark: GridMark, range: &std::ops::RangeInclusive<f64>) -> String {
    if (mark.value - mark.value.round()).abs() > 1e-6 {
        return String::new();
    }
    let span = range.end() - range.start();
    // Half a label ("Apr 2019") is about 2.5% of a chart's width.
    let margin = span * 0.025;
    if span > 0.0 && (mark.value < range.start() + margin || mark.value > range.end() - margin) {
        return String::new();
    }
    month_axis_label(mark)
}

/// "Apr 2019" for a whole month; nothing between months.
pub fn month_axis_label(mark: GridMark) -> String {
    if (mark.value - mark.value.round()).abs() > 1e-6 {
        return String::new();
    }
    Month::from_index(mark.value.round() as i32).map_or_else(String::new, Month::label)
}

/// egui_plot's least grid spacing in points (its default, which the charts
/// keep): the grid input's base step is this many points of x.
const GRID_SPACING_POINTS: f64 = 8.0;

/// Room for a month label ("Apr 2019") and a gap, in points.
const MONTH_LABEL_POINTS: f64 = 72.0;

/// Grid lines on months, stronger on quarters and strongest on April, the start
/// of the financial year. The labelled step is the least (a month, a quarter,
/// a year, two or five years) that leaves room for each label, so a narrow
/// chart still names some Aprils rather than none.
pub fn month_grid(input: GridInput) -> Vec<GridMark> {
    let (low, high) = input.bounds;
    if !(low.is_finite() && high.is_finite()) || high - low > 12.0 * 400.0 {
        return Vec::new();
    }
    let points_per_month = if input.base_step_size > 0.0 {
        GRID_SPACING_POINTS / input.base_step_size
    } else {
        f64::INFINITY
    };
    let label_step = [1, 3, 12, 24, 60, 120]
        .into_iter()
        .find(|step| f64::from(*step) * points_per_month >= MONTH_LABEL_POINTS)
        .unwrap_or(120);
    let visible_months = high - low;
    let smallest_step = if visible_months > 150.0 {
        12
    } else if visible_months > 40.0 {
        3
    } else {
        1
    };
    let mut marks = Vec::new();
    for index in low.floor() as i32..=high.ceil() as i32 {
        let Some(month) = Month::from_index(index) else {
            continue;
        };
        let step = match month.month_number() {
            4 if label_step > 12 && month.year().rem_euclid(label_step / 12) == 0 => label_step,
            4 => 12,
            1 | 7 | 10 => 3,
            _ => 1,
        };
        if step >= smallest_step {
            // A label centred closer than half its width to either end would
            // be cut ("Apr 202"): keep the grid line, drop the label.
            let x = f64::from(index);
            let room = (x - low).min(high - x) * points_per_month;
            let step = if step >= label_step && room < MONTH_LABEL_POINTS / 2.0 {
                step.min(smallest_step.max(1))
            } else {
                step
            };
            marks.push(GridMark {
                value: x,
                step_size: f64::from(step),
            });
        }
    }
    marks
}

/// Grid lines on y at 1, 2, 2.5 or 5 times a power of ten, about five across the
/// range, so that a short chart still has a few numbers on its axis (the
/// default, powers of ten only, can leave just "0", or "£0" and "£10.0m").
pub fn nice_grid(input: GridInput) -> Vec<GridMark> {
    let (low, high) = input.bounds;
    let range = high - low;
    if !(low.is_finite() && high.is_finite()) || range <= 0.0 {
        return Vec::new();
    }
    let rough = range / 5.0;
    let power = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|factor| factor * power)
        .find(|step| *step >= rough * 0.999)
        .unwrap_or(10.0 * power);
    let first = (low / step).ceil() as i64;
    let last = (high / step).floor() as i64;
    (first..=last)
        .map(|index| GridMark {
            // Whole multiples, so 0.1 × 3 is written 0.3, not 0.30000000000000004.
            value: index as f64 * step,
            step_size: step,
        })
        .collect()
}

/// The decimals a tick needs to show a step: none for whole steps, one for
/// 0.5 or 0.2, two for 0.25 or 0.05.
pub fn step_decimals(step: f64) -> usize {
    (0..6)
        .find(|decimals| {
            let scaled = step * 10f64.powi(*decimals);
            (scaled - scaled.round()).abs() < 1e-6 * scaled.abs().max(1.0)
        })
        .unwrap_or(6) as usize
}

/// A number with only the decimals the step needs: "500", "1,200", "2.5".
pub fn number_tick(value: f64, step: f64) -> String {
    trimmed(value, step_decimals(step))
}

/// A percentage tick: "20%", "2.5%".
pub fn percent_tick(value: f64, step: f64) -> String {
    format!("{}%", number_tick(value, step))
}

/// A pounds tick in the unit its step reads in: "£10m", "£12.5m", "£250k",
/// "£1,200"; "£0" at zero.
pub fn gbp_tick(value: f64, step: f64) -> String {
    if value.abs() < step.abs() * 1e-6 || value == 0.0 {
        return "£0".to_owned();
    }
    let sign = if value < 0.0 { "-" } else { "" };
    let magnitude = value.abs();
    let (scale, suffix) = if step >= 100_000_000.0 && magnitude >= 1e9 {
        (1e9, "bn")
    } else if step >= 100_000.0 {
        (1e6, "m")
    } else if step >= 1_000.0 {
        (1e3, "k")
    } else {
        (1.0, "")
    };
    format!(
        "{sign}£{}{suffix}",
        trimmed(magnitude / scale, step_decimals(step / scale))
    )
}

/// `value` to `decimals`, without trailing zeros ("12.50" -> "12.5", "10.0" -> "10").
fn trimmed(value: f64, decimals: usize) -> String {
    let text = crate::units::thousands(value, decimals);
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ticks(low: f64, high: f64) -> Vec<GridMark> {
        nice_grid(GridInput {
            bounds: (low, high),
            base_step_size: 1.0,
        })
    }

    #[test]
    fn the_nice_grid_steps_by_one_two_two_and_a_half_or_five() {
        let values: Vec<f64> = ticks(0.0, 7300.0).iter().map(|mark| mark.value).collect();
        assert_eq!(values, [0.0, 2000.0, 4000.0, 6000.0]);
        let values: Vec<f64> = ticks(-3.0, 41.0).iter().map(|mark| mark.value).collect();
        assert_eq!(values, [0.0, 10.0, 20.0, 30.0, 40.0]);
        assert!(ticks(5.0, 5.0).is_empty());
    }

    /// The money charts showed only "£0" and "£10.0m": a chart up to about
    /// £14m now has a tick every £5m, and a closer range half-millions, each
    /// without needless decimals.
    #[test]
    fn money_axes_have_several_round_ticks_without_needless_decimals() {
        let labels: Vec<String> = ticks(0.0, 14.3e6)
            .iter()
            .map(|mark| gbp_tick(mark.value, mark.step_size))
            .collect();
        assert_eq!(labels, ["£0", "£5m", "£10m"]);
        let labels: Vec<String> = ticks(0.0, 10.3e6)
            .iter()
            .map(|mark| gbp_tick(mark.value, mark.step_size))
            .collect();
        assert_eq!(labels, ["£0", "£2.5m", "£5m", "£7.5m", "£10m"]);
        let percent: Vec<String> = ticks(0.0, 104.0)
            .iter()
            .map(|mark| percent_tick(mark.value, mark.step_size))
            .collect();
        assert_eq!(percent, ["0%", "25%", "50%", "75%", "100%"]);
        let labels: Vec<String> = ticks(10e6, 12.4e6)
            .iter()
            .map(|mark| gbp_tick(mark.value, mark.step_size))
            .collect();
        assert_eq!(labels, ["£10m", "£10.5m", "£11m", "£11.5m", "£12m"]);
        assert_eq!(gbp_tick(250_000.0, 50_000.0), "£250k");
        assert_eq!(gbp_tick(-2e6, 1e6), "-£2m");
        assert_eq!(gbp_tick(1_200.0, 200.0), "£1,200");
    }

    #[test]
    fn counts_and_fte_are_whole_where_the_step_is() {
        let labels: Vec<String> = ticks(0.0, 620.0)
            .iter()
            .map(|mark| number_tick(mark.value, mark.step_size))
            .collect();
        assert_eq!(labels, ["0", "200", "400", "600"]);
        assert_eq!(number_tick(1_500.0, 500.0), "1,500");
        assert_eq!(number_tick(0.3, 0.1), "0.3");
        assert_eq!(number_tick(2.5, 0.5), "2.5");
        assert_eq!(percent_tick(20.0, 10.0), "20%");
        assert_eq!(step_decimals(0.25), 2);
        assert_eq!(step_decimals(2000.0), 0);
    }

    /// A chart of only zeros (no cases above capacity) still gets ticks above 0.
    #[test]
    fn an_axis_from_zero_to_ten_has_more_than_zero() {
        assert!(ticks(0.0, 10.0).len() >= 3);
    }

    /// Seven years on a chart 330 points wide: a year is 47 points, too
    /// little for "Apr 2019", so every other April carries a two-year step
    /// (which egui_plot labels) and the rest stay unlabelled grid lines.
    #[test]
    fn a_narrow_chart_labels_every_other_april() {
        let low = f64::from(Month::new(2015, 1).unwrap().index());
        let high = low + 84.0;
        let base_step_size = 84.0 / 330.0 * GRID_SPACING_POINTS;
        let marks = month_grid(GridInput {
            bounds: (low, high),
            base_step_size,
        });
        let labelled: Vec<String> = marks
            .iter()
            .filter(|mark| mark.step_size * 330.0 / 84.0 >= MONTH_LABEL_POINTS)
            .map(|mark| month_axis_label(*mark))
            .collect();
        assert_eq!(labelled, ["Apr 2016", "Apr 2018", "Apr 2020"]);
        // A wide chart labels each April.
        let wide = month_grid(GridInput {
            bounds: (low, high),
            base_step_size: 84.0 / 1_200.0 * GRID_SPACING_POINTS,
        });
        assert!(wide.iter().any(|mark| mark.step_size == 12.0));
        // An April on the right edge keeps its grid line but not its label.
        let edge = month_grid(GridInput {
            bounds: (low, f64::from(Month::new(2022, 4).unwrap().index()) + 0.2),
            base_step_size: 84.0 / 1_200.0 * GRID_SPACING_POINTS,
        });
        let last = edge.last().unwrap();
        assert_eq!(month_axis_label(*last), "Apr 2022");
        assert!(last.step_size * 1_200.0 / 84.0 < MONTH_LABEL_POINTS);
    }

    #[test]
    fn month_labels_at_the_edges_are_left_out_rather_than_cut() {
        let range = 24_228.0..=24_300.0;
        let inside = GridMark {
            value: 24_255.0,
            step_size: 12.0,
        };
        assert_eq!(month_tick(inside, &range), month_axis_label(inside));
        assert!(!month_tick(inside, &range).is_empty());
        let at_the_end = GridMark {
            value: 24_300.0,
            step_size: 12.0,
        };
        assert_eq!(month_tick(at_the_end, &range), "");
        let between = GridMark {
            value: 24_255.5,
            step_size: 1.0,
        };
        assert_eq!(month_tick(between, &range), "");
    }
}
