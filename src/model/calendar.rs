//! Calendar months and financial years (1 April to 31 March).
//!
//! In scenario files a month is written `"2019-04"` and a financial year `"2019-20"`,
//! the forms finance officers already use.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Earliest and latest calendar years a scenario may use: wide enough for any plan,
/// narrow enough that month arithmetic can never overflow.
pub const FIRST_YEAR: i32 = 1900;
pub const LAST_YEAR: i32 = 2200;

/// One calendar month, stored as a count of months since January of year 0.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    months_since_year_zero: i32,
}

impl Month {
    /// `month_number` runs 1 (January) to 12 (December).
    pub fn new(year: i32, month_number: u32) -> Option<Self> {
        if !(FIRST_YEAR..=LAST_YEAR).contains(&year) || !(1..=12).contains(&month_number) {
            return None;
        }
        Some(Self {
            months_since_year_zero: year * 12 + month_number as i32 - 1,
        })
    }

    /// Months since January of year 0: a continuous number for chart axes.
    pub fn index(self) -> i32 {
        self.months_since_year_zero
    }

    /// The month at `index` (see [`Month::index`]), if within the years handled.
    pub fn from_index(index: i32) -> Option<Self> {
        Month::new(index.div_euclid(12), index.rem_euclid(12) as u32 + 1)
    }

    /// "Apr", "May"...
    pub fn short_name(self) -> &'static str {
        crate::units::month_abbreviation(self.month_number())
    }

    pub fn year(self) -> i32 {
        self.months_since_year_zero.div_euclid(12)
    }

    /// 1 (January) to 12 (December).
    pub fn month_number(self) -> u32 {
        self.months_since_year_zero.rem_euclid(12) as u32 + 1
    }

    /// The last month Caseload handles: December of [`LAST_YEAR`].
    pub const LAST: Month = Month {
        months_since_year_zero: LAST_YEAR * 12 + 11,
    };

    /// The month `count` months later (earlier if negative), if it is within the
    /// years Caseload handles.
    pub fn checked_plus(self, count: i32) -> Option<Self> {
        Month::from_index(self.months_since_year_zero.checked_add(count)?)
    }

    /// The month `count` months later (earlier if negative).
    pub fn plus(self, count: i32) -> Self {
        Self {
            months_since_year_zero: self.months_since_year_zero.saturating_add(count),
        }
    }

    /// Whole months from `earlier` to `self` (negative if `self` is earlier).
    pub fn months_since(self, earlier: Month) -> i32 {
        self.months_since_year_zero - earlier.months_since_year_zero
    }

    /// The financial year (1 April to 31 March) this month falls in.
    pub fn financial_year(self) -> FinancialYear {
        if self.month_number() >= 4 {
            FinancialYear(self.year())
        } else {
            FinancialYear(self.year() - 1)
        }
    }

    /// "Apr 2019": the form people read.
    pub fn label(self) -> String {
        crate::units::month(self.year(), self.month_number())
    }

    /// "2019-04": the form files and spreadsheets read.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}", self.year(), self.month_number())
    }

    /// Parses "2019-04".
    pub fn parse(text: &str) -> Result<Self, String> {
        let expected = || format!("expected a month written like \"2019-04\", found \"{text}\"");
        let (year, month) = text.trim().split_once('-').ok_or_else(expected)?;
        if year.len() != 4 || month.len() != 2 {
            return Err(expected());
        }
        let year: i32 = year.parse().map_err(|_| expected())?;
        let month: u32 = month.parse().map_err(|_| expected())?;
        Month::new(year, month).ok_or_else(|| {
            format!(
                "\"{text}\" is not a month between {FIRST_YEAR}-01 and {LAST_YEAR}-12: {}",
                expected()
            )
        })
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

impl Serialize for Month {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for Month {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Month::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// A financial year, named by the calendar year in which it starts (April).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FinancialYear(pub i32);

impl FinancialYear {
    /// April, the first month of the year.
    pub fn first_month(self) -> Option<Month> {
        Month::new(self.0, 4)
    }

    /// "2019-20".
    pub fn label(self) -> String {
        crate::units::financial_year(self.0)
    }

    /// Parses "2019-20" (or "2019/20").
    pub fn parse(text: &str) -> Result<Self, String> {
        let expected =
            || format!("expected a financial year written like \"2019-20\", found \"{text}\"");
        let (first, second) = text.trim().split_once(['-', '/']).ok_or_else(expected)?;
        if first.len() != 4 || second.len() != 2 {
            return Err(expected());
        }
        let first: i32 = first.parse().map_err(|_| expected())?;
        let second: i32 = second.parse().map_err(|_| expected())?;
        if (first + 1).rem_euclid(100) != second {
            return Err(format!(
                "\"{text}\" is not a financial year: the second part must be the year after the first, as in \"2019-20\""
            ));
        }
        if !(FIRST_YEAR..LAST_YEAR).contains(&first) {
            return Err(format!(
                "\"{text}\" is outside the years Caseload handles ({FIRST_YEAR} to {LAST_YEAR})"
            ));
        }
        Ok(Self(first))
    }
}

impl fmt::Display for FinancialYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

impl Serialize for FinancialYear {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.label())
    }
}

impl<'de> Deserialize<'de> for FinancialYear {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        FinancialYear::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_labels_and_arithmetic() {
        let april = Month::new(2019, 4).unwrap();
        assert_eq!(april.label(), "Apr 2019");
        assert_eq!(april.iso(), "2019-04");
        assert_eq!(april.plus(9).label(), "Jan 2020");
        assert_eq!(april.plus(-4).label(), "Dec 2018");
        assert_eq!(april.plus(12).months_since(april), 12);
        assert_eq!(Month::parse("2019-04"), Ok(april));
        assert!(Month::parse("2019-13").is_err());
        assert!(Month::parse("April 2019").is_err());
        assert!(Month::parse("9999-01").is_err());
        assert_eq!(Month::LAST.iso(), "2200-12");
        assert_eq!(april.checked_plus(9), Some(april.plus(9)));
        assert_eq!(Month::LAST.checked_plus(1), None);
        assert_eq!(april.checked_plus(i32::MAX), None);
    }

    #[test]
    fn financial_years_run_april_to_march() {
        assert_eq!(
            Month::new(2019, 4).unwrap().financial_year().label(),
            "2019-20"
        );
        assert_eq!(
            Month::new(2020, 3).unwrap().financial_year().label(),
            "2019-20"
        );
        assert_eq!(
            Month::new(2020, 4).unwrap().financial_year().label(),
            "2020-21"
        );
        assert_eq!(FinancialYear(1999).label(), "1999-00");
        assert_eq!(FinancialYear::parse("2019-20"), Ok(FinancialYear(2019)));
        assert_eq!(FinancialYear::parse("2019/20"), Ok(FinancialYear(2019)));
        assert!(FinancialYear::parse("2019-21").is_err());
    }
}
