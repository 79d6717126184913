//! The desktop app: open scenarios, commands, files, undo. Drawing lives in `crate::ui`.

pub mod file_dialogs;
mod files;
mod portal;
pub mod recovery;

use std::path::PathBuf;

use egui::{CentralPanel, Context, Panel, ViewportCommand};

pub use file_dialogs::{FileDialogs, NativeDialogs};

use crate::ui::charts::{ChartTab, charts_ui, comparison_charts_ui};
use crate::ui::comparison::comparison_ui;
use crate::ui::dialogs::{
    ErrorAnswer, ErrorReport, UnsavedAnswer, changed_on_disk_modal, error_window, recovery_modal,
    replace_file_modal, unsaved_changes_modal,
};
use crate::ui::documents::documents_bar_ui;
use crate::ui::editor::editor_ui;
use crate::ui::file_chooser::{FileChooser, file_chooser_ui};
use crate::ui::headline::headline_ui;
use crate::ui::help::model_guide_ui;
use crate::ui::menu_bar::{MenuState, menu_bar_ui, shortcut_commands};
use crate::ui::notice::{recovery_notice_ui, recovery_status_ui};
use crate::ui::risk::{goal_window, risk_strip_ui, sensitivity_window};
use crate::workspace::risk::{self, RiskState};
use crate::workspace::{
    Command, ComparisonChoice, Document, FileRequest, PendingAction, Preferences,
};

/// Unsaved scenarios found in the recovery folder at start.
pub struct RecoveryOffer {
    pub copies: Vec<recovery::RecoveredCopy>,
    /// The folders they are in, deleted once the person answers.
    pub folders: Vec<PathBuf>,
}

/// Where eframe keeps the app's preferences.
pub const APP_ID: &str = "caseload";
const PREFERENCES_KEY: &str = "preferences";
/// The preferences' own file in the app's data folder.
const PREFERENCES_FILE: &str = "preferences.ron";

pub struct CaseloadApp {
    /// The open scenarios, one tab each; there is always at least one.
    pub documents: Vec<Document>,
    /// The tab being edited.
    pub active: usize,
    /// Whether the charts compare scenarios, and which one is the baseline.
    pub comparison: ComparisonChoice,
    /// Monte Carlo, goal seek and sensitivity for the scenario being edited.
    pub risk: RiskState,
    pub preferences: Preferences,
    dialogs: Box<dyn FileDialogs>,
    pub tab: ChartTab,
    pub help_open: bool,
    /// Waiting for the answer to "save your changes first?".
    pub pending: Option<PendingAction>,
    /// The tab whose file changed on disk, waiting for "overwrite it?".
    pub overwrite_question: Option<usize>,
    /// Caseload's own file chooser, open where the system has no file dialog.
    pub file_chooser: Option<FileChooser>,
    /// A file picked in Caseload's own chooser that exists, waiting for "replace it?".
    pub replace_question: Option<(FileRequest, PathBuf)>,
    /// A problem to show (a file that failed to open or save).
    pub error: Option<ErrorReport>,
    /// A short note of the last thing done ("Saved to ...").
    pub status: String,
    commands: Vec<Command>,
    /// Set once quitting is confirmed, so the close request is not stopped again.
    quitting: bool,
    window_title: String,
    /// Copies of unsaved scenarios for after a crash; `None` without a data folder.
    pub recovery: Option<recovery::Recovery>,
    /// Copies left by a window that did not close normally, waiting for "restore?".
    pub recovery_offer: Option<RecoveryOffer>,
    /// The person has read that copies cannot be kept (the status bar still says so).
    recovery_notice_dismissed: bool,
    /// Where the preferences are kept (`None` in tests and without a data folder),
    /// and what was last written there.
    preferences_file: Option<PathBuf>,
    preferences_written: Option<Preferences>,
    /// When the process started, if asked to report when the first frame is drawn.
    pub startup_report: Option<std::time::Instant>,
    frames_drawn: u64,
}

