//! The plan constrained to comply by a year: when the NPV-best plan misses a binding rule in
//! some plan year from the profile's `comply_by` on, the search looks for the best plan that
//! meets every such rule in every such year, across all halls at once; when it finds none,
//! it keeps the NPV-best plan and says, rule by rule, the best value it reached against the
//! threshold ([`ComplyPlan`]).
//!
//! Owns: the site-level constraint over the halls' choices and its outcome. Never touches:
//! which rules apply (`crate::compliance::bounds`), costs, words.
//!
//! Site rules read site ratios (PUE = E_DC / E_IT, ERF = E_reuse / E_DC, …) of a year, and a
//! ratio's limit is linear in the year's sums: PUE ≤ x ⇔ E_DC − x · E_IT ≤ 0. Each group on
//! each option adds its own share to that excess (its energy in that year, from the KPIs'
//! ledger), so the site's excess is the sum of its groups' ([`ExcessTable`]). The search
//! (`docs/method.md` §15) is a greedy repair from the NPV-best plan, as the hall heuristic's
//! step 1 but over the rules' excess: moves of one group to another feasible option, each
//! keeping its hall within its limits, ranked by how much they reduce the rules' summed
//! excess (each year's as a share of that year's all-air E_DC) per unit of relaxed NPV lost,
//! applied best first while they still reduce it, in rounds until every rule passes or no
//! move helps; then moves that gain NPV and keep every rule and limit. It is a heuristic: a
//! plan it cannot find may exist when hall limits bind.

use super::HallProblem;
use super::repair::violation as limit_excess;
use super::search::add;
use crate::compliance::{Bound, excess, metric_value};
use crate::heat_reuse::HeatReuse;
use crate::kpi::YearSums;
use crate::kpi::ledger::Ledger;
use crate::per_option::OPTION_COUNT;
use crate::results::CoolingOption;
use coolplan_model::compliance::rules::Limit;
use coolplan_units::Money;

/// Rounds of repair and of improvement at most.
const ROUNDS: usize = 32;

/// Whether the plan complies by the profile's year, and what it took.
#[derive(Clone, Debug, PartialEq)]
pub enum ComplyPlan {
    /// The NPV-best plan meets every binding rule in every plan year from `year` on.
    Met { year: u16 },
    /// The NPV-best plan misses; the plan is the best found that complies: `moved` groups
    /// on another option than in the NPV-best plan, `npv_forgone` of NPV given up for it.
    Changed {
        year: u16,
        moved: usize,
        npv_forgone: Money,
    },
    /// No plan found complies; the plan stays the NPV-best one. One entry per rule the most
    /// compliant plan found still misses.
    Unreachable {
        year: u16,
        shortfalls: Vec<Shortfall>,
    },
}

impl ComplyPlan {
    pub fn year(&self) -> u16 {
        match self {
            ComplyPlan::Met { year }
            | ComplyPlan::Changed { year, .. }
            | ComplyPlan::Unreachable { year, .. } => *year,
        }
    }
}

/// A rule no plan found meets by the year.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Shortfall {
    /// Indices into the rule book: `book.sets[set]`, `.rules[rule]`.
    pub set: usize,
    pub rule: usize,
    /// The plan year in which the most compliant plan found misses it most.
    pub year: u16,
    /// The rule's value that year in the most compliant plan found.
    pub best: f64,
    /// The rule's value that year in the NPV-best plan.
    pub planned: f64,
    pub limit: Limit,
}

/// One bound with the cash-flow year it reads and the scale of its excess.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Target {
    pub bound: Bound,
    /// Cash-flow year of `bound.year`.
    pub t: usize,
    /// The site's all-air E_DC that year (Wh), the unit an excess counts in.
    pub scale_wh: f64,
}

/// Each group's excess per option and target (ledger order), and what reads it.
pub struct ExcessTable<'a> {
    pub targets: Vec<Target>,
    /// `per[(g · 3 + option) · targets + k]`.
    per: Vec<f64>,
    ledger: &'a Ledger,
    heat: &'a HeatReuse,
    renewable_share: f64,
}

