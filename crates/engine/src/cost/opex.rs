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
/// and energy and the kW-years are added only `steady` (a reading reads none,
/// `super::Pricer::skip_steady_figures`). Option by option, each over the years (its own
/// additions in its own order).
pub fn add_opex<const N: usize>(
    basis: &RackBasis,
    presence: &[(f64, f64)],
    options: [(&CostDrivers, &mut Streams); N],
    (priced, steady): (&[bool; N], bool),
    (prices, unit): (&PricesResolved, &UnitPrices),
) {
    let group = Group {
        design_kw: basis.design_kw(),
        plant_year: basis.first_year(),
    };
    let years = options.iter().map(|(_, s)| s.years()).min().unwrap_or(0);
    // a year past the presence given has none of the group's load
    let padded: Vec<(f64, f64)>;
    let presence = match presence.get(..years) {
        Some(presence) => presence,
        None => {
            padded = (0..years)
                .map(|t| presence.get(t).copied().unwrap_or((0.0, 0.0)))
                .collect();
            &padded
        }
    };
    // the group's kW-years, year by year from +0.0: the same for every option, so summed once
    // (a reset stream's +0.0 plus the sum is the sum, bit for bit)
    let kw_years = steady.then(|| {
        let years = presence.iter().skip(1);
        years.fold(0.0, |sum, &(_, design_share)| {
            sum + group.design_kw * design_share
        })
    });
    for ((physical, s), _) in options.into_iter().zip(priced).filter(|(_, p)| **p) {
        let r = Rates::new(physical, prices, unit);
        add_yearly(&r, &group, presence, s);
        if let Some(kw_years) = kw_years {
            s.kw_years += kw_years;
            s.steady_energy += r.energy_year;
            s.steady_opex += r.steady_opex(s.capex_total());
        }
    }
}

/// What every option's yearly OPEX of one group reads of its basis.
struct Group {
    /// Design IT load (kW) with every server present.
    design_kw: f64,
    /// The year the group first needs liquid plant ([`RackBasis::first_year`]).
    plant_year: usize,
}

