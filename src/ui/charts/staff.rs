//! Staff: FTE by group and vacancies; agency share and staff over their cap.

use egui::Ui;

use super::{
    FanBands, Series, chart_title, fte_text, lines_chart, month_x, monthly_points, percent_text,
    time_plot, two_charts,
};
use crate::sim::Projection;
use crate::sim::monte_carlo::MonteCarlo;
use crate::ui::theme;

pub fn staff_ui(ui: &mut Ui, projection: &Projection, uncertainty: Option<&MonteCarlo>) {
    two_charts(
        ui,
        |ui| {
            chart_title(
                ui,
                "Staff in post by group",
                "FTE at the start of each month; agency staff cover vacancies",
            );
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
            lines.push(Series::line(
                "All staff",
                theme::series_colour(7),
                monthly_points(projection, |row| Some(row.staffing.total_fte())),
            ));
            lines.push(
                Series::line(
                    "Vacancies (all permanent groups)",
                    theme::reference_colour(ui.visuals()),
                    monthly_points(projection, |row| Some(row.staffing.vacancies)),
                )
                .dashed(),
            );
            lines_chart(
                ui,
                time_plot("staff_chart", "FTE", fte_text, ""),
                &lines,
                projection,
                uncertainty.map(|run| FanBands {
                    name: "All staff",
                    bands: &run.total_fte,
                    months: &run.months,
                    colour: theme::series_colour(7),
                    scale: 1.0,
                }),
            );
        },
        |ui| {
            chart_title(
                ui,
                "Agency share and staff over their cap",
                "% of all FTE; % of case-holding staff above their own caseload cap",
            );
            let lines = [
                Series::line(
                    "Agency share of FTE",
                    theme::series_colour(6),
                    monthly_points(projection, |row| Some(row.staffing.agency_share * 100.0)),
                ),
                Series::line(
                    "Staff over their caseload cap",
                    theme::series_colour(4),
                    monthly_points(projection, |row| {
                        row.workload
                            .share_of_staff_over_cap
                            .map(|share| share * 100.0)
                    }),
                ),
            ];
            lines_chart(
                ui,
                time_plot("agency_chart", "% of staff", percent_text, "").include_y(100.0),
                &lines,
                projection,
                None,
            );
        },
    );
}
