//! Numbers as people read them: pounds with thousands separators, FTE to one
//! decimal, caseloads, percentages, and what each figure counts ([`Measure`]).
//! The floor every layer that shows numbers stands on: the command line, the
//! window, comparisons and exports.

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
            Measure::Pounds => "£",
        }
    }

    /// A value as people read it: "18.3", "£7.7m", "16.0%".
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
            Measure::Pounds => return gbp_signed(difference),
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
