//! One open scenario: its file, its unsaved-changes state, its undo history and
//! its latest projection.

use std::path::{Path, PathBuf};

use egui::util::undoer::{Settings, Undoer};

use crate::io::{FileText, default_scenario_with_text, load_scenario_with_text};
use crate::model::{Problem, Scenario, validate};
use crate::sim::{Projection, project};

pub struct Document {
    pub scenario: Scenario,
    /// The file it was opened from or last saved to; `None` for a new scenario.
    pub path: Option<PathBuf>,
    /// The scenario as it is on disk, to tell whether there are unsaved changes;
    /// `None` for a scenario that exists only here (a duplicate), which always
    /// counts as unsaved.
    saved: Option<Scenario>,
    undoer: Undoer<Scenario>,
    /// The scenario the projection and problems below were computed for.
    projected: Scenario,
    projection: Projection,
    /// How many times this scenario was projected: once when opened, then once
    /// per edit that leaves it valid, never on a frame with no edit.
    projections_made: u64,
    problems: Vec<Problem>,
    /// The file's modification time and size when it was opened or last saved, to
    /// notice another program or person changing it meanwhile.
    disk_stamp: Option<DiskStamp>,
    /// The text of the file it came from (or was last saved to), so that saving
    /// changes only what was edited; `None` for a scenario made here.
    pub file_text: Option<FileText>,
}

/// What tells one version of a file on disk from another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DiskStamp {
    modified: Option<std::time::SystemTime>,
    bytes: u64,
}

impl DiskStamp {
    pub fn of(path: &Path) -> Option<Self> {
        let metadata = std::fs::metadata(path).ok()?;
        Some(Self {
            modified: metadata.modified().ok(),
            bytes: metadata.len(),
        })
    }
}

impl Document {
    /// A scenario as read from `path` (or the built-in one, with no path).
    pub fn new(scenario: Scenario, path: Option<PathBuf>) -> Self {
        let mut document = Self::unsaved(scenario);
        document.saved = Some(document.scenario.clone());
        document.disk_stamp = path.as_deref().and_then(DiskStamp::of);
        document.path = path;
        document
    }

    /// The built-in example, with the text of its file.
    pub fn example() -> Self {
        let (scenario, text) = default_scenario_with_text();
        let mut document = Self::new(scenario, None);
        document.file_text = Some(text);
        document
    }

    /// A scenario restored from a recovery copy: unsaved, and saving goes to `path`
    /// (the file it came from), if it had one, keeping that file's layout. With
    /// the file's stamp from when it was opened, saving asks first if the file
    /// changed since.
    pub fn recovered(
        scenario: Scenario,
        path: Option<PathBuf>,
        disk_stamp: Option<DiskStamp>,
    ) -> Self {
        let mut document = Self::unsaved(scenario);
        document.disk_stamp = disk_stamp;
        document.file_text = path
            .as_deref()
            .and_then(|path| load_scenario_with_text(path).ok())
            .map(|(_, text)| text);
        document.path = path;
        document
    }

    /// A scenario made here and never saved, such as a duplicate.
    pub fn unsaved(scenario: Scenario) -> Self {
        let problems = validate(&scenario);
        let projection = project(&scenario);
        Self {
            saved: None,
            projected: scenario.clone(),
            scenario,
            path: None,
            undoer: Undoer::with_settings(Settings {
                max_undos: 200,
                // An edit burst (dragging a value, typing a name) is one undo step.
                stable_time: 0.5,
                auto_save_interval: 10.0,
            }),
            projection,
            projections_made: 1,
            problems,
            disk_stamp: None,
            file_text: None,
        }
    }

    /// The file's stamp when it was opened or last saved here.
    pub fn disk_stamp(&self) -> Option<DiskStamp> {
        self.disk_stamp
    }

    pub fn is_modified(&self) -> bool {
        self.saved.as_ref() != Some(&self.scenario)
    }

