//! The desktop app: open scenarios, commands, files, undo. Split as Rerun's
//! viewer is: `state` holds the app and builds it, `frame` lays out each frame's
//! panels and windows, `commands` carries out what they asked for at the frame's
//! end. Drawing lives in `crate::ui`; what both share, in `crate::workspace`.

mod commands;
mod comparison_page;
pub mod file_dialogs;
mod files;
mod frame;
mod portal;
pub mod recovery;
mod state;

pub use file_dialogs::{FileDialogs, NativeDialogs};
pub use state::{APP_ID, CaseloadApp, RecoveryOffer};
