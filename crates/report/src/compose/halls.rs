//! One section per hall: its facts, its plan (limits, CDUs, figures), its options each for
//! every group (reference), and the table of its rack groups with their plan option and why.

use super::format::{self as f, option_name};
use super::reasons::{choice, reasons};
use super::{ReportInput, chapter};
use crate::document::{Block, Column, Row, Table};
use coolplan_engine::{
    CoolingOption, GroupChoice, HallPlan, HallPlant, RackResult, Reason, ScopeResult,
};
use coolplan_model::{FloorKind, Hall};
use coolplan_units::format::UnitSystem;
use coolplan_units::format::quantity_in;
use coolplan_units::{TemperatureUnit, format::group_thousands};
use coolplan_words::results as words;
use coolplan_words::results::plan::{self as plan_words, PlanWords};
use coolplan_words::{Lang, Text, report::Rep};

pub(super) fn halls(input: &ReportInput, blocks: &mut Vec<Block>) {
    let lang = input.lang;
    blocks.push(chapter(Rep::Halls, lang));
    for (index, (hall, scope)) in input
        .site
        .halls
        .iter()
        .zip(&input.results.halls)
        .enumerate()
    {
        blocks.push(Block::Heading {
            level: 2,
            text: hall.name.clone(),
        });
        blocks.push(Block::Paragraph(hall_facts(hall, lang)));
        if let Some(plant) = input.results.plant.get(index) {
            plant_facts(plant, lang, blocks);
        }
        if let Some(plan) = input.results.plan.halls.get(index) {
            hall_plan(input, index, plan, blocks);
        }
        blocks.push(Block::Heading {
            level: 3,
            text: Rep::HallOptions.tr(lang).to_string(),
        });
        blocks.push(Block::Table(options_table(
            scope,
            input.results.currency.code(),
            lang,
        )));
        let racks: Vec<(&RackResult, &GroupChoice)> = input
            .results
            .racks
            .iter()
            .zip(&input.results.plan.groups)
            .filter(|(r, _)| r.hall == index)
            .collect();
        if !racks.is_empty() {
            blocks.push(Block::Heading {
                level: 3,
                text: Rep::RackGroups.tr(lang).to_string(),
            });
            blocks.push(Block::Table(racks_table(&racks, lang)));
        }
    }
}

/// The hall's plan: what it gives each option, its figures, its limits and its CDUs.
fn hall_plan(input: &ReportInput, index: usize, plan: &HallPlan, blocks: &mut Vec<Block>) {
    let (results, lang) = (input.results, input.lang);
    blocks.push(Block::Heading {
        level: 3,
        text: Rep::HallPlanHeading.tr(lang).to_string(),
    });
    let in_hall: Vec<usize> = (0..results.racks.len())
        .filter(|&g| results.racks[g].hall == index)
        .collect();
    let scoped = coolplan_engine::Plan {
        groups: in_hall.iter().map(|&g| results.plan.groups[g]).collect(),
        halls: Vec::new(),
        uniform: plan.uniform,
        totals: plan.totals.clone(),
    };
    let racks_of = |i: usize| in_hall.get(i).map_or(0, |&g| results.racks[g].count);
    let sep = if lang == Lang::Zh { "" } else { " " };
    blocks.push(Block::Paragraph(format!(
        "{}{sep}{}",
        PlanWords::HallPlan.fmt(
            lang,
            &[
                &plan_words::headline(&scoped, racks_of, lang),
                &plan_words::search_method(plan.method, lang),
            ],
        ),
        crate::text::plan_figures(&plan.totals, lang)
    )));
    let mut lines: Vec<String> = plan
        .limits
        .iter()
        .map(|limit| {
            let key = if limit.binds {
                PlanWords::LimitBinds
            } else {
                PlanWords::LimitLine
            };
            key.fmt(
                lang,
                &[
                    &plan_words::limit_name(limit.limit, lang),
                    &plan_words::amount(limit.used, UnitSystem::Si),
                    &plan_words::amount(limit.capacity, UnitSystem::Si),
                ],
            )
        })
        .collect();
    if !plan.within_limits {
        lines.push(PlanWords::OverLimits.tr(lang).to_string());
    }
    for cdus in &plan.cdus {
        let d = &cdus.design;
        let unit = format!(
            "{} {}",
            coolplan_words::results::cdu_size_name(&d.size, lang),
            f::kw(d.capacity)
        );
        lines.push(PlanWords::CduLine.fmt(
            lang,
            &[
                &option_name(cdus.option, lang),
                &f::count(d.units()),
                &unit,
                &f::count(d.loaded_units()),
                &f::count(d.spares),
            ],
        ));
    }
    blocks.push(Block::Bullets(lines));
}

/// How the hall's measured PUE was split, and each liquid option's design day.
fn plant_facts(plant: &HallPlant, lang: Lang, blocks: &mut Vec<Block>) {
    let lines = words::plant::facts(plant, lang, UnitSystem::Si);
    if !lines.is_empty() {
        blocks.push(Block::Bullets(lines));
    }
}

