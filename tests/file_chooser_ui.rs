//! Caseload's own file chooser, driven by its labels as a person would, on a
//! computer whose system file dialog is missing (no desktop portal) or that chose
//! Caseload's own. No D-Bus is asked: the dialogs here say whether they exist.

#![allow(clippy::unwrap_used)] // Test code: a panic is a failed test.

mod common;

use std::path::{Path, PathBuf};

use caseload::app::{CaseloadApp, FileDialogs};
use caseload::io::load_scenario;
use caseload::workspace::{FileChooserChoice, FileKind, Preferences};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// System dialogs that must not be shown: on a computer without them
/// (`available: false`), or where the person chose Caseload's own.
struct UnusedSystemDialogs {
    available: bool,
}

impl FileDialogs for UnusedSystemDialogs {
    fn available(&mut self) -> bool {
        self.available
    }
    fn open_scenario(&mut self, _folder: Option<&Path>) -> Option<PathBuf> {
        panic!("the missing system dialog was asked to open a file")
    }
    fn save_file(&mut self, _: Option<&Path>, _: &str, _: FileKind) -> Option<PathBuf> {
        panic!("the missing system dialog was asked to save a file")
    }
}

/// A system dialog that is there and that the person cancels.
struct CancelledSystemDialogs;

impl FileDialogs for CancelledSystemDialogs {
    fn open_scenario(&mut self, _folder: Option<&Path>) -> Option<PathBuf> {
        None
    }
    fn save_file(&mut self, _: Option<&Path>, _: &str, _: FileKind) -> Option<PathBuf> {
        None
    }
}

fn app_with(
    preferences: Preferences,
    dialogs: impl FileDialogs + 'static,
) -> Harness<'static, CaseloadApp> {
    let mut harness = Harness::builder()
        .with_size([1500.0, 1200.0])
        .build_eframe(move |_cc| CaseloadApp::with_parts(preferences, Box::new(dialogs)));
    harness.run();
    harness
}

fn app() -> Harness<'static, CaseloadApp> {
    app_with(
        Preferences::default(),
        UnusedSystemDialogs { available: false },
    )
}

fn shipped(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("saves")
        .join(name)
}

/// A folder holding a copy of one shipped scenario (and a CSV that Open must not
/// list); returns the folder and the copy's path.
fn folder_with_scenario() -> (tempfile::TempDir, PathBuf) {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("liverpool.ron");
    std::fs::copy(shipped("liverpool-2019.ron"), &path).unwrap();
    std::fs::write(folder.path().join("notes.csv"), "not a scenario\n").unwrap();
    (folder, path)
}

/// The app with `path` open, as a person would have it after opening it.
fn app_with_open(path: &Path) -> Harness<'static, CaseloadApp> {
    let mut harness = app();
    harness.state_mut().open_path(path);
    harness.run();
    harness
}

/// Opens a menu and chooses an item (in a submenu when `submenu` is given).
fn menu(harness: &mut Harness<'_, CaseloadApp>, path: &[&str]) {
    for label in path {
        harness.get_by_label(label).click();
        harness.run();
    }
}

/// The text field called `label`, after checking that it shows `value`.
fn field<'h>(
    harness: &'h Harness<'_, CaseloadApp>,
    label: &'h str,
    value: &str,
) -> egui_kittest::Node<'h> {
    let field = harness.get_by_role_and_label(egui::Role::TextInput, label);
    assert_eq!(field.value().as_deref(), Some(value), "{label}");
    field
}

/// Replaces the text of the field called `label`, which shows `value`, with `text`,
/// then presses Enter when `enter`.
fn retype(
    harness: &mut Harness<'_, CaseloadApp>,
    label: &str,
    value: &str,
    text: &str,
    enter: bool,
) {
    field(harness, label, value).click();
    harness.run();
    harness.key_combination_modifiers(Modifiers::COMMAND, &[Key::A]);
    field(harness, label, value).type_text(text);
    harness.run();
    if enter {
        harness.key_press(Key::Enter);
        harness.run();
    }
}

/// A file as the chooser lists it.
fn listed(file_name: &str) -> String {
    format!("🗋 {file_name}")
}

fn chooser_folder(harness: &Harness<'_, CaseloadApp>) -> PathBuf {
    harness
        .state()
        .file_chooser
        .as_ref()
        .expect("the file chooser is open")
        .folder()
        .to_owned()
}

fn status(harness: &Harness<'_, CaseloadApp>) -> String {
    harness.state().status.clone()
}

