//! The heuristic's faster forms against their plain forms, on the random halls of the
//! shortcuts' tests (ties, roundings, groups with no allowed option): the smallest-footprint
//! start, the groups' tops, repair (step 1) merging its moves by group, and the uses of every
//! group on one option summed for all options at once.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::shortcut::Effort;
use super::shortcut_tests::{cdus_with_spares, random_hall};
use super::*;
use crate::physical::limits::PerLimit;
use coolplan_model::generate::SplitMix64;

/// The hall problem of a random hall, with no enabling works.
fn without_works<'a>(
    groups: &'a [Candidate],
    limits: &'a HallLimits,
    cdus: &'a CduChoices,
) -> HallProblem<'a> {
    HallProblem {
        groups,
        limits,
        cdus,
        works: NO_WORKS,
    }
}

/// The smallest-footprint start as its definition reads: per group, the first allowed option of
/// least Σ over limits of use ÷ capacity (limits without a finite positive capacity count 0),
/// in `total_cmp`'s order; else the forced choice.
fn smallest_footprint_plain(problem: &HallProblem<'_>) -> Vec<Option<CoolingOption>> {
    let capacity = &problem.limits.capacity;
    let footprint = |g: &Candidate, o: CoolingOption| -> f64 {
        g.options[o]
            .uses
            .iter()
            .zip(capacity)
            .map(|(u, c)| {
                if c.is_finite() && *c > 0.0 {
                    u / c
                } else {
                    0.0
                }
            })
            .sum()
    };
    problem
        .groups
        .iter()
        .map(|g| {
            let mut least: Option<(CoolingOption, f64)> = None;
            for o in g.allowed() {
                let f = footprint(g, o);
                if least.is_none_or(|(_, l)| f.total_cmp(&l).is_lt()) {
                    least = Some((o, f));
                }
            }
            least.map(|(o, _)| o).or(g.forced())
        })
        .collect()
}

#[test]
fn the_smallest_footprint_start_is_that_of_its_definition() {
    let mut rng = SplitMix64::new(2025);
    let cdus = cdus_with_spares(0);
    let mut differ = 0;
    for hall in 0..400 {
        let groups = 1 + rng.below(60) as usize;
        let (mut candidates, mut limits) = random_hall(&mut rng, groups);
        // capacities of every kind a limit may have: zero, unbounded, not a number
        for c in &mut limits.capacity {
            match rng.below(8) {
                0 => *c = 0.0,
                1 => *c = f64::INFINITY,
                2 => *c = f64::NAN,
                _ => {}
            }
        }
        // uses tied between options, zero or negative zero
        for g in &mut candidates {
            for o in CoolingOption::ALL {
                match rng.below(10) {
                    0 => g.options[o].uses = g.options[CoolingOption::Air].uses,
                    1 => g.options[o].uses = [0.0; 4],
                    2 => g.options[o].uses = [-0.0; 4],
                    _ => {}
                }
            }
        }
        let problem = without_works(&candidates, &limits, &cdus);
        let plain = smallest_footprint_plain(&problem);
        assert_eq!(
            super::heuristic::smallest_footprint(&problem),
            plain,
            "hall {hall}"
        );
        // the start differs from every group on its best alone (else this test proves little)
        let own: Vec<_> = candidates.iter().map(Candidate::best).collect();
        differ += usize::from(plain != own);
    }
    assert!(differ >= 300, "{differ} halls");
}

/// A group's top as its definition reads (see `shortcut`'s module doc): its allowed option of
/// greatest relaxed value (the first of equals), when it leads every other by more than
/// 8 roundings of the largest |relaxed value|.
fn top_plain(g: &Candidate) -> Option<CoolingOption> {
    let relaxed: Vec<(CoolingOption, f64)> =
        g.allowed().map(|o| (o, g.options[o].relaxed())).collect();
    let largest = relaxed.iter().fold(0.0f64, |l, (_, r)| l.max(r.abs()));
    let (top, best) = relaxed
        .iter()
        .copied()
        .reduce(|a, b| if b.1 > a.1 { b } else { a })?;
    let second = relaxed
        .iter()
        .filter(|(o, _)| *o != top)
        .fold(f64::NEG_INFINITY, |s, (_, r)| s.max(*r));
    (best - second > 8.0 * f64::EPSILON * largest).then_some(top)
}

#[test]
fn the_groups_tops_are_those_of_their_definition() {
    let mut rng = SplitMix64::new(2026);
    let cdus = cdus_with_spares(0);
    let (mut tops, mut without) = (0, 0);
    for hall in 0..400 {
        let groups = 1 + rng.below(60) as usize;
        let (candidates, limits) = random_hall(&mut rng, groups);
        let problem = without_works(&candidates, &limits, &cdus);
        let shortcuts = super::shortcut::Shortcuts::new(&problem, Effort::Shortcuts);
        let plain: Vec<_> = candidates.iter().map(top_plain).collect();
        assert_eq!(shortcuts.settled(), plain, "hall {hall}");
        tops += plain.iter().filter(|t| t.is_some()).count();
        without += plain.iter().filter(|t| t.is_none()).count();
    }
    // ties and options a rounding apart leave many groups without a top (see `random_hall`)
    assert!(
        tops >= 5_000 && without >= 1_000,
        "{tops} tops, {without} without"
    );
}

