//! The monthly projection: demand, workload, workforce and money, month by month.
//!
//! Each month reads the stocks and staff at its start, works out the flows during
//! the month from them, and carries the result to the start of the next month
//! (explicit monthly steps). The equations are in [`super::equations`].

use crate::model::{PlacementKind, Scenario};

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
    let horizon = scenario.horizon_months as usize;
    let group_count = scenario.staff.len();
    let plan = Plan::new(scenario);

    let mut stocks = opening_stocks(scenario);
    let mut fte: Vec<f64> = scenario
        .staff
        .iter()
        .map(|group| group.fte.max(0.0))
        .collect();
    let mut recruiting = opening_recruitment(scenario, &fte);
    // Per-month scratch, allocated once.
    let mut establishment = vec![0.0; group_count];
    let mut caps = vec![0.0; group_count];
    let mut outflow = vec![0.0; group_count];
    let mut progressed = vec![0.0; group_count];
    let mut hires = vec![0.0; group_count];
    let mut starts = vec![0.0; group_count];
    let mut converted_in = vec![0.0; group_count];

    let mut rows = Vec::with_capacity(horizon);
    let mut group_rows = Vec::with_capacity(horizon * group_count);

    let demand = &scenario.demand;
    let policy = &scenario.workforce;
    let agency_index = scenario.agency_group_index();
    let weights = [
        demand.case_weights.child_in_need,
        demand.case_weights.child_protection,
        demand.case_weights.looked_after,
        demand.case_weights.care_leaver,
    ];
    let new_entry_shares = placement_shares(|kind| scenario.placements.get(kind).new_entry_percent);
    // Growth and seasons worked out once, then stepped month by month.
    let seasonal = eq::seasonal_multipliers(&demand.seasonality);
    let mut referral_growth = eq::CompoundGrowth::new(demand.referral_growth_percent_per_year);
    let mut cost_growth = PlacementKind::ALL.map(|kind| {
        eq::CompoundGrowth::new(scenario.placements.get(kind).cost_growth_percent_per_year)
    });

    for (offset, month) in scenario.months().enumerate() {
        let t = offset as i32;

        // Dated plan for this month.
        plan.establishment(t, &mut establishment);
        plan.caseload_caps(t, &mut caps);
        let referral_factor = plan.referral_factor(t);
        let care_entry_factor = plan.care_entry_factor(t);
        let contracted_capacity = plan.contracted_capacity(t);
        let in_house_places = plan.in_house_foster_places(t);

        // --- Demand ---
        let flows = demand_flows(
            scenario,
            &stocks,
            referral_growth.factor() * seasonal[(month.month_number() - 1) as usize],
            referral_factor,
            care_entry_factor,
            in_house_places,
            &new_entry_shares,
        );

        // --- Workload, on the stocks and staff at the start of the month ---
        let cases = eq::weighted_cases(
            [
                stocks.children_in_need,
                stocks.child_protection,
                stocks.looked_after(),
                stocks.care_leavers,
            ],
            weights,
        );
        let mut staff_capacity = 0.0;
        let mut case_holding = 0.0;
        for (index, group) in scenario.staff.iter().enumerate() {
            staff_capacity += eq::group_capacity(fte[index], caps[index], group.case_time_percent);
            case_holding += eq::case_holding_fte(fte[index], group.case_time_percent);
        }
        let for_staff = eq::cases_for_staff(cases, contracted_capacity);
        let load = eq::load_ratio(for_staff, staff_capacity);
        let workload = Workload {
            cases,
            contracted_capacity,
            staff_capacity,
            case_holding_fte: case_holding,
            average_caseload: eq::average_caseload(for_staff, case_holding),
            average_cap: eq::average_caseload(staff_capacity, case_holding),
            load,
            over_capacity_cases: eq::over_capacity_cases(for_staff, staff_capacity),
            share_of_staff_over_cap: (case_holding > eq::NO_CAPACITY_FTE).then(|| {
                load.map_or(1.0, |load| {
                    eq::share_of_staff_over_cap(load, policy.caseload_spread_percent)
                })
            }),
        };

        // --- Workforce ---
        let turnover_multiplier = if policy.burnout.enabled {
            eq::burnout_multiplier(load, policy.burnout.strength, policy.burnout.max_multiplier)
        } else {
            1.0
        };
        let mut case_holding_vacancies = 0.0;
        let mut leavers_total = 0.0;
        for (index, group) in scenario.staff.iter().enumerate() {
            if group.agency {
                outflow[index] = 0.0;
                progressed[index] = 0.0;
                hires[index] = 0.0;
                starts[index] = 0.0;
                continue;
            }
            let multiplier = if group.holds_cases() {
                turnover_multiplier
            } else {
                1.0
            };
            let progression_rate = if group.progresses_to.is_some() {
                eq::exit_rate(group.progression_months)
            } else {
                0.0
            };
            let turnover_rate =
                eq::monthly_leavers(1.0, group.turnover_percent_per_year, multiplier);
            let [leavers, moving_on] =
                eq::bounded_outflows(fte[index], [turnover_rate, progression_rate]);
            outflow[index] = leavers;
            progressed[index] = moving_on;
            leavers_total += leavers;
            hires[index] = eq::monthly_hires(recruiting[index], policy.time_to_hire_months);
            let gap = eq::unfilled_gap(establishment[index], fte[index], recruiting[index]);
            starts[index] = eq::recruitment_starts(gap, policy.recruitment_percent_per_month);
            if group.holds_cases() {
                case_holding_vacancies += eq::vacancies(establishment[index], fte[index]);
            }
        }
        if let Some(max_starts) = policy.max_recruitment_starts_per_month {
            let wanted: f64 = starts.iter().sum();
            if wanted > max_starts && wanted > 0.0 {
                let scale = max_starts.max(0.0) / wanted;
                starts.iter_mut().for_each(|start| *start *= scale);
            }
        }

        // Agency cover and conversions to permanent posts.
        converted_in.iter_mut().for_each(|value| *value = 0.0);
        let mut agency_adjust = 0.0;
        if let Some(agency) = agency_index {
            let target = case_holding_vacancies * policy.agency_cover_percent / 100.0;
            agency_adjust = eq::agency_adjustment(fte[agency], target, policy.agency_adjust_months);
            let mut available = (fte[agency] + agency_adjust).max(0.0);
            for conversion in plan.conversions_in(t) {
                let moved = conversion.fte_per_month.min(available);
                available -= moved;
                converted_in[conversion.group] += moved;
            }
        }
        let converted_total: f64 = converted_in.iter().sum();

        // --- Money ---
        let mut spend = Spend {
            early_help: scenario.money.early_help_per_year_gbp / 12.0 + plan.early_help_cost(t),
            contracted_teams: plan.contracted_cost(t),
            other: scenario.money.other_costs_per_month_gbp + plan.extra_spending(t),
            ..Spend::default()
        };
        for kind in PlacementKind::ALL {
            let placement = scenario.placements.get(kind);
            spend.placements += eq::monthly_placement_cost(
                stocks.looked_after_by_placement[kind.index()],
                placement.weekly_cost_gbp,
                cost_growth[kind.index()].factor(),
            );
        }
        referral_growth.advance();
        cost_growth.iter_mut().for_each(eq::CompoundGrowth::advance);
        let mut hires_total = 0.0;
        for (index, group) in scenario.staff.iter().enumerate() {
            let premium = if group.agency {
                policy.agency_premium_percent
            } else {
                0.0
            };
            let pay = eq::monthly_pay_cost(
                fte[index],
                group.annual_salary_gbp,
                group.on_cost_percent,
                premium,
            );
            if group.agency {
                spend.agency_staff += pay;
            } else {
                spend.permanent_staff += pay;
            }
            hires_total += hires[index];
            spend.recruitment += hires[index] * policy.cost_per_hire_gbp;
            group_rows.push(GroupMonth {
                fte: fte[index],
                establishment: if group.agency {
                    0.0
                } else {
                    establishment[index]
                },
                vacancies: if group.agency {
                    0.0
                } else {
                    eq::vacancies(establishment[index], fte[index])
                },
                caseload_cap: caps[index],
                caseload: load
                    .map(|load| load * caps[index])
                    .filter(|_| case_holding > eq::NO_CAPACITY_FTE),
                leavers: outflow[index],
                hires: hires[index],
                progressed: progressed[index],
                recruiting: recruiting[index],
                pay,
            });
        }

        let totals = staff_totals(scenario, &fte, &establishment);
        let staffing_before = Staffing {
            permanent_fte: totals.permanent_fte,
            agency_fte: totals.agency_fte,
            establishment: totals.establishment,
            vacancies: totals.vacancies,
            agency_share: share(totals.agency_fte, totals.permanent_fte + totals.agency_fte),
            leavers: leavers_total,
            hires: hires_total,
            turnover_multiplier,
            workers_per_manager: (totals.manager_fte > eq::NO_CAPACITY_FTE)
                .then(|| totals.worker_fte / totals.manager_fte),
            permanent_fte_at_end: 0.0,
            agency_fte_at_end: 0.0,
        };

        // --- Carry everything to the start of the next month ---
        for index in 0..group_count {
            if Some(index) == agency_index {
                fte[index] = (fte[index] + agency_adjust - converted_total).max(0.0);
                continue;
            }
            fte[index] = (fte[index] - outflow[index] - progressed[index]
                + hires[index]
                + converted_in[index])
                .max(0.0);
            recruiting[index] = (recruiting[index] - hires[index] + starts[index]).max(0.0);
        }
        for (index, group) in scenario.staff.iter().enumerate() {
            if let Some(target) = plan.progression_target(index)
                && !group.agency
            {
                fte[target] += progressed[index];
            }
        }
        let staffing = Staffing {
            permanent_fte_at_end: permanent_total(scenario, &fte),
            agency_fte_at_end: agency_index.map_or(0.0, |agency| fte[agency]),
            ..staffing_before
        };
        let opening = stocks;
        stocks = next_stocks(&opening, &flows);

        rows.push(MonthRow {
            month,
            stocks: opening,
            flows: flows.flows,
            workload,
            staffing,
            spend,
            funding_received: plan.funding_received(t),
            monthly_budget: scenario.money.budget_for(month.financial_year()) / 12.0,
            looked_after_at_end: stocks.looked_after(),
        });
    }

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
fn demand_flows(
    scenario: &Scenario,
    stocks: &Stocks,
    // Growth factor times the seasonal multiplier for this month.
    growth_and_season: f64,
    referral_factor: f64,
    care_entry_factor: f64,
    in_house_places: Option<f64>,
    new_entry_shares: &[f64; 5],
) -> DemandFlows {
    let demand = &scenario.demand;
    let outcomes = &demand.referral_outcomes;
    let referrals = eq::referrals(
        demand.referrals_per_month,
        growth_and_season,
        1.0,
        referral_factor,
    )
    .max(0.0);
    let care_entries_before_early_help = referrals * outcomes.into_care_percent / 100.0;
    let new_care_entries = care_entries_before_early_help * care_entry_factor;

    let [child_in_need_closed, child_in_need_to_protection] = eq::bounded_outflows(
        stocks.children_in_need,
        [
            eq::exit_rate(demand.child_in_need_months),
            demand.child_in_need_to_protection_percent_per_month / 100.0,
        ],
    );
    let [protection_ended, protection_to_care] = eq::bounded_outflows(
        stocks.child_protection,
        [
            eq::exit_rate(demand.child_protection_months),
            demand.protection_to_care_percent_per_month / 100.0,
        ],
    );
    let step_down_share = (demand.protection_step_down_percent / 100.0).clamp(0.0, 1.0);
    let protection_stepped_down = protection_ended * step_down_share;

    let leave_rate = eq::exit_rate(demand.looked_after_months);
    let exits_by_placement = stocks
        .looked_after_by_placement
        .map(|stock| stock * leave_rate);
    let left_care: f64 = exits_by_placement.iter().sum();
    let new_care_leavers = left_care * (demand.care_leaver_percent / 100.0).clamp(0.0, 1.0);

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

    let [care_leavers_closed] = eq::bounded_outflows(
        stocks.care_leavers,
        [eq::exit_rate(demand.care_leaver_months)],
    );

    DemandFlows {
        flows: Flows {
            referrals,
            new_child_in_need: referrals * outcomes.child_in_need_percent / 100.0,
            new_child_protection: referrals * outcomes.child_protection_percent / 100.0,
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

fn permanent_total(scenario: &Scenario, fte: &[f64]) -> f64 {
    scenario
        .staff
        .iter()
        .zip(fte)
        .filter(|(group, _)| !group.agency)
        .map(|(_, fte)| fte)
        .sum()
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
}

fn staff_totals(scenario: &Scenario, fte: &[f64], establishment: &[f64]) -> StaffTotals {
    let mut totals = StaffTotals::default();
    for (index, group) in scenario.staff.iter().enumerate() {
        if group.agency {
            totals.agency_fte += fte[index];
        } else {
            totals.permanent_fte += fte[index];
            totals.establishment += establishment[index];
            totals.vacancies += eq::vacancies(establishment[index], fte[index]);
        }
        if group.span_of_control.is_some() {
            totals.manager_fte += fte[index];
        } else if group.holds_cases() {
            totals.worker_fte += fte[index];
        }
    }
    totals
}
