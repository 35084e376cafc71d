//! The first stages of the cost engine, shared by the full results
//! ([`super::scopes::assemble`]) and the analyses' reading ([`super::lean`]): every rack group
//! priced, each hall's plan searched, the site's plan constrained to comply ([`draft`]); then
//! each hall's plan settled on its final choices ([`Drafted::settle_halls`]) and the site's
//! surcharges charged ([`Drafted::charge`]), then the plan's totals ([`Drafted::totals`]).
//!
//! Owns: the order of those steps, so that both callers compute every figure they share by
//! the same arithmetic in the same order. Never touches: the results' shape (the callers
//! build it), physics.

use super::basis::RackBasis;
use super::comply;
use super::plan::{self, CduPricing, PlanEnergy};
use super::scopes::{DraftGroup, Valuation, YearBuffers, blank_figures};
use super::streams::Streams;
use super::works::{self, HallWorks};
use super::{Pricer, RackCosts};
use crate::cdu::CduChoices;
use crate::kpi::ledger::{EnergyRow, GroupEnergy, Ledger};
use crate::per_option::{OPTION_COUNT, PerOption};
use crate::physical::limits::HallLimits;
use crate::physical::{GroupRecord, Records};
use crate::plan::{Candidate, HallProblem, NO_WORKS, Solution, Works};
use crate::results::{CoolingOption, CostItem, GroupFigures, HallPlant, PlanTotals, PlannedWork};
use crate::surcharge::Surcharge;
use coolplan_model::Site;
use coolplan_model::assumptions::Resolved;
use uom::si::f64::Power;

mod sampled;
pub(super) use sampled::Linear;
use sampled::draft_linear;

/// What the plan keeps of each rack group of one hall until the site's plan is settled.
pub(super) struct HallScratch {
    candidates: Vec<Candidate>,
    places: Vec<(usize, usize)>,
    /// The option each group was added to the plan streams with (its best alone).
    own: Vec<Option<CoolingOption>>,
    /// Per option, the added air capacity (W) the hall's groups already pay on it
    /// (`CostItem::AddedAirCapacity`): what its column's air-plant addition need not buy.
    added_air_w: PerOption<f64>,
}

impl HallScratch {
    /// Room for a hall of `groups` rack groups (its vectors never grow while it is drafted).
    fn with_capacity(groups: usize) -> Self {
        HallScratch {
            candidates: Vec::with_capacity(groups),
            places: Vec::with_capacity(groups),
            own: Vec::with_capacity(groups),
            added_air_w: PerOption::default(),
        }
    }
}

/// One hall priced and searched, its plan not yet final (the site may constrain it).
pub(super) struct HallDraft {
    /// Index of its first group in `Results::racks`.
    first: usize,
    pub scratch: HallScratch,
    /// The hall's streams per option (empty unless [`draft`] was asked for them).
    pub streams: PerOption<Streams>,
    pub plan_streams: Streams,
    pub solution: Solution,
    /// The choices of the hall's own NPV-best plan.
    pub unconstrained: Vec<Option<CoolingOption>>,
    /// Read through a capture ([`Linear`]): its groups' contributions on their own best as
    /// a coefficient block (`plan_streams` then holds only what settling the plan adds);
    /// empty otherwise.
    pub plan_linear: Vec<f64>,
}

/// What every hall's plan problem shares: the halls' limits, the CDU sizes, the enabling
/// works each hall may have with what one W of each is worth, and the halls' plants (their
/// facility-water extensions).
pub(super) struct Shared<'a> {
    pub limits: &'a [HallLimits],
    cdus: &'a CduChoices,
    pub works: Vec<Option<(HallWorks, Works)>>,
    plant: &'a [HallPlant],
}

impl<'a> Shared<'a> {
    /// What the halls of a physical pass share (its `limits`, `cdus`
    /// and `plant`), their works valued with `value`'s discount factors.
    pub(super) fn new(
        (limits, cdus): (&'a [HallLimits], &'a CduChoices),
        plant: &'a [HallPlant],
        pricer: &Pricer<'_>,
        value: &Valuation,
    ) -> Self {
        Self {
            limits,
            cdus,
            works: (0..limits.len())
                .map(|h| {
                    let works = pricer.hall_works(h)?;
                    let npv = works.npv_per_w(&value.factors);
                    Some((works, npv))
                })
                .collect(),
            plant,
        }
    }
}

