//! Site file load (read, UTF-8, parse, validate) and save (canonical text, then the atomic
//! write: temp file, fsync, backup, rename, folder fsync) at 100 / 1,000 / 10,000 rack
//! groups (budgets at 10k: load ≤ 150 ms, save ≤ 100 ms), and a NetBox device import (plan
//! and apply) at 1,000 / 10,000 / 100,000 rows, which must grow near-linearly.

mod support;

use std::hint::black_box;

use coolplan::io::import::{ImportOptions, apply, plan_import};
use coolplan::io::save::save_text;
use coolplan::io::{SaveOptions, SaveOutcome, load_site, to_canonical_string};
use coolplan::model::Catalog;
use coolplan::model::generate::generate_site;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use support::{SEED, SIZES};

fn load(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut group = c.benchmark_group("load");
    for n in SIZES {
        let path = dir.path().join(format!("site-{n}.ron"));
        let text = to_canonical_string(&generate_site(n, SEED)).expect("serialise");
        std::fs::write(&path, &text).expect("write site");
        group.bench_with_input(BenchmarkId::from_parameter(n), &path, |b, path| {
            b.iter(|| load_site(black_box(path)).expect("loads").site.halls.len())
        });
    }
    group.finish();
}

fn save(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut group = c.benchmark_group("save");
    for n in SIZES {
        let path = dir.path().join(format!("site-{n}.ron"));
        // Two versions saved in turn, so every save really writes (an unchanged file is
        // skipped) and keeps a backup of the previous one, as after an edit in the GUI.
        let first = generate_site(n, SEED);
        let mut second = first.clone();
        second.name.push_str(" (edited)");
        let sites = [first, second];
        let mut turn = 0usize;
        group.bench_function(BenchmarkId::from_parameter(n), |b| {
            b.iter(|| {
                turn += 1;
                let text = to_canonical_string(black_box(&sites[turn % 2])).expect("serialise");
                let outcome = save_text(&path, &text, SaveOptions::default()).expect("save");
                assert!(matches!(outcome, SaveOutcome::Written { .. }));
            })
        });
    }
    group.finish();
}

/// A NetBox device export of `rows` servers: 10 per rack, 200 racks per hall, models cycling
/// through real device types the catalog's aliases know and one it does not.
fn netbox_export(rows: usize) -> String {
    const TYPES: [(&str, &str); 4] = [
        ("Dell", "PowerEdge R650"),
        ("Dell", "PowerEdge R740"),
        ("NVIDIA", "DGX H100"),
        ("Acme", "Unknown Box 9000"),
    ];
    let mut csv = String::from(
        "Name,Status,Tenant,Site,Location,Rack,Position,Face,Role,Manufacturer,Type\n",
    );
    for row in 0..rows {
        let rack = row / 10;
        let (vendor, model) = TYPES[rack % TYPES.len()];
        csv.push_str(&format!(
            "dev-{row},Active,T,S,Hall {},R{rack:06},{},Front,Server,{vendor},{model}\n",
            rack / 200,
            row % 10 + 1,
        ));
    }
    csv
}

fn import(c: &mut Criterion) {
    let catalog = Catalog::builtin();
    let site = generate_site(100, SEED);
    let options = ImportOptions::default();
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    for rows in [1_000, 10_000, 100_000] {
        let csv = netbox_export(rows);
        group.bench_with_input(BenchmarkId::from_parameter(rows), &csv, |b, csv| {
            b.iter(|| {
                let plan = plan_import(&site, &catalog, black_box(csv), &options).expect("plan");
                let mut after = site.clone();
                apply(&mut after, &plan);
                after.halls.len()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, load, save, import);
criterion_main!(benches);
