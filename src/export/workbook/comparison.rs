//! The Comparison sheet: the comparison table as the window shows it, figure by
//! figure and year by year, the baseline (A), the scenario (B) and B minus A.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::formats::{Formats, MAX_COLUMN_PIXELS};
use crate::compare::ComparisonTable;
use crate::export::ReportEntry;
use crate::units;
use crate::units::Measure;

pub fn write(
    sheet: &mut Worksheet,
    baseline: &ReportEntry<'_>,
    scenario: &ReportEntry<'_>,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let table = ComparisonTable::new(baseline.projection, scenario.projection);
    let headings = [
        "Financial year".to_owned(),
        "Months".to_owned(),
        "Figure".to_owned(),
        "Unit".to_owned(),
        format!("A: {}", baseline.scenario.name),
        format!("B: {}", scenario.scenario.name),
        "B minus A".to_owned(),
    ];
    for (column, heading) in headings.iter().enumerate() {
        sheet.write_string_with_format(0, column as u16, heading, &formats.header)?;
    }
    for (index, row) in table.rows.iter().enumerate() {
        let at = index as u32 + 1;
        sheet.write_string(at, 0, units::financial_year_covered(row.year.0, row.months))?;
        sheet.write_number_with_format(at, 1, row.months as f64, &formats.count)?;
        sheet.write_string(at, 2, row.metric)?;
        figures(
            sheet,
            at,
            row.measure,
            [row.baseline, row.scenario],
            formats,
        )?;
    }
    let at = table.rows.len() as u32 + 1;
    for (index, row) in table.whole_period.iter().enumerate() {
        let at = at + index as u32;
        sheet.write_string_with_format(at, 0, table.period_label(), &formats.bold)?;
        sheet.write_number_with_format(at, 1, table.months as f64, &formats.count)?;
        sheet.write_string_with_format(at, 2, row.metric, &formats.bold)?;
        figures(
            sheet,
            at,
            row.measure,
            [row.baseline, row.scenario],
            formats,
        )?;
    }
    sheet.set_autofit_max_width(MAX_COLUMN_PIXELS).autofit();
    sheet.set_freeze_panes(1, 3)?;
    Ok(())
}

/// A row's unit, A, B (the measure's words where there is no figure, e.g. "no
/// capacity") and B minus A, in columns 3 to 6 of row `at`.
fn figures(
    sheet: &mut Worksheet,
    at: u32,
    measure: Measure,
    [baseline, scenario]: [Option<f64>; 2],
    formats: &Formats,
) -> Result<(), XlsxError> {
    sheet.write_string(at, 3, measure.unit())?;
    let format = formats.for_measure(measure);
    for (column, value) in [(4, baseline), (5, scenario)] {
        match value {
            Some(value) => sheet.write_number_with_format(at, column, value, format)?,
            None => sheet.write_string(at, column, measure.format(None))?,
        };
    }
    if let (Some(baseline), Some(scenario)) = (baseline, scenario) {
        sheet.write_number_with_format(
            at,
            6,
            scenario - baseline,
            formats.for_difference(measure),
        )?;
    }
    Ok(())
}
