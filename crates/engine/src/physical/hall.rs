//! A hall's steps after its rack groups: its CDUs under each option, the energy pass that
//! prices every group with the hall's plant, its air side and electrical headroom, and the
//! site's free-cooling hours over halls.
//!
//! Owns: the order of the energy pass (the hall's plant at its totals, then each group priced
//! with the state's coefficients, in rack order, so the groups sum to the hall exactly).

use uom::si::f64::Power;

use super::GroupRecord;
use super::air::AirSide;
use super::energy::{GroupLoads, HallLoads, HallPlant};
use super::headroom::Headroom;
use super::limits::HallLimits;
use super::record::{GroupEnergy, GroupEnergyBasis, PricedEnergy};
use super::records::HallMut;
use super::sums::Sums;
use crate::cdu;
use crate::climate::ClimateData;
use crate::per_option::PerOption;
use crate::results::Limit;
use crate::results::{self, CoolingOption, Reason};

/// The CDUs of one hall under one option when every group takes it (the "all …" columns).
#[derive(Clone, Debug, Default)]
pub struct OptionCdus {
    pub units: u64,
    pub installed_w: f64,
    /// A rack too hot for any unit the hall may use.
    pub reasons: Vec<Reason>,
}

/// CDUs of each liquid option of a hall whose groups all take it: size chosen, racks counted.
/// An option whose units and per-group liquid heat equal an earlier option's (cold plates
/// with or without a rear door) takes that option's choice, which is the same computation.
pub fn hall_cdus<G: GroupRecord>(
    racks: &HallMut<'_, G>,
    hall_sums: &PerOption<Sums>,
    choices: &cdu::CduChoices,
) -> PerOption<OptionCdus> {
    let mut chosen: Vec<(CoolingOption, usize, cdu::CduCount)> = Vec::new();
    PerOption::from_fn(|option| {
        if option == CoolingOption::Air || hall_sums[option].liquid_design_w <= 0.0 {
            return OptionCdus::default();
        }
        let cdu::CduSizing { sizes, redundancy } = choices.of(option);
        let redundancy = *redundancy;
        let same_as = |other: CoolingOption| {
            std::ptr::eq(choices.of(other), choices.of(option))
                && racks.iter().all(|r| {
                    let heat = |o: CoolingOption| r.drivers()[o].heat_to_liquid;
                    heat(other) == heat(option)
                })
        };
        let (i, counted) = match chosen.iter().find(|(other, ..)| same_as(*other)) {
            Some(&(_, i, counted)) => (i, counted),
            None => {
                let loads = racks.iter().map(|r| r.cdu_load(option));
                let (i, counted) = cdu::choose_size(sizes, redundancy, loads);
                chosen.push((option, i, counted));
                (i, counted)
            }
        };
        let capacity_w = sizes.get(i).map_or(0.0, |(_, c)| *c);
        let units = if counted.loaded_units > 0 {
            counted.loaded_units.saturating_add(u64::from(redundancy))
        } else {
            0
        };
        let mut reasons = Vec::new();
        if counted.unassigned_racks > 0 {
            let w = Power::new::<uom::si::power::watt>;
            reasons.push(Reason::CduTooSmall {
                per_rack: w(counted.largest_unassigned_w),
                capacity: w(capacity_w),
            });
        }
        OptionCdus {
            units,
            installed_w: units as f64 * capacity_w,
            reasons,
        }
    })
}

