//! The desktop app: state, commands, files, undo. Drawing lives in `crate::ui`.

mod command;
mod document;
pub mod file_dialogs;
mod preferences;

use std::path::{Path, PathBuf};

use egui::{CentralPanel, Context, Panel, ViewportCommand};

pub use command::{Command, PendingAction};
pub use document::Document;
pub use file_dialogs::{FileDialogs, NativeDialogs};
pub use preferences::{Preferences, ThemeChoice};

use crate::io::{default_scenario, load_scenario, save_scenario, write_csv_file};
use crate::ui::charts::{ChartTab, charts_ui};
use crate::ui::dialogs::{ErrorReport, UnsavedAnswer, error_window, unsaved_changes_modal};
use crate::ui::editor::editor_ui;
use crate::ui::headline::headline_ui;
use crate::ui::help::model_guide_ui;
use crate::ui::menu_bar::{MenuState, menu_bar_ui, shortcut_commands};

/// Where eframe keeps the app's preferences.
pub const APP_ID: &str = "caseload";
const PREFERENCES_KEY: &str = "preferences";

/// Said when a file dialog returns nothing: cancelled, or (on a Linux desktop with
/// no file-chooser portal) never shown.
const NO_FILE_CHOSEN: &str = "No file chosen. If no dialog appeared, drag the file onto the window or start Caseload with the file: caseload FILE.ron";

pub struct CaseloadApp {
    pub document: Document,
    pub preferences: Preferences,
    dialogs: Box<dyn FileDialogs>,
    pub tab: ChartTab,
    pub help_open: bool,
    /// Waiting for the answer to "save your changes first?".
    pub pending: Option<PendingAction>,
    /// A problem to show (a file that failed to open or save).
    pub error: Option<ErrorReport>,
    /// A short note of the last thing done ("Saved to ...").
    pub status: String,
    commands: Vec<Command>,
    /// Set once quitting is confirmed, so the close request is not stopped again.
    quitting: bool,
    window_title: String,
}

impl CaseloadApp {
    /// The app as `caseload` starts it: preferences from eframe's storage, then
    /// `file` if one was given, else the built-in scenario.
    pub fn new(cc: &eframe::CreationContext<'_>, file: Option<PathBuf>) -> Self {
        let preferences: Preferences = cc
            .storage
            .and_then(|storage| eframe::get_value(storage, PREFERENCES_KEY))
            .unwrap_or_default();
        let mut app = Self::with_parts(preferences, Box::new(NativeDialogs));
        app.apply_theme(&cc.egui_ctx);
        if let Some(path) = file {
            app.open_path(&path);
        }
        app
    }

    /// The app with given preferences and file dialogs (tests use scripted ones).
    pub fn with_parts(preferences: Preferences, dialogs: Box<dyn FileDialogs>) -> Self {
        Self {
            document: Document::new(default_scenario(), None),
            preferences,
            dialogs,
            tab: ChartTab::default(),
            help_open: false,
            pending: None,
            error: None,
            status: String::new(),
            commands: Vec::new(),
            quitting: false,
            window_title: String::new(),
        }
    }

    fn apply_theme(&self, ctx: &Context) {
        ctx.set_theme(self.preferences.theme.to_egui());
    }