pub(super) fn hall_problem<'a>(
    scratch: &'a HallScratch,
    shared: &Shared<'a>,
    hall: usize,
) -> HallProblem<'a> {
    HallProblem {
        groups: &scratch.candidates,
        limits: &shared.limits[hall],
        cdus: shared.cdus,
        works: shared.works[hall].as_ref().map_or(NO_WORKS, |(_, w)| *w),
    }
}

/// Every hall priced and searched, and the site's plan constrained to comply: what the full
/// results ([`super::scopes::assemble`]) and the analyses' reading ([`super::lean`]) are settled from.
pub(super) struct Drafted<R> {
    pub value: Valuation,
    pub cdu_pricing: CduPricing,
    /// Scratch streams of one group, reused.
    pub work: RackCosts,
    pub site_streams: PerOption<Streams>,
    pub buffers: YearBuffers,
    pub racks: Vec<R>,
    drafts: Vec<HallDraft>,
    pub comply_by: Option<crate::plan::comply::ComplyPlan>,
    pub it_design: Power,
}

/// A physical record as [`draft`] receives it: borrowed mutably (priced in place,
/// [`DraftGroup::price`]) or shared (read only, [`DraftGroup::price_shared`]: the
/// analyses' reading of a physical pass many readings share, never copied).
pub(super) trait HeldRecord<R: DraftGroup> {
    fn record(&self) -> &R::Physical;
    /// [`DraftGroup::price`] of the record held.
    fn price(&mut self, value: &Valuation, costs: &RackCosts, scratch: Scratch<'_>) -> R;
}

/// The scratch a group is priced with: year buffers and its figures' table.
type Scratch<'s> = (&'s mut YearBuffers, &'s mut PerOption<GroupFigures>);

impl<R: DraftGroup> HeldRecord<R> for &mut R::Physical {
    fn record(&self) -> &R::Physical {
        self
    }
    fn price(&mut self, value: &Valuation, costs: &RackCosts, (b, f): Scratch<'_>) -> R {
        R::price(value, self, costs, b, f)
    }
}

impl<R: DraftGroup> HeldRecord<R> for &R::Physical {
    fn record(&self) -> &R::Physical {
        self
    }
    fn price(&mut self, value: &Valuation, costs: &RackCosts, (b, f): Scratch<'_>) -> R {
        R::price_shared(value, self, costs, b, f)
    }
}

/// Prices every rack group of `records` (in hall order, [`HeldRecord`]) with `pricer` (one scratch
/// [`RackCosts`] reused from group to group), each group's energy rows to `ledger` (the KPIs
/// and the compliance plan), searches each of the `halls` halls' plan, then constrains the
/// site's plan to comply by the profile's year ([`comply::constrain`]). Each hall's own
/// streams (its results and plan totals) are summed only when `hall_streams` asks; the ledger
/// stays empty when the pricer computes no energy rows ([`Pricer::skip_ledger`]).
#[allow(clippy::too_many_arguments)]
pub(super) fn draft<R: DraftGroup>(
    site: &Site,
    assumptions: &Resolved,
    value: Valuation,
    halls: usize,
    records: impl ExactSizeIterator<Item = impl HeldRecord<R>>,
    hall_streams: bool,
    shared: &Shared<'_>,
    it_design: Power,
    pricer: &Pricer<'_>,
    ledger: &mut Ledger,
    linear: Option<&Linear<'_, R>>,
) -> Drafted<R> {
    let horizon = assumptions.finance.horizon_years as usize;
    let cdu_pricing = CduPricing::new(site.cost_mode, &assumptions.prices, &value.factors);
    let zero = || PerOption::from_fn(|_| Streams::zero(horizon));
    let mut work = RackCosts::new(horizon);
    let mut site_streams = zero();
    let mut buffers = YearBuffers::default();
    let mut figures = blank_figures(site.currency);
    let mut candidate_figures = PerOption::<plan::CandidateFigures>::default();
    let mut presence = Vec::new();
    let mut racks: Vec<R> = Vec::with_capacity(records.len());
    let mut drafts = Vec::with_capacity(halls);
    let keep_ledger = pricer.fills_ledger();
    if keep_ledger {
        ledger.reserve(records.len());
    }
    let mut records = records.peekable();
    let air_price_w = pricer.added_air_price_w();
    for h in 0..halls {
        let mut streams = zero();
        let mut plan_streams = Streams::zero(horizon);
        let hall_groups = site.halls.get(h).map_or(0, |hall| hall.racks.len());
        let mut scratch = HallScratch::with_capacity(hall_groups);
        let mut plan_linear = linear.map_or_else(Vec::new, |l| l.costs.zero_block());
        let first = racks.len();
        while let Some(mut held) = records.next_if(|r| r.record().place().0 == h) {
            let record = held.record();
            let place = record.place();
            let count = record.count();
            if let Some((linear, g)) = linear.and_then(|l| Some((l, l.costs.group(place)?))) {
                let (group, own) = draft_linear(
                    (linear, g),
                    record,
                    (&cdu_pricing, air_price_w),
                    pricer,
                    &mut candidate_figures,
                    &mut scratch,
                    &mut plan_linear,
                );
                racks.push(group);
                scratch.places.push(place);
                scratch.own.push(own);
                if keep_ledger {
                    let no_basis = RackBasis::default();
                    let basis = pricer.basis(place).unwrap_or(&no_basis);
                    let drivers = record.drivers();
                    let feasible = drivers.each_ref().map(|d| d.feasible).0;
                    let present = basis.presence_over(horizon + 1, &mut presence);
                    ledger.push(ledger_group(place, feasible, pricer), present);
                    if let Some(group) = ledger.groups.last_mut() {
                        group.rows = EnergyRow::rows(&drivers.0, basis.share);
                    }
                }
                continue;
            }
            pricer.price(place, record.drivers(), &mut work);
            for (option, option_streams) in work.options.entries() {
                if !work.priced[option] {
                    continue;
                }
                if air_price_w > 0.0 {
                    scratch.added_air_w[option] +=
                        option_streams.item_total(CostItem::AddedAirCapacity) / air_price_w;
                }
                if hall_streams {
                    option_streams.add_to_both(&mut streams[option], &mut site_streams[option]);
                } else {
                    site_streams[option].add_scaled(option_streams, 1.0);
                }
            }
            racks.push(held.price(&value, &work, (&mut buffers, &mut figures)));
            let no_basis = RackBasis::default();
            let basis = pricer.basis(place).unwrap_or(&no_basis);
            if keep_ledger {
                let feasible = figures.each_ref().map(|f| f.feasible).0;
                ledger.push(ledger_group(place, feasible, pricer), work.presence(basis));
                if let Some(group) = ledger.groups.last_mut() {
                    group.rows = work.energy;
                }
            }
            let own = plan::push_candidate(
                &mut scratch.candidates,
                &figures,
                held.record().drivers(),
                basis,
                &work,
                count,
                &cdu_pricing,
                &value.factors,
            );
            plan::add_contribution(&mut plan_streams, &work, own, 1.0);
            scratch.places.push(place);
            scratch.own.push(own);
        }
        column_works(
            &scratch,
            shared,
            h,
            &mut streams,
            hall_streams,
            &mut site_streams,
        );
        let solution = crate::plan::solve_given(&hall_problem(&scratch, shared, h), &scratch.own);
        drafts.push(HallDraft {
            first,
            scratch,
            streams,
            plan_streams,
            unconstrained: solution.choices.clone(),
            solution,
            plan_linear,
        });
    }
    let (comply_by, constrained) = {
        let problems: Vec<HallProblem<'_>> = drafts
            .iter()
            .enumerate()
            .map(|(h, d)| hall_problem(&d.scratch, shared, h))
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
            let problem = hall_problem(&draft.scratch, shared, h);
            draft.solution.within_limits = problem.fits(&problem.uses(&choices));
            draft.solution.value = problem.value(&choices);
            draft.solution.choices = choices;
        }
    }
    Drafted {
        value,
        cdu_pricing,
        work,
        site_streams,
        buffers,
        racks,
        drafts,
        comply_by,
        it_design,
    }
}

