//! One frame of the window with four scenarios open and compared on the charts,
//! while a value is dragged so that the scenario being edited is projected again
//! every frame. Runs in the egui_kittest harness (no display needed) and includes
//! tessellation, everything eframe does on the CPU before the GPU draws.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use caseload::app::{CaseloadApp, FileDialogs};
use caseload::workspace::{FileKind, Preferences};
use criterion::{Criterion, criterion_group, criterion_main};
use egui::{Pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// File dialogs that never open: the benchmark opens files by path.
struct NoDialogs;

impl FileDialogs for NoDialogs {
    fn open_scenario(&mut self, _folder: Option<&Path>) -> Option<PathBuf> {
        None
    }
    fn save_file(&mut self, _: Option<&Path>, _: &str, _: FileKind) -> Option<PathBuf> {
        None
    }
}

/// The value being dragged: the first staff table's FTE box of the scenario being
/// edited (Wakefield, the last one opened).
const DRAGGED: &str = "FTE of Experienced social workers";

fn four_scenarios_compared() -> Harness<'static, CaseloadApp> {
    let mut harness = Harness::builder()
        .with_size([1600.0, 1000.0])
        .build_eframe(|_cc| CaseloadApp::with_parts(Preferences::default(), Box::new(NoDialogs)));
    let saves = Path::new(env!("CARGO_MANIFEST_DIR")).join("saves");
    // Opening a file replaces the untouched built-in scenario, so open four.
    for name in [
        "liverpool-2019.ron",
        "liverpool-2019-do-nothing.ron",
        "gloucestershire-2018.ron",
        "wakefield-2018.ron",
    ] {
        harness.state_mut().open_path(&saves.join(name));
    }
    harness.state_mut().comparison.enabled = true;
    harness.run();
    assert_eq!(harness.state().documents.len(), 4, "four scenarios open");
    harness
}

/// The Wakefield scenario with ranges on referral growth and turnover.
fn fixture_with_ranges() -> caseload::model::Scenario {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wakefield-with-ranges.ron");
    let Ok(mut scenario) = caseload::io::load_scenario(&path) else {
        panic!("the fixture with ranges does not load");
    };
    scenario.horizon_months = 120;
    scenario
}

/// Tessellates the last frame's shapes, as eframe does before painting.
fn tessellate(harness: &Harness<'_, CaseloadApp>) {
    let output = harness.output();
    black_box(
        harness
            .ctx
            .tessellate(output.shapes.clone(), output.pixels_per_point),
    );
}

/// One frame of the drag: the pointer goes back and forth around `start`, so the
/// value changes every frame and stays in range.
fn drag_frame(harness: &mut Harness<'_, CaseloadApp>, start: Pos2, step: u32) {
    let offset = if step.is_multiple_of(2) { 10.0 } else { -10.0 };
    harness.hover_at(Pos2::new(start.x + offset, start.y));
    harness.step();
    tessellate(harness);
}

fn frame(c: &mut Criterion) {
    let mut harness = four_scenarios_compared();
    let start = harness
        .get_all_by_label(DRAGGED)
        .next()
        .map(|node| node.rect().center())
        .unwrap_or_else(|| panic!("no \"{DRAGGED}\" on screen"));
    harness.hover_at(start);
    harness.drag_at(start);
    harness.step();

    // Checks that a frame with the pointer moved really changes the scenario.
    let fte = |harness: &Harness<'_, CaseloadApp>| {
        let scenario = &harness.state().document().scenario;
        scenario
            .group_index("experienced")
            .map(|index| scenario.staff[index].fte)
    };
    let before = fte(&harness);
    harness.hover_at(start + vec2(10.0, 0.0));
    harness.step();
    assert_ne!(before, fte(&harness), "dragging changes the value");

    let mut step = 0_u32;
    c.bench_function(
        "app frame: 4 scenarios compared, dragging a value (update + tessellate)",
        |b| {
            b.iter(|| {
                step += 1;
                drag_frame(&mut harness, start, step);
            })
        },
    );

    // The same, while Monte Carlo runs keep both cores busy in the background: the
    // window must stay responsive.
    let busy = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
    let background = {
        let busy = std::sync::Arc::clone(&busy);
        let scenario = fixture_with_ranges();
        std::thread::spawn(move || {
            while busy.load(std::sync::atomic::Ordering::Relaxed) {
                black_box(caseload::sim::monte_carlo::monte_carlo_simple(
                    &scenario, 10_000, 1,
                ));
            }
        })
    };
    c.bench_function(
        "app frame: 4 scenarios compared, dragging a value, 10,000-draw runs in the background",
        |b| {
            b.iter(|| {
                step += 1;
                drag_frame(&mut harness, start, step);
            })
        },
    );
    busy.store(false, std::sync::atomic::Ordering::Relaxed);
    let _ = background.join();

    // The same frame with nothing changing, for comparison.
    harness.drop_at(start);
    harness.run();
    c.bench_function("app frame: 4 scenarios compared, nothing changing", |b| {
        b.iter(|| {
            harness.step();
            tessellate(&harness);
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().without_plots();
    targets = frame
}
criterion_main!(benches);
