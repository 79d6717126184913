//! Staff: one row per staff group, and the recruitment and agency policy.

use egui::{Checkbox, Grid, RichText, ScrollArea, TextEdit, Ui};

use super::fields::{
    NumberField, number_input, number_row, optional_number_row, problem_at, problem_text,
};
use crate::model::catalogue::{self, Scope};
use crate::model::{Problem, Scenario, StaffGroup, WorkforcePolicy};
use crate::ui::accessible_label;

pub fn staff_ui(ui: &mut Ui, scenario: &mut Scenario, problems: &[Problem]) {
    let mut remove = None;
    // Problems name their input as people know it ("Experienced social workers:
    // staff in post (FTE)"), worked out before the rows borrow the groups.
    let named_problems: Vec<(&Problem, String)> = problems
        .iter()
        .filter(|problem| problem.path.starts_with("staff["))
        .map(|problem| (problem, problem.name(scenario).unwrap_or_default()))
        .collect();
    ScrollArea::horizontal()
        .id_salt("staff_table")
        .show(ui, |ui| {
            Grid::new("staff_grid")
                .num_columns(10)
                .striped(true)
                .show(ui, |ui| {
                    // Each heading's tooltip is its input's meaning, default and limits.
                    for (heading, field) in [
                        ("Staff group", "name"),
                        ("FTE", "fte"),
                        ("Establishment", "establishment"),
                        ("Cap", "caseload_cap"),
                        ("On cases %", "case_time_percent"),
                        ("Salary £", "annual_salary_gbp"),
                        ("On-cost %", "on_cost_percent"),
                        ("Turnover %", "turnover_percent_per_year"),
                        ("Agency", "agency"),
                    ] {
                        let help = catalogue::entry(Scope::StaffGroup, field, None)
                            .map_or_else(String::new, |input| input.help());
                        ui.label(RichText::new(heading).strong())
                            .on_hover_text(help);
                    }
                    ui.label("");
                    ui.end_row();
                    for (index, group) in scenario.staff.iter_mut().enumerate() {
                        staff_row(ui, index, group, &mut remove);
                        let prefix = format!("staff[{index}]");
                        let prefix = format!("{prefix}.");
                        for (problem, name) in named_problems
                            .iter()
                            .filter(|(p, _)| p.path.starts_with(&prefix))
                        {
                            ui.label("");
                            ui.label(problem_text(ui, &format!("{name}: {}", problem.message)));
                            ui.end_row();
                        }
                    }
                });
        });
    if let Some(index) = remove {
        scenario.staff.remove(index);
    }
    if ui.button("+ Add staff group").clicked() {
        let id = (1..)
            .map(|n| format!("group-{n}"))
            .find(|id| scenario.group_index(id).is_none())
            .unwrap_or_default();
        scenario.staff.push(StaffGroup {
            name: format!("New group ({id})"),
            id,
            ..StaffGroup::default()
        });
    }
    ui.add_space(4.0);
    progression_ui(ui, scenario, problems);
    for problem in problems.iter().filter(|problem| problem.path == "staff") {
        ui.label(problem_text(ui, &problem.message));
    }
}

fn staff_row(ui: &mut Ui, index: usize, group: &mut StaffGroup, remove: &mut Option<usize>) {
    let name = group.name.clone();
    // Each input is named "<column> of <group>" for screen readers and UI tests.
    let column = |ui: &mut Ui, value: &mut f64, field: NumberField<'_>| {
        let response = number_input(ui, value, &field);
        accessible_label(&response, format!("{} of {name}", field.label));
    };
    let name_edit = ui
        .add_sized([190.0, 20.0], TextEdit::singleline(&mut group.name))
        .on_hover_text(format!("Id: {}", group.id));
    accessible_label(&name_edit, format!("Name of staff group {}", group.id));
    column(
        ui,
        &mut group.fte,
        NumberField::item("FTE", Scope::StaffGroup, "fte", None),
    );
    if group.agency || group.span_of_control.is_some() {
        ui.label(RichText::new("follows").weak())
            .on_hover_text(if group.agency {
                "Agency staff cover vacancies; they have no establishment of their own."
            } else {
                "Set by the span of control below."
            });
    } else {
        column(
            ui,
            &mut group.establishment,
            NumberField::item("Establishment", Scope::StaffGroup, "establishment", None),
        );
    }
    column(
        ui,
        &mut group.caseload_cap,
        NumberField::item("Cap", Scope::StaffGroup, "caseload_cap", None),
    );
    column(
        ui,
        &mut group.case_time_percent,
        NumberField::item("On cases", Scope::StaffGroup, "case_time_percent", None),
    );
    column(
        ui,
        &mut group.annual_salary_gbp,
        NumberField::item("Salary", Scope::StaffGroup, "annual_salary_gbp", None),
    );
    column(
        ui,
        &mut group.on_cost_percent,
        NumberField::item("On-cost", Scope::StaffGroup, "on_cost_percent", None),
    );
    column(
        ui,
        &mut group.turnover_percent_per_year,
        NumberField::item(
            "Turnover",
            Scope::StaffGroup,
            "turnover_percent_per_year",
            None,
        ),
    );
    let agency = ui
        .add(Checkbox::without_text(&mut group.agency))
        .on_hover_text("Agency staff: cover vacancies, paid at the agency premium.");
    accessible_label(&agency, format!("{} are agency staff", group.name));
    let remove_button = ui
        .small_button("Remove")
        .on_hover_text(format!("Remove {}", group.name));
    accessible_label(&remove_button, format!("Remove {}", group.name));
    if remove_button.clicked() {
        *remove = Some(index);
    }
    ui.end_row();
}

