//! [`Describe`]: how an assumption value is shown (`25 kW`) and written (`kW(25)`).

use coolplan_units::format::group_thousands;
use coolplan_units::{Money, Price, Qty, UnitKind};

/// An assumption value that people call by a name (worded in their language by the words
/// crate, next to the language-neutral [`Describe::describe`]).
#[derive(Clone, Debug, PartialEq)]
pub enum Named {
    Cdu(super::cooling::CduSize),
    Fluid(crate::fluids::Fluid),
}

/// Text forms of an assumption value.
pub trait Describe {
    /// For people: number and unit symbol, e.g. `25 kW`, `0.75 CNY/kWh`.
    fn describe(&self) -> String;
    /// As the site file writes it, e.g. `kW(25)`.
    fn file_form(&self) -> String;
    /// The value's own name when it has one (a CDU size is worded "In-row CDU" / "列间 CDU" by
    /// the words crate, before its capacity), so this layer never words anything itself.
    fn named(&self) -> Option<Named> {
        None
    }
}

fn ron_text<T: serde::Serialize>(value: &T) -> String {
    ron::to_string(value).unwrap_or_else(|e| format!("<{e}>"))
}

/// Up to 6 significant decimals, trailing zeros dropped, thousands grouped.
pub fn plain_number(value: f64) -> String {
    let text = group_thousands(value, 6);
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

impl<U: UnitKind> Describe for Qty<U> {
    fn describe(&self) -> String {
        format!("{} {}", plain_number(self.number()), self.unit().symbol())
    }
    fn file_form(&self) -> String {
        ron_text(self)
    }
}

impl<U: UnitKind> Describe for Price<U> {
    fn describe(&self) -> String {
        format!("{} {}", plain_number(self.number()), self.unit().symbol())
    }
    fn file_form(&self) -> String {
        ron_text(self)
    }
}

impl Describe for Money {
    fn describe(&self) -> String {
        format!("{} {}", plain_number(self.amount), self.currency.code())
    }
    fn file_form(&self) -> String {
        ron_text(self)
    }
}

macro_rules! describe_plain {
    ($($t:ty),+) => {$(
        impl Describe for $t {
            fn describe(&self) -> String { plain_number(*self as f64) }
            fn file_form(&self) -> String { ron_text(self) }
        }
    )+};
}
describe_plain!(f64, u32, u64);

/// A calendar year (`first_year`): written plain, `2026`, never grouped as `2,026`.
impl Describe for u16 {
    fn describe(&self) -> String {
        self.to_string()
    }
    fn file_form(&self) -> String {
        ron_text(self)
    }
}

/// A share or rate kept as a fraction in the file (`0.08`), shown as a percentage (`8 %`).
pub fn percent_of_fraction(value: f64) -> String {
    format!("{} %", plain_number(value * 100.0))
}
