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
/// `R(t) = R0 x growth_factor(g, t) x seasonal multiplier x early-help factor`,
/// with the growth factor passed in (see [`CompoundGrowth`]).
pub fn referrals(
    baseline_per_month: f64,
    growth: f64,
    seasonal: f64,
    early_help_factor: f64,
) -> f64 {
    baseline_per_month * growth * seasonal * early_help_factor
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

/// Exit rate of a first-order delay (per month): `1 / mean duration in months`.
pub fn exit_rate(mean_duration_months: f64) -> f64 {
    if mean_duration_months <= 0.0 {
        1.0
    } else {
        (1.0 / mean_duration_months).min(1.0)
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

/// Cases beyond what staff can hold at their caps (cases):
/// `max(0, cases for staff - staff capacity)`.
pub fn over_capacity_cases(cases_for_staff: f64, staff_capacity: f64) -> f64 {
    (cases_for_staff - staff_capacity).max(0.0)
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
/// (dimensionless): `1 + strength x max(0, load - 1)`, at most `max_multiplier`.
/// No capacity at all (`None`) counts as the maximum.
pub fn burnout_multiplier(load: Option<f64>, strength: f64, max_multiplier: f64) -> f64 {
    match load {
        Some(load) => (1.0 + strength * (load - 1.0).max(0.0)).min(max_multiplier),
        None => max_multiplier,
    }
    .max(1.0)
}

/// Staff leaving in a month (FTE per month):
/// `FTE x turnover% per year / 100 / 12 x burnout multiplier`.
pub fn monthly_leavers(fte: f64, turnover_percent_per_year: f64, multiplier: f64) -> f64 {
    fte * turnover_percent_per_year / 100.0 / 12.0 * multiplier
}

/// Staff finishing a stage such as the ASYE year (FTE per month):
/// `FTE / months in the stage`.
pub fn monthly_progression(fte: f64, progression_months: f64) -> f64 {
    fte * exit_rate(progression_months)
}

/// Posts funded but neither filled nor being recruited to (FTE):
/// `max(0, establishment - FTE - recruiting)`.
pub fn unfilled_gap(establishment: f64, fte: f64, recruiting: f64) -> f64 {
    (establishment - fte - recruiting).max(0.0)
}

/// Vacancies (FTE): `max(0, establishment - FTE)`.
pub fn vacancies(establishment: f64, fte: f64) -> f64 {
    (establishment - fte).max(0.0)
}

/// Recruitments started in a month (FTE per month): `gap x recruitment% per month / 100`.
pub fn recruitment_starts(unfilled_gap: f64, recruitment_percent_per_month: f64) -> f64 {
    unfilled_gap * recruitment_percent_per_month / 100.0
}

/// New starters arriving (FTE per month), a first-order delay on the recruitment
/// pipeline: `recruiting / time to hire in months`.
pub fn monthly_hires(recruiting: f64, time_to_hire_months: f64) -> f64 {
    recruiting * exit_rate(time_to_hire_months)
}

/// Change in agency FTE in a month (FTE per month): agency cover moves towards
/// `cover% x case-holding vacancies` with a first-order delay:
/// `(target - agency FTE) / adjust months`.
pub fn agency_adjustment(agency_fte: f64, target_fte: f64, adjust_months: f64) -> f64 {
    (target_fte - agency_fte) * exit_rate(adjust_months)
}

/// Establishment of a managing group from its span of control (FTE):
/// `case-holding establishment / workers per manager`.
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

/// Monthly cost of one kind of placement (£ per month):
/// `children x weekly cost x growth_factor(cost growth, t) x 52 / 12`, with the
/// growth factor passed in (see [`CompoundGrowth`]).
pub fn monthly_placement_cost(children: f64, weekly_cost_gbp: f64, growth: f64) -> f64 {
    children * weekly_cost_gbp * growth * WEEKS_PER_MONTH
}

/// Share of a change phased in over `over_months` that is in effect in month `t`
/// when it starts in month `start` (0 to 1): `clamp((t - start + 1) / over, 0, 1)`.
pub fn phased_share(month_offset: i32, start_offset: i32, over_months: u32) -> f64 {
    let months_in = f64::from(month_offset - start_offset + 1);
    (months_in / f64::from(over_months.max(1))).clamp(0.0, 1.0)
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
    fn recruitment_pipeline() {
        close(monthly_progression(24.0, 12.0), 2.0);
        close(unfilled_gap(100.0, 80.0, 5.0), 15.0);
        close(unfilled_gap(100.0, 110.0, 0.0), 0.0);
        close(vacancies(100.0, 80.0), 20.0);
        close(recruitment_starts(15.0, 20.0), 3.0);
        close(monthly_hires(12.0, 4.0), 3.0);
        close(agency_adjustment(10.0, 20.0, 2.0), 5.0);
        close(agency_adjustment(10.0, 4.0, 1.0), -6.0);
        close(span_establishment(120.0, 6.0), 20.0);
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
}
