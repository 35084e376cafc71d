//! Moist-air relations the bins need: saturation vapour pressure and dew point (Magnus,
//! Alduchov & Eskridge 1996 coefficients) and the wet bulb from dry bulb and relative
//! humidity (Stull 2011). Kernels in °C and % RH.

/// Magnus coefficients over water (Alduchov & Eskridge 1996): `e_s = 6.1094·exp(b·T/(c + T))` hPa.
const MAGNUS_B: f64 = 17.625;
const MAGNUS_C_C: f64 = 243.04;

fn magnus_gamma(t_c: f64) -> f64 {
    MAGNUS_B * t_c / (MAGNUS_C_C + t_c)
}

/// Relative humidity (%) of air at `dry_bulb_c` with dew point `dew_point_c`, clamped to 0–100.
pub fn rh_from_dew_point(dry_bulb_c: f64, dew_point_c: f64) -> f64 {
    (100.0 * (magnus_gamma(dew_point_c) - magnus_gamma(dry_bulb_c)).exp()).clamp(0.0, 100.0)
}

/// Dew point (°C) of air at `dry_bulb_c` and relative humidity `rh` (%, floored at 0.1 %).
pub fn dew_point_c(dry_bulb_c: f64, rh: f64) -> f64 {
    let g = (rh.max(0.1) / 100.0).ln() + magnus_gamma(dry_bulb_c);
    MAGNUS_C_C * g / (MAGNUS_B - g)
}

/// RH range Stull's fit was made for; values outside are clamped to it.
pub const STULL_RH_RANGE: (f64, f64) = (5.0, 99.0);

/// Wet bulb (°C) from dry bulb (°C) and relative humidity (%), Stull (2011), J. Appl.
/// Meteor. Climatol. 50, 2267–2269, fitted at standard sea-level pressure:
/// `Tw = T·atan(0.151977·(RH + 8.313659)^½) + atan(T + RH) − atan(RH − 1.676331)
///      + 0.00391838·RH^1.5·atan(0.023101·RH) − 4.686035`.
/// Never above the dry bulb (the fit can overshoot by a few hundredths near saturation).
pub fn wet_bulb_c(dry_bulb_c: f64, rh: f64) -> f64 {
    let (low, high) = STULL_RH_RANGE;
    let rh = rh.clamp(low, high);
    let t = dry_bulb_c;
    let tw = t * (0.151_977 * (rh + 8.313_659).sqrt()).atan() + (t + rh).atan()
        - (rh - 1.676_331).atan()
        + 0.003_918_38 * rh.powf(1.5) * (0.023_101 * rh).atan()
        - 4.686_035;
    tw.min(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stull_by_hand_at_20_c_and_50_percent() {
        // √58.313 659 = 7.636 338; atan(0.151 977 × 7.636 338 = 1.160 548) = 0.859 571;
        // × 20 = 17.191 413. atan(70) = 1.556 512; atan(48.323 669) = 1.550 105;
        // 0.003 918 38 × 50^1.5 (353.553 39) × atan(1.155 05) (0.857 222) = 1.187 558.
        // 17.191 413 + 1.556 512 − 1.550 105 + 1.187 558 − 4.686 035 = 13.699 3 °C.
        assert!((wet_bulb_c(20.0, 50.0) - 13.6993).abs() < 1e-4);
    }

    #[test]
    fn wet_bulb_is_the_dry_bulb_when_saturated_and_lower_when_dry() {
        assert!((wet_bulb_c(25.0, 99.0) - 25.0).abs() < 0.2);
        assert!(wet_bulb_c(35.0, 20.0) < 22.0);
        assert!(wet_bulb_c(30.0, 100.0) <= 30.0);
    }

    #[test]
    fn dew_point_and_rh_are_inverse() {
        // 30 °C with dew point 20 °C: e(20)/e(30) ≈ 2.34/4.25 ≈ 55 %.
        let rh = rh_from_dew_point(30.0, 20.0);
        assert!((54.0..56.5).contains(&rh), "{rh}");
        assert!((dew_point_c(30.0, rh) - 20.0).abs() < 1e-9);
        assert!((rh_from_dew_point(20.0, 20.0) - 100.0).abs() < 1e-9);
    }
}
