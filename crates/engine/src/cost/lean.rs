//! The analyses' reading of a varied site ([`Reading`]): the cost engine of
//! [`super::evaluate`] without what neither the tornado nor the Monte Carlo reads — no KPI
//! sums, no hall streams or results, no plan reasons, limits, CDU designs or hall totals, no
//! energy ledger unless a compliance profile reads it, no steady-year OPEX or energy and no
//! kW-years, of the site's scope only each option's NPV and payback and the recommended
//! option (no breakdowns, cash flows, reasons or IRR), no costs of an option that applies
//! nowhere on the site, no group's NPV or payback of an option it cannot take, and of each
//! group only the plan's energy ([`PlanGroup`]) — on a borrowed physical pass and, from a
//! staged evaluator, kept cost bases (both shared by many calls). Every figure it keeps comes
//! from the same functions on the same numbers as in [`super::evaluate`], in the same order,
//! so each equals `engine::recompute`'s to the bit (`tests/analysis/staged.rs`).
//!
//! Owns: which parts of the cost engine a reading skips. Never touches: the sampling, the
//! arithmetic of any figure (shared with [`super::scopes`]).

use std::sync::Arc;

use super::draft::Linear;
use super::draft::{Drafted, Shared, draft};
use super::linear::LinearCosts;
use super::plan::CandidateFigures;
use super::plan::PlanEnergy;
use super::scopes::{
    DraftGroup, Valuation, YearBuffers, group_figures, scope_values, scope_values_yearly, uniform,
};
use super::streams::Streams;
use super::{Bases, Pricer, RackCosts};
use crate::analysis::reading::{OptionReading, Reading};
use crate::finance;
use crate::kpi::ledger::Ledger;
use crate::per_option::PerOption;
use crate::physical::PhysicalScope;
use crate::physical::{GroupPhysics, Physical};
use crate::results::{CoolingOption, GroupFigures};
use coolplan_model::assumptions::Resolved;
use coolplan_model::{Catalog, Site};
use coolplan_units::Money;
use uom::si::f64::Energy;

/// What the analyses read of the cost engine on `physical` (module doc).
pub fn read(
    site: &Site,
    catalog: &Catalog,
    assumptions: &Resolved,
    physical: &Physical<GroupPhysics>,
) -> Reading {
    let pricer = Pricer::new(site, catalog, assumptions, physical);
    read_with(site, assumptions, physical, pricer, None)
}

/// [`read`] with every group's cost basis given (`bases`, as [`Pricer::with_bases`] takes
/// them): what a staged evaluator calls with the bases it keeps. With `linear` (a capture
/// of the call's first year and horizon, and its prices' shift from the capture's base
/// point), each group is read from the capture instead of priced ([`LinearCosts`]; every
/// figure then within its tolerance of the priced one's, not to the bit).
pub fn read_bases(
    site: &Site,
    assumptions: &Resolved,
    physical: &Physical<GroupPhysics>,
    bases: Bases,
    linear: Option<(Arc<LinearCosts>, Vec<f64>)>,
) -> Reading {
    let pricer = Pricer::with_bases(site, assumptions, physical, bases);
    read_with(site, assumptions, physical, pricer, linear)
}

/// Sets `pricer` to price as a reading does: only the options that apply on the site, each
/// group's feasible options valued only (no plan takes another, and the reading keeps no
/// group's own figures and no site figure of an option that does not apply, [`Reading`]), no
/// steady-year figures, no ledger unless a compliance profile reads it, the heat customers'
/// take settled.
pub fn for_reading(pricer: &mut Pricer<'_>, site: &Site, physical: &Physical<GroupPhysics>) {
    pricer.price_only(PerOption::from_fn(|o| physical.site.options[o].applies));
    pricer.value_feasible_only();
    pricer.skip_steady_figures();
    if !super::comply::reads_ledger(site) {
        pricer.skip_ledger();
    }
    pricer.settle_heat(&physical.racks);
}

