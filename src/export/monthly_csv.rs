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

/// What a column counts, which decides how a spreadsheet shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnUnit {
    /// Children, cases or events: whole numbers to read, decimals kept.
    Count,
    /// A plain number with one decimal (caseloads, multipliers).
    Decimal,
    Fte,
    /// A percentage, written as in the CSV (95.3 for 95.3%).
    Percent,
    Pounds,
}

/// One monthly column: its CSV name, the heading people read, and its unit.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub key: String,
    pub heading: String,
    pub unit: ColumnUnit,
}

/// Columns taken from each month's row, in order: CSV name, heading, unit, value.
const ROW_COLUMNS: &[(&str, &str, ColumnUnit, RowValue)] = &[
    ("referrals", "Referrals", ColumnUnit::Count, |r| {
        Some(r.flows.referrals)
    }),
    (
        "new_child_in_need",
        "New children in need",
        ColumnUnit::Count,
        |r| Some(r.flows.new_child_in_need),
    ),
    (
        "new_child_protection",
        "New child protection plans",
        ColumnUnit::Count,
        |r| Some(r.flows.new_child_protection),
    ),
    (
        "new_care_entries",
        "Children entering care",
        ColumnUnit::Count,
        |r| Some(r.flows.new_care_entries),
    ),
    (
        "prevented_care_entries",
        "Care entries prevented",
        ColumnUnit::Count,
        |r| Some(r.flows.prevented_care_entries),
    ),
    (
        "child_in_need_closed",
        "Children in need cases closed",
        ColumnUnit::Count,
        |r| Some(r.flows.child_in_need_closed),
    ),
    (
        "child_in_need_to_protection",
        "Children in need moved to protection plans",
        ColumnUnit::Count,
        |r| Some(r.flows.child_in_need_to_protection),
    ),
    (
        "protection_closed",
        "Protection plans closed",
        ColumnUnit::Count,
        |r| Some(r.flows.protection_closed),
    ),
    (
        "protection_stepped_down",
        "Protection plans stepped down",
        ColumnUnit::Count,
        |r| Some(r.flows.protection_stepped_down),
    ),
    (
        "protection_to_care",
        "Children on plans entering care",
        ColumnUnit::Count,
        |r| Some(r.flows.protection_to_care),
    ),
    (
        "left_care",
        "Children leaving care",
        ColumnUnit::Count,
        |r| Some(r.flows.left_care),
    ),
    (
        "new_care_leavers",
        "New care leavers",
        ColumnUnit::Count,
        |r| Some(r.flows.new_care_leavers),
    ),
    (
        "care_leavers_closed",
        "Care leaver cases closed",
        ColumnUnit::Count,
        |r| Some(r.flows.care_leavers_closed),
    ),
    (
        "in_house_overflow_to_ifa",
        "In-house foster overflow to IFAs",
        ColumnUnit::Count,
        |r| Some(r.flows.in_house_overflow),
    ),
    (
        "children_in_need",
        "Children in need",
        ColumnUnit::Count,
        |r| Some(r.stocks.children_in_need),
    ),
    (
        "child_protection",
        "Children on protection plans",
        ColumnUnit::Count,
        |r| Some(r.stocks.child_protection),
    ),
    ("looked_after", "Children in care", ColumnUnit::Count, |r| {
        Some(r.stocks.looked_after())
    }),
    ("care_leavers", "Care leavers", ColumnUnit::Count, |r| {
        Some(r.stocks.care_leavers)
    }),
    (
        "cases",
        "Cases needing a social worker",
        ColumnUnit::Decimal,
        |r| Some(r.workload.cases),
    ),
    (
        "contracted_capacity",
        "Cases held by contracted teams",
        ColumnUnit::Decimal,
        |r| Some(r.workload.contracted_capacity),
    ),
    (
        "staff_capacity",
        "Cases staff can hold at their caps",
        ColumnUnit::Decimal,
        |r| Some(r.workload.staff_capacity),
    ),
    (
        "case_holding_fte",
        "Case-holding staff (FTE)",
        ColumnUnit::Fte,
        |r| Some(r.workload.case_holding_fte),
    ),
    (
        "average_caseload",
        "Average caseload (cases per FTE)",
        ColumnUnit::Decimal,
        |r| r.workload.average_caseload,
    ),
    (
        "average_cap",
        "Average caseload cap (cases per FTE)",
        ColumnUnit::Decimal,
        |r| r.workload.average_cap,
    ),
    (
        "load_percent",
        "Cases against capacity (%)",
        ColumnUnit::Percent,
        |r| r.workload.load.map(|load| load * 100.0),
    ),
    (
        "over_capacity_cases",
        "Cases above capacity",
        ColumnUnit::Decimal,
        |r| Some(r.workload.over_capacity_cases),
    ),
    (
        "staff_over_cap_percent",
        "Staff over their cap (%)",
        ColumnUnit::Percent,
        |r| {
            r.workload
                .share_of_staff_over_cap
                .map(|share| share * 100.0)
        },
    ),
    (
        "permanent_fte",
        "Permanent staff (FTE)",
        ColumnUnit::Fte,
        |r| Some(r.staffing.permanent_fte),
    ),
    ("agency_fte", "Agency staff (FTE)", ColumnUnit::Fte, |r| {
        Some(r.staffing.agency_fte)
    }),
    (
        "establishment",
        "Funded posts (FTE)",
        ColumnUnit::Fte,
        |r| Some(r.staffing.establishment),
    ),
    ("vacancies", "Vacancies (FTE)", ColumnUnit::Fte, |r| {
        Some(r.staffing.vacancies)
    }),
    (
        "agency_share_percent",
        "Agency share (%)",
        ColumnUnit::Percent,
        |r| Some(r.staffing.agency_share * 100.0),
    ),
    ("leavers", "Leavers (FTE)", ColumnUnit::Fte, |r| {
        Some(r.staffing.leavers)
    }),
    ("hires", "Hires (FTE)", ColumnUnit::Fte, |r| {
        Some(r.staffing.hires)
    }),
    (
        "turnover_multiplier",
        "Turnover multiplier (x normal)",
        ColumnUnit::Decimal,
        |r| Some(r.staffing.turnover_multiplier),
    ),
    (
        "workers_per_manager",
        "Workers per manager",
        ColumnUnit::Decimal,
        |r| r.staffing.workers_per_manager,
    ),
    (
        "practice_multiplier",
        "Workload effect on practice (x)",
        ColumnUnit::Decimal,
        |r| Some(r.workload.practice_multiplier),
    ),
    (
        "fte_at_month_end",
        "Staff at month end (FTE)",
        ColumnUnit::Fte,
        |r| Some(r.staffing.permanent_fte_at_end + r.staffing.agency_fte_at_end),
    ),
    (
        "spend_permanent_staff",
        "Spend: permanent staff (£)",
        ColumnUnit::Pounds,
        |r| Some(r.spend.permanent_staff),
    ),
    (
        "spend_agency_staff",
        "Spend: agency staff (£)",
        ColumnUnit::Pounds,
        |r| Some(r.spend.agency_staff),
    ),
    (
        "spend_recruitment",
        "Spend: recruitment (£)",
        ColumnUnit::Pounds,
        |r| Some(r.spend.recruitment),
    ),
    (
        "spend_placements",
        "Spend: placements (£)",
        ColumnUnit::Pounds,
        |r| Some(r.spend.placements),
    ),
    (
        "spend_early_help",
        "Spend: early help (£)",
        ColumnUnit::Pounds,
        |r| Some(r.spend.early_help),
    ),
    (
        "spend_contracted_teams",
        "Spend: contracted teams (£)",
        ColumnUnit::Pounds,
        |r| Some(r.spend.contracted_teams),
    ),
    (
        "spend_other",
        "Spend: other (£)",
        ColumnUnit::Pounds,
        |r| Some(r.spend.other),
    ),
    (
        "spend_total",
        "Spend: total (£)",
        ColumnUnit::Pounds,
        |r| Some(r.spend.total()),
    ),
    (
        "funding_received",
        "Grants and funding received (£)",
        ColumnUnit::Pounds,
        |r| Some(r.funding_received),
    ),
    (
        "monthly_budget",
        "Budget for the month (£)",
        ColumnUnit::Pounds,
        |r| Some(r.monthly_budget),
    ),
    (
        "reserves_at_end",
        "Reserves at month end (£)",
        ColumnUnit::Pounds,
        |r| Some(r.reserves_at_end),
    ),
];

