//! What the physical pass keeps of each rack group: the full [`PhysicalRack`] (reports,
//! [`crate::evaluate`]) or the compact [`GroupPhysics`] (the live recompute,
//! [`crate::recompute`]). Both see the same figures in the same order.
//!
//! Each keeps two views of every option: the cost drivers of the whole group converted (the
//! cost engine prices them, then blends in the retrofit share) and the reported figures, with
//! the retrofit share applied ([`super::rack::reported`]).
//!
//! Facility energy and water come last, from the hall's energy pass ([`super::hall`]): a
//! group's [`GroupEnergyBasis`] keeps the loads it brings to each option state, and
//! [`GroupRecord::set_energy`] takes them priced with the hall's coefficients.

use uom::si::energy::watt_hour;
use uom::si::f64::{Area, Energy, Power, Volume};
use uom::si::volume::cubic_meter;

use super::energy::GroupLoads;
use super::equipment::ceil_count;
use super::feasibility::Verdict;
use super::load::RackLoad;
use super::sums::{self, Sums};
use super::{CostDrivers, PhysicalOption, PhysicalScope, option_result};
use crate::cdu::CduLoad;
use crate::per_option::PerOption;
use crate::results::CoolingOption;
use coolplan_model::assumptions::Provenance;

/// One rack group's figures as the physical pass hands them to a [`GroupRecord`].
pub struct GroupInput<'a> {
    pub hall: usize,
    pub rack: usize,
    pub model: &'a coolplan_model::Rack,
    pub load: &'a RackLoad<'a>,
    /// The whole group converted.
    pub sums: &'a PerOption<Sums>,
    /// With the retrofit share applied.
    pub reported: &'a PerOption<Sums>,
    /// Technology-loop supply of each option in the hall (℃; none on air).
    pub loop_supply_c: &'a PerOption<Option<f64>>,
    /// Hours without a chiller for each option's reported heat.
    pub free_cooling_h: PerOption<f64>,
    pub grid_kg_per_wh: f64,
}

impl GroupInput<'_> {
    /// The group's reported result of `option`, without verdicts (feasible until
    /// [`GroupRecord::set_verdicts`]) and CDU capacity (until the hall's are known).
    pub fn option(&self, option: CoolingOption) -> PhysicalOption {
        option_result(
            option,
            &self.reported[option],
            Verdict::default(),
            self.loop_supply_c[option],
            0,
            self.free_cooling_h[option],
            self.grid_kg_per_wh,
        )
    }
    /// Cost drivers of the whole group converted, straight from the sums.
    #[inline(always)]
    pub fn drivers(&self) -> PerOption<CostDrivers> {
        PerOption::from_fn(|o| self.sums[o].cost_drivers(o))
    }
    /// Design IT power of one rack on air.
    pub fn per_rack_design(&self) -> Power {
        Power::new::<uom::si::power::watt>(self.load.options[0].it_design_w)
    }
    fn share(&self) -> f64 {
        self.model.share().clamp(0.0, 1.0)
    }
}

/// What the hall's energy pass prices of a rack group, per option: the loads of the whole
/// group converted (cost drivers) and reported (retrofit share applied), and the reported IT
/// and compute energy (Wh) the PUE and TUE divide by.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct GroupEnergyBasis {
    pub full: PerOption<GroupLoads>,
    pub reported: PerOption<GroupLoads>,
    pub it_energy_wh: PerOption<f64>,
    pub compute_energy_wh: PerOption<f64>,
    /// Reported heat taken by liquid, Wh.
    pub liquid_heat_wh: PerOption<f64>,
    /// The group converts whole: `reported` is `full`, bit for bit (priced once).
    pub whole: bool,
}

impl GroupEnergyBasis {
    /// The basis of a group from its sums, whole (`full`) and reported; `whole` when the
    /// reported sums are the whole conversion's ([`super::rack::reports_whole`]).
    pub fn of(full: &PerOption<Sums>, reported: &PerOption<Sums>, whole: bool) -> Self {
        // The group's share of the hall's fixed energy: its design IT on air (the same whole
        // or reported: the air option converts nothing).
        let share_w = full[CoolingOption::Air].it_design_w;
        let loads = |s: &Sums| GroupLoads {
            share_w,
            it_avg_w: s.it_avg_w,
            air_avg_w: s.room_air_avg_w(),
            liquid_avg_w: s.liquid_avg_w,
            door_avg_w: s.door_avg_w,
        };
        GroupEnergyBasis {
            full: full.each_ref().map(loads),
            reported: reported.each_ref().map(loads),
            it_energy_wh: reported.each_ref().map(|s| s.it_energy_wh),
            compute_energy_wh: reported.each_ref().map(|s| s.compute_energy_wh),
            liquid_heat_wh: reported.each_ref().map(|s| s.liquid_heat_wh),
            whole,
        }
    }
}

