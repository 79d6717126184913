//! Uncertainty: ranges (low, most likely, high) on any numeric input.

use egui::{ComboBox, Grid, RichText, Ui};

use super::fields::{NumberField, number_input, problem_text};
use crate::model::catalogue::{self, Scope};
use crate::model::{Problem, Range, Scenario, Shape, fields};
use crate::ui::accessible_label;

pub fn uncertainty_ui(ui: &mut Ui, scenario: &mut Scenario, problems: &[Problem]) {
    ui.label(
        "Give any input a range: each Monte Carlo draw takes a value between low and high, most often near the input's own value (triangular) or evenly (uniform). The charts then show bands and the headline gains chances.",
    );
    // Each input by its name, as elsewhere in the editor; the file keeps its path.
    let inputs: Vec<(String, String)> = catalogue::numeric_inputs(scenario)
        .into_iter()
        .map(|input| (input.path(), input.name(scenario)))
        .collect();
    let name_of = |field: &str| {
        catalogue::resolve(scenario, field)
            .map_or_else(|| field.to_owned(), |input| input.name(scenario))
    };
    let names: Vec<String> = scenario
        .uncertainty
        .iter()
        .map(|range| name_of(&range.field))
        .collect();
    let mut remove = None;
    Grid::new("uncertainty_grid")
        .num_columns(6)
        .striped(true)
        .show(ui, |ui| {
            if !scenario.uncertainty.is_empty() {
                for heading in ["Input", "Low", "Most likely", "High", "Shape", ""] {
                    ui.label(RichText::new(heading).strong());
                }
                ui.end_row();
            }
            let base = scenario.clone();
            for (index, range) in scenario.uncertainty.iter_mut().enumerate() {
                let combo = ComboBox::from_id_salt(("range_field", index))
                    .width(250.0)
                    .selected_text(&names[index])
                    .show_ui(ui, |ui| {
                        for (path, name) in &inputs {
                            let chosen = fields::canonical(&base, &range.field).as_deref()
                                == Some(path.as_str());
                            if ui.selectable_label(chosen, name).clicked() {
                                range.field = path.clone();
                                if let Some(value) = fields::number(&base, path) {
                                    range.low = value;
                                    range.high = value;
                                }
                            }
                        }
                    })
                    .response
                    .on_hover_text(format!("In the file: {}", range.field));
                accessible_label(&combo, format!("Input of range {}", index + 1));
                let name = &names[index];
                let value = fields::number(&base, &range.field);
                // Low and high stay within what the input itself accepts.
                let limits = catalogue::resolve(&base, &range.field)
                    .and_then(|input| input.input.kind.limits());
                let within_limits = |mut field: NumberField<'static>| {
                    if let Some((min, max)) = limits {
                        field.range = min..=max;
                    }
                    field
                };
                let field = within_limits(NumberField::item("Low", Scope::Range, "low", None));
                let low = number_input(ui, &mut range.low, &field);
                accessible_label(&low, format!("Low of {name}"));
                ui.label(
                    value.map_or_else(|| "?".to_owned(), |value| crate::units::thousands(value, 2)),
                )
                .on_hover_text("The input's own value: the most likely one.");
                let field = within_limits(NumberField::item("High", Scope::Range, "high", None));
                let high = number_input(ui, &mut range.high, &field);
                accessible_label(&high, format!("High of {name}"));
                let shape = ComboBox::from_id_salt(("range_shape", index))
                    .selected_text(range.shape.label())
                    .show_ui(ui, |ui| {
                        for shape in [Shape::Triangular, Shape::Uniform] {
                            ui.selectable_value(&mut range.shape, shape, shape.label());
                        }
                    })
                    .response;
                accessible_label(&shape, format!("Shape of {name}"));
                let remove_button = ui.small_button("Remove");
                accessible_label(&remove_button, format!("Remove the range on {name}"));
                if remove_button.clicked() {
                    remove = Some(index);
                }
                ui.end_row();
                for problem in problems
                    .iter()
                    .filter(|p| p.path.starts_with(&format!("uncertainty[{index}]")))
                {
                    ui.label(problem_text(ui, &problem.message));
                    ui.end_row();
                }
            }
        });
    if let Some(index) = remove {
        scenario.uncertainty.remove(index);
    }
    if ui.button("+ Add a range").clicked() {
        let field = "demand.referral_growth_percent_per_year".to_owned();
        let value = fields::number(scenario, &field).unwrap_or(0.0);
        scenario.uncertainty.push(Range {
            field,
            low: value - 5.0,
            high: value + 5.0,
            shape: Shape::Triangular,
        });
    }
}
