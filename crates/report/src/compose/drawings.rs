//! The "Drawings" chapter: a schematic floor plan of each hall (racks as tiles in their
//! rows, coloured by the planned option, with the hall's CDUs) and front elevations of the
//! rack groups that change, before and after, on a U scale.

use std::collections::BTreeMap;

use super::format::{self as f, option_name};
use super::{Detail, ReportInput, plan, section};
use crate::document::{Block, Elevation, FloorPlan, PlanGroup, PlanKind, PlanRow, Slot, SlotKind};
use coolplan_engine::analysis::redundancy;
use coolplan_engine::{CoolingOption, RackResult, ScopeResult, ServerCooling};
use coolplan_model::{Catalog, Rack};
use coolplan_units::LengthUnit;
use coolplan_words::{Lang, Text, report::Rep};

/// Most tiles drawn for one hall; larger halls draw one tile per several racks.
const MAX_TILES: u64 = 480;
/// Halls drawn at the summary level (the rest are in the plan table).
const SUMMARY_PLANS: usize = 3;

pub(super) fn drawings(input: &ReportInput, blocks: &mut Vec<Block>) {
    let lang = input.lang;
    blocks.push(section(Rep::FloorPlans.tr(lang)));
    let cdus = hall_cdus(input);
    let shown = match input.detail {
        Detail::Summary => SUMMARY_PLANS,
        _ => usize::MAX,
    };
    for (index, hall) in input.site.halls.iter().enumerate().take(shown) {
        blocks.push(Block::FloorPlan(floor_plan(
            input,
            index,
            &hall.name,
            cdus.get(&index).copied().unwrap_or(0),
        )));
    }
    if input.site.halls.len() > shown {
        blocks.push(Block::Paragraph(
            Rep::FloorPlansMore.fmt(lang, &[&(input.site.halls.len() - shown)]),
        ));
    }
    blocks.push(section(Rep::Elevations.tr(lang)));
    elevations(input, blocks);
}

/// CDUs per hall for the liquid option the hall's plan uses most (the whole-rack assignment
/// of the costs and the N+1 check, so drawing, bill of quantities and check agree).
fn hall_cdus(input: &ReportInput) -> BTreeMap<usize, u64> {
    let mut racks_on: BTreeMap<(usize, CoolingOption), u64> = BTreeMap::new();
    for (rack, option) in plan::planned(input).filter(|(_, o)| *o != CoolingOption::Air) {
        *racks_on.entry((rack.hall, option)).or_default() += rack.count;
    }
    let mut main: BTreeMap<usize, (CoolingOption, u64)> = BTreeMap::new();
    for ((hall, option), racks) in racks_on {
        let entry = main.entry(hall).or_insert((option, racks));
        if racks > entry.1 {
            *entry = (option, racks);
        }
    }
    let mut out = BTreeMap::new();
    for check in redundancy::site_checks(input.site, input.results) {
        let Some(hall) = input.site.halls.iter().position(|h| h.name == check.hall) else {
            continue;
        };
        if main.get(&hall).is_some_and(|(o, _)| *o == check.option) {
            out.insert(hall, check.units);
        }
    }
    out
}

/// A group's tile colour: its plan option, or unresolved for new servers no option suits.
fn kind_of(option: Option<CoolingOption>) -> PlanKind {
    option.map_or(PlanKind::Unresolved, PlanKind::Planned)
}

/// A rack group placed on the plan: (row key, slot, group name, racks, kind); the row key
/// sorts unplaced groups last.
type Placed = ((bool, String), u32, String, u64, PlanKind);

/// Rows drawn one by one; a hall with more rows is drawn as one band of tiles.
const MAX_ROWS: usize = 24;

