//! CAPEX of one rack group under one option, converting the whole group (the caller blends
//! in the retrofit share), in per-kW or itemised mode.
//!
//! Timing: stock servers' items (kits, labour, downtime, per-kW stock price) fall in year 0;
//! new servers' items (factory premium, per-kW new price, prep) in their arrival year; rack
//! plant (manifolds, CDUs, piping, trim chiller, tanks, fluid, floor) when the group first
//! needs liquid. Servers that replace retiring ones come liquid-ready in the retirement year,
//! in both cost modes: on cold plate their factory premium, in immersion their preparation;
//! the plant already bought keeps serving them, and the servers themselves are not priced
//! (the same in every option). On air they cost nothing.
//!
//! Decisions (documented in docs/report-json.md and the final note):
//! - Added air capacity is paid by the air option for new-server load beyond the hall's spare
//!   air capacity (capacity − stock load on air), shared pro rata over the new cohorts, each
//!   in its arrival year or the year an air-plant addition is in service, if later.
//! - Floor reinforcement is paid under immersion tanks on raised floors (tank footprint × price);
//!   slabs need none. A floor too weak even so is an infeasibility from the thermal engine.
//! - Contingency applies in itemised mode to each year's items; per-kW prices are all in.
//! - Manifolds are bought for racks that are not rack-scale systems: a GB200 NVL72 comes with
//!   its own manifolds (and its mass includes them).
//! - Rear doors (door options and the hybrid), in both cost modes (a per-kW price is for the
//!   servers' conversion): one door per rack and its installation, a door CDU (the CDU price
//!   per kW of door design heat) and its piping (per kW of door heat), when the group first
//!   needs them; no labour on the servers and no downtime (servers untouched). A DX room's
//!   door loop adds its own trim chiller (per kW of door heat) and, without facility water,
//!   its part of the extension. A door option pays added air capacity only for the share of
//!   new load its doors leave on air.

use super::basis::RackBasis;
use super::streams::Streams;
use super::unit_prices::UnitPrices;
use crate::per_option::PerOption;
use crate::physical::CostDrivers;
use crate::physical::door::DoorSupply;
use crate::results::{CoolingOption, CostItem, Door, ServerCooling};
use coolplan_model::CostMode;
use coolplan_model::assumptions::prices::PricesResolved;
use coolplan_units::{PowerUnit, Price};

/// What a rack group's CAPEX depends on besides its basis and thermal figures.
pub struct CapexInputs<'a> {
    pub mode: CostMode,
    pub prices: &'a PricesResolved,
    /// The prices per unit the kernels multiply, converted once ([`UnitPrices`]).
    pub unit: &'a UnitPrices,
    /// The hall has a raised floor (tanks then need reinforcement).
    pub raised_floor: bool,
    /// Share of new-server design load that needs added air capacity on air, 0..=1.
    pub added_air_share: f64,
    /// Cash-flow year an air-plant addition ordered at the study's start is in service
    /// (`super::works::in_service_year`): added air capacity is paid when its servers arrive
    /// or then, whichever is later, as the plan pays its addition.
    pub air_in_service: usize,
    /// Per option: the hall's trim chiller kW per kW of its liquid design heat (0 where the
    /// dry cooler holds the supply); a group's trim chiller is this × its liquid design heat.
    pub trim_per_liquid_kw: PerOption<f64>,
    /// The hall has no facility water: its liquid options pay for an extension
    /// (`physical::enabling`).
    pub water_extension: bool,
    /// Where the hall's rear doors get their water: a DX room's door loop has its own trim
    /// chiller, and the extension where the room has no facility water
    /// (`physical::door::door_supply`).
    pub door_supply: DoorSupply,
}

/// Adds the CAPEX of `option` for the whole group to `streams`.
pub fn add_capex(
    option: CoolingOption,
    basis: &RackBasis,
    physical: &CostDrivers,
    inputs: &CapexInputs,
    streams: &mut Streams,
) {
    let thermal = physical;
    let cdus = physical.cdu_capacity.get::<uom::si::power::kilowatt>();
    match (option.servers(), inputs.mode) {
        (ServerCooling::Air, _) => {
            added_air_capacity(basis, inputs, left_on_air(physical), streams)
        }
        (_, CostMode::PerKw) => per_kw(option, basis, inputs.unit, streams),
        (ServerCooling::ColdPlate, CostMode::Itemised) => {
            cold_plate_items(basis, thermal, cdus, inputs, streams)
        }
        (ServerCooling::Immersion, CostMode::Itemised) => {
            immersion_items(basis, thermal, cdus, inputs, streams)
        }
    }
    if let Some(door) = option.door() {
        door_items(door, basis, thermal, inputs, streams);
    }
    if option.needs_facility_water()
        && inputs.water_extension
        && thermal.heat_to_liquid.get::<uom::si::power::watt>() > 0.0
    {
        water_extension(basis, thermal, inputs, streams);
    }
    refresh_items(option, basis, inputs.prices, streams);
    if inputs.mode == CostMode::Itemised {
        add_contingency(inputs.prices.contingency, streams);
    }
}

