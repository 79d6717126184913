//! The Excel workbook, read back with calamine as a spreadsheet would read it:
//! every number on every sheet is compared with the projection it came from, and
//! the file's own XML is checked for frozen header rows and number formats.

#![allow(clippy::unwrap_used)] // Test code: a panic is a failed test.

mod common;

use std::io::{Cursor, Read};

use calamine::{Data, Range, Reader, Xlsx, open_workbook_from_rs};
use caseload::compare::ComparisonTable;
use caseload::export::{
    ColumnUnit, ReportEntry, WHOLE_PERIOD, decision_card, monthly_columns, monthly_values,
    workbook_xlsx,
};
use caseload::io::{default_scenario, load_scenario};
use caseload::model::Scenario;
use caseload::model::catalogue::{Value, inputs_of};
use caseload::sim::{Projection, project};
use caseload::units;
use common::{caseload, save, text};

type Book = Xlsx<Cursor<Vec<u8>>>;

fn open(bytes: &[u8]) -> Book {
    open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap()
}

fn sheet(book: &mut Book, name: &str) -> Range<Data> {
    book.worksheet_range(name).unwrap()
}

fn cell(range: &Range<Data>, row: usize, column: usize) -> Data {
    range
        .get_value((row as u32, column as u32))
        .cloned()
        .unwrap_or(Data::Empty)
}

/// A cell that must hold a number (never a number written as text).
fn number(range: &Range<Data>, row: usize, column: usize) -> f64 {
    match cell(range, row, column) {
        Data::Float(value) => value,
        Data::Int(value) => value as f64,
        Data::DateTime(date) => date.as_f64(),
        other => panic!("row {row}, column {column}: expected a number, found {other:?}"),
    }
}

fn words(range: &Range<Data>, row: usize, column: usize) -> String {
    match cell(range, row, column) {
        Data::String(text) => text,
        other => panic!("row {row}, column {column}: expected text, found {other:?}"),
    }
}

fn close(read: f64, expected: f64, what: &str) {
    let tolerance = 1e-9 * expected.abs().max(1.0);
    assert!(
        (read - expected).abs() <= tolerance,
        "{what}: read {read}, expected {expected}"
    );
}

/// The row whose first cells are `first` (a scenario name or a year), at or
/// after `from`.
fn find_row(range: &Range<Data>, column: usize, label: &str) -> Vec<usize> {
    (0..range.end().unwrap().0 as usize + 1)
        .filter(|row| cell(range, *row, column) == Data::String(label.to_owned()))
        .collect()
}

/// The XML of a sheet, by its place in the workbook (1 for the first).
fn sheet_xml(bytes: &[u8], place: usize) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes.to_vec())).unwrap();
    let mut file = archive
        .by_name(&format!("xl/worksheets/sheet{place}.xml"))
        .unwrap();
    let mut xml = String::new();
    file.read_to_string(&mut xml).unwrap();
    xml
}

fn styles_xml(bytes: &[u8]) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes.to_vec())).unwrap();
    let mut file = archive.by_name("xl/styles.xml").unwrap();
    let mut xml = String::new();
    file.read_to_string(&mut xml).unwrap();
    xml
}

