//! The "Bill of quantities" chapter: the recommended plan's equipment by hall (its CDUs are
//! the whole-rack assignment the costs and the N+1 check read), each liquid option's by hall
//! for reference (a summary: the site's), the rear doors and liquid-to-air units
//! ([`super::air_side`]), the enabling works the plan buys, then for each liquid option every
//! CAPEX item with its quantity, unit, unit price and amount (site totals).
//!
//! Quantities come from the engine's physical results where it counts them (kits, CDUs) and
//! otherwise from the amount and the price the engine applied (amount ÷ unit price: kW
//! converted, racks, servers, rack-hours, m²), so every row multiplies out to its amount.

use super::format::{self as f, option_name};
use super::{Detail, ReportInput, section};
use crate::document::{Block, Column, Row, Table};
use coolplan_engine::cost::capex::per_kw_prices;
use coolplan_engine::{CoolingOption, CostItem, OptionResult, RackResult, ScopeResult};
use coolplan_model::assumptions::prices::PricesResolved;
use coolplan_units::format::group_thousands;
use coolplan_units::{AreaUnit, PowerUnit, TimeUnit, VolumeUnit};
use coolplan_words::results as words;
use coolplan_words::{Lang, Text, fill, report::Rep};

/// The options other than air that `scope` shows: those with equipment to count.
fn liquid_shown(scope: &ScopeResult) -> impl Iterator<Item = CoolingOption> + '_ {
    scope
        .shown()
        .map(|o| o.option)
        .filter(|o| *o != CoolingOption::Air)
}

pub(super) fn bill_of_quantities(input: &ReportInput, blocks: &mut Vec<Block>) {
    let lang = input.lang;
    blocks.push(Block::Paragraph(Rep::EquipmentIntro.tr(lang).to_string()));
    blocks.push(section(Rep::QuantitiesByHall.tr(lang)));
    let columns = by_hall_columns(lang);
    let plan = plan_quantities(input, columns.clone());
    blocks.push(if plan.rows.is_empty() {
        Block::Paragraph(Rep::PlanNoLiquidServers.tr(lang).to_string())
    } else {
        Block::Table(without_empty_counts(plan))
    });
    // a summary keeps each option's site total; the other reports list it by hall too
    let each_hall = input.detail != Detail::Summary;
    let each_option = if each_hall {
        Rep::EquipmentEachOption
    } else {
        Rep::EquipmentEachOptionSite
    };
    blocks.push(Block::Paragraph(each_option.tr(lang).to_string()));
    blocks.push(Block::Table(without_empty_counts(by_hall(
        input, columns, each_hall,
    ))));
    if let Some(table) = super::air_side::table(input, each_hall) {
        blocks.push(section(Rep::DoorsAndL2a.tr(lang)));
        blocks.push(Block::Paragraph(Rep::DoorsAndL2aIntro.tr(lang).to_string()));
        blocks.push(Block::Table(without_empty_counts(table)));
    }
    super::works::quantities(input, blocks);
    let prices = input.site.assumptions.resolve(input.site.currency).prices;
    // a summary itemises what could be built: options feasible for the whole site
    let itemised_options: Vec<CoolingOption> = liquid_shown(&input.results.site)
        .filter(|o| each_hall || input.results.site.option(*o).feasible)
        .collect();
    if !each_hall && itemised_options.len() < liquid_shown(&input.results.site).count() {
        blocks.push(Block::Paragraph(
            Rep::ItemisedFeasibleOnly.tr(lang).to_string(),
        ));
    }
    for option in itemised_options {
        let result = input.results.site.option(option);
        let title = if result.feasible {
            option_name(option, lang).to_string()
        } else {
            Rep::InfeasibleSuffix.fmt(lang, &[&option_name(option, lang)])
        };
        blocks.push(section(title));
        blocks.push(Block::Table(itemised(result, &prices, input)));
    }
}

