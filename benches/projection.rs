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
    let one_thread = rayon::ThreadPoolBuilder::new().num_threads(1).build();
    for draws in [1_000, 10_000] {
        group.bench_function(format!("{draws} draws, all threads"), |b| {
            b.iter(|| {
                caseload::sim::monte_carlo::monte_carlo_simple(black_box(&scenario), draws, 1)
            })
        });
        if let Ok(pool) = &one_thread {
            group.bench_function(format!("{draws} draws, one thread"), |b| {
                b.iter(|| {
                    pool.install(|| {
                        caseload::sim::monte_carlo::monte_carlo_simple(
                            black_box(&scenario),
                            draws,
                            1,
                        )
                    })
                })
            });
        }
    }
    group.finish();
}

fn goal_seek(c: &mut Criterion) {
    use caseload::sim::solve::{Confidence, Lever, Target, solve};
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("saves/wakefield-2018.ron");
    let Ok(scenario) = load_scenario(&path) else {
        panic!("saves/wakefield-2018.ron does not load");
    };
    let (Some(by), Some(from)) = (
        caseload::model::Month::new(2019, 3),
        caseload::model::Month::new(2018, 4),
    ) else {
        panic!("fixed months are valid");
    };
    let target = Target::WithinCapFrom { from: by };
    let lever = Lever::ExtraStaff {
        group: "experienced".to_owned(),
        from,
    };
    c.bench_function("goal seek wakefield experienced staff", |b| {
        b.iter(|| {
            solve(
                black_box(&scenario),
                &target,
                &lever,
                Confidence::MostLikely,
                2_000,
            )
        })
    });
}

fn write_file(c: &mut Criterion) {
    let scenario = caseload::io::default_scenario();
    c.bench_function("write liverpool-2019 as RON text", |b| {
        b.iter(|| caseload::io::scenario_to_ron(black_box(&scenario)))
    });
}

criterion_group! {
    name = benches;
    // Criterion's own plots need system fonts, which this build's plotters (with
    // built-in fonts only) does not look for; the figures are what matter here.
    config = Criterion::default().without_plots();
    targets = projection, file, write_file, goal_seek, monte_carlo
}
criterion_main!(benches);
