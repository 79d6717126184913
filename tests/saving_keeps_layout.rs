//! Saving changes only what changed: for every example file (and the format 1
//! fixture), one edit of each kind changes exactly that value's text and nothing
//! else; items added to a list look like their neighbours; items removed take
//! their own lines and comments with them; a save with no edit writes the file
//! back byte for byte.

#![allow(clippy::unwrap_used)] // Test code: a panic is a failed test.

mod common;
#[allow(dead_code)] // The fuzz target's checks; these tests use one helper.
mod fuzz_check;

use fuzz_check::changed_region;

use std::path::PathBuf;

use caseload::io::locate::Locations;
use caseload::io::{
    FileText, Layout, load_scenario_with_text, save_scenario_keeping_layout, scenario_to_ron,
    write_keeping_layout,
};
use caseload::model::{Scenario, fields};
use proptest::prelude::*;

fn files() -> Vec<PathBuf> {
    let mut files = common::all_saves();
    files.push(PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/format-2.ron"
    )));
    files
}

fn read(path: &PathBuf) -> (String, Scenario, FileText) {
    let text = std::fs::read_to_string(path).unwrap();
    let (scenario, file_text) = FileText::read(&text).unwrap();
    (text, scenario, file_text)
}

/// What `scenario` reads back as from `text`, without the checks (an edit may
/// leave a scenario the user still has to fix).
fn reread(text: &str) -> Scenario {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(text)
        .unwrap()
}

/// Saves `edited` over `original`'s text; it must keep the layout and read back.
fn save(edited: &Scenario, original: &FileText) -> String {
    let written = write_keeping_layout(edited, Some(original)).unwrap();
    assert_eq!(written.layout, Layout::Kept);
    assert_eq!(&reread(&written.text), edited);
    written.text
}

/// The texts differ only inside the value at `path`, as written in each.
fn assert_only_value_changed(old: &str, new: &str, path: &str, file: &str) {
    let before = Locations::of(old).leaf_range(path).unwrap();
    let after = Locations::of(new).leaf_range(path).unwrap();
    let (old_changed, new_changed) = changed_region(old, new);
    assert!(
        !new_changed.is_empty() || !old_changed.is_empty(),
        "{file}: {path}: nothing changed"
    );
    assert!(
        before.start <= old_changed.start && old_changed.end <= before.end,
        "{file}: {path}: changed {old_changed:?} outside the value at {before:?}:\n{new}"
    );
    assert!(
        after.start <= new_changed.start && new_changed.end <= after.end,
        "{file}: {path}: wrote {new_changed:?} outside the value at {after:?}"
    );
}

/// `new` is `old` with whole lines removed (`removed`) or inserted (`inserted`)
/// in one place, and nothing else changed.
struct LineChange {
    removed: Vec<String>,
    inserted: Vec<String>,
    /// The line of `old` before the change.
    before: Option<String>,
}

fn line_change(old: &str, new: &str) -> LineChange {
    let old_lines: Vec<&str> = old.split_inclusive('\n').collect();
    let new_lines: Vec<&str> = new.split_inclusive('\n').collect();
    let prefix = old_lines
        .iter()
        .zip(&new_lines)
        .take_while(|(a, b)| a == b)
        .count();
    let room = old_lines.len().min(new_lines.len()) - prefix;
    let suffix = old_lines
        .iter()
        .rev()
        .zip(new_lines.iter().rev())
        .take(room)
        .take_while(|(a, b)| a == b)
        .count();
    let owned = |lines: &[&str]| lines.iter().map(|line| (*line).to_owned()).collect();
    LineChange {
        removed: owned(&old_lines[prefix..old_lines.len() - suffix]),
        inserted: owned(&new_lines[prefix..new_lines.len() - suffix]),
        before: prefix.checked_sub(1).map(|line| old_lines[line].to_owned()),
    }
}

fn indent(line: &str) -> &str {
    &line[..line.len() - line.trim_start().len()]
}

/// Edits one value of a scenario; returns its path in the file.
type Edit = fn(&mut Scenario) -> String;

