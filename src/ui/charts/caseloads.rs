//! Caseloads: the average against each cap, and the cases beyond capacity.

use egui::Ui;
use egui_plot::{Line, LineStyle};

use super::{
    caseload_text, chart_height, chart_title, count_text, highest, intervention_markers,
    legend_headroom, monthly_points, time_plot,
};
use crate::sim::Projection;
use crate::ui::theme;

pub fn caseloads_ui(ui: &mut Ui, projection: &Projection) {
    let height = chart_height(ui, 2);
    chart_title(
        ui,
        "Average caseload per case-holding FTE",
        "against each group's caseload cap",
    );
    let caps = cap_series(projection);
    let top = highest(projection, |row| {
        row.workload.average_caseload.unwrap_or(0.0)
    })
    .max(
        caps.iter()
            .flat_map(|(_, points)| points.iter().map(|point| point[1]))
            .fold(0.0, f64::max),
    );
    time_plot("caseload_chart", "Cases per FTE", caseload_text)
        .height(height)
        .include_y(legend_headroom(top))
        .show(ui, |plot_ui| {
            plot_ui.line(
                Line::new(
                    "Average caseload",
                    monthly_points(projection, |row| row.workload.average_caseload),
                )
                .color(theme::series_colour(0))
                .width(3.0),
            );
            for (index, (name, points)) in caps.into_iter().enumerate() {
                plot_ui.line(
                    Line::new(name, points)
                        .color(theme::series_colour(index + 1))
                        .style(LineStyle::dashed_dense())
                        .width(2.0),
                );
            }
            intervention_markers(plot_ui, projection);
        });
    chart_title(
        ui,
        "Cases above capacity",
        "cases no one can hold within the caps (\"unallocated\"), and cases held by contracted teams",
    );
    let top = highest(projection, |row| {
        row.workload
            .over_capacity_cases
            .max(row.workload.contracted_capacity)
    });
    time_plot("capacity_chart", "Cases", count_text)
        .height(height)
        .include_y(legend_headroom(top.max(10.0)))
        .show(ui, |plot_ui| {
            plot_ui.line(
                Line::new(
                    "Cases above capacity",
                    monthly_points(projection, |row| Some(row.workload.over_capacity_cases)),
                )
                .color(theme::series_colour(3))
                .fill(0.0)
                .width(2.0),
            );
            plot_ui.line(
                Line::new(
                    "Held by contracted teams",
                    monthly_points(projection, |row| Some(row.workload.contracted_capacity)),
                )
                .color(theme::series_colour(2))
                .width(2.0),
            );
            intervention_markers(plot_ui, projection);
        });
}

/// One line per distinct cap series among case-holding groups, named after the
/// groups that share it ("Cap 20: Experienced, Senior and 1 more").
fn cap_series(projection: &Projection) -> Vec<(String, Vec<[f64; 2]>)> {
    let mut series: Vec<(Vec<&str>, Vec<[f64; 2]>)> = Vec::new();
    for (index, group) in projection.groups.iter().enumerate() {
        if !group.holds_cases {
            continue;
        }
        let points: Vec<[f64; 2]> = projection
            .rows
            .iter()
            .zip(projection.group_series(index))
            .map(|(row, month)| [super::month_x(row.month), month.caseload_cap])
            .collect();
        match series.iter_mut().find(|(_, existing)| *existing == points) {
            Some((names, _)) => names.push(&group.name),
            None => series.push((vec![&group.name], points)),
        }
    }
    series
        .into_iter()
        .map(|(names, points)| {
            let cap = points.first().map_or(0.0, |point| point[1]);
            let who = match names.as_slice() {
                [one] => (*one).to_owned(),
                [one, two] => format!("{one}, {two}"),
                [one, two, rest @ ..] => format!("{one}, {two} and {} more", rest.len()),
                [] => String::new(),
            };
            (
                format!("Cap {}: {who}", crate::units::thousands(cap, 0)),
                points,
            )
        })
        .collect()
}
