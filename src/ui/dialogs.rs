//! Windows that ask or tell: "save your changes?", "the file changed on disk",
//! "replace the file that is there?", and what went wrong with a file.

use egui::{Context, Id, Modal, RichText, ScrollArea};

use super::theme;
use crate::workspace::{OverwriteAnswer, ReplaceAnswer, UnsavedAnswer};

/// A question in a modal window: a heading, a sentence, and a button per answer.
/// Closing the window (Escape, a click outside) gives `dismissed`.
fn question<T: Copy>(
    ctx: &Context,
    id: &str,
    heading: &str,
    text: &str,
    answers: &[(&str, T)],
    dismissed: T,
) -> Option<T> {
    let mut answer = None;
    let response = Modal::new(Id::unique(id)).show(ctx, |ui| {
        ui.set_width(420.0);
        ui.heading(heading);
        ui.label(text);
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            for (label, value) in answers {
                if ui.button(*label).clicked() {
                    answer = Some(*value);
                }
            }
        });
    });
    if answer.is_none() && response.should_close() {
        answer = Some(dismissed);
    }
    answer
}

/// Asks whether to save changes to `scenario_name` before `doing` (e.g. "opening
/// another file"). Returns the answer once given.
pub fn unsaved_changes_modal(
    ctx: &Context,
    scenario_name: &str,
    doing: &str,
) -> Option<UnsavedAnswer> {
    question(
        ctx,
        "unsaved_changes",
        "Save your changes?",
        &format!("\"{scenario_name}\" has changes that are not saved. Save them before {doing}?"),
        &[
            ("Save", UnsavedAnswer::Save),
            ("Discard", UnsavedAnswer::Discard),
            ("Cancel", UnsavedAnswer::Cancel),
        ],
        UnsavedAnswer::Cancel,
    )
}

/// Warns that `file_name` was changed on disk since it was opened here, and asks
/// what to do. Returns the answer once given.
pub fn changed_on_disk_modal(ctx: &Context, file_name: &str) -> Option<OverwriteAnswer> {
    question(
        ctx,
        "changed_on_disk",
        "The file changed on disk",
        &format!(
            "{file_name} was changed by another program or person since you opened it here. \
             Saving now would replace their version with yours."
        ),
        &[
            ("Overwrite it", OverwriteAnswer::Overwrite),
            ("Save as a new file...", OverwriteAnswer::SaveAs),
            ("Cancel", OverwriteAnswer::Cancel),
        ],
        OverwriteAnswer::Cancel,
    )
}

/// Asks whether to replace `file_name`, which is already in `folder`, as the
/// system's save dialogs do. Returns the answer once given.
pub fn replace_file_modal(ctx: &Context, file_name: &str, folder: &str) -> Option<ReplaceAnswer> {
    question(
        ctx,
        "replace_file",
        &format!("Replace {file_name}?"),
        &format!(
            "A file called {file_name} is already in {folder}. Replacing it overwrites \
             everything in it."
        ),
        &[
            ("Replace it", ReplaceAnswer::Replace),
            ("Choose another name…", ReplaceAnswer::ChooseAnother),
            ("Cancel", ReplaceAnswer::Cancel),
        ],
        ReplaceAnswer::Cancel,
    )
}

/// Offers to restore scenarios with unsaved changes left by a window that did not
/// close normally, one line each. Returns true to restore, false to discard.
pub fn recovery_modal(ctx: &Context, copies: &[String]) -> Option<bool> {
    let mut answer = None;
    Modal::new(Id::unique("recovery")).show(ctx, |ui| {
        ui.set_width(460.0);
        ui.heading("Restore unsaved changes?");
        ui.label(
            "Caseload closed without saving these scenarios (the program was stopped or \
             the computer shut down):",
        );
        for copy in copies {
            ui.label(format!("- {copy}"));
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Restore them").clicked() {
                answer = Some(true);
            }
            if ui.button("Discard them").clicked() {
                answer = Some(false);
            }
        });
    });
    answer
}

/// A problem to show the person: a title and one line per problem.
#[derive(Clone, Debug, PartialEq)]
pub struct ErrorReport {
    pub title: String,
    pub lines: Vec<String>,
    pub footer: String,
    /// Offer "Save as a new file..." (the file itself could not be written).
    pub offer_save_as: bool,
}

/// What the person did with an error report this frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorAnswer {
    /// Still reading it.
    Open,
    Close,
    SaveAs,
}

/// Shows the report until the person closes it or takes the offered way out.
pub fn error_window(ctx: &Context, report: &ErrorReport) -> ErrorAnswer {
    let mut open = true;
    let mut answer = ErrorAnswer::Open;
    egui::Window::new(RichText::new(&report.title).strong())
        .id(Id::unique("error_window"))
        .collapsible(false)
        .resizable(true)
        .default_width(560.0)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .open(&mut open)
        .show(ctx, |ui| {
            let colour = theme::status_colours(ui.visuals()).bad;
            ScrollArea::vertical().max_height(300.0).show(ui, |ui| {
                for line in &report.lines {
                    ui.label(RichText::new(line).monospace().color(colour));
                }
            });
            ui.add_space(6.0);
            ui.label(&report.footer);
            ui.horizontal(|ui| {
                if report.offer_save_as && ui.button("Save as a new file...").clicked() {
                    answer = ErrorAnswer::SaveAs;
                }
                if ui.button("OK").clicked() {
                    answer = ErrorAnswer::Close;
                }
            });
        });
    if open { answer } else { ErrorAnswer::Close }
}
