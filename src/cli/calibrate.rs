//! `caseload calibrate FILE [--years 2019-2024 | --monthly COUNTS.csv] [--out
//! FILE]`: the demand rates fitted to the council's record, before and after, and
//! the fitted scenario written with the file's layout and comments.

use std::ops::RangeInclusive;
use std::path::Path;

use crate::history::calibrate::{Calibration, MonthlyCounts, calibrate, calibrate_to_counts};
use crate::io::locate::Locations;
use crate::io::{load_scenario_with_text, parse_scenario, write_keeping_layout};
use crate::model::Scenario;
use crate::units::thousands;

use super::outputs::{OutputFile, refuse_clashes};
use super::{Produced, Table};

/// Reads `--years`: "2019-2024", or one year "2021".
pub fn parse_years(text: &str) -> Result<RangeInclusive<i32>, String> {
    let expected = || {
        format!(
            "--years expects the first and last years ending 31 March, like 2019-2024, found \"{text}\""
        )
    };
    let year = |part: &str| -> Result<i32, String> {
        let part = part.trim();
        if part.len() != 4 {
            return Err(expected());
        }
        part.parse().map_err(|_| expected())
    };
    let (first, last) = match text.trim().split_once('-') {
        Some((first, last)) => (year(first)?, year(last)?),
        None => {
            let only = year(text)?;
            (only, only)
        }
    };
    if first > last {
        return Err(format!(
            "--years must run from the earlier year to the later, like {last}-{first}, found \"{text}\""
        ));
    }
    Ok(first..=last)
}

/// The calibration of `file`, printed, and with `--out` the fitted scenario.
pub fn calibrate_file(
    file: &Path,
    years: Option<&str>,
    monthly: Option<&Path>,
    out: Option<&Path>,
) -> Produced {
    let outputs: Vec<(&str, &Path)> = out.map(|out| ("--out", out)).into_iter().collect();
    let mut inputs = vec![file];
    inputs.extend(monthly);
    refuse_clashes(&inputs, &outputs)?;
    let years = years.map(parse_years).transpose()?;
    let (scenario, text) = load_scenario_with_text(file).map_err(|error| error.to_string())?;
    let calibration = match monthly {
        Some(counts_file) => {
            let counts_text = std::fs::read_to_string(counts_file)
                .map_err(|error| format!("{}: cannot be read: {error}", counts_file.display()))?;
            let counts = MonthlyCounts::parse(&counts_file.display().to_string(), &counts_text)?;
            calibrate_to_counts(&scenario, &counts)?
        }
        None => {
            let council = council_of(&scenario, file)?;
            let years = match years {
                Some(years) => years,
                None => default_years(&scenario, council)?,
            };
            calibrate(&scenario, council, years)?
        }
    };
    let mut report = format!("{} ({})\n", scenario.name, file.display());
    report.push_str(&report_text(&calibration));
    let mut files = Vec::new();
    match out {
        Some(out) => {
            let written = write_keeping_layout(&calibration.fitted, Some(&text))
                .map_err(|error| error.to_string())?;
            let commented = with_fitted_comments(&written.text, &calibration);
            files.push(OutputFile {
                path: out.to_owned(),
                what: "the fitted scenario".to_owned(),
                bytes: commented.into_bytes(),
            });
        }
        None => report.push_str("\nGive --out FILE to write the fitted scenario.\n"),
    }
    Ok((report, files))
}

/// The council the scenario names, or why there is none.
fn council_of(
    scenario: &Scenario,
    file: &Path,
) -> Result<&'static crate::published::Council, String> {
    let code = scenario.council.as_deref().ok_or_else(|| {
        format!(
            "{} has no council code, so there is nothing published to fit it to; add one, \
             like council: \"E08000012\" (caseload councils lists them), or give the council's \
             own counts with --monthly COUNTS.csv",
            file.display()
        )
    })?;
    crate::published::by_code(code).ok_or_else(|| {
        format!(
            "{}: no council with the code {code} in the published figures (caseload councils \
             lists them)",
            file.display()
        )
    })
}

/// Without `--years`: from the first 31 March in the projection to the latest
/// year published.
fn default_years(
    scenario: &Scenario,
    council: &crate::published::Council,
) -> Result<RangeInclusive<i32>, String> {
    let latest = council
        .latest_year()
        .ok_or_else(|| format!("{} has no figures published", council.name))?;
    let april = crate::model::Month::new(scenario.start.year(), 4);
    let first = match april {
        Some(april) if april >= scenario.start => scenario.start.year(),
        _ => scenario.start.year() + 1,
    };
    if first > latest {
        return Err(format!(
            "the scenario starts in {}, after {}'s latest published year ({latest}): there \
             is no history to fit it to",
            scenario.start.label(),
            council.name
        ));
    }
    Ok(first..=latest)
}

