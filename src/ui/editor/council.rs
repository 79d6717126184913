//! Council and horizon: name, the council's ONS code, notes, start month and
//! how far to look ahead.

use egui::{Grid, TextEdit, Ui};

use super::fields::{month_input, problem_at, problem_row, scenario_help};
use crate::model::{HORIZON_MONTHS, Problem, Scenario, catalogue};

pub fn council_ui(ui: &mut Ui, scenario: &mut Scenario, problems: &[Problem]) {
    Grid::new("council_grid").num_columns(2).show(ui, |ui| {
        let label = ui
            .label("Scenario name")
            .on_hover_text(scenario_help("name"));
        ui.add(TextEdit::singleline(&mut scenario.name).desired_width(260.0))
            .labelled_by(label.id);
        ui.end_row();
        problem_row(ui, problem_at(problems, "name"));

        council_code_row(ui, scenario);
        problem_row(ui, problem_at(problems, "council"));

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

/// The council's ONS code: a text field, empty for none. What is typed is kept as
/// typed (validation says what is wrong with it), so a half-typed code is not lost.
fn council_code_row(ui: &mut Ui, scenario: &mut Scenario) {
    let help = scenario_help("council");
    let name = catalogue::scenario_input("council").map_or("Council", |input| input.name);
    let label = ui.label(name).on_hover_text(&help);
    let mut code = scenario.council.clone().unwrap_or_default();
    let response = ui
        .add(
            TextEdit::singleline(&mut code)
                // A fixed id keeps the focus while a problem row comes and goes.
                .id_salt("council_code")
                .hint_text("none, or like E08000012")
                .desired_width(120.0),
        )
        .labelled_by(label.id)
        .on_hover_text(&help);
    if response.changed() {
        let code = code.trim();
        scenario.council = (!code.is_empty()).then(|| code.to_owned());
    }
    ui.end_row();
}
