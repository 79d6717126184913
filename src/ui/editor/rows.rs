//! Rows drawn from the input catalogue. Each section lists the entries the
//! catalogue places in it, in the catalogue's order, so a new number input
//! appears in the editor with no editor code; only inputs that are not plain
//! numbers (switches, months, staff groups) need a widget of their own.

use egui::Ui;

use super::fields::{NumberField, number_row, optional_number_row, problem_at};
use crate::model::catalogue::{Input, InputRef, Kind, Place};
use crate::model::{Problem, Scenario};

/// Draws `entry` as a row of a 3-column grid (label, value, unit) when it is a
/// number or an optional number the scenario has; returns false otherwise, for
/// the caller to draw it some other way.
pub fn entry_row(
    ui: &mut Ui,
    scenario: &mut Scenario,
    entry: InputRef,
    label: &str,
    problems: &[Problem],
) -> bool {
    let field = NumberField::for_input(label, entry.input);
    let path = entry.path();
    let problem = problem_at(problems, &path);
    match entry.input.kind {
        Kind::Number { .. } => match entry.number_mut(scenario) {
            Some(value) => {
                number_row(ui, value, &field, problem);
                true
            }
            None => false,
        },
        Kind::OptionalNumber { .. } => match entry.optional_mut(scenario) {
            Some(value) => {
                optional_number_row(ui, value, &field, problem);
                true
            }
            None => false,
        },
        _ => false,
    }
}

/// Draws `entries` of list item `item` (0 for the scenario itself) as rows of a
/// 3-column grid, in order; `special` draws the ones that are not numbers.
pub fn rows_ui(
    ui: &mut Ui,
    scenario: &mut Scenario,
    entries: impl Iterator<Item = (&'static Input, Place)>,
    item: usize,
    problems: &[Problem],
    mut special: impl FnMut(&mut Ui, &mut Scenario, &'static Input, Place),
) {
    for (input, place) in entries {
        let entry = InputRef { input, item };
        if !entry_row(ui, scenario, entry, place.label, problems) {
            special(ui, scenario, input, place);
        }
    }
}

/// Rows with no widget but a number's.
pub fn no_special(_: &mut Ui, _: &mut Scenario, _: &'static Input, _: Place) {}
