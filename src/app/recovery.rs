//! Autosave and recovery: scenarios with unsaved changes are copied to a recovery
//! folder in the app's data directory shortly after each edit, so that a crash, a
//! kill or a power cut loses at most the last second of work. The next start
//! offers to restore them; quitting normally, or declining, deletes the copies.
//!
//! Each running window writes to its own folder, with an unpredictable name, and
//! holds a lock on a file beside it (`window-NAME.lock`) for as long as it runs.
//! A folder is only offered once nobody holds its lock: the system releases a
//! lock when its process ends, however it ends, so this works on every system,
//! whatever process numbers are reused or hidden by containers.

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::io::write_file;
use crate::model::Scenario;
use crate::workspace::{DiskStamp, Document};

/// Seconds an edit waits before it is copied, so that a drag or a typed number is
/// written once when it ends rather than on every frame.
pub const WRITE_AFTER_SECONDS: f64 = 1.0;

/// One scenario's copy, as written to the recovery folder.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RecoveredCopy {
    /// The file it was opened from or last saved to, as a full path; `None` if
    /// never saved.
    pub file: Option<PathBuf>,
    /// That file's stamp when it was opened or last saved here, so that saving
    /// the restored scenario asks first if someone changed the file since.
    #[serde(default)]
    pub disk_stamp: Option<DiskStamp>,
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
    /// This window's folder and lock, or why copies cannot be kept.
    place: Result<Place, String>,
    /// What was last written, tab by tab: (file, scenario) of each unsaved tab.
    written: Vec<(Option<PathBuf>, Scenario)>,
    /// When the open scenarios first differed from what was written.
    changed_since: Option<f64>,
    /// Why the last write failed, once, for the status bar.
    pub failure: Option<String>,
}

/// Where this window keeps its copies.
struct Place {
    folder: PathBuf,
    lock_path: PathBuf,
    /// Held locked while the window runs; the system lets go when it ends.
    _lock: std::fs::File,
}

const LOCK_EXTENSION: &str = "lock";

impl Recovery {
    /// Claims a folder of its own under `root`, locked for as long as this
    /// window runs. If that cannot be done, copies are not kept and
    /// [`Recovery::unavailable`] says why.
    pub fn new(root: &Path) -> Self {
        let place = Place::claim(root).map_err(|error| {
            format!(
                "unsaved changes cannot be kept for after a crash: {} ({})",
                crate::io::describe_write_error(&error),
                root.display()
            )
        });
        Self::with_place(place)
    }

    /// A window that cannot keep copies, and why ("there is no home folder").
    pub fn without_copies(why: &str) -> Self {
        Self::with_place(Err(format!(
            "unsaved changes cannot be kept for after a crash: {why}"
        )))
    }

    fn with_place(place: Result<Place, String>) -> Self {
        Self {
            place,
            written: Vec::new(),
            changed_since: None,
            failure: None,
        }
    }

    /// Why copies cannot be kept, if they cannot.
    pub fn unavailable(&self) -> Option<&str> {
        self.place.as_ref().err().map(String::as_str)
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
        let unsaved: Vec<&Document> = documents
            .iter()
            .filter(|document| document.is_modified())
            .collect();
        self.written = unsaved
            .iter()
            .map(|document| (document.path.clone(), document.scenario.clone()))
            .collect();
        let Ok(place) = &self.place else {
            return;
        };
        let folder = &place.folder;
        let result = (|| -> Result<(), String> {
            std::fs::create_dir_all(folder).map_err(|error| error.to_string())?;
            let now = unix_now();
            let mut names = Vec::new();
            for (index, document) in unsaved.iter().enumerate() {
                let copy = RecoveredCopy {
                    file: document
                        .path
                        .as_deref()
                        .map(|path| std::path::absolute(path).unwrap_or_else(|_| path.to_owned())),
                    disk_stamp: document.disk_stamp(),
                    written_unix_seconds: now,
                    scenario: document.scenario.clone(),
                };
                let text = ron::ser::to_string(&copy).map_err(|error| error.to_string())?;
                let name = format!("tab-{}.ron", index + 1);
                write_file(&folder.join(&name), text.as_bytes())
                    .map_err(|error| error.reason.to_string())?;
                names.push(name);
            }
            // Copies of tabs that are now saved or closed.
            for entry in std::fs::read_dir(folder)
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
                folder.display()
            )
        });
    }

    /// Deletes this window's copies and lets go of its folder (after a normal
    /// quit).
    pub fn discard(&mut self) {
        self.written.clear();
        if let Ok(place) = &self.place {
            let _ = std::fs::remove_dir_all(&place.folder);
            let _ = std::fs::remove_file(&place.lock_path);
        }
    }
}

