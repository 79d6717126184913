//! Councils > Fit to history…: the demand rates of the open scenario fitted to
//! its council's published years, the inputs before and after with their allowed
//! ranges, the error before and after, a chart of fitted against published, and
//! Apply.

use egui::{ComboBox, Context, DragValue, Grid, RichText, ScrollArea, Ui};
use egui_plot::{HoverPosition, Line, LineStyle, MarkerShape, Plot, Points};

use super::charts::{Key, legend_ui, month_axis_label, month_grid, month_x};
use super::check_history::tall_window_height;
use super::copy_table::copy_button;
use super::theme;
use crate::council_scenario::years_with_data;
use crate::history::{Calibration, FittedSeries, HistoryFigure};
use crate::model::{Month, Scenario};
use crate::published::LICENCE;
use crate::workspace::fit_history::default_years;
use crate::workspace::{Command, FitToHistory};

/// The button that fits.
pub const FIT: &str = "Fit";
/// What the window says when the scenario names no council.
pub const NO_COUNCIL: &str = "This scenario names no council, so there are no published figures \
     to fit it to. Give it its council's code in the editor (Council and horizon > Council (ONS \
     code), like E08000012 for Liverpool), open a council's scenario with File > New from \
     council…, or fit it to your own monthly counts below.";

/// The section for a council's own monthly counts.
pub const COUNTS_HEADING: &str = "Or fit to your council's own monthly counts (CSV)";
/// The button that fits to them.
pub const FIT_TO_COUNTS: &str = "Fit to these counts";
/// The button that sets the fitted values on the scenario.
pub const APPLY: &str = "Apply to the scenario";

pub fn fit_history_window(
    ctx: &Context,
    state: &mut FitToHistory,
    scenario: &Scenario,
    commands: &mut Vec<Command>,
) {
    let mut open = state.open;
    egui::Window::new("Fit to history")
        .open(&mut open)
        // Most of the screen's height: the tables are long.
        .default_size([940.0, tall_window_height(ctx)])
        .show(ctx, |ui| {
            ScrollArea::vertical()
                .id_salt("fit_history_scroll")
                .show(ui, |ui| fit_history_ui(ui, state, scenario, commands));
        });
    state.open = open;
}

fn fit_history_ui(
    ui: &mut Ui,
    state: &mut FitToHistory,
    scenario: &Scenario,
    commands: &mut Vec<Command>,
) {
    ui.label(
        "Sets the demand rates (referral growth, what referrals lead to, how long cases last, \
         how often they step up) so that the projection from the scenario's start best matches \
         what its council published, each kept within its allowed range.",
    );
    match FitToHistory::council(scenario) {
        Some(council) => published_years_ui(ui, state, scenario, council, commands),
        None => {
            ui.label(RichText::new(NO_COUNCIL).strong());
        }
    }
    counts_ui(ui, state, commands);
    if state.is_working() {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Fitting…");
        });
    }
    // Read apart from the result it belongs with, and set after.
    let mut chart = state.chart;
    match state.result() {
        None => {}
        Some(Err(why)) => {
            ui.label(
                RichText::new(format!("Could not fit: {why}"))
                    .color(theme::status_colours(ui.visuals()).bad),
            );
        }
        Some(Ok(calibration)) => {
            let current = state.calibration_for(scenario).is_some();
            // Applied: the scenario is now what Apply made of it (until undone).
            let applied = *scenario == crate::workspace::fit_history::applied(calibration);
            result_ui(ui, calibration, current, applied, &mut chart, commands);
        }
    }
    state.chart = chart;
    ui.label(RichText::new(LICENCE).small().weak());
}

/// The years of the council's published figures to fit to, and Fit.
fn published_years_ui(
    ui: &mut Ui,
    state: &mut FitToHistory,
    scenario: &Scenario,
    council: &crate::published::Council,
    commands: &mut Vec<Command>,
) {
    let years = years_with_data(council);
    let (Some((from, to)), Some(&latest)) = (default_years(council, scenario), years.last()) else {
        ui.label(format!(
            "{} has published nothing after {}, where this scenario starts, to fit it to.",
            council.name,
            scenario.start.label()
        ));
        return;
    };
    ui.horizontal(|ui| {
        let label = ui.label(format!(
            "Fit to {}'s figures for the years ending 31 March",
            council.name
        ));
        let mut first = state.from.unwrap_or(from);
        if ui
            .add(DragValue::new(&mut first).range(from..=latest).speed(0.05))
            .labelled_by(label.id)
            .on_hover_text(format!(
                "The first year the projection from {} reaches is the one ending 31 March {from}.",
                scenario.start.label()
            ))
            .changed()
        {
            state.from = Some(first);
        }
        let label = ui.label("to");
        let mut last = state.to.unwrap_or(to).max(first);
        if ui
            .add(DragValue::new(&mut last).range(first..=latest).speed(0.05))
            .labelled_by(label.id)
            .changed()
        {
            state.to = Some(last);
        }
        if ui
            .add_enabled(!state.is_working(), egui::Button::new(FIT))
            .on_hover_text("Fits on another thread; the window stays in use.")
            .clicked()
        {
            commands.push(Command::StartFit);
        }
    });
}

