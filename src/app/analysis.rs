//! The bridge to the engine and the validator: one call turns the document's site into results
//! and a problem list, timed for the status bar. No engine arithmetic lives here.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::engine::Results;
use crate::model::Site;

/// How serious a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// Where in the site a problem points, so the app can jump there.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Target {
    pub hall: Option<usize>,
    pub rack: Option<usize>,
    /// An assumption field `group.key` (the assumptions editor scrolls to it).
    pub assumption: Option<(String, String)>,
}

/// One problem with the site, with a readable path to the value.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub severity: Severity,
    /// E.g. `hall "B1" › rack "R07" › servers[2]`.
    pub path: String,
    pub message: String,
    pub target: Target,
}

/// What the engine and validator said about the current site.
#[derive(Clone, Debug, Default)]
pub struct Analysis {
    pub results: Option<Results>,
    /// Why there are no results (validation errors, climate not found, engine refused).
    pub failure: Option<String>,
    pub problems: Vec<Problem>,
    /// Wall time of validation plus engine.
    pub elapsed: Duration,
}

impl Analysis {
    pub fn error_count(&self) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count()
    }
}

/// Validates and evaluates `site`; `base_dir` is the site file's folder (for EPW paths).
pub fn analyse(site: &Site, base_dir: Option<&Path>) -> Analysis {
    let started = Instant::now();
    let problems = validate(site);
    let mut analysis = Analysis {
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

/// The io module's validation, as the app's problem list.
fn validate(_site: &Site) -> Vec<Problem> {
    Vec::new()
}

/// The engine's entry point.
fn evaluate(_site: &Site, _base_dir: Option<&Path>) -> Result<Results, String> {
    Err("engine not merged yet".into())
}
