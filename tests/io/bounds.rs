//! Resource bounds of valid sites (issue 22, finding 1): what `check` accepts must evaluate to
//! finite figures in bounded memory. A mistyped power (`kW(800)` for `kW(0.8)`) or an absurd
//! one (`kW(1e308)`) is refused with a message naming the value and the limit; every number
//! of every example site replaced by an extreme either fails validation or evaluates to
//! finite figures; the limit messages agree with docs/site-format.md.

use std::path::Path;
use std::time::Duration;

use crate::hostile::{cli, example, load, peak_rss_kb, problems};
use coolplan::engine::Results;
use coolplan::i18n::{Lang, Say};
use coolplan::io::problem::{MAX_RACKS, MAX_SITE_KW};
use coolplan::io::{Kind, load_str};

/// The fleet example with one server model's `kW(0.8)` typed as `kW(800)`.
fn fleet_with_typo() -> String {
    let text = example("china-fleet.ron");
    assert!(text.contains("max_power: kW(0.8),"));
    text.replacen("max_power: kW(0.8),", "max_power: kW(800),", 1)
}

#[test]
fn a_server_typed_in_kw_for_w_is_refused_with_the_value_and_the_limit() {
    // Before: the site passed `check`, and `analyze` tried to allocate 6 GB.
    let kinds = problems(load(fleet_with_typo()));
    let above: Vec<(String, String)> = kinds
        .iter()
        .filter_map(|k| match k {
            Kind::AbovePlausible { value, limit } => Some((value.clone(), limit.clone())),
            _ => None,
        })
        .collect();
    // One rack of 10 servers × 800 kW = 8 MW > 2 MW; the site, 16,000,000 MW > 500,000 MW.
    assert!(above.contains(&("8 MW".into(), "2 MW".into())), "{above:?}");
    assert!(
        above.iter().any(|(_, limit)| limit == "500,000 MW"),
        "{above:?}"
    );
    let err = load(fleet_with_typo()).unwrap_err();
    let LoadError::Invalid { problems, .. } = &err else {
        panic!("{err:?}")
    };
    let text = problems
        .iter()
        .map(|p| p.say(Lang::En))
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        text.contains(
            "rack \"Stock servers\" › servers: 8 MW is above the plausible maximum of 2 MW"
        ),
        "{text}"
    );
    let zh = problems[0].say(Lang::Zh);
    assert!(zh.contains("合理上限"), "{zh}");
}

use coolplan::io::LoadError;

#[test]
fn an_absurd_max_power_no_longer_passes_check() {
    // Before: `max_power: kW(1e308)` passed and gave ∞/NaN and "payback 0.0 years".
    for absurd in ["kW(1e308)", "MW(1e306)", "kW(3000)"] {
        let text = example("china-fleet.ron");
        let at = text.find("max_power: ").expect("a catalog model");
        let end = at + text[at..].find(',').unwrap();
        let edited = format!("{}max_power: {absurd}{}", &text[..at], &text[end..]);
        let kinds = problems(load(edited));
        assert!(
            kinds
                .iter()
                .any(|k| matches!(k, Kind::AbovePlausible { .. } | Kind::Huge(_))),
            "{absurd}: {kinds:?}"
        );
    }
}

