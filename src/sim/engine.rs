//! The monthly projection: demand, workload, workforce and money, month by month.
//!
//! Each month reads the stocks and staff at its start, works out the flows during
//! the month from them, and carries the result to the start of the next month
//! (explicit monthly steps). The equations are in [`super::equations`].
//!
//! Everything that does not change from month to month (rates per month, pay per
//! FTE, shares) is worked out once before the loop, and the loop writes into
//! buffers sized for the whole horizon, so a month costs only arithmetic.

use crate::model::{
    FinancialYear, Month, PlacementKind, Scenario, StaffGroup, WorkforcePolicy, WorkloadEffect,
};

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
            turnover_rate: eq::monthly_turnover_rate(group.turnover_percent_per_year),
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
    /// The same two pairs before scaling, [closing rate, step-up rate], for the
    /// months in which workload changes practice.
    child_in_need_rates: [f64; 2],
    protection_rates: [f64; 2],
    /// Share of referrals that are re-referrals (0 to 1).
    rereferral_share: f64,
    /// Share of ended plans stepping down to child in need (0 to 1).
    step_down_share: f64,
    leave_care_rate: f64,
    /// Share of children leaving care who become supported care leavers (0 to 1).
    care_leaver_share: f64,
    care_leaver_exit: [f64; 1],
    /// Weights of children in need, on plans, in care and care leavers as cases.
    case_weights: [f64; 4],
    /// Where new entries to care are placed (shares adding up to 1).
    new_entry_shares: [f64; 5],
}

impl DemandRates {
    fn new(scenario: &Scenario) -> Self {
        let demand = &scenario.demand;
        let outcomes = &demand.referral_outcomes;
        let weights = &demand.case_weights;
        let child_in_need_rates = [
            eq::exit_rate(demand.child_in_need_months),
            eq::percent_share(demand.child_in_need_to_protection_percent_per_month),
        ];
        let protection_rates = [
            eq::exit_rate(demand.child_protection_months),
            eq::percent_share(demand.protection_to_care_percent_per_month),
        ];
        Self {
            referrals_per_month: demand.referrals_per_month,
            to_child_in_need: eq::percent_share(outcomes.child_in_need_percent),
            to_child_protection: eq::percent_share(outcomes.child_protection_percent),
            into_care: eq::percent_share(outcomes.into_care_percent),
            child_in_need_exits: eq::bounded_rates(child_in_need_rates),
            protection_exits: eq::bounded_rates(protection_rates),
            child_in_need_rates,
            protection_rates,
            rereferral_share: eq::bounded_share(demand.workload_effect.rereferral_percent),
            step_down_share: eq::bounded_share(demand.protection_step_down_percent),
            leave_care_rate: eq::exit_rate(demand.looked_after_months),
            care_leaver_share: eq::bounded_share(demand.care_leaver_percent),
            care_leaver_exit: eq::bounded_rates([eq::exit_rate(demand.care_leaver_months)]),
            case_weights: [
                weights.child_in_need,
                weights.child_protection,
                weights.looked_after,
                weights.care_leaver,
            ],
            new_entry_shares: placement_shares(|kind| {
                scenario.placements.get(kind).new_entry_percent
            }),
        }
    }
}

/// Everything about a scenario that does not change from month to month, worked out
/// once per projection.
struct MonthlyModel<'a> {
    policy: &'a WorkforcePolicy,
    plan: Plan,
    groups: Vec<GroupConstants>,
    rates: DemandRates,
    agency_index: Option<usize>,
    staff_rates: StaffRates,
    /// Share of the vacant case-holding capacity that agency staff cover
    /// (`agency_cover% / 100`), in existing posts and in new posts.
    agency_cover_share: f64,
    new_post_agency_cover_share: f64,
    /// Share of an agency worker's time spent on cases (0 to 1; 0 without an agency group).
    agency_case_time_share: f64,
    /// Most agency FTE the market gives the council ([`eq::agency_supply_limit`]).
    agency_supply_limit: Option<f64>,
    /// Funded posts at the start, before any intervention (managers' from their span).
    opening_establishment: Vec<f64>,
    /// Seasonal multipliers, January first.
    seasonal: [f64; 12],
    weekly_costs: [f64; 5],
    /// Base early help and other costs (£ per month), before interventions.
    base_early_help: f64,
    base_other: f64,
    /// Workload affects practice; `None` when switched off.
    workload_effect: Option<&'a WorkloadEffect>,
    /// Pay after one award, per pay before it (`1 + award% / 100`).
    pay_award_step: f64,
    /// Calendar month (1 to 12) in which each year's pay award lands.
    pay_award_month: u32,
}

