//! Shortcuts of the heuristic ([`heuristic`](mod@super::heuristic)): facts, checked on the hall
//! at hand, that tell where a step would end, so the heuristic skips the step's work and still
//! finds the plan it finds doing all of it, to the bit.
//!
//! Owns: when each shortcut is exact, and its answer. Never touches: the order of the
//! heuristic's steps, the exact values (it only bounds them).
//!
//! - **Improve by climbing.** Step 2 (improve) makes a move when it gains and the hall's uses
//!   after it keep within every binding limit; the gain is the difference of the group's
//!   relaxed values plus the change in the hall's enabling works. While no limit a work may
//!   raise is exceeded the works do not change, and then a move gains exactly when it raises
//!   the group's relaxed value (two floating-point numbers differ exactly when they are
//!   unequal, and x − y > 0 exactly when x > y): each group's moves are its own. Every group
//!   then only climbs, from its start through options of greater relaxed value. When the uses
//!   of the groups' largest options on their climbs, summed, keep within every binding limit
//!   and under every limit a work may raise (with a margin for the rounding of the running
//!   uses), every move fits: each group climbs alone, its first ranked move made in every
//!   pass, to an option of greatest relaxed value within [`OPTION_COUNT`] passes. A group
//!   with one allowed option ahead of the second by more than rounding can shift (its *top*)
//!   goes there in one move from any start; the others play their own passes out.
//! - **Improve by group.** When the climb's sum does not fit but the sum over every option the
//!   groups may reach (their start and every better one) keeps under the limits works may
//!   raise, the moves are still each group's own and improve is played by group
//!   ([`super::improve`]); without enabling works it always is.
//! - **Values that cannot win.** With every CDU price per W ≤ 0 (and liquid heat and unit
//!   sizes ≥ 0), each group's exact value is at most its `base`, so a plan's bases summed as
//!   its exact value sums its groups' values, plus its works, bound that value from above
//!   (floating-point addition is monotone). A plan whose bound does not exceed the value it
//!   must beat is not valued: the heuristic would not keep it.
//! - **Repairs shared by [`super::solve`]'s two runs** ([`Memo`]). The run with every limit
//!   binding takes where steps 1–2 ended from a start in the run with works when that run's
//!   repair weighed no use above a limit the second run adds (so every violation it computed
//!   is the same with the limit binding) and its improve climbed or played by group (its moves
//!   then never touch a limit a work may raise, so they are the moves with the limits binding).

use super::heuristic::{ROUNDS, option_of, rank_key};
use super::improve::Gains;
use super::search::add;
use super::{Candidate, HallProblem, NO_WORKS, Value};
use crate::per_option::OPTION_COUNT;
use crate::physical::limits::PerLimit;
use crate::results::CoolingOption;

// a group climbs through at most every option, one or more a pass
const _: () = assert!(OPTION_COUNT <= ROUNDS);

/// Roundings of the running uses per group that the climb's margin covers: the start's sum
/// (1), up to [`ROUNDS`] repair moves and [`OPTION_COUNT`] improve moves of two roundings
/// each, and the bound's own sum (1), with room to spare.
const ROUNDINGS_PER_GROUP: f64 = 64.0;

/// How much a top must lead the second option by, in units of the rounding of the largest
/// |relaxed value| of the group, so that it has the greatest gain from every start: two gains
/// each round by at most one such unit.
const TOP_LEAD: f64 = 8.0;

/// Whether the heuristic takes its shortcuts, or does every step in full (the reference its
/// tests compare the shortcuts with).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effort {
    Shortcuts,
    Full,
}

/// What one hall's groups allow the shortcuts to do (see the module doc); the same whatever
/// enabling works the hall may buy.
pub(super) struct Shortcuts {
    /// Per group: its top (see the module doc), `None` where it has none.
    top: Vec<Option<CoolingOption>>,
    /// Per limit, Σ over groups of the largest |use| of an option it may take: the scale of
    /// the running uses' rounding.
    magnitude: PerLimit,
    /// Every relaxed value and use of an option a group may take is finite: the climb may be
    /// tried.
    climbs: bool,
    /// Every group's exact value is at most its base: the value bound may be used.
    bounded: bool,
    /// The shortcuts are taken at all ([`Effort::Shortcuts`]).
    on: bool,
}

/// How step 2 is played from a start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Improve {
    /// Not at all: the start is set to the plan it would end on.
    Climbed,
    /// In passes, with the gains as stated.
    Play(Gains),
}

