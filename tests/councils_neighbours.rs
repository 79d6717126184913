//! "How we compare": a council beside its ten statistical neighbours and England
//! (`caseload::published::neighbours` and `caseload neighbours`).

#![allow(clippy::unwrap_used)] // Test code: a panic is a failed test.

use std::process::Command;

use caseload::published::neighbours::{Indicator, compare_with_neighbours};
use caseload::published::{self, LICENCE};

/// Liverpool's children in care per 10,000 children, by hand from the raw DfE file:
/// 1,416 children looked after on 31 March 2025 and 97,802 children aged 0 to 17,
/// which the DfE itself publishes as a rate of 145.
#[test]
fn a_rate_per_10000_is_the_published_one() {
    let raw = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/public-statistics/cla_number_and_rate_per_10k_children.csv"
    ))
    .unwrap();
    let row: Vec<&str> = raw
        .lines()
        .find(|line| {
            line.starts_with("2025,")
                && line.contains(",E08000012,")
                && line.contains("Children looked after on 31 March each year")
        })
        .unwrap()
        .split(',')
        .collect();
    let (population, children, published_rate) = (row[11], row[12], row[13]);
    assert_eq!(
        (population, children, published_rate),
        ("97802", "1416", "145")
    );

    let liverpool = published::find("Liverpool").unwrap();
    let rate = Indicator::ChildrenInCarePer10k
        .value(liverpool, 2025)
        .unwrap();
    assert!(
        (rate - 1_416.0 / 97_802.0 * 10_000.0).abs() < 1e-9,
        "{rate}"
    );
    assert_eq!(rate.round(), 145.0);
}

#[test]
fn the_council_comes_first_then_its_ten_neighbours_then_england() {
    let liverpool = published::find("E08000012").unwrap();
    let comparison = compare_with_neighbours(liverpool, None).unwrap();
    assert_eq!(Some(comparison.year), liverpool.latest_year());
    assert_eq!(comparison.rows.len(), 12);
    assert!(comparison.rows[0].is_subject);
    assert_eq!(comparison.rows[0].council.code, "E08000012");
    let listed: Vec<&str> = comparison.rows[1..11]
        .iter()
        .map(|row| row.council.code.as_str())
        .collect();
    let published: Vec<&str> = liverpool
        .neighbours
        .iter()
        .map(|neighbour| neighbour.code.as_str())
        .collect();
    assert_eq!(listed, published);
    assert!(comparison.rows[11].is_england);
    assert_eq!(
        comparison.rows.iter().filter(|row| row.is_subject).count(),
        1
    );
    // Agency and vacancy rates as the DfE defines them: part / (part + in post).
    let year = liverpool.year(comparison.year).unwrap();
    let agency = year.get(published::Measure::AgencyFte).unwrap();
    let in_post = year.get(published::Measure::SocialWorkersFte).unwrap();
    let rate = Indicator::AgencyRate
        .value(liverpool, comparison.year)
        .unwrap();
    assert!((rate - agency / (agency + in_post) * 100.0).abs() < 1e-9);
}

#[test]
fn ranked_bars_run_highest_first_with_the_unpublished_last() {
    let wakefield = published::find("wakefield").unwrap();
    let comparison = compare_with_neighbours(wakefield, Some(2019)).unwrap();
    for indicator in Indicator::ALL {
        let ranked = comparison.ranked(indicator);
        assert_eq!(ranked.len(), comparison.rows.len());
        let known: Vec<f64> = ranked.iter().filter_map(|(_, value)| *value).collect();
        assert!(
            known.windows(2).all(|pair| pair[0] >= pair[1]),
            "{indicator:?}"
        );
        let first_unknown = ranked.iter().position(|(_, value)| value.is_none());
        if let Some(first) = first_unknown {
            assert!(ranked[first..].iter().all(|(_, value)| value.is_none()));
        }
    }
    // A year the council has no figures for is said plainly.
    let error = compare_with_neighbours(wakefield, Some(1990)).unwrap_err();
    assert!(error.contains("no published figures"), "{error}");
}

#[test]
fn caseload_neighbours_prints_the_table_with_its_sources() {
    let output = Command::new(env!("CARGO_BIN_EXE_caseload"))
        .args(["neighbours", "wakefield", "--year", "2019"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("> Wakefield"), "{text}");
    assert!(text.contains("year ending 31 March 2019"), "{text}");
    assert!(text.contains("England"), "{text}");
    for indicator in Indicator::ALL {
        assert!(text.contains(indicator.label()), "{text}");
    }
    assert!(text.contains(LICENCE));
    let missing = Command::new(env!("CARGO_BIN_EXE_caseload"))
        .args(["neighbours", "Atlantis"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(1));
    let message = String::from_utf8(missing.stderr).unwrap();
    assert!(message.contains("Atlantis"), "{message}");
}