impl<'a> MonthlyModel<'a> {
    fn new(scenario: &'a Scenario) -> Self {
        let plan = Plan::new(scenario);
        let policy = &scenario.workforce;
        let groups: Vec<GroupConstants> = scenario
            .staff
            .iter()
            .enumerate()
            .map(|(index, group)| {
                GroupConstants::new(group, policy, plan.progression_target(index))
            })
            .collect();
        let agency_index = scenario.agency_group_index();
        let agency_at_start = agency_index
            .and_then(|index| scenario.staff.get(index))
            .map_or(0.0, |group| group.fte.max(0.0));
        let permanent_case_holders_at_start: f64 = scenario
            .staff
            .iter()
            .zip(&groups)
            .filter(|(_, constants)| !constants.agency && constants.holds_cases)
            .map(|(group, _)| group.fte.max(0.0))
            .sum();
        let mut opening_establishment = vec![0.0; scenario.staff.len()];
        plan.opening_establishment(&mut opening_establishment);
        Self {
            policy,
            rates: DemandRates::new(scenario),
            agency_index,
            staff_rates: StaffRates {
                hire_rate: eq::monthly_hires(1.0, policy.time_to_hire_months),
                recruitment_share: eq::percent_share(policy.recruitment_percent_per_month),
                new_post_settle_rate: eq::new_posts_settled(
                    1.0,
                    eq::percent_share(policy.recruitment_percent_per_month),
                    policy.time_to_hire_months,
                ),
            },
            agency_cover_share: eq::percent_share(policy.agency_cover_percent),
            new_post_agency_cover_share: eq::percent_share(policy.new_post_agency_cover_percent),
            agency_case_time_share: agency_index
                .and_then(|index| groups.get(index))
                .filter(|group| group.holds_cases)
                .map_or(0.0, |group| group.case_time_share),
            agency_supply_limit: eq::agency_supply_limit(
                policy.max_agency_fte,
                policy.max_agency_percent,
                permanent_case_holders_at_start + agency_at_start,
                agency_at_start,
            ),
            opening_establishment,
            seasonal: eq::seasonal_multipliers(&scenario.demand.seasonality),
            groups,
            weekly_costs: PlacementKind::ALL
                .map(|kind| scenario.placements.get(kind).weekly_cost_gbp),
            base_early_help: eq::monthly_amount(scenario.money.early_help_per_year_gbp),
            base_other: scenario.money.other_costs_per_month_gbp,
            workload_effect: Some(&scenario.demand.workload_effect).filter(|effect| effect.enabled),
            pay_award_step: eq::pay_award_factor(scenario.money.pay_award_percent, 1),
            pay_award_month: scenario.money.pay_award_month,
            plan,
        }
    }
}

/// What the projection carries from one month to the next.
struct MonthlyState {
    stocks: Stocks,
    staff: Vec<GroupState>,
    /// The plan writes each month's posts and caps here.
    establishment: Vec<f64>,
    caps: Vec<f64>,
    /// Growth worked out once, then stepped month by month.
    referral_growth: eq::TwoPeriodGrowth,
    cost_growth: [eq::CompoundGrowth; 5],
    /// Inflation on other costs, stepped month by month.
    other_costs_growth: eq::CompoundGrowth,
    /// Pay relative to the file's salaries ([`eq::pay_award_factor`]), stepped up
    /// in each month a pay award lands.
    pay_factor: f64,
    /// Reserves at the start of the month (£).
    reserves: f64,
    /// The budget changes once a financial year.
    budget_year: Option<FinancialYear>,
    monthly_budget: f64,
}

