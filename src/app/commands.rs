//! Carrying out what the person asked for: the commands collected while drawing
//! run here, once, at the end of the frame.

use egui::{Context, ViewportCommand};

use super::CaseloadApp;
use super::recovery;
use crate::workspace::risk::GoalForm;
use crate::workspace::{Command, Document, PendingAction, UnsavedAnswer};

impl CaseloadApp {
    /// The window is closing normally: nothing is left to recover, so the recovery
    /// copies go (a copy written just before a save would otherwise be offered at
    /// the next start).
    pub(super) fn closing(&mut self) {
        self.quitting = true;
        if let Some(recovery) = &mut self.recovery {
            recovery.discard();
        }
    }

    /// Restores the offered copies as unsaved tabs, or deletes them.
    pub(super) fn answer_recovery(&mut self, restore: bool) {
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

    /// Adds a tab and edits it.
    pub(super) fn add_document(&mut self, document: Document) {
        self.documents.push(document);
        self.active = self.documents.len() - 1;
    }

    pub(super) fn close_tab(&mut self, index: usize) {
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
    pub(super) fn request_close_tab(&mut self, index: usize) {
        match self.documents.get(index) {
            Some(document) if document.is_modified() => {
                self.pending = Some(PendingAction::CloseTab(index));
            }
            Some(_) => self.close_tab(index),
            None => {}
        }
    }

    /// Quits, asking about each tab with unsaved changes in turn.
    pub(super) fn request_quit(&mut self, ctx: &Context) {
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

    pub(super) fn answer_pending(&mut self, answer: UnsavedAnswer, ctx: &Context) {
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
    pub(super) fn carry_on(&mut self, action: PendingAction, ctx: &Context) {
        match action {
            PendingAction::CloseTab(index) => self.close_tab(index),
            PendingAction::Quit(index) => {
                // Discarded or saved: this tab no longer holds anything unsaved.
                self.close_tab(index);
                self.request_quit(ctx);
            }
        }
    }

    pub(super) fn run(&mut self, command: Command, ctx: &Context) {
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
            Command::ExportWorkbook => self.export_workbook(ctx),
            Command::FileChosen(request, path) => self.own_chooser_chose(request, path, ctx),
            Command::FileNotChosen(request) => self.status = request.not_chosen().to_owned(),
            Command::ReplaceAnswered(request, path, answer) => {
                self.answer_replace(request, path, answer, ctx);
            }
            Command::UnsavedAnswered(answer) => self.answer_pending(answer, ctx),
            Command::OverwriteAnswered(index, answer) => self.answer_overwrite(index, answer, ctx),
            Command::RecoveryAnswered { restore } => self.answer_recovery(restore),
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
            Command::ShowAbout => self.about_open = true,
            Command::ShowNewFromCouncil => self.new_from_council.open(),
            Command::OpenCouncilScenario { code, year } => self.open_council_scenario(&code, year),
            Command::ShowHowWeCompare => {
                let council = self.documents[self.active].scenario.council.clone();
                self.how_we_compare.open_on(council.as_deref());
            }
            Command::ShowCheckHistory => {
                self.check_history
                    .open_on(&self.documents[self.active].scenario);
            }
            Command::ShowFitToHistory => self.fit_history.open(),
            Command::StartFit => {
                let scenario = &self.documents[self.active].scenario;
                self.fit_history.start(scenario, repaint_later(ctx));
            }
            Command::ApplyFit => self.apply_fit(),
            Command::StartFitToCounts(path) => self.fit_to_counts(&path, ctx),
            Command::ShowGoalSeek => {
                let scenario = &self.documents[self.active].scenario;
                self.risk
                    .goal
                    .get_or_insert_with(|| GoalForm::for_scenario(scenario));
                self.risk.goal_open = true;
            }
            Command::ShowSensitivity => self.risk.sensitivity_open = true,
            Command::StartGoalSeek => {
                let scenario = &self.documents[self.active].scenario;
                self.risk.start_goal_seek(scenario, repaint_later(ctx));
            }
            Command::CancelGoalSeek => self.risk.cancel_goal_seek(),
            Command::ApplyGoalSeek => self.apply_goal_seek(),
            Command::BalanceStart => self.balance_start(),
            Command::StartSensitivity => {
                let scenario = &self.documents[self.active].scenario;
                self.risk.start_sensitivity(scenario, repaint_later(ctx));
            }
            Command::CancelSensitivity => self.risk.cancel_sensitivity(),
            Command::CancelMonteCarlo => {
                let scenario = &self.documents[self.active].scenario;
                self.risk.cancel_monte_carlo(scenario);
            }
            Command::ResumeMonteCarlo => self.risk.resume_monte_carlo(),
        }
    }

    /// Adds what the goal seek found to the plan, under a label no other
    /// intervention has, as one step to undo. An answer for an older version of
    /// the scenario is not applied.
    fn apply_goal_seek(&mut self) {
        let document = &mut self.documents[self.active];
        let Some(mut intervention) = self.risk.goal_intervention(&document.scenario) else {
            return;
        };
        intervention.label = document
            .scenario
            .unused_intervention_label(&intervention.label);
        self.status = format!("Added \"{}\" to the plan", intervention.label);
        document.change_in_one_step(|scenario| scenario.interventions.push(intervention));
    }

    /// Reads a council's own monthly counts and fits the scenario being edited to
    /// them in the background; a file that cannot be read or parsed says why.
    fn fit_to_counts(&mut self, path: &std::path::Path, ctx: &Context) {
        let scenario = &self.documents[self.active].scenario;
        let source = path.file_name().map_or_else(
            || path.display().to_string(),
            |name| name.to_string_lossy().into_owned(),
        );
        let counts = std::fs::read_to_string(path)
            .map_err(|error| format!("could not read {}: {error}", path.display()))
            .and_then(|text| crate::history::MonthlyCounts::parse(&source, &text));
        match counts {
            Ok(counts) => self
                .fit_history
                .start_with_counts(scenario, counts, repaint_later(ctx)),
            Err(why) => self.fit_history.failed(scenario, why),
        }
    }

    /// Sets the fitted rates on the scenario being edited, with the fit's note, as
    /// one step to undo; a fit of an older version of the scenario is not applied.
    fn apply_fit(&mut self) {
        let document = &mut self.documents[self.active];
        let Some(calibration) = self.fit_history.calibration_for(&document.scenario) else {
            self.status =
                "Not applied: the scenario changed since the fit; fit it again".to_owned();
            return;
        };
        let fitted = crate::workspace::fit_history::applied(calibration);
        self.status = format!("Applied the fitted rates. {}", calibration.comment());
        document.change_in_one_step(|scenario| *scenario = fitted);
    }

    /// Sets the durations (or starting figures) that put the start of the
    /// scenario being edited in balance, as one step to undo.
    fn balance_start(&mut self) {
        let document = &mut self.documents[self.active];
        let balancing = crate::sim::balance::balancing(&document.scenario);
        self.status = balancing.describe();
        if !balancing.is_empty() {
            document.change_in_one_step(|scenario| balancing.apply(scenario));
        }
    }

    /// The end of the frame: carries out the commands collected while drawing,
    /// re-projects what they changed, keeps the Monte Carlo run in step, records
    /// undo history and recovery copies, and titles the window.
    pub(super) fn end_frame(&mut self, ctx: &Context) {
        for command in std::mem::take(&mut self.commands) {
            self.run(command, ctx);
        }
        self.documents.iter_mut().for_each(Document::refresh);
        if self.check_history.open
            && self
                .check_history
                .refresh(&self.documents[self.active].scenario)
        {
            ctx.request_repaint();
        }
        self.risk
            .keep_monte_carlo_current(&self.documents[self.active].scenario, repaint_later(ctx));
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
}

/// Asks for a new frame from another thread, so finished background work is
/// shown without waiting for input.
fn repaint_later(ctx: &Context) -> impl Fn() + Send + 'static {
    let ctx = ctx.clone();
    move || ctx.request_repaint()
}