#[test]
fn save_as_without_a_system_dialog_saves_through_the_chooser_in_the_scenarios_folder() {
    let (folder, path) = folder_with_scenario();
    let mut harness = app_with_open(&path);
    harness
        .get_by_label("Include +115 social workers over two years")
        .click();
    harness.run();
    assert!(harness.state().document().is_modified());

    harness.key_combination_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, &[Key::S]);
    harness.run();
    harness.get_by_label_contains("Save the scenario as");
    let start = chooser_folder(&harness);
    assert!(start.is_absolute());
    assert_eq!(start, std::fs::canonicalize(folder.path()).unwrap());
    assert!(status(&harness).contains("no system file dialog"));
    // The scenario's folder is listed; files of another kind are not.
    harness.get_by_label(&listed("liverpool.ron"));
    assert!(harness.query_by_label(&listed("notes.csv")).is_none());

    // The suggested name is filled in; a name typed without ".ron" gets it.
    retype(
        &mut harness,
        "File name",
        "liverpool-2019-160-staff-plan.ron",
        "without the plan",
        false,
    );
    harness.get_by_label("Save").click();
    harness.run();

    let saved_path = start.join("without the plan.ron");
    let saved = load_scenario(&saved_path).unwrap();
    assert_eq!(saved, harness.state().document().scenario);
    assert!(!saved.interventions[1].enabled);
    assert!(harness.state().file_chooser.is_none());
    assert!(!harness.state().document().is_modified());
    assert_eq!(
        harness.state().document().path.as_deref(),
        Some(saved_path.as_path())
    );
    assert_eq!(
        status(&harness),
        format!("Saved to {}", saved_path.display())
    );
    // The file it was opened from is as it was.
    assert_eq!(
        std::fs::read(&path).unwrap(),
        std::fs::read(shipped("liverpool-2019.ron")).unwrap()
    );
}

#[test]
fn replacing_a_file_picked_in_the_chooser_asks_first() {
    let (folder, path) = folder_with_scenario();
    let mut harness = app_with_open(&path);
    let target = folder.path().join("notes.csv");
    let before = std::fs::read(&target).unwrap();

    menu(
        &mut harness,
        &[
            "File",
            "Export",
            "Monthly figures of every open scenario (CSV)…",
        ],
    );
    retype(
        &mut harness,
        "File name",
        "liverpool-2019-160-staff-plan-monthly.csv",
        "notes",
        false,
    );
    harness.get_by_label("Export").click();
    harness.run();
    harness.get_by_label("Replace notes.csv?");

    // Cancel: nothing is written.
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.query_by_label("Replace notes.csv?").is_none());
    assert_eq!(std::fs::read(&target).unwrap(), before);
    assert_eq!(status(&harness), "Not exported: no file was chosen");

    // Choose another name: the chooser opens again on the same folder and name.
    menu(
        &mut harness,
        &[
            "File",
            "Export",
            "Monthly figures of every open scenario (CSV)…",
        ],
    );
    retype(
        &mut harness,
        "File name",
        "liverpool-2019-160-staff-plan-monthly.csv",
        "notes.csv",
        false,
    );
    harness.get_by_label("Export").click();
    harness.run();
    harness.get_by_label("Choose another name…").click();
    harness.run();
    assert_eq!(
        chooser_folder(&harness),
        std::fs::canonicalize(folder.path()).unwrap()
    );
    field(&harness, "File name", "notes.csv");
    assert_eq!(std::fs::read(&target).unwrap(), before);

    // Replace it: now it holds the export.
    harness.get_by_label("Export").click();
    harness.run();
    harness.get_by_label("Replace it").click();
    harness.run();
    let csv = std::fs::read_to_string(&target).unwrap();
    assert!(csv.starts_with("scenario,month,"), "{csv}");
    assert!(status(&harness).starts_with("Exported the monthly figures to"));
}

