//! The scenario's text: the program's own layout with each comment written on the
//! lines above the field it explains, wrapped to be read in an editor.

use crate::io::locate::Locations;

/// Comment lines are wrapped to this many characters (indent included).
const WIDTH: usize = 92;

/// `body` (RON) with each `(path, comment)` written above the line where `path`'s
/// value starts; comments whose field is not in the text are left out.
pub fn with_comments(body: &str, comments: &[(String, String)]) -> String {
    let locations = Locations::of(body);
    let lines: Vec<&str> = body.lines().collect();
    let mut above: Vec<Vec<String>> = vec![Vec::new(); lines.len() + 1];
    for (path, comment) in comments {
        let Some(position) = locations.find(path) else {
            continue;
        };
        // `find` falls back to an enclosing value; only an exact field gets one.
        if Some(position) == parent_position(&locations, path) {
            continue;
        }
        let index = position.line.saturating_sub(1).min(lines.len());
        above[index].push(comment.clone());
    }
    let mut text = String::with_capacity(body.len() * 2);
    for (index, line) in lines.iter().enumerate() {
        let indent: String = line.chars().take_while(|c| *c == ' ').collect();
        for comment in &above[index] {
            for wrapped in wrap(comment, WIDTH.saturating_sub(indent.len() + 3).max(40)) {
                text.push_str(&format!("{indent}// {wrapped}\n"));
            }
        }
        text.push_str(line);
        text.push('\n');
    }
    text
}

fn parent_position(locations: &Locations, path: &str) -> Option<crate::io::locate::Position> {
    let cut = path.rfind(['.', '['])?;
    locations.find(&path[..cut])
}

/// `text` in lines of at most `width` characters, broken at spaces.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_comments_wrap_at_spaces() {
        assert_eq!(wrap("one two three", 7), vec!["one two", "three"]);
        assert_eq!(wrap("", 7), Vec::<String>::new());
    }

    #[test]
    fn a_comment_goes_above_its_field_at_its_indent() {
        let body = "(\n    demand: (\n        looked_after: 5.0,\n    ),\n)\n";
        let text = with_comments(
            body,
            &[
                ("demand.looked_after".to_owned(), "Five.".to_owned()),
                ("demand.missing".to_owned(), "Left out.".to_owned()),
            ],
        );
        assert_eq!(
            text,
            "(\n    demand: (\n        // Five.\n        looked_after: 5.0,\n    ),\n)\n"
        );
    }
}
