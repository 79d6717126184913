//! A RON text as a tree of values with their byte ranges, so that a save can
//! rewrite one value and copy every other byte as it was. Strict where the
//! locator (`locate.rs`) is forgiving: text it does not fully understand gives
//! `None`, and the save falls back to the canonical layout.

use std::ops::Range;

use super::locate::{Kind, Token, tokenize};

/// One value as written.
#[derive(Clone, Debug)]
pub(super) struct Node {
    /// From its first byte to its last, `Some(` and names included.
    pub span: Range<usize>,
    pub shape: Shape,
}

#[derive(Clone, Debug)]
pub(super) enum Shape {
    /// One token: a number, a text, `true`, `None`, a variant without fields.
    Leaf,
    /// `Some(value)`; files may also leave `Some` out.
    Some(Box<Node>),
    /// `( )`, `[ ]` or `{ }`, maybe after a name (`Recruit(...)`).
    Group(Group),
}

#[derive(Clone, Debug)]
pub(super) struct Group {
    /// The name before the bracket (a variant's or a struct's), if written.
    pub name: Option<Range<usize>>,
    pub bracket: char,
    /// Where the opening and the closing bracket are.
    pub open: usize,
    pub close: usize,
    pub entries: Vec<Entry>,
}

#[derive(Clone, Debug)]
pub(super) struct Entry {
    /// The field name, for `name: value`; `None` for list items.
    pub key: Option<String>,
    /// From the field name (or the value) to the end of the value.
    pub span: Range<usize>,
    pub value: Node,
}

impl Group {
    pub fn closing(&self) -> char {
        match self.bracket {
            '[' => ']',
            '{' => '}',
            _ => ')',
        }
    }

    /// Whether its entries are named fields (a struct) rather than items.
    pub fn has_keys(&self) -> bool {
        self.entries.iter().any(|entry| entry.key.is_some())
    }
}

/// Deeper nesting than this is not a scenario; ron refuses it too.
const MAX_DEPTH: usize = 64;

/// The tree of `text`: optional `#![enable(...)]` lines, then one value.
pub(super) fn parse(text: &str) -> Option<Node> {
    let mut parser = Parser {
        text,
        tokens: tokenize(text),
        next: 0,
    };
    parser.skip_attributes()?;
    let node = parser.value(0)?;
    (parser.next == parser.tokens.len()).then_some(node)
}

struct Parser<'t> {
    text: &'t str,
    tokens: Vec<Token>,
    next: usize,
}

