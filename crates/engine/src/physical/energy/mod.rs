//! Facility energy per hall (`docs/method.md` §7): the hall's plant evaluated exactly at its
//! load totals, then each rack group priced linearly with the hall's coefficients.
//!
//! - [`HallPlant::new`] resolves the hall's plant ([`params`]) and what every climate bin means
//!   for it ([`bins`]): economiser shares, compressor COPs from lift ([`chiller`]), the dry
//!   cooler's trim share, the design day. Independent of load.
//! - [`HallPlant::state`] evaluates one load state ([`HallLoads`]: IT, heat to air, heat to
//!   liquid, liquid design heat) part by part, month by month ([`state`]); non-linear.
//! - [`HallPlant::calibration`] splits a measured PUE's excess ([`calibrate`]).
//! - [`HallPlant::coefficients`] turns a state into the hall's pricing coefficients
//!   ([`Coefficients`]): `E_g,m = F_m·s_g + P_g·k_it,m + Qa_g·k_air,m + Ql_g·k_liq,m`, `s_g` the
//!   group's share of the hall's design IT on air. The groups of a hall sum to the hall exactly.
//! - [`HallPlant::energy`] does all of it for the three option states of a hall.
//!
//! Any option state (a plan, a new cooling option) is priced the same way: sum its hall
//! loads, call [`HallPlant::state`] and [`HallPlant::coefficients`] with the hall's factors.

pub mod bins;
pub mod calibrate;
pub mod chiller;
pub mod params;
pub mod pumps;
pub mod state;

use crate::per_option::OPTION_COUNT;
use uom::si::energy::watt_hour;
use uom::si::f64::{Energy, Power, ThermodynamicTemperature, Time};
use uom::si::power::watt;
use uom::si::thermodynamic_temperature::degree_celsius;

use crate::results::{self, Calibration, DesignDay, PlantEnergy};
use bins::ClimatePlant;
pub use calibrate::Factors;
use coolplan_climate::{ClimateData, DesignPoint};
use coolplan_model::Hall;
use coolplan_model::assumptions::Resolved;
use params::PlantParams;
pub use state::{Class, HallLoads, PARTS, Part, StateEnergy};

/// One hall's plant over one climate, ready to evaluate load states.
#[derive(Clone, Debug, PartialEq)]
pub struct HallPlant {
    pub params: PlantParams,
    pub climate: ClimatePlant,
}

/// A hall's pricing coefficients in one option state (h = kWh per kW; fixed in Wh).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Coefficients {
    /// The existing plant's fixed energy per month, Wh, allocated by design IT share.
    pub fixed_wh: [f64; 12],
    /// Hours per month plus IT-driven losses per W of IT.
    pub it_h: [f64; 12],
    /// Air-plant energy per W of heat to air.
    pub air_h: [f64; 12],
    /// Liquid-path energy per W of heat to liquid.
    pub liquid_h: [f64; 12],
    /// Energy per W of heat to rear doors: their share of the air plant's cooling (no room
    /// fans) and their own pumps and fans.
    pub door_h: [f64; 12],
    /// Σ design IT on air of the hall's groups, W (a group's fixed share is its own / this).
    pub share_basis_w: f64,
    /// Tower water per W of average IT, m³.
    pub water_m3_per_it_w: f64,
    /// The cooling parts' share of the above, annual ([`Part::is_cooling`]): fixed Wh, and
    /// Wh per W of IT, of heat to air and of heat to liquid.
    pub cooling_fixed_wh: f64,
    pub cooling_it_h: f64,
    pub cooling_air_h: f64,
    pub cooling_liquid_h: f64,
    pub cooling_door_h: f64,
}

/// What a rack group brings to one option state, W.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct GroupLoads {
    /// Design IT on air (the share of the hall's fixed energy).
    pub share_w: f64,
    pub it_avg_w: f64,
    pub air_avg_w: f64,
    pub liquid_avg_w: f64,
    pub door_avg_w: f64,
}