/// A group's row of the energy ledger as [`draft`] pushes it (its energy rows are copied
/// in after: a record pushed whole goes through the stack, a costly copy).
fn ledger_group(
    place: (usize, usize),
    feasible: [bool; OPTION_COUNT],
    pricer: &Pricer<'_>,
) -> GroupEnergy {
    GroupEnergy {
        hall: place.0,
        rows: Default::default(),
        feasible,
        // set when the hall's plan is final
        choice: CoolingOption::Air,
        on_air_until: pricer.liquid_waits_until(place),
        doors_wait: pricer.door_extension(place.0),
    }
}

/// Each reference column of hall `h` (every group on one option) pays for the enabling works
/// it needs, as the plan does (`docs/method.md` §5.1): into the hall's `streams` (when
/// `hall_streams`) and the site's. Its air-plant addition is what its groups' added air
/// capacity (`CostItem::AddedAirCapacity`, all air's for the new servers' heat beyond the air
/// plant) does not already buy.
fn column_works(
    scratch: &HallScratch,
    shared: &Shared<'_>,
    h: usize,
    streams: &mut PerOption<Streams>,
    hall_streams: bool,
    site_streams: &mut PerOption<Streams>,
) {
    let Some((hall_works, _)) = &shared.works[h] else {
        return;
    };
    let problem = hall_problem(scratch, shared, h);
    let all = problem.uses_all_on();
    for option in CoolingOption::ALL {
        let mut excess = problem.excess(&all[option]);
        let air = &mut excess[crate::results::Limit::AirCooling.index()];
        // a rounding error of W left after the groups' own added capacity buys nothing
        *air = (*air - scratch.added_air_w[option]).max(0.0);
        if *air < 1e-6 * scratch.added_air_w[option] {
            *air = 0.0;
        }
        if hall_streams {
            hall_works.spend(&excess, &mut streams[option]);
        }
        hall_works.spend(&excess, &mut site_streams[option]);
    }
}

