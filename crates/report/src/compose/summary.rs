//! Executive summary (recommendation, key figures, narrative) and the option comparison.

use super::format::{self as f, option_name};
use super::reasons::reasons;
use super::{ReportInput, chapter};
use crate::document::{Block, Column, KeyFigure, Row, Table};
use coolplan_engine::{CoolingOption, OptionResult};
use coolplan_units::format::UnitSystem;
use coolplan_units::format::group_thousands;
use coolplan_words::results::plan as plan_words;
use coolplan_words::{Lang, Text, report::Rep};

pub(super) fn summary(input: &ReportInput, blocks: &mut Vec<Block>) {
    let (results, lang) = (input.results, input.lang);
    let plan = &results.plan.totals;
    blocks.push(chapter(Rep::Summary, lang));
    let figure = |label: Rep, value: String| KeyFigure {
        label: label.tr(lang).to_string(),
        value,
    };
    let opex_air = results.site.option(CoolingOption::Air).cost.opex_per_year;
    let up_front = plan
        .capex_by_year
        .first()
        .copied()
        .unwrap_or(plan.capex * 0.0);
    let figures = vec![
        figure(Rep::KfRecommended, headline(input)),
        figure(Rep::KfCapex, f::money_short(plan.capex, lang)),
        figure(Rep::KfCapexUpFront, f::money_short(up_front, lang)),
        figure(Rep::KfNpv, f::money_short(plan.npv_vs_air, lang)),
        figure(
            Rep::KfPayback,
            plan_payback(plan.simple_payback_years, plan, lang),
        ),
        figure(
            Rep::KfDiscPayback,
            plan_payback(plan.discounted_payback_years, plan, lang),
        ),
        figure(
            Rep::KfPue,
            format!("{} → {}", f::ratio(plan.pue_air), f::ratio(plan.pue)),
        ),
        figure(
            Rep::KfEnergySaved,
            f::mwh(plan.facility_energy_air - plan.facility_energy),
        ),
        figure(
            Rep::KfOpexSaved,
            f::money_short(opex_air - plan.opex_per_year, lang),
        ),
        figure(Rep::KfCo2Saved, f::tonnes(co2_saved(input))),
    ];
    blocks.push(Block::KeyFigures(figures));
    for paragraph in narrative(input) {
        blocks.push(Block::Paragraph(paragraph));
    }
}

/// A payback of the plan; n/a when the plan changes nothing (every group stays on air).
fn plan_payback(years: Option<f64>, plan: &coolplan_engine::PlanTotals, lang: Lang) -> String {
    let changes = plan.capex.amount != 0.0 || plan.npv_vs_air.amount != 0.0;
    if years.is_none() && !changes {
        Rep::NotApplicable.tr(lang).to_string()
    } else {
        f::payback(years, lang)
    }
}

/// The plan in a line (`All cold plate`, or the options with their groups and racks).
fn headline(input: &ReportInput) -> String {
    let results = input.results;
    let racks_of = |g: usize| results.racks.get(g).map_or(0, |r| r.count);
    plan_words::headline(&results.plan, racks_of, input.lang)
}

/// CO₂ the plan avoids a year: its facility energy saved × the grid factor the site's all-air
/// option implies (CO₂ over facility energy).
fn co2_saved(input: &ReportInput) -> uom::si::f64::Mass {
    let air = &input.results.site.option(CoolingOption::Air).energy;
    let plan = &input.results.plan.totals;
    let air_j = air.facility_energy.get::<uom::si::energy::joule>();
    if air_j > 0.0 {
        let saved_j =
            (plan.facility_energy_air - plan.facility_energy).get::<uom::si::energy::joule>();
        air.co2 * (saved_j / air_j)
    } else {
        air.co2 * 0.0
    }
}

