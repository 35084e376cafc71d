//! The Monte Carlo's sampler (`engine::analysis::sampler`): each group read from a capture of
//! its yearly costs as linear functions of the prices (`engine::cost::linear`) instead of
//! priced. Every figure it reads is within the stated tolerance of `engine::recompute`'s of
//! the same varied site — 1e-12 relative, with an absolute floor of 1e-6 in the site's
//! currency (a millionth of a yuan) for NPVs near zero and of 1e-9 years for paybacks — and
//! every choice the same: on the example sites and the generated ones of
//! `tests/analysis/staged.rs` (both cost modes, three options offered, kit prices on the
//! per-kW defaults, a heat customer; ai-hall and china-fleet with their compliance profiles),
//! at forty samples each of ai-hall's six inputs. A site whose costs are not linear in its
//! varied prices (a CDU price and a maintenance share, whose product is a cost) gets no
//! capture and reads exactly as the staged engine.

use std::sync::atomic::{AtomicBool, AtomicUsize};

use coolplan::engine::ClimateData;
use coolplan::engine::analysis::bases::KeptBases;
use coolplan::engine::analysis::linear::{Captures, capture_size};
use coolplan::engine::analysis::monte_carlo::{MonteCarlo, Spread, draw, run};
use coolplan::engine::analysis::staged::{AIR_LIMIT, air_heats_per_rack_w, air_limit_class};
use coolplan::engine::analysis::{Reading, sampler};
use coolplan::engine::cost::lean::read_bases;
use coolplan::engine::physical::{GroupPhysics, evaluate_with};
use coolplan::engine::recompute;
use coolplan::model::Site;
use coolplan::model::assumptions::{AssumptionKey, Group};
use coolplan::model::generate::generate_site;
use coolplan::model::uncertainty::prepare::Prepared;
use coolplan::model::uncertainty::{Range, Uncertain};

use crate::staged::{example, generated_monte_carlo, sites};

/// `actual` within the tolerance of `expected` (module doc; `floor` the absolute one).
fn close(actual: f64, expected: f64, floor: f64) -> bool {
    actual == expected
        || (actual - expected).abs() <= (1e-12 * expected.abs().max(actual.abs())).max(floor)
}

fn close_payback(actual: Option<f64>, expected: Option<f64>) -> bool {
    match (actual, expected) {
        (Some(a), Some(e)) => close(a, e, 1e-9),
        (a, e) => a == e,
    }
}

/// Every figure of `actual` within the tolerance of `expected`'s, every choice the same.
#[track_caller]
fn assert_within(actual: &Reading, expected: &Reading, what: &str) {
    for (a, e) in actual.options.iter().zip(expected.options.iter()) {
        assert_eq!((a.applies, a.feasible), (e.applies, e.feasible), "{what}");
        assert_eq!(a.pue.to_bits(), e.pue.to_bits(), "{what}");
        let npvs = (a.npv_vs_air.amount, e.npv_vs_air.amount);
        assert_npv_and_payback(what, npvs, (a.simple_payback_years, e.simple_payback_years));
    }
    assert_eq!(actual.recommended, expected.recommended, "{what}");
    assert_eq!(actual.plan_choices, expected.plan_choices, "{what}");
    assert_eq!(actual.plan_uniform, expected.plan_uniform, "{what}");
    let npvs = (actual.plan_npv.amount, expected.plan_npv.amount);
    let paybacks = (actual.plan_payback_years, expected.plan_payback_years);
    assert_npv_and_payback(&format!("{what}, plan"), npvs, paybacks);
}

/// An NPV and a payback within the tolerance of the expected ones (`(actual, expected)`).
#[track_caller]
fn assert_npv_and_payback(what: &str, (an, en): (f64, f64), (ap, ep): (Option<f64>, Option<f64>)) {
    assert!(close(an, en, 1e-6), "{what}: NPV {an} against {en}");
    assert!(
        close_payback(ap, ep),
        "{what}: payback {ap:?} against {ep:?}"
    );
}

