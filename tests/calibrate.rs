//! Fitting demand rates to history: known rates recovered from a history the
//! model made, every rate kept in its range, and the `caseload calibrate` command.

#![allow(clippy::unwrap_used)] // Test code: a panic is a failed test.

mod common;

use common::{caseload, text};

use caseload::history::HistoryFigure;
use caseload::history::calibrate::rates::{RATES, Rate};
use caseload::history::calibrate::{
    FITTED_FIGURES, MonthlyCounts, calibrate_rates_to_series, calibrate_to_counts,
    calibrate_to_series,
};
use caseload::model::catalogue;
use caseload::model::{Month, Scenario};
use caseload::sim::project;
use proptest::prelude::*;

fn liverpool_2019() -> Scenario {
    let council = caseload::published::by_code("E08000012").expect("Liverpool is published");
    caseload::council_scenario::build(council, Some(2019))
        .expect("Liverpool 2019 builds")
        .scenario
}

fn set(scenario: &mut Scenario, path: &str, value: f64) {
    let input = catalogue::resolve(scenario, path).expect("an input");
    *input.number_mut(scenario).expect("a number") = value;
}

fn get(scenario: &Scenario, path: &str) -> f64 {
    catalogue::resolve(scenario, path)
        .and_then(|input| input.number(scenario))
        .expect("a number")
}

/// No further action takes the remainder, as the fit keeps it.
fn settle_outcomes(scenario: &mut Scenario) {
    let outcomes = &mut scenario.demand.referral_outcomes;
    outcomes.no_further_action_percent = 100.0
        - outcomes.child_in_need_percent
        - outcomes.child_protection_percent
        - outcomes.into_care_percent;
}

/// The rates the history is made with.
const KNOWN: [(&str, f64); 9] = [
    ("demand.referral_growth_percent_per_year", 4.0),
    ("demand.referral_outcomes.child_in_need_percent", 50.0),
    ("demand.referral_outcomes.child_protection_percent", 6.0),
    ("demand.referral_outcomes.into_care_percent", 4.0),
    ("demand.child_in_need_months", 10.0),
    ("demand.child_protection_months", 11.0),
    ("demand.looked_after_months", 40.0),
    ("demand.child_in_need_to_protection_percent_per_month", 1.2),
    ("demand.protection_to_care_percent_per_month", 1.8),
];

/// Liverpool's starting figures (31 March 2019) with the known rates, and no
/// interventions.
fn truth() -> Scenario {
    let mut truth = liverpool_2019();
    truth.interventions.clear();
    for (path, value) in KNOWN {
        set(&mut truth, path, value);
    }
    settle_outcomes(&mut truth);
    // To April 2025: the yearly figures to 31 March 2025.
    truth.horizon_months = 73;
    truth
}

/// The yearly series of every fitted figure in the years ending 31 March 2019 to
/// 2025 as the model made them, each point times `1 + noise(year, point)`.
fn history(
    truth: &Scenario,
    noise: impl Fn(i32, usize) -> f64,
) -> Vec<(HistoryFigure, Vec<(i32, f64)>)> {
    let projection = project(truth);
    let mut index = 0;
    FITTED_FIGURES
        .iter()
        .map(|figure| {
            let points = (2019..=2025)
                .filter_map(|year| {
                    let value = figure.modelled(&projection, year)?;
                    index += 1;
                    Some((year, value * (1.0 + noise(year, index))))
                })
                .collect();
            (*figure, points)
        })
        .collect()
}

/// Deterministic noise of 2% to 3%: 2, 2.5 or 3% in turn from point to point,
/// up in even years and down in odd ones.
fn alternating_noise(year: i32, index: usize) -> f64 {
    let size = [0.02, 0.025, 0.03][index % 3];
    if year % 2 == 0 { size } else { -size }
}

/// The known rates, with `moved` ones 25% higher or lower (in turn) as the fit's
/// starting point.
fn moved_from_truth(truth: &Scenario, moved: &[&str]) -> Scenario {
    let mut start = truth.clone();
    for (position, path) in moved.iter().enumerate() {
        let factor = if position % 2 == 0 { 1.25 } else { 0.75 };
        set(&mut start, path, get(truth, path) * factor);
    }
    settle_outcomes(&mut start);
    start
}

fn relative_error(fitted: f64, known: f64) -> f64 {
    (fitted / known - 1.0).abs() * 100.0
}

