//! Charts of the compare dashboard (egui_plot): CAPEX breakdown as stacked bars with each
//! option's total above its bar, cumulative discounted savings against air by calendar year
//! with the discounted payback marked, PUE and TUE bars with their values, and facility energy
//! by month named. Legends sit below each chart, never over a bar; money and energy axes are
//! scaled to the figures (M / bn or 万元 / 亿元, MWh or GWh).
//!
//! Every chart draws the options that apply in its scope ([`ScopeResult::shown`]), bars at
//! positions 0, 1, … in that order, however many there are.
//!
//! Owns: drawing the charts. Never touches: the figures' arithmetic beyond summing for display.

use egui::{Align2, Color32, RichText, Ui};
use egui_plot::{AxisHints, Bar, BarChart, GridMark, Line, Plot, PlotPoint, Points, Text};

use super::floor::option_colour;
use crate::words::option_name;
use coolplan_engine::{CoolingOption, CostItem, Overview, ScopeResult};
use coolplan_units::format::{UnitSystem, group_thousands};
use coolplan_units::{EnergyUnit, UnitKind};
use coolplan_words::dashboard::{Dash, month};
use coolplan_words::figures::{self, MoneyScale};
use coolplan_words::gui::Gui;
use coolplan_words::{Lang, Text as _};

const CHART_HEIGHT: f32 = 220.0;

/// Colours of the CAPEX items, in [`CostItem::ALL`] order (a qualitative palette readable on
/// light and dark backgrounds).
const ITEM_COLOURS: [Color32; CostItem::ALL.len()] = [
    Color32::from_rgb(0x4e, 0x79, 0xa7),
    Color32::from_rgb(0xf2, 0x8e, 0x2b),
    Color32::from_rgb(0xe1, 0x57, 0x59),
    Color32::from_rgb(0x76, 0xb7, 0xb2),
    Color32::from_rgb(0x59, 0xa1, 0x4f),
    Color32::from_rgb(0xed, 0xc9, 0x48),
    Color32::from_rgb(0x6b, 0xae, 0xd6),
    Color32::from_rgb(0xb0, 0x7a, 0xa1),
    Color32::from_rgb(0xff, 0x9d, 0xa7),
    Color32::from_rgb(0x9c, 0x75, 0x5f),
    Color32::from_rgb(0xba, 0xb0, 0xac),
    Color32::from_rgb(0x1f, 0x77, 0xb4),
    Color32::from_rgb(0x8c, 0x56, 0x4b),
    Color32::from_rgb(0x17, 0xbe, 0xcf),
    Color32::from_rgb(0xbc, 0xbd, 0x22),
    Color32::from_rgb(0x2c, 0xa0, 0x2c),
    Color32::from_rgb(0x3b, 0x8e, 0x8a),
    Color32::from_rgb(0xa6, 0xcb, 0xe3),
    Color32::from_rgb(0xd6, 0x27, 0x28),
    Color32::from_rgb(0x39, 0x3b, 0x79),
    Color32::from_rgb(0xe7, 0xba, 0x52),
    Color32::from_rgb(0x7f, 0x7f, 0x7f),
    Color32::from_rgb(0x94, 0x67, 0xbd),
    Color32::from_rgb(0x8c, 0x6d, 0x31),
];
/// PUE and TUE bars.
const PUE_COLOUR: Color32 = Color32::from_rgb(0x4e, 0x79, 0xa7);
const TUE_COLOUR: Color32 = Color32::from_rgb(0xf2, 0x8e, 0x2b);

/// Draws every chart of `scope`, two a row where the panel is wide enough.
pub fn all(ui: &mut Ui, results: &Overview, scope: &ScopeResult, lang: Lang, units: UnitSystem) {
    let width = (ui.available_width() / 2.0 - 12.0).max(320.0);
    ui.horizontal_wrapped(|ui| {
        chart_box(ui, width, Gui::ChartCapex.tr(lang), |ui| {
            capex(ui, scope, lang)
        });
        chart_box(ui, width, Gui::ChartCashFlow.tr(lang), |ui| {
            cash_flow(ui, results, scope, lang)
        });
        chart_box(ui, width, Gui::ChartPue.tr(lang), |ui| pue(ui, scope, lang));
        chart_box(ui, width, Gui::ChartMonthly.tr(lang), |ui| {
            monthly(ui, scope, lang, units)
        });
    });
}

