//! End to end: site file → engine → every report format. Reads the PDFs back with poppler's
//! `pdftotext` (installed on CI with poppler-utils) and checks what a reader would see.

use std::path::{Path, PathBuf};

use coolplan::engine::{ClimateData, CoolingOption, Results};
use coolplan::i18n::Lang;
use coolplan::model::{Catalog, Site};
use coolplan::report::compose::format::MoneyScale;
use coolplan::report::compose::{Detail, ReportInput, compose, sha256_hex};
use coolplan::report::export::{Format, export};
use coolplan::report::layout::{Fonts, Paper, layout};
use coolplan::units::format::group_thousands;

use crate::pdftotext::pdf_text;

/// A site file evaluated by the engine, with what a report needs.
pub(crate) struct Evaluated {
    pub(crate) site: Site,
    pub(crate) results: Results,
    pub(crate) catalog: Catalog,
    pub(crate) climate: ClimateData,
    pub(crate) hash: String,
}

impl Evaluated {
    pub(crate) fn from_file(path: &Path) -> Evaluated {
        let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let text = String::from_utf8(bytes.clone()).expect("site files are UTF-8");
        let site = coolplan::io::parse_site(&text, &path.display().to_string())
            .unwrap_or_else(|e| panic!("{e:?}"));
        Evaluated::from_site(site, &bytes, path.parent())
    }
    pub(crate) fn from_site(site: Site, bytes: &[u8], base: Option<&Path>) -> Evaluated {
        let climate = coolplan::io::climate::resolve(&site, base).expect("climate resolves");
        let results = coolplan::engine::evaluate(&site, &climate);
        Evaluated {
            catalog: site.catalog(),
            results,
            site,
            climate,
            hash: sha256_hex(bytes),
        }
    }
    pub(crate) fn input(&self, lang: Lang, date: Option<&'static str>) -> ReportInput<'_> {
        ReportInput {
            site: &self.site,
            results: &self.results,
            catalog: &self.catalog,
            climate: Some(&self.climate),
            lang,
            date,
            input_sha256: &self.hash,
            detail: Detail::Standard,
            author: None,
            revision: None,
            csv_bom: true,
            eed_year: None,
        }
    }
    pub(crate) fn pdf(&self, lang: Lang) -> Vec<u8> {
        export(
            &self.input(lang, Some("2026-11-28")),
            Format::Pdf,
            Paper::A4,
        )
        .expect("PDF renders")
    }
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The report test site and every example site shipped in `sites/`.
fn all_sites() -> Vec<PathBuf> {
    let mut paths = vec![repo().join("tests/data/report-site.ron")];
    if let Ok(entries) = std::fs::read_dir(repo().join("sites")) {
        let mut examples: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "ron"))
            .collect();
        examples.sort();
        paths.extend(examples);
    }
    paths
}

fn json(e: &Evaluated) -> serde_json::Value {
    let text = coolplan::report::json::to_json(&e.site.name, &e.results, Lang::En);
    serde_json::from_str(&text).expect("JSON parses")
}

