//! Compressors: COP from lift, part-load power, staging (`docs/method.md` §7.2).
//!
//! Full-load COP of a machine rated `COP_r` at (`T_supply,r`, `T_sink,r`):
//! `Te = T_supply − δe`, `Tc = T_sink + δc` (kelvin), `lift = max(Tc − Te, lift_min)`,
//! `EIR = (1 − a)·(lift/Te)/(lift_r/Te_r) + a`, `COP = COP_r / EIR`: the Carnot work per unit
//! of cooling scaled to the machine's own rating point (a fixed fraction of Carnot) plus a share
//! `a` of the rated input that does not scale with lift (motor, drive, bearings, fans).
//! Part load (DOE-2 Centrifugal/5.50COP EIR-fPLR, EnergyPlus dataset [STD/ACAD][2nd]):
//! `PF(p) = 0.222903 + 0.313387·p + 0.463710·p²` of full-load power, `p ≥ 0.1` (below it the
//! unit false-loads). `n` identical units of size `U` stage on as `ceil(Q/U)`.

const KELVIN: f64 = 273.15;
/// DOE-2 Centrifugal/5.50COP EIR-fPLR coefficients.
const PART_LOAD: [f64; 3] = [0.222_903, 0.313_387, 0.463_710];
/// Below this part-load ratio a unit false-loads (DOE-2 convention).
pub const MIN_PART_LOAD: f64 = 0.1;

/// A compressor type at its rating point, with its approaches and lift floor.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Machine {
    pub rated_cop: f64,
    /// Evaporator leaving fluid at rating, °C (for a DX coil: the air-side equivalent).
    pub rated_supply_c: f64,
    /// Condenser leaving water (water-cooled) or entering air (air-cooled) at rating, °C.
    pub rated_sink_c: f64,
    /// Supply minus evaporating temperature, K.
    pub evaporator_approach_k: f64,
    /// Condensing minus sink temperature, K.
    pub condenser_approach_k: f64,
    /// Smallest lift the machine runs at (head-pressure control), K.
    pub min_lift_k: f64,
    /// Share of the rated input that does not scale with lift (`a`).
    pub fixed_share: f64,
}

/// AHRI 550/590 rating points [STD][2nd]: chilled water 12.2 → 6.7 °C; water-cooled
/// condenser water 29.4 → 34.6 °C (leaving); air-cooled 35 °C dry bulb.
pub const AHRI_SUPPLY_C: f64 = 6.7;
pub const AHRI_CONDENSER_LEAVING_C: f64 = 34.6;
pub const AHRI_AIR_C: f64 = 35.0;
/// Evaporating 1.5 K below the leaving fluid [EST].
pub const EVAPORATOR_APPROACH_K: f64 = 1.5;
/// Condensing 2 K above leaving condenser water [EST].
pub const WATER_CONDENSER_APPROACH_K: f64 = 2.0;
/// Condensing 16.7 K above the air: AHRI condenserless rating, 125 °F saturated discharge at
/// 95 °F air [STD][2nd].
pub const AIR_CONDENSER_APPROACH_K: f64 = 16.7;
/// Lift floor of chillers [EST].
pub const CHILLER_MIN_LIFT_K: f64 = 10.0;
/// A DX coil evaporates 14 K below its return air [EST]; rated at 24 °C return.
pub const DX_RETURN_TO_EVAPORATING_K: f64 = 14.0;
pub const DX_RATED_RETURN_C: f64 = 24.0;
/// Head-pressure control keeps a DX circuit at ≥ 20 K lift [EST].
pub const DX_MIN_LIFT_K: f64 = 20.0;

impl Machine {
    /// A water-cooled chiller rated `cop` at AHRI conditions.
    pub fn water_cooled(cop: f64, fixed_share: f64) -> Machine {
        Machine {
            rated_cop: cop,
            rated_supply_c: AHRI_SUPPLY_C,
            rated_sink_c: AHRI_CONDENSER_LEAVING_C,
            evaporator_approach_k: EVAPORATOR_APPROACH_K,
            condenser_approach_k: WATER_CONDENSER_APPROACH_K,
            min_lift_k: CHILLER_MIN_LIFT_K,
            fixed_share,
        }
    }
    /// An air-cooled chiller (air plant or trim) rated `cop` at AHRI conditions.
    pub fn air_cooled(cop: f64, fixed_share: f64) -> Machine {
        Machine {
            rated_sink_c: AHRI_AIR_C,
            condenser_approach_k: AIR_CONDENSER_APPROACH_K,
            ..Machine::water_cooled(cop, fixed_share)
        }
    }
    /// A DX CRAC circuit rated `cop` at 24 °C return and 35 °C air; its supply is the
    /// return air less [`DX_RETURN_TO_EVAPORATING_K`] (see [`Machine::dx_supply_c`]).
    pub fn dx(cop: f64, fixed_share: f64) -> Machine {
        Machine {
            rated_supply_c: Machine::dx_supply_c(DX_RATED_RETURN_C),
            min_lift_k: DX_MIN_LIFT_K,
            ..Machine::air_cooled(cop, fixed_share)
        }
    }
    /// The "supply" a DX coil at `return_c` evaporates from (so `Te` = return − 14 K).
    pub fn dx_supply_c(return_c: f64) -> f64 {
        return_c - DX_RETURN_TO_EVAPORATING_K + EVAPORATOR_APPROACH_K
    }

    fn lift_over_te(&self, supply_c: f64, sink_c: f64) -> f64 {
        let te_k = supply_c - self.evaporator_approach_k + KELVIN;
        let tc_k = sink_c + self.condenser_approach_k + KELVIN;
        (tc_k - te_k).max(self.min_lift_k) / te_k
    }

