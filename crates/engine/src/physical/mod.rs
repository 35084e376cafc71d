//! Physical evaluation: heat split, flows, equipment, feasibility, energy and PUE for every
//! rack group, hall and the site, for each cooling option. Costs are added by `engine::cost`.
//!
//! Owns: the thermal and energy arithmetic of `docs/method.md` §2–§6. Never touches: files,
//! money, the clock. Kernels ([`load`], [`rack`], [`energy`], [`equipment`]) work in SI-ish
//! f64 with unit-suffixed names; results leave as uom quantities.
//!
//! Aggregation: rack groups → halls → site by sums of extensive figures; PUE, TUE and
//! floor load (a maximum) are recomputed from the sums. CDUs are counted per hall
//! (`ceil(Q / capacity) + redundancy` over the hall's liquid heat); a rack group's
//! `Thermal::cdu_count` is 0 and its [`PhysicalOption::cdu_share`] is the hall's count × the
//! group's share of the hall's liquid design heat (shares of a hall sum to its count).
//!
//! What each rack group keeps is a [`GroupRecord`]: the full [`PhysicalRack`] (reports) or
//! the compact [`GroupPhysics`] (the live recompute); both see the same figures.
//!
//! Energy needs the hall's totals (its plant is non-linear, [`energy`]): each hall's groups
//! are evaluated first, keeping their loads ([`GroupEnergyBasis`]); then the hall's plant is
//! evaluated in the three option states and every group of the hall is priced with the
//! state's coefficients ([`GroupRecord::set_energy`]), in rack order.

pub mod energy;
pub mod equipment;
pub mod feasibility;
pub mod load;
pub mod rack;
pub mod sums;

use rayon::prelude::*;
use uom::si::f64::{Energy, Power, Volume};

use super::climate::ClimateData;
use super::results::{CoolingOption, EnergyFigures, Reason, Thermal};
use coolplan_model::assumptions::{Provenance, Resolved};
use coolplan_model::{Catalog, Site};
use coolplan_units::{EmissionFactorUnit, PowerUnit, TempDiffUnit, TemperatureUnit};
use energy::{GroupLoads, HallLoads, HallPlant};
use feasibility::{Verdict, hall_reasons, merge_reasons, water_reasons};
use sums::Sums;

/// Physical results of one option in one scope.
#[derive(Clone, Debug, PartialEq)]
pub struct PhysicalOption {
    pub option: CoolingOption,
    pub feasible: bool,
    pub infeasible_reasons: Vec<Reason>,
    pub warnings: Vec<Reason>,
    pub thermal: Thermal,
    pub energy: EnergyFigures,
    /// CDUs attributed to this scope: the whole count for halls and the site; for a rack
    /// group its share of the hall's count by liquid design heat (fractional).
    pub cdu_share: f64,
}

impl PhysicalOption {
    /// What the cost engine reads of this result.
    pub fn drivers(&self) -> CostDrivers {
        CostDrivers {
            option: self.option,
            feasible: self.feasible,
            cdu_share: self.cdu_share,
            it_design: self.thermal.it_design,
            heat_to_liquid: self.thermal.heat_to_liquid,
            heat_to_air: self.thermal.heat_to_air,
            tank_count: self.thermal.tank_count,
            fluid_volume: self.thermal.fluid_volume,
            it_energy: self.energy.it_energy,
            facility_energy: self.energy.facility_energy,
            water: self.energy.water,
        }
    }
}

/// What the cost engine reads of one option's physical result in one rack group (and what a
/// compact rack-group result shows of it).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CostDrivers {
    pub option: CoolingOption,
    pub feasible: bool,
    /// The group's share of its hall's CDUs ([`PhysicalOption::cdu_share`]).
    pub cdu_share: f64,
    pub it_design: Power,
    pub heat_to_liquid: Power,
    pub heat_to_air: Power,
    pub tank_count: u64,
    pub fluid_volume: Volume,
    pub it_energy: Energy,
    pub facility_energy: Energy,
    pub water: Volume,
}

/// A rack group, hall or the site, for all three options.
#[derive(Clone, Debug, PartialEq)]
pub struct PhysicalScope {
    pub name: String,
    pub options: [PhysicalOption; 3],
}

/// One rack group's physical results.
#[derive(Clone, Debug, PartialEq)]
pub struct PhysicalRack {
    pub hall: usize,
    pub rack: usize,
    pub count: u64,
    /// Design IT power of one rack on air.
    pub per_rack_design: Power,
    /// Where the rack's power came from: `Measured` (metered peak/average) or `Catalog`
    /// (nameplate × utilisation).
    pub power_provenance: Provenance,
    pub scope: PhysicalScope,
}

