//! The editor draws every number input of the catalogue, found by the name a
//! screen reader reads, so a new catalogue entry shows up with no editor code.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{Queryable, by};

use super::editor_ui;
use crate::io::default_scenario;
use crate::model::catalogue::{CATALOGUE, Input, Kind, Scope};
use crate::model::{Intervention, PlacementKind, Scenario};

/// The example scenario with every optional input given: each kind of
/// intervention, a seasonal pattern, limits switched on, a span of control and
/// a progression.
fn scenario_with_every_input() -> Scenario {
    let mut scenario = default_scenario();
    scenario.demand.seasonality = vec![1.0; 12];
    scenario.placements.in_house_foster_places = Some(400.0);
    scenario.workforce.max_recruitment_starts_per_month = Some(5.0);
    scenario.workforce.max_agency_fte = Some(40.0);
    scenario.workforce.max_agency_percent = Some(33.0);
    let next = scenario.staff[1].id.clone();
    scenario.staff[0].progresses_to = Some(next);
    let last_permanent = scenario
        .staff
        .iter()
        .rposition(|group| !group.agency)
        .unwrap_or_default();
    scenario.staff[last_permanent].span_of_control = Some(6.0);
    let start = scenario.start;
    scenario.interventions = super::interventions::templates(&scenario)
        .into_iter()
        .map(|(label, action)| Intervention {
            label: label.to_owned(),
            enabled: true,
            start,
            action,
        })
        .collect();
    scenario
}

/// The names the editor may give an entry's box: "Growth", "FTE of Experienced
/// social workers", "Limit recruitment starts: value".
fn accessible_names(input: &Input, label: &str, scenario: &Scenario) -> Vec<String> {
    if matches!(input.kind, Kind::OptionalNumber { .. }) {
        return vec![format!("{}: value", label.trim())];
    }
    match input.scope {
        Scope::StaffGroup => scenario
            .staff
            .iter()
            .map(|group| format!("{label} of {}", group.name))
            .collect(),
        Scope::Placement => PlacementKind::ALL
            .iter()
            .map(|kind| format!("{label} of {}", kind.label()))
            .collect(),
        _ => vec![label.to_owned()],
    }
}

#[test]
fn every_number_input_of_the_catalogue_is_in_the_editor() {
    let scenario = scenario_with_every_input();
    let mut harness = Harness::builder()
        .with_size([1500.0, 6000.0])
        .build_ui_state(
            |ui, scenario: &mut Scenario| editor_ui(ui, scenario, &[], &mut Vec::new()),
            scenario,
        );
    harness.run();
    for section in [
        "Demand",
        "Placements",
        "Recruitment, agency and burnout",
        "Money",
        "Progression and managers",
    ] {
        harness.get_by_label(section).click();
        harness.run();
    }
    let mut drawn = 0;
    for input in CATALOGUE.iter().filter(|input| input.number.is_some()) {
        let Some(place) = input.place else {
            // Numbers without a place have widgets of their own: the seasonal
            // grid, the budget and grant tables, the uncertainty ranges.
            assert!(
                matches!(
                    input.scope,
                    Scope::Season | Scope::Budget | Scope::Grant | Scope::Range
                ),
                "{} has no place in the editor",
                input.name
            );
            continue;
        };
        let names = accessible_names(input, place.label, harness.state());
        let found = names.iter().any(|name| {
            harness
                .query_all(by().role(Role::SpinButton).label(name))
                .next()
                .is_some()
        });
        assert!(
            found,
            "{} is not in the editor as any of {names:?}",
            input.name
        );
        drawn += 1;
    }
    // Every section's numbers: demand 27, placements 5, staff 9, recruitment 13,
    // money 6, interventions 12.
    assert_eq!(drawn, 72);
}

#[test]
fn an_edit_in_a_catalogue_row_reaches_the_scenario() {
    let mut harness = Harness::builder()
        .with_size([1500.0, 6000.0])
        .build_ui_state(
            |ui, scenario: &mut Scenario| editor_ui(ui, scenario, &[], &mut Vec::new()),
            scenario_with_every_input(),
        );
    harness.run();
    harness.get_by_label("Placements").click();
    harness.run();
    let cell = "Weekly cost of Residential children's home";
    harness
        .get_by_role_and_label(Role::SpinButton, cell)
        .click();
    harness.run();
    harness.key_combination_modifiers(egui::Modifiers::COMMAND, &[egui::Key::A]);
    harness
        .get_by_role_and_label(Role::SpinButton, cell)
        .type_text("4500");
    harness.key_press(egui::Key::Enter);
    harness.run();
    let residential = harness
        .state()
        .placements
        .get(PlacementKind::Residential)
        .weekly_cost_gbp;
    assert_eq!(residential, 4500.0);
}

