//! Extensive sums of one option in one scope, and their conversion to result types.
//!
//! Racks, halls and the site all hold a [`Sums`]; a hall is the sum of its racks, the site
//! the sum of its halls. Intensive figures (PUE, TUE, floor load = max) are recomputed
//! from the sums, never averaged.

use uom::si::area::square_meter;
use uom::si::areal_mass_density::kilogram_per_square_meter;
use uom::si::energy::watt_hour;
use uom::si::f64::{
    Area, ArealMassDensity, Energy, Mass, Power, ThermodynamicTemperature, Time, Volume, VolumeRate,
};
use uom::si::mass::kilogram;
use uom::si::power::watt;
use uom::si::thermodynamic_temperature::degree_celsius;
use uom::si::time::hour;
use uom::si::volume::cubic_meter;
use uom::si::volume_rate::cubic_meter_per_second;

use super::CostDrivers;
use crate::results::{CoolingOption, EnergyFigures, Thermal};

/// Sums of one option in one scope (SI-ish f64: W, W·h, m³, kg, m²).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Sums {
    pub it_design_w: f64,
    pub it_avg_w: f64,
    pub fan_removed_w: f64,
    pub compute_design_w: f64,
    pub liquid_design_w: f64,
    pub air_design_w: f64,
    pub liquid_avg_w: f64,
    pub air_avg_w: f64,
    /// Heat rear doors take from the exhaust into their water loop.
    pub door_design_w: f64,
    pub door_avg_w: f64,
    /// Rear doors fitted (one per rack), and how many of them are active doors.
    pub doors: u64,
    pub active_doors: u64,
    /// Active doors' fan power on average (facility load).
    pub door_fan_avg_w: f64,
    /// Part of `liquid_*` that liquid-to-air CDUs return to the room air ([`super::l2a`]).
    pub to_room_liquid_design_w: f64,
    pub to_room_liquid_avg_w: f64,
    /// Fan power of the liquid-to-air CDUs (facility load; its heat goes to the room too).
    pub l2a_fan_design_w: f64,
    pub l2a_fan_avg_w: f64,
    pub flow_m3_per_s: f64,
    /// Airflow the heat on the room air needs at the servers' air rise ([`super::air`]).
    pub air_flow_m3_per_s: f64,
    /// CDU units: whole at halls and the site (the design's count); 0 at rack groups, whose
    /// share of the hall's CDU capacity the physical records keep.
    pub cdus: f64,
    pub tanks: u64,
    pub fluid_m3: f64,
    pub fluid_kg: f64,
    pub kits: u64,
    /// Maximum, not a sum.
    pub floor_load_kg_per_m2: f64,
    pub floor_area_m2: f64,
    pub it_energy_wh: f64,
    pub compute_energy_wh: f64,
    pub monthly_facility_wh: [f64; 12],
    /// Energy of the cooling path (air plant and liquid path) over the year, inside
    /// `monthly_facility_wh`: the pPUE numerator's overhead.
    pub cooling_wh: f64,
    /// Heat carried away by liquid loops over the year (average liquid heat × hours).
    pub liquid_heat_wh: f64,
    pub water_m3: f64,
}

