//! Monte Carlo percentiles per month as CSV for spreadsheets.

use std::io::Write;

use super::csv::{csv_writer, text_cell};
use crate::sim::monte_carlo::{BAND_PERCENTILES, Bands, MonteCarlo};

/// Percentiles (5, 25, 50, 75, 95) per month of caseload, children in care, FTE
/// and spend, and the chance of being over cap; cells empty where a month has no
/// value (no capacity in any draw).
pub fn write_percentiles_csv(run: &MonteCarlo, out: &mut impl Write) -> std::io::Result<()> {
    let series: [(&str, &Bands); 4] = [
        ("average_caseload", &run.average_caseload),
        ("looked_after", &run.looked_after),
        ("total_fte", &run.total_fte),
        ("spend_total", &run.monthly_spend),
    ];
    let mut header = vec!["month".to_owned()];
    for (name, _) in &series {
        for percent in BAND_PERCENTILES {
            header.push(format!("{name}_p{percent}"));
        }
    }
    header.push("over_cap_probability".to_owned());
    let mut writer = csv_writer(out);
    writer.write_record(header.iter().map(|name| text_cell(name)))?;
    for (index, month) in run.months.iter().enumerate() {
        let mut cells = vec![month.iso()];
        for (_, bands) in &series {
            match bands.months.get(index).copied().flatten() {
                Some(values) => cells.extend(values.iter().map(|value| format!("{value:.4}"))),
                None => cells.extend(std::iter::repeat_n(String::new(), BAND_PERCENTILES.len())),
            }
        }
        let over_cap = run.over_cap_probability.get(index).copied().unwrap_or(0.0);
        cells.push(format!("{over_cap:.4}"));
        writer.write_record(cells)?;
    }
    writer.flush()
}
