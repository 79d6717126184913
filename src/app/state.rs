//! The app's state and how it is built: the open documents, what the window
//! shows and asks, the preferences and the recovery copies.

use std::path::PathBuf;

use super::file_dialogs::{FileDialogs, NativeDialogs};
use super::recovery;
use crate::ui::charts::ChartTab;
use crate::ui::dialogs::ErrorReport;
use crate::ui::file_chooser::FileChooser;
use crate::workspace::risk::RiskState;
use crate::workspace::{
    Command, ComparisonChoice, Document, FileRequest, PendingAction, Preferences,
};

/// Unsaved scenarios found in the recovery folder at start.
pub struct RecoveryOffer {
    pub copies: Vec<recovery::RecoveredCopy>,
    /// The folders they are in, deleted once the person answers.
    pub folders: Vec<PathBuf>,
}

/// Where eframe keeps the app's preferences.
pub const APP_ID: &str = "caseload";
pub(super) const PREFERENCES_KEY: &str = "preferences";
/// The preferences' own file in the app's data folder.
pub(super) const PREFERENCES_FILE: &str = "preferences.ron";

/// The desktop window's app: eframe calls `logic` and `ui` (in `frame`) each
/// frame; what the frame asks for is carried out in `commands`.
pub struct CaseloadApp {
    /// The open scenarios, one tab each; there is always at least one.
    pub documents: Vec<Document>,
    /// The tab being edited.
    pub active: usize,
    /// Whether the charts compare scenarios, and which one is the baseline.
    pub comparison: ComparisonChoice,
    /// Monte Carlo, goal seek and sensitivity for the scenario being edited.
    pub risk: RiskState,
    pub preferences: Preferences,
    pub(super) dialogs: Box<dyn FileDialogs>,
    pub tab: ChartTab,
    pub help_open: bool,
    pub about_open: bool,
    pub how_we_compare: crate::workspace::HowWeCompare,
    pub check_history: crate::workspace::CheckHistory,
    pub fit_history: crate::workspace::FitToHistory,
    pub new_from_council: crate::workspace::NewFromCouncil,
    /// Waiting for the answer to "save your changes first?".
    pub pending: Option<PendingAction>,
    /// The tab whose file changed on disk, waiting for "overwrite it?".
    pub overwrite_question: Option<usize>,
    /// Caseload's own file chooser, open where the system has no file dialog.
    pub file_chooser: Option<FileChooser>,
    /// A file picked in Caseload's own chooser that exists, waiting for "replace it?".
    pub replace_question: Option<(FileRequest, PathBuf)>,
    /// A problem to show (a file that failed to open or save).
    pub error: Option<ErrorReport>,
    /// A short note of the last thing done ("Saved to ...").
    pub status: String,
    pub(super) commands: Vec<Command>,
    /// Set once quitting is confirmed, so the close request is not stopped again.
    pub(super) quitting: bool,
    pub(super) window_title: String,
    /// Copies of unsaved scenarios for after a crash; `None` without a data folder.
    pub recovery: Option<recovery::Recovery>,
    /// Copies left by a window that did not close normally, waiting for "restore?".
    pub recovery_offer: Option<RecoveryOffer>,
    /// The person has read that copies cannot be kept (the status bar still says so).
    pub(super) recovery_notice_dismissed: bool,
    /// Where the preferences are kept (`None` in tests and without a data folder),
    /// and what was last written there.
    pub(super) preferences_file: Option<PathBuf>,
    pub(super) preferences_written: Option<Preferences>,
    /// When the process started, if asked to report when the first frame is drawn.
    pub startup_report: Option<std::time::Instant>,
    pub(super) frames_drawn: u64,
}

impl CaseloadApp {
    /// The app as `caseload` starts it: preferences from eframe's storage, then
    /// the `files` given, one tab each, else the built-in scenario.
    pub fn new(cc: &eframe::CreationContext<'_>, files: Vec<PathBuf>) -> Self {
        // Earlier versions kept the preferences in eframe's own storage.
        let earlier: Preferences = cc
            .storage
            .and_then(|storage| eframe::get_value(storage, PREFERENCES_KEY))
            .unwrap_or_default();
        let mut app = Self::with_parts(earlier, Box::new(NativeDialogs));
        if let Some(folder) = eframe::storage_dir(APP_ID) {
            app = app.with_preferences_file(folder.join(PREFERENCES_FILE));
        }
        match recovery::Recovery::default_root(APP_ID) {
            Some(root) => app = app.with_recovery(&root),
            None => {
                app.recovery = Some(recovery::Recovery::without_copies(
                    "this system gives Caseload no folder for its own data (no home folder)",
                ))
            }
        }
        cc.egui_ctx.set_theme(app.preferences.theme.to_egui());
        for path in files {
            app.open_path(&path);
        }
        app
    }

    /// The app with given preferences and file dialogs (tests use scripted ones).
    pub fn with_parts(preferences: Preferences, dialogs: Box<dyn FileDialogs>) -> Self {
        Self {
            documents: vec![Document::example()],
            active: 0,
            comparison: ComparisonChoice::default(),
            risk: RiskState::default(),
            preferences,
            dialogs,
            tab: ChartTab::default(),
            help_open: false,
            about_open: false,
            how_we_compare: crate::workspace::HowWeCompare::default(),
            check_history: crate::workspace::CheckHistory::default(),
            fit_history: crate::workspace::FitToHistory::default(),
            new_from_council: crate::workspace::NewFromCouncil::default(),
            pending: None,
            overwrite_question: None,
            file_chooser: None,
            replace_question: None,
            error: None,
            status: String::new(),
            commands: Vec::new(),
            quitting: false,
            window_title: String::new(),
            startup_report: None,
            frames_drawn: 0,
            recovery: None,
            recovery_offer: None,
            recovery_notice_dismissed: false,
            preferences_file: None,
            preferences_written: None,
        }
    }

    /// Keeps the preferences in `path`, reading them from it if it exists.
    pub fn with_preferences_file(mut self, path: PathBuf) -> Self {
        if let Some(preferences) = Preferences::read(&path) {
            self.preferences_written = Some(preferences.clone());
            self.preferences = preferences;
        }
        self.preferences_file = Some(path);
        self
    }

    /// Keeps recovery copies under `root` and offers to restore any that a window
    /// which did not close normally left there.
    pub fn with_recovery(mut self, root: &std::path::Path) -> Self {
        let (copies, folders) = recovery::left_behind(root);
        if !copies.is_empty() {
            self.recovery_offer = Some(RecoveryOffer { copies, folders });
        } else {
            recovery::remove_folders(&folders);
        }
        self.recovery = Some(recovery::Recovery::new(root));
        self
    }

    /// Whether Caseload's own file chooser, or its "replace it?", is waiting.
    pub fn is_choosing_file(&self) -> bool {
        self.file_chooser.is_some() || self.replace_question.is_some()
    }

    /// The scenario being edited.
    pub fn document(&self) -> &Document {
        &self.documents[self.active]
    }

    pub fn document_mut(&mut self) -> &mut Document {
        &mut self.documents[self.active]
    }
}
