//! The heuristic's shortcuts against the heuristic with every step done in full, on random
//! halls made to meet each shortcut's edge: limits loose (every start climbs) and tight (starts
//! repaired, improve refused the climb), enabling works on and off, CDU prices per W zero (the
//! per-kW cost mode) and negative, options tied in relaxed value or a rounding apart, values
//! near 2^53 where differences round, groups with no allowed option.

use super::heuristic::{Prepared, search};
use super::shortcut::{Effort, Memo, Taken};
use super::*;
use crate::physical::limits::HallLimits;
use coolplan_model::assumptions::cooling::CduSize;
use coolplan_model::generate::SplitMix64;

/// Standard CDU sizes to facility water and in-rack liquid-to-air units, each with
/// `redundancy` spare units.
pub(super) fn cdus_with_spares(redundancy: u32) -> cdu::CduChoices {
    let sizing = |size: &CduSize| cdu::CduSizing {
        sizes: cdu::candidate_sizes(size),
        redundancy,
    };
    cdu::CduChoices {
        to_water: sizing(&CduSize::Auto),
        to_air: sizing(&CduSize::InRack),
    }
}

/// Per option: (share of the IT heat on the room air, on liquid, floor area per rack in m²).
const KINDS: [(f64, f64, f64); OPTION_COUNT] = [
    (1.0, 0.0, 1.44),
    (0.3, 0.0, 1.44),
    (0.1, 0.0, 1.6),
    (0.2, 0.76, 1.44),
    (0.05, 0.76, 1.6),
    (0.95, 0.76, 1.44),
    (0.0, 0.9, 2.6),
];

/// A random hall of `groups` groups (see the module doc).
pub(super) fn random_hall(rng: &mut SplitMix64, groups: usize) -> (Vec<Candidate>, HallLimits) {
    let per_kw = rng.chance(0.5);
    // values far from 0 make every gain round
    let offset = if rng.chance(0.2) { 2f64.powi(53) } else { 0.0 };
    let mut all_air = [0.0f64; 4];
    let candidates: Vec<Candidate> = (0..groups)
        .map(|_| {
            let count = 1 + rng.below(10);
            // a part converted: whole racks, rounded down, so the CDUs may carry less than
            // the share of the liquid heat the values count
            let share = if rng.chance(0.7) {
                1.0
            } else {
                0.3 + 0.7 * rng.unit()
            };
            let racks = ((count as f64 * share) as u64).max(1);
            let rack_kw = 5.0 + 45.0 * rng.unit();
            let n = count as f64;
            let it_w = n * rack_kw * 1000.0;
            let stock = rng.chance(0.8);
            let mut bases: Vec<f64> = Vec::new();
            let mut options = PerOption::from_fn(|o| {
                let (air, liquid, area) = KINDS[o.index()];
                let feasible = match o {
                    CoolingOption::Air => stock || rack_kw < 25.0,
                    _ => rng.chance(0.6),
                };
                let base = match (o, bases.last()) {
                    (CoolingOption::Air, _) => offset,
                    // a tie, or a rounding apart, with the option before
                    (_, Some(&b)) if rng.chance(0.15) => b,
                    (_, Some(&b)) if rng.chance(0.1) => b.next_up(),
                    _ => offset + (it_w * (20.0 * rng.unit() - 8.0)).round(),
                };
                bases.push(base);
                Value {
                    feasible,
                    base,
                    cdu_per_w: if per_kw || liquid == 0.0 {
                        0.0
                    } else {
                        -(2.0 + 4.0 * rng.unit())
                    },
                    liquid_w: liquid * it_w,
                    uses: [air * it_w, area * n, it_w, liquid * it_w],
                }
            });
            if rng.chance(0.05) {
                // nothing suits the group
                for v in &mut options {
                    v.feasible = false;
                }
            }
            for (total, u) in all_air.iter_mut().zip(options[CoolingOption::Air].uses) {
                *total += u;
            }
            Candidate {
                racks,
                heat_per_rack_w: options.each_ref().map(|v| v.liquid_w / n),
                share,
                fallback: Fallback::of(stock),
                options,
            }
        })
        .collect();
    let loose = rng.chance(0.4);
    let scale = |rng: &mut SplitMix64, low: f64, high: f64| {
        if loose {
            2.0
        } else {
            low + (high - low) * rng.unit()
        }
    };
    let water = if rng.chance(0.5) {
        f64::INFINITY
    } else {
        all_air[2] * scale(rng, 0.3, 1.0)
    };
    let capacity = [
        all_air[0] * scale(rng, 0.3, 1.3),
        all_air[1] * scale(rng, 0.8, 1.6),
        all_air[2] * scale(rng, 0.9, 1.3),
        water,
    ];
    let limits = HallLimits {
        declared: capacity.map(Some),
        today: [0.0; 4],
        capacity,
    };
    (candidates, limits)
}

