//! The catalogue of inputs: one entry per input of the scenario file, saying what
//! it is called for people, its unit, what it accepts, its default and where that
//! comes from, what it means, how fast it drags and where the editor draws it (its
//! [`Place`]: section, sub-heading and row label, or a table column). Validation,
//! the editor (which draws its number rows, staff-table columns and intervention
//! fields by iterating the catalogue), Monte Carlo, sensitivity, goal seek, the
//! input diff, error messages and the README's file-format tables all read it, so
//! adding an input touches the struct, this catalogue and the equation that uses
//! it, nothing else.
//!
//! Inputs that repeat (per staff group, per placement kind, per intervention) are
//! described once, as templates; [`InputRef`] is one of them at one list item.

mod entries;
mod readme;

pub use entries::CATALOGUE;
pub use readme::readme_tables;

use super::{Action, FinancialYear, Month, PlacementKind, Scenario, Shape};

/// Where an input lives: in the scenario itself, or in every item of a list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Once per scenario; the entry's `field` is the whole path.
    Scenario,
    /// One of the twelve seasonal multipliers, `demand.seasonality[N]`.
    Season,
    /// Each placement kind: `placements.KIND.FIELD`.
    Placement,
    /// Each staff group: `staff[N].FIELD`.
    StaffGroup,
    /// Each year's budget: `money.budgets[N].FIELD`.
    Budget,
    /// Each grant: `money.grants[N].FIELD`.
    Grant,
    /// Each intervention: `interventions[N].FIELD`.
    Intervention,
    /// Each uncertainty range: `uncertainty[N].FIELD`.
    Range,
}

impl Scope {
    /// The list's path in the file, for scopes that are lists.
    pub fn list_path(self) -> Option<&'static str> {
        Some(match self {
            Scope::Scenario | Scope::Placement => return None,
            Scope::Season => "demand.seasonality",
            Scope::StaffGroup => "staff",
            Scope::Budget => "money.budgets",
            Scope::Grant => "money.grants",
            Scope::Intervention => "interventions",
            Scope::Range => "uncertainty",
        })
    }

    /// How many items of this scope the scenario has.
    pub fn item_count(self, scenario: &Scenario) -> usize {
        match self {
            Scope::Scenario => 1,
            Scope::Season => scenario.demand.seasonality.len(),
            Scope::Placement => PlacementKind::ALL.len(),
            Scope::StaffGroup => scenario.staff.len(),
            Scope::Budget => scenario.money.budgets.len(),
            Scope::Grant => scenario.money.grants.len(),
            Scope::Intervention => scenario.interventions.len(),
            Scope::Range => scenario.uncertainty.len(),
        }
    }
}

/// What kind of value an input holds, and what it accepts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    /// A number from `min` to `max`, shown with `decimals` decimals and dragged
    /// `step` per pixel (pounds drag by a share of the amount instead).
    Number {
        min: f64,
        max: f64,
        decimals: usize,
        step: f64,
    },
    /// A number that may be left out (`None`), taking `when_switched_on` when the
    /// editor switches it on.
    OptionalNumber {
        min: f64,
        max: f64,
        decimals: usize,
        step: f64,
        when_switched_on: f64,
    },
    /// A whole number from `min` to `max` (the format version).
    Whole {
        min: u32,
        max: u32,
    },
    /// A whole number of months from `min` to `max`.
    WholeMonths {
        min: u32,
        max: u32,
    },
    /// Whole months that may be left out (to the end of the projection).
    OptionalWholeMonths {
        min: u32,
        max: u32,
    },
    Switch,
    Text,
    Month,
    FinancialYear,
    Shape,
}

impl Kind {
    /// The values a number accepts.
    pub fn limits(self) -> Option<(f64, f64)> {
        match self {
            Kind::Number { min, max, .. } | Kind::OptionalNumber { min, max, .. } => {
                Some((min, max))
            }
            Kind::Whole { min, max }
            | Kind::WholeMonths { min, max }
            | Kind::OptionalWholeMonths { min, max } => Some((f64::from(min), f64::from(max))),
            _ => None,
        }
    }
}

/// An input's value, read from a scenario.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Number(f64),
    Whole(u32),
    Switch(bool),
    Text(String),
    Month(Month),
    Year(FinancialYear),
    Shape(Shape),
    /// An optional value left out.
    Absent,
}

