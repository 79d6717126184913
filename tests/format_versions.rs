//! Files of every released format version open, and saving keeps everything they
//! hold. Format 1 is the first and current format; when it changes, the file of the
//! old version stays here (`tests/fixtures/format-N.ron`) and must still open.

#![allow(clippy::unwrap_used)] // Test code: a panic is a failed test.

use std::path::{Path, PathBuf};

use caseload::io::{load_scenario, parse_scenario, scenario_to_ron};
use caseload::model::{Action, FORMAT_VERSION};

fn fixture(version: u32) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(format!("format-{version}.ron"))
}

/// Field names written in RON text, in order (`name:` and so on), without comments.
fn field_names(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or("");
        let mut rest = code;
        while let Some(colon) = rest.find(':') {
            let before = &rest[..colon];
            let name: String = before
                .chars()
                .rev()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            // Skip colons inside text such as "2018-10" or "£4m: more".
            let quotes_before = code[..code.len() - rest.len() + colon].matches('"').count();
            if !name.is_empty() && quotes_before % 2 == 0 {
                names.push(name);
            }
            rest = &rest[colon + 1..];
        }
    }
    names.sort();
    names.dedup();
    names
}

#[test]
fn every_released_version_opens() {
    for version in 1..=FORMAT_VERSION {
        let path = fixture(version);
        let scenario = load_scenario(&path).unwrap_or_else(|error| panic!("{error}"));
        assert_eq!(
            scenario.version,
            FORMAT_VERSION,
            "{} is upgraded",
            path.display()
        );
    }
}

#[test]
fn format_1_holds_every_kind_of_field_and_intervention() {
    let scenario = load_scenario(&fixture(1)).unwrap();
    let kinds: Vec<&str> = scenario
        .interventions
        .iter()
        .map(|intervention| intervention.action.kind_label())
        .collect();
    for action in [
        Action::Recruit {
            group: String::new(),
            extra_fte: 0.0,
            over_months: 1,
        },
        Action::SetCaseloadCap {
            group: String::new(),
            cap: 0.0,
        },
        Action::Funding { amount_gbp: 0.0 },
        Action::RecurringFunding {
            amount_gbp_per_year: 0.0,
            years: 1,
        },
        Action::EarlyHelp {
            annual_cost_gbp: 0.0,
            referral_reduction_percent: 0.0,
            care_entry_reduction_percent: 0.0,
            lag_months: 0,
            months: None,
        },
        Action::ContractedTeam {
            cases: 0.0,
            months: 1,
            total_cost_gbp: 0.0,
        },
        Action::ConvertAgency {
            group: String::new(),
            fte: 0.0,
            over_months: 1,
        },
        Action::ExtraSpending {
            annual_cost_gbp: 0.0,
            months: None,
        },
        Action::AddFosterPlaces {
            places: 0.0,
            over_months: 1,
        },
    ] {
        assert!(
            kinds.contains(&action.kind_label()),
            "{}",
            action.kind_label()
        );
    }
    assert!(scenario.interventions.iter().any(|i| !i.enabled));
    assert_eq!(scenario.demand.seasonality.len(), 12);
    assert!(!scenario.money.grants.is_empty());
    assert!(!scenario.uncertainty.is_empty());
    assert!(scenario.placements.in_house_foster_places.is_some());
    assert!(
        scenario
            .workforce
            .max_recruitment_starts_per_month
            .is_some()
    );
    assert!(scenario.staff.iter().any(|group| group.agency));
    assert!(
        scenario
            .staff
            .iter()
            .any(|group| group.span_of_control.is_some())
    );
    assert!(
        scenario
            .staff
            .iter()
            .any(|group| group.progresses_to.is_some())
    );
}

#[test]
fn saving_keeps_every_field_and_value_the_file_held() {
    for version in 1..=FORMAT_VERSION {
        let original = std::fs::read_to_string(fixture(version)).unwrap();
        let scenario = parse_scenario(&original).unwrap();
        let saved = scenario_to_ron(&scenario).unwrap();
        assert_eq!(parse_scenario(&saved).unwrap(), scenario);
        // Every field the file wrote is written again (comments are kept too, when
        // saved through the app: tests/comments.rs).
        let written = field_names(&saved);
        for name in field_names(&original) {
            assert!(
                written.contains(&name),
                "format {version}: `{name}` was dropped"
            );
        }
        // Saving what was saved changes nothing.
        assert_eq!(
            scenario_to_ron(&parse_scenario(&saved).unwrap()).unwrap(),
            saved
        );
    }
}
