//! What the person asked for this frame. Collected while drawing and carried out
//! once at the end of the frame, so the UI never does file work mid-draw.

use std::path::PathBuf;

use super::preferences::ThemeChoice;
use crate::export::ChartTab;

#[must_use]
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// A new scenario in a new tab.
    New,
    /// Open, asking for the file.
    Open,
    /// Open this file (recent files, drag and drop, the command line).
    OpenPath(PathBuf),
    Save,
    SaveAs,
    /// Every monthly series of every open scenario.
    ExportCsv,
    /// The comparison table of the baseline and the scenario being edited.
    ExportComparisonCsv,
    /// The charts of one tab, as PNG images.
    ExportCharts(ChartTab),
    /// The one-page summary report (HTML).
    ExportReport,
    Quit,
    Undo,
    Redo,
    /// A copy of the scenario being edited, in a new tab.
    Duplicate,
    /// Make this tab the one being edited.
    Activate(usize),
    CloseTab(usize),
    SetTheme(ThemeChoice),
    ShowHelp,
    /// Open "What does it take?".
    ShowGoalSeek,
    /// Open the sensitivity (tornado) chart.
    ShowSensitivity,
}

/// An action waiting for the answer to "save your changes first?".
#[derive(Clone, Debug, PartialEq)]
pub enum PendingAction {
    /// Close this tab.
    CloseTab(usize),
    /// Quit; this tab is the next one with unsaved changes.
    Quit(usize),
}
