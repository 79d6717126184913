//! Councils > How we compare: a council beside its ten statistical neighbours and
//! England, as ranked bars for one figure and a table of them all, the council
//! highlighted and every figure's year and source on hover.

use egui::{ComboBox, Context, DragValue, Grid, RichText, ScrollArea, TextEdit, Ui};
use egui_plot::{AxisHints, Bar, BarChart, Plot};

use super::copy_table::copy_button;
use super::council_search::council_matches_ui;
use super::theme;
use crate::published::neighbours::{Indicator, NeighbourComparison, compare_with_neighbours};
use crate::published::{self, Council, LICENCE};
use crate::workspace::HowWeCompare;

/// Height of each council's bar and its name, in points.
const BAR_HEIGHT: f32 = 22.0;

/// How the council's own row is named in the table and on the bars.
pub fn this_council(name: &str) -> String {
    format!("{name} (this council)")
}

pub fn how_we_compare_window(ctx: &Context, state: &mut HowWeCompare) {
    let mut open = state.open;
    egui::Window::new("How we compare")
        .open(&mut open)
        .default_size([1000.0, 600.0])
        .show(ctx, |ui| {
            // Everything scrolls together, so nothing is cut off on a 720-pixel screen.
            ScrollArea::vertical()
                .id_salt("how_we_compare_scroll")
                .show(ui, |ui| how_we_compare_ui(ui, state));
        });
    state.open = open;
}

fn how_we_compare_ui(ui: &mut Ui, state: &mut HowWeCompare) {
    if let Some(problem) = published::load_problem() {
        ui.label(format!(
            "The published figures could not be read: {problem}"
        ));
        return;
    }
    council_search_ui(ui, state);
    let Some(council) = state.council.as_deref().and_then(published::by_code) else {
        ui.label("Type part of a council's name or code, then choose it.");
        return;
    };
    let years: Vec<i32> = council
        .years
        .iter()
        .filter(|year| year.has_core_figures())
        .map(|year| year.year)
        .collect();
    let (Some(&first), Some(&last)) = (years.first(), years.last()) else {
        ui.label(format!("{} has no published figures.", council.name));
        return;
    };
    ui.horizontal(|ui| {
        let label = ui.label("Year ending 31 March");
        let mut year = state.year.unwrap_or(last);
        if ui
            .add(DragValue::new(&mut year).range(first..=last).speed(0.05))
            .labelled_by(label.id)
            .changed()
        {
            state.year = Some(year);
        }
        let label = ui.label("Bars show");
        ComboBox::from_id_salt("how_we_compare_indicator")
            .selected_text(state.indicator.label())
            .show_ui(ui, |ui| {
                for indicator in Indicator::ALL {
                    ui.selectable_value(&mut state.indicator, indicator, indicator.label());
                }
            })
            .response
            .labelled_by(label.id);
    });
    match compare_with_neighbours(council, state.year.or(Some(last))) {
        Ok(comparison) => {
            ranked_bars_ui(ui, &comparison, state.indicator);
            ui.separator();
            table_ui(ui, &comparison);
        }
        Err(message) => {
            ui.label(message);
        }
    }
    ui.label(RichText::new(LICENCE).small().weak());
}

/// The search box and, while what is typed is not a chosen council, the councils
/// it matches.
fn council_search_ui(ui: &mut Ui, state: &mut HowWeCompare) {
    ui.horizontal(|ui| {
        let label = ui.label("Find a council");
        ui.add(TextEdit::singleline(&mut state.search).hint_text("name or ONS code"))
            .labelled_by(label.id);
        if let Some(council) = state.council.as_deref().and_then(published::by_code) {
            ui.label(RichText::new(format!("{}, {}", council.code, council.region)).weak());
        }
    });
    if let Some(code) = council_matches_ui(ui, &state.search, state.council.as_deref()) {
        state.choose(&code);
    }
}

/// The name a row is shown with.
fn row_name(council: &Council, is_subject: bool) -> String {
    if is_subject {
        this_council(&council.name)
    } else {
        council.name.clone()
    }
}

