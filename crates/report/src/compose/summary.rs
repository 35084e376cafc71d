//! The executive summary, which stands alone on at most two pages: the decision (the
//! recommended plan) and why, its key figures (CAPEX in all and up front, NPV, simple and
//! discounted payback, IRR, savings), its CAPEX by year, the main risks and the KPIs a
//! compliance check reads. Every figure here is the plan's, so none contradicts another.

use super::format::{self as f, MoneyScale, option_name};
use super::reasons::reasons_of;
use super::{ReportInput, kpis, plan, risks, section, sentence_sep};
use crate::document::{Block, Column, KeyFigure, Row, Table};
use coolplan_engine::{CoolingOption, OptionResult, PlanTotals, Reason};
use coolplan_units::Money;
use coolplan_units::format::{UnitSystem, group_thousands};
use coolplan_words::results::plan as plan_words;
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
    let verdict = super::compliance::plan_lines(input);
    if !verdict.is_empty() {
        blocks.push(Block::Bullets(verdict));
    }
}

/// CAPEX of year 0 of the plan.
fn up_front(totals: &PlanTotals) -> Money {
    totals
        .capex_by_year
        .first()
        .copied()
        .unwrap_or(totals.capex * 0.0)
}

fn key_figures(input: &ReportInput) -> Vec<KeyFigure> {
    let (results, lang) = (input.results, input.lang);
    let totals = &results.plan.totals;
    let figure = |label: Rep, value: String| KeyFigure {
        label: label.tr(lang).to_string(),
        value,
    };
    let opex_air = results.site.option(CoolingOption::Air).cost.opex_per_year;
    let opex_saved = opex_air - totals.opex_per_year;
    // One money unit for every tile, so a CFO compares like with like.
    let scale = MoneyScale::for_amounts(
        [
            &totals.capex,
            &up_front(totals),
            &totals.npv_vs_air,
            &opex_saved,
        ],
        totals.capex.currency,
        lang,
    );
    vec![
        figure(Rep::KfRecommended, headline(input)),
        figure(Rep::KfCapex, scale.figure(totals.capex)),
        figure(Rep::KfCapexUpFront, scale.figure(up_front(totals))),
        figure(Rep::KfNpv, scale.figure(totals.npv_vs_air)),
        figure(
            Rep::KfPayback,
            plan_payback(totals.simple_payback_years, totals, lang),
        ),
        figure(
            Rep::KfDiscPayback,
            plan_payback(totals.discounted_payback_years, totals, lang),
        ),
        figure(
            Rep::KfIrr,
            if changes(totals) {
                f::irr(totals.irr, lang)
            } else {
                Rep::NotApplicable.tr(lang).to_string()
            },
        ),
        figure(
            Rep::KfPue,
            format!("{} → {}", f::ratio(totals.pue_air), f::ratio(totals.pue)),
        ),
        figure(
            Rep::KfEnergySaved,
            f::energy(totals.facility_energy_air - totals.facility_energy),
        ),
        figure(Rep::KfOpexSaved, scale.figure(opex_saved)),
        figure(
            Rep::KfCo2Saved,
            f::tonnes(kpis::co2_air(input) - kpis::plan_co2(input)),
        ),
    ]
}

/// Whether the plan changes anything (every group staying on air changes nothing).
fn changes(totals: &PlanTotals) -> bool {
    totals.capex.amount != 0.0 || totals.npv_vs_air.amount != 0.0
}

