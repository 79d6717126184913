//! Numeric inputs addressed by their path in the file, such as
//! `demand.referral_growth_percent_per_year`, `staff["experienced"].turnover_percent_per_year`
//! or `interventions[1].action.extra_fte`. Uncertainty ranges, sensitivity and the
//! goal seek all change inputs this way.

use super::{Action, PlacementKind, Scenario};

/// One step of a path: a field name, optionally with a list item by position or
/// by its id / label / year / name.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Segment {
    name: String,
    item: Option<Item>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Item {
    Position(usize),
    Key(String),
}

fn parse(path: &str) -> Option<Vec<Segment>> {
    let mut segments = Vec::new();
    let mut rest = path.trim();
    while !rest.is_empty() {
        let end = rest.find(['.', '[']).unwrap_or(rest.len());
        let name = rest[..end].to_owned();
        rest = &rest[end..];
        let mut item = None;
        if let Some(after) = rest.strip_prefix('[') {
            // A quoted key may hold any character but a quote, brackets included.
            let close = match after.strip_prefix('"') {
                Some(quoted) => quoted.find('"').map(|quote| quote + 2)?,
                None => after.find(']')?,
            };
            let inside = &after[..close];
            if !after[close..].starts_with(']') {
                return None;
            }
            item = Some(
                match inside
                    .strip_prefix('"')
                    .and_then(|key| key.strip_suffix('"'))
                {
                    Some(key) => Item::Key(key.to_owned()),
                    None => Item::Position(inside.trim().parse().ok()?),
                },
            );
            rest = &after[close + 1..];
        }
        if name.is_empty() {
            return None;
        }
        segments.push(Segment { name, item });
        match rest.strip_prefix('.') {
            Some(next) => rest = next,
            None if rest.is_empty() => {}
            None => return None,
        }
    }
    (!segments.is_empty()).then_some(segments)
}

/// The lists whose items a path can name, and how: staff groups by id,
/// interventions by label, budgets by financial year, grants by name, seasonal
/// multipliers by position.
pub const NAMED_LISTS: [&str; 5] = [
    "staff",
    "interventions",
    "money.budgets",
    "money.grants",
    "demand.seasonality",
];

/// The path with list items named by their id, label, year or name rather than
/// numbered (`staff[1].fte` is `staff["experienced"].fte`), so that inserting an
/// item does not change the paths of the items after it. Seasonality months and
/// paths outside the named lists stay as they are, and so do items whose name
/// another item shares.
pub fn named_path(scenario: &Scenario, path: &str) -> String {
    for list in NAMED_LISTS
        .into_iter()
        .filter(|list| *list != "demand.seasonality")
    {
        let Some(rest) = path
            .strip_prefix(list)
            .and_then(|rest| rest.strip_prefix('['))
        else {
            continue;
        };
        let Some((index, after)) = rest.split_once(']') else {
            continue;
        };
        // A name two items share (in a scenario being edited; files refuse it)
        // would make them one: such items keep their position.
        let key = index.parse::<usize>().ok().and_then(|index| {
            let keys = item_keys(scenario, list)?;
            let key = keys.get(index)?;
            (keys.iter().filter(|other| *other == key).count() == 1).then(|| key.clone())
        });
        if let Some(key) = key {
            return format!("{list}[\"{key}\"]{after}");
        }
    }
    path.to_owned()
}

/// The names of the items of one of [`NAMED_LISTS`], in order; `None` for other paths.
pub fn item_keys(scenario: &Scenario, list: &str) -> Option<Vec<String>> {
    Some(match list {
        "staff" => scenario
            .staff
            .iter()
            .map(|group| group.id.clone())
            .collect(),
        "interventions" => scenario
            .interventions
            .iter()
            .map(|intervention| intervention.label.clone())
            .collect(),
        "money.budgets" => scenario
            .money
            .budgets
            .iter()
            .map(|budget| budget.year.label())
            .collect(),
        "money.grants" => scenario
            .money
            .grants
            .iter()
            .map(|grant| grant.name.clone())
            .collect(),
        "demand.seasonality" => (0..scenario.demand.seasonality.len())
            .map(|index| index.to_string())
            .collect(),
        _ => return None,
    })
}