impl Coefficients {
    /// Monthly facility energy (IT included) of a group, Wh.
    pub fn monthly_wh(&self, g: &GroupLoads) -> [f64; 12] {
        let share = self.share(g);
        std::array::from_fn(|m| {
            self.fixed_wh[m] * share
                + g.it_avg_w * self.it_h[m]
                + g.air_avg_w * self.air_h[m]
                + g.liquid_avg_w * self.liquid_h[m]
                + g.door_avg_w * self.door_h[m]
        })
    }
    /// Tower water of a group, m³.
    pub fn water_m3(&self, g: &GroupLoads) -> f64 {
        g.it_avg_w * self.water_m3_per_it_w
    }
    /// Annual cooling-path energy of a group (part of [`Coefficients::monthly_wh`]), Wh.
    pub fn cooling_wh(&self, g: &GroupLoads) -> f64 {
        self.cooling_fixed_wh * self.share(g)
            + g.it_avg_w * self.cooling_it_h
            + g.air_avg_w * self.cooling_air_h
            + g.liquid_avg_w * self.cooling_liquid_h
            + g.door_avg_w * self.cooling_door_h
    }
    /// The group's share of the hall's fixed energy.
    fn share(&self, g: &GroupLoads) -> f64 {
        if self.share_basis_w > 0.0 {
            g.share_w / self.share_basis_w
        } else {
            0.0
        }
    }
}

/// The three option states of a hall: coefficients and the plant's results.
#[derive(Clone, Debug, PartialEq)]
pub struct HallEnergy {
    pub coefficients: [Coefficients; OPTION_COUNT],
    pub result: results::HallPlant,
}

impl HallPlant {
    /// The plant of `hall` under `climate`; `design` is the climate's design point.
    pub fn new(
        hall: &Hall,
        a: &Resolved,
        climate: &ClimateData,
        design: Option<DesignPoint>,
    ) -> Self {
        let params = PlantParams::new(hall, a);
        let climate = ClimatePlant::new(&params, climate, design);
        HallPlant { params, climate }
    }

    /// Hours the climate covers.
    pub fn hours_h(&self) -> f64 {
        self.climate.hours_h
    }

    /// Every part's energy in state `loads`; `design_it_w` is the hall's design IT on air.
    pub fn state(&self, loads: &HallLoads, design_it_w: f64) -> StateEnergy {
        let it_capacity_w = self.params.it_capacity_w(design_it_w);
        state::evaluate(&self.params, &self.climate, loads, it_capacity_w)
    }

    /// Factors (and the report) reproducing the hall's measured PUE from its all-air state.
    pub fn calibration(
        &self,
        air: &StateEnergy,
        air_loads: &HallLoads,
    ) -> Option<(Factors, Calibration)> {
        let measured = self.params.measured_pue?;
        let it_wh = air_loads.it_avg_w * self.climate.hours_h;
        calibrate::calibrate(self.params.split, measured, air, it_wh)
    }

    /// The pricing coefficients of state `energy` (of loads `loads`) with `factors`.
    pub fn coefficients(
        &self,
        energy: &StateEnergy,
        loads: &HallLoads,
        factors: Factors,
        share_basis_w: f64,
    ) -> Coefficients {
        let per = |total: f64, w: f64| if w > 0.0 { total / w } else { 0.0 };
        // Liquid tapped into chilled water and the doors' heat take their shares of the air
        // plant's load-driven energy.
        let coil_w = energy.coil_air_w + energy.coil_liquid_w + energy.coil_door_w;
        let tapped_share = per(energy.coil_liquid_w, coil_w);
        let door_share = per(energy.coil_door_w, coil_w);
        let air_share = 1.0 - tapped_share - door_share;
        let mut c = Coefficients {
            share_basis_w,
            water_m3_per_it_w: per(energy.water_m3, loads.it_avg_w),
            ..Coefficients::default()
        };
        // A group's liquid heat: onto facility water, or returned to the room by liquid-to-air
        // CDUs (whose technology-loop pumps and fans are liquid-path energy).
        let all_liquid_w = loads.liquid_avg_w + loads.to_room_liquid_avg_w;
        // Annual cooling-path energy by class: fixed, IT, air plant, liquid, door.
        let mut cooling = [0.0; 5];
        for (m, month) in energy.monthly_wh.iter().enumerate() {
            let mut class_wh = [0.0; 5];
            for part in Part::ALL {
                let class = part.class();
                let wh = month[part as usize] * factors.of(class);
                class_wh[class as usize] += wh;
                if part.is_cooling() {
                    cooling[class as usize] += wh;
                }
            }
            let [fixed, it, air_plant, liquid, door] = class_wh;
            let air = air_plant * air_share;
            let liquid = liquid + air_plant * tapped_share;
            c.door_h[m] = per(door + air_plant * door_share, loads.door_avg_w);
            c.fixed_wh[m] = fixed;
            c.it_h[m] = self.climate.month_hours_h[m] + per(it, loads.it_avg_w);
            if loads.air_avg_w > 0.0 {
                c.air_h[m] = air / loads.air_avg_w;
            } else {
                // No heat on air (immersion): the air plant still removes losses and lighting.
                c.it_h[m] += per(air, loads.it_avg_w);
            }
            c.liquid_h[m] = per(liquid, all_liquid_w);
        }
        // The same split for the cooling parts, over the year.
        let [fixed, it, air_plant, liquid, door] = cooling;
        let air = air_plant * air_share;
        c.cooling_door_h = per(door + air_plant * door_share, loads.door_avg_w);
        c.cooling_fixed_wh = fixed;
        c.cooling_it_h = per(it, loads.it_avg_w);
        if loads.air_avg_w > 0.0 {
            c.cooling_air_h = air / loads.air_avg_w;
        } else {
            c.cooling_it_h += per(air, loads.it_avg_w);
        }
        c.cooling_liquid_h = per(liquid + air_plant * tapped_share, all_liquid_w);
        c
    }

