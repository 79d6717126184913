//! Money from the 2024-25 revenue outturn (MHCLG RO3): the line for children looked
//! after sets what placements cost, the rest of children's social care the other
//! costs, and both together the first year's budget; scaled, and labelled, when the
//! scenario's year is not 2024-25.

use crate::model::money::DEFAULT_INFLATION_PERCENT;
use crate::model::{FinancialYear, Money, PlacementKind, Scenario, YearBudget};
use crate::published::{Measure, SPENDING_TABLE, SpendingLine};
use crate::units::{gbp, thousands};

use super::Comments;
use super::sources::Sources;

/// The financial year of the outturn: 2024-25, the year ending 31 March 2025.
pub const OUTTURN_YEAR: i32 = 2025;

/// Weeks in a year, as the engine counts them.
const WEEKS_PER_YEAR: f64 = 52.0;

/// The two outturn lines (£ a year) for the council, or England's per child standing
/// in, with what was done.
struct Lines {
    looked_after: f64,
    rest: f64,
    how: String,
}

fn lines(sources: &mut Sources) -> Option<Lines> {
    let council = sources.council;
    let own = (
        council.spending(SpendingLine::ChildrenLookedAfter),
        council.spending(SpendingLine::TotalChildrensSocialCare),
    );
    if let (Some(looked_after), Some(total)) = own {
        return Some(Lines {
            looked_after: looked_after * 1_000.0,
            rest: (total - looked_after).max(0.0) * 1_000.0,
            how: format!(
                "{}'s net spending on children looked after, {}, and on the rest of \
                 children's social care, {} ({SPENDING_TABLE})",
                council.name,
                gbp(looked_after * 1_000.0),
                gbp((total - looked_after).max(0.0) * 1_000.0)
            ),
        });
    }
    let england = sources.england?;
    let looked_after = england.spending(SpendingLine::ChildrenLookedAfter)? * 1_000.0;
    let total = england.spending(SpendingLine::TotalChildrensSocialCare)? * 1_000.0;
    let share = sources.share_of_england(OUTTURN_YEAR)?;
    let in_care_share = sources
        .own(Measure::ChildrenInCare, OUTTURN_YEAR)
        .zip(sources.national(Measure::ChildrenInCare, OUTTURN_YEAR))
        .map_or(share, |(own, national)| own.value / national.value);
    sources.stood_in(format!(
        "Spending: {}'s 2024-25 outturn is not published; England's per child stands in",
        council.name
    ));
    Some(Lines {
        looked_after: looked_after * in_care_share,
        rest: (total - looked_after).max(0.0) * share,
        how: format!(
            "{}'s 2024-25 outturn is not published: England's spending on children looked \
             after ({}) by its share of England's children in care at 31 March 2025, and on the \
             rest of children's social care ({}) by its share of England's children in need \
             ({SPENDING_TABLE})",
            council.name,
            gbp(looked_after),
            gbp(total - looked_after)
        ),
    })
}

