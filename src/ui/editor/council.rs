//! Council and horizon: name, notes, start month and how far to look ahead.

use egui::{Grid, TextEdit, Ui};

use super::fields::{month_input, problem_at, problem_row, scenario_help};
use crate::model::{HORIZON_MONTHS, Problem, Scenario};

pub fn council_ui(ui: &mut Ui, scenario: &mut Scenario, problems: &[Problem]) {
    Grid::new("council_grid").num_columns(2).show(ui, |ui| {
        let label = ui
            .label("Scenario name")
            .on_hover_text(scenario_help("name"));
        ui.add(TextEdit::singleline(&mut scenario.name).desired_width(260.0))
            .labelled_by(label.id);
        ui.end_row();
        problem_row(ui, problem_at(problems, "name"));

        let start_help = scenario_help("start");
        ui.label("First month").on_hover_text(&start_help);
        month_input(ui, "start_month", &mut scenario.start, &start_help);
        ui.end_row();

        let horizon_help = scenario_help("horizon_months");
        ui.label("Months ahead").on_hover_text(&horizon_help);
        ui.horizontal(|ui| {
            ui.add(
                egui::DragValue::new(&mut scenario.horizon_months)
                    .range(HORIZON_MONTHS)
                    .speed(0.2)
                    .suffix(" months"),
            )
            .on_hover_text(&horizon_help);
            ui.weak(format!("to {}", scenario.end().label()));
        });
        ui.end_row();
        problem_row(ui, problem_at(problems, "horizon_months"));
    });
    let label = ui.label("Notes").on_hover_text(scenario_help("notes"));
    ui.add(
        TextEdit::multiline(&mut scenario.notes)
            .desired_rows(3)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id);
    if let Some(problem) = problem_at(problems, "notes") {
        ui.label(super::fields::problem_text(ui, &problem.message));
    }
}
