//! The JSON of `coolplan analyze --format json`: deterministic (no timings), money as plain
//! numbers in the site's `currency`, undefined figures (payback beyond the horizon) `null`.
//! Layout documented in docs/analysis.md §6.

use serde_json::{Value, json};
use uom::si::power::kilowatt;

use super::Analysis;
use coolplan_engine::CoolingOption;
use coolplan_engine::analysis::monte_carlo::Spread;
use coolplan_engine::analysis::phased::{Method, PlanReason};
use coolplan_engine::analysis::redundancy::RackShare;
use coolplan_engine::analysis::tornado::{End, NoEffect};
use coolplan_units::Money;
use coolplan_words::Lang;
use coolplan_words::fields::assumption_label;
use coolplan_words::results::plan as plan_words;
use coolplan_words::results::{cdu_size_name, plan_reason};

/// Version of the layout; raised when a field changes meaning or is removed.
/// 2: the tornado follows the plan's NPV (`option` and `recommended` of its ends replaced by
/// `follows`, `plan_uniform`, `plan_changed`); the N+1 check reads the plan's CDUs, identical
/// units as one entry with `units`; top-level `recommended` is the plan's.
pub const FORMAT_VERSION: u32 = 2;

fn num(v: f64) -> Value {
    serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number)
}

fn money(m: Money) -> Value {
    num(m.amount)
}

fn opt(v: Option<f64>) -> Value {
    v.map_or(Value::Null, num)
}

fn key(o: Option<CoolingOption>) -> Value {
    o.map_or(Value::Null, |o| json!(o.key()))
}

fn end(e: &End) -> Value {
    json!({
        "value": num(e.value),
        "written": e.written,
        "display": e.display,
        "npv": money(e.npv),
        "payback_years": opt(e.payback_years),
        "plan_uniform": key(e.plan_uniform),
        "plan_changed": e.plan_changed,
    })
}

fn no_effect_key(reason: &NoEffect) -> &'static str {
    match reason {
        NoEffect::CatalogPricesEveryModel => "catalog_prices_every_model",
        NoEffect::OtherCostMode { .. } => "other_cost_mode",
        NoEffect::OptionNotInPlan { .. } => "option_not_in_plan",
        NoEffect::NoStockServers => "no_stock_servers",
        NoEffect::NoNewServers => "no_new_servers",
        NoEffect::NoAddedAirCapacity => "no_added_air_capacity",
        NoEffect::NoPathOnSite => "no_path_on_site",
    }
}

fn spread<T: Copy>(s: &Spread<T>, f: impl Fn(T) -> Value) -> Value {
    json!({ "p10": f(s.p10), "p50": f(s.p50), "p90": f(s.p90) })
}

fn shares(list: &[RackShare]) -> Value {
    list.iter()
        .map(|r| json!({ "group": r.group, "racks": r.racks, "heat_kw": num(r.heat.get::<kilowatt>()) }))
        .collect()
}

fn reason_key(reason: &PlanReason) -> Value {
    match reason {
        PlanReason::BestNpvPerYuan { rank, of } => {
            json!({ "key": "best_npv_per_yuan", "rank": rank, "of": of })
        }
        PlanReason::Arrives { year } => json!({ "key": "servers_arrive", "year": year }),
        PlanReason::BudgetExhausted { year } => json!({ "key": "budget_exhausted", "year": year }),
        PlanReason::LaterPaysMore => json!({ "key": "later_pays_more" }),
        PlanReason::NoBudget => json!({ "key": "no_budget" }),
        PlanReason::NoGain => json!({ "key": "no_gain" }),
        PlanReason::Infeasible => json!({ "key": "infeasible" }),
        PlanReason::AirCannotCool => json!({ "key": "air_cannot_cool" }),
    }
}

