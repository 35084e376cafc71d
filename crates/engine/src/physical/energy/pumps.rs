//! Liquid-loop pumps from physics (`docs/method.md` §7.3): a loop carrying heat `Q` at a
//! temperature rise `ΔT` moves `V̇ = Q / (ρ·c_p·ΔT)` of its fluid; its pump draws
//! `P = V̇·ΔP / η` (ΔP the loop's pressure drop at design flow, η the wire-to-water
//! efficiency of pump, motor and drive). Per watt of heat that is `ΔP / (η·ρ·c_p·ΔT)`.
//!
//! Owns: the loops of each option and their design pump power per W of liquid design heat.
//! Cold plate: the technology loop (the `coolant`, the loop ΔT, `tech_loop_pressure_drop`);
//! immersion: the tank loop (the `immersion_fluid`, the loop ΔT,
//! `immersion_loop_pressure_drop`): a dielectric's ρ·c_p is 1.69 MJ/(m³·K) against PG25's
//! 4.02, so at the same ΔT it moves 2.4× the volume. Both then the facility-water loop
//! (the `coolant`, `facility_loop_delta_t`, `facility_loop_pressure_drop`) when the hall has
//! facility water on a dry cooler (its own, or the extension a hall without water pays for);
//! liquid tapped into the air plant's chilled water (`ChilledWater`) is moved by the
//! chilled-water pumps, which the air plant already counts (their load share includes the
//! tapped heat), so no facility pump is added there.

use uom::si::f64::{Power, Pressure, VolumeRate};
use uom::si::power::watt;
use uom::si::pressure::pascal;
use uom::si::volume_rate::cubic_meter_per_second;

use crate::results::{CoolingOption, ServerCooling};
use coolplan_model::assumptions::Resolved;
use coolplan_model::fluids::Fluid;
use coolplan_units::{DensityUnit, PressureUnit, SpecificHeatUnit, TempDiffUnit};

/// Electrical power of a pump moving `flow` against `pressure_drop` at wire-to-water
/// efficiency `efficiency` (0 < η ≤ 1): `P = V̇·ΔP / η`.
pub fn pump_power(flow: VolumeRate, pressure_drop: Pressure, efficiency: f64) -> Power {
    let hydraulic_w = flow.get::<cubic_meter_per_second>() * pressure_drop.get::<pascal>();
    Power::new::<watt>(if efficiency > 0.0 {
        hydraulic_w / efficiency
    } else {
        0.0
    })
}

/// Design pump power of one loop per W of heat it carries: `ΔP / (η·ρ·c_p·ΔT)`.
fn loop_w_per_w(pressure_pa: f64, efficiency: f64, fluid: &Fluid, delta_t_k: f64) -> f64 {
    let rho_cp = fluid.density().in_unit(DensityUnit::kg_per_m3)
        * fluid.specific_heat().in_unit(SpecificHeatUnit::J_per_kgK);
    let per_w = rho_cp * delta_t_k * efficiency;
    if per_w > 0.0 {
        pressure_pa / per_w
    } else {
        0.0
    }
}

/// Design pump power per W of liquid design heat of each loop, from the assumptions.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct LoopPumps {
    /// Cold-plate technology loop.
    pub tech_w_per_w: f64,
    /// Immersion tank loop.
    pub tank_w_per_w: f64,
    /// Facility-water loop (a hall with its own facility water).
    pub facility_w_per_w: f64,
}

impl LoopPumps {
    pub fn new(a: &Resolved) -> Self {
        let (c, p) = (&a.cooling, &a.plant);
        let pa = |q: &coolplan_units::PressureQ| q.in_unit(PressureUnit::Pa);
        let loop_k = c.loop_delta_t.in_unit(TempDiffUnit::K);
        let facility_k = p.facility_loop_delta_t.in_unit(TempDiffUnit::K);
        let eta = p.pump_efficiency;
        LoopPumps {
            tech_w_per_w: loop_w_per_w(pa(&p.tech_loop_pressure_drop), eta, &c.coolant, loop_k),
            tank_w_per_w: loop_w_per_w(
                pa(&p.immersion_loop_pressure_drop),
                eta,
                &c.immersion_fluid,
                loop_k,
            ),
            facility_w_per_w: loop_w_per_w(
                pa(&p.facility_loop_pressure_drop),
                eta,
                &c.coolant,
                facility_k,
            ),
        }
    }

