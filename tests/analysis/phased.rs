//! Phased plan: budget respected every year, exact on small cases, heuristic compared with
//! exhaustive search, reasons, and the plan of a real site.

use crate::support::{assert_close, climate, site_with};
use coolplan::engine::analysis::phased::{
    Choice, HallCdus, Method, PlanGroup, PlanOption, PlanReason, Problem, exhaustive, heuristic,
    plan, solve,
};
use coolplan::engine::analysis::rng::SplitMix64;
use coolplan::units::{Currency, Money};

/// Savings: −capex in year 0, then `yearly` each year to the horizon.
fn option(option: usize, capex: f64, yearly: f64, horizon: usize, liquid_kw: f64) -> PlanOption {
    let mut savings = vec![yearly; horizon + 1];
    savings[0] = -capex;
    PlanOption {
        option,
        savings,
        capex,
        liquid_kw,
    }
}

fn group(name: &str, hall: usize, options: Vec<PlanOption>) -> PlanGroup {
    PlanGroup {
        name: name.into(),
        hall,
        racks: 1,
        earliest: 0,
        fixed: false,
        air_feasible: true,
        options,
    }
}

fn no_cdu_cost() -> HallCdus {
    HallCdus {
        unit_kw: 100.0,
        unit_cost: 0.0,
        redundancy: 1,
    }
}

#[test]
fn budget_pushes_the_second_group_a_year_later() {
    // Horizon 3 at rate 0: A costs 100 and saves 80/yr (NPV now −100 + 240 = 140, per yuan
    // 1.4); B costs 100 and saves 60/yr (NPV 80, 0.8 per yuan). Budget 100 a year: A in year
    // 0; B in year 1: −100 + 2 × 60 = 20 > 0. Plan NPV 140 + 20 = 160.
    let p = Problem {
        groups: vec![
            group("B", 0, vec![option(1, 100.0, 60.0, 3, 10.0)]),
            group("A", 0, vec![option(1, 100.0, 80.0, 3, 10.0)]),
        ],
        halls: vec![no_cdu_cost()],
        budget: vec![100.0; 3],
        rate: 0.0,
        horizon: 3,
    };
    let best = exhaustive(&p);
    assert_eq!(best[1], Choice::Convert { option: 0, year: 0 });
    assert_eq!(best[0], Choice::Convert { option: 0, year: 1 });
    assert_close(p.outcome(&best).npv, 160.0, 1e-12);
    assert_eq!(heuristic(&p), best);
}

#[test]
fn the_first_liquid_group_of_a_hall_pays_for_the_cdu_step() {
    // CDUs of 100 kW at 50 each, N+1. G1 (60 kW) alone needs ceil(0.6) + 1 = 2 units = 100;
    // G1 + G2 (60 + 30 kW = 90 kW) still 2 units. Rate 0, horizon 2, budget large.
    // G1: capex 10, saves 60/yr → 110 − 100 CDU = 10 alone. G2: capex 10, saves 30/yr → 50.
    // Together: 110 + 50 − 100 = 60; G2 alone: 50 − 100 = −50.
    let p = Problem {
        groups: vec![
            group("G1", 0, vec![option(1, 10.0, 60.0, 2, 60.0)]),
            group("G2", 0, vec![option(1, 10.0, 30.0, 2, 30.0)]),
        ],
        halls: vec![HallCdus {
            unit_kw: 100.0,
            unit_cost: 50.0,
            redundancy: 1,
        }],
        budget: vec![1000.0; 2],
        rate: 0.0,
        horizon: 2,
    };
    let best = exhaustive(&p);
    let outcome = p.outcome(&best);
    assert_close(outcome.npv, 60.0, 1e-12);
    assert_eq!(outcome.cdus_bought[0], vec![2, 0]);
    assert_close(outcome.spend[0], 10.0 + 10.0 + 100.0, 1e-12);
    assert_eq!(heuristic(&p), best);
}

#[test]
fn new_servers_convert_only_in_their_arrival_year() {
    let mut late = group("New 2028", 0, vec![option(1, 10.0, 30.0, 4, 5.0)]);
    late.earliest = 2;
    late.fixed = true;
    let p = Problem {
        groups: vec![late],
        halls: vec![no_cdu_cost()],
        budget: vec![1000.0; 4],
        rate: 0.0,
        horizon: 4,
    };
    assert_eq!(
        p.choices(0),
        vec![Choice::Air, Choice::Convert { option: 0, year: 2 }]
    );
    // unshifted: the engine's series already starts at the arrival year
    assert_close(p.value(0, 0, 2), -10.0 + 4.0 * 30.0, 1e-12);
}

#[test]
fn groups_air_cannot_cool_must_convert() {
    // G costs 100 and saves 10/yr over 2 years (NPV −80 at rate 0), but air cannot cool it:
    // air is no choice, so it converts, in year 0 (−80) rather than year 1 (−90).
    let mut must = group("Hot", 0, vec![option(1, 100.0, 10.0, 2, 50.0)]);
    must.air_feasible = false;
    let p = Problem {
        groups: vec![must],
        halls: vec![no_cdu_cost()],
        budget: vec![100.0; 2],
        rate: 0.0,
        horizon: 2,
    };
    assert!(!p.choices(0).contains(&Choice::Air));
    let best = exhaustive(&p);
    assert_eq!(best, vec![Choice::Convert { option: 0, year: 0 }]);
    assert_eq!(heuristic(&p), best);
    assert_close(p.outcome(&best).npv, -80.0, 1e-12);
}