impl CaseloadApp {
    /// The app as `caseload` starts it: preferences from eframe's storage, then
    /// the `files` given, one tab each, else the built-in scenario.
    pub fn new(cc: &eframe::CreationContext<'_>, files: Vec<PathBuf>) -> Self {
        // Earlier versions kept the preferences in eframe's own storage.
        let earlier: Preferences = cc
            .storage
            .and_then(|storage| eframe::get_value(storage, PREFERENCES_KEY))
            .unwrap_or_default();
        let mut app = Self::with_parts(earlier, Box::new(NativeDialogs));
        if let Some(folder) = eframe::storage_dir(APP_ID) {
            app = app.with_preferences_file(folder.join(PREFERENCES_FILE));
        }
        match recovery::Recovery::default_root(APP_ID) {
            Some(root) => app = app.with_recovery(&root),
            None => {
                app.recovery = Some(recovery::Recovery::without_copies(
                    "this system gives Caseload no folder for its own data (no home folder)",
                ))
            }
        }
        cc.egui_ctx.set_theme(app.preferences.theme.to_egui());
        for path in files {
            app.open_path(&path);
        }
        app
    }

    /// The app with given preferences and file dialogs (tests use scripted ones).
    pub fn with_parts(preferences: Preferences, dialogs: Box<dyn FileDialogs>) -> Self {
        Self {
            documents: vec![Document::example()],
            active: 0,
            comparison: ComparisonChoice::default(),
            risk: RiskState::default(),
            preferences,
            dialogs,
            tab: ChartTab::default(),
            help_open: false,
            pending: None,
            overwrite_question: None,
            file_chooser: None,
            replace_question: None,
            error: None,
            status: String::new(),
            commands: Vec::new(),
            quitting: false,
            window_title: String::new(),
            startup_report: None,
            frames_drawn: 0,
            recovery: None,
            recovery_offer: None,
            recovery_notice_dismissed: false,
            preferences_file: None,
            preferences_written: None,
        }
    }

    /// Keeps the preferences in `path`, reading them from it if it exists.
    pub fn with_preferences_file(mut self, path: PathBuf) -> Self {
        if let Some(preferences) = Preferences::read(&path) {
            self.preferences_written = Some(preferences.clone());
            self.preferences = preferences;
        }
        self.preferences_file = Some(path);
        self
    }

    /// Keeps recovery copies under `root` and offers to restore any that a window
    /// which did not close normally left there.
    pub fn with_recovery(mut self, root: &std::path::Path) -> Self {
        let (copies, folders) = recovery::left_behind(root);
        if !copies.is_empty() {
            self.recovery_offer = Some(RecoveryOffer { copies, folders });
        } else {
            recovery::remove_folders(&folders);
        }
        self.recovery = Some(recovery::Recovery::new(root));
        self
    }

    /// The window is closing normally: nothing is left to recover, so the recovery
    /// copies go (a copy written just before a save would otherwise be offered at
    /// the next start).
    fn closing(&mut self) {
        self.quitting = true;
        if let Some(recovery) = &mut self.recovery {
            recovery.discard();
        }
    }

    /// Restores the offered copies as unsaved tabs, or deletes them.
    fn answer_recovery(&mut self, restore: bool) {
        let Some(offer) = self.recovery_offer.take() else {
            return;
        };
        if restore {
            let count = offer.copies.len();
            let mut first = None;
            for copy in offer.copies {
                self.add_or_replace_example(Document::recovered(
                    copy.scenario,
                    copy.file,
                    copy.disk_stamp,
                ));
                first.get_or_insert(self.active);
            }
            self.active = first.unwrap_or(self.active);
            let (plural, pronoun) = if count == 1 {
                ("", "it")
            } else {
                ("s", "them")
            };
            self.status = format!(
                "Restored {count} scenario{plural} with unsaved changes; save {pronoun} to keep {pronoun}"
            );
        } else {
            self.status = "Discarded the unsaved changes from last time".to_owned();
        }
        recovery::remove_folders(&offer.folders);
    }

    /// Whether Caseload's own file chooser, or its "replace it?", is waiting.
    pub fn is_choosing_file(&self) -> bool {
        self.file_chooser.is_some() || self.replace_question.is_some()
    }

    /// The scenario being edited.
    pub fn document(&self) -> &Document {
        &self.documents[self.active]
    }

    pub fn document_mut(&mut self) -> &mut Document {
        &mut self.documents[self.active]
    }

    /// Adds a tab and edits it.
    fn add_document(&mut self, document: Document) {
        self.documents.push(document);
        self.active = self.documents.len() - 1;
    }

