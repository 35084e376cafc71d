//! What plant serves a hall: the air plant's type, the UPS, how the liquid path rejects its
//! heat, and how a measured PUE is split. Every field that holds one of these is optional in
//! the file; the defaults are listed here and in `docs/method.md` §7.

use serde::{Deserialize, Serialize};

fn yes() -> bool {
    true
}

/// The plant that cools a hall's air (CRAH/CRAC units and what rejects their heat).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum AirPlant {
    /// CRAH units on chilled water from water-cooled chillers with a cooling tower; the
    /// waterside economiser (plate heat exchanger on tower water) works on the wet bulb.
    ChilledWaterTower {
        #[serde(default = "yes")]
        economiser: bool,
    },
    /// CRAH units on chilled water from air-cooled chillers; the economiser is a dry
    /// free-cooling coil (dry bulb); adiabatic pads pre-cool the condenser air.
    ChilledWaterAirCooled {
        #[serde(default = "yes")]
        economiser: bool,
        #[serde(default)]
        adiabatic: bool,
    },
    /// DX CRAC units with air-cooled condensers (small rooms); the economiser is a pumped
    /// refrigerant or glycol coil.
    DxCrac {
        #[serde(default)]
        economiser: bool,
        #[serde(default)]
        adiabatic: bool,
    },
}

impl Default for AirPlant {
    /// Chilled water with a cooling tower and waterside economiser: the usual existing hall.
    fn default() -> Self {
        AirPlant::ChilledWaterTower { economiser: true }
    }
}

impl AirPlant {
    /// The UPS redundancy a hall of this plant type has when the file gives none: 2N for
    /// chilled-water halls, a single UPS (N) for rooms on DX CRAC units.
    pub fn default_ups(self) -> UpsRedundancy {
        match self {
            AirPlant::DxCrac { .. } => UpsRedundancy::N,
            _ => UpsRedundancy::TwoN,
        }
    }
}

/// How the UPS capacity relates to the hall's IT capacity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum UpsRedundancy {
    /// One UPS rated for the IT capacity.
    N,
    /// `modules` duty modules plus one spare, all sharing the load.
    NPlus1 { modules: u32 },
    /// Two full systems, each rated for the IT capacity, each carrying half.
    TwoN,
}

impl UpsRedundancy {
    /// Installed UPS rating per unit of IT capacity: 1, (n + 1)/n, 2.
    pub fn rating_factor(self) -> f64 {
        match self {
            UpsRedundancy::N => 1.0,
            UpsRedundancy::NPlus1 { modules } => {
                let n = f64::from(modules.max(1));
                (n + 1.0) / n
            }
            UpsRedundancy::TwoN => 2.0,
        }
    }
}

/// UPS losses as shares of the UPS rating `R` at load `P`:
/// `R·no_load + proportional·P + square·P²/R`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub enum UpsCurve {
    /// Transformer-based double conversion: 0.030 / 0.030 / 0.010 [EST] (86.8 % at 25 % load,
    /// 91.3 % at 50 %, 93.5 % at 100 %; Schneider WP108 shape, Riello ≈85 % at 20–25 %).
    #[default]
    Legacy,
    /// Transformerless double conversion: 0.010 / 0.020 / 0.010 [EST] (94.1 / 95.7 / 96.2 %).
    Modern,
    /// A tested curve (e.g. from an IEC 62040-3 test report), shares of the rating.
    Custom {
        no_load: f64,
        proportional: f64,
        square: f64,
    },
}

impl UpsCurve {
    /// `(no_load, proportional, square)`, shares of the rating.
    pub fn coefficients(self) -> (f64, f64, f64) {
        match self {
            UpsCurve::Legacy => (0.030, 0.030, 0.010),
            UpsCurve::Modern => (0.010, 0.020, 0.010),
            UpsCurve::Custom {
                no_load,
                proportional,
                square,
            } => (no_load, proportional, square),
        }
    }
}

/// Where the liquid path's heat leaves the facility water.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum HeatRejection {
    /// A dedicated dry cooler on the facility water, with a trim chiller in series for the
    /// hours it cannot make the supply; adiabatic pads wet only when the dry cooler falls short.
    DryCooler {
        #[serde(default)]
        adiabatic: bool,
    },
    /// The CDUs are tapped into the air plant's chilled water (a retrofit without a cooler).
    ChilledWater,
}

impl Default for HeatRejection {
    fn default() -> Self {
        HeatRejection::DryCooler { adiabatic: false }
    }
}

/// How the excess of a measured PUE over the model is split between the plant's fixed and
/// load-driven parts (`docs/method.md` §7, calibration).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum CalibrationSplit {
    /// In the model's own fixed : proportional ratio at the measured point (one factor on
    /// every existing-plant part).
    #[default]
    Uniform,
    /// All of the excess on the fixed parts.
    Fixed,
    /// All of the excess on the load-driven parts.
    Proportional,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ups_rating_factors() {
        assert_eq!(UpsRedundancy::N.rating_factor(), 1.0);
        assert_eq!(UpsRedundancy::TwoN.rating_factor(), 2.0);
        // 4 duty modules + 1: 5/4.
        assert_eq!(UpsRedundancy::NPlus1 { modules: 4 }.rating_factor(), 1.25);
    }

    #[test]
    fn plant_fields_left_out_take_their_defaults() {
        let plant: AirPlant = ron::from_str("DxCrac()").unwrap();
        assert_eq!(
            plant,
            AirPlant::DxCrac {
                economiser: false,
                adiabatic: false
            }
        );
        let plant: AirPlant = ron::from_str("ChilledWaterTower()").unwrap();
        assert_eq!(plant, AirPlant::default());
        assert_eq!(plant.default_ups(), UpsRedundancy::TwoN);
    }
}
