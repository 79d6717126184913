//! Money moves with time: pay awards, inflation on other costs, budgets that grow,
//! funding that recurs, and reserves tracked month by month with a warning when
//! they run out (headline, `caseload run`'s summary, the report, the monthly CSV).

#![allow(clippy::unwrap_used)] // Test code: a panic is a failed test.

mod common;

use caseload::cli::summary;
use caseload::export::write_projection_csv;
use caseload::io::parse_scenario;
use caseload::model::{Action, FinancialYear, Scenario, StaffGroup, YearBudget, validate};
use caseload::sim::equations as eq;
use caseload::ui::headline::headline_ui;
use caseload::{Projection, project};
use common::{intervention, month, small_scenario};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn close(actual: f64, expected: f64, tolerance: f64) {
    assert!(
        (actual - expected).abs() <= tolerance,
        "expected {expected}, got {actual}"
    );
}

/// The small scenario with an agency group too, starting in January so that the
/// first pay award lands three months in.
fn scenario_from_january() -> Scenario {
    let mut scenario = small_scenario();
    scenario.start = month(2019, 1);
    scenario.staff.push(StaffGroup {
        id: "agency".to_owned(),
        name: "Agency social workers".to_owned(),
        fte: 10.0,
        establishment: 0.0,
        agency: true,
        ..StaffGroup::default()
    });
    scenario
}

#[test]
fn a_file_without_the_new_inputs_takes_2_percent_each_april_and_2_percent_inflation() {
    let text = "(version: 1, name: \"Old file\", start: \"2019-04\", staff: [(id: \"experienced\", fte: 9.0, establishment: 10.0)], money: (reserves_gbp: 1000000.0))";
    let scenario = parse_scenario(text).unwrap();
    assert_eq!(scenario.money.pay_award_percent, 2.0);
    assert_eq!(scenario.money.pay_award_month, 4);
    assert_eq!(scenario.money.other_costs_inflation_percent, 2.0);
    assert_eq!(scenario.money.budget_growth_percent, 0.0);
}

#[test]
fn pay_awards_land_each_april_after_the_start_and_compound_on_permanent_and_agency_pay() {
    let mut scenario = scenario_from_january();
    scenario.money.pay_award_percent = 0.0;
    let flat = project(&scenario);
    scenario.money.pay_award_percent = 2.0;
    scenario.money.pay_award_month = 4;
    let awarded = project(&scenario);
    // Staffing does not depend on pay: the ratio of pay is the award factor.
    for (t, (flat_row, row)) in flat.rows.iter().zip(&awarded.rows).enumerate() {
        let awards = eq::pay_awards_since_start(t as i32, 1, 4);
        let factor = 1.02f64.powi(awards as i32);
        assert_eq!(row.staffing.permanent_fte, flat_row.staffing.permanent_fte);
        close(
            row.spend.permanent_staff,
            flat_row.spend.permanent_staff * factor,
            1e-6,
        );
        close(
            row.spend.agency_staff,
            flat_row.spend.agency_staff * factor,
            1e-6,
        );
    }
    // January to March 2019 at the file's salaries; April 2019 up 2%; April 2020 2% more.
    let ratio =
        |t: usize| awarded.rows[t].spend.permanent_staff / flat.rows[t].spend.permanent_staff;
    close(ratio(2), 1.0, 1e-12);
    close(ratio(3), 1.02, 1e-12);
    close(ratio(14), 1.02, 1e-12);
    close(ratio(15), 1.0404, 1e-12);
    // A group's monthly pay carries the award too.
    let group_pay = awarded.group_month(15, 0).unwrap().pay;
    close(
        group_pay,
        flat.group_month(15, 0).unwrap().pay * 1.0404,
        1e-6,
    );
}

#[test]
fn a_start_in_the_award_month_takes_the_first_award_a_year_later() {
    let mut scenario = small_scenario(); // starts April 2019
    scenario.money.pay_award_percent = 0.0;
    let flat = project(&scenario);
    scenario.money.pay_award_percent = 3.0;
    let awarded = project(&scenario);
    let ratio =
        |t: usize| awarded.rows[t].spend.permanent_staff / flat.rows[t].spend.permanent_staff;
    close(ratio(0), 1.0, 1e-12);
    close(ratio(11), 1.0, 1e-12);
    close(ratio(12), 1.03, 1e-12);
    close(ratio(24), 1.03 * 1.03, 1e-12);
}

