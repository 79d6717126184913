//! Comments in a scenario file, kept when a save cannot keep the file's own
//! layout (`keep_layout.rs` keeps them, and everything else, whenever it can). Each
//! comment is tied to the field it stands above or beside, by the field's path with
//! list items named (`interventions["+115 social workers"].label`), and put back
//! above or beside the same field in the canonical text. A comment moves with its
//! staff group or intervention when the list is reordered, and goes when its field
//! goes.

use super::locate::Locations;
use crate::model::{Scenario, fields};

/// The comments of one file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FileComments {
    /// Comment lines before the scenario's opening bracket.
    header: Vec<String>,
    /// Comment lines above a field, by the field's named path.
    above: Vec<(String, Vec<String>)>,
    /// A comment at the end of a field's line, by the field's named path.
    beside: Vec<(String, String)>,
}

/// One line of a file exactly as written, split into its code and its comment.
struct Line<'t> {
    text: &'t str,
    /// `"\n"`, or `""` for a last line without one. Unlike `str::lines`, a
    /// carriage return stays in `text`: inside quotes it is part of the text.
    line_break: &'t str,
    code: &'t str,
    /// From `//`, outside quotes (a text in quotes may run over several lines).
    comment: Option<&'t str>,
}

/// The lines of `text`, each split into its code and its comment.
fn lines(text: &str) -> impl Iterator<Item = Line<'_>> {
    let mut in_string = false;
    text.split_inclusive('\n').map(move |piece| {
        let (text, line_break) = piece
            .strip_suffix('\n')
            .map_or((piece, ""), |line| (line, "\n"));
        let (code, comment, still_in_string) = split_comment(text, in_string);
        in_string = still_in_string;
        Line {
            text,
            line_break,
            code,
            comment,
        }
    })
}

/// Splits a line into its code and its comment, starting inside a quoted text if
/// `in_string`; also says whether the line ends inside one.
fn split_comment(line: &str, mut in_string: bool) -> (&str, Option<&str>, bool) {
    let mut escaped = false;
    let mut previous_slash = false;
    for (index, character) in line.char_indices() {
        if in_string {
            match character {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match character {
            '"' => in_string = true,
            '/' if previous_slash => {
                return (&line[..index - 1], Some(&line[index - 1..]), false);
            }
            _ => {}
        }
        previous_slash = character == '/';
    }
    (line, None, in_string)
}

/// The named path of the field written on `line`, if one starts there.
fn field_on(locations: &Locations, scenario: &Scenario, line: usize) -> Option<String> {
    locations
        .path_starting_on(line)
        .filter(|path| !path.is_empty())
        .map(|path| fields::named_path(scenario, path))
}

impl FileComments {
    /// The comments of `text`, the file `scenario` was read from.
    pub fn of(text: &str, scenario: &Scenario) -> Self {
        let locations = Locations::of(text);
        let mut comments = FileComments::default();
        let mut pending: Vec<String> = Vec::new();
        let mut seen_code = false;
        for (index, Line { code, comment, .. }) in lines(text).enumerate() {
            if code.trim().is_empty() {
                if let Some(comment) = comment {
                    let comment = comment.trim_end().to_owned();
                    if seen_code {
                        pending.push(comment);
                    } else {
                        comments.header.push(comment);
                    }
                }
                continue;
            }
            seen_code = true;
            match field_on(&locations, scenario, index + 1) {
                Some(field) => {
                    if !pending.is_empty() {
                        comments
                            .above
                            .push((field.clone(), std::mem::take(&mut pending)));
                    }
                    if let Some(comment) = comment {
                        comments.beside.push((field, comment.trim_end().to_owned()));
                    }
                }
                // A closing bracket's comment goes with the next field.
                None => pending.extend(comment.map(|comment| comment.trim_end().to_owned())),
            }
        }
        comments
    }

    pub fn is_empty(&self) -> bool {
        self.header.is_empty() && self.above.is_empty() && self.beside.is_empty()
    }

    /// `text`, as the program writes `scenario`, with these comments put back
    /// above and beside their fields. Comments whose field has gone are left out.
    pub fn put_into(&self, text: &str, scenario: &Scenario) -> String {
        if self.is_empty() {
            return text.to_owned();
        }
        let locations = Locations::of(text);
        let mut above_used = vec![false; self.above.len()];
        let mut beside_used = vec![false; self.beside.len()];
        let mut out = String::with_capacity(text.len() * 2);
        for line in &self.header {
            out.push_str(line);
            out.push('\n');
        }
        let mut seen_code = false;
        for (
            index,
            Line {
                text: line,
                line_break,
                code,
                ..
            },
        ) in lines(text).enumerate()
        {
            if code.trim().is_empty() {
                // The program's own header gives way to the file's.
                if seen_code || self.header.is_empty() {
                    out.push_str(line);
                    out.push_str(line_break);
                }
                continue;
            }
            seen_code = true;
            let mut line = line.to_owned();
            if let Some(field) = field_on(&locations, scenario, index + 1) {
                let indent: String = line.chars().take_while(|c| c.is_whitespace()).collect();
                if let Some(found) = unused(&self.above, &above_used, &field) {
                    above_used[found] = true;
                    for comment in &self.above[found].1 {
                        out.push_str(&indent);
                        out.push_str(comment);
                        out.push('\n');
                    }
                }
                if let Some(found) = unused(&self.beside, &beside_used, &field) {
                    beside_used[found] = true;
                    line.push(' ');
                    line.push_str(&self.beside[found].1);
                }
            }
            out.push_str(&line);
            out.push_str(line_break);
        }
        out
    }
}

/// The first entry for `field` not used yet.
fn unused<T>(entries: &[(String, T)], used: &[bool], field: &str) -> Option<usize> {
    entries
        .iter()
        .zip(used)
        .position(|((path, _), used)| !used && path == field)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_found_outside_quotes_only() {
        let text = [
            r#"a: 1, // one"#,
            r#"name: "http://x", // link"#,
            r#"b: "a \" // b""#,
            r#"// all"#,
            r#"notes: "two"#,
            r#"lines // not a comment", // after"#,
        ]
        .join("\n");
        let lines: Vec<_> = lines(&text).map(|line| (line.code, line.comment)).collect();
        assert_eq!(lines[0], ("a: 1, ", Some("// one")));
        assert_eq!(lines[1], (r#"name: "http://x", "#, Some("// link")));
        assert_eq!(lines[2].1, None);
        assert_eq!(lines[3], ("", Some("// all")));
        assert_eq!(lines[4], (r#"notes: "two"#, None));
        assert_eq!(lines[5], (r#"lines // not a comment", "#, Some("// after")));
    }
}