/// The reading with `pricer` ([`for_reading`]).
fn read_with<'a>(
    site: &'a Site,
    assumptions: &'a Resolved,
    physical: &Physical<GroupPhysics>,
    mut pricer: Pricer<'a>,
    linear: Option<(Arc<LinearCosts>, Vec<f64>)>,
) -> Reading {
    for_reading(&mut pricer, site, physical);
    let linear = linear.filter(|(c, _)| c.years() == pricer.horizon + 1);
    let mut ledger = Ledger::new(pricer.horizon);
    let value = Valuation::new(site.currency, assumptions);
    let linear_draft = linear.as_ref().map(|(costs, shift)| Linear {
        costs,
        shift,
        weights: super::linear::weights(&value.factors),
        value: plan_group_linear,
    });
    let shared = Shared::new(
        (&physical.limits, &physical.cdus),
        &physical.plant,
        &pricer,
        &value,
    );
    let it_design = physical.site.options[CoolingOption::Air].thermal.it_design;
    let mut drafted: Drafted<PlanGroup> = draft(
        site,
        assumptions,
        value,
        physical.halls.len(),
        physical.racks.iter(),
        false,
        &shared,
        it_design,
        &pricer,
        &mut ledger,
        linear_draft.as_ref(),
    );
    let mut site_plan = Streams::zero(pricer.horizon);
    let mut plan_linear = linear.as_ref().map(|(c, _)| c.zero_block());
    let mut site_energy = PlanEnergy::default();
    let mut choices = Vec::with_capacity(drafted.racks.len());
    let records = &physical.racks;
    drafted.settle_halls(
        records,
        &shared,
        &pricer,
        &mut ledger,
        |_, _, draft, settled| {
            choices.extend_from_slice(&draft.solution.choices);
            site_plan.add_scaled(&draft.plan_streams, 1.0);
            if let Some(plan) = &mut plan_linear {
                for (a, b) in plan.iter_mut().zip(&draft.plan_linear) {
                    *a += b;
                }
            }
            site_energy.add_all(&settled.energy);
        },
    );
    let first_year = assumptions.finance.first_year;
    drafted.charge(site, first_year, &ledger, &pricer, &mut site_plan);
    let scope = &physical.site;
    if let (Some((costs, shift)), Some(plan)) = (&linear, &plan_linear) {
        let ((values, recommended), (plan_npv, plan_payback)) =
            linear_values(&drafted, scope, (costs, shift), (plan, &site_plan));
        return reading(
            site,
            scope,
            (values, recommended),
            (Money::new(plan_npv, site.currency), plan_payback),
            choices,
        );
    }
    let totals = drafted.totals(&site_plan, &site_energy);
    // of the site's scope, each option's NPV and payback and the recommended option
    let (values, recommended) = scope_values(
        &drafted.value,
        scope,
        &drafted.site_streams,
        &mut drafted.buffers,
    );
    reading(
        site,
        scope,
        (values, recommended),
        (totals.npv_vs_air, totals.simple_payback_years),
        choices,
    )
}

/// The reading of the site's scope's `values` (NPV, payback per option) and recommended
/// option, and the plan's NPV, payback and choices.
fn reading(
    site: &Site,
    scope: &PhysicalScope,
    (values, recommended): ScopeValues,
    (plan_npv, plan_payback_years): (Money, Option<f64>),
    choices: Vec<Option<CoolingOption>>,
) -> Reading {
    Reading {
        options: PerOption::from_fn(|o| {
            let (physical, (npv, payback)) = (&scope.options[o], values[o]);
            let npv = Money::new(npv, site.currency);
            OptionReading::new(
                physical.applies,
                physical.feasible,
                npv,
                payback,
                physical.energy.pue,
            )
        }),
        recommended,
        plan_npv,
        plan_payback_years,
        plan_uniform: uniform(&choices),
        plan_choices: choices,
    }
}

