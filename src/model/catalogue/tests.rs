use super::*;
use crate::io::default_scenario;
use crate::model::validate::{Problem, validate};
use crate::model::{Intervention, fields};

fn problem_at<'a>(problems: &'a [Problem], path: &str) -> Option<&'a Problem> {
    problems.iter().find(|problem| problem.path == path)
}

/// The built-in scenario with one intervention of every kind, seasonality and
/// every optional number given, so that every input appears.
fn scenario_with_every_input() -> Scenario {
    let mut scenario = default_scenario();
    let start = scenario.start;
    let actions = [
        Action::SetCaseloadCap {
            group: "experienced".to_owned(),
            cap: 18.0,
        },
        Action::Funding { amount_gbp: 1.0e6 },
        Action::RecurringFunding {
            amount_gbp_per_year: 1.0e6,
            years: 2,
        },
        Action::EarlyHelp {
            annual_cost_gbp: 1.0e6,
            referral_reduction_percent: 2.0,
            care_entry_reduction_percent: 5.0,
            lag_months: 12,
            months: Some(24),
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
    scenario.demand.seasonality = vec![1.0; 12];
    scenario.placements.in_house_foster_places = Some(300.0);
    scenario.workforce.max_recruitment_starts_per_month = Some(10.0);
    scenario.money.grants.push(crate::model::Grant {
        name: "Top-up".to_owned(),
        month: start,
        amount_gbp: 1.0e6,
    });
    scenario.uncertainty.push(crate::model::Range {
        field: "demand.referral_growth_percent_per_year".to_owned(),
        low: 0.0,
        high: 10.0,
        shape: Shape::Triangular,
    });
    scenario
}

#[test]
fn every_entry_appears_in_a_scenario_with_every_input() {
    let scenario = scenario_with_every_input();
    let inputs = inputs_of(&scenario);
    for input in CATALOGUE {
        assert!(
            inputs.iter().any(|found| std::ptr::eq(found.input, input)),
            "{} {:?} never appears",
            input.field,
            input.action
        );
    }
}

#[test]
fn number_limits_are_exactly_the_ones_validation_checks() {
    let scenario = scenario_with_every_input();
    assert_eq!(validate(&scenario), Vec::new());
    let inputs = numeric_inputs(&scenario);
    assert!(inputs.len() > 80, "{}", inputs.len());
    for input in &inputs {
        let path = input.path();
        let (min, max) = input.input.kind.limits().unwrap();
        let step = |edge: f64| (edge.abs() * 1e-9).max(1e-6);
        for (value, accepted) in [
            (min, true),
            (max, true),
            (min - step(min), false),
            (max + step(max), false),
        ] {
            let mut changed = scenario.clone();
            *input.number_mut(&mut changed).unwrap() = value;
            let problems = validate(&changed);
            let problem = problem_at(&problems, &path);
            assert_eq!(
                problem.is_none(),
                accepted,
                "{path} = {value}: {problems:?}"
            );
        }
    }
}

#[test]
fn whole_months_of_interventions_are_held_to_their_limits() {
    let mut scenario = scenario_with_every_input();
    let early_help = scenario
        .interventions
        .iter()
        .position(|intervention| matches!(intervention.action, Action::EarlyHelp { .. }))
        .unwrap();
    if let Action::EarlyHelp { months, .. } = &mut scenario.interventions[early_help].action {
        *months = Some(0);
    }
    let problems = validate(&scenario);
    assert_eq!(
        problem_at(
            &problems,
            &format!("interventions[{early_help}].action.months")
        )
        .map(|problem| problem.message.as_str()),
        Some("must be between 1 and 1200 months, found 0")
    );
}

#[test]
fn paths_resolve_by_position_and_by_name_and_read_back() {
    let scenario = scenario_with_every_input();
    for input in inputs_of(&scenario) {
        let by_position = resolve(&scenario, &input.path()).unwrap();
        let by_name = resolve(&scenario, &input.named_path(&scenario)).unwrap();
        assert_eq!(by_position, input);
        assert_eq!(by_name, input);
    }
    assert_eq!(resolve(&scenario, "staff[\"nobody\"].fte"), None);
    assert_eq!(resolve(&scenario, "staff[99].fte"), None);
    assert_eq!(resolve(&scenario, "demand.nothing"), None);
    assert_eq!(resolve(&scenario, "interventions[0].action.cap"), None);
    assert_eq!(resolve(&scenario, "staff[1"), None);
}

#[test]
fn inputs_are_named_as_the_editor_shows_them() {
    let scenario = default_scenario();
    let name = |path: &str| name_of(&scenario, path).unwrap();
    assert_eq!(
        name("staff[1].fte"),
        "Experienced social workers: staff in post (FTE)"
    );
    assert_eq!(
        name("interventions[\"+115 social workers over two years\"].enabled"),
        "+115 social workers over two years: switched on"
    );
    assert_eq!(
        name("demand.referral_growth_percent_per_year"),
        "Growth of referrals (% a year)"
    );
    assert_eq!(
        name("placements.residential.weekly_cost_gbp"),
        "Residential children's home: weekly cost (£ per child per week)"
    );
    assert_eq!(name("staff[1]"), "Experienced social workers");
    assert_eq!(name("demand.referral_outcomes"), "What referrals lead to");
    assert_eq!(name_of(&scenario, ""), None);
    for input in inputs_of(&scenario) {
        assert!(
            !input.name(&scenario).contains('_'),
            "{} reads like code",
            input.name(&scenario)
        );
    }
}

#[test]
fn inputs_of_a_file_that_does_not_parse_are_named_too() {
    assert_eq!(
        name_without_scenario("staff[1].fte").as_deref(),
        Some("Staff group 2: staff in post (FTE)")
    );
    assert_eq!(
        name_without_scenario("interventions[0].action.over_months").as_deref(),
        Some("Intervention 1: phased over (months)")
    );
    assert_eq!(
        name_without_scenario("horizon_months").as_deref(),
        Some("Months ahead (months)")
    );
    assert_eq!(name_without_scenario("staff[0]"), None);
    assert_eq!(name_without_scenario("demand.nothing"), None);
}

#[test]
fn fields_reach_the_same_inputs() {
    let mut scenario = default_scenario();
    *fields::number_mut(&mut scenario, "staff[\"experienced\"].fte").unwrap() = 99.0;
    assert_eq!(scenario.staff[1].fte, 99.0);
    assert_eq!(fields::number(&scenario, "staff[1].fte"), Some(99.0));
    assert_eq!(
        fields::canonical(
            &scenario,
            "interventions[\"+115 social workers over two years\"].action.extra_fte"
        )
        .as_deref(),
        Some("interventions[1].action.extra_fte")
    );
}

/// The README's tables of the file format are the catalogue's own. Run with
/// `UPDATE_README_TABLES=1` to write them into the README after changing the catalogue.
#[test]
fn the_readme_tables_match_the_catalogue() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).unwrap();
    let begin = "<!-- The tables below are written by model::catalogue::readme_tables. -->\n\n";
    let end = "<!-- End of the tables written by the catalogue. -->";
    let start = readme.find(begin).expect("the README marks its tables") + begin.len();
    let finish = readme[start..]
        .find(end)
        .expect("the README marks their end")
        + start;
    let tables = readme_tables();
    if std::env::var_os("UPDATE_README_TABLES").is_some() {
        let updated = format!("{}{tables}{}", &readme[..start], &readme[finish..]);
        std::fs::write(path, updated).unwrap();
        return;
    }
    let in_readme = &readme[start..finish];
    if in_readme != tables {
        let wrong = in_readme.lines().zip(tables.lines()).find(|(a, b)| a != b);
        panic!(
            "the README's tables differ from the catalogue's (first difference: {wrong:?}); run the test with UPDATE_README_TABLES=1"
        );
    }
}
