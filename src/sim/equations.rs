//! The model's equations, one function each. Time is in months; every rate is
//! per month unless its name says otherwise; percentages are passed as written in
//! the scenario file (17.0 means 17%).

/// Weeks in a month on average: 52 weeks / 12 months.
pub const WEEKS_PER_MONTH: f64 = 52.0 / 12.0;

/// Compound yearly growth applied smoothly by month:
/// `factor = (1 + growth% / 100) ^ (months_elapsed / 12)` (dimensionless).
pub fn growth_factor(growth_percent_per_year: f64, months_elapsed: f64) -> f64 {
    (1.0 + growth_percent_per_year / 100.0).powf(months_elapsed / 12.0)
}

/// Compound growth worked out month by month, for speed: the same factor as
/// [`growth_factor`], as `factor(t + 1) = factor(t) x (1 + growth% / 100) ^ (1 / 12)`,
/// starting from 1. One multiplication a month instead of a power.
#[derive(Clone, Copy, Debug)]
pub struct CompoundGrowth {
    step: f64,
    factor: f64,
}

impl CompoundGrowth {
    pub fn new(growth_percent_per_year: f64) -> Self {
        Self {
            step: growth_factor(growth_percent_per_year, 1.0),
            factor: 1.0,
        }
    }

    /// The factor for the current month.
    pub fn factor(&self) -> f64 {
        self.factor
    }

    /// Moves on a month.
    pub fn advance(&mut self) {
        self.factor *= self.step;
    }
}

/// Referral growth in two periods (dimensionless): a first rate for the first
/// `first_months` months, then the long-run rate,
/// `factor = (1 + first% / 100) ^ (min(t, m) / 12) x (1 + later% / 100) ^ (max(t - m, 0) / 12)`,
/// with `t` months elapsed and `m = first_months`. With `m = 0` it is
/// [`growth_factor`] at the long-run rate. Gloucestershire: referrals rose 17% in
/// 2017-18, then followed the council's longer trend.
pub fn two_period_growth_factor(
    first_percent_per_year: f64,
    first_months: f64,
    later_percent_per_year: f64,
    months_elapsed: f64,
) -> f64 {
    let first_months = first_months.max(0.0);
    growth_factor(first_percent_per_year, months_elapsed.min(first_months))
        * growth_factor(
            later_percent_per_year,
            (months_elapsed - first_months).max(0.0),
        )
}

/// [`two_period_growth_factor`] worked out month by month: one multiplication a
/// month, by the first period's monthly step, the long-run step, or (in the month
/// the first period ends part-way through) the step that straddles the two.
#[derive(Clone, Copy, Debug)]
pub struct TwoPeriodGrowth {
    first_step: f64,
    crossing_step: f64,
    later_step: f64,
    first_months: f64,
    months_elapsed: f64,
    factor: f64,
}

impl TwoPeriodGrowth {
    pub fn new(
        first_percent_per_year: f64,
        first_months: f64,
        later_percent_per_year: f64,
    ) -> Self {
        let first_months = if first_months.is_finite() {
            first_months.max(0.0)
        } else {
            0.0
        };
        let crossing_months = first_months.floor();
        Self {
            first_step: growth_factor(first_percent_per_year, 1.0),
            crossing_step: growth_factor(first_percent_per_year, first_months - crossing_months)
                * growth_factor(later_percent_per_year, crossing_months + 1.0 - first_months),
            later_step: growth_factor(later_percent_per_year, 1.0),
            first_months,
            months_elapsed: 0.0,
            factor: 1.0,
        }
    }

    /// The factor for the current month.
    pub fn factor(&self) -> f64 {
        self.factor
    }

    /// Moves on a month.
    pub fn advance(&mut self) {
        let next = self.months_elapsed + 1.0;
        self.factor *= if next <= self.first_months {
            self.first_step
        } else if self.months_elapsed >= self.first_months {
            self.later_step
        } else {
            self.crossing_step
        };
        self.months_elapsed = next;
    }
}

/// The 12 seasonal multipliers (January first), rescaled to average 1; all 1
/// without a pattern. See [`seasonal_multiplier`].
pub fn seasonal_multipliers(seasonality: &[f64]) -> [f64; 12] {
    std::array::from_fn(|index| seasonal_multiplier(seasonality, index as u32 + 1))
}

/// Seasonal multiplier for a calendar month (1 = January):
/// `s[month] / mean(s)`, so the 12 multipliers average exactly 1. No pattern gives 1.
pub fn seasonal_multiplier(seasonality: &[f64], month_number: u32) -> f64 {
    if seasonality.len() != 12 {
        return 1.0;
    }
    let mean = seasonality.iter().sum::<f64>() / 12.0;
    if mean <= 0.0 || !mean.is_finite() {
        return 1.0;
    }
    seasonality[(month_number as usize - 1) % 12] / mean
}

/// Referrals in a month (children per month):
/// `R(t) = max(0, R0 x growth factor x seasonal multiplier x early-help factor)`,
/// with the growth factor passed in (see [`two_period_growth_factor`] and
/// [`TwoPeriodGrowth`]). Workload's re-referral factor, when on, multiplies this
/// ([`rereferral_factor`]).
pub fn referrals(
    baseline_per_month: f64,
    growth: f64,
    seasonal: f64,
    early_help_factor: f64,
) -> f64 {
    (baseline_per_month * growth * seasonal * early_help_factor).max(0.0)
}

/// Children split by a mix of shares (children per kind):
/// `children of kind i = children x share_i`, with shares from [`rescaled_shares`]
/// (adding up to 1). New entries to care are placed by the new-entry mix and the
/// children in care at the start by the current mix this way.
pub fn split_by_shares<const N: usize>(children: f64, shares: [f64; N]) -> [f64; N] {
    shares.map(|share| children * share)
}

/// The share of a flow that early help leaves in place (dimensionless):
/// `factor = product over active programmes of (1 - reduction% / 100)`.
pub fn early_help_factor(active_reductions_percent: impl IntoIterator<Item = f64>) -> f64 {
    active_reductions_percent
        .into_iter()
        .map(|reduction| (1.0 - reduction / 100.0).clamp(0.0, 1.0))
        .product()
}

/// Outflows from one stock at per-month rates (children per month):
/// `outflow_i = stock x rate_i` on the rates of [`bounded_rates`], so that a stock
/// can never go negative.
pub fn bounded_outflows<const N: usize>(stock: f64, rates_per_month: [f64; N]) -> [f64; N] {
    outflows(stock, bounded_rates(rates_per_month))
}

/// Competing exit rates from one stock (per month), scaled down together when they
/// add up to more than 1: `rate_i x min(1, 1 / sum of rates)`; negative rates count
/// as 0.
pub fn bounded_rates<const N: usize>(rates_per_month: [f64; N]) -> [f64; N] {
    let total_rate: f64 = rates_per_month.iter().sum();
    let scale = if total_rate > 1.0 {
        1.0 / total_rate
    } else {
        1.0
    };
    rates_per_month.map(|rate| rate.max(0.0) * scale)
}

/// Outflows from one stock at rates already bounded by [`bounded_rates`]
/// (per month): `outflow_i = max(0, stock) x rate_i`.
pub fn outflows<const N: usize>(stock: f64, bounded_rates_per_month: [f64; N]) -> [f64; N] {
    bounded_rates_per_month.map(|rate| stock.max(0.0) * rate)
}

/// Exit rate of a first-order delay (per month): `min(1, 1 / mean duration in months)`;
/// 1 (the whole stock in a month) for a duration of 0 or less.
pub fn exit_rate(mean_duration_months: f64) -> f64 {
    if mean_duration_months <= 0.0 {
        1.0
    } else {
        (1.0 / mean_duration_months).min(1.0)
    }
}

/// A percentage as a share (100% = 1): `share = percent / 100`. Referral outcomes
/// and agency cover are read this way, as written.
pub fn percent_share(percent: f64) -> f64 {
    percent / 100.0
}

/// A percentage as a share held between 0 and 1: `share = clamp(percent / 100, 0, 1)`.
/// The shares of ended plans stepping down and of children leaving care who become
/// care leavers are read this way, so they can never move more children than there are.
pub fn bounded_share(percent: f64) -> f64 {
    (percent / 100.0).clamp(0.0, 1.0)
}

/// Referrals opening one kind of case (children per month):
/// `new cases = referrals x outcome share`, for child-in-need cases and for child
/// protection plans.
pub fn referral_outcome(referrals: f64, outcome_share: f64) -> f64 {
    referrals * outcome_share
}

/// Referrals entering care, and the entries early help prevents (children per month):
/// `entries before early help = referrals x into-care share`,
/// `entries = entries before early help x early-help factor for entries to care`,
/// `prevented = entries before early help - entries`. Returns `[entries, prevented]`.
pub fn care_entries(referrals: f64, into_care_share: f64, care_entry_factor: f64) -> [f64; 2] {
    let before_early_help = referrals * into_care_share;
    let entries = before_early_help * care_entry_factor;
    [entries, before_early_help - entries]
}

/// Plans ending, split between closing and stepping down to a child-in-need case
/// (children per month): `stepped down = plans ended x step-down share`,
/// `closed = plans ended - stepped down`. Returns `[closed, stepped down]`.
pub fn plan_endings(plans_ended: f64, step_down_share: f64) -> [f64; 2] {
    let stepped_down = plans_ended * step_down_share;
    [plans_ended - stepped_down, stepped_down]
}

/// Children leaving one kind of placement (children per month):
/// `leaving = children in the placement x leave rate`, where the leave rate is
/// `exit_rate(mean months in care)`, the same for every kind of placement.
pub fn leaving_care(children: f64, leave_rate_per_month: f64) -> f64 {
    children * leave_rate_per_month
}

/// Young people leaving care who become supported care leavers (children per month):
/// `new care leavers = children leaving care x care-leaver share`.
pub fn new_care_leavers(left_care: f64, care_leaver_share: f64) -> f64 {
    left_care * care_leaver_share
}

