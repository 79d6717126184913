use std::process::ExitCode;
use std::time::Instant;

use caseload::app::{APP_ID, CaseloadApp};
use caseload::cli::terminal::escape_controls;
use caseload::cli::{Cli, execute};
use clap::Parser;

fn main() -> ExitCode {
    let started = Instant::now();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // clap's own messages quote the arguments: escaped like everything printed.
        Err(error) => {
            let text = error.render().to_string();
            if error.use_stderr() {
                eprint!("{}", escape_controls(&text));
            } else {
                print!("{}", escape_controls(&text));
            }
            return ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2));
        }
    };
    match &cli.command {
        Some(command) => {
            let status = execute(command, &mut std::io::stdout(), &mut std::io::stderr());
            ExitCode::from(status)
        }
        None => {
            // A mistyped command reads as a file name: say so rather than open a window.
            if let Some(missing) = cli.files.iter().find(|path| !path.exists()) {
                eprintln!(
                    "caseload: {} is neither a file nor a command (run, check, compare, diff).\nSee caseload --help.",
                    escape_controls(&missing.display().to_string())
                );
                return ExitCode::from(2);
            }
            open_window(cli.files, cli.startup_report.then_some(started))
        }
    }
}

/// Opens the desktop window, on `files` or on the built-in scenario. With
/// `startup_report`, says how long after it the first frame was drawn and closes.
fn open_window(files: Vec<std::path::PathBuf>, startup_report: Option<Instant>) -> ExitCode {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Caseload")
            .with_app_id(APP_ID)
            .with_inner_size([1500.0, 950.0])
            .with_min_inner_size([900.0, 600.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    let result = eframe::run_native(
        APP_ID,
        options,
        Box::new(move |cc| {
            let mut app = CaseloadApp::new(cc, files);
            app.startup_report = startup_report;
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("caseload: could not open the window: {error}");
            eprintln!("The command line still works: caseload run FILE (see caseload --help).");
            ExitCode::FAILURE
        }
    }
}