#[test]
fn export_csv_through_the_chooser_writes_the_file_in_the_scenarios_folder() {
    let (folder, path) = folder_with_scenario();
    let mut harness = app_with_open(&path);
    menu(
        &mut harness,
        &[
            "File",
            "Export",
            "Monthly figures of every open scenario (CSV)…",
        ],
    );
    harness.get_by_label_contains("Export the monthly figures (CSV)");
    // Only CSV files are listed when exporting a CSV.
    harness.get_by_label(&listed("notes.csv"));
    assert!(harness.query_by_label(&listed("liverpool.ron")).is_none());
    // The suggested name, as it is, by Enter in the name field.
    let name = "liverpool-2019-160-staff-plan-monthly.csv";
    field(&harness, "File name", name).click();
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();

    let written = std::fs::canonicalize(folder.path()).unwrap().join(name);
    let csv = std::fs::read_to_string(&written).unwrap();
    let months = harness.state().document().projection().rows.len();
    assert_eq!(csv.lines().count(), 1 + months);
    assert!(
        csv.lines()
            .nth(1)
            .unwrap()
            .starts_with(&harness.state().document().scenario.name)
    );
    assert_eq!(
        status(&harness),
        format!("Exported the monthly figures to {}", written.display())
    );
}

#[test]
fn open_through_the_chooser_after_going_to_another_folder() {
    let (folder, path) = folder_with_scenario();
    let mut harness = app();
    harness.key_combination_modifiers(Modifiers::COMMAND, &[Key::O]);
    harness.run();
    harness.get_by_label_contains("Open a scenario");
    // With nothing opened yet it starts in the current folder, as an absolute path.
    let start = chooser_folder(&harness);
    assert_eq!(start, std::env::current_dir().unwrap());
    // Type the other folder's path into the folder field, as a person would.
    let there = std::fs::canonicalize(folder.path()).unwrap();
    retype(
        &mut harness,
        "Folder",
        &start.display().to_string(),
        &there.display().to_string(),
        true,
    );
    assert_eq!(chooser_folder(&harness), there);
    assert!(harness.query_by_label(&listed("notes.csv")).is_none());
    harness.get_by_label(&listed("liverpool.ron")).click();
    harness.run();
    harness.get_by_label("Open").click();
    harness.run();

    assert!(harness.state().file_chooser.is_none());
    let opened = harness.state().document();
    assert_eq!(
        opened.path.as_deref(),
        Some(there.join("liverpool.ron").as_path())
    );
    assert_eq!(opened.scenario, load_scenario(&path).unwrap());
    assert_eq!(harness.state().documents.len(), 1);
}

#[test]
fn a_duplicate_is_saved_beside_the_file_it_came_from() {
    let (folder, path) = folder_with_scenario();
    let mut harness = app_with_open(&path);
    menu(&mut harness, &["Edit", "Duplicate scenario Ctrl+D"]);
    assert_eq!(harness.state().document().path, None);
    harness.key_combination_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, &[Key::S]);
    harness.run();
    assert_eq!(
        chooser_folder(&harness),
        std::fs::canonicalize(folder.path()).unwrap()
    );
    // The name has the keyboard, so a person can type one straight away.
    let name = field(
        &harness,
        "File name",
        "liverpool-2019-160-staff-plan-copy.ron",
    );
    assert!(name.is_focused());
    harness.key_combination_modifiers(Modifiers::COMMAND, &[Key::A]);
    harness.key_press(Key::Backspace);
    harness.run();
    harness
        .get_by_role_and_label(egui::Role::TextInput, "File name")
        .type_text("typed at once");
    harness.key_press(Key::Enter);
    harness.run();
    let saved = std::fs::canonicalize(folder.path())
        .unwrap()
        .join("typed at once.ron");
    assert_eq!(
        load_scenario(&saved).unwrap(),
        harness.state().document().scenario
    );
}

#[test]
fn cancelling_the_chooser_writes_nothing_and_says_so() {
    let (folder, path) = folder_with_scenario();
    let mut harness = app_with_open(&path);
    menu(&mut harness, &["Edit", "Duplicate scenario Ctrl+D"]);
    let listing = || {
        let mut names: Vec<_> = std::fs::read_dir(folder.path())
            .unwrap()
            .map(|entry| entry.unwrap().file_name())
            .collect();
        names.sort();
        names
    };
    let before = listing();

    harness.key_combination_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, &[Key::S]);
    harness.run();
    // While it is open, shortcuts and buttons do nothing behind it.
    harness.key_combination_modifiers(Modifiers::COMMAND, &[Key::N]);
    harness.run();
    harness.get_by_label("New").click();
    harness.run();
    assert_eq!(harness.state().documents.len(), 2);
    // A file dropped meanwhile is not opened (it would change the tab being saved).
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(common::DroppedPath(shipped(
            "wakefield-2018.ron",
        ))));
    harness.run();
    assert_eq!(harness.state().documents.len(), 2);
    assert!(status(&harness).starts_with("Finish with the file chooser first"));
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.state().file_chooser.is_none());
    assert_eq!(status(&harness), "Not saved: no file was chosen");
    assert!(harness.state().document().is_modified());
    assert_eq!(listing(), before);

    // Escape closes it too; an export says it was not exported.
    menu(&mut harness, &["File", "Export", "Summary report (HTML)…"]);
    harness.get_by_label_contains("Export the summary report (HTML)");
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.state().file_chooser.is_none());
    assert_eq!(status(&harness), "Not exported: no file was chosen");
    assert_eq!(listing(), before);

    // And Open, with the advice that fits opening.
    harness.key_combination_modifiers(Modifiers::COMMAND, &[Key::O]);
    harness.run();
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(status(&harness).starts_with("Not opened: no file was chosen"));
    assert!(status(&harness).contains("drag"));
}