/// Columns repeated for each staff group, suffixed with the group's id; the
/// heading follows the group's name.
const GROUP_COLUMNS: &[(&str, &str, ColumnUnit, GroupValue)] = &[
    ("fte", "staff (FTE)", ColumnUnit::Fte, |g| Some(g.fte)),
    (
        "establishment",
        "funded posts (FTE)",
        ColumnUnit::Fte,
        |g| Some(g.establishment),
    ),
    ("vacancies", "vacancies (FTE)", ColumnUnit::Fte, |g| {
        Some(g.vacancies)
    }),
    (
        "caseload_cap",
        "caseload cap (cases per FTE)",
        ColumnUnit::Decimal,
        |g| Some(g.caseload_cap),
    ),
    (
        "caseload",
        "caseload (cases per FTE)",
        ColumnUnit::Decimal,
        |g| g.caseload,
    ),
    ("leavers", "leavers (FTE)", ColumnUnit::Fte, |g| {
        Some(g.leavers)
    }),
    ("hires", "hires (FTE)", ColumnUnit::Fte, |g| Some(g.hires)),
    (
        "recruiting",
        "being recruited (FTE)",
        ColumnUnit::Fte,
        |g| Some(g.recruiting),
    ),
    ("pay", "pay (£)", ColumnUnit::Pounds, |g| Some(g.pay)),
];