#[test]
fn other_costs_inflate_monthly_and_other_spending_stays_cash() {
    let mut scenario = small_scenario();
    scenario.money.other_costs_per_month_gbp = 600_000.0;
    scenario.money.other_costs_inflation_percent = 2.0;
    scenario.interventions.push(intervention(
        "Improvement plan",
        month(2019, 4),
        Action::ExtraSpending {
            annual_cost_gbp: 1_200_000.0,
            months: None,
        },
    ));
    let projection = project(&scenario);
    close(projection.rows[0].spend.other, 600_000.0 + 100_000.0, 1e-6);
    // A year on: £600,000 x 1.02 = £612,000, plus the £100,000 a month in cash.
    close(projection.rows[12].spend.other, 612_000.0 + 100_000.0, 1e-6);
    close(
        projection.rows[18].spend.other,
        600_000.0 * 1.02f64.powf(1.5) + 100_000.0,
        1e-6,
    );
}

#[test]
fn budgets_grow_between_the_years_listed() {
    let mut scenario = small_scenario();
    scenario.start = month(2018, 4);
    scenario.horizon_months = 60;
    scenario.money.budgets = vec![
        YearBudget {
            year: FinancialYear(2019),
            budget_gbp: 40_000_000.0,
        },
        YearBudget {
            year: FinancialYear(2021),
            budget_gbp: 50_000_000.0,
        },
    ];
    scenario.money.budget_growth_percent = 3.0;
    let projection = project(&scenario);
    let budgets: Vec<f64> = projection.years.iter().map(|year| year.budget).collect();
    // 2018-19 is before the first listed year: the earliest stays. 2020-21 grows
    // from 2019-20; 2021-22 is listed; 2022-23 grows from it.
    let expected = [40.0e6, 40.0e6, 41.2e6, 50.0e6, 51.5e6];
    for (budget, expected) in budgets.iter().zip(expected) {
        close(*budget, expected, 1e-3);
    }
    // Each month's budget line is a twelfth of its year's.
    close(projection.rows[30].monthly_budget, 41.2e6 / 12.0, 1e-6);
    // With no growth every unlisted year keeps the latest earlier one's budget.
    scenario.money.budget_growth_percent = 0.0;
    let flat = project(&scenario);
    close(flat.years[2].budget, 40.0e6, 1e-6);
    close(flat.years[4].budget, 50.0e6, 1e-6);
}

#[test]
fn recurring_funding_arrives_in_monthly_parts_for_its_years() {
    let mut scenario = scenario_from_january();
    scenario.horizon_months = 48;
    scenario.interventions.push(intervention(
        "160 posts",
        month(2019, 4),
        Action::RecurringFunding {
            amount_gbp_per_year: 7_800_000.0,
            years: 2,
        },
    ));
    let projection = project(&scenario);
    for (t, row) in projection.rows.iter().enumerate() {
        let expected = if (3..27).contains(&t) { 650_000.0 } else { 0.0 };
        close(row.funding_received, expected, 1e-6);
    }
    let grants: Vec<f64> = projection.years.iter().map(|year| year.grants).collect();
    // 2018-19 (3 months): none; 2019-20 and 2020-21: £7.8m each; 2021-22: none.
    for (grants, expected) in grants.iter().zip([0.0, 7.8e6, 7.8e6, 0.0]) {
        close(*grants, expected, 1e-3);
    }
    // Switched off, it is gone.
    scenario.interventions[0].enabled = false;
    let off = project(&scenario);
    assert!(off.rows.iter().all(|row| row.funding_received == 0.0));
}