#[test]
fn saving_before_closing_a_tab_closes_it_once_the_chooser_has_saved() {
    let (folder, path) = folder_with_scenario();
    let mut harness = app_with_open(&path);
    menu(&mut harness, &["Edit", "Duplicate scenario Ctrl+D"]);
    assert_eq!(harness.state().documents.len(), 2);
    let copy_name = harness.state().document().scenario.name.clone();
    harness.get_by_label(&format!("Close {copy_name}")).click();
    harness.run();
    harness.get_by_label("Save your changes?");
    harness.get_by_label("Save").click();
    harness.run();
    // Not closed yet: the chooser is asking where.
    assert_eq!(harness.state().documents.len(), 2);
    harness.get_by_label_contains("Save the scenario as");
    harness.get_by_label("Save").click();
    harness.run();

    let saved = std::fs::canonicalize(folder.path())
        .unwrap()
        .join("liverpool-2019-160-staff-plan-copy.ron");
    assert_eq!(load_scenario(&saved).unwrap().name, copy_name);
    assert_eq!(harness.state().documents.len(), 1);
    assert_eq!(
        harness.state().document().path.as_deref(),
        Some(path.as_path())
    );
}

#[test]
fn a_cancelled_system_dialog_does_not_open_the_chooser() {
    let mut harness = app_with(Preferences::default(), CancelledSystemDialogs);
    harness.key_combination_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, &[Key::S]);
    harness.run();
    assert!(harness.state().file_chooser.is_none());
    assert!(
        harness
            .query_by_label_contains("Save the scenario as")
            .is_none()
    );
    let said = status(&harness);
    assert!(said.starts_with("Not saved: no file was chosen"), "{said}");
    // The way out, should the system's dialog never appear.
    assert!(said.contains("Caseload's own"), "{said}");
}

#[test]
fn caseload_s_own_chooser_can_be_chosen_where_a_system_dialog_exists() {
    let mut harness = app_with(
        Preferences::default(),
        UnusedSystemDialogs { available: true },
    );
    menu(&mut harness, &["View", "Caseload's own, in the window"]);
    assert_eq!(
        harness.state().preferences.file_chooser,
        FileChooserChoice::Caseload
    );
    harness.key_press(Key::Escape);
    harness.run();
    harness.key_combination_modifiers(Modifiers::COMMAND, &[Key::O]);
    harness.run();
    harness.get_by_label_contains("Open a scenario");
    assert!(harness.state().file_chooser.is_some());
}

#[test]
fn charts_and_report_export_through_the_chooser_with_their_extensions_added() {
    let (folder, path) = folder_with_scenario();
    let mut harness = app_with_open(&path);
    let there = std::fs::canonicalize(folder.path()).unwrap();

    menu(
        &mut harness,
        &["File", "Export", "Charts of this tab (PNG)…"],
    );
    retype(
        &mut harness,
        "File name",
        "average-caseload.png",
        "caseloads",
        true,
    );
    // The first chart takes the typed name (with ".png" added), the other its own.
    for name in ["caseloads.png", "cases-above-capacity.png"] {
        let bytes = std::fs::read(there.join(name)).unwrap();
        assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "{name}");
    }

    menu(&mut harness, &["File", "Export", "Summary report (HTML)…"]);
    retype(
        &mut harness,
        "File name",
        "liverpool-2019-160-staff-plan-report.html",
        "for the committee",
        true,
    );
    let html = std::fs::read_to_string(there.join("for the committee.html")).unwrap();
    assert!(html.contains("Liverpool 2019: +160 staff plan"));
    assert!(status(&harness).starts_with("Exported the summary report to"));
}
