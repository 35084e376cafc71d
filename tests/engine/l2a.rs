//! Cold plates on liquid-to-air CDUs (`docs/method.md` §3.1, issue 16), worked by hand: the
//! returned heat on the hall's air plant, the units and their N+1, a rack too hot for one
//! unit, the option without facility water, its prices and its heat balance.
//!
//! Every case uses one test server, `sidecar-node`: 10 kW at max draw, fan share 0.10, cold
//! plates capture 0.8, utilisation 0.5. On cold plate (fan saving 0.5) one server draws
//! 10 × (1 − 0.10 × 0.5) = 9.5 kW: 0.8 × 9.5 = 7.6 kW to liquid, 1.9 kW left on air. A rack
//! of 4 draws 40 kW on air, 38 kW on cold plate: 30.4 kW to liquid, 7.6 kW on air.

use crate::support::{climate, hall, rack, run, servers, site};
use coolplan::engine::{CoolingOption, CostItem, Reason, Results, evaluate};
use coolplan::model::catalog::{ImmersionCompat, KitAvailability, ServerKind, ServerModel};
use coolplan::model::{CostMode, EnablingWork, Hall, Site, Status};
use coolplan::units::build::{kg, kw, rack_units};
use uom::si::area::square_meter;
use uom::si::energy::kilowatt_hour;
use uom::si::power::kilowatt;
use uom::si::thermodynamic_temperature::degree_celsius;

const L2A: CoolingOption = CoolingOption::ColdPlateLiquidToAir;

fn node() -> ServerModel {
    ServerModel {
        id: "sidecar-node".into(),
        name: "10 kW test node".into(),
        vendor: "test".into(),
        kind: ServerKind::Cpu,
        height: rack_units(2.0),
        max_power: kw(10.0),
        utilisation: 0.5,
        fan_share: 0.10,
        cold_plate_capture: 0.8,
        cold_plate: KitAvailability::Retrofit,
        kit_cost: vec![],
        factory_premium: vec![],
        immersion: ImmersionCompat::Yes,
        weight: kg(20.0),
        service_life: Some(coolplan::units::build::days(365.0 * 30.0)),
        aliases: vec![],
        sources: vec![],
        notes: String::new(),
    }
}

/// A hall with no facility water and `air_kw` of air plant, holding `racks`.
fn dry_hall(air_kw: f64, racks: Vec<coolplan::model::Rack>) -> Hall {
    let mut h = hall("Room", racks);
    h.facility_water = None;
    h.air_cooling_capacity = kw(air_kw);
    h
}

fn one_hall(h: Hall) -> Site {
    let mut s = site(vec![h]);
    s.catalog.push(node());
    s
}

/// 10 stock racks of 4 nodes in a dry hall of `air_kw`.
fn stock_room(air_kw: f64) -> Site {
    let racks = vec![rack(
        "R",
        10,
        vec![servers("sidecar-node", 4, Status::Stock)],
    )];
    one_hall(dry_hall(air_kw, racks))
}

