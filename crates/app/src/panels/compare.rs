//! The compare dashboard for the site or one hall: the recommended plan (an option per rack
//! group within the hall limits) with its figures, then each option that applies in the scope
//! ([`ScopeResult::shown`]) for every group side by side as reference columns. Every row of figures shares one scale (money
//! in M / bn or 万元 / 亿元 by language, energy in MWh or GWh, water in m³, CO₂ in t), payback
//! is named simple or discounted, each metric explains itself on hover, and reasons say which
//! hall they come from; then the charts.
//!
//! Owns: the scope choice (view state) and the table's layout. Never touches: the figures'
//! arithmetic, chart drawing ([`super::charts`]).

use egui::{RichText, Ui};

use super::charts;
use super::{Panel, ViewCtx};
use crate::command::Command;
use crate::kit::{ERROR_COLOUR, WARNING_COLOUR};
use crate::words::{option_name, reason_text};
use coolplan_engine::{CoolingOption, OptionResult, Overview, Reason, ScopeResult};
use coolplan_units::format::{UnitSystem, group_thousands, quantity};
use coolplan_units::{
    AreaUnit, EnergyUnit, FloorLoadUnit, FlowUnit, MassUnit, PowerUnit, VolumeUnit,
};
use coolplan_words::dashboard::Dash;
use coolplan_words::figures::{self, MoneyScale, row_in};
use coolplan_words::gui::Gui;
use coolplan_words::results::plan::{self as plan_words, PlanWords};
use coolplan_words::results::years;
use coolplan_words::terms::Term;
use coolplan_words::{Lang, Text};

/// View state: which scope is shown (`None` = the whole site).
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
        self.scope_choice(ui, results, lang);
        let scope = match self.hall {
            None => &results.site,
            Some(h) => &results.halls[h],
        };
        let units = ctx.units();
        // down only: the table scrolls its option columns sideways itself, under fixed names
        egui::ScrollArea::vertical()
            .id_salt("compare_scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                plan_block(ui, results, self.hall, lang, units);
                super::works::table(ui, ctx, results, self.hall);
                ui.separator();
                best_single(ui, results, scope, self.hall, lang, units);
                figures_table(ui, scope, lang, units);
                feasibility(ui, results, scope, self.hall, lang, units);
                ui.separator();
                ui.heading(Gui::Charts.tr(lang));
                charts::all(ui, results, scope, lang, units);
            });
    }
}

impl ComparePanel {
    fn scope_choice(&mut self, ui: &mut Ui, results: &Overview, lang: Lang) {
        ui.horizontal(|ui| {
            let label = ui.label(Gui::Scope.tr(lang));
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
                .labelled_by(label.id);
        });
    }
}

/// The halls (of the site, or just `hall`) whose `option` (without one: any option the hall
/// shows) lists `reason` (or one of its kind at a different figure), for a reason's hover text.
fn halls_with(
    results: &Overview,
    hall: Option<usize>,
    option: Option<CoolingOption>,
    reason: &Reason,
) -> Vec<String> {
    let same_kind = |r: &Reason| std::mem::discriminant(r) == std::mem::discriminant(reason);
    results
        .halls
        .iter()
        .enumerate()
        .filter(|(h, _)| hall.is_none_or(|only| only == *h))
        .filter(|(_, scope)| {
            let lists = |o: &OptionResult| {
                o.infeasible_reasons.iter().any(same_kind) || o.warnings.iter().any(same_kind)
            };
            match option {
                Some(option) => lists(scope.option(option)),
                None => scope.shown().any(lists),
            }
        })
        .map(|(_, scope)| scope.name.clone())
        .collect()
}

/// A reason line; on hover, which halls it comes from.
fn reason_line(
    ui: &mut Ui,
    text: String,
    colour: Option<egui::Color32>,
    halls: &[String],
    lang: Lang,
) {
    let mut rich = RichText::new(format!("• {text}"));
    if let Some(colour) = colour {
        rich = rich.color(colour);
    }
    let response = ui.label(rich);
    if !halls.is_empty() {
        response.on_hover_text(Dash::TipScope.fmt(lang, &[&halls.join(", ")]));
    }
}

/// The best single option of the scope (a reference column) and why.
fn best_single(
    ui: &mut Ui,
    results: &Overview,
    scope: &ScopeResult,
    hall: Option<usize>,
    lang: Lang,
    units: UnitSystem,
) {
    let rec = &scope.recommendation;
    let head = match rec.option {
        Some(option) => PlanWords::BestSingle.fmt(lang, &[&option_name(option, lang)]),
        None => Gui::NoRecommendation.tr(lang).to_string(),
    };
    ui.strong(head);
    for reason in &rec.reasons {
        let halls = halls_with(results, hall, None, reason);
        let text = match excluding(scope, reason).as_slice() {
            [] => reason_text(reason, rec.option, lang, units),
            owners => {
                // the options this reason rules out, named: "air cannot cool 85.8 kW per rack"
                // alone reads as if it were about the best option above it
                let names: Vec<&str> = owners.iter().map(|&o| option_name(o, lang)).collect();
                let text = reason_text(reason, owners.first().copied(), lang, units);
                Dash::ReasonOf.fmt(lang, &[&names.join(Dash::ListSeparator.tr(lang)), &text])
            }
        };
        reason_line(ui, text, None, &halls, lang);
    }
}