/// Reads an input of one item (the item's position in its list; the placement
/// kind's for placements). `None` when the item does not have this input (an
/// intervention of another kind).
pub type Read = fn(&Scenario, usize) -> Option<Value>;
/// The number an input holds, to change; `None` when it has none (another kind
/// of intervention, or an optional number left out).
pub type NumberMut = for<'a> fn(&'a mut Scenario, usize) -> Option<&'a mut f64>;
/// An optional number itself, to switch on or off; `None` when the item has no
/// such input.
pub type OptionalMut = for<'a> fn(&'a mut Scenario, usize) -> Option<&'a mut Option<f64>>;

/// The editor's sections that draw inputs from the catalogue, in the editor's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    Demand,
    Placements,
    Staff,
    /// Recruitment, agency and burnout.
    Workforce,
    Money,
    Interventions,
}

/// Where the editor draws an input, so that a new input appears in the editor
/// without editor code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    pub section: Section,
    /// The sub-heading it sits under; empty where the section has no groups.
    pub group: &'static str,
    /// Its short label on the row ("Growth"), or its name in a table column
    /// ("FTE", read as "FTE of Experienced social workers").
    pub label: &'static str,
    /// For a column of a table (staff groups, placement kinds), the column's
    /// heading ("Salary £"); empty for a row of its own.
    pub heading: &'static str,
}

impl Place {
    /// A column of a table with one row per item, rather than a row of its own.
    pub fn is_column(&self) -> bool {
        !self.heading.is_empty()
    }
}

/// One input, or one template of inputs that repeat.
pub struct Input {
    pub scope: Scope,
    /// The path within its scope, as the file spells it: `demand.referrals_per_month`
    /// for the scenario, `fte` for a staff group, `action.extra_fte` for an intervention.
    pub field: &'static str,
    /// For an intervention's action fields, the kind of action (`Recruit`).
    pub action: Option<&'static str>,
    /// What people call it; a list item's own name goes before it
    /// ("Experienced social workers: staff in post").
    pub name: &'static str,
    /// The unit for people ("FTE", "£ a year"); empty for none.
    pub unit: &'static str,
    pub kind: Kind,
    /// The default as the README shows it ("450", "none", "required").
    pub default: &'static str,
    /// Where the default comes from.
    pub source: &'static str,
    /// What it means, in a line.
    pub meaning: &'static str,
    pub read: Read,
    pub number: Option<NumberMut>,
    /// For an optional number, the option itself, which the editor switches on and off.
    pub optional: Option<OptionalMut>,
    /// Where the editor draws it; `None` for inputs only special widgets show
    /// (the seasonal grid, budgets, grants, uncertainty ranges, names, months).
    pub place: Option<Place>,
}

impl Input {
    /// The drag speed for a number: pounds move by a 200th of the amount, other
    /// numbers by the entry's step.
    pub fn drag_speed(&self, value: f64) -> f64 {
        match self.kind {
            Kind::Number { step, .. } | Kind::OptionalNumber { step, .. } if self.is_pounds() => {
                (value.abs() / 200.0).clamp(step, 1_000_000.0)
            }
            Kind::Number { step, .. } | Kind::OptionalNumber { step, .. } => step,
            _ => 0.1,
        }
    }

    pub fn is_pounds(&self) -> bool {
        self.unit.starts_with('£')
    }

    pub fn decimals(&self) -> usize {
        match self.kind {
            Kind::Number { decimals, .. } | Kind::OptionalNumber { decimals, .. } => decimals,
            _ => 0,
        }
    }

    /// The meaning, the default and its source, and what is allowed: the editor's
    /// tooltip.
    pub fn help(&self) -> String {
        let mut help = self.meaning.to_owned();
        if !self.default.is_empty() {
            help.push_str(&format!("\n\nDefault: {}", self.default));
            if !self.source.is_empty() {
                help.push_str(&format!(" ({})", self.source));
            }
            help.push('.');
        }
        if let Some(allowed) = self.allowed() {
            help.push_str(&format!("\nAllowed: {allowed}."));
        }
        help
    }

