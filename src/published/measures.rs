//! The figures each council has for each year: what they are called, their units,
//! and the published table and date each comes from (for comments and hovers).

/// One published figure of a council for a year ending 31 March.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Measure {
    ChildrenInCare,
    StartedCare,
    CeasedCare,
    ChildrenInNeed,
    ChildrenInNeedStarted,
    ProtectionPlans,
    PlansUpTo3Months,
    Plans3To6Months,
    Plans6To12Months,
    Plans1To2Years,
    Plans2YearsOrMore,
    PlansStarted,
    Referrals,
    ReReferrals,
    NoFurtherAction,
    AssessedNotInNeed,
    SocialWorkersFte,
    AgencyFte,
    VacanciesFte,
    LeaversFte,
    TurnoverPercent,
    CaseHoldersFte,
    Cases,
    CaseloadPerCaseHolder,
    Children0To17,
}

/// Where a figure was published: the release and file it is read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Release {
    /// Children looked after, 2015-2019 (CLA2019, ADM2019, CEA2019).
    Cla2019,
    ClaRates,
    ChildrenInNeed,
    Referrals,
    PlansByDuration,
    PlansStarted,
    Workforce,
    Population,
}

impl Measure {
    /// Every measure, in the order of the derived table's columns.
    pub const ALL: [Measure; 25] = [
        Measure::ChildrenInCare,
        Measure::StartedCare,
        Measure::CeasedCare,
        Measure::ChildrenInNeed,
        Measure::ChildrenInNeedStarted,
        Measure::ProtectionPlans,
        Measure::PlansUpTo3Months,
        Measure::Plans3To6Months,
        Measure::Plans6To12Months,
        Measure::Plans1To2Years,
        Measure::Plans2YearsOrMore,
        Measure::PlansStarted,
        Measure::Referrals,
        Measure::ReReferrals,
        Measure::NoFurtherAction,
        Measure::AssessedNotInNeed,
        Measure::SocialWorkersFte,
        Measure::AgencyFte,
        Measure::VacanciesFte,
        Measure::LeaversFte,
        Measure::TurnoverPercent,
        Measure::CaseHoldersFte,
        Measure::Cases,
        Measure::CaseloadPerCaseHolder,
        Measure::Children0To17,
    ];

    /// Position in [`Measure::ALL`] (and in a year's values).
    pub fn index(self) -> usize {
        self as usize
    }