const VALUE_EDITS: [(&str, Edit); 7] = [
    ("a top-level number", |scenario| {
        scenario.horizon_months += 1;
        "horizon_months".to_owned()
    }),
    ("a nested number", |scenario| {
        scenario.demand.referrals_per_month += 7.5;
        "demand.referrals_per_month".to_owned()
    }),
    ("a number in a one-line group", |scenario| {
        scenario.placements.residential.weekly_cost_gbp = 4125.5;
        "placements.residential.weekly_cost_gbp".to_owned()
    }),
    ("a staff group's number", |scenario| {
        scenario.staff[1].fte += 1.0;
        "staff[1].fte".to_owned()
    }),
    ("an intervention's start", |scenario| {
        scenario.interventions[0].start = scenario.interventions[0].start.plus(1);
        "interventions[0].start".to_owned()
    }),
    ("an intervention's action", |scenario| {
        let path = fields::numeric_fields(scenario)
            .into_iter()
            .find(|path| path.starts_with("interventions[1].action."))
            .unwrap();
        *fields::number_mut(scenario, &path).unwrap() *= 2.0;
        path
    }),
    ("a text", |scenario| {
        scenario.name.push_str(" (edited)");
        "name".to_owned()
    }),
];

#[test]
fn one_edited_value_changes_only_that_value() {
    for path in files() {
        let file = path.display().to_string();
        let (text, scenario, original) = read(&path);
        for (kind, edit) in VALUE_EDITS {
            let mut edited = scenario.clone();
            let field = edit(&mut edited);
            let saved = save(&edited, &original);
            assert_only_value_changed(&text, &saved, &field, &format!("{file} ({kind})"));
        }
    }
}

#[test]
fn an_option_switched_on_is_one_line_like_its_neighbours() {
    for path in files() {
        let file = path.display().to_string();
        let (text, scenario, original) = read(&path);
        let index = scenario
            .staff
            .iter()
            .position(|group| group.span_of_control.is_none())
            .unwrap();
        let mut edited = scenario.clone();
        edited.staff[index].span_of_control = Some(8.0);
        let saved = save(&edited, &original);
        let field = format!("staff[{index}].span_of_control");
        if Locations::of(&text).leaf_range(&field).is_some() {
            assert_only_value_changed(&text, &saved, &field, &file);
            continue;
        }
        let change = line_change(&text, &saved);
        assert!(change.removed.is_empty(), "{file}: {:?}", change.removed);
        assert_eq!(change.inserted.len(), 1, "{file}: {:?}", change.inserted);
        let line = &change.inserted[0];
        assert_eq!(line.trim(), "span_of_control: 8.0,", "{file}");
        assert_eq!(
            indent(line),
            indent(change.before.as_deref().unwrap()),
            "{file}"
        );
    }
}

#[test]
fn a_save_with_no_edit_is_the_file_byte_for_byte() {
    for path in files() {
        let (text, scenario, original) = read(&path);
        assert_eq!(save(&scenario, &original), text, "{}", path.display());
        // Also through the files on disk, and after an edit and its undoing.
        let folder = tempfile::tempdir().unwrap();
        let copy = folder.path().join("copy.ron");
        std::fs::write(&copy, &text).unwrap();
        let (loaded, loaded_text) = load_scenario_with_text(&copy).unwrap();
        let mut edited = loaded.clone();
        edited.staff[0].fte += 3.0;
        let saved = save_scenario_keeping_layout(&copy, &edited, Some(&loaded_text)).unwrap();
        save_scenario_keeping_layout(&copy, &loaded, Some(&saved)).unwrap();
        assert_eq!(std::fs::read_to_string(&copy).unwrap(), text);
    }
}

/// Lines of code (comments and blank lines left out).
fn code_lines(lines: &[String]) -> Vec<&str> {
    lines
        .iter()
        .map(|line| line.trim())
        .filter(|line| !line.is_empty() && !line.starts_with("//"))
        .collect()
}

/// `removed` is whole items: brackets balanced, nothing but the item's lines and
/// the comments above it.
fn assert_whole_item_removed(change: &LineChange, marker: &str, file: &str) {
    assert!(change.inserted.is_empty(), "{file}: {:?}", change.inserted);
    let code = code_lines(&change.removed);
    let joined = code.join("\n");
    assert!(joined.contains(marker), "{file}: {joined}");
    let opened = joined.matches(['(', '[']).count();
    let closed = joined.matches([')', ']']).count();
    assert_eq!(opened, closed, "{file}: {joined}");
}

