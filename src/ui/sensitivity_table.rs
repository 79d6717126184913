//! The sensitivity ranking as a table for "Copy": each input, its low and high
//! value, the figure at each and the swing, largest first, as the tornado chart
//! ranks them (all of them, not only the fifteen drawn).

use super::fit_history::number;
use crate::workspace::risk::Tornado;

/// The ranking as text, a header row first.
pub fn sensitivity_rows(tornado: &Tornado) -> Vec<Vec<String>> {
    let measure = tornado.output.measure();
    let figure = tornado.output.label();
    let mut rows = vec![vec![
        "Input".to_owned(),
        "Low value".to_owned(),
        "High value".to_owned(),
        format!("{figure} at low"),
        format!("{figure} at high"),
        "Swing".to_owned(),
    ]];
    rows.extend(tornado.swings.iter().map(|swing| {
        vec![
            swing.name.clone(),
            number(swing.low_input),
            number(swing.high_input),
            measure.format(Some(swing.at_low)),
            measure.format(Some(swing.at_high)),
            measure.format(Some(swing.size())),
        ]
    }));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::sensitivity::{Output, Swing};

    #[test]
    fn every_swing_is_a_row_under_the_header() {
        let tornado = Tornado {
            output: Output::TotalSpend,
            base: 100_000_000.0,
            swings: vec![Swing {
                field: "staff[1].fte".to_owned(),
                name: "Experienced social workers: staff in post (FTE)".to_owned(),
                low_input: 90.0,
                high_input: 110.0,
                at_low: 98_000_000.0,
                at_high: 103_500_000.0,
            }],
        };
        assert_eq!(
            sensitivity_rows(&tornado),
            vec![
                vec![
                    "Input",
                    "Low value",
                    "High value",
                    "Total spend at low",
                    "Total spend at high",
                    "Swing"
                ],
                vec![
                    "Experienced social workers: staff in post (FTE)",
                    "90",
                    "110",
                    "£98.0m",
                    "£103.5m",
                    "£5.5m"
                ],
            ]
        );
    }
}
