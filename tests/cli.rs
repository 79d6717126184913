//! The command line, run as a program the way a finance officer would.

#![allow(clippy::unwrap_used)] // Test code: a panic is a failed test.

mod common;

use std::process::Command;

use caseload::io::load_scenario;
use caseload::project;

use common::{caseload, readme_block_is, text};

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
        "2018-19 (3 months)",
        "2019-20",
        "2020-21",
        "2021-22",
        "Avg caseload",
        "Over cap",
        "In care at end",
        "Agency",
        "Variance",
        "Warning: Reserves run out in ",
        "Wrote 39 months",
    ] {
        assert!(stdout.contains(words), "missing {words:?} in\n{stdout}");
    }
    // The worst year's overspend, as the engine has it.
    let scenario = load_scenario(std::path::Path::new(&format!(
        "{}/saves/liverpool-2019.ron",
        env!("CARGO_MANIFEST_DIR")
    )))
    .unwrap();
    let worst = project(&scenario).worst_overspend().unwrap().variance;
    let worst = format!("Worst overspend: {}", caseload::units::gbp(worst));
    assert!(stdout.contains(&worst), "missing {worst:?} in\n{stdout}");

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
fn the_summary_names_the_council_when_the_scenario_has_one() {
    let output = caseload(&["run", "saves/liverpool-2019.ron"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(
        text(&output.stdout).lines().next(),
        Some("Liverpool 2019: +160 staff plan (council E08000012, saves/liverpool-2019.ron)")
    );
    // A format 1 file has no council, and the line says none.
    let output = caseload(&["run", "tests/fixtures/format-1.ron"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(
        text(&output.stdout).lines().next(),
        Some(
            "Wakefield 2018: caseloads from 30 to 25, then the £4m expansion (tests/fixtures/format-1.ron)"
        )
    );
}

#[test]
fn run_says_where_the_stocks_settle_and_balance_writes_a_balanced_file() {
    use caseload::sim::balance::{balancing, start_balance};
    let folder = tempfile::tempdir().unwrap();
    // The built-in scenario with more children in need than its flows hold.
    let mut scenario = caseload::io::default_scenario();
    scenario.demand.children_in_need = 3_000.0;
    let file = folder.path().join("unbalanced.ron");
    caseload::io::save_scenario(&file, &scenario).unwrap();
    let file = file.to_str().unwrap();

    let output = caseload(&["run", file]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert!(
        stdout.contains("Balance at the start (with referrals held at their first-month level"),
        "{stdout}"
    );
    let children_in_need = start_balance(&scenario)[0];
    assert!(!children_in_need.in_balance());
    assert!(
        stdout.contains(&format!("  {}.\n", children_in_need.sentence())),
        "{stdout}"
    );
    // Only the stocks out of balance are listed.
    for stock in start_balance(&scenario)
        .iter()
        .filter(|stock| stock.in_balance())
    {
        assert!(!stdout.contains(stock.stock.name()), "{stdout}");
    }

    // Without --out, `balance` only says what it would change.
    let output = caseload(&["balance", file]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert!(
        stdout.contains("Would change, to balance the start"),
        "{stdout}"
    );
    for change in &balancing(&scenario).changes {
        assert!(stdout.contains(&change.describe()), "{stdout}");
    }

    // With --out, the balanced scenario is written and starts in balance.
    let out = folder.path().join("balanced.ron");
    let output = caseload(&["balance", file, "--out", out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(text(&output.stdout).contains("Wrote the balanced scenario to"));
    let balanced = load_scenario(&out).unwrap();
    assert_eq!(balanced.demand.children_in_need, 3_000.0);
    assert!(
        start_balance(&balanced)
            .iter()
            .all(|stock| stock.in_balance())
    );
    let output = caseload(&["run", out.to_str().unwrap()]);
    assert!(
        text(&output.stdout).contains(
            "Balance at the start: every stock of children starts in balance with its own flows."
        ),
        "{}",
        text(&output.stdout)
    );
    // Writing over the input is refused.
    let output = caseload(&["balance", file, "--out", file]);
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn balance_keeps_the_comments_of_the_file() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("wakefield-balanced.ron");
    let output = caseload(&[
        "balance",
        "saves/wakefield-2018.ron",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let original = std::fs::read_to_string(common::save("wakefield-2018.ron")).unwrap();
    let written = std::fs::read_to_string(&out).unwrap();
    for comment in original
        .lines()
        .filter(|line| line.trim_start().starts_with("//"))
    {
        assert!(written.contains(comment), "lost {comment:?}");
    }
    let balanced = load_scenario(&out).unwrap();
    assert!(
        caseload::sim::balance::balancing(&balanced).is_empty(),
        "balancing again changes nothing"
    );
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
    assert!(text(&output.stderr).contains("--months: must be between 12 and 120"));
}

#[test]
fn compare_prints_both_summaries_and_the_comparison_table() {
    let output = caseload(&[
        "compare",
        "saves/liverpool-2019.ron",
        "saves/wakefield-2018.ron",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert!(stdout.contains("A: Liverpool 2019"));
    assert!(stdout.contains("B: Wakefield 2018"));
    // Only the financial years both cover are compared.
    let table = stdout.split("Comparison by financial year").nth(1).unwrap();
    assert!(table.contains("2019-20"));
    assert!(table.contains("2020-21"));
    assert!(!table.contains("2021-22"), "{table}");
    // The same rows as the window's table.
    let a = load_scenario(&common::save("liverpool-2019.ron")).unwrap();
    let b = load_scenario(&common::save("wakefield-2018.ron")).unwrap();
    let table = caseload::compare::ComparisonTable::new(&project(&a), &project(&b));
    let expected = caseload::cli::comparison_text(&table, &a.name, &b.name);
    assert!(stdout.ends_with(&expected), "{stdout}");
}

#[test]
fn compare_writes_the_table_as_csv_and_the_report_as_html() {
    let folder = tempfile::tempdir().unwrap();
    let csv = folder.path().join("comparison.csv");
    let html = folder.path().join("report.html");
    let output = caseload(&[
        "compare",
        "saves/liverpool-2019-do-nothing.ron",
        "saves/liverpool-2019.ron",
        "--csv",
        csv.to_str().unwrap(),
        "--html",
        html.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let csv = std::fs::read_to_string(&csv).unwrap();
    assert!(csv.starts_with("financial_year,months,figure,unit,baseline,scenario,difference\n"));
    // The plan's extra funding in 2019-20: the £5.1m top-up plus £2.6m.
    let funding = csv
        .lines()
        .find(|line| line.starts_with("2019-20,12,Funding,"))
        .unwrap();
    let difference: f64 = funding.rsplit(',').next().unwrap().parse().unwrap();
    assert!((difference - 7_700_000.0).abs() < 1e-6, "{funding}");
    let html = std::fs::read_to_string(&html).unwrap();
    assert!(html.contains("Difference: B minus A"));
    assert_eq!(html.matches("data:image/png;base64,").count(), 4);
}

#[test]
fn diff_lists_exactly_the_fields_that_differ() {
    let output = caseload(&[
        "diff",
        "saves/liverpool-2019-do-nothing.ron",
        "saves/liverpool-2019.ron",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert!(stdout.contains("8 inputs differ"), "{stdout}");
    let fields: Vec<&str> = stdout
        .lines()
        .skip_while(|line| !line.starts_with("Input [path in the file]"))
        .skip(1)
        .map(|line| line.split("  ").next().unwrap())
        .collect();
    assert_eq!(
        fields,
        [
            "Scenario name [name]",
            "+115 social workers over two years: switched on [interventions[\"+115 social workers over two years\"].enabled]",
            "+18 senior social workers over two years: switched on [interventions[\"+18 senior social workers over two years\"].enabled]",
            "+22 deputy team managers over two years: switched on [interventions[\"+22 deputy team managers over two years\"].enabled]",
            "+5 other roles over two years: switched on [interventions[\"+5 other roles over two years\"].enabled]",
            "£5.1m share of the national social care top-up, 2019-20: switched on [interventions[\"£5.1m share of the national social care top-up, 2019-20\"].enabled]",
            "Council's own resources towards the £7.7m, 2019-20: switched on [interventions[\"Council's own resources towards the £7.7m, 2019-20\"].enabled]",
            "The £7.7m a year for the posts, from 2020-21: switched on [interventions[\"The £7.7m a year for the posts, from 2020-21\"].enabled]",
        ]
    );
    let same = caseload(&[
        "diff",
        "saves/wakefield-2018.ron",
        "saves/wakefield-2018.ron",
    ]);
    assert!(text(&same.stdout).contains("the same inputs"));
}

#[test]
fn errors_go_to_stderr_with_a_non_zero_status() {
    let output = caseload(&["run", "tests/bad/negative-fte.ron"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    assert!(text(&output.stderr).contains("tests/bad/negative-fte.ron:8:27: Experienced social workers: staff in post (FTE) [staff[1].fte]: must not be negative, found -3"));

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

#[test]
fn run_with_runs_prints_chances_and_writes_ordered_percentiles() {
    let folder = tempfile::tempdir().unwrap();
    let csv = folder.path().join("percentiles.csv");
    let args = [
        "run",
        "tests/fixtures/wakefield-with-ranges.ron",
        "--runs",
        "300",
        "--seed",
        "9",
        "--csv",
        csv.to_str().unwrap(),
    ];
    let output = caseload(&args);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert!(
        stdout.contains("Uncertainty: 300 draws (seed 9) over 2 input ranges."),
        "{stdout}"
    );
    assert!(stdout.contains("Total spend: P10 £"));
    assert!(stdout.contains("Chance of an overspend"));
    // The same seed gives the same figures.
    assert_eq!(text(&caseload(&args).stdout), stdout);
    let csv = std::fs::read_to_string(&csv).unwrap();
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    assert_eq!(header[0], "month");
    assert_eq!(header[1], "average_caseload_p5");
    let rows: Vec<Vec<f64>> = lines
        .map(|line| {
            line.split(',')
                .skip(1)
                .map(|cell| cell.parse().unwrap())
                .collect()
        })
        .collect();
    assert_eq!(rows.len(), 36);
    for row in &rows {
        for series in row[..20].chunks(5) {
            assert!(
                series.windows(2).all(|pair| pair[0] <= pair[1]),
                "{series:?}"
            );
        }
        assert!((0.0..=1.0).contains(&row[20]));
    }
}

#[test]
fn solve_prints_the_smallest_answer_and_its_cost() {
    let output = caseload(&[
        "solve",
        "tests/fixtures/wakefield-with-ranges.ron",
        "--target",
        "caseload<=20@2019-03",
        "--lever",
        "staff:experienced@2018-04",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert!(
        stdout.contains("Answer: 58 extra FTE of Experienced social workers from Apr 2018."),
        "{stdout}"
    );
    assert!(stdout.contains("Extra spend over the projection: +£"));
    let output = caseload(&[
        "solve",
        "tests/fixtures/wakefield-with-ranges.ron",
        "--target",
        "caseload<=20@2019-03",
        "--lever",
        "staff:nobody@2018-04",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("there is no permanent staff group \"nobody\""));
    let output = caseload(&[
        "solve",
        "tests/fixtures/wakefield-with-ranges.ron",
        "--target",
        "caseload=20",
        "--lever",
        "staff:experienced@2018-04",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("expected a target like"));
}

#[test]
fn sensitivity_lists_inputs_largest_swing_first() {
    let output = caseload(&[
        "sensitivity",
        "tests/fixtures/wakefield-with-ranges.ron",
        "--output",
        "total-spend",
        "--top",
        "5",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    let rows: Vec<&str> = stdout
        .lines()
        .skip_while(|line| !line.starts_with("Input"))
        .skip(1)
        .collect();
    assert_eq!(rows.len(), 5);
    // Named as the editor names inputs, with the path to edit by hand.
    assert!(
        rows[0].starts_with("Children in care at the start (children) [demand.looked_after] "),
        "{stdout}"
    );
}

/// The command's status and its standard error, for arguments that must be refused.
fn refused(args: &[&str]) -> (Option<i32>, String) {
    let output = caseload(args);
    assert!(output.stdout.is_empty(), "{}", text(&output.stdout));
    (output.status.code(), text(&output.stderr))
}

#[test]
fn whole_numbers_of_months_and_draws_are_asked_for_plainly() {
    for months in ["36.0", "1e2"] {
        let (status, stderr) = refused(&["run", "saves/wakefield-2018.ron", "--months", months]);
        assert_eq!(status, Some(2));
        assert!(
            stderr.contains(&format!(
                "expected a whole number of months, like 36 (found {months}, which is not a whole number)"
            )),
            "{stderr}"
        );
    }
    for runs in ["0", "1000001"] {
        let (status, stderr) = refused(&["run", "saves/wakefield-2018.ron", "--runs", runs]);
        assert_eq!(status, Some(2));
        assert!(
            stderr.contains("must be between 1 and 1,000,000 draws"),
            "{stderr}"
        );
    }
    let (status, stderr) = refused(&["run", "saves/wakefield-2018.ron", "--runs", "1e3"]);
    assert_eq!(status, Some(2));
    assert!(stderr.contains("whole number of draws"), "{stderr}");
}

#[test]
fn months_must_end_by_the_calendars_last_month() {
    let folder = tempfile::tempdir().unwrap();
    let late = folder.path().join("late.ron");
    let scenario = std::fs::read_to_string(common::save("wakefield-2018.ron"))
        .unwrap()
        .replacen("start: \"2018-04\"", "start: \"2198-01\"", 1);
    std::fs::write(&late, scenario).unwrap();
    let late = late.to_str().unwrap();
    let output = caseload(&["run", late, "--months", "36"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let (status, stderr) = refused(&["run", late, "--months", "37"]);
    assert_eq!(status, Some(1));
    assert!(
        stderr.contains(
            "--months: 37 months from Jan 2198 would end after Dec 2200, the last month Caseload handles"
        ),
        "{stderr}"
    );
}

#[test]
fn solve_refuses_arguments_it_cannot_honour() {
    let solve = |extra: &[&str]| {
        let mut args = vec![
            "solve",
            "tests/fixtures/wakefield-with-ranges.ron",
            "--target",
            "caseload<=20@2019-03",
            "--lever",
            "staff:experienced@2018-04",
        ];
        args.extend_from_slice(extra);
        refused(&args)
    };
    let cases: &[(&[&str], i32, &str)] = &[
        (
            &["--max", "2000000"],
            1,
            "--max must be at most 1,000,000 for this lever (the most a scenario file can hold), found 2,000,000",
        ),
        (&["--max", "2e3"], 2, "expected a whole number of units"),
        (&["--runs", "0"], 2, "must be between 1 and 1,000,000 draws"),
        (
            &["--runs", "5000000"],
            2,
            "must be between 1 and 1,000,000 draws",
        ),
        (
            &["--confidence", "0.99", "--runs", "100"],
            1,
            "--confidence 0.99 needs at least 1,000 draws (--runs)",
        ),
        (
            &["--confidence", "1"],
            1,
            "--confidence must be a share between 0 and 1, such as 0.9, found 1",
        ),
        (
            &["--confidence", "NaN"],
            1,
            "--confidence must be a share between 0 and 1",
        ),
        (
            &["--confidence", "0.9999999", "--runs", "1000000"],
            1,
            "more than the 1,000,000 a run may make",
        ),
        (
            &["--lag", "12.0"],
            2,
            "expected a whole number of months, like 36",
        ),
        (
            &["--cost-per-case-month", "inf"],
            2,
            "expected a finite number, found inf",
        ),
    ];
    for (extra, status, words) in cases {
        let (code, stderr) = solve(extra);
        assert_eq!(code, Some(*status), "{extra:?}: {stderr}");
        assert!(stderr.contains(words), "{extra:?}: {stderr}");
    }
    for target in [
        "caseload<=NaN@2019-03",
        "caseload<=inf@2019-03",
        "in-care<-inf@2021-03",
    ] {
        let (code, stderr) = refused(&[
            "solve",
            "tests/fixtures/wakefield-with-ranges.ron",
            "--target",
            target,
            "--lever",
            "staff:experienced@2018-04",
        ]);
        assert_eq!(code, Some(1), "{target}");
        assert!(
            stderr.contains("the target must be a finite number"),
            "{target}: {stderr}"
        );
    }
    // Settings the file's checks refuse are refused before any search.
    let (code, stderr) = refused(&[
        "solve",
        "tests/fixtures/wakefield-with-ranges.ron",
        "--target",
        "caseload<=20@2019-03",
        "--lever",
        "early-help@2018-04",
        "--lag",
        "5000",
    ]);
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains("the goal seek's intervention would not be valid: Goal seek: ")
            && stderr.contains(": effect starts after (months) [interventions[")
            && stderr
                .contains("].action.lag_months]: must be between 0 and 1200 months, found 5000"),
        "{stderr}"
    );
    // A lever's own limit: a caseload cap is at most 1,000 cases per FTE.
    let (code, stderr) = refused(&[
        "solve",
        "tests/fixtures/wakefield-with-ranges.ron",
        "--target",
        "caseload<=20@2019-03",
        "--lever",
        "cap:experienced@2018-04",
        "--max",
        "1001",
    ]);
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains("--max must be at most 1,000 for this lever"),
        "{stderr}"
    );
}

#[test]
fn control_characters_from_files_and_paths_reach_the_terminal_escaped() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("plan\u{1b}[31m.ron");
    let scenario = std::fs::read_to_string(common::save("wakefield-2018.ron"))
        .unwrap()
        .replacen(
            "progresses_to: \"",
            "progresses_to: \"nobody\u{1b}]0;owned\u{7}\", // was \"",
            1,
        );
    std::fs::write(&path, scenario).unwrap();
    for command in ["check", "run"] {
        let output = caseload(&[command, path.to_str().unwrap()]);
        assert_eq!(output.status.code(), Some(1));
        let printed = format!("{}{}", text(&output.stdout), text(&output.stderr));
        assert!(!printed.contains(['\u{1b}', '\u{7}']), "{printed:?}");
        assert!(printed.contains("plan\\u{1b}[31m.ron"), "{printed}");
        assert!(
            printed.contains("there is no staff group with the id \"nobody\\u{1b}]0;owned\\u{7}\""),
            "{printed}"
        );
    }
    // clap's own messages quote the argument.
    let output = caseload(&["run", "x.ron", "--months", "a\u{7}b\u{1b}[2Jc\u{9b}"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("invalid value 'a"), "{stderr:?}");
    assert!(
        !stderr.contains(['\u{1b}', '\u{7}', '\u{9b}']),
        "{stderr:?}"
    );
}

/// The example output in the README is what this build prints for the examples.
/// Run with `UPDATE_README_EXAMPLES=1` to write it into the README after a change
/// to the model or the examples.
#[test]
fn the_readme_examples_are_what_this_build_prints() {
    let manifest = env!("CARGO_MANIFEST_DIR");
    let mut block = String::from("```text\n");
    for (index, example) in [
        "saves/wakefield-2018.ron",
        "saves/gloucestershire-2018.ron",
        "saves/liverpool-2019.ron",
    ]
    .into_iter()
    .enumerate()
    {
        let output = Command::new(env!("CARGO_BIN_EXE_caseload"))
            .current_dir(manifest)
            .args(["run", example])
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", text(&output.stderr));
        if index > 0 {
            block.push('\n');
        }
        block.push_str(&format!("$ caseload run {example}\n"));
        block.push_str(&text(&output.stdout));
    }
    block.push_str("```\n");
    readme_block_is(
        "tests/cli.rs",
        "the_readme_examples_are_what_this_build_prints",
        &block,
    );
}

#[test]
fn councils_lists_councils_matching_a_name_or_code() {
    let output = caseload(&["councils", "wake"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(lines[0].starts_with("Council "), "{stdout}");
    for heading in ["Code", "Region", "Latest year", "Ofsted (inspected)"] {
        assert!(lines[0].contains(heading), "{stdout}");
    }
    // The aligned row: name, code, region, latest year to 31 March, judgement.
    let row: Vec<&str> = lines[1]
        .split("  ")
        .filter(|cell| !cell.is_empty())
        .collect();
    assert_eq!(
        row.iter().map(|cell| cell.trim()).collect::<Vec<_>>(),
        [
            "Wakefield",
            "E08000036",
            "Yorkshire and The Humber",
            "2024-25",
            "Good (2021-11-08)"
        ]
    );
    assert_eq!(lines[0].find("Code"), lines[1].find("E08000036"));
    assert!(stdout.contains("1 council."), "{stdout}");
    assert!(stdout.contains(caseload::published::LICENCE), "{stdout}");

    // By code, in any case; every council without a search.
    let by_code = text(&caseload(&["councils", "e08000012"]).stdout);
    assert!(
        by_code.contains("Liverpool") && by_code.contains("Inadequate"),
        "{by_code}"
    );
    let all = text(&caseload(&["councils"]).stdout);
    assert!(all.contains("153 councils."), "{all}");
    let cumberland = all
        .lines()
        .find(|line| line.starts_with("Cumberland"))
        .unwrap();
    assert!(cumberland.ends_with("too little history"), "{cumberland}");
    assert!(
        all.contains("Too little history: fewer than 3 such years"),
        "{all}"
    );

    // Nothing matches: a clear message, a near name and exit status 1.
    let output = caseload(&["councils", "Liverpol"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    assert_eq!(
        text(&output.stderr),
        "No council's name or code contains \"Liverpol\" (did you mean Liverpool?). \
         `caseload councils` lists all 153.\n"
    );
}
