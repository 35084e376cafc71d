//! The bridge to the engine and the validator: one call turns the document's site into results,
//! a problem list, the CDU N+1 checks and the indexes the views look results up by, timed for
//! the status bar. It also keeps the climate it resolved, so analyses run later (tornado,
//! Monte Carlo, plan) read no file. No engine arithmetic lives here.

use coolplan_words::Say;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::field_marks::{Depth, FieldIndex, FieldProblem};
use coolplan_climate::ClimateData;
use coolplan_engine::Overview;
use coolplan_engine::analysis::redundancy::{self, HallCheck};
use coolplan_io::Seg;
use coolplan_model::Site;
use coolplan_model::assumptions::AssumptionKey;
use coolplan_words::Lang;

pub use coolplan_io::Severity;

/// Where in the site a problem points, so the app can jump there.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Target {
    pub hall: Option<usize>,
    pub rack: Option<usize>,
    /// An assumption field (the assumptions editor scrolls to it).
    pub assumption: Option<AssumptionKey>,
    /// A catalog model's id (the catalog editor selects it).
    pub model: Option<String>,
}

/// One problem found by the io validator, with where to jump to fix it.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub problem: coolplan_io::Problem,
    pub target: Target,
}

impl Problem {
    pub fn severity(&self) -> Severity {
        self.problem.severity()
    }
}

/// What the engine and validator said about the current site.
#[derive(Clone, Debug, Default)]
pub struct Analysis {
    /// The live recompute (`engine::recompute`): site and halls in full, rack groups compact.
    /// Reports and the phased plan ask the engine for full results when they run.
    pub results: Option<Overview>,
    /// Where each rack group's result is in `results.racks`.
    pub index: RackIndex,
    /// The climate the results are of (analyses run later reuse it instead of reading it).
    pub climate: Option<Arc<ClimateData>>,
    /// The CDU N+1 check of every hall with liquid heat (empty without results).
    pub redundancy: Vec<HallCheck>,
    /// Why there are no results though the site is valid (its climate cannot be read).
    pub failure: Option<Failure>,
    pub problems: Vec<Problem>,
    /// The problems by the field they are about (for marking editors).
    pub fields: FieldIndex,
    /// Wall time of validation plus engine.
    pub elapsed: Duration,
    /// The document revision this analysis is of (it may trail the document while a
    /// background recompute runs).
    pub revision: u64,
}

impl Analysis {
    pub fn error_count(&self) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity() == Severity::Error)
            .count()
    }

    /// The result of the rack group at (hall, rack), if the engine gave one.
    pub fn group(&self, at: (usize, usize)) -> Option<&coolplan_engine::GroupSummary> {
        let results = self.results.as_ref()?;
        self.index.get(at).and_then(|i| results.racks.get(i))
    }

    /// The option of the rack group at (hall, rack) in the recommended plan: `None` without a
    /// result, `Some(None)` when the plan finds no option for it.
    pub fn planned(&self, at: (usize, usize)) -> Option<Option<coolplan_engine::CoolingOption>> {
        self.plan_choice(at).map(|g| g.option)
    }

    /// The recommended plan's choice for the rack group at (hall, rack) and why; `None`
    /// without a result.
    pub fn plan_choice(&self, at: (usize, usize)) -> Option<&coolplan_engine::GroupChoice> {
        let results = self.results.as_ref()?;
        self.index.get(at).and_then(|i| results.plan.groups.get(i))
    }

    /// The enabling work of its hall the rack group at (hall, rack) waits for in the plan
    /// (`docs/method.md` §5.1), if any.
    pub fn waits_for(&self, at: (usize, usize)) -> Option<&coolplan_engine::PlannedWork> {
        let results = self.results.as_ref()?;
        let index = self.index.get(at)?;
        results
            .plan
            .halls
            .get(at.0)?
            .works
            .iter()
            .find(|w| w.waiting.contains(&index))
    }

    /// The problems at `path` (or below it), worded in `lang`; `None` when the field is fine.
    pub fn field(&self, path: &[Seg], depth: Depth, lang: Lang) -> Option<FieldProblem> {
        self.fields.at(&self.problems, path, depth, lang)
    }
}

/// Position of each rack group's result in the results, by hall then rack group.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RackIndex {
    by_hall: Vec<Vec<Option<usize>>>,
}

impl RackIndex {
    /// The index of `results` on `site`.
    pub fn new(site: &Site, results: &Overview) -> Self {
        let mut by_hall: Vec<Vec<Option<usize>>> = site
            .halls
            .iter()
            .map(|h| vec![None; h.racks.len()])
            .collect();
        for (i, group) in results.racks.iter().enumerate() {
            if let Some(slot) = by_hall
                .get_mut(group.hall)
                .and_then(|racks| racks.get_mut(group.rack))
            {
                *slot = Some(i);
            }
        }
        Self { by_hall }
    }
    /// Where the result of the rack group at (hall, rack) is, if it has one.
    pub fn get(&self, (h, r): (usize, usize)) -> Option<usize> {
        self.by_hall.get(h)?.get(r).copied().flatten()
    }
}

/// The full result of one rack group (its reasons per option), evaluated on its own: every
/// feasibility rule of a group is the group's own (air density, floor load, water, server
/// compatibility, its cooling rule), so a site of the group alone in its hall gives the same
/// reasons at a fraction of the cost of the whole site.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupDetail {
    /// The group at (hall, rack) and the analysis revision this is of.
    pub at: (usize, usize),
    pub revision: u64,
    pub result: coolplan_engine::RackResult,
}

