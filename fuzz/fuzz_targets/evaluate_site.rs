//! Loads arbitrary bytes as a site file and, when the site passes validation, evaluates it as
//! `report` and `analyze` would: engine results, every report format of the headless build,
//! tornado, a small Monte Carlo, a phased plan and the CDU N+1 check. What `check` accepts
//! must never panic, hang, exhaust memory (run with `-rss_limit_mb`) or give an infinity or
//! NaN. EPW sites are skipped (no files are read here).
//!
//! Run from the repository root (issue 22):
//!   RUSTC_BOOTSTRAP=1 cargo fuzz run evaluate_site fuzz/corpus/evaluate_site -- \
//!     -rss_limit_mb=2048 -max_total_time=600 -timeout=30
#![no_main]

use std::sync::atomic::{AtomicBool, AtomicUsize};

use coolplan::engine::analysis::{monte_carlo, phased, redundancy, tornado};
use coolplan::i18n::Lang;
use coolplan::model::ClimateSource;
use coolplan::model::uncertainty::prepare::Prepared;
use coolplan::report::compose::ReportInput;
use coolplan::report::export::{Format, export};
use coolplan::report::layout::Paper;
use coolplan::units::Money;
use libfuzzer_sys::fuzz_target;

/// CDUs above which the N+1 check is skipped: it lays out one record per CDU until it is
/// linear in rack groups (branch `decision`); its memory is a known finding, not news.
const MAX_CDUS_CHECKED: u64 = 100_000;

fuzz_target!(|data: &[u8]| {
    let Ok(loaded) = coolplan::io::load_bytes(data, "fuzz.ron") else {
        return;
    };
    let site = loaded.site;
    if matches!(site.location.climate, ClimateSource::Epw(_)) {
        return;
    }
    let Ok(climate) = coolplan::io::climate::resolve(&site, None) else {
        return;
    };
    let results = coolplan::engine::evaluate(&site, &climate);
    let debug = format!("{results:?}");
    let site_debug = format!("{site:?}");
    let non_finite = |text: &str| {
        text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
            .any(|t| t == "inf" || t == "NaN")
    };
    // Names may spell "inf"; only a site without such text is judged.
    if !non_finite(&site_debug) {
        assert!(!non_finite(&debug), "a valid site evaluates to ∞ or NaN");
    }
    let catalog = site.catalog();
    for format in [Format::Text, Format::Json, Format::Html, Format::Markdown, Format::Csv] {
        let input = ReportInput {
            site: &site,
            results: &results,
            catalog: &catalog,
            climate: Some(&climate),
            lang: Lang::Zh,
            date: None,
            input_sha256: "0",
        };
        let _ = export(&input, format, Paper::A4);
    }
    let evaluate = |s: &coolplan::model::Site| coolplan::engine::recompute(s, &climate);
    if let Ok(prepared) = Prepared::new(&site)
        && !prepared.inputs.is_empty()
    {
        let _ = tornado::tornado(&prepared, &results, &evaluate);
        let config = monte_carlo::Config {
            samples: 8,
            seed: 1,
        };
        let (done, cancel) = (AtomicUsize::new(0), AtomicBool::new(false));
        let _ = monte_carlo::run(&prepared, &evaluate, config, &done, &cancel);
    }
    let budget = Money::new(1e6, site.currency);
    let _ = phased::plan(&site, &results, budget, results.horizon_years as usize);
    let cdus: u64 = results
        .halls
        .iter()
        .flat_map(|h| h.options.iter())
        .map(|o| o.thermal.cdu_count)
        .sum();
    if cdus <= MAX_CDUS_CHECKED {
        let _ = redundancy::site_checks(&site, &results);
    }
});
