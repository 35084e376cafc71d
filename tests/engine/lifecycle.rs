//! Server life and refresh in the money: a group whose servers retire mid-horizon stops
//! saving, its refresh is paid in the retirement year, and the plan follows (hand-worked
//! figures on hand-stated physical results, flat prices, 8 %).

use crate::common::{Fig, assert_close, evaluate, site};
use coolplan::engine::CoolingOption;

/// One hall, 10 racks × 4 stock `cpu-2u` (0.8 kW, 6-year life, factory premium 1,500 CNY),
/// per-kW prices, first year 2026; `group` adds fields to the server group.
fn one_group(horizon: u32, group: &str) -> coolplan::model::Site {
    site(&format!(
        r#"(
    schema_version: 1,
    name: "One group",
    currency: CNY,
    location: (name: "Beijing", climate: Preset("beijing")),
    assumptions: (finance: (first_year: Some(2026), horizon_years: Some({horizon}), discount_rate: Some(0.08))),
    halls: [(
        name: "Hall A",
        floor: (kind: Slab, rating: kg_per_m2(1221)),
        area: m2(500),
        air_cooling_capacity: kW(100),
        racks: [(name: "CPU row", count: 10, height: U(42),
                 servers: [(model: "cpu-2u", count: 4, status: Stock, {group})])],
    )],
)"#
    ))
}

/// Air 32 kW and 400 MWh a year; cold plate 30.72 kW drawn, 23.04 kW to liquid, 330 MWh.
fn figs() -> [Fig; 3] {
    [
        Fig::new(32.0, 0.0, 400.0),
        Fig::new(30.72, 23.04, 330.0),
        Fig::new(29.44, 29.44, 300.0),
    ]
}

/// Cold plate's yearly saving with every server present (as in `finance_cases`): air
/// 400 MWh × 750 + 32 kW × 90 = 302,880; cold plate 330 × 750 + 3 % × 227,200 + 7.68 × 90
/// = 255,007.2; saving 47,872.8 CNY a year. CAPEX 32 kW × 7,100 = 227,200 in year 0.
const SAVING: f64 = 302_880.0 - 255_007.2;
const CAPEX: f64 = 227_200.0;

fn discount(t: i32) -> f64 {
    1.08f64.powi(-t)
}

#[test]
fn a_group_retiring_mid_horizon_stops_saving() {
    // Installed 2023 + 6 years = retires at the start of 2029 = cash-flow index 3: flows 1..=3
    // (operations 2026, 2027, 2028) hold the servers, flows 4 and 5 none (retired, not
    // replaced: no energy, no air-plant or cold-plate maintenance).
    // NPV = −227,200 + 47,872.8 × (1/1.08 + 1/1.08² + 1/1.08³)
    //     = −227,200 + 47,872.8 × (0.925926 + 0.857339 + 0.793832 = 2.577097)
    //     = −227,200 + 123,372.85 = −103,827.15 CNY
    // (without retirement, 5 years: −227,200 + 47,872.8 × 3.992710 = −36,057.8).
    let site = one_group(5, "installed: Some(2023), refresh: Some(Retire)");
    let results = evaluate(&site, &[vec![figs()]]);
    let scope = &results.racks[0].scope;
    let air = &scope.option(CoolingOption::Air).cost;
    let cold = &scope.option(CoolingOption::ColdPlate).cost;
    let by_hand = -CAPEX + SAVING * (discount(1) + discount(2) + discount(3));
    assert_close(by_hand, -103_827.151_348_88);
    assert_close(cold.npv_vs_air.amount, by_hand);
    // the years after retirement cost nothing on either option
    for t in [4, 5] {
        assert_eq!(air.cash_flows[t].amount, 0.0);
        assert_eq!(cold.cash_flows[t].amount, 0.0);
    }
    assert_close(cold.cash_flows[3].amount, -255_007.2);
    // 3 × 47,872.8 = 143,618.4 < 227,200: never repaid
    assert!(cold.simple_payback_years.is_none());
}

