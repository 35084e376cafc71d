//! The Analysis panel: tornado of NPV against air (computed on demand), Monte Carlo on a
//! background thread with progress and cancel, phased plan under a yearly budget, CDU N+1.
//!
//! Owns: the panel's UI-local state (last tornado, the running Monte Carlo, the last plan).
//! Never touches: the analyses' arithmetic (`engine::analysis`), the document (read only).

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};
use uom::si::power::kilowatt;

use egui::{Grid, ProgressBar, Ui};
use egui_plot::{Bar, BarChart, Legend, Plot};

use super::{Panel, ViewCtx};
use crate::app::command::Command;
use crate::engine::analysis::monte_carlo::{self, Config, MonteCarlo, Spread};
use crate::engine::analysis::phased::{self, Plan};
use crate::engine::analysis::redundancy::{self, HallCheck};
use crate::engine::analysis::tornado::{self, Tornado};
use crate::engine::analysis::{evaluator, uncertainty::Prepared};
use crate::i18n::analysis::An;
use crate::i18n::gui::Gui;
use crate::i18n::{Lang, Text};
use crate::model::Site;
use crate::report::words::{money, option_name, years};
use crate::units::Money;
use crate::units::format::group_thousands;

/// Samples of a Monte Carlo run started from the panel.
const SAMPLES: usize = 10_000;

/// A Monte Carlo run on its own thread.
struct Running {
    done: Arc<AtomicUsize>,
    cancel: Arc<AtomicBool>,
    result: mpsc::Receiver<Result<MonteCarlo, String>>,
}

#[derive(Default)]
pub struct AnalysisPanel {
    /// The tornado and the site revision it was computed for.
    tornado: Option<(u64, Result<Tornado, String>)>,
    running: Option<Running>,
    monte_carlo: Option<Result<MonteCarlo, String>>,
    budget_cny: f64,
    plan: Option<(u64, Plan)>,
    /// The CDU N+1 checks and the site revision they are of (recomputed on change only).
    redundancy: Option<(u64, Vec<HallCheck>)>,
}

impl Panel for AnalysisPanel {
    fn ui(&mut self, ui: &mut Ui, ctx: &ViewCtx, _out: &mut Vec<Command>) {
        let lang = ctx.lang();
        egui::ScrollArea::vertical().show(ui, |ui| {
            if ctx.analysis.results.is_none() {
                ui.label(Gui::AnNoResults.tr(lang));
                return;
            }
            self.tornado_ui(ui, ctx);
            ui.separator();
            self.monte_carlo_ui(ui, ctx);
            ui.separator();
            self.plan_ui(ui, ctx);
            ui.separator();
            self.redundancy_ui(ui, ctx);
        });
    }
}

/// The site's ranges and the engine bound to its climate, or why not.
fn prepared(
    site: &Site,
    base_dir: Option<&std::path::Path>,
) -> Result<(Prepared, crate::engine::ClimateData), String> {
    let climate = crate::io::climate::resolve(site, base_dir).map_err(|e| e.to_string())?;
    let prepared = Prepared::new(site).map_err(|problems| {
        problems
            .iter()
            .map(|p| p.to_string())
            .collect::<Vec<_>>()
            .join("; ")
    })?;
    Ok((prepared, climate))
}

impl AnalysisPanel {
    fn redundancy_ui(&mut self, ui: &mut Ui, ctx: &ViewCtx) {
        let Some(results) = &ctx.analysis.results else {
            return;
        };
        if self
            .redundancy
            .as_ref()
            .is_none_or(|(rev, _)| *rev != ctx.revision)
        {
            let checks = redundancy::site_checks(ctx.site, results);
            self.redundancy = Some((ctx.revision, checks));
        }
        if let Some((_, checks)) = &self.redundancy {
            redundancy_ui(ui, ctx, checks);
        }
    }

