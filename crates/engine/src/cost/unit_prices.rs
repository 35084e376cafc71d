//! [`UnitPrices`]: every price a rack group's CAPEX and OPEX multiply, as the number per
//! unit the kernels use (CNY per kW, per kWh, per litre…), converted once per evaluation
//! instead of once per group and option. Each is the same conversion of the same price, so
//! every cost computed from them has the bits it has from the prices themselves.
//!
//! Owns: the unit each kernel reads a price in. Never touches: what the prices are.

use super::capex::{cdu_item, per_kw_prices};
use super::opex::maintenance_share;
use crate::per_option::PerOption;
use coolplan_model::assumptions::cooling::CoolingResolved;
use coolplan_model::assumptions::prices::PricesResolved;
use coolplan_units::{AreaUnit, EnergyUnit, PowerUnit, TimeUnit, VolumeUnit};

/// Prices per unit (module doc); money per item (`…_each`, per server, per rack) is read
/// from the prices as it is.
#[derive(Clone, Copy, Debug)]
pub struct UnitPrices {
    /// Per option, the per-kW mode's all-in price per kW of stock and of new servers.
    pub per_kw: PerOption<(f64, f64)>,
    /// Per option, its CDU price per kW of capacity ([`cdu_item`]).
    pub cdu_per_kw: PerOption<f64>,
    /// Liquid-to-liquid CDUs (rear doors' CDUs), per kW.
    pub l2l_cdu_per_kw: f64,
    pub piping_per_kw: f64,
    pub trim_chiller_per_kw: f64,
    pub facility_water_extension_per_kw: f64,
    pub air_added_capacity_per_kw: f64,
    pub downtime_hours_per_rack: f64,
    pub downtime_cost_per_rack_hour: f64,
    pub fluid_per_litre: f64,
    pub floor_reinforcement_per_m2: f64,
    pub tank_footprint_m2: f64,
    pub electricity_per_kwh: f64,
    pub water_per_m3: f64,
    pub air_plant_maintenance_per_kw: f64,
    /// Per option, its yearly maintenance as a share of its cooling CAPEX.
    pub maintenance_share: PerOption<f64>,
}

impl UnitPrices {
    pub fn new(prices: &PricesResolved, cooling: &CoolingResolved) -> UnitPrices {
        let kw = PowerUnit::kW;
        UnitPrices {
            per_kw: PerOption::from_fn(|o| {
                let (stock, new) = per_kw_prices(o, prices);
                (stock.amount_per(kw), new.amount_per(kw))
            }),
            cdu_per_kw: PerOption::from_fn(|o| cdu_item(o, prices).1),
            l2l_cdu_per_kw: prices.cdu_per_kw_capacity.amount_per(kw),
            piping_per_kw: prices.piping_per_kw.amount_per(kw),
            trim_chiller_per_kw: prices.trim_chiller_per_kw.amount_per(kw),
            facility_water_extension_per_kw: prices.facility_water_extension_per_kw.amount_per(kw),
            air_added_capacity_per_kw: prices.air_added_capacity_per_kw.amount_per(kw),
            downtime_hours_per_rack: prices.downtime_hours_per_rack.in_unit(TimeUnit::h),
            downtime_cost_per_rack_hour: prices.downtime_cost_per_rack_hour.amount_per(TimeUnit::h),
            fluid_per_litre: prices.fluid_per_litre.amount_per(VolumeUnit::L),
            floor_reinforcement_per_m2: prices.floor_reinforcement_per_m2.amount_per(AreaUnit::m2),
            tank_footprint_m2: cooling.tank_footprint.in_unit(AreaUnit::m2),
            electricity_per_kwh: prices.electricity.amount_per(EnergyUnit::kWh),
            water_per_m3: prices.water.amount_per(VolumeUnit::m3),
            air_plant_maintenance_per_kw: prices.air_plant_maintenance_per_kw.amount_per(kw),
            maintenance_share: PerOption::from_fn(|o| maintenance_share(o, prices)),
        }
    }
}
