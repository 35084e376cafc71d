//! The report's "Sensitivity and resilience" chapter on `sites/ai-hall.ron`: read back from the
//! PDF with poppler's `pdftotext`, checked against the analysis engine's own tornado and CDU
//! check, in English and Chinese.

use std::path::PathBuf;

use coolplan::engine::analysis::evaluator;
use coolplan::engine::analysis::redundancy;
use coolplan::engine::analysis::tornado::tornado;
use coolplan::i18n::Lang;
use coolplan::model::uncertainty::prepare::Prepared;
use coolplan::report::compose::{ReportInput, sha256_hex};
use coolplan::report::export::{Format, export};
use coolplan::report::layout::Paper;

use crate::pdftotext::pdf_text;

#[test]
fn ai_hall_pdf_has_the_sensitivity_chapter_with_its_top_tornado_input() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("sites/ai-hall.ron");
    let bytes = std::fs::read(&path).expect("ai-hall.ron readable");
    let text = String::from_utf8(bytes.clone()).expect("UTF-8");
    let site = coolplan::io::parse_site(&text, "ai-hall.ron").expect("ai-hall parses");
    let climate = coolplan::io::climate::resolve(&site, path.parent()).expect("climate");
    let results = coolplan::engine::evaluate(&site, &climate);
    // The engine's tornado: the report must show its top bar.
    let prepared = Prepared::new(&site).expect("ai-hall ranges are valid");
    assert_eq!(
        prepared.inputs.len(),
        6,
        "ai-hall lists six uncertain inputs"
    );
    let t = tornado(&prepared, false, &results, &evaluator(&prepared, &climate)).expect("tornado");
    let top = &t.bars[0];
    // The air limit (20–30 kW) moves the plan's NPV most (2.21 M CNY): the plan puts passive
    // rear doors on the B200 racks, which leave 22.6 kW a rack on air; at a 20 kW limit that
    // is too much and they go to cold plate. The CDU price (±30 %, the door CDUs included)
    // follows with 1.20 M, electricity ±20 % with 0.96 M.
    assert_eq!(top.input.path(), "cooling.air_limit_per_rack");
    assert!(top.swing.amount > t.bars[1].swing.amount);
    let checks = redundancy::site_checks(&site, &results);
    assert!(!checks.is_empty(), "ai-hall has liquid CDUs to check");

    let catalog = site.catalog();
    let hash = sha256_hex(&bytes);
    for (lang, heading, holds, top_name) in [
        (
            Lang::En,
            "Sensitivity and resilience",
            "N+1 holds",
            "Air-cooling limit per rack",
        ),
        (Lang::Zh, "敏感性与韧性", "满足 N+1", "风冷单柜功率上限"),
    ] {
        let input = ReportInput {
            site: &site,
            results: &results,
            catalog: &catalog,
            climate: Some(&climate),
            lang,
            date: Some("2026-11-28"),
            input_sha256: &hash,
            detail: coolplan::report::compose::Detail::Standard,
            author: None,
            revision: None,
            csv_bom: true,
            eed_year: None,
        };
        let Some(pdf) = pdf_text(&export(&input, Format::Pdf, Paper::A4).expect("PDF renders"))
        else {
            return;
        };
        assert!(pdf.contains(heading), "{lang:?}: chapter heading");
        // The top bar by its human name, with its ends as values with units.
        assert_eq!(
            coolplan::i18n::fields::assumption_label(top.input, lang),
            top_name
        );
        assert!(
            pdf.contains(top_name),
            "{lang:?}: top tornado input by name"
        );
        assert!(
            !pdf.contains(top.input.path()),
            "{lang:?}: file key shown instead of a name"
        );
        assert!(pdf.contains(holds), "{lang:?}: N+1 verdict");
        for check in &checks {
            assert!(pdf.contains(&check.hall), "{lang:?}: hall {}", check.hall);
        }
        // The same chapter in Markdown, with the top bar's swing in the table's money scale
        // (M CNY in English, 万元 in Chinese, three significant figures).
        let md = String::from_utf8(export(&input, Format::Markdown, Paper::A4).expect("md"))
            .expect("UTF-8");
        let swing = match lang {
            Lang::En => coolplan::units::format::group_thousands(top.swing.amount / 1e6, 1),
            Lang::Zh => coolplan::units::format::group_thousands(top.swing.amount / 1e4, 0),
        };
        assert!(
            md.contains(&format!("## 9 {heading}")),
            "{lang:?}: md heading"
        );
        assert!(md.contains(&swing), "{lang:?}: swing {swing} in md");
    }
}
