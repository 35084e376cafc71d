//! The executive summary, which stands alone on at most two pages: the decision and why, the
//! key figures (CAPEX, NPV, simple and discounted payback, savings), CAPEX by year, the main
//! risks and the KPIs a compliance check reads.
//!
//! The decision is today's recommendation with the mixed plan beside it; when the engine
//! gives a plan under hall limits, [`decision`] is the one function to change.

use super::format::{self as f, MoneyScale};
use super::reasons::{choice, in_sentence, reasons_of};
use super::{ReportInput, kpis, plan, risks, section, sentence_sep};
use crate::document::{Block, Column, KeyFigure, Row, Table};
use coolplan_engine::{CoolingOption, OptionResult};
use coolplan_units::Money;
use coolplan_units::format::group_thousands;
use coolplan_words::{Lang, Text, report::Rep};

pub(super) fn summary(input: &ReportInput, blocks: &mut Vec<Block>) {
    let lang = input.lang;
    blocks.push(Block::KeyFigures(key_figures(input)));
    for paragraph in decision(input) {
        blocks.push(Block::Paragraph(paragraph));
    }
    blocks.push(section(Rep::CapexByYear.tr(lang)));
    blocks.push(Block::Table(capex_by_year(input)));
    blocks.push(section(Rep::KeyRisks.tr(lang)));
    blocks.push(Block::Bullets(risks::key_risks(input)));
    blocks.push(section(Rep::ComplianceSummary.tr(lang)));
    blocks.push(Block::Paragraph(kpis::summary_line(input)));
}

/// The option the summary's figures are about: the recommendation, when there is one.
fn chosen<'a>(input: &ReportInput<'a>) -> Option<&'a OptionResult> {
    let site: &'a coolplan_engine::ScopeResult = &input.results.site;
    site.recommendation.option.map(|o| site.option(o))
}

fn key_figures(input: &ReportInput) -> Vec<KeyFigure> {
    let (results, lang) = (input.results, input.lang);
    let site = &results.site;
    let air = site.option(CoolingOption::Air);
    let figure = |label: Rep, value: String| KeyFigure {
        label: label.tr(lang).to_string(),
        value,
    };
    let mixed = &results.mixed_plan;
    let mut figures = vec![figure(
        Rep::KfRecommended,
        choice(site.recommendation.option, lang),
    )];
    match chosen(input) {
        Some(best) => figures.extend([
            figure(Rep::KfCapex, f::money_short(best.cost.capex, lang)),
            figure(Rep::KfNpv, f::money_short(best.cost.npv_vs_air, lang)),
            figure(Rep::KfPayback, payback_of(best, false, lang)),
            figure(Rep::KfDiscPayback, payback_of(best, true, lang)),
            figure(
                Rep::KfIrr,
                f::irr(
                    site.irr(best.option)
                        .filter(|_| best.option != CoolingOption::Air),
                    lang,
                ),
            ),
            figure(
                Rep::KfPue,
                format!(
                    "{} → {}",
                    f::ratio(air.energy.pue),
                    f::ratio(best.energy.pue)
                ),
            ),
            figure(
                Rep::KfEnergySaved,
                f::energy(air.energy.facility_energy - best.energy.facility_energy),
            ),
            figure(
                Rep::KfOpexSaved,
                f::money_short(air.cost.opex_per_year - best.cost.opex_per_year, lang),
            ),
            figure(Rep::KfCo2Saved, f::tonnes(air.energy.co2 - best.energy.co2)),
            figure(Rep::KfMixedCapex, f::money_short(mixed.capex, lang)),
            figure(Rep::KfMixedNpv, f::money_short(mixed.npv_vs_air, lang)),
        ]),
        None => figures.extend([
            figure(Rep::KfMixedCapex, f::money_short(mixed.capex, lang)),
            figure(Rep::KfMixedNpv, f::money_short(mixed.npv_vs_air, lang)),
            figure(
                Rep::KfMixedPue,
                format!("{} → {}", f::ratio(air.energy.pue), f::ratio(mixed.pue)),
            ),
        ]),
    }
    figures
}

/// Payback of a liquid option (simple or discounted), or a dash for air.
pub(super) fn payback_of(option: &OptionResult, discounted: bool, lang: Lang) -> String {
    if option.option == CoolingOption::Air {
        Rep::NotApplicable.tr(lang).to_string()
    } else if discounted {
        f::payback(option.cost.discounted_payback_years, lang)
    } else {
        f::payback(option.cost.simple_payback_years, lang)
    }
}