#[test]
fn the_rack_limit_message_agrees_with_the_docs() {
    // Before: the message said "beyond the sanity limit of 100000000", the docs "10⁹ racks".
    let docs = std::fs::read_to_string(format!(
        "{}/docs/site-format.md",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let text = Kind::TooManyRacks(MAX_RACKS + 1).say(Lang::En);
    assert!(text.contains("100,000,000"), "{text}");
    assert!(docs.contains("100,000,000 (10⁸) racks"), "docs");
    assert!(!docs.contains("10⁹ racks"), "docs");
    let site_limit = format!("{} MW", MAX_SITE_KW / 1000.0);
    assert_eq!(site_limit, "500000 MW");
    assert!(docs.contains("500,000 MW"), "docs name the site limit");
}

/// Every number of a site's text: (start, end) byte ranges.
fn numbers(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let starts = bytes[i].is_ascii_digit() && (i == 0 || !is_word(bytes[i - 1]));
        if !starts {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
            i += 1;
        }
        spans.push((start, i));
    }
    spans
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'.' || b == b'-'
}

/// True when the results hold an infinity or a NaN anywhere.
fn non_finite(results: &Results) -> bool {
    let debug = format!("{results:?}");
    debug
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
        .any(|token| token == "inf" || token == "NaN")
}

#[test]
fn every_number_of_every_example_replaced_by_an_extreme_is_refused_or_finite() {
    let extremes = ["1e300", "1e15", "1e-300", "0.000001", "4294967295"];
    let sites_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sites");
    let (mut loaded, mut refused) = (0, 0);
    for name in ["enterprise-room.ron", "ai-hall.ron", "china-fleet.ron"] {
        let text = example(name);
        for (start, end) in numbers(&text) {
            if text[..start].ends_with("schema_version: ") {
                continue;
            }
            for extreme in extremes {
                let edited = format!("{}{extreme}{}", &text[..start], &text[end..]);
                let Ok(site) = load_str(&edited, name).map(|l| l.site) else {
                    refused += 1;
                    continue;
                };
                loaded += 1;
                let Ok(climate) = coolplan::io::climate::resolve(&site, Some(&sites_dir)) else {
                    continue;
                };
                let results = coolplan::engine::evaluate(&site, &climate);
                let line = text[..start].lines().count();
                assert!(
                    !non_finite(&results),
                    "{name} line {line}: {} → {extreme} loads but gives ∞ or NaN",
                    &text[start..end]
                );
                for option in &results.site.options {
                    if let Some(years) = option.cost.simple_payback_years {
                        assert!(
                            years > 0.0 || option.cost.capex.amount == 0.0,
                            "{name} line {line}: {extreme}: payback {years} with CAPEX {}",
                            option.cost.capex.amount
                        );
                    }
                }
            }
        }
    }
    eprintln!("extremes: {loaded} edits loaded and evaluated finite, {refused} refused");
    assert!(
        loaded > 100 && refused > 100,
        "{loaded} loaded, {refused} refused"
    );
}

/// The worst site the bounds allow for memory: the fleet example at the site limit
/// (2,500,000 racks × 10 servers × 20 kW = 500,000 MW) with the smallest custom CDU (10 kW).
fn worst_fleet() -> String {
    let text = example("china-fleet.ron")
        .replacen("max_power: kW(0.8),", "max_power: kW(20),", 1)
        .replacen("count: 2000000,", "count: 2480000,", 1)
        .replacen(
            "    assumptions: (\n",
            "    assumptions: (\n        cooling: (cdu_size: Some(Custom(capacity: kW(10)))),\n",
            1,
        );
    let site = load_str(&text, "worst.ron").expect("the worst allowed fleet loads");
    let racks: u64 = site
        .site
        .halls
        .iter()
        .flat_map(|h| &h.racks)
        .map(|r| r.count)
        .sum();
    assert!(racks < MAX_RACKS);
    text
}

/// Memory of `analyze` and `report -o x.pdf` on the worst fleet the bounds allow: the CDU
/// assignment and its N+1 check are linear in rack groups, not in the 4.96 × 10⁷ CDUs here
/// (one record per CDU needed 1.7 GB and more before).
#[test]
fn analyze_and_report_of_the_worst_allowed_fleet_stay_under_a_memory_bound() {
    /// Bound: the same commands on the fleet example as shipped peak at ≈ 40–60 MB.
    const BOUND_KB: u64 = 400 * 1024;
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("worst.ron");
    std::fs::write(&site, worst_fleet()).unwrap();
    let pdf = dir.path().join("x.pdf");
    for args in [
        vec!["analyze".into(), site.clone().into_os_string()],
        vec![
            "report".into(),
            site.clone().into_os_string(),
            "-o".into(),
            pdf.clone().into_os_string(),
        ],
    ] {
        let Some((rss_kb, code)) = peak_rss_kb(&args) else {
            eprintln!("SKIPPED: /usr/bin/time unavailable, peak memory not measured");
            return;
        };
        eprintln!("{args:?}: peak {rss_kb} kB, exit {code:?}");
        assert_eq!(code, Some(0), "{args:?}");
        assert!(rss_kb < BOUND_KB, "{args:?}: peak {rss_kb} kB");
    }
}

#[test]
fn the_mistyped_fleet_is_refused_by_every_command_in_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("typo.ron");
    std::fs::write(&site, fleet_with_typo()).unwrap();
    let pdf = dir.path().join("x.pdf");
    let site = site.into_os_string();
    for args in [
        vec!["check".into(), site.clone()],
        vec!["analyze".into(), site.clone()],
        vec![
            "report".into(),
            site.clone(),
            "-o".into(),
            pdf.into_os_string(),
        ],
    ] {
        let run = cli(&args, Duration::from_secs(60));
        assert_eq!(run.code, Some(1), "{args:?}: {}", run.text());
        assert!(run.text().contains("plausible maximum"), "{}", run.text());
        if let Some((rss_kb, _)) = peak_rss_kb(&args) {
            // Before: 6 GB (analyze) and 3.2 GB (report) on this file.
            assert!(rss_kb < 100 * 1024, "{args:?}: peak {rss_kb} kB");
        }
    }
}
