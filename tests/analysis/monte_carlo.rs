//! Monte Carlo: reproducible from its seed whatever the thread count, and collapsing onto the
//! deterministic result when the ranges shrink to nothing.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use crate::support::{assert_close, assert_reads_as_recompute, climate, evaluator, site_with};
use coolplan::engine::CoolingOption;
use coolplan::engine::analysis::monte_carlo::{Config, McError, MonteCarlo, run};
use coolplan::model::Site;
use coolplan::model::uncertainty::prepare::Prepared;

const RANGES: &str = r#"(input: "prices.electricity", range: Percent(30)),
    (input: "finance.discount_rate", range: Triangular(low: 0.06, mode: 0.08, high: 0.10)),
    (input: "plant.chiller_cop", range: Uniform(low: 5, high: 7))"#;

fn run_on(site: &Site, config: Config, threads: usize) -> MonteCarlo {
    let climate = climate();
    let evaluate = evaluator(&climate);
    let prepared = Prepared::new(site).expect("valid");
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("pool");
    let (done, cancel) = (AtomicUsize::new(0), AtomicBool::new(false));
    let result = pool
        .install(|| run(&prepared, &evaluate, config, &done, &cancel))
        .expect("runs");
    assert_eq!(done.load(Ordering::Relaxed), config.samples);
    result
}

#[test]
fn same_seed_same_result_whatever_the_thread_count() {
    let site = site_with(RANGES);
    let config = Config {
        samples: 200,
        seed: 42,
    };
    let one = run_on(&site, config, 1);
    let four = run_on(&site, config, 4);
    assert_eq!(one, four);
    assert_eq!(one, run_on(&site, config, 2));
    let other = run_on(&site, Config { seed: 43, ..config }, 2);
    assert_ne!(
        one.options[CoolingOption::ColdPlate.index()].npv.p50,
        other.options[CoolingOption::ColdPlate.index()].npv.p50
    );
    // probabilities of being best, with "none feasible", add to one
    let total: f64 =
        one.options.iter().map(|o| o.probability_best).sum::<f64>() + one.probability_none_feasible;
    assert_close(total, 1.0, 1e-12);
    for o in &one.options {
        assert!(o.npv.p10.amount <= o.npv.p50.amount && o.npv.p50.amount <= o.npv.p90.amount);
    }
}

#[test]
fn zero_ranges_give_the_deterministic_result() {
    let site = site_with(
        r#"(input: "prices.electricity", range: Percent(0)),
           (input: "plant.chiller_cop", range: Uniform(low: 6, high: 6))"#,
    );
    let climate = climate();
    let base = coolplan::engine::evaluate(&site, &climate);
    let mc = run_on(
        &site,
        Config {
            samples: 50,
            seed: 7,
        },
        2,
    );
    for option in CoolingOption::ALL {
        let stats = &mc.options[option.index()];
        let cost = &base.site.option(option).cost;
        assert_close(stats.npv.p50.amount, cost.npv_vs_air.amount, 1e-12);
        assert_close(stats.npv.p10.amount, cost.npv_vs_air.amount, 1e-12);
        assert_close(stats.pue.p90, base.site.option(option).energy.pue, 1e-12);
        assert_eq!(stats.payback_years.p50, cost.simple_payback_years);
    }
    let best = base.site.recommendation.option.expect("an option");
    assert_eq!(mc.options[best.index()].probability_best, 1.0);
}

#[test]
fn shrinking_ranges_approach_the_deterministic_p50() {
    let climate = climate();
    let base = coolplan::engine::evaluate(&site_with(""), &climate);
    let deterministic = base
        .site
        .option(CoolingOption::ColdPlate)
        .cost
        .npv_vs_air
        .amount;
    // The P10–P90 spread shrinks with the ranges, and the P50 stays inside a small fraction
    // of it (sampling noise of a 400-sample median is ≈ 3 % of the spread). The gap alone is
    // not monotone from one range to the next: at ± 20 % and ± 2 % it is sampling noise of a
    // few hundred CNY on a 2.6 M CNY NPV either way.
    let mut previous_width = f64::INFINITY;
    let mut previous_gap = f64::INFINITY;
    for percent in [20.0, 2.0, 0.02] {
        let site = site_with(&format!(
            r#"(input: "prices.electricity", range: Percent({percent})),
               (input: "plant.chiller_cop", range: Percent({percent}))"#
        ));
        let mc = run_on(
            &site,
            Config {
                samples: 400,
                seed: 3,
            },
            2,
        );
        let npv = &mc.options[CoolingOption::ColdPlate.index()].npv;
        let width = npv.p90.amount - npv.p10.amount;
        let gap = (npv.p50.amount - deterministic).abs();
        assert!(width < previous_width, "{percent} %: spread {width}");
        assert!(
            gap <= 0.25 * width,
            "{percent} %: gap {gap}, spread {width}"
        );
        previous_width = width;
        previous_gap = gap;
    }
    // at ± 0.02 % the P50 is within 0.02 % of the deterministic NPV
    assert!(
        previous_gap <= deterministic.abs() * 2e-4,
        "gap {previous_gap}"
    );
}

