//! Layout quality of the PDF reports of every example site in both languages and at every
//! detail level: no heading left at the foot of a page, no page under a quarter full but the
//! cover and the last, the summary of a 10,000-group site within 20 pages; and the words a
//! reader checks first (years plain, one money scale per language, no `-0`).

use std::path::PathBuf;

use coolplan::engine::{ClimateData, Results};
use coolplan::i18n::Lang;
use coolplan::model::Site;
use coolplan::report::compose::{Detail, ReportInput, compose};
use coolplan::report::layout::{Fonts, Page, Paper, layout};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn examples() -> Vec<(String, Site, ClimateData)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(repo().join("sites"))
        .expect("sites/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("site file");
            let site = coolplan::io::parse_site(&text, "site.ron").expect("site parses");
            let climate = coolplan::io::climate::resolve(&site, path.parent()).expect("climate");
            let name = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("")
                .to_string();
            (name, site, climate)
        })
        .collect()
}

/// The laid-out pages of `site` evaluated as `results`, in `lang` at `detail`.
fn laid_out(
    site: &Site,
    results: &Results,
    climate: &ClimateData,
    lang: Lang,
    detail: Detail,
) -> Vec<Page> {
    let catalog = site.catalog();
    let mut input = ReportInput::new(site, results, &catalog, Some(climate), lang);
    input.detail = detail;
    let doc = compose(&input);
    layout(&doc, Paper::A4, &Fonts::new())
}

fn is_heading((size, bold, _): &(f32, bool, &str)) -> bool {
    *bold && *size >= 10.5
}

fn check_pages(name: &str, pages: &[Page]) {
    let last = pages.len() - 1;
    for (i, page) in pages.iter().enumerate() {
        let texts = page.body_texts();
        if let Some(end) = texts.last() {
            assert!(
                !is_heading(end),
                "{name}: page {} ends with the heading {:?}",
                i + 1,
                end.2
            );
        }
        if i > 0 && i < last {
            assert!(
                page.fill() >= 0.25,
                "{name}: page {} is {:.0} % full",
                i + 1,
                page.fill() * 100.0
            );
        }
    }
}

#[test]
fn example_reports_keep_headings_with_text_and_fill_their_pages() {
    for (name, site, climate) in examples() {
        let results = coolplan::engine::evaluate(&site, &climate);
        for lang in Lang::ALL {
            for detail in [Detail::Summary, Detail::Standard, Detail::Full] {
                let laid = laid_out(&site, &results, &climate, lang, detail);
                check_pages(&format!("{name} {lang:?} {detail:?}"), &laid);
                let text: String = laid
                    .iter()
                    .flat_map(|p| p.texts())
                    .collect::<Vec<_>>()
                    .join("\n");
                assert!(!text.contains("2,026"), "{name}: a year with a separator");
                assert!(
                    !text
                        .split_whitespace()
                        .any(|w| w == "-0" || w == "-0.0" || w == "-0.00"),
                    "{name}: -0 printed"
                );
                if lang == Lang::En {
                    assert!(
                        !text.contains('亿') && !text.contains("万元"),
                        "{name}: 亿/万 in English"
                    );
                } else {
                    for leftover in ["Estimate:", "default:", " M CNY", " bn CNY", "PG25,"] {
                        assert!(!text.contains(leftover), "{name}: {leftover:?} in Chinese");
                    }
                }
            }
        }
    }
}

#[test]
fn summary_of_ten_thousand_groups_fits_twenty_pages() {
    let site = coolplan::model::generate::generate_site(10_000, 1);
    let climate = coolplan::io::climate::resolve(&site, None).expect("climate");
    let results = coolplan::engine::evaluate(&site, &climate);
    for lang in Lang::ALL {
        let laid = laid_out(&site, &results, &climate, lang, Detail::Summary);
        assert!(laid.len() <= 20, "{lang:?}: {} pages", laid.len());
        check_pages(&format!("10k {lang:?}"), &laid);
    }
}
