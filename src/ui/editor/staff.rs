//! Staff: a table with one row per staff group and one column per staff-group
//! input of the catalogue, the catalogue's other staff-group inputs under their
//! sub-heading, and the recruitment, agency and burnout policy.

use egui::{Checkbox, Grid, RichText, ScrollArea, TextEdit, Ui};

use super::fields::{NumberField, number_input, problem_text};
use super::rows::{entry_row, rows_ui};
use crate::model::catalogue::{self, Input, InputRef, Place, Scope, Section};
use crate::model::{Problem, Scenario, StaffGroup};
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
    // One column per staff-group input the catalogue places in the table.
    let columns: Vec<(&'static Input, Place)> = catalogue::editor_entries(Section::Staff)
        .filter(|(_, place)| place.is_column())
        .collect();
    // Each group's problems, as lines under its row in both halves of the table.
    let problems_of = |index: usize| -> Vec<String> {
        let prefix = format!("staff[{index}].");
        named_problems
            .iter()
            .filter(|(problem, _)| problem.path.starts_with(&prefix))
            .map(|(problem, name)| format!("{name}: {}", problem.message))
            .collect()
    };
    let group_problems: Vec<Vec<String>> = (0..scenario.staff.len()).map(problems_of).collect();
    // The names stay put on the left; the inputs scroll sideways beside them, so
    // a narrow editor still shows which row is which group.
    let more_to_the_right = ui.horizontal_top(|ui| {
        Grid::new("staff_names")
            .num_columns(1)
            .striped(true)
            .min_row_height(STAFF_ROW_HEIGHT)
            .show(ui, |ui| {
                let help = catalogue::entry(Scope::StaffGroup, "name", None)
                    .map_or_else(String::new, |input| input.help());
                ui.label(RichText::new("Staff group").strong())
                    .on_hover_text(help);
                ui.end_row();
                for (index, problems) in group_problems.iter().enumerate() {
                    name_cell(ui, scenario, index);
                    ui.end_row();
                    for _ in problems {
                        ui.label("");
                        ui.end_row();
                    }
                }
            });
        // The scroll bar always shows, so columns out of sight are not a secret.
        let table = ScrollArea::horizontal()
            .id_salt("staff_table")
            .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
            .show(ui, |ui| {
                Grid::new("staff_grid")
                    .num_columns(columns.len() + 2)
                    .striped(true)
                    .min_row_height(STAFF_ROW_HEIGHT)
                    .show(ui, |ui| {
                        for (input, place) in &columns {
                            ui.label(RichText::new(place.heading).strong())
                                .on_hover_text(input.help());
                        }
                        let agency_help = catalogue::entry(Scope::StaffGroup, "agency", None)
                            .map_or_else(String::new, |input| input.help());
                        ui.label(RichText::new("Agency").strong())
                            .on_hover_text(agency_help);
                        ui.label("");
                        ui.end_row();
                        for (index, problems) in group_problems.iter().enumerate() {
                            staff_row(ui, scenario, index, &columns, &mut remove);
                            for problem in problems {
                                ui.label(problem_text(ui, problem));
                                ui.end_row();
                            }
                        }
                    });
            });
        let hidden =
            table.content_size.x - table.inner_rect.width() - table.state.clamped_offset().x;
        hidden > 1.0
    });
    if more_to_the_right.inner {
        ui.weak("More columns to the right: scroll the table sideways (Shift + wheel).");
    }
    if let Some(index) = remove {
        scenario.staff.remove(index);
    }
    ui.horizontal(|ui| {
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
        // The table as cells for a spreadsheet (its hover says so).
        crate::ui::copy_table::copy_button(ui, "the staff table", || {
            crate::ui::staff_table::staff_rows(scenario)
        });
    });
    ui.add_space(4.0);
    progression_ui(ui, scenario, problems);
    for problem in problems.iter().filter(|problem| problem.path == "staff") {
        ui.label(problem_text(ui, &problem.message));
    }
}