impl<'a> ExcessTable<'a> {
    /// The table of every group of `ledger` against `bounds` (plan years from `first_year`).
    pub fn new(
        ledger: &'a Ledger,
        heat: &'a HeatReuse,
        bounds: &[Bound],
        first_year: u16,
        renewable_share: f64,
    ) -> Self {
        let targets: Vec<Target> = bounds
            .iter()
            .map(|&bound| {
                let t = usize::from(bound.year.saturating_sub(first_year)) + 1;
                let scale_wh = (0..ledger.groups.len())
                    .map(|g| ledger.group_year(g, CoolingOption::Air, t, heat).total_wh())
                    .sum::<f64>()
                    .max(1.0);
                Target { bound, t, scale_wh }
            })
            .collect();
        let k = targets.len();
        let mut per = vec![0.0; ledger.groups.len() * OPTION_COUNT * k];
        for g in 0..ledger.groups.len() {
            for option in CoolingOption::ALL {
                for (j, target) in targets.iter().enumerate() {
                    let sums = ledger.group_year(g, option, target.t, heat);
                    let b = target.bound;
                    per[(g * OPTION_COUNT + option.index()) * k + j] =
                        excess(b.metric, b.limit, &sums, renewable_share);
                }
            }
        }
        ExcessTable {
            targets,
            per,
            ledger,
            heat,
            renewable_share,
        }
    }
    fn row(&self, g: usize, option: Option<CoolingOption>) -> &[f64] {
        let k = self.targets.len();
        let o = option.unwrap_or(CoolingOption::Air).index();
        &self.per[(g * OPTION_COUNT + o) * k..(g * OPTION_COUNT + o + 1) * k]
    }
    /// How far `excess` (one per target) is from passing: Σ of each failing target's
    /// excess as a share of its scale (a strict limit fails at 0 too).
    fn violation(&self, excess: &[f64]) -> f64 {
        self.targets
            .iter()
            .zip(excess)
            .map(|(t, e)| {
                let strict = matches!(t.bound.limit, Limit::Below(_) | Limit::Above(_));
                let share = e / t.scale_wh;
                if share > 0.0 || (strict && share >= 0.0) {
                    share + 1e-12
                } else {
                    0.0
                }
            })
            .sum()
    }
    /// The site's value of each target's rule under `choices` (ledger order, a group the
    /// plan leaves unplaced counting on air), from the KPIs themselves.
    pub fn values(&self, choices: &[Option<CoolingOption>]) -> Vec<f64> {
        self.targets
            .iter()
            .map(|target| {
                let mut sums = YearSums::default();
                for (g, choice) in choices.iter().enumerate() {
                    let option = choice.unwrap_or(CoolingOption::Air);
                    sums.add(&self.ledger.group_year(g, option, target.t, self.heat));
                }
                let kpis = sums.kpis(0.0, self.renewable_share);
                metric_value(target.bound.metric, &kpis).unwrap_or(0.0)
            })
            .collect()
    }
    /// Whether every target passes under `choices`.
    pub fn passes(&self, choices: &[Option<CoolingOption>]) -> bool {
        self.failing(&self.values(choices)).next().is_none()
    }
    /// Indices of the targets that `values` fail.
    fn failing<'v>(&'v self, values: &'v [f64]) -> impl Iterator<Item = usize> + 'v {
        self.targets
            .iter()
            .zip(values)
            .enumerate()
            .filter(|(_, (t, v))| t.bound.limit.passes(**v) == Some(false))
            .map(|(j, _)| j)
    }
}

/// A move of one group (site index) to another option.
struct Move {
    hall: usize,
    group: usize,
    to: CoolingOption,
    rank: f64,
}

/// The search's state: every hall's choices, uses and the site's excess per target.
struct State<'t, 'p> {
    table: &'t ExcessTable<'t>,
    halls: &'t [HallProblem<'p>],
    /// Site index of each hall's first group.
    offsets: Vec<usize>,
    choices: Vec<Vec<Option<CoolingOption>>>,
    uses: Vec<crate::physical::limits::PerLimit>,
    excess: Vec<f64>,
}

