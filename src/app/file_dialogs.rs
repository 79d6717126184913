//! Native file dialogs, behind a trait so that tests never open a real one.

use std::path::{Path, PathBuf};

pub trait FileDialogs {
    /// Asks for a scenario file to open.
    fn open_scenario(&mut self, folder: Option<&Path>) -> Option<PathBuf>;
    /// Asks where to save a scenario.
    fn save_scenario(&mut self, folder: Option<&Path>, file_name: &str) -> Option<PathBuf>;
    /// Asks where to export CSV.
    fn save_csv(&mut self, folder: Option<&Path>, file_name: &str) -> Option<PathBuf>;
}

/// The system's dialogs through rfd (the desktop portal on Linux).
pub struct NativeDialogs;

fn dialog(folder: Option<&Path>) -> rfd::FileDialog {
    let dialog = rfd::FileDialog::new();
    match folder {
        Some(folder) => dialog.set_directory(folder),
        None => dialog,
    }
}

impl FileDialogs for NativeDialogs {
    fn open_scenario(&mut self, folder: Option<&Path>) -> Option<PathBuf> {
        dialog(folder)
            .set_title("Open a scenario")
            .add_filter("Caseload scenario", &["ron"])
            .pick_file()
    }

    fn save_scenario(&mut self, folder: Option<&Path>, file_name: &str) -> Option<PathBuf> {
        dialog(folder)
            .set_title("Save the scenario")
            .add_filter("Caseload scenario", &["ron"])
            .set_file_name(file_name)
            .save_file()
            .map(|path| with_extension(path, "ron"))
    }

    fn save_csv(&mut self, folder: Option<&Path>, file_name: &str) -> Option<PathBuf> {
        dialog(folder)
            .set_title("Export monthly figures as CSV")
            .add_filter("CSV", &["csv"])
            .set_file_name(file_name)
            .save_file()
            .map(|path| with_extension(path, "csv"))
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
