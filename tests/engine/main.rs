//! The engine tests, one binary: thermal and energy physics, costs and finance, climate files,
//! the example sites and generated sites through the whole engine.
//!
//! One binary with a module per topic: the crate is linked once for all of them.

mod common;
#[path = "../support/regressions.rs"]
mod regressions;
mod support;

mod cooling_rules;
mod cost_capex;
mod cost_properties;
mod doors;
mod enabling;
mod energy;
mod epw;
mod finance_cases;
mod fleet;
mod generate;
mod heat_reuse;
mod l2a;
mod lifecycle;
mod offered;
mod performance;
mod plan;
mod properties;
mod recompute;
mod sites;
mod thermal;
