//! `caseload backtest`: how well a projection would have predicted what was
//! published, against the two rules of thumb, for one council, a scenario file, or
//! every council.

use std::path::Path;

use crate::history::all::{AllBacktests, PooledErrors, backtest_all};
use crate::history::{Backtest, Counted, HistoryFigure, Rule, backtest_council, backtest_scenario};
use crate::published::{self, LICENCE};
use crate::units::financial_year;

use super::outputs::{OutputFile, refuse_clashes};
use super::{Produced, Table, load};

/// What to backtest, as the arguments said.
pub enum Subject<'a> {
    File(&'a Path),
    Council { council: &'a str, from: i32 },
    All { from: &'a [i32] },
}

/// Checks the arguments fit together: a file, or `--council` with one `--from`,
/// or `--all` with one or more.
pub fn subject<'a>(
    file: Option<&'a Path>,
    council: Option<&'a str>,
    all: bool,
    from: &'a [i32],
) -> Result<Subject<'a>, String> {
    let usage = "give a scenario file with a council code, --council NAME --from YYYY, or \
                 --all --from YYYY[,YYYY...]";
    match (file, council, all) {
        (Some(file), None, false) if from.is_empty() => Ok(Subject::File(file)),
        (Some(_), None, false) => Err(format!(
            "--from does not go with a scenario file: the file's own start is where the \
             backtest starts ({usage})"
        )),
        (None, Some(council), false) => match from {
            [from] => Ok(Subject::Council {
                council,
                from: *from,
            }),
            [] => Err(format!(
                "--council needs --from YYYY, the year ending 31 March to start from ({usage})"
            )),
            _ => Err(format!(
                "--council takes one --from year; --all takes several ({usage})"
            )),
        },
        (None, None, true) if !from.is_empty() => Ok(Subject::All { from }),
        (None, None, true) => Err(format!(
            "--all needs --from YYYY[,YYYY...], the years to start from ({usage})"
        )),
        _ => Err(format!("expected one of these: {usage}")),
    }
}

pub fn backtest_command(subject: &Subject<'_>, csv: Option<&Path>) -> Produced {
    let outputs: Vec<(&str, &Path)> = csv.map(|csv| ("--csv", csv)).into_iter().collect();
    let (text, backtests, what) = match subject {
        Subject::File(file) => {
            refuse_clashes(&[*file], &outputs)?;
            let scenario = load(file)?;
            let backtest = backtest_scenario(&scenario)?;
            let intro = format!(
                "{} ({}): projected as written from {}, against what {} published. The rules \
                 of thumb start from the figures published to 31 March {}.\n",
                scenario.name,
                file.display(),
                scenario.start.label(),
                backtest.council_name,
                backtest.start_year
            );
            let text = format!("{intro}\n{}", one_text(&backtest));
            (text, vec![backtest], "the backtest".to_owned())
        }
        Subject::Council { council, from } => {
            refuse_clashes(&[], &outputs)?;
            let council = published::find(council)?;
            let backtest = backtest_council(council, *from)?;
            let intro = format!(
                "{} ({}): the model built from the figures published to 31 March {from} \
                 (as `caseload new --council` builds it), projected with no interventions \
                 to the latest published year, against what was published.\n",
                council.name, council.code
            );
            let text = format!("{intro}\n{}", one_text(&backtest));
            (text, vec![backtest], "the backtest".to_owned())
        }
        Subject::All { from } => {
            refuse_clashes(&[], &outputs)?;
            let all = backtest_all(published::councils(), from);
            let text = all_text(&all);
            let what = format!("{} backtests", all.backtests.len());
            (text, all.backtests, what)
        }
    };
    let mut files = Vec::new();
    if let Some(csv) = csv {
        files.push(OutputFile {
            path: csv.to_owned(),
            what,
            bytes: points_csv(&backtests)?,
        });
    }
    Ok((text, files))
}

/// "31 March 2020", "2019-20", "30 Sep 2019": when a figure is counted, briefly.
fn when(figure: HistoryFigure, year: i32) -> String {
    match figure.counted() {
        Counted::AtEndOfMarch => format!("31 Mar {year}"),
        Counted::OverTheYear => financial_year(year - 1),
        Counted::AtEndOfSeptember => format!("30 Sep {year}"),
    }
}

