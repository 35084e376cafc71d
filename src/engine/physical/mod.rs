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

pub mod energy;
pub mod equipment;
pub mod feasibility;
pub mod load;
pub mod rack;
pub mod sums;

use rayon::prelude::*;
use uom::si::f64::Power;

use super::climate::ClimateData;
use super::results::{CoolingOption, EnergyFigures, Reason, Thermal};
use crate::model::assumptions::{Provenance, Resolved};
use crate::model::{Catalog, Site};
use crate::units::{EmissionFactorUnit, PowerUnit, TempDiffUnit, TemperatureUnit};
use energy::HallPlant;
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

/// Physical results of a whole site.
#[derive(Clone, Debug, PartialEq)]
pub struct Physical {
    pub site: PhysicalScope,
    pub halls: Vec<PhysicalScope>,
    pub racks: Vec<PhysicalRack>,
    /// Air-path factor per hall reproducing its measured PUE (1 when none given).
    pub calibration: Vec<f64>,
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

/// Halls with at least this many rack groups are evaluated in parallel.
const PARALLEL_MIN_RACKS: usize = 256;

/// Evaluates every rack group, hall and the site.
pub fn evaluate(
    site: &Site,
    catalog: &Catalog,
    assumptions: &Resolved,
    climate: &ClimateData,
) -> Physical {
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

    let mut racks = Vec::with_capacity(site.rack_group_count());
    let mut halls = Vec::with_capacity(site.halls.len());
    let mut plants = Vec::with_capacity(site.halls.len());
    let mut hall_sums_all = Vec::with_capacity(site.halls.len());
    let mut site_sums = [Sums::default(); 3];
    let mut site_verdicts: [Verdict; 3] = Default::default();
    let mut site_loop_c: Option<f64> = None;

    for (hall_index, hall) in site.halls.iter().enumerate() {
        let plant = HallPlant::new(hall, a, climate);
        let water = CoolingOption::ALL.map(|o| match o {
            CoolingOption::Air => Vec::new(),
            _ => water_reasons(hall, a, o),
        });
        let loop_c = hall
            .facility_water
            .as_ref()
            .map(|w| w.supply_temp.in_unit(TemperatureUnit::degC) + approach_k);
        let free = |air: bool, liquid: bool| plant.free_cooling_hours(climate, air, liquid);
        let free_table = [
            [free(false, false), free(false, true)],
            [free(true, false), free(true, true)],
        ];
        let free_of = |s: &Sums| {
            free_table[usize::from(s.air_avg_w > 0.0)][usize::from(s.liquid_avg_w > 0.0)]
        };

        let first_rack = racks.len();
        // Rack groups are independent: evaluate them in parallel, in order; the sums below
        // run sequentially in rack order, so results are identical run to run.
        let one_rack = |(rack_index, rack_model): (usize, &crate::model::Rack)| {
            let load = load::rack_load(rack_model, catalog, fan_saving);
            let (sums, mut verdicts) =
                rack::rack_group(rack_model, &load, hall, a, &params, &plant, &water);
            // `cdu_share` holds the group's liquid design heat until the hall's count is known.
            let options = CoolingOption::ALL.map(|o| {
                let i = o.index();
                let s = &sums[i];
                let mut result = option_result(
                    o,
                    s,
                    std::mem::take(&mut verdicts[i]),
                    loop_c,
                    0,
                    free_of(s),
                    grid_kg_per_wh,
                );
                result.cdu_share = s.liquid_design_w;
                result
            });
            let rack = PhysicalRack {
                hall: hall_index,
                rack: rack_index,
                count: rack_model.count,
                per_rack_design: Power::new::<uom::si::power::watt>(load.options[0].it_design_w),
                power_provenance: if load.measured {
                    Provenance::Measured
                } else {
                    Provenance::Catalog
                },
                scope: PhysicalScope {
                    name: rack_model.name.clone(),
                    options,
                },
            };
            (rack, sums)
        };
        let (mut hall_racks, rack_sums): (Vec<PhysicalRack>, Vec<[Sums; 3]>) =
            if hall.racks.len() >= PARALLEL_MIN_RACKS {
                hall.racks.par_iter().enumerate().map(one_rack).unzip()
            } else {
                hall.racks.iter().enumerate().map(one_rack).unzip()
            };
        let mut hall_sums = [Sums::default(); 3];
        let mut hall_verdicts: [Verdict; 3] = Default::default();
        for (r, sums) in hall_racks.iter().zip(&rack_sums) {
            for i in 0..3 {
                hall_sums[i].add(&sums[i]);
                let o = &r.scope.options[i];
                merge_reasons(&mut hall_verdicts[i].infeasible, &o.infeasible_reasons);
                merge_reasons(&mut hall_verdicts[i].warnings, &o.warnings);
            }
        }
        racks.append(&mut hall_racks);
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
        for r in &mut racks[first_rack..] {
            for (i, o) in r.scope.options.iter_mut().enumerate() {
                let hall_liquid_w = hall_sums[i].liquid_design_w;
                o.cdu_share = if hall_liquid_w > 0.0 {
                    cdus[i] as f64 * o.cdu_share / hall_liquid_w
                } else {
                    0.0
                };
            }
        }
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
        calibration: plants.iter().map(|p| p.calibration).collect(),
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
                let chiller = (s.air_avg_w > 0.0 && plant.air_chiller_on[*b])
                    || (s.liquid_avg_w > 0.0 && plant.liquid_chiller_on[*b]);
                !chiller
            })
        })
        .map(|(_, bin)| bin.hours.get::<uom::si::time::hour>())
        .sum::<f64>()
        + 0.0 // an empty sum is −0.0; show it as 0
}