fn floor_plan(input: &ReportInput, hall: usize, name: &str, cdus: u64) -> FloorPlan {
    let lang = input.lang;
    let site_hall = input.site.halls.get(hall);
    // in file order
    let results = input.results;
    let mut placed: Vec<Placed> = results
        .racks
        .iter()
        .zip(&results.plan.groups)
        .filter(|(r, _)| r.hall == hall)
        .map(|(rack, choice)| {
            let position = site_hall
                .and_then(|h| h.racks.get(rack.rack))
                .and_then(|r| r.position.as_ref());
            let key = match position {
                Some(p) => (false, p.row.clone()),
                None => (true, Rep::UnplacedRow.tr(lang).to_string()),
            };
            (
                key,
                position.map_or(u32::MAX, |p| p.slot),
                rack.scope.name.clone(),
                rack.count,
                kind_of(choice.option),
            )
        })
        .collect();
    let racks: u64 = placed.iter().map(|p| p.3).sum();
    // the legend names the kinds the plan draws, in option order
    let kinds: std::collections::BTreeSet<PlanKind> = placed.iter().map(|p| p.4).collect();
    let row_count = {
        let mut keys: Vec<&(bool, String)> = placed.iter().map(|p| &p.0).collect();
        keys.sort();
        keys.dedup();
        keys.len()
    };
    let banded = row_count > MAX_ROWS;
    if banded {
        for p in &mut placed {
            p.0 = (false, Rep::AllRows.tr(lang).to_string());
        }
    }
    // Slot order within a row (stable: file order on ties).
    placed.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    let mut per_tile = racks.div_ceil(MAX_TILES).max(1);
    if per_tile > 1 {
        // Scaled: a row shows its racks by option (one run per option), not group by group.
        placed.sort_by(|a, b| (&a.0, a.4).cmp(&(&b.0, b.4)));
    }
    let runs = runs_of(&placed, per_tile > 1);
    let tiles = |per: u64| runs.iter().map(|r| r.2.div_ceil(per)).sum::<u64>();
    while tiles(per_tile) > MAX_TILES + MAX_TILES / 4 {
        per_tile *= 2;
    }
    let mut rows: Vec<PlanRow> = Vec::new();
    for (row, group, count, kind) in runs {
        let tile = PlanGroup {
            name: group,
            tiles: u32::try_from(count.div_ceil(per_tile)).unwrap_or(u32::MAX),
            kind,
        };
        match rows.last_mut() {
            Some(last) if last.name == row => last.groups.push(tile),
            _ => rows.push(PlanRow {
                name: row,
                groups: vec![tile],
            }),
        }
    }
    let note = if per_tile > 1 {
        Rep::PlanNoteScaled.fmt(lang, &[&f::count(per_tile)])
    } else {
        Rep::PlanNote.tr(lang).to_string()
    };
    FloorPlan {
        title: Rep::FloorPlanTitle.fmt(lang, &[&name]),
        note,
        rows,
        cdus: u32::try_from(cdus.div_ceil(per_tile)).unwrap_or(u32::MAX),
        legend: kinds
            .into_iter()
            .map(|kind| {
                let label = match kind {
                    PlanKind::Planned(option) => option_name(option, lang).to_string(),
                    PlanKind::Unresolved => Rep::NoneFeasible.tr(lang).to_string(),
                };
                (kind, label)
            })
            .collect(),
        cdu_label: Rep::CduTile.tr(lang).to_string(),
    }
}

/// (row, group name, racks, kind) per rack group, or per run of one option in a row when
/// `merge` (a scaled plan).
fn runs_of(placed: &[Placed], merge: bool) -> Vec<(String, String, u64, PlanKind)> {
    let mut runs: Vec<(String, String, u64, PlanKind)> = Vec::new();
    for ((_, row), _, group, racks, kind) in placed {
        match runs.last_mut() {
            Some(last) if merge && last.0 == *row && last.3 == *kind => last.2 += racks,
            _ => runs.push((row.clone(), group.clone(), *racks, *kind)),
        }
    }
    runs
}

fn elevations(input: &ReportInput, blocks: &mut Vec<Block>) {
    let lang = input.lang;
    let changing: Vec<(&RackResult, CoolingOption)> = plan::planned(input)
        .filter(|(_, o)| *o != CoolingOption::Air)
        .collect();
    if changing.is_empty() {
        blocks.push(Block::Paragraph(Rep::NoElevations.tr(lang).to_string()));
        return;
    }
    let most = match input.detail {
        Detail::Summary => 2,
        Detail::Standard => 6,
        Detail::Full => 12,
    };
    blocks.push(Block::Paragraph(Rep::ElevationsIntro.tr(lang).to_string()));
    let mut drawings = Vec::new();
    for (result, option) in changing.iter().take(most) {
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
            *option,
            input.catalog,
            lang,
        ));
    }
    blocks.push(Block::Elevations(drawings));
    if changing.len() > most {
        blocks.push(Block::Paragraph(
            Rep::ElevationsMore.fmt(lang, &[&f::count((changing.len() - most) as u64)]),
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
    let servers = option.servers();
    let mut after_slots: Vec<Slot> = slots
        .into_iter()
        .map(|mut s| {
            // a rear door leaves the servers as they are
            s.kind = match servers {
                ServerCooling::Air => SlotKind::Server,
                ServerCooling::ColdPlate => SlotKind::CooledServer,
                ServerCooling::Immersion => SlotKind::Liquid,
            };
            if servers == ServerCooling::Immersion {
                s.label = format!("{} ({})", s.label, Rep::InTank.tr(lang));
            }
            s
        })
        .collect();
    if servers == ServerCooling::ColdPlate && next_u < height_u {
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