/// The group's part of its hall's facility-water extension: its liquid design heat × the
/// price per kW, when the group first needs liquid (in both cost modes: a per-kW price is
/// all-in for the room, not for bringing water to it).
fn water_extension(
    basis: &RackBasis,
    thermal: &CostDrivers,
    inputs: &CapexInputs,
    s: &mut Streams,
) {
    let liquid_kw = thermal.heat_to_liquid.get::<uom::si::power::kilowatt>();
    let price = inputs.unit.facility_water_extension_per_kw;
    s.spend(
        CostItem::FacilityWaterExtension,
        basis.first_year(),
        liquid_kw * price,
    );
}

/// Share of the group's IT its option leaves on the room's air (1 without a door).
fn left_on_air(physical: &CostDrivers) -> f64 {
    let it = physical.it_design.get::<uom::si::power::watt>();
    if physical.option.door().is_some() && it > 0.0 {
        physical.heat_to_air.get::<uom::si::power::watt>() / it
    } else {
        1.0
    }
}

/// Rear doors of a group: one per rack with its installation, the door CDU and piping for
/// the door's design heat; in a DX room the door loop's own trim chiller at the door's design
/// heat, and its part of the facility-water extension where the room has no water.
fn door_items(
    door: Door,
    basis: &RackBasis,
    thermal: &CostDrivers,
    inputs: &CapexInputs,
    s: &mut Streams,
) {
    let prices = inputs.prices;
    let year = basis.first_year();
    // a hybrid's doors are active where its residual exceeds a passive door's rating
    let active_share = if thermal.door_count > 0 {
        thermal.active_door_count as f64 / thermal.door_count as f64
    } else {
        f64::from(u8::from(door == Door::Active))
    };
    let (passive, active) = (
        prices.rdhx_passive_each.amount,
        prices.rdhx_active_each.amount,
    );
    let each = active_share * active + (1.0 - active_share) * passive;
    s.spend(CostItem::RearDoors, year, basis.racks * each);
    let install = prices.rdhx_install_each.amount;
    s.spend(CostItem::RearDoorInstall, year, basis.racks * install);
    let door_kw = thermal.heat_to_door.get::<uom::si::power::kilowatt>();
    let unit = inputs.unit;
    s.spend(CostItem::Cdus, year, door_kw * unit.l2l_cdu_per_kw);
    s.spend(CostItem::Piping, year, door_kw * unit.piping_per_kw);
    if inputs.door_supply.trim {
        s.spend(
            CostItem::TrimChiller,
            year,
            door_kw * unit.trim_chiller_per_kw,
        );
    }
    if inputs.door_supply.extension {
        let extension = unit.facility_water_extension_per_kw;
        s.spend(CostItem::FacilityWaterExtension, year, door_kw * extension);
    }
}

fn added_air_capacity(basis: &RackBasis, inputs: &CapexInputs, on_air: f64, streams: &mut Streams) {
    let price = inputs.unit.air_added_capacity_per_kw;
    for cohort in &basis.new {
        let kw = cohort.design_kw * inputs.added_air_share * on_air;
        let year = cohort.year.max(inputs.air_in_service);
        streams.spend(CostItem::AddedAirCapacity, year, kw * price);
    }
}

/// The per-kW mode's all-in prices of `option`: stock servers, new servers.
pub fn per_kw_prices(
    option: CoolingOption,
    prices: &PricesResolved,
) -> (&Price<PowerUnit>, &Price<PowerUnit>) {
    match option.servers() {
        ServerCooling::Immersion => (&prices.immersion_stock_per_kw, &prices.immersion_new_per_kw),
        ServerCooling::ColdPlate if option.liquid_to_room() => {
            (&prices.l2a_stock_per_kw, &prices.l2a_new_per_kw)
        }
        ServerCooling::Air | ServerCooling::ColdPlate => (
            &prices.cold_plate_stock_per_kw,
            &prices.cold_plate_new_per_kw,
        ),
    }
}

fn per_kw(option: CoolingOption, basis: &RackBasis, unit: &UnitPrices, streams: &mut Streams) {
    let (stock_price, new_price) = unit.per_kw[option];
    let stock = stock_price * basis.stock.design_kw;
    streams.spend(CostItem::PerKwStock, 0, stock);
    for cohort in &basis.new {
        let amount = new_price * cohort.design_kw;
        streams.spend(CostItem::PerKwNew, cohort.year, amount);
    }
}

