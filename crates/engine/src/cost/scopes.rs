//! Assembles [`Results`]: finance of each option per rack group, hall (sum of its groups)
//! and site (sum of every group, in order), the best single option of each scope, and the
//! plan: hall by hall, each group priced and the hall's plan searched (`crate::plan`); the
//! site's plan constrained to comply by the profile's year ([`super::comply`]); then each
//! hall's plan streams priced ([`super::plan`]) — those stages in [`super::draft`], shared
//! with the analyses' reading. Each rack group is priced into a [`PricedGroup`]: the full
//! [`RackResult`] or the compact [`GroupSummary`].

use super::comply;
use super::draft::{Drafted, Settled, Shared, draft, hall_problem};
use super::plan::{self, PlanEnergy};
use super::streams::Streams;
use super::{Pricer, RackCosts};
use crate::finance;
use crate::kpi::ledger::Ledger;
use crate::per_option::PerOption;
use crate::physical::{
    GroupPhysics, GroupRecord, Physical, PhysicalOption, PhysicalRack, PhysicalScope,
};
use crate::plan::why;
use crate::recommend::{rank, recommend};
use crate::results::{
    CoolingOption, CostFigures, GroupChoice, GroupFigures, GroupSummary, GroupView, HallPlan,
    OptionResult, Plan, PlanCdus, PlanCompliance, RackResult, Results, ScopeResult, SearchMethod,
};
use coolplan_model::Site;
use coolplan_model::assumptions::Resolved;
use coolplan_units::{Currency, Money};
use uom::si::f64::Energy;

/// Valuation settings shared by every scope.
pub struct Valuation {
    pub(super) currency: Currency,
    pub(super) rate: f64,
    /// [`finance::discount_factors`] of every cash-flow year.
    pub(super) factors: Vec<f64>,
}

impl Valuation {
    /// The site's currency, and the discount rate and factors of `assumptions`' finance.
    pub(super) fn new(currency: Currency, assumptions: &Resolved) -> Valuation {
        let horizon = assumptions.finance.horizon_years as usize;
        let rate = assumptions.finance.discount_rate;
        Valuation {
            currency,
            rate,
            factors: finance::discount_factors(rate, horizon + 1),
        }
    }
}

/// Year-by-year buffers reused by every scope's finance.
#[derive(Default)]
pub struct YearBuffers {
    air_costs: Vec<f64>,
    costs: Vec<f64>,
    savings: Vec<f64>,
}

/// What the drafting stages ([`super::draft`]) keep of each priced rack group: the full
/// [`RackResult`], the compact [`GroupSummary`], or only the plan's energy (the analyses'
/// reading, [`super::lean`]). Its figures per option go into a scratch table the stages read
/// before the next group is priced.
pub trait DraftGroup: Sized {
    /// The physical record it is priced from.
    type Physical: GroupRecord;
    /// Values `physical` with its cost streams `costs`, every option's figures into
    /// `figures`; `buffers` are scratch. Priced in place: a record may lose what its result
    /// takes over (names, reasons); by default it keeps everything
    /// ([`DraftGroup::price_shared`]).
    fn price(
        value: &Valuation,
        physical: &mut Self::Physical,
        costs: &RackCosts,
        buffers: &mut YearBuffers,
        figures: &mut PerOption<GroupFigures>,
    ) -> Self {
        Self::price_shared(value, physical, costs, buffers, figures)
    }
    /// [`DraftGroup::price`] of a record that stays as it is (shared with other readings).
    fn price_shared(
        value: &Valuation,
        physical: &Self::Physical,
        costs: &RackCosts,
        buffers: &mut YearBuffers,
        figures: &mut PerOption<GroupFigures>,
    ) -> Self;
    /// The group's IT and facility energy on `option` ([`PlanEnergy`]).
    fn energy(&self, option: CoolingOption) -> (Energy, Energy);
}

/// A rack group's priced result: the full [`RackResult`] or the compact [`GroupSummary`].
pub trait PricedGroup: GroupView + DraftGroup {}

impl<R: GroupView + DraftGroup> PricedGroup for R {}

