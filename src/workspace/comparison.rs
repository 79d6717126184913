//! Which open scenarios the charts compare, and which one is the baseline.

/// What the person chose to compare.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ComparisonChoice {
    pub enabled: bool,
    /// The baseline (A), usually "do nothing". The scenario being edited is B.
    pub baseline: usize,
    /// Tabs left off the charts.
    pub hidden: Vec<bool>,
}

impl ComparisonChoice {
    /// The baseline's tab, or `None` with fewer than two scenarios. If the chosen
    /// baseline is the one being edited, the first other tab stands in.
    pub fn baseline_for(&self, active: usize, count: usize) -> Option<usize> {
        if count < 2 {
            return None;
        }
        let baseline = self.baseline.min(count - 1);
        if baseline == active {
            (0..count).find(|index| *index != active)
        } else {
            Some(baseline)
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

    /// Keeps the choice pointing at the same tabs after one is closed.
    pub fn forget_tab(&mut self, index: usize, count: usize) {
        if index < self.hidden.len() {
            self.hidden.remove(index);
        }
        if self.baseline > index {
            self.baseline -= 1;
        }
        self.baseline = self.baseline.min(count.saturating_sub(1));
        if count < 2 {
            self.enabled = false;
        }
    }
}