impl Parser<'_> {
    fn kind(&self, ahead: usize) -> Option<&Kind> {
        self.tokens.get(self.next + ahead).map(|token| &token.kind)
    }

    fn token_text(&self, ahead: usize) -> Option<&str> {
        let token = self.tokens.get(self.next + ahead)?;
        self.text.get(token.bytes.clone())
    }

    /// `#![enable(implicit_some)]` lines before the value. Other extensions change
    /// how values are written, which the canonical text does not follow: refused.
    fn skip_attributes(&mut self) -> Option<()> {
        while self.token_text(0) == Some("#") {
            let opening = ["!", "[", "enable", "("].iter().enumerate();
            if opening
                .clone()
                .any(|(ahead, expected)| self.token_text(ahead + 1) != Some(expected))
            {
                return None;
            }
            self.next += 5;
            loop {
                match self.token_text(0)? {
                    "implicit_some" | "," => self.next += 1,
                    ")" if self.token_text(1) == Some("]") => break,
                    _ => return None,
                }
            }
            self.next += 2;
        }
        Some(())
    }

    fn value(&mut self, depth: usize) -> Option<Node> {
        if depth > MAX_DEPTH {
            return None;
        }
        let first = self.tokens.get(self.next)?.clone();
        match (&first.kind, self.kind(1)) {
            (Kind::Identifier(name), Some(Kind::Open)) => {
                let is_some = name == "Some";
                self.next += 1;
                let group = self.group(Some(first.bytes.clone()), depth)?;
                let span = first.bytes.start..group.close + 1;
                if is_some && group.bracket == '(' {
                    let mut entries = group.entries;
                    if entries.len() != 1 || entries[0].key.is_some() {
                        return None;
                    }
                    let inner = entries.pop()?.value;
                    return Some(Node {
                        span,
                        shape: Shape::Some(Box::new(inner)),
                    });
                }
                Some(Node {
                    span,
                    shape: Shape::Group(group),
                })
            }
            (Kind::Open, _) => {
                let group = self.group(None, depth)?;
                Some(Node {
                    span: group.open..group.close + 1,
                    shape: Shape::Group(group),
                })
            }
            (Kind::Identifier(_) | Kind::Literal, _) => {
                self.next += 1;
                Some(Node {
                    span: first.bytes,
                    shape: Shape::Leaf,
                })
            }
            _ => None,
        }
    }

    /// A bracketed group, the next token being its opening bracket.
    fn group(&mut self, name: Option<Range<usize>>, depth: usize) -> Option<Group> {
        let open = self.tokens.get(self.next)?.bytes.start;
        let bracket = self.text.get(open..)?.chars().next()?;
        self.next += 1;
        let mut group = Group {
            name,
            bracket,
            open,
            close: open,
            entries: Vec::new(),
        };
        // Maps (`{ key: value }`) are not part of a scenario.
        if !matches!(bracket, '(' | '[') {
            return None;
        }
        loop {
            let token = self.tokens.get(self.next)?;
            if token.kind == Kind::Close {
                let close = token.bytes.start;
                if self.text.get(close..)?.chars().next()? != group.closing() {
                    return None;
                }
                self.next += 1;
                group.close = close;
                return Some(group);
            }
            let start = token.bytes.start;
            let key = match (&token.kind, self.kind(1)) {
                (Kind::Identifier(key), Some(Kind::Colon)) if bracket == '(' => {
                    let key = key.clone();
                    self.next += 2;
                    Some(key)
                }
                _ => None,
            };
            let value = self.value(depth + 1)?;
            group.entries.push(Entry {
                key,
                span: start..value.span.end,
                value,
            });
            match self.kind(0)? {
                Kind::Comma => self.next += 1,
                Kind::Close => {}
                _ => return None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_groups_fields_items_and_some() {
        let text =
            "#![enable(implicit_some)]\n// top\n(a: 1, b: [2, 3,], c: Some(4), d: Go(x: \"y\"))\n";
        let node = parse(text).unwrap();
        let Shape::Group(group) = &node.shape else {
            panic!("not a group")
        };
        let keys: Vec<_> = group
            .entries
            .iter()
            .map(|entry| entry.key.as_deref())
            .collect();
        assert_eq!(keys, [Some("a"), Some("b"), Some("c"), Some("d")]);
        let Shape::Group(list) = &group.entries[1].value.shape else {
            panic!("not a list")
        };
        assert_eq!(list.entries.len(), 2);
        assert_eq!(&text[list.entries[1].span.clone()], "3");
        let Shape::Some(inner) = &group.entries[2].value.shape else {
            panic!("not Some")
        };
        assert_eq!(&text[inner.span.clone()], "4");
        let Shape::Group(variant) = &group.entries[3].value.shape else {
            panic!("not a variant")
        };
        assert_eq!(&text[variant.name.clone().unwrap()], "Go");
    }

    #[test]
    fn refuses_what_it_does_not_understand() {
        for text in [
            "",
            "(",
            "(a: 1",
            "(a: 1]",
            "{\"a\": 1}",
            "(a: 1 b: 2)",
            "(a: 1) x",
            "#[x]",
            "#![enable(unwrap_newtypes)] (a: 1)",
            &"[".repeat(10_000),
        ] {
            assert!(parse(text).is_none(), "{text}");
        }
    }
}