/// Hall `h`'s plan settled on its final choices: its plan streams corrected (groups the search
/// moved off their own best priced again; the plan's CDUs instead of each option's all-X
/// design), the ledger's plan column set, and each group's value in the plan.
pub(super) struct Settled {
    /// Each group's value in the plan ([`HallProblem::group_values`]).
    pub values: Vec<f64>,
    /// The enabling works the plan needs, charged into its streams.
    pub works: Vec<PlannedWork>,
    /// The plan's and all-air energy of the hall.
    pub energy: PlanEnergy,
}

impl<R: DraftGroup> Drafted<R> {
    /// Settles every hall in order, handing each to `each` with its [`Settled`] figures;
    /// `records` are the physical records [`draft`] priced, in the same order.
    pub(super) fn settle_halls(
        &mut self,
        records: &Records<R::Physical>,
        shared: &Shared<'_>,
        pricer: &Pricer<'_>,
        ledger: &mut Ledger,
        mut each: impl FnMut(&mut Self, usize, HallDraft, Settled),
    ) {
        for (h, mut draft) in std::mem::take(&mut self.drafts).into_iter().enumerate() {
            let settled = self.settle_hall(h, &mut draft, records, shared, pricer, ledger);
            each(self, h, draft, settled);
        }
    }

    /// The totals of the plan whose streams are `site_plan` and energy `energy` (the
    /// surcharges charged, [`Drafted::charge`]).
    pub(super) fn totals(&self, site_plan: &Streams, energy: &PlanEnergy) -> PlanTotals {
        plan::totals(
            self.value.currency,
            self.value.rate,
            &self.value.factors,
            site_plan,
            &self.site_streams[CoolingOption::Air],
            energy,
        )
    }

