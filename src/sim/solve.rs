//! "What does it take?": the smallest value of a lever that meets a target,
//! exact to the lever's unit (1 FTE, £1,000 a year, 1 case).

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use crate::model::{Action, FinancialYear, Intervention, Month, Scenario};

use super::engine::project;
use super::monte_carlo::draw_scenario;
use super::projection::{MonthRow, Projection};

/// What must hold. Targets on caseloads hold in every month from a month to the
/// end of the projection, not in one month only, so that an answer that dips
/// under the target once and rises again does not count as meeting it.
#[derive(Clone, Debug, PartialEq)]
pub enum Target {
    /// No month over cap ([`crate::sim::Workload::is_over_cap`], the headline's
    /// measure) from month `from` to the end of the projection.
    WithinCapFrom { from: Month },
    /// Average caseload per case-holding FTE at or under `cases` in every month
    /// from `from` to the end of the projection.
    AverageCaseloadAtMost { cases: f64, from: Month },
    /// Overspend in financial year `year` at or under `gbp` (0: within budget).
    OverspendAtMost { gbp: f64, year: FinancialYear },
    /// Children in care under `children` at the end of month `by`.
    ChildrenInCareBelow { children: f64, by: Month },
}

impl Target {
    /// Whether one projection meets the target; `None` if the month or year is
    /// outside the projection.
    pub fn met_by(&self, projection: &Projection) -> Option<bool> {
        match self {
            Target::WithinCapFrom { from } => {
                let months = months_from(projection, *from)?;
                Some(!months.iter().any(|row| row.workload.is_over_cap()))
            }
            Target::AverageCaseloadAtMost { cases, from } => {
                let months = months_from(projection, *from)?;
                Some(months.iter().all(|row| {
                    row.workload
                        .average_caseload
                        .is_some_and(|caseload| caseload <= *cases + 1e-9)
                }))
            }
            Target::OverspendAtMost { gbp, year } => {
                let summary = projection
                    .years
                    .iter()
                    .find(|summary| summary.year == *year)?;
                Some(summary.variance <= *gbp + 1e-6)
            }
            Target::ChildrenInCareBelow { children, by } => {
                let row = projection.rows.iter().find(|row| row.month == *by)?;
                Some(row.looked_after_at_end < *children)
            }
        }
    }

    pub fn describe(&self) -> String {
        match self {
            Target::WithinCapFrom { from } => {
                format!("no month over cap from {} to the end", from.label())
            }
            Target::AverageCaseloadAtMost { cases, from } => {
                format!(
                    "average caseload at or under {} from {} to the end",
                    crate::units::thousands(*cases, 1),
                    from.label()
                )
            }
            Target::OverspendAtMost { gbp, year } => {
                format!(
                    "overspend in {} at or under {}",
                    year.label(),
                    crate::units::gbp(*gbp)
                )
            }
            Target::ChildrenInCareBelow { children, by } => format!(
                "children in care under {} at the end of {}",
                crate::units::children(*children),
                by.label()
            ),
        }
    }
}

/// The months of a projection from `from` to its end; `None` if `from` is not one
/// of them.
fn months_from(projection: &Projection, from: Month) -> Option<&[MonthRow]> {
    let first = projection.rows.iter().position(|row| row.month == from)?;
    projection.rows.get(first..)
}

/// How sure the answer must be.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Confidence {
    /// The single projection (every input at its most likely value) meets it.
    MostLikely,
    /// At least `share` (0 to 1) of `draws` Monte Carlo draws meet it.
    Draws { share: f64, draws: usize, seed: u64 },
}

impl Confidence {
    /// Fewest draws with which a share can be judged: at least 100, and enough
    /// that ten draws may miss the target (a 99% target needs 1,000); `None` for
    /// a share no number of draws can judge (outside 0 to 1, or 1 itself, which
    /// asks that no draw ever misses).
    pub fn fewest_draws(share: f64) -> Option<usize> {
        if !(share > 0.0 && share < 1.0) {
            return None;
        }
        let for_ten_misses = (10.0 / (1.0 - share) - 1e-9).ceil();
        // A share within a millionth of 1 would need more draws than a run makes.
        (for_ten_misses <= 1.0e9).then(|| (for_ten_misses as usize).max(100))
    }
}

/// What may be changed.
#[derive(Clone, Debug, PartialEq)]
pub enum Lever {
    /// Extra funded posts of a staff group from a month (unit: 1 FTE).
    ExtraStaff { group: String, from: Month },
    /// Early help from a month (unit: £1,000 a year); each £1m a year cuts
    /// referrals and entries to care by the given percentages after `lag_months`.
    EarlyHelp {
        from: Month,
        referral_cut_percent_per_million: f64,
        care_entry_cut_percent_per_million: f64,
        lag_months: u32,
    },
    /// A contracted team holding cases from a month for `months` months (unit: 1
    /// case), at a cost per case per month.
    ContractedTeam {
        from: Month,
        months: u32,
        cost_per_case_month_gbp: f64,
    },
    /// A staff group's caseload cap from a month (unit: 1 case per FTE).
    CaseloadCap { group: String, from: Month },
}

