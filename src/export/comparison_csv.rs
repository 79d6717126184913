//! The comparison table as CSV for spreadsheets.

use std::io::Write;

use super::csv::{csv_writer, number, text_cell};
use crate::compare::ComparisonTable;

/// The comparison table in long form: year, figure, unit, baseline, scenario,
/// difference (scenario minus baseline). Plain numbers; shares in percent.
pub fn write_comparison_csv(table: &ComparisonTable, out: &mut impl Write) -> std::io::Result<()> {
    let mut writer = csv_writer(out);
    writer.write_record([
        "financial_year",
        "months",
        "figure",
        "unit",
        "baseline",
        "scenario",
        "difference",
    ])?;
    for row in &table.rows {
        let plain = |value: Option<f64>| number(value.map(|value| row.measure.plain(value)));
        writer.write_record([
            row.year.label(),
            row.months.to_string(),
            text_cell(row.metric),
            text_cell(row.measure.unit()),
            plain(row.baseline),
            plain(row.scenario),
            plain(row.difference()),
        ])?;
    }
    writer.flush()
}