/// Reads `varied` (a copy of `prepared.site`) through `captures` where one holds, as the
/// sampler does; whether one did.
fn read_through(
    captures: &Captures,
    kept: &KeptBases,
    varied: &Site,
    climate: &ClimateData,
) -> (Reading, bool) {
    let catalog = varied.catalog();
    let resolved = varied.assumptions.resolve(varied.currency);
    let physical = evaluate_with::<GroupPhysics>(varied, &catalog, &resolved, climate, false);
    let linear = captures.for_call(&catalog, &resolved, &physical);
    let used = linear.is_some();
    let bases = kept.bases(varied, &catalog, &resolved);
    (
        read_bases(varied, &resolved, &physical, bases, linear),
        used,
    )
}

#[test]
fn a_reading_through_a_capture_is_within_the_tolerance_of_the_full_engine() {
    let mut captured = 0;
    for (name, site, climate) in sites() {
        let prepared = Prepared::new(&site).expect("valid ranges");
        let captures = Captures::new(&prepared).expect("prices, rate, horizon, air limit");
        let kept = KeptBases::default();
        for index in 0..40 {
            let varied = prepared
                .apply_vector(&draw(&prepared, 11, index))
                .expect("applies");
            let (reading, used) = read_through(&captures, &kept, &varied, &climate);
            assert!(used, "{name}, sample {index}: no capture");
            let full = Reading::of(&recompute(&varied, &climate));
            assert_within(&reading, &full, &format!("{name}, sample {index}"));
            captured += 1;
        }
    }
    // all eight sites (with and without compliance profiles, a heat customer) are read so
    assert!(
        captured >= 320,
        "only {captured} readings through a capture"
    );
}

#[test]
fn costs_not_linear_in_the_varied_prices_get_no_capture_and_read_exactly() {
    let (_, climate) = example("ai-hall.ron");
    let mut site = generate_site(120, 5);
    // the maintenance of CDUs is a share of their price: a product of two varied inputs
    site.uncertainty = [
        "prices.cdu_per_kw_capacity",
        "prices.cold_plate_maintenance",
    ]
    .into_iter()
    .map(|key| Uncertain {
        input: AssumptionKey::parse(key).expect("a key"),
        range: Range::Percent(30.0),
    })
    .collect();
    let prepared = Prepared::new(&site).expect("valid ranges");
    let captures = Captures::new(&prepared).expect("prices only");
    let kept = KeptBases::default();
    let sample = sampler(&prepared, &climate);
    for index in 0..3 {
        let varied = prepared
            .apply_vector(&draw(&prepared, 2, index))
            .expect("applies");
        let (reading, used) = read_through(&captures, &kept, &varied, &climate);
        assert!(
            !used,
            "sample {index}: a capture of costs not linear in the prices"
        );
        let full = Reading::of(&recompute(&varied, &climate));
        assert_eq!(reading, full, "sample {index}");
        assert_eq!(sample(&varied), full, "sample {index}");
    }
}

