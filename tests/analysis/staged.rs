//! The staged evaluators (`engine::analysis::staged`) and `engine::read` against the full
//! engine: every figure the tornado and the Monte Carlo read (`analysis::Reading`) equal to
//! that of `engine::recompute` of the same varied site, bit for bit, on the example sites and
//! generated ones (both cost modes; one offering three options, whose others the staged
//! evaluators do not price; one whose groups in part read the per-kW kit price and premium,
//! so kept cost bases must be built again when the kit price changes) with ai-hall's six
//! uncertain inputs (four cost inputs, the horizon and the air limit per rack), without the
//! air limit (cost inputs only), and with a physical input (every call the whole engine);
//! one selling heat without a compliance profile (no energy ledger, its groups' heat credited
//! all the same); and the Monte Carlo summary equal whichever evaluator runs it.

use std::path::Path;

use crate::support::assert_reads_as_recompute;
use std::sync::atomic::{AtomicBool, AtomicUsize};

use coolplan::engine::analysis::monte_carlo::{Config, MonteCarlo, draw, run};
use coolplan::engine::analysis::staged::{AIR_LIMIT, air_heats_per_rack_w, air_limit_class};
use coolplan::engine::analysis::{Reading, evaluator, staged};
use coolplan::engine::{ClimateData, recompute};
use coolplan::model::assumptions::AssumptionKey;
use coolplan::model::cooling::Cooling;
use coolplan::model::generate::generate_site;
use coolplan::model::uncertainty::prepare::Prepared;
use coolplan::model::uncertainty::{Range, Uncertain};
use coolplan::model::{CostMode, Site};

pub(crate) fn example(name: &str) -> (Site, ClimateData) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sites");
    let site = coolplan::io::load_site(dir.join(name))
        .unwrap_or_else(|e| panic!("{name}: {e:?}"))
        .site;
    let climate = coolplan::io::climate::resolve(&site, Some(&dir)).expect("climate");
    (site, climate)
}

/// The example sites and four generated ones (both cost modes; one offering three options;
/// one whose models in part have no catalog kit price or premium), each with ai-hall's list.
pub(crate) fn sites() -> Vec<(String, Site, ClimateData)> {
    let (ai_hall, _) = example("ai-hall.ron");
    let mut out = Vec::new();
    for name in ["ai-hall.ron", "china-fleet.ron", "enterprise-room.ron"] {
        let (mut site, climate) = example(name);
        site.uncertainty = ai_hall.uncertainty.clone();
        out.push((name.to_string(), site, climate));
    }
    for mode in [CostMode::PerKw, CostMode::Itemised] {
        let mut site = generate_site(240, 2026);
        site.cost_mode = mode;
        site.uncertainty = ai_hall.uncertainty.clone();
        let climate = coolplan::engine::climate::presets::preset("beijing").expect("preset");
        out.push((format!("generated 240 {mode:?}"), site, climate));
    }
    let beijing = || coolplan::engine::climate::presets::preset("beijing").expect("preset");
    // options the site does not offer apply nowhere: the staged evaluators do not price them
    let mut three = generate_site(240, 2027);
    three.cooling_options = Some(vec![Cooling::Air, Cooling::ColdPlate, Cooling::Immersion]);
    three.uncertainty = ai_hall.uncertainty.clone();
    out.push(("generated 240, three options".to_string(), three, beijing()));
    // kept cost bases must follow the kit price where a group's basis reads it
    let mut defaults = generate_site(240, 2028);
    // every other model priced on the per-kW defaults (one of the six inputs is one of them)
    coolplan::model::generate::drop_catalog_prices_of_every_other_model(&mut defaults);
    defaults.uncertainty = ai_hall.uncertainty.clone();
    out.push((
        "generated 240, per-kW defaults".to_string(),
        defaults,
        beijing(),
    ));
    // a heat customer without a compliance profile: no ledger, yet each group's heat credited
    let (mut heat, climate) = example("ai-hall.ron");
    heat.compliance = None;
    heat.heat_customer = Some(
        ron::from_str(
            r#"(name: "District heating", supply_temp: degC(65), capacity: MW(1.5),
            price: CNY_per_MWh(180), heat_pump_cop: Some(4.0), months: [1, 2, 3, 11, 12],
            from_year: Some(2027), capex: Some(CNY(2500000)))"#,
        )
        .expect("heat customer"),
    );
    out.push(("ai-hall, heat customer".to_string(), heat, climate));
    out
}

