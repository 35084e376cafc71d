//! Hand-worked thermal cases: flows, CDUs, tanks, floor load, air limit, fan removal,
//! compatibility and facility-water rules. Arithmetic is in the comments.

use crate::support::*;
use coolplan::engine::physical::equipment::{cdu_count, flow_m3_per_s, tank_count};
use coolplan::engine::{CoolingOption, Reason};
use coolplan::model::fluids::Fluid;
use coolplan::model::{FacilityWater, Status, WaterClass};
use coolplan::units::build::{deg_c, kg_per_m2, kw};
use uom::si::areal_mass_density::kilogram_per_square_meter;
use uom::si::power::kilowatt;
use uom::si::volume::liter;
use uom::si::volume_rate::liter_per_minute;

const AIR: usize = CoolingOption::Air as usize;
const COLD: usize = CoolingOption::ColdPlate as usize;
const IMM: usize = CoolingOption::Immersion as usize;

#[test]
fn flow_of_one_h100_on_water_and_pg25_at_10_k() {
    // Water at 30 °C: ρ = 995.6 kg/m³, c_p = 4,180 J/(kg·K) (Airedale DeltaChill).
    // V̇ = 10,200 W / (995.6 × 4,180 × 10) = 10,200 / 41,616,080 = 2.45097e-4 m³/s
    //   = 2.45097e-4 × 60,000 = 14.7058 L/min.
    let water = flow_m3_per_s(10_200.0, &Fluid::Water, 10.0);
    assert!((water - 2.450_97e-4).abs() < 1e-9, "{water}");
    assert!((water * 60_000.0 - 14.7058).abs() < 1e-3);
    // PG25 at 30 °C: ρ = 1,019.2, c_p = 3,940.
    // V̇ = 10,200 / (1,019.2 × 3,940 × 10) = 10,200 / 40,156,480 = 2.54006e-4 m³/s = 15.2404 L/min.
    let pg25 = flow_m3_per_s(10_200.0, &Fluid::PG25, 10.0);
    assert!(
        (pg25 * 60_000.0 - 15.2404).abs() < 1e-3,
        "{}",
        pg25 * 60_000.0
    );
    // In GPM (US gallon 3.785411784 L): 14.7058 / 3.785411784 = 3.8849 GPM.
    assert!((water * 60_000.0 / 3.785_411_784 - 3.8849).abs() < 1e-3);
}

#[test]
fn airflow_of_a_known_rack_on_air_and_on_cold_plates() {
    // A rack of 3 × H100 (10.2 kW each) on air: Q = 30.6 kW all to air.
    // V̇ = P / (ρ·c_p·ΔT) = 30,600 / (1.2 × 1,006 × 12) = 30,600 / 14,486.4 = 2.112 33 m³/s
    //   = 7,604.4 m³/h = 2.112 33 / 0.028 316 846 6 × 60 = 4,475.8 CFM.
    // Cold plates: IT 30.6 × (1 − 0.12 × 0.5) = 28.764 kW, 20 % left on air = 5.7528 kW:
    // 5,752.8 / 14,486.4 = 0.397 117 m³/s = 1,429.6 m³/h.
    use uom::si::volume_rate::{cubic_foot_per_minute, cubic_meter_per_hour};
    let s = site(vec![hall(
        "A",
        vec![rack("r", 1, vec![servers("hgx-h100", 3, Status::Stock)])],
    )]);
    let p = run(&s, "beijing");
    let air = &p.racks[0].scope.options[AIR].thermal;
    assert!((air.heat_to_air.get::<kilowatt>() - 30.6).abs() < 1e-9);
    assert!((air.air_flow.get::<cubic_meter_per_hour>() - 7_604.4).abs() < 0.05);
    assert!((air.air_flow.get::<cubic_foot_per_minute>() - 4_475.8).abs() < 0.05);
    let cold = &p.racks[0].scope.options[COLD].thermal;
    assert!((cold.air_flow.get::<cubic_meter_per_hour>() - 1_429.6).abs() < 0.05);
    // The hall sums it and holds it against its air plant at the same rise.
    let side = &p.plant[0].air_side[AIR];
    assert_eq!(side.airflow, air.air_flow);
    assert!(!side.exceeded());
}

