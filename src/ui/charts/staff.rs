//! Staff: FTE by group and vacancies; agency share and staff over their cap.

use egui::Ui;

use super::{
    FanBands, Series, chart_heading, fixed_series, lines_chart, month_x, scenario_plot, two_charts,
};
use crate::charts::ScenarioChart;
use crate::sim::Projection;
use crate::sim::monte_carlo::MonteCarlo;
use crate::ui::theme;

pub fn staff_ui(ui: &mut Ui, projection: &Projection, uncertainty: Option<&MonteCarlo>) {
    two_charts(
        ui,
        |ui| {
            let chart = ScenarioChart::StaffByGroup;
            chart_heading(ui, chart);
            let mut lines: Vec<Series> = projection
                .groups
                .iter()
                .enumerate()
                .map(|(index, group)| {
                    let points = projection
                        .rows
                        .iter()
                        .zip(projection.group_series(index))
                        .map(|(row, month)| [month_x(row.month), month.fte])
                        .collect();
                    Series::line(group.name.clone(), theme::series_colour(index), points)
                })
                .collect();
            let fixed = fixed_series(ui.visuals(), chart, projection);
            // The band goes with all staff, the first fixed line.
            let all_staff = fixed.first().map(|line| line.colour);
            lines.extend(fixed);
            lines_chart(
                ui,
                scenario_plot("staff_chart", chart),
                &lines,
                projection,
                uncertainty.zip(all_staff).map(|(run, colour)| FanBands {
                    name: "All staff",
                    bands: &run.total_fte,
                    months: &run.months,
                    colour,
                    scale: 1.0,
                }),
            );
        },
        |ui| {
            let chart = ScenarioChart::AgencyShare;
            chart_heading(ui, chart);
            let lines = fixed_series(ui.visuals(), chart, projection);
            lines_chart(
                ui,
                scenario_plot("agency_chart", chart).include_y(100.0),
                &lines,
                projection,
                None,
            );
        },
    );
}
