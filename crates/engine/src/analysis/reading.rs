//! What the tornado and the Monte Carlo read of one evaluation of a varied site
//! ([`Reading`]): the site's figures per option, its recommended option and the plan's
//! NPV, payback and choices. Nothing else of the results enters either analysis, so the
//! staged evaluators compute only these (`crate::cost::read`).
//!
//! Owns: the list of figures the analyses read, and taking them from full results
//! ([`Reading::of`]). Never touches: how they are computed.

use crate::per_option::PerOption;
use crate::results::{CoolingOption, OptionResult, Results};
use coolplan_units::Money;

/// The site's figures of one option that the analyses read. An option that does not apply
/// on the site is shown by no analysis: its NPV reads 0 and its payback `None` (the staged
/// evaluators do not price it, `crate::cost::Pricer::price_only`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OptionReading {
    /// The option applies on the site ([`OptionResult::applies`]).
    pub applies: bool,
    pub feasible: bool,
    pub npv_vs_air: Money,
    /// Simple payback, years; `None` when never paid back within the horizon (or air), or
    /// when the option does not apply.
    pub simple_payback_years: Option<f64>,
    pub pue: f64,
}

/// Every figure of an evaluation that the tornado and the Monte Carlo read, each equal to
/// the same figure of `engine::recompute` of the same site.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    /// The site's scope per option.
    pub options: PerOption<OptionReading>,
    /// The site's recommended single option (`None`: nothing feasible).
    pub recommended: Option<CoolingOption>,
    /// The plan's NPV against air and simple payback.
    pub plan_npv: Money,
    pub plan_payback_years: Option<f64>,
    /// The option every group takes in the plan, when all take the same.
    pub plan_uniform: Option<CoolingOption>,
    /// Each group's option in the plan, in `Results::racks` order.
    pub plan_choices: Vec<Option<CoolingOption>>,
}

impl OptionReading {
    pub fn of(option: &OptionResult) -> OptionReading {
        let cost = &option.cost;
        OptionReading::new(
            option.applies,
            option.feasible,
            cost.npv_vs_air,
            cost.simple_payback_years,
            option.energy.pue,
        )
    }
    /// The reading of an option with these figures (NPV 0 and no payback where it does not
    /// apply).
    pub fn new(
        applies: bool,
        feasible: bool,
        npv: Money,
        payback_years: Option<f64>,
        pue: f64,
    ) -> OptionReading {
        OptionReading {
            applies,
            feasible,
            npv_vs_air: if applies {
                npv
            } else {
                Money::new(0.0, npv.currency)
            },
            simple_payback_years: payback_years.filter(|_| applies),
            pue,
        }
    }
}

impl Reading {
    /// The figures the analyses read of full results.
    pub fn of<R>(results: &Results<R>) -> Reading {
        let site = &results.site;
        let totals = &results.plan.totals;
        Reading {
            options: PerOption::from_fn(|o| OptionReading::of(site.option(o))),
            recommended: site.recommendation.option,
            plan_npv: totals.npv_vs_air,
            plan_payback_years: totals.simple_payback_years,
            plan_uniform: results.plan.uniform,
            plan_choices: results.plan.groups.iter().map(|g| g.option).collect(),
        }
    }
}
