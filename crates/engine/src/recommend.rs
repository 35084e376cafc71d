//! The recommendation of one scope: the feasible option with the best NPV against air (air
//! itself has NPV 0), the reasons an engineer checks, and the margin to the runner-up.
//!
//! Owns: choosing among already-valued options. Never touches: costs or thermal arithmetic.
//! Never recommends an infeasible option; when nothing is feasible the option is `None` and
//! the reasons say why each option that applies fails. Ties go to the simpler option (air, then cold plate).

use crate::per_option::PerOption;
use crate::results::{CoolingOption, OptionResult, Reason, Recommendation};

/// Feasible options from best NPV against air to worst; equal NPVs keep the order air,
/// cold plate, immersion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ranking {
    order: [CoolingOption; crate::per_option::OPTION_COUNT],
    len: usize,
}

impl Ranking {
    pub fn options(&self) -> &[CoolingOption] {
        &self.order[..self.len]
    }
    /// The option to recommend; `None` when nothing is feasible.
    pub fn first(&self) -> Option<CoolingOption> {
        self.options().first().copied()
    }
}

/// Ranks options given `(feasible, NPV against air)` per option: the one rule both the full
/// and the compact results use.
pub fn rank(options: &PerOption<(bool, f64)>) -> Ranking {
    let mut order = CoolingOption::ALL;
    let mut len = 0;
    for option in CoolingOption::ALL {
        if options[option].0 {
            order[len] = option;
            len += 1;
        }
    }
    // stable sort: equal NPVs keep the order air, cold plate, immersion
    order[..len].sort_by(|a, b| options[*b].1.total_cmp(&options[*a].1));
    Ranking { order, len }
}

/// Chooses among `options`.
pub fn recommend(options: &PerOption<OptionResult>) -> Recommendation {
    let ranking = rank(
        &options
            .each_ref()
            .map(|o| (o.feasible, o.cost.npv_vs_air.amount)),
    );
    let feasible: Vec<&OptionResult> = ranking.options().iter().map(|o| &options[*o]).collect();
    // why the options shown are out (an option that does not apply is not discussed)
    let excluded = options
        .iter()
        .filter(|o| o.applies && !o.feasible)
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