fn chart_box(ui: &mut Ui, width: f32, title: &str, add: impl FnOnce(&mut Ui)) {
    ui.allocate_ui(egui::vec2(width, CHART_HEIGHT + 80.0), |ui| {
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
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .show_grid([false, true])
}

/// A legend below a chart: a coloured square and a name per series, wrapped to the chart's
/// width.
fn legend(ui: &mut Ui, entries: &[(Color32, String)]) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 10.0;
        for (colour, name) in entries {
            let mut job = egui::text::LayoutJob::default();
            let font = egui::TextStyle::Small.resolve(ui.style());
            let text_colour = ui.visuals().text_color();
            job.append("■ ", 0.0, egui::TextFormat::simple(font.clone(), *colour));
            job.append(name, 0.0, egui::TextFormat::simple(font, text_colour));
            ui.label(job);
        }
    });
}

/// An x axis with a label at every grid mark at least `min_spacing` points apart.
fn x_axis<'a>(
    label: &str,
    min_spacing: f32,
    format: impl Fn(GridMark, &std::ops::RangeInclusive<f64>) -> String + 'a,
) -> Vec<AxisHints<'a>> {
    vec![
        AxisHints::new_x()
            .label(label)
            .formatter(format)
            .label_spacing(min_spacing..=min_spacing + 10.0),
    ]
}

/// Grid marks at every whole number from `first` to `last`.
fn every_whole(first: i32, last: i32) -> impl Fn(egui_plot::GridInput) -> Vec<GridMark> {
    move |_| {
        (first..=last)
            .map(|v| GridMark {
                value: f64::from(v),
                step_size: 1.0,
            })
            .collect()
    }
}

/// A value label above a point of the plot.
fn value_label(name: &str, x: f64, y: f64, text: String) -> Text {
    Text::new(
        name,
        PlotPoint::new(x, y),
        RichText::new(text).small().strong(),
    )
    .anchor(Align2::CENTER_BOTTOM)
}

/// Stacked bars: one bar per option, one layer per cost item, the total above each bar.
fn capex(ui: &mut Ui, scope: &ScopeResult, lang: Lang) {
    let shown = shown(scope);
    let totals: Vec<f64> = shown
        .iter()
        .map(|&o| scope.option(o).cost.capex.amount)
        .collect();
    let currency = scope.option(CoolingOption::Air).cost.capex.currency;
    let scale = MoneyScale::fit(totals.iter().copied(), currency, lang);
    let items = scope.capex_items();
    let mut charts: Vec<BarChart> = Vec::new();
    let mut entries = Vec::new();
    for item in items {
        let colour = ITEM_COLOURS[item_index(item)];
        let name = coolplan_words::results::cost_item(item, lang);
        let bars = shown
            .iter()
            .enumerate()
            .map(|(at, &option)| {
                let amount = scope.option(option).cost.spent_on(item).amount;
                Bar::new(at as f64, scale.number(amount))
                    .width(0.6)
                    .name(format!(
                        "{} · {name}: {}",
                        option_name(option, lang),
                        scale.show(amount)
                    ))
            })
            .collect();
        let below: Vec<&BarChart> = charts.iter().collect();
        let chart = BarChart::new(name, bars).color(colour).stack_on(&below);
        charts.push(chart);
        entries.push((colour, name.to_string()));
    }
    let top = totals.iter().fold(0.0_f64, |m, t| m.max(scale.number(*t)));
    let labels = shown.clone();
    plot("capex_chart")
        .y_axis_label(scale.unit())
        .custom_x_axes(option_axis(labels, lang))
        .x_grid_spacer(every_whole(0, shown.len() as i32 - 1))
        .include_y(0.0)
        .include_y(top * 1.15)
        .include_x(-0.5)
        .include_x(shown.len() as f64 - 0.5)
        .show(ui, |plot_ui| {
            for chart in charts {
                plot_ui.bar_chart(chart);
            }
            for (at, &total) in totals.iter().enumerate() {
                plot_ui.text(value_label(
                    "capex_total",
                    at as f64,
                    scale.number(total),
                    scale.show(total),
                ));
            }
        });
    legend(ui, &entries);
}

