//! The Monte Carlo section of the Analysis view: a run of N samples on its own thread with a
//! progress bar and Cancel; the UI stays responsive (it polls a few times a second).
//!
//! Owns: the run's thread, its progress counter and cancel flag, the last outcome. Never
//! touches: the sampling arithmetic (`engine::analysis::monte_carlo`).

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use std::time::Duration;

use egui::{Grid, ProgressBar, Ui};

use super::prepared;
use crate::panels::ViewCtx;
use coolplan_engine::analysis::evaluator;
use coolplan_engine::analysis::monte_carlo::{self, Config, McError, MonteCarlo, Spread};
use coolplan_model::Site;
use coolplan_units::format::group_thousands;
use coolplan_words::Say;
use coolplan_words::analysis::An;
use coolplan_words::gui::Gui;
use coolplan_words::results::{money, option_name, years};
use coolplan_words::{Lang, Text};

/// Samples of a run unless the user asks for another number.
pub const DEFAULT_SAMPLES: usize = 10_000;

/// How often a running Monte Carlo's progress is redrawn.
const PROGRESS_POLL: Duration = Duration::from_millis(50);

/// How a run ended.
pub enum Outcome {
    Done(Box<MonteCarlo>),
    Cancelled,
    Failed(String),
}

/// A run on its own thread.
struct Running {
    samples: usize,
    done: Arc<AtomicUsize>,
    cancel: Arc<AtomicBool>,
    result: mpsc::Receiver<Outcome>,
}

/// The section: sample count, the running run, the last outcome.
pub struct MonteCarloSection {
    pub samples: usize,
    running: Option<Running>,
    outcome: Option<Outcome>,
}

impl Default for MonteCarloSection {
    fn default() -> Self {
        Self {
            samples: DEFAULT_SAMPLES,
            running: None,
            outcome: None,
        }
    }
}

impl MonteCarloSection {
    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }

    /// The result of the last run, if it finished.
    pub fn result(&self) -> Option<&MonteCarlo> {
        match &self.outcome {
            Some(Outcome::Done(mc)) => Some(mc),
            _ => None,
        }
    }

    pub fn ui(&mut self, ui: &mut Ui, ctx: &ViewCtx) {
        let lang = ctx.lang();
        ui.heading(Gui::AnMonteCarlo.tr(lang));
        if ctx.site.uncertainty.is_empty() {
            ui.label(Gui::AnNoRanges.tr(lang));
            return;
        }
        if let Some(run) = &self.running {
            let done = run.done.load(Ordering::Relaxed);
            ui.horizontal(|ui| {
                let fraction = done as f32 / run.samples.max(1) as f32;
                let text = Gui::AnProgressOf.fmt(
                    lang,
                    &[
                        &group_thousands(done as f64, 0),
                        &group_thousands(run.samples as f64, 0),
                    ],
                );
                ui.add(ProgressBar::new(fraction).desired_width(360.0).text(text));
                if ui.button(An::Cancel.tr(lang)).clicked() {
                    run.cancel.store(true, Ordering::Relaxed);
                }
            });
            match run.result.try_recv() {
                Ok(outcome) => {
                    self.outcome = Some(outcome);
                    self.running = None;
                    ui.ctx().request_repaint();
                }
                Err(mpsc::TryRecvError::Empty) => ui.ctx().request_repaint_after(PROGRESS_POLL),
                Err(mpsc::TryRecvError::Disconnected) => {
                    self.outcome = Some(Outcome::Failed(Gui::AnRunLost.tr(lang).into()));
                    self.running = None;
                }
            }
        } else {
            ui.horizontal(|ui| {
                let label = ui.label(Gui::AnSamples.tr(lang));
                ui.add(egui::DragValue::new(&mut self.samples).range(10..=1_000_000))
                    .labelled_by(label.id);
                if ui.button(An::Run.tr(lang)).clicked() {
                    self.running = Some(start(
                        ctx.site.clone(),
                        ctx.base_dir.map(Into::into),
                        self.samples,
                        lang,
                    ));
                    self.outcome = None;
                    ui.ctx().request_repaint();
                }
            });
        }
        match &self.outcome {
            Some(Outcome::Done(mc)) => monte_carlo_view(ui, mc, lang),
            Some(Outcome::Cancelled) => {
                ui.label(Gui::AnCancelled.tr(lang));
            }
            Some(Outcome::Failed(e)) => {
                ui.label(e.as_str());
            }
            None => {}
        }
    }
}

/// Starts a Monte Carlo of `samples` on its own thread.
fn start(site: Site, base_dir: Option<std::path::PathBuf>, samples: usize, lang: Lang) -> Running {
    let done = Arc::new(AtomicUsize::new(0));
    let cancel = Arc::new(AtomicBool::new(false));
    let (send, result) = mpsc::channel();
    let (thread_done, thread_cancel) = (done.clone(), cancel.clone());
    std::thread::spawn(move || {
        let outcome = match prepared(&site, base_dir.as_deref()) {
            Err(reason) => Outcome::Failed(reason.say(lang)),
            Ok((p, climate)) => {
                let config = Config { samples, seed: 1 };
                let evaluate = evaluator(&p, &climate);
                match monte_carlo::run(&p, &evaluate, config, &thread_done, &thread_cancel) {
                    Ok(mc) => Outcome::Done(Box::new(mc)),
                    Err(McError::Cancelled) => Outcome::Cancelled,
                    Err(e) => Outcome::Failed(e.say(lang)),
                }
            }
        };
        // The panel may be gone; then nobody wants the result.
        let _ = send.send(outcome);
    });
    Running {
        samples,
        done,
        cancel,
        result,
    }
}

fn three<T: Copy>(s: &Spread<T>, f: impl Fn(T) -> String) -> String {
    format!("{} / {} / {}", f(s.p10), f(s.p50), f(s.p90))
}

fn monte_carlo_view(ui: &mut Ui, mc: &MonteCarlo, lang: Lang) {
    Grid::new("monte-carlo").striped(true).show(ui, |ui| {
        for key in [
            Gui::AnOption,
            Gui::AnNpv,
            Gui::AnPayback,
            Gui::AnPue,
            Gui::AnBest,
        ] {
            ui.label(key.tr(lang));
        }
        ui.end_row();
        for o in &mc.options {
            ui.label(option_name(o.option, lang));
            ui.label(three(&o.npv, |m| money(m, lang)));
            ui.label(three(&o.payback_years, |y| years(y, lang)));
            ui.label(three(&o.pue, |p| group_thousands(p, 3)));
            ui.label(format!(
                "{} %",
                group_thousands(o.probability_best * 100.0, 1)
            ));
            ui.end_row();
        }
    });
}
