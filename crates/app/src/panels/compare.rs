//! The compare dashboard: air, cold plate and immersion side by side for the site or one hall
//! (CAPEX, OPEX, NPV, payback, PUE, TUE, energy, water, CO₂, equipment), feasibility with
//! reasons, the recommendation, the mixed plan, and the charts.

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
                recommendation(ui, scope, lang, ctx.units());
                figures_table(ui, scope, lang, ctx.units());
                feasibility(ui, scope, lang, ctx.units());
                if self.hall.is_none() {
                    mixed_plan(ui, results, lang);
                }
                ui.separator();
                ui.heading(Gui::Charts.tr(lang));
                charts::all(ui, results, scope, lang);
            });
    }
}

fn recommendation(ui: &mut Ui, scope: &ScopeResult, lang: Lang, units: UnitSystem) {
    let rec = &scope.recommendation;
    let head = match rec.option {
        Some(option) => format!(
            "{}: {}",
            Term::Recommended.tr(lang),
            option_name(option, lang)
        ),
        None => Gui::NoRecommendation.tr(lang).to_string(),
    };
    ui.heading(head);
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
            Term::Payback.tr(lang).into(),
            Box::new(move |o: &OptionResult| years(o.cost.simple_payback_years)),
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

fn mixed_plan(ui: &mut Ui, results: &Overview, lang: Lang) {
    let plan = &results.mixed_plan;
    ui.separator();
    ui.strong(format!(
        "{} — {}",
        Term::MixedPlan.tr(lang),
        Gui::MixedPlanText.tr(lang)
    ));
    let mut counts = [0usize; 3];
    for option in plan.choices.iter().flatten() {
        counts[option.index()] += 1;
    }
    ui.label(
        CoolingOption::ALL
            .iter()
            .map(|o| format!("{}: {}", option_name(*o, lang), counts[o.index()]))
            .collect::<Vec<_>>()
            .join(" · "),
    );
    egui::Grid::new("mixed_plan").num_columns(2).show(ui, |ui| {
        for (label, value) in [
            (Term::Capex.tr(lang), money_text(plan.capex, lang)),
            (
                Gui::OpexPerYear.tr(lang),
                money_text(plan.opex_per_year, lang),
            ),
            (Term::Npv.tr(lang), money_text(plan.npv_vs_air, lang)),
            (Term::Pue.tr(lang), format!("{:.3}", plan.pue)),
        ] {
            ui.label(label);
            ui.label(value);
            ui.end_row();
        }
    });
}