/// What a reading keeps of each priced rack group until its hall's plan is settled: every
/// option's IT and facility energy (the plan's energy, [`PlanEnergy`]), and nothing else
/// (no figure of a group is part of a [`Reading`]).
struct PlanGroup {
    energy: PerOption<(Energy, Energy)>,
}

impl DraftGroup for PlanGroup {
    type Physical = GroupPhysics;
    fn price_shared(
        value: &Valuation,
        rack: &GroupPhysics,
        costs: &RackCosts,
        buffers: &mut YearBuffers,
        figures: &mut PerOption<GroupFigures>,
    ) -> Self {
        // neither the ledger nor the plan reads a group's payback
        group_figures(value, rack, costs, buffers, figures, false);
        PlanGroup::of(figures)
    }
    fn energy(&self, option: CoolingOption) -> (Energy, Energy) {
        self.energy[option]
    }
}

impl PlanGroup {
    fn of(figures: &PerOption<GroupFigures>) -> PlanGroup {
        PlanGroup {
            energy: figures.each_ref().map(|f| (f.it_energy, f.facility_energy)),
        }
    }
}

/// A group read from a capture with its NPVs against air `npvs` ([`Linear`]): its plan's
/// energy and its candidate figures, from its reported figures.
fn plan_group_linear(
    rack: &GroupPhysics,
    npvs: &PerOption<f64>,
    figures: &mut PerOption<CandidateFigures>,
) -> PlanGroup {
    for (o, figures) in CoolingOption::ALL.into_iter().zip(figures.iter_mut()) {
        let feasible = rack.options[o].feasible;
        *figures = CandidateFigures::of_reported(o, feasible, npvs[o], &rack.reported[o]);
    }
    PlanGroup {
        energy: rack
            .reported
            .each_ref()
            .map(|r| (r.it_energy, r.facility_energy)),
    }
}

/// The site scope's values and recommended option and the plan's NPV and payback of a
/// reading through a capture (`costs` at `shift`): each option's yearly costs are the
/// capture's site sums plus what its column's enabling works add (`drafted.site_streams`),
/// the plan's the capture's block `plan` of its groups on their own best plus `extra` (what
/// settling and the site's surcharges added: moved groups, CDUs, works, surcharges), as
/// [`super::plan::totals`] values them.
fn linear_values(
    drafted: &Drafted<PlanGroup>,
    scope: &PhysicalScope,
    (costs, shift): (&LinearCosts, &[f64]),
    (plan, extra): (&[f64], &Streams),
) -> (ScopeValues, (f64, Option<f64>)) {
    let plus = |yearly: &mut Vec<f64>, streams: &Streams| {
        for (a, b) in yearly.iter_mut().zip(streams.cost_by_year()) {
            *a += b;
        }
    };
    let yearly = PerOption::from_fn(|o| {
        let mut yearly = Vec::new();
        costs.site_yearly_into(o, shift, &mut yearly);
        plus(&mut yearly, &drafted.site_streams[o]);
        yearly
    });
    let (values, recommended) = scope_values_yearly(&drafted.value, scope, &yearly);
    let mut plan_costs = Vec::new();
    costs.yearly_into(plan, shift, &mut plan_costs);
    plus(&mut plan_costs, extra);
    let air = &yearly[CoolingOption::Air];
    let savings: Vec<f64> = air.iter().zip(&plan_costs).map(|(a, p)| a - p).collect();
    let npv = finance::npv_with(&savings, &drafted.value.factors);
    // a plan that changes nothing (all on air) has nothing to pay back
    let changes = savings.iter().any(|s| *s != 0.0);
    let payback = changes.then(|| finance::payback_years(&savings)).flatten();
    ((values, recommended), (npv, payback))
}

/// A scope's NPV and payback per option, and its recommended option.
type ScopeValues = (PerOption<(f64, Option<f64>)>, Option<CoolingOption>);
