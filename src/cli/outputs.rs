//! Files a command was asked to write (`--csv`, `--html`), checked before any work
//! and written before anything is printed, so that a closed standard output never
//! stops a requested file, and every message says which files were written.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::terminal::Escaping;
use crate::io::{is_open_file, same_file, write_file};

/// `-` in place of a file name means standard output.
const STANDARD_OUTPUT: &str = "-";

/// A file to write: where, and what it holds.
pub struct OutputFile {
    pub path: PathBuf,
    /// "the comparison table", said in "Wrote the comparison table to out.csv."
    pub what: String,
    pub bytes: Vec<u8>,
}

/// Where an output goes. `-`, and any name for the file or pipe the command's
/// standard output (or error) already is (`/dev/stdout`, `/proc/self/fd/1`, the
/// file it is redirected to), go to that stream as it is: in order with what
/// else is printed there, never replaced by a file.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Sink {
    StandardOutput,
    StandardError,
    File(PathBuf),
}

impl Sink {
    fn of(path: &Path) -> Self {
        if path.as_os_str() == STANDARD_OUTPUT || leads_to(path, Stream::Output) {
            Sink::StandardOutput
        } else if leads_to(path, Stream::Error) {
            Sink::StandardError
        } else {
            Sink::File(path.to_owned())
        }
    }

    fn describe(&self) -> &'static str {
        match self {
            Sink::StandardOutput => "standard output",
            Sink::StandardError => "standard error",
            Sink::File(_) => "a file",
        }
    }
}

#[derive(Clone, Copy)]
enum Stream {
    Output,
    Error,
}

/// Whether `path` leads to the file, pipe or terminal this process's standard
/// output (or error) already is.
#[cfg(unix)]
fn leads_to(path: &Path, stream: Stream) -> bool {
    use std::os::fd::AsFd;
    let descriptor = match stream {
        Stream::Output => std::io::stdout().as_fd().try_clone_to_owned(),
        Stream::Error => std::io::stderr().as_fd().try_clone_to_owned(),
    };
    descriptor.is_ok_and(|descriptor| is_open_file(path, &std::fs::File::from(descriptor)))
}

#[cfg(not(unix))]
fn leads_to(_path: &Path, _stream: Stream) -> bool {
    false
}

/// Refuses, before anything is read or written, an output that is also an input
/// (the scenario would be overwritten) or two outputs that are the same file or
/// stream.
pub fn refuse_clashes(inputs: &[&Path], outputs: &[(&str, &Path)]) -> Result<(), String> {
    let sinks: Vec<Sink> = outputs.iter().map(|(_, path)| Sink::of(path)).collect();
    for (index, ((option, output), sink)) in outputs.iter().zip(&sinks).enumerate() {
        let earlier = outputs[..index].iter().zip(&sinks[..index]);
        if let Sink::File(_) = sink {
            if let Some(input) = inputs.iter().find(|input| same_file(input, output)) {
                return Err(format!(
                    "{option} {} is the scenario file {}: it would be overwritten. Choose another name for the output. Nothing was written.",
                    output.display(),
                    input.display()
                ));
            }
            if let Some(((other, path), _)) = earlier
                .clone()
                .find(|(_, other)| matches!(other, Sink::File(_)))
                .filter(|((_, path), _)| same_file(path, output))
            {
                return Err(format!(
                    "{other} {} and {option} {} are the same file; give each its own name. Nothing was written.",
                    path.display(),
                    output.display()
                ));
            }
        } else if let Some(((other, _), _)) = earlier.clone().find(|(_, other)| *other == sink) {
            return Err(format!(
                "{other} and {option} both write to {}; give one of them a file name. Nothing was written.",
                sink.describe()
            ));
        }
    }
    Ok(())
}

/// Writes the files, then prints `text` and what was written. An output on
/// standard output goes there unchanged, and `text` then goes to standard error
/// so that the output stays clean. Returns the exit status: 0 when every file was
/// written and everything printed, else 1.
pub fn deliver<O: Write, E: Write>(
    text: &str,
    files: &[OutputFile],
    out: &mut Escaping<O>,
    err: &mut Escaping<E>,
) -> u8 {
    let mut written = Vec::new();
    let mut failed = Vec::new();
    let mut to_standard_output = Vec::new();
    for file in files {
        let result = match Sink::of(&file.path) {
            Sink::StandardOutput => {
                to_standard_output.push(file);
                continue;
            }
            Sink::StandardError => err
                .raw()
                .write_all(&file.bytes)
                .and_then(|()| err.raw().flush())
                .map_err(|error| crate::io::describe_write_error(&error)),
            Sink::File(path) => {
                write_file(&path, &file.bytes).map_err(|error| error.reason.to_string())
            }
        };
        match result {
            Ok(()) => written.push(file),
            Err(why) => failed.push((file, why)),
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
        let nothing_written = written.is_empty() && to_standard_output.is_empty();
        let _ = writeln!(
            err,
            "{}",
            failure_message(&written, &failed, nothing_written)
        );
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
            .try_for_each(|file| out.raw().write_all(&file.bytes))
            .and_then(|()| out.raw().flush())
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
fn failure_message(
    written: &[&OutputFile],
    failed: &[(&OutputFile, String)],
    nothing_written: bool,
) -> String {
    if written.is_empty() {
        let reasons: Vec<String> = failed
            .iter()
            .map(|(file, why)| format!("could not write {}: {why}", file.path.display()))
            .collect();
        let reasons = reasons.join("; ");
        return if nothing_written {
            format!("{reasons}; nothing was written")
        } else {
            reasons
        };
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
