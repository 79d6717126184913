//! Monthly series as CSV for spreadsheets: one row per month, a `month` column as
//! `2019-04`, plain numbers (no separators, no units), empty cells for "no capacity".

use std::io::Write;

use crate::model::PlacementKind;
use crate::sim::{GroupMonth, MonthRow, Projection};

type RowValue = fn(&MonthRow) -> Option<f64>;
type GroupValue = fn(&GroupMonth) -> Option<f64>;

/// Columns taken from each month's row, in order.
const ROW_COLUMNS: &[(&str, RowValue)] = &[
    ("referrals", |r| Some(r.flows.referrals)),
    ("new_child_in_need", |r| Some(r.flows.new_child_in_need)),
    ("new_child_protection", |r| {
        Some(r.flows.new_child_protection)
    }),
    ("new_care_entries", |r| Some(r.flows.new_care_entries)),
    ("prevented_care_entries", |r| {
        Some(r.flows.prevented_care_entries)
    }),
    ("child_in_need_closed", |r| {
        Some(r.flows.child_in_need_closed)
    }),
    ("child_in_need_to_protection", |r| {
        Some(r.flows.child_in_need_to_protection)
    }),
    ("protection_closed", |r| Some(r.flows.protection_closed)),
    ("protection_stepped_down", |r| {
        Some(r.flows.protection_stepped_down)
    }),
    ("protection_to_care", |r| Some(r.flows.protection_to_care)),
    ("left_care", |r| Some(r.flows.left_care)),
    ("new_care_leavers", |r| Some(r.flows.new_care_leavers)),
    ("care_leavers_closed", |r| Some(r.flows.care_leavers_closed)),
    ("in_house_overflow_to_ifa", |r| {
        Some(r.flows.in_house_overflow)
    }),
    ("children_in_need", |r| Some(r.stocks.children_in_need)),
    ("child_protection", |r| Some(r.stocks.child_protection)),
    ("looked_after", |r| Some(r.stocks.looked_after())),
    ("care_leavers", |r| Some(r.stocks.care_leavers)),
    ("cases", |r| Some(r.workload.cases)),
    ("contracted_capacity", |r| {
        Some(r.workload.contracted_capacity)
    }),
    ("staff_capacity", |r| Some(r.workload.staff_capacity)),
    ("case_holding_fte", |r| Some(r.workload.case_holding_fte)),
    ("average_caseload", |r| r.workload.average_caseload),
    ("average_cap", |r| r.workload.average_cap),
    ("load_percent", |r| r.workload.load.map(|load| load * 100.0)),
    ("over_capacity_cases", |r| {
        Some(r.workload.over_capacity_cases)
    }),
    ("staff_over_cap_percent", |r| {
        r.workload
            .share_of_staff_over_cap
            .map(|share| share * 100.0)
    }),
    ("permanent_fte", |r| Some(r.staffing.permanent_fte)),
    ("agency_fte", |r| Some(r.staffing.agency_fte)),
    ("establishment", |r| Some(r.staffing.establishment)),
    ("vacancies", |r| Some(r.staffing.vacancies)),
    ("agency_share_percent", |r| {
        Some(r.staffing.agency_share * 100.0)
    }),
    ("leavers", |r| Some(r.staffing.leavers)),
    ("hires", |r| Some(r.staffing.hires)),
    ("turnover_multiplier", |r| {
        Some(r.staffing.turnover_multiplier)
    }),
    ("workers_per_manager", |r| r.staffing.workers_per_manager),
    ("spend_permanent_staff", |r| Some(r.spend.permanent_staff)),
    ("spend_agency_staff", |r| Some(r.spend.agency_staff)),
    ("spend_recruitment", |r| Some(r.spend.recruitment)),
    ("spend_placements", |r| Some(r.spend.placements)),
    ("spend_early_help", |r| Some(r.spend.early_help)),
    ("spend_contracted_teams", |r| Some(r.spend.contracted_teams)),
    ("spend_other", |r| Some(r.spend.other)),
    ("spend_total", |r| Some(r.spend.total())),
    ("funding_received", |r| Some(r.funding_received)),
];

