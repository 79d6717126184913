use std::process::ExitCode;

use caseload::cli::{Cli, execute};
use clap::{CommandFactory, Parser};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match &cli.command {
        Some(command) => {
            let status = execute(command, &mut std::io::stdout(), &mut std::io::stderr());
            ExitCode::from(status)
        }
        None => {
            // The desktop window comes next; until then, say how to use the command line.
            if let Some(file) = &cli.file {
                eprintln!(
                    "The desktop window is not built yet. To project {} use: caseload run {}\n",
                    file.display(),
                    file.display()
                );
            }
            let _ = Cli::command().print_help();
            if cli.file.is_some() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            }
        }
    }
}
