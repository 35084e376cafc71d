//! The Analysis panel: tornado of NPV against air (computed on demand), Monte Carlo on a
//! background thread with progress and cancel, phased plan under a yearly budget, CDU N+1.
//!
//! Owns: the panel's UI-local state (last tornado, the Monte Carlo section, the plan
//! section). Never touches: the analyses' arithmetic (`engine::analysis`); the document is
//! read only. A tornado or Monte Carlo resolves the site's climate when it starts (an EPW
//! climate is read from its file).

mod monte_carlo;
pub mod plan;

use coolplan_words::Say;
use egui::{Grid, Ui};
use egui_plot::{Bar, BarChart, Legend, Plot};
use uom::si::power::kilowatt;

use super::{Panel, ViewCtx};
use crate::command::Command;
use coolplan_engine::analysis::evaluator;
use coolplan_engine::analysis::monte_carlo::MonteCarlo;
use coolplan_engine::analysis::redundancy::{self, HallCheck};
use coolplan_engine::analysis::tornado::{self, Tornado};
use coolplan_io::climate::ClimateError;
use coolplan_model::Site;
use coolplan_model::uncertainty::prepare::{ApplyError, Prepared, UncertaintyError};
use coolplan_units::format::group_thousands;
use coolplan_words::analysis::An;
use coolplan_words::gui::Gui;
use coolplan_words::results::{money, option_name};
use coolplan_words::{Lang, Text};

pub use monte_carlo::DEFAULT_SAMPLES;

#[derive(Default)]
pub struct AnalysisPanel {
    /// The tornado and the analysis revision it was computed for.
    tornado: Option<(u64, Result<Tornado, Unavailable>)>,
    pub monte_carlo: monte_carlo::MonteCarloSection,
    pub plan: plan::PlanSection,
    /// The CDU N+1 checks and the analysis revision they are of (recomputed on change only).
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
            self.monte_carlo.ui(ui, ctx);
            ui.separator();
            self.plan.ui(ui, ctx);
            ui.separator();
            self.redundancy_ui(ui, ctx);
        });
    }
}

/// Why the tornado or Monte Carlo cannot run.
#[derive(Debug)]
enum Unavailable {
    Climate(ClimateError),
    Ranges(Vec<UncertaintyError>),
    Tornado(ApplyError),
}

impl Say for Unavailable {
    fn say(&self, lang: Lang) -> String {
        match self {
            Unavailable::Climate(e) => e.say(lang),
            Unavailable::Ranges(problems) => {
                coolplan_words::say::uncertainty::joined(problems, lang)
            }
            Unavailable::Tornado(e) => e.say(lang),
        }
    }
}

/// The site's ranges and the engine bound to its climate, or why not.
fn prepared(
    site: &Site,
    base_dir: Option<&std::path::Path>,
) -> Result<(Prepared, coolplan_climate::ClimateData), Unavailable> {
    let climate = coolplan_io::climate::resolve(site, base_dir).map_err(Unavailable::Climate)?;
    let prepared = Prepared::new(site).map_err(Unavailable::Ranges)?;
    Ok((prepared, climate))
}

impl AnalysisPanel {
    /// True while a Monte Carlo runs.
    pub fn is_running(&self) -> bool {
        self.monte_carlo.is_running()
    }

    /// The last finished Monte Carlo.
    pub fn monte_carlo_result(&self) -> Option<&MonteCarlo> {
        self.monte_carlo.result()
    }

    fn redundancy_ui(&mut self, ui: &mut Ui, ctx: &ViewCtx) {
        let Some(results) = &ctx.analysis.results else {
            return;
        };
        // While a background recompute runs the results trail the site: keep the last check.
        let fresh = ctx.analysis.revision == ctx.revision;
        if fresh
            && self
                .redundancy
                .as_ref()
                .is_none_or(|(rev, _)| *rev != ctx.analysis.revision)
        {
            let checks = redundancy::site_checks(ctx.site, results);
            self.redundancy = Some((ctx.analysis.revision, checks));
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
            .is_none_or(|(rev, _)| *rev != ctx.analysis.revision);
        let fresh = ctx.analysis.revision == ctx.revision;
        if stale
            && ui
                .add_enabled(fresh, egui::Button::new(Gui::AnCompute.tr(lang)))
                .clicked()
            && let Some(results) = &ctx.analysis.results
        {
            let tornado = prepared(ctx.site, ctx.base_dir).and_then(|(p, climate)| {
                tornado::tornado(&p, results, &evaluator(&p, &climate))
                    .map_err(Unavailable::Tornado)
            });
            self.tornado = Some((ctx.analysis.revision, tornado));
        }
        match &self.tornado {
            Some((_, Ok(t))) => tornado_view(ui, t, lang),
            Some((_, Err(e))) => {
                ui.label(e.say(lang));
            }
            None => {}
        }
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
                    .name(b.input.path())
                    .width(0.6)
            })
            .collect::<Vec<_>>()
    };
    let names: Vec<&str> = t.bars.iter().map(|b| b.input.path()).collect();
    Plot::new("tornado")
        .height(40.0 * n as f32 + 60.0)
        .legend(Legend::default())
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        // the input's key beside its bar, not its position number
        .y_axis_formatter(move |mark, _range| {
            let i = n as f64 - 1.0 - mark.value;
            let whole = i.round();
            if (i - whole).abs() > 1e-9 || whole < 0.0 || whole >= n as f64 {
                return String::new();
            }
            names[whole as usize].to_string()
        })
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
            ui.label(b.input.path());
            ui.label(format!(
                "{} → {}",
                coolplan_units::format::written_for_display(&b.low.value),
                money(b.low.npv, lang)
            ));
            ui.label(format!(
                "{} → {}",
                coolplan_units::format::written_for_display(&b.high.value),
                money(b.high.npv, lang)
            ));
            ui.label(money(b.swing, lang));
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
                let racks = cdu.rack_count();
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
