//! Climate as bins of hours at a dry bulb and humidity, from monthly normals, a preset city or
//! hourly weather (parsed at the io edge).
//!
//! Owns: the bin type, the diurnal model that turns monthly normals into 12 × 24 bins
//! ([`bins`]), the binning of hourly records, and the preset cities ([`presets`]).
//! Never touches: files (an EPW file is read and parsed by `io`), the energy arithmetic.

pub mod bins;
pub mod presets;

use uom::si::f64::{ThermodynamicTemperature, Time};
use uom::si::time::hour;

pub use bins::{HourlyRecord, NormalsError, bins_from_hourly, bins_from_normals};

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

impl ClimateData {
    /// Hours covered by all bins (8,760 for a typical year).
    pub fn total_hours(&self) -> Time {
        Time::new::<hour>(self.bins.iter().map(|b| b.hours.get::<hour>()).sum())
    }
}
