//! What the person asked for this frame. Collected while drawing and carried out
//! once at the end of the frame, so the UI never does file work mid-draw.

use std::path::PathBuf;

use super::preferences::ThemeChoice;

#[must_use]
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    New,
    /// Open, asking for the file.
    Open,
    /// Open this file (recent files, drag and drop, the command line).
    OpenPath(PathBuf),
    Save,
    SaveAs,
    ExportCsv,
    Quit,
    Undo,
    Redo,
    SetTheme(ThemeChoice),
    ShowHelp,
}

/// An action waiting for the answer to "save your changes first?".
#[derive(Clone, Debug, PartialEq)]
pub enum PendingAction {
    New,
    /// `None`: ask for the file after.
    Open(Option<PathBuf>),
    Quit,
}
