//! The heuristic search for halls with too many combinations to walk: a greedy
//! multiple-choice knapsack with a few shared limits, from several starts, then local search.
//!
//! From each start — every group on its best option alone (relaxed value); for each option,
//! every group that may take it on it (the others on their best alone); every group on the
//! option with the smallest footprint on the limits together:
//! 1. repair ([`super::repair`]), while a limit is exceeded: moves of one group to another
//!    option, ranked by how much they reduce the excess over all limits (each as a share of
//!    its limit, so a move that relieves one limit by breaking another counts for its net)
//!    per unit of value lost, applied best first while they still reduce it; repeated from
//!    the new state;
//! 2. improve ([`super::improve`]): moves that gain relaxed value (with the change in the
//!    hall's enabling works) and keep every binding limit, best gain first, until none is left;
//! 3. whole CDU units, valued exactly: for each liquid option, the plan without it (its groups
//!    on their next best option); in halls of at most [`EXACT_SWAP_GROUPS`] groups, then every
//!    single move, repeated until none gains.
//!
//! Each start is also kept as it was when it fits (so the plan is never worse than an "all …"
//! plan that fits); the best exact value of all wins. Deterministic: moves are ranked with
//! ties broken by group and option order. Starts often end on the same plan: each plan of
//! steps 1–3 is valued exactly once ([`Valued`]; the exact single moves of step 3, each a new
//! plan, are not kept), and a start whose step 2 ends on a plan an earlier start's did stops
//! there (step 3 would end as it did then, on a value already kept).
//!
//! The work most starts would do is skipped where [`super::shortcut`] proves where it ends:
//! step 2 climbed without moves, plans whose value cannot win not valued. The plan is the
//! same with every step done in full ([`Effort::Full`], which the tests compare with). What
//! the runs of [`super::solve`] (with and without enabling works) compute of a start alone —
//! its uses, its bases summed, its climb — does not depend on the works: it is computed once,
//! where a run first needs it, and kept with the start ([`Prepared`]).

use std::cell::OnceCell;

use super::improve::{Gains, Scratch, improve};
use super::repair::repair;
use super::search::Solution;
use super::shortcut::{self, Climb, Effort, Improve, Memo, Shortcuts, Taken};
use super::{Candidate, HallProblem, same_plan};
use crate::physical::limits::PerLimit;
use crate::results::CoolingOption;

/// Halls up to this many groups get single moves valued exactly, to a local optimum.
pub const EXACT_SWAP_GROUPS: usize = 64;
/// Rounds of repair, and passes of improve, at most.
pub(super) const ROUNDS: usize = 8;
/// Passes of exact single moves at most.
const EXACT_PASSES: usize = 20;

/// A move of a group to an option is one integer, its key, whose ascending order ranks moves
/// best first: `rank` descending in [`f64::total_cmp`]'s order, then `group`, then `to`
/// ascending — the order of the tuple `(Reverse(total_order(rank)), group, to)`, compared as
/// one `u128`. The rank fills the high 64 bits (its total order with the sign bit flipped, so
/// that signed order becomes unsigned order, then inverted for descending), the group the next
/// 56 and the option the low 8 (a hall has far fewer than 2^56 groups). A group has at most one
/// move to each option, so no two moves compare equal and an unstable sort's (or a heap's)
/// order is the stable one.
pub(super) fn rank_key(rank: f64, group: usize, to: CoolingOption) -> u128 {
    let descending = !((total_order(rank) as u64) ^ (1 << 63));
    (u128::from(descending) << 64) | ((group as u128) << 8) | to.index() as u128
}

/// The group a [`rank_key`] moves.
pub(super) fn group_of(key: u128) -> usize {
    ((key >> 8) as u64 & ((1 << 56) - 1)) as usize
}

/// The option a [`rank_key`] moves to.
pub(super) fn option_of(key: u128) -> CoolingOption {
    CoolingOption::ALL[(key & 0xff) as usize]
}

/// `x` as an integer in [`f64::total_cmp`]'s order (that method's own mapping).
fn total_order(x: f64) -> i64 {
    let bits = x.to_bits() as i64;
    bits ^ ((((bits >> 63) as u64) >> 1) as i64)
}

