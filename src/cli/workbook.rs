//! `--xlsx OUT`: the Excel workbook as a file to write, with the other outputs.

use std::path::Path;

use super::outputs::OutputFile;
use crate::export::{ReportEntry, workbook_xlsx};

/// The workbook of the entries (one scenario, or a baseline and a scenario) as
/// an output file.
pub fn workbook_file(path: &Path, entries: &[ReportEntry<'_>]) -> Result<OutputFile, String> {
    let what = match entries {
        [_, _] => "the workbook (summaries, monthly figures, comparison and inputs)",
        _ => "the workbook (summary, monthly figures and inputs)",
    };
    Ok(OutputFile {
        path: path.to_owned(),
        what: what.to_owned(),
        bytes: workbook_xlsx(entries)?,
    })
}