impl MonthlyState {
    /// The state at the start of the projection. The recruitment pipelines are set in
    /// the first month ([`open_recruitment_pipelines`]), on the opening establishment;
    /// posts start at the opening establishment, so that posts the plan adds from the
    /// first month on count as new.
    fn opening(scenario: &Scenario, opening_establishment: &[f64]) -> Self {
        let staff = scenario
            .staff
            .iter()
            .zip(opening_establishment)
            .map(|(group, establishment)| GroupState {
                fte: group.fte.max(0.0),
                establishment: *establishment,
                ..GroupState::default()
            })
            .collect();
        let group_count = scenario.staff.len();
        Self {
            stocks: opening_stocks(scenario),
            staff,
            establishment: vec![0.0; group_count],
            caps: vec![0.0; group_count],
            referral_growth: eq::TwoPeriodGrowth::new(
                scenario.demand.referral_first_growth_percent_per_year,
                scenario.demand.referral_first_growth_months,
                scenario.demand.referral_growth_percent_per_year,
            ),
            cost_growth: PlacementKind::ALL.map(|kind| {
                eq::CompoundGrowth::new(scenario.placements.get(kind).cost_growth_percent_per_year)
            }),
            other_costs_growth: eq::CompoundGrowth::new(
                scenario.money.other_costs_inflation_percent,
            ),
            pay_factor: 1.0,
            reserves: scenario.money.reserves_gbp,
            budget_year: None,
            monthly_budget: 0.0,
        }
    }

    /// Steps pay up in a month a pay award lands ([`eq::pay_award_lands`]).
    fn award_pay(&mut self, model: &MonthlyModel<'_>, month: Month, t: i32) {
        if eq::pay_award_lands(t, month.month_number(), model.pay_award_month) {
            self.pay_factor *= model.pay_award_step;
        }
    }

    /// A twelfth of the base budget of `month`'s financial year (£ per month).
    fn monthly_budget(&mut self, scenario: &Scenario, month: Month) -> f64 {
        let year = month.financial_year();
        if self.budget_year != Some(year) {
            self.budget_year = Some(year);
            self.monthly_budget = eq::monthly_amount(eq::year_budget(
                scenario.money.listed_budget_for(year),
                scenario.money.budget_growth_percent,
            ));
        }
        self.monthly_budget
    }

    /// Posts and caps from the dated plan, worked out only in months where it
    /// changes them. Posts added count as new posts until filled.
    fn follow_plan(&mut self, plan: &Plan, t: i32) {
        if plan.establishment_changes(t) {
            plan.establishment(t, &mut self.establishment);
            for (state, posts) in self.staff.iter_mut().zip(&self.establishment) {
                state.new_posts =
                    eq::new_posts_after_change(state.new_posts, state.establishment, *posts);
                state.establishment = *posts;
            }
        }
        if plan.caps_change(t) {
            plan.caseload_caps(t, &mut self.caps);
            for (state, cap) in self.staff.iter_mut().zip(&self.caps) {
                state.cap = *cap;
            }
        }
    }
}

