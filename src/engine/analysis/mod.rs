//! Analyses beyond one deterministic evaluation: ranges on inputs ([`uncertainty`]),
//! one-at-a-time sensitivity ([`tornado`]), [`monte_carlo`] percentiles, a [`phased`]
//! conversion plan under a yearly CAPEX budget, and the CDU N+1 check ([`redundancy`]).
//!
//! Owns: the algorithms, as pure functions of a site, its results and an evaluator
//! (`Fn(&Site) -> Results`, normally `engine::evaluate` with the site's climate bound).
//! Never touches: files, the clock, threads' count (results do not depend on it), OS
//! randomness (Monte Carlo draws from an explicit seed), egui, locale.

pub mod monte_carlo;
pub mod phased;
pub mod redundancy;
pub mod rng;
pub mod tornado;
pub mod uncertainty;

use crate::engine::results::{CoolingOption, Results};
use crate::model::Site;

/// Evaluates a (varied) site: the engine with the climate fixed.
pub type Evaluator<'a> = dyn Fn(&Site) -> Results + Sync + 'a;

/// The option whose NPV against air the sensitivity follows: the site's recommendation when
/// it is a liquid option, else the feasible liquid option with the best NPV, else cold plate.
pub fn focus_option(results: &Results) -> CoolingOption {
    if let Some(option) = results.site.recommendation.option
        && option != CoolingOption::Air
    {
        return option;
    }
    [CoolingOption::ColdPlate, CoolingOption::Immersion]
        .into_iter()
        .filter(|o| results.site.option(*o).feasible)
        .max_by(|a, b| {
            let npv = |o: &CoolingOption| results.site.option(*o).cost.npv_vs_air.amount;
            npv(a).total_cmp(&npv(b))
        })
        .unwrap_or(CoolingOption::ColdPlate)
}
