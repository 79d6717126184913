//! The window at a projector's 1280x720 and a desktop's 1920x1080: every view
//! opens, and every named widget either lies inside the window or is brought
//! inside it by scrolling the scroll area that holds it. Driven by labels, as a
//! person would; no display or GPU is needed (egui_kittest).

#![allow(clippy::unwrap_used)] // Test code: a panic is a failed test.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use caseload::app::CaseloadApp;
use caseload::workspace::Preferences;
use common::NoDialogs;
use common::save;
use egui::accesskit::Role;
use egui::{Event, MouseWheelSource, MouseWheelUnit, Pos2, Rect, TouchPhase, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

/// The central panel's inner margin: its first label starts this far from the
/// editor's edge.
const CENTRAL_MARGIN: f32 = 8.0;

/// The window's sizes under test: a projector's and a desktop's.
const SIZES: [[f32; 2]; 2] = [[1280.0, 720.0], [1920.0, 1080.0]];

/// The window at `size` with the given saved scenarios open, one tab each.
fn app(size: [f32; 2], files: &[&str]) -> Harness<'static, CaseloadApp> {
    let mut harness = Harness::builder()
        .with_size(size)
        .build_eframe(|_cc| CaseloadApp::with_parts(Preferences::default(), Box::new(NoDialogs)));
    settle(&mut harness);
    for file in files {
        harness.state_mut().open_path(&save(file));
        settle(&mut harness);
    }
    harness
}

/// Runs frames until the window is still, or a few if something keeps it busy
/// (a progress bar, a background run).
fn settle(harness: &mut Harness<'_, CaseloadApp>) {
    if harness.try_run().is_err() {
        harness.run_steps(4);
    }
}

/// Opens a menu and chooses an item, as a person would with the mouse.
fn menu(harness: &mut Harness<'_, CaseloadApp>, menu: &str, item: &str) {
    harness.get_by_label(menu).click();
    settle(harness);
    harness.get_by_label(item).click();
    settle(harness);
}

/// Every widget a person reads or uses, by its accessibility id: its name and
/// where it is now. Containers (panels, windows, scroll areas) are not widgets.
/// With `window`, only those in the window of that title.
fn named_widgets(
    harness: &Harness<'_, CaseloadApp>,
    window: Option<&str>,
) -> BTreeMap<String, (String, Rect)> {
    let mut widgets = BTreeMap::new();
    let root = match window {
        Some(title) => harness
            .root()
            .children_recursive()
            .find(|node| {
                let access = node.accesskit_node();
                access.role() == Role::Window && access.label().as_deref() == Some(title)
            })
            .unwrap_or_else(|| panic!("no window \"{title}\"")),
        None => harness.root(),
    };
    for node in root.children_recursive() {
        let access = node.accesskit_node();
        let role = access.role();
        if matches!(
            role,
            Role::GenericContainer
                | Role::Pane
                | Role::Window
                | Role::Dialog
                | Role::Menu
                | Role::ScrollBar
                | Role::Tooltip
        ) {
            continue;
        }
        let Some(name) = access.label().or_else(|| access.value()) else {
            continue;
        };
        if name.trim().is_empty() {
            continue;
        }
        let Some(bounds) = access.bounding_box() else {
            continue;
        };
        let rect = Rect::from_min_max(
            Pos2::new(bounds.x0 as f32, bounds.y0 as f32),
            Pos2::new(bounds.x1 as f32, bounds.y1 as f32),
        );
        widgets.insert(format!("{:?}", access.id()), (name, rect));
    }
    widgets
}

/// Whether a widget can be read where it is: wholly inside the window, or, for
/// one wider than half the window (a chart, a long line), its middle inside.
fn on_screen(rect: Rect, window: Rect) -> bool {
    let inside = window.expand(1.0);
    inside.contains_rect(rect)
        || (rect.width() > window.width() / 2.0
            && inside.contains(rect.center())
            && rect.height() <= window.height())
}

/// Turns the wheel at `at` by `delta` points (shift-free: x scrolls sideways).
fn wheel(harness: &mut Harness<'_, CaseloadApp>, at: Pos2, delta: Vec2) {
    harness.hover_at(at);
    harness.event(Event::MouseWheel {
        unit: MouseWheelUnit::Point,
        delta,
        phase: TouchPhase::Move,
        source: MouseWheelSource::Wheel,
        modifiers: egui::Modifiers::NONE,
    });
    harness.run_steps(8);
}

