//! Figures for dashboards and tables: amounts that stand side by side shown on ONE scale, so
//! `0.82 M CNY` stands beside `16.6 M CNY` (never `823,680 CNY` beside it), in the reader's
//! words: `M` / `bn` in English, `万元` / `亿元` in Chinese (no Chinese scale in the English
//! UI); and quantities in a unit that suits their size (m³, t, MWh / GWh).
//!
//! Owns: choosing a scale or unit for a set of values and writing values on it. Never
//! touches: the reports' own money wording ([`crate::results::money`], which keeps its
//! `(832 亿元)` for analysts), the engine.

use crate::{Lang, Text};
use coolplan_units::UnitKind;
use coolplan_units::format::{UnitSystem, group_thousands};
use coolplan_units::{Currency, EnergyUnit, MassUnit, Money, VolumeUnit};

crate::texts! {
    /// Scale words of money.
    Scale {
        Million => "M", "百万";
        Billion => "bn", "十亿";
        Wan => "万", "万";
        Yi => "亿", "亿";
    }
}

/// One power of ten a set of amounts is shown in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    One,
    Wan,
    Yi,
    Million,
    Billion,
}

impl Step {
    fn divisor(self) -> f64 {
        match self {
            Step::One => 1.0,
            Step::Wan => 1.0e4,
            Step::Yi => 1.0e8,
            Step::Million => 1.0e6,
            Step::Billion => 1.0e9,
        }
    }
}

/// The scale a set of amounts is shown on, with the decimals that give the largest about
/// three significant figures.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MoneyScale {
    step: Step,
    decimals: usize,
    currency: Currency,
    lang: Lang,
}

impl MoneyScale {
    /// The scale of the largest of `amounts` (all in `currency`) for a reader of `lang`:
    /// English M from a million, bn from a billion; Chinese 万 from ten thousand, 亿 from
    /// a hundred million.
    pub fn fit(amounts: impl IntoIterator<Item = f64>, currency: Currency, lang: Lang) -> Self {
        let largest = amounts
            .into_iter()
            .filter(|a| a.is_finite())
            .fold(0.0_f64, |m, a| m.max(a.abs()));
        let step = match lang {
            Lang::En if largest >= 1.0e9 => Step::Billion,
            Lang::En if largest >= 1.0e6 => Step::Million,
            Lang::Zh if largest >= 1.0e8 => Step::Yi,
            Lang::Zh if largest >= 1.0e4 => Step::Wan,
            _ => Step::One,
        };
        let scaled = largest / step.divisor();
        let decimals = match step {
            Step::One => 0,
            _ if scaled >= 100.0 => 0,
            _ if scaled >= 10.0 => 1,
            _ => 2,
        };
        Self {
            step,
            decimals,
            currency,
            lang,
        }
    }

    /// The scale of `money` alone.
    pub fn of(money: Money, lang: Lang) -> Self {
        Self::fit([money.amount], money.currency, lang)
    }

    /// The number of `amount` on this scale (for chart axes).
    pub fn number(&self, amount: f64) -> f64 {
        amount / self.step.divisor()
    }

    /// The unit an axis or column of this scale is labelled with: `M CNY`, `万元`, `CNY`.
    pub fn unit(&self) -> String {
        let code = self.currency.code();
        let cny_in_chinese = self.lang == Lang::Zh && self.currency == Currency::CNY;
        let word = match self.step {
            Step::One => None,
            Step::Wan => Some(Scale::Wan),
            Step::Yi => Some(Scale::Yi),
            Step::Million => Some(Scale::Million),
            Step::Billion => Some(Scale::Billion),
        };
        match (word, cny_in_chinese) {
            (Some(w), true) => format!("{}元", w.tr(self.lang)),
            (None, true) => "元".to_string(),
            (Some(w), false) => format!("{} {code}", w.tr(self.lang)),
            (None, false) => code.to_string(),
        }
    }

    /// The number of `amount` on this scale with thousands separators, without the unit.
    pub fn number_text(&self, amount: f64) -> String {
        group_thousands(self.number(amount), self.decimals)
    }

    /// `amount` on this scale with its unit: `16.6 M CNY`, `1,655 万元`.
    pub fn show(&self, amount: f64) -> String {
        format!("{} {}", self.number_text(amount), self.unit())
    }
}

/// `money` on its own scale: `16.55 M CNY`, `1,655 万元`, `823,680 CNY`.
pub fn money(money: Money, lang: Lang) -> String {
    MoneyScale::of(money, lang).show(money.amount)
}

/// The unit of `candidates` (smallest first) that shows the largest of `values` as at least
/// 1: a row of 8,200,000 kg reads in t, 16,500 MWh in GWh. `fallback` when `candidates` is
/// empty.
pub fn fitting_unit<U: UnitKind>(
    candidates: &[U],
    fallback: U,
    values: impl IntoIterator<Item = U::Quantity>,
) -> U {
    let values: Vec<U::Quantity> = values.into_iter().collect();
    let largest_in = |u: U| {
        values
            .iter()
            .map(|q| u.number_of(*q).abs())
            .filter(|n| n.is_finite())
            .fold(0.0_f64, f64::max)
    };
    candidates
        .iter()
        .rev()
        .find(|u| largest_in(**u) >= 1.0)
        .or(candidates.first())
        .copied()
        .unwrap_or(fallback)
}

