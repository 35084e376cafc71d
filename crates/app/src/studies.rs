//! Analyses of the open site run on request, kept in app state: the tornado, the Monte Carlo
//! run (its thread, progress and outcome) and the phased plan under a yearly budget. Commands
//! start them ([`crate::command`]); the Analysis view only reads them. Each runs on the climate
//! of the latest [`Analysis`], so none reads a file.
//!
//! Owns: the studies' inputs (sample count, budget), their outcomes stamped with the analysis
//! revision they are of, and the Monte Carlo thread. Never touches: the analyses' arithmetic
//! (`engine::analysis`), drawing, wording beyond [`StudyError::text`].

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};

use crate::analysis::Analysis;
use coolplan_climate::ClimateData;
use coolplan_engine::Overview;
use coolplan_engine::analysis::monte_carlo::{self, Config, McError, MonteCarlo};
use coolplan_engine::analysis::phased::{self, Plan};
use coolplan_engine::analysis::tornado::{self, Tornado};
use coolplan_engine::analysis::{evaluator, sampler};
use coolplan_model::Site;
use coolplan_model::uncertainty::prepare::{ApplyError, Prepared, UncertaintyError};
use coolplan_units::Money;
use coolplan_words::gui::Gui;
use coolplan_words::{Lang, Say, Text};

/// Samples of a Monte Carlo run unless the user asks for another number.
pub const DEFAULT_SAMPLES: usize = 10_000;
/// Fewest and most samples a run may ask for.
pub const SAMPLE_RANGE: std::ops::RangeInclusive<usize> = 10..=1_000_000;

/// A study's outcome and the analysis revision it is of.
#[derive(Clone, Debug, PartialEq)]
pub struct Stamped<T> {
    pub revision: u64,
    pub value: T,
}

/// Why a study gave no result.
#[derive(Clone, Debug, PartialEq)]
pub enum StudyError {
    /// The site has no results (problems to fix, or a climate that cannot be read).
    NoResults,
    /// The site's `uncertainty` list has problems.
    Ranges(Vec<UncertaintyError>),
    /// A value could not be set on the site.
    Input(ApplyError),
    /// A Monte Carlo asked for no samples.
    NoSamples,
    /// The Monte Carlo thread ended without sending an outcome.
    RunLost,
}

impl StudyError {
    /// The reason in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            StudyError::NoResults => Gui::AnNoResults.tr(lang).to_string(),
            StudyError::Ranges(problems) => {
                coolplan_words::say::uncertainty::joined(problems, lang)
            }
            StudyError::Input(reason) => reason.say(lang),
            StudyError::NoSamples => McError::NoSamples.say(lang),
            StudyError::RunLost => Gui::AnRunLost.tr(lang).to_string(),
        }
    }
}

/// Every study of the open site.
#[derive(Default)]
pub struct Studies {
    /// The last tornado.
    pub tornado: Option<Stamped<Result<Tornado, StudyError>>>,
    pub monte_carlo: MonteCarloStudy,
    pub plan: PlanStudy,
}

impl Studies {
    /// Computes the tornado of `site` around `analysis` (which must be of `site`).
    pub fn compute_tornado(&mut self, site: &Site, analysis: &Analysis) {
        let value = with_results(analysis).and_then(|(results, climate)| {
            let (prepared, defaults) =
                Prepared::for_sensitivity(site).map_err(StudyError::Ranges)?;
            tornado::tornado(&prepared, defaults, results, &evaluator(&prepared, climate))
                .map_err(StudyError::Input)
        });
        self.tornado = Some(Stamped {
            revision: analysis.revision,
            value,
        });
    }

    /// The tornado when it is of `revision`.
    pub fn tornado_of(&self, revision: u64) -> Option<&Result<Tornado, StudyError>> {
        self.tornado
            .as_ref()
            .filter(|t| t.revision == revision)
            .map(|t| &t.value)
    }

    /// Makes the phased plan of `site` under the study's budget.
    pub fn make_plan(&mut self, site: &Site, analysis: &Analysis) {
        let value = with_results(analysis).map(|(results, climate)| {
            let budget = self.plan.budget_for(results);
            // the plan prices each group's yearly flows: the engine's full results
            let full = coolplan_engine::evaluate(site, climate);
            let years = full.horizon_years as usize;
            phased::plan(site, &full, budget, years)
        });
        self.plan.plan = Some(Stamped {
            revision: analysis.revision,
            value,
        });
    }

    /// Forgets every outcome (another document is open); a running Monte Carlo is cancelled.
    pub fn reset(&mut self) {
        self.monte_carlo.cancel();
        let samples = self.monte_carlo.samples;
        *self = Studies::default();
        self.monte_carlo.samples = samples;
    }
}