/// The position of a list item named by position or by key.
fn position(item: &Option<Item>, keys: &[String]) -> Option<usize> {
    match item.as_ref()? {
        Item::Position(index) => (*index < keys.len()).then_some(*index),
        Item::Key(key) => keys.iter().position(|known| known == key),
    }
}

/// The numeric input at `path`, to read or change; `None` if there is none (or it
/// is an optional value that is switched off).
pub fn number_mut<'a>(scenario: &'a mut Scenario, path: &str) -> Option<&'a mut f64> {
    let segments = parse(path)?;
    let names: Vec<&str> = segments
        .iter()
        .map(|segment| segment.name.as_str())
        .collect();
    let plain = |index: usize| {
        segments
            .get(index)
            .is_some_and(|segment| segment.item.is_none())
    };
    match names.as_slice() {
        ["demand", field] if plain(1) => demand_field(scenario, field),
        ["demand", "seasonality"] => {
            let keys = item_keys(scenario, "demand.seasonality")?;
            let index = position(&segments[1].item, &keys)?;
            scenario.demand.seasonality.get_mut(index)
        }
        ["demand", "referral_outcomes", field] => {
            let outcomes = &mut scenario.demand.referral_outcomes;
            match *field {
                "no_further_action_percent" => Some(&mut outcomes.no_further_action_percent),
                "child_in_need_percent" => Some(&mut outcomes.child_in_need_percent),
                "child_protection_percent" => Some(&mut outcomes.child_protection_percent),
                "into_care_percent" => Some(&mut outcomes.into_care_percent),
                _ => None,
            }
        }
        ["demand", "case_weights", field] => {
            let weights = &mut scenario.demand.case_weights;
            match *field {
                "child_in_need" => Some(&mut weights.child_in_need),
                "child_protection" => Some(&mut weights.child_protection),
                "looked_after" => Some(&mut weights.looked_after),
                "care_leaver" => Some(&mut weights.care_leaver),
                _ => None,
            }
        }
        ["placements", "in_house_foster_places"] => {
            scenario.placements.in_house_foster_places.as_mut()
        }
        ["placements", kind, field] => {
            let kind = PlacementKind::ALL
                .into_iter()
                .find(|candidate| candidate.key() == *kind)?;
            let placement = scenario.placements.get_mut(kind);
            match *field {
                "current_percent" => Some(&mut placement.current_percent),
                "new_entry_percent" => Some(&mut placement.new_entry_percent),
                "weekly_cost_gbp" => Some(&mut placement.weekly_cost_gbp),
                "cost_growth_percent_per_year" => Some(&mut placement.cost_growth_percent_per_year),
                _ => None,
            }
        }
        ["staff", field] => {
            let keys = item_keys(scenario, "staff")?;
            let index = position(&segments[0].item, &keys)?;
            let group = &mut scenario.staff[index];
            match *field {
                "fte" => Some(&mut group.fte),
                "establishment" => Some(&mut group.establishment),
                "caseload_cap" => Some(&mut group.caseload_cap),
                "case_time_percent" => Some(&mut group.case_time_percent),
                "annual_salary_gbp" => Some(&mut group.annual_salary_gbp),
                "on_cost_percent" => Some(&mut group.on_cost_percent),
                "turnover_percent_per_year" => Some(&mut group.turnover_percent_per_year),
                "progression_months" => Some(&mut group.progression_months),
                "span_of_control" => group.span_of_control.as_mut(),
                _ => None,
            }
        }
        ["workforce", "burnout", field] => {
            let burnout = &mut scenario.workforce.burnout;
            match *field {
                "strength" => Some(&mut burnout.strength),
                "max_multiplier" => Some(&mut burnout.max_multiplier),
                _ => None,
            }
        }
        ["workforce", field] => {
            let policy = &mut scenario.workforce;
            match *field {
                "recruitment_percent_per_month" => Some(&mut policy.recruitment_percent_per_month),
                "time_to_hire_months" => Some(&mut policy.time_to_hire_months),
                "max_recruitment_starts_per_month" => {
                    policy.max_recruitment_starts_per_month.as_mut()
                }
                "agency_cover_percent" => Some(&mut policy.agency_cover_percent),
                "agency_premium_percent" => Some(&mut policy.agency_premium_percent),
                "agency_adjust_months" => Some(&mut policy.agency_adjust_months),
                "cost_per_hire_gbp" => Some(&mut policy.cost_per_hire_gbp),
                "caseload_spread_percent" => Some(&mut policy.caseload_spread_percent),
                _ => None,
            }
        }
        ["money", "budgets", "budget_gbp"] => {
            let keys = item_keys(scenario, "money.budgets")?;
            let index = position(&segments[1].item, &keys)?;
            Some(&mut scenario.money.budgets[index].budget_gbp)
        }
        ["money", "grants", "amount_gbp"] => {
            let keys = item_keys(scenario, "money.grants")?;
            let index = position(&segments[1].item, &keys)?;
            Some(&mut scenario.money.grants[index].amount_gbp)
        }
        ["money", field] if plain(1) => {
            let money = &mut scenario.money;
            match *field {
                "reserves_gbp" => Some(&mut money.reserves_gbp),
                "early_help_per_year_gbp" => Some(&mut money.early_help_per_year_gbp),
                "other_costs_per_month_gbp" => Some(&mut money.other_costs_per_month_gbp),
                _ => None,
            }
        }
        ["interventions", "action", field] => {
            let keys = item_keys(scenario, "interventions")?;
            let index = position(&segments[0].item, &keys)?;
            action_field(&mut scenario.interventions[index].action, field)
        }
        _ => None,
    }
}

