//! The plan's money: each rack group valued for the plan search, each hall's plan priced as
//! streams, and the plan's totals (CAPEX by year, OPEX, NPV, paybacks, energy, PUE).
//!
//! Owns: turning priced groups into [`Candidate`]s and a hall's choices into its [`HallPlan`].
//! Never touches: the search (`crate::plan`), physics.
//!
//! A hall's plan streams are each group's streams on its chosen option, with three
//! corrections: (1) a group's part on air buys no added air capacity (the all-air reference
//! does; the plan keeps within the air limit), so the air stream's CAPEX is taken out for
//! that part; (2) CDU capacity is the plan's design for the groups on each option, not the
//! all-X design the group was priced with: the difference is added as CDU CAPEX with its
//! contingency and maintenance ([`Streams::add_cdu_delta`]); (3) groups priced on their own
//! best option and moved by the search are priced again on their plan option.

use uom::si::f64::{Area, Energy, Power};

use super::RackCosts;
use super::basis::RackBasis;
use super::opex::maintenance_share;
use super::streams::Streams;
use crate::finance;
use crate::per_option::{OPTION_COUNT, PerOption};
use crate::physical::CostDrivers;
use crate::physical::limits::HallLimits;
use crate::physical::limits::PerLimit;
use crate::physical::record::Reported;
use crate::plan::{Candidate, Fallback, HallProblem, Value};
use crate::results::{Amount, CoolingOption, GroupFigures, Limit, LimitUse, PlanTotals};
use coolplan_model::CostMode;
use coolplan_model::assumptions::prices::PricesResolved;
use coolplan_units::{Currency, Money};

/// What values one watt of CDU capacity in a group's costs.
pub struct CduPricing {
    /// Price per W of capacity of each option's CDUs (0 in per-kW mode: the all-in prices
    /// include them).
    price_w: PerOption<f64>,
    contingency: f64,
    maintenance: PerOption<f64>,
    /// `1 / (1 + r)^t` of each cash-flow year.
    discount: Vec<f64>,
    /// Σ_{t ≥ k, t ≥ 1} `discount[t]`, for k = 0..=years.
    discount_from: Vec<f64>,
}

impl CduPricing {
    pub fn new(mode: CostMode, prices: &PricesResolved, factors: &[f64]) -> Self {
        let itemised = mode == CostMode::Itemised;
        let discount: Vec<f64> = factors.iter().map(|f| 1.0 / f).collect();
        let mut discount_from = vec![0.0; discount.len() + 1];
        for t in (1..discount.len()).rev() {
            discount_from[t] = discount_from[t + 1] + discount[t];
        }
        discount_from[0] = discount_from.get(1).copied().unwrap_or(0.0);
        Self {
            price_w: PerOption::from_fn(|o| {
                if itemised {
                    super::capex::cdu_item(o, prices).1 / 1000.0
                } else {
                    0.0
                }
            }),
            contingency: if itemised { prices.contingency } else { 0.0 },
            maintenance: PerOption::from_fn(|o| maintenance_share(o, prices)),
            discount,
            discount_from,
        }
    }
    /// NPV of one W of CDU capacity attributed to a group's whole conversion on `option`,
    /// bought in `year`, with the group's retrofit `share` (≤ 0).
    pub fn npv_per_w(&self, option: CoolingOption, share: f64, year: usize) -> f64 {
        let Some(now) = self.discount.get(year) else {
            return 0.0;
        };
        let later = self.discount_from.get(year + 1).copied().unwrap_or(0.0);
        -share
            * (1.0 + self.contingency)
            * self.price_w[option]
            * (now + self.maintenance[option] * later)
    }
    /// Adds to `streams` the change of a group's CDU capacity by `delta_w` (whole
    /// conversion) on `option`.
    pub fn add_delta(
        &self,
        streams: &mut Streams,
        option: CoolingOption,
        share: f64,
        year: usize,
        delta_w: f64,
    ) {
        let amount = share * delta_w * self.price_w[option];
        streams.add_cdu_delta(year, amount, self.contingency, self.maintenance[option]);
    }
}

/// The retrofit share an option converts (air converts nothing).
fn converted_share(option: CoolingOption, share: f64) -> f64 {
    if option == CoolingOption::Air {
        0.0
    } else {
        share
    }
}

/// The share of a group's air CAPEX its plan contribution on `option` leaves out (1 − the
/// share converted; air's own, unplaced: none).
pub fn on_air(option: Option<CoolingOption>, share: f64) -> f64 {
    option.map_or(0.0, |o| 1.0 - converted_share(o, share))
}

