//! Staff: FTE by group and vacancies; agency share and staff over their cap.

use egui::Ui;
use egui_plot::{Line, LineStyle};

use super::{
    chart_height, chart_title, fte_text, highest, intervention_markers, legend_headroom, month_x,
    monthly_points, percent_text, time_plot,
};
use crate::sim::Projection;
use crate::ui::theme;

pub fn staff_ui(ui: &mut Ui, projection: &Projection) {
    let height = chart_height(ui, 2);
    chart_title(
        ui,
        "Staff in post by group",
        "FTE at the start of each month; agency staff cover vacancies",
    );
    let top = projection
        .group_rows
        .iter()
        .map(|group| group.fte)
        .fold(highest(projection, |row| row.staffing.vacancies), f64::max);
    time_plot("staff_chart", "FTE", fte_text)
        .height(height)
        .include_y(legend_headroom(top))
        .show(ui, |plot_ui| {
            for (index, group) in projection.groups.iter().enumerate() {
                let points: Vec<[f64; 2]> = projection
                    .rows
                    .iter()
                    .zip(projection.group_series(index))
                    .map(|(row, month)| [month_x(row.month), month.fte])
                    .collect();
                plot_ui.line(
                    Line::new(group.name.clone(), points)
                        .color(theme::series_colour(index))
                        .width(2.0),
                );
            }
            plot_ui.line(
                Line::new(
                    "Vacancies (all permanent groups)",
                    monthly_points(projection, |row| Some(row.staffing.vacancies)),
                )
                .color(theme::reference_colour(
                    &plot_ui.ctx().global_style().visuals,
                ))
                .style(LineStyle::dashed_dense())
                .width(2.0),
            );
            intervention_markers(plot_ui, projection);
        });
    chart_title(
        ui,
        "Agency share and staff over their cap",
        "% of FTE; % of case-holding staff",
    );
    time_plot("agency_chart", "% of staff", percent_text)
        .height(height)
        .include_y(100.0)
        .show(ui, |plot_ui| {
            plot_ui.line(
                Line::new(
                    "Agency share of FTE",
                    monthly_points(projection, |row| Some(row.staffing.agency_share * 100.0)),
                )
                .color(theme::series_colour(1))
                .width(2.5),
            );
            plot_ui.line(
                Line::new(
                    "Staff over their caseload cap",
                    monthly_points(projection, |row| {
                        row.workload
                            .share_of_staff_over_cap
                            .map(|share| share * 100.0)
                    }),
                )
                .color(theme::series_colour(3))
                .width(2.5),
            );
            intervention_markers(plot_ui, projection);
        });
}
