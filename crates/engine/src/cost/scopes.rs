//! Assembles [`Results`]: finance of each option per rack group, hall (sum of its groups)
//! and site (sum of every group, in order), the best single option of each scope, and the
//! plan: hall by hall, each group priced and the hall's plan searched (`crate::plan`); the
//! site's plan constrained to comply by the profile's year ([`super::comply`]); then each
//! hall's plan streams priced ([`super::plan`]). Each rack group is priced into a [`PricedGroup`]: the
//! full [`RackResult`] or the compact [`GroupSummary`].

use super::basis::RackBasis;
use super::comply;
use super::plan::{self, CduPricing, PlanEnergy};
use super::streams::Streams;
use super::works::{self, HallWorks};
use super::{Pricer, RackCosts};
use crate::finance;
use crate::kpi::ledger::{GroupEnergy, Ledger};
use crate::per_option::PerOption;
use crate::physical::limits::HallLimits;
use crate::physical::{
    CostDrivers, GroupPhysics, GroupRecord, Physical, PhysicalOption, PhysicalRack, PhysicalScope,
};
use crate::plan::{Candidate, HallProblem, NO_WORKS, Solution, Works, why};
use crate::recommend::{rank, recommend};
use crate::results::{
    CoolingOption, CostFigures, GroupChoice, GroupFigures, GroupSummary, GroupView, HallPlan,
    OptionResult, Plan, PlanCdus, PlanCompliance, RackResult, Results, ScopeResult, SearchMethod,
};
use coolplan_model::Site;
use coolplan_model::assumptions::Resolved;
use coolplan_model::assumptions::cooling::CduSize;
use coolplan_units::{Currency, Money};

/// Valuation settings shared by every scope.
pub struct Valuation {
    currency: Currency,
    rate: f64,
    /// [`finance::discount_factors`] of every cash-flow year.
    factors: Vec<f64>,
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

/// What the plan keeps of each rack group of one hall until the site's plan is settled.
#[derive(Default)]
struct HallScratch {
    candidates: Vec<Candidate>,
    drivers: Vec<PerOption<CostDrivers>>,
    places: Vec<(usize, usize)>,
    /// The option each group was added to the plan streams with (its best alone).
    own: Vec<Option<CoolingOption>>,
}

/// One hall priced and searched, its plan not yet final (the site may constrain it).
struct HallDraft {
    scope: PhysicalScope,
    /// Index of its first group in `Results::racks`.
    first: usize,
    scratch: HallScratch,
    streams: PerOption<Streams>,
    plan_streams: Streams,
    solution: Solution,
    /// The choices of the hall's own NPV-best plan.
    unconstrained: Vec<Option<CoolingOption>>,
}

/// What every hall's plan problem shares: the halls' limits, the CDU sizes and the enabling
/// works each hall may have with what one W of each is worth.
struct Shared<'a> {
    limits: &'a [HallLimits],
    cdu_sizes: &'a [(CduSize, f64)],
    cdu_redundancy: u32,
    works: Vec<Option<(HallWorks, Works)>>,
}

fn hall_problem<'a>(scratch: &'a HallScratch, shared: &Shared<'a>, hall: usize) -> HallProblem<'a> {
    HallProblem {
        groups: &scratch.candidates,
        limits: &shared.limits[hall],
        cdu_sizes: shared.cdu_sizes,
        cdu_redundancy: shared.cdu_redundancy,
        works: shared.works[hall].as_ref().map_or(NO_WORKS, |(_, w)| *w),
    }
}

