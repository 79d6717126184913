//! Placements: a table with one row per placement kind and one column per
//! placement input of the catalogue, then the catalogue's other placement inputs.

use egui::{Grid, RichText, Ui};

use super::fields::{NumberField, number_input, problem_at, problem_text};
use super::rows::{no_special, rows_ui};
use crate::model::catalogue::{self, InputRef, Section};
use crate::model::{PlacementKind, Problem, Scenario};
use crate::ui::accessible_label;
use crate::units;

pub fn placements_ui(ui: &mut Ui, scenario: &mut Scenario, problems: &[Problem]) {
    ui.label("Shares must each add up to 100%. Defaults: England, 31 March 2019 (DfE).");
    let columns: Vec<_> = catalogue::editor_entries(Section::Placements)
        .filter(|(_, place)| place.is_column())
        .collect();
    Grid::new("placements_grid")
        .num_columns(1 + columns.len())
        .striped(true)
        .show(ui, |ui| {
            ui.label(RichText::new("Placement").strong());
            for (input, place) in &columns {
                ui.label(RichText::new(place.heading).strong())
                    .on_hover_text(input.help());
            }
            ui.end_row();
            for (item, kind) in PlacementKind::ALL.into_iter().enumerate() {
                ui.label(kind.label());
                for &(input, place) in &columns {
                    let entry = InputRef { input, item };
                    match entry.number_mut(scenario) {
                        Some(value) => {
                            let field = NumberField::for_input(place.label, input);
                            let response = number_input(ui, value, &field);
                            // Named "<column> of <placement kind>" for screen readers and tests.
                            accessible_label(
                                &response,
                                format!("{} of {}", place.label, kind.label()),
                            );
                        }
                        None => {
                            ui.label("");
                        }
                    }
                }
                ui.end_row();
                for &(input, _) in &columns {
                    let path = InputRef { input, item }.path();
                    if let Some(problem) = problem_at(problems, &path) {
                        ui.label("");
                        ui.label(problem_text(ui, &problem.message));
                        ui.end_row();
                    }
                }
            }
            let placements = &scenario.placements;
            let total = |pick: fn(&crate::model::PlacementType) -> f64| -> f64 {
                PlacementKind::ALL
                    .iter()
                    .map(|kind| pick(placements.get(*kind)))
                    .sum()
            };
            ui.label(RichText::new("Total").strong());
            ui.label(format!(
                "{}%",
                units::thousands(total(|p| p.current_percent), 1)
            ));
            ui.label(format!(
                "{}%",
                units::thousands(total(|p| p.new_entry_percent), 1)
            ));
            ui.end_row();
        });
    for problem in problems
        .iter()
        .filter(|problem| problem.path == "placements")
    {
        ui.label(problem_text(ui, &problem.message));
    }
    Grid::new("placements_places")
        .num_columns(3)
        .show(ui, |ui| {
            let rows = catalogue::editor_entries(Section::Placements)
                .filter(|(_, place)| !place.is_column());
            rows_ui(ui, scenario, rows, 0, problems, no_special);
        });
}
