//! What the window's panels and the app share, beneath both: the commands the
//! panels emit, the open documents, the preferences, the comparison choice and
//! the risk work. `ui` draws from it and `app` carries it out, so neither
//! reaches up into the other.

pub mod check_history;
mod command;
mod comparison;
mod document;
mod file_kind;
pub mod fit_history;
mod how_we_compare;
mod new_from_council;
mod preferences;
pub mod risk;

pub use check_history::CheckHistory;
pub use command::{
    Command, FileRequest, OverwriteAnswer, PendingAction, ReplaceAnswer, UnsavedAnswer,
};
pub use comparison::ComparisonChoice;
pub use document::{DiskStamp, Document};
pub use file_kind::FileKind;
pub use fit_history::FitToHistory;
pub use how_we_compare::HowWeCompare;
pub use new_from_council::NewFromCouncil;
pub use preferences::{FileChooserChoice, MAX_RECENT_FILES, Preferences, ThemeChoice};
