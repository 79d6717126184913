//! A small scenario built in code, for tests that need to change one thing at a time.

#![allow(dead_code)]

use caseload::model::{
    Action, FinancialYear, Intervention, Money, Month, Scenario, StaffGroup, YearBudget,
};

pub fn month(year: i32, number: u32) -> Month {
    Month::new(year, number).unwrap()
}

/// 100 experienced social workers (cap 20) and nothing else; England-average demand.
pub fn small_scenario() -> Scenario {
    Scenario {
        version: caseload::model::FORMAT_VERSION,
        name: "Test council".to_owned(),
        notes: String::new(),
        council: None,
        start: month(2019, 4),
        horizon_months: 36,
        demand: Default::default(),
        placements: Default::default(),
        staff: vec![StaffGroup {
            id: "experienced".to_owned(),
            name: "Experienced social workers".to_owned(),
            fte: 100.0,
            establishment: 100.0,
            ..StaffGroup::default()
        }],
        workforce: Default::default(),
        money: Money {
            budgets: vec![YearBudget {
                year: FinancialYear(2019),
                budget_gbp: 40_000_000.0,
            }],
            ..Money::default()
        },
        interventions: Vec::new(),
        uncertainty: Vec::new(),
    }
}

pub fn intervention(label: &str, start: Month, action: Action) -> Intervention {
    Intervention {
        label: label.to_owned(),
        enabled: true,
        start,
        action,
    }
}

pub fn all_saves() -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/saves"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "ron"))
        .collect();
    files.sort();
    files
}

pub fn save(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("saves")
        .join(name)
}

/// The names in a folder, sorted.
pub fn names_in(folder: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A file dropped onto the window, as the window system would hand it over.
#[derive(Debug)]
pub struct DroppedPath(pub std::path::PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &std::path::Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|error| error.to_string())
    }
}

/// Runs the `caseload` program from the project's folder, as a person would.
pub fn caseload(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_caseload"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

/// A program's output as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Checks that the README's block written by `test_file`'s test `test_name` is
/// `block`; with `UPDATE_README_EXAMPLES` set, writes it there instead.
pub fn readme_block_is(test_file: &str, test_name: &str, block: &str) {
    let manifest = env!("CARGO_MANIFEST_DIR");
    let path = format!("{manifest}/README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let begin = format!("<!-- The block below is written by {test_file} ({test_name}). -->\n");
    let end = format!("<!-- End of the block written by {test_file}. -->");
    let start = readme.find(&begin).expect("the README marks the block") + begin.len();
    let finish = readme[start..]
        .find(&end)
        .expect("the README marks its end")
        + start;
    if std::env::var_os("UPDATE_README_EXAMPLES").is_some() {
        let updated = format!("{}{block}{}", &readme[..start], &readme[finish..]);
        std::fs::write(&path, updated).unwrap();
        return;
    }
    let in_readme = &readme[start..finish];
    if in_readme != block {
        let wrong = in_readme.lines().zip(block.lines()).find(|(a, b)| a != b);
        panic!(
            "the README's block from {test_name} is not this build's (first difference: \
             {wrong:?}); run the test with UPDATE_README_EXAMPLES=1"
        );
    }
}

/// File dialogs that are never answered, for window tests that open files
/// directly.
pub struct NoDialogs;

impl caseload::app::FileDialogs for NoDialogs {
    fn open_scenario(&mut self, _folder: Option<&std::path::Path>) -> Option<std::path::PathBuf> {
        None
    }
    fn save_file(
        &mut self,
        _folder: Option<&std::path::Path>,
        _name: &str,
        _kind: caseload::workspace::FileKind,
    ) -> Option<std::path::PathBuf> {
        None
    }
}

/// Answers to the file dialogs, queued by a test before the click that opens them.
#[derive(Clone, Default)]
pub struct Answers {
    pub open: std::rc::Rc<std::cell::RefCell<std::collections::VecDeque<std::path::PathBuf>>>,
    pub save: std::rc::Rc<std::cell::RefCell<std::collections::VecDeque<std::path::PathBuf>>>,
}

/// File dialogs that give the queued answers, oldest first (`None` when none is left).
pub struct ScriptedDialogs(pub Answers);

impl caseload::app::FileDialogs for ScriptedDialogs {
    fn open_scenario(&mut self, _folder: Option<&std::path::Path>) -> Option<std::path::PathBuf> {
        self.0.open.borrow_mut().pop_front()
    }
    fn save_file(
        &mut self,
        _folder: Option<&std::path::Path>,
        _name: &str,
        _kind: caseload::workspace::FileKind,
    ) -> Option<std::path::PathBuf> {
        self.0.save.borrow_mut().pop_front()
    }
}
