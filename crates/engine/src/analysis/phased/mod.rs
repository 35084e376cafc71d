//! Phased conversion plan: which rack group converts to which option in which year, under a
//! yearly CAPEX budget, to maximise the site's NPV against air.
//!
//! Owns: the planning problem ([`problem`]), its solvers ([`search`]) and the plan built from
//! engine results with a reason for every group ([`build`]). Never touches: files, the clock.
//!
//! Model (docs/analysis.md §4).
//! - A group converted in plan year k takes the engine's savings-against-air series of its
//!   option shifted by k years and cut at the horizon: Σ_{t=k}^{H} s_{t−k} / (1 + r)^t.
//! - Stock groups may convert in any year. Groups with new servers decide only in their
//!   arrival year (bought liquid-ready then) or stay on air; a group mixing stock and new
//!   servers decides in year 0 with the engine's own timing.
//! - The budget limits each year's liquid CAPEX: the converted groups' CAPEX without CDUs,
//!   charged in their year, plus CDU steps. CDUs are bought per hall as whole units: in year
//!   k a hall holds `ceil(Q_k / C) + redundancy` units for the liquid heat Q_k of the groups
//!   converted by then, so a hall's first liquid group pays for the first unit and the spare.
//!   (Per-kW cost mode has no CDU item: the all-in price includes them and steps cost 0.)

pub mod build;
pub mod problem;
pub mod search;

pub use build::{GroupPlan, Plan, PlanReason, PlanYear, plan};
pub use problem::{Choice, HallCdus, PlanGroup, PlanOption, Problem};
pub use search::{Method, exhaustive, heuristic, solve};
