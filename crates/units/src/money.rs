//! Money carries its currency; prices are money per unit of a physical quantity.
//!
//! Files write `CNY(20000)` for an amount and `CNY_per_kWh(0.75)`, `USD_per_kW(1200)` for
//! prices. Amounts of different currencies are never added: validation refuses a site that
//! mixes them, and [`Money::try_add`] reports a mismatch instead of guessing a rate.

use std::fmt;
use std::marker::PhantomData;
use std::ops::{Add, AddAssign, Mul, Neg, Sub};

use serde::de::{self, EnumAccess, VariantAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::tagged::{Tag, UnitKind, exact_integer};

/// ISO 4217 currencies coolplan knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Currency {
    #[default]
    CNY,
    USD,
    EUR,
    GBP,
    JPY,
    HKD,
    SGD,
}

impl Currency {
    pub const ALL: &'static [Currency] = &[
        Currency::CNY,
        Currency::USD,
        Currency::EUR,
        Currency::GBP,
        Currency::JPY,
        Currency::HKD,
        Currency::SGD,
    ];
    pub const TAGS: &'static [&'static str] = &["CNY", "USD", "EUR", "GBP", "JPY", "HKD", "SGD"];

    /// ISO code, also the file tag.
    pub fn code(self) -> &'static str {
        Self::TAGS[Self::ALL.iter().position(|c| *c == self).unwrap_or(0)]
    }
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.code() == code)
    }
    /// Symbol for display.
    pub fn symbol(self) -> &'static str {
        match self {
            Currency::CNY => "¥",
            Currency::USD => "$",
            Currency::EUR => "€",
            Currency::GBP => "£",
            Currency::JPY => "¥",
            Currency::HKD => "HK$",
            Currency::SGD => "S$",
        }
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// An amount of money in one currency.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Money {
    pub amount: f64,
    pub currency: Currency,
}

/// Two amounts in different currencies met in one sum: the first is the one found, the second
/// the one expected (worded by the words crate).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CurrencyMismatch(pub Currency, pub Currency);

impl Money {
    pub fn new(amount: f64, currency: Currency) -> Self {
        Self { amount, currency }
    }
    pub fn zero(currency: Currency) -> Self {
        Self::new(0.0, currency)
    }
    pub fn try_add(self, other: Money) -> Result<Money, CurrencyMismatch> {
        if self.currency == other.currency {
            Ok(Money::new(self.amount + other.amount, self.currency))
        } else {
            Err(CurrencyMismatch(other.currency, self.currency))
        }
    }
    pub fn scale(self, factor: f64) -> Money {
        Money::new(self.amount * factor, self.currency)
    }
}

/// Panics only on a programming error: validation refuses sites that mix currencies and the
/// engine builds every amount in the site's currency, so both sides always agree.
impl Add for Money {
    type Output = Money;
    fn add(self, other: Money) -> Money {
        match self.try_add(other) {
            Ok(sum) => sum,
            Err(mismatch) => panic!("amounts are never converted between currencies: {mismatch:?}"),
        }
    }
}
impl AddAssign for Money {
    fn add_assign(&mut self, other: Money) {
        *self = *self + other;
    }
}
impl Sub for Money {
    type Output = Money;
    fn sub(self, other: Money) -> Money {
        self + (-other)
    }
}
impl Neg for Money {
    type Output = Money;
    fn neg(self) -> Money {
        Money::new(-self.amount, self.currency)
    }
}
impl Mul<f64> for Money {
    type Output = Money;
    fn mul(self, factor: f64) -> Money {
        self.scale(factor)
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let code = self.currency.code();
        let index = Currency::ALL
            .iter()
            .position(|c| *c == self.currency)
            .unwrap_or(0) as u32;
        match exact_integer(self.amount) {
            Some(int) => serializer.serialize_newtype_variant("money", index, code, &int),
            None => serializer.serialize_newtype_variant("money", index, code, &self.amount),
        }
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MoneyVisitor;
        impl<'de> Visitor<'de> for MoneyVisitor {
            type Value = Money;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                write!(
                    f,
                    "an amount with its currency, e.g. CNY(20000); currencies: {}",
                    Currency::TAGS.join(", ")
                )
            }
            fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Money, A::Error> {
                let (Tag(tag), variant) = data.variant()?;
                let currency = Currency::from_code(&tag)
                    .ok_or_else(|| de::Error::unknown_variant(&tag, Currency::TAGS))?;
                Ok(Money::new(variant.newtype_variant()?, currency))
            }
        }
        deserializer.deserialize_enum("money", Currency::TAGS, MoneyVisitor)
    }
}

