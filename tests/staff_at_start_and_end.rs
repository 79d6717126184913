//! The recruitment pipeline at the start (managers included, on base turnover) and
//! staff at the end of each month and year (newly qualified staff who move up
//! included).

#![allow(clippy::unwrap_used)] // Test code: a panic is a failed test.

mod common;

use caseload::export::write_projection_csv;
use caseload::io::load_scenario;
use caseload::model::StaffGroup;
use caseload::project;
use common::small_scenario;

#[test]
fn managers_set_by_a_span_of_control_start_with_a_recruitment_pipeline() {
    let mut scenario = small_scenario();
    scenario.staff.push(StaffGroup {
        id: "managers".to_owned(),
        name: "Team managers".to_owned(),
        fte: 15.0,
        case_time_percent: 10.0,
        turnover_percent_per_year: 10.0,
        span_of_control: Some(5.0),
        ..StaffGroup::default()
    });
    let projection = project(&scenario);
    let managers = projection.group_month(0, 1).unwrap();
    // 100 workers' posts / 5 = 20 posts, 5 vacant; 15 x 10% / 12 = 0.125 leave a
    // month; 3 months to hire: 0.125 x 3 = 0.375 being recruited (within the 5).
    assert_eq!(managers.establishment, 20.0);
    assert!(
        (managers.recruiting - 0.375).abs() < 1e-9,
        "{}",
        managers.recruiting
    );
}

#[test]
fn the_opening_pipeline_is_on_base_turnover_whatever_the_burnout() {
    let mut scenario = small_scenario();
    scenario.staff[0].fte = 60.0;
    let pipeline = |strength: f64| {
        let mut scenario = scenario.clone();
        scenario.workforce.burnout.strength = strength;
        let projection = project(&scenario);
        assert!(projection.rows[0].staffing.turnover_multiplier > 1.0 || strength == 0.0);
        projection.group_month(0, 0).unwrap().recruiting
    };
    // 60 FTE at 15.1% a year: 0.755 leave a month; x 3 months to hire = 2.265,
    // within the 40 vacancies, with burnout off or strong.
    for strength in [0.0, 2.0, 10.0] {
        let recruiting = pipeline(strength);
        assert!(
            (recruiting - 2.265).abs() < 1e-9,
            "{strength}: {recruiting}"
        );
    }
}

/// Column `name` of the monthly CSV, one value a month (written to 4 decimals).
fn csv_column(csv: &str, name: &str) -> Vec<f64> {
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let column = header.iter().position(|cell| *cell == name).unwrap();
    lines
        .map(|line| line.split(',').nth(column).unwrap().parse().unwrap())
        .collect()
}

#[test]
fn the_year_summarys_fte_at_year_end_is_the_monthly_csvs() {
    for path in common::all_saves() {
        let scenario = load_scenario(&path).unwrap();
        let projection = project(&scenario);
        let mut csv = Vec::new();
        write_projection_csv(&projection, &mut csv).unwrap();
        let csv = String::from_utf8(csv).unwrap();
        let at_end = csv_column(&csv, "fte_at_month_end");
        let permanent = csv_column(&csv, "permanent_fte");
        let agency = csv_column(&csv, "agency_fte");
        let mut last_month = 0;
        for year in &projection.years {
            last_month += year.months;
            let index = last_month - 1;
            assert!(
                (year.fte_at_end - at_end[index]).abs() < 1e-3,
                "{path:?} {}: {} vs {}",
                year.year.label(),
                year.fte_at_end,
                at_end[index]
            );
            // And it is the staff in post at the start of the next month, newly
            // qualified staff who moved up included.
            if let (Some(permanent), Some(agency)) =
                (permanent.get(index + 1), agency.get(index + 1))
            {
                assert!(
                    (year.fte_at_end - (permanent + agency)).abs() < 1e-3,
                    "{path:?} {}: {} vs {}",
                    year.year.label(),
                    year.fte_at_end,
                    permanent + agency
                );
            }
        }
    }
}
