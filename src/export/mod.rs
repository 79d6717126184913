//! Results that leave the app: CSV for spreadsheets (every CSV writer is here,
//! all through the `csv` crate), an Excel workbook, charts as PNG images, and a
//! one-page HTML summary report. Nothing here knows about the window.

mod assumptions;
mod comparison_csv;
mod csv;
mod monthly_csv;
mod percentiles_csv;
mod png;
mod report;
mod workbook;

pub use assumptions::switched_on_assumptions;
pub use comparison_csv::write_comparison_csv;
pub use monthly_csv::{
    Column, ColumnUnit, columns as monthly_columns, row_values as monthly_values,
    write_projection_csv, write_scenarios_csv,
};
pub use percentiles_csv::write_percentiles_csv;
pub use png::{CHART_SIZE, chart_png};
pub use report::{ReportEntry, report_html};
pub use workbook::{
    COMPARISON_SHEET, INPUTS_SHEET, MONTHLY_SHEET, SUMMARY_SHEET, WHOLE_PERIOD, decision_card,
    workbook_xlsx,
};

use crate::sim::Projection;

/// A projection with the name of its scenario, as exports label it.
#[derive(Clone, Copy)]
pub struct NamedProjection<'a> {
    pub name: &'a str,
    pub projection: &'a Projection,
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
