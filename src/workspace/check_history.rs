//! What the "Check against history" window holds between frames: the council and
//! start year chosen, and the backtests worked out for them, kept until what they
//! were worked out from changes.

use crate::history::all::has_enough_history;
use crate::history::{Backtest, backtest_council, backtest_scenario};
use crate::model::Scenario;
use crate::published::{self, Council};

#[derive(Clone, Debug, Default)]
pub struct CheckHistory {
    pub open: bool,
    /// The open scenario's council code, as last seen.
    council: Option<String>,
    /// The year ending 31 March the backtest starts from; `None` = the default.
    pub start_year: Option<i32>,
    /// The council's backtest from a start year, and that year and council.
    backtest: Option<((String, i32), Result<Backtest, String>)>,
    /// The open scenario, and its backtest as written.
    as_written: Option<(Scenario, Result<Backtest, String>)>,
}

/// The years ending 31 March a council can be backtested from: those with the
/// three years the 3-year trend needs and something published after them.
pub fn start_years(council: &Council) -> Vec<i32> {
    let latest = council.latest_year().unwrap_or(i32::MIN);
    council
        .years
        .iter()
        .map(|entry| entry.year)
        .filter(|year| *year < latest && has_enough_history(council, *year))
        .collect()
}

/// The start year shown first: the scenario's own (the year ending the 31 March
/// before it starts) where the council can be backtested from it; otherwise
/// three years before the latest possible, so that three years can be judged.
pub fn default_start(council: &Council, scenario: &Scenario) -> Option<i32> {
    let years = start_years(council);
    let own = scenario_start_year(scenario);
    if years.contains(&own) {
        return Some(own);
    }
    let latest = *years.last()?;
    years
        .iter()
        .rev()
        .find(|year| **year <= latest - 3)
        .or(years.first())
        .copied()
}

/// The year ending 31 March whose figures a scenario starts from, as
/// [`backtest_scenario`] counts it.
pub fn scenario_start_year(scenario: &Scenario) -> i32 {
    scenario.start.financial_year().0
}

impl CheckHistory {
    /// Opens the window on the open scenario's council.
    pub fn open_on(&mut self, scenario: &Scenario) {
        self.open = true;
        let _ = self.refresh(scenario);
    }

    /// The council of the open scenario, if its code is one the published
    /// figures know.
    pub fn council(&self) -> Option<&'static Council> {
        self.council.as_deref().and_then(published::by_code)
    }

    /// The council code of the open scenario, known or not.
    pub fn council_code(&self) -> Option<&str> {
        self.council.as_deref()
    }

    /// The start year in use: the one chosen, or the default.
    pub fn chosen_start(&self) -> Option<i32> {
        self.backtest.as_ref().map(|((_, year), _)| *year)
    }

    /// The council's backtest from the start year in use.
    pub fn backtest(&self) -> Option<&Result<Backtest, String>> {
        self.backtest.as_ref().map(|(_, backtest)| backtest)
    }

    /// The open scenario's backtest as written.
    pub fn as_written(&self) -> Option<&Result<Backtest, String>> {
        self.as_written.as_ref().map(|(_, backtest)| backtest)
    }

    /// Follows the open scenario (another tab, a new council code, an edit) and
    /// the start year chosen, working out again only what they changed. Called
    /// at the end of a frame while the window is open; says whether anything
    /// changed, so that the window is drawn again.
    pub fn refresh(&mut self, scenario: &Scenario) -> bool {
        let mut changed = false;
        if self.council != scenario.council {
            self.council = scenario.council.clone();
            self.start_year = None;
            changed = true;
        }
        let Some(council) = self.council() else {
            changed |= self.backtest.is_some() || self.as_written.is_some();
            self.backtest = None;
            self.as_written = None;
            return changed;
        };
        let wanted = self
            .start_year
            .filter(|year| start_years(council).contains(year))
            .or_else(|| default_start(council, scenario));
        match wanted {
            Some(year) => {
                let key = (council.code.clone(), year);
                if self.backtest.as_ref().map(|(done, _)| done) != Some(&key) {
                    self.backtest = Some((key, backtest_council(council, year)));
                    changed = true;
                }
            }
            None => {
                changed |= self.backtest.is_some();
                self.backtest = None;
            }
        }
        if self.as_written.as_ref().map(|(done, _)| done) != Some(scenario) {
            self.as_written = Some((scenario.clone(), backtest_scenario(scenario)));
            changed = true;
        }
        changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn liverpool_starts_from_its_own_year_and_follows_the_choice() {
        let mut scenario = crate::io::default_scenario();
        scenario.start = crate::model::Month::new(2019, 4).expect("a month");
        let mut state = CheckHistory::default();
        state.open_on(&scenario);
        assert_eq!(state.chosen_start(), Some(2019));
        let backtest = state
            .backtest()
            .and_then(|result| result.as_ref().ok())
            .expect("a backtest");
        assert_eq!(backtest.start_year, 2019);
        assert!(state.as_written().is_some());
        state.start_year = Some(2020);
        assert!(state.refresh(&scenario));
        assert_eq!(state.chosen_start(), Some(2020));
        // A year it cannot start from falls back to the default.
        state.start_year = Some(1990);
        assert!(state.refresh(&scenario));
        assert_eq!(state.chosen_start(), Some(2019));
        assert!(
            !state.refresh(&scenario),
            "nothing changed, nothing worked out"
        );
    }

    #[test]
    fn no_code_or_an_unknown_one_gives_no_backtest() {
        let mut scenario = crate::io::default_scenario();
        scenario.council = None;
        let mut state = CheckHistory::default();
        state.open_on(&scenario);
        assert!(state.council().is_none() && state.backtest().is_none());
        scenario.council = Some("E08999999".to_owned());
        assert!(state.refresh(&scenario));
        assert_eq!(state.council_code(), Some("E08999999"));
        assert!(state.council().is_none() && state.backtest().is_none());
    }

    #[test]
    fn the_default_start_is_three_years_before_the_latest_possible() {
        let council = published::by_code("E08000012").expect("Liverpool");
        let years = start_years(council);
        let latest = *years.last().expect("start years");
        let mut scenario = crate::io::default_scenario();
        scenario.start = crate::model::Month::new(2030, 4).expect("a month");
        assert_eq!(default_start(council, &scenario), Some(latest - 3));
    }
}