#[test]
fn the_refresh_is_paid_in_the_retirement_year_and_saving_goes_on() {
    // Like-for-like at index 3: 40 new cpu-2u bought liquid-ready, factory premium
    // 40 × 1,500 = 60,000 CNY in year 3 on cold plate (the CDUs and piping keep serving
    // them), nothing on air; maintenance 3 % of it from year 4 (1,800 a year).
    // NPV = −227,200 + 47,872.8 × 3.992710 − 60,000 / 1.08³ − 1,800 × (1/1.08⁴ + 1/1.08⁵)
    //     = −227,200 + 191,142.21 − 47,629.93 − 2,548.10 = −86,235.83 CNY
    let site = one_group(5, "installed: Some(2023)");
    let results = evaluate(&site, &[vec![figs()]]);
    let scope = &results.racks[0].scope;
    let cold = &scope.option(CoolingOption::ColdPlate).cost;
    let air = &scope.option(CoolingOption::Air).cost;
    assert_close(cold.cash_flows[3].amount, -255_007.2 - 60_000.0);
    assert_close(cold.cash_flows[4].amount, -255_007.2 - 1_800.0);
    assert_close(air.cash_flows[4].amount, -302_880.0);
    let annuity5: f64 = (1..=5).map(discount).sum();
    let by_hand =
        -CAPEX + SAVING * annuity5 - 60_000.0 * discount(3) - 1_800.0 * (discount(4) + discount(5));
    assert_close(by_hand, -86_235.828_887_87);
    assert_close(cold.npv_vs_air.amount, by_hand);
    assert_close(cold.capex.amount, CAPEX + 60_000.0);
}

#[test]
fn retirement_turns_the_plan_from_cold_plate_to_air() {
    // 10 years, servers new in 2026 (no install year): they retire in 2032 (index 6) and are
    // refreshed like-for-like, so cold plate saves all 10 years:
    // NPV = −227,200 + 47,872.8 × 6.710081 − 60,000/1.08⁶ − 1,800 × Σ_{t=7..10} 1/1.08^t > 0.
    let keeps = one_group(10, "");
    let results = evaluate(&keeps, &[vec![figs()]]);
    let annuity10: f64 = (1..=10).map(discount).sum();
    let tail: f64 = (7..=10).map(discount).sum();
    let by_hand = -CAPEX + SAVING * annuity10 - 60_000.0 * discount(6) - 1_800.0 * tail;
    // = −227,200 + 321,230.38 − 37,810.18 − 3,756.96 = 52,463.24 CNY
    assert_close(by_hand, 52_463.244_059_29);
    let cold = &results.racks[0].scope.option(CoolingOption::ColdPlate).cost;
    assert!((cold.npv_vs_air.amount - by_hand).abs() < 0.01);
    assert_eq!(
        results.plan.groups[0].option,
        Some(CoolingOption::ColdPlate)
    );
    // Installed 2023 and retired without replacement in 2029: −103,827.15 (as above) < 0,
    // so the plan keeps the group on air.
    let retires = one_group(10, "installed: Some(2023), refresh: Some(Retire)");
    let results = evaluate(&retires, &[vec![figs()]]);
    let cold = &results.racks[0].scope.option(CoolingOption::ColdPlate).cost;
    assert_close(cold.npv_vs_air.amount, -103_827.151_348_88);
    assert_eq!(results.plan.groups[0].option, Some(CoolingOption::Air));
}

#[test]
fn a_site_policy_applies_where_the_group_names_none_and_a_named_model_scales_energy() {
    // Site policy: replace by cpu-1u (0.5 kW, utilisation 0.35) at index 3. The group's
    // average load goes from 40 × 0.8 × 0.35 = 11.2 kW to 40 × 0.5 × 0.35 = 7 kW, so from
    // year 4 each option's energy is 7 / 11.2 = 0.625 of its full-year figure: air
    // 300,000 × 0.625 = 187,500 CNY. Air-plant maintenance follows the design load,
    // 40 × 0.5 = 20 of 32 kW: 32 × 90 × 20 / 32 = 1,800 CNY.
    let mut site = one_group(5, "installed: Some(2023)");
    site.refresh = Some(coolplan::model::Refresh::Model("cpu-1u".into()));
    let results = evaluate(&site, &[vec![figs()]]);
    let air = &results.racks[0].scope.option(CoolingOption::Air).cost;
    assert_close(air.cash_flows[4].amount, -(187_500.0 + 1_800.0));
    // the group's own policy wins over the site's
    let mut own = one_group(5, "installed: Some(2023), refresh: Some(Retire)");
    own.refresh = site.refresh.clone();
    let results = evaluate(&own, &[vec![figs()]]);
    let air = &results.racks[0].scope.option(CoolingOption::Air).cost;
    assert_eq!(air.cash_flows[4].amount, 0.0);
}
