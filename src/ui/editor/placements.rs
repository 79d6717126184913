//! Placements: the mix of placement kinds and their weekly costs.

use egui::{Grid, RichText, Ui};

use super::fields::{NumberField, number_input, optional_number_row, problem_at, problem_text};
use crate::model::{PlacementKind, Placements, Problem};
use crate::units;

pub fn placements_ui(ui: &mut Ui, placements: &mut Placements, problems: &[Problem]) {
    ui.label("Shares must each add up to 100%. Defaults: England, 31 March 2019 (DfE).");
    Grid::new("placements_grid")
        .num_columns(5)
        .striped(true)
        .show(ui, |ui| {
            for heading in ["Placement", "Now %", "New entries %", "£ a week", "Rise % a year"] {
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
                    &NumberField::new("Now", "% of children in care", "Share of children in care placed this way at the start.", 0.0..=100.0),
                );
                number_input(
                    ui,
                    &mut placement.new_entry_percent,
                    &NumberField::new("New entries", "% of new entries", "Share of children entering care placed this way.", 0.0..=100.0),
                );
                number_input(
                    ui,
                    &mut placement.weekly_cost_gbp,
                    &NumberField::new(
                        "Weekly cost",
                        "£ per child per week",
                        "Defaults: in-house £550 (range £450-650), IFA £900 (£850-950), residential £3,970 (independent homes, 2018-19); kinship £300 and other £400 are assumptions.",
                        0.0..=1_000_000.0,
                    )
                    .pounds(),
                );
                number_input(
                    ui,
                    &mut placement.cost_growth_percent_per_year,
                    &NumberField::new(
                        "Cost rise",
                        "% a year",
                        "Yearly rise in the weekly cost. Residential rose 6-7% a year; default 6.5% for residential, 2% (assumption) for others.",
                        -50.0..=100.0,
                    ),
                );
                ui.end_row();
                for field in ["current_percent", "new_entry_percent", "weekly_cost_gbp", "cost_growth_percent_per_year"] {
                    if let Some(problem) = problem_at(problems, &format!("{path}.{field}")) {
                        ui.label("");
                        ui.label(problem_text(ui, &problem.message));
                        ui.end_row();
                    }
                }
            }
            let total = |pick: fn(&crate::model::PlacementType) -> f64| -> f64 {
                PlacementKind::ALL.iter().map(|kind| pick(placements.get(*kind))).sum()
            };
            ui.label(RichText::new("Total").strong());
            ui.label(format!("{}%", units::thousands(total(|p| p.current_percent), 1)));
            ui.label(format!("{}%", units::thousands(total(|p| p.new_entry_percent), 1)));
            ui.end_row();
        });
    for problem in problems
        .iter()
        .filter(|problem| problem.path == "placements")
    {
        ui.label(problem_text(ui, &problem.message));
    }
    Grid::new("placements_places").num_columns(3).show(ui, |ui| {
        optional_number_row(
            ui,
            &mut placements.in_house_foster_places,
            400.0,
            &NumberField::new(
                "Limit in-house foster places",
                "children",
                "Places the council's own foster carers can offer. When they are full, new in-house placements go to independent fostering agencies. Off: no limit.",
                0.0..=1.0e7,
            )
            .decimals(0),
            problem_at(problems, "placements.in_house_foster_places"),
        );
    });
}
