//! Comparing for a decision, in the window, driven by its labels: the baseline is
//! chosen and kept, "Swap" is the only way to swap, the card speaks plain words
//! with better and worse spelt out, the table has a whole-period row and "Copy",
//! and the headline cards stay.

#![allow(clippy::unwrap_used)] // Test code: a panic is a failed test.

mod common;

use std::cell::RefCell;
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use caseload::app::{CaseloadApp, FileDialogs};
use caseload::compare::{ComparisonTable, DecisionSummary, Verdict};
use caseload::workspace::{FileKind, Preferences};
use egui::{Key, Modifiers, OutputCommand};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// Files the "Open" dialog answers with, in turn.
struct ScriptedOpen(Rc<RefCell<VecDeque<PathBuf>>>);

impl FileDialogs for ScriptedOpen {
    fn open_scenario(&mut self, _folder: Option<&Path>) -> Option<PathBuf> {
        self.0.borrow_mut().pop_front()
    }
    fn save_file(
        &mut self,
        _folder: Option<&Path>,
        _name: &str,
        _kind: FileKind,
    ) -> Option<PathBuf> {
        None
    }
}

const PLAN: &str = "Liverpool 2019: +160 staff plan";
const DO_NOTHING: &str = "Liverpool 2019: do nothing";

/// The window at a projector's size with Liverpool's plan (first tab, being
/// edited) and doing nothing (second tab) open, comparing.
fn comparing_liverpool() -> Harness<'static, CaseloadApp> {
    comparing_liverpool_at([1280.0, 720.0])
}

fn comparing_liverpool_at(size: [f32; 2]) -> Harness<'static, CaseloadApp> {
    let opens = Rc::new(RefCell::new(VecDeque::from([
        common::save("liverpool-2019.ron"),
        common::save("liverpool-2019-do-nothing.ron"),
    ])));
    let dialogs = ScriptedOpen(opens);
    let mut harness = Harness::builder().with_size(size).build_eframe(move |_cc| {
        CaseloadApp::with_parts(Preferences::default(), Box::new(dialogs))
    });
    harness.run();
    // The built-in scenario is replaced by the first file opened untouched.
    for _ in 0..2 {
        harness.key_combination_modifiers(Modifiers::COMMAND, &[Key::O]);
        harness.run();
    }
    let names: Vec<String> = harness
        .state()
        .documents
        .iter()
        .map(|document| document.scenario.name.clone())
        .collect();
    assert_eq!(
        names.last().map(String::as_str),
        Some(DO_NOTHING),
        "{names:?}"
    );
    assert!(names.iter().any(|name| name == PLAN), "{names:?}");
    // Edit the plan's tab, as a person would before comparing.
    harness
        .get_by_label(&format!("Scenario tab {PLAN}"))
        .click();
    harness.run();
    harness.get_by_label("Compare scenarios").click();
    harness.run();
    harness
}

/// Turns the mouse wheel over the comparison page until a widget labelled
/// `label` is wholly inside the page's part of the window (below the menu and
/// tabs, above the status bar); fails if the page never reaches it.
fn scroll_page_to(harness: &mut Harness<'_, CaseloadApp>, label: &str) {
    let window = egui::Rect::from_min_max(egui::pos2(0.0, 50.0), egui::pos2(1280.0, 690.0));
    for _ in 0..60 {
        let inside = harness
            .query_all_by_label(label)
            .any(|node| window.contains_rect(node.rect()));
        if inside {
            return;
        }
        // Over the page, right of the editor, clear of the charts' own zoom.
        harness.hover_at(egui::pos2(1260.0, 360.0));
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -120.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: Modifiers::NONE,
        });
        // Enough frames for the smooth scroll to end (a tooltip fading in may
        // keep the window repainting, so a fixed number rather than `run`).
        harness.run_steps(8);
    }
    let found: Vec<egui::Rect> = harness
        .query_all_by_label(label)
        .map(|node| node.rect())
        .collect();
    panic!("the page does not scroll to {label}: {found:?}");
}

