//! Balance at the start: where the scenario's own flows take each stock of
//! children, and the mean durations that would hold the starting stocks where
//! they are.
//!
//! Starting stocks out of balance with their flows make trends that are not in
//! the demand: 2,025 children in need that the inputs settle at 1,635 fall by a
//! tenth in a year while referrals rise. The figures here are the steady state of
//! the engine's own monthly flows (the same rates, [`eq::bounded_rates`] and
//! shares) with referrals held at their first-month level: no growth, no seasonal
//! pattern, no interventions, and durations as written (workload affecting
//! practice, where switched on, is left out).

use crate::model::validate::MAX_MONTHS;
use crate::model::{Demand, Scenario};
use crate::units;

use super::equations as eq;

/// A stock within this share of where it settles counts as in balance.
pub const IN_BALANCE_SHARE: f64 = 0.01;

/// A gap above this share is material: the projection's trend in that stock comes
/// visibly from the starting figure, not from demand.
pub const MATERIAL_SHARE: f64 = 0.05;

/// The stocks of children with open cases.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stock {
    ChildrenInNeed,
    ChildProtection,
    LookedAfter,
    CareLeavers,
}

impl Stock {
    /// In the order the editor lists them.
    pub const ALL: [Stock; 4] = [
        Stock::ChildrenInNeed,
        Stock::ChildProtection,
        Stock::LookedAfter,
        Stock::CareLeavers,
    ];

    /// What a finance officer calls it, as the subject of a sentence.
    pub fn name(self) -> &'static str {
        match self {
            Stock::ChildrenInNeed => "Children in need",
            Stock::ChildProtection => "Children on child protection plans",
            Stock::LookedAfter => "Children in care",
            Stock::CareLeavers => "Care leavers",
        }
    }

    /// The starting figure's path in the scenario file.
    pub fn stock_field(self) -> &'static str {
        match self {
            Stock::ChildrenInNeed => "demand.children_in_need",
            Stock::ChildProtection => "demand.child_protection",
            Stock::LookedAfter => "demand.looked_after",
            Stock::CareLeavers => "demand.care_leavers",
        }
    }

    /// The stock whose starting figure is at `field`.
    pub fn at_field(field: &str) -> Option<Stock> {
        Stock::ALL
            .into_iter()
            .find(|stock| stock.stock_field() == field)
    }

    /// The mean duration that drains it, as people call it.
    pub fn duration_name(self) -> &'static str {
        match self {
            Stock::ChildrenInNeed => "time a child-in-need case stays open",
            Stock::ChildProtection => "length of a child protection plan",
            Stock::LookedAfter => "time in care",
            Stock::CareLeavers => "time a care leaver is supported",
        }
    }

    pub fn level(self, demand: &Demand) -> f64 {
        match self {
            Stock::ChildrenInNeed => demand.children_in_need,
            Stock::ChildProtection => demand.child_protection,
            Stock::LookedAfter => demand.looked_after,
            Stock::CareLeavers => demand.care_leavers,
        }
    }

    fn level_mut(self, demand: &mut Demand) -> &mut f64 {
        match self {
            Stock::ChildrenInNeed => &mut demand.children_in_need,
            Stock::ChildProtection => &mut demand.child_protection,
            Stock::LookedAfter => &mut demand.looked_after,
            Stock::CareLeavers => &mut demand.care_leavers,
        }
    }

    pub fn duration(self, demand: &Demand) -> f64 {
        match self {
            Stock::ChildrenInNeed => demand.child_in_need_months,
            Stock::ChildProtection => demand.child_protection_months,
            Stock::LookedAfter => demand.looked_after_months,
            Stock::CareLeavers => demand.care_leaver_months,
        }
    }

    fn duration_mut(self, demand: &mut Demand) -> &mut f64 {
        match self {
            Stock::ChildrenInNeed => &mut demand.child_in_need_months,
            Stock::ChildProtection => &mut demand.child_protection_months,
            Stock::LookedAfter => &mut demand.looked_after_months,
            Stock::CareLeavers => &mut demand.care_leaver_months,
        }
    }
}

