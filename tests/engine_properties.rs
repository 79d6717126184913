//! Property tests over random valid scenarios: the model's invariants hold for any
//! input the editor accepts.

#![allow(clippy::unwrap_used)] // Test code: a panic is a failed test.

use caseload::io::{parse_scenario, scenario_to_ron};
use caseload::model::{
    Action, FinancialYear, Grant, Intervention, Month, PlacementKind, Scenario, StaffGroup,
    YearBudget, validate,
};
use caseload::project;
use proptest::prelude::*;

/// A value between `min` and `max` from `unit` in [0, 1); one time in ten exactly
/// `min`, so edge cases such as zero staff come up often.
fn pick(unit: f64, min: f64, max: f64) -> f64 {
    if unit < 0.1 {
        min
    } else {
        min + (unit - 0.1) / 0.9 * (max - min)
    }
}

/// Percentages from weights, summing to 100.
fn shares<const N: usize>(weights: [f64; N]) -> [f64; N] {
    let total: f64 = weights.iter().sum::<f64>() + 1e-3;
    weights.map(|weight| (weight + 1e-3 / N as f64) / total * 100.0)
}

fn build(
    units: &[f64],
    group_count: usize,
    with_agency: bool,
    actions: &[(usize, f64, f64, i32, u32)],
    horizon_months: u32,
    name: String,
) -> Scenario {
    let mut next = units.iter().copied().cycle();
    let mut u = move || next.next().unwrap_or(0.5);
    let start = Month::new(2015 + (u() * 10.0) as i32, 1 + (u() * 12.0) as u32).unwrap();
    let mut scenario = Scenario {
        version: caseload::model::FORMAT_VERSION,
        name: name.clone(),
        notes: format!("Notes with \"quotes\", a # and\na new line: {name}"),
        // Some with a council, some without: both must survive a save.
        council: name
            .len()
            .is_multiple_of(2)
            .then(|| format!("E06{:06}", name.len())),
        start,
        horizon_months,
        demand: Default::default(),
        placements: Default::default(),
        staff: Vec::new(),
        workforce: Default::default(),
        money: Default::default(),
        interventions: Vec::new(),
        uncertainty: Vec::new(),
    };
    let demand = &mut scenario.demand;
    demand.referrals_per_month = pick(u(), 0.0, 5_000.0);
    demand.referral_growth_percent_per_year = pick(u(), -50.0, 100.0);
    if u() < 0.3 {
        demand.seasonality = (0..12).map(|_| pick(u(), 0.0, 3.0) + 0.01).collect();
    }
    let [nfa, cin, cp, care] = shares([u(), u(), u(), u()]);
    demand.referral_outcomes.no_further_action_percent = nfa;
    demand.referral_outcomes.child_in_need_percent = cin;
    demand.referral_outcomes.child_protection_percent = cp;
    demand.referral_outcomes.into_care_percent = care;
    demand.children_in_need = pick(u(), 0.0, 20_000.0);
    demand.child_protection = pick(u(), 0.0, 5_000.0);
    demand.looked_after = pick(u(), 0.0, 5_000.0);
    demand.care_leavers = pick(u(), 0.0, 2_000.0);
    demand.child_in_need_months = pick(u(), 1.0, 60.0);
    demand.child_protection_months = pick(u(), 1.0, 60.0);
    demand.looked_after_months = pick(u(), 1.0, 200.0);
    demand.care_leaver_months = pick(u(), 1.0, 100.0);
    demand.child_in_need_to_protection_percent_per_month = pick(u(), 0.0, 100.0);
    demand.protection_to_care_percent_per_month = pick(u(), 0.0, 100.0);
    demand.protection_step_down_percent = pick(u(), 0.0, 100.0);
    demand.care_leaver_percent = pick(u(), 0.0, 100.0);
    demand.case_weights.child_protection = pick(u(), 0.0, 3.0);
    demand.case_weights.care_leaver = pick(u(), 0.0, 1.0);
    demand.workload_effect.enabled = u() < 0.5;
    demand.workload_effect.strength = pick(u(), 0.0, 10.0);
    demand.workload_effect.max_change_percent = pick(u(), 0.0, 90.0);
    demand.workload_effect.rereferral_percent = pick(u(), 0.0, 100.0);

    let current = shares([u(), u(), u(), u(), u()]);
    let new_entry = shares([u(), u(), u(), u(), u()]);
    for (index, kind) in PlacementKind::ALL.into_iter().enumerate() {
        let placement = scenario.placements.get_mut(kind);
        placement.current_percent = current[index];
        placement.new_entry_percent = new_entry[index];
        placement.weekly_cost_gbp = pick(u(), 0.0, 8_000.0);
        placement.cost_growth_percent_per_year = pick(u(), -10.0, 20.0);
    }
    if u() < 0.5 {
        scenario.placements.in_house_foster_places = Some(pick(u(), 0.0, 2_000.0));
    }

    for index in 0..group_count {
        let progresses = index > 0 && u() < 0.4;
        scenario.staff.push(StaffGroup {
            id: format!("group{index}"),
            name: format!("Group {index}"),
            agency: false,
            fte: pick(u(), 0.0, 300.0),
            establishment: pick(u(), 0.0, 400.0),
            caseload_cap: pick(u(), 0.0, 40.0),
            case_time_percent: pick(u(), 0.0, 100.0),
            annual_salary_gbp: pick(u(), 0.0, 80_000.0),
            on_cost_percent: pick(u(), 0.0, 40.0),
            turnover_percent_per_year: pick(u(), 0.0, 100.0),
            progresses_to: progresses.then(|| "group0".to_owned()),
            progression_months: pick(u(), 1.0, 36.0),
            span_of_control: (index > 0 && !progresses && u() < 0.2).then(|| pick(u(), 1.0, 12.0)),
        });
    }
    if with_agency {
        scenario.staff.push(StaffGroup {
            id: "agency".to_owned(),
            name: "Agency".to_owned(),
            agency: true,
            fte: pick(u(), 0.0, 100.0),
            ..StaffGroup::default()
        });
    }
    let policy = &mut scenario.workforce;
    policy.recruitment_percent_per_month = pick(u(), 0.0, 100.0);
    policy.time_to_hire_months = pick(u(), 1.0, 24.0);
    if u() < 0.3 {
        policy.max_recruitment_starts_per_month = Some(pick(u(), 0.0, 20.0));
    }
    policy.agency_cover_percent = pick(u(), 0.0, 100.0);
    policy.agency_adjust_months = pick(u(), 1.0, 12.0);
    policy.new_post_agency_cover_percent = pick(u(), 0.0, 100.0);
    policy.max_agency_fte = (u() < 0.3).then(|| pick(u(), 0.0, 200.0));
    policy.max_agency_percent = (u() < 0.7).then(|| pick(u(), 0.0, 100.0));
    policy.caseload_spread_percent = pick(u(), 0.0, 100.0);
    policy.burnout.enabled = u() < 0.7;
    policy.burnout.strength = pick(u(), 0.0, 10.0);
    policy.burnout.max_multiplier = pick(u(), 1.0, 5.0);

    scenario.money.budgets = vec![YearBudget {
        year: FinancialYear(start.year()),
        budget_gbp: pick(u(), 0.0, 200_000_000.0),
    }];
    scenario.money.grants = vec![Grant {
        name: "Grant".to_owned(),
        month: start.plus((u() * 24.0) as i32),
        amount_gbp: pick(u(), 0.0, 10_000_000.0),
    }];
    scenario.money.reserves_gbp = pick(u(), 0.0, 50_000_000.0);
    scenario.money.early_help_per_year_gbp = pick(u(), 0.0, 5_000_000.0);
    scenario.money.other_costs_per_month_gbp = pick(u(), 0.0, 2_000_000.0);
    scenario.money.pay_award_percent = pick(u(), -5.0, 10.0);
    scenario.money.pay_award_month = (u() * 12.0) as u32 % 12 + 1;
    scenario.money.other_costs_inflation_percent = pick(u(), -5.0, 10.0);
    scenario.money.budget_growth_percent = pick(u(), -5.0, 10.0);

    for (index, (kind, a, b, start_offset, months)) in actions.iter().enumerate() {
        let group = format!("group{}", index % group_count);
        let has_span = scenario.staff[index % group_count]
            .span_of_control
            .is_some();
        let action = match kind {
            0 if !has_span => Action::Recruit {
                group,
                extra_fte: pick(*a, 0.0, 200.0),
                over_months: *months,
            },
            1 => Action::SetCaseloadCap {
                group,
                cap: pick(*a, 0.0, 40.0),
            },
            2 if *b < 0.5 => Action::Funding {
                amount_gbp: pick(*a, 0.0, 10_000_000.0),
            },
            2 => Action::RecurringFunding {
                amount_gbp_per_year: pick(*a, 0.0, 10_000_000.0),
                years: *months % 5 + 1,
            },
            3 => Action::EarlyHelp {
                annual_cost_gbp: pick(*a, 0.0, 5_000_000.0),
                referral_reduction_percent: pick(*b, 0.0, 100.0),
                care_entry_reduction_percent: pick(*a, 0.0, 100.0),
                lag_months: *months % 13,
                months: (*b < 0.5).then_some(*months),
            },
            4 => Action::ContractedTeam {
                cases: pick(*a, 0.0, 500.0),
                months: *months,
                total_cost_gbp: pick(*b, 0.0, 2_000_000.0),
            },
            5 if with_agency => Action::ConvertAgency {
                group,
                fte: pick(*a, 0.0, 50.0),
                over_months: *months,
            },
            6 => Action::ExtraSpending {
                annual_cost_gbp: pick(*a, 0.0, 3_000_000.0),
                months: (*b < 0.5).then_some(*months),
            },
            _ => Action::AddFosterPlaces {
                places: pick(*a, 0.0, 100.0),
                over_months: *months,
            },
        };
        scenario.interventions.push(Intervention {
            label: format!("Intervention {index}"),
            enabled: *b > 0.2,
            start: start.plus(*start_offset - 6),
            action,
        });
    }
    scenario
}