fn demand_field<'a>(scenario: &'a mut Scenario, field: &str) -> Option<&'a mut f64> {
    let demand = &mut scenario.demand;
    Some(match field {
        "referrals_per_month" => &mut demand.referrals_per_month,
        "referral_growth_percent_per_year" => &mut demand.referral_growth_percent_per_year,
        "children_in_need" => &mut demand.children_in_need,
        "child_protection" => &mut demand.child_protection,
        "looked_after" => &mut demand.looked_after,
        "care_leavers" => &mut demand.care_leavers,
        "child_in_need_months" => &mut demand.child_in_need_months,
        "child_protection_months" => &mut demand.child_protection_months,
        "looked_after_months" => &mut demand.looked_after_months,
        "care_leaver_months" => &mut demand.care_leaver_months,
        "child_in_need_to_protection_percent_per_month" => {
            &mut demand.child_in_need_to_protection_percent_per_month
        }
        "protection_to_care_percent_per_month" => &mut demand.protection_to_care_percent_per_month,
        "protection_step_down_percent" => &mut demand.protection_step_down_percent,
        "care_leaver_percent" => &mut demand.care_leaver_percent,
        _ => return None,
    })
}

fn action_field<'a>(action: &'a mut Action, field: &str) -> Option<&'a mut f64> {
    match (action, field) {
        (Action::Recruit { extra_fte, .. }, "extra_fte") => Some(extra_fte),
        (Action::SetCaseloadCap { cap, .. }, "cap") => Some(cap),
        (Action::Funding { amount_gbp }, "amount_gbp") => Some(amount_gbp),
        (
            Action::EarlyHelp {
                annual_cost_gbp, ..
            },
            "annual_cost_gbp",
        ) => Some(annual_cost_gbp),
        (
            Action::EarlyHelp {
                referral_reduction_percent,
                ..
            },
            "referral_reduction_percent",
        ) => Some(referral_reduction_percent),
        (
            Action::EarlyHelp {
                care_entry_reduction_percent,
                ..
            },
            "care_entry_reduction_percent",
        ) => Some(care_entry_reduction_percent),
        (Action::ContractedTeam { cases, .. }, "cases") => Some(cases),
        (Action::ContractedTeam { total_cost_gbp, .. }, "total_cost_gbp") => Some(total_cost_gbp),
        (Action::ConvertAgency { fte, .. }, "fte") => Some(fte),
        (
            Action::ExtraSpending {
                annual_cost_gbp, ..
            },
            "annual_cost_gbp",
        ) => Some(annual_cost_gbp),
        (Action::AddFosterPlaces { places, .. }, "places") => Some(places),
        _ => None,
    }
}

