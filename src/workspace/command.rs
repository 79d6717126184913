//! What the person asked for this frame. Collected while drawing and carried out
//! once at the end of the frame, so the UI never does file work mid-draw. Also
//! the answers the window's questions give the app.

use std::path::PathBuf;

use super::file_kind::FileKind;
use super::preferences::{FileChooserChoice, ThemeChoice};
use crate::charts::ChartTab;

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
    /// The workbook (Excel): summary, monthly figures, comparison and inputs.
    ExportWorkbook,
    Quit,
    Undo,
    Redo,
    /// A copy of the scenario being edited, in a new tab.
    Duplicate,
    /// Make this tab the one being edited.
    Activate(usize),
    CloseTab(usize),
    SetTheme(ThemeChoice),
    /// The system's file dialog where there is one, or always Caseload's own.
    SetFileChooser(FileChooserChoice),
    /// Caseload's own file chooser gave a file for this request.
    FileChosen(FileRequest, PathBuf),
    /// Caseload's own file chooser was closed without a file.
    FileNotChosen(FileRequest),
    /// The answer to "replace the file that is there?" after Caseload's own chooser.
    ReplaceAnswered(FileRequest, PathBuf, ReplaceAnswer),
    /// The answer to "save your changes first?" about the pending action.
    UnsavedAnswered(UnsavedAnswer),
    /// The answer to "the file of tab `.0` changed on disk: overwrite it?".
    OverwriteAnswered(usize, OverwriteAnswer),
    /// The answer to "restore the unsaved changes from last time?".
    RecoveryAnswered {
        restore: bool,
    },
    ShowHelp,
    /// Open Help > About: what Caseload is, its version and the licence of the
    /// published figures it ships.
    ShowAbout,
    /// Open "How we compare": the scenario's council (or the one chosen before)
    /// beside its statistical neighbours and England.
    ShowHowWeCompare,
    /// Open "Check against history": the open scenario's council backtested
    /// against what it published, beside the rules of thumb.
    ShowCheckHistory,
    /// Open "Fit to history…".
    ShowFitToHistory,
    /// Fit the demand rates of the scenario being edited to its council's
    /// published years, in the background.
    StartFit,
    /// Set the fitted rates on the scenario being edited, with a note of the fit
    /// (one step to undo). A fit of an older version of the scenario is not
    /// applied.
    ApplyFit,
    /// Fit the demand rates of the scenario being edited to the council's own
    /// monthly counts in this CSV file, in the background.
    StartFitToCounts(PathBuf),
    /// Open File > New from council….
    ShowNewFromCouncil,
    /// Open the scenario built from a council's published figures (its ONS code
    /// and the year ending 31 March it starts from) as a new tab.
    OpenCouncilScenario {
        code: String,
        year: i32,
    },
    /// Open "What does it take?".
    ShowGoalSeek,
    /// Open the sensitivity (tornado) chart.
    ShowSensitivity,
    /// Search for the smallest lever value that meets the goal seek's target, as
    /// its form stands, in the background.
    StartGoalSeek,
    CancelGoalSeek,
    /// Add the intervention the goal seek found to the scenario being edited
    /// (one step to undo).
    ApplyGoalSeek,
    /// Set the mean durations of the scenario being edited (or, where no duration
    /// can, the starting figures) so that its start is in balance (one step to undo).
    BalanceStart,
    /// Rank the inputs by their swing in the chosen figure, in the background.
    StartSensitivity,
    CancelSensitivity,
    /// Stop the Monte Carlo draws for the scenario as it is.
    CancelMonteCarlo,
    /// Run the Monte Carlo draws again after they were cancelled.
    ResumeMonteCarlo,
}

/// An action waiting for the answer to "save your changes first?".
#[derive(Clone, Debug, PartialEq)]
pub enum PendingAction {
    /// Close this tab.
    CloseTab(usize),
    /// Quit; this tab is the next one with unsaved changes.
    Quit(usize),
}

/// What a file is being asked for; it travels with Caseload's own file chooser,
/// which answers in a later frame.
#[derive(Clone, Debug, PartialEq)]
pub enum FileRequest {
    /// A scenario to open.
    Open,
    /// Where to save the scenario in tab `tab`; `then` is carried on once it is saved.
    SaveAs {
        tab: usize,
        then: Option<PendingAction>,
    },
    ExportCsv,
    ExportComparisonCsv,
    ExportCharts(ChartTab),
    ExportReport,
    ExportWorkbook,
}

impl FileRequest {
    pub fn kind(&self) -> FileKind {
        match self {
            FileRequest::Open | FileRequest::SaveAs { .. } => FileKind::Scenario,
            FileRequest::ExportCsv | FileRequest::ExportComparisonCsv => FileKind::Csv,
            FileRequest::ExportCharts(_) => FileKind::Png,
            FileRequest::ExportReport => FileKind::Html,
            FileRequest::ExportWorkbook => FileKind::Workbook,
        }
    }

    /// The title of the window that asks for the file.
    pub fn title(&self) -> &'static str {
        match self {
            FileRequest::Open => "Open a scenario",
            FileRequest::SaveAs { .. } => "Save the scenario as",
            FileRequest::ExportCsv => "Export the monthly figures (CSV)",
            FileRequest::ExportComparisonCsv => "Export the comparison table (CSV)",
            FileRequest::ExportCharts(_) => "Export the tab's charts (PNG), all into this folder",
            FileRequest::ExportReport => "Export the summary report (HTML)",
            FileRequest::ExportWorkbook => "Export the workbook (Excel .xlsx)",
        }
    }

    /// Said when no file was given.
    pub fn not_chosen(&self) -> &'static str {
        match self {
            FileRequest::Open => {
                "Not opened: no file was chosen. You can also drag a scenario file onto the window."
            }
            FileRequest::SaveAs { .. } => "Not saved: no file was chosen",
            _ => "Not exported: no file was chosen",
        }
    }

    /// Whether the file is written (so an existing one would be replaced).
    pub fn writes(&self) -> bool {
        !matches!(self, FileRequest::Open)
    }
}

/// The answer to "a file with this name is there already: replace it?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReplaceAnswer {
    Replace,
    ChooseAnother,
    Cancel,
}

/// The person's answer to "save your changes first?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsavedAnswer {
    Save,
    Discard,
    Cancel,
}

/// The person's answer to "the file changed on disk: overwrite it?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OverwriteAnswer {
    Overwrite,
    SaveAs,
    Cancel,
}
