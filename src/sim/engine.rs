//! The monthly projection: demand, workload, workforce and money, month by month.
//!
//! Each month reads the stocks and staff at its start, works out the flows during
//! the month from them, and carries the result to the start of the next month
//! (explicit monthly steps). The equations are in [`super::equations`].
//!
//! Everything that does not change from month to month (rates per month, pay per
//! FTE, shares) is worked out once before the loop, and the loop writes into
//! buffers sized for the whole horizon, so a month costs only arithmetic.

use crate::model::{PlacementKind, Scenario, StaffGroup, WorkforcePolicy};

use super::equations as eq;
use super::plan::Plan;
use super::projection::{
    Flows, GroupInfo, GroupMonth, MonthRow, Projection, Spend, Staffing, Stocks, Workload,
};
use super::years::summarise_years;

/// Projects a scenario over its horizon. The scenario should have passed
/// [`crate::model::validate`]; an invalid one still projects without panicking, but
/// its figures mean little.
pub fn project(scenario: &Scenario) -> Projection {
    let mut rows = Vec::new();
    let mut group_rows = Vec::new();
    project_months(scenario, &mut rows, Detail::Full(&mut group_rows));
    let years = summarise_years(scenario, &rows);
    Projection {
        groups: scenario
            .staff
            .iter()
            .map(|group| GroupInfo {
                id: group.id.clone(),
                name: group.name.clone(),
                agency: group.agency,
                holds_cases: group.holds_cases(),
            })
            .collect(),
        rows,
        group_rows,
        years,
        intervention_starts: scenario
            .interventions
            .iter()
            .filter(|intervention| intervention.enabled)
            .map(|intervention| (intervention.label.clone(), intervention.start))
            .collect(),
    }
}

/// What the monthly loop needs of one staff group, worked out once.
struct GroupConstants {
    agency: bool,
    holds_cases: bool,
    manager: bool,
    /// Share of working time spent holding cases (0 to 1).
    case_time_share: f64,
    /// Leavers per FTE per month before any burnout effect.
    turnover_rate: f64,
    /// FTE moving to the next group per FTE per month (0 with nowhere to go).
    progression_rate: f64,
    /// Pay per FTE per month (£), agency premium included for the agency group.
    pay_per_fte: f64,
    /// The permanent group this one's staff move on to, if any.
    progression_target: Option<usize>,
}

impl GroupConstants {
    fn new(
        group: &StaffGroup,
        policy: &WorkforcePolicy,
        progression_target: Option<usize>,
    ) -> Self {
        let premium = if group.agency {
            policy.agency_premium_percent
        } else {
            0.0
        };
        Self {
            agency: group.agency,
            holds_cases: group.holds_cases(),
            manager: group.span_of_control.is_some(),
            case_time_share: eq::case_holding_fte(1.0, group.case_time_percent),
            turnover_rate: eq::monthly_leavers(1.0, group.turnover_percent_per_year, 1.0),
            progression_rate: if group.progresses_to.is_some() {
                eq::exit_rate(group.progression_months)
            } else {
                0.0
            },
            pay_per_fte: eq::monthly_pay_cost(
                1.0,
                group.annual_salary_gbp,
                group.on_cost_percent,
                premium,
            ),
            progression_target: progression_target.filter(|_| !group.agency),
        }
    }
}

/// The demand rates, per month, worked out once.
struct DemandRates {
    referrals_per_month: f64,
    /// Shares of referrals (0 to 1).
    to_child_in_need: f64,
    to_child_protection: f64,
    into_care: f64,
    /// [closed, stepped up to a plan], scaled so they never empty more than the stock.
    child_in_need_exits: [f64; 2],
    /// [plan ended, child taken into care].
    protection_exits: [f64; 2],
    /// Share of ended plans stepping down to child in need (0 to 1).
    step_down_share: f64,
    leave_care_rate: f64,
    /// Share of children leaving care who become supported care leavers (0 to 1).
    care_leaver_share: f64,
    care_leaver_exit: [f64; 1],
    /// Weights of children in need, on plans, in care and care leavers as cases.
    case_weights: [f64; 4],
}

