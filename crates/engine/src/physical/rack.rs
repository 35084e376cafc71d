//! One rack group under each option: sums over its `count` racks and its verdicts.
//!
//! Two sums per option: the whole group converted (what the cost engine prices before it
//! blends in the retrofit share) and the reported figures, with `retrofit_share` s applied as
//! in costs: s of the group on the option and 1 − s on air (energy, heat, PUE, counts; see
//! [`Sums::blended`]). New servers (`Status::New`) are included: physical results are the
//! steady state with every server present (the cost engine prorates energy by arrival year).
//! A rack-scale system (GB200 NVL72) carries its own manifolds, so cold plate adds no manifold
//! mass to it. A rear door's mass hangs on the rack (its floor load); its depth comes out of
//! the rear aisle, not the floor area.

use super::equipment::{LoopFluid, floor_load_kg_per_m2, tank_count};
use super::feasibility::{Verdict, applies, rack_verdict, rule_verdict};
use super::load::RackLoad;
use super::sums::Sums;
use crate::per_option::PerOption;
use crate::results::{CoolingOption, Reason, ServerCooling};
use coolplan_model::assumptions::Resolved;
use coolplan_model::{Hall, Rack};
use coolplan_units::{
    AreaUnit, DensityUnit, LengthUnit, MassUnit, PowerUnit, TempDiffUnit, VolumeUnit,
};

/// Cooling figures unwrapped to SI-ish f64 once per evaluation.
#[derive(Clone, Copy, Debug)]
pub struct Params {
    pub loop_delta_t_k: f64,
    /// Cold plates' coolant and the immersion fluid over `loop_delta_t_k`.
    pub coolant: LoopFluid,
    pub immersion_fluid: LoopFluid,
    /// Servers' air temperature rise (`cooling.air_delta_t`), K.
    pub air_rise_k: f64,
    pub tank_slots_u: f64,
    pub tank_w: f64,
    pub tank_fluid_m3: f64,
    pub tank_empty_kg: f64,
    pub tank_area_m2: f64,
    pub tank_service_m2: f64,
    pub rack_area_m2: f64,
    pub rack_service_m2: f64,
    pub rack_empty_kg: f64,
    pub manifold_kg: f64,
    /// Liquid-to-air CDUs.
    pub l2a: super::l2a::L2aParams,
}

impl Params {
    pub fn new(a: &Resolved) -> Params {
        let c = &a.cooling;
        let loop_delta_t_k = c.loop_delta_t.in_unit(TempDiffUnit::K);
        Params {
            loop_delta_t_k,
            coolant: LoopFluid::new(&c.coolant, loop_delta_t_k),
            immersion_fluid: LoopFluid::new(&c.immersion_fluid, loop_delta_t_k),
            air_rise_k: c.air_delta_t.in_unit(TempDiffUnit::K),
            tank_slots_u: c.tank_slots.in_unit(LengthUnit::U),
            tank_w: c.tank_capacity.in_unit(PowerUnit::W),
            tank_fluid_m3: c.tank_fluid_volume.in_unit(VolumeUnit::m3),
            tank_empty_kg: c.tank_empty_mass.in_unit(MassUnit::kg),
            tank_area_m2: c.tank_footprint.in_unit(AreaUnit::m2),
            tank_service_m2: c.tank_service_area.in_unit(AreaUnit::m2),
            rack_area_m2: c.rack_footprint.in_unit(AreaUnit::m2),
            rack_service_m2: c.rack_service_area.in_unit(AreaUnit::m2),
            rack_empty_kg: c.rack_empty_mass.in_unit(MassUnit::kg),
            manifold_kg: c.cold_plate_rack_mass.in_unit(MassUnit::kg),
            l2a: super::l2a::L2aParams::new(a),
        }
    }
}

/// What every rack group of one hall is evaluated against.
pub struct HallContext<'a> {
    pub hall: &'a Hall,
    pub assumptions: &'a Resolved,
    pub params: &'a Params,
    /// Hours the climate covers.
    pub hours_h: f64,
    /// The hall's reasons per option for the water (or air) its liquid loop rejects to.
    pub water: &'a PerOption<Vec<Reason>>,
    /// The hall's rear doors.
    pub doors: &'a super::door::DoorParams,
    /// Whether the site offers each option.
    pub offered: &'a PerOption<bool>,
    /// The options the pass evaluates ([`super::evaluated`]): the others keep zero sums and
    /// their one reason, [`Reason::NotOffered`].
    pub evaluated: &'a PerOption<bool>,
}

