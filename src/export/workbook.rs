//! The workbook for finance officers, who live in Excel: an `.xlsx` file with a
//! Summary sheet by financial year, every monthly figure, the comparison when
//! there is one, and the inputs with their names, units and sources. Numbers are
//! written as numbers (never as text) with number formats for £, % and FTE, and
//! every sheet keeps its header row in view.

mod comparison;
mod formats;
mod inputs;
mod monthly;
mod summary;

use rust_xlsxwriter::{Workbook, XlsxError};

use super::ReportEntry;
use crate::compare::DecisionSummary;
use formats::Formats;
pub use summary::WHOLE_PERIOD;

/// The sheets' names, as tests and people find them.
pub const SUMMARY_SHEET: &str = "Summary";
pub const MONTHLY_SHEET: &str = "Monthly";
pub const COMPARISON_SHEET: &str = "Comparison";
pub const INPUTS_SHEET: &str = "Inputs";

/// The workbook of one scenario, or of a baseline (the first entry) and a
/// scenario compared with it (the second), as the bytes of an `.xlsx` file. A
/// comparison's Summary sheet opens with the decision card, in the words the
/// window and the report use.
pub fn workbook_xlsx(entries: &[ReportEntry<'_>]) -> Result<Vec<u8>, String> {
    build(entries).map_err(|error| format!("could not make the workbook: {error}"))
}

/// The decision card of a comparison, as the window shows it; none for one
/// scenario.
pub fn decision_card(entries: &[ReportEntry<'_>]) -> Option<DecisionSummary> {
    match entries {
        [baseline, scenario] => Some(DecisionSummary::new(
            baseline.projection,
            scenario.projection,
            &baseline.scenario.name,
            &scenario.scenario.name,
        )),
        _ => None,
    }
}

fn build(entries: &[ReportEntry<'_>]) -> Result<Vec<u8>, XlsxError> {
    let formats = Formats::new();
    let card = decision_card(entries);
    let mut workbook = Workbook::new();
    summary::write(
        workbook.add_worksheet().set_name(SUMMARY_SHEET)?,
        entries,
        card.as_ref(),
        &formats,
    )?;
    monthly::write(
        workbook.add_worksheet().set_name(MONTHLY_SHEET)?,
        entries,
        &formats,
    )?;
    if let [baseline, scenario] = entries {
        comparison::write(
            workbook.add_worksheet().set_name(COMPARISON_SHEET)?,
            baseline,
            scenario,
            &formats,
        )?;
    }
    inputs::write(
        workbook.add_worksheet().set_name(INPUTS_SHEET)?,
        entries,
        &formats,
    )?;
    workbook.save_to_buffer()
}
