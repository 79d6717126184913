//! Autosave and recovery: scenarios with unsaved changes are copied to a recovery
//! folder in the app's data directory shortly after each edit, so that a crash, a
//! kill or a power cut loses at most the last second of work. The next start
//! offers to restore them; quitting normally, or declining, deletes the copies.
//!
//! Each running window writes to its own folder, named by its process number, so
//! two windows never overwrite each other's copies, and a folder is only offered
//! once the process that wrote it has gone.

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::Document;
use crate::io::write_atomically;
use crate::model::Scenario;

/// Seconds an edit waits before it is copied, so that a drag or a typed number is
/// written once when it ends rather than on every frame.
pub const WRITE_AFTER_SECONDS: f64 = 1.0;

/// One scenario's copy, as written to the recovery folder.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RecoveredCopy {
    /// The file it was opened from or last saved to; `None` if never saved.
    pub file: Option<PathBuf>,
    /// When the copy was written (seconds since 1970, UTC).
    pub written_unix_seconds: u64,
    pub scenario: Scenario,
}

impl RecoveredCopy {
    /// "Wakefield 2018 (wakefield.ron), changed 4 minutes ago".
    pub fn describe(&self, now_unix_seconds: u64) -> String {
        let file = self.file.as_deref().and_then(Path::file_name).map_or_else(
            || "never saved".to_owned(),
            |name| name.to_string_lossy().into_owned(),
        );
        format!(
            "{} ({file}), changed {}",
            self.scenario.name,
            time_ago(now_unix_seconds.saturating_sub(self.written_unix_seconds))
        )
    }
}

/// "just now", "4 minutes ago", "2 hours ago", "3 days ago".
pub fn time_ago(seconds: u64) -> String {
    let plural = |count: u64, unit: &str| {
        if count == 1 {
            format!("1 {unit} ago")
        } else {
            format!("{count} {unit}s ago")
        }
    };
    match seconds {
        0..60 => "just now".to_owned(),
        60..3_600 => plural(seconds / 60, "minute"),
        3_600..86_400 => plural(seconds / 3_600, "hour"),
        _ => plural(seconds / 86_400, "day"),
    }
}

pub fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs())
}

/// Copies of this window's unsaved scenarios.
pub struct Recovery {
    /// This process's folder inside the recovery root.
    folder: PathBuf,
    /// What was last written, tab by tab: (file, scenario) of each unsaved tab.
    written: Vec<(Option<PathBuf>, Scenario)>,
    /// When the open scenarios first differed from what was written.
    changed_since: Option<f64>,
    /// Why the last write failed, once, for the status bar.
    pub failure: Option<String>,
}

impl Recovery {
    /// Copies go to `root/<process number>`.
    pub fn new(root: &Path) -> Self {
        Self {
            folder: root.join(std::process::id().to_string()),
            written: Vec::new(),
            changed_since: None,
            failure: None,
        }
    }

    /// The recovery root in the app's data directory, if the system has one.
    pub fn default_root(app_id: &str) -> Option<PathBuf> {
        eframe::storage_dir(app_id).map(|folder| folder.join("recovery"))
    }

    /// Called every frame at `now` (seconds): writes the unsaved tabs once they
    /// have differed from the last copy for [`WRITE_AFTER_SECONDS`]. Returns the
    /// seconds until it next needs a frame, if it is waiting to write.
    pub fn update(&mut self, now: f64, documents: &[Document]) -> Option<f64> {
        let unsaved = documents.iter().filter(|document| document.is_modified());
        let same = unsaved.clone().count() == self.written.len()
            && unsaved
                .zip(&self.written)
                .all(|(document, (file, scenario))| {
                    document.path == *file && document.scenario == *scenario
                });
        if same {
            self.changed_since = None;
            return None;
        }
        let since = *self.changed_since.get_or_insert(now);
        let wait = since + WRITE_AFTER_SECONDS - now;
        if wait > 0.0 {
            return Some(wait);
        }
        self.write(documents);
        self.changed_since = None;
        None
    }

