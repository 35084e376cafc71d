//! The bridge to the engine and the validator: one call turns the document's site into results
//! and a problem list, timed for the status bar. No engine arithmetic lives here.

use coolplan_words::Say;
use std::path::Path;
use std::time::{Duration, Instant};

use crate::field_marks::{Depth, FieldIndex, FieldProblem};
use coolplan_engine::Overview;
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

    /// The problems at `path` (or below it), worded in `lang`; `None` when the field is fine.
    pub fn field(&self, path: &[Seg], depth: Depth, lang: Lang) -> Option<FieldProblem> {
        self.fields.at(&self.problems, path, depth, lang)
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
        match evaluate(site, base_dir) {
            Ok(results) => analysis.results = Some(results),
            Err(reason) => analysis.failure = Some(reason),
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

/// Resolves the climate and runs the engine.
fn evaluate(site: &Site, base_dir: Option<&Path>) -> Result<Overview, Failure> {
    let climate =
        coolplan_io::climate::resolve(site, base_dir).map_err(|e| Failure::climate(&e))?;
    Ok(coolplan_engine::recompute(site, &climate))
}

/// Full results of `site` (every rack group with its names, reasons and yearly flows), for
/// reports and the phased plan; `base_dir` is the site file's folder (for EPW paths).
pub fn full_results(
    site: &Site,
    base_dir: Option<&Path>,
) -> Result<(coolplan_engine::Results, coolplan_climate::ClimateData), Failure> {
    let climate =
        coolplan_io::climate::resolve(site, base_dir).map_err(|e| Failure::climate(&e))?;
    Ok((coolplan_engine::evaluate(site, &climate), climate))
}

#[cfg(test)]
mod tests {
    use super::*;
    use coolplan_model::ClimateSource;

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
