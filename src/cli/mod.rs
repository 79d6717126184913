//! The headless command line: `run`, `check` and `compare` on scenario files,
//! using the same engine as the window.

mod arguments;
mod backtest;
mod calibrate;
mod councils;
mod neighbours;
mod new;
mod outputs;
mod risk;
mod summary;
mod table;
pub mod terminal;
mod workbook;

pub use table::Table;

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

use crate::compare::{ComparisonTable, DecisionSummary, input_differences};
use crate::export::{ReportEntry, report_html};
use crate::export::{write_percentiles_csv, write_projection_csv};
use crate::io::{load_scenario, load_scenario_with_text, write_keeping_layout};
use crate::model::Scenario;
use crate::model::validate::horizon_problem;
use crate::sim::{balance, project};

pub use summary::{comparison_text, summary};

use outputs::{OutputFile, deliver, refuse_clashes};

#[derive(Debug, Parser)]
#[command(
    name = "caseload",
    version,
    about = "Plan children's social care: demand, social workers, caseloads and cost, month by month.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Scenario files to open in the window, one tab each.
    pub files: Vec<PathBuf>,
    /// Print how long the window took to draw its first frame, then close it (for
    /// measuring start-up; see BENCHMARKS.md).
    #[arg(long, hide = true)]
    pub startup_report: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Project a scenario and print a summary by financial year.
    Run {
        /// The scenario file (.ron).
        file: PathBuf,
        /// Also write every monthly series to this CSV file.
        #[arg(long, value_name = "OUT")]
        csv: Option<PathBuf>,
        /// Also write an Excel workbook (.xlsx): a summary by financial year, the
        /// monthly figures and the inputs.
        #[arg(long, value_name = "OUT")]
        xlsx: Option<PathBuf>,
        /// Project this many months instead of the file's horizon (12 to 120).
        #[arg(long, value_name = "N", value_parser = arguments::months)]
        months: Option<u32>,
        /// Also run N Monte Carlo draws (1 to 1,000,000) over the file's
        /// uncertainty ranges; with --csv the file then holds percentiles per month.
        #[arg(long, value_name = "N", value_parser = arguments::draws)]
        runs: Option<usize>,
        /// Seed of the Monte Carlo draws (the same seed gives the same results).
        #[arg(long, value_name = "S", default_value_t = 1)]
        seed: u64,
    },
    /// Find the smallest lever value that meets a target ("what does it take?").
    Solve {
        file: PathBuf,
        /// within-cap@2019-03 (no month over cap from then to the end), caseload<=20@2019-03
        /// (from then to the end), overspend<=0@2019-20 or in-care<600@2021-03.
        #[arg(long)]
        target: String,
        /// staff:GROUP@2018-04 (FTE), early-help@2019-04 (£1,000 a year),
        /// contracted-team@2019-04 (cases) or cap:GROUP@2019-04 (cases per FTE).
        #[arg(long)]
        lever: String,
        /// Share of Monte Carlo draws that must meet the target (0 to 1); without
        /// it, the most likely projection must.
        #[arg(long, value_name = "SHARE")]
        confidence: Option<f64>,
        /// Monte Carlo draws for --confidence (1 to 1,000,000).
        #[arg(long, value_name = "N", default_value_t = 1000, value_parser = arguments::draws)]
        runs: usize,
        #[arg(long, value_name = "S", default_value_t = 1)]
        seed: u64,
        /// Most units to try (at most what a scenario file can hold).
        #[arg(long, value_name = "N", value_parser = arguments::count)]
        max: Option<u64>,
        /// Early help: % cut in referrals and in entries to care per £1m a year.
        #[arg(long, value_name = "REFERRALS,CARE", default_value = "2,5")]
        effect_per_million: String,
        /// Early help: months before the effect starts.
        #[arg(long, value_name = "MONTHS", default_value_t = 12, value_parser = arguments::months)]
        lag: u32,
        /// Contracted team: months it works.
        #[arg(long, value_name = "MONTHS", default_value_t = 6, value_parser = arguments::months)]
        team_months: u32,
        /// Contracted team: £ per case per month (Liverpool: £600,000 for 180 cases
        /// for six months is about £556).
        #[arg(long, value_name = "GBP", default_value_t = 556.0, value_parser = arguments::finite)]
        cost_per_case_month: f64,
    },
    /// Rank the inputs by how much each swings a headline figure.
    Sensitivity {
        file: PathBuf,
        /// total-spend, final-caseload, final-children-in-care, worst-overspend or
        /// months-over-cap.
        #[arg(long, default_value = "total-spend")]
        output: String,
        /// How many inputs to list.
        #[arg(long, value_name = "N", default_value_t = 15, value_parser = arguments::rows)]
        top: usize,
    },
    /// Check scenario files; print FILE:LINE:COL: message for each problem.
    Check {
        /// The scenario files (.ron).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Project two scenarios and print both summaries and the comparison table
    /// (B minus A), the same table as the window shows.
    Compare {
        /// The baseline, usually "do nothing".
        a: PathBuf,
        /// The scenario compared with it, usually the plan.
        b: PathBuf,
        /// Also write the comparison table to this CSV file.
        #[arg(long, value_name = "OUT")]
        csv: Option<PathBuf>,
        /// Also write the one-page summary report to this HTML file.
        #[arg(long, value_name = "OUT")]
        html: Option<PathBuf>,
        /// Also write an Excel workbook (.xlsx): both summaries by financial
        /// year, the monthly figures, the comparison table and the inputs.
        #[arg(long, value_name = "OUT")]
        xlsx: Option<PathBuf>,
    },
    /// List the councils whose published figures Caseload holds: name, code,
    /// region, latest year with data and Ofsted judgement.
    Councils {
        /// Part of a council's name or code (any case); without it, every council.
        search: Option<String>,
    },
    /// Write a scenario for a council from its published figures, every figure
    /// with a comment naming its table and year.
    New {
        /// The council's name or code (any case): Wakefield, E08000036 or 384.
        #[arg(long, value_name = "NAME_OR_CODE")]
        council: String,
        /// The year ending 31 March whose figures the scenario starts from (it
        /// starts in April of that year); without it, the latest with data.
        #[arg(long, value_name = "YYYY", value_parser = arguments::year)]
        year: Option<i32>,
        /// Write the scenario to this file; without it, print it.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// How a council compares with its ten statistical neighbours and England:
    /// rates per 10,000 children, caseloads, agency, vacancies, turnover, spending
    /// on children in care per child and the Ofsted judgement.
    Neighbours {
        /// The council's name or ONS code.
        council: String,
        /// The year ending 31 March to compare (default: the council's latest).
        #[arg(long, value_name = "YYYY")]
        year: Option<i32>,
    },
    /// How well the model would have predicted what was published, year by
    /// year, against two rules of thumb ("no change" and the 3-year trend): for a
    /// scenario file with a council code, one council from a year, or every council.
    Backtest {
        /// A scenario file with a council code: projected as written, then compared
        /// with what was published for each date it covers.
        file: Option<PathBuf>,
        /// The council's name or code (any case), with --from.
        #[arg(long, value_name = "NAME_OR_CODE")]
        council: Option<String>,
        /// Every council with enough history, with --from (one or more years).
        #[arg(long)]
        all: bool,
        /// The year ending 31 March to start from: 2019; with --all, several: 2019,2020,2021.
        #[arg(long, value_name = "YYYY", value_delimiter = ',', value_parser = arguments::year)]
        from: Vec<i32>,
        /// Also write every point (published, model, rules, errors) to this CSV file.
        #[arg(long, value_name = "OUT")]
        csv: Option<PathBuf>,
    },
    /// List the inputs that differ between two scenario files.
    Diff { a: PathBuf, b: PathBuf },
    /// Say where the inputs take each stock of children, and set the mean
    /// durations (or, where no duration can, the starting figures) so that the
    /// start is in balance with its own flows.
    Balance {
        /// The scenario file (.ron).
        file: PathBuf,
        /// Write the balanced scenario here, keeping the file's comments and
        /// layout; without it, only say what would change.
        #[arg(long, value_name = "OUT")]
        out: Option<PathBuf>,
    },
    /// Fit the demand rates (referral growth, what referrals lead to, how long
    /// cases last, step-ups) so that the projection from the start best matches
    /// the council's published figures, and say how well before and after.
    Calibrate {
        /// A scenario file with a council code.
        file: PathBuf,
        /// The years ending 31 March to fit to, like 2019-2024; without it, from
        /// the scenario's start to the latest published.
        #[arg(long, value_name = "FIRST-LAST", conflicts_with = "monthly")]
        years: Option<String>,
        /// Fit to the council's own monthly counts instead: a CSV with columns
        /// month (2019-04), referrals, children_in_need, child_protection,
        /// looked_after, started_care, ceased_care, plans_started (any but month
        /// may be left out or blank; children are counted at the month's end).
        #[arg(long, value_name = "COUNTS.csv")]
        monthly: Option<PathBuf>,
        /// Write the fitted scenario here, keeping the file's comments and layout.
        #[arg(long, value_name = "OUT")]
        out: Option<PathBuf>,
    },
}

/// Runs a command, writing results to `out` and errors to `err`, control
/// characters escaped; returns the exit status (0 success, 1 a file or the command
/// failed).
pub fn execute(command: &Command, out: &mut impl Write, err: &mut impl Write) -> u8 {
    // Names, paths and messages from files and arguments reach a terminal here.
    let (mut out, mut err) = (terminal::Escaping::new(out), terminal::Escaping::new(err));
    let (out, err) = (&mut out, &mut err);
    let result = match command {
        Command::Run {
            file,
            csv,
            xlsx,
            months,
            runs,
            seed,
        } => {
            return produce_then_deliver(
                run(
                    file,
                    csv.as_deref(),
                    xlsx.as_deref(),
                    *months,
                    runs.map(|runs| (runs, *seed)),
                ),
                out,
                err,
            );
        }
        Command::Solve {
            file,
            target,
            lever,
            confidence,
            runs,
            seed,
            max,
            effect_per_million,
            lag,
            team_months,
            cost_per_case_month,
        } => (|| {
            let scenario = load(file)?;
            let target = risk::parse_target(target)?;
            let (referrals, care) = effect_per_million
                .split_once(',')
                .and_then(|(a, b)| {
                    Some((arguments::finite(a).ok()?, arguments::finite(b).ok()?))
                })
                .ok_or_else(|| format!("--effect-per-million expects two numbers like 2,5, found {effect_per_million}"))?;
            let settings = risk::LeverSettings {
                effect_per_million: (referrals, care),
                lag_months: *lag,
                team_months: *team_months,
                cost_per_case_month_gbp: *cost_per_case_month,
            };
            let lever = risk::parse_lever(lever, &settings)?;
            let confidence = risk::confidence(*confidence, *runs, *seed)?;
            risk::solve_command(&scenario, &target, &lever, confidence, *max, out)
        })(),
        Command::Sensitivity { file, output, top } => (|| {
            let scenario = load(file)?;
            let output = crate::sim::sensitivity::Output::ALL
                .into_iter()
                .find(|candidate| candidate.key() == output)
                .ok_or_else(|| {
                    let keys: Vec<&str> = crate::sim::sensitivity::Output::ALL
                        .iter()
                        .map(|o| o.key())
                        .collect();
                    format!(
                        "--output must be one of {}, found {output}",
                        keys.join(", ")
                    )
                })?;
            risk::sensitivity_command(&scenario, output, *top, out)
        })(),
        Command::Check { files } => return check(files, out),
        Command::Compare {
            a,
            b,
            csv,
            html,
            xlsx,
        } => {
            let outputs = CompareOutputs {
                csv: csv.as_deref(),
                html: html.as_deref(),
                xlsx: xlsx.as_deref(),
            };
            return produce_then_deliver(compare(a, b, &outputs), out, err);
        }
        Command::Diff { a, b } => diff(a, b, out),
        Command::Backtest {
            file,
            council,
            all,
            from,
            csv,
        } => {
            return produce_then_deliver(
                backtest::subject(file.as_deref(), council.as_deref(), *all, from)
                    .and_then(|subject| backtest::backtest_command(&subject, csv.as_deref())),
                out,
                err,
            );
        }
        Command::New {
            council,
            year,
            out: file,
        } => {
            return produce_then_deliver(
                new::new_scenario(council, *year, file.as_deref()),
                out,
                err,
            );
        }
        Command::Councils { search } => councils::councils_text(search.as_deref())
            .and_then(|text| write!(out, "{text}").map_err(|error| error.to_string())),
        Command::Neighbours { council, year } => neighbours::neighbours_text(council, *year)
            .and_then(|text| write!(out, "{text}").map_err(|error| error.to_string())),
        Command::Balance {
            file,
            out: balanced,
        } => {
            return produce_then_deliver(balance_file(file, balanced.as_deref()), out, err);
        }
        Command::Calibrate {
            file,
            years,
            monthly,
            out: fitted,
        } => {
            return produce_then_deliver(
                calibrate::calibrate_file(
                    file,
                    years.as_deref(),
                    monthly.as_deref(),
                    fitted.as_deref(),
                ),
                out,
                err,
            );
        }
    };
    match result {
        Ok(()) => 0,
        Err(message) => {
            let _ = writeln!(err, "{message}");
            1
        }
    }
}

fn load(path: &Path) -> Result<Scenario, String> {
    load_scenario(path).map_err(|error| error.to_string())
}

/// What a command produced: its text for standard output and the files it was
/// asked to write.
type Produced = Result<(String, Vec<OutputFile>), String>;

/// Writes a command's files, then prints its text; returns the exit status.
fn produce_then_deliver<O: Write, E: Write>(
    produced: Produced,
    out: &mut terminal::Escaping<O>,
    err: &mut terminal::Escaping<E>,
) -> u8 {
    match produced {
        Ok((text, files)) => deliver(&text, &files, out, err),
        Err(message) => {
            let _ = writeln!(err, "{message}");
            1
        }
    }
}

fn run(
    file: &Path,
    csv: Option<&Path>,
    xlsx: Option<&Path>,
    months: Option<u32>,
    monte_carlo: Option<(usize, u64)>,
) -> Produced {
    let outputs: Vec<(&str, &Path)> = [("--csv", csv), ("--xlsx", xlsx)]
        .into_iter()
        .filter_map(|(option, path)| Some((option, path?)))
        .collect();
    refuse_clashes(&[file], &outputs)?;
    let mut scenario = load(file)?;
    if let Some(months) = months {
        if let Some(problem) = horizon_problem(scenario.start, months) {
            return Err(format!("--months: {problem}"));
        }
        scenario.horizon_months = months;
    }
    let projection = project(&scenario);
    let mut text = summary(&scenario, &projection, &file.display().to_string());
    let mut files = Vec::new();
    if let Some((runs, seed)) = monte_carlo {
        let result = crate::sim::monte_carlo::monte_carlo_simple(&scenario, runs, seed);
        text.push_str(&risk::monte_carlo_summary(&scenario, &result));
        if let Some(csv) = csv {
            let mut bytes = Vec::new();
            write_percentiles_csv(&result, &mut bytes).map_err(|error| error.to_string())?;
            files.push(OutputFile {
                path: csv.to_owned(),
                what: format!("percentiles for {} months", result.months.len()),
                bytes,
            });
        }
    } else if let Some(csv) = csv {
        let mut bytes = Vec::new();
        write_projection_csv(&projection, &mut bytes).map_err(|error| error.to_string())?;
        files.push(OutputFile {
            path: csv.to_owned(),
            what: format!("{} months", projection.rows.len()),
            bytes,
        });
    }
    if let Some(xlsx) = xlsx {
        let entries = [ReportEntry {
            scenario: &scenario,
            projection: &projection,
        }];
        files.push(workbook::workbook_file(xlsx, &entries)?);
    }
    Ok((text, files))
}

fn check(files: &[PathBuf], out: &mut impl Write) -> u8 {
    let mut status = 0;
    for file in files {
        let line = match load_scenario(file) {
            Ok(_) => format!("{}: ok", file.display()),
            Err(error) => {
                status = 1;
                error.to_string()
            }
        };
        let _ = writeln!(out, "{line}");
    }
    status
}

/// The files `caseload compare` was asked to write.
struct CompareOutputs<'a> {
    csv: Option<&'a Path>,
    html: Option<&'a Path>,
    xlsx: Option<&'a Path>,
}

