//! What actually happened, in the window: published figures as points on the
//! charts, "Check against history" and "Fit to history…", driven by their labels
//! as a person would (egui_kittest, no display needed).

#![allow(clippy::unwrap_used)] // Test code: a panic is a failed test.

mod common;

use caseload::app::CaseloadApp;
use caseload::history::{HistoryFigure, backtest_council, backtest_scenario};
use caseload::published::{self, Measure};
use caseload::ui::charts::plot_id;
use caseload::ui::charts::published::{LEGEND, point_name};
use caseload::ui::check_history::{AS_WRITTEN, NO_COUNCIL};
use caseload::ui::fit_history::{APPLY, COUNTS_HEADING, FIT, FIT_TO_COUNTS};
use caseload::workspace::Preferences;
use caseload::workspace::fit_history::applied;
use common::NoDialogs;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use egui_plot::{PlotMemory, PlotPoint};

/// The window on the built-in scenario, Liverpool's from January 2019 (E08000012).
fn app() -> Harness<'static, CaseloadApp> {
    let mut harness = Harness::builder()
        .with_size([1500.0, 1100.0])
        .build_eframe(|_cc| CaseloadApp::with_parts(Preferences::default(), Box::new(NoDialogs)));
    harness.run();
    harness
}

fn menu(harness: &mut Harness<'_, CaseloadApp>, menu: &str, item: &str) {
    harness.get_by_label(menu).click();
    harness.run();
    harness.get_by_label(item).click();
    harness.run();
}

/// The chart tab, not the editor section of the same name.
fn chart_tab(harness: &mut Harness<'_, CaseloadApp>, tab: &str) {
    harness.get_all_by_label(tab).last().unwrap().click();
    harness.run();
}

/// Moves the pointer onto `point` of the chart `chart`, where the chart drew it.
fn hover_on(harness: &mut Harness<'_, CaseloadApp>, chart: &str, point: PlotPoint) {
    let memory = PlotMemory::load(&harness.ctx, plot_id(chart)).expect("the chart was drawn");
    let position = memory.transform().position_from_point(&point);
    harness.hover_at(position);
    harness.run();
}

fn liverpool() -> &'static published::Council {
    published::by_code("E08000012").unwrap()
}

/// Liverpool's published children in care at 31 March 2018 sit on the Children
/// chart at April 2018, before the projection starts, named on hover with its
/// date and value; the legend says what the markers are.
#[test]
fn a_council_scenario_shows_published_points_on_the_children_chart() {
    let mut harness = app();
    chart_tab(&mut harness, "Children");
    // On the children chart and beside it on "Referrals a year".
    assert!(harness.get_all_by_label(LEGEND).count() >= 2);
    harness.get_by_label("Referrals a year");
    let published = liverpool()
        .year(2018)
        .unwrap()
        .get(Measure::ChildrenInCare)
        .unwrap();
    let name = point_name(HistoryFigure::ChildrenInCare, 2018, published);
    assert!(
        harness.query_by_label(&name).is_none(),
        "not before hovering"
    );
    let april = caseload::model::Month::new(2018, 4).unwrap();
    hover_on(
        &mut harness,
        "children_chart",
        PlotPoint::new(f64::from(april.index()), published),
    );
    harness.get_by_label(&name);
}

/// Referrals in the year to 31 March 2020, as published, on their March.
#[test]
fn referrals_a_year_show_the_published_years() {
    let mut harness = app();
    chart_tab(&mut harness, "Children");
    let published = liverpool()
        .year(2020)
        .unwrap()
        .get(Measure::Referrals)
        .unwrap();
    let march = caseload::model::Month::new(2020, 3).unwrap();
    hover_on(
        &mut harness,
        "referrals_chart",
        PlotPoint::new(f64::from(march.index()), published),
    );
    harness.get_by_label(&point_name(HistoryFigure::Referrals, 2020, published));
}

/// Without a council code, the charts show no published points, and "Check
/// against history" says how to add one; a code the figures do not know shows
/// nothing either, and says so.
#[test]
fn without_a_council_there_are_no_points_and_the_check_says_how_to_add_one() {
    let mut harness = app();
    harness.state_mut().documents[0].scenario.council = None;
    harness.run();
    chart_tab(&mut harness, "Children");
    assert!(harness.query_by_label(LEGEND).is_none());
    menu(&mut harness, "Councils", "Check against history…");
    harness.get_by_label(NO_COUNCIL);
    harness.state_mut().documents[0].scenario.council = Some("E08999999".to_owned());
    harness.run();
    assert!(harness.query_by_label(LEGEND).is_none());
    assert!(
        harness
            .query_by_label_contains("No council has the code E08999999")
            .is_some()
    );
}

