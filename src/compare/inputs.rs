//! The inputs that differ between two scenarios, field by field, so that a
//! finance officer can see what a colleague changed in a file they were sent.

use std::collections::HashMap;

use crate::io::locate::Locations;
use crate::io::scenario_to_ron;
use crate::model::{Scenario, fields};

/// One input that differs. A value missing on one side (a staff group or an
/// intervention only one scenario has) is `None` there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputDifference {
    /// The field, with list items named rather than numbered:
    /// `staff["experienced"].fte`, `interventions["+115 social workers"].enabled`.
    pub field: String,
    pub baseline: Option<String>,
    pub scenario: Option<String>,
}

/// Every input field of a scenario with its value as written in a file, with list
/// items named by their id, label, year or name so that inserting an item does not
/// make every later one look changed.
fn fields(scenario: &Scenario) -> Vec<(String, String)> {
    // Written and read by this program: only an internal bug could fail here.
    let text = scenario_to_ron(scenario).unwrap_or_default();
    let locations = Locations::of(&text);
    locations
        .leaf_values(&text)
        .map(|(path, value)| (fields::named_path(scenario, path), value.to_owned()))
        .collect()
}

/// The inputs that differ, in the order of the baseline's file, then those only
/// the scenario has. Numbers compare by value (`20` and `20.0` are the same).
pub fn input_differences(baseline: &Scenario, scenario: &Scenario) -> Vec<InputDifference> {
    let fields_a = fields(baseline);
    let fields_b = fields(scenario);
    let lookup_b: HashMap<&str, &str> = fields_b
        .iter()
        .map(|(field, value)| (field.as_str(), value.as_str()))
        .collect();
    let lookup_a: HashMap<&str, &str> = fields_a
        .iter()
        .map(|(field, value)| (field.as_str(), value.as_str()))
        .collect();
    let same = |a: &str, b: &str| match (a.parse::<f64>(), b.parse::<f64>()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    };
    let mut differences = Vec::new();
    for (field, value_a) in &fields_a {
        match lookup_b.get(field.as_str()) {
            Some(value_b) if same(value_a, value_b) => {}
            value_b => differences.push(InputDifference {
                field: field.clone(),
                baseline: Some(value_a.clone()),
                scenario: value_b.map(|value| (*value).to_owned()),
            }),
        }
    }
    for (field, value_b) in &fields_b {
        if !lookup_a.contains_key(field.as_str()) {
            differences.push(InputDifference {
                field: field.clone(),
                baseline: None,
                scenario: Some(value_b.clone()),
            });
        }
    }
    differences
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::default_scenario;
    use crate::model::StaffGroup;

    #[test]
    fn identical_scenarios_have_no_differences() {
        let scenario = default_scenario();
        assert_eq!(input_differences(&scenario, &scenario), Vec::new());
    }

    #[test]
    fn changed_added_and_removed_fields_are_named() {
        let baseline = default_scenario();
        let mut scenario = baseline.clone();
        scenario.staff[1].fte = 115.0;
        scenario.interventions[1].enabled = false;
        scenario.staff.insert(
            0,
            StaffGroup {
                id: "new".to_owned(),
                ..StaffGroup::default()
            },
        );
        let differences = input_differences(&baseline, &scenario);
        let changed: Vec<(&str, Option<&str>, Option<&str>)> = differences
            .iter()
            .filter(|difference| difference.baseline.is_some() && difference.scenario.is_some())
            .map(|difference| {
                (
                    difference.field.as_str(),
                    difference.baseline.as_deref(),
                    difference.scenario.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            changed,
            vec![
                ("staff[\"experienced\"].fte", Some("90.0"), Some("115.0")),
                (
                    "interventions[\"+115 social workers over two years\"].enabled",
                    Some("true"),
                    Some("false")
                ),
            ]
        );
        // The inserted group shows as fields only the scenario has, and no other
        // group looks changed although every index moved.
        assert!(differences.iter().any(|difference| {
            difference.field == "staff[\"new\"].fte" && difference.baseline.is_none()
        }));
        assert!(
            differences
                .iter()
                .filter(|difference| difference.baseline.is_some())
                .all(|difference| difference.scenario.is_some())
        );
    }

    #[test]
    fn interventions_sharing_a_label_are_told_apart() {
        let mut baseline = default_scenario();
        let label = baseline.interventions[0].label.clone();
        baseline.interventions[2].label = label.clone();
        let mut scenario = baseline.clone();
        scenario.interventions[2].enabled = !scenario.interventions[2].enabled;
        let differences = input_differences(&baseline, &scenario);
        assert_eq!(
            differences,
            vec![InputDifference {
                field: "interventions[2].enabled".to_owned(),
                baseline: Some(baseline.interventions[2].enabled.to_string()),
                scenario: Some(scenario.interventions[2].enabled.to_string()),
            }]
        );
        assert_eq!(
            fields::named_path(&baseline, "interventions[1].enabled"),
            format!(
                "interventions[\"{}\"].enabled",
                baseline.interventions[1].label
            )
        );
    }
}