/// Adds one option's OPEX of years 1..`presence.len()` to `s`: energy and other OPEX, year
/// by year. The CAPEX spent before a year (its maintenance) changes only after a year that
/// holds CAPEX, so it is added, and the maintenance multiplied, only then (the same products
/// of the same numbers as year by year).
fn add_yearly(r: &Rates, group: &Group, presence: &[(f64, f64)], s: &mut Streams) {
    let (capex, energy, other) = s.opex_columns_mut();
    let years = 1..presence.len();
    let (Some(presence), Some(energy), Some(other)) = (
        presence.get(years.clone()),
        energy.get_mut(years.clone()),
        other.get_mut(years.clone()),
    ) else {
        return;
    };
    // CAPEX spent through year t − 1: a running sum over the years that hold any (another
    // year's `+0.0` would leave the sum's bits as they are), a year's counting from the next
    let mut capex_before = 0.0;
    let mut maintenance_in_use = r.maintenance_share * capex_before;
    let mut spent = capex.years();
    // the next year whose CAPEX is added, from the year after it
    let mut next_capex = spent.next();
    let rows = presence.iter().zip(energy).zip(other);
    for (t, ((&(avg_share, design_share), energy), other)) in years.zip(rows) {
        if let Some(year) = next_capex.filter(|year| year + 1 == t) {
            capex_before += capex.capex_in(year);
            maintenance_in_use = r.maintenance_share * capex_before;
            next_capex = spent.next();
        }
        let in_use = design_share > 0.0;
        let fluid = if group.plant_year < t && in_use {
            r.fluid_year
        } else {
            0.0
        };
        let maintenance = if in_use { maintenance_in_use } else { 0.0 };
        *energy += r.energy_year * avg_share;
        *other +=
            maintenance + fluid + r.water_year * avg_share + r.air_maintenance_year * design_share;
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
    /// OPEX of a steady full year (every server present) with `capex_total` spent: energy,
    /// maintenance of that CAPEX, fluid top-up, water and air-plant maintenance, in that order.
    fn steady_opex(&self, capex_total: f64) -> f64 {
        self.energy_year
            + self.maintenance_share * capex_total
            + self.fluid_year
            + self.water_year
            + self.air_maintenance_year
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cost::basis::Cohort;
    use crate::results::CostItem;
    use coolplan_model::assumptions::Assumptions;
    use coolplan_units::Currency;
    use uom::si::energy::kilowatt_hour;
    use uom::si::f64::{Energy, Power, Volume};
    use uom::si::power::kilowatt;
    use uom::si::volume::{cubic_meter, liter};

    /// [`add_opex`] of one option computed plainly, year by year: the CAPEX of the year before
    /// added to the running sum each year, each year's maintenance multiplied anew, the
    /// kW-years (`steady` only) summed per option.
    fn plain(
        r: &Rates,
        basis: &RackBasis,
        presence: &[(f64, f64)],
        (s, steady): (&mut Streams, bool),
    ) {
        let (design_kw, plant_year) = (basis.design_kw(), basis.first_year());
        let mut capex_before = 0.0;
        for t in 1..s.years() {
            let (avg_share, design_share) = presence.get(t).copied().unwrap_or((0.0, 0.0));
            // a year without CAPEX adds `+0.0`
            capex_before += s.capex_in(t - 1);
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
            s.energy[t] += r.energy_year * avg_share;
            s.other_opex[t] += maintenance
                + fluid
                + r.water_year * avg_share
                + r.air_maintenance_year * design_share;
            if steady {
                s.kw_years += design_kw * design_share;
            }
        }
    }

    fn drivers(option: CoolingOption, x: [f64; 5]) -> CostDrivers {
        let kw = Power::new::<kilowatt>;
        CostDrivers {
            option,
            applies: true,
            feasible: true,
            cdu_capacity: kw(x[0]),
            it_design: kw(x[0]),
            heat_to_liquid: kw(x[0]),
            heat_to_air: kw(x[1]),
            heat_to_door: kw(0.0),
            door_count: 0,
            active_door_count: 0,
            heat_returned_to_air: kw(x[2]),
            tank_count: 0,
            fluid_volume: Volume::new::<liter>(x[3]),
            it_energy: Energy::new::<kilowatt_hour>(x[4]),
            facility_energy: Energy::new::<kilowatt_hour>(x[4] * 1.3),
            cooling_energy: Energy::new::<kilowatt_hour>(x[4] * 0.3),
            liquid_heat: Energy::new::<kilowatt_hour>(0.0),
            water: Volume::new::<cubic_meter>(x[2] * 0.7),
        }
    }

    #[test]
    fn yearly_opex_has_the_bits_of_the_plain_year_by_year_sums() {
        let assumptions = Assumptions::default().resolve(Currency::CNY);
        let unit = UnitPrices::new(&assumptions.prices, &assumptions.cooling);
        let mut state = 7u64;
        let mut next = move || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            state >> 33
        };
        for case in 0..400 {
            // horizons on both sides of 64 years (a stream tracks its years in two halves)
            let horizon = if case % 10 == 0 {
                60 + case % 40
            } else {
                1 + case % 20
            };
            let years = horizon + 1;
            let mut basis = RackBasis::default();
            basis.stock.design_kw = (next() % 50) as f64 / 3.0;
            basis.stock.servers = (next() % 2) as f64;
            basis.new = (0..next() % 3)
                .map(|_| Cohort {
                    year: (next() % years as u64) as usize,
                    design_kw: (next() % 40) as f64 / 7.0,
                    ..Cohort::default()
                })
                .collect();
            // some years without load, some with part of it
            let presence: Vec<(f64, f64)> = (0..years)
                .map(|_| match next() % 4 {
                    0 => (0.0, 0.0),
                    _ => ((next() % 100) as f64 / 99.0, (next() % 100) as f64 / 97.0),
                })
                .collect();
            let physical = CoolingOption::ALL.map(|o| {
                drivers(
                    o,
                    [1.0, 2.0, 3.0, 4.0, 5.0].map(|_| (next() % 9000) as f64 / 11.0),
                )
            });
            let mut fast = CoolingOption::ALL.map(|_| Streams::zero(horizon));
            // CAPEX in random years (the first, the last, across 64), some of it negative
            for s in &mut fast {
                for _ in 0..next() % 6 {
                    let year = (next() % years as u64) as usize;
                    let amount = (next() % 1_000_000) as f64 / 13.0 - 10_000.0;
                    s.spend(CostItem::ALL[(next() % 24) as usize], year, amount);
                }
            }
            let mut slow = fast.clone();
            let priced = CoolingOption::ALL.map(|_| next() % 5 != 0);
            let steady = case % 2 == 0;
            let options: Vec<_> = physical.iter().zip(&mut fast).collect();
            let Ok(options) = <[_; 7]>::try_from(options) else {
                unreachable!("seven options")
            };
            let prices = &assumptions.prices;
            add_opex(
                &basis,
                &presence,
                options,
                (&priced, steady),
                (prices, &unit),
            );
            for ((physical, s), _) in physical.iter().zip(&mut slow).zip(&priced).filter(|x| *x.1) {
                let r = Rates::new(physical, prices, &unit);
                plain(&r, &basis, &presence, (s, steady));
                if steady {
                    s.steady_energy += r.energy_year;
                    s.steady_opex += r.steady_opex(s.capex_total());
                }
            }
            let bits = |s: &Streams| {
                let scalars = [s.kw_years, s.steady_energy, s.steady_opex];
                let columns = s.energy.iter().chain(&s.other_opex).chain(&scalars);
                columns.map(|x| x.to_bits()).collect::<Vec<_>>()
            };
            for (fast, slow) in fast.iter().zip(&slow) {
                assert_eq!(bits(fast), bits(slow), "case {case}");
            }
        }
    }
}
