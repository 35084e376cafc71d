//! Rear doors through the whole engine (`docs/method.md` §2.2): a passive door at its rating
//! on a 51 kW rack, the hybrid's residual on its door, the door's mass on the floor, warm
//! chilled water that rules a door out and a DX room's door loop with its own trim chiller,
//! and the prices of a door retrofit worked by hand in both cost modes.

use crate::support::{climate, hall, rack, run, servers, site};
use coolplan::engine::{CoolingOption, CostItem, Reason, evaluate};
use coolplan::model::{AirPlant, CostMode, MeasuredPower, Site, Status};
use coolplan::units::build::{deg_c, kg_per_m2, kw as kw_q};
use uom::si::f64::ThermodynamicTemperature;
use uom::si::power::kilowatt;
use uom::si::thermodynamic_temperature::degree_celsius;

/// One hall (chilled-water tower plant, W32 facility water at 30 °C, 1,221 kg/m²) with 4
/// racks of 5 stock HGX H100 (10.2 kW, 130.45 kg): 51 kW a rack on air.
fn door_site() -> Site {
    site(vec![hall(
        "H",
        vec![rack("GPU", 4, vec![servers("hgx-h100", 5, Status::Stock)])],
    )])
}

fn kw(p: uom::si::f64::Power) -> f64 {
    p.get::<kilowatt>()
}

#[test]
fn a_passive_door_at_its_rating_leaves_the_rest_on_air_and_an_active_door_takes_it_all() {
    let p = run(&door_site(), "beijing");
    let scope = &p.racks[0].scope;
    // Per rack on air: 5 × 10.2 = 51 kW at a 12 K rise, C_air = 51,000 / 12 = 4,250 W/K.
    // Passive door back-pressure: 0.007 × 4,250 × 12 = 357 W more server fan power, so IT
    // and the heat on air are 51.357 kW; the exhaust rises 51,357 / 4,250 = 12.084 K to
    // 36.084 °C and the coil could take 0.6 × 4,250 × (36.084 − 18) = 46,114 W: the door
    // takes its 35 kW rating and 16.357 kW stays on air. Four racks: 205.428 kW of IT,
    // 140 kW to the doors, 65.428 kW on air.
    let passive = &scope.options[CoolingOption::RearDoorPassive].thermal;
    assert!((kw(passive.it_design) - 205.428).abs() < 1e-9);
    assert!((kw(passive.heat_to_door) - 140.0).abs() < 1e-9);
    assert!((kw(passive.heat_to_air) - 65.428).abs() < 1e-9);
    assert_eq!(kw(passive.heat_to_liquid), 0.0);
    assert_eq!(passive.door_count, 4);
    // 16.357 kW left on air per rack is within the 25 kW guideline: feasible.
    assert!(scope.options[CoolingOption::RearDoorPassive].feasible);
    // Active door (ε 0.75, 75 kW, no back-pressure): 0.75 × 4,250 × 18 = 57,375 W > 51 kW
    // on air, so it takes the rack's whole 51 kW and leaves none on air.
    let active = &scope.options[CoolingOption::RearDoorActive].thermal;
    assert!((kw(active.it_design) - 204.0).abs() < 1e-9);
    assert!((kw(active.heat_to_door) - 204.0).abs() < 1e-9);
    assert!(kw(active.heat_to_air).abs() < 1e-9);
    // The hall's air side counts only what the doors leave on air.
    let side = &p.plant[0].air_side[CoolingOption::RearDoorPassive.index()];
    assert!((kw(side.heat_to_air) - 65.428).abs() < 1e-9);
    // The active doors' fans are facility load, 1.5 % of their heat: on average 204 kW × 0.7
    // utilisation = 142.8 kW to the doors, × 0.015 = 2.142 kW, × 8,760 h = 18,763.92 kWh a
    // year. The hall's CRAH fans run at their floor speed in both states (204 kW in a 2 MW
    // hall), so the fans' energy differs by the door fans alone.
    let fans = |o: CoolingOption| {
        p.plant[0].energy[o.index()]
            .fans
            .get::<uom::si::energy::kilowatt_hour>()
    };
    let door_fans = fans(CoolingOption::RearDoorActive) - fans(CoolingOption::Air);
    assert!((door_fans - 18_763.92).abs() < 1e-6, "{door_fans}");
}