/// The shares of referrals and the durations are recovered to within 2% from six
/// years of published-like figures with 2-3% noise, starting 25% away.
///
/// Two kinds of rate are held at their known values, because the yearly figures
/// cannot pin them down to 2%:
/// - the step-ups (child in need to plan, plan to care): a child entering care
///   from a plan and one entering from a referral count the same in "started
///   care" and in the number in care (likewise for plans), so only the sum of
///   the two routes is identified; with them free the split between the two
///   routes wanders by 30% or more while the fit to the figures hardly changes.
/// - the referral growth: a rate of 4% a year read from six yearly counts with
///   2-3% noise is uncertain by about ±0.4 points (10% of the rate), as any
///   straight line through six noisy points is. It is recovered to 2% from an
///   exact history below.
#[test]
fn known_shares_and_durations_are_recovered_from_a_noisy_history() {
    let truth = truth();
    let series = history(&truth, alternating_noise);
    let fitted: Vec<&str> = KNOWN[1..7].iter().map(|(path, _)| *path).collect();
    let start = moved_from_truth(&truth, &fitted);
    let rates: Vec<Rate> = RATES
        .iter()
        .copied()
        .filter(|rate| fitted.contains(&rate.path))
        .collect();
    assert_eq!(rates.len(), 6);
    let calibration =
        calibrate_rates_to_series(&start, &series, "a made history".to_owned(), &rates).unwrap();
    for (path, known) in &KNOWN[1..7] {
        let after = get(&calibration.fitted, path);
        assert!(
            relative_error(get(&start, path), *known) > 20.0,
            "{path} starts 25% away"
        );
        assert!(
            relative_error(after, *known) < 2.0,
            "{path}: known {known}, fitted {after}"
        );
    }
    // Held rates are untouched.
    for (path, known) in [KNOWN[0], KNOWN[7], KNOWN[8]] {
        assert_eq!(get(&calibration.fitted, path), known, "{path}");
    }
    // The noise is all that is left.
    assert!(calibration.error_before_percent > 5.0, "{calibration:?}");
    assert!(
        calibration.error_after_percent < 3.0,
        "{}",
        calibration.error_after_percent
    );
}

/// With every rate but the step-ups free (see above) and an exact history, the
/// growth of referrals comes back too.
#[test]
fn the_growth_of_referrals_is_recovered_from_an_exact_history() {
    let truth = truth();
    let series = history(&truth, |_, _| 0.0);
    let fitted: Vec<&str> = KNOWN[..7].iter().map(|(path, _)| *path).collect();
    let start = moved_from_truth(&truth, &fitted);
    let rates: Vec<Rate> = RATES[..7].to_vec();
    let calibration =
        calibrate_rates_to_series(&start, &series, "a made history".to_owned(), &rates).unwrap();
    for (path, known) in &KNOWN[..7] {
        let after = get(&calibration.fitted, path);
        assert!(
            relative_error(after, *known) < 2.0,
            "{path}: known {known}, fitted {after}"
        );
    }
    assert!(calibration.error_after_percent < 0.5);
}

/// Counts of the first six months of 2019-20, as the model made them: stocks at
/// each month's end, referrals in each month.
fn monthly_counts_text(truth: &Scenario) -> String {
    let projection = project(truth);
    let mut text = String::from("month,referrals,children_in_need,child_protection,looked_after\n");
    for offset in 0..24 {
        let month = truth.start.plus(offset);
        let values: Vec<String> = [
            HistoryFigure::Referrals,
            HistoryFigure::ChildrenInNeedNet,
            HistoryFigure::ProtectionPlans,
            HistoryFigure::ChildrenInCare,
        ]
        .iter()
        .map(|figure| {
            format!(
                "{:.1}",
                figure.modelled_in_month(&projection.rows, month).unwrap()
            )
        })
        .collect();
        text.push_str(&format!("{},{}\n", month.iso(), values.join(",")));
    }
    text
}

#[test]
fn monthly_counts_the_model_made_are_fitted_closely() {
    let truth = truth();
    let counts = MonthlyCounts::parse("counts.csv", &monthly_counts_text(&truth)).unwrap();
    let start = moved_from_truth(&truth, &[KNOWN[6].0, KNOWN[4].0]);
    let calibration = calibrate_to_counts(&start, &counts).unwrap();
    assert!(calibration.error_before_percent > 2.0);
    assert!(
        calibration.error_after_percent < 0.5,
        "{}",
        calibration.error_after_percent
    );
    assert!(
        calibration
            .fitted_to
            .contains("the monthly counts in counts.csv, Apr 2019 to Mar 2021"),
        "{}",
        calibration.fitted_to
    );
    let first = &calibration.series[0].points[0];
    assert_eq!(first.month, Month::new(2019, 4).unwrap());
}

