//! Assumptions a scenario has switched on that change its figures and that no
//! published figure backs, stated in words wherever its results are read (the
//! command line summary and the report), so a reader knows what they rest on.

use crate::model::Scenario;
use crate::units;

/// One sentence per such assumption switched on; none for a scenario that uses
/// none.
pub fn switched_on_assumptions(scenario: &Scenario) -> Vec<String> {
    let effect = &scenario.demand.workload_effect;
    let mut notes = Vec::new();
    if effect.enabled {
        notes.push(format!(
            "Workload affects practice is on (an assumption, not a measured effect): strength {}, at most {}% either way; over capacity cases and plans last longer, more step up and more children are re-referred ({}% of referrals), under capacity the opposite.",
            trimmed(effect.strength, 2),
            trimmed(effect.max_change_percent, 1),
            trimmed(effect.rereferral_percent, 1),
        ));
    }
    notes
}

/// A number with at most `decimals` decimals and no trailing zeros: "0.5", "25".
fn trimmed(value: f64, decimals: usize) -> String {
    let text = units::thousands(value, decimals);
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::default_scenario;

    #[test]
    fn only_a_switched_on_effect_is_stated() {
        let mut scenario = default_scenario();
        assert!(switched_on_assumptions(&scenario).is_empty());
        scenario.demand.workload_effect.enabled = true;
        let notes = switched_on_assumptions(&scenario);
        assert_eq!(notes.len(), 1);
        assert!(
            notes[0].starts_with(
                "Workload affects practice is on (an assumption, not a measured effect): strength 0.5, at most 25% either way;"
            ),
            "{}",
            notes[0]
        );
        assert!(notes[0].contains("(22.6% of referrals)"), "{}", notes[0]);
    }
}