#[test]
fn engine_flow_is_liquid_heat_over_rho_cp_dt() {
    // One H100 on cold plates (default coolant PG25, ΔT 10 K): fan share 0.12, saving 0.5:
    // IT = 10.2 × (1 − 0.12 × 0.5) = 9.588 kW; liquid = 0.8 × 9.588 = 7.6704 kW;
    // V̇ = 7,670.4 / 40,156,480 × 60,000 = 11.4608 L/min.
    let s = site(vec![hall(
        "A",
        vec![rack("r", 1, vec![servers("hgx-h100", 1, Status::Stock)])],
    )]);
    let p = run(&s, "beijing");
    let cold = &p.racks[0].scope.options[COLD].thermal;
    assert!((cold.heat_to_liquid.get::<kilowatt>() - 7.6704).abs() < 1e-9);
    assert!((cold.coolant_flow.get::<liter_per_minute>() - 11.4608).abs() < 1e-3);
    // Loop supply = facility 30 °C + CDU approach 4 K = 34 °C.
    let supply = cold
        .loop_supply
        .unwrap()
        .get::<uom::si::thermodynamic_temperature::degree_celsius>();
    assert!((supply - 34.0).abs() < 1e-9);
}

#[test]
fn cdu_count_at_an_exact_capacity_boundary() {
    // 600 kW on 600 kW units: ceil(1.0) = 1, + 1 spare = 2; one watt more needs a second.
    assert_eq!(cdu_count(600_000.0, 600_000.0, 1), 2);
    assert_eq!(cdu_count(600_001.0, 600_000.0, 1), 3);
    assert_eq!(cdu_count(0.0, 600_000.0, 1), 0);
    // Through the engine, with a CDU sized exactly to the hall's immersion heat.
    let mut s = site(vec![hall(
        "A",
        vec![rack("r", 1, vec![servers("hgx-h100", 50, Status::Stock)])],
    )]);
    // Immersion liquid = 50 × 8.976 = 448.8 kW; make the CDU exactly 448.8 kW: 1 + 1 = 2.
    s.assumptions.cooling.cdu_size = Some(coolplan::model::assumptions::cooling::CduSize::Custom {
        capacity: kw(448.8),
    });
    let p = run(&s, "beijing");
    assert_eq!(p.halls[0].options[IMM].thermal.cdu_count, 2);
    // Cold plate liquid = 50 × 7.6704 = 383.52 kW < 448.8: 1 + 1 = 2 as well.
    assert_eq!(p.halls[0].options[COLD].thermal.cdu_count, 2);
    // Air: no liquid heat, no CDU.
    assert_eq!(p.halls[0].options[AIR].thermal.cdu_count, 0);
    // A rack group carries its part of the hall's installed capacity (2 × 448.8 = 897.6 kW),
    // the hall the count.
    assert_eq!(p.racks[0].scope.options[IMM].thermal.cdu_count, 0);
    let share_kw = p.racks[0].scope.options[IMM]
        .cdu_capacity
        .get::<uom::si::power::kilowatt>();
    assert!((share_kw - 897.6).abs() < 1e-9);
}

#[test]
fn tank_count_bound_by_slots_and_by_heat() {
    // By U: 42 U in 21 U tanks → 2; 30 kW in 50 kW tanks → 1; max = 2.
    assert_eq!(tank_count(42.0, 21.0, 30_000.0, 50_000.0), 2);
    // By heat: 8 U → 1; 120 kW / 50 kW = 2.4 → 3; max = 3.
    assert_eq!(tank_count(8.0, 21.0, 120_000.0, 50_000.0), 3);
    // Engine, U binds: 10 racks × 4 H100 = 320 U / 21 = 15.24 → 16;
    // heat 40 × 8.976 = 359.04 kW / 50 = 7.18 → 8; tanks = 16.
    let s = site(vec![hall(
        "A",
        vec![rack("r", 10, vec![servers("hgx-h100", 4, Status::Stock)])],
    )]);
    let p = run(&s, "beijing");
    let imm = &p.racks[0].scope.options[IMM].thermal;
    assert_eq!(imm.tank_count, 16);
    // Fluid: 16 × 576 L = 9,216 L; mass 9.216 m³ × 806 kg/m³ = 7,428.096 kg.
    assert!((imm.fluid_volume.get::<liter>() - 9216.0).abs() < 1e-6);
    assert!((imm.fluid_mass.get::<uom::si::mass::kilogram>() - 7428.096).abs() < 1e-6);
    // Heat binds with 10 kW tanks: 1 rack, 32 U → 2; 35.904 kW / 10 = 3.59 → 4.
    let mut s = site(vec![hall(
        "A",
        vec![rack("r", 1, vec![servers("hgx-h100", 4, Status::Stock)])],
    )]);
    s.assumptions.cooling.tank_capacity = Some(kw(10.0));
    assert_eq!(
        run(&s, "beijing").racks[0].scope.options[IMM]
            .thermal
            .tank_count,
        4
    );
}

