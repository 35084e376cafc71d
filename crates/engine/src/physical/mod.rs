//! Physical evaluation: heat split, flows, equipment, feasibility, energy and PUE for every
//! rack group, hall and the site, for each cooling option. Costs are added by `engine::cost`.
//!
//! Owns: the thermal and energy arithmetic of `docs/method.md` §2–§6. Never touches: files,
//! money, the clock. Kernels ([`load`], [`rack`], [`energy`], [`equipment`]) work in SI-ish
//! f64 with unit-suffixed names; results leave as uom quantities.
//!
//! Aggregation: rack groups → halls → site by sums of extensive figures (reported: retrofit
//! share applied); PUE, TUE and floor load (a maximum) are recomputed from the sums. CDUs are
//! designed per hall and liquid option by [`crate::cdu`] (size chosen to fit, racks assigned
//! whole; its count is the hall's `Thermal::cdu_count`); a rack group's `cdu_count` is 0 and
//! its [`PhysicalOption::cdu_capacity`] is the hall's installed capacity × the group's share
//! of the hall's liquid design heat (a hall's shares sum to its installed capacity).
//! Hall limits ([`limits`]) and the today's-state rule are applied to each option's totals;
//! each hall also reports its air side ([`air`]: heat and airflow on air against the air
//! plant) and electrical headroom ([`headroom`]) per option. A hall without facility water
//! runs its liquid options on a priced extension ([`enabling`]).
//!
//! Options the site does not offer are not evaluated ([`evaluated`]): every scope keeps zero
//! figures for them and their one reason, [`Reason::NotOffered`] (they apply nowhere, so no
//! result, report or plan reads their figures). Air is always evaluated: it is the
//! reference of every blend, share and NPV.
//!
//! What each rack group keeps is a [`GroupRecord`] ([`record`]): the full [`PhysicalRack`]
//! (reports) or the compact [`GroupPhysics`] (the live recompute); both see the same figures.
//! The records are kept hall by hall in chunks ([`Records`]), never in one site-sized block.
//!
//! Energy needs the hall's totals (its plant is non-linear, [`energy`]): each hall's groups
//! are evaluated first, keeping their loads ([`GroupEnergyBasis`]); after the hall's CDUs and
//! limits, its plant is evaluated in the three option states (every group on the option,
//! retrofit share applied) and every group of the hall is priced with the state's
//! coefficients ([`GroupRecord::set_energy`]), in rack order ([`hall::price_energy`]).

pub mod air;
pub mod door;
pub mod enabling;
pub mod energy;
pub mod equipment;
pub mod feasibility;
pub mod hall;
pub mod headroom;
pub mod l2a;
pub mod limits;
pub mod load;
pub mod rack;
pub mod record;
pub mod records;
pub mod sums;

pub use record::{
    GroupEnergy, GroupEnergyBasis, GroupInput, GroupPhysics, GroupRecord, PhysicalRack,
    PricedEnergy, Reported,
};
pub use records::Records;

use rayon::prelude::*;
use uom::si::f64::{Energy, Power, Volume};

use super::climate::ClimateData;
use super::results::{CoolingOption, EnergyFigures, Reason, Thermal};
use crate::cdu;
use crate::per_option::PerOption;
use coolplan_model::assumptions::Resolved;
use coolplan_model::{Catalog, Site};
use coolplan_units::{EmissionFactorUnit, TempDiffUnit, TemperatureUnit};
use energy::HallPlant;
use feasibility::{Verdict, merge_reasons};
use hall::{air_and_headroom, hall_cdus, price_energy, site_free_cooling_hours};
use limits::HallLimits;
use sums::Sums;

/// Physical results of one option in one scope.
#[derive(Clone, Debug, PartialEq)]
pub struct PhysicalOption {
    pub option: CoolingOption,
    /// The option applies in this scope ([`crate::results::OptionResult::applies`]).
    pub applies: bool,
    pub feasible: bool,
    pub infeasible_reasons: Vec<Reason>,
    pub warnings: Vec<Reason>,
    pub thermal: Thermal,
    pub energy: EnergyFigures,
    /// CDU capacity attributed to this scope: installed capacity for halls and the site; for
    /// a rack group its part of the hall's by liquid design heat.
    pub cdu_capacity: Power,
}

