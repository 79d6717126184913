//! The one writer, against everything that can be at a path: links, pipes,
//! devices, sockets, read-only and private files, hard links, long names and
//! the leftovers of a killed write. Device nodes and pipes are made inside a
//! temporary folder, never under /dev.

#![cfg(unix)]
#![allow(clippy::unwrap_used)] // Test code: a panic is a failed test.

mod common;

use std::io::Read;
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, SystemTime};

use caseload::io::{backup_path, load_scenario, same_file, save_scenario, write_file};

fn is_root() -> bool {
    std::fs::metadata("/proc/self").is_ok_and(|metadata| metadata.uid() == 0)
}

fn make_fifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

/// `mknod` needs root; returns false (and the test skips) otherwise.
fn make_device(path: &Path, kind: &str, major: u32, minor: u32) -> bool {
    if !is_root() {
        eprintln!("skipped: making a device node needs root");
        return false;
    }
    let status = Command::new("mknod")
        .arg(path)
        .args([kind, &major.to_string(), &minor.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    true
}

#[test]
fn a_link_is_followed_and_stays_a_link_and_the_bak_is_a_real_copy() {
    let folder = tempfile::tempdir().unwrap();
    let real = folder.path().join("shared").join("plan.ron");
    std::fs::create_dir(real.parent().unwrap()).unwrap();
    let link = folder.path().join("plan.ron");
    let mut scenario = common::small_scenario();
    save_scenario(&real, &scenario).unwrap();
    std::os::unix::fs::symlink("shared/plan.ron", &link).unwrap();

    scenario.name = "Through the link".to_owned();
    save_scenario(&link, &scenario).unwrap();
    assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
    assert_eq!(load_scenario(&real).unwrap().name, "Through the link");
    // The previous version is kept beside the real file, as a file of its own.
    let bak = backup_path(&real);
    assert!(std::fs::symlink_metadata(&bak).unwrap().is_file());
    assert_eq!(load_scenario(&bak).unwrap().name, "Test council");
    assert_ne!(
        std::fs::metadata(&bak).unwrap().ino(),
        std::fs::metadata(&real).unwrap().ino()
    );
}

#[test]
fn a_dangling_link_creates_its_target() {
    let folder = tempfile::tempdir().unwrap();
    let link = folder.path().join("out.csv");
    std::os::unix::fs::symlink("made-later.csv", &link).unwrap();
    write_file(&link, b"a,b\n").unwrap();
    assert!(std::fs::symlink_metadata(&link).unwrap().is_symlink());
    assert_eq!(
        std::fs::read(folder.path().join("made-later.csv")).unwrap(),
        b"a,b\n"
    );
}

#[test]
fn a_link_loop_is_refused_with_a_reason() {
    let folder = tempfile::tempdir().unwrap();
    let a = folder.path().join("a.csv");
    let b = folder.path().join("b.csv");
    std::os::unix::fs::symlink(&b, &a).unwrap();
    std::os::unix::fs::symlink(&a, &b).unwrap();
    let error = write_file(&a, b"x").unwrap_err().to_string();
    assert!(error.contains("leads round in a circle"), "{error}");
    assert!(std::fs::symlink_metadata(&a).unwrap().is_symlink());
}

#[test]
fn a_pipe_with_a_reader_gets_the_bytes_and_stays_a_pipe() {
    let folder = tempfile::tempdir().unwrap();
    let fifo = folder.path().join("pipe");
    make_fifo(&fifo);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut text = String::new();
            std::fs::File::open(&fifo)
                .unwrap()
                .read_to_string(&mut text)
                .unwrap();
            text
        })
    };
    write_file(&fifo, b"month,referrals\n2019-04,120\n").unwrap();
    assert_eq!(reader.join().unwrap(), "month,referrals\n2019-04,120\n");
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    assert_eq!(common::names_in(folder.path()), ["pipe"]);
}