impl DemandRates {
    fn new(scenario: &Scenario) -> Self {
        let demand = &scenario.demand;
        let outcomes = &demand.referral_outcomes;
        let weights = &demand.case_weights;
        Self {
            referrals_per_month: demand.referrals_per_month,
            to_child_in_need: outcomes.child_in_need_percent / 100.0,
            to_child_protection: outcomes.child_protection_percent / 100.0,
            into_care: outcomes.into_care_percent / 100.0,
            child_in_need_exits: eq::bounded_rates([
                eq::exit_rate(demand.child_in_need_months),
                demand.child_in_need_to_protection_percent_per_month / 100.0,
            ]),
            protection_exits: eq::bounded_rates([
                eq::exit_rate(demand.child_protection_months),
                demand.protection_to_care_percent_per_month / 100.0,
            ]),
            step_down_share: (demand.protection_step_down_percent / 100.0).clamp(0.0, 1.0),
            leave_care_rate: eq::exit_rate(demand.looked_after_months),
            care_leaver_share: (demand.care_leaver_percent / 100.0).clamp(0.0, 1.0),
            care_leaver_exit: eq::bounded_rates([eq::exit_rate(demand.care_leaver_months)]),
            case_weights: [
                weights.child_in_need,
                weights.child_protection,
                weights.looked_after,
                weights.care_leaver,
            ],
        }
    }
}

/// One staff group in the current month (FTE, and FTE per month for flows).
#[derive(Clone, Copy, Default)]
struct GroupState {
    fte: f64,
    recruiting: f64,
    establishment: f64,
    cap: f64,
    leavers: f64,
    progressed: f64,
    hires: f64,
    starts: f64,
    converted_in: f64,
}

/// How much of each month [`project_months`] records.
pub enum Detail<'a> {
    /// Everything: the month rows, and one row per month and staff group (month by
    /// month) into this buffer.
    Full(&'a mut Vec<GroupMonth>),
    /// What Monte Carlo draws need: the month rows, without group rows and without
    /// the share of staff over their cap (left `None`).
    Summary,
}