fn hall_facts(hall: &Hall, lang: Lang) -> String {
    let floor = match hall.floor.kind {
        FloorKind::Raised => Rep::FloorRaised,
        FloorKind::Slab => Rep::FloorSlab,
    };
    let water = match &hall.facility_water {
        Some(w) => Rep::WaterSome.fmt(
            lang,
            &[
                &format!("{:?}", w.class),
                &coolplan_words::results::units_as_written(
                    &quantity_in(w.supply_temp.get(), TemperatureUnit::degC),
                    lang,
                ),
            ],
        ),
        None => Rep::WaterNone.tr(lang).to_string(),
    };
    Rep::HallFacts.fmt(
        lang,
        &[
            &floor.tr(lang),
            &f::floor_load(hall.floor.rating.get()),
            &f::area(hall.area.get()),
            &f::kw(hall.air_cooling_capacity.get()),
            &water,
        ],
    )
}

/// Options of one hall, one row each.
fn options_table(scope: &ScopeResult, currency: &str, lang: Lang) -> Table {
    let columns = vec![
        Column::left(Rep::ColOption.tr(lang)),
        Column::left(Rep::MFeasible.tr(lang)),
        Column::right(format!("{} ({currency})", Rep::MCapex.tr(lang))),
        Column::right(format!("{} ({currency})", Rep::MNpv.tr(lang))),
        Column::right(Rep::MPayback.tr(lang)),
        Column::right(Rep::MPue.tr(lang)),
        Column::right(Rep::MFacilityEnergy.tr(lang)),
    ];
    let rows = scope
        .options
        .iter()
        .map(|o| {
            let cells = vec![
                option_name(o.option, lang).to_string(),
                if o.feasible { Rep::Yes } else { Rep::No }
                    .tr(lang)
                    .to_string(),
                f::money_full(o.cost.capex),
                f::money_full(o.cost.npv_vs_air),
                if o.option == CoolingOption::Air {
                    Rep::NotApplicable.tr(lang).to_string()
                } else {
                    f::payback(o.cost.simple_payback_years, lang)
                },
                f::ratio(o.energy.pue),
                f::mwh(o.energy.facility_energy),
            ];
            if Some(o.option) == scope.recommendation.option {
                // the best single option of the hall
                Row::strong(cells)
            } else {
                Row::new(cells)
            }
        })
        .collect();
    Table { columns, rows }
}

/// Rack groups of a hall: count, kW, each option's result, the plan's option and why.
pub(super) fn racks_table(racks: &[(&RackResult, &GroupChoice)], lang: Lang) -> Table {
    let mut columns = vec![
        Column::left(Rep::ColRackGroup.tr(lang)),
        Column::right(Rep::ColCount.tr(lang)),
        Column::right(Rep::ColKwPerRack.tr(lang)),
    ];
    columns.extend(
        CoolingOption::ALL
            .iter()
            .map(|o| Column::left(option_name(*o, lang))),
    );
    columns.push(Column::left(Rep::ColRecommended.tr(lang)));
    columns.push(Column::left(Rep::ColReasons.tr(lang)));
    let rows = racks
        .iter()
        .map(|(rack, plan)| {
            let scope = &rack.scope;
            let mut cells = vec![
                scope.name.clone(),
                f::count(rack.count),
                group_thousands(rack.per_rack_design.get::<uom::si::power::kilowatt>(), 1),
            ];
            cells.extend(scope.options.iter().map(|o| option_cell(o, lang)));
            cells.push(choice(plan.option, lang));
            cells.push(why(scope, plan, lang));
            Row::new(cells)
        })
        .collect();
    Table { columns, rows }
}

fn option_cell(option: &coolplan_engine::OptionResult, lang: Lang) -> String {
    if !option.feasible {
        Rep::CellInfeasible.tr(lang).to_string()
    } else if option.option == CoolingOption::Air {
        Rep::CellFeasible.tr(lang).to_string()
    } else {
        Rep::CellNpv.fmt(lang, &[&f::money_short(option.cost.npv_vs_air, lang)])
    }
}

/// Why the plan gives the group its option, the warnings of that option, then why the other
/// options are out.
fn why(scope: &ScopeResult, plan: &GroupChoice, lang: Lang) -> String {
    let sep = if lang == Lang::Zh { "；" } else { "; " };
    let colon = if lang == Lang::Zh { "：" } else { ": " };
    let mut said: Vec<&Reason> = Vec::new();
    let mut parts = vec![plan_words::why(&plan.why, lang)];
    if let Some(option) = plan.option {
        let warnings = &scope.option(option).warnings;
        if !warnings.is_empty() {
            parts.push(reasons(warnings, Some(option), lang));
        }
    }
    for option in scope.options.iter().filter(|o| !o.feasible) {
        // A reason the recommendation already gives is not repeated.
        let fresh: Vec<Reason> = option
            .infeasible_reasons
            .iter()
            .filter(|r| !said.contains(r))
            .cloned()
            .collect();
        said.extend(option.infeasible_reasons.iter());
        if !fresh.is_empty() {
            let name = option_name(option.option, lang);
            parts.push(format!(
                "{name}{colon}{}",
                reasons(&fresh, Some(option.option), lang)
            ));
        }
    }
    parts.join(sep)
}
