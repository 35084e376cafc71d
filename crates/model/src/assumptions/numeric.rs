//! [`Numeric`]: an assumption value that the file writes as a number, maybe with a unit tag
//! (`kW(25)`, `CNY_per_kWh(0.75)`, `0.08`), read and built as an [`Amount`] — how uncertain
//! inputs take their base value and set varied ones, with the units, tags and currency rules
//! of the file and no text round trip.

use std::fmt;

use coolplan_units::{Currency, Money, Price, PriceUnit, Qty, UnitKind};

/// A number as written: with its file tag (`kW(20)` → `kW`, 20) or bare (`0.08`).
#[derive(Clone, Debug, PartialEq)]
pub struct Amount {
    pub tag: Option<String>,
    pub number: f64,
}

impl Amount {
    pub fn plain(number: f64) -> Self {
        Self { tag: None, number }
    }
    pub fn tagged(tag: &str, number: f64) -> Self {
        Self {
            tag: Some(tag.to_string()),
            number,
        }
    }
}

/// As the file writes it: `kW(20)`, `0.08`.
impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match &self.tag {
            Some(tag) => write!(f, "{tag}({})", self.number),
            None => write!(f, "{}", self.number),
        }
    }
}

/// How an assumption value reads and takes a number. Values that are not numbers (fluids,
/// CDU sizes) keep the defaults: no amount, nothing built.
pub trait Numeric: Sized {
    /// Whole numbers only (counts, years): varied values are rounded.
    const INTEGER: bool = false;
    /// The value as the file writes it.
    fn amount(&self) -> Option<Amount> {
        None
    }
    /// The value `number` written with `tag` (`None`: a bare number), as the file would read
    /// it; `None` when the tag is not one this value takes, or the number does not fit.
    fn from_amount(tag: Option<&str>, number: f64) -> Option<Self> {
        let _ = (tag, number);
        None
    }
    /// The currency of a money value.
    fn currency(&self) -> Option<Currency> {
        None
    }
}

impl<U: UnitKind> Numeric for Qty<U> {
    fn amount(&self) -> Option<Amount> {
        Some(Amount::tagged(self.unit().tag(), self.number()))
    }
    fn from_amount(tag: Option<&str>, number: f64) -> Option<Self> {
        Some(Qty::new(number, U::from_tag(tag?)?))
    }
}

impl<U: UnitKind> Numeric for Price<U> {
    fn amount(&self) -> Option<Amount> {
        Some(Amount {
            tag: Some(self.unit().tag()),
            number: self.number(),
        })
    }
    fn from_amount(tag: Option<&str>, number: f64) -> Option<Self> {
        let unit = PriceUnit::<U>::from_tag(tag?)?;
        Some(Price::new(number, unit.currency, unit.per))
    }
    fn currency(&self) -> Option<Currency> {
        Some(Price::currency(self))
    }
}

impl Numeric for Money {
    fn amount(&self) -> Option<Amount> {
        Some(Amount::tagged(self.currency.code(), self.amount))
    }
    fn from_amount(tag: Option<&str>, number: f64) -> Option<Self> {
        Some(Money::new(number, Currency::from_code(tag?)?))
    }
    fn currency(&self) -> Option<Currency> {
        Some(self.currency)
    }
}

impl Numeric for f64 {
    fn amount(&self) -> Option<Amount> {
        Some(Amount::plain(*self))
    }
    fn from_amount(tag: Option<&str>, number: f64) -> Option<Self> {
        tag.is_none().then_some(number)
    }
}

/// Counts and years: a number rounds to the nearest whole one ≥ 0, refused when too large.
macro_rules! numeric_integer {
    ($($t:ty),+) => {$(
        impl Numeric for $t {
            const INTEGER: bool = true;
            fn amount(&self) -> Option<Amount> {
                Some(Amount::plain(*self as f64))
            }
            fn from_amount(tag: Option<&str>, number: f64) -> Option<Self> {
                if tag.is_some() {
                    return None;
                }
                <$t>::try_from(number.round().max(0.0) as u64).ok()
            }
        }
    )+};
}
numeric_integer!(u16, u32, u64);

#[cfg(test)]
mod tests {
    use super::*;
    use coolplan_units::build::kw;
    use coolplan_units::{EnergyUnit, PowerQ, PowerUnit};

    #[test]
    fn values_read_and_build_as_the_file_writes_them() {
        assert_eq!(kw(25.0).amount(), Some(Amount::tagged("kW", 25.0)));
        assert_eq!(
            PowerQ::from_amount(Some("MW"), 0.02),
            Some(Qty::new(0.02, PowerUnit::MW))
        );
        // a tag of another kind of quantity, or none, does not make a power
        assert_eq!(PowerQ::from_amount(Some("kWh"), 20.0), None);
        assert_eq!(PowerQ::from_amount(None, 20.0), None);
        let price = Price::new(0.75, Currency::CNY, EnergyUnit::kWh);
        assert_eq!(price.amount(), Some(Amount::tagged("CNY_per_kWh", 0.75)));
        assert_eq!(
            Price::<EnergyUnit>::from_amount(Some("USD_per_kWh"), 0.1),
            Some(Price::new(0.1, Currency::USD, EnergyUnit::kWh))
        );
        assert_eq!(Numeric::currency(&price), Some(Currency::CNY));
        assert_eq!(
            Money::from_amount(Some("CNY"), 8000.0),
            Some(Money::new(8000.0, Currency::CNY))
        );
        assert_eq!(f64::from_amount(None, 0.08), Some(0.08));
        assert_eq!(f64::from_amount(Some("kW"), 0.08), None);
    }

    #[test]
    fn whole_numbers_round_and_refuse_what_does_not_fit() {
        // 12.5 rounds away from zero to 13; −3 is clamped to 0; 70,000 is above u16::MAX
        assert_eq!(u32::from_amount(None, 12.5), Some(13));
        assert_eq!(u32::from_amount(None, -3.0), Some(0));
        assert_eq!(u16::from_amount(None, 70_000.0), None);
        assert_eq!(u16::from_amount(Some("U"), 7.0), None);
        assert_eq!(2026u16.amount(), Some(Amount::plain(2026.0)));
    }
}
