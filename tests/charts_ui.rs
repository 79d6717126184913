//! The charts and the number inputs in the window, driven as a person would
//! with the pointer (egui_kittest, no display needed): hovering an
//! intervention's dashed line names it, Ctrl+scroll zooms time and never the
//! y axis, and dragging a number moves it by its own step and back.

#![allow(clippy::unwrap_used)] // Test code: a panic is a failed test.

mod common;

use caseload::app::CaseloadApp;
use caseload::ui::charts::plot_id;
use caseload::workspace::Preferences;
use common::NoDialogs;
use egui::{Modifiers, MouseWheelUnit, Pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use egui_plot::{PlotMemory, PlotPoint};

/// The window on the built-in scenario (Liverpool 2019, with its plan).
fn app(size: [f32; 2]) -> Harness<'static, CaseloadApp> {
    let mut harness = Harness::builder()
        .with_size(size)
        .build_eframe(|_cc| CaseloadApp::with_parts(Preferences::default(), Box::new(NoDialogs)));
    harness.run();
    harness
}

fn bounds(harness: &Harness<'_, CaseloadApp>, chart: &str) -> egui_plot::PlotBounds {
    *PlotMemory::load(&harness.ctx, plot_id(chart))
        .expect("the chart was drawn")
        .bounds()
}

fn screen_at(harness: &Harness<'_, CaseloadApp>, chart: &str, point: PlotPoint) -> Pos2 {
    PlotMemory::load(&harness.ctx, plot_id(chart))
        .expect("the chart was drawn")
        .transform()
        .position_from_point(&point)
}

/// Hovering the dashed line where the plan starts shows the plan's name, as the
/// legend promises ("intervention starts (hover a line)").
#[test]
fn hovering_an_intervention_line_names_the_intervention() {
    let mut harness = app([1500.0, 1100.0]);
    let (label, month) = harness.state().document().projection().intervention_starts[0].clone();
    assert!(
        harness
            .get_all_by_label(caseload::ui::charts::MARKER_KEY)
            .count()
            >= 1
    );
    let top = bounds(&harness, "caseload_chart").max()[1];
    // High on the line, away from the caseload's own lines.
    let position = screen_at(
        &harness,
        "caseload_chart",
        PlotPoint::new(f64::from(month.index()), top * 0.97),
    );
    harness.hover_at(position);
    harness.run();
    harness.get_by_label_contains(&format!("From {}: {label}", month.label()));
}

/// Ctrl+scroll over a chart zooms into time; the y axis keeps its range, so a
/// line cannot vanish off the top or bottom.
#[test]
fn ctrl_scroll_zooms_time_only() {
    let mut harness = app([1500.0, 1100.0]);
    let before = bounds(&harness, "caseload_chart");
    let middle = screen_at(
        &harness,
        "caseload_chart",
        PlotPoint::new(
            (before.min()[0] + before.max()[0]) / 2.0,
            (before.min()[1] + before.max()[1]) / 2.0,
        ),
    );
    harness.hover_at(middle);
    harness.run();
    for _ in 0..3 {
        harness.event_modifiers(
            egui::Event::MouseWheel {
                unit: MouseWheelUnit::Point,
                delta: vec2(0.0, 120.0),
                modifiers: Modifiers::COMMAND,
                phase: egui::TouchPhase::Move,
                source: egui::MouseWheelSource::Wheel,
            },
            Modifiers::COMMAND,
        );
        harness.step();
    }
    harness.run();
    let after = bounds(&harness, "caseload_chart");
    assert!(
        after.width() < before.width() * 0.95,
        "time zoomed in: {} -> {} months",
        before.width(),
        after.width()
    );
    assert!(
        (after.min()[1] - before.min()[1]).abs() < 1e-6
            && (after.max()[1] - before.max()[1]).abs() < 1e-6,
        "the y axis stays: {:?} -> {:?}",
        (before.min()[1], before.max()[1]),
        (after.min()[1], after.max()[1])
    );
}

