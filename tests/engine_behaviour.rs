//! Each behaviour the council model must have, checked on a small scenario with one
//! thing changed at a time.

#![allow(clippy::unwrap_used)] // Test code: a panic is a failed test.

mod common;

use caseload::model::{Action, PlacementKind, StaffGroup};
use caseload::project;
use common::{intervention, month, small_scenario};

#[test]
fn demand_stocks_drain_and_fill_by_named_flows() {
    let mut scenario = small_scenario();
    scenario.demand.referrals_per_month = 0.0;
    scenario
        .demand
        .child_in_need_to_protection_percent_per_month = 0.0;
    scenario.demand.protection_to_care_percent_per_month = 0.0;
    scenario.demand.protection_step_down_percent = 0.0;
    let projection = project(&scenario);
    // With no referrals, CIN drains at 1 / duration a month: 2,250 x (1 - 1/9)^12.
    let expected = 2_250.0 * (1.0f64 - 1.0 / 9.0).powi(12);
    let actual = projection.rows[12].stocks.children_in_need;
    assert!((actual - expected).abs() < 1e-6, "{actual} vs {expected}");
}

#[test]
fn contracted_team_holds_cases_only_in_its_window() {
    let mut scenario = small_scenario();
    let baseline = project(&scenario);
    scenario.interventions.push(intervention(
        "Contracted team",
        month(2019, 6),
        Action::ContractedTeam {
            cases: 180.0,
            months: 6,
            total_cost_gbp: 600_000.0,
        },
    ));
    let with_team = project(&scenario);
    for (index, (base, team)) in baseline.rows.iter().zip(&with_team.rows).enumerate() {
        let active = (2..8).contains(&index);
        assert_eq!(
            team.workload.contracted_capacity,
            if active { 180.0 } else { 0.0 }
        );
        assert_eq!(
            team.spend.contracted_teams,
            if active { 100_000.0 } else { 0.0 }
        );
        if index <= 2 || !active {
            continue;
        }
        assert!(team.workload.average_caseload < base.workload.average_caseload);
    }
}

#[test]
fn recruitment_raises_establishment_in_phases_and_fte_follows_with_a_delay() {
    let mut scenario = small_scenario();
    // Without the burnout loop, which would keep posts empty at this workload.
    scenario.workforce.burnout.enabled = false;
    scenario.interventions.push(intervention(
        "+24 over a year",
        month(2019, 4),
        Action::Recruit {
            group: "experienced".to_owned(),
            extra_fte: 24.0,
            over_months: 12,
        },
    ));
    let projection = project(&scenario);
    let establishment: Vec<f64> = projection
        .group_series(0)
        .map(|group| group.establishment)
        .collect();
    assert!((establishment[0] - 102.0).abs() < 1e-9);
    assert!((establishment[5] - 112.0).abs() < 1e-9);
    assert!((establishment[11] - 124.0).abs() < 1e-9);
    assert!((establishment[30] - 124.0).abs() < 1e-9);
    // Hiring is slow: nobody new in the first month, most posts filled in the end.
    let fte: Vec<f64> = projection.group_series(0).map(|group| group.fte).collect();
    assert!(fte[1] < 101.0);
    assert!(fte[35] > 110.0, "{}", fte[35]);
    assert!(fte[35] <= 124.0);
}

#[test]
fn burnout_raises_turnover_when_caseloads_exceed_the_cap() {
    let mut scenario = small_scenario();
    // 50 workers for ~3,300 cases: far over capacity.
    scenario.staff[0].fte = 50.0;
    scenario.staff[0].establishment = 50.0;
    let with_burnout = project(&scenario);
    scenario.workforce.burnout.enabled = false;
    let without = project(&scenario);
    let first_with = &with_burnout.rows[0];
    let first_without = &without.rows[0];
    assert!(first_with.staffing.turnover_multiplier > 1.0);
    assert_eq!(first_without.staffing.turnover_multiplier, 1.0);
    assert!(first_with.staffing.leavers > first_without.staffing.leavers);
    // The loop cuts capacity further: fewer staff, higher caseloads after a year.
    let fte_with = with_burnout.rows[12].staffing.permanent_fte;
    let fte_without = without.rows[12].staffing.permanent_fte;
    assert!(fte_with < fte_without, "{fte_with} vs {fte_without}");
    assert!(
        with_burnout.rows[12].workload.average_caseload
            > without.rows[12].workload.average_caseload
    );
    // Under capacity, no extra turnover.
    let relaxed = project(&small_scenario_with_fte(400.0));
    assert_eq!(relaxed.rows[0].staffing.turnover_multiplier, 1.0);
}

