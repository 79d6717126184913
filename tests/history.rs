//! Backtests against the published figures and the rules of thumb: one council's
//! figures checked by hand against the raw files, a scenario file, every council,
//! and the command line.

#![allow(clippy::unwrap_used)] // Test code: a panic is a failed test.

mod common;

use caseload::council_scenario;
use caseload::history::all::backtest_all;
use caseload::history::{HistoryFigure, Rule, backtest_council, backtest_scenario};
use caseload::io::load_scenario;
use caseload::model::Month;
use caseload::{project, published};

use common::{caseload, readme_block_is, text};

fn close(a: f64, b: f64, tolerance: f64) -> bool {
    (a - b).abs() <= tolerance
}

/// Liverpool from the figures to 31 March 2019, each published figure read by hand
/// from the raw files in `assets/public-statistics/` (the row and column named).
#[test]
fn liverpool_from_2019_against_the_raw_files() {
    let council = published::find("Liverpool").unwrap();
    let backtest = backtest_council(council, 2019).unwrap();
    let point = |figure, year| {
        backtest
            .points
            .iter()
            .find(|point| point.figure == figure && point.year == year)
            .unwrap_or_else(|| panic!("no {figure:?} for {year}"))
    };

    // cla_number_and_rate_per_10k_children_2020_to_2024.csv, 2022, Liverpool,
    // "Children looked after at 31 March each year": 1594.
    let in_care = point(HistoryFigure::ChildrenInCare, 2022);
    assert_eq!(in_care.published, 1594.0);
    assert_eq!(in_care.horizon, 3);
    // No change holds 31 March 2019's 1,332 (cla_number_and_rate_per_10k_children.csv);
    // the trend runs through 1,121, 1,190 and 1,332 (2017-2019): 105.5 a year from
    // 1,214.33 in 2018, so 1,214.33 + 4 × 105.5 = 1,636.33 in 2022.
    assert_eq!(in_care.rule(Rule::NoChange), Some(1332.0));
    assert!(close(
        in_care.rule(Rule::ThreeYearTrend).unwrap(),
        1636.333,
        0.001
    ));
    assert!(close(
        in_care.rule_error(Rule::NoChange).unwrap(),
        (1332.0 - 1594.0) / 1594.0 * 100.0,
        1e-9
    ));

    // b1_children_in_need_2013_to_2025.csv, 2022, At31_episodes 4579, less
    // d5_cpps_at31march_by_duration_2013_to_2025.csv, 2022, CPP_At31 611, less the
    // 1,594 in care: 2,374.
    assert_eq!(
        point(HistoryFigure::ChildrenInNeedNet, 2022).published,
        2374.0
    );
    assert_eq!(point(HistoryFigure::ProtectionPlans, 2022).published, 611.0);
    // c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv, 2020,
    // referral_count 6503: the year April 2019 to March 2020, one year ahead.
    let referrals = point(HistoryFigure::Referrals, 2020);
    assert_eq!(referrals.published, 6503.0);
    assert_eq!(referrals.horizon, 1);
    // csww_indicators_2017_to_2025.csv, 2021 (30 September 2021): inpost_fte 324.6,
    // agency_rate_fte 9.5 (34 agency of 358.6), caseload_fte 24.3; the census of
    // September 2018 is the last known at an April 2019 start, so 2021 is 3 ahead.
    let staff = point(HistoryFigure::SocialWorkersFte, 2021);
    assert_eq!(staff.published, 324.6);
    assert_eq!(staff.horizon, 3);
    assert!(close(
        point(HistoryFigure::AgencyRate, 2021).published,
        9.5,
        0.05
    ));
    assert_eq!(
        point(HistoryFigure::CaseloadPerCaseHolder, 2021).published,
        24.3
    );

    // The model's figures are the projection of the scenario `caseload new` builds:
    // stocks opening April 2022 (31 March 2022), referrals April 2019 to March 2020.
    let built = council_scenario::build(council, Some(2019)).unwrap();
    let mut scenario = built.scenario;
    scenario.horizon_months = 60;
    let projection = project(&scenario);
    let april_2022 = Month::new(2022, 4).unwrap();
    let row = projection
        .rows
        .iter()
        .find(|row| row.month == april_2022)
        .unwrap();
    assert!(close(in_care.model, row.stocks.looked_after(), 1e-9));
    let year_referrals: f64 = projection.rows[..12]
        .iter()
        .map(|row| row.flows.referrals)
        .sum();
    assert!(close(referrals.model, year_referrals, 1e-9));

    let sentence = backtest.sentence().unwrap();
    assert!(
        sentence.starts_with("Started in 2019, the model was ")
            && sentence.contains("three years later")
            && sentence.contains("at 31 March 2022")
            && sentence.contains("no change was 16% under")
            && sentence.contains("the 3-year trend was 3% over"),
        "{sentence}"
    );
}

