//! Comparing scenarios in the window: which two are compared (chosen, kept, and
//! swapped only by "Swap"), the decision card, the table of figures over the
//! whole period and by financial year (B minus A), and the inputs that differ.

use egui::{CollapsingHeader, Grid, RichText, ScrollArea, Ui};

use super::copy_table::copy_button;
use super::decision_card::{decision_card_ui, verdict_colour};
use super::{accessible_label, theme};
use crate::compare::{ComparisonTable, DecisionSummary, difference_text, input_differences};
use crate::workspace::{Command, ComparisonChoice, Document};

/// Names longer than this are shortened, with the full name on hover.
const SHORT_NAME_CHARS: usize = 32;

/// What is being compared this frame.
pub struct Comparing {
    /// The tabs overlaid on the charts.
    pub shown: Vec<usize>,
    pub baseline: usize,
    pub scenario: usize,
}

/// A long name shortened with an ellipsis: "Wakefield 2018: recruit and reta…".
pub fn short_name(name: &str) -> String {
    if name.chars().count() <= SHORT_NAME_CHARS {
        name.to_owned()
    } else {
        let kept: String = name.chars().take(SHORT_NAME_CHARS - 1).collect();
        format!("{}…", kept.trim_end())
    }
}

/// The comparison controls and the decision card. Returns what is compared when
/// comparing, `None` otherwise.
pub fn comparison_ui(
    ui: &mut Ui,
    choice: &mut ComparisonChoice,
    documents: &[Document],
    active: usize,
) -> Option<Comparing> {
    let count = documents.len();
    choice.hidden.resize(count, false);
    ui.horizontal_wrapped(|ui| {
        ui.add_enabled_ui(count > 1, |ui| {
            ui.checkbox(&mut choice.enabled, "Compare scenarios")
                .on_hover_text("Set a scenario (B) against a baseline (A), in words, figures and on every chart.")
                .on_disabled_hover_text("Open or duplicate a second scenario to compare.");
        });
        if count < 2 {
            ui.weak("Open or duplicate a second scenario to compare it with this one.");
        }
    });
    if !choice.enabled || count < 2 {
        return None;
    }
    let names: Vec<&str> = documents
        .iter()
        .map(|document| document.scenario.name.as_str())
        .collect();
    let (baseline, scenario) = choice.settle(&names, active)?;
    ui.horizontal_wrapped(|ui| {
        if let Some(index) = pick_ui(ui, "Baseline (A):", "baseline", &names, baseline) {
            choice.choose_baseline(&names, active, index);
        }
        if let Some(index) = pick_ui(ui, "Scenario (B):", "scenario", &names, scenario) {
            choice.choose_scenario(&names, active, index);
        }
        if ui
            .button("Swap")
            .on_hover_text("Make B the baseline and A the scenario")
            .clicked()
        {
            choice.swap(&names, active);
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label("On the charts:");
        for (index, name) in names.iter().enumerate() {
            let mut shown = !choice.hidden[index];
            let colour = theme::scenario_colour(index);
            let toggle = ui
                .checkbox(&mut shown, RichText::new(short_name(name)).color(colour))
                .on_hover_text(*name);
            accessible_label(&toggle, format!("Show {name} on the charts"));
            choice.hidden[index] = !shown;
        }
    });
    // A pick may have changed the pair this frame.
    let (baseline, scenario) = choice.pair(&names, active)?;
    let (a, b) = (&documents[baseline], &documents[scenario]);
    let card = DecisionSummary::new(
        a.projection(),
        b.projection(),
        &a.scenario.name,
        &b.scenario.name,
    );
    decision_card_ui(ui, &card);
    Some(Comparing {
        shown: choice.shown(active, count),
        baseline,
        scenario,
    })
}

/// Below the card and the headline: the table of figures (whole period and by
/// financial year) and the inputs that differ.
pub fn comparison_details_ui(
    ui: &mut Ui,
    documents: &[Document],
    comparing: &Comparing,
    commands: &mut Vec<Command>,
) {
    let (Some(a), Some(b)) = (
        documents.get(comparing.baseline),
        documents.get(comparing.scenario),
    ) else {
        return;
    };
    let table = ComparisonTable::new(a.projection(), b.projection());
    CollapsingHeader::new(RichText::new("Figures by financial year: B minus A").strong())
        .default_open(true)
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                copy_button(ui, "the comparison table", || {
                    table_rows(&table, &a.scenario.name, &b.scenario.name)
                });
                if ui.button("Export this table as CSV…").clicked() {
                    commands.push(Command::ExportComparisonCsv);
                }
                if ui.button("Export summary report (HTML)…").clicked() {
                    commands.push(Command::ExportReport);
                }
            });
            // The page scrolls up and down; the figures scroll sideways.
            table_ui(ui, &table, &a.scenario.name, &b.scenario.name);
        });
    CollapsingHeader::new(RichText::new("What changed: inputs that differ").strong())
        .default_open(false)
        .show(ui, |ui| {
            differences_ui(ui, a, b);
        });
    ui.separator();
}
/// A drop-down of the open scenarios; returns the one picked this frame.
fn pick_ui(ui: &mut Ui, label: &str, id: &str, names: &[&str], selected: usize) -> Option<usize> {
    let label = ui.label(label);
    let mut picked = selected;
    let response = egui::ComboBox::from_id_salt(id)
        .selected_text(short_name(names.get(selected).copied().unwrap_or("")))
        .show_ui(ui, |ui| {
            for (index, name) in names.iter().enumerate() {
                ui.selectable_value(&mut picked, index, *name);
            }
        })
        .response
        .labelled_by(label.id);
    if let Some(name) = names.get(selected) {
        response.on_hover_text(*name);
    }
    (picked != selected).then_some(picked)
}

