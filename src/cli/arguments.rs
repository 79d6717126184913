//! Checks of command-line values that clap's own parsing would answer unclearly
//! ("invalid digit found in string" for `36.0`) or not at all (a million million
//! draws, a NaN target).

/// Most Monte Carlo draws a command runs: far more than percentiles need, few
/// enough to finish.
pub const MAX_DRAWS: usize = 1_000_000;

/// A whole number; `what` and `example` say what is expected.
fn whole<T: std::str::FromStr>(text: &str, what: &str, example: &str) -> Result<T, String> {
    text.trim().parse().map_err(|_| {
        let found = if text.trim().parse::<f64>().is_ok() {
            format!(" (found {text}, which is not a whole number)")
        } else {
            String::new()
        };
        format!("expected a whole number of {what}, like {example}{found}")
    })
}

/// `--months`, `--lag`, `--team-months`.
pub fn months(text: &str) -> Result<u32, String> {
    whole(text, "months", "36")
}

/// `--runs`: between 1 and [`MAX_DRAWS`].
pub fn draws(text: &str) -> Result<usize, String> {
    let draws: usize = whole(text, "draws", "1000").or_else(|message| {
        // A number far too large to hold is still "too many", not "not a number".
        match text.trim().parse::<u128>() {
            Ok(_) => Ok(usize::MAX),
            Err(_) => Err(message),
        }
    })?;
    if (1..=MAX_DRAWS).contains(&draws) {
        Ok(draws)
    } else {
        Err(format!(
            "must be between 1 and {} draws",
            crate::units::thousands(MAX_DRAWS as f64, 0)
        ))
    }
}

/// `--max` (units of a lever) and `--top` (rows).
pub fn count(text: &str) -> Result<u64, String> {
    whole(text, "units", "100")
}

/// `--top`.
pub fn rows(text: &str) -> Result<usize, String> {
    whole(text, "rows", "15")
}

/// `--year`: a year ending 31 March, like 2019.
pub fn year(text: &str) -> Result<i32, String> {
    let year: i32 = whole(text, "years", "2019")?;
    if (1900..=2200).contains(&year) {
        Ok(year)
    } else {
        Err(format!("expected a year like 2019, found {text}"))
    }
}

/// A finite number for a setting; `what` names it in the message.
pub fn finite(text: &str) -> Result<f64, String> {
    match text.trim().parse::<f64>() {
        Ok(value) if value.is_finite() => Ok(value),
        Ok(_) => Err(format!("expected a finite number, found {text}")),
        Err(_) => Err(format!("expected a number like 556, found {text}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_are_told_from_decimals_and_exponents() {
        assert_eq!(months("36"), Ok(36));
        assert_eq!(
            months("36.0"),
            Err("expected a whole number of months, like 36 (found 36.0, which is not a whole number)".to_owned())
        );
        assert_eq!(
            months("1e2"),
            Err("expected a whole number of months, like 36 (found 1e2, which is not a whole number)".to_owned())
        );
        assert_eq!(
            months("three"),
            Err("expected a whole number of months, like 36".to_owned())
        );
        assert!(months("-1").is_err());
        assert_eq!(count("2000"), Ok(2000));
        assert!(count("2e3").is_err());
    }

    #[test]
    fn draws_are_between_one_and_a_million() {
        assert_eq!(draws("1"), Ok(1));
        assert_eq!(draws("1000000"), Ok(1_000_000));
        for bad in ["0", "1000001", "99999999999999999999999999"] {
            assert_eq!(
                draws(bad),
                Err("must be between 1 and 1,000,000 draws".to_owned()),
                "{bad}"
            );
        }
        assert!(draws("1e3").unwrap_err().contains("not a whole number"));
    }

    #[test]
    fn settings_must_be_finite() {
        assert_eq!(finite("556"), Ok(556.0));
        assert!(finite("NaN").is_err());
        assert!(finite("inf").is_err());
        assert!(finite("x").is_err());
    }
}
