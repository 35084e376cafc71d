//! The Analysis panel: the uncertain inputs and their ranges ([`uncertainty`]), tornado of
//! NPV against air, Monte Carlo with progress and cancel, phased plan under a yearly budget,
//! CDU N+1. Each study is asked for with a command and
//! kept in app state ([`crate::studies`]); the N+1 checks come with every analysis.
//!
//! Owns: drawing the studies and pushing the commands that run them. Never touches: the
//! analyses' arithmetic (`engine::analysis`), their state, files.

mod monte_carlo;
pub mod plan;
mod uncertainty;

use egui::{Grid, Ui};
use egui_plot::{Bar, BarChart, Legend, Plot};
use uom::si::power::kilowatt;

use super::{Panel, ViewCtx};
use crate::command::Command;
use coolplan_engine::analysis::redundancy::HallCheck;
use coolplan_engine::analysis::tornado::{self, Tornado};
use coolplan_units::format::group_thousands;
use coolplan_words::analysis::An;
use coolplan_words::fields::assumption_label;
use coolplan_words::gui::Gui;
use coolplan_words::results::{money, option_name};
use coolplan_words::{Lang, Text};

/// The studies live in app state; the panel keeps only the uncertainty editor's draft.
#[derive(Default)]
pub struct AnalysisPanel {
    uncertainty: uncertainty::UncertaintyEditor,
}

impl Panel for AnalysisPanel {
    fn ui(&mut self, ui: &mut Ui, ctx: &ViewCtx, out: &mut Vec<Command>) {
        let lang = ctx.lang();
        egui::ScrollArea::vertical()
            .id_salt("analysis_scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                self.uncertainty.ui(ui, ctx, out);
                ui.separator();
                if ctx.analysis.results.is_none() {
                    ui.label(Gui::AnNoResults.tr(lang));
                    return;
                }
                tornado_ui(ui, ctx, out);
                ui.separator();
                monte_carlo::ui(ui, ctx, out);
                ui.separator();
                plan::ui(ui, ctx, out);
                ui.separator();
                redundancy_ui(ui, ctx, &ctx.analysis.redundancy);
            });
    }
}

fn tornado_ui(ui: &mut Ui, ctx: &ViewCtx, out: &mut Vec<Command>) {
    let lang = ctx.lang();
    if ctx.site.uncertainty.is_empty() {
        ui.label(An::RepNoRanges.tr(lang));
    }
    match ctx.studies.tornado_of(ctx.revision) {
        Some(Ok(t)) => tornado_view(ui, t, lang),
        Some(Err(e)) => {
            ui.label(e.text(lang));
        }
        None => {
            if ui.button(Gui::AnCompute.tr(lang)).clicked() {
                out.push(Command::ComputeTornado);
            }
        }
    }
}

fn tornado_view(ui: &mut Ui, t: &Tornado, lang: Lang) {
    ui.heading(Gui::AnTornado.tr(lang));
    let label = |b: &tornado::Bar| assumption_label(b.input, lang).to_string();
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
                    .name(label(b))
                    .width(0.6)
            })
            .collect::<Vec<_>>()
    };
    let names: Vec<String> = t.bars.iter().map(label).collect();
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
        let shown = |text: &str| coolplan_words::results::units_as_written(text, lang);
        for b in &t.bars {
            ui.label(label(b));
            ui.label(format!(
                "{} → {}",
                shown(&b.low.display),
                money(b.low.npv, lang)
            ));
            ui.label(format!(
                "{} → {}",
                shown(&b.high.display),
                money(b.high.npv, lang)
            ));
            match &b.no_effect {
                Some(why) => ui.label(format!(
                    "{} ({})",
                    money(b.swing, lang),
                    coolplan_words::results::plan::no_effect(why, lang)
                )),
                None => ui.label(money(b.swing, lang)),
            };
            ui.end_row();
        }
    });
}

/// CDUs listed per hall plant; the rest are counted in one line.
const CDU_ROWS_SHOWN: usize = 24;

fn redundancy_ui(ui: &mut Ui, ctx: &ViewCtx, checks: &[HallCheck]) {
    let lang = ctx.lang();
    ui.heading(Gui::AnRedundancy.tr(lang));
    let holding = checks.iter().filter(|c| c.n_plus_one).count();
    ui.label(Gui::AnRedundancySummary.fmt(lang, &[&holding, &checks.len()]));
    let failing: Vec<&str> = checks
        .iter()
        .filter(|c| !c.n_plus_one)
        .map(|c| c.hall.as_str())
        .collect();
    if !failing.is_empty() {
        ui.label(
            egui::RichText::new(Gui::AnRedundancyFailing.fmt(lang, &[&failing.join(", ")]))
                .color(crate::kit::ERROR_COLOUR),
        );
    }
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
            let unit_numbers = check.unit_numbers();
            for (cdu, numbers) in check.cdus.iter().zip(&unit_numbers).take(CDU_ROWS_SHOWN) {
                let racks = cdu.rack_count();
                ui.label(format!(
                    "CDU {}",
                    coolplan_words::counted::unit_numbers(numbers)
                ));
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
                    &[
                        &coolplan_words::counted::racks(lang, racks),
                        &group_thousands(cdu.load.get::<kilowatt>(), 1),
                    ],
                );
                ui.label(format!(
                    "{lost} · {}: {}",
                    An::RepAbsorbed.tr(lang),
                    absorbed.tr(lang)
                ));
                ui.end_row();
            }
        });
        let more: u64 = check
            .cdus
            .iter()
            .skip(CDU_ROWS_SHOWN)
            .map(|c| c.units)
            .sum();
        if more > 0 {
            ui.label(Gui::AnCduMore.fmt(lang, &[&more]));
        }
    }
}
