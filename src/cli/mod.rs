//! The headless command line: `run`, `check` and `compare` on scenario files,
//! using the same engine as the window.

mod summary;
mod table;

pub use table::Table;

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

use crate::io::{load_scenario, write_csv_file};
use crate::model::{HORIZON_MONTHS, Scenario};
use crate::sim::project;

pub use summary::{difference, summary};

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
    /// A scenario file to open in the window.
    pub file: Option<PathBuf>,
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
        /// Project this many months instead of the file's horizon (12 to 120).
        #[arg(long, value_name = "N")]
        months: Option<u32>,
    },
    /// Check scenario files; print FILE:LINE:COL: message for each problem.
    Check {
        /// The scenario files (.ron).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Project two scenarios and print both summaries and their difference (B - A).
    Compare { a: PathBuf, b: PathBuf },
}

/// Runs a command, writing results to `out` and errors to `err`; returns the exit
/// status (0 success, 1 a file or the command failed).
pub fn execute(command: &Command, out: &mut impl Write, err: &mut impl Write) -> u8 {
    let result = match command {
        Command::Run { file, csv, months } => run(file, csv.as_deref(), *months, out),
        Command::Check { files } => return check(files, out),
        Command::Compare { a, b } => compare(a, b, out),
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

fn run(
    file: &Path,
    csv: Option<&Path>,
    months: Option<u32>,
    out: &mut impl Write,
) -> Result<(), String> {
    let mut scenario = load(file)?;
    if let Some(months) = months {
        if !HORIZON_MONTHS.contains(&months) {
            return Err(format!(
                "--months must be between {} and {}, found {months}",
                HORIZON_MONTHS.start(),
                HORIZON_MONTHS.end()
            ));
        }
        scenario.horizon_months = months;
    }
    let projection = project(&scenario);
    write!(
        out,
        "{}",
        summary(&scenario, &projection, &file.display().to_string())
    )
    .map_err(|error| error.to_string())?;
    if let Some(csv) = csv {
        write_csv_file(csv, &projection).map_err(|error| error.to_string())?;
        writeln!(
            out,
            "\nWrote {} months to {}.",
            projection.rows.len(),
            csv.display()
        )
        .map_err(|error| error.to_string())?;
    }
    Ok(())
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

fn compare(a: &Path, b: &Path, out: &mut impl Write) -> Result<(), String> {
    let scenario_a = load(a)?;
    let scenario_b = load(b)?;
    let projection_a = project(&scenario_a);
    let projection_b = project(&scenario_b);
    let text = format!(
        "A: {}\nB: {}\nDifference, B - A (positive variance = more overspend):\n\n{}",
        summary(&scenario_a, &projection_a, &a.display().to_string()),
        summary(&scenario_b, &projection_b, &b.display().to_string()),
        difference(&projection_a, &projection_b)
    );
    write!(out, "{text}").map_err(|error| error.to_string())
}
