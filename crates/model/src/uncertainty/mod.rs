//! Ranges on inputs: which assumptions are uncertain and over what range (plain data).
//!
//! Owns: the RON form of an uncertain input, and ([`prepare`]) checking the list against the
//! assumptions and setting varied values. Never touches: sampling, the engine, files.
//! RON cannot parse `0.75 ± 20 %`, so a site lists its uncertain inputs in a top-level
//! `uncertainty` list, each naming an assumption by its key `"group.key"` (as in the
//! assumptions appendix; read into an [`AssumptionKey`], an unknown key fails the load with
//! the list of valid ones) with one of three ranges:
//!
//! ```ron
//! uncertainty: [
//!     (input: "prices.electricity", range: Percent(20)),
//!     (input: "finance.discount_rate", range: Triangular(low: 0.06, mode: 0.08, high: 0.10)),
//!     (input: "cooling.air_limit_per_rack", range: Uniform(low: kW(20), high: kW(30))),
//! ]
//! ```
//!
//! `Percent(p)` is the site's value (or the default) ± p % of the number as written, uniform.
//! Bounds of `Uniform` and `Triangular` are written like the assumption itself (`kW(20)`,
//! `CNY_per_kWh(0.6)`, a bare number for a ratio), all three in the same unit.

pub mod prepare;

use crate::CostMode;
use crate::assumptions::{finance, prices};
use serde::de;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use crate::assumptions::Amount;
use crate::assumptions::AssumptionKey;

/// One uncertain input.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Uncertain {
    /// The assumption, written `"group.key"`, e.g. `"prices.electricity"`.
    pub input: AssumptionKey,
    pub range: Range,
}

/// The range of an uncertain input and how values are drawn from it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Range {
    /// The value ± this percentage of its number, drawn uniformly.
    Percent(f64),
    /// Any value between the bounds, equally likely.
    Uniform { low: Amount, high: Amount },
    /// Low, most likely and high values (triangular distribution).
    Triangular {
        low: Amount,
        mode: Amount,
        high: Amount,
    },
}

/// A bound is written like the assumption itself: `kW(20)`, or a bare number for a ratio.
impl Serialize for Amount {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.tag {
            Some(tag) => {
                let tag = coolplan_units::money::intern(tag.clone());
                // whole numbers as people write them: kW(20), not kW(20.0)
                if self.number.fract() == 0.0 && self.number.abs() < 9.0e15 {
                    serializer.serialize_newtype_variant("Amount", 0, tag, &(self.number as i64))
                } else {
                    serializer.serialize_newtype_variant("Amount", 0, tag, &self.number)
                }
            }
            None => serializer.serialize_f64(self.number),
        }
    }
}

/// How a bound reads: RON hands an identifier-tagged value (`kW(20)`) to serde's buffered
/// (untagged) content as a one-entry map `{"kW": 20}`, the form JSON writes too.
#[derive(Deserialize)]
#[serde(
    untagged,
    expecting = "a number, or a number with its unit such as kW(20) or CNY_per_kWh(0.6)"
)]
enum AmountRepr {
    Plain(f64),
    Tagged(std::collections::BTreeMap<String, f64>),
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match AmountRepr::deserialize(deserializer)? {
            AmountRepr::Plain(number) => Ok(Amount::plain(number)),
            AmountRepr::Tagged(map) if map.len() == 1 => {
                let (tag, number) = map.into_iter().next().ok_or_else(|| {
                    de::Error::custom("a unit tag with its number, such as kW(20)")
                })?;
                Ok(Amount::tagged(&tag, number))
            }
            AmountRepr::Tagged(_) => Err(de::Error::custom(
                "one unit tag with its number, such as kW(20)",
            )),
        }
    }
}

/// The ranges swung when a site lists no `uncertainty` ([EST], `docs/analysis.md` §2): the
/// inputs that move an NPV most on every site, each ± a share of its value. Electricity ±20 %
/// (a tariff's spread between provinces and years); discount rate ±25 % (8 % → 6–10 %, the
/// range analysts use for Chinese infrastructure); horizon ±30 % (10 → 7–13 years of plant
/// life); CAPEX prices of the site's cost mode ±30 % (the spread of published per-kW and
/// equipment prices in `shared/reference`); added air capacity ±30 %.
pub fn default_ranges(mode: CostMode) -> Vec<Uncertain> {
    use finance::Key as F;
    use prices::Key as P;
    let percent = |input: AssumptionKey, p: f64| Uncertain {
        input,
        range: Range::Percent(p),
    };
    let mut list = vec![
        percent(P::electricity.into(), 20.0),
        percent(F::discount_rate.into(), 25.0),
        percent(F::horizon_years.into(), 30.0),
    ];
    let capex: &[P] = match mode {
        CostMode::PerKw => &[
            P::cold_plate_stock_per_kw,
            P::cold_plate_new_per_kw,
            P::immersion_stock_per_kw,
            P::immersion_new_per_kw,
        ],
        CostMode::Itemised => &[
            P::cdu_per_kw_capacity,
            P::cold_plate_kit_per_kw,
            P::manifold_per_rack,
            P::piping_per_kw,
            P::labour_per_server,
            P::tank_each,
        ],
    };
    list.extend(capex.iter().map(|&key| percent(key.into(), 30.0)));
    list.push(percent(P::air_added_capacity_per_kw.into(), 30.0));
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_read_and_write_back() {
        let text = r#"[
            (input: "prices.electricity", range: Percent(20)),
            (input: "finance.discount_rate", range: Triangular(low: 0.06, mode: 0.08, high: 0.1)),
            (input: "cooling.air_limit_per_rack", range: Uniform(low: kW(20), high: kW(30))),
        ]"#;
        let list: Vec<Uncertain> = ron::from_str(text).expect("valid ranges");
        assert_eq!(list[0].range, Range::Percent(20.0));
        assert_eq!(
            list[2].range,
            Range::Uniform {
                low: Amount::tagged("kW", 20.0),
                high: Amount::tagged("kW", 30.0)
            }
        );
        let Range::Triangular { mode, .. } = &list[1].range else {
            panic!("triangular expected")
        };
        assert_eq!(*mode, Amount::plain(0.08));
        let again: Vec<Uncertain> =
            ron::from_str(&ron::to_string(&list).expect("serialises")).expect("reads back");
        assert_eq!(again, list);
    }
}
