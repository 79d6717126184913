//! The window's charts of one scenario, two a tab: each chart's title, what its
//! subtitle explains, its y axis, and its fixed series (name, colour, what it
//! plots). Series that depend on the scenario (one per staff group, per cap,
//! per placement kind, per spending category) take their colour from the rule
//! written beside the chart here. Comparisons and PNG export use
//! [`ReportChart`](super::ReportChart), which takes its title and axis from
//! these where it shows the same chart.

use super::{ChartTab, MONTH_AXIS, YEAR_AXIS};
use crate::sim::MonthRow;

/// Reads what a series plots from one month's row (`None`: no value that month).
pub type RowValue = fn(&MonthRow) -> Option<f64>;

/// How a series is coloured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeriesColour {
    /// An entry of the [palette](super::series_colour).
    Palette(usize),
    /// The theme's colour for reference lines (budgets, vacancies).
    Reference,
}

/// One fixed series of a chart.
#[derive(Clone, Copy, Debug)]
pub struct SeriesDefinition {
    pub name: &'static str,
    pub colour: SeriesColour,
    pub dashed: bool,
    /// Shade the area under the line.
    pub filled: bool,
    /// What it plots, in the units of the chart's y axis.
    pub value: RowValue,
}

const fn line(name: &'static str, colour: usize, value: RowValue) -> SeriesDefinition {
    SeriesDefinition {
        name,
        colour: SeriesColour::Palette(colour),
        dashed: false,
        filled: false,
        value,
    }
}

/// How values on a chart's y axis are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AxisValues {
    Caseload,
    Count,
    /// Already in percent (0 to 100).
    Percent,
    Fte,
    Pounds,
}

/// A chart of one scenario in the window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScenarioChart {
    AverageCaseload,
    CasesAboveCapacity,
    ChildrenWithOpenCases,
    ChildrenInCareByPlacement,
    StaffByGroup,
    AgencyShare,
    MonthlySpendByCategory,
    YearlySpend,
}

impl ScenarioChart {
    pub const ALL: [ScenarioChart; 8] = [
        ScenarioChart::AverageCaseload,
        ScenarioChart::CasesAboveCapacity,
        ScenarioChart::ChildrenWithOpenCases,
        ScenarioChart::ChildrenInCareByPlacement,
        ScenarioChart::StaffByGroup,
        ScenarioChart::AgencyShare,
        ScenarioChart::MonthlySpendByCategory,
        ScenarioChart::YearlySpend,
    ];