/// One figure for the council, its neighbours and England, highest at the top; the
/// council in its own colour, England in the reference colour.
fn ranked_bars_ui(ui: &mut Ui, comparison: &NeighbourComparison<'_>, indicator: Indicator) {
    let ranked = comparison.ranked(indicator);
    let visuals = ui.visuals().clone();
    let names: Vec<String> = ranked
        .iter()
        .map(|(row, _)| row_name(row.council, row.is_subject))
        .collect();
    let count = ranked.len();
    let mut neighbours = Vec::new();
    let mut subject = Vec::new();
    let mut england = Vec::new();
    for (position, (row, value)) in ranked.iter().enumerate() {
        let Some(value) = value else { continue };
        // The highest at the top: the first bar sits at the largest position.
        let bar = Bar::new((count - position) as f64, *value)
            .width(0.7)
            .name(format!("{}: {}", names[position], indicator.shown(*value)));
        if row.is_subject {
            subject.push(bar);
        } else if row.is_england {
            england.push(bar);
        } else {
            neighbours.push(bar);
        }
    }
    let axis_names = names.clone();
    let source = indicator.source(indicator.year_for(comparison.year));
    ui.label(RichText::new(indicator.label()).strong())
        .on_hover_text(&source);
    ui.label(RichText::new(format!("Source: {source}")).small().weak());
    Plot::new("how_we_compare_bars")
        .height(BAR_HEIGHT * count as f32 + 40.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .show_grid([true, false])
        .include_x(0.0)
        // Every bar named on the axis: egui_plot leaves out labels closer than 20
        // points, which would leave the bars nameless.
        .custom_y_axes(vec![
            AxisHints::new_y()
                .min_thickness(190.0)
                .label_spacing(BAR_HEIGHT * 0.5..=BAR_HEIGHT * 0.6)
                .formatter(move |mark, _| {
                    let position = mark.value.round();
                    if (mark.value - position).abs() > 1e-6 || position < 1.0 {
                        return String::new();
                    }
                    axis_names
                        .get(count - position as usize)
                        .cloned()
                        .unwrap_or_default()
                }),
        ])
        .y_grid_spacer(egui_plot::uniform_grid_spacer(|_| [1.0, 1.0, 1.0]))
        .show(ui, |plot_ui| {
            let formatter = |bar: &Bar, _: &BarChart| bar.name.clone();
            plot_ui.bar_chart(
                BarChart::new("Statistical neighbours", neighbours)
                    .horizontal()
                    .color(theme::series_colour(0))
                    .element_formatter(Box::new(formatter)),
            );
            plot_ui.bar_chart(
                BarChart::new("England", england)
                    .horizontal()
                    .color(theme::reference_colour(&visuals))
                    .element_formatter(Box::new(formatter)),
            );
            plot_ui.bar_chart(
                BarChart::new("This council", subject)
                    .horizontal()
                    .color(theme::series_colour(1))
                    .element_formatter(Box::new(formatter)),
            );
        });
}

/// The table as text, a header row first: what the grid shows and "Copy" copies.
pub fn table_rows(comparison: &NeighbourComparison<'_>) -> Vec<Vec<String>> {
    let mut header = vec!["Council".to_owned(), "Ofsted".to_owned()];
    header.extend(
        Indicator::ALL
            .iter()
            .map(|indicator| indicator.heading().to_owned()),
    );
    let mut rows = vec![header];
    for row in &comparison.rows {
        let mut cells = vec![
            row_name(row.council, row.is_subject),
            row.council.ofsted.as_ref().map_or_else(
                || String::from(if row.is_england { "" } else { "not published" }),
                |ofsted| ofsted.overall.clone(),
            ),
        ];
        cells.extend(
            Indicator::ALL
                .iter()
                .zip(&row.values)
                .map(|(indicator, value)| {
                    value.map_or_else(|| "n/a".to_owned(), |value| indicator.shown(value))
                }),
        );
        rows.push(cells);
    }
    rows
}

/// Every figure for every row, the council's row highlighted; each heading's
/// hover gives what the figure is and where it comes from.
fn table_ui(ui: &mut Ui, comparison: &NeighbourComparison<'_>) {
    let highlight = theme::series_colour(1);
    let rows = table_rows(comparison);
    copy_button(ui, "the table of councils", || rows.clone());
    ScrollArea::horizontal()
        .id_salt("how_we_compare_table")
        .show(ui, |ui| {
            Grid::new("how_we_compare_grid")
                .striped(true)
                .num_columns(Indicator::ALL.len() + 2)
                .show(ui, |ui| {
                    let Some((header, body)) = rows.split_first() else {
                        return;
                    };
                    for (column, heading) in header.iter().enumerate() {
                        let hover = match column {
                            0 => None,
                            1 => Some(
                                "Ofsted's latest judgement of children's services at 31 March 2025."
                                    .to_owned(),
                            ),
                            _ => Indicator::ALL.get(column - 2).map(|indicator| {
                                format!(
                                    "{}\n{}",
                                    indicator.label(),
                                    indicator.source(indicator.year_for(comparison.year))
                                )
                            }),
                        };
                        let label = ui.strong(heading);
                        if let Some(hover) = hover {
                            label.on_hover_text(hover);
                        }
                    }
                    ui.end_row();
                    for (row, cells) in comparison.rows.iter().zip(body) {
                        for (column, cell) in cells.iter().enumerate() {
                            let text = RichText::new(cell);
                            let label = ui.label(if row.is_subject {
                                text.strong().color(highlight)
                            } else {
                                text
                            });
                            if let Some(indicator) =
                                column.checked_sub(2).and_then(|at| Indicator::ALL.get(at))
                            {
                                label.on_hover_text(format!(
                                    "{}, {}: {}",
                                    row.council.name,
                                    indicator.label(),
                                    indicator.source(indicator.year_for(comparison.year))
                                ));
                            }
                        }
                        ui.end_row();
                    }
                });
        });
    ui.label(
        RichText::new("n/a: not published (suppressed, or a joint return).")
            .small()
            .weak(),
    );
}
