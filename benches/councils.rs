//! How long building a scenario from a council's published figures takes (the
//! issue asks under 50 ms), and building and projecting one for every council with
//! data, as `caseload new --council` and `caseload run` do.

use std::hint::black_box;

use caseload::council_scenario::build;
use caseload::project;
use caseload::published;
use criterion::{Criterion, criterion_group, criterion_main};

fn one_council(c: &mut Criterion) {
    let Ok(wakefield) = published::find("Wakefield") else {
        panic!("Wakefield is not among the published councils");
    };
    c.bench_function("build the scenario for Wakefield (latest year)", |b| {
        b.iter(|| build(black_box(wakefield), None))
    });
}

fn every_council(c: &mut Criterion) {
    let councils: Vec<_> = published::councils()
        .iter()
        .filter(|council| council.latest_year().is_some())
        .collect();
    let mut group = c.benchmark_group("every council");
    group.sample_size(10);
    group.bench_function(
        format!("build and project {} councils, 36 months", councils.len()),
        |b| {
            b.iter(|| {
                for council in &councils {
                    if let Ok(built) = build(black_box(council), None) {
                        black_box(project(&built.scenario));
                    }
                }
            })
        },
    );
    group.finish();
}

criterion_group!(benches, one_council, every_council);
criterion_main!(benches);
