//! Placements of looked-after children and what they cost.

use serde::{Deserialize, Serialize};

/// The kinds of placement the model tracks, in a fixed order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlacementKind {
    InHouseFoster,
    IndependentFostering,
    Residential,
    Kinship,
    Other,
}

impl PlacementKind {
    pub const ALL: [PlacementKind; 5] = [
        PlacementKind::InHouseFoster,
        PlacementKind::IndependentFostering,
        PlacementKind::Residential,
        PlacementKind::Kinship,
        PlacementKind::Other,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    /// Words a finance officer uses.
    pub fn label(self) -> &'static str {
        match self {
            PlacementKind::InHouseFoster => "In-house foster care",
            PlacementKind::IndependentFostering => "Independent fostering agency (IFA)",
            PlacementKind::Residential => "Residential children's home",
            PlacementKind::Kinship => "Connected / kinship carers",
            PlacementKind::Other => "Other placements",
        }
    }

    /// Short name used in file fields and CSV headers.
    pub fn key(self) -> &'static str {
        match self {
            PlacementKind::InHouseFoster => "in_house_foster",
            PlacementKind::IndependentFostering => "independent_fostering",
            PlacementKind::Residential => "residential",
            PlacementKind::Kinship => "kinship",
            PlacementKind::Other => "other",
        }
    }
}

/// How looked-after children are placed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Placements {
    pub in_house_foster: PlacementType,
    pub independent_fostering: PlacementType,
    pub residential: PlacementType,
    pub kinship: PlacementType,
    pub other: PlacementType,
    /// Places the council's own foster carers can offer (children). When they are
    /// full, new in-house placements go to independent fostering agencies instead.
    /// Leave out for no limit.
    pub in_house_foster_places: Option<f64>,
}

/// One kind of placement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct PlacementType {
    /// Share of children in care placed this way at the start (%; all kinds sum to 100).
    pub current_percent: f64,
    /// Share of new entries to care placed this way (%; all kinds sum to 100).
    pub new_entry_percent: f64,
    /// Cost per child per week at the start (£ per week).
    pub weekly_cost_gbp: f64,
    /// Yearly rise in that weekly cost (% per year).
    pub cost_growth_percent_per_year: f64,
}

impl PlacementType {
    fn new(share_percent: f64, weekly_cost_gbp: f64, growth_percent: f64) -> Self {
        Self {
            current_percent: share_percent,
            new_entry_percent: share_percent,
            weekly_cost_gbp,
            cost_growth_percent_per_year: growth_percent,
        }
    }
}

impl Default for PlacementType {
    fn default() -> Self {
        Self::new(0.0, 0.0, 0.0)
    }
}

impl Placements {
    pub fn get(&self, kind: PlacementKind) -> &PlacementType {
        match kind {
            PlacementKind::InHouseFoster => &self.in_house_foster,
            PlacementKind::IndependentFostering => &self.independent_fostering,
            PlacementKind::Residential => &self.residential,
            PlacementKind::Kinship => &self.kinship,
            PlacementKind::Other => &self.other,
        }
    }

    pub fn get_mut(&mut self, kind: PlacementKind) -> &mut PlacementType {
        match kind {
            PlacementKind::InHouseFoster => &mut self.in_house_foster,
            PlacementKind::IndependentFostering => &mut self.independent_fostering,
            PlacementKind::Residential => &mut self.residential,
            PlacementKind::Kinship => &mut self.kinship,
            PlacementKind::Other => &mut self.other,
        }
    }
}

/// Placement kinds by position in [`PlacementKind::ALL`], for the catalogue of
/// inputs, which names them by position. A position past the last kind is a bug.
impl std::ops::Index<usize> for Placements {
    type Output = PlacementType;
    fn index(&self, position: usize) -> &PlacementType {
        self.get(PlacementKind::ALL[position])
    }
}

impl std::ops::IndexMut<usize> for Placements {
    fn index_mut(&mut self, position: usize) -> &mut PlacementType {
        self.get_mut(PlacementKind::ALL[position])
    }
}

impl Default for Placements {
    /// England, 31 March 2019 (DfE Children looked after): 72% in foster care, of
    /// which 13 points with family or friends (kinship) and about 36% of fostered
    /// children (26 points) with IFAs, leaving 33 in-house; 12% in children's homes,
    /// secure units or semi-independent living; 16% other (placed with parents,
    /// placed for adoption, other). Weekly costs: in-house £450-650 (midpoint £550),
    /// IFA £850-950 (£900), independent residential £3,970 in 2018-19 rising 6-7% a
    /// year (6.5%). Kinship (£300) and other (£400) costs and the 2% rise for
    /// non-residential costs are assumptions: no published national figure.
    fn default() -> Self {
        Self {
            in_house_foster: PlacementType::new(33.0, 550.0, 2.0),
            independent_fostering: PlacementType::new(26.0, 900.0, 2.0),
            residential: PlacementType::new(12.0, 3_970.0, 6.5),
            kinship: PlacementType::new(13.0, 300.0, 2.0),
            other: PlacementType::new(16.0, 400.0, 2.0),
            in_house_foster_places: None,
        }
    }
}