#[test]
fn floor_load_pass_and_fail() {
    // Air rack: (150 kg cabinet + 4 × 130.45 kg) / 0.72 m² = 671.8 / 0.72 = 933.06 kg/m².
    // Cold plate adds 60 kg of manifolds: 731.8 / 0.72 = 1,016.39 kg/m².
    // Tanks (10 racks → 16 tanks): 411 + 576 L × 0.806 + 40 × 130.45 / 16
    //   = 411 + 464.256 + 326.125 = 1,201.381 kg / 1.08 m² = 1,112.39 kg/m².
    let mut s = site(vec![hall(
        "A",
        vec![rack("r", 10, vec![servers("hgx-h100", 4, Status::Stock)])],
    )]);
    let p = run(&s, "beijing");
    let load = |o: usize| {
        p.racks[0].scope.options[o]
            .thermal
            .floor_load
            .get::<kilogram_per_square_meter>()
    };
    assert!((load(AIR) - 933.0556).abs() < 1e-3);
    assert!((load(COLD) - 1016.3889).abs() < 1e-3);
    assert!((load(IMM) - 1112.3898).abs() < 1e-3);
    // On a 1,221 kg/m² floor (TIA-942 recommended) none is a floor-load problem.
    let floor_reasons = |p: &coolplan::engine::physical::Physical, o: usize| {
        p.racks[0].scope.options[o]
            .infeasible_reasons
            .iter()
            .filter(|r| matches!(r, Reason::FloorLoad { .. }))
            .count()
    };
    assert_eq!((0..3).map(|o| floor_reasons(&p, o)).sum::<usize>(), 0);
    // On a 1,000 kg/m² floor, cold plate (1,016) and immersion (1,112) fail, air (933) passes.
    s.halls[0].floor.rating = kg_per_m2(1000.0);
    let p = run(&s, "beijing");
    assert_eq!(floor_reasons(&p, AIR), 0);
    assert_eq!(floor_reasons(&p, COLD), 1);
    assert_eq!(floor_reasons(&p, IMM), 1);
    assert!(!p.racks[0].scope.options[IMM].feasible);
}

#[test]
fn air_limit_pass_and_fail() {
    // 2 × 10.2 = 20.4 kW ≤ 25 kW passes; 3 new × 10.2 = 30.6 kW > 25 kW fails (new load: an
    // installed rack of 30.6 kW would stay feasible as it runs today, tests/engine/plan.rs).
    let s = site(vec![hall(
        "A",
        vec![
            rack("two", 1, vec![servers("hgx-h100", 2, Status::Stock)]),
            rack("three", 1, vec![servers("hgx-h100", 3, Status::New(2027))]),
        ],
    )]);
    let p = run(&s, "beijing");
    assert!(p.racks[0].scope.options[AIR].feasible);
    let three = &p.racks[1].scope.options[AIR];
    assert!(!three.feasible);
    match &three.infeasible_reasons[..] {
        [Reason::AirDensity { per_rack, limit }] => {
            assert!((per_rack.get::<kilowatt>() - 30.6).abs() < 1e-9);
            assert!((limit.get::<kilowatt>() - 25.0).abs() < 1e-12);
        }
        other => panic!("{other:?}"),
    }
    // The hall carries the worst rack's figure.
    assert!(!p.halls[0].options[AIR].feasible);
    // Cold plate leaves 3 × 1.9176 = 5.75 kW on air: feasible.
    assert!(p.racks[1].scope.options[COLD].feasible);
}

