//! Results that leave the app: CSV for spreadsheets, charts as PNG images, and a
//! one-page HTML summary report. Nothing here knows about the window.

mod charts;
mod png;
mod report;

use std::io::Write;

pub use charts::{ChartPoint, ChartSeries, ChartTab, ReportChart, YearBar, charts_of};
pub use png::{CHART_SIZE, chart_png, scenario_colour};
pub use report::{ReportEntry, report_html};

use crate::compare::ComparisonTable;
use crate::io::csv::{column_names, row_cells, text_cell};
use crate::sim::Projection;

/// A projection with the name of its scenario, as exports label it.
#[derive(Clone, Copy)]
pub struct NamedProjection<'a> {
    pub name: &'a str,
    pub projection: &'a Projection,
}

/// Every monthly series of several scenarios in one CSV, in long form: one row per
/// scenario and month, a `scenario` column first, then the columns of `caseload run
/// --csv`. Staff-group columns are the union over the scenarios; a scenario without
/// that group leaves the cell empty.
pub fn write_scenarios_csv(
    scenarios: &[NamedProjection<'_>],
    out: &mut impl Write,
) -> std::io::Result<()> {
    let mut columns: Vec<String> = Vec::new();
    for scenario in scenarios {
        for column in column_names(scenario.projection) {
            if !columns.contains(&column) {
                columns.push(column);
            }
        }
    }
    let header: Vec<String> = std::iter::once("scenario".to_owned())
        .chain(columns.iter().map(|column| text_cell(column)))
        .collect();
    writeln!(out, "{}", header.join(","))?;
    for scenario in scenarios {
        let own = column_names(scenario.projection);
        let positions: Vec<Option<usize>> = columns
            .iter()
            .map(|column| own.iter().position(|name| name == column))
            .collect();
        for month_index in 0..scenario.projection.rows.len() {
            let cells = row_cells(scenario.projection, month_index);
            let mut line = vec![text_cell(scenario.name)];
            line.extend(positions.iter().map(|position| {
                position
                    .and_then(|at| cells.get(at).cloned())
                    .unwrap_or_default()
            }));
            writeln!(out, "{}", line.join(","))?;
        }
    }
    Ok(())
}

/// The comparison table in long form: year, figure, unit, baseline, scenario,
/// difference (scenario minus baseline). Plain numbers; shares in percent.
pub fn write_comparison_csv(table: &ComparisonTable, out: &mut impl Write) -> std::io::Result<()> {
    writeln!(
        out,
        "financial_year,months,figure,unit,baseline,scenario,difference"
    )?;
    let number = |measure: crate::units::Measure, value: Option<f64>| {
        value.map_or_else(String::new, |value| {
            let text = format!("{:.4}", measure.plain(value));
            let text = text.trim_end_matches('0').trim_end_matches('.');
            if text == "-0" {
                "0".to_owned()
            } else {
                text.to_owned()
            }
        })
    };
    for row in &table.rows {
        writeln!(
            out,
            "{},{},{},{},{},{},{}",
            row.year.label(),
            row.months,
            text_cell(row.metric),
            text_cell(row.measure.unit()),
            number(row.measure, row.baseline),
            number(row.measure, row.scenario),
            number(row.measure, row.difference()),
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::default_scenario;
    use crate::sim::project;

    #[test]
    fn the_monthly_export_neutralises_scenario_names_a_spreadsheet_would_run() {
        let scenario = default_scenario();
        let projection = project(&scenario);
        let named = |name| NamedProjection {
            name,
            projection: &projection,
        };
        let mut bytes = Vec::new();
        write_scenarios_csv(
            &[named("=cmd|' /C calc'!A0"), named("-2+3"), named("Plan B")],
            &mut bytes,
        )
        .unwrap();
        let text = String::from_utf8(bytes).unwrap();
        let first_cells: Vec<&str> = text
            .lines()
            .skip(1)
            .map(|line| line.split(',').next().unwrap())
            .collect();
        let months = projection.rows.len();
        assert_eq!(first_cells.len(), 3 * months);
        assert!(
            first_cells[..months]
                .iter()
                .all(|cell| *cell == "'=cmd|' /C calc'!A0")
        );
        assert!(
            first_cells[months..2 * months]
                .iter()
                .all(|cell| *cell == "'-2+3")
        );
        assert!(
            first_cells[2 * months..]
                .iter()
                .all(|cell| *cell == "Plan B")
        );
        // Numbers, negative ones included, are written as numbers.
        assert!(text.lines().nth(1).unwrap().split(',').skip(1).all(|cell| {
            cell.is_empty() || cell.parse::<f64>().is_ok() || cell.starts_with("20")
        }));
    }
}
