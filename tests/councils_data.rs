//! The published figures of every council that ship inside Caseload
//! (`caseload::published`): re-derived from the raw files and found identical,
//! checked by hand against the raw files for three councils, against England's
//! national rows, and for suppressed cells, recoded and merged councils.

#![allow(clippy::unwrap_used)] // Test code: a panic is a failed test.

use std::path::Path;

use caseload::published::derive::{RAW_FILE_NAMES, RawFiles, derive};
use caseload::published::{
    self, COUNCILS_CSV, Council, ENGLAND_CODE, LICENCE, Measure, SpendingLine, YEARS_CSV,
};

fn council(code: &str) -> &'static Council {
    published::by_code(code).unwrap_or_else(|| panic!("no council {code}"))
}

fn figure(code: &str, year: i32, measure: Measure) -> Option<f64> {
    council(code)
        .year(year)
        .unwrap_or_else(|| panic!("{code} has no {year}"))
        .get(measure)
}

#[test]
fn the_shipped_tables_are_derived_from_the_raw_files_byte_for_byte() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/public-statistics");
    let mut texts: [String; 14] = Default::default();
    for (text, name) in texts.iter_mut().zip(RAW_FILE_NAMES) {
        *text = String::from_utf8_lossy(&std::fs::read(folder.join(name)).unwrap()).into_owned();
    }
    let derived = derive(&RawFiles::from_texts(&texts)).unwrap();
    assert!(
        derived.councils == COUNCILS_CSV,
        "derived/councils.csv differs from the raw files: run `cargo run --bin derive-councils`"
    );
    assert!(
        derived.years == YEARS_CSV,
        "derived/years.csv differs from the raw files: run `cargo run --bin derive-councils`"
    );
    for text in [COUNCILS_CSV, YEARS_CSV] {
        assert!(text.starts_with(&format!("# {LICENCE}\n")));
    }
}

#[test]
fn every_council_of_england_is_read() {
    assert_eq!(published::load_problem(), None);
    let councils = published::councils();
    // 153 councils with children's services reported in the year to March 2025.
    assert_eq!(councils.len(), 153);
    assert!(councils.windows(2).all(|pair| pair[0].name <= pair[1].name));
    for council in councils {
        assert!(!council.region.is_empty(), "{}", council.name);
        assert_eq!(council.neighbours.len(), 10, "{}", council.name);
        assert!(council.latest_year().is_some(), "{}", council.name);
        for neighbour in &council.neighbours {
            assert!(
                published::by_code(&neighbour.code).is_some(),
                "{}",
                neighbour.code
            );
            assert_ne!(neighbour.code, council.code);
        }
    }
    assert_eq!(published::england().unwrap().code, ENGLAND_CODE);
}

/// Read by hand from the raw files: CLA2019.csv (`CLA_Mar2019`), ADM2019.csv,
/// CEA2019.csv, b1 (`At31_episodes`), d5 (`CPP_At31`), c1 (`referral_count`) and the
/// workforce census (`inpost_fte`, `agency_fte`, `vacancy_fte`, `case_holders_fte`,
/// `caseload_fte`) for 2019.
#[test]
fn liverpool_wakefield_and_gloucestershire_in_2019_are_the_published_figures() {
    let expected = [
        // code, in care, started, ceased, in need, plans, referrals, social workers, agency, vacancies, case holders, caseload
        (
            "E08000012",
            1332.0,
            525.0,
            388.0,
            4213.0,
            554.0,
            6882.0,
            230.4,
            47.0,
            61.0,
            149.5,
            22.6,
        ),
        (
            "E08000036",
            609.0,
            256.0,
            211.0,
            3205.0,
            507.0,
            5977.0,
            205.0,
            96.4,
            80.4,
            176.3,
            20.0,
        ),
        (
            "E10000013",
            718.0,
            312.0,
            271.0,
            4163.0,
            762.0,
            7894.0,
            332.3,
            133.0,
            100.8,
            262.9,
            13.7,
        ),
    ];
    for (
        code,
        in_care,
        started,
        ceased,
        in_need,
        plans,
        referrals,
        fte,
        agency,
        vacancies,
        holders,
        caseload,
    ) in expected
    {
        let year = council(code).year(2019).unwrap();
        for (measure, value) in [
            (Measure::ChildrenInCare, in_care),
            (Measure::StartedCare, started),
            (Measure::CeasedCare, ceased),
            (Measure::ChildrenInNeed, in_need),
            (Measure::ProtectionPlans, plans),
            (Measure::Referrals, referrals),
            (Measure::SocialWorkersFte, fte),
            (Measure::AgencyFte, agency),
            (Measure::VacanciesFte, vacancies),
            (Measure::CaseHoldersFte, holders),
            (Measure::CaseloadPerCaseHolder, caseload),
        ] {
            assert_eq!(year.get(measure), Some(value), "{code} {measure:?}");
        }
    }
    let liverpool = council("E08000012").year(2019).unwrap();
    assert_eq!(
        liverpool.figure(Measure::ChildrenInCare).unwrap().source(),
        "DfE children looked after 2019, underlying data CLA2019, 31 March 2019"
    );
    assert_eq!(
        liverpool.figure(Measure::ChildrenInNeed).unwrap().source(),
        "DfE children in need, table B1, 31 March 2019"
    );
    assert_eq!(
        liverpool.figure(Measure::Referrals).unwrap().source(),
        "DfE children in need, table C1 (referrals), year ending 31 March 2019"
    );
    assert_eq!(
        liverpool
            .figure(Measure::SocialWorkersFte)
            .unwrap()
            .source(),
        "DfE children's social work workforce census, 30 September 2019"
    );
    assert_eq!(Measure::ChildrenInCare.file(2019), "CLA2019.csv");
    assert_eq!(
        Measure::ChildrenInCare.file(2025),
        "cla_number_and_rate_per_10k_children.csv"
    );
    assert_eq!(
        Measure::ChildrenInCare.file(2020),
        "cla_number_and_rate_per_10k_children_2020_to_2024.csv"
    );
    // 2025, from the latest release: 1,416 in care (cla_number_and_rate...), 97,802
    // children aged 0 to 17 (ONS mid-2024, as the DfE's rate uses).
    assert_eq!(
        figure("E08000012", 2025, Measure::ChildrenInCare),
        Some(1416.0)
    );
    assert_eq!(
        figure("E08000012", 2025, Measure::Children0To17),
        Some(97802.0)
    );
    // 2020 from the release before: Liverpool's row in the 2020-2024 file.
    assert!(figure("E08000012", 2020, Measure::ChildrenInCare).is_some());
}

