//! The example scenarios that ship: each loads, validates, projects, survives a
//! save and reload unchanged, and reproduces its council's reported figures.

#![allow(clippy::unwrap_used)] // Test code: a panic is a failed test.

mod common;

use caseload::io::{
    default_scenario, load_scenario, parse_scenario, save_scenario, scenario_to_ron,
};
use caseload::model::{FinancialYear, validate};
use caseload::project;

#[test]
fn every_save_loads_validates_and_projects() {
    let saves = common::all_saves();
    assert_eq!(
        saves.len(),
        4,
        "expected the four example scenarios: {saves:?}"
    );
    for path in saves {
        let scenario = load_scenario(&path).unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(validate(&scenario), Vec::new(), "{}", path.display());
        let projection = project(&scenario);
        assert_eq!(projection.rows.len(), scenario.horizon_months as usize);
        assert!(!projection.years.is_empty());
    }
}

#[test]
fn save_then_load_gives_the_same_scenario() {
    let folder = tempfile::tempdir().unwrap();
    for path in common::all_saves() {
        let scenario = load_scenario(&path).unwrap();
        let copy = folder.path().join(path.file_name().unwrap());
        save_scenario(&copy, &scenario).unwrap();
        let reloaded = load_scenario(&copy).unwrap();
        assert_eq!(reloaded, scenario, "{}", path.display());
        // Saving again writes the same text: the format is stable.
        assert_eq!(
            scenario_to_ron(&reloaded).unwrap(),
            std::fs::read_to_string(&copy).unwrap()
        );
    }
}

#[test]
fn the_built_in_scenario_is_liverpool() {
    let scenario = default_scenario();
    let from_file = load_scenario(&common::save("liverpool-2019.ron")).unwrap();
    assert_eq!(scenario.name, from_file.name);
    assert_eq!(scenario, from_file);
}

#[test]
fn optional_values_may_be_written_plainly_or_with_some() {
    let text = std::fs::read_to_string(common::save("liverpool-2019.ron")).unwrap();
    let plain = parse_scenario(&text).unwrap();
    let with_some = parse_scenario(&text.replace(
        "progresses_to: \"experienced\"",
        "progresses_to: Some(\"experienced\")",
    ))
    .unwrap();
    assert_eq!(plain, with_some);
}

#[test]
fn liverpool_starts_with_1250_children_in_care_and_313_staff() {
    let scenario = load_scenario(&common::save("liverpool-2019.ron")).unwrap();
    assert_eq!(scenario.demand.looked_after, 1250.0);
    let projection = project(&scenario);
    let first = projection.first().unwrap();
    assert_eq!(first.stocks.looked_after().round(), 1250.0);
    assert_eq!(first.staffing.permanent_fte, 313.0);
    // The plan: +160 funded posts over two years, to 473 plus the vacancies there were.
    let start_establishment = first.staffing.establishment;
    let after_two_years = &projection.rows[3 + 24];
    assert!((after_two_years.staffing.establishment - start_establishment - 160.0).abs() < 1e-6);
    // The contracted teams hold 180 cases for six months, then leave.
    for row in &projection.rows[..6] {
        assert_eq!(row.workload.contracted_capacity, 180.0);
    }
    assert_eq!(projection.rows[6].workload.contracted_capacity, 0.0);
    // The £5.1m top-up arrives in 2019-20.
    let year = projection
        .years
        .iter()
        .find(|year| year.year == FinancialYear(2019))
        .unwrap();
    assert!(year.grants >= 5_100_000.0);
    // Caseloads start too high (Ofsted, July 2018) and the plan brings them under the caps.
    assert!(first.workload.is_over_cap());
    assert!(!projection.last().unwrap().workload.is_over_cap());
}

#[test]
fn gloucestershire_reproduces_its_reported_rises() {
    let scenario = load_scenario(&common::save("gloucestershire-2018.ron")).unwrap();
    let projection = project(&scenario);
    let first = projection.first().unwrap();
    let year_later = &projection.rows[12];
    // Referrals +17% in a year.
    let referral_rise = year_later.flows.referrals / first.flows.referrals - 1.0;
    assert!((referral_rise - 0.17).abs() < 1e-9, "{referral_rise}");
    // Child protection plans up about 35%.
    let plans_rise = year_later.stocks.child_protection / first.stocks.child_protection - 1.0;
    assert!((0.30..=0.40).contains(&plans_rise), "{plans_rise}");
    // Almost 700 children in care by March 2018.
    let in_care_march_2018 = projection.years[0].looked_after_at_end;
    assert!(
        (650.0..700.0).contains(&in_care_march_2018),
        "{in_care_march_2018}"
    );
    // Budgets as reported, and 2017-18 spend close to the £57.4m reported.
    assert_eq!(projection.years[0].budget, 57_400_000.0);
    assert_eq!(projection.years[1].budget, 73_700_000.0);
    let spend_2017 = projection.years[0].spend.total();
    assert!(
        (spend_2017 - 57_400_000.0).abs() < 2_000_000.0,
        "{spend_2017}"
    );
}

#[test]
fn wakefield_caseloads_start_above_30_and_fall_to_25() {
    let scenario = load_scenario(&common::save("wakefield-2018.ron")).unwrap();
    let caps: Vec<f64> = scenario
        .staff
        .iter()
        .map(|group| group.caseload_cap)
        .collect();
    assert_eq!(&caps[..2], &[15.0, 20.0]);
    let projection = project(&scenario);
    let start = projection
        .first()
        .unwrap()
        .workload
        .average_caseload
        .unwrap();
    assert!(start > 30.0, "{start}");
    // By October 2018, the month of the report, about 25.
    let october = projection.rows[6].workload.average_caseload.unwrap();
    assert!((24.0..=26.0).contains(&october), "{october}");
    // Over-reliance on agency staff.
    assert!(projection.first().unwrap().staffing.agency_share > 0.2);
}