/// The Summary sheet's table for one projection, from its header row (the row
/// that says "Financial year" in `first`), checked number by number.
fn check_summary(range: &Range<Data>, projection: &Projection, name: Option<&str>) {
    let first = usize::from(name.is_some());
    let header = find_row(range, first, "Financial year")[0];
    assert_eq!(words(range, header, first + 2), "Spend (£)");
    let rows: Vec<usize> = match name {
        Some(name) => find_row(range, 0, name)
            .into_iter()
            .filter(|row| *row > header)
            .collect(),
        None => (header + 1..=range.end().unwrap().0 as usize).collect(),
    };
    assert_eq!(
        rows.len(),
        projection.years.len() + 1,
        "a row a year and the whole period"
    );
    for (year, row) in projection.years.iter().zip(&rows) {
        let row = *row;
        let label = units::financial_year_covered(year.year.0, year.months);
        assert_eq!(words(range, row, first), label);
        let expected = [
            year.months as f64,
            year.spend.total(),
            year.funding(),
            year.variance,
            year.reserves_at_end,
            year.average_caseload.unwrap(),
            year.months_over_cap as f64,
            year.looked_after_at_end,
            year.fte_at_end,
            year.agency_share_at_end,
        ];
        for (offset, value) in expected.iter().enumerate() {
            close(
                number(range, row, first + 1 + offset),
                *value,
                &format!("{label}, column {}", offset + 1),
            );
        }
    }
    // The whole period: totals of money, where things stand at the end.
    let whole = *rows.last().unwrap();
    assert_eq!(
        words(range, whole, first),
        format!(
            "{WHOLE_PERIOD} ({})",
            units::month_count(projection.rows.len())
        )
    );
    let last = projection.years.last().unwrap();
    let caseloads: Vec<f64> = projection
        .rows
        .iter()
        .filter_map(|row| row.workload.average_caseload)
        .collect();
    let expected = [
        projection.rows.len() as f64,
        projection.total_spend(),
        projection.years.iter().map(|year| year.funding()).sum(),
        projection.years.iter().map(|year| year.variance).sum(),
        last.reserves_at_end,
        caseloads.iter().sum::<f64>() / caseloads.len() as f64,
        projection.months_over_cap() as f64,
        last.looked_after_at_end,
        last.fte_at_end,
        last.agency_share_at_end,
    ];
    for (offset, value) in expected.iter().enumerate() {
        let read = number(range, whole, first + 1 + offset);
        // The total spend is summed by year here and by month there.
        let tolerance = 1e-6 * value.abs().max(1.0);
        assert!(
            (read - value).abs() <= tolerance,
            "whole period, column {}: read {read}, expected {value}",
            offset + 1
        );
    }
}

/// The Monthly sheet's rows for one projection, starting at `first_row`, every
/// column against the projection's monthly figures.
fn check_monthly(
    range: &Range<Data>,
    projection: &Projection,
    first_row: usize,
    name: Option<&str>,
) {
    let first_figure = if name.is_some() { 2 } else { 1 };
    let headings: Vec<String> = (first_figure..=range.end().unwrap().1 as usize)
        .map(|column| words(range, 0, column))
        .collect();
    let columns = monthly_columns(projection);
    for (month_index, month) in projection.rows.iter().enumerate() {
        let row = first_row + month_index;
        if let Some(name) = name {
            assert_eq!(words(range, row, 0), name);
        }
        let date = rust_xlsxwriter::ExcelDateTime::from_ymd(
            month.month.year() as u16,
            month.month.month_number() as u8,
            1,
        )
        .unwrap();
        close(
            number(range, row, first_figure - 1),
            date.to_excel(),
            "month",
        );
        let values = monthly_values(projection, month_index);
        for (column, value) in columns.iter().zip(&values) {
            let at = headings
                .iter()
                .position(|heading| *heading == column.heading)
                .unwrap_or_else(|| panic!("no column {}", column.heading));
            let what = format!("{} in {}", column.heading, month.month.label());
            match value {
                Some(value) => {
                    let expected = if column.unit == ColumnUnit::Percent {
                        value / 100.0
                    } else {
                        *value
                    };
                    close(number(range, row, first_figure + at), expected, &what);
                }
                None => assert_eq!(cell(range, row, first_figure + at), Data::Empty, "{what}"),
            }
        }
        // A few figures straight from the projection, not through the CSV's table.
        let spend = headings
            .iter()
            .position(|heading| heading == "Spend: total (£)")
            .unwrap();
        close(
            number(range, row, first_figure + spend),
            month.spend.total(),
            "total spend",
        );
        let in_care = headings
            .iter()
            .position(|heading| heading == "Children in care")
            .unwrap();
        close(
            number(range, row, first_figure + in_care),
            month.stocks.looked_after(),
            "children in care",
        );
    }
}

