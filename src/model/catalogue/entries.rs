//! The entries of the catalogue, in the order of the file. Each names its field
//! as the file spells it, says how people call it and what it accepts, and reads
//! (and, for numbers, changes) its value.

use super::{Input, Kind, NumberMut, OptionalMut, Place, Read, Scope, Section, Value};
use crate::model::validate::{MAX_CHILDREN, MAX_FTE, MAX_GBP, MAX_MONTHS};
use crate::model::{Action, FORMAT_VERSION, HORIZON_MONTHS, Scenario};

const fn number(min: f64, max: f64, decimals: usize, step: f64) -> Kind {
    Kind::Number {
        min,
        max,
        decimals,
        step,
    }
}

const fn optional(min: f64, max: f64, decimals: usize, step: f64, when_switched_on: f64) -> Kind {
    Kind::OptionalNumber {
        min,
        max,
        decimals,
        step,
        when_switched_on,
    }
}

const PERCENT: Kind = number(0.0, 100.0, 1, 0.1);
const GROWTH_PERCENT: Kind = number(-50.0, 100.0, 1, 0.1);
const CHILDREN: Kind = number(0.0, MAX_CHILDREN, 0, 1.0);
const FTE: Kind = number(0.0, MAX_FTE, 1, 0.1);
const GBP: Kind = number(0.0, MAX_GBP, 0, 100.0);
const MONTHS: Kind = number(1.0, MAX_MONTHS, 1, 0.1);
const CAP: Kind = number(0.0, 1_000.0, 0, 0.1);
const WEIGHT: Kind = number(0.0, 10.0, 2, 0.01);
const MAX_WHOLE_MONTHS: u32 = MAX_MONTHS as u32;
const PHASING: Kind = Kind::WholeMonths {
    min: 1,
    max: MAX_WHOLE_MONTHS,
};

/// Reads and changes a number: `num!(s, i => s.staff[i].fte)`.
macro_rules! num {
    ($s:ident, $i:tt => $place:expr) => {{
        fn read($s: &Scenario, $i: usize) -> Option<Value> {
            Some(Value::Number($place))
        }
        fn change($s: &mut Scenario, $i: usize) -> Option<&mut f64> {
            Some(&mut $place)
        }
        (read as Read, Some(change as NumberMut), None::<OptionalMut>)
    }};
}

/// Reads and changes an optional number, present only when given.
macro_rules! optional_num {
    ($s:ident, $i:tt => $place:expr) => {{
        fn read($s: &Scenario, $i: usize) -> Option<Value> {
            Some($place.map_or(Value::Absent, Value::Number))
        }
        fn change($s: &mut Scenario, $i: usize) -> Option<&mut f64> {
            $place.as_mut()
        }
        fn switch($s: &mut Scenario, $i: usize) -> Option<&mut Option<f64>> {
            Some(&mut $place)
        }
        (
            read as Read,
            Some(change as NumberMut),
            Some(switch as OptionalMut),
        )
    }};
}

/// Reads any other value: `get!(s, i => Value::Switch(s.staff[i].agency))`.
macro_rules! get {
    ($s:ident, $i:tt => $value:expr) => {{
        fn read($s: &Scenario, $i: usize) -> Option<Value> {
            Some($value)
        }
        (read as Read, None::<NumberMut>, None::<OptionalMut>)
    }};
}

/// Reads (and for numbers changes) a field of one kind of action.
macro_rules! action {
    ($kind:ident, $field:ident, number) => {{
        fn read(s: &Scenario, i: usize) -> Option<Value> {
            match &s.interventions[i].action {
                Action::$kind { $field, .. } => Some(Value::Number(*$field)),
                _ => None,
            }
        }
        fn change(s: &mut Scenario, i: usize) -> Option<&mut f64> {
            match &mut s.interventions[i].action {
                Action::$kind { $field, .. } => Some($field),
                _ => None,
            }
        }
        (read as Read, Some(change as NumberMut), None::<OptionalMut>)
    }};
    ($kind:ident, $field:ident, $value:ident) => {{
        fn read(s: &Scenario, i: usize) -> Option<Value> {
            match &s.interventions[i].action {
                Action::$kind { $field, .. } => Some(action!(@value $value, $field)),
                _ => None,
            }
        }
        (read as Read, None::<NumberMut>, None::<OptionalMut>)
    }};
    (@value whole, $field:ident) => { Value::Whole(*$field) };
    (@value optional_whole, $field:ident) => { $field.map_or(Value::Absent, Value::Whole) };
    (@value text, $field:ident) => { Value::Text($field.clone()) };
}

/// Where the editor draws an input: a row under a sub-heading of a section.
const fn row(section: Section, group: &'static str, label: &'static str) -> Option<Place> {
    Some(Place {
        section,
        group,
        label,
        heading: "",
    })
}

/// Where the editor draws an input: a column of a section's table, under `heading`.
const fn column(section: Section, label: &'static str, heading: &'static str) -> Option<Place> {
    Some(Place {
        section,
        group: "",
        label,
        heading,
    })
}

/// Drawn only by a special widget of the editor, or not in the editor.
const SPECIAL: Option<Place> = None;

const REFERRALS: &str = "Referrals";
const OUTCOMES: &str = "What referrals lead to (must add up to 100%)";
const STOCKS: &str = "Children with open cases at the start";
const FLOWS: &str = "How long cases last, and how they move";
const WEIGHTS: &str = "How much each case counts on a caseload";
const PROGRESSION: &str = "Progression and managers";
const PRACTICE: &str = "Workload affects practice (an assumption, off unless switched on)";

/// One entry: `input!(scope, field, action, name, unit, kind, default, source,
/// meaning, access, place)`.
macro_rules! input {
    ($scope:ident, $field:literal, $action:expr, $name:literal, $unit:literal, $kind:expr,
     $default:literal, $source:literal, $meaning:literal, $access:expr, $place:expr $(,)?) => {{
        let (read, number, optional) = $access;
        Input {
            scope: Scope::$scope,
            field: $field,
            action: $action,
            name: $name,
            unit: $unit,
            kind: $kind,
            default: $default,
            source: $source,
            meaning: $meaning,
            read,
            number,
            optional,
            place: $place,
        }
    }};
}