/// Councils > Check against history: the plain sentence at the top, the table
/// year by year (a row's figures as published and modelled), the scenario as
/// written, and another start year chosen.
#[test]
fn check_against_history_shows_the_sentence_and_the_table() {
    let mut harness = app();
    menu(&mut harness, "Councils", "Check against history…");
    // The built-in scenario starts in January 2019: its figures are 31 March 2018's.
    let backtest = backtest_council(liverpool(), 2018).unwrap();
    harness.get_by_label(&backtest.sentence().unwrap());
    let point = backtest
        .point(HistoryFigure::ChildrenInCare, 1)
        .unwrap()
        .clone();
    let figure = HistoryFigure::ChildrenInCare;
    assert!(
        harness
            .query_all_by_label(&figure.date_label(point.year))
            .count()
            >= 1
    );
    assert!(
        harness
            .query_all_by_label(&figure.format(point.published))
            .count()
            >= 1
    );
    harness
        .get_all_by_label(&figure.format(point.model))
        .next()
        .unwrap();
    harness
        .get_all_by_label(&format!("{:+.1}%", point.model_error().unwrap()))
        .next()
        .unwrap();
    for heading in ["Model", "No change", "3-year trend"] {
        assert!(
            harness.query_all_by_label(heading).count() >= 2,
            "{heading}"
        );
    }
    harness.get_by_label("Mean absolute error by years ahead");
    let scenario = harness.state().document().scenario.clone();
    assert!(backtest_scenario(&scenario).is_ok());
    harness.get_by_label_contains(&format!("{AS_WRITTEN} (\"{}\"", scenario.name));

    harness
        .get_by_label("Start Liverpool from the figures published for 31 March")
        .click();
    harness.run();
    harness.get_by_label("2020").click();
    harness.run();
    let from_2020 = backtest_council(liverpool(), 2020).unwrap();
    harness.get_by_label(&from_2020.sentence().unwrap());
}

/// Runs frames until the fit has finished (it runs on another thread).
fn until_fitted(harness: &mut Harness<'_, CaseloadApp>) {
    let started = std::time::Instant::now();
    while harness.state().fit_history.is_working() {
        assert!(started.elapsed().as_secs() < 600, "the fit did not finish");
        std::thread::sleep(std::time::Duration::from_millis(20));
        harness.step();
    }
    harness.run();
}

/// Councils > Fit to history…: Fit shows the error before and after and the
/// inputs with their ranges; Apply sets the fitted values and a note of the fit
/// as one step, and Undo restores the scenario as it was.
#[test]
fn fit_to_history_fits_and_apply_changes_the_scenario_until_undone() {
    let mut harness = app();
    let original = harness.state().document().scenario.clone();
    menu(&mut harness, "Councils", "Fit to history…");
    harness.get_by_label_contains("Fit to Liverpool's figures for the years ending 31 March");
    harness.get_by_label(FIT).click();
    harness.step();
    until_fitted(&mut harness);
    let calibration = harness
        .state()
        .fit_history
        .calibration_for(&original)
        .cloned()
        .expect("a fit of the scenario as it is");
    harness.get_by_label(&format!(
        "Error {:.1}% before the fit, {:.1}% after",
        calibration.error_before_percent, calibration.error_after_percent
    ));
    assert!(calibration.error_after_percent <= calibration.error_before_percent);
    for input in &calibration.inputs {
        assert!(
            harness.query_all_by_label(&input.name).count() >= 1,
            "{}",
            input.name
        );
        assert!(
            (input.lower..=input.upper).contains(&input.after),
            "{input:?}"
        );
    }
    harness.get_by_label("Allowed range");

    harness.get_by_label(APPLY).click();
    harness.run();
    let scenario = harness.state().document().scenario.clone();
    assert_ne!(scenario, original);
    assert_eq!(scenario, applied(&calibration));
    assert!(
        scenario.notes.ends_with(&calibration.comment()),
        "{}",
        scenario.notes
    );
    harness.get_by_label("Applied. Edit > Undo takes it back.");

    harness.key_combination_modifiers(Modifiers::COMMAND, &[Key::Z]);
    harness.run();
    assert_eq!(harness.state().document().scenario, original);
}

/// A council's own monthly counts (here the projection's own children in care,
/// 4% higher, at the end of each month) are fitted to from a CSV file; a file
/// that is not there says so.
#[test]
fn fit_to_your_own_monthly_counts() {
    let mut harness = app();
    let scenario = harness.state().document().scenario.clone();
    let projection = caseload::sim::project(&scenario);
    let mut csv = String::from("month,looked_after\n");
    // A stock at the end of a month is the next month's opening.
    for pair in projection.rows.windows(2).take(18) {
        csv.push_str(&format!(
            "{},{:.0}\n",
            pair[0].month.iso(),
            pair[1].stocks.looked_after() * 1.04
        ));
    }
    let folder = std::env::temp_dir().join(format!("caseload-counts-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let file = folder.join("our-counts.csv");
    std::fs::write(&file, csv).unwrap();

    menu(&mut harness, "Councils", "Fit to history…");
    harness.get_by_label(COUNTS_HEADING).click();
    harness.run();
    harness.get_by_label("Counts file").click();
    harness.run();
    harness
        .get_by_label("Counts file")
        .type_text(&folder.join("missing.csv").display().to_string());
    harness.run();
    harness.get_by_label(FIT_TO_COUNTS).click();
    harness.run();
    harness.get_by_label_contains("Could not fit: could not read");

    harness.state_mut().fit_history.counts_file = file.display().to_string();
    harness.run();
    harness.get_by_label(FIT_TO_COUNTS).click();
    harness.step();
    until_fitted(&mut harness);
    let calibration = harness
        .state()
        .fit_history
        .calibration_for(&scenario)
        .cloned()
        .expect("a fit to the counts");
    assert!(
        calibration
            .fitted_to
            .starts_with("the monthly counts in our-counts.csv")
    );
    assert!(calibration.error_after_percent < calibration.error_before_percent);
    harness.get_by_label(&format!("Fitted to {}.", calibration.fitted_to));
    assert!(!harness.get_by_label(APPLY).accesskit_node().is_disabled());
    // An edit after the fit: the fit no longer applies.
    harness.state_mut().documents[0].scenario.name = "Edited after the fit".to_owned();
    harness.run();
    assert!(harness.get_by_label(APPLY).accesskit_node().is_disabled());
    harness.get_by_label("The scenario changed since this fit: fit it again to apply.");
    std::fs::remove_dir_all(&folder).unwrap();
}