/// The Inputs sheet: every input of the scenario, its value as the file holds it.
fn check_inputs(range: &Range<Data>, scenario: &Scenario, value_column: usize) {
    let unit_column = (0..10)
        .find(|column| cell(range, 0, *column) == Data::String("Unit".to_owned()))
        .unwrap();
    let path_column = unit_column + 3;
    assert_eq!(words(range, 0, path_column), "In the file as");
    let inputs = inputs_of(scenario);
    assert!(inputs.len() > 50, "{}", inputs.len());
    for input in inputs {
        let path = input.named_path(scenario);
        let row = find_row(range, path_column, &path);
        assert_eq!(row.len(), 1, "{path}");
        let row = row[0];
        assert_eq!(words(range, row, 0), input.name_without_unit(scenario));
        assert_eq!(
            cell(range, row, unit_column),
            if input.input.unit.is_empty() {
                Data::Empty
            } else {
                Data::String(input.input.unit.to_owned())
            },
            "{path}"
        );
        match input.read(scenario).unwrap() {
            Value::Number(value) => {
                let expected = if input.input.unit.starts_with('%') {
                    value / 100.0
                } else {
                    value
                };
                close(number(range, row, value_column), expected, &path);
            }
            Value::Whole(value) => close(number(range, row, value_column), value.into(), &path),
            Value::Text(text) if text.is_empty() => {
                assert_eq!(cell(range, row, value_column), Data::Empty, "{path}")
            }
            Value::Text(text) => assert_eq!(words(range, row, value_column), text),
            Value::Switch(on) => assert_eq!(
                words(range, row, value_column),
                if on { "on" } else { "off" }
            ),
            Value::Month(month) => assert_eq!(words(range, row, value_column), month.label()),
            _ => assert!(!words(range, row, value_column).is_empty(), "{path}"),
        }
    }
}

#[test]
fn a_scenarios_workbook_holds_its_summary_months_and_inputs_number_for_number() {
    let scenario = default_scenario();
    let projection = project(&scenario);
    let entries = [ReportEntry {
        scenario: &scenario,
        projection: &projection,
    }];
    let bytes = workbook_xlsx(&entries).unwrap();
    let mut book = open(&bytes);
    assert_eq!(book.sheet_names(), ["Summary", "Monthly", "Inputs"]);

    let summary = sheet(&mut book, "Summary");
    assert_eq!(
        words(&summary, 0, 0),
        format!("{}: summary by financial year", scenario.name)
    );
    assert_eq!(words(&summary, 1, 0), {
        let reserves = match projection.reserves_run_out() {
            Some(run_out) => format!("{}.", run_out.warning()),
            None => format!(
                "Reserves at the end: {}.",
                units::gbp(projection.years.last().unwrap().reserves_at_end)
            ),
        };
        format!("{} {reserves}", projection.over_cap_sentence())
    });
    check_summary(&summary, &projection, None);

    let monthly = sheet(&mut book, "Monthly");
    assert_eq!(words(&monthly, 0, 0), "Month");
    let last_row = monthly.end().unwrap().0 as usize;
    assert_eq!(
        last_row,
        projection.rows.len(),
        "a header and a row a month"
    );
    check_monthly(&monthly, &projection, 1, None);

    let inputs = sheet(&mut book, "Inputs");
    assert_eq!(words(&inputs, 0, 1), "Value");
    check_inputs(&inputs, &scenario, 1);
}

