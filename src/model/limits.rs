//! What each numeric input accepts, by its path: uncertainty ranges must stay
//! within it and sensitivity never moves an input past it. The limits are the
//! ones validation checks; a test holds the two together.

use std::ops::RangeInclusive;

use super::Scenario;
use super::validate::{MAX_CHILDREN, MAX_FTE, MAX_GBP, MAX_MONTHS};

/// The values a numeric input accepts (as [`super::validate`] checks them), by
/// its path as [`super::fields`] reads it; `None` if the path names no input.
pub fn input_limits(scenario: &Scenario, path: &str) -> Option<RangeInclusive<f64>> {
    let canonical = super::fields::canonical(scenario, path)?;
    // List positions do not change limits: `staff[1].fte` has those of `staff.fte`.
    let mut generic = String::with_capacity(canonical.len());
    let mut in_brackets = false;
    for c in canonical.chars() {
        match c {
            '[' => in_brackets = true,
            ']' => in_brackets = false,
            _ if !in_brackets => generic.push(c),
            _ => {}
        }
    }
    let parts: Vec<&str> = generic.split('.').collect();
    const PERCENT: (f64, f64) = (0.0, 100.0);
    const GROWTH_PERCENT: (f64, f64) = (-50.0, 100.0);
    const CHILDREN: (f64, f64) = (0.0, MAX_CHILDREN);
    const FTE: (f64, f64) = (0.0, MAX_FTE);
    const GBP: (f64, f64) = (0.0, MAX_GBP);
    const MONTHS: (f64, f64) = (1.0, MAX_MONTHS);
    const CAP: (f64, f64) = (0.0, 1_000.0);
    let (min, max) = match parts.as_slice() {
        ["demand", "referrals_per_month"] => CHILDREN,
        ["demand", "referral_growth_percent_per_year"] => GROWTH_PERCENT,
        ["demand", "seasonality"] => (0.0, 12.0),
        ["demand", "referral_outcomes", _] => PERCENT,
        [
            "demand",
            "children_in_need" | "child_protection" | "looked_after" | "care_leavers",
        ] => CHILDREN,
        [
            "demand",
            "child_in_need_months"
            | "child_protection_months"
            | "looked_after_months"
            | "care_leaver_months",
        ] => MONTHS,
        [
            "demand",
            "child_in_need_to_protection_percent_per_month"
            | "protection_to_care_percent_per_month"
            | "protection_step_down_percent"
            | "care_leaver_percent",
        ] => PERCENT,
        ["demand", "case_weights", _] => (0.0, 10.0),
        ["placements", "in_house_foster_places"] => CHILDREN,
        ["placements", _, "current_percent" | "new_entry_percent"] => PERCENT,
        ["placements", _, "weekly_cost_gbp"] => (0.0, 1_000_000.0),
        ["placements", _, "cost_growth_percent_per_year"] => GROWTH_PERCENT,
        ["staff", "fte" | "establishment"] => FTE,
        ["staff", "caseload_cap"] => CAP,
        ["staff", "case_time_percent" | "turnover_percent_per_year"] => PERCENT,
        ["staff", "annual_salary_gbp"] => (0.0, 10_000_000.0),
        ["staff", "on_cost_percent"] => (0.0, 200.0),
        ["staff", "progression_months"] => MONTHS,
        ["staff", "span_of_control"] => (1.0, 1_000.0),
        [
            "workforce",
            "recruitment_percent_per_month" | "agency_cover_percent",
        ] => PERCENT,
        ["workforce", "time_to_hire_months" | "agency_adjust_months"] => MONTHS,
        ["workforce", "max_recruitment_starts_per_month"] => FTE,
        ["workforce", "agency_premium_percent"] => (0.0, 500.0),
        ["workforce", "cost_per_hire_gbp"] => (0.0, 1_000_000.0),
        ["workforce", "caseload_spread_percent"] => (0.0, 200.0),
        ["workforce", "burnout", "strength"] => (0.0, 100.0),
        ["workforce", "burnout", "max_multiplier"] => (1.0, 100.0),
        ["money", "budgets", "budget_gbp"] | ["money", "grants", "amount_gbp"] => GBP,
        [
            "money",
            "reserves_gbp" | "early_help_per_year_gbp" | "other_costs_per_month_gbp",
        ] => GBP,
        ["interventions", "action", field] => match *field {
            "extra_fte" | "fte" => FTE,
            "cap" => CAP,
            "amount_gbp" | "annual_cost_gbp" | "total_cost_gbp" => GBP,
            "referral_reduction_percent" | "care_entry_reduction_percent" => PERCENT,
            "cases" | "places" => CHILDREN,
            _ => return None,
        },
        _ => return None,
    };
    Some(min..=max)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::default_scenario;
    use crate::model::validate::{Problem, validate};
    use crate::model::{Action, Intervention, fields};

    fn problem_at<'a>(problems: &'a [Problem], path: &str) -> Option<&'a Problem> {
        problems.iter().find(|problem| problem.path == path)
    }

    /// The built-in scenario with one intervention of every kind, so that every
    /// kind of numeric input appears.
    fn scenario_with_every_input() -> Scenario {
        let mut scenario = default_scenario();
        let start = scenario.start;
        let actions = [
            Action::SetCaseloadCap {
                group: "experienced".to_owned(),
                cap: 18.0,
            },
            Action::Funding { amount_gbp: 1.0e6 },
            Action::EarlyHelp {
                annual_cost_gbp: 1.0e6,
                referral_reduction_percent: 2.0,
                care_entry_reduction_percent: 5.0,
                lag_months: 12,
                months: None,
            },
            Action::ConvertAgency {
                group: "experienced".to_owned(),
                fte: 5.0,
                over_months: 6,
            },
            Action::ExtraSpending {
                annual_cost_gbp: 1.0e5,
                months: Some(12),
            },
            Action::AddFosterPlaces {
                places: 10.0,
                over_months: 12,
            },
        ];
        for (index, action) in actions.into_iter().enumerate() {
            scenario.interventions.push(Intervention {
                label: format!("Test intervention {index}"),
                enabled: true,
                start,
                action,
            });
        }
        scenario
    }

    #[test]
    fn input_limits_are_exactly_the_ones_validation_checks() {
        let scenario = scenario_with_every_input();
        assert_eq!(validate(&scenario), Vec::new());
        let paths = fields::numeric_fields(&scenario);
        for kind in ["cap", "amount_gbp", "referral_reduction_percent", "places"] {
            assert!(paths.iter().any(|path| path.ends_with(kind)), "{kind}");
        }
        for path in &paths {
            let limits =
                input_limits(&scenario, path).unwrap_or_else(|| panic!("no limits for {path}"));
            let (min, max) = (*limits.start(), *limits.end());
            let step = |edge: f64| (edge.abs() * 1e-9).max(1e-6);
            for (value, accepted) in [
                (min, true),
                (max, true),
                (min - step(min), false),
                (max + step(max), false),
            ] {
                let mut changed = scenario.clone();
                *fields::number_mut(&mut changed, path).unwrap() = value;
                let problems = validate(&changed);
                assert_eq!(
                    problem_at(&problems, path).is_none(),
                    accepted,
                    "{path} = {value}: {problems:?}"
                );
            }
        }
        assert_eq!(input_limits(&scenario, "staff[\"nobody\"].fte"), None);
        assert_eq!(input_limits(&scenario, "name"), None);
    }
}
