//! Why each rack group takes its option in a hall's plan ([`Why`]).
//!
//! - No option suits the group: its installed servers stay on air as today, or its new
//!   servers are unplaced.
//! - One option only: the only feasible one.
//! - Its own best option (relaxed value): the best NPV, with the runner-up and its margin.
//! - Another option: the hall's limit that the preferred option would break, with the value
//!   forgone; or, when no limit is in the way, the hall's whole CDU units.

use super::{Candidate, HallProblem};
use crate::results::{CoolingOption, Limit, Why};
use coolplan_units::{Currency, Money};

/// Reasons of every group of `problem` under `choices`.
pub fn reasons(
    problem: &HallProblem<'_>,
    choices: &[Option<CoolingOption>],
    values: &[f64],
    currency: Currency,
) -> Vec<Why> {
    let used = problem.uses(choices);
    problem
        .groups
        .iter()
        .zip(choices)
        .zip(values)
        .map(|((g, choice), value)| why(problem, g, *choice, *value, &used, currency))
        .collect()
}

fn why(
    problem: &HallProblem<'_>,
    g: &Candidate,
    choice: Option<CoolingOption>,
    value: f64,
    used: &crate::physical::limits::PerLimit,
    currency: Currency,
) -> Why {
    let money = |amount: f64| Money::new(amount, currency);
    let allowed = g.allowed().count();
    let Some(chosen) = choice else {
        return Why::NothingFeasible;
    };
    if allowed == 0 {
        return Why::StaysAsToday;
    }
    if allowed == 1 {
        return Why::OnlyFeasible;
    }
    let preferred = g.best().unwrap_or(chosen);
    let relaxed = |o: CoolingOption| g.options[o].relaxed();
    if preferred == chosen {
        let runner_up = g
            .allowed()
            .filter(|o| *o != chosen)
            .max_by(|a, b| relaxed(*a).total_cmp(&relaxed(*b)).then(b.cmp(a)));
        return Why::BestNpv {
            npv: money(value),
            runner_up: runner_up.map(|o| (o, money(relaxed(chosen) - relaxed(o)))),
        };
    }
    let forgone = money(relaxed(preferred) - relaxed(chosen));
    let mut moved = *used;
    for (k, u) in moved.iter_mut().enumerate() {
        *u += g.options[preferred].uses[k] - g.options[chosen].uses[k];
    }
    let blocked = Limit::ALL.into_iter().find(|l| {
        let k = l.index();
        moved[k] > problem.limits.capacity[k] * (1.0 + 1e-9) && moved[k] > used[k]
    });
    match blocked {
        Some(limit) => Why::HeldByLimit {
            preferred,
            limit,
            forgone,
        },
        None => Why::CduStep { preferred, forgone },
    }
}