/// "+6.7%", "-0.2%", "n/a".
fn signed_percent(error: Option<f64>) -> String {
    match error {
        Some(error) => format!("{error:+.1}%"),
        None => "n/a".to_owned(),
    }
}

fn estimate(figure: HistoryFigure, value: Option<f64>) -> String {
    value.map_or_else(|| "n/a".to_owned(), |value| figure.format(value))
}

/// One backtest: a table per figure, year by year, then the mean absolute errors
/// by years ahead, then the sentence.
pub fn one_text(backtest: &Backtest) -> String {
    let mut text = String::new();
    for figure in HistoryFigure::JUDGED {
        let points: Vec<_> = backtest
            .points
            .iter()
            .filter(|point| point.figure == figure)
            .collect();
        if points.is_empty() {
            text.push_str(&format!(
                "{} ({}): nothing published to check against.\n\n",
                figure.label(),
                figure.unit()
            ));
            continue;
        }
        text.push_str(&format!("{} ({})\n", figure.label(), figure.unit()));
        let mut table = Table::new(&[
            "When",
            "Years ahead",
            "Published",
            "Model",
            "Error",
            "No change",
            "Error",
            "3-year trend",
            "Error",
        ]);
        for point in points {
            table.row(vec![
                when(figure, point.year),
                point.horizon.to_string(),
                figure.format(point.published),
                figure.format(point.model),
                signed_percent(point.model_error()),
                estimate(figure, point.rule(Rule::NoChange)),
                signed_percent(point.rule_error(Rule::NoChange)),
                estimate(figure, point.rule(Rule::ThreeYearTrend)),
                signed_percent(point.rule_error(Rule::ThreeYearTrend)),
            ]);
        }
        text.push_str(&table.render());
        text.push('\n');
    }
    text.push_str(
        "Mean absolute error by years ahead (judged where the model and both rules have a \
         figure):\n",
    );
    let mut table = Table::new(&[
        "Figure",
        "Years ahead",
        "Model",
        "No change",
        "3-year trend",
        "Closest",
    ]);
    for errors in backtest.horizon_errors() {
        table.row(vec![
            errors.figure.short_label().to_owned(),
            errors.horizon.to_string(),
            format!("{:.1}%", errors.model),
            format!("{:.1}%", errors.rules[0]),
            format!("{:.1}%", errors.rules[1]),
            closest(errors.model, errors.rules).to_owned(),
        ]);
    }
    text.push_str(&table.render());
    if let Some(sentence) = backtest.sentence() {
        text.push_str(&format!("\n{sentence}\n"));
    }
    text.push_str(&format!(
        "Errors are (estimate - published) / published. n/a: the rule lacks a year it \
         needs (the 3-year trend needs the three years to the start).\n{LICENCE}\n"
    ));
    text
}

/// Which estimate came closest: "Model", "No change" or "3-year trend".
fn closest(model: f64, rules: [f64; 2]) -> &'static str {
    let mut best = ("Model", model);
    for (rule, error) in Rule::ALL.iter().zip(rules) {
        if error < best.1 {
            best = (rule.label(), error);
        }
    }
    best.0
}

/// Every council: the pooled medians and 90th percentiles, and what the model does
/// worse than a rule, said plainly.
pub fn all_text(all: &AllBacktests) -> String {
    let years: Vec<String> = all.from_years.iter().map(i32::to_string).collect();
    let mut text = format!(
        "{} backtests of {} councils, starting from the figures published to 31 March {}, \
         each projected with no interventions to the latest published year (the scenario \
         `caseload new --council` builds; nothing tuned to these results).\n",
        all.backtests.len(),
        all.councils(),
        years.join(", "),
    );
    if !all.skipped.is_empty() {
        let mut names: Vec<&str> = all
            .skipped
            .iter()
            .map(|(name, _, _)| name.as_str())
            .collect();
        names.sort_unstable();
        names.dedup();
        text.push_str(&format!(
            "{} left out for too little history (children in care, in need and referrals not \
             all published for the three years to the start, or nothing after it): {}.\n",
            if all.skipped.len() == 1 {
                "1 backtest".to_owned()
            } else {
                format!("{} backtests", all.skipped.len())
            },
            names.join(", ")
        ));
    }
    text.push('\n');
    text.push_str("Absolute error against the published figure (%), median and 90th percentile:\n");
    let mut table = Table::new(&[
        "Figure",
        "Years ahead",
        "Backtests",
        "Model",
        "90th",
        "No change",
        "90th",
        "3-year trend",
        "90th",
        "Model beats both",
    ]);
    let pooled = all.pooled();
    for row in &pooled {
        table.row(vec![
            row.figure.short_label().to_owned(),
            row.horizon.to_string(),
            row.backtests.to_string(),
            format!("{:.1}%", row.model.median),
            format!("{:.1}%", row.model.p90),
            format!("{:.1}%", row.rules[0].median),
            format!("{:.1}%", row.rules[0].p90),
            format!("{:.1}%", row.rules[1].median),
            format!("{:.1}%", row.rules[1].p90),
            format!("{:.0}%", row.model_beats_both * 100.0),
        ]);
    }
    text.push_str(&table.render());
    text.push('\n');
    text.push_str(&verdict(&pooled));
    text.push_str(&format!(
        "Only backtests where the model and both rules have a figure are judged. Money is not \
         judged: a council's costs are taken from the 2024-25 outturn.\n{LICENCE}\n"
    ));
    text
}

