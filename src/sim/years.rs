//! Financial-year totals (1 April to 31 March) from the monthly rows.

use crate::model::Scenario;

use super::equations as eq;
use super::projection::{MonthRow, Spend, YearSummary};

/// One summary per financial year the projection touches, in order. Budgets of
/// part years are pro rata; reserves absorb overspends and gain underspends.
pub fn summarise_years(scenario: &Scenario, rows: &[MonthRow]) -> Vec<YearSummary> {
    let mut years = Vec::with_capacity(rows.len() / 12 + 2);
    let mut cumulative_spend = 0.0;
    let mut reserves = scenario.money.reserves_gbp;
    for chunk in rows.chunk_by(|a, b| a.month.financial_year() == b.month.financial_year()) {
        let (Some(first), Some(last)) = (chunk.first(), chunk.last()) else {
            continue;
        };
        let year = first.month.financial_year();
        let mut spend = Spend::default();
        for row in chunk {
            spend.add(&row.spend);
        }
        let total = spend.total();
        cumulative_spend += total;
        let budget = eq::prorated_budget(
            eq::year_budget(
                scenario.money.listed_budget_for(year),
                scenario.money.budget_growth_percent,
            ),
            chunk.len(),
        );
        let grants: f64 = chunk.iter().map(|row| row.funding_received).sum();
        let variance = eq::variance(total, budget, grants);
        reserves = eq::reserves_after(reserves, variance);

        // Mean and peak of the months that had capacity, without collecting them.
        let (caseload_sum, caseload_months, peak_caseload) = chunk
            .iter()
            .filter_map(|row| row.workload.average_caseload)
            .fold(
                (0.0, 0usize, None::<f64>),
                |(sum, count, peak), caseload| {
                    (
                        sum + caseload,
                        count + 1,
                        Some(peak.map_or(caseload, |peak| peak.max(caseload))),
                    )
                },
            );
        let average_caseload = (caseload_months > 0).then(|| caseload_sum / caseload_months as f64);
        let mean_looked_after = chunk
            .iter()
            .map(|row| row.stocks.looked_after())
            .sum::<f64>()
            / chunk.len() as f64;
        let fte_at_end = last.staffing.permanent_fte_at_end + last.staffing.agency_fte_at_end;
        years.push(YearSummary {
            year,
            months: chunk.len(),
            average_caseload,
            peak_caseload,
            months_without_capacity: chunk
                .iter()
                .filter(|row| row.workload.average_caseload.is_none() && row.workload.cases > 0.0)
                .count(),
            months_over_cap: chunk
                .iter()
                .filter(|row| row.workload.is_over_cap())
                .count(),
            looked_after_at_end: last.looked_after_at_end,
            fte_at_end,
            agency_share_at_end: eq::agency_share(
                last.staffing.agency_fte_at_end,
                last.staffing.permanent_fte_at_end,
            ),
            spend,
            budget,
            grants,
            variance,
            cumulative_spend,
            reserves_at_end: reserves,
            cost_per_child_in_care: eq::cost_per_child_in_care(
                spend.placements,
                mean_looked_after,
                chunk.len(),
            ),
        });
    }
    years
}
