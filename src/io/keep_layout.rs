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

use std::ops::Range;

use super::FileProblem;
use super::comments::FileComments;
use super::scenario_file::{SaveError, parse_scenario, read_unchecked, scenario_to_ron};
use super::syntax::{self, Entry, Group, Node, Shape};
use crate::model::Scenario;

/// The text of a scenario file and the scenario it reads as, kept so that saving
/// can change only what was edited.
#[derive(Clone, Debug, PartialEq)]
pub struct FileText {
    text: String,
    scenario: Scenario,
}

impl FileText {
    /// Reads and checks `text`, keeping it for saving.
    pub fn read(text: &str) -> Result<(Scenario, FileText), Vec<FileProblem>> {
        let scenario = parse_scenario(text)?;
        Ok((scenario.clone(), FileText::new(text.to_owned(), scenario)))
    }

    /// `scenario` must be what `text` reads as.
    pub(super) fn new(text: String, scenario: Scenario) -> Self {
        Self { text, scenario }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Whether the text can be followed value by value, so that saves keep its
    /// layout (a file that reads as a scenario nearly always can).
    pub fn keeps_layout(&self) -> bool {
        syntax::parse(&self.text).is_some()
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
    let before = scenario_to_ron(&original.scenario).ok()?;
    let after = scenario_to_ron(scenario).ok()?;
    let file = syntax::parse(&original.text)?;
    let merger = Merger {
        file: &original.text,
        before: &before,
        after: &after,
        unit: indent_unit(&original.text, &file),
    };
    let value = merger.merge(&file, &syntax::parse(&before)?, &syntax::parse(&after)?)?;
    let text = &original.text;
    Some(format!(
        "{}{value}{}",
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

/// The white space from the start of `at`'s line to `at`, if only white space is there.
fn indent_before(text: &str, at: usize) -> &str {
    let start = line_start(text, at);
    let before = &text[start..at];
    if before.chars().all(|c| c == ' ' || c == '\t') {
        before
    } else {
        line_indent(text, at)
    }
}

/// The leading white space of the line `at` is on.
fn line_indent(text: &str, at: usize) -> &str {
    let start = line_start(text, at);
    let line = &text[start..];
    let length = line.len() - line.trim_start_matches([' ', '\t']).len();
    &line[..length]
}

fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind('\n').map_or(0, |newline| newline + 1)
}

/// Just past the end of the line an entry ending at `end` is on, if the rest of
/// that line holds at most a comma and a `//` comment.
fn end_of_entry_line(text: &str, end: usize) -> Option<usize> {
    let rest = &text[end..];
    let mut after = rest.trim_start_matches([' ', '\t', '\r']);
    if let Some(comma) = after.strip_prefix(',') {
        after = comma.trim_start_matches([' ', '\t', '\r']);
    }
    let newline = if after.starts_with("//") {
        after.find('\n')?
    } else if after.starts_with('\n') {
        0
    } else {
        return None;
    };
    Some(end + (rest.len() - after.len()) + newline + 1)
}

/// The name an item of a list goes by, if it has one: a staff group's id, an
/// intervention's label, a budget's year, a grant's name.
fn item_name<'t>(text: &'t str, item: &Node) -> Option<&'t str> {
    let Shape::Group(group) = &item.shape else {
        return None;
    };
    group.entries.iter().find_map(|entry| {
        let named = matches!(entry.key.as_deref(), Some("id" | "label" | "year" | "name"));
        (named && matches!(entry.value.shape, Shape::Leaf)).then(|| &text[entry.value.span.clone()])
    })
}

/// Strips a `Some( )` around a value.
fn inside_some(node: &Node) -> &Node {
    match &node.shape {
        Shape::Some(inner) => inside_some(inner),
        _ => node,
    }
}

/// One entry of a group as it will be written.
enum Piece<'n> {
    /// Entry `index` of the file's group, its text with any edits.
    Kept {
        index: usize,
        key: Option<&'n str>,
        text: String,
    },
    /// An entry that is new, written from the canonical text.
    New {
        key: Option<&'n str>,
        value: &'n Node,
    },
}

impl Piece<'_> {
    fn key(&self) -> Option<&str> {
        match self {
            Piece::Kept { key, .. } | Piece::New { key, .. } => *key,
        }
    }
}

/// Compares the scenario as it was (`before`) with as it is (`after`), both in
/// the canonical layout, and writes the changes into the file's own text.
struct Merger<'t> {
    file: &'t str,
    before: &'t str,
    after: &'t str,
    unit: String,
}

