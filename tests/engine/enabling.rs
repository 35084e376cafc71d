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
    // 252 days from the start of 2026: in service on 1 January 2027, after the servers arrive;
    // the group of new servers waits for it
    assert_eq!(addition.in_service, 2027);
    assert!(addition.late);
    assert_eq!(addition.waiting, vec![0]);
    // it raises the 700 kW air limit
    let (limit, capacity) = addition.raises.expect("raises a limit");
    assert_eq!(limit, coolplan::engine::Limit::AirCooling);
    assert!((capacity.get::<kilowatt>() - 700.0).abs() < 1e-6);
    // the plan's CAPEX is the addition alone (per-kW mode: no contingency), paid in 2027
    assert!((plan.totals.capex.amount - 300_000.0).abs() < 1e-3);
    assert!((plan.totals.capex_by_year[1].amount - 300_000.0).abs() < 1e-3);
    // the all-air reference buys the same 100 kW (added_air_share (800 − 700) / 800 = 0.125 ×
    // 800 kW × 3,000 CNY/kW = 300,000 CNY) in the same year, when its addition is in service:
    // the plan is worth exactly all-air
    assert!((item(&r, CoolingOption::Air, CostItem::AddedAirCapacity) - 300_000.0).abs() < 1e-3);
    let air = &r.site.option(CoolingOption::Air).cost;
    assert!((air.capex_by_year[1].amount - 300_000.0).abs() < 1e-3);
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
    // paid when the upgrade is in service: 252 days from 1 January 2026, so 1 January 2027
    // (cash-flow year 1); the group of new servers waits for it
    assert_eq!((upgrade.needed_from, upgrade.in_service), (2026, 2027));
    assert!(upgrade.late);
    assert_eq!(upgrade.waiting, vec![0]);
    assert!((plan.totals.capex_by_year[1].amount - 500_000.0).abs() < 1e-3);
    // the all-air reference column needs the same upgrade (800 kW of IT on air over 700 kW)
    // and pays it in the same year instead of being infeasible: feasible, 500,000 CNY of
    // `electrical_upgrade`, so the plan (all air with its upgrade) is worth exactly all-air
    let air = r.site.option(CoolingOption::Air);
    assert!(air.feasible, "{:?}", air.infeasible_reasons);
    // flagged: a warning names the work, its 800 − 700 = 100 kW and its year in service
    let needs = air.warnings.iter().find_map(|w| match w {
        coolplan::engine::Reason::NeedsWork {
            work,
            excess,
            in_service,
        } => Some((*work, excess.get::<kilowatt>(), *in_service)),
        _ => None,
    });
    let (work, excess_kw, in_service) = needs.expect("a NeedsWork warning");
    assert_eq!((work, in_service), (EnablingWork::ElectricalUpgrade, 2027));
    assert!((excess_kw - 100.0).abs() < 1e-6);
    assert!((item(&r, CoolingOption::Air, CostItem::ElectricalUpgrade) - 500_000.0).abs() < 1e-3);
    assert!((air.cost.capex_by_year[1].amount - 500_000.0).abs() < 1e-3);
    assert!(plan.totals.npv_vs_air.amount.abs() < 1e-3);
    // cold plate takes 800 × (1 − fan share) kW of IT, still over 700 kW: its column pays
    // its own, smaller upgrade
    let cp_upgrade = item(&r, CoolingOption::ColdPlate, CostItem::ElectricalUpgrade);
    assert!(cp_upgrade > 0.0 && cp_upgrade < 500_000.0, "{cp_upgrade}");
    // forbidden: no upgrade, the electrical limit binds and liquid takes the group
    s.halls[0].forbidden_works = vec![EnablingWork::ElectricalUpgrade];
    let r = evaluate(&s, &climate("beijing"));
    assert!(r.plan.halls[0].works.is_empty());
}

/// One group of 20 racks × 20 stock `cpu-2u` (0.8 kW each, retrofit kits) in a hall with no
/// facility water: its liquid options need the extension, lead time `lead_days`. Cold plate
/// on stock servers at 100 CNY/kW all in and the extension at 100 CNY/kW, so that it pays
/// and the plan takes it.
fn dry_stock_hall(lead_days: f64) -> Site {
    let racks = vec![rack("CPU", 20, vec![servers("cpu-2u", 20, Status::Stock)])];
    let mut h = hall("H", racks);
    h.facility_water = None;
    let mut s = site(vec![h]);
    s.assumptions.prices.facility_water_extension_lead_time =
        Some(coolplan::units::build::days(lead_days));
    s.assumptions.prices.cold_plate_stock_per_kw =
        Some(Price::new(100.0, Currency::CNY, PowerUnit::kW));
    s.assumptions.prices.facility_water_extension_per_kw =
        Some(Price::new(100.0, Currency::CNY, PowerUnit::kW));
    s
}

