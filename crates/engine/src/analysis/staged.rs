//! Staged evaluators for the analyses: the physical pass (climate bins × rack groups, the
//! part no price, rate or horizon touches) reused across varied copies of one site, each call
//! re-running only the cost engine, and only what the analyses read of it
//! ([`crate::cost::lean`]). Every figure of a staged call equals `engine::recompute`'s of the
//! same site bit for bit (`tests/analysis/staged.rs`).
//!
//! Owns: when a physical pass may be reused, and the air-limit classes. Never touches: the
//! sampling (`super::monte_carlo`), threads (a cache behind a lock is all it shares).
//!
//! Every staged evaluator also keeps the rack groups' cost bases ([`super::bases`]) and
//! prices only the options that apply on the site ([`crate::cost::lean`]).
//!
//! Cost-only inputs ([`super::COST_ONLY_GROUPS`]): one physical pass for every call.
//!
//! Cost-only inputs and `cooling.air_limit_per_rack`: the air limit enters the physical pass
//! only through the rack rule "heat left on air per rack above the limit"
//! ([`crate::physical::feasibility::rack_verdict`], air and cold plate). Two limits that leave
//! the same rack heats above them give the same verdicts, hence the same physical results, but
//! for the limit each reason quotes. So the evaluator sorts the site's per-rack air heats once,
//! keys a limit by how many of them it does not exceed (its class) and keeps one physical pass
//! per class met (at most [`kept_classes`], then computes without keeping). A pass's reasons
//! quote the limit it was computed at; no reading reads a reason ([`super::Reading`]), so the
//! pass serves every limit of its class as it is.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use uom::si::f64::Power;
use uom::si::power::watt;

use super::Evaluator;
use super::bases::KeptBases;
use super::linear::Captures;
use crate::per_option::PerOption;
use crate::physical::door::DoorParams;
use crate::physical::load::{RackLoad, rack_load};
use crate::physical::{GroupPhysics, Physical};
use crate::results::{CoolingOption, ServerCooling};
use coolplan_climate::ClimateData;
use coolplan_model::assumptions::{AssumptionKey, cooling};
use coolplan_model::{Catalog, Site};

/// Physical passes kept per evaluator at most.
pub const MAX_CLASSES: usize = 256;
/// Rack-group records kept over all passes at most (about 0.5 kB each: ≈ 50 MB), so a large
/// site keeps fewer classes (a 10,000-group site 10) and the GUI's memory stays bounded.
pub const MAX_KEPT_GROUPS: usize = 100_000;

/// Classes an evaluator keeps a physical pass for on a site of `groups` rack groups (at least
/// one).
pub fn kept_classes(groups: usize) -> usize {
    (MAX_KEPT_GROUPS / groups.max(1)).clamp(1, MAX_CLASSES)
}

/// The air limit per rack: the one physical input the staged evaluator takes.
pub const AIR_LIMIT: AssumptionKey = AssumptionKey::Cooling(cooling::Key::air_limit_per_rack);

/// One physical pass for every call (only cost inputs vary); with `captures`, each call's
/// groups read from a capture where one holds ([`super::linear`]).
pub fn cost_only<'a>(
    base: &Site,
    climate: &'a ClimateData,
    captures: Option<Captures>,
) -> Box<Evaluator<'a>> {
    let catalog = base.catalog();
    let physical = crate::physical::evaluate_with::<GroupPhysics>(
        base,
        &catalog,
        &base.assumptions.resolve(base.currency),
        climate,
        false,
    );
    let kept_bases = KeptBases::default();
    Box::new(move |site: &Site| {
        let assumptions = site.assumptions.resolve(site.currency);
        let bases = kept_bases.bases(site, &catalog, &assumptions);
        let linear =
            (captures.as_ref()).and_then(|c| c.for_call(&catalog, &assumptions, &physical));
        crate::cost::lean::read_bases(site, &assumptions, &physical, bases, linear)
    })
}

/// One physical pass per air-limit class (cost inputs and the air limit vary; module doc);
/// `captures` as in [`cost_only`].
pub fn air_limit<'a>(
    base: &Site,
    climate: &'a ClimateData,
    captures: Option<Captures>,
) -> Box<Evaluator<'a>> {
    let catalog = base.catalog();
    let thresholds = air_heats_per_rack_w(base, &catalog);
    let keep = kept_classes(base.rack_group_count());
    let passes: Mutex<HashMap<usize, Arc<Physical<GroupPhysics>>>> = Mutex::default();
    let kept_bases = KeptBases::default();
    Box::new(move |site: &Site| {
        let assumptions = site.assumptions.resolve(site.currency);
        let limit = assumptions.cooling.air_limit_per_rack.get();
        let class = air_limit_class(&thresholds, limit);
        let kept = passes
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&class)
            .cloned();
        let physical = kept.unwrap_or_else(|| {
            let physical = Arc::new(crate::physical::evaluate_with::<GroupPhysics>(
                site,
                &catalog,
                &assumptions,
                climate,
                false,
            ));
            let mut passes = passes.lock().unwrap_or_else(PoisonError::into_inner);
            if passes.len() < keep {
                passes.insert(class, Arc::clone(&physical));
            }
            physical
        });
        let bases = kept_bases.bases(site, &catalog, &assumptions);
        let linear =
            (captures.as_ref()).and_then(|c| c.for_call(&catalog, &assumptions, &physical));
        crate::cost::lean::read_bases(site, &assumptions, &physical, bases, linear)
    })
}

/// Every rack group's heat left on air per rack under each option on air or plates (W), what the air
/// limit is compared with, ascending, without repeats. Immersion leaves none on air.
pub fn air_heats_per_rack_w(site: &Site, catalog: &Catalog) -> Vec<f64> {
    let assumptions = site.assumptions.resolve(site.currency);
    let models = crate::physical::load::Models::new(catalog);
    let mut load = RackLoad::default();
    let every = PerOption::from_fn(|_| true);
    let mut heats = Vec::with_capacity(2 * site.rack_group_count());
    for hall in &site.halls {
        let doors = DoorParams::new(&assumptions, hall);
        for rack in &hall.racks {
            rack_load(rack, &models, &doors, &every, &mut load);
            for option in CoolingOption::ALL
                .into_iter()
                .filter(|o| o.servers() != ServerCooling::Immersion)
            {
                heats.push(load.options[option].air_design_w);
            }
        }
    }
    heats.sort_by(f64::total_cmp);
    heats.dedup();
    heats
}

/// How many of the ascending `heats` the air limit `limit` does not rule out (the rule is
/// `heat > limit`, compared as the rule compares): limits of one class rule out the same racks.
pub fn air_limit_class(heats: &[f64], limit: Power) -> usize {
    heats.partition_point(|h| Power::new::<watt>(*h) <= limit)
}
