//! The plan of a site: the problem built from engine results, solved, and explained.

use super::problem::{Choice, HallCdus, PlanGroup, PlanOption, Problem};
use super::search::{Method, greedy_order, solve};
use crate::results::{CoolingOption, CostItem, Results};
use coolplan_model::{CostMode, Site, Status};
use coolplan_units::{Money, PowerUnit};

/// Why a group is where the plan puts it.
#[derive(Clone, Debug, PartialEq)]
pub enum PlanReason {
    /// Converted in its first possible year; `rank` of `of` groups by NPV per yuan.
    BestNpvPerYuan { rank: usize, of: usize },
    /// New servers: converted (bought liquid-ready) in their arrival year.
    Arrives { year: u16 },
    /// Converted later than possible because the budget of `year` (and any year between)
    /// could not take it.
    BudgetExhausted { year: u16 },
    /// Converted later than possible although the budget allowed earlier: later pays more
    /// (e.g. a CDU step bought once for several groups).
    LaterPaysMore,
    /// Worth converting alone but no year's budget can take it.
    NoBudget,
    /// No option gains NPV against air in any year (CDU steps included).
    NoGain,
    /// No liquid option is feasible for the group.
    Infeasible,
    /// Air cannot cool the group, so air is no choice for it: it converts in its first
    /// possible year (when no plan within budget exists, the plan may exceed it there).
    AirCannotCool,
}

/// One group's place in the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupPlan {
    pub group: String,
    pub hall: String,
    pub racks: u64,
    /// Option and calendar year, `None` = stays on air.
    pub choice: Option<(CoolingOption, u16)>,
    /// CAPEX of the conversion without CDU steps (zero on air).
    pub capex: Money,
    /// NPV of the conversion without CDU steps (zero on air).
    pub npv: Money,
    pub reason: PlanReason,
}

/// One plan year.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanYear {
    pub year: u16,
    pub budget: Money,
    pub spent: Money,
    /// Groups converted this year (indices into [`Plan::groups`]).
    pub conversions: Vec<usize>,
    /// CDU units bought per hall: name, units, cost (only halls that buy).
    pub cdus_bought: Vec<(String, u64, Money)>,
    pub cdu_cost: Money,
}

/// The phased plan of a site.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub method: Method,
    pub years: Vec<PlanYear>,
    pub groups: Vec<GroupPlan>,
    pub npv: Money,
    /// Calendar year and cumulative (undiscounted) savings against air at its end.
    pub cumulative: Vec<(u16, Money)>,
    /// The same, discounted to the first year.
    pub cumulative_discounted: Vec<(u16, Money)>,
}