#[test]
fn pdf_shows_the_key_figures_of_the_json() {
    for path in all_sites() {
        let e = Evaluated::from_file(&path);
        let Some(text) = pdf_text(&e.pdf(Lang::En)) else {
            return;
        };
        let json = json(&e);
        let name = path.display();
        // Money in the comparison table is in one scale (M CNY, or CNY for small sites) with
        // about three significant figures: the JSON figure as the table shows it.
        let amounts: Vec<f64> = ["air", "cold_plate", "immersion"]
            .iter()
            .flat_map(|k| {
                ["capex", "npv_vs_air", "opex_per_year"]
                    .map(|f| json["options"][k][f].as_f64().expect(f))
            })
            .collect();
        let scale = MoneyScale::for_max(
            amounts.iter().fold(0.0, |m, a| a.abs().max(m)),
            e.results.currency,
            Lang::En,
        );
        for (key, label) in [
            ("air", "Air"),
            ("cold_plate", "Cold plate"),
            ("immersion", "Immersion"),
        ] {
            let o = &json["options"][key];
            let shown = |field: &str| {
                scale.number(coolplan::units::Money::new(
                    o[field].as_f64().expect(field),
                    e.results.currency,
                ))
            };
            let (capex, npv) = (shown("capex"), shown("npv_vs_air"));
            let pue = group_thousands(o["pue"].as_f64().expect("pue"), 2);
            for figure in [&capex, &npv, &pue] {
                assert!(
                    text.contains(figure.as_str()),
                    "{name}: {label} figure {figure} missing"
                );
            }
            if key != "air"
                && let Some(years) = o["simple_payback_years"].as_f64()
            {
                let payback = format!("{} years", group_thousands(years, 1));
                assert!(
                    text.contains(&payback),
                    "{name}: {label} payback {payback} missing"
                );
            }
        }
        // the headline is the plan, with its own NPV
        let recommended = match json["recommended"].as_str() {
            Some(_) => "coolplan recommends this plan",
            None => "no cooling option is feasible",
        };
        assert!(
            text.contains(recommended),
            "{name}: {recommended:?} missing"
        );
        if let Some(npv) = json["plan"]["totals"]["npv_vs_air"].as_f64() {
            // as the key figures write it, in the language's money scale
            let npv = coolplan::i18n::results::money(
                coolplan::units::Money::new(npv, e.results.currency),
                Lang::En,
            );
            assert!(text.contains(&npv), "{name}: plan NPV {npv} missing");
        }
        assert!(text.contains(&e.hash), "{name}: input hash on the cover");
        assert!(text.contains(&format!("coolplan {}", env!("CARGO_PKG_VERSION"))));
    }
}

#[test]
fn page_count_is_sane_for_every_example_site() {
    let fonts = Fonts::new();
    for path in all_sites() {
        let e = Evaluated::from_file(&path);
        let doc = compose(&e.input(Lang::En, None));
        let pages = layout(&doc, Paper::A4, &fonts);
        // Cover, summary, comparison, 2 of charts, halls, BOQ, floor, elevations, warnings,
        // assumptions (2), method: about 12–30 pages for the examples.
        assert!(
            (10..=40).contains(&pages.len()),
            "{}: {} pages",
            path.display(),
            pages.len()
        );
        let letter = layout(&doc, Paper::Letter, &fonts);
        assert!(letter.iter().all(|p| p.width == 612.0 && p.height == 792.0));
        let total = pages.len();
        for (i, page) in pages.iter().enumerate() {
            let footer = format!("Page {} of {total}", i + 1);
            assert!(
                page.texts().any(|t| t == footer),
                "{}: no footer on page {}",
                path.display(),
                i + 1
            );
            assert!(
                page.texts().count() > 1,
                "{}: page {} is empty",
                path.display(),
                i + 1
            );
        }
    }
}

/// A site of 1,000 rack groups in one hall, made from the test site's racks.
fn thousand_rack_site() -> Evaluated {
    let path = repo().join("tests/data/report-site.ron");
    let bytes = std::fs::read(&path).expect("test site");
    let mut site = coolplan::io::parse_site(std::str::from_utf8(&bytes).expect("utf-8"), "t")
        .expect("test site parses");
    let templates = site.halls[0].racks.clone();
    site.halls[0].racks = (0..1000)
        .map(|i| {
            let mut rack = templates[i % templates.len()].clone();
            rack.name = format!("R{i:04}");
            rack.count = 1 + (i as u64 % 3);
            rack
        })
        .collect();
    site.halls[0].area = coolplan::units::build::m2(20_000.0);
    Evaluated::from_site(site, &bytes, path.parent())
}

/// A rack-table cell with a generated rack name (`R0000` … `R0999`).
fn is_rack_name(text: &str) -> bool {
    text.len() == 5 && text.starts_with('R') && text[1..].bytes().all(|b| b.is_ascii_digit())
}

