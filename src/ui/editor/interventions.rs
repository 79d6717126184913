//! Interventions: the dated plan. Add, remove, reorder and switch each one on or
//! off; each kind's fields are the catalogue's entries for that kind of action.

use egui::{Frame, Grid, RichText, TextEdit, Ui};

use super::fields::{month_input, months_input, problem_at, problem_text};
use super::rows::rows_ui;
use crate::model::catalogue::{self, Input, Kind, Section};
use crate::model::{Action, Intervention, Month, Problem, Scenario};
use crate::ui::accessible_label;

/// A new intervention of each kind, as offered by "Add intervention".
pub(super) fn templates(scenario: &Scenario) -> Vec<(&'static str, Action)> {
    let group = scenario
        .staff
        .iter()
        .find(|group| !group.agency && group.span_of_control.is_none() && group.holds_cases())
        .map(|group| group.id.clone())
        .unwrap_or_default();
    vec![
        (
            "Recruit staff",
            Action::Recruit {
                group: group.clone(),
                extra_fte: 10.0,
                over_months: 12,
            },
        ),
        (
            "Change caseload cap",
            Action::SetCaseloadCap {
                group: group.clone(),
                cap: 20.0,
            },
        ),
        (
            "Grant or one-off funding",
            Action::Funding {
                amount_gbp: 1_000_000.0,
            },
        ),
        (
            "Recurring funding",
            Action::RecurringFunding {
                amount_gbp_per_year: 1_000_000.0,
                years: 2,
            },
        ),
        (
            "Early help",
            Action::EarlyHelp {
                annual_cost_gbp: 1_000_000.0,
                referral_reduction_percent: 5.0,
                care_entry_reduction_percent: 10.0,
                lag_months: 12,
                months: None,
            },
        ),
        (
            "Contracted team",
            Action::ContractedTeam {
                cases: 180.0,
                months: 6,
                total_cost_gbp: 600_000.0,
            },
        ),
        (
            "Convert agency to permanent",
            Action::ConvertAgency {
                group,
                fte: 10.0,
                over_months: 6,
            },
        ),
        (
            "Other spending",
            Action::ExtraSpending {
                annual_cost_gbp: 1_000_000.0,
                months: None,
            },
        ),
        (
            "Add in-house foster places",
            Action::AddFosterPlaces {
                places: 20.0,
                over_months: 12,
            },
        ),
    ]
}

enum ListEdit {
    Remove(usize),
    MoveUp(usize),
    MoveDown(usize),
}

pub fn interventions_ui(ui: &mut Ui, scenario: &mut Scenario, problems: &[Problem]) {
    if scenario.interventions.is_empty() {
        ui.label(
            RichText::new("No interventions: this scenario is the baseline (\"do nothing\").")
                .weak(),
        );
    }
    let groups: Vec<(String, String)> = scenario
        .staff
        .iter()
        .filter(|group| !group.agency)
        .map(|group| (group.id.clone(), group.name.clone()))
        .collect();
    let count = scenario.interventions.len();
    let mut edit = None;
    for index in 0..count {
        Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            let intervention = &mut scenario.interventions[index];
            ui.horizontal(|ui| {
                let include = ui.checkbox(&mut intervention.enabled, "").on_hover_text(
                    "On: part of the plan. Off: kept in the file, left out of the projection.",
                );
                accessible_label(&include, format!("Include {}", intervention.label));
                let name = ui
                    .add(TextEdit::singleline(&mut intervention.label).desired_width(260.0))
                    .on_hover_text("What people call this intervention.");
                accessible_label(&name, "Intervention name");
                let label = intervention.label.clone();
                let up = ui
                    .add_enabled(index > 0, egui::Button::new("Up").small())
                    .on_hover_text("Move up");
                accessible_label(&up, format!("Move {label} up"));
                let down = ui
                    .add_enabled(index + 1 < count, egui::Button::new("Down").small())
                    .on_hover_text("Move down");
                accessible_label(&down, format!("Move {label} down"));
                let remove = ui
                    .small_button("Remove")
                    .on_hover_text(format!("Remove \"{label}\""));
                accessible_label(&remove, format!("Remove {label}"));
                if up.clicked() {
                    edit = Some(ListEdit::MoveUp(index));
                }
                if down.clicked() {
                    edit = Some(ListEdit::MoveDown(index));
                }
                if remove.clicked() {
                    edit = Some(ListEdit::Remove(index));
                }
            });
            if let Some(problem) = problem_at(problems, &format!("interventions[{index}].label")) {
                ui.label(problem_text(ui, &problem.message));
            }
            ui.label(RichText::new(intervention.action.kind_label()).weak());
            intervention_fields(ui, index, scenario, &groups, problems);
            let prefix = format!("interventions[{index}]");
            for problem in problems.iter().filter(|p| p.path.starts_with(&prefix)) {
                if !is_shown_by_fields(&problem.path) {
                    ui.label(problem_text(ui, &problem.message));
                }
            }
        });
    }
    match edit {
        Some(ListEdit::Remove(index)) => {
            scenario.interventions.remove(index);
        }
        Some(ListEdit::MoveUp(index)) => scenario.interventions.swap(index, index - 1),
        Some(ListEdit::MoveDown(index)) => scenario.interventions.swap(index, index + 1),
        None => {}
    }
    let start = scenario.start;
    let templates = templates(scenario);
    ui.menu_button("+ Add intervention", |ui| {
        for (label, action) in templates {
            if ui.button(label).clicked() {
                scenario.interventions.push(Intervention {
                    label: scenario.unused_intervention_label(label),
                    enabled: true,
                    start,
                    action,
                });
                ui.close();
            }
        }
    });
}

