//! The frame: what is drawn where, each frame, and what runs before it. The
//! panels draw and push commands; `commands` carries them out at the end.

use std::path::PathBuf;

use egui::{CentralPanel, Context, Panel, ViewportCommand};

use super::CaseloadApp;
use super::recovery;
use crate::ui::charts::{charts_ui, comparison_charts_ui};
use crate::ui::check_history::check_history_window;
use crate::ui::comparison::comparison_ui;
use crate::ui::dialogs::{
    ErrorAnswer, changed_on_disk_modal, error_window, recovery_modal, replace_file_modal,
    unsaved_changes_modal,
};
use crate::ui::documents::documents_bar_ui;
use crate::ui::editor::editor_ui;
use crate::ui::file_chooser::file_chooser_ui;
use crate::ui::fit_history::fit_history_window;
use crate::ui::headline::scenario_headline_ui;
use crate::ui::help::{about_ui, model_guide_ui};
use crate::ui::how_we_compare::how_we_compare_window;
use crate::ui::menu_bar::{MenuState, menu_bar_ui, shortcut_commands};
use crate::ui::new_from_council::new_from_council_window;
use crate::ui::notice::{recovery_notice_ui, recovery_status_ui};
use crate::ui::risk::{goal_window, risk_strip_ui, sensitivity_window};
use crate::workspace::risk;
use crate::workspace::{Command, Document, PendingAction};

/// The editor's width on first start, and the least it can be narrowed to.
const EDITOR_DEFAULT_WIDTH: f32 = 480.0;
const EDITOR_MIN_WIDTH: f32 = 300.0;

