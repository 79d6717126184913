//! Comparison charts: the report charts of a tab with every chosen scenario
//! overlaid, each in its own colour and named in the legend.

use egui::Ui;
use egui_plot::{Bar, BarChart, PlotPoint, Text};

use super::published::{published_series, with_history};
use super::{
    Key, Series, chart_title, legend_ui, lines_chart, month_x, plot_height, time_plot, two_charts,
};
use crate::charts::{AxisValues, ChartTab, ReportChart, charts_of};
use crate::history::HistoryFigure;
use crate::ui::theme;
use crate::units::Measure;
use crate::workspace::{Command, Document};

/// The tab strip and, for the chosen tab, its two charts with `shown` overlaid;
/// intervention markers and published figures are those of `scenario` (B).
pub fn comparison_charts_ui(
    ui: &mut Ui,
    tab: &mut ChartTab,
    documents: &[Document],
    shown: &[usize],
    scenario: usize,
    commands: &mut Vec<Command>,
) {
    super::tabs_ui(ui, tab, commands);
    let [first, second] = charts_of(*tab);
    two_charts(
        ui,
        |ui| report_chart_ui(ui, first, documents, shown, scenario),
        |ui| report_chart_ui(ui, second, documents, shown, scenario),
    );
    super::settle_legends(ui);
}

/// How a comparison chart's axis and hover write its measure.
fn axis_values(measure: Measure) -> AxisValues {
    match measure {
        Measure::Caseload => AxisValues::Caseload,
        Measure::Months | Measure::Children => AxisValues::Count,
        Measure::Fte => AxisValues::Fte,
        Measure::Share => AxisValues::Percent,
        Measure::Pounds | Measure::BudgetVariance => AxisValues::Pounds,
    }
}

fn report_chart_ui(
    ui: &mut Ui,
    chart: ReportChart,
    documents: &[Document],
    shown: &[usize],
    scenario: usize,
) {
    chart_title(ui, chart.title(), "each scenario in its own colour");
    if chart.is_yearly() {
        year_bars_ui(ui, documents, shown);
        return;
    }
    let share = chart.measure() == Measure::Share;
    let mut lines = Vec::new();
    for index in shown {
        let Some(document) = documents.get(*index) else {
            continue;
        };
        for series in chart.series(document.projection()) {
            let points = series
                .points
                .iter()
                .map(|point| {
                    [
                        month_x(point.month),
                        if share {
                            point.value * 100.0
                        } else {
                            point.value
                        },
                    ]
                })
                .collect();
            let line = Series::line(
                format!("{}: {}", series.name, document.scenario.name),
                theme::scenario_colour(*index),
                points,
            );
            lines.push(if series.dashed { line.dashed() } else { line });
        }
    }
    // Intervention markers are those of the scenario (B).
    let Some(marker_source) = documents.get(scenario) else {
        return;
    };
    // The published figures of the edited scenario's council, in the reference
    // colour: the scenarios' own colours tell the lines apart.
    let council = marker_source
        .scenario
        .council
        .as_deref()
        .and_then(crate::published::by_code);
    let neutral = Some(theme::reference_colour(ui.visuals()));
    let figures: Vec<(HistoryFigure, Option<egui::Color32>)> = published_figures(chart)
        .iter()
        .map(|figure| (*figure, neutral))
        .collect();
    let published = published_series(council, marker_source.projection(), &figures);
    let id = chart.file_stem();
    lines_chart(
        ui,
        with_history(
            time_plot(
                id,
                chart.y_label(),
                axis_values(chart.measure()),
                "",
                marker_source.projection(),
            )
            // A chart of zeros (no cases above capacity) still shows a scale.
            .include_y(if chart.measure() == Measure::Pounds {
                0.0
            } else {
                10.0
            }),
            marker_source.projection(),
            council,
        ),
        &lines,
        &published,
        marker_source.projection(),
        None,
    );
}

/// The published figures a comparison chart shows beside its lines.
fn published_figures(chart: ReportChart) -> &'static [HistoryFigure] {
    match chart {
        ReportChart::AverageCaseload => &[HistoryFigure::CaseloadPerCaseHolder],
        ReportChart::ChildrenInCare => &[HistoryFigure::ChildrenInCare],
        ReportChart::ChildrenInNeedAndPlans => &[
            HistoryFigure::ChildrenInNeedNet,
            HistoryFigure::ProtectionPlans,
        ],
        ReportChart::AgencyShare => &[HistoryFigure::AgencyRate],
        ReportChart::CasesAboveCapacity
        | ReportChart::StaffInPost
        | ReportChart::MonthlySpend
        | ReportChart::YearlySpend => &[],
    }
}