    fn close_tab(&mut self, index: usize) {
        if index >= self.documents.len() {
            return;
        }
        self.documents.remove(index);
        if self.documents.is_empty() {
            self.documents.push(Document::example());
        }
        self.active = self.active.min(self.documents.len() - 1);
        if self.active > index {
            self.active -= 1;
        }
        self.comparison.forget_tab(index, self.documents.len());
    }

    /// Closes a tab, asking first if it has unsaved changes.
    fn request_close_tab(&mut self, index: usize) {
        match self.documents.get(index) {
            Some(document) if document.is_modified() => {
                self.pending = Some(PendingAction::CloseTab(index));
            }
            Some(_) => self.close_tab(index),
            None => {}
        }
    }

    /// Quits, asking about each tab with unsaved changes in turn.
    fn request_quit(&mut self, ctx: &Context) {
        match self.documents.iter().position(Document::is_modified) {
            Some(index) => {
                self.active = index;
                self.pending = Some(PendingAction::Quit(index));
            }
            None => {
                self.closing();
                ctx.send_viewport_cmd(ViewportCommand::Close);
            }
        }
    }

    fn answer_pending(&mut self, answer: UnsavedAnswer, ctx: &Context) {
        let Some(action) = self.pending.take() else {
            return;
        };
        let index = match action {
            PendingAction::CloseTab(index) | PendingAction::Quit(index) => index,
        };
        match answer {
            UnsavedAnswer::Save => {
                self.active = index.min(self.documents.len().saturating_sub(1));
                // Carried on once saved, which may be a few frames later when the
                // file is chosen in Caseload's own chooser.
                self.save(Some(action), ctx);
            }
            UnsavedAnswer::Discard => self.carry_on(action, ctx),
            UnsavedAnswer::Cancel => {}
        }
    }

    /// Closes the tab or goes on quitting, now that its changes are saved or discarded.
    fn carry_on(&mut self, action: PendingAction, ctx: &Context) {
        match action {
            PendingAction::CloseTab(index) => self.close_tab(index),
            PendingAction::Quit(index) => {
                // Discarded or saved: this tab no longer holds anything unsaved.
                self.close_tab(index);
                self.request_quit(ctx);
            }
        }
    }

    fn run(&mut self, command: Command, ctx: &Context) {
        match command {
            Command::New => {
                self.add_document(Document::example());
                self.status = "New scenario from the built-in example".to_owned();
            }
            Command::Open => self.open_with_dialog(ctx),
            Command::OpenPath(path) => self.open_path(&path),
            Command::Save => self.save(None, ctx),
            Command::SaveAs => self.save_as(None, ctx),
            Command::ExportCsv => self.export_scenarios_csv(ctx),
            Command::ExportComparisonCsv => self.export_comparison_csv(ctx),
            Command::ExportCharts(tab) => self.export_charts(tab, ctx),
            Command::ExportReport => self.export_report(ctx),
            Command::FileChosen(request, path) => self.own_chooser_chose(request, path, ctx),
            Command::FileNotChosen(request) => self.status = request.not_chosen().to_owned(),
            Command::ReplaceAnswered(request, path, answer) => {
                self.answer_replace(request, path, answer, ctx);
            }
            Command::Quit => self.request_quit(ctx),
            Command::Undo => self.document_mut().undo(),
            Command::Redo => self.document_mut().redo(),
            Command::Duplicate => {
                let mut copy = self.document().scenario.clone();
                copy.name = format!("{} (copy)", copy.name);
                let mut duplicate = Document::unsaved(copy);
                duplicate.file_text = self.document().file_text.clone();
                self.add_document(duplicate);
                self.status = "Duplicated: edit the copy to make a variant".to_owned();
            }
            Command::Activate(index) => {
                if index < self.documents.len() {
                    self.active = index;
                }
            }
            Command::CloseTab(index) => self.request_close_tab(index),
            Command::SetTheme(choice) => {
                self.preferences.theme = choice;
                ctx.set_theme(choice.to_egui());
            }
            Command::SetFileChooser(choice) => self.preferences.file_chooser = choice,
            Command::ShowHelp => self.help_open = true,
            Command::ShowGoalSeek => self.risk.goal_open = true,
            Command::ShowSensitivity => self.risk.sensitivity_open = true,
        }
    }
}