#[test]
fn electricity_alone_gives_the_uniform_percentiles() {
    // NPV is linear in the electricity price: NPV(p) = NPV₀ + k (p − p₀). With p uniform on
    // p₀ ± 30 %, P10 and P90 of NPV lie at p₀ ∓ 0.8 × 30 % (the 10 % and 90 % points of a
    // uniform are 0.1 and 0.9 of the way), i.e. NPV₀ ∓ 0.8 × (NPV(high) − NPV₀).
    let site = site_with(r#"(input: "prices.electricity", range: Percent(30))"#);
    let climate = climate();
    let evaluate = evaluator(&climate);
    let prepared = Prepared::new(&site).expect("valid");
    let base = evaluate(&site).options[CoolingOption::ColdPlate]
        .npv_vs_air
        .amount;
    let high = evaluate(&prepared.apply(0, 0.975).expect("applies")).options
        [CoolingOption::ColdPlate]
        .npv_vs_air
        .amount;
    let half_swing = high - base;
    let mc = run_on(
        &site,
        Config {
            samples: 4000,
            seed: 11,
        },
        2,
    );
    let npv = &mc.options[CoolingOption::ColdPlate.index()].npv;
    // sampling error of a uniform's 10 % point with n = 4,000: sd of the order statistic
    // ≈ sqrt(0.1 × 0.9 / 4000) / density(1 / (2 × half_swing)) ≈ 0.0095 × 2 half_swing
    let tolerance = 0.06 * half_swing.abs();
    assert!((npv.p10.amount - (base - 0.8 * half_swing)).abs() < tolerance);
    assert!((npv.p50.amount - base).abs() < tolerance);
    assert!((npv.p90.amount - (base + 0.8 * half_swing)).abs() < tolerance);
}

#[test]
fn cancel_stops_the_run() {
    let site = site_with(RANGES);
    let climate = climate();
    let evaluate = evaluator(&climate);
    let prepared = Prepared::new(&site).expect("valid");
    let (done, cancel) = (AtomicUsize::new(0), AtomicBool::new(true));
    let result = run(&prepared, &evaluate, Config::default(), &done, &cancel);
    assert_eq!(result, Err(McError::Cancelled));
    assert!(done.load(Ordering::Relaxed) < Config::default().samples);
}

#[test]
fn the_staged_evaluator_equals_the_full_engine() {
    // prices and finance only: physical results cached, costs re-run per sample
    let site = site_with(
        r#"(input: "prices.electricity", range: Percent(30)),
           (input: "finance.discount_rate", range: Uniform(low: 0.05, high: 0.11))"#,
    );
    let climate = climate();
    let prepared = Prepared::new(&site).expect("valid");
    let staged = coolplan::engine::analysis::evaluator(&prepared, &climate);
    for index in 0..5 {
        let varied = prepared
            .apply_vector(&coolplan::engine::analysis::monte_carlo::draw(
                &prepared, 9, index,
            ))
            .expect("applies");
        assert_reads_as_recompute(&staged(&varied), &varied, &climate, "cost only");
    }
    // a cooling input forces the full engine, which must also agree
    let site =
        site_with(r#"(input: "cooling.cdu_approach", range: Uniform(low: K(3), high: K(5)))"#);
    let prepared = Prepared::new(&site).expect("valid");
    let full = coolplan::engine::analysis::evaluator(&prepared, &climate);
    let varied = prepared.apply(0, 5.0).expect("applies");
    assert_reads_as_recompute(&full(&varied), &varied, &climate, "cooling input");
}

#[test]
fn an_option_the_site_does_not_offer_is_left_out_of_the_figures_shown() {
    let mut site = site_with(RANGES);
    site.cooling_options = Some(vec![
        coolplan::model::Cooling::Air,
        coolplan::model::Cooling::ColdPlate,
    ]);
    let mc = run_on(
        &site,
        Config {
            samples: 20,
            seed: 3,
        },
        2,
    );
    let shown: Vec<CoolingOption> = mc.shown().map(|o| o.option).collect();
    assert_eq!(shown, [CoolingOption::Air, CoolingOption::ColdPlate]);
    // never feasible, never best, in any sample
    let immersion = &mc.options[CoolingOption::Immersion.index()];
    assert_eq!(immersion.probability_feasible, 0.0);
    assert_eq!(immersion.probability_best, 0.0);
}
