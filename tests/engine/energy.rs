//! Facility energy: hand-worked bins, calibration, water, CO₂, free cooling, and published
//! PUE ranges (shared/reference/engineering.md §3).

use crate::support::*;
use coolplan::engine::climate::{ClimateBin, ClimateData};
use coolplan::engine::physical::evaluate;
use coolplan::model::catalog::{ImmersionCompat, KitAvailability, ServerKind};
use coolplan::model::{ServerModel, Site, Status};
use coolplan::units::build::{kg, kw, rack_units};
use uom::si::energy::kilowatt_hour;
use uom::si::f64::{ThermodynamicTemperature, Time};
use uom::si::thermodynamic_temperature::degree_celsius;
use uom::si::time::hour;

/// A year at one constant dry bulb.
fn constant_year(t_c: f64) -> ClimateData {
    ClimateData {
        name: format!("constant {t_c} °C"),
        bins: (0..12)
            .map(|m| ClimateBin {
                month: m,
                hours: Time::new::<hour>(730.0),
                dry_bulb: ThermodynamicTemperature::new::<degree_celsius>(t_c),
                relative_humidity: 50.0,
            })
            .collect(),
    }
}

/// A 1 kW block: always at full power, no fans, all heat to cold plates.
fn block_site() -> Site {
    let mut s = site(vec![hall(
        "A",
        vec![rack("r", 1, vec![servers("block", 1, Status::Stock)])],
    )]);
    s.catalog.push(ServerModel {
        id: "block".into(),
        name: "1 kW test block".into(),
        vendor: "test".into(),
        kind: ServerKind::Cpu,
        height: rack_units(1.0),
        max_power: kw(1.0),
        utilisation: 1.0,
        fan_share: 0.0,
        cold_plate_capture: 1.0,
        cold_plate: KitAvailability::Retrofit,
        kit_cost: vec![],
        factory_premium: vec![],
        immersion: ImmersionCompat::Yes,
        weight: kg(10.0),
        service_life: None,
        aliases: vec![],
        sources: vec![],
        notes: String::new(),
    });
    s
}

fn run_on(s: &Site, climate: &ClimateData) -> coolplan::engine::physical::Physical {
    evaluate(s, &s.catalog(), &s.assumptions.resolve(s.currency), climate)
}

#[test]
fn hand_worked_energy_in_a_constant_climate() {
    let s = block_site();
    // 0 °C: economiser free (0 + 5 − 10 < 0), dry cooler free (0 + 5 − 30 < 0).
    // Air: 8,760 h × [1 + 0.06 + 0.02 (IT, losses, misc) + 0.08 + 0.02 + 0.03 (CRAH, tower, pumps)]
    //    = 8,760 × 1.21 = 10,599.6 kWh; PUE 1.21.
    // Cold plate: 8,760 × [1.08 + 0.01 + 0.02 (pump, dry cooler)] = 8,760 × 1.11 = 9,723.6 kWh.
    let p = run_on(&s, &constant_year(0.0));
    let e = |o: usize| &p.site.options[o].energy;
    assert!((e(0).facility_energy.get::<kilowatt_hour>() - 10_599.6).abs() < 1e-6);
    assert!((e(0).pue - 1.21).abs() < 1e-12);
    assert!((e(1).facility_energy.get::<kilowatt_hour>() - 9_723.6).abs() < 1e-6);
    assert_eq!(e(0).free_cooling_hours.get::<hour>(), 8760.0);
    // Water (air path only): 1.8 L/kWh × 8,760 kWh of tower heat = 15,768 L; cold plate none.
    assert!((e(0).water.value * 1000.0 - 15_768.0).abs() < 1e-6);
    assert_eq!(e(1).water.value, 0.0);
    // CO₂: 10,599.6 kWh × 0.5703 kg/kWh = 6,044.95 kg.
    assert!((e(0).co2.value - 10_599.6 * 0.5703).abs() < 1e-6);
    // Monthly: 12 equal months of 730 h: 10,599.6 / 12 = 883.3 kWh.
    assert!((e(0).monthly_facility_energy[4].get::<kilowatt_hour>() - 883.3).abs() < 1e-9);

    // 30 °C: chiller full on the air path: x = min((30 + 5 − 10) / 5, 1) = 1 → + 1/6;
    // air PUE = 1.21 + 0.166 667 = 1.376 667. Liquid path at facility 30 °C:
    // x = (30 + 5 − 30) / 10 = 0.5 → 1.11 + 0.5 / 6 = 1.193 333.
    let p = run_on(&s, &constant_year(30.0));
    assert!((p.site.options[0].energy.pue - (1.21 + 1.0 / 6.0)).abs() < 1e-12);
    assert!((p.site.options[1].energy.pue - (1.11 + 0.5 / 6.0)).abs() < 1e-12);
    assert_eq!(
        p.site.options[0].energy.free_cooling_hours.get::<hour>(),
        0.0
    );
    // Tower water: 8,760 × (1 + 1/6) × 1.8 = 18,396 L.
    assert!((p.site.options[0].energy.water.value * 1000.0 - 18_396.0).abs() < 1e-6);
}