fn compare(a: &Path, b: &Path, outputs: &CompareOutputs<'_>) -> Produced {
    let CompareOutputs { csv, html, xlsx } = *outputs;
    let outputs: Vec<(&str, &Path)> = [("--csv", csv), ("--html", html), ("--xlsx", xlsx)]
        .into_iter()
        .filter_map(|(option, path)| Some((option, path?)))
        .collect();
    refuse_clashes(&[a, b], &outputs)?;
    let scenario_a = load(a)?;
    let scenario_b = load(b)?;
    let projection_a = project(&scenario_a);
    let projection_b = project(&scenario_b);
    let table = ComparisonTable::new(&projection_a, &projection_b);
    let card = DecisionSummary::new(
        &projection_a,
        &projection_b,
        &scenario_a.name,
        &scenario_b.name,
    );
    let text = format!(
        "{}\nA: {}\nB: {}\nComparison by financial year, B minus A (a positive variance is more overspend):\n\n{}",
        card.text(),
        summary(&scenario_a, &projection_a, &a.display().to_string()),
        summary(&scenario_b, &projection_b, &b.display().to_string()),
        comparison_text(&table, &scenario_a.name, &scenario_b.name)
    );
    let mut files = Vec::new();
    if let Some(csv) = csv {
        let mut bytes = Vec::new();
        crate::export::write_comparison_csv(&table, &mut bytes)
            .map_err(|error| error.to_string())?;
        files.push(OutputFile {
            path: csv.to_owned(),
            what: "the comparison table".to_owned(),
            bytes,
        });
    }
    let entries = [
        ReportEntry {
            scenario: &scenario_a,
            projection: &projection_a,
        },
        ReportEntry {
            scenario: &scenario_b,
            projection: &projection_b,
        },
    ];
    if let Some(html) = html {
        files.push(OutputFile {
            path: html.to_owned(),
            what: "the summary report".to_owned(),
            bytes: report_html(&entries)?.into_bytes(),
        });
    }
    if let Some(xlsx) = xlsx {
        files.push(workbook::workbook_file(xlsx, &entries)?);
    }
    Ok((text, files))
}

