//! Reasons in words a facility engineer accepts ("air cannot cool 40.8 kW per rack (limit
//! 25 kW)"), through the shared wording of results ([`coolplan_words::results`]).
//!
//! A reason is always worded for the option it is about (an immersion floor-load reason
//! speaks of tanks wherever it is quoted), so one figure has one wording.

use coolplan_engine::{CoolingOption, Reason, ScopeResult};
use coolplan_units::format::UnitSystem;
use coolplan_words::results as words;
use coolplan_words::{Lang, Text, report::Rep};

/// Separator between reasons on one line.
pub fn separator(lang: Lang) -> &'static str {
    if lang == Lang::Zh { "；" } else { "; " }
}

/// The option of `scope` a reason is about: the option it makes infeasible or warns about,
/// else `fallback`.
pub fn owner(
    reason: &Reason,
    scope: &ScopeResult,
    fallback: Option<CoolingOption>,
) -> Option<CoolingOption> {
    scope
        .options
        .iter()
        .find(|o| o.infeasible_reasons.contains(reason) || o.warnings.contains(reason))
        .map(|o| o.option)
        .or(fallback)
}

/// Reasons of `scope` joined into one line, each worded for its own option.
pub fn reasons_of(
    list: &[Reason],
    scope: &ScopeResult,
    fallback: Option<CoolingOption>,
    lang: Lang,
) -> String {
    list.iter()
        .map(|r| reason(r, owner(r, scope, fallback), lang))
        .collect::<Vec<_>>()
        .join(separator(lang))
}

/// Reasons about `option` joined into one line.
pub fn reasons(list: &[Reason], option: Option<CoolingOption>, lang: Lang) -> String {
    list.iter()
        .map(|r| reason(r, option, lang))
        .collect::<Vec<_>>()
        .join(separator(lang))
}

/// One reason about `option`.
pub fn reason(reason: &Reason, option: Option<CoolingOption>, lang: Lang) -> String {
    words::reason(reason, option, lang, UnitSystem::Si)
}

/// The option's name, or "no option is feasible".
pub fn choice(option: Option<CoolingOption>, lang: Lang) -> String {
    match option {
        Some(o) => words::option_name(o, lang).to_string(),
        None => Rep::NoneFeasible.tr(lang).to_string(),
    }
}

/// The option's name inside a sentence: lower case in English ("recommends cold plate").
pub fn in_sentence(option: CoolingOption, lang: Lang) -> String {
    words::option_in_sentence(option, lang)
}