/// Builds every scope's results and the plan from physical results: every hall priced and
/// searched and the site's plan constrained ([`draft`]); then each hall's plan is priced,
/// and the site's surcharges enter the site's and the plan's cash flows ([`comply::charge`]).
pub fn assemble<R: PricedGroup>(
    site: &Site,
    assumptions: &Resolved,
    mut physical: Physical<R::Physical>,
    pricer: &Pricer<'_>,
    ledger: &mut Ledger,
) -> Results<R> {
    let currency = site.currency;
    let horizon = assumptions.finance.horizon_years as usize;
    let value = Valuation::new(currency, assumptions);
    let shared = Shared::new(
        (&physical.limits, &physical.cdus),
        &physical.plant,
        pricer,
        &value,
    );
    let it_design = physical.site.options[CoolingOption::Air].thermal.it_design;
    let mut drafted: Drafted<R> = draft(
        site,
        assumptions,
        value,
        physical.halls.len(),
        physical.racks.iter_mut(),
        true,
        &shared,
        it_design,
        pricer,
        ledger,
        None,
    );
    let mut site_plan = Streams::zero(horizon);
    let mut site_energy = PlanEnergy::default();
    let mut groups = Vec::with_capacity(drafted.racks.len());
    let mut hall_plans = Vec::new();
    let mut hall_results = Vec::new();
    let mut hall_scopes = physical.halls.into_iter();
    let records = &physical.racks;
    drafted.settle_halls(
        records,
        &shared,
        pricer,
        ledger,
        |drafted, h, draft, settled| {
            let Settled {
                values,
                works,
                energy,
            } = settled;
            let solution = &draft.solution;
            let problem = hall_problem(&draft.scratch, &shared, h);
            let mut whys = why::reasons(&problem, &solution.choices, &values, currency);
            comply::reasons(
                &problem,
                &draft.unconstrained,
                &solution.choices,
                &mut whys,
                currency,
            );
            for ((choice, why), npv) in solution.choices.iter().zip(whys).zip(&values) {
                groups.push(GroupChoice {
                    option: *choice,
                    why,
                    npv: Money::new(*npv, currency),
                });
            }
            // doors on air-cooled servers have no CDU design (their door CDU is priced per kW)
            let cdus = CoolingOption::RETROFITS
                .into_iter()
                .filter(|option| !option.on_air())
                .filter_map(|option| {
                    let design = problem.cdu_design(&solution.choices, option)?;
                    Some(PlanCdus { option, design })
                })
                .collect();
            let value = &drafted.value;
            hall_plans.push(HallPlan {
                method: if solution.exhaustive {
                    SearchMethod::Exhaustive
                } else {
                    SearchMethod::Heuristic
                },
                limits: plan::limit_uses(&problem, &shared.limits[h], &solution.choices),
                within_limits: solution.within_limits,
                cdus,
                uniform: uniform(&solution.choices),
                works,
                totals: plan::totals(
                    currency,
                    value.rate,
                    &value.factors,
                    &draft.plan_streams,
                    &draft.streams[CoolingOption::Air],
                    &energy,
                ),
            });
            site_plan.add_scaled(&draft.plan_streams, 1.0);
            site_energy.add_all(&energy);
            // one scope per hall, in the order the halls were drafted
            if let Some(scope) = hall_scopes.next() {
                hall_results.push(scope_result(
                    value,
                    scope,
                    &draft.streams,
                    &mut drafted.buffers,
                    true,
                ));
            }
        },
    );
    let first_year = assumptions.finance.first_year;
    let surcharges = drafted.charge(site, first_year, ledger, pricer, &mut site_plan);
    let totals = drafted.totals(&site_plan, &site_energy);
    let choices: Vec<Option<CoolingOption>> =
        groups.iter().map(|g: &GroupChoice| g.option).collect();
    let Drafted {
        value,
        site_streams,
        mut buffers,
        racks,
        comply_by,
        ..
    } = drafted;
    let plan = Plan {
        uniform: uniform(&choices),
        totals,
        groups,
        halls: hall_plans,
    };
    Results {
        currency,
        horizon_years: assumptions.finance.horizon_years,
        discount_rate: assumptions.finance.discount_rate,
        first_year: assumptions.finance.first_year,
        site: scope_result(&value, physical.site, &site_streams, &mut buffers, true),
        halls: hall_results,
        racks,
        plan,
        plant: physical.plant,
        kpis: Default::default(),
        compliance: PlanCompliance {
            comply_by,
            surcharges,
        },
    }
}

/// The option every choice is, when they all are the same one (none for no choices).
pub(super) fn uniform(choices: &[Option<CoolingOption>]) -> Option<CoolingOption> {
    let first = (*choices.first()?)?;
    choices.iter().all(|c| *c == Some(first)).then_some(first)
}

