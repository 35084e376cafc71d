//! Range checks of single values (finite, positive, fractions, years, temperatures), shared
//! by every rule.

use super::checker::Checker;
use crate::problem::{Kind, Seg, YEAR_RANGE};
use coolplan_model::assumptions::Describe;
use coolplan_units::{Currency, Qty, TemperatureQ, UnitKind};

impl Checker {
    /// A quantity that must be finite and > 0.
    pub fn positive<U: UnitKind>(&mut self, name: impl Into<Seg>, q: &Qty<U>) {
        self.number(name, q.number(), || shown(q), true);
    }
    /// A quantity that must be finite and ≥ 0.
    pub fn non_negative<U: UnitKind>(&mut self, name: impl Into<Seg>, q: &Qty<U>) {
        self.number(name, q.number(), || shown(q), false);
    }
    /// A plain number that must be finite and > 0 (NaN and infinities shown as written).
    pub fn positive_f64(&mut self, name: impl Into<Seg>, v: f64) {
        self.number(name, v, || plain(v), true);
    }
    /// `shown` words the value for a message; it runs only when there is one (formatting
    /// every valid number cost ~7 % of loading a large site).
    fn number(
        &mut self,
        name: impl Into<Seg>,
        v: f64,
        shown: impl FnOnce() -> String,
        strict: bool,
    ) {
        if !v.is_finite() {
            self.report_field(name, Kind::NotFinite(shown()));
        } else if v < 0.0 && !strict {
            self.report_field(name, Kind::Negative(shown()));
        } else if strict && v <= 0.0 {
            self.report_field(name, Kind::NotPositive(shown()));
        }
    }
    /// A share in 0..=1.
    pub fn fraction(&mut self, name: impl Into<Seg>, v: f64) {
        if !v.is_finite() {
            self.report_field(name, Kind::NotFinite(plain(v)));
        } else if !(0.0..=1.0).contains(&v) {
            self.report_field(name, Kind::FractionOutOfRange(v));
        }
    }
    /// A calendar year in [`YEAR_RANGE`].
    pub fn year(&mut self, name: impl Into<Seg>, year: i64) {
        if !YEAR_RANGE.contains(&year) {
            self.report_field(name, Kind::YearOutOfRange(year));
        }
    }
    /// A temperature: finite and above absolute zero.
    pub fn temperature(&mut self, name: impl Into<Seg>, t: &TemperatureQ) {
        if !t.number().is_finite() {
            self.report_field(name, Kind::NotFinite(shown(t)));
        } else if t.si() <= 0.0 {
            self.report_field(name, Kind::BelowAbsoluteZero(t.describe()));
        }
    }
    /// Money or a price: finite, ≥ 0, in the site's currency (`found`).
    pub fn money(
        &mut self,
        name: impl Into<Seg>,
        number: f64,
        shown: impl FnOnce() -> String,
        found: Currency,
        site: Currency,
    ) {
        let name = name.into();
        self.number(name.clone(), number, shown, false);
        if found != site {
            self.report_field(name, Kind::CurrencyMismatch { found, site });
        }
    }
    /// A name that must not be blank.
    pub fn name(&mut self, name: &str) {
        if name.trim().is_empty() {
            self.report_field("name", Kind::EmptyName);
        }
    }
}

/// A quantity for a message: `10.2 kW`, or `NaN m²` when not finite.
pub(super) fn shown<U: UnitKind>(q: &Qty<U>) -> String {
    if q.number().is_finite() {
        q.describe()
    } else {
        format!("{} {}", q.number(), q.unit().symbol())
    }
}

fn plain(v: f64) -> String {
    if v.is_finite() {
        v.describe()
    } else {
        v.to_string()
    }
}