/// The hall's energy pass: its plant in the three option states of `hall_sums` (every group
/// on the option, retrofit share applied), then each of `racks` (with its `bases`, same order)
/// priced with the state's coefficients; the reported energy is added to `hall_sums`.
/// Options the pass does not evaluate (not `evaluated`) are not priced (their energy stays zero).
pub fn price_energy<G: GroupRecord>(
    plant: &HallPlant,
    racks: &mut HallMut<'_, G>,
    bases: &[GroupEnergyBasis],
    hall_sums: &mut PerOption<Sums>,
    evaluated: &PerOption<bool>,
    grid_kg_per_wh: f64,
) -> results::HallPlant {
    let states = PerOption::from_fn(|option| {
        let s = &hall_sums[option];
        HallLoads {
            it_avg_w: s.it_avg_w,
            air_avg_w: s.room_air_avg_w(),
            liquid_avg_w: s.facility_liquid_avg_w(),
            liquid_design_w: s.facility_liquid_design_w(),
            to_room_liquid_avg_w: s.to_room_liquid_avg_w,
            to_room_liquid_design_w: s.to_room_liquid_design_w,
            l2a_fan_avg_w: s.l2a_fan_avg_w,
            loop_pump_w_per_w: plant.params.pumps.option_loop_w_per_w(option),
            door_avg_w: s.door_avg_w,
            door_design_w: s.door_design_w,
            door_fan_avg_w: s.door_fan_avg_w,
        }
    });
    let design_it_w = hall_sums[CoolingOption::Air].it_design_w;
    let hall_energy = plant.energy(&states.0, design_it_w);
    for (record, basis) in racks.iter_mut().zip(bases) {
        for option in CoolingOption::ALL.into_iter().filter(|o| evaluated[*o]) {
            let coefficients = &hall_energy.coefficients[option.index()];
            let price = |loads: &GroupLoads| GroupEnergy {
                monthly_wh: coefficients.monthly_wh(loads),
                cooling_wh: coefficients.cooling_wh(loads),
                water_m3: coefficients.water_m3(loads),
            };
            let full = price(&basis.full[option]);
            let priced = PricedEnergy {
                full,
                // the same loads give the same bits
                reported: if basis.whole {
                    full
                } else {
                    price(&basis.reported[option])
                },
            };
            let reported = &priced.reported;
            let hall = &mut hall_sums[option];
            hall.add_energy(&reported.monthly_wh, reported.cooling_wh, reported.water_m3);
            record.set_energy(option, &priced, basis, grid_kg_per_wh);
        }
    }
    hall_energy.result
}

/// The hall's air side and electrical headroom under each option, from its priced sums:
/// heat and airflow on air against the air plant ([`AirSide`]); IT the feed of its IT
/// capacity carries at each option's PUE ([`Headroom`]). `plant` gives the IT capacity when
/// the file does not.
pub fn air_and_headroom(
    plant: &HallPlant,
    hall_sums: &PerOption<Sums>,
    limits: &HallLimits,
    air_rise_k: f64,
    result: &mut results::HallPlant,
) {
    let electrical = Limit::Electrical.index();
    let air_it_w = hall_sums[CoolingOption::Air].it_design_w;
    let given = limits.declared[electrical].is_some();
    let capacity_w = if given {
        limits.capacity[electrical]
    } else {
        plant.params.it_capacity_w(air_it_w)
    };
    let pue = |s: &Sums| {
        if s.it_energy_wh > 0.0 {
            s.facility_energy_wh() / s.it_energy_wh
        } else {
            0.0
        }
    };
    let pue_air = pue(&hall_sums[CoolingOption::Air]);
    let air_capacity_w = limits.capacity[Limit::AirCooling.index()];
    for option in CoolingOption::ALL {
        let (i, s) = (option.index(), &hall_sums[option]);
        result.air_side[i] = AirSide::new(s.room_air_design_w(), air_capacity_w, air_rise_k);
        result.electrical[i] = Headroom::new(
            capacity_w,
            given,
            pue_air,
            pue(s),
            s.it_design_w,
            s.fan_removed_w,
        );
    }
}

/// Hours in which no hall runs a chiller for the heat it has under option `i`.
pub fn site_free_cooling_hours(
    climate: &ClimateData,
    plants: &[HallPlant],
    hall_sums: &[PerOption<Sums>],
    i: CoolingOption,
) -> f64 {
    climate
        .bins
        .iter()
        .enumerate()
        .filter(|(b, _)| {
            plants.iter().zip(hall_sums).all(|(plant, sums)| {
                let s = &sums[i];
                let bin = &plant.climate.bins[*b];
                !plant.climate.chiller_on(
                    bin,
                    s.room_air_avg_w() + s.door_avg_w > 0.0,
                    s.facility_liquid_avg_w() > 0.0,
                )
            })
        })
        .map(|(_, bin)| bin.hours.get::<uom::si::time::hour>())
        .sum::<f64>()
        + 0.0 // an empty sum is −0.0; show it as 0
}
