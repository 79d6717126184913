//! Caseloads: the average against each cap, and the cases beyond capacity.

use egui::Ui;

use super::{
    FanBands, Series, chart_heading, fixed_series, lines_chart, month_x, scenario_plot, two_charts,
};
use crate::charts::ScenarioChart;
use crate::sim::Projection;
use crate::sim::monte_carlo::MonteCarlo;
use crate::ui::theme;

pub fn caseloads_ui(ui: &mut Ui, projection: &Projection, uncertainty: Option<&MonteCarlo>) {
    two_charts(
        ui,
        |ui| {
            let chart = ScenarioChart::AverageCaseload;
            chart_heading(ui, chart);
            let mut lines = fixed_series(ui.visuals(), chart, projection);
            // The band goes with the average caseload, the chart's first line.
            let average = lines.first().map(|line| line.colour);
            for (index, (name, points)) in cap_series(projection).into_iter().enumerate() {
                let colour = theme::series_colour(ScenarioChart::cap_colour(index));
                lines.push(Series::line(name, colour, points).dashed());
            }
            lines_chart(
                ui,
                scenario_plot("caseload_chart", chart),
                &lines,
                projection,
                uncertainty.zip(average).map(|(run, colour)| FanBands {
                    name: "Average caseload",
                    bands: &run.average_caseload,
                    months: &run.months,
                    colour,
                    scale: 1.0,
                }),
            );
        },
        |ui| {
            let chart = ScenarioChart::CasesAboveCapacity;
            chart_heading(ui, chart);
            let lines = fixed_series(ui.visuals(), chart, projection);
            lines_chart(
                ui,
                scenario_plot("capacity_chart", chart).include_y(10.0),
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
