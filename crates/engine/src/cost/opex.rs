//! OPEX of one rack group under one option, per cash-flow year and in a steady full year.
//!
//! Cash-flow year t ≥ 1 holds the operations of calendar year first_year + t − 1; year 0 holds
//! CAPEX only. The thermal engine's annual figures are a steady state with every server
//! present; year t takes the share of the group's average IT load present that year (energy,
//! water) or of its design load (air-plant maintenance). Items:
//! - energy: facility energy × electricity price;
//! - maintenance: a share of the CAPEX spent before the year (cold plate 3 %, immersion 4 %);
//! - fluid top-up: a share of the immersion charge × fluid price, once tanks are installed;
//! - water: facility water use × water price;
//! - air-plant maintenance: per kW of heat on the room air (the servers' air and what
//!   liquid-to-air CDUs return; so liquid options onto facility water avoid part of it).
//!
//! A year in which none of the group's servers is present (all retired without replacement)
//! has no maintenance and no fluid top-up either: the plant stands idle.

use super::basis::RackBasis;
use super::streams::Streams;
use super::unit_prices::UnitPrices;
use crate::physical::CostDrivers;
use crate::results::{CoolingOption, ServerCooling};
use coolplan_model::assumptions::prices::PricesResolved;

/// Adds the OPEX of each option (the whole group on it) that `priced` marks to its streams,
/// whose CAPEX is already filled in (the others are left as they are); `presence` is
/// [`RackBasis::presence_into`] of the group over the streams' years. The steady year's OPEX
/// is added only `steady` (a reading reads none, `super::Pricer::skip_steady_opex`).
/// Option by option, each over the years (its own additions in its own order).
pub fn add_opex<const N: usize>(
    basis: &RackBasis,
    presence: &[(f64, f64)],
    options: [(&CostDrivers, &mut Streams); N],
    (priced, steady): (&[bool; N], bool),
    (prices, unit): (&PricesResolved, &UnitPrices),
) {
    let mut k = 0;
    let rates = options.each_ref().map(|(physical, _)| {
        let rates = priced[k].then(|| Rates::new(physical, prices, unit));
        k += 1;
        rates.unwrap_or_default()
    });
    let mut streams = options.map(|(_, streams)| streams);
    let design_kw = basis.design_kw();
    let plant_year = basis.first_year();
    let years = streams.iter().map(|s| s.years()).min().unwrap_or(0);

    // local sums (the same additions in the same order) the compiler keeps in registers
    let mut kw_years = streams.each_ref().map(|s| s.kw_years);
    for (k, s) in streams.iter_mut().enumerate().filter(|(k, _)| priced[*k]) {
        let r = &rates[k];
        // CAPEX spent through year t − 1, a running sum year by year over the years that
        // hold any (another year's `+0.0` would leave the sum's bits as they are)
        let mut capex_before = 0.0;
        // bit 0: whether year t − 1 holds CAPEX
        let mut capex_years = s.capex_year_bits();
        for t in 1..years {
            let (avg_share, design_share) = presence.get(t).copied().unwrap_or((0.0, 0.0));
            if capex_years & 1 != 0 {
                capex_before += s.capex_in(t - 1);
            }
            capex_years >>= 1;
            let in_use = design_share > 0.0;
            let fluid = if plant_year < t && in_use {
                r.fluid_year
            } else {
                0.0
            };
            let maintenance = if in_use {
                r.maintenance_share * capex_before
            } else {
                0.0
            };
            let energy = r.energy_year * avg_share;
            let other = maintenance
                + fluid
                + r.water_year * avg_share
                + r.air_maintenance_year * design_share;
            s.energy[t] += energy;
            s.other_opex[t] += other;
            kw_years[k] += design_kw * design_share;
        }
    }
    for (k, s) in streams.iter_mut().enumerate().filter(|(k, _)| priced[*k]) {
        let r = &rates[k];
        s.kw_years = kw_years[k];
        s.steady_energy += r.energy_year;
        if !steady {
            continue;
        }
        s.steady_opex += r.energy_year
            + r.maintenance_share * s.capex_total()
            + r.fluid_year
            + r.water_year
            + r.air_maintenance_year;
    }
}

/// One option's yearly OPEX rates of a full year with every server present.
#[derive(Default)]
struct Rates {
    energy_year: f64,
    water_year: f64,
    air_maintenance_year: f64,
    fluid_year: f64,
    maintenance_share: f64,
}

impl Rates {
    fn new(physical: &CostDrivers, prices: &PricesResolved, unit: &UnitPrices) -> Rates {
        let energy_kwh = physical
            .facility_energy
            .get::<uom::si::energy::kilowatt_hour>();
        let water_m3 = physical.water.get::<uom::si::volume::cubic_meter>();
        // the air plant removes the servers' air and what liquid-to-air CDUs return
        let air_heat_kw = (physical.heat_to_air + physical.heat_returned_to_air)
            .get::<uom::si::power::kilowatt>();
        let fluid_l = physical.fluid_volume.get::<uom::si::volume::liter>();
        Rates {
            energy_year: energy_kwh * unit.electricity_per_kwh,
            water_year: water_m3 * unit.water_per_m3,
            air_maintenance_year: air_heat_kw * unit.air_plant_maintenance_per_kw,
            fluid_year: fluid_l * prices.fluid_top_up * unit.fluid_per_litre,
            maintenance_share: unit.maintenance_share[physical.option],
        }
    }
}

/// Yearly maintenance of an option's cooling CAPEX, as a share of it (air: none; rear doors
/// on air-cooled servers `rdhx_maintenance`; the hybrid as cold plate).
pub fn maintenance_share(option: CoolingOption, prices: &PricesResolved) -> f64 {
    match option.servers() {
        ServerCooling::Air if option.door().is_some() => prices.rdhx_maintenance,
        ServerCooling::Air => 0.0,
        ServerCooling::ColdPlate => prices.cold_plate_maintenance,
        ServerCooling::Immersion => prices.immersion_maintenance,
    }
}
