//! Reading, checking and writing scenario files.

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

use ron::extensions::Extensions;
use serde::Deserialize;

use super::keep_layout::{FileText, write_keeping_layout};
use super::locate::{Locations, Position};
use super::versions;
use crate::model::{FORMAT_VERSION, Scenario, validate};

/// Scenario files are a few kilobytes; anything over this is not one, and is
/// refused before it is read into memory.
pub const MAX_FILE_BYTES: u64 = 2 * MIB;
/// A mebibyte: sizes are given in MiB throughout.
const MIB: u64 = 1024 * 1024;

/// The example built into the program, opened when no file is given.
const DEFAULT_SCENARIO: &str = include_str!("../../saves/liverpool-2019.ron");

/// One problem with a file, with its place where it has one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileProblem {
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// The field it concerns, as a path such as `staff[1].fte`, where known.
    pub field: Option<String>,
    /// What people call that field, as the editor does ("Experienced social
    /// workers: staff in post (FTE)"), where it names an input.
    pub name: Option<String>,
    pub message: String,
}

impl FileProblem {
    fn whole_file(message: impl Into<String>) -> Self {
        Self {
            line: None,
            column: None,
            field: None,
            name: None,
            message: message.into(),
        }
    }

    /// A problem at a field; where the field is an input, it is named as people
    /// know it even though the file could not be read as a scenario.
    fn at(position: Option<Position>, field: Option<String>, message: String) -> Self {
        Self {
            line: position.map(|p| p.line),
            column: position.map(|p| p.column),
            name: field
                .as_deref()
                .and_then(crate::model::catalogue::name_without_scenario),
            field,
            message,
        }
    }
}

impl fmt::Display for FileProblem {
    /// `LINE:COL: name [path]: message`, leaving out what is not known: people
    /// read the name, and the path says what to edit in the file.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let (Some(line), Some(column)) = (self.line, self.column) {
            write!(f, "{line}:{column}: ")?;
        }
        match (&self.name, &self.field) {
            (Some(name), Some(field)) => write!(f, "{name} [{field}]: ")?,
            (None, Some(field)) => write!(f, "{field}: ")?,
            _ => {}
        }
        f.write_str(&self.message)
    }
}

/// Why a file could not be opened as a scenario.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.lines().join("\n"))]
pub struct LoadError {
    pub path: PathBuf,
    pub problems: Vec<FileProblem>,
}

impl LoadError {
    /// One `FILE:LINE:COL: message` line per problem, as compilers print them.
    pub fn lines(&self) -> Vec<String> {
        self.problems
            .iter()
            .map(|problem| {
                let separator = if problem.line.is_some() { ":" } else { ": " };
                format!("{}{separator}{problem}", self.path.display())
            })
            .collect()
    }
}

/// Why a scenario could not be saved. The file on disk is unchanged.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error(
        "could not save {}: {}. The file on disk is unchanged.",
        .0.path.display(),
        .0.reason
    )]
    Write(super::WriteError),
    #[error("could not write the scenario as RON: {0}")]
    Format(String),
}

impl SaveError {
    /// Whether the file is read-only, so saving under another name could work.
    pub fn is_read_only(&self) -> bool {
        matches!(self, SaveError::Write(error) if error.reason.is_read_only())
    }
}