    /// What it accepts, in words: "0 to 100", "1 to 1,200 months".
    pub fn allowed(&self) -> Option<String> {
        let (min, max) = self.kind.limits()?;
        let months = matches!(
            self.kind,
            Kind::WholeMonths { .. } | Kind::OptionalWholeMonths { .. }
        );
        Some(format!(
            "{} to {}{}",
            plain_number(min),
            plain_number(max),
            if months { " months" } else { "" }
        ))
    }

    /// The path of this input at one item, by position: `staff[1].fte`.
    fn path_at(&self, item: usize) -> String {
        match self.scope {
            Scope::Scenario => self.field.to_owned(),
            Scope::Season => format!("demand.seasonality[{item}]"),
            Scope::Placement => {
                let key = PlacementKind::ALL.get(item).map_or("", |kind| kind.key());
                format!("placements.{key}.{}", self.field)
            }
            scope => format!(
                "{}[{item}].{}",
                scope.list_path().unwrap_or_default(),
                self.field
            ),
        }
    }
}

/// A number as a person reads it in a range: `1,000,000`, `-50`, `0.5`.
fn plain_number(value: f64) -> String {
    if value.abs() >= 1.0e9 {
        return format!("{value:e}").replace("e", " × 10^");
    }
    let whole = value.trunc();
    let digits: String = {
        let text = format!("{}", whole.abs() as u64);
        let mut grouped = String::new();
        for (index, digit) in text.chars().enumerate() {
            if index > 0 && (text.len() - index) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(digit);
        }
        grouped
    };
    let fraction = value.abs() - whole.abs();
    let sign = if value < 0.0 { "-" } else { "" };
    if fraction == 0.0 {
        format!("{sign}{digits}")
    } else {
        let fraction = format!("{fraction}");
        format!("{sign}{digits}{}", fraction.trim_start_matches('0'))
    }
}

/// One input of one scenario: a catalogue entry at one list item. Resolving a
/// path to this once lets Monte Carlo change the input draw after draw without
/// reading the path again.
#[derive(Clone, Copy)]
pub struct InputRef {
    pub input: &'static Input,
    /// The item's position in its list (the placement kind's for placements; 0
    /// for the scenario).
    pub item: usize,
}

impl std::fmt::Debug for InputRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "InputRef({})", self.input.path_at(self.item))
    }
}

impl PartialEq for InputRef {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.input, other.input) && self.item == other.item
    }
}

impl InputRef {
    /// The input's value in `scenario`; `None` if the item is missing or has no
    /// such input.
    pub fn read(&self, scenario: &Scenario) -> Option<Value> {
        (self.item < self.input.scope.item_count(scenario))
            .then(|| (self.input.read)(scenario, self.item))
            .flatten()
    }

    /// The number it holds, to read or change.
    pub fn number_mut<'a>(&self, scenario: &'a mut Scenario) -> Option<&'a mut f64> {
        let number = self.input.number?;
        if self.item < self.input.scope.item_count(scenario) {
            number(scenario, self.item)
        } else {
            None
        }
    }

    /// An optional number itself, to switch on or off; `None` if the item is
    /// missing or the input is no optional number.
    pub fn optional_mut<'a>(&self, scenario: &'a mut Scenario) -> Option<&'a mut Option<f64>> {
        let optional = self.input.optional?;
        if self.item < self.input.scope.item_count(scenario) {
            optional(scenario, self.item)
        } else {
            None
        }
    }

    pub fn number(&self, scenario: &Scenario) -> Option<f64> {
        match self.read(scenario)? {
            Value::Number(value) if self.input.number.is_some() => Some(value),
            _ => None,
        }
    }

    /// The path by position, as validation reports it: `staff[1].fte`.
    pub fn path(&self) -> String {
        self.input.path_at(self.item)
    }

    /// The path with the item named (`staff["experienced"].fte`), so that
    /// inserting an item does not change the paths after it; items whose name
    /// another shares keep their position.
    pub fn named_path(&self, scenario: &Scenario) -> String {
        let Some(list) = self.input.scope.list_path() else {
            return self.path();
        };
        if self.input.scope == Scope::Season {
            return self.path();
        }
        match unique_item_key(scenario, self.input.scope, self.item) {
            Some(key) => format!("{list}[\"{key}\"].{}", self.input.field),
            None => self.path(),
        }
    }

    /// What people call it, as the editor shows it, with its unit:
    /// "Experienced social workers: staff in post (FTE)".
    pub fn name(&self, scenario: &Scenario) -> String {
        let unit = self.input.unit;
        let name = self.name_without_unit(scenario);
        if unit.is_empty() {
            name
        } else {
            format!("{name} ({unit})")
        }
    }

    /// [`Self::name`] without the unit: "Experienced social workers: staff in post".
    pub fn name_without_unit(&self, scenario: &Scenario) -> String {
        let name = self.input.name;
        match item_name(scenario, self.input.scope, self.item) {
            Some(item) => format!("{item}: {name}"),
            None => name.to_owned(),
        }
    }
}