/// How many times each shortcut was taken (the tests check they are exercised).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Taken {
    /// Improves climbed without moves.
    pub climbs: usize,
    /// Improves played by group.
    pub by_group: usize,
    /// Plans not valued because their bound could not win.
    pub unvalued: usize,
    /// Starts whose improved plan an earlier start had ended on.
    pub repeats: usize,
    /// Starts whose steps 1–2 the run with works had made as the run with every limit
    /// binding makes them.
    pub recalled: usize,
}

impl Taken {
    /// Every shortcut's count added.
    pub fn total(&self) -> usize {
        self.climbs + self.by_group + self.unvalued + self.repeats + self.recalled
    }
}

/// `*to = to.max(x)` for a `to` that is not NaN, in one comparison: a NaN `x` leaves `to` as
/// `max` does; of equal values it keeps `to` (`max` may return either of −0 and +0, and no
/// figure here depends on which: magnitudes are ≥ +0, and a top's lead over the second
/// compares the same with either zero).
fn raise(to: &mut f64, x: f64) {
    if x > *to {
        *to = x;
    }
}

/// A group's allowed options seen in order with their relaxed values, for its top: the
/// option of greatest relaxed value, when it leads every other by more than rounding can
/// shift (see [`TOP_LEAD`]).
struct Lead {
    /// The first option of greatest value so far.
    first: Option<(CoolingOption, f64)>,
    /// The greatest value of the others.
    second: f64,
    /// The largest |value|.
    largest: f64,
}

impl Lead {
    fn new() -> Lead {
        Lead {
            first: None,
            second: f64::NEG_INFINITY,
            largest: 0.0,
        }
    }

    fn see(&mut self, o: CoolingOption, r: f64) {
        raise(&mut self.largest, r.abs());
        match self.first {
            Some((_, best)) if r <= best => raise(&mut self.second, r),
            _ => {
                if let Some((_, best)) = self.first {
                    raise(&mut self.second, best);
                }
                self.first = Some((o, r));
            }
        }
    }

    fn top(&self) -> Option<CoolingOption> {
        let (top, best) = self.first?;
        (best - self.second > TOP_LEAD * f64::EPSILON * self.largest).then_some(top)
    }
}

impl Shortcuts {
    pub(super) fn new(problem: &HallProblem<'_>, effort: Effort) -> Shortcuts {
        let on = effort == Effort::Shortcuts;
        let mut climbs = on;
        let mut bounded = on
            && [&problem.cdus.to_water, &problem.cdus.to_air]
                .iter()
                .all(|s| s.sizes.iter().all(|(_, c)| *c >= 0.0));
        let mut magnitude = PerLimit::default();
        let mut top = Vec::with_capacity(problem.groups.len());
        for g in problem.groups {
            // over the options the group can be given (its allowed ones, or else the forced
            // one), each relaxed value computed once
            let mut most = PerLimit::default();
            let mut see = |v: &Value, r: f64| {
                climbs &= r.is_finite() && v.uses.iter().all(|u| u.is_finite());
                bounded &= v.cdu_per_w <= 0.0 && v.liquid_w >= 0.0;
                for (m, u) in most.iter_mut().zip(v.uses) {
                    raise(m, u.abs());
                }
            };
            let mut lead = Lead::new();
            for o in g.allowed() {
                let r = g.options[o].relaxed();
                see(&g.options[o], r);
                lead.see(o, r);
            }
            if lead.first.is_none()
                && let Some(o) = g.forced()
            {
                see(&g.options[o], g.options[o].relaxed());
            }
            add(&mut magnitude, &most, 1.0);
            top.push(lead.top());
        }
        // no group is settled where the climb may not be tried
        if !climbs {
            top.clear();
        }
        Shortcuts {
            top,
            magnitude,
            climbs,
            bounded,
            on,
        }
    }

    /// Per group, an option from which it has no gaining move of its own (its top), or none:
    /// what improve by group need not look at.
    pub(super) fn settled(&self) -> &[Option<CoolingOption>] {
        &self.top
    }

