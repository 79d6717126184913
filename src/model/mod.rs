//! The council model: plain data, no behaviour beyond lookups. The projection lives
//! in `sim`, reading and writing files in `io`.

pub mod calendar;
pub mod catalogue;
pub mod council;
pub mod demand;
pub mod fields;
pub mod interventions;
pub mod money;
pub mod placements;
pub mod uncertainty;
pub mod validate;
pub mod workforce;

use serde::{Deserialize, Serialize};

pub use calendar::{FinancialYear, Month};
pub use demand::{CaseWeights, Demand, ReferralOutcomes, WorkloadEffect};
pub use interventions::{Action, Intervention};
pub use money::{Grant, Money, YearBudget};
pub use placements::{PlacementKind, PlacementType, Placements};
pub use uncertainty::{Range, Shape};
pub use validate::{Problem, validate};
pub use workforce::{Burnout, StaffGroup, WorkforcePolicy};

/// The file format version this build writes, and the newest it reads.
pub const FORMAT_VERSION: u32 = 2;

/// Shortest and longest projection, in months.
pub const HORIZON_MONTHS: std::ops::RangeInclusive<u32> = 12..=120;

/// A scenario: a council baseline plus a dated plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Format version of the file (currently 2; files of version 1 are upgraded
    /// as they are read, in `io`).
    pub version: u32,
    pub name: String,
    #[serde(default)]
    pub notes: String,
    /// The council's ONS code (`"E08000012"`), tying the scenario to the council's
    /// published figures; since format 2, left out of the file when there is none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub council: Option<String>,
    /// First month projected.
    pub start: Month,
    /// Months projected (12 to 120).
    #[serde(default = "default_horizon_months")]
    pub horizon_months: u32,
    #[serde(default)]
    pub demand: Demand,
    #[serde(default)]
    pub placements: Placements,
    pub staff: Vec<StaffGroup>,
    #[serde(default)]
    pub workforce: WorkforcePolicy,
    #[serde(default)]
    pub money: Money,
    #[serde(default)]
    pub interventions: Vec<Intervention>,
    /// Ranges on inputs for Monte Carlo runs; empty for a single projection.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub uncertainty: Vec<Range>,
}

pub fn default_horizon_months() -> u32 {
    36
}

impl Scenario {
    /// Months projected, in order.
    pub fn months(&self) -> impl Iterator<Item = Month> + '_ {
        (0..self.horizon_months as i32).map(|offset| self.start.plus(offset))
    }

    pub fn end(&self) -> Month {
        self.start.plus(self.horizon_months as i32 - 1)
    }

    pub fn group_index(&self, id: &str) -> Option<usize> {
        self.staff.iter().position(|group| group.id == id)
    }

    /// `label`, or `label (2)`, `label (3)`... if an intervention already has it:
    /// each intervention needs its own label.
    pub fn unused_intervention_label(&self, label: &str) -> String {
        let used = |candidate: &str| {
            self.interventions
                .iter()
                .any(|intervention| intervention.label == candidate)
        };
        (1..)
            .map(|n| match n {
                1 => label.to_owned(),
                n => format!("{label} ({n})"),
            })
            .find(|candidate| !used(candidate))
            .unwrap_or_default()
    }

    pub fn agency_group_index(&self) -> Option<usize> {
        self.staff.iter().position(|group| group.agency)
    }
}