/// What `solve` runs: the heuristic with the hall's works, then with every limit binding.
fn both_runs(problem: &HallProblem<'_>, effort: Effort, taken: &mut Taken) -> [Solution; 2] {
    let binding = HallProblem {
        works: NO_WORKS,
        ..*problem
    };
    match effort {
        // the shortcuts share one preparation between the runs, as `solve` does
        Effort::Shortcuts => {
            let prepared = Prepared::new(problem, effort);
            let mut memo = Memo::default();
            [
                search(problem, &prepared, &mut memo, taken),
                search(&binding, &prepared, &mut memo, taken),
            ]
        }
        Effort::Full => [problem, &binding].map(|p| {
            let prepared = Prepared::new(p, effort);
            search(p, &prepared, &mut Memo::default(), taken)
        }),
    }
}

#[test]
fn the_shortcuts_give_the_plan_of_the_full_heuristic_to_the_bit() {
    let mut rng = SplitMix64::new(2024);
    let mut taken = Taken::default();
    let mut full_taken = Taken::default();
    for hall in 0..500 {
        let groups = 2 + rng.below(if hall % 10 == 0 { 120 } else { 40 }) as usize;
        let (candidates, limits) = random_hall(&mut rng, groups);
        let redundancy = rng.below(3) as u32;
        let cdus = cdus_with_spares(redundancy);
        let works = match rng.below(4) {
            0 => NO_WORKS,
            1 => [Some(-2.0 * rng.unit()), None, None, None],
            2 => [None, None, Some(-1.0), None],
            _ => [Some(-2.0 * rng.unit()), None, Some(-rng.unit()), None],
        };
        let problem = HallProblem {
            groups: &candidates,
            limits: &limits,
            cdus: &cdus,
            works,
        };
        let full = both_runs(&problem, Effort::Full, &mut full_taken);
        let short = both_runs(&problem, Effort::Shortcuts, &mut taken);
        for (f, s) in full.iter().zip(&short) {
            assert_eq!(f.choices, s.choices, "hall {hall}");
            assert_eq!(f.value.to_bits(), s.value.to_bits(), "hall {hall}");
            assert_eq!(f.within_limits, s.within_limits, "hall {hall}");
        }
    }
    // the full heuristic takes no shortcut; every shortcut was taken here, many times
    assert_eq!(full_taken.total(), 0);
    println!("shortcuts taken: {taken:?}");
    assert!(taken.climbs >= 1000, "{taken:?}");
    assert!(taken.by_group >= 100, "{taken:?}");
    assert!(taken.unvalued >= 1000, "{taken:?}");
    assert!(taken.repeats >= 1000, "{taken:?}");
    assert!(taken.recalled >= 50, "{taken:?}");
}