impl Merger<'_> {
    /// The text for `file` (a value of the file, written as `was` in `before`)
    /// now that it is `now` (in `after`).
    fn merge(&self, file: &Node, was: &Node, now: &Node) -> Option<String> {
        if self.before.get(was.span.clone())? == self.after.get(now.span.clone())? {
            return Some(self.file[file.span.clone()].to_owned());
        }
        let is_none = |text: &str, node: &Node| &text[node.span.clone()] == "None";
        if is_none(self.before, was) || is_none(self.after, now) {
            return Some(self.replacement(file, now));
        }
        let (file, was, now) = (inside_some(file), inside_some(was), inside_some(now));
        let (Shape::Group(in_file), Shape::Group(group_was), Shape::Group(group_now)) =
            (&file.shape, &was.shape, &now.shape)
        else {
            return Some(self.replacement(file, now));
        };
        let name = |text: &str, group: &Group| group.name.clone().map(|name| text[name].to_owned());
        if group_was.bracket != group_now.bracket
            || name(self.before, group_was) != name(self.after, group_now)
        {
            return Some(self.replacement(file, now));
        }
        // The file must write the same kind of group as the canonical text.
        if in_file.bracket != group_was.bracket
            || (group_was.name.is_some() && name(self.file, in_file) != name(self.before, group_was))
        {
            return None;
        }
        let pieces = if group_was.has_keys() || group_now.has_keys() {
            self.merge_fields(in_file, group_was, group_now)?
        } else {
            if in_file.has_keys() || in_file.entries.len() != group_was.entries.len() {
                return None;
            }
            if in_file.entries.is_empty() {
                return Some(self.replacement(file, now));
            }
            self.merge_items(in_file, group_was, group_now)?
        };
        self.write_group(file, in_file, pieces)
    }

    /// The fields of a struct: kept in the file's order, those removed left out,
    /// new ones after the field they follow in the canonical order.
    fn merge_fields<'n>(
        &self,
        in_file: &Group,
        was: &Group,
        now: &'n Group,
    ) -> Option<Vec<Piece<'n>>> {
        let field = |group: &'n Group, key: &str| -> Option<&'n Entry> {
            group
                .entries
                .iter()
                .find(|entry| entry.key.as_deref() == Some(key))
        };
        let mut pieces = Vec::new();
        for (index, entry) in in_file.entries.iter().enumerate() {
            let key = entry.key.as_deref()?;
            if in_file.entries[..index]
                .iter()
                .any(|earlier| earlier.key.as_deref() == Some(key))
            {
                return None;
            }
            let before_value = self.file.get(entry.span.start..entry.value.span.start)?;
            let was_entry = was
                .entries
                .iter()
                .find(|candidate| candidate.key.as_deref() == Some(key));
            let Some(now_entry) = field(now, key) else {
                if was_entry.is_some() {
                    continue; // removed
                }
                // Written in the file where the canonical layout leaves it out.
                pieces.push(Piece::Kept {
                    index,
                    key: None,
                    text: self.file[entry.span.clone()].to_owned(),
                });
                continue;
            };
            let value = match was_entry {
                Some(was_entry) => self.merge(&entry.value, &was_entry.value, &now_entry.value)?,
                None => self.replacement(&entry.value, &now_entry.value),
            };
            pieces.push(Piece::Kept {
                index,
                key: now_entry.key.as_deref(),
                text: format!("{before_value}{value}"),
            });
        }
        for (position, now_entry) in now.entries.iter().enumerate() {
            let key = now_entry.key.as_deref()?;
            if in_file
                .entries
                .iter()
                .any(|entry| entry.key.as_deref() == Some(key))
            {
                continue; // written in the file: merged above
            }
            // Left out of the file, and still what it was: stays left out.
            if let Some(was_entry) = was
                .entries
                .iter()
                .find(|entry| entry.key.as_deref() == Some(key))
                && self.before.get(was_entry.value.span.clone())?
                    == self.after.get(now_entry.value.span.clone())?
            {
                continue;
            }
            let after_index = now.entries[..position].iter().rev().find_map(|earlier| {
                pieces
                    .iter()
                    .position(|piece| piece.key().is_some() && piece.key() == earlier.key.as_deref())
            });
            let at = after_index.map_or(0, |index| index + 1);
            pieces.insert(
                at,
                Piece::New {
                    key: Some(key),
                    value: &now_entry.value,
                },
            );
        }
        Some(pieces)
    }

    /// The items of a list in their new order: each matched with the item it was,
    /// by name where items have names, else by text and position.
    fn merge_items<'n>(
        &self,
        in_file: &Group,
        was: &Group,
        now: &'n Group,
    ) -> Option<Vec<Piece<'n>>> {
        let matches = self.match_items(was, now);
        let mut pieces = Vec::with_capacity(now.entries.len());
        for (now_entry, matched) in now.entries.iter().zip(matches) {
            pieces.push(match matched {
                Some(index) => Piece::Kept {
                    index,
                    key: None,
                    text: self.merge(
                        &in_file.entries.get(index)?.value,
                        &was.entries.get(index)?.value,
                        &now_entry.value,
                    )?,
                },
                None => Piece::New {
                    key: None,
                    value: &now_entry.value,
                },
            });
        }
        Some(pieces)
    }

    /// For each item of `now`, the item of `was` it is.
    fn match_items(&self, was: &Group, now: &Group) -> Vec<Option<usize>> {
        let names_was: Vec<_> = was
            .entries
            .iter()
            .map(|entry| item_name(self.before, &entry.value))
            .collect();
        let names_now: Vec<_> = now
            .entries
            .iter()
            .map(|entry| item_name(self.after, &entry.value))
            .collect();
        let once = |names: &[Option<&str>], name: &str| {
            names.iter().filter(|other| **other == Some(name)).count() == 1
        };
        let mut matches: Vec<Option<usize>> = vec![None; now.entries.len()];
        let mut taken = vec![false; was.entries.len()];
        for (slot, name) in matches.iter_mut().zip(&names_now) {
            let Some(name) = name else { continue };
            if once(&names_now, name) && once(&names_was, name) {
                let index = names_was.iter().position(|other| *other == Some(*name));
                if let Some(index) = index {
                    *slot = Some(index);
                    taken[index] = true;
                }
            }
        }
        let rest_was: Vec<usize> = (0..was.entries.len()).filter(|i| !taken[*i]).collect();
        let rest_now: Vec<usize> = (0..now.entries.len())
            .filter(|j| matches[*j].is_none())
            .collect();
        let text_was = |i: usize| &self.before[was.entries[i].value.span.clone()];
        let text_now = |j: usize| &self.after[now.entries[j].value.span.clone()];
        for (a, b) in pair_in_order(&rest_was, &rest_now, |i, j| text_was(i) == text_now(j)) {
            matches[b] = Some(a);
        }
        matches
    }

    /// Writes a group of the file with its entries now `pieces`.
    fn write_group(&self, node: &Node, group: &Group, pieces: Vec<Piece>) -> Option<String> {
        let text = self.file;
        let unchanged_order = pieces.len() == group.entries.len()
            && pieces
                .iter()
                .enumerate()
                .all(|(at, piece)| matches!(piece, Piece::Kept { index, .. } if *index == at));
        if unchanged_order {
            let mut out = String::new();
            let mut copied_to = node.span.start;
            for (piece, entry) in pieces.iter().zip(&group.entries) {
                out.push_str(text.get(copied_to..entry.span.start)?);
                if let Piece::Kept { text: kept, .. } = piece {
                    out.push_str(kept);
                }
                copied_to = entry.span.end;
            }
            out.push_str(text.get(copied_to..node.span.end)?);
            return Some(out);
        }
        if pieces.is_empty() {
            return Some(format!(
                "{}{}",
                text.get(node.span.start..group.open + 1)?,
                text.get(group.close..node.span.end)?
            ));
        }
        if group.entries.is_empty() {
            return Some(self.write_inline(node, group, &pieces));
        }
        match self.line_chunks(group) {
            Some((first, chunks)) => self.write_lines(node, group, &pieces, first, &chunks),
            None => Some(self.write_inline(node, group, &pieces)),
        }
    }

    /// Where each entry's lines are, when every entry starts on a line of its own
    /// and ends its line (with its comma and comment): from the line after the
    /// one before, so comment lines above an entry belong to it. Also where the
    /// first entry's lines start.
    fn line_chunks(&self, group: &Group) -> Option<(usize, Vec<Range<usize>>)> {
        let text = self.file;
        let after_open = &text[group.open + 1..];
        let rest = after_open.trim_start_matches([' ', '\t', '\r']);
        let first = if rest.starts_with("//") || rest.starts_with('\n') {
            group.open + 1 + (after_open.len() - rest.len()) + rest.find('\n')? + 1
        } else {
            return None;
        };
        let mut start = first;
        let mut chunks = Vec::with_capacity(group.entries.len());
        for entry in &group.entries {
            let line = line_start(text, entry.span.start);
            if line < start || !text[line..entry.span.start].trim().is_empty() {
                return None;
            }
            let end = end_of_entry_line(text, entry.span.end)?;
            if end > group.close {
                return None;
            }
            chunks.push(start..end);
            start = end;
        }
        Some((first, chunks))
    }

    /// A group whose entries have lines of their own: kept entries keep their lines
    /// (comments above and beside included), new ones get lines like their
    /// neighbours'.
    fn write_lines(
        &self,
        node: &Node,
        group: &Group,
        pieces: &[Piece],
        first: usize,
        chunks: &[Range<usize>],
    ) -> Option<String> {
        let text = self.file;
        let mut out = text.get(node.span.start..first)?.to_owned();
        for (at, piece) in pieces.iter().enumerate() {
            let last = at + 1 == pieces.len();
            match piece {
                Piece::Kept {
                    index,
                    text: kept,
                    ..
                } => {
                    let (chunk, entry) = (chunks.get(*index)?, group.entries.get(*index)?);
                    out.push_str(text.get(chunk.start..entry.span.start)?);
                    out.push_str(kept);
                    let after = text.get(entry.span.end..chunk.end)?;
                    if !last && !after.trim_start().starts_with(',') {
                        out.push(',');
                    }
                    out.push_str(after);
                }
                Piece::New { key, value } => {
                    let neighbour = self.neighbour(group, pieces, at);
                    let indent = indent_before(text, neighbour.span.start);
                    let one_line = !text[neighbour.value.span.clone()].contains('\n');
                    let written = if one_line && matches!(value.shape, Shape::Group(_)) {
                        self.compact(value)
                    } else {
                        self.pretty(value, indent)
                    };
                    out.push_str(indent);
                    if let Some(key) = key {
                        out.push_str(key);
                        out.push_str(": ");
                    }
                    out.push_str(&written);
                    out.push_str(",\n");
                }
            }
        }
        let last_chunk = chunks.last()?;
        out.push_str(text.get(last_chunk.end..node.span.end)?);
        Some(out)
    }

    /// The entry of the file a new entry at `at` takes its style from: the kept
    /// one before it, else the one after, else the first.
    fn neighbour<'g>(&self, group: &'g Group, pieces: &[Piece], at: usize) -> &'g Entry {
        let kept = |piece: &Piece| match piece {
            Piece::Kept { index, .. } => group.entries.get(*index),
            Piece::New { .. } => None,
        };
        pieces[..at]
            .iter()
            .rev()
            .find_map(kept)
            .or_else(|| pieces[at..].iter().find_map(kept))
            .unwrap_or(&group.entries[0])
    }

    /// A group written on one line (or not one entry a line): entries joined by
    /// the file's own separators.
    fn write_inline(&self, node: &Node, group: &Group, pieces: &[Piece]) -> String {
        let text = self.file;
        let (lead, trail) = match (group.entries.first(), group.entries.last()) {
            (Some(first), Some(last)) => (
                &text[node.span.start..first.span.start],
                &text[last.span.end..node.span.end],
            ),
            _ => (
                &text[node.span.start..group.open + 1],
                &text[group.close..node.span.end],
            ),
        };
        let separators: Vec<&str> = group
            .entries
            .windows(2)
            .map(|pair| &text[pair[0].span.end..pair[1].span.start])
            .collect();
        let mut out = lead.to_owned();
        for (at, piece) in pieces.iter().enumerate() {
            if at > 0 {
                out.push_str(
                    separators
                        .get(at - 1)
                        .or(separators.last())
                        .copied()
                        .unwrap_or(", "),
                );
            }
            match piece {
                Piece::Kept { text: kept, .. } => out.push_str(kept),
                Piece::New { key, value } => {
                    if let Some(key) = key {
                        out.push_str(key);
                        out.push_str(": ");
                    }
                    out.push_str(&self.compact(value));
                }
            }
        }
        out.push_str(trail);
        out
    }

    /// A value of the file replaced whole by its new value: on one line if it was
    /// on one line, else laid out over lines at its indentation.
    fn replacement(&self, file: &Node, now: &Node) -> String {
        let was = &self.file[file.span.clone()];
        let was_filled_group = matches!(&file.shape, Shape::Group(group) if !group.entries.is_empty());
        if was_filled_group && !was.contains('\n') {
            self.compact(now)
        } else {
            self.pretty(now, line_indent(self.file, file.span.start))
        }
    }

    /// A new value on one line.
    fn compact(&self, node: &Node) -> String {
        let text = self.after;
        match &node.shape {
            Shape::Leaf => text[node.span.clone()].to_owned(),
            Shape::Some(inner) => format!("Some({})", self.compact(inner)),
            Shape::Group(group) => {
                let name = group.name.clone().map_or("", |name| &text[name]);
                let entries: Vec<String> = group
                    .entries
                    .iter()
                    .map(|entry| match &entry.key {
                        Some(key) => format!("{key}: {}", self.compact(&entry.value)),
                        None => self.compact(&entry.value),
                    })
                    .collect();
                format!(
                    "{name}{}{}{}",
                    group.bracket,
                    entries.join(", "),
                    group.closing()
                )
            }
        }
    }

    /// A new value laid out as the canonical writer lays it out, indented from
    /// `indent` by the file's own step.
    fn pretty(&self, node: &Node, indent: &str) -> String {
        let text = self.after;
        let written = &text[node.span.clone()];
        match &node.shape {
            Shape::Group(group) if written.contains('\n') && !group.entries.is_empty() => {
                let name = group.name.clone().map_or("", |name| &text[name]);
                let inner = format!("{indent}{}", self.unit);
                let mut out = format!("{name}{}\n", group.bracket);
                for entry in &group.entries {
                    out.push_str(&inner);
                    if let Some(key) = &entry.key {
                        out.push_str(key);
                        out.push_str(": ");
                    }
                    out.push_str(&self.pretty(&entry.value, &inner));
                    out.push_str(",\n");
                }
                out.push_str(indent);
                out.push(group.closing());
                out
            }
            Shape::Some(inner) if written.contains('\n') => {
                format!("Some({})", self.pretty(inner, indent))
            }
            _ => written.to_owned(),
        }
    }
}

