//! Demand from the published figures: referrals and their trend, what referrals
//! lead to, the stocks of children at 31 March and how long cases last.

use crate::model::Demand;
use crate::published::Measure;
use crate::units::{percent, thousands};

use super::Comments;
use super::sources::{Sources, shown};

/// Years of referrals the trend is fitted to: the chosen year and up to four
/// before it (a trend needs three).
pub const TREND_YEARS: i32 = 5;
/// A trend needs at least this many years.
const MIN_TREND_POINTS: usize = 3;
/// The trend is kept within these bounds (% a year): a wilder fit comes from a
/// change in how referrals were recorded, not from demand.
/// Several councils changed how they record referrals (Wakefield's 12,879 in 2016
/// against 4,016 in 2017), and three to five points swing with one odd year.
pub const TREND_BOUNDS: (f64, f64) = (-10.0, 10.0);

/// Midpoints of the published plan durations (months): up to 3 months, 3 to 6, 6
/// to 12, 1 to 2 years, 2 years or more (taken as 30).
const PLAN_DURATIONS: [(Measure, f64); 5] = [
    (Measure::PlansUpTo3Months, 1.5),
    (Measure::Plans3To6Months, 4.5),
    (Measure::Plans6To12Months, 9.0),
    (Measure::Plans1To2Years, 18.0),
    (Measure::Plans2YearsOrMore, 30.0),
];

/// The program's default care leavers per child in care (300 for 650).
const CARE_LEAVERS_PER_CHILD_IN_CARE: f64 = 300.0 / 650.0;

/// The referral trend of `referrals` (year, count): yearly growth (%) of a
/// straight line through the logarithms, and the years used. `None` with fewer
/// than three years.
pub fn referral_trend(points: &[(i32, f64)]) -> Option<(f64, Vec<i32>)> {
    let points: Vec<(f64, f64)> = points
        .iter()
        .filter(|(_, count)| *count > 0.0)
        .map(|(year, count)| (f64::from(*year), count.ln()))
        .collect();
    if points.len() < MIN_TREND_POINTS {
        return None;
    }
    let n = points.len() as f64;
    let mean_x = points.iter().map(|(x, _)| x).sum::<f64>() / n;
    let mean_y = points.iter().map(|(_, y)| y).sum::<f64>() / n;
    let spread: f64 = points.iter().map(|(x, _)| (x - mean_x).powi(2)).sum();
    let together: f64 = points
        .iter()
        .map(|(x, y)| (x - mean_x) * (y - mean_y))
        .sum();
    let growth = (together / spread).exp_m1() * 100.0;
    let years = points.iter().map(|(x, _)| *x as i32).collect();
    growth.is_finite().then_some((growth, years))
}

fn years_text(years: &[i32]) -> String {
    let texts: Vec<String> = years.iter().map(i32::to_string).collect();
    texts.join(", ")
}

/// The referrals a council published in the trend's years.
fn referral_points(sources: &Sources, england: bool, year: i32) -> Vec<(i32, f64)> {
    (year - TREND_YEARS + 1..=year)
        .filter_map(|y| {
            let figure = if england {
                sources.national(Measure::Referrals, y)
            } else {
                sources.own(Measure::Referrals, y)
            };
            figure.map(|figure| (y, figure.value))
        })
        .collect()
}