/// The unit of a price: a currency per unit of a quantity, e.g. CNY per kWh.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PriceUnit<U: UnitKind> {
    pub currency: Currency,
    pub per: U,
}

impl<U: UnitKind> PriceUnit<U> {
    /// File tag, e.g. `CNY_per_kWh`.
    pub fn tag(&self) -> String {
        format!("{}_per_{}", self.currency.code(), self.per.tag())
    }
    /// Display symbol, e.g. `CNY/kWh`.
    pub fn symbol(&self) -> String {
        format!("{}/{}", self.currency.code(), self.per.symbol())
    }
    /// Reads a file tag, e.g. `CNY_per_kWh`; `None` when it is not a price per this kind.
    pub fn from_tag(tag: &str) -> Option<Self> {
        let (code, per) = tag.split_once("_per_")?;
        Some(Self {
            currency: Currency::from_code(code)?,
            per: U::from_tag(per)?,
        })
    }
}

/// Money per unit of a quantity (`CNY_per_kWh(0.75)`), keeping the written number and unit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Price<U: UnitKind> {
    number: f64,
    unit: PriceUnit<U>,
}

impl<U: UnitKind> Price<U> {
    pub fn new(number: f64, currency: Currency, per: U) -> Self {
        Self {
            number,
            unit: PriceUnit { currency, per },
        }
    }
    pub fn number(&self) -> f64 {
        self.number
    }
    pub fn unit(&self) -> PriceUnit<U> {
        self.unit
    }
    pub fn currency(&self) -> Currency {
        self.unit.currency
    }
    /// The cost of `quantity` at this price.
    pub fn cost_of(&self, quantity: U::Quantity) -> Money {
        Money::new(
            self.number * self.unit.per.number_of(quantity),
            self.unit.currency,
        )
    }
    /// The amount per one `per` unit (e.g. per kW), for display and per-kW arithmetic.
    pub fn amount_per(&self, per: U) -> f64 {
        // price × (quantity of 1 `per`) expressed in the written unit
        self.number * self.unit.per.number_of(per.to_quantity(1.0))
    }
    /// The SI number of the price (money per SI unit), for range checks.
    pub fn per_si(&self) -> f64 {
        self.number / U::si_number(self.unit.per.to_quantity(1.0))
    }
}

impl<U: UnitKind> Serialize for Price<U> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // serde wants a 'static variant name; the set of tags is small and fixed (currencies
        // × units), so each distinct tag is interned once for the life of the process.
        let tag = intern(self.unit.tag());
        match exact_integer(self.number) {
            Some(int) => serializer.serialize_newtype_variant("price", 0, tag, &int),
            None => serializer.serialize_newtype_variant("price", 0, tag, &self.number),
        }
    }
}

/// The one `&'static str` of a tag read from a file (serde hands tags out as `&'static`).
pub fn intern(tag: String) -> &'static str {
    use std::collections::HashSet;
    use std::sync::{Mutex, OnceLock};
    static TAGS: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    let mut set = TAGS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|p| p.into_inner());
    if let Some(found) = set.get(tag.as_str()) {
        return found;
    }
    let leaked: &'static str = Box::leak(tag.into_boxed_str());
    set.insert(leaked);
    leaked
}

impl<'de, U: UnitKind> Deserialize<'de> for Price<U> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_enum("price", &[], PriceVisitor::<U>(PhantomData))
    }
}

struct PriceVisitor<U>(PhantomData<U>);

impl<'de, U: UnitKind> Visitor<'de> for PriceVisitor<U> {
    type Value = Price<U>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(
            f,
            "a price per {} such as CNY_per_{}(1); units: {}",
            U::KIND,
            U::TAGS[0],
            U::TAGS.join(", ")
        )
    }
    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Price<U>, A::Error> {
        let (Tag(tag), variant) = data.variant()?;
        let unit = PriceUnit::<U>::from_tag(&tag).ok_or_else(|| {
            de::Error::custom(format_args!(
                "`{tag}` is not a price per {}: write <currency>_per_<unit>, currency one of {}, unit one of {}",
                U::KIND,
                Currency::TAGS.join(", "),
                U::TAGS.join(", ")
            ))
        })?;
        Ok(Price {
            number: variant.newtype_variant()?,
            unit,
        })
    }
}