/// The least height of the charts block (the tab strip and two charts) before the
/// page scrolls rather than squashing them.
const CHARTS_MIN_HEIGHT: f32 = 600.0;

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
        self.risk.collect_finished();
        self.fit_history.collect_finished();
        if self.fit_history.is_working() {
            // Keep the "Fitting…" spinner turning.
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        if self.risk.is_working() {
            // Keep the progress bars moving.
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
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
        self.panels_ui(ui);
        self.windows_ui(&ctx);
        self.questions_ui(&ctx);
        self.end_frame(&ctx);
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

impl CaseloadApp {
    /// The menu, the tabs, the status bar, the editor and the charts.
    fn panels_ui(&mut self, ui: &mut egui::Ui) {
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
        // The person's width stays: the editor scrolls sideways inside it rather
        // than widening the panel to fit a long drop-down or a wide table.
        Panel::left("editor")
            .resizable(true)
            .default_size(EDITOR_DEFAULT_WIDTH)
            .min_size(EDITOR_MIN_WIDTH)
            .show(ui, |ui| {
                editor_ui(
                    ui,
                    &mut self.documents[active].scenario,
                    &problems,
                    &mut self.commands,
                );
            });
        // Re-project now (only if the editor changed something), so the headline
        // and charts below show this frame's edit.
        self.documents.iter_mut().for_each(Document::refresh);
        CentralPanel::default().show(ui, |ui| {
            // Right of the editor is one page that scrolls down, so nothing is
            // out of reach at a projector's 1280x720. It keeps the window's width:
            // wide tables scroll sideways on their own, and the charts fit.
            if self.comparison.enabled && self.documents.len() > 1 {
                self.comparison_page_ui(ui);
                return;
            }
            let viewport_height = ui.available_height();
            egui::ScrollArea::vertical()
                .id_salt("page")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    let top = ui.cursor().top();
                    let comparing =
                        comparison_ui(ui, &mut self.comparison, &self.documents, self.active);
                    match comparing {
                        Some(comparing) => comparison_charts_ui(
                            ui,
                            &mut self.tab,
                            &self.documents,
                            &comparing.shown,
                            comparing.scenario,
                            &mut self.commands,
                        ),
                        None => {
                            let left = viewport_height - (ui.cursor().top() - top);
                            self.scenario_page_ui(ui, left);
                        }
                    }
                });
        });
    }

    /// One scenario: the headline, the risk strip and the charts, which get the
    /// `height` left in the window but never less than a readable height: below
    /// it the page scrolls instead of squashing them.
    fn scenario_page_ui(&mut self, ui: &mut egui::Ui, height: f32) {
        let top = ui.cursor().top();
        let document = &self.documents[self.active];
        let stale = !document.problems().is_empty();
        scenario_headline_ui(ui, document.projection(), stale, &mut self.commands);
        risk_strip_ui(ui, &mut self.risk, &document.scenario, &mut self.commands);
        ui.separator();
        let used = ui.cursor().top() - top;
        let charts_height = (height - used).max(CHARTS_MIN_HEIGHT);
        let bands = risk::current(&self.risk.monte_carlo, &document.scenario);
        // A code the published figures do not know shows no points.
        let council = document
            .scenario
            .council
            .as_deref()
            .and_then(crate::published::by_code);
        let size = egui::vec2(ui.available_width(), charts_height);
        ui.allocate_ui(size, |ui| {
            ui.set_min_height(charts_height);
            charts_ui(
                ui,
                &mut self.tab,
                document.projection(),
                bands,
                council,
                &mut self.commands,
            );
        });
    }

    /// The windows beside the charts: the model guide, "What does it take?" and
    /// the sensitivity chart. They read the risk state and push commands.
    fn windows_ui(&mut self, ctx: &Context) {
        if self.help_open {
            egui::Window::new("How the model works")
                .open(&mut self.help_open)
                .default_size([640.0, 560.0])
                .show(ctx, model_guide_ui);
        }
        if self.about_open {
            egui::Window::new("About Caseload")
                .open(&mut self.about_open)
                .resizable(false)
                .collapsible(false)
                .show(ctx, about_ui);
        }
        if self.new_from_council.open {
            new_from_council_window(ctx, &mut self.new_from_council, &mut self.commands);
        }
        if self.how_we_compare.open {
            how_we_compare_window(ctx, &mut self.how_we_compare);
        }
        if self.check_history.open {
            check_history_window(ctx, &mut self.check_history);
        }
        if self.fit_history.open {
            let document = &self.documents[self.active];
            fit_history_window(
                ctx,
                &mut self.fit_history,
                &document.scenario,
                &mut self.commands,
            );
        }
        let scenario = &self.documents[self.active].scenario;
        if self.risk.goal_open {
            goal_window(ctx, &mut self.risk, scenario, &mut self.commands);
        }
        if self.risk.sensitivity_open {
            sensitivity_window(ctx, &mut self.risk, scenario, &mut self.commands);
        }
    }

    /// The questions and messages that wait for an answer: errors, unsaved
    /// changes, recovery, files changed on disk, Caseload's own file chooser.
    /// Their answers are commands, carried out at the end of the frame.
    fn questions_ui(&mut self, ctx: &Context) {
        if let Some(report) = &self.error {
            match error_window(ctx, report) {
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
            if let Some(answer) = unsaved_changes_modal(ctx, name, doing) {
                self.commands.push(Command::UnsavedAnswered(answer));
            }
        }
        if let Some(offer) = &self.recovery_offer {
            let now = recovery::unix_now();
            let lines: Vec<String> = offer.copies.iter().map(|copy| copy.describe(now)).collect();
            if let Some(restore) = recovery_modal(ctx, &lines) {
                self.commands.push(Command::RecoveryAnswered { restore });
            }
        }
        if let Some(index) = self.overwrite_question {
            let file_name = self
                .documents
                .get(index)
                .map_or_else(String::new, Document::file_label);
            if let Some(answer) = changed_on_disk_modal(ctx, &file_name) {
                self.overwrite_question = None;
                self.commands
                    .push(Command::OverwriteAnswered(index, answer));
            }
        }
        if let Some(chooser) = &mut self.file_chooser
            && let Some(command) = file_chooser_ui(ctx, chooser)
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
            if let Some(answer) = replace_file_modal(ctx, &file_name, &folder) {
                self.commands.push(Command::ReplaceAnswered(
                    request.clone(),
                    path.clone(),
                    answer,
                ));
                self.replace_question = None;
            }
        }
    }
}