/// The monthly flows and rates of the first month, worked out as the engine does,
/// with referrals at their baseline.
struct Rates {
    new_child_in_need: f64,
    new_plans: f64,
    new_care_entries: f64,
    /// [closing, stepping up], as the engine bounds them.
    child_in_need_exits: [f64; 2],
    /// [ending, entering care], as the engine bounds them.
    plan_exits: [f64; 2],
    /// The step-up rates as written (per month, never below 0): what the engine
    /// uses once the durations leave room for them.
    step_up_to_plan: f64,
    step_up_to_care: f64,
    step_down_share: f64,
    leave_care_rate: f64,
    care_leaver_share: f64,
    care_leaver_exit: f64,
}

impl Rates {
    fn new(demand: &Demand) -> Self {
        let referrals = demand.referrals_per_month.max(0.0);
        let outcomes = &demand.referral_outcomes;
        let step_up_to_plan =
            eq::percent_share(demand.child_in_need_to_protection_percent_per_month).max(0.0);
        let step_up_to_care =
            eq::percent_share(demand.protection_to_care_percent_per_month).max(0.0);
        let [new_care_entries, _] = eq::care_entries(
            referrals,
            eq::percent_share(outcomes.into_care_percent),
            1.0,
        );
        let [care_leaver_exit] = eq::bounded_rates([eq::exit_rate(demand.care_leaver_months)]);
        Self {
            new_child_in_need: eq::referral_outcome(
                referrals,
                eq::percent_share(outcomes.child_in_need_percent),
            ),
            new_plans: eq::referral_outcome(
                referrals,
                eq::percent_share(outcomes.child_protection_percent),
            ),
            new_care_entries,
            child_in_need_exits: eq::bounded_rates([
                eq::exit_rate(demand.child_in_need_months),
                step_up_to_plan,
            ]),
            plan_exits: eq::bounded_rates([
                eq::exit_rate(demand.child_protection_months),
                step_up_to_care,
            ]),
            step_up_to_plan,
            step_up_to_care,
            step_down_share: eq::bounded_share(demand.protection_step_down_percent),
            leave_care_rate: eq::exit_rate(demand.looked_after_months),
            care_leaver_share: eq::bounded_share(demand.care_leaver_percent),
            care_leaver_exit,
        }
    }
}

/// One stock at the start against where the inputs take it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StockBalance {
    pub stock: Stock,
    /// The starting figure (children).
    pub now: f64,
    /// Where the flows settle it (children); `None` if it never settles (nothing
    /// leaves it).
    pub settled: Option<f64>,
    /// Where the same flows take it in the first 12 months (children), to say how
    /// much of the drift falls in the first year.
    pub after_a_year: f64,
}

impl StockBalance {
    /// `settled / now - 1`: -0.19 for a stock that falls by 19%. `None` when it
    /// never settles, or starts at 0 and settles above it.
    pub fn gap_share(&self) -> Option<f64> {
        let settled = self.settled?;
        if self.now > 0.0 {
            Some(settled / self.now - 1.0)
        } else {
            (settled <= 0.0).then_some(0.0)
        }
    }

    /// Within [`IN_BALANCE_SHARE`] of where it settles.
    pub fn in_balance(&self) -> bool {
        self.gap_share()
            .is_some_and(|gap| gap.abs() <= IN_BALANCE_SHARE)
    }

    /// Further than [`MATERIAL_SHARE`] from where it settles.
    pub fn is_material(&self) -> bool {
        self.gap_share()
            .is_none_or(|gap| gap.abs() > MATERIAL_SHARE)
    }

    /// "Children in need settle at 1,635 (now 2,025, -19%; -9% in the first
    /// year)", or "Children in need are in balance at 2,250".
    pub fn sentence(&self) -> String {
        let name = self.stock.name();
        let now = units::children(self.now);
        match (self.settled, self.gap_share()) {
            _ if self.in_balance() => format!("{name} are in balance at {now}"),
            (Some(settled), Some(gap)) => format!(
                "{name} settle at {} (now {now}, {}; {} in the first year)",
                units::children(settled),
                signed_percent(gap),
                signed_percent(self.after_a_year / self.now - 1.0)
            ),
            (Some(settled), None) => {
                format!("{name} settle at {} (now {now})", units::children(settled))
            }
            (None, _) => format!("{name} never settle: nothing leaves (now {now})"),
        }
    }
}

