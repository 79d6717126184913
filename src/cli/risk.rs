//! The command line's uncertainty, goal seek and sensitivity commands.

use std::io::Write;

use crate::model::{FinancialYear, Month, Scenario};
use crate::sim::monte_carlo::MonteCarlo;
use crate::sim::sensitivity::{Output, sensitivity};
use crate::sim::solve::{Confidence, Lever, Target, solve};
use crate::units;

use super::table::Table;

/// Parses a target: `within-cap@2019-03` (no month over cap from March 2019 to the
/// end), `caseload<=20@2019-03` (average caseload at or under 20 from March 2019 to
/// the end), `overspend<=0@2019-20` or `in-care<600@2021-03`.
pub fn parse_target(text: &str) -> Result<Target, String> {
    let expected = || {
        format!(
            "expected a target like within-cap@2019-03, caseload<=20@2019-03, overspend<=0@2019-20 or in-care<600@2021-03, found \"{text}\""
        )
    };
    let (condition, when) = text.split_once('@').ok_or_else(expected)?;
    let number = |value: &str| {
        let number = value
            .trim()
            .replace([',', '£'], "")
            .parse::<f64>()
            .map_err(|_| expected())?;
        if number.is_finite() {
            Ok(number)
        } else {
            Err(format!(
                "the target must be a finite number, found {}: {}",
                value.trim(),
                expected()
            ))
        }
    };
    if condition.trim() == "within-cap" {
        Ok(Target::WithinCapFrom {
            from: Month::parse(when)?,
        })
    } else if let Some(value) = condition.strip_prefix("caseload<=") {
        Ok(Target::AverageCaseloadAtMost {
            cases: number(value)?,
            from: Month::parse(when)?,
        })
    } else if let Some(value) = condition.strip_prefix("overspend<=") {
        Ok(Target::OverspendAtMost {
            gbp: number(value)?,
            year: FinancialYear::parse(when)?,
        })
    } else if let Some(value) = condition.strip_prefix("in-care<") {
        Ok(Target::ChildrenInCareBelow {
            children: number(value)?,
            by: Month::parse(when)?,
        })
    } else {
        Err(expected())
    }
}

/// Settings of the levers that have more than a start month.
pub struct LeverSettings {
    /// Early help: % cut in referrals and in entries to care per £1m a year.
    pub effect_per_million: (f64, f64),
    pub lag_months: u32,
    /// Contracted team: months it works, and £ per case per month.
    pub team_months: u32,
    pub cost_per_case_month_gbp: f64,
}

/// Parses a lever: `staff:GROUP@2018-04`, `early-help@2019-04`,
/// `contracted-team@2019-04` or `cap:GROUP@2019-04`.
pub fn parse_lever(text: &str, settings: &LeverSettings) -> Result<Lever, String> {
    let expected = || {
        format!(
            "expected a lever like staff:experienced@2018-04, early-help@2019-04, contracted-team@2019-04 or cap:experienced@2019-04, found \"{text}\""
        )
    };
    let (what, when) = text.split_once('@').ok_or_else(expected)?;
    let from = Month::parse(when)?;
    if let Some(group) = what.strip_prefix("staff:") {
        Ok(Lever::ExtraStaff {
            group: group.to_owned(),
            from,
        })
    } else if let Some(group) = what.strip_prefix("cap:") {
        Ok(Lever::CaseloadCap {
            group: group.to_owned(),
            from,
        })
    } else if what == "early-help" {
        Ok(Lever::EarlyHelp {
            from,
            referral_cut_percent_per_million: settings.effect_per_million.0,
            care_entry_cut_percent_per_million: settings.effect_per_million.1,
            lag_months: settings.lag_months,
        })
    } else if what == "contracted-team" {
        Ok(Lever::ContractedTeam {
            from,
            months: settings.team_months,
            cost_per_case_month_gbp: settings.cost_per_case_month_gbp,
        })
    } else {
        Err(expected())
    }
}

