//! What to buy and whether it fits: bill of quantities, floor-load and space checks, and rack
//! elevations of the rack groups that change.

use super::format::{self as f, option_name};
use super::{ReportInput, chapter};
use crate::document::{Block, Column, Elevation, Row, Slot, SlotKind, Table};
use coolplan_engine::{CoolingOption, CostItem, OptionResult, RackResult, ScopeResult};
use coolplan_model::{Catalog, Rack};
use coolplan_units::LengthUnit;
use coolplan_words::{Lang, Text, report::Rep};

const LIQUID: [CoolingOption; 2] = [CoolingOption::ColdPlate, CoolingOption::Immersion];
/// Rack groups drawn in the elevations chapter (the rest are named in a note).
const MAX_ELEVATIONS: usize = 6;

pub(super) fn bill_of_quantities(input: &ReportInput, blocks: &mut Vec<Block>) {
    let (lang, currency) = (input.lang, input.results.currency.code());
    blocks.push(chapter(Rep::Equipment, lang));
    blocks.push(Block::Paragraph(Rep::EquipmentIntro.tr(lang).to_string()));
    let columns = vec![
        Column::left(Rep::ColScope.tr(lang)),
        Column::left(Rep::ColOption.tr(lang)),
        Column::right(Rep::ColKits.tr(lang)),
        Column::right(Rep::ColCdus.tr(lang)),
        Column::right(Rep::ColTanks.tr(lang)),
        Column::right(Rep::ColFluidL.tr(lang)),
        Column::right(Rep::ColFlow.tr(lang)),
        Column::right(Rep::ColPiping.tr(lang)),
        Column::right(Rep::ColPipingCost.fmt(lang, &[&currency])),
    ];
    blocks.push(Block::Table(plan_quantities(input, columns.clone())));
    blocks.push(Block::Paragraph(
        Rep::EquipmentEachOption.tr(lang).to_string(),
    ));
    let mut rows = Vec::new();
    let scopes = input.results.halls.iter().map(|h| (h, false));
    for (scope, total) in scopes.chain(std::iter::once((&input.results.site, true))) {
        let name = if total {
            Rep::SiteTotal.tr(lang).to_string()
        } else {
            scope.name.clone()
        };
        for option in LIQUID {
            let cells = quantities(&name, scope.option(option), lang);
            rows.push(if total {
                Row::strong(cells)
            } else {
                Row::new(cells)
            });
        }
    }
    blocks.push(Block::Table(Table { columns, rows }));
}

/// The plan's quantities: per hall and liquid option it uses, the groups it puts on it (kits,
/// tanks, fluid, flow, liquid heat, piping) and the CDUs of its design.
fn plan_quantities(input: &ReportInput, columns: Vec<Column>) -> Table {
    let (results, lang) = (input.results, input.lang);
    let mut rows = Vec::new();
    for (h, (hall, plan)) in results.halls.iter().zip(&results.plan.halls).enumerate() {
        for option in LIQUID {
            let on: Vec<&RackResult> = results
                .racks
                .iter()
                .zip(&results.plan.groups)
                .filter(|(r, g)| r.hall == h && g.option == Some(option))
                .map(|(r, _)| r)
                .collect();
            if on.is_empty() {
                continue;
            }
            let on: Vec<&OptionResult> = on.iter().map(|r| r.scope.option(option)).collect();
            let sum = |f: &dyn Fn(&OptionResult) -> f64| on.iter().map(|o| f(o)).sum::<f64>();
            let kits: u64 = on.iter().map(|o| o.thermal.cold_plate_kits).sum();
            let tanks: u64 = on.iter().map(|o| o.thermal.tank_count).sum();
            let cdus = plan
                .cdus
                .iter()
                .find(|c| c.option == option)
                .map_or(0, |c| c.design.units());
            let piping = sum(&|o| {
                o.cost
                    .capex_breakdown
                    .iter()
                    .filter(|(i, _)| *i == CostItem::Piping)
                    .map(|(_, m)| m.amount)
                    .sum()
            });
            let whole = |v: f64| coolplan_units::format::group_thousands(v, 0);
            rows.push(Row::new(vec![
                format!("{} ({})", hall.name, Rep::PlanLabel.tr(lang)),
                option_name(option, lang).to_string(),
                f::count(kits),
                f::count(cdus),
                f::count(tanks),
                whole(sum(&|o| {
                    o.thermal.fluid_volume.get::<uom::si::volume::liter>()
                })),
                whole(sum(&|o| {
                    o.thermal
                        .coolant_flow
                        .get::<uom::si::volume_rate::liter_per_minute>()
                })),
                whole(sum(&|o| {
                    o.thermal.heat_to_liquid.get::<uom::si::power::kilowatt>()
                })),
                whole(piping),
            ]));
        }
    }
    Table { columns, rows }
}

fn quantities(scope: &str, o: &OptionResult, lang: Lang) -> Vec<String> {
    let t = &o.thermal;
    let piping: f64 = o
        .cost
        .capex_breakdown
        .iter()
        .filter(|(i, _)| *i == CostItem::Piping)
        .map(|(_, m)| m.amount)
        .sum();
    vec![
        scope.to_string(),
        option_name(o.option, lang).to_string(),
        f::count(t.cold_plate_kits),
        f::count(t.cdu_count),
        f::count(t.tank_count),
        coolplan_units::format::group_thousands(t.fluid_volume.get::<uom::si::volume::liter>(), 0),
        coolplan_units::format::group_thousands(
            t.coolant_flow
                .get::<uom::si::volume_rate::liter_per_minute>(),
            0,
        ),
        coolplan_units::format::group_thousands(
            t.heat_to_liquid.get::<uom::si::power::kilowatt>(),
            0,
        ),
        coolplan_units::format::group_thousands(piping, 0),
    ]
}

