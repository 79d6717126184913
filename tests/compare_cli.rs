//! `caseload compare` opens with the decision card, in the same words as the
//! window and the report.

#![allow(clippy::unwrap_used)] // Test code: a panic is a failed test.

mod common;

use caseload::compare::DecisionSummary;
use caseload::io::load_scenario;
use caseload::sim::project;
use common::{caseload, text};

#[test]
fn compare_prints_the_decision_card_first() {
    let output = caseload(&[
        "compare",
        "saves/liverpool-2019-do-nothing.ron",
        "saves/liverpool-2019.ron",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    let a = load_scenario(&common::save("liverpool-2019-do-nothing.ron")).unwrap();
    let b = load_scenario(&common::save("liverpool-2019.ron")).unwrap();
    let card = DecisionSummary::new(&project(&a), &project(&b), &a.name, &b.name);
    assert!(stdout.starts_with(&card.text()), "{stdout}");
    // Plain words, the sign spelt out, each point marked better or worse.
    let first_lines: Vec<&str> = stdout.lines().take(6).collect();
    assert_eq!(
        first_lines[0],
        "Liverpool 2019: +160 staff plan against Liverpool 2019: do nothing"
    );
    assert!(first_lines[1].starts_with("  [worse] +160 staff plan costs £"));
    assert!(first_lines[1].contains("more than do nothing over the period"));
    assert!(first_lines[2].starts_with("  [better] Against funding: £"));
    assert!(first_lines[2].contains("less overspend"));
    assert!(first_lines[3].starts_with("  [better] Reserves end at"));
    assert!(first_lines[3].contains("they run out in Jan 2021"));
    assert!(first_lines[4].contains("Caseloads are within cap from Sep 2020"));
    assert!(first_lines[5].starts_with("  [no change] Children in care at the end"));
    // The table has the whole period before the years.
    let table = stdout.split("Period  ").nth(1).unwrap();
    let period = table.find("Whole period (39 months)").unwrap();
    let first_year = table.find("2018-19 (3 months)").unwrap();
    assert!(period < first_year);
}
