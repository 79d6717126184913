//! Interventions: the dated plan. Add, remove, reorder and switch each one on or off.

use egui::{Frame, Grid, RichText, TextEdit, Ui};

use super::fields::{NumberField, month_input, months_input, number_row, problem_at, problem_text};
use crate::model::catalogue::{self, Kind, Scope};
use crate::model::{Action, Intervention, Month, Problem, Scenario};
use crate::ui::accessible_label;

/// A new intervention of each kind, as offered by "Add intervention".
fn templates(scenario: &Scenario) -> Vec<(&'static str, Action)> {
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
    for (index, intervention) in scenario.interventions.iter_mut().enumerate() {
        Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
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
            intervention_fields(ui, index, intervention, &groups, problems);
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
    intervention: &mut Intervention,
    groups: &[(String, String)],
    problems: &[Problem],
) {
    let path = format!("interventions[{index}].action");
    let at = |field: &str| problem_at(problems, &format!("{path}.{field}"));
    let start = &mut intervention.start;
    Grid::new(("intervention_grid", index))
        .num_columns(3)
        .show(ui, |ui| {
            ui.label("Starts")
                .on_hover_text("The first month the intervention acts.");
            month_input(
                ui,
                ("intervention_start", index),
                start,
                "The first month the intervention acts.",
            );
            ui.label("");
            ui.end_row();
            let start = *start;
            match &mut intervention.action {
                Action::Recruit {
                    group,
                    extra_fte,
                    over_months,
                } => {
                    group_row(ui, index, group, groups);
                    number_row(
                        ui,
                        extra_fte,
                        &NumberField::item(
                            "Extra posts",
                            Scope::Intervention,
                            "action.extra_fte",
                            Some("Recruit"),
                        ),
                        at("extra_fte"),
                    );
                    phased_row(
                        ui,
                        "Phased over",
                        over_months,
                        start,
                        ("action.over_months", "Recruit"),
                    );
                }
                Action::SetCaseloadCap { group, cap } => {
                    group_row(ui, index, group, groups);
                    number_row(
                        ui,
                        cap,
                        &NumberField::item(
                            "New cap",
                            Scope::Intervention,
                            "action.cap",
                            Some("SetCaseloadCap"),
                        ),
                        at("cap"),
                    );
                }
                Action::Funding { amount_gbp } => {
                    number_row(
                        ui,
                        amount_gbp,
                        &NumberField::item(
                            "Amount",
                            Scope::Intervention,
                            "action.amount_gbp",
                            Some("Funding"),
                        ),
                        at("amount_gbp"),
                    );
                }
                Action::EarlyHelp {
                    annual_cost_gbp,
                    referral_reduction_percent,
                    care_entry_reduction_percent,
                    lag_months,
                    months,
                } => {
                    number_row(
                        ui,
                        annual_cost_gbp,
                        &NumberField::item(
                            "Cost",
                            Scope::Intervention,
                            "action.annual_cost_gbp",
                            Some("EarlyHelp"),
                        ),
                        at("annual_cost_gbp"),
                    );
                    number_row(
                        ui,
                        referral_reduction_percent,
                        &NumberField::item(
                            "Fewer referrals",
                            Scope::Intervention,
                            "action.referral_reduction_percent",
                            Some("EarlyHelp"),
                        ),
                        at("referral_reduction_percent"),
                    );
                    number_row(
                        ui,
                        care_entry_reduction_percent,
                        &NumberField::item(
                            "Fewer entries to care",
                            Scope::Intervention,
                            "action.care_entry_reduction_percent",
                            Some("EarlyHelp"),
                        ),
                        at("care_entry_reduction_percent"),
                    );
                    let (range, help) = months_entry("action.lag_months", "EarlyHelp");
                    ui.label("Effect starts after").on_hover_text(&help);
                    months_input(ui, lag_months, range, &help);
                    ui.label(crate::model::Month::label(start.plus(*lag_months as i32)));
                    ui.end_row();
                    optional_months_row(ui, "Runs for", months, start, "EarlyHelp");
                }
                Action::ContractedTeam {
                    cases,
                    months,
                    total_cost_gbp,
                } => {
                    number_row(
                        ui,
                        cases,
                        &NumberField::item(
                            "Cases held",
                            Scope::Intervention,
                            "action.cases",
                            Some("ContractedTeam"),
                        ),
                        at("cases"),
                    );
                    phased_row(
                        ui,
                        "For",
                        months,
                        start,
                        ("action.months", "ContractedTeam"),
                    );
                    number_row(
                        ui,
                        total_cost_gbp,
                        &NumberField::item(
                            "Total cost",
                            Scope::Intervention,
                            "action.total_cost_gbp",
                            Some("ContractedTeam"),
                        ),
                        at("total_cost_gbp"),
                    );
                }
                Action::ConvertAgency {
                    group,
                    fte,
                    over_months,
                } => {
                    group_row(ui, index, group, groups);
                    number_row(
                        ui,
                        fte,
                        &NumberField::item(
                            "Agency FTE converted",
                            Scope::Intervention,
                            "action.fte",
                            Some("ConvertAgency"),
                        ),
                        at("fte"),
                    );
                    phased_row(
                        ui,
                        "Over",
                        over_months,
                        start,
                        ("action.over_months", "ConvertAgency"),
                    );
                }
                Action::ExtraSpending {
                    annual_cost_gbp,
                    months,
                } => {
                    number_row(
                        ui,
                        annual_cost_gbp,
                        &NumberField::item(
                            "Cost",
                            Scope::Intervention,
                            "action.annual_cost_gbp",
                            Some("ExtraSpending"),
                        ),
                        at("annual_cost_gbp"),
                    );
                    optional_months_row(ui, "Runs for", months, start, "ExtraSpending");
                }
                Action::AddFosterPlaces {
                    places,
                    over_months,
                } => {
                    number_row(
                        ui,
                        places,
                        &NumberField::item(
                            "Extra places",
                            Scope::Intervention,
                            "action.places",
                            Some("AddFosterPlaces"),
                        ),
                        at("places"),
                    );
                    phased_row(
                        ui,
                        "Phased over",
                        over_months,
                        start,
                        ("action.over_months", "AddFosterPlaces"),
                    );
                }
            }
        });
}

fn group_row(ui: &mut Ui, index: usize, group: &mut String, groups: &[(String, String)]) {
    let label = ui
        .label("Staff group")
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
fn months_entry(field: &str, action: &str) -> (std::ops::RangeInclusive<u32>, String) {
    match catalogue::entry(Scope::Intervention, field, Some(action)) {
        Some(input) => {
            let range = match input.kind {
                Kind::WholeMonths { min, max } | Kind::OptionalWholeMonths { min, max } => {
                    min..=max
                }
                _ => 0..=u32::MAX,
            };
            (range, input.help())
        }
        None => (0..=u32::MAX, String::new()),
    }
}

/// A whole number of months: `field` of the `action` (`("action.over_months", "Recruit")`).
fn phased_row(
    ui: &mut Ui,
    label: &str,
    months: &mut u32,
    start: Month,
    (field, action): (&str, &str),
) {
    let (range, help) = months_entry(field, action);
    ui.label(label).on_hover_text(&help);
    months_input(ui, months, range, &help);
    ui.label(RichText::new(end_label(start, *months)).weak());
    ui.end_row();
}

/// The optional `action.months` of an action: off runs to the end of the projection.
fn optional_months_row(
    ui: &mut Ui,
    label: &str,
    months: &mut Option<u32>,
    start: Month,
    action: &str,
) {
    let (range, help) = months_entry("action.months", action);
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