fn staff_row(
    ui: &mut Ui,
    scenario: &mut Scenario,
    index: usize,
    columns: &[(&'static Input, Place)],
    remove: &mut Option<usize>,
) {
    let group = &scenario.staff[index];
    let name = group.name.clone();
    let agency = group.agency;
    // Agency staff and managers with a span of control have no establishment of their own.
    let establishment_follows = group.agency || group.span_of_control.is_some();
    for &(input, place) in columns {
        if input.field == "establishment" && establishment_follows {
            ui.label(RichText::new("follows").weak())
                .on_hover_text(if agency {
                    "Agency staff cover the case-holding capacity of vacant posts; they have no establishment of their own."
                } else {
                    "Set by the span of control below."
                });
            continue;
        }
        match (InputRef { input, item: index }).number_mut(scenario) {
            Some(value) => {
                let response = number_input(ui, value, &NumberField::for_input(place.label, input));
                // Each input is named "<column> of <group>" for screen readers and UI tests.
                accessible_label(&response, format!("{} of {name}", place.label));
            }
            None => {
                ui.label("");
            }
        }
    }
    let group = &mut scenario.staff[index];
    let agency = ui
        .add(Checkbox::without_text(&mut group.agency))
        .on_hover_text("Agency staff: cover the case-holding capacity of vacant posts, paid at the agency premium.");
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

/// Every row of the staff table is this tall, so the fixed name column and the
/// scrolling inputs beside it line up.
const STAFF_ROW_HEIGHT: f32 = 22.0;

/// A group's name, in the fixed column: a long name is cut to the column's
/// width and shown in full on hover.
fn name_cell(ui: &mut Ui, scenario: &mut Scenario, index: usize) {
    let group = &mut scenario.staff[index];
    let full = format!("{}\n(id {})", group.name, group.id);
    let name_edit = ui
        .add_sized([170.0, 20.0], TextEdit::singleline(&mut group.name))
        .on_hover_text(full);
    accessible_label(&name_edit, format!("Name of staff group {}", group.id));
}

/// Who progresses where (ASYE to experienced) and the catalogue's other inputs
/// of each staff group, such as managers' spans of control, under their
/// sub-headings. The length of a stage goes next to where staff move on to.
fn progression_ui(ui: &mut Ui, scenario: &mut Scenario, problems: &[Problem]) {
    for heading in catalogue::editor_groups(Section::Staff) {
        ui.collapsing(heading, |ui| {
            let grid_id = ("progression_grid", heading);
            Grid::new(grid_id).num_columns(3).show(ui, |ui| {
                for index in 0..scenario.staff.len() {
                    if scenario.staff[index].agency {
                        continue;
                    }
                    let rows = catalogue::editor_entries(Section::Staff)
                        .filter(|(_, place)| !place.is_column() && place.group == heading);
                    for (input, place) in rows {
                        let entry = InputRef { input, item: index };
                        if input.field == STAGE {
                            progression_row(ui, scenario, entry, place);
                        } else {
                            let label = format!("  {}", place.label);
                            entry_row(ui, scenario, entry, &label, problems);
                        }
                    }
                }
            });
        });
    }
}

/// The length of a stage: drawn beside where staff move on to when it ends.
const STAGE: &str = "progression_months";

/// Where a group's staff move on to, and after how long.
fn progression_row(ui: &mut Ui, scenario: &mut Scenario, stage: InputRef, place: Place) {
    let index = stage.item;
    let ids: Vec<(String, String)> = scenario
        .staff
        .iter()
        .map(|group| (group.id.clone(), group.name.clone()))
        .collect();
    let group = &mut scenario.staff[index];
    let name = group.name.clone();
    let label = ui.label(&group.name);
    let target_name = group
        .progresses_to
        .as_ref()
        .and_then(|id| ids.iter().find(|(known, _)| known == id))
        .map_or("stays in this group", |(_, name)| name.as_str());
    // The whole "moves on to ..." shows: the editor scrolls sideways if need be.
    egui::ComboBox::from_id_salt(("progresses_to", index))
        .wrap_mode(egui::TextWrapMode::Extend)
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
    let moves_on = group.progresses_to.is_some();
    match stage.number_mut(scenario) {
        Some(months) if moves_on => {
            let response = number_input(
                ui,
                months,
                &NumberField::for_input(place.label, stage.input),
            );
            accessible_label(&response, format!("{} of {name}", place.label));
        }
        _ => {
            ui.label("");
        }
    }
    ui.end_row();
}

pub fn workforce_policy_ui(ui: &mut Ui, scenario: &mut Scenario, problems: &[Problem]) {
    Grid::new("workforce_grid").num_columns(3).show(ui, |ui| {
        let entries = catalogue::editor_entries(Section::Workforce);
        rows_ui(
            ui,
            scenario,
            entries,
            0,
            problems,
            |ui, scenario, input, place| {
                if input.field == "workforce.burnout.enabled" {
                    ui.label(place.label).on_hover_text(input.help());
                    ui.checkbox(&mut scenario.workforce.burnout.enabled, "on")
                        .on_hover_text("Switch the burnout loop on or off.");
                    ui.label("");
                    ui.end_row();
                }
            },
        );
    });
}
