//! Finding a council by what a person types: its name or code, in any case.

use super::{Council, councils, load_problem};

/// Councils whose name, current, old or former code contains `text`, ignoring
/// case; every council for empty text. By name.
pub fn search(text: &str) -> Vec<&'static Council> {
    let wanted = text.trim().to_lowercase();
    councils()
        .iter()
        .filter(|council| {
            wanted.is_empty()
                || council.name.to_lowercase().contains(&wanted)
                || council.code.to_lowercase().contains(&wanted)
                || council.old_code == wanted
                || council
                    .former_codes
                    .iter()
                    .any(|code| code.to_lowercase() == wanted)
        })
        .collect()
}

/// The one council `name_or_code` names: its exact name or code (current, old or
/// former), ignoring case, or the only council whose name contains it. Otherwise a
/// message listing the candidates, or the nearest names ("did you mean").
pub fn find(name_or_code: &str) -> Result<&'static Council, String> {
    if let Some(problem) = load_problem() {
        return Err(format!(
            "the published figures could not be read: {problem}"
        ));
    }
    let wanted = name_or_code.trim();
    if wanted.is_empty() {
        return Err("name a council, like Liverpool or E08000012".to_owned());
    }
    let lower = wanted.to_lowercase();
    let exact = councils().iter().find(|council| {
        council.name.to_lowercase() == lower
            || council.code.eq_ignore_ascii_case(wanted)
            || council.old_code == wanted
            || council
                .former_codes
                .iter()
                .any(|code| code.eq_ignore_ascii_case(wanted))
    });
    if let Some(council) = exact {
        return Ok(council);
    }
    match search(wanted).as_slice() {
        [council] => Ok(council),
        [] => {
            let mut nearest: Vec<(usize, &Council)> = councils()
                .iter()
                .map(|council| (distance(&lower, &council.name.to_lowercase()), council))
                .filter(|(distance, council)| *distance <= council.name.len().max(4) / 3)
                .collect();
            nearest.sort_by_key(|(distance, council)| (*distance, council.name.clone()));
            let names: Vec<&str> = nearest
                .iter()
                .take(3)
                .map(|(_, council)| council.name.as_str())
                .collect();
            if names.is_empty() {
                Err(format!(
                    "no council is called {wanted:?}; `caseload councils` lists them all"
                ))
            } else {
                Err(format!(
                    "no council is called {wanted:?}; did you mean {}?",
                    or_list(&names)
                ))
            }
        }
        several => {
            let names: Vec<&str> = several
                .iter()
                .map(|council| council.name.as_str())
                .collect();
            Err(format!(
                "{wanted:?} matches {} councils: {}; say which",
                names.len(),
                names.join(", ")
            ))
        }
    }
}

/// "A", "A or B", "A, B or C".
fn or_list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

/// Edit distance (insertions, deletions, substitutions) between two names.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            current.push(
                (previous[j] + cost)
                    .min(previous[j + 1] + 1)
                    .min(current[j] + 1),
            );
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_single_changes() {
        assert_eq!(distance("liverpool", "liverpool"), 0);
        assert_eq!(distance("liverpol", "liverpool"), 1);
        assert_eq!(distance("wakefeild", "wakefield"), 2);
        assert_eq!(distance("", "abc"), 3);
    }

    #[test]
    fn lists_read_as_english() {
        assert_eq!(or_list(&["A"]), "A");
        assert_eq!(or_list(&["A", "B"]), "A or B");
        assert_eq!(or_list(&["A", "B", "C"]), "A, B or C");
    }
}