/// One staff group in the current month (FTE, and FTE per month for flows).
#[derive(Clone, Copy, Default)]
struct GroupState {
    fte: f64,
    recruiting: f64,
    establishment: f64,
    /// Posts added after the start that still count as new (FTE); only as many as
    /// the vacancies count as new vacancies.
    new_posts: f64,
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
/// with the same buffers. Each month is the same list of steps, every one on the
/// stocks and staff at the start of the month; the workload comes first, as it
/// drives the month's flows of children when workload affects practice.
pub fn project_months(scenario: &Scenario, rows: &mut Vec<MonthRow>, detail: Detail<'_>) {
    let mut group_rows = match detail {
        Detail::Full(group_rows) => Some(group_rows),
        Detail::Summary => None,
    };
    let full = group_rows.is_some();
    clear_buffers(scenario, rows, group_rows.as_deref_mut());
    let model = MonthlyModel::new(scenario);
    let mut state = MonthlyState::opening(scenario, &model.opening_establishment);

    for (offset, month) in scenario.months().enumerate() {
        let t = offset as i32;
        let monthly_budget = state.monthly_budget(scenario, month);
        state.follow_plan(&model.plan, t);
        let workload = workload(&model, &state, model.plan.contracted_capacity(t));
        let flows = demand_flows(
            &model.rates,
            &state.stocks,
            &demand_factors(&model, &state, month, t, workload.practice_multiplier),
        );
        let turnover_multiplier = turnover_multiplier(model.policy, workload.load);
        if t == 0 {
            open_recruitment_pipelines(scenario, &model, &mut state.staff);
        }
        let mut spend = planned_spend(&model, t, state.other_costs_growth.factor());
        state.other_costs_growth.advance();
        state.award_pay(&model, month, t);
        let staff_flows = staff_month(
            &model.groups,
            &mut state.staff,
            &model.staff_rates,
            state.pay_factor,
            turnover_multiplier,
            &workload,
            &mut spend,
            group_rows.as_deref_mut(),
        );
        limit_recruitment_starts(model.policy, staff_flows.starts, &mut state.staff);
        let agency = agency_cover_and_conversions(&model, t, &staff_flows, &mut state.staff);
        spend.placements =
            placement_spend(&state.stocks, &model.weekly_costs, &mut state.cost_growth);
        spend.recruitment =
            eq::recruitment_cost(staff_flows.totals.hires, model.policy.cost_per_hire_gbp);
        state.referral_growth.advance();
        let staff_at_end =
            carry_staff(&model.groups, model.agency_index, &agency, &mut state.staff);
        let opening = state.stocks;
        state.stocks = next_stocks(&opening, &flows);
        let funding_received = model.plan.funding_received(t);
        state.reserves = eq::reserves_after_month(
            state.reserves,
            monthly_budget,
            funding_received,
            spend.total(),
        );
        rows.push(month_row(MonthRecord {
            month,
            opening,
            next: &state.stocks,
            flows: flows.flows,
            workload,
            staff_flows: &staff_flows,
            turnover_multiplier,
            staff_at_end,
            spend,
            funding_received,
            monthly_budget,
            reserves_at_end: state.reserves,
        }));
    }
    if full {
        add_share_of_staff_over_cap(rows, model.policy.caseload_spread_percent);
    }
}

/// Empties the buffers, keeping their memory, and makes room for the horizon.
fn clear_buffers(
    scenario: &Scenario,
    rows: &mut Vec<MonthRow>,
    group_rows: Option<&mut Vec<GroupMonth>>,
) {
    let horizon = scenario.horizon_months as usize;
    rows.clear();
    rows.reserve(horizon);
    if let Some(group_rows) = group_rows {
        group_rows.clear();
        group_rows.reserve(horizon * scenario.staff.len());
    }
}

/// The burnout multiplier on case holders' turnover this month (1 when burnout is
/// switched off).
fn turnover_multiplier(policy: &WorkforcePolicy, load: Option<f64>) -> f64 {
    let burnout = &policy.burnout;
    if burnout.enabled {
        eq::burnout_multiplier(load, burnout.strength, burnout.max_multiplier)
    } else {
        1.0
    }
}

/// Workload affects practice: this month's multiplier on case lengths, step-ups and
/// re-referrals (1 when the effect is switched off).
fn practice_multiplier(effect: Option<&WorkloadEffect>, load: Option<f64>) -> f64 {
    effect.map_or(1.0, |effect| {
        eq::practice_multiplier(load, effect.strength, effect.max_change_percent)
    })
}

/// Spend this month that the staff and children do not drive: early help, contracted
/// teams and other costs, base and interventions (staff, recruitment and placements
/// are added by later steps).
fn planned_spend(model: &MonthlyModel<'_>, t: i32, other_costs_inflation: f64) -> Spend {
    Spend {
        early_help: model.base_early_help + model.plan.early_help_cost(t),
        contracted_teams: model.plan.contracted_cost(t),
        other: eq::inflated_other_costs(model.base_other, other_costs_inflation)
            + model.plan.extra_spending(t),
        ..Spend::default()
    }
}

/// Holds the month's recruitment starts within the policy's monthly limit, scaling
/// every group's starts alike.
fn limit_recruitment_starts(policy: &WorkforcePolicy, total_starts: f64, staff: &mut [GroupState]) {
    if let Some(scale) =
        eq::recruitment_starts_limit(total_starts, policy.max_recruitment_starts_per_month)
    {
        staff.iter_mut().for_each(|state| state.starts *= scale);
    }
}

/// The month's change in agency FTE and the agency staff converted to permanent posts.
struct AgencyMonth {
    /// Change in agency FTE (FTE per month).
    adjustment: f64,
    /// Agency FTE converted to permanent posts, all groups (FTE per month).
    converted: f64,
}

/// Agency cover follows the case-holding capacity of vacant posts, within the supply
/// limit and with its lead time; conversions under way move agency staff into
/// permanent groups (into each group's `converted_in`), as far as there are agency
/// staff to move.
fn agency_cover_and_conversions(
    model: &MonthlyModel<'_>,
    t: i32,
    staff_flows: &StaffMonthTotals,
    staff: &mut [GroupState],
) -> AgencyMonth {
    staff.iter_mut().for_each(|state| state.converted_in = 0.0);
    let mut agency = AgencyMonth {
        adjustment: 0.0,
        converted: 0.0,
    };
    let Some(agency_index) = model.agency_index else {
        return agency;
    };
    let target = eq::limited_agency_target(
        eq::agency_cover_target(
            staff_flows.vacant_case_holding_fte,
            model.agency_cover_share,
            staff_flows.new_post_case_holding_fte,
            model.new_post_agency_cover_share,
            model.agency_case_time_share,
        ),
        model.agency_supply_limit,
    );
    let agency_fte = staff.get(agency_index).map_or(0.0, |state| state.fte);
    agency.adjustment =
        eq::agency_adjustment(agency_fte, target, model.policy.agency_adjust_months);
    let mut available = eq::agency_available(agency_fte, agency.adjustment);
    for conversion in model.plan.conversions_in(t) {
        let moved = eq::converted_from_agency(conversion.fte_per_month, available);
        available -= moved;
        if let Some(state) = staff.get_mut(conversion.group) {
            state.converted_in += moved;
        }
        agency.converted += moved;
    }
    agency
}

/// Placement spend this month over every kind of placement (£), on the children in
/// care at its start; moves each kind's cost growth on a month.
fn placement_spend(
    stocks: &Stocks,
    weekly_costs: &[f64; 5],
    cost_growth: &mut [eq::CompoundGrowth; 5],
) -> f64 {
    let mut spend = 0.0;
    for (index, growth) in cost_growth.iter_mut().enumerate() {
        spend += eq::monthly_placement_cost(
            stocks.looked_after_by_placement[index],
            weekly_costs[index],
            growth.factor(),
        );
        growth.advance();
    }
    spend
}

/// Everything one month's row is made from.
struct MonthRecord<'a> {
    month: Month,
    opening: Stocks,
    /// Stocks at the start of the next month.
    next: &'a Stocks,
    flows: Flows,
    workload: Workload,
    staff_flows: &'a StaffMonthTotals,
    turnover_multiplier: f64,
    /// (permanent, agency) FTE at the end of the month.
    staff_at_end: (f64, f64),
    spend: Spend,
    funding_received: f64,
    monthly_budget: f64,
    reserves_at_end: f64,
}