/// What people call one list item: a staff group's name, an intervention's
/// label, a placement kind, a year, a grant's name, a month, a range's input.
fn item_name(scenario: &Scenario, scope: Scope, item: usize) -> Option<String> {
    Some(match scope {
        Scope::Scenario => return None,
        Scope::Season => format!(
            "Referrals in {}",
            Month::new(2000, item as u32 + 1).map_or("?", Month::short_name)
        ),
        Scope::Placement => PlacementKind::ALL.get(item)?.label().to_owned(),
        Scope::StaffGroup => scenario.staff.get(item)?.name.clone(),
        Scope::Budget => format!("Budget for {}", scenario.money.budgets.get(item)?.year),
        Scope::Grant => format!("Grant \"{}\"", scenario.money.grants.get(item)?.name),
        Scope::Intervention => scenario.interventions.get(item)?.label.clone(),
        Scope::Range => {
            let range = scenario.uncertainty.get(item)?;
            let input = resolve(scenario, &range.field).map_or_else(
                || range.field.clone(),
                |input| input.name_without_unit(scenario),
            );
            format!("Range on {input}")
        }
    })
}

/// The key that names an item in a path (a group's id, an intervention's label,
/// a year, a grant's name), if no other item of its list has it.
fn unique_item_key(scenario: &Scenario, scope: Scope, item: usize) -> Option<String> {
    let keys = item_keys(scenario, scope)?;
    let key = keys.get(item)?;
    (keys.iter().filter(|other| *other == key).count() == 1).then(|| key.clone())
}

/// The keys that name the items of a list in paths, in order; `None` for scopes
/// whose items are named by position only.
pub fn item_keys(scenario: &Scenario, scope: Scope) -> Option<Vec<String>> {
    Some(match scope {
        Scope::StaffGroup => scenario.staff.iter().map(|g| g.id.clone()).collect(),
        Scope::Intervention => scenario
            .interventions
            .iter()
            .map(|intervention| intervention.label.clone())
            .collect(),
        Scope::Budget => scenario
            .money
            .budgets
            .iter()
            .map(|budget| budget.year.label())
            .collect(),
        Scope::Grant => scenario
            .money
            .grants
            .iter()
            .map(|grant| grant.name.clone())
            .collect(),
        Scope::Scenario | Scope::Season | Scope::Placement | Scope::Range => return None,
    })
}

/// The name of an action's kind as the file spells it (`Recruit`).
pub fn action_kind(action: &Action) -> &'static str {
    match action {
        Action::Recruit { .. } => "Recruit",
        Action::SetCaseloadCap { .. } => "SetCaseloadCap",
        Action::Funding { .. } => "Funding",
        Action::RecurringFunding { .. } => "RecurringFunding",
        Action::EarlyHelp { .. } => "EarlyHelp",
        Action::ContractedTeam { .. } => "ContractedTeam",
        Action::ConvertAgency { .. } => "ConvertAgency",
        Action::ExtraSpending { .. } => "ExtraSpending",
        Action::AddFosterPlaces { .. } => "AddFosterPlaces",
    }
}

/// Every input the scenario has, in the order of its file.
pub fn inputs_of(scenario: &Scenario) -> Vec<InputRef> {
    inputs_where(scenario, |_| true)
}

/// The scenario's inputs whose entries pass `keep`, in the order of its file.
fn inputs_where(scenario: &Scenario, keep: impl Fn(&Input) -> bool) -> Vec<InputRef> {
    let mut inputs = Vec::new();
    let mut index = 0;
    while index < CATALOGUE.len() {
        let scope = CATALOGUE[index].scope;
        let end = CATALOGUE[index..]
            .iter()
            .position(|input| input.scope != scope)
            .map_or(CATALOGUE.len(), |length| index + length);
        for item in 0..scope.item_count(scenario) {
            for input in CATALOGUE[index..end].iter().filter(|input| keep(input)) {
                let input_ref = InputRef { input, item };
                if input_ref.read(scenario).is_some() {
                    inputs.push(input_ref);
                }
            }
        }
        index = end;
    }
    inputs
}