/// A value as the tables show it: about four significant figures, trailing
/// zeros dropped ("39", "9.1", "0.352", "-8.19").
fn shown(value: f64) -> String {
    let decimals = if value.abs() >= 100.0 {
        1
    } else if value.abs() >= 1.0 {
        2
    } else {
        3
    };
    let text = thousands(value, decimals);
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

fn percent(value: f64) -> String {
    format!("{}%", thousands(value, 1))
}

/// What was fitted, to what, and how well.
pub fn report_text(calibration: &Calibration) -> String {
    let mut text = format!("Fitted to {}.\n", calibration.fitted_to);
    let series: Vec<String> = calibration
        .series
        .iter()
        .map(|series| format!("{} ({})", series.figure.label(), series.points.len()))
        .collect();
    text.push_str(&format!(
        "Series fitted (points): {}.\n\n",
        series.join(", ")
    ));
    let mut inputs = Table::new(&["Input", "Before", "After", "Allowed in the fit"]);
    for input in &calibration.inputs {
        inputs.row(vec![
            input.name.clone(),
            shown(input.before),
            shown(input.after),
            format!("{} to {}", shown(input.lower), shown(input.upper)),
        ]);
    }
    text.push_str(&inputs.render());
    if let Some(warning) = calibration.warning() {
        text.push_str(&format!("Warning: {warning}\n"));
    }
    text.push_str(
        "No further action takes what the other referral outcomes leave. The fit keeps each \
         rate within the range shown: the catalogue's allowed range, narrowed to what a \
         council's record can sensibly give.\n\n",
    );
    let mut errors = Table::new(&[
        "Error (RMS of relative errors)",
        "Points",
        "Before",
        "After",
    ]);
    for series in &calibration.series {
        errors.row(vec![
            series.figure.label().to_owned(),
            series.points.len().to_string(),
            percent(series.error_before_percent()),
            percent(series.error_after_percent()),
        ]);
    }
    let points: usize = calibration.series.iter().map(|s| s.points.len()).sum();
    errors.row(vec![
        "All series".to_owned(),
        points.to_string(),
        percent(calibration.error_before_percent),
        percent(calibration.error_after_percent),
    ]);
    text.push_str(&errors.render());
    text.push('\n');
    let mut table = Table::new(&["When", "Series", "Published", "Before", "After"]).text_columns(2);
    let mut rows: Vec<(usize, &crate::history::FittedPoint, &str)> = Vec::new();
    for (order, series) in calibration.series.iter().enumerate() {
        for point in &series.points {
            rows.push((order, point, series.figure.short_label()));
        }
    }
    rows.sort_by_key(|(order, point, _)| (point.month, *order));
    for (order, point, label) in rows {
        let figure = calibration.series[order].figure;
        table.row(vec![
            point.period.label(),
            label.to_owned(),
            figure.format(point.published),
            figure.format(point.before),
            figure.format(point.after),
        ]);
    }
    text.push_str("Published, and the projection before and after the fit:\n");
    text.push_str(&table.render());
    text
}

/// `text` with a comment above each fitted value saying it was fitted, to what,
/// how well, and what it was. Where a comment cannot be put above a value
/// without changing how the file reads, one comment at the top says it all.
pub fn with_fitted_comments(text: &str, calibration: &Calibration) -> String {
    let locations = Locations::of(text);
    let mut insertions: Vec<(usize, String)> = Vec::new();
    for input in &calibration.inputs {
        let Some(range) = locations.leaf_range(&input.path) else {
            continue;
        };
        let line_start = text[..range.start].rfind('\n').map_or(0, |index| index + 1);
        let indent: String = text[line_start..]
            .chars()
            .take_while(|c| *c == ' ' || *c == '\t')
            .collect();
        let was = if input.before == input.after {
            "unchanged".to_owned()
        } else {
            format!("was {}", shown(input.before))
        };
        insertions.push((
            line_start,
            format!("{indent}// {}; {was}.\n", calibration.comment()),
        ));
    }
    insertions.sort_by_key(|(at, _)| std::cmp::Reverse(*at));
    let mut commented = text.to_owned();
    for (at, line) in &insertions {
        commented.insert_str(*at, line);
    }
    let reads_the_same =
        parse_scenario(&commented).is_ok_and(|scenario| scenario == calibration.fitted);
    if !insertions.is_empty() && reads_the_same {
        return commented;
    }
    let (mark, body) = match text.strip_prefix('\u{feff}') {
        Some(body) => ("\u{feff}", body),
        None => ("", text),
    };
    format!(
        "{mark}// The demand rates were {}.\n{body}",
        lowercase_first(&calibration.comment())
    )
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(chars).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_are_read_or_refused_clearly() {
        assert_eq!(parse_years("2019-2024"), Ok(2019..=2024));
        assert_eq!(parse_years(" 2021 "), Ok(2021..=2021));
        for bad in ["19-24", "2019-", "2019..2024", "twenty", "2019-2024-2025"] {
            let message = parse_years(bad).unwrap_err();
            assert!(message.starts_with("--years expects"), "{bad}: {message}");
        }
        assert!(parse_years("2024-2019").unwrap_err().contains("2019-2024"));
    }

    #[test]
    fn values_are_shown_without_trailing_zeros() {
        assert_eq!(shown(0.0), "0");
        assert_eq!(shown(39.0), "39");
        assert_eq!(shown(9.1), "9.1");
        assert_eq!(shown(0.352), "0.352");
        assert_eq!(shown(-10.0), "-10");
        assert_eq!(shown(120.0), "120");
    }
}
