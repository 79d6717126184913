//! Caseload's own file chooser, a window over the app, for computers with no
//! system file dialog (a Linux desktop without a file-chooser portal). It keeps
//! the window drawing while it is open, and its answer comes back as a command.

use std::path::{Path, PathBuf};

use egui::text_edit::TextEditState;
use egui::{Align2, Area, Context, Id, LayerId, Order, Sense};
use egui_file::{FileDialog, State};

use super::theme;
use crate::workspace::{Command, FileRequest};

/// An open chooser and what it is choosing for.
pub struct FileChooser {
    pub request: FileRequest,
    dialog: FileDialog,
    /// Whether the file name has been given the keyboard once (when saving), so
    /// that a person can type a name straight away.
    name_focused: bool,
}

impl FileChooser {
    /// Opens in `folder` (an absolute path) listing only files of the request's kind,
    /// with `file_name` filled in when saving.
    pub fn new(request: FileRequest, folder: &Path, file_name: &str) -> Self {
        let extension = request.kind().extension();
        let only_this_kind: egui_file::Filter<PathBuf> = Box::new(move |path: &Path| {
            path.extension()
                .is_some_and(|found| found.eq_ignore_ascii_case(extension))
        });
        let dialog = if request.writes() {
            FileDialog::save_file()
                .default_filename(file_name)
                .save_button_text(save_button_text(&request).into())
        } else {
            FileDialog::open_file()
        };
        let mut dialog = dialog
            .id(chooser_id())
            .title(request.title())
            .initial_path(folder)
            .show_files_filter(only_this_kind)
            .file_label_text("File name:".into())
            .parent_folder_button_hover_text("Up to the folder that holds this one".into())
            .refresh_button_hover_text("List the files again".into())
            .show_hidden_checkbox_text("Show hidden files".into())
            // Renaming and new folders report their errors only on the terminal.
            .show_rename(false)
            .show_new_folder(false)
            .anchor(Align2::CENTER_CENTER, [0.0, 0.0])
            .default_size([640.0, 440.0])
            .keep_on_top(true);
        dialog.open();
        Self {
            request,
            dialog,
            name_focused: false,
        }
    }

    /// The folder being shown.
    pub fn folder(&self) -> &Path {
        self.dialog.directory()
    }
}

fn chooser_id() -> Id {
    Id::unique("caseload_file_chooser")
}

fn save_button_text(request: &FileRequest) -> &'static str {
    if matches!(request, FileRequest::SaveAs { .. }) {
        "Save"
    } else {
        "Export"
    }
}

/// Draws the chooser. Returns the command that carries its answer once the person
/// has chosen a file or closed it.
pub fn file_chooser_ui(ctx: &Context, chooser: &mut FileChooser) -> Option<Command> {
    backdrop_ui(ctx);
    let dialog = chooser.dialog.show(ctx);
    let file_name_field = name_text_fields(ctx);
    if chooser.request.writes()
        && !chooser.name_focused
        && let Some(field) = file_name_field
    {
        ctx.memory_mut(|memory| memory.request_focus(field));
        chooser.name_focused = true;
    }
    match dialog.state() {
        State::Selected => Some(match dialog.path() {
            Some(path) => Command::FileChosen(chooser.request.clone(), path.to_owned()),
            None => Command::FileNotChosen(chooser.request.clone()),
        }),
        State::Cancelled | State::Closed => Some(Command::FileNotChosen(chooser.request.clone())),
        State::Open => None,
    }
}

/// Dims the window behind the chooser and takes the clicks there, so it is plain
/// that the chooser must be answered first (the app behind is disabled too).
fn backdrop_ui(ctx: &Context) {
    let screen = ctx.content_rect();
    let backdrop = Area::new(Id::unique("caseload_file_chooser_backdrop"))
        .order(Order::Middle)
        .fixed_pos(screen.min)
        .show(ctx, |ui| {
            ui.painter().rect_filled(screen, 0.0, theme::BACKDROP);
            ui.allocate_rect(screen, Sense::click());
        });
    // The chooser, shown next, puts itself above this.
    ctx.move_to_top(backdrop.response.layer_id);
}

/// egui_file leaves its two text fields without names, so a screen reader says only
/// "text input". They are found by their saved text-edit state (which works with
/// or without a screen reader) and named by place: the folder above, the file name
/// below. Returns the file name's field.
fn name_text_fields(ctx: &Context) -> Option<Id> {
    let layer = LayerId::new(Order::Middle, chooser_id());
    let widgets: Vec<(f32, Id)> = ctx.viewport(|viewport| {
        viewport
            .this_pass
            .widgets
            .get_layer(layer)
            .map(|widget| (widget.rect.top(), widget.id))
            .collect()
    });
    let mut fields: Vec<(f32, Id)> = widgets
        .into_iter()
        .filter(|(_, id)| TextEditState::load(ctx, *id).is_some())
        .collect();
    fields.sort_by(|a, b| a.0.total_cmp(&b.0));
    fields.dedup_by_key(|(_, id)| *id);
    for ((_, id), name) in fields.iter().zip(["Folder", "File name"]) {
        ctx.accesskit_node_builder(*id, |node| node.set_label(name));
    }
    fields.get(1).map(|(_, id)| *id)
}