/// Problems on number fields are shown by their rows and the label's under it;
/// others (an unknown group) are listed under the intervention.
fn is_shown_by_fields(path: &str) -> bool {
    !path.ends_with(".group") && !path.ends_with(".action")
}

fn end_label(start: Month, months: u32) -> String {
    format!("until {}", start.plus(months as i32 - 1).label())
}

fn intervention_fields(
    ui: &mut Ui,
    index: usize,
    scenario: &mut Scenario,
    groups: &[(String, String)],
    problems: &[Problem],
) {
    let kind = catalogue::action_kind(&scenario.interventions[index].action);
    Grid::new(("intervention_grid", index))
        .num_columns(3)
        .show(ui, |ui| {
            ui.label("Starts")
                .on_hover_text("The first month the intervention acts.");
            let start = &mut scenario.interventions[index].start;
            month_input(
                ui,
                ("intervention_start", index),
                start,
                "The first month the intervention acts.",
            );
            ui.label("");
            ui.end_row();
            let start = *start;
            // This kind of action's fields, in the catalogue's order: numbers as
            // rows, staff groups and months with widgets of their own.
            let entries = catalogue::editor_entries(Section::Interventions)
                .filter(|(input, _)| input.action == Some(kind));
            rows_ui(
                ui,
                scenario,
                entries,
                index,
                problems,
                |ui, scenario, input, place| {
                    let action = &mut scenario.interventions[index].action;
                    match input.kind {
                        Kind::Text => {
                            if let Some(group) = group_mut(action) {
                                group_row(ui, index, place.label, group, groups);
                            }
                        }
                        Kind::WholeMonths { .. } if input.field == "action.lag_months" => {
                            let funded_months = match action {
                                Action::EarlyHelp { months, .. } => *months,
                                _ => None,
                            };
                            if let Some(lag) = whole_months_mut(action, input.field) {
                                lag_row(ui, place.label, lag, start, funded_months, input);
                            }
                        }
                        Kind::WholeMonths { .. } => {
                            if let Some(months) = whole_months_mut(action, input.field) {
                                phased_row(ui, place.label, months, start, input);
                            }
                        }
                        Kind::Whole { .. } => {
                            if let Action::RecurringFunding { years, .. } = action {
                                years_row(ui, place.label, years, start, input);
                            }
                        }
                        Kind::OptionalWholeMonths { .. } => {
                            if let Some(months) = optional_months_mut(action) {
                                optional_months_row(ui, place.label, months, start, input);
                            }
                        }
                        _ => {}
                    }
                },
            );
        });
}

/// The staff group an action applies to, if it applies to one.
fn group_mut(action: &mut Action) -> Option<&mut String> {
    match action {
        Action::Recruit { group, .. }
        | Action::SetCaseloadCap { group, .. }
        | Action::ConvertAgency { group, .. } => Some(group),
        _ => None,
    }
}

