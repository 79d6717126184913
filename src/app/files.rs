//! File work for the app: open, save, export. Every failure is shown in the
//! window and leaves the scenarios and the files on disk as they were.

use std::path::{Path, PathBuf};

use egui::Context;

use super::CaseloadApp;
use super::file_dialogs::with_extension;
use crate::charts::{ChartTab, charts_of};
use crate::compare::ComparisonTable;
use crate::export::{self, NamedProjection};
use crate::io::{load_scenario_with_text, save_scenario_keeping_layout, write_file};
use crate::ui::dialogs::ErrorReport;
use crate::ui::file_chooser::FileChooser;
use crate::workspace::{
    Document, FileChooserChoice, FileRequest, OverwriteAnswer, PendingAction, ReplaceAnswer,
};

/// Added when the system's dialog returned nothing: it may have been cancelled, or
/// (where it is broken rather than missing) never shown.
const IF_NO_DIALOG_APPEARED: &str =
    "If no dialog appeared, choose View > File chooser > Caseload's own, and try again.";

const NOTHING_TO_COMPARE: &str = "Open or duplicate a second scenario to compare with.";

fn display_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}

/// "Liverpool 2019: +160 staff plan" -> "liverpool-2019-160-staff-plan".
pub fn file_stem(name: &str) -> String {
    let stem = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect::<String>()
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if stem.is_empty() {
        "scenario".to_owned()
    } else {
        stem
    }
}