/// The table as rows of cells, for Copy: the header, the whole period, then
/// each financial year.
fn table_rows(
    table: &ComparisonTable,
    baseline_name: &str,
    scenario_name: &str,
) -> Vec<Vec<String>> {
    let mut rows = vec![vec![
        "Period".to_owned(),
        "Figure".to_owned(),
        format!("A: {baseline_name}"),
        format!("B: {scenario_name}"),
        "B minus A".to_owned(),
    ]];
    let period = table.period_label();
    for row in &table.whole_period {
        rows.push(vec![
            period.clone(),
            row.metric.to_owned(),
            row.measure.format(row.baseline),
            row.measure.format(row.scenario),
            difference_text(row.measure, row.difference()),
        ]);
    }
    for row in &table.rows {
        rows.push(vec![
            crate::units::financial_year_covered(row.year.0, row.months),
            row.metric.to_owned(),
            row.measure.format(row.baseline),
            row.measure.format(row.scenario),
            difference_text(row.measure, row.difference()),
        ]);
    }
    rows
}

/// One line of the table: a period's heading, or a figure in that period.
enum TableLine {
    Heading(String),
    Figure {
        metric: &'static str,
        baseline: String,
        scenario: String,
        difference: String,
        verdict: crate::compare::Verdict,
    },
}

fn table_lines(table: &ComparisonTable) -> Vec<TableLine> {
    let mut lines = vec![TableLine::Heading(table.period_label())];
    for row in &table.whole_period {
        lines.push(TableLine::Figure {
            metric: row.metric,
            baseline: row.measure.format(row.baseline),
            scenario: row.measure.format(row.scenario),
            difference: difference_text(row.measure, row.difference()),
            verdict: row.verdict(),
        });
    }
    for year in table.years() {
        let rows: Vec<&crate::compare::ComparisonRow> =
            table.rows.iter().filter(|row| row.year == year).collect();
        let Some(first) = rows.first() else {
            continue;
        };
        let label = crate::units::financial_year_covered(year.0, first.months);
        // A year in which nothing differs (often a short first year before any
        // change starts) takes one line, not a dozen zeros.
        let nothing_differs = rows.iter().all(|row| {
            let shown = row.measure.format_difference(row.difference());
            !shown.chars().any(|c| c.is_ascii_digit() && c != '0')
        });
        if nothing_differs {
            lines.push(TableLine::Heading(format!("{label}: no figure differs")));
            continue;
        }
        lines.push(TableLine::Heading(label));
        for row in rows {
            lines.push(TableLine::Figure {
                metric: row.metric,
                baseline: row.measure.format(row.baseline),
                scenario: row.measure.format(row.scenario),
                difference: difference_text(row.measure, row.difference()),
                verdict: row.verdict(),
            });
        }
    }
    lines
}

/// Every row the same height, so the fixed name column and the scrolling
/// figures line up.
const ROW_HEIGHT: f32 = 20.0;