#[test]
fn reserves_month_by_month_agree_with_the_year_table_and_the_csv() {
    let mut scenario = scenario_from_january();
    scenario.horizon_months = 39;
    scenario.money.reserves_gbp = 3_000_000.0;
    scenario.money.other_costs_per_month_gbp = 400_000.0;
    scenario.interventions.push(intervention(
        "Top-up",
        month(2019, 6),
        Action::Funding {
            amount_gbp: 2_000_000.0,
        },
    ));
    let projection = project(&scenario);
    let mut reserves = 3_000_000.0;
    for row in &projection.rows {
        reserves += row.monthly_budget + row.funding_received - row.spend.total();
        close(row.reserves_at_end, reserves, 1e-3);
    }
    for year in &projection.years {
        let last = projection
            .rows
            .iter()
            .rfind(|row| row.month.financial_year() == year.year)
            .unwrap();
        close(last.reserves_at_end, year.reserves_at_end, 1e-3);
    }
    let mut csv = Vec::new();
    write_projection_csv(&projection, &mut csv).unwrap();
    let csv = String::from_utf8(csv).unwrap();
    let mut lines = csv.lines();
    let column = lines
        .next()
        .unwrap()
        .split(',')
        .position(|name| name == "reserves_at_end")
        .unwrap();
    for (line, row) in lines.zip(&projection.rows) {
        let cell: f64 = line.split(',').nth(column).unwrap().parse().unwrap();
        close(cell, row.reserves_at_end, 0.01);
    }
    assert_eq!(csv.lines().count(), projection.rows.len() + 1);
}

/// A council whose budget covers about half its spend: reserves of £2m run out.
fn running_out() -> (Scenario, Projection) {
    let mut scenario = small_scenario();
    scenario.money.reserves_gbp = 2_000_000.0;
    scenario.money.budgets[0].budget_gbp = 20_000_000.0;
    let projection = project(&scenario);
    (scenario, projection)
}

/// The same council with a budget that covers everything.
fn never_running_out() -> (Scenario, Projection) {
    let mut scenario = small_scenario();
    scenario.money.reserves_gbp = 2_000_000.0;
    scenario.money.budgets[0].budget_gbp = 200_000_000.0;
    let projection = project(&scenario);
    (scenario, projection)
}

#[test]
fn the_month_reserves_run_out_is_the_first_that_ends_below_zero() {
    let (_, projection) = running_out();
    let run_out = projection.reserves_run_out().unwrap();
    let first = projection
        .rows
        .iter()
        .position(|row| row.reserves_at_end < 0.0)
        .unwrap();
    assert!(first > 0, "£2m covers the first month");
    assert_eq!(run_out.month, projection.rows[first].month);
    assert!(projection.rows[first - 1].reserves_at_end >= 0.0);
    let lowest = projection
        .rows
        .iter()
        .map(|row| row.reserves_at_end)
        .fold(f64::INFINITY, f64::min);
    assert_eq!(run_out.lowest_gbp, lowest);
    let warning = run_out.warning();
    assert!(
        warning.starts_with(&format!(
            "Reserves run out in {} (-£",
            run_out.month.label()
        )),
        "{warning}"
    );
    assert!(warning.ends_with(&format!("by {})", run_out.lowest_month.label())));
    let (_, fine) = never_running_out();
    assert_eq!(fine.reserves_run_out(), None);
}

#[test]
fn the_run_summary_warns_when_reserves_run_out_and_only_then() {
    let (scenario, projection) = running_out();
    let text = summary(&scenario, &projection, "test");
    let warning = projection.reserves_run_out().unwrap().warning();
    assert!(text.contains(&format!("Warning: {warning}.")), "{text}");
    let (scenario, projection) = never_running_out();
    let text = summary(&scenario, &projection, "test");
    assert!(!text.contains("Reserves run out"), "{text}");
}

#[test]
fn the_report_warns_when_reserves_run_out() {
    use caseload::export::{ReportEntry, report_html};
    let (scenario, projection) = running_out();
    let html = report_html(&[ReportEntry {
        scenario: &scenario,
        projection: &projection,
    }])
    .unwrap();
    assert!(
        html.contains("Reserves run out in"),
        "no warning in the report"
    );
    let (scenario, projection) = never_running_out();
    let html = report_html(&[ReportEntry {
        scenario: &scenario,
        projection: &projection,
    }])
    .unwrap();
    assert!(!html.contains("Reserves run out in"));
}

