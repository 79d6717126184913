//! The Monthly sheet: every monthly series the CSV has, one row a month, under
//! headings people read ("Children in care", "Spend: placements (£)"). With two
//! scenarios, the baseline's months come first, then the scenario's, each row
//! naming its scenario; staff-group columns are the union of both.

use rust_xlsxwriter::{ExcelDateTime, Worksheet, XlsxError};

use super::formats::Formats;
use crate::export::ReportEntry;
use crate::export::monthly_csv::{Column, ColumnUnit, columns, row_values};
use crate::model::Month;

/// Width of each figure's column, in characters; headings wrap within it.
const FIGURE_WIDTH: f64 = 15.0;
/// Height of the heading row, in pixels: four lines of wrapped heading.
const HEADER_HEIGHT: u32 = 64;

/// The columns of every scenario, each once, in the order first met.
pub fn union_of_columns(entries: &[ReportEntry<'_>]) -> Vec<Column> {
    let mut union: Vec<Column> = Vec::new();
    for entry in entries {
        for column in columns(entry.projection) {
            if !union.iter().any(|known| known.key == column.key) {
                union.push(column);
            }
        }
    }
    union
}

/// The first day of a month as a spreadsheet date.
pub fn month_date(month: Month) -> Result<ExcelDateTime, XlsxError> {
    let year =
        u16::try_from(month.year()).map_err(|_| XlsxError::DateTimeRangeError(month.label()))?;
    ExcelDateTime::from_ymd(year, month.month_number() as u8, 1)
}

/// A value as the sheet holds it: percentages as shares, so that Excel's % format
/// and formulas read them as they should (95.3% is 0.953).
pub fn sheet_value(unit: ColumnUnit, value: f64) -> f64 {
    if unit == ColumnUnit::Percent {
        value / 100.0
    } else {
        value
    }
}

pub fn write(
    sheet: &mut Worksheet,
    entries: &[ReportEntry<'_>],
    formats: &Formats,
) -> Result<(), XlsxError> {
    let named = entries.len() > 1;
    let first_figure: u16 = if named { 2 } else { 1 };
    let union = union_of_columns(entries);
    if named {
        sheet.write_string_with_format(0, 0, "Scenario", &formats.header)?;
        sheet.set_column_width(0, 24)?;
    }
    sheet.write_string_with_format(0, first_figure - 1, "Month", &formats.header)?;
    sheet.set_column_width(first_figure - 1, 10)?;
    for (offset, column) in union.iter().enumerate() {
        let at = first_figure + offset as u16;
        sheet.write_string_with_format(0, at, &column.heading, &formats.header)?;
        sheet.set_column_width(at, FIGURE_WIDTH)?;
    }
    sheet.set_row_height_pixels(0, HEADER_HEIGHT)?;
    let mut row_number = 1;
    for entry in entries {
        let own = columns(entry.projection);
        let positions: Vec<Option<usize>> = union
            .iter()
            .map(|column| own.iter().position(|mine| mine.key == column.key))
            .collect();
        for (month_index, row) in entry.projection.rows.iter().enumerate() {
            if named {
                sheet.write_string(row_number, 0, &entry.scenario.name)?;
            }
            sheet.write_datetime_with_format(
                row_number,
                first_figure - 1,
                month_date(row.month)?,
                &formats.month,
            )?;
            let values = row_values(entry.projection, month_index);
            for (offset, (column, position)) in union.iter().zip(&positions).enumerate() {
                let value = position.and_then(|at| values.get(at).copied().flatten());
                if let Some(value) = value.filter(|value| value.is_finite()) {
                    sheet.write_number_with_format(
                        row_number,
                        first_figure + offset as u16,
                        sheet_value(column.unit, value),
                        formats.for_column(column.unit),
                    )?;
                }
            }
            row_number += 1;
        }
    }
    sheet.set_freeze_panes(1, first_figure)?;
    Ok(())
}