impl DraftGroup for RackResult {
    type Physical = PhysicalRack;
    fn price(
        value: &Valuation,
        rack: &mut PhysicalRack,
        costs: &RackCosts,
        buffers: &mut YearBuffers,
        figures: &mut PerOption<GroupFigures>,
    ) -> Self {
        let result = RackResult {
            hall: rack.hall,
            rack: rack.rack,
            count: rack.count,
            per_rack_design: rack.per_rack_design,
            // IRR per rack group on demand only (`ScopeResult::irr`)
            scope: scope_result(value, rack.scope.take(), &costs.options, buffers, false),
        };
        *figures = PerOption::from_fn(|o| result.figures(o));
        result
    }
    fn price_shared(
        value: &Valuation,
        rack: &PhysicalRack,
        costs: &RackCosts,
        buffers: &mut YearBuffers,
        figures: &mut PerOption<GroupFigures>,
    ) -> Self {
        Self::price(value, &mut rack.clone(), costs, buffers, figures)
    }
    fn energy(&self, option: CoolingOption) -> (Energy, Energy) {
        let energy = &self.scope.option(option).energy;
        (energy.it_energy, energy.facility_energy)
    }
}

impl DraftGroup for GroupSummary {
    type Physical = GroupPhysics;
    fn price_shared(
        value: &Valuation,
        rack: &GroupPhysics,
        costs: &RackCosts,
        buffers: &mut YearBuffers,
        figures: &mut PerOption<GroupFigures>,
    ) -> Self {
        group_figures(value, rack, costs, buffers, figures, true);
        let ranking = rank(
            &figures
                .each_ref()
                .map(|o| (o.feasible, o.npv_vs_air.amount)),
        );
        GroupSummary {
            hall: rack.hall,
            rack: rack.rack,
            count: rack.count,
            per_rack_design: rack.per_rack_design,
            recommended: ranking.first(),
            options: *figures,
        }
    }
    fn energy(&self, option: CoolingOption) -> (Energy, Energy) {
        let figures = &self.options[option];
        (figures.it_energy, figures.facility_energy)
    }
}

/// Every option's figures of the group `rack` with its cost streams `costs` into `out`;
/// its paybacks and CAPEX totals only `with_payback` (none and 0 otherwise: a reading reads
/// neither of a group).
pub(super) fn group_figures(
    value: &Valuation,
    rack: &GroupPhysics,
    costs: &RackCosts,
    buffers: &mut YearBuffers,
    out: &mut PerOption<GroupFigures>,
    with_payback: bool,
) {
    let money = |amount: f64| Money::new(amount, value.currency);
    costs.options[CoolingOption::Air].cost_by_year_into(&mut buffers.air_costs);
    for (o, figures) in CoolingOption::ALL.into_iter().zip(out.iter_mut()) {
        let physical = &rack.options[o];
        let reported = &rack.reported[o];
        let streams = &costs.options[o];
        // an option not priced, or not feasible where only feasible ones are valued
        // ([`RackCosts`]), is left unvalued
        let unvalued = !costs.priced[o] || (!physical.feasible && !costs.value_infeasible);
        let (npv, payback) = if physical.option == CoolingOption::Air || unvalued {
            (0.0, None)
        } else {
            // savings against air year by year, valued as they are computed
            let air = buffers.air_costs.iter();
            let savings = air.zip(streams.cost_by_year()).map(|(a, o)| a - o);
            if with_payback {
                finance::npv_and_payback(savings, &value.factors)
            } else {
                (finance::npv_of(savings, &value.factors), None)
            }
        };
        let capex = if with_payback {
            streams.capex_total()
        } else {
            0.0
        };
        *figures = GroupFigures {
            applies: physical.applies,
            feasible: physical.feasible,
            it_design: reported.it_design,
            heat_to_liquid: reported.heat_to_liquid,
            heat_to_air: reported.heat_to_air,
            heat_to_door: reported.heat_to_door,
            heat_returned_to_air: reported.heat_returned_to_air,
            floor_area: reported.floor_area,
            capex: money(capex),
            opex_per_year: money(streams.steady_opex),
            npv_vs_air: money(npv),
            simple_payback_years: payback,
            it_energy: reported.it_energy,
            facility_energy: reported.facility_energy,
        };
    }
}

