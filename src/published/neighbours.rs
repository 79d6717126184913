//! "How we compare": a council beside its ten statistical neighbours and England,
//! on the figures councils are usually compared by, each with its year and source.

use super::{Council, CouncilYear, Measure, SPENDING_TABLE, SpendingLine};

/// A figure councils are compared by, worked out from the published figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Indicator {
    ChildrenInCarePer10k,
    PlansPer10k,
    ChildrenInNeedPer10k,
    ReferralsPer10k,
    CaseloadPerCaseHolder,
    AgencyRate,
    VacancyRate,
    Turnover,
    SpendingPerChildInCare,
}

/// The year of the outturn sheet the spending figures come from (year ending 31
/// March 2025).
const SPENDING_YEAR: i32 = 2025;

impl Indicator {
    pub const ALL: [Indicator; 9] = [
        Indicator::ChildrenInCarePer10k,
        Indicator::PlansPer10k,
        Indicator::ChildrenInNeedPer10k,
        Indicator::ReferralsPer10k,
        Indicator::CaseloadPerCaseHolder,
        Indicator::AgencyRate,
        Indicator::VacancyRate,
        Indicator::Turnover,
        Indicator::SpendingPerChildInCare,
    ];

    /// What people call it.
    pub fn label(self) -> &'static str {
        match self {
            Indicator::ChildrenInCarePer10k => "Children in care per 10,000 children",
            Indicator::PlansPer10k => "Child protection plans per 10,000 children",
            Indicator::ChildrenInNeedPer10k => "Children in need per 10,000 children",
            Indicator::ReferralsPer10k => "Referrals per 10,000 children",
            Indicator::CaseloadPerCaseHolder => "Caseload per case-holding social worker",
            Indicator::AgencyRate => "Agency social workers (% of all)",
            Indicator::VacancyRate => "Vacancy rate (% of posts)",
            Indicator::Turnover => "Turnover (% a year)",
            Indicator::SpendingPerChildInCare => {
                "Spending on children in care per child (£ a year)"
            }
        }
    }

    /// A short heading for narrow tables.
    pub fn heading(self) -> &'static str {
        match self {
            Indicator::ChildrenInCarePer10k => "In care /10k",
            Indicator::PlansPer10k => "Plans /10k",
            Indicator::ChildrenInNeedPer10k => "In need /10k",
            Indicator::ReferralsPer10k => "Referrals /10k",
            Indicator::CaseloadPerCaseHolder => "Caseload",
            Indicator::AgencyRate => "Agency %",
            Indicator::VacancyRate => "Vacancy %",
            Indicator::Turnover => "Turnover %",
            Indicator::SpendingPerChildInCare => "£ per child in care",
        }
    }

    /// How the figure is worked out and where from, for `year` (year ending 31 March).
    pub fn source(self, year: i32) -> String {
        let per_10k = |measure: Measure| {
            format!(
                "{} / children aged 0 to 17 x 10,000: {}; {}",
                measure.label(),
                cite(measure, year),
                cite(Measure::Children0To17, year)
            )
        };
        match self {
            Indicator::ChildrenInCarePer10k => per_10k(Measure::ChildrenInCare),
            Indicator::PlansPer10k => per_10k(Measure::ProtectionPlans),
            Indicator::ChildrenInNeedPer10k => per_10k(Measure::ChildrenInNeed),
            Indicator::ReferralsPer10k => per_10k(Measure::Referrals),
            Indicator::CaseloadPerCaseHolder => cite(Measure::CaseloadPerCaseHolder, year),
            Indicator::AgencyRate => format!(
                "agency FTE / (agency FTE + FTE in post) x 100: {}",
                cite(Measure::AgencyFte, year)
            ),
            Indicator::VacancyRate => format!(
                "vacancies / (vacancies + FTE in post) x 100: {}",
                cite(Measure::VacanciesFte, year)
            ),
            Indicator::Turnover => cite(Measure::TurnoverPercent, year),
            Indicator::SpendingPerChildInCare => format!(
                "children looked after, net, £ thousands x 1,000 / children in care at 31 March {SPENDING_YEAR}: {SPENDING_TABLE}; {}",
                cite(Measure::ChildrenInCare, SPENDING_YEAR)
            ),
        }
    }

    /// The indicator for one council in `year`; `None` where a figure it needs is
    /// not published (suppressed, or a joint return).
    pub fn value(self, council: &Council, year: i32) -> Option<f64> {
        let figures = council.year(year);
        let get = |measure: Measure| figures.and_then(|entry: &CouncilYear| entry.get(measure));
        match self {
            Indicator::ChildrenInCarePer10k => per_10k(get(Measure::ChildrenInCare), figures),
            Indicator::PlansPer10k => per_10k(get(Measure::ProtectionPlans), figures),
            Indicator::ChildrenInNeedPer10k => per_10k(get(Measure::ChildrenInNeed), figures),
            Indicator::ReferralsPer10k => per_10k(get(Measure::Referrals), figures),
            Indicator::CaseloadPerCaseHolder => get(Measure::CaseloadPerCaseHolder),
            Indicator::AgencyRate => {
                share_percent(get(Measure::AgencyFte)?, get(Measure::SocialWorkersFte)?)
            }
            Indicator::VacancyRate => {
                share_percent(get(Measure::VacanciesFte)?, get(Measure::SocialWorkersFte)?)
            }
            Indicator::Turnover => get(Measure::TurnoverPercent),
            Indicator::SpendingPerChildInCare => {
                let thousands = council.spending(SpendingLine::ChildrenLookedAfter)?;
                let in_care = council
                    .year(SPENDING_YEAR)?
                    .get(Measure::ChildrenInCare)
                    .filter(|children| *children > 0.0)?;
                Some(thousands * 1_000.0 / in_care)
            }
        }
    }

    /// A figure as people read it: rates to one decimal, money as £.
    pub fn shown(self, value: f64) -> String {
        match self {
            Indicator::SpendingPerChildInCare => crate::units::gbp(value),
            _ => crate::units::thousands(value, 1),
        }
    }

    /// The year a council's figure is for: the spending figure is always 2024-25.
    pub fn year_for(self, year: i32) -> i32 {
        match self {
            Indicator::SpendingPerChildInCare => SPENDING_YEAR,
            _ => year,
        }
    }
}

