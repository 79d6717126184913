//! Checks a parsed scenario against what the model can accept: every number
//! within what its catalogue entry ([`super::catalogue`]) allows, and the rules
//! that join inputs (shares adding up to 100, ids that exist). Each problem names
//! the field by its path in the file (`staff[1].fte`), so the file reader can point
//! at its line and column; [`Problem::name`] gives its name for people.

use std::collections::{HashMap, HashSet};

use super::catalogue::{self, Kind, Scope, Value};
use super::{Action, FORMAT_VERSION, HORIZON_MONTHS, Month, PlacementKind, Scenario};

/// One thing wrong with a scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where in the file, e.g. `staff[1].fte`; empty for the whole scenario.
    pub path: String,
    pub message: String,
}

impl Problem {
    /// What people call the input the problem is about, as the editor shows it
    /// ("Experienced social workers: staff in post (FTE)"), where it names one.
    pub fn name(&self, scenario: &Scenario) -> Option<String> {
        catalogue::name_of(scenario, &self.path)
    }
}

/// Largest values accepted. Far beyond any English council (England has about
/// 12 million children and 31,000 social workers), small enough that sums of them
/// over 120 months stay exact to the penny.
pub const MAX_CHILDREN: f64 = 10_000_000.0;
pub const MAX_FTE: f64 = 1_000_000.0;
pub const MAX_GBP: f64 = 1.0e12;
pub const MAX_MONTHS: f64 = 1_200.0;
/// Longest lists accepted, far beyond any real plan; they keep a hostile file from
/// making a projection that takes minutes or gigabytes.
pub const MAX_STAFF_GROUPS: usize = 50;
pub const MAX_INTERVENTIONS: usize = 500;
pub const MAX_RANGES: usize = 200;
pub const MAX_DATED_AMOUNTS: usize = 1_000;
/// Longest texts accepted (characters): ids are typed on the command line and
/// head CSV columns; names and labels fit on a line of a report; notes are prose.
pub const MAX_ID_CHARS: usize = 64;
pub const MAX_NAME_CHARS: usize = 200;
pub const MAX_NOTES_CHARS: usize = 100_000;
/// Longest input path of an uncertainty range: a label at its longest, quoted,
/// plus the list and field names around it.
pub const MAX_FIELD_PATH_CHARS: usize = MAX_NAME_CHARS + 100;
/// Shares that sum to 100% may be off by this much (rounding in a spreadsheet).
pub const SHARE_SUM_TOLERANCE_PERCENT: f64 = 0.1;

struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn report(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem {
            path: path.into(),
            message: message.into(),
        });
    }

    /// A finite number within `[min, max]`.
    fn number(&mut self, path: &str, value: f64, min: f64, max: f64) -> bool {
        if value.is_nan() {
            self.report(path, "must be a number, found NaN");
        } else if value.is_infinite() {
            self.report(path, format!("must be a finite number, found {value}"));
        } else if value < min {
            if min == 0.0 {
                self.report(path, format!("must not be negative, found {value}"));
            } else {
                self.report(path, format!("must be at least {min}, found {value}"));
            }
        } else if value > max {
            self.report(path, format!("must be at most {max}, found {value}"));
        } else {
            return true;
        }
        false
    }

    fn shares_sum_to_100(&mut self, path: &str, what: &str, shares: &[f64]) {
        if shares.iter().all(|share| share.is_finite()) {
            let total: f64 = shares.iter().sum();
            if (total - 100.0).abs() > SHARE_SUM_TOLERANCE_PERCENT {
                self.report(
                    path,
                    format!("{what} must add up to 100%, but they add up to {total}%"),
                );
            }
        }
    }
}