/// Demand for the year ending 31 March `year` (which has children in care,
/// children in need and referrals published).
pub fn demand(sources: &mut Sources, year: i32, comments: &mut Comments) -> Demand {
    let mut demand = Demand::default();
    let name = sources.council.name.clone();
    let defaults = Demand::default();

    // Referrals.
    if let Some(referrals) = sources.published(Measure::Referrals, year) {
        demand.referrals_per_month = referrals.value / 12.0;
        comments.add(
            "demand.referrals_per_month",
            format!(
                "Referrals in the year ending 31 March {year}, {}, a twelfth of it a month.",
                referrals.source
            ),
        );
    }
    let own_trend = referral_trend(&referral_points(sources, false, year));
    let (growth, comment) = match own_trend {
        Some((growth, years)) => (
            growth,
            format!(
                "Trend of {name}'s referrals (table C1) in the years ending 31 March {}: \
                 {} a year (a straight line through their logarithms)",
                years_text(&years),
                signed(growth)
            ),
        ),
        None => match referral_trend(&referral_points(sources, true, year)) {
            Some((growth, years)) => {
                sources.stood_in(format!(
                    "Referral growth: {name} has fewer than {MIN_TREND_POINTS} years of referrals \
                     to {year}; England's trend stands in"
                ));
                (
                    growth,
                    format!(
                        "{name} has fewer than {MIN_TREND_POINTS} years of referrals published \
                         to {year}: England's trend stands in (table C1, years ending 31 March \
                         {}: {} a year)",
                        years_text(&years),
                        signed(growth)
                    ),
                )
            }
            None => (
                defaults.referral_growth_percent_per_year,
                "No trend can be fitted: the program's default (an assumption)".to_owned(),
            ),
        },
    };
    let bounded = growth.clamp(TREND_BOUNDS.0, TREND_BOUNDS.1);
    demand.referral_growth_percent_per_year = (bounded * 10.0).round() / 10.0;
    let bound_note = if bounded == growth {
        String::new()
    } else {
        format!(
            "; held to {} a year, the most this builder takes from a trend (a jump that size \
             comes from a change in recording or one odd year more often than from demand; \
             check it against the council's own forecast)",
            signed(bounded)
        )
    };
    comments.add(
        "demand.referral_growth_percent_per_year",
        format!("{comment}{bound_note}."),
    );
    comments.add(
        "demand.referral_first_growth_percent_per_year",
        "None: the trend applies from the start.".to_owned(),
    );

    // What referrals lead to.
    let counts = [Measure::NoFurtherAction, Measure::AssessedNotInNeed]
        .map(|measure| sources.own(measure, year).map(|figure| figure.value));
    let referrals = sources
        .own(Measure::Referrals, year)
        .map_or(0.0, |figure| figure.value);
    let no_case_share = match counts {
        [Some(nfa), Some(not_in_need)] if referrals > 0.0 => Some((
            (nfa + not_in_need) / referrals,
            format!(
                "Published: {} referrals with no further action and {} assessed as not in \
                 need, of {} (table C1, year ending 31 March {year}): {}",
                thousands(nfa, 0),
                thousands(not_in_need, 0),
                thousands(referrals, 0),
                percent((nfa + not_in_need) / referrals, 1)
            ),
        )),
        _ => {
            let national = [
                Measure::NoFurtherAction,
                Measure::AssessedNotInNeed,
                Measure::Referrals,
            ]
            .map(|measure| sources.national(measure, year).map(|figure| figure.value));
            match national {
                [Some(nfa), Some(not_in_need), Some(all)] if all > 0.0 => {
                    sources.stood_in(format!(
                        "Referrals ending without a case (year ending 31 March {year}): not \
                         published for {name}; England's share stands in"
                    ));
                    Some((
                        (nfa + not_in_need) / all,
                        format!(
                            "Referrals with no further action or assessed as not in need are not \
                             published for {name} in the year ending 31 March {year}: England's \
                             share stands in (table C1): {}",
                            percent((nfa + not_in_need) / all, 1)
                        ),
                    ))
                }
                _ => None,
            }
        }
    };
    let outcomes = &mut demand.referral_outcomes;
    let fixed = outcomes.child_protection_percent + outcomes.into_care_percent;
    if let Some((share, text)) = no_case_share {
        let most = 100.0 - fixed - 5.0;
        let nfa = (share * 100.0).min(most);
        outcomes.no_further_action_percent = (nfa * 10.0).round() / 10.0;
        let held = if share * 100.0 > most {
            format!(
                "; held to {} so that some referrals open cases",
                thousands(most, 1)
            )
        } else {
            String::new()
        };
        comments.add(
            "demand.referral_outcomes.no_further_action_percent",
            format!("{text}{held}. Both end without a case."),
        );
    }
    outcomes.child_in_need_percent =
        ((100.0 - outcomes.no_further_action_percent - fixed) * 10.0).round() / 10.0;
    comments.add(
        "demand.referral_outcomes.child_in_need_percent",
        "The rest of the referrals, after the no-case share above and the two below.".to_owned(),
    );
    comments.add(
        "demand.referral_outcomes.child_protection_percent",
        "Not published by council as shares of referrals: the program's defaults (England's \
         2018-19 flows) for plans and care."
            .to_owned(),
    );

    // Stocks at 31 March.
    let cin = sources.published(Measure::ChildrenInNeed, year);
    let looked_after = sources.published(Measure::ChildrenInCare, year);
    let plans = sources.count(Measure::ProtectionPlans, year);
    if let Some(looked_after) = &looked_after {
        demand.looked_after = looked_after.value;
        comments.add(
            "demand.looked_after",
            format!(
                "Children in care at 31 March {year}, {}.",
                looked_after.source
            ),
        );
    }
    if let Some(plans) = &plans {
        demand.child_protection = plans.value.round();
        comments.add(
            "demand.child_protection",
            format!(
                "Child protection plans at 31 March {year}, {}.",
                plans.source
            ),
        );
    } else {
        comments.add(
            "demand.child_protection",
            format!(
                "Child protection plans at 31 March {year} are published neither for {name} \
                 nor for England: the program's default."
            ),
        );
    }
    if let (Some(cin), Some(looked_after)) = (&cin, &looked_after) {
        let plans_value = demand.child_protection;
        let net = cin.value - plans_value - looked_after.value;
        demand.children_in_need = net.max(0.0);
        let mut text = format!(
            "Children in need at 31 March {year}, {}; the census counts those on plans and in \
             care among them, the model apart: {} - {} - {} = {}.",
            cin.source,
            thousands(cin.value, 0),
            thousands(plans_value, 0),
            thousands(looked_after.value, 0),
            thousands(net, 0)
        );
        if net < 0.0 {
            text.push_str(
                " The published figures disagree (more on plans and in care than in need): \
                 the model starts with none; the plans and children in care are used as \
                 published.",
            );
        }
        comments.add("demand.children_in_need", text);
    }
    demand.care_leavers = (demand.looked_after * CARE_LEAVERS_PER_CHILD_IN_CARE).round();
    comments.add(
        "demand.care_leavers",
        format!(
            "Not in these tables: an assumption, the program's default of 300 care leavers for \
             650 children in care, applied to {}.",
            thousands(demand.looked_after, 0)
        ),
    );

    // How long cases last, before balancing (see the notes beside each).
    durations(sources, year, &mut demand, comments);
    demand
}

