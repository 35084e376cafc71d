//! The "Halls" chapter: per hall its facts, its plan (limits, CDUs, figures), its options each
//! for every group (reference), its floor-load and space checks, and its rack groups with their
//! plan option and why — one row per group where the detail level lists them, else aggregated
//! by server model ([`super::aggregate`]). At the summary level every hall shares one options
//! table and one floor-check table, and each hall lists its main models only.

use super::format::{self as f, MoneyScale, option_name};
use super::reasons::{choice, reasons_of};
use super::summary::payback_of;
use super::{Detail, ReportInput, aggregate, section, subsection};
use crate::document::{Block, Column, Row, Table};
use coolplan_engine::{
    CoolingOption, GroupChoice, HallPlan, HallPlant, RackResult, Reason, ScopeResult,
};
use coolplan_model::{FloorKind, Hall};
use coolplan_units::format::UnitSystem;
use coolplan_units::format::quantity_in;
use coolplan_units::{Currency, TemperatureUnit, format::group_thousands};
use coolplan_words::results as words;
use coolplan_words::results::plan as plan_words;
use coolplan_words::{Lang, Text, report::Rep};

pub(super) fn halls(input: &ReportInput, blocks: &mut Vec<Block>) {
    if input.detail == Detail::Summary {
        return summary_halls(input, blocks);
    }
    let lang = input.lang;
    for (index, (hall, scope)) in input
        .site
        .halls
        .iter()
        .zip(&input.results.halls)
        .enumerate()
    {
        blocks.push(section(hall.name.clone()));
        blocks.push(Block::Paragraph(hall_facts(hall, lang)));
        if let Some(plant) = input.results.plant.get(index) {
            plant_facts(input, &plant.shown_in(scope), blocks);
        }
        if let Some(plan) = input.results.plan.halls.get(index) {
            hall_plan(input, index, plan, blocks);
        }
        blocks.push(subsection(Rep::HallOptions.tr(lang)));
        blocks.push(Block::Table(options_table(
            scope,
            input.results.currency,
            lang,
        )));
        blocks.push(subsection(Rep::FloorChecks.tr(lang)));
        blocks.push(Block::Table(floor_checks(&[(hall, scope)], lang)));
        if let Some(plant) = input.results.plant.get(index) {
            super::capacity::capacity(plant, scope, lang, blocks);
        }
        let racks: Vec<(&RackResult, &GroupChoice)> = input
            .results
            .racks
            .iter()
            .zip(&input.results.plan.groups)
            .filter(|(r, _)| r.hall == index)
            .collect();
        if racks.is_empty() {
            continue;
        }
        blocks.push(subsection(Rep::RackGroups.tr(lang)));
        if input.detail.lists_groups(racks.len()) {
            blocks.push(Block::Table(racks_table(
                &racks,
                input.results.currency,
                lang,
            )));
        } else {
            blocks.push(Block::Paragraph(
                Rep::GroupsAggregated.fmt(lang, &[&f::count(racks.len() as u64)]),
            ));
            blocks.push(Block::Table(aggregate::by_model(input, index, usize::MAX)));
        }
    }
}

/// Model rows per hall at the summary level (the rest summed up in one row).
const SUMMARY_MODELS: usize = 6;

/// The summary level: every hall's facts, options and floor checks in one table each, then
/// each hall's rack groups aggregated by its main server models.
fn summary_halls(input: &ReportInput, blocks: &mut Vec<Block>) {
    let lang = input.lang;
    let pairs: Vec<(&Hall, &ScopeResult)> =
        input.site.halls.iter().zip(&input.results.halls).collect();
    for (hall, _) in &pairs {
        blocks.push(Block::Paragraph(format!(
            "{}{} {}",
            hall.name,
            if lang == Lang::Zh { "：" } else { ":" },
            hall_facts(hall, lang)
        )));
    }
    blocks.push(section(Rep::HallOptions.tr(lang)));
    blocks.push(Block::Table(all_options_table(
        &pairs,
        input.results.currency,
        lang,
    )));
    blocks.push(section(Rep::FloorChecks.tr(lang)));
    blocks.push(Block::Table(floor_checks(&pairs, lang)));
    blocks.push(section(Rep::RackGroups.tr(lang)));
    blocks.push(Block::Paragraph(Rep::GroupsAggregatedSummary.fmt(
        lang,
        &[&f::count(input.results.racks.len() as u64), &SUMMARY_MODELS],
    )));
    for (index, (hall, _)) in pairs.iter().enumerate() {
        blocks.push(subsection(hall.name.clone()));
        blocks.push(Block::Table(aggregate::by_model(
            input,
            index,
            SUMMARY_MODELS,
        )));
    }
}