#[test]
fn counts_before_the_start_are_refused_with_their_line() {
    let truth = truth();
    let counts =
        MonthlyCounts::parse("c.csv", "month,looked_after\n2019-04,1300\n2019-03,1290\n").unwrap();
    let message = calibrate_to_counts(&truth, &counts).unwrap_err();
    assert!(
        message.starts_with("c.csv:3: 2019-03 is before"),
        "{message}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    /// Whatever the starting rates (anywhere the catalogue allows, some outside
    /// the fit's sensible range) and whatever the figures (from a tenth to ten
    /// times what the model says), no fitted rate leaves its range, the ranges
    /// are within what the catalogue allows, and the result is a valid scenario.
    #[test]
    fn calibration_never_leaves_an_input_outside_its_range(
        starts in proptest::collection::vec(0.0f64..1.0, 9),
        shares in proptest::collection::vec(0.0f64..1.0, 3),
        scales in proptest::collection::vec(-1.0f64..1.0, 8),
    ) {
        let mut start = liverpool_2019();
        start.interventions.clear();
        // Growth anywhere from -50% to +100% a year; durations 1 to 200 months;
        // step-ups 0 to 40% a month.
        set(&mut start, RATES[0].path, -50.0 + 150.0 * starts[0]);
        for index in 4..7 {
            set(&mut start, RATES[index].path, 1.0 + 199.0 * starts[index]);
        }
        for index in 7..9 {
            set(&mut start, RATES[index].path, 40.0 * starts[index]);
        }
        // Shares that add up to at most 100.
        let total: f64 = shares.iter().sum::<f64>() + 0.5;
        for (index, share) in shares.iter().enumerate() {
            set(&mut start, RATES[1 + index].path, 100.0 * share / total);
        }
        settle_outcomes(&mut start);
        prop_assume!(caseload::model::validate::validate(&start).is_empty());
        let base = truth();
        let series: Vec<(HistoryFigure, Vec<(i32, f64)>)> = history(&base, |_, _| 0.0)
            .into_iter()
            .zip(&scales)
            .map(|((figure, points), scale)| {
                let factor = 10f64.powf(*scale);
                (figure, points.into_iter().map(|(year, value)| (year, value * factor)).collect())
            })
            .collect();
        let calibration = calibrate_to_series(&start, &series, "figures".to_owned()).unwrap();
        prop_assert!(caseload::model::validate::validate(&calibration.fitted).is_empty());
        for input in &calibration.inputs {
            let value = get(&calibration.fitted, &input.path);
            prop_assert_eq!(value, input.after);
            prop_assert!(
                input.lower <= value && value <= input.upper,
                "{} = {} outside {} to {}", input.path, value, input.lower, input.upper
            );
            let entry = catalogue::resolve(&calibration.fitted, &input.path).unwrap();
            let (min, max) = entry.input.kind.limits().unwrap();
            prop_assert!(min <= input.lower && input.upper <= max, "{}", input.path);
        }
        prop_assert!(calibration.error_after_percent <= calibration.error_before_percent + 1e-9);
    }
}

// The command.

/// RMS of the relative errors of a scenario's projection against Liverpool's
/// published figures, 2020 to 2024, over the fitted series (%).
fn error_against_liverpool(scenario: &Scenario) -> f64 {
    let council = caseload::published::by_code("E08000012").unwrap();
    let mut scenario = scenario.clone();
    scenario.horizon_months = 120;
    let projection = project(&scenario);
    let mut sum = 0.0;
    let mut count = 0.0;
    for figure in FITTED_FIGURES {
        for year in 2020..=2024 {
            if let (Some(published), Some(model)) = (
                figure.published(council, year),
                figure.modelled(&projection, year),
            ) {
                sum += ((model - published) / published).powi(2);
                count += 1.0;
            }
        }
    }
    (sum / count).sqrt() * 100.0
}

#[test]
fn calibrate_prints_before_and_after_and_writes_a_commented_file_that_fits_better() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("fitted.ron");
    let output = caseload(&[
        "calibrate",
        "saves/liverpool-2019.ron",
        "--years",
        "2019-2024",
        "--out",
        out.to_str().unwrap(),
    ]);
    let printed = text(&output.stdout);
    assert!(output.status.success(), "{}", text(&output.stderr));
    for expected in [
        "Fitted to Liverpool's published figures, years ending 31 March 2019 to 2024.",
        "Time in care (months)",
        "Growth of referrals (% a year)",
        "Referrals closed with no further action (% of referrals)",
        "Error (RMS of relative errors)",
        "Children starting care in the year",
        "All series",
        "Published, and the projection before and after the fit:",
        "Wrote the fitted scenario to",
    ] {
        assert!(printed.contains(expected), "{expected} in:\n{printed}");
    }
    let original_text = std::fs::read_to_string("saves/liverpool-2019.ron").unwrap();
    let written = std::fs::read_to_string(&out).unwrap();
    // The file's own comments are all there.
    for line in original_text
        .lines()
        .filter(|line| line.trim_start().starts_with("//"))
    {
        assert!(written.contains(line), "kept: {line}");
    }
    // Each fitted value has its comment just above it.
    let fitted_comment =
        "// Fitted to Liverpool's published figures, years ending 31 March 2019 to 2024: error ";
    let lines: Vec<&str> = written.lines().collect();
    for field in [
        "looked_after_months:",
        "referral_growth_percent_per_year:",
        "into_care_percent:",
        "no_further_action_percent:",
    ] {
        let at = lines
            .iter()
            .position(|line| line.trim_start().starts_with(field))
            .unwrap_or_else(|| panic!("{field} in the file"));
        assert!(
            lines[at - 1].trim_start().starts_with(fitted_comment),
            "above {field}: {}",
            lines[at - 1]
        );
    }
    let original =
        caseload::io::load_scenario(std::path::Path::new("saves/liverpool-2019.ron")).unwrap();
    let fitted = caseload::io::load_scenario(&out).unwrap();
    assert_eq!(fitted.staff, original.staff);
    assert_eq!(fitted.horizon_months, original.horizon_months);
    assert_ne!(fitted.demand, original.demand);
    let (before, after) = (
        error_against_liverpool(&original),
        error_against_liverpool(&fitted),
    );
    assert!(after < before, "{before} -> {after}");
}