/// Every problem with the scenario; empty when the model can project it.
pub fn validate(scenario: &Scenario) -> Vec<Problem> {
    let mut check = Checker {
        problems: Vec::new(),
    };
    check_sizes(&mut check, scenario);
    if !check.problems.is_empty() {
        // A list far too long would bury its one real problem under thousands.
        return check.problems;
    }
    if scenario.version == 0 || scenario.version > FORMAT_VERSION {
        check.report(
            "version",
            format!(
                "format version {} is not one this Caseload reads (1 to {FORMAT_VERSION})",
                scenario.version
            ),
        );
    }
    if let Some(problem) = horizon_problem(scenario.start, scenario.horizon_months) {
        check.report("horizon_months", problem);
    }
    check_texts(&mut check, scenario);
    check_numbers(&mut check, scenario);
    check_demand(&mut check, scenario);
    check_placements(&mut check, scenario);
    check_staff(&mut check, scenario);
    check_money(&mut check, scenario);
    check_interventions(&mut check, scenario);
    check_uncertainty(&mut check, scenario);
    check.problems
}

/// Lists and texts within the limits above.
fn check_sizes(check: &mut Checker, scenario: &Scenario) {
    let lists = [
        (
            "staff",
            "staff groups",
            scenario.staff.len(),
            MAX_STAFF_GROUPS,
        ),
        (
            "interventions",
            "interventions",
            scenario.interventions.len(),
            MAX_INTERVENTIONS,
        ),
        (
            "uncertainty",
            "ranges",
            scenario.uncertainty.len(),
            MAX_RANGES,
        ),
        (
            "money.budgets",
            "budgets",
            scenario.money.budgets.len(),
            MAX_DATED_AMOUNTS,
        ),
        (
            "money.grants",
            "grants",
            scenario.money.grants.len(),
            MAX_DATED_AMOUNTS,
        ),
    ];
    for (path, what, count, max) in lists {
        if count > max {
            check.report(path, format!("at most {max} {what}, found {count}"));
        }
    }
}

/// Why a projection of `horizon_months` from `start` cannot be made, if it cannot:
/// the horizon must be one Caseload projects and end within its calendar.
pub fn horizon_problem(start: Month, horizon_months: u32) -> Option<String> {
    if !HORIZON_MONTHS.contains(&horizon_months) {
        return Some(format!(
            "must be between {} and {} months, found {horizon_months}",
            HORIZON_MONTHS.start(),
            HORIZON_MONTHS.end(),
        ));
    }
    let last = start.checked_plus(horizon_months as i32 - 1);
    match last {
        Some(_) => None,
        None => Some(format!(
            "{horizon_months} months from {} would end after {}, the last month Caseload handles",
            start.label(),
            Month::LAST.label()
        )),
    }
}

/// What a text field may hold.
#[derive(Clone, Copy)]
enum TextKind {
    /// Staff group ids: short, one line.
    Id,
    /// Names and labels: one line.
    Name,
    /// The notes: prose, with tabs and line breaks.
    Notes,
}

impl Checker {
    /// The text within its length and free of control characters (escape, bell and
    /// the rest of the C0 and C1 ranges), which could rewrite a terminal or hide
    /// what a name says; only notes may hold tabs and line breaks.
    fn text(&mut self, path: &str, text: &str, kind: TextKind) {
        let max = match kind {
            TextKind::Id => MAX_ID_CHARS,
            TextKind::Name => MAX_NAME_CHARS,
            TextKind::Notes => MAX_NOTES_CHARS,
        };
        let chars = text.chars().count();
        if chars > max {
            self.report(path, format!("at most {max} characters, found {chars}"));
        }
        let allowed = |c: char| matches!(kind, TextKind::Notes) && matches!(c, '\t' | '\n' | '\r');
        if let Some((position, control)) = text
            .chars()
            .enumerate()
            .find(|(_, c)| c.is_control() && !allowed(*c))
        {
            let what = match kind {
                TextKind::Notes => "control characters other than tabs and line breaks",
                TextKind::Id | TextKind::Name => {
                    "control characters (tabs, line breaks, escape and the like)"
                }
            };
            self.report(
                path,
                format!(
                    "must not hold {what}; found U+{:04X} at character {}",
                    u32::from(control),
                    position + 1
                ),
            );
        }
    }
}