    /// The hall's three option states: coefficients, energy by part, design days, calibration.
    /// `design_it_w`: Σ design IT on air of the hall's groups.
    pub fn energy(&self, states: &[HallLoads; OPTION_COUNT], design_it_w: f64) -> HallEnergy {
        let evaluated = states.each_ref().map(|s| self.state(s, design_it_w));
        let calibration = self.calibration(&evaluated[0], &states[0]);
        let factors = calibration.map_or(Factors::NONE, |(f, _)| f);
        let coefficients = std::array::from_fn(|i| {
            self.coefficients(&evaluated[i], &states[i], factors, design_it_w)
        });
        let has_load = design_it_w > 0.0;
        HallEnergy {
            coefficients,
            result: results::HallPlant {
                calibration: calibration.map(|(_, c)| c),
                energy: std::array::from_fn(|i| {
                    if has_load {
                        plant_energy(&evaluated[i], factors)
                    } else {
                        PlantEnergy::default()
                    }
                }),
                design_day: std::array::from_fn(|i| self.design_day(&evaluated[i], &states[i])),
                ..results::HallPlant::default()
            },
        }
    }

    /// The liquid path's design day in a state with liquid heat on a dry cooler.
    fn design_day(&self, energy: &StateEnergy, loads: &HallLoads) -> Option<DesignDay> {
        let d = self.climate.design.filter(|_| loads.liquid_avg_w > 0.0)?;
        let celsius = ThermodynamicTemperature::new::<degree_celsius>;
        let holds = d.trim_share <= 0.0;
        Some(DesignDay {
            dry_bulb: celsius(d.dry_bulb_c),
            wet_bulb: celsius(d.wet_bulb_c),
            cooler_leaving: celsius(d.cooler_leaving_c),
            supply: celsius(d.supply_c),
            holds_supply: holds,
            trim_capacity: Power::new::<watt>(energy.trim_capacity_w),
            trim_cop: (!holds).then_some(d.trim_cop),
            trim_hours: Time::new::<uom::si::time::hour>(self.climate.trim_hours_h),
            trim_energy: Energy::new::<watt_hour>(energy.annual_wh(Part::TrimChiller)),
        })
    }
}

/// Energy by part of a state after calibration.
fn plant_energy(energy: &StateEnergy, factors: Factors) -> PlantEnergy {
    let of = |part: Part| energy.annual_wh(part) * factors.of(part.class());
    let wh = |parts: &[Part]| Energy::new::<watt_hour>(parts.iter().map(|p| of(*p)).sum());
    let fixed_wh: f64 = Part::ALL
        .into_iter()
        .filter(|p| p.class() == Class::Fixed)
        .map(of)
        .sum();
    PlantEnergy {
        ups: wh(&[Part::UpsNoLoad, Part::UpsLoad]),
        distribution: wh(&[Part::DistributionNoLoad, Part::DistributionLoad]),
        lighting: wh(&[Part::Lighting]),
        ancillary: wh(&[Part::Ancillary]),
        fans: wh(&[Part::FansFloor, Part::FansLoad, Part::DoorFans]),
        compressors: wh(&[Part::Compressors]),
        heat_rejection: wh(&[Part::HeatRejection]),
        pumps: wh(&[Part::PumpsFloor, Part::PumpsLoad]),
        liquid_pumps: wh(&[Part::LiquidPumps, Part::DoorPumps]),
        dry_cooler_fans: wh(&[Part::DryCoolerFans]),
        trim_chiller: wh(&[Part::TrimChiller]),
        l2a_fans: wh(&[Part::LiquidToAirFans]),
        fixed: Energy::new::<watt_hour>(fixed_wh),
    }
}

#[cfg(test)]
mod tests;