impl CaseloadApp {
    /// Where a file dialog starts, as an absolute path: the scenario's folder, else
    /// the folder of the file used last (a duplicate starts beside its original).
    fn start_folder(&self) -> Option<PathBuf> {
        let scenario = self.document().path.as_deref();
        let last_used = self.preferences.recent_files.first().map(PathBuf::as_path);
        [scenario, last_used]
            .into_iter()
            .flatten()
            .filter_map(Path::parent)
            .find_map(|folder| {
                let folder = if folder.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    folder
                };
                std::fs::canonicalize(folder)
                    .ok()
                    .filter(|folder| folder.is_dir())
            })
    }

    /// Where Caseload's own chooser starts: as a system dialog would, else in the
    /// current folder, else the home folder.
    fn chooser_folder(&self) -> PathBuf {
        self.start_folder()
            .or_else(|| std::env::current_dir().ok())
            .or_else(std::env::home_dir)
            .unwrap_or_else(|| PathBuf::from("/"))
    }

    /// Asks for a file for `request`: in the system's dialog where there is one,
    /// else in Caseload's own chooser, whose answer comes back as a command.
    fn ask_for_file(&mut self, request: FileRequest, suggested_name: &str, ctx: &Context) {
        let own_chosen = self.preferences.file_chooser == FileChooserChoice::Caseload;
        if !own_chosen && self.dialogs.available() {
            let folder = self.start_folder();
            let chosen = if request.writes() {
                self.dialogs
                    .save_file(folder.as_deref(), suggested_name, request.kind())
            } else {
                self.dialogs.open_scenario(folder.as_deref())
            };
            match chosen {
                Some(path) => self.file_chosen(request, path, ctx),
                None => {
                    self.status = format!("{} {IF_NO_DIALOG_APPEARED}", request.not_chosen());
                }
            }
            return;
        }
        let folder = self.chooser_folder();
        self.status = if own_chosen {
            "Choose the file in Caseload's file chooser".to_owned()
        } else {
            "This computer has no system file dialog: choose the file in Caseload's own".to_owned()
        };
        self.file_chooser = Some(FileChooser::new(request, &folder, suggested_name));
    }

    /// A file picked in Caseload's own chooser: adds the extension when missing, and
    /// asks before replacing a file that is there (as the system's dialogs do).
    pub(super) fn own_chooser_chose(&mut self, request: FileRequest, path: PathBuf, ctx: &Context) {
        if !request.writes() {
            self.file_chosen(request, path, ctx);
            return;
        }
        let path = with_extension(path, request.kind().extension());
        if path.exists() {
            self.replace_question = Some((request, path));
        } else {
            self.file_chosen(request, path, ctx);
        }
    }

    /// Carries out the answer to "replace the file that is there?".
    pub(super) fn answer_replace(
        &mut self,
        request: FileRequest,
        path: PathBuf,
        answer: ReplaceAnswer,
        ctx: &Context,
    ) {
        match answer {
            ReplaceAnswer::Replace => self.file_chosen(request, path, ctx),
            ReplaceAnswer::ChooseAnother => {
                let folder = path
                    .parent()
                    .map_or_else(|| self.chooser_folder(), Path::to_owned);
                let name = path
                    .file_name()
                    .map(|name| name.to_string_lossy().into_owned())
                    .unwrap_or_default();
                self.file_chooser = Some(FileChooser::new(request, &folder, &name));
            }
            ReplaceAnswer::Cancel => self.status = request.not_chosen().to_owned(),
        }
    }

    /// Carries out `request` with the file chosen for it.
    fn file_chosen(&mut self, request: FileRequest, path: PathBuf, ctx: &Context) {
        match request {
            FileRequest::Open => self.open_path(&path),
            FileRequest::SaveAs { tab, then } => {
                if tab >= self.documents.len() {
                    return;
                }
                self.active = tab;
                if self.save_to(&path)
                    && let Some(action) = then
                {
                    self.carry_on(action, ctx);
                }
            }
            FileRequest::ExportCsv => self.export_scenarios_csv_to(&path),
            FileRequest::ExportComparisonCsv => self.export_comparison_csv_to(&path),
            FileRequest::ExportCharts(tab) => self.export_charts_to(tab, &path),
            FileRequest::ExportReport => self.export_report_to(&path),
            FileRequest::ExportWorkbook => self.export_workbook_to(&path),
        }
    }

    fn suggested_file_name(&self, suffix: &str) -> String {
        format!("{}{suffix}", file_stem(&self.document().scenario.name))
    }

    fn show_error(&mut self, title: String, lines: Vec<String>, footer: &str) {
        self.error = Some(ErrorReport {
            title,
            lines,
            footer: footer.to_owned(),
            offer_save_as: false,
        });
    }

    /// What stays open after a file failed to open, naming the scenario shown, so
    /// nobody takes the built-in example for the file they asked for.
    pub(super) fn what_is_open(&self) -> String {
        let shown = self.document();
        let which = match &shown.path {
            Some(_) => format!("\"{}\" ({})", shown.scenario.name, shown.file_label()),
            None if !shown.is_modified() => {
                format!("the built-in example \"{}\"", shown.scenario.name)
            }
            None => format!("\"{}\" (not saved yet)", shown.scenario.name),
        };
        match self.documents.len() {
            1 => format!("Nothing was opened. Still shown: {which}, the only scenario open."),
            open => format!(
                "Nothing was opened. The {open} scenarios that were open stay open; shown: {which}."
            ),
        }
    }

    /// Opens a file in a tab (or switches to it if it is open already). On failure
    /// shows why and leaves every open scenario as it was.
    pub fn open_path(&mut self, path: &Path) {
        let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        if let Some(index) = self.documents.iter().position(|document| {
            document
                .path
                .as_deref()
                .and_then(|open| std::fs::canonicalize(open).ok())
                == Some(canonical.clone())
        }) {
            self.active = index;
            self.status = format!("{} is already open", display_name(path));
            return;
        }
        match load_scenario_with_text(path) {
            Ok((scenario, text)) => {
                let mut document = Document::new(scenario, Some(path.to_owned()));
                document.file_text = Some(text);
                self.add_or_replace_example(document);
                self.preferences.remember_file(path.to_owned());
                self.status = format!("Opened {}", path.display());
            }
            Err(error) => self.show_error(
                format!("Could not open {}", display_name(path)),
                error.lines(),
                &self.what_is_open(),
            ),
        }
    }

    /// Opens the scenario built from a council's published figures as a new, unsaved
    /// tab; saving it keeps the comments that say where each figure came from.
    pub(super) fn open_council_scenario(&mut self, code: &str, year: i32) {
        let built = crate::published::by_code(code)
            .ok_or_else(|| format!("no council has the code {code}"))
            .and_then(|council| crate::council_scenario::build(council, Some(year)));
        let read = built.and_then(|built| {
            crate::io::FileText::read(&built.text)
                .map_err(|problems| {
                    problems
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join("; ")
                })
                .map(|(scenario, text)| (scenario, text, built.year))
        });
        match read {
            Ok((scenario, text, year)) => {
                let name = scenario.name.clone();
                let mut document = Document::unsaved(scenario);
                document.file_text = Some(text);
                self.add_document(document);
                self.new_from_council.open = false;
                self.status = format!(
                    "New scenario: {name}, from the published figures for the year ending 31 March {year}"
                );
            }
            Err(message) => self.show_error(
                "Could not build the council's scenario".to_owned(),
                vec![message],
                &self.what_is_open(),
            ),
        }
    }

    /// Adds a tab, or takes the place of the built-in example if that is all
    /// that is open and it is untouched.
    pub(super) fn add_or_replace_example(&mut self, document: Document) {
        // Only the built-in example is open without a file and unchanged: copies
        // and restored scenarios count as unsaved from the start.
        let current = self.document();
        let untouched_example = current.path.is_none() && !current.is_modified();
        if untouched_example {
            let active = self.active;
            self.documents[active] = document;
        } else {
            self.add_document(document);
        }
    }

    pub(super) fn open_with_dialog(&mut self, ctx: &Context) {
        self.ask_for_file(FileRequest::Open, "", ctx);
    }

    /// Saves the scenario being edited to `path`; returns whether it worked. A failed
    /// save leaves the file on disk as it was and the scenario marked unsaved.
    fn save_to(&mut self, path: &Path) -> bool {
        let document = self.document();
        match save_scenario_keeping_layout(path, &document.scenario, document.file_text.as_ref()) {
            Ok(saved) => {
                self.document_mut().file_text = Some(saved);
                self.document_mut().mark_saved(path);
                self.preferences.remember_file(path.to_owned());
                self.status = format!("Saved to {}", path.display());
                true
            }
            Err(error) => {
                let read_only = error.is_read_only();
                self.show_error(
                    format!("Could not save {}", display_name(path)),
                    vec![error.to_string()],
                    if read_only {
                        "Your changes are still here, not saved. Save them as a new file, or make the file writable and save again."
                    } else {
                        "Your changes are still here, not saved."
                    },
                );
                if let Some(report) = &mut self.error {
                    report.offer_save_as = read_only;
                }
                false
            }
        }
    }

    /// Save to the current file, or ask where; once saved, carries on with `then`
    /// (closing the tab, quitting). If the file changed on disk since it was opened,
    /// asks before overwriting it, and `then` is dropped.
    pub(super) fn save(&mut self, then: Option<PendingAction>, ctx: &Context) {
        match self.document().path.clone() {
            Some(_) if self.document().changed_on_disk() => {
                self.overwrite_question = Some(self.active);
            }
            Some(path) => {
                if self.save_to(&path)
                    && let Some(action) = then
                {
                    self.carry_on(action, ctx);
                }
            }
            None => self.save_as(then, ctx),
        }
    }

    /// Carries out the answer to "the file changed on disk: overwrite it?".
    pub(super) fn answer_overwrite(
        &mut self,
        index: usize,
        answer: OverwriteAnswer,
        ctx: &Context,
    ) {
        if index >= self.documents.len() {
            return;
        }
        self.active = index;
        match answer {
            OverwriteAnswer::Overwrite => {
                if let Some(path) = self.document().path.clone() {
                    self.save_to(&path);
                }
            }
            OverwriteAnswer::SaveAs => self.save_as(None, ctx),
            OverwriteAnswer::Cancel => {
                self.status = "Not saved: the file on disk was left as it is".to_owned();
            }
        }
    }

    /// Asks where to save the scenario being edited, then saves it there and carries
    /// on with `then`.
    pub(super) fn save_as(&mut self, then: Option<PendingAction>, ctx: &Context) {
        let name = self.suggested_file_name(".ron");
        let request = FileRequest::SaveAs {
            tab: self.active,
            then,
        };
        self.ask_for_file(request, &name, ctx);
    }

    fn write_export(&mut self, path: &Path, bytes: Result<Vec<u8>, String>, what: &str) {
        match bytes.and_then(|bytes| write_file(path, &bytes).map_err(|error| error.to_string())) {
            Ok(()) => self.status = format!("Exported {what} to {}", path.display()),
            Err(why) => self.show_error(
                format!("Could not export {}", display_name(path)),
                vec![why],
                "Nothing was written.",
            ),
        }
    }

    fn named_projections(&self) -> Vec<NamedProjection<'_>> {
        self.documents
            .iter()
            .map(|document| NamedProjection {
                name: &document.scenario.name,
                projection: document.projection(),
            })
            .collect()
    }

    /// Every monthly series of every open scenario, one CSV.
    pub(super) fn export_scenarios_csv(&mut self, ctx: &Context) {
        let name = self.suggested_file_name("-monthly.csv");
        self.ask_for_file(FileRequest::ExportCsv, &name, ctx);
    }

    fn export_scenarios_csv_to(&mut self, path: &Path) {
        let mut bytes = Vec::new();
        let written = export::write_scenarios_csv(&self.named_projections(), &mut bytes)
            .map(|()| bytes)
            .map_err(|error| error.to_string());
        self.write_export(path, written, "the monthly figures");
    }

    /// The baseline and the edited scenario compared, or `None` when there is no
    /// second scenario to compare with.
    pub fn comparison_table(&self) -> Option<ComparisonTable> {
        let (baseline, scenario) = self.comparison_pair()?;
        Some(ComparisonTable::new(
            self.documents[baseline].projection(),
            self.documents[scenario].projection(),
        ))
    }

    /// The baseline (A) and scenario (B) tabs compared, as the comparison shows
    /// them; `None` with one scenario open.
    pub fn comparison_pair(&self) -> Option<(usize, usize)> {
        let names: Vec<&str> = self
            .documents
            .iter()
            .map(|document| document.scenario.name.as_str())
            .collect();
        self.comparison.pair(&names, self.active)
    }

    pub(super) fn export_comparison_csv(&mut self, ctx: &Context) {
        if self.comparison_table().is_none() {
            self.status = NOTHING_TO_COMPARE.to_owned();
            return;
        }
        let name = self.suggested_file_name("-comparison.csv");
        self.ask_for_file(FileRequest::ExportComparisonCsv, &name, ctx);
    }

    fn export_comparison_csv_to(&mut self, path: &Path) {
        let Some(table) = self.comparison_table() else {
            self.status = NOTHING_TO_COMPARE.to_owned();
            return;
        };
        let mut bytes = Vec::new();
        let written = export::write_comparison_csv(&table, &mut bytes)
            .map(|()| bytes)
            .map_err(|error| error.to_string());
        self.write_export(path, written, "the comparison table");
    }

    /// The charts of a tab as PNG files, named after the chart, in a folder chosen
    /// by picking the first file's name.
    pub(super) fn export_charts(&mut self, tab: ChartTab, ctx: &Context) {
        let Some(first) = charts_of(tab).first().copied() else {
            return;
        };
        let name = format!("{}.png", first.file_stem());
        self.ask_for_file(FileRequest::ExportCharts(tab), &name, ctx);
    }

    fn export_charts_to(&mut self, tab: ChartTab, path: &Path) {
        let charts = charts_of(tab);
        let folder = path.parent().map(Path::to_owned).unwrap_or_default();
        let shown = self.comparison.shown(self.active, self.documents.len());
        let projections: Vec<NamedProjection<'_>> = self
            .named_projections()
            .into_iter()
            .enumerate()
            .filter(|(index, _)| shown.contains(index))
            .map(|(_, named)| named)
            .collect();
        let mut written = Vec::new();
        for (index, chart) in charts.iter().enumerate() {
            let target = if index == 0 {
                path.to_owned()
            } else {
                folder.join(format!("{}.png", chart.file_stem()))
            };
            let png = export::chart_png(*chart, &projections, export::CHART_SIZE);
            match png
                .and_then(|bytes| write_file(&target, &bytes).map_err(|error| error.to_string()))
            {
                Ok(()) => written.push(display_name(&target)),
                Err(error) => {
                    self.show_error(
                        format!("Could not export {}", display_name(&target)),
                        vec![error.to_string()],
                        "Charts written before this one are kept.",
                    );
                    return;
                }
            }
        }
        self.status = format!("Exported {} to {}", written.join(", "), folder.display());
    }

    /// The one-page summary report: the baseline and the edited scenario.
    pub(super) fn export_report(&mut self, ctx: &Context) {
        let name = self.suggested_file_name("-report.html");
        self.ask_for_file(FileRequest::ExportReport, &name, ctx);
    }

    fn export_report_to(&mut self, path: &Path) {
        let html = export::report_html(&self.report_entries()).map(String::into_bytes);
        self.write_export(path, html, "the summary report");
    }

    /// The baseline (A) and the scenario (B) when two are compared, else the
    /// edited scenario alone: what the report and the workbook hold.
    fn report_entries(&self) -> Vec<export::ReportEntry<'_>> {
        let documents: Vec<&Document> = match self.comparison_pair() {
            Some((baseline, scenario)) => {
                vec![&self.documents[baseline], &self.documents[scenario]]
            }
            None => vec![self.document()],
        };
        documents
            .iter()
            .map(|document| export::ReportEntry {
                scenario: &document.scenario,
                projection: document.projection(),
            })
            .collect()
    }

    /// The workbook for Excel: the edited scenario, compared with the baseline
    /// when there is one.
    pub(super) fn export_workbook(&mut self, ctx: &Context) {
        let name = self.suggested_file_name(".xlsx");
        self.ask_for_file(FileRequest::ExportWorkbook, &name, ctx);
    }

    fn export_workbook_to(&mut self, path: &Path) {
        let workbook = export::workbook_xlsx(&self.report_entries());
        self.write_export(path, workbook, "the workbook");
    }
}
