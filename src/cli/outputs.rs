//! Files a command was asked to write (`--csv`, `--html`), checked before any work
//! and written before anything is printed, so that a closed standard output never
//! stops a requested file, and every message says which files were written.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::io::{same_file, write_file};

/// `-` in place of a file name means standard output.
const STANDARD_OUTPUT: &str = "-";

/// A file to write: where, and what it holds.
pub struct OutputFile {
    pub path: PathBuf,
    /// "the comparison table", said in "Wrote the comparison table to out.csv."
    pub what: String,
    pub bytes: Vec<u8>,
}

/// Whether `path` means standard output.
pub fn is_standard_output(path: &Path) -> bool {
    path.as_os_str() == STANDARD_OUTPUT
}

/// Refuses, before anything is read or written, an output that is also an input
/// (the scenario would be overwritten) or two outputs that are the same file.
pub fn refuse_clashes(inputs: &[&Path], outputs: &[(&str, &Path)]) -> Result<(), String> {
    for (index, (option, output)) in outputs.iter().enumerate() {
        if is_standard_output(output) {
            if let Some((other, _)) = outputs[..index]
                .iter()
                .find(|(_, earlier)| is_standard_output(earlier))
            {
                return Err(format!(
                    "{other} and {option} both write to standard output (-); give one of them a file name. Nothing was written."
                ));
            }
            continue;
        }
        if let Some(input) = inputs.iter().find(|input| same_file(input, output)) {
            return Err(format!(
                "{option} {} is the scenario file {}: it would be overwritten. Choose another name for the output. Nothing was written.",
                output.display(),
                input.display()
            ));
        }
        if let Some((other, earlier)) = outputs[..index]
            .iter()
            .find(|(_, earlier)| !is_standard_output(earlier) && same_file(earlier, output))
        {
            return Err(format!(
                "{other} {} and {option} {} are the same file; give each its own name. Nothing was written.",
                earlier.display(),
                output.display()
            ));
        }
    }
    Ok(())
}

/// Writes the files, then prints `text` and what was written. With an output on
/// standard output, the text goes to `err` so that the file's content stays clean.
/// Returns the exit status: 0 when every file was written and printed, else 1.
pub fn deliver(text: &str, files: &[OutputFile], out: &mut impl Write, err: &mut impl Write) -> u8 {
    let mut written = Vec::new();
    let mut failed = Vec::new();
    let mut to_standard_output = Vec::new();
    for file in files {
        if is_standard_output(&file.path) {
            to_standard_output.push(file);
            continue;
        }
        match write_file(&file.path, &file.bytes) {
            Ok(()) => written.push(file),
            Err(error) => failed.push((file, error.reason.to_string())),
        }
    }
    let mut report = String::new();
    for file in &written {
        report.push_str(&format!(
            "Wrote {} to {}.\n",
            file.what,
            file.path.display()
        ));
    }
    let mut status = 0;
    if !failed.is_empty() {
        status = 1;
        let _ = writeln!(err, "{}", failure_message(&written, &failed));
    }
    let printed = if to_standard_output.is_empty() {
        let full = if report.is_empty() {
            text.to_owned()
        } else {
            format!("{text}\n{report}")
        };
        out.write_all(full.as_bytes()).and_then(|()| out.flush())
    } else {
        // The file's content alone on standard output; the summary beside it.
        let _ = err.write_all(text.as_bytes());
        let _ = err.write_all(report.as_bytes());
        to_standard_output
            .iter()
            .try_for_each(|file| out.write_all(&file.bytes))
            .and_then(|()| out.flush())
    };
    if let Err(error) = printed {
        status = 1;
        let wrote = if written.is_empty() {
            "no file was written".to_owned()
        } else {
            format!("{} written", names_of(&written))
        };
        let _ = writeln!(
            err,
            "could not print to standard output ({}); {wrote}",
            crate::io::describe_write_error(&error)
        );
    }
    status
}

/// "out.csv was written; report.html was not: the disk is full", or, when
/// nothing was written, "could not write out.csv: why; nothing was written".
fn failure_message(written: &[&OutputFile], failed: &[(&OutputFile, String)]) -> String {
    if written.is_empty() {
        let reasons: Vec<String> = failed
            .iter()
            .map(|(file, why)| format!("could not write {}: {why}", file.path.display()))
            .collect();
        return format!("{}; nothing was written", reasons.join("; "));
    }
    let reasons: Vec<String> = failed
        .iter()
        .map(|(file, why)| format!("{} was not: {why}", file.path.display()))
        .collect();
    format!("{} written; {}", names_of(written), reasons.join("; "))
}

/// "out.csv was" or "out.csv and report.html were".
fn names_of(files: &[&OutputFile]) -> String {
    let names: Vec<String> = files
        .iter()
        .map(|file| file.path.display().to_string())
        .collect();
    let verb = if names.len() == 1 { "was" } else { "were" };
    format!("{} {verb}", names.join(" and "))
}
