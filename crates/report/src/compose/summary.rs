//! Executive summary (recommendation, key figures, narrative) and the option comparison.

use super::format::{self as f, option_name};
use super::reasons::{choice, reasons};
use super::{ReportInput, chapter};
use crate::document::{Block, Column, KeyFigure, Row, Table};
use coolplan_engine::{CoolingOption, OptionResult};
use coolplan_units::format::group_thousands;
use coolplan_words::terms::Term;
use coolplan_words::{Lang, Text, report::Rep};

pub(super) fn summary(input: &ReportInput, blocks: &mut Vec<Block>) {
    let (results, lang) = (input.results, input.lang);
    let site = &results.site;
    let recommended = site.recommendation.option;
    let air = site.option(CoolingOption::Air);
    let chosen = recommended.map(|o| site.option(o));
    blocks.push(chapter(Rep::Summary, lang));
    let figure = |label: Rep, value: String| KeyFigure {
        label: label.tr(lang).to_string(),
        value,
    };
    let mut figures = vec![figure(Rep::KfRecommended, choice(recommended, lang))];
    if let Some(best) = chosen {
        let energy_saved = air.energy.facility_energy - best.energy.facility_energy;
        let opex_saved = air.cost.opex_per_year - best.cost.opex_per_year;
        figures.extend([
            figure(Rep::KfCapex, f::money_short(best.cost.capex, lang)),
            figure(Rep::KfNpv, f::money_short(best.cost.npv_vs_air, lang)),
            figure(Rep::KfPayback, payback_of(best, lang)),
            figure(
                Rep::KfPue,
                format!(
                    "{} → {}",
                    f::ratio(air.energy.pue),
                    f::ratio(best.energy.pue)
                ),
            ),
            figure(Rep::KfEnergySaved, f::mwh(energy_saved)),
            figure(Rep::KfOpexSaved, f::money_short(opex_saved, lang)),
            figure(Rep::KfCo2Saved, f::tonnes(air.energy.co2 - best.energy.co2)),
        ]);
    }
    // The mixed plan (each rack group on its own best option) is worth reading either way,
    // and is the whole answer when no single option suits every rack group.
    let mixed = &results.mixed_plan;
    figures.push(figure(
        Rep::KfMixedNpv,
        f::money_short(mixed.npv_vs_air, lang),
    ));
    if chosen.is_none() {
        figures.push(figure(Rep::KfMixedCapex, f::money_short(mixed.capex, lang)));
        figures.push(figure(
            Rep::KfMixedPue,
            format!("{} → {}", f::ratio(air.energy.pue), f::ratio(mixed.pue)),
        ));
    }
    blocks.push(Block::KeyFigures(figures));
    for paragraph in narrative(input) {
        blocks.push(Block::Paragraph(paragraph));
    }
}

/// Payback of a liquid option, or a dash for air (nothing to pay back).
fn payback_of(option: &OptionResult, lang: Lang) -> String {
    if option.option == CoolingOption::Air {
        Rep::NotApplicable.tr(lang).to_string()
    } else {
        f::payback(option.cost.simple_payback_years, lang)
    }
}

/// A few sentences generated from the results.
fn narrative(input: &ReportInput) -> Vec<String> {
    let (results, lang) = (input.results, input.lang);
    let site = &results.site;
    let air = site.option(CoolingOption::Air);
    let mut first = Vec::new();
    match site.recommendation.option {
        Some(option) => {
            first.push(
                Rep::NarrRecommend.fmt(lang, &[&input.site.name, &option_name(option, lang)]),
            );
            if !site.recommendation.reasons.is_empty() {
                first.push(format!(
                    "({}.)",
                    reasons(&site.recommendation.reasons, Some(option), lang)
                ));
            }
            let best = site.option(option);
            if option != CoolingOption::Air {
                let saved = air.cost.opex_per_year - best.cost.opex_per_year;
                first.push(Rep::NarrCapex.fmt(
                    lang,
                    &[
                        &f::money_short(best.cost.capex, lang),
                        &f::money_short(saved, lang),
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
                        &f::mwh(air.energy.facility_energy - best.energy.facility_energy),
                    ],
                ));
            }
            if let (Some(other), Some(margin)) =
                (site.recommendation.runner_up, site.recommendation.margin)
            {
                first.push(Rep::NarrRunnerUp.fmt(
                    lang,
                    &[&option_name(other, lang), &f::money_short(margin, lang)],
                ));
            }
        }
        None => first.push(Rep::NarrNone.fmt(lang, &[&input.site.name])),
    }
    let sep = if lang == Lang::Zh { "" } else { " " };
    let mut paragraphs = vec![first.join(sep)];
    let infeasible: Vec<String> = site
        .options
        .iter()
        .filter(|o| !o.feasible)
        .map(|o| {
            Rep::NarrInfeasible.fmt(
                lang,
                &[
                    &option_name(o.option, lang),
                    &reasons(&o.infeasible_reasons, Some(o.option), lang),
                ],
            )
        })
        .collect();
    if !infeasible.is_empty() {
        paragraphs.push(infeasible.join(sep));
    }
    let changing: Vec<_> = results
        .racks
        .iter()
        .filter(|r| r.scope.leaves_air())
        .collect();
    let changing_racks: u64 = changing.iter().map(|r| r.count).sum();
    let mixed = &results.mixed_plan;
    paragraphs.push(format!(
        "{}{sep}{}",
        Rep::NarrChanges.fmt(
            lang,
            &[
                &changing.len(),
                &results.racks.len(),
                &f::count(changing_racks)
            ]
        ),
        Rep::NarrMixed.fmt(
            lang,
            &[
                &f::money_short(mixed.capex, lang),
                &f::money_short(mixed.npv_vs_air, lang),
                &f::ratio(mixed.pue)
            ]
        )
    ));
    paragraphs
}

