//! Staff: FTE by group and vacancies; agency share and staff over their cap.

use egui::Ui;

use super::published::published_series;
use super::published::with_history;
use super::{
    FanBands, Series, chart_heading, fixed_series, lines_chart, month_x, monthly_points,
    scenario_plot, two_charts,
};
use crate::charts::ScenarioChart;
use crate::history::HistoryFigure;
use crate::published::Council;
use crate::sim::Projection;
use crate::sim::monte_carlo::MonteCarlo;
use crate::ui::theme;

/// The line the published social workers in post are set against: the census
/// counts permanent staff, so not the agency FTE in "All staff".
const PERMANENT_STAFF: &str = "Permanent staff (all groups)";

pub fn staff_ui(
    ui: &mut Ui,
    projection: &Projection,
    uncertainty: Option<&MonteCarlo>,
    council: Option<&Council>,
) {
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
                    let line =
                        Series::line(group.name.clone(), theme::listed_colour(index), points);
                    // Past the sixth group the hues come round again, dashed.
                    if crate::charts::series_dashed(index) {
                        line.dashed()
                    } else {
                        line
                    }
                })
                .collect();
            let fixed = fixed_series(ui.visuals(), chart, projection);
            // The band goes with all staff, the first fixed line.
            let all_staff = fixed.first().map(|line| line.colour);
            lines.extend(fixed);
            // The text colour: no staff group takes it, however many there are.
            let permanent = ui.visuals().strong_text_color();
            let published = published_series(
                council,
                projection,
                &[(HistoryFigure::SocialWorkersFte, Some(permanent))],
            );
            if !published.is_empty() {
                // Only beside published figures: otherwise it repeats the groups.
                lines.push(Series::line(
                    PERMANENT_STAFF,
                    permanent,
                    monthly_points(projection, |row| Some(row.staffing.permanent_fte)),
                ));
            }
            lines_chart(
                ui,
                with_history(
                    scenario_plot("staff_chart", chart, projection),
                    projection,
                    council,
                ),
                &lines,
                &published,
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
            let agency = lines.first().map(|line| line.colour);
            let published =
                published_series(council, projection, &[(HistoryFigure::AgencyRate, agency)]);
            lines_chart(
                ui,
                with_history(
                    scenario_plot("agency_chart", chart, projection),
                    projection,
                    council,
                )
                .include_y(100.0),
                &lines,
                &published,
                projection,
                None,
            );
        },
    );
}
