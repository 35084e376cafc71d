//! [`AssumptionKey`]: one assumption field, by its group and its name in the file. Generated
//! from the groups' own field lists (each group's `Key`, from `assumption_group!`), so a key
//! always names a field that exists, spelt as serde reads and writes it.
//!
//! Files write a key as `"group.field"` (`"prices.electricity"`, in the `uncertainty` list);
//! reading an unknown one fails with the list of valid keys ([`AssumptionKey::paths`]).

use std::fmt;
use std::sync::OnceLock;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Amount, Assumptions, Resolved, cooling, finance, plant, prices};
use coolplan_units::Currency;

macro_rules! assumption_keys {
    ($( $variant:ident => $group:ident ),+ $(,)?) => {
        /// An assumption group, named in the file `cooling`, `plant`, `prices` or `finance`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Group {
            $( $variant, )+
        }

        impl Group {
            /// Every group, in file order.
            pub const ALL: &'static [Group] = &[ $( Group::$variant, )+ ];

            /// The group's name in the file, e.g. `finance`.
            pub fn name(self) -> &'static str {
                match self { $( Group::$variant => stringify!($group), )+ }
            }

            /// Every field of the group, in file order.
            pub fn keys(self) -> Vec<AssumptionKey> {
                match self { $(
                    Group::$variant => $group::Key::ALL.iter().map(|&k| k.into()).collect(),
                )+ }
            }
        }

        /// One assumption field: its group and the group's own field key.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum AssumptionKey {
            $( $variant($group::Key), )+
        }

        $(
            impl From<$group::Key> for AssumptionKey {
                fn from(key: $group::Key) -> Self {
                    AssumptionKey::$variant(key)
                }
            }
        )+

        impl AssumptionKey {
            /// Every field of every group, in file order.
            pub fn all() -> impl Iterator<Item = AssumptionKey> {
                std::iter::empty()
                    $( .chain($group::Key::ALL.iter().map(|&k| AssumptionKey::$variant(k))) )+
            }

            pub fn group(self) -> Group {
                match self { $( AssumptionKey::$variant(_) => Group::$variant, )+ }
            }

            /// The field's name in the file, e.g. `discount_rate`.
            pub fn name(self) -> &'static str {
                match self { $( AssumptionKey::$variant(k) => k.name(), )+ }
            }

            /// `group.field`, e.g. `finance.discount_rate`.
            pub fn path(self) -> &'static str {
                match self { $( AssumptionKey::$variant(k) => k.path(), )+ }
            }

            /// The key a file writes as `group.field`.
            pub fn parse(path: &str) -> Option<AssumptionKey> {
                let (group, name) = path.split_once('.')?;
                match group {
                    $( stringify!($group) => $group::Key::from_name(name).map(AssumptionKey::$variant), )+
                    _ => None,
                }
            }

            /// Whole numbers only (counts, years): varied values are rounded.
            pub fn integer(self) -> bool {
                match self { $( AssumptionKey::$variant(k) => k.integer(), )+ }
            }

            /// The published source of the field's default.
            pub fn source(self) -> &'static str {
                match self { $( AssumptionKey::$variant(k) => k.source(), )+ }
            }
        }

        impl Assumptions {
            /// True when the file sets field `key`.
            pub fn is_set(&self, key: AssumptionKey) -> bool {
                match key { $( AssumptionKey::$variant(k) => self.$group.is_set(k), )+ }
            }

            /// Removes a value from the file so its default applies again (GUI reset).
            pub fn reset(&mut self, key: AssumptionKey) {
                match key { $( AssumptionKey::$variant(k) => self.$group.reset(k), )+ }
            }

            /// Sets field `key` to `number` written with `tag`, as the file would read it;
            /// false, and nothing set, when the field does not take that amount.
            pub fn set_amount(&mut self, key: AssumptionKey, tag: Option<&str>, number: f64) -> bool {
                match key { $( AssumptionKey::$variant(k) => self.$group.set_amount(k, tag, number), )+ }
            }
        }

        impl Resolved {
            /// The value of field `key` as the file writes it; `None` when it is not a number.
            pub fn amount(&self, key: AssumptionKey) -> Option<Amount> {
                match key { $( AssumptionKey::$variant(k) => self.$group.amount(k), )+ }
            }

            /// The currency of field `key` when it is money or a price.
            pub fn currency_of(&self, key: AssumptionKey) -> Option<Currency> {
                match key { $( AssumptionKey::$variant(k) => self.$group.currency_of(k), )+ }
            }

            /// The value of field `key` for people, e.g. `0.75 CNY/kWh`.
            pub fn describe(&self, key: AssumptionKey) -> String {
                match key { $( AssumptionKey::$variant(k) => self.$group.describe(k), )+ }
            }
        }
    };
}

