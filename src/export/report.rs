//! The one-page summary report: a self-contained HTML file (charts embedded) that
//! prints cleanly on one A4 page.

use base64::Engine;

use super::NamedProjection;
use super::png::chart_png;
use crate::charts::ReportChart;
use crate::compare::{ComparisonTable, DecisionSummary, Verdict};
use crate::model::Scenario;
use crate::sim::Projection;
use crate::sim::balance;
use crate::units;
use crate::units::Measure;

/// A scenario and its projection, for the report.
pub struct ReportEntry<'a> {
    pub scenario: &'a Scenario,
    pub projection: &'a Projection,
}

/// The charts in the report, two by two.
const REPORT_CHARTS: [ReportChart; 4] = [
    ReportChart::AverageCaseload,
    ReportChart::ChildrenInCare,
    ReportChart::MonthlySpend,
    ReportChart::YearlySpend,
];

/// Wider than tall enough to leave room for the decision card on the one page.
const REPORT_CHART_SIZE: (u32, u32) = (1200, 560);

/// Escapes text for HTML.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

const STYLE: &str = r#"
  @page { size: A4 portrait; margin: 10mm; }
  * { box-sizing: border-box; }
  body { font-family: "Segoe UI", Ubuntu, Arial, sans-serif; font-size: 9.5pt; color: #1a1a1a; margin: 0 auto; max-width: 190mm; }
  h1 { font-size: 14pt; margin: 0 0 1.5mm; }
  h2 { font-size: 11pt; margin: 1.5mm 0 0.5mm; }
  p { margin: 0 0 1.5mm; }
  .notes { color: #444; font-size: 8.5pt; }
  table { border-collapse: collapse; width: 100%; margin-bottom: 2mm; }
  table { font-size: 8pt; }
  th, td { border-bottom: 1px solid #ccc; padding: 0.5mm 1mm; text-align: right; }
  td { white-space: nowrap; }
  th { vertical-align: bottom; font-size: 7.5pt; }
  th:first-child, td:first-child { text-align: left; }
  table.difference { font-size: 7pt; }
  table.difference th, table.difference td { padding: 0.4mm 0.6mm; }
  th { background: #eef2f6; font-weight: 600; }
  .over, .worse { color: #b00020; font-weight: 600; }
  .better { color: #1b7837; font-weight: 600; }
  .card { border: 1px solid #99a; background: #f6f8fa; padding: 1mm 2mm; margin: 0 0 1.5mm; font-size: 8.5pt; }
  .card p { margin: 0 0 0.5mm; }
  .card ul { margin: 0; padding-left: 4mm; }
  .card li { margin: 0; }
  .charts { display: grid; grid-template-columns: 1fr 1fr; gap: 2mm; max-width: 136mm; margin: 0 auto; }
  .charts img { width: 100%; height: auto; border: 1px solid #ddd; }
  .footer { color: #666; font-size: 7.5pt; margin-top: 1mm; }
  @media print { .charts img { break-inside: avoid; } }
"#;

fn headline_table(entries: &[ReportEntry<'_>]) -> String {
    let mut html = String::from(
        "<table><tr><th>Scenario</th><th>Year</th><th>Avg caseload</th><th>Months over cap</th><th>In care at end</th><th>Staff (FTE)</th><th>Agency</th><th>Spend</th><th>Funding</th><th>Variance</th></tr>",
    );
    for (position, entry) in entries.iter().enumerate() {
        for (index, year) in entry.projection.years.iter().enumerate() {
            // Compared, A and B: their names are given above the table.
            let name = match (index, entries.len(), position) {
                (0, 1, _) => escape(&entry.scenario.name),
                (0, _, 0) => "A".to_owned(),
                (0, _, _) => "B".to_owned(),
                _ => String::new(),
            };
            let year_label = units::financial_year_covered(year.year.0, year.months);
            let variance_class = if units::is_over_budget(year.variance) {
                " class=\"over\""
            } else {
                ""
            };
            let variance = units::budget_variance(year.variance);
            html.push_str(&format!(
                "<tr><td>{name}</td><td>{year_label}</td><td>{}</td><td>{} of {}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td{variance_class}>{variance}</td></tr>",
                units::caseload(year.average_caseload),
                year.months_over_cap,
                year.months,
                units::children(year.looked_after_at_end),
                units::fte(year.fte_at_end),
                units::percent(year.agency_share_at_end, 1),
                units::gbp(year.spend.total()),
                units::gbp(year.funding()),
            ));
        }
    }
    html.push_str("</table>");
    html
}

/// The difference table, B minus A: one row per year, one column per figure.
fn difference_table(table: &ComparisonTable) -> String {
    let figures: Vec<(&str, Measure)> = {
        let mut figures = Vec::new();
        for row in &table.rows {
            if !figures.iter().any(|(name, _)| *name == row.metric) {
                figures.push((row.metric, row.measure));
            }
        }
        figures
    };
    let mut html = String::from("<table class=\"difference\"><tr><th>Year</th>");
    for (name, _) in &figures {
        html.push_str(&format!("<th>{}</th>", escape(name)));
    }
    html.push_str("</tr>");
    // "Whole period" alone keeps the year column narrow.
    html.push_str("<tr><td><strong>Whole period</strong></td>");
    for (name, _) in &figures {
        let cell = table
            .whole_period
            .iter()
            .find(|row| row.metric == *name)
            .map_or_else(String::new, |row| {
                row.measure.format_difference(row.difference())
            });
        html.push_str(&format!("<td>{}</td>", escape(&cell)));
    }
    html.push_str("</tr>");
    for year in table.years() {
        html.push_str(&format!("<tr><td>{}</td>", year.label()));
        for (name, measure) in &figures {
            let cell = table
                .rows
                .iter()
                .find(|row| row.year == year && row.metric == *name)
                .map_or_else(String::new, |row| {
                    measure.format_difference(row.difference())
                });
            html.push_str(&format!("<td>{}</td>", escape(&cell)));
        }
        html.push_str("</tr>");
    }
    html.push_str("</table>");
    html
}

/// The decision card: the same sentences as the window and `caseload compare`,
/// each marked better or worse in words and colour.
fn decision_html(card: &DecisionSummary) -> String {
    let mut html = format!(
        "<div class=\"card\"><p><strong>{}</strong></p><ul>\n",
        escape(&card.title())
    );
    for line in &card.lines {
        let class = match line.verdict {
            Verdict::Better => " class=\"better\"",
            Verdict::Worse => " class=\"worse\"",
            Verdict::Same => "",
        };
        html.push_str(&format!(
            "<li><span{class}>{}: {}</span> {}</li>\n",
            escape(line.topic),
            line.verdict.word(),
            escape(&line.sentence)
        ));
    }
    html.push_str("</ul></div>\n");
    html
}

/// "Balance at the start": where the inputs take each stock that is out of
/// balance, for each scenario (not repeated when the next says the same).
fn balance_html(entries: &[ReportEntry<'_>]) -> String {
    let mut html = String::from("<h2>Balance at the start</h2>\n");
    let mut previous: Option<Vec<String>> = None;
    for (index, entry) in entries.iter().enumerate() {
        let lines = balance::balance_lines(&balance::start_balance(entry.scenario));
        if previous.as_ref() == Some(&lines) {
            continue;
        }
        let role = match (entries.len(), index) {
            (1, _) => String::new(),
            (_, 0) => "A: ".to_owned(),
            _ => "B: ".to_owned(),
        };
        html.push_str(&format!(
            "<p>{role}{}</p>\n",
            lines
                .iter()
                .map(|line| escape(line))
                .collect::<Vec<_>>()
                .join(" ")
        ));
        previous = Some(lines);
    }
    html.push_str(&format!(
        "<p class=\"notes\">{}</p>\n",
        escape(balance::ASSUMPTIONS)
    ));
    html
}

/// The report for one scenario, or for a baseline (first) and a scenario (second).
pub fn report_html(entries: &[ReportEntry<'_>]) -> Result<String, String> {
    let (Some(first), Some(last)) = (entries.first(), entries.last()) else {
        return Err("there is no scenario to report on".to_owned());
    };
    let title = if entries.len() > 1 {
        format!(
            "{} compared with {}",
            last.scenario.name, first.scenario.name
        )
    } else {
        first.scenario.name.clone()
    };
    let mut html = format!(
        "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>{}</title><style>{STYLE}</style></head><body>\n",
        escape(&title)
    );
    let comparing = entries.len() > 1;
    if comparing {
        // The card's title names both scenarios.
        html.push_str("<h1>Caseload summary: a scenario against a baseline</h1>\n");
    } else {
        html.push_str(&format!("<h1>Caseload summary: {}</h1>\n", escape(&title)));
    }
    if comparing {
        html.push_str(&decision_html(&DecisionSummary::new(
            first.projection,
            last.projection,
            &first.scenario.name,
            &last.scenario.name,
        )));
    }
    for (index, entry) in entries.iter().enumerate() {
        let role = match (entries.len(), index) {
            (1, _) => "",
            (_, 0) => "A (baseline): ",
            _ => "B (scenario): ",
        };
        // When comparing, the card already says where caseloads stand.
        let over_cap = if comparing {
            String::new()
        } else {
            format!(" {}", escape(&entry.projection.over_cap_sentence()))
        };
        html.push_str(&format!(
            "<p><strong>{role}{}</strong>, {} to {}.{over_cap}</p>\n",
            escape(&entry.scenario.name),
            entry.scenario.start.label(),
            entry.scenario.end().label(),
        ));
        for note in super::switched_on_assumptions(entry.scenario) {
            html.push_str(&format!("<p class=\"notes\">{}</p>\n", escape(&note)));
        }
        // Notes the baseline already showed are not repeated.
        let repeated = index > 0 && entries[index - 1].scenario.notes == entry.scenario.notes;
        if !entry.scenario.notes.trim().is_empty() && !repeated {
            html.push_str(&format!(
                "<p class=\"notes\">{}</p>\n",
                escape(&entry.scenario.notes)
            ));
        }
    }
    html.push_str(&balance_html(entries));
    // When comparing, the card says when reserves run out.
    for entry in entries.iter().filter(|_| !comparing) {
        if let Some(run_out) = entry.projection.reserves_run_out() {
            html.push_str(&format!(
                "<p class=\"over\">Warning ({}): {}.</p>\n",
                escape(&entry.scenario.name),
                escape(&run_out.warning())
            ));
        }
    }
    html.push_str("<h2>Headline figures by financial year</h2>\n");
    html.push_str(&headline_table(entries));
    if entries.len() > 1 {
        let table = ComparisonTable::new(first.projection, last.projection);
        html.push_str("<h2>Difference: B minus A</h2>\n");
        html.push_str(&difference_table(&table));
    }
    html.push_str("<div class=\"charts\">\n");
    let named: Vec<NamedProjection<'_>> = entries
        .iter()
        .map(|entry| NamedProjection {
            name: &entry.scenario.name,
            projection: entry.projection,
        })
        .collect();
    for chart in REPORT_CHARTS {
        let png = chart_png(chart, &named, REPORT_CHART_SIZE)?;
        let data = base64::engine::general_purpose::STANDARD.encode(png);
        html.push_str(&format!(
            "<img alt=\"{}\" src=\"data:image/png;base64,{data}\">\n",
            escape(chart.title())
        ));
    }
    html.push_str("</div>\n");
    html.push_str("<p class=\"footer\">Made with Caseload. Funding is the year's budget (pro rata for part years) plus grants; a positive variance is an overspend. Figures are projections from the scenario files named above.</p>\n");
    html.push_str("</body></html>\n");
    Ok(html)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_report_says_where_the_stocks_settle() {
        let mut scenario = crate::io::default_scenario();
        scenario.demand.children_in_need = 3_000.0;
        let projection = crate::sim::project(&scenario);
        let entry = || ReportEntry {
            scenario: &scenario,
            projection: &projection,
        };
        let sentence = balance::start_balance(&scenario)[0].sentence();
        assert!(
            sentence.starts_with("Children in need settle at"),
            "{sentence}"
        );
        let html = balance_html(&[entry()]);
        assert!(html.contains("<h2>Balance at the start</h2>"), "{html}");
        assert!(html.contains(&format!("{sentence}.")), "{html}");
        // A baseline and a scenario with the same start: said once.
        let html = balance_html(&[entry(), entry()]);
        assert_eq!(html.matches(&sentence).count(), 1, "{html}");
        // The whole report carries it.
        let report = report_html(&[entry()]).unwrap_or_default();
        assert!(report.contains(&sentence));
    }

    #[test]
    fn the_report_states_a_switched_on_assumption() {
        let mut scenario = crate::io::default_scenario();
        let report = |scenario: &Scenario| {
            let projection = crate::sim::project(scenario);
            report_html(&[ReportEntry {
                scenario,
                projection: &projection,
            }])
            .unwrap()
        };
        assert!(!report(&scenario).contains("Workload affects practice"));
        scenario.demand.workload_effect.enabled = true;
        assert!(report(&scenario).contains(
            "<p class=\"notes\">Workload affects practice is on (an assumption, not a measured effect)"
        ));
    }

    #[test]
    fn a_comparison_report_opens_with_the_decision_card() {
        let baseline = crate::io::default_scenario();
        let mut plan = baseline.clone();
        plan.name = "Plan".to_owned();
        for budget in &mut plan.money.budgets {
            budget.budget_gbp += 2_000_000.0;
        }
        let (a, b) = (crate::sim::project(&baseline), crate::sim::project(&plan));
        let html = report_html(&[
            ReportEntry {
                scenario: &baseline,
                projection: &a,
            },
            ReportEntry {
                scenario: &plan,
                projection: &b,
            },
        ])
        .unwrap();
        let card = DecisionSummary::new(&a, &b, &baseline.name, "Plan");
        let card_at = html.find("<div class=\"card\">").unwrap();
        assert!(card_at < html.find("<h2>").unwrap(), "the card comes first");
        for sentence in card.sentences() {
            assert!(html.contains(&escape(&sentence)), "{sentence}");
        }
        assert!(html.contains("<span class=\"better\">Overspend: better</span>"));
        assert!(html.contains("<tr><td><strong>Whole period</strong></td>"));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape("<b>\"A&B\"</b>"),
            "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;"
        );
    }
}
