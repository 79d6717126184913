//! Comments in scenario files survive saving: above and beside the same fields,
//! moving with their staff group or intervention.

#![allow(clippy::unwrap_used)] // Test code: a panic is a failed test.

mod common;

use caseload::io::{load_scenario_with_text, save_scenario_keeping_layout};

/// Every comment in `text`, trimmed, in order.
fn comments_in(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|line| line.find("//").map(|at| line[at..].trim().to_owned()))
        .collect()
}

#[test]
fn every_comment_of_every_example_survives_a_save() {
    let folder = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(common::save("")).unwrap() {
        let path = entry.unwrap().path();
        let original = std::fs::read_to_string(&path).unwrap();
        let (scenario, text) = load_scenario_with_text(&path).unwrap();
        let saved_path = folder.path().join(path.file_name().unwrap());
        save_scenario_keeping_layout(&saved_path, &scenario, Some(&text)).unwrap();
        let saved = std::fs::read_to_string(&saved_path).unwrap();
        assert_eq!(
            comments_in(&saved),
            comments_in(&original),
            "{}",
            path.display()
        );
        // Saving the saved file again changes nothing.
        let (again, again_text) = load_scenario_with_text(&saved_path).unwrap();
        assert_eq!(again, scenario);
        save_scenario_keeping_layout(&saved_path, &again, Some(&again_text)).unwrap();
        assert_eq!(std::fs::read_to_string(&saved_path).unwrap(), saved);
    }
}

#[test]
fn a_comment_moves_with_its_intervention() {
    let folder = tempfile::tempdir().unwrap();
    let (mut scenario, text) =
        load_scenario_with_text(&common::save("wakefield-2018.ron")).unwrap();
    scenario.interventions.reverse();
    let removed = scenario
        .interventions
        .iter()
        .position(|intervention| intervention.label == "Further £4m for locality teams")
        .unwrap();
    let removed = scenario.interventions.remove(removed).label;
    let path = folder.path().join("reordered.ron");
    save_scenario_keeping_layout(&path, &scenario, Some(&text)).unwrap();
    let saved = std::fs::read_to_string(&path).unwrap();
    let lines: Vec<&str> = saved.lines().collect();
    let label_line = lines
        .iter()
        .position(|line| line.contains("label: \"+38 social worker posts (the £4.5m)\""))
        .unwrap();
    // Its comment, four lines, just above it.
    assert!(
        lines[label_line - 4].contains("what the £4.5m buys in posts"),
        "{}",
        lines[label_line - 4]
    );
    assert!(
        lines[label_line - 1].contains("the census found"),
        "{}",
        lines[label_line - 1]
    );
    // The removed intervention's comment went with it.
    assert!(!saved.contains(&format!("label: \"{removed}\"")));
    assert!(!saved.contains("a further £4m proposed in October 2018"));
    // The others are all still there.
    assert!(saved.contains("+45 experienced and +15 newly qualified posts over two years"));
}

#[test]
fn slashes_inside_notes_over_several_lines_are_not_comments() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("notes.ron");
    let mut scenario = common::small_scenario();
    scenario.notes = "Sources:\nhttps://example.org/report // page 4".to_owned();
    caseload::io::save_scenario(&path, &scenario).unwrap();
    let first = std::fs::read_to_string(&path).unwrap();
    for _ in 0..3 {
        let (again, text) = load_scenario_with_text(&path).unwrap();
        assert_eq!(again, scenario);
        save_scenario_keeping_layout(&path, &again, Some(&text)).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), first);
    }
}