#[test]
fn a_socket_is_written_to_and_never_replaced() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("socket");
    let listener = std::os::unix::net::UnixListener::bind(&path).unwrap();
    let reader = std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let mut text = String::new();
        stream.read_to_string(&mut text).unwrap();
        text
    });
    write_file(&path, b"hello").unwrap();
    assert_eq!(reader.join().unwrap(), "hello");
    assert!(std::fs::metadata(&path).unwrap().file_type().is_socket());
}

#[test]
fn a_character_device_is_written_to_and_never_replaced() {
    let folder = tempfile::tempdir().unwrap();
    let null = folder.path().join("null");
    // The same device as /dev/null (1, 3), made in a folder of the test's own.
    if !make_device(&null, "c", 1, 3) {
        return;
    }
    write_file(&null, b"anything").unwrap();
    assert!(
        std::fs::metadata(&null)
            .unwrap()
            .file_type()
            .is_char_device()
    );

    // And through the command line, as `caseload run F --csv /dev/null` would.
    let output = Command::new(env!("CARGO_BIN_EXE_caseload"))
        .args(["run", "saves/wakefield-2018.ron", "--csv"])
        .arg(&null)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    assert!(
        std::fs::metadata(&null)
            .unwrap()
            .file_type()
            .is_char_device()
    );
    assert_eq!(common::names_in(folder.path()), ["null"]);
}

#[test]
fn a_disk_is_refused() {
    let folder = tempfile::tempdir().unwrap();
    let disk = folder.path().join("disk");
    if !make_device(&disk, "b", 7, 200) {
        return;
    }
    let error = write_file(&disk, b"x").unwrap_err().to_string();
    assert!(error.contains("it is a disk (a block device)"), "{error}");
    assert!(
        std::fs::metadata(&disk)
            .unwrap()
            .file_type()
            .is_block_device()
    );
}

#[test]
fn a_read_only_file_is_refused_and_left_alone() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("signed-off.ron");
    save_scenario(&path, &common::small_scenario()).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut changed = common::small_scenario();
    changed.name = "Changed".to_owned();
    let error = save_scenario(&path, &changed).unwrap_err();
    assert!(error.is_read_only());
    assert!(
        error.to_string().contains("the file is read-only"),
        "{error}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o444
    );
}

#[test]
fn a_folder_in_the_way_is_refused() {
    let folder = tempfile::tempdir().unwrap();
    let error = write_file(folder.path(), b"x").unwrap_err().to_string();
    // A path that is a folder names no file, or names the folder in the way.
    assert!(
        error.contains("a folder of that name is in the way") || error.contains("names no file"),
        "{error}"
    );
    let inside = folder.path().join("out.csv");
    std::fs::create_dir(&inside).unwrap();
    let error = write_file(&inside, b"x").unwrap_err().to_string();
    assert!(
        error.contains("a folder of that name is in the way"),
        "{error}"
    );
}

#[test]
fn permissions_and_owner_are_kept_and_new_files_get_the_usual_ones() {
    let folder = tempfile::tempdir().unwrap();
    let private = folder.path().join("private.ron");
    std::fs::write(&private, "old").unwrap();
    std::fs::set_permissions(&private, std::fs::Permissions::from_mode(0o600)).unwrap();
    if is_root() {
        std::os::unix::fs::chown(&private, Some(4321), Some(4321)).unwrap();
    }
    write_file(&private, b"new").unwrap();
    let metadata = std::fs::metadata(&private).unwrap();
    assert_eq!(metadata.permissions().mode() & 0o777, 0o600);
    if is_root() {
        assert_eq!((metadata.uid(), metadata.gid()), (4321, 4321));
    }

    // A new file: 0666 less the umask, not the temporary file's own 0600. The
    // umask is read from a file the test makes the usual way.
    let usual = folder.path().join("usual");
    std::fs::write(&usual, "").unwrap();
    let fresh = folder.path().join("fresh.csv");
    write_file(&fresh, b"x").unwrap();
    assert_eq!(
        std::fs::metadata(&fresh).unwrap().permissions().mode() & 0o777,
        std::fs::metadata(&usual).unwrap().permissions().mode() & 0o777
    );
}

