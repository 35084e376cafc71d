//! One-at-a-time sensitivity (tornado): each uncertain input is set to its low and then its
//! high value, all others at base, the site is evaluated again (its plan searched again), and
//! the plan's NPV against air and payback are recorded.
//!
//! Owns: the swing of each input, the ranking (largest |NPV(high) − NPV(low)| first; ties keep
//! the list's order), and for an input that moves nothing, why it cannot on this site
//! ([`NoEffect`]). Never touches: files, drawing (the GUI and reports draw the bars), words.
//! The result is what a tornado chart draws: per bar the input, its base, low and high values
//! (as written and for people, with units) and the NPV at each end around the base NPV.

use rayon::prelude::*;

use super::Evaluator;
use super::reading::Reading;
use crate::results::{CoolingOption, Results};
use coolplan_model::assumptions::{AssumptionKey, Group};
use coolplan_model::uncertainty::prepare::{ApplyError, Input, Prepared};
use coolplan_model::{CostMode, Site, Status};
use coolplan_units::Money;

/// Why an input moves nothing on this site.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoEffect {
    /// A per-kW default used only for models the catalog gives no price of their own, and
    /// every model here has one (cold-plate kit, factory premium).
    CatalogPricesEveryModel,
    /// A price of the other cost mode (per-kW prices on an itemised site and vice versa).
    OtherCostMode { site_mode: CostMode },
    /// A price of an option no group of the plan takes at either end.
    OptionNotInPlan { option: CoolingOption },
    /// A price of installed servers, and the site has none.
    NoStockServers,
    /// A price of new servers, and the site has none.
    NoNewServers,
    /// A price of added air capacity, and no hall needs any (on air, new load stays within
    /// every hall's spare air capacity).
    NoAddedAirCapacity,
    /// Nothing the plan's NPV depends on changes with it here.
    NoPathOnSite,
}

/// The outcome at one end of an input's range.
#[derive(Clone, Debug, PartialEq)]
pub struct End {
    /// The number as written in the input's unit (`0.6` of `CNY_per_kWh(0.6)`).
    pub value: f64,
    /// As the file writes it, e.g. `CNY_per_kWh(0.6)`.
    pub written: String,
    /// For people, with its unit symbol and no language, e.g. `0.6 CNY/kWh`.
    pub display: String,
    /// The plan's NPV against air with the input here.
    pub npv: Money,
    pub payback_years: Option<f64>,
    /// The option every group takes in the plan here, when all take the same.
    pub plan_uniform: Option<CoolingOption>,
    /// Whether some group's option differs from the base plan.
    pub plan_changed: bool,
}

/// One bar of the tornado.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// The assumption swung (the words crate names it for people).
    pub input: AssumptionKey,
    /// The base value for people (`0.75 CNY/kWh`).
    pub base: String,
    pub low: End,
    pub high: End,
    /// |NPV(high) − NPV(low)|: the bar's length.
    pub swing: Money,
    /// Why the bar has no length, when it has none.
    pub no_effect: Option<NoEffect>,
}

/// The tornado: bars ranked by swing, largest first, around the base plan's NPV.
#[derive(Clone, Debug, PartialEq)]
pub struct Tornado {
    pub base_npv: Money,
    pub base_payback_years: Option<f64>,
    pub base_uniform: Option<CoolingOption>,
    /// The ranges are coolplan's defaults (the site lists no `uncertainty`).
    pub default_ranges: bool,
    pub bars: Vec<Bar>,
}

/// The input's value in `site` for people (the assumptions' own display).
fn display_of(site: &Site, input: &Input) -> String {
    site.assumptions.resolve(site.currency).describe(input.key)
}

fn end(
    reading: &Reading,
    base: &Results<impl Sized>,
    site: &Site,
    input: &Input,
    value: f64,
) -> End {
    let written = input.written(value);
    End {
        value,
        display: display_of(site, input),
        written,
        npv: reading.plan_npv,
        payback_years: reading.plan_payback_years,
        plan_uniform: reading.plan_uniform,
        plan_changed: reading
            .plan_choices
            .iter()
            .zip(&base.plan.groups)
            .any(|(a, b)| *a != b.option),
    }
}

