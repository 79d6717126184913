//! The council a scenario is for, by its ONS local-authority code: the key that
//! ties a scenario to the council's published figures (format 2's `council`).

/// The code prefixes of councils with children's services in England: unitary
/// authorities (E06), metropolitan districts (E08), London boroughs (E09) and
/// county councils (E10).
pub const COUNCIL_CODE_PREFIXES: [&str; 4] = ["E06", "E08", "E09", "E10"];

/// Why `code` is not an ONS local-authority code of an English council with
/// children's services, if it is not one: a prefix above and six digits.
pub fn council_code_problem(code: &str) -> Option<String> {
    let well_formed = code.len() == 9
        && COUNCIL_CODE_PREFIXES
            .iter()
            .any(|prefix| code.starts_with(prefix))
        && code[3..].bytes().all(|byte| byte.is_ascii_digit());
    if well_formed {
        return None;
    }
    // Shown as written, escaped, and cut short: the text may be anything.
    let shown: String = code.chars().take(20).flat_map(char::escape_debug).collect();
    let more = if code.chars().count() > 20 { "…" } else { "" };
    Some(format!(
        "must be an ONS local-authority code: E06, E08, E09 or E10 followed by six digits, like \"E08000012\" (Liverpool); found \"{shown}{more}\""
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_of_english_councils_with_childrens_services_are_accepted() {
        for code in [
            "E08000012",
            "E08000036",
            "E10000013",
            "E06000001",
            "E09000033",
        ] {
            assert_eq!(council_code_problem(code), None, "{code}");
        }
    }

    #[test]
    fn other_texts_are_refused_showing_what_was_written() {
        for code in [
            "",
            "Liverpool",
            "E07000001",  // a district council: no children's services
            "W06000001",  // Wales
            "e08000012",  // lower case
            "E0800001",   // five digits
            "E080000120", // seven
            "E08 000012",
            "E0800001٣", // a digit that is not ASCII
        ] {
            let problem = council_code_problem(code).unwrap_or_default();
            assert!(
                problem.starts_with("must be an ONS local-authority code")
                    && problem.contains(&format!("found \"{code}\"")),
                "{code}: {problem}"
            );
        }
    }

    #[test]
    fn control_characters_and_long_texts_are_shown_escaped_and_cut_short() {
        let problem = council_code_problem("\u{1b}[2J").unwrap_or_default();
        assert!(problem.ends_with("found \"\\u{1b}[2J\""), "{problem}");
        let problem = council_code_problem(&"E".repeat(30)).unwrap_or_default();
        assert!(
            problem.ends_with(&format!("found \"{}…\"", "E".repeat(20))),
            "{problem}"
        );
    }
}
