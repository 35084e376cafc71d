//! Step 1 of the heuristic ([`super::heuristic`]): repair a plan that exceeds its hall's
//! limits by moving groups to other options, best reduction of the excess per value lost
//! first, and the excess measure it reduces ([`violation`]).
//!
//! Owns: the moves' ranking and merging, and the measure. Never touches: the starts, steps 2
//! and 3, costs.

use std::cmp::Reverse;

use super::heuristic::{ROUNDS, group_of, option_of, rank_key};
use super::improve::Scratch;
use super::search::add;
use super::{Candidate, HallProblem};
use crate::per_option::OPTION_COUNT;
use crate::physical::limits::PerLimit;
use crate::results::CoolingOption;

/// How far `uses` exceed the limits: Σ over limits of the excess as a share of the limit.
pub(super) fn violation(uses: &PerLimit, capacity: &PerLimit) -> f64 {
    uses.iter()
        .zip(capacity)
        .map(|(u, c)| violation_of(*u, *c))
        .sum()
}

/// How far `used` exceeds `capacity`, as a share of it (0 within it).
pub(super) fn violation_of(used: f64, capacity: f64) -> f64 {
    let excess = used - capacity * (1.0 + 1e-9);
    if excess > 0.0 {
        excess / capacity.max(1e-9)
    } else {
        0.0
    }
}

/// `uses` with group `g` of `groups` moved from option `from` to `to`.
#[inline]
pub(super) fn moved_uses(
    groups: &[Candidate],
    uses: &PerLimit,
    g: usize,
    from: CoolingOption,
    to: CoolingOption,
) -> PerLimit {
    let mut next = *uses;
    add(&mut next, &groups[g].options[from].uses, -1.0);
    add(&mut next, &groups[g].options[to].uses, 1.0);
    next
}

/// Raises each limit's `peak` to its use in `state` where that is larger.
#[inline]
pub(super) fn raise_peak(peak: &mut PerLimit, state: &PerLimit) {
    for (p, u) in peak.iter_mut().zip(state) {
        *p = p.max(*u);
    }
}

/// One round of repair from the state `uses`: its violation and the moves that reduce it.
pub(super) struct Round<'a> {
    groups: &'a [Candidate],
    capacity: &'a PerLimit,
    uses: &'a PerLimit,
    /// Each limit's term of the violation.
    excess: PerLimit,
    /// The violation of `uses` ([`violation`]).
    pub(super) now: f64,
}

impl<'a> Round<'a> {
    pub(super) fn of(groups: &'a [Candidate], capacity: &'a PerLimit, uses: &'a PerLimit) -> Self {
        Round {
            groups,
            capacity,
            uses,
            excess: std::array::from_fn(|k| violation_of(uses[k], capacity[k])),
            now: violation(uses, capacity),
        }
    }
    /// Whether the state `next` uses less of some exceeded limit (or a use that is not a
    /// number): a move that uses no less of any cannot reduce the violation (each of its
    /// terms, and their sum, is monotone), so its violation need not be computed.
    #[inline]
    fn relieved_by(&self, next: &PerLimit) -> bool {
        (0..next.len()).any(|k| {
            self.excess[k] > 0.0 && next[k].partial_cmp(&self.uses[k]).is_none_or(|o| o.is_lt())
        })
    }
    /// Each move of group `g` off `from` that reduces the violation, as its [`rank_key`] (the
    /// reduction per value lost), to `push`, in the order of the options; `peak` raised to
    /// every state weighed.
    #[inline]
    pub(super) fn moves_of(
        &self,
        g: usize,
        from: CoolingOption,
        peak: &mut PerLimit,
        mut push: impl FnMut(u128),
    ) {
        let relaxed = |o: CoolingOption| self.groups[g].options[o].relaxed();
        for to in self.groups[g].allowed().filter(|o| *o != from) {
            let next = moved_uses(self.groups, self.uses, g, from, to);
            if !self.relieved_by(&next) {
                continue;
            }
            raise_peak(peak, &next);
            let relief = self.now - violation(&next, self.capacity);
            if relief > 0.0 {
                let loss = (relaxed(from) - relaxed(to)).max(1e-9);
                push(rank_key(relief / loss, g, to));
            }
        }
    }
}

/// Step 1: moves that reduce how far the limits are exceeded (all limits together, so a move
/// that relieves one by breaking another counts for what it nets), best reduction per value
/// lost first, each group moved once a round.
///
/// The moves of a round are drawn best first as needed (the limits are often met long before
/// the last move): each group's moves sorted on their own and merged by a heap of the groups'
/// next moves, which gives every move in rank order; once a group has moved, its other moves
/// are dropped (tried, they would be skipped), so the heap holds a move per group at most.
pub(super) fn repair(
    problem: &HallProblem<'_>,
    choices: &mut [Option<CoolingOption>],
    uses: &mut PerLimit,
    scratch: &mut Scratch,
    peak: &mut PerLimit,
) {
    let (groups, capacity) = (problem.groups, &problem.binding());
    let Scratch {
        moves,
        spans,
        heads,
    } = scratch;
    // room for a move per group and option it may take, a span and a head per group
    moves.reserve(groups.len() * (OPTION_COUNT - 1));
    spans.reserve(groups.len());
    heads.reserve(groups.len());
    for _round in 0..ROUNDS {
        let round = Round::of(groups, capacity, uses);
        if round.now == 0.0 {
            return;
        }
        moves.clear();
        spans.clear();
        heads.clear();
        for (g, choice) in choices.iter().enumerate() {
            let first = moves.len();
            if let Some(from) = *choice {
                round.moves_of(g, from, peak, |key| moves.push(key));
            }
            moves[first..].sort_unstable();
            spans.push((first, moves.len()));
            if let Some(key) = moves.get(first) {
                heads.push(Reverse(*key));
            }
        }
        // the violation of `uses`, kept as they change
        let mut current = round.now;
        while let Some(Reverse(key)) = heads.pop() {
            if current == 0.0 {
                break;
            }
            let (g, to) = (group_of(key), option_of(key));
            // a group with moves has an option (moves leave it one)
            let Some(from) = choices[g] else {
                continue;
            };
            let next = moved_uses(groups, uses, g, from, to);
            raise_peak(peak, &next);
            let after = violation(&next, capacity);
            if after < current {
                *uses = next;
                choices[g] = Some(to);
                current = after;
            } else {
                let (next, end) = &mut spans[g];
                *next += 1;
                if *next < *end {
                    heads.push(Reverse(moves[*next]));
                }
            }
        }
    }
}
