//! Problems of a site's `uncertainty` list worded.

use coolplan_model::uncertainty::prepare::UncertaintyError;

use super::Say;
use crate::analysis::An;
use crate::{Lang, Text};

impl Say for UncertaintyError {
    fn say(&self, lang: Lang) -> String {
        match self {
            UncertaintyError::UnknownInput { input, .. } => An::UnknownInput.fmt(lang, &[input]),
            UncertaintyError::NotNumeric { input, .. } => An::NotNumeric.fmt(lang, &[input]),
            UncertaintyError::Duplicate { input, .. } => An::Duplicate.fmt(lang, &[input]),
            UncertaintyError::BadRange { input, problem, .. } => {
                An::BadRange.fmt(lang, &[input, problem])
            }
        }
    }
}

/// Every problem of a list on one line, separated by "; ".
pub fn joined(problems: &[UncertaintyError], lang: Lang) -> String {
    let texts: Vec<String> = problems.iter().map(|p| p.say(lang)).collect();
    texts.join("; ")
}