    /// Input per unit of cooling relative to the rating point (1 there).
    pub fn relative_input(&self, supply_c: f64, sink_c: f64) -> f64 {
        let rated = self.lift_over_te(self.rated_supply_c, self.rated_sink_c);
        let ratio = self.lift_over_te(supply_c, sink_c) / rated;
        (1.0 - self.fixed_share) * ratio + self.fixed_share
    }

    /// Full-load COP supplying `supply_c` with heat rejected to `sink_c`.
    pub fn cop(&self, supply_c: f64, sink_c: f64) -> f64 {
        self.rated_cop / self.relative_input(supply_c, sink_c)
    }
}

/// Power at part-load ratio `plr` as a share of full-load power at the same temperatures.
pub fn part_load_fraction(plr: f64) -> f64 {
    let p = plr.max(MIN_PART_LOAD);
    PART_LOAD[0] + PART_LOAD[1] * p + PART_LOAD[2] * p * p
}

/// Power (W) of identical units of `unit_w` staged on to carry `load_w` at full-load COP `cop`:
/// `n = ceil(load/unit)`, each at `PLR = load/(n·unit)`; `n·unit/COP·PF(PLR)`. A unit smaller
/// than the load's share (or none) is taken as one unit sized to the load.
pub fn staged_power_w(load_w: f64, cop: f64, unit_w: f64) -> f64 {
    if load_w <= 0.0 || cop <= 0.0 {
        return 0.0;
    }
    let unit_w = if unit_w > 0.0 { unit_w } else { load_w };
    let units = (load_w / unit_w - 1e-9).ceil().max(1.0);
    let plr = load_w / (units * unit_w);
    units * unit_w / cop * part_load_fraction(plr)
}

#[cfg(test)]
mod tests {
    use super::*;

    const WC: fn() -> Machine = || Machine::water_cooled(6.0, 0.25);

    #[test]
    fn rated_cop_at_the_rating_point() {
        assert!((WC().cop(6.7, 34.6) - 6.0).abs() < 1e-12);
        let ac = Machine::air_cooled(2.8, 0.25);
        assert!((ac.cop(6.7, 35.0) - 2.8).abs() < 1e-12);
        let dx = Machine::dx(3.0, 0.25);
        assert!((dx.cop(Machine::dx_supply_c(24.0), 35.0) - 3.0).abs() < 1e-12);
    }

    #[test]
    fn cop_falls_as_lift_rises() {
        // 10 °C chilled water, condenser leaving 25/30/35/40 °C:
        // Te = 281.65 K; lift 18.5/23.5/28.5/33.5 K; rated lift/Te = 31.4/278.35 = 0.112 807;
        // EIR = 0.75·(lift/281.65)/0.112 807 + 0.25 → 0.686 7 / 0.804 7 / 0.922 8 / 1.040 8;
        // COP = 6/EIR = 8.74 / 7.46 / 6.50 / 5.76 (prototype-output.txt [1]).
        let cops: Vec<f64> = [25.0, 30.0, 35.0, 40.0]
            .iter()
            .map(|sink| WC().cop(10.0, *sink))
            .collect();
        for (cop, expected) in cops.iter().zip([8.74, 7.46, 6.50, 5.76]) {
            assert!((cop - expected).abs() < 0.005, "{cop} vs {expected}");
        }
        assert!(cops.windows(2).all(|w| w[0] > w[1]));
        let trim = Machine::air_cooled(2.8, 0.25);
        let trim_cops: Vec<f64> = [20.0, 25.0, 30.0, 35.0, 40.0]
            .iter()
            .map(|air| trim.cop(30.0, *air))
            .collect();
        assert!(trim_cops.windows(2).all(|w| w[0] > w[1]), "{trim_cops:?}");
    }

    #[test]
    fn one_kelvin_warmer_supply_saves_two_to_three_percent() {
        // Water-cooled at AHRI condenser water (leaving 34.6 °C): 2.65 % at 6.7 °C and
        // 2.83 % at 10 °C (prototype-output.txt [1]); literature 2–3 %/K [ANL].
        for (supply, expected) in [(6.7, 2.65), (10.0, 2.83)] {
            let saving = 100.0
                * (1.0
                    - WC().relative_input(supply + 1.0, 34.6) / WC().relative_input(supply, 34.6));
            assert!((saving - expected).abs() < 0.01, "{supply}: {saving}");
            assert!((2.0..=3.0).contains(&saving));
        }
    }

    #[test]
    fn part_load_and_staging() {
        // PF(1) = 1; PF(0.5) = 0.222 903 + 0.156 693 5 + 0.115 927 5 = 0.495 524; below 0.1 held.
        assert!((part_load_fraction(1.0) - 1.0).abs() < 1e-12);
        assert!((part_load_fraction(0.5) - 0.495_524).abs() < 1e-9);
        assert_eq!(part_load_fraction(0.01), part_load_fraction(0.1));
        // 250 kW on 100 kW units at COP 5: 3 units at PLR 0.833 333:
        // PF = 0.222 903 + 0.261 156 + 0.322 021 = 0.806 080; 300/5 × PF = 48.365 kW.
        let p = staged_power_w(250e3, 5.0, 100e3);
        assert!((p - 48_364.8).abs() < 1.0, "{p}");
        // exactly two units' worth stages two units at full load: 200/5 = 40 kW
        assert!((staged_power_w(200e3, 5.0, 100e3) - 40e3).abs() < 1e-6);
        assert_eq!(staged_power_w(0.0, 5.0, 100e3), 0.0);
    }
}
