//! Preset cities: monthly normals from `shared/reference/climate.md`, each with its source.
//!
//! Where a series is missing it is derived, and the derivation is stated in the preset's
//! `source` text (shown in the assumptions appendix) and in `docs/method.md`:
//! - Shanghai: only daily-mean (CSWD) and mean daily max (CMA) are published here; the mean
//!   daily min is derived as `2 × mean − max` (the diurnal model's mean is (max + min) / 2).
//! - Singapore: only the daily max per month; the annual mean daily min ≈ 25 °C is used for
//!   every month (1991–2020 summary).
//! - Zhangjiakou: no RH series; Beijing's CSWD typical-year RH is used as a proxy [EST]
//!   (RH enters the energy model through the wet bulb of cooling towers and adiabatic pads).

use super::bins::{NormalsError, bins_from_normals};
use super::{ClimateData, ClimateKind};
use coolplan_model::climate::CLIMATE_PRESET_KEYS;

/// A preset city's normals before binning.
#[derive(Clone, Debug, PartialEq)]
pub struct PresetNormals {
    pub key: &'static str,
    pub name: &'static str,
    pub source: &'static str,
    pub daily_max_c: [f64; 12],
    pub daily_min_c: [f64; 12],
    pub relative_humidity: [f64; 12],
}

const BEIJING_RH: [f64; 12] = [
    43.0, 39.0, 35.0, 50.0, 60.0, 57.0, 80.0, 75.0, 66.0, 56.0, 56.0, 46.0,
];
const SHANGHAI_MEAN_C: [f64; 12] = [
    4.5, 6.3, 9.9, 15.3, 20.6, 24.3, 27.5, 27.0, 24.4, 18.9, 13.6, 7.4,
];
const SHANGHAI_MAX_C: [f64; 12] = [
    8.1, 9.2, 12.8, 19.1, 24.1, 27.6, 31.8, 31.3, 27.2, 22.6, 17.0, 11.1,
];

/// Shanghai's mean daily min, derived as 2 × mean − max.
fn shanghai_min_c() -> [f64; 12] {
    std::array::from_fn(|m| 2.0 * SHANGHAI_MEAN_C[m] - SHANGHAI_MAX_C[m])
}

/// The normals of a preset key, if it is one of [`CLIMATE_PRESET_KEYS`].
pub fn preset_normals(key: &str) -> Option<PresetNormals> {
    let p = match key {
        "beijing" => PresetNormals {
            key: "beijing",
            name: "Beijing 北京",
            source: "CMA 1971–2000 mean daily max/min, station 54511; RH from the CSWD typical year",
            daily_max_c: [
                1.8, 5.0, 11.6, 20.3, 26.0, 30.2, 30.9, 29.7, 25.8, 19.1, 10.1, 3.7,
            ],
            daily_min_c: [
                -8.4, -5.6, 0.4, 7.9, 13.6, 18.8, 22.0, 20.8, 14.8, 7.9, 0.0, -5.8,
            ],
            relative_humidity: BEIJING_RH,
        },
        "shanghai" => PresetNormals {
            key: "shanghai",
            name: "Shanghai 上海",
            source: "CMA 1971–2000 mean daily max; CSWD typical-year (Baoshan 583620) daily mean \
                     and RH; mean daily min derived as 2 × mean − max",
            daily_max_c: SHANGHAI_MAX_C,
            daily_min_c: shanghai_min_c(),
            relative_humidity: [
                77.0, 72.0, 79.0, 74.0, 77.0, 83.0, 82.0, 83.0, 77.0, 73.0, 68.0, 67.0,
            ],
        },
        "hong-kong" => PresetNormals {
            key: "hong-kong",
            name: "Hong Kong 香港",
            source: "Hong Kong Observatory headquarters 1981–2010 normals",
            daily_max_c: [
                18.6, 18.9, 21.4, 25.0, 28.4, 30.2, 31.4, 31.1, 30.1, 27.8, 24.1, 20.2,
            ],
            daily_min_c: [
                14.5, 15.0, 17.2, 20.8, 24.1, 26.2, 26.8, 26.6, 25.8, 23.7, 19.8, 15.9,
            ],
            relative_humidity: [
                74.0, 80.0, 82.0, 83.0, 83.0, 82.0, 81.0, 81.0, 78.0, 73.0, 71.0, 69.0,
            ],
        },
        "zhangjiakou" => PresetNormals {
            key: "zhangjiakou",
            name: "Zhangjiakou 张家口",
            source: "Proxy station Tianzhen, Shanxi (1,015 m, ≈75 km away), CMA 1991–2020 \
                     mean daily max/min; RH not published: Beijing CSWD RH used [EST]",
            daily_max_c: [
                -2.8, 2.0, 9.1, 17.4, 23.8, 27.6, 28.7, 27.2, 22.7, 15.4, 6.1, -1.3,
            ],
            daily_min_c: [
                -16.8, -12.4, -5.3, 2.0, 8.8, 13.7, 16.3, 14.5, 8.3, 1.3, -6.8, -14.1,
            ],
            relative_humidity: BEIJING_RH,
        },
        "singapore" => PresetNormals {
            key: "singapore",
            name: "Singapore 新加坡",
            source: "Changi, UK Met Office mean daily max and RH; mean daily min ≈25 °C every \
                     month (annual mean, 1991–2020 summary)",
            daily_max_c: [
                30.5, 31.6, 32.0, 32.3, 32.3, 31.9, 31.4, 31.4, 31.6, 31.7, 31.3, 30.5,
            ],
            daily_min_c: [25.0; 12],
            relative_humidity: [
                85.0, 83.0, 84.0, 84.0, 83.0, 82.0, 82.0, 82.0, 82.0, 83.0, 85.0, 86.0,
            ],
        },
        _ => return None,
    };
    debug_assert!(CLIMATE_PRESET_KEYS.contains(&p.key));
    Some(p)
}

impl PresetNormals {
    /// The climate data (12 × 24 diurnal bins) of this preset.
    pub fn climate(&self) -> Result<ClimateData, NormalsError> {
        Ok(ClimateData {
            name: format!("{} ({})", self.name, self.source),
            kind: ClimateKind::MonthlyNormals,
            bins: bins_from_normals(
                &self.daily_max_c,
                &self.daily_min_c,
                &self.relative_humidity,
            )?,
        })
    }
}

/// The climate of a preset key, if known.
pub fn preset(key: &str) -> Option<ClimateData> {
    // Invariant: every preset's tables have 12 values with min ≤ max (tested below).
    preset_normals(key).and_then(|p| p.climate().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_key_has_a_preset_of_8760_hours() {
        for key in CLIMATE_PRESET_KEYS {
            let climate = preset(key).unwrap_or_else(|| panic!("no preset {key}"));
            let hours = climate.total_hours().get::<uom::si::time::hour>();
            assert_eq!(hours, 8760.0, "{key}");
        }
        assert!(preset("atlantis").is_none());
    }

    #[test]
    fn shanghai_min_is_twice_mean_minus_max() {
        let min = shanghai_min_c();
        // January: 2 × 4.5 − 8.1 = 0.9 °C; July: 2 × 27.5 − 31.8 = 23.2 °C.
        assert!((min[0] - 0.9).abs() < 1e-9);
        assert!((min[6] - 23.2).abs() < 1e-9);
    }
}
