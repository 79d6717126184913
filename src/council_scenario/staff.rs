//! The staff table from the children's social work workforce census: FTE in post,
//! agency, vacancies, turnover and case-holders, split into the model's groups by
//! stated assumptions.

use crate::model::money::DEFAULT_PAY_AWARD_PERCENT;
use crate::model::{StaffGroup, WorkforcePolicy};
use crate::published::Measure;
use crate::units::{percent, thousands};

use super::Comments;
use super::sources::{Sourced, Sources};

/// Share of permanent case-holders who are newly qualified (in their ASYE year):
/// an assumption, since the census does not split by role.
pub const NEWLY_QUALIFIED_SHARE: f64 = 0.1;
/// The year of the program's default salaries.
const SALARY_YEAR: i32 = 2018;

/// The census a scenario starting in April `year` uses: the one of 30 September
/// before its start (`year - 1`), as the examples do, or failing that the nearest
/// the council has (the census begins in 2017), the later of two as near; and
/// whether it is the council's own (or, with none, England's nearest).
pub fn census_year(sources: &Sources, year: i32) -> (i32, bool) {
    let nearest = |own: bool| {
        (2000..=2100)
            .filter(|census| {
                if own {
                    sources.own(Measure::SocialWorkersFte, *census).is_some()
                } else {
                    sources
                        .national(Measure::SocialWorkersFte, *census)
                        .is_some()
                }
            })
            .min_by_key(|census| ((year - 1 - census).abs(), -census))
    };
    match nearest(true) {
        Some(census) => (census, true),
        None => (nearest(false).unwrap_or(year - 1), false),
    }
}

/// The figure from the census of `census`, or England's standing in, or, without
/// either, `fallback` said as the program's default.
fn census_figure(
    sources: &mut Sources,
    measure: Measure,
    census: i32,
    basis_year: i32,
    rate: bool,
    fallback: f64,
) -> Sourced {
    let found = if rate {
        sources.rate(measure, census)
    } else {
        sources.count_scaled(measure, census, basis_year)
    };
    found.unwrap_or_else(|| Sourced {
        value: fallback,
        source: format!(
            "{} is not published: the program's default",
            measure.label()
        ),
        from_england: false,
    })
}

/// Salary of a group in the start year: the program's default (2018 pay) grown by
/// the default pay award of 2% a year.
fn salary(default_gbp: f64, year: i32) -> f64 {
    let factor = (1.0 + DEFAULT_PAY_AWARD_PERCENT / 100.0).powi(year - SALARY_YEAR);
    (default_gbp * factor / 100.0).round() * 100.0
}