#[test]
fn a_door_adds_its_mass_to_the_floor_load() {
    let mut s = door_site();
    // Rack: 150 kg cabinet + 5 × 130.45 kg = 802.25 kg on 0.72 m² = 1,114.2 kg/m² on air;
    // with the 60 kg passive door 862.25 / 0.72 = 1,197.6 kg/m²; with the 150 kg active door
    // 952.25 / 0.72 = 1,322.6 kg/m². A floor of 1,150 kg/m² takes the rack, not the doors.
    s.halls[0].floor.rating = kg_per_m2(1150.0);
    let p = run(&s, "beijing");
    let scope = &p.racks[0].scope;
    let load = |o: CoolingOption| {
        scope.options[o]
            .thermal
            .floor_load
            .get::<uom::si::areal_mass_density::kilogram_per_square_meter>()
    };
    assert!((load(CoolingOption::Air) - 802.25 / 0.72).abs() < 1e-9);
    assert!((load(CoolingOption::RearDoorPassive) - 862.25 / 0.72).abs() < 1e-9);
    assert!((load(CoolingOption::RearDoorActive) - 952.25 / 0.72).abs() < 1e-9);
    for door in [
        CoolingOption::RearDoorPassive,
        CoolingOption::RearDoorActive,
    ] {
        assert!(
            scope.options[door]
                .infeasible_reasons
                .iter()
                .any(|r| matches!(r, Reason::FloorLoad { .. })),
            "{door:?}"
        );
    }
}

#[test]
fn warm_chilled_water_rules_a_door_out_and_a_dx_room_buys_its_door_loop_a_trim_chiller() {
    let mut s = door_site();
    // A high-temperature chilled-water plant at 22 °C gives the door CDU 22 + 4 = 26 °C,
    // warmer than the 24 °C rack inlet: the doors are ruled out (the hybrid too); cold plate
    // runs on the facility water and is not.
    s.assumptions.plant.chilled_water_supply = Some(deg_c(22.0));
    let p = run(&s, "beijing");
    let celsius = ThermodynamicTemperature::new::<degree_celsius>;
    let too_warm = Reason::DoorWaterTooWarm {
        supply: celsius(26.0),
        max: celsius(24.0),
    };
    for door in [
        CoolingOption::RearDoorPassive,
        CoolingOption::RearDoorActive,
        CoolingOption::ColdPlateRearDoor,
    ] {
        let o = &p.halls[0].options[door];
        assert!(!o.feasible, "{door:?}");
        assert!(o.infeasible_reasons.contains(&too_warm), "{door:?}");
    }
    assert!(p.halls[0].options[CoolingOption::ColdPlate].feasible);
    // and the warm door would take little: per rack 0.6 × 4,250 × (36.084 − 26) = 25,714 W
    let passive = &p.racks[0].scope.options[CoolingOption::RearDoorPassive].thermal;
    assert!((kw(passive.heat_to_door) - 4.0 * 25.7142).abs() < 1e-3);

    // A DX room on the same W32 water at 30 °C (34 °C after the CDU): the door loop gets a
    // trim chiller of its own and runs at 18 °C. Passive doors, 140 kW of door heat: the trim
    // chiller 140 kW × 1,200 = 168,000 CNY on top of the doors' 337,000 (per-kW mode).
    let mut dx = door_site();
    dx.halls[0].plant = Some(AirPlant::DxCrac {
        economiser: false,
        adiabatic: false,
    });
    let r = evaluate(&dx, &climate("beijing"));
    let passive = r.site.option(CoolingOption::RearDoorPassive);
    assert!(passive.feasible, "{:?}", passive.infeasible_reasons);
    assert!((kw(passive.thermal.heat_to_door) - 140.0).abs() < 1e-9);
    let item = |wanted: CostItem| passive.cost.spent_on(wanted).amount;
    assert!((item(CostItem::TrimChiller) - 168_000.0).abs() < 1e-6);
    assert!((passive.cost.capex.amount - 505_000.0).abs() < 1e-6);
    // Without facility water the door loop also pays its part of the extension: 140 kW ×
    // 2,500 = 350,000 CNY.
    dx.halls[0].facility_water = None;
    let r = evaluate(&dx, &climate("beijing"));
    let passive = r.site.option(CoolingOption::RearDoorPassive);
    let extension = (passive.cost)
        .spent_on(CostItem::FacilityWaterExtension)
        .amount;
    assert!((extension - 350_000.0).abs() < 1e-6, "{extension}");
}