/// What a group adds to its hall's plan streams on `option` (`None`: unplaced, priced as air).
pub fn add_contribution(
    plan: &mut Streams,
    costs: &RackCosts,
    option: Option<CoolingOption>,
    weight: f64,
) {
    let air = &costs.options[CoolingOption::Air];
    match option {
        Some(o) => {
            plan.add_scaled(&costs.options[o], weight);
            let on_air = on_air(Some(o), costs.share);
            if on_air > 0.0 {
                plan.add_capex_scaled(air, -weight * on_air);
            }
        }
        None => plan.add_scaled(air, weight),
    }
}

/// A candidate of zeros, every field of which [`push_candidate`] writes (a constant: pushed,
/// it is written in place, not built on the stack and copied).
const BLANK: Candidate = Candidate {
    racks: 0,
    heat_per_rack_w: PerOption([0.0; OPTION_COUNT]),
    share: 0.0,
    fallback: Fallback::StayOnAir,
    options: PerOption(
        [Value {
            feasible: false,
            base: 0.0,
            cdu_per_w: 0.0,
            liquid_w: 0.0,
            uses: [0.0; crate::results::Limit::ALL.len()],
        }; OPTION_COUNT],
    ),
};

/// What a plan candidate reads of a group on one option: whether it may take it, its NPV
/// against air and its uses of the hall's limits (in [`crate::results::Limit::ALL`] order).
#[derive(Clone, Copy, Debug, Default)]
pub struct CandidateFigures {
    pub feasible: bool,
    pub npv_vs_air: f64,
    pub uses: PerLimit,
}

impl CandidateFigures {
    /// A group's candidate figures on `option` from its reported figures there.
    pub fn of_reported(
        option: CoolingOption,
        feasible: bool,
        npv_vs_air: f64,
        r: &Reported,
    ) -> Self {
        let heats = (r.heat_to_air, r.heat_returned_to_air, r.heat_to_liquid);
        CandidateFigures {
            feasible,
            npv_vs_air,
            uses: uses(option, heats, r.floor_area, r.it_design),
        }
    }
    /// The candidate figures of a priced group's figures on `option`.
    fn of(option: CoolingOption, f: &GroupFigures) -> Self {
        let heats = (f.heat_to_air, f.heat_returned_to_air, f.heat_to_liquid);
        CandidateFigures {
            feasible: f.feasible,
            npv_vs_air: f.npv_vs_air.amount,
            uses: uses(option, heats, f.floor_area, f.it_design),
        }
    }
}

/// A group's uses of the hall's limits on `option`: the heat on the room air (its servers'
/// and what returns to the room), its floor, its IT design and its liquid heat onto facility
/// water (none where the option returns it to the room).
fn uses(
    option: CoolingOption,
    (to_air, returned, to_liquid): (Power, Power, Power),
    floor: Area,
    it_design: Power,
) -> PerLimit {
    let w = |p: Power| p.get::<uom::si::power::watt>();
    [
        w(to_air + returned),
        floor.get::<uom::si::area::square_meter>(),
        w(it_design),
        if option.liquid_to_room() {
            0.0
        } else {
            w(to_liquid)
        },
    ]
}

/// The plan's view of one priced group, pushed onto `into` (a blank candidate pushed, then
/// filled where it lies: a candidate built whole is built on the stack and copied into the
/// vector); the group's own best option ([`Candidate::best`]) returned.
#[allow(clippy::too_many_arguments)]
pub fn push_candidate(
    into: &mut Vec<Candidate>,
    figures: &PerOption<GroupFigures>,
    drivers: &PerOption<CostDrivers>,
    basis: &RackBasis,
    costs: &RackCosts,
    count: u64,
    pricing: &CduPricing,
    factors: &[f64],
) -> Option<CoolingOption> {
    let air_credit = costs.options[CoolingOption::Air].capex_pv(factors);
    push_candidate_with(
        into,
        |o| CandidateFigures::of(o, &figures[o]),
        drivers,
        basis,
        (costs.share, air_credit),
        count,
        pricing,
    )
}

/// [`push_candidate`] of a group whose candidate figures per option are `figures`, share
/// converted and air credit (its air CAPEX's present value) are given.
pub fn push_candidate_with(
    into: &mut Vec<Candidate>,
    figures: impl Fn(CoolingOption) -> CandidateFigures,
    drivers: &PerOption<CostDrivers>,
    basis: &RackBasis,
    (share, air_credit): (f64, f64),
    count: u64,
    pricing: &CduPricing,
) -> Option<CoolingOption> {
    let year = basis.first_year();
    into.push(BLANK);
    let candidate = into.last_mut()?;
    candidate.racks = crate::physical::record::converted_racks(count, share);
    for (d, heat) in drivers.iter().zip(candidate.heat_per_rack_w.iter_mut()) {
        *heat = if count > 0 {
            d.heat_to_liquid.get::<uom::si::power::watt>() / count as f64
        } else {
            0.0
        };
    }
    candidate.share = share;
    candidate.fallback = Fallback::of(basis.has_stock());
    for (o, value) in CoolingOption::ALL
        .into_iter()
        .zip(candidate.options.iter_mut())
    {
        let f = figures(o);
        let d = &drivers[o];
        let cdu_per_w = pricing.npv_per_w(o, converted_share(o, share), year);
        let attributed_w = d.cdu_capacity.get::<uom::si::power::watt>();
        *value = Value {
            feasible: f.feasible,
            base: f.npv_vs_air + (1.0 - converted_share(o, share)) * air_credit
                - cdu_per_w * attributed_w,
            cdu_per_w,
            liquid_w: d.heat_to_liquid.get::<uom::si::power::watt>(),
            uses: f.uses,
        };
    }
    candidate.best()
}

