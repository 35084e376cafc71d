//! Finance kernels on cash flows worked by hand (arithmetic in comments), and the OPEX and
//! finance of a small site on hand-stated physical figures.

use crate::common::{Fig, assert_close, evaluate, site};
use coolplan::engine::CoolingOption;
use coolplan::engine::finance::{discounted_payback_years, irr, npv, payback_years};

#[test]
fn npv_of_an_annuity_uses_the_annuity_factor() {
    // −1,000 now, then 300 a year for 5 years at 8 %.
    // annuity factor (1 − 1.08^−5) / 0.08: 1.08^5 = 1.469328077, 1 / it = 0.680583197,
    // (1 − 0.680583197) / 0.08 = 3.992710037; NPV = −1,000 + 300 × 3.992710037 = 197.8130111
    let flows = [-1000.0, 300.0, 300.0, 300.0, 300.0, 300.0];
    let factor = (1.0 - 1.08f64.powi(-5)) / 0.08;
    assert!((factor - 3.992_710_037).abs() < 1e-9);
    assert!((npv(&flows, 0.08) - 197.813_011_1).abs() < 1e-6);
}

#[test]
fn payback_inside_a_year_is_interpolated() {
    // cumulative: −1,000, −600, −200, +200 → repaid 200 / 400 = 0.5 into year 3 → 2.5 years
    assert_eq!(payback_years(&[-1000.0, 400.0, 400.0, 400.0]), Some(2.5));
}

#[test]
fn payback_never_within_the_horizon_is_none() {
    // 5 × 100 = 500 < 1,000 → still −500 at the horizon
    assert_eq!(
        payback_years(&[-1000.0, 100.0, 100.0, 100.0, 100.0, 100.0]),
        None
    );
    assert_eq!(irr(&[-1000.0, -100.0]), None);
}

#[test]
fn discounted_payback_is_later_than_simple() {
    // 300 a year discounted at 8 %: 277.778, 257.202, 238.150, 220.509, 204.175;
    // cumulative from −1,000: −722.222, −465.021, −226.871, −6.362, +197.813
    // → 4 + 6.362 / 204.175 = 4.0312 years (simple: 1,000 / 300 = 3.333)
    let flows = [-1000.0, 300.0, 300.0, 300.0, 300.0, 300.0];
    let discounted = discounted_payback_years(&flows, 0.08).unwrap();
    assert!((discounted - 4.031_16).abs() < 1e-4, "{discounted}");
    assert!((payback_years(&flows).unwrap() - 10.0 / 3.0).abs() < 1e-12);
}

#[test]
fn irr_of_known_flows() {
    // −100 then 121 two years later: (1 + r)² = 1.21 → r = 10 %
    assert!((irr(&[-100.0, 0.0, 121.0]).unwrap() - 0.10).abs() < 1e-9);
    // −100, 60, 60: with x = 1/(1 + r), 60x² + 60x − 100 = 0,
    // x = (−60 + √(3,600 + 24,000)) / 120 = 0.884437, r = 1/x − 1 = 0.130662
    assert!((irr(&[-100.0, 60.0, 60.0]).unwrap() - 0.130_662).abs() < 1e-6);
    // the annuity above: 1,000 = 300 × a(5, r) → r = 15.238 %
    let annuity = irr(&[-1000.0, 300.0, 300.0, 300.0, 300.0, 300.0]).unwrap();
    assert!((npv(&[-1000.0, 300.0, 300.0, 300.0, 300.0, 300.0], annuity)).abs() < 1e-6);
    assert!((annuity - 0.152_382).abs() < 1e-5);
}

/// One hall, one group of 10 racks × 4 stock 2U servers, per-kW prices, 5-year horizon.
fn one_group_site(extra_prices: &str) -> coolplan::model::Site {
    site(&format!(
        r#"(
    schema_version: 1,
    name: "One group",
    currency: CNY,
    location: (name: "Beijing", climate: Preset("beijing")),
    assumptions: (
        finance: (first_year: Some(2026), horizon_years: Some(5), discount_rate: Some(0.08)),
        prices: ({extra_prices}),
    ),
    halls: [(
        name: "Hall A",
        floor: (kind: Slab, rating: kg_per_m2(1221)),
        area: m2(500),
        air_cooling_capacity: kW(100),
        racks: [(name: "CPU row", count: 10, height: U(42),
                 servers: [(model: "cpu-2u", count: 4, status: Stock)])],
    )],
)"#
    ))
}

