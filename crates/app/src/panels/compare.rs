//! The compare dashboard for the site or one hall: the recommended plan (an option per rack
//! group within the hall limits) with its figures, then air, cold plate and immersion each
//! for every group side by side as reference columns (CAPEX, OPEX, NPV, simple and discounted
//! payback, PUE, TUE, energy, water, CO₂, equipment), feasibility with reasons, and the charts.

use egui::{RichText, Ui};

use super::charts;
use super::{Panel, ViewCtx};
use crate::command::Command;
use crate::kit::{ERROR_COLOUR, WARNING_COLOUR};
use crate::words::{money_text, option_name, reason_text};
use coolplan_engine::{CoolingOption, OptionResult, Overview, ScopeResult};
use coolplan_units::format::{UnitSystem, quantity};
use coolplan_units::{
    AreaUnit, EnergyUnit, FloorLoadUnit, FlowUnit, MassUnit, PowerUnit, VolumeUnit,
};
use coolplan_words::gui::Gui;
use coolplan_words::results::plan::{self as plan_words, PlanWords};
use coolplan_words::terms::Term;
use coolplan_words::{Lang, Text};

/// UI-local state: which scope is shown (`None` = the whole site).
#[derive(Default)]
pub struct ComparePanel {
    hall: Option<usize>,
}

impl Panel for ComparePanel {
    fn ui(&mut self, ui: &mut Ui, ctx: &ViewCtx, _out: &mut Vec<Command>) {
        let lang = ctx.lang();
        let Some(results) = &ctx.analysis.results else {
            let reason = match (&ctx.analysis.failure, ctx.analysis.error_count()) {
                (_, n) if n > 0 => Gui::FixProblems.fmt(lang, &[&n]),
                (Some(failure), _) => failure.text(lang).to_string(),
                (None, _) => Gui::NoResults.tr(lang).to_string(),
            };
            ui.label(Gui::EngineUnavailable.fmt(lang, &[&reason]));
            return;
        };
        if self.hall.is_some_and(|h| h >= results.halls.len()) {
            self.hall = None;
        }
        ui.horizontal(|ui| {
            ui.label(Gui::Scope.tr(lang));
            let shown = match self.hall {
                None => Term::Site.tr(lang).to_string(),
                Some(h) => results.halls[h].name.clone(),
            };
            egui::ComboBox::from_id_salt("compare_scope")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.hall, None, Term::Site.tr(lang));
                    for (h, hall) in results.halls.iter().enumerate() {
                        ui.selectable_value(&mut self.hall, Some(h), &hall.name);
                    }
                })
                .response
                .on_hover_text(Gui::Scope.tr(lang));
        });
        let scope = match self.hall {
            None => &results.site,
            Some(h) => &results.halls[h],
        };
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                plan_block(ui, results, self.hall, lang);
                ui.separator();
                best_single(ui, scope, lang, ctx.units());
                figures_table(ui, scope, lang, ctx.units());
                feasibility(ui, scope, lang, ctx.units());
                ui.separator();
                ui.heading(Gui::Charts.tr(lang));
                charts::all(ui, results, scope, lang);
            });
    }
}

/// The best single option of the scope (a reference column) and why.
fn best_single(ui: &mut Ui, scope: &ScopeResult, lang: Lang, units: UnitSystem) {
    let rec = &scope.recommendation;
    let head = match rec.option {
        Some(option) => PlanWords::BestSingle.fmt(lang, &[&option_name(option, lang)]),
        None => Gui::NoRecommendation.tr(lang).to_string(),
    };
    ui.strong(head);
    for reason in &rec.reasons {
        ui.label(format!(
            "• {}",
            reason_text(reason, rec.option, lang, units)
        ));
    }
}

/// The rows of the side-by-side table: label and the text of one option's figure.
type Row = (String, Box<dyn Fn(&OptionResult) -> String>);

