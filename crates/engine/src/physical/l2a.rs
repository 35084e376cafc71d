//! Cold plates on liquid-to-air CDUs (`docs/method.md` §3.1): the option for halls without
//! facility water. The servers are those of cold plate (same capture, same fan saving); the
//! technology loop rejects its heat through a finned coil with fans into the room's air.
//!
//! Owns: what the liquid-to-air units do to a rack group's sums and verdicts, and to a hall.
//! - Heat: the rack keeps its split (liquid `c·P_c` + air `(1 − c)·P_c` = IT); the units
//!   return the liquid heat plus their fan power `f_L2A·Q_liq` to the room, so the hall's air
//!   plant removes `Q_air + Q_liq·(1 + f_L2A)` = IT + the units' fans, and its airflow follows.
//!   Nothing goes to facility water (no extension, no water reasons).
//! - Loop: the units draw cold-aisle air, so the loop supply is `T_inlet + approach`; above
//!   `cold_plate_max_loop_supply` the option is infeasible ([`Reason::L2aLoopTooWarm`]).
//! - Units: CDUs of the unit capacity `l2a_unit_capacity` assigned whole racks (a rack's loop
//!   connects to one unit) with `l2a_redundancy` spares per hall ([`crate::cdu::CduChoices`]);
//!   a rack whose liquid heat exceeds one unit is infeasible ([`Reason::CduTooSmall`]).
//! - Floor: each unit takes `l2a_unit_positions` rack positions (footprint + service area,
//!   one by default): the hall the whole
//!   units it installs, spares included; a group its share of them, as of the units' capacity
//!   (`physical::record`).
//!
//! Energy (the hall's pass, [`super::energy`]): the air plant sees the returned heat; the
//! liquid path draws the technology-loop pumps and the units' fans; no dry cooler, facility
//! pump or trim chiller.

use uom::si::f64::{Power, TemperatureInterval, ThermodynamicTemperature};
use uom::si::power::watt;
use uom::si::temperature_interval::kelvin;
use uom::si::thermodynamic_temperature::degree_celsius;

use super::air::airflow_m3_per_s;
use super::sums::Sums;
use crate::results::Reason;
use coolplan_model::assumptions::Resolved;
use coolplan_units::{AreaUnit, PowerUnit, TempDiffUnit, TemperatureUnit};

/// Relative tolerance of "fits one unit", as the CDU assignment's.
const FIT_TOLERANCE: f64 = 1e-9;

/// The liquid-to-air figures of one evaluation, unwrapped to SI-ish f64.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct L2aParams {
    /// Heat capacity of one unit, W.
    pub unit_w: f64,
    /// Fan power per W of the liquid heat the units reject.
    pub fan_share: f64,
    /// Floor of one unit: its rack positions with their service area, m².
    pub position_m2: f64,
    /// Technology-loop supply: rack inlet air + the units' approach, ℃.
    pub loop_supply_c: f64,
    /// Warmest loop supply cold plates accept, ℃.
    pub max_loop_supply_c: f64,
}

impl L2aParams {
    pub fn new(a: &Resolved) -> Self {
        let c = &a.cooling;
        L2aParams {
            unit_w: c.l2a_unit_capacity.in_unit(PowerUnit::W),
            fan_share: c.l2a_fan_share,
            position_m2: c.l2a_unit_positions
                * (c.rack_footprint.in_unit(AreaUnit::m2)
                    + c.rack_service_area.in_unit(AreaUnit::m2)),
            loop_supply_c: c.rack_inlet_temp.in_unit(TemperatureUnit::degC)
                + c.l2a_approach.in_unit(TempDiffUnit::K),
            max_loop_supply_c: c.cold_plate_max_loop_supply.in_unit(TemperatureUnit::degC),
        }
    }
}

/// Technology-loop supply behind liquid-to-air units drawing air at `inlet`: `inlet + approach`.
pub fn loop_supply(
    inlet: ThermodynamicTemperature,
    approach: TemperatureInterval,
) -> ThermodynamicTemperature {
    ThermodynamicTemperature::new::<degree_celsius>(
        inlet.get::<degree_celsius>() + approach.get::<kelvin>(),
    )
}

/// Fan power of liquid-to-air units rejecting `liquid_heat`: `f_L2A · Q_liq`.
pub fn fan_power(liquid_heat: Power, fan_share: f64) -> Power {
    Power::new::<watt>(fan_share * liquid_heat.get::<watt>())
}

/// The reasons every rack group of a hall shares on liquid-to-air units: a loop warmer than
/// cold plates accept.
pub fn loop_reasons(p: &L2aParams) -> Vec<Reason> {
    if p.loop_supply_c > p.max_loop_supply_c {
        let c = ThermodynamicTemperature::new::<degree_celsius>;
        vec![Reason::L2aLoopTooWarm {
            supply: c(p.loop_supply_c),
            max: c(p.max_loop_supply_c),
        }]
    } else {
        Vec::new()
    }
}

impl L2aParams {
    /// Floor of the units per W of their capacity, m²/W.
    pub fn floor_m2_per_w(&self) -> f64 {
        if self.unit_w > 0.0 {
            self.position_m2 / self.unit_w
        } else {
            0.0
        }
    }
}

