//! The plant of one hall with every figure the energy model needs, unwrapped once to SI-ish
//! f64 (W, °C, K, shares): the hall's own fields with their defaults by plant type, and the
//! site's plant assumptions.

use super::chiller::Machine;
use super::pumps::LoopPumps;
use coolplan_model::assumptions::Resolved;
use coolplan_model::{AirPlant, CalibrationSplit, Hall, HeatRejection};
use coolplan_units::{PowerDensityUnit, PowerUnit, TempDiffUnit, TemperatureUnit};

/// Where the liquid path's heat goes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum LiquidPath {
    /// A dedicated dry cooler on facility water supplied at `supply_c`, trim chiller in series.
    DryCooler { supply_c: f64, adiabatic: bool },
    /// Into the air plant's chilled water (CDUs tapped in, or a hall without facility water).
    Tapped,
}

/// The hall's plant and the site's plant assumptions, SI-ish f64.
#[derive(Clone, Debug, PartialEq)]
pub struct PlantParams {
    pub air_plant: AirPlant,
    pub liquid: LiquidPath,
    pub air_capacity_w: f64,
    /// From the file; otherwise resolved at the hall's loads (`PlantParams::it_capacity_w`).
    pub it_capacity_w: Option<f64>,
    pub area_m2: f64,
    pub ups_rating_factor: f64,
    /// UPS no-load, proportional and square-law shares of its rating.
    pub ups: (f64, f64, f64),
    pub measured_pue: Option<f64>,
    pub split: CalibrationSplit,
    // compressors
    pub water_cooled: Machine,
    pub air_cooled: Machine,
    pub trim: Machine,
    pub dx: Machine,
    pub chiller_units: f64,
    pub plant_margin: f64,
    // chilled water and heat rejection
    pub chw_supply_c: f64,
    pub chw_delta_k: f64,
    pub tower_approach_k: f64,
    pub condenser_range_k: f64,
    pub min_condenser_c: f64,
    pub hx_approach_k: f64,
    pub dry_economiser_approach_k: f64,
    pub free_cooling_fan: f64,
    pub tower_fan: f64,
    pub chw_pumps: f64,
    pub cw_pumps: f64,
    pub pump_fixed: f64,
    pub adiabatic_effectiveness: f64,
    // fans
    pub crah_fan: f64,
    pub crac_fan: f64,
    pub fan_min_speed: f64,
    pub airflow_margin: f64,
    // DX rooms
    pub dx_return_c: f64,
    pub dx_shr: f64,
    pub dx_cycling_loss: f64,
    pub dx_economiser_span_k: f64,
    // electrical and ancillary
    pub dist_no_load: f64,
    pub dist_load_loss: f64,
    pub electrical_heat_to_air: f64,
    pub lighting_w_per_m2: f64,
    pub support_area_ratio: f64,
    pub lighting_on: f64,
    pub misc_per_it_capacity: f64,
    // liquid path
    pub loop_delta_k: f64,
    /// Design pump power per W of liquid design heat of each loop ([`LoopPumps`]).
    pub pumps: LoopPumps,
    pub liquid_pump_fixed: f64,
    pub dry_cooler_approach_k: f64,
    pub dry_cooler_fan: f64,
    pub dry_cooler_min_speed: f64,
    // design day
    pub trim_margin: f64,
    // water
    pub wue_l_per_wh: f64,
}

