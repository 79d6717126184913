//! Numbers as people read them: pounds with thousands separators, FTE to one
//! decimal, caseloads, percentages, spend against budget, months and financial
//! years, and what each figure counts ([`Measure`]). The floor every layer that
//! shows numbers stands on: the command line, the window, comparisons and
//! exports. Each kind of figure has one function here, so the headline, the
//! comparison table, the command line and the report word it the same way.

/// Digits with thousands separators: `1250.4 -> "1,250"` at 0 decimals.
pub fn thousands(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let text = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut grouped = String::with_capacity(whole.len() + whole.len() / 3);
    for (index, digit) in whole.chars().enumerate() {
        if index > 0 && (whole.len() - index) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    let negative = value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0');
    let sign = if negative { "-" } else { "" };
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{fraction}")
    }
}

/// Pounds, rounded as a report would: `£7.7m`, `£1.2bn`, `£48,100`, `£950`.
pub fn gbp(value: f64) -> String {
    if !value.is_finite() {
        return format!("£{value}");
    }
    let sign = if value < 0.0 { "-" } else { "" };
    let magnitude = value.abs();
    if magnitude >= 999_950_000.0 {
        format!("{sign}£{}bn", thousands(magnitude / 1e9, 1))
    } else if magnitude >= 999_950.0 {
        format!("{sign}£{}m", thousands(magnitude / 1e6, 1))
    } else if magnitude >= 10_000.0 {
        let hundreds = (magnitude / 100.0).round() * 100.0;
        format!("{sign}£{}", thousands(hundreds, 0))
    } else {
        let rounded = magnitude.round();
        if rounded == 0.0 {
            "£0".to_owned()
        } else {
            format!("{sign}£{}", thousands(rounded, 0))
        }
    }
}

/// A variance with its sign spelt out: `+£1.2m` (over) or `-£300,000` (under).
pub fn gbp_signed(value: f64) -> String {
    if value > 0.0 && gbp(value) != "£0" {
        format!("+{}", gbp(value))
    } else {
        gbp(value)
    }
}

/// A year's spend against its funding as a finance officer says it:
/// `£16.8m over budget`, `£2.1m under budget`, or `on budget` when the
/// difference rounds to nothing. `variance_gbp` is spend minus funding.
pub fn budget_variance(variance_gbp: f64) -> String {
    let amount = gbp(variance_gbp.abs());
    if amount == "£0" || variance_gbp.is_nan() {
        "on budget".to_owned()
    } else if variance_gbp > 0.0 {
        format!("{amount} over budget")
    } else {
        format!("{amount} under budget")
    }
}

/// Whether a variance reads as an overspend (and is shown in the warning colour):
/// exactly when [`budget_variance`] says "over budget".
pub fn is_over_budget(variance_gbp: f64) -> bool {
    variance_gbp > 0.0 && gbp(variance_gbp) != "£0"
}

const MONTH_ABBREVIATIONS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A month's short name: `Apr`. `month_number` runs 1 (January) to 12; a number
/// outside that range is written as the nearest month.
pub fn month_abbreviation(month_number: u32) -> &'static str {
    MONTH_ABBREVIATIONS[month_number.clamp(1, 12) as usize - 1]
}

/// A month as people read it: `Apr 2019`.
pub fn month(year: i32, month_number: u32) -> String {
    format!("{} {year}", month_abbreviation(month_number))
}

/// The financial year starting in April of `start_year`, as finance officers
/// write it: `2019-20`, `1999-00`.
pub fn financial_year(start_year: i32) -> String {
    format!("{start_year}-{:02}", (start_year + 1).rem_euclid(100))
}

/// A financial year a projection covers only `months` of: `2018-19 (3 months)`;
/// a whole year is just `2019-20`.
pub fn financial_year_covered(start_year: i32, months: usize) -> String {
    if months >= 12 {
        financial_year(start_year)
    } else {
        format!("{} ({})", financial_year(start_year), month_count(months))
    }
}

/// A number of months: `1 month`, `39 months`.
pub fn month_count(months: usize) -> String {
    if months == 1 {
        "1 month".to_owned()
    } else {
        format!("{} months", thousands(months as f64, 0))
    }
}

/// FTE to one decimal: `313.0`.
pub fn fte(value: f64) -> String {
    thousands(value, 1)
}

/// A caseload to one decimal, or "no capacity" when there is no one to hold cases.
pub fn caseload(value: Option<f64>) -> String {
    match value {
        Some(value) => thousands(value, 1),
        None => "no capacity".to_owned(),
    }
}

/// A share (0 to 1) as a percentage: `0.163 -> "16.3%"`.
pub fn percent(share: f64, decimals: usize) -> String {
    format!("{}%", thousands(share * 100.0, decimals))
}

/// Children (whole numbers): `1250.4 -> "1,250"`.
pub fn children(value: f64) -> String {
    thousands(value, 0)
}

/// What a figure counts, which decides how it is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    Caseload,
    Months,
    Children,
    Fte,
    /// A share from 0 to 1.
    Share,
    Pounds,
    /// Spend minus funding: positive is an overspend.
    BudgetVariance,
}

