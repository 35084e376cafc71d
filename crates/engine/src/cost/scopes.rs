//! Assembles [`Results`]: finance of each option per rack group, hall (sum of its groups)
//! and site (sum of every group, in order), the recommendation of each scope and the mixed
//! plan. Each rack group is priced into a [`PricedGroup`]: the full [`RackResult`] or the
//! compact [`GroupSummary`].

use uom::si::f64::Energy;

use super::RackCosts;
use super::streams::Streams;
use crate::finance;
use crate::physical::{
    GroupPhysics, GroupRecord, Physical, PhysicalOption, PhysicalRack, PhysicalScope,
};
use crate::recommend::{rank, recommend};
use crate::results::{
    CoolingOption, CostFigures, GroupFigures, GroupSummary, GroupView, MixedPlan, OptionResult,
    RackResult, Results, ScopeResult,
};
use coolplan_model::assumptions::Resolved;
use coolplan_units::{Currency, Money};

/// Valuation settings shared by every scope.
pub struct Valuation {
    currency: Currency,
    rate: f64,
    /// [`finance::discount_factors`] of every cash-flow year.
    factors: Vec<f64>,
}

/// What the mixed plan needs of one rack group's costs.
struct MixedInput {
    share: f64,
    capex: [f64; 3],
    steady_opex: [f64; 3],
}

/// Year-by-year buffers reused by every scope's finance.
#[derive(Default)]
pub struct YearBuffers {
    air_costs: Vec<f64>,
    costs: Vec<f64>,
    savings: Vec<f64>,
}

/// A rack group's priced result: the full [`RackResult`] or the compact [`GroupSummary`].
pub trait PricedGroup: GroupView + Sized {
    /// The physical record it is priced from.
    type Physical: GroupRecord;
    /// Values `physical` with its cost streams `costs`; `buffers` are scratch.
    fn price(
        value: &Valuation,
        physical: Self::Physical,
        costs: &RackCosts,
        buffers: &mut YearBuffers,
    ) -> Self;
}

/// Builds every scope's results from physical results; `costs_of` fills `work` with the
/// cost streams of one rack group (`work` is reused from group to group).
pub fn assemble<R: PricedGroup>(
    currency: Currency,
    assumptions: &Resolved,
    physical: Physical<R::Physical>,
    work: &mut RackCosts,
    costs_of: impl Fn(&R::Physical, &mut RackCosts),
) -> Results<R> {
    let horizon = assumptions.finance.horizon_years as usize;
    let rate = assumptions.finance.discount_rate;
    let value = Valuation {
        currency,
        rate,
        factors: finance::discount_factors(rate, horizon + 1),
    };
    let zero = || std::array::from_fn::<Streams, 3, _>(|_| Streams::zero(horizon));
    let mut hall_streams: Vec<[Streams; 3]> = physical.halls.iter().map(|_| zero()).collect();
    let mut site_streams = zero();
    let mut buffers = YearBuffers::default();
    let mut summaries = Vec::with_capacity(physical.racks.len());
    let mut racks = Vec::with_capacity(physical.racks.len());
    for rack in physical.racks {
        costs_of(&rack, work);
        let (hall, _) = rack.place();
        for (i, streams) in work.options.iter().enumerate() {
            if let Some(hall) = hall_streams.get_mut(hall) {
                hall[i].add_scaled(streams, 1.0);
            }
            site_streams[i].add_scaled(streams, 1.0);
        }
        summaries.push(MixedInput {
            share: work.share,
            capex: std::array::from_fn(|i| work.options[i].capex_total()),
            steady_opex: std::array::from_fn(|i| work.options[i].steady_opex),
        });
        racks.push(R::price(&value, rack, work, &mut buffers));
    }
    let mixed_plan = mixed_plan(&value, &racks, &summaries);
    let halls = physical
        .halls
        .into_iter()
        .zip(&hall_streams)
        .map(|(scope, streams)| scope_result(&value, scope, streams, &mut buffers, true))
        .collect();
    Results {
        currency,
        horizon_years: assumptions.finance.horizon_years,
        discount_rate: assumptions.finance.discount_rate,
        first_year: assumptions.finance.first_year,
        site: scope_result(&value, physical.site, &site_streams, &mut buffers, true),
        halls,
        racks,
        mixed_plan,
        plant: physical.plant,
    }
}

impl PricedGroup for RackResult {
    type Physical = PhysicalRack;
    fn price(
        value: &Valuation,
        rack: PhysicalRack,
        costs: &RackCosts,
        buffers: &mut YearBuffers,
    ) -> Self {
        RackResult {
            hall: rack.hall,
            rack: rack.rack,
            count: rack.count,
            per_rack_design: rack.per_rack_design,
            // IRR per rack group on demand only (`ScopeResult::irr`)
            scope: scope_result(value, rack.scope, &costs.options, buffers, false),
        }
    }
}

