//! The enabling works in the reports (`docs/method.md` §5.1): `sites/gpu-expansion.ron`'s plan
//! buys an air-plant addition and an electrical upgrade; the Markdown and the PDF give each a
//! section with why, size, CAPEX, energy, lead time, in-service year and the groups that need
//! and wait for it, and the bill of quantities lists them, in English and Chinese.

use std::path::Path;

use coolplan::i18n::Lang;
use coolplan::report::compose::ReportInput;
use coolplan::report::export::{Format, export};
use coolplan::report::layout::Paper;

use crate::pdftotext::pdf_text;

fn report(lang: Lang, format: Format) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("sites/gpu-expansion.ron");
    let site = coolplan::io::load_site(&path).expect("example").site;
    let climate = coolplan::io::climate::resolve(&site, path.parent()).expect("climate");
    let results = coolplan::engine::evaluate(&site, &climate);
    let catalog = site.catalog();
    let input = ReportInput::new(&site, &results, &catalog, Some(&climate), lang);
    export(&input, format, Paper::A4).expect("report")
}

#[test]
fn each_work_the_plan_buys_has_its_section_and_a_row_in_the_bill_of_quantities() {
    let md = String::from_utf8(report(Lang::En, Format::Markdown)).expect("utf-8");
    // one section per work, under the plan chapter's "Enabling works"
    for heading in [
        "Suite 3 — Air-plant addition",
        "Suite 3 — Electrical upgrade",
    ] {
        assert_eq!(md.matches(heading).count(), 1, "{heading}");
    }
    // why: 400 kW of air plant, 464 kW used under the plan → 63.8 kW; 88.6 kW × 5,000 CNY/kW
    for fact in [
        "why: under the plan the hall needs 464 kW of air-cooling capacity, 63.8 kW more than its 400 kW",
        "why: under the plan the hall needs 649 kW of electrical capacity for IT, 88.6 kW more than its 560 kW",
        "CAPEX: 442,800 CNY before contingency",
        "energy: none of its own; UPS losses stay rated from the hall's IT capacity",
        "lead time about 36 weeks: in service from 2027, needed from 2026",
        "rack groups that need it: 昇腾-03, B200-04",
    ] {
        assert!(md.contains(fact), "{fact}");
    }
    assert_eq!(md.matches("waiting for it: 昇腾-03 — ").count(), 2);
    // the table, in the plan chapter and in the bill of quantities
    assert_eq!(
        md.matches("Enabling works").count(),
        2,
        "plan chapter, bill of quantities"
    );
    // the PDF says the same (where poppler's pdftotext is installed)
    if let Some(pdf) = pdf_text(&report(Lang::En, Format::Pdf)) {
        assert!(pdf.contains("Suite 3 — Electrical upgrade"), "{pdf}");
        assert!(pdf.contains("191,412 CNY"));
    }
    // and in Chinese
    let zh = String::from_utf8(report(Lang::Zh, Format::Markdown)).expect("utf-8");
    assert!(zh.contains("Suite 3 — 配电扩容"));
    assert!(zh.contains("工期约 36 周：2027 年起投入使用，2026 年起需要"));
    assert!(zh.contains("需等待：昇腾-03——其新增服务器 2027 年前无法运行"));
}
