//! The recommendation of one scope: the feasible option with the best NPV against air (air
//! itself has NPV 0), the reasons an engineer checks, and the margin to the runner-up.
//!
//! Owns: choosing among already-valued options. Never touches: costs or thermal arithmetic.
//! Never recommends an infeasible option; when nothing is feasible the option is `None` and
//! the reasons say why each option fails. Ties go to the simpler option (air, then cold plate).

use crate::engine::results::{CoolingOption, OptionResult, Reason, Recommendation};

/// Chooses among `options` (indexed by [`CoolingOption::index`]).
pub fn recommend(options: &[OptionResult; 3]) -> Recommendation {
    let mut feasible: Vec<&OptionResult> = options.iter().filter(|o| o.feasible).collect();
    // stable sort: equal NPVs keep the order air, cold plate, immersion
    feasible.sort_by(|a, b| {
        b.cost
            .npv_vs_air
            .amount
            .total_cmp(&a.cost.npv_vs_air.amount)
    });
    let excluded = options
        .iter()
        .filter(|o| !o.feasible)
        .flat_map(|o| o.infeasible_reasons.iter().cloned());

    let Some(best) = feasible.first() else {
        return Recommendation {
            option: None,
            reasons: dedup(excluded.collect()),
            runner_up: None,
            margin: None,
        };
    };
    let runner_up = feasible.get(1);
    let margin = runner_up.map(|r| best.cost.npv_vs_air - r.cost.npv_vs_air);
    let mut reasons = Vec::new();
    if feasible.len() == 1 {
        reasons.push(Reason::OnlyFeasible);
    } else if best.option == CoolingOption::Air {
        reasons.push(Reason::AirCheapest);
    }
    if best.option != CoolingOption::Air || feasible.len() > 1 {
        reasons.push(Reason::BestNpv {
            npv: best.cost.npv_vs_air,
            runner_up: runner_up.map(|r| r.option),
            margin,
        });
    }
    if best.option != CoolingOption::Air
        && let Some(years) = best.cost.simple_payback_years
    {
        reasons.push(Reason::Payback { years });
    }
    reasons.extend(excluded);
    Recommendation {
        option: Some(best.option),
        reasons: dedup(reasons),
        runner_up: runner_up.map(|r| r.option),
        margin,
    }
}

/// Removes repeated reasons, keeping the first of each.
fn dedup(reasons: Vec<Reason>) -> Vec<Reason> {
    let mut out: Vec<Reason> = Vec::with_capacity(reasons.len());
    for reason in reasons {
        if !out.contains(&reason) {
            out.push(reason);
        }
    }
    out
}