impl PhysicalOption {
    /// What the cost engine reads of this result: a group's whole conversion when its retrofit
    /// share is 1 (otherwise [`GroupRecord::drivers`] gives the whole conversion).
    pub fn drivers(&self) -> CostDrivers {
        CostDrivers {
            option: self.option,
            applies: self.applies,
            feasible: self.feasible,
            cdu_capacity: self.cdu_capacity,
            it_design: self.thermal.it_design,
            heat_to_liquid: self.thermal.heat_to_liquid,
            heat_to_air: self.thermal.heat_to_air,
            heat_to_door: self.thermal.heat_to_door,
            door_count: self.thermal.door_count,
            active_door_count: self.thermal.active_door_count,
            heat_returned_to_air: self.thermal.heat_returned_to_air,
            tank_count: self.thermal.tank_count,
            fluid_volume: self.thermal.fluid_volume,
            it_energy: self.energy.it_energy,
            facility_energy: self.energy.facility_energy,
            cooling_energy: self.energy.cooling_energy,
            liquid_heat: self.energy.liquid_heat,
            water: self.energy.water,
        }
    }
}

impl PhysicalOption {
    /// This result, its reasons moved out (left empty).
    fn take(&mut self) -> PhysicalOption {
        PhysicalOption {
            infeasible_reasons: std::mem::take(&mut self.infeasible_reasons),
            warnings: std::mem::take(&mut self.warnings),
            thermal: self.thermal.clone(),
            energy: self.energy.clone(),
            ..*self
        }
    }
}

/// What the cost engine reads of one option of one rack group, the whole group converted.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CostDrivers {
    pub option: CoolingOption,
    /// The option applies to the group.
    pub applies: bool,
    /// Feasible for the group alone.
    pub feasible: bool,
    /// CDU capacity attributed to the whole conversion: the hall's installed capacity × the
    /// group's liquid heat / the hall's (reported) liquid heat.
    pub cdu_capacity: Power,
    pub it_design: Power,
    pub heat_to_liquid: Power,
    pub heat_to_air: Power,
    /// Heat the rear doors take (to their water loop).
    pub heat_to_door: Power,
    /// Rear doors fitted, and how many of them are active doors.
    pub door_count: u64,
    pub active_door_count: u64,
    /// Heat liquid-to-air CDUs return to the room air (their liquid heat and fans).
    pub heat_returned_to_air: Power,
    pub tank_count: u64,
    pub fluid_volume: Volume,
    pub it_energy: Energy,
    pub facility_energy: Energy,
    /// Cooling-path part of `facility_energy`.
    pub cooling_energy: Energy,
    /// Heat carried away by liquid loops over the year.
    pub liquid_heat: Energy,
    pub water: Volume,
}

/// A rack group, hall or the site, for every option.
#[derive(Clone, Debug, PartialEq)]
pub struct PhysicalScope {
    pub name: String,
    pub options: PerOption<PhysicalOption>,
}

impl PhysicalScope {
    /// This scope, its name and reasons moved out (left empty): what a record priced in
    /// place gives its result.
    pub fn take(&mut self) -> PhysicalScope {
        PhysicalScope {
            name: std::mem::take(&mut self.name),
            options: self.options.each_mut().map(PhysicalOption::take),
        }
    }
}

/// Physical results of a whole site, with a `G` per rack group ([`GroupRecord`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Physical<G = PhysicalRack> {
    pub site: PhysicalScope,
    pub halls: Vec<PhysicalScope>,
    /// Every rack group's record, hall by hall ([`Records`]).
    pub racks: Records<G>,
    /// Each hall's plant: energy by part, design days, calibration.
    pub plant: Vec<crate::results::HallPlant>,
    /// Each hall's shared limits with today's use.
    pub limits: Vec<HallLimits>,
    /// The CDU sizes a hall may use per option (liquid-to-liquid: the pinned one, or every
    /// standard size; liquid-to-air: its unit) with their capacity in W, and the spare units
    /// per hall and option.
    pub cdus: cdu::CduChoices,
}

fn option_result(
    option: CoolingOption,
    sums: &Sums,
    verdict: Verdict,
    loop_supply_c: Option<f64>,
    cdu_count: u64,
    free_cooling_h: f64,
    grid_kg_per_wh: f64,
) -> PhysicalOption {
    PhysicalOption {
        option,
        applies: verdict.applies || option == CoolingOption::Air,
        feasible: verdict.infeasible.is_empty(),
        infeasible_reasons: verdict.infeasible,
        warnings: verdict.warnings,
        thermal: sums.thermal(loop_supply_c, cdu_count),
        energy: sums.energy(free_cooling_h, grid_kg_per_wh),
        cdu_capacity: Power::default(),
    }
}

