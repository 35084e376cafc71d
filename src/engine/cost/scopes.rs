//! Assembles [`Results`]: finance of each option per rack group, hall (sum of its groups)
//! and site (sum of its halls), the recommendation of each scope and the mixed plan.

use uom::si::f64::Energy;

use super::RackCosts;
use super::streams::Streams;
use crate::engine::finance;
use crate::engine::physical::{Physical, PhysicalOption, PhysicalScope};
use crate::engine::recommend::recommend;
use crate::engine::results::{
    CoolingOption, CostFigures, MixedPlan, OptionResult, RackResult, Results, ScopeResult,
};
use crate::model::assumptions::Resolved;
use crate::units::{Currency, Money};

/// Valuation settings shared by every scope.
struct Valuation {
    currency: Currency,
    rate: f64,
}

/// Builds every scope's results from physical results and each rack group's cost streams
/// (`costs[i]` belongs to `physical.racks[i]`).
pub fn assemble(
    currency: Currency,
    assumptions: &Resolved,
    physical: Physical,
    costs: Vec<RackCosts>,
) -> Results {
    let horizon = assumptions.finance.horizon_years as usize;
    let value = Valuation {
        currency,
        rate: assumptions.finance.discount_rate,
    };
    let zero = || std::array::from_fn::<Streams, 3, _>(|_| Streams::zero(horizon));
    let mut hall_streams: Vec<[Streams; 3]> = physical.halls.iter().map(|_| zero()).collect();
    let mut site_streams = zero();
    for rack in &costs {
        for (i, streams) in rack.options.iter().enumerate() {
            if let Some(hall) = hall_streams.get_mut(rack.hall) {
                hall[i].add_scaled(streams, 1.0);
            }
            site_streams[i].add_scaled(streams, 1.0);
        }
    }

    let racks: Vec<RackResult> = physical
        .racks
        .into_iter()
        .zip(&costs)
        .map(|(rack, rack_costs)| RackResult {
            hall: rack.hall,
            rack: rack.rack,
            count: rack.count,
            per_rack_design: rack.per_rack_design,
            scope: scope_result(&value, rack.scope, &rack_costs.options),
        })
        .collect();
    let mixed_plan = mixed_plan(&value, &racks, &costs);
    let halls = physical
        .halls
        .into_iter()
        .zip(&hall_streams)
        .map(|(scope, streams)| scope_result(&value, scope, streams))
        .collect();
    Results {
        currency,
        horizon_years: assumptions.finance.horizon_years,
        discount_rate: assumptions.finance.discount_rate,
        first_year: assumptions.finance.first_year,
        site: scope_result(&value, physical.site, &site_streams),
        halls,
        racks,
        mixed_plan,
        calibration: physical.calibration,
    }
}

fn scope_result(value: &Valuation, scope: PhysicalScope, streams: &[Streams; 3]) -> ScopeResult {
    let air = &streams[CoolingOption::Air.index()];
    let options = scope.options.map(|physical| {
        let index = physical.option.index();
        option_result(value, physical, &streams[index], air)
    });
    let recommendation = recommend(&options);
    ScopeResult {
        name: scope.name,
        options,
        recommendation,
    }
}

fn option_result(
    value: &Valuation,
    physical: PhysicalOption,
    streams: &Streams,
    air: &Streams,
) -> OptionResult {
    let cost = cost_figures(value, physical.option, streams, air);
    OptionResult {
        option: physical.option,
        feasible: physical.feasible,
        infeasible_reasons: physical.infeasible_reasons,
        warnings: physical.warnings,
        thermal: physical.thermal,
        energy: physical.energy,
        cost,
    }
}

/// Cash flows and finance of one option against air.
fn cost_figures(
    value: &Valuation,
    option: CoolingOption,
    streams: &Streams,
    air: &Streams,
) -> CostFigures {
    let money = |amount: f64| Money::new(amount, value.currency);
    let costs = streams.cost_by_year();
    let air_costs = air.cost_by_year();
    let savings: Vec<f64> = air_costs.iter().zip(&costs).map(|(a, o)| a - o).collect();
    let is_air = option == CoolingOption::Air;
    let total_cost: f64 = costs.iter().sum();
    CostFigures {
        capex: money(streams.capex_total()),
        capex_breakdown: streams
            .breakdown()
            .into_iter()
            .map(|(item, amount)| (item, money(amount)))
            .collect(),
        opex_per_year: money(streams.steady_opex),
        energy_cost_per_year: money(streams.steady_energy),
        cash_flows: costs.iter().map(|c| money(-c)).collect(),
        npv_vs_air: money(if is_air {
            0.0
        } else {
            finance::npv(&savings, value.rate)
        }),
        simple_payback_years: (!is_air)
            .then(|| finance::payback_years(&savings))
            .flatten(),
        discounted_payback_years: (!is_air)
            .then(|| finance::discounted_payback_years(&savings, value.rate))
            .flatten(),
        irr: (!is_air).then(|| finance::irr(&savings)).flatten(),
        tco_per_kw_year: money(if streams.kw_years > 0.0 {
            total_cost / streams.kw_years
        } else {
            0.0
        }),
    }
}

/// Each rack group on its own recommended option (air where nothing is feasible).
fn mixed_plan(value: &Valuation, racks: &[RackResult], costs: &[RackCosts]) -> MixedPlan {
    let (mut capex, mut opex, mut npv) = (0.0, 0.0, 0.0);
    let mut facility = Energy::default();
    let mut it = Energy::default();
    for (rack, rack_costs) in racks.iter().zip(costs) {
        let choice = rack
            .scope
            .recommendation
            .option
            .unwrap_or(CoolingOption::Air);
        let chosen = &rack_costs.options[choice.index()];
        capex += chosen.capex_total();
        opex += chosen.steady_opex;
        npv += rack.scope.option(choice).cost.npv_vs_air.amount;
        // thermal figures are the whole group converted; the share converts only part of it
        let s = if choice == CoolingOption::Air {
            1.0
        } else {
            rack_costs.share
        };
        let air_energy = &rack.scope.option(CoolingOption::Air).energy;
        let chosen_energy = &rack.scope.option(choice).energy;
        facility += chosen_energy.facility_energy * s + air_energy.facility_energy * (1.0 - s);
        it += chosen_energy.it_energy * s + air_energy.it_energy * (1.0 - s);
    }
    let it_j = it.get::<uom::si::energy::joule>();
    MixedPlan {
        choices: racks
            .iter()
            .map(|r| r.scope.recommendation.option)
            .collect(),
        capex: Money::new(capex, value.currency),
        opex_per_year: Money::new(opex, value.currency),
        npv_vs_air: Money::new(npv, value.currency),
        pue: if it_j > 0.0 {
            facility.get::<uom::si::energy::joule>() / it_j
        } else {
            0.0
        },
        facility_energy: facility,
    }
}
