//! Council and horizon: name, notes, start month and how far to look ahead.

use egui::{Grid, TextEdit, Ui};

use super::fields::{month_input, problem_at, problem_row};
use crate::model::{HORIZON_MONTHS, Problem, Scenario};

pub fn council_ui(ui: &mut Ui, scenario: &mut Scenario, problems: &[Problem]) {
    Grid::new("council_grid").num_columns(2).show(ui, |ui| {
        let label = ui
            .label("Scenario name")
            .on_hover_text("The name shown in the title bar and on reports.");
        ui.add(TextEdit::singleline(&mut scenario.name).desired_width(260.0))
            .labelled_by(label.id);
        ui.end_row();
        problem_row(ui, problem_at(problems, "name"));

        ui.label("First month")
            .on_hover_text("The first month projected. Financial years run April to March.");
        month_input(
            ui,
            "start_month",
            &mut scenario.start,
            "The first month projected.",
        );
        ui.end_row();

        ui.label("Months ahead").on_hover_text(
            "How many months to project, 12 to 120. Default 36: three financial years.",
        );
        ui.horizontal(|ui| {
            ui.add(
                egui::DragValue::new(&mut scenario.horizon_months)
                    .range(HORIZON_MONTHS)
                    .speed(0.2)
                    .suffix(" months"),
            )
            .on_hover_text("How many months to project, 12 to 120. Default 36.");
            ui.weak(format!("to {}", scenario.end().label()));
        });
        ui.end_row();
        problem_row(ui, problem_at(problems, "horizon_months"));
    });
    let label = ui
        .label("Notes")
        .on_hover_text("Anything a reader of this scenario should know.");
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
