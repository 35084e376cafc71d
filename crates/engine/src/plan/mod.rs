//! The plan: an option per rack group that maximises a hall's NPV against today's state (every
//! group on air) within the hall's shared limits. Halls share nothing, so the site's plan is
//! the union of its halls'.
//!
//! Owns: the problem of one hall ([`Candidate`], [`HallProblem`]), its value with CDU units
//! counted exactly ([`HallProblem::value`]), the searches ([`search`], [`heuristic`](mod@heuristic) with its
//! step 2 and the [`shortcut`]s that skip work without changing its plan) and each group's
//! reason ([`why`]). Never touches: costs or physics (the cost engine hands in each group's values),
//! words, files.
//!
//! Model (`docs/method.md` §12). Group g on option o is worth
//! `v(g, o) = base(g, o) + b(g, o) · s(g, o)`: `base` is its NPV against air without CDUs, plus
//! the added air capacity the all-air reference buys for it and the plan, within the air
//! limit, does not; `s` is the CDU capacity attributed to the group's whole conversion and
//! `b ≤ 0` the NPV of one watt of it (CDU price, contingency, maintenance, discounting and the
//! retrofit share). In the plan, the CDUs of option o in a hall are designed for exactly the
//! groups on o ([`crate::cdu`]), installed capacity I, so `s = I · L_g / Σ s_h L_h` (L the
//! whole-conversion liquid heat, s_h the retrofit share). A relaxation prices CDUs per watt of
//! liquid heat (`s = L_g`, no spare unit, no rounding); it never values a plan below its exact
//! value, so it bounds the exhaustive search. Uses of the limits are the groups' reported
//! figures summed.
//!
//! Enabling works (`docs/method.md` §5.1): a limit an enabling work may raise (air cooling by
//! an air-plant addition, electrical by an electrical upgrade, unless the hall forbids it)
//! does not bind; a plan that exceeds it pays the work sized on the **hall's** excess,
//! `w_k · max(0, U_k − C_k)` with `w_k ≤ 0` the NPV of one W of the work
//! ([`HallProblem::works`]). The charge is a hall term of the exact value, so it is shared
//! exactly by the groups that cause it; the relaxed value leaves it out (it is ≤ 0), which
//! keeps the relaxation an upper bound.

pub mod comply;
pub mod heuristic;
pub mod improve;
pub mod repair;
pub mod search;
pub mod shortcut;
pub mod why;

use crate::cdu::{self, CduChoices, CduDesign, CduLoad};
use crate::per_option::OPTION_COUNT;
use crate::per_option::PerOption;
use crate::physical::limits::{HallLimits, PerLimit};
use crate::results::CoolingOption;

pub use heuristic::heuristic;
pub use search::{EXHAUSTIVE_LIMIT, Solution, exhaustive, solve, solve_given};

/// One option of one rack group as the plan sees it.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Value {
    /// Feasible for the group alone (rack rules).
    pub feasible: bool,
    /// NPV against air without CDUs, plus the avoided added air capacity (see module doc).
    pub base: f64,
    /// NPV per W of CDU capacity attributed to the whole conversion (≤ 0).
    pub cdu_per_w: f64,
    /// Liquid design heat of the whole conversion, W.
    pub liquid_w: f64,
    /// What the group uses of each hall limit on this option (retrofit share applied).
    pub uses: PerLimit,
}

impl Value {
    /// The relaxed value: CDUs priced per W of liquid heat, exactly as much as needed.
    pub fn relaxed(&self) -> f64 {
        self.base + self.cdu_per_w * self.liquid_w
    }
}

/// What a group does when no option suits it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fallback {
    /// Its installed servers stay on air as today.
    StayOnAir,
    /// New servers: the plan cannot place the group.
    Unplaced,
}

impl Fallback {
    /// A group that holds installed servers stays on air; one of new servers only is unplaced.
    pub fn of(has_stock: bool) -> Fallback {
        if has_stock {
            Fallback::StayOnAir
        } else {
            Fallback::Unplaced
        }
    }
}

/// One rack group of a hall.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// Racks converted (whole racks) and the liquid heat of each, for the CDU assignment.
    pub racks: u64,
    pub heat_per_rack_w: PerOption<f64>,
    /// Share of the group converted.
    pub share: f64,
    pub fallback: Fallback,
    pub options: PerOption<Value>,
}