fn small_scenario_with_fte(fte: f64) -> caseload::Scenario {
    let mut scenario = small_scenario();
    scenario.staff[0].fte = fte;
    scenario.staff[0].establishment = fte;
    scenario
}

#[test]
fn newly_qualified_staff_become_experienced_after_their_asye_year() {
    let mut scenario = small_scenario();
    scenario.staff.push(StaffGroup {
        id: "asye".to_owned(),
        name: "Newly qualified".to_owned(),
        fte: 24.0,
        establishment: 0.0,
        caseload_cap: 15.0,
        turnover_percent_per_year: 0.0,
        progresses_to: Some("experienced".to_owned()),
        progression_months: 12.0,
        ..StaffGroup::default()
    });
    scenario.staff[0].turnover_percent_per_year = 0.0;
    let projection = project(&scenario);
    let asye = projection.group_month(0, 1).unwrap();
    assert!((asye.progressed - 2.0).abs() < 1e-9);
    let experienced_next = projection.group_month(1, 0).unwrap();
    assert!((experienced_next.fte - 102.0).abs() < 1e-9);
}

#[test]
fn agency_covers_a_share_of_vacancies_at_a_premium() {
    let mut scenario = small_scenario();
    scenario.staff[0].establishment = 120.0;
    scenario.staff.push(StaffGroup {
        id: "agency".to_owned(),
        name: "Agency".to_owned(),
        agency: true,
        fte: 0.0,
        ..StaffGroup::default()
    });
    scenario.workforce.agency_cover_percent = 50.0;
    scenario.workforce.agency_adjust_months = 1.0;
    let projection = project(&scenario);
    // 20 vacancies, half covered within the month (a lead time of one month).
    assert!((projection.rows[1].staffing.agency_fte - 10.0).abs() < 0.5);
    let agency = projection.group_month(1, 1).unwrap();
    let permanent_cost_per_fte = 35_000.0 * 1.275 / 12.0;
    assert!((agency.pay / agency.fte - permanent_cost_per_fte * 1.17).abs() < 1e-6);
    assert!(projection.rows[1].spend.agency_staff > 0.0);
}

#[test]
fn converting_agency_posts_moves_fte_to_permanent() {
    let mut scenario = small_scenario();
    scenario.staff[0].fte = 80.0;
    scenario.staff.push(StaffGroup {
        id: "agency".to_owned(),
        name: "Agency".to_owned(),
        agency: true,
        fte: 19.0,
        ..StaffGroup::default()
    });
    let baseline = project(&scenario);
    scenario.interventions.push(intervention(
        "Convert 10",
        month(2019, 4),
        Action::ConvertAgency {
            group: "experienced".to_owned(),
            fte: 10.0,
            over_months: 1,
        },
    ));
    let converted = project(&scenario);
    let gained = converted.rows[1].staffing.permanent_fte - baseline.rows[1].staffing.permanent_fte;
    let lost = baseline.rows[1].staffing.agency_fte - converted.rows[1].staffing.agency_fte;
    assert!((gained - 10.0).abs() < 1e-9);
    assert!((lost - 10.0).abs() < 1e-9);
    assert!(converted.rows[2].spend.agency_staff < baseline.rows[2].spend.agency_staff);
}

#[test]
fn caseload_caps_can_change_from_a_month() {
    let mut scenario = small_scenario();
    scenario.interventions.push(intervention(
        "Cap 15",
        month(2020, 4),
        Action::SetCaseloadCap {
            group: "experienced".to_owned(),
            cap: 15.0,
        },
    ));
    let projection = project(&scenario);
    assert_eq!(projection.group_month(11, 0).unwrap().caseload_cap, 20.0);
    assert_eq!(projection.group_month(12, 0).unwrap().caseload_cap, 15.0);
    let before = projection.rows[11].workload.staff_capacity;
    let after = projection.rows[12].workload.staff_capacity;
    assert!(after < before * 0.8);
}