/// A payback of the plan; n/a when the plan changes nothing.
fn plan_payback(years: Option<f64>, totals: &PlanTotals, lang: Lang) -> String {
    if years.is_none() && !changes(totals) {
        Rep::NotApplicable.tr(lang).to_string()
    } else {
        f::payback(years, lang)
    }
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

/// The plan in a line (`All cold plate`, or the options with their groups and racks).
fn headline(input: &ReportInput) -> String {
    let results = input.results;
    let racks_of = |g: usize| results.racks.get(g).map_or(0, |r| r.count);
    plan_words::headline(&results.plan, racks_of, input.lang)
}

/// What to approve and why, in a few sentences generated from the results: the plan and its
/// figures; the best single option beside it and why the others are out; the limits that
/// shaped the plan and how many groups change.
fn decision(input: &ReportInput) -> Vec<String> {
    let (results, lang) = (input.results, input.lang);
    let site = &results.site;
    let plan = &results.plan;
    let totals = &plan.totals;
    let sep = sentence_sep(lang);
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
        let saved = air.cost.opex_per_year - totals.opex_per_year;
        // The sentence's amounts in one unit, as the key figures above it.
        let scale = MoneyScale::for_amounts(
            [&totals.capex, &up_front(totals), &saved, &totals.npv_vs_air],
            totals.capex.currency,
            lang,
        );
        first.push(Rep::NarrCapex.fmt(
            lang,
            &[
                &scale.figure(totals.capex),
                &scale.figure(up_front(totals)),
                &scale.figure(saved),
                &results.horizon_years,
                &group_thousands(results.discount_rate * 100.0, 1),
                &scale.figure(totals.npv_vs_air),
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
                &f::energy(totals.facility_energy_air - totals.facility_energy),
            ],
        ));
    }
    let mut paragraphs = vec![first.join(sep)];
    // the best single option beside the plan, unless the plan is that option's column
    let mut second = Vec::new();
    match site.recommendation.option {
        Some(best) if plan.uniform == Some(best) => {}
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
    second.extend(site.shown().filter(|o| !o.feasible).map(|o| {
        Rep::NarrInfeasible.fmt(
            lang,
            &[
                &option_name(o.option, lang),
                &reasons_of(&o.infeasible_reasons, site, Some(o.option), lang),
            ],
        )
    }));
    second.extend(not_considered(site, lang));
    if !second.is_empty() {
        paragraphs.push(second.join(sep));
    }
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
    third.push(plan::summary_sentence(input));
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
                    .any(|w| matches!(w, Reason::AboveAirGuideline { .. }))
        })
        .count();
    match above_guideline {
        0 => {}
        1 => third.push(Rep::NarrStaysTodayOne.tr(lang).to_string()),
        n => third.push(Rep::NarrStaysToday.fmt(lang, &[&f::count(n as u64)])),
    }
    paragraphs.push(third.join(sep));
    paragraphs
}

/// CAPEX of the plan in each year that has any, with the total; the money scale is the
/// table's.
fn capex_by_year(input: &ReportInput) -> Table {
    let (results, lang) = (input.results, input.lang);
    let totals = &results.plan.totals;
    // the scale of the years, as the schedule's (the total keeps their decimals)
    let scale = MoneyScale::for_amounts(&totals.capex_by_year, results.currency, lang);
    let columns = vec![
        Column::left(Rep::ColYear.tr(lang)),
        Column::right(scale.header(Rep::KfRecommended.tr(lang), lang)),
    ];
    let mut rows: Vec<Row> = totals
        .capex_by_year
        .iter()
        .enumerate()
        .filter(|(_, m)| m.amount != 0.0)
        .map(|(year, m)| {
            Row::new(vec![
                (u32::from(results.first_year) + year as u32).to_string(),
                scale.number(*m),
            ])
        })
        .collect();
    rows.push(Row::strong(vec![
        Rep::ColTotal.tr(lang).to_string(),
        scale.number(totals.capex),
    ]));
    Table { columns, rows }
}

/// The options `scope` does not show, in one sentence per why: the site does not offer them,
/// or no rack group can take them (docs/method.md §5.0).
pub(crate) fn not_considered(scope: &coolplan_engine::ScopeResult, lang: Lang) -> Vec<String> {
    let not_offered = |o: &&coolplan_engine::OptionResult| {
        o.infeasible_reasons
            .contains(&coolplan_engine::Reason::NotOffered)
    };
    let hidden: Vec<_> = scope.options.iter().filter(|o| !o.applies).collect();
    let (offered_not, taken_by_none): (Vec<_>, Vec<_>) = hidden.into_iter().partition(not_offered);
    // option names may hold commas ("Rear door, passive")
    let list_sep = if lang == Lang::Zh { "、" } else { "; " };
    [
        (Rep::NarrNotOffered, offered_not),
        (Rep::NarrNoGroupTakes, taken_by_none),
    ]
    .into_iter()
    .filter(|(_, options)| !options.is_empty())
    .map(|(why, options)| {
        let names: Vec<&str> = options
            .iter()
            .map(|o| option_name(o.option, lang))
            .collect();
        why.fmt(lang, &[&names.join(list_sep)])
    })
    .collect()
}