/// Names, ids, labels and notes within their lengths and free of control
/// characters; intervention labels and grant names each used once, since paths
/// and "What changed" name those items by them.
fn check_texts(check: &mut Checker, scenario: &Scenario) {
    check.text("name", &scenario.name, TextKind::Name);
    check.text("notes", &scenario.notes, TextKind::Notes);
    if let Some(code) = &scenario.council
        && let Some(problem) = super::council::council_code_problem(code)
    {
        check.report("council", problem);
    }
    for (index, group) in scenario.staff.iter().enumerate() {
        check.text(&format!("staff[{index}].id"), &group.id, TextKind::Id);
        check.text(&format!("staff[{index}].name"), &group.name, TextKind::Name);
        if let Some(target) = &group.progresses_to {
            check.text(
                &format!("staff[{index}].progresses_to"),
                target,
                TextKind::Id,
            );
        }
    }
    let mut first_with_label: HashMap<&str, usize> = HashMap::new();
    for (index, intervention) in scenario.interventions.iter().enumerate() {
        let path = format!("interventions[{index}].label");
        check.text(&path, &intervention.label, TextKind::Name);
        if let Some(group) = intervention.action.group() {
            check.text(
                &format!("interventions[{index}].action.group"),
                group,
                TextKind::Id,
            );
        }
        match first_with_label.get(intervention.label.as_str()) {
            Some(first) => check.report(
                path,
                format!(
                    "interventions {} and {} are both labelled \"{}\"; give each its own label",
                    first + 1,
                    index + 1,
                    intervention.label
                ),
            ),
            None => {
                first_with_label.insert(&intervention.label, index);
            }
        }
    }
    let mut first_with_name: HashMap<&str, usize> = HashMap::new();
    for (index, grant) in scenario.money.grants.iter().enumerate() {
        let path = format!("money.grants[{index}].name");
        check.text(&path, &grant.name, TextKind::Name);
        match first_with_name.get(grant.name.as_str()) {
            Some(first) => check.report(
                path,
                format!(
                    "grants {} and {} are both named \"{}\"; give each its own name",
                    first + 1,
                    index + 1,
                    grant.name
                ),
            ),
            None => {
                first_with_name.insert(&grant.name, index);
            }
        }
    }
    for (index, range) in scenario.uncertainty.iter().enumerate() {
        let path = format!("uncertainty[{index}].field");
        let chars = range.field.chars().count();
        if chars > MAX_FIELD_PATH_CHARS {
            check.report(
                path,
                format!("at most {MAX_FIELD_PATH_CHARS} characters, found {chars}"),
            );
        } else if range.field.chars().any(char::is_control) {
            check.report(path, "an input's path holds no control characters");
        }
    }
}

/// Every number and count of months within what its catalogue entry accepts.
/// The version and the horizon have checks of their own, above.
fn check_numbers(check: &mut Checker, scenario: &Scenario) {
    for input in catalogue::inputs_of(scenario) {
        let Some(value) = input.read(scenario) else {
            continue;
        };
        match (input.input.kind, value) {
            (
                Kind::Number { min, max, .. } | Kind::OptionalNumber { min, max, .. },
                Value::Number(number),
            ) => {
                check.number(&input.path(), number, min, max);
            }
            (
                Kind::WholeMonths { min, max } | Kind::OptionalWholeMonths { min, max },
                Value::Whole(months),
            ) if input.input.scope != Scope::Scenario && (months < min || months > max) => {
                check.report(
                    input.path(),
                    format!("must be between {min} and {max} months, found {months}"),
                );
            }
            // The version has a check of its own, above.
            (Kind::Whole { min, max }, Value::Whole(count))
                if input.input.field != "version" && (count < min || count > max) =>
            {
                check.report(
                    input.path(),
                    format!("must be between {min} and {max}, found {count}"),
                );
            }
            _ => {}
        }
    }
}