/// Exact values ([`HallProblem::value`]) of the plans valued so far, and the scratch of the
/// next one.
#[derive(Default)]
struct Valued {
    plans: Vec<(Vec<Option<CoolingOption>>, f64)>,
    scratch: Vec<f64>,
}

impl Valued {
    /// The exact value of `choices`, computed once per plan.
    fn value(&mut self, problem: &HallProblem<'_>, choices: &[Option<CoolingOption>]) -> f64 {
        if let Some((_, value)) = self.plans.iter().find(|(plan, _)| same_plan(plan, choices)) {
            return *value;
        }
        let value = problem.value_into(choices, &mut self.scratch);
        self.plans.push((choices.to_vec(), value));
        value
    }
}

/// What the heuristic's runs on one hall share (they may differ in the enabling works
/// alone): every group's best option alone, the starts, the shortcuts' tables.
pub struct Prepared {
    own: Vec<Option<CoolingOption>>,
    starts: Vec<Start>,
    shortcuts: Shortcuts,
    effort: Effort,
}

/// A start, and what the runs compute of it that does not depend on the enabling works
/// (each computed once, where a run first needs it).
struct Start {
    choices: Vec<Option<CoolingOption>>,
    /// Its uses ([`HallProblem::uses`]).
    uses: PerLimit,
    /// Its groups' bases summed ([`shortcut::bases`]).
    bases: OnceCell<f64>,
    /// Its climb ([`Shortcuts::climb`]).
    climb: OnceCell<Climb>,
}

impl Prepared {
    pub fn new(problem: &HallProblem<'_>, effort: Effort) -> Prepared {
        let own = problem.groups.iter().map(Candidate::best).collect();
        Prepared::with_own(problem, own, effort)
    }

    /// [`Prepared::new`] given every group's best option alone (`own[g]` is
    /// [`Candidate::best`] of group `g`, which the caller has already computed).
    pub fn with_own(
        problem: &HallProblem<'_>,
        own: Vec<Option<CoolingOption>>,
        effort: Effort,
    ) -> Prepared {
        debug_assert!(
            own.iter()
                .copied()
                .eq(problem.groups.iter().map(Candidate::best))
        );
        let starts = starts(problem, &own)
            .into_iter()
            .map(|choices| Start {
                uses: problem.uses(&choices),
                choices,
                bases: OnceCell::new(),
                climb: OnceCell::new(),
            })
            .collect();
        Prepared {
            starts,
            own,
            shortcuts: Shortcuts::new(problem, effort),
            effort,
        }
    }
}

/// The heuristic plan (see the module doc).
pub fn heuristic(problem: &HallProblem<'_>) -> Solution {
    let prepared = Prepared::new(problem, Effort::Shortcuts);
    search(
        problem,
        &prepared,
        &mut Memo::default(),
        &mut Taken::default(),
    )
}

