//! Reasons in words a facility engineer accepts ("air cannot cool 40.8 kW per rack (limit
//! 25 kW)"), through the shared wording of results ([`coolplan_words::results`]).

use coolplan_engine::{CoolingOption, Reason};
use coolplan_units::format::UnitSystem;
use coolplan_words::results as words;
use coolplan_words::{Lang, Text, report::Rep};

/// Reasons about `option` (when known) joined into one line.
pub fn reasons(list: &[Reason], option: Option<CoolingOption>, lang: Lang) -> String {
    let sep = if lang == Lang::Zh { "；" } else { "; " };
    list.iter()
        .map(|r| words::reason(r, option, lang, UnitSystem::Si))
        .collect::<Vec<_>>()
        .join(sep)
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
