//! The Inputs sheet: every input of the scenario (of both, when compared) from
//! the catalogue of inputs, with the name the editor gives it, its value, unit,
//! default and source, and where the file keeps it.

use rust_xlsxwriter::{Format, Worksheet, XlsxError};

use super::formats::{Formats, MAX_COLUMN_PIXELS};
use crate::export::ReportEntry;
use crate::model::Scenario;
use crate::model::catalogue::{Input, InputRef, Value, inputs_of};

/// An input's number as the sheet holds it: an input in percent (`%`, `% a
/// year`) as a share, so Excel's % format shows it as typed (22.6%).
pub fn sheet_number(input: &Input, value: f64) -> f64 {
    if is_percent(input) {
        value / 100.0
    } else {
        value
    }
}

fn is_percent(input: &Input) -> bool {
    input.unit.starts_with('%')
}

/// The format for an input's number: £, %, FTE or its own decimals.
fn number_format(input: &Input) -> Format {
    let decimals = input.decimals();
    let fraction = if decimals == 0 {
        String::new()
    } else {
        format!(".{}", "0".repeat(decimals.min(6)))
    };
    let code = if input.is_pounds() {
        format!("\"£\"#,##0{fraction};-\"£\"#,##0{fraction}")
    } else if is_percent(input) {
        // The input's own decimals, now of a percentage.
        format!("0{fraction}%")
    } else {
        format!("#,##0{fraction}")
    };
    Format::new().set_num_format(code)
}

/// One row: what the input is called, and its value in each scenario (`None`
/// where that scenario has no such input).
struct InputRow<'a> {
    path: String,
    name: String,
    input: &'static Input,
    values: Vec<Option<(InputRef, &'a Scenario)>>,
}

fn rows<'a>(entries: &[ReportEntry<'a>]) -> Vec<InputRow<'a>> {
    let mut rows: Vec<InputRow<'a>> = Vec::new();
    for (index, entry) in entries.iter().enumerate() {
        for input in inputs_of(entry.scenario) {
            let path = input.named_path(entry.scenario);
            let at = match rows.iter().position(|row| row.path == path) {
                Some(at) => at,
                None => {
                    rows.push(InputRow {
                        path,
                        name: input.name_without_unit(entry.scenario),
                        input: input.input,
                        values: vec![None; entries.len()],
                    });
                    rows.len() - 1
                }
            };
            if let Some(slot) = rows[at].values.get_mut(index) {
                *slot = Some((input, entry.scenario));
            }
        }
    }
    rows
}

pub fn write(
    sheet: &mut Worksheet,
    entries: &[ReportEntry<'_>],
    formats: &Formats,
) -> Result<(), XlsxError> {
    let mut headings = vec!["Input".to_owned()];
    if let [baseline, scenario] = entries {
        headings.push(format!("A: {}", baseline.scenario.name));
        headings.push(format!("B: {}", scenario.scenario.name));
    } else {
        headings.push("Value".to_owned());
    }
    let after = headings.len() as u16;
    headings.extend(
        ["Unit", "Default", "Source", "In the file as"]
            .iter()
            .map(|heading| (*heading).to_owned()),
    );
    for (column, heading) in headings.iter().enumerate() {
        sheet.write_string_with_format(0, column as u16, heading, &formats.header)?;
    }
    for (index, row) in rows(entries).iter().enumerate() {
        let at = index as u32 + 1;
        sheet.write_string(at, 0, &row.name)?;
        let format = number_format(row.input);
        for (offset, value) in row.values.iter().enumerate() {
            let column = 1 + offset as u16;
            let Some((input, scenario)) = value else {
                sheet.write_string(at, column, "(none)")?;
                continue;
            };
            match input.read(scenario) {
                Some(Value::Number(number)) => {
                    sheet.write_number_with_format(
                        at,
                        column,
                        sheet_number(row.input, number),
                        &format,
                    )?;
                }
                Some(Value::Whole(number)) => {
                    sheet.write_number(at, column, f64::from(number))?;
                }
                Some(other) => {
                    sheet.write_string(at, column, words(&other))?;
                }
                None => {
                    sheet.write_string(at, column, "(none)")?;
                }
            }
        }
        sheet.write_string(at, after, row.input.unit)?;
        sheet.write_string(at, after + 1, row.input.default)?;
        sheet.write_string(at, after + 2, row.input.source)?;
        sheet.write_string(at, after + 3, &row.path)?;
    }
    sheet.set_autofit_max_width(MAX_COLUMN_PIXELS).autofit();
    sheet.set_freeze_panes(1, 1)?;
    Ok(())
}

/// Most characters an Excel cell holds; longer text (a very long note) is cut
/// there and marked, rather than failing the whole workbook.
pub const CELL_LIMIT: usize = 32_767;

fn within_cell_limit(text: &str) -> String {
    if text.chars().count() <= CELL_LIMIT {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(CELL_LIMIT - 1).collect();
    cut.push('…');
    cut
}

/// A value that is not a number, in words.
fn words(value: &Value) -> String {
    match value {
        Value::Number(number) => number.to_string(),
        Value::Whole(number) => number.to_string(),
        Value::Switch(true) => "on".to_owned(),
        Value::Switch(false) => "off".to_owned(),
        Value::Text(text) => within_cell_limit(text),
        Value::Month(month) => month.label(),
        Value::Year(year) => year.label(),
        Value::Shape(shape) => shape.label().to_owned(),
        Value::Absent => "not set".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_longer_than_a_cell_holds_is_cut_and_marked() {
        assert_eq!(within_cell_limit("Plan B"), "Plan B");
        let long = "x".repeat(CELL_LIMIT + 10);
        let cut = within_cell_limit(&long);
        assert_eq!(cut.chars().count(), CELL_LIMIT);
        assert!(cut.ends_with('…'));
    }
}