fn check_demand(check: &mut Checker, scenario: &Scenario) {
    let demand = &scenario.demand;
    if !demand.seasonality.is_empty() {
        if demand.seasonality.len() != 12 {
            check.report(
                "demand.seasonality",
                format!(
                    "must list 12 monthly multipliers (January to December) or none, found {}",
                    demand.seasonality.len()
                ),
            );
        }
        if demand.seasonality.iter().all(|m| *m == 0.0) {
            check.report(
                "demand.seasonality",
                "the monthly multipliers cannot all be zero",
            );
        }
    }
    let outcomes = &demand.referral_outcomes;
    check.shares_sum_to_100(
        "demand.referral_outcomes",
        "referral outcome shares",
        &[
            outcomes.no_further_action_percent,
            outcomes.child_in_need_percent,
            outcomes.child_protection_percent,
            outcomes.into_care_percent,
        ],
    );
}

fn check_placements(check: &mut Checker, scenario: &Scenario) {
    let placements = &scenario.placements;
    let current: Vec<f64> = PlacementKind::ALL
        .iter()
        .map(|kind| placements.get(*kind).current_percent)
        .collect();
    check.shares_sum_to_100(
        "placements",
        "the placement kinds' shares of children in care now",
        &current,
    );
    let new_entry: Vec<f64> = PlacementKind::ALL
        .iter()
        .map(|kind| placements.get(*kind).new_entry_percent)
        .collect();
    check.shares_sum_to_100(
        "placements",
        "the placement kinds' shares of new entries to care",
        &new_entry,
    );
}

fn check_staff(check: &mut Checker, scenario: &Scenario) {
    if scenario.staff.is_empty() {
        check.report("staff", "list at least one staff group");
    }
    let mut seen_ids = HashSet::new();
    let mut agency_groups = 0;
    for (index, group) in scenario.staff.iter().enumerate() {
        let path = format!("staff[{index}]");
        if group.id.trim().is_empty() {
            check.report(format!("{path}.id"), "a staff group needs an id");
        } else if !seen_ids.insert(group.id.as_str()) {
            check.report(
                format!("{path}.id"),
                format!("the id \"{}\" is used by another staff group", group.id),
            );
        }
        if group.agency {
            agency_groups += 1;
            if agency_groups == 2 {
                check.report(
                    format!("{path}.agency"),
                    "only one staff group can be the agency group",
                );
            }
        }
        if let Some(target) = &group.progresses_to {
            match scenario.group_index(target) {
                None => check.report(
                    format!("{path}.progresses_to"),
                    format!("there is no staff group with the id \"{target}\""),
                ),
                Some(target_index) if target_index == index => check.report(
                    format!("{path}.progresses_to"),
                    "a staff group cannot progress to itself",
                ),
                Some(target_index) if scenario.staff[target_index].agency => check.report(
                    format!("{path}.progresses_to"),
                    "staff cannot progress into the agency group",
                ),
                Some(_) if group.agency => check.report(
                    format!("{path}.progresses_to"),
                    "the agency group does not progress",
                ),
                Some(_) => {}
            }
        }
        if group.span_of_control.is_some() && group.agency {
            check.report(
                format!("{path}.span_of_control"),
                "the agency group cannot have a span of control",
            );
        }
    }
}

fn check_money(check: &mut Checker, scenario: &Scenario) {
    let mut seen_years = HashSet::new();
    for (index, budget) in scenario.money.budgets.iter().enumerate() {
        if !seen_years.insert(budget.year) {
            check.report(
                format!("money.budgets[{index}].year"),
                format!("the budget for {} is given twice", budget.year),
            );
        }
    }
}

fn check_interventions(check: &mut Checker, scenario: &Scenario) {
    for (index, intervention) in scenario.interventions.iter().enumerate() {
        let path = format!("interventions[{index}].action");
        if let Some(group) = intervention.action.group() {
            match scenario.group_index(group) {
                None => check.report(
                    format!("{path}.group"),
                    format!("there is no staff group with the id \"{group}\""),
                ),
                Some(group_index) if scenario.staff[group_index].agency => check.report(
                    format!("{path}.group"),
                    "name a permanent staff group, not the agency group",
                ),
                Some(group_index)
                    if matches!(intervention.action, Action::Recruit { .. })
                        && scenario.staff[group_index].span_of_control.is_some() =>
                {
                    check.report(
                        format!("{path}.group"),
                        "this group's establishment follows its span of control; recruit to the groups it manages instead",
                    )
                }
                Some(_) => {}
            }
        }
        if matches!(intervention.action, Action::ConvertAgency { .. })
            && scenario.agency_group_index().is_none()
        {
            check.report(
                path.clone(),
                "converting agency staff needs an agency staff group (agency: true)",
            );
        }
    }
}