#[test]
fn one_capture_serves_every_class_of_the_air_limit() {
    // pricing reads no verdict: the capture taken on the pass of one air-limit class is the
    // one taken on another's, to the bit (so it does not matter which sample met it first)
    let (name, site, climate) = sites().swap_remove(3);
    let prepared = Prepared::new(&site).expect("valid ranges");
    let at = |key: &AssumptionKey| prepared.inputs.iter().position(|i| i.key == *key);
    let limit = at(&AIR_LIMIT).expect("the air limit varies");
    let heats = air_heats_per_rack_w(&site, &site.catalog());
    let mut captures = Vec::new();
    let mut classes = Vec::new();
    for end in [0.0, 1.0] {
        let mut values = draw(&prepared, 1, 0);
        let input = &prepared.inputs[limit];
        values[limit] = input.low + end * (input.high - input.low);
        let varied = prepared.apply_vector(&values).expect("applies");
        let catalog = varied.catalog();
        let resolved = varied.assumptions.resolve(varied.currency);
        classes.push(air_limit_class(
            &heats,
            resolved.cooling.air_limit_per_rack.get(),
        ));
        let physical = evaluate_with::<GroupPhysics>(&varied, &catalog, &resolved, &climate, false);
        let own = Captures::new(&prepared).expect("a capture");
        let (capture, _) = own
            .for_call(&catalog, &resolved, &physical)
            .expect("linear");
        // its size is known before it is taken (a capture too large is not taken)
        let horizon = resolved.finance.horizon_years;
        let prices = (prepared.inputs.iter())
            .filter(|i| i.key.group() == Group::Prices)
            .count();
        assert_eq!(prices, 3, "{name}: electricity, CDUs, kits");
        let predicted = capture_size(&physical, horizon, prices);
        assert_eq!(capture.size(), predicted, "{name}");
        captures.push(capture);
    }
    assert_ne!(classes[0], classes[1], "{name}: one class");
    assert_eq!(captures[0], captures[1], "{name}");
}

/// `actual` within the tolerance of `expected` (percentiles of figures that are).
fn spread_within(actual: &Spread<f64>, expected: &Spread<f64>, floor: f64) -> bool {
    close(actual.p10, expected.p10, floor)
        && close(actual.p50, expected.p50, floor)
        && close(actual.p90, expected.p90, floor)
}

#[test]
fn monte_carlo_with_the_sampler_is_within_the_tolerance_of_the_full_engine() {
    let (prepared, climate, config, with_full) = generated_monte_carlo(64);
    let (done, cancel) = (AtomicUsize::new(0), AtomicBool::new(false));
    let with_sampler = run(
        &prepared,
        &sampler(&prepared, &climate),
        config,
        &done,
        &cancel,
    );
    let with_sampler = with_sampler.expect("runs");
    let money = |s: &Spread<coolplan::units::Money>| Spread {
        p10: s.p10.amount,
        p50: s.p50.amount,
        p90: s.p90.amount,
    };
    let same_shape = |a: &MonteCarlo, e: &MonteCarlo| {
        (a.samples, a.seed, a.probability_none_feasible)
            == (e.samples, e.seed, e.probability_none_feasible)
    };
    assert!(same_shape(&with_sampler, &with_full));
    assert!(spread_within(
        &money(&with_sampler.plan_npv),
        &money(&with_full.plan_npv),
        1e-6
    ));
    for (a, e) in with_sampler.options.iter().zip(with_full.options.iter()) {
        assert_eq!(
            (
                a.option,
                a.applies,
                a.probability_best,
                a.probability_feasible
            ),
            (
                e.option,
                e.applies,
                e.probability_best,
                e.probability_feasible
            )
        );
        assert!(
            spread_within(&money(&a.npv), &money(&e.npv), 1e-6),
            "{:?}",
            a.option
        );
        assert_eq!(a.pue, e.pue);
        let (ap, ep) = (&a.payback_years, &e.payback_years);
        for (ap, ep) in [(ap.p10, ep.p10), (ap.p50, ep.p50), (ap.p90, ep.p90)] {
            assert!(
                close_payback(ap, ep),
                "{:?}: {ap:?} against {ep:?}",
                a.option
            );
        }
    }
}

#[test]
fn the_sampler_gives_the_same_summary_whatever_the_thread_count() {
    // captures are taken by whichever thread meets a horizon first, samples run grouped by
    // horizon: neither may change a bit of the result
    let (prepared, climate, config, _) = generated_monte_carlo(40);
    let on = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("pool");
        let (done, cancel) = (AtomicUsize::new(0), AtomicBool::new(false));
        let sample = sampler(&prepared, &climate);
        pool.install(|| run(&prepared, &sample, config, &done, &cancel))
            .expect("runs")
    };
    let one = on(1);
    assert_eq!(on(2), one);
    assert_eq!(on(4), one);
}