    /// The column of the derived table (`assets/public-statistics/derived/years.csv`).
    pub fn column(self) -> &'static str {
        match self {
            Measure::ChildrenInCare => "children_in_care_at_31_march",
            Measure::StartedCare => "children_started_care_in_year",
            Measure::CeasedCare => "children_ceased_care_in_year",
            Measure::ChildrenInNeed => "children_in_need_at_31_march",
            Measure::ChildrenInNeedStarted => "children_in_need_episodes_started_in_year",
            Measure::ProtectionPlans => "protection_plans_at_31_march",
            Measure::PlansUpTo3Months => "plans_open_3_months_or_less",
            Measure::Plans3To6Months => "plans_open_3_to_6_months",
            Measure::Plans6To12Months => "plans_open_6_months_to_1_year",
            Measure::Plans1To2Years => "plans_open_1_to_2_years",
            Measure::Plans2YearsOrMore => "plans_open_2_years_or_more",
            Measure::PlansStarted => "protection_plans_started_in_year",
            Measure::Referrals => "referrals_in_year",
            Measure::ReReferrals => "re_referrals_within_12_months_in_year",
            Measure::NoFurtherAction => "referrals_no_further_action_in_year",
            Measure::AssessedNotInNeed => "referrals_assessed_not_in_need_in_year",
            Measure::SocialWorkersFte => "social_workers_fte_in_post",
            Measure::AgencyFte => "agency_social_workers_fte",
            Measure::VacanciesFte => "vacancies_fte",
            Measure::LeaversFte => "leavers_fte_in_year",
            Measure::TurnoverPercent => "turnover_percent",
            Measure::CaseHoldersFte => "case_holders_fte",
            Measure::Cases => "cases_held",
            Measure::CaseloadPerCaseHolder => "caseload_per_case_holder_fte",
            Measure::Children0To17 => "children_aged_0_to_17",
        }
    }

    /// What people call it.
    pub fn label(self) -> &'static str {
        match self {
            Measure::ChildrenInCare => "Children in care at 31 March",
            Measure::StartedCare => "Children who started to be looked after in the year",
            Measure::CeasedCare => "Children who ceased to be looked after in the year",
            Measure::ChildrenInNeed => {
                "Children in need at 31 March (including those on plans and in care)"
            }
            Measure::ChildrenInNeedStarted => "Children in need episodes started in the year",
            Measure::ProtectionPlans => "Child protection plans at 31 March",
            Measure::PlansUpTo3Months => "Plans at 31 March open 3 months or less",
            Measure::Plans3To6Months => "Plans at 31 March open 3 to 6 months",
            Measure::Plans6To12Months => "Plans at 31 March open 6 months to a year",
            Measure::Plans1To2Years => "Plans at 31 March open 1 to 2 years",
            Measure::Plans2YearsOrMore => "Plans at 31 March open 2 years or more",
            Measure::PlansStarted => "Child protection plans started in the year",
            Measure::Referrals => "Referrals in the year",
            Measure::ReReferrals => "Re-referrals within 12 months",
            Measure::NoFurtherAction => "Referrals with no further action",
            Measure::AssessedNotInNeed => "Referrals assessed as not in need",
            Measure::SocialWorkersFte => "Social workers in post",
            Measure::AgencyFte => "Agency social workers",
            Measure::VacanciesFte => "Social worker vacancies",
            Measure::LeaversFte => "Social workers who left in the year",
            Measure::TurnoverPercent => "Social worker turnover",
            Measure::CaseHoldersFte => "Case-holding social workers",
            Measure::Cases => "Cases held by social workers",
            Measure::CaseloadPerCaseHolder => "Caseload per case-holding social worker",
            Measure::Children0To17 => "Children aged 0 to 17",
        }
    }

    /// The unit the figure is in.
    pub fn unit(self) -> &'static str {
        match self {
            Measure::ChildrenInCare
            | Measure::ChildrenInNeed
            | Measure::ProtectionPlans
            | Measure::PlansUpTo3Months
            | Measure::Plans3To6Months
            | Measure::Plans6To12Months
            | Measure::Plans1To2Years
            | Measure::Plans2YearsOrMore
            | Measure::Children0To17 => "children",
            Measure::StartedCare | Measure::CeasedCare => "children a year",
            Measure::ChildrenInNeedStarted | Measure::PlansStarted => "episodes a year",
            Measure::Referrals
            | Measure::ReReferrals
            | Measure::NoFurtherAction
            | Measure::AssessedNotInNeed => "referrals a year",
            Measure::SocialWorkersFte
            | Measure::AgencyFte
            | Measure::VacanciesFte
            | Measure::CaseHoldersFte => "FTE",
            Measure::LeaversFte => "FTE a year",
            Measure::TurnoverPercent => "% a year",
            Measure::Cases => "cases",
            Measure::CaseloadPerCaseHolder => "cases per FTE",
        }
    }

    fn release(self, year: i32) -> Release {
        match self {
            Measure::ChildrenInCare | Measure::StartedCare | Measure::CeasedCare => {
                if year <= 2019 {
                    Release::Cla2019
                } else {
                    Release::ClaRates
                }
            }
            Measure::ChildrenInNeed | Measure::ChildrenInNeedStarted => Release::ChildrenInNeed,
            Measure::ProtectionPlans
            | Measure::PlansUpTo3Months
            | Measure::Plans3To6Months
            | Measure::Plans6To12Months
            | Measure::Plans1To2Years
            | Measure::Plans2YearsOrMore => Release::PlansByDuration,
            Measure::PlansStarted => Release::PlansStarted,
            Measure::Referrals
            | Measure::ReReferrals
            | Measure::NoFurtherAction
            | Measure::AssessedNotInNeed => Release::Referrals,
            Measure::SocialWorkersFte
            | Measure::AgencyFte
            | Measure::VacanciesFte
            | Measure::LeaversFte
            | Measure::TurnoverPercent
            | Measure::CaseHoldersFte
            | Measure::Cases
            | Measure::CaseloadPerCaseHolder => Release::Workforce,
            Measure::Children0To17 => Release::Population,
        }
    }

    /// The published table the figure for `year` is read from, as a comment or a
    /// hover names it ("DfE children in need, table B1").
    pub fn table(self, year: i32) -> &'static str {
        match self.release(year) {
            Release::Cla2019 => match self {
                Measure::StartedCare => "DfE children looked after 2019, underlying data ADM2019",
                Measure::CeasedCare => "DfE children looked after 2019, underlying data CEA2019",
                _ => "DfE children looked after 2019, underlying data CLA2019",
            },
            Release::ClaRates => "DfE children looked after, number and rate per 10,000 children",
            Release::ChildrenInNeed => "DfE children in need, table B1",
            Release::Referrals => "DfE children in need, table C1 (referrals)",
            Release::PlansByDuration => "DfE children in need, table D5 (plans by duration)",
            Release::PlansStarted => "DfE children in need, table D3 (plans started)",
            Release::Workforce => "DfE children's social work workforce census",
            Release::Population => "ONS mid-year population estimates",
        }
    }

    /// The file in `assets/public-statistics/` it is read from.
    pub fn file(self, year: i32) -> &'static str {
        match self.release(year) {
            Release::Cla2019 => match self {
                Measure::StartedCare => "ADM2019.csv",
                Measure::CeasedCare => "CEA2019.csv",
                _ => "CLA2019.csv",
            },
            Release::ClaRates if year == 2020 => {
                "cla_number_and_rate_per_10k_children_2020_to_2024.csv"
            }
            Release::ClaRates => "cla_number_and_rate_per_10k_children.csv",
            Release::ChildrenInNeed => "b1_children_in_need_2013_to_2025.csv",
            Release::Referrals => "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv",
            Release::PlansByDuration => "d5_cpps_at31march_by_duration_2013_to_2025.csv",
            Release::PlansStarted => "d3_cpps_subsequent_plan_2013_to_2025.csv",
            Release::Workforce => "csww_indicators_2017_to_2025.csv",
            Release::Population => "ons_mid-year_population_estimates_2012_to_2024.csv",
        }
    }

    /// When the figure for the year ending 31 March `year` was taken: a date for
    /// counts, a period for flows. The workforce census is a snapshot at 30
    /// September of the same calendar year (six months after the 31 March counts,
    /// as the DfE labels it); the population is the ONS estimate for the middle of
    /// the year before (as the DfE uses for its rates).
    pub fn when(self, year: i32) -> String {
        match self.release(year) {
            Release::Workforce => match self {
                Measure::LeaversFte | Measure::TurnoverPercent => {
                    format!("year to 30 September {year}")
                }
                _ => format!("30 September {year}"),
            },
            Release::Population => format!("mid-{}", year - 1),
            _ => match self {
                Measure::ChildrenInCare
                | Measure::ChildrenInNeed
                | Measure::ProtectionPlans
                | Measure::PlansUpTo3Months
                | Measure::Plans3To6Months
                | Measure::Plans6To12Months
                | Measure::Plans1To2Years
                | Measure::Plans2YearsOrMore => format!("31 March {year}"),
                _ => format!("year ending 31 March {year}"),
            },
        }
    }
}

