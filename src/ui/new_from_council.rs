//! File > New from council…: type to find a council, choose the year, see what
//! will be filled in and where each figure comes from, and open it as a new tab.

use egui::{ComboBox, Context, Grid, RichText, ScrollArea, TextEdit, Ui};

use super::council_search::council_matches_ui;
use super::theme;
use crate::council_scenario::{CouncilScenario, years_with_data};
use crate::model::catalogue;
use crate::published::{self, LICENCE};
use crate::units;
use crate::workspace::{Command, NewFromCouncil};

/// The button that opens the scenario.
pub const OPEN_AS_NEW_TAB: &str = "Open as a new tab";

/// The starting figures shown first, by their path in the file.
const KEY_FIGURES: [&str; 5] = [
    "demand.children_in_need",
    "demand.child_protection",
    "demand.looked_after",
    "demand.referrals_per_month",
    "workforce.agency_cover_percent",
];

pub fn new_from_council_window(
    ctx: &Context,
    state: &mut NewFromCouncil,
    commands: &mut Vec<Command>,
) {
    let mut open = state.open;
    egui::Window::new("New from council")
        .open(&mut open)
        .default_size([820.0, 560.0])
        // Long source notes wrap instead of widening the window past the screen.
        .max_width(900.0)
        .show(ctx, |ui| {
            ScrollArea::vertical()
                .id_salt("new_from_council_scroll")
                .show(ui, |ui| new_from_council_ui(ui, state, commands));
        });
    state.open = open && state.open;
}

fn new_from_council_ui(ui: &mut Ui, state: &mut NewFromCouncil, commands: &mut Vec<Command>) {
    if let Some(problem) = published::load_problem() {
        ui.label(format!(
            "The published figures could not be read: {problem}"
        ));
        return;
    }
    ui.label("A scenario from a council's own published figures (DfE, ONS, MHCLG), every figure with the table and year it came from.");
    ui.horizontal(|ui| {
        let label = ui.label("Council name or code");
        let search = ui
            .add(TextEdit::singleline(&mut state.search).hint_text("e.g. Wakefield or E08000036"))
            .labelled_by(label.id);
        if std::mem::take(&mut state.focus_search) {
            search.request_focus();
        }
    });
    if let Some(code) = council_matches_ui(ui, &state.search, state.council.as_deref()) {
        state.choose(&code);
    }
    let Some(council) = state.council.as_deref().and_then(published::by_code) else {
        return;
    };
    let years = years_with_data(council);
    let Some(&latest) = years.last() else {
        ui.label(format!(
            "{} has no year with children in care, children in need and referrals all published.",
            council.name
        ));
        return;
    };
    ui.horizontal(|ui| {
        let label = ui.label("Start from the year ending 31 March");
        let current = state.year.unwrap_or(latest);
        let mut chosen_year = current;
        ComboBox::from_id_salt("new_from_council_year")
            .selected_text(current.to_string())
            .show_ui(ui, |ui| {
                for year in years.iter().rev() {
                    ui.selectable_value(&mut chosen_year, *year, year.to_string());
                }
            })
            .response
            .labelled_by(label.id);
        if chosen_year != current {
            state.choose_year(chosen_year);
        }
        if let Some(note) = council.history_note() {
            ui.label(RichText::new(note).color(theme::status_colours(ui.visuals()).warning));
        }
    });
    match &state.preview {
        Some(Ok(built)) => {
            // Above the preview, so it is in view however long the notes run.
            if ui.button(OPEN_AS_NEW_TAB).clicked() {
                commands.push(Command::OpenCouncilScenario {
                    code: council.code.clone(),
                    year: built.year,
                });
            }
            ui.separator();
            preview_ui(ui, built);
        }
        Some(Err(message)) => {
            ui.label(RichText::new(message).color(theme::status_colours(ui.visuals()).bad));
        }
        None => {}
    }
    ui.label(RichText::new(LICENCE).small().weak());
}

/// What will be filled in and from where: the starting figures first, then the
/// England figures that stand in, then every figure's comment.
fn preview_ui(ui: &mut Ui, built: &CouncilScenario) {
    let scenario = &built.scenario;
    ui.label(
        RichText::new(format!(
            "{}: starts {} from the figures for the year ending 31 March {}",
            scenario.name,
            scenario.start.label(),
            built.year
        ))
        .strong(),
    );
    let name = |path: &str| catalogue::name_of(scenario, path).unwrap_or_else(|| path.to_owned());
    Grid::new("new_from_council_key_figures")
        .num_columns(3)
        .striped(true)
        .show(ui, |ui| {
            ui.strong("Figure");
            ui.strong("Value");
            ui.strong("Where it comes from");
            ui.end_row();
            for path in KEY_FIGURES {
                let value = match path {
                    "demand.children_in_need" => units::children(scenario.demand.children_in_need),
                    "demand.child_protection" => units::children(scenario.demand.child_protection),
                    "demand.looked_after" => units::children(scenario.demand.looked_after),
                    "demand.referrals_per_month" => {
                        format!(
                            "{} a month",
                            units::thousands(scenario.demand.referrals_per_month, 1)
                        )
                    }
                    _ => format!(
                        "{}%",
                        units::thousands(scenario.workforce.agency_cover_percent, 1)
                    ),
                };
                ui.label(name(path));
                ui.label(value);
                ui.add(egui::Label::new(built.comments.on(path)).wrap());
                ui.end_row();
            }
            let social_workers: f64 = scenario
                .staff
                .iter()
                .filter(|group| !group.agency)
                .map(|group| group.fte)
                .sum();
            let agency: f64 = scenario
                .staff
                .iter()
                .filter(|group| group.agency)
                .map(|group| group.fte)
                .sum();
            ui.label("Social workers in post (FTE)");
            ui.label(format!(
                "{} permanent, {} agency",
                units::fte(social_workers),
                units::fte(agency)
            ));
            ui.add(egui::Label::new(built.comments.on("staff")).wrap());
            ui.end_row();
        });
    if built.stand_ins.is_empty() {
        ui.label("Every figure above is the council's own.");
    } else {
        ui.label(
            RichText::new("England figures standing in for ones the council has not published:")
                .strong(),
        );
        for stand_in in &built.stand_ins {
            ui.add(egui::Label::new(format!("• {stand_in}")).wrap());
        }
    }
    egui::CollapsingHeader::new("Every figure and where it comes from")
        .id_salt("new_from_council_every_figure")
        .show(ui, |ui| {
            for (path, comment) in &built.comments.entries {
                ui.label(RichText::new(name(path)).strong());
                ui.add(egui::Label::new(comment).wrap());
            }
        });
}
