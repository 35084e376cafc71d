//! Solvers of the planning problem.
//!
//! - [`exhaustive`]: every combination of choices (air, or an option in an allowed year, per
//!   group); exact, used when the combinations number at most [`EXACT_LIMIT`].
//! - [`heuristic`]: greedy by NPV per unit of CAPEX, then local search (two starts, see
//!   [`heuristic`]). Groups are taken in
//!   order of their best stand-alone NPV per yuan (CAPEX plus the CDU capacity they use at the
//!   unit price); each takes the choice that raises the plan's NPV most while every year stays
//!   within budget (CDU steps recomputed for the whole hall). Local search then moves one
//!   group at a time (any choice, air included) and, for up to [`PAIR_LIMIT`] groups, two
//!   groups at once, while the NPV rises. Each pass costs O(G·M) plan evaluations of O(G)
//!   each (M choices per group). Compared with [`exhaustive`] in `tests/analysis/phased.rs`.

use super::problem::{Choice, Problem, start};

/// Most combinations [`solve`] enumerates exactly.
pub const EXACT_LIMIT: f64 = 200_000.0;
/// Most groups for which local search also tries moving two groups at once.
pub const PAIR_LIMIT: usize = 24;
/// Groups per hall tried as the first liquid group of their hall.
pub const SEEDS_PER_HALL: usize = 3;
/// An improvement smaller than this (in money) is not one (rounding).
const EPSILON: f64 = 1e-6;

/// How a plan was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Exhaustive,
    Heuristic,
}

/// The best plan: exact when the problem is small, else the heuristic.
pub fn solve(problem: &Problem) -> (Vec<Choice>, Method) {
    let combinations: f64 = (0..problem.groups.len())
        .map(|g| problem.choices(g).len() as f64)
        .product();
    if combinations <= EXACT_LIMIT {
        (exhaustive(problem), Method::Exhaustive)
    } else {
        (heuristic(problem), Method::Heuristic)
    }
}

/// The plan of highest NPV within budget, by trying every combination (ties: the first met,
/// air before conversion and earlier before later).
pub fn exhaustive(problem: &Problem) -> Vec<Choice> {
    let choices: Vec<Vec<Choice>> = (0..problem.groups.len())
        .map(|g| problem.choices(g))
        .collect();
    let mut plan = start(problem);
    let first = problem.outcome(&plan);
    // the first combination counts only within budget (air everywhere always is, unless air
    // cannot cool some group); otherwise any plan within budget beats it
    let floor = if problem.within_budget(&first) {
        first.npv
    } else {
        f64::NEG_INFINITY
    };
    let mut best = (floor, plan.clone());
    let mut digits = vec![0usize; choices.len()];
    // odometer over all combinations
    loop {
        let mut g = 0;
        loop {
            if g == digits.len() {
                return best.1;
            }
            digits[g] += 1;
            if digits[g] < choices[g].len() {
                break;
            }
            digits[g] = 0;
            g += 1;
        }
        for (slot, (d, c)) in plan.iter_mut().zip(digits.iter().zip(&choices)) {
            *slot = c[*d];
        }
        let outcome = problem.outcome(&plan);
        if outcome.npv > best.0 + EPSILON && problem.within_budget(&outcome) {
            best = (outcome.npv, plan.clone());
        }
    }
}

/// NPV of `plan` if within budget.
fn feasible_npv(problem: &Problem, plan: &[Choice]) -> Option<f64> {
    let outcome = problem.outcome(plan);
    problem.within_budget(&outcome).then_some(outcome.npv)
}

/// Groups in order of best stand-alone NPV per yuan of CAPEX, highest first.
pub fn greedy_order(problem: &Problem) -> Vec<(usize, f64)> {
    let mut order: Vec<(usize, f64)> = problem
        .groups
        .iter()
        .enumerate()
        .map(|(g, group)| {
            let hall = &problem.halls[group.hall];
            let ratio = (0..group.options.len())
                .map(|o| {
                    let option = &group.options[o];
                    let cdu_cost = if hall.unit_kw > 0.0 {
                        hall.unit_cost * option.liquid_kw / hall.unit_kw
                    } else {
                        0.0
                    };
                    let value = problem.value(g, o, group.earliest) - cdu_cost;
                    value / (option.capex + cdu_cost).max(1.0)
                })
                .fold(f64::NEG_INFINITY, f64::max);
            (g, ratio)
        })
        .collect();
    order.sort_by(|a, b| b.1.total_cmp(&a.1));
    order
}

/// Greedy by NPV per yuan, then local search, from several starts; the best plan wins.
///
/// Start 1 is the greedy plan with CDU steps priced. Start 2 is the greedy plan with CDUs
/// free, repaired to the budget with CDUs priced. Then, per hall, the greedy plan started
/// with one of the hall's best groups converted ([`seeds`]). Starts 2 and 3 find halls where
/// only several groups together pay for the first CDU step, which one-group moves from
/// all-air cannot reach.
pub fn heuristic(problem: &Problem) -> Vec<Choice> {
    // plans within budget first, then by NPV
    let score = |plan: &[Choice]| {
        let outcome = problem.outcome(plan);
        (problem.within_budget(&outcome), outcome.npv)
    };
    let mut best = improved(problem, greedy(problem, start(problem)));
    let mut consider = |plan: Vec<Choice>| {
        let (fits, npv) = score(&plan);
        let (best_fits, best_npv) = score(&best);
        if (fits && !best_fits) || (fits == best_fits && npv > best_npv + EPSILON) {
            best = plan;
        }
    };
    let mut free_cdus = problem.clone();
    for hall in &mut free_cdus.halls {
        hall.unit_cost = 0.0;
    }
    let repaired = repair(problem, greedy(&free_cdus, start(problem)));
    consider(improved(problem, repaired));
    for seed in seeds(problem) {
        let mut plan = start(problem);
        plan[seed.0] = seed.1;
        if problem.within_budget(&problem.outcome(&plan)) {
            consider(improved(problem, greedy(problem, plan)));
        }
    }
    best
}