/// The monthly loop: fills `rows` with one row per month, reusing its memory (and
/// that of the group rows), so that Monte Carlo runs can call it draw after draw
/// with the same buffers.
pub fn project_months(scenario: &Scenario, rows: &mut Vec<MonthRow>, detail: Detail<'_>) {
    let mut group_rows = match detail {
        Detail::Full(group_rows) => Some(group_rows),
        Detail::Summary => None,
    };
    let full = group_rows.is_some();
    let horizon = scenario.horizon_months as usize;
    let group_count = scenario.staff.len();
    rows.clear();
    rows.reserve(horizon);
    if let Some(group_rows) = group_rows.as_deref_mut() {
        group_rows.clear();
        group_rows.reserve(horizon * group_count);
    }

    let plan = Plan::new(scenario);
    let policy = &scenario.workforce;
    let groups: Vec<GroupConstants> = scenario
        .staff
        .iter()
        .enumerate()
        .map(|(index, group)| GroupConstants::new(group, policy, plan.progression_target(index)))
        .collect();
    let rates = DemandRates::new(scenario);
    let agency_index = scenario.agency_group_index();
    let hire_rate = eq::monthly_hires(1.0, policy.time_to_hire_months);
    let recruitment_share = eq::recruitment_starts(1.0, policy.recruitment_percent_per_month);
    let agency_cover_share = policy.agency_cover_percent / 100.0;
    let spread_percent = policy.caseload_spread_percent;
    let new_entry_shares = placement_shares(|kind| scenario.placements.get(kind).new_entry_percent);
    let weekly_costs = PlacementKind::ALL.map(|kind| scenario.placements.get(kind).weekly_cost_gbp);
    let base_early_help = scenario.money.early_help_per_year_gbp / 12.0;
    let base_other = scenario.money.other_costs_per_month_gbp;

    let mut stocks = opening_stocks(scenario);
    let fte: Vec<f64> = scenario
        .staff
        .iter()
        .map(|group| group.fte.max(0.0))
        .collect();
    let recruiting = opening_recruitment(scenario, &fte);
    let mut states: Vec<GroupState> = fte
        .iter()
        .zip(&recruiting)
        .map(|(fte, recruiting)| GroupState {
            fte: *fte,
            recruiting: *recruiting,
            ..GroupState::default()
        })
        .collect();
    // The plan writes each month's posts and caps here.
    let mut establishment = vec![0.0; group_count];
    let mut caps = vec![0.0; group_count];

    // Growth and seasons worked out once, then stepped month by month.
    let seasonal = eq::seasonal_multipliers(&scenario.demand.seasonality);
    let mut referral_growth =
        eq::CompoundGrowth::new(scenario.demand.referral_growth_percent_per_year);
    let mut cost_growth = PlacementKind::ALL.map(|kind| {
        eq::CompoundGrowth::new(scenario.placements.get(kind).cost_growth_percent_per_year)
    });
    // The budget changes once a financial year.
    let mut budget_year = None;
    let mut monthly_budget = 0.0;

    for (offset, month) in scenario.months().enumerate() {
        let t = offset as i32;
        let year = month.financial_year();
        if budget_year != Some(year) {
            budget_year = Some(year);
            monthly_budget = scenario.money.budget_for(year) / 12.0;
        }

        // Dated plan for this month; posts and caps only where they change.
        if plan.establishment_changes(t) {
            plan.establishment(t, &mut establishment);
            for (state, posts) in states.iter_mut().zip(&establishment) {
                state.establishment = *posts;
            }
        }
        if plan.caps_change(t) {
            plan.caseload_caps(t, &mut caps);
            for (state, cap) in states.iter_mut().zip(&caps) {
                state.cap = *cap;
            }
        }
        let contracted_capacity = plan.contracted_capacity(t);

        // --- Demand ---
        let flows = demand_flows(
            &rates,
            &stocks,
            referral_growth.factor() * seasonal[(month.month_number() - 1) as usize],
            plan.referral_factor(t),
            plan.care_entry_factor(t),
            plan.in_house_foster_places(t),
            &new_entry_shares,
        );

        // --- Workload, on the stocks and staff at the start of the month ---
        let workload = workload(&rates, &stocks, &groups, &states, contracted_capacity);

        // --- Workforce ---
        let turnover_multiplier = if policy.burnout.enabled {
            eq::burnout_multiplier(
                workload.load,
                policy.burnout.strength,
                policy.burnout.max_multiplier,
            )
        } else {
            1.0
        };
        let mut spend = Spend {
            early_help: base_early_help + plan.early_help_cost(t),
            contracted_teams: plan.contracted_cost(t),
            other: base_other + plan.extra_spending(t),
            ..Spend::default()
        };
        let staff_flows = staff_month(
            &groups,
            &mut states,
            &StaffRates {
                turnover_multiplier,
                hire_rate,
                recruitment_share,
            },
            &workload,
            &mut spend,
            group_rows.as_deref_mut(),
        );
        let starts_total = staff_flows.starts;
        if let Some(max_starts) = policy.max_recruitment_starts_per_month
            && starts_total > max_starts
            && starts_total > 0.0
        {
            let scale = max_starts.max(0.0) / starts_total;
            states.iter_mut().for_each(|state| state.starts *= scale);
        }

        // Agency cover and conversions to permanent posts.
        states.iter_mut().for_each(|state| state.converted_in = 0.0);
        let mut agency_adjust = 0.0;
        let mut converted_total = 0.0;
        if let Some(agency) = agency_index {
            let target = staff_flows.case_holding_vacancies * agency_cover_share;
            let agency_fte = states.get(agency).map_or(0.0, |state| state.fte);
            agency_adjust = eq::agency_adjustment(agency_fte, target, policy.agency_adjust_months);
            let mut available = (agency_fte + agency_adjust).max(0.0);
            for conversion in plan.conversions_in(t) {
                let moved = conversion.fte_per_month.min(available);
                available -= moved;
                if let Some(state) = states.get_mut(conversion.group) {
                    state.converted_in += moved;
                }
                converted_total += moved;
            }
        }

        // --- Money (staff pay is in `staff_month`) ---
        for (index, growth) in cost_growth.iter_mut().enumerate() {
            spend.placements += eq::monthly_placement_cost(
                stocks.looked_after_by_placement[index],
                weekly_costs[index],
                growth.factor(),
            );
            growth.advance();
        }
        referral_growth.advance();

        let totals = staff_flows.totals;
        let hires_total = totals.hires;
        spend.recruitment = hires_total * policy.cost_per_hire_gbp;

        // --- Carry everything to the start of the next month ---
        let (permanent_fte_at_end, agency_fte_at_end) = carry_staff(
            &groups,
            agency_index,
            agency_adjust,
            converted_total,
            &mut states,
        );
        let opening = stocks;
        stocks = next_stocks(&opening, &flows);

        rows.push(MonthRow {
            month,
            stocks: opening,
            flows: flows.flows,
            workload,
            staffing: Staffing {
                permanent_fte: totals.permanent_fte,
                agency_fte: totals.agency_fte,
                establishment: totals.establishment,
                vacancies: totals.vacancies,
                agency_share: share(totals.agency_fte, totals.permanent_fte + totals.agency_fte),
                leavers: staff_flows.leavers,
                hires: hires_total,
                turnover_multiplier,
                workers_per_manager: (totals.manager_fte > eq::NO_CAPACITY_FTE)
                    .then(|| totals.worker_fte / totals.manager_fte),
                permanent_fte_at_end,
                agency_fte_at_end,
            },
            spend,
            funding_received: plan.funding_received(t),
            monthly_budget,
            looked_after_at_end: stocks.looked_after(),
        });
    }
    // This share feeds nothing back, so it is worked out here, where the months do
    // not wait on one another (its division and exponential are slow in the loop).
    for row in rows.iter_mut().filter(|_| full) {
        row.workload.share_of_staff_over_cap =
            share_of_staff_over_cap(&row.workload, spread_percent);
    }
}