/// A change as a share, with its sign: `+3%`, `-19%`.
fn signed_percent(share: f64) -> String {
    let text = units::percent(share, 0);
    if share > 0.0 && text != "0%" {
        format!("+{text}")
    } else {
        text
    }
}

/// The four stocks after `months` months of the flows of `rates` from `start`
/// ([CIN, CP, LAC, care leavers]), month by month as the engine steps them.
fn stocks_after(rates: &Rates, start: [f64; 4], months: usize) -> [f64; 4] {
    let [mut cin, mut cp, mut lac, mut leavers] = start.map(|stock| stock.max(0.0));
    for _ in 0..months {
        let [cin_closed, stepped_up] = eq::outflows(cin, rates.child_in_need_exits);
        let [plans_ended, into_care] = eq::outflows(cp, rates.plan_exits);
        let [plans_closed, stepped_down] = eq::plan_endings(plans_ended, rates.step_down_share);
        let left_care = eq::leaving_care(lac, rates.leave_care_rate);
        let new_leavers = eq::new_care_leavers(left_care, rates.care_leaver_share);
        let [leavers_closed] = eq::outflows(leavers, [rates.care_leaver_exit]);
        cin = eq::next_stock(
            cin,
            [rates.new_child_in_need, stepped_down],
            [cin_closed, stepped_up],
        );
        cp = eq::next_stock(
            cp,
            [rates.new_plans, stepped_up],
            [plans_closed, stepped_down, into_care],
        );
        lac = eq::next_stock(lac, [rates.new_care_entries, into_care], [left_care]);
        leavers = eq::next_stock(leavers, [new_leavers], [leavers_closed]);
    }
    [cin, cp, lac, leavers]
}

/// Every stock at the start against where the inputs take it, in [`Stock::ALL`]
/// order.
pub fn start_balance(scenario: &Scenario) -> [StockBalance; 4] {
    let demand = &scenario.demand;
    let rates = Rates::new(demand);
    let joint = eq::settled_children_in_need_and_plans(
        rates.new_child_in_need,
        rates.new_plans,
        rates.child_in_need_exits,
        rates.plan_exits,
        rates.step_down_share,
    );
    let [_, into_care] = rates.plan_exits;
    let in_care = joint.and_then(|[_, plans]| {
        eq::settled_stock(
            rates.new_care_entries + into_care * plans,
            rates.leave_care_rate,
        )
    });
    let care_leavers = in_care.and_then(|in_care| {
        eq::settled_stock(
            eq::new_care_leavers(
                eq::leaving_care(in_care, rates.leave_care_rate),
                rates.care_leaver_share,
            ),
            rates.care_leaver_exit,
        )
    });
    let settled = [
        joint.map(|[children_in_need, _]| children_in_need),
        joint.map(|[_, plans]| plans),
        in_care,
        care_leavers,
    ];
    let now = Stock::ALL.map(|stock| stock.level(demand).max(0.0));
    let after_a_year = stocks_after(&rates, now, 12);
    std::array::from_fn(|index| StockBalance {
        stock: Stock::ALL[index],
        now: now[index],
        settled: settled[index],
        after_a_year: after_a_year[index],
    })
}

/// Whether every stock starts in balance.
pub fn all_in_balance(balances: &[StockBalance]) -> bool {
    balances.iter().all(StockBalance::in_balance)
}

/// The "Balance at the start" lines for the command line and the report: one per
/// stock out of balance, or one saying all are in balance.
pub fn balance_lines(balances: &[StockBalance]) -> Vec<String> {
    if all_in_balance(balances) {
        return vec![
            "All four stocks of children start in balance with their own flows.".to_owned(),
        ];
    }
    balances
        .iter()
        .filter(|balance| !balance.in_balance())
        .map(|balance| format!("{}.", balance.sentence()))
        .collect()
}

