//! Uncertainty, goal seek and sensitivity on the engine: reproducible, consistent
//! with the single projection, and exact to the lever's unit.

#![allow(clippy::unwrap_used)] // Test code: a panic is a failed test.

mod common;

use caseload::io::{load_scenario, parse_scenario, scenario_to_ron};
use caseload::model::{Range, Scenario, Shape, fields, validate};
use caseload::project;
use caseload::sim::CapStanding;
use caseload::sim::monte_carlo::{MonteCarlo, monte_carlo_simple};
use caseload::sim::sensitivity::{Output, sensitivity};
use caseload::sim::solve::{Confidence, Lever, SolveError, Target, meets, solve};

fn wakefield_with_ranges() -> Scenario {
    let mut scenario = load_scenario(&common::save("wakefield-2018.ron")).unwrap();
    scenario.uncertainty = vec![
        Range {
            field: "demand.referral_growth_percent_per_year".to_owned(),
            low: 0.0,
            high: 12.0,
            shape: Shape::Triangular,
        },
        Range {
            field: "staff[\"experienced\"].turnover_percent_per_year".to_owned(),
            low: 10.0,
            high: 25.0,
            shape: Shape::Uniform,
        },
    ];
    assert_eq!(validate(&scenario), Vec::new());
    scenario
}

fn in_pool(threads: usize, run: impl FnOnce() -> MonteCarlo + Send) -> MonteCarlo {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap()
        .install(run)
}

#[test]
fn the_same_seed_gives_the_same_bands_with_any_number_of_threads() {
    let scenario = wakefield_with_ranges();
    let one = in_pool(1, || monte_carlo_simple(&scenario, 300, 42));
    let four = in_pool(4, || monte_carlo_simple(&scenario, 300, 42));
    let again = monte_carlo_simple(&scenario, 300, 42);
    assert_eq!(one, four);
    assert_eq!(one, again);
    let other_seed = monte_carlo_simple(&scenario, 300, 43);
    assert_ne!(one.monthly_spend, other_seed.monthly_spend);
}

#[test]
fn collapsed_ranges_give_the_single_projection() {
    let mut scenario = wakefield_with_ranges();
    let base = scenario.clone();
    for range in &mut scenario.uncertainty {
        let value = fields::number(&base, &range.field).unwrap();
        range.low = value;
        range.high = value;
    }
    let projection = project(&scenario);
    let run = monte_carlo_simple(&scenario, 50, 1);
    for (month, row) in projection.rows.iter().enumerate() {
        let caseload = run.average_caseload.months[month].unwrap();
        assert!(
            caseload
                .iter()
                .all(|value| *value == row.workload.average_caseload.unwrap())
        );
        let spend = run.monthly_spend.months[month].unwrap();
        assert!(spend.iter().all(|value| *value == row.spend.total()));
        let in_care = run.looked_after.months[month].unwrap();
        assert!(
            in_care
                .iter()
                .all(|value| *value == row.stocks.looked_after())
        );
        let fte = run.total_fte.months[month].unwrap();
        assert!(fte.iter().all(|value| *value == row.staffing.total_fte()));
        let over = if row.workload.is_over_cap() { 1.0 } else { 0.0 };
        assert_eq!(run.over_cap_probability[month], over);
    }
    assert_eq!(run.total_spend.p10, projection.total_spend());
    assert_eq!(run.total_spend.p90, projection.total_spend());
}

#[test]
fn percentiles_are_ordered_for_every_month_and_series() {
    let run = monte_carlo_simple(&wakefield_with_ranges(), 400, 7);
    for bands in [
        &run.average_caseload,
        &run.looked_after,
        &run.total_fte,
        &run.monthly_spend,
    ] {
        for percentiles in bands.months.iter().flatten() {
            assert!(
                percentiles.windows(2).all(|pair| pair[0] <= pair[1]),
                "{percentiles:?}"
            );
        }
    }
    assert!(
        run.total_spend.p10 <= run.total_spend.p50 && run.total_spend.p50 <= run.total_spend.p90
    );
    assert!(
        run.total_spend.p10 < run.total_spend.p90,
        "the ranges spread the spend"
    );
    for (_, probability) in &run.overspend_probability {
        assert!((0.0..=1.0).contains(probability));
    }
}