#[test]
fn door_retrofit_prices_worked_by_hand_in_both_cost_modes() {
    let item = |s: &Site, option: CoolingOption, wanted: CostItem| {
        let r = evaluate(s, &climate("beijing"));
        r.site.option(option).cost.spent_on(wanted).amount
    };
    let capex = |s: &Site, option: CoolingOption| {
        evaluate(s, &climate("beijing"))
            .site
            .option(option)
            .cost
            .capex
            .amount
    };
    // Passive doors on the 4 racks (140 kW of door heat at design), CNY:
    // doors 4 × 25,000 = 100,000; installation 4 × 5,000 = 20,000; door CDU 140 kW × 750 =
    // 105,000; door-loop piping 140 kW × 800 = 112,000; no labour on the servers, no downtime,
    // no extension (the hall has facility water), no trim chiller. Sum 337,000 CNY.
    let mut s = door_site();
    let passive = CoolingOption::RearDoorPassive;
    assert!((item(&s, passive, CostItem::RearDoors) - 100_000.0).abs() < 1e-6);
    assert!((item(&s, passive, CostItem::RearDoorInstall) - 20_000.0).abs() < 1e-6);
    assert!((item(&s, passive, CostItem::Cdus) - 105_000.0).abs() < 1e-6);
    assert!((item(&s, passive, CostItem::Piping) - 112_000.0).abs() < 1e-6);
    assert_eq!(item(&s, passive, CostItem::Downtime), 0.0);
    assert_eq!(item(&s, passive, CostItem::Labour), 0.0);
    // Per-kW mode (the support site's): the doors are priced per door all the same, no
    // contingency: 337,000 CNY.
    assert_eq!(s.cost_mode, CostMode::PerKw);
    assert!((capex(&s, passive) - 337_000.0).abs() < 1e-6);
    // Itemised: + 10 % contingency = 370,700 CNY.
    s.cost_mode = CostMode::Itemised;
    assert!((capex(&s, passive) - 370_700.0).abs() < 1e-6);
    // Active doors (204 kW): 4 × 60,000 + 4 × 5,000 + 204 × (750 + 800) = 240,000 + 20,000
    // + 316,200 = 576,200; + 10 % = 633,820 CNY.
    assert!((capex(&s, CoolingOption::RearDoorActive) - 633_820.0).abs() < 1e-6);
}