/// How an item is counted: its quantity and unit for `amount`.
fn quantity(
    item: CostItem,
    amount: f64,
    option: &OptionResult,
    prices: &PricesResolved,
) -> Option<(f64, Rep)> {
    let per = |price: f64, unit: Rep| (price > 0.0).then(|| (amount / price, unit));
    let t = &option.thermal;
    match item {
        CostItem::PerKwStock => per(
            per_kw_prices(option.option, prices)
                .0
                .amount_per(PowerUnit::kW),
            Rep::UnitKw,
        ),
        CostItem::PerKwNew => per(
            per_kw_prices(option.option, prices)
                .1
                .amount_per(PowerUnit::kW),
            Rep::UnitKw,
        ),
        CostItem::ColdPlateKits => {
            (t.cold_plate_kits > 0).then_some((t.cold_plate_kits as f64, Rep::UnitKits))
        }
        CostItem::FactoryPremium => per(
            prices.factory_premium_per_kw.amount_per(PowerUnit::kW),
            Rep::UnitKw,
        ),
        CostItem::Manifolds => per(prices.manifold_per_rack.amount, Rep::UnitRacks),
        // a door option's CDU is its door loop's, priced per kW of door heat; the hybrid's
        // item holds both its kits' units and its doors' kW, so only its amount is shown
        CostItem::Cdus if option.option.door().is_some() => {
            let door_kw = t.heat_to_door.get::<uom::si::power::kilowatt>();
            (t.cdu_count == 0 && door_kw > 0.0).then_some((door_kw, Rep::UnitKw))
        }
        CostItem::Cdus | CostItem::LiquidToAirUnits => {
            (t.cdu_count > 0).then_some((t.cdu_count as f64, Rep::UnitUnits))
        }
        CostItem::Piping => per(prices.piping_per_kw.amount_per(PowerUnit::kW), Rep::UnitKw),
        CostItem::Labour => per(prices.labour_per_server.amount, Rep::UnitServers),
        CostItem::Downtime => per(
            prices.downtime_cost_per_rack_hour.amount_per(TimeUnit::h),
            Rep::UnitRackHours,
        ),
        CostItem::Tanks => per(prices.tank_each.amount, Rep::UnitTanks),
        CostItem::Fluid => per(
            prices.fluid_per_litre.amount_per(VolumeUnit::L),
            Rep::UnitLitres,
        ),
        CostItem::ImmersionPrep => per(prices.immersion_prep_per_server.amount, Rep::UnitServers),
        CostItem::FloorReinforcement => per(
            prices.floor_reinforcement_per_m2.amount_per(AreaUnit::m2),
            Rep::UnitSquareMetres,
        ),
        CostItem::AddedAirCapacity | CostItem::AirPlantAddition => per(
            prices.air_added_capacity_per_kw.amount_per(PowerUnit::kW),
            Rep::UnitKw,
        ),
        CostItem::TrimChiller => per(
            prices.trim_chiller_per_kw.amount_per(PowerUnit::kW),
            Rep::UnitKw,
        ),
        // passive and active doors (a hybrid may have both): counted, not divided out
        CostItem::RearDoors => (t.door_count > 0).then_some((t.door_count as f64, Rep::UnitDoors)),
        CostItem::RearDoorInstall => per(prices.rdhx_install_each.amount, Rep::UnitRacks),
        CostItem::FacilityWaterExtension => per(
            prices
                .facility_water_extension_per_kw
                .amount_per(PowerUnit::kW),
            Rep::UnitKw,
        ),
        CostItem::ElectricalUpgrade => per(
            prices.electrical_upgrade_per_kw.amount_per(PowerUnit::kW),
            Rep::UnitKw,
        ),
        // A lump sum per site or hall, as the heat customer's contract states it; refreshes
        // price each model's own premium or preparation (the lifecycle table lists them).
        CostItem::Contingency | CostItem::HeatReuse | CostItem::Refresh => None,
    }
}

/// A quantity: whole numbers grouped, fractions (kW of a share) to one decimal.
pub(super) fn amount_of(quantity: f64) -> String {
    let decimals = if (quantity - quantity.round()).abs() < 1e-6 {
        0
    } else {
        1
    };
    group_thousands(quantity, decimals)
}

/// Every CAPEX item of `option` at site level with quantity, unit price and amount.
fn itemised(option: &OptionResult, prices: &PricesResolved, input: &ReportInput) -> Table {
    let lang = input.lang;
    let unit_money = super::format::MoneyScale::for_max(0.0, input.results.currency, lang);
    let mut rows: Vec<Row> = Vec::new();
    for (item, money) in &option.cost.capex_breakdown {
        let amount = money.amount;
        let counted = quantity(*item, amount, option, prices);
        let (qty, unit, unit_price) = match (item, counted) {
            (CostItem::Contingency, _) => (
                format!("{} %", group_thousands(prices.contingency * 100.0, 0)),
                Rep::UnitOfSubtotal.tr(lang).to_string(),
                String::new(),
            ),
            (_, Some((q, unit))) if q > 0.0 => (
                amount_of(q),
                unit.tr(lang).to_string(),
                group_thousands(amount / q, 0),
            ),
            _ => (String::new(), String::new(), String::new()),
        };
        rows.push(Row::new(vec![
            words::cost_item(*item, lang).to_string(),
            qty,
            unit,
            unit_price,
            f::money_full(*money),
        ]));
    }
    rows.push(Row::strong(vec![
        Rep::ColTotal.tr(lang).to_string(),
        String::new(),
        String::new(),
        String::new(),
        f::money_full(option.cost.capex),
    ]));
    Table {
        columns: vec![
            Column::left(Rep::ColItem.tr(lang)),
            Column::right(Rep::ColQuantity.tr(lang)),
            Column::left(Rep::ColUnit.tr(lang)),
            Column::right(unit_money.header(Rep::ColUnitPrice.tr(lang), lang)),
            Column::right(unit_money.header(Rep::ColAmount.tr(lang), lang)),
        ],
        rows,
    }
}