    fn tornado_ui(&mut self, ui: &mut Ui, ctx: &ViewCtx) {
        let lang = ctx.lang();
        if ctx.site.uncertainty.is_empty() {
            ui.label(Gui::AnNoRanges.tr(lang));
            return;
        }
        let stale = self
            .tornado
            .as_ref()
            .is_none_or(|(rev, _)| *rev != ctx.revision);
        if stale
            && ui.button(Gui::AnCompute.tr(lang)).clicked()
            && let Some(results) = &ctx.analysis.results
        {
            let tornado = prepared(ctx.site, ctx.base_dir)
                .and_then(|(p, climate)| tornado::tornado(&p, results, &evaluator(&p, &climate)));
            self.tornado = Some((ctx.revision, tornado));
        }
        match &self.tornado {
            Some((_, Ok(t))) => tornado_view(ui, t, lang),
            Some((_, Err(e))) => {
                ui.label(e);
            }
            None => {}
        }
    }

    fn monte_carlo_ui(&mut self, ui: &mut Ui, ctx: &ViewCtx) {
        let lang = ctx.lang();
        ui.heading(Gui::AnMonteCarlo.tr(lang));
        if ctx.site.uncertainty.is_empty() {
            ui.label(Gui::AnNoRanges.tr(lang));
            return;
        }
        if let Some(run) = &self.running {
            let done = run.done.load(Ordering::Relaxed);
            ui.horizontal(|ui| {
                let fraction = done as f32 / SAMPLES as f32;
                ui.add(ProgressBar::new(fraction).show_percentage())
                    .on_hover_text(Gui::AnProgress.tr(lang));
                if ui.button(An::Cancel.tr(lang)).clicked() {
                    run.cancel.store(true, Ordering::Relaxed);
                }
            });
            match run.result.try_recv() {
                Ok(result) => {
                    self.monte_carlo = Some(result);
                    self.running = None;
                }
                Err(mpsc::TryRecvError::Empty) => ui.ctx().request_repaint(),
                Err(mpsc::TryRecvError::Disconnected) => self.running = None,
            }
        } else if ui.button(An::Run.tr(lang)).clicked() {
            self.running = Some(start(ctx.site.clone(), ctx.base_dir.map(Into::into)));
            self.monte_carlo = None;
            ui.ctx().request_repaint();
        }
        match &self.monte_carlo {
            Some(Ok(mc)) => monte_carlo_view(ui, mc, lang),
            Some(Err(e)) => {
                ui.label(e.as_str());
            }
            None => {}
        }
    }

    fn plan_ui(&mut self, ui: &mut Ui, ctx: &ViewCtx) {
        let lang = ctx.lang();
        ui.heading(Gui::AnPlan.tr(lang));
        let Some(results) = &ctx.analysis.results else {
            return;
        };
        ui.horizontal(|ui| {
            let label = ui.label(Gui::AnBudget.tr(lang));
            ui.add(
                egui::DragValue::new(&mut self.budget_cny)
                    .range(0.0..=1e12)
                    .speed(100_000.0),
            )
            .labelled_by(label.id);
            if ui.button(Gui::AnMakePlan.tr(lang)).clicked() {
                let budget = Money::new(self.budget_cny, ctx.site.currency);
                let plan = phased::plan(ctx.site, results, budget, results.horizon_years as usize);
                self.plan = Some((ctx.revision, plan));
            }
        });
        let Some((_, plan)) = self.plan.as_ref().filter(|(rev, _)| *rev == ctx.revision) else {
            return;
        };
        ui.label(format!(
            "{}: {}",
            crate::i18n::report::Rep::KfNpv.tr(lang),
            money(plan.npv, lang)
        ));
        Grid::new("phased-plan").striped(true).show(ui, |ui| {
            ui.label(Gui::AnYear.tr(lang));
            ui.label(Gui::AnSpent.tr(lang));
            ui.label(Gui::AnConversions.tr(lang));
            ui.end_row();
            for year in &plan.years {
                ui.label(year.year.to_string());
                ui.label(format!(
                    "{} / {}",
                    money(year.spent, lang),
                    money(year.budget, lang)
                ));
                let groups: Vec<String> = year
                    .conversions
                    .iter()
                    .map(|g| &plan.groups[*g])
                    .map(|g| {
                        let option = g.choice.map_or("—", |c| option_name(c.0, lang));
                        format!("{} → {option}", g.group)
                    })
                    .collect();
                ui.label(groups.join(", "));
                ui.end_row();
            }
        });
    }
}

