//! How long one projection takes, on each example scenario, over 36 and 120 months.

use std::hint::black_box;
use std::path::Path;

use caseload::io::load_scenario;
use caseload::project;
use criterion::{Criterion, criterion_group, criterion_main};

fn projection(c: &mut Criterion) {
    let saves = Path::new(env!("CARGO_MANIFEST_DIR")).join("saves");
    for name in ["liverpool-2019", "gloucestershire-2018", "wakefield-2018"] {
        let Ok(mut scenario) = load_scenario(&saves.join(format!("{name}.ron"))) else {
            panic!("saves/{name}.ron does not load");
        };
        for months in [36, 120] {
            scenario.horizon_months = months;
            c.bench_function(&format!("project {name} {months} months"), |b| {
                b.iter(|| project(black_box(&scenario)))
            });
        }
    }
}

fn file(c: &mut Criterion) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("saves/liverpool-2019.ron");
    c.bench_function("load and validate liverpool-2019.ron", |b| {
        b.iter(|| load_scenario(black_box(&path)))
    });
}

fn monte_carlo(c: &mut Criterion) {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wakefield-with-ranges.ron");
    let Ok(mut scenario) = load_scenario(&path) else {
        panic!("the fixture with ranges does not load");
    };
    scenario.horizon_months = 120;
    let mut group = c.benchmark_group("monte carlo 120 months");
    group.sample_size(10);
    for draws in [1_000, 10_000] {
        group.bench_function(format!("{draws} draws, all threads"), |b| {
            b.iter(|| {
                caseload::sim::monte_carlo::monte_carlo_simple(black_box(&scenario), draws, 1)
            })
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    // Criterion's own plots need system fonts, which this build's plotters (with
    // built-in fonts only) does not look for; the figures are what matter here.
    config = Criterion::default().without_plots();
    targets = projection, file, monte_carlo
}
criterion_main!(benches);