impl PlantParams {
    pub fn new(hall: &Hall, a: &Resolved) -> PlantParams {
        let p = &a.plant;
        let k = |q: &coolplan_units::TempDiffQ| q.in_unit(TempDiffUnit::K);
        let c = |q: &coolplan_units::TemperatureQ| q.in_unit(TemperatureUnit::degC);
        let share = p.lift_independent_share;
        // a hall without facility water runs its liquid on the extension (`enabling`)
        let hall_water = crate::physical::enabling::hall_water(hall, a);
        let water = hall_water.water.as_ref();
        let liquid = match water.heat_rejection.unwrap_or_default() {
            HeatRejection::DryCooler { adiabatic } => LiquidPath::DryCooler {
                supply_c: c(&water.supply_temp),
                adiabatic,
            },
            HeatRejection::ChilledWater => LiquidPath::Tapped,
        };
        PlantParams {
            air_plant: hall.air_plant(),
            liquid,
            air_capacity_w: hall.air_cooling_capacity.in_unit(PowerUnit::W).max(0.0),
            it_capacity_w: hall.it_capacity.map(|q| q.in_unit(PowerUnit::W)),
            area_m2: hall.area.si().max(0.0),
            ups_rating_factor: hall.ups().rating_factor(),
            ups: hall.ups_curve.unwrap_or_default().coefficients(),
            measured_pue: hall.measured_pue.filter(|p| p.is_finite()),
            split: hall.calibration_split.unwrap_or_default(),
            water_cooled: Machine::water_cooled(p.chiller_cop, share),
            air_cooled: Machine::air_cooled(p.air_cooled_chiller_cop, share),
            trim: Machine::air_cooled(p.trim_chiller_cop, share),
            dx: Machine::dx(p.dx_cop, share),
            chiller_units: f64::from(p.chiller_units.max(1)),
            plant_margin: p.plant_capacity_margin,
            chw_supply_c: c(&p.chilled_water_supply),
            chw_delta_k: k(&p.chilled_water_delta_t),
            tower_approach_k: k(&p.tower_approach),
            condenser_range_k: k(&p.condenser_range),
            min_condenser_c: c(&p.min_condenser_water),
            hx_approach_k: k(&p.economiser_hx_approach),
            dry_economiser_approach_k: k(&p.dry_economiser_approach),
            free_cooling_fan: p.free_cooling_fan_share,
            tower_fan: p.tower_fan_share,
            chw_pumps: p.chilled_water_pumps,
            cw_pumps: p.condenser_water_pumps,
            pump_fixed: p.pump_fixed_fraction,
            adiabatic_effectiveness: p.adiabatic_effectiveness,
            crah_fan: p.crah_fan_power,
            crac_fan: p.crac_fan_power,
            fan_min_speed: p.fan_min_speed,
            airflow_margin: p.airflow_margin,
            dx_return_c: c(&p.dx_return_air),
            dx_shr: p.dx_sensible_heat_ratio,
            dx_cycling_loss: p.dx_cycling_loss,
            dx_economiser_span_k: k(&p.dx_economiser_span),
            dist_no_load: p.distribution_no_load,
            dist_load_loss: p.distribution_load_loss,
            electrical_heat_to_air: p.electrical_heat_to_air,
            lighting_w_per_m2: p.lighting_power_density.in_unit(PowerDensityUnit::W_per_m2),
            support_area_ratio: p.support_area_ratio,
            lighting_on: p.lighting_on_fraction,
            misc_per_it_capacity: p.misc_per_it_capacity,
            loop_delta_k: k(&a.cooling.loop_delta_t),
            pumps: LoopPumps::new(a),
            liquid_pump_fixed: p.liquid_pump_fixed_fraction,
            dry_cooler_approach_k: k(&p.dry_cooler_approach),
            dry_cooler_fan: p.dry_cooler_fan_share,
            dry_cooler_min_speed: p.dry_cooler_min_speed,
            trim_margin: p.trim_margin,
            // WUE in L/kWh is L per 1,000 Wh.
            wue_l_per_wh: p.wue.in_unit(coolplan_units::WaterIntensityUnit::L_per_kWh) / 1000.0,
        }
    }

    /// The hall's IT capacity (W): the file's, else the larger of its air-cooling capacity
    /// and its racks' design IT on air `design_it_w`.
    pub fn it_capacity_w(&self, design_it_w: f64) -> f64 {
        self.it_capacity_w
            .unwrap_or_else(|| self.air_capacity_w.max(design_it_w))
    }

    /// Air leaving adiabatic pads at `dry_c` with wet bulb `wet_c`.
    pub fn pad_air_c(&self, dry_c: f64, wet_c: f64) -> f64 {
        dry_c - self.adiabatic_effectiveness * (dry_c - wet_c)
    }

    /// Installed chiller (or DX) capacity of the air plant, W.
    pub fn air_plant_capacity_w(&self) -> f64 {
        self.plant_margin * self.air_capacity_w
    }
}