/// Step 1 (repair) in its plain form: every move of a round in one heap, a group's moves
/// after it has moved skipped as they come (the arithmetic of a move, shared, is
/// [`super::repair`]'s; what this checks is the order the moves are drawn and taken in).
fn repair_plain(
    problem: &HallProblem<'_>,
    choices: &mut [Option<CoolingOption>],
    uses: &mut PerLimit,
    moves: &mut Vec<Reverse<u128>>,
    peak: &mut PerLimit,
) {
    use super::heuristic::{ROUNDS, group_of, option_of};
    use super::repair::{Round, moved_uses, raise_peak, violation};
    let (groups, capacity) = (problem.groups, &problem.binding());
    let mut moved = vec![false; groups.len()];
    for _round in 0..ROUNDS {
        let round = Round::of(groups, capacity, uses);
        if round.now == 0.0 {
            return;
        }
        moves.clear();
        for (g, choice) in choices.iter().enumerate() {
            if let Some(from) = *choice {
                round.moves_of(g, from, peak, |key| moves.push(Reverse(key)));
            }
        }
        // best first, drawn as needed: the limits are often met long before the last move
        let mut ranked = BinaryHeap::from(std::mem::take(moves));
        moved.fill(false);
        while let Some(Reverse(key)) = ranked.pop() {
            let current = violation(uses, capacity);
            if current == 0.0 {
                break;
            }
            let (g, to) = (group_of(key), option_of(key));
            let Some(from) = choices[g] else {
                continue;
            };
            if moved[g] {
                continue;
            }
            let next = moved_uses(groups, uses, g, from, to);
            raise_peak(peak, &next);
            if violation(&next, capacity) < current {
                *uses = next;
                choices[g] = Some(to);
                moved[g] = true;
            }
        }
        *moves = ranked.into_vec();
    }
}

#[test]
fn repair_merged_by_group_moves_as_its_plain_form() {
    let mut rng = SplitMix64::new(2027);
    let cdus = cdus_with_spares(0);
    let mut scratch = super::improve::Scratch::default();
    let mut moves: Vec<Reverse<u128>> = Vec::new();
    let (mut repaired, mut met) = (0, 0);
    for hall in 0..400 {
        let groups = 2 + rng.below(if hall % 10 == 0 { 150 } else { 40 }) as usize;
        let (candidates, limits) = random_hall(&mut rng, groups);
        let works = match rng.below(3) {
            0 => NO_WORKS,
            1 => [Some(-1.0), None, None, None],
            _ => [None, None, Some(-1.0), None],
        };
        let problem = HallProblem {
            groups: &candidates,
            limits: &limits,
            cdus: &cdus,
            works,
        };
        // random plans and "every group that may on one option" plans
        let mut starts: Vec<_> = (0..4)
            .map(|_| super::tests::random_plan(&mut rng, &candidates))
            .collect();
        for option in CoolingOption::ALL {
            let all = candidates.iter().map(|g| {
                if g.options[option].feasible {
                    Some(option)
                } else {
                    g.best()
                }
            });
            starts.push(all.collect());
        }
        for start in starts {
            let uses = problem.uses(&start);
            if problem.fits(&uses) {
                continue;
            }
            let (mut plain, mut plain_uses, mut plain_peak) = (start.clone(), uses, uses);
            repair_plain(
                &problem,
                &mut plain,
                &mut plain_uses,
                &mut moves,
                &mut plain_peak,
            );
            let (mut merged, mut merged_uses, mut merged_peak) = (start, uses, uses);
            super::repair::repair(
                &problem,
                &mut merged,
                &mut merged_uses,
                &mut scratch,
                &mut merged_peak,
            );
            assert_eq!(merged, plain, "hall {hall}");
            assert_eq!(merged_uses.map(f64::to_bits), plain_uses.map(f64::to_bits));
            assert_eq!(merged_peak.map(f64::to_bits), plain_peak.map(f64::to_bits));
            repaired += 1;
            met += usize::from(problem.fits(&plain_uses));
        }
    }
    // most repairs meet the limits, some cannot (else the rounds' end goes untested)
    assert!(
        repaired >= 1000 && met >= 500 && repaired - met >= 100,
        "{repaired} repaired, {met} met"
    );
}

#[test]
fn the_uses_of_all_on_each_option_are_those_of_the_plan() {
    let mut rng = SplitMix64::new(2028);
    let cdus = cdus_with_spares(0);
    for hall in 0..200 {
        let groups = 1 + rng.below(80) as usize;
        let (candidates, limits) = random_hall(&mut rng, groups);
        let problem = without_works(&candidates, &limits, &cdus);
        let all = problem.uses_all_on();
        for option in CoolingOption::ALL {
            let plan = vec![Some(option); groups];
            assert_eq!(
                all[option].map(f64::to_bits),
                problem.uses(&plan).map(f64::to_bits),
                "hall {hall} {option:?}"
            );
        }
    }
}
