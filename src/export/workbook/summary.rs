//! The Summary sheet: each scenario by financial year, then the whole period
//! (spend, funding, variance, reserves, caseload, months over cap, children in
//! care, staff and agency share), under the comparison card when there is one.

use rust_xlsxwriter::{Format, Worksheet, XlsxError};

use super::formats::{Formats, MAX_COLUMN_PIXELS};
use crate::compare::{DecisionSummary, Verdict};
use crate::export::ReportEntry;
use crate::sim::{Projection, YearSummary};
use crate::units;

/// The headings of the table, after the scenario's name.
pub const HEADINGS: [&str; 11] = [
    "Financial year",
    "Months",
    "Spend (£)",
    "Funding (£)",
    "Variance against funding (£)",
    "Reserves at year end (£)",
    "Average caseload (cases per FTE)",
    "Months over cap",
    "Children in care at year end",
    "Staff at year end (FTE)",
    "Agency share at year end (%)",
];

/// How the row that totals the whole projection starts: "Whole period (39
/// months)", as the window's comparison table says it.
pub const WHOLE_PERIOD: &str = "Whole period";

/// One row of the table: a financial year, or the whole period.
pub struct SummaryRow {
    pub label: String,
    pub months: usize,
    pub spend: f64,
    pub funding: f64,
    pub variance: f64,
    pub reserves_at_end: f64,
    /// `None` when no month had anyone to hold cases.
    pub average_caseload: Option<f64>,
    pub months_over_cap: usize,
    pub children_in_care_at_end: f64,
    pub fte_at_end: f64,
    pub agency_share_at_end: f64,
}

impl SummaryRow {
    fn of_year(year: &YearSummary) -> Self {
        Self {
            label: units::financial_year_covered(year.year.0, year.months),
            months: year.months,
            spend: year.spend.total(),
            funding: year.funding(),
            variance: year.variance,
            reserves_at_end: year.reserves_at_end,
            average_caseload: year.average_caseload,
            months_over_cap: year.months_over_cap,
            children_in_care_at_end: year.looked_after_at_end,
            fte_at_end: year.fte_at_end,
            agency_share_at_end: year.agency_share_at_end,
        }
    }

    /// The whole projection: totals of money, the mean caseload of the months
    /// with capacity, and where things stand at the end. `None` for a projection
    /// with no months.
    fn of_whole_period(projection: &Projection) -> Option<Self> {
        let last = projection.years.last()?;
        let caseloads: Vec<f64> = projection
            .rows
            .iter()
            .filter_map(|row| row.workload.average_caseload)
            .collect();
        Some(Self {
            label: format!(
                "{WHOLE_PERIOD} ({})",
                units::month_count(projection.rows.len())
            ),
            months: projection.rows.len(),
            spend: projection.years.iter().map(|year| year.spend.total()).sum(),
            funding: projection.years.iter().map(YearSummary::funding).sum(),
            variance: projection.years.iter().map(|year| year.variance).sum(),
            reserves_at_end: last.reserves_at_end,
            average_caseload: (!caseloads.is_empty())
                .then(|| caseloads.iter().sum::<f64>() / caseloads.len() as f64),
            months_over_cap: projection.months_over_cap(),
            children_in_care_at_end: last.looked_after_at_end,
            fte_at_end: last.fte_at_end,
            agency_share_at_end: last.agency_share_at_end,
        })
    }
}

/// The rows of one projection's table: each financial year, then the whole period.
pub fn summary_rows(projection: &Projection) -> Vec<SummaryRow> {
    let mut rows: Vec<SummaryRow> = projection.years.iter().map(SummaryRow::of_year).collect();
    rows.extend(SummaryRow::of_whole_period(projection));
    rows
}

/// What the projection says in words: months over cap, and reserves at the end
/// or the month they run out.
fn standing(projection: &Projection) -> String {
    let reserves = match (projection.reserves_run_out(), projection.years.last()) {
        (Some(run_out), _) => format!("{}.", run_out.warning()),
        (None, Some(last)) => format!("Reserves at the end: {}.", units::gbp(last.reserves_at_end)),
        (None, None) => String::new(),
    };
    format!("{} {reserves}", projection.over_cap_sentence())
        .trim()
        .to_owned()
}