/// Every input, in the order of the file.
pub static CATALOGUE: &[Input] = &[
    // The scenario itself.
    input!(
        Scenario,
        "version",
        None,
        "File format version",
        "",
        Kind::Whole {
            min: 1,
            max: FORMAT_VERSION
        },
        "required",
        "",
        "The format the file is written in; this Caseload writes 2 and reads 1 and 2 (a file of format 1 is upgraded as it is read).",
        get!(s, _ => Value::Whole(s.version)),
        SPECIAL
    ),
    input!(
        Scenario,
        "name",
        None,
        "Scenario name",
        "",
        Kind::Text,
        "required",
        "",
        "The name shown in the title bar and on reports.",
        get!(s, _ => Value::Text(s.name.clone())),
        SPECIAL
    ),
    input!(
        Scenario,
        "notes",
        None,
        "Notes",
        "",
        Kind::Text,
        "none",
        "",
        "Anything a reader of this scenario should know.",
        get!(s, _ => Value::Text(s.notes.clone())),
        SPECIAL
    ),
    input!(
        Scenario,
        "council",
        None,
        "Council (ONS code)",
        "",
        Kind::Text,
        "none",
        "a scenario tied to no council",
        "The council's local-authority code from the ONS (E06, E08, E09 or E10 and six digits, such as \"E08000012\" for Liverpool), tying the scenario to that council's published figures. Since format 2.",
        get!(s, _ => s.council.clone().map_or(Value::Absent, Value::Text)),
        SPECIAL
    ),
    input!(
        Scenario,
        "start",
        None,
        "First month",
        "",
        Kind::Month,
        "required",
        "",
        "The first month projected, written like \"2019-04\". Financial years run April to March.",
        get!(s, _ => Value::Month(s.start)),
        SPECIAL
    ),
    input!(
        Scenario,
        "horizon_months",
        None,
        "Months ahead",
        "months",
        Kind::WholeMonths {
            min: *HORIZON_MONTHS.start(),
            max: *HORIZON_MONTHS.end()
        },
        "36",
        "three financial years",
        "How many months to project.",
        get!(s, _ => Value::Whole(s.horizon_months)),
        SPECIAL
    ),
    // Demand.
    input!(
        Scenario,
        "demand.referrals_per_month",
        None,
        "Referrals in the first month",
        "children a month",
        CHILDREN,
        "450",
        "England's 650,900 a year (DfE, 2018-19) for a council of about 100,000 children",
        "Referrals to children's social care in the first month.",
        num!(s, _ => s.demand.referrals_per_month),
        row(Section::Demand, REFERRALS, "Referrals")
    ),
    input!(
        Scenario,
        "demand.referral_growth_percent_per_year",
        None,
        "Growth of referrals",
        "% a year",
        GROWTH_PERCENT,
        "2",
        "an assumption",
        "Yearly growth of referrals, compounded monthly; the long-run rate, after any first period below.",
        num!(s, _ => s.demand.referral_growth_percent_per_year),
        row(Section::Demand, REFERRALS, "Growth")
    ),
    input!(
        Scenario,
        "demand.referral_first_growth_percent_per_year",
        None,
        "Growth of referrals in a first period",
        "% a year",
        GROWTH_PERCENT,
        "0",
        "used only when the first period lasts over 0 months; Gloucestershire: +17% in 2017-18",
        "Yearly growth of referrals, compounded monthly, for the first period's months; after them referrals grow at the long-run rate above. For a latest year that differs from the longer trend.",
        num!(s, _ => s.demand.referral_first_growth_percent_per_year),
        row(Section::Demand, REFERRALS, "First-period growth")
    ),
    input!(
        Scenario,
        "demand.referral_first_growth_months",
        None,
        "Length of the first growth period",
        "months",
        number(0.0, MAX_MONTHS, 0, 1.0),
        "0",
        "none: the long-run growth applies from the start",
        "Months from the start during which referrals grow at the first-period rate; 0 for none.",
        num!(s, _ => s.demand.referral_first_growth_months),
        row(Section::Demand, REFERRALS, "First period")
    ),
    input!(
        Season,
        "",
        None,
        "seasonal multiplier",
        "× the average month",
        number(0.0, 12.0, 2, 0.01),
        "none",
        "the same every month",
        "Referrals in a calendar month relative to an average month; the twelve (January to December) are rescaled to average 1.",
        num!(s, i => s.demand.seasonality[i]),
        SPECIAL
    ),
    input!(
        Scenario,
        "demand.referral_outcomes.no_further_action_percent",
        None,
        "Referrals closed with no further action",
        "% of referrals",
        PERCENT,
        "38",
        "England's 2018-19 flows (DfE)",
        "Referrals closed or signposted to early help; the four outcomes add up to 100.",
        num!(s, _ => s.demand.referral_outcomes.no_further_action_percent),
        row(Section::Demand, OUTCOMES, "No further action")
    ),
    input!(
        Scenario,
        "demand.referral_outcomes.child_in_need_percent",
        None,
        "Referrals opening a child-in-need case",
        "% of referrals",
        PERCENT,
        "52",
        "England's 2018-19 flows (DfE)",
        "Referrals that open a child-in-need case.",
        num!(s, _ => s.demand.referral_outcomes.child_in_need_percent),
        row(Section::Demand, OUTCOMES, "Child in need")
    ),
    input!(
        Scenario,
        "demand.referral_outcomes.child_protection_percent",
        None,
        "Referrals going straight to a child protection plan",
        "% of referrals",
        PERCENT,
        "7",
        "England's 2018-19 flows (DfE)",
        "Referrals that go straight to a child protection plan.",
        num!(s, _ => s.demand.referral_outcomes.child_protection_percent),
        row(Section::Demand, OUTCOMES, "Child protection plan")
    ),
    input!(
        Scenario,
        "demand.referral_outcomes.into_care_percent",
        None,
        "Referrals going into care",
        "% of referrals",
        PERCENT,
        "3",
        "England's 2018-19 flows (DfE)",
        "Referrals that lead straight into care.",
        num!(s, _ => s.demand.referral_outcomes.into_care_percent),
        row(Section::Demand, OUTCOMES, "Into care")
    ),
    input!(
        Scenario,
        "demand.children_in_need",
        None,
        "Children in need at the start",
        "children",
        CHILDREN,
        "2,250",
        "England's rate of about 270 per 10,000 children",
        "Open child-in-need (CIN) cases at the start.",
        num!(s, _ => s.demand.children_in_need),
        row(Section::Demand, STOCKS, "Children in need (CIN)")
    ),
    input!(
        Scenario,
        "demand.child_protection",
        None,
        "Child protection plans at the start",
        "children",
        CHILDREN,
        "440",
        "England's 44 per 10,000 (2019)",
        "Children on a child protection plan (CP) at the start.",
        num!(s, _ => s.demand.child_protection),
        row(Section::Demand, STOCKS, "Child protection plans (CP)")
    ),
    input!(
        Scenario,
        "demand.looked_after",
        None,
        "Children in care at the start",
        "children",
        CHILDREN,
        "650",
        "England's 65 per 10,000 (31 March 2019)",
        "Looked-after children (LAC) at the start.",
        num!(s, _ => s.demand.looked_after),
        row(Section::Demand, STOCKS, "Children in care (LAC)")
    ),
    input!(
        Scenario,
        "demand.care_leavers",
        None,
        "Care leavers supported at the start",
        "young people",
        CHILDREN,
        "300",
        "an assumption, not a published figure",
        "Care leavers the service supports at the start.",
        num!(s, _ => s.demand.care_leavers),
        row(Section::Demand, STOCKS, "Care leavers")
    ),
    input!(
        Scenario,
        "demand.child_in_need_months",
        None,
        "Time a child-in-need case stays open",
        "months",
        MONTHS,
        "9",
        "set so that England's stocks are steady",
        "Mean time a child-in-need case stays open; cases close at 1 / this each month.",
        num!(s, _ => s.demand.child_in_need_months),
        row(Section::Demand, FLOWS, "Child in need")
    ),
    input!(
        Scenario,
        "demand.child_protection_months",
        None,
        "Length of a child protection plan",
        "months",
        MONTHS,
        "9",
        "set so that England's stocks are steady",
        "Mean length of a child protection plan.",
        num!(s, _ => s.demand.child_protection_months),
        row(Section::Demand, FLOWS, "Child protection plan")
    ),
    input!(
        Scenario,
        "demand.looked_after_months",
        None,
        "Time in care",
        "months",
        MONTHS,
        "30",
        "England's 78,150 children in care and 29,500 leaving a year (2018-19)",
        "Mean time a child stays in care.",
        num!(s, _ => s.demand.looked_after_months),
        row(Section::Demand, FLOWS, "In care")
    ),
    input!(
        Scenario,
        "demand.care_leaver_months",
        None,
        "Time a care leaver is supported",
        "months",
        MONTHS,
        "36",
        "an assumption, not a published figure",
        "Mean time a care leaver stays supported.",
        num!(s, _ => s.demand.care_leaver_months),
        row(Section::Demand, FLOWS, "Care leaver support")
    ),
    input!(
        Scenario,
        "demand.child_in_need_to_protection_percent_per_month",
        None,
        "Child-in-need cases stepping up to a plan",
        "% of CIN a month",
        PERCENT,
        "1",
        "an assumption, not a published figure",
        "Child-in-need cases moving to a child protection plan each month.",
        num!(s, _ => s.demand.child_in_need_to_protection_percent_per_month),
        row(Section::Demand, FLOWS, "CIN stepping up to CP")
    ),
    input!(
        Scenario,
        "demand.protection_to_care_percent_per_month",
        None,
        "Children on a plan entering care",
        "% of CP a month",
        PERCENT,
        "1.5",
        "an assumption, not a published figure",
        "Children on a child protection plan entering care each month.",
        num!(s, _ => s.demand.protection_to_care_percent_per_month),
        row(Section::Demand, FLOWS, "CP entering care")
    ),
    input!(
        Scenario,
        "demand.protection_step_down_percent",
        None,
        "Plans stepping down to child in need",
        "% of plans ending",
        PERCENT,
        "60",
        "an assumption, not a published figure",
        "Plans that end with a step down to a child-in-need case.",
        num!(s, _ => s.demand.protection_step_down_percent),
        row(Section::Demand, FLOWS, "Plans stepping down to CIN")
    ),
    input!(
        Scenario,
        "demand.care_leaver_percent",
        None,
        "Children leaving care as care leavers",
        "% of leavers",
        PERCENT,
        "30",
        "an assumption, not a published figure",
        "Children leaving care who become supported care leavers.",
        num!(s, _ => s.demand.care_leaver_percent),
        row(Section::Demand, FLOWS, "Leaving care as care leavers")
    ),
    input!(
        Scenario,
        "demand.case_weights.child_in_need",
        None,
        "Weight of a child-in-need case",
        "cases",
        WEIGHT,
        "1",
        "one case",
        "How much one child-in-need case counts on a caseload.",
        num!(s, _ => s.demand.case_weights.child_in_need),
        row(Section::Demand, WEIGHTS, "Child in need")
    ),
    input!(
        Scenario,
        "demand.case_weights.child_protection",
        None,
        "Weight of a child protection case",
        "cases",
        WEIGHT,
        "1",
        "one case",
        "How much one child protection plan counts on a caseload; it can count for more than a CIN case.",
        num!(s, _ => s.demand.case_weights.child_protection),
        row(Section::Demand, WEIGHTS, "Child protection")
    ),
    input!(
        Scenario,
        "demand.case_weights.looked_after",
        None,
        "Weight of a child in care",
        "cases",
        WEIGHT,
        "1",
        "one case",
        "How much one child in care counts on a caseload.",
        num!(s, _ => s.demand.case_weights.looked_after),
        row(Section::Demand, WEIGHTS, "Looked after")
    ),
    input!(
        Scenario,
        "demand.case_weights.care_leaver",
        None,
        "Weight of a care leaver",
        "cases",
        WEIGHT,
        "0",
        "care leavers are usually held by personal advisers, not social workers",
        "How much one care leaver counts on a social worker's caseload.",
        num!(s, _ => s.demand.case_weights.care_leaver),
        row(Section::Demand, WEIGHTS, "Care leaver")
    ),
    input!(
        Scenario,
        "demand.workload_effect.enabled",
        None,
        "Workload affects practice",
        "",
        Kind::Switch,
        "off",
        "",
        "When caseloads run above capacity, child-in-need cases and plans last longer, more cases step up (to a plan, into care) and more children are re-referred; below capacity, the opposite. This is an assumption, not a measured effect: no published study gives its size. The evidence is mostly qualitative: Ofsted inspections that find high caseloads alongside weaker practice (Wakefield and Liverpool, 2018) and the 2011 Munro review of child protection.",
        get!(s, _ => Value::Switch(s.demand.workload_effect.enabled)),
        row(Section::Demand, PRACTICE, "Workload affects practice")
    ),
    input!(
        Scenario,
        "demand.workload_effect.strength",
        None,
        "Strength of workload on practice",
        "× load away from capacity",
        number(0.0, 10.0, 2, 0.01),
        "0.5",
        "an assumption, not a published figure",
        "Practice multiplier = 1 + strength × (load − 1): with 0.5, caseloads 20% over capacity make cases and plans last 10% longer, step up 10% more often and bring 10% more re-referrals. An assumption: no published study measures it; the evidence that caseloads change outcomes is mostly qualitative (Ofsted findings, the 2011 Munro review). Use it as a what-if and test a range.",
        num!(s, _ => s.demand.workload_effect.strength),
        row(Section::Demand, PRACTICE, "Strength")
    ),
    input!(
        Scenario,
        "demand.workload_effect.max_change_percent",
        None,
        "Most practice can change",
        "% either way",
        number(0.0, 90.0, 1, 0.1),
        "25",
        "an assumption, not a published figure",
        "Limit on the practice multiplier: it stays between 1 − this and 1 + this, however far caseloads are from capacity.",
        num!(s, _ => s.demand.workload_effect.max_change_percent),
        row(Section::Demand, PRACTICE, "Most change")
    ),
    input!(
        Scenario,
        "demand.workload_effect.rereferral_percent",
        None,
        "Re-referrals",
        "% of referrals",
        PERCENT,
        "22.6",
        "England 2018-19: 147,150 of 650,930 referrals were re-referrals within 12 months (DfE Characteristics of children in need, table C1)",
        "Share of referrals that come back within 12 months of an earlier one; only this part of referrals rises and falls with workload.",
        num!(s, _ => s.demand.workload_effect.rereferral_percent),
        row(Section::Demand, PRACTICE, "Re-referrals")
    ),
    // Placements, per kind (in-house / IFA / residential / kinship / other).
    input!(
        Placement,
        "current_percent",
        None,
        "share of children in care now",
        "% of children in care",
        PERCENT,
        "33 / 26 / 12 / 13 / 16",
        "England, 31 March 2019 (DfE)",
        "Share of children in care placed this way at the start; the five kinds add up to 100.",
        num!(s, i => s.placements[i].current_percent),
        column(Section::Placements, "Now", "Now %")
    ),
    input!(
        Placement,
        "new_entry_percent",
        None,
        "share of new entries to care",
        "% of new entries",
        PERCENT,
        "33 / 26 / 12 / 13 / 16",
        "England, 31 March 2019 (DfE)",
        "Share of children entering care placed this way; the five kinds add up to 100.",
        num!(s, i => s.placements[i].new_entry_percent),
        column(Section::Placements, "New entries", "New entries %")
    ),
    input!(
        Placement,
        "weekly_cost_gbp",
        None,
        "weekly cost",
        "£ per child per week",
        number(0.0, 1_000_000.0, 0, 1.0),
        "550 / 900 / 3,970 / 300 / 400",
        "in-house £450-650, IFA £850-950, independent residential homes 2018-19; kinship and other are assumptions",
        "Cost per child per week at the start.",
        num!(s, i => s.placements[i].weekly_cost_gbp),
        column(Section::Placements, "Weekly cost", "£ a week")
    ),
    input!(
        Placement,
        "cost_growth_percent_per_year",
        None,
        "rise in the weekly cost",
        "% a year",
        GROWTH_PERCENT,
        "2 / 2 / 6.5 / 2 / 2",
        "residential rose 6-7% a year; 2% for the others is an assumption",
        "Yearly rise in the weekly cost.",
        num!(s, i => s.placements[i].cost_growth_percent_per_year),
        column(Section::Placements, "Cost rise", "Rise % a year")
    ),
    input!(
        Scenario,
        "placements.in_house_foster_places",
        None,
        "Limit on in-house foster places",
        "children",
        optional(0.0, MAX_CHILDREN, 0, 1.0, 400.0),
        "none",
        "no limit",
        "Places the council's own foster carers can offer; when they are full, new in-house placements go to independent fostering agencies.",
        optional_num!(s, _ => s.placements.in_house_foster_places),
        row(Section::Placements, "", "Limit in-house foster places")
    ),
    // Staff, per group.
    input!(
        StaffGroup,
        "id",
        None,
        "id",
        "",
        Kind::Text,
        "\"experienced\"",
        "",
        "Short unique key used by interventions and CSV columns.",
        get!(s, i => Value::Text(s.staff[i].id.clone())),
        SPECIAL
    ),
    input!(
        StaffGroup,
        "name",
        None,
        "name",
        "",
        Kind::Text,
        "\"Experienced social workers\"",
        "",
        "What people call the group.",
        get!(s, i => Value::Text(s.staff[i].name.clone())),
        SPECIAL
    ),
    input!(
        StaffGroup,
        "agency",
        None,
        "agency staff",
        "",
        Kind::Switch,
        "no",
        "",
        "The agency group covers the case-holding capacity of vacant posts (as far as the agency market allows), paid at the agency premium, and is not recruited. At most one.",
        get!(s, i => Value::Switch(s.staff[i].agency)),
        SPECIAL
    ),
    input!(
        StaffGroup,
        "fte",
        None,
        "staff in post",
        "FTE",
        FTE,
        "0",
        "",
        "Staff in post at the start (full-time equivalents).",
        num!(s, i => s.staff[i].fte),
        column(Section::Staff, "FTE", "FTE")
    ),
    input!(
        StaffGroup,
        "establishment",
        None,
        "funded posts",
        "FTE",
        FTE,
        "0",
        "",
        "Funded posts; vacancies = establishment − FTE. Ignored for the agency group and where a span of control is set.",
        num!(s, i => s.staff[i].establishment),
        column(Section::Staff, "Establishment", "Establishment")
    ),
    input!(
        StaffGroup,
        "caseload_cap",
        None,
        "caseload cap",
        "cases per FTE",
        CAP,
        "20",
        "Wakefield's recommended caps: newly qualified 15, experienced 20",
        "Most cases one full-time worker of this group should hold.",
        num!(s, i => s.staff[i].caseload_cap),
        column(Section::Staff, "Cap", "Cap")
    ),
    input!(
        StaffGroup,
        "case_time_percent",
        None,
        "time on cases",
        "% of time",
        number(0.0, 100.0, 0, 0.1),
        "100",
        "",
        "Share of working time spent holding cases; 0 for roles that hold no cases.",
        num!(s, i => s.staff[i].case_time_percent),
        column(Section::Staff, "On cases", "On cases %")
    ),
    input!(
        StaffGroup,
        "annual_salary_gbp",
        None,
        "salary",
        "£ per FTE per year",
        number(0.0, 10_000_000.0, 0, 100.0),
        "35,000",
        "an experienced social worker at the top of the scale (2018)",
        "Basic salary per FTE.",
        num!(s, i => s.staff[i].annual_salary_gbp),
        column(Section::Staff, "Salary", "Salary £")
    ),
    input!(
        StaffGroup,
        "on_cost_percent",
        None,
        "on-costs",
        "% of salary",
        number(0.0, 200.0, 1, 0.1),
        "27.5",
        "25-30% is typical (an assumption)",
        "Employer's National Insurance and pension on top of salary.",
        num!(s, i => s.staff[i].on_cost_percent),
        column(Section::Staff, "On-cost", "On-cost %")
    ),
    input!(
        StaffGroup,
        "turnover_percent_per_year",
        None,
        "turnover",
        "% a year",
        PERCENT,
        "15.1",
        "England, 30 September 2019 (DfE)",
        "Staff leaving each year before any burnout effect.",
        num!(s, i => s.staff[i].turnover_percent_per_year),
        column(Section::Staff, "Turnover", "Turnover %")
    ),
    input!(
        StaffGroup,
        "progresses_to",
        None,
        "moves on to",
        "",
        Kind::Text,
        "none",
        "",
        "The id of the group staff move to when they finish this stage (ASYE to experienced).",
        get!(s, i => s.staff[i].progresses_to.clone().map_or(Value::Absent, Value::Text)),
        SPECIAL
    ),
    input!(
        StaffGroup,
        "progression_months",
        None,
        "time before moving on",
        "months",
        number(1.0, MAX_MONTHS, 0, 0.1),
        "12",
        "the ASYE year",
        "Time spent in this group before moving on.",
        num!(s, i => s.staff[i].progression_months),
        row(Section::Staff, PROGRESSION, "Stage")
    ),
    input!(
        StaffGroup,
        "span_of_control",
        None,
        "span of control",
        "workers per manager",
        optional(1.0, 1_000.0, 1, 0.1, 6.0),
        "none",
        "the establishment is set by hand",
        "For managers: their establishment is the case-holding establishment divided by this.",
        optional_num!(s, i => s.staff[i].span_of_control),
        row(Section::Staff, PROGRESSION, "Span of control")
    ),
    // How posts are filled.
    input!(
        Scenario,
        "workforce.recruitment_percent_per_month",
        None,
        "Recruitment speed",
        "% of unfilled posts a month",
        PERCENT,
        "25",
        "an assumption; low values model slow recruitment (Wakefield)",
        "Share of unfilled posts for which recruitment starts each month.",
        num!(s, _ => s.workforce.recruitment_percent_per_month),
        row(Section::Workforce, "", "Recruitment speed")
    ),
    input!(
        Scenario,
        "workforce.time_to_hire_months",
        None,
        "Time to hire",
        "months",
        MONTHS,
        "3",
        "an assumption, not a published figure",
        "Mean time from starting to recruit to the new starter arriving.",
        num!(s, _ => s.workforce.time_to_hire_months),
        row(Section::Workforce, "", "Time to hire")
    ),
    input!(
        Scenario,
        "workforce.max_recruitment_starts_per_month",
        None,
        "Limit on recruitment starts",
        "FTE a month",
        optional(0.0, MAX_FTE, 1, 0.1, 10.0),
        "none",
        "no limit",
        "Most recruitments that can start in one month across all groups.",
        optional_num!(s, _ => s.workforce.max_recruitment_starts_per_month),
        row(Section::Workforce, "", "Limit recruitment starts")
    ),
    input!(
        Scenario,
        "workforce.agency_cover_percent",
        None,
        "Agency cover",
        "% of vacant case time",
        PERCENT,
        "73.1",
        "England, 30 September 2019: agency workers covered 73.1% of vacancies (4,414 of 6,037 FTE; DfE Children's social work workforce)",
        "Share of the case-holding capacity of vacant posts that agency staff cover: a vacant post calls for its FTE × its group's share of time on cases (a team manager at 10% calls for 0.1 FTE), in roles that hold cases only.",
        num!(s, _ => s.workforce.agency_cover_percent),
        row(Section::Workforce, "", "Agency cover")
    ),
    input!(
        Scenario,
        "workforce.new_post_agency_cover_percent",
        None,
        "Agency cover of new posts",
        "% of new posts' case time",
        PERCENT,
        "0",
        "an assumption: new posts are filled by recruitment; agency covers posts that fall vacant",
        "Share of the case-holding capacity of posts added after the start (Recruit, and managers following them) that agency staff cover while the posts are being recruited to.",
        num!(s, _ => s.workforce.new_post_agency_cover_percent),
        row(Section::Workforce, "", "Agency cover of new posts")
    ),
    input!(
        Scenario,
        "workforce.max_agency_fte",
        None,
        "Most agency staff",
        "FTE",
        optional(0.0, MAX_FTE, 1, 0.1, 50.0),
        "none",
        "no limit of this kind",
        "Most agency staff the council can get from the market (FTE), whatever the vacancies.",
        optional_num!(s, _ => s.workforce.max_agency_fte),
        row(Section::Workforce, "", "Most agency staff")
    ),
    input!(
        Scenario,
        "workforce.max_agency_percent",
        None,
        "Most agency staff, share of social workers",
        "% of social workers at the start",
        optional(0.0, 1_000.0, 1, 0.1, 33.0),
        "33",
        "nine councils in ten had an agency rate under 33% at 30 September 2019 (90th percentile of 150 councils, 32.8%; DfE Children's social work workforce)",
        "Most agency staff the council can get, as a share of the social workers in post at the start (case-holding permanent FTE plus agency FTE); never below the agency staff in post at the start. Leave out for no limit of this kind.",
        optional_num!(s, _ => s.workforce.max_agency_percent),
        row(Section::Workforce, "", "Most agency, % of social workers")
    ),
    input!(
        Scenario,
        "workforce.agency_premium_percent",
        None,
        "Agency premium",
        "% over permanent cost",
        number(0.0, 500.0, 1, 0.1),
        "17",
        "agency is about 17% or more dearer (DfE, 2019)",
        "How much more an agency worker costs than a permanent one, on top of salary plus on-costs.",
        num!(s, _ => s.workforce.agency_premium_percent),
        row(Section::Workforce, "", "Agency premium")
    ),
    input!(
        Scenario,
        "workforce.agency_adjust_months",
        None,
        "Agency lead time",
        "months",
        MONTHS,
        "2",
        "an assumption, not a published figure",
        "Mean time for more agency staff to arrive: each month agency FTE rises by the gap to the cover wanted divided by this. Agency staff no longer wanted go within the month.",
        num!(s, _ => s.workforce.agency_adjust_months),
        row(Section::Workforce, "", "Agency lead time")
    ),
    input!(
        Scenario,
        "workforce.cost_per_hire_gbp",
        None,
        "Cost per hire",
        "£ per starter",
        number(0.0, 1_000_000.0, 0, 10.0),
        "5,000",
        "an assumption, not a published figure",
        "Advertising, interviews and checks for each new starter.",
        num!(s, _ => s.workforce.cost_per_hire_gbp),
        row(Section::Workforce, "", "Cost per hire")
    ),
    input!(
        Scenario,
        "workforce.caseload_spread_percent",
        None,
        "Caseload spread",
        "% of the average",
        number(0.0, 200.0, 1, 0.1),
        "20",
        "an assumption, not a published figure",
        "How far individual caseloads spread around the average; sets the share of staff over their cap.",
        num!(s, _ => s.workforce.caseload_spread_percent),
        row(Section::Workforce, "", "Caseload spread")
    ),
    input!(
        Scenario,
        "workforce.burnout.enabled",
        None,
        "Burnout loop",
        "",
        Kind::Switch,
        "on",
        "",
        "When caseloads exceed capacity, turnover rises, which cuts capacity further.",
        get!(s, _ => Value::Switch(s.workforce.burnout.enabled)),
        row(Section::Workforce, "", "Burnout loop")
    ),
    input!(
        Scenario,
        "workforce.burnout.strength",
        None,
        "Burnout strength",
        "× over-capacity load",
        number(0.0, 100.0, 2, 0.01),
        "2",
        "an assumption, not a published figure",
        "Turnover multiplier = 1 + strength × (load − 1) when load is over 1.",
        num!(s, _ => s.workforce.burnout.strength),
        row(Section::Workforce, "", "Burnout strength")
    ),
    input!(
        Scenario,
        "workforce.burnout.max_multiplier",
        None,
        "Most turnover can rise",
        "× normal",
        number(1.0, 100.0, 2, 0.01),
        "3",
        "an assumption, not a published figure",
        "Cap on the turnover multiplier.",
        num!(s, _ => s.workforce.burnout.max_multiplier),
        row(Section::Workforce, "", "Most turnover can rise")
    ),
    // Money.
    input!(
        Budget,
        "year",
        None,
        "financial year",
        "",
        Kind::FinancialYear,
        "required",
        "",
        "The financial year, written like \"2019-20\"; a year not listed takes the latest earlier one, grown by the budget growth (or the earliest, as it is).",
        get!(s, i => Value::Year(s.money.budgets[i].year)),
        SPECIAL
    ),
    input!(
        Budget,
        "budget_gbp",
        None,
        "base budget",
        "£ for the year",
        GBP,
        "required",
        "",
        "The base budget for children's social care in this financial year; a year the projection only partly covers gets a pro-rata share.",
        num!(s, i => s.money.budgets[i].budget_gbp),
        SPECIAL
    ),
    input!(
        Grant,
        "name",
        None,
        "name",
        "",
        Kind::Text,
        "required",
        "",
        "What the grant is; each grant has its own name.",
        get!(s, i => Value::Text(s.money.grants[i].name.clone())),
        SPECIAL
    ),
    input!(
        Grant,
        "month",
        None,
        "month",
        "",
        Kind::Month,
        "required",
        "",
        "The month the money arrives; it counts in that month's financial year.",
        get!(s, i => Value::Month(s.money.grants[i].month)),
        SPECIAL
    ),
    input!(
        Grant,
        "amount_gbp",
        None,
        "amount",
        "£, once",
        GBP,
        "required",
        "",
        "Money received once, in that month.",
        num!(s, i => s.money.grants[i].amount_gbp),
        SPECIAL
    ),
    input!(
        Scenario,
        "money.reserves_gbp",
        None,
        "Reserves",
        "£",
        GBP,
        "0",
        "",
        "Reserves the council can draw on to cover an overspend; underspends add to them.",
        num!(s, _ => s.money.reserves_gbp),
        row(Section::Money, "", "Reserves")
    ),
    input!(
        Scenario,
        "money.early_help_per_year_gbp",
        None,
        "Early help in the base budget",
        "£ a year",
        GBP,
        "0",
        "",
        "Early help already funded in the base budget; early-help interventions add to it.",
        num!(s, _ => s.money.early_help_per_year_gbp),
        row(Section::Money, "", "Early help in the base budget")
    ),
    input!(
        Scenario,
        "money.other_costs_per_month_gbp",
        None,
        "Other costs",
        "£ a month",
        GBP,
        "0",
        "",
        "Everything else the service spends: management, legal, overheads.",
        num!(s, _ => s.money.other_costs_per_month_gbp),
        row(Section::Money, "", "Other costs")
    ),
    input!(
        Scenario,
        "money.pay_award_percent",
        None,
        "Pay award",
        "% a year",
        GROWTH_PERCENT,
        "2",
        "NJC for Local Government Services, 2018-20 pay agreement (agreed 10 April 2018): 2% from 1 April 2018 and 2% from 1 April 2019 on the pay points social workers are paid on",
        "The yearly pay award on permanent and agency pay, compounding. The salaries entered are those at the start; the first award lands in the first award month after it.",
        num!(s, _ => s.money.pay_award_percent),
        row(Section::Money, "", "Pay award")
    ),
    input!(
        Scenario,
        "money.pay_award_month",
        None,
        "Pay award month",
        "month of the year",
        Kind::Whole { min: 1, max: 12 },
        "4",
        "April: the NJC pay year starts on 1 April",
        "The month each year's pay award lands in, 1 (January) to 12 (December).",
        get!(s, _ => Value::Whole(s.money.pay_award_month)),
        row(Section::Money, "", "Pay award lands in")
    ),
    input!(
        Scenario,
        "money.other_costs_inflation_percent",
        None,
        "Inflation on other costs",
        "% a year",
        GROWTH_PERCENT,
        "2",
        "an assumption: the Bank of England's 2% CPI inflation target",
        "Other costs grow by this much a year, compounded monthly from the start. Other-spending interventions, contracted teams, early help and grants stay at their cash amounts.",
        num!(s, _ => s.money.other_costs_inflation_percent),
        row(Section::Money, "", "Inflation on other costs")
    ),
    input!(
        Scenario,
        "money.budget_growth_percent",
        None,
        "Budget growth",
        "% a year",
        GROWTH_PERCENT,
        "0",
        "a budget grows only as the council decides",
        "A year with no budget listed takes the latest earlier listed year's budget grown by this much a year; before the first listed year the earliest stays as it is.",
        num!(s, _ => s.money.budget_growth_percent),
        row(Section::Money, "", "Budget growth")
    ),
    // Interventions, per intervention and per kind of action.
    input!(
        Intervention,
        "label",
        None,
        "label",
        "",
        Kind::Text,
        "required",
        "",
        "What people call the intervention; each has its own label.",
        get!(s, i => Value::Text(s.interventions[i].label.clone())),
        SPECIAL
    ),
    input!(
        Intervention,
        "enabled",
        None,
        "switched on",
        "",
        Kind::Switch,
        "yes",
        "",
        "On: part of the plan. Off: kept in the file, left out of the projection.",
        get!(s, i => Value::Switch(s.interventions[i].enabled)),
        SPECIAL
    ),
    input!(
        Intervention,
        "start",
        None,
        "first month",
        "",
        Kind::Month,
        "required",
        "",
        "The first month the intervention acts.",
        get!(s, i => Value::Month(s.interventions[i].start)),
        SPECIAL
    ),
    input!(
        Intervention,
        "action.group",
        Some("Recruit"),
        "staff group",
        "",
        Kind::Text,
        "required",
        "",
        "The id of the permanent staff group that gains the posts.",
        action!(Recruit, group, text),
        row(Section::Interventions, "", "Staff group")
    ),
    input!(
        Intervention,
        "action.extra_fte",
        Some("Recruit"),
        "extra posts",
        "FTE",
        FTE,
        "required",
        "Liverpool: +160 staff over two years",
        "Funded posts added to the group; recruitment then fills them at the policy's pace.",
        action!(Recruit, extra_fte, number),
        row(Section::Interventions, "", "Extra posts")
    ),
    input!(
        Intervention,
        "action.over_months",
        Some("Recruit"),
        "phased over",
        "months",
        PHASING,
        "required",
        "",
        "Posts are added in equal steps over these months.",
        action!(Recruit, over_months, whole),
        row(Section::Interventions, "", "Phased over")
    ),
    input!(
        Intervention,
        "action.group",
        Some("SetCaseloadCap"),
        "staff group",
        "",
        Kind::Text,
        "required",
        "",
        "The id of the permanent staff group whose cap changes.",
        action!(SetCaseloadCap, group, text),
        row(Section::Interventions, "", "Staff group")
    ),
    input!(
        Intervention,
        "action.cap",
        Some("SetCaseloadCap"),
        "new caseload cap",
        "cases per FTE",
        CAP,
        "required",
        "Wakefield: newly qualified 15, experienced 20",
        "The group's caseload cap from the start month.",
        action!(SetCaseloadCap, cap, number),
        row(Section::Interventions, "", "New cap")
    ),
    input!(
        Intervention,
        "action.amount_gbp",
        Some("Funding"),
        "amount",
        "£, once",
        GBP,
        "required",
        "Liverpool's share of the 2019-20 top-up: £5.1m",
        "A one-off grant or top-up, received in the start month and counted in its financial year (and in that month's reserves).",
        action!(Funding, amount_gbp, number),
        row(Section::Interventions, "", "Amount")
    ),
    input!(
        Intervention,
        "action.amount_gbp_per_year",
        Some("RecurringFunding"),
        "amount",
        "£ a year",
        GBP,
        "required",
        "Liverpool: 160 posts cost about £7.8m a year",
        "Funding received every year from the start month, in equal monthly parts (a twelfth a month).",
        action!(RecurringFunding, amount_gbp_per_year, number),
        row(Section::Interventions, "", "Amount a year")
    ),
    input!(
        Intervention,
        "action.years",
        Some("RecurringFunding"),
        "for",
        "years",
        Kind::Whole { min: 1, max: 50 },
        "required",
        "",
        "How many years the funding is received, from the start month.",
        action!(RecurringFunding, years, whole),
        row(Section::Interventions, "", "For")
    ),
    input!(
        Intervention,
        "action.annual_cost_gbp",
        Some("EarlyHelp"),
        "cost",
        "£ a year",
        GBP,
        "required",
        "",
        "What the early help costs, paid from the start month.",
        action!(EarlyHelp, annual_cost_gbp, number),
        row(Section::Interventions, "", "Cost")
    ),
    input!(
        Intervention,
        "action.referral_reduction_percent",
        Some("EarlyHelp"),
        "fewer referrals",
        "%",
        PERCENT,
        "required",
        "",
        "Cut in referrals once the effect starts.",
        action!(EarlyHelp, referral_reduction_percent, number),
        row(Section::Interventions, "", "Fewer referrals")
    ),
    input!(
        Intervention,
        "action.care_entry_reduction_percent",
        Some("EarlyHelp"),
        "fewer entries to care",
        "%",
        PERCENT,
        "required",
        "",
        "Cut in children entering care from referrals once the effect starts.",
        action!(EarlyHelp, care_entry_reduction_percent, number),
        row(Section::Interventions, "", "Fewer entries to care")
    ),
    input!(
        Intervention,
        "action.lag_months",
        Some("EarlyHelp"),
        "effect starts after",
        "months",
        Kind::WholeMonths {
            min: 0,
            max: MAX_WHOLE_MONTHS
        },
        "required",
        "",
        "Early help takes time to work: its effect starts this many months after it starts and ends when its funding ends, so a programme paid for no longer than this has no effect.",
        action!(EarlyHelp, lag_months, whole),
        row(Section::Interventions, "", "Effect starts after")
    ),
    input!(
        Intervention,
        "action.months",
        Some("EarlyHelp"),
        "runs for",
        "months",
        Kind::OptionalWholeMonths {
            min: 1,
            max: MAX_WHOLE_MONTHS
        },
        "none",
        "to the end of the projection",
        "How long the early help is paid for; its effect stops when the payments do.",
        action!(EarlyHelp, months, optional_whole),
        row(Section::Interventions, "", "Runs for")
    ),
    input!(
        Intervention,
        "action.cases",
        Some("ContractedTeam"),
        "cases held",
        "cases",
        CHILDREN,
        "required",
        "Liverpool: 180 cases for six months",
        "Cases the contracted team takes off caseloads.",
        action!(ContractedTeam, cases, number),
        row(Section::Interventions, "", "Cases held")
    ),
    input!(
        Intervention,
        "action.months",
        Some("ContractedTeam"),
        "runs for",
        "months",
        PHASING,
        "required",
        "",
        "How long the team works.",
        action!(ContractedTeam, months, whole),
        row(Section::Interventions, "", "For")
    ),
    input!(
        Intervention,
        "action.total_cost_gbp",
        Some("ContractedTeam"),
        "total cost",
        "£",
        GBP,
        "required",
        "",
        "What the team costs in all, spread evenly over its months.",
        action!(ContractedTeam, total_cost_gbp, number),
        row(Section::Interventions, "", "Total cost")
    ),
    input!(
        Intervention,
        "action.group",
        Some("ConvertAgency"),
        "staff group",
        "",
        Kind::Text,
        "required",
        "",
        "The id of the permanent staff group the converted agency workers join.",
        action!(ConvertAgency, group, text),
        row(Section::Interventions, "", "Staff group")
    ),
    input!(
        Intervention,
        "action.fte",
        Some("ConvertAgency"),
        "agency FTE converted",
        "FTE",
        FTE,
        "required",
        "",
        "Agency workers who become permanent staff of the group, filling its vacancies.",
        action!(ConvertAgency, fte, number),
        row(Section::Interventions, "", "Agency FTE converted")
    ),
    input!(
        Intervention,
        "action.over_months",
        Some("ConvertAgency"),
        "phased over",
        "months",
        PHASING,
        "required",
        "",
        "Converted in equal steps over these months.",
        action!(ConvertAgency, over_months, whole),
        row(Section::Interventions, "", "Over")
    ),
    input!(
        Intervention,
        "action.annual_cost_gbp",
        Some("ExtraSpending"),
        "cost",
        "£ a year",
        GBP,
        "required",
        "",
        "Other spending, such as an improvement plan or a new career structure.",
        action!(ExtraSpending, annual_cost_gbp, number),
        row(Section::Interventions, "", "Cost")
    ),
    input!(
        Intervention,
        "action.months",
        Some("ExtraSpending"),
        "runs for",
        "months",
        Kind::OptionalWholeMonths {
            min: 1,
            max: MAX_WHOLE_MONTHS
        },
        "none",
        "to the end of the projection",
        "How long the spending lasts.",
        action!(ExtraSpending, months, optional_whole),
        row(Section::Interventions, "", "Runs for")
    ),
    input!(
        Intervention,
        "action.places",
        Some("AddFosterPlaces"),
        "extra in-house foster places",
        "children",
        CHILDREN,
        "required",
        "",
        "In-house foster places added; they matter only where in-house places are limited.",
        action!(AddFosterPlaces, places, number),
        row(Section::Interventions, "", "Extra places")
    ),
    input!(
        Intervention,
        "action.over_months",
        Some("AddFosterPlaces"),
        "phased over",
        "months",
        PHASING,
        "required",
        "",
        "Places are added in equal steps over these months.",
        action!(AddFosterPlaces, over_months, whole),
        row(Section::Interventions, "", "Phased over")
    ),
    // Ranges for Monte Carlo runs.
    input!(
        Range,
        "field",
        None,
        "input",
        "",
        Kind::Text,
        "required",
        "",
        "The input's path, as in error messages: `staff[\"experienced\"].turnover_percent_per_year`.",
        get!(s, i => Value::Text(s.uncertainty[i].field.clone())),
        SPECIAL
    ),
    input!(
        Range,
        "low",
        None,
        "low",
        "",
        number(-MAX_GBP, MAX_GBP, 2, 0.1),
        "required",
        "",
        "The lowest value a draw can take; within the input's own limits.",
        get!(s, i => Value::Number(s.uncertainty[i].low)),
        SPECIAL
    ),
    input!(
        Range,
        "high",
        None,
        "high",
        "",
        number(-MAX_GBP, MAX_GBP, 2, 0.1),
        "required",
        "",
        "The highest value a draw can take; within the input's own limits.",
        get!(s, i => Value::Number(s.uncertainty[i].high)),
        SPECIAL
    ),
    input!(
        Range,
        "shape",
        None,
        "shape",
        "",
        Kind::Shape,
        "Triangular",
        "",
        "Triangular: most draws near the input's own value. Uniform: every value between low and high equally likely.",
        get!(s, i => Value::Shape(s.uncertainty[i].shape)),
        SPECIAL
    ),
];