impl State<'_, '_> {
    fn flat(&self) -> Vec<Option<CoolingOption>> {
        self.choices.iter().flatten().copied().collect()
    }
    /// The excess after moving group `i` of hall `h` to `to`.
    fn moved_excess(&self, h: usize, i: usize, to: CoolingOption) -> Vec<f64> {
        let g = self.offsets[h] + i;
        let (from, into) = (
            self.table.row(g, self.choices[h][i]),
            self.table.row(g, Some(to)),
        );
        self.excess
            .iter()
            .zip(from.iter().zip(into))
            .map(|(e, (a, b))| e - a + b)
            .collect()
    }
    /// Hall `h`'s uses after moving its group `i` to `to`, when they keep it within its
    /// limits (or, for a hall already over them, exceed them no further).
    fn moved_uses(
        &self,
        h: usize,
        i: usize,
        to: CoolingOption,
    ) -> Option<crate::physical::limits::PerLimit> {
        let problem = &self.halls[h];
        let group = &problem.groups[i];
        let mut next = self.uses[h];
        if let Some(from) = self.choices[h][i] {
            add(&mut next, &group.options[from].uses, -1.0);
        }
        add(&mut next, &group.options[to].uses, 1.0);
        let capacity = &problem.binding();
        let ok = problem.fits(&next)
            || limit_excess(&next, capacity) <= limit_excess(&self.uses[h], capacity);
        ok.then_some(next)
    }
    fn relaxed(&self, h: usize, i: usize, option: Option<CoolingOption>) -> f64 {
        option.map_or(0.0, |o| self.halls[h].groups[i].options[o].relaxed())
    }
    fn apply(&mut self, m: &Move, excess: Vec<f64>, uses: crate::physical::limits::PerLimit) {
        self.excess = excess;
        self.uses[m.hall] = uses;
        self.choices[m.hall][m.group] = Some(m.to);
    }
    /// Moves of every group to each other feasible option, ranked by `rank` (None: not a
    /// candidate), best first with ties in group and option order.
    fn moves(&self, rank: impl Fn(usize, usize, CoolingOption) -> Option<f64>) -> Vec<Move> {
        let mut moves = Vec::new();
        for (h, problem) in self.halls.iter().enumerate() {
            for (i, group) in problem.groups.iter().enumerate() {
                if self.choices[h][i].is_none() {
                    continue;
                }
                for to in group.allowed().filter(|o| Some(*o) != self.choices[h][i]) {
                    if let Some(rank) = rank(h, i, to) {
                        moves.push(Move {
                            hall: h,
                            group: i,
                            to,
                            rank,
                        });
                    }
                }
            }
        }
        moves.sort_by(|a, b| {
            b.rank
                .total_cmp(&a.rank)
                .then(a.hall.cmp(&b.hall))
                .then(a.group.cmp(&b.group))
                .then(a.to.cmp(&b.to))
        });
        moves
    }
    /// Greedy repair of the rules' excess (see the module doc).
    fn repair(&mut self) {
        for _round in 0..ROUNDS {
            let now = self.table.violation(&self.excess);
            if now == 0.0 {
                return;
            }
            let moves = self.moves(|h, i, to| {
                let relief = now - self.table.violation(&self.moved_excess(h, i, to));
                self.moved_uses(h, i, to)?;
                let loss = self.relaxed(h, i, self.choices[h][i]) - self.relaxed(h, i, Some(to));
                (relief > 0.0).then(|| relief / loss.max(1e-9))
            });
            let mut changed = false;
            for m in &moves {
                let current = self.table.violation(&self.excess);
                if current == 0.0 {
                    break;
                }
                let next = self.moved_excess(m.hall, m.group, m.to);
                if self.table.violation(&next) >= current {
                    continue;
                }
                if let Some(uses) = self.moved_uses(m.hall, m.group, m.to) {
                    self.apply(m, next, uses);
                    changed = true;
                }
            }
            if !changed {
                return;
            }
        }
    }
    /// Moves that gain relaxed NPV and keep every rule and limit, best gain first.
    fn improve(&mut self) {
        for _round in 0..ROUNDS {
            let moves = self.moves(|h, i, to| {
                let gain = self.relaxed(h, i, Some(to)) - self.relaxed(h, i, self.choices[h][i]);
                (gain > 0.0).then_some(gain)
            });
            let mut changed = false;
            for m in &moves {
                let (from, to) = (self.choices[m.hall][m.group], Some(m.to));
                if self.relaxed(m.hall, m.group, to) <= self.relaxed(m.hall, m.group, from) {
                    continue;
                }
                let next = self.moved_excess(m.hall, m.group, m.to);
                if self.table.violation(&next) > 0.0 {
                    continue;
                }
                let Some(uses) = self.moved_uses(m.hall, m.group, m.to) else {
                    continue;
                };
                if self.halls[m.hall].fits(&uses) {
                    self.apply(m, next, uses);
                    changed = true;
                }
            }
            if !changed {
                return;
            }
        }
    }
}

