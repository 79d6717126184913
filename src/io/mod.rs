//! Scenario files (RON) and CSV export. The model knows nothing of files; this
//! module reads, checks, writes and exports them.

use std::path::{Path, PathBuf};

mod comments;
pub mod csv;
pub mod locate;
mod scenario_file;

pub use comments::FileComments;
pub use csv::{write_csv_file, write_projection_csv};
pub use scenario_file::{
    FileProblem, LoadError, MAX_FILE_BYTES, SaveError, default_scenario,
    default_scenario_with_comments, load_scenario, load_scenario_with_comments, parse_scenario,
    save_scenario, save_scenario_with_comments, scenario_to_ron,
};

/// Writes `bytes` to a temporary file beside `path`, syncs it and renames it over
/// `path`: the old file stays whole if anything fails.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_replacing(path, bytes, false)
}

/// Like [`write_atomically`], and first keeps the file being replaced as
/// [`backup_path`] (`NAME.ron.bak`), itself replaced whole.
pub fn write_keeping_backup(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_replacing(path, bytes, true)
}

/// Where the previous version of a saved file is kept: `NAME.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_owned();
    name.push(".bak");
    path.with_file_name(name)
}

fn write_replacing(path: &Path, bytes: &[u8], keep_backup: bool) -> std::io::Result<()> {
    use std::io::Write;
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    };
    let file_name = path
        .file_name()
        .ok_or_else(|| std::io::Error::other("the path names no file"))?;
    let temporary = |purpose: &str| {
        folder.join(format!(
            ".{}.{purpose}-{}",
            file_name.to_string_lossy(),
            std::process::id()
        ))
    };
    let (saving, backing_up) = (temporary("saving"), temporary("backup"));
    let written = (|| {
        let mut file = std::fs::File::create(&saving)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        if keep_backup && path.is_file() {
            // A second name for the old file (a copy where links are not
            // possible), moved over the old backup in one step.
            if std::fs::hard_link(path, &backing_up).is_err() {
                std::fs::copy(path, &backing_up)?;
            }
            std::fs::rename(&backing_up, backup_path(path))?;
        }
        std::fs::rename(&saving, path)?;
        // The renames are only durable once the folder itself is synced; some
        // file systems cannot sync a folder, which does not make the save fail.
        if let Ok(folder) = std::fs::File::open(&folder) {
            let _ = folder.sync_all();
        }
        Ok(())
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&saving);
        let _ = std::fs::remove_file(&backing_up);
    }
    written
}

/// Why a file could not be written, in words a finance officer can act on.
pub fn describe_write_error(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => "the folder does not exist (was it moved or deleted?)".to_owned(),
        ErrorKind::PermissionDenied => {
            "you may not write in this folder (it is read-only or belongs to someone else)"
                .to_owned()
        }
        ErrorKind::ReadOnlyFilesystem => "the disk is read-only".to_owned(),
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => {
            "the disk is full (or your space on it is used up)".to_owned()
        }
        ErrorKind::IsADirectory => "a folder of that name is in the way".to_owned(),
        _ => error.to_string(),
    }
}