    /// The option's own loop (technology or tank loop; none on air), per W of liquid heat.
    pub fn option_loop_w_per_w(&self, option: CoolingOption) -> f64 {
        match option.servers() {
            ServerCooling::Air => 0.0,
            ServerCooling::ColdPlate => self.tech_w_per_w,
            ServerCooling::Immersion => self.tank_w_per_w,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use coolplan_model::assumptions::Assumptions;
    use coolplan_units::Currency;
    use uom::si::pressure::bar;
    use uom::si::volume_rate::liter_per_minute;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    #[test]
    fn pump_power_of_a_100_kw_cold_plate_loop_worked_by_hand() {
        // 100 kW into PG25 (ρ 1,019.2 kg/m³, c_p 3,940 J/(kg·K)) at ΔT 10 K:
        // ρ·c_p·ΔT = 1,019.2 × 3,940 × 10 = 40,156,480 J/(m³)
        // V̇ = 100,000 / 40,156,480 = 2.4903e-3 m³/s = 149.4 L/min (OCP's 1.5 L/min/kW)
        // P = 2.4903e-3 m³/s × 200,000 Pa / 0.6 = 498.06 W / 0.6 = 830.1 W
        let flow = VolumeRate::new::<cubic_meter_per_second>(100_000.0 / 40_156_480.0);
        assert!(close(flow.get::<liter_per_minute>(), 149.42, 0.01));
        let p = pump_power(flow, Pressure::new::<bar>(2.0), 0.6);
        assert!(close(p.get::<watt>(), 830.1, 0.05), "{p:?}");
        // the same per W from the defaults: 830.1 W / 100,000 W = 0.008301
        let pumps = LoopPumps::new(&Assumptions::default().resolve(Currency::CNY));
        assert!(close(pumps.tech_w_per_w, 0.008301, 1e-6), "{pumps:?}");
    }

    #[test]
    fn a_dielectric_tank_loop_moves_2_4_times_the_volume_and_pays_for_it() {
        let pumps = LoopPumps::new(&Assumptions::default().resolve(Currency::CNY));
        // Shell S5 X: ρ·c_p = 806 × 2,100 = 1,692,600 J/(m³·K) against PG25's 4,015,648:
        // 2.3725× the volume at the same 10 K. 100 kW: V̇ = 100,000 / 16,926,000 = 5.908e-3
        // m³/s (354.5 L/min); at 1.2 bar, η 0.6: 5.908e-3 × 120,000 / 0.6 = 1,181.6 W.
        assert!(
            close(pumps.tank_w_per_w * 100_000.0, 1181.6, 0.05),
            "{pumps:?}"
        );
        // per Pa of loop pressure drop the tank loop costs 2.3725× the technology loop
        let per_pa = (pumps.tank_w_per_w / 1.2e5) / (pumps.tech_w_per_w / 2.0e5);
        assert!(close(per_pa, 4_015_648.0 / 1_692_600.0, 1e-9), "{per_pa}");
        // facility loop, PG25 at 8 K and 2.5 bar: 250,000 / (0.6 × 4,015,648 × 8) = 0.012970
        assert!(close(pumps.facility_w_per_w, 0.012970, 1e-6), "{pumps:?}");
        assert_eq!(pumps.option_loop_w_per_w(CoolingOption::Air), 0.0);
    }

    #[test]
    fn no_efficiency_gives_no_power_rather_than_infinity() {
        let flow = VolumeRate::new::<cubic_meter_per_second>(1.0);
        let p = pump_power(flow, Pressure::new::<pascal>(1.0), 0.0);
        assert_eq!(p.get::<watt>(), 0.0);
    }
}