/// The results and climate of `analysis`, or why there are none.
fn with_results(analysis: &Analysis) -> Result<(&Overview, &ClimateData), StudyError> {
    match (&analysis.results, &analysis.climate) {
        (Some(results), Some(climate)) => Ok((results, climate)),
        _ => Err(StudyError::NoResults),
    }
}

/// The phased plan: its yearly budget and the last plan.
#[derive(Clone, Debug, Default)]
pub struct PlanStudy {
    /// Yearly CAPEX budget; `None` until the user sets one (then [`starting_budget`]).
    pub budget: Option<Money>,
    pub plan: Option<Stamped<Result<Plan, StudyError>>>,
}

impl PlanStudy {
    /// The budget the plan uses with `results`: the one set, or the starting budget.
    pub fn budget_for(&self, results: &Overview) -> Money {
        self.budget
            .filter(|b| b.currency == results.currency)
            .unwrap_or_else(|| starting_budget(results))
    }
    /// The plan, or why there is none, when it is of `revision`.
    pub fn of(&self, revision: u64) -> Option<&Result<Plan, StudyError>> {
        self.plan
            .as_ref()
            .filter(|p| p.revision == revision)
            .map(|p| &p.value)
    }
    /// The plan when there is one of `revision`.
    pub fn current(&self, revision: u64) -> Option<&Plan> {
        self.of(revision).and_then(|p| p.as_ref().ok())
    }
}

/// The budget a plan starts with: the recommended plan's CAPEX spread over three years,
/// rounded up to 100,000 (0 when the plan costs nothing).
pub fn starting_budget(results: &Overview) -> Money {
    let capex = results.plan.totals.capex.amount.max(0.0);
    Money::new(
        (capex / 3.0 / 100_000.0).ceil() * 100_000.0,
        results.currency,
    )
}

/// How a Monte Carlo run ended.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Done(Box<MonteCarlo>),
    Cancelled,
    Failed(StudyError),
}

/// A run on its own thread.
struct Running {
    samples: usize,
    done: Arc<AtomicUsize>,
    cancel: Arc<AtomicBool>,
    result: mpsc::Receiver<Outcome>,
}

/// The Monte Carlo study: sample count, the running run, the last outcome.
pub struct MonteCarloStudy {
    pub samples: usize,
    running: Option<Running>,
    /// The last finished run's outcome and the analysis revision it started from.
    pub outcome: Option<Stamped<Outcome>>,
    started_at: u64,
}

impl Default for MonteCarloStudy {
    fn default() -> Self {
        Self {
            samples: DEFAULT_SAMPLES,
            running: None,
            outcome: None,
            started_at: 0,
        }
    }
}

impl MonteCarloStudy {
    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }

    /// Samples done and asked for, while a run is on.
    pub fn progress(&self) -> Option<(usize, usize)> {
        self.running
            .as_ref()
            .map(|run| (run.done.load(Ordering::Relaxed), run.samples))
    }

    /// The result of the last run, if it finished.
    pub fn result(&self) -> Option<&MonteCarlo> {
        match self.outcome.as_ref().map(|o| &o.value) {
            Some(Outcome::Done(mc)) => Some(mc),
            _ => None,
        }
    }

    /// Starts a run of `site` on its own thread with the climate of `analysis`.
    pub fn start(&mut self, site: &Site, analysis: &Analysis) {
        self.cancel();
        self.outcome = None;
        self.started_at = analysis.revision;
        let Some(climate) = analysis.climate.clone() else {
            self.finish(Outcome::Failed(StudyError::NoResults));
            return;
        };
        let samples = self.samples;
        let done = Arc::new(AtomicUsize::new(0));
        let cancel = Arc::new(AtomicBool::new(false));
        let (send, result) = mpsc::channel();
        let (thread_done, thread_cancel) = (done.clone(), cancel.clone());
        let site = site.clone();
        let spawned = std::thread::Builder::new()
            .name("coolplan-monte-carlo".into())
            .spawn(move || {
                let outcome = run(&site, &climate, samples, &thread_done, &thread_cancel);
                // The app may be gone; then nobody wants the outcome.
                let _ = send.send(outcome);
            });
        match spawned {
            Ok(_) => {
                self.running = Some(Running {
                    samples,
                    done,
                    cancel,
                    result,
                })
            }
            Err(_) => self.finish(Outcome::Failed(StudyError::RunLost)),
        }
    }

    /// Asks a running run to stop (it ends as cancelled soon after).
    pub fn cancel(&self) {
        if let Some(run) = &self.running {
            run.cancel.store(true, Ordering::Relaxed);
        }
    }

    /// Adopts the outcome of a finished run; true when one arrived.
    pub fn poll(&mut self) -> bool {
        let Some(run) = &self.running else {
            return false;
        };
        let outcome = match run.result.try_recv() {
            Ok(outcome) => outcome,
            Err(mpsc::TryRecvError::Empty) => return false,
            Err(mpsc::TryRecvError::Disconnected) => Outcome::Failed(StudyError::RunLost),
        };
        self.finish(outcome);
        true
    }

    /// Blocks until a running run ends and adopts its outcome (tests, shutdown).
    pub fn wait(&mut self) {
        if let Some(run) = &self.running {
            let outcome = run
                .result
                .recv()
                .unwrap_or(Outcome::Failed(StudyError::RunLost));
            self.finish(outcome);
        }
    }

    fn finish(&mut self, outcome: Outcome) {
        self.running = None;
        self.outcome = Some(Stamped {
            revision: self.started_at,
            value: outcome,
        });
    }
}

