//! Searches for a hall's plan: exhaustive where the combinations are few, a heuristic
//! otherwise. Both deterministic: the same problem gives the same plan.
//!
//! Exhaustive: depth-first over the groups that have a choice (in file order, options in
//! [`CoolingOption::ALL`] order), each complete plan valued exactly (CDU units designed for
//! it); branches pruned when their uses cannot fit (the remaining groups' least uses added) or
//! when their relaxed value (an upper bound) cannot beat the best plan found; started from the
//! heuristic's plan. Limits an enabling work may raise do not prune; their works are charged in
//! each complete plan's exact value, and the relaxed bound leaves them out (they cost). Runs when the combinations number at most [`EXHAUSTIVE_LIMIT`] and
//! combinations × groups at most [`EXHAUSTIVE_WORK`].
//!
//! Heuristic, for larger halls: [`super::heuristic`].

use super::heuristic::{Prepared, search};
use super::shortcut::{Effort, Memo, Taken};
use super::{Candidate, HallProblem, same_plan};
use crate::physical::limits::PerLimit;
use crate::results::CoolingOption;

/// The most combinations the exhaustive search walks.
pub const EXHAUSTIVE_LIMIT: u64 = 1 << 16;
/// The most combinations × groups the exhaustive search walks (each plan is valued in time
/// linear in the hall's groups).
pub const EXHAUSTIVE_WORK: u64 = 1 << 22;

/// A hall's plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Solution {
    pub choices: Vec<Option<CoolingOption>>,
    pub exhaustive: bool,
    /// Value with CDUs counted exactly.
    pub value: f64,
    pub within_limits: bool,
}

/// The hall's plan: exhaustive where it can run, else the heuristic. Where enabling works may
/// raise a limit, the heuristic also runs with every limit binding and the better plan, valued
/// with the works, is kept: a plan that needs no work is never lost to one that buys a work
/// the relaxed moves do not see the whole price of. The two runs share their starts, and the
/// second takes the first's repairs where they made the same moves ([`super::shortcut`]).
pub fn solve(problem: &HallProblem<'_>) -> Solution {
    solve_with(problem, Effort::Shortcuts, &mut Taken::default())
}

/// [`solve`] given every group's best option alone (`own[g]` is [`Candidate::best`] of group
/// `g`, which the caller has already computed): the same plan.
pub fn solve_given(problem: &HallProblem<'_>, own: &[Option<CoolingOption>]) -> Solution {
    let prepared = Prepared::with_own(problem, own.to_vec(), Effort::Shortcuts);
    solve_prepared(problem, &prepared, &mut Taken::default())
}

/// [`solve`] with the heuristic's shortcuts taken or not (the plan is the same), counting
/// those taken into `taken`.
pub fn solve_with(problem: &HallProblem<'_>, effort: Effort, taken: &mut Taken) -> Solution {
    solve_prepared(problem, &Prepared::new(problem, effort), taken)
}

/// [`solve`] with the heuristic's runs sharing `prepared` (made for `problem`).
fn solve_prepared(problem: &HallProblem<'_>, prepared: &Prepared, taken: &mut Taken) -> Solution {
    let mut memo = Memo::default();
    let mut start = search(problem, prepared, &mut memo, taken);
    if problem.works != super::NO_WORKS {
        let binding = HallProblem {
            works: super::NO_WORKS,
            ..*problem
        };
        let mut within = search(&binding, prepared, &mut memo, taken);
        // the same plan values the same (and, within every limit, is within the binding ones)
        if !same_plan(&within.choices, &start.choices) {
            within.value = problem.value(&within.choices);
            if within.within_limits && (!start.within_limits || within.value > start.value) {
                start = within;
            }
        }
    }
    exhaustive(problem, Some(&start)).unwrap_or(start)
}

/// Product of the choice counts of the groups with more than one option (saturating).
fn combinations(groups: &[Candidate]) -> u64 {
    groups
        .iter()
        .map(|g| g.allowed().count() as u64)
        .filter(|&n| n > 1)
        .fold(1u64, |p, n| p.saturating_mul(n))
}

