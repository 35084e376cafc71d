//! Physical quantities at the edge of coolplan: unit sets, tagged values and money.
//!
//! Owns: the table of every unit a site file or the GUI accepts ([`kinds`]), the
//! [`Qty`] value that keeps the number and unit the user wrote next to its uom quantity,
//! money with its currency ([`money`]), and display formatting ([`format`]).
//! Never touches: files, egui, the engine.
//!
//! In a site file a quantity reads `max_power: kW(10.2)`: the tag is the unit, the number
//! is what the user typed. Loading converts to a uom quantity (SI inside); saving writes the
//! same tag and number back, so a file in canonical form round-trips with no diff.

pub mod format;
pub mod kinds;
pub mod money;
pub mod parse;
mod tagged;

pub use kinds::*;
pub use money::{Currency, Money, Price, PriceUnit};
pub use tagged::{Qty, UnitKind};

/// A dimensionless fraction in 0..=1 (utilisation, capture fraction, share).
/// Kept as f64: uom's `Ratio` adds nothing here and the validator checks the range.
pub type Fraction = f64;
