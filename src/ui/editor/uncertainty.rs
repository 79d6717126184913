//! Uncertainty: ranges (low, most likely, high) on any numeric input.

use egui::{ComboBox, Grid, RichText, Ui};

use super::fields::{NumberField, number_input, problem_text};
use crate::model::{Problem, Range, Scenario, Shape, fields};
use crate::ui::accessible_label;

pub fn uncertainty_ui(ui: &mut Ui, scenario: &mut Scenario, problems: &[Problem]) {
    ui.label(
        "Give any input a range: each Monte Carlo draw takes a value between low and high, most often near the input's own value (triangular) or evenly (uniform). The charts then show bands and the headline gains chances.",
    );
    let paths = fields::numeric_fields(scenario);
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
                    .selected_text(&range.field)
                    .show_ui(ui, |ui| {
                        for path in &paths {
                            if ui.selectable_label(range.field == *path, path).clicked() {
                                range.field = path.clone();
                                if let Some(value) = fields::number(&base, path) {
                                    range.low = value;
                                    range.high = value;
                                }
                            }
                        }
                    })
                    .response;
                accessible_label(&combo, format!("Input of range {}", index + 1));
                let value = fields::number(&base, &range.field);
                let field = NumberField::new(
                    "Low",
                    "",
                    "The lowest value a draw can take.",
                    -1.0e12..=1.0e12,
                )
                .decimals(2);
                let low = number_input(ui, &mut range.low, &field);
                accessible_label(&low, format!("Low of {}", range.field));
                ui.label(
                    value.map_or_else(|| "?".to_owned(), |value| crate::units::thousands(value, 2)),
                )
                .on_hover_text("The input's own value: the most likely one.");
                let field = NumberField::new(
                    "High",
                    "",
                    "The highest value a draw can take.",
                    -1.0e12..=1.0e12,
                )
                .decimals(2);
                let high = number_input(ui, &mut range.high, &field);
                accessible_label(&high, format!("High of {}", range.field));
                let shape = ComboBox::from_id_salt(("range_shape", index))
                    .selected_text(range.shape.label())
                    .show_ui(ui, |ui| {
                        for shape in [Shape::Triangular, Shape::Uniform] {
                            ui.selectable_value(&mut range.shape, shape, shape.label());
                        }
                    })
                    .response;
                accessible_label(&shape, format!("Shape of {}", range.field));
                let remove_button = ui.small_button("Remove");
                accessible_label(
                    &remove_button,
                    format!("Remove the range on {}", range.field),
                );
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