/// A row of the comparison: label, whether it is money (the header names the currency),
/// and the value of one option.
type Metric = (Rep, bool, fn(&OptionResult, Lang) -> String);

fn metrics() -> Vec<Metric> {
    vec![
        (Rep::MFeasible, false, |o, l| {
            if o.feasible { Rep::Yes } else { Rep::No }
                .tr(l)
                .to_string()
        }),
        (Rep::MCapex, true, |o, _| f::money_full(o.cost.capex)),
        (Rep::MNpv, true, |o, _| f::money_full(o.cost.npv_vs_air)),
        (Rep::MPayback, false, payback_of),
        (Rep::MDiscPayback, false, |o, l| {
            if o.option == CoolingOption::Air {
                Rep::NotApplicable.tr(l).to_string()
            } else {
                f::payback(o.cost.discounted_payback_years, l)
            }
        }),
        (Rep::MIrr, false, |o, l| f::irr(o.cost.irr, l)),
        (Rep::MOpex, true, |o, _| f::money_full(o.cost.opex_per_year)),
        (Rep::MEnergyCost, true, |o, _| {
            f::money_full(o.cost.energy_cost_per_year)
        }),
        (Rep::MTco, true, |o, _| {
            f::money_full(o.cost.tco_per_kw_year)
        }),
        (Rep::MPue, false, |o, _| f::ratio(o.energy.pue)),
        (Rep::MTue, false, |o, _| f::ratio(o.energy.tue)),
        (Rep::MItDesign, false, |o, _| f::kw(o.thermal.it_design)),
        (Rep::MFanRemoved, false, |o, _| {
            f::kw(o.thermal.fan_power_removed)
        }),
        (Rep::MHeatLiquid, false, |o, _| {
            f::kw(o.thermal.heat_to_liquid)
        }),
        (Rep::MHeatAir, false, |o, _| f::kw(o.thermal.heat_to_air)),
        (Rep::MFlow, false, |o, _| {
            f::l_per_min(o.thermal.coolant_flow)
        }),
        (Rep::MItEnergy, false, |o, _| f::mwh(o.energy.it_energy)),
        (Rep::MFacilityEnergy, false, |o, _| {
            f::mwh(o.energy.facility_energy)
        }),
        (Rep::MFreeCooling, false, |o, _| {
            f::count(
                o.energy
                    .free_cooling_hours
                    .get::<uom::si::time::hour>()
                    .round() as u64,
            )
        }),
        (Rep::MWater, false, |o, _| f::cubic_metres(o.energy.water)),
        (Rep::MCo2, false, |o, _| f::tonnes(o.energy.co2)),
    ]
}

/// A comparison table of options (columns) by metric (rows) for one scope.
pub(super) fn comparison_table(
    scope: &coolplan_engine::ScopeResult,
    currency: &str,
    lang: Lang,
) -> Table {
    let mut columns = vec![Column::left(Rep::Metric.tr(lang))];
    columns.extend(
        CoolingOption::ALL
            .iter()
            .map(|o| Column::right(option_name(*o, lang))),
    );
    let mut rows = Vec::new();
    let recommended = scope.recommendation.option;
    let mut cells = vec![Term::Recommended.tr(lang).to_string()];
    cells.extend(CoolingOption::ALL.iter().map(|o| {
        if Some(*o) == recommended {
            Rep::Yes.tr(lang).to_string()
        } else {
            String::new()
        }
    }));
    rows.push(Row::strong(cells));
    for (label, money, value) in metrics() {
        let label = if money {
            format!("{} ({currency})", label.tr(lang))
        } else {
            label.tr(lang).to_string()
        };
        let mut cells = vec![label];
        cells.extend(scope.options.iter().map(|o| value(o, lang)));
        rows.push(Row::new(cells));
    }
    Table { columns, rows }
}

pub(super) fn comparison(input: &ReportInput, blocks: &mut Vec<Block>) {
    let lang = input.lang;
    blocks.push(chapter(Rep::Comparison, lang));
    blocks.push(Block::Table(comparison_table(
        &input.results.site,
        input.results.currency.code(),
        lang,
    )));
}
