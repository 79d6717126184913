//! The figures a projection shares with the published statistics: what each is
//! called, when it is counted, and how to read it from a council's published year
//! and from a projection.

use crate::model::Month;
use crate::published::{Council, Measure, SpendingLine};
use crate::sim::{MonthRow, Projection};
use crate::units;

/// A figure that is both projected and published.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HistoryFigure {
    ChildrenInCare,
    ProtectionPlans,
    /// Children in need not on a plan and not in care: the published count at 31
    /// March less plans and children in care, as the model counts them.
    ChildrenInNeedNet,
    Referrals,
    SocialWorkersFte,
    AgencyRate,
    CaseloadPerCaseHolder,
    /// Net spending on children's social care, published for 2024-25 only.
    Spending,
    /// Children who started to be looked after in the year (from referrals and
    /// from plans). Not judged by backtests: the fit uses it to tell the rates apart.
    StartedCare,
    /// Children who ceased to be looked after in the year.
    CeasedCare,
    /// Child protection plans started in the year (from referrals and step-ups).
    PlansStarted,
    /// Children in need episodes started in the year: referrals that open a case
    /// of any kind (a child-in-need case, a plan or care).
    NeedStarted,
}

/// When a published figure is counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Counted {
    /// A count at 31 March of the year.
    AtEndOfMarch,
    /// A total over the year ending 31 March.
    OverTheYear,
    /// The workforce census of 30 September of the year.
    AtEndOfSeptember,
}

impl HistoryFigure {
    /// The figures with a chart of their own to set published points on. The
    /// yearly flows the fit reads ([`HistoryFigure::FLOWS`]) are not among them.
    pub const ALL: [HistoryFigure; 8] = [
        HistoryFigure::ChildrenInCare,
        HistoryFigure::ProtectionPlans,
        HistoryFigure::ChildrenInNeedNet,
        HistoryFigure::Referrals,
        HistoryFigure::SocialWorkersFte,
        HistoryFigure::AgencyRate,
        HistoryFigure::CaseloadPerCaseHolder,
        HistoryFigure::Spending,
    ];

    /// The figures a backtest judges. Spending is left out: a council's scenario
    /// takes its costs from the 2024-25 outturn, the one year it would be judged on.
    pub const JUDGED: [HistoryFigure; 7] = [
        HistoryFigure::ChildrenInCare,
        HistoryFigure::ProtectionPlans,
        HistoryFigure::ChildrenInNeedNet,
        HistoryFigure::Referrals,
        HistoryFigure::SocialWorkersFte,
        HistoryFigure::AgencyRate,
        HistoryFigure::CaseloadPerCaseHolder,
    ];

    /// The flows in and out of care and onto plans: published yearly, read from
    /// the projection's monthly flows. Calibration fits them beside the stocks,
    /// since the stocks alone cannot tell how fast children come and go.
    pub const FLOWS: [HistoryFigure; 4] = [
        HistoryFigure::StartedCare,
        HistoryFigure::CeasedCare,
        HistoryFigure::PlansStarted,
        HistoryFigure::NeedStarted,
    ];