/// Builds the planning problem of `site` from its `results` and a yearly `budget` over
/// `years` plan years (at most the horizon).
pub fn problem(site: &Site, results: &Results, budget: Money, years: usize) -> Problem {
    let a = site.assumptions.resolve(site.currency);
    // itemised mode adds contingency to each year's items; per-kW prices are all in
    let contingency = if site.cost_mode == CostMode::Itemised {
        a.prices.contingency
    } else {
        0.0
    };
    let horizon = results.horizon_years as usize;
    let first_year = results.first_year;
    // each hall's unit: the size its plan's liquid-to-liquid CDUs use, else the pinned size,
    // else in-row (liquid-to-air units are priced as these here, method.md §10)
    let default_kw = a
        .cooling
        .cdu_size
        .capacity()
        .unwrap_or(coolplan_units::build::kw(600.0))
        .in_unit(PowerUnit::kW);
    let halls = (0..site.halls.len())
        .map(|h| {
            let unit_kw = results
                .plan
                .halls
                .get(h)
                .and_then(|p| p.cdus.iter().find(|c| !c.option.liquid_to_room()))
                .map_or(default_kw, |c| {
                    c.design.capacity.get::<uom::si::power::kilowatt>()
                });
            let unit_cost = match site.cost_mode {
                CostMode::Itemised => {
                    unit_kw
                        * a.prices.cdu_per_kw_capacity.amount_per(PowerUnit::kW)
                        * (1.0 + a.prices.contingency)
                }
                CostMode::PerKw => 0.0,
            };
            HallCdus {
                unit_kw,
                unit_cost,
                redundancy: a.cooling.cdu_redundancy,
            }
        })
        .collect();
    let groups = results
        .racks
        .iter()
        .map(|r| {
            let model = site.halls.get(r.hall).and_then(|h| h.racks.get(r.rack));
            let arrivals: Vec<usize> = model
                .into_iter()
                .flat_map(|m| &m.servers)
                .filter_map(|s| match s.status {
                    Status::New(y) => Some(usize::from(y.saturating_sub(first_year))),
                    Status::Stock => None,
                })
                .collect();
            let has_stock =
                model.is_some_and(|m| m.servers.iter().any(|s| s.status == Status::Stock));
            let first_needed = if has_stock {
                0
            } else {
                arrivals.iter().copied().min().unwrap_or(0)
            };
            // a hall with a facility-water extension converts no earlier than its year in
            // service: the group's streams already wait for it (`cost::works::wait_for_water`)
            let water_from = results
                .plant
                .get(r.hall)
                .and_then(|p| p.water_extension)
                .map_or(0, |x| {
                    crate::physical::enabling::in_service_year(x.lead_time)
                });
            let earliest = first_needed.max(water_from);
            let air = &r.scope.option(CoolingOption::Air).cost;
            let options = CoolingOption::RETROFITS
                .into_iter()
                .filter(|o| r.scope.option(*o).feasible)
                .map(|o| {
                    let result = r.scope.option(o);
                    let with_contingency = |wanted: CostItem| -> f64 {
                        result.cost.spent_on(wanted).amount * (1.0 + contingency)
                    };
                    let cdu = with_contingency(CostItem::Cdus);
                    // refreshes are paid in their own years (in the savings series), not
                    // from the conversion year's budget
                    let refresh = with_contingency(CostItem::Refresh);
                    let mut savings: Vec<f64> = (0..=horizon)
                        .map(|t| {
                            let flow = |f: &[Money]| f.get(t).map_or(0.0, |m| m.amount);
                            flow(&result.cost.cash_flows) - flow(&air.cash_flows)
                        })
                        .collect();
                    if let Some(s) = savings.get_mut(earliest) {
                        *s += cdu;
                    }
                    PlanOption {
                        option: o.index(),
                        savings,
                        capex: result.cost.capex.amount - cdu - refresh,
                        liquid_kw: result
                            .thermal
                            .heat_to_liquid
                            .get::<uom::si::power::kilowatt>(),
                    }
                })
                .collect();
            PlanGroup {
                name: r.scope.name.clone(),
                hall: r.hall,
                racks: r.count,
                earliest,
                fixed: !arrivals.is_empty(),
                air_feasible: r.scope.option(CoolingOption::Air).feasible,
                options,
            }
        })
        .collect();
    Problem {
        groups,
        halls,
        budget: vec![budget.amount; years.clamp(1, horizon.max(1))],
        rate: results.discount_rate,
        horizon,
    }
}

/// The phased plan of `site` under `budget` per year for `years` plan years.
pub fn plan(site: &Site, results: &Results, budget: Money, years: usize) -> Plan {
    let p = problem(site, results, budget, years);
    let (choices, method) = solve(&p);
    explain(site, results, &p, &choices, method)
}