/// The options of every hall in one table: hall, option, feasible, CAPEX, NPV, PUE.
fn all_options_table(pairs: &[(&Hall, &ScopeResult)], currency: Currency, lang: Lang) -> Table {
    let scale = MoneyScale::for_amounts(
        pairs
            .iter()
            .flat_map(|(_, s)| s.shown())
            .flat_map(|o| [&o.cost.capex, &o.cost.npv_vs_air]),
        currency,
        lang,
    );
    let mut rows = Vec::new();
    for (hall, scope) in pairs {
        for o in scope.shown() {
            let cells = vec![
                hall.name.clone(),
                option_name(o.option, lang).to_string(),
                coolplan_words::results::yes_no(o.feasible, lang).to_string(),
                scale.number(o.cost.capex),
                scale.number(o.cost.npv_vs_air),
                payback_of(o, false, lang),
                f::ratio(o.energy.pue),
            ];
            rows.push(if Some(o.option) == scope.recommendation.option {
                Row::strong(cells)
            } else {
                Row::new(cells)
            });
        }
    }
    Table {
        columns: vec![
            Column::left(Rep::ColHall.tr(lang)),
            Column::left(Rep::ColOption.tr(lang)),
            Column::left(Rep::MFeasible.tr(lang)),
            Column::right(scale.header(Rep::MCapex.tr(lang), lang)),
            Column::right(scale.header(Rep::MNpv.tr(lang), lang)),
            Column::right(Rep::MPayback.tr(lang)),
            Column::right(Rep::MPue.tr(lang)),
        ],
        rows,
    }
}

/// The hall's plan: what it gives each option, its figures, its limits and its CDUs.
fn hall_plan(input: &ReportInput, index: usize, plan: &HallPlan, blocks: &mut Vec<Block>) {
    let lang = input.lang;
    blocks.push(subsection(Rep::HallPlanHeading.tr(lang)));
    let stop = if lang == Lang::Zh { "。" } else { "." };
    let figures = crate::text::plan_figures(&plan.totals, lang);
    let figures = if figures.ends_with(['.', '。']) {
        figures
    } else {
        format!("{figures}{stop}")
    };
    blocks.push(Block::Paragraph(format!(
        "{}{stop}{}{figures}",
        crate::text::hall_plan_headline(input.results, index, plan, lang),
        super::sentence_sep(lang),
    )));
    blocks.push(Block::Bullets(crate::text::hall_plan_details(plan, lang)));
}

