//! Engine full recompute at 100 / 1,000 / 10,000 rack groups, on monthly-normal bins and on
//! an hourly (EPW) year, on one core. Budget at 10k: ≤ 5 ms (normals), ≤ 20 ms (EPW).
//!
//! `engine_{normals,epw}` time `engine::recompute`, what the app runs after every edit
//! (every figure of the site and its halls; per rack group the recommendation, heat and
//! money). `evaluate_{normals,epw}` time `engine::evaluate`, which also keeps each rack
//! group's names, reasons, yearly cash flows and CAPEX items for reports.

mod support;

use std::hint::black_box;

use coolplan::engine::{ClimateData, evaluate, recompute};
use coolplan::model::Site;
use coolplan::model::generate::generate_site;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use support::{SEED, SIZES, epw_climate, normals_climate};

/// Everything a recompute after an edit does: catalog, assumptions, physics, costs,
/// finance and the recommendation (`engine::recompute`); the results are dropped inside.
fn live(site: &Site, climate: &ClimateData) -> usize {
    recompute(site, climate).racks.len()
}

/// The same with every rack group in full (`engine::evaluate`, for reports).
fn full(site: &Site, climate: &ClimateData) -> usize {
    evaluate(site, climate).racks.len()
}

/// One way of evaluating a site, returning the number of rack groups.
type Run = fn(&Site, &ClimateData) -> usize;

fn engine(c: &mut Criterion) {
    let runs: [(&str, Run); 2] = [("engine", live), ("evaluate", full)];
    for (name, run) in runs {
        for (label, climate) in [("normals", normals_climate()), ("epw", epw_climate())] {
            let mut group = c.benchmark_group(format!("{name}_{label}"));
            for n in SIZES {
                let site = generate_site(n, SEED);
                group.bench_with_input(BenchmarkId::from_parameter(n), &site, |b, site| {
                    b.iter(|| run(black_box(site), black_box(&climate)))
                });
            }
            group.finish();
        }
    }
}

criterion_group!(benches, engine);
criterion_main!(benches);