    pub fn title(self) -> &'static str {
        match self {
            ScenarioChart::AverageCaseload => "Average caseload per case-holding FTE",
            ScenarioChart::CasesAboveCapacity => "Cases above capacity",
            ScenarioChart::ChildrenWithOpenCases => "Children with open cases",
            ScenarioChart::ChildrenInCareByPlacement => "Children in care by placement",
            ScenarioChart::StaffByGroup => "Staff in post by group",
            ScenarioChart::AgencyShare => "Agency share and staff over their cap",
            ScenarioChart::MonthlySpendByCategory => "Spend each month by category",
            ScenarioChart::YearlySpend => "Spend against funding by financial year",
        }
    }

    /// What the chart shows beyond its title, shown beside it.
    pub fn subtitle(self) -> &'static str {
        match self {
            ScenarioChart::AverageCaseload => {
                "against the cap: each group's cap weighted by its case-holding staff; above it, the month is over cap"
            }
            ScenarioChart::CasesAboveCapacity => {
                "cases no one can hold within the caps (\"unallocated\"), and cases held by contracted teams"
            }
            ScenarioChart::ChildrenWithOpenCases => "at the start of each month",
            ScenarioChart::ChildrenInCareByPlacement => {
                "stacked; new in-house placements go to IFAs when in-house places are full"
            }
            ScenarioChart::StaffByGroup => {
                "FTE at the start of each month; agency staff cover vacant case-holding capacity"
            }
            ScenarioChart::AgencyShare => {
                "% of all FTE; % of case-holding staff above their own caseload cap"
            }
            ScenarioChart::MonthlySpendByCategory => {
                "stacked, against the month's share of the year's budget"
            }
            ScenarioChart::YearlySpend => {
                "funding = budget (pro rata for part years) + grants; the label is the variance"
            }
        }
    }

    /// The y axis title.
    pub fn y_label(self) -> &'static str {
        match self {
            ScenarioChart::AverageCaseload => "Cases per FTE",
            ScenarioChart::CasesAboveCapacity => "Cases",
            ScenarioChart::ChildrenWithOpenCases | ScenarioChart::ChildrenInCareByPlacement => {
                "Children"
            }
            ScenarioChart::StaffByGroup => "FTE",
            ScenarioChart::AgencyShare => "% of staff",
            ScenarioChart::MonthlySpendByCategory => "£ a month",
            ScenarioChart::YearlySpend => "£ in the year",
        }
    }

    /// The x axis title.
    pub fn x_label(self) -> &'static str {
        if self == ScenarioChart::YearlySpend {
            YEAR_AXIS
        } else {
            MONTH_AXIS
        }
    }

    pub fn axis_values(self) -> AxisValues {
        match self {
            ScenarioChart::AverageCaseload => AxisValues::Caseload,
            ScenarioChart::CasesAboveCapacity
            | ScenarioChart::ChildrenWithOpenCases
            | ScenarioChart::ChildrenInCareByPlacement => AxisValues::Count,
            ScenarioChart::StaffByGroup => AxisValues::Fte,
            ScenarioChart::AgencyShare => AxisValues::Percent,
            ScenarioChart::MonthlySpendByCategory | ScenarioChart::YearlySpend => {
                AxisValues::Pounds
            }
        }
    }

    /// Words after a value when the pointer is on a series: " cases per FTE".
    pub fn hover_unit(self) -> &'static str {
        match self {
            ScenarioChart::AverageCaseload => " cases per FTE",
            ScenarioChart::CasesAboveCapacity => " cases",
            ScenarioChart::ChildrenWithOpenCases | ScenarioChart::ChildrenInCareByPlacement => {
                " children"
            }
            ScenarioChart::MonthlySpendByCategory => " a month",
            ScenarioChart::StaffByGroup
            | ScenarioChart::AgencyShare
            | ScenarioChart::YearlySpend => "",
        }
    }

    /// The chart's fixed series, drawn after any that depend on the scenario:
    /// the average caseload comes before its weighted cap (dashed); a line per staff group (palette by group) comes before
    /// all staff (grey); placements are stacked by kind (palette by kind) and spend by
    /// category (palette by category) under the budget line.
    pub fn series(self) -> &'static [SeriesDefinition] {
        match self {
            ScenarioChart::AverageCaseload => AVERAGE_CASELOAD,
            ScenarioChart::CasesAboveCapacity => CASES_ABOVE_CAPACITY,
            ScenarioChart::ChildrenWithOpenCases => CHILDREN_WITH_OPEN_CASES,
            ScenarioChart::StaffByGroup => STAFF_BY_GROUP,
            ScenarioChart::AgencyShare => AGENCY_SHARE,
            ScenarioChart::MonthlySpendByCategory => MONTHLY_SPEND,
            ScenarioChart::ChildrenInCareByPlacement | ScenarioChart::YearlySpend => &[],
        }
    }

    /// The bars of the yearly chart: spend, then funding, each with its colour.
    pub const YEAR_BARS: [(&'static str, usize); 2] = [("Spend", 4), ("Funding", 0)];

    /// Palette colour of a placement kind's stack (by the kind's index).
    pub fn placement_colour(kind_index: usize) -> usize {
        kind_index
    }
}

/// The average caseload and the cap it is measured against: over cap means the
/// line is above the dashed one ([`crate::sim::Workload::is_over_cap`]).
const AVERAGE_CASELOAD: &[SeriesDefinition] = &[
    line("Average caseload", 0, |row| row.workload.average_caseload),
    SeriesDefinition {
        name: "Cap (weighted)",
        // Not the reference colour: the intervention-start lines are dashed in it.
        colour: SeriesColour::Palette(1),
        dashed: true,
        filled: false,
        value: |row| row.workload.average_cap,
    },
];

const CASES_ABOVE_CAPACITY: &[SeriesDefinition] = &[
    SeriesDefinition {
        filled: true,
        ..line("Cases above capacity", 4, |row| {
            Some(row.workload.over_capacity_cases)
        })
    },
    line("Held by contracted teams", 2, |row| {
        Some(row.workload.contracted_capacity)
    }),
];

const CHILDREN_WITH_OPEN_CASES: &[SeriesDefinition] = &[
    line("Children in need (CIN)", 0, |row| {
        Some(row.stocks.children_in_need)
    }),
    line("Child protection plans (CP)", 1, |row| {
        Some(row.stocks.child_protection)
    }),
    line("Children in care (LAC)", 2, |row| {
        Some(row.stocks.looked_after())
    }),
    line("Care leavers", 3, |row| Some(row.stocks.care_leavers)),
];

const STAFF_BY_GROUP: &[SeriesDefinition] = &[
    line("All staff", super::NEUTRAL, |row| {
        Some(row.staffing.total_fte())
    }),
    SeriesDefinition {
        name: "Vacancies (all permanent groups)",
        colour: SeriesColour::Reference,
        dashed: true,
        filled: false,
        value: |row| Some(row.staffing.vacancies),
    },
];

const AGENCY_SHARE: &[SeriesDefinition] = &[
    line("Agency share of FTE", 0, |row| {
        Some(row.staffing.agency_share * 100.0)
    }),
    line("Staff over their caseload cap", 4, |row| {
        row.workload
            .share_of_staff_over_cap
            .map(|share| share * 100.0)
    }),
];

const MONTHLY_SPEND: &[SeriesDefinition] = &[SeriesDefinition {
    name: "Budget (a twelfth of the year's)",
    colour: SeriesColour::Reference,
    dashed: true,
    filled: false,
    value: |row| Some(row.monthly_budget),
}];

/// The window's two charts of one scenario for a tab.
pub fn scenario_charts_of(tab: ChartTab) -> [ScenarioChart; 2] {
    match tab {
        ChartTab::Caseloads => [
            ScenarioChart::AverageCaseload,
            ScenarioChart::CasesAboveCapacity,
        ],
        ChartTab::Children => [
            ScenarioChart::ChildrenWithOpenCases,
            ScenarioChart::ChildrenInCareByPlacement,
        ],
        ChartTab::Staff => [ScenarioChart::StaffByGroup, ScenarioChart::AgencyShare],
        ChartTab::Money => [
            ScenarioChart::MonthlySpendByCategory,
            ScenarioChart::YearlySpend,
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_chart_belongs_to_one_tab_and_has_its_words() {
        let mut seen = Vec::new();
        for tab in ChartTab::ALL {
            seen.extend(scenario_charts_of(tab));
        }
        seen.sort_by_key(|chart| ScenarioChart::ALL.iter().position(|c| c == chart));
        assert_eq!(seen, ScenarioChart::ALL);
        for chart in ScenarioChart::ALL {
            assert!(!chart.title().is_empty() && !chart.subtitle().is_empty());
            assert!(!chart.y_label().is_empty());
        }
    }

    #[test]
    fn series_plot_the_projection_in_the_units_of_their_axis() {
        let projection = crate::sim::project(&crate::io::default_scenario());
        let row = &projection.rows[0];
        let [agency, over_cap] = ScenarioChart::AgencyShare.series() else {
            panic!("the agency chart has two series");
        };
        assert_eq!((agency.value)(row), Some(row.staffing.agency_share * 100.0));
        assert!(
            (over_cap.value)(row).is_none_or(|percent| (0.0..=100.0).contains(&percent)),
            "a share in percent"
        );
        let [budget] = ScenarioChart::MonthlySpendByCategory.series() else {
            panic!("the spend chart has one line");
        };
        assert_eq!(budget.colour, SeriesColour::Reference);
        assert_eq!((budget.value)(row), Some(row.monthly_budget));
    }

    /// What tells one series from another on a chart: its hue family and
    /// whether it is dashed.
    fn look(colour: SeriesColour, dashed: bool) -> (super::super::Hue, bool) {
        let family = match colour {
            SeriesColour::Palette(index) => {
                super::super::hue_family(super::super::series_colour(index))
            }
            SeriesColour::Reference => super::super::Hue::Neutral,
        };
        (family, dashed)
    }

    /// Experienced and Other roles were both orange, Agency and Contracted
    /// teams both yellow, Permanent staff and Other costs two blues. Now every
    /// chart's series differ in hue, or where a chart has more series than
    /// hues, in hue and dash together.
    #[test]
    fn no_two_series_on_a_chart_look_alike() {
        use super::super::{Hue, hue_family, listed_colour, series_colour, series_dashed};
        let assert_distinct = |chart: &str, looks: &[(Hue, bool)]| {
            for (index, one) in looks.iter().enumerate() {
                assert!(
                    !looks[..index].contains(one),
                    "{chart}: series {index} looks like an earlier one: {one:?}"
                );
            }
        };
        for chart in ScenarioChart::ALL {
            let looks: Vec<(Hue, bool)> = chart
                .series()
                .iter()
                .map(|series| look(series.colour, series.dashed))
                .collect();
            assert_distinct(chart.title(), &looks);
        }
        // Spend by category: seven blocks, seven hue families (grey for "Other").
        let spend: Vec<Hue> = (0..crate::sim::Spend::CATEGORIES.len())
            .map(|category| hue_family(series_colour(category)))
            .collect();
        assert_distinct(
            "spend",
            &spend.iter().map(|hue| (*hue, false)).collect::<Vec<_>>(),
        );
        let placements: Vec<(Hue, bool)> = crate::model::PlacementKind::ALL
            .iter()
            .map(|kind| {
                (
                    hue_family(series_colour(ScenarioChart::placement_colour(kind.index()))),
                    false,
                )
            })
            .collect();
        assert_distinct("placements", &placements);
        // Staff: Liverpool's seven groups and then the chart's own lines.
        let scenario = crate::io::default_scenario();
        let mut staff: Vec<(Hue, bool)> = (0..scenario.staff.len())
            .map(|index| (hue_family(listed_colour(index)), series_dashed(index)))
            .collect();
        staff.extend(
            ScenarioChart::StaffByGroup
                .series()
                .iter()
                .map(|series| look(series.colour, series.dashed)),
        );
        assert!(scenario.staff.len() >= 7, "a scenario with many groups");
        assert_distinct("staff", &staff);
        let [(_, spend_bar), (_, funding_bar)] = ScenarioChart::YEAR_BARS;
        assert_ne!(
            hue_family(series_colour(spend_bar)),
            hue_family(series_colour(funding_bar))
        );
    }
}
