//! Reads the two derived tables back into [`Council`]s.

use std::collections::HashMap;

use super::measures::{Measure, SpendingLine};
use super::{Council, CouncilYear, Data, ENGLAND_CODE, Neighbour, Ofsted};

fn csv_reader(text: &str) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .from_reader(text.as_bytes())
}

fn column(headers: &csv::StringRecord, name: &str, table: &str) -> Result<usize, String> {
    headers
        .iter()
        .position(|header| header == name)
        .ok_or_else(|| format!("{table}: no column {name}"))
}

fn value(text: &str, table: &str, line: u64) -> Result<Option<f64>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    text.parse::<f64>()
        .map(Some)
        .map_err(|_| format!("{table}, line {line}: {text:?} is not a number"))
}

pub(super) fn parse(councils_csv: &str, years_csv: &str) -> Result<Data, String> {
    let mut years: HashMap<String, Vec<CouncilYear>> = HashMap::new();
    let mut reader = csv_reader(years_csv);
    let headers = reader.headers().map_err(|error| error.to_string())?.clone();
    let (code_at, year_at) = (
        column(&headers, "code", "years.csv")?,
        column(&headers, "year", "years.csv")?,
    );
    let measure_at = Measure::ALL
        .iter()
        .map(|measure| column(&headers, measure.column(), "years.csv"))
        .collect::<Result<Vec<_>, String>>()?;
    for record in reader.records() {
        let record = record.map_err(|error| format!("years.csv: {error}"))?;
        let line = record.position().map_or(0, csv::Position::line);
        let year = record
            .get(year_at)
            .and_then(|year| year.parse().ok())
            .ok_or_else(|| format!("years.csv, line {line}: no year"))?;
        let mut values = [None; Measure::ALL.len()];
        for (slot, at) in values.iter_mut().zip(&measure_at) {
            *slot = value(record.get(*at).unwrap_or(""), "years.csv", line)?;
        }
        years
            .entry(record.get(code_at).unwrap_or("").to_owned())
            .or_default()
            .push(CouncilYear { year, values });
    }

    let mut reader = csv_reader(councils_csv);
    let headers = reader.headers().map_err(|error| error.to_string())?.clone();
    let at = |name: &str| column(&headers, name, "councils.csv");
    let (code, old_code, former, name, region, overall, inspected) = (
        at("code")?,
        at("old_code")?,
        at("former_codes")?,
        at("name")?,
        at("region")?,
        at("ofsted_overall_effectiveness")?,
        at("ofsted_inspection_date")?,
    );
    let neighbour_at = (1..=10)
        .map(|rank| {
            Ok((
                at(&format!("neighbour_{rank}"))?,
                at(&format!("neighbour_{rank}_closeness"))?,
            ))
        })
        .collect::<Result<Vec<_>, String>>()?;
    let spending_at = SpendingLine::ALL
        .iter()
        .map(|line| at(line.column()))
        .collect::<Result<Vec<_>, String>>()?;
    let mut england = None;
    let mut councils = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|error| format!("councils.csv: {error}"))?;
        let line = record.position().map_or(0, csv::Position::line);
        let text = |index: usize| record.get(index).unwrap_or("").to_owned();
        let mut spending = [None; SpendingLine::ALL.len()];
        for (slot, at) in spending.iter_mut().zip(&spending_at) {
            *slot = value(record.get(*at).unwrap_or(""), "councils.csv", line)?;
        }
        let council = Council {
            code: text(code),
            old_code: text(old_code),
            former_codes: text(former).split_whitespace().map(str::to_owned).collect(),
            name: text(name),
            region: text(region),
            ofsted: Some(text(overall))
                .filter(|overall| !overall.is_empty())
                .map(|overall| Ofsted {
                    overall,
                    inspected: text(inspected),
                }),
            neighbours: neighbour_at
                .iter()
                .filter(|(code, _)| !text(*code).is_empty())
                .map(|(code, closeness)| Neighbour {
                    code: text(*code),
                    closeness: text(*closeness),
                })
                .collect(),
            years: years.remove(&text(code)).unwrap_or_default(),
            spending,
        };
        if council.code == ENGLAND_CODE {
            england = Some(council);
        } else {
            councils.push(council);
        }
    }
    let england = england.ok_or("councils.csv: no row for England")?;
    if councils.is_empty() {
        return Err("councils.csv: no councils".to_owned());
    }
    Ok(Data { england, councils })
}