fn signed(percent_value: f64) -> String {
    let text = format!("{}%", thousands(percent_value, 1));
    if percent_value > 0.0 && !text.starts_with('-') {
        format!("+{text}")
    } else {
        text
    }
}

/// Time in care from the number in care and the number ceasing; plan length from
/// plans by duration; the time a child-in-need case stays open is the program's
/// default. Balancing may set them afresh ([`super::balance`]).
fn durations(sources: &mut Sources, year: i32, demand: &mut Demand, comments: &mut Comments) {
    let name = sources.council.name.clone();
    let ceased = sources.count(Measure::CeasedCare, year);
    if let Some(ceased) = ceased.filter(|ceased| ceased.value > 0.0) {
        let months = (demand.looked_after / ceased.value * 12.0).clamp(1.0, 1_200.0);
        demand.looked_after_months = (months * 10.0).round() / 10.0;
        comments.add(
            "demand.looked_after_months",
            format!(
                "From the published figures: {} in care at 31 March {year} over {} ceasing in \
                 the year ({}), times 12: {} months.",
                thousands(demand.looked_after, 0),
                shown(Measure::CeasedCare, ceased.value),
                ceased.source,
                thousands(months, 1)
            ),
        );
    } else {
        comments.add(
            "demand.looked_after_months",
            "Children ceasing care are not published: the program's default.".to_owned(),
        );
    }

    let by_duration = |england: bool| -> Option<f64> {
        let mut total = 0.0;
        let mut weighted = 0.0;
        for (measure, midpoint) in PLAN_DURATIONS {
            let figure = if england {
                sources.national(measure, year)
            } else {
                sources.own(measure, year)
            }?;
            total += figure.value;
            weighted += figure.value * midpoint;
        }
        (total > 0.0).then(|| weighted / total)
    };
    let how = "the mean time the plans open at 31 March had lasted (midpoints 1.5, 4.5, 9, \
               18 and 30 months of the published bands; in a steady flow the time plans have \
               been open averages their length)";
    if let Some(months) = by_duration(false) {
        demand.child_protection_months = (months * 10.0).round() / 10.0;
        comments.add(
            "demand.child_protection_months",
            format!(
                "From the published figures (table D5, plans by duration, 31 March {year}): \
                 {how}: {} months.",
                thousands(months, 1)
            ),
        );
    } else if let Some(months) = by_duration(true) {
        demand.child_protection_months = (months * 10.0).round() / 10.0;
        sources.stood_in(format!(
            "Plan length: plans by duration are not all published for {name} at 31 March \
             {year}; England's stand in"
        ));
        comments.add(
            "demand.child_protection_months",
            format!(
                "Plans by duration are not all published for {name} at 31 March {year}: \
                 England's stand in (table D5): {how}: {} months.",
                thousands(months, 1)
            ),
        );
    }
    comments.add(
        "demand.child_in_need_months",
        "Not published by council: the program's default.".to_owned(),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_steady_rise_of_ten_percent_is_found() {
        let points: Vec<(i32, f64)> = (2015..2020)
            .map(|year| (year, 1000.0 * 1.1f64.powi(year - 2015)))
            .collect();
        let (growth, years) = referral_trend(&points).unwrap();
        assert!((growth - 10.0).abs() < 1e-9, "{growth}");
        assert_eq!(years, vec![2015, 2016, 2017, 2018, 2019]);
    }

    #[test]
    fn two_years_make_no_trend() {
        assert_eq!(referral_trend(&[(2018, 10.0), (2019, 12.0)]), None);
    }
}
