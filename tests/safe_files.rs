//! Saving never damages a file: the previous version is kept as NAME.ron.bak, a
//! failed save leaves the old file as it was and leaves no temporary files, and
//! every failure says why in words a person can act on.

#![allow(clippy::unwrap_used)] // Test code: a panic is a failed test.

mod common;

use std::path::Path;
use std::process::Command;

use caseload::io::{backup_path, describe_write_error, load_scenario, save_scenario};

#[test]
fn saving_keeps_the_previous_version_as_bak() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("plan.ron");
    let mut scenario = common::small_scenario();
    save_scenario(&path, &scenario).unwrap();
    // The first save has nothing to keep.
    assert_eq!(common::names_in(folder.path()), ["plan.ron"]);

    scenario.name = "Second version".to_owned();
    save_scenario(&path, &scenario).unwrap();
    assert_eq!(backup_path(&path), folder.path().join("plan.ron.bak"));
    assert_eq!(load_scenario(&path).unwrap().name, "Second version");
    assert_eq!(
        load_scenario(&backup_path(&path)).unwrap().name,
        "Test council"
    );

    scenario.name = "Third version".to_owned();
    save_scenario(&path, &scenario).unwrap();
    assert_eq!(
        load_scenario(&backup_path(&path)).unwrap().name,
        "Second version"
    );
    // No temporary files are left behind.
    assert_eq!(
        common::names_in(folder.path()),
        ["plan.ron", "plan.ron.bak"]
    );
}

#[test]
fn a_failed_save_leaves_the_old_file_and_no_litter() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("plan.ron");
    let scenario = common::small_scenario();
    save_scenario(&path, &scenario).unwrap();
    let before = std::fs::read(&path).unwrap();
    // A folder where the previous version would be kept makes the save fail
    // part way.
    let blocker = backup_path(&path);
    std::fs::create_dir(&blocker).unwrap();
    let mut changed = scenario.clone();
    changed.name = "Never written".to_owned();
    let error = save_scenario(&path, &changed).unwrap_err().to_string();
    assert!(error.contains("could not save"), "{error}");
    assert!(
        error.contains("plan.ron.bak: a folder of that name is in the way"),
        "{error}"
    );
    assert!(error.contains("The file on disk is unchanged"), "{error}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    std::fs::remove_dir(&blocker).unwrap();
    assert_eq!(common::names_in(folder.path()), ["plan.ron"]);
}

#[test]
fn a_read_only_folder_is_named_as_the_reason() {
    // /sys refuses new files even to root, where permissions would not.
    let path = Path::new("/sys/plan.ron");
    let error = save_scenario(path, &common::small_scenario())
        .unwrap_err()
        .to_string();
    assert!(error.contains("/sys/plan.ron"), "{error}");
    assert!(
        error.contains("you may not write here") || error.contains("read-only"),
        "{error}"
    );
    assert!(!path.exists());
}

#[test]
fn a_folder_that_vanished_is_named_as_the_reason() {
    let folder = tempfile::tempdir().unwrap();
    let gone = folder.path().join("moved away");
    std::fs::create_dir(&gone).unwrap();
    let path = gone.join("plan.ron");
    save_scenario(&path, &common::small_scenario()).unwrap();
    std::fs::remove_dir_all(&gone).unwrap();
    let error = save_scenario(&path, &common::small_scenario())
        .unwrap_err()
        .to_string();
    assert!(error.contains("the folder does not exist"), "{error}");
}

#[test]
fn a_full_disk_is_named_as_the_reason() {
    // No file system can be filled safely in a test; the message is checked on the
    // error the operating system gives for it.
    let full = std::io::Error::from(std::io::ErrorKind::StorageFull);
    assert_eq!(
        describe_write_error(&full),
        "the disk is full (or your space on it is used up)"
    );
    let read_only = std::io::Error::from(std::io::ErrorKind::ReadOnlyFilesystem);
    assert_eq!(describe_write_error(&read_only), "the disk is read-only");
}

/// Lifts the immutable attribute again when dropped, so the temporary folder can
/// be removed whatever the test found.
struct Immutable<'a>(&'a Path);

impl Drop for Immutable<'_> {
    fn drop(&mut self) {
        let _ = Command::new("chattr").arg("-i").arg(self.0).status();
    }
}

#[test]
fn an_immutable_file_is_named_as_the_reason() {
    let reason = caseload::io::WriteFailure::Locked.to_string();
    assert!(
        reason.starts_with("the file is locked against changes (marked immutable with chattr +i"),
        "{reason}"
    );
    // A plain refusal still blames the folder.
    let refused = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
    assert!(describe_write_error(&refused).contains("you may not write here"));

    // The real thing where the machine allows it (Linux, ext4 or similar, and the
    // right to set the attribute: root in CI).
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("plan.ron");
    save_scenario(&path, &common::small_scenario()).unwrap();
    let before = std::fs::read(&path).unwrap();
    let set = Command::new("chattr").arg("+i").arg(&path).status();
    if !set.is_ok_and(|status| status.success()) {
        eprintln!("chattr +i is not available here: only the message was checked");
        return;
    }
    let _unlock = Immutable(&path);
    let error = save_scenario(&path, &common::small_scenario())
        .unwrap_err()
        .to_string();
    assert!(error.contains(&reason), "{error}");
    assert!(error.contains("The file on disk is unchanged"), "{error}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let output = Command::new(env!("CARGO_BIN_EXE_caseload"))
        .args(["run", "saves/wakefield-2018.ron", "--csv"])
        .arg(&path)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains(&reason), "{stderr}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    // No temporary files are left beside it.
    let mut names = common::names_in(folder.path());
    names.retain(|name| name != "plan.ron.bak");
    assert_eq!(names, ["plan.ron"]);
}

#[test]
fn the_command_line_says_why_an_export_failed() {
    let output = Command::new(env!("CARGO_BIN_EXE_caseload"))
        .args([
            "run",
            "saves/wakefield-2018.ron",
            "--csv",
            "/sys/wakefield.csv",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("could not write /sys/wakefield.csv: "),
        "{stderr}"
    );
    // Which of the two the system reports for /sys depends on how it is mounted.
    assert!(
        stderr.contains("you may not write here") || stderr.contains("read-only"),
        "{stderr}"
    );
    assert!(stderr.contains("nothing was written"), "{stderr}");
}