/// `caseload balance`: the changes that put the start in balance, and the
/// balanced scenario written with the file's comments and layout.
fn balance_file(file: &Path, out: Option<&Path>) -> Produced {
    let outputs: Vec<(&str, &Path)> = out.map(|out| ("--out", out)).into_iter().collect();
    refuse_clashes(&[file], &outputs)?;
    let (mut scenario, text) = load_scenario_with_text(file).map_err(|error| error.to_string())?;
    let balancing = balance::balancing(&scenario);
    let mut report = format!("{} ({})\n", scenario.name, file.display());
    for line in balance::balance_lines(&balance::start_balance(&scenario)) {
        report.push_str(&format!("  {line}\n"));
    }
    if balancing.is_empty() {
        report.push_str("Nothing to change: the start is in balance.\n");
    } else {
        report.push_str(if out.is_some() {
            "Changed to balance the start:\n"
        } else {
            "Would change, to balance the start (give --out FILE to write it):\n"
        });
        for change in &balancing.changes {
            report.push_str(&format!("  {}\n", change.describe()));
            if let balance::Change::Level { why, .. } = change {
                report.push_str(&format!("    because {why}\n"));
            }
        }
    }
    balancing.apply(&mut scenario);
    let mut files = Vec::new();
    if let Some(out) = out {
        let written =
            write_keeping_layout(&scenario, Some(&text)).map_err(|error| error.to_string())?;
        files.push(OutputFile {
            path: out.to_owned(),
            what: "the balanced scenario".to_owned(),
            bytes: written.text.into_bytes(),
        });
    }
    Ok((report, files))
}

fn diff(a: &Path, b: &Path, out: &mut impl Write) -> Result<(), String> {
    let scenario_a = load(a)?;
    let scenario_b = load(b)?;
    let differences = input_differences(&scenario_a, &scenario_b);
    if differences.is_empty() {
        return writeln!(out, "The two scenarios have the same inputs.")
            .map_err(|error| error.to_string());
    }
    let mut table = Table::new(&["Input [path in the file]", "A", "B"]).text_columns(3);
    for difference in &differences {
        table.row(vec![
            format!("{} [{}]", difference.name, difference.field),
            difference
                .baseline
                .clone()
                .unwrap_or_else(|| "(none)".to_owned()),
            difference
                .scenario
                .clone()
                .unwrap_or_else(|| "(none)".to_owned()),
        ]);
    }
    write!(
        out,
        "A: {}\nB: {}\n{} input{} differ:\n\n{}",
        a.display(),
        b.display(),
        differences.len(),
        if differences.len() == 1 { "" } else { "s" },
        table.render()
    )
    .map_err(|error| error.to_string())
}