#[test]
fn opex_and_savings_of_one_group() {
    // air 32 kW, all on air; cold plate 30.72 kW drawn, 23.04 kW to liquid.
    // Prices: electricity 0.75 CNY/kWh, air-plant maintenance 90 CNY/kW·yr,
    // cold plate 7,100 CNY/kW stock, maintenance 3 %.
    let site = one_group_site("");
    let figs = [
        Fig::new(32.0, 0.0, 400.0),
        Fig::new(30.72, 23.04, 330.0),
        Fig::new(29.44, 29.44, 300.0),
    ];
    let results = evaluate(&site, &[vec![figs]]);
    let scope = &results.racks[0].scope;
    let air = &scope.option(CoolingOption::Air).cost;
    let cold = &scope.option(CoolingOption::ColdPlate).cost;
    // air: energy 400 MWh × 750 CNY/MWh = 300,000; air plant 32 kW × 90 = 2,880
    assert_close(air.energy_cost_per_year.amount, 300_000.0);
    assert_close(air.opex_per_year.amount, 302_880.0);
    // cold plate: CAPEX 32 × 7,100 = 227,200; energy 330 × 750 = 247,500;
    // maintenance 3 % × 227,200 = 6,816; air plant 7.68 kW × 90 = 691.2 → 255,007.2
    assert_close(cold.capex.amount, 227_200.0);
    assert_close(cold.opex_per_year.amount, 255_007.2);
    // savings: −227,200 in year 0, then 302,880 − 255,007.2 = 47,872.8 a year for 5 years
    // simple payback 227,200 / 47,872.8 = 4.7459 years
    let yearly = 302_880.0 - 255_007.2;
    assert_close(cold.simple_payback_years.unwrap(), 227_200.0 / yearly);
    // NPV = −227,200 + 47,872.8 × 3.992710037 = −36,057.8 (does not pay at 8 % in 5 years)
    let annuity_factor = (1.0 - 1.08f64.powi(-5)) / 0.08;
    assert_close(cold.npv_vs_air.amount, -227_200.0 + yearly * annuity_factor);
    assert!(cold.discounted_payback_years.is_none());
    // cash flows are this option's own spending: −227,200, then −255,007.2 a year
    assert_close(cold.cash_flows[0].amount, -227_200.0);
    assert_close(cold.cash_flows[5].amount, -255_007.2);
    // TCO per kW-year: (227,200 + 5 × 255,007.2) / (32 kW × 5 years) = 9,389.0 CNY/kW·yr
    assert_close(
        cold.tco_per_kw_year.amount,
        (227_200.0 + 5.0 * 255_007.2) / 160.0,
    );
    // air is the reference: NPV 0, no payback, no IRR
    assert_eq!(air.npv_vs_air.amount, 0.0);
    assert!(air.simple_payback_years.is_none() && air.irr.is_none());
    // the recommendation is air (cold plate and immersion lose money at 8 %) unless immersion wins
    let best = scope.recommendation.option.unwrap();
    let best_npv = scope.option(best).cost.npv_vs_air.amount;
    for option in &scope.options {
        assert!(option.cost.npv_vs_air.amount <= best_npv);
    }
}

#[test]
fn water_and_fluid_top_up_are_priced() {
    // immersion: 2 tanks, 1,152 L; top-up 1 % × 1,152 × 8.1 = 93.312 CNY a year;
    // water 1,000 m³ × 6 CNY = 6,000 a year
    let site = one_group_site("");
    let figs = [
        Fig::new(32.0, 0.0, 400.0),
        Fig::new(30.72, 23.04, 330.0),
        Fig::new(29.44, 29.44, 300.0).tanks(2, 1152.0).water(1000.0),
    ];
    let results = evaluate(&site, &[vec![figs]]);
    let imm = &results.racks[0].scope.option(CoolingOption::Immersion).cost;
    // CAPEX 32 × 12,000 = 384,000; energy 300 × 750 = 225,000; maintenance 4 % = 15,360;
    // fluid 93.312; water 6,000; no air heat → 246,453.312
    assert_close(imm.opex_per_year.amount, 246_453.312);
}