/// Physical results of a whole site, with a `G` per rack group ([`GroupRecord`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Physical<G = PhysicalRack> {
    pub site: PhysicalScope,
    pub halls: Vec<PhysicalScope>,
    pub racks: Vec<G>,
    /// Each hall's plant: energy by part, design days, calibration.
    pub plant: Vec<crate::results::HallPlant>,
}

/// What the hall's energy pass prices of a rack group, per option.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct GroupEnergyBasis {
    pub loads: [GroupLoads; 3],
    pub it_energy_wh: [f64; 3],
    pub compute_energy_wh: [f64; 3],
}

impl GroupEnergyBasis {
    fn of(sums: &[Sums; 3]) -> Self {
        let share_w = sums[0].it_design_w;
        GroupEnergyBasis {
            loads: sums.each_ref().map(|s| GroupLoads {
                share_w,
                it_avg_w: s.it_avg_w,
                air_avg_w: s.air_avg_w,
                liquid_avg_w: s.liquid_avg_w,
            }),
            it_energy_wh: sums.each_ref().map(|s| s.it_energy_wh),
            compute_energy_wh: sums.each_ref().map(|s| s.compute_energy_wh),
        }
    }
}

/// A rack group's facility energy (IT included) and tower water under one option.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct GroupEnergy {
    pub monthly_wh: [f64; 12],
    pub water_m3: f64,
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
        feasible: verdict.infeasible.is_empty(),
        infeasible_reasons: verdict.infeasible,
        warnings: verdict.warnings,
        thermal: sums.thermal(
            loop_supply_c.filter(|_| option != CoolingOption::Air),
            cdu_count,
        ),
        energy: sums.energy(free_cooling_h, grid_kg_per_wh),
        cdu_share: sums.cdus,
    }
}

/// One rack group's figures as the physical pass hands them to a [`GroupRecord`].
pub struct GroupInput<'a> {
    pub hall: usize,
    pub rack: usize,
    pub model: &'a coolplan_model::Rack,
    pub load: &'a load::RackLoad<'a>,
    pub sums: &'a [Sums; 3],
    /// Technology-loop supply of the hall (℃), when it has facility water.
    pub loop_supply_c: Option<f64>,
    /// Hours without a chiller for each option's heat.
    pub free_cooling_h: [f64; 3],
    pub grid_kg_per_wh: f64,
}

impl GroupInput<'_> {
    /// The group's physical result of `option`, without verdicts (feasible until
    /// [`GroupRecord::set_verdicts`]); `cdu_share` holds its liquid design heat (W) until
    /// the hall's count is known.
    pub fn option(&self, option: CoolingOption) -> PhysicalOption {
        let i = option.index();
        let mut result = option_result(
            option,
            &self.sums[i],
            Verdict::default(),
            self.loop_supply_c,
            0,
            self.free_cooling_h[i],
            self.grid_kg_per_wh,
        );
        result.cdu_share = self.sums[i].liquid_design_w;
        result
    }
    /// [`GroupInput::option`]'s cost drivers, straight from the sums (the same figures).
    pub fn drivers(&self, option: CoolingOption) -> CostDrivers {
        self.sums[option.index()].cost_drivers(option)
    }
    /// Design IT power of one rack on air.
    pub fn per_rack_design(&self) -> Power {
        Power::new::<uom::si::power::watt>(self.load.options[0].it_design_w)
    }
}

/// A rack group's CDU share: the hall's count × its share of the hall's liquid design heat.
pub fn cdu_share(hall_cdus: u64, group_liquid_w: f64, hall_liquid_w: f64) -> f64 {
    if hall_liquid_w > 0.0 {
        hall_cdus as f64 * group_liquid_w / hall_liquid_w
    } else {
        0.0
    }
}

/// Each option's `cdu_share`, which held the group's liquid design heat (W), becomes its
/// [`cdu_share`] of the hall's units.
fn rescale_cdu_shares<'a>(
    shares: impl Iterator<Item = &'a mut f64>,
    hall_cdus: &[u64; 3],
    hall_liquid_w: &[f64; 3],
) {
    for (i, share) in shares.enumerate() {
        *share = cdu_share(hall_cdus[i], *share, hall_liquid_w[i]);
    }
}