impl Lever {
    /// The lever's value for a number of units, for people, naming staff groups
    /// as the scenario does ("11 extra FTE of Newly qualified social workers (ASYE)").
    pub fn describe(&self, scenario: &Scenario, units: u64) -> String {
        let group_name = |id: &str| {
            scenario
                .group_index(id)
                .map_or_else(|| id.to_owned(), |index| scenario.staff[index].name.clone())
        };
        match self {
            Lever::ExtraStaff { group, from } => {
                format!(
                    "{units} extra FTE of {} from {}",
                    group_name(group),
                    from.label()
                )
            }
            Lever::EarlyHelp { from, .. } => format!(
                "early help of {} a year from {}",
                crate::units::gbp(units as f64 * 1_000.0),
                from.label()
            ),
            Lever::ContractedTeam { from, months, .. } => {
                format!(
                    "a contracted team holding {units} cases for {months} months from {}",
                    from.label()
                )
            }
            Lever::CaseloadCap { group, from } => format!(
                "a caseload cap of {units} for {} from {}",
                group_name(group),
                from.label()
            ),
        }
    }

    /// Most units searched by default.
    pub fn default_max_units(&self) -> u64 {
        match self {
            Lever::ExtraStaff { .. } => 2_000,
            Lever::EarlyHelp { .. } => 100_000,
            Lever::ContractedTeam { .. } => 10_000,
            Lever::CaseloadCap { .. } => 200,
        }
    }

    /// Most units a scenario file can hold: beyond them the intervention the goal
    /// seek adds would fail the file's own checks.
    pub fn most_units_a_file_holds(&self) -> u64 {
        use crate::model::validate::{MAX_CHILDREN, MAX_FTE, MAX_GBP};
        match self {
            Lever::ExtraStaff { .. } => MAX_FTE as u64,
            Lever::EarlyHelp { .. } => (MAX_GBP / 1_000.0) as u64,
            Lever::ContractedTeam {
                months,
                cost_per_case_month_gbp,
                ..
            } => {
                let cost_per_case = f64::from(*months) * cost_per_case_month_gbp;
                if cost_per_case > 0.0 {
                    (MAX_GBP / cost_per_case).floor().min(MAX_CHILDREN) as u64
                } else {
                    MAX_CHILDREN as u64
                }
            }
            Lever::CaseloadCap { .. } => 1_000,
        }
    }

    /// The intervention that applies `units` of the lever to `scenario`.
    pub fn intervention(&self, scenario: &Scenario, units: u64) -> Intervention {
        let amount = units as f64;
        let (start, action) = match self {
            Lever::ExtraStaff { group, from } => (
                *from,
                Action::Recruit {
                    group: group.clone(),
                    extra_fte: amount,
                    over_months: 1,
                },
            ),
            Lever::EarlyHelp {
                from,
                referral_cut_percent_per_million,
                care_entry_cut_percent_per_million,
                lag_months,
            } => {
                let millions = amount * 1_000.0 / 1e6;
                (
                    *from,
                    Action::EarlyHelp {
                        annual_cost_gbp: amount * 1_000.0,
                        referral_reduction_percent: (referral_cut_percent_per_million * millions)
                            .min(100.0),
                        care_entry_reduction_percent: (care_entry_cut_percent_per_million
                            * millions)
                            .min(100.0),
                        lag_months: *lag_months,
                        months: None,
                    },
                )
            }
            Lever::ContractedTeam {
                from,
                months,
                cost_per_case_month_gbp,
            } => (
                *from,
                Action::ContractedTeam {
                    cases: amount,
                    months: *months,
                    total_cost_gbp: amount * f64::from(*months) * cost_per_case_month_gbp,
                },
            ),
            Lever::CaseloadCap { group, from } => (
                *from,
                Action::SetCaseloadCap {
                    group: group.clone(),
                    cap: amount,
                },
            ),
        };
        Intervention {
            label: format!("Goal seek: {}", self.describe(scenario, units)),
            enabled: true,
            start,
            action,
        }
    }

    /// The scenario with `units` of the lever added.
    pub fn apply(&self, scenario: &Scenario, units: u64) -> Scenario {
        let mut changed = scenario.clone();
        changed
            .interventions
            .push(self.intervention(scenario, units));
        changed
    }
}

/// The goal seek's answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Solution {
    pub units: u64,
    /// The answer for people: "11 extra FTE of Newly qualified social workers
    /// (ASYE) from Apr 2019".
    pub description: String,
    pub intervention: Intervention,
    /// Extra spend over the whole projection compared with the scenario as it was (£).
    pub extra_spend: f64,
}