/// Units energy is shown in, smallest first.
pub fn energy_units(_system: UnitSystem) -> &'static [EnergyUnit] {
    &[EnergyUnit::kWh, EnergyUnit::MWh, EnergyUnit::GWh]
}

/// Units water and fluid volumes are shown in, smallest first (US gallons in IP).
pub fn volume_units(system: UnitSystem) -> &'static [VolumeUnit] {
    match system {
        UnitSystem::Si => &[VolumeUnit::L, VolumeUnit::m3],
        UnitSystem::Ip => &[VolumeUnit::gal],
    }
}

/// Units masses (CO₂, fluid) are shown in, smallest first (pounds in IP).
pub fn mass_units(system: UnitSystem) -> &'static [MassUnit] {
    match system {
        UnitSystem::Si => &[MassUnit::kg, MassUnit::t],
        UnitSystem::Ip => &[MassUnit::lb],
    }
}

/// A row of quantities in one unit that fits the largest, each with the decimals that give
/// the largest about three significant figures: `["0 m³", "8,231 m³", "412 m³"]`.
pub fn row_in<U: UnitKind>(candidates: &[U], fallback: U, values: &[U::Quantity]) -> Vec<String> {
    let unit = fitting_unit(candidates, fallback, values.iter().copied());
    let largest = values
        .iter()
        .map(|q| unit.number_of(*q).abs())
        .filter(|n| n.is_finite())
        .fold(0.0_f64, f64::max);
    let decimals = coolplan_units::format::auto_decimals(largest);
    values
        .iter()
        .map(|q| {
            format!(
                "{} {}",
                group_thousands(unit.number_of(*q), decimals),
                unit.symbol()
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use coolplan_units::format::quantity_in;

    fn cny(amount: f64) -> Money {
        Money::new(amount, Currency::CNY)
    }

    #[test]
    fn a_row_of_amounts_shares_the_scale_of_its_largest() {
        // ai-hall's CAPEX row: air 823,680, cold plate 16.55 M, immersion 20.6 M CNY.
        let row = [823_680.0, 16.55e6, 20.6e6];
        let en = MoneyScale::fit(row, Currency::CNY, Lang::En);
        let shown: Vec<String> = row.iter().map(|a| en.show(*a)).collect();
        // 20.6 M has two digits before the point: one decimal.
        assert_eq!(shown, ["0.8 M CNY", "16.6 M CNY", "20.6 M CNY"]);
        let zh = MoneyScale::fit(row, Currency::CNY, Lang::Zh);
        // 20.6e6 / 1e4 = 2,060 万: no decimals.
        assert_eq!(zh.show(row[0]), "82 万元");
        assert_eq!(zh.show(row[2]), "2,060 万元");
    }

    #[test]
    fn english_never_shows_a_chinese_scale_and_chinese_uses_wan_and_yi() {
        let big = cny(2.06e8);
        assert_eq!(money(big, Lang::En), "206 M CNY");
        assert_eq!(money(big, Lang::Zh), "2.06 亿元");
        assert_eq!(money(cny(3.2e9), Lang::En), "3.20 bn CNY");
        assert_eq!(money(cny(823_680.0), Lang::En), "823,680 CNY");
        assert_eq!(money(cny(5_000.0), Lang::Zh), "5,000 元");
        let usd = Money::new(1.5e6, Currency::USD);
        assert_eq!(money(usd, Lang::En), "1.50 M USD");
        assert_eq!(money(usd, Lang::Zh), "150 万 USD");
        assert_eq!(MoneyScale::of(usd, Lang::En).unit(), "M USD");
    }

    #[test]
    fn quantities_take_the_unit_that_fits_the_largest() {
        // 8,231,000 L of water a year = 8,231 m³; 4,100,000 kg CO₂ = 4,100 t.
        let litres = |n: f64| coolplan_units::build::litres(n).get();
        let volumes = [litres(8.231e6), litres(0.0), litres(412_000.0)];
        let water = fitting_unit(volume_units(UnitSystem::Si), VolumeUnit::L, volumes);
        assert_eq!(water, VolumeUnit::m3);
        assert_eq!(
            row_in(volume_units(UnitSystem::Si), VolumeUnit::L, &volumes),
            ["8,231 m³", "0 m³", "412 m³"]
        );
        let co2 = fitting_unit(
            mass_units(UnitSystem::Si),
            MassUnit::kg,
            [coolplan_units::build::kg(4.1e6).get()],
        );
        assert_eq!(co2, MassUnit::t);
        // 16,500 MWh = 16.5 GWh; 800 kWh stays in kWh.
        let mwh = |n: f64| EnergyUnit::MWh.to_quantity(n);
        let units = energy_units(UnitSystem::Si);
        assert_eq!(
            fitting_unit(units, EnergyUnit::MWh, [mwh(16_500.0)]),
            EnergyUnit::GWh
        );
        assert_eq!(
            fitting_unit(units, EnergyUnit::MWh, [mwh(0.8)]),
            EnergyUnit::kWh
        );
        assert_eq!(quantity_in(mwh(16_500.0), EnergyUnit::GWh), "16.5 GWh");
    }
}