#[test]
fn a_stock_no_duration_can_hold_is_explained_and_the_action_says_what_it_sets() {
    use crate::workspace::Command;
    let mut scenario = default_scenario();
    // 20% of plans entering care a month takes more off plans than arrive.
    scenario.demand.protection_to_care_percent_per_month = 20.0;
    let balancing = crate::sim::balance::balancing(&scenario);
    let level = balancing.levels().next().map(|change| change.describe());
    let Some(level) = level else {
        panic!("plans cannot be held by a duration: {balancing:?}");
    };
    assert!(level.starts_with("Children on child protection plans at the start: "));
    let mut harness = Harness::builder()
        .with_size([1500.0, 6000.0])
        .build_ui_state(
            |ui, (scenario, commands): &mut (Scenario, Vec<Command>)| {
                editor_ui(ui, scenario, &[], commands);
            },
            (scenario, Vec::new()),
        );
    harness.run();
    harness.get_by_label("Demand").click();
    harness.run();
    harness.get_by_label_contains(
        "No length of a child protection plan holds children on child protection plans at ",
    );
    harness
        .get_by_label(&format!("Balance the start, setting {level}"))
        .click();
    harness.run();
    assert_eq!(harness.state().1, vec![Command::BalanceStart]);
}

#[test]
fn early_help_paid_for_no_longer_than_its_lag_shows_no_effect() {
    let with_early_help = |months: u32| {
        let mut scenario = default_scenario();
        let start = scenario.start;
        scenario.interventions = vec![Intervention {
            label: "Early help".to_owned(),
            enabled: true,
            start,
            action: crate::model::Action::EarlyHelp {
                annual_cost_gbp: 1.0e6,
                referral_reduction_percent: 5.0,
                care_entry_reduction_percent: 5.0,
                lag_months: 12,
                months: Some(months),
            },
        }];
        let mut harness = Harness::builder()
            .with_size([1500.0, 6000.0])
            .build_ui_state(
                |ui, scenario: &mut Scenario| editor_ui(ui, scenario, &[], &mut Vec::new()),
                scenario,
            );
        harness.run();
        harness
            .query_by_label("no effect: its funding ends first")
            .is_some()
    };
    assert!(with_early_help(12));
    assert!(!with_early_help(24));
}

#[test]
fn the_council_is_typed_under_council_and_horizon_and_empty_means_none() {
    let mut harness = Harness::builder()
        .with_size([1500.0, 3000.0])
        .build_ui_state(
            |ui, scenario: &mut Scenario| {
                let problems = crate::model::validate(scenario);
                editor_ui(ui, scenario, &problems, &mut Vec::new());
            },
            default_scenario(),
        );
    harness.run();
    assert_eq!(harness.state().council.as_deref(), Some("E08000012"));
    let field = "Council (ONS code)";
    harness
        .get_by_role_and_label(Role::TextInput, field)
        .click();
    harness.run();
    harness.key_combination_modifiers(egui::Modifiers::COMMAND, &[egui::Key::A]);
    harness
        .get_by_role_and_label(Role::TextInput, field)
        .type_text("Liverpool");
    harness.run();
    assert_eq!(harness.state().council.as_deref(), Some("Liverpool"));
    // What is wrong is said where it is typed.
    harness.get_by_label_contains("must be an ONS local-authority code");
    // The field keeps the focus while the problem row appears under it.
    harness.key_combination_modifiers(egui::Modifiers::COMMAND, &[egui::Key::A]);
    harness
        .get_by_role_and_label(Role::TextInput, field)
        .type_text("E10000013");
    harness.run();
    assert_eq!(harness.state().council.as_deref(), Some("E10000013"));
    harness
        .get_by_role_and_label(Role::TextInput, field)
        .click();
    harness.run();
    harness.key_combination_modifiers(egui::Modifiers::COMMAND, &[egui::Key::A]);
    harness.key_press(egui::Key::Backspace);
    harness.run();
    assert_eq!(harness.state().council, None);
}
