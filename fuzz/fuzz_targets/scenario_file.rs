//! Any bytes as a scenario file: parse and check them, and if they make a valid
//! scenario, project it, write it back (with the file's comments put back) and
//! read that again. Nothing may panic or hang, and what is written must read back
//! as the same scenario.

#![no_main]

use caseload::io::{FileComments, parse_scenario, scenario_to_ron};
use caseload::project;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    // Files that are not UTF-8 are refused before parsing (tested elsewhere).
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let Ok(scenario) = parse_scenario(text) else {
        return;
    };
    let projection = project(&scenario);
    assert_eq!(projection.rows.len(), scenario.horizon_months as usize);
    let Ok(written) = scenario_to_ron(&scenario) else {
        panic!("a valid scenario could not be written");
    };
    let written = FileComments::of(text, &scenario).put_into(&written, &scenario);
    match parse_scenario(&written) {
        Ok(again) => assert_eq!(again, scenario, "written and read back differs"),
        Err(problems) => panic!("a written scenario does not read back: {problems:?}"),
    }
});
