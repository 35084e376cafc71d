//! The engine: pure functions from a [`Site`] (and its climate) to [`Results`].
//!
//! Owns: heat split, coolant flows, equipment counts, feasibility, facility energy and PUE,
//! costs, finance and the recommendation. Never touches: files, the clock, egui, locale.
//! Public signatures take and return uom quantities; kernels unwrap to SI f64 once.
//!
//! Pipeline: [`physical::evaluate`] (thermal, equipment, CDU designs, feasibility, energy)
//! then [`cost::evaluate`] (CAPEX, OPEX, finance, the best single option per scope, and the
//! plan: an option per rack group within each hall's limits, [`plan`]) give [`Results`].

pub mod analysis;
pub mod cdu;
pub use coolplan_climate as climate;
pub mod compliance;
pub mod cost;
pub mod finance;
pub mod heat_reuse;
pub mod kpi;
pub mod option;
pub mod per_option;
pub mod physical;
pub mod plan;
pub mod recommend;
pub mod results;
pub mod surcharge;

pub use per_option::PerOption;

pub use climate::ClimateData;
pub use results::*;

use coolplan_model::Site;

/// Evaluates `site` in `climate`: every rack group, hall and the site, for every option,
/// each rack group in full (names, reasons, yearly cash flows, CAPEX items): what reports,
/// the CLI and the analyses read.
pub fn evaluate(site: &Site, climate: &ClimateData) -> Results {
    let catalog = site.catalog_shared();
    let assumptions = site.assumptions.resolve(site.currency);
    let physical = physical::evaluate(site, &catalog, &assumptions, climate);
    cost::evaluate(site, &catalog, &assumptions, physical)
}

/// The live recompute: the site and every hall in full, each rack group compact
/// ([`GroupSummary`]: recommendation, heat, money). Equal to `evaluate(..).overview()`
/// bit for bit, on one thread, without the per-group names, reasons and yearly flows
/// that only reports need.
pub fn recompute(site: &Site, climate: &ClimateData) -> Overview {
    let (catalog, assumptions, physical) = compact_physical(site, climate);
    cost::evaluate(site, &catalog, &assumptions, physical)
}

/// What the tornado and the Monte Carlo read of `site` in `climate`
/// ([`analysis::Reading`]): each figure equal to `recompute`'s to the bit, without the
/// halls' results, the plan's reasons and the KPIs that no analysis reads.
pub fn read(site: &Site, climate: &ClimateData) -> analysis::Reading {
    let (catalog, assumptions, physical) = compact_physical(site, climate);
    cost::lean::read(site, &catalog, &assumptions, &physical)
}

/// The physical pass `recompute` and `read` share: each rack group compact
/// ([`physical::GroupPhysics`]), with the catalog and assumptions it was computed with.
fn compact_physical(
    site: &Site,
    climate: &ClimateData,
) -> (
    std::borrow::Cow<'static, coolplan_model::Catalog>,
    coolplan_model::assumptions::Resolved,
    physical::Physical<physical::GroupPhysics>,
) {
    let catalog = site.catalog_shared();
    let assumptions = site.assumptions.resolve(site.currency);
    let physical = physical::evaluate_with::<physical::GroupPhysics>(
        site,
        &catalog,
        &assumptions,
        climate,
        false,
    );
    (catalog, assumptions, physical)
}
