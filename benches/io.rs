//! Site file load (read, UTF-8, parse, validate) and save (canonical text, then the atomic
//! write: temp file, fsync, backup, rename, folder fsync) at 100 / 1,000 / 10,000 rack
//! groups. Budgets at 10k: load ≤ 150 ms, save ≤ 100 ms.

mod support;

use std::hint::black_box;

use coolplan::io::save::save_text;
use coolplan::io::{SaveOptions, SaveOutcome, load_site, to_canonical_string};
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

criterion_group!(benches, load, save);
criterion_main!(benches);
