//! Files of older format versions, upgraded as they are read, so that every file
//! a released Caseload wrote still opens (README, "Versions").
//!
//! Format 1 to 2: format 2 added the optional `council` (the council's ONS
//! code). A file of format 1 has none, so upgrading it sets `version` to 2 and
//! changes nothing else; the next save writes `version: 2` and leaves the rest of
//! the file as it was.

use crate::model::{FORMAT_VERSION, Problem, Scenario};

/// The scenario in the current format.
pub(super) fn upgrade(mut scenario: Scenario) -> Scenario {
    scenario.version = scenario.version.max(FORMAT_VERSION);
    scenario
}

/// Fields the file holds that its own version does not have: a file of format
/// 1 with a `council` was not written by any Caseload, and says which it is
/// meant to be only when its version says so.
pub(super) fn fields_newer_than_the_file(scenario: &Scenario) -> Vec<Problem> {
    let mut problems = Vec::new();
    if scenario.version < 2 && scenario.council.is_some() {
        problems.push(Problem {
            path: "council".to_owned(),
            message: format!(
                "the council came in format version 2, but this file says it is format version {}; write `version: 2` at the top of the file to keep it",
                scenario.version
            ),
        });
    }
    problems
}
