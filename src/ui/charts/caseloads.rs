//! Caseloads: the average against the weighted cap, and the cases beyond capacity.

use egui::Ui;

use super::published::published_series;
use super::published::with_history;
use super::{FanBands, chart_heading, fixed_series, lines_chart, scenario_plot, two_charts};
use crate::charts::ScenarioChart;
use crate::history::HistoryFigure;
use crate::published::Council;
use crate::sim::Projection;
use crate::sim::monte_carlo::MonteCarlo;

pub fn caseloads_ui(
    ui: &mut Ui,
    projection: &Projection,
    uncertainty: Option<&MonteCarlo>,
    council: Option<&Council>,
) {
    two_charts(
        ui,
        |ui| {
            let chart = ScenarioChart::AverageCaseload;
            chart_heading(ui, chart);
            let lines = fixed_series(ui.visuals(), chart, projection);
            // The band goes with the average caseload, the chart's first line.
            let average = lines.first().map(|line| line.colour);
            let published = published_series(
                council,
                projection,
                &[(HistoryFigure::CaseloadPerCaseHolder, average)],
            );
            lines_chart(
                ui,
                with_history(
                    scenario_plot("caseload_chart", chart, projection),
                    projection,
                    council,
                ),
                &lines,
                &published,
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
                with_history(
                    scenario_plot("capacity_chart", chart, projection),
                    projection,
                    council,
                )
                .include_y(10.0),
                &lines,
                &[],
                projection,
                None,
            );
        },
    );
}