impl Sums {
    /// Adds `other` (extensive figures summed, floor load maximised).
    pub fn add(&mut self, o: &Sums) {
        self.it_design_w += o.it_design_w;
        self.it_avg_w += o.it_avg_w;
        self.fan_removed_w += o.fan_removed_w;
        self.compute_design_w += o.compute_design_w;
        self.liquid_design_w += o.liquid_design_w;
        self.air_design_w += o.air_design_w;
        self.liquid_avg_w += o.liquid_avg_w;
        self.air_avg_w += o.air_avg_w;
        self.door_design_w += o.door_design_w;
        self.door_avg_w += o.door_avg_w;
        self.doors = self.doors.saturating_add(o.doors);
        self.active_doors = self.active_doors.saturating_add(o.active_doors);
        self.door_fan_avg_w += o.door_fan_avg_w;
        self.to_room_liquid_design_w += o.to_room_liquid_design_w;
        self.to_room_liquid_avg_w += o.to_room_liquid_avg_w;
        self.l2a_fan_design_w += o.l2a_fan_design_w;
        self.l2a_fan_avg_w += o.l2a_fan_avg_w;
        self.flow_m3_per_s += o.flow_m3_per_s;
        self.air_flow_m3_per_s += o.air_flow_m3_per_s;
        self.cdus += o.cdus;
        self.tanks = self.tanks.saturating_add(o.tanks);
        self.fluid_m3 += o.fluid_m3;
        self.fluid_kg += o.fluid_kg;
        self.kits = self.kits.saturating_add(o.kits);
        self.floor_load_kg_per_m2 = self.floor_load_kg_per_m2.max(o.floor_load_kg_per_m2);
        self.floor_area_m2 += o.floor_area_m2;
        self.it_energy_wh += o.it_energy_wh;
        self.compute_energy_wh += o.compute_energy_wh;
        for (a, b) in self
            .monthly_facility_wh
            .iter_mut()
            .zip(o.monthly_facility_wh)
        {
            *a += b;
        }
        self.cooling_wh += o.cooling_wh;
        self.liquid_heat_wh += o.liquid_heat_wh;
        self.water_m3 += o.water_m3;
    }

    /// Heat on the room air at max draw: the servers' air plus what liquid-to-air CDUs
    /// return (their liquid heat and their fans), what the hall's air plant must remove.
    pub fn room_air_design_w(&self) -> f64 {
        self.air_design_w + self.to_room_liquid_design_w + self.l2a_fan_design_w
    }
    /// [`Sums::room_air_design_w`] at average utilisation.
    pub fn room_air_avg_w(&self) -> f64 {
        self.air_avg_w + self.to_room_liquid_avg_w + self.l2a_fan_avg_w
    }
    /// Liquid heat at max draw that goes to facility water (not back to the room).
    pub fn facility_liquid_design_w(&self) -> f64 {
        self.liquid_design_w - self.to_room_liquid_design_w
    }
    /// [`Sums::facility_liquid_design_w`] at average utilisation.
    pub fn facility_liquid_avg_w(&self) -> f64 {
        self.liquid_avg_w - self.to_room_liquid_avg_w
    }

    pub fn facility_energy_wh(&self) -> f64 {
        facility_wh(&self.monthly_facility_wh)
    }

