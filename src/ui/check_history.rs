//! Councils > Check against history: how well the model would have predicted the
//! open scenario's council from a past year, beside two rules of thumb, in a
//! sentence, a chart of children in care and tables by figure, year and horizon.

use egui::{Color32, ComboBox, Context, Grid, RichText, ScrollArea, Ui};
use egui_plot::{HoverPosition, Line, LineStyle, MarkerShape, Plot, Points};

use super::charts::{Key, legend_ui};
use super::copy_table::copy_button;
use super::theme;
use crate::history::{Backtest, HistoryFigure, Point, Rule};
use crate::published::{self, Council, LICENCE};
use crate::workspace::CheckHistory;
use crate::workspace::check_history::start_years;

/// What the model's columns and line are called, beside the rules'.
const MODEL: &str = "Model";

/// What the window says when the scenario names no council.
pub const NO_COUNCIL: &str = "This scenario names no council, so there is nothing published to \
     check it against. Open a council's scenario with File > New from council…, or give this one \
     its council's code in the editor (Council and horizon > Council (ONS code), like E08000012 \
     for Liverpool), which is the `council` field of the file.";

/// The heading of the line about the open scenario itself.
pub const AS_WRITTEN: &str = "This scenario as written";

/// A window's first height: most of the screen, leaving the menu and the status
/// bar in sight.
pub fn tall_window_height(ctx: &Context) -> f32 {
    (ctx.content_rect().height() - 120.0).clamp(400.0, 900.0)
}

pub fn check_history_window(ctx: &Context, state: &mut CheckHistory) {
    let mut open = state.open;
    egui::Window::new("Check against history")
        .open(&mut open)
        // Most of the screen's height: the tables are long.
        .default_size([980.0, tall_window_height(ctx)])
        .show(ctx, |ui| {
            // Everything scrolls together, so nothing is cut off on a 720-pixel screen.
            ScrollArea::vertical()
                .id_salt("check_history_scroll")
                .show(ui, |ui| check_history_ui(ui, state));
        });
    state.open = open;
}

fn check_history_ui(ui: &mut Ui, state: &mut CheckHistory) {
    if let Some(problem) = published::load_problem() {
        ui.label(format!(
            "The published figures could not be read: {problem}"
        ));
        return;
    }
    let Some(code) = state.council_code().map(str::to_owned) else {
        ui.label(NO_COUNCIL);
        return;
    };
    let Some(council) = state.council() else {
        ui.label(format!(
            "No council has the code {code} in the published figures, so there is nothing to \
             check this scenario against. Correct the council code in the editor (Council and \
             horizon), or open a council's scenario with File > New from council…."
        ));
        return;
    };
    let years = start_years(council);
    if years.is_empty() {
        ui.label(format!(
            "{} has not published children in care, in need and referrals for three years in a \
             row with a later year to check against, so it cannot be backtested.",
            council.name
        ));
        return;
    }
    match state.backtest() {
        Some(Ok(backtest)) => {
            let sentence = backtest.sentence().unwrap_or_else(|| {
                format!(
                    "Started in {}, there is no published number of children in care to check \
                     against yet.",
                    backtest.start_year
                )
            });
            ui.label(RichText::new(sentence).size(20.0).strong());
        }
        Some(Err(why)) => {
            ui.label(format!("{} could not be backtested: {why}", council.name));
        }
        // Worked out at the end of the frame.
        None => {
            ui.spinner();
        }
    }
    as_written_ui(ui, state.as_written());
    ui.add_space(6.0);
    start_year_ui(ui, state, council, &years);
    ui.label(
        RichText::new(format!(
            "{}'s scenario is built from the figures published up to 31 March of the start year \
             (as File > New from council… does) and projected with no interventions. \
             No change: the last published figure held. 3-year trend: the straight line through \
             the last three published years. Errors are against what was published; the closest \
             of the three is green.",
            council.name
        ))
        .weak(),
    );
    let Some(Ok(backtest)) = state.backtest() else {
        return;
    };
    let as_written = state.as_written().and_then(|result| result.as_ref().ok());
    ui.separator();
    chart_ui(ui, council, backtest, as_written);
    ui.separator();
    ui.horizontal(|ui| {
        ui.label(RichText::new("Mean absolute error by years ahead").strong());
        copy_button(ui, "the errors by years ahead", || horizon_rows(backtest));
    });
    horizons_ui(ui, backtest);
    ui.separator();
    ui.horizontal(|ui| {
        ui.label(RichText::new("Year by year").strong());
        copy_button(ui, "the figures year by year", || point_rows(backtest));
    });
    points_ui(ui, backtest);
    ui.label(RichText::new(LICENCE).small().weak());
}