#[test]
fn a_removed_item_takes_its_lines_and_comments_with_it() {
    for path in files() {
        let file = path.display().to_string();
        let (text, scenario, original) = read(&path);
        for index in [0, scenario.staff.len() - 1] {
            let mut edited = scenario.clone();
            let removed = edited.staff.remove(index);
            let change = line_change(&text, &save(&edited, &original));
            assert_whole_item_removed(&change, &format!("id: \"{}\"", removed.id), &file);
        }
        for index in 0..scenario.interventions.len() {
            let mut edited = scenario.clone();
            let removed = edited.interventions.remove(index);
            let change = line_change(&text, &save(&edited, &original));
            let label = format!("label: \"{}\"", removed.label);
            assert_whole_item_removed(&change, &label, &file);
        }
    }
}

#[test]
fn the_comments_inside_a_removed_intervention_go_with_it() {
    let path = common::save("liverpool-2019.ron");
    let (text, mut scenario, original) = read(&path);
    scenario.interventions.retain(|intervention| {
        intervention.label != "Council's own resources towards the £7.7m, 2019-20"
    });
    let saved = save(&scenario, &original);
    assert!(!saved.contains("over two years it would pay for half of them"));
    let change = line_change(&text, &saved);
    // The brackets, five lines of comment, the label, start and action.
    assert_eq!(change.removed.len(), 10, "{:?}", change.removed);
}

/// The first line of each list item as written in `text`, by path.
fn item_first_line<'t>(text: &'t str, path: &str) -> &'t str {
    let line = Locations::of(text).find(path).unwrap().line;
    text.lines().nth(line - 1).unwrap()
}

fn assert_added_like_neighbour(
    text: &str,
    saved: &str,
    neighbour: &str,
    added: &str,
    marker: &str,
    file: &str,
) {
    let change = line_change(text, saved);
    assert!(change.removed.is_empty(), "{file}: {:?}", change.removed);
    assert!(
        change.inserted.concat().contains(marker),
        "{file}: {:?}",
        change.inserted
    );
    let neighbour_line = item_first_line(text, neighbour);
    let added_line = item_first_line(saved, added);
    assert_eq!(indent(added_line), indent(neighbour_line), "{file}");
    // One line if the neighbour is on one line, laid out over lines if it is.
    let one_line = |line: &str| line.trim_end().ends_with("),");
    assert_eq!(
        one_line(added_line),
        one_line(neighbour_line),
        "{file}: {added_line} / {neighbour_line}"
    );
}

#[test]
fn an_added_item_is_written_like_its_neighbours() {
    for path in files() {
        let file = path.display().to_string();
        let (text, scenario, original) = read(&path);

        let mut edited = scenario.clone();
        let mut group = edited.staff[1].clone();
        group.id = "added".to_owned();
        group.name = "Added social workers".to_owned();
        edited.staff.push(group);
        let last = scenario.staff.len() - 1;
        let saved = save(&edited, &original);
        assert_added_like_neighbour(
            &text,
            &saved,
            &format!("staff[{last}]"),
            &format!("staff[{}]", last + 1),
            "id: \"added\"",
            &file,
        );

        let mut edited = scenario.clone();
        let mut intervention = edited.interventions[0].clone();
        intervention.label = "Added intervention".to_owned();
        edited.interventions.insert(1, intervention);
        let saved = save(&edited, &original);
        assert_added_like_neighbour(
            &text,
            &saved,
            "interventions[0]",
            "interventions[1]",
            "label: \"Added intervention\"",
            &file,
        );
    }
}

#[test]
fn a_grant_added_to_an_empty_list_is_laid_out_at_its_indentation() {
    let path = common::save("wakefield-2018.ron");
    let (text, mut scenario, original) = read(&path);
    scenario.money.grants.push(caseload::model::Grant {
        name: "Improvement grant".to_owned(),
        month: common::month(2019, 1),
        amount_gbp: 250_000.0,
    });
    let saved = save(&scenario, &original);
    let change = line_change(&text, &saved);
    assert_eq!(change.removed, ["        grants: [],\n"]);
    assert_eq!(change.inserted[0], "        grants: [\n");
    assert_eq!(change.inserted[1], "            (\n");
    assert_eq!(change.inserted.last().unwrap(), "        ],\n");
}