impl Measure {
    /// The unit as a CSV column value.
    pub fn unit(self) -> &'static str {
        match self {
            Measure::Caseload => "cases per FTE",
            Measure::Months => "months",
            Measure::Children => "children",
            Measure::Fte => "FTE",
            Measure::Share => "%",
            Measure::Pounds | Measure::BudgetVariance => "£",
        }
    }

    /// A value as people read it: "18.3", "£7.7m", "16.0%", "£5.8m over budget".
    pub fn format(self, value: Option<f64>) -> String {
        let Some(value) = value else {
            return "no capacity".to_owned();
        };
        match self {
            Measure::Caseload => thousands(value, 1),
            Measure::Months | Measure::Children => thousands(value, 0),
            Measure::Fte => fte(value),
            Measure::Share => percent(value, 1),
            Measure::Pounds => gbp(value),
            Measure::BudgetVariance => budget_variance(value),
        }
    }

    /// A difference with its sign: "+2.1", "-£1.3m", "+3.5 points".
    pub fn format_difference(self, difference: Option<f64>) -> String {
        let Some(difference) = difference else {
            return "-".to_owned();
        };
        let text = match self {
            Measure::Caseload => thousands(difference, 1),
            Measure::Months | Measure::Children => thousands(difference, 0),
            Measure::Fte => fte(difference),
            Measure::Share => format!("{} points", thousands(difference * 100.0, 1)),
            Measure::Pounds | Measure::BudgetVariance => return gbp_signed(difference),
        };
        let shows_non_zero = text.chars().any(|c| c.is_ascii_digit() && c != '0');
        if difference > 0.0 && shows_non_zero {
            format!("+{text}")
        } else if shows_non_zero {
            text
        } else {
            text.trim_start_matches('-').to_owned()
        }
    }

    /// The value as a plain number for CSV (shares as percentages).
    pub fn plain(self, value: f64) -> f64 {
        if self == Measure::Share {
            value * 100.0
        } else {
            value
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pounds_read_like_a_report() {
        assert_eq!(gbp(7_700_000.0), "£7.7m");
        assert_eq!(gbp(73_700_000.0), "£73.7m");
        assert_eq!(gbp(48_123.0), "£48,100");
        assert_eq!(gbp(950.4), "£950");
        assert_eq!(gbp(0.2), "£0");
        assert_eq!(gbp(-1_260_000.0), "-£1.3m");
        assert_eq!(gbp(999_999.0), "£1.0m");
        assert_eq!(gbp(8_800_000_000.0), "£8.8bn");
        assert_eq!(gbp_signed(1_200_000.0), "+£1.2m");
        assert_eq!(gbp_signed(-300_000.0), "-£300,000");
    }

    #[test]
    fn variances_read_as_a_finance_officer_says_them() {
        assert_eq!(budget_variance(16_800_000.0), "£16.8m over budget");
        assert_eq!(budget_variance(-2_100_000.0), "£2.1m under budget");
        assert_eq!(budget_variance(836_600.0), "£836,600 over budget");
        assert_eq!(budget_variance(-0.3), "on budget");
        assert_eq!(budget_variance(0.0), "on budget");
        assert!(is_over_budget(0.6));
        assert!(!is_over_budget(0.4));
        assert!(!is_over_budget(-5.0));
        assert_eq!(
            Measure::BudgetVariance.format(Some(5_800_000.0)),
            "£5.8m over budget"
        );
        assert_eq!(
            Measure::BudgetVariance.format_difference(Some(-5_600_000.0)),
            "-£5.6m"
        );
        assert_eq!(Measure::BudgetVariance.unit(), Measure::Pounds.unit());
    }

    #[test]
    fn months_and_financial_years() {
        assert_eq!(month(2019, 4), "Apr 2019");
        assert_eq!(month(2020, 1), "Jan 2020");
        assert_eq!(month(2020, 12), "Dec 2020");
        assert_eq!(financial_year(2019), "2019-20");
        assert_eq!(financial_year(1999), "1999-00");
        assert_eq!(financial_year_covered(2018, 3), "2018-19 (3 months)");
        assert_eq!(financial_year_covered(2018, 1), "2018-19 (1 month)");
        assert_eq!(financial_year_covered(2019, 12), "2019-20");
        assert_eq!(month_count(1), "1 month");
        assert_eq!(month_count(39), "39 months");
    }

    #[test]
    fn counts_and_shares() {
        assert_eq!(thousands(1_250.4, 0), "1,250");
        assert_eq!(thousands(1_234_567.891, 2), "1,234,567.89");
        assert_eq!(thousands(-0.01, 0), "0");
        assert_eq!(thousands(-12_345.0, 0), "-12,345");
        assert_eq!(fte(313.0), "313.0");
        assert_eq!(caseload(Some(25.04)), "25.0");
        assert_eq!(caseload(None), "no capacity");
        assert_eq!(percent(0.163, 1), "16.3%");
        assert_eq!(children(999.6), "1,000");
    }
}