#[test]
fn early_help_costs_from_its_start_and_cuts_demand_after_its_lag() {
    let mut scenario = small_scenario();
    let baseline = project(&scenario);
    scenario.interventions.push(intervention(
        "Early help",
        month(2019, 4),
        Action::EarlyHelp {
            annual_cost_gbp: 1_200_000.0,
            referral_reduction_percent: 10.0,
            care_entry_reduction_percent: 20.0,
            lag_months: 6,
            months: None,
        },
    ));
    let projection = project(&scenario);
    assert_eq!(projection.rows[0].spend.early_help, 100_000.0);
    assert_eq!(
        projection.rows[5].flows.referrals,
        baseline.rows[5].flows.referrals
    );
    let cut = projection.rows[6].flows.referrals / baseline.rows[6].flows.referrals;
    assert!((cut - 0.9).abs() < 1e-12);
    let entries = projection.rows[6].flows.new_care_entries;
    let prevented = projection.rows[6].flows.prevented_care_entries;
    assert!((prevented / (entries + prevented) - 0.2).abs() < 1e-12);
    // Invest to save: fewer children in care after three years.
    assert!(
        projection.last().unwrap().looked_after_at_end
            < baseline.last().unwrap().looked_after_at_end
    );
}

#[test]
fn early_help_stops_working_when_its_funding_stops() {
    let mut scenario = small_scenario();
    let baseline = project(&scenario);
    let early_help = |lag_months: u32, months: u32| {
        intervention(
            "Early help",
            month(2019, 4),
            Action::EarlyHelp {
                annual_cost_gbp: 1_200_000.0,
                referral_reduction_percent: 10.0,
                care_entry_reduction_percent: 20.0,
                lag_months,
                months: Some(months),
            },
        )
    };
    // Paid for 12 months from month 0, working after 6: referrals cut in months
    // 6 to 11 only; paid in months 0 to 11 only.
    scenario.interventions = vec![early_help(6, 12)];
    let projection = project(&scenario);
    for (t, (row, base)) in projection.rows.iter().zip(&baseline.rows).enumerate() {
        let cut = row.flows.referrals / base.flows.referrals;
        let expected = if (6..12).contains(&t) { 0.9 } else { 1.0 };
        assert!((cut - expected).abs() < 1e-12, "month {t}: {cut}");
        let paid = if t < 12 { 100_000.0 } else { 0.0 };
        assert_eq!(row.spend.early_help, paid, "month {t}");
    }
    // Paid for no longer than its lag: no effect at all, only the cost.
    scenario.interventions = vec![early_help(6, 6)];
    let projection = project(&scenario);
    for (row, base) in projection.rows.iter().zip(&baseline.rows) {
        assert_eq!(row.flows.referrals, base.flows.referrals);
        assert_eq!(row.flows.prevented_care_entries, 0.0);
    }
    assert_eq!(projection.rows[5].spend.early_help, 100_000.0);
}

#[test]
fn full_in_house_foster_care_sends_new_placements_to_ifas() {
    let mut scenario = small_scenario();
    let in_house_now = scenario.demand.looked_after * 0.33;
    scenario.placements.in_house_foster_places = Some(in_house_now * 0.9);
    let projection = project(&scenario);
    let overflow: f64 = projection
        .rows
        .iter()
        .map(|row| row.flows.in_house_overflow)
        .sum();
    assert!(overflow > 0.0);
    let in_house = PlacementKind::InHouseFoster.index();
    for row in &projection.rows {
        assert!(row.stocks.looked_after_by_placement[in_house] <= in_house_now + 1e-9);
    }
    // Adding places relieves it.
    scenario.interventions.push(intervention(
        "More carers",
        month(2019, 4),
        Action::AddFosterPlaces {
            places: 100.0,
            over_months: 1,
        },
    ));
    let relieved = project(&scenario);
    let less: f64 = relieved
        .rows
        .iter()
        .map(|row| row.flows.in_house_overflow)
        .sum();
    assert!(less < overflow);
}