#[test]
fn the_returned_heat_pushes_a_hall_over_its_air_plant_where_cold_plate_fits() {
    // 5 stock racks on air today (5 × 40 = 200 kW) and 5 racks of new nodes, 300 kW of air
    // plant. All on air: 10 × 40 = 400 kW > 300 kW. Cold plate onto (extended) facility water
    // leaves 10 × 7.6 = 76 kW on air: fits. Liquid-to-air returns the liquid heat and the
    // units' fans: 10 × (7.6 + 30.4 × 1.025) = 10 × 38.76 = 387.6 kW > 300 kW. The room may
    // have no more air plant: the column is infeasible.
    let racks = vec![
        rack("old", 5, vec![servers("sidecar-node", 4, Status::Stock)]),
        rack(
            "new",
            5,
            vec![servers("sidecar-node", 4, Status::New(2026))],
        ),
    ];
    let mut s = one_hall(dry_hall(300.0, racks));
    s.halls[0].forbidden_works = vec![EnablingWork::AirPlantAddition];
    let p = run(&s, "beijing");
    let hall = &p.halls[0].options;
    let air_capacity = |o: CoolingOption| {
        hall[o].infeasible_reasons.iter().find_map(|r| match r {
            Reason::AirCapacity {
                heat_to_air,
                capacity,
                airflow,
                airflow_capacity,
            } => Some((*heat_to_air, *capacity, *airflow, *airflow_capacity)),
            _ => None,
        })
    };
    let (heat, capacity, airflow, airflow_capacity) =
        air_capacity(L2A).expect("liquid-to-air over the air plant");
    assert!((heat.get::<kilowatt>() - 387.6).abs() < 1e-9);
    assert!((capacity.get::<kilowatt>() - 300.0).abs() < 1e-9);
    // airflow at 12 K: 387,600 / (1.2 × 1,006 × 12) = 387,600 / 14,486.4 = 26.7561 m³/s,
    // against 300,000 / 14,486.4 = 20.7091 m³/s
    use uom::si::volume_rate::cubic_meter_per_second as m3s;
    assert!((airflow.get::<m3s>() - 26.7561).abs() < 1e-4);
    assert!((airflow_capacity.get::<m3s>() - 20.7091).abs() < 1e-4);
    // the hall's air side says the same
    let side = &p.plant[0].air_side[L2A.index()];
    assert!((side.heat_to_air.get::<kilowatt>() - 387.6).abs() < 1e-9);
    assert!(side.exceeded());
    // cold plate onto facility water keeps 76 kW on air: no air-capacity finding
    assert!(air_capacity(CoolingOption::ColdPlate).is_none());
    assert!(
        (hall[CoolingOption::ColdPlate]
            .thermal
            .heat_to_air
            .get::<kilowatt>()
            - 76.0)
            .abs()
            < 1e-9
    );
    // air itself: 400 kW on air
    let (air_heat, ..) = air_capacity(CoolingOption::Air).expect("air over the plant");
    assert!((air_heat.get::<kilowatt>() - 400.0).abs() < 1e-9);
    // where the room may have its air plant added to, the column pays for an addition of
    // 387.6 − 300 = 87.6 kW instead, and says so
    s.halls[0].forbidden_works.clear();
    let p = run(&s, "beijing");
    let l2a = &p.halls[0].options[L2A];
    assert!(l2a.feasible, "{:?}", l2a.infeasible_reasons);
    assert!(l2a.warnings.iter().any(|r| matches!(
        r,
        Reason::NeedsWork { work: EnablingWork::AirPlantAddition, excess, .. }
            if (excess.get::<kilowatt>() - 87.6).abs() < 1e-9
    )));
}

#[test]
fn ten_racks_take_five_units_and_a_spare_with_their_rack_positions() {
    // 10 racks × 30.4 kW on 70 kW units, whole racks: two per unit (60.8 kW; three would be
    // 91.2 kW), so 5 loaded units (= ⌈304 / 70⌉ = ⌈4.343⌉ = 5) + 1 spare (N+1) = 6 units,
    // 6 × 70 = 420 kW installed. Floor: racks 10 × (0.72 + 0.72) = 14.4 m², units 6 × 1.44 =
    // 8.64 m²: 23.04 m².
    let s = stock_room(500.0);
    let p = run(&s, "beijing");
    let t = &p.halls[0].options[L2A].thermal;
    assert_eq!(t.cdu_count, 6);
    assert!((p.halls[0].options[L2A].cdu_capacity.get::<kilowatt>() - 420.0).abs() < 1e-9);
    assert!((t.floor_area.get::<square_meter>() - 23.04).abs() < 1e-9);
    // the loop draws 24 °C cold-aisle air + 15 K approach: 39 °C ≤ 45 °C
    let loop_c = t.loop_supply.expect("a loop").get::<degree_celsius>();
    assert!((loop_c - 39.0).abs() < 1e-9);
    // the same racks on liquid-to-liquid CDUs: one in-rack 100 kW unit takes three racks
    // (91.2 kW): 4 loaded + 1 spare = 5 × 100 = 500 kW, or in-row 600 kW: 1 + 1 = 1,200 kW;
    // the least installed capacity is the in-rack design
    let cold = &p.halls[0].options[CoolingOption::ColdPlate];
    assert_eq!(cold.thermal.cdu_count, 5);
    assert!((cold.cdu_capacity.get::<kilowatt>() - 500.0).abs() < 1e-9);
}