fn rows(lang: Lang, units: UnitSystem) -> Vec<Row> {
    let years = move |y: Option<f64>| match y {
        Some(y) => Gui::Years.fmt(lang, &[&format!("{y:.1}")]),
        None => Gui::Never.tr(lang).to_string(),
    };
    vec![
        (
            Term::Capex.tr(lang).into(),
            Box::new(move |o: &OptionResult| money_text(o.cost.capex, lang)),
        ),
        (
            Gui::OpexPerYear.tr(lang).into(),
            Box::new(move |o: &OptionResult| money_text(o.cost.opex_per_year, lang)),
        ),
        (
            Term::Npv.tr(lang).into(),
            Box::new(move |o: &OptionResult| money_text(o.cost.npv_vs_air, lang)),
        ),
        (
            Term::SimplePayback.tr(lang).into(),
            Box::new(move |o: &OptionResult| years(o.cost.simple_payback_years)),
        ),
        (
            Term::DiscountedPayback.tr(lang).into(),
            Box::new(move |o: &OptionResult| years(o.cost.discounted_payback_years)),
        ),
        (
            Term::Pue.tr(lang).into(),
            Box::new(|o: &OptionResult| format!("{:.3}", o.energy.pue)),
        ),
        (
            Term::Tue.tr(lang).into(),
            Box::new(|o: &OptionResult| format!("{:.3}", o.energy.tue)),
        ),
        (
            Gui::EnergyPerYear.tr(lang).into(),
            Box::new(move |o: &OptionResult| {
                quantity::<EnergyUnit>(o.energy.facility_energy, units)
            }),
        ),
        (
            Gui::ItEnergyPerYear.tr(lang).into(),
            Box::new(move |o: &OptionResult| quantity::<EnergyUnit>(o.energy.it_energy, units)),
        ),
        (
            Gui::WaterPerYear.tr(lang).into(),
            Box::new(move |o: &OptionResult| quantity::<VolumeUnit>(o.energy.water, units)),
        ),
        (
            Gui::Co2PerYear.tr(lang).into(),
            Box::new(move |o: &OptionResult| quantity::<MassUnit>(o.energy.co2, units)),
        ),
        (
            Gui::HeatToLiquid.tr(lang).into(),
            Box::new(move |o: &OptionResult| {
                quantity::<PowerUnit>(o.thermal.heat_to_liquid, units)
            }),
        ),
        (
            Gui::HeatToAir.tr(lang).into(),
            Box::new(move |o: &OptionResult| quantity::<PowerUnit>(o.thermal.heat_to_air, units)),
        ),
        (
            Term::Cdu.tr(lang).into(),
            Box::new(|o: &OptionResult| o.thermal.cdu_count.to_string()),
        ),
        (
            Gui::TankCount.tr(lang).into(),
            Box::new(|o: &OptionResult| o.thermal.tank_count.to_string()),
        ),
        (
            Gui::FluidVolume.tr(lang).into(),
            Box::new(move |o: &OptionResult| quantity::<VolumeUnit>(o.thermal.fluid_volume, units)),
        ),
        (
            Gui::CoolantFlow.tr(lang).into(),
            Box::new(move |o: &OptionResult| quantity::<FlowUnit>(o.thermal.coolant_flow, units)),
        ),
        (
            Gui::FloorLoadRow.tr(lang).into(),
            Box::new(move |o: &OptionResult| {
                quantity::<FloorLoadUnit>(o.thermal.floor_load, units)
            }),
        ),
        (
            Gui::FloorArea.tr(lang).into(),
            Box::new(move |o: &OptionResult| quantity::<AreaUnit>(o.thermal.floor_area, units)),
        ),
    ]
}

fn figures_table(ui: &mut Ui, scope: &ScopeResult, lang: Lang, units: UnitSystem) {
    let recommended = scope.recommendation.option;
    egui::Grid::new("compare_table")
        .num_columns(4)
        .striped(true)
        .min_col_width(130.0)
        .show(ui, |ui| {
            ui.strong(Gui::Metric.tr(lang));
            for option in CoolingOption::ALL {
                let mut name = RichText::new(option_name(option, lang)).strong();
                if recommended == Some(option) {
                    name = name.underline();
                }
                ui.label(name);
            }
            ui.end_row();
            ui.label(Gui::Feasibility.tr(lang));
            for option in CoolingOption::ALL {
                let result = scope.option(option);
                if result.feasible {
                    ui.label(Term::Feasible.tr(lang));
                } else {
                    ui.label(RichText::new(Term::Infeasible.tr(lang)).color(ERROR_COLOUR));
                }
            }
            ui.end_row();
            for (label, figure) in rows(lang, units) {
                ui.label(label);
                for option in CoolingOption::ALL {
                    ui.label(figure(scope.option(option)));
                }
                ui.end_row();
            }
        });
}