/// A table to price groups' figures into ([`DraftGroup::price`]): every figure zero.
pub(super) fn blank_figures(currency: Currency) -> PerOption<GroupFigures> {
    let money = Money::new(0.0, currency);
    PerOption::from_fn(|_| GroupFigures {
        applies: false,
        feasible: false,
        it_design: Default::default(),
        heat_to_liquid: Default::default(),
        heat_to_air: Default::default(),
        heat_to_door: Default::default(),
        heat_returned_to_air: Default::default(),
        floor_area: Default::default(),
        capex: money,
        opex_per_year: money,
        npv_vs_air: money,
        simple_payback_years: None,
        it_energy: Default::default(),
        facility_energy: Default::default(),
    })
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

/// What a reading keeps of a scope ([`scope_result`] without the figures no reading reads:
/// breakdowns, cash flows, discounted payback, IRR, reasons): each option's NPV against air
/// and simple payback, by the arithmetic of [`cost_figures`], and the recommended option by
/// [`recommend`]'s ranking.
pub(super) fn scope_values(
    value: &Valuation,
    scope: &PhysicalScope,
    streams: &PerOption<Streams>,
    buffers: &mut YearBuffers,
) -> (PerOption<(f64, Option<f64>)>, Option<CoolingOption>) {
    streams[CoolingOption::Air].cost_by_year_into(&mut buffers.air_costs);
    let values = PerOption::from_fn(|option| {
        fill_savings(&streams[option], buffers);
        savings_value(value, option, &buffers.savings)
    });
    (values, recommended(scope, &values))
}

/// [`scope_values`] of a scope whose yearly costs per option are `yearly`.
pub(super) fn scope_values_yearly(
    value: &Valuation,
    scope: &PhysicalScope,
    yearly: &PerOption<Vec<f64>>,
) -> (PerOption<(f64, Option<f64>)>, Option<CoolingOption>) {
    let air = &yearly[CoolingOption::Air];
    let mut savings = Vec::with_capacity(air.len());
    let values = PerOption::from_fn(|option| {
        savings.clear();
        savings.extend(air.iter().zip(&yearly[option]).map(|(a, o)| a - o));
        savings_value(value, option, &savings)
    });
    (values, recommended(scope, &values))
}

/// The recommended option of a scope whose options have these NPVs (by [`recommend`]'s
/// ranking).
fn recommended(
    scope: &PhysicalScope,
    values: &PerOption<(f64, Option<f64>)>,
) -> Option<CoolingOption> {
    rank(&PerOption::from_fn(|o| {
        (scope.options[o].feasible, values[o].0)
    }))
    .first()
}

/// NPV against air and simple payback of an option's `savings` against air (none of air's).
fn savings_value(value: &Valuation, option: CoolingOption, savings: &[f64]) -> (f64, Option<f64>) {
    if option == CoolingOption::Air {
        (0.0, None)
    } else {
        let npv = finance::npv_with(savings, &value.factors);
        (npv, finance::payback_years(savings))
    }
}

pub(super) fn scope_result(
    value: &Valuation,
    scope: PhysicalScope,
    streams: &PerOption<Streams>,
    buffers: &mut YearBuffers,
    with_irr: bool,
) -> ScopeResult {
    streams[CoolingOption::Air].cost_by_year_into(&mut buffers.air_costs);
    let options = scope.options.map(|physical| {
        let option = physical.option;
        option_result(value, physical, &streams[option], buffers, with_irr)
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
    // an option that does not apply is shown nowhere: its IRR (a root search) is skipped
    let with_irr = with_irr && physical.applies;
    let cost = cost_figures(value, physical.option, streams, buffers, with_irr);
    OptionResult {
        option: physical.option,
        applies: physical.applies,
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
    let (npv, payback) = savings_value(value, option, savings);
    let total_cost: f64 = costs.iter().sum();
    CostFigures {
        capex: money(streams.capex_total()),
        capex_up_front: money(streams.capex_in(0)),
        capex_breakdown: streams
            .breakdown()
            .into_iter()
            .map(|(item, amount)| (item, money(amount)))
            .collect(),
        opex_per_year: money(streams.steady_opex),
        energy_cost_per_year: money(streams.steady_energy),
        cash_flows: costs.iter().map(|c| money(-c)).collect(),
        capex_by_year: (0..streams.years())
            .map(|y| money(streams.capex_in(y)))
            .collect(),
        npv_vs_air: money(npv),
        simple_payback_years: payback,
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