/// A rack whose liquid heat `per_rack_liquid_w` exceeds one unit: no unit can take it whole.
pub fn rack_reason(per_rack_liquid_w: f64, p: &L2aParams) -> Option<Reason> {
    (per_rack_liquid_w > p.unit_w * (1.0 + FIT_TOLERANCE)).then(|| Reason::CduTooSmall {
        per_rack: Power::new::<watt>(per_rack_liquid_w),
        capacity: Power::new::<watt>(p.unit_w),
    })
}

/// Sets a rack group's sums (whole conversion, liquid and air already split) for units that
/// return its liquid heat to the room: the returned heat and fans, and the room airflow at
/// the servers' air rise `air_rise_k`.
pub fn return_to_room(s: &mut Sums, p: &L2aParams, air_rise_k: f64) {
    s.to_room_liquid_design_w = s.liquid_design_w;
    s.to_room_liquid_avg_w = s.liquid_avg_w;
    s.l2a_fan_design_w = p.fan_share * s.liquid_design_w;
    s.l2a_fan_avg_w = p.fan_share * s.liquid_avg_w;
    s.air_flow_m3_per_s = airflow_m3_per_s(s.room_air_design_w(), air_rise_k);
}

#[cfg(test)]
mod tests {
    use super::*;
    use coolplan_model::assumptions::Assumptions;
    use coolplan_units::Currency;
    use uom::si::power::kilowatt;

    fn params() -> L2aParams {
        L2aParams::new(&Assumptions::default().resolve(Currency::CNY))
    }

    #[test]
    fn defaults_give_a_39_degree_loop_on_70_kw_units_in_one_rack_position() {
        let p = params();
        // 24 °C rack inlet + 15 K approach = 39 °C ≤ 45 °C: feasible
        assert!((p.loop_supply_c - 39.0).abs() < 1e-9);
        assert!(loop_reasons(&p).is_empty());
        assert!((p.unit_w - 70_000.0).abs() < 1e-9);
        // one position: 0.72 m² footprint + 0.72 m² service = 1.44 m²
        assert!((p.position_m2 - 1.44).abs() < 1e-12);
        // hot-aisle air (36 °C) + 15 K = 51 °C > 45 °C: infeasible
        let hot = L2aParams {
            loop_supply_c: loop_supply(
                ThermodynamicTemperature::new::<degree_celsius>(36.0),
                TemperatureInterval::new::<kelvin>(15.0),
            )
            .get::<degree_celsius>(),
            ..p
        };
        assert!(matches!(
            loop_reasons(&hot)[..],
            [Reason::L2aLoopTooWarm { .. }]
        ));
    }

    #[test]
    fn a_rack_above_one_unit_is_infeasible_and_one_at_it_fits() {
        let p = params();
        // 70 kW exactly fits one 70 kW unit; an NVL72's ≈ 110 kW of liquid does not
        assert_eq!(rack_reason(70_000.0, &p), None);
        assert!(matches!(
            rack_reason(110_000.0, &p),
            Some(Reason::CduTooSmall { per_rack, capacity })
                if (per_rack.get::<kilowatt>() - 110.0).abs() < 1e-9
                    && (capacity.get::<kilowatt>() - 70.0).abs() < 1e-9
        ));
    }

    #[test]
    fn returned_heat_and_fans_load_the_room_and_the_rack_balance_holds() {
        // 10 racks of 30 kW IT at design on cold plate, capture 0.8:
        // liquid 240 kW, air 60 kW (liquid + air = IT = 300 kW);
        // fans 2.5 % × 240 = 6 kW; room air = 60 + 240 + 6 = 306 kW = IT + fans
        let p = params();
        let mut s = Sums {
            it_design_w: 300_000.0,
            liquid_design_w: 240_000.0,
            air_design_w: 60_000.0,
            liquid_avg_w: 168_000.0,
            air_avg_w: 42_000.0,
            floor_area_m2: 14.4,
            ..Sums::default()
        };
        return_to_room(&mut s, &p, 12.0);
        assert!((s.liquid_design_w + s.air_design_w - s.it_design_w).abs() < 1e-9);
        assert!((s.l2a_fan_design_w - 6_000.0).abs() < 1e-9);
        assert!((s.room_air_design_w() - 306_000.0).abs() < 1e-9);
        // average: 42 + 168 × 1.025 = 214.2 kW on the room air
        assert!((s.room_air_avg_w() - 214_200.0).abs() < 1e-9);
        assert_eq!(s.facility_liquid_design_w(), 0.0);
        // airflow of 306 kW at 12 K: 306,000 / (1.2 × 1,006 × 12) = 21.1233 m³/s
        assert!((s.air_flow_m3_per_s - 21.1233).abs() < 1e-4);
        // the group's floor is its racks'; the units' positions come with their capacity:
        // 1.44 m² / 70,000 W per W, so a hall's 5 units (350 kW) take 7.2 m²
        assert_eq!(s.floor_area_m2, 14.4);
        assert!((350_000.0 * p.floor_m2_per_w() - 7.2).abs() < 1e-9);
        // the public figures in uom
        let fans = fan_power(Power::new::<kilowatt>(240.0), p.fan_share);
        assert!((fans.get::<kilowatt>() - 6.0).abs() < 1e-12);
    }
}
