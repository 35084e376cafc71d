//! Analyses beyond one deterministic evaluation: one-at-a-time sensitivity of the plan's NPV
//! ([`tornado`]) and [`monte_carlo`] percentiles over the site's ranges on inputs (checked and
//! applied by [`coolplan_model::uncertainty`]), a [`phased`] conversion plan under a yearly
//! CAPEX budget, and the CDU N+1 check of the plan's CDUs ([`redundancy`]).
//!
//! Owns: the algorithms, as pure functions of a site, its results and an [`Evaluator`]
//! (`Fn(&Site) -> Overview`: [`evaluator`] binds `engine::recompute` to the site's climate).
//! Never touches: files, the clock, threads' count (results do not depend on it), OS
//! randomness (Monte Carlo draws from an explicit seed), egui, locale.

pub mod monte_carlo;
pub mod phased;
pub mod redundancy;
pub mod rng;
pub mod staged;
pub mod tornado;

use crate::results::Overview;
use coolplan_climate::ClimateData;
use coolplan_model::Site;
use coolplan_model::assumptions::Group;
use coolplan_model::uncertainty::prepare::Prepared;

/// Evaluates a (varied) site: the engine with the climate fixed.
pub type Evaluator<'a> = dyn Fn(&Site) -> Overview + Sync + 'a;

/// Assumption groups the physical evaluation never reads (it takes no money and no finance):
/// when only these vary, the physical results of the base site hold for every sample.
pub const COST_ONLY_GROUPS: [Group; 2] = [Group::Prices, Group::Finance];

/// The engine for varied copies of `prepared.site`, staged when it can be ([`staged`]): if
/// every uncertain input is in [`COST_ONLY_GROUPS`], the physical evaluation (the expensive
/// part: climate bins × rack groups) runs once here and each call re-runs only the cost
/// engine on a copy of it; if the air limit per rack is the only other input, one physical
/// pass per class of limits that rule out the same racks; otherwise each call is the full
/// `engine::recompute`. All give identical results (tested in
/// `tests/analysis/monte_carlo.rs`).
pub fn evaluator<'a>(prepared: &Prepared, climate: &'a ClimateData) -> Box<Evaluator<'a>> {
    let physical_inputs = || {
        prepared
            .inputs
            .iter()
            .filter(|i| !COST_ONLY_GROUPS.contains(&i.key.group()))
    };
    if physical_inputs().next().is_none() {
        staged::cost_only(&prepared.site, climate)
    } else if physical_inputs().all(|i| i.key == staged::AIR_LIMIT) {
        staged::air_limit(&prepared.site, climate)
    } else {
        Box::new(move |site: &Site| crate::recompute(site, climate))
    }
}