/// The month's row, with the staffing figures summed over groups.
fn month_row(record: MonthRecord<'_>) -> MonthRow {
    let totals = &record.staff_flows.totals;
    let (permanent_fte_at_end, agency_fte_at_end) = record.staff_at_end;
    MonthRow {
        month: record.month,
        stocks: record.opening,
        flows: record.flows,
        workload: record.workload,
        staffing: Staffing {
            permanent_fte: totals.permanent_fte,
            agency_fte: totals.agency_fte,
            establishment: totals.establishment,
            vacancies: totals.vacancies,
            agency_share: eq::agency_share(totals.agency_fte, totals.permanent_fte),
            leavers: record.staff_flows.leavers,
            hires: totals.hires,
            turnover_multiplier: record.turnover_multiplier,
            workers_per_manager: eq::workers_per_manager(totals.worker_fte, totals.manager_fte),
            permanent_fte_at_end,
            agency_fte_at_end,
        },
        spend: record.spend,
        funding_received: record.funding_received,
        monthly_budget: record.monthly_budget,
        reserves_at_end: record.reserves_at_end,
        looked_after_at_end: record.next.looked_after(),
    }
}

/// Fills in each month's share of staff over their cap. It feeds nothing back, so it
/// is worked out here, after the loop, where the months do not wait on one another
/// (its division and exponential are slow in the loop).
fn add_share_of_staff_over_cap(rows: &mut [MonthRow], spread_percent: f64) {
    for row in rows {
        row.workload.share_of_staff_over_cap =
            share_of_staff_over_cap(&row.workload, spread_percent);
    }
}