/// New in-house foster placements once places run out (children per month): in-house
/// care takes only its free places, `free = max(0, places - (children in in-house care
/// - children leaving it this month))`, and the rest go to independent fostering
/// agencies: `placed = min(wanted, free)`, `overflow = wanted - placed`. Returns
/// `[placed in house, overflow to IFAs]`.
pub fn in_house_placements(
    wanted: f64,
    places: f64,
    children_in_house: f64,
    leaving_in_house: f64,
) -> [f64; 2] {
    let free = (places - (children_in_house - leaving_in_house)).max(0.0);
    if wanted > free {
        [free, wanted - free]
    } else {
        [wanted, 0.0]
    }
}

/// A stock at the start of the next month (children):
/// `next = max(0, stock + inflows - outflows)`, each added or taken away in turn;
/// the floor at 0 only guards against rounding.
pub fn next_stock<const IN: usize, const OUT: usize>(
    stock: f64,
    inflows: [f64; IN],
    outflows: [f64; OUT],
) -> f64 {
    let mut next = stock;
    for inflow in inflows {
        next += inflow;
    }
    for outflow in outflows {
        next -= outflow;
    }
    next.max(0.0)
}

/// Where a stock settles when its inflow stays at one level (children): at the
/// level where the month's outflow equals its inflow,
/// `settled = inflow per month / total exit rate per month`.
/// `None` when nothing leaves (a rate of 0) or the figure is not finite.
pub fn settled_stock(inflow_per_month: f64, exit_rate_per_month: f64) -> Option<f64> {
    if exit_rate_per_month <= 0.0 {
        return None;
    }
    let settled = inflow_per_month.max(0.0) / exit_rate_per_month;
    settled.is_finite().then_some(settled)
}

/// Where children in need and children on plans settle when referrals stay at one
/// level (children). The two stocks feed each other (cases step up to plans, plans
/// step down), so both balance at once:
/// `CIN x (c + u) = new CIN + s x d x CP` and `CP x (d + k) = new plans + u x CIN`,
/// with `c, u` the CIN closing and step-up rates, `d, k` the plan ending and
/// into-care rates (per month, as [`bounded_rates`] gives them) and `s` the
/// step-down share. Solved:
/// `CP = (new plans x (c + u) + u x new CIN) / ((d + k) x (c + u) - u x s x d)`,
/// `CIN = (new CIN + s x d x CP) / (c + u)`.
/// Returns `[CIN, CP]`; `None` when they never settle (nothing leaves).
pub fn settled_children_in_need_and_plans(
    new_child_in_need: f64,
    new_plans: f64,
    child_in_need_exits: [f64; 2],
    plan_exits: [f64; 2],
    step_down_share: f64,
) -> Option<[f64; 2]> {
    let [closing, step_up] = child_in_need_exits;
    let [ending, into_care] = plan_exits;
    let leaving_child_in_need = closing + step_up;
    let determinant =
        (ending + into_care) * leaving_child_in_need - step_up * step_down_share * ending;
    if leaving_child_in_need <= 0.0 || determinant <= 0.0 {
        return None;
    }
    let new_child_in_need = new_child_in_need.max(0.0);
    let plans =
        (new_plans.max(0.0) * leaving_child_in_need + step_up * new_child_in_need) / determinant;
    let children_in_need =
        (new_child_in_need + step_down_share * ending * plans) / leaving_child_in_need;
    (plans.is_finite() && children_in_need.is_finite()).then_some([children_in_need, plans])
}

/// The exit rate that holds a stock where it is (per month): the month's outflow
/// must equal its inflow, so `rate = inflow / stock - other exit rates`.
/// `None` when no rate can: the stock is empty, or the other exits alone take as
/// many as arrive or more (a rate of 0 or less), or more must leave than the whole
/// stock in a month (`rate + other exit rates > 1`).
pub fn holding_exit_rate(inflow_per_month: f64, stock: f64, other_exit_rates: f64) -> Option<f64> {
    if stock <= 0.0 {
        return None;
    }
    let rate = inflow_per_month / stock - other_exit_rates;
    (rate > 0.0 && rate + other_exit_rates <= 1.0 && rate.is_finite()).then_some(rate)
}

/// The mean duration that gives an exit rate (months): `1 / rate`, the inverse of
/// [`exit_rate`] for rates from 0 to 1. `None` for a rate of 0 or less.
pub fn mean_duration(exit_rate_per_month: f64) -> Option<f64> {
    (exit_rate_per_month > 0.0).then(|| 1.0 / exit_rate_per_month)
}

/// Shares of a mix (0 to 1), rescaled to add up to exactly 1 so that splitting
/// children by them never creates or loses one:
/// `share_i = max(0, percent_i) / sum of max(0, percent_j)`. A mix of all zeros (or
/// not a number) puts everything in `fallback`. Used for the current and new-entry
/// placement mixes.
pub fn rescaled_shares<const N: usize>(percents: [f64; N], fallback: usize) -> [f64; N] {
    let raw = percents.map(|percent| percent.max(0.0));
    let total: f64 = raw.iter().sum();
    if total > 0.0 && total.is_finite() {
        raw.map(|value| value / total)
    } else {
        let mut shares = [0.0; N];
        if let Some(share) = shares.get_mut(fallback) {
            *share = 1.0;
        }
        shares
    }
}

/// Cases counted against caseloads (weighted cases):
/// `cases = w_cin x CIN + w_cp x CP + w_lac x LAC + w_cl x care leavers`.
pub fn weighted_cases(stocks: [f64; 4], weights: [f64; 4]) -> f64 {
    stocks
        .iter()
        .zip(weights)
        .map(|(stock, weight)| stock * weight)
        .sum()
}

/// Case-holding capacity of one staff group (cases):
/// `capacity = case-holding FTE x caseload cap`.
pub fn group_capacity(case_holding_fte: f64, caseload_cap: f64) -> f64 {
    case_holding_fte * caseload_cap
}

/// Case-holding FTE of one group (FTE of time spent on cases):
/// `case-holding FTE = FTE x case time% / 100`.
pub fn case_holding_fte(fte: f64, case_time_percent: f64) -> f64 {
    fte * case_time_percent / 100.0
}

/// Cases left for the council's own staff once contracted teams have taken theirs
/// (cases): `max(0, cases - contracted capacity)`.
pub fn cases_for_staff(cases: f64, contracted_capacity: f64) -> f64 {
    (cases - contracted_capacity).max(0.0)
}

/// Below this much case-holding FTE there is no one to hold cases.
pub const NO_CAPACITY_FTE: f64 = 1e-9;

/// Average caseload per case-holding FTE (cases per FTE):
/// `cases for staff / case-holding FTE`; `None` ("no capacity") with no case-holding staff.
pub fn average_caseload(cases_for_staff: f64, case_holding_fte: f64) -> Option<f64> {
    (case_holding_fte > NO_CAPACITY_FTE).then(|| cases_for_staff / case_holding_fte)
}

/// Load on the staff, as a share of their capacity (dimensionless; 1 = exactly at
/// the caps): `cases for staff / staff capacity`. `None` when there are cases and no
/// capacity to hold them; 0 when there are no cases.
pub fn load_ratio(cases_for_staff: f64, staff_capacity: f64) -> Option<f64> {
    if cases_for_staff <= 0.0 {
        Some(0.0)
    } else if staff_capacity > NO_CAPACITY_FTE {
        Some(cases_for_staff / staff_capacity)
    } else {
        None
    }
}

/// Whether a month is **over cap** (the one meaning used by the headline, the
/// charts, the summary, the chances of Monte Carlo runs and goal seek targets):
/// `load > 1`, i.e. more cases for staff than their capacity at their caps, which
/// is the same as the average caseload above the average cap (the groups' caps
/// weighted by their case-holding FTE); also over cap with cases and no capacity
/// (`load` is `None`).
pub fn is_over_cap(load: Option<f64>) -> bool {
    load.is_none_or(|load| load > 1.0)
}

/// Cases beyond what staff can hold at their caps (cases):
/// `max(0, cases for staff - staff capacity)`.
pub fn over_capacity_cases(cases_for_staff: f64, staff_capacity: f64) -> f64 {
    (cases_for_staff - staff_capacity).max(0.0)
}

/// Mean caseload of a full-time case holder of one group (cases per FTE): cases are
/// shared in proportion to capacity, so `caseload = load x the group's cap`.
pub fn group_caseload(load: f64, caseload_cap: f64) -> f64 {
    load * caseload_cap
}

/// Share of case-holding staff whose own caseload is above their cap (0 to 1).
/// Cases are shared in proportion to each group's capacity, so every group carries
/// `load x cap`; individual caseloads spread around that mean with a standard
/// deviation of `spread% x mean`. Then
/// `share = P(Z > (1 - load) / (spread x load))` for a standard normal Z.
pub fn share_of_staff_over_cap(load: f64, caseload_spread_percent: f64) -> f64 {
    let spread = caseload_spread_percent / 100.0;
    if load <= 0.0 {
        0.0
    } else if spread <= 0.0 {
        if load > 1.0 { 1.0 } else { 0.0 }
    } else {
        standard_normal_upper_tail((1.0 - load) / (spread * load))
    }
}

/// `P(Z > z)` for a standard normal Z, from the complementary error function
/// (Abramowitz and Stegun 7.1.26; absolute error below 1.5e-7).
pub fn standard_normal_upper_tail(z: f64) -> f64 {
    let x = z * std::f64::consts::FRAC_1_SQRT_2;
    let t = 1.0 / (1.0 + 0.327_591_1 * x.abs());
    let polynomial = t
        * (0.254_829_592
            + t * (-0.284_496_736
                + t * (1.421_413_741 + t * (-1.453_152_027 + t * 1.061_405_429))));
    let erfc_abs = polynomial * (-x * x).exp();
    let erfc = if x >= 0.0 { erfc_abs } else { 2.0 - erfc_abs };
    (0.5 * erfc).clamp(0.0, 1.0)
}

/// The burnout loop: turnover multiplier when staff are over capacity
/// (dimensionless): `max(1, min(max multiplier, 1 + strength x max(0, load - 1)))`.
/// No capacity at all (`None`) counts as the maximum.
pub fn burnout_multiplier(load: Option<f64>, strength: f64, max_multiplier: f64) -> f64 {
    match load {
        Some(load) => (1.0 + strength * (load - 1.0).max(0.0)).min(max_multiplier),
        None => max_multiplier,
    }
    .max(1.0)
}

