//! What the fuzz target (`fuzz/fuzz_targets/scenario_file.rs`) checks on any bytes,
//! shared with `tests/fuzz_crashes.rs` so that every input the fuzzer once broke
//! is checked the same way on every `cargo test`. Nothing may panic or hang; a
//! valid scenario is projected and written back; saved unedited it is the file
//! byte for byte (a file of an older format has its version changed, and only
//! that, and the upgraded file is checked); with one value edited (chosen from the bytes) it reads back as
//! the edited scenario, and only that value's text changed.

use caseload::io::locate::Locations;
use caseload::io::{FileText, Layout, parse_scenario, write_keeping_layout};
use caseload::model::{Scenario, fields};
use caseload::project;

pub fn check(bytes: &[u8]) {
    // Files that are not UTF-8 are refused before parsing (tested elsewhere).
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let Ok((scenario, original)) = FileText::read(text) else {
        return;
    };
    let projection = project(&scenario);
    assert_eq!(projection.rows.len(), scenario.horizon_months as usize);

    let Ok(new) = write_keeping_layout(&scenario, None) else {
        panic!("a valid scenario could not be written");
    };
    match parse_scenario(&new.text) {
        Ok(again) => assert_eq!(again, scenario, "written and read back differs"),
        Err(problems) => panic!("a written scenario does not read back: {problems:?}"),
    }

    let unedited = write_keeping_layout(&scenario, Some(&original)).unwrap_or_else(|error| {
        panic!("could not write: {error}");
    });
    if read_unchecked(text).is_some_and(|as_written| as_written.version < scenario.version) {
        // A file of an older format: saved, only its version changes; the rest is
        // checked on the upgraded file.
        assert_eq!(unedited.layout, Layout::Kept, "an upgrade lost the layout");
        assert_only_value_changed(text, &unedited.text, "version");
        return check(unedited.text.as_bytes());
    }
    assert_eq!(unedited.text, text, "a save with no edit changed the file");

    let mut edited = scenario.clone();
    let path = edit(&mut edited, seed(bytes));
    let written = write_keeping_layout(&edited, Some(&original)).unwrap_or_else(|error| {
        panic!("could not write: {error}");
    });
    assert_eq!(
        read_unchecked(&written.text).as_ref(),
        Some(&edited),
        "the edited scenario does not read back"
    );
    if !original.keeps_layout() || edited == scenario {
        return;
    }
    assert_eq!(
        written.layout,
        Layout::Kept,
        "the file's layout was not kept"
    );
    assert_only_value_changed(text, &written.text, &path);
}

/// A number from the bytes, to choose an edit with.
fn seed(bytes: &[u8]) -> u64 {
    // FNV-1a.
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Changes one value of `scenario`; returns its path as the file writes it.
fn edit(scenario: &mut Scenario, seed: u64) -> String {
    let numbers = fields::numeric_fields(scenario);
    if seed.is_multiple_of(4) || numbers.is_empty() {
        let extra = [
            "",
            " (edited)",
            "\"quoted\"",
            "back\\slash",
            "£ and é",
            "two\nlines",
        ];
        scenario
            .name
            .push_str(extra[(seed / 4) as usize % extra.len()]);
        return "name".to_owned();
    }
    let path = numbers[(seed / 4) as usize % numbers.len()].clone();
    let step = ((seed >> 16) % 1000) as f64 / 8.0 + 0.5;
    if let Some(value) = fields::number_mut(scenario, &path) {
        *value = if seed & (1 << 40) == 0 {
            *value + step
        } else {
            step
        };
    }
    path
}

fn read_unchecked(text: &str) -> Option<Scenario> {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(text.strip_prefix('\u{feff}').unwrap_or(text))
        .ok()
}

/// The texts differ only inside the value at `path` (or, for a value the file
/// left out, by text inserted in one place).
fn assert_only_value_changed(old: &str, new: &str, path: &str) {
    let (old_changed, new_changed) = changed_region(old, new);
    match Locations::of(old).leaf_range(path) {
        Some(before) => {
            assert!(
                before.start <= old_changed.start && old_changed.end <= before.end,
                "{path}: changed {old_changed:?} outside the value at {before:?}"
            );
            let after = Locations::of(new).leaf_range(path);
            assert!(
                after.is_some_and(
                    |after| after.start <= new_changed.start && new_changed.end <= after.end
                ),
                "{path}: wrote {new_changed:?} outside the value"
            );
        }
        None => assert!(
            old_changed.is_empty(),
            "{path} was left out of the file, yet {old_changed:?} changed"
        ),
    }
}

/// The bytes of `old` and of `new` between their common start and common end.
pub fn changed_region(old: &str, new: &str) -> (std::ops::Range<usize>, std::ops::Range<usize>) {
    let (old_bytes, new_bytes) = (old.as_bytes(), new.as_bytes());
    let prefix = old_bytes
        .iter()
        .zip(new_bytes)
        .take_while(|(a, b)| a == b)
        .count();
    let room = old.len().min(new.len()) - prefix;
    let suffix = old_bytes
        .iter()
        .rev()
        .zip(new_bytes.iter().rev())
        .take(room)
        .take_while(|(a, b)| a == b)
        .count();
    (prefix..old.len() - suffix, prefix..new.len() - suffix)
}
