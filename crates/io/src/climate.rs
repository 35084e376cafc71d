//! Resolving a site's climate reference to data: presets and monthly normals need no file;
//! an EPW path is read relative to the site file's folder.

use std::path::Path;

use crate::epw::{EpwError, read_epw};
use coolplan_climate::{ClimateData, ClimateKind};
use coolplan_climate::{NormalsError, bins_from_hourly, bins_from_normals, presets};
use coolplan_model::{ClimateSource, Site};
use coolplan_units::TemperatureUnit;

/// Fewest hours an EPW file must cover: a 365-day year (leap-year files have 8,784).
pub const EPW_MIN_HOURS: f64 = 8760.0;

/// A climate reference that could not be turned into data (worded by the words crate).
#[derive(Debug)]
pub enum ClimateError {
    UnknownPreset { key: String },
    Normals(NormalsError),
    Epw(EpwError),
    PartialYear { origin: String, hours: f64 },
}

impl From<NormalsError> for ClimateError {
    fn from(error: NormalsError) -> Self {
        ClimateError::Normals(error)
    }
}

impl From<EpwError> for ClimateError {
    fn from(error: EpwError) -> Self {
        ClimateError::Epw(error)
    }
}

/// The climate data for `site`; `base_dir` is the site file's folder (EPW paths are relative).
pub fn resolve(site: &Site, base_dir: Option<&Path>) -> Result<ClimateData, ClimateError> {
    match &site.location.climate {
        ClimateSource::Preset(key) => {
            presets::preset(key).ok_or_else(|| ClimateError::UnknownPreset { key: key.clone() })
        }
        ClimateSource::Monthly(normals) => {
            let celsius = |v: &[coolplan_units::TemperatureQ]| -> Vec<f64> {
                v.iter().map(|t| t.in_unit(TemperatureUnit::degC)).collect()
            };
            Ok(ClimateData {
                name: format!("{} ({})", site.location.name, normals.source),
                kind: ClimateKind::MonthlyNormals,
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
                kind: ClimateKind::Hourly,
                bins: bins_from_hourly(&epw.records),
            })
        }
    }
}