/// The path with list items by position (`staff[1].fte` for `staff["experienced"].fte`),
/// so that two spellings of one input compare equal; `None` if an item is unknown.
pub fn canonical(scenario: &Scenario, path: &str) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    for segment in parse(path)? {
        let list = if parts.is_empty() {
            segment.name.clone()
        } else {
            format!("{}.{}", parts.join("."), segment.name)
        };
        parts.push(match &segment.item {
            None => segment.name.clone(),
            Some(item) => {
                let keys = item_keys(scenario, &list).unwrap_or_default();
                format!(
                    "{}[{}]",
                    segment.name,
                    position(&Some(item.clone()), &keys)?
                )
            }
        });
    }
    Some(parts.join("."))
}

/// The value of the numeric input at `path`.
pub fn number(scenario: &Scenario, path: &str) -> Option<f64> {
    let mut copy = scenario.clone();
    number_mut(&mut copy, path).map(|value| *value)
}

/// Every numeric input of the scenario, by path, in file order.
pub fn numeric_fields(scenario: &Scenario) -> Vec<String> {
    let Ok(text) = crate::io::scenario_to_ron(scenario) else {
        return Vec::new();
    };
    let locations = crate::io::locate::Locations::of(&text);
    let mut copy = scenario.clone();
    locations
        .leaf_values(&text)
        .filter(|(_, value)| value.parse::<f64>().is_ok())
        .map(|(path, _)| path.to_owned())
        .filter(|path| path != "version" && path != "horizon_months")
        .filter(|path| number_mut(&mut copy, path).is_some())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::default_scenario;

    #[test]
    fn paths_reach_fields_by_position_and_by_name() {
        let mut scenario = default_scenario();
        *number_mut(&mut scenario, "staff[\"experienced\"].fte").unwrap() = 99.0;
        assert_eq!(scenario.staff[1].fte, 99.0);
        assert_eq!(number(&scenario, "staff[1].fte"), Some(99.0));
        assert_eq!(number(&scenario, "demand.looked_after"), Some(1250.0));
        assert_eq!(
            number(
                &scenario,
                "interventions[\"+115 social workers over two years\"].action.extra_fte"
            ),
            Some(115.0)
        );
        assert_eq!(
            number(&scenario, "placements.residential.weekly_cost_gbp"),
            Some(3970.0)
        );
        assert_eq!(
            number(&scenario, "money.budgets[\"2018-19\"].budget_gbp"),
            Some(90_500_000.0)
        );
        assert_eq!(number(&scenario, "workforce.burnout.strength"), Some(2.0));
        assert_eq!(
            canonical(
                &scenario,
                "interventions[\"+115 social workers over two years\"].action.extra_fte"
            )
            .as_deref(),
            Some("interventions[1].action.extra_fte")
        );
        assert_eq!(
            canonical(&scenario, "staff[\"agency\"].fte").as_deref(),
            Some("staff[5].fte")
        );
        for bad in [
            "",
            "demand",
            "demand.nothing",
            "staff[9].fte",
            "staff[\"x\"].fte",
            "staff[1",
            "a..b",
        ] {
            assert_eq!(number(&scenario, bad), None, "{bad}");
        }
    }

    #[test]
    fn every_number_in_the_file_is_reachable() {
        let scenario = default_scenario();
        let fields = numeric_fields(&scenario);
        assert!(fields.len() > 80, "{}", fields.len());
        assert!(fields.contains(&"demand.referrals_per_month".to_owned()));
        assert!(fields.contains(&"staff[5].fte".to_owned()));
        assert!(fields.contains(&"interventions[0].action.cases".to_owned()));
    }
}
