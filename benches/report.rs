//! The PDF report of a generated site at 100 / 1,000 / 10,000 rack groups, at each detail
//! level: document build, layout with real glyph advances, and the krilla writer (font
//! subsetting included), i.e. `report::export(…, Format::Pdf, …)` as `coolplan report -o r.pdf`
//! runs it after the engine. Budgets at 10k: summary ≤ 0.3 s (issue 24), standard ≤ 2 s.

mod support;

use std::hint::black_box;

use coolplan::engine::evaluate;
use coolplan::i18n::Lang;
use coolplan::model::generate::generate_site;
use coolplan::report::compose::{Detail, ReportInput};
use coolplan::report::export::{Format, export};
use coolplan::report::layout::Paper;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use support::{SEED, SIZES, normals_climate};

fn pdf_report(c: &mut Criterion) {
    let climate = normals_climate();
    for (detail, name) in [
        (Detail::Summary, "report_pdf_summary"),
        (Detail::Standard, "report_pdf"),
        (Detail::Full, "report_pdf_full"),
    ] {
        let mut group = c.benchmark_group(name);
        // A 10k-group full PDF takes seconds: few samples.
        group.sample_size(10);
        for n in SIZES {
            let site = generate_site(n, SEED);
            let results = evaluate(&site, &climate);
            let catalog = site.catalog();
            let mut input = ReportInput::new(&site, &results, &catalog, Some(&climate), Lang::En);
            input.date = Some("2026-11-28");
            input.detail = detail;
            let bytes = export(&input, Format::Pdf, Paper::A4).expect("PDF");
            eprintln!("{name}/{n}: {} bytes", bytes.len());
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
}

criterion_group!(benches, pdf_report);
criterion_main!(benches);
