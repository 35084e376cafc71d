//! Charts of the compare dashboard (egui_plot): CAPEX breakdown as stacked bars, cumulative
//! discounted cash flow against air with the payback crossing, PUE/TUE bars and monthly
//! facility energy.

use egui::Ui;
use egui_plot::{Bar, BarChart, Legend, Line, Plot, Points};

use super::floor::option_colour;
use crate::words::option_name;
use coolplan_engine::{CoolingOption, Overview, ScopeResult};
use coolplan_words::gui::Gui;
use coolplan_words::{Lang, Text};

const CHART_HEIGHT: f32 = 220.0;

/// Draws every chart of `scope`.
pub fn all(ui: &mut Ui, results: &Overview, scope: &ScopeResult, lang: Lang) {
    let width = (ui.available_width() / 2.0 - 12.0).max(280.0);
    ui.horizontal_wrapped(|ui| {
        chart_box(ui, width, Gui::ChartCapex.tr(lang), |ui| {
            capex(ui, scope, lang)
        });
        chart_box(ui, width, Gui::ChartCashFlow.tr(lang), |ui| {
            cash_flow(ui, results, scope, lang)
        });
        chart_box(ui, width, Gui::ChartPue.tr(lang), |ui| pue(ui, scope, lang));
        chart_box(ui, width, Gui::ChartMonthly.tr(lang), |ui| {
            monthly(ui, scope, lang)
        });
    });
}

fn chart_box(ui: &mut Ui, width: f32, title: &str, add: impl FnOnce(&mut Ui)) {
    ui.allocate_ui(egui::vec2(width, CHART_HEIGHT + 30.0), |ui| {
        ui.vertical(|ui| {
            ui.set_width(width);
            ui.strong(title);
            add(ui);
        });
    });
}

fn plot(id: &str) -> Plot<'_> {
    Plot::new(id)
        .height(CHART_HEIGHT)
        .legend(Legend::default())
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
}

/// Stacked bars: one bar per option, one stack layer per cost item (millions of currency).
fn capex(ui: &mut Ui, scope: &ScopeResult, lang: Lang) {
    let items = scope.capex_items();
    let mut charts: Vec<BarChart> = Vec::new();
    for item in items {
        let bars = CoolingOption::ALL
            .iter()
            .map(|&option| {
                let amount = scope
                    .option(option)
                    .cost
                    .capex_breakdown
                    .iter()
                    .filter(|(i, _)| *i == item)
                    .map(|(_, m)| m.amount)
                    .sum::<f64>();
                Bar::new(option.index() as f64, amount / 1e6)
                    .width(0.6)
                    .name(option_name(option, lang))
            })
            .collect();
        let below: Vec<&BarChart> = charts.iter().collect();
        let chart =
            BarChart::new(coolplan_words::results::cost_item(item, lang), bars).stack_on(&below);
        charts.push(chart);
    }
    plot("capex_chart")
        .y_axis_label(format!("M {}", currency_code(scope)))
        .x_axis_formatter(move |mark, _| option_label(mark.value, lang))
        .show(ui, |plot_ui| {
            for chart in charts {
                plot_ui.bar_chart(chart);
            }
        });
}

/// Cumulative discounted savings against air per liquid option; a dot where it crosses zero.
fn cash_flow(ui: &mut Ui, results: &Overview, scope: &ScopeResult, lang: Lang) {
    let rate = results.discount_rate;
    let air = &scope.option(CoolingOption::Air).cost.cash_flows;
    plot("cash_flow_chart")
        .x_axis_label(Gui::YearAxis.tr(lang))
        .y_axis_label(format!("M {}", currency_code(scope)))
        .show(ui, |plot_ui| {
            for option in [CoolingOption::ColdPlate, CoolingOption::Immersion] {
                let flows = &scope.option(option).cost.cash_flows;
                let mut cumulative = 0.0;
                let mut points = Vec::with_capacity(flows.len());
                let mut crossing = None;
                for (year, (flow, air_flow)) in flows.iter().zip(air).enumerate() {
                    let before = cumulative;
                    cumulative += (flow.amount - air_flow.amount) / (1.0 + rate).powi(year as i32);
                    if before < 0.0 && cumulative >= 0.0 && crossing.is_none() {
                        let t = year as f64 - 1.0 + (-before) / (cumulative - before);
                        crossing = Some([t, 0.0]);
                    }
                    points.push([year as f64, cumulative / 1e6]);
                }
                let name = option_name(option, lang);
                plot_ui.line(
                    Line::new(name, points)
                        .color(option_colour(option))
                        .width(2.0),
                );
                if let Some(point) = crossing {
                    // the curve is discounted, so its crossing is the discounted payback
                    plot_ui.points(
                        Points::new(
                            format!(
                                "{name} {}",
                                coolplan_words::terms::Term::DiscountedPayback.tr(lang)
                            ),
                            vec![point],
                        )
                        .radius(5.0)
                        .color(option_colour(option)),
                    );
                }
            }
        });
}

/// PUE and TUE bars side by side per option.
fn pue(ui: &mut Ui, scope: &ScopeResult, lang: Lang) {
    let bars = |offset: f64, value: fn(&coolplan_engine::OptionResult) -> f64| {
        CoolingOption::ALL
            .iter()
            .map(|&o| Bar::new(o.index() as f64 + offset, value(scope.option(o))).width(0.3))
            .collect::<Vec<_>>()
    };
    plot("pue_chart")
        .x_axis_formatter(move |mark, _| option_label(mark.value, lang))
        .include_y(1.0)
        .show(ui, |plot_ui| {
            plot_ui.bar_chart(BarChart::new("PUE", bars(-0.16, |o| o.energy.pue)));
            plot_ui.bar_chart(BarChart::new("TUE", bars(0.16, |o| o.energy.tue)));
        });
}

/// Facility energy per month per option, MWh.
fn monthly(ui: &mut Ui, scope: &ScopeResult, lang: Lang) {
    plot("monthly_chart")
        .x_axis_label(Gui::MonthAxis.tr(lang))
        .y_axis_label("MWh")
        .show(ui, |plot_ui| {
            for option in CoolingOption::ALL {
                let points: Vec<[f64; 2]> = scope
                    .option(option)
                    .energy
                    .monthly_facility_energy
                    .iter()
                    .enumerate()
                    .map(|(m, e)| [m as f64 + 1.0, e.get::<uom::si::energy::megawatt_hour>()])
                    .collect();
                plot_ui.line(
                    Line::new(option_name(option, lang), points)
                        .color(option_colour(option))
                        .width(2.0),
                );
            }
        });
}

fn currency_code(scope: &ScopeResult) -> &'static str {
    scope.option(CoolingOption::Air).cost.capex.currency.code()
}

/// Axis label of a bar position: the option's name at 0, 1, 2.
fn option_label(value: f64, lang: Lang) -> String {
    let index = value.round();
    if (value - index).abs() > 1e-6 {
        return String::new();
    }
    CoolingOption::ALL
        .iter()
        .find(|o| o.index() as f64 == index)
        .map(|o| option_name(*o, lang).to_string())
        .unwrap_or_default()
}