/// What the physical pass keeps of each rack group: the full [`PhysicalRack`] (reports,
/// [`crate::evaluate`]) or a compact record (the live recompute,
/// [`crate::recompute`]). Both see the same figures in the same order.
pub trait GroupRecord: Send + Sized {
    fn record(input: &GroupInput<'_>) -> Self;
    /// Index of the hall in the site and of the rack group in the hall.
    fn place(&self) -> (usize, usize);
    /// What the cost engine prices of each option.
    fn drivers(&self) -> [CostDrivers; 3];
    /// Takes the group's verdicts once its hall has merged them.
    /// (The record may take the reasons out; what it leaves is cleared and reused.)
    fn set_verdicts(&mut self, verdicts: &mut [Verdict; 3]);
    /// Sets the CDU share of each option from the hall's count and liquid design heat.
    fn set_cdu_shares(&mut self, hall_cdus: &[u64; 3], hall_liquid_w: &[f64; 3]);
    /// Takes the group's facility energy and water, priced by its hall's coefficients.
    fn set_energy(
        &mut self,
        energy: &[GroupEnergy; 3],
        basis: &GroupEnergyBasis,
        grid_kg_per_wh: f64,
    );
}

impl GroupRecord for PhysicalRack {
    fn record(input: &GroupInput<'_>) -> Self {
        PhysicalRack {
            hall: input.hall,
            rack: input.rack,
            count: input.model.count,
            per_rack_design: input.per_rack_design(),
            power_provenance: if input.load.measured {
                Provenance::Measured
            } else {
                Provenance::Catalog
            },
            scope: PhysicalScope {
                name: input.model.name.clone(),
                options: CoolingOption::ALL.map(|o| input.option(o)),
            },
        }
    }
    fn place(&self) -> (usize, usize) {
        (self.hall, self.rack)
    }
    fn drivers(&self) -> [CostDrivers; 3] {
        self.scope.options.each_ref().map(PhysicalOption::drivers)
    }
    fn set_verdicts(&mut self, verdicts: &mut [Verdict; 3]) {
        for (o, verdict) in self.scope.options.iter_mut().zip(verdicts) {
            o.feasible = verdict.infeasible.is_empty();
            o.infeasible_reasons = std::mem::take(&mut verdict.infeasible);
            o.warnings = std::mem::take(&mut verdict.warnings);
        }
    }
    fn set_cdu_shares(&mut self, hall_cdus: &[u64; 3], hall_liquid_w: &[f64; 3]) {
        let shares = self.scope.options.iter_mut().map(|o| &mut o.cdu_share);
        rescale_cdu_shares(shares, hall_cdus, hall_liquid_w);
    }
    fn set_energy(
        &mut self,
        energy: &[GroupEnergy; 3],
        basis: &GroupEnergyBasis,
        grid_kg_per_wh: f64,
    ) {
        for (i, o) in self.scope.options.iter_mut().enumerate() {
            o.energy = sums::energy_figures(
                &energy[i].monthly_wh,
                basis.it_energy_wh[i],
                basis.compute_energy_wh[i],
                energy[i].water_m3,
                o.energy.free_cooling_hours.get::<uom::si::time::hour>(),
                grid_kg_per_wh,
            );
        }
    }
}

/// A rack group's physical results without its name and reasons: what the live recompute
/// keeps while it prices the group ([`crate::recompute`]).
#[derive(Clone, Debug, PartialEq)]
pub struct GroupPhysics {
    pub hall: usize,
    pub rack: usize,
    pub count: u64,
    pub per_rack_design: Power,
    pub options: [CostDrivers; 3],
}

impl GroupRecord for GroupPhysics {
    fn record(input: &GroupInput<'_>) -> Self {
        GroupPhysics {
            hall: input.hall,
            rack: input.rack,
            count: input.model.count,
            per_rack_design: input.per_rack_design(),
            options: CoolingOption::ALL.map(|o| input.drivers(o)),
        }
    }
    fn place(&self) -> (usize, usize) {
        (self.hall, self.rack)
    }
    fn drivers(&self) -> [CostDrivers; 3] {
        self.options
    }
    fn set_verdicts(&mut self, verdicts: &mut [Verdict; 3]) {
        for (o, verdict) in self.options.iter_mut().zip(verdicts) {
            o.feasible = verdict.infeasible.is_empty();
        }
    }
    fn set_cdu_shares(&mut self, hall_cdus: &[u64; 3], hall_liquid_w: &[f64; 3]) {
        let shares = self.options.iter_mut().map(|o| &mut o.cdu_share);
        rescale_cdu_shares(shares, hall_cdus, hall_liquid_w);
    }
    fn set_energy(&mut self, energy: &[GroupEnergy; 3], _: &GroupEnergyBasis, _: f64) {
        for (o, e) in self.options.iter_mut().zip(energy) {
            o.facility_energy = uom::si::f64::Energy::new::<uom::si::energy::watt_hour>(
                sums::facility_wh(&e.monthly_wh),
            );
            o.water = Volume::new::<uom::si::volume::cubic_meter>(e.water_m3);
        }
    }
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
    let cdu_w = a.cooling.cdu_size.capacity().in_unit(PowerUnit::W);
    let approach_k = a.cooling.cdu_approach.in_unit(TempDiffUnit::K);
    let fan_saving = a.cooling.cold_plate_fan_saving;