#[test]
fn a_retrofit_waits_a_year_for_a_40_week_extension_and_runs_that_year_on_air() {
    // the same stock retrofit with the extension at once (0 days) and after 280 days: ordered
    // on 1 January 2026 it is in service on 1 January 2027 (cash-flow year 1), so the
    // conversion is bought then and saves from the second year of operation on
    let at_once = evaluate(&dry_stock_hall(0.0), &climate("beijing"));
    let waiting = evaluate(&dry_stock_hall(280.0), &climate("beijing"));
    let cp = CoolingOption::ColdPlate;
    let flows = |r: &Results, o| -> Vec<f64> {
        r.racks[0]
            .scope
            .option(o)
            .cost
            .cash_flows
            .iter()
            .map(|m| m.amount)
            .collect()
    };
    let (now, later) = (flows(&at_once, cp), flows(&waiting, cp));
    let air = flows(&at_once, CoolingOption::Air);
    assert_eq!(air, flows(&waiting, CoolingOption::Air));
    // at once: the conversion's CAPEX C is spent in year 0 (no OPEX there); waiting: year 0
    // is empty and year 1 holds −C plus the year run on air
    let capex = -now[0];
    assert!(capex > 0.0);
    assert_eq!(later[0], 0.0);
    assert!((later[1] - (air[1] - capex)).abs() < 1e-6, "{later:?}");
    // from year 2 on both run converted
    assert_eq!(now[2..], later[2..]);
    // NPV against air at 8 %: waiting moves C one year (+C − C/1.08 = +C·0.08/1.08) and
    // loses year 1's saving s₁ = flow₁ − air₁ discounted once (−s₁/1.08)
    let npv = |r: &Results| r.racks[0].scope.option(cp).cost.npv_vs_air.amount;
    let saving_1 = now[1] - air[1];
    let expected = npv(&at_once) + capex * 0.08 / 1.08 - saving_1 / 1.08;
    assert!(
        (npv(&waiting) - expected).abs() < 1e-3,
        "{} vs {expected}",
        npv(&waiting)
    );
    // figures: C = 320 kW × 100 + 230.4 kW of liquid heat × 100 = 55,040 CNY, s₁ = 56,193 CNY;
    // −93,649 + 55,040 × 0.08 / 1.08 − 56,193 / 1.08 = −93,649 + 4,077 − 52,031 = −141,603 CNY
    assert!((capex - 55_040.0).abs() < 1e-6);
    assert!((npv(&waiting) + 141_602.87).abs() < 0.01);
}

#[test]
fn the_plan_sees_the_wait_a_40_week_extension_turns_a_paying_retrofit_into_air() {
    // the same hall with cold plate at 900 CNY/kW and servers kept past the study (no
    // refresh): C = 320 kW × 900 + 230.4 kW × 100 = 311,040 CNY
    let dear = |lead_days: f64| {
        let mut s = dry_stock_hall(lead_days);
        s.assumptions.prices.cold_plate_stock_per_kw =
            Some(Price::new(900.0, Currency::CNY, PowerUnit::kW));
        s.halls[0].racks[0].servers[0].service_life =
            Some(coolplan::units::build::days(20.0 * 365.0));
        // the choice is cold plate or air (the other options are another question)
        use coolplan::model::{Cooling, CoolingRule};
        s.halls[0].racks[0].cooling = Some(CoolingRule::Exclude(vec![
            Cooling::RearDoorPassive,
            Cooling::RearDoorActive,
            Cooling::ColdPlateRearDoor,
            Cooling::ColdPlateLiquidToAir,
            Cooling::Immersion,
        ]));
        evaluate(&s, &climate("beijing"))
    };
    let (at_once, waiting) = (dear(0.0), dear(280.0));
    let cp = CoolingOption::ColdPlate;
    let cost = |r: &Results| r.racks[0].scope.option(cp).cost.clone();
    assert!((cost(&at_once).capex.amount - 311_040.0).abs() < 1e-6);
    // at once: NPV +14,489 CNY, the plan converts and buys the extension, in service in 2026
    let npv_now = cost(&at_once).npv_vs_air.amount;
    assert!((npv_now - 14_489.02).abs() < 0.01, "{npv_now}");
    assert_eq!(at_once.plan.groups[0].option, Some(cp));
    let line = &at_once.plan.halls[0].works[0];
    assert_eq!(line.work, EnablingWork::FacilityWaterExtension);
    assert_eq!(
        (line.needed_from, line.in_service, line.late),
        (2026, 2026, false)
    );
    // after 280 days: +C·0.08/1.08 − s₁/1.08 with s₁ the first year's saving against air
    // = 14,489 + 23,040 − 44,920 = −7,391 CNY: the search keeps air and buys nothing
    let air = &at_once.racks[0]
        .scope
        .option(CoolingOption::Air)
        .cost
        .cash_flows;
    let saving_1 = cost(&at_once).cash_flows[1].amount - air[1].amount;
    assert!((saving_1 / 1.08 - 44_920.0).abs() < 1.0, "{saving_1}");
    let expected = npv_now + 311_040.0 * 0.08 / 1.08 - saving_1 / 1.08;
    let npv_wait = cost(&waiting).npv_vs_air.amount;
    assert!(
        (npv_wait - expected).abs() < 1e-3,
        "{npv_wait} vs {expected}"
    );
    assert!((npv_wait + 7_390.82).abs() < 0.01, "{npv_wait}");
    assert_eq!(waiting.plan.groups[0].option, Some(CoolingOption::Air));
    assert!(waiting.plan.halls[0].works.is_empty());
}

fn item(r: &Results, option: CoolingOption, item: CostItem) -> f64 {
    r.site.option(option).cost.spent_on(item).amount
}