#[test]
fn a_hybrid_racks_residual_air_is_fully_taken_by_its_door() {
    let s = site(vec![hall(
        "H",
        vec![rack(
            "NVL72",
            1,
            vec![servers("gb200-nvl72", 1, Status::New(2027))],
        )],
    )]);
    let p = run(&s, "beijing");
    let hybrid = &p.racks[0].scope.options[CoolingOption::ColdPlateRearDoor].thermal;
    // GB200 NVL72: P 120 kW, fan share 0.04, capture 0.87; plates slow the fans by s = 0.5:
    // IT 120 × (1 − 0.04 × 0.5) = 117.6 kW, liquid 0.87 × 117.6 = 102.312 kW, residual
    // 15.288 kW. The fans move (1 − 0.5)^⅓ = 0.793 700 5 of full airflow: C_air = 120,000 / 12
    // × 0.793 700 5 = 7,937.005 W/K; the door's back-pressure adds 0.007 × 7,937.005 × 12
    // = 666.708 W, so 15,954.708 W reach the door at 15,954.708 / 7,937.005 = 2.010 K over
    // the inlet; its coil could take 0.6 × 7,937.005 × (26.010 − 18) = 38,146 W, so it takes
    // all of it and leaves nothing on air.
    assert!((kw(hybrid.it_design) - 118.266_708).abs() < 1e-6);
    assert!((kw(hybrid.heat_to_liquid) - 102.312).abs() < 1e-9);
    assert!((kw(hybrid.heat_to_door) - 15.954_708).abs() < 1e-6);
    assert!(kw(hybrid.heat_to_air).abs() < 1e-9);
    // cold plate alone leaves the 15.288 kW on air
    let cold = &p.racks[0].scope.options[CoolingOption::ColdPlate].thermal;
    assert!((kw(cold.heat_to_air) - 15.288).abs() < 1e-9);
}

#[test]
fn a_hybrid_residual_above_the_passive_rating_gets_an_active_door() {
    // One NVL72 rack metered at a 360 kW peak (3 × its 120 kW nameplate, every figure × 3):
    // cold plate IT 352.8 kW, liquid 0.87 × 352.8 = 306.936 kW, residual 45.864 kW per rack,
    // over a passive door's 35 kW rating: the hybrid hangs an active door (ε 0.75, 75 kW, no
    // back-pressure on the servers). C_air = 360,000 / 12 × 0.793 700 5 = 23,811.0 W/K, the
    // residual leaves 45,864 / 23,811.0 = 1.926 K over the inlet, the coil could take
    // 0.75 × 23,811.0 × (25.926 − 18) = 141,547 W: the door takes all 45.864 kW.
    let mut r = rack(
        "NVL72",
        1,
        vec![servers("gb200-nvl72", 1, Status::New(2027))],
    );
    r.measured = Some(MeasuredPower {
        average: kw_q(270.0),
        peak: kw_q(360.0),
        source: String::new(),
    });
    let mut s = site(vec![hall("H", vec![r])]);
    s.halls[0].floor.rating = kg_per_m2(2500.0);
    let p = run(&s, "beijing");
    let hybrid = &p.racks[0].scope.options[CoolingOption::ColdPlateRearDoor];
    let t = &hybrid.thermal;
    assert!((kw(t.it_design) - 352.8).abs() < 1e-9);
    assert!((kw(t.heat_to_liquid) - 306.936).abs() < 1e-9);
    assert!((kw(t.heat_to_door) - 45.864).abs() < 1e-9);
    assert!(kw(t.heat_to_air).abs() < 1e-9);
    assert_eq!((t.door_count, t.active_door_count), (1, 1));
    // the rack carries the 150 kg active door: (1,360 + 150) / 0.72 = 2,097.2 kg/m²
    let load = t
        .floor_load
        .get::<uom::si::areal_mass_density::kilogram_per_square_meter>();
    assert!((load - 1510.0 / 0.72).abs() < 1e-9);
    // and is priced as one: 60,000 CNY
    let results = evaluate(&s, &climate("beijing"));
    let doors = (results.site.option(CoolingOption::ColdPlateRearDoor).cost)
        .spent_on(CostItem::RearDoors)
        .amount;
    assert!((doors - 60_000.0).abs() < 1e-6, "{doors}");
    // a 120 kW NVL72's 15.3 kW residual keeps the passive door (a_hybrid_racks_residual…)
}