#[test]
fn a_comparisons_workbook_holds_both_scenarios_and_the_table_b_minus_a() {
    let baseline = load_scenario(&save("liverpool-2019-do-nothing.ron")).unwrap();
    let plan = load_scenario(&save("liverpool-2019.ron")).unwrap();
    let (projection_a, projection_b) = (project(&baseline), project(&plan));
    let entries = [
        ReportEntry {
            scenario: &baseline,
            projection: &projection_a,
        },
        ReportEntry {
            scenario: &plan,
            projection: &projection_b,
        },
    ];
    let bytes = workbook_xlsx(&entries).unwrap();
    let card = decision_card(&entries).unwrap();
    assert!(card.lines.len() >= 3, "{card:?}");
    let mut book = open(&bytes);
    assert_eq!(
        book.sheet_names(),
        ["Summary", "Monthly", "Comparison", "Inputs"]
    );

    let summary = sheet(&mut book, "Summary");
    // The card opens the sheet, under the title, in the window's words: each
    // point, better or worse, and its sentence.
    assert_eq!(
        words(&summary, 0, 0),
        format!("{}: summary by financial year", card.title())
    );
    for (index, line) in card.lines.iter().enumerate() {
        assert_eq!(
            words(&summary, 1 + index, 0),
            format!("{}: {}. {}", line.topic, line.verdict.word(), line.sentence)
        );
    }
    check_summary(&summary, &projection_a, Some(&baseline.name));
    check_summary(&summary, &projection_b, Some(&plan.name));

    let monthly = sheet(&mut book, "Monthly");
    assert_eq!(
        monthly.end().unwrap().0 as usize,
        projection_a.rows.len() + projection_b.rows.len()
    );
    check_monthly(&monthly, &projection_a, 1, Some(&baseline.name));
    check_monthly(
        &monthly,
        &projection_b,
        1 + projection_a.rows.len(),
        Some(&plan.name),
    );

    let comparison = sheet(&mut book, "Comparison");
    assert_eq!(words(&comparison, 0, 4), format!("A: {}", baseline.name));
    assert_eq!(words(&comparison, 0, 5), format!("B: {}", plan.name));
    assert_eq!(words(&comparison, 0, 6), "B minus A");
    let table = ComparisonTable::new(&projection_a, &projection_b);
    assert_eq!(
        comparison.end().unwrap().0 as usize,
        table.rows.len() + table.whole_period.len()
    );
    for (index, row) in table.rows.iter().enumerate() {
        let at = index + 1;
        assert_eq!(
            words(&comparison, at, 0),
            units::financial_year_covered(row.year.0, row.months)
        );
        assert_eq!(words(&comparison, at, 2), row.metric);
        assert_eq!(words(&comparison, at, 3), row.measure.unit());
        for (column, value) in [(4, row.baseline), (5, row.scenario), (6, row.difference())] {
            match value {
                Some(value) => close(number(&comparison, at, column), value, row.metric),
                None => assert!(matches!(
                    cell(&comparison, at, column),
                    Data::String(_) | Data::Empty
                )),
            }
        }
    }

    // Then the whole period, figure by figure.
    for (index, row) in table.whole_period.iter().enumerate() {
        let at = table.rows.len() + 1 + index;
        assert_eq!(words(&comparison, at, 0), table.period_label());
        assert_eq!(words(&comparison, at, 2), row.metric);
        for (column, value) in [(4, row.baseline), (5, row.scenario), (6, row.difference())] {
            if let Some(value) = value {
                close(number(&comparison, at, column), value, row.metric);
            }
        }
    }

    let inputs = sheet(&mut book, "Inputs");
    assert_eq!(words(&inputs, 0, 1), format!("A: {}", baseline.name));
    assert_eq!(words(&inputs, 0, 2), format!("B: {}", plan.name));
    check_inputs(&inputs, &baseline, 1);
    check_inputs(&inputs, &plan, 2);
}

