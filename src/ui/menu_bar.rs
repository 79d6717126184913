//! The menu bar: File, Edit, View, Help. Menu items only queue commands.

use std::path::PathBuf;

use egui::{Button, Context, Key, KeyboardShortcut, Modifiers, Ui};

use crate::workspace::{Command, FileChooserChoice, ThemeChoice};

pub const NEW: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
pub const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
pub const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
pub const SAVE_AS: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
pub const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
pub const REDO: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
pub const REDO_ALTERNATIVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
pub const QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);
pub const DUPLICATE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::D);

/// Keyboard shortcuts, most specific first (Ctrl+Shift+S before Ctrl+S).
pub fn shortcut_commands(ctx: &Context) -> Vec<Command> {
    let table = [
        (SAVE_AS, Command::SaveAs),
        (REDO, Command::Redo),
        (REDO_ALTERNATIVE, Command::Redo),
        (NEW, Command::New),
        (OPEN, Command::Open),
        (SAVE, Command::Save),
        (UNDO, Command::Undo),
        (QUIT, Command::Quit),
        (DUPLICATE, Command::Duplicate),
    ];
    ctx.input_mut(|input| {
        table
            .into_iter()
            .filter(|(shortcut, _)| input.consume_shortcut(shortcut))
            .map(|(_, command)| command)
            .collect()
    })
}

/// What the menus need to know to enable items.
pub struct MenuState<'a> {
    pub recent_files: &'a [PathBuf],
    pub can_undo: bool,
    pub can_redo: bool,
    pub theme: ThemeChoice,
    pub file_chooser: FileChooserChoice,
    /// The chart tab shown, for "Export charts".
    pub tab: crate::charts::ChartTab,
}

pub fn menu_bar_ui(ui: &mut Ui, state: &MenuState<'_>, commands: &mut Vec<Command>) {
    let ctx = ui.ctx().clone();
    let item = |ui: &mut Ui, label: &str, shortcut: Option<&KeyboardShortcut>, enabled: bool| {
        let mut button = Button::new(label);
        if let Some(shortcut) = shortcut {
            button = button.shortcut_text(ctx.format_shortcut(shortcut));
        }
        ui.add_enabled(enabled, button).clicked()
    };
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if item(ui, "New", Some(&NEW), true) {
                commands.push(Command::New);
            }
            if item(ui, "New from council…", None, true) {
                commands.push(Command::ShowNewFromCouncil);
            }
            if item(ui, "Open…", Some(&OPEN), true) {
                commands.push(Command::Open);
            }
            ui.menu_button("Open Recent", |ui| {
                if state.recent_files.is_empty() {
                    ui.weak("No recent files");
                }
                for path in state.recent_files {
                    if ui.button(path.display().to_string()).clicked() {
                        commands.push(Command::OpenPath(path.clone()));
                    }
                }
            });
            ui.separator();
            if item(ui, "Save", Some(&SAVE), true) {
                commands.push(Command::Save);
            }
            if item(ui, "Save As…", Some(&SAVE_AS), true) {
                commands.push(Command::SaveAs);
            }
            ui.menu_button("Export", |ui| {
                if item(
                    ui,
                    "Monthly figures of every open scenario (CSV)…",
                    None,
                    true,
                ) {
                    commands.push(Command::ExportCsv);
                }
                if item(ui, "Comparison table (CSV)…", None, true) {
                    commands.push(Command::ExportComparisonCsv);
                }
                if item(ui, "Charts of this tab (PNG)…", None, true) {
                    commands.push(Command::ExportCharts(state.tab));
                }
                if item(ui, "Summary report (HTML)…", None, true) {
                    commands.push(Command::ExportReport);
                }
                if item(ui, "Workbook (.xlsx)…", None, true) {
                    commands.push(Command::ExportWorkbook);
                }
            });
            ui.separator();
            if item(ui, "Quit", Some(&QUIT), true) {
                commands.push(Command::Quit);
            }
        });
        ui.menu_button("Edit", |ui| {
            if item(ui, "Duplicate scenario", Some(&DUPLICATE), true) {
                commands.push(Command::Duplicate);
            }
            if item(ui, "Undo", Some(&UNDO), state.can_undo) {
                commands.push(Command::Undo);
            }
            if item(ui, "Redo", Some(&REDO), state.can_redo) {
                commands.push(Command::Redo);
            }
        });
        ui.menu_button("View", |ui| {
            ui.label("Theme");
            for choice in ThemeChoice::ALL {
                if ui.radio(state.theme == choice, choice.label()).clicked() {
                    commands.push(Command::SetTheme(choice));
                }
            }
            ui.separator();
            ui.label("File chooser");
            for choice in FileChooserChoice::ALL {
                if ui
                    .radio(state.file_chooser == choice, choice.label())
                    .clicked()
                {
                    commands.push(Command::SetFileChooser(choice));
                }
            }
        });
        ui.menu_button("Risk", |ui| {
            if item(ui, "What does it take?…", None, true) {
                commands.push(Command::ShowGoalSeek);
            }
            if item(ui, "Sensitivity…", None, true) {
                commands.push(Command::ShowSensitivity);
            }
            ui.weak("Ranges on inputs: the editor's Uncertainty section.");
        });
        ui.menu_button("Councils", |ui| {
            if item(ui, "How we compare…", None, true) {
                commands.push(Command::ShowHowWeCompare);
            }
            if item(ui, "Check against history…", None, true) {
                commands.push(Command::ShowCheckHistory);
            }
            if item(ui, "Fit to history…", None, true) {
                commands.push(Command::ShowFitToHistory);
            }
            ui.weak("Published figures of every English council.");
        });
        ui.menu_button("Help", |ui| {
            if item(ui, "How the model works", None, true) {
                commands.push(Command::ShowHelp);
            }
            if item(ui, "About Caseload", None, true) {
                commands.push(Command::ShowAbout);
            }
        });
    });
}