#[test]
fn calibrate_without_out_only_says_what_it_would_write() {
    let output = caseload(&[
        "calibrate",
        "saves/wakefield-2018.ron",
        "--years",
        "2018-2021",
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let printed = text(&output.stdout);
    assert!(
        printed.contains("Wakefield's published figures, years ending 31 March 2018 to 2021"),
        "{printed}"
    );
    assert!(printed.contains("Give --out FILE to write the fitted scenario."));
}

fn refused(args: &[&str]) -> String {
    let output = caseload(args);
    assert_eq!(output.status.code(), Some(1), "{args:?}");
    assert!(output.stdout.is_empty(), "{}", text(&output.stdout));
    text(&output.stderr)
}

#[test]
fn bad_years_and_a_file_without_a_council_are_refused_clearly() {
    let liverpool = "saves/liverpool-2019.ron";
    let message = refused(&["calibrate", liverpool, "--years", "19-24"]);
    assert!(
        message.starts_with("--years expects the first and last years"),
        "{message}"
    );
    let message = refused(&["calibrate", liverpool, "--years", "2024-2019"]);
    assert!(message.contains("like 2019-2024"), "{message}");
    let message = refused(&["calibrate", liverpool, "--years", "2019-2031"]);
    assert!(
        message.contains("Liverpool's figures are published for the years ending 31 March"),
        "{message}"
    );
    let message = refused(&["calibrate", liverpool, "--years", "2016-2020"]);
    assert!(message.contains("the scenario starts in Jan 2019, so the first year it can be fitted to is the one ending 31 March 2019"), "{message}");

    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("no-council.ron");
    let scenario = common::small_scenario();
    std::fs::write(&file, caseload::io::scenario_to_ron(&scenario).unwrap()).unwrap();
    let message = refused(&["calibrate", file.to_str().unwrap(), "--years", "2019-2021"]);
    assert!(
        message.contains("has no council code, so there is nothing published to fit it to"),
        "{message}"
    );
}

#[test]
fn monthly_counts_are_fitted_and_a_bad_row_names_its_line() {
    let folder = tempfile::tempdir().unwrap();
    let scenario = common::small_scenario();
    let file = folder.path().join("council.ron");
    std::fs::write(&file, caseload::io::scenario_to_ron(&scenario).unwrap()).unwrap();
    let mut truth = scenario.clone();
    set(&mut truth, "demand.looked_after_months", 40.0);
    set(&mut truth, "demand.child_protection_months", 12.0);
    truth.horizon_months = 25;
    let counts = folder.path().join("counts.csv");
    std::fs::write(&counts, monthly_counts_text(&truth)).unwrap();
    let output = caseload(&[
        "calibrate",
        file.to_str().unwrap(),
        "--monthly",
        counts.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let printed = text(&output.stdout);
    assert!(
        printed.contains("Fitted to the monthly counts in"),
        "{printed}"
    );
    assert!(printed.contains("Apr 2019"), "{printed}");

    let bad = folder.path().join("bad.csv");
    std::fs::write(
        &bad,
        "month,referrals,looked_after\n2019-04,450,650\n2019-05,many,650\n",
    )
    .unwrap();
    let message = refused(&[
        "calibrate",
        file.to_str().unwrap(),
        "--monthly",
        bad.to_str().unwrap(),
    ]);
    assert!(
        message.starts_with(&format!(
            "{}:3: expected a count of referrals",
            bad.display()
        )),
        "{message}"
    );
}
