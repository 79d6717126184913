//! Workload affects practice: with the switch on, the month's load (cases for staff /
//! staff capacity) lengthens child-in-need cases and plans, raises step-ups and
//! re-referrals above capacity, and does the opposite below it; switched off it
//! changes nothing.

#![allow(clippy::unwrap_used)] // Test code: a panic is a failed test.

mod common;

use caseload::io::{load_scenario, scenario_to_ron};
use caseload::project;
use common::{save, small_scenario};

fn close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() < 1e-9 * expected.abs().max(1.0),
        "expected {expected}, got {actual}"
    );
}

/// The small scenario (England-average demand, 2,250 children in need, 440 on plans,
/// 650 in care) with `fte` experienced social workers and the effect switched on at
/// strength 0.5, at most 25% either way, 22.6% re-referrals.
fn with_effect(fte: f64) -> caseload::Scenario {
    let mut scenario = small_scenario();
    scenario.staff[0].fte = fte;
    scenario.staff[0].establishment = fte;
    scenario.demand.workload_effect.enabled = true;
    scenario
}

#[test]
fn over_capacity_cases_and_plans_last_longer_and_step_up_more() {
    // 160 workers at a cap of 20: capacity 3,200; cases 2,250 + 440 + 650 = 3,340;
    // load 3,340 / 3,200 = 1.04375; m = 1 + 0.5 x 0.04375 = 1.021875.
    let projection = project(&with_effect(160.0));
    let first = &projection.rows[0];
    let load = 3_340.0 / 3_200.0;
    close(first.workload.load.unwrap(), load);
    let m = 1.0 + 0.5 * (load - 1.0);
    close(first.workload.practice_multiplier, m);
    // Child-in-need cases last 9 months x m: 2,250 / (9 x m) close; 1% x m step up.
    close(first.flows.child_in_need_closed, 2_250.0 / (9.0 * m));
    close(first.flows.child_in_need_to_protection, 2_250.0 * 0.01 * m);
    // Plans: 440 / (9 x m) end, 1.5% x m go into care.
    let ended = first.flows.protection_closed + first.flows.protection_stepped_down;
    close(ended, 440.0 / (9.0 * m));
    close(first.flows.protection_to_care, 440.0 * 0.015 * m);
    // Referrals: 450 x (1 + 22.6% x (m - 1)).
    close(first.flows.referrals, 450.0 * (1.0 + 0.226 * (m - 1.0)));

    let off = {
        let mut scenario = with_effect(160.0);
        scenario.demand.workload_effect.enabled = false;
        project(&scenario)
    };
    assert_eq!(off.rows[0].workload.practice_multiplier, 1.0);
    assert!(first.flows.protection_to_care > off.rows[0].flows.protection_to_care);
    assert!(
        projection.last().unwrap().looked_after_at_end > off.last().unwrap().looked_after_at_end
    );
}

#[test]
fn below_capacity_the_opposite_within_the_limit() {
    // 400 workers: capacity 8,000, load 3,340 / 8,000 = 0.4175;
    // 1 + 0.5 x (0.4175 - 1) = 0.70875, held at 1 - 25% = 0.75.
    let projection = project(&with_effect(400.0));
    let first = &projection.rows[0];
    close(first.workload.practice_multiplier, 0.75);
    close(first.flows.child_in_need_closed, 2_250.0 / (9.0 * 0.75));
    close(
        first.flows.child_in_need_to_protection,
        2_250.0 * 0.01 * 0.75,
    );
    close(first.flows.referrals, 450.0 * (1.0 - 0.226 * 0.25));
    // A wider limit lets it go to 0.70875.
    let mut wider = with_effect(400.0);
    wider.demand.workload_effect.max_change_percent = 50.0;
    close(
        project(&wider).rows[0].workload.practice_multiplier,
        0.70875,
    );
}

#[test]
fn switched_off_the_examples_project_exactly_as_with_the_effect_at_strength_zero() {
    for path in common::all_saves() {
        let scenario = load_scenario(&path).unwrap();
        assert!(!scenario.demand.workload_effect.enabled, "{path:?}");
        let off = project(&scenario);
        let mut at_zero = scenario.clone();
        at_zero.demand.workload_effect.enabled = true;
        at_zero.demand.workload_effect.strength = 0.0;
        assert_eq!(project(&at_zero).rows, off.rows, "{path:?}");
        assert!(
            off.rows
                .iter()
                .all(|row| row.workload.practice_multiplier == 1.0)
        );
    }
}

#[test]
fn with_the_effect_on_liverpools_plan_ends_with_fewer_children_in_care() {
    let in_care_at_end = |name: &str, enabled: bool| {
        let mut scenario = load_scenario(&save(name)).unwrap();
        scenario.demand.workload_effect.enabled = enabled;
        project(&scenario).last().unwrap().looked_after_at_end
    };
    let plan = in_care_at_end("liverpool-2019.ron", true);
    let do_nothing = in_care_at_end("liverpool-2019-do-nothing.ron", true);
    assert!(plan < do_nothing, "plan {plan}, doing nothing {do_nothing}");
    // Switched on, the staff make more difference to care than switched off.
    let gap_off = in_care_at_end("liverpool-2019-do-nothing.ron", false)
        - in_care_at_end("liverpool-2019.ron", false);
    assert!(
        do_nothing - plan > gap_off,
        "{} vs {gap_off}",
        do_nothing - plan
    );
}

#[test]
fn caseload_run_says_when_the_effect_is_on() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("on.ron");
    let mut scenario = load_scenario(&save("liverpool-2019.ron")).unwrap();
    let run = |path: &std::path::Path| {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_caseload"))
            .args(["run", path.to_str().unwrap()])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0));
        String::from_utf8(output.stdout).unwrap()
    };
    assert!(!run(&save("liverpool-2019.ron")).contains("Workload affects practice"));
    scenario.demand.workload_effect.enabled = true;
    std::fs::write(&path, scenario_to_ron(&scenario).unwrap()).unwrap();
    let stdout = run(&path);
    assert!(
        stdout.contains("Workload affects practice is on (an assumption, not a measured effect): strength 0.5, at most 25% either way;"),
        "{stdout}"
    );
    // The figures printed are the ones with the effect on.
    let end = project(&scenario).last().unwrap().looked_after_at_end;
    assert!(stdout.contains(&caseload::units::children(end)), "{stdout}");
}

#[test]
fn its_strength_can_carry_a_range_and_shows_in_the_sensitivity() {
    use caseload::model::{Range, Shape, validate};
    use caseload::sim::monte_carlo::monte_carlo_simple;
    use caseload::sim::sensitivity::{Output, sensitivity};

    let mut scenario = load_scenario(&save("liverpool-2019-do-nothing.ron")).unwrap();
    scenario.demand.workload_effect.enabled = true;
    scenario.uncertainty = vec![Range {
        field: "demand.workload_effect.strength".to_owned(),
        low: 0.0,
        high: 2.0,
        shape: Shape::Uniform,
    }];
    assert_eq!(validate(&scenario), Vec::new());
    // Doing nothing, Liverpool stays over capacity: a stronger effect, more in care.
    let runs = monte_carlo_simple(&scenario, 50, 1);
    let last = scenario.horizon_months as usize - 1;
    let [low, _, _, _, high] = runs.looked_after.months[last].unwrap();
    assert!(high > low + 10.0, "{low} to {high}");
    let swings = sensitivity(&scenario, Output::FinalChildrenInCare);
    let strength = swings
        .iter()
        .find(|swing| swing.field == "demand.workload_effect.strength")
        .unwrap();
    assert!(strength.at_high > strength.at_low);
}