/// Workload affects practice: the practice multiplier on how long child-in-need
/// cases and plans last, on step-ups and on re-referrals (dimensionless):
/// `m = max(1 - limit, min(1 + limit, 1 + strength x (load - 1)))`, with the limit
/// `min(0.9, max(0, most change% / 100))`. Above capacity (load over 1) it is above 1,
/// below capacity below 1, and at exactly 1 it changes nothing. Cases and no
/// capacity at all (`None`) count as `1 + limit` (1 at strength 0). The limit is held under 0.9 so the
/// multiplier stays above 0.
pub fn practice_multiplier(load: Option<f64>, strength: f64, max_change_percent: f64) -> f64 {
    let limit = if max_change_percent.is_nan() {
        0.0
    } else {
        (max_change_percent / 100.0).clamp(0.0, 0.9)
    };
    match load {
        Some(load) => (1.0 + strength * (load - 1.0))
            .max(1.0 - limit)
            .min(1.0 + limit),
        None if strength > 0.0 => 1.0 + limit,
        None => 1.0,
    }
}

/// A stock's two exits under the practice multiplier (per month): cases lasting `m`
/// times as long close at `closing rate / m`, and step up at `step-up rate x m`:
/// `[closing, stepping up] = bounded_rates([closing rate / m, step-up rate x m])`,
/// with the closing rate `exit_rate(mean months)`. At `m = 1` these are the rates
/// without the effect, exactly.
pub fn practice_exit_rates(closing_rate: f64, step_up_rate: f64, multiplier: f64) -> [f64; 2] {
    bounded_rates([closing_rate / multiplier, step_up_rate * multiplier])
}

/// Referrals under the practice multiplier (dimensionless factor on referrals):
/// re-referrals, a share `r` of referrals, rise and fall with the multiplier and
/// first referrals do not: `factor = 1 + r x (m - 1)`, with
/// `r = bounded_share(re-referral%)`.
pub fn rereferral_factor(rereferral_share: f64, multiplier: f64) -> f64 {
    1.0 + rereferral_share * (multiplier - 1.0)
}

/// Whether an early-help programme's effect is on in month `t` (month offsets):
/// from `start + lag` to the end of its funded months,
/// `start + lag <= t < start + months`, or to the end of the projection when it runs
/// with no end. A programme funded for no longer than its lag has no effect: no
/// benefit without paying for it.
pub fn early_help_effect_on(
    month_offset: i32,
    start_offset: i32,
    lag_months: u32,
    months: Option<u32>,
) -> bool {
    let t = i64::from(month_offset);
    t >= i64::from(start_offset) + i64::from(lag_months)
        && months.is_none_or(|months| t < i64::from(start_offset) + i64::from(months))
}

/// Staff leaving in a month (FTE per month):
/// `FTE x turnover% per year / 100 / 12 x burnout multiplier`.
pub fn monthly_leavers(fte: f64, turnover_percent_per_year: f64, multiplier: f64) -> f64 {
    fte * turnover_percent_per_year / 100.0 / 12.0 * multiplier
}

/// Turnover as a monthly rate (leavers per FTE per month):
/// `turnover% per year / 100 / 12`; the same as [`monthly_leavers`] for 1 FTE and no
/// burnout.
pub fn monthly_turnover_rate(turnover_percent_per_year: f64) -> f64 {
    turnover_percent_per_year / 100.0 / 12.0
}

/// Leavers and staff progressing to the next stage in a month (FTE per month), two
/// competing exits from one group:
/// `leavers = FTE x turnover rate x burnout multiplier`,
/// `progressing = FTE x progression rate` (`exit_rate(months in the stage)`, 0 for a
/// group with no next stage), both scaled down together by [`bounded_rates`] when
/// they add up to more than the whole group. Returns `[leavers, progressing]`.
pub fn leavers_and_progressions(
    fte: f64,
    turnover_rate_per_month: f64,
    burnout_multiplier: f64,
    progression_rate_per_month: f64,
) -> [f64; 2] {
    bounded_outflows(
        fte,
        [
            turnover_rate_per_month * burnout_multiplier,
            progression_rate_per_month,
        ],
    )
}

/// Staff finishing a stage such as the ASYE year (FTE per month):
/// `FTE x exit_rate(months in the stage)`, that is `FTE / months in the stage`.
pub fn monthly_progression(fte: f64, progression_months: f64) -> f64 {
    fte * exit_rate(progression_months)
}

/// Posts funded but neither filled nor being recruited to (FTE):
/// `max(0, establishment - FTE - recruiting)`.
pub fn unfilled_gap(establishment: f64, fte: f64, recruiting: f64) -> f64 {
    (establishment - fte - recruiting).max(0.0)
}

/// Case-holding capacity of one permanent case-holding group's vacant posts (FTE of
/// time on cases), in existing posts and in new posts:
/// `[(vacancies - new-post vacancies) x case-time share, new-post vacancies x case-time share]`,
/// with the case-time share `case time% / 100` and the new-post vacancies from
/// [`unfilled_new_posts`]. Summed over the case-holding permanent groups, these are
/// what [`agency_cover_target`] covers.
pub fn vacant_case_holding_fte(
    vacancies: f64,
    new_post_vacancies: f64,
    case_time_share: f64,
) -> [f64; 2] {
    [
        (vacancies - new_post_vacancies) * case_time_share,
        new_post_vacancies * case_time_share,
    ]
}

/// Vacancies (FTE): `max(0, establishment - FTE)`.
pub fn vacancies(establishment: f64, fte: f64) -> f64 {
    (establishment - fte).max(0.0)
}

/// Recruitments started in a month (FTE per month):
/// `starts = unfilled gap x recruitment share`, with the recruitment share
/// `percent_share(recruitment% per month)`.
pub fn recruitment_starts(unfilled_gap: f64, recruitment_share: f64) -> f64 {
    unfilled_gap * recruitment_share
}

/// New starters arriving (FTE per month), a first-order delay on the recruitment
/// pipeline: `recruiting x exit_rate(time to hire in months)`, that is
/// `recruiting / time to hire`.
pub fn monthly_hires(recruiting: f64, time_to_hire_months: f64) -> f64 {
    recruiting * exit_rate(time_to_hire_months)
}

/// The recruitment pipeline at the start (FTE being recruited), in its steady state:
/// enough starters on the way to replace a month's leavers and progressions
/// for the time it takes to hire, and no more than the vacancies:
/// `recruiting = max(0, min(vacancies, (leavers + progressing per month) x max(1, time to hire in months)))`,
/// with leavers at the base turnover (`FTE x turnover rate`, no burnout multiplier:
/// the pipeline is recruitment under way before the projection, so stronger burnout
/// must not put more people in it) and vacancies on the establishment before any
/// intervention. Managers get one on the establishment their span of control gives
/// them; agency staff start with none.
pub fn opening_recruitment(
    leavers_per_month: f64,
    progressing_per_month: f64,
    time_to_hire_months: f64,
    vacancies: f64,
) -> f64 {
    ((leavers_per_month + progressing_per_month) * time_to_hire_months.max(1.0))
        .min(vacancies)
        .max(0.0)
}

/// The factor that holds recruitment starts within the monthly limit, when there is
/// one and it is exceeded (dimensionless): `max(0, most starts) / total starts`,
/// applied to every group's starts alike. `None` when the starts are within it.
pub fn recruitment_starts_limit(total_starts: f64, max_starts: Option<f64>) -> Option<f64> {
    max_starts
        .filter(|max_starts| total_starts > *max_starts && total_starts > 0.0)
        .map(|max_starts| max_starts.max(0.0) / total_starts)
}

/// Recruitment pipeline at the start of the next month (FTE):
/// `next recruiting = max(0, recruiting - hires + starts)`.
pub fn next_recruiting(recruiting: f64, hires: f64, starts: f64) -> f64 {
    (recruiting - hires + starts).max(0.0)
}

/// A permanent group's FTE at the start of the next month, before staff arriving
/// from the stage before are added:
/// `next FTE = max(0, FTE - leavers - progressing + hires + converted from agency)`.
/// The group a stage leads to then gains `progressing` of the group before it.
pub fn next_permanent_fte(
    fte: f64,
    leavers: f64,
    progressing: f64,
    hires: f64,
    converted_in: f64,
) -> f64 {
    (fte - leavers - progressing + hires + converted_in).max(0.0)
}

/// Agency FTE the agency cover aims at, before the supply limit (FTE). Agency staff
/// replace the *case-holding capacity* of vacant posts, not their FTE: a vacant post
/// calls for `vacant FTE x case time% / 100` of its group (0 for roles that hold no
/// cases), and an agency worker brings `agency case time% / 100` of case-holding time:
/// `target = (cover share x vacant case-holding FTE in existing posts
///            + new-post cover share x vacant case-holding FTE in new posts)
///           / agency case-time share`,
/// with each share `percent_share(cover%)`; 0 when agency staff hold no cases.
pub fn agency_cover_target(
    vacant_case_holding_fte: f64,
    cover_share: f64,
    new_post_case_holding_fte: f64,
    new_post_cover_share: f64,
    agency_case_time_share: f64,
) -> f64 {
    if agency_case_time_share > 0.0 {
        ((vacant_case_holding_fte * cover_share + new_post_case_holding_fte * new_post_cover_share)
            / agency_case_time_share)
            .max(0.0)
    } else {
        0.0
    }
}

/// Most agency FTE the council can get from the market (FTE), worked out once at the
/// start: the smaller of the limits that are set,
/// `most agency FTE` and
/// `max(agency FTE at the start, most agency% / 100 x social workers at the start)`,
/// where social workers at the start are the case-holding permanent FTE plus the
/// agency FTE. `None` ("no limit") when neither is set.
pub fn agency_supply_limit(
    max_agency_fte: Option<f64>,
    max_agency_percent: Option<f64>,
    social_workers_at_start: f64,
    agency_at_start: f64,
) -> Option<f64> {
    let share_limit = max_agency_percent
        .map(|percent| (percent / 100.0 * social_workers_at_start).max(agency_at_start));
    match (max_agency_fte.map(|fte| fte.max(0.0)), share_limit) {
        (Some(fte), Some(share)) => Some(fte.min(share)),
        (limit, None) | (None, limit) => limit,
    }
}