fn feasibility(ui: &mut Ui, scope: &ScopeResult, lang: Lang, units: UnitSystem) {
    for option in CoolingOption::ALL {
        let result = scope.option(option);
        if result.infeasible_reasons.is_empty() && result.warnings.is_empty() {
            continue;
        }
        ui.strong(option_name(option, lang));
        for reason in &result.infeasible_reasons {
            ui.label(
                RichText::new(format!(
                    "• {}",
                    reason_text(reason, Some(option), lang, units)
                ))
                .color(ERROR_COLOUR),
            );
        }
        for reason in &result.warnings {
            ui.label(
                RichText::new(format!(
                    "• {}",
                    reason_text(reason, Some(option), lang, units)
                ))
                .color(WARNING_COLOUR),
            );
        }
    }
}

/// The recommended plan of the site (`hall` None) or one hall: headline, how it relates to
/// the reference columns, its figures, and the hall's limits and CDUs.
fn plan_block(ui: &mut Ui, results: &Overview, hall: Option<usize>, lang: Lang) {
    let plan = &results.plan;
    let in_scope: Vec<usize> = (0..results.racks.len())
        .filter(|&g| hall.is_none_or(|h| results.racks[g].hall == h))
        .collect();
    let hall_plan = hall.and_then(|h| plan.halls.get(h));
    let scoped = coolplan_engine::Plan {
        groups: in_scope.iter().map(|&g| plan.groups[g]).collect(),
        halls: Vec::new(),
        uniform: hall_plan.map_or(plan.uniform, |p| p.uniform),
        totals: hall_plan.map_or_else(|| plan.totals.clone(), |p| p.totals.clone()),
    };
    let racks_of = |i: usize| in_scope.get(i).map_or(0, |&g| results.racks[g].count);
    ui.heading(PlanWords::Recommended.fmt(lang, &[&plan_words::headline(&scoped, racks_of, lang)]));
    ui.label(plan_words::relation_to_columns(&scoped, lang));
    let t = &scoped.totals;
    let years = |y: Option<f64>| match y {
        Some(y) => Gui::Years.fmt(lang, &[&format!("{y:.1}")]),
        None => Gui::Never.tr(lang).to_string(),
    };
    let up_front = t.capex_by_year.first().copied().unwrap_or(t.capex * 0.0);
    egui::Grid::new("plan_figures")
        .num_columns(2)
        .show(ui, |ui| {
            for (label, value) in [
                (Term::Capex.tr(lang), money_text(t.capex, lang)),
                (
                    coolplan_words::report::Rep::KfCapexUpFront.tr(lang),
                    money_text(up_front, lang),
                ),
                (Gui::OpexPerYear.tr(lang), money_text(t.opex_per_year, lang)),
                (Term::Npv.tr(lang), money_text(t.npv_vs_air, lang)),
                (Term::SimplePayback.tr(lang), years(t.simple_payback_years)),
                (
                    Term::DiscountedPayback.tr(lang),
                    years(t.discounted_payback_years),
                ),
                (
                    Term::Pue.tr(lang),
                    format!("{:.3} → {:.3}", t.pue_air, t.pue),
                ),
            ] {
                ui.label(label);
                ui.label(value);
                ui.end_row();
            }
        });
    if let Some(p) = hall_plan {
        ui.label(plan_words::search_method(p.method, lang));
        for limit in &p.limits {
            let key = if limit.binds {
                PlanWords::LimitBinds
            } else {
                PlanWords::LimitLine
            };
            ui.label(key.fmt(
                lang,
                &[
                    &plan_words::limit_name(limit.limit, lang),
                    &plan_words::amount(limit.used, UnitSystem::Si),
                    &plan_words::amount(limit.capacity, UnitSystem::Si),
                ],
            ));
        }
    }
}
