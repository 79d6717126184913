//! Numeric inputs addressed by their path in the file, such as
//! `demand.referral_growth_percent_per_year`, `staff["experienced"].turnover_percent_per_year`
//! or `interventions[1].action.extra_fte`. Uncertainty ranges, sensitivity and the
//! goal seek all change inputs this way; the catalogue ([`super::catalogue`])
//! knows every input and how to reach it.

use super::{Scenario, catalogue};

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

/// The numeric input at `path`, to read or change; `None` if there is none (or it
/// is an optional value that is switched off).
pub fn number_mut<'a>(scenario: &'a mut Scenario, path: &str) -> Option<&'a mut f64> {
    catalogue::resolve(scenario, path)?.number_mut(scenario)
}

/// The path with list items by position (`staff[1].fte` for `staff["experienced"].fte`),
/// so that two spellings of one input compare equal; `None` if it names no input.
pub fn canonical(scenario: &Scenario, path: &str) -> Option<String> {
    Some(catalogue::resolve(scenario, path)?.path())
}

/// The value of the numeric input at `path`.
pub fn number(scenario: &Scenario, path: &str) -> Option<f64> {
    catalogue::resolve(scenario, path)?.number(scenario)
}

/// Every numeric input of the scenario, by path, in file order.
pub fn numeric_fields(scenario: &Scenario) -> Vec<String> {
    catalogue::numeric_inputs(scenario)
        .iter()
        .map(catalogue::InputRef::path)
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
            Some(85_900_000.0)
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
            Some("staff[6].fte")
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
