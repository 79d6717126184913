//! Excel from the window, driven by labels as a person would (egui_kittest, no
//! display): File > Export > Workbook (.xlsx), read back with calamine, and
//! "Copy" on the window's tables, which puts tab-separated cells on the clipboard.

#![allow(clippy::unwrap_used)] // Test code: a panic is a failed test.

mod common;

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use caseload::app::CaseloadApp;
use caseload::history::backtest_council;
use caseload::published::{self, neighbours::compare_with_neighbours};
use caseload::ui::check_history::{horizon_rows, point_rows};
use caseload::ui::copy_table::tab_separated;
use caseload::ui::how_we_compare::table_rows;
use caseload::ui::sensitivity_table::sensitivity_rows;
use caseload::ui::staff_table::staff_rows;
use caseload::workspace::Preferences;
use egui::{Key, Modifiers, OutputCommand};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use common::{Answers, ScriptedDialogs};

fn app() -> (Harness<'static, CaseloadApp>, Answers) {
    let answers = Answers::default();
    let dialogs = ScriptedDialogs(answers.clone());
    let mut harness = Harness::builder()
        .with_size([1500.0, 1100.0])
        .build_eframe(move |_cc| {
            CaseloadApp::with_parts(Preferences::default(), Box::new(dialogs))
        });
    harness.run();
    (harness, answers)
}

fn menu(harness: &mut Harness<'_, CaseloadApp>, path: &[&str]) {
    for item in path {
        harness.get_by_label(item).click();
        harness.run();
    }
}

/// What each "Copy" button in view puts on the clipboard, clicked one by one.
fn copied_by_every_copy_button(harness: &mut Harness<'_, CaseloadApp>) -> Vec<String> {
    let count = harness.query_all_by_label_contains("Copy the ").count();
    assert!(count > 0, "no Copy button in view");
    let mut copied = Vec::new();
    for index in 0..count {
        harness
            .query_all_by_label_contains("Copy the ")
            .nth(index)
            .unwrap()
            .click();
        // The frame that handles the click is the one that copies.
        harness.step();
        copied.extend(
            harness
                .output()
                .platform_output
                .commands
                .iter()
                .filter_map(|command| match command {
                    OutputCommand::CopyText(text) => Some(text.clone()),
                    _ => None,
                }),
        );
        harness.run();
    }
    copied
}

/// Tab-separated, a line a row, every row as wide as the header.
fn assert_cells(text: &str) {
    let widths: Vec<usize> = text.lines().map(|line| line.split('\t').count()).collect();
    assert!(widths.len() > 1, "{text}");
    assert!(
        widths.iter().all(|width| *width == widths[0] && *width > 1),
        "{text}"
    );
}

#[test]
fn file_export_workbook_writes_the_edited_scenario_against_its_baseline() {
    let (mut harness, answers) = app();
    let folder = tempfile::tempdir().unwrap();
    // One scenario: summary, months and inputs.
    let single = folder.path().join("single.xlsx");
    answers.save.borrow_mut().push_back(single.clone());
    menu(&mut harness, &["File", "Export", "Workbook (.xlsx)…"]);
    let mut book: Xlsx<_> =
        open_workbook_from_rs(Cursor::new(std::fs::read(&single).unwrap())).unwrap();
    assert_eq!(book.sheet_names(), ["Summary", "Monthly", "Inputs"]);
    let projection = harness.state().document().projection().clone();
    let monthly = book.worksheet_range("Monthly").unwrap();
    assert_eq!(monthly.end().unwrap().0 as usize, projection.rows.len());
    assert!(
        harness.state().status.contains("Exported the workbook"),
        "{}",
        harness.state().status
    );

    // With a second tab, the workbook compares the edited scenario with the
    // baseline. (A new tab first, so that opening a file keeps the built-in one.)
    harness.key_combination_modifiers(Modifiers::COMMAND, &[Key::N]);
    harness.run();
    answers
        .open
        .borrow_mut()
        .push_back(common::save("liverpool-2019-do-nothing.ron"));
    harness.key_combination_modifiers(Modifiers::COMMAND, &[Key::O]);
    harness.run();
    assert!(harness.state().documents.len() >= 2);
    let both = folder.path().join("both.xlsx");
    answers.save.borrow_mut().push_back(both.clone());
    menu(&mut harness, &["File", "Export", "Workbook (.xlsx)…"]);
    let mut book: Xlsx<_> =
        open_workbook_from_rs(Cursor::new(std::fs::read(&both).unwrap())).unwrap();
    assert_eq!(
        book.sheet_names(),
        ["Summary", "Monthly", "Comparison", "Inputs"]
    );
    let table = harness.state().comparison_table().unwrap();
    let comparison = book.worksheet_range("Comparison").unwrap();
    assert_eq!(
        comparison.end().unwrap().0 as usize,
        table.rows.len() + table.whole_period.len()
    );
    for (index, row) in table.rows.iter().enumerate() {
        let read = comparison.get_value((index as u32 + 1, 5)).unwrap();
        match (row.scenario, read) {
            (Some(value), Data::Float(read)) => {
                assert!((read - value).abs() < 1e-9, "{}", row.metric)
            }
            (None, Data::String(_)) => {}
            other => panic!("{}: {other:?}", row.metric),
        }
    }
}