/// The staff groups and the census figures they came from. `cases` is what the
/// model counts at the start (children in need, on plans and in care), to compare
/// its caseload with the census's.
pub fn staff(
    sources: &mut Sources,
    year: i32,
    cases: f64,
    workforce: &mut WorkforcePolicy,
    comments: &mut Comments,
) -> Vec<StaffGroup> {
    let (census, own_census) = census_year(sources, year);
    let which = if !own_census {
        format!(
            "{} has no workforce census of its own (a joint return, or none published): \
             England's of 30 September {census}, scaled by its share of England's children in \
             need at 31 March {year}, stands in.",
            sources.council.name
        )
    } else if census == year - 1 {
        "It is the census before the start.".to_owned()
    } else {
        format!(
            "There is no census of 30 September {} for {} (the census begins in 2017): the \
             nearest stands in.",
            year - 1,
            sources.council.name
        )
    };
    let in_post = census_figure(sources, Measure::SocialWorkersFte, census, year, false, 0.0);
    let agency = census_figure(sources, Measure::AgencyFte, census, year, false, 0.0);
    let vacancies = census_figure(sources, Measure::VacanciesFte, census, year, false, 0.0);
    let turnover = census_figure(sources, Measure::TurnoverPercent, census, year, true, 15.1);
    let holders = census_figure(sources, Measure::CaseHoldersFte, census, year, false, 0.0);
    let caseload = sources.rate(Measure::CaseloadPerCaseHolder, census);

    let permanent_holders = (holders.value - agency.value).clamp(0.0, in_post.value);
    let not_holding = in_post.value - permanent_holders;
    let newly_qualified = permanent_holders * NEWLY_QUALIFIED_SHARE;
    let experienced = permanent_holders - newly_qualified;
    let vacancy_share = |fte: f64| {
        if in_post.value > 0.0 {
            vacancies.value * fte / in_post.value
        } else {
            0.0
        }
    };
    let start_year = year;
    let group = |id: &str, name: &str, fte: f64, cap: f64, case_time: f64, pay: f64| StaffGroup {
        id: id.to_owned(),
        name: name.to_owned(),
        fte: round1(fte),
        establishment: round1(fte + vacancy_share(fte)),
        caseload_cap: cap,
        case_time_percent: case_time,
        annual_salary_gbp: salary(pay, start_year),
        turnover_percent_per_year: round1(turnover.value),
        ..StaffGroup::default()
    };
    let mut groups = vec![
        StaffGroup {
            progresses_to: Some("experienced".to_owned()),
            ..group(
                "asye",
                "Newly qualified social workers (ASYE)",
                newly_qualified,
                15.0,
                100.0,
                28_000.0,
            )
        },
        group(
            "experienced",
            "Experienced social workers",
            experienced,
            20.0,
            100.0,
            35_000.0,
        ),
        group(
            "other_social_workers",
            "Social workers not holding cases (managers, reviewing, fostering, adoption)",
            not_holding,
            0.0,
            0.0,
            39_000.0,
        ),
        StaffGroup {
            agency: true,
            establishment: 0.0,
            ..group(
                "agency",
                "Agency social workers",
                agency.value,
                20.0,
                100.0,
                35_000.0,
            )
        },
    ];
    // The asye group's own FTE rounds separately; keep the totals the census's.
    let rounded_in_post: f64 = groups[..3].iter().map(|group| group.fte).sum();
    groups[1].fte = round1(groups[1].fte + in_post.value - rounded_in_post);
    let rounded_posts: f64 = groups[..3].iter().map(|group| group.establishment).sum();
    groups[1].establishment =
        round1(groups[1].establishment + in_post.value + vacancies.value - rounded_posts);

    comments.add(
        "staff",
        format!(
            "From the children's social work workforce census of 30 September {census}. {which} \
             Social workers in post, {}; \
             vacancies, {}; the groups' establishment is FTE in post plus their share of the \
             vacancies ({} + {} = {} posts). Case-holding social workers, {}; the census counts \
             agency workers among case-holders (an assumption), so {} FTE permanent staff hold \
             cases and {} do not. The census does not split by role: {}% of permanent \
             case-holders are taken as newly qualified (an assumption). Turnover, {}, for every \
             permanent group. Salaries: the program's defaults (2018) grown by its 2% pay award \
             a year to {year}; an assumption.",
            in_post.source,
            vacancies.source,
            thousands(in_post.value, 1),
            thousands(vacancies.value, 1),
            thousands(in_post.value + vacancies.value, 1),
            holders.source,
            thousands(permanent_holders, 1),
            thousands(not_holding, 1),
            thousands(NEWLY_QUALIFIED_SHARE * 100.0, 0),
            turnover.source,
        ),
    );
    comments.add(
        "staff[3].fte",
        format!("Agency social workers, {}.", agency.source),
    );

    // Agency workers cover vacant case-holding posts in the model. Where the census
    // counts more of them than such vacancies, the rest cover posts it does not
    // count as vacant (absence, secondment); they are added to the experienced
    // group's posts, or the model would let them go in the first months.
    let vacant_holding = if in_post.value > 0.0 {
        vacancies.value * permanent_holders / in_post.value
    } else {
        0.0
    };
    let cover_text = if agency.value > vacant_holding {
        let surplus = agency.value - vacant_holding;
        groups[1].establishment = round1(groups[1].establishment + surplus);
        workforce.agency_cover_percent = 100.0;
        format!(
            "The census counts {} FTE agency workers against {} FTE vacant case-holding posts \
             (the vacancies' share of case-holders): the published figures disagree. The \
             agency figure is used: the {} FTE beyond the vacancies are taken to cover posts \
             the census does not count as vacant (absence, secondment), and are added to the \
             experienced group's establishment; agency cover is 100% of vacancies.",
            thousands(agency.value, 1),
            thousands(vacant_holding, 1),
            thousands(surplus, 1)
        )
    } else if vacant_holding <= 0.0 {
        "No vacant case-holding posts and no agency workers at the census: agency cover is \
         the program's default (England's share of vacancies covered, 30 September 2019)."
            .to_owned()
    } else {
        let cover = agency.value / vacant_holding * 100.0;
        workforce.agency_cover_percent = (cover * 10.0).round() / 10.0;
        format!(
            "{} FTE agency workers cover {} of the {} FTE vacant case-holding posts (the \
             vacancies' share of case-holders).",
            thousands(agency.value, 1),
            percent(cover / 100.0, 1),
            thousands(vacant_holding, 1)
        )
    };
    comments.add("workforce.agency_cover_percent", cover_text);

    // The caseload the model starts with against the census's.
    let holding = permanent_holders + agency.value;
    let model_caseload = (holding > 0.0).then(|| cases / holding);
    let check = match (model_caseload, caseload) {
        (Some(model), Some(census_caseload)) => {
            let gap = model / census_caseload.value - 1.0;
            if gap.abs() <= 0.005 {
                format!(
                    "The starting caseload, {} cases per case-holder, equals the census's ({}).",
                    thousands(model, 1),
                    census_caseload.source
                )
            } else {
                format!(
                    "The starting caseload is {} cases per case-holder (children in need, on \
                     plans and in care at 31 March {year} over {} case-holding FTE); the census \
                     gives {} ({}): {} {}. They differ because the census counts the cases \
                     social workers hold on 30 September, not the children in need at 31 March; \
                     the figures above are used as published.",
                    thousands(model, 1),
                    thousands(holding, 1),
                    thousands(census_caseload.value, 1),
                    census_caseload.source,
                    percent(gap.abs(), 0),
                    if gap > 0.0 { "higher" } else { "lower" }
                )
            }
        }
        (None, _) => "No case-holding staff are published: the model starts with no one to \
                      hold cases."
            .to_owned(),
        (Some(model), None) => format!(
            "The starting caseload is {} cases per case-holder; the census's caseload is not \
             published to compare it with.",
            thousands(model, 1)
        ),
    };
    comments.add("staff", check);
    groups
}

fn round1(value: f64) -> f64 {
    (value.max(0.0) * 10.0).round() / 10.0
}
