//! [`Qty`]: a uom quantity that remembers the unit and number it was written in,
//! and its unit-tagged serde form (`kW(10.2)`).

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, EnumAccess, VariantAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One set of units for one physical quantity (power, temperature, ...).
///
/// Each unit converts linearly to the SI base unit: `si = number * factor + offset`.
pub trait UnitKind: Copy + Eq + fmt::Debug + Send + Sync + 'static {
    /// The uom quantity (SI, f64) this unit set measures.
    type Quantity: Copy + fmt::Debug + PartialEq + PartialOrd + Send + Sync;
    /// Name of the quantity in error messages, e.g. "power".
    const KIND: &'static str;
    /// Every unit of the set, in table order.
    const ALL: &'static [Self];
    /// Every tag, in the same order as [`UnitKind::ALL`] (serde needs a static list).
    const TAGS: &'static [&'static str];
    /// The tag used in site files, e.g. `kW`, `L_per_min`.
    fn tag(self) -> &'static str;
    /// The symbol shown to people, e.g. `kW`, `L/min`, `°C`.
    fn symbol(self) -> &'static str;
    /// `si = number * factor + offset` (factor, offset).
    fn factor_offset(self) -> (f64, f64);
    /// Builds the quantity from an SI number.
    fn from_si_number(si: f64) -> Self::Quantity;
    /// The SI number of a quantity.
    fn si_number(q: Self::Quantity) -> f64;

    /// Converts a number in this unit to the quantity.
    fn to_quantity(self, number: f64) -> Self::Quantity {
        let (factor, offset) = self.factor_offset();
        Self::from_si_number(number * factor + offset)
    }
    /// Expresses a quantity as a number in this unit.
    fn number_of(self, q: Self::Quantity) -> f64 {
        let (factor, offset) = self.factor_offset();
        (Self::si_number(q) - offset) / factor
    }
    /// Looks a unit up by its file tag.
    fn from_tag(tag: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|u| u.tag() == tag)
    }
}

/// A physical value as the user wrote it: a number in a unit, and its uom quantity.
#[derive(Clone, Copy, Debug)]
pub struct Qty<U: UnitKind> {
    number: f64,
    unit: U,
    value: U::Quantity,
}

impl<U: UnitKind> Qty<U> {
    /// The value `number` written in `unit`.
    pub fn new(number: f64, unit: U) -> Self {
        Self {
            number,
            unit,
            value: unit.to_quantity(number),
        }
    }
    /// A quantity to be written in `unit` (e.g. a computed default).
    pub fn from_quantity(value: U::Quantity, unit: U) -> Self {
        Self {
            number: unit.number_of(value),
            unit,
            value,
        }
    }
    /// The uom quantity (SI inside).
    pub fn get(&self) -> U::Quantity {
        self.value
    }
    /// The number as written, in [`Qty::unit`].
    pub fn number(&self) -> f64 {
        self.number
    }
    /// The unit the user wrote.
    pub fn unit(&self) -> U {
        self.unit
    }
    /// The value expressed in another unit.
    pub fn in_unit(&self, unit: U) -> f64 {
        if unit == self.unit {
            self.number
        } else {
            unit.number_of(self.value)
        }
    }
    /// The same value re-expressed in another unit.
    pub fn converted(&self, unit: U) -> Self {
        Self {
            number: self.in_unit(unit),
            unit,
            value: self.value,
        }
    }
    /// The SI number (for validation checks such as "finite and positive").
    pub fn si(&self) -> f64 {
        U::si_number(self.value)
    }
}

impl<U: UnitKind> PartialEq for Qty<U> {
    /// Equal when the written unit and number are equal (what the file would hold).
    fn eq(&self, other: &Self) -> bool {
        self.unit == other.unit && self.number.to_bits() == other.number.to_bits()
    }
}

impl<U: UnitKind> Serialize for Qty<U> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let index = U::ALL.iter().position(|u| *u == self.unit).unwrap_or(0) as u32;
        let tag = self.unit.tag();
        if let Some(int) = exact_integer(self.number) {
            serializer.serialize_newtype_variant("Qty", index, tag, &int)
        } else {
            serializer.serialize_newtype_variant("Qty", index, tag, &self.number)
        }
    }
}