/// The month's rates that apply to every permanent group.
struct StaffRates {
    /// Burnout multiplier on case holders' turnover (1 = none).
    turnover_multiplier: f64,
    /// New starters per FTE being recruited per month.
    hire_rate: f64,
    /// Share of the unfilled gap for which recruitment starts this month.
    recruitment_share: f64,
}

/// Totals of one month's staff over all groups.
struct StaffMonthTotals {
    /// Leavers (FTE per month).
    leavers: f64,
    /// Recruitment started (FTE per month), before any monthly limit.
    starts: f64,
    /// Vacancies in case-holding permanent groups (FTE).
    case_holding_vacancies: f64,
    totals: StaffTotals,
}

/// One pass over the staff groups at the start of a month: leavers, progressions,
/// new starters and recruitment started in each permanent group (written into its
/// state), pay (into `spend`), sums over groups, and the month's group rows when
/// `group_rows` is given.
#[inline(never)]
fn staff_month(
    groups: &[GroupConstants],
    states: &mut [GroupState],
    rates: &StaffRates,
    workload: &Workload,
    spend: &mut Spend,
    mut group_rows: Option<&mut Vec<GroupMonth>>,
) -> StaffMonthTotals {
    let mut month = StaffMonthTotals {
        leavers: 0.0,
        starts: 0.0,
        case_holding_vacancies: 0.0,
        totals: StaffTotals::default(),
    };
    let totals = &mut month.totals;
    let holds_any = workload.case_holding_fte > eq::NO_CAPACITY_FTE;
    for (group, state) in groups.iter().zip(states) {
        let fte = state.fte;
        let pay = fte * group.pay_per_fte;
        let vacancies = eq::vacancies(state.establishment, fte);
        if group.agency {
            state.leavers = 0.0;
            state.progressed = 0.0;
            state.hires = 0.0;
            state.starts = 0.0;
            spend.agency_staff += pay;
            totals.agency_fte += fte;
        } else {
            let multiplier = if group.holds_cases {
                rates.turnover_multiplier
            } else {
                1.0
            };
            let [leavers, moving_on] = eq::bounded_outflows(
                fte,
                [group.turnover_rate * multiplier, group.progression_rate],
            );
            state.leavers = leavers;
            state.progressed = moving_on;
            state.hires = state.recruiting * rates.hire_rate;
            state.starts = eq::unfilled_gap(state.establishment, fte, state.recruiting)
                * rates.recruitment_share;
            month.leavers += leavers;
            month.starts += state.starts;
            if group.holds_cases {
                month.case_holding_vacancies += vacancies;
            }
            spend.permanent_staff += pay;
            totals.permanent_fte += fte;
            totals.establishment += state.establishment;
            totals.vacancies += vacancies;
        }
        if group.manager {
            totals.manager_fte += fte;
        } else if group.holds_cases {
            totals.worker_fte += fte;
        }
        totals.hires += state.hires;
        if let Some(group_rows) = group_rows.as_deref_mut() {
            group_rows.push(GroupMonth {
                fte,
                establishment: if group.agency {
                    0.0
                } else {
                    state.establishment
                },
                vacancies: if group.agency { 0.0 } else { vacancies },
                caseload_cap: state.cap,
                caseload: workload
                    .load
                    .map(|load| load * state.cap)
                    .filter(|_| holds_any),
                leavers: state.leavers,
                hires: state.hires,
                progressed: state.progressed,
                recruiting: state.recruiting,
                pay,
            });
        }
    }
    month
}