/// The options shown in `scope` that `reason` makes infeasible, in column order.
fn excluding(scope: &ScopeResult, reason: &Reason) -> Vec<CoolingOption> {
    scope
        .shown()
        .filter(|o| o.infeasible_reasons.contains(reason))
        .map(|o| o.option)
        .collect()
}

/// One row of the side-by-side table: a cell per option shown.
struct Row {
    label: String,
    tip: &'static str,
    cells: Vec<String>,
}

impl Row {
    fn new(label: &str, tip: &'static str, cells: Vec<String>) -> Self {
        Row {
            label: label.to_string(),
            tip,
            cells,
        }
    }
}

/// A row of money on one scale.
fn money_row(
    label: &str,
    tip: &'static str,
    scope: &ScopeResult,
    lang: Lang,
    of: impl Fn(&OptionResult) -> coolplan_units::Money,
) -> Row {
    let amounts: Vec<_> = scope.shown().map(&of).collect();
    let currency = of(scope.option(CoolingOption::Air)).currency;
    let scale = MoneyScale::fit(amounts.iter().map(|m| m.amount), currency, lang);
    Row::new(
        label,
        tip,
        amounts.iter().map(|m| scale.show(m.amount)).collect(),
    )
}

/// A row of quantities in the unit that fits its largest.
fn quantity_row<U: coolplan_units::UnitKind>(
    label: &str,
    tip: &'static str,
    candidates: &[U],
    fallback: U,
    values: Vec<U::Quantity>,
) -> Row {
    Row::new(label, tip, row_in(candidates, fallback, &values))
}

/// `of` each option `scope` shows, in order.
fn shown_values<T>(scope: &ScopeResult, of: impl Fn(&OptionResult) -> T) -> Vec<T> {
    scope.shown().map(of).collect()
}

fn rows(scope: &ScopeResult, lang: Lang, units: UnitSystem) -> Vec<Row> {
    let each = |f: &dyn Fn(&OptionResult) -> String| scope.shown().map(f).collect();
    let count = |n: u64| group_thousands(n as f64, 0);
    let ratio = |v: f64| format!("{v:.3}");
    vec![
        money_row(
            Term::Capex.tr(lang),
            Dash::TipCapex.tr(lang),
            scope,
            lang,
            |o| o.cost.capex,
        ),
        money_row(
            Gui::OpexPerYear.tr(lang),
            Dash::TipOpex.tr(lang),
            scope,
            lang,
            |o| o.cost.opex_per_year,
        ),
        money_row(
            Dash::NpvVsAir.tr(lang),
            Dash::TipNpv.tr(lang),
            scope,
            lang,
            |o| o.cost.npv_vs_air,
        ),
        Row::new(
            Dash::PaybackSimple.tr(lang),
            Dash::TipPaybackSimple.tr(lang),
            each(&|o| years(o.cost.simple_payback_years, lang)),
        ),
        Row::new(
            Dash::PaybackDiscounted.tr(lang),
            Dash::TipPaybackDiscounted.tr(lang),
            each(&|o| years(o.cost.discounted_payback_years, lang)),
        ),
        Row::new(
            Term::Pue.tr(lang),
            Dash::TipPue.tr(lang),
            each(&|o| ratio(o.energy.pue)),
        ),
        Row::new(
            Term::Tue.tr(lang),
            Dash::TipTue.tr(lang),
            each(&|o| ratio(o.energy.tue)),
        ),
        quantity_row(
            Gui::EnergyPerYear.tr(lang),
            Dash::TipEnergy.tr(lang),
            figures::energy_units(units),
            EnergyUnit::MWh,
            shown_values(scope, |o| o.energy.facility_energy),
        ),
        quantity_row(
            Gui::ItEnergyPerYear.tr(lang),
            Dash::TipItEnergy.tr(lang),
            figures::energy_units(units),
            EnergyUnit::MWh,
            shown_values(scope, |o| o.energy.it_energy),
        ),
        quantity_row(
            Gui::WaterPerYear.tr(lang),
            Dash::TipWater.tr(lang),
            figures::volume_units(units),
            VolumeUnit::L,
            shown_values(scope, |o| o.energy.water),
        ),
        quantity_row(
            Gui::Co2PerYear.tr(lang),
            Dash::TipCo2.tr(lang),
            figures::mass_units(units),
            MassUnit::kg,
            shown_values(scope, |o| o.energy.co2),
        ),
        Row::new(
            Gui::HeatToLiquid.tr(lang),
            Dash::TipHeatLiquid.tr(lang),
            each(&|o| quantity::<PowerUnit>(o.thermal.heat_to_liquid, units)),
        ),
        Row::new(
            Gui::HeatToAir.tr(lang),
            Dash::TipHeatAir.tr(lang),
            each(&|o| quantity::<PowerUnit>(o.thermal.heat_to_air, units)),
        ),
        Row::new(
            Gui::HeatToDoor.tr(lang),
            Dash::TipHeatDoor.tr(lang),
            each(&|o| quantity::<PowerUnit>(o.thermal.heat_to_door, units)),
        ),
        Row::new(
            Gui::CduCount.tr(lang),
            Dash::TipCdus.tr(lang),
            each(&|o| count(o.thermal.cdu_count)),
        ),
        Row::new(
            Gui::TankCount.tr(lang),
            Dash::TipTanks.tr(lang),
            each(&|o| count(o.thermal.tank_count)),
        ),
        quantity_row(
            Gui::FluidVolume.tr(lang),
            Dash::TipFluid.tr(lang),
            figures::volume_units(units),
            VolumeUnit::L,
            shown_values(scope, |o| o.thermal.fluid_volume),
        ),
        Row::new(
            Gui::CoolantFlow.tr(lang),
            Dash::TipFlow.tr(lang),
            each(&|o| quantity::<FlowUnit>(o.thermal.coolant_flow, units)),
        ),
        Row::new(
            Gui::FloorLoadRow.tr(lang),
            Dash::TipFloorLoad.tr(lang),
            each(&|o| quantity::<FloorLoadUnit>(o.thermal.floor_load, units)),
        ),
        Row::new(
            Gui::FloorArea.tr(lang),
            Dash::TipFloorArea.tr(lang),
            each(&|o| quantity::<AreaUnit>(o.thermal.floor_area, units)),
        ),
    ]
}