/// Checks that every named widget of the view as it is now lies inside the
/// window, or comes inside it when the scroll areas under `scroll_points` are
/// scrolled down and sideways to their ends. `view` names the view in failures.
fn every_widget_reachable(
    harness: &mut Harness<'_, CaseloadApp>,
    view: &str,
    window_title: Option<&str>,
    scroll_points: &[Pos2],
) {
    let size = harness.ctx.content_rect().size();
    let window = Rect::from_min_size(Pos2::ZERO, size);
    let mut waiting = named_widgets(harness, window_title);
    assert!(!waiting.is_empty(), "{view}: nothing is shown");
    let look = |harness: &Harness<'_, CaseloadApp>, waiting: &mut BTreeMap<_, _>| {
        let now = named_widgets(harness, window_title);
        waiting.retain(|id: &String, _| {
            !now.get(id)
                .is_some_and(|(_, rect)| on_screen(*rect, window))
        });
    };
    look(harness, &mut waiting);
    for &point in scroll_points {
        // Down, sideways, and both (for a table's far corner).
        for direction in [
            Vec2::new(0.0, -1.0),
            Vec2::new(-1.0, 0.0),
            Vec2::new(-1.0, -1.0),
        ] {
            for _ in 0..8 {
                if waiting.is_empty() {
                    return;
                }
                wheel(harness, point, direction * 400.0);
                look(harness, &mut waiting);
            }
            // Back to the start, so the other direction starts from the top left.
            wheel(harness, point, direction * -10_000.0);
        }
    }
    let lost: Vec<String> = waiting
        .values()
        .map(|(name, rect)| format!("{name:?} at {rect:?}"))
        .collect();
    assert!(
        lost.is_empty(),
        "{view} at {}x{}: {} widget(s) neither on screen nor reachable by scrolling: {lost:#?}",
        size.x,
        size.y,
        lost.len()
    );
}

/// Where to turn the wheel: the editor on the left, the page on the right (at
/// its right edge, clear of the charts) and the tables at the top of the page.
fn panel_points(size: [f32; 2]) -> [Pos2; 3] {
    [
        Pos2::new(120.0, size[1] * 0.6),
        Pos2::new(size[0] - 12.0, size[1] * 0.6),
        // Over the tables near the top of the page (the comparison's own scroll).
        Pos2::new(700.0, size[1] * 0.35),
    ]
}

/// Checks a window as [`every_widget_reachable`] checks the page, scrolling in it.
fn window_reachable(harness: &mut Harness<'_, CaseloadApp>, title: &str) {
    let points = window_points(harness, title);
    every_widget_reachable(harness, title, Some(title), &points);
}

/// Where to turn the wheel in a window: its middle, and low down in it.
fn window_points(harness: &Harness<'_, CaseloadApp>, title: &str) -> [Pos2; 2] {
    let window = harness
        .root()
        .children_recursive()
        .find(|node| {
            let access = node.accesskit_node();
            access.role() == Role::Window && access.label().as_deref() == Some(title)
        })
        .unwrap_or_else(|| panic!("no window \"{title}\""))
        .rect();
    [
        window.center(),
        Pos2::new(window.center().x, window.bottom() - 30.0),
    ]
}

#[test]
fn every_chart_tab_fits_or_scrolls_at_both_sizes() {
    for size in SIZES {
        let mut harness = app(size, &["wakefield-2018.ron"]);
        for tab in ["Caseloads", "Children", "Staff", "Money"] {
            harness.get_all_by_label(tab).last().unwrap().click();
            settle(&mut harness);
            every_widget_reachable(
                &mut harness,
                &format!("{tab} tab"),
                None,
                &panel_points(size),
            );
        }
        // The case: Money's second chart was cut off at 1280x720.
        harness.get_by_label_contains("Spend against funding by financial year");
    }
}

#[test]
fn compare_with_what_changed_open_fits_or_scrolls() {
    for size in SIZES {
        let mut harness = app(
            size,
            &["liverpool-2019-do-nothing.ron", "liverpool-2019.ron"],
        );
        harness.get_by_label("Compare scenarios").click();
        settle(&mut harness);
        harness
            .get_by_label("What changed: inputs that differ")
            .click();
        settle(&mut harness);
        // Also over the comparison table, which scrolls on its own.
        let table = harness.get_all_by_label("B minus A").next().unwrap().rect();
        let mut points = panel_points(size).to_vec();
        points.push(table.center() + Vec2::new(0.0, 60.0));
        every_widget_reachable(&mut harness, "Compare", None, &points);
    }
}

