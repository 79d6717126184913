//! The per-financial-year summary printed by `run` and `compare`.

use crate::compare::{ComparisonTable, difference_text};
use crate::model::Scenario;
use crate::sim::balance;
use crate::sim::{Projection, YearSummary};
use crate::units;

use super::table::Table;

const SUMMARY_HEADER: [&str; 12] = [
    "Year",
    "Months",
    "Avg caseload",
    "Peak",
    "Avg cap",
    "Over cap",
    "In care at end",
    "FTE at end",
    "Agency",
    "Spend",
    "Funding",
    "Variance",
];

/// The heading lines and the per-year table for one scenario.
pub fn summary(scenario: &Scenario, projection: &Projection, source: &str) -> String {
    let mut text = match &scenario.council {
        Some(code) => format!("{} (council {code}, {source})\n", scenario.name),
        None => format!("{} ({source})\n", scenario.name),
    };
    text.push_str(&format!(
        "{} to {}, {} months. Caseload caps: {}.\n",
        scenario.start.label(),
        scenario.end().label(),
        scenario.horizon_months,
        caps_text(scenario)
    ));
    if let Some(first) = projection.first() {
        text.push_str(&format!(
            "At the start: {} children in need, {} on child protection plans, {} in care; {} FTE permanent and {} FTE agency; average caseload {}.\n",
            units::children(first.stocks.children_in_need),
            units::children(first.stocks.child_protection),
            units::children(first.stocks.looked_after()),
            units::fte(first.staffing.permanent_fte),
            units::fte(first.staffing.agency_fte),
            units::caseload(first.workload.average_caseload),
        ));
    }
    text.push_str(&balance_text(scenario));
    for note in crate::export::switched_on_assumptions(scenario) {
        text.push_str(&note);
        text.push('\n');
    }
    text.push('\n');
    let mut table = Table::new(&SUMMARY_HEADER);
    for year in &projection.years {
        table.row(year_cells(projection, year));
    }
    text.push_str(&table.render());
    text.push('\n');
    text.push_str(&projection.over_cap_sentence());
    text.push('\n');
    let total_spend = projection.total_spend();
    let total_funding: f64 = projection.years.iter().map(YearSummary::funding).sum();
    let reserves = projection
        .years
        .last()
        .map_or(0.0, |year| year.reserves_at_end);
    text.push_str(&format!(
        "In all: spend {}, funding {}, variance {}. Reserves at the end: {}.\n",
        units::gbp(total_spend),
        units::gbp(total_funding),
        units::budget_variance(total_spend - total_funding),
        units::gbp(reserves),
    ));
    if let Some(worst) = projection.worst_overspend() {
        text.push_str(&format!(
            "Worst overspend: {} in {}.\n",
            units::gbp(worst.variance),
            worst.year.label()
        ));
    }
    if let Some(run_out) = projection.reserves_run_out() {
        text.push_str(&format!("Warning: {}.\n", run_out.warning()));
    }
    text
}

/// The "Balance at the start" block: where the inputs take each stock that is out
/// of balance, or one line saying all are in balance.
fn balance_text(scenario: &Scenario) -> String {
    let balances = balance::start_balance(scenario);
    let lines = balance::balance_lines(&balances);
    if balance::all_in_balance(&balances) {
        return "Balance at the start: every stock of children starts in balance with its own flows.\n".to_owned();
    }
    let mut text = "Balance at the start (with referrals held at their first-month level, no growth or interventions):\n".to_owned();
    for line in lines {
        text.push_str(&format!("  {line}\n"));
    }
    text
}

fn caps_text(scenario: &Scenario) -> String {
    let caps: Vec<String> = scenario
        .staff
        .iter()
        .filter(|group| group.holds_cases())
        .map(|group| format!("{} {}", group.name, units::thousands(group.caseload_cap, 0)))
        .collect();
    if caps.is_empty() {
        "none".to_owned()
    } else {
        caps.join(", ")
    }
}

fn year_cells(projection: &Projection, year: &YearSummary) -> Vec<String> {
    let caps: Vec<f64> = projection
        .rows
        .iter()
        .filter(|row| row.month.financial_year() == year.year)
        .filter_map(|row| row.workload.average_cap)
        .collect();
    let average_cap = (!caps.is_empty()).then(|| caps.iter().sum::<f64>() / caps.len() as f64);
    vec![
        units::financial_year_covered(year.year.0, year.months),
        year.months.to_string(),
        units::caseload(year.average_caseload),
        units::caseload(year.peak_caseload),
        units::caseload(average_cap),
        format!("{} of {}", year.months_over_cap, year.months),
        units::children(year.looked_after_at_end),
        units::fte(year.fte_at_end),
        units::percent(year.agency_share_at_end, 1),
        units::gbp(year.spend.total()),
        units::gbp(year.funding()),
        units::budget_variance(year.variance),
    ]
}
/// The comparison table as text for the terminal, the same rows as the window
/// shows.
pub fn comparison_text(
    comparison: &ComparisonTable,
    baseline_name: &str,
    scenario_name: &str,
) -> String {
    let mut table =
        Table::new(&["Period", "Figure", "A (baseline)", "B (scenario)", "B - A"]).text_columns(2);
    let period = comparison.period_label();
    for (index, row) in comparison.whole_period.iter().enumerate() {
        table.row(vec![
            if index == 0 {
                period.clone()
            } else {
                String::new()
            },
            row.metric.to_owned(),
            row.measure.format(row.baseline),
            row.measure.format(row.scenario),
            difference_text(row.measure, row.difference()),
        ]);
    }
    let mut last_year = None;
    for row in &comparison.rows {
        let year = if last_year == Some(row.year) {
            String::new()
        } else {
            last_year = Some(row.year);
            units::financial_year_covered(row.year.0, row.months)
        };
        table.row(vec![
            year,
            row.metric.to_owned(),
            row.measure.format(row.baseline),
            row.measure.format(row.scenario),
            difference_text(row.measure, row.difference()),
        ]);
    }
    format!(
        "A: {baseline_name}\nB: {scenario_name}\n\n{}",
        table.render()
    )
}
