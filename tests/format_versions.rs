//! Files of every released format version open, and saving keeps everything they
//! hold. Format 1 was the first; format 2 (the current one) added `council`. The
//! file of each version stays here (`tests/fixtures/format-N.ron`) and must
//! still open; a file of an older version is upgraded as it is read.

#![allow(clippy::unwrap_used)] // Test code: a panic is a failed test.

use std::path::{Path, PathBuf};

use caseload::io::{
    FileText, Layout, load_scenario, load_scenario_with_text, parse_scenario, scenario_to_ron,
    write_keeping_layout,
};
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
fn formats_1_and_2_hold_every_kind_of_field_and_intervention() {
    for version in 1..=2 {
        holds_every_kind_of_field_and_intervention(version);
    }
    assert_eq!(
        load_scenario(&fixture(2)).unwrap().council.as_deref(),
        Some("E08000036")
    );
}

fn holds_every_kind_of_field_and_intervention(version: u32) {
    let scenario = load_scenario(&fixture(version)).unwrap();
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

#[test]
fn format_1_is_upgraded_by_setting_the_version_and_nothing_else() {
    let one = load_scenario(&fixture(1)).unwrap();
    let two = load_scenario(&fixture(2)).unwrap();
    assert_eq!((one.version, two.version), (2, 2));
    assert_eq!(one.council, None);
    // The two fixtures are the same file but for the council: upgraded, format 1
    // reads as format 2 without it.
    let two_without_council = caseload::Scenario {
        council: None,
        ..two.clone()
    };
    assert_eq!(one, two_without_council);
    // The upgraded scenario is written in the current format.
    let saved = scenario_to_ron(&one).unwrap();
    assert!(saved.contains("version: 2,"), "{saved}");
    assert!(!saved.contains("council"), "no council, no field: {saved}");
    assert!(
        scenario_to_ron(&two)
            .unwrap()
            .contains("council: \"E08000036\",")
    );
}

#[test]
fn saving_a_format_1_file_changes_its_version_line_to_2_and_nothing_else() {
    let original = std::fs::read_to_string(fixture(1)).unwrap();
    let (scenario, text) = load_scenario_with_text(&fixture(1)).unwrap();
    let written = write_keeping_layout(&scenario, Some(&text)).unwrap();
    assert_eq!(written.layout, Layout::Kept);
    assert_eq!(
        written.text,
        original.replacen("    version: 1,\n", "    version: 2,\n", 1)
    );
    assert_ne!(written.text, original);
    // Read from text as well as from a file, and once saved, saved unchanged.
    let (scenario, text) = FileText::read(&original).unwrap();
    let written = write_keeping_layout(&scenario, Some(&text)).unwrap();
    let (again, saved) = FileText::read(&written.text).unwrap();
    assert_eq!(again, scenario);
    assert_eq!(
        write_keeping_layout(&again, Some(&saved)).unwrap().text,
        written.text
    );
}

#[test]
fn a_council_in_a_format_1_file_is_refused_naming_the_version() {
    let text = std::fs::read_to_string(fixture(1)).unwrap().replacen(
        "\n    start: ",
        "\n    council: \"E08000036\",\n    start: ",
        1,
    );
    let problems = parse_scenario(&text).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:?}");
    let problem = &problems[0];
    assert_eq!(problem.field.as_deref(), Some("council"));
    assert_eq!(problem.name.as_deref(), Some("Council (ONS code)"));
    assert!(problem.line.is_some());
    assert!(
        problem
            .message
            .contains("format version 2, but this file says it is format version 1"),
        "{}",
        problem.message
    );
    // With the version it needs, the same file opens.
    let text = text.replacen("    version: 1,", "    version: 2,", 1);
    assert_eq!(
        parse_scenario(&text).unwrap().council.as_deref(),
        Some("E08000036")
    );
}

#[test]
fn a_council_that_is_no_ons_code_is_refused_with_its_line_and_column() {
    let text = std::fs::read_to_string(fixture(2))
        .unwrap()
        .replace("\"E08000036\"", "\"Wakefield\"");
    let problems = parse_scenario(&text).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:?}");
    let problem = &problems[0];
    let line = text
        .lines()
        .position(|line| line.trim_start().starts_with("council:"))
        .unwrap()
        + 1;
    assert_eq!((problem.line, problem.column), (Some(line), Some(14)));
    assert_eq!(
        problem.to_string(),
        format!(
            "{line}:14: Council (ONS code) [council]: must be an ONS local-authority code: E06, E08, E09 or E10 followed by six digits, like \"E08000012\" (Liverpool); found \"Wakefield\""
        )
    );
}

#[test]
fn a_council_set_on_a_format_1_file_goes_in_after_the_notes() {
    let original = std::fs::read_to_string(fixture(1)).unwrap();
    let (mut scenario, text) = FileText::read(&original).unwrap();
    scenario.council = Some("E08000036".to_owned());
    let written = write_keeping_layout(&scenario, Some(&text)).unwrap();
    assert_eq!(written.layout, Layout::Kept);
    let notes_line = original
        .lines()
        .find(|line| line.trim_start().starts_with("notes:"))
        .unwrap();
    assert_eq!(
        written.text,
        original
            .replacen("    version: 1,\n", "    version: 2,\n", 1)
            .replacen(
                &format!("{notes_line}\n"),
                &format!("{notes_line}\n    council: \"E08000036\",\n"),
                1
            )
    );
    assert_eq!(parse_scenario(&written.text).unwrap(), scenario);
}