/// Columns repeated for each staff group, suffixed with the group's id.
const GROUP_COLUMNS: &[(&str, GroupValue)] = &[
    ("fte", |g| Some(g.fte)),
    ("establishment", |g| Some(g.establishment)),
    ("vacancies", |g| Some(g.vacancies)),
    ("caseload_cap", |g| Some(g.caseload_cap)),
    ("caseload", |g| g.caseload),
    ("leavers", |g| Some(g.leavers)),
    ("hires", |g| Some(g.hires)),
    ("recruiting", |g| Some(g.recruiting)),
    ("pay", |g| Some(g.pay)),
];

/// The header row's column names, in order.
pub fn column_names(projection: &Projection) -> Vec<String> {
    let mut names = vec!["month".to_owned()];
    names.extend(ROW_COLUMNS.iter().map(|(name, _)| (*name).to_owned()));
    names.extend(
        PlacementKind::ALL
            .iter()
            .map(|kind| format!("looked_after_{}", kind.key())),
    );
    for group in &projection.groups {
        names.extend(
            GROUP_COLUMNS
                .iter()
                .map(|(name, _)| format!("{name}_{}", group.id)),
        );
    }
    names
}

/// The cells of one month's row, in the order of [`column_names`].
pub fn row_cells(projection: &Projection, month_index: usize) -> Vec<String> {
    let Some(row) = projection.rows.get(month_index) else {
        return Vec::new();
    };
    let mut cells = vec![row.month.iso()];
    cells.extend(ROW_COLUMNS.iter().map(|(_, value)| number(value(row))));
    cells.extend(
        row.stocks
            .looked_after_by_placement
            .iter()
            .map(|children| number(Some(*children))),
    );
    for group_index in 0..projection.groups.len() {
        let group = projection.group_month(month_index, group_index);
        cells.extend(
            GROUP_COLUMNS
                .iter()
                .map(|(_, value)| number(group.and_then(value))),
        );
    }
    cells
}

/// Writes every monthly series with a header row.
pub fn write_projection_csv(projection: &Projection, out: &mut impl Write) -> std::io::Result<()> {
    let header: Vec<String> = column_names(projection)
        .iter()
        .map(|name| text_cell(name))
        .collect();
    writeln!(out, "{}", header.join(","))?;
    for month_index in 0..projection.rows.len() {
        writeln!(out, "{}", row_cells(projection, month_index).join(","))?;
    }
    Ok(())
}

/// A plain number a spreadsheet reads: up to 4 decimals, no trailing zeros; empty
/// when there is no value.
fn number(value: Option<f64>) -> String {
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

/// A text cell (a name, a label, a header) that a spreadsheet shows as written
/// and never runs: text starting like a formula (`=`, `+`, `-`, `@`, tab or
/// carriage return) gets a leading `'`, as OWASP advises against CSV injection,
/// and a cell with a comma, quote or line break is quoted. Every CSV this program
/// writes puts its text through here; numbers are written as numbers, untouched.
pub fn text_cell(text: &str) -> String {
    let neutral = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if neutral.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", neutral.replace('"', "\"\""))
    } else {
        neutral
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(text_cell("fte_a,b"), "\"fte_a,b\"");
        assert_eq!(text_cell("Plan B"), "Plan B");
        assert_eq!(text_cell("=1+1"), "'=1+1");
        assert_eq!(text_cell("+44 staff"), "'+44 staff");
        assert_eq!(text_cell("-10% referrals"), "'-10% referrals");
        assert_eq!(text_cell("@SUM(A1:A9)"), "'@SUM(A1:A9)");
        assert_eq!(text_cell("\tindented"), "'\tindented");
        assert_eq!(text_cell("\r=cmd"), "\"'\r=cmd\"");
        assert_eq!(
            text_cell("=HYPERLINK(\"http://x\",\"y\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""
        );
        // Only the start matters: a formula sign inside is plain text.
        assert_eq!(text_cell("Staff = 100"), "Staff = 100");
    }
}
