//! Facility energy per hall: annual (and monthly) energy coefficients for one climate.
//!
//! Facility energy is linear in the loads for a given climate and hall, so each hall gets,
//! once, hours-weighted coefficients (h = kWh per kW) and every rack group is priced by
//! `E = P_it_avg·k_it + Q_air_avg·κ·k_air + Q_liquid_avg·k_liquid` (κ = calibration).
//!
//! Per bin of `h` hours at outdoor dry bulb `T`:
//! - IT: `1 + electrical_loss_share + misc_share`.
//! - Air path (CRAH → chilled water → cooling tower, with waterside economiser):
//!   `air_fan_share + heat_rejection_fan_share + chilled_water_pump_share + x_air/COP`, with
//!   chiller load share `x_air = clamp((T + approach − T_chw) / ΔT_chw, 0, 1)`: free cooling
//!   while the economiser can make chilled-water supply, partial while it can precool the
//!   return, full chiller above.
//! - Liquid path (CDU → facility water → dry cooler, chiller trim):
//!   `pump_share + heat_rejection_fan_share + x_liq/COP`,
//!   `x_liq = clamp((T + approach − T_fw) / ΔT_loop, 0, 1)`, `T_fw` the hall's facility
//!   supply (the chilled-water supply when the hall has no facility water).
//! - Water: the air path's cooling tower evaporates `WUE × (Q_air + chiller power)`; dry
//!   coolers use none.

use coolplan_model::Hall;
use coolplan_model::assumptions::Resolved;
use coolplan_units::{TempDiffUnit, TemperatureUnit, WaterIntensityUnit};

use coolplan_climate::ClimateData;
use uom::si::thermodynamic_temperature::degree_celsius;
use uom::si::time::hour;

/// Energy coefficients of one hall for one climate (hours, i.e. kWh per kW).
#[derive(Clone, Debug, PartialEq)]
pub struct HallPlant {
    /// Hours the climate covers.
    pub hours_h: f64,
    pub it_h: [f64; 12],
    /// Air path, already multiplied by `calibration`.
    pub air_h: [f64; 12],
    pub liquid_h: [f64; 12],
    /// Litres of tower water per W of average air heat over the climate's hours.
    pub water_l_per_w: f64,
    /// Air-path factor reproducing the hall's measured PUE (1 without one).
    pub calibration: f64,
    /// Per bin: the air-path chiller runs.
    pub air_chiller_on: Vec<bool>,
    /// Per bin: the liquid-path trim chiller runs.
    pub liquid_chiller_on: Vec<bool>,
    /// Facility supply the liquid path runs on, °C.
    pub facility_supply_c: f64,
}

/// Share of the chiller's design load at `outdoor_c`, ramping over `span_k` above free cooling.
pub fn chiller_share(outdoor_c: f64, approach_k: f64, supply_c: f64, span_k: f64) -> f64 {
    let excess_k = outdoor_c + approach_k - supply_c;
    if excess_k <= 0.0 {
        0.0
    } else if span_k <= 0.0 {
        1.0
    } else {
        (excess_k / span_k).min(1.0)
    }
}

impl HallPlant {
    /// Coefficients of `hall` under `climate`.
    pub fn new(hall: &Hall, a: &Resolved, climate: &ClimateData) -> HallPlant {
        let p = &a.plant;
        let cop = p.chiller_cop.max(f64::MIN_POSITIVE);
        let approach_k = p.economiser_approach.in_unit(TempDiffUnit::K);
        let chw_c = p.chilled_water_supply.in_unit(TemperatureUnit::degC);
        let chw_span_k = p.chilled_water_delta_t.in_unit(TempDiffUnit::K);
        let loop_span_k = a.cooling.loop_delta_t.in_unit(TempDiffUnit::K);
        let facility_supply_c = hall
            .facility_water
            .as_ref()
            .map_or(chw_c, |w| w.supply_temp.in_unit(TemperatureUnit::degC));
        let it_rate = 1.0 + p.electrical_loss_share + p.misc_share;
        let air_fixed = p.air_fan_share + p.heat_rejection_fan_share + p.chilled_water_pump_share;
        let liquid_fixed = p.pump_share + p.heat_rejection_fan_share;

        let mut plant = HallPlant {
            hours_h: 0.0,
            it_h: [0.0; 12],
            air_h: [0.0; 12],
            liquid_h: [0.0; 12],
            water_l_per_w: 0.0,
            calibration: 1.0,
            air_chiller_on: Vec::with_capacity(climate.bins.len()),
            liquid_chiller_on: Vec::with_capacity(climate.bins.len()),
            facility_supply_c,
        };
        let mut tower_heat_h = 0.0;
        for bin in &climate.bins {
            let h = bin.hours.get::<hour>();
            let t_c = bin.dry_bulb.get::<degree_celsius>();
            let m = usize::from(bin.month.min(11));
            let x_air = chiller_share(t_c, approach_k, chw_c, chw_span_k);
            let x_liq = chiller_share(t_c, approach_k, facility_supply_c, loop_span_k);
            plant.hours_h += h;
            plant.it_h[m] += h * it_rate;
            plant.air_h[m] += h * (air_fixed + x_air / cop);
            plant.liquid_h[m] += h * (liquid_fixed + x_liq / cop);
            tower_heat_h += h * (1.0 + x_air / cop);
            plant.air_chiller_on.push(x_air > 0.0);
            plant.liquid_chiller_on.push(x_liq > 0.0);
        }
        // WUE in L/kWh → L per W·h is WUE / 1000.
        plant.water_l_per_w = tower_heat_h * p.wue.in_unit(WaterIntensityUnit::L_per_kWh) / 1000.0;
        if let Some(measured) = hall.measured_pue {
            plant.calibrate(measured, it_rate);
        }
        plant
    }

    /// Scales the air path so an all-air hall's PUE equals `measured_pue`:
    /// PUE_air = it_rate + κ·Σk_air / H, so κ = (PUE − it_rate)·H / Σk_air (never below 0).
    fn calibrate(&mut self, measured_pue: f64, it_rate: f64) {
        let air_total_h: f64 = self.air_h.iter().sum();
        if air_total_h <= 0.0 || air_total_h.is_nan() || !measured_pue.is_finite() {
            return;
        }
        let factor = ((measured_pue - it_rate) * self.hours_h / air_total_h).max(0.0);
        self.air_h.iter_mut().for_each(|k| *k *= factor);
        self.calibration = factor;
    }

    /// Hours in which no chiller runs for a scope with air and/or liquid heat.
    pub fn free_cooling_hours(&self, climate: &ClimateData, air: bool, liquid: bool) -> f64 {
        climate
            .bins
            .iter()
            .enumerate()
            .filter(|(i, _)| {
                let chiller =
                    (air && self.air_chiller_on[*i]) || (liquid && self.liquid_chiller_on[*i]);
                !chiller
            })
            .map(|(_, b)| b.hours.get::<hour>())
            .sum::<f64>()
            + 0.0 // an empty sum is −0.0; show it as 0
    }
}