/// The best plan over every combination, or `None` when there are too many; `start` (a plan
/// found otherwise) only speeds it up.
pub fn exhaustive(problem: &HallProblem<'_>, start: Option<&Solution>) -> Option<Solution> {
    let groups = problem.groups;
    let combos = combinations(groups);
    let work = combos.saturating_mul(groups.len().max(1) as u64);
    if combos > EXHAUSTIVE_LIMIT || work > EXHAUSTIVE_WORK {
        return None;
    }
    let mut choices: Vec<Option<CoolingOption>> = groups
        .iter()
        .map(|g| match g.allowed().count() {
            0 => g.forced(),
            _ => g.allowed().next(),
        })
        .collect();
    let free: Vec<usize> = (0..groups.len())
        .filter(|&i| groups[i].allowed().count() > 1)
        .collect();
    // fixed groups' uses and relaxed values; per free depth, the rest's least uses and best value
    let mut fixed_uses = PerLimit::default();
    let mut fixed_value = 0.0;
    for (i, g) in groups.iter().enumerate() {
        if free.contains(&i) {
            continue;
        }
        if let Some(o) = choices[i] {
            add(&mut fixed_uses, &g.options[o].uses, 1.0);
            fixed_value += g.options[o].relaxed();
        }
    }
    let n = free.len();
    let mut rest_min = vec![PerLimit::default(); n + 1];
    let mut rest_best = vec![0.0; n + 1];
    for d in (0..n).rev() {
        let g = &groups[free[d]];
        let mut least = rest_min[d + 1];
        for (k, u) in least.iter_mut().enumerate() {
            *u += g
                .allowed()
                .map(|o| g.options[o].uses[k])
                .fold(f64::INFINITY, f64::min);
        }
        rest_min[d] = least;
        rest_best[d] = rest_best[d + 1]
            + g.allowed()
                .map(|o| g.options[o].relaxed())
                .fold(f64::NEG_INFINITY, f64::max);
    }
    let mut walk = Walk {
        problem,
        free: &free,
        rest_min: &rest_min,
        rest_best: &rest_best,
        best: start.filter(|s| s.within_limits).cloned(),
    };
    walk.descend(0, &mut choices, fixed_uses, fixed_value);
    let mut best = walk.best?;
    best.exhaustive = true;
    Some(best)
}

struct Walk<'a, 'p> {
    problem: &'a HallProblem<'p>,
    free: &'a [usize],
    rest_min: &'a [PerLimit],
    rest_best: &'a [f64],
    best: Option<Solution>,
}

impl Walk<'_, '_> {
    fn descend(
        &mut self,
        depth: usize,
        choices: &mut Vec<Option<CoolingOption>>,
        uses: PerLimit,
        relaxed: f64,
    ) {
        let mut bound = uses;
        add(&mut bound, &self.rest_min[depth], 1.0);
        if !self.problem.fits(&bound) {
            return;
        }
        if let Some(best) = &self.best
            && relaxed + self.rest_best[depth] <= best.value
        {
            return;
        }
        let Some(&g) = self.free.get(depth) else {
            let value = self.problem.value(choices);
            if self.best.as_ref().is_none_or(|b| value > b.value) {
                self.best = Some(Solution {
                    choices: choices.clone(),
                    exhaustive: true,
                    value,
                    within_limits: true,
                });
            }
            return;
        };
        let candidate = &self.problem.groups[g];
        for o in candidate.allowed() {
            choices[g] = Some(o);
            let v = &candidate.options[o];
            let mut next = uses;
            add(&mut next, &v.uses, 1.0);
            self.descend(depth + 1, choices, next, relaxed + v.relaxed());
        }
    }
}

/// `into += w · x`, limit by limit.
pub(super) fn add(into: &mut PerLimit, x: &PerLimit, w: f64) {
    for (a, b) in into.iter_mut().zip(x) {
        *a += w * b;
    }
}