#[test]
fn number_spellings_are_kept_unless_the_number_changes() {
    let text = "// Spellings\n(\n    version: 2,\n    name: \"Spellings\",\n    start: \"2019-04\",\n    demand: (referrals_per_month: 4e2, looked_after: 1_250.0),\n    staff: [(id: \"experienced\", fte: 9.0, establishment: 10.0)],\n    money: (reserves_gbp: 5_000_000.0),\n)\n";
    let (mut scenario, original) = FileText::read(text).unwrap();
    scenario.money.reserves_gbp = 4_000_000.0;
    let saved = save(&scenario, &original);
    assert!(saved.contains("referrals_per_month: 4e2, looked_after: 1_250.0"));
    assert!(saved.contains("reserves_gbp: 4000000.0"));
    assert_only_value_changed(text, &saved, "money.reserves_gbp", "spellings");
    // A field the file leaves out goes in beside its neighbours, in their style.
    scenario.demand.children_in_need = 10.0;
    let saved = save(&scenario, &original);
    assert!(
        saved.contains("(referrals_per_month: 4e2, looked_after: 1_250.0, children_in_need: 10.0)")
            || saved.contains(
                "(referrals_per_month: 4e2, children_in_need: 10.0, looked_after: 1_250.0)"
            ),
        "{saved}"
    );
}

#[test]
fn the_built_in_example_saves_like_its_file() {
    let (scenario, original) = caseload::io::default_scenario_with_text();
    let text = std::fs::read_to_string(common::save("liverpool-2019.ron")).unwrap();
    assert_eq!(original.text(), text);
    let mut edited = scenario.clone();
    edited.demand.looked_after = 1300.0;
    let saved = save(&edited, &original);
    assert_only_value_changed(&text, &saved, "demand.looked_after", "example");
}

#[test]
fn a_new_scenario_is_written_in_the_canonical_layout() {
    let scenario = common::small_scenario();
    let written = write_keeping_layout(&scenario, None).unwrap();
    assert_eq!(written.layout, Layout::Canonical);
    assert_eq!(written.text, scenario_to_ron(&scenario).unwrap());
}

#[test]
fn text_that_cannot_be_followed_is_saved_canonically_with_its_comments() {
    // A map where a struct is expected still reads (ron is lenient) but is not
    // something the writer follows value by value.
    let text = "// kept\n(version: 2, name: \"M\", start: \"2019-04\", staff: [{\"id\": \"experienced\", \"fte\": 9.0, \"establishment\": 10.0}])\n";
    let Ok((mut scenario, original)) = FileText::read(text) else {
        return; // ron refuses maps for structs: nothing to show here
    };
    assert!(!original.keeps_layout());
    scenario.staff[0].fte = 8.0;
    let written = write_keeping_layout(&scenario, Some(&original)).unwrap();
    assert_eq!(written.layout, Layout::Canonical);
    assert!(written.text.starts_with("// kept\n"));
    assert_eq!(reread(&written.text), scenario);
}

/// One random edit of a scenario.
#[derive(Clone, Debug)]
enum RandomEdit {
    Number { field: usize, value: f64 },
    Name(String),
    Notes(String),
    RemoveStaff(usize),
    RemoveIntervention(usize),
    CopyIntervention { from: usize, to: usize },
    SwitchIntervention(usize),
}

fn random_edit() -> impl Strategy<Value = RandomEdit> {
    let value = prop_oneof![
        (-1000i32..100_000).prop_map(f64::from),
        -1.0e9..1.0e9f64,
        0.0..1.0f64,
    ];
    prop_oneof![
        4 => (any::<usize>(), value).prop_map(|(field, value)| RandomEdit::Number { field, value }),
        1 => "[ -~£é\n\"\\\\]{0,20}".prop_map(RandomEdit::Name),
        1 => "[ -~£é\n\"\\\\/]{0,40}".prop_map(RandomEdit::Notes),
        1 => any::<usize>().prop_map(RandomEdit::RemoveStaff),
        1 => any::<usize>().prop_map(RandomEdit::RemoveIntervention),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(from, to)| RandomEdit::CopyIntervention { from, to }),
        1 => any::<usize>().prop_map(RandomEdit::SwitchIntervention),
    ]
}

