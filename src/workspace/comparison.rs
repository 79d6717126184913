//! Which open scenarios the charts compare, and which one is the baseline.
//! The pair is chosen once and kept: switching tabs only changes what the
//! editor edits, and "Swap" is the one way to swap A and B.

/// What the person chose to compare.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ComparisonChoice {
    pub enabled: bool,
    /// The baseline's tab (A), usually "do nothing"; `None` until settled.
    pub baseline: Option<usize>,
    /// The tab set against it (B), usually the plan; `None` until settled.
    pub scenario: Option<usize>,
    /// Tabs left off the charts.
    pub hidden: Vec<bool>,
}

/// The tab a comparison starts from as its baseline: the first whose name says
/// "do nothing", otherwise the first tab.
fn default_baseline(names: &[&str]) -> usize {
    names
        .iter()
        .position(|name| {
            let name = name.to_lowercase();
            name.contains("do nothing") || name.contains("do-nothing")
        })
        .unwrap_or(0)
}

impl ComparisonChoice {
    /// The baseline (A) and the scenario (B) tabs, or `None` with fewer than two
    /// scenarios. Choices not yet made take their defaults: A the "do nothing"
    /// tab (or the first), B the tab being edited (or the first other).
    pub fn pair(&self, names: &[&str], active: usize) -> Option<(usize, usize)> {
        let count = names.len();
        if count < 2 {
            return None;
        }
        let baseline = self
            .baseline
            .filter(|index| *index < count)
            .unwrap_or_else(|| default_baseline(names));
        let first_other = || (0..count).find(|index| *index != baseline);
        let scenario = match self.scenario.filter(|index| *index < count) {
            Some(scenario) if scenario != baseline => Some(scenario),
            _ if active != baseline && active < count => Some(active),
            _ => first_other(),
        }?;
        Some((baseline, scenario))
    }

    /// Makes the pair explicit, so switching tabs later keeps it.
    pub fn settle(&mut self, names: &[&str], active: usize) -> Option<(usize, usize)> {
        let (baseline, scenario) = self.pair(names, active)?;
        self.baseline = Some(baseline);
        self.scenario = Some(scenario);
        Some((baseline, scenario))
    }

    /// Chooses a new baseline; if it was B, B takes the old baseline's place.
    pub fn choose_baseline(&mut self, names: &[&str], active: usize, baseline: usize) {
        let Some((old_baseline, scenario)) = self.settle(names, active) else {
            return;
        };
        self.baseline = Some(baseline);
        if scenario == baseline {
            self.scenario = Some(old_baseline);
        }
    }

    /// Chooses a new scenario (B); if it was the baseline, A takes B's old place.
    pub fn choose_scenario(&mut self, names: &[&str], active: usize, scenario: usize) {
        let Some((baseline, old_scenario)) = self.settle(names, active) else {
            return;
        };
        self.scenario = Some(scenario);
        if baseline == scenario {
            self.baseline = Some(old_scenario);
        }
    }

    /// Swaps A and B: the only way they swap.
    pub fn swap(&mut self, names: &[&str], active: usize) {
        if let Some((baseline, scenario)) = self.settle(names, active) {
            self.baseline = Some(scenario);
            self.scenario = Some(baseline);
        }
    }

    /// The tabs shown on the charts: all that are not hidden when comparing,
    /// otherwise the one being edited.
    pub fn shown(&self, active: usize, count: usize) -> Vec<usize> {
        if self.enabled && count > 1 {
            (0..count)
                .filter(|index| !self.hidden.get(*index).copied().unwrap_or(false))
                .collect()
        } else {
            vec![active]
        }
    }

    /// Keeps the choice pointing at the same tabs after one is closed; a closed
    /// A or B goes back to its default.
    pub fn forget_tab(&mut self, index: usize, count: usize) {
        if index < self.hidden.len() {
            self.hidden.remove(index);
        }
        let shift = |choice: Option<usize>| match choice {
            Some(tab) if tab == index => None,
            Some(tab) if tab > index => Some(tab - 1),
            other => other,
        };
        self.baseline = shift(self.baseline);
        self.scenario = shift(self.scenario);
        if count < 2 {
            self.enabled = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAMES: [&str; 3] = ["Plan", "Liverpool: do nothing", "Stretch"];

    #[test]
    fn the_baseline_defaults_to_do_nothing_and_stays_when_tabs_change() {
        let mut choice = ComparisonChoice::default();
        assert_eq!(choice.settle(&NAMES, 0), Some((1, 0)));
        // Editing the baseline's tab, then the third: A and B stay.
        assert_eq!(choice.pair(&NAMES, 1), Some((1, 0)));
        assert_eq!(choice.pair(&NAMES, 2), Some((1, 0)));
        choice.swap(&NAMES, 2);
        assert_eq!(choice.pair(&NAMES, 2), Some((0, 1)));
        // Without a "do nothing" tab, the first is the baseline.
        let plain = ComparisonChoice::default();
        assert_eq!(plain.pair(&["One", "Two"], 0), Some((0, 1)));
        assert_eq!(plain.pair(&["One", "Two"], 1), Some((0, 1)));
        assert_eq!(plain.pair(&["One"], 0), None);
    }

    #[test]
    fn choosing_the_other_side_swaps_rather_than_pairing_a_tab_with_itself() {
        let mut choice = ComparisonChoice::default();
        choice.choose_baseline(&NAMES, 0, 0);
        assert_eq!(choice.pair(&NAMES, 0), Some((0, 1)));
        choice.choose_scenario(&NAMES, 0, 2);
        assert_eq!(choice.pair(&NAMES, 0), Some((0, 2)));
        choice.forget_tab(2, 2);
        assert_eq!(choice.pair(&NAMES[..2], 0), Some((0, 1)));
    }
}