#[test]
fn the_headline_warns_when_reserves_run_out_and_not_otherwise() {
    let (_, projection) = running_out();
    let run_out = projection.reserves_run_out().unwrap();
    let mut harness = Harness::builder()
        .with_size([1500.0, 600.0])
        .build_ui(move |ui| headline_ui(ui, &projection));
    harness.run();
    // The warning under the cards, and the reserves card in red.
    harness.get_by_label(&format!("Warning: {}.", run_out.warning()));
    harness.get_by_label("Reserves run out");
    harness.get_by_label(&run_out.month.label());

    let (_, projection) = never_running_out();
    let mut harness = Harness::builder()
        .with_size([1500.0, 600.0])
        .build_ui(move |ui| headline_ui(ui, &projection));
    harness.run();
    assert!(harness.query_by_label_contains("run out").is_none());
    harness.get_by_label("never below zero");
}

#[test]
fn the_editor_and_validation_accept_only_a_real_month_and_whole_years() {
    let mut scenario = small_scenario();
    scenario.money.pay_award_month = 13;
    scenario.interventions.push(intervention(
        "Recurring",
        month(2019, 4),
        Action::RecurringFunding {
            amount_gbp_per_year: 1_000_000.0,
            years: 0,
        },
    ));
    let problems = validate(&scenario);
    let paths: Vec<&str> = problems
        .iter()
        .map(|problem| problem.path.as_str())
        .collect();
    assert!(paths.contains(&"money.pay_award_month"), "{paths:?}");
    assert!(
        paths.iter().any(|path| path.ends_with(".action.years")),
        "{paths:?}"
    );
    scenario.money.pay_award_month = 12;
    scenario.interventions[0].action = Action::RecurringFunding {
        amount_gbp_per_year: 1_000_000.0,
        years: 3,
    };
    assert!(validate(&scenario).is_empty(), "{:?}", validate(&scenario));
}

#[test]
fn the_editor_shows_the_money_over_time_inputs_and_recurring_funding() {
    use caseload::ui::editor::editor_ui;
    use egui::accesskit::Role;
    let mut scenario = small_scenario();
    scenario.interventions.push(intervention(
        "Posts funded each year",
        month(2019, 4),
        Action::RecurringFunding {
            amount_gbp_per_year: 7_800_000.0,
            years: 2,
        },
    ));
    let mut harness = Harness::builder()
        .with_size([1500.0, 6000.0])
        .build_ui_state(
            |ui, scenario: &mut Scenario| editor_ui(ui, scenario, &[], &mut Vec::new()),
            scenario,
        );
    harness.run();
    harness.get_all_by_label("Money").next().unwrap().click();
    harness.run();
    for field in ["Pay award", "Inflation on other costs", "Budget growth"] {
        harness.get_by_role_and_label(Role::SpinButton, field);
    }
    harness
        .get_by_role_and_label(Role::ComboBox, "Pay award lands in")
        .click();
    harness.run();
    harness.get_all_by_label("Sep").last().unwrap().click();
    harness.run();
    assert_eq!(harness.state().money.pay_award_month, 9);
    // The recurring funding's amount a year and years, with the month it ends.
    harness.get_by_role_and_label(Role::SpinButton, "Amount a year");
    harness.get_by_role_and_label(Role::SpinButton, "For");
    harness.get_by_label("until Mar 2021");
}

#[test]
fn diff_names_the_pay_award_month_and_the_years_of_recurring_funding() {
    use caseload::compare::input_differences;
    let mut baseline = small_scenario();
    baseline.interventions.push(intervention(
        "Posts funded each year",
        month(2019, 4),
        Action::RecurringFunding {
            amount_gbp_per_year: 7_800_000.0,
            years: 1,
        },
    ));
    let mut scenario = baseline.clone();
    scenario.money.pay_award_month = 9;
    scenario.interventions[0].action = Action::RecurringFunding {
        amount_gbp_per_year: 7_800_000.0,
        years: 2,
    };
    let differences = input_differences(&baseline, &scenario);
    let shown: Vec<(Option<&str>, Option<&str>)> = differences
        .iter()
        .map(|difference| {
            (
                difference.baseline.as_deref(),
                difference.scenario.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            (Some("Apr"), Some("Sep")),
            (Some("1 year"), Some("2 years"))
        ]
    );
}
