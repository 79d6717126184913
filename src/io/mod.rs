//! Scenario files (RON) and CSV export. The model knows nothing of files; this
//! module reads, checks, writes and exports them.

pub mod csv;
pub mod locate;
mod scenario_file;

pub use csv::{write_csv_file, write_projection_csv};
pub use scenario_file::{
    FileProblem, LoadError, MAX_FILE_BYTES, SaveError, default_scenario, load_scenario,
    parse_scenario, save_scenario, scenario_to_ron,
};

/// Writes `bytes` to a temporary file beside `path`, syncs it and renames it over
/// `path`: the old file stays whole if anything fails.
pub fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => std::path::PathBuf::from("."),
    };
    let file_name = path
        .file_name()
        .ok_or_else(|| std::io::Error::other("the path names no file"))?;
    let temporary = folder.join(format!(
        ".{}.saving-{}",
        file_name.to_string_lossy(),
        std::process::id()
    ));
    let written = (|| {
        let mut file = std::fs::File::create(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temporary, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    written
}
