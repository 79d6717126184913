//! The example scenarios that ship: each loads, validates, projects, survives a
//! save and reload unchanged, and reproduces its council's reported figures.

#![allow(clippy::unwrap_used)] // Test code: a panic is a failed test.

mod common;

use caseload::io::{
    default_scenario, load_scenario, parse_scenario, save_scenario, scenario_to_ron,
};
use caseload::model::{Action, FinancialYear, validate};
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
    let two_years_later = &projection.rows[24];
    // Referrals +17% in a year (reported; 6,878 to 8,066 published), then the
    // council's 2013-2018 trend of 10% a year, not 17% compounded.
    let referral_rise = year_later.flows.referrals / first.flows.referrals - 1.0;
    assert!((referral_rise - 0.17).abs() < 1e-9, "{referral_rise}");
    let second_year = two_years_later.flows.referrals / year_later.flows.referrals - 1.0;
    assert!((second_year - 0.10).abs() < 1e-9, "{second_year}");
    // Child protection plans up about 35% in the year (reported; 453 to 653, +44%,
    // published).
    let plans_rise = year_later.stocks.child_protection / first.stocks.child_protection - 1.0;
    assert!((0.30..=0.45).contains(&plans_rise), "{plans_rise}");
    // Children in care by March 2018: the report forecast almost 700; 656 were
    // published. Within 2% of the published count, and 718 a year later within 5%.
    let in_care_march_2018 = projection.years[0].looked_after_at_end;
    assert!(
        (in_care_march_2018 / 656.0 - 1.0).abs() < 0.02,
        "{in_care_march_2018}"
    );
    let in_care_march_2019 = projection.years[1].looked_after_at_end;
    assert!(
        (in_care_march_2019 / 718.0 - 1.0).abs() < 0.05,
        "{in_care_march_2019}"
    );
    // Spending as reported: £57.4m in 2017-18 and £73.7m planned for 2018-19, both
    // the budget and the model's spend (within £1m).
    assert_eq!(projection.years[0].budget, 57_400_000.0);
    assert_eq!(projection.years[1].budget, 73_700_000.0);
    for (year, reported) in [(0, 57_400_000.0), (1, 73_700_000.0)] {
        let spend = projection.years[year].spend.total();
        assert!((spend - reported).abs() < 1_000_000.0, "{spend}");
    }
    // Up 28.4%, as reported.
    let rise = projection.years[1].spend.total() / projection.years[0].spend.total() - 1.0;
    assert!((rise - 0.284).abs() < 0.03, "{rise}");
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
    let october = &projection.rows[6];
    let october_caseload = october.workload.average_caseload.unwrap();
    assert!(
        (24.0..=26.0).contains(&october_caseload),
        "{october_caseload}"
    );
    // Over-reliance on agency staff (Ofsted, July 2018): the census counted 12 FTE
    // agency (5.5%) in September 2017 and 77.8 (28.7%) in September 2018; by October
    // 2018 agency workers are over a fifth of the social workers.
    assert!(projection.first().unwrap().staffing.agency_share < 0.06);
    assert!(
        october.staffing.agency_share > 0.2,
        "{}",
        october.staffing.agency_share
    );
    // Children in care and on plans at 31 March 2019 near the published 609 and 507.
    let march_2019 = &projection.rows[12];
    let in_care = march_2019.stocks.looked_after();
    assert!((in_care / 609.0 - 1.0).abs() < 0.05, "{in_care}");
    let plans = march_2019.stocks.child_protection;
    assert!((plans / 507.0 - 1.0).abs() < 0.10, "{plans}");
}

#[test]
fn liverpool_funds_the_posts_every_year() {
    let scenario = load_scenario(&common::save("liverpool-2019.ron")).unwrap();
    // The 160 posts cost about £7.7m a year at the file's salaries with on-costs: the
    // £7.7m is a yearly cost, not a two-year one.
    let yearly_cost: f64 = scenario
        .interventions
        .iter()
        .filter_map(|intervention| match &intervention.action {
            Action::Recruit {
                group, extra_fte, ..
            } => {
                let group = scenario.staff.iter().find(|staff| &staff.id == group)?;
                Some(extra_fte * group.annual_salary_gbp * (1.0 + group.on_cost_percent / 100.0))
            }
            _ => None,
        })
        .sum();
    assert!(
        (yearly_cost / 7_700_000.0 - 1.0).abs() < 0.05,
        "{yearly_cost}"
    );
    // £7.7m in each full year of the plan: the £5.1m top-up and £2.6m of the
    // council's own in 2019-20, the council's £7.7m after it.
    let projection = project(&scenario);
    for year in [2019, 2020, 2021] {
        let summary = projection
            .years
            .iter()
            .find(|summary| summary.year == FinancialYear(year))
            .unwrap();
        assert!(
            (summary.grants - 7_700_000.0).abs() < 1.0,
            "{year}: {}",
            summary.grants
        );
    }
}