#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum SolveError {
    #[error("the target's month or financial year is outside the projection")]
    OutsideProjection,
    #[error("the target cannot be met with up to {max} units of this lever")]
    NotReachable { max: u64 },
    #[error("the search was cancelled")]
    Cancelled,
}

/// Whether `scenario` meets the target at the given confidence.
pub fn meets(
    scenario: &Scenario,
    target: &Target,
    confidence: Confidence,
) -> Result<bool, SolveError> {
    match confidence {
        Confidence::MostLikely => target
            .met_by(&project(scenario))
            .ok_or(SolveError::OutsideProjection),
        Confidence::Draws { share, draws, seed } => {
            let draws = draws.max(1);
            let mut met = 0usize;
            for draw in 0..draws {
                if target
                    .met_by(&project(&draw_scenario(scenario, seed, draw)))
                    .ok_or(SolveError::OutsideProjection)?
                {
                    met += 1;
                }
            }
            Ok(met as f64 / draws as f64 >= share - 1e-12)
        }
    }
}

/// The smallest number of units of `lever`, up to `max_units`, with which the
/// scenario meets the target. Assumes more of the lever never hurts the target
/// (true of every lever here for the targets it is meant for); the search is a
/// bisection on whole units.
pub fn solve(
    scenario: &Scenario,
    target: &Target,
    lever: &Lever,
    confidence: Confidence,
    max_units: u64,
) -> Result<Solution, SolveError> {
    let never = AtomicBool::new(false);
    solve_with_progress(
        scenario,
        target,
        lever,
        confidence,
        max_units,
        &AtomicUsize::new(0),
        &never,
    )
}

/// Steps a search over `max_units` takes at most: both ends, then bisection.
pub fn search_steps(max_units: u64) -> usize {
    2 + (u64::BITS - max_units.max(1).leading_zeros()) as usize
}

/// [`solve`], counting tried values in `done` and stopping when `cancel` is set.
pub fn solve_with_progress(
    scenario: &Scenario,
    target: &Target,
    lever: &Lever,
    confidence: Confidence,
    max_units: u64,
    done: &AtomicUsize,
    cancel: &AtomicBool,
) -> Result<Solution, SolveError> {
    let works = |units: u64| {
        if cancel.load(Ordering::Relaxed) {
            return Err(SolveError::Cancelled);
        }
        let met = meets(&lever.apply(scenario, units), target, confidence);
        done.fetch_add(1, Ordering::Relaxed);
        met
    };
    let units = if works(0)? {
        0
    } else {
        if !works(max_units)? {
            return Err(SolveError::NotReachable { max: max_units });
        }
        // Invariant: `low` does not meet the target, `high` does.
        let (mut low, mut high) = (0, max_units);
        while high - low > 1 {
            let middle = low + (high - low) / 2;
            if works(middle)? {
                high = middle;
            } else {
                low = middle;
            }
        }
        high
    };
    let before = project(scenario).total_spend();
    let after = project(&lever.apply(scenario, units)).total_spend();
    Ok(Solution {
        units,
        intervention: lever.intervention(scenario, units),
        description: lever.describe(scenario, units),
        extra_spend: after - before,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::default_scenario;
    use crate::model::validate;

    #[test]
    fn a_confidence_needs_a_hundred_draws_and_room_for_ten_misses() {
        assert_eq!(Confidence::fewest_draws(0.5), Some(100));
        assert_eq!(Confidence::fewest_draws(0.9), Some(100));
        assert_eq!(Confidence::fewest_draws(0.95), Some(200));
        assert_eq!(Confidence::fewest_draws(0.99), Some(1_000));
        for unjudgeable in [0.0, 1.0, -0.5, 1.5, f64::NAN, 1.0 - 1e-12] {
            assert_eq!(Confidence::fewest_draws(unjudgeable), None, "{unjudgeable}");
        }
    }

    #[test]
    fn the_most_units_a_file_holds_give_a_valid_file_and_one_more_does_not() {
        let scenario = default_scenario();
        let from = scenario.start;
        let levers = [
            Lever::ExtraStaff {
                group: "experienced".to_owned(),
                from,
            },
            Lever::EarlyHelp {
                from,
                referral_cut_percent_per_million: 2.0,
                care_entry_cut_percent_per_million: 5.0,
                lag_months: 12,
            },
            Lever::ContractedTeam {
                from,
                months: 6,
                cost_per_case_month_gbp: 556.0,
            },
            Lever::CaseloadCap {
                group: "experienced".to_owned(),
                from,
            },
        ];
        for lever in levers {
            let most = lever.most_units_a_file_holds();
            assert!(most >= lever.default_max_units(), "{lever:?}");
            assert_eq!(
                validate(&lever.apply(&scenario, most)),
                Vec::new(),
                "{lever:?}"
            );
            assert_ne!(
                validate(&lever.apply(&scenario, most + 1)),
                Vec::new(),
                "{lever:?}"
            );
        }
    }
}