fn check_uncertainty(check: &mut Checker, scenario: &Scenario) {
    for (index, range) in scenario.uncertainty.iter().enumerate() {
        let path = format!("uncertainty[{index}]");
        // Low and high themselves are checked with the other numbers.
        let within = |value: f64| value.is_finite() && value.abs() <= MAX_GBP;
        let (low_ok, high_ok) = (within(range.low), within(range.high));
        let input = catalogue::resolve(scenario, &range.field);
        let (Some(value), Some((min, max))) = (
            input.and_then(|input| input.number(scenario)),
            input.and_then(|input| input.input.kind.limits()),
        ) else {
            check.report(
                format!("{path}.field"),
                format!(
                    "\"{}\" is not a numeric input of this scenario",
                    range.field
                ),
            );
            continue;
        };
        if !(low_ok && high_ok) {
            continue;
        }
        // Draws and sensitivity use every value in the range: each must be one the
        // input itself accepts.
        if range.low < min {
            check.report(
                format!("{path}.low"),
                format!(
                    "must be at least {min}, the input's own lowest value; found {}",
                    range.low
                ),
            );
        } else if range.high > max {
            check.report(
                format!("{path}.high"),
                format!(
                    "must be at most {max}, the input's own highest value; found {}",
                    range.high
                ),
            );
        } else if !(range.low <= value && value <= range.high) {
            check.report(
                path.clone(),
                format!(
                    "the range {} to {} must contain the input's value, {value}",
                    range.low, range.high
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::default_scenario;
    use crate::model::{Range, Shape};

    fn problem_at<'a>(problems: &'a [Problem], path: &str) -> Option<&'a Problem> {
        problems.iter().find(|problem| problem.path == path)
    }

    #[test]
    fn control_characters_are_refused_in_names_ids_and_labels() {
        for control in [
            '\u{1b}', '\u{7}', '\0', '\t', '\n', '\r', '\u{7f}', '\u{9b}',
        ] {
            let mut scenario = default_scenario();
            scenario.name = format!("Plan{control}[2J");
            scenario.staff[0].id = format!("a{control}");
            scenario.staff[0].name = format!("{control}Workers");
            scenario.interventions[0].label = format!("x{control}");
            let problems = validate(&scenario);
            for path in [
                "name",
                "staff[0].id",
                "staff[0].name",
                "interventions[0].label",
            ] {
                let problem = problem_at(&problems, path)
                    .unwrap_or_else(|| panic!("{control:?} in {path}: {problems:?}"));
                assert!(
                    problem.message.contains("control characters")
                        && problem
                            .message
                            .contains(&format!("U+{:04X}", u32::from(control))),
                    "{}",
                    problem.message
                );
            }
        }
    }

    #[test]
    fn notes_keep_tabs_and_line_breaks_but_not_other_control_characters() {
        let mut scenario = default_scenario();
        scenario.notes = "Line one\r\n\tLine two\n".to_owned();
        assert_eq!(validate(&scenario), Vec::new());
        scenario.notes.push('\u{1b}');
        let problems = validate(&scenario);
        assert!(
            problem_at(&problems, "notes")
                .is_some_and(|problem| problem.message.contains("U+001B at character 21")),
            "{problems:?}"
        );
    }

    #[test]
    fn the_council_is_an_ons_code_or_none() {
        let mut scenario = default_scenario();
        scenario.council = None;
        assert_eq!(validate(&scenario), Vec::new());
        scenario.council = Some("E08000012".to_owned());
        assert_eq!(validate(&scenario), Vec::new());
        scenario.council = Some("Liverpool".to_owned());
        let problems = validate(&scenario);
        let problem = problem_at(&problems, "council").unwrap();
        assert!(
            problem
                .message
                .starts_with("must be an ONS local-authority code"),
            "{}",
            problem.message
        );
        assert_eq!(
            problem.name(&scenario).as_deref(),
            Some("Council (ONS code)")
        );
    }

    #[test]
    fn texts_are_limited_in_length() {
        let mut scenario = default_scenario();
        scenario.staff[0].id = "i".repeat(MAX_ID_CHARS);
        scenario.name = "n".repeat(MAX_NAME_CHARS);
        scenario.interventions[0].label = "é".repeat(MAX_NAME_CHARS);
        scenario.notes = "x".repeat(MAX_NOTES_CHARS);
        // Keep the staff id's references pointing at it.
        let (old_id, new_id) = (
            default_scenario().staff[0].id.clone(),
            scenario.staff[0].id.clone(),
        );
        for group in &mut scenario.staff {
            if group.progresses_to.as_deref() == Some(old_id.as_str()) {
                group.progresses_to = Some(new_id.clone());
            }
        }
        assert_eq!(validate(&scenario), Vec::new());
        scenario.staff[0].id.push('i');
        scenario.name.push('n');
        scenario.interventions[0].label.push('é');
        scenario.notes.push('x');
        let problems = validate(&scenario);
        for (path, count) in [
            ("staff[0].id", MAX_ID_CHARS + 1),
            ("name", MAX_NAME_CHARS + 1),
            ("interventions[0].label", MAX_NAME_CHARS + 1),
            ("notes", MAX_NOTES_CHARS + 1),
        ] {
            assert!(
                problem_at(&problems, path)
                    .is_some_and(|problem| problem.message.contains(&format!("found {count}"))),
                "{path}: {problems:?}"
            );
        }
    }

    #[test]
    fn two_interventions_with_one_label_are_refused_naming_both() {
        let mut scenario = default_scenario();
        scenario.interventions[2].label = scenario.interventions[0].label.clone();
        let problems = validate(&scenario);
        let problem = problem_at(&problems, "interventions[2].label").unwrap();
        assert_eq!(
            problem.message,
            format!(
                "interventions 1 and 3 are both labelled \"{}\"; give each its own label",
                scenario.interventions[0].label
            )
        );
        assert_eq!(problem_at(&problems, "interventions[0].label"), None);
    }

    #[test]
    fn ranges_must_lie_within_the_inputs_own_limits() {
        let mut scenario = default_scenario();
        scenario.uncertainty = vec![
            Range {
                field: "staff[\"experienced\"].turnover_percent_per_year".to_owned(),
                low: -5.0,
                high: 30.0,
                shape: Shape::Triangular,
            },
            Range {
                field: "demand.referral_outcomes.into_care_percent".to_owned(),
                low: 0.0,
                high: 150.0,
                shape: Shape::Uniform,
            },
        ];
        let problems = validate(&scenario);
        assert_eq!(
            problem_at(&problems, "uncertainty[0].low").map(|p| p.message.as_str()),
            Some("must be at least 0, the input's own lowest value; found -5")
        );
        assert_eq!(
            problem_at(&problems, "uncertainty[1].high").map(|p| p.message.as_str()),
            Some("must be at most 100, the input's own highest value; found 150")
        );
    }

    #[test]
    fn the_horizon_must_end_within_the_calendar() {
        let mut scenario = default_scenario();
        scenario.start = Month::new(2200, 1).unwrap();
        scenario.horizon_months = 12;
        assert_eq!(problem_at(&validate(&scenario), "horizon_months"), None);
        scenario.horizon_months = 13;
        assert_eq!(
            problem_at(&validate(&scenario), "horizon_months").map(|p| p.message.as_str()),
            Some(
                "13 months from Jan 2200 would end after Dec 2200, the last month Caseload handles"
            )
        );
    }
}
