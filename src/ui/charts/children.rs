//! Children: with open cases, in care by placement, and referrals a year.

use egui::Ui;
use egui_plot::{Bar, BarChart};

use super::published::published_series;
use super::published::with_history;
use super::{
    FanBands, Key, Series, chart_heading, chart_title, count_text, fixed_series,
    intervention_markers, legend_and_plot_ui, lines_chart, month_at, month_x, plot_height,
    scenario_plot, three_charts, time_plot,
};
use crate::charts::ScenarioChart;
use crate::history::HistoryFigure;
use crate::model::{Month, PlacementKind};
use crate::published::Council;
use crate::sim::Projection;
use crate::sim::monte_carlo::MonteCarlo;
use crate::ui::theme;

/// The referrals line, named for what it adds up.
pub const REFERRALS_LINE: &str = "Referrals in the 12 months to the month";

pub fn children_ui(
    ui: &mut Ui,
    projection: &Projection,
    uncertainty: Option<&MonteCarlo>,
    council: Option<&Council>,
) {
    three_charts(
        ui,
        |ui| {
            let chart = ScenarioChart::ChildrenWithOpenCases;
            chart_heading(ui, chart);
            let lines = fixed_series(ui.visuals(), chart, projection);
            let colour = |index: usize| lines.get(index).map(|line| line.colour);
            let published = published_series(
                council,
                projection,
                &[
                    (HistoryFigure::ChildrenInNeedNet, colour(0)),
                    (HistoryFigure::ProtectionPlans, colour(1)),
                    (HistoryFigure::ChildrenInCare, colour(2)),
                ],
            );
            // The band goes with the children in care, the chart's third line.
            let in_care = colour(2);
            lines_chart(
                ui,
                with_history(
                    scenario_plot("children_chart", chart, projection),
                    projection,
                    council,
                ),
                &lines,
                &published,
                projection,
                uncertainty.zip(in_care).map(|(run, colour)| FanBands {
                    name: "Children in care",
                    bands: &run.looked_after,
                    months: &run.months,
                    colour,
                    scale: 1.0,
                }),
            );
        },
        |ui| placements_ui(ui, projection, council),
        |ui| referrals_ui(ui, projection, council),
    );
}

/// Children in care by placement, stacked month by month.
fn placements_ui(ui: &mut Ui, projection: &Projection, council: Option<&Council>) {
    let chart = ScenarioChart::ChildrenInCareByPlacement;
    chart_heading(ui, chart);
    let colour =
        |kind: PlacementKind| theme::series_colour(ScenarioChart::placement_colour(kind.index()));
    let keys: Vec<Key> = PlacementKind::ALL
        .iter()
        .map(|kind| Key {
            name: kind.label().to_owned(),
            colour: colour(*kind),
            dashed: false,
            block: true,
            marker: false,
        })
        .collect();
    legend_and_plot_ui(
        ui,
        &keys,
        !projection.intervention_starts.is_empty(),
        |ui| {
            with_history(
                scenario_plot("placements_chart", chart, projection),
                projection,
                council,
            )
            .height(plot_height(ui))
            .show(ui, |plot_ui| {
                let mut charts: Vec<BarChart> = Vec::new();
                for kind in PlacementKind::ALL {
                    let bars = projection
                        .rows
                        .iter()
                        .map(|row| {
                            Bar::new(
                                month_x(row.month),
                                row.stocks.looked_after_by_placement[kind.index()],
                            )
                            .width(0.8)
                        })
                        .collect();
                    let name = kind.label();
                    let chart = BarChart::new(name, bars)
                        .color(colour(kind))
                        .element_formatter(Box::new(move |bar, _| {
                            let month =
                                month_at(bar.argument).map_or_else(String::new, Month::label);
                            format!("{name}\n{month}: {} children", count_text(bar.value))
                        }));
                    let below: Vec<&BarChart> = charts.iter().collect();
                    let chart = chart.stack_on(&below);
                    charts.push(chart);
                }
                for chart in charts {
                    plot_ui.bar_chart(chart);
                }
                intervention_markers(plot_ui, projection);
            });
        },
    );
}

/// Referrals a year: the sum of the twelve months to each month (from the
/// twelfth), so that March's is the financial year's, beside the published years.
fn referrals_ui(ui: &mut Ui, projection: &Projection, council: Option<&Council>) {
    chart_title(ui, "Referrals a year", "to children's social care");
    let colour = theme::series_colour(0);
    let lines = [Series::line(
        REFERRALS_LINE,
        colour,
        referrals_in_twelve_months(projection),
    )];
    let published = published_series(
        council,
        projection,
        &[(HistoryFigure::Referrals, Some(colour))],
    );
    lines_chart(
        ui,
        with_history(
            time_plot(
                "referrals_chart",
                "Referrals a year",
                crate::charts::AxisValues::Count,
                " referrals",
                projection,
            )
            // Room for "10,000".
            .y_axis_min_width(64.0),
            projection,
            council,
        ),
        &lines,
        &published,
        projection,
        None,
    );
}

/// Each month from the twelfth: the referrals of the twelve months to its end.
pub fn referrals_in_twelve_months(projection: &Projection) -> Vec<[f64; 2]> {
    projection
        .rows
        .windows(12)
        .filter_map(|year| {
            let last = year.last()?;
            let total: f64 = year.iter().map(|row| row.flows.referrals).sum();
            Some([month_x(last.month), total])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// March's point is the financial year's referrals, as the backtest reads them.
    #[test]
    fn the_referrals_line_in_march_is_the_years_total() {
        let mut scenario = crate::io::default_scenario();
        scenario.start = Month::new(2019, 4).expect("a month");
        let projection = crate::sim::project(&scenario);
        let line = referrals_in_twelve_months(&projection);
        assert_eq!(line.len(), projection.rows.len() - 11);
        let march = Month::new(2020, 3).expect("a month");
        let point = line
            .iter()
            .find(|point| point[0] == month_x(march))
            .expect("March 2020");
        let modelled = HistoryFigure::Referrals
            .modelled(&projection, 2020)
            .expect("the year to March 2020 is projected");
        assert!((point[1] - modelled).abs() < 1e-6, "{point:?} {modelled}");
    }
}
