//! The row of open scenarios: one tab each, with close buttons, New and Duplicate.

use egui::{RichText, Ui};

use super::accessible_label;
use crate::workspace::{Command, Document};

pub fn documents_bar_ui(
    ui: &mut Ui,
    documents: &[Document],
    active: usize,
    commands: &mut Vec<Command>,
) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Scenarios:").weak());
        for (index, document) in documents.iter().enumerate() {
            let mark = if document.is_modified() { " •" } else { "" };
            let text = format!("{}{mark}", document.scenario.name);
            let tab = ui
                .selectable_label(index == active, text)
                .on_hover_text(format!("File: {}", document.file_label()));
            accessible_label(&tab, format!("Scenario tab {}", document.scenario.name));
            if tab.clicked() {
                commands.push(Command::Activate(index));
            }
            let close = ui.small_button("x").on_hover_text("Close this scenario");
            accessible_label(&close, format!("Close {}", document.scenario.name));
            if close.clicked() {
                commands.push(Command::CloseTab(index));
            }
            ui.add_space(8.0);
        }
        ui.separator();
        if ui
            .button("Duplicate")
            .on_hover_text("A copy of the scenario being edited, in a new tab: the usual way to build \"the plan\" from \"do nothing\".")
            .clicked()
        {
            commands.push(Command::Duplicate);
        }
        if ui.button("New").on_hover_text("A new scenario from the built-in example, in a new tab.").clicked() {
            commands.push(Command::New);
        }
    });
}