fn year_bars_ui(ui: &mut Ui, documents: &[Document], shown: &[usize]) {
    let keys: Vec<Key> = shown
        .iter()
        .filter_map(|index| documents.get(*index).map(|document| (index, document)))
        .map(|(index, document)| Key {
            name: format!("{} (solid: spend; pale: funding)", document.scenario.name),
            colour: theme::scenario_colour(*index),
            dashed: false,
            block: true,
            marker: false,
        })
        .collect();
    legend_ui(ui, &keys, false);
    let highest = shown
        .iter()
        .filter_map(|index| documents.get(*index))
        .flat_map(|document| document.projection().years.iter())
        .map(|year| year.spend.total().max(year.funding()))
        .fold(0.0, f64::max);
    let width = 0.8 / shown.len().max(1) as f64;
    // The tallest bar of each year among the scenarios shown.
    let mut year_tops: Vec<(crate::model::FinancialYear, f64)> = Vec::new();
    for year in shown
        .iter()
        .filter_map(|index| documents.get(*index))
        .flat_map(|document| document.projection().years.iter())
    {
        let top = year.spend.total().max(year.funding());
        match year_tops.iter_mut().find(|(start, _)| *start == year.year) {
            Some((_, highest)) => *highest = highest.max(top),
            None => year_tops.push((year.year, top)),
        }
    }
    let text_colour = ui.visuals().text_color();
    let bad = theme::status_colours(ui.visuals()).bad;
    let label_rows = shown.len().saturating_sub(1) as f64;
    super::year_plot("comparison_year_chart", highest * (1.0 + 0.08 * label_rows))
        .height(plot_height(ui))
        .show(ui, |plot_ui| {
            for (slot, index) in shown.iter().enumerate() {
                let Some(document) = documents.get(*index) else {
                    continue;
                };
                let colour = theme::scenario_colour(*index);
                let name = document.scenario.name.clone();
                let offset = -0.4 + width * (slot as f64 + 0.5);
                let spend: Vec<Bar> = document
                    .projection()
                    .years
                    .iter()
                    .map(|year| {
                        Bar::new(
                            f64::from(year.year.0) + offset - width / 4.0,
                            year.spend.total(),
                        )
                        .width(width / 2.0)
                        .fill(colour)
                        .name(format!("{name}, {} spend", year.year.label()))
                    })
                    .collect();
                let funding: Vec<Bar> = document
                    .projection()
                    .years
                    .iter()
                    .map(|year| {
                        Bar::new(
                            f64::from(year.year.0) + offset + width / 4.0,
                            year.funding(),
                        )
                        .width(width / 2.0)
                        .fill(colour.gamma_multiply(0.35))
                        .name(format!("{name}, {} funding", year.year.label()))
                    })
                    .collect();
                let formatter = |bar: &Bar, _: &BarChart| {
                    format!("{}\n{}", bar.name, crate::units::gbp(bar.value))
                };
                plot_ui.bar_chart(
                    BarChart::new("", spend)
                        .color(colour)
                        .element_formatter(Box::new(formatter)),
                );
                plot_ui.bar_chart(
                    BarChart::new("", funding)
                        .color(colour)
                        .element_formatter(Box::new(formatter)),
                );
                for year in &document.projection().years {
                    let over = crate::units::is_over_budget(year.variance);
                    let label = crate::units::budget_variance(year.variance);
                    // One label above another, a scenario a row, so they never overlap.
                    let above = year_tops
                        .iter()
                        .find(|(start, _)| *start == year.year)
                        .map_or(0.0, |(_, top)| *top);
                    plot_ui.text(Text::new(
                        "",
                        PlotPoint::new(
                            f64::from(year.year.0) + offset,
                            above * 1.05 + highest * 0.08 * (shown.len() - 1 - slot) as f64,
                        ),
                        egui::RichText::new(label).strong().color(if over {
                            bad
                        } else {
                            text_colour
                        }),
                    ));
                }
            }
        });
}
