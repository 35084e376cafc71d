//! The file edge: load (parse, migrate, validate), and save site files atomically.
//!
//! Owns: reading and writing bytes, RON parse errors with line and column, schema
//! migration, validation of every rule with a path to the value. Never touches: egui, the
//! engine's arithmetic.

pub mod climate;
pub mod epw;
pub mod load;

pub use load::{LoadError, parse_site};
