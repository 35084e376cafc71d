//! Problems of a site's `uncertainty` list, and of varying its inputs, worded.

use coolplan_engine::analysis::monte_carlo::McError;
use coolplan_model::uncertainty::prepare::{ApplyError, RangeProblem, UncertaintyError};

use super::Say;
use crate::analysis::An;
use crate::{Lang, Text};

impl Say for UncertaintyError {
    fn say(&self, lang: Lang) -> String {
        match self {
            UncertaintyError::NotNumeric { input, .. } => An::NotNumeric.fmt(lang, &[input]),
            UncertaintyError::Duplicate { input, .. } => An::Duplicate.fmt(lang, &[input]),
            UncertaintyError::BadRange { input, problem, .. } => {
                An::BadRange.fmt(lang, &[input, &problem.say(lang)])
            }
        }
    }
}

impl Say for RangeProblem {
    fn say(&self, lang: Lang) -> String {
        match self {
            RangeProblem::PercentOutside(p) => An::RangePercent.fmt(lang, &[p]),
            RangeProblem::NotFinite(bound) => An::RangeNotFinite.fmt(lang, &[bound]),
            RangeProblem::MixedUnits => An::RangeMixedUnits.tr(lang).to_string(),
            RangeProblem::ModeOutside { low, mode, high } => {
                An::RangeModeOutside.fmt(lang, &[mode, low, high])
            }
            RangeProblem::LowAboveHigh { low, high } => {
                An::RangeLowAboveHigh.fmt(lang, &[low, high])
            }
            RangeProblem::NeedsUnit { tag } => An::RangeNeedsUnit.fmt(lang, &[tag]),
            RangeProblem::NeedsPlainNumber => An::RangeNeedsPlainNumber.tr(lang).to_string(),
            RangeProblem::OtherCurrency { tag, found, site } => {
                An::RangeOtherCurrency.fmt(lang, &[tag, found, site])
            }
            RangeProblem::Unfit { bound, like } => An::RangeUnfit.fmt(lang, &[bound, like]),
        }
    }
}

impl Say for ApplyError {
    fn say(&self, lang: Lang) -> String {
        match self {
            ApplyError::NoSuchInput(index) => An::NoSuchInput.fmt(lang, &[index]),
            ApplyError::Unfit { input, value } => An::DrawnUnfit.fmt(lang, &[input, value]),
        }
    }
}

impl Say for McError {
    fn say(&self, lang: Lang) -> String {
        match self {
            McError::Cancelled => An::Cancelled.tr(lang).to_string(),
            McError::NoSamples => An::NoSamples.tr(lang).to_string(),
            McError::Input(e) => e.say(lang),
        }
    }
}

/// Every problem of a list on one line, separated by "; ".
pub fn joined(problems: &[UncertaintyError], lang: Lang) -> String {
    let texts: Vec<String> = problems.iter().map(|p| p.say(lang)).collect();
    texts.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use coolplan_model::assumptions::{Amount, AssumptionKey, prices};

    #[test]
    fn range_problems_read_in_both_languages() {
        let problem = UncertaintyError::BadRange {
            index: 2,
            input: AssumptionKey::Prices(prices::Key::electricity),
            problem: RangeProblem::LowAboveHigh {
                low: Amount::tagged("CNY_per_kWh", 0.9),
                high: Amount::tagged("CNY_per_kWh", 0.6),
            },
        };
        assert_eq!(
            problem.say(Lang::En),
            "`prices.electricity`: low CNY_per_kWh(0.9) is above high CNY_per_kWh(0.6)"
        );
        assert_eq!(
            problem.say(Lang::Zh),
            "`prices.electricity`：低值 CNY_per_kWh(0.9) 高于高值 CNY_per_kWh(0.6)"
        );
    }
}
