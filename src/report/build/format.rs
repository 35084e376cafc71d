//! How the report words numbers: money, years, ratios and quantities in the report's language.
//! Quantities go through [`crate::units::format`]; this adds what only reports need.

use uom::si::f64::{Area, ArealMassDensity, Energy, Mass, Power, Volume, VolumeRate};

use crate::engine::CoolingOption;
use crate::i18n::terms::Term;
use crate::i18n::{Lang, Text, report::Rep};
use crate::units::format::{group_thousands, quantity_in};
use crate::units::{
    AreaUnit, EnergyUnit, FloorLoadUnit, FlowUnit, MassUnit, Money, PowerUnit, VolumeUnit,
};

/// An option's name in `lang` (冷板式液冷, …).
pub fn option_name(option: CoolingOption, lang: Lang) -> &'static str {
    match option {
        CoolingOption::Air => Term::Air.tr(lang),
        CoolingOption::ColdPlate => Term::ColdPlate.tr(lang),
        CoolingOption::Immersion => Term::Immersion.tr(lang),
    }
}

/// Whole currency units with thousands separators, e.g. `12,345,679` (tables name the currency
/// in their header).
pub fn money_full(money: Money) -> String {
    group_thousands(money.amount, 0)
}

/// A short amount with its symbol: `¥12.3 M` in English, `¥1,234.6 万` / `¥1.23 亿` in Chinese.
pub fn money_short(money: Money, lang: Lang) -> String {
    let symbol = money.currency.symbol();
    let value = money.amount;
    let magnitude = value.abs();
    let (scaled, suffix) = match lang {
        Lang::En if magnitude >= 1e9 => (value / 1e9, " bn"),
        Lang::En if magnitude >= 1e6 => (value / 1e6, " M"),
        Lang::Zh if magnitude >= 1e8 => (value / 1e8, " 亿"),
        Lang::Zh if magnitude >= 1e4 => (value / 1e4, " 万"),
        _ => return format!("{symbol}{}", group_thousands(value, 0)),
    };
    let decimals = if scaled.abs() >= 100.0 { 1 } else { 2 };
    format!("{symbol}{}{suffix}", group_thousands(scaled, decimals))
}

/// A payback time: `3.4 years`, or "not within the horizon".
pub fn payback(years: Option<f64>, lang: Lang) -> String {
    match years {
        Some(y) if y.is_finite() => Rep::Years.fmt(lang, &[&group_thousands(y, 1)]),
        _ => Rep::Never.tr(lang).to_string(),
    }
}

/// PUE and TUE with two decimals.
pub fn ratio(value: f64) -> String {
    group_thousands(value, 2)
}

/// A fraction as a percentage with one decimal: `8.0 %`.
pub fn percent(fraction: f64) -> String {
    format!("{} %", group_thousands(fraction * 100.0, 1))
}

/// IRR as a percentage, or a dash where undefined.
pub fn irr(value: Option<f64>, lang: Lang) -> String {
    value.map_or_else(|| Rep::NotApplicable.tr(lang).to_string(), percent)
}

pub fn kw(power: Power) -> String {
    quantity_in(power, PowerUnit::kW)
}
pub fn mwh(energy: Energy) -> String {
    quantity_in(energy, EnergyUnit::MWh)
}
pub fn litres(volume: Volume) -> String {
    quantity_in(volume, VolumeUnit::L)
}
pub fn cubic_metres(volume: Volume) -> String {
    quantity_in(volume, VolumeUnit::m3)
}
pub fn tonnes(mass: Mass) -> String {
    quantity_in(mass, MassUnit::t)
}
pub fn l_per_min(flow: VolumeRate) -> String {
    quantity_in(flow, FlowUnit::L_per_min)
}
pub fn floor_load(load: ArealMassDensity) -> String {
    quantity_in(load, FloorLoadUnit::kg_per_m2)
}
pub fn area(area: Area) -> String {
    quantity_in(area, AreaUnit::m2)
}

/// A count with thousands separators.
pub fn count(n: u64) -> String {
    group_thousands(n as f64, 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::units::Currency;

    #[test]
    fn money_is_short_in_each_language() {
        let m = Money::new(12_345_678.0, Currency::CNY);
        assert_eq!(money_short(m, Lang::En), "¥12.35 M");
        assert_eq!(money_short(m, Lang::Zh), "¥1,234.6 万");
        assert_eq!(
            money_short(Money::new(-2.5e8, Currency::CNY), Lang::Zh),
            "¥-2.50 亿"
        );
        assert_eq!(
            money_short(Money::new(950.0, Currency::USD), Lang::En),
            "$950"
        );
        assert_eq!(money_full(m), "12,345,678");
    }

    #[test]
    fn payback_reads_as_years_or_never() {
        assert_eq!(payback(Some(3.44), Lang::En), "3.4 years");
        assert_eq!(payback(Some(3.44), Lang::Zh), "3.4 年");
        assert_eq!(payback(None, Lang::En), "not within the horizon");
    }
}
