//! The bill of quantities' rear doors and liquid-to-air units: the equipment that cools a
//! rack through the room's air side rather than its servers. Per hall for the plan (the groups
//! it puts on a door option or the hybrid, the liquid-to-air units of its CDU design), then per
//! option that applies, by hall and for the site, as the CAPEX breakdown prices them: one door
//! per rack converted (passive or active), the door loop's CDU and piping per kW of door heat,
//! and whole liquid-to-air units, each taking its rack positions on the floor.

use super::ReportInput;
use super::format::{self as f, option_name};
use crate::document::{Column, Row, Table};
use coolplan_engine::{CoolingOption, OptionResult, RackResult, ScopeResult};
use coolplan_units::PowerUnit;
use coolplan_units::format::group_thousands;
use coolplan_words::{Lang, Text, fill, report::Rep};
use uom::si::power::kilowatt;

/// Doors and liquid-to-air units of one scope on one option.
#[derive(Default)]
struct AirSide {
    passive_doors: u64,
    active_doors: u64,
    door_kw: f64,
    l2a_units: u64,
}

impl AirSide {
    /// The doors `o` fits, and its liquid-to-air units when it is the liquid-to-air option.
    fn of(o: &OptionResult) -> Self {
        let t = &o.thermal;
        AirSide {
            passive_doors: t.door_count.saturating_sub(t.active_door_count),
            active_doors: t.active_door_count,
            door_kw: t.heat_to_door.get::<kilowatt>(),
            l2a_units: if o.option == CoolingOption::ColdPlateLiquidToAir {
                t.cdu_count
            } else {
                0
            },
        }
    }
    fn add(mut self, other: AirSide) -> Self {
        self.passive_doors += other.passive_doors;
        self.active_doors += other.active_doors;
        self.door_kw += other.door_kw;
        self.l2a_units += other.l2a_units;
        self
    }
    fn is_empty(&self) -> bool {
        self.passive_doors + self.active_doors + self.l2a_units == 0
    }
}

/// The size and floor of one liquid-to-air unit, as the engine sized them.
struct UnitSize {
    kw: f64,
    positions: f64,
}

/// The plan's doors and liquid-to-air units by hall, then (with `each_option`) each option's
/// by hall, and every option's site total; `None` when nothing shown has any.
pub(super) fn table(input: &ReportInput, each_option: bool) -> Option<Table> {
    let lang = input.lang;
    let cooling = input.site.assumptions.resolve(input.site.currency).cooling;
    let size = UnitSize {
        kw: cooling.l2a_unit_capacity.in_unit(PowerUnit::kW),
        positions: cooling.l2a_unit_positions,
    };
    let mut rows = plan_rows(input, &size);
    let results = input.results;
    let halls = results.halls.iter().filter(|_| each_option);
    for (scope, total) in (halls.map(|h| (h, false))).chain([(&results.site, true)]) {
        let name = if total {
            Rep::SiteTotal.tr(lang).to_string()
        } else {
            scope.name.clone()
        };
        for option in shown(scope) {
            let quantities = AirSide::of(scope.option(option));
            if quantities.is_empty() {
                continue;
            }
            let cells = cells(name.clone(), option, &quantities, &size, lang);
            rows.push(if total {
                Row::strong(cells)
            } else {
                Row::new(cells)
            });
        }
    }
    (!rows.is_empty()).then(|| Table {
        columns: columns(lang),
        rows,
    })
}

fn shown(scope: &ScopeResult) -> impl Iterator<Item = CoolingOption> + '_ {
    scope.shown().map(|o| o.option)
}

/// Per hall and option the plan uses: the doors of its groups on that option, and the
/// liquid-to-air units of the hall's CDU design (the count the plan's CAPEX prices).
fn plan_rows(input: &ReportInput, size: &UnitSize) -> Vec<Row> {
    let (results, lang) = (input.results, input.lang);
    let mut rows = Vec::new();
    for (h, (hall, plan)) in results.halls.iter().zip(&results.plan.halls).enumerate() {
        for option in CoolingOption::ALL {
            let on: Vec<&RackResult> = results
                .racks
                .iter()
                .zip(&results.plan.groups)
                .filter(|(r, g)| r.hall == h && g.option == Some(option))
                .map(|(r, _)| r)
                .collect();
            let mut quantities = on
                .iter()
                .map(|r| AirSide::of(r.scope.option(option)))
                .fold(AirSide::default(), AirSide::add);
            quantities.l2a_units = if option == CoolingOption::ColdPlateLiquidToAir {
                plan.cdus
                    .iter()
                    .find(|c| c.option == option)
                    .map_or(0, |c| c.design.units())
            } else {
                0
            };
            if quantities.is_empty() {
                continue;
            }
            let scope = fill(Rep::HallPlanScope.tr(lang), &[&hall.name]);
            rows.push(Row::new(cells(scope, option, &quantities, size, lang)));
        }
    }
    rows
}

fn columns(lang: Lang) -> Vec<Column> {
    vec![
        Column::left(Rep::ColScope.tr(lang)),
        Column::left(Rep::ColOption.tr(lang)),
        Column::right(Rep::ColPassiveDoors.tr(lang)),
        Column::right(Rep::ColActiveDoors.tr(lang)),
        Column::right(Rep::ColDoorKw.tr(lang)),
        Column::right(Rep::ColL2aUnits.tr(lang)),
        Column::right(Rep::ColL2aUnitKw.tr(lang)),
        Column::right(Rep::ColRackPositions.tr(lang)),
    ]
}

/// A row's cells; a unit's size and positions stay blank where the row has no units.
fn cells(
    scope: String,
    option: CoolingOption,
    q: &AirSide,
    size: &UnitSize,
    lang: Lang,
) -> Vec<String> {
    let units = q.l2a_units;
    let (unit_kw, positions) = if units > 0 {
        (
            group_thousands(size.kw, 0),
            super::equipment::amount_of(units as f64 * size.positions),
        )
    } else {
        (String::new(), String::new())
    };
    vec![
        scope,
        option_name(option, lang).to_string(),
        f::count(q.passive_doors),
        f::count(q.active_doors),
        group_thousands(q.door_kw, 0),
        f::count(units),
        unit_kw,
        positions,
    ]
}