/// The side-by-side table: the metric names stay in place, the option columns share the width
/// right of them (130 pt each for a few options, down to 90 pt, their names wrapping at
/// spaces) and scroll sideways under a window too narrow for seven at 90 pt.
fn figures_table(ui: &mut Ui, scope: &ScopeResult, lang: Lang, units: UnitSystem) {
    let recommended = scope.recommendation.option;
    let rows = rows(scope, lang, units);
    let spacing = ui.spacing().item_spacing.x;
    let labels_width = rows
        .iter()
        .map(|row| row.label.as_str())
        .chain([Gui::Metric.tr(lang), Gui::Feasibility.tr(lang)])
        .map(|label| text_size(ui, RichText::new(label), f32::INFINITY).x)
        .fold(0.0, f32::max);
    let shown = scope.shown().count().max(1) as f32;
    let column =
        ((ui.available_width() - labels_width - spacing) / shown - spacing).clamp(90.0, 130.0);
    let names: Vec<RichText> = scope
        .shown()
        .map(|o| {
            let name = RichText::new(option_name(o.option, lang)).strong();
            if recommended == Some(o.option) {
                name.underline()
            } else {
                name
            }
        })
        .collect();
    // both header rows as tall as the tallest wrapped option name, so the rows of the two
    // grids line up
    let header_height = names
        .iter()
        .map(|name| text_size(ui, name.clone(), column).y)
        .fold(0.0, f32::max);
    ui.horizontal_top(|ui| {
        egui::Grid::new("compare_metrics")
            .num_columns(1)
            .striped(true)
            .min_col_width(labels_width)
            .show(ui, |ui| {
                header_cell(ui, header_height, |ui| {
                    ui.strong(Gui::Metric.tr(lang));
                });
                ui.end_row();
                ui.label(Gui::Feasibility.tr(lang))
                    .on_hover_text(Dash::TipFeasible.tr(lang));
                ui.end_row();
                for row in &rows {
                    ui.label(&row.label).on_hover_text(row.tip);
                    ui.end_row();
                }
            });
        egui::ScrollArea::horizontal()
            .id_salt("compare_columns")
            .show(ui, |ui| {
                option_columns(ui, scope, &rows, names, column, header_height, lang)
            });
    });
}