/// What the balances assume, in a sentence.
pub const ASSUMPTIONS: &str = "Where each stock ends up with referrals held at their first-month level (no growth, no seasonal pattern, no interventions) and the durations and step-ups as written (workload affecting practice left out).";

/// One change that balancing makes.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// A mean duration set so that the stock stays where it starts.
    Duration { stock: Stock, from: f64, to: f64 },
    /// A starting figure set to where it settles, because no duration can hold it.
    Level {
        stock: Stock,
        from: f64,
        to: f64,
        /// Why no duration holds the stock where it was.
        why: String,
    },
}

impl Change {
    pub fn stock(&self) -> Stock {
        match self {
            Change::Duration { stock, .. } | Change::Level { stock, .. } => *stock,
        }
    }

    /// "Length of a child protection plan: 9.0 -> 7.7 months".
    pub fn describe(&self) -> String {
        match self {
            Change::Duration { stock, from, to } => {
                format!(
                    "{}: {} -> {} months",
                    capitalised(stock.duration_name()),
                    units::thousands(*from, 1),
                    units::thousands(*to, 1)
                )
            }
            Change::Level {
                stock, from, to, ..
            } => format!(
                "{} at the start: {} -> {}",
                stock.name(),
                units::children(*from),
                units::children(*to)
            ),
        }
    }
}

/// `text` with its first letter a capital, to start a sentence.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The changes that put the start in balance.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Balancing {
    pub changes: Vec<Change>,
}

impl Balancing {
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// The changes that set a starting figure, because no duration could hold it.
    pub fn levels(&self) -> impl Iterator<Item = &Change> {
        self.changes
            .iter()
            .filter(|change| matches!(change, Change::Level { .. }))
    }

    pub fn apply(&self, scenario: &mut Scenario) {
        for change in &self.changes {
            match change {
                Change::Duration { stock, to, .. } => {
                    *stock.duration_mut(&mut scenario.demand) = *to;
                }
                Change::Level { stock, to, .. } => *stock.level_mut(&mut scenario.demand) = *to,
            }
        }
    }

    /// The changes in one line: "Balanced the start: length of a child protection
    /// plan: 9.0 -> 9.3 months; ...".
    pub fn describe(&self) -> String {
        if self.changes.is_empty() {
            return "The start is already in balance: nothing to change".to_owned();
        }
        let changes: Vec<String> = self.changes.iter().map(Change::describe).collect();
        format!("Balanced the start: {}", changes.join("; "))
    }
}

/// Why no duration can hold a stock where it starts.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Blocked {
    /// The stock starts empty, and children arrive.
    Empty { arriving: f64 },
    /// The other exits alone take as many as arrive, or more.
    OtherExits {
        arriving: f64,
        leaving_otherwise: f64,
    },
    /// More arrive in a month than the whole stock.
    TooMany { arriving: f64 },
    /// Cases would have to last longer than the longest duration allowed.
    TooLong,
}

impl Blocked {
    fn why(self, stock: Stock, now: f64) -> String {
        let otherwise = match stock {
            Stock::ChildrenInNeed => "step up to a plan",
            Stock::ChildProtection => "go from a plan into care",
            Stock::LookedAfter | Stock::CareLeavers => "leave otherwise",
        };
        let reason = match self {
            Blocked::Empty { arriving } => {
                format!(
                    "none at the start, but {} arrive a month",
                    thousands1(arriving)
                )
            }
            Blocked::OtherExits {
                arriving,
                leaving_otherwise,
            } if leaving_otherwise > 0.0 => format!(
                "fewer arrive ({} a month) than {otherwise} ({} a month)",
                thousands1(arriving),
                thousands1(leaving_otherwise)
            ),
            Blocked::OtherExits { .. } => "none arrive".to_owned(),
            Blocked::TooMany { arriving } => format!(
                "more arrive in a month ({}) than there are",
                thousands1(arriving)
            ),
            Blocked::TooLong => format!(
                "cases would have to last over {} months",
                units::thousands(MAX_MONTHS, 0)
            ),
        };
        format!(
            "no {} holds {} at {}: {reason}",
            stock.duration_name(),
            stock.name().to_lowercase(),
            units::children(now)
        )
    }
}

