//! Display formatting of quantities and numbers, shared by the GUI and every report writer.
//!
//! One place decides which unit a quantity is shown in for the SI or IP system and how many
//! digits it gets, so the GUI, PDF, HTML and text reports never disagree.

use serde::{Deserialize, Serialize};

use super::kinds::*;
use super::tagged::UnitKind;

/// The unit system a person reads in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum UnitSystem {
    #[default]
    Si,
    Ip,
}

/// The unit a quantity kind is shown in, per system.
pub trait Preferred: UnitKind {
    fn preferred(system: UnitSystem) -> Self;
}

macro_rules! preferred {
    ($($kind:ty => $si:expr, $ip:expr;)+) => {$(
        impl Preferred for $kind {
            fn preferred(system: UnitSystem) -> Self {
                match system { UnitSystem::Si => $si, UnitSystem::Ip => $ip }
            }
        }
    )+};
}

preferred! {
    PowerUnit => PowerUnit::kW, PowerUnit::kW;
    TemperatureUnit => TemperatureUnit::degC, TemperatureUnit::degF;
    TempDiffUnit => TempDiffUnit::K, TempDiffUnit::delta_degF;
    FlowUnit => FlowUnit::L_per_min, FlowUnit::GPM;
    PressureUnit => PressureUnit::bar, PressureUnit::psi;
    AreaUnit => AreaUnit::m2, AreaUnit::ft2;
    MassUnit => MassUnit::kg, MassUnit::lb;
    FloorLoadUnit => FloorLoadUnit::kg_per_m2, FloorLoadUnit::lb_per_ft2;
    EnergyUnit => EnergyUnit::MWh, EnergyUnit::MWh;
    LengthUnit => LengthUnit::mm, LengthUnit::inch;
    VolumeUnit => VolumeUnit::L, VolumeUnit::gal;
    DensityUnit => DensityUnit::kg_per_m3, DensityUnit::kg_per_m3;
    SpecificHeatUnit => SpecificHeatUnit::kJ_per_kgK, SpecificHeatUnit::kJ_per_kgK;
    TimeUnit => TimeUnit::h, TimeUnit::h;
    EmissionFactorUnit => EmissionFactorUnit::kg_per_kWh, EmissionFactorUnit::lb_per_MWh;
    WaterIntensityUnit => WaterIntensityUnit::L_per_kWh, WaterIntensityUnit::gal_per_kWh;
    PowerDensityUnit => PowerDensityUnit::W_per_m2, PowerDensityUnit::W_per_ft2;
}

/// A number with thousands separators (`,`) and a fixed count of decimals.
pub fn group_thousands(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return if value.is_nan() {
            "—".into()
        } else if value > 0.0 {
            "∞".into()
        } else {
            "−∞".into()
        };
    }
    let text = format!("{:.*}", decimals, value.abs());
    let (int_part, frac_part) = match text.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (text.clone(), None),
    };
    let mut grouped = String::with_capacity(int_part.len() + int_part.len() / 3);
    for (i, ch) in int_part.chars().enumerate() {
        if i > 0 && (int_part.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    let negative = value < 0.0 && text.chars().any(|c| c.is_ascii_digit() && c != '0');
    let mut out = if negative {
        format!("-{grouped}")
    } else {
        grouped
    };
    if let Some(frac) = frac_part {
        out.push('.');
        out.push_str(&frac);
    }
    out
}

/// Decimals that keep about three significant figures without hiding whole units.
pub fn auto_decimals(value: f64) -> usize {
    let magnitude = value.abs();
    if magnitude >= 100.0 || magnitude == 0.0 {
        0
    } else if magnitude >= 10.0 {
        1
    } else if magnitude >= 1.0 {
        2
    } else {
        3
    }
}

/// A quantity shown in `unit` with its symbol, e.g. `40.8 kW`.
pub fn quantity_in<U: UnitKind>(value: U::Quantity, unit: U) -> String {
    let number = unit.number_of(value);
    format!(
        "{} {}",
        group_thousands(number, auto_decimals(number)),
        unit.symbol()
    )
}

/// A quantity shown in the preferred unit of `system`.
pub fn quantity<U: Preferred>(value: U::Quantity, system: UnitSystem) -> String {
    quantity_in(value, U::preferred(system))
}

/// Like [`quantity`], with trailing zero decimals dropped: `25 kW`, `40.8 kW` (for sentences).
pub fn quantity_trimmed<U: Preferred>(value: U::Quantity, system: UnitSystem) -> String {
    let unit = U::preferred(system);
    let number = unit.number_of(value);
    let text = group_thousands(number, auto_decimals(number));
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.')
    } else {
        &text
    };
    format!("{text} {}", unit.symbol())
}