/// Turns solved `choices` into the plan with its tables and reasons.
pub fn explain(
    site: &Site,
    results: &Results,
    p: &Problem,
    choices: &[Choice],
    method: Method,
) -> Plan {
    let currency = results.currency;
    let money = |v: f64| Money::new(v, currency);
    let calendar = |year: usize| results.first_year.saturating_add(year as u16);
    let outcome = p.outcome(choices);
    let order = greedy_order(p);
    let converted_order: Vec<usize> = order
        .iter()
        .map(|(g, _)| *g)
        .filter(|g| matches!(choices[*g], Choice::Convert { .. }))
        .collect();
    let groups = choices
        .iter()
        .enumerate()
        .map(|(g, choice)| {
            let group = &p.groups[g];
            let hall = site
                .halls
                .get(group.hall)
                .map_or(String::new(), |h| h.name.clone());
            let (option_choice, capex, npv) = match *choice {
                Choice::Air => (None, 0.0, 0.0),
                Choice::Convert { option, year } => {
                    let o = &group.options[option];
                    let cooling = CoolingOption::ALL[o.option];
                    (
                        Some((cooling, calendar(year))),
                        o.capex,
                        p.value(g, option, year),
                    )
                }
            };
            GroupPlan {
                group: group.name.clone(),
                hall,
                racks: group.racks,
                choice: option_choice,
                capex: money(capex),
                npv: money(npv),
                reason: reason(p, choices, g, &converted_order, calendar),
            }
        })
        .collect();
    let years = (0..p.years())
        .map(|y| PlanYear {
            year: calendar(y),
            budget: money(p.budget[y]),
            spent: money(outcome.spend[y]),
            conversions: (0..choices.len())
                .filter(|g| matches!(choices[*g], Choice::Convert { year, .. } if year == y))
                .collect(),
            cdus_bought: outcome
                .cdus_bought
                .iter()
                .enumerate()
                .filter(|(_, b)| b[y] > 0)
                .map(|(h, b)| {
                    let name = site.halls.get(h).map_or(String::new(), |x| x.name.clone());
                    (name, b[y], money(b[y] as f64 * p.halls[h].unit_cost))
                })
                .collect(),
            cdu_cost: money(
                outcome
                    .cdus_bought
                    .iter()
                    .enumerate()
                    .map(|(h, b)| b[y] as f64 * p.halls[h].unit_cost)
                    .sum(),
            ),
        })
        .collect();
    let growth = 1.0 + p.rate;
    let (mut sum, mut discounted) = (0.0, 0.0);
    let mut cumulative = Vec::new();
    let mut cumulative_discounted = Vec::new();
    for (t, flow) in outcome.flows.iter().enumerate() {
        sum += flow;
        discounted += flow / growth.powi(t as i32);
        cumulative.push((calendar(t), money(sum)));
        cumulative_discounted.push((calendar(t), money(discounted)));
    }
    Plan {
        method,
        years,
        groups,
        npv: money(outcome.npv),
        cumulative,
        cumulative_discounted,
    }
}

fn reason(
    p: &Problem,
    choices: &[Choice],
    g: usize,
    converted_order: &[usize],
    calendar: impl Fn(usize) -> u16,
) -> PlanReason {
    let group = &p.groups[g];
    if group.options.is_empty() {
        return PlanReason::Infeasible;
    }
    match choices[g] {
        Choice::Convert { year, .. } if !group.air_feasible && year == group.earliest => {
            PlanReason::AirCannotCool
        }
        Choice::Convert { year, .. }
            if group.fixed && year == group.earliest && group.earliest > 0 =>
        {
            PlanReason::Arrives {
                year: calendar(year),
            }
        }
        Choice::Convert { year, option } if year > group.earliest => {
            // the earliest year that would have taken it within budget, if any
            let mut trial = choices.to_vec();
            let fits_before = (group.earliest..year).any(|y| {
                trial[g] = Choice::Convert { option, year: y };
                p.within_budget(&p.outcome(&trial))
            });
            if fits_before {
                PlanReason::LaterPaysMore
            } else {
                PlanReason::BudgetExhausted {
                    year: calendar(year - 1),
                }
            }
        }
        Choice::Convert { .. } => PlanReason::BestNpvPerYuan {
            rank: converted_order
                .iter()
                .position(|x| *x == g)
                .map_or(0, |i| i + 1),
            of: converted_order.len(),
        },
        Choice::Air => {
            let base = p.outcome(choices).npv;
            let mut trial = choices.to_vec();
            let mut gains_alone = false;
            for choice in p.choices(g).into_iter().skip(1) {
                trial[g] = choice;
                let outcome = p.outcome(&trial);
                if outcome.npv > base + 1e-6 {
                    gains_alone = true;
                    if !p.within_budget(&outcome) {
                        continue;
                    }
                }
            }
            if gains_alone {
                PlanReason::NoBudget
            } else {
                PlanReason::NoGain
            }
        }
    }
}