    /// Where each group of `choices` ends when it climbs alone, and the largest uses on the
    /// way summed ([`Climb`]), into `climb`; left empty where no climb may be taken (the
    /// shortcuts off, or some relaxed value or use not finite).
    pub(super) fn climb(
        &self,
        problem: &HallProblem<'_>,
        choices: &[Option<CoolingOption>],
        climb: &mut Climb,
    ) {
        let Climb { path, ends } = climb;
        *path = PerLimit::default();
        ends.clear();
        if !(self.on && self.climbs) {
            return;
        }
        for (i, (g, choice)) in problem.groups.iter().zip(choices).enumerate() {
            let Some(from) = *choice else {
                ends.push(None);
                continue;
            };
            let end = match self.top[i] {
                // from an allowed option the top is one move away, and then no move gains
                Some(top) if g.options[from].feasible => {
                    let (a, b) = (&g.options[from].uses, &g.options[top].uses);
                    for (k, p) in path.iter_mut().enumerate() {
                        // the larger use (both finite where the climb is tried; of ±0 either:
                        // a sum from +0 is never −0, so adding either zero leaves its bits)
                        *p += if b[k] > a[k] { b[k] } else { a[k] };
                    }
                    top
                }
                _ => {
                    let (end, largest) = climb_alone(i, g, from);
                    add(path, &largest, 1.0);
                    end
                }
            };
            ends.push(Some(end));
        }
    }

    /// [`Shortcuts::climb`] of `choices`, returned.
    pub(super) fn climbed(
        &self,
        problem: &HallProblem<'_>,
        choices: &[Option<CoolingOption>],
    ) -> Climb {
        let mut climb = Climb {
            path: PerLimit::default(),
            ends: Vec::with_capacity(problem.groups.len()),
        };
        self.climb(problem, choices, &mut climb);
        climb
    }

    /// How to play step 2 from `choices` (within the binding limits), whose climb is `climb`
    /// ([`Shortcuts::climb`] of `choices`): climbed already (`choices` set to its plan) when
    /// the module doc's condition holds; else by group where every move's gain is the
    /// group's own; else ranked.
    pub(super) fn improve(
        &self,
        problem: &HallProblem<'_>,
        choices: &mut [Option<CoolingOption>],
        climb: &Climb,
    ) -> Improve {
        let by_group = Improve::Play(Gains::Own);
        let ranked = Improve::Play(Gains::Shared);
        if !self.on {
            return ranked;
        }
        let no_works = problem.works == NO_WORKS;
        if !self.climbs {
            return if no_works { by_group } else { ranked };
        }
        let path = &climb.path;
        if (0..path.len()).all(|k| self.within(problem, path, k)) {
            choices.copy_from_slice(&climb.ends);
            return Improve::Climbed;
        }
        if no_works {
            return by_group;
        }
        // per limit a work may raise, Σ over groups of the largest use of an option they may
        // reach: their start, or a better one
        let mut reach = PerLimit::default();
        for (g, choice) in problem.groups.iter().zip(choices.iter()) {
            let Some(from) = *choice else { continue };
            let floor = g.options[from].relaxed();
            let mut largest = g.options[from].uses;
            for to in g.allowed().filter(|o| g.options[*o].relaxed() > floor) {
                for (l, u) in largest.iter_mut().zip(g.options[to].uses) {
                    *l = l.max(u);
                }
            }
            add(&mut reach, &largest, 1.0);
        }
        let works_stay =
            (0..reach.len()).all(|k| problem.works[k].is_none() || self.within(problem, &reach, k));
        if works_stay { by_group } else { ranked }
    }

    /// Whether uses summed to at most `most[k]` keep, with the margin, within limit `k` if it
    /// binds, and under it (no enabling work needed) if a work may raise it.
    fn within(&self, problem: &HallProblem<'_>, most: &PerLimit, k: usize) -> bool {
        let roundings = ROUNDINGS_PER_GROUP * problem.groups.len() as f64 * f64::EPSILON;
        let used = most[k] + roundings * self.magnitude[k];
        let capacity = problem.limits.capacity[k];
        match problem.works[k] {
            Some(_) => used <= capacity,
            // the test of `HallProblem::fits`
            None => used <= capacity * (1.0 + 1e-9),
        }
    }

    /// Whether `choices` (using `uses`) provably cannot value more than `value` (see the
    /// module doc).
    pub(super) fn cannot_beat(
        &self,
        problem: &HallProblem<'_>,
        choices: &[Option<CoolingOption>],
        uses: &PerLimit,
        value: f64,
    ) -> bool {
        self.cannot_beat_with(problem, || bases(problem, choices), uses, value)
    }

