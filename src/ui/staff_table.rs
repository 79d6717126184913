//! The staff table as text for "Copy": one row per staff group, one column per
//! staff-group input the editor's table shows, in the editor's order, with the
//! same headings.

use crate::model::Scenario;
use crate::model::catalogue::{self, InputRef, Section};

use super::fit_history::number;

/// The staff table as text, a header row first. A cell the table shows as
/// "follows" (an establishment set by agency cover or a span of control) is
/// copied as "follows", and agency groups say "yes" in the Agency column.
pub fn staff_rows(scenario: &Scenario) -> Vec<Vec<String>> {
    let columns: Vec<_> = catalogue::editor_entries(Section::Staff)
        .filter(|(_, place)| place.is_column())
        .collect();
    let mut header = vec!["Staff group".to_owned()];
    header.extend(columns.iter().map(|(input, place)| {
        let says_its_unit =
            place.heading.contains(input.unit) || place.heading.contains(['%', '£']);
        if input.unit.is_empty() || says_its_unit {
            place.heading.to_owned()
        } else {
            format!("{} ({})", place.heading, input.unit)
        }
    }));
    header.push("Agency".to_owned());
    let mut rows = vec![header];
    for (index, group) in scenario.staff.iter().enumerate() {
        let establishment_follows = group.agency || group.span_of_control.is_some();
        let mut cells = vec![group.name.clone()];
        cells.extend(columns.iter().map(|(input, _)| {
            if input.field == "establishment" && establishment_follows {
                return "follows".to_owned();
            }
            (InputRef { input, item: index })
                .number(scenario)
                .map(number)
                .unwrap_or_default()
        }));
        cells.push(if group.agency { "yes" } else { "no" }.to_owned());
        rows.push(cells);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::default_scenario;

    #[test]
    fn a_row_per_group_with_the_numbers_the_editor_holds() {
        let scenario = default_scenario();
        let rows = staff_rows(&scenario);
        assert_eq!(rows.len(), scenario.staff.len() + 1);
        assert_eq!(rows[0][0], "Staff group");
        assert_eq!(rows[0].last().unwrap(), "Agency");
        assert!(
            rows[0].contains(&"Cap (cases per FTE)".to_owned()),
            "{:?}",
            rows[0]
        );
        let fte = rows[0].iter().position(|heading| heading == "FTE").unwrap();
        for (group, row) in scenario.staff.iter().zip(&rows[1..]) {
            assert_eq!(row[0], group.name);
            assert_eq!(row.len(), rows[0].len());
            assert_eq!(row[fte], number(group.fte));
            assert_eq!(row.last().unwrap(), if group.agency { "yes" } else { "no" });
        }
    }
}