impl Place {
    /// A new folder `root/window-XXXXXXXX` with its lock file held: the lock is
    /// taken before the folder exists, so no other window ever sees the folder
    /// unlocked while this one runs.
    fn claim(root: &Path) -> std::io::Result<Self> {
        std::fs::create_dir_all(root)?;
        let (lock, lock_path) = tempfile::Builder::new()
            .prefix("window-")
            .suffix(&format!(".{LOCK_EXTENSION}"))
            .tempfile_in(root)?
            .keep()
            .map_err(|error| error.error)?;
        lock.try_lock().map_err(std::io::Error::from)?;
        let folder = lock_path.with_extension("");
        std::fs::create_dir(&folder)?;
        Ok(Self {
            folder,
            lock_path,
            _lock: lock,
        })
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
        .filter(|path| path.is_dir() && !held_by_a_running_window(path))
        .collect();
    folders.sort_by_key(|folder| {
        std::fs::metadata(folder)
            .and_then(|metadata| metadata.modified())
            .ok()
    });
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

/// The lock file beside a window's folder.
fn lock_path_of(folder: &Path) -> PathBuf {
    let mut name = folder.file_name().unwrap_or_default().to_owned();
    name.push(format!(".{LOCK_EXTENSION}"));
    folder.with_file_name(name)
}

/// Whether a running window holds the lock of `folder`. A folder without a lock
/// file (left by an older Caseload, or by a window stopped while starting) has
/// no window.
fn held_by_a_running_window(folder: &Path) -> bool {
    let Ok(lock) = std::fs::File::open(lock_path_of(folder)) else {
        return false;
    };
    // Taking the lock at once means nobody holds it; it is let go on return.
    matches!(lock.try_lock(), Err(std::fs::TryLockError::WouldBlock))
}

/// Deletes the folders copies were restored or declined from, with their locks.
pub fn remove_folders(folders: &[PathBuf]) {
    for folder in folders {
        let _ = std::fs::remove_dir_all(folder);
        let _ = std::fs::remove_file(lock_path_of(folder));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_keeps_the_full_path_and_the_stamp_of_its_file() {
        let root = tempfile::tempdir().expect("a temporary folder");
        let scenario = crate::io::default_scenario();
        // Opened by a name relative to the folder the window was started in.
        let mut document = Document::new(scenario, Some(PathBuf::from("relative.ron")));
        document.scenario.name = "Edited".to_owned();
        let mut recovery = Recovery::new(root.path());
        assert!(recovery.unavailable().is_none());
        let documents = [document];
        assert!(recovery.update(0.0, &documents).is_some(), "waits a moment");
        assert!(recovery.update(2.0, &documents).is_none(), "then writes");
        // The window ends without quitting: its copies are offered.
        drop(recovery);
        let (copies, folders) = left_behind(root.path());
        assert_eq!(folders.len(), 1);
        let expected = std::env::current_dir()
            .expect("a current folder")
            .join("relative.ron");
        assert_eq!(copies[0].file.as_deref(), Some(expected.as_path()));
        assert_eq!(copies[0].scenario.name, "Edited");
    }

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