#[test]
fn placements_cost_by_type_and_week() {
    let mut scenario = small_scenario();
    scenario.demand.looked_after = 100.0;
    let projection = project(&scenario);
    // England mix: weekly cost 0.33x550 + 0.26x900 + 0.12x3970 + 0.13x300 + 0.16x400.
    let weekly = 0.33 * 550.0 + 0.26 * 900.0 + 0.12 * 3970.0 + 0.13 * 300.0 + 0.16 * 400.0;
    let expected = 100.0 * weekly * 52.0 / 12.0;
    assert!((projection.rows[0].spend.placements - expected).abs() < 1e-6);
}

#[test]
fn financial_years_run_april_to_march_with_budgets_grants_and_reserves() {
    let mut scenario = small_scenario();
    scenario.start = month(2019, 1);
    scenario.horizon_months = 27;
    scenario.money.reserves_gbp = 5_000_000.0;
    scenario.interventions.push(intervention(
        "Top-up",
        month(2019, 4),
        Action::Funding {
            amount_gbp: 5_100_000.0,
        },
    ));
    let projection = project(&scenario);
    let labels: Vec<String> = projection.years.iter().map(|y| y.year.label()).collect();
    assert_eq!(labels, ["2018-19", "2019-20", "2020-21"]);
    let months: Vec<usize> = projection.years.iter().map(|y| y.months).collect();
    assert_eq!(months, [3, 12, 12]);
    // The part year gets a pro-rata budget; the only budget given (2019-20) applies
    // to earlier and later years.
    assert!((projection.years[0].budget - 10_000_000.0).abs() < 1e-6);
    assert_eq!(projection.years[1].budget, 40_000_000.0);
    assert_eq!(projection.years[1].grants, 5_100_000.0);
    assert_eq!(projection.years[2].grants, 0.0);
    let mut reserves = 5_000_000.0;
    let mut cumulative = 0.0;
    for year in &projection.years {
        let spend = year.spend.total();
        assert!((year.variance - (spend - year.budget - year.grants)).abs() < 1e-6);
        reserves -= year.variance;
        cumulative += spend;
        assert!((year.reserves_at_end - reserves).abs() < 1e-6);
        assert!((year.cumulative_spend - cumulative).abs() < 1e-6);
    }
}

#[test]
fn managers_establishment_follows_their_span_of_control() {
    let mut scenario = small_scenario();
    scenario.staff.push(StaffGroup {
        id: "managers".to_owned(),
        name: "Team managers".to_owned(),
        fte: 20.0,
        case_time_percent: 0.0,
        span_of_control: Some(5.0),
        ..StaffGroup::default()
    });
    scenario.interventions.push(intervention(
        "+50",
        month(2019, 4),
        Action::Recruit {
            group: "experienced".to_owned(),
            extra_fte: 50.0,
            over_months: 1,
        },
    ));
    let projection = project(&scenario);
    assert_eq!(projection.group_month(0, 1).unwrap().establishment, 30.0);
    assert_eq!(projection.rows[0].staffing.workers_per_manager, Some(5.0));
}

#[test]
fn zero_case_holding_staff_means_no_capacity_not_a_number() {
    let mut scenario = small_scenario();
    scenario.staff[0].fte = 0.0;
    scenario.staff[0].establishment = 0.0;
    let projection = project(&scenario);
    for row in &projection.rows {
        assert_eq!(row.workload.average_caseload, None);
        assert_eq!(row.workload.load, None);
        assert!(row.workload.is_over_cap());
        assert_eq!(row.workload.over_capacity_cases, row.workload.cases);
    }
    assert_eq!(projection.years[0].average_caseload, None);
    assert_eq!(
        caseload::units::caseload(projection.rows[0].workload.average_caseload),
        "no capacity"
    );
}

#[test]
fn switched_off_interventions_change_nothing() {
    let mut scenario = small_scenario();
    let baseline = project(&scenario);
    let mut plan = intervention(
        "Off",
        month(2019, 4),
        Action::Recruit {
            group: "experienced".to_owned(),
            extra_fte: 50.0,
            over_months: 6,
        },
    );
    plan.enabled = false;
    scenario.interventions.push(plan);
    let projection = project(&scenario);
    assert_eq!(projection.rows, baseline.rows);
}