#[test]
fn a_rack_above_one_unit_cannot_go_on_liquid_to_air() {
    // 10 nodes in a rack: 10 × 7.6 = 76 kW of liquid > 70 kW, a unit cannot take the rack
    // whole; the in-rack 100 kW liquid-to-liquid CDU can
    let racks = vec![rack(
        "dense",
        2,
        vec![servers("sidecar-node", 10, Status::Stock)],
    )];
    let s = one_hall(dry_hall(2000.0, racks));
    let p = run(&s, "beijing");
    let group = &p.racks[0].scope.options[L2A.index()];
    assert!(!group.feasible);
    assert!(group.infeasible_reasons.iter().any(|r| matches!(
        r,
        Reason::CduTooSmall { per_rack, capacity }
            if (per_rack.get::<kilowatt>() - 76.0).abs() < 1e-9
                && (capacity.get::<kilowatt>() - 70.0).abs() < 1e-9
    )));
    assert!(p.racks[0].scope.options[CoolingOption::ColdPlate.index()].feasible);
    // and the hall's column finds the same rack unassigned
    assert!(!p.halls[0].options[L2A].feasible);
}

#[test]
fn without_facility_water_liquid_to_air_needs_no_extension_and_cold_plate_does() {
    // 10 stock racks in a dry room of 500 kW of air plant: 387.6 kW returned fits.
    let s = stock_room(500.0);
    let r = evaluate(&s, &climate("beijing"));
    let l2a = r.site.option(L2A);
    assert!(l2a.feasible, "{:?}", l2a.infeasible_reasons);
    assert_eq!(item(&r, L2A, CostItem::FacilityWaterExtension), 0.0);
    // cold plate runs on the extension: 304 kW × 2,500 CNY/kW = 760,000 CNY
    let cold = r.site.option(CoolingOption::ColdPlate);
    assert!(cold.feasible, "{:?}", cold.infeasible_reasons);
    let extension = item(
        &r,
        CoolingOption::ColdPlate,
        CostItem::FacilityWaterExtension,
    );
    assert!((extension - 760_000.0).abs() < 1e-6, "{extension}");
    // a room that may not have water brought in: cold plate has no water, liquid-to-air runs
    let mut s = s;
    s.halls[0].forbidden_works = vec![EnablingWork::FacilityWaterExtension];
    let p = run(&s, "beijing");
    let hall = &p.halls[0].options;
    assert!(
        hall[CoolingOption::ColdPlate]
            .infeasible_reasons
            .contains(&Reason::NoFacilityWater)
    );
    assert!(hall[L2A].feasible, "{:?}", hall[L2A].infeasible_reasons);
}

#[test]
fn an_itemised_liquid_to_air_retrofit_priced_by_hand() {
    // 10 racks × 4 stock nodes, CNY defaults, itemised:
    //   kits 40 × 10 kW × 2,100 CNY/kW                 =   840,000
    //   manifolds 10 × 8,000                            =    80,000
    //   liquid-to-air units 6 × 70 kW × 2,000 CNY/kW    =   840,000
    //   labour 40 × 500                                 =    20,000
    //   downtime 10 racks × 4 h × 500 CNY/h             =    20,000
    //   contingency 10 % of 1,800,000                   =   180,000
    //   total                                           = 1,980,000 CNY, all in year 0
    // no liquid-to-liquid CDU, facility piping, trim chiller or water extension.
    let mut s = stock_room(500.0);
    s.cost_mode = CostMode::Itemised;
    let r = evaluate(&s, &climate("beijing"));
    let expect = [
        (CostItem::ColdPlateKits, 840_000.0),
        (CostItem::Manifolds, 80_000.0),
        (CostItem::LiquidToAirUnits, 840_000.0),
        (CostItem::Labour, 20_000.0),
        (CostItem::Downtime, 20_000.0),
        (CostItem::Contingency, 180_000.0),
        (CostItem::Cdus, 0.0),
        (CostItem::Piping, 0.0),
        (CostItem::TrimChiller, 0.0),
        (CostItem::FacilityWaterExtension, 0.0),
    ];
    for (i, amount) in expect {
        assert!(
            (item(&r, L2A, i) - amount).abs() < 1e-6,
            "{i:?}: {}",
            item(&r, L2A, i)
        );
    }
    let cost = &r.site.option(L2A).cost;
    assert!(
        (cost.capex.amount - 1_980_000.0).abs() < 1e-6,
        "{}",
        cost.capex.amount
    );
    // maintenance as cold plate, 3 % of the CAPEX a year: 59,400 CNY inside the steady OPEX
    let energy = cost.energy_cost_per_year.amount;
    assert!(cost.opex_per_year.amount - energy > 59_400.0 - 1e-6);
    // per-kW mode: 6,200 CNY/kW × 400 kW of stock servers = 2,480,000 CNY, all in
    s.cost_mode = CostMode::PerKw;
    let r = evaluate(&s, &climate("beijing"));
    assert!((item(&r, L2A, CostItem::PerKwStock) - 2_480_000.0).abs() < 1e-6);
    assert!((r.site.option(L2A).cost.capex.amount - 2_480_000.0).abs() < 1e-6);
}