/// Each limit the hall has, as the plan uses it.
pub fn limit_uses(
    problem: &HallProblem<'_>,
    limits: &HallLimits,
    choices: &[Option<CoolingOption>],
) -> Vec<LimitUse> {
    let used = problem.uses(choices);
    let alone: Vec<Option<CoolingOption>> = problem.groups.iter().map(Candidate::best).collect();
    let wanted = problem.uses(&alone);
    Limit::ALL
        .into_iter()
        .filter(|l| limits.declared[l.index()].is_some())
        .map(|limit| {
            let k = limit.index();
            LimitUse {
                limit,
                used: Amount::of(limit, used[k]),
                capacity: Amount::of(limit, limits.capacity[k]),
                today: Amount::of(limit, limits.today[k]),
                binds: wanted[k] > limits.capacity[k] * (1.0 + 1e-9),
            }
        })
        .collect()
}

/// Energy of a plan and of all-air, for its PUE before and after.
#[derive(Clone, Copy, Debug, Default)]
pub struct PlanEnergy {
    pub it: Energy,
    pub facility: Energy,
    pub it_air: Energy,
    pub facility_air: Energy,
}

impl PlanEnergy {
    /// Adds a group on `option` (`None`: as air).
    /// `energy` gives the group's IT and facility energy on an option.
    pub fn add(
        &mut self,
        energy: impl Fn(CoolingOption) -> (Energy, Energy),
        option: Option<CoolingOption>,
    ) {
        let (on_it, on_facility) = energy(option.unwrap_or(CoolingOption::Air));
        let (air_it, air_facility) = energy(CoolingOption::Air);
        self.it += on_it;
        self.facility += on_facility;
        self.it_air += air_it;
        self.facility_air += air_facility;
    }
    pub fn add_all(&mut self, other: &PlanEnergy) {
        self.it += other.it;
        self.facility += other.facility;
        self.it_air += other.it_air;
        self.facility_air += other.facility_air;
    }
}

fn ratio(a: Energy, b: Energy) -> f64 {
    let b_j = b.get::<uom::si::energy::joule>();
    if b_j > 0.0 {
        a.get::<uom::si::energy::joule>() / b_j
    } else {
        0.0
    }
}

/// Totals of a plan whose streams are `plan`, against the all-air streams `air`.
pub fn totals(
    currency: Currency,
    rate: f64,
    factors: &[f64],
    plan: &Streams,
    air: &Streams,
    energy: &PlanEnergy,
) -> PlanTotals {
    let money = |amount: f64| Money::new(amount, currency);
    let (mut costs, mut air_costs, mut capex) = (Vec::new(), Vec::new(), Vec::new());
    plan.cost_by_year_into(&mut costs);
    air.cost_by_year_into(&mut air_costs);
    plan.capex_by_year_into(&mut capex);
    let savings: Vec<f64> = air_costs.iter().zip(&costs).map(|(a, p)| a - p).collect();
    // a plan that changes nothing (all on air) has nothing to pay back
    let changes = savings.iter().any(|s| *s != 0.0);
    PlanTotals {
        capex: money(plan.capex_total()),
        capex_by_year: capex.iter().map(|c| money(*c)).collect(),
        opex_per_year: money(plan.steady_opex),
        energy_cost_per_year: money(plan.steady_energy),
        cash_flows: costs.iter().map(|c| money(-c)).collect(),
        npv_vs_air: money(finance::npv_with(&savings, factors)),
        simple_payback_years: changes.then(|| finance::payback_years(&savings)).flatten(),
        discounted_payback_years: changes
            .then(|| finance::discounted_payback_years(&savings, rate))
            .flatten(),
        irr: changes.then(|| finance::irr(&savings)).flatten(),
        it_energy: energy.it,
        facility_energy: energy.facility,
        facility_energy_air: energy.facility_air,
        pue: ratio(energy.facility, energy.it),
        pue_air: ratio(energy.facility_air, energy.it_air),
    }
}