/// An action's whole number of months called `field` (`action.over_months`).
fn whole_months_mut<'a>(action: &'a mut Action, field: &str) -> Option<&'a mut u32> {
    match (action, field) {
        (Action::Recruit { over_months, .. }, "action.over_months")
        | (Action::ConvertAgency { over_months, .. }, "action.over_months")
        | (Action::AddFosterPlaces { over_months, .. }, "action.over_months")
        | (
            Action::ContractedTeam {
                months: over_months,
                ..
            },
            "action.months",
        )
        | (
            Action::EarlyHelp {
                lag_months: over_months,
                ..
            },
            "action.lag_months",
        ) => Some(over_months),
        _ => None,
    }
}

/// An action's optional `action.months`: left out, it runs to the end.
fn optional_months_mut(action: &mut Action) -> Option<&mut Option<u32>> {
    match action {
        Action::EarlyHelp { months, .. } | Action::ExtraSpending { months, .. } => Some(months),
        _ => None,
    }
}

fn group_row(
    ui: &mut Ui,
    index: usize,
    label: &str,
    group: &mut String,
    groups: &[(String, String)],
) {
    let label = ui
        .label(label)
        .on_hover_text("The permanent staff group this applies to.");
    let selected = groups.iter().find(|(id, _)| id == group).map_or_else(
        || format!("unknown group \"{group}\""),
        |(_, name)| name.clone(),
    );
    egui::ComboBox::from_id_salt(("intervention_group", index))
        .selected_text(selected)
        .width(200.0)
        .show_ui(ui, |ui| {
            for (id, name) in groups {
                ui.selectable_value(group, id.clone(), name);
            }
        })
        .response
        .labelled_by(label.id);
    ui.label("");
    ui.end_row();
}

/// The months an action's field accepts and its tooltip, from the catalogue.
fn months_entry(input: &Input) -> (std::ops::RangeInclusive<u32>, String) {
    let range = match input.kind {
        Kind::WholeMonths { min, max } | Kind::OptionalWholeMonths { min, max } => min..=max,
        _ => 0..=u32::MAX,
    };
    (range, input.help())
}

/// A whole number of months over which an action phases in, or for which it runs.
fn phased_row(ui: &mut Ui, label: &str, months: &mut u32, start: Month, input: &Input) {
    let (range, help) = months_entry(input);
    ui.label(label).on_hover_text(&help);
    months_input(ui, months, range, &help);
    ui.label(RichText::new(end_label(start, *months)).weak());
    ui.end_row();
}

/// A whole number of years an action runs for, from its start month.
fn years_row(ui: &mut Ui, label: &str, years: &mut u32, start: Month, input: &Input) {
    let (min, max) = match input.kind {
        Kind::Whole { min, max } => (min, max),
        _ => (1, u32::MAX),
    };
    let help = input.help();
    let label = ui.label(label).on_hover_text(&help);
    ui.add(
        egui::DragValue::new(years)
            .range(min..=max)
            .speed(0.05)
            .suffix(" years"),
    )
    .on_hover_text(&help)
    .labelled_by(label.id);
    let months = years.saturating_mul(12).min(i32::MAX as u32);
    ui.label(RichText::new(end_label(start, months)).weak());
    ui.end_row();
}

/// The months before an action's effect starts, and the month it starts in; an
/// effect that would start after its funding ends has none.
fn lag_row(
    ui: &mut Ui,
    label: &str,
    lag_months: &mut u32,
    start: Month,
    funded_months: Option<u32>,
    input: &Input,
) {
    let (range, help) = months_entry(input);
    ui.label(label).on_hover_text(&help);
    months_input(ui, lag_months, range, &help);
    if funded_months.is_some_and(|months| months <= *lag_months) {
        ui.label(RichText::new("no effect: its funding ends first").weak());
    } else {
        ui.label(Month::label(start.plus(*lag_months as i32)));
    }
    ui.end_row();
}

/// The optional `action.months` of an action: off runs to the end of the projection.
fn optional_months_row(
    ui: &mut Ui,
    label: &str,
    months: &mut Option<u32>,
    start: Month,
    input: &Input,
) {
    let (range, help) = months_entry(input);
    let mut limited = months.is_some();
    if ui
        .checkbox(&mut limited, label)
        .on_hover_text(&help)
        .changed()
    {
        *months = limited.then_some(12);
    }
    match months {
        Some(value) => {
            months_input(ui, value, range, &help);
            ui.label(RichText::new(end_label(start, *value)).weak());
        }
        None => {
            ui.label(RichText::new("to the end").weak());
            ui.label("");
        }
    }
    ui.end_row();
}