impl Candidate {
    /// The options the group may take.
    pub fn allowed(&self) -> impl Iterator<Item = CoolingOption> + Clone + '_ {
        CoolingOption::ALL
            .into_iter()
            .filter(|o| self.options[*o].feasible)
    }
    /// What the plan gives the group when it may take nothing.
    pub fn forced(&self) -> Option<CoolingOption> {
        match self.fallback {
            Fallback::StayOnAir => Some(CoolingOption::Air),
            Fallback::Unplaced => None,
        }
    }
    /// The allowed option of best relaxed value (ties: the simpler option, in
    /// [`CoolingOption::ALL`] order), or the forced choice.
    pub fn best(&self) -> Option<CoolingOption> {
        // each option's relaxed value computed once, the best's kept with it
        let mut best: Option<(CoolingOption, f64)> = None;
        for o in self.allowed() {
            let r = self.options[o].relaxed();
            if best.is_none_or(|(_, b)| r > b) {
                best = Some((o, r));
            }
        }
        best.map(|(o, _)| o).or(self.forced())
    }
}

/// Per limit, the NPV of one W of the enabling work that raises it (≤ 0), in
/// [`crate::results::Limit::ALL`] order; `None`: no work may raise it, the limit binds.
pub type Works = [Option<f64>; crate::results::Limit::ALL.len()];

/// No enabling work: every limit binds.
pub const NO_WORKS: Works = [None; crate::results::Limit::ALL.len()];

/// One hall's plan problem.
#[derive(Clone, Copy)]
pub struct HallProblem<'a> {
    pub groups: &'a [Candidate],
    pub limits: &'a HallLimits,
    /// The CDU sizes and spares of each option.
    pub cdus: &'a CduChoices,
    /// The enabling works that may raise the hall's limits (see the module doc).
    pub works: Works,
}