fn thousands1(value: f64) -> String {
    units::thousands(value, 1)
}

/// The exit rate that holds `stock` where it is with `inflow` arriving a month and
/// `other_exits` leaving by other routes ([`eq::holding_exit_rate`]), within the
/// durations the editor accepts; `Ok(None)` for an empty stock nobody enters (any
/// duration holds it).
fn holding_rate(inflow: f64, stock: f64, other_exits: f64) -> Result<Option<f64>, Blocked> {
    let inflow = inflow.max(0.0);
    if stock <= 0.0 {
        return if inflow > 0.0 {
            Err(Blocked::Empty { arriving: inflow })
        } else {
            Ok(None)
        };
    }
    match eq::holding_exit_rate(inflow, stock, other_exits) {
        Some(rate) if eq::mean_duration(rate).is_some_and(|months| months <= MAX_MONTHS) => {
            Ok(Some(rate))
        }
        Some(_) => Err(Blocked::TooLong),
        None if inflow / stock > 1.0 => Err(Blocked::TooMany { arriving: inflow }),
        None if inflow / stock - other_exits <= 0.0 => Err(Blocked::OtherExits {
            arriving: inflow,
            leaving_otherwise: other_exits * stock,
        }),
        None => Err(Blocked::TooLong),
    }
}

/// Adds the change of a mean duration to `rate`'s (none when unchanged).
fn push_duration(changes: &mut Vec<Change>, demand: &Demand, stock: Stock, rate: f64) {
    let from = stock.duration(demand);
    if let Some(to) = eq::mean_duration(rate)
        && (to - from).abs() > 1e-9 * from.abs().max(1.0)
    {
        changes.push(Change::Duration { stock, from, to });
    }
}

fn push_level(changes: &mut Vec<Change>, demand: &Demand, stock: Stock, to: f64, why: String) {
    let from = stock.level(demand);
    if (to - from).abs() > 1e-9 * from.abs().max(1.0) {
        changes.push(Change::Level {
            stock,
            from,
            to,
            why,
        });
    }
}