    let design_point = climate.design_point(a.plant.design_margin.get());
    let mut racks = Vec::with_capacity(site.rack_group_count());
    let mut halls = Vec::with_capacity(site.halls.len());
    let mut plants = Vec::with_capacity(site.halls.len());
    let mut plant_results = Vec::with_capacity(site.halls.len());
    let mut bases: Vec<GroupEnergyBasis> = Vec::new();
    let mut hall_sums_all = Vec::with_capacity(site.halls.len());
    let mut site_sums = [Sums::default(); 3];
    let mut site_verdicts: [Verdict; 3] = Default::default();
    let mut site_loop_c: Option<f64> = None;

    for (hall_index, hall) in site.halls.iter().enumerate() {
        let plant = HallPlant::new(hall, a, climate, design_point);
        let water = CoolingOption::ALL.map(|o| match o {
            CoolingOption::Air => Vec::new(),
            _ => water_reasons(hall, a, o),
        });
        let loop_c = hall
            .facility_water
            .as_ref()
            .map(|w| w.supply_temp.in_unit(TemperatureUnit::degC) + approach_k);
        let free = |air: bool, liquid: bool| plant.climate.free_cooling_hours(air, liquid);
        let free_table = [
            [free(false, false), free(false, true)],
            [free(true, false), free(true, true)],
        ];
        let free_of = |s: &Sums| {
            free_table[usize::from(s.air_avg_w > 0.0)][usize::from(s.liquid_avg_w > 0.0)]
        };

        let context = rack::HallContext {
            hall,
            assumptions: a,
            params: &params,
            hours_h: plant.hours_h(),
            water: &water,
        };
        // One rack group into `sums` and `verdicts` (scratch: overwritten).
        let one_rack = |(rack_index, rack_model): (usize, &coolplan_model::Rack),
                        load: &mut load::RackLoad<'c>,
                        sums: &mut [Sums; 3],
                        verdicts: &mut [Verdict; 3]| {
            load::rack_load(rack_model, catalog, fan_saving, load);
            rack::rack_group(rack_model, load, &context, sums, verdicts);
            G::record(&GroupInput {
                hall: hall_index,
                rack: rack_index,
                model: rack_model,
                load,
                sums,
                loop_supply_c: loop_c,
                free_cooling_h: sums.each_ref().map(free_of),
                grid_kg_per_wh,
            })
        };
        let mut hall_sums = [Sums::default(); 3];
        let mut hall_verdicts: [Verdict; 3] = Default::default();
        let first_rack = racks.len();
        bases.clear();
        bases.reserve(hall.racks.len());
        let mut absorb = |mut record: G, sums: &[Sums; 3], verdicts: &mut [Verdict; 3]| {
            bases.push(GroupEnergyBasis::of(sums));
            for i in 0..3 {
                hall_sums[i].add(&sums[i]);
                merge_reasons(&mut hall_verdicts[i].infeasible, &verdicts[i].infeasible);
                merge_reasons(&mut hall_verdicts[i].warnings, &verdicts[i].warnings);
            }
            record.set_verdicts(verdicts);
            racks.push(record);
        };
        // Rack groups are independent: large halls may evaluate them in parallel, in
        // order; the sums run sequentially in rack order, so results are identical.
        if parallel && hall.racks.len() >= PARALLEL_MIN_RACKS {
            let groups: Vec<_> = hall
                .racks
                .par_iter()
                .enumerate()
                .map(|group| {
                    let mut load = load::RackLoad::default();
                    let mut sums = [Sums::default(); 3];
                    let mut verdicts: [Verdict; 3] = Default::default();
                    let record = one_rack(group, &mut load, &mut sums, &mut verdicts);
                    (record, sums, verdicts)
                })
                .collect();
            for (record, sums, mut verdicts) in groups {
                absorb(record, &sums, &mut verdicts);
            }
        } else {
            let mut load = load::RackLoad::default();
            let mut sums = [Sums::default(); 3];
            let mut verdicts: [Verdict; 3] = Default::default();
            for group in hall.racks.iter().enumerate() {
                let record = one_rack(group, &mut load, &mut sums, &mut verdicts);
                absorb(record, &sums, &mut verdicts);
            }
        }
        let cdus = CoolingOption::ALL.map(|o| match o {
            CoolingOption::Air => 0,
            _ => equipment::cdu_count(
                hall_sums[o.index()].liquid_design_w,
                cdu_w,
                a.cooling.cdu_redundancy,
            ),
        });
        for option in CoolingOption::ALL {
            let i = option.index();
            hall_sums[i].cdus = cdus[i] as f64;
            let reasons = hall_reasons(
                option,
                hall,
                hall_sums[i].air_design_w,
                hall_sums[i].floor_area_m2,
            );
            merge_reasons(&mut hall_verdicts[i].infeasible, &reasons);
        }
        let hall_liquid_w = hall_sums.each_ref().map(|s| s.liquid_design_w);
        // The hall's plant at its totals, then each group priced with its coefficients.
        let states = hall_sums.each_ref().map(|s| HallLoads {
            it_avg_w: s.it_avg_w,
            air_avg_w: s.air_avg_w,
            liquid_avg_w: s.liquid_avg_w,
            liquid_design_w: s.liquid_design_w,
        });
        let hall_energy = plant.energy(&states, hall_sums[0].it_design_w);
        for (record, basis) in racks[first_rack..].iter_mut().zip(&bases) {
            record.set_cdu_shares(&cdus, &hall_liquid_w);
            let energy = std::array::from_fn(|i| {
                let coefficients = &hall_energy.coefficients[i];
                let priced = GroupEnergy {
                    monthly_wh: coefficients.monthly_wh(&basis.loads[i]),
                    water_m3: coefficients.water_m3(&basis.loads[i]),
                };
                hall_sums[i].add_energy(&priced.monthly_wh, priced.water_m3);
                priced
            });
            record.set_energy(&energy, basis, grid_kg_per_wh);
        }
        plant_results.push(hall_energy.result);
        for i in 0..3 {
            site_sums[i].add(&hall_sums[i]);
            merge_reasons(
                &mut site_verdicts[i].infeasible,
                &hall_verdicts[i].infeasible,
            );
            merge_reasons(&mut site_verdicts[i].warnings, &hall_verdicts[i].warnings);
        }
        let options = CoolingOption::ALL.map(|o| {
            let i = o.index();
            option_result(
                o,
                &hall_sums[i],
                std::mem::take(&mut hall_verdicts[i]),
                loop_c,
                cdus[i],
                free_of(&hall_sums[i]),
                grid_kg_per_wh,
            )
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
        hall_sums_all.push(hall_sums);
    }

    let site_options = CoolingOption::ALL.map(|o| {
        let i = o.index();
        let free_h = site_free_cooling_hours(climate, &plants, &hall_sums_all, i);
        let cdus = site_sums[i].cdus.round() as u64;
        option_result(
            o,
            &site_sums[i],
            std::mem::take(&mut site_verdicts[i]),
            site_loop_c,
            cdus,
            free_h,
            grid_kg_per_wh,
        )
    });
    Physical {
        site: PhysicalScope {
            name: site.name.clone(),
            options: site_options,
        },
        halls,
        racks,
        plant: plant_results,
    }
}

/// Hours in which no hall runs a chiller for the heat it has under option `i`.
fn site_free_cooling_hours(
    climate: &ClimateData,
    plants: &[HallPlant],
    hall_sums: &[[Sums; 3]],
    i: usize,
) -> f64 {
    climate
        .bins
        .iter()
        .enumerate()
        .filter(|(b, _)| {
            plants.iter().zip(hall_sums).all(|(plant, sums)| {
                let s = &sums[i];
                let bin = &plant.climate.bins[*b];
                !plant
                    .climate
                    .chiller_on(bin, s.air_avg_w > 0.0, s.liquid_avg_w > 0.0)
            })
        })
        .map(|(_, bin)| bin.hours.get::<uom::si::time::hour>())
        .sum::<f64>()
        + 0.0 // an empty sum is −0.0; show it as 0
}
