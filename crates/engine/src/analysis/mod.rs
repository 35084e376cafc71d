//! Analyses beyond one deterministic evaluation: one-at-a-time sensitivity of the plan's NPV
//! ([`tornado`]) and [`monte_carlo`] percentiles over the site's ranges on inputs (checked and
//! applied by [`coolplan_model::uncertainty`]), a [`phased`] conversion plan under a yearly
//! CAPEX budget, and the CDU N+1 check of the plan's CDUs ([`redundancy`]).
//!
//! Owns: the algorithms, as pure functions of a site, its results and an [`Evaluator`]
//! (`Fn(&Site) -> Reading`: [`evaluator`] binds `engine::read`, the figures of
//! `engine::recompute` the analyses read, to the site's climate).
//! Never touches: files, the clock, threads' count (results do not depend on it), OS
//! randomness (Monte Carlo draws from an explicit seed), egui, locale.

pub mod bases;
pub mod linear;
pub mod monte_carlo;
pub mod phased;
pub mod reading;
pub mod redundancy;
pub mod rng;
pub mod staged;
pub mod tornado;

pub use reading::Reading;

use coolplan_climate::ClimateData;
use coolplan_model::Site;
use coolplan_model::assumptions::Group;
use coolplan_model::uncertainty::prepare::Prepared;

/// Evaluates a (varied) site, the climate fixed, into what the analyses read of it
/// ([`Reading`]: equal to `Reading::of(&engine::recompute(site, climate))`).
pub type Evaluator<'a> = dyn Fn(&Site) -> Reading + Sync + 'a;

/// Assumption groups the physical evaluation never reads (it takes no money and no finance):
/// when only these vary, the physical results of the base site hold for every sample.
pub const COST_ONLY_GROUPS: [Group; 2] = [Group::Prices, Group::Finance];

/// The engine for varied copies of `prepared.site`, staged when it can be ([`staged`]): if
/// every uncertain input is in [`COST_ONLY_GROUPS`], the physical evaluation (the expensive
/// part: climate bins × rack groups) runs once here and each call re-runs only the cost
/// engine on a copy of it; if the air limit per rack is the only other input, one physical
/// pass per class of limits that rule out the same racks; otherwise each call is the full
/// `engine::read`. Each computes only what the analyses read ([`Reading`]), and every figure
/// equals `engine::recompute`'s to the bit (`tests/analysis/staged.rs`).
pub fn evaluator<'a>(prepared: &Prepared, climate: &'a ClimateData) -> Box<Evaluator<'a>> {
    staged_evaluator(prepared, climate, false)
}

/// The Monte Carlo's engine for varied copies of `prepared.site`: [`evaluator`], but where
/// every uncertain input is a price, the discount rate, the horizon or the air limit, each
/// call's rack groups are read from a capture of their
/// yearly costs as linear functions of the prices ([`linear`]) instead of priced: every
/// figure within 1e-12 relative of `engine::recompute`'s and every choice the same
/// (`tests/analysis/linear.rs`), not to the bit.
pub fn sampler<'a>(prepared: &Prepared, climate: &'a ClimateData) -> Box<Evaluator<'a>> {
    staged_evaluator(prepared, climate, true)
}

fn staged_evaluator<'a>(
    prepared: &Prepared,
    climate: &'a ClimateData,
    linear: bool,
) -> Box<Evaluator<'a>> {
    let captures = || linear.then(|| linear::Captures::new(prepared)).flatten();
    let physical_inputs = || {
        prepared
            .inputs
            .iter()
            .filter(|i| !COST_ONLY_GROUPS.contains(&i.key.group()))
    };
    if physical_inputs().next().is_none() {
        staged::cost_only(&prepared.site, climate, captures())
    } else if physical_inputs().all(|i| i.key == staged::AIR_LIMIT) {
        staged::air_limit(&prepared.site, climate, captures())
    } else {
        Box::new(move |site: &Site| crate::read(site, climate))
    }
}