    /// `share` of `full` (a group converted) plus `1 − share` of `air` (the same group on air):
    /// extensive figures blended, counts of the converted part rounded up, floor load the
    /// heavier of the two (both stand in the hall).
    pub fn blended(full: &Sums, air: &Sums, share: f64) -> Sums {
        let mix = |f: f64, a: f64| share * f + (1.0 - share) * a;
        let whole = |n: u64| super::equipment::ceil_count(share * n as f64);
        let mut monthly = [0.0; 12];
        for (m, out) in monthly.iter_mut().enumerate() {
            *out = mix(full.monthly_facility_wh[m], air.monthly_facility_wh[m]);
        }
        Sums {
            it_design_w: mix(full.it_design_w, air.it_design_w),
            it_avg_w: mix(full.it_avg_w, air.it_avg_w),
            fan_removed_w: mix(full.fan_removed_w, air.fan_removed_w),
            compute_design_w: mix(full.compute_design_w, air.compute_design_w),
            liquid_design_w: mix(full.liquid_design_w, air.liquid_design_w),
            air_design_w: mix(full.air_design_w, air.air_design_w),
            liquid_avg_w: mix(full.liquid_avg_w, air.liquid_avg_w),
            air_avg_w: mix(full.air_avg_w, air.air_avg_w),
            door_design_w: mix(full.door_design_w, air.door_design_w),
            door_avg_w: mix(full.door_avg_w, air.door_avg_w),
            doors: whole(full.doors),
            active_doors: whole(full.active_doors),
            door_fan_avg_w: mix(full.door_fan_avg_w, air.door_fan_avg_w),
            to_room_liquid_design_w: mix(full.to_room_liquid_design_w, air.to_room_liquid_design_w),
            to_room_liquid_avg_w: mix(full.to_room_liquid_avg_w, air.to_room_liquid_avg_w),
            l2a_fan_design_w: mix(full.l2a_fan_design_w, air.l2a_fan_design_w),
            l2a_fan_avg_w: mix(full.l2a_fan_avg_w, air.l2a_fan_avg_w),
            flow_m3_per_s: mix(full.flow_m3_per_s, air.flow_m3_per_s),
            air_flow_m3_per_s: mix(full.air_flow_m3_per_s, air.air_flow_m3_per_s),
            cdus: 0.0,
            tanks: whole(full.tanks),
            fluid_m3: mix(full.fluid_m3, air.fluid_m3),
            fluid_kg: mix(full.fluid_kg, air.fluid_kg),
            kits: whole(full.kits),
            floor_load_kg_per_m2: if share > 0.0 && share < 1.0 {
                full.floor_load_kg_per_m2.max(air.floor_load_kg_per_m2)
            } else {
                mix(full.floor_load_kg_per_m2, air.floor_load_kg_per_m2)
            },
            floor_area_m2: mix(full.floor_area_m2, air.floor_area_m2),
            it_energy_wh: mix(full.it_energy_wh, air.it_energy_wh),
            compute_energy_wh: mix(full.compute_energy_wh, air.compute_energy_wh),
            monthly_facility_wh: monthly,
            cooling_wh: mix(full.cooling_wh, air.cooling_wh),
            liquid_heat_wh: mix(full.liquid_heat_wh, air.liquid_heat_wh),
            water_m3: mix(full.water_m3, air.water_m3),
        }
    }

    /// Thermal figures; `cdu_count` is the whole-unit count of the scope (0 for rack groups).
    pub fn thermal(&self, loop_supply_c: Option<f64>, cdu_count: u64) -> Thermal {
        let w = Power::new::<watt>;
        Thermal {
            it_design: w(self.it_design_w),
            it_avg: w(self.it_avg_w),
            fan_power_removed: w(self.fan_removed_w),
            compute_design: w(self.compute_design_w),
            heat_to_liquid: w(self.liquid_design_w),
            heat_to_air: w(self.air_design_w),
            heat_to_door: w(self.door_design_w),
            door_count: self.doors,
            active_door_count: self.active_doors,
            heat_returned_to_air: w(self.to_room_liquid_design_w + self.l2a_fan_design_w),
            l2a_fan_power: w(self.l2a_fan_design_w),
            coolant_flow: VolumeRate::new::<cubic_meter_per_second>(self.flow_m3_per_s),
            air_flow: VolumeRate::new::<cubic_meter_per_second>(self.air_flow_m3_per_s),
            loop_supply: loop_supply_c.map(ThermodynamicTemperature::new::<degree_celsius>),
            cdu_count,
            tank_count: self.tanks,
            fluid_volume: Volume::new::<cubic_meter>(self.fluid_m3),
            fluid_mass: Mass::new::<kilogram>(self.fluid_kg),
            cold_plate_kits: self.kits,
            floor_load: ArealMassDensity::new::<kilogram_per_square_meter>(
                self.floor_load_kg_per_m2,
            ),
            floor_area: Area::new::<square_meter>(self.floor_area_m2),
        }
    }