#[test]
fn liverpool_has_its_published_neighbours_judgement_and_spending() {
    let liverpool = published::find("Liverpool").unwrap();
    assert_eq!(liverpool.code, "E08000012");
    assert_eq!(liverpool.old_code, "341");
    assert_eq!(liverpool.region, "North West");
    let ofsted = liverpool.ofsted.as_ref().unwrap();
    assert_eq!(ofsted.overall, "Inadequate");
    assert_eq!(ofsted.inspected, "2023-03-13");
    // sn_model_2025_wide.csv, row 341: 890, 805, 806, 355, 393, 340, 394, 391, 807, 354.
    let names: Vec<&str> = liverpool
        .neighbours
        .iter()
        .map(|neighbour| published::by_code(&neighbour.code).unwrap().name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Blackpool",
            "Hartlepool",
            "Middlesbrough",
            "Salford",
            "South Tyneside",
            "Knowsley",
            "Sunderland",
            "Newcastle upon Tyne",
            "Redcar and Cleveland",
            "Rochdale"
        ]
    );
    assert_eq!(liverpool.neighbours[0].closeness, "Very close");
    assert_eq!(liverpool.neighbours[1].closeness, "Close");
    // RO3 2024-25, Liverpool, net current expenditure, £ thousands.
    assert_eq!(
        liverpool.spending(SpendingLine::ChildrenLookedAfter),
        Some(109807.0)
    );
    assert_eq!(
        liverpool.spending(SpendingLine::TotalChildrensSocialCare),
        Some(196326.0)
    );
}

/// Today's councils add up to England in 2025 (the national rows are rounded to
/// the nearest 10). Earlier years do not: the predecessors of merged councils
/// (Northamptonshire, Cumbria, old Dorset, Bournemouth, Poole) belong to no
/// council of today.
#[test]
fn councils_add_up_to_englands_national_rows_in_2025() {
    let england = published::england().unwrap().year(2025).unwrap();
    for (measure, tolerance) in [
        (Measure::ChildrenInCare, 0.001),
        (Measure::ChildrenInNeed, 0.001),
        (Measure::ProtectionPlans, 0.001),
        (Measure::Referrals, 0.001),
        (Measure::Children0To17, 0.0),
        // Joint returns (North and West Northamptonshire; Kingston and Richmond)
        // and suppressed councils are unknown, so the sum falls a little short.
        (Measure::SocialWorkersFte, 0.03),
    ] {
        let national = england.get(measure).unwrap();
        let sum: f64 = published::councils()
            .iter()
            .filter_map(|council| council.year(2025)?.get(measure))
            .sum();
        assert!(
            (sum - national).abs() <= national * tolerance + 1e-9,
            "{measure:?}: councils {sum}, England {national}"
        );
        assert!(sum <= national + 10.0 * 153.0, "{measure:?}");
    }
    // And 2019's sum is short by what the predecessor councils held.
    let england_2019 = published::england().unwrap().year(2019).unwrap();
    let sum_2019: f64 = published::councils()
        .iter()
        .filter_map(|council| council.year(2019)?.get(Measure::ChildrenInCare))
        .sum();
    let national_2019 = england_2019.get(Measure::ChildrenInCare).unwrap();
    assert!(sum_2019 < national_2019 && sum_2019 > 0.95 * national_2019);
}

