//! Children: with open cases, and in care by placement.

use egui::Ui;
use egui_plot::{Bar, BarChart};

use super::{
    FanBands, Key, chart_heading, count_text, fixed_series, intervention_markers, legend_ui,
    lines_chart, month_at, month_x, plot_height, scenario_plot, two_charts,
};
use crate::charts::ScenarioChart;
use crate::model::{Month, PlacementKind};
use crate::sim::Projection;
use crate::sim::monte_carlo::MonteCarlo;
use crate::ui::theme;

pub fn children_ui(ui: &mut Ui, projection: &Projection, uncertainty: Option<&MonteCarlo>) {
    two_charts(
        ui,
        |ui| {
            let chart = ScenarioChart::ChildrenWithOpenCases;
            chart_heading(ui, chart);
            let lines = fixed_series(ui.visuals(), chart, projection);
            // The band goes with the children in care, the chart's third line.
            let in_care = lines.get(2).map(|line| line.colour);
            lines_chart(
                ui,
                scenario_plot("children_chart", chart),
                &lines,
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
        |ui| {
            let chart = ScenarioChart::ChildrenInCareByPlacement;
            chart_heading(ui, chart);
            let colour = |kind: PlacementKind| {
                theme::series_colour(ScenarioChart::placement_colour(kind.index()))
            };
            let keys: Vec<Key> = PlacementKind::ALL
                .iter()
                .map(|kind| Key {
                    name: kind.label().to_owned(),
                    colour: colour(*kind),
                    dashed: false,
                    block: true,
                })
                .collect();
            legend_ui(ui, &keys, !projection.intervention_starts.is_empty());
            scenario_plot("placements_chart", chart)
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