/// What to approve and why, in a few sentences generated from the results.
fn decision(input: &ReportInput) -> Vec<String> {
    let (results, lang) = (input.results, input.lang);
    let site = &results.site;
    let air = site.option(CoolingOption::Air);
    let sep = sentence_sep(lang);
    let mut first = Vec::new();
    match site.recommendation.option {
        Some(option) => {
            let why = reasons_of(&site.recommendation.reasons, site, Some(option), lang);
            first.push(if why.is_empty() {
                Rep::NarrRecommend.fmt(lang, &[&input.site.name, &in_sentence(option, lang)])
            } else {
                Rep::NarrRecommendWhy
                    .fmt(lang, &[&input.site.name, &in_sentence(option, lang), &why])
            });
            let best = site.option(option);
            if option != CoolingOption::Air {
                let saved = air.cost.opex_per_year - best.cost.opex_per_year;
                let first_year_capex = best.cost.capex_by_year.first().copied();
                first.push(Rep::NarrCapex.fmt(
                    lang,
                    &[
                        &f::money_short(best.cost.capex, lang),
                        &f::money_short(
                            first_year_capex.unwrap_or(Money::new(0.0, results.currency)),
                            lang,
                        ),
                        &results.first_year,
                        &f::money_short(saved, lang),
                    ],
                ));
                first.push(Rep::NarrNpv.fmt(
                    lang,
                    &[
                        &results.horizon_years,
                        &group_thousands(results.discount_rate * 100.0, 1),
                        &f::money_short(best.cost.npv_vs_air, lang),
                    ],
                ));
                first.push(match best.cost.simple_payback_years {
                    Some(years) => Rep::NarrPayback.fmt(
                        lang,
                        &[
                            &group_thousands(years, 1),
                            &f::payback(best.cost.discounted_payback_years, lang),
                        ],
                    ),
                    None => Rep::NarrNoPayback.tr(lang).to_string(),
                });
                first.push(Rep::NarrPue.fmt(
                    lang,
                    &[
                        &f::ratio(air.energy.pue),
                        &f::ratio(best.energy.pue),
                        &f::energy(air.energy.facility_energy - best.energy.facility_energy),
                    ],
                ));
            }
            if let (Some(other), Some(margin)) =
                (site.recommendation.runner_up, site.recommendation.margin)
            {
                first.push(Rep::NarrRunnerUp.fmt(
                    lang,
                    &[&in_sentence(other, lang), &f::money_short(margin, lang)],
                ));
            }
        }
        None => first.push(Rep::NarrNone.fmt(lang, &[&input.site.name])),
    }
    let mut paragraphs = vec![first.join(sep)];
    let infeasible: Vec<String> = site
        .options
        .iter()
        .filter(|o| !o.feasible)
        .map(|o| {
            Rep::NarrInfeasible.fmt(
                lang,
                &[
                    &super::format::option_name(o.option, lang),
                    &reasons_of(&o.infeasible_reasons, site, Some(o.option), lang),
                ],
            )
        })
        .collect();
    if !infeasible.is_empty() {
        paragraphs.push(infeasible.join(sep));
    }
    paragraphs.push(plan::summary_sentence(input));
    paragraphs
}

/// CAPEX of each year that has any, for the recommended option and the mixed plan, with the
/// total; the money scale is the table's.
fn capex_by_year(input: &ReportInput) -> Table {
    let (results, lang) = (input.results, input.lang);
    let plan_years = plan::capex_by_year(input);
    let recommended = chosen(input).map(|o| &o.cost.capex_by_year);
    let mut all: Vec<&Money> = plan_years.iter().collect();
    if let Some(years) = recommended {
        all.extend(years.iter());
    }
    let scale = MoneyScale::for_amounts(all.iter().copied(), results.currency, lang);
    let mut columns = vec![Column::left(Rep::ColYear.tr(lang))];
    if let Some(option) = results.site.recommendation.option {
        columns.push(Column::right(
            scale.header(super::format::option_name(option, lang), lang),
        ));
    }
    columns.push(Column::right(
        scale.header(Rep::MixedPlanName.tr(lang), lang),
    ));
    let zero = Money::new(0.0, results.currency);
    let mut rows = Vec::new();
    let years = plan_years.len().max(recommended.map_or(0, Vec::len));
    for year in 0..years {
        let planned = plan_years.get(year).copied().unwrap_or(zero);
        let own = recommended.and_then(|y| y.get(year)).copied();
        if planned.amount == 0.0 && own.is_none_or(|m| m.amount == 0.0) {
            continue;
        }
        let mut cells = vec![(u32::from(results.first_year) + year as u32).to_string()];
        if let Some(own) = recommended.map(|_| own.unwrap_or(zero)) {
            cells.push(scale.number(own));
        }
        cells.push(scale.number(planned));
        rows.push(Row::new(cells));
    }
    let mut total = vec![Rep::ColTotal.tr(lang).to_string()];
    if let Some(best) = chosen(input) {
        total.push(scale.number(best.cost.capex));
    }
    total.push(scale.number(results.mixed_plan.capex));
    rows.push(Row::strong(total));
    Table { columns, rows }
}
