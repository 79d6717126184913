//! Placements: the mix of placement kinds and their weekly costs.

use egui::{Grid, RichText, Ui};

use super::fields::{NumberField, number_input, optional_number_row, problem_at, problem_text};
use crate::model::catalogue::Scope;
use crate::model::{PlacementKind, Placements, Problem};
use crate::units;

pub fn placements_ui(ui: &mut Ui, placements: &mut Placements, problems: &[Problem]) {
    ui.label("Shares must each add up to 100%. Defaults: England, 31 March 2019 (DfE).");
    Grid::new("placements_grid")
        .num_columns(5)
        .striped(true)
        .show(ui, |ui| {
            for heading in [
                "Placement",
                "Now %",
                "New entries %",
                "£ a week",
                "Rise % a year",
            ] {
                ui.label(RichText::new(heading).strong());
            }
            ui.end_row();
            for kind in PlacementKind::ALL {
                let placement = placements.get_mut(kind);
                ui.label(kind.label());
                let path = format!("placements.{}", kind.key());
                number_input(
                    ui,
                    &mut placement.current_percent,
                    &NumberField::item("Now", Scope::Placement, "current_percent", None),
                );
                number_input(
                    ui,
                    &mut placement.new_entry_percent,
                    &NumberField::item("New entries", Scope::Placement, "new_entry_percent", None),
                );
                number_input(
                    ui,
                    &mut placement.weekly_cost_gbp,
                    &NumberField::item("Weekly cost", Scope::Placement, "weekly_cost_gbp", None),
                );
                number_input(
                    ui,
                    &mut placement.cost_growth_percent_per_year,
                    &NumberField::item(
                        "Cost rise",
                        Scope::Placement,
                        "cost_growth_percent_per_year",
                        None,
                    ),
                );
                ui.end_row();
                for field in [
                    "current_percent",
                    "new_entry_percent",
                    "weekly_cost_gbp",
                    "cost_growth_percent_per_year",
                ] {
                    if let Some(problem) = problem_at(problems, &format!("{path}.{field}")) {
                        ui.label("");
                        ui.label(problem_text(ui, &problem.message));
                        ui.end_row();
                    }
                }
            }
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
            optional_number_row(
                ui,
                &mut placements.in_house_foster_places,
                &NumberField::scenario(
                    "Limit in-house foster places",
                    "placements.in_house_foster_places",
                ),
                problem_at(problems, "placements.in_house_foster_places"),
            );
        });
}