/// The facility-water extension the hall needs, how its measured PUE was split, and each
/// liquid option's design day.
fn plant_facts(input: &ReportInput, plant: &HallPlant, blocks: &mut Vec<Block>) {
    use coolplan_model::assumptions::Describe;
    let price = plant.water_extension.map(|_| {
        let prices = input.site.assumptions.resolve(input.site.currency).prices;
        prices.facility_water_extension_per_kw.describe()
    });
    let lines = words::plant::facts_priced(plant, price.as_deref(), input.lang, UnitSystem::Si);
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

/// Options of one hall, one row each; the recommended one in bold.
fn options_table(scope: &ScopeResult, currency: Currency, lang: Lang) -> Table {
    let scale = MoneyScale::for_amounts(
        scope
            .shown()
            .flat_map(|o| [&o.cost.capex, &o.cost.npv_vs_air]),
        currency,
        lang,
    );
    let columns = vec![
        Column::left(Rep::ColOption.tr(lang)),
        Column::left(Rep::MFeasible.tr(lang)),
        Column::right(scale.header(Rep::MCapex.tr(lang), lang)),
        Column::right(scale.header(Rep::MNpv.tr(lang), lang)),
        Column::right(Rep::MPayback.tr(lang)),
        Column::right(Rep::MPue.tr(lang)),
        Column::right(Rep::MFacilityEnergy.tr(lang)),
    ];
    let rows = scope
        .shown()
        .map(|o| {
            let cells = vec![
                option_name(o.option, lang).to_string(),
                coolplan_words::results::yes_no(o.feasible, lang).to_string(),
                scale.number(o.cost.capex),
                scale.number(o.cost.npv_vs_air),
                payback_of(o, false, lang),
                f::ratio(o.energy.pue),
                f::energy(o.energy.facility_energy),
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

/// Floor load and area of each option against each hall's rating and white space (a hall
/// column when there is more than one hall).
fn floor_checks(pairs: &[(&Hall, &ScopeResult)], lang: Lang) -> Table {
    let check = |ok: bool| {
        if ok { Rep::CheckOk } else { Rep::CheckExceeds }
            .tr(lang)
            .to_string()
    };
    let with_hall = pairs.len() > 1;
    let mut rows = Vec::new();
    for (hall, scope) in pairs {
        let (rating, area) = (hall.floor.rating.get(), hall.area.get());
        for o in scope.shown() {
            let mut cells = Vec::with_capacity(8);
            if with_hall {
                cells.push(hall.name.clone());
            }
            cells.extend([
                option_name(o.option, lang).to_string(),
                f::floor_load(o.thermal.floor_load),
                f::floor_load(rating),
                check(o.thermal.floor_load <= rating),
                f::area(o.thermal.floor_area),
                f::area(area),
                check(o.thermal.floor_area <= area),
            ]);
            rows.push(
                if o.thermal.floor_load > rating || o.thermal.floor_area > area {
                    Row::strong(cells)
                } else {
                    Row::new(cells)
                },
            );
        }
    }
    let mut columns = Vec::with_capacity(8);
    if with_hall {
        columns.push(Column::left(Rep::ColHall.tr(lang)));
    }
    columns.extend([
        Column::left(Rep::ColOption.tr(lang)),
        Column::right(Rep::ColFloorLoad.tr(lang)),
        Column::right(Rep::ColRating.tr(lang)),
        Column::left(Rep::ColLoadCheck.tr(lang)),
        Column::right(Rep::ColAreaNeeded.tr(lang)),
        Column::right(Rep::ColAreaAvailable.tr(lang)),
        Column::left(Rep::ColSpaceCheck.tr(lang)),
    ]);
    Table { columns, rows }
}

/// Rack groups of a hall: racks, kW, the plan's option with the group's NPV in the plan (its
/// share of the hall's CDUs included), why, and what rules the other options out.
pub(super) fn racks_table(
    racks: &[(&RackResult, &GroupChoice)],
    currency: Currency,
    lang: Lang,
) -> Table {
    let scale = MoneyScale::for_amounts(racks.iter().map(|(_, g)| &g.npv), currency, lang);
    let columns = vec![
        Column::left(Rep::ColRackGroup.tr(lang)),
        Column::right(Rep::ColCount.tr(lang)),
        Column::right(Rep::ColKwPerRack.tr(lang)),
        Column::left(Rep::ColPlannedOption.tr(lang)),
        Column::right(scale.header(Rep::MNpv.tr(lang), lang)),
        Column::left(Rep::ColReasons.tr(lang)),
    ];
    let rows = racks
        .iter()
        .map(|(rack, plan)| {
            let scope = &rack.scope;
            let npv = match plan.option {
                Some(CoolingOption::Air) | None => Rep::NotApplicable.tr(lang).to_string(),
                Some(_) => scale.number(plan.npv),
            };
            Row::new(vec![
                scope.name.clone(),
                f::count(rack.count),
                group_thousands(rack.per_rack_design.get::<uom::si::power::kilowatt>(), 1),
                choice(plan.option, lang),
                npv,
                why(scope, plan, lang),
            ])
        })
        .collect();
    Table { columns, rows }
}

/// Why the plan gives the group its option, the warnings of that option, then why the other
/// options are out (each reason once).
fn why(scope: &ScopeResult, plan: &GroupChoice, lang: Lang) -> String {
    let sep = super::reasons::separator(lang);
    let colon = if lang == Lang::Zh { "：" } else { ": " };
    let mut said: Vec<&Reason> = Vec::new();
    let mut parts = vec![plan_words::why(&plan.why, lang)];
    if let Some(option) = plan.option {
        let warnings = &scope.option(option).warnings;
        if !warnings.is_empty() {
            parts.push(reasons_of(warnings, scope, Some(option), lang));
        }
    }
    for option in scope.shown().filter(|o| !o.feasible) {
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
                reasons_of(&fresh, scope, Some(option.option), lang)
            ));
        }
    }
    parts.join(sep)
}
