//! CAPEX in per-kW and itemised mode, worked by hand on small sites (arithmetic in comments),
//! with physical figures stated by the test.

use crate::common::{Fig, assert_close, evaluate, site};
use coolplan::engine::{CoolingOption, CostItem};

/// A hall with 10 racks of 4 stock 2U CPU servers (0.8 kW, half converted) and 2 racks of one
/// new HGX H100 (10.2 kW) arriving in 2027; the study starts in 2026 and runs 5 years, so no
/// server retires within it (cpu-2u 6 years from 2026 → 2032, H100 5 years from 2027 → 2032).
fn two_group_site(cost_mode: &str) -> String {
    format!(
        r#"(
    schema_version: 1,
    name: "Two groups",
    currency: CNY,
    location: (name: "Beijing", climate: Preset("beijing")),
    cost_mode: {cost_mode},
    assumptions: (finance: (first_year: Some(2026), horizon_years: Some(5))),
    halls: [(
        name: "Hall A",
        floor: (kind: Raised, rating: kg_per_m2(1221)),
        area: m2(500),
        air_cooling_capacity: kW(40),
        racks: [
            (name: "CPU row", count: 10, height: U(42), retrofit_share: Some(0.5),
             servers: [(model: "cpu-2u", count: 4, status: Stock)]),
            (name: "AI pod", count: 2, height: U(42),
             servers: [(model: "hgx-h100", count: 1, status: New(2027))]),
        ],
    )],
)"#
    )
}

/// Figures of the CPU row: 32 kW on air; cold plate sends 75 % of 30.72 kW to liquid.
fn cpu_row() -> [Fig; 3] {
    [
        Fig::new(32.0, 0.0, 400.0),
        Fig::new(30.72, 23.04, 330.0).cdus(2),
        Fig::new(29.44, 29.44, 300.0).tanks(2, 1152.0),
    ]
}

/// Figures of the AI pod: 20.4 kW on air.
fn ai_pod() -> [Fig; 3] {
    [
        Fig::new(20.4, 0.0, 250.0),
        Fig::new(19.18, 15.34, 200.0).cdus(2),
        Fig::new(17.95, 17.95, 190.0).tanks(2, 1152.0),
    ]
}

#[test]
fn per_kw_capex_prices_design_kw_times_share() {
    let site = site(&two_group_site("PerKw"));
    let results = evaluate(&site, &[vec![cpu_row(), ai_pod()]]);
    let cpu = &results.racks[0].scope;
    let pod = &results.racks[1].scope;
    // CPU row, stock: 10 racks × 4 × 0.8 kW = 32 kW; × share 0.5 = 16 kW
    // cold plate 16 × 7,100 = 113,600 CNY; immersion 16 × 12,000 = 192,000 CNY
    assert_close(
        cpu.option(CoolingOption::ColdPlate).cost.capex.amount,
        113_600.0,
    );
    assert_close(
        cpu.option(CoolingOption::Immersion).cost.capex.amount,
        192_000.0,
    );
    // AI pod, new in 2027: 2 × 10.2 = 20.4 kW; cold plate new 20.4 × 5,000 = 102,000;
    // immersion new 20.4 × 12,000 = 244,800
    assert_close(
        pod.option(CoolingOption::ColdPlate).cost.capex.amount,
        102_000.0,
    );
    assert_close(
        pod.option(CoolingOption::Immersion).cost.capex.amount,
        244_800.0,
    );
    // Air: hall 40 kW − stock 32 kW = 8 kW spare; new 20.4 kW → 12.4 kW added × 3,000 = 37,200
    assert_close(pod.option(CoolingOption::Air).cost.capex.amount, 37_200.0);
    assert_close(cpu.option(CoolingOption::Air).cost.capex.amount, 0.0);
    // the hall sums its groups: 113,600 + 102,000 = 215,600
    assert_close(
        results.halls[0]
            .option(CoolingOption::ColdPlate)
            .cost
            .capex
            .amount,
        215_600.0,
    );
    assert_close(
        results
            .site
            .option(CoolingOption::Immersion)
            .cost
            .capex
            .amount,
        436_800.0,
    );
}