impl HallProblem<'_> {
    /// The capacities that bind: the hall's, unbounded where an enabling work may raise one.
    pub fn binding(&self) -> PerLimit {
        std::array::from_fn(|k| {
            if self.works[k].is_some() {
                f64::INFINITY
            } else {
                self.limits.capacity[k]
            }
        })
    }

    /// Whether `used` keeps within every limit no enabling work may raise.
    pub fn fits(&self, used: &PerLimit) -> bool {
        used.iter()
            .zip(self.binding())
            .all(|(u, c)| *u <= c * (1.0 + 1e-9))
    }

    /// Per limit, the excess of `used` over the hall's capacity an enabling work covers (W or
    /// m²; 0 where none is needed or none may be built).
    pub fn excess(&self, used: &PerLimit) -> PerLimit {
        std::array::from_fn(|k| match self.works[k] {
            Some(_) => (used[k] - self.limits.capacity[k]).max(0.0),
            None => 0.0,
        })
    }

    /// The NPV of the enabling works `used` needs (≤ 0).
    pub fn works_value(&self, used: &PerLimit) -> f64 {
        self.excess(used)
            .iter()
            .zip(&self.works)
            .map(|(x, w)| w.map_or(0.0, |w| w * x))
            .sum()
    }

    /// Uses of every limit by `choices`.
    pub fn uses(&self, choices: &[Option<CoolingOption>]) -> PerLimit {
        let mut used = PerLimit::default();
        for (g, choice) in self.groups.iter().zip(choices) {
            if let Some(o) = choice {
                for (u, x) in used.iter_mut().zip(g.options[*o].uses) {
                    *u += x;
                }
            }
        }
        used
    }

    /// [`HallProblem::uses`] of every group on one option, for each option, in one walk over
    /// the groups (each option's uses summed in group order, as `uses` sums them).
    pub fn uses_all_on(&self) -> PerOption<PerLimit> {
        let mut used = PerOption::<PerLimit>::default();
        for g in self.groups {
            for (u, v) in used.iter_mut().zip(g.options.iter()) {
                for (a, x) in u.iter_mut().zip(v.uses) {
                    *a += x;
                }
            }
        }
        used
    }

    fn loads<'a>(
        &'a self,
        choices: &'a [Option<CoolingOption>],
        option: CoolingOption,
    ) -> impl Iterator<Item = CduLoad> + Clone + 'a {
        self.groups
            .iter()
            .zip(choices)
            .enumerate()
            .filter(move |(_, (_, c))| **c == Some(option))
            .map(move |(i, (g, _))| CduLoad {
                group: i,
                racks: g.racks,
                heat_per_rack_w: g.heat_per_rack_w[option],
            })
    }

    /// The CDU design of `option` for the groups `choices` put on it (`None` without liquid).
    pub fn cdu_design(
        &self,
        choices: &[Option<CoolingOption>],
        option: CoolingOption,
    ) -> Option<CduDesign> {
        let loads = self.loads(choices, option);
        if option == CoolingOption::Air || loads.clone().next().is_none() {
            return None;
        }
        let sizing = self.cdus.of(option);
        cdu::design(&sizing.sizes, sizing.redundancy, loads)
    }

    /// Installed CDU capacity (W) of each option under `choices`, and whether every rack
    /// found a unit.
    pub fn installed_w(&self, choices: &[Option<CoolingOption>]) -> (PerOption<f64>, bool) {
        let mut all_assigned = true;
        let installed = PerOption::from_fn(|option| {
            if option == CoolingOption::Air {
                return 0.0;
            }
            let loads = self.loads(choices, option);
            if loads.clone().next().is_none() {
                return 0.0;
            }
            let sizing = self.cdus.of(option);
            let (i, counted) = cdu::choose_size(&sizing.sizes, sizing.redundancy, loads);
            all_assigned &= counted.unassigned_racks == 0;
            let capacity_w = sizing.sizes.get(i).map_or(0.0, |(_, c)| *c);
            counted
                .loaded_units
                .saturating_add(u64::from(sizing.redundancy)) as f64
                * capacity_w
        });
        (installed, all_assigned)
    }

    /// Each group's value under `choices` with CDUs counted exactly (0 for unplaced groups),
    /// into `out`; returns [`HallProblem::installed_w`] of `choices` (installed capacity per
    /// option, and whether every rack found a unit).
    pub fn group_values(
        &self,
        choices: &[Option<CoolingOption>],
        out: &mut Vec<f64>,
    ) -> (PerOption<f64>, bool) {
        let (installed, all_assigned) = self.installed_w(choices);
        // each option's liquid heat summed over its groups in file order (as `Iterator::sum`)
        let mut liquid = PerOption([-0.0; OPTION_COUNT]);
        for (g, c) in self.groups.iter().zip(choices) {
            if let Some(o) = c {
                liquid[*o] += g.share * g.options[*o].liquid_w;
            }
        }
        out.clear();
        out.extend(self.groups.iter().zip(choices).map(|(g, c)| match c {
            Some(o) => {
                let v = &g.options[*o];
                let share_w = if liquid[*o] > 0.0 {
                    installed[*o] * v.liquid_w / liquid[*o]
                } else {
                    0.0
                };
                v.base + v.cdu_per_w * share_w
            }
            None => 0.0,
        }));
        (installed, all_assigned)
    }

    /// The hall's value under `choices` with CDUs counted exactly and its enabling works
    /// charged; −∞ when some rack fits no CDU. `values` is scratch.
    pub fn value_into(&self, choices: &[Option<CoolingOption>], values: &mut Vec<f64>) -> f64 {
        if self.group_values(choices, values).1 {
            let works = if self.works == NO_WORKS {
                0.0
            } else {
                self.works_value(&self.uses(choices))
            };
            values.iter().sum::<f64>() + works
        } else {
            f64::NEG_INFINITY
        }
    }

    /// [`HallProblem::value_into`] with its own scratch.
    pub fn value(&self, choices: &[Option<CoolingOption>]) -> f64 {
        self.value_into(choices, &mut Vec::with_capacity(self.groups.len()))
    }
}

/// Whether plans `a` and `b` are equal (as `==`), their choices compared a block at a time
/// without a branch per choice (a block's comparisons are done together).
fn same_plan(a: &[Option<CoolingOption>], b: &[Option<CoolingOption>]) -> bool {
    const BLOCK: usize = 32;
    a.len() == b.len()
        && a.chunks(BLOCK)
            .zip(b.chunks(BLOCK))
            .all(|(x, y)| x.iter().zip(y).fold(true, |same, (p, q)| same & (p == q)))
}

#[cfg(test)]
mod plain_tests;
#[cfg(test)]
mod shortcut_tests;
#[cfg(test)]
mod tests;
