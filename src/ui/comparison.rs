//! Comparing scenarios in the window: which are compared, the table of figures by
//! financial year (B minus A), and the inputs that differ.

use egui::{CollapsingHeader, Grid, RichText, ScrollArea, Ui};

use super::{accessible_label, theme};
use crate::compare::{ComparisonTable, input_differences};
use crate::units::Measure;
use crate::workspace::{Command, ComparisonChoice, Document};

/// The comparison controls, table and input differences. Returns the tabs to
/// overlay on the charts when comparing, `None` otherwise.
pub fn comparison_ui(
    ui: &mut Ui,
    choice: &mut ComparisonChoice,
    documents: &[Document],
    active: usize,
    commands: &mut Vec<Command>,
) -> Option<Vec<usize>> {
    let count = documents.len();
    choice.hidden.resize(count, false);
    ui.horizontal_wrapped(|ui| {
        ui.add_enabled_ui(count > 1, |ui| {
            ui.checkbox(&mut choice.enabled, "Compare scenarios")
                .on_hover_text("Overlay the open scenarios on every chart and set the one being edited (B) against a baseline (A).")
                .on_disabled_hover_text("Open or duplicate a second scenario to compare.");
        });
        if count < 2 {
            ui.weak("Open or duplicate a second scenario to compare it with this one.");
        }
    });
    if !choice.enabled || count < 2 {
        return None;
    }
    let baseline = choice.baseline_for(active, count)?;
    choice.baseline = baseline;
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Baseline (A):");
        egui::ComboBox::from_id_salt("baseline")
            .selected_text(&documents[baseline].scenario.name)
            .show_ui(ui, |ui| {
                for (index, document) in documents.iter().enumerate() {
                    if index != active {
                        ui.selectable_value(&mut choice.baseline, index, &document.scenario.name);
                    }
                }
            })
            .response
            .labelled_by(label.id);
        ui.label(format!("Scenario (B): {}", documents[active].scenario.name))
            .on_hover_text("B is the scenario being edited: choose its tab above.");
        ui.separator();
        ui.label("On the charts:");
        for (index, document) in documents.iter().enumerate() {
            let mut shown = !choice.hidden[index];
            let colour = theme::scenario_colour(index);
            let toggle = ui.checkbox(
                &mut shown,
                RichText::new(&document.scenario.name).color(colour),
            );
            accessible_label(
                &toggle,
                format!("Show {} on the charts", document.scenario.name),
            );
            choice.hidden[index] = !shown;
        }
    });
    let table = ComparisonTable::new(
        documents[baseline].projection(),
        documents[active].projection(),
    );
    CollapsingHeader::new(RichText::new("Figures by financial year: B minus A").strong())
        .default_open(true)
        .show(ui, |ui| {
            ScrollArea::both()
                .id_salt("comparison_table")
                .max_height(150.0)
                .show(ui, |ui| {
                    table_ui(
                        ui,
                        &table,
                        &documents[baseline].scenario.name,
                        &documents[active].scenario.name,
                    )
                });
            ui.horizontal(|ui| {
                if ui.button("Export this table as CSV…").clicked() {
                    commands.push(Command::ExportComparisonCsv);
                }
                if ui.button("Export summary report (HTML)…").clicked() {
                    commands.push(Command::ExportReport);
                }
            });
        });
    CollapsingHeader::new(RichText::new("What changed: inputs that differ").strong())
        .default_open(false)
        .show(ui, |ui| {
            differences_ui(ui, &documents[baseline], &documents[active]);
        });
    ui.separator();
    Some(choice.shown(active, count))
}

fn table_ui(ui: &mut Ui, table: &ComparisonTable, baseline_name: &str, scenario_name: &str) {
    let colours = theme::status_colours(ui.visuals());
    Grid::new("comparison_grid")
        .striped(true)
        .num_columns(5)
        .show(ui, |ui| {
            ui.label(RichText::new("Year").strong());
            ui.label(RichText::new("Figure").strong());
            ui.label(RichText::new(format!("A: {baseline_name}")).strong());
            ui.label(RichText::new(format!("B: {scenario_name}")).strong());
            ui.label(RichText::new("B minus A").strong());
            ui.end_row();
            let mut last_year = None;
            for row in &table.rows {
                if last_year == Some(row.year) {
                    ui.label("");
                } else {
                    last_year = Some(row.year);
                    ui.label(
                        RichText::new(crate::units::financial_year_covered(row.year.0, row.months))
                            .strong(),
                    );
                }
                ui.label(row.metric);
                ui.label(row.measure.format(row.baseline));
                ui.label(row.measure.format(row.scenario));
                let difference = row.measure.format_difference(row.difference());
                let over_budget = row.measure == Measure::BudgetVariance
                    && row.scenario.is_some_and(crate::units::is_over_budget);
                ui.label(if over_budget {
                    RichText::new(difference).strong().color(colours.bad)
                } else {
                    RichText::new(difference).strong()
                });
                ui.end_row();
            }
        });
}

fn differences_ui(ui: &mut Ui, baseline: &Document, scenario: &Document) {
    let differences = input_differences(&baseline.scenario, &scenario.scenario);
    if differences.is_empty() {
        ui.weak("The two scenarios have the same inputs.");
        return;
    }
    ScrollArea::both()
        .id_salt("input_differences")
        .max_height(200.0)
        .show(ui, |ui| {
            Grid::new("differences_grid")
                .striped(true)
                .num_columns(3)
                .show(ui, |ui| {
                    ui.label(RichText::new("Input").strong());
                    ui.label(RichText::new(format!("A: {}", baseline.scenario.name)).strong());
                    ui.label(RichText::new(format!("B: {}", scenario.scenario.name)).strong());
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
