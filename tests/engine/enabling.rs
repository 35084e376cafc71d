//! Enabling works in the plan (`docs/method.md` §5.1, issue 16): a hall over its air plant or
//! its electrical capacity takes a priced air-plant addition or electrical upgrade when that is
//! worth more than the liquid alternative, and a hall that forbids the work keeps the limit.

use crate::support::{climate, hall, rack, servers, site};
use coolplan::engine::{CoolingOption, CostItem, Results, evaluate};
use coolplan::model::{EnablingWork, Site, Status};
use coolplan::units::build::kw;
use coolplan::units::{Currency, PowerUnit, Price};
use uom::si::power::kilowatt;

/// One group of 50 racks × 20 new `cpu-2u` (0.8 kW each) arriving in 2026 (cash-flow year 0):
/// 20 × 0.8 = 16 kW per rack, 50 × 16 = 800 kW of IT at design, all of it on air.
fn cpu_hall(air_kw: f64) -> Site {
    let racks = vec![rack(
        "CPU",
        50,
        vec![servers("cpu-2u", 20, Status::New(2026))],
    )];
    let mut h = hall("H", racks);
    h.air_cooling_capacity = kw(air_kw);
    site(vec![h])
}

/// Liquid made dear (`per_kw` CNY per kW of new servers on cold plate and in immersion), so the
/// plan's choice rests on the enabling work.
fn liquid_at(s: &mut Site, per_kw: f64) {
    let price = Some(Price::new(per_kw, Currency::CNY, PowerUnit::kW));
    s.assumptions.prices.cold_plate_new_per_kw = price;
    s.assumptions.prices.immersion_new_per_kw = price;
}

fn item(r: &Results, option: CoolingOption, item: CostItem) -> f64 {
    r.site
        .option(option)
        .cost
        .capex_breakdown
        .iter()
        .filter(|(i, _)| *i == item)
        .map(|(_, m)| m.amount)
        .sum()
}

#[test]
fn a_hall_100_kw_over_its_air_plant_buys_a_100_kw_addition_when_liquid_costs_more() {
    // 800 kW on air against 700 kW of air plant: 100 kW over
    let mut s = cpu_hall(700.0);
    liquid_at(&mut s, 100_000.0);
    let r = evaluate(&s, &climate("beijing"));
    let plan = &r.plan;
    assert_eq!(plan.groups[0].option, Some(CoolingOption::Air));
    let works = &plan.halls[0].works;
    assert_eq!(works.len(), 1, "{works:?}");
    let addition = &works[0];
    assert_eq!(addition.work, EnablingWork::AirPlantAddition);
    // 800 − 700 = 100 kW × 3,000 CNY/kW = 300,000 CNY, bought in 2026
    assert!((addition.size.get::<kilowatt>() - 100.0).abs() < 1e-6);
    assert!((addition.capex.amount - 300_000.0).abs() < 1e-3);
    assert_eq!(addition.needed_from, 2026);
    // 252 days from the start of 2026: in service after the servers arrive
    assert!(addition.late);
    // the plan's CAPEX is the addition alone (per-kW mode: no contingency)
    assert!((plan.totals.capex.amount - 300_000.0).abs() < 1e-3);
    // the all-air reference buys the same 100 kW (added_air_share (800 − 700) / 800 = 0.125 ×
    // 800 kW × 3,000 CNY/kW = 300,000 CNY in 2026): the plan is worth exactly all-air
    assert!((item(&r, CoolingOption::Air, CostItem::AddedAirCapacity) - 300_000.0).abs() < 1e-3);
    assert!(plan.totals.npv_vs_air.amount.abs() < 1e-3);
    assert!(plan.halls[0].within_limits);
}

#[test]
fn a_hall_that_forbids_the_addition_keeps_its_air_limit() {
    // the same hall without room for more CRAHs: the 800 kW cannot all stay on air, and with
    // liquid dear the plan puts on cold plate what it must, pays no addition
    let mut s = cpu_hall(700.0);
    liquid_at(&mut s, 100_000.0);
    s.halls[0].forbidden_works = vec![EnablingWork::AirPlantAddition];
    let r = evaluate(&s, &climate("beijing"));
    assert!(r.plan.halls[0].works.is_empty());
    assert_ne!(r.plan.groups[0].option, Some(CoolingOption::Air));
    // the all-air column still says why air alone cannot do it
    let air = r.halls[0].option(CoolingOption::Air);
    assert!(
        air.infeasible_reasons
            .iter()
            .any(|x| matches!(x, coolplan::engine::Reason::AirCapacity { .. })),
        "{:?}",
        air.infeasible_reasons
    );
}

#[test]
fn cheap_liquid_beats_the_addition() {
    // cold plate and immersion at no price per kW: the plan takes liquid and needs no work
    let mut s = cpu_hall(700.0);
    liquid_at(&mut s, 0.0);
    let r = evaluate(&s, &climate("beijing"));
    assert_ne!(r.plan.groups[0].option, Some(CoolingOption::Air));
    assert!(
        r.plan.halls[0].works.is_empty(),
        "{:?}",
        r.plan.halls[0].works
    );
}

#[test]
fn a_hall_100_kw_over_its_electrical_capacity_buys_a_100_kw_upgrade() {
    // air plant enough (900 kW), IT capacity 700 kW against 800 kW of IT at design
    let mut s = cpu_hall(900.0);
    liquid_at(&mut s, 100_000.0);
    s.halls[0].it_capacity = Some(kw(700.0));
    let r = evaluate(&s, &climate("beijing"));
    let plan = &r.plan;
    assert_eq!(plan.groups[0].option, Some(CoolingOption::Air));
    let works = &plan.halls[0].works;
    assert_eq!(works.len(), 1, "{works:?}");
    let upgrade = &works[0];
    assert_eq!(upgrade.work, EnablingWork::ElectricalUpgrade);
    // 800 − 700 = 100 kW × 5,000 CNY/kW = 500,000 CNY in 2026
    assert!((upgrade.size.get::<kilowatt>() - 100.0).abs() < 1e-6);
    assert!((upgrade.capex.amount - 500_000.0).abs() < 1e-3);
    assert!((plan.totals.capex.amount - 500_000.0).abs() < 1e-3);
    // all-air buys no upgrade (and no air: 800 ≤ 900 kW), so the plan is 500,000 CNY behind
    // it, spent in year 0 (undiscounted)
    assert!((plan.totals.npv_vs_air.amount + 500_000.0).abs() < 1e-3);
    // forbidden: no upgrade, the electrical limit binds and liquid takes the group
    s.halls[0].forbidden_works = vec![EnablingWork::ElectricalUpgrade];
    let r = evaluate(&s, &climate("beijing"));
    assert!(r.plan.halls[0].works.is_empty());
}
