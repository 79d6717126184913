//! What File > New from council… holds between frames: the search, the chosen
//! council and year, and the scenario built for them, to show what will be
//! filled in and from where before it opens.

use crate::council_scenario::{self, CouncilScenario};
use crate::published;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct NewFromCouncil {
    pub open: bool,
    /// Text typed to find a council.
    pub search: String,
    /// The chosen council's ONS code.
    pub council: Option<String>,
    /// Year ending 31 March; `None` = the council's latest with data.
    pub year: Option<i32>,
    /// The scenario for the chosen council and year, built once per choice.
    pub preview: Option<Result<CouncilScenario, String>>,
    /// Put the cursor in the search box on the next frame (just opened).
    pub focus_search: bool,
}

impl NewFromCouncil {
    pub fn open(&mut self) {
        self.open = true;
        self.focus_search = true;
    }

    /// Chooses a council from the search results (its latest year).
    pub fn choose(&mut self, code: &str) {
        if let Some(found) = published::by_code(code) {
            self.council = Some(found.code.clone());
            self.search = found.name.clone();
            self.year = None;
            self.rebuild();
        }
    }

    /// Chooses the year ending 31 March to start from.
    pub fn choose_year(&mut self, year: i32) {
        self.year = Some(year);
        self.rebuild();
    }

    /// Builds the preview for the current choice (under 50 ms; measured in
    /// BENCHMARKS.md), so drawing never builds it.
    fn rebuild(&mut self) {
        self.preview = self
            .council
            .as_deref()
            .and_then(published::by_code)
            .map(|council| council_scenario::build(council, self.year));
    }
}
