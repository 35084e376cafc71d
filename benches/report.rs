//! The PDF report of a generated site at 100 / 1,000 / 10,000 rack groups: document build,
//! layout with real glyph advances, and the krilla writer (font subsetting included), i.e.
//! `report::export(…, Format::Pdf, …)` as `coolplan report -o r.pdf` runs it after the engine.
//! Budget at 10k: ≤ 2 s.

mod support;

use std::hint::black_box;

use coolplan::engine::evaluate;
use coolplan::i18n::Lang;
use coolplan::model::generate::generate_site;
use coolplan::report::compose::ReportInput;
use coolplan::report::export::{Format, export};
use coolplan::report::layout::Paper;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use support::{SEED, SIZES, normals_climate};

fn pdf_report(c: &mut Criterion) {
    let climate = normals_climate();
    let mut group = c.benchmark_group("report_pdf");
    // A 10k-group PDF takes seconds: few samples.
    group.sample_size(10);
    for n in SIZES {
        let site = generate_site(n, SEED);
        let results = evaluate(&site, &climate);
        let catalog = site.catalog();
        let input = ReportInput {
            site: &site,
            results: &results,
            catalog: &catalog,
            climate: Some(&climate),
            lang: Lang::En,
            date: Some("2026-11-28"),
            input_sha256: "0000000000000000000000000000000000000000000000000000000000000000",
        };
        let bytes = export(&input, Format::Pdf, Paper::A4).expect("PDF");
        eprintln!("report_pdf/{n}: {} bytes", bytes.len());
        group.bench_function(BenchmarkId::from_parameter(n), |b| {
            b.iter(|| {
                export(black_box(&input), Format::Pdf, Paper::A4)
                    .expect("PDF")
                    .len()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, pdf_report);
criterion_main!(benches);