/// How sure the goal seek must be: `--confidence` (a share of draws) needs a
/// share strictly between 0 and 1 and enough `--runs` to judge it.
pub fn confidence(share: Option<f64>, draws: usize, seed: u64) -> Result<Confidence, String> {
    let Some(share) = share else {
        return Ok(Confidence::MostLikely);
    };
    if !(share > 0.0 && share < 1.0) {
        return Err(format!(
            "--confidence must be a share between 0 and 1, such as 0.9, found {share}"
        ));
    }
    let Some(fewest) = Confidence::fewest_draws(share) else {
        return Err(format!(
            "--confidence {share} is too close to 1 for any number of draws to show it"
        ));
    };
    if fewest > super::arguments::MAX_DRAWS {
        return Err(format!(
            "--confidence {share} needs {} draws, more than the {} a run may make",
            units::thousands(fewest as f64, 0),
            units::thousands(super::arguments::MAX_DRAWS as f64, 0)
        ));
    }
    if draws < fewest {
        return Err(format!(
            "--confidence {share} needs at least {} draws (--runs), so that enough draws may miss the target to measure the share; --runs is {}",
            units::thousands(fewest as f64, 0),
            units::thousands(draws as f64, 0)
        ));
    }
    Ok(Confidence::Draws { share, draws, seed })
}

/// The lever's staff group must exist and be permanent.
fn check_lever(scenario: &Scenario, lever: &Lever) -> Result<(), String> {
    if let Lever::ExtraStaff { group, .. } | Lever::CaseloadCap { group, .. } = lever {
        match scenario.group_index(group) {
            Some(index) if !scenario.staff[index].agency => {}
            _ => {
                let ids: Vec<&str> = scenario
                    .staff
                    .iter()
                    .filter(|group| !group.agency)
                    .map(|group| group.id.as_str())
                    .collect();
                return Err(format!(
                    "there is no permanent staff group \"{group}\"; the groups are: {}",
                    ids.join(", ")
                ));
            }
        }
    }
    Ok(())
}

pub fn solve_command(
    scenario: &Scenario,
    target: &Target,
    lever: &Lever,
    confidence: Confidence,
    max_units: Option<u64>,
    out: &mut impl Write,
) -> Result<(), String> {
    check_lever(scenario, lever)?;
    let most = lever.most_units_a_file_holds();
    let max = match max_units {
        Some(max) if max > most => {
            return Err(format!(
                "--max must be at most {} for this lever (the most a scenario file can hold), found {}",
                units::thousands(most as f64, 0),
                units::thousands(max as f64, 0)
            ));
        }
        Some(max) => max,
        None => lever.default_max_units().min(most),
    };
    // The answer is written as an intervention: one the file's checks refuse (a
    // lag or a team's months past the limits) is refused before any search.
    let largest = lever.apply(scenario, max);
    if let Some(problem) = crate::model::validate(&largest).into_iter().next() {
        return Err(format!(
            "the goal seek's intervention would not be valid: {}: {}",
            problem.name(&largest).map_or_else(
                || problem.path.clone(),
                |name| format!("{name} [{}]", problem.path)
            ),
            problem.message
        ));
    }
    let how_sure = match confidence {
        Confidence::MostLikely => "with every input at its most likely value".to_owned(),
        Confidence::Draws { share, draws, seed } => format!(
            "in at least {} of {draws} draws (seed {seed})",
            units::percent(share, 0)
        ),
    };
    let solution =
        solve(scenario, target, lever, confidence, max).map_err(|error| error.to_string())?;
    writeln!(
        out,
        "Target: {} {how_sure}.\nAnswer: {}.\nExtra spend over the projection: {}.\nAs an intervention: {}",
        target.describe(),
        solution.description,
        units::gbp_signed(solution.extra_spend),
        solution.intervention.label
    )
    .map_err(|error| error.to_string())
}