#[test]
fn heat_balance_closes_at_the_rack_and_the_room_takes_it_plus_the_fans() {
    let s = stock_room(500.0);
    let p = run(&s, "beijing");
    // rack group: liquid 304 + air 76 = 380 kW = IT
    let g = &p.racks[0].scope.options[L2A.index()].thermal;
    assert!((g.heat_to_liquid.get::<kilowatt>() - 304.0).abs() < 1e-9);
    assert!((g.heat_to_air.get::<kilowatt>() - 76.0).abs() < 1e-9);
    assert!((g.it_design.get::<kilowatt>() - 380.0).abs() < 1e-9);
    // the units' fans 2.5 % × 304 = 7.6 kW; returned 304 + 7.6 = 311.6 kW; the room's air
    // takes 76 + 311.6 = 387.6 kW = IT 380 + fans 7.6
    assert!((g.l2a_fan_power.get::<kilowatt>() - 7.6).abs() < 1e-9);
    assert!((g.heat_returned_to_air.get::<kilowatt>() - 311.6).abs() < 1e-9);
    let h = &p.halls[0].options[L2A].thermal;
    let room = (h.heat_to_air + h.heat_returned_to_air).get::<kilowatt>();
    assert!((room - (h.it_design + h.l2a_fan_power).get::<kilowatt>()).abs() < 1e-9);
    assert!((room - 387.6).abs() < 1e-9);
    // nothing reaches facility water or a heat customer
    assert_eq!(p.halls[0].options[L2A].energy.liquid_heat.value, 0.0);
    // energy: the units' fans run at the average liquid heat, 7.6 kW × 0.5 = 3.8 kW all year
    // (8,760 h): 33,288 kWh; no dry cooler, no trim chiller
    let e = &p.plant[0].energy[L2A.index()];
    assert!((e.l2a_fans.get::<kilowatt_hour>() - 3.8 * 8760.0).abs() < 1e-6);
    assert_eq!(e.dry_cooler_fans.value, 0.0);
    assert_eq!(e.trim_chiller.value, 0.0);
    assert!(p.plant[0].design_day[L2A.index()].is_none());
    // the technology-loop pumps run on the 304 kW: design 0.008301 W/W × 304 kW = 2.5235 kW,
    // at half load ψ + (1 − ψ) × 0.5 of it (liquid_pump_fixed_fraction 0.3): 0.65 × 2.5235 =
    // 1.6403 kW × 8,760 h = 14,369 kWh
    let pumps = e.liquid_pumps.get::<kilowatt_hour>();
    assert!((pumps - 0.65 * 2.5235 * 8760.0).abs() < 10.0, "{pumps}");
}

/// An example site from `sites/`, evaluated in full on its own climate (`None` without the
/// example sites in this checkout).
fn example(name: &str) -> Option<Results> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sites");
    let text = std::fs::read_to_string(dir.join(name)).ok()?;
    let site = coolplan::io::parse_site(&text, name).expect("example site parses");
    let climate = coolplan::io::climate::resolve(&site, Some(&dir)).expect("its climate");
    Some(evaluate(&site, &climate))
}