fn apply(scenario: &mut Scenario, edit: &RandomEdit) {
    match edit {
        RandomEdit::Number { field, value } => {
            let fields = fields::numeric_fields(scenario);
            if !fields.is_empty() {
                let path = &fields[field % fields.len()];
                *fields::number_mut(scenario, path).unwrap() = *value;
            }
        }
        RandomEdit::Name(name) => scenario.name = name.clone(),
        RandomEdit::Notes(notes) => scenario.notes = notes.clone(),
        RandomEdit::RemoveStaff(index) => {
            if !scenario.staff.is_empty() {
                scenario.staff.remove(index % scenario.staff.len());
            }
        }
        RandomEdit::RemoveIntervention(index) => {
            if !scenario.interventions.is_empty() {
                scenario
                    .interventions
                    .remove(index % scenario.interventions.len());
            }
        }
        RandomEdit::CopyIntervention { from, to } => {
            if !scenario.interventions.is_empty() {
                let mut copy = scenario.interventions[from % scenario.interventions.len()].clone();
                copy.label.push_str(" (copy)");
                let to = to % (scenario.interventions.len() + 1);
                scenario.interventions.insert(to, copy);
            }
        }
        RandomEdit::SwitchIntervention(index) => {
            if !scenario.interventions.is_empty() {
                let count = scenario.interventions.len();
                let intervention = &mut scenario.interventions[index % count];
                intervention.enabled = !intervention.enabled;
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_edits_read_back_as_the_edited_scenario(
        file in 0..5usize,
        edits in proptest::collection::vec(random_edit(), 1..6),
    ) {
        let path = &files()[file];
        let (_, scenario, original) = read(path);
        let mut edited = scenario.clone();
        for edit in &edits {
            apply(&mut edited, edit);
        }
        let written = write_keeping_layout(&edited, Some(&original)).unwrap();
        prop_assert_eq!(written.layout, Layout::Kept);
        prop_assert_eq!(reread(&written.text), edited.clone());
        // Saving again from the saved text changes nothing.
        let saved = FileText::read(&written.text).map(|(_, text)| text);
        if let Ok(saved) = saved {
            prop_assert_eq!(write_keeping_layout(&edited, Some(&saved)).unwrap().text, written.text);
        }
    }
}

#[test]
fn a_field_added_to_a_group_holding_only_comments_keeps_them() {
    let text = "(\n    version: 2,\n    name: \"Empty groups\",\n    start: \"2019-04\",\n    demand: (\n        // Nothing set yet.\n    ),\n    placements: ( /* none */ ),\n    staff: [(id: \"experienced\", fte: 9.0, establishment: 10.0)],\n)\n";
    let (mut scenario, original) = FileText::read(text).unwrap();
    scenario.demand.looked_after = 480.0;
    scenario.placements.in_house_foster_places = Some(40.0);
    let saved = save(&scenario, &original);
    assert!(
        saved.contains(
            "    demand: (\n        // Nothing set yet.\n        looked_after: 480.0,\n    ),\n"
        ),
        "{saved}"
    );
    assert!(
        saved.contains("placements: (in_house_foster_places: 40.0 /* none */ ),"),
        "{saved}"
    );
}

#[test]
fn a_field_added_after_a_comma_on_its_own_line_reads_back() {
    // Found by the fuzzer: the comma after the last field stood on the line of the
    // closing bracket, and a field added at the end got a second comma.
    let text = "(\n    version: 2,\n    name: \"Comma\",\n    start: \"2018-04\",\n    staff: [\n        (id: \"experienced\", fte: 9.0, establishment: 10.0),\n    ]\n,)\n";
    let (mut scenario, original) = FileText::read(text).unwrap();
    scenario.workforce.time_to_hire_months = 5.0;
    let saved = save(&scenario, &original);
    let change = changed_region(text, &saved);
    assert!(change.0.is_empty(), "{saved}");
    assert!(saved.contains("time_to_hire_months: 5.0"), "{saved}");
}