#[test]
fn calibration_factor_in_a_constant_climate() {
    // Measured PUE 1.5 at 0 °C: κ = (1.5 − 1.08) × 8,760 / (8,760 × 0.13) = 0.42 / 0.13 = 3.230 769.
    let mut s = block_site();
    s.halls[0].measured_pue = Some(1.5);
    let p = run_on(&s, &constant_year(0.0));
    assert!((p.calibration[0] - 0.42 / 0.13).abs() < 1e-12);
    assert!((p.site.options[0].energy.pue - 1.5).abs() < 1e-12);
    // The cold plate block has no air heat: its PUE is untouched by calibration (1.11).
    assert!((p.site.options[1].energy.pue - 1.11).abs() < 1e-12);
    // Without a measured PUE the factor is 1.
    assert_eq!(
        run_on(&block_site(), &constant_year(0.0)).calibration,
        vec![1.0]
    );
}

#[test]
fn tue_counts_fan_power_as_overhead() {
    // One H100 (f = 0.12) at 0 °C. Compute = 0.88 of IT for every option, so
    // TUE_air = PUE_air / 0.88 and immersion's IT is its compute: TUE_imm = PUE_imm.
    let s = site(vec![hall(
        "A",
        vec![rack("r", 1, vec![servers("hgx-h100", 1, Status::Stock)])],
    )]);
    let p = run_on(&s, &constant_year(0.0));
    let e = |o: usize| &p.site.options[o].energy;
    assert!((e(0).tue - e(0).pue / 0.88).abs() < 1e-12);
    assert!((e(2).tue - e(2).pue).abs() < 1e-12);
    assert!(e(2).tue < e(1).tue && e(1).tue < e(0).tue);
}

#[test]
fn published_pue_ranges_for_preset_climates() {
    let s = site(vec![hall(
        "A",
        vec![
            rack("cpu", 100, vec![servers("cpu-2u", 16, Status::Stock)]),
            rack("gpu", 10, vec![servers("hgx-h100", 2, Status::Stock)]),
        ],
    )]);
    // Air baseline in Beijing with default plant: within 1.3–1.7, the band of China's
    // average 1.49 (2021) / 1.42 (2025) [GOV] and Uptime's global 1.58 [ANL].
    let beijing = run(&s, "beijing");
    let air = beijing.site.options[0].energy.pue;
    assert!((1.3..=1.7).contains(&air), "Beijing air PUE {air}");
    // Brokers: cold plate 1.1–1.2 [ANL].
    let cold = beijing.site.options[1].energy.pue;
    assert!((1.1..=1.2).contains(&cold), "Beijing cold plate PUE {cold}");
    // Immersion cooling-only PUE (PUE less electrical losses 0.06 and misc 0.02) in a cold
    // climate: trials 1.02–1.03 (Intel/GRC, ASME JEP 139(4)) [ACAD]; accept 1.02–1.10.
    let zjk = run(&s, "zhangjiakou");
    let cooling_only = zjk.site.options[2].energy.pue - 0.08;
    assert!(
        (1.02..=1.10).contains(&cooling_only),
        "immersion cooling-only {cooling_only}"
    );
    // Hotter climates cost more on air: Singapore > Beijing > Zhangjiakou.
    let sg = run(&s, "singapore").site.options[0].energy.pue;
    let zj = zjk.site.options[0].energy.pue;
    assert!(sg > air && air > zj, "{sg} {air} {zj}");
}
