//! Equipment sizing: coolant flow, CDU counts, immersion tanks, floor load and floor area.
//!
//! - Flow `V̇ = Q / (ρ · c_p · ΔT)` with the loop fluid's own ρ and c_p.
//! - CDUs per hall: `ceil(Q_liquid_design / capacity) + redundancy`, zero without liquid heat.
//! - Tanks per rack group: `max(ceil(U / slots), ceil(P_design / tank capacity))`.
//!
//! Counts are taken with [`ceil_count`]: a load within 1e-9 (relative) above a boundary counts
//! as on it, so sums of floating-point server powers that land on a capacity exactly do not
//! buy a spare unit by rounding noise.

use coolplan_model::fluids::Fluid;
use coolplan_units::{DensityQ, DensityUnit, SpecificHeatUnit};

/// `ceil(x)` for a count, tolerant of rounding noise (1e-9 relative); 0 for x ≤ 0 or NaN.
pub fn ceil_count(x: f64) -> u64 {
    if x.is_nan() || x <= 0.0 {
        return 0;
    }
    (x * (1.0 - 1e-9)).ceil() as u64
}

/// Volumetric flow, m³/s, carrying `heat_w` in `fluid` warming by `delta_t_k`.
pub fn flow_m3_per_s(heat_w: f64, fluid: &Fluid, delta_t_k: f64) -> f64 {
    LoopFluid::new(fluid, delta_t_k).flow_m3_per_s(heat_w)
}

/// A loop's fluid as the flow needs it, unwrapped once per evaluation (not per rack group).
#[derive(Clone, Copy, Debug)]
pub struct LoopFluid {
    /// The fluid's density ρ.
    pub density: DensityQ,
    /// `ρ · c_p · ΔT` in W per m³/s: what [`LoopFluid::flow_m3_per_s`] divides by.
    w_per_m3_per_s: f64,
}

impl LoopFluid {
    /// `fluid` warming by `delta_t_k`.
    pub fn new(fluid: &Fluid, delta_t_k: f64) -> Self {
        let rho_kg_per_m3 = fluid.density().in_unit(DensityUnit::kg_per_m3);
        let cp_j_per_kg_k = fluid.specific_heat().in_unit(SpecificHeatUnit::J_per_kgK);
        LoopFluid {
            density: fluid.density(),
            w_per_m3_per_s: rho_kg_per_m3 * cp_j_per_kg_k * delta_t_k,
        }
    }
    /// [`flow_m3_per_s`] of `heat_w` in this loop.
    pub fn flow_m3_per_s(&self, heat_w: f64) -> f64 {
        if self.w_per_m3_per_s > 0.0 && heat_w > 0.0 {
            heat_w / self.w_per_m3_per_s
        } else {
            0.0
        }
    }
}

/// CDUs for `liquid_design_w` of heat: N + redundancy, none without liquid heat.
pub fn cdu_count(liquid_design_w: f64, capacity_w: f64, redundancy: u32) -> u64 {
    if liquid_design_w <= 0.0 || capacity_w <= 0.0 {
        return 0;
    }
    ceil_count(liquid_design_w / capacity_w) + u64::from(redundancy)
}

/// Tanks for `slots_needed_u` of servers drawing `design_w`; whichever binds.
pub fn tank_count(slots_needed_u: f64, tank_slots_u: f64, design_w: f64, tank_w: f64) -> u64 {
    let by_slots = if tank_slots_u > 0.0 {
        ceil_count(slots_needed_u / tank_slots_u)
    } else {
        0
    };
    let by_heat = if tank_w > 0.0 {
        ceil_count(design_w / tank_w)
    } else {
        0
    };
    by_slots.max(by_heat)
}

/// Distributed load of `mass_kg` on `footprint_m2`, kg/m² (0 on a zero footprint).
pub fn floor_load_kg_per_m2(mass_kg: f64, footprint_m2: f64) -> f64 {
    if footprint_m2 > 0.0 {
        mass_kg / footprint_m2
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_loop_fluid_kept_per_evaluation_gives_the_flow_of_its_definition() {
        // water over 10 K carrying 10.2 kW: 10,200 / (995.6 kg/m³ × 4,180 J/kg·K × 10 K)
        // = 10,200 / 41,616,080 = 2.4510e-4 m³/s
        let water = LoopFluid::new(&Fluid::Water, 10.0);
        assert_eq!(water.density.in_unit(DensityUnit::kg_per_m3), 995.6);
        assert!((water.flow_m3_per_s(10_200.0) - 2.4510e-4).abs() < 1e-8);
        for fluid in [
            Fluid::Water,
            Fluid::PG25,
            Fluid::ShellS5X,
            Fluid::Hydrocarbon,
        ] {
            let rho = fluid.density().in_unit(DensityUnit::kg_per_m3);
            let cp = fluid.specific_heat().in_unit(SpecificHeatUnit::J_per_kgK);
            for delta_t_k in [0.0, 6.0, 10.0] {
                let kept = LoopFluid::new(&fluid, delta_t_k);
                for heat_w in [-1.0, 0.0, 1.0, 10_200.0, 1.3e7] {
                    let definition = if rho * cp * delta_t_k > 0.0 && heat_w > 0.0 {
                        heat_w / (rho * cp * delta_t_k)
                    } else {
                        0.0
                    };
                    assert_eq!(
                        kept.flow_m3_per_s(heat_w).to_bits(),
                        definition.to_bits(),
                        "{fluid:?} {delta_t_k} K {heat_w} W"
                    );
                }
            }
        }
    }
}