/// Workload against capacity, on the stocks and staff at the start of a month.
#[inline(never)]
fn workload(
    rates: &DemandRates,
    stocks: &Stocks,
    groups: &[GroupConstants],
    states: &[GroupState],
    contracted_capacity: f64,
) -> Workload {
    let cases = eq::weighted_cases(
        [
            stocks.children_in_need,
            stocks.child_protection,
            stocks.looked_after(),
            stocks.care_leavers,
        ],
        rates.case_weights,
    );
    let mut staff_capacity = 0.0;
    let mut case_holding = 0.0;
    for (group, state) in groups.iter().zip(states) {
        let holding = state.fte * group.case_time_share;
        case_holding += holding;
        staff_capacity += eq::group_capacity(holding, state.cap);
    }
    let for_staff = eq::cases_for_staff(cases, contracted_capacity);
    let load = eq::load_ratio(for_staff, staff_capacity);
    Workload {
        cases,
        contracted_capacity,
        staff_capacity,
        case_holding_fte: case_holding,
        average_caseload: eq::average_caseload(for_staff, case_holding),
        average_cap: eq::average_caseload(staff_capacity, case_holding),
        load,
        over_capacity_cases: eq::over_capacity_cases(for_staff, staff_capacity),
        // Filled in after the loop by `share_of_staff_over_cap`.
        share_of_staff_over_cap: None,
    }
}

/// Share of case-holding staff over their own cap (0 to 1); `None` with no
/// case-holding staff, 1 with cases and no capacity.
fn share_of_staff_over_cap(workload: &Workload, spread_percent: f64) -> Option<f64> {
    (workload.case_holding_fte > eq::NO_CAPACITY_FTE).then(|| {
        workload.load.map_or(1.0, |load| {
            eq::share_of_staff_over_cap(load, spread_percent)
        })
    })
}