/// `text` with the degree-Celsius sign written as one glyph, `℃`, as Chinese engineers write
/// it (`45 ℃`); everything else unchanged.
pub fn with_celsius_glyph(text: &str) -> String {
    text.replace("°C", "℃")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::build::kw;

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(group_thousands(1_234_567.891, 2), "1,234,567.89");
        assert_eq!(group_thousands(-1234.0, 0), "-1,234");
        assert_eq!(group_thousands(999.0, 0), "999");
        assert_eq!(group_thousands(-0.0001, 2), "0.00");
    }

    #[test]
    fn celsius_becomes_one_glyph() {
        assert_eq!(with_celsius_glyph("45 °C, 10 K"), "45 ℃, 10 K");
        assert_eq!(with_celsius_glyph("104 °F"), "104 °F");
    }

    #[test]
    fn power_shows_in_kw() {
        assert_eq!(
            quantity::<PowerUnit>(kw(40.8).get(), UnitSystem::Si),
            "40.8 kW"
        );
    }
}

/// The display symbol of a unit's file tag (`L_per_min` → `L/min`, `CNY_per_kWh` → `CNY/kWh`,
/// `CNY` → `CNY`), or `None` for a tag no unit table knows.
pub fn symbol_of_tag(tag: &str) -> Option<String> {
    fn find<U: UnitKind>(tag: &str) -> Option<String> {
        U::from_tag(tag).map(|u| u.symbol().to_string())
    }
    let plain = find::<PowerUnit>(tag)
        .or_else(|| find::<TemperatureUnit>(tag))
        .or_else(|| find::<TempDiffUnit>(tag))
        .or_else(|| find::<FlowUnit>(tag))
        .or_else(|| find::<PressureUnit>(tag))
        .or_else(|| find::<AreaUnit>(tag))
        .or_else(|| find::<MassUnit>(tag))
        .or_else(|| find::<FloorLoadUnit>(tag))
        .or_else(|| find::<EnergyUnit>(tag))
        .or_else(|| find::<LengthUnit>(tag))
        .or_else(|| find::<VolumeUnit>(tag))
        .or_else(|| find::<DensityUnit>(tag))
        .or_else(|| find::<SpecificHeatUnit>(tag))
        .or_else(|| find::<TimeUnit>(tag))
        .or_else(|| find::<EmissionFactorUnit>(tag))
        .or_else(|| find::<WaterIntensityUnit>(tag))
        .or_else(|| find::<PowerDensityUnit>(tag));
    if plain.is_some() {
        return plain;
    }
    let currency = |code: &str| super::Currency::from_code(code).map(|c| c.code().to_string());
    match tag.split_once("_per_") {
        Some((code, per)) => Some(format!("{}/{}", currency(code)?, symbol_of_tag(per)?)),
        None => currency(tag),
    }
}

/// A value as the site file writes it (`CNY_per_kWh(0.6)`, `kW(20)`, `0.06`) as a person
/// reads it (`0.6 CNY/kWh`, `20 kW`, `0.06`); text of any other shape is returned unchanged.
pub fn written_for_display(written: &str) -> String {
    let shown = written
        .strip_suffix(')')
        .and_then(|rest| rest.split_once('('))
        .and_then(|(tag, number)| Some(format!("{number} {}", symbol_of_tag(tag)?)));
    shown.unwrap_or_else(|| written.to_string())
}

#[cfg(test)]
mod display_tests {
    use super::*;

    #[test]
    fn file_literals_are_shown_with_unit_symbols() {
        assert_eq!(written_for_display("CNY_per_kWh(0.6)"), "0.6 CNY/kWh");
        assert_eq!(written_for_display("CNY_per_kW(1470)"), "1470 CNY/kW");
        assert_eq!(written_for_display("kW(20)"), "20 kW");
        assert_eq!(written_for_display("L_per_min(12.5)"), "12.5 L/min");
        assert_eq!(written_for_display("degC(32)"), "32 °C");
        assert_eq!(written_for_display("CNY(5000000)"), "5000000 CNY");
        // not a unit literal: unchanged
        assert_eq!(written_for_display("0.06"), "0.06");
        assert_eq!(written_for_display("Foo(3)"), "Foo(3)");
    }
}