#[test]
fn a_thousand_rack_groups_split_tables_with_repeated_headers() {
    let e = thousand_rack_site();
    // Standard reports aggregate a hall this large by model; the full report lists each group.
    let mut input = e.input(Lang::En, Some("2026-11-28"));
    input.detail = Detail::Full;
    let doc = compose(&input);
    let pages = layout(&doc, Paper::A4, &Fonts::new());
    let rack_pages: Vec<usize> = (0..pages.len())
        .filter(|&i| pages[i].texts().any(is_rack_name))
        .collect();
    assert!(
        rack_pages.len() >= 10,
        "1,000 rows span {} pages",
        rack_pages.len()
    );
    for &i in &rack_pages {
        for header in ["Rack group", "kW per rack", "Planned option", "Reasons"] {
            assert!(
                pages[i].texts().any(|t| t == header),
                "page {}: header {header} not repeated",
                i + 1
            );
        }
    }
    // Every row is there, once.
    let rows: usize = pages
        .iter()
        .map(|p| p.texts().filter(|t| is_rack_name(t)).count())
        .sum();
    assert_eq!(rows, 1000);
    let pdf = export(&input, Format::Pdf, Paper::A4).expect("pdf");
    let Some(text) = pdf_text(&pdf) else {
        return;
    };
    assert!(
        text.contains("R0999")
            && text.contains(&format!("Page {} of {}", pages.len(), pages.len()))
    );
}

#[test]
fn html_has_every_section_heading_and_is_self_contained() {
    let e = Evaluated::from_file(&repo().join("tests/data/report-site.ron"));
    for lang in Lang::ALL {
        let input = e.input(lang, Some("2026-11-28"));
        let doc = compose(&input);
        let html = String::from_utf8(export(&input, Format::Html, Paper::A4).expect("html"))
            .expect("utf-8");
        let mut count = 0;
        for (level, text) in doc.headings() {
            let tag = format!(
                "<h{level}>{}</h{level}>",
                coolplan::report::html::escape(text)
            );
            assert!(html.contains(&tag), "{lang:?}: missing {tag}");
            count += 1;
        }
        assert!(count >= 12, "{count} headings");
        assert!(html.contains("<svg") && html.contains("@media print"));
        assert!(
            !html.contains("<link") && !html.contains("src="),
            "no external resources"
        );
    }
}

#[test]
fn csv_parses_and_sums_back_to_the_json_totals() {
    for path in all_sites() {
        let e = Evaluated::from_file(&path);
        let json = json(&e);
        let bytes = export(&e.input(Lang::En, None), Format::Csv, Paper::A4).expect("csv");
        let mut reader = csv::Reader::from_reader(bytes.as_slice());
        let headers = reader.headers().expect("header").clone();
        let column = |name: &str| {
            headers
                .iter()
                .position(|h| h == name)
                .unwrap_or_else(|| panic!("{name}"))
        };
        let (option_col, feasible_col) = (column("option"), column("feasible"));
        let level = column("level");
        let all: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("record")).collect();
        // one row per option that applies, for the site, each hall and each rack group
        let scopes = std::iter::once(&e.results.site)
            .chain(&e.results.halls)
            .chain(e.results.racks.iter().map(|r| &r.scope));
        let shown: usize = scopes.map(|s| s.shown().count()).sum();
        assert_eq!(all.len(), shown);
        let site_rows: Vec<&csv::StringRecord> =
            all.iter().filter(|r| &r[level] == "site").collect();
        assert_eq!(site_rows.len(), e.results.site.shown().count());
        let shown_keys: Vec<&str> = site_rows.iter().map(|r| &r[option_col]).collect();
        assert!(shown_keys.iter().all(|k| json["options"].get(*k).is_some()));
        assert_eq!(json["options"].as_object().unwrap().len(), shown_keys.len());
        let of_level = |name: &str| -> Vec<csv::StringRecord> {
            all.iter().filter(|r| &r[level] == name).cloned().collect()
        };
        let (records, halls) = (of_level("rack_group"), of_level("hall"));
        for option in CoolingOption::ALL {
            let on_option = |rows: &[csv::StringRecord]| -> Vec<csv::StringRecord> {
                let key = option.key();
                rows.iter()
                    .filter(|r| &r[option_col] == key)
                    .cloned()
                    .collect()
            };
            let (rows, hall_rows) = (on_option(&records), on_option(&halls));
            for field in [
                "it_design_kw",
                "heat_to_liquid_kw",
                "heat_to_air_kw",
                "capex",
                "it_energy_mwh_per_year",
            ] {
                // a hall's column pays the enabling works it needs, which no rack group
                // carries (docs/method.md §5.1): CAPEX adds up over the halls
                let parts = if field == "capex" { &hall_rows } else { &rows };
                let sum: f64 = parts
                    .iter()
                    .map(|r| r[column(field)].parse::<f64>().expect(field))
                    .sum();
                // the rack groups the option applies to, as the JSON lists them; the site's
                // total when it applies to every group
                let groups = json["racks"].as_array().unwrap().iter();
                let listed: Vec<f64> = groups
                    .filter_map(|g| g["options"].get(option.key()))
                    .map(|o| o[field].as_f64().expect(field))
                    .collect();
                assert_eq!(listed.len(), rows.len());
                // a column's CAPEX is its halls' (works included), also where the option
                // does not apply to every group
                let total = if listed.len() == e.results.racks.len() || field == "capex" {
                    json["options"][option.key()][field].as_f64().expect(field)
                } else {
                    listed.iter().sum()
                };
                assert!(
                    (sum - total).abs() <= 1e-6 * total.abs().max(1.0),
                    "{}: {} {field}: rows sum {sum}, JSON {total}",
                    path.display(),
                    option.key()
                );
            }
            assert!(
                rows.iter()
                    .all(|r| matches!(&r[feasible_col], "true" | "false"))
            );
        }
    }
}

