//! Problems by the field they are about, so each editor can mark its own field: an index from
//! a validator path (and every prefix of it) to the problems at or below it.
//!
//! Owns: the index and its look-ups. Never touches: the rules (`coolplan_io::validate`), drawing
//! (the mark itself is [`crate::kit::UiExt::checked`]).

use coolplan_words::Say;
use std::collections::HashMap;

use crate::analysis::{Problem, Severity};
use coolplan_io::Seg;
use coolplan_model::Site;
use coolplan_words::Lang;

/// Most messages a mark words; more are counted.
const MAX_MESSAGES: usize = 4;

/// Which problems a field shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Depth {
    /// Problems at exactly this path.
    Exact,
    /// Problems at this path or anywhere below it (a composite value, e.g. a CDU size).
    Under,
}

/// What an editor shows on an invalid field: the messages and whether any is an error.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldProblem {
    pub message: String,
    pub is_error: bool,
}

impl FieldProblem {
    /// Both problems in one mark (either may be absent).
    pub fn merge(a: Option<Self>, b: Option<Self>) -> Option<Self> {
        match (a, b) {
            (Some(a), Some(b)) => Some(Self {
                message: format!("{}; {}", a.message, b.message),
                is_error: a.is_error || b.is_error,
            }),
            (a, b) => a.or(b),
        }
    }
}

/// Problem indices by path key; each problem is listed under its path and every prefix.
#[derive(Clone, Debug, Default)]
pub struct FieldIndex {
    by_prefix: HashMap<String, Vec<usize>>,
}

/// The key of a path: its segments' debug forms joined (names quoted, so no collisions).
fn key(path: &[Seg]) -> String {
    let mut key = String::new();
    for seg in path {
        key.push_str(&format!("{seg:?}/"));
    }
    key
}

/// The path as the editors name it: an `overrides[i]` entry is edited as its model.
fn as_edited(site: &Site, path: &[Seg]) -> Vec<Seg> {
    match path.first() {
        Some(Seg::Item("overrides", i)) => match site.overrides.get(*i) {
            Some(patch) => std::iter::once(Seg::Model(patch.id.clone()))
                .chain(path[1..].iter().cloned())
                .collect(),
            None => path.to_vec(),
        },
        _ => path.to_vec(),
    }
}

impl FieldIndex {
    /// Indexes `problems` of `site`.
    pub fn new(site: &Site, problems: &[Problem]) -> Self {
        let mut by_prefix: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, problem) in problems.iter().enumerate() {
            let path = as_edited(site, &problem.problem.path);
            for end in 1..=path.len() {
                by_prefix.entry(key(&path[..end])).or_default().push(i);
            }
        }
        Self { by_prefix }
    }

    /// The problems at `path` (or below it), worded in `lang`; `None` when the field is fine.
    pub fn at(
        &self,
        problems: &[Problem],
        path: &[Seg],
        depth: Depth,
        lang: Lang,
    ) -> Option<FieldProblem> {
        let found: Vec<&Problem> = self
            .by_prefix
            .get(&key(path))?
            .iter()
            .filter_map(|&i| problems.get(i))
            .filter(|p| depth == Depth::Under || p.problem.path.len() == path.len())
            .collect();
        if found.is_empty() {
            return None;
        }
        // A hall of thousands of flawed racks: the first few say enough.
        let mut messages: Vec<String> = found
            .iter()
            .take(MAX_MESSAGES)
            .map(|p| {
                // A problem deeper than the field names where it is.
                if p.problem.path.len() > path.len() {
                    p.problem.say(lang)
                } else {
                    p.problem.kind.say(lang)
                }
            })
            .collect();
        if found.len() > MAX_MESSAGES {
            messages.push(format!("(+{})", found.len() - MAX_MESSAGES));
        }
        Some(FieldProblem {
            message: messages.join("; "),
            is_error: found.iter().any(|p| p.severity() == Severity::Error),
        })
    }
}

/// `base` followed by `more`.
pub fn join(base: &[Seg], more: &[Seg]) -> Vec<Seg> {
    base.iter().chain(more).cloned().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyse;
    use crate::sample::small_site;

    #[test]
    fn a_problem_marks_its_field_exactly_and_its_hall_from_above() {
        let mut site = small_site();
        site.halls[0].racks[1].count = 0;
        let (hall, rack) = (
            site.halls[0].name.clone(),
            site.halls[0].racks[1].name.clone(),
        );
        let analysis = analyse(&site, None);
        let count = [
            Seg::Hall(hall.clone()),
            Seg::Rack(rack.clone()),
            Seg::Field("count"),
        ];
        let mark = analysis.field(&count, Depth::Exact, Lang::En).unwrap();
        assert_eq!(mark.message, "the value 0 must be greater than zero");
        assert!(mark.is_error);
        // The rack group itself has no problem of its own, but one below it.
        let at_rack = [Seg::Hall(hall.clone()), Seg::Rack(rack.clone())];
        assert_eq!(analysis.field(&at_rack, Depth::Exact, Lang::En), None);
        let below = analysis.field(&at_rack, Depth::Under, Lang::En).unwrap();
        assert!(below.message.contains(&format!("rack \"{rack}\" › count")));
        // Another rack group of the hall is fine.
        let other = [
            Seg::Hall(hall),
            Seg::Rack(site.halls[0].racks[0].name.clone()),
            Seg::Field("count"),
        ];
        assert_eq!(analysis.field(&other, Depth::Exact, Lang::En), None);
    }

    #[test]
    fn an_override_is_marked_on_its_model() {
        let mut site = small_site();
        let id = site.catalog().models()[0].id.clone();
        site.overrides.push(coolplan_model::catalog::ModelOverride {
            id: id.clone(),
            utilisation: Some(1.7),
            ..Default::default()
        });
        let analysis = analyse(&site, None);
        let at = [Seg::Model(id), Seg::Field("utilisation")];
        let mark = analysis.field(&at, Depth::Exact, Lang::En).expect("a mark");
        assert!(mark.message.contains("1.7"), "{}", mark.message);
    }
}
