//! Writes `assets/public-statistics/derived/councils.csv` and `years.csv` from the
//! raw files beside them: `cargo run --bin derive-councils` (from the repository;
//! or give the `public-statistics` folder as the only argument).

use std::path::PathBuf;
use std::process::ExitCode;

use caseload::published::derive::{RAW_FILE_NAMES, RawFiles, derive};

fn main() -> ExitCode {
    let folder = std::env::args_os().nth(1).map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/public-statistics"),
        PathBuf::from,
    );
    match run(&folder) {
        Ok(written) => {
            for path in written {
                println!("wrote {}", path.display());
            }
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("derive-councils: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(folder: &std::path::Path) -> Result<Vec<PathBuf>, String> {
    let mut texts: [String; 14] = Default::default();
    for (text, name) in texts.iter_mut().zip(RAW_FILE_NAMES) {
        let path = folder.join(name);
        let bytes = std::fs::read(&path).map_err(|error| format!("{}: {error}", path.display()))?;
        // The CLA 2019 files are Latin-1; only their codes and numbers are read.
        *text = String::from_utf8_lossy(&bytes).into_owned();
    }
    let derived = derive(&RawFiles::from_texts(&texts))?;
    let out = folder.join("derived");
    std::fs::create_dir_all(&out).map_err(|error| format!("{}: {error}", out.display()))?;
    let mut written = Vec::new();
    for (name, text) in [
        ("councils.csv", &derived.councils),
        ("years.csv", &derived.years),
    ] {
        let path = out.join(name);
        // Through Caseload's one writer: replaced in one step, never half written.
        caseload::io::write_file(&path, text.as_bytes())
            .map_err(|error| format!("{}: {error}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}
