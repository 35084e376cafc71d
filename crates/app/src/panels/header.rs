//! The answer header above every view: the site's decision, CAPEX, NPV against air, payback
//! (simple and discounted, named), PUE before → after, whether the plan complies by the
//! profile's year, and the problem count, each figure explained on hover. With no results it says why and how many problems stand in the way.
//!
//! Owns: drawing the header. Never touches: which figures make the answer
//! ([`crate::headline`]), their arithmetic.

use egui::{RichText, Ui};

use super::ViewCtx;
use crate::command::Command;
use crate::headline::Headline;
use crate::kit::{ERROR_COLOUR, WARNING_COLOUR};
use crate::state::Modal;
use crate::words::option_name;
use coolplan_engine::plan::comply::ComplyPlan;
use coolplan_units::format::group_thousands;
use coolplan_words::compliance_gui::CompGui;
use coolplan_words::dashboard::Dash;
use coolplan_words::figures;
use coolplan_words::gui::Gui;
use coolplan_words::results::years;
use coolplan_words::terms::Term;
use coolplan_words::{Lang, Text};

/// Draws the header.
pub fn header(ui: &mut Ui, ctx: &ViewCtx, out: &mut Vec<Command>) {
    let lang = ctx.lang();
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 18.0;
        match ctx.analysis.results.as_ref().map(Headline::of) {
            Some(Some(headline)) => {
                figures_ui(ui, &headline, lang);
                compliance_ui(ui, ctx, out);
            }
            Some(None) => {
                figure(
                    ui,
                    Dash::Decision.tr(lang),
                    Dash::DecisionNone.tr(lang),
                    None,
                )
                .on_hover_text(Dash::TipDecision.tr(lang));
            }
            None => {
                let reason = match (&ctx.analysis.failure, ctx.analysis.error_count()) {
                    (_, n) if n > 0 => Gui::FixProblems.fmt(lang, &[&n]),
                    (Some(failure), _) => failure.text(lang).to_string(),
                    (None, _) => Gui::NoResults.tr(lang).to_string(),
                };
                let text = Dash::DecisionWaiting.fmt(lang, &[&reason]);
                figure(ui, Dash::Decision.tr(lang), &text, Some(ERROR_COLOUR));
            }
        }
        problems_button(ui, ctx, out);
    });
}

/// The `comply_by` outcome, when the profile sets a year; a click shows the Compliance view.
fn compliance_ui(ui: &mut Ui, ctx: &ViewCtx, out: &mut Vec<Command>) {
    let lang = ctx.lang();
    let Some(plan) = ctx
        .analysis
        .results
        .as_ref()
        .and_then(|r| r.compliance.comply_by.as_ref())
    else {
        return;
    };
    let (caption, value) = coolplan_words::compliance_gui::header(plan, lang);
    let colour = matches!(plan, ComplyPlan::Unreachable { .. }).then_some(WARNING_COLOUR);
    let mut tip = coolplan_words::compliance::comply_plan(plan, lang).join("\n");
    tip.push('\n');
    tip.push_str(CompGui::HeaderTip.tr(lang));
    let response = figure(ui, &caption, &value, colour)
        .interact(egui::Sense::click())
        .on_hover_text(tip);
    if response.clicked() {
        out.push(Command::ShowView(crate::state::View::Compliance));
    }
}

/// A caption above a value; the value in `colour` when given. A figure that does not fit the
/// rest of the row starts the next one: squeezed into the last few points of a narrow window
/// it would wrap a glyph a line, down the whole height of the window.
fn figure(
    ui: &mut Ui,
    caption: &str,
    value: &str,
    colour: Option<egui::Color32>,
) -> egui::Response {
    let caption = RichText::new(caption).small().weak();
    let mut text = RichText::new(value).strong().size(16.0);
    if let Some(colour) = colour {
        text = text.color(colour);
    }
    let width = one_line_width(ui, caption.clone()).max(one_line_width(ui, text.clone()));
    let row_started = ui.cursor().min.x > ui.max_rect().min.x;
    if row_started && width > ui.available_size_before_wrap().x {
        ui.end_row();
    }
    ui.vertical(|ui| {
        ui.spacing_mut().item_spacing.y = 0.0;
        ui.label(caption);
        ui.label(text);
    })
    .response
}

/// The width of `text` on one line.
fn one_line_width(ui: &Ui, text: RichText) -> f32 {
    egui::WidgetText::from(text)
        .into_galley(
            ui,
            Some(egui::TextWrapMode::Extend),
            f32::INFINITY,
            egui::FontSelection::Default,
        )
        .size()
        .x
}

fn figures_ui(ui: &mut Ui, headline: &Headline, lang: Lang) {
    let decision = match headline.uniform {
        Some(option) => Dash::DecisionAll.fmt(
            lang,
            &[
                &option_name(option, lang),
                &group_thousands(headline.groups as f64, 0),
            ],
        ),
        None => {
            let split: Vec<String> = headline
                .split
                .iter()
                .map(|(o, n)| {
                    format!(
                        "{} {}",
                        option_name(*o, lang),
                        group_thousands(*n as f64, 0)
                    )
                })
                .collect();
            Dash::DecisionSplit.fmt(
                lang,
                &[
                    &group_thousands(headline.groups as f64, 0),
                    &split.join(" · "),
                ],
            )
        }
    };
    figure(ui, Dash::Decision.tr(lang), &decision, None).on_hover_text(Dash::TipDecision.tr(lang));
    figure(
        ui,
        Term::Capex.tr(lang),
        &figures::money(headline.capex, lang),
        None,
    )
    .on_hover_text(Dash::TipCapex.tr(lang));
    let npv_colour = (headline.npv_vs_air.amount < 0.0).then_some(ERROR_COLOUR);
    figure(
        ui,
        Dash::NpvVsAir.tr(lang),
        &figures::money(headline.npv_vs_air, lang),
        npv_colour,
    )
    .on_hover_text(Dash::TipNpv.tr(lang));
    let (simple, discounted) = headline.payback;
    let payback = Dash::PaybackBoth.fmt(lang, &[&years(simple, lang), &years(discounted, lang)]);
    figure(ui, Term::Payback.tr(lang), &payback, None).on_hover_text(format!(
        "{}\n{}",
        Dash::TipPaybackSimple.tr(lang),
        Dash::TipPaybackDiscounted.tr(lang)
    ));
    let pue = Dash::PueBeforeAfter.fmt(
        lang,
        &[
            &group_thousands(headline.pue_before, 2),
            &group_thousands(headline.pue_after, 2),
        ],
    );
    figure(ui, Term::Pue.tr(lang), &pue, None).on_hover_text(Dash::TipPue.tr(lang));
}

/// The problem count; a click lists the problems.
fn problems_button(ui: &mut Ui, ctx: &ViewCtx, out: &mut Vec<Command>) {
    let lang = ctx.lang();
    let problems = ctx.analysis.problems.len();
    let text = if problems == 0 {
        RichText::new(Gui::NoProblems.tr(lang))
    } else {
        let colour = if ctx.analysis.error_count() > 0 {
            ERROR_COLOUR
        } else {
            WARNING_COLOUR
        };
        RichText::new(Gui::Problems.fmt(lang, &[&problems])).color(colour)
    };
    if ui
        .button(text)
        .on_hover_text(Dash::TipProblems.tr(lang))
        .clicked()
    {
        out.push(Command::ShowModal(Modal::Problems));
    }
}