/// One Monte Carlo run (on the run's thread).
fn run(
    site: &Site,
    climate: &ClimateData,
    samples: usize,
    done: &AtomicUsize,
    cancel: &AtomicBool,
) -> Outcome {
    // The site's ranges, else the documented defaults: the same inputs as the tornado and
    // `coolplan analyze`.
    let prepared = match Prepared::for_sensitivity(site) {
        Ok((prepared, _)) => prepared,
        Err(problems) => return Outcome::Failed(StudyError::Ranges(problems)),
    };
    let config = Config { samples, seed: 1 };
    let evaluate = sampler(&prepared, climate);
    match monte_carlo::run(&prepared, &evaluate, config, done, cancel) {
        Ok(mc) => Outcome::Done(Box::new(mc)),
        Err(McError::Cancelled) => Outcome::Cancelled,
        Err(McError::NoSamples) => Outcome::Failed(StudyError::NoSamples),
        Err(McError::Input(reason)) => Outcome::Failed(StudyError::Input(reason)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyse;
    use crate::sample::small_site;

    #[test]
    fn the_starting_budget_is_the_plans_capex_over_three_years_rounded_up() {
        let site = small_site();
        let analysis = analyse(&site, None);
        let results = analysis.results.as_ref().expect("results");
        // ai-hall's plan costs 9.18 M CNY over the study (passive rear doors on the 16 B200
        // racks: 16 × (25,000 + 5,000) + 560 kW × (750 + 800) = 1,348,000, + 10 % contingency
        // = 1.483 M; cold plate for the NVL72 group, its refresh included: 7.7 M): / 3 = 3.06 M
        // → 3.1 M CNY.
        let budget = starting_budget(results);
        assert_eq!(budget.amount, 3_100_000.0);
        let plan = PlanStudy::default();
        assert_eq!(plan.budget_for(results), budget);
    }

    #[test]
    fn studies_run_on_the_analysis_climate_and_say_when_there_are_no_results() {
        let site = small_site();
        let mut analysis = analyse(&site, None);
        analysis.revision = 7;
        let mut studies = Studies::default();
        studies.compute_tornado(&site, &analysis);
        let tornado = studies.tornado_of(7).expect("a tornado of revision 7");
        assert!(!tornado.as_ref().expect("bars").bars.is_empty());
        assert!(studies.tornado_of(6).is_none());
        // Without results (e.g. a climate that could not be read) nothing runs.
        let empty = Analysis::default();
        studies.compute_tornado(&site, &empty);
        assert_eq!(studies.tornado_of(0), Some(&Err(StudyError::NoResults)));
        studies.monte_carlo.start(&site, &empty);
        assert!(!studies.monte_carlo.is_running());
        assert_eq!(
            studies.monte_carlo.outcome.as_ref().map(|o| &o.value),
            Some(&Outcome::Failed(StudyError::NoResults))
        );
    }

    #[test]
    fn a_short_monte_carlo_finishes_with_ordered_percentiles() {
        let site = small_site();
        let analysis = analyse(&site, None);
        let mut studies = Studies::default();
        studies.monte_carlo.samples = 16;
        studies.monte_carlo.start(&site, &analysis);
        assert!(studies.monte_carlo.is_running());
        studies.monte_carlo.wait();
        let mc = studies.monte_carlo.result().expect("a finished run");
        assert_eq!(mc.samples, 16);
        for option in &mc.options {
            assert!(option.npv.p10.amount <= option.npv.p50.amount);
            assert!(option.npv.p50.amount <= option.npv.p90.amount);
        }
    }

    #[test]
    fn a_site_without_ranges_samples_the_default_ranges() {
        let mut site = small_site();
        site.uncertainty.clear();
        let analysis = analyse(&site, None);
        let mut studies = Studies::default();
        studies.monte_carlo.samples = 16;
        studies.monte_carlo.start(&site, &analysis);
        studies.monte_carlo.wait();
        let mc = studies
            .monte_carlo
            .result()
            .expect("a run on the default ranges");
        assert_eq!(mc.samples, 16);
        // Electricity, discount rate and horizon swing at least: the NPVs spread.
        let spread = mc
            .options
            .iter()
            .any(|o| o.npv.p90.amount - o.npv.p10.amount > 0.0);
        assert!(spread, "default ranges move the NPV");
    }
}