#[test]
fn every_format_is_byte_identical_on_two_runs() {
    let path = repo().join("tests/data/report-site.ron");
    for format in Format::ALL {
        for lang in Lang::ALL {
            let first = Evaluated::from_file(&path);
            let second = Evaluated::from_file(&path);
            let a =
                export(&first.input(lang, Some("2026-11-28")), format, Paper::A4).expect("first");
            let b =
                export(&second.input(lang, Some("2026-11-28")), format, Paper::A4).expect("second");
            assert!(!a.is_empty());
            assert!(a == b, "{format:?} {lang:?} differs between runs");
        }
    }
}

#[test]
fn chinese_pdf_has_chinese_headings_and_names() {
    let e = Evaluated::from_file(&repo().join("tests/data/report-site.ron"));
    let Some(text) = pdf_text(&e.pdf(Lang::Zh)) else {
        return;
    };
    for expected in [
        "液冷改造评估报告",
        "冷板式液冷",
        "单相浸没式液冷",
        "投资回收期",
        "净现值",
        "执行摘要",
        "附录",
        "输入条件及来源",
        "一号机房 Hall 1",
        "第 1 页",
    ] {
        assert!(text.contains(expected), "{expected} missing");
    }
}

#[test]
fn reports_are_dated_only_when_a_date_is_given() {
    let e = Evaluated::from_file(&repo().join("tests/data/report-site.ron"));
    let Some(undated) =
        pdf_text(&export(&e.input(Lang::En, None), Format::Pdf, Paper::A4).expect("pdf"))
    else {
        return;
    };
    assert!(undated.contains("Date undated"));
    let dated = pdf_text(&e.pdf(Lang::En)).expect("pdftotext ran a moment ago");
    assert!(dated.contains("Date 2026-11-28"));
}

#[test]
fn chinese_pdf_appendix_names_assumptions_in_chinese_with_their_file_keys() {
    let e = Evaluated::from_file(&repo().join("tests/data/report-site.ron"));
    let Some(text) = pdf_text(&e.pdf(Lang::Zh)) else {
        return;
    };
    for expected in [
        "电价（electricity）",
        "折现率（discount_rate）",
        "风冷单柜功率上限",
        "冷冻水供水温度",
        "动力与能耗",
    ] {
        assert!(text.contains(expected), "{expected} missing");
    }
    assert!(
        !text.contains("Electricity price"),
        "English label in Chinese PDF"
    );
}

#[test]
fn chinese_pdf_writes_celsius_as_one_glyph() {
    let e = Evaluated::from_file(&repo().join("tests/data/report-site.ron"));
    let Some(text) = pdf_text(&e.pdf(Lang::Zh)) else {
        return;
    };
    assert!(text.contains("45 ℃"), "cold-plate loop supply limit in ℃");
    assert!(!text.contains("°C"), "°C left in the Chinese PDF");
    let en = pdf_text(&e.pdf(Lang::En)).expect("pdftotext ran a moment ago");
    assert!(en.contains("45 °C"));
}