/// Sums of the whole group converted, and verdicts, of a rack group for every option, into
/// `sums` and `verdicts` (overwritten; the verdicts keep their buffers). An option the pass
/// does not evaluate keeps zero sums and the verdict of an option the site does not offer.
pub fn rack_group(
    rack: &Rack,
    load: &RackLoad<'_>,
    ctx: &HallContext<'_>,
    sums: &mut PerOption<Sums>,
    verdicts: &mut PerOption<Verdict>,
) {
    let HallContext {
        hall,
        assumptions: a,
        params: p,
        hours_h,
        water,
        doors,
        offered,
        evaluated,
    } = *ctx;
    let n = rack.count as f64;
    let immersion_rho = p.immersion_fluid.density.in_unit(DensityUnit::kg_per_m3);
    let cabinet_kg = if load.rack_scale {
        0.0
    } else {
        p.rack_empty_kg
    };
    for option in CoolingOption::ALL {
        let i = option.index();
        // reset option by option: short stores (all seven at once is one 2.4 kB string store)
        sums[i] = Sums::default();
        if !evaluated[i] {
            rule_verdict(option, rack, false, &mut verdicts[i]);
            continue;
        }
        let per = &load.options[i];
        let s = &mut sums[i];
        s.it_design_w = n * per.it_design_w;
        s.it_avg_w = n * per.it_avg_w;
        s.fan_removed_w = n * per.fan_removed_design_w;
        s.compute_design_w = n * load.compute_design_w;
        s.liquid_design_w = n * per.liquid_design_w;
        s.air_design_w = n * per.air_design_w;
        s.liquid_avg_w = n * per.liquid_avg_w;
        s.air_avg_w = n * per.air_avg_w;
        s.door_design_w = n * per.door_design_w;
        s.door_avg_w = n * per.door_avg_w;
        let door = option.door().map(|d| {
            if per.door_active {
                crate::option::Door::Active
            } else {
                d
            }
        });
        if let Some(door) = door {
            s.doors = rack.count;
            if per.door_active {
                s.active_doors = rack.count;
            }
            s.door_fan_avg_w = doors.kind(door).fan_share * s.door_avg_w;
        }
        let door_kg = door.map_or(0.0, |d| doors.kind(d).mass_kg);
        let servers = option.servers();
        match servers {
            ServerCooling::Air | ServerCooling::ColdPlate => {
                // a rack-scale system's mass includes its manifolds
                let manifold_kg = if servers == ServerCooling::ColdPlate && !load.rack_scale {
                    p.manifold_kg
                } else {
                    0.0
                };
                s.floor_load_kg_per_m2 = floor_load_kg_per_m2(
                    cabinet_kg + load.server_mass_kg + manifold_kg + door_kg,
                    p.rack_area_m2,
                );
                s.floor_area_m2 = n * (p.rack_area_m2 + p.rack_service_m2);
            }
            ServerCooling::Immersion => {
                s.tanks = tank_count(n * load.height_u, p.tank_slots_u, s.it_design_w, p.tank_w);
                let tanks = s.tanks as f64;
                s.fluid_m3 = tanks * p.tank_fluid_m3;
                s.fluid_kg = s.fluid_m3 * immersion_rho;
                s.floor_area_m2 = tanks * (p.tank_area_m2 + p.tank_service_m2);
                if s.tanks > 0 {
                    let tank_kg = p.tank_empty_kg
                        + p.tank_fluid_m3 * immersion_rho
                        + n * load.server_mass_kg / tanks;
                    s.floor_load_kg_per_m2 = floor_load_kg_per_m2(tank_kg, p.tank_area_m2);
                }
            }
        }
        s.flow_m3_per_s = match servers {
            ServerCooling::Air => 0.0,
            ServerCooling::ColdPlate => p.coolant.flow_m3_per_s(s.liquid_design_w),
            ServerCooling::Immersion => p.immersion_fluid.flow_m3_per_s(s.liquid_design_w),
        };
        s.air_flow_m3_per_s = super::air::airflow_m3_per_s(s.air_design_w, p.air_rise_k);
        if option.liquid_to_room() {
            super::l2a::return_to_room(s, &p.l2a, p.air_rise_k);
        }
        if servers == ServerCooling::ColdPlate {
            s.kits = load.stock_kit_servers.saturating_mul(rack.count);
        }
        // Facility energy, cooling energy and water need the hall's totals: set by the
        // hall's energy pass.
        s.it_energy_wh = s.it_avg_w * hours_h;
        s.compute_energy_wh = n * load.compute_avg_w * hours_h;
        s.liquid_heat_wh = s.facility_liquid_avg_w() * hours_h;
        rack_verdict(
            option,
            load,
            per.air_design_w,
            s.floor_load_kg_per_m2,
            hall,
            a,
            &water[i],
            &mut verdicts[i],
        );
        if option.liquid_to_room()
            && let Some(reason) = super::l2a::rack_reason(per.liquid_design_w, &p.l2a)
        {
            verdicts[i].infeasible.push(reason);
        }
        rule_verdict(option, rack, offered[i], &mut verdicts[i]);
        verdicts[i].applies = applies(option, load, &verdicts[i]);
    }
}

/// Whether a group converted by `share` reports its whole conversion (same bits):
/// [`reported`] copies `full` then, and callers read `full` instead.
pub fn reports_whole(share: f64) -> bool {
    share == 1.0
}

/// The reported sums of a group converted in part: `share` of `full` plus `1 − share` of
/// `air` ([`Sums::blended`]); the whole conversion itself when `share` is 1 (same bits,
/// [`reports_whole`]). Options the pass does not evaluate stay zero.
pub fn reported(
    full: &PerOption<Sums>,
    share: f64,
    evaluated: &PerOption<bool>,
    out: &mut PerOption<Sums>,
) {
    let air = &full[CoolingOption::Air];
    for (option, (out, full)) in CoolingOption::ALL
        .into_iter()
        .zip(out.iter_mut().zip(full.iter()))
    {
        *out = if !evaluated[option] {
            Sums::default()
        } else if option == CoolingOption::Air || reports_whole(share) {
            *full
        } else {
            Sums::blended(full, air, share)
        };
    }
}