    /// Charges the site's surcharges into the site's and the plan's streams (`site_plan`).
    pub(super) fn charge(
        &mut self,
        site: &Site,
        first_year: u16,
        ledger: &Ledger,
        pricer: &Pricer<'_>,
        site_plan: &mut Streams,
    ) -> Vec<Surcharge> {
        let surcharges = comply::surcharges(site, first_year, ledger, &pricer.heat, self.it_design);
        comply::charge(&surcharges, &mut self.site_streams, site_plan);
        surcharges
    }

    fn settle_hall(
        &mut self,
        h: usize,
        draft: &mut HallDraft,
        records: &Records<R::Physical>,
        shared: &Shared<'_>,
        pricer: &Pricer<'_>,
        ledger: &mut Ledger,
    ) -> Settled {
        let HallDraft {
            ref scratch,
            ref mut plan_streams,
            ref solution,
            first,
            ..
        } = *draft;
        let problem = hall_problem(scratch, shared, h);
        // the hall's records, its groups' cost drivers (read where they lie, never copied)
        let records = records.hall(h);
        // the KPIs' plan column follows the plan (a group it leaves unplaced counts on air)
        // (an empty ledger, [`draft`], has no groups to set)
        let groups = ledger.groups.iter_mut().skip(first);
        for (group, choice) in groups.zip(&solution.choices) {
            group.choice = choice.unwrap_or(CoolingOption::Air);
        }
        // groups the search moved off their own best: priced again on their plan option
        for (g, choice) in solution.choices.iter().enumerate() {
            if let Some(record) = records.get(g).filter(|_| *choice != scratch.own[g]) {
                pricer.price(scratch.places[g], record.drivers(), &mut self.work);
                plan::add_contribution(plan_streams, &self.work, *choice, 1.0);
                plan::add_contribution(plan_streams, &self.work, scratch.own[g], -1.0);
            }
        }
        // the plan's CDUs instead of each option's all-X design
        let mut values = Vec::new();
        let (installed, _) = problem.group_values(&solution.choices, &mut values);
        for option in CoolingOption::RETROFITS {
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
                let attributed_w = records.get(g).map_or(0.0, |r| {
                    r.drivers()[option]
                        .cdu_capacity
                        .get::<uom::si::power::watt>()
                });
                let year = pricer
                    .basis(scratch.places[g])
                    .map_or(0, |b| b.first_year());
                self.cdu_pricing.add_delta(
                    plan_streams,
                    option,
                    c.share,
                    year,
                    planned_w - attributed_w,
                );
            }
        }
        // each group on facility water: its liquid heat (share applied), first year and
        // index, for the extension (liquid-to-air CDUs need none), with its doors' heat where
        // the hall's door loop runs on it
        let door_extension = pricer.door_extension(h);
        let liquid = solution.choices.iter().enumerate().filter_map(|(g, c)| {
            let o = c.filter(|o| works::waits_for_extension(*o, door_extension))?;
            let year = pricer
                .basis(scratch.places[g])
                .map_or(0, |b| b.first_year());
            let candidate = &scratch.candidates[g];
            let door_w = if door_extension {
                records.get(g).map_or(0.0, |r| {
                    r.drivers()[o].heat_to_door.get::<uom::si::power::watt>()
                })
            } else {
                0.0
            };
            Some((
                candidate.share * (candidate.options[o].liquid_w + door_w),
                year,
                first + g,
            ))
        });
        // each group with new servers, with the year they first arrive
        let new_from: Vec<(usize, usize)> = (0..solution.choices.len())
            .filter_map(|g| {
                let basis = pricer.basis(scratch.places[g])?;
                let year = basis.new.iter().map(|c| c.year).min()?;
                Some((first + g, year))
            })
            .collect();
        let works = works::plan_lines(
            (&problem, &solution.choices),
            liquid,
            &new_from,
            pricer,
            shared.works[h].as_ref().map(|(w, _)| w),
            shared.plant.get(h).and_then(|p| p.water_extension),
            plan_streams,
        );
        let mut energy = PlanEnergy::default();
        for (r, choice) in self.racks[first..].iter().zip(&solution.choices) {
            energy.add(|o| r.energy(o), *choice);
        }
        Settled {
            values,
            works,
            energy,
        }
    }
}
