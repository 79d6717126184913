//! File work for the app: open, save, export. Every failure is shown in the
//! window and leaves the scenarios and the files on disk as they were.

use std::path::{Path, PathBuf};

use super::file_dialogs::FileKind;
use super::{CaseloadApp, Document};
use crate::compare::ComparisonTable;
use crate::export::ChartTab;
use crate::export::{self, NamedProjection};
use crate::io::{load_scenario_with_comments, save_scenario_with_comments, write_file};
use crate::ui::dialogs::{ErrorReport, OverwriteAnswer};

/// Said when a file dialog returns nothing: cancelled, or (on a Linux desktop with
/// no file-chooser portal) never shown.
const NO_FILE_CHOSEN: &str = "No file chosen. If no dialog appeared, drag the file onto the window or start Caseload with the file: caseload FILE.ron";

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
    fn folder(&self) -> Option<PathBuf> {
        self.document()
            .path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_owned)
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
        match load_scenario_with_comments(path) {
            Ok((scenario, comments)) => {
                let mut document = Document::new(scenario, Some(path.to_owned()));
                document.comments = comments;
                self.add_or_replace_example(document);
                self.preferences.remember_file(path.to_owned());
                self.status = format!("Opened {}", path.display());
            }
            Err(error) => self.show_error(
                format!("Could not open {}", display_name(path)),
                error.lines(),
                "The scenarios that were open are unchanged.",
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

    pub(super) fn open_with_dialog(&mut self) {
        let folder = self.folder();
        match self.dialogs.open_scenario(folder.as_deref()) {
            Some(path) => self.open_path(&path),
            None => self.status = NO_FILE_CHOSEN.to_owned(),
        }
    }

    /// Saves the scenario being edited to `path`; returns whether it worked. A failed
    /// save leaves the file on disk as it was and the scenario marked unsaved.
    fn save_to(&mut self, path: &Path) -> bool {
        let document = self.document();
        match save_scenario_with_comments(path, &document.scenario, &document.comments) {
            Ok(()) => {
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

    /// Save to the current file, or ask where. Returns whether it saved. If the file
    /// changed on disk since it was opened, asks before overwriting it.
    pub(super) fn save(&mut self) -> bool {
        match self.document().path.clone() {
            Some(_) if self.document().changed_on_disk() => {
                self.overwrite_question = Some(self.active);
                false
            }
            Some(path) => self.save_to(&path),
            None => self.save_as(),
        }
    }

    /// Carries out the answer to "the file changed on disk: overwrite it?".
    pub(super) fn answer_overwrite(&mut self, index: usize, answer: OverwriteAnswer) {
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
            OverwriteAnswer::SaveAs => {
                self.save_as();
            }
            OverwriteAnswer::Cancel => {
                self.status = "Not saved: the file on disk was left as it is".to_owned();
            }
        }
    }

    pub(super) fn save_as(&mut self) -> bool {
        let name = self.suggested_file_name(".ron");
        let folder = self.folder();
        match self
            .dialogs
            .save_file(folder.as_deref(), &name, FileKind::Scenario)
        {
            Some(path) => self.save_to(&path),
            None => {
                self.status = NO_FILE_CHOSEN.to_owned();
                false
            }
        }
    }

    /// Asks where to write an export; `None` (with a note) when nothing was chosen.
    fn export_path(&mut self, suggested: &str, kind: FileKind) -> Option<PathBuf> {
        let folder = self.folder();
        let path = self.dialogs.save_file(folder.as_deref(), suggested, kind);
        if path.is_none() {
            self.status = NO_FILE_CHOSEN.to_owned();
        }
        path
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
    pub(super) fn export_scenarios_csv(&mut self) {
        let Some(path) = self.export_path(&self.suggested_file_name("-monthly.csv"), FileKind::Csv)
        else {
            return;
        };
        let mut bytes = Vec::new();
        let written = export::write_scenarios_csv(&self.named_projections(), &mut bytes)
            .map(|()| bytes)
            .map_err(|error| error.to_string());
        self.write_export(&path, written, "the monthly figures");
    }

    /// The baseline and the edited scenario compared, or `None` when there is no
    /// second scenario to compare with.
    pub fn comparison_table(&self) -> Option<ComparisonTable> {
        let baseline = self
            .comparison
            .baseline_for(self.active, self.documents.len())?;
        Some(ComparisonTable::new(
            self.documents[baseline].projection(),
            self.document().projection(),
        ))
    }

    pub(super) fn export_comparison_csv(&mut self) {
        let Some(table) = self.comparison_table() else {
            self.status = "Open or duplicate a second scenario to compare with.".to_owned();
            return;
        };
        let Some(path) =
            self.export_path(&self.suggested_file_name("-comparison.csv"), FileKind::Csv)
        else {
            return;
        };
        let mut bytes = Vec::new();
        let written = export::write_comparison_csv(&table, &mut bytes)
            .map(|()| bytes)
            .map_err(|error| error.to_string());
        self.write_export(&path, written, "the comparison table");
    }

    /// The charts of a tab as PNG files, named after the chart, in a folder chosen
    /// by picking the first file's name.
    pub(super) fn export_charts(&mut self, tab: ChartTab) {
        let charts = export::charts_of(tab);
        let Some(first) = charts.first() else {
            return;
        };
        let Some(path) = self.export_path(&format!("{}.png", first.file_stem()), FileKind::Png)
        else {
            return;
        };
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
                path.clone()
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
    pub(super) fn export_report(&mut self) {
        let Some(path) =
            self.export_path(&self.suggested_file_name("-report.html"), FileKind::Html)
        else {
            return;
        };
        let baseline = self
            .comparison
            .baseline_for(self.active, self.documents.len());
        let documents: Vec<&Document> = match baseline {
            Some(baseline) => vec![&self.documents[baseline], self.document()],
            None => vec![self.document()],
        };
        let entries: Vec<export::ReportEntry<'_>> = documents
            .iter()
            .map(|document| export::ReportEntry {
                scenario: &document.scenario,
                projection: document.projection(),
            })
            .collect();
        let html = export::report_html(&entries).map(String::into_bytes);
        self.write_export(&path, html, "the summary report");
    }
}