/// The heuristic plan of `problem`, whose groups and limits `prepared` was made for (its
/// enabling works may differ), counting the shortcuts taken into `taken`; `memo` keeps what
/// a run with enabling works leaves for the run with every limit binding.
pub fn search(
    problem: &HallProblem<'_>,
    prepared: &Prepared,
    memo: &mut Memo,
    taken: &mut Taken,
) -> Solution {
    let shortcuts = &prepared.shortcuts;
    let mut best: Option<Solution> = None;
    let mut fallback: Option<Solution> = None;
    let keep = |s: Solution, best: &mut Option<Solution>| {
        if best.as_ref().is_none_or(|b| s.value > b.value) {
            *best = Some(s);
        }
    };
    let mut scratch = Scratch::default();
    let mut valued = Valued::default();
    // the plans step 2 ended on
    let mut improved: Vec<Vec<Option<CoolingOption>>> = Vec::new();
    // the climb of a repaired start
    let mut repaired = Climb::default();
    for (i, start) in prepared.starts.iter().enumerate() {
        let mut choices = start.choices.clone();
        let mut uses = start.uses;
        let fits = problem.fits(&uses);
        if fits {
            let bases = || {
                *start
                    .bases
                    .get_or_init(|| shortcut::bases(problem, &choices))
            };
            let beaten = best
                .as_ref()
                .is_some_and(|b| shortcuts.cannot_beat_with(problem, bases, &uses, b.value));
            if beaten {
                taken.unvalued += 1;
            } else {
                let value = valued.value(problem, &choices);
                keep(solution(choices.clone(), value, true), &mut best);
            }
        }
        let recalled = if fits { None } else { memo.recall(i, problem) };
        let within = if let Some(steps) = recalled {
            taken.recalled += 1;
            choices.clone_from(&steps.choices);
            steps.within
        } else {
            // the largest use of each limit whose violation steps 1 computes
            let mut peak = uses;
            if !fits {
                repair(problem, &mut choices, &mut uses, &mut scratch, &mut peak);
            }
            let within = problem.fits(&uses);
            // whether steps 1–2 would make the same moves with every limit binding
            let mut same = !fits;
            if within {
                // a start not repaired climbs as in the other run
                let climb = if fits {
                    start
                        .climb
                        .get_or_init(|| shortcuts.climbed(problem, &choices))
                } else {
                    shortcuts.climb(problem, &choices, &mut repaired);
                    &repaired
                };
                match shortcuts.improve(problem, &mut choices, climb) {
                    Improve::Climbed => taken.climbs += 1,
                    Improve::Play(gains) => {
                        taken.by_group += usize::from(gains == Gains::Own);
                        same &= gains == Gains::Own;
                        let settled = shortcuts.settled();
                        improve(
                            problem,
                            &mut choices,
                            &mut uses,
                            gains,
                            settled,
                            &mut scratch,
                        );
                    }
                }
            }
            if same {
                memo.record(i, problem, &choices, within, peak);
            }
            within
        };
        if !within {
            if fallback.is_none() {
                let value = valued.value(problem, &choices);
                fallback = Some(solution(choices, value, false));
            }
            continue;
        }
        if prepared.effort == Effort::Shortcuts {
            if improved.iter().any(|plan| same_plan(plan, &choices)) {
                taken.repeats += 1;
                continue;
            }
            improved.push(choices.clone());
        }
        let value = valued.value(problem, &choices);
        let mut s = solution(choices, value, true);
        cdu_pass(problem, &mut s, &mut valued, shortcuts, taken);
        keep(s, &mut best);
    }
    best.or(fallback)
        .unwrap_or_else(|| solution(prepared.own.clone(), f64::NEG_INFINITY, false))
}

/// The starts (see the module doc), each once, in the order they are tried.
fn starts(
    problem: &HallProblem<'_>,
    own: &[Option<CoolingOption>],
) -> Vec<Vec<Option<CoolingOption>>> {
    let groups = problem.groups;
    let mut starts = vec![own.to_vec()];
    for option in CoolingOption::ALL {
        let start: Vec<_> = groups
            .iter()
            .zip(own)
            .map(|(g, best)| {
                if g.options[option].feasible {
                    Some(option)
                } else {
                    *best
                }
            })
            .collect();
        if !starts.iter().any(|s| same_plan(s, &start)) {
            starts.push(start);
        }
    }
    let smallest = smallest_footprint(problem);
    if !starts.iter().any(|s| same_plan(s, &smallest)) {
        starts.push(smallest);
    }
    starts
}

/// The start of the smallest footprint: each group on the allowed option that uses least of
/// the limits together (each use as a share of its limit, limits without a finite positive
/// capacity left out; ties to the first in [`f64::total_cmp`]'s order), or its forced choice.
pub(super) fn smallest_footprint(problem: &HallProblem<'_>) -> Vec<Option<CoolingOption>> {
    let capacity = &problem.limits.capacity;
    let counted = capacity.map(|c| c.is_finite() && c > 0.0);
    // the shares summed in limit order, as `Iterator::sum` adds them
    let footprint = |uses: &PerLimit| -> f64 {
        let shares: PerLimit = std::array::from_fn(|k| {
            if counted[k] {
                uses[k] / capacity[k]
            } else {
                0.0
            }
        });
        shares.into_iter().sum()
    };
    problem
        .groups
        .iter()
        .map(|g| {
            let mut least: Option<(CoolingOption, f64)> = None;
            for o in g.allowed() {
                let f = footprint(&g.options[o].uses);
                if least.is_none_or(|(_, l)| f.total_cmp(&l).is_lt()) {
                    least = Some((o, f));
                }
            }
            least.map(|(o, _)| o).or(g.forced())
        })
        .collect()
}

