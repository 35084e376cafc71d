//! Range checks of single values (finite, positive, fractions, years, temperatures), shared
//! by every rule.

use super::checker::Checker;
use crate::problem::{Kind, MAX_AMOUNT, MAX_SI_MAGNITUDE, Seg, YEAR_RANGE};
use coolplan_model::assumptions::Describe;
use coolplan_units::{Currency, Qty, TemperatureQ, UnitKind};

impl Checker {
    /// A quantity that must be finite and > 0.
    pub fn positive<U: UnitKind>(&mut self, name: impl Into<Seg>, q: &Qty<U>) {
        let name = name.into();
        self.number(name.clone(), q.number(), || shown(q), true);
        self.magnitude(name, q);
    }
    /// A quantity that must be finite and ≥ 0.
    pub fn non_negative<U: UnitKind>(&mut self, name: impl Into<Seg>, q: &Qty<U>) {
        let name = name.into();
        self.number(name.clone(), q.number(), || shown(q), false);
        self.magnitude(name, q);
    }
    /// A finite number whose SI value is beyond [`MAX_SI_MAGNITUDE`] (or overflows, as
    /// `MW(1e306)` does) is no real value; arithmetic on it would give infinities.
    fn magnitude<U: UnitKind>(&mut self, name: Seg, q: &Qty<U>) {
        if q.number().is_finite() && q.si().abs() > MAX_SI_MAGNITUDE {
            self.report_field(name, Kind::Huge(shown(q)));
        }
    }
    /// A finite quantity that must not exceed `limit` (a plausibility bound); NaN, infinities
    /// and overflowing values are reported by the checks above, not here.
    pub fn at_most<U: UnitKind>(&mut self, name: impl Into<Seg>, q: &Qty<U>, limit: Qty<U>) {
        if q.number().is_finite() && q.si() > limit.si() && q.si().abs() <= MAX_SI_MAGNITUDE {
            let kind = Kind::AbovePlausible {
                value: shown(q),
                limit: limit.describe(),
            };
            self.report_field(name, kind);
        }
    }
    /// A finite, positive quantity that must be at least `limit` (a plausibility bound).
    pub fn at_least<U: UnitKind>(&mut self, name: impl Into<Seg>, q: &Qty<U>, limit: Qty<U>) {
        if q.number().is_finite() && q.si() > 0.0 && q.si() < limit.si() {
            let kind = Kind::BelowPlausible {
                value: shown(q),
                limit: limit.describe(),
            };
            self.report_field(name, kind);
        }
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
    /// Money or a price: finite, ≥ 0, at most [`MAX_AMOUNT`], in the site's currency
    /// (`found`).
    pub fn money(
        &mut self,
        name: impl Into<Seg>,
        number: f64,
        shown: impl FnOnce() -> String,
        found: Currency,
        site: Currency,
    ) {
        let name = name.into();
        if number.is_finite() && number > MAX_AMOUNT {
            let kind = Kind::AbovePlausible {
                value: shown(),
                limit: amount_limit(found),
            };
            self.report_field(name.clone(), kind);
        } else {
            self.number(name.clone(), number, shown, false);
        }
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

/// [`MAX_AMOUNT`] in `currency`, for a message.
pub(super) fn amount_limit(currency: Currency) -> String {
    coolplan_units::Money::new(MAX_AMOUNT, currency).describe()
}

fn plain(v: f64) -> String {
    if v.is_finite() {
        v.describe()
    } else {
        v.to_string()
    }
}