#[test]
fn bands_are_the_percentiles_of_the_draws_to_within_a_tenth_of_a_percent() {
    use caseload::sim::monte_carlo::{BAND_PERCENTILES, draw_scenario};
    use caseload::sim::quantiles::RELATIVE_ACCURACY;
    let scenario = wakefield_with_ranges();
    let draws = 301;
    let result = monte_carlo_simple(&scenario, draws, 11);
    // The same draws, projected one by one and kept whole.
    let projections: Vec<_> = (0..draws)
        .map(|draw| project(&draw_scenario(&scenario, 11, draw)))
        .collect();
    for month in [0, 6, 17] {
        let mut looked_after: Vec<f64> = projections
            .iter()
            .map(|projection| projection.rows[month].stocks.looked_after())
            .collect();
        looked_after.sort_by(f64::total_cmp);
        let bands = result.looked_after.months[month].unwrap();
        for (band, percent) in bands.iter().zip(BAND_PERCENTILES) {
            let rank = (percent / 100.0 * (draws - 1) as f64).round() as usize;
            let exact = looked_after[rank];
            assert!(
                (band - exact).abs() <= exact * RELATIVE_ACCURACY,
                "month {month}, P{percent}: {band} vs {exact}"
            );
        }
        let over_cap = projections
            .iter()
            .filter(|projection| projection.rows[month].workload.is_over_cap())
            .count();
        assert_eq!(
            result.over_cap_probability[month],
            over_cap as f64 / draws as f64
        );
    }
}

#[test]
fn the_goal_seek_answer_meets_the_target_and_one_unit_less_does_not() {
    let scenario = wakefield_with_ranges();
    let target = Target::AverageCaseloadAtMost {
        cases: 20.0,
        from: common::month(2019, 3),
    };
    let lever = Lever::ExtraStaff {
        group: "experienced".to_owned(),
        from: common::month(2018, 4),
    };
    for confidence in [
        Confidence::MostLikely,
        Confidence::Draws {
            share: 0.9,
            draws: 200,
            seed: 5,
        },
    ] {
        let solution = solve(&scenario, &target, &lever, confidence, 500).unwrap();
        assert!(solution.units > 0);
        assert!(meets(&lever.apply(&scenario, solution.units), &target, confidence).unwrap());
        assert!(
            !meets(
                &lever.apply(&scenario, solution.units - 1),
                &target,
                confidence
            )
            .unwrap()
        );
        assert!(solution.extra_spend > 0.0);
    }
    // Being 90% sure takes at least as many staff as the most likely case.
    let likely = solve(&scenario, &target, &lever, Confidence::MostLikely, 500).unwrap();
    let sure = solve(
        &scenario,
        &target,
        &lever,
        Confidence::Draws {
            share: 0.9,
            draws: 200,
            seed: 5,
        },
        500,
    )
    .unwrap();
    assert!(
        sure.units >= likely.units,
        "{} < {}",
        sure.units,
        likely.units
    );
}

/// The case: "What does it take?" said 20 extra FTE got Wakefield to a
/// caseload of 20 by March 2019, yet after Apply the headline still counted 13
/// months over cap. Now the target is the headline's own measure.
#[test]
fn the_goal_seek_answer_once_applied_meets_the_target_by_the_headlines_measure() {
    let scenario = load_scenario(&common::save("wakefield-2018.ron")).unwrap();
    let from = common::month(2019, 3);
    let target = Target::WithinCapFrom { from };
    let lever = Lever::ExtraStaff {
        group: "experienced".to_owned(),
        from: common::month(2018, 4),
    };
    let before = project(&scenario);
    assert!(before.months_over_cap() > 0);
    let solution = solve(&scenario, &target, &lever, Confidence::MostLikely, 2_000).unwrap();
    let applied = project(&lever.apply(&scenario, solution.units));
    // The headline's figures: no month over cap from March 2019 on.
    match applied.cap_standing() {
        CapStanding::NeverOver => {}
        CapStanding::WithinFrom(month) => assert!(month <= from, "{month:?}"),
        CapStanding::OverAtTheEnd => panic!("still over cap at the end"),
    }
    let over_after_target = applied
        .rows
        .iter()
        .filter(|row| row.month >= from && row.workload.is_over_cap())
        .count();
    assert_eq!(over_after_target, 0);
    // And it is the smallest such answer: one FTE less leaves a month over cap.
    let less = project(&lever.apply(&scenario, solution.units - 1));
    assert!(
        less.rows
            .iter()
            .any(|row| row.month >= from && row.workload.is_over_cap())
    );
    // The year table counts the same months as the headline.
    let by_year: usize = applied.years.iter().map(|year| year.months_over_cap).sum();
    assert_eq!(by_year, applied.months_over_cap());
}