/// "DfE children looked after, 31 March 2025": the table a figure is read from, and when.
fn cite(measure: Measure, year: i32) -> String {
    format!("{}, {}", measure.table(year), measure.when(year))
}

/// `count / children aged 0 to 17 x 10,000` (per 10,000 children).
fn per_10k(count: Option<f64>, figures: Option<&CouncilYear>) -> Option<f64> {
    let children = figures?.get(Measure::Children0To17).filter(|n| *n > 0.0)?;
    Some(count? / children * 10_000.0)
}

/// `part / (part + in post) x 100` (%), the DfE's agency and vacancy rates.
fn share_percent(part: f64, in_post: f64) -> Option<f64> {
    let whole = part + in_post;
    (whole > 0.0).then(|| part / whole * 100.0)
}

/// One row of the comparison: a council (or England) and its figures.
#[derive(Clone, Debug, PartialEq)]
pub struct Standing<'a> {
    pub council: &'a Council,
    /// The council asked about (highlighted).
    pub is_subject: bool,
    pub is_england: bool,
    /// In the order of [`Indicator::ALL`].
    pub values: Vec<Option<f64>>,
}

/// A council, its ten neighbours and England, for one year.
#[derive(Clone, Debug, PartialEq)]
pub struct NeighbourComparison<'a> {
    pub year: i32,
    /// The council first, then its neighbours closest first, then England.
    pub rows: Vec<Standing<'a>>,
}

impl<'a> NeighbourComparison<'a> {
    /// The rows with a value for `indicator`, highest first (those without last):
    /// the ranked bars.
    pub fn ranked(&self, indicator: Indicator) -> Vec<(&Standing<'a>, Option<f64>)> {
        let column = Indicator::ALL
            .iter()
            .position(|candidate| *candidate == indicator)
            .unwrap_or(0);
        let mut ranked: Vec<(&Standing<'a>, Option<f64>)> = self
            .rows
            .iter()
            .map(|row| (row, row.values.get(column).copied().flatten()))
            .collect();
        ranked.sort_by(|a, b| match (a.1, b.1) {
            (Some(a), Some(b)) => b.total_cmp(&a),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        });
        ranked
    }
}

/// `council` beside its neighbours and England in `year` (default: the council's
/// latest year with data).
pub fn compare_with_neighbours(
    council: &'static Council,
    year: Option<i32>,
) -> Result<NeighbourComparison<'static>, String> {
    let year = match year.or_else(|| council.latest_year()) {
        Some(year) => year,
        None => return Err(format!("{} has no published figures", council.name)),
    };
    if council.year(year).is_none() {
        return Err(format!(
            "{} has no published figures for the year ending 31 March {year}",
            council.name
        ));
    }
    let standing = |member: &'static Council, is_subject: bool, is_england: bool| Standing {
        council: member,
        is_subject,
        is_england,
        values: Indicator::ALL
            .iter()
            .map(|indicator| indicator.value(member, year))
            .collect(),
    };
    let mut rows = vec![standing(council, true, false)];
    for neighbour in &council.neighbours {
        if let Some(member) = super::by_code(&neighbour.code) {
            rows.push(standing(member, false, false));
        }
    }
    if let Some(england) = super::england() {
        rows.push(standing(england, false, true));
    }
    Ok(NeighbourComparison { year, rows })
}