/// The unit tag of a tagged value, read as an identifier (`kW` in `kW(10.2)`).
pub(crate) struct Tag(pub String);

impl<'de> Deserialize<'de> for Tag {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TagVisitor;
        impl Visitor<'_> for TagVisitor {
            type Value = Tag;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a unit tag")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Tag, E> {
                Ok(Tag(v.to_string()))
            }
        }
        deserializer.deserialize_identifier(TagVisitor)
    }
}

/// Whole numbers are written without `.0` (`kg_per_m2(1200)`), as people write them.
pub(crate) fn exact_integer(number: f64) -> Option<i64> {
    let in_range = number.abs() < 9.0e15;
    (in_range && number.fract() == 0.0 && !(number == 0.0 && number.is_sign_negative()))
        .then_some(number as i64)
}

impl<'de, U: UnitKind> Deserialize<'de> for Qty<U> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_enum(U::KIND, U::TAGS, QtyVisitor::<U>(PhantomData))
    }
}

struct QtyVisitor<U>(PhantomData<U>);

impl<'de, U: UnitKind> Visitor<'de> for QtyVisitor<U> {
    type Value = Qty<U>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(
            f,
            "a {} with its unit, one of {}, e.g. {}(1)",
            U::KIND,
            U::TAGS.join(", "),
            U::TAGS[0]
        )
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<Self::Value, A::Error> {
        let (Tag(tag), variant) = data.variant()?;
        let unit = U::from_tag(&tag).ok_or_else(|| de::Error::unknown_variant(&tag, U::TAGS))?;
        let number: f64 = variant.newtype_variant()?;
        Ok(Qty::new(number, unit))
    }

    // A bare number: say which units are expected instead of a generic type error.
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Err(E::custom(format_args!(
            "{} needs a unit: write e.g. {}({v}); units: {}",
            U::KIND,
            U::TAGS[0],
            U::TAGS.join(", ")
        )))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        self.visit_f64(v as f64)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        self.visit_f64(v as f64)
    }
}

#[cfg(test)]
mod tests {
    use crate::*;

    #[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
    struct Probe {
        max_power: PowerQ,
        supply: TemperatureQ,
        floor: FloorLoadQ,
    }

    #[test]
    fn tagged_text_round_trips_exactly() {
        let text = "(max_power:kW(10.2),supply:degF(89.6),floor:kg_per_m2(1200))";
        let probe: Probe = ron::from_str(text).unwrap();
        assert_eq!(ron::to_string(&probe).unwrap(), text);
        // 89.6 °F = 32 °C = 305.15 K
        assert!((probe.supply.si() - 305.15).abs() < 1e-9);
        assert!((probe.max_power.si() - 10_200.0).abs() < 1e-9);
    }

    #[test]
    fn a_wrong_unit_names_the_accepted_ones() {
        let err = ron::from_str::<Probe>("(max_power:kg(1),supply:degC(1),floor:kPa(7.2))")
            .unwrap_err()
            .to_string();
        assert!(err.contains("kW") && err.contains("BTU_per_h"), "{err}");
    }

    #[test]
    fn kpa_floor_rating_reads_as_kg_per_m2() {
        // TIA-942 minimum 7.2 kPa ≈ 732 kg/m²: 7200 / 9.80665 = 734.2 (TIA rounds 150 lbf/ft²)
        let q = Qty::new(7.2, FloorLoadUnit::kPa);
        assert!((q.si() - 7200.0 / 9.806_65).abs() < 1e-9);
    }

    #[test]
    fn prices_carry_their_currency() {
        let p: Price<EnergyUnit> = ron::from_str("CNY_per_kWh(0.75)").unwrap();
        assert_eq!(p.currency(), Currency::CNY);
        assert_eq!(ron::to_string(&p).unwrap(), "CNY_per_kWh(0.75)");
        let mwh = EnergyUnit::MWh.to_quantity(2.0);
        assert!((p.cost_of(mwh).amount - 1500.0).abs() < 1e-9);
        assert!(ron::from_str::<Price<EnergyUnit>>("CNY_per_kW(1)").is_err());
    }
}