    /// [`Shortcuts::cannot_beat`] of a plan whose bases summed are `bases()` (called only
    /// where the bound may be used).
    pub(super) fn cannot_beat_with(
        &self,
        problem: &HallProblem<'_>,
        bases: impl FnOnce() -> f64,
        uses: &PerLimit,
        value: f64,
    ) -> bool {
        if !self.bounded {
            return false;
        }
        // the works term as `HallProblem::value_into` adds it
        let works = if problem.works == NO_WORKS {
            0.0
        } else {
            problem.works_value(uses)
        };
        bases() + works <= value
    }
}

/// The bases of `choices`' groups summed in group order, as the exact value sums its groups'
/// values (the value bound without the works, see the module doc).
pub(super) fn bases(problem: &HallProblem<'_>, choices: &[Option<CoolingOption>]) -> f64 {
    problem
        .groups
        .iter()
        .zip(choices)
        .map(|(g, c)| c.map_or(0.0, |o| g.options[o].base))
        .sum()
}

/// Where every group of a plan ends when it climbs alone in step 2, and per limit the largest
/// uses on the way summed over the groups ([`Shortcuts::climb`]); the same whatever enabling
/// works the hall may buy, so both of [`super::solve`]'s runs read one per start.
#[derive(Clone, Debug, Default)]
pub(super) struct Climb {
    path: PerLimit,
    ends: Vec<Option<CoolingOption>>,
}

/// Where group `i` ends when it climbs alone from `from`, improve's passes played for it
/// alone, and the largest use of each limit on its way.
fn climb_alone(i: usize, g: &Candidate, from: CoolingOption) -> (CoolingOption, PerLimit) {
    let relaxed = |o: CoolingOption| g.options[o].relaxed();
    let mut largest = g.options[from].uses;
    let mut at = from;
    for _pass in 0..ROUNDS {
        let mut keys = [0u128; OPTION_COUNT];
        let mut n = 0;
        for to in g.allowed() {
            let gain = relaxed(to) - relaxed(at);
            if gain > 0.0 {
                keys[n] = rank_key(gain, i, to);
                n += 1;
            }
        }
        keys[..n].sort_unstable();
        let mut changed = false;
        for key in &keys[..n] {
            let to = option_of(*key);
            if relaxed(to) - relaxed(at) > 0.0 {
                at = to;
                for (l, u) in largest.iter_mut().zip(g.options[to].uses) {
                    *l = l.max(u);
                }
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    (at, largest)
}

/// Where steps 1–2 ended from a start the run with enabling works repaired.
#[derive(Clone, Debug)]
pub(super) struct Steps {
    pub(super) choices: Vec<Option<CoolingOption>>,
    /// Step 1 met the binding limits (step 2 was played).
    pub(super) within: bool,
}

/// What a run with enabling works leaves for the run with every limit binding (see the
/// module doc): per start it repaired, where steps 1–2 ended, the capacities that bound its
/// repair and the largest use of each limit whose violation the repair computed.
#[derive(Default)]
pub struct Memo {
    repaired: Vec<Option<(Steps, PerLimit, PerLimit)>>,
}

impl Memo {
    /// Keeps where start `start`'s steps 1–2 ended in `problem` (with works), when step 2
    /// climbed or played by group (its moves then are those with every limit binding).
    pub(super) fn record(
        &mut self,
        start: usize,
        problem: &HallProblem<'_>,
        choices: &[Option<CoolingOption>],
        within: bool,
        peak: PerLimit,
    ) {
        if problem.works == NO_WORKS {
            return;
        }
        if self.repaired.len() <= start {
            self.repaired.resize(start + 1, None);
        }
        let steps = Steps {
            choices: choices.to_vec(),
            within,
        };
        self.repaired[start] = Some((steps, problem.binding(), peak));
    }

    /// Where start `start`'s steps 1–2 end in `problem` (every limit binding), when the run
    /// with works made the same moves: every limit bound as it did then, or every use its
    /// repair weighed kept within the limit under both.
    pub(super) fn recall(&self, start: usize, problem: &HallProblem<'_>) -> Option<&Steps> {
        if problem.works != NO_WORKS {
            return None;
        }
        let (steps, bound, peak) = self.repaired.get(start)?.as_ref()?;
        let binding = problem.binding();
        let within = |u: f64, c: f64| u <= c * (1.0 + 1e-9);
        let same = (0..binding.len()).all(|k| {
            bound[k].to_bits() == binding[k].to_bits()
                || (within(peak[k], bound[k]) && within(peak[k], binding[k]))
        });
        same.then_some(steps)
    }
}
