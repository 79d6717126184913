//! What the app remembers between runs: theme and recent files, in
//! `preferences.ron` in the app's data folder, written by the program's one
//! writer. Window size and position are remembered by eframe itself. Scenarios
//! are never stored here: they live in their own files.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

pub const MAX_RECENT_FILES: usize = 10;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Follow the system's light or dark setting.
    #[default]
    System,
    Light,
    Dark,
}

impl ThemeChoice {
    pub const ALL: [ThemeChoice; 3] = [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark];

    pub fn label(self) -> &'static str {
        match self {
            ThemeChoice::System => "Follow the system",
            ThemeChoice::Light => "Light",
            ThemeChoice::Dark => "Dark",
        }
    }

    pub fn to_egui(self) -> egui::ThemePreference {
        match self {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// Which file chooser Open, Save As and Export use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileChooserChoice {
    /// The system's dialog, or Caseload's own where the system has none.
    #[default]
    System,
    /// Always Caseload's own, in the window (for a system dialog that misbehaves).
    Caseload,
}

impl FileChooserChoice {
    pub const ALL: [FileChooserChoice; 2] =
        [FileChooserChoice::System, FileChooserChoice::Caseload];

    pub fn label(self) -> &'static str {
        match self {
            FileChooserChoice::System => "The system's, where there is one",
            FileChooserChoice::Caseload => "Caseload's own, in the window",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    pub theme: ThemeChoice,
    pub file_chooser: FileChooserChoice,
    /// Most recent first.
    pub recent_files: Vec<PathBuf>,
}

impl Preferences {
    pub fn remember_file(&mut self, path: PathBuf) {
        let path = std::fs::canonicalize(&path).unwrap_or(path);
        self.recent_files.retain(|known| *known != path);
        self.recent_files.insert(0, path);
        self.recent_files.truncate(MAX_RECENT_FILES);
    }
}

impl Preferences {
    /// The preferences in `path`; `None` if there is no such file or it cannot be
    /// read (preferences are a convenience: the defaults do).
    pub fn read(path: &Path) -> Option<Self> {
        let text = std::fs::read_to_string(path).ok()?;
        ron::from_str(&text).ok()
    }

    /// Writes the preferences to `path`, creating its folder if need be.
    pub fn write(&self, path: &Path) -> Result<(), String> {
        let text = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default())
            .map_err(|error| error.to_string())?;
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(|error| error.to_string())?;
        }
        crate::io::write_file(path, text.as_bytes()).map_err(|error| error.to_string())
    }
}
