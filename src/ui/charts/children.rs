//! Children: with open cases, and in care by placement.

use egui::Ui;
use egui_plot::{Bar, BarChart};

use super::{
    FanBands, Key, Series, chart_title, count_text, intervention_markers, legend_ui, lines_chart,
    month_at, month_x, monthly_points, plot_height, time_plot, two_charts,
};
use crate::model::{Month, PlacementKind};
use crate::sim::monte_carlo::MonteCarlo;
use crate::sim::{MonthRow, Projection};
use crate::ui::theme;

/// Reads one stock from a month's row.
type StockOf = fn(&MonthRow) -> f64;

pub fn children_ui(ui: &mut Ui, projection: &Projection, uncertainty: Option<&MonteCarlo>) {
    two_charts(
        ui,
        |ui| {
            chart_title(ui, "Children with open cases", "at the start of each month");
            let stocks: [(&str, StockOf); 4] = [
                ("Children in need (CIN)", |row| row.stocks.children_in_need),
                ("Child protection plans (CP)", |row| {
                    row.stocks.child_protection
                }),
                ("Children in care (LAC)", |row| row.stocks.looked_after()),
                ("Care leavers", |row| row.stocks.care_leavers),
            ];
            let lines: Vec<Series> = stocks
                .into_iter()
                .enumerate()
                .map(|(index, (name, value))| {
                    Series::line(
                        name,
                        theme::series_colour(index),
                        monthly_points(projection, |row| Some(value(row))),
                    )
                })
                .collect();
            lines_chart(
                ui,
                time_plot("children_chart", "Children", count_text, " children"),
                &lines,
                projection,
                uncertainty.map(|run| FanBands {
                    name: "Children in care",
                    bands: &run.looked_after,
                    months: &run.months,
                    colour: theme::series_colour(2),
                    scale: 1.0,
                }),
            );
        },
        |ui| {
            chart_title(
                ui,
                "Children in care by placement",
                "stacked; new in-house placements go to IFAs when in-house places are full",
            );
            let colour = |kind: PlacementKind| theme::series_colour(kind.index() + 3);
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
            time_plot("placements_chart", "Children", count_text, " children")
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