/// Swings every input of `prepared` over its range around the `base` results (of
/// `prepared.site`); `default_ranges` records where the ranges came from.
pub fn tornado<R: Sync>(
    prepared: &Prepared,
    default_ranges: bool,
    base: &Results<R>,
    evaluate: &Evaluator,
) -> Result<Tornado, ApplyError> {
    let currency = base.currency;
    let mut bars = prepared
        .inputs
        .par_iter()
        .enumerate()
        .map(|(i, input)| {
            let at = |value: f64| -> Result<End, ApplyError> {
                let site = prepared.apply(i, value)?;
                Ok(end(&evaluate(&site), base, &site, input, value))
            };
            let low = at(input.quantile(0.0))?;
            let high = at(input.quantile(1.0))?;
            let swing = (high.npv.amount - low.npv.amount).abs();
            let scale = base.plan.totals.npv_vs_air.amount.abs().max(1.0);
            let no_effect = (swing <= 1e-9 * scale)
                .then(|| why_no_effect(&prepared.site, base, input, &low, &high));
            Ok(Bar {
                input: input.key,
                base: display_of(&prepared.site, input),
                low,
                high,
                swing: Money::new(swing, currency),
                no_effect,
            })
        })
        .collect::<Result<Vec<Bar>, ApplyError>>()?;
    // stable: equal swings keep the list's order
    bars.sort_by(|a, b| b.swing.amount.total_cmp(&a.swing.amount));
    let totals = &base.plan.totals;
    Ok(Tornado {
        base_npv: totals.npv_vs_air,
        base_payback_years: totals.simple_payback_years,
        base_uniform: base.plan.uniform,
        default_ranges,
        bars,
    })
}

/// Prices that only one option pays, and the option.
fn option_of_price(field: &str) -> Option<CoolingOption> {
    match field {
        "cold_plate_stock_per_kw"
        | "cold_plate_new_per_kw"
        | "cold_plate_kit_per_kw"
        | "factory_premium_per_kw"
        | "manifold_per_rack"
        | "cold_plate_maintenance" => Some(CoolingOption::ColdPlate),
        "immersion_stock_per_kw"
        | "immersion_new_per_kw"
        | "tank_each"
        | "fluid_per_litre"
        | "immersion_prep_per_server"
        | "floor_reinforcement_per_m2"
        | "immersion_maintenance"
        | "fluid_top_up" => Some(CoolingOption::Immersion),
        _ => None,
    }
}

/// Why `input` moves nothing on `site` (the most specific reason that holds).
fn why_no_effect<R>(
    site: &Site,
    base: &Results<R>,
    input: &Input,
    low: &End,
    high: &End,
) -> NoEffect {
    let field = input.key.name();
    let groups = || site.halls.iter().flat_map(|h| &h.racks);
    let servers = || groups().flat_map(|r| &r.servers);
    let per_kw_only = [
        "cold_plate_stock_per_kw",
        "cold_plate_new_per_kw",
        "immersion_stock_per_kw",
        "immersion_new_per_kw",
    ];
    let itemised_only = [
        "cold_plate_kit_per_kw",
        "factory_premium_per_kw",
        "manifold_per_rack",
        "cdu_per_kw_capacity",
        "piping_per_kw",
        "labour_per_server",
        "downtime_hours_per_rack",
        "downtime_cost_per_rack_hour",
        "tank_each",
        "fluid_per_litre",
        "immersion_prep_per_server",
        "floor_reinforcement_per_m2",
        "contingency",
    ];
    if input.key.group() == Group::Prices {
        let other_mode = match site.cost_mode {
            CostMode::PerKw => itemised_only.contains(&field),
            CostMode::Itemised => per_kw_only.contains(&field),
        };
        if other_mode {
            return NoEffect::OtherCostMode {
                site_mode: site.cost_mode,
            };
        }
        let catalog = site.catalog();
        let stock = servers().any(|s| s.status == Status::Stock);
        let new = servers().any(|s| matches!(s.status, Status::New(_)));
        if field.ends_with("_stock_per_kw") && !stock {
            return NoEffect::NoStockServers;
        }
        if field.ends_with("_new_per_kw") && !new {
            return NoEffect::NoNewServers;
        }
        let all_priced = |stock_servers: bool| {
            servers()
                .filter(|s| (s.status == Status::Stock) == stock_servers)
                .filter_map(|s| catalog.get(&s.model))
                .all(|m| {
                    if stock_servers {
                        m.cold_plate != coolplan_model::KitAvailability::Retrofit
                            || m.kit_cost_in(site.currency).is_some()
                    } else {
                        m.factory_premium_in(site.currency).is_some()
                    }
                })
        };
        if (field == "cold_plate_kit_per_kw" && all_priced(true))
            || (field == "factory_premium_per_kw" && all_priced(false))
        {
            return NoEffect::CatalogPricesEveryModel;
        }
        if field == "air_added_capacity_per_kw"
            && (base.site.option(CoolingOption::Air).cost)
                .spent_on(crate::results::CostItem::AddedAirCapacity)
                .amount
                == 0.0
        {
            return NoEffect::NoAddedAirCapacity;
        }
        if let Some(option) = option_of_price(field) {
            let in_base = base.plan.groups.iter().any(|g| g.option == Some(option));
            if !in_base && !low.plan_changed && !high.plan_changed {
                return NoEffect::OptionNotInPlan { option };
            }
        }
    }
    NoEffect::NoPathOnSite
}
