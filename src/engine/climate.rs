//! Climate as bins of hours at a dry bulb and humidity, from monthly normals, a preset city or
//! hourly weather (parsed at the io edge).

use uom::si::f64::{ThermodynamicTemperature, Time};

/// Hours of one month at one outdoor condition.
#[derive(Clone, Debug, PartialEq)]
pub struct ClimateBin {
    /// Month, 0 = January.
    pub month: u8,
    pub hours: Time,
    pub dry_bulb: ThermodynamicTemperature,
    /// Relative humidity, 0–100 %.
    pub relative_humidity: f64,
}

/// The weather the energy model runs on.
#[derive(Clone, Debug, PartialEq)]
pub struct ClimateData {
    /// E.g. "Beijing (CMA 1971–2000 normals)".
    pub name: String,
    pub bins: Vec<ClimateBin>,
}