/// Plain words on where a rule of thumb's median error is below the model's,
/// within the first three years ahead, figure by figure.
pub fn verdict(pooled: &[PooledErrors]) -> String {
    let mut worse = Vec::new();
    let mut better = Vec::new();
    for figure in HistoryFigure::JUDGED {
        let rows: Vec<&PooledErrors> = pooled
            .iter()
            .filter(|row| row.figure == figure && row.horizon <= 3)
            .collect();
        if rows.is_empty() {
            continue;
        }
        let mut beaten = Vec::new();
        for (index, rule) in Rule::ALL.iter().enumerate() {
            let horizons: Vec<String> = rows
                .iter()
                .filter(|row| row.rules[index].median < row.model.median)
                .map(|row| row.horizon.to_string())
                .collect();
            if !horizons.is_empty() {
                beaten.push(format!(
                    "{} ({} {} ahead)",
                    rule.label().to_lowercase(),
                    horizons.join(", "),
                    if horizons == ["1"] { "year" } else { "years" }
                ));
            }
        }
        if beaten.is_empty() {
            better.push(figure.short_label());
        } else {
            worse.push(format!(
                "  {}: {}\n",
                figure.short_label(),
                beaten.join("; ")
            ));
        }
    }
    let mut text = String::new();
    if !worse.is_empty() {
        text.push_str(
            "Where a rule of thumb has a lower median error than the model, 1 to 3 years ahead:\n",
        );
        text.push_str(&worse.concat());
    }
    text.push_str(&if better.is_empty() {
        "The model's median error is below both rules' on no figure, 1 to 3 years ahead.\n"
            .to_owned()
    } else {
        format!(
            "The model's median error is below both rules' 1 to 3 years ahead on: {}.\n",
            better.join(", ")
        )
    });
    text
}

/// Every point as CSV: one row per council, start year, figure and year.
pub fn points_csv(backtests: &[Backtest]) -> Result<Vec<u8>, String> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let failed = |error: csv::Error| error.to_string();
    writer
        .write_record([
            "council_code",
            "council",
            "start_year",
            "figure",
            "unit",
            "year",
            "counted",
            "years_ahead",
            "published",
            "model",
            "model_error_percent",
            "no_change",
            "no_change_error_percent",
            "three_year_trend",
            "three_year_trend_error_percent",
        ])
        .map_err(failed)?;
    let number = |value: Option<f64>| value.map_or_else(String::new, |value| format!("{value:.3}"));
    for backtest in backtests {
        for point in &backtest.points {
            writer
                .write_record([
                    backtest.council_code.clone(),
                    backtest.council_name.clone(),
                    backtest.start_year.to_string(),
                    point.figure.label().to_owned(),
                    point.figure.unit().to_owned(),
                    point.year.to_string(),
                    point.figure.date_label(point.year),
                    point.horizon.to_string(),
                    number(Some(point.published)),
                    number(Some(point.model)),
                    number(point.model_error()),
                    number(point.rule(Rule::NoChange)),
                    number(point.rule_error(Rule::NoChange)),
                    number(point.rule(Rule::ThreeYearTrend)),
                    number(point.rule_error(Rule::ThreeYearTrend)),
                ])
                .map_err(failed)?;
        }
    }
    writer.into_inner().map_err(|error| error.to_string())
}
