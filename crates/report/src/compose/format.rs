//! How the report words numbers: money, years, ratios and quantities in the report's language.
//! Quantities go through [`coolplan_units::format`]; this adds what only reports need.

use uom::si::f64::{Area, ArealMassDensity, Energy, Mass, Power, Volume, VolumeRate};

use coolplan_units::format::{group_thousands, quantity_in};
use coolplan_units::{
    AreaUnit, EnergyUnit, FloorLoadUnit, FlowUnit, MassUnit, Money, PowerUnit, VolumeUnit,
};
use coolplan_words::Lang;
use coolplan_words::results as words;

pub use coolplan_words::results::option_name;

/// Whole currency units with thousands separators, e.g. `12,345,679` (tables name the currency
/// in their header).
pub fn money_full(money: Money) -> String {
    group_thousands(money.amount, 0)
}

/// A short amount for people (`12.3 M CNY`, `1,234.6 万元`), in the shared wording of results.
pub fn money_short(money: Money, lang: Lang) -> String {
    words::money(money, lang)
}

/// A payback time: `3.4 years`, or never within the horizon.
pub fn payback(years: Option<f64>, lang: Lang) -> String {
    words::years(years, lang)
}

/// PUE and TUE with two decimals.
pub fn ratio(value: f64) -> String {
    group_thousands(value, 2)
}

/// IRR as a percentage, or "n/a" where undefined.
pub fn irr(value: Option<f64>, lang: Lang) -> String {
    words::percent(value, lang)
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
    use coolplan_units::Currency;

    #[test]
    fn money_in_tables_is_whole_units() {
        assert_eq!(
            money_full(Money::new(12_345_678.4, Currency::CNY)),
            "12,345,678"
        );
        assert_eq!(money_full(Money::new(-950.0, Currency::USD)), "-950");
    }

    #[test]
    fn payback_reads_as_years_or_never() {
        assert_eq!(payback(Some(3.44), Lang::En), "3.4 years");
        assert_eq!(payback(Some(3.44), Lang::Zh), "3.4 年");
        assert_eq!(payback(None, Lang::En), "never");
    }
}