/// The cover wanted, held within the supply limit (FTE):
/// `min(target, limit)`, the target unchanged with no limit.
pub fn limited_agency_target(target_fte: f64, supply_limit: Option<f64>) -> f64 {
    supply_limit.map_or(target_fte, |limit| target_fte.min(limit))
}

/// New posts not yet filled after the plan changes a group's posts (FTE): posts added
/// are new, and posts cut are taken off the new ones first:
/// `max(0, new posts unfilled + posts after - posts before)`.
pub fn new_posts_after_change(new_posts: f64, posts_before: f64, posts_after: f64) -> f64 {
    (new_posts + posts_after - posts_before).max(0.0)
}

/// Vacancies in new posts (FTE): the posts added after the start that still count as
/// new ([`new_posts_settled`]), never more than the group's vacancies:
/// `min(new posts, vacancies)`.
pub fn unfilled_new_posts(new_posts: f64, vacancies: f64) -> f64 {
    new_posts.min(vacancies).max(0.0)
}

/// New posts that stop counting as new in a month (FTE per month): a new post counts
/// as new, for agency cover, for as long as filling a post takes on average, the
/// months before its recruitment starts plus the time to hire, as a first-order delay:
/// `new posts x exit_rate(100 / recruitment% per month + time to hire)`; none when
/// recruitment never starts. It does not depend on who leaves, so more burnout
/// never turns new posts into covered vacancies sooner.
pub fn new_posts_settled(new_posts: f64, recruitment_share: f64, time_to_hire_months: f64) -> f64 {
    if recruitment_share > 0.0 {
        new_posts * exit_rate(1.0 / recruitment_share + time_to_hire_months)
    } else {
        0.0
    }
}

/// Change in agency FTE in a month (FTE per month). More agency staff arrive with
/// the lead time, a first-order delay towards the cover wanted
/// ([`limited_agency_target`]); agency staff no longer wanted are released within
/// the month (their notice is short), so agency cover never stays above what the
/// vacancies call for:
/// `(target - agency FTE) x exit_rate(lead time in months)` when the target is above
/// the agency FTE, `target - agency FTE` otherwise.
pub fn agency_adjustment(agency_fte: f64, target_fte: f64, lead_time_months: f64) -> f64 {
    if target_fte > agency_fte {
        (target_fte - agency_fte) * exit_rate(lead_time_months)
    } else {
        target_fte - agency_fte
    }
}

/// Agency staff moving into a permanent group in a month (FTE per month): each
/// conversion under way takes `min(FTE per month, agency FTE still available)`,
/// where the agency FTE available starts at `max(0, agency FTE + agency adjustment)`
/// and each conversion, in the order listed, uses up what it takes.
pub fn converted_from_agency(fte_per_month: f64, agency_available: f64) -> f64 {
    fte_per_month.min(agency_available)
}

/// Agency FTE that conversions to permanent posts can take in a month (FTE):
/// `max(0, agency FTE + agency adjustment)`, the agency staff in post once this
/// month's change ([`agency_adjustment`]) has been made.
pub fn agency_available(agency_fte: f64, adjustment: f64) -> f64 {
    (agency_fte + adjustment).max(0.0)
}

/// Agency FTE at the start of the next month (FTE):
/// `next agency FTE = max(0, agency FTE + agency adjustment - converted to permanent)`.
pub fn next_agency_fte(agency_fte: f64, adjustment: f64, converted: f64) -> f64 {
    (agency_fte + adjustment - converted).max(0.0)
}

/// Agency staff as a share of all staff in post (0 to 1):
/// `agency FTE / (permanent FTE + agency FTE)`, 0 with no staff.
pub fn agency_share(agency_fte: f64, permanent_fte: f64) -> f64 {
    let all = permanent_fte + agency_fte;
    if all > 0.0 { agency_fte / all } else { 0.0 }
}

/// Case-holding workers per manager (FTE per FTE):
/// `case-holding FTE outside managing groups / managers' FTE`; `None` with no managers.
pub fn workers_per_manager(worker_fte: f64, manager_fte: f64) -> Option<f64> {
    (manager_fte > NO_CAPACITY_FTE).then(|| worker_fte / manager_fte)
}

/// Establishment of a managing group from its span of control (FTE):
/// `case-holding establishment / workers per manager`; 0 with a span of 0 or less.
pub fn span_establishment(worker_establishment: f64, span_of_control: f64) -> f64 {
    if span_of_control > 0.0 {
        worker_establishment / span_of_control
    } else {
        0.0
    }
}

/// Monthly pay of a staff group (£ per month):
/// `FTE x salary x (1 + on-cost% / 100) x (1 + premium% / 100) / 12`; the premium is
/// 0 for permanent staff and the agency premium for agency staff.
pub fn monthly_pay_cost(
    fte: f64,
    annual_salary_gbp: f64,
    on_cost_percent: f64,
    premium_percent: f64,
) -> f64 {
    fte * annual_salary_gbp * (1.0 + on_cost_percent / 100.0) * (1.0 + premium_percent / 100.0)
        / 12.0
}

/// Pay of one staff group in a month (£ per month):
/// `FTE x pay per FTE x pay factor`, with the pay per FTE [`monthly_pay_cost`] of
/// 1 FTE (`salary x (1 + on-cost% / 100) x (1 + premium% / 100) / 12`) and the pay
/// factor [`pay_award_factor`] of the awards landed so far.
pub fn group_pay(fte: f64, pay_per_fte: f64, pay_factor: f64) -> f64 {
    fte * pay_per_fte * pay_factor
}

/// Monthly cost of one kind of placement (£ per month):
/// `children x weekly cost x growth_factor(cost growth, t) x 52 / 12`, with the
/// growth factor passed in (see [`CompoundGrowth`]).
pub fn monthly_placement_cost(children: f64, weekly_cost_gbp: f64, growth: f64) -> f64 {
    children * weekly_cost_gbp * growth * WEEKS_PER_MONTH
}

/// A yearly amount spread over the months (£ per month): `amount per year / 12`;
/// the base budget and the base early-help spend are taken this way.
pub fn monthly_amount(amount_per_year_gbp: f64) -> f64 {
    amount_per_year_gbp / 12.0
}

/// An amount spread evenly over a number of months (per month): `total / max(1,
/// months)`; a contracted team's cost and the FTE an agency conversion moves each
/// month are spread this way.
pub fn spread_evenly(total: f64, months: u32) -> f64 {
    total / f64::from(months.max(1))
}

/// Cost of new starters in a month (£ per month): `hires x cost per hire`.
pub fn recruitment_cost(hires: f64, cost_per_hire_gbp: f64) -> f64 {
    hires * cost_per_hire_gbp
}

/// Share of a change phased in over `over_months` that is in effect in month `t`
/// when it starts in month `start` (0 to 1): `clamp((t - start + 1) / over, 0, 1)`.
pub fn phased_share(month_offset: i32, start_offset: i32, over_months: u32) -> f64 {
    let months_in = f64::from(month_offset - start_offset + 1);
    (months_in / f64::from(over_months.max(1))).clamp(0.0, 1.0)
}

/// The part of a change phased in over `over_months` that is in effect in month `t`
/// (in the change's units: FTE of posts, foster places):
/// `amount x phased_share(t, start, over)`.
pub fn phased_amount(amount: f64, month_offset: i32, start_offset: i32, over_months: u32) -> f64 {
    amount * phased_share(month_offset, start_offset, over_months)
}

/// Whether a window of `months` months beginning at `start` covers month `t`;
/// `None` runs to the end of the projection.
pub fn in_window(month_offset: i32, start_offset: i32, months: Option<u32>) -> bool {
    month_offset >= start_offset
        && months.is_none_or(|months| {
            i64::from(month_offset) < i64::from(start_offset) + i64::from(months)
        })
}

/// The part of a financial year's budget that falls in the projection (£):
/// `annual budget x months covered / 12`.
pub fn prorated_budget(annual_budget_gbp: f64, months_covered: usize) -> f64 {
    annual_budget_gbp * months_covered as f64 / 12.0
}

/// A financial year's variance (£): `spend - budget - funding received` (grants,
/// one-off and recurring funding); positive is an overspend.
pub fn variance(spend_gbp: f64, budget_gbp: f64, grants_gbp: f64) -> f64 {
    spend_gbp - budget_gbp - grants_gbp
}

/// Reserves at the end of a financial year (£): `reserves - variance`, so an
/// overspend draws on them and an underspend adds to them.
pub fn reserves_after(reserves_gbp: f64, variance_gbp: f64) -> f64 {
    reserves_gbp - variance_gbp
}

/// A financial year's base budget (£ for the year):
/// `listed budget x (1 + budget growth% / 100) ^ years since`, where the listed
/// budget is that of the latest listed year at or before it (0 years since for a
/// listed year); before the first listed year the earliest listed budget stays as
/// it is (0 years); 0 with no budget listed. `listed` is
/// [`crate::model::Money::listed_budget_for`].
pub fn year_budget(listed: Option<(f64, i32)>, growth_percent_per_year: f64) -> f64 {
    listed.map_or(0.0, |(budget, years_since)| {
        budget * (1.0 + growth_percent_per_year / 100.0).powi(years_since.max(0))
    })
}

/// Whether a pay award lands in a month: every year in the award month, but not
/// in the first month projected (the salaries in the file are already that
/// month's): `t > 0 and calendar month = award month`.
pub fn pay_award_lands(month_offset: i32, month_number: u32, award_month: u32) -> bool {
    month_offset > 0 && month_number == award_month
}

/// Pay awards landed from the start to `t` months later (awards): the number of
/// award months in `(start, start + t]`, i.e. `0` before the first award month after
/// the start (`d = (award month - start month) mod 12`, or 12 when that is 0), and
/// `floor((t - d) / 12) + 1` from it.
pub fn pay_awards_since_start(
    months_elapsed: i32,
    start_month_number: u32,
    award_month: u32,
) -> u32 {
    let first = (i64::from(award_month) - i64::from(start_month_number)).rem_euclid(12);
    let first = if first == 0 { 12 } else { first };
    let elapsed = i64::from(months_elapsed);
    if elapsed < first {
        0
    } else {
        u32::try_from((elapsed - first) / 12 + 1).unwrap_or(u32::MAX)
    }
}