/// Moves every group's FTE and recruitment pipeline on to the start of the next
/// month; returns permanent and agency FTE at the end of the month.
#[inline(never)]
fn carry_staff(
    groups: &[GroupConstants],
    agency_index: Option<usize>,
    agency_adjust: f64,
    converted_total: f64,
    states: &mut [GroupState],
) -> (f64, f64) {
    let mut permanent = 0.0;
    let mut agency = 0.0;
    for (index, state) in states.iter_mut().enumerate() {
        if Some(index) == agency_index {
            state.fte = (state.fte + agency_adjust - converted_total).max(0.0);
            agency += state.fte;
            continue;
        }
        state.fte =
            (state.fte - state.leavers - state.progressed + state.hires + state.converted_in)
                .max(0.0);
        state.recruiting = (state.recruiting - state.hires + state.starts).max(0.0);
        // Progression below only moves FTE between permanent groups.
        permanent += state.fte;
    }
    for (index, group) in groups.iter().enumerate() {
        if let Some(target) = group.progression_target {
            let moved = states[index].progressed;
            states[target].fte += moved;
        }
    }
    (permanent, agency)
}

/// The recruitment pipeline at the start, in its steady state: enough starters on
/// the way to replace a month's leavers and progressions for the time it takes to
/// hire, and no more than the vacancies (FTE):
/// `recruiting = min(vacancies, (leavers + progressions per month) x time to hire)`.
fn opening_recruitment(scenario: &Scenario, fte: &[f64]) -> Vec<f64> {
    let time_to_hire = scenario.workforce.time_to_hire_months.max(1.0);
    scenario
        .staff
        .iter()
        .zip(fte)
        .map(|(group, fte)| {
            if group.agency || group.span_of_control.is_some() {
                return 0.0;
            }
            let progressing = if group.progresses_to.is_some() {
                eq::monthly_progression(*fte, group.progression_months)
            } else {
                0.0
            };
            let leaving = eq::monthly_leavers(*fte, group.turnover_percent_per_year, 1.0);
            ((leaving + progressing) * time_to_hire)
                .min(eq::vacancies(group.establishment, *fte))
                .max(0.0)
        })
        .collect()
}

fn share(part: f64, whole: f64) -> f64 {
    if whole > 0.0 { part / whole } else { 0.0 }
}

/// Stocks at the start: looked-after children split by the current placement mix.
fn opening_stocks(scenario: &Scenario) -> Stocks {
    let demand = &scenario.demand;
    let shares = placement_shares(|kind| scenario.placements.get(kind).current_percent);
    Stocks {
        children_in_need: demand.children_in_need.max(0.0),
        child_protection: demand.child_protection.max(0.0),
        looked_after_by_placement: shares.map(|share| demand.looked_after.max(0.0) * share),
        care_leavers: demand.care_leavers.max(0.0),
    }
}

/// Placement shares (0 to 1) rescaled to sum to exactly 1, so that splitting
/// children never creates or loses one. All zero puts everyone in "other".
fn placement_shares(percent: impl Fn(PlacementKind) -> f64) -> [f64; 5] {
    let raw = PlacementKind::ALL.map(|kind| percent(kind).max(0.0));
    let total: f64 = raw.iter().sum();
    if total > 0.0 && total.is_finite() {
        raw.map(|value| value / total)
    } else {
        let mut shares = [0.0; 5];
        shares[PlacementKind::Other.index()] = 1.0;
        shares
    }
}

/// Flows of children in one month, with where new entries to care are placed.
struct DemandFlows {
    flows: Flows,
    /// New entries to care (from referrals and from plans) by placement kind.
    entries_by_placement: [f64; 5],
    /// Children leaving care by placement kind.
    exits_by_placement: [f64; 5],
}