#[test]
fn new_servers_pay_in_their_arrival_year() {
    let site = site(&two_group_site("PerKw"));
    let results = evaluate(&site, &[vec![cpu_row(), ai_pod()]]);
    let pod = &results.racks[1].scope.option(CoolingOption::ColdPlate).cost;
    // 2027 is cash-flow index 1 (first_year 2026 = index 0): −102,000 in year 1, none in year 0
    assert_close(pod.cash_flows[0].amount, 0.0);
    assert!(pod.cash_flows[1].amount <= -102_000.0);
    let cpu = &results.racks[0].scope.option(CoolingOption::ColdPlate).cost;
    // stock servers pay in year 0: −113,600, no energy yet in year 0
    assert_close(cpu.cash_flows[0].amount, -113_600.0);
}

#[test]
fn itemised_cold_plate_items_are_worked_by_hand() {
    let site = site(&two_group_site("Itemised"));
    let results = evaluate(&site, &[vec![cpu_row(), ai_pod()]]);
    let cost = &results.racks[0].scope.option(CoolingOption::ColdPlate).cost;
    let item = |wanted: CostItem| {
        cost.capex_breakdown
            .iter()
            .find(|(i, _)| *i == wanted)
            .map_or(0.0, |(_, m)| m.amount)
    };
    // whole group (share 1), then × 0.5:
    // kits 40 servers × 2,500 = 100,000 → 50,000
    assert_close(item(CostItem::ColdPlateKits), 50_000.0);
    // manifolds 10 racks × 8,000 = 80,000 → 40,000
    assert_close(item(CostItem::Manifolds), 40_000.0);
    // CDUs 2 × 600 kW × 750 = 900,000 → 450,000
    assert_close(item(CostItem::Cdus), 450_000.0);
    // piping 23.04 kW × 800 = 18,432 → 9,216
    assert_close(item(CostItem::Piping), 9_216.0);
    // labour 40 × 500 = 20,000 → 10,000; downtime 10 racks × 4 h × 500 = 20,000 → 10,000
    assert_close(item(CostItem::Labour), 10_000.0);
    assert_close(item(CostItem::Downtime), 10_000.0);
    // subtotal 569,216; contingency 10 % = 56,921.6; total 626,137.6
    assert_close(item(CostItem::Contingency), 56_921.6);
    assert_close(cost.capex.amount, 626_137.6);
}

#[test]
fn itemised_immersion_items_are_worked_by_hand() {
    let site = site(&two_group_site("Itemised"));
    let results = evaluate(&site, &[vec![cpu_row(), ai_pod()]]);
    let cost = &results.racks[0].scope.option(CoolingOption::Immersion).cost;
    // whole group: tanks 2 × 150,000 = 300,000; fluid 1,152 L × 8.1 = 9,331.2;
    // prep 40 × 800 = 32,000 (cpu-2u is immersion "with prep");
    // floor (raised) 2 tanks × 1.08 m² × 1,500 = 3,240; piping 29.44 × 800 = 23,552;
    // labour 20,000; downtime 20,000 → subtotal 408,123.2; contingency 40,812.32;
    // total 448,935.52; × share 0.5 = 224,467.76
    assert_close(cost.capex.amount, 224_467.76);
}

#[test]
fn itemised_new_servers_pay_the_factory_premium_not_kits() {
    let site = site(&two_group_site("Itemised"));
    let results = evaluate(&site, &[vec![cpu_row(), ai_pod()]]);
    let cost = &results.racks[1].scope.option(CoolingOption::ColdPlate).cost;
    let items: Vec<CostItem> = cost.capex_breakdown.iter().map(|(i, _)| *i).collect();
    assert!(items.contains(&CostItem::FactoryPremium));
    assert!(!items.contains(&CostItem::ColdPlateKits));
    assert!(!items.contains(&CostItem::Labour));
    assert!(!items.contains(&CostItem::Downtime));
    // 2 × HGX H100 premium 30,000 = 60,000; manifolds 2 × 8,000 = 16,000;
    // CDUs 2 × 600 × 750 = 900,000; piping 15.34 × 800 = 12,272 → 988,272 × 1.1 = 1,087,099.2
    assert_close(cost.capex.amount, 1_087_099.2);
}

#[test]
fn itemised_items_sum_to_the_total() {
    let site = site(&two_group_site("Itemised"));
    let results = evaluate(&site, &[vec![cpu_row(), ai_pod()]]);
    let scopes = results
        .racks
        .iter()
        .map(|r| &r.scope)
        .chain(&results.halls)
        .chain(std::iter::once(&results.site));
    for scope in scopes {
        for option in &scope.options {
            let sum: f64 = option
                .cost
                .capex_breakdown
                .iter()
                .map(|(_, m)| m.amount)
                .sum();
            assert_close(sum, option.cost.capex.amount);
        }
    }
}
