//! Scenario files (RON). The model knows nothing of files; this module reads,
//! checks and writes them. Exports (CSV, PNG, HTML) live in `export`.

mod comments;
mod keep_layout;
pub mod locate;
mod scenario_file;
mod syntax;
mod versions;
mod write;

pub use keep_layout::{FileText, Layout, Written, write_keeping_layout};
pub use scenario_file::{
    FileProblem, LoadError, MAX_FILE_BYTES, SaveError, default_scenario,
    default_scenario_with_text, load_scenario, load_scenario_with_text, parse_scenario,
    save_scenario, save_scenario_keeping_layout, scenario_to_ron,
};
pub use write::{
    WriteError, WriteFailure, backup_path, describe_write_error, is_open_file, same_file,
    write_file, write_file_keeping_backup,
};