/// A figure with where it came from, for a comment or a hover.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Figure {
    pub value: f64,
    pub measure: Measure,
    /// The year ending 31 March it belongs to.
    pub year: i32,
}

impl Figure {
    /// "DfE children in need, table B1, 31 March 2019".
    pub fn source(&self) -> String {
        format!(
            "{}, {}",
            self.measure.table(self.year),
            self.measure.when(self.year)
        )
    }
}

/// A line of the 2024-25 revenue outturn (MHCLG RO3), net current expenditure in £
/// thousands (spending less income).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SpendingLine {
    ChildrenLookedAfter,
    ResidentialCare,
    Fostering,
    AsylumSeekingChildrenLookedAfter,
    OtherChildrenLookedAfter,
    OtherChildrenAndFamilies,
    FamilySupport,
    YouthJustice,
    Safeguarding,
    AsylumSeekers,
    ServicesForYoungPeople,
    SureStartAndEarlyYears,
    TotalChildrensSocialCare,
}

/// The outturn sheet every spending line comes from.
pub const SPENDING_TABLE: &str =
    "MHCLG revenue outturn 2024-25, RO3 (net current expenditure, £ thousands)";

impl SpendingLine {
    pub const ALL: [SpendingLine; 13] = [
        SpendingLine::ChildrenLookedAfter,
        SpendingLine::ResidentialCare,
        SpendingLine::Fostering,
        SpendingLine::AsylumSeekingChildrenLookedAfter,
        SpendingLine::OtherChildrenLookedAfter,
        SpendingLine::OtherChildrenAndFamilies,
        SpendingLine::FamilySupport,
        SpendingLine::YouthJustice,
        SpendingLine::Safeguarding,
        SpendingLine::AsylumSeekers,
        SpendingLine::ServicesForYoungPeople,
        SpendingLine::SureStartAndEarlyYears,
        SpendingLine::TotalChildrensSocialCare,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    /// The column of the derived councils table.
    pub fn column(self) -> &'static str {
        match self {
            SpendingLine::ChildrenLookedAfter => "spend_children_looked_after_gbp_thousands",
            SpendingLine::ResidentialCare => "spend_cla_residential_care_gbp_thousands",
            SpendingLine::Fostering => "spend_cla_fostering_gbp_thousands",
            SpendingLine::AsylumSeekingChildrenLookedAfter => {
                "spend_cla_asylum_seeking_children_gbp_thousands"
            }
            SpendingLine::OtherChildrenLookedAfter => "spend_cla_other_gbp_thousands",
            SpendingLine::OtherChildrenAndFamilies => {
                "spend_other_children_and_families_services_gbp_thousands"
            }
            SpendingLine::FamilySupport => "spend_family_support_gbp_thousands",
            SpendingLine::YouthJustice => "spend_youth_justice_gbp_thousands",
            SpendingLine::Safeguarding => "spend_safeguarding_gbp_thousands",
            SpendingLine::AsylumSeekers => "spend_asylum_seekers_gbp_thousands",
            SpendingLine::ServicesForYoungPeople => "spend_services_for_young_people_gbp_thousands",
            SpendingLine::SureStartAndEarlyYears => {
                "spend_sure_start_and_early_years_gbp_thousands"
            }
            SpendingLine::TotalChildrensSocialCare => {
                "spend_total_childrens_social_care_gbp_thousands"
            }
        }
    }