assumption_keys! {
    Cooling => cooling,
    Plant => plant,
    Prices => prices,
    Finance => finance,
}

impl AssumptionKey {
    /// Every key as a file writes it (`cooling.air_limit_per_rack`, …), in file order.
    pub fn paths() -> &'static [&'static str] {
        static PATHS: OnceLock<Vec<&'static str>> = OnceLock::new();
        PATHS.get_or_init(|| Self::all().map(Self::path).collect())
    }
}

impl fmt::Display for AssumptionKey {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.path())
    }
}

impl Serialize for AssumptionKey {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.path())
    }
}

/// An unknown key is an unknown variant whose expected list is [`AssumptionKey::paths`]: the
/// io layer recognises that list and words the error with every valid key.
impl<'de> Deserialize<'de> for AssumptionKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = AssumptionKey;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an assumption key \"group.field\", e.g. \"prices.electricity\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<AssumptionKey, E> {
                AssumptionKey::parse(v).ok_or_else(|| E::unknown_variant(v, AssumptionKey::paths()))
            }
        }
        deserializer.deserialize_str(KeyVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_read_and_write_as_group_dot_field() {
        let key = AssumptionKey::Prices(prices::Key::electricity);
        assert_eq!(key.path(), "prices.electricity");
        assert_eq!((key.group(), key.name()), (Group::Prices, "electricity"));
        assert_eq!(AssumptionKey::parse("prices.electricity"), Some(key));
        assert_eq!(AssumptionKey::parse("prices.discount_rate"), None);
        assert_eq!(AssumptionKey::parse("electricity"), None);
        assert_eq!(
            ron::to_string(&key).expect("writes"),
            "\"prices.electricity\""
        );
        let read: AssumptionKey = ron::from_str("\"finance.horizon_years\"").expect("reads");
        assert_eq!(read, AssumptionKey::Finance(finance::Key::horizon_years));
        assert!(read.integer());
    }

    #[test]
    fn an_unknown_key_lists_every_valid_one() {
        let err = ron::from_str::<AssumptionKey>("\"prices.electricty\"").expect_err("unknown");
        let ron::Error::NoSuchEnumVariant {
            expected, found, ..
        } = err.code
        else {
            panic!("unknown variant expected, got {err}")
        };
        assert_eq!(found, "prices.electricty");
        assert_eq!(expected, AssumptionKey::paths());
        assert!(expected.contains(&"cooling.air_limit_per_rack"));
    }

    #[test]
    fn every_field_has_one_key_and_the_resolved_values_agree() {
        let keys: Vec<AssumptionKey> = AssumptionKey::all().collect();
        let by_group: usize = Group::ALL.iter().map(|g| g.keys().len()).sum();
        assert_eq!(keys.len(), by_group);
        let resolved = Assumptions::default().resolve(Currency::CNY);
        let entries = Assumptions::default().entries(Currency::CNY);
        assert_eq!(entries.iter().map(|e| e.key).collect::<Vec<_>>(), keys);
        for key in keys {
            assert_eq!(AssumptionKey::parse(key.path()), Some(key));
            assert_eq!(format!("{}.{}", key.group().name(), key.name()), key.path());
            // money is in the site's currency by default; other values have none
            let money = resolved.currency_of(key);
            assert!(money.is_none() || money == Some(Currency::CNY), "{key}");
        }
        // 28 prices in money: every price and amount of the `prices` group (22; the liquid-to-air
        // CDU's 3; the passive door, active door and door installation)
        let priced = AssumptionKey::all()
            .filter(|&k| resolved.currency_of(k).is_some())
            .count();
        assert_eq!(priced, 28);
    }

    #[test]
    fn an_amount_set_reads_back() {
        let mut assumptions = Assumptions::default();
        let limit = AssumptionKey::Cooling(cooling::Key::air_limit_per_rack);
        assert!(assumptions.set_amount(limit, Some("kW"), 30.0));
        let resolved = assumptions.resolve(Currency::CNY);
        assert_eq!(resolved.amount(limit), Some(Amount::tagged("kW", 30.0)));
        // a fluid is not a number; a power is not an energy
        let coolant = AssumptionKey::Cooling(cooling::Key::coolant);
        assert!(!assumptions.set_amount(coolant, None, 1.0));
        assert!(!assumptions.set_amount(limit, Some("kWh"), 30.0));
        assert_eq!(resolved.amount(coolant), None);
        assumptions.reset(limit);
        assert_eq!(assumptions, Assumptions::default());
    }
}
