//! `caseload neighbours COUNCIL [--year YYYY]`: how a council compares with its ten
//! statistical neighbours and England.

use crate::published::neighbours::{Indicator, compare_with_neighbours};
use crate::published::{self, LICENCE};

use super::Table;

/// The comparison table for `council` (a name or code) in the year ending 31 March
/// `year` (default: its latest year with data), with every figure's source below.
pub fn neighbours_text(council: &str, year: Option<i32>) -> Result<String, String> {
    let council = published::find(council)?;
    let comparison = compare_with_neighbours(council, year)?;
    let mut header = vec!["Council", "Ofsted"];
    header.extend(Indicator::ALL.iter().map(|indicator| indicator.heading()));
    let mut table = Table::new(&header).text_columns(2);
    for row in &comparison.rows {
        let name = if row.is_subject {
            format!("> {}", row.council.name)
        } else {
            format!("  {}", row.council.name)
        };
        let ofsted = row.council.ofsted.as_ref().map_or_else(
            || {
                if row.is_england {
                    String::new()
                } else {
                    "not published".to_owned()
                }
            },
            |ofsted| ofsted.overall.clone(),
        );
        let mut cells = vec![name, ofsted];
        for (indicator, value) in Indicator::ALL.iter().zip(&row.values) {
            cells.push(value.map_or_else(|| "n/a".to_owned(), |value| indicator.shown(value)));
        }
        table.row(cells);
    }
    let mut text = format!(
        "{} ({}, {}) beside its ten statistical neighbours and England, year ending 31 March {} ({}).\n\n",
        council.name,
        council.code,
        council.region,
        comparison.year,
        crate::units::financial_year(comparison.year - 1)
    );
    text.push_str(&table.render());
    text.push_str("\n> marks the council; n/a: not published (suppressed, or a joint return).\nWhere each figure comes from:\n");
    for indicator in Indicator::ALL {
        text.push_str(&format!(
            "  {}: {}\n",
            indicator.label(),
            indicator.source(indicator.year_for(comparison.year))
        ));
    }
    text.push_str("  Ofsted: Ofsted's latest judgement of children's services at 31 March 2025.\n");
    text.push_str(LICENCE);
    text.push('\n');
    Ok(text)
}