/// Each option's technology-loop supply (℃): none on air; the room air + approach behind
/// liquid-to-air CDUs; `facility_loop_c` (facility supply + CDU approach) otherwise.
fn option_loops(facility_loop_c: Option<f64>, l2a: &l2a::L2aParams) -> PerOption<Option<f64>> {
    PerOption::from_fn(|o| {
        if o == CoolingOption::Air {
            None
        } else if o.liquid_to_room() {
            Some(l2a.loop_supply_c)
        } else {
            facility_loop_c
        }
    })
}

/// The options the physical pass evaluates: those the site offers (`offered`), and air.
pub fn evaluated(offered: &PerOption<bool>) -> PerOption<bool> {
    PerOption::from_fn(|o| o == CoolingOption::Air || offered[o])
}

/// Halls with at least this many rack groups are evaluated in parallel.
const PARALLEL_MIN_RACKS: usize = 256;

/// Evaluates every rack group, hall and the site, keeping each group's full results.
pub fn evaluate(
    site: &Site,
    catalog: &Catalog,
    assumptions: &Resolved,
    climate: &ClimateData,
) -> Physical {
    evaluate_with(site, catalog, assumptions, climate, true)
}

/// One rack group's scratch: reused from group to group (no allocation per group).
#[derive(Default)]
struct Scratch<'c> {
    load: load::RackLoad<'c>,
    full: PerOption<Sums>,
    /// The reported sums of a group converted in part (unused for a whole group).
    part: PerOption<Sums>,
    /// The group converts whole (retrofit share 1): its reported sums are `full`.
    whole: bool,
    verdicts: PerOption<Verdict>,
}

impl Scratch<'_> {
    /// The group's sums with its retrofit share applied ([`rack::reported`]).
    fn reported(&self) -> &PerOption<Sums> {
        if self.whole { &self.full } else { &self.part }
    }
    /// Sets the group's reported sums from its whole conversion and `share`.
    fn report(&mut self, share: f64, evaluated: &PerOption<bool>) {
        self.whole = rack::reports_whole(share);
        if !self.whole {
            rack::reported(&self.full, share, evaluated, &mut self.part);
        }
    }
}