/// The option columns of the side-by-side table, rows in the order of [`figures_table`]'s names.
fn option_columns(
    ui: &mut Ui,
    scope: &ScopeResult,
    rows: &[Row],
    names: Vec<RichText>,
    column: f32,
    header_height: f32,
    lang: Lang,
) {
    egui::Grid::new("compare_table")
        .num_columns(names.len())
        .striped(true)
        .min_col_width(column)
        .show(ui, |ui| {
            for name in names {
                header_cell(ui, header_height, |ui| {
                    ui.set_max_width(column);
                    ui.add(egui::Label::new(name).wrap());
                });
            }
            ui.end_row();
            for shown in scope.shown() {
                if shown.feasible {
                    ui.label(Term::Feasible.tr(lang));
                } else {
                    ui.label(RichText::new(Term::Infeasible.tr(lang)).color(ERROR_COLOUR));
                }
            }
            ui.end_row();
            for row in rows {
                for cell in &row.cells {
                    ui.label(cell)
                        .on_hover_text(format!("{} — {}", row.label, row.tip));
                }
                ui.end_row();
            }
        });
}

/// A header cell at least `height` tall.
fn header_cell(ui: &mut Ui, height: f32, add: impl FnOnce(&mut Ui)) {
    ui.scope(|ui| {
        ui.set_min_height(height);
        add(ui);
    });
}

/// The size of `text` in the body font, wrapped at `width`.
fn text_size(ui: &Ui, text: RichText, width: f32) -> egui::Vec2 {
    egui::WidgetText::from(text)
        .into_galley(
            ui,
            Some(egui::TextWrapMode::Wrap),
            width,
            egui::TextStyle::Body,
        )
        .size()
}

/// Why each option is infeasible or worth a look; on the site, each hall's reasons under
/// the hall's name.
fn feasibility(
    ui: &mut Ui,
    results: &Overview,
    scope: &ScopeResult,
    hall: Option<usize>,
    lang: Lang,
    units: UnitSystem,
) {
    let scopes: Vec<&ScopeResult> = match hall {
        Some(_) => vec![scope],
        None if results.halls.len() > 1 => results.halls.iter().collect(),
        None => vec![scope],
    };
    for option in scope.shown().map(|o| o.option) {
        let any = scopes.iter().any(|s| {
            let o = s.option(option);
            o.applies && (!o.infeasible_reasons.is_empty() || !o.warnings.is_empty())
        });
        if !any {
            continue;
        }
        ui.strong(option_name(option, lang));
        for s in scopes.iter().filter(|s| s.option(option).applies) {
            let result = s.option(option);
            let named = scopes.len() > 1;
            for (reasons, colour) in [
                (&result.infeasible_reasons, ERROR_COLOUR),
                (&result.warnings, WARNING_COLOUR),
            ] {
                for reason in reasons {
                    let text = reason_text(reason, Some(option), lang, units);
                    let text = if named {
                        Dash::ReasonOf.fmt(lang, &[&s.name, &text])
                    } else {
                        text
                    };
                    reason_line(ui, text, Some(colour), std::slice::from_ref(&s.name), lang);
                }
            }
        }
    }
}

/// The recommended plan of the site (`hall` None) or one hall: headline, how it relates to
/// the reference columns, its figures, and the hall's limits.
fn plan_block(ui: &mut Ui, results: &Overview, hall: Option<usize>, lang: Lang, units: UnitSystem) {
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
    let up_front = t.capex_by_year.first().copied().unwrap_or(t.capex * 0.0);
    let scale = MoneyScale::fit(
        [t.capex.amount, t.opex_per_year.amount, t.npv_vs_air.amount],
        t.capex.currency,
        lang,
    );
    egui::Grid::new("plan_figures")
        .num_columns(2)
        .show(ui, |ui| {
            for (label, tip, value) in [
                (
                    Term::Capex.tr(lang),
                    Dash::TipCapex,
                    scale.show(t.capex.amount),
                ),
                (
                    coolplan_words::report::Rep::KfCapexUpFront.tr(lang),
                    Dash::TipCapex,
                    scale.show(up_front.amount),
                ),
                (
                    Gui::OpexPerYear.tr(lang),
                    Dash::TipOpex,
                    scale.show(t.opex_per_year.amount),
                ),
                (
                    Dash::NpvVsAir.tr(lang),
                    Dash::TipNpv,
                    scale.show(t.npv_vs_air.amount),
                ),
                (
                    Dash::PaybackSimple.tr(lang),
                    Dash::TipPaybackSimple,
                    years(t.simple_payback_years, lang),
                ),
                (
                    Dash::PaybackDiscounted.tr(lang),
                    Dash::TipPaybackDiscounted,
                    years(t.discounted_payback_years, lang),
                ),
                (
                    Term::Pue.tr(lang),
                    Dash::TipPue,
                    format!("{:.3} → {:.3}", t.pue_air, t.pue),
                ),
            ] {
                ui.label(label).on_hover_text(tip.tr(lang));
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
                    &plan_words::amount(limit.used, units),
                    &plan_words::amount(limit.capacity, units),
                ],
            ));
        }
    }
}