#[test]
fn fan_removal_changes_it_load_but_not_compute_power() {
    // One H100, f = 0.12, cold-plate fan saving 0.5:
    // air IT 10.2; cold plate 10.2 × (1 − 0.06) = 9.588, fans removed 0.612;
    // immersion 10.2 × 0.88 = 8.976, fans removed 1.224; compute 8.976 for all three.
    let s = site(vec![hall(
        "A",
        vec![rack("r", 1, vec![servers("hgx-h100", 1, Status::Stock)])],
    )]);
    let p = run(&s, "beijing");
    let t = |o: usize| &p.racks[0].scope.options[o].thermal;
    let kw_of = |x: uom::si::f64::Power| x.get::<kilowatt>();
    assert!((kw_of(t(AIR).it_design) - 10.2).abs() < 1e-12);
    assert!((kw_of(t(COLD).it_design) - 9.588).abs() < 1e-12);
    assert!((kw_of(t(IMM).it_design) - 8.976).abs() < 1e-12);
    assert!((kw_of(t(COLD).fan_power_removed) - 0.612).abs() < 1e-12);
    assert!((kw_of(t(IMM).fan_power_removed) - 1.224).abs() < 1e-12);
    for o in [AIR, COLD, IMM] {
        assert!((kw_of(t(o).compute_design) - 8.976).abs() < 1e-12);
    }
    // Average: × utilisation 0.7: air 7.14 kW.
    assert!((kw_of(t(AIR).it_avg) - 7.14).abs() < 1e-12);
}

#[test]
fn server_compatibility_reasons() {
    let s = site(vec![hall(
        "A",
        vec![
            // Stock B200 is factory-only for cold plates; immersion with prep.
            rack("b200", 1, vec![servers("dgx-b200", 1, Status::Stock)]),
            // New B200 is bought liquid-ready: no FactoryOnly reason.
            rack(
                "b200-new",
                1,
                vec![servers("dgx-b200", 1, Status::New(2027))],
            ),
            // NVL72: rack-scale, immersion "No", 120 kW on air.
            rack(
                "nvl72",
                1,
                vec![servers("gb200-nvl72", 1, Status::New(2027))],
            ),
        ],
    )]);
    let p = run(&s, "beijing");
    let reasons = |r: usize, o: usize| &p.racks[r].scope.options[o].infeasible_reasons;
    assert_eq!(
        reasons(0, COLD),
        &vec![Reason::FactoryOnly {
            model: "dgx-b200".into()
        }]
    );
    assert!(reasons(1, COLD).is_empty());
    assert_eq!(
        p.racks[0].scope.options[IMM].warnings,
        vec![Reason::ImmersionNeedsPrep {
            model: "dgx-b200".into()
        }]
    );
    assert!(reasons(2, IMM).contains(&Reason::NotImmersionCompatible {
        model: "gb200-nvl72".into()
    }));
    assert!(
        reasons(2, AIR)
            .iter()
            .any(|r| matches!(r, Reason::AirDensity { .. }))
    );
    // NVL72 is its own cabinet: 1,360 kg / 0.72 m² = 1,888.9 kg/m² > 1,221 on air.
    let load = p.racks[2].scope.options[AIR]
        .thermal
        .floor_load
        .get::<kilogram_per_square_meter>();
    assert!((load - 1888.8889).abs() < 1e-3);
}

#[test]
fn facility_water_rules() {
    let h100 = || vec![rack("r", 1, vec![servers("hgx-h100", 1, Status::Stock)])];
    // No water: both liquid options run on a priced facility-water extension (W32 at 30 °C).
    let mut dry = hall("dry", h100());
    dry.facility_water = None;
    // W32 class supplied at 35 °C: above the class maximum of 32 °C.
    let mut over_class = hall("over", h100());
    over_class.facility_water = Some(FacilityWater {
        class: WaterClass::W32,
        supply_temp: deg_c(35.0),
        heat_rejection: None,
        capacity: None,
    });
    // W45 at 44 °C: class fine; cold-plate loop 44 + 4 = 48 °C > 45 °C; immersion 48 ≤ 50.
    let mut warm = hall("warm", h100());
    warm.facility_water = Some(FacilityWater {
        class: WaterClass::W45,
        supply_temp: deg_c(44.0),
        heat_rejection: None,
        capacity: None,
    });
    let p = run(&site(vec![dry, over_class, warm]), "beijing");
    let reasons = |h: usize, o: usize| p.halls[h].options[o].infeasible_reasons.clone();
    assert_eq!(reasons(0, COLD), vec![]);
    assert_eq!(reasons(0, IMM), vec![]);
    let extension = p.plant[0].water_extension.expect("a hall without water");
    let supply = extension
        .supply
        .get::<uom::si::thermodynamic_temperature::degree_celsius>();
    assert!((supply - 30.0).abs() < 1e-9);
    assert!(p.plant[1].water_extension.is_none());
    assert!(matches!(
        reasons(1, COLD)[..],
        [Reason::WaterTooWarm { .. }]
    ));
    let c = |t: uom::si::f64::ThermodynamicTemperature| {
        t.get::<uom::si::thermodynamic_temperature::degree_celsius>()
    };
    match &reasons(2, COLD)[..] {
        [Reason::WaterTooWarm { supply, max }] => {
            assert!((c(*supply) - 48.0).abs() < 1e-9);
            assert!((c(*max) - 45.0).abs() < 1e-9);
        }
        other => panic!("{other:?}"),
    }
    assert!(reasons(2, IMM).is_empty());
    assert!(p.halls[2].options[AIR].feasible);
}