/// Sets the placements' weekly costs, the other costs and the first year's budget
/// of `scenario` (whose demand and staff are set) from the outturn.
pub fn money(sources: &mut Sources, year: i32, scenario: &mut Scenario, comments: &mut Comments) {
    scenario.money = Money::default();
    let Some(lines) = lines(sources) else {
        comments.add(
            "money",
            "No outturn is published for this council or England: no budget is set; the \
             program's defaults stand."
                .to_owned(),
        );
        return;
    };
    // Scale to the start: by children in care (or in need) then against 2025, and by
    // the program's default inflation between 2024-25 and the first financial year.
    let first_year = scenario.start.financial_year();
    let years_on = first_year.0 - (OUTTURN_YEAR - 1);
    let prices = (1.0 + DEFAULT_INFLATION_PERCENT / 100.0).powi(years_on);
    let ratio = |measure: Measure| {
        let now = sources.own(measure, year)?.value;
        let then = sources.own(measure, OUTTURN_YEAR)?.value;
        (then > 0.0).then_some(now / then)
    };
    let in_care_ratio = if year == OUTTURN_YEAR {
        1.0
    } else {
        ratio(Measure::ChildrenInCare).unwrap_or(1.0)
    };
    let in_need_ratio = if year == OUTTURN_YEAR {
        1.0
    } else {
        ratio(Measure::ChildrenInNeed).unwrap_or(1.0)
    };
    let looked_after = lines.looked_after * in_care_ratio * prices;
    let rest = lines.rest * in_need_ratio * prices;
    let first = crate::units::financial_year(first_year.0);
    let scaling = format!(
        "Scaled to {first}: the children in care at 31 March {year} against 31 March \
         {OUTTURN_YEAR} (x{}) and the children in need (x{}), and the program's default \
         inflation of 2% a year {} {} year{} (x{}).",
        thousands(in_care_ratio, 3),
        thousands(in_need_ratio, 3),
        if years_on < 0 { "back" } else { "on" },
        years_on.abs(),
        if years_on.abs() == 1 { "" } else { "s" },
        thousands(prices, 3)
    );

    // Placements: England's weekly costs scaled so that a year costs the line.
    let children = scenario.demand.looked_after;
    let weekly: f64 = PlacementKind::ALL
        .iter()
        .map(|kind| {
            let placement = scenario.placements.get(*kind);
            placement.current_percent / 100.0 * placement.weekly_cost_gbp
        })
        .sum();
    let placement_year = children * weekly * WEEKS_PER_YEAR;
    if placement_year > 0.0 && looked_after > 0.0 {
        let factor = looked_after / placement_year;
        for kind in PlacementKind::ALL {
            let placement = scenario.placements.get_mut(kind);
            placement.weekly_cost_gbp = (placement.weekly_cost_gbp * factor).round();
        }
        comments.add(
            "placements",
            format!(
                "Placement mix: England's (31 March 2019), the program's default; placement \
                 types by council are not in the derived tables. Weekly costs: the program's \
                 England costs times {} so that a year of placements for {} children costs {} \
                 a year: {}. {scaling}",
                thousands(factor, 3),
                thousands(children, 0),
                gbp(looked_after),
                lines.how
            ),
        );
    }

    // Other costs: the rest of the outturn less the staff's pay.
    let staff_year: f64 = scenario
        .staff
        .iter()
        .map(|group| {
            let premium = if group.agency {
                1.0 + scenario.workforce.agency_premium_percent / 100.0
            } else {
                1.0
            };
            group.fte * group.annual_salary_gbp * (1.0 + group.on_cost_percent / 100.0) * premium
        })
        .sum();
    let other_year = rest - staff_year;
    scenario.money.other_costs_per_month_gbp = (other_year.max(0.0) / 12.0 / 100.0).round() * 100.0;
    comments.add(
        "money.other_costs_per_month_gbp",
        if other_year >= 0.0 {
            format!(
                "The rest of children's social care, {} a year in {first} (above), less the \
                 social workers' pay and on-costs in the staff table ({} a year): {} a year, a \
                 twelfth of it a month.",
                gbp(rest),
                gbp(staff_year),
                gbp(other_year)
            )
        } else {
            format!(
                "The rest of children's social care, {} a year in {first}, is less than the \
                 social workers' pay in the staff table ({} a year): the published figures \
                 disagree; the staff table is used and other costs are none.",
                gbp(rest),
                gbp(staff_year)
            )
        },
    );

    let budget = looked_after + rest;
    scenario.money.budgets = vec![YearBudget {
        year: FinancialYear(first_year.0),
        budget_gbp: (budget / 1_000.0).round() * 1_000.0,
    }];
    comments.add(
        "money.budgets",
        format!(
            "Budget for {first}: the 2024-25 outturn for children's social care as the model \
             counts it (children looked after plus the rest): {}; {}. Later years are held at \
             it. {scaling}",
            gbp(budget),
            lines.how
        ),
    );
    comments.add(
        "money.reserves_gbp",
        "Not published: none assumed.".to_owned(),
    );
}
