//! Properties of the physical engine over random sites: energy balance, finite non-negative
//! outputs, extensive outputs scale with rack counts, warmer facility water never costs
//! liquid-path energy, and calibration reproduces a measured PUE.

use crate::support::*;
use coolplan::engine::CoolingOption;
use coolplan::engine::physical::{Physical, PhysicalOption};
use coolplan::model::{AirPlant, FacilityWater, MeasuredPower, Site, Status, WaterClass};
use coolplan::units::Qty;
use coolplan::units::build::{deg_c, kg_per_m2, kw};
use proptest::prelude::*;
use uom::si::energy::kilowatt_hour;
use uom::si::power::watt;

const MODELS: &[&str] = &[
    "cpu-1u",
    "cpu-2u",
    "storage-2u",
    "dgx-a100",
    "hgx-h100",
    "hgx-h20",
    "dgx-b200",
    "gb200-nvl72",
    "atlas-800t-a2",
    "mlu370-x8",
    "hygon-dcu",
];
const CLASSES: [WaterClass; 6] = [
    WaterClass::W17,
    WaterClass::W27,
    WaterClass::W32,
    WaterClass::W40,
    WaterClass::W45,
    WaterClass::Wplus,
];

fn arb_rack() -> impl Strategy<Value = coolplan::model::Rack> {
    let group = (
        0..MODELS.len(),
        1u32..8,
        proptest::option::of(2020u16..2030),
    );
    (
        1u64..2000,
        proptest::collection::vec(group, 0..4),
        proptest::option::of((1.0f64..40.0, 0.2f64..1.0)),
    )
        .prop_map(|(count, groups, measured)| {
            let mut r = rack(
                "r",
                count,
                groups
                    .into_iter()
                    .map(|(m, n, year)| {
                        servers(MODELS[m], n, year.map_or(Status::Stock, Status::New))
                    })
                    .collect(),
            );
            r.measured = measured.map(|(peak, share)| MeasuredPower {
                average: kw(peak * share),
                peak: kw(peak),
                source: String::new(),
            });
            r
        })
}

fn arb_site() -> impl Strategy<Value = (Site, usize)> {
    let hall_parts = (
        proptest::collection::vec(arb_rack(), 1..5),
        proptest::option::of((0..CLASSES.len(), 5.0f64..50.0)),
        500.0f64..3000.0,
        proptest::option::of(1.1f64..2.0),
    );
    (proptest::collection::vec(hall_parts, 1..4), 0usize..5).prop_map(|(halls, climate)| {
        let halls = halls
            .into_iter()
            .map(|(racks, water, rating, pue)| {
                let mut h = hall("h", racks);
                h.facility_water = water.map(|(c, t)| FacilityWater {
                    class: CLASSES[c],
                    supply_temp: deg_c(t),
                    heat_rejection: None,
                    capacity: None,
                });
                h.floor.rating = kg_per_m2(rating);
                h.measured_pue = pue;
                h
            })
            .collect();
        (site(halls), climate)
    })
}

const KEYS: [&str; 5] = [
    "beijing",
    "shanghai",
    "hong-kong",
    "zhangjiakou",
    "singapore",
];

fn all_options(p: &Physical) -> impl Iterator<Item = &PhysicalOption> {
    p.racks
        .iter()
        .map(|r| &r.scope)
        .chain(p.halls.iter())
        .chain(std::iter::once(&p.site))
        .flat_map(|s| s.options.iter())
}

/// Continuous extensive figures of an option, in SI numbers.
fn extensive(o: &PhysicalOption) -> Vec<f64> {
    let t = &o.thermal;
    let e = &o.energy;
    let mut v = vec![
        t.it_design.get::<watt>(),
        t.it_avg.get::<watt>(),
        t.fan_power_removed.get::<watt>(),
        t.compute_design.get::<watt>(),
        t.heat_to_liquid.get::<watt>(),
        t.heat_to_air.get::<watt>(),
        t.heat_to_door.get::<watt>(),
        t.door_count as f64,
        t.coolant_flow.value,
        t.air_flow.value,
        t.cold_plate_kits as f64,
        e.it_energy.value,
        e.facility_energy.value,
        e.water.value,
        e.co2.value,
    ];
    v.extend(e.monthly_facility_energy.iter().map(|m| m.value));
    // whole tanks, and whole liquid-to-air units with their spare per hall, are not shares
    if o.option != coolplan::engine::CoolingOption::Immersion && !o.option.liquid_to_room() {
        v.push(t.floor_area.value);
    }
    v
}

