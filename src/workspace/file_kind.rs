//! The kinds of file Caseload asks for, shared by the system's dialogs and its own chooser.

/// The kinds of file the app writes, each with its dialog filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Scenario,
    Csv,
    Png,
    Html,
    Workbook,
}

impl FileKind {
    pub fn filter_name(self) -> &'static str {
        match self {
            FileKind::Scenario => "Caseload scenario",
            FileKind::Csv => "CSV (spreadsheet)",
            FileKind::Png => "PNG image",
            FileKind::Html => "Web page (HTML)",
            FileKind::Workbook => "Excel workbook",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            FileKind::Scenario => "ron",
            FileKind::Csv => "csv",
            FileKind::Png => "png",
            FileKind::Html => "html",
            FileKind::Workbook => "xlsx",
        }
    }
}
