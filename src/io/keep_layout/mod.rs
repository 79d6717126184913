//! Saving changes only what changed. A scenario opened from a file is saved as
//! that file's text with only the values that were edited rewritten: comments,
//! blank lines, field order, number spelling (`5_000_000.0`) and fields left out
//! stay as they were. Items added to a list are written like their neighbours;
//! items removed go with their own comments and lines.
//!
//! How: the scenario as it was read and as it is now are both written in the
//! canonical layout and compared value by value; where the two agree, the file's
//! own text for that value is copied; where they differ, the new value is written
//! in the file's style. The result is read back before it is used, and if it does
//! not read as the edited scenario the canonical layout (with the file's comments)
//! is written instead: saving never writes something that reads differently.

use super::FileProblem;
use super::comments::FileComments;
use super::scenario_file::{SaveError, parse_as_written, read_unchecked, scenario_to_ron};
use super::syntax::{self, Node, Shape};
use super::versions;
use crate::model::Scenario;

mod merge;
mod write;

use merge::Merger;
use write::{indent_before, line_indent};

/// The text of a scenario file and the scenario it reads as, kept so that saving
/// can change only what was edited.
#[derive(Clone, Debug, PartialEq)]
pub struct FileText {
    text: String,
    scenario: Scenario,
}

impl FileText {
    /// Reads and checks `text` (upgrading it to the current format), keeping it
    /// for saving.
    pub fn read(text: &str) -> Result<(Scenario, FileText), Vec<FileProblem>> {
        let as_written = parse_as_written(text)?;
        Ok((
            versions::upgrade(as_written.clone()),
            FileText::new(text.to_owned(), as_written),
        ))
    }

    /// `scenario` must be what `text` reads as, in the version it is written in.
    pub(super) fn new(text: String, scenario: Scenario) -> Self {
        Self { text, scenario }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether the text can be followed value by value, so that saves keep its
    /// layout (a file that reads as a scenario nearly always can).
    pub fn keeps_layout(&self) -> bool {
        let text = self.text.strip_prefix('\u{feff}').unwrap_or(&self.text);
        syntax::parse(text).is_some()
    }
}

/// How a save laid out the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// The file's own text, changed only where values changed.
    Kept,
    /// The program's own layout (a new scenario, or a file that could not be
    /// followed), with the file's comments put back.
    Canonical,
}

/// The text a save writes, and how it was laid out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Written {
    pub text: String,
    pub layout: Layout,
}

/// `scenario` as text: the text of `original` (the file it was read from or last
/// saved to) changed only where the scenario differs from it, or the canonical
/// layout for a new scenario. Always reads back as `scenario`.
pub fn write_keeping_layout(
    scenario: &Scenario,
    original: Option<&FileText>,
) -> Result<Written, SaveError> {
    let Some(original) = original else {
        return Ok(Written {
            text: scenario_to_ron(scenario)?,
            layout: Layout::Canonical,
        });
    };
    if *scenario == original.scenario {
        return Ok(Written {
            text: original.text.clone(),
            layout: Layout::Kept,
        });
    }
    if let Some(text) = edited_text(original, scenario)
        && read_unchecked(&text).as_ref() == Some(scenario)
    {
        return Ok(Written {
            text,
            layout: Layout::Kept,
        });
    }
    let canonical = scenario_to_ron(scenario)?;
    Ok(Written {
        text: FileComments::of(&original.text, &original.scenario).put_into(&canonical, scenario),
        layout: Layout::Canonical,
    })
}

/// The original text with the edits made; `None` where it cannot be followed.
fn edited_text(original: &FileText, scenario: &Scenario) -> Option<String> {
    // A byte order mark is kept, and not part of the RON.
    let (mark, text) = match original.text.strip_prefix('\u{feff}') {
        Some(rest) => ("\u{feff}", rest),
        None => ("", original.text.as_str()),
    };
    let before = scenario_to_ron(&original.scenario).ok()?;
    let after = scenario_to_ron(scenario).ok()?;
    let file = syntax::parse(text)?;
    let merger = Merger {
        file: text,
        before: &before,
        after: &after,
        unit: indent_unit(text, &file),
    };
    let value = merger.merge(&file, &syntax::parse(&before)?, &syntax::parse(&after)?)?;
    Some(format!(
        "{mark}{}{value}{}",
        text.get(..file.span.start)?,
        text.get(file.span.end..)?
    ))
}

/// One indentation step of the file, from its first field; four spaces if none.
fn indent_unit(text: &str, file: &Node) -> String {
    if let Shape::Group(group) = &file.shape
        && let Some(first) = group.entries.first()
    {
        let indent = indent_before(text, first.span.start);
        let outer = line_indent(text, group.open);
        if let Some(step) = indent.strip_prefix(outer)
            && !step.is_empty()
        {
            return step.to_owned();
        }
    }
    "    ".to_owned()
}