impl GroupDetail {
    /// The detail of the group at `at` of `site` on `analysis`'s climate; `None` without
    /// results or when `at` is no group.
    pub fn of(site: &Site, analysis: &Analysis, at: (usize, usize)) -> Option<GroupDetail> {
        let climate = analysis.climate.as_deref()?;
        let hall = site.halls.get(at.0)?;
        let rack = hall.racks.get(at.1)?.clone();
        use crate::edit::CloneProps;
        let mut alone = site.clone_props();
        alone.assumptions = site.assumptions.clone();
        alone.catalog = site.catalog.clone();
        alone.overrides = site.overrides.clone();
        let mut hall = hall.clone_props();
        hall.racks = vec![rack];
        alone.halls.push(hall);
        let result = coolplan_engine::evaluate(&alone, climate).racks.pop()?;
        Some(GroupDetail {
            at,
            revision: analysis.revision,
            result,
        })
    }
}

/// Why the engine could not run, in both languages (the language may change while it shows).
#[derive(Clone, Debug, PartialEq)]
pub struct Failure {
    en: String,
    zh: String,
}

impl Failure {
    fn climate(error: &coolplan_io::climate::ClimateError) -> Failure {
        Failure {
            en: error.say(Lang::En),
            zh: error.say(Lang::Zh),
        }
    }
    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Zh => &self.zh,
        }
    }
}

/// Validates and evaluates `site`; `base_dir` is the site file's folder (for EPW paths).
pub fn analyse(site: &Site, base_dir: Option<&Path>) -> Analysis {
    let started = Instant::now();
    let problems = validate(site);
    let mut analysis = Analysis {
        fields: FieldIndex::new(site, &problems),
        problems,
        ..Analysis::default()
    };
    if analysis.error_count() == 0 {
        match coolplan_io::climate::resolve(site, base_dir) {
            Ok(climate) => {
                let results = coolplan_engine::recompute(site, &climate);
                analysis.index = RackIndex::new(site, &results);
                analysis.redundancy = redundancy::site_checks(site, &results);
                analysis.results = Some(results);
                analysis.climate = Some(Arc::new(climate));
            }
            Err(e) => analysis.failure = Some(Failure::climate(&e)),
        }
    }
    analysis.elapsed = started.elapsed();
    analysis
}

/// The io module's validation, each problem with the hall / rack / assumption it is about.
fn validate(site: &Site) -> Vec<Problem> {
    coolplan_io::validate(site)
        .into_iter()
        .map(|problem| Problem {
            target: target_of(site, &problem.path),
            problem,
        })
        .collect()
}

/// Resolves a validator path (names) to indices in the site.
fn target_of(site: &Site, path: &[Seg]) -> Target {
    let mut target = Target::default();
    for (i, seg) in path.iter().enumerate() {
        match seg {
            Seg::Hall(name) => target.hall = site.halls.iter().position(|h| &h.name == name),
            Seg::Rack(name) => {
                target.rack = target
                    .hall
                    .and_then(|h| site.halls[h].racks.iter().position(|r| &r.name == name))
            }
            Seg::Model(id) if i == 0 => target.model = Some(id.clone()),
            Seg::Item("overrides", k) if i == 0 => {
                target.model = site.overrides.get(*k).map(|patch| patch.id.clone())
            }
            Seg::Assumption(key) => target.assumption = Some(*key),
            _ => {}
        }
    }
    target
}

#[cfg(test)]
mod tests {
    use super::*;
    use coolplan_model::ClimateSource;

    #[test]
    fn an_analysis_indexes_every_group_and_checks_n_plus_one_at_once() {
        let site = crate::sample::small_site();
        let analysis = analyse(&site, None);
        let results = analysis.results.as_ref().expect("results");
        for (h, hall) in site.halls.iter().enumerate() {
            for r in 0..hall.racks.len() {
                let group = analysis.group((h, r)).expect("every group has a result");
                assert_eq!((group.hall, group.rack), (h, r));
            }
        }
        assert_eq!(analysis.group((0, 999)), None);
        assert_eq!(analysis.group((9, 0)), None);
        // ai-hall's liquid heat needs CDUs: one check per hall and liquid option, with the
        // results, no edit needed.
        assert_eq!(analysis.redundancy, redundancy::site_checks(&site, results));
        assert!(!analysis.redundancy.is_empty());
        assert!(analysis.climate.is_some());
    }

    #[test]
    fn a_climate_that_cannot_be_read_is_worded_in_both_languages() {
        let mut site = crate::sample::small_site();
        site.location.climate = ClimateSource::Epw("no-such-weather.epw".into());
        let analysis = analyse(&site, Some(Path::new("/nonexistent-coolplan-dir")));
        assert!(analysis.results.is_none());
        let failure = analysis
            .failure
            .expect("the missing weather file is reported");
        let (en, zh) = (failure.text(Lang::En), failure.text(Lang::Zh));
        assert!(en.contains("no-such-weather.epw"), "{en}");
        assert!(zh.contains("no-such-weather.epw"), "{zh}");
        // the Chinese text is Chinese, not the English one again
        assert_ne!(en, zh);
        assert!(
            zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{zh}"
        );
    }

    #[test]
    fn a_problem_in_the_assumptions_jumps_to_its_field() {
        use coolplan_model::assumptions::finance;
        let mut site = crate::sample::small_site();
        site.assumptions.finance.horizon_years = Some(0);
        let problems = validate(&site);
        let horizon = AssumptionKey::Finance(finance::Key::horizon_years);
        let problem = problems
            .iter()
            .find(|p| p.problem.path == [Seg::Assumption(horizon)])
            .expect("a horizon of 0 years is refused at its field");
        assert_eq!(problem.target.assumption, Some(horizon));
        assert_eq!((problem.target.hall, problem.target.rack), (None, None));
    }
}