/// Starts a Monte Carlo of [`SAMPLES`] on its own thread.
fn start(site: Site, base_dir: Option<std::path::PathBuf>) -> Running {
    let done = Arc::new(AtomicUsize::new(0));
    let cancel = Arc::new(AtomicBool::new(false));
    let (send, result) = mpsc::channel();
    let (thread_done, thread_cancel) = (done.clone(), cancel.clone());
    std::thread::spawn(move || {
        let outcome = prepared(&site, base_dir.as_deref()).and_then(|(p, climate)| {
            let config = Config {
                samples: SAMPLES,
                seed: 1,
            };
            monte_carlo::run(
                &p,
                &evaluator(&p, &climate),
                config,
                &thread_done,
                &thread_cancel,
            )
            .map_err(|e| e.to_string())
        });
        // The panel may be gone; then nobody wants the result.
        let _ = send.send(outcome);
    });
    Running {
        done,
        cancel,
        result,
    }
}

fn tornado_view(ui: &mut Ui, t: &Tornado, lang: Lang) {
    ui.heading(Gui::AnTornado.fmt(lang, &[&option_name(t.option, lang)]));
    let base = t.base_npv.amount;
    let n = t.bars.len();
    // Top bar at the top: input i at y = n − 1 − i; bars from base to each end, millions.
    let side = |high: bool| {
        t.bars
            .iter()
            .enumerate()
            .map(|(i, b)| {
                let end = if high { &b.high } else { &b.low };
                Bar::new((n - 1 - i) as f64, (end.npv.amount - base) / 1e6)
                    .base_offset(base / 1e6)
                    .name(&b.input)
                    .width(0.6)
            })
            .collect::<Vec<_>>()
    };
    Plot::new("tornado")
        .height(40.0 * n as f32 + 60.0)
        .legend(Legend::default())
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .show(ui, |plot| {
            plot.bar_chart(BarChart::new(An::RepLow.tr(lang), side(false)).horizontal());
            plot.bar_chart(BarChart::new(An::RepHigh.tr(lang), side(true)).horizontal());
        });
    Grid::new("tornado-table").striped(true).show(ui, |ui| {
        ui.label(Gui::AnInput.tr(lang));
        ui.label(An::RepNpvLow.tr(lang));
        ui.label(An::RepNpvHigh.tr(lang));
        ui.label(Gui::AnSwing.tr(lang));
        ui.end_row();
        for b in &t.bars {
            ui.label(&b.input);
            ui.label(format!("{} → {}", b.low.value, money(b.low.npv, lang)));
            ui.label(format!("{} → {}", b.high.value, money(b.high.npv, lang)));
            ui.label(money(b.swing, lang));
            ui.end_row();
        }
    });
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

fn redundancy_ui(ui: &mut Ui, ctx: &ViewCtx, checks: &[HallCheck]) {
    let lang = ctx.lang();
    ui.heading(Gui::AnRedundancy.tr(lang));
    for (k, check) in checks.iter().enumerate() {
        let verdict = if check.n_plus_one {
            An::NPlusOneHolds
        } else {
            An::NPlusOneFails
        };
        ui.strong(format!(
            "{} · {} · {}",
            check.hall,
            option_name(check.option, lang),
            verdict.tr(lang)
        ));
        Grid::new(("cdu-check", k)).striped(true).show(ui, |ui| {
            ui.label(An::RepCdu.tr(lang));
            ui.label(Gui::AnCduLoad.tr(lang));
            ui.label(Gui::AnLoses.tr(lang));
            ui.end_row();
            for (i, cdu) in check.cdus.iter().take(24).enumerate() {
                let racks: u64 = cdu.racks.iter().map(|r| r.racks).sum();
                ui.label(format!("CDU {}", i + 1));
                ui.label(format!(
                    "{} / {}",
                    group_thousands(cdu.load.get::<kilowatt>(), 1),
                    group_thousands(cdu.capacity.get::<kilowatt>(), 1)
                ));
                let absorbed = if cdu.failure_absorbed {
                    An::RepYes
                } else {
                    An::RepNo
                };
                let lost = An::RacksAndHeat.fmt(
                    lang,
                    &[&racks, &group_thousands(cdu.load.get::<kilowatt>(), 1)],
                );
                ui.label(format!(
                    "{lost} · {}: {}",
                    An::RepAbsorbed.tr(lang),
                    absorbed.tr(lang)
                ));
                ui.end_row();
            }
        });
    }
}