    fn folder(&self) -> Option<PathBuf> {
        self.document
            .path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_owned)
    }

    fn suggested_file_name(&self, extension: &str) -> String {
        let stem: String = self
            .document
            .scenario
            .name
            .chars()
            .map(|c| {
                if c.is_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect::<String>()
            .split('-')
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        let stem = if stem.is_empty() {
            "scenario".to_owned()
        } else {
            stem
        };
        format!("{stem}.{extension}")
    }

    /// Opens a file; on failure shows why and leaves the open scenario as it was.
    pub fn open_path(&mut self, path: &Path) {
        match load_scenario(path) {
            Ok(scenario) => {
                self.document = Document::new(scenario, Some(path.to_owned()));
                self.preferences.remember_file(path.to_owned());
                self.status = format!("Opened {}", path.display());
            }
            Err(error) => {
                self.error = Some(ErrorReport {
                    title: format!("Could not open {}", display_name(path)),
                    lines: error.lines(),
                    footer: "The scenario that was open is unchanged.".to_owned(),
                });
            }
        }
    }

    /// Saves to `path`; returns whether it worked. A failed save leaves the file on
    /// disk as it was and the scenario marked unsaved.
    fn save_to(&mut self, path: &Path) -> bool {
        match save_scenario(path, &self.document.scenario) {
            Ok(()) => {
                self.document.mark_saved(path);
                self.preferences.remember_file(path.to_owned());
                self.status = format!("Saved to {}", path.display());
                true
            }
            Err(error) => {
                self.error = Some(ErrorReport {
                    title: format!("Could not save {}", display_name(path)),
                    lines: vec![error.to_string()],
                    footer:
                        "The file on disk is unchanged and your changes are still here, not saved."
                            .to_owned(),
                });
                false
            }
        }
    }

    /// Save to the current file, or ask where. Returns whether it saved.
    fn save(&mut self) -> bool {
        match self.document.path.clone() {
            Some(path) => self.save_to(&path),
            None => self.save_as(),
        }
    }

    fn save_as(&mut self) -> bool {
        let name = self.suggested_file_name("ron");
        let folder = self.folder();
        match self.dialogs.save_scenario(folder.as_deref(), &name) {
            Some(path) => self.save_to(&path),
            None => {
                self.status = NO_FILE_CHOSEN.to_owned();
                false
            }
        }
    }

    fn export_csv(&mut self) {
        let name = self.suggested_file_name("csv");
        let folder = self.folder();
        let Some(path) = self.dialogs.save_csv(folder.as_deref(), &name) else {
            self.status = NO_FILE_CHOSEN.to_owned();
            return;
        };
        match write_csv_file(&path, self.document.projection()) {
            Ok(()) => self.status = format!("Exported monthly figures to {}", path.display()),
            Err(error) => {
                self.error = Some(ErrorReport {
                    title: format!("Could not export {}", display_name(&path)),
                    lines: vec![error.to_string()],
                    footer: "Nothing was written.".to_owned(),
                });
            }
        }
    }

    /// Runs an action that would drop unsaved changes, asking first if there are any.
    fn guard(&mut self, action: PendingAction, ctx: &Context) {
        if self.document.is_modified() {
            self.pending = Some(action);
        } else {
            self.perform(action, ctx);
        }
    }

    fn perform(&mut self, action: PendingAction, ctx: &Context) {
        match action {
            PendingAction::New => {
                self.document = Document::new(default_scenario(), None);
                self.status = "New scenario from the built-in example".to_owned();
            }
            PendingAction::Open(Some(path)) => self.open_path(&path),
            PendingAction::Open(None) => {
                let folder = self.folder();
                match self.dialogs.open_scenario(folder.as_deref()) {
                    Some(path) => self.open_path(&path),
                    None => self.status = NO_FILE_CHOSEN.to_owned(),
                }
            }
            PendingAction::Quit => {
                self.quitting = true;
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
        }
    }

    fn answer_pending(&mut self, answer: UnsavedAnswer, ctx: &Context) {
        let Some(action) = self.pending.take() else {
            return;
        };
        match answer {
            UnsavedAnswer::Save => {
                if self.save() {
                    self.perform(action, ctx);
                }
            }
            UnsavedAnswer::Discard => self.perform(action, ctx),
            UnsavedAnswer::Cancel => {}
        }
    }

    fn run(&mut self, command: Command, ctx: &Context) {
        match command {
            Command::New => self.guard(PendingAction::New, ctx),
            Command::Open => self.guard(PendingAction::Open(None), ctx),
            Command::OpenPath(path) => self.guard(PendingAction::Open(Some(path)), ctx),
            Command::Save => {
                self.save();
            }
            Command::SaveAs => {
                self.save_as();
            }
            Command::ExportCsv => self.export_csv(),
            Command::Quit => self.guard(PendingAction::Quit, ctx),
            Command::Undo => self.document.undo(),
            Command::Redo => self.document.redo(),
            Command::SetTheme(choice) => {
                self.preferences.theme = choice;
                self.apply_theme(ctx);
            }
            Command::ShowHelp => self.help_open = true,
        }
    }

    /// Queues a command as if chosen from a menu (used by tests and drag and drop).
    pub fn queue(&mut self, command: Command) {
        self.commands.push(command);
    }
}

fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}

impl eframe::App for CaseloadApp {
    fn logic(&mut self, ctx: &Context, _frame: &mut eframe::Frame) {
        // Shortcuts are taken before any widget sees them; a modal question blocks them.
        if self.pending.is_none() {
            self.commands.extend(shortcut_commands(ctx));
        }
        let dropped: Vec<PathBuf> = ctx.input(|input| {
            input
                .raw
                .dropped_files
                .iter()
                .map(|file| file.path().to_owned())
                .filter(|path| !path.as_os_str().is_empty())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            self.commands.push(Command::OpenPath(path));
        }
        if ctx.input(|input| input.viewport().close_requested())
            && !self.quitting
            && self.document.is_modified()
        {
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.pending = Some(PendingAction::Quit);
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        Panel::top("menu_bar").show(ui, |ui| {
            let state = MenuState {
                recent_files: &self.preferences.recent_files,
                can_undo: self.document.can_undo(),
                can_redo: self.document.can_redo(),
                theme: self.preferences.theme,
            };
            menu_bar_ui(ui, &state, &mut self.commands);
        });
        Panel::bottom("status_bar").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(format!("File: {}", self.document.file_label()));
                if self.document.is_modified() {
                    ui.label("• unsaved changes");
                }
                ui.separator();
                ui.weak(&self.status);
            });
        });
        let problems = self.document.problems().to_vec();
        Panel::left("editor")
            .resizable(true)
            .default_size(480.0)
            .show(ui, |ui| {
                editor_ui(ui, &mut self.document.scenario, &problems);
            });
        // Re-project now, so the headline and charts below show this frame's edit.
        self.document.refresh();
        CentralPanel::default().show(ui, |ui| {
            headline_ui(ui, self.document.projection());
            ui.separator();
            charts_ui(
                ui,
                &mut self.tab,
                &self.document.scenario,
                self.document.projection(),
            );
        });

        if self.help_open {
            egui::Window::new("How the model works")
                .open(&mut self.help_open)
                .default_size([640.0, 560.0])
                .show(&ctx, model_guide_ui);
        }
        if let Some(report) = &self.error
            && !error_window(&ctx, report)
        {
            self.error = None;
        }
        if let Some(action) = &self.pending {
            let doing = match action {
                PendingAction::New => "starting a new scenario",
                PendingAction::Open(_) => "opening another file",
                PendingAction::Quit => "quitting",
            };
            if let Some(answer) = unsaved_changes_modal(&ctx, &self.document.scenario.name, doing) {
                self.answer_pending(answer, &ctx);
            }
        }

        for command in std::mem::take(&mut self.commands) {
            self.run(command, &ctx);
        }
        self.document.refresh();
        self.document.feed_undo(ctx.input(|input| input.time));

        let title = self.document.window_title();
        if title != self.window_title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFERENCES_KEY, &self.preferences);
    }
}
