//! Monthly series as CSV for spreadsheets: one row per month, a `month` column as
//! `2019-04`, plain numbers (no separators, no units), empty cells for "no
//! capacity". One scenario (`caseload run --csv`) or several in long form (the
//! window's export).

use std::io::Write;

use super::NamedProjection;
use super::csv::{csv_writer, number, text_cell};
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
    ("practice_multiplier", |r| {
        Some(r.workload.practice_multiplier)
    }),
    ("fte_at_month_end", |r| {
        Some(r.staffing.permanent_fte_at_end + r.staffing.agency_fte_at_end)
    }),
    ("spend_permanent_staff", |r| Some(r.spend.permanent_staff)),
    ("spend_agency_staff", |r| Some(r.spend.agency_staff)),
    ("spend_recruitment", |r| Some(r.spend.recruitment)),
    ("spend_placements", |r| Some(r.spend.placements)),
    ("spend_early_help", |r| Some(r.spend.early_help)),
    ("spend_contracted_teams", |r| Some(r.spend.contracted_teams)),
    ("spend_other", |r| Some(r.spend.other)),
    ("spend_total", |r| Some(r.spend.total())),
    ("funding_received", |r| Some(r.funding_received)),
    ("monthly_budget", |r| Some(r.monthly_budget)),
    ("reserves_at_end", |r| Some(r.reserves_at_end)),
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
    let mut writer = csv_writer(out);
    writer.write_record(column_names(projection).iter().map(|name| text_cell(name)))?;
    for month_index in 0..projection.rows.len() {
        writer.write_record(row_cells(projection, month_index))?;
    }
    writer.flush()
}

/// Every monthly series of several scenarios in one CSV, in long form: one row per
/// scenario and month, a `scenario` column first, then the columns of `caseload run
/// --csv`. Staff-group columns are the union over the scenarios; a scenario without
/// that group leaves the cell empty.
pub fn write_scenarios_csv(
    scenarios: &[NamedProjection<'_>],
    out: &mut impl Write,
) -> std::io::Result<()> {
    let mut columns: Vec<String> = Vec::new();
    for scenario in scenarios {
        for column in column_names(scenario.projection) {
            if !columns.contains(&column) {
                columns.push(column);
            }
        }
    }
    let mut writer = csv_writer(out);
    writer.write_record(
        std::iter::once("scenario".to_owned())
            .chain(columns.iter().map(|column| text_cell(column))),
    )?;
    for scenario in scenarios {
        let own = column_names(scenario.projection);
        let positions: Vec<Option<usize>> = columns
            .iter()
            .map(|column| own.iter().position(|name| name == column))
            .collect();
        for month_index in 0..scenario.projection.rows.len() {
            let cells = row_cells(scenario.projection, month_index);
            let mut line = vec![text_cell(scenario.name)];
            line.extend(positions.iter().map(|position| {
                position
                    .and_then(|at| cells.get(at).cloned())
                    .unwrap_or_default()
            }));
            writer.write_record(line)?;
        }
    }
    writer.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::default_scenario;
    use crate::sim::project;

    #[test]
    fn several_scenarios_are_the_single_scenario_file_with_a_scenario_column() {
        let projection = project(&default_scenario());
        let mut single = Vec::new();
        write_projection_csv(&projection, &mut single).unwrap();
        let mut several = Vec::new();
        let named = |name| NamedProjection {
            name,
            projection: &projection,
        };
        write_scenarios_csv(&[named("A, the plan"), named("B")], &mut several).unwrap();
        let single = String::from_utf8(single).unwrap();
        let several = String::from_utf8(several).unwrap();
        let mut expected = String::new();
        for (index, line) in single.lines().enumerate() {
            let first = if index == 0 {
                "scenario"
            } else {
                "\"A, the plan\""
            };
            expected.push_str(&format!("{first},{line}\n"));
        }
        for line in single.lines().skip(1) {
            expected.push_str(&format!("B,{line}\n"));
        }
        assert_eq!(several, expected);
        assert_eq!(single.lines().count(), projection.rows.len() + 1);
        let columns = column_names(&projection).len();
        assert!(
            single
                .lines()
                .all(|line| line.split(',').count() == columns)
        );
    }
}
