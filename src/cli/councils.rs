//! `caseload councils [SEARCH]`: the councils whose published figures ship inside
//! Caseload, with the latest year each has and its Ofsted judgement.

use crate::published::{self, Council, LICENCE, MIN_HISTORY_YEARS};
use crate::units::financial_year;

use super::Table;

/// The table of councils matching `search` (all without it), or a message saying
/// nothing matched.
pub fn councils_text(search: Option<&str>) -> Result<String, String> {
    if let Some(problem) = published::load_problem() {
        return Err(format!(
            "the published figures could not be read: {problem}"
        ));
    }
    let found: Vec<&Council> = published::search(search.unwrap_or(""));
    if found.is_empty() {
        let wanted = search.unwrap_or("").trim();
        let hint = match published::find(wanted) {
            Err(message) if message.contains("did you mean") => {
                format!(
                    " ({})",
                    message.trim_start_matches(&format!("no council is called {wanted:?}; "))
                )
            }
            _ => String::new(),
        };
        return Err(format!(
            "No council's name or code contains {wanted:?}{hint}. `caseload councils` lists all {}.",
            published::councils().len()
        ));
    }
    let mut table = Table::new(&[
        "Council",
        "Code",
        "Region",
        "Latest year",
        "Ofsted (inspected)",
        "Note",
    ])
    .text_columns(6);
    let mut short = 0;
    for council in &found {
        let note = if council.too_little_history() {
            short += 1;
            "too little history"
        } else {
            ""
        };
        table.row(vec![
            council.name.clone(),
            council.code.clone(),
            council.region.clone(),
            council
                .latest_year()
                .map_or_else(|| "none".to_owned(), |year| financial_year(year - 1)),
            council.ofsted.as_ref().map_or_else(
                || "not published".to_owned(),
                |ofsted| format!("{} ({})", ofsted.overall, ofsted.inspected),
            ),
            note.to_owned(),
        ]);
    }
    let mut text = table.render();
    text.push_str(&format!(
        "\n{} council{}. Latest year: the latest year to 31 March with children in care, \
         children in need and referrals all published.\n",
        found.len(),
        if found.len() == 1 { "" } else { "s" }
    ));
    if short > 0 {
        text.push_str(&format!(
            "Too little history: fewer than {MIN_HISTORY_YEARS} such years (a new or merged \
             council, or figures suppressed).\n"
        ));
    }
    text.push_str(LICENCE);
    text.push('\n');
    Ok(text)
}