#[test]
fn staged_air_limit_evaluator_equals_the_full_engine_sample_by_sample() {
    let mut reused = 0;
    for (name, site, climate) in sites() {
        let prepared = Prepared::new(&site).expect("valid ranges");
        let keys: Vec<_> = prepared.inputs.iter().map(|i| i.key).collect();
        assert_eq!(keys.len(), 6, "{name}");
        assert!(keys.contains(&AIR_LIMIT), "{name}");
        let staged = evaluator(&prepared, &climate);
        let heats = air_heats_per_rack_w(&site, &site.catalog());
        let mut classes = Vec::new();
        for index in 0..10 {
            let varied = prepared
                .apply_vector(&draw(&prepared, 7, index))
                .expect("applies");
            let limit = varied
                .assumptions
                .resolve(varied.currency)
                .cooling
                .air_limit_per_rack
                .get();
            let class = air_limit_class(&heats, limit);
            // a class met before: the call reuses a physical pass made at another limit
            reused += usize::from(classes.contains(&class));
            classes.push(class);
            let what = format!("{name}, sample {index}");
            assert_reads_as_recompute(&staged(&varied), &varied, &climate, &what);
        }
    }
    // the reuse of a pass made at another limit is what this test is about
    assert!(reused >= 10, "only {reused} samples reused a pass");
}

#[test]
fn cost_only_and_full_evaluators_read_as_the_full_engine_sample_by_sample() {
    for (name, site, climate) in sites() {
        // without the air limit: one physical pass for every call
        let mut cost_only = site.clone();
        cost_only.uncertainty.retain(|u| u.input != AIR_LIMIT);
        // with a physical input: each call the whole engine (`engine::read`)
        let mut physical = site.clone();
        physical.uncertainty.push(Uncertain {
            input: AssumptionKey::parse("plant.chiller_cop").expect("a key"),
            range: Range::Percent(20.0),
        });
        for (kind, site, inputs) in [("cost only", cost_only, 5), ("physical", physical, 7)] {
            let prepared = Prepared::new(&site).expect("valid ranges");
            assert_eq!(prepared.inputs.len(), inputs, "{name}, {kind}");
            let evaluate = evaluator(&prepared, &climate);
            for index in 0..4 {
                let varied = prepared
                    .apply_vector(&draw(&prepared, 5, index))
                    .expect("applies");
                let what = format!("{name}, {kind}, sample {index}");
                assert_reads_as_recompute(&evaluate(&varied), &varied, &climate, &what);
            }
        }
    }
}

#[test]
fn the_air_limit_class_counts_the_heats_the_limit_does_not_rule_out() {
    use uom::si::f64::Power;
    use uom::si::power::kilowatt;
    // the rule is `heat > limit`: a limit equal to a heat keeps it (class counts it)
    let heats = [10_000.0, 20_000.0, 30_000.0];
    let kw = Power::new::<kilowatt>;
    assert_eq!(air_limit_class(&heats, kw(5.0)), 0);
    assert_eq!(air_limit_class(&heats, kw(20.0)), 2);
    assert_eq!(air_limit_class(&heats, kw(25.0)), 2);
    assert_eq!(air_limit_class(&heats, kw(30.0)), 3);
    // passes kept: 256 on small sites, fewer as the site grows (≈ 100,000 records in all)
    assert_eq!(staged::kept_classes(240), 256);
    assert_eq!(staged::kept_classes(1_000), 100);
    assert_eq!(staged::kept_classes(10_000), 10);
    assert_eq!(staged::kept_classes(1_000_000), 1);
}

/// A generated site of 120 rack groups with ai-hall's six inputs, its climate, a run of
/// `samples` samples (seed 3), and that run's Monte Carlo summary with the full engine.
pub(crate) fn generated_monte_carlo(samples: usize) -> (Prepared, ClimateData, Config, MonteCarlo) {
    let (ai_hall, climate) = example("ai-hall.ron");
    let mut site = generate_site(120, 11);
    site.uncertainty = ai_hall.uncertainty.clone();
    let prepared = Prepared::new(&site).expect("valid ranges");
    let config = Config { samples, seed: 3 };
    let full = |s: &Site| Reading::of(&recompute(s, &climate));
    let (done, cancel) = (AtomicUsize::new(0), AtomicBool::new(false));
    let with_full = run(&prepared, &full, config, &done, &cancel).expect("runs");
    (prepared, climate, config, with_full)
}

#[test]
fn monte_carlo_summary_is_the_same_with_the_staged_or_the_full_engine() {
    let (prepared, climate, config, with_full) = generated_monte_carlo(48);
    let staged = evaluator(&prepared, &climate);
    let (done, cancel) = (AtomicUsize::new(0), AtomicBool::new(false));
    let with_staged = run(&prepared, &staged, config, &done, &cancel).expect("runs");
    assert_eq!(with_staged, with_full);
}