#[test]
fn the_staff_table_copies_as_cells() {
    let (mut harness, _) = app();
    let expected = tab_separated(&staff_rows(&harness.state().document().scenario));
    assert_cells(&expected);
    let copied = copied_by_every_copy_button(&mut harness);
    assert!(copied.contains(&expected), "{copied:?}");
}

#[test]
fn how_we_compare_copies_its_table() {
    let (mut harness, _) = app();
    menu(&mut harness, &["Councils", "How we compare…"]);
    let council = published::by_code("E08000012").unwrap();
    // The window opens on the latest year with the core figures.
    let last = council
        .years
        .iter()
        .filter(|year| year.has_core_figures())
        .map(|year| year.year)
        .max();
    let year = harness.state().how_we_compare.year.or(last);
    let comparison = compare_with_neighbours(council, year).unwrap();
    let expected = tab_separated(&table_rows(&comparison));
    assert_cells(&expected);
    assert!(expected.starts_with("Council\tOfsted\t"));
    assert!(expected.contains("Liverpool (this council)\t"));
    let copied = copied_by_every_copy_button(&mut harness);
    assert!(copied.contains(&expected), "{copied:?}");
}

#[test]
fn check_against_history_copies_both_tables() {
    let (mut harness, _) = app();
    menu(&mut harness, &["Councils", "Check against history…"]);
    let backtest = backtest_council(published::by_code("E08000012").unwrap(), 2018).unwrap();
    let horizons = tab_separated(&horizon_rows(&backtest));
    let points = tab_separated(&point_rows(&backtest));
    assert_cells(&horizons);
    assert_cells(&points);
    assert_eq!(points.lines().count(), backtest.points.len() + 1);
    let copied = copied_by_every_copy_button(&mut harness);
    assert!(copied.contains(&horizons), "{copied:?}");
    assert!(copied.contains(&points), "{copied:?}");
}

#[test]
fn the_sensitivity_ranking_copies_every_input() {
    let (mut harness, _) = app();
    menu(&mut harness, &["Risk", "Sensitivity…"]);
    harness.get_by_label("Rank the inputs").click();
    harness.step();
    let started = std::time::Instant::now();
    while harness.state().risk.tornado_job.is_some() {
        assert!(
            started.elapsed().as_secs() < 600,
            "the ranking did not finish"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
        harness.step();
    }
    harness.run();
    let tornado = &harness.state().risk.tornado.as_ref().unwrap().value;
    let expected = tab_separated(&sensitivity_rows(tornado));
    assert_eq!(expected.lines().count(), tornado.swings.len() + 1);
    assert_cells(&expected);
    let copied = copied_by_every_copy_button(&mut harness);
    assert!(copied.contains(&expected), "{copied:?}");
}

#[test]
fn fit_to_history_copies_the_inputs_and_the_errors() {
    let (mut harness, _) = app();
    let scenario = harness.state().document().scenario.clone();
    menu(&mut harness, &["Councils", "Fit to history…"]);
    harness.get_by_label(caseload::ui::fit_history::FIT).click();
    harness.step();
    let started = std::time::Instant::now();
    while harness.state().fit_history.is_working() {
        assert!(started.elapsed().as_secs() < 600, "the fit did not finish");
        std::thread::sleep(std::time::Duration::from_millis(20));
        harness.step();
    }
    harness.run();
    let calibration = harness
        .state()
        .fit_history
        .calibration_for(&scenario)
        .cloned()
        .unwrap();
    let inputs = tab_separated(&caseload::ui::fit_history::input_rows(&calibration));
    let errors = tab_separated(&caseload::ui::fit_history::series_rows(&calibration));
    assert_cells(&inputs);
    assert_cells(&errors);
    assert_eq!(inputs.lines().count(), calibration.inputs.len() + 1);
    assert!(inputs.starts_with("Input\tBefore\tAfter\tAllowed range\n"));
    let copied = copied_by_every_copy_button(&mut harness);
    assert!(copied.contains(&inputs), "{copied:?}");
    assert!(copied.contains(&errors), "{copied:?}");
}
