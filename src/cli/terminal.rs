//! Text bound for a terminal. Names, labels, paths and error messages come from
//! files and arguments; an escape or a carriage return in one could recolour,
//! rewrite or hide what the terminal shows, so control characters are printed as
//! visible escapes (`\u{1b}`). Line breaks and tabs, which the output itself uses,
//! pass through.

use std::borrow::Cow;
use std::io::Write;

/// Whether a character is printed as an escape: every control character (the C0
/// and C1 ranges and delete) but line feed and tab.
fn is_escaped(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// `text` with its control characters written as `\u{..}`.
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_escaped) {
        return Cow::Borrowed(text);
    }
    let mut escaped = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_escaped(c) {
            escaped.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            escaped.push(c);
        }
    }
    Cow::Owned(escaped)
}

/// A writer that escapes control characters on their way to `inner`; bytes that
/// are not UTF-8 are written as `\x..`. The command line's output and errors go
/// through one, so nothing printed can carry a raw control character.
pub struct Escaping<W: Write> {
    inner: W,
    /// The start of a character split across two writes.
    pending: Vec<u8>,
}

impl<W: Write> Escaping<W> {
    pub fn new(inner: W) -> Self {
        Self {
            inner,
            pending: Vec::new(),
        }
    }
}

impl<W: Write> Write for Escaping<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.pending.extend_from_slice(buf);
        let mut text = String::with_capacity(self.pending.len());
        let mut rest: &[u8] = &self.pending;
        loop {
            match std::str::from_utf8(rest) {
                Ok(valid) => {
                    text.push_str(&escape_controls(valid));
                    rest = &[];
                    break;
                }
                Err(error) => {
                    let (valid, after) = rest.split_at(error.valid_up_to());
                    text.push_str(&escape_controls(&String::from_utf8_lossy(valid)));
                    match error.error_len() {
                        // An incomplete character at the end: wait for the rest.
                        None => {
                            rest = after;
                            break;
                        }
                        Some(length) => {
                            for byte in &after[..length] {
                                text.push_str(&format!("\\x{byte:02x}"));
                            }
                            rest = &after[length..];
                        }
                    }
                }
            }
        }
        let kept = rest.to_vec();
        self.inner.write_all(text.as_bytes())?;
        self.pending = kept;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

impl<W: Write> Escaping<W> {
    /// The writer beneath, for bytes that must pass unchanged (a file's content
    /// sent to standard output).
    pub fn raw(&mut self) -> &mut W {
        &mut self.inner
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_become_visible_escapes() {
        assert_eq!(escape_controls("Plan B"), "Plan B");
        assert!(matches!(escape_controls("Plan B"), Cow::Borrowed(_)));
        assert_eq!(
            escape_controls("a\u{1b}[2Jb\u{7}\r\u{9b}c\u{7f}"),
            "a\\u{1b}[2Jb\\u{7}\\u{d}\\u{9b}c\\u{7f}"
        );
        assert_eq!(escape_controls("line\n\tnext"), "line\n\tnext");
        assert_eq!(escape_controls("£ é 日本"), "£ é 日本");
    }

    #[test]
    fn the_writer_escapes_across_split_writes_and_bad_bytes() {
        let mut out = Escaping::new(Vec::new());
        let name = "x\u{1b}]0;owned\u{7}";
        writeln!(out, "name: {name}").unwrap();
        // "£" is two bytes; C1 CSI (U+009B) is two bytes too: split both.
        let bytes = "£\u{9b}".as_bytes();
        out.write_all(&bytes[..1]).unwrap();
        out.write_all(&bytes[1..3]).unwrap();
        out.write_all(&bytes[3..]).unwrap();
        out.write_all(&[b'!', 0xff, b'\n']).unwrap();
        assert_eq!(
            String::from_utf8(out.inner).unwrap(),
            "name: x\\u{1b}]0;owned\\u{7}\n£\\u{9b}!\\xff\n"
        );
    }
}