#[test]
fn every_name_of_a_hard_linked_file_sees_the_new_version() {
    let folder = tempfile::tempdir().unwrap();
    let first = folder.path().join("plan.ron");
    let second = folder.path().join("also-plan.ron");
    let mut scenario = common::small_scenario();
    save_scenario(&first, &scenario).unwrap();
    std::fs::hard_link(&first, &second).unwrap();
    scenario.name = "Both names".to_owned();
    save_scenario(&first, &scenario).unwrap();
    assert_eq!(load_scenario(&second).unwrap().name, "Both names");
    assert_eq!(std::fs::metadata(&first).unwrap().nlink(), 2);
    assert_eq!(
        load_scenario(&backup_path(&first)).unwrap().name,
        "Test council"
    );
}

#[test]
fn a_name_of_255_bytes_can_be_written_and_saved() {
    let folder = tempfile::tempdir().unwrap();
    let name = format!("{}.ron", "é".repeat(125)); // 250 + 4 = 254 bytes
    let name = format!("x{name}");
    assert_eq!(name.len(), 255);
    let path = folder.path().join(&name);
    let mut scenario = common::small_scenario();
    save_scenario(&path, &scenario).unwrap();
    scenario.name = "Again".to_owned();
    save_scenario(&path, &scenario).unwrap();
    assert_eq!(load_scenario(&path).unwrap().name, "Again");
    // The previous version's name is cut to fit.
    let bak = backup_path(&path);
    assert!(bak.file_name().unwrap().len() <= 255);
    assert_eq!(load_scenario(&bak).unwrap().name, "Test council");
}

#[test]
fn a_killed_writes_temporary_file_is_cleared_by_the_next_write() {
    let folder = tempfile::tempdir().unwrap();
    // What a write killed between writing and renaming leaves.
    let left = folder.path().join(".caseload-Ab3dE6gH9jK1.tmp");
    std::fs::write(&left, "half a file").unwrap();
    let an_hour_ago = SystemTime::now() - Duration::from_secs(3_600);
    std::fs::File::options()
        .write(true)
        .open(&left)
        .unwrap()
        .set_modified(an_hour_ago)
        .unwrap();
    // One still being written (its writer holds it) is left alone.
    let busy = folder.path().join(".caseload-Zz9yY8xX7wW6.tmp");
    std::fs::write(&busy, "being written").unwrap();
    let held = std::fs::File::options().write(true).open(&busy).unwrap();
    held.set_modified(an_hour_ago).unwrap();
    held.lock().unwrap();
    // A link planted on such a name is neither followed nor removed.
    let victim = folder.path().join("victim.txt");
    std::fs::write(&victim, "keep me").unwrap();
    let planted = folder.path().join(".caseload-Pl4nT3dL1nK2.tmp");
    std::os::unix::fs::symlink(&victim, &planted).unwrap();

    write_file(&folder.path().join("out.csv"), b"a\n").unwrap();
    assert!(!left.exists(), "the stale temporary file is gone");
    assert!(busy.exists(), "a write in progress keeps its file");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
    assert!(std::fs::symlink_metadata(&planted).is_ok());
    drop(held);
}

#[test]
fn same_file_sees_through_links_and_other_names() {
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("x.ron");
    std::fs::write(&file, "x").unwrap();
    let link = folder.path().join("link.ron");
    std::os::unix::fs::symlink(&file, &link).unwrap();
    let dotted = folder.path().join("sub").join("..").join("x.ron");
    std::fs::create_dir(folder.path().join("sub")).unwrap();
    assert!(same_file(&file, &link));
    assert!(same_file(&file, &dotted));
    // Files not made yet are the same when they would be made in the same place.
    let new = folder.path().join("new.csv");
    let new_dotted = folder.path().join("sub").join("..").join("new.csv");
    assert!(same_file(&new, &new_dotted));
    assert!(!same_file(&new, &file));
}