/// A few sentences generated from the results.
fn narrative(input: &ReportInput) -> Vec<String> {
    let (results, lang) = (input.results, input.lang);
    let site = &results.site;
    let plan = &results.plan;
    let totals = &plan.totals;
    let sep = if lang == Lang::Zh { "" } else { " " };
    let mut first = vec![Rep::NarrRecommend.fmt(
        lang,
        &[
            &input.site.name,
            &headline(input),
            &plan_words::relation_to_columns(plan, lang),
        ],
    )];
    if plan.uniform != Some(CoolingOption::Air) {
        let air = site.option(CoolingOption::Air);
        let up_front = totals
            .capex_by_year
            .first()
            .copied()
            .unwrap_or(totals.capex * 0.0);
        first.push(Rep::NarrCapex.fmt(
            lang,
            &[
                &f::money_short(totals.capex, lang),
                &f::money_short(up_front, lang),
                &f::money_short(air.cost.opex_per_year - totals.opex_per_year, lang),
                &results.horizon_years,
                &group_thousands(results.discount_rate * 100.0, 1),
                &f::money_short(totals.npv_vs_air, lang),
            ],
        ));
        first.push(match totals.simple_payback_years {
            Some(years) => Rep::NarrPayback.fmt(
                lang,
                &[
                    &group_thousands(years, 1),
                    &f::payback(totals.discounted_payback_years, lang),
                ],
            ),
            None => Rep::NarrNoPayback.tr(lang).to_string(),
        });
        first.push(Rep::NarrPue.fmt(
            lang,
            &[
                &f::ratio(totals.pue_air),
                &f::ratio(totals.pue),
                &f::mwh(totals.facility_energy_air - totals.facility_energy),
            ],
        ));
    }
    let mut paragraphs = vec![first.join(sep)];
    let mut second = Vec::new();
    match site.recommendation.option {
        Some(best) => {
            let npv = site.option(best).cost.npv_vs_air;
            second.push(Rep::NarrBestSingle.fmt(
                lang,
                &[
                    &coolplan_words::results::option_in_sentence(best, lang),
                    &f::money_short(npv, lang),
                    &f::money_short(totals.npv_vs_air - npv, lang),
                ],
            ));
        }
        None => second.push(Rep::NarrNoSingle.tr(lang).to_string()),
    }
    second.extend(site.options.iter().filter(|o| !o.feasible).map(|o| {
        Rep::NarrInfeasible.fmt(
            lang,
            &[
                &option_name(o.option, lang),
                &reasons(&o.infeasible_reasons, Some(o.option), lang),
            ],
        )
    }));
    paragraphs.push(second.join(sep));
    let mut third = Vec::new();
    for (hall, hall_plan) in results.halls.iter().zip(&plan.halls) {
        for limit in hall_plan.limits.iter().filter(|l| l.binds) {
            third.push(Rep::NarrLimit.fmt(
                lang,
                &[
                    &hall.name,
                    &plan_words::limit_name(limit.limit, lang),
                    &plan_words::amount(limit.used, UnitSystem::Si),
                    &plan_words::amount(limit.capacity, UnitSystem::Si),
                ],
            ));
        }
    }
    let changing: Vec<usize> = (0..plan.groups.len())
        .filter(|&g| {
            plan.groups[g]
                .option
                .is_some_and(|o| o != CoolingOption::Air)
        })
        .collect();
    let changing_racks: u64 = changing
        .iter()
        .filter_map(|&g| results.racks.get(g))
        .map(|r| r.count)
        .sum();
    third.push(Rep::NarrChanges.fmt(
        lang,
        &[
            &changing.len(),
            &results.racks.len(),
            &f::count(changing_racks),
        ],
    ));
    let above_guideline = results
        .racks
        .iter()
        .zip(&plan.groups)
        .filter(|(r, g)| {
            g.option == Some(CoolingOption::Air)
                && r.scope
                    .option(CoolingOption::Air)
                    .warnings
                    .iter()
                    .any(|w| matches!(w, coolplan_engine::Reason::AboveAirGuideline { .. }))
        })
        .count();
    if above_guideline > 0 {
        third.push(Rep::NarrStaysToday.fmt(lang, &[&above_guideline]));
    }
    paragraphs.push(third.join(sep));
    paragraphs
}

/// Payback of a liquid option, or a dash for air (nothing to pay back).
fn payback_of(option: &OptionResult, lang: Lang) -> String {
    if option.option == CoolingOption::Air {
        Rep::NotApplicable.tr(lang).to_string()
    } else {
        f::payback(option.cost.simple_payback_years, lang)
    }
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
    let mut cells = vec![Rep::BestSingleRow.tr(lang).to_string()];
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