/// A scenario file is projected as written and read at the dates it covers.
#[test]
fn a_scenario_file_is_judged_as_written() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("saves/wakefield-2018.ron");
    let scenario = load_scenario(&path).unwrap();
    let backtest = backtest_scenario(&scenario).unwrap();
    assert_eq!(backtest.council_name, "Wakefield");
    assert_eq!(backtest.start_year, 2018);
    let projection = project(&scenario);
    let in_care = backtest
        .points
        .iter()
        .find(|point| point.figure == HistoryFigure::ChildrenInCare && point.year == 2019)
        .unwrap();
    assert_eq!(in_care.horizon, 1);
    // cla_number_and_rate_per_10k_children.csv: Wakefield, 31 March 2019, 609.
    assert_eq!(in_care.published, 609.0);
    assert!(close(
        in_care.model,
        projection.rows[12].stocks.looked_after(),
        1e-9
    ));
    // Nothing beyond the projection's end is judged.
    let last = projection.last().unwrap().month;
    assert!(backtest.points.iter().all(|point| {
        let (first, count) = point.figure.months(point.year).unwrap();
        first.plus(count as i32 - 1).index() <= last.index()
    }));

    let mut without = scenario.clone();
    without.council = None;
    let message = backtest_scenario(&without).unwrap_err();
    assert!(message.contains("no council code"), "{message}");
}

#[test]
fn every_council_pooled() {
    let all = backtest_all(published::councils(), &[2019, 2020]);
    assert!(all.councils() > 140, "{} councils", all.councils());
    // Councils formed in 2023 have too little history.
    assert!(
        all.skipped.iter().any(|(name, _, _)| name == "Cumberland"),
        "{:?}",
        all.skipped
    );
    let pooled = all.pooled();
    let in_care_1 = pooled
        .iter()
        .find(|row| row.figure == HistoryFigure::ChildrenInCare && row.horizon == 1)
        .unwrap();
    assert!(in_care_1.backtests > 250);
    for row in &pooled {
        assert!(row.model.median <= row.model.p90);
        assert!(row.rules.iter().all(|spread| spread.median <= spread.p90));
        assert!((0.0..=1.0).contains(&row.model_beats_both));
    }
}

#[test]
fn the_command_line_backtests_a_council_a_file_and_every_council() {
    let folder = tempfile::tempdir().unwrap();
    let csv = folder.path().join("points.csv");
    let output = caseload(&[
        "backtest",
        "--council",
        "liverpool",
        "--from",
        "2019",
        "--csv",
        csv.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    for words in [
        "Liverpool (E08000012)",
        "Children in care (children)",
        "31 Mar 2022            3      1,594",
        "Mean absolute error by years ahead",
        "Started in 2019, the model was",
        "Contains public sector information",
    ] {
        assert!(stdout.contains(words), "missing {words:?} in\n{stdout}");
    }
    let written = std::fs::read_to_string(&csv).unwrap();
    assert!(written.starts_with("council_code,council,start_year,figure,unit,year"));
    assert!(written.contains(
        "E08000012,Liverpool,2019,Children in care,children,2022,31 March 2022,3,1594.000"
    ));

    let output = caseload(&["backtest", "saves/gloucestershire-2018.ron"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert!(
        stdout.contains("projected as written from Apr 2017"),
        "{stdout}"
    );
    assert!(
        stdout.contains("31 Mar 2018            1        656"),
        "{stdout}"
    );

    let output = caseload(&["backtest", "--all", "--from", "2020,2021"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    for words in [
        "councils, starting from the figures published to 31 March 2020, 2021",
        "median and 90th percentile",
        "Model beats both",
        "1 to 3 years ahead",
    ] {
        assert!(stdout.contains(words), "missing {words:?} in\n{stdout}");
    }
}

#[test]
fn the_command_line_says_what_is_missing() {
    for (args, expected) in [
        (
            vec!["backtest", "--council", "Liverpool"],
            "--council needs --from YYYY",
        ),
        (vec!["backtest", "--all"], "--all needs --from"),
        (
            vec!["backtest", "saves/wakefield-2018.ron", "--from", "2019"],
            "--from does not go with a scenario file",
        ),
        (
            vec!["backtest", "--council", "Nowhere", "--from", "2019"],
            "Nowhere",
        ),
        (
            vec!["backtest", "--council", "Liverpool", "--from", "2010"],
            "no children in care, children in need and referrals all published",
        ),
        (
            vec!["backtest", "--council", "Liverpool", "--from", "2025"],
            "nothing published after 2025",
        ),
        (
            vec!["backtest", "--council", "Liverpool", "--from", "20x9"],
            "expected a whole number of years",
        ),
    ] {
        let output = caseload(&args);
        // 2: clap refused the arguments; 1: the command failed.
        assert!(matches!(output.status.code(), Some(1 | 2)), "{args:?}");
        let stderr = text(&output.stderr);
        assert!(stderr.contains(expected), "{args:?}: {stderr}");
    }
}

/// The README's table of every council's backtests is what this build prints.
#[test]
fn the_readme_backtests_are_what_this_build_prints() {
    let args = ["backtest", "--all", "--from", "2019,2020,2021"];
    let output = caseload(&args);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let block = format!(
        "```text\n$ caseload {}\n{}```\n",
        args.join(" "),
        text(&output.stdout)
    );
    readme_block_is(
        "tests/history.rs",
        "the_readme_backtests_are_what_this_build_prints",
        &block,
    );
}

/// The README's fit of Liverpool's 2019 scenario to 2019-2024 is this build's.
#[test]
fn the_readme_fit_figures_are_this_builds() {
    let council = published::find("Liverpool").unwrap();
    let scenario = council_scenario::build(council, Some(2019))
        .unwrap()
        .scenario;
    let fit = caseload::history::calibrate(&scenario, council, 2019..=2024).unwrap();
    let words = format!(
        "from {:.1}% to {:.1}%",
        fit.error_before_percent, fit.error_after_percent
    );
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let flat = readme.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(&format!(
            "relative errors over eight published series) {words}"
        )),
        "the README should say {words}"
    );
}
