//! Children: with open cases, and in care by placement.

use egui::Ui;
use egui_plot::{Bar, BarChart, Line};

use super::{
    chart_height, chart_title, count_text, highest, intervention_markers, legend_headroom, month_x,
    monthly_points, time_plot,
};
use crate::model::PlacementKind;
use crate::sim::Projection;
use crate::ui::theme;

/// Reads one stock from a month's row.
type StockOf = fn(&crate::sim::MonthRow) -> f64;

pub fn children_ui(ui: &mut Ui, projection: &Projection) {
    let height = chart_height(ui, 2);
    chart_title(ui, "Children with open cases", "at the start of each month");
    let top = highest(projection, |row| {
        let stocks = &row.stocks;
        stocks
            .children_in_need
            .max(stocks.child_protection)
            .max(stocks.looked_after())
            .max(stocks.care_leavers)
    });
    time_plot("children_chart", "Children", count_text)
        .height(height)
        .include_y(legend_headroom(top))
        .show(ui, |plot_ui| {
            let series: [(&str, StockOf); 4] = [
                ("Children in need (CIN)", |row| row.stocks.children_in_need),
                ("Child protection plans (CP)", |row| {
                    row.stocks.child_protection
                }),
                ("Children in care (LAC)", |row| row.stocks.looked_after()),
                ("Care leavers", |row| row.stocks.care_leavers),
            ];
            for (index, (name, value)) in series.into_iter().enumerate() {
                plot_ui.line(
                    Line::new(name, monthly_points(projection, |row| Some(value(row))))
                        .color(theme::series_colour(index))
                        .width(2.5),
                );
            }
            intervention_markers(plot_ui, projection);
        });
    chart_title(
        ui,
        "Children in care by placement",
        "stacked; new in-house placements go to IFAs when in-house places are full",
    );
    let top = highest(projection, |row| row.stocks.looked_after());
    time_plot("placements_chart", "Children", count_text)
        .height(height)
        .include_y(legend_headroom(top))
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
                    .color(theme::series_colour(kind.index() + 3))
                    .element_formatter(Box::new(move |bar, _| {
                        let month = super::month_at(bar.argument)
                            .map_or_else(String::new, crate::model::Month::label);
                        format!("{name}\n{month}: {} children", count_text(bar.value))
                    }));
                let refs: Vec<&BarChart> = charts.iter().collect();
                let chart = chart.stack_on(&refs);
                charts.push(chart);
            }
            for chart in charts {
                plot_ui.bar_chart(chart);
            }
            intervention_markers(plot_ui, projection);
        });
}