fn index_of(harness: &Harness<'_, CaseloadApp>, name: &str) -> usize {
    harness
        .state()
        .documents
        .iter()
        .position(|document| document.scenario.name == name)
        .unwrap()
}

fn card(harness: &Harness<'_, CaseloadApp>) -> DecisionSummary {
    let (a, b) = harness.state().comparison_pair().unwrap();
    let documents = &harness.state().documents;
    DecisionSummary::new(
        documents[a].projection(),
        documents[b].projection(),
        &documents[a].scenario.name,
        &documents[b].scenario.name,
    )
}

#[test]
fn the_baseline_is_do_nothing_stays_on_switching_tabs_and_swaps_only_on_swap() {
    let mut harness = comparing_liverpool();
    let (plan, do_nothing) = (index_of(&harness, PLAN), index_of(&harness, DO_NOTHING));
    assert_eq!(harness.state().comparison_pair(), Some((do_nothing, plan)));
    let title = format!("{PLAN} against {DO_NOTHING}");
    harness.get_by_label(&title);
    // Clicking the baseline's tab edits it; A and B stay, and so does the card.
    harness
        .get_by_label(&format!("Scenario tab {DO_NOTHING}"))
        .click();
    harness.run();
    assert_eq!(harness.state().active, do_nothing);
    assert_eq!(harness.state().comparison_pair(), Some((do_nothing, plan)));
    harness.get_by_label(&title);
    // Swap is the one way to swap.
    harness.get_by_label("Swap").click();
    harness.run();
    assert_eq!(harness.state().comparison_pair(), Some((plan, do_nothing)));
    harness.get_by_label(&format!("{DO_NOTHING} against {PLAN}"));
    // And the card's overspend now reads the other way.
    let swapped = card(&harness);
    assert_eq!(swapped.lines[1].verdict, Verdict::Worse);
    assert!(swapped.lines[1].sentence.contains("more overspend"));
}

#[test]
fn the_card_says_the_plan_in_plain_words_with_better_and_worse() {
    let harness = comparing_liverpool();
    let card = card(&harness);
    for line in &card.lines {
        harness.get_by_label(&line.sentence);
        harness.get_by_label(&format!("{}: {}", line.topic, line.verdict.word()));
    }
    // Liverpool's plan costs more, overspends less, keeps more reserves and
    // brings caseloads within cap: each figure by its own direction.
    let verdicts: Vec<Verdict> = card.lines.iter().map(|line| line.verdict).collect();
    assert_eq!(
        verdicts[..4],
        [
            Verdict::Worse,
            Verdict::Better,
            Verdict::Better,
            Verdict::Better
        ]
    );
    assert!(card.lines[1].sentence.contains("less overspend"));
    assert!(card.lines[3].sentence.contains("within cap from Sep 2020"));
    // The headline cards stay while comparing.
    harness.get_by_label("Reserves run out");
}

