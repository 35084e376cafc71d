//! Engine full recompute at 100 / 1,000 / 10,000 rack groups, on monthly-normal bins and on
//! an hourly (EPW) year, on one core. Budget at 10k: ≤ 5 ms (normals), ≤ 20 ms (EPW).

mod support;

use std::hint::black_box;

use coolplan::engine::{ClimateData, evaluate};
use coolplan::model::Site;
use coolplan::model::generate::generate_site;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use support::{SEED, SIZES, epw_climate, normals_climate};

/// Everything a recompute after an edit does: catalog, assumptions, physics, costs,
/// finance and the recommendation (`engine::evaluate`).
fn recompute(site: &Site, climate: &ClimateData) -> usize {
    evaluate(site, climate).racks.len()
}

fn engine(c: &mut Criterion) {
    for (label, climate) in [("normals", normals_climate()), ("epw", epw_climate())] {
        let mut group = c.benchmark_group(format!("engine_{label}"));
        for n in SIZES {
            let site = generate_site(n, SEED);
            group.bench_with_input(BenchmarkId::from_parameter(n), &site, |b, site| {
                b.iter(|| recompute(black_box(site), black_box(&climate)))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, engine);
criterion_main!(benches);
