//! Bad scenario files: each gives a clear message with its line and column where
//! one applies, from the library and from `caseload check` run as a program.

#![allow(clippy::unwrap_used)] // Test code: a panic is a failed test.

use std::path::{Path, PathBuf};
use std::process::Command;

use caseload::io::{MAX_FILE_BYTES, load_scenario};

fn bad(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/bad")
        .join(name)
}

/// A bad file, where its problem is (line, column), the field named, and words the
/// message must contain.
type Case = (
    &'static str,
    Option<(usize, usize)>,
    Option<&'static str>,
    &'static str,
);

const CASES: &[Case] = &[
    ("syntax-error.ron", Some((5, 5)), None, "expected a comma"),
    (
        "unknown-field.ron",
        Some((7, 29)),
        Some("staff[0]"),
        "unknown field `ftee`",
    ),
    (
        "wrong-type.ron",
        Some((7, 33)),
        Some("staff[0].fte"),
        "expected a number",
    ),
    (
        "missing-field.ron",
        Some((8, 1)),
        None,
        "required field `start` is missing",
    ),
    (
        "negative-fte.ron",
        Some((8, 27)),
        Some("staff[1].fte"),
        "must not be negative, found -3",
    ),
    (
        "shares-not-100.ron",
        Some((7, 28)),
        Some("demand.referral_outcomes"),
        "must add up to 100%, but they add up to 110%",
    ),
    (
        "nan.ron",
        Some((7, 30)),
        Some("demand.referrals_per_month"),
        "must be a number, found NaN",
    ),
    (
        "infinite.ron",
        Some((7, 53)),
        Some("money.budgets[0].budget_gbp"),
        "must be a finite number, found inf",
    ),
    (
        "horizon-out-of-range.ron",
        Some((6, 21)),
        Some("horizon_months"),
        "must be between 12 and 120 months, found 200",
    ),
    (
        "newer-version.ron",
        Some((3, 14)),
        Some("version"),
        "format version 3, written by a newer Caseload",
    ),
    ("empty.ron", Some((1, 1)), None, "the file is empty"),
    (
        "control-character.ron",
        Some((4, 11)),
        Some("name"),
        "must not hold control characters (tabs, line breaks, escape and the like); found U+001B at character 6",
    ),
    (
        "duplicate-labels.ron",
        Some((10, 17)),
        Some("interventions[2].label"),
        "interventions 1 and 3 are both labelled \"More staff\"; give each its own label",
    ),
    (
        "range-out-of-limits.ron",
        Some((8, 74)),
        Some("uncertainty[0].low"),
        "must be at least 0, the input's own lowest value; found -5",
    ),
    (
        "months-not-whole.ron",
        Some((6, 21)),
        Some("horizon_months"),
        "expected a whole number of months, like 36, found 36.0",
    ),
    (
        "months-exponent.ron",
        Some((8, 116)),
        Some("interventions[0].action.over_months"),
        "expected a whole number of months, like 36, found 1e2",
    ),
    (
        "horizon-past-calendar.ron",
        Some((6, 21)),
        Some("horizon_months"),
        "36 months from Jun 2200 would end after Dec 2200, the last month Caseload handles",
    ),
];

#[test]
fn each_bad_file_gets_its_message_and_position() {
    for (name, position, field, words) in CASES {
        let error = load_scenario(&bad(name)).expect_err(name);
        assert_eq!(error.problems.len(), 1, "{name}: {error}");
        let problem = &error.problems[0];
        assert_eq!(
            problem.line.zip(problem.column),
            *position,
            "{name}: {problem}"
        );
        assert_eq!(problem.field.as_deref(), *field, "{name}: {problem}");
        assert!(problem.message.contains(words), "{name}: {problem}");
    }
}

/// Problems name their input as the editor does, and keep the path to edit.
#[test]
fn problems_name_inputs_as_people_know_them() {
    for (file, name, path) in [
        (
            "negative-fte.ron",
            "Experienced social workers: staff in post (FTE)",
            "staff[1].fte",
        ),
        // A file that does not parse has no group names yet: the group's number.
        (
            "wrong-type.ron",
            "Staff group 1: staff in post (FTE)",
            "staff[0].fte",
        ),
        (
            "shares-not-100.ron",
            "What referrals lead to",
            "demand.referral_outcomes",
        ),
    ] {
        let error = load_scenario(&bad(file)).unwrap_err();
        let problem = &error.problems[0];
        assert_eq!(problem.name.as_deref(), Some(name), "{file}");
        assert!(
            problem.to_string().contains(&format!("{name} [{path}]: ")),
            "{problem}"
        );
    }
}

