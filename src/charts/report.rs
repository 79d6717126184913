//! The charts of a report, defined once: what each shows, from which series.
//! The window's comparison view draws them with egui_plot, PNG export with
//! plotters; each scenario takes its [`scenario_colour`](super::scenario_colour).

use super::ScenarioChart;
use crate::model::{FinancialYear, Month};
use crate::sim::{MonthRow, Projection};
use crate::units::Measure;

/// The x axis title of charts over months.
pub const MONTH_AXIS: &str = "Month";

/// The x axis title of charts by financial year.
pub const YEAR_AXIS: &str = "Financial year (April to March)";

/// The groups of charts, one tab each in the window.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ChartTab {
    #[default]
    Caseloads,
    Children,
    Staff,
    Money,
}

impl ChartTab {
    pub const ALL: [ChartTab; 4] = [
        ChartTab::Caseloads,
        ChartTab::Children,
        ChartTab::Staff,
        ChartTab::Money,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ChartTab::Caseloads => "Caseloads",
            ChartTab::Children => "Children",
            ChartTab::Staff => "Staff",
            ChartTab::Money => "Money",
        }
    }
}

/// A point of a monthly series.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChartPoint {
    pub month: Month,
    pub value: f64,
}

/// One series of one scenario on a chart.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartSeries {
    /// What it is, e.g. "Children in need"; the scenario's name is added when drawn.
    pub name: &'static str,
    /// Second series of a chart are dashed; colour tells the scenarios apart.
    pub dashed: bool,
    pub points: Vec<ChartPoint>,
}

/// A bar of the yearly chart: one financial year of one scenario.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct YearBar {
    pub year: FinancialYear,
    pub months: usize,
    pub spend: f64,
    pub funding: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportChart {
    AverageCaseload,
    CasesAboveCapacity,
    ChildrenInCare,
    ChildrenInNeedAndPlans,
    StaffInPost,
    AgencyShare,
    MonthlySpend,
    YearlySpend,
}

type RowValue = fn(&MonthRow) -> Option<f64>;

impl ReportChart {
    pub const ALL: [ReportChart; 8] = [
        ReportChart::AverageCaseload,
        ReportChart::CasesAboveCapacity,
        ReportChart::ChildrenInCare,
        ReportChart::ChildrenInNeedAndPlans,
        ReportChart::StaffInPost,
        ReportChart::AgencyShare,
        ReportChart::MonthlySpend,
        ReportChart::YearlySpend,
    ];

    /// The window's chart this one shows for several scenarios at once, where it
    /// is the same chart: its words (title, y axis) are then the window chart's,
    /// defined once in [`ScenarioChart`].
    pub fn window_chart(self) -> Option<ScenarioChart> {
        match self {
            ReportChart::AverageCaseload => Some(ScenarioChart::AverageCaseload),
            ReportChart::CasesAboveCapacity => Some(ScenarioChart::CasesAboveCapacity),
            ReportChart::AgencyShare => Some(ScenarioChart::AgencyShare),
            ReportChart::YearlySpend => Some(ScenarioChart::YearlySpend),
            // Drawn differently in the window (stacked by placement, by group, by
            // category), so named for what the report shows.
            ReportChart::ChildrenInCare
            | ReportChart::ChildrenInNeedAndPlans
            | ReportChart::StaffInPost
            | ReportChart::MonthlySpend => None,
        }
    }