pub fn write(
    sheet: &mut Worksheet,
    entries: &[ReportEntry<'_>],
    card: Option<&DecisionSummary>,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let compared = entries.len() > 1;
    let card_lines = card.map_or(0, |card| card.lines.len());
    // Title, the card, one line per scenario, a blank row; then the table.
    let header_row = (1 + card_lines + entries.len() + 1) as u32;
    let first_column: u16 = if compared { 1 } else { 0 };
    if compared {
        sheet.write_string_with_format(header_row, 0, "Scenario", &formats.header)?;
    }
    for (offset, heading) in HEADINGS.iter().enumerate() {
        sheet.write_string_with_format(
            header_row,
            first_column + offset as u16,
            *heading,
            &formats.header,
        )?;
    }
    let mut row_number = header_row + 1;
    for entry in entries {
        for row in summary_rows(entry.projection) {
            let whole = row.label.starts_with(WHOLE_PERIOD);
            if compared {
                let style = if whole { &formats.bold } else { &formats.text };
                sheet.write_string_with_format(row_number, 0, &entry.scenario.name, style)?;
            }
            write_row(sheet, row_number, first_column, &row, whole, formats)?;
            row_number += 1;
        }
    }
    sheet.set_autofit_max_width(MAX_COLUMN_PIXELS).autofit();
    // Written after fitting, so the long lines overflow to the right instead of
    // widening the first column.
    let title = match entries {
        [baseline, scenario] => format!(
            "{} against {}: summary by financial year",
            scenario.scenario.name, baseline.scenario.name
        ),
        _ => entries.first().map_or_else(
            || "Summary by financial year".to_owned(),
            |entry| format!("{}: summary by financial year", entry.scenario.name),
        ),
    };
    sheet.write_string_with_format(0, 0, &title, &formats.title)?;
    for (index, line) in card.iter().flat_map(|card| &card.lines).enumerate() {
        let marked = match line.verdict {
            Verdict::Better => &formats.better,
            Verdict::Worse => &formats.worse,
            Verdict::Same => &formats.bold,
        };
        let topic = format!("{}: {}. ", line.topic, line.verdict.word());
        sheet.write_rich_string(
            1 + index as u32,
            0,
            &[
                (marked, topic.as_str()),
                (&formats.text, line.sentence.as_str()),
            ],
        )?;
    }
    for (index, entry) in entries.iter().enumerate() {
        let line = if compared {
            format!("{}: {}", entry.scenario.name, standing(entry.projection))
        } else {
            standing(entry.projection)
        };
        sheet.write_string(1 + (card_lines + index) as u32, 0, &line)?;
    }
    sheet.set_freeze_panes(header_row + 1, 0)?;
    Ok(())
}

fn write_row(
    sheet: &mut Worksheet,
    row_number: u32,
    first_column: u16,
    row: &SummaryRow,
    whole: bool,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let bold = |format: &Format| {
        if whole {
            format.clone().set_bold()
        } else {
            format.clone()
        }
    };
    let label = if whole { &formats.bold } else { &formats.text };
    sheet.write_string_with_format(row_number, first_column, &row.label, label)?;
    let numbers: [(Option<f64>, Format); 10] = [
        (Some(row.months as f64), bold(&formats.count)),
        (Some(row.spend), bold(&formats.pounds)),
        (Some(row.funding), bold(&formats.pounds)),
        (Some(row.variance), bold(&formats.variance)),
        (Some(row.reserves_at_end), bold(&formats.pounds)),
        (row.average_caseload, bold(&formats.decimal)),
        (Some(row.months_over_cap as f64), bold(&formats.count)),
        (Some(row.children_in_care_at_end), bold(&formats.count)),
        (Some(row.fte_at_end), bold(&formats.fte)),
        (Some(row.agency_share_at_end), bold(&formats.percent)),
    ];
    for (offset, (value, format)) in numbers.iter().enumerate() {
        let column = first_column + 1 + offset as u16;
        match value {
            Some(value) => {
                sheet.write_number_with_format(row_number, column, *value, format)?;
            }
            None => {
                sheet.write_string_with_format(row_number, column, "no capacity", format)?;
            }
        }
    }
    Ok(())
}