#[test]
fn suppressed_cells_are_unknown_never_zero() {
    // d5 2019, Liverpool: plans of 1 to 2 years and 2 years or more are "c".
    assert_eq!(figure("E08000012", 2019, Measure::Plans1To2Years), None);
    assert_eq!(figure("E08000012", 2019, Measure::Plans2YearsOrMore), None);
    // The 2025 workforce census: Westminster "x"; North and West Northamptonshire
    // made one joint return, so neither council has a figure of its own.
    assert_eq!(figure("E09000033", 2025, Measure::SocialWorkersFte), None);
    assert_eq!(figure("E06000061", 2025, Measure::SocialWorkersFte), None);
    assert_eq!(figure("E06000062", 2025, Measure::SocialWorkersFte), None);
    // So did Kingston upon Thames and Richmond upon Thames.
    assert_eq!(figure("E09000021", 2025, Measure::SocialWorkersFte), None);
    assert_eq!(figure("E09000027", 2025, Measure::SocialWorkersFte), None);
    // Birmingham's 2024-25 outturn is "[x]" in RO3.
    assert_eq!(
        council("E08000025").spending(SpendingLine::ChildrenLookedAfter),
        None
    );
    // A published 0 stays 0: the Isles of Scilly had no social workers in post.
    assert_eq!(
        figure("E06000053", 2025, Measure::SocialWorkersFte),
        Some(0.0)
    );
    // No zero appears where the raw files hold a marker: every empty cell of the
    // derived table is unknown.
    let isles = council("E06000053");
    assert!(
        isles
            .years
            .iter()
            .any(|year| year.get(Measure::ChildrenInCare).is_none())
    );
}

#[test]
fn merged_split_and_recoded_councils_are_found_by_their_current_codes() {
    // Created in April 2019: history from the year to March 2020 (and the
    // workforce census of September 2019).
    for (code, name) in [
        ("E06000058", "Bournemouth, Christchurch and Poole"),
        ("E06000059", "Dorset"),
    ] {
        let council = published::find(code).unwrap();
        assert_eq!(council.name, name);
        let first = council.years.iter().find(|year| year.has_core_figures());
        assert_eq!(first.unwrap().year, 2020, "{name}");
        assert_eq!(council.years.first().unwrap().year, 2019, "{name}");
        assert!(!council.too_little_history());
    }
    // Northamptonshire split in April 2021.
    for (code, name) in [
        ("E06000061", "North Northamptonshire"),
        ("E06000062", "West Northamptonshire"),
    ] {
        let council = published::find(code).unwrap();
        assert_eq!(council.name, name);
        assert_eq!(council.latest_year(), Some(2025));
        assert!(
            council
                .year(2021)
                .is_none_or(|year| !year.has_core_figures())
        );
    }
    // Cumbria split in April 2023: two years so far.
    for code in ["E06000063", "E06000064"] {
        let council = published::find(code).unwrap();
        assert!(council.too_little_history(), "{}", council.name);
        assert_eq!(
            council.history_note().unwrap(),
            "too little history (2 years of published figures, from the year ending 31 March 2024)"
        );
    }
    // Recoded without changing area: the history continues under the old code.
    let north_yorkshire = published::find("E06000065").unwrap();
    assert!(
        north_yorkshire
            .year(2019)
            .unwrap()
            .get(Measure::ChildrenInCare)
            .is_some()
    );
    assert_eq!(published::find("E10000023").unwrap().code, "E06000065");
    assert_eq!(
        published::find("e10000002").unwrap().name,
        "Buckinghamshire"
    );
    // Barnsley's 2025 workforce census carries a new code, E08000038.
    let barnsley = published::find("Barnsley").unwrap();
    assert_eq!(
        barnsley.year(2025).unwrap().get(Measure::SocialWorkersFte),
        Some(208.2)
    );
    // The predecessors are no council of today.
    assert!(published::find("E06000028").is_err());
    assert!(published::by_code("E10000021").is_none());
}

#[test]
fn councils_are_found_by_name_or_code_in_any_case() {
    for text in [
        "Liverpool",
        "liverpool",
        "LIVERPOOL ",
        "E08000012",
        "e08000012",
        "341",
    ] {
        assert_eq!(published::find(text).unwrap().name, "Liverpool", "{text}");
    }
    assert_eq!(published::find("wakef").unwrap().name, "Wakefield");
    assert_eq!(
        published::find("Liverpol").unwrap_err(),
        "no council is called \"Liverpol\"; did you mean Liverpool?"
    );
    let several = published::find("north").unwrap_err();
    assert!(several.contains("matches 9 councils"), "{several}");
    assert!(
        published::find("zzzzzz")
            .unwrap_err()
            .contains("caseload councils")
    );
    assert!(published::find("").is_err());
    let names: Vec<&str> = published::search("wake")
        .iter()
        .map(|council| council.name.as_str())
        .collect();
    assert_eq!(names, ["Wakefield"]);
    assert_eq!(published::search("").len(), 153);
    assert_eq!(published::search("E0800001").len(), 10);
}