/// Builds every scope's results and the plan from physical results, pricing each rack group
/// with `pricer` (one scratch [`RackCosts`] reused from group to group); each group's energy
/// rows go to `ledger` (the KPIs), with its option in the plan. Every hall is priced and
/// searched first; then the site's plan is constrained to comply by the profile's year
/// ([`comply::constrain`]); then each hall's plan is priced, and the site's surcharges
/// enter the site's and the plan's cash flows ([`comply::charge`]).
pub fn assemble<R: PricedGroup>(
    site: &Site,
    assumptions: &Resolved,
    physical: Physical<R::Physical>,
    pricer: &Pricer<'_>,
    ledger: &mut Ledger,
) -> Results<R> {
    let currency = site.currency;
    let horizon = assumptions.finance.horizon_years as usize;
    let rate = assumptions.finance.discount_rate;
    let value = Valuation {
        currency,
        rate,
        factors: finance::discount_factors(rate, horizon + 1),
    };
    let cdu_pricing = CduPricing::new(site.cost_mode, &assumptions.prices, &value.factors);
    let zero = || PerOption::from_fn(|_| Streams::zero(horizon));
    let mut work = RackCosts::new(horizon);
    let mut site_streams = zero();
    let mut buffers = YearBuffers::default();
    let mut racks: Vec<R> = Vec::with_capacity(physical.racks.len());
    let mut drafts = Vec::with_capacity(physical.halls.len());
    let mut records = physical.racks.into_iter().peekable();
    let shared = Shared {
        limits: &physical.limits,
        cdu_sizes: &physical.cdu_sizes,
        cdu_redundancy: physical.cdu_redundancy,
        works: (0..physical.halls.len())
            .map(|h| {
                let works = pricer.hall_works(h)?;
                let npv = works.npv_per_w(&value.factors);
                Some((works, npv))
            })
            .collect(),
    };
    for (h, hall_scope) in physical.halls.into_iter().enumerate() {
        let mut streams = zero();
        let mut plan_streams = Streams::zero(horizon);
        let mut scratch = HallScratch::default();
        let first = racks.len();
        while let Some(record) = records.next_if(|r| r.place().0 == h) {
            let place = record.place();
            let drivers = *record.drivers();
            let count = record.count();
            pricer.price(place, &drivers, &mut work);
            for (option, option_streams) in work.options.entries() {
                streams[option].add_scaled(option_streams, 1.0);
                site_streams[option].add_scaled(option_streams, 1.0);
            }
            let priced = R::price(&value, record, &work, &mut buffers);
            let figures = PerOption::from_fn(|o| priced.figures(o));
            ledger.push(
                GroupEnergy {
                    hall: h,
                    rows: work.energy,
                    npv: figures.each_ref().map(|f| f.npv_vs_air.amount).0,
                    capex: figures.each_ref().map(|f| f.capex.amount).0,
                    feasible: figures.each_ref().map(|f| f.feasible).0,
                    // set when the hall's plan is final
                    choice: CoolingOption::Air,
                },
                &work.presence,
            );
            let no_basis = RackBasis::default();
            let basis = pricer.basis(place).unwrap_or(&no_basis);
            let candidate = plan::candidate(
                &figures,
                &drivers,
                basis,
                &work,
                count,
                &cdu_pricing,
                &value.factors,
            );
            let own = candidate.best();
            plan::add_contribution(&mut plan_streams, &work, own, 1.0);
            scratch.candidates.push(candidate);
            scratch.drivers.push(drivers);
            scratch.places.push(place);
            scratch.own.push(own);
            racks.push(priced);
        }
        let solution = crate::plan::solve(&hall_problem(&scratch, &shared, h));
        drafts.push(HallDraft {
            scope: hall_scope,
            first,
            scratch,
            streams,
            plan_streams,
            unconstrained: solution.choices.clone(),
            solution,
        });
    }
    let it_design = physical.site.options[CoolingOption::Air].thermal.it_design;
    let (comply_by, constrained) = {
        let problems: Vec<HallProblem<'_>> = drafts
            .iter()
            .enumerate()
            .map(|(h, d)| hall_problem(&d.scratch, &shared, h))
            .collect();
        let mut choices: Vec<_> = drafts.iter().map(|d| d.solution.choices.clone()).collect();
        let outcome = comply::constrain(
            site,
            assumptions.finance.first_year,
            ledger,
            &pricer.heat,
            &problems,
            &mut choices,
            it_design,
        );
        (outcome, choices)
    };
    for (h, (draft, choices)) in drafts.iter_mut().zip(constrained).enumerate() {
        if draft.solution.choices != choices {
            let problem = hall_problem(&draft.scratch, &shared, h);
            draft.solution.within_limits = problem.fits(&problem.uses(&choices));
            draft.solution.value = problem.value(&choices);
            draft.solution.choices = choices;
        }
    }
    let mut site_plan = Streams::zero(horizon);
    let mut site_energy = PlanEnergy::default();
    let mut groups = Vec::with_capacity(racks.len());
    let mut hall_plans = Vec::with_capacity(drafts.len());
    let mut hall_results = Vec::with_capacity(drafts.len());
    for (h, mut draft) in drafts.into_iter().enumerate() {
        let HallDraft {
            ref mut scratch,
            ref mut plan_streams,
            ref solution,
            first,
            ..
        } = draft;
        let problem = hall_problem(scratch, &shared, h);
        // the KPIs' plan column follows the plan (a group it leaves unplaced counts on air)
        for (group, choice) in ledger.groups[first..].iter_mut().zip(&solution.choices) {
            group.choice = choice.unwrap_or(CoolingOption::Air);
        }
        // groups the search moved off their own best: priced again on their plan option
        for (g, choice) in solution.choices.iter().enumerate() {
            if *choice != scratch.own[g] {
                pricer.price(scratch.places[g], &scratch.drivers[g], &mut work);
                plan::add_contribution(plan_streams, &work, *choice, 1.0);
                plan::add_contribution(plan_streams, &work, scratch.own[g], -1.0);
            }
        }
        // the plan's CDUs instead of each option's all-X design
        let mut values = Vec::new();
        let (installed, _) = problem.group_values(&solution.choices, &mut values);
        for option in [CoolingOption::ColdPlate, CoolingOption::Immersion] {
            let on: Vec<usize> = (0..solution.choices.len())
                .filter(|&g| solution.choices[g] == Some(option))
                .collect();
            let liquid_w: f64 = on
                .iter()
                .map(|&g| {
                    scratch.candidates[g].share * scratch.candidates[g].options[option].liquid_w
                })
                .sum();
            for &g in &on {
                let c = &scratch.candidates[g];
                let planned_w = if liquid_w > 0.0 {
                    installed[option] * c.options[option].liquid_w / liquid_w
                } else {
                    0.0
                };
                let attributed_w = scratch.drivers[g][option]
                    .cdu_capacity
                    .get::<uom::si::power::watt>();
                let year = pricer
                    .basis(scratch.places[g])
                    .map_or(0, |b| b.first_year());
                cdu_pricing.add_delta(
                    plan_streams,
                    option,
                    c.share,
                    year,
                    planned_w - attributed_w,
                );
            }
        }
        let mut whys = why::reasons(&problem, &solution.choices, &values, currency);
        comply::reasons(
            &problem,
            &draft.unconstrained,
            &solution.choices,
            &mut whys,
            currency,
        );
        let mut energy = PlanEnergy::default();
        for ((r, choice), (why, npv)) in racks[first..]
            .iter()
            .zip(&solution.choices)
            .zip(whys.into_iter().zip(&values))
        {
            energy.add(&PerOption::from_fn(|o| r.figures(o)), *choice);
            groups.push(GroupChoice {
                option: *choice,
                why,
                npv: Money::new(*npv, currency),
            });
        }
        // each liquid group's liquid heat (share applied) and first year, for the extension
        let liquid = solution.choices.iter().enumerate().filter_map(|(g, c)| {
            let o = c.filter(|o| *o != CoolingOption::Air)?;
            let year = pricer
                .basis(scratch.places[g])
                .map_or(0, |b| b.first_year());
            let candidate = &scratch.candidates[g];
            Some((candidate.share * candidate.options[o].liquid_w, year))
        });
        let works = works::plan_lines(
            (&problem, &solution.choices),
            liquid,
            pricer,
            shared.works[h].as_ref().map(|(w, _)| w),
            physical.plant.get(h).and_then(|p| p.water_extension),
            plan_streams,
        );
        let cdus = [CoolingOption::ColdPlate, CoolingOption::Immersion]
            .into_iter()
            .filter_map(|option| {
                let design = problem.cdu_design(&solution.choices, option)?;
                Some(PlanCdus { option, design })
            })
            .collect();
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
                rate,
                &value.factors,
                plan_streams,
                &draft.streams[CoolingOption::Air],
                &energy,
            ),
        });
        site_plan.add_scaled(plan_streams, 1.0);
        site_energy.add_all(&energy);
        hall_results.push(scope_result(
            &value,
            draft.scope,
            &draft.streams,
            &mut buffers,
            true,
        ));
    }
    let surcharges = comply::surcharges(
        site,
        assumptions.finance.first_year,
        ledger,
        &pricer.heat,
        it_design,
    );
    comply::charge(&surcharges, &mut site_streams, &mut site_plan);
    let choices: Vec<Option<CoolingOption>> =
        groups.iter().map(|g: &GroupChoice| g.option).collect();
    let plan = Plan {
        uniform: uniform(&choices),
        totals: plan::totals(
            currency,
            rate,
            &value.factors,
            &site_plan,
            &site_streams[CoolingOption::Air],
            &site_energy,
        ),
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
fn uniform(choices: &[Option<CoolingOption>]) -> Option<CoolingOption> {
    let first = (*choices.first()?)?;
    choices.iter().all(|c| *c == Some(first)).then_some(first)
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
        costs.options[CoolingOption::Air].cost_by_year_into(&mut buffers.air_costs);
        let options = PerOption::from_fn(|o| {
            let physical = &rack.options[o];
            let reported = &rack.reported[o];
            let streams = &costs.options[o];
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
                it_design: reported.it_design,
                heat_to_liquid: reported.heat_to_liquid,
                heat_to_air: reported.heat_to_air,
                floor_area: reported.floor_area,
                capex: money(streams.capex_total()),
                opex_per_year: money(streams.steady_opex),
                npv_vs_air: money(npv),
                simple_payback_years: payback,
                it_energy: reported.it_energy,
                facility_energy: reported.facility_energy,
            }
        });
        let ranking = rank(
            &options
                .each_ref()
                .map(|o| (o.feasible, o.npv_vs_air.amount)),
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