    pub fn title(self) -> &'static str {
        if let Some(chart) = self.window_chart() {
            return chart.title();
        }
        match self {
            ReportChart::ChildrenInCare => "Children in care",
            ReportChart::ChildrenInNeedAndPlans => "Children in need and on child protection plans",
            ReportChart::StaffInPost => "Staff in post",
            ReportChart::MonthlySpend => "Spend each month against the budget",
            _ => "",
        }
    }

    /// The x axis title: months, or financial years with the key to the bars.
    pub fn x_label(self) -> String {
        if self.is_yearly() {
            format!("{YEAR_AXIS}: solid bar spend, outlined bar funding")
        } else {
            MONTH_AXIS.to_owned()
        }
    }

    pub fn y_label(self) -> &'static str {
        if let Some(chart) = self.window_chart() {
            return chart.y_label();
        }
        match self {
            ReportChart::ChildrenInCare | ReportChart::ChildrenInNeedAndPlans => "Children",
            ReportChart::StaffInPost => "FTE",
            ReportChart::MonthlySpend => "£ a month",
            _ => "",
        }
    }

    /// How values on the y axis are written.
    pub fn measure(self) -> Measure {
        match self {
            ReportChart::AverageCaseload => Measure::Caseload,
            ReportChart::CasesAboveCapacity => Measure::Children,
            ReportChart::ChildrenInCare | ReportChart::ChildrenInNeedAndPlans => Measure::Children,
            ReportChart::StaffInPost => Measure::Fte,
            ReportChart::AgencyShare => Measure::Share,
            ReportChart::MonthlySpend | ReportChart::YearlySpend => Measure::Pounds,
        }
    }

    /// A file name for the exported image.
    pub fn file_stem(self) -> &'static str {
        match self {
            ReportChart::AverageCaseload => "average-caseload",
            ReportChart::CasesAboveCapacity => "cases-above-capacity",
            ReportChart::ChildrenInCare => "children-in-care",
            ReportChart::ChildrenInNeedAndPlans => "children-in-need-and-on-plans",
            ReportChart::StaffInPost => "staff-in-post",
            ReportChart::AgencyShare => "agency-share",
            ReportChart::MonthlySpend => "monthly-spend",
            ReportChart::YearlySpend => "spend-by-financial-year",
        }
    }

    /// Whether this is the yearly bar chart rather than lines over months.
    pub fn is_yearly(self) -> bool {
        self == ReportChart::YearlySpend
    }

    /// The monthly series this chart shows for one scenario (none for the yearly chart).
    pub fn series(self, projection: &Projection) -> Vec<ChartSeries> {
        let definitions: &[(&'static str, RowValue)] = match self {
            ReportChart::AverageCaseload => &[
                ("Average caseload", |row| row.workload.average_caseload),
                ("Cap (weighted by case-holding staff)", |row| {
                    row.workload.average_cap
                }),
            ],
            ReportChart::CasesAboveCapacity => &[("Cases above capacity", |row| {
                Some(row.workload.over_capacity_cases)
            })],
            ReportChart::ChildrenInCare => {
                &[("Children in care", |row| Some(row.stocks.looked_after()))]
            }
            ReportChart::ChildrenInNeedAndPlans => &[
                ("Children in need", |row| Some(row.stocks.children_in_need)),
                ("Child protection plans", |row| {
                    Some(row.stocks.child_protection)
                }),
            ],
            ReportChart::StaffInPost => &[
                ("All staff", |row| Some(row.staffing.total_fte())),
                ("Agency staff", |row| Some(row.staffing.agency_fte)),
            ],
            ReportChart::AgencyShare => &[
                ("Agency share", |row| Some(row.staffing.agency_share)),
                ("Staff over their cap", |row| {
                    row.workload.share_of_staff_over_cap
                }),
            ],
            ReportChart::MonthlySpend => &[
                ("Spend", |row| Some(row.spend.total())),
                ("Budget, a twelfth of the year's", |row| {
                    Some(row.monthly_budget)
                }),
            ],
            ReportChart::YearlySpend => &[],
        };
        definitions
            .iter()
            .enumerate()
            .map(|(index, (name, value))| ChartSeries {
                name,
                dashed: index > 0,
                points: projection
                    .rows
                    .iter()
                    .filter_map(|row| {
                        value(row).map(|value| ChartPoint {
                            month: row.month,
                            value,
                        })
                    })
                    .collect(),
            })
            .collect()
    }

    /// The yearly bars for one scenario.
    pub fn year_bars(projection: &Projection) -> Vec<YearBar> {
        projection
            .years
            .iter()
            .map(|year| YearBar {
                year: year.year,
                months: year.months,
                spend: year.spend.total(),
                funding: year.funding(),
            })
            .collect()
    }
}

/// The two report charts that go with a tab of the window.
pub fn charts_of(tab: ChartTab) -> [ReportChart; 2] {
    match tab {
        ChartTab::Caseloads => [
            ReportChart::AverageCaseload,
            ReportChart::CasesAboveCapacity,
        ],
        ChartTab::Children => [
            ReportChart::ChildrenInCare,
            ReportChart::ChildrenInNeedAndPlans,
        ],
        ChartTab::Staff => [ReportChart::StaffInPost, ReportChart::AgencyShare],
        ChartTab::Money => [ReportChart::MonthlySpend, ReportChart::YearlySpend],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_chart_that_is_a_window_chart_has_its_words() {
        let shared: Vec<ReportChart> = ReportChart::ALL
            .into_iter()
            .filter(|chart| chart.window_chart().is_some())
            .collect();
        assert_eq!(shared.len(), 4);
        for chart in shared {
            let window = chart.window_chart().expect("filtered above");
            assert_eq!(chart.title(), window.title());
            assert_eq!(chart.y_label(), window.y_label());
        }
        // Every chart has words of its own, and its own file name.
        let mut stems: Vec<&str> = ReportChart::ALL.iter().map(|c| c.file_stem()).collect();
        stems.sort_unstable();
        stems.dedup();
        assert_eq!(stems.len(), ReportChart::ALL.len());
        assert!(
            ReportChart::ALL
                .iter()
                .all(|c| !c.title().is_empty() && !c.y_label().is_empty())
        );
    }
}
