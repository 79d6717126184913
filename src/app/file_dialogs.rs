//! The system's file dialogs, behind a trait so that tests never open a real one.
//! Where the system has none, the app uses its own chooser (`crate::ui::file_chooser`).

use std::path::{Path, PathBuf};

use crate::workspace::FileKind;

pub trait FileDialogs {
    /// Whether these dialogs can be shown now. When not, the app asks in its own
    /// chooser instead. A cancelled dialog is no reason to: only a missing one is.
    fn available(&mut self) -> bool {
        true
    }
    /// Asks for a scenario file to open.
    fn open_scenario(&mut self, folder: Option<&Path>) -> Option<PathBuf>;
    /// Asks where to write a file of this kind.
    fn save_file(
        &mut self,
        folder: Option<&Path>,
        file_name: &str,
        kind: FileKind,
    ) -> Option<PathBuf>;
}

/// The system's dialogs through rfd (the desktop portal on Linux).
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn available(&mut self) -> bool {
        super::portal::system_dialogs_available()
    }

    fn open_scenario(&mut self, folder: Option<&Path>) -> Option<PathBuf> {
        let dialog = rfd::FileDialog::new()
            .set_title("Open a scenario")
            .add_filter(
                FileKind::Scenario.filter_name(),
                &[FileKind::Scenario.extension()],
            );
        match folder {
            Some(folder) => dialog.set_directory(folder),
            None => dialog,
        }
        .pick_file()
    }

    fn save_file(
        &mut self,
        folder: Option<&Path>,
        file_name: &str,
        kind: FileKind,
    ) -> Option<PathBuf> {
        let dialog = rfd::FileDialog::new()
            .set_title(format!("Save as {}", kind.filter_name()))
            .add_filter(kind.filter_name(), &[kind.extension()])
            .set_file_name(file_name);
        match folder {
            Some(folder) => dialog.set_directory(folder),
            None => dialog,
        }
        .save_file()
        .map(|path| with_extension(path, kind.extension()))
    }
}

/// Adds the extension when the person typed a name without one.
pub fn with_extension(path: PathBuf, extension: &str) -> PathBuf {
    if path.extension().is_some() {
        path
    } else {
        path.with_extension(extension)
    }
}