fn ron_options() -> ron::Options {
    // `Some(x)` may be written as plain `x` in files, as a finance officer expects.
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// Parses and checks scenario text, upgrading a file of an older format version
/// to the current one. Every problem found is returned, each with its line and
/// column where the file has one.
pub fn parse_scenario(text: &str) -> Result<Scenario, Vec<FileProblem>> {
    parse_as_written(text).map(versions::upgrade)
}

/// Like [`parse_scenario`], without the upgrade: the scenario the text reads as,
/// in the version it is written in, which saving compares edits with (so that
/// saving a file of an older version changes its version line).
pub(super) fn parse_as_written(text: &str) -> Result<Scenario, Vec<FileProblem>> {
    let text = without_byte_order_mark(text);
    if text.trim().is_empty() {
        return Err(vec![FileProblem::at(
            Some(Position { line: 1, column: 1 }),
            None,
            format!(
                "the file is empty: expected a scenario, written as (version: {FORMAT_VERSION}, name: \"...\", start: \"2019-04\", staff: [...], ...)"
            ),
        )]);
    }
    if let Some(problem) = too_deep(text) {
        return Err(vec![problem]);
    }
    // A file from a newer Caseload is refused with that reason rather than with
    // whatever its new fields break, so its version is checked on any failure.
    let scenario: Scenario = ron_options().from_str(text).map_err(|error| {
        vec![
            newer_version_problem(text)
                .unwrap_or_else(|| parse_problem(&error, &Locations::of(text), text)),
        ]
    })?;
    if let Some(problem) = newer_version_problem_of(scenario.version, text) {
        return Err(vec![problem]);
    }
    let mut problems = validate(&scenario);
    problems.extend(versions::fields_newer_than_the_file(&scenario));
    if problems.is_empty() {
        return Ok(scenario);
    }
    // Finding where each field is written costs a pass over the text: only done
    // when there is something to point at.
    let locations = Locations::of(text);
    Err(problems
        .into_iter()
        .map(|problem| {
            let position = locations.find(&problem.path);
            let name = problem.name(&scenario);
            let field = (!problem.path.is_empty()).then_some(problem.path);
            let located = FileProblem::at(position, field, problem.message);
            // The scenario names list items as people know them.
            FileProblem {
                name: name.or(located.name.clone()),
                ..located
            }
        })
        .collect())
}

/// Brackets nested deeper than this are refused before parsing: a scenario
/// nests about six deep, and the parser's own limit does not hold for every way
/// of nesting (`Some(Some(...))` thousands deep overflowed the stack).
const MAX_NESTING: usize = 64;

/// The problem, if `text` nests brackets deeper than [`MAX_NESTING`] outside
/// quoted text and comments.
fn too_deep(text: &str) -> Option<FileProblem> {
    let (mut depth, mut line, mut column) = (0usize, 1usize, 0usize);
    let mut characters = text.chars().peekable();
    // Inside quotes, whether the last character was a backslash.
    let mut in_string: Option<bool> = None;
    let mut block_comments = 0usize;
    while let Some(c) = characters.next() {
        column += 1;
        if c == '\n' {
            (line, column) = (line + 1, 0);
        }
        if let Some(escaped) = in_string {
            in_string = match c {
                _ if escaped => Some(false),
                '\\' => Some(true),
                '"' => None,
                _ => Some(false),
            };
            continue;
        }
        let next = characters.peek().copied();
        if block_comments > 0 {
            if (c, next) == ('*', Some('/')) {
                block_comments -= 1;
                characters.next();
                column += 1;
            } else if (c, next) == ('/', Some('*')) {
                block_comments += 1;
                characters.next();
                column += 1;
            }
            continue;
        }
        match (c, next) {
            ('"', _) => in_string = Some(false),
            ('/', Some('/')) => {
                for skipped in characters.by_ref() {
                    if skipped == '\n' {
                        (line, column) = (line + 1, 0);
                        break;
                    }
                }
            }
            ('/', Some('*')) => {
                block_comments = 1;
                characters.next();
                column += 1;
            }
            ('(' | '[' | '{', _) => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(FileProblem::at(
                        Some(Position { line, column }),
                        None,
                        format!(
                            "brackets are nested more than {MAX_NESTING} deep here; a scenario needs about six"
                        ),
                    ));
                }
            }
            (')' | ']' | '}', _) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// The "newer version" problem, if the text parses far enough to show a version
/// newer than this Caseload reads: its fields may mean things this one does not know.
fn newer_version_problem(text: &str) -> Option<FileProblem> {
    #[derive(Deserialize)]
    struct VersionOnly {
        version: Option<u64>,
    }
    let version = ron_options().from_str::<VersionOnly>(text).ok()?.version?;
    newer_version_problem_of(version, text)
}

fn newer_version_problem_of(version: impl Into<u64>, text: &str) -> Option<FileProblem> {
    let version: u64 = version.into();
    (version > u64::from(FORMAT_VERSION)).then(|| {
        FileProblem::at(
            Locations::of(text).find("version"),
            Some("version".to_owned()),
            format!(
                "this file is format version {version}, written by a newer Caseload; this Caseload reads format version {FORMAT_VERSION} and older. Open it with a newer Caseload."
            ),
        )
    })
}

/// Text without the UTF-8 byte order mark some Windows editors put at its start.
fn without_byte_order_mark(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Turns ron's error into a message a finance officer can act on, naming the field
/// the error is in.
fn parse_problem(
    error: &ron::error::SpannedError,
    locations: &Locations,
    text: &str,
) -> FileProblem {
    let position = Position {
        line: error.span.start.line,
        column: error.span.start.col,
    };
    let field = locations.path_at(position).map(str::to_owned);
    if let Some(problem) = whole_number_problem(&error.code, field.as_deref(), locations, text) {
        return problem;
    }
    let message = match &error.code {
        ron::Error::Eof => "the file ends too early: a bracket or a value is missing".to_owned(),
        ron::Error::NoSuchStructField {
            expected, found, ..
        } => format!(
            "unknown field `{found}` (a typo?); expected one of: {}",
            expected.join(", ")
        ),
        ron::Error::MissingStructField { field, .. } => {
            format!("the required field `{field}` is missing")
        }
        ron::Error::DuplicateStructField { field, .. } => {
            format!("the field `{field}` is given twice")
        }
        ron::Error::NoSuchEnumVariant {
            expected, found, ..
        } => format!(
            "unknown kind `{found}`; expected one of: {}",
            expected.join(", ")
        ),
        ron::Error::InvalidValueForType { expected, found } => {
            format!("expected {expected}, found {found}")
        }
        ron::Error::ExpectedFloat | ron::Error::ExpectedInteger => "expected a number".to_owned(),
        ron::Error::ExpectedString => "expected text in double quotes, like \"this\"".to_owned(),
        ron::Error::ExpectedBoolean => "expected true or false".to_owned(),
        ron::Error::ExpectedComma => {
            "expected a comma: is one missing at the end of the line before?".to_owned()
        }
        ron::Error::ExpectedArray => "expected a list in square brackets: [ ... ]".to_owned(),
        ron::Error::ExpectedArrayEnd => {
            "expected `]` to close the list (or a comma before the next item)".to_owned()
        }
        ron::Error::ExpectedStructLike => {
            "expected a group of fields in round brackets: ( ... )".to_owned()
        }
        ron::Error::ExpectedStructLikeEnd => {
            "expected `)` to close the group of fields (or a comma before the next field)"
                .to_owned()
        }
        ron::Error::ExpectedMapColon => "expected `:` after the field name".to_owned(),
        ron::Error::ExpectedIdentifier => "expected a field name".to_owned(),
        ron::Error::TrailingCharacters => {
            "unexpected text after the scenario's closing bracket".to_owned()
        }
        ron::Error::ExceededRecursionLimit => {
            "the file nests brackets too deeply to be a scenario".to_owned()
        }
        other => other.to_string(),
    };
    FileProblem::at(Some(position), field, message)
}

/// `36.0` or `1e2` where the file needs a whole number (a count of months, the
/// version): ron stops at the `.` or the `e` with a message about commas or
/// digits, so the value is named instead. A field that takes any number reads
/// these values, so a parse error inside one means a whole number was expected.
fn whole_number_problem(
    code: &ron::Error,
    field: Option<&str>,
    locations: &Locations,
    text: &str,
) -> Option<FileProblem> {
    if !matches!(
        code,
        ron::Error::ExpectedComma
            | ron::Error::ExpectedInteger
            | ron::Error::InvalidIntegerDigit { .. }
            | ron::Error::ExpectedStructLikeEnd
            | ron::Error::ExpectedArrayEnd
            | ron::Error::TrailingCharacters
    ) {
        return None;
    }
    let field = field?;
    let (_, value) = locations
        .leaf_values(text)
        .find(|(path, _)| *path == field)?;
    let decimal = value.contains(['.', 'e', 'E'])
        && value
            .replace('_', "")
            .parse::<f64>()
            .is_ok_and(f64::is_finite);
    if !decimal {
        return None;
    }
    let what = if field.ends_with("months") {
        "a whole number of months, like 36"
    } else {
        "a whole number, like 1"
    };
    Some(FileProblem::at(
        locations.find(field),
        Some(field.to_owned()),
        format!("expected {what}, found {value}"),
    ))
}

/// Reads, parses and checks a scenario file. Files over [`MAX_FILE_BYTES`],
/// directories and text that is not UTF-8 are refused with a message.
pub fn load_scenario(path: &Path) -> Result<Scenario, LoadError> {
    parse_file(path, &read_scenario_text(path)?).map(versions::upgrade)
}

/// Like [`load_scenario`], and also the file's text, so that saving changes only
/// what was edited.
pub fn load_scenario_with_text(path: &Path) -> Result<(Scenario, FileText), LoadError> {
    let text = read_scenario_text(path)?;
    let as_written = parse_file(path, &text)?;
    Ok((
        versions::upgrade(as_written.clone()),
        FileText::new(text, as_written),
    ))
}

/// [`parse_as_written`] on the text of the file at `path`, its problems named by it.
fn parse_file(path: &Path, text: &str) -> Result<Scenario, LoadError> {
    parse_as_written(text).map_err(|problems| LoadError {
        path: path.to_owned(),
        problems,
    })
}

/// The text of a scenario file, refusing what cannot be one before reading it all.
fn read_scenario_text(path: &Path) -> Result<String, LoadError> {
    let fail = |message: String| LoadError {
        path: path.to_owned(),
        problems: vec![FileProblem::whole_file(message)],
    };
    let metadata = std::fs::metadata(path).map_err(|error| fail(describe_io_error(&error)))?;
    if metadata.is_dir() {
        return Err(fail("this is a folder, not a scenario file".to_owned()));
    }
    // Devices and pipes could be endless or wait for ever; a scenario is a file.
    if !metadata.is_file() {
        return Err(fail(
            "this is a device or a pipe, not a scenario file".to_owned(),
        ));
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(fail(format!(
            "the file is {:.1} MiB; scenario files are at most {} MiB, so this is not one",
            metadata.len() as f64 / MIB as f64,
            MAX_FILE_BYTES / MIB
        )));
    }
    let file = std::fs::File::open(path).map_err(|error| fail(describe_io_error(&error)))?;
    let mut bytes = Vec::new();
    // `take` guards against a file that grows between the size check and the read.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| fail(describe_io_error(&error)))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(fail(format!(
            "the file is over {} MiB; scenario files are smaller, so this is not one",
            MAX_FILE_BYTES / MIB
        )));
    }
    let mut text = String::from_utf8(bytes).map_err(|error| {
        let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
        let valid = String::from_utf8_lossy(valid);
        let line = valid.matches('\n').count() + 1;
        let column = valid
            .rsplit('\n')
            .next()
            .map_or(0, |tail| tail.chars().count())
            + 1;
        LoadError {
            path: path.to_owned(),
            problems: vec![FileProblem::at(
                Some(Position { line, column }),
                None,
                "the file is not UTF-8 text (is it a spreadsheet or a binary file?)".to_owned(),
            )],
        }
    })?;
    let mark = text.len() - without_byte_order_mark(&text).len();
    text.drain(..mark);
    Ok(text)
}