#[test]
fn the_enterprise_room_on_liquid_to_air_against_cold_plate_with_the_extension() {
    let Some(r) = example("enterprise-room.ron") else {
        return;
    };
    // Cold plate: liquid 43.488 kW, air 15.408 kW (IT 58.896 kW; sites.rs works the split).
    // Liquid-to-air: fans 2.5 % × 43.488 = 1.0872 kW; the room's air takes 15.408 + 43.488 +
    // 1.0872 = 59.9832 kW of its 90 kW (61.4 kW on air today). All 9 racks (43.488 kW) fit
    // one 70 kW unit: 1 + 1 spare = 2 units.
    let l2a = r.site.option(L2A);
    assert!(l2a.feasible, "{:?}", l2a.infeasible_reasons);
    let room = (l2a.thermal.heat_to_air + l2a.thermal.heat_returned_to_air).get::<kilowatt>();
    assert!((room - 59.9832).abs() < 1e-9, "{room}");
    assert_eq!(l2a.thermal.cdu_count, 2);
    // Per-kW mode: 6,200 CNY/kW × 61.4 kW of stock servers = 380,680 CNY, plus the refresh of
    // retiring servers bought liquid-ready (246,000 CNY, as cold plate): 626,680 CNY and no
    // facility-water extension. Cold plate: 7,100 × 61.4 = 435,940 + the extension 108,720 +
    // the same refresh = 790,660 CNY.
    assert!((item(&r, L2A, CostItem::PerKwStock) - 380_680.0).abs() < 1e-6);
    assert_eq!(item(&r, L2A, CostItem::FacilityWaterExtension), 0.0);
    assert!((l2a.cost.capex.amount - 626_680.0).abs() < 1e-6);
    let cold = r.site.option(CoolingOption::ColdPlate);
    assert!((cold.cost.capex.amount - 790_660.0).abs() < 1e-6);
    // the cheaper path to build is the dearer to run: its heat stays on the DX room's air
    // plant, so neither pays back and cold plate stays the better liquid path
    assert!(l2a.energy.pue > cold.energy.pue);
    assert!(l2a.cost.npv_vs_air.amount < cold.cost.npv_vs_air.amount);
}

#[test]
fn the_office_gpu_room_puts_its_new_gpu_racks_on_liquid_to_air() {
    let Some(r) = example("office-gpu-room.ron") else {
        return;
    };
    // No facility water and none allowed; 6 × HGX H20 (6.5 kW) per rack is 39 kW on air, above
    // the 25 kW guideline for new load. On cold plate a server draws 6.5 × (1 − 0.12 × 0.5) =
    // 6.11 kW, the rack 36.66 kW: 29.328 kW to liquid, 7.332 kW on air. Both racks (58.656
    // kW) fit one 70 kW unit: 1 + 1 spare.
    let gpu = r
        .racks
        .iter()
        .position(|g| g.scope.name == "Inference G01-G02")
        .expect("group");
    assert_eq!(r.plan.groups[gpu].option, Some(L2A));
    let plan = &r.plan.halls[0];
    let units = plan.cdus.iter().find(|c| c.option == L2A).expect("units");
    assert_eq!(units.design.units(), 2);
    assert_eq!(units.design.spares, 1);
    // Plan CAPEX, itemised: factory premium 12 × 20,000 = 240,000; manifolds 2 × 8,000 =
    // 16,000; units 2 × 70 kW × 2,000 = 280,000; contingency 10 % = 53,600: 589,600 CNY in
    // 2027; the H20s retire in 2032 and return liquid-ready, 240,000 × 1.1 = 264,000 CNY:
    // 853,600 CNY.
    assert!((r.plan.totals.capex.amount - 853_600.0).abs() < 1e-6);
    // the room's air plant: CPU 6 × 16 × 0.8 = 76.8 kW on air, GPU 2 × (7.332 + 29.328 ×
    // 1.025) = 74.7864 kW: 151.5864 kW of 160 kW, no addition
    assert!(plan.works.is_empty());
    assert!(plan.within_limits);
}