/// Every column after the month, in order, with its heading and unit.
pub fn columns(projection: &Projection) -> Vec<Column> {
    let mut columns: Vec<Column> = ROW_COLUMNS
        .iter()
        .map(|(key, heading, unit, _)| Column {
            key: (*key).to_owned(),
            heading: (*heading).to_owned(),
            unit: *unit,
        })
        .collect();
    columns.extend(PlacementKind::ALL.iter().map(|kind| Column {
        key: format!("looked_after_{}", kind.key()),
        heading: format!("Children in care: {}", kind.label()),
        unit: ColumnUnit::Count,
    }));
    for group in &projection.groups {
        columns.extend(GROUP_COLUMNS.iter().map(|(key, heading, unit, _)| Column {
            key: format!("{key}_{}", group.id),
            heading: format!("{}: {heading}", group.name),
            unit: *unit,
        }));
    }
    columns
}

/// The header row's column names, in order.
pub fn column_names(projection: &Projection) -> Vec<String> {
    let mut names = vec!["month".to_owned()];
    names.extend(columns(projection).into_iter().map(|column| column.key));
    names
}

/// The numbers of one month, in the order of [`columns`]; `None` for "no
/// capacity" and for a month the projection does not have.
pub fn row_values(projection: &Projection, month_index: usize) -> Vec<Option<f64>> {
    let Some(row) = projection.rows.get(month_index) else {
        return Vec::new();
    };
    let mut values: Vec<Option<f64>> = ROW_COLUMNS
        .iter()
        .map(|(_, _, _, value)| value(row))
        .collect();
    values.extend(
        row.stocks
            .looked_after_by_placement
            .iter()
            .map(|children| Some(*children)),
    );
    for group_index in 0..projection.groups.len() {
        let group = projection.group_month(month_index, group_index);
        values.extend(
            GROUP_COLUMNS
                .iter()
                .map(|(_, _, _, value)| group.and_then(value)),
        );
    }
    values
}

/// The cells of one month's row, in the order of [`column_names`].
pub fn row_cells(projection: &Projection, month_index: usize) -> Vec<String> {
    let Some(row) = projection.rows.get(month_index) else {
        return Vec::new();
    };
    let mut cells = vec![row.month.iso()];
    cells.extend(row_values(projection, month_index).into_iter().map(number));
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
