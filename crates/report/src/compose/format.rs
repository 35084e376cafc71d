//! How the report words numbers: money, years, ratios and quantities in the report's language.
//! Quantities go through [`coolplan_units::format`]; this adds what only reports need.

use uom::si::f64::{Area, ArealMassDensity, Energy, Mass, Power, Volume, VolumeRate};

use coolplan_units::format::{group_thousands, quantity_in};
use coolplan_units::{
    AreaUnit, Currency, EnergyUnit, FloorLoadUnit, FlowUnit, MassUnit, Money, PowerUnit, VolumeUnit,
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

/// Energy on the same scale as money: `530 MWh`, `5.3 GWh`, `15.2 TWh`.
pub fn energy(energy: Energy) -> String {
    let (divisor, unit) = energy_scale(energy.get::<uom::si::energy::megawatt_hour>().abs());
    format!(
        "{} {unit}",
        words::short_number(energy.get::<uom::si::energy::megawatt_hour>() / divisor)
    )
}

/// Divisor from MWh and the unit for energies up to `max_mwh`.
pub fn energy_scale(max_mwh: f64) -> (f64, &'static str) {
    if max_mwh >= 1.0e6 {
        (1.0e6, "TWh")
    } else if max_mwh >= 1.0e3 {
        (1.0e3, "GWh")
    } else {
        (1.0, "MWh")
    }
}

/// One money scale per language for a table column or a chart axis: `M CNY` / `bn CNY` in
/// English, `万元` / `亿元` in Chinese, whole units for small amounts. The same scales as
/// [`money_short`] in sentences, so text, tables and axes agree.
#[derive(Clone, Debug, PartialEq)]
pub struct MoneyScale {
    pub divisor: f64,
    /// The unit, e.g. `M CNY`, `万元`, `CNY`.
    pub unit: String,
    /// Decimals of every amount in this scale (one column, one number of decimals): about
    /// three significant figures of the largest amount.
    pub decimals: usize,
}

impl MoneyScale {
    /// The scale that shows amounts up to `max_abs` (in whole currency units) readably.
    pub fn for_max(max_abs: f64, currency: Currency, lang: Lang) -> MoneyScale {
        let code = currency.code();
        let cny = currency == Currency::CNY;
        let (divisor, unit) = match lang {
            Lang::En if max_abs >= 1.0e9 => (1.0e9, format!("bn {code}")),
            Lang::En if max_abs >= 1.0e6 => (1.0e6, format!("M {code}")),
            Lang::En => (1.0, code.to_string()),
            Lang::Zh if max_abs >= 1.0e8 => (
                1.0e8,
                if cny {
                    "亿元".into()
                } else {
                    format!("亿 {code}")
                },
            ),
            Lang::Zh if max_abs >= 1.0e4 => (
                1.0e4,
                if cny {
                    "万元".into()
                } else {
                    format!("万 {code}")
                },
            ),
            Lang::Zh => (1.0, if cny { "元".into() } else { code.to_string() }),
        };
        let largest = max_abs / divisor;
        let decimals = if divisor == 1.0 || largest >= 100.0 {
            0
        } else if largest >= 10.0 {
            1
        } else {
            2
        };
        MoneyScale {
            divisor,
            unit,
            decimals,
        }
    }
    /// The scale for the largest of `amounts`.
    pub fn for_amounts<'a>(
        amounts: impl IntoIterator<Item = &'a Money>,
        currency: Currency,
        lang: Lang,
    ) -> MoneyScale {
        let max = amounts
            .into_iter()
            .map(|m| m.amount.abs())
            .filter(|a| a.is_finite())
            .fold(0.0, f64::max);
        MoneyScale::for_max(max, currency, lang)
    }
    /// An amount in this scale, without the unit: `16.6`, `1,655`, `12,345`.
    pub fn number(&self, money: Money) -> String {
        group_thousands(money.amount / self.divisor, self.decimals)
    }
    /// An amount in this scale with its unit and about three significant figures of its own
    /// (`0.99 M CNY` beside `10.8 M CNY`): key figures side by side share the unit.
    pub fn figure(&self, money: Money) -> String {
        let value = money.amount / self.divisor;
        let decimals = if self.divisor == 1.0 || value == 0.0 || value.abs() >= 100.0 {
            0
        } else if value.abs() >= 10.0 {
            1
        } else {
            2
        };
        format!("{} {}", group_thousands(value, decimals), self.unit)
    }
    /// A column header or axis label with this scale's unit: `CAPEX (M CNY)`, `投资（万元）`.
    pub fn header(&self, label: &str, lang: Lang) -> String {
        match lang {
            Lang::En => format!("{label} ({})", self.unit),
            Lang::Zh => format!("{label}（{}）", self.unit),
        }
    }
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
    fn one_money_scale_per_language() {
        let en = MoneyScale::for_max(16_554_407.0, Currency::CNY, Lang::En);
        assert_eq!(en.unit, "M CNY");
        // 16.55 M: three significant figures, and every amount of the scale with one decimal.
        assert_eq!(en.number(Money::new(16_554_407.0, Currency::CNY)), "16.6");
        assert_eq!(en.number(Money::new(7_280_000.0, Currency::CNY)), "7.3");
        let zh = MoneyScale::for_max(16_554_407.0, Currency::CNY, Lang::Zh);
        assert_eq!(zh.unit, "万元");
        // 16,554,407 / 10⁴ = 1,655.44
        assert_eq!(zh.number(Money::new(16_554_407.0, Currency::CNY)), "1,655");
        let fleet = MoneyScale::for_max(83.2e9, Currency::CNY, Lang::Zh);
        assert_eq!((fleet.unit.as_str(), fleet.divisor), ("亿元", 1.0e8));
        assert_eq!(
            MoneyScale::for_max(83.2e9, Currency::CNY, Lang::En).unit,
            "bn CNY"
        );
        assert_eq!(en.header("CAPEX", Lang::En), "CAPEX (M CNY)");
        assert_eq!(zh.header("投资", Lang::Zh), "投资（万元）");
        // -0 never shows.
        assert_eq!(en.number(Money::new(-0.0001, Currency::CNY)), "0.0");
    }

    #[test]
    fn energy_is_abbreviated_like_money() {
        use uom::si::energy::megawatt_hour;
        let e = |v| Energy::new::<megawatt_hour>(v);
        assert_eq!(energy(e(15_166_846.0)), "15.2 TWh");
        assert_eq!(energy(e(5_300.0)), "5.3 GWh");
        assert_eq!(energy(e(530.0)), "530 MWh");
    }

    #[test]
    fn payback_reads_as_years_or_never() {
        assert_eq!(payback(Some(3.44), Lang::En), "3.4 years");
        assert_eq!(payback(Some(3.44), Lang::Zh), "3.4 年");
        assert_eq!(payback(None, Lang::En), "never");
    }
}