/// The table: the figure names stay put on the left while the figures scroll
/// sideways when the window is narrow.
fn table_ui(ui: &mut Ui, table: &ComparisonTable, baseline_name: &str, scenario_name: &str) {
    let visuals = ui.visuals().clone();
    let lines = table_lines(table);
    let (short_a, short_b) = crate::compare::names_in_sentences(baseline_name, scenario_name);
    ui.horizontal_top(|ui| {
        Grid::new("comparison_names")
            .striped(true)
            .num_columns(1)
            .min_row_height(ROW_HEIGHT)
            .show(ui, |ui| {
                ui.label(RichText::new("Figure").strong());
                ui.end_row();
                for line in &lines {
                    match line {
                        TableLine::Heading(period) => {
                            ui.label(RichText::new(period).strong());
                        }
                        TableLine::Figure { metric, .. } => {
                            ui.horizontal(|ui| {
                                ui.add_space(12.0);
                                ui.label(*metric);
                            });
                        }
                    }
                    ui.end_row();
                }
            });
        ScrollArea::horizontal()
            .id_salt("comparison_figures")
            .show(ui, |ui| {
                Grid::new("comparison_grid")
                    .striped(true)
                    .num_columns(3)
                    .min_row_height(ROW_HEIGHT)
                    .show(ui, |ui| {
                        ui.label(RichText::new(format!("A: {}", short_name(short_a))).strong())
                            .on_hover_text(baseline_name);
                        ui.label(RichText::new(format!("B: {}", short_name(short_b))).strong())
                            .on_hover_text(scenario_name);
                        ui.label(RichText::new("B minus A").strong());
                        ui.end_row();
                        for line in &lines {
                            match line {
                                TableLine::Heading(_) => {
                                    ui.label("");
                                    ui.label("");
                                    ui.label("");
                                }
                                TableLine::Figure {
                                    baseline,
                                    scenario,
                                    difference,
                                    verdict,
                                    ..
                                } => {
                                    ui.label(baseline);
                                    ui.label(scenario);
                                    ui.label(
                                        RichText::new(difference)
                                            .strong()
                                            .color(verdict_colour(&visuals, *verdict)),
                                    )
                                    .on_hover_text(verdict.word());
                                }
                            }
                            ui.end_row();
                        }
                    });
            });
    });
}

fn differences_ui(ui: &mut Ui, baseline: &Document, scenario: &Document) {
    let differences = input_differences(&baseline.scenario, &scenario.scenario);
    if differences.is_empty() {
        ui.weak("The two scenarios have the same inputs.");
        return;
    }
    copy_button(ui, "the inputs that differ", || {
        let mut rows = vec![vec![
            "Input".to_owned(),
            format!("A: {}", baseline.scenario.name),
            format!("B: {}", scenario.scenario.name),
        ]];
        for difference in &differences {
            rows.push(vec![
                difference.name.clone(),
                difference
                    .baseline
                    .clone()
                    .unwrap_or_else(|| "(none)".to_owned()),
                difference
                    .scenario
                    .clone()
                    .unwrap_or_else(|| "(none)".to_owned()),
            ]);
        }
        rows
    });
    let (short_a, short_b) =
        crate::compare::names_in_sentences(&baseline.scenario.name, &scenario.scenario.name);
    // The page scrolls up and down; long values scroll sideways here.
    ScrollArea::horizontal()
        .id_salt("input_differences")
        .show(ui, |ui| {
            Grid::new("differences_grid")
                .striped(true)
                .num_columns(3)
                .show(ui, |ui| {
                    ui.label(RichText::new("Input").strong());
                    ui.label(RichText::new(format!("A: {}", short_name(short_a))).strong())
                        .on_hover_text(&baseline.scenario.name);
                    ui.label(RichText::new(format!("B: {}", short_name(short_b))).strong())
                        .on_hover_text(&scenario.scenario.name);
                    ui.end_row();
                    for difference in &differences {
                        ui.add(egui::Label::new(&difference.name).extend())
                            .on_hover_text(difference.sentence());
                        ui.label(difference.baseline.as_deref().unwrap_or("(none)"));
                        ui.label(difference.scenario.as_deref().unwrap_or("(none)"));
                        ui.end_row();
                    }
                });
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_in_which_nothing_differs_takes_one_line() {
        let projection = crate::sim::project(&crate::io::default_scenario());
        let table = ComparisonTable::new(&projection, &projection);
        let lines = table_lines(&table);
        let years = table.years().len();
        // The whole period's heading and figures, then one line a year.
        assert_eq!(lines.len(), 1 + table.whole_period.len() + years);
        assert!(matches!(
            lines.last(),
            Some(TableLine::Heading(text)) if text.ends_with(": no figure differs")
        ));
    }

    #[test]
    fn long_names_are_shortened_short_ones_kept() {
        assert_eq!(short_name("Do nothing"), "Do nothing");
        let long = "Wakefield 2018: recruit and retain with a new academy";
        let short = short_name(long);
        assert!(short.ends_with('…'));
        assert_eq!(short.chars().count(), SHORT_NAME_CHARS);
        assert!(long.starts_with(short.trim_end_matches('…')));
    }
}