fn describe_io_error(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => error.to_string(),
    }
}

/// What `text` reads as, without the checks: to make sure a save reads back as
/// the scenario saved, which may have problems the user has still to fix.
pub(super) fn read_unchecked(text: &str) -> Option<Scenario> {
    ron_options().from_str(without_byte_order_mark(text)).ok()
}

/// The scenario as RON text, in the program's own (canonical) layout.
pub fn scenario_to_ron(scenario: &Scenario) -> Result<String, SaveError> {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ".to_owned())
        .struct_names(false)
        .separate_tuple_members(false)
        .escape_strings(false);
    let body = ron_options()
        .to_string_pretty(scenario, config)
        .map_err(|error| SaveError::Format(error.to_string()))?;
    Ok(format!(
        "// Caseload scenario file, format version {FORMAT_VERSION}. See the README for every field.\n{body}\n"
    ))
}

/// Saves a new scenario, in the canonical layout, through the one writer
/// ([`super::write_file_keeping_backup`]): a failed save leaves the old file as it
/// was, and the version it replaces is kept as `NAME.ron.bak`.
pub fn save_scenario(path: &Path, scenario: &Scenario) -> Result<(), SaveError> {
    save_scenario_keeping_layout(path, scenario, None).map(|_| ())
}

/// Like [`save_scenario`], changing the text of `original` (the file the scenario
/// was read from or last saved to) only where the scenario differs from it.
/// Returns the text saved, to compare the next save with.
pub fn save_scenario_keeping_layout(
    path: &Path,
    scenario: &Scenario,
    original: Option<&FileText>,
) -> Result<FileText, SaveError> {
    let written = write_keeping_layout(scenario, original)?;
    super::write_file_keeping_backup(path, written.text.as_bytes()).map_err(SaveError::Write)?;
    Ok(FileText::new(written.text, scenario.clone()))
}

/// The built-in scenario with the text of its file, kept when it is saved.
pub fn default_scenario_with_text() -> (Scenario, FileText) {
    // Parsed as the file reads (it is the current version, tested), to be saved
    // as it reads.
    #[allow(clippy::expect_used)]
    let as_written = parse_as_written(DEFAULT_SCENARIO).expect("the built-in scenario is valid");
    let text = FileText::new(DEFAULT_SCENARIO.to_owned(), as_written.clone());
    (versions::upgrade(as_written), text)
}

/// The scenario built into the program (Liverpool 2019).
pub fn default_scenario() -> Scenario {
    // The text is part of the program and tested to parse; a failure here is a bug
    // in the build, not user input.
    #[allow(clippy::expect_used)]
    parse_scenario(DEFAULT_SCENARIO).expect("the built-in scenario is valid")
}