fn solution(choices: Vec<Option<CoolingOption>>, value: f64, within_limits: bool) -> Solution {
    Solution {
        choices,
        exhaustive: false,
        value,
        within_limits,
    }
}

/// Step 3: whole CDU units valued exactly.
fn cdu_pass(
    problem: &HallProblem<'_>,
    solution: &mut Solution,
    valued: &mut Valued,
    shortcuts: &Shortcuts,
    taken: &mut Taken,
) {
    let groups = problem.groups;
    // `keep`: remember the plan's value (the whole-option moves, which other starts repeat)
    let mut try_plan =
        |choices: Vec<Option<CoolingOption>>, solution: &mut Solution, keep: bool| -> bool {
            if same_plan(&choices, &solution.choices) {
                return false;
            }
            let uses = problem.uses(&choices);
            if !problem.fits(&uses) {
                return false;
            }
            // not better than `solution`, which `better` asks with a margin ≥ 0
            if shortcuts.cannot_beat(problem, &choices, &uses, solution.value) {
                taken.unvalued += 1;
                return false;
            }
            let value = if keep {
                valued.value(problem, &choices)
            } else {
                problem.value_into(&choices, &mut valued.scratch)
            };
            let better = value > solution.value + 1e-9 * solution.value.abs().max(1.0);
            if better {
                solution.choices = choices;
                solution.value = value;
            }
            better
        };
    for option in CoolingOption::RETROFITS {
        if !solution.choices.contains(&Some(option)) {
            continue;
        }
        let without: Vec<Option<CoolingOption>> = groups
            .iter()
            .zip(&solution.choices)
            .map(|(g, c)| {
                if *c != Some(option) {
                    return *c;
                }
                let next = g.allowed().filter(|o| *o != option).max_by(|a, b| {
                    // the better relaxed value; ties to the simpler option
                    g.options[*a]
                        .relaxed()
                        .total_cmp(&g.options[*b].relaxed())
                        .then(b.cmp(a))
                });
                next.or(*c)
            })
            .collect();
        try_plan(without, solution, true);
    }
    if groups.len() > EXACT_SWAP_GROUPS {
        return;
    }
    for _pass in 0..EXACT_PASSES {
        let mut changed = false;
        for g in 0..groups.len() {
            for to in groups[g].allowed() {
                if solution.choices[g] == Some(to) {
                    continue;
                }
                let mut next = solution.choices.clone();
                next[g] = Some(to);
                changed |= try_plan(next, solution, false);
            }
        }
        if !changed {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{CoolingOption, rank_key, total_order};

    #[test]
    fn the_rank_key_orders_as_the_tuple_key() {
        // every pair of (rank, group, option) compares as (Reverse(total_order), group, option)
        let ranks = [
            f64::NEG_INFINITY,
            -2.5,
            -0.0,
            0.0,
            5e-324,
            1.0,
            f64::INFINITY,
            f64::NAN,
            -f64::NAN,
        ];
        let mut moves = Vec::new();
        for rank in ranks {
            for group in [0, 1, 7, 1 << 40] {
                for to in CoolingOption::ALL {
                    moves.push((rank, group, to));
                }
            }
        }
        let tuple =
            |(r, g, o): (f64, usize, CoolingOption)| (std::cmp::Reverse(total_order(r)), g, o);
        for &a in &moves {
            for &b in &moves {
                assert_eq!(
                    rank_key(a.0, a.1, a.2).cmp(&rank_key(b.0, b.1, b.2)),
                    tuple(a).cmp(&tuple(b)),
                    "{a:?} {b:?}"
                );
            }
        }
    }

    #[test]
    fn moves_rank_in_total_cmp_order() {
        let values = [
            f64::NEG_INFINITY,
            -1e300,
            -2.5,
            -f64::MIN_POSITIVE,
            -0.0,
            0.0,
            5e-324,
            1.0,
            1.0 + f64::EPSILON,
            f64::INFINITY,
            f64::NAN,
            -f64::NAN,
        ];
        for a in values {
            for b in values {
                assert_eq!(
                    total_order(a).cmp(&total_order(b)),
                    a.total_cmp(&b),
                    "{a} {b}"
                );
            }
        }
    }
}