/// The changes that hold the starting stocks steady with their flows, solved in
/// the order the flows run: plans, children in need, children in care, care
/// leavers. Each stock's mean duration is set so that its outflow equals its
/// inflow at the starting figures; where no duration can ([`Blocked`]), the
/// starting figure is set to where it settles instead, with the reason.
pub fn balancing(scenario: &Scenario) -> Balancing {
    // A start already exactly in balance is left as it is (where rates are scaled
    // down together, other durations could hold it too).
    if start_balance(scenario)
        .iter()
        .all(|stock| stock.gap_share().is_some_and(|gap| gap.abs() <= 1e-9))
    {
        return Balancing::default();
    }
    let demand = &scenario.demand;
    let rates = Rates::new(demand);
    let mut changes = Vec::new();
    let children_in_need = demand.children_in_need.max(0.0);
    let plans = demand.child_protection.max(0.0);
    let [ending_now, into_care_now] = rates.plan_exits;
    let step_down = rates.step_down_share;

    // Plans, then children in need; with the rates that result, the number on plans
    // and its into-care rate for the stocks downstream.
    let plan_rate = holding_rate(
        rates.new_plans + rates.step_up_to_plan * children_in_need,
        plans,
        rates.step_up_to_care,
    );
    let (plans_at_start, into_care) = match plan_rate {
        Ok(rate) => {
            let ending = rate.unwrap_or(ending_now);
            let child_in_need_rate = holding_rate(
                rates.new_child_in_need + step_down * ending * plans,
                children_in_need,
                rates.step_up_to_plan,
            );
            match child_in_need_rate {
                Ok(closing) => {
                    if let Some(rate) = rate {
                        push_duration(&mut changes, demand, Stock::ChildProtection, rate);
                    }
                    if let Some(closing) = closing {
                        push_duration(&mut changes, demand, Stock::ChildrenInNeed, closing);
                    }
                    let into_care = if rate.is_some() {
                        rates.step_up_to_care
                    } else {
                        into_care_now
                    };
                    (plans, into_care)
                }
                Err(blocked) => {
                    let why = blocked.why(Stock::ChildrenInNeed, children_in_need);
                    (
                        settle_both(&mut changes, demand, &rates, why),
                        into_care_now,
                    )
                }
            }
        }
        Err(blocked) => {
            let why = blocked.why(Stock::ChildProtection, plans);
            // Children in need held where they are (their own duration set below),
            // so plans settle where their inflow meets their outflow.
            let plans_settled = eq::settled_stock(
                rates.new_plans + rates.step_up_to_plan * children_in_need,
                ending_now + into_care_now,
            );
            let closing = plans_settled.map(|plans_settled| {
                holding_rate(
                    rates.new_child_in_need + step_down * ending_now * plans_settled,
                    children_in_need,
                    rates.step_up_to_plan,
                )
            });
            match (plans_settled, closing) {
                (Some(plans_settled), Some(Ok(closing))) => {
                    push_level(
                        &mut changes,
                        demand,
                        Stock::ChildProtection,
                        plans_settled,
                        why,
                    );
                    if let Some(closing) = closing {
                        push_duration(&mut changes, demand, Stock::ChildrenInNeed, closing);
                    }
                    (plans_settled, into_care_now)
                }
                _ => (
                    settle_both(&mut changes, demand, &rates, why),
                    into_care_now,
                ),
            }
        }
    };

    // Children in care, fed by entries from referrals and from plans.
    let in_care = demand.looked_after.max(0.0);
    let care_inflow = rates.new_care_entries + into_care * plans_at_start;
    let (in_care_at_start, leave_rate) = match holding_rate(care_inflow, in_care, 0.0) {
        Ok(rate) => {
            if let Some(rate) = rate {
                push_duration(&mut changes, demand, Stock::LookedAfter, rate);
            }
            (in_care, rate.unwrap_or(rates.leave_care_rate))
        }
        Err(blocked) => {
            let settled = eq::settled_stock(care_inflow, rates.leave_care_rate).unwrap_or(in_care);
            let why = blocked.why(Stock::LookedAfter, in_care);
            push_level(&mut changes, demand, Stock::LookedAfter, settled, why);
            (settled, rates.leave_care_rate)
        }
    };

    // Care leavers, fed by children leaving care.
    let care_leavers = demand.care_leavers.max(0.0);
    let leaver_inflow = eq::new_care_leavers(
        eq::leaving_care(in_care_at_start, leave_rate),
        rates.care_leaver_share,
    );
    match holding_rate(leaver_inflow, care_leavers, 0.0) {
        Ok(Some(rate)) => push_duration(&mut changes, demand, Stock::CareLeavers, rate),
        Ok(None) => {}
        Err(blocked) => {
            let settled =
                eq::settled_stock(leaver_inflow, rates.care_leaver_exit).unwrap_or(care_leavers);
            let why = blocked.why(Stock::CareLeavers, care_leavers);
            push_level(&mut changes, demand, Stock::CareLeavers, settled, why);
        }
    }
    Balancing { changes }
}