/// Per hall, its [`SEEDS_PER_HALL`] groups of best NPV per yuan, each at its first year
/// with its best option: starts that pay a hall's first CDU step up front.
fn seeds(problem: &Problem) -> Vec<(usize, Choice)> {
    let order = greedy_order(problem);
    let mut out = Vec::new();
    for h in 0..problem.halls.len() {
        for (g, _) in order
            .iter()
            .filter(|(g, _)| problem.groups[*g].hall == h && !problem.groups[*g].options.is_empty())
            .take(SEEDS_PER_HALL)
        {
            let group = &problem.groups[*g];
            let option = (0..group.options.len())
                .max_by(|a, b| {
                    let v = |o: &usize| problem.value(*g, *o, group.earliest);
                    v(a).total_cmp(&v(b))
                })
                .unwrap_or(0);
            out.push((
                *g,
                Choice::Convert {
                    option,
                    year: group.earliest,
                },
            ));
        }
    }
    out
}

/// Adds groups to `plan` in order of NPV per yuan, each where it raises the NPV most.
fn greedy(problem: &Problem, mut plan: Vec<Choice>) -> Vec<Choice> {
    let mut current = problem.outcome(&plan).npv;
    for (g, _) in greedy_order(problem) {
        if plan[g] != Choice::Air && problem.groups[g].air_feasible {
            continue;
        }
        if let Some((choice, npv)) = best_move(problem, &mut plan, g, current) {
            plan[g] = choice;
            current = npv;
        }
    }
    plan
}

fn improved(problem: &Problem, mut plan: Vec<Choice>) -> Vec<Choice> {
    let current = problem.outcome(&plan).npv;
    local_search(problem, &mut plan, current);
    plan
}

/// Brings every year within budget: groups of over-spent years, lowest NPV per yuan first,
/// move to the later year that keeps the NPV highest without over-spending it, else to air.
fn repair(problem: &Problem, mut plan: Vec<Choice>) -> Vec<Choice> {
    let order = greedy_order(problem);
    for (g, _) in order.iter().rev() {
        let outcome = problem.outcome(&plan);
        if problem.within_budget(&outcome) {
            break;
        }
        let Choice::Convert { year, option } = plan[*g] else {
            continue;
        };
        if outcome.spend[year] <= problem.budget[year] {
            continue;
        }
        let later = problem.choices(*g).into_iter().filter(
            |c| matches!(c, Choice::Convert { year: y, option: o } if *y > year && *o == option),
        );
        let mut best = (problem.choices(*g)[0], f64::NEG_INFINITY);
        for choice in later {
            plan[*g] = choice;
            let moved = problem.outcome(&plan);
            let fits = |y: usize| {
                moved.spend[y] <= problem.budget[y] || moved.spend[y] <= outcome.spend[y]
            };
            if (0..problem.years()).all(fits) && moved.npv > best.1 {
                best = (choice, moved.npv);
            }
        }
        plan[*g] = best.0;
    }
    if problem.within_budget(&problem.outcome(&plan)) {
        plan
    } else {
        start(problem)
    }
}

/// The choice of group `g` that raises the NPV above `current` most, within budget.
fn best_move(
    problem: &Problem,
    plan: &mut [Choice],
    g: usize,
    current: f64,
) -> Option<(Choice, f64)> {
    let before = plan[g];
    let mut best: Option<(Choice, f64)> = None;
    for choice in problem.choices(g) {
        plan[g] = choice;
        if let Some(npv) = feasible_npv(problem, plan)
            && npv > best.map_or(current, |b| b.1) + EPSILON
        {
            best = Some((choice, npv));
        }
    }
    plan[g] = before;
    best
}

fn local_search(problem: &Problem, plan: &mut [Choice], mut current: f64) {
    let groups = plan.len();
    for _pass in 0..100 {
        let mut improved = false;
        for g in 0..groups {
            if let Some((choice, npv)) = best_move(problem, plan, g, current) {
                plan[g] = choice;
                current = npv;
                improved = true;
            }
        }
        if !improved && groups <= PAIR_LIMIT {
            improved = pair_move(problem, plan, &mut current);
        }
        if !improved {
            return;
        }
    }
}

/// Tries every change of two groups at once; applies the best improving one.
fn pair_move(problem: &Problem, plan: &mut [Choice], current: &mut f64) -> bool {
    let choices: Vec<Vec<Choice>> = (0..plan.len()).map(|g| problem.choices(g)).collect();
    let mut best: Option<(usize, Choice, usize, Choice, f64)> = None;
    for a in 0..plan.len() {
        for b in a + 1..plan.len() {
            let (keep_a, keep_b) = (plan[a], plan[b]);
            for &ca in &choices[a] {
                for &cb in &choices[b] {
                    plan[a] = ca;
                    plan[b] = cb;
                    if let Some(npv) = feasible_npv(problem, plan)
                        && npv > best.map_or(*current, |x| x.4) + EPSILON
                    {
                        best = Some((a, ca, b, cb, npv));
                    }
                }
            }
            plan[a] = keep_a;
            plan[b] = keep_b;
        }
    }
    match best {
        Some((a, ca, b, cb, npv)) => {
            plan[a] = ca;
            plan[b] = cb;
            *current = npv;
            true
        }
        None => false,
    }
}
