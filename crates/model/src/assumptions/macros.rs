//! `assumption_group!`: declares one group of assumptions once — file field, default, source —
//! and derives the optional file struct, the resolved struct, provenance entries and reset.

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
/// are not resolved, listed, varied or reset; the validator warns about each one set.
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

        impl $file {
            /// Field keys in declaration order.
            pub const KEYS: &'static [&'static str] = &[ $( stringify!($field), )+ ];
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
                use $crate::assumptions::{Describe, Entry, Provenance};
                let resolved = self.resolve(currency);
                vec![ $(
                    Entry {
                        group: $group,
                        key: stringify!($field),
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

            /// The published source of a field's default.
            pub fn source_of(key: &str) -> Option<&'static str> {
                match key { $( stringify!($field) => Some($source), )+ _ => None }
            }

            /// Clears a field so its default applies; false for an unknown key.
            pub fn reset(&mut self, key: &str) -> bool {
                match key {
                    $( stringify!($field) => { self.$field = None; true } )+
                    _ => false,
                }
            }
        }
    };
}
