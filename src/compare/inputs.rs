//! The inputs that differ between two scenarios, field by field, so that a
//! finance officer can see what a colleague changed in a file they were sent.

use std::collections::HashMap;

use crate::model::Scenario;
use crate::model::catalogue::{self, Value};
use crate::units;

/// One input that differs. A value missing on one side (a staff group or an
/// intervention only one scenario has) is `None` there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputDifference {
    /// The input's path, with list items named rather than numbered:
    /// `staff["experienced"].fte`, `interventions["+115 social workers"].enabled`.
    pub field: String,
    /// What people call it, as the editor does:
    /// "+115 social workers over two years: switched on".
    pub name: String,
    /// The values as people read them ("115", "£5,100,000", "on", "Apr 2019").
    pub baseline: Option<String>,
    pub scenario: Option<String>,
    /// Whether the input is a switch (on or off).
    pub switch: bool,
}

impl InputDifference {
    /// The change in a sentence: "Experienced social workers: staff in post
    /// (FTE): 115, was 90"; a switch reads "+115 social workers over two years:
    /// switched on, was off". "(none)" stands in for a side without the input.
    pub fn sentence(&self) -> String {
        let value = |value: &Option<String>| value.clone().unwrap_or_else(|| "(none)".to_owned());
        let (new, old) = (value(&self.scenario), value(&self.baseline));
        match self.name.strip_suffix(" on") {
            Some(switched) if self.switch => format!("{switched} {new}, was {old}"),
            _ => format!("{}: {new}, was {old}", self.name),
        }
    }
}

/// One input of a scenario: its named path, its name and its value.
struct Field {
    path: String,
    name: String,
    value: Value,
    text: String,
}

/// Every input of a scenario, from the catalogue, with list items named by their
/// id, label, year or name so that inserting an item does not make every later
/// one look changed.
fn fields(scenario: &Scenario) -> Vec<Field> {
    catalogue::inputs_of(scenario)
        .into_iter()
        .filter_map(|input| {
            let value = input.read(scenario)?;
            Some(Field {
                path: input.named_path(scenario),
                name: input.name(scenario),
                text: for_people(&value, input.input),
                value,
            })
        })
        .collect()
}

/// A value as people read it: numbers exactly, with thousands separators and
/// pounds signs; switches as yes or no; months as "Apr 2019".
fn for_people(value: &Value, input: &catalogue::Input) -> String {
    match value {
        Value::Number(number) => {
            // As many decimals as the number has (up to 6), so that two values
            // that differ never read the same.
            let decimals = (0..=6)
                .find(|decimals| {
                    let scale = 10f64.powi(*decimals);
                    ((number * scale).round() / scale - number).abs() <= number.abs() * 1e-12
                })
                .unwrap_or(6) as usize;
            let digits = crate::units::thousands(*number, decimals);
            if input.is_pounds() {
                match digits.strip_prefix('-') {
                    Some(positive) => format!("-£{positive}"),
                    None => format!("£{digits}"),
                }
            } else {
                digits
            }
        }
        Value::Whole(count) if input.unit == "months" => {
            format!("{count} month{}", if *count == 1 { "" } else { "s" })
        }
        Value::Whole(count) if input.unit == "years" => {
            format!("{count} year{}", if *count == 1 { "" } else { "s" })
        }
        Value::Whole(count) if input.unit == "month of the year" && (1..=12).contains(count) => {
            units::month_abbreviation(*count).to_owned()
        }
        Value::Whole(count) => count.to_string(),
        Value::Switch(on) => if *on { "on" } else { "off" }.to_owned(),
        Value::Text(text) => format!("\"{text}\""),
        Value::Month(month) => month.label(),
        Value::Year(year) => year.label(),
        Value::Shape(shape) => shape.label().to_owned(),
        Value::Absent => "none".to_owned(),
    }
}

/// The inputs that differ, in the order of the baseline's file, then those only
/// the scenario has. Numbers compare by value.
pub fn input_differences(baseline: &Scenario, scenario: &Scenario) -> Vec<InputDifference> {
    let fields_a = fields(baseline);
    let fields_b = fields(scenario);
    let lookup_b: HashMap<&str, &Field> = fields_b
        .iter()
        .map(|field| (field.path.as_str(), field))
        .collect();
    let lookup_a: HashMap<&str, &Field> = fields_a
        .iter()
        .map(|field| (field.path.as_str(), field))
        .collect();
    let mut differences = Vec::new();
    for field_a in &fields_a {
        match lookup_b.get(field_a.path.as_str()) {
            Some(field_b) if field_b.value == field_a.value => {}
            field_b => differences.push(InputDifference {
                field: field_a.path.clone(),
                name: field_a.name.clone(),
                baseline: Some(field_a.text.clone()),
                scenario: field_b.map(|field| field.text.clone()),
                switch: matches!(field_a.value, Value::Switch(_)),
            }),
        }
    }
    for field_b in &fields_b {
        if !lookup_a.contains_key(field_b.path.as_str()) {
            differences.push(InputDifference {
                field: field_b.path.clone(),
                name: field_b.name.clone(),
                baseline: None,
                scenario: Some(field_b.text.clone()),
                switch: matches!(field_b.value, Value::Switch(_)),
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
                ("staff[\"experienced\"].fte", Some("95"), Some("115")),
                (
                    "interventions[\"+115 social workers over two years\"].enabled",
                    Some("on"),
                    Some("off")
                ),
            ]
        );
        assert_eq!(
            differences[0].name,
            "Experienced social workers: staff in post (FTE)"
        );
        assert_eq!(
            differences[1].sentence(),
            "+115 social workers over two years: switched off, was on"
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
                name: format!("{label}: switched on"),
                baseline: Some(
                    if baseline.interventions[2].enabled {
                        "on"
                    } else {
                        "off"
                    }
                    .to_owned()
                ),
                scenario: Some(
                    if scenario.interventions[2].enabled {
                        "on"
                    } else {
                        "off"
                    }
                    .to_owned()
                ),
                switch: true,
            }]
        );
        assert_eq!(
            crate::model::fields::named_path(&baseline, "interventions[1].enabled"),
            format!(
                "interventions[\"{}\"].enabled",
                baseline.interventions[1].label
            )
        );
    }
}
