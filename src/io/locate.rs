//! Finds where each field of a RON file is written, so that a problem found after
//! parsing ("staff[1].fte must not be negative") can point at a line and column,
//! and a parse error at a position can name the field it is in.
//!
//! This is a small, forgiving scanner over RON's tokens, not a second parser: on
//! text it does not understand it skips a token and carries on, and it never fails.

/// A place in a file: line and column, both counted from 1 (columns in characters),
/// as ron reports them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

#[derive(Clone, Debug, PartialEq)]
struct Entry {
    path: String,
    /// Just after the token before the value: the white space in front of a value
    /// belongs to it, as parsers report errors there.
    lead: Position,
    start: Position,
    end: Position,
}

/// Where every value in a file starts and ends, by its path (`staff[1].fte`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Locations {
    entries: Vec<Entry>,
    /// Single-token values (numbers, strings, names) by path, as byte ranges of the
    /// text; an enum variant's name is the leaf `path.kind`.
    leaves: Vec<(String, std::ops::Range<usize>)>,
}

/// Nesting deeper than this is skipped rather than followed (no stack overflow on
/// hostile input).
const MAX_DEPTH: usize = 64;

impl Locations {
    pub fn of(text: &str) -> Self {
        let tokens = tokenize(text);
        let mut scanner = Scanner {
            tokens: &tokens,
            next: 0,
            entries: Vec::new(),
            leaves: Vec::new(),
        };
        while scanner.next < tokens.len() {
            let before = scanner.next;
            scanner.value(String::new(), 0);
            if scanner.next == before {
                scanner.next += 1;
            }
        }
        Locations {
            entries: scanner.entries,
            leaves: scanner.leaves,
        }
    }

    /// Every single-token value with its path, in file order: `("staff[1].fte",
    /// "90.0")`. `text` must be the text these locations were made from.
    pub fn leaf_values<'t>(&self, text: &'t str) -> impl Iterator<Item = (&str, &'t str)> {
        self.leaves
            .iter()
            .filter_map(move |(path, range)| Some((path.as_str(), text.get(range.clone())?)))
    }

    /// Where the single-token value at `path` is written, as a byte range of the
    /// text; `None` if the file leaves it out or writes a group there.
    pub fn leaf_range(&self, path: &str) -> Option<std::ops::Range<usize>> {
        self.leaves
            .iter()
            .find(|(leaf, _)| leaf == path)
            .map(|(_, range)| range.clone())
    }

    /// Where the value at `path` starts; for a field the file leaves out, where its
    /// nearest enclosing value starts.
    pub fn find(&self, path: &str) -> Option<Position> {
        let mut path = path;
        loop {
            if let Some(entry) = self.entries.iter().find(|entry| entry.path == path) {
                return Some(entry.start);
            }
            path = parent(path)?;
        }
    }

    /// The path of the outermost value that starts on `line` (the field a line
    /// writes), if any value starts there.
    pub fn path_starting_on(&self, line: usize) -> Option<&str> {
        self.entries
            .iter()
            .filter(|entry| entry.start.line == line)
            .min_by_key(|entry| entry.start.column)
            .map(|entry| entry.path.as_str())
    }

    /// The path of the innermost value that contains `position`.
    pub fn path_at(&self, position: Position) -> Option<&str> {
        self.entries
            .iter()
            .filter(|entry| entry.lead < position && position <= entry.end)
            .max_by_key(|entry| entry.start)
            .map(|entry| entry.path.as_str())
            .filter(|path| !path.is_empty())
    }
}

/// `staff[1].fte -> staff[1] -> staff -> ""`; `None` above the top.
fn parent(path: &str) -> Option<&str> {
    if path.is_empty() {
        return None;
    }
    let cut = path.rfind(['.', '[']).unwrap_or(0);
    Some(&path[..cut])
}

#[derive(Clone, Debug, PartialEq)]
pub(super) enum Kind {
    Open,
    Close,
    Colon,
    Comma,
    Identifier(String),
    /// Strings, numbers, characters: a value in one token.
    Literal,
}

#[derive(Clone, Debug)]
pub(super) struct Token {
    pub(super) kind: Kind,
    start: Position,
    end: Position,
    pub(super) bytes: std::ops::Range<usize>,
}

struct Cursor<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
    position: Position,
    /// Byte offset of the next character.
    offset: usize,
}