/// Items every liquid option shares: CDUs, facility piping, and retrofit labour and downtime.
/// `cdu_kw`: the CDU capacity attributed to the group (its part of its hall's installed units).
/// Liquid-to-air CDUs replace the liquid-to-liquid ones and need no facility piping or trim
/// chiller: their heat goes to the room's air.
fn shared_liquid_items(
    basis: &RackBasis,
    thermal: &CostDrivers,
    cdu_kw: f64,
    inputs: &CapexInputs,
    s: &mut Streams,
) {
    let (prices, unit) = (inputs.prices, inputs.unit);
    let plant_year = basis.first_year();
    let item = cdu_item_of(thermal.option);
    s.spend(item, plant_year, cdu_kw * unit.cdu_per_kw[thermal.option]);
    if !thermal.option.liquid_to_room() {
        let liquid_kw = thermal.heat_to_liquid.get::<uom::si::power::kilowatt>();
        s.spend(CostItem::Piping, plant_year, liquid_kw * unit.piping_per_kw);
        let trim_kw = liquid_kw * inputs.trim_per_liquid_kw[thermal.option];
        let trim_price = unit.trim_chiller_per_kw;
        s.spend(CostItem::TrimChiller, plant_year, trim_kw * trim_price);
    }
    if basis.has_stock() {
        let labour = basis.stock.servers * prices.labour_per_server.amount;
        s.spend(CostItem::Labour, 0, labour);
        let hours = unit.downtime_hours_per_rack;
        let per_hour = unit.downtime_cost_per_rack_hour;
        s.spend(CostItem::Downtime, 0, basis.racks * hours * per_hour);
    }
}

fn cold_plate_items(
    basis: &RackBasis,
    thermal: &CostDrivers,
    cdus: f64,
    inputs: &CapexInputs,
    s: &mut Streams,
) {
    s.spend(CostItem::ColdPlateKits, 0, basis.stock.kit_cost);
    for cohort in &basis.new {
        s.spend(
            CostItem::FactoryPremium,
            cohort.year,
            cohort.factory_premium,
        );
    }
    let manifolds = basis.manifold_racks * inputs.prices.manifold_per_rack.amount;
    s.spend(CostItem::Manifolds, basis.first_year(), manifolds);
    shared_liquid_items(basis, thermal, cdus, inputs, s);
}

fn immersion_items(
    basis: &RackBasis,
    thermal: &CostDrivers,
    cdus: f64,
    inputs: &CapexInputs,
    s: &mut Streams,
) {
    let prices = inputs.prices;
    let plant_year = basis.first_year();
    let tanks = thermal.tank_count as f64;
    s.spend(CostItem::Tanks, plant_year, tanks * prices.tank_each.amount);
    let litres = thermal.fluid_volume.get::<uom::si::volume::liter>();
    let fluid = inputs.unit.fluid_per_litre;
    s.spend(CostItem::Fluid, plant_year, litres * fluid);
    let prep = prices.immersion_prep_per_server.amount;
    for cohort in basis.cohorts() {
        s.spend(
            CostItem::ImmersionPrep,
            cohort.year,
            cohort.prep_servers * prep,
        );
    }
    if inputs.raised_floor {
        let footprint_m2 = tanks * inputs.unit.tank_footprint_m2;
        let per_m2 = inputs.unit.floor_reinforcement_per_m2;
        s.spend(
            CostItem::FloorReinforcement,
            plant_year,
            footprint_m2 * per_m2,
        );
    }
    shared_liquid_items(basis, thermal, cdus, inputs, s);
}

/// The CDU item of `option` and its price per kW of capacity: liquid-to-air units where the
/// liquid heat returns to the room, liquid-to-liquid CDUs otherwise.
pub fn cdu_item(option: CoolingOption, prices: &PricesResolved) -> (CostItem, f64) {
    let price = if option.liquid_to_room() {
        &prices.l2a_per_kw_capacity
    } else {
        &prices.cdu_per_kw_capacity
    };
    (cdu_item_of(option), price.amount_per(PowerUnit::kW))
}

/// The CDU item of `option` ([`cdu_item`]).
fn cdu_item_of(option: CoolingOption) -> CostItem {
    if option.liquid_to_room() {
        CostItem::LiquidToAirUnits
    } else {
        CostItem::Cdus
    }
}

/// Liquid-readiness of the servers that replace retiring ones, in their refresh year.
fn refresh_items(
    option: CoolingOption,
    basis: &RackBasis,
    prices: &PricesResolved,
    s: &mut Streams,
) {
    for cohort in &basis.refresh {
        match option.servers() {
            ServerCooling::Air => {}
            ServerCooling::ColdPlate => {
                s.spend(CostItem::Refresh, cohort.year, cohort.factory_premium)
            }
            ServerCooling::Immersion => {
                let prep = prices.immersion_prep_per_server.amount;
                s.spend(CostItem::Refresh, cohort.year, cohort.prep_servers * prep);
            }
        }
    }
}

/// Contingency on each year's other items.
fn add_contingency(share: f64, streams: &mut Streams) {
    streams.add_share_of_each_year(CostItem::Contingency, share);
}