    /// Writes a copy of every unsaved tab and removes the copies of the others.
    fn write(&mut self, documents: &[Document]) {
        self.written = documents
            .iter()
            .filter(|document| document.is_modified())
            .map(|document| (document.path.clone(), document.scenario.clone()))
            .collect();
        if self.written.is_empty() {
            self.discard();
            return;
        }
        let result = (|| -> Result<(), String> {
            std::fs::create_dir_all(&self.folder).map_err(|error| error.to_string())?;
            let now = unix_now();
            let mut names = Vec::new();
            for (index, (file, scenario)) in self.written.iter().enumerate() {
                let copy = RecoveredCopy {
                    file: file.clone(),
                    written_unix_seconds: now,
                    scenario: scenario.clone(),
                };
                let text = ron::ser::to_string(&copy).map_err(|error| error.to_string())?;
                let name = format!("tab-{}.ron", index + 1);
                write_atomically(&self.folder.join(&name), text.as_bytes())
                    .map_err(|error| crate::io::describe_write_error(&error))?;
                names.push(name);
            }
            // Copies of tabs that are now saved or closed.
            for entry in std::fs::read_dir(&self.folder)
                .map_err(|error| error.to_string())?
                .flatten()
            {
                let name = entry.file_name().to_string_lossy().into_owned();
                if !names.contains(&name) {
                    let _ = std::fs::remove_file(entry.path());
                }
            }
            Ok(())
        })();
        self.failure = result.err().map(|why| {
            format!(
                "Could not keep a recovery copy in {}: {why}",
                self.folder.display()
            )
        });
    }

    /// Deletes this window's copies (after a normal quit, or when nothing is
    /// unsaved any more).
    pub fn discard(&mut self) {
        self.written.clear();
        let _ = std::fs::remove_dir_all(&self.folder);
    }
}

/// Copies left by windows that are no longer running, oldest folder first, with
/// the folders they came from.
pub fn left_behind(root: &Path) -> (Vec<RecoveredCopy>, Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(root) else {
        return (Vec::new(), Vec::new());
    };
    let mut folders: Vec<PathBuf> = entries
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.is_dir() && !written_by_a_running_window(path))
        .collect();
    folders.sort();
    let mut copies = Vec::new();
    for folder in &folders {
        let Ok(files) = std::fs::read_dir(folder) else {
            continue;
        };
        let mut files: Vec<PathBuf> = files.flatten().map(|entry| entry.path()).collect();
        files.sort();
        // A copy that cannot be read (cut short by the crash) is skipped.
        copies.extend(
            files
                .iter()
                .filter(|file| file.extension().is_some_and(|extension| extension == "ron"))
                .filter_map(|file| std::fs::read_to_string(file).ok())
                .filter_map(|text| ron::from_str::<RecoveredCopy>(&text).ok()),
        );
    }
    (copies, folders)
}

/// Whether the window that owns `folder` (named by its process number) is still
/// running. Where that cannot be told, it is taken to have gone.
fn written_by_a_running_window(folder: &Path) -> bool {
    let Some(pid) = folder
        .file_name()
        .and_then(|name| name.to_str())
        .and_then(|name| name.parse::<u32>().ok())
    else {
        return false;
    };
    if pid == std::process::id() {
        return true;
    }
    cfg!(target_os = "linux") && Path::new("/proc").join(pid.to_string()).exists()
}

/// Deletes the folders copies were restored or declined from.
pub fn remove_folders(folders: &[PathBuf]) {
    for folder in folders {
        let _ = std::fs::remove_dir_all(folder);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_naturally() {
        assert_eq!(time_ago(5), "just now");
        assert_eq!(time_ago(60), "1 minute ago");
        assert_eq!(time_ago(4 * 60 + 10), "4 minutes ago");
        assert_eq!(time_ago(2 * 3_600), "2 hours ago");
        assert_eq!(time_ago(86_400), "1 day ago");
        assert_eq!(time_ago(3 * 86_400), "3 days ago");
    }
}
