//! Resolving a site's climate reference to data: presets and monthly normals need no file;
//! an EPW path is read relative to the site file's folder.

use std::path::Path;

use crate::engine::ClimateData;
use crate::engine::climate::{NormalsError, bins_from_hourly, bins_from_normals, presets};
use crate::i18n::climate::Clim;
use crate::i18n::{Lang, Text};
use crate::io::epw::{EpwError, read_epw};
use crate::model::climate::CLIMATE_PRESET_KEYS;
use crate::model::{ClimateSource, Site};
use crate::units::TemperatureUnit;

/// Fewest hours an EPW file must cover: a 365-day year (leap-year files have 8,784).
pub const EPW_MIN_HOURS: f64 = 8760.0;

/// A climate reference that could not be turned into data.
#[derive(Debug, thiserror::Error)]
pub enum ClimateError {
    #[error("{0}")]
    Message(String),
    #[error("unknown climate preset '{key}'; presets: {}", CLIMATE_PRESET_KEYS.join(", "))]
    UnknownPreset { key: String },
    #[error("monthly normals: {0}")]
    Normals(#[from] NormalsError),
    #[error(transparent)]
    Epw(#[from] EpwError),
    #[error("{origin}: covers {hours} h; a weather year needs at least 8,760 h")]
    PartialYear { origin: String, hours: f64 },
}

impl ClimateError {
    /// The error worded in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            ClimateError::Message(m) => m.clone(),
            ClimateError::UnknownPreset { key } => {
                Clim::UnknownPreset.fmt(lang, &[key, &CLIMATE_PRESET_KEYS.join(", ")])
            }
            ClimateError::Normals(e) => {
                let detail = match e {
                    NormalsError::NotTwelve { series, found } => {
                        Clim::NotTwelve.fmt(lang, &[series, found])
                    }
                    NormalsError::MinAboveMax { month, min, max } => {
                        Clim::MinAboveMax.fmt(lang, &[month, min, max])
                    }
                    NormalsError::OutOfRange {
                        month,
                        series,
                        value,
                    } => Clim::OutOfRange.fmt(lang, &[month, series, value]),
                };
                Clim::Normals.fmt(lang, &[&detail])
            }
            ClimateError::Epw(e) => e.text(lang),
            ClimateError::PartialYear { origin, hours } => {
                Clim::PartialYear.fmt(lang, &[origin, hours])
            }
        }
    }
}

/// The climate data for `site`; `base_dir` is the site file's folder (EPW paths are relative).
pub fn resolve(site: &Site, base_dir: Option<&Path>) -> Result<ClimateData, ClimateError> {
    match &site.location.climate {
        ClimateSource::Preset(key) => {
            presets::preset(key).ok_or_else(|| ClimateError::UnknownPreset { key: key.clone() })
        }
        ClimateSource::Monthly(normals) => {
            let celsius = |v: &[crate::units::TemperatureQ]| -> Vec<f64> {
                v.iter().map(|t| t.in_unit(TemperatureUnit::degC)).collect()
            };
            Ok(ClimateData {
                name: format!("{} ({})", site.location.name, normals.source),
                bins: bins_from_normals(
                    &celsius(&normals.daily_max),
                    &celsius(&normals.daily_min),
                    &normals.relative_humidity,
                )?,
            })
        }
        ClimateSource::Epw(relative) => {
            let path = match base_dir {
                Some(dir) => dir.join(relative),
                None => Path::new(relative).to_path_buf(),
            };
            let epw = read_epw(&path)?;
            let hours: f64 = epw.records.iter().map(|r| r.hours).sum();
            if hours < EPW_MIN_HOURS - 1e-6 {
                return Err(ClimateError::PartialYear {
                    origin: path.display().to_string(),
                    hours,
                });
            }
            Ok(ClimateData {
                name: format!("{} (EPW {})", epw.location, relative),
                bins: bins_from_hourly(&epw.records),
            })
        }
    }
}