/// Constrains `choices` (each hall's, NPV-best) to comply with `table`'s targets: returns
/// the outcome, with `choices` changed only when a complying plan was found.
pub fn constrain(
    halls: &[HallProblem<'_>],
    choices: &mut [Vec<Option<CoolingOption>>],
    table: &ExcessTable<'_>,
    year: u16,
    currency: coolplan_units::Currency,
) -> ComplyPlan {
    let flat: Vec<Option<CoolingOption>> = choices.iter().flatten().copied().collect();
    if table.passes(&flat) {
        return ComplyPlan::Met { year };
    }
    let mut offsets = Vec::with_capacity(halls.len());
    let mut next = 0;
    for problem in halls {
        offsets.push(next);
        next += problem.groups.len();
    }
    let mut excess = vec![0.0; table.targets.len()];
    for (g, choice) in flat.iter().enumerate() {
        for (e, a) in excess.iter_mut().zip(table.row(g, *choice)) {
            *e += a;
        }
    }
    let mut state = State {
        table,
        halls,
        offsets,
        uses: halls
            .iter()
            .zip(choices.iter())
            .map(|(p, c)| p.uses(c))
            .collect(),
        choices: choices.to_vec(),
        excess,
    };
    state.repair();
    let found = state.flat();
    if table.passes(&found) {
        state.improve();
        let value = |c: &[Vec<Option<CoolingOption>>]| -> f64 {
            halls.iter().zip(c).map(|(p, c)| p.value(c)).sum()
        };
        let forgone = value(choices) - value(&state.choices);
        let moved = flat
            .iter()
            .zip(state.flat())
            .filter(|(a, b)| **a != *b)
            .count();
        choices.clone_from_slice(&state.choices);
        return ComplyPlan::Changed {
            year,
            moved,
            npv_forgone: Money::new(forgone, currency),
        };
    }
    ComplyPlan::Unreachable {
        year,
        shortfalls: shortfalls(table, &flat, &found),
    }
}

/// Per rule the most compliant plan found (`found`) still misses: its worst year (largest
/// shortfall), its value there and the NPV-best plan's (`planned`).
fn shortfalls(
    table: &ExcessTable<'_>,
    planned: &[Option<CoolingOption>],
    found: &[Option<CoolingOption>],
) -> Vec<Shortfall> {
    let (best, plan) = (table.values(found), table.values(planned));
    let mut out: Vec<Shortfall> = Vec::new();
    for j in table.failing(&best) {
        let target = &table.targets[j];
        let b = target.bound;
        let short = -b.limit.margin(best[j]).unwrap_or(0.0);
        let entry = Shortfall {
            set: b.set,
            rule: b.rule,
            year: b.year,
            best: best[j],
            planned: plan[j],
            limit: b.limit,
        };
        match out.iter_mut().find(|s| (s.set, s.rule) == (b.set, b.rule)) {
            Some(s) if -s.limit.margin(s.best).unwrap_or(0.0) < short => *s = entry,
            Some(_) => {}
            None => out.push(entry),
        }
    }
    out
}

#[cfg(test)]
#[path = "comply_tests.rs"]
mod tests;