fn scenarios() -> impl Strategy<Value = Scenario> {
    (
        proptest::collection::vec(0.0..1.0f64, 80),
        1usize..5,
        any::<bool>(),
        proptest::collection::vec(
            (0usize..8, 0.0..1.0f64, 0.0..1.0f64, 0i32..60, 1u32..30),
            0..6,
        ),
        12u32..=120,
        "\\PC{0,30}",
    )
        .prop_map(|(units, groups, agency, actions, horizon, name)| {
            build(&units, groups, agency, &actions, horizon, name)
        })
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * (1.0 + a.abs().max(b.abs()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn generated_scenarios_are_valid(scenario in scenarios()) {
        prop_assert_eq!(validate(&scenario), Vec::new());
    }

    #[test]
    fn a_balanced_start_stays_where_it_starts(scenario in scenarios()) {
        use caseload::sim::balance::{balancing, start_balance};
        let mut balanced = scenario;
        balancing(&balanced).apply(&mut balanced);
        prop_assert_eq!(validate(&balanced), Vec::new());
        prop_assert!(start_balance(&balanced).iter().all(|stock| stock.in_balance()));
        prop_assert!(balancing(&balanced).is_empty(), "{:?}", balancing(&balanced));
        // Referrals held at their first-month level, 120 months: every stock stays
        // within 0.1% of its start.
        balanced.demand.referral_growth_percent_per_year = 0.0;
        balanced.demand.referral_first_growth_percent_per_year = 0.0;
        // The balance is for the inputs as written: workload does not move practice.
        balanced.demand.workload_effect.enabled = false;
        balanced.demand.seasonality.clear();
        balanced.interventions.clear();
        balanced.horizon_months = 120;
        let demand = &balanced.demand;
        let start = [
            demand.children_in_need,
            demand.child_protection,
            demand.looked_after,
            demand.care_leavers,
        ];
        for row in &project(&balanced).rows {
            let stocks = &row.stocks;
            let now = [
                stocks.children_in_need,
                stocks.child_protection,
                stocks.looked_after(),
                stocks.care_leavers,
            ];
            for (now, start) in now.into_iter().zip(start) {
                prop_assert!(
                    (now - start).abs() <= 1e-3 * start.max(1.0),
                    "{now} in {:?}, {start} at the start",
                    row.month
                );
            }
        }
    }

    #[test]
    fn no_nan_no_infinity_no_negative_stock_or_fte(scenario in scenarios()) {
        let projection = project(&scenario);
        prop_assert_eq!(projection.rows.len(), scenario.horizon_months as usize);
        for row in &projection.rows {
            let stocks = &row.stocks;
            let mut values = vec![
                stocks.children_in_need, stocks.child_protection, stocks.care_leavers,
                row.looked_after_at_end, row.workload.cases, row.workload.staff_capacity,
                row.workload.case_holding_fte, row.workload.over_capacity_cases,
                row.staffing.permanent_fte, row.staffing.agency_fte, row.staffing.vacancies,
                row.staffing.leavers, row.staffing.hires, row.staffing.agency_share,
                row.funding_received,
            ];
            values.extend(stocks.looked_after_by_placement);
            values.extend(row.spend.amounts());
            for value in values {
                prop_assert!(value.is_finite() && value >= 0.0, "{} in {}", value, row.month);
            }
            for value in [
                row.workload.average_caseload, row.workload.average_cap, row.workload.load,
                row.workload.share_of_staff_over_cap, row.staffing.workers_per_manager,
            ].into_iter().flatten() {
                prop_assert!(value.is_finite() && value >= 0.0);
            }
            prop_assert!(row.staffing.turnover_multiplier >= 1.0);
        }
        for group in &projection.group_rows {
            for value in [group.fte, group.establishment, group.vacancies, group.leavers,
                          group.hires, group.progressed, group.recruiting, group.pay] {
                prop_assert!(value.is_finite() && value >= 0.0);
            }
        }
        for year in &projection.years {
            prop_assert!(year.variance.is_finite() && year.reserves_at_end.is_finite());
            // Reserves tracked month by month end each year where the year table does.
            let last = projection.rows.iter().rfind(|row| row.month.financial_year() == year.year);
            let agrees = last.is_some_and(|row| {
                (row.reserves_at_end - year.reserves_at_end).abs()
                    <= 1e-6 * (1.0 + year.reserves_at_end.abs())
            });
            prop_assert!(agrees, "reserves at the end of {}", year.year.label());
        }
    }

    #[test]
    fn children_are_conserved(scenario in scenarios()) {
        let projection = project(&scenario);
        for pair in projection.rows.windows(2) {
            let (now, next) = (&pair[0], &pair[1]);
            let flows = &now.flows;
            let cin_change = next.stocks.children_in_need - now.stocks.children_in_need;
            prop_assert!(close(cin_change, flows.new_child_in_need + flows.protection_stepped_down
                - flows.child_in_need_closed - flows.child_in_need_to_protection));
            let cp_change = next.stocks.child_protection - now.stocks.child_protection;
            prop_assert!(close(cp_change, flows.new_child_protection + flows.child_in_need_to_protection
                - flows.protection_closed - flows.protection_stepped_down - flows.protection_to_care));
            let care_change = next.stocks.looked_after() - now.stocks.looked_after();
            prop_assert!(close(care_change, flows.new_care_entries + flows.protection_to_care - flows.left_care));
            prop_assert!(close(now.looked_after_at_end, next.stocks.looked_after()));
            let leavers_change = next.stocks.care_leavers - now.stocks.care_leavers;
            prop_assert!(close(leavers_change, flows.new_care_leavers - flows.care_leavers_closed));
            prop_assert!(flows.new_care_leavers <= flows.left_care + 1e-9);
            prop_assert!(flows.prevented_care_entries >= 0.0);
        }
    }

    #[test]
    fn spend_by_category_sums_to_the_total(scenario in scenarios()) {
        let projection = project(&scenario);
        for row in &projection.rows {
            let sum: f64 = row.spend.amounts().iter().sum();
            prop_assert!(close(sum, row.spend.total()));
        }
        let months_total: f64 = projection.rows.iter().map(|row| row.spend.total()).sum();
        let years_total: f64 = projection.years.iter().map(|year| year.spend.total()).sum();
        prop_assert!(close(months_total, years_total));
        let months_in_years: usize = projection.years.iter().map(|year| year.months).sum();
        prop_assert_eq!(months_in_years, projection.rows.len());
        for (group_index, _) in projection.groups.iter().enumerate() {
            prop_assert_eq!(projection.group_series(group_index).count(), projection.rows.len());
        }
    }

    #[test]
    fn no_case_holding_staff_reads_as_no_capacity(scenario in scenarios()) {
        let projection = project(&scenario);
        for row in &projection.rows {
            let has_staff = row.workload.case_holding_fte > 1e-9;
            prop_assert_eq!(row.workload.average_caseload.is_some(), has_staff);
            prop_assert_eq!(row.workload.share_of_staff_over_cap.is_some(), has_staff);
        }
    }

    #[test]
    fn any_valid_scenario_survives_save_and_load(scenario in scenarios()) {
        let text = scenario_to_ron(&scenario).unwrap();
        let reloaded = parse_scenario(&text).map_err(|problems| {
            TestCaseError::fail(format!("{problems:?}\n{text}"))
        })?;
        prop_assert_eq!(reloaded, scenario);
    }

    /// With workload affecting practice, more staff in post (and the posts to match)
    /// never means more children taken into care, by any month. The property is
    /// about children entering care: the number in care in one month can still be
    /// a little higher with more staff, when a child kept out of care now (the plan
    /// ends, the case steps down) enters later instead.
    #[test]
    fn with_workload_affecting_practice_more_staff_never_takes_more_children_into_care(
        scenario in scenarios(),
        extra_fte in 0.1..200.0f64,
        pick_group in 0usize..8,
        strength in 0.0..10.0f64,
        most_change in 0.0..90.0f64,
        plan_weight in 0.0..2.0f64,
        care_weight in 0.0..2.0f64,
    ) {
        let mut fewer = scenario;
        fewer.demand.workload_effect.enabled = true;
        fewer.demand.workload_effect.strength = strength;
        fewer.demand.workload_effect.max_change_percent = most_change;
        // Cases weigh more as they escalate (a plan at least a child-in-need case, a
        // child in care at least a plan); otherwise ending plans sooner could raise
        // the weighted caseload.
        let weights = &mut fewer.demand.case_weights;
        weights.child_in_need = 1.0;
        weights.child_protection = 1.0 + plan_weight;
        weights.looked_after = weights.child_protection + care_weight;
        // Cases last a few months and care a year or more, and cases mostly close
        // rather than step up, even at the largest multiplier m (closing rate / m at
        // least step-up rate x m), as in every council: where step-ups outrun
        // closings, pressure empties a stock sooner and its children enter care
        // earlier rather than more often.
        let demand = &mut fewer.demand;
        demand.child_in_need_months = demand.child_in_need_months.max(3.0);
        demand.child_protection_months = demand.child_protection_months.max(3.0);
        demand.looked_after_months = demand.looked_after_months.max(12.0);
        let most = (1.0 + most_change / 100.0).powi(2);
        let cin_closing = 1.0 / demand.child_in_need_months;
        let cp_closing = 1.0 / demand.child_protection_months;
        demand.child_in_need_to_protection_percent_per_month = demand
            .child_in_need_to_protection_percent_per_month
            .min(100.0 * cin_closing / most);
        demand.protection_to_care_percent_per_month = demand
            .protection_to_care_percent_per_month
            .min(100.0 * cp_closing / most);
        // Agency cover today replaces a vacancy's FTE, not its case-holding
        // capacity, so a worker arriving in a group that holds few cases can
        // displace an agency worker who holds many (issue 13's first point); until
        // agency covers capacity, this property is checked without agency cover.
        fewer.workforce.agency_cover_percent = 0.0;
        // A limit on recruitment starts across groups is shared in proportion to
        // each group's gap, so staff in a group that loses them quickly take starts
        // from a group that holds more cases; checked without one.
        fewer.workforce.max_recruitment_starts_per_month = None;
        let permanent: Vec<usize> = (0..fewer.staff.len())
            .filter(|index| {
                let group = &fewer.staff[*index];
                !group.agency && group.span_of_control.is_none()
            })
            .collect();
        prop_assume!(!permanent.is_empty());
        let group = permanent[pick_group % permanent.len()];
        if !fewer.staff[group].holds_cases() {
            fewer.staff[group].caseload_cap = 20.0;
            fewer.staff[group].case_time_percent = 50.0;
        }
        let mut more = fewer.clone();
        more.staff[group].fte += extra_fte;
        more.staff[group].establishment += extra_fte;
        prop_assume!(validate(&more).is_empty());
        let (fewer, more) = (project(&fewer), project(&more));
        let (mut entered_few, mut entered_many) = (0.0, 0.0);
        for (few, many) in fewer.rows.iter().zip(&more.rows) {
            entered_few += few.flows.new_care_entries + few.flows.protection_to_care;
            entered_many += many.flows.new_care_entries + many.flows.protection_to_care;
            prop_assert!(
                entered_many <= entered_few || close(entered_many, entered_few),
                "{} entered care with more staff, {} with fewer", entered_many, entered_few
            );
        }
    }

    /// Switched off, the effect's inputs change nothing, bit for bit; switched on at
    /// strength 0 it changes nothing either.
    #[test]
    fn workload_effect_switched_off_or_at_strength_zero_changes_nothing(scenario in scenarios()) {
        let mut off = scenario;
        off.demand.workload_effect.enabled = false;
        let baseline = project(&off);
        let mut other_inputs = off.clone();
        other_inputs.demand.workload_effect.strength = 7.5;
        other_inputs.demand.workload_effect.max_change_percent = 80.0;
        other_inputs.demand.workload_effect.rereferral_percent = 60.0;
        prop_assert_eq!(&project(&other_inputs).rows, &baseline.rows);
        let mut at_zero = off.clone();
        at_zero.demand.workload_effect.enabled = true;
        at_zero.demand.workload_effect.strength = 0.0;
        prop_assert_eq!(&project(&at_zero).rows, &baseline.rows);
    }
}

/// An over-capacity scenario for the burnout property: the default council with
/// its staff cut (or its cases raised) at random, any agency, recruitment and
/// supply inputs, and a few recruitments and cap changes.
fn over_cap_scenarios() -> impl Strategy<Value = Scenario> {
    (
        proptest::collection::vec(0.0..1.0f64, 40),
        proptest::collection::vec((0usize..3, 0.0..1.0f64, 0i32..30, 1u32..24), 0..3),
        12u32..=60,
    )
        .prop_map(|(units, actions, horizon)| {
            let mut next = units.iter().copied().cycle();
            let mut u = move || next.next().unwrap_or(0.5);
            let mut scenario = caseload::io::default_scenario();
            scenario.horizon_months = horizon;
            scenario.demand.referrals_per_month *= 1.0 + u();
            scenario.demand.children_in_need *= 1.0 + u();
            let staff_cut = pick(u(), 0.3, 0.95);
            for group in &mut scenario.staff {
                group.fte *= staff_cut;
                group.turnover_percent_per_year = pick(u(), 0.0, 60.0);
                if !group.agency {
                    group.establishment = group.fte / staff_cut * pick(u(), 0.8, 1.3);
                }
                group.case_time_percent = if group.case_time_percent > 0.0 && !group.agency {
                    pick(u(), 5.0, 100.0)
                } else {
                    0.0
                };
            }
            let policy = &mut scenario.workforce;
            policy.recruitment_percent_per_month = pick(u(), 0.0, 100.0);
            policy.time_to_hire_months = pick(u(), 1.0, 12.0);
            // No shared limit on recruitment starts: it splits the starts between
            // groups by their gaps, so burnout in one group can move starts from a
            // group that holds no cases to one that does and raise capacity a little
            // (a property of the shared limit, not of burnout or agency).
            policy.max_recruitment_starts_per_month = None;
            policy.agency_cover_percent = pick(u(), 0.0, 100.0);
            policy.new_post_agency_cover_percent = pick(u(), 0.0, 100.0);
            policy.agency_adjust_months = pick(u(), 1.0, 6.0);
            policy.max_agency_fte = (u() < 0.3).then(|| pick(u(), 0.0, 100.0));
            policy.max_agency_percent = (u() < 0.7).then(|| pick(u(), 0.0, 100.0));
            policy.burnout.enabled = true;
            policy.burnout.max_multiplier = pick(u(), 1.0, 5.0);
            let start = scenario.start;
            let groups: Vec<String> = scenario
                .staff
                .iter()
                .filter(|group| !group.agency && group.span_of_control.is_none())
                .map(|group| group.id.clone())
                .collect();
            for (index, (kind, a, start_offset, months)) in actions.into_iter().enumerate() {
                let group = groups[index % groups.len()].clone();
                let action = match kind {
                    0 => Action::Recruit {
                        group,
                        extra_fte: pick(a, 0.0, 100.0),
                        over_months: months,
                    },
                    1 => Action::SetCaseloadCap {
                        group,
                        cap: pick(a, 5.0, 40.0),
                    },
                    _ => Action::ContractedTeam {
                        cases: pick(a, 0.0, 300.0),
                        months,
                        total_cost_gbp: 1_000_000.0,
                    },
                };
                scenario.interventions.push(Intervention {
                    label: format!("Intervention {index}"),
                    enabled: true,
                    start: start.plus(start_offset),
                    action,
                });
            }
            scenario
        })
        .prop_filter("over capacity at the start", |scenario| {
            project(scenario).rows[0]
                .workload
                .load
                .is_none_or(|load| load > 1.0)
        })
}

/// The end caseload, "no capacity" counting as the highest of all.
fn end_caseload(scenario: &Scenario) -> f64 {
    project(scenario)
        .rows
        .last()
        .and_then(|row| row.workload.average_caseload)
        .unwrap_or(f64::INFINITY)
}

fn agency_spend(scenario: &Scenario) -> f64 {
    project(scenario)
        .rows
        .iter()
        .map(|row| row.spend.agency_staff)
        .sum()
}

/// How far (relative) stronger burnout may leave the end caseload or agency spend
/// below weaker burnout: 0.5%. Not zero, because of the model's delays: a weaker
/// case still getting worse at the end has agency cover and recruitment a month or
/// so behind it, while a stronger one that settled earlier has caught up (the same
/// happens in the Gloucestershire example between strengths 5 and 10: 26.43 and
/// 26.40). A search also found newly qualified staff moving up into a group already
/// over its establishment, where recruitment opened by earlier leavers arrives after
/// the posts were filled: 92.55 cases at strength 3.8 against 92.66 at 1.2 (0.12%;
/// kept in the regressions file). Gaps are of that order, against the 3% the issue
/// measured the wrong way.
const TOLERANCE: f64 = 5e-3;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// Burnout pushes the right way: more burnout strength never lowers the end
    /// caseload or the agency spend.
    #[test]
    fn more_burnout_never_lowers_the_end_caseload_or_agency_spend(
        scenario in over_cap_scenarios(),
        strengths in (0.0..50.0f64, 0.0..50.0f64),
    ) {
        let (weaker, stronger) = if strengths.0 <= strengths.1 {
            strengths
        } else {
            (strengths.1, strengths.0)
        };
        let mut weak = scenario.clone();
        weak.workforce.burnout.strength = weaker;
        let mut strong = scenario;
        strong.workforce.burnout.strength = stronger;
        let (weak_caseload, strong_caseload) = (end_caseload(&weak), end_caseload(&strong));
        prop_assert!(
            strong_caseload >= weak_caseload * (1.0 - TOLERANCE),
            "end caseload {} at strength {} but {} at {}",
            strong_caseload, stronger, weak_caseload, weaker
        );
        let (weak_agency, strong_agency) = (agency_spend(&weak), agency_spend(&strong));
        prop_assert!(
            strong_agency >= weak_agency * (1.0 - TOLERANCE) - 1e-6,
            "agency spend {} at strength {} but {} at {}",
            strong_agency, stronger, weak_agency, weaker
        );
    }
}