    /// What people call it.
    pub fn label(self) -> &'static str {
        match self {
            HistoryFigure::ChildrenInCare => "Children in care",
            HistoryFigure::ProtectionPlans => "Children on protection plans",
            HistoryFigure::ChildrenInNeedNet => "Children in need (not on a plan or in care)",
            HistoryFigure::Referrals => "Referrals in the year",
            HistoryFigure::SocialWorkersFte => "Social workers in post (FTE)",
            HistoryFigure::AgencyRate => "Agency social workers (% of FTE)",
            HistoryFigure::CaseloadPerCaseHolder => "Caseload per case-holding social worker",
            HistoryFigure::Spending => "Spending on children's social care",
            HistoryFigure::StartedCare => "Children starting care in the year",
            HistoryFigure::CeasedCare => "Children leaving care in the year",
            HistoryFigure::PlansStarted => "Child protection plans started in the year",
            HistoryFigure::NeedStarted => "Children in need episodes started in the year",
        }
    }

    /// A short name for narrow tables and the CSV.
    pub fn short_label(self) -> &'static str {
        match self {
            HistoryFigure::ChildrenInCare => "In care",
            HistoryFigure::ProtectionPlans => "On plans",
            HistoryFigure::ChildrenInNeedNet => "In need (net)",
            HistoryFigure::Referrals => "Referrals",
            HistoryFigure::SocialWorkersFte => "Social workers",
            HistoryFigure::AgencyRate => "Agency rate",
            HistoryFigure::CaseloadPerCaseHolder => "Caseload",
            HistoryFigure::Spending => "Spending",
            HistoryFigure::StartedCare => "Started care",
            HistoryFigure::CeasedCare => "Left care",
            HistoryFigure::PlansStarted => "Plans started",
            HistoryFigure::NeedStarted => "Cases opened",
        }
    }

    /// The unit, for CSV columns and hovers.
    pub fn unit(self) -> &'static str {
        match self {
            HistoryFigure::ChildrenInCare
            | HistoryFigure::ProtectionPlans
            | HistoryFigure::ChildrenInNeedNet => "children",
            HistoryFigure::Referrals => "referrals a year",
            HistoryFigure::SocialWorkersFte => "FTE",
            HistoryFigure::AgencyRate => "%",
            HistoryFigure::CaseloadPerCaseHolder => "cases per FTE",
            HistoryFigure::Spending => "£ a year",
            HistoryFigure::StartedCare | HistoryFigure::CeasedCare => "children a year",
            HistoryFigure::PlansStarted => "plans a year",
            HistoryFigure::NeedStarted => "episodes a year",
        }
    }

    pub fn counted(self) -> Counted {
        match self {
            HistoryFigure::ChildrenInCare
            | HistoryFigure::ProtectionPlans
            | HistoryFigure::ChildrenInNeedNet => Counted::AtEndOfMarch,
            HistoryFigure::Referrals
            | HistoryFigure::Spending
            | HistoryFigure::StartedCare
            | HistoryFigure::CeasedCare
            | HistoryFigure::PlansStarted
            | HistoryFigure::NeedStarted => Counted::OverTheYear,
            HistoryFigure::SocialWorkersFte
            | HistoryFigure::AgencyRate
            | HistoryFigure::CaseloadPerCaseHolder => Counted::AtEndOfSeptember,
        }
    }

    /// "31 March 2021", "the year to 31 March 2021", "30 September 2021".
    pub fn date_label(self, year: i32) -> String {
        match self.counted() {
            Counted::AtEndOfMarch => format!("31 March {year}"),
            Counted::OverTheYear => format!("the year to 31 March {year}"),
            Counted::AtEndOfSeptember => format!("30 September {year}"),
        }
    }

    /// "published (31 March 2021)", the name of a point on a chart.
    pub fn published_label(self, year: i32) -> String {
        format!("published ({})", self.date_label(year))
    }

    /// A value as people read it: "1,416", "323.5 FTE", "13.0%", "£48.1m".
    pub fn format(self, value: f64) -> String {
        match self {
            HistoryFigure::ChildrenInCare
            | HistoryFigure::ProtectionPlans
            | HistoryFigure::ChildrenInNeedNet
            | HistoryFigure::Referrals
            | HistoryFigure::StartedCare
            | HistoryFigure::CeasedCare
            | HistoryFigure::PlansStarted
            | HistoryFigure::NeedStarted => units::thousands(value, 0),
            HistoryFigure::SocialWorkersFte => units::fte(value),
            HistoryFigure::AgencyRate => format!("{}%", units::thousands(value, 1)),
            HistoryFigure::CaseloadPerCaseHolder => units::thousands(value, 1),
            HistoryFigure::Spending => units::gbp(value),
        }
    }

    /// The latest year of this figure known when a projection starts in April
    /// after `start_year` (the year ending 31 March): that year for counts at 31
    /// March and flows in the year, the year before for the September census.
    pub fn known_until(self, start_year: i32) -> i32 {
        match self.counted() {
            Counted::AtEndOfMarch | Counted::OverTheYear => start_year,
            Counted::AtEndOfSeptember => start_year - 1,
        }
    }

    /// The council's published figure for `year`, if published.
    pub fn published(self, council: &Council, year: i32) -> Option<f64> {
        if self == HistoryFigure::Spending {
            // The only outturn shipped is 2024-25's, in £ thousands.
            return (year == crate::council_scenario::OUTTURN_YEAR)
                .then(|| council.spending(SpendingLine::TotalChildrensSocialCare))
                .flatten()
                .map(|thousands| thousands * 1000.0);
        }
        let entry = council.year(year)?;
        let value = match self {
            HistoryFigure::ChildrenInCare => entry.get(Measure::ChildrenInCare)?,
            HistoryFigure::ProtectionPlans => entry.get(Measure::ProtectionPlans)?,
            HistoryFigure::ChildrenInNeedNet => {
                entry.get(Measure::ChildrenInNeed)?
                    - entry.get(Measure::ProtectionPlans)?
                    - entry.get(Measure::ChildrenInCare)?
            }
            HistoryFigure::Referrals => entry.get(Measure::Referrals)?,
            HistoryFigure::SocialWorkersFte => entry.get(Measure::SocialWorkersFte)?,
            HistoryFigure::AgencyRate => {
                let agency = entry.get(Measure::AgencyFte)?;
                let all = agency + entry.get(Measure::SocialWorkersFte)?;
                if all <= 0.0 {
                    return None;
                }
                agency / all * 100.0
            }
            HistoryFigure::CaseloadPerCaseHolder => entry.get(Measure::CaseloadPerCaseHolder)?,
            HistoryFigure::StartedCare => entry.get(Measure::StartedCare)?,
            HistoryFigure::CeasedCare => entry.get(Measure::CeasedCare)?,
            HistoryFigure::PlansStarted => entry.get(Measure::PlansStarted)?,
            HistoryFigure::NeedStarted => entry.get(Measure::ChildrenInNeedStarted)?,
            HistoryFigure::Spending => return None,
        };
        value.is_finite().then_some(value)
    }

    /// Every published (year, value) of the council, oldest first.
    pub fn published_series(self, council: &Council) -> Vec<(i32, f64)> {
        let years = council.years.iter().map(|entry| entry.year);
        let years: Vec<i32> = if self == HistoryFigure::Spending {
            vec![crate::council_scenario::OUTTURN_YEAR]
        } else {
            years.collect()
        };
        years
            .into_iter()
            .filter_map(|year| Some((year, self.published(council, year)?)))
            .collect()
    }

    /// The first month of the projection the figure for `year` is read at, and
    /// how many months it covers: stocks at 31 March are the next April's
    /// opening stocks; a year's flow is its twelve months.
    pub fn months(self, year: i32) -> Option<(Month, usize)> {
        match self.counted() {
            Counted::AtEndOfMarch => Some((Month::new(year, 4)?, 1)),
            Counted::OverTheYear => Some((Month::new(year - 1, 4)?, 12)),
            // The census counts the staff at the end of September: October's
            // opening staff.
            Counted::AtEndOfSeptember => Some((Month::new(year, 10)?, 1)),
        }
    }

    /// Where a published point for `year` sits on a month axis: the month whose
    /// opening it counts (stocks, staff) or the year's last month (flows).
    pub fn chart_month(self, year: i32) -> Option<Month> {
        let (first, count) = self.months(year)?;
        Some(if count > 1 {
            first.plus(count as i32 - 1)
        } else {
            first
        })
    }

    /// What the projection says this figure was for `year`, or `None` when the
    /// projection does not cover it.
    pub fn modelled(self, projection: &Projection, year: i32) -> Option<f64> {
        self.modelled_in_rows(&projection.rows, year)
    }

    /// [`Self::modelled`] on the month rows alone (a projection made with
    /// [`crate::sim::Detail::Summary`]).
    pub fn modelled_in_rows(self, rows: &[MonthRow], year: i32) -> Option<f64> {
        let (first, count) = self.months(year)?;
        self.read(rows, first, count)
    }

    /// What the projection says this figure was in one `month`: a stock or the
    /// staff at its end (the next month's opening), a flow during it. For a
    /// council's own monthly counts. `None` when the projection does not cover it.
    pub fn modelled_in_month(self, rows: &[MonthRow], month: Month) -> Option<f64> {
        let first = match self.counted() {
            Counted::OverTheYear => month,
            Counted::AtEndOfMarch | Counted::AtEndOfSeptember => month.plus(1),
        };
        self.read(rows, first, 1)
    }

    /// The figure read from `count` rows from `first`: the first row's opening
    /// stocks and staff, or the flows summed over the rows. The one place that
    /// says which part of a month row each figure is.
    fn read(self, rows: &[MonthRow], first: Month, count: usize) -> Option<f64> {
        let start = rows.first()?.month;
        let offset = usize::try_from(first.index() - start.index()).ok()?;
        let rows = rows.get(offset..offset + count)?;
        let row = rows.first()?;
        let sum = |flow: fn(&MonthRow) -> f64| rows.iter().map(flow).sum::<f64>();
        let value = match self {
            HistoryFigure::ChildrenInCare => row.stocks.looked_after(),
            HistoryFigure::ProtectionPlans => row.stocks.child_protection,
            HistoryFigure::ChildrenInNeedNet => row.stocks.children_in_need,
            HistoryFigure::Referrals => sum(|row| row.flows.referrals),
            HistoryFigure::SocialWorkersFte => row.staffing.permanent_fte,
            HistoryFigure::AgencyRate => row.staffing.agency_share * 100.0,
            HistoryFigure::CaseloadPerCaseHolder => row.workload.average_caseload?,
            HistoryFigure::Spending => sum(|row| row.spend.total()),
            HistoryFigure::StartedCare => {
                sum(|row| row.flows.new_care_entries + row.flows.protection_to_care)
            }
            HistoryFigure::CeasedCare => sum(|row| row.flows.left_care),
            HistoryFigure::PlansStarted => {
                sum(|row| row.flows.new_child_protection + row.flows.child_in_need_to_protection)
            }
            HistoryFigure::NeedStarted => sum(|row| {
                row.flows.new_child_in_need
                    + row.flows.new_child_protection
                    + row.flows.new_care_entries
            }),
        };
        value.is_finite().then_some(value)
    }
}