/// Position of a cost item in [`CostItem::ALL`] (its colour).
fn item_index(item: CostItem) -> usize {
    CostItem::ALL.iter().position(|i| *i == item).unwrap_or(0)
}

/// Cumulative discounted savings against air per liquid option by calendar year; a dot and
/// its label where it crosses zero (the discounted payback).
fn cash_flow(ui: &mut Ui, results: &Overview, scope: &ScopeResult, lang: Lang) {
    let rate = results.discount_rate;
    let first_year = f64::from(results.first_year);
    let air = &scope.option(CoolingOption::Air).cost.cash_flows;
    let liquids: Vec<CoolingOption> = shown(scope)
        .into_iter()
        .filter(|o| *o != CoolingOption::Air)
        .collect();
    let series: Vec<_> = liquids
        .iter()
        .map(|&option| {
            let flows = &scope.option(option).cost.cash_flows;
            let mut cumulative = 0.0;
            let mut points = Vec::with_capacity(flows.len());
            let mut crossing = None;
            for (year, (flow, air_flow)) in flows.iter().zip(air).enumerate() {
                let before = cumulative;
                cumulative += (flow.amount - air_flow.amount) / (1.0 + rate).powi(year as i32);
                if before < 0.0 && cumulative >= 0.0 && crossing.is_none() {
                    crossing = Some(year as f64 - 1.0 + (-before) / (cumulative - before));
                }
                points.push((year as f64, cumulative));
            }
            (option, points, crossing)
        })
        .collect();
    let currency = scope.option(CoolingOption::Air).cost.capex.currency;
    let scale = MoneyScale::fit(
        series
            .iter()
            .flat_map(|(_, p, _)| p.iter().map(|(_, v)| *v)),
        currency,
        lang,
    );
    let payback = Dash::PaybackDiscounted.tr(lang);
    let mut entries = Vec::new();
    let years = air.len() as i32;
    // every year named where there is room, else every other one
    let step = if years > 12 { 2 } else { 1 };
    let first = results.first_year as i32;
    // Marks only over the years plotted: a mark a year past the last point sits on the plot's
    // right edge, where its label is cut off.
    let last = first + years - 1;
    plot("cash_flow_chart")
        .custom_x_axes(x_axis(Gui::YearAxis.tr(lang), 26.0, move |mark, _| {
            let year = mark.value.round() as i32;
            if (first..=last).contains(&year) && (year - first) % step == 0 {
                year.to_string()
            } else {
                String::new()
            }
        }))
        .x_grid_spacer(every_whole(first, last))
        .y_axis_label(scale.unit())
        .show(ui, |plot_ui| {
            for (option, points, crossing) in &series {
                let name = option_name(*option, lang);
                let colour = option_colour(*option);
                let line: Vec<[f64; 2]> = points
                    .iter()
                    .map(|(y, v)| [first_year + y, scale.number(*v)])
                    .collect();
                plot_ui.line(Line::new(name, line).color(colour).width(2.0));
                if let Some(t) = crossing {
                    let x = first_year + t;
                    plot_ui.points(
                        Points::new(format!("{name} {payback}"), vec![[x, 0.0]])
                            .radius(5.0)
                            .color(colour),
                    );
                    plot_ui.text(value_label(
                        "payback",
                        x,
                        0.0,
                        coolplan_words::results::years(Some(*t), lang),
                    ));
                }
            }
        });
    for option in liquids {
        entries.push((option_colour(option), option_name(option, lang).to_string()));
    }
    entries.push((ui.visuals().text_color(), format!("● {payback}")));
    legend(ui, &entries);
}