/// The analysis as a JSON value.
pub fn document(a: &Analysis, lang: Lang) -> Value {
    let tornado = a.tornado.as_ref().map_or(Value::Null, |t| {
        json!({
            "follows": "plan",
            "default_ranges": t.default_ranges,
            "base_npv": money(t.base_npv),
            "base_payback_years": opt(t.base_payback_years),
            "base_uniform": key(t.base_uniform),
            "bars": t.bars.iter().map(|b| json!({
                "input": b.input,
                "name": assumption_label(b.input, lang),
                "base": b.base,
                "low": end(&b.low),
                "high": end(&b.high),
                "swing": money(b.swing),
                "no_effect": b.no_effect.as_ref().map_or(Value::Null, |w| json!({
                    "key": no_effect_key(w),
                    "text": plan_words::no_effect(w, lang),
                })),
            })).collect::<Vec<_>>(),
        })
    });
    let monte_carlo = a.monte_carlo.as_ref().map_or(Value::Null, |m| {
        json!({
            "samples": m.samples,
            "seed": m.seed,
            "probability_none_feasible": num(m.probability_none_feasible),
            "options": m.shown().map(|o| json!({
                "option": o.option.key(),
                "npv": spread(&o.npv, money),
                "payback_years": spread(&o.payback_years, opt),
                "pue": spread(&o.pue, num),
                "probability_best": num(o.probability_best),
                "probability_feasible": num(o.probability_feasible),
            })).collect::<Vec<_>>(),
        })
    });
    let plan = a.plan.as_ref().map_or(Value::Null, |p| {
        json!({
            "method": match p.method { Method::Exhaustive => "exhaustive", Method::Heuristic => "heuristic" },
            "budget_per_year": a.budget.map_or(Value::Null, money),
            "npv": money(p.npv),
            "years": p.years.iter().map(|y| json!({
                "year": y.year,
                "budget": money(y.budget),
                "spent": money(y.spent),
                "cdu_cost": money(y.cdu_cost),
                "conversions": y.conversions.iter().map(|g| {
                    let group = &p.groups[*g];
                    json!({
                        "group": group.group,
                        "option": key(group.choice.map(|c| c.0)),
                        "racks": group.racks,
                        "capex": money(group.capex),
                    })
                }).collect::<Vec<_>>(),
                "cdus_bought": y.cdus_bought.iter()
                    .map(|(hall, units, cost)| json!({ "hall": hall, "units": units, "cost": money(*cost) }))
                    .collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "groups": p.groups.iter().map(|g| json!({
                "group": g.group,
                "hall": g.hall,
                "racks": g.racks,
                "option": key(g.choice.map(|c| c.0)),
                "year": g.choice.map_or(Value::Null, |c| json!(c.1)),
                "capex": money(g.capex),
                "npv": money(g.npv),
                "reason": reason_key(&g.reason),
                "why": plan_reason(&g.reason, lang),
            })).collect::<Vec<_>>(),
            "cumulative": p.cumulative.iter().zip(&p.cumulative_discounted)
                .map(|((year, plain), (_, discounted))| json!({
                    "year": year,
                    "undiscounted": money(*plain),
                    "discounted": money(*discounted),
                }))
                .collect::<Vec<_>>(),
        })
    });
    let redundancy: Vec<Value> = a
        .redundancy
        .iter()
        .map(|h| {
            json!({
                "hall": h.hall,
                "option": h.option.key(),
                "size": cdu_size_name(&h.size, lang),
                "units": h.units,
                "spare_capacity_kw": num(h.spare_capacity.get::<kilowatt>()),
                "n_plus_one": h.n_plus_one,
                "loop_racks": h.loop_racks,
                "loop_kw": num(h.loop_heat.get::<kilowatt>()),
                "cdus": h.cdus.iter().map(|c| json!({
                    "units": c.units,
                    "capacity_kw": num(c.capacity.get::<kilowatt>()),
                    "load_kw": num(c.load.get::<kilowatt>()),
                    "failure_absorbed": c.failure_absorbed,
                    "racks": shares(&c.racks),
                })).collect::<Vec<_>>(),
                "unassigned": shares(&h.unassigned),
            })
        })
        .collect();
    json!({
        "format_version": FORMAT_VERSION,
        "site": a.site,
        "currency": a.results.currency.code(),
        "recommended": match a.results.plan.uniform {
            Some(o) => json!(o.key()),
            None if a.results.plan.groups.iter().any(|g| g.option.is_some()) => json!("mixed"),
            None => Value::Null,
        },
        "tornado": tornado,
        "monte_carlo": monte_carlo,
        "plan": plan,
        "redundancy": redundancy,
    })
}

/// Pretty JSON text of the analysis.
pub fn to_json(a: &Analysis, lang: Lang) -> String {
    // Invariant: the document holds only strings, numbers, bools, nulls, arrays and maps.
    serde_json::to_string_pretty(&document(a, lang)).expect("analysis document serialises")
}