#[test]
fn every_problem_in_a_file_is_reported() {
    let text = std::fs::read_to_string(bad("negative-fte.ron"))
        .unwrap()
        .replace("caseload_cap: 15.0", "caseload_cap: -15.0")
        .replace("version: 1,", "version: 1, horizon_months: 6,");
    let problems = caseload::io::parse_scenario(&text).unwrap_err();
    let fields: Vec<_> = problems.iter().filter_map(|p| p.field.clone()).collect();
    assert_eq!(
        fields,
        ["horizon_months", "staff[1].fte", "staff[1].caseload_cap"]
    );
}

#[test]
fn a_10_mb_file_of_garbage_is_refused_before_reading() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("garbage.ron");
    let garbage: Vec<u8> = (0..10 * 1024 * 1024u32)
        .map(|index| (index.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(&path, garbage).unwrap();
    let error = load_scenario(&path).unwrap_err();
    assert!(
        error.to_string().contains("the file is 10.0 MiB"),
        "{error}"
    );
    assert!(error.to_string().contains("at most 2 MiB"), "{error}");
    const { assert!(MAX_FILE_BYTES < 10 * 1024 * 1024) };
}

#[test]
fn binary_folders_and_missing_files_get_messages() {
    let folder = tempfile::tempdir().unwrap();
    let binary = folder.path().join("binary.ron");
    std::fs::write(&binary, b"(\n version: 1,\n name: \"\xff\xfe\"").unwrap();
    let error = load_scenario(&binary).unwrap_err();
    assert_eq!(error.problems[0].line, Some(3));
    assert!(error.to_string().contains("not UTF-8 text"), "{error}");

    let error = load_scenario(folder.path()).unwrap_err();
    assert!(error.to_string().contains("a folder"), "{error}");

    let error = load_scenario(&folder.path().join("missing.ron")).unwrap_err();
    assert!(error.to_string().contains("no such file"), "{error}");
}

#[test]
fn check_prints_file_line_column_and_exits_1() {
    let mut command = Command::new(env!("CARGO_BIN_EXE_caseload"));
    command.arg("check");
    for (name, ..) in CASES {
        command.arg(bad(name));
    }
    let output = command.output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    for (name, position, _, words) in CASES {
        let line = stdout
            .lines()
            .find(|line| line.contains(name))
            .unwrap_or_else(|| panic!("no line for {name} in {stdout}"));
        if let Some((row, column)) = position {
            assert!(line.contains(&format!("{name}:{row}:{column}: ")), "{line}");
        }
        assert!(line.contains(words), "{line}");
    }
}

#[test]
fn a_byte_order_mark_at_the_start_is_accepted() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/byte-order-mark.ron");
    // The fixture is the example with a mark, byte for byte: update it with the example.
    let example =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("saves/wakefield-2018.ron"))
            .unwrap();
    assert_eq!(
        std::fs::read(&fixture).unwrap(),
        [b"\xef\xbb\xbf".as_slice(), &example].concat(),
        "byte-order-mark.ron is the mark and saves/wakefield-2018.ron"
    );
    let with_mark = load_scenario(&fixture).unwrap();
    let without =
        load_scenario(&Path::new(env!("CARGO_MANIFEST_DIR")).join("saves/wakefield-2018.ron"))
            .unwrap();
    assert_eq!(with_mark, without);
    // Saving keeps the mark and the file's layout, changing only what was edited.
    let (mut edited, original) = caseload::io::load_scenario_with_text(&fixture).unwrap();
    edited.demand.looked_after += 10.0;
    let written = caseload::io::write_keeping_layout(&edited, Some(&original)).unwrap();
    assert_eq!(written.layout, caseload::io::Layout::Kept);
    assert_eq!(
        written.text,
        original.text().replacen(
            &format!("looked_after: {:?}", with_mark.demand.looked_after),
            &format!("looked_after: {:?}", edited.demand.looked_after),
            1
        )
    );
    // Text handed over without a file (pasted, recovered) too.
    let text = std::fs::read_to_string(&fixture).unwrap();
    assert_eq!(caseload::io::parse_scenario(&text), Ok(without));
    // Only at the start: anywhere else it is not white space to RON.
    assert!(caseload::io::parse_scenario(&text.replacen("\u{feff}", "\n\u{feff}", 1)).is_err());
}