#[test]
fn hall_air_capacity_and_floor_space() {
    let support_hall = hall;
    // 100 racks × 20 new cpu-1u = 100 × 10 kW = 1,000 kW on air; capacity 800 kW →
    // AirCapacity. Cold plate leaves 100 × 20 × 0.5 × (1 − 0.04) × 0.25 = 240 kW on air → fits.
    let mut h = hall(
        "A",
        vec![rack(
            "cpu",
            100,
            vec![servers("cpu-1u", 20, Status::New(2027))],
        )],
    );
    h.air_cooling_capacity = kw(800.0);
    // no room for more air plant: the limit stays a limit (with an addition allowed the
    // all-air column would pay for one instead, `enabling::a_hall_100_kw_over_…`)
    h.forbidden_works = vec![coolplan::model::EnablingWork::AirPlantAddition];
    // Tanks: 2,000 U / 21 → 96 tanks × (1.08 + 1.08) m² = 207.36 m² > 150 m² → FloorSpace.
    h.area = coolplan::units::build::m2(150.0);
    let p = run(&site(vec![h]), "beijing");
    let hall = &p.halls[0];
    assert!(
        hall.options[AIR]
            .infeasible_reasons
            .iter()
            .any(|r| matches!(r, Reason::AirCapacity { .. }))
    );
    assert!(
        hall.options[COLD].feasible,
        "{:?}",
        hall.options[COLD].infeasible_reasons
    );
    assert_eq!(hall.options[IMM].thermal.tank_count, 96);
    assert!(
        hall.options[IMM]
            .infeasible_reasons
            .iter()
            .any(|r| matches!(r, Reason::FloorSpace { .. }))
    );
    // New servers come liquid-ready: no retrofit kits.
    assert_eq!(hall.options[COLD].thermal.cold_plate_kits, 0);
    // The same servers installed today: 1,000 kW on air runs today, above the 800 kW written
    // → air stays feasible with a warning, and the limit is today's 1,000 kW.
    let mut today = support_hall(
        "A",
        vec![rack("cpu", 100, vec![servers("cpu-1u", 20, Status::Stock)])],
    );
    today.air_cooling_capacity = kw(800.0);
    today.area = coolplan::units::build::m2(150.0);
    let p = run(&site(vec![today]), "beijing");
    let air = &p.halls[0].options[AIR];
    assert!(air.feasible, "{:?}", air.infeasible_reasons);
    assert!(
        air.warnings
            .iter()
            .any(|r| matches!(r, Reason::OverLimitToday { .. }))
    );
    // Cold-plate kits: every stock 1U server: 100 × 20 = 2,000.
    assert_eq!(p.halls[0].options[COLD].thermal.cold_plate_kits, 2000);
}

#[test]
fn measured_power_replaces_nameplate() {
    // 4 H100 nameplate 40.8 kW; metered peak 32 kW, average 20 kW.
    let mut r = rack("r", 2, vec![servers("hgx-h100", 4, Status::Stock)]);
    r.measured = Some(coolplan::model::MeasuredPower {
        average: kw(20.0),
        peak: kw(32.0),
        source: "PDU".into(),
    });
    let p = run(&site(vec![hall("A", vec![r])]), "beijing");
    assert_eq!(
        p.racks[0].power_provenance,
        coolplan::model::assumptions::Provenance::Measured
    );
    let t = &p.racks[0].scope.options[AIR].thermal;
    // × 2 racks: design 64 kW, average 40 kW.
    assert!((t.it_design.get::<kilowatt>() - 64.0).abs() < 1e-9);
    assert!((t.it_avg.get::<kilowatt>() - 40.0).abs() < 1e-9);
    // Immersion keeps the model's fan share: 64 × 0.88 = 56.32 kW.
    let imm = &p.racks[0].scope.options[IMM].thermal;
    assert!((imm.it_design.get::<kilowatt>() - 56.32).abs() < 1e-9);
}
