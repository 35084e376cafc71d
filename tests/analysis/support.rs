//! Shared helpers of the analysis tests: a small site written in RON, evaluated by the
//! real engine in the Beijing preset climate.
#![allow(dead_code)]

use coolplan::engine::analysis::Reading;
use coolplan::engine::{ClimateData, climate::presets};
use coolplan::model::Site;

/// A hall with facility water: 6 racks of 4 stock HGX H100 (40.8 kW each) and 10 racks of
/// 20 stock 1U CPU servers; `uncertainty` is spliced in as the site's list; itemised costs.
pub fn site_with(uncertainty: &str) -> Site {
    let text = site_text(uncertainty);
    coolplan::io::parse_site(&text, "test").unwrap_or_else(|e| panic!("{e:?}"))
}

/// The text of [`site_with`].
pub fn site_text(uncertainty: &str) -> String {
    format!(
        r#"(
    schema_version: 1,
    name: "Analysis test",
    currency: CNY,
    location: (name: "Beijing", climate: Preset("beijing")),
    cost_mode: Itemised,
    assumptions: (
        finance: (first_year: Some(2026), horizon_years: Some(10), discount_rate: Some(0.08)),
    ),
    halls: [(
        name: "A1",
        floor: (kind: Slab, rating: kg_per_m2(2000)),
        area: m2(600),
        air_cooling_capacity: kW(800),
        facility_water: Some((class: W32, supply_temp: degC(30))),
        racks: [
            (name: "GPU", count: 6, height: U(42),
             servers: [(model: "hgx-h100", count: 4, status: Stock)]),
            (name: "CPU", count: 10, height: U(42),
             servers: [(model: "cpu-1u", count: 20, status: Stock)]),
        ],
    )],
    uncertainty: [{uncertainty}],
)"#
    )
}

pub fn climate() -> ClimateData {
    presets::preset("beijing").expect("preset exists")
}

/// The engine with the climate bound, as the CLI and GUI use it when a physical input varies.
pub fn evaluator(climate: &ClimateData) -> impl Fn(&Site) -> Reading + Sync + '_ {
    move |site: &Site| coolplan::engine::read(site, climate)
}

/// Asserts that `reading` holds every figure the analyses read of `engine::recompute` of
/// `site`, bit for bit: equal, and equal in `{:?}` (which tells −0.0 from 0.0 and prints
/// the shortest digits that give back the same f64).
#[track_caller]
pub fn assert_reads_as_recompute(
    reading: &Reading,
    site: &Site,
    climate: &ClimateData,
    what: &str,
) {
    let full = Reading::of(&coolplan::engine::recompute(site, climate));
    assert_eq!(reading, &full, "{what}");
    assert_eq!(format!("{reading:?}"), format!("{full:?}"), "{what}");
}

/// Asserts `actual` is within `relative` (or 1e-6 absolute) of `expected`.
#[track_caller]
pub fn assert_close(actual: f64, expected: f64, relative: f64) {
    let tolerance = (expected.abs() * relative).max(1e-6);
    assert!(
        (actual - expected).abs() <= tolerance,
        "expected {expected}, got {actual}"
    );
}
