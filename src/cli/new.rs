//! `caseload new --council NAME_OR_CODE [--year YYYY] [--out FILE]`: a scenario
//! for any English council from its published figures.

use std::path::Path;

use crate::council_scenario;
use crate::published;
use crate::units::children;

use super::Produced;
use super::outputs::OutputFile;

/// The scenario's text (to standard output without `--out`), or the file and a
/// line saying what it holds.
/// "1 referral" or "562 referrals", as the count is shown (rounded).
fn referrals(per_month: f64) -> String {
    let shown = children(per_month);
    if shown == "1" {
        "1 referral".to_owned()
    } else {
        format!("{shown} referrals")
    }
}

pub fn new_scenario(council: &str, year: Option<i32>, out: Option<&Path>) -> Produced {
    let council = published::find(council)?;
    let built = council_scenario::build(council, year)?;
    let Some(out) = out else {
        return Ok((built.text, Vec::new()));
    };
    let demand = &built.scenario.demand;
    let mut report = format!(
        "{} ({}), from the published figures for the year ending 31 March {}, starting {}: \
         {} children in need, {} on child protection plans, {} in care, {} a month.\n",
        council.name,
        council.code,
        built.year,
        built.scenario.start.label(),
        children(demand.children_in_need),
        children(demand.child_protection),
        children(demand.looked_after),
        referrals(demand.referrals_per_month)
    );
    if built.stand_ins.is_empty() {
        report.push_str("Every figure is the council's own or a stated assumption.\n");
    } else {
        report.push_str("England's figures stood in for:\n");
        for stand_in in &built.stand_ins {
            report.push_str(&format!("  {stand_in}\n"));
        }
    }
    Ok((
        report,
        vec![OutputFile {
            path: out.to_owned(),
            what: format!("the scenario for {}", council.name),
            bytes: built.text.into_bytes(),
        }],
    ))
}