/// Where neither children in need nor plans can be held by durations: both start
/// where the current durations settle them. Returns the number on plans.
fn settle_both(changes: &mut Vec<Change>, demand: &Demand, rates: &Rates, why: String) -> f64 {
    let plans_now = demand.child_protection.max(0.0);
    let Some([children_in_need, plans]) = eq::settled_children_in_need_and_plans(
        rates.new_child_in_need,
        rates.new_plans,
        rates.child_in_need_exits,
        rates.plan_exits,
        rates.step_down_share,
    ) else {
        return plans_now;
    };
    push_level(
        changes,
        demand,
        Stock::ChildrenInNeed,
        children_in_need,
        why.clone(),
    );
    push_level(
        changes,
        demand,
        Stock::ChildProtection,
        plans,
        format!("{why}; plans follow the children in need they come from"),
    );
    plans
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::load_scenario;
    use crate::sim::project;

    /// The built-in scenario and every example file.
    fn scenarios() -> Vec<Scenario> {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("saves");
        let mut files: Vec<_> = std::fs::read_dir(folder)
            .into_iter()
            .flatten()
            .flatten()
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "ron"))
            .collect();
        files.sort();
        let mut scenarios = vec![crate::io::default_scenario()];
        for file in files {
            match load_scenario(&file) {
                Ok(scenario) => scenarios.push(scenario),
                Err(error) => panic!("{}: {error}", file.display()),
            }
        }
        assert!(
            scenarios.len() >= 5,
            "the four examples and the built-in one"
        );
        scenarios
    }

    /// Referrals held at their first-month level: no growth, no seasonal pattern,
    /// no interventions; 120 months.
    fn held_level(mut scenario: Scenario) -> Scenario {
        scenario.demand.referral_growth_percent_per_year = 0.0;
        scenario.demand.referral_first_growth_percent_per_year = 0.0;
        scenario.demand.seasonality.clear();
        scenario.interventions.clear();
        scenario.horizon_months = 120;
        scenario
    }

    fn stocks_of(stocks: &crate::sim::Stocks) -> [f64; 4] {
        [
            stocks.children_in_need,
            stocks.child_protection,
            stocks.looked_after(),
            stocks.care_leavers,
        ]
    }

    fn within(actual: f64, expected: f64, share: f64) -> bool {
        (actual - expected).abs() <= share * expected.abs().max(1.0)
    }

    #[test]
    fn settled_figures_match_a_long_projection_with_no_growth() {
        for scenario in scenarios() {
            let balances = start_balance(&scenario);
            // The first year's drift is the engine's own first 12 months.
            let first_year = project(&held_level(scenario.clone()));
            let after_a_year = stocks_of(&first_year.rows[12].stocks);
            for (balance, engine) in balances.iter().zip(after_a_year) {
                assert!(
                    within(balance.after_a_year, engine, 1e-9),
                    "{}: {:?} after a year {} against the engine's {engine}",
                    scenario.name,
                    balance.stock,
                    balance.after_a_year
                );
            }
            let mut long = held_level(scenario.clone());
            // Ten projections of 120 months end to end: 1,190 months.
            for _ in 0..10 {
                let projection = project(&long);
                let Some(last) = projection.rows.last() else {
                    panic!("no months");
                };
                let [cin, cp, lac, leavers] = stocks_of(&last.stocks);
                long.demand.children_in_need = cin;
                long.demand.child_protection = cp;
                long.demand.looked_after = lac;
                long.demand.care_leavers = leavers;
            }
            for balance in balances {
                let end = balance.stock.level(&long.demand);
                let settled = balance.settled.unwrap_or(f64::NAN);
                assert!(
                    within(end, settled, 0.001),
                    "{}: {:?} settles at {settled}, the projection ends at {end}",
                    scenario.name,
                    balance.stock
                );
            }
        }
    }

    /// Every month of 120 within 0.1% of the start, for every stock.
    fn assert_steady(scenario: &Scenario) {
        let projection = project(&held_level(scenario.clone()));
        let start = [
            scenario.demand.children_in_need,
            scenario.demand.child_protection,
            scenario.demand.looked_after,
            scenario.demand.care_leavers,
        ];
        assert_eq!(projection.rows.len(), 120);
        for row in &projection.rows {
            for (stock, (now, at_start)) in
                stocks_of(&row.stocks).into_iter().zip(start).enumerate()
            {
                assert!(
                    within(now, at_start, 0.001),
                    "{}: stock {stock} is {now} in {:?}, {at_start} at the start",
                    scenario.name,
                    row.month
                );
            }
        }
    }

    #[test]
    fn a_start_balanced_by_its_durations_stays_constant_for_120_months() {
        for mut scenario in scenarios() {
            let balancing = balancing(&scenario);
            assert!(
                balancing.levels().next().is_none(),
                "{}: durations alone balance the examples: {balancing:?}",
                scenario.name
            );
            let before = scenario.demand.clone();
            balancing.apply(&mut scenario);
            // Only durations changed: the starting figures are the file's.
            for stock in Stock::ALL {
                assert_eq!(stock.level(&scenario.demand), stock.level(&before));
            }
            assert!(
                all_in_balance(&start_balance(&scenario)),
                "{}",
                scenario.name
            );
            assert_steady(&scenario);
            // Balancing again changes nothing.
            assert!(super::balancing(&scenario).is_empty(), "{}", scenario.name);
        }
    }

    #[test]
    fn plans_no_duration_can_hold_start_where_they_settle() {
        let mut scenario = crate::io::default_scenario();
        // 440 on plans x 20% a month into care = 88 a month, more than the 31.5 new
        // plans and 22.5 steps up from 2,250 children in need that arrive.
        scenario.demand.child_protection = 440.0;
        scenario.demand.children_in_need = 2_250.0;
        scenario.demand.referrals_per_month = 450.0;
        scenario.demand.protection_to_care_percent_per_month = 20.0;
        let balancing = balancing(&scenario);
        let levels: Vec<&Change> = balancing.levels().collect();
        assert_eq!(levels.len(), 1, "{balancing:?}");
        let Change::Level { stock, to, why, .. } = levels[0] else {
            panic!("not a level");
        };
        assert_eq!(*stock, Stock::ChildProtection);
        assert!(
            why.contains(
                "fewer arrive (54.0 a month) than go from a plan into care (88.0 a month)"
            ),
            "{why}"
        );
        // With plans of 9 months (0.111 a month) and 0.2 into care, the 54 arriving
        // hold 54 / 0.3111 = 173.6 on plans.
        assert!((to - 54.0 / (1.0 / 9.0 + 0.2)).abs() < 1e-9, "{to}");
        balancing.apply(&mut scenario);
        assert!(all_in_balance(&start_balance(&scenario)));
        assert_steady(&scenario);
    }

    #[test]
    fn an_empty_stock_that_children_enter_starts_where_it_settles() {
        let mut scenario = crate::io::default_scenario();
        scenario.demand.care_leavers = 0.0;
        let before = start_balance(&scenario);
        assert!(!before[3].in_balance());
        assert_eq!(before[3].gap_share(), None);
        let balancing = balancing(&scenario);
        let Some(Change::Level { to, why, .. }) = balancing.levels().next() else {
            panic!("no level set: {balancing:?}");
        };
        assert!(why.contains("none at the start"), "{why}");
        // Care leavers start where the (balanced) children leaving care keep them.
        assert!(*to > 0.0);
        balancing.apply(&mut scenario);
        assert!(all_in_balance(&start_balance(&scenario)));
        assert_steady(&scenario);
    }

    #[test]
    fn sentences_say_where_a_stock_settles() {
        let balance = StockBalance {
            stock: Stock::ChildrenInNeed,
            now: 2_025.0,
            settled: Some(1_635.0),
            after_a_year: 1_835.0,
        };
        // 1,635 / 2,025 - 1 = -19.3%; 1,835 / 2,025 - 1 = -9.4% in the first year.
        assert_eq!(
            balance.sentence(),
            "Children in need settle at 1,635 (now 2,025, -19%; -9% in the first year)"
        );
        assert!(balance.is_material());
        let rising = StockBalance {
            stock: Stock::ChildProtection,
            now: 400.0,
            settled: Some(412.0),
            after_a_year: 408.0,
        };
        // +3%: out of balance, not material.
        assert_eq!(
            rising.sentence(),
            "Children on child protection plans settle at 412 (now 400, +3%; +2% in the first year)"
        );
        assert!(!rising.in_balance() && !rising.is_material());
        let steady = StockBalance {
            stock: Stock::LookedAfter,
            now: 650.0,
            settled: Some(652.0),
            after_a_year: 651.0,
        };
        assert_eq!(steady.sentence(), "Children in care are in balance at 650");
        assert_eq!(
            balance_lines(&[steady]),
            vec!["All four stocks of children start in balance with their own flows."]
        );
        assert_eq!(
            balance_lines(&[steady, balance]),
            vec!["Children in need settle at 1,635 (now 2,025, -19%; -9% in the first year)."]
        );
    }

    #[test]
    fn durations_set_are_described_for_people() {
        let change = Change::Duration {
            stock: Stock::ChildProtection,
            from: 9.0,
            to: 7.74,
        };
        assert_eq!(
            change.describe(),
            "Length of a child protection plan: 9.0 -> 7.7 months"
        );
    }
}
