//! `assumption_group!`: declares one group of assumptions once — file field, default, source —
//! and derives the optional file struct, the resolved struct, the group's field [`Key`]s,
//! provenance entries, reset and the typed reading and setting of numbers (uncertain inputs).
//!
//! [`Key`]: crate::assumptions::finance::Key

/// ```ignore
/// assumption_group! {
///     /// Doc of the group.
///     Finance / FinanceResolved, "finance" {
///         /// Doc of the field.
///         discount_rate: f64 = |_cur| 0.08, "China social discount rate ...";
///     }
///     // optional: keys older files may hold that no longer enter the model
///     retired {
///         /// What replaced it.
///         old_key: f64;
///     }
/// }
/// ```
///
/// Retired keys still load (and are written back, so nothing a user wrote is lost), but they
/// have no [`Key`], so they are not resolved, listed, varied or reset; the validator warns about
/// each one set.
///
/// [`Key`]: crate::assumptions::finance::Key
macro_rules! assumption_group {
    (
        $(#[$doc:meta])*
        $file:ident / $resolved:ident, $group:literal {
            $(
                $(#[$fdoc:meta])*
                $field:ident : $ty:ty = |$cur:ident| $default:expr, $source:literal;
            )+
        }
    ) => {
        assumption_group! {
            $(#[$doc])*
            $file / $resolved, $group {
                $( $(#[$fdoc])* $field : $ty = |$cur| $default, $source; )+
            }
            retired {}
        }
    };
    (
        $(#[$doc:meta])*
        $file:ident / $resolved:ident, $group:literal {
            $(
                $(#[$fdoc:meta])*
                $field:ident : $ty:ty = |$cur:ident| $default:expr, $source:literal;
            )+
        }
        retired {
            $(
                $(#[$rdoc:meta])*
                $old:ident : $oty:ty;
            )*
        }
    ) => {
        $(#[$doc])*
        #[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
        #[serde(default, deny_unknown_fields)]
        pub struct $file {
            $(
                $(#[$fdoc])*
                #[serde(skip_serializing_if = "Option::is_none")]
                pub $field: Option<$ty>,
            )+
            $(
                $(#[$rdoc])*
                #[serde(skip_serializing_if = "Option::is_none")]
                pub $old: Option<$oty>,
            )*
        }

        /// The same group with every default filled in.
        #[derive(Clone, Debug, PartialEq)]
        pub struct $resolved {
            $( $(#[$fdoc])* pub $field: $ty, )+
        }

        /// A field of this group, named as the file writes it (`Key::discount_rate` is
        /// `discount_rate`); [`crate::assumptions::AssumptionKey`] adds the group.
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Key {
            $( $(#[$fdoc])* $field, )+
        }

        impl Key {
            /// Every field, in declaration (file) order.
            pub const ALL: &'static [Key] = &[ $( Key::$field, )+ ];

            /// The field's name in the file, e.g. `discount_rate`.
            pub fn name(self) -> &'static str {
                match self { $( Key::$field => stringify!($field), )+ }
            }

            /// `group.field` as the `uncertainty` list writes it, e.g. `finance.discount_rate`.
            pub fn path(self) -> &'static str {
                match self { $( Key::$field => concat!($group, ".", stringify!($field)), )+ }
            }

            /// The field named `name` in the file.
            pub fn from_name(name: &str) -> Option<Key> {
                match name { $( stringify!($field) => Some(Key::$field), )+ _ => None }
            }

            /// Whole numbers only (counts, years).
            pub fn integer(self) -> bool {
                use $crate::assumptions::Numeric;
                match self { $( Key::$field => <$ty as Numeric>::INTEGER, )+ }
            }

            /// The published source of the field's default.
            pub fn source(self) -> &'static str {
                match self { $( Key::$field => $source, )+ }
            }
        }

        impl $file {
            /// Keys older files may hold that no longer enter the model.
            pub const RETIRED: &'static [&'static str] = &[ $( stringify!($old), )* ];

            /// True when the file sets nothing in this group (it is then not written).
            pub fn is_empty(&self) -> bool {
                true $( && self.$field.is_none() )+ $( && self.$old.is_none() )*
            }

            /// The retired keys this file sets.
            pub fn retired_set(&self) -> Vec<&'static str> {
                #[allow(unused_mut)]
                let mut set = Vec::new();
                $( if self.$old.is_some() { set.push(stringify!($old)); } )*
                set
            }

            /// The defaults for a site in `currency`.
            #[allow(unused_variables)]
            pub fn defaults(currency: coolplan_units::Currency) -> $resolved {
                $resolved { $( $field: { let $cur = currency; $default }, )+ }
            }

            /// Values with defaults filled in.
            pub fn resolve(&self, currency: coolplan_units::Currency) -> $resolved {
                let defaults = Self::defaults(currency);
                $resolved { $( $field: self.$field.clone().unwrap_or(defaults.$field), )+ }
            }

            /// Every field with its value and provenance.
            pub fn entries(
                &self,
                currency: coolplan_units::Currency,
            ) -> Vec<$crate::assumptions::Entry> {
                use $crate::assumptions::{AssumptionKey, Describe, Entry, Provenance};
                let resolved = self.resolve(currency);
                vec![ $(
                    Entry {
                        key: AssumptionKey::from(Key::$field),
                        value: resolved.$field.file_form(),
                        display: resolved.$field.describe(),
                        named: resolved.$field.named(),
                        provenance: if self.$field.is_some() {
                            Provenance::SiteFile
                        } else {
                            Provenance::Default { source: $source }
                        },
                    },
                )+ ]
            }

            /// True when the file sets field `key`.
            pub fn is_set(&self, key: Key) -> bool {
                match key { $( Key::$field => self.$field.is_some(), )+ }
            }

            /// Clears a field so its default applies.
            pub fn reset(&mut self, key: Key) {
                match key { $( Key::$field => self.$field = None, )+ }
            }

            /// Sets field `key` to `number` written with `tag` (as in the file); false, and
            /// nothing set, when the field does not take that amount (a value that is not a
            /// number, a unit of another kind, a whole number out of range).
            pub fn set_amount(&mut self, key: Key, tag: Option<&str>, number: f64) -> bool {
                use $crate::assumptions::Numeric;
                match key { $(
                    Key::$field => match <$ty as Numeric>::from_amount(tag, number) {
                        Some(value) => {
                            self.$field = Some(value);
                            true
                        }
                        None => false,
                    },
                )+ }
            }
        }

        impl $resolved {
            /// The value of field `key` as the file writes it; `None` when it is not a number.
            pub fn amount(&self, key: Key) -> Option<$crate::assumptions::Amount> {
                use $crate::assumptions::Numeric;
                match key { $( Key::$field => self.$field.amount(), )+ }
            }

            /// The currency of field `key` when it is money or a price.
            pub fn currency_of(&self, key: Key) -> Option<coolplan_units::Currency> {
                use $crate::assumptions::Numeric;
                match key { $( Key::$field => Numeric::currency(&self.$field), )+ }
            }

            /// The value of field `key` for people, e.g. `0.75 CNY/kWh` ([`Describe`]).
            ///
            /// [`Describe`]: $crate::assumptions::Describe
            pub fn describe(&self, key: Key) -> String {
                use $crate::assumptions::Describe;
                match key { $( Key::$field => self.$field.describe(), )+ }
            }
        }
    };
}
