//! Calibration to a measured PUE (`docs/method.md` §7.5): the hall on air, as it is, is
//! evaluated; the excess `X = (PUE_measured − 1)·E_IT − O` over the model's overhead `O` is
//! split between the existing plant's fixed parts (`O_f`) and its load-driven parts (`O_p`,
//! IT- and air-driven) by the hall's rule, and each is scaled by its own factor:
//! `κ_f = 1 + X_f/O_f`, `κ_p = 1 + X_p/O_p` (never below 0). The new liquid path is never
//! scaled.
//!
//! Rules: `Uniform` (default) `X_f/X = O_f/O` — one factor on every existing part, the excess
//! keeping the model's own fixed : proportional ratio (a single annual figure says nothing
//! about which part is off); `Fixed`: all on the fixed parts; `Proportional`: all on the
//! load-driven parts. Under `Uniform` every measured PUE ≥ 1 is reproduced.

use super::state::{Class, StateEnergy};
use crate::results::Calibration;
use coolplan_model::CalibrationSplit;

/// Factors on the existing plant's fixed and load-driven parts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Factors {
    pub fixed: f64,
    pub proportional: f64,
}

impl Factors {
    pub const NONE: Factors = Factors {
        fixed: 1.0,
        proportional: 1.0,
    };
    /// The factor on a part of `class`.
    pub fn of(self, class: Class) -> f64 {
        match class {
            Class::Fixed => self.fixed,
            Class::It | Class::Air => self.proportional,
            Class::Liquid | Class::Door => 1.0,
        }
    }
}

/// The calibration of a hall whose all-air state is `air` with IT energy `it_wh`, to
/// `measured_pue` under `split`; `None` without IT energy.
pub fn calibrate(
    split: CalibrationSplit,
    measured_pue: f64,
    air: &StateEnergy,
    it_wh: f64,
) -> Option<(Factors, Calibration)> {
    if it_wh <= 0.0 || !measured_pue.is_finite() {
        return None;
    }
    let fixed_wh = air.class_wh(Class::Fixed);
    let proportional_wh = air.class_wh(Class::It) + air.class_wh(Class::Air);
    let overhead_wh =
        fixed_wh + proportional_wh + air.class_wh(Class::Liquid) + air.class_wh(Class::Door);
    let excess_wh = (measured_pue - 1.0) * it_wh - overhead_wh;
    let share_fixed = if fixed_wh <= 0.0 {
        0.0
    } else if proportional_wh <= 0.0 {
        1.0
    } else {
        match split {
            CalibrationSplit::Uniform => fixed_wh / (fixed_wh + proportional_wh),
            CalibrationSplit::Fixed => 1.0,
            CalibrationSplit::Proportional => 0.0,
        }
    };
    let factor = |part_wh: f64, share: f64| {
        if part_wh > 0.0 {
            1.0 + excess_wh * share / part_wh
        } else {
            1.0
        }
    };
    let raw_fixed = factor(fixed_wh, share_fixed);
    let raw_proportional = factor(proportional_wh, 1.0 - share_fixed);
    let factors = Factors {
        fixed: raw_fixed.max(0.0),
        proportional: raw_proportional.max(0.0),
    };
    let calibration = Calibration {
        split,
        measured_pue,
        model_pue: 1.0 + overhead_wh / it_wh,
        excess_fixed: (factors.fixed - 1.0) * fixed_wh / it_wh,
        excess_proportional: (factors.proportional - 1.0) * proportional_wh / it_wh,
        factor_fixed: factors.fixed,
        factor_proportional: factors.proportional,
        reproduced: raw_fixed >= 0.0 && raw_proportional >= 0.0,
    };
    Some((factors, calibration))
}