#[allow(clippy::too_many_arguments)]
#[inline(never)]
fn demand_flows(
    rates: &DemandRates,
    stocks: &Stocks,
    // Growth factor times the seasonal multiplier for this month.
    growth_and_season: f64,
    referral_factor: f64,
    care_entry_factor: f64,
    in_house_places: Option<f64>,
    new_entry_shares: &[f64; 5],
) -> DemandFlows {
    let referrals = eq::referrals(
        rates.referrals_per_month,
        growth_and_season,
        1.0,
        referral_factor,
    )
    .max(0.0);
    let care_entries_before_early_help = referrals * rates.into_care;
    let new_care_entries = care_entries_before_early_help * care_entry_factor;

    let [child_in_need_closed, child_in_need_to_protection] =
        eq::outflows(stocks.children_in_need, rates.child_in_need_exits);
    let [protection_ended, protection_to_care] =
        eq::outflows(stocks.child_protection, rates.protection_exits);
    let protection_stepped_down = protection_ended * rates.step_down_share;

    let leave_rate = rates.leave_care_rate;
    let exits_by_placement = stocks
        .looked_after_by_placement
        .map(|stock| stock * leave_rate);
    let left_care: f64 = exits_by_placement.iter().sum();
    let new_care_leavers = left_care * rates.care_leaver_share;

    // Place new entries by the new-entry mix; in-house foster care takes only what
    // its free places allow and the rest go to independent fostering agencies.
    let entries = new_care_entries + protection_to_care;
    let mut entries_by_placement = new_entry_shares.map(|share| entries * share);
    let mut in_house_overflow = 0.0;
    if let Some(places) = in_house_places {
        let in_house = PlacementKind::InHouseFoster.index();
        let occupied = stocks.looked_after_by_placement[in_house] - exits_by_placement[in_house];
        let free = (places - occupied).max(0.0);
        if entries_by_placement[in_house] > free {
            in_house_overflow = entries_by_placement[in_house] - free;
            entries_by_placement[in_house] = free;
            entries_by_placement[PlacementKind::IndependentFostering.index()] += in_house_overflow;
        }
    }

    let [care_leavers_closed] = eq::outflows(stocks.care_leavers, rates.care_leaver_exit);

    DemandFlows {
        flows: Flows {
            referrals,
            new_child_in_need: referrals * rates.to_child_in_need,
            new_child_protection: referrals * rates.to_child_protection,
            new_care_entries,
            prevented_care_entries: care_entries_before_early_help - new_care_entries,
            child_in_need_closed,
            child_in_need_to_protection,
            protection_closed: protection_ended - protection_stepped_down,
            protection_stepped_down,
            protection_to_care,
            left_care,
            new_care_leavers,
            care_leavers_closed,
            in_house_overflow,
        },
        entries_by_placement,
        exits_by_placement,
    }
}

/// Stocks at the start of the next month: each stock plus its inflows minus its
/// outflows (clamped at zero against rounding).
#[inline(never)]
fn next_stocks(opening: &Stocks, demand_flows: &DemandFlows) -> Stocks {
    let flows = &demand_flows.flows;
    let mut looked_after_by_placement = opening.looked_after_by_placement;
    for (index, stock) in looked_after_by_placement.iter_mut().enumerate() {
        *stock = (*stock + demand_flows.entries_by_placement[index]
            - demand_flows.exits_by_placement[index])
            .max(0.0);
    }
    Stocks {
        children_in_need: (opening.children_in_need
            + flows.new_child_in_need
            + flows.protection_stepped_down
            - flows.child_in_need_closed
            - flows.child_in_need_to_protection)
            .max(0.0),
        child_protection: (opening.child_protection
            + flows.new_child_protection
            + flows.child_in_need_to_protection
            - flows.protection_closed
            - flows.protection_stepped_down
            - flows.protection_to_care)
            .max(0.0),
        looked_after_by_placement,
        care_leavers: (opening.care_leavers + flows.new_care_leavers - flows.care_leavers_closed)
            .max(0.0),
    }
}

/// Staff in post and posts, summed over groups.
#[derive(Default)]
struct StaffTotals {
    permanent_fte: f64,
    agency_fte: f64,
    establishment: f64,
    vacancies: f64,
    manager_fte: f64,
    /// Case-holding staff other than managers.
    worker_fte: f64,
    hires: f64,
}