impl Cursor<'_> {
    fn peek(&mut self) -> Option<char> {
        self.chars.peek().copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.chars.next()?;
        self.offset += c.len_utf8();
        if c == '\n' {
            self.position.line += 1;
            self.position.column = 1;
        } else {
            self.position.column += 1;
        }
        Some(c)
    }

    fn bump_while(&mut self, keep: impl Fn(char) -> bool) {
        while self.peek().is_some_and(&keep) {
            self.bump();
        }
    }

    /// A quoted string or character, the opening quote already taken.
    fn quoted(&mut self, quote: char) {
        while let Some(c) = self.bump() {
            if c == '\\' {
                self.bump();
            } else if c == quote {
                break;
            }
        }
    }

    /// A raw string `r##"..."##`, the `r` already taken.
    fn raw_string(&mut self) {
        let mut hashes = 0;
        while self.peek() == Some('#') {
            self.bump();
            hashes += 1;
        }
        if self.peek() != Some('"') {
            return;
        }
        self.bump();
        'outer: while let Some(c) = self.bump() {
            if c == '"' {
                for _ in 0..hashes {
                    if self.peek() != Some('#') {
                        continue 'outer;
                    }
                    self.bump();
                }
                break;
            }
        }
    }

    /// A block comment, `/*` already taken; block comments nest in RON.
    fn block_comment(&mut self) {
        let mut depth = 1;
        while let Some(c) = self.bump() {
            match (c, self.peek()) {
                ('*', Some('/')) => {
                    self.bump();
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                ('/', Some('*')) => {
                    self.bump();
                    depth += 1;
                }
                _ => {}
            }
        }
    }
}

/// The tokens of `text`, comments and white space left out.
pub(super) fn tokenize(text: &str) -> Vec<Token> {
    let mut cursor = Cursor {
        chars: text.chars().peekable(),
        position: Position { line: 1, column: 1 },
        offset: 0,
    };
    let mut tokens = Vec::new();
    while let Some(c) = cursor.peek() {
        let start = cursor.position;
        let start_offset = cursor.offset;
        cursor.bump();
        let kind = match c {
            c if c.is_whitespace() => continue,
            '/' if cursor.peek() == Some('/') => {
                cursor.bump_while(|c| c != '\n');
                continue;
            }
            '/' if cursor.peek() == Some('*') => {
                cursor.bump();
                cursor.block_comment();
                continue;
            }
            '(' | '[' | '{' => Kind::Open,
            ')' | ']' | '}' => Kind::Close,
            ':' => Kind::Colon,
            ',' => Kind::Comma,
            '"' | '\'' => {
                cursor.quoted(c);
                Kind::Literal
            }
            'r' if matches!(cursor.peek(), Some('"' | '#')) => {
                cursor.raw_string();
                Kind::Literal
            }
            'b' if cursor.peek() == Some('"') => {
                cursor.bump();
                cursor.quoted('"');
                Kind::Literal
            }
            c if c.is_ascii_digit() || c == '-' || c == '+' || c == '.' => {
                cursor.bump_while(|c| {
                    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '+' | '-')
                });
                Kind::Literal
            }
            c if c.is_alphabetic() || c == '_' => {
                let mut name = String::from(c);
                while let Some(next) = cursor
                    .peek()
                    .filter(|c| c.is_alphanumeric() || *c == '_' || *c == '#')
                {
                    name.push(next);
                    cursor.bump();
                }
                Kind::Identifier(name)
            }
            _ => Kind::Literal,
        };
        let mut end = cursor.position;
        end.column = end.column.saturating_sub(1).max(1);
        tokens.push(Token {
            kind,
            start,
            end,
            bytes: start_offset..cursor.offset,
        });
    }
    tokens
}

struct Scanner<'a> {
    tokens: &'a [Token],
    next: usize,
    entries: Vec<Entry>,
    leaves: Vec<(String, std::ops::Range<usize>)>,
}