    /// What the cost engine reads of option `option` in these sums (a rack group's whole
    /// conversion); its CDU capacity is set once the hall's CDUs are known.
    pub fn cost_drivers(&self, option: CoolingOption) -> CostDrivers {
        CostDrivers {
            option,
            applies: true,
            feasible: true,
            cdu_capacity: Power::default(),
            it_design: Power::new::<watt>(self.it_design_w),
            heat_to_liquid: Power::new::<watt>(self.liquid_design_w),
            heat_to_air: Power::new::<watt>(self.air_design_w),
            heat_to_door: Power::new::<watt>(self.door_design_w),
            door_count: self.doors,
            active_door_count: self.active_doors,
            heat_returned_to_air: Power::new::<watt>(
                self.to_room_liquid_design_w + self.l2a_fan_design_w,
            ),
            tank_count: self.tanks,
            fluid_volume: Volume::new::<cubic_meter>(self.fluid_m3),
            it_energy: Energy::new::<watt_hour>(self.it_energy_wh),
            facility_energy: Energy::new::<watt_hour>(self.facility_energy_wh()),
            cooling_energy: Energy::new::<watt_hour>(self.cooling_wh),
            liquid_heat: Energy::new::<watt_hour>(self.liquid_heat_wh),
            water: Volume::new::<cubic_meter>(self.water_m3),
        }
    }

    /// Energy figures; `free_cooling_h` from the scope's bins, `grid_kg_per_wh` the CO₂ factor.
    pub fn energy(&self, free_cooling_h: f64, grid_kg_per_wh: f64) -> EnergyFigures {
        let totals = EnergyTotals {
            it_wh: self.it_energy_wh,
            compute_wh: self.compute_energy_wh,
            cooling_wh: self.cooling_wh,
            liquid_heat_wh: self.liquid_heat_wh,
            water_m3: self.water_m3,
        };
        energy_figures(
            &self.monthly_facility_wh,
            &totals,
            free_cooling_h,
            grid_kg_per_wh,
        )
    }

    /// Adds a rack group's priced facility energy, cooling energy and water (the hall's
    /// energy pass).
    pub fn add_energy(&mut self, monthly_wh: &[f64; 12], cooling_wh: f64, water_m3: f64) {
        for (a, b) in self.monthly_facility_wh.iter_mut().zip(monthly_wh) {
            *a += b;
        }
        self.cooling_wh += cooling_wh;
        self.water_m3 += water_m3;
    }
}

/// Facility energy of monthly figures, summed in month order (every scope the same way).
pub fn facility_wh(monthly_wh: &[f64; 12]) -> f64 {
    monthly_wh.iter().sum()
}

/// A scope's energy totals besides its monthly facility energy: IT, compute, cooling and
/// liquid heat (Wh) and tower water (m³).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct EnergyTotals {
    pub it_wh: f64,
    pub compute_wh: f64,
    /// The cooling path's part of the facility energy.
    pub cooling_wh: f64,
    /// Heat taken by liquid (what a heat customer can take).
    pub liquid_heat_wh: f64,
    pub water_m3: f64,
}

/// Energy figures of a scope from its monthly facility energy (Wh), its other totals,
/// free-cooling hours and the grid's CO₂ factor (kg/Wh).
pub fn energy_figures(
    monthly_wh: &[f64; 12],
    totals: &EnergyTotals,
    free_cooling_h: f64,
    grid_kg_per_wh: f64,
) -> EnergyFigures {
    let facility_wh = facility_wh(monthly_wh);
    let ratio = |den: f64| if den > 0.0 { facility_wh / den } else { 0.0 };
    let wh = Energy::new::<watt_hour>;
    EnergyFigures {
        pue: ratio(totals.it_wh),
        tue: ratio(totals.compute_wh),
        it_energy: wh(totals.it_wh),
        facility_energy: wh(facility_wh),
        monthly_facility_energy: monthly_wh.map(wh),
        cooling_energy: wh(totals.cooling_wh),
        liquid_heat: wh(totals.liquid_heat_wh),
        free_cooling_hours: Time::new::<hour>(free_cooling_h),
        water: Volume::new::<cubic_meter>(totals.water_m3),
        co2: Mass::new::<kilogram>(facility_wh * grid_kg_per_wh),
    }
}