/// Evaluates every rack group, hall and the site, keeping a `G` per rack group; rack
/// groups of large halls in parallel when `parallel`.
pub fn evaluate_with<'c, G: GroupRecord>(
    site: &Site,
    catalog: &'c Catalog,
    assumptions: &Resolved,
    climate: &ClimateData,
    parallel: bool,
) -> Physical<G> {
    let a = assumptions;
    let params = rack::Params::new(a);
    let grid_kg_per_wh = a
        .plant
        .grid_emission_factor
        .in_unit(EmissionFactorUnit::kg_per_kWh)
        / 1000.0;
    let cdu_choices = cdu::CduChoices::new(a);
    let models = load::Models::new(catalog);
    let unit_floor_m2_per_w = PerOption::from_fn(|o| {
        if o.liquid_to_room() {
            params.l2a.floor_m2_per_w()
        } else {
            0.0
        }
    });
    let approach_k = a.cooling.cdu_approach.in_unit(TempDiffUnit::K);
    let rack_area_m2 = params.rack_area_m2 + params.rack_service_m2;
    let design_point = climate.design_point(a.plant.design_margin.get());

    let mut racks = Records::with_halls(site.halls.len());
    let mut halls = Vec::with_capacity(site.halls.len());
    let mut plants = Vec::with_capacity(site.halls.len());
    let mut plant_results = Vec::with_capacity(site.halls.len());
    let mut bases: Vec<GroupEnergyBasis> = Vec::new();
    let mut hall_limits = Vec::with_capacity(site.halls.len());
    let mut hall_sums_all = Vec::with_capacity(site.halls.len());
    let mut site_sums: PerOption<Sums> = PerOption::default();
    let mut site_verdicts: PerOption<Verdict> = PerOption::default();
    let mut site_loop_c: Option<f64> = None;
    let offered = PerOption::from_fn(|o| site.offers(o.cooling()));
    let evaluated = evaluated(&offered);

    for (hall_index, hall) in site.halls.iter().enumerate() {
        let plant = HallPlant::new(hall, a, climate, design_point);
        let water = PerOption::from_fn(|o| {
            if o.needs_facility_water() {
                door::option_water_reasons(hall, a, o)
            } else if o.liquid_to_room() {
                l2a::loop_reasons(&params.l2a)
            } else {
                Vec::new()
            }
        });
        let doors = door::DoorParams::new(a, hall);
        let loop_c = Some(
            enabling::hall_water(hall, a)
                .water
                .supply_temp
                .in_unit(TemperatureUnit::degC)
                + approach_k,
        );
        let loops = option_loops(loop_c, &params.l2a);
        let free = |air: bool, liquid: bool| plant.climate.free_cooling_hours(air, liquid);
        let free_table = [
            [free(false, false), free(false, true)],
            [free(true, false), free(true, true)],
        ];
        let free_of = |s: &Sums| {
            // door heat rides the air plant's chilled water
            let on_air_plant = s.room_air_avg_w() + s.door_avg_w > 0.0;
            free_table[usize::from(on_air_plant)][usize::from(s.facility_liquid_avg_w() > 0.0)]
        };

        let context = rack::HallContext {
            hall,
            offered: &offered,
            evaluated: &evaluated,
            assumptions: a,
            params: &params,
            hours_h: plant.hours_h(),
            water: &water,
            doors: &doors,
        };
        // One rack group into the scratch (overwritten).
        let one_rack = |rack_model: &coolplan_model::Rack, w: &mut Scratch<'c>| {
            load::rack_load(rack_model, &models, &doors, &evaluated, &mut w.load);
            rack::rack_group(rack_model, &w.load, &context, &mut w.full, &mut w.verdicts);
            w.report(rack_model.share().clamp(0.0, 1.0), &evaluated);
        };
        // The record of the rack group in the scratch (its verdicts not yet set).
        let record = |(rack_index, rack_model): (usize, &coolplan_model::Rack), w: &Scratch<'c>| {
            G::record(&GroupInput {
                hall: hall_index,
                rack: rack_index,
                model: rack_model,
                load: &w.load,
                sums: &w.full,
                reported: w.reported(),
                loop_supply_c: &loops,
                free_cooling_h: w.reported().each_ref().map(free_of),
                grid_kg_per_wh,
            })
        };
        let mut hall_sums: PerOption<Sums> = PerOption::default();
        let mut hall_verdicts: PerOption<Verdict> = PerOption::default();
        let mut today: limits::PerLimit = Default::default();
        racks.start_hall(hall.racks.len());
        bases.clear();
        bases.reserve(hall.racks.len());
        // The group in the scratch into the hall's sums, verdicts and today's use; its record
        // takes its verdicts after this.
        let mut absorb = |w: &Scratch<'_>, rack_model: &coolplan_model::Rack| {
            bases.push(GroupEnergyBasis::of(&w.full, w.reported(), w.whole));
            for option in CoolingOption::ALL {
                // an option not evaluated reports zero sums: adding them changes nothing
                if evaluated[option] {
                    hall_sums[option].add(&w.reported()[option]);
                }
                let (hall_v, v) = (&mut hall_verdicts[option], &w.verdicts[option]);
                merge_reasons(&mut hall_v.infeasible, &v.infeasible);
                merge_reasons(&mut hall_v.warnings, &v.warnings);
                hall_v.applies |= v.applies;
            }
            let n = rack_model.count as f64;
            let today_w = n * w.load.stock_design_w;
            today[0] += today_w;
            today[1] += if w.load.stock_design_w > 0.0 {
                n * rack_area_m2
            } else {
                0.0
            };
            today[2] += today_w;
        };
        // Rack groups are independent: large halls may evaluate them in parallel, in
        // order; the sums run sequentially in rack order, so results are identical.
        if parallel && hall.racks.len() >= PARALLEL_MIN_RACKS {
            let groups: Vec<_> = hall
                .racks
                .par_iter()
                .enumerate()
                .map(|group| {
                    let mut w = Scratch::default();
                    one_rack(group.1, &mut w);
                    (record(group, &w), w)
                })
                .collect();
            for ((record, mut w), rack_model) in groups.into_iter().zip(&hall.racks) {
                absorb(&w, rack_model);
                racks.push(record).set_verdicts(&mut w.verdicts);
            }
        } else {
            // the record is made last, straight into its place (no copy through the pass)
            let mut w = Scratch::default();
            for group in hall.racks.iter().enumerate() {
                one_rack(group.1, &mut w);
                absorb(&w, group.1);
                racks.push(record(group, &w)).set_verdicts(&mut w.verdicts);
            }
        }
        let limits = HallLimits::new(hall, today);
        let mut hall_racks = racks.hall_mut(hall_index);
        let cdus = hall_cdus(&hall_racks, &hall_sums, &cdu_choices);
        let mut today_warnings = Vec::new();
        limits.today_over(&mut today_warnings);
        for option in CoolingOption::ALL.into_iter().filter(|o| evaluated[*o]) {
            let (sums, verdict) = (&mut hall_sums[option], &mut hall_verdicts[option]);
            sums.cdus = cdus[option].units as f64;
            sums.floor_area_m2 += cdus[option].installed_w * unit_floor_m2_per_w[option];
            let mut reasons = cdus[option].reasons.clone();
            limits.broken(&limits::uses(sums), params.air_rise_k, &mut reasons);
            // a limit a work may raise: the column pays for the work, a warning says so
            let mut works = Vec::new();
            reasons.retain(|r| match enabling::needed_work(hall, r, a) {
                Some(work) => {
                    works.push(work);
                    false
                }
                None => true,
            });
            merge_reasons(&mut verdict.warnings, &works);
            merge_reasons(&mut verdict.infeasible, &reasons);
            merge_reasons(&mut verdict.warnings, &today_warnings);
        }
        let installed_w = cdus.each_ref().map(|c| c.installed_w);
        let hall_liquid_w = hall_sums.each_ref().map(|s| s.liquid_design_w);
        for record in hall_racks.iter_mut() {
            record.set_cdu_capacity(&installed_w, &hall_liquid_w, &unit_floor_m2_per_w);
        }
        let mut hall_energy = price_energy(
            &plant,
            &mut hall_racks,
            &bases,
            &mut hall_sums,
            &evaluated,
            grid_kg_per_wh,
        );
        hall_energy.water_extension = enabling::WaterExtension::of(hall, a);
        air_and_headroom(
            &plant,
            &hall_sums,
            &limits,
            params.air_rise_k,
            &mut hall_energy,
        );
        plant_results.push(hall_energy);
        for option in CoolingOption::ALL {
            site_sums[option].add(&hall_sums[option]);
            let (site_v, hall_v) = (&mut site_verdicts[option], &hall_verdicts[option]);
            merge_reasons(&mut site_v.infeasible, &hall_v.infeasible);
            merge_reasons(&mut site_v.warnings, &hall_v.warnings);
            site_v.applies |= hall_v.applies;
        }
        let options = PerOption::from_fn(|o| {
            let mut result = option_result(
                o,
                &hall_sums[o],
                std::mem::take(&mut hall_verdicts[o]),
                loops[o],
                cdus[o].units,
                free_of(&hall_sums[o]),
                grid_kg_per_wh,
            );
            result.cdu_capacity = Power::new::<uom::si::power::watt>(cdus[o].installed_w);
            result
        });
        halls.push(PhysicalScope {
            name: hall.name.clone(),
            options,
        });
        site_loop_c = match (site_loop_c, loop_c) {
            (Some(x), Some(y)) => Some(x.max(y)),
            (x, y) => x.or(y),
        };
        plants.push(plant);
        hall_limits.push(limits);
        hall_sums_all.push(hall_sums);
    }

    let site_loops = option_loops(site_loop_c, &params.l2a);
    let site_options = PerOption::from_fn(|o| {
        let free_h = site_free_cooling_hours(climate, &plants, &hall_sums_all, o);
        let cdus = site_sums[o].cdus.round() as u64;
        let mut result = option_result(
            o,
            &site_sums[o],
            std::mem::take(&mut site_verdicts[o]),
            site_loops[o],
            cdus,
            free_h,
            grid_kg_per_wh,
        );
        result.cdu_capacity = halls.iter().map(|h| h.options[o].cdu_capacity).sum();
        result
    });
    Physical {
        site: PhysicalScope {
            name: site.name.clone(),
            options: site_options,
        },
        halls,
        racks,
        plant: plant_results,
        limits: hall_limits,
        cdus: cdu_choices,
    }
}