/// PUE and TUE bars side by side per option, each with its value.
fn pue(ui: &mut Ui, scope: &ScopeResult, lang: Lang) {
    let value = |o: CoolingOption, tue: bool| {
        let e = &scope.option(o).energy;
        if tue { e.tue } else { e.pue }
    };
    let shown = shown(scope);
    let bars = |offset: f64, tue: bool| {
        shown
            .iter()
            .enumerate()
            .map(|(at, &o)| {
                Bar::new(at as f64 + offset, value(o, tue))
                    .width(0.3)
                    .name(option_name(o, lang))
            })
            .collect::<Vec<_>>()
    };
    let top = shown
        .iter()
        .flat_map(|&o| [value(o, false), value(o, true)])
        .fold(1.0_f64, f64::max);
    let labels = shown.clone();
    plot("pue_chart")
        .custom_x_axes(option_axis(labels, lang))
        .x_grid_spacer(every_whole(0, shown.len() as i32 - 1))
        .include_y(0.0)
        .include_y(top * 1.15)
        .include_x(-0.5)
        .include_x(shown.len() as f64 - 0.5)
        .show(ui, |plot_ui| {
            plot_ui.bar_chart(BarChart::new("PUE", bars(-0.16, false)).color(PUE_COLOUR));
            plot_ui.bar_chart(BarChart::new("TUE", bars(0.16, true)).color(TUE_COLOUR));
            for (at, &option) in shown.iter().enumerate() {
                for (offset, tue) in [(-0.16, false), (0.16, true)] {
                    let v = value(option, tue);
                    plot_ui.text(value_label(
                        "pue_value",
                        at as f64 + offset,
                        v,
                        group_thousands(v, 2),
                    ));
                }
            }
        });
    legend(
        ui,
        &[
            (PUE_COLOUR, "PUE".to_string()),
            (TUE_COLOUR, "TUE".to_string()),
        ],
    );
}

/// Facility energy per month per option, months named, in MWh or GWh.
fn monthly(ui: &mut Ui, scope: &ScopeResult, lang: Lang, units: UnitSystem) {
    let shown = shown(scope);
    let unit = figures::fitting_unit(
        figures::energy_units(units),
        EnergyUnit::MWh,
        shown
            .iter()
            .flat_map(|&o| scope.option(o).energy.monthly_facility_energy),
    );
    plot("monthly_chart")
        .custom_x_axes(x_axis(Gui::MonthAxis.tr(lang), 18.0, move |mark, _| {
            month(mark.value.round() as usize, lang).to_string()
        }))
        .x_grid_spacer(every_whole(1, 12))
        .y_axis_label(unit.symbol())
        .include_y(0.0)
        .include_x(0.5)
        .include_x(12.5)
        .show(ui, |plot_ui| {
            for &option in &shown {
                let points: Vec<[f64; 2]> = scope
                    .option(option)
                    .energy
                    .monthly_facility_energy
                    .iter()
                    .enumerate()
                    .map(|(m, e)| [m as f64 + 1.0, unit.number_of(*e)])
                    .collect();
                plot_ui.line(
                    Line::new(option_name(option, lang), points)
                        .color(option_colour(option))
                        .width(2.0),
                );
            }
        });
    let entries: Vec<(Color32, String)> = shown
        .iter()
        .map(|&o| (option_colour(o), option_name(o, lang).to_string()))
        .collect();
    legend(ui, &entries);
}

/// The options `scope` shows, in order: the bars of its charts.
fn shown(scope: &ScopeResult) -> Vec<CoolingOption> {
    scope.shown().map(|o| o.option).collect()
}

/// Axis label of a bar position: the name of the `shown` option at 0, 1, 2, …
/// An x axis naming the option under every bar (each name in lines, so seven fit side by side).
/// At 11 pt: egui_plot leaves out a label wider than the bars' pitch (about 64 pt at 1280).
fn option_axis<'a>(shown: Vec<CoolingOption>, lang: Lang) -> Vec<AxisHints<'a>> {
    x_axis("", 20.0, move |mark, _| {
        option_label(mark.value, &shown, lang)
    })
    .into_iter()
    .map(|axis| axis.tick_label_font(egui::FontId::proportional(11.0)))
    .collect()
}

fn option_label(value: f64, shown: &[CoolingOption], lang: Lang) -> String {
    let index = value.round();
    if (value - index).abs() > 1e-6 || index < 0.0 {
        return String::new();
    }
    shown
        .get(index as usize)
        .map(|o| coolplan_words::results::option_lines(*o, lang).to_string())
        .unwrap_or_default()
}