#[test]
fn an_air_plant_addition_takes_the_heat_liquid_to_air_returns_beyond_the_plant() {
    // The office GPU room with 120 kW of air plant: the plan's room air is 76.8 (CPU on air)
    // + 74.7864 (GPU on liquid-to-air) = 151.5864 kW, 31.5864 kW over; the GPU racks have no
    // other option, so the plan buys an air-plant addition of 31.5864 kW × 3,000 CNY/kW =
    // 94,759.2 CNY.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sites");
    let Ok(text) = std::fs::read_to_string(dir.join("office-gpu-room.ron")) else {
        return;
    };
    let mut site = coolplan::io::parse_site(&text, "office-gpu-room.ron").expect("parses");
    site.halls[0].air_cooling_capacity = kw(120.0);
    let climate = coolplan::io::climate::resolve(&site, Some(&dir)).expect("climate");
    let r = evaluate(&site, &climate);
    let plan = &r.plan.halls[0];
    let addition = plan
        .works
        .iter()
        .find(|w| w.work == EnablingWork::AirPlantAddition)
        .expect("an air-plant addition");
    assert!((addition.size.get::<kilowatt>() - 31.5864).abs() < 1e-9);
    assert!(
        (addition.capex.amount - 94_759.2).abs() < 1e-6,
        "{}",
        addition.capex.amount
    );
    // the all-liquid-to-air column (the CPU racks on it too: 6 × 16 × 0.8 × (1 − 0.08 × 0.5)
    // = 73.728 kW IT, 55.296 kW liquid, fans 1.3824 kW: 75.1104 kW on the room's air) needs
    // 75.1104 + 74.7864 − 120 = 29.8968 kW more air plant
    assert!(
        r.halls[0]
            .option(L2A)
            .warnings
            .iter()
            .any(|reason| matches!(
                reason,
                Reason::NeedsWork { work: EnablingWork::AirPlantAddition, excess, .. }
                    if (excess.get::<kilowatt>() - 29.8968).abs() < 1e-9
            ))
    );
}

#[test]
fn a_plan_on_liquid_to_air_lists_no_facility_water_extension() {
    // The office GPU room with the extension allowed: cold plate onto an extension beats
    // liquid-to-air there (NPV −0.43 M against −0.72 M CNY: the DX room's air plant is dear to
    // run), so the GPU racks are forced onto liquid-to-air; the plan then brings no water in.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sites");
    let Ok(text) = std::fs::read_to_string(dir.join("office-gpu-room.ron")) else {
        return;
    };
    let mut site = coolplan::io::parse_site(&text, "office-gpu-room.ron").expect("parses");
    site.halls[0].forbidden_works.clear();
    let climate = coolplan::io::climate::resolve(&site, Some(&dir)).expect("climate");
    let r = evaluate(&site, &climate);
    let gpu = 1;
    assert_eq!(r.plan.groups[gpu].option, Some(CoolingOption::ColdPlate));
    assert!(
        r.plan.halls[0]
            .works
            .iter()
            .any(|w| w.work == EnablingWork::FacilityWaterExtension)
    );
    site.halls[0].racks[gpu].cooling = Some(coolplan::model::CoolingRule::Force(
        coolplan::model::Cooling::ColdPlateLiquidToAir,
    ));
    let r = evaluate(&site, &climate);
    assert_eq!(r.plan.groups[gpu].option, Some(L2A));
    assert!(
        r.plan.halls[0]
            .works
            .iter()
            .all(|w| w.work != EnablingWork::FacilityWaterExtension)
    );
}

#[test]
fn hot_inlet_air_rules_liquid_to_air_out_and_two_position_units_double_the_floor() {
    // 32 °C at the rack inlets + 15 K approach = 47 °C > 45 °C: the loop is too warm for
    // cold plates, in every group
    let mut s = stock_room(500.0);
    s.assumptions.cooling.rack_inlet_temp = Some(coolplan::units::build::deg_c(32.0));
    let p = run(&s, "beijing");
    let g = &p.racks[0].scope.options[L2A.index()];
    assert!(g.infeasible_reasons.iter().any(|r| matches!(
        r,
        Reason::L2aLoopTooWarm { supply, max }
            if (supply.get::<degree_celsius>() - 47.0).abs() < 1e-9
                && (max.get::<degree_celsius>() - 45.0).abs() < 1e-9
    )));
    // cold plate onto the W32 extension (30 + 4 = 34 °C) is untouched
    assert!(p.racks[0].scope.options[CoolingOption::ColdPlate.index()].feasible);
    // units of two rack positions (CoolIT AHx240 style): the 6 units take 6 × 2 × 1.44 =
    // 17.28 m² beside the racks' 14.4 m²: 31.68 m²
    let mut s = stock_room(500.0);
    s.assumptions.cooling.l2a_unit_positions = Some(2.0);
    let p = run(&s, "beijing");
    let floor = p.halls[0].options[L2A]
        .thermal
        .floor_area
        .get::<square_meter>();
    assert!((floor - 31.68).abs() < 1e-9, "{floor}");
}

fn item(r: &Results, option: CoolingOption, item: CostItem) -> f64 {
    r.site.option(option).cost.spent_on(item).amount
}