/// "This scenario as written: …", when the open scenario reaches a published date.
fn as_written_ui(ui: &mut Ui, as_written: Option<&Result<Backtest, String>>) {
    let text = match as_written {
        Some(Ok(backtest)) if !backtest.points.is_empty() => {
            let sentence = backtest
                .sentence()
                .unwrap_or_else(|| "it reaches no published count of children in care.".to_owned());
            format!(
                "{AS_WRITTEN} (\"{}\", with its interventions): {}",
                backtest.scenario_name,
                lower_first(&sentence)
            )
        }
        Some(Ok(_)) => format!(
            "{AS_WRITTEN}: it ends before anything was published after its start, so there is \
             nothing to check it against yet."
        ),
        Some(Err(why)) => format!("{AS_WRITTEN}: {why}"),
        None => return,
    };
    ui.label(RichText::new(text).size(15.0));
}

/// "started in 2019, …" from "Started in 2019, …".
fn lower_first(sentence: &str) -> String {
    let mut chars = sentence.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(chars).collect()
    })
}

fn start_year_ui(ui: &mut Ui, state: &mut CheckHistory, council: &Council, years: &[i32]) {
    ui.horizontal(|ui| {
        let label = ui.label(format!(
            "Start {} from the figures published for 31 March",
            council.name
        ));
        let chosen = state.chosen_start();
        ComboBox::from_id_salt("check_history_start")
            .selected_text(chosen.map_or_else(String::new, |year| year.to_string()))
            .show_ui(ui, |ui| {
                for year in years {
                    if ui
                        .selectable_label(chosen == Some(*year), year.to_string())
                        .clicked()
                    {
                        state.start_year = Some(*year);
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });
}

/// The colours of the model, the rules and the scenario as written on the chart.
fn estimate_colours(ui: &Ui) -> [Color32; 4] {
    [
        theme::series_colour(0),
        theme::reference_colour(ui.visuals()),
        theme::series_colour(4),
        theme::series_colour(2),
    ]
}

/// Children in care at each 31 March: published points, the model's projection
/// from the start, the two rules as dashed lines, and the scenario as written.
fn chart_ui(ui: &mut Ui, council: &Council, backtest: &Backtest, as_written: Option<&Backtest>) {
    let figure = HistoryFigure::ChildrenInCare;
    let series = figure.published_series(council);
    let start = figure.known_until(backtest.start_year);
    let Some(&(_, at_start)) = series.iter().find(|(year, _)| *year == start) else {
        return;
    };
    let points: Vec<&Point> = backtest
        .points
        .iter()
        .filter(|point| point.figure == figure)
        .collect();
    let last = points.last().map_or(start, |point| point.year);
    let [model_colour, no_change_colour, trend_colour, written_colour] = estimate_colours(ui);
    let model: Vec<[f64; 2]> = std::iter::once([f64::from(start), at_start])
        .chain(
            points
                .iter()
                .map(|point| [f64::from(point.year), point.model]),
        )
        .collect();
    let rule_line = |rule: Rule, from: i32| -> Vec<[f64; 2]> {
        (from..=last)
            .filter_map(|year| Some([f64::from(year), rule.forecast(&series, start, year)?]))
            .collect()
    };
    // The trend is drawn through the three years it is fitted to.
    let no_change = rule_line(Rule::NoChange, start);
    let trend = rule_line(Rule::ThreeYearTrend, start - 2);
    let written: Vec<[f64; 2]> = as_written
        .map(|backtest| {
            backtest
                .points
                .iter()
                .filter(|point| point.figure == figure)
                .map(|point| [f64::from(point.year), point.model])
                .collect()
        })
        .unwrap_or_default();
    let published: Vec<[f64; 2]> = series
        .iter()
        .filter(|(year, _)| *year >= start - 5 && *year <= last.max(start + 1))
        .map(|(year, value)| [f64::from(*year), *value])
        .collect();
    ui.label(RichText::new("Children in care at 31 March").strong());
    let mut keys = vec![
        (format!("{MODEL} (from {start})"), model_colour, false),
        (Rule::NoChange.label().to_owned(), no_change_colour, true),
        (
            format!(
                "{} (fitted to {}-{start})",
                Rule::ThreeYearTrend.label(),
                start - 2
            ),
            trend_colour,
            true,
        ),
    ];
    if !written.is_empty() {
        keys.push((AS_WRITTEN.to_owned(), written_colour, false));
    }
    let mut legend: Vec<Key> = keys
        .iter()
        .map(|(name, colour, dashed)| Key {
            name: name.clone(),
            colour: *colour,
            dashed: *dashed,
            block: false,
            marker: false,
        })
        .collect();
    legend.push(Key {
        name: "published".to_owned(),
        colour: ui.visuals().strong_text_color(),
        dashed: false,
        block: false,
        marker: true,
    });
    legend_ui(ui, &legend, false);
    Plot::new("check_history_chart")
        .height(260.0)
        .x_axis_label("Year (31 March)")
        .y_axis_label("Children in care")
        .x_axis_formatter(|mark, _| {
            if (mark.value - mark.value.round()).abs() < 1e-6 {
                format!("{:.0}", mark.value)
            } else {
                String::new()
            }
        })
        .x_grid_spacer(egui_plot::uniform_grid_spacer(|_| [1.0, 1.0, 1.0]))
        .y_axis_formatter(|mark, _| crate::units::thousands(mark.value, 0))
        .y_axis_min_width(56.0)
        .include_y(0.0)
        .allow_scroll(false)
        .label_formatter(|hover: &HoverPosition<'_>| match hover {
            HoverPosition::NearDataPoint {
                plot_name,
                position,
                ..
            } => Some(format!(
                "{plot_name}\n31 March {:.0}: {} children in care",
                position.x.round(),
                crate::units::thousands(position.y, 0)
            )),
            HoverPosition::Elsewhere { .. } => None,
        })
        .show(ui, |plot_ui| {
            let [(model_name, ..), (no_change_name, ..), (trend_name, ..), ..] = keys.as_slice()
            else {
                return;
            };
            plot_ui.line(
                Line::new(no_change_name.clone(), no_change)
                    .color(no_change_colour)
                    .style(LineStyle::dashed_dense())
                    .width(2.0),
            );
            plot_ui.line(
                Line::new(trend_name.clone(), trend)
                    .color(trend_colour)
                    .style(LineStyle::dashed_dense())
                    .width(2.0),
            );
            if !written.is_empty() {
                plot_ui.line(
                    Line::new(AS_WRITTEN, written)
                        .color(written_colour)
                        .width(2.0),
                );
            }
            plot_ui.line(
                Line::new(model_name.clone(), model)
                    .color(model_colour)
                    .width(2.5),
            );
            plot_ui.points(
                Points::new("published", published)
                    .shape(MarkerShape::Circle)
                    .radius(5.0)
                    .filled(true)
                    .color(plot_ui.ctx().global_style().visuals.strong_text_color()),
            );
        });
}

/// An error in percent with its sign ("+6.2%", "-3.0%"), or "n/a".
fn error_text(error: Option<f64>) -> String {
    error.map_or_else(|| "n/a".to_owned(), |error| format!("{:+.1}%", error))
}

/// The estimates of the model and each rule with their errors, the closest to the published figure in
/// green and the others in red.
fn error_cells(ui: &mut Ui, errors: [Option<f64>; 3], values: [String; 3]) {
    let colours = theme::status_colours(ui.visuals());
    let best = errors
        .iter()
        .filter_map(|error| error.map(f64::abs))
        .fold(f64::INFINITY, f64::min);
    for (index, error) in errors.iter().enumerate() {
        ui.label(&values[index]);
        let text = RichText::new(error_text(*error));
        match error {
            Some(error) if (error.abs() - best).abs() < 1e-9 => {
                ui.label(text.color(colours.good).strong())
                    .on_hover_text("The closest to the published figure");
            }
            Some(_) => {
                ui.label(text.color(colours.bad));
            }
            None => {
                ui.label(text.weak())
                    .on_hover_text("The rule lacks the years it needs");
            }
        }
    }
}

/// Years ahead the summary shows; further ones rest on few points and are in
/// the table year by year.
const SUMMARY_HORIZONS: i32 = 3;

/// The errors by years ahead as text, a header row first ("1 year ahead: Model"):
/// what "Copy" copies, formatted as the grid shows it.
pub fn horizon_rows(backtest: &Backtest) -> Vec<Vec<String>> {
    let table = backtest.horizon_errors();
    let estimates = [MODEL, Rule::NoChange.label(), Rule::ThreeYearTrend.label()];
    let mut header = vec!["Figure".to_owned()];
    for horizon in 1..=SUMMARY_HORIZONS {
        let ahead = match horizon {
            1 => "1 year ahead".to_owned(),
            _ => format!("{horizon} years ahead"),
        };
        header.extend(estimates.iter().map(|name| format!("{ahead}: {name}")));
    }
    let mut rows = vec![header];
    for figure in HistoryFigure::JUDGED {
        if !table.iter().any(|row| row.figure == figure) {
            continue;
        }
        let mut cells = vec![figure.short_label().to_owned()];
        for horizon in 1..=SUMMARY_HORIZONS {
            match table
                .iter()
                .find(|row| row.figure == figure && row.horizon == horizon)
            {
                Some(row) => cells.extend(
                    [row.model, row.rules[0], row.rules[1]]
                        .iter()
                        .map(|error| format!("{error:.1}%")),
                ),
                None => cells.extend(estimates.iter().map(|_| "n/a".to_owned())),
            }
        }
        rows.push(cells);
    }
    rows
}

/// Every figure year by year as text, a header row first, each row naming its
/// figure: what "Copy" copies.
pub fn point_rows(backtest: &Backtest) -> Vec<Vec<String>> {
    let mut header = vec![
        "Figure".to_owned(),
        "Date".to_owned(),
        "Published".to_owned(),
    ];
    for name in [MODEL, Rule::NoChange.label(), Rule::ThreeYearTrend.label()] {
        header.push(name.to_owned());
        header.push(format!("{name} error"));
    }
    let mut rows = vec![header];
    for point in &backtest.points {
        let figure = point.figure;
        let shown = |value: Option<f64>| {
            value.map_or_else(|| "n/a".to_owned(), |value| figure.format(value))
        };
        rows.push(vec![
            figure.label().to_owned(),
            figure.date_label(point.year),
            figure.format(point.published),
            figure.format(point.model),
            error_text(point.model_error()),
            shown(point.rule(Rule::NoChange)),
            error_text(point.rule_error(Rule::NoChange)),
            shown(point.rule(Rule::ThreeYearTrend)),
            error_text(point.rule_error(Rule::ThreeYearTrend)),
        ]);
    }
    rows
}

/// Mean absolute error per figure (rows) and years ahead (columns), of the
/// model and each rule, the smallest of the three in green.
fn horizons_ui(ui: &mut Ui, backtest: &Backtest) {
    let table = backtest.horizon_errors();
    if table.is_empty() {
        ui.label("Nothing published after the start to judge.");
        return;
    }
    let colours = theme::status_colours(ui.visuals());
    let estimates = [MODEL, Rule::NoChange.label(), Rule::ThreeYearTrend.label()];
    Grid::new("check_history_horizons")
        .striped(true)
        .num_columns(1 + 3 * SUMMARY_HORIZONS as usize)
        .show(ui, |ui| {
            ui.label("");
            for horizon in 1..=SUMMARY_HORIZONS {
                ui.strong(match horizon {
                    1 => "1 year ahead".to_owned(),
                    _ => format!("{horizon} years ahead"),
                });
                ui.label("");
                ui.label("");
            }
            ui.end_row();
            ui.strong("Figure");
            for _ in 1..=SUMMARY_HORIZONS {
                for name in estimates {
                    ui.strong(name);
                }
            }
            ui.end_row();
            for figure in HistoryFigure::JUDGED {
                if !table.iter().any(|row| row.figure == figure) {
                    continue;
                }
                ui.label(figure.short_label()).on_hover_text(figure.label());
                for horizon in 1..=SUMMARY_HORIZONS {
                    let Some(row) = table
                        .iter()
                        .find(|row| row.figure == figure && row.horizon == horizon)
                    else {
                        for _ in estimates {
                            ui.weak("n/a");
                        }
                        continue;
                    };
                    let errors = [row.model, row.rules[0], row.rules[1]];
                    let best = errors.iter().copied().fold(f64::INFINITY, f64::min);
                    for (error, name) in errors.into_iter().zip(estimates) {
                        // Mean absolute errors have no sign.
                        let text = RichText::new(format!("{error:.1}%"));
                        let hover = format!(
                            "{name}, {}, {horizon} year(s) ahead: {error:.1}% from the \
                             published figure on average ({} point(s))",
                            figure.label(),
                            row.points
                        );
                        if (error - best).abs() < 1e-9 {
                            ui.label(text.color(colours.good).strong())
                                .on_hover_text(hover);
                        } else {
                            ui.label(text.color(colours.bad)).on_hover_text(hover);
                        }
                    }
                }
                ui.end_row();
            }
        });
    if table.iter().any(|row| row.horizon > SUMMARY_HORIZONS) {
        ui.weak("Further years ahead are in the table year by year below.");
    }
}

/// Every figure year by year: published, then the model and each rule with its
/// error.
fn points_ui(ui: &mut Ui, backtest: &Backtest) {
    ScrollArea::horizontal()
        .id_salt("check_history_points_scroll")
        .show(ui, |ui| {
            Grid::new("check_history_points")
                .striped(true)
                .num_columns(9)
                .show(ui, |ui| {
                    ui.strong("Figure");
                    ui.strong("Date");
                    ui.strong("Published");
                    for name in [MODEL, Rule::NoChange.label(), Rule::ThreeYearTrend.label()] {
                        ui.strong(name);
                        ui.strong("error");
                    }
                    ui.end_row();
                    let mut previous = None;
                    for point in &backtest.points {
                        let figure = point.figure;
                        if previous != Some(figure) {
                            ui.label(RichText::new(figure.label()).strong())
                                .on_hover_text(format!("In {}", figure.unit()));
                        } else {
                            ui.label("");
                        }
                        previous = Some(figure);
                        ui.label(figure.date_label(point.year));
                        ui.label(figure.format(point.published));
                        let shown = |value: Option<f64>| {
                            value.map_or_else(|| "n/a".to_owned(), |value| figure.format(value))
                        };
                        let values = [
                            figure.format(point.model),
                            shown(point.rule(Rule::NoChange)),
                            shown(point.rule(Rule::ThreeYearTrend)),
                        ];
                        let errors = [
                            point.model_error(),
                            point.rule_error(Rule::NoChange),
                            point.rule_error(Rule::ThreeYearTrend),
                        ];
                        error_cells(ui, errors, values);
                        ui.end_row();
                    }
                });
        });
}