    pub fn mark_saved(&mut self, path: &Path) {
        self.saved = Some(self.scenario.clone());
        self.path = Some(path.to_owned());
        self.disk_stamp = DiskStamp::of(path);
    }

    /// Whether the file was changed on disk (by another program or person) since it
    /// was opened or last saved here. A file that has gone is not "changed": saving
    /// simply writes it again.
    pub fn changed_on_disk(&self) -> bool {
        match (&self.path, self.disk_stamp) {
            (Some(path), Some(stamp)) => DiskStamp::of(path).is_some_and(|now| now != stamp),
            _ => false,
        }
    }

    /// Re-projects if the scenario changed since the last projection. Invalid
    /// scenarios keep the last valid projection; their problems are listed.
    pub fn refresh(&mut self) {
        if self.scenario == self.projected {
            return;
        }
        self.projected = self.scenario.clone();
        self.problems = validate(&self.scenario);
        if self.problems.is_empty() {
            self.projection = project(&self.scenario);
            self.projections_made += 1;
        }
    }

    /// How many times the scenario was projected since the document was made.
    pub fn projections_made(&self) -> u64 {
        self.projections_made
    }

    pub fn projection(&self) -> &Projection {
        &self.projection
    }

    /// Problems with the scenario as it is now (empty when it projects).
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// Makes a change that is one step to undo on its own, apart from any edit
    /// still settling before it (undo history otherwise groups edits over time).
    pub fn change_in_one_step(&mut self, change: impl FnOnce(&mut Scenario)) {
        self.undoer.add_undo(&self.scenario);
        change(&mut self.scenario);
        self.undoer.add_undo(&self.scenario);
    }

    /// Records the scenario for undo; called once a frame.
    pub fn feed_undo(&mut self, time: f64) {
        self.undoer.feed_state(time, &self.scenario);
    }

    pub fn can_undo(&self) -> bool {
        self.undoer.has_undo(&self.scenario)
    }

    pub fn can_redo(&self) -> bool {
        self.undoer.has_redo(&self.scenario)
    }

    pub fn undo(&mut self) {
        if let Some(previous) = self.undoer.undo(&self.scenario) {
            self.scenario = previous.clone();
        }
    }

    pub fn redo(&mut self) {
        if let Some(next) = self.undoer.redo(&self.scenario) {
            self.scenario = next.clone();
        }
    }

    /// "liverpool-2019.ron", or "not saved yet".
    pub fn file_label(&self) -> String {
        self.path.as_deref().and_then(Path::file_name).map_or_else(
            || "not saved yet".to_owned(),
            |name| name.to_string_lossy().into_owned(),
        )
    }

    /// The window title: scenario, file, and a mark for unsaved changes.
    pub fn window_title(&self) -> String {
        let modified = if self.is_modified() {
            " • unsaved changes"
        } else {
            ""
        };
        format!(
            "{} ({}){modified} - Caseload",
            self.scenario.name,
            self.file_label()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_in_one_step_undoes_apart_from_the_edit_before_it() {
        let mut document = Document::example();
        document.feed_undo(0.0);
        let original = document.scenario.clone();
        // An edit still settling (fed a moment ago, not yet an undo point).
        document.scenario.name = "Edited".to_owned();
        document.feed_undo(0.1);
        let edited = document.scenario.clone();
        document.change_in_one_step(|scenario| scenario.interventions.clear());
        document.feed_undo(0.2);
        document.undo();
        assert_eq!(document.scenario, edited, "only the change is undone");
        document.undo();
        assert_eq!(document.scenario, original);
        document.redo();
        document.redo();
        assert!(document.scenario.interventions.is_empty());
    }

    #[test]
    fn the_scenario_is_projected_again_only_after_an_edit() {
        let mut document = Document::example();
        let made = document.projections_made();
        document.refresh();
        document.refresh();
        assert_eq!(document.projections_made(), made);
        document.scenario.staff[0].fte += 1.0;
        document.refresh();
        assert_eq!(document.projections_made(), made + 1);
        document.refresh();
        assert_eq!(document.projections_made(), made + 1);
    }
}
