//! Climate references of a site: a preset city, monthly normals written in the file, or an
//! hourly EPW weather file (read by the shell, never by the engine).

use serde::{Deserialize, Serialize};

use coolplan_units::TemperatureQ;

/// Where the engine's weather comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ClimateSource {
    /// A city of `docs/method.md`'s preset table, by key (e.g. `"beijing"`).
    Preset(String),
    /// Monthly normals written in the file.
    Monthly(MonthlyNormals),
    /// An EnergyPlus weather file, path relative to the site file.
    Epw(String),
}

/// Twelve monthly means of daily maximum and minimum dry bulb, and relative humidity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonthlyNormals {
    /// Source of the figures, for the assumptions appendix.
    pub source: String,
    pub daily_max: Vec<TemperatureQ>,
    pub daily_min: Vec<TemperatureQ>,
    /// Relative humidity, % (0–100).
    pub relative_humidity: Vec<f64>,
}

/// Keys of the built-in climate presets (`Preset("beijing")`); the thermal engine's data and
/// the validator both use this list.
pub const CLIMATE_PRESET_KEYS: &[&str] = &[
    "beijing",
    "shanghai",
    "hong-kong",
    "zhangjiakou",
    "singapore",
];