#[test]
fn the_risk_windows_fit_or_scroll() {
    for size in SIZES {
        let mut harness = app(size, &["liverpool-2019.ron"]);
        harness.get_by_label("What does it take?").click();
        settle(&mut harness);
        let window = harness.get_all_by_label("What does it take?").count();
        assert!(window >= 2, "the button and the window's title");
        window_reachable(&mut harness, "What does it take?");
        harness.state_mut().risk.goal_open = false;
        settle(&mut harness);
        menu(&mut harness, "Risk", "Sensitivity…");
        window_reachable(&mut harness, "Sensitivity");
    }
}

#[test]
fn the_council_windows_fit_or_scroll() {
    for size in SIZES {
        let mut harness = app(size, &["liverpool-2019.ron"]);
        for (menu_name, item, title) in [
            ("File", "New from council…", "New from council"),
            ("Councils", "How we compare…", "How we compare"),
            (
                "Councils",
                "Check against history…",
                "Check against history",
            ),
            ("Councils", "Fit to history…", "Fit to history"),
        ] {
            menu(&mut harness, menu_name, item);
            harness.get_by_label_contains(title);
            window_reachable(&mut harness, title);
            // Closed again before the next one, as its close button would.
            let state = harness.state_mut();
            state.new_from_council.open = false;
            state.how_we_compare.open = false;
            state.check_history.open = false;
            state.fit_history.open = false;
            settle(&mut harness);
        }
    }
}

#[test]
fn the_editor_narrows_to_about_300_px_and_keeps_the_width_chosen() {
    let mut harness = app([1280.0, 720.0], &["wakefield-2018.ron"]);
    // The editor's right edge: the page beside it starts a margin further on.
    let editor_right = |harness: &Harness<'_, CaseloadApp>| {
        harness.get_by_label("Headline").rect().left() - CENTRAL_MARGIN
    };
    let start = editor_right(&harness);
    // Drag the editor's edge to the left, as far as it goes.
    let y = 400.0;
    harness.hover_at(Pos2::new(start, y));
    settle(&mut harness);
    harness.drag_at(Pos2::new(start, y));
    harness.step();
    for x in [start - 50.0, 200.0, 150.0] {
        harness.hover_at(Pos2::new(x, y));
        harness.step();
    }
    harness.drop_at(Pos2::new(150.0, y));
    settle(&mut harness);
    let narrowed = editor_right(&harness);
    assert!(
        (290.0..=320.0).contains(&narrowed),
        "the editor goes down to about 300 px, not {narrowed}"
    );
    // The wide staff table and the sections opened or closed do not widen it again.
    harness.get_by_label("Interventions").click();
    settle(&mut harness);
    harness.run_steps(10);
    let kept = editor_right(&harness);
    assert!((kept - narrowed).abs() < 2.0, "{narrowed} became {kept}");
}

#[test]
fn the_headline_says_when_its_figures_are_from_the_last_valid_inputs() {
    let mut harness = app([1280.0, 720.0], &["liverpool-2019.ron"]);
    assert!(
        harness
            .query_by_label_contains("From the last valid inputs")
            .is_none()
    );
    let shown_before = harness.state().document().projection().total_spend();
    // Placement shares that add up to more than 100%: flagged, not projected.
    let share = harness.state().documents[0]
        .scenario
        .placements
        .residential
        .current_percent;
    harness.state_mut().documents[0]
        .scenario
        .placements
        .residential
        .current_percent = share + 30.0;
    settle(&mut harness);
    assert!(!harness.state().document().problems().is_empty());
    harness.get_by_label(caseload::ui::headline::STALE_NOTE);
    // The figures are those of the last valid inputs, unchanged.
    assert_eq!(
        harness.state().document().projection().total_spend(),
        shown_before
    );
    harness.state_mut().documents[0]
        .scenario
        .placements
        .residential
        .current_percent = share;
    settle(&mut harness);
    assert!(
        harness
            .query_by_label_contains("From the last valid inputs")
            .is_none()
    );
}

