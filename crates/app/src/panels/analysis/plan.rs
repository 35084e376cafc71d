//! The phased plan of the Analysis view: a yearly CAPEX budget in, the plan out as a
//! year-by-year table, a cumulative cash-flow chart against staying all-air (payback where it
//! crosses zero) and why each rack group is in its year.
//!
//! Owns: drawing and the budget field's commands. Never touches: the plan's arithmetic
//! (`engine::analysis::phased`) or state ([`crate::studies::PlanStudy`]), its wording
//! (`coolplan_words::results::plan_reason`).

use egui::{Color32, Grid, Ui};
use egui_plot::{Corner, HLine, Legend, Line, Plot, Points};

use crate::command::Command;
use crate::panels::ViewCtx;
use coolplan_engine::analysis::phased::Plan;
use coolplan_units::Money;
use coolplan_words::analysis::An;
use coolplan_words::gui::Gui;
use coolplan_words::results::{money, option_name, plan_reason};
use coolplan_words::{Lang, Text};

/// Height of the cash-flow chart.
const CHART_HEIGHT: f32 = 240.0;
/// Groups whose reasons are all laid out; more go into a scrolled list of the rows in view.
const REASONS_ALL_ROWS: usize = 200;
/// Height of the scrolled list of why each group is in its year.
const REASONS_HEIGHT: f32 = 320.0;
/// Conversions named in a year's row; the rest are counted.
const CONVERSIONS_LISTED: usize = 12;
/// Colours of the chart's series: all-air reference, plain and discounted savings.
const ALL_AIR_COLOUR: Color32 = Color32::from_rgb(150, 150, 150);
const PLAIN_COLOUR: Color32 = Color32::from_rgb(31, 119, 180);
const DISCOUNTED_COLOUR: Color32 = Color32::from_rgb(44, 160, 44);

pub fn ui(ui: &mut Ui, ctx: &ViewCtx, out: &mut Vec<Command>) {
    let lang = ctx.lang();
    ui.heading(Gui::AnPlan.tr(lang));
    let Some(results) = &ctx.analysis.results else {
        return;
    };
    let study = &ctx.studies.plan;
    let budget = study.budget_for(results);
    ui.horizontal(|ui| {
        let label = ui.label(Gui::AnBudget.fmt(lang, &[&budget.currency.code()]));
        let mut amount = budget.amount;
        let response = ui
            .add(
                egui::DragValue::new(&mut amount)
                    .range(0.0..=1e12)
                    .speed(100_000.0),
            )
            .labelled_by(label.id);
        if response.changed() {
            out.push(Command::SetPlanBudget(Money::new(amount, budget.currency)));
        }
        if ui.button(Gui::AnMakePlan.tr(lang)).clicked() {
            out.push(Command::MakePlan);
        }
    });
    let plan = match study.of(ctx.revision) {
        None => return,
        Some(Err(reason)) => {
            ui.colored_label(ui.visuals().error_fg_color, reason.text(lang));
            return;
        }
        Some(Ok(plan)) => plan,
    };
    ui.label(format!(
        "{}: {}",
        coolplan_words::report::Rep::KfNpv.tr(lang),
        money(plan.npv, lang)
    ));
    years_table(ui, plan, lang);
    ui.add_space(6.0);
    ui.strong(An::CumulativeTitle.tr(lang));
    ui.label(payback_text(plan, lang));
    cash_flow_chart(ui, plan, lang);
    ui.add_space(6.0);
    ui.strong(An::WhyHeader.tr(lang));
    reasons(ui, plan, lang);
}

fn years_table(ui: &mut Ui, plan: &Plan, lang: Lang) {
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
            let mut groups: Vec<String> = year
                .conversions
                .iter()
                .take(CONVERSIONS_LISTED)
                .map(|g| &plan.groups[*g])
                .map(|g| {
                    let option = g.choice.map_or("—", |c| option_name(c.0, lang));
                    format!("{} → {option}", g.group)
                })
                .collect();
            let unlisted = year.conversions.len().saturating_sub(CONVERSIONS_LISTED);
            if unlisted > 0 {
                groups.push(An::MoreConversions.fmt(lang, &[&unlisted]));
            }
            ui.label(groups.join(", "));
            ui.end_row();
        }
    });
}

/// Each group: where the plan puts it and why. Up to [`REASONS_ALL_ROWS`] groups are all laid
/// out; beyond, a scrolled list lays out only the rows in view, so a site of 10,000 rack
/// groups costs a frame about what a small one does.
fn reasons(ui: &mut Ui, plan: &Plan, lang: Lang) {
    let count = plan.groups.len();
    if count <= REASONS_ALL_ROWS {
        reason_rows(ui, plan, 0..count, lang);
        return;
    }
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
    egui::ScrollArea::vertical()
        .id_salt("phased-plan-why-scroll")
        .max_height(REASONS_HEIGHT)
        .auto_shrink([false, true])
        .show_rows(ui, row_height, count, |ui, rows| {
            reason_rows(ui, plan, rows, lang)
        });
}

