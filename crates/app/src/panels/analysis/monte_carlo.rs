//! The Monte Carlo section of the Analysis view: sample count, Run, a progress bar with Cancel
//! while the run goes on its own thread ([`crate::studies::MonteCarloStudy`]), and the
//! P10 / P50 / P90 table of the last run.
//!
//! Owns: drawing. Never touches: the run, its thread or the sampling arithmetic.

use egui::{Grid, ProgressBar, Ui};

use crate::command::Command;
use crate::panels::ViewCtx;
use crate::studies::{Outcome, SAMPLE_RANGE};
use coolplan_engine::analysis::monte_carlo::{MonteCarlo, Spread};
use coolplan_units::format::group_thousands;
use coolplan_words::analysis::An;
use coolplan_words::gui::Gui;
use coolplan_words::results::{money, option_name, years};
use coolplan_words::{Lang, Text};

pub fn ui(ui: &mut Ui, ctx: &ViewCtx, out: &mut Vec<Command>) {
    let lang = ctx.lang();
    ui.heading(Gui::AnMonteCarlo.tr(lang));
    if ctx.site.uncertainty.is_empty() {
        ui.label(An::RepNoRanges.tr(lang));
    }
    let study = &ctx.studies.monte_carlo;
    if let Some((done, samples)) = study.progress() {
        ui.horizontal(|ui| {
            let fraction = done as f32 / samples.max(1) as f32;
            let text = Gui::AnProgressOf.fmt(
                lang,
                &[
                    &group_thousands(done as f64, 0),
                    &group_thousands(samples as f64, 0),
                ],
            );
            ui.add(ProgressBar::new(fraction).desired_width(360.0).text(text));
            if ui.button(An::Cancel.tr(lang)).clicked() {
                out.push(Command::CancelMonteCarlo);
            }
        });
    } else {
        ui.horizontal(|ui| {
            let label = ui.label(Gui::AnSamples.tr(lang));
            let mut samples = study.samples;
            let response = ui
                .add(egui::DragValue::new(&mut samples).range(SAMPLE_RANGE))
                .labelled_by(label.id);
            if response.changed() {
                out.push(Command::SetSamples(samples));
            }
            if ui.button(An::Run.tr(lang)).clicked() {
                out.push(Command::RunMonteCarlo);
            }
        });
    }
    match study.outcome.as_ref().map(|o| &o.value) {
        Some(Outcome::Done(mc)) => monte_carlo_view(ui, mc, lang),
        Some(Outcome::Cancelled) => {
            ui.label(Gui::AnCancelled.tr(lang));
        }
        Some(Outcome::Failed(e)) => {
            ui.label(e.text(lang));
        }
        None => {}
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
        for o in mc.shown() {
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