/// Every numeric input the scenario has (optional numbers only when given), in
/// the order of its file: what ranges, sensitivity and goal seek can move.
pub fn numeric_inputs(scenario: &Scenario) -> Vec<InputRef> {
    inputs_where(scenario, |input| input.number.is_some())
        .into_iter()
        .filter(|input| input.number(scenario).is_some())
        .collect()
}

/// The catalogue entry of a scope and field (and action kind, for action fields).
pub fn entry(scope: Scope, field: &str, action: Option<&str>) -> Option<&'static Input> {
    CATALOGUE.iter().find(|input| {
        input.scope == scope
            && input.field == field
            && (input.action.is_none() || input.action == action)
    })
}

/// The entries the editor draws in `section`, in the order of the file (which
/// is the order of the editor).
pub fn editor_entries(section: Section) -> impl Iterator<Item = (&'static Input, Place)> {
    CATALOGUE.iter().filter_map(move |input| {
        input
            .place
            .filter(|place| place.section == section)
            .map(|place| (input, place))
    })
}

/// The sub-headings of `section` in the editor, each once, in order of their
/// first entry; `""` for entries with no sub-heading.
pub fn editor_groups(section: Section) -> Vec<&'static str> {
    let mut groups: Vec<&'static str> = Vec::new();
    for (_, place) in editor_entries(section) {
        if !place.is_column() && !groups.contains(&place.group) {
            groups.push(place.group);
        }
    }
    groups
}

/// The entry of an input of the scenario itself, such as
/// `demand.referrals_per_month`, for the editor.
pub fn scenario_input(field: &str) -> Option<&'static Input> {
    entry(Scope::Scenario, field, None)
}

/// The input at `path` (`staff["experienced"].fte`, `staff[1].fte`,
/// `interventions[0].action.extra_fte`...) in `scenario`; `None` if it names no input.
pub fn resolve(scenario: &Scenario, path: &str) -> Option<InputRef> {
    let path = path.trim();
    for scope in [
        Scope::StaffGroup,
        Scope::Intervention,
        Scope::Budget,
        Scope::Grant,
        Scope::Range,
    ] {
        let Some(list) = scope.list_path() else {
            continue;
        };
        let Some(rest) = path.strip_prefix(list).and_then(|r| r.strip_prefix('[')) else {
            continue;
        };
        let (item, field) = split_item(rest)?;
        let item = match item {
            ItemName::Position(position) => position,
            ItemName::Key(key) => item_keys(scenario, scope)?
                .iter()
                .position(|known| *known == key)?,
        };
        if item >= scope.item_count(scenario) {
            return None;
        }
        let action = (scope == Scope::Intervention)
            .then(|| action_kind(&scenario.interventions[item].action));
        let input = entry(scope, field, action)?;
        let found = InputRef { input, item };
        return found.read(scenario).is_some().then_some(found);
    }
    if let Some(rest) = path.strip_prefix("demand.seasonality[") {
        let (ItemName::Position(item), "") = split_item(&format!("{rest}."))? else {
            return None;
        };
        let input = entry(Scope::Season, "", None)?;
        let found = InputRef { input, item };
        return found.read(scenario).is_some().then_some(found);
    }
    if let Some((key, field)) = path
        .strip_prefix("placements.")
        .and_then(|rest| rest.split_once('.'))
    {
        let kind = PlacementKind::ALL
            .iter()
            .position(|kind| kind.key() == key)?;
        let input = entry(Scope::Placement, field, None)?;
        return Some(InputRef { input, item: kind });
    }
    let input = entry(Scope::Scenario, path, None)?;
    let found = InputRef { input, item: 0 };
    found.read(scenario).is_some().then_some(found)
}

