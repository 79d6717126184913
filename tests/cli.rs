//! The command line, run as a program the way a finance officer would.

#![allow(clippy::unwrap_used)] // Test code: a panic is a failed test.

mod common;

use std::process::{Command, Output};

use caseload::io::load_scenario;
use caseload::project;

fn caseload(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_caseload"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[test]
fn run_prints_a_summary_by_financial_year_and_writes_csv() {
    let folder = tempfile::tempdir().unwrap();
    let csv_path = folder.path().join("out.csv");
    let output = caseload(&[
        "run",
        "saves/liverpool-2019.ron",
        "--csv",
        csv_path.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    for words in [
        "Liverpool 2019: +160 staff plan",
        "Jan 2019 to Mar 2022, 39 months",
        "1,250 in care",
        "313.0 FTE permanent",
        "2018-19 (part)",
        "2019-20",
        "2020-21",
        "2021-22",
        "Avg caseload",
        "Over cap",
        "In care at end",
        "Agency",
        "Variance",
        "Wrote 39 months",
    ] {
        assert!(stdout.contains(words), "missing {words:?} in\n{stdout}");
    }

    // The CSV: a header, one row per month, ISO months, numbers matching the engine.
    let scenario = load_scenario(&common::save("liverpool-2019.ron")).unwrap();
    let projection = project(&scenario);
    let csv = std::fs::read_to_string(&csv_path).unwrap();
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    assert_eq!(header[0], "month");
    for column in [
        "referrals",
        "children_in_need",
        "child_protection",
        "looked_after",
        "average_caseload",
        "vacancies",
        "agency_share_percent",
        "spend_total",
        "fte_experienced",
        "caseload_asye",
        "looked_after_residential",
    ] {
        assert!(header.contains(&column), "no column {column}");
    }
    let rows: Vec<Vec<&str>> = lines.map(|line| line.split(',').collect()).collect();
    assert_eq!(rows.len(), 39);
    assert_eq!(rows[0][0], "2019-01");
    assert_eq!(rows[3][0], "2019-04");
    assert_eq!(rows[38][0], "2022-03");
    let column = |name: &str| header.iter().position(|h| *h == name).unwrap();
    for (row, month) in rows.iter().zip(&projection.rows) {
        assert_eq!(row.len(), header.len());
        let looked_after: f64 = row[column("looked_after")].parse().unwrap();
        assert!((looked_after - month.stocks.looked_after()).abs() < 1e-4);
        let spend: f64 = row[column("spend_total")].parse().unwrap();
        assert!((spend - month.spend.total()).abs() < 1e-3);
    }
}

#[test]
fn months_option_changes_the_horizon_and_is_checked() {
    let output = caseload(&["run", "saves/wakefield-2018.ron", "--months", "12"]);
    assert_eq!(output.status.code(), Some(0));
    let stdout = text(&output.stdout);
    assert!(stdout.contains("12 months"), "{stdout}");
    assert!(!stdout.contains("2019-20"), "{stdout}");

    let output = caseload(&["run", "saves/wakefield-2018.ron", "--months", "500"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("--months must be between 12 and 120"));
}

#[test]
fn compare_prints_both_summaries_and_the_difference() {
    let output = caseload(&[
        "compare",
        "saves/liverpool-2019.ron",
        "saves/wakefield-2018.ron",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert!(stdout.contains("A: Liverpool 2019"));
    assert!(stdout.contains("B: Wakefield 2018"));
    assert!(stdout.contains("Difference, B - A"));
    // Only the financial years both cover are differenced.
    let difference = stdout.split("Difference, B - A").nth(1).unwrap();
    assert!(difference.contains("2019-20"));
    assert!(difference.contains("2020-21"));
    assert!(!difference.contains("2021-22"), "{difference}");
}

#[test]
fn compare_of_a_file_with_itself_shows_no_difference() {
    let output = caseload(&[
        "compare",
        "saves/gloucestershire-2018.ron",
        "saves/gloucestershire-2018.ron",
    ]);
    let stdout = text(&output.stdout);
    let difference = stdout.split("Difference, B - A").nth(1).unwrap();
    for line in difference.lines().filter(|line| line.starts_with("20")) {
        assert!(!line.contains('+'), "{line}");
        assert!(line.contains("£0"), "{line}");
    }
}

#[test]
fn errors_go_to_stderr_with_a_non_zero_status() {
    let output = caseload(&["run", "tests/bad/negative-fte.ron"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    assert!(text(&output.stderr).contains("tests/bad/negative-fte.ron:8:27: staff[1].fte"));

    let output = caseload(&["run", "no-such-file.ron"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("no-such-file.ron: no such file"));

    let output = caseload(&["frobnicate", "x", "y"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn help_lists_the_commands() {
    let output = caseload(&["--help"]);
    assert_eq!(output.status.code(), Some(0));
    let stdout = text(&output.stdout);
    for command in ["run", "check", "compare"] {
        assert!(stdout.contains(command), "{stdout}");
    }
}

#[test]
fn without_a_display_the_window_fails_with_a_message_not_a_panic() {
    let output = Command::new(env!("CARGO_BIN_EXE_caseload"))
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("could not open the window"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}
