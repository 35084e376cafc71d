//! The engine: pure functions from a [`Site`] (and its climate) to [`Results`].
//!
//! Owns: heat split, coolant flows, equipment counts, feasibility, facility energy and PUE,
//! costs, finance and the recommendation. Never touches: files, the clock, egui, locale.
//! Public signatures take and return uom quantities; kernels unwrap to SI f64 once.
//!
//! Pipeline: [`physical::evaluate`] (thermal, equipment, feasibility, energy) then
//! [`cost::evaluate`] (CAPEX, OPEX, finance, recommendation) give [`Results`].

pub mod climate;
pub mod cost;
pub mod finance;
pub mod physical;
pub mod recommend;
pub mod results;

pub use climate::ClimateData;
pub use results::*;

use crate::model::Site;

/// Evaluates `site` in `climate`: every rack group, hall and the site, for every option.
pub fn evaluate(site: &Site, climate: &ClimateData) -> Results {
    let catalog = site.catalog();
    let assumptions = site.assumptions.resolve(site.currency);
    let physical = physical::evaluate(site, &catalog, &assumptions, climate);
    cost::evaluate(site, &catalog, &assumptions, physical)
}
