//! The engine: pure functions from a [`Site`] (and its climate) to [`Results`].
//!
//! Owns: heat split, coolant flows, equipment counts, feasibility, facility energy and PUE,
//! costs, finance and the recommendation. Never touches: files, the clock, egui, locale.
//! Public signatures take and return uom quantities; kernels unwrap to SI f64 once.

pub mod results;

pub use results::*;