pub fn sensitivity_command(
    scenario: &Scenario,
    output: Output,
    top: usize,
    out: &mut impl Write,
) -> Result<(), String> {
    let measure = output.measure();
    let swings = sensitivity(scenario, output);
    let mut table = Table::new(&[
        "Input",
        "Low",
        "High",
        "Figure at low",
        "Figure at high",
        "Swing",
    ]);
    for swing in swings.iter().take(top) {
        table.row(vec![
            format!("{} [{}]", swing.name, swing.field),
            units::thousands(swing.low_input, 2),
            units::thousands(swing.high_input, 2),
            measure.format(Some(swing.at_low)),
            measure.format(Some(swing.at_high)),
            measure.format(Some(swing.size())),
        ]);
    }
    write!(
        out,
        "{}: {}, across each input's range (10% either way where it has none), largest swing first.\n\n{}",
        output.label(),
        measure.format(Some(output.of(&crate::sim::project(scenario)))),
        table.render()
    )
    .map_err(|error| error.to_string())
}

/// The uncertainty part of `run --runs N`.
pub fn monte_carlo_summary(scenario: &Scenario, run: &MonteCarlo) -> String {
    let mut text = format!(
        "\nUncertainty: {} draws (seed {}) over {} input range{}.\n",
        run.draws,
        run.seed,
        scenario.uncertainty.len(),
        if scenario.uncertainty.len() == 1 {
            ""
        } else {
            "s"
        }
    );
    text.push_str(&format!(
        "Total spend: P10 {}, P50 {}, P90 {}.\n",
        units::gbp(run.total_spend.p10),
        units::gbp(run.total_spend.p50),
        units::gbp(run.total_spend.p90)
    ));
    let mut table = Table::new(&[
        "Year",
        "Chance of an overspend",
        "Chance over cap in the last month",
    ]);
    for (year, probability) in &run.overspend_probability {
        let last = run
            .months
            .iter()
            .rposition(|month| month.financial_year() == *year)
            .map_or(0.0, |index| run.over_cap_probability[index]);
        table.row(vec![
            year.label(),
            units::percent(*probability, 0),
            units::percent(last, 0),
        ]);
    }
    text.push('\n');
    text.push_str(&table.render());
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_and_levers_parse() {
        assert_eq!(
            parse_target("caseload<=20@2019-03"),
            Ok(Target::AverageCaseloadAtMost {
                cases: 20.0,
                from: Month::new(2019, 3).unwrap()
            })
        );
        assert_eq!(
            parse_target("within-cap@2019-03"),
            Ok(Target::WithinCapFrom {
                from: Month::new(2019, 3).unwrap()
            })
        );
        assert!(parse_target("within-cap@March").is_err());
        assert!(
            matches!(parse_target("overspend<=£1,000@2019-20"), Ok(Target::OverspendAtMost { gbp, .. }) if gbp == 1000.0)
        );
        assert!(parse_target("in-care<600@2021-03").is_ok());
        assert!(parse_target("caseload<20@2019-03").is_err());
        assert!(parse_target("caseload<=x@2019-03").is_err());
        let settings = LeverSettings {
            effect_per_million: (2.0, 5.0),
            lag_months: 12,
            team_months: 6,
            cost_per_case_month_gbp: 550.0,
        };
        assert!(matches!(
            parse_lever("staff:experienced@2018-04", &settings),
            Ok(Lever::ExtraStaff { .. })
        ));
        assert!(matches!(
            parse_lever("early-help@2019-04", &settings),
            Ok(Lever::EarlyHelp { lag_months: 12, .. })
        ));
        assert!(matches!(
            parse_lever("contracted-team@2019-04", &settings),
            Ok(Lever::ContractedTeam { months: 6, .. })
        ));
        assert!(matches!(
            parse_lever("cap:asye@2019-04", &settings),
            Ok(Lever::CaseloadCap { .. })
        ));
        assert!(parse_lever("money@2019-04", &settings).is_err());
    }
}