#[test]
fn totals_and_reserves_stand_beside_the_yearly_cards() {
    let harness = app([1280.0, 720.0], &["wakefield-2018.ron"]);
    let projection = harness.state().document().projection().clone();
    let first = projection.first().unwrap().month.label();
    let last = projection.last().unwrap();
    harness.get_by_label(&format!("Spend {first} to {}", last.month.label()));
    harness
        .get_all_by_label(&caseload::units::gbp(projection.total_spend()))
        .next()
        .unwrap();
    let funding: f64 = projection.years.iter().map(|year| year.funding()).sum();
    let variance = caseload::units::budget_variance(projection.total_spend() - funding);
    harness.get_by_label(&format!("of {}: {variance}", caseload::units::gbp(funding)));
    // The reserves: where they end, and the month they run out if they do.
    let end = caseload::units::gbp(last.reserves_at_end);
    match projection.reserves_run_out() {
        Some(run_out) => {
            harness.get_by_label("Reserves run out");
            harness.get_by_label_contains(&format!("{end} at the end"));
            assert!(run_out.lowest_gbp <= last.reserves_at_end);
            harness
                .get_all_by_label(&run_out.month.label())
                .next()
                .unwrap();
        }
        None => {
            harness.get_by_label("Reserves at the end");
            harness.get_all_by_label(&end).next().unwrap();
        }
    }
    // The caseload cards say what the rating means, not its colour.
    assert!(harness.query_by_label_contains(": red").is_none());
    harness
        .get_all_by_label_contains("over capacity")
        .next()
        .unwrap();
}

#[test]
fn a_bad_file_says_which_scenario_is_still_shown() {
    let bad = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad/negative-fte.ron");
    // On the built-in example: the message says so, not "the scenarios that were open".
    let mut harness = app([1280.0, 720.0], &[]);
    let example = harness.state().document().scenario.name.clone();
    harness.state_mut().open_path(&bad);
    settle(&mut harness);
    harness.get_by_label_contains("Could not open negative-fte.ron");
    harness.get_by_label(&format!(
        "Nothing was opened. Still shown: the built-in example \"{example}\", the only scenario open."
    ));
    // With two files open: both stay, and the one shown is named with its file.
    let mut harness = app(
        [1280.0, 720.0],
        &["liverpool-2019-do-nothing.ron", "liverpool-2019.ron"],
    );
    let shown = harness.state().document().scenario.name.clone();
    harness.state_mut().open_path(&bad);
    settle(&mut harness);
    harness.get_by_label(&format!(
        "Nothing was opened. The 2 scenarios that were open stay open; shown: \"{shown}\" (liverpool-2019.ron)."
    ));
    assert_eq!(harness.state().documents.len(), 2);
}

/// Runs "What does it take?" on the form as it is and waits for its answer.
fn find_the_smallest(harness: &mut Harness<'_, CaseloadApp>) {
    // The form may have been changed in code: draw it before clicking.
    settle(harness);
    harness.get_by_label("Find the smallest").click();
    for _ in 0..3_000 {
        harness.step();
        let app = harness.state();
        let answered =
            caseload::workspace::risk::current(&app.risk.goal_answer, &app.document().scenario)
                .is_some_and(|answer| Some(&answer.form) == app.risk.goal.as_ref());
        if answered && !app.risk.is_working() {
            settle(harness);
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    panic!("the search did not finish");
}

#[test]
fn what_does_it_take_sits_by_the_headline_and_costs_each_year() {
    use caseload::workspace::risk::TargetKind;
    let mut harness = app([1280.0, 720.0], &["liverpool-2019.ron"]);
    harness.get_by_label("What does it take?").click();
    settle(&mut harness);
    // It starts on the group that holds most cases.
    let scenario = harness.state().document().scenario.clone();
    let form = harness.state().risk.goal.clone().unwrap();
    let biggest = scenario
        .staff
        .iter()
        .filter(|group| !group.agency && group.holds_cases())
        .max_by(|a, b| {
            let capacity =
                |g: &caseload::model::StaffGroup| g.fte * g.case_time_percent * g.caseload_cap;
            capacity(a).total_cmp(&capacity(b))
        })
        .unwrap();
    assert_eq!(form.group, biggest.id);
    assert_ne!(
        form.group, scenario.staff[0].id,
        "not simply the first group"
    );

    // A target met already: an answer of nothing, and nothing to apply.
    {
        let goal = harness.state_mut().risk.goal.as_mut().unwrap();
        goal.target = TargetKind::Caseload;
        goal.target_value = 1_000.0;
    }
    find_the_smallest(&mut harness);
    harness.get_by_label("The scenario meets the target already: nothing to add.");
    assert!(harness.query_by_label("Apply to the scenario").is_none());

    // A target that takes staff: the cost year by year and in all, then Apply.
    harness.state_mut().risk.goal.as_mut().unwrap().target_value = 15.0;
    find_the_smallest(&mut harness);
    harness.get_by_label("Extra spend it takes:");
    let projection = harness.state().document().projection().clone();
    // Part years are named as such ("2018-19 (3 months)").
    for year in &projection.years {
        let label = caseload::units::financial_year_covered(year.year.0, year.months);
        harness.get_all_by_label(&label).next().unwrap();
    }
    harness.get_by_label("In all");
    harness.get_by_label("Apply to the scenario");
}