/// A rack group's facility energy (IT included, Wh per month), its cooling-path part (Wh a
/// year) and tower water (m³) under one option, priced with its hall's coefficients.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct GroupEnergy {
    pub monthly_wh: [f64; 12],
    pub cooling_wh: f64,
    pub water_m3: f64,
}

impl GroupEnergy {
    fn facility_energy(&self) -> Energy {
        Energy::new::<watt_hour>(sums::facility_wh(&self.monthly_wh))
    }
    fn water(&self) -> Volume {
        Volume::new::<cubic_meter>(self.water_m3)
    }
    fn cooling_energy(&self) -> Energy {
        Energy::new::<watt_hour>(self.cooling_wh)
    }
}

/// One option's priced energy of a group: whole group converted and reported.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PricedEnergy {
    pub full: GroupEnergy,
    pub reported: GroupEnergy,
}

/// A group's reported figures of one option: what the live views and the plan read.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Reported {
    pub it_design: Power,
    pub heat_to_liquid: Power,
    pub heat_to_air: Power,
    pub heat_to_door: Power,
    pub heat_returned_to_air: Power,
    pub floor_area: Area,
    pub it_energy: Energy,
    pub facility_energy: Energy,
}

impl Reported {
    fn of(sums: &Sums) -> Self {
        let w = Power::new::<uom::si::power::watt>;
        Reported {
            it_design: w(sums.it_design_w),
            heat_to_liquid: w(sums.liquid_design_w),
            heat_to_air: w(sums.air_design_w),
            heat_to_door: w(sums.door_design_w),
            heat_returned_to_air: w(sums.to_room_liquid_design_w + sums.l2a_fan_design_w),
            floor_area: Area::new::<uom::si::area::square_meter>(sums.floor_area_m2),
            it_energy: Energy::new::<uom::si::energy::watt_hour>(sums.it_energy_wh),
            facility_energy: Energy::new::<uom::si::energy::watt_hour>(sums.facility_energy_wh()),
        }
    }
}

/// Racks of a group converted by `share` (whole racks: a part of a rack converts the rack).
pub fn converted_racks(count: u64, share: f64) -> u64 {
    if share >= 1.0 {
        count
    } else {
        ceil_count(share * count as f64)
    }
}

/// The CDU capacity attributed to one option of a group: of its whole conversion (`full`,
/// what costs read before blending in the share) and reported (× the share).
fn cdu_capacity(
    option: CoolingOption,
    drivers: &CostDrivers,
    share: f64,
    installed_w: f64,
    hall_liquid_w: f64,
) -> (Power, Power) {
    let full_w = if hall_liquid_w > 0.0 {
        installed_w * drivers.heat_to_liquid.get::<uom::si::power::watt>() / hall_liquid_w
    } else {
        0.0
    };
    let reported_w = if option == CoolingOption::Air {
        0.0
    } else {
        share * full_w
    };
    let w = Power::new::<uom::si::power::watt>;
    (w(full_w), w(reported_w))
}

/// Floor of the units of `capacity` at `m2_per_w` (0 for none).
fn unit_floor(capacity: Power, m2_per_w: f64) -> Area {
    Area::new::<uom::si::area::square_meter>(capacity.get::<uom::si::power::watt>() * m2_per_w)
}

