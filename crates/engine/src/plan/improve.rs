//! Step 2 of the heuristic ([`heuristic`](mod@super::heuristic)), improve: moves of one group
//! to another option that gain relaxed value (with the change in the hall's enabling works)
//! and keep every binding limit, best gain first, in passes until one moves nothing (as many
//! passes at most as repair has rounds).
//!
//! Owns: playing the passes. Two ways, which try the same moves in the same order on the same
//! state, so they give the same plan to the bit:
//! - **ranked**: every move that gains at the pass's start, sorted by gain, each tried;
//! - **by group**, when every move's gain is the group's own, the difference of its relaxed
//!   values (no enabling work changes along the way: always without works, and where
//!   [`super::shortcut`] proves it): each group's moves sorted on their own and merged by a
//!   heap into the same order; once a group has moved, its moves to options not better than
//!   its new one are dropped, since tried they would gain nothing; a group on its settled
//!   option (one no other beats, [`super::shortcut`]) has no move to list.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::HallProblem;
use super::heuristic::{ROUNDS, group_of, option_of, rank_key};
use super::search::add;
use crate::physical::limits::PerLimit;
use crate::results::CoolingOption;

/// What a move's gain depends on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Gains {
    /// The hall's uses too (a move may change its enabling works): ranked.
    Shared,
    /// The group's relaxed values alone: by group.
    Own,
}

/// Buffers of the passes (and of repair's rounds, which merge moves by group the same way),
/// kept from start to start.
#[derive(Default)]
pub(super) struct Scratch {
    /// The moves of a pass (their [`rank_key`]s).
    pub(super) moves: Vec<u128>,
    /// By group: its next move to try and the end of its moves in `moves`.
    pub(super) spans: Vec<(usize, usize)>,
    /// By group, its next move to try.
    pub(super) heads: BinaryHeap<Reverse<u128>>,
}

/// Improve `choices` (whose uses are `uses`, within the binding limits), in place; `settled`:
/// per group, an option from which no move of its own gains (or none; read with own gains
/// only).
pub(super) fn improve(
    problem: &HallProblem<'_>,
    choices: &mut [Option<CoolingOption>],
    uses: &mut PerLimit,
    gains: Gains,
    settled: &[Option<CoolingOption>],
    scratch: &mut Scratch,
) {
    for _pass in 0..ROUNDS {
        let changed = match gains {
            Gains::Shared => ranked_pass(problem, choices, uses, scratch),
            Gains::Own => group_pass(problem, choices, uses, settled, scratch),
        };
        if !changed {
            return;
        }
    }
}

/// The uses after moving group `g` from `from` to `to`, and what the move gains: with own
/// gains the difference of its relaxed values alone (the works' change, ±0, leaves every
/// positive gain's bits as they are).
fn moved(
    problem: &HallProblem<'_>,
    uses: &PerLimit,
    gains: Gains,
    g: usize,
    (from, to): (CoolingOption, CoolingOption),
) -> (PerLimit, f64) {
    let (a, b) = (
        &problem.groups[g].options[from],
        &problem.groups[g].options[to],
    );
    let mut next = *uses;
    add(&mut next, &a.uses, -1.0);
    add(&mut next, &b.uses, 1.0);
    let gain = b.relaxed() - a.relaxed();
    match gains {
        Gains::Own => (next, gain),
        Gains::Shared => {
            let works = problem.works_value(&next) - problem.works_value(uses);
            (next, gain + works)
        }
    }
}

/// Tries the move `key`; whether it was made.
fn try_move(
    problem: &HallProblem<'_>,
    choices: &mut [Option<CoolingOption>],
    uses: &mut PerLimit,
    gains: Gains,
    key: u128,
) -> bool {
    let (g, to) = (group_of(key), option_of(key));
    let Some(from) = choices[g] else {
        return false;
    };
    let (next, gain) = moved(problem, uses, gains, g, (from, to));
    let made = gain > 0.0 && problem.fits(&next);
    if made {
        *uses = next;
        choices[g] = Some(to);
    }
    made
}

/// Pushes group `g`'s moves that gain from `choices` into `moves`.
fn gaining_moves(
    problem: &HallProblem<'_>,
    choices: &[Option<CoolingOption>],
    uses: &PerLimit,
    gains: Gains,
    g: usize,
    moves: &mut Vec<u128>,
) {
    let Some(from) = choices[g] else { return };
    let candidate = &problem.groups[g];
    for to in candidate.allowed() {
        let gain = match gains {
            Gains::Own => candidate.options[to].relaxed() - candidate.options[from].relaxed(),
            Gains::Shared => moved(problem, uses, gains, g, (from, to)).1,
        };
        if gain > 0.0 {
            moves.push(rank_key(gain, g, to));
        }
    }
}

/// One pass, every move ranked; whether any was made.
fn ranked_pass(
    problem: &HallProblem<'_>,
    choices: &mut [Option<CoolingOption>],
    uses: &mut PerLimit,
    scratch: &mut Scratch,
) -> bool {
    let moves = &mut scratch.moves;
    moves.clear();
    for g in 0..problem.groups.len() {
        gaining_moves(problem, choices, uses, Gains::Shared, g, moves);
    }
    moves.sort_unstable();
    let mut changed = false;
    for key in moves.iter() {
        changed |= try_move(problem, choices, uses, Gains::Shared, *key);
    }
    changed
}

/// One pass, each group's moves ranked on their own and merged; whether any was made.
fn group_pass(
    problem: &HallProblem<'_>,
    choices: &mut [Option<CoolingOption>],
    uses: &mut PerLimit,
    settled: &[Option<CoolingOption>],
    scratch: &mut Scratch,
) -> bool {
    let Scratch {
        moves,
        spans,
        heads,
    } = scratch;
    moves.clear();
    spans.clear();
    heads.clear();
    for g in 0..problem.groups.len() {
        let first = moves.len();
        if choices[g].is_none_or(|c| settled.get(g) != Some(&Some(c))) {
            gaining_moves(problem, choices, uses, Gains::Own, g, moves);
        }
        moves[first..].sort_unstable();
        spans.push((first, moves.len()));
        if let Some(key) = moves.get(first) {
            heads.push(Reverse(*key));
        }
    }
    let mut changed = false;
    while let Some(Reverse(key)) = heads.pop() {
        changed |= try_move(problem, choices, uses, Gains::Own, key);
        let g = group_of(key);
        let candidate = &problem.groups[g];
        let floor = choices[g].map_or(f64::NEG_INFINITY, |o| candidate.options[o].relaxed());
        let (next, end) = &mut spans[g];
        *next += 1;
        // a move to an option not better than the group's own gains nothing
        while *next < *end && candidate.options[option_of(moves[*next])].relaxed() <= floor {
            *next += 1;
        }
        if *next < *end {
            heads.push(Reverse(moves[*next]));
        }
    }
    changed
}