/// Who progresses where (ASYE to experienced) and managers' spans of control.
fn progression_ui(ui: &mut Ui, scenario: &mut Scenario, problems: &[Problem]) {
    ui.collapsing("Progression and managers", |ui| {
        let ids: Vec<(String, String)> = scenario
            .staff
            .iter()
            .map(|group| (group.id.clone(), group.name.clone()))
            .collect();
        Grid::new("progression_grid").num_columns(3).show(ui, |ui| {
            for (index, group) in scenario.staff.iter_mut().enumerate() {
                if group.agency {
                    continue;
                }
                let label = ui.label(&group.name);
                let target_name = group
                    .progresses_to
                    .as_ref()
                    .and_then(|id| ids.iter().find(|(known, _)| known == id))
                    .map_or("stays in this group", |(_, name)| name.as_str());
                egui::ComboBox::from_id_salt(("progresses_to", index))
                    .selected_text(if group.progresses_to.is_some() {
                        format!("moves on to {target_name}")
                    } else {
                        target_name.to_owned()
                    })
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut group.progresses_to, None, "stays in this group");
                        for (id, name) in ids.iter().filter(|(id, _)| *id != group.id) {
                            ui.selectable_value(&mut group.progresses_to, Some(id.clone()), name);
                        }
                    })
                    .response
                    .labelled_by(label.id)
                    .on_hover_text("Where staff move when they finish this stage: newly qualified social workers become experienced after their ASYE year.");
                if group.progresses_to.is_some() {
                    number_input(
                        ui,
                        &mut group.progression_months,
                        &NumberField::item("Stage", Scope::StaffGroup, "progression_months", None),
                    );
                } else {
                    ui.label("");
                }
                ui.end_row();
                optional_number_row(
                    ui,
                    &mut group.span_of_control,
                    &NumberField::item("  Span of control", Scope::StaffGroup, "span_of_control", None),
                    problem_at(problems, &format!("staff[{index}].span_of_control")),
                );
            }
        });
    });
}

pub fn workforce_policy_ui(ui: &mut Ui, policy: &mut WorkforcePolicy, problems: &[Problem]) {
    let at = |field: &str| problem_at(problems, &format!("workforce.{field}"));
    Grid::new("workforce_grid").num_columns(3).show(ui, |ui| {
        number_row(
            ui,
            &mut policy.recruitment_percent_per_month,
            &NumberField::scenario(
                "Recruitment speed",
                "workforce.recruitment_percent_per_month",
            ),
            at("recruitment_percent_per_month"),
        );
        number_row(
            ui,
            &mut policy.time_to_hire_months,
            &NumberField::scenario("Time to hire", "workforce.time_to_hire_months"),
            at("time_to_hire_months"),
        );
        optional_number_row(
            ui,
            &mut policy.max_recruitment_starts_per_month,
            &NumberField::scenario(
                "Limit recruitment starts",
                "workforce.max_recruitment_starts_per_month",
            ),
            at("max_recruitment_starts_per_month"),
        );
        number_row(
            ui,
            &mut policy.cost_per_hire_gbp,
            &NumberField::scenario("Cost per hire", "workforce.cost_per_hire_gbp"),
            at("cost_per_hire_gbp"),
        );
        number_row(
            ui,
            &mut policy.agency_cover_percent,
            &NumberField::scenario("Agency cover", "workforce.agency_cover_percent"),
            at("agency_cover_percent"),
        );
        number_row(
            ui,
            &mut policy.agency_premium_percent,
            &NumberField::scenario("Agency premium", "workforce.agency_premium_percent"),
            at("agency_premium_percent"),
        );
        number_row(
            ui,
            &mut policy.agency_adjust_months,
            &NumberField::scenario(
                "Agency follows vacancies in",
                "workforce.agency_adjust_months",
            ),
            at("agency_adjust_months"),
        );
        number_row(
            ui,
            &mut policy.caseload_spread_percent,
            &NumberField::scenario("Caseload spread", "workforce.caseload_spread_percent"),
            at("caseload_spread_percent"),
        );
        ui.label("Burnout loop").on_hover_text(
            "When caseloads exceed capacity, turnover rises, which cuts capacity further.",
        );
        ui.checkbox(&mut policy.burnout.enabled, "on")
            .on_hover_text("Switch the burnout loop on or off.");
        ui.label("");
        ui.end_row();
        number_row(
            ui,
            &mut policy.burnout.strength,
            &NumberField::scenario("Burnout strength", "workforce.burnout.strength"),
            at("burnout.strength"),
        );
        number_row(
            ui,
            &mut policy.burnout.max_multiplier,
            &NumberField::scenario("Most turnover can rise", "workforce.burnout.max_multiplier"),
            at("burnout.max_multiplier"),
        );
    });
}