impl PricedGroup for GroupSummary {
    type Physical = GroupPhysics;
    fn price(
        value: &Valuation,
        rack: GroupPhysics,
        costs: &RackCosts,
        buffers: &mut YearBuffers,
    ) -> Self {
        let money = |amount: f64| Money::new(amount, value.currency);
        costs.options[CoolingOption::Air.index()].cost_by_year_into(&mut buffers.air_costs);
        let options = std::array::from_fn(|i| {
            let physical = &rack.options[i];
            let streams = &costs.options[i];
            let (npv, payback) = if physical.option == CoolingOption::Air {
                (0.0, None)
            } else {
                fill_savings(streams, buffers);
                let savings = &buffers.savings[..];
                (
                    finance::npv_with(savings, &value.factors),
                    finance::payback_years(savings),
                )
            };
            GroupFigures {
                feasible: physical.feasible,
                it_design: physical.it_design,
                heat_to_liquid: physical.heat_to_liquid,
                heat_to_air: physical.heat_to_air,
                capex: money(streams.capex_total()),
                opex_per_year: money(streams.steady_opex),
                npv_vs_air: money(npv),
                simple_payback_years: payback,
                it_energy: physical.it_energy,
                facility_energy: physical.facility_energy,
            }
        });
        let ranking = rank(
            &options
                .each_ref()
                .map(|o: &GroupFigures| (o.feasible, o.npv_vs_air.amount)),
        );
        GroupSummary {
            hall: rack.hall,
            rack: rack.rack,
            count: rack.count,
            per_rack_design: rack.per_rack_design,
            recommended: ranking.first(),
            options,
        }
    }
}

/// Yearly costs of `streams` into `buffers.costs` and savings against air (whose yearly
/// costs are in `buffers.air_costs`) into `buffers.savings`.
fn fill_savings(streams: &Streams, buffers: &mut YearBuffers) {
    let YearBuffers {
        air_costs,
        costs,
        savings,
    } = buffers;
    streams.cost_by_year_into(costs);
    savings.clear();
    savings.extend(air_costs.iter().zip(costs.iter()).map(|(a, o)| a - o));
}

fn scope_result(
    value: &Valuation,
    scope: PhysicalScope,
    streams: &[Streams; 3],
    buffers: &mut YearBuffers,
    with_irr: bool,
) -> ScopeResult {
    streams[CoolingOption::Air.index()].cost_by_year_into(&mut buffers.air_costs);
    let options = scope.options.map(|physical| {
        let index = physical.option.index();
        option_result(value, physical, &streams[index], buffers, with_irr)
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
    buffers: &mut YearBuffers,
    with_irr: bool,
) -> OptionResult {
    let cost = cost_figures(value, physical.option, streams, buffers, with_irr);
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

/// Cash flows and finance of one option against air (whose yearly costs are in
/// `buffers.air_costs`); the IRR only `with_irr`.
fn cost_figures(
    value: &Valuation,
    option: CoolingOption,
    streams: &Streams,
    buffers: &mut YearBuffers,
    with_irr: bool,
) -> CostFigures {
    let money = |amount: f64| Money::new(amount, value.currency);
    fill_savings(streams, buffers);
    let (savings, costs) = (&buffers.savings[..], &buffers.costs);
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
            finance::npv_with(savings, &value.factors)
        }),
        simple_payback_years: (!is_air).then(|| finance::payback_years(savings)).flatten(),
        discounted_payback_years: (!is_air)
            .then(|| finance::discounted_payback_years(savings, value.rate))
            .flatten(),
        irr: (with_irr && !is_air)
            .then(|| finance::irr(savings))
            .flatten(),
        tco_per_kw_year: money(if streams.kw_years > 0.0 {
            total_cost / streams.kw_years
        } else {
            0.0
        }),
    }
}

/// Each rack group on its own recommended option (air where nothing is feasible).
fn mixed_plan<R: GroupView>(value: &Valuation, racks: &[R], inputs: &[MixedInput]) -> MixedPlan {
    let (mut capex, mut opex, mut npv) = (0.0, 0.0, 0.0);
    let mut facility = Energy::default();
    let mut it = Energy::default();
    for (rack, input) in racks.iter().zip(inputs) {
        let choice = rack.recommended().unwrap_or(CoolingOption::Air);
        capex += input.capex[choice.index()];
        opex += input.steady_opex[choice.index()];
        let chosen = rack.figures(choice);
        npv += chosen.npv_vs_air.amount;
        // thermal figures are the whole group converted; the share converts only part of it
        let s = if choice == CoolingOption::Air {
            1.0
        } else {
            input.share
        };
        let air = rack.figures(CoolingOption::Air);
        facility += chosen.facility_energy * s + air.facility_energy * (1.0 - s);
        it += chosen.it_energy * s + air.it_energy * (1.0 - s);
    }
    let it_j = it.get::<uom::si::energy::joule>();
    MixedPlan {
        choices: racks.iter().map(GroupView::recommended).collect(),
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