#[test]
fn a_persons_own_file_that_looks_like_a_temporary_one_is_kept() {
    let folder = tempfile::tempdir().unwrap();
    let theirs = folder.path().join(".caseload-report.tmp");
    std::fs::write(&theirs, "mine").unwrap();
    std::fs::File::options()
        .write(true)
        .open(&theirs)
        .unwrap()
        .set_modified(SystemTime::now() - Duration::from_secs(3_600))
        .unwrap();
    write_file(&folder.path().join("out.csv"), b"a\n").unwrap();
    assert_eq!(std::fs::read_to_string(&theirs).unwrap(), "mine");
}

#[test]
fn a_name_ending_in_a_slash_names_a_folder() {
    let folder = tempfile::tempdir().unwrap();
    let path = format!("{}/newdir/", folder.path().display());
    let error = write_file(Path::new(&path), b"x").unwrap_err().to_string();
    assert!(error.contains("names a folder, not a file"), "{error}");
}

#[test]
fn a_link_someone_else_planted_in_a_shared_folder_is_not_followed() {
    if !is_root() {
        eprintln!("skipped: giving a link to another user needs root");
        return;
    }
    let folder = tempfile::tempdir().unwrap();
    // A folder like /tmp: anyone may write, only owners may delete.
    let shared = folder.path().join("shared");
    std::fs::create_dir(&shared).unwrap();
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o1777)).unwrap();
    let victim = folder.path().join("victim.txt");
    std::fs::write(&victim, "keep me").unwrap();
    let planted = shared.join("report.csv");
    std::os::unix::fs::symlink(&victim, &planted).unwrap();
    std::os::unix::fs::lchown(&planted, Some(4321), Some(4321)).unwrap();
    let error = write_file(&planted, b"x").unwrap_err().to_string();
    assert!(error.contains("belongs to someone else"), "{error}");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
    // The person's own link there is followed as usual.
    let own = shared.join("mine.csv");
    std::os::unix::fs::symlink(&victim, &own).unwrap();
    write_file(&own, b"new").unwrap();
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "new");
}

#[test]
fn a_file_the_person_may_not_change_is_refused_though_its_folder_is_open() {
    if !is_root() {
        eprintln!("skipped: running as another user needs root");
        return;
    }
    let folder = tempfile::tempdir().unwrap();
    std::fs::set_permissions(folder.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    let theirs = folder.path().join("theirs.csv");
    std::fs::write(&theirs, "root's").unwrap();
    std::fs::set_permissions(&theirs, std::fs::Permissions::from_mode(0o644)).unwrap();
    let scenario = folder.path().join("x.ron");
    std::fs::copy(common::save("wakefield-2018.ron"), &scenario).unwrap();
    std::fs::set_permissions(&scenario, std::fs::Permissions::from_mode(0o644)).unwrap();
    // The binary and the scenario must be reachable by nobody.
    let output = Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(env!("CARGO_BIN_EXE_caseload"))
        .args(["run", "x.ron", "--csv", "theirs.csv"])
        .current_dir(folder.path())
        .output()
        .unwrap();
    if String::from_utf8_lossy(&output.stderr).contains("Permission denied")
        && !String::from_utf8_lossy(&output.stderr).contains("theirs.csv")
    {
        eprintln!("skipped: the test binary is not reachable by another user here");
        return;
    }
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("you may not change this file"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&theirs).unwrap(), "root's");
    assert_eq!(std::fs::metadata(&theirs).unwrap().uid(), 0);
}

#[test]
fn files_not_made_yet_are_the_same_through_a_linked_folder() {
    let folder = tempfile::tempdir().unwrap();
    let real = folder.path().join("real");
    std::fs::create_dir(&real).unwrap();
    let alias = folder.path().join("alias");
    std::os::unix::fs::symlink(&real, &alias).unwrap();
    assert!(same_file(&real.join("o.csv"), &alias.join("o.csv")));
}
