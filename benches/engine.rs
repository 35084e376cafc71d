//! Engine full recompute at 100 / 1,000 / 10,000 rack groups and at 10,000 racks (4,610 groups),
//! each in both cost modes (per-kW and itemised), on monthly-normal bins and on
//! an hourly (EPW) year, on one core. Budget at 10k: ≤ 5 ms (normals), ≤ 20 ms (EPW).
//!
//! `engine_{normals,epw}` time `engine::recompute`, what the app runs after every edit
//! (every figure of the site and its halls; per rack group the recommendation, heat and
//! money). `evaluate_{normals,epw}` time `engine::evaluate`, which also keeps each rack
//! group's names, reasons, yearly cash flows and CAPEX items for reports.

mod support;

use std::hint::black_box;

use coolplan::engine::{ClimateData, evaluate, recompute};
use coolplan::model::generate::generate_site;
use coolplan::model::{CostMode, Site};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use support::{GROUPS_OF_10K_RACKS, SEED, SIZES, epw_climate, normals_climate};

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
            let sizes = SIZES.map(|n| (n.to_string(), n));
            let racks_10k = ("10k_racks".to_string(), GROUPS_OF_10K_RACKS);
            for (id, n) in sizes.into_iter().chain([racks_10k]) {
                // both cost modes: itemised prices ~15 CAPEX items per group, per-kW two
                for mode in [CostMode::PerKw, CostMode::Itemised] {
                    let mut site = generate_site(n, SEED);
                    site.cost_mode = mode;
                    let id = BenchmarkId::new(format!("{mode:?}"), &id);
                    group.bench_with_input(id, &site, |b, site| {
                        b.iter(|| run(black_box(site), black_box(&climate)))
                    });
                }
            }
            group.finish();
        }
    }
}

criterion_group!(benches, engine);
criterion_main!(benches);