/// Pay relative to the salaries in the file (dimensionless):
/// `(1 + pay award% / 100) ^ awards landed`; it multiplies permanent and agency pay
/// (salary, on-costs and agency premium alike).
pub fn pay_award_factor(pay_award_percent: f64, awards: u32) -> f64 {
    (1.0 + pay_award_percent / 100.0).powi(i32::try_from(awards).unwrap_or(i32::MAX))
}

/// Other costs in a month (£ per month): `base other costs per month x
/// growth_factor(inflation%, t)` (inflation compounded monthly from the start,
/// like placement cost growth), with the growth factor passed in
/// ([`CompoundGrowth`]). Other-spending interventions are added as cash.
pub fn inflated_other_costs(base_other_costs_per_month_gbp: f64, inflation: f64) -> f64 {
    base_other_costs_per_month_gbp * inflation
}

/// Reserves at the end of a month (£): `reserves at its start + monthly budget +
/// funding received - spend`, so a month's overspend draws on them and an
/// underspend adds to them. Over a financial year this sums to [`reserves_after`]
/// the year's variance. Below 0, the reserves have run out.
pub fn reserves_after_month(
    reserves_gbp: f64,
    monthly_budget_gbp: f64,
    funding_received_gbp: f64,
    spend_gbp: f64,
) -> f64 {
    reserves_gbp + monthly_budget_gbp + funding_received_gbp - spend_gbp
}

/// Recurring funding received in a month (£ per month): `amount per year / 12`
/// in each of the `12 x years` months from its start month, 0 outside them.
pub fn recurring_funding(
    month_offset: i32,
    start_offset: i32,
    amount_per_year_gbp: f64,
    years: u32,
) -> f64 {
    if in_window(month_offset, start_offset, Some(years.saturating_mul(12))) {
        monthly_amount(amount_per_year_gbp)
    } else {
        0.0
    }
}

/// Placement cost per child in care, annualised (£ per child per year):
/// `placement spend / mean children in care x 12 / months covered`; `None` with no
/// children in care.
pub fn cost_per_child_in_care(
    placement_spend_gbp: f64,
    mean_children_in_care: f64,
    months_covered: usize,
) -> Option<f64> {
    (mean_children_in_care > 0.0)
        .then(|| placement_spend_gbp / mean_children_in_care * 12.0 / months_covered as f64)
}

/// The workload traffic light used in practice, on the load ratio: over 110% red,
/// 100-110% amber, 95-100% green, under 95% blue (spare capacity).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CapacityRating {
    Blue,
    Green,
    Amber,
    Red,
}

