//! How long fitting one council's demand rates to its published history takes
//! (the issue asks under 1 s): Liverpool's scenario from the figures to 31 March
//! 2019 (as `caseload new --council Liverpool --year 2019` writes it), fitted to
//! the years ending 31 March 2019 to 2024, as `caseload calibrate` does.

use std::hint::black_box;

use caseload::council_scenario::build;
use caseload::history::calibrate;
use caseload::published;
use criterion::{Criterion, criterion_group, criterion_main};

fn one_council(c: &mut Criterion) {
    let Ok(liverpool) = published::find("Liverpool") else {
        panic!("Liverpool is not among the published councils");
    };
    let scenario = match build(liverpool, Some(2019)) {
        Ok(built) => built.scenario,
        Err(message) => panic!("Liverpool 2019 does not build: {message}"),
    };
    let mut group = c.benchmark_group("calibrate");
    group.sample_size(10);
    group.bench_function("fit Liverpool 2019 to its published years 2019-2024", |b| {
        b.iter(|| calibrate(black_box(&scenario), liverpool, 2019..=2024))
    });
    group.finish();
}

criterion_group!(benches, one_council);
criterion_main!(benches);
