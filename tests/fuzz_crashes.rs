//! Inputs the fuzzer (`fuzz/`) found to break something, kept so they never break
//! it again. Each goes through the fuzz target's own checks (`tests/fuzz_check`).

#![allow(clippy::unwrap_used)] // Test code: a panic is a failed test.

mod fuzz_check;

use std::path::Path;

use caseload::io::{FileText, Layout, parse_scenario, write_keeping_layout};

#[test]
fn every_input_the_fuzzer_found_passes_its_checks() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-crashes");
    let mut checked = 0;
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let result = std::panic::catch_unwind(|| fuzz_check::check(&bytes));
        assert!(result.is_ok(), "{}", path.display());
        checked += 1;
    }
    assert!(checked > 0);
}

#[test]
fn the_checks_pass_on_every_example_and_fixture() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for folder in ["saves", "tests/fixtures", "tests/bad"] {
        for entry in std::fs::read_dir(root.join(folder)).unwrap() {
            let path = entry.unwrap().path();
            fuzz_check::check(&std::fs::read(&path).unwrap());
        }
    }
}

#[test]
fn a_carriage_return_inside_the_notes_survives_a_save() {
    // Found by the fuzzer in a name (names now refuse control characters; the
    // notes keep line breaks): lines were rebuilt without their carriage returns.
    let text = "// A header comment\n(\n    version: 2,\n    name: \"Plan\",\n    notes: \"one\r\ntwo\",\n    start: \"2019-04\",\n    staff: [(id: \"experienced\", fte: 9.0, establishment: 10.0)],\n)\n";
    let (mut scenario, original) = FileText::read(text).unwrap();
    assert_eq!(scenario.notes, "one\r\ntwo");
    scenario.staff[0].fte = 8.0;
    let written = write_keeping_layout(&scenario, Some(&original)).unwrap();
    assert_eq!(written.layout, Layout::Kept);
    assert_eq!(written.text, text.replace("fte: 9.0", "fte: 8.0"));
    assert_eq!(parse_scenario(&written.text).unwrap().notes, "one\r\ntwo");
}

#[test]
fn a_carriage_return_inside_a_name_is_refused() {
    let text = "(\n    version: 1,\n    name: \"one\r\ntwo\",\n    start: \"2019-04\",\n    staff: [(id: \"experienced\", fte: 9.0, establishment: 10.0)],\n)\n";
    let problems = parse_scenario(text).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].message.contains("U+000D"), "{}", problems[0]);
}