proptest! {
    #![proptest_config(crate::regressions::config(64))]

    #[test]
    fn energy_balance_closes_everywhere((s, c) in arb_site()) {
        let p = run(&s, KEYS[c]);
        for o in all_options(&p) {
            let t = &o.thermal;
            let it = t.it_design.get::<watt>();
            let split = t.heat_to_liquid.get::<watt>()
                + t.heat_to_air.get::<watt>()
                + t.heat_to_door.get::<watt>();
            prop_assert!(rel(it, split) <= 1e-9, "{:?}: {it} vs {split}", o.option);
            // the air side closes too: the airflow carries exactly the heat on the room air
            // (the servers' air and what liquid-to-air units return) at the default 12 K
            // rise, V̇ = Q / (1.2 × 1,006 × 12)
            let air_w = (t.heat_to_air + t.heat_returned_to_air).get::<watt>();
            if o.option.liquid_to_room() {
                // the room takes IT plus the units' fans: Q_air + Q_liq·(1 + f) = IT + fans
                let fans_w = t.l2a_fan_power.get::<watt>();
                prop_assert!(rel(air_w, it + fans_w) <= 1e-9, "{air_w} vs {it} + {fans_w}");
            } else {
                prop_assert!(t.heat_returned_to_air.value == 0.0);
            }
            let flow_w = t.air_flow.value * 1.2 * 1006.0 * 12.0;
            prop_assert!(rel(air_w, flow_w) <= 1e-9, "{:?}: {air_w} vs {flow_w}", o.option);
        }
        // each hall's headroom: IT_max = feed / PUE, headroom = IT_max − IT at max draw
        for (plant, hall) in p.plant.iter().zip(&p.halls) {
            for (h, o) in plant.electrical.iter().zip(hall.options.iter()) {
                let it_max = h.it_max.get::<watt>();
                let expected = h.feed.get::<watt>() / h.pue;
                if h.pue > 0.0 && plant.electrical[0].pue > 0.0 {
                    prop_assert!(rel(it_max, expected) <= 1e-9, "{it_max} vs {expected}");
                }
                let it = o.thermal.it_design.get::<watt>();
                let headroom = h.headroom.get::<watt>();
                prop_assert!((headroom - (it_max - it)).abs() <= 1e-6 * it_max.max(1.0));
                prop_assert!(h.fan_power_removed == o.thermal.fan_power_removed);
            }
        }
    }

    /// Liquid + air + door = IT for every option of every rack group, hall and the site, with
    /// doors on any water (cold to too warm), any effectiveness and rating, in chilled-water
    /// and DX halls; no part negative, a door never above its rating per rack.
    #[test]
    fn heat_balance_closes_for_every_option_with_doors_on_any_water(
        (mut s, c) in arb_site(),
        water_c in 12.0f64..40.0,
        effectiveness in 0.3f64..1.0,
        rating_kw in 5.0f64..80.0,
        dx in any::<bool>(),
    ) {
        let cooling = &mut s.assumptions.cooling;
        cooling.rdhx_water_supply = Some(deg_c(water_c));
        cooling.rdhx_passive_effectiveness = Some(effectiveness);
        cooling.rdhx_active_effectiveness = Some(effectiveness);
        cooling.rdhx_passive_capacity = Some(kw(rating_kw));
        if dx {
            for h in &mut s.halls {
                h.plant = Some(AirPlant::DxCrac { economiser: false, adiabatic: false });
            }
        }
        let p = run(&s, KEYS[c]);
        for o in all_options(&p) {
            let t = &o.thermal;
            let w = |x: uom::si::f64::Power| x.get::<watt>();
            let (it, liquid, air, door) =
                (w(t.it_design), w(t.heat_to_liquid), w(t.heat_to_air), w(t.heat_to_door));
            prop_assert!(rel(it, liquid + air + door) <= 1e-9, "{:?}: {it} vs {liquid} + {air} + {door}", o.option);
            prop_assert!(liquid >= 0.0 && door >= 0.0 && air >= -1e-9 * it.max(1.0), "{:?}: {liquid} {air} {door}", o.option);
            if o.option.door().is_none() {
                prop_assert_eq!(door, 0.0);
            }
        }
        // per rack, a passive door takes no more than its rating
        for r in &p.racks {
            let o = &r.scope.options[CoolingOption::RearDoorPassive];
            let racks = o.thermal.door_count as f64;
            if racks > 0.0 {
                let per_rack_kw = o.thermal.heat_to_door.get::<uom::si::power::kilowatt>() / racks;
                prop_assert!(per_rack_kw <= rating_kw * (1.0 + 1e-9), "{per_rack_kw} > {rating_kw}");
            }
        }
    }

    #[test]
    fn site_is_the_sum_of_halls_and_halls_of_racks((s, c) in arb_site()) {
        let p = run(&s, KEYS[c]);
        for o in 0..coolplan::engine::per_option::OPTION_COUNT {
            let site = extensive(&p.site.options[o]);
            let mut halls = vec![0.0; site.len()];
            let mut racks = vec![0.0; site.len()];
            for h in &p.halls {
                halls.iter_mut().zip(extensive(&h.options[o])).for_each(|(a, b)| *a += b);
            }
            for r in &p.racks {
                racks.iter_mut().zip(extensive(&r.scope.options[o])).for_each(|(a, b)| *a += b);
            }
            for ((x, y), z) in site.iter().zip(&halls).zip(&racks) {
                prop_assert!(rel(*x, *y) <= 1e-9 && rel(*y, *z) <= 1e-9, "{o}: {x} {y} {z}");
            }
            // CDUs: the site count is the sum of hall counts; rack shares of the installed
            // capacity sum to the halls'.
            let hall_cdus: u64 = p.halls.iter().map(|h| h.options[o].thermal.cdu_count).sum();
            let w = |x: uom::si::f64::Power| x.get::<uom::si::power::watt>();
            let installed: f64 = p.halls.iter().map(|h| w(h.options[o].cdu_capacity)).sum();
            let shares: f64 = p.racks.iter().map(|r| w(r.scope.options[o].cdu_capacity)).sum();
            prop_assert_eq!(p.site.options[o].thermal.cdu_count, hall_cdus);
            prop_assert!((shares - installed).abs() <= 1e-9 * installed.max(1.0));
        }
    }

    #[test]
    fn outputs_are_finite_and_non_negative((s, c) in arb_site()) {
        let p = run(&s, KEYS[c]);
        for o in all_options(&p) {
            let t = &o.thermal;
            let mut values = extensive(o);
            // a passive door's back-pressure adds server fan power (negative "removed"), never
            // more than 0.7 % of the heat its airflow carries
            if o.option.door().is_some() {
                let removed = values.remove(2);
                let bound = 0.01 * t.it_design.get::<watt>().max(1.0);
                prop_assert!(removed.is_finite() && removed >= -bound, "{removed}");
            }
            values.extend([
                t.fluid_volume.value,
                t.fluid_mass.value,
                t.floor_load.value,
                t.floor_area.value,
                o.energy.pue,
                o.energy.tue,
                o.energy.free_cooling_hours.value,
                o.cdu_capacity.value,
            ]);
            for v in values {
                prop_assert!(v.is_finite() && v >= 0.0, "{:?}: {v}", o.option);
            }
        }
        for plant in &p.plant {
            for e in &plant.energy {
                prop_assert!(e.fixed.value.is_finite() && e.fixed.value >= 0.0);
            }
        }
    }

    #[test]
    fn doubling_counts_doubles_extensive_outputs((s, c) in arb_site()) {
        // The plant's fixed parts (no-load losses, lighting, fan and pump floors) scale with
        // the hall, not its racks (method.md §7): doubling the racks and the hall (area, air
        // and IT capacity) doubles every extensive figure, energy included.
        // one CDU size for both (chosen per hall, a larger load may take a larger size)
        let mut s = s;
        s.assumptions.cooling.cdu_size = Some(coolplan::model::assumptions::cooling::CduSize::InRow);
        let mut doubled = s.clone();
        doubled.halls.iter_mut().flat_map(|h| h.racks.iter_mut()).for_each(|r| r.count *= 2);
        for h in &mut doubled.halls {
            h.area = Qty::new(2.0 * h.area.number(), h.area.unit());
            h.air_cooling_capacity =
                Qty::new(2.0 * h.air_cooling_capacity.number(), h.air_cooling_capacity.unit());
            h.it_capacity = h.it_capacity.map(|q| Qty::new(2.0 * q.number(), q.unit()));
        }
        let (p, q) = (run(&s, KEYS[c]), run(&doubled, KEYS[c]));
        for (a, b) in all_options(&p).zip(all_options(&q)) {
            for (x, y) in extensive(a).into_iter().zip(extensive(b)) {
                prop_assert!(rel(2.0 * x, y) <= 1e-9, "{:?}: 2 × {x} vs {y}", a.option);
            }
            prop_assert!((a.energy.pue - b.energy.pue).abs() <= 1e-9 * a.energy.pue.max(1.0));
            prop_assert!((a.energy.tue - b.energy.tue).abs() <= 1e-9 * a.energy.tue.max(1.0));
        }
        // Rounded counts: tanks per rack group within [2n − 1, 2n].
        for (a, b) in p.racks.iter().zip(&q.racks) {
            let (n, m) = (a.scope.options[CoolingOption::Immersion.index()].thermal.tank_count, b.scope.options[CoolingOption::Immersion.index()].thermal.tank_count);
            prop_assert!(m <= 2 * n && m + 1 >= 2 * n, "tanks {n} → {m}");
        }
        // CDUs per hall, whole racks filled in group order: each group tops up the unit the
        // group before left open, so with twice the racks each group fills twice its units
        // give or take one; the loaded part stays within 2N ± (groups), the spare stays 1.
        for ((a, b), hall) in p.halls.iter().zip(&q.halls).zip(&s.halls) {
            let groups = hall.racks.len() as u64;
            for o in 1..coolplan::engine::per_option::OPTION_COUNT {
                let (n, m) = (a.options[o].thermal.cdu_count, b.options[o].thermal.cdu_count);
                if n > 0 {
                    let (n, m) = (n - 1, m - 1);
                    prop_assert!(m <= 2 * n + groups && m + groups >= 2 * n, "cdus {n} → {m}");
                }
            }
        }
    }

    #[test]
    fn warmer_facility_water_never_raises_liquid_path_energy(
        (s, c) in arb_site(), low in 5.0f64..45.0, rise in 0.0f64..15.0
    ) {
        let with_supply = |t: f64| {
            let mut x = s.clone();
            for h in &mut x.halls {
                h.facility_water = Some(FacilityWater { class: WaterClass::Wplus, supply_temp: deg_c(t), heat_rejection: None, capacity: None });
            }
            run(&x, KEYS[c])
        };
        let (cool, warm) = (with_supply(low), with_supply(low + rise));
        for (a, b) in all_options(&cool).zip(all_options(&warm)) {
            let (ea, eb) = (a.energy.facility_energy.get::<kilowatt_hour>(), b.energy.facility_energy.get::<kilowatt_hour>());
            prop_assert!(eb <= ea * (1.0 + 1e-12) + 1e-9, "{:?}: {ea} → {eb}", a.option);
        }
    }

    #[test]
    fn calibration_reproduces_the_measured_pue((s, c) in arb_site(), measured in 1.2f64..2.0) {
        let mut x = s.clone();
        for h in &mut x.halls {
            h.measured_pue = Some(measured);
        }
        let p = run(&x, KEYS[c]);
        for (hall, plant) in p.halls.iter().zip(&p.plant) {
            let air = &hall.options[0].energy;
            if air.it_energy.value > 0.0 {
                // The uniform split reproduces every measured PUE ≥ 1 exactly.
                prop_assert!((air.pue - measured).abs() < 1e-9, "{} vs {measured}", air.pue);
                let c = plant.calibration.expect("measured PUE given");
                prop_assert!(c.reproduced && c.factor_fixed >= 0.0);
            }
        }
    }
}
