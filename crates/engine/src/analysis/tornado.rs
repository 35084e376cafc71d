//! One-at-a-time sensitivity (tornado): each uncertain input is set to its low and then its
//! high value, all others at base, and the site's NPV against air (and payback) of the focus
//! option ([`super::focus_option`] of the base results) is recorded.
//!
//! Owns: the swing of each input and the ranking (largest |NPV(high) − NPV(low)| first; ties
//! keep file order). Never touches: files, drawing (the GUI and reports draw the bars).

use rayon::prelude::*;

use super::{Evaluator, focus_option};
use crate::results::{CoolingOption, Results};
use coolplan_model::assumptions::AssumptionKey;
use coolplan_model::uncertainty::prepare::{ApplyError, Prepared};
use coolplan_units::Money;

/// The outcome at one end of an input's range.
#[derive(Clone, Debug, PartialEq)]
pub struct End {
    /// The input's value as written, e.g. `CNY_per_kWh(0.6)`.
    pub value: String,
    pub npv: Money,
    pub payback_years: Option<f64>,
    /// The site's recommendation with the input here (shows where the choice flips).
    pub recommended: Option<CoolingOption>,
}

/// One bar of the tornado.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub input: AssumptionKey,
    pub low: End,
    pub high: End,
    /// |NPV(high) − NPV(low)|: the bar's length.
    pub swing: Money,
}

/// The tornado: bars ranked by swing, largest first.
#[derive(Clone, Debug, PartialEq)]
pub struct Tornado {
    pub option: CoolingOption,
    pub base_npv: Money,
    pub base_payback_years: Option<f64>,
    pub bars: Vec<Bar>,
}

fn end<R>(results: &Results<R>, option: CoolingOption, value: String) -> End {
    let cost = &results.site.option(option).cost;
    End {
        value,
        npv: cost.npv_vs_air,
        payback_years: cost.simple_payback_years,
        recommended: results.site.recommendation.option,
    }
}

/// Swings every input of `prepared` over its range around the `base` results.
pub fn tornado<R>(
    prepared: &Prepared,
    base: &Results<R>,
    evaluate: &Evaluator,
) -> Result<Tornado, ApplyError> {
    let option = focus_option(base);
    let currency = base.currency;
    let mut bars = prepared
        .inputs
        .par_iter()
        .enumerate()
        .map(|(i, input)| {
            let at = |value: f64| -> Result<End, ApplyError> {
                let site = prepared.apply(i, value)?;
                Ok(end(&evaluate(&site), option, input.written(value)))
            };
            let (low, high) = (at(input.quantile(0.0))?, at(input.quantile(1.0))?);
            let swing = Money::new((high.npv.amount - low.npv.amount).abs(), currency);
            Ok(Bar {
                input: input.key,
                low,
                high,
                swing,
            })
        })
        .collect::<Result<Vec<Bar>, ApplyError>>()?;
    // stable: equal swings keep file order
    bars.sort_by(|a, b| b.swing.amount.total_cmp(&a.swing.amount));
    let cost = &base.site.option(option).cost;
    Ok(Tornado {
        option,
        base_npv: cost.npv_vs_air,
        base_payback_years: cost.simple_payback_years,
        bars,
    })
}
