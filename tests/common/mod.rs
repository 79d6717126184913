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
