//! Inputs the fuzzer (`fuzz/`) found to break something, kept so they never break
//! it again. Each goes through what the fuzz target does: read and check; if valid,
//! project, write with the file's comments, and read back the same scenario.

#![allow(clippy::unwrap_used)] // Test code: a panic is a failed test.

use std::path::Path;

use caseload::io::{FileText, Layout, parse_scenario, write_keeping_layout};
use caseload::project;

#[test]
fn every_input_the_fuzzer_found_reads_back_the_same() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-crashes");
    let mut checked = 0;
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        checked += 1;
        let Ok(scenario) = parse_scenario(text) else {
            continue;
        };
        assert_eq!(
            project(&scenario).rows.len(),
            scenario.horizon_months as usize
        );
        let written = FileComments::of(text, &scenario)
            .put_into(&scenario_to_ron(&scenario).unwrap(), &scenario);
        assert_eq!(
            parse_scenario(&written).unwrap(),
            scenario,
            "{}",
            path.display()
        );
    }
    assert!(checked > 0);
}

#[test]
fn a_carriage_return_inside_the_notes_survives_a_save_with_comments() {
    // Found by the fuzzer in a name (names now refuse control characters; the
    // notes keep line breaks): lines were rebuilt without their carriage returns.
    let text = "// A header comment\n(\n    version: 1,\n    name: \"Plan\",\n    notes: \"one\r\ntwo\",\n    start: \"2019-04\",\n    staff: [(id: \"experienced\", fte: 9.0, establishment: 10.0)],\n)\n";
    let scenario = parse_scenario(text).unwrap();
    assert_eq!(scenario.notes, "one\r\ntwo");
    let written =
        FileComments::of(text, &scenario).put_into(&scenario_to_ron(&scenario).unwrap(), &scenario);
    assert!(written.starts_with("// A header comment\n"));
    assert_eq!(parse_scenario(&written).unwrap().notes, "one\r\ntwo");
}

#[test]
fn a_carriage_return_inside_a_name_is_refused() {
    let text = "(\n    version: 1,\n    name: \"one\r\ntwo\",\n    start: \"2019-04\",\n    staff: [(id: \"experienced\", fte: 9.0, establishment: 10.0)],\n)\n";
    let problems = parse_scenario(text).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].message.contains("U+000D"), "{}", problems[0]);
}
