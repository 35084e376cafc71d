//! Climate as bins of hours at a dry bulb, humidity and wet bulb, from monthly normals, a
//! preset city or hourly weather (parsed at the io edge).
//!
//! Owns: the bin type, the diurnal model that turns monthly normals into 12 × 24 bins
//! ([`bins`]), the binning of hourly records, moist-air relations ([`psychro`]), the design
//! condition of a climate ([`ClimateData::design_point`]) and the preset cities ([`presets`]).
//! Never touches: files (an EPW file is read and parsed by `io`), the energy arithmetic.

pub mod bins;
pub mod presets;
pub mod psychro;

use uom::si::f64::{TemperatureInterval, ThermodynamicTemperature, Time};
use uom::si::temperature_interval::kelvin;
use uom::si::thermodynamic_temperature::degree_celsius;
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
    /// Wet bulb (Stull 2011 from dry bulb and RH; for hourly weather the mean of the hours').
    pub wet_bulb: ThermodynamicTemperature,
}

/// What the bins were made from: it decides how the design condition is found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClimateKind {
    /// Monthly means of daily extremes: no hour is hotter than the hottest mean maximum.
    MonthlyNormals,
    /// Hourly weather (a typical year): contains the hot hours themselves.
    Hourly,
}

/// The weather the energy model runs on.
#[derive(Clone, Debug, PartialEq)]
pub struct ClimateData {
    /// E.g. "Beijing (CMA 1971–2000 normals)".
    pub name: String,
    pub kind: ClimateKind,
    pub bins: Vec<ClimateBin>,
}

/// The outdoor condition plant is sized for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DesignPoint {
    pub dry_bulb: ThermodynamicTemperature,
    pub wet_bulb: ThermodynamicTemperature,
}

/// Share of the year's hours above the design dry bulb of hourly weather (ASHRAE's 0.4 %
/// annual cooling design condition: about 35 of 8,760 hours).
pub const DESIGN_EXCEEDANCE: f64 = 0.004;

impl ClimateData {
    /// Hours covered by all bins (8,760 for a typical year).
    pub fn total_hours(&self) -> Time {
        Time::new::<hour>(self.bins.iter().map(|b| b.hours.get::<hour>()).sum())
    }

    /// The design condition: for monthly normals the hottest bin plus `normals_margin` (normals
    /// hold no extremes); for hourly weather the dry bulb exceeded in [`DESIGN_EXCEEDANCE`] of
    /// the hours (bins from the hottest down until that many hours are passed). The wet bulb is
    /// Stull's at the design dry bulb with the dew point of the bin it came from. `None`
    /// without bins.
    pub fn design_point(&self, normals_margin: TemperatureInterval) -> Option<DesignPoint> {
        let hottest =
            |a: &&ClimateBin, b: &&ClimateBin| a.dry_bulb.value.total_cmp(&b.dry_bulb.value);
        let (bin, margin_k) = match self.kind {
            ClimateKind::MonthlyNormals => (
                self.bins.iter().max_by(hottest)?,
                normals_margin.get::<kelvin>(),
            ),
            ClimateKind::Hourly => {
                let mut order: Vec<&ClimateBin> = self.bins.iter().collect();
                order.sort_by(|a, b| hottest(b, a));
                let limit_h = DESIGN_EXCEEDANCE * self.total_hours().get::<hour>();
                let mut above_h = 0.0;
                let mut chosen = *order.first()?;
                for bin in order {
                    chosen = bin;
                    above_h += bin.hours.get::<hour>();
                    if above_h >= limit_h {
                        break;
                    }
                }
                (chosen, 0.0)
            }
        };
        let bin_c = bin.dry_bulb.get::<degree_celsius>();
        let dry_c = bin_c + margin_k;
        let dew_c = psychro::dew_point_c(bin_c, bin.relative_humidity);
        let rh = psychro::rh_from_dew_point(dry_c, dew_c);
        let celsius = ThermodynamicTemperature::new::<degree_celsius>;
        Some(DesignPoint {
            dry_bulb: celsius(dry_c),
            wet_bulb: celsius(psychro::wet_bulb_c(dry_c, rh)),
        })
    }
}