/// Pairs the items left unmatched, in order: the same text first (the longest
/// common run, for lists of a sensible size), then what lies between pairwise.
fn pair_in_order(
    was: &[usize],
    now: &[usize],
    same: impl Fn(usize, usize) -> bool,
) -> Vec<(usize, usize)> {
    const MAX_CELLS: usize = 1_000_000;
    let mut anchors = Vec::new();
    if was.len() != now.len() && was.len().saturating_mul(now.len()) <= MAX_CELLS {
        // Longest common subsequence by dynamic programming, from the end.
        let (n, m) = (was.len(), now.len());
        let mut lengths = vec![0u32; (n + 1) * (m + 1)];
        let cell = |i: usize, j: usize| i * (m + 1) + j;
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                lengths[cell(i, j)] = if same(was[i], now[j]) {
                    lengths[cell(i + 1, j + 1)] + 1
                } else {
                    lengths[cell(i + 1, j)].max(lengths[cell(i, j + 1)])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < n && j < m {
            if same(was[i], now[j]) {
                anchors.push((i, j));
                i += 1;
                j += 1;
            } else if lengths[cell(i + 1, j)] >= lengths[cell(i, j + 1)] {
                i += 1;
            } else {
                j += 1;
            }
        }
    }
    anchors.push((was.len(), now.len()));
    let mut pairs = Vec::new();
    let (mut from_was, mut from_now) = (0, 0);
    for (anchor_was, anchor_now) in anchors {
        let gap = (anchor_was - from_was).min(anchor_now - from_now);
        for offset in 0..gap {
            pairs.push((was[from_was + offset], now[from_now + offset]));
        }
        if anchor_was < was.len() && anchor_now < now.len() {
            pairs.push((was[anchor_was], now[anchor_now]));
        }
        from_was = anchor_was + 1;
        from_now = anchor_now + 1;
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_unchanged_items_then_the_rest_in_order() {
        let was = [0, 1, 2, 3];
        let now = [0, 1, 2];
        // Item 1 was removed: 0, 2 and 3 are the same text as now's 0, 1, 2.
        let text_was = ["a", "b", "c", "d"];
        let text_now = ["a", "c", "d"];
        let pairs = pair_in_order(&was, &now, |i, j| text_was[i] == text_now[j]);
        assert_eq!(pairs, [(0, 0), (2, 1), (3, 2)]);
        // Same length: pairwise.
        let pairs = pair_in_order(&[0, 1], &[0, 1], |_, _| false);
        assert_eq!(pairs, [(0, 0), (1, 1)]);
        // An item added between, with one edited.
        let text_now = ["a", "x", "b", "c", "e"];
        let pairs = pair_in_order(&was, &[0, 1, 2, 3, 4], |i, j| text_was[i] == text_now[j]);
        assert_eq!(pairs, [(0, 0), (1, 2), (2, 3), (3, 4)]);
    }
}