pub(super) fn floor_checks(input: &ReportInput, blocks: &mut Vec<Block>) {
    let lang = input.lang;
    blocks.push(chapter(Rep::FloorChecks, lang));
    blocks.push(Block::Paragraph(Rep::FloorIntro.tr(lang).to_string()));
    let columns = vec![
        Column::left(Rep::ColScope.tr(lang)),
        Column::left(Rep::ColOption.tr(lang)),
        Column::right(Rep::ColFloorLoad.tr(lang)),
        Column::right(Rep::ColRating.tr(lang)),
        Column::left(Rep::ColLoadCheck.tr(lang)),
        Column::right(Rep::ColAreaNeeded.tr(lang)),
        Column::right(Rep::ColAreaAvailable.tr(lang)),
        Column::left(Rep::ColSpaceCheck.tr(lang)),
    ];
    let check = |ok: bool| {
        if ok { Rep::CheckOk } else { Rep::CheckExceeds }
            .tr(lang)
            .to_string()
    };
    let mut rows = Vec::new();
    for (hall, scope) in input.site.halls.iter().zip(&input.results.halls) {
        let (rating, area) = (hall.floor.rating.get(), hall.area.get());
        for o in &scope.options {
            let cells = vec![
                scope.name.clone(),
                option_name(o.option, lang).to_string(),
                f::floor_load(o.thermal.floor_load),
                f::floor_load(rating),
                check(o.thermal.floor_load <= rating),
                f::area(o.thermal.floor_area),
                f::area(area),
                check(o.thermal.floor_area <= area),
            ];
            let fails = o.thermal.floor_load > rating || o.thermal.floor_area > area;
            rows.push(if fails {
                Row::strong(cells)
            } else {
                Row::new(cells)
            });
        }
    }
    blocks.push(Block::Table(Table { columns, rows }));
}

pub(super) fn elevations(input: &ReportInput, blocks: &mut Vec<Block>) {
    let lang = input.lang;
    blocks.push(chapter(Rep::Elevations, lang));
    // the racks the plan moves off air, each with its plan option
    let changing: Vec<(&RackResult, CoolingOption)> = input
        .results
        .racks
        .iter()
        .zip(&input.results.plan.groups)
        .filter_map(|(r, g)| Some((r, g.option.filter(|o| *o != CoolingOption::Air)?)))
        .collect();
    if changing.is_empty() {
        blocks.push(Block::Paragraph(Rep::NoElevations.tr(lang).to_string()));
        return;
    }
    blocks.push(Block::Paragraph(Rep::ElevationsIntro.tr(lang).to_string()));
    let mut drawings = Vec::new();
    for &(result, option) in changing.iter().take(MAX_ELEVATIONS) {
        let Some(rack) = input
            .site
            .halls
            .get(result.hall)
            .and_then(|h| h.racks.get(result.rack))
        else {
            continue;
        };
        drawings.extend(before_after(
            rack,
            &result.scope,
            option,
            input.catalog,
            lang,
        ));
    }
    blocks.push(Block::Elevations(drawings));
    if changing.len() > MAX_ELEVATIONS {
        blocks.push(Block::Paragraph(
            Rep::ElevationsMore.fmt(lang, &[&(changing.len() - MAX_ELEVATIONS)]),
        ));
    }
}

/// One rack of the group now, and after the change to `option`.
fn before_after(
    rack: &Rack,
    scope: &ScopeResult,
    option: CoolingOption,
    catalog: &Catalog,
    lang: Lang,
) -> [Elevation; 2] {
    let height_u = rack.height.in_unit(LengthUnit::U).round().max(1.0) as u32;
    let mut slots = Vec::new();
    let mut next_u = 1u32;
    for group in &rack.servers {
        let (name, unit_height) = match catalog.get(&group.model) {
            Some(model) => (
                model.name.clone(),
                model.height.in_unit(LengthUnit::U).round().max(1.0) as u32,
            ),
            None => (group.model.clone(), 1),
        };
        let height = unit_height
            .saturating_mul(group.count)
            .min(height_u.saturating_sub(next_u - 1));
        if height == 0 {
            break;
        }
        slots.push(Slot {
            bottom_u: next_u,
            height_u: height,
            label: format!("{} × {name}", group.count),
            kind: SlotKind::Server,
        });
        next_u += height;
    }
    let before = Elevation {
        title: Rep::ElevationBefore.fmt(lang, &[&scope.name]),
        height_u,
        slots: slots.clone(),
    };
    let mut after_slots: Vec<Slot> = slots
        .into_iter()
        .map(|mut s| {
            s.kind = if option == CoolingOption::Immersion {
                SlotKind::Liquid
            } else {
                SlotKind::CooledServer
            };
            if option == CoolingOption::Immersion {
                s.label = format!("{} ({})", s.label, Rep::InTank.tr(lang));
            }
            s
        })
        .collect();
    if option == CoolingOption::ColdPlate && next_u < height_u {
        after_slots.push(Slot {
            bottom_u: height_u - 1,
            height_u: 2,
            label: Rep::Manifold.tr(lang).to_string(),
            kind: SlotKind::Liquid,
        });
    }
    let after = Elevation {
        title: Rep::ElevationAfter.fmt(lang, &[&scope.name, &option_name(option, lang)]),
        height_u,
        slots: after_slots,
    };
    [before, after]
}