/// Columns of the equipment tables (plan and per option).
/// `table` without the quantity columns (after scope and option) that are zero in every row:
/// equipment no option shown uses (tanks and fluid on a site without immersion, kits where
/// no stock server converts) is left out rather than listed as a column of zeros.
fn without_empty_counts(mut table: Table) -> Table {
    const LABELS: usize = 2;
    let keep: Vec<bool> = (0..table.columns.len())
        .map(|c| {
            c < LABELS
                || table.rows.is_empty()
                || (table.rows.iter()).any(|r| !matches!(r.cells[c].as_str(), "0" | ""))
        })
        .collect();
    let kept = |cells: Vec<String>| -> Vec<String> {
        cells
            .into_iter()
            .zip(&keep)
            .filter_map(|(cell, keep)| keep.then_some(cell))
            .collect()
    };
    table.columns = (table.columns.into_iter())
        .zip(&keep)
        .filter_map(|(column, keep)| keep.then_some(column))
        .collect();
    for row in &mut table.rows {
        row.cells = kept(std::mem::take(&mut row.cells));
    }
    table
}

fn by_hall_columns(lang: Lang) -> Vec<Column> {
    vec![
        Column::left(Rep::ColScope.tr(lang)),
        Column::left(Rep::ColOption.tr(lang)),
        Column::right(Rep::ColKits.tr(lang)),
        Column::right(Rep::ColCdus.tr(lang)),
        Column::right(Rep::ColTanks.tr(lang)),
        Column::right(Rep::ColFluidL.tr(lang)),
        Column::right(Rep::ColFlow.tr(lang)),
        Column::right(Rep::ColPiping.tr(lang)),
    ]
}

/// Equipment of each liquid option by hall with every group of the hall on it, with the site
/// total (a reference beside the plan's); without `each_hall` the site total only.
fn by_hall(input: &ReportInput, columns: Vec<Column>, each_hall: bool) -> Table {
    let lang = input.lang;
    let mut rows = Vec::new();
    let halls = input.results.halls.iter().filter(|_| each_hall);
    let scopes = halls.map(|h| (h, false));
    for (scope, total) in scopes.chain(std::iter::once((&input.results.site, true))) {
        let name = if total {
            Rep::SiteTotal.tr(lang).to_string()
        } else {
            scope.name.clone()
        };
        // servers on air (the door options) have their doors in their own table
        for option in liquid_shown(scope).filter(|o| !o.on_air()) {
            let cells = quantities(&name, scope.option(option), lang);
            rows.push(if total {
                Row::strong(cells)
            } else {
                Row::new(cells)
            });
        }
    }
    Table { columns, rows }
}

/// The plan's quantities: per hall and liquid option it uses, the groups it puts on it (kits,
/// tanks, fluid, flow, liquid heat, piping) and the CDUs of its design.
fn plan_quantities(input: &ReportInput, columns: Vec<Column>) -> Table {
    let (results, lang) = (input.results, input.lang);
    let mut rows = Vec::new();
    for (h, (hall, plan)) in results.halls.iter().zip(&results.plan.halls).enumerate() {
        let liquid = CoolingOption::ALL.into_iter().filter(|o| !o.on_air());
        for option in liquid {
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
            let whole = |v: f64| group_thousands(v, 0);
            rows.push(Row::new(vec![
                fill(Rep::HallPlanScope.tr(lang), &[&hall.name]),
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
            ]));
        }
    }
    Table { columns, rows }
}

fn quantities(scope: &str, o: &OptionResult, lang: Lang) -> Vec<String> {
    let t = &o.thermal;
    vec![
        scope.to_string(),
        option_name(o.option, lang).to_string(),
        f::count(t.cold_plate_kits),
        f::count(t.cdu_count),
        f::count(t.tank_count),
        group_thousands(t.fluid_volume.get::<uom::si::volume::liter>(), 0),
        group_thousands(
            t.coolant_flow
                .get::<uom::si::volume_rate::liter_per_minute>(),
            0,
        ),
        group_thousands(t.heat_to_liquid.get::<uom::si::power::kilowatt>(), 0),
    ]
}
