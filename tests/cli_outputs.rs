//! Files the command line writes (`--csv`, `--html`): never over an input or over
//! each other, always written even when standard output is closed, and every
//! message says which files were written.

#![allow(clippy::unwrap_used)] // Test code: a panic is a failed test.

mod common;

use std::path::Path;
use std::process::{Command, Output, Stdio};

fn caseload(args: &[&str], folder: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_caseload"))
        .args(args)
        .current_dir(folder)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// A folder holding copies of Wakefield (`x.ron`) and its do-nothing twin (`b.ron`).
fn folder_with_scenarios() -> tempfile::TempDir {
    let folder = tempfile::tempdir().unwrap();
    std::fs::copy(
        common::save("wakefield-2018.ron"),
        folder.path().join("x.ron"),
    )
    .unwrap();
    std::fs::copy(
        common::save("liverpool-2019-do-nothing.ron"),
        folder.path().join("b.ron"),
    )
    .unwrap();
    folder
}

#[test]
fn an_output_that_is_an_input_is_refused_before_anything_is_written() {
    let folder = folder_with_scenarios();
    let before = std::fs::read(folder.path().join("x.ron")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink("x.ron", folder.path().join("alias.csv")).unwrap();
    let mut attempts = vec![
        vec!["run", "x.ron", "--csv", "x.ron"],
        vec!["run", "x.ron", "--csv", "./x.ron"],
        vec!["compare", "x.ron", "b.ron", "--html", "x.ron"],
        vec!["compare", "b.ron", "x.ron", "--csv", "x.ron"],
    ];
    if cfg!(unix) {
        attempts.push(vec!["run", "x.ron", "--csv", "alias.csv"]);
    }
    for args in attempts {
        let output = caseload(&args, folder.path());
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        let stderr = text(&output.stderr);
        assert!(
            stderr.contains("is the scenario file"),
            "{args:?}: {stderr}"
        );
        assert!(stderr.contains("Nothing was written"), "{stderr}");
        assert!(output.stdout.is_empty(), "{args:?}");
        assert_eq!(std::fs::read(folder.path().join("x.ron")).unwrap(), before);
    }
}

#[test]
fn two_outputs_in_one_file_are_refused() {
    let folder = folder_with_scenarios();
    for (csv, html) in [("out", "out"), ("./out", "out"), ("-", "-")] {
        let output = caseload(
            &["compare", "x.ron", "b.ron", "--csv", csv, "--html", html],
            folder.path(),
        );
        assert_eq!(output.status.code(), Some(1));
        let stderr = text(&output.stderr);
        assert!(
            stderr.contains("are the same file")
                || stderr.contains("both write to standard output"),
            "{stderr}"
        );
        assert!(!folder.path().join("out").exists());
    }
}

#[test]
fn a_dash_writes_the_csv_to_standard_output_and_the_summary_beside_it() {
    let folder = folder_with_scenarios();
    let output = caseload(&["run", "x.ron", "--csv", "-"], folder.path());
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert!(stdout.starts_with("month,"), "{stdout}");
    assert_eq!(stdout.lines().count(), 1 + 36);
    assert!(text(&output.stderr).contains("Avg caseload"));
}

#[test]
fn a_closed_standard_output_never_stops_a_requested_file() {
    let folder = folder_with_scenarios();
    // Standard output is a pipe whose reading end is already closed, as in
    // `caseload run x.ron --csv out.csv | true`.
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let output = Command::new(env!("CARGO_BIN_EXE_caseload"))
        .args(["run", "x.ron", "--csv", "out.csv"])
        .current_dir(folder.path())
        .stdout(Stdio::from(writer))
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    let csv = std::fs::read_to_string(folder.path().join("out.csv")).unwrap();
    assert_eq!(csv.lines().count(), 1 + 36);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("could not print to standard output"),
        "{stderr}"
    );
    assert!(stderr.contains("out.csv was written"), "{stderr}");
}

#[test]
fn a_partial_failure_says_which_file_was_written_and_which_was_not() {
    let folder = folder_with_scenarios();
    // A folder where the report would go: the CSV can be written, the report not.
    std::fs::create_dir(folder.path().join("report.html")).unwrap();
    let output = caseload(
        &[
            "compare",
            "x.ron",
            "b.ron",
            "--csv",
            "out.csv",
            "--html",
            "report.html",
        ],
        folder.path(),
    );
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains(
            "out.csv was written; report.html was not: a folder of that name is in the way"
        ),
        "{stderr}"
    );
    assert!(folder.path().join("out.csv").is_file());
    assert!(text(&output.stdout).contains("Wrote the comparison table to out.csv."));
}

#[cfg(unix)]
#[test]
fn dev_stdout_is_standard_output_itself_never_replaced() {
    let folder = folder_with_scenarios();
    // Standard output appended to a log that already holds something.
    let log = folder.path().join("log.txt");
    std::fs::write(&log, "IMPORTANT\n").unwrap();
    let inode = |path: &Path| {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(path).unwrap().ino()
    };
    let before = inode(&log);
    let appended = std::fs::OpenOptions::new().append(true).open(&log).unwrap();
    for alias in ["/dev/stdout", "/proc/self/fd/1"] {
        let output = Command::new(env!("CARGO_BIN_EXE_caseload"))
            .args(["run", "x.ron", "--csv", alias])
            .current_dir(folder.path())
            .stdout(Stdio::from(appended.try_clone().unwrap()))
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
        assert!(text(&output.stderr).contains("Avg caseload"));
    }
    assert_eq!(inode(&log), before, "the log is the same file");
    let logged = std::fs::read_to_string(&log).unwrap();
    assert!(logged.starts_with("IMPORTANT\nmonth,"), "{logged}");
    assert_eq!(logged.matches("month,").count(), 2);

    // Through a pipe, as `caseload run x.ron --csv /dev/stdout | wc -c`.
    let output = caseload(&["run", "x.ron", "--csv", "/dev/stdout"], folder.path());
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(text(&output.stdout).starts_with("month,"));

    // `-` and /dev/stdout are one stream.
    let output = caseload(
        &[
            "compare",
            "x.ron",
            "b.ron",
            "--csv",
            "-",
            "--html",
            "/dev/stdout",
        ],
        folder.path(),
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("both write to standard output"));
}

#[test]
fn a_report_on_standard_output_is_the_same_bytes_as_the_file() {
    let folder = folder_with_scenarios();
    // Notes may hold carriage returns; they reach standard output unchanged.
    let with_cr = std::fs::read_to_string(folder.path().join("x.ron"))
        .unwrap()
        .replacen("notes: \"", "notes: \"First line\r\nsecond line. ", 1);
    std::fs::write(folder.path().join("x.ron"), with_cr).unwrap();
    let to_file = caseload(
        &["compare", "x.ron", "b.ron", "--html", "report.html"],
        folder.path(),
    );
    assert_eq!(to_file.status.code(), Some(0), "{}", text(&to_file.stderr));
    let to_stdout = caseload(&["compare", "x.ron", "b.ron", "--html", "-"], folder.path());
    assert_eq!(to_stdout.status.code(), Some(0));
    let file = std::fs::read(folder.path().join("report.html")).unwrap();
    assert!(file.windows(2).any(|pair| pair == b"\r\n"));
    assert_eq!(to_stdout.stdout, file);
}