/// A council with better data fits to its own monthly counts instead.
fn counts_ui(ui: &mut Ui, state: &mut FitToHistory, commands: &mut Vec<Command>) {
    egui::CollapsingHeader::new(COUNTS_HEADING)
        .id_salt("fit_history_counts")
        .show(ui, |ui| {
            ui.label(format!(
                "A CSV file with a month column (2019-04) and any of {}: stocks at the end \
                 of each month, flows in the month. Months from the scenario's start.",
                crate::history::calibrate::monthly::COLUMNS
                    .iter()
                    .map(|(name, _)| *name)
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
            ui.horizontal(|ui| {
                let label = ui.label("Counts file");
                ui.add(
                    egui::TextEdit::singleline(&mut state.counts_file)
                        .hint_text("/path/to/monthly-counts.csv")
                        .desired_width(420.0),
                )
                .labelled_by(label.id);
                let ready = !state.counts_file.trim().is_empty() && !state.is_working();
                if ui
                    .add_enabled(ready, egui::Button::new(FIT_TO_COUNTS))
                    .clicked()
                {
                    commands.push(Command::StartFitToCounts(state.counts_file.trim().into()));
                }
            });
        });
}

fn result_ui(
    ui: &mut Ui,
    calibration: &Calibration,
    current: bool,
    applied: bool,
    chart: &mut Option<HistoryFigure>,
    commands: &mut Vec<Command>,
) {
    ui.separator();
    ui.label(
        RichText::new(format!(
            "Error {:.1}% before the fit, {:.1}% after",
            calibration.error_before_percent, calibration.error_after_percent
        ))
        .size(20.0)
        .strong(),
    )
    .on_hover_text(
        "Root mean square of the relative errors against every published point fitted to.",
    );
    ui.label(format!("Fitted to {}.", calibration.fitted_to));
    ui.horizontal(|ui| {
        if ui
            .add_enabled(current, egui::Button::new(APPLY))
            .on_hover_text("Sets the fitted values and notes the fit in the scenario's notes; Edit > Undo takes it back.")
            .clicked()
        {
            commands.push(Command::ApplyFit);
        }
        if applied {
            ui.label("Applied. Edit > Undo takes it back.");
        } else if !current {
            ui.label("The scenario changed since this fit: fit it again to apply.");
        }
    });
    ui.separator();
    ui.horizontal(|ui| {
        ui.label(RichText::new("Inputs").strong());
        copy_button(ui, "the fitted inputs", || input_rows(calibration));
    });
    Grid::new("fit_history_inputs")
        .striped(true)
        .num_columns(4)
        .show(ui, |ui| {
            let rows = input_rows(calibration);
            let Some((header, body)) = rows.split_first() else {
                return;
            };
            for heading in header {
                ui.strong(heading);
            }
            ui.end_row();
            for (input, cells) in calibration.inputs.iter().zip(body) {
                if let [name, before, after, range] = cells.as_slice() {
                    ui.label(name).on_hover_text(&input.path);
                    ui.label(before);
                    ui.label(RichText::new(after).strong());
                    ui.label(range);
                }
                ui.end_row();
            }
        });
    ui.separator();
    ui.horizontal(|ui| {
        ui.label(RichText::new("Error by figure").strong());
        copy_button(ui, "the errors by figure", || series_rows(calibration));
    });
    Grid::new("fit_history_series")
        .striped(true)
        .num_columns(4)
        .show(ui, |ui| {
            for (index, cells) in series_rows(calibration).iter().enumerate() {
                for cell in cells {
                    if index == 0 {
                        ui.strong(cell);
                    } else {
                        ui.label(cell);
                    }
                }
                ui.end_row();
            }
        });
    ui.separator();
    chart_ui(ui, chart, calibration);
}

/// The fitted inputs as text, a header row first: what "Copy" copies.
pub fn input_rows(calibration: &Calibration) -> Vec<Vec<String>> {
    let mut rows = vec![
        ["Input", "Before", "After", "Allowed range"]
            .map(str::to_owned)
            .to_vec(),
    ];
    rows.extend(calibration.inputs.iter().map(|input| {
        vec![
            input.name.clone(),
            number(input.before),
            number(input.after),
            format!("{} to {}", number(input.lower), number(input.upper)),
        ]
    }));
    rows
}

/// The error of each fitted figure before and after, a header row first: what
/// "Copy" copies.
pub fn series_rows(calibration: &Calibration) -> Vec<Vec<String>> {
    let mut rows = vec![
        ["Figure", "Points", "Before", "After"]
            .map(str::to_owned)
            .to_vec(),
    ];
    rows.extend(calibration.series.iter().map(|series| {
        vec![
            series.figure.label().to_owned(),
            series.points.len().to_string(),
            format!("{:.1}%", series.error_before_percent()),
            format!("{:.1}%", series.error_after_percent()),
        ]
    }));
    rows
}

/// "0.35", "18", "33.1", "1,200": an input's value to two decimals at most.
pub fn number(value: f64) -> String {
    let text = crate::units::thousands(value, 2);
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// One fitted series: published points, the projection before the fit (dashed)
/// and after it, at each published date.
fn chart_ui(ui: &mut Ui, chart: &mut Option<HistoryFigure>, calibration: &Calibration) {
    let figures: Vec<HistoryFigure> = calibration
        .series
        .iter()
        .map(|series| series.figure)
        .collect();
    let Some(&first) = figures.first() else {
        return;
    };
    let chosen = chart
        .filter(|figure| figures.contains(figure))
        .unwrap_or_else(|| {
            if figures.contains(&HistoryFigure::ChildrenInCare) {
                HistoryFigure::ChildrenInCare
            } else {
                first
            }
        });
    ui.horizontal(|ui| {
        let label = ui.label("Chart shows");
        ComboBox::from_id_salt("fit_history_chart_figure")
            .selected_text(chosen.label())
            .show_ui(ui, |ui| {
                for figure in &figures {
                    if ui
                        .selectable_label(*figure == chosen, figure.label())
                        .clicked()
                    {
                        *chart = Some(*figure);
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });
    let Some(series) = calibration
        .series
        .iter()
        .find(|series| series.figure == chosen)
    else {
        return;
    };
    series_chart(ui, series);
}

fn series_chart(ui: &mut Ui, series: &FittedSeries) {
    let figure = series.figure;
    let [after_colour, before_colour] = [theme::series_colour(0), theme::series_colour(4)];
    let at = |value: fn(&crate::history::FittedPoint) -> f64| -> Vec<[f64; 2]> {
        series
            .points
            .iter()
            .map(|point| [month_x(point.month), value(point)])
            .collect()
    };
    let keys = [
        Key {
            name: "After the fit".to_owned(),
            colour: after_colour,
            dashed: false,
            block: false,
            marker: false,
        },
        Key {
            name: "Before the fit".to_owned(),
            colour: before_colour,
            dashed: true,
            block: false,
            marker: false,
        },
        Key {
            name: "published".to_owned(),
            colour: ui.visuals().strong_text_color(),
            dashed: false,
            block: false,
            marker: true,
        },
    ];
    legend_ui(ui, &keys, false);
    let unit = figure.unit();
    Plot::new("fit_history_chart")
        .height(240.0)
        .x_axis_label("Month")
        .y_axis_label(format!("{} ({unit})", figure.short_label()))
        .x_axis_formatter(|mark, _| month_axis_label(mark))
        .x_grid_spacer(month_grid)
        .y_axis_formatter(move |mark, _| figure.format(mark.value))
        .y_axis_min_width(56.0)
        .include_y(0.0)
        .allow_scroll(false)
        .label_formatter(move |hover: &HoverPosition<'_>| match hover {
            HoverPosition::NearDataPoint {
                plot_name,
                position,
                ..
            } => Some(format!(
                "{plot_name}\n{}: {} {unit}",
                Month::from_index(position.x.round() as i32).map_or_else(String::new, Month::label),
                figure.format(position.y)
            )),
            HoverPosition::Elsewhere { .. } => None,
        })
        .show(ui, |plot_ui| {
            plot_ui.line(
                Line::new("Before the fit", at(|point| point.before))
                    .color(before_colour)
                    .style(LineStyle::dashed_dense())
                    .width(2.0),
            );
            plot_ui.line(
                Line::new("After the fit", at(|point| point.after))
                    .color(after_colour)
                    .width(2.5),
            );
            plot_ui.points(
                Points::new("published", at(|point| point.published))
                    .shape(MarkerShape::Circle)
                    .radius(5.0)
                    .filled(true)
                    .color(plot_ui.ctx().global_style().visuals.strong_text_color()),
            );
        });
}
