//! A council's own monthly counts, to fit against in place of the published
//! yearly figures: a CSV with a `month` column (2019-04) and any of the columns
//! below, each cell a number or blank.

use crate::model::Month;

use super::super::figures::HistoryFigure;

/// The columns a counts file may have besides `month`, and the figure each is.
/// Stocks are counted at the end of the month and mean what the scenario file's
/// fields of the same names mean (`children_in_need`: children in need not on a
/// plan and not in care); flows are the month's.
pub const COLUMNS: [(&str, HistoryFigure); 7] = [
    ("referrals", HistoryFigure::Referrals),
    ("children_in_need", HistoryFigure::ChildrenInNeedNet),
    ("child_protection", HistoryFigure::ProtectionPlans),
    ("looked_after", HistoryFigure::ChildrenInCare),
    ("started_care", HistoryFigure::StartedCare),
    ("ceased_care", HistoryFigure::CeasedCare),
    ("plans_started", HistoryFigure::PlansStarted),
];

/// The largest count a file may give: far above any council's (England has
/// about 650,000 referrals a year).
pub const MAX_COUNT: f64 = 10_000_000.0;

/// One count: a figure in a month.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Count {
    pub month: Month,
    pub figure: HistoryFigure,
    pub value: f64,
    /// The line of the file it was read from (for messages).
    pub line: usize,
}

/// A council's own monthly counts.
#[derive(Clone, Debug, PartialEq)]
pub struct MonthlyCounts {
    /// Where they came from, for "Fitted to ...": a file name.
    pub source: String,
    pub counts: Vec<Count>,
}

impl MonthlyCounts {
    /// Reads the counts from the text of a CSV file called `source`. A bad row is
    /// refused as `FILE:LINE: what was expected`.
    pub fn parse(source: &str, text: &str) -> Result<MonthlyCounts, String> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .trim(csv::Trim::All)
            .flexible(true)
            .from_reader(text.as_bytes());
        let at = |line: u64| format!("{source}:{line}");
        let expected_columns = || {
            let names: Vec<&str> = COLUMNS.iter().map(|(name, _)| *name).collect();
            format!("month, then any of {}", names.join(", "))
        };
        let mut records = reader.records();
        let header = match records.next() {
            Some(Ok(header)) => header,
            Some(Err(error)) => return Err(format!("{}: {error}", at(1))),
            None => {
                return Err(format!(
                    "{}: the file is empty; expected a header row: {}",
                    at(1),
                    expected_columns()
                ));
            }
        };
        let mut figures: Vec<Option<HistoryFigure>> = Vec::new();
        for (index, name) in header.iter().enumerate() {
            let name = name.to_ascii_lowercase();
            if index == 0 {
                if name != "month" {
                    return Err(format!(
                        "{}: the first column must be \"month\", found \"{name}\"; expected {}",
                        at(1),
                        expected_columns()
                    ));
                }
                figures.push(None);
                continue;
            }
            let figure = COLUMNS
                .iter()
                .find(|(column, _)| *column == name)
                .map(|(_, figure)| *figure)
                .ok_or_else(|| {
                    format!(
                        "{}: unknown column \"{name}\"; expected {}",
                        at(1),
                        expected_columns()
                    )
                })?;
            if figures.contains(&Some(figure)) {
                return Err(format!("{}: the column \"{name}\" appears twice", at(1)));
            }
            figures.push(Some(figure));
        }
        if figures.len() < 2 {
            return Err(format!(
                "{}: no counts: expected {}",
                at(1),
                expected_columns()
            ));
        }
        let mut counts = Vec::new();
        let mut months: Vec<Month> = Vec::new();
        for record in records {
            let record = record.map_err(|error| {
                let line = error.position().map_or(0, |position| position.line());
                format!("{}: {error}", at(line))
            })?;
            let line = record.position().map_or(0, |position| position.line());
            if record.iter().all(str::is_empty) {
                continue;
            }
            if record.len() > figures.len() {
                return Err(format!(
                    "{}: {} cells, but the header has {} columns",
                    at(line),
                    record.len(),
                    figures.len()
                ));
            }
            let month = Month::parse(record.get(0).unwrap_or_default())
                .map_err(|message| format!("{}: {message}", at(line)))?;
            if months.contains(&month) {
                return Err(format!(
                    "{}: {} appears twice; expected one row a month",
                    at(line),
                    month.iso()
                ));
            }
            months.push(month);
            for (cell, figure) in record.iter().zip(&figures).skip(1) {
                let Some(figure) = figure else { continue };
                if cell.is_empty() {
                    continue;
                }
                let value: f64 = cell
                    .replace(',', "")
                    .parse()
                    .ok()
                    .filter(|value: &f64| (0.0..=MAX_COUNT).contains(value))
                    .ok_or_else(|| {
                        format!(
                            "{}: expected a count of {} (a number from 0 to 10,000,000, or blank), found \"{cell}\"",
                            at(line),
                            figure.label().to_lowercase()
                        )
                    })?;
                counts.push(Count {
                    month,
                    figure: *figure,
                    value,
                    line: usize::try_from(line).unwrap_or(usize::MAX),
                });
            }
        }
        if counts.is_empty() {
            return Err(format!(
                "{source}: no counts to fit to: expected rows like 2019-04, 512, 1800, 310, 640"
            ));
        }
        Ok(MonthlyCounts {
            source: source.to_owned(),
            counts,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_read_with_blanks_left_out() {
        let counts = MonthlyCounts::parse(
            "counts.csv",
            "month,referrals,looked_after\n2019-04,500,\n2019-05, 1_0 ,640\n",
        );
        let message = counts.unwrap_err();
        assert!(
            message.starts_with("counts.csv:3: expected a count of referrals"),
            "{message}"
        );
        let counts = MonthlyCounts::parse(
            "counts.csv",
            "Month,Referrals,looked_after\n2019-04,500,\n\n2019-05,\"1,020\",640\n",
        )
        .unwrap();
        let values: Vec<(String, f64)> = counts
            .counts
            .iter()
            .map(|count| (count.month.iso(), count.value))
            .collect();
        assert_eq!(
            values,
            vec![
                ("2019-04".to_owned(), 500.0),
                ("2019-05".to_owned(), 1020.0),
                ("2019-05".to_owned(), 640.0)
            ]
        );
        assert_eq!(counts.counts[2].figure, HistoryFigure::ChildrenInCare);
    }

    #[test]
    fn bad_headers_and_months_say_where() {
        let problem = |text: &str| MonthlyCounts::parse("c.csv", text).unwrap_err();
        assert!(problem("").starts_with("c.csv:1: the file is empty"));
        assert!(problem("when,referrals\n").starts_with("c.csv:1: the first column"));
        assert!(problem("month,cases\n").starts_with("c.csv:1: unknown column \"cases\""));
        assert!(problem("month,referrals\n2019-13,5\n").starts_with("c.csv:2: "));
        assert!(
            problem("month,referrals\n2019-04,5\n2019-04,6\n")
                .contains("c.csv:3: 2019-04 appears twice")
        );
        assert!(problem("month,referrals\n2019-04,5,6\n").starts_with("c.csv:2: 3 cells"));
        assert!(problem("month,referrals\n2019-04,\n").contains("no counts"));
        assert!(
            problem("month,referrals\n2019-04,1e300\n").starts_with("c.csv:2: expected a count")
        );
        assert!(problem("month,referrals\n2019-04,-1\n").starts_with("c.csv:2: expected a count"));
    }
}
