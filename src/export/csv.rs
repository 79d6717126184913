//! What every CSV this program writes has in common: the `csv` crate does the
//! quoting, text cells are neutralised so a spreadsheet never runs them, and
//! numbers are written plainly.

use std::io::Write;

/// A CSV writer over `out`: comma-separated, `\n` line ends, fields quoted only
/// when they hold a comma, a quote or a line break.
pub fn csv_writer<W: Write>(out: W) -> csv::Writer<W> {
    csv::WriterBuilder::new().from_writer(out)
}

/// A text cell (a name, a label, a header) that a spreadsheet shows as written
/// and never runs: text starting like a formula (`=`, `+`, `-`, `@`, tab or
/// carriage return) gets a leading `'`, as OWASP advises against CSV injection.
/// Every CSV this program writes puts its text through here; numbers are written
/// as numbers, untouched. Quoting is left to the `csv` crate.
pub fn text_cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// A plain number a spreadsheet reads: up to 4 decimals, no trailing zeros; empty
/// when there is no value.
pub fn number(value: Option<f64>) -> String {
    match value {
        Some(value) if value.is_finite() => {
            let text = format!("{value:.4}");
            let text = text.trim_end_matches('0').trim_end_matches('.');
            if text == "-0" {
                "0".to_owned()
            } else {
                text.to_owned()
            }
        }
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One row of text cells as the CSV writer puts them in a file.
    fn written(cells: &[&str]) -> String {
        let mut writer = csv_writer(Vec::new());
        writer
            .write_record(cells.iter().map(|cell| text_cell(cell)))
            .unwrap();
        String::from_utf8(writer.into_inner().unwrap()).unwrap()
    }

    #[test]
    fn numbers_are_plain() {
        assert_eq!(number(Some(1250.0)), "1250");
        assert_eq!(number(Some(18.123456)), "18.1235");
        assert_eq!(number(Some(-0.00001)), "0");
        assert_eq!(number(None), "");
        assert_eq!(number(Some(f64::NAN)), "");
        assert_eq!(number(Some(-12.5)), "-12.5");
    }

    #[test]
    fn text_that_a_spreadsheet_would_run_is_neutralised() {
        assert_eq!(written(&["fte_a,b"]), "\"fte_a,b\"\n");
        assert_eq!(written(&["Plan B", "x"]), "Plan B,x\n");
        assert_eq!(written(&["=1+1"]), "'=1+1\n");
        assert_eq!(written(&["+44 staff"]), "'+44 staff\n");
        assert_eq!(written(&["-10% referrals"]), "'-10% referrals\n");
        assert_eq!(written(&["@SUM(A1:A9)"]), "'@SUM(A1:A9)\n");
        assert_eq!(written(&["\tindented"]), "'\tindented\n");
        assert_eq!(written(&["\r=cmd"]), "\"'\r=cmd\"\n");
        assert_eq!(
            written(&["=HYPERLINK(\"http://x\",\"y\")"]),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\n"
        );
        assert_eq!(written(&["two\nlines", ""]), "\"two\nlines\",\n");
        // Only the start matters: a formula sign inside is plain text.
        assert_eq!(written(&["Staff = 100"]), "Staff = 100\n");
    }
}