/// A random small problem: `groups` groups, 1–2 options, 2 halls, 3 plan years.
fn random_problem(rng: &mut SplitMix64, groups: usize) -> Problem {
    let horizon = 5;
    let groups = (0..groups)
        .map(|g| {
            let options = (0..1 + (rng.next_u64() % 2) as usize)
                .map(|o| {
                    let capex = 50.0 + 150.0 * rng.next_f64();
                    let yearly = capex * (0.05 + 0.4 * rng.next_f64());
                    option(1 + o, capex, yearly, horizon, 20.0 + 80.0 * rng.next_f64())
                })
                .collect();
            let mut pg = group(&format!("G{g}"), (rng.next_u64() % 2) as usize, options);
            if rng.next_f64() < 0.25 {
                pg.earliest = 1 + (rng.next_u64() % 2) as usize;
                pg.fixed = true;
            }
            pg
        })
        .collect();
    Problem {
        groups,
        halls: vec![
            HallCdus {
                unit_kw: 100.0,
                unit_cost: 40.0 + 40.0 * rng.next_f64(),
                redundancy: 1,
            };
            2
        ],
        budget: vec![150.0 + 200.0 * rng.next_f64(); 3],
        rate: 0.08,
        horizon,
    }
}

#[test]
fn the_heuristic_matches_exhaustive_search_on_small_cases() {
    // 300 random problems of 3–6 groups × up to 2 liquid options × 3 years (≤ 7⁶ plans).
    let mut rng = SplitMix64::new(2026);
    let (mut matched, mut worst_ratio, cases) = (0, 1.0f64, 300);
    for case in 0..cases {
        let p = random_problem(&mut rng, 3 + case % 4);
        let exact = exhaustive(&p);
        let exact_outcome = p.outcome(&exact);
        let found = heuristic(&p);
        let found_outcome = p.outcome(&found);
        assert!(p.within_budget(&exact_outcome) && p.within_budget(&found_outcome));
        assert!(
            found_outcome.npv <= exact_outcome.npv + 1e-6,
            "beats exhaustive?"
        );
        if found_outcome.npv >= exact_outcome.npv - 1e-6 {
            matched += 1;
        } else if exact_outcome.npv > 0.0 {
            worst_ratio = worst_ratio.min(found_outcome.npv / exact_outcome.npv);
        }
    }
    println!("heuristic optimal in {matched}/{cases}; worst NPV ratio {worst_ratio:.4}");
    // measured: optimal in 300/300; without the seeded starts the search finds 296/300, the
    // worst at NPV ratio 0
    assert_eq!(matched, cases, "worst NPV ratio {worst_ratio}");
}

#[test]
fn no_plan_exceeds_a_years_budget() {
    let mut rng = SplitMix64::new(7);
    for case in 0..200 {
        let p = random_problem(&mut rng, 2 + case % 5);
        for plan in [solve(&p).0, heuristic(&p)] {
            let outcome = p.outcome(&plan);
            for (spent, budget) in outcome.spend.iter().zip(&p.budget) {
                assert!(
                    spent <= budget,
                    "case {case}: spent {spent} > budget {budget}"
                );
            }
        }
    }
}

#[test]
fn the_plan_of_a_site_respects_its_budget_and_explains_every_group() {
    let site = site_with("");
    let results = coolplan::engine::evaluate(&site, &climate());
    // 40.8 kW stock GPU racks, above the 25 kW guideline, run on air today; 3 M CNY a year
    // would cover their conversion
    let budget = Money::new(3_000_000.0, Currency::CNY);
    let planned = plan(&site, &results, budget, 5);
    assert_eq!(planned.method, Method::Exhaustive);
    assert_eq!(planned.years.len(), 5);
    assert_eq!(planned.years[0].year, 2026);
    for year in &planned.years {
        assert!(
            year.spent.amount <= budget.amount * (1.0 + 1e-9),
            "{year:?}"
        );
    }
    assert_eq!(planned.groups.len(), 2);
    // The stock GPU racks stay on air: converting them saves less than it costs once the
    // plant's fixed parts stay and the dry cooler needs a trim chiller in Beijing (method.md
    // §7; cold plate NPV against air −2.31 M CNY for the whole site, `coolplan report`).
    let gpu = &planned.groups[0];
    assert!(gpu.choice.is_none(), "{gpu:?}");
    assert!(matches!(gpu.reason, PlanReason::NoGain), "{gpu:?}");
    for g in &planned.groups {
        match (&g.choice, &g.reason) {
            (None, PlanReason::NoGain | PlanReason::NoBudget | PlanReason::Infeasible) => {}
            (Some(_), PlanReason::AirCannotCool) => {}
            (Some(_), PlanReason::BestNpvPerYuan { .. })
            | (Some(_), PlanReason::BudgetExhausted { .. })
            | (Some(_), PlanReason::LaterPaysMore)
            | (Some(_), PlanReason::Arrives { .. }) => {}
            other => panic!("reason does not fit the choice: {other:?}"),
        }
    }
    // the cumulative series ends at the undiscounted sum; the discounted one at the NPV
    let last = planned.cumulative_discounted.last().expect("years");
    assert_close(last.1.amount, planned.npv.amount, 1e-9);
    assert_eq!(planned.cumulative.len(), results.horizon_years as usize + 1);
    // never worse than the plan every search starts from (GPU racks converted, rest on air)
    let p = coolplan::engine::analysis::phased::build::problem(&site, &results, budget, 5);
    let start = coolplan::engine::analysis::phased::problem::start(&p);
    assert!(planned.npv.amount >= p.outcome(&start).npv - 1e-6);
}