/// The experienced social workers' FTE (90-odd in the built-in scenario) moves
/// 0.1 FTE a point, as its catalogue entry says: 58 points is 5.8 FTE, not the
/// 500 it was; and dragging back to where the drag began gives the start value.
#[test]
fn dragging_a_number_moves_by_its_step_and_back_to_its_start() {
    let mut harness = app([1500.0, 2600.0]);
    let name = "FTE of Experienced social workers";
    let experienced = |harness: &Harness<'_, CaseloadApp>| {
        harness
            .state()
            .document()
            .scenario
            .staff
            .iter()
            .find(|group| group.name == "Experienced social workers")
            .unwrap()
            .fte
    };
    let start = experienced(&harness);
    let field = harness.get_by_label(name).rect().center();
    harness.drag_at(field);
    harness.step();
    for moved in 1..=58 {
        harness.hover_at(field + vec2(moved as f32, 0.0));
        harness.step();
    }
    let far = experienced(&harness);
    assert!(
        (far - (start + 5.8)).abs() < 0.051,
        "58 points right of {start}: {far}"
    );
    for moved in (0..58).rev() {
        harness.hover_at(field + vec2(moved as f32, 0.0));
        harness.step();
    }
    harness.drop_at(field);
    harness.run();
    assert_eq!(experienced(&harness), start, "back where the drag began");
}

/// On the staff chart, with nine lines, the pointer on the experienced social
/// workers' line names that line, its month and its FTE.
#[test]
fn hovering_a_line_names_the_series_under_the_pointer() {
    let mut harness = app([1500.0, 1100.0]);
    harness.get_all_by_label("Staff").last().unwrap().click();
    harness.run();
    let projection = harness.state().document().projection();
    let group = projection
        .groups
        .iter()
        .position(|group| group.name == "Experienced social workers")
        .unwrap();
    let row = 24;
    let month = projection.rows[row].month;
    let fte = projection.group_series(group).nth(row).unwrap().fte;
    let position = screen_at(
        &harness,
        "staff_chart",
        PlotPoint::new(f64::from(month.index()), fte),
    );
    harness.hover_at(position);
    harness.run();
    harness.get_by_label_contains(&format!(
        "Experienced social workers\n{}: {} FTE",
        month.label(),
        caseload::units::fte(fte)
    ));
}

/// Legends take one line: on a wide window the caseload chart's keys sit side
/// by side above it; on a projector's 1280 × 720 the staff chart's nine keys
/// stand beside the chart, one line each, rather than wrapping into rows.
#[test]
fn legends_take_one_line_above_or_one_line_each_beside() {
    let one_line_above = |harness: &Harness<'_, CaseloadApp>| {
        let rows: Vec<f32> = ["Average caseload", "Cap (weighted)"]
            .into_iter()
            .chain([caseload::ui::charts::MARKER_KEY])
            .map(|name| {
                harness
                    .get_all_by_label(name)
                    .next()
                    .unwrap()
                    .rect()
                    .center()
                    .y
            })
            .collect();
        assert!(
            rows.iter().all(|y| (y - rows[0]).abs() < 2.0),
            "one line: {rows:?}"
        );
    };
    let mut harness = app([1920.0, 1080.0]);
    one_line_above(&harness);

    harness.set_size(egui::vec2(1280.0, 720.0));
    harness.run();
    harness.get_all_by_label("Staff").last().unwrap().click();
    harness.run();
    let keys: Vec<egui::Rect> = ["All staff", "Vacancies (all permanent groups)"]
        .into_iter()
        .map(|name| harness.get_by_label(name).rect())
        .collect();
    let chart = PlotMemory::load(&harness.ctx, plot_id("staff_chart"))
        .unwrap()
        .transform()
        .frame()
        .to_owned();
    for key in &keys {
        assert!(key.height() < 20.0, "one line: {key:?}");
        assert!(
            key.left() > chart.right(),
            "beside the chart: {key:?} {chart:?}"
        );
    }
    assert!((keys[0].left() - keys[1].left()).abs() < 1.0, "a column");
    assert!(
        keys[1].top() > keys[0].bottom() - 1.0,
        "one above the other"
    );

    // Back on a wide window, the legends return above their charts by themselves.
    harness.get_by_label("Caseloads").click();
    harness.run();
    harness.set_size(egui::vec2(1920.0, 1080.0));
    harness.run();
    one_line_above(&harness);
}
