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

use super::draft::{Drafted, Shared, draft};
use super::plan::PlanEnergy;
use super::scopes::{DraftGroup, Valuation, YearBuffers, group_figures, scope_values, uniform};
use super::streams::Streams;
use super::{Bases, Pricer, RackCosts};
use crate::analysis::reading::{OptionReading, Reading};
use crate::kpi::ledger::Ledger;
use crate::per_option::PerOption;
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
    read_with(site, assumptions, physical, pricer)
}

/// [`read`] with every group's cost basis given (`bases`, as [`Pricer::with_bases`] takes
/// them): what a staged evaluator calls with the bases it keeps.
pub fn read_bases(
    site: &Site,
    assumptions: &Resolved,
    physical: &Physical<GroupPhysics>,
    bases: Bases,
) -> Reading {
    let pricer = Pricer::with_bases(site, assumptions, physical, bases);
    read_with(site, assumptions, physical, pricer)
}

/// The reading with `pricer`, which prices only the options that apply on the site and
/// values each group's feasible options only: no plan takes another, and the reading keeps
/// no group's own figures and no site figure of an option that does not apply ([`Reading`]).
fn read_with<'a>(
    site: &'a Site,
    assumptions: &'a Resolved,
    physical: &Physical<GroupPhysics>,
    mut pricer: Pricer<'a>,
) -> Reading {
    pricer.price_only(PerOption::from_fn(|o| physical.site.options[o].applies));
    pricer.value_feasible_only();
    pricer.skip_steady_figures();
    if !super::comply::reads_ledger(site) {
        pricer.skip_ledger();
    }
    pricer.settle_heat(&physical.racks);
    let mut ledger = Ledger::new(pricer.horizon);
    let value = Valuation::new(site.currency, assumptions);
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
    );
    let mut site_plan = Streams::zero(pricer.horizon);
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
            site_energy.add_all(&settled.energy);
        },
    );
    let (_, totals) = drafted.charge_site(
        site,
        assumptions.finance.first_year,
        &ledger,
        &pricer,
        &mut site_plan,
        &site_energy,
    );
    // of the site's scope, each option's NPV and payback and the recommended option
    let scope = &physical.site;
    let (values, recommended) = scope_values(
        &drafted.value,
        scope,
        &drafted.site_streams,
        &mut drafted.buffers,
    );
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
        plan_npv: totals.npv_vs_air,
        plan_payback_years: totals.simple_payback_years,
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
        PlanGroup {
            energy: figures.each_ref().map(|f| (f.it_energy, f.facility_energy)),
        }
    }
    fn energy(&self, option: CoolingOption) -> (Energy, Energy) {
        self.energy[option]
    }
}