impl CapacityRating {
    pub fn from_load(load: Option<f64>) -> Self {
        match load {
            None => CapacityRating::Red,
            Some(load) if load > 1.10 => CapacityRating::Red,
            Some(load) if load > 1.00 => CapacityRating::Amber,
            Some(load) if load >= 0.95 => CapacityRating::Green,
            Some(_) => CapacityRating::Blue,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            CapacityRating::Blue => "blue (spare capacity)",
            CapacityRating::Green => "green",
            CapacityRating::Amber => "amber",
            CapacityRating::Red => "red",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(actual: f64, expected: f64) {
        assert!(
            (actual - expected).abs() < 1e-9,
            "expected {expected}, got {actual}"
        );
    }

    #[test]
    fn growth_compounds_by_year() {
        close(growth_factor(17.0, 12.0), 1.17);
        close(growth_factor(17.0, 24.0), 1.17 * 1.17);
        close(growth_factor(17.0, 6.0), 1.17f64.sqrt());
        close(growth_factor(0.0, 30.0), 1.0);
    }

    #[test]
    fn two_period_growth_is_the_first_rate_then_the_long_run_rate() {
        // Gloucestershire: +17% for 12 months, then 8% a year.
        close(two_period_growth_factor(17.0, 12.0, 8.0, 12.0), 1.17);
        close(two_period_growth_factor(17.0, 12.0, 8.0, 24.0), 1.17 * 1.08);
        close(
            two_period_growth_factor(17.0, 12.0, 8.0, 6.0),
            1.17f64.sqrt(),
        );
        close(
            two_period_growth_factor(17.0, 12.0, 8.0, 18.0),
            1.17 * 1.08f64.sqrt(),
        );
        // No first period: the long-run rate from the start.
        close(two_period_growth_factor(17.0, 0.0, 8.0, 24.0), 1.08 * 1.08);
        // A first period of 6 months at +21% then 0%: 1.1 for ever after.
        close(two_period_growth_factor(21.0, 6.0, 0.0, 30.0), 1.1);
    }

    #[test]
    fn two_period_growth_month_by_month_matches_the_powers() {
        for first_months in [0.0, 1.0, 7.5, 12.0, 200.0] {
            let mut growth = TwoPeriodGrowth::new(17.0, first_months, -3.0);
            for month in 0..60 {
                let exact = two_period_growth_factor(17.0, first_months, -3.0, f64::from(month));
                assert!(
                    (growth.factor() - exact).abs() < 1e-12 * exact,
                    "{first_months} months, month {month}: {} against {exact}",
                    growth.factor()
                );
                growth.advance();
            }
        }
    }

    #[test]
    fn compound_growth_month_by_month_matches_the_power() {
        let mut growth = CompoundGrowth::new(17.0);
        for month in 0..120 {
            let exact = growth_factor(17.0, f64::from(month));
            assert!(
                (growth.factor() - exact).abs() < 1e-12 * exact,
                "month {month}"
            );
            growth.advance();
        }
    }

    #[test]
    fn seasonality_is_rescaled_to_mean_one() {
        let pattern = [2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0];
        close(seasonal_multiplier(&pattern, 1), 2.0 / 1.5);
        close(seasonal_multiplier(&pattern, 12), 1.0 / 1.5);
        close(seasonal_multiplier(&[], 5), 1.0);
    }

    #[test]
    fn referrals_combine_growth_season_and_early_help() {
        // 100 a month, +10% a year, 12 months in, 10% seasonal uplift, 20% early-help cut.
        close(
            referrals(100.0, growth_factor(10.0, 12.0), 1.1, 0.8),
            100.0 * 1.1 * 1.1 * 0.8,
        );
    }

    #[test]
    fn early_help_reductions_multiply() {
        close(early_help_factor([10.0, 20.0]), 0.9 * 0.8);
        close(early_help_factor([]), 1.0);
        close(early_help_factor([150.0]), 0.0);
    }

    #[test]
    fn outflows_never_exceed_the_stock() {
        let [closed, stepped_up] = bounded_outflows(100.0, [0.1, 0.05]);
        close(closed, 10.0);
        close(stepped_up, 5.0);
        let [a, b] = bounded_outflows(100.0, [1.0, 1.0]);
        close(a + b, 100.0);
        close(a, 50.0);
        close(exit_rate(4.0), 0.25);
        close(exit_rate(0.5), 1.0);
    }

    #[test]
    fn cases_capacity_and_caseload() {
        close(
            weighted_cases([100.0, 50.0, 20.0, 10.0], [1.0, 1.5, 1.0, 0.0]),
            195.0,
        );
        close(group_capacity(case_holding_fte(10.0, 90.0), 20.0), 180.0);
        close(case_holding_fte(10.0, 90.0), 9.0);
        close(cases_for_staff(200.0, 180.0), 20.0);
        close(cases_for_staff(100.0, 180.0), 0.0);
        assert_eq!(average_caseload(250.0, 10.0), Some(25.0));
        assert_eq!(average_caseload(250.0, 0.0), None);
        assert_eq!(load_ratio(250.0, 200.0), Some(1.25));
        assert_eq!(load_ratio(0.0, 0.0), Some(0.0));
        assert_eq!(load_ratio(5.0, 0.0), None);
        close(over_capacity_cases(250.0, 200.0), 50.0);
        close(over_capacity_cases(150.0, 200.0), 0.0);
    }

    #[test]
    fn over_cap_means_more_cases_than_capacity() {
        // Wakefield after the goal seek of the issue: 19.86 cases per FTE against a
        // weighted cap of 19.69 is a load of 1.0086: over cap, though under 20.
        assert!(is_over_cap(load_ratio(19.86, 19.69)));
        // Exactly at capacity is not over it.
        assert!(!is_over_cap(load_ratio(200.0, 200.0)));
        assert!(!is_over_cap(load_ratio(0.0, 0.0)));
        // Cases and no one to hold them.
        assert!(is_over_cap(load_ratio(5.0, 0.0)));
    }

    #[test]
    fn share_over_cap_follows_the_normal_tail() {
        // Exactly at capacity: half the staff are above their cap.
        close(share_of_staff_over_cap(1.0, 20.0), 0.5);
        // Load 1.25, spread 20%: z = (1 - 1.25) / (0.2 x 1.25) = -1, P(Z > -1) = 0.8413.
        assert!((share_of_staff_over_cap(1.25, 20.0) - 0.841_344_7).abs() < 1e-6);
        close(share_of_staff_over_cap(0.0, 20.0), 0.0);
        close(share_of_staff_over_cap(1.2, 0.0), 1.0);
        close(share_of_staff_over_cap(0.9, 0.0), 0.0);
        assert!((standard_normal_upper_tail(1.959_964) - 0.025).abs() < 1e-6);
    }

    #[test]
    fn burnout_raises_turnover_only_over_capacity() {
        close(burnout_multiplier(Some(0.8), 2.0, 3.0), 1.0);
        close(burnout_multiplier(Some(1.2), 2.0, 3.0), 1.4);
        close(burnout_multiplier(Some(5.0), 2.0, 3.0), 3.0);
        close(burnout_multiplier(None, 2.0, 3.0), 3.0);
        // 120 FTE at 15% a year: 1.5 leavers a month, 2.1 at a multiplier of 1.4.
        close(monthly_leavers(120.0, 15.0, 1.0), 1.5);
        close(monthly_leavers(120.0, 15.0, 1.4), 2.1);
    }

    #[test]
    fn practice_multiplier_follows_the_load_within_its_limit() {
        // Load 1.2, strength 0.5: 1 + 0.5 x 0.2 = 1.1, within 25%.
        close(practice_multiplier(Some(1.2), 0.5, 25.0), 1.1);
        // Load 0.8: 1 + 0.5 x (-0.2) = 0.9: below capacity, cases close sooner.
        close(practice_multiplier(Some(0.8), 0.5, 25.0), 0.9);
        // Exactly at capacity: 1.
        close(practice_multiplier(Some(1.0), 3.0, 25.0), 1.0);
        // Load 2, strength 0.5: 1.5, held at 1 + 25% = 1.25.
        close(practice_multiplier(Some(2.0), 0.5, 25.0), 1.25);
        // No cases (load 0), strength 2: 1 - 2 = -1, held at 1 - 25% = 0.75.
        close(practice_multiplier(Some(0.0), 2.0, 25.0), 0.75);
        // Cases and no capacity: 1 + 25%; at strength 0, no effect.
        close(practice_multiplier(None, 0.5, 25.0), 1.25);
        close(practice_multiplier(None, 0.0, 25.0), 1.0);
        // A limit over 90% is held at 90%: load 0, strength 5 gives 0.1, not below.
        close(practice_multiplier(Some(0.0), 5.0, 150.0), 0.1);
        // A limit of 0 (or not a number) changes nothing.
        close(practice_multiplier(Some(1.5), 0.5, 0.0), 1.0);
        close(practice_multiplier(Some(1.5), 0.5, f64::NAN), 1.0);
    }

    #[test]
    fn practice_lengthens_cases_and_raises_step_ups() {
        // Cases lasting 9 months close at 1/9 a month; at m = 1.1 they last 9.9
        // months: 1/9 / 1.1 = 0.10101; step-ups of 1% a month become 1.1%.
        let [closing, stepping_up] = practice_exit_rates(exit_rate(9.0), 0.01, 1.1);
        close(closing, 1.0 / 9.9);
        close(stepping_up, 0.011);
        // At m = 1 the rates are those without the effect, bit for bit.
        assert_eq!(
            practice_exit_rates(exit_rate(9.0), 0.01, 1.0),
            bounded_rates([exit_rate(9.0), 0.01])
        );
        // Rates adding up to more than 1 are scaled down together: 1 / 0.5 = 2 and
        // 0.5 x 0.5 = 0.25 add up to 2.25: 2 / 2.25 and 0.25 / 2.25.
        let [closing, stepping_up] = practice_exit_rates(1.0, 0.5, 0.5);
        close(closing, 2.0 / 2.25);
        close(stepping_up, 0.25 / 2.25);
    }

    #[test]
    fn re_referrals_rise_and_fall_with_practice() {
        // 22.6% re-referrals, m = 1.1: 1 + 0.226 x 0.1 = 1.0226; 450 referrals
        // become 460.17.
        close(rereferral_factor(0.226, 1.1), 1.0226);
        close(450.0 * rereferral_factor(0.226, 1.1), 460.17);
        // m = 0.9: 1 - 0.0226 = 0.9774; m = 1: exactly 1.
        close(rereferral_factor(0.226, 0.9), 0.9774);
        assert_eq!(rereferral_factor(0.226, 1.0), 1.0);
    }

    #[test]
    fn early_help_works_only_while_it_is_paid_for() {
        // Starts at month 2, lag 6, funded for 12 months: effect in months 8 to 13.
        let on: Vec<i32> = (0..24)
            .filter(|t| early_help_effect_on(*t, 2, 6, Some(12)))
            .collect();
        assert_eq!(on, (8..14).collect::<Vec<_>>());
        // No end: from month 8 to the end of the projection.
        assert!(!early_help_effect_on(7, 2, 6, None));
        assert!(early_help_effect_on(8, 2, 6, None));
        assert!(early_help_effect_on(1_000, 2, 6, None));
        // Funded for no longer than the lag: never.
        assert!((0..40).all(|t| !early_help_effect_on(t, 2, 6, Some(6))));
        assert!((0..40).all(|t| !early_help_effect_on(t, 2, 6, Some(3))));
        // No lag: from the start month for the funded months, 2 to 4.
        let on: Vec<i32> = (0..10)
            .filter(|t| early_help_effect_on(*t, 2, 0, Some(3)))
            .collect();
        assert_eq!(on, vec![2, 3, 4]);
        // A start before the projection: months before 0 never come, the rest do.
        assert!(early_help_effect_on(0, -10, 6, Some(12)));
        assert!(!early_help_effect_on(2, -10, 6, Some(12)));
    }

    #[test]
    fn recruitment_pipeline() {
        close(monthly_progression(24.0, 12.0), 2.0);
        close(unfilled_gap(100.0, 80.0, 5.0), 15.0);
        close(unfilled_gap(100.0, 110.0, 0.0), 0.0);
        close(vacancies(100.0, 80.0), 20.0);
        close(recruitment_starts(15.0, 0.2), 3.0);
        close(monthly_hires(12.0, 4.0), 3.0);
        // 10 agency FTE, 20 wanted, a lead time of 2 months: (20 - 10) / 2 = 5 arrive.
        close(agency_adjustment(10.0, 20.0, 2.0), 5.0);
        // 10 agency FTE, 4 wanted: the 6 not wanted go within the month, whatever
        // the lead time.
        close(agency_adjustment(10.0, 4.0, 1.0), -6.0);
        close(agency_adjustment(10.0, 4.0, 3.0), -6.0);
        close(span_establishment(120.0, 6.0), 20.0);
    }

    #[test]
    fn percentages_as_shares() {
        // 52% of referrals: 0.52; 150% is kept as written (1.5) unless bounded (1).
        close(percent_share(52.0), 0.52);
        close(percent_share(150.0), 1.5);
        close(bounded_share(60.0), 0.6);
        close(bounded_share(150.0), 1.0);
        close(bounded_share(-5.0), 0.0);
    }

    #[test]
    fn referral_outcomes_and_care_entries() {
        // 450 referrals, 52% to child in need: 450 x 0.52 = 234.
        close(referral_outcome(450.0, 0.52), 234.0);
        // 450 referrals, 3% into care: 13.5 before early help; early help leaving
        // 80% of entries in place: 13.5 x 0.8 = 10.8 enter, 13.5 - 10.8 = 2.7 prevented.
        let [entries, prevented] = care_entries(450.0, 0.03, 0.8);
        close(entries, 10.8);
        close(prevented, 2.7);
        // No early help: all 13.5 enter, none prevented.
        let [entries, prevented] = care_entries(450.0, 0.03, 1.0);
        close(entries, 13.5);
        close(prevented, 0.0);
    }

    #[test]
    fn plans_ending_step_down_or_close() {
        // 40 plans end, 60% step down: 24 stepped down, 40 - 24 = 16 closed.
        let [closed, stepped_down] = plan_endings(40.0, 0.6);
        close(closed, 16.0);
        close(stepped_down, 24.0);
    }

    #[test]
    fn children_leaving_care_and_becoming_care_leavers() {
        // 300 children in care for 30 months on average: 300 / 30 = 10 leave a month.
        close(leaving_care(300.0, exit_rate(30.0)), 10.0);
        // Of 10 leaving, 40% become supported care leavers: 4.
        close(new_care_leavers(10.0, 0.4), 4.0);
    }

    #[test]
    fn in_house_foster_care_takes_only_its_free_places() {
        // 200 places, 195 children, 5 leaving: 200 - (195 - 5) = 10 free; 12 wanted:
        // 10 placed in house, 12 - 10 = 2 to IFAs.
        let [placed, overflow] = in_house_placements(12.0, 200.0, 195.0, 5.0);
        close(placed, 10.0);
        close(overflow, 2.0);
        // 8 wanted fit in the 10 free places: all placed, none over.
        let [placed, overflow] = in_house_placements(8.0, 200.0, 195.0, 5.0);
        close(placed, 8.0);
        close(overflow, 0.0);
        // More children than places: 0 free (never negative), all 3 go to IFAs.
        let [placed, overflow] = in_house_placements(3.0, 100.0, 130.0, 4.0);
        close(placed, 0.0);
        close(overflow, 3.0);
    }

    #[test]
    fn stocks_carry_inflows_less_outflows() {
        // Children in need: 2,250 + 234 new + 24 stepped down - 250 closed - 22.5
        // stepped up = 2,235.5.
        close(next_stock(2_250.0, [234.0, 24.0], [250.0, 22.5]), 2_235.5);
        // Never below 0: 5 + 1 - 7 = -1, floored at 0.
        close(next_stock(5.0, [1.0], [7.0]), 0.0);
    }

    #[test]
    fn stocks_settle_where_inflow_meets_outflow() {
        // 10 children a month entering care for 30 months on average: 10 / (1/30) = 300.
        assert_eq!(settled_stock(10.0, 1.0 / 30.0).map(f64::round), Some(300.0));
        // Nothing leaves: no settled figure.
        assert_eq!(settled_stock(10.0, 0.0), None);
        // Children in need and plans together: CIN closing 0.1 and stepping up 0.02,
        // plans ending 0.1 and entering care 0.05 a month, half of ended plans
        // stepping down; 110 new CIN and 10 new plans a month.
        // Determinant: 0.15 x 0.12 - 0.02 x 0.5 x 0.1 = 0.017;
        // CP = (10 x 0.12 + 0.02 x 110) / 0.017 = 3.4 / 0.017 = 200;
        // CIN = (110 + 0.5 x 0.1 x 200) / 0.12 = 120 / 0.12 = 1,000.
        let [cin, cp] =
            settled_children_in_need_and_plans(110.0, 10.0, [0.1, 0.02], [0.1, 0.05], 0.5)
                .unwrap_or_default();
        close(cin, 1_000.0);
        close(cp, 200.0);
        // Check: CIN in 110 + 10 = 120 = out 1,000 x 0.12; CP in 10 + 20 = 30 = out 200 x 0.15.
        assert_eq!(
            settled_children_in_need_and_plans(110.0, 10.0, [0.0, 0.0], [0.1, 0.05], 0.5),
            None
        );
    }

    #[test]
    fn the_exit_rate_that_holds_a_stock() {
        // 200 on plans, 30 arriving a month, 0.05 a month entering care:
        // 30 / 200 - 0.05 = 0.1 a month, plans of 1 / 0.1 = 10 months.
        let rate = holding_exit_rate(30.0, 200.0, 0.05).unwrap_or_default();
        close(rate, 0.1);
        assert_eq!(mean_duration(rate).map(f64::round), Some(10.0));
        // 5 arriving, 200 x 0.05 = 10 entering care: no duration holds 200.
        assert_eq!(holding_exit_rate(5.0, 200.0, 0.05), None);
        // 250 arriving into a stock of 200: more than the whole stock in a month.
        assert_eq!(holding_exit_rate(250.0, 200.0, 0.05), None);
        // An empty stock cannot be held with children arriving.
        assert_eq!(holding_exit_rate(5.0, 0.0, 0.0), None);
        assert_eq!(mean_duration(0.0), None);
    }

    #[test]
    fn placement_mix_is_rescaled_to_one() {
        // 30 + 20 + 50 = 100 -> 0.3, 0.2, 0.5; 15 + 10 + 25 = 50 -> the same shares.
        let shares = rescaled_shares([15.0, 10.0, 25.0], 2);
        close(shares[0], 0.3);
        close(shares[1], 0.2);
        close(shares[2], 0.5);
        // A negative percentage counts as 0: 0 + 40 + 60 = 100 -> 0, 0.4, 0.6.
        let shares = rescaled_shares([-10.0, 40.0, 60.0], 2);
        close(shares[0], 0.0);
        close(shares[1], 0.4);
        // All zero: everything in the fallback.
        assert_eq!(rescaled_shares([0.0, 0.0, 0.0], 2), [0.0, 0.0, 1.0]);
    }

    #[test]
    fn group_caseload_is_load_times_cap() {
        // Load 1.1 on a cap of 20: 22 cases per FTE.
        close(group_caseload(1.1, 20.0), 22.0);
    }

    #[test]
    fn leavers_and_progressions_compete_for_the_group() {
        // 15% a year: 0.15 / 12 = 0.0125 leavers per FTE per month.
        close(monthly_turnover_rate(15.0), 0.0125);
        // 24 FTE newly qualified, 12 months in the stage, burnout 1.4:
        // leavers 24 x 0.0125 x 1.4 = 0.42, progressing 24 / 12 = 2.
        let [leavers, progressing] = leavers_and_progressions(24.0, 0.0125, 1.4, exit_rate(12.0));
        close(leavers, 0.42);
        close(progressing, 2.0);
        // No next stage: nobody progresses.
        let [leavers, progressing] = leavers_and_progressions(24.0, 0.0125, 1.0, 0.0);
        close(leavers, 0.3);
        close(progressing, 0.0);
        // Rates 0.6 x 2 = 1.2 and 0.3 add up to 1.5 > 1: scaled by 1 / 1.5, so
        // 10 FTE lose 10 x 0.8 = 8 leavers and 10 x 0.2 = 2 progressing, all 10.
        let [leavers, progressing] = leavers_and_progressions(10.0, 0.6, 2.0, 0.3);
        close(leavers, 8.0);
        close(progressing, 2.0);
    }

    #[test]
    fn opening_pipeline_is_in_steady_state_up_to_the_vacancies() {
        // 1.5 leavers + 2 progressing a month, 3 months to hire: (1.5 + 2) x 3 = 10.5,
        // within 20 vacancies.
        close(opening_recruitment(1.5, 2.0, 3.0, 20.0), 10.5);
        // Only 4 vacancies: 4.
        close(opening_recruitment(1.5, 2.0, 3.0, 4.0), 4.0);
        // Under a month to hire counts as a month: (1.5 + 2) x 1 = 3.5.
        close(opening_recruitment(1.5, 2.0, 0.5, 20.0), 3.5);
        // No vacancies: none.
        close(opening_recruitment(1.5, 2.0, 3.0, 0.0), 0.0);
    }

    #[test]
    fn recruitment_starts_are_held_to_the_monthly_limit() {
        // 12 starts against a limit of 3: each group's starts x 3 / 12 = 0.25.
        assert_eq!(recruitment_starts_limit(12.0, Some(3.0)), Some(0.25));
        // Within the limit, or no limit: unchanged.
        assert_eq!(recruitment_starts_limit(2.0, Some(3.0)), None);
        assert_eq!(recruitment_starts_limit(12.0, None), None);
        // A negative limit stops all starts: max(0, -1) / 12 = 0.
        assert_eq!(recruitment_starts_limit(12.0, Some(-1.0)), Some(0.0));
    }

    #[test]
    fn staff_carried_to_next_month() {
        // 100 FTE - 1.5 leavers - 2 progressing + 3 hires + 0.5 converted = 100.
        close(next_permanent_fte(100.0, 1.5, 2.0, 3.0, 0.5), 100.0);
        // Never below 0: 1 - 2 - 0 + 0 + 0 = -1, floored.
        close(next_permanent_fte(1.0, 2.0, 0.0, 0.0, 0.0), 0.0);
        // 10 recruiting - 3 hired + 2 started = 9.
        close(next_recruiting(10.0, 3.0, 2.0), 9.0);
        close(next_recruiting(1.0, 3.0, 0.0), 0.0);
        // 20 agency + 2 more - 5 converted = 17.
        close(next_agency_fte(20.0, 2.0, 5.0), 17.0);
        close(next_agency_fte(2.0, -1.0, 3.0), 0.0);
    }

    #[test]
    fn agency_covers_case_holding_capacity_not_posts() {
        // 95% cover of 40 vacant case-holding FTE, agency at 100% on cases:
        // 40 x 0.95 / 1 = 38 FTE.
        close(
            agency_cover_target(40.0, percent_share(95.0), 0.0, 0.0, 1.0),
            38.0,
        );
        // A vacant team manager post at 10% on cases calls for 1 x 0.1 = 0.1 vacant
        // case-holding FTE; at full cover that is 0.1 agency FTE, not 1.
        close(
            agency_cover_target(case_holding_fte(1.0, 10.0), 1.0, 0.0, 0.0, 1.0),
            0.1,
        );
        // Agency workers on cases 80% of the time: 8 vacant case-holding FTE at 100%
        // cover need 8 / 0.8 = 10 agency FTE.
        close(agency_cover_target(8.0, 1.0, 0.0, 0.0, 0.8), 10.0);
        // 10 vacant in existing posts at 73.1% and 20 in new posts at 25%:
        // 10 x 0.731 + 20 x 0.25 = 7.31 + 5 = 12.31.
        close(agency_cover_target(10.0, 0.731, 20.0, 0.25, 1.0), 12.31);
        // Agency staff who hold no cases cover nothing.
        close(agency_cover_target(10.0, 1.0, 0.0, 0.0, 0.0), 0.0);
    }

    #[test]
    fn agency_supply_is_limited() {
        // 33% of 200 social workers at the start (30 of them agency): 66 FTE; with
        // most agency 50 FTE too, the smaller: 50.
        assert_eq!(
            agency_supply_limit(None, Some(33.0), 200.0, 30.0),
            Some(66.0)
        );
        assert_eq!(
            agency_supply_limit(Some(50.0), Some(33.0), 200.0, 30.0),
            Some(50.0)
        );
        assert_eq!(
            agency_supply_limit(Some(50.0), None, 200.0, 30.0),
            Some(50.0)
        );
        // The share limit is never below the agency already in post: 10% of 200 = 20
        // < 30 in post, so 30.
        assert_eq!(
            agency_supply_limit(None, Some(10.0), 200.0, 30.0),
            Some(30.0)
        );
        // Neither set: no limit.
        assert_eq!(agency_supply_limit(None, None, 200.0, 30.0), None);
        // The target held within it: min(80, 66) = 66; no limit leaves 80.
        close(limited_agency_target(80.0, Some(66.0)), 66.0);
        close(limited_agency_target(80.0, None), 80.0);
        close(limited_agency_target(40.0, Some(66.0)), 40.0);
    }

    #[test]
    fn new_posts_count_as_new_while_they_are_filled() {
        // 100 posts become 110 with 4 new posts unfilled: 4 + 10 = 14 new.
        close(new_posts_after_change(4.0, 100.0, 110.0), 14.0);
        // Cut from 110 to 100: 14 - 10 = 4; cut by more than the new posts: 0.
        close(new_posts_after_change(14.0, 110.0, 100.0), 4.0);
        close(new_posts_after_change(4.0, 110.0, 100.0), 0.0);
        // 30 new posts unfilled, 20 vacancies: at most 20 count as new.
        close(unfilled_new_posts(30.0, 20.0), 20.0);
        close(unfilled_new_posts(5.0, 20.0), 5.0);
        // 30 new posts, 25% of unfilled posts go to advert a month (4 months on
        // average) and 3 months to hire: 30 / (4 + 3) = 4.2857 a month settle.
        close(new_posts_settled(30.0, 0.25, 3.0), 30.0 / 7.0);
        // No recruitment: they stay new.
        close(new_posts_settled(30.0, 0.0, 3.0), 0.0);
    }

    #[test]
    fn agency_cover_and_conversions() {
        // A conversion of 2 FTE a month with 5 agency FTE available moves 2; with
        // 1.5 available it moves 1.5.
        close(converted_from_agency(2.0, 5.0), 2.0);
        close(converted_from_agency(2.0, 1.5), 1.5);
        // 30 agency of 120 in post: 0.25; nobody in post: 0.
        close(agency_share(30.0, 90.0), 0.25);
        close(agency_share(0.0, 0.0), 0.0);
        // 36 case-holding workers, 6 managers: 6 each; no managers: none.
        assert_eq!(workers_per_manager(36.0, 6.0), Some(6.0));
        assert_eq!(workers_per_manager(36.0, 0.0), None);
    }

    #[test]
    fn monthly_amounts_and_recruitment_cost() {
        // £1.2m a year: £100,000 a month.
        close(monthly_amount(1_200_000.0), 100_000.0);
        // 3 hires at £5,000: £15,000.
        close(recruitment_cost(3.0, 5_000.0), 15_000.0);
    }

    #[test]
    fn costs_spread_over_months() {
        // A contracted team costing £600,000 over 6 months: £100,000 a month.
        close(spread_evenly(600_000.0, 6), 100_000.0);
        // 12 FTE converted over 0 months count as 1 month: 12.
        close(spread_evenly(12.0, 0), 12.0);
    }

    #[test]
    fn financial_year_figures() {
        // Spend £110m against a budget of £100m and £4m of grants: £6m overspent;
        // reserves of £10m fall to £4m.
        close(variance(110.0e6, 100.0e6, 4.0e6), 6.0e6);
        close(reserves_after(10.0e6, 6.0e6), 4.0e6);
        // £3m of placements over 6 months for 500 children on average:
        // 3,000,000 / 500 = 6,000 in 6 months, 12,000 a year.
        let cost = cost_per_child_in_care(3.0e6, 500.0, 6);
        assert!(cost.is_some_and(|cost| (cost - 12_000.0).abs() < 1e-9));
        assert_eq!(cost_per_child_in_care(3.0e6, 0.0, 6), None);
    }

    #[test]
    fn money() {
        // 12 FTE at £35,000 with 25% on-costs: £43,750 a month; +17% for agency.
        close(monthly_pay_cost(12.0, 35_000.0, 25.0, 0.0), 43_750.0);
        close(
            monthly_pay_cost(12.0, 35_000.0, 25.0, 17.0),
            43_750.0 * 1.17,
        );
        // 10 children at £900 a week: £39,000 a month; a year later at +6.5%.
        close(monthly_placement_cost(10.0, 900.0, 1.0), 39_000.0);
        close(
            monthly_placement_cost(10.0, 900.0, growth_factor(6.5, 12.0)),
            39_000.0 * 1.065,
        );
        close(prorated_budget(12_000_000.0, 3), 3_000_000.0);
    }

    #[test]
    fn phasing_and_windows() {
        // +160 over 24 months starting at month 0: a 24th in month 0, all by month 23.
        close(phased_share(0, 0, 24), 1.0 / 24.0);
        close(phased_share(23, 0, 24), 1.0);
        close(phased_share(40, 0, 24), 1.0);
        close(phased_share(-1, 0, 24), 0.0);
        assert!(in_window(5, 0, Some(6)));
        assert!(!in_window(6, 0, Some(6)));
        assert!(!in_window(-1, 0, Some(6)));
        assert!(in_window(100, 3, None));
    }

    #[test]
    fn traffic_light() {
        assert_eq!(CapacityRating::from_load(Some(1.2)), CapacityRating::Red);
        assert_eq!(CapacityRating::from_load(Some(1.05)), CapacityRating::Amber);
        assert_eq!(CapacityRating::from_load(Some(0.97)), CapacityRating::Green);
        assert_eq!(CapacityRating::from_load(Some(0.5)), CapacityRating::Blue);
        assert_eq!(CapacityRating::from_load(None), CapacityRating::Red);
    }

    #[test]
    fn budgets_grow_from_the_latest_listed_year() {
        // £10m listed for 2019-20, growth 3%: 2021-22 is two years on.
        close(year_budget(Some((10.0e6, 0)), 3.0), 10.0e6);
        close(year_budget(Some((10.0e6, 2)), 3.0), 10.0e6 * 1.03 * 1.03);
        close(year_budget(Some((10.0e6, 2)), 0.0), 10.0e6);
        // Before the first listed year the earliest stays (0 years; never negative).
        close(year_budget(Some((10.0e6, -3)), 3.0), 10.0e6);
        close(year_budget(None, 3.0), 0.0);
    }

    #[test]
    fn pay_awards_land_each_award_month_after_the_start() {
        // Start January, awards in April: first at t = 3, then t = 15, 27.
        assert_eq!(pay_awards_since_start(0, 1, 4), 0);
        assert_eq!(pay_awards_since_start(2, 1, 4), 0);
        assert_eq!(pay_awards_since_start(3, 1, 4), 1);
        assert_eq!(pay_awards_since_start(14, 1, 4), 1);
        assert_eq!(pay_awards_since_start(15, 1, 4), 2);
        assert_eq!(pay_awards_since_start(27, 1, 4), 3);
        // Start in April itself: the file's salaries are April's; next April is t = 12.
        assert_eq!(pay_awards_since_start(0, 4, 4), 0);
        assert_eq!(pay_awards_since_start(11, 4, 4), 0);
        assert_eq!(pay_awards_since_start(12, 4, 4), 1);
        // Start May, award April: 11 months on.
        assert_eq!(pay_awards_since_start(11, 5, 4), 1);
        assert!(!pay_award_lands(0, 4, 4));
        assert!(pay_award_lands(12, 4, 4));
        assert!(!pay_award_lands(5, 9, 4));
        close(pay_award_factor(2.0, 0), 1.0);
        close(pay_award_factor(2.0, 1), 1.02);
        close(pay_award_factor(2.0, 3), 1.02 * 1.02 * 1.02);
    }

    #[test]
    fn pay_awards_counted_agree_with_awards_landing_month_by_month() {
        for start in 1..=12 {
            for award in 1..=12 {
                let mut landed = 0;
                for t in 0..40 {
                    let month_number = (start - 1 + t as u32) % 12 + 1;
                    if pay_award_lands(t, month_number, award) {
                        landed += 1;
                    }
                    assert_eq!(pay_awards_since_start(t, start, award), landed);
                }
            }
        }
    }

    #[test]
    fn other_costs_inflate_monthly() {
        // £600,000 a month at 2% a year: a year on, £612,000.
        close(
            inflated_other_costs(600_000.0, growth_factor(2.0, 12.0)),
            612_000.0,
        );
        close(inflated_other_costs(600_000.0, 1.0), 600_000.0);
    }

    #[test]
    fn reserves_move_each_month_by_budget_funding_and_spend() {
        // £5m, budget £3m a month, £0.5m grant, £4m spend: £4.5m.
        close(reserves_after_month(5.0e6, 3.0e6, 0.5e6, 4.0e6), 4.5e6);
        close(reserves_after_month(0.0, 1.0e6, 0.0, 1.2e6), -0.2e6);
        // Twelve months of £0.1m overspend come to the year's variance.
        let mut reserves = 2.0e6;
        for _ in 0..12 {
            reserves = reserves_after_month(reserves, 1.0e6, 0.0, 1.1e6);
        }
        let yearly = reserves_after(2.0e6, variance(13.2e6, 12.0e6, 0.0));
        assert!(
            (reserves - yearly).abs() < 1e-6,
            "{reserves} against {yearly}"
        );
        close(yearly, 0.8e6);
    }

    #[test]
    fn recurring_funding_arrives_monthly_for_its_years() {
        // £7.8m a year for 2 years from month 3: £650,000 in months 3 to 26.
        close(recurring_funding(2, 3, 7.8e6, 2), 0.0);
        close(recurring_funding(3, 3, 7.8e6, 2), 650_000.0);
        close(recurring_funding(26, 3, 7.8e6, 2), 650_000.0);
        close(recurring_funding(27, 3, 7.8e6, 2), 0.0);
        close(recurring_funding(5, 3, 7.8e6, 0), 0.0);
        close(recurring_funding(5, 3, 7.8e6, u32::MAX), 650_000.0);
    }

    #[test]
    fn referrals_multiply_their_factors_and_never_go_below_zero() {
        // 450 a month x 1.02 growth x 1.1 in a busy month x 0.9 after early help:
        // 450 x 1.02 = 459; x 1.1 = 504.9; x 0.9 = 454.41.
        close(referrals(450.0, 1.02, 1.1, 0.9), 454.41);
        // A negative baseline (or factor) gives no referrals, not negative ones.
        close(referrals(-10.0, 1.0, 1.0, 1.0), 0.0);
        close(referrals(450.0, 1.0, -0.5, 1.0), 0.0);
    }

    #[test]
    fn children_split_by_shares_add_up_to_the_whole() {
        // 20 entries to care by 50% / 30% / 20%: 10, 6 and 4.
        let split = split_by_shares(20.0, [0.5, 0.3, 0.2]);
        close(split[0], 10.0);
        close(split[1], 6.0);
        close(split[2], 4.0);
        close(split.iter().sum(), 20.0);
    }

    #[test]
    fn vacant_case_holding_capacity_splits_existing_and_new_posts() {
        // 12 FTE vacant, of which 5 in new posts, in a group at 100% on cases:
        // 7 FTE of existing posts' case time and 5 of new posts'.
        let [existing, new] = vacant_case_holding_fte(12.0, 5.0, 1.0);
        close(existing, 7.0);
        close(new, 5.0);
        // Team managers at 10% on cases: 3 vacant existing posts call for 0.3 FTE.
        let [existing, new] = vacant_case_holding_fte(3.0, 0.0, 0.1);
        close(existing, 0.3);
        close(new, 0.0);
        // A role with no case time calls for none.
        assert_eq!(vacant_case_holding_fte(4.0, 1.0, 0.0), [0.0, 0.0]);
    }

    #[test]
    fn group_pay_is_fte_times_pay_per_fte_times_the_pay_factor() {
        // 10 FTE at £35,000 with 27.5% on-costs: £3,718.75 per FTE a month;
        // after one 2% award, 10 x 3,718.75 x 1.02 = £37,931.25.
        let per_fte = monthly_pay_cost(1.0, 35_000.0, 27.5, 0.0);
        close(per_fte, 3_718.75);
        close(group_pay(10.0, per_fte, 1.02), 37_931.25);
        close(group_pay(10.0, per_fte, 1.0), 37_187.5);
    }

    #[test]
    fn agency_available_for_conversion_is_never_negative() {
        // 20 FTE, 3 more arriving: 23 available; 20 FTE, 25 released: none.
        close(agency_available(20.0, 3.0), 23.0);
        close(agency_available(20.0, -5.0), 15.0);
        close(agency_available(20.0, -25.0), 0.0);
    }

    #[test]
    fn phased_amounts_arrive_in_equal_steps() {
        // 160 posts over 24 months from month 2: 6.67 in month 2, 80 in month 13,
        // all 160 from month 25, none before month 2.
        close(phased_amount(160.0, 1, 2, 24), 0.0);
        close(phased_amount(160.0, 2, 2, 24), 160.0 / 24.0);
        close(phased_amount(160.0, 13, 2, 24), 80.0);
        close(phased_amount(160.0, 25, 2, 24), 160.0);
        close(phased_amount(160.0, 60, 2, 24), 160.0);
    }
}