    /// The line as the outturn sheet names it (its columns start with this,
    /// followed by " - Net Current Expenditure").
    pub fn sheet_line(self) -> &'static str {
        match self {
            SpendingLine::ChildrenLookedAfter => "Children's social care - Children Looked After",
            SpendingLine::ResidentialCare => {
                "Children's social care - Children Looked After of which residential care"
            }
            SpendingLine::Fostering => {
                "Children's social care - Children Looked After of which fostering services"
            }
            SpendingLine::AsylumSeekingChildrenLookedAfter => {
                "Children's social care - Children Looked After of which asylum seeking children who are looked after"
            }
            SpendingLine::OtherChildrenLookedAfter => {
                "Children's social care - Children Looked After of which other"
            }
            SpendingLine::OtherChildrenAndFamilies => {
                "Children's social care - Other children's and families services"
            }
            SpendingLine::FamilySupport => "Children's social care - Family Support Services",
            SpendingLine::YouthJustice => "Children's social care - Youth Justice",
            SpendingLine::Safeguarding => {
                "Children's social care: Safeguarding children and young people\u{2019}s services"
            }
            SpendingLine::AsylumSeekers => "Children's social care - Asylum Seekers",
            SpendingLine::ServicesForYoungPeople => {
                "Children's social care: Services for young people"
            }
            SpendingLine::SureStartAndEarlyYears => {
                "Children's social care: Sure start children's centres and early years"
            }
            SpendingLine::TotalChildrensSocialCare => "TOTAL CHILDREN SOCIAL CARE",
        }
    }

    /// What people call it.
    pub fn label(self) -> &'static str {
        match self {
            SpendingLine::ChildrenLookedAfter => "Children looked after",
            SpendingLine::ResidentialCare => "of which residential care",
            SpendingLine::Fostering => "of which fostering services",
            SpendingLine::AsylumSeekingChildrenLookedAfter => {
                "of which asylum-seeking children looked after"
            }
            SpendingLine::OtherChildrenLookedAfter => "of which other",
            SpendingLine::OtherChildrenAndFamilies => "Other children's and families services",
            SpendingLine::FamilySupport => "Family support services",
            SpendingLine::YouthJustice => "Youth justice",
            SpendingLine::Safeguarding => "Safeguarding children and young people's services",
            SpendingLine::AsylumSeekers => "Asylum seekers",
            SpendingLine::ServicesForYoungPeople => "Services for young people",
            SpendingLine::SureStartAndEarlyYears => "Sure Start children's centres and early years",
            SpendingLine::TotalChildrensSocialCare => "Total children's social care",
        }
    }
}