impl eframe::App for CaseloadApp {
    fn logic(&mut self, ctx: &Context, _frame: &mut eframe::Frame) {
        // A frame is painted after `ui` returns, so by the second frame's logic the
        // first one is on screen.
        if self.frames_drawn >= 1
            && let Some(started) = self.startup_report.take()
        {
            eprintln!(
                "caseload: first frame drawn {:.0} ms after start",
                started.elapsed().as_secs_f64() * 1000.0
            );
            self.closing();
            ctx.send_viewport_cmd(ViewportCommand::Close);
        }
        // Shortcuts are taken before any widget sees them; a question or Caseload's
        // own file chooser blocks them.
        let asking = self.pending.is_some() || self.is_choosing_file();
        if !asking {
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
        if !dropped.is_empty() && self.is_choosing_file() {
            // Opening now would change the tab that the chooser is saving.
            self.status = "Finish with the file chooser first, then drop the file again".to_owned();
        } else {
            self.commands
                .extend(dropped.into_iter().map(Command::OpenPath));
        }
        if ctx.input(|input| input.viewport().close_requested()) && !self.quitting {
            if self.documents.iter().any(Document::is_modified) {
                ctx.send_viewport_cmd(ViewportCommand::CancelClose);
                self.commands.push(Command::Quit);
            } else {
                // Closed with nothing unsaved (the close button, the system).
                self.closing();
            }
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.frames_drawn += 1;
        if self.is_choosing_file() {
            // The chooser answers for the tab that was edited when it opened.
            ui.disable();
        }
        if self.startup_report.is_some() {
            ctx.request_repaint();
        }
        Panel::top("menu_bar").show(ui, |ui| {
            let state = MenuState {
                recent_files: &self.preferences.recent_files,
                can_undo: self.document().can_undo(),
                can_redo: self.document().can_redo(),
                theme: self.preferences.theme,
                file_chooser: self.preferences.file_chooser,
                tab: self.tab,
            };
            menu_bar_ui(ui, &state, &mut self.commands);
        });
        Panel::top("documents").show(ui, |ui| {
            documents_bar_ui(ui, &self.documents, self.active, &mut self.commands);
        });
        let copies_unavailable = self
            .recovery
            .as_ref()
            .and_then(recovery::Recovery::unavailable)
            .map(str::to_owned);
        if let Some(why) = &copies_unavailable
            && !self.recovery_notice_dismissed
        {
            Panel::top("recovery_notice").show(ui, |ui| {
                self.recovery_notice_dismissed = recovery_notice_ui(ui, why);
            });
        }
        Panel::bottom("status_bar").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(format!("File: {}", self.document().file_label()));
                if self.document().is_modified() {
                    ui.label("• unsaved changes");
                }
                ui.separator();
                if let Some(why) = &copies_unavailable {
                    recovery_status_ui(ui, why);
                    ui.separator();
                }
                ui.weak(&self.status);
            });
        });
        let problems = self.document().problems().to_vec();
        let active = self.active;
        Panel::left("editor")
            .resizable(true)
            .default_size(480.0)
            .show(ui, |ui| {
                editor_ui(ui, &mut self.documents[active].scenario, &problems);
            });
        // Re-project now, so the headline and charts below show this frame's edit.
        self.documents.iter_mut().for_each(Document::refresh);
        let repaint_ctx = ctx.clone();
        let repaint = move || repaint_ctx.request_repaint();
        self.risk
            .update(&self.documents[active].scenario, repaint.clone());
        if self.risk.monte_carlo_job.is_some() {
            // Keep the progress bar moving.
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        CentralPanel::default().show(ui, |ui| {
            let comparing = comparison_ui(
                ui,
                &mut self.comparison,
                &self.documents,
                self.active,
                &mut self.commands,
            );
            match comparing {
                Some(shown) => comparison_charts_ui(
                    ui,
                    &mut self.tab,
                    &self.documents,
                    &shown,
                    active,
                    &mut self.commands,
                ),
                None => {
                    headline_ui(ui, self.documents[active].projection());
                    risk_strip_ui(ui, &mut self.risk, &self.documents[active].scenario);
                    ui.separator();
                    let document = &self.documents[active];
                    let bands = risk::current(&self.risk.monte_carlo, &document.scenario);
                    charts_ui(
                        ui,
                        &mut self.tab,
                        &document.scenario,
                        document.projection(),
                        bands,
                        &mut self.commands,
                    );
                }
            }
        });

        if self.help_open {
            egui::Window::new("How the model works")
                .open(&mut self.help_open)
                .default_size([640.0, 560.0])
                .show(&ctx, model_guide_ui);
        }
        if self.risk.goal_open {
            let scenario = self.documents[active].scenario.clone();
            if let Some(mut intervention) =
                goal_window(&ctx, &mut self.risk, &scenario, repaint.clone())
            {
                intervention.label = scenario.unused_intervention_label(&intervention.label);
                self.status = format!("Added \"{}\" to the plan", intervention.label);
                self.documents[active]
                    .scenario
                    .interventions
                    .push(intervention);
            }
        }
        if self.risk.sensitivity_open {
            let scenario = self.documents[active].scenario.clone();
            sensitivity_window(&ctx, &mut self.risk, &scenario, repaint);
        }
        if let Some(report) = &self.error {
            match error_window(&ctx, report) {
                ErrorAnswer::Open => {}
                ErrorAnswer::Close => self.error = None,
                ErrorAnswer::SaveAs => {
                    self.error = None;
                    self.commands.push(Command::SaveAs);
                }
            }
        }
        if let Some(action) = &self.pending {
            let (index, doing) = match action {
                PendingAction::CloseTab(index) => (*index, "closing it"),
                PendingAction::Quit(index) => (*index, "quitting"),
            };
            let name = self
                .documents
                .get(index)
                .map_or("", |document| document.scenario.name.as_str());
            if let Some(answer) = unsaved_changes_modal(&ctx, name, doing) {
                self.answer_pending(answer, &ctx);
            }
        }
        if let Some(offer) = &self.recovery_offer {
            let now = recovery::unix_now();
            let lines: Vec<String> = offer.copies.iter().map(|copy| copy.describe(now)).collect();
            if let Some(restore) = recovery_modal(&ctx, &lines) {
                self.answer_recovery(restore);
            }
        }
        if let Some(index) = self.overwrite_question {
            let file_name = self
                .documents
                .get(index)
                .map_or_else(String::new, Document::file_label);
            if let Some(answer) = changed_on_disk_modal(&ctx, &file_name) {
                self.overwrite_question = None;
                self.answer_overwrite(index, answer, &ctx);
            }
        }
        if let Some(chooser) = &mut self.file_chooser
            && let Some(command) = file_chooser_ui(&ctx, chooser)
        {
            self.file_chooser = None;
            self.commands.push(command);
        }
        if let Some((request, path)) = &self.replace_question {
            let file_name = path
                .file_name()
                .map_or_else(String::new, |name| name.to_string_lossy().into_owned());
            let folder = path
                .parent()
                .map_or_else(String::new, |folder| folder.display().to_string());
            if let Some(answer) = replace_file_modal(&ctx, &file_name, &folder) {
                self.commands.push(Command::ReplaceAnswered(
                    request.clone(),
                    path.clone(),
                    answer,
                ));
                self.replace_question = None;
            }
        }

        for command in std::mem::take(&mut self.commands) {
            self.run(command, &ctx);
        }
        self.documents.iter_mut().for_each(Document::refresh);
        let time = ctx.input(|input| input.time);
        self.document_mut().feed_undo(time);
        if let Some(recovery) = &mut self.recovery
            && !self.quitting
        {
            if let Some(wait) = recovery.update(time, &self.documents) {
                ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait.max(0.01)));
            }
            if let Some(failure) = recovery.failure.take() {
                self.status = failure;
            }
        }

        let title = self.document().window_title();
        if title != self.window_title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.window_title = title;
        }
    }

    /// Called by eframe now and then and on closing: writes the preferences when
    /// they changed.
    fn save(&mut self, _storage: &mut dyn eframe::Storage) {
        let Some(path) = &self.preferences_file else {
            return;
        };
        if self.preferences_written.as_ref() == Some(&self.preferences) {
            return;
        }
        match self.preferences.write(path) {
            Ok(()) => self.preferences_written = Some(self.preferences.clone()),
            Err(why) => self.status = format!("Could not keep your preferences: {why}"),
        }
    }
}
