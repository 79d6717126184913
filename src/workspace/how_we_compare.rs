//! What the "How we compare" window holds between frames: which council, which
//! year, which figure the ranked bars show, and what is typed in the search box.

use crate::published::{self, neighbours::Indicator};

#[derive(Clone, Debug, PartialEq)]
pub struct HowWeCompare {
    pub open: bool,
    /// Text typed to find a council.
    pub search: String,
    /// The chosen council's ONS code.
    pub council: Option<String>,
    /// Year ending 31 March; `None` = the council's latest.
    pub year: Option<i32>,
    /// The figure the ranked bars show.
    pub indicator: Indicator,
}

impl Default for HowWeCompare {
    fn default() -> Self {
        Self {
            open: false,
            search: String::new(),
            council: None,
            year: None,
            indicator: Indicator::ChildrenInCarePer10k,
        }
    }
}

impl HowWeCompare {
    /// Opens the window on `council` (a scenario's ONS code) where it names one
    /// the published figures know; otherwise on what was chosen before.
    pub fn open_on(&mut self, council: Option<&str>) {
        self.open = true;
        if let Some(found) = council.and_then(published::by_code)
            && self.council.as_deref() != Some(found.code.as_str())
        {
            self.council = Some(found.code.clone());
            self.search = found.name.clone();
            self.year = None;
        }
    }

    /// Chooses a council from the search results.
    pub fn choose(&mut self, code: &str) {
        if let Some(found) = published::by_code(code) {
            self.council = Some(found.code.clone());
            self.search = found.name.clone();
            self.year = None;
        }
    }
}
