//! The side panel where every input of the model is edited, grouped as a finance
//! officer thinks of them. Number inputs are drawn from the input catalogue, which
//! says each one's section, sub-heading and label (see [`rows`]); only inputs that
//! are not plain numbers have widgets of their own.

mod balance;
mod council;
mod demand;
pub mod fields;
mod interventions;
mod money;
mod placements;
mod rows;
mod staff;
mod uncertainty;

use egui::{CollapsingHeader, RichText, ScrollArea, Ui};

use crate::model::{Problem, Scenario};
use crate::workspace::Command;

/// Draws the editor for `scenario`; edits apply directly. `problems` are the
/// validator's findings for the scenario as it was at the start of the frame.
/// The actions it offers (such as balancing the start) go to `commands`.
pub fn editor_ui(
    ui: &mut Ui,
    scenario: &mut Scenario,
    problems: &[Problem],
    commands: &mut Vec<Command>,
) {
    // Both ways: content wider than the panel scrolls sideways instead of
    // widening the panel past the width the person chose.
    ScrollArea::both()
        .id_salt("editor_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if !problems.is_empty() {
                ui.label(
                    RichText::new(format!(
                        "{} input{} to fix; the charts show the last valid figures.",
                        problems.len(),
                        if problems.len() == 1 { "" } else { "s" }
                    ))
                    .color(super::theme::status_colours(ui.visuals()).bad),
                );
            }
            section(ui, "Council and horizon", true, |ui| {
                council::council_ui(ui, scenario, problems);
            });
            section(ui, "Demand", false, |ui| {
                demand::demand_ui(ui, scenario, problems, commands);
            });
            section(ui, "Placements", false, |ui| {
                placements::placements_ui(ui, scenario, problems);
            });
            section(ui, "Staff", true, |ui| {
                staff::staff_ui(ui, scenario, problems);
            });
            section(ui, "Recruitment, agency and burnout", false, |ui| {
                staff::workforce_policy_ui(ui, scenario, problems);
            });
            section(ui, "Money", false, |ui| {
                money::money_ui(ui, scenario, problems);
            });
            section(ui, "Interventions", true, |ui| {
                interventions::interventions_ui(ui, scenario, problems);
            });
            section(ui, "Uncertainty (ranges)", false, |ui| {
                uncertainty::uncertainty_ui(ui, scenario, problems);
            });
        });
}

fn section(ui: &mut Ui, title: &str, open: bool, content: impl FnOnce(&mut Ui)) {
    CollapsingHeader::new(RichText::new(title).strong())
        .default_open(open)
        .show(ui, content);
}

/// Problems under `prefix` that no single field shows (a list of the wrong
/// length, a grant's amount), listed at the end of a section.
fn other_problems_ui(ui: &mut Ui, problems: &[Problem], prefix: &str) {
    for problem in problems
        .iter()
        .filter(|problem| problem.path.starts_with(prefix))
    {
        ui.label(fields::problem_text(ui, &problem.message));
    }
}

#[cfg(test)]
mod tests;