/// The month's rates that apply to every permanent group.
struct StaffRates {
    /// New starters per FTE being recruited per month.
    hire_rate: f64,
    /// Share of the unfilled gap for which recruitment starts this month.
    recruitment_share: f64,
    /// New posts that stop counting as new per new post per month
    /// ([`eq::new_posts_settled`] of one post).
    new_post_settle_rate: f64,
}

/// Totals of one month's staff over all groups.
struct StaffMonthTotals {
    /// Leavers (FTE per month).
    leavers: f64,
    /// Recruitment started (FTE per month), before any monthly limit.
    starts: f64,
    /// Case-holding capacity of vacant existing posts, `Σ vacant FTE x case-time
    /// share` over case-holding permanent groups (FTE).
    vacant_case_holding_fte: f64,
    /// The same for new posts not yet filled (FTE).
    new_post_case_holding_fte: f64,
    totals: StaffTotals,
}

/// One pass over the staff groups at the start of a month: leavers, progressions,
/// new starters and recruitment started in each permanent group (written into its
/// state), pay (into `spend`), sums over groups, and the month's group rows when
/// `group_rows` is given. `turnover_multiplier` applies to case-holding groups only;
/// `pay_factor` ([`eq::pay_award_factor`]) to every group's pay.
#[allow(clippy::too_many_arguments)]
#[inline(never)]
fn staff_month(
    groups: &[GroupConstants],
    states: &mut [GroupState],
    rates: &StaffRates,
    pay_factor: f64,
    turnover_multiplier: f64,
    workload: &Workload,
    spend: &mut Spend,
    mut group_rows: Option<&mut Vec<GroupMonth>>,
) -> StaffMonthTotals {
    let mut month = StaffMonthTotals {
        leavers: 0.0,
        starts: 0.0,
        vacant_case_holding_fte: 0.0,
        new_post_case_holding_fte: 0.0,
        totals: StaffTotals::default(),
    };
    let totals = &mut month.totals;
    let holds_any = workload.case_holding_fte > eq::NO_CAPACITY_FTE;
    for (group, state) in groups.iter().zip(states) {
        let fte = state.fte;
        let pay = eq::group_pay(fte, group.pay_per_fte, pay_factor);
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
                turnover_multiplier
            } else {
                1.0
            };
            let [leavers, progressing] = eq::leavers_and_progressions(
                fte,
                group.turnover_rate,
                multiplier,
                group.progression_rate,
            );
            state.leavers = leavers;
            state.progressed = progressing;
            state.hires = state.recruiting * rates.hire_rate;
            state.starts = eq::recruitment_starts(
                eq::unfilled_gap(state.establishment, fte, state.recruiting),
                rates.recruitment_share,
            );
            let new_posts = eq::unfilled_new_posts(state.new_posts, vacancies);
            state.new_posts -= state.new_posts * rates.new_post_settle_rate;
            month.leavers += leavers;
            month.starts += state.starts;
            if group.holds_cases {
                let [existing, new] =
                    eq::vacant_case_holding_fte(vacancies, new_posts, group.case_time_share);
                month.vacant_case_holding_fte += existing;
                month.new_post_case_holding_fte += new;
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
                    .map(|load| eq::group_caseload(load, state.cap))
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
fn workload(model: &MonthlyModel<'_>, state: &MonthlyState, contracted_capacity: f64) -> Workload {
    let stocks = &state.stocks;
    let cases = eq::weighted_cases(
        [
            stocks.children_in_need,
            stocks.child_protection,
            stocks.looked_after(),
            stocks.care_leavers,
        ],
        model.rates.case_weights,
    );
    let mut staff_capacity = 0.0;
    let mut case_holding = 0.0;
    for (group, state) in model.groups.iter().zip(&state.staff) {
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
        practice_multiplier: practice_multiplier(model.workload_effect, load),
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
/// month, then moves the staff progressing on into the groups they progress to;
/// returns permanent and agency FTE at the end of the month (the start of the next),
/// staff who moved up included.
#[inline(never)]
fn carry_staff(
    groups: &[GroupConstants],
    agency_index: Option<usize>,
    agency_month: &AgencyMonth,
    states: &mut [GroupState],
) -> (f64, f64) {
    let mut permanent = 0.0;
    let mut agency = 0.0;
    for (index, state) in states.iter_mut().enumerate() {
        if Some(index) == agency_index {
            state.fte =
                eq::next_agency_fte(state.fte, agency_month.adjustment, agency_month.converted);
            agency += state.fte;
            continue;
        }
        state.fte = eq::next_permanent_fte(
            state.fte,
            state.leavers,
            state.progressed,
            state.hires,
            state.converted_in,
        );
        state.recruiting = eq::next_recruiting(state.recruiting, state.hires, state.starts);
        permanent += state.fte;
    }
    for (index, group) in groups.iter().enumerate() {
        if let Some(target) = group.progression_target {
            let moved = states[index].progressed;
            states[target].fte += moved;
            permanent += moved;
        }
    }
    (permanent, agency)
}

/// Sets the recruitment pipeline at the start of each permanent group
/// ([`eq::opening_recruitment`]), on its opening establishment (managers' from their
/// span of control) and its leavers at the base turnover, without burnout: the
/// pipeline stands for recruitment already under way before the projection, so
/// stronger burnout must not put more people in it (or more burnout could mean
/// more staff). Agency staff have none.
fn open_recruitment_pipelines(
    scenario: &Scenario,
    model: &MonthlyModel<'_>,
    staff: &mut [GroupState],
) {
    for ((constants, state), establishment) in model
        .groups
        .iter()
        .zip(staff)
        .zip(&model.opening_establishment)
    {
        if constants.agency {
            continue;
        }
        let [leavers, progressing] = eq::leavers_and_progressions(
            state.fte,
            constants.turnover_rate,
            1.0,
            constants.progression_rate,
        );
        state.recruiting = eq::opening_recruitment(
            leavers,
            progressing,
            scenario.workforce.time_to_hire_months,
            eq::vacancies(*establishment, state.fte),
        );
    }
}

/// Stocks at the start: the scenario's figures (never below 0), with looked-after
/// children split by the current placement mix.
fn opening_stocks(scenario: &Scenario) -> Stocks {
    let demand = &scenario.demand;
    let shares = placement_shares(|kind| scenario.placements.get(kind).current_percent);
    Stocks {
        children_in_need: demand.children_in_need.max(0.0),
        child_protection: demand.child_protection.max(0.0),
        looked_after_by_placement: eq::split_by_shares(demand.looked_after.max(0.0), shares),
        care_leavers: demand.care_leavers.max(0.0),
    }
}

/// Placement shares ([`eq::rescaled_shares`]); a mix of all zeros puts everyone in
/// "other".
fn placement_shares(percent: impl Fn(PlacementKind) -> f64) -> [f64; 5] {
    eq::rescaled_shares(
        PlacementKind::ALL.map(percent),
        PlacementKind::Other.index(),
    )
}

/// What drives this month's demand besides the stocks.
struct DemandFactors {
    /// Growth factor times the seasonal multiplier.
    growth_and_season: f64,
    /// Early help's factors on referrals and on entries to care.
    referral_factor: f64,
    care_entry_factor: f64,
    /// In-house foster places; `None` = no limit.
    in_house_places: Option<f64>,
    /// Workload's multiplier on case lengths, step-ups and re-referrals (1 = none).
    practice: f64,
}

/// This month's growth, season, early help, in-house places and practice multiplier.
fn demand_factors(
    model: &MonthlyModel<'_>,
    state: &MonthlyState,
    month: Month,
    t: i32,
    practice: f64,
) -> DemandFactors {
    DemandFactors {
        growth_and_season: state.referral_growth.factor()
            * model.seasonal[(month.month_number() - 1) as usize],
        referral_factor: model.plan.referral_factor(t),
        care_entry_factor: model.plan.care_entry_factor(t),
        in_house_places: model.plan.in_house_foster_places(t),
        practice,
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

/// The month's flows of children, on the stocks at its start; workload's practice
/// multiplier, when it is not 1, scales re-referrals, case lengths and step-ups.
#[inline(never)]
fn demand_flows(rates: &DemandRates, stocks: &Stocks, factors: &DemandFactors) -> DemandFlows {
    let practice = factors.practice;
    let mut referrals = eq::referrals(
        rates.referrals_per_month,
        factors.growth_and_season,
        1.0,
        factors.referral_factor,
    );
    let (child_in_need_exits, protection_exits) = if practice == 1.0 {
        (rates.child_in_need_exits, rates.protection_exits)
    } else {
        referrals *= eq::rereferral_factor(rates.rereferral_share, practice);
        let [closing, step_up] = rates.child_in_need_rates;
        let child_in_need = eq::practice_exit_rates(closing, step_up, practice);
        let [ending, to_care] = rates.protection_rates;
        (
            child_in_need,
            eq::practice_exit_rates(ending, to_care, practice),
        )
    };
    let [new_care_entries, prevented_care_entries] =
        eq::care_entries(referrals, rates.into_care, factors.care_entry_factor);

    let [child_in_need_closed, child_in_need_to_protection] =
        eq::outflows(stocks.children_in_need, child_in_need_exits);
    let [protection_ended, protection_to_care] =
        eq::outflows(stocks.child_protection, protection_exits);
    let [protection_closed, protection_stepped_down] =
        eq::plan_endings(protection_ended, rates.step_down_share);

    let leave_rate = rates.leave_care_rate;
    let exits_by_placement = stocks
        .looked_after_by_placement
        .map(|children| eq::leaving_care(children, leave_rate));
    let left_care: f64 = exits_by_placement.iter().sum();
    let new_care_leavers = eq::new_care_leavers(left_care, rates.care_leaver_share);

    // Place new entries by the new-entry mix; in-house foster care takes only what
    // its free places allow and the rest go to independent fostering agencies.
    let entries = new_care_entries + protection_to_care;
    let mut entries_by_placement = eq::split_by_shares(entries, rates.new_entry_shares);
    let mut in_house_overflow = 0.0;
    if let Some(places) = factors.in_house_places {
        let in_house = PlacementKind::InHouseFoster.index();
        let [placed, overflow] = eq::in_house_placements(
            entries_by_placement[in_house],
            places,
            stocks.looked_after_by_placement[in_house],
            exits_by_placement[in_house],
        );
        if overflow > 0.0 {
            in_house_overflow = overflow;
            entries_by_placement[in_house] = placed;
            entries_by_placement[PlacementKind::IndependentFostering.index()] += overflow;
        }
    }

    let [care_leavers_closed] = eq::outflows(stocks.care_leavers, rates.care_leaver_exit);

    DemandFlows {
        flows: Flows {
            referrals,
            new_child_in_need: eq::referral_outcome(referrals, rates.to_child_in_need),
            new_child_protection: eq::referral_outcome(referrals, rates.to_child_protection),
            new_care_entries,
            prevented_care_entries,
            child_in_need_closed,
            child_in_need_to_protection,
            protection_closed,
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

/// Stocks at the start of the next month ([`eq::next_stock`] for each).
#[inline(never)]
fn next_stocks(opening: &Stocks, demand_flows: &DemandFlows) -> Stocks {
    let flows = &demand_flows.flows;
    let mut looked_after_by_placement = opening.looked_after_by_placement;
    for (index, stock) in looked_after_by_placement.iter_mut().enumerate() {
        *stock = eq::next_stock(
            *stock,
            [demand_flows.entries_by_placement[index]],
            [demand_flows.exits_by_placement[index]],
        );
    }
    Stocks {
        children_in_need: eq::next_stock(
            opening.children_in_need,
            [flows.new_child_in_need, flows.protection_stepped_down],
            [
                flows.child_in_need_closed,
                flows.child_in_need_to_protection,
            ],
        ),
        child_protection: eq::next_stock(
            opening.child_protection,
            [
                flows.new_child_protection,
                flows.child_in_need_to_protection,
            ],
            [
                flows.protection_closed,
                flows.protection_stepped_down,
                flows.protection_to_care,
            ],
        ),
        looked_after_by_placement,
        care_leavers: eq::next_stock(
            opening.care_leavers,
            [flows.new_care_leavers],
            [flows.care_leavers_closed],
        ),
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