#[test]
fn check_exits_0_when_every_file_is_valid() {
    let saves = Path::new(env!("CARGO_MANIFEST_DIR")).join("saves");
    let output = Command::new(env!("CARGO_BIN_EXE_caseload"))
        .arg("check")
        .arg(saves.join("liverpool-2019.ron"))
        .arg(saves.join("wakefield-2018.ron"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(stdout.matches(": ok").count(), 2, "{stdout}");
}

/// The built-in example with `from` replaced by `to`, as text.
fn liverpool_with(from: &str, to: &str) -> String {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("saves/liverpool-2019.ron"),
    )
    .unwrap();
    assert!(text.contains(from), "the example has {from}");
    text.replacen(from, to, 1)
}

#[test]
fn huge_negative_zero_and_odd_numbers_are_handled() {
    // 1e308 is a finite number, and far beyond any council.
    let text = liverpool_with(
        "referrals_per_month: ",
        "referrals_per_month: 1e308, // was ",
    );
    let problems = caseload::io::parse_scenario(&text).unwrap_err();
    assert!(
        problems.iter().any(|problem| problem.field.as_deref()
            == Some("demand.referrals_per_month")
            && problem.message.contains("must be at most")),
        "{problems:?}"
    );
    // -0 is zero.
    let text = liverpool_with("reserves_gbp: ", "reserves_gbp: -0, // was ");
    let scenario = caseload::io::parse_scenario(&text).unwrap();
    assert_eq!(scenario.money.reserves_gbp, 0.0);
    assert!(caseload::project(&scenario).rows.len() > 12);
    // inf and NaN spelled in every way RON reads them are refused with the field.
    for spelled in ["NaN", "inf", "-inf", "+inf"] {
        let text = liverpool_with(
            "reserves_gbp: ",
            &format!("reserves_gbp: {spelled}, // was "),
        );
        let problems = caseload::io::parse_scenario(&text).unwrap_err();
        assert_eq!(
            problems[0].field.as_deref(),
            Some("money.reserves_gbp"),
            "{spelled}: {problems:?}"
        );
    }
}

#[test]
fn deeply_nested_brackets_are_refused_without_overflowing() {
    // Nested where a list of numbers is expected, as the value of an unknown field
    // (which the reader skips over when it looks for the file's version), and as
    // options written out (`Some(Some(...))`), which once overflowed the stack.
    let deep = format!("{}{}", "[".repeat(200_000), "]".repeat(200_000));
    let options = format!("{}1{}", "Some(".repeat(14_000), ")".repeat(14_000));
    for replacement in [
        format!("seasonality: {deep}, // was ["),
        format!("deep: {deep}, name: "),
        format!("notes: {options}, name: "),
    ] {
        let place = if replacement.starts_with("seasonality") {
            "seasonality: ["
        } else {
            "name: "
        };
        let text = liverpool_with(place, &replacement);
        let problems = caseload::io::parse_scenario(&text).unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0]
                .message
                .contains("brackets are nested more than 64 deep"),
            "{problems:?}"
        );
        assert!(problems[0].line.is_some());
    }
    // Brackets inside quoted text and comments do not count.
    let text = liverpool_with(
        "name: ",
        &format!("// {deep}\nname: \"{}\" + ", "(".repeat(100)),
    );
    let problems = caseload::io::parse_scenario(&text).unwrap_err();
    assert!(!problems[0].message.contains("nested"), "{problems:?}");
}

#[test]
fn enormous_lists_and_texts_are_refused_with_the_limit() {
    let group = "(id: \"g\", name: \"G\", fte: 1.0, establishment: 1.0),";
    let many = group.repeat(5_000);
    let text = liverpool_with("staff: [", &format!("staff: [{many}"));
    assert!(text.len() < MAX_FILE_BYTES as usize);
    let problems = caseload::io::parse_scenario(&text).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0]
            .message
            .contains("at most 50 staff groups, found 5007"),
        "{problems:?}"
    );
    assert_eq!(problems[0].field.as_deref(), Some("staff"));

    let notes = "x".repeat(150_000);
    let text = liverpool_with("notes: \"", &format!("notes: \"{notes}"));
    let problems = caseload::io::parse_scenario(&text).unwrap_err();
    assert!(
        problems[0]
            .message
            .contains("at most 100000 characters, found 150"),
        "{problems:?}"
    );
}

#[test]
fn devices_and_pipes_are_refused_without_reading_or_waiting() {
    let error = load_scenario(Path::new("/dev/zero")).unwrap_err();
    assert!(
        error
            .to_string()
            .contains("/dev/zero: this is a device or a pipe"),
        "{error}"
    );
    let folder = tempfile::tempdir().unwrap();
    let pipe = folder.path().join("pipe.ron");
    let made = std::process::Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .unwrap();
    assert!(made.success());
    // Opening a pipe with no writer would wait for ever; it is refused first.
    let error = load_scenario(&pipe).unwrap_err();
    assert!(error.to_string().contains("device or a pipe"), "{error}");
}