/// What the physical pass keeps of each rack group.
pub trait GroupRecord: Send + Sized {
    fn record(input: &GroupInput<'_>) -> Self;
    /// Index of the hall in the site and of the rack group in the hall.
    fn place(&self) -> (usize, usize);
    /// Racks in the group.
    fn count(&self) -> u64;
    /// Share of the group converted, 0..=1.
    fn share(&self) -> f64;
    /// What the cost engine prices of each option (the whole group converted).
    fn drivers(&self) -> &PerOption<CostDrivers>;
    /// Takes the group's verdicts once its hall has merged them.
    /// (The record may take the reasons out; what it leaves is cleared and reused.)
    fn set_verdicts(&mut self, verdicts: &mut PerOption<Verdict>);
    /// Sets each option's CDU capacity from the hall's installed capacity and reported liquid
    /// design heat of that option (W): the group's part by liquid heat.
    /// Takes the group's share of its hall's installed CDU capacity, and of the floor of
    /// units that take rack positions (`floor_m2_per_w`: m² per W of capacity, 0 for CDUs
    /// outside the hall's rack rows).
    fn set_cdu_capacity(
        &mut self,
        installed_w: &PerOption<f64>,
        hall_liquid_w: &PerOption<f64>,
        floor_m2_per_w: &PerOption<f64>,
    );
    /// Takes the group's facility energy and water under `option`, priced with its hall's
    /// coefficients.
    fn set_energy(
        &mut self,
        option: CoolingOption,
        priced: &PricedEnergy,
        basis: &GroupEnergyBasis,
        grid_kg_per_wh: f64,
    );
    /// The group's converted racks under `option`, for the CDU assignment.
    fn cdu_load(&self, option: CoolingOption) -> CduLoad {
        let count = self.count();
        let heat_w = self.drivers()[option]
            .heat_to_liquid
            .get::<uom::si::power::watt>();
        CduLoad {
            group: self.place().1,
            racks: converted_racks(count, self.share()),
            heat_per_rack_w: if count > 0 {
                heat_w / count as f64
            } else {
                0.0
            },
        }
    }
}

/// One rack group's physical results, in full.
#[derive(Clone, Debug, PartialEq)]
pub struct PhysicalRack {
    pub hall: usize,
    pub rack: usize,
    pub count: u64,
    /// Share of the group converted (`retrofit_share`, 1 when not given).
    pub share: f64,
    /// Design IT power of one rack on air.
    pub per_rack_design: Power,
    /// Where the rack's power came from: `Measured` (metered peak/average) or `Catalog`
    /// (nameplate × utilisation).
    pub power_provenance: Provenance,
    /// Reported figures (retrofit share applied).
    pub scope: PhysicalScope,
    /// The whole group converted, as the cost engine prices it.
    pub drivers: PerOption<CostDrivers>,
}

impl GroupRecord for PhysicalRack {
    fn record(input: &GroupInput<'_>) -> Self {
        PhysicalRack {
            hall: input.hall,
            rack: input.rack,
            count: input.model.count,
            share: input.share(),
            per_rack_design: input.per_rack_design(),
            power_provenance: if input.load.measured {
                Provenance::Measured
            } else {
                Provenance::Catalog
            },
            scope: PhysicalScope {
                name: input.model.name.clone(),
                options: PerOption::from_fn(|o| input.option(o)),
            },
            drivers: input.drivers(),
        }
    }
    fn place(&self) -> (usize, usize) {
        (self.hall, self.rack)
    }
    fn count(&self) -> u64 {
        self.count
    }
    fn share(&self) -> f64 {
        self.share
    }
    fn drivers(&self) -> &PerOption<CostDrivers> {
        &self.drivers
    }
    fn set_verdicts(&mut self, verdicts: &mut PerOption<Verdict>) {
        for ((o, d), verdict) in self
            .scope
            .options
            .iter_mut()
            .zip(self.drivers.iter_mut())
            .zip(verdicts.iter_mut())
        {
            o.feasible = verdict.infeasible.is_empty();
            d.feasible = o.feasible;
            o.applies = verdict.applies;
            d.applies = verdict.applies;
            o.infeasible_reasons = std::mem::take(&mut verdict.infeasible);
            o.warnings = std::mem::take(&mut verdict.warnings);
        }
    }
    fn set_cdu_capacity(
        &mut self,
        installed_w: &PerOption<f64>,
        hall_liquid_w: &PerOption<f64>,
        floor_m2_per_w: &PerOption<f64>,
    ) {
        for option in CoolingOption::ALL {
            let (full, reported) = cdu_capacity(
                option,
                &self.drivers[option],
                self.share,
                installed_w[option],
                hall_liquid_w[option],
            );
            self.drivers[option].cdu_capacity = full;
            let result = &mut self.scope.options[option];
            result.cdu_capacity = reported;
            result.thermal.floor_area += unit_floor(reported, floor_m2_per_w[option]);
        }
    }
    fn set_energy(
        &mut self,
        option: CoolingOption,
        priced: &PricedEnergy,
        basis: &GroupEnergyBasis,
        grid_kg_per_wh: f64,
    ) {
        let result = &mut self.scope.options[option];
        let totals = sums::EnergyTotals {
            it_wh: basis.it_energy_wh[option],
            compute_wh: basis.compute_energy_wh[option],
            cooling_wh: priced.reported.cooling_wh,
            liquid_heat_wh: basis.liquid_heat_wh[option],
            water_m3: priced.reported.water_m3,
        };
        let free_cooling_h = result
            .energy
            .free_cooling_hours
            .get::<uom::si::time::hour>();
        result.energy = sums::energy_figures(
            &priced.reported.monthly_wh,
            &totals,
            free_cooling_h,
            grid_kg_per_wh,
        );
        let drivers = &mut self.drivers[option];
        drivers.facility_energy = priced.full.facility_energy();
        drivers.cooling_energy = priced.full.cooling_energy();
        drivers.water = priced.full.water();
    }
}

/// A rack group's physical results without its name and reasons: what the live recompute
/// keeps while it prices the group ([`crate::recompute`]).
#[derive(Clone, Debug, PartialEq)]
pub struct GroupPhysics {
    pub hall: usize,
    pub rack: usize,
    pub count: u64,
    pub share: f64,
    pub per_rack_design: Power,
    /// The whole group converted.
    pub options: PerOption<CostDrivers>,
    /// Retrofit share applied.
    pub reported: PerOption<Reported>,
}

impl GroupRecord for GroupPhysics {
    #[inline(always)]
    fn record(input: &GroupInput<'_>) -> Self {
        GroupPhysics {
            hall: input.hall,
            rack: input.rack,
            count: input.model.count,
            share: input.share(),
            per_rack_design: input.per_rack_design(),
            options: input.drivers(),
            reported: input.reported.each_ref().map(Reported::of),
        }
    }
    fn place(&self) -> (usize, usize) {
        (self.hall, self.rack)
    }
    fn count(&self) -> u64 {
        self.count
    }
    fn share(&self) -> f64 {
        self.share
    }
    fn drivers(&self) -> &PerOption<CostDrivers> {
        &self.options
    }
    fn set_verdicts(&mut self, verdicts: &mut PerOption<Verdict>) {
        for (o, verdict) in self.options.iter_mut().zip(verdicts.iter()) {
            o.feasible = verdict.infeasible.is_empty();
            o.applies = verdict.applies;
        }
    }
    fn set_cdu_capacity(
        &mut self,
        installed_w: &PerOption<f64>,
        hall_liquid_w: &PerOption<f64>,
        floor_m2_per_w: &PerOption<f64>,
    ) {
        for option in CoolingOption::ALL {
            let (full, reported) = cdu_capacity(
                option,
                &self.options[option],
                self.share,
                installed_w[option],
                hall_liquid_w[option],
            );
            self.options[option].cdu_capacity = full;
            self.reported[option].floor_area += unit_floor(reported, floor_m2_per_w[option]);
        }
    }
    fn set_energy(
        &mut self,
        option: CoolingOption,
        priced: &PricedEnergy,
        basis: &GroupEnergyBasis,
        _: f64,
    ) {
        let drivers = &mut self.options[option];
        let full = priced.full.facility_energy();
        drivers.facility_energy = full;
        drivers.cooling_energy = priced.full.cooling_energy();
        drivers.water = priced.full.water();
        // a whole conversion's reported energy is its full energy, bit for bit
        self.reported[option].facility_energy = if basis.whole {
            full
        } else {
            priced.reported.facility_energy()
        };
    }
}

/// The reported figures of a full record (equal to [`GroupPhysics::reported`] bit for bit).
pub fn reported_of(option: &PhysicalOption) -> Reported {
    Reported {
        it_design: option.thermal.it_design,
        heat_to_liquid: option.thermal.heat_to_liquid,
        heat_to_air: option.thermal.heat_to_air,
        heat_to_door: option.thermal.heat_to_door,
        heat_returned_to_air: option.thermal.heat_returned_to_air,
        floor_area: option.thermal.floor_area,
        it_energy: option.energy.it_energy,
        facility_energy: option.energy.facility_energy,
    }
}
