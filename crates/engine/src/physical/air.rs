//! The air side made explicit (`docs/method.md` §2.1): the airflow every load on air needs,
//! and a hall's air plant checked on heat and on airflow.
//!
//! Owns: `V̇ = Q / (ρ·c_p·ΔT)` for air, with standard air (ρ = 1.2 kg/m³, c_p = 1,006
//! J/(kg·K); textbook values at ≈ 20 °C, sea level) and the servers' air temperature rise
//! `cooling.air_delta_t`; the hall's [`AirSide`] per option. The air plant's airflow is its
//! air-cooling capacity moved at the same rise (the hall file gives the plant's heat, not its
//! fans' airflow), so the two checks bind together; the airflow figures say what the CRAHs
//! must move, in m³/h and CFM.

use uom::si::f64::{Power, TemperatureInterval, VolumeRate};
use uom::si::power::watt;
use uom::si::temperature_interval::kelvin;
use uom::si::volume_rate::cubic_meter_per_second;

/// Density of standard air, kg/m³ (≈ 20 °C, 101.3 kPa; textbook).
pub const AIR_DENSITY_KG_PER_M3: f64 = 1.2;
/// Specific heat of dry air at room temperature, J/(kg·K) (textbook).
pub const AIR_SPECIFIC_HEAT_J_PER_KG_K: f64 = 1006.0;

/// Heat one m³/s of air carries per K of rise, W/(m³/s·K): ρ·c_p = 1,207.2.
const AIR_RHO_CP: f64 = AIR_DENSITY_KG_PER_M3 * AIR_SPECIFIC_HEAT_J_PER_KG_K;

/// Airflow (m³/s) that carries `heat_w` at a rise of `rise_k` (0 when the rise is not > 0).
pub fn airflow_m3_per_s(heat_w: f64, rise_k: f64) -> f64 {
    if rise_k > 0.0 {
        heat_w / (AIR_RHO_CP * rise_k)
    } else {
        0.0
    }
}

/// Airflow that carries `heat` at an air temperature rise `rise`: `Q / (ρ·c_p·ΔT)`.
pub fn airflow(heat: Power, rise: TemperatureInterval) -> VolumeRate {
    VolumeRate::new::<cubic_meter_per_second>(airflow_m3_per_s(
        heat.get::<watt>(),
        rise.get::<kelvin>(),
    ))
}

/// A hall's air side under one option: heat on air and the airflow it needs, against the
/// air plant's capacity in both.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct AirSide {
    /// Heat on the room's air at max draw: IT heat left on air, and what liquid-to-air CDUs
    /// return with their fans.
    pub heat_to_air: Power,
    /// Airflow that heat needs at the servers' air rise.
    pub airflow: VolumeRate,
    /// The air plant's capacity plans keep within (the file's, or today's use when higher).
    pub capacity: Power,
    /// The air plant's airflow: its capacity moved at the same rise.
    pub airflow_capacity: VolumeRate,
    /// The servers' air temperature rise the airflows assume.
    pub air_rise: TemperatureInterval,
}

impl AirSide {
    /// The air side of `heat_to_air_w` against a plant of `capacity_w`, at `rise_k`.
    pub fn new(heat_to_air_w: f64, capacity_w: f64, rise_k: f64) -> Self {
        let flow = |w: f64| VolumeRate::new::<cubic_meter_per_second>(airflow_m3_per_s(w, rise_k));
        AirSide {
            heat_to_air: Power::new::<watt>(heat_to_air_w),
            airflow: flow(heat_to_air_w),
            capacity: Power::new::<watt>(capacity_w),
            airflow_capacity: flow(capacity_w),
            air_rise: TemperatureInterval::new::<kelvin>(rise_k),
        }
    }
    /// The load on air exceeds the plant (1e-9 relative tolerance, as the hall limits).
    pub fn exceeded(&self) -> bool {
        self.heat_to_air > self.capacity * (1.0 + 1e-9)
            || self.airflow > self.airflow_capacity * (1.0 + 1e-9)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use uom::si::power::kilowatt;
    use uom::si::volume_rate::{cubic_foot_per_minute, cubic_meter_per_hour};

    #[test]
    fn airflow_of_a_30_kw_rack_worked_by_hand() {
        // Q = P / (ρ·c_p·ΔT) = 30,000 W / (1.2 kg/m³ × 1,006 J/(kg·K) × 12 K)
        //   = 30,000 / 14,486.4 = 2.070 91 m³/s
        //   = 2.070 91 × 3,600 = 7,455.3 m³/h
        //   = 2.070 91 / 0.3048³ × 60 = 4,388.0 CFM (1 ft³ = 0.028 316 8 m³)
        let q = airflow(
            Power::new::<kilowatt>(30.0),
            TemperatureInterval::new::<kelvin>(12.0),
        );
        assert!((q.get::<cubic_meter_per_second>() - 2.070_91).abs() < 1e-5);
        assert!((q.get::<cubic_meter_per_hour>() - 7_455.3).abs() < 0.05);
        assert!((q.get::<cubic_foot_per_minute>() - 4_388.0).abs() < 0.05);
        // Half the rise, twice the air: 14,910.5 m³/h at 6 K.
        let half = airflow(
            Power::new::<kilowatt>(30.0),
            TemperatureInterval::new::<kelvin>(6.0),
        );
        assert!((half.get::<cubic_meter_per_hour>() - 14_910.5).abs() < 0.05);
    }

    #[test]
    fn a_hall_over_its_air_plant_is_exceeded_on_heat_and_airflow() {
        // 1,150 kW on 900 kW of air plant at 12 K: 1,150,000 / 14,486.4 = 79.385 m³/s
        // (285,785.3 m³/h) against 900,000 / 14,486.4 = 62.127 m³/s (223,658.1 m³/h).
        let side = AirSide::new(1.15e6, 0.9e6, 12.0);
        assert!(side.exceeded());
        assert!((side.airflow.get::<cubic_meter_per_hour>() - 285_785.3).abs() < 0.05);
        assert!((side.airflow_capacity.get::<cubic_meter_per_hour>() - 223_658.1).abs() < 0.05);
        assert!(!AirSide::new(0.9e6, 0.9e6, 12.0).exceeded());
        // no rise given: no airflow rather than infinity
        assert_eq!(airflow_m3_per_s(1.0e3, 0.0), 0.0);
    }
}