/// Random halls with their CDU choices and works, each given to `check` with a random plan
/// of allowed (or forced) options per group, `plans` plans a hall.
fn on_random_plans(
    seed: u64,
    halls: usize,
    plans: usize,
    mut check: impl FnMut(&HallProblem<'_>, Vec<Option<CoolingOption>>),
) {
    let mut rng = SplitMix64::new(seed);
    for hall in 0..halls {
        // no spare unit: the units may carry less than the share of the liquid heat counted
        let redundancy = (hall % 3) as u32;
        let cdus = cdus_with_spares(redundancy);
        let groups = 2 + rng.below(30) as usize;
        let (candidates, limits) = random_hall(&mut rng, groups);
        let problem = HallProblem {
            groups: &candidates,
            limits: &limits,
            cdus: &cdus,
            works: if hall % 2 == 0 {
                NO_WORKS
            } else {
                [Some(-rng.unit()), None, Some(-1.0), None]
            },
        };
        for _ in 0..plans {
            let choices = super::tests::random_plan(&mut rng, &candidates);
            check(&problem, choices);
        }
    }
}

#[test]
fn the_value_bound_holds_where_the_units_carry_less_than_the_relaxed_heat() {
    // 3 racks of which 0.9 converted: 2 whole racks × 50 kW = 100 kW on one 100 kW in-rack unit
    // (no spare), while the values count 0.9 × 150 kW = 135 kW of liquid heat: the group's part
    // of the units is 100 × 150 / 135 = 111.1 kW, below its 150 kW, so at −2 per W its exact
    // value 1,000,000 − 222,222 = 777,778 is above its relaxed value 1,000,000 − 300,000 =
    // 700,000: only the base, 1,000,000, bounds it
    let cold_plate = Value {
        feasible: true,
        base: 1_000_000.0,
        cdu_per_w: -2.0,
        liquid_w: 150_000.0,
        uses: [0.0, 1.44, 150_000.0, 150_000.0],
    };
    let group = Candidate {
        racks: 2,
        heat_per_rack_w: PerOption::with(0.0, [(CoolingOption::ColdPlate, 50_000.0)]),
        share: 0.9,
        fallback: Fallback::StayOnAir,
        options: PerOption::with(Value::default(), [(CoolingOption::ColdPlate, cold_plate)]),
    };
    let limits = HallLimits {
        declared: [None; 4],
        today: [0.0; 4],
        capacity: [f64::INFINITY; 4],
    };
    let cdus = cdu::CduChoices {
        to_water: cdu::CduSizing {
            sizes: cdu::candidate_sizes(&CduSize::Auto),
            redundancy: 0,
        },
        to_air: cdu::CduSizing::default(),
    };
    let groups = [group];
    let problem = HallProblem {
        groups: &groups,
        limits: &limits,
        cdus: &cdus,
        works: NO_WORKS,
    };
    let choices = [Some(CoolingOption::ColdPlate)];
    let value = problem.value(&choices);
    assert!((value - (1_000_000.0 - 2.0 * 100_000.0 * 150.0 / 135.0)).abs() < 1e-6);
    assert!(value > cold_plate.relaxed());
    let shortcuts = super::shortcut::Shortcuts::new(&problem, Effort::Shortcuts);
    let uses = problem.uses(&choices);
    assert!(!shortcuts.cannot_beat(&problem, &choices, &uses, value.next_down()));
    assert!(shortcuts.cannot_beat(&problem, &choices, &uses, 1_000_000.0));
}

#[test]
fn the_value_bound_is_never_below_the_exact_value() {
    // a plan valued v must never be said unable to beat anything below v
    let mut bounded = 0;
    on_random_plans(77, 300, 10, |problem, choices| {
        let shortcuts = super::shortcut::Shortcuts::new(problem, Effort::Shortcuts);
        let value = problem.value(&choices);
        if value.is_finite() {
            let uses = problem.uses(&choices);
            let below = value.next_down();
            assert!(!shortcuts.cannot_beat(problem, &choices, &uses, below));
            bounded += usize::from(shortcuts.cannot_beat(problem, &choices, &uses, value + 1e9));
        }
    });
    assert!(bounded >= 1000, "{bounded} plans bounded");
}

#[test]
fn a_climb_or_a_play_by_group_ends_where_the_ranked_improve_does() {
    use super::improve::{Gains, Scratch, improve};
    use super::shortcut::{Improve, Shortcuts};
    let (mut climbed, mut by_group) = (0, 0);
    let mut scratch = Scratch::default();
    on_random_plans(78, 300, 10, |problem, start| {
        let mut uses = problem.uses(&start);
        if !problem.fits(&uses) {
            return;
        }
        let shortcuts = Shortcuts::new(problem, Effort::Shortcuts);
        let mut ranked = start.clone();
        let mut ranked_uses = uses;
        improve(
            problem,
            &mut ranked,
            &mut ranked_uses,
            Gains::Shared,
            &[],
            &mut scratch,
        );
        let mut choices = start.clone();
        let climb = shortcuts.climbed(problem, &choices);
        match shortcuts.improve(problem, &mut choices, &climb) {
            Improve::Climbed => climbed += 1,
            Improve::Play(Gains::Own) => {
                by_group += 1;
                let settled = shortcuts.settled();
                improve(
                    problem,
                    &mut choices,
                    &mut uses,
                    Gains::Own,
                    settled,
                    &mut scratch,
                );
                assert_eq!(uses.map(f64::to_bits), ranked_uses.map(f64::to_bits));
            }
            Improve::Play(Gains::Shared) => return,
        }
        assert_eq!(choices, ranked);
    });
    assert!(
        climbed >= 200 && by_group >= 200,
        "{climbed} climbed, {by_group} by group"
    );
}
