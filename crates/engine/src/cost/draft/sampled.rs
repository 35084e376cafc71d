//! [`super::draft`] of a reading whose groups are read from a capture of their yearly costs,
//! linear in the prices ([`LinearCosts`]), instead of priced: what a group adds to its hall's
//! plan problem and plan, from the capture.
//!
//! Owns: reading one group from a capture as [`super::draft`] reads a priced one. Never
//! touches: the coefficients (`crate::cost::linear`), the plan search.

use super::HallScratch;
use crate::cost::Pricer;
use crate::cost::basis::RackBasis;
use crate::cost::linear::LinearCosts;
use crate::cost::plan::{self, CandidateFigures, CduPricing};
use crate::cost::scopes::DraftGroup;
use crate::per_option::PerOption;
use crate::physical::GroupRecord;
use crate::results::CoolingOption;

/// A reading whose groups are read from a capture of their yearly costs, linear in the
/// prices ([`LinearCosts`]), at its prices' `shift` instead of priced; `value` makes what
/// the reading keeps of a group, and its candidate figures, from its NPVs against air.
pub(in crate::cost) struct Linear<'c, R: DraftGroup> {
    pub costs: &'c LinearCosts,
    pub shift: &'c [f64],
    /// Each year's weight in a present value ([`crate::cost::linear::weights`]).
    pub weights: Vec<f64>,
    pub value: LinearValue<R>,
}

/// What a [`Linear`] reading keeps of a group, and its candidate figures per option into
/// the table, from the group's NPV against air per option.
pub(in crate::cost) type LinearValue<R> =
    fn(&<R as DraftGroup>::Physical, &PerOption<f64>, &mut PerOption<CandidateFigures>) -> R;

/// Group `g` of a capture ([`Linear`]) read at its shift: its NPVs against air, added air
/// capacity and plan candidate, and its contribution on its own best to `plan_linear` (what
/// [`super::draft`] does with a priced group's streams); what the reading keeps of it, and
/// its own best.
pub(super) fn draft_linear<R: DraftGroup>(
    (linear, g): (&Linear<'_, R>, usize),
    record: &R::Physical,
    (cdu_pricing, air_price_w): (&CduPricing, f64),
    pricer: &Pricer<'_>,
    figures: &mut PerOption<CandidateFigures>,
    scratch: &mut HallScratch,
    plan_linear: &mut [f64],
) -> (R, Option<CoolingOption>) {
    let (costs, shift) = (linear.costs, linear.shift);
    if air_price_w > 0.0 {
        for (sum, w) in scratch
            .added_air_w
            .iter_mut()
            .zip(costs.added_air_w(g).iter())
        {
            *sum += w;
        }
    }
    // only the priced, feasible options are valued (a reading values no other)
    let priced = pricer.priced();
    let drivers = record.drivers();
    let npvs = PerOption::from_fn(|o| {
        if priced[o] && drivers[o].feasible {
            costs.npv_vs_air(g, o, shift, &linear.weights)
        } else {
            0.0
        }
    });
    let group = (linear.value)(record, &npvs, figures);
    let no_basis = RackBasis::default();
    let basis = pricer.basis(record.place()).unwrap_or(&no_basis);
    let air_credit = costs.air_capex_pv(g, shift, &linear.weights);
    let own = plan::push_candidate_with(
        &mut scratch.candidates,
        |o| figures[o],
        record.drivers(),
        basis,
        (basis.share, air_credit),
        record.count(),
        cdu_pricing,
    );
    costs.add_contribution(g, own, plan::on_air(own, basis.share), plan_linear);
    (group, own)
}