#[test]
fn the_table_has_a_whole_period_row_and_copies_as_cells() {
    let mut harness = comparing_liverpool();
    let (a, b) = harness.state().comparison_pair().unwrap();
    let documents = &harness.state().documents;
    let table = ComparisonTable::new(documents[a].projection(), documents[b].projection());
    let period = table.period_label();
    assert_eq!(period, "Whole period (39 months)");
    harness.get_by_label(&period);
    let variance = table
        .whole_period
        .iter()
        .find(|row| row.metric == "Variance (+ over budget)")
        .unwrap();
    let words = caseload::compare::difference_text(variance.measure, variance.difference());
    assert!(words.ends_with("less overspend"), "{words}");
    assert!(
        harness.query_all_by_label(&words).next().is_some(),
        "{words}"
    );
    // Copy puts the table on the clipboard, tab-separated, whole period first.
    scroll_page_to(&mut harness, "Copy the comparison table");
    harness.get_by_label("Copy the comparison table").click();
    harness.step();
    let copied = harness
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|command| match command {
            OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
        .expect("Copy put text on the clipboard");
    let lines: Vec<&str> = copied.lines().collect();
    assert_eq!(lines.len(), 1 + table.whole_period.len() + table.rows.len());
    assert_eq!(
        lines[0],
        format!("Period\tFigure\tA: {DO_NOTHING}\tB: {PLAN}\tB minus A")
    );
    assert!(lines[1].starts_with(&format!("{period}\tAverage caseload\t")));
    assert!(
        lines
            .iter()
            .any(|line| line.ends_with(&format!("\t{words}")))
    );
}

#[test]
fn what_changed_opens_without_losing_the_charts() {
    let mut harness = comparing_liverpool();
    scroll_page_to(&mut harness, "What changed: inputs that differ");
    harness
        .get_by_label("What changed: inputs that differ")
        .click();
    harness.run();
    let (a, b) = harness.state().comparison_pair().unwrap();
    let documents = &harness.state().documents;
    let differences =
        caseload::compare::input_differences(&documents[a].scenario, &documents[b].scenario);
    assert!(!differences.is_empty());
    // Each differing input, and after them the charts, are on the page: it
    // scrolls to them.
    for difference in &differences {
        scroll_page_to(&mut harness, &difference.name);
    }
    scroll_page_to(&mut harness, "Caseloads");
    for chart in caseload::charts::charts_of(caseload::charts::ChartTab::Caseloads) {
        scroll_page_to(&mut harness, chart.title());
    }
}

#[test]
fn long_names_are_shortened_and_keep_the_page_inside_the_window() {
    let mut harness = comparing_liverpool();
    let long_a =
        "Wakefield 2018: do nothing, as agreed by the cabinet in March with every assumption";
    let long_b = "Wakefield 2018: recruit and retain, with the academy, the agency cap and more";
    let (a, b) = harness.state().comparison_pair().unwrap();
    harness.state_mut().documents[a].scenario.name = long_a.to_owned();
    harness.state_mut().documents[b].scenario.name = long_b.to_owned();
    harness.run();
    let window_right = 1280.0;
    // The card's title wraps inside the window rather than pushing it wider.
    let title = format!("{long_b} against {long_a}");
    scroll_page_to(&mut harness, &title);
    for label in ["Compare scenarios", "Swap", "Copy the comparison table"] {
        scroll_page_to(&mut harness, label);
        let node = harness.get_by_label(label);
        assert!(
            node.rect().right() <= window_right,
            "{label}: {:?}",
            node.rect()
        );
    }
    // The figures scroll sideways to "B minus A" while the names stay put.
    let period = "Whole period (39 months)";
    scroll_page_to(&mut harness, period);
    let names_at = harness.get_by_label(period).rect();
    let row_y = names_at.center().y;
    for _ in 0..20 {
        let reached = harness
            .query_all_by_label("B minus A")
            .any(|node| node.rect().right() <= window_right);
        if reached {
            break;
        }
        harness.hover_at(egui::pos2(1100.0, row_y));
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(-120.0, 0.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: Modifiers::NONE,
        });
        if harness.try_run().is_err() {
            harness.run_steps(4);
        }
    }
    let difference = harness.get_by_label("B minus A").rect();
    assert!(difference.right() <= window_right, "{difference:?}");
    assert_eq!(
        harness.get_by_label(period).rect(),
        names_at,
        "the names stay put"
    );
    // The table's header shows a shortened name; the full name is on hover.
    let (short_a, _) = caseload::compare::names_in_sentences(long_a, long_b);
    let header = format!("A: {}", caseload::ui::comparison::short_name(short_a));
    assert!(header.ends_with('…'), "{header}");
    scroll_page_to(&mut harness, &header);
}

#[test]
fn at_1920_by_1080_the_card_and_the_whole_table_row_need_no_sideways_scroll() {
    let harness = comparing_liverpool_at([1920.0, 1080.0]);
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1920.0, 1080.0));
    let card = card(&harness);
    let mut labels = vec![card.title(), "Swap".to_owned(), "B minus A".to_owned()];
    labels.extend(card.sentences());
    for label in &labels {
        let rect = harness.get_by_label(label).rect();
        assert!(window.contains_rect(rect), "{label}: {rect:?}");
    }
}
