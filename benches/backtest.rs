//! How long backtests take: one council from 2019, and `caseload backtest --all`
//! from three start years (the issue asks under 2 s), both as the command runs them
//! (`--all` in parallel over the machine's cores).

use std::hint::black_box;

use caseload::history::all::backtest_all;
use caseload::history::backtest_council;
use caseload::published;
use criterion::{Criterion, criterion_group, criterion_main};

fn one_council(c: &mut Criterion) {
    let Ok(liverpool) = published::find("Liverpool") else {
        panic!("Liverpool is not among the published councils");
    };
    c.bench_function("backtest Liverpool from 2019", |b| {
        b.iter(|| backtest_council(black_box(liverpool), 2019))
    });
}

fn every_council(c: &mut Criterion) {
    let mut group = c.benchmark_group("backtest --all");
    group.sample_size(10);
    group.bench_function("every council from 2019, 2020 and 2021", |b| {
        b.iter(|| {
            let all = backtest_all(published::councils(), black_box(&[2019, 2020, 2021]));
            black_box(all.pooled())
        })
    });
    group.finish();
}

criterion_group!(benches, one_council, every_council);
criterion_main!(benches);