impl Scanner<'_> {
    fn peek_kind(&self, ahead: usize) -> Option<&Kind> {
        self.tokens.get(self.next + ahead).map(|token| &token.kind)
    }

    /// Reads one value at `path` and records where it is.
    fn value(&mut self, path: String, depth: usize) {
        let Some(first) = self.tokens.get(self.next) else {
            return;
        };
        let start = first.start;
        let lead = match self
            .next
            .checked_sub(1)
            .and_then(|index| self.tokens.get(index))
        {
            Some(previous) => previous.end,
            None => Position { line: 1, column: 0 },
        };
        match (&first.kind, self.peek_kind(1)) {
            (Kind::Identifier(name), Some(Kind::Open)) => {
                let transparent = name == "Some";
                if !transparent {
                    self.leaves
                        .push((format!("{path}.kind"), first.bytes.clone()));
                }
                self.next += 2;
                if transparent {
                    self.value(path.clone(), depth + 1);
                    self.skip_to_close();
                } else {
                    self.bracketed(&path, depth);
                }
            }
            (Kind::Open, _) => {
                self.next += 1;
                self.bracketed(&path, depth);
            }
            (Kind::Close, _) => return,
            _ => {
                self.leaves.push((path.clone(), first.bytes.clone()));
                self.next += 1;
            }
        }
        let end = self
            .tokens
            .get(self.next.saturating_sub(1))
            .map_or(start, |token| token.end);
        self.entries.push(Entry {
            path,
            lead,
            start,
            end,
        });
    }

    /// The inside of `( )`, `[ ]` or `{ }`, up to and including its closing bracket: named
    /// fields (`name: value`) get `path.name`, anything else `path[index]`.
    fn bracketed(&mut self, path: &str, depth: usize) {
        if depth >= MAX_DEPTH {
            self.skip_to_close();
            return;
        }
        let mut index = 0;
        while let Some(kind) = self.peek_kind(0) {
            match kind {
                Kind::Close => {
                    self.next += 1;
                    return;
                }
                Kind::Comma => {
                    self.next += 1;
                    continue;
                }
                _ => {}
            }
            let before = self.next;
            if let (Some(Kind::Identifier(name)), Some(Kind::Colon)) =
                (self.peek_kind(0), self.peek_kind(1))
            {
                let child = if path.is_empty() {
                    name.clone()
                } else {
                    format!("{path}.{name}")
                };
                self.next += 2;
                self.value(child, depth + 1);
            } else {
                let child = format!("{path}[{index}]");
                index += 1;
                self.value(child, depth + 1);
                // A map's `key: value`: the value belongs to the same entry.
                if self.peek_kind(0) == Some(&Kind::Colon) {
                    self.next += 1;
                    let child = format!("{path}[{}]", index - 1);
                    self.value(child, depth + 1);
                }
            }
            if self.next == before {
                self.next += 1;
            }
        }
    }

    /// Skips to just past the bracket that closes the current one.
    fn skip_to_close(&mut self) {
        let mut open = 1usize;
        while let Some(kind) = self.peek_kind(0).cloned() {
            self.next += 1;
            match kind {
                Kind::Open => open += 1,
                Kind::Close => {
                    open -= 1;
                    if open == 0 {
                        return;
                    }
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r#"// A comment (with brackets [
(
    version: 1,
    name: "Test (one)",
    staff: [
        (id: "a", fte: 10.0),
        (
            id: "b",
            fte: -3.0, /* nested /* comment */ */
        ),
    ],
    interventions: [
        (label: "x", action: Recruit(group: "b", extra_fte: 5.0)),
    ],
    placements: (in_house_foster_places: Some(40.0)),
)
"#;

    #[test]
    fn finds_fields_by_path() {
        let locations = Locations::of(TEXT);
        assert_eq!(
            locations.find("version"),
            Some(Position {
                line: 3,
                column: 14
            })
        );
        assert_eq!(
            locations.find("staff[1].fte"),
            Some(Position {
                line: 9,
                column: 18
            })
        );
        assert_eq!(
            locations.find("staff[0]"),
            Some(Position { line: 6, column: 9 })
        );
        assert_eq!(
            locations.find("interventions[0].action.extra_fte"),
            Some(Position {
                line: 13,
                column: 61
            })
        );
        assert_eq!(
            locations.find("placements.in_house_foster_places"),
            Some(Position {
                line: 15,
                column: 47
            })
        );
        // A field left out points at its enclosing value.
        assert_eq!(
            locations.find("staff[0].caseload_cap"),
            Some(Position { line: 6, column: 9 })
        );
    }

    #[test]
    fn names_the_field_at_a_position() {
        let locations = Locations::of(TEXT);
        assert_eq!(
            locations.path_at(Position {
                line: 9,
                column: 19
            }),
            Some("staff[1].fte")
        );
        assert_eq!(
            locations.path_at(Position { line: 8, column: 1 }),
            Some("staff[1]")
        );
    }

    #[test]
    fn lists_single_values_with_their_paths() {
        let locations = Locations::of(TEXT);
        let leaves: Vec<(&str, &str)> = locations.leaf_values(TEXT).collect();
        assert!(leaves.contains(&("version", "1")));
        assert!(leaves.contains(&("name", "\"Test (one)\"")));
        assert!(leaves.contains(&("staff[1].fte", "-3.0")));
        assert!(leaves.contains(&("interventions[0].action.kind", "Recruit")));
        assert!(leaves.contains(&("interventions[0].action.extra_fte", "5.0")));
        assert!(leaves.contains(&("placements.in_house_foster_places", "40.0")));
    }

    #[test]
    fn survives_broken_and_hostile_text() {
        for text in [
            "",
            "(",
            ")))",
            "(a: [1, 2, (b: ",
            "\"unterminated",
            "r##\"raw",
            "/* unclosed",
            &"[".repeat(100_000),
            &"(a:".repeat(10_000),
        ] {
            let _ = Locations::of(text).find("a.b");
        }
    }
}
