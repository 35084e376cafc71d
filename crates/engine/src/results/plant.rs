//! A hall's plant under each option: energy by part, the calibration against a measured PUE,
//! the liquid path's design day, air side, electrical headroom and any facility-water
//! extension ([`HallPlant`]).

use uom::si::f64::{Energy, Power, ThermodynamicTemperature, Time};

use super::ScopeResult;
use crate::per_option::OPTION_COUNT;

/// A hall's plant energy under one option, by part (annual, after calibration). The parts
/// sum to the hall's facility energy less its IT energy.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PlantEnergy {
    /// UPS losses (no-load, proportional and square-law).
    pub ups: Energy,
    /// Transformer, PDU and cable losses.
    pub distribution: Energy,
    pub lighting: Energy,
    /// BMS, security, fire systems, offices.
    pub ancillary: Energy,
    /// CRAH/CRAC fans and active rear doors' fans.
    pub fans: Energy,
    /// Chillers or DX compressors of the air plant.
    pub compressors: Energy,
    /// Cooling-tower or free-cooling coil fans.
    pub heat_rejection: Energy,
    /// Chilled- and condenser-water pumps.
    pub pumps: Energy,
    /// CDU, facility-water and rear-door loop pumps.
    pub liquid_pumps: Energy,
    pub dry_cooler_fans: Energy,
    /// Fans of the liquid-to-air CDUs.
    pub l2a_fans: Energy,
    pub trim_chiller: Energy,
    /// Of the above, what does not change with load (no-load losses, lighting, ancillary,
    /// fan and pump floors).
    pub fixed: Energy,
}

/// How a hall's measured PUE was reproduced: the model's own PUE on air, the excess, and how
/// it was split between the plant's fixed and load-driven parts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Calibration {
    pub split: coolplan_model::CalibrationSplit,
    pub measured_pue: f64,
    /// PUE of the hall on air before calibration.
    pub model_pue: f64,
    /// Excess put on the fixed parts, kWh per kWh of IT.
    pub excess_fixed: f64,
    /// Excess put on the load-driven parts, kWh per kWh of IT.
    pub excess_proportional: f64,
    /// Factor on the existing plant's fixed parts.
    pub factor_fixed: f64,
    /// Factor on the existing plant's load-driven parts.
    pub factor_proportional: f64,
    /// False when the measured PUE is below what the model's other part alone gives (a factor
    /// stopped at 0).
    pub reproduced: bool,
}

/// Can the facility water hold its supply on the dry cooler at the climate's design hour,
/// and if not, the trim chiller it needs (one liquid option of one hall).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DesignDay {
    pub dry_bulb: ThermodynamicTemperature,
    pub wet_bulb: ThermodynamicTemperature,
    /// Fluid leaving the dry cooler at design (adiabatic pads wet if fitted).
    pub cooler_leaving: ThermodynamicTemperature,
    /// The facility supply the hall asks for.
    pub supply: ThermodynamicTemperature,
    pub holds_supply: bool,
    /// Trim chiller capacity (zero when the supply holds).
    pub trim_capacity: Power,
    /// Trim chiller COP at design (none when it holds).
    pub trim_cop: Option<f64>,
    /// Hours a year the trim chiller runs.
    pub trim_hours: Time,
    pub trim_energy: Energy,
}

/// Energy of each hall's plant: per option its parts and design day, and the calibration.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HallPlant {
    pub calibration: Option<Calibration>,
    /// Air, cold plate, immersion.
    pub energy: [PlantEnergy; OPTION_COUNT],
    /// Per option: the liquid path's design day (none for air, for liquid tapped into chilled
    /// water, and without liquid heat).
    pub design_day: [Option<DesignDay>; OPTION_COUNT],
    /// Per option: heat on air and its airflow against the air plant.
    pub air_side: [crate::physical::air::AirSide; OPTION_COUNT],
    /// Per option: IT the same facility feed carries, and the headroom.
    pub electrical: [crate::physical::headroom::Headroom; OPTION_COUNT],
    /// The facility-water extension the hall's liquid options need (a hall without water).
    pub water_extension: Option<crate::physical::enabling::WaterExtension>,
}

impl HallPlant {
    /// This plant with the design days of the options that do not apply in the hall (`hall`,
    /// its results) left out: what every output says of the hall's plant.
    pub fn shown_in(&self, hall: &ScopeResult) -> HallPlant {
        let mut shown = self.clone();
        for option in hall.hidden() {
            shown.design_day[option.index()] = None;
        }
        shown
    }
}