#[test]
fn headers_stay_in_view_and_numbers_carry_their_units() {
    let scenario = default_scenario();
    let projection = project(&scenario);
    let entries = [
        ReportEntry {
            scenario: &scenario,
            projection: &projection,
        },
        ReportEntry {
            scenario: &scenario,
            projection: &projection,
        },
    ];
    let bytes = workbook_xlsx(&entries).unwrap();
    // Summary: title, the card, one line a scenario, a blank row, then the header.
    let card_lines = decision_card(&entries).unwrap().lines.len();
    let frozen = |place: usize| {
        let xml = sheet_xml(&bytes, place);
        let start = xml
            .find("<pane ")
            .unwrap_or_else(|| panic!("sheet {place}: no pane"));
        let pane = &xml[start..start + xml[start..].find("/>").unwrap()];
        assert!(pane.contains("state=\"frozen\""), "{pane}");
        pane.to_owned()
    };
    assert!(
        frozen(1).contains(&format!("ySplit=\"{}\"", card_lines + 5)),
        "{}",
        frozen(1)
    );
    assert!(frozen(2).contains("ySplit=\"1\""), "{}", frozen(2));
    assert!(
        frozen(2).contains("xSplit=\"2\""),
        "scenario and month stay in view"
    );
    assert!(frozen(3).contains("ySplit=\"1\""));
    assert!(frozen(4).contains("ySplit=\"1\""));
    let styles = styles_xml(&bytes);
    for code in [
        "&quot;£&quot;#,##0",
        "&quot;£&quot;#,##0&quot; over&quot;;&quot;£&quot;#,##0&quot; under&quot;",
        "0.0%",
        "#,##0.0",
        "mmm yyyy",
    ] {
        assert!(styles.contains(code), "no number format {code}");
    }
    // Column widths are set, not left at Excel's default.
    assert!(sheet_xml(&bytes, 1).contains("customWidth=\"1\""));
    assert!(sheet_xml(&bytes, 4).contains("customWidth=\"1\""));
}

#[test]
fn run_and_compare_write_a_workbook_and_refuse_to_overwrite_a_scenario() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("plan.xlsx");
    let plan = save("liverpool-2019.ron");
    let output = caseload(&[
        "run",
        plan.to_str().unwrap(),
        "--xlsx",
        out.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(
        text(&output.stdout).contains(&format!(
            "Wrote the workbook (summary, monthly figures and inputs) to {}.",
            out.display()
        )),
        "{}",
        text(&output.stdout)
    );
    let scenario = load_scenario(&plan).unwrap();
    let mut book = open(&std::fs::read(&out).unwrap());
    assert_eq!(book.sheet_names(), ["Summary", "Monthly", "Inputs"]);
    check_summary(&sheet(&mut book, "Summary"), &project(&scenario), None);

    let both = folder.path().join("both.xlsx");
    let baseline = save("liverpool-2019-do-nothing.ron");
    let output = caseload(&[
        "compare",
        baseline.to_str().unwrap(),
        plan.to_str().unwrap(),
        "--xlsx",
        both.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let mut book = open(&std::fs::read(&both).unwrap());
    assert_eq!(
        book.sheet_names(),
        ["Summary", "Monthly", "Comparison", "Inputs"]
    );
    let comparison = sheet(&mut book, "Comparison");
    assert_eq!(words(&comparison, 0, 6), "B minus A");

    // The workbook may not replace a scenario, nor share a name with the CSV.
    let copy = folder.path().join("copy.ron");
    std::fs::copy(&plan, &copy).unwrap();
    let before = std::fs::read(&copy).unwrap();
    let output = caseload(&[
        "run",
        copy.to_str().unwrap(),
        "--xlsx",
        copy.to_str().unwrap(),
    ]);
    assert!(!output.status.success());
    assert!(
        text(&output.stderr).contains("--xlsx"),
        "{}",
        text(&output.stderr)
    );
    assert_eq!(std::fs::read(&copy).unwrap(), before);
    let same = folder.path().join("same.out");
    let output = caseload(&[
        "run",
        plan.to_str().unwrap(),
        "--csv",
        same.to_str().unwrap(),
        "--xlsx",
        same.to_str().unwrap(),
    ]);
    assert!(!output.status.success());
    assert!(text(&output.stderr).contains("are the same file"));
    assert!(!same.exists());
}

#[test]
fn a_note_longer_than_a_cell_holds_still_gives_a_workbook() {
    let mut scenario = default_scenario();
    scenario.notes = "A long note. ".repeat(4_000);
    let projection = project(&scenario);
    let entries = [ReportEntry {
        scenario: &scenario,
        projection: &projection,
    }];
    let bytes = workbook_xlsx(&entries).unwrap();
    let mut book = open(&bytes);
    let inputs = sheet(&mut book, "Inputs");
    let row = find_row(&inputs, 0, "Notes");
    assert_eq!(row.len(), 1);
    let note = words(&inputs, row[0], 1);
    assert_eq!(note.chars().count(), 32_767);
    assert!(note.ends_with('…'));
}