fn reason_rows(ui: &mut Ui, plan: &Plan, rows: std::ops::Range<usize>, lang: Lang) {
    Grid::new("phased-plan-why")
        .striped(true)
        .start_row(rows.start)
        .show(ui, |ui| {
            for group in &plan.groups[rows] {
                ui.label(&group.group);
                ui.label(match group.choice {
                    Some((option, year)) => format!("{} {year}", option_name(option, lang)),
                    None => An::StaysAir.tr(lang).to_string(),
                });
                ui.label(plan_reason(&group.reason, lang));
                ui.end_row();
            }
        });
}

/// The first calendar year at whose end the cumulative savings against air are no longer
/// negative, after having been negative (the plan has paid back); `None` if never.
pub fn payback_year(cumulative: &[(u16, Money)]) -> Option<u16> {
    let first_negative = cumulative.iter().position(|(_, m)| m.amount < 0.0)?;
    cumulative[first_negative..]
        .iter()
        .find(|(_, m)| m.amount >= 0.0)
        .map(|(year, _)| *year)
}

fn payback_text(plan: &Plan, lang: Lang) -> String {
    let year = |y: Option<u16>| y.map_or_else(|| "—".to_string(), |y| y.to_string());
    match (
        payback_year(&plan.cumulative),
        payback_year(&plan.cumulative_discounted),
    ) {
        (None, None) => Gui::AnPlanNoPayback.tr(lang).to_string(),
        (plain, discounted) => Gui::AnPlanPayback.fmt(lang, &[&year(plain), &year(discounted)]),
    }
}

/// Cumulative savings of the plan against all-air (the zero line), plain and discounted, in
/// millions; a dot at the end of each payback year.
fn cash_flow_chart(ui: &mut Ui, plan: &Plan, lang: Lang) {
    let currency = plan.npv.currency.code();
    let series = |values: &[(u16, Money)]| -> Vec<[f64; 2]> {
        values
            .iter()
            .map(|(year, m)| [f64::from(*year), m.amount / 1e6])
            .collect()
    };
    let plain_name = Gui::AnPlanCumulative.tr(lang);
    let discounted_name = Gui::AnPlanDiscounted.tr(lang);
    let payback_points = |values: &[(u16, Money)]| -> Vec<[f64; 2]> {
        payback_year(values)
            .and_then(|y| values.iter().find(|(year, _)| *year == y))
            .map(|(y, m)| vec![[f64::from(*y), m.amount / 1e6]])
            .unwrap_or_default()
    };
    Plot::new("phased_plan_cash_flow")
        .height(CHART_HEIGHT)
        .legend(Legend::default().position(Corner::LeftTop))
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .x_axis_label(Gui::YearAxis.tr(lang))
        .y_axis_label(format!("M {currency}"))
        .show(ui, |plot_ui| {
            plot_ui.hline(
                HLine::new(Gui::AnPlanAllAir.tr(lang), 0.0)
                    .color(ALL_AIR_COLOUR)
                    .width(1.5),
            );
            use coolplan_words::terms::Term;
            for (name, values, colour, payback) in [
                (
                    plain_name,
                    &plan.cumulative,
                    PLAIN_COLOUR,
                    Term::SimplePayback.tr(lang),
                ),
                (
                    discounted_name,
                    &plan.cumulative_discounted,
                    DISCOUNTED_COLOUR,
                    Term::DiscountedPayback.tr(lang),
                ),
            ] {
                plot_ui.line(Line::new(name, series(values)).color(colour).width(2.0));
                let points = payback_points(values);
                if !points.is_empty() {
                    plot_ui.points(Points::new(payback, points).color(colour).radius(5.0));
                }
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;
    use coolplan_units::Currency;

    fn flows(values: &[f64]) -> Vec<(u16, Money)> {
        values
            .iter()
            .enumerate()
            .map(|(i, v)| (2026 + i as u16, Money::new(*v, Currency::CNY)))
            .collect()
    }

    #[test]
    fn payback_is_the_first_year_back_at_or_above_zero() {
        // ai-hall at 5 M CNY a year (undiscounted): −4.91, −8.6, −10, −6.93, −3.09, +0.75 M
        // → back above zero at the end of 2031, the sixth year.
        let cumulative = flows(&[-4.91e6, -8.6e6, -10e6, -6.93e6, -3.09e6, 0.75e6, 4.59e6]);
        assert_eq!(payback_year(&cumulative), Some(2031));
        // Never negative (nothing spent): nothing to pay back.
        assert_eq!(payback_year(&flows(&[0.0, 0.0])), None);
        // Negative to the end: no payback.
        assert_eq!(payback_year(&flows(&[-1.0, -0.5])), None);
    }
}
