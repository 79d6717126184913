//! Caseloads: the average against each cap, and the cases beyond capacity.

use egui::Ui;

use super::{
    FanBands, Series, caseload_text, chart_title, count_text, lines_chart, month_x, monthly_points,
    time_plot, two_charts,
};
use crate::sim::Projection;
use crate::sim::monte_carlo::MonteCarlo;
use crate::ui::theme;

pub fn caseloads_ui(ui: &mut Ui, projection: &Projection, uncertainty: Option<&MonteCarlo>) {
    two_charts(
        ui,
        |ui| {
            chart_title(
                ui,
                "Average caseload per case-holding FTE",
                "against each group's caseload cap",
            );
            let mut lines = vec![Series::line(
                "Average caseload",
                theme::series_colour(0),
                monthly_points(projection, |row| row.workload.average_caseload),
            )];
            for (index, (name, points)) in cap_series(projection).into_iter().enumerate() {
                lines.push(Series::line(name, theme::series_colour(index + 1), points).dashed());
            }
            lines_chart(
                ui,
                time_plot(
                    "caseload_chart",
                    "Cases per FTE",
                    caseload_text,
                    " cases per FTE",
                ),
                &lines,
                projection,
                uncertainty.map(|run| FanBands {
                    name: "Average caseload",
                    bands: &run.average_caseload,
                    months: &run.months,
                    colour: theme::series_colour(0),
                    scale: 1.0,
                }),
            );
        },
        |ui| {
            chart_title(
                ui,
                "Cases above capacity",
                "cases no one can hold within the caps (\"unallocated\"), and cases held by contracted teams",
            );
            let lines = [
                Series::line(
                    "Cases above capacity",
                    theme::series_colour(4),
                    monthly_points(projection, |row| Some(row.workload.over_capacity_cases)),
                )
                .filled(),
                Series::line(
                    "Held by contracted teams",
                    theme::series_colour(2),
                    monthly_points(projection, |row| Some(row.workload.contracted_capacity)),
                ),
            ];
            lines_chart(
                ui,
                time_plot("capacity_chart", "Cases", count_text, " cases").include_y(10.0),
                &lines,
                projection,
                None,
            );
        },
    );
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
            .map(|(row, month)| [month_x(row.month), month.caseload_cap])
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