/// A caseload target holds in every month from its month to the end, not in that
/// month only.
#[test]
fn a_caseload_target_holds_to_the_end_of_the_projection() {
    let scenario = load_scenario(&common::save("wakefield-2018.ron")).unwrap();
    let from = common::month(2019, 3);
    let projection = project(&scenario);
    let highest_after = projection
        .rows
        .iter()
        .filter(|row| row.month >= from)
        .filter_map(|row| row.workload.average_caseload)
        .fold(0.0, f64::max);
    let in_march = projection
        .rows
        .iter()
        .find(|row| row.month == from)
        .and_then(|row| row.workload.average_caseload)
        .unwrap();
    assert!(highest_after >= in_march);
    let target = |cases| Target::AverageCaseloadAtMost { cases, from };
    assert_eq!(target(highest_after).met_by(&projection), Some(true));
    assert_eq!(
        target(highest_after - 0.01).met_by(&projection),
        Some(false)
    );
    let outside = Target::WithinCapFrom {
        from: common::month(2030, 1),
    };
    assert_eq!(outside.met_by(&projection), None);
}

#[test]
fn other_levers_and_targets_are_exact_too() {
    let scenario = load_scenario(&common::save("liverpool-2019-do-nothing.ron")).unwrap();
    let cases = [
        (
            Target::AverageCaseloadAtMost {
                cases: 20.0,
                from: common::month(2019, 9),
            },
            // Caseload targets hold to the end, so the team works to the end.
            Lever::ContractedTeam {
                from: common::month(2019, 4),
                months: 36,
                cost_per_case_month_gbp: 550.0,
            },
        ),
        (
            Target::ChildrenInCareBelow {
                children: 1_300.0,
                by: common::month(2022, 3),
            },
            Lever::EarlyHelp {
                from: common::month(2019, 4),
                referral_cut_percent_per_million: 2.0,
                care_entry_cut_percent_per_million: 5.0,
                lag_months: 6,
            },
        ),
    ];
    for (target, lever) in cases {
        let solution = solve(
            &scenario,
            &target,
            &lever,
            Confidence::MostLikely,
            lever.default_max_units(),
        )
        .unwrap();
        assert!(
            meets(
                &lever.apply(&scenario, solution.units),
                &target,
                Confidence::MostLikely
            )
            .unwrap()
        );
        assert!(solution.units > 0);
        assert!(
            !meets(
                &lever.apply(&scenario, solution.units - 1),
                &target,
                Confidence::MostLikely
            )
            .unwrap()
        );
    }
    // Out of reach, and outside the projection.
    let impossible = Target::ChildrenInCareBelow {
        children: 10.0,
        by: common::month(2019, 3),
    };
    let lever = Lever::ExtraStaff {
        group: "experienced".to_owned(),
        from: common::month(2019, 1),
    };
    assert_eq!(
        solve(&scenario, &impossible, &lever, Confidence::MostLikely, 50),
        Err(SolveError::NotReachable { max: 50 })
    );
    let later = Target::ChildrenInCareBelow {
        children: 10.0,
        by: common::month(2030, 3),
    };
    assert_eq!(
        solve(&scenario, &later, &lever, Confidence::MostLikely, 50),
        Err(SolveError::OutsideProjection)
    );
}

#[test]
fn sensitivity_ranks_inputs_by_swing_and_uses_ranges() {
    let scenario = wakefield_with_ranges();
    let swings = sensitivity(&scenario, Output::TotalSpend);
    assert!(swings.len() > 10);
    assert!(
        swings
            .windows(2)
            .all(|pair| pair[0].size() >= pair[1].size())
    );
    let growth = swings
        .iter()
        .find(|swing| swing.field == "demand.referral_growth_percent_per_year")
        .unwrap();
    assert_eq!((growth.low_input, growth.high_input), (0.0, 12.0));
    let salary = swings
        .iter()
        .find(|swing| swing.field == "staff[1].annual_salary_gbp")
        .unwrap();
    assert_eq!(salary.low_input, 35_000.0 * 0.9);
    assert!(salary.at_high > salary.at_low);
}

#[test]
fn ranges_are_saved_and_checked() {
    let scenario = wakefield_with_ranges();
    let text = scenario_to_ron(&scenario).unwrap();
    assert!(text.contains("uncertainty"));
    assert_eq!(parse_scenario(&text).unwrap(), scenario);
    let bad = text.replace("low: 10.0", "low: 20.0").replace(
        "demand.referral_growth_percent_per_year",
        "demand.referral_grwth",
    );
    let problems = parse_scenario(&bad).unwrap_err();
    let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("\"demand.referral_grwth\" is not a numeric input")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("must contain the input's value")),
        "{messages:?}"
    );
}