/// What people call the input, list item or list at `path`, as the editor
/// shows it ("Experienced social workers: staff in post (FTE)"); `None` for a
/// path that names none of them, such as the whole scenario.
pub fn name_of(scenario: &Scenario, path: &str) -> Option<String> {
    if let Some(input) = resolve(scenario, path) {
        return Some(input.name(scenario));
    }
    let whole_list = match path {
        "staff" => Some("Staff groups"),
        "interventions" => Some("Interventions"),
        "uncertainty" => Some("Ranges"),
        "money.budgets" => Some("Budgets"),
        "money.grants" => Some("Grants"),
        "demand.seasonality" => Some("Seasonal pattern in referrals"),
        "demand.referral_outcomes" => Some("What referrals lead to"),
        "demand.case_weights" => Some("Case weights"),
        "placements" => Some("Placements"),
        // Whole sections, as the editor heads them.
        "demand" => Some("Demand"),
        "workforce" => Some("Recruitment, agency and burnout"),
        "money" => Some("Money"),
        _ => None,
    };
    if let Some(name) = whole_list {
        return Some(name.to_owned());
    }
    // Part of a list item that is no input of its own: `interventions[0].action`.
    [
        Scope::StaffGroup,
        Scope::Intervention,
        Scope::Budget,
        Scope::Grant,
        Scope::Range,
    ]
    .into_iter()
    .find_map(|scope| {
        let rest = path.strip_prefix(scope.list_path()?)?.strip_prefix('[')?;
        let (item, _) = split_item(&format!("{rest}."))?;
        let item = match item {
            ItemName::Position(position) => position,
            ItemName::Key(key) => item_keys(scenario, scope)?
                .iter()
                .position(|known| *known == key)?,
        };
        item_name(scenario, scope, item)
    })
}

/// What people call the input at `path` where no scenario could be read (the
/// file does not parse): list items are named by number ("Staff group 2: staff
/// in post (FTE)") or by the key the path gives; `None` for paths that name no
/// input.
pub fn name_without_scenario(path: &str) -> Option<String> {
    let with_unit = |input: &Input, item: Option<String>| {
        let name = match item {
            Some(item) => format!("{item}: {}", input.name),
            None => input.name.to_owned(),
        };
        if input.unit.is_empty() {
            name
        } else {
            format!("{name} ({})", input.unit)
        }
    };
    for (scope, what) in [
        (Scope::StaffGroup, "Staff group"),
        (Scope::Intervention, "Intervention"),
        (Scope::Budget, "Budget"),
        (Scope::Grant, "Grant"),
        (Scope::Range, "Range"),
    ] {
        let Some(rest) = scope
            .list_path()
            .and_then(|list| path.strip_prefix(list))
            .and_then(|rest| rest.strip_prefix('['))
        else {
            continue;
        };
        let (item, field) = split_item(rest)?;
        let item = match item {
            ItemName::Position(position) => format!("{what} {}", position + 1),
            ItemName::Key(key) => key,
        };
        // Action fields of different kinds share a field name and mean alike.
        let input = CATALOGUE
            .iter()
            .find(|input| input.scope == scope && input.field == field)?;
        return Some(with_unit(input, Some(item)));
    }
    if let Some((key, field)) = path
        .strip_prefix("placements.")
        .and_then(|rest| rest.split_once('.'))
    {
        let kind = PlacementKind::ALL.iter().find(|kind| kind.key() == key)?;
        let input = entry(Scope::Placement, field, None)?;
        return Some(with_unit(input, Some(kind.label().to_owned())));
    }
    entry(Scope::Scenario, path, None).map(|input| with_unit(input, None))
}

enum ItemName {
    Position(usize),
    Key(String),
}

/// Splits `1].fte` or `"experienced"].fte` into the item and the field after it
/// (anything after the item's first `.`).
fn split_item(rest: &str) -> Option<(ItemName, &str)> {
    let (item, after) = match rest.strip_prefix('"') {
        // A quoted key may hold any character but a quote, brackets included.
        Some(quoted) => {
            let close = quoted.find('"')?;
            (
                ItemName::Key(quoted[..close].to_owned()),
                quoted[close + 1..].strip_prefix(']')?,
            )
        }
        None => {
            let close = rest.find(']')?;
            (
                ItemName::Position(rest[..close].trim().parse().ok()?),
                &rest[close + 1..],
            )
        }
    };
    Some((item, after.strip_prefix('.')?))
}

#[cfg(test)]
mod tests;
