//! Writing a group of the file with its entries changed: kept entries keep their
//! own text, new ones are written in their neighbours' style.

use std::ops::Range;

use super::super::syntax::{Entry, Group, Node, Shape};
use super::merge::{Merger, Piece};

/// The white space from the start of `at`'s line to `at`, if only white space is there.
pub(super) fn indent_before(text: &str, at: usize) -> &str {
    let start = line_start(text, at);
    let before = &text[start..at];
    if before.chars().all(|c| c == ' ' || c == '\t') {
        before
    } else {
        line_indent(text, at)
    }
}

/// The leading white space of the line `at` is on.
pub(super) fn line_indent(text: &str, at: usize) -> &str {
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

impl Merger<'_> {
    /// Writes a group of the file with its entries now `pieces`.
    pub(super) fn write_group(
        &self,
        node: &Node,
        group: &Group,
        pieces: Vec<Piece>,
    ) -> Option<String> {
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
            return self.fill_empty(node, group, &pieces);
        }
        match self.line_chunks(group) {
            Some((first, chunks)) => self.write_lines(node, group, &pieces, first, &chunks),
            None => Some(self.write_inline(node, group, &pieces)),
        }
    }

    /// A group the file writes empty, now with entries: what was inside it (white
    /// space, comments) stays; the entries go on lines of their own above the
    /// closing bracket if it has a line of its own, else straight after the
    /// opening bracket.
    fn fill_empty(&self, node: &Node, group: &Group, pieces: &[Piece]) -> Option<String> {
        let text = self.file;
        let closing_line = line_start(text, group.close);
        let mut out = String::new();
        if closing_line > group.open && text[closing_line..group.close].trim().is_empty() {
            let indent = format!("{}{}", line_indent(text, group.close), self.unit);
            out.push_str(text.get(node.span.start..closing_line)?);
            for piece in pieces {
                let Piece::New { key, value } = piece else {
                    return None;
                };
                out.push_str(&indent);
                if let Some(key) = key {
                    out.push_str(key);
                    out.push_str(": ");
                }
                out.push_str(&self.pretty(value, &indent));
                out.push_str(",\n");
            }
            out.push_str(text.get(closing_line..node.span.end)?);
            return Some(out);
        }
        out.push_str(text.get(node.span.start..group.open + 1)?);
        let entries: Vec<String> = pieces
            .iter()
            .map(|piece| match piece {
                Piece::New {
                    key: Some(key),
                    value,
                } => format!("{key}: {}", self.compact(value)),
                Piece::New { key: None, value } => self.compact(value),
                Piece::Kept { text, .. } => text.clone(),
            })
            .collect();
        out.push_str(&entries.join(", "));
        out.push_str(text.get(group.open + 1..node.span.end)?);
        Some(out)
    }

    /// Where each entry's lines are, when every entry starts on a line of its own
    /// and ends its line (with its comma and comment): from the line after the
    /// one before, so comment lines above an entry belong to it. Also where the
    /// first entry's lines start.
    pub(super) fn line_chunks(&self, group: &Group) -> Option<(usize, Vec<Range<usize>>)> {
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
        // After the last entry's line, only blank lines and comments: a comma
        // there (`]\n,)`) would end up after an entry added at the end.
        let rest = text.get(start..group.close)?;
        let blank = |line: &str| {
            let code = line.find("//").map_or(line, |comment| &line[..comment]);
            code.trim().is_empty()
        };
        if rest.contains("/*") || !rest.lines().all(blank) {
            return None;
        }
        Some((first, chunks))
    }

    /// A group whose entries have lines of their own: kept entries keep their lines
    /// (comments above and beside included), new ones get lines like their
    /// neighbours'.
    pub(super) fn write_lines(
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
                    index, text: kept, ..
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
    pub(super) fn neighbour<'g>(&self, group: &'g Group, pieces: &[Piece], at: usize) -> &'g Entry {
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
    pub(super) fn write_inline(&self, node: &Node, group: &Group, pieces: &[Piece]) -> String {
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
        // Between two entries that were neighbours, the file's own separator;
        // next to an entry that moved or is new, the separator it had after it
        // (or before it), so that an entry added between two is the only change.
        let index = |piece: &Piece| match piece {
            Piece::Kept { index, .. } => Some(*index),
            Piece::New { .. } => None,
        };
        let separator = |before: Option<usize>, after: Option<usize>| {
            let found = match (before, after) {
                (Some(before), Some(after)) if after == before + 1 => separators.get(before),
                (Some(before), _) => separators
                    .get(before)
                    .or(separators.get(before.wrapping_sub(1))),
                (None, Some(after)) => separators
                    .get(after.wrapping_sub(1))
                    .or(separators.get(after)),
                (None, None) => separators.first(),
            };
            found.copied().unwrap_or(", ")
        };
        let mut out = lead.to_owned();
        for (at, piece) in pieces.iter().enumerate() {
            if at > 0 {
                out.push_str(separator(index(&pieces[at - 1]), index(piece)));
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
    pub(super) fn replacement(&self, file: &Node, now: &Node) -> String {
        let was = &self.file[file.span.clone()];
        let was_filled_group =
            matches!(&file.shape, Shape::Group(group) if !group.entries.is_empty());
        if was_filled_group && !was.contains('\n') {
            self.compact(now)
        } else {
            self.pretty(now, line_indent(self.file, file.span.start))
        }
    }

    /// A new value on one line.
    pub(super) fn compact(&self, node: &Node) -> String {
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
    pub(super) fn pretty(&self, node: &Node, indent: &str) -> String {
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
