//! The cost engine: CAPEX (per-kW or itemised), OPEX, yearly cash flows and finance of every
//! option for every rack group, hall and the site, then the recommendation and the plan; the
//! heat customers' revenue and connection CAPEX in the liquid options ([`heat`]) and the KPIs
//! of every scope, option and the plan per plan year (fed by the ledger, `crate::kpi`).
//!
//! Owns: turning [`Physical`] results and the site's prices into [`Results`], with the plan
//! priced ([`plan`]; the search is `crate::plan`). Never touches:
//! the thermal arithmetic (it reads the thermal engine's figures), files, the clock, locale.
//! Amounts are plain f64 in the site's currency inside the kernels and leave as
//! [`coolplan_units::Money`] of that one currency: prices in another currency are refused by
//! validation (every money assumption, by its key) and by [`check_currency`], and never
//! converted.
//!
//! A rack group converted in part (`retrofit_share` s < 1) costs s × its full conversion plus
//! (1 − s) × staying on air, year by year; its reported thermal and energy figures are blended
//! the same way by the thermal engine.

pub mod basis;
pub mod capex;
pub mod comply;
mod draft;
mod heat;
pub mod lean;
pub mod linear;
pub mod opex;
pub mod plan;
pub mod scopes;
pub mod streams;
pub mod unit_prices;
pub mod works;

use crate::heat_reuse::HeatReuse;
use crate::kpi::ledger::{EnergyRow, KpiContext, Ledger};
use crate::per_option::OPTION_COUNT;
use crate::per_option::PerOption;
use crate::physical::{CostDrivers, GroupRecord, Physical, PhysicalScope, Records};
use crate::results::{HallPlant, Results};
use basis::{BasisBuilder, LifeContext, RackBasis};
use capex::{CapexInputs, add_capex};
use coolplan_model::assumptions::{AssumptionKey, Resolved};
use coolplan_model::{Catalog, FloorKind, Hall, Site};
use coolplan_units::money::CurrencyMismatch;
use coolplan_units::{Currency, PowerUnit};
use opex::add_opex;
use std::sync::Arc;
use streams::Streams;
use unit_prices::UnitPrices;
use uom::si::power::watt;

/// Every rack group's cost basis, per hall: shared, so that evaluations of varied copies of
/// one site whose bases do not change can reuse them (`crate::analysis::bases`).
pub type Bases = Arc<Vec<Vec<RackBasis>>>;

/// Cost streams of the three options of one rack group (retrofit share applied), in
/// buffers reused from one rack group to the next: evaluating a site allocates no streams
/// per rack group.
#[derive(Clone, Debug)]
pub struct RackCosts {
    pub share: f64,
    pub options: PerOption<Streams>,
    /// Scratch for each retrofit option's full conversion before it is blended with air.
    full: PerOption<Streams>,
    /// Scratch: the group's load present per year ([`RackBasis::presence_into`]), filled
    /// only where the basis keeps none over the horizon (otherwise the basis's own is read in
    /// place, [`RackBasis::kept_presence`], and this stays empty): read it through
    /// [`RackCosts::presence`].
    presence: Vec<(f64, f64)>,
    /// Steady energy of each option, retrofit share blended (the KPIs' ledger row), computed
    /// where anything reads it (`Pricer::reads_rows`).
    energy: [EnergyRow; OPTION_COUNT],
    /// The options priced ([`Pricer::price_only`]); the others' streams are zero and no
    /// figure of theirs is computed.
    pub priced: PerOption<bool>,
    /// Whether the group's NPV and payback of options it cannot take are computed
    /// ([`Pricer::value_feasible_only`]).
    pub value_infeasible: bool,
    /// Whether the steady year's OPEX and energy and the kW-years are computed
    /// (`Streams::steady_opex`, `steady_energy`, `kw_years`, unless
    /// [`Pricer::skip_steady_figures`]; 0 otherwise).
    pub steady: bool,
}

impl RackCosts {
    /// Zero streams over `horizon` years.
    pub fn new(horizon: usize) -> Self {
        Self {
            share: 1.0,
            options: PerOption::from_fn(|_| Streams::zero(horizon)),
            full: PerOption::from_fn(|_| Streams::zero(horizon)),
            presence: Vec::new(),
            energy: [EnergyRow::default(); OPTION_COUNT],
            priced: PerOption([true; OPTION_COUNT]),
            value_infeasible: true,
            steady: true,
        }
    }
    /// The load present per year of the group last priced into this scratch, whose basis is
    /// `basis`: the basis's own where it keeps one over the horizon, else the scratch's.
    pub(crate) fn presence<'s>(&'s self, basis: &'s RackBasis) -> &'s [(f64, f64)] {
        group_presence(&self.presence, basis)
    }
    /// No costs (a physical record whose rack the site does not hold: cannot happen within
    /// one evaluation).
    fn clear(&mut self, horizon: usize) {
        self.share = 1.0;
        for streams in &mut self.options {
            streams.reset(horizon);
        }
        self.presence.clear();
        self.energy = [EnergyRow::default(); OPTION_COUNT];
    }
}

/// What prices one rack group: the site, its prices and every group's cost basis.
pub struct Pricer<'a> {
    site: &'a Site,
    assumptions: &'a Resolved,
    bases: Bases,
    /// Per hall: share of new-server load on air that needs added air capacity.
    air_shares: Vec<f64>,
    /// Per hall and option: trim chiller kW per kW of liquid design heat.
    trim_ratios: Vec<PerOption<f64>>,
    /// Per hall: its liquid options pay for a facility-water extension, in service in this
    /// cash-flow year ([`works::in_service_year`]).
    water_extensions: Vec<Option<usize>>,
    /// Per hall: where its rear doors' water comes from (a door trim chiller, the extension).
    door_supplies: Vec<crate::physical::door::DoorSupply>,
    horizon: usize,
    /// The heat customers' take, settled from every group's liquid heat
    /// ([`Pricer::settle_heat`]); idle when the site sells no heat.
    heat: HeatReuse,
    /// The options priced: all, unless [`Pricer::price_only`] says otherwise.
    priced: PerOption<bool>,
    /// Groups' NPV and payback of options they cannot take are computed (unless
    /// [`Pricer::value_feasible_only`]).
    value_infeasible: bool,
    /// Each group's energy rows are computed and the ledger filled (unless
    /// [`Pricer::skip_ledger`]).
    ledger: bool,
    /// The steady year's OPEX and energy and the kW-years of each group are computed (unless
    /// [`Pricer::skip_steady_figures`]).
    steady: bool,
    /// The prices per unit the kernels multiply, converted once.
    unit: UnitPrices,
}

impl<'a> Pricer<'a> {
    pub fn new<G: GroupRecord>(
        site: &'a Site,
        catalog: &Catalog,
        assumptions: &'a Resolved,
        physical: &Physical<G>,
    ) -> Self {
        let life = life_context(site, assumptions);
        let mut builder = BasisBuilder::new(catalog, &assumptions.prices, site.currency, life);
        let mut read = basis::DefaultsRead::default();
        let bases = site
            .halls
            .iter()
            .map(|hall| {
                hall.racks
                    .iter()
                    .map(|rack| builder.basis(rack, &mut read))
                    .collect()
            })
            .collect();
        Self::with_bases(site, assumptions, physical, Arc::new(bases))
    }

    /// [`Pricer::new`] with every group's cost basis given: `bases` must be what
    /// [`basis::rack_basis`] builds of each rack group of `site` under `assumptions`.
    pub fn with_bases<G: GroupRecord>(
        site: &'a Site,
        assumptions: &'a Resolved,
        physical: &Physical<G>,
        bases: Bases,
    ) -> Self {
        let air_shares = site
            .halls
            .iter()
            .zip(bases.iter())
            .map(|(hall, hall_bases)| added_air_share(hall, hall_bases))
            .collect();
        let trim_ratios = physical
            .halls
            .iter()
            .zip(&physical.plant)
            .map(|(hall, plant)| trim_per_liquid_kw(hall, plant))
            .collect();
        Self {
            site,
            assumptions,
            bases,
            air_shares,
            trim_ratios,
            water_extensions: physical
                .plant
                .iter()
                .map(|p| {
                    p.water_extension
                        .map(|x| works::in_service_year(x.lead_time))
                })
                .collect(),
            door_supplies: site
                .halls
                .iter()
                .map(|hall| crate::physical::door::door_supply(hall, assumptions))
                .collect(),
            horizon: assumptions.finance.horizon_years as usize,
            heat: HeatReuse::new(site, assumptions),
            priced: PerOption([true; OPTION_COUNT]),
            value_infeasible: true,
            ledger: true,
            steady: true,
            unit: UnitPrices::new(&assumptions.prices, &assumptions.cooling),
        }
    }

    /// Computes each group's NPV and payback only of the options it can take (feasible
    /// ones): no plan takes another, so a reading that reads no group's own figures needs
    /// no other ([`RackCosts::value_infeasible`]).
    pub fn value_feasible_only(&mut self) {
        self.value_infeasible = false;
    }

    /// Fills no ledger: for a reading whose site has no compliance profile (the KPIs' sums
    /// are not computed, and only a profile's constraint and surcharges read the ledger
    /// besides, [`comply::reads_ledger`]). The groups' energy rows are then computed only
    /// where the heat credit reads them (`Pricer::reads_rows`).
    pub fn skip_ledger(&mut self) {
        self.ledger = false;
    }

    /// Whether each group's energy rows are read from its [`RackCosts`]: by the ledger, or by
    /// the heat credit where the site sells heat.
    fn reads_rows(&self) -> bool {
        self.ledger || !self.heat.is_idle()
    }

    /// Computes no group's steady-year OPEX or energy and no kW-years (`Streams::steady_opex`,
    /// `steady_energy` and `kw_years` stay 0 and sum to 0): for a reading, which reads no OPEX
    /// or energy cost per year and no TCO per kW-year of any scope or plan
    /// ([`crate::analysis::Reading`]); its NPVs and paybacks read the yearly flows only.
    pub fn skip_steady_figures(&mut self) {
        self.steady = false;
    }

    /// The options priced ([`Pricer::price_only`]).
    pub fn priced(&self) -> &PerOption<bool> {
        &self.priced
    }

    /// Whether the ledger is filled ([`Pricer::skip_ledger`]; the groups' energy rows may be
    /// computed without it, for the heat credit).
    pub fn fills_ledger(&self) -> bool {
        self.ledger
    }

    /// Prices only the options `priced` marks: the others' streams stay zero and their
    /// NPV and payback are not computed. For a reading that reads no figure of them (an
    /// option that applies to no group of the site is infeasible in every group, so no plan
    /// takes it, and the analyses show no figure of it, [`crate::analysis::Reading`]).
    pub fn price_only(&mut self, priced: PerOption<bool>) {
        self.priced = priced;
    }

    /// Settles how much liquid heat each hall's customer takes, from every group's liquid
    /// heat per option and year; pricing credits it from then on.
    pub fn settle_heat<G: GroupRecord>(&mut self, racks: &Records<G>) {
        if !self.heat.is_idle() {
            heat::settle(&mut self.heat, racks, &self.bases, self.horizon);
        }
    }

    /// Whether hall `h`'s rear doors come with its facility-water extension.
    pub fn door_extension(&self, h: usize) -> bool {
        self.door_supplies.get(h).is_some_and(|d| d.extension)
    }

    /// The enabling works that may raise hall `h`'s limits ([`works`]).
    pub fn hall_works(&self, h: usize) -> Option<works::HallWorks> {
        let hall = self.site.halls.get(h)?;
        Some(works::HallWorks::new(
            hall,
            self.bases.get(h)?,
            &self.assumptions.prices,
            self.site.cost_mode,
        ))
    }

    /// The last cash-flow year the liquid options of the group at `place` run on air, waiting
    /// for the hall's facility-water extension (0: they do not wait, [`works::wait_for_water`]).
    pub fn liquid_waits_until(&self, place: (usize, usize)) -> usize {
        let first = self.basis(place).map_or(0, RackBasis::first_year);
        match self.water_extensions.get(place.0) {
            Some(Some(in_service)) if first < *in_service => *in_service,
            _ => 0,
        }
    }

    /// The price of one W of added air capacity, before contingency.
    pub fn added_air_price_w(&self) -> f64 {
        // the price per kW converted once ([`UnitPrices`])
        self.unit.air_added_capacity_per_kw / 1000.0
    }

    /// The cost basis of the group at `place` (hall, rack group).
    pub fn basis(&self, (hall, rack): (usize, usize)) -> Option<&RackBasis> {
        self.bases.get(hall)?.get(rack)
    }

    /// The cost streams of the group at `place` from its `drivers` into `work`, with its heat
    /// revenue and connection CAPEX in the liquid options and its energy rows for the KPIs.
    pub fn price(
        &self,
        place: (usize, usize),
        drivers: &PerOption<CostDrivers>,
        work: &mut RackCosts,
    ) {
        let (Some(hall), Some(basis)) = (self.site.halls.get(place.0), self.basis(place)) else {
            work.clear(self.horizon);
            return;
        };
        let inputs = CapexInputs {
            mode: self.site.cost_mode,
            prices: &self.assumptions.prices,
            unit: &self.unit,
            raised_floor: hall.floor.kind == FloorKind::Raised,
            added_air_share: self.air_shares[place.0],
            air_in_service: works::in_service_year(
                self.assumptions.prices.air_plant_addition_lead_time.get(),
            ),
            trim_per_liquid_kw: self.trim_ratios[place.0],
            water_extension: self.water_extensions[place.0].is_some(),
            door_supply: self.door_supplies[place.0],
        };
        work.steady = self.steady;
        rack_costs(
            drivers,
            basis,
            &inputs,
            self.assumptions,
            self.horizon,
            &self.priced,
            work,
        );
        work.value_infeasible = self.value_infeasible;
        if self.reads_rows() {
            work.energy = EnergyRow::rows(&drivers.0, basis.share);
        }
        if !self.heat.is_idle() {
            heat::credit(&self.heat, place.0, basis, work);
        }
        if let Some(in_service) = self.water_extensions[place.0] {
            let doors = self.door_extension(place.0);
            works::wait_for_water(
                &mut work.options,
                &self.priced,
                basis.first_year(),
                in_service,
                doors,
            );
        }
    }
}

/// Adds costs, finance, recommendations and the plan to the physical results; `R` is what
/// each rack group keeps ([`scopes::PricedGroup`]).
pub fn evaluate<R: scopes::PricedGroup>(
    site: &Site,
    catalog: &Catalog,
    assumptions: &Resolved,
    physical: Physical<R::Physical>,
) -> Results<R> {
    let mut pricer = Pricer::new(site, catalog, assumptions, &physical);
    pricer.settle_heat(&physical.racks);
    let mut ledger = Ledger::new(pricer.horizon);
    let mut results = scopes::assemble(site, assumptions, physical, &pricer, &mut ledger);
    let sums = ledger.sums(site.halls.len(), &pricer.heat);
    let context = KpiContext {
        site_name: &site.name,
        hall_names: site.halls.iter().map(|h| h.name.as_str()).collect(),
        first_year: assumptions.finance.first_year,
        grid_kg_per_wh: assumptions
            .plant
            .grid_emission_factor
            .in_unit(coolplan_units::EmissionFactorUnit::kg_per_kWh)
            / 1000.0,
        renewable_share: site.compliance.as_ref().map_or(0.0, |c| c.renewable_share),
        currency: site.currency,
    };
    results.kpis = crate::kpi::ledger::results(&sums, &pricer.heat, &context);
    results
}

/// What the cost bases of `site` under `assumptions` follow servers through (first year,
/// horizon, the site's refresh policy).
pub fn life_context<'s>(site: &'s Site, assumptions: &Resolved) -> LifeContext<'s> {
    LifeContext {
        first_year: assumptions.finance.first_year,
        horizon: assumptions.finance.horizon_years as usize,
        site_refresh: site.refresh.as_ref(),
    }
}

/// Per option, the hall's trim chiller kW per kW of its liquid design heat (the design day
/// sizes it on the hall's liquid design heat, so a group's share is linear in its own).
fn trim_per_liquid_kw(hall: &PhysicalScope, plant: &HallPlant) -> PerOption<f64> {
    PerOption::from_fn(|o| {
        let liquid_w = hall.options[o].thermal.heat_to_liquid.get::<watt>();
        match plant.design_day[o.index()] {
            Some(day) if liquid_w > 0.0 => day.trim_capacity.get::<watt>() / liquid_w,
            _ => 0.0,
        }
    })
}

/// Every price of `assumptions` must be in the site's currency.
pub fn check_currency(assumptions: &Resolved, currency: Currency) -> Result<(), CurrencyMismatch> {
    match AssumptionKey::all()
        .filter_map(|key| assumptions.currency_of(key))
        .find(|c| *c != currency)
    {
        Some(other) => Err(CurrencyMismatch(other, currency)),
        None => Ok(()),
    }
}

/// Share of a hall's new-server design load beyond its spare air capacity (capacity minus
/// the stock load on air), which the air option must add.
pub fn added_air_share(hall: &Hall, bases: &[RackBasis]) -> f64 {
    let capacity_kw = hall.air_cooling_capacity.in_unit(PowerUnit::kW);
    let stock_kw: f64 = bases.iter().map(|b| b.stock.design_kw).sum();
    let new_kw: f64 = bases.iter().map(|b| b.new_design_kw()).sum();
    if new_kw <= 0.0 {
        return 0.0;
    }
    let spare_kw = (capacity_kw - stock_kw).max(0.0);
    ((new_kw - spare_kw) / new_kw).clamp(0.0, 1.0)
}

/// The load present per year of a group whose basis is `basis` and whose [`rack_costs`]
/// scratch is `scratch` ([`RackCosts::presence`]): the scratch holds a presence exactly where
/// the basis keeps none over the horizon ([`RackBasis::presence_over`]).
fn group_presence<'a>(scratch: &'a [(f64, f64)], basis: &'a RackBasis) -> &'a [(f64, f64)] {
    if scratch.is_empty() {
        &basis.presence
    } else {
        scratch
    }
}

/// Every option of one rack group that `priced` marks into `out`, the liquid ones blended
/// with air by the share; the others' streams are left at zero ([`RackCosts::priced`]).
pub fn rack_costs(
    physical: &PerOption<CostDrivers>,
    basis: &RackBasis,
    inputs: &CapexInputs,
    assumptions: &Resolved,
    horizon: usize,
    priced: &PerOption<bool>,
    out: &mut RackCosts,
) {
    let RackCosts {
        share,
        options,
        full,
        presence,
        priced: marked,
        steady,
        ..
    } = out;
    *marked = *priced;
    // read in place where the basis keeps it (the ledger and the heat credit read it through
    // `RackCosts::presence`, as OPEX does here)
    let presence = basis.presence_over(horizon + 1, presence);
    *share = basis.share;
    // A whole conversion (share 1) blends to the conversion itself, bit for bit
    // (1 × c + 0 × a = c for finite costs): price it in place instead of in scratch.
    let whole = *share == 1.0;
    let mut scratch = full.iter_mut();
    let mut drivers = physical.iter();
    let mut streams = options.each_mut().0.map(|own| {
        let spare = scratch.next();
        let driver = drivers.next().unwrap_or(&physical.0[0]);
        match spare {
            Some(spare) if !whole && driver.option.is_retrofit() => (driver, spare),
            _ => (driver, own),
        }
    });
    for (physical, streams) in streams.iter_mut() {
        streams.reset(horizon);
        if priced[physical.option] {
            add_capex(physical.option, basis, physical, inputs, streams);
        }
    }
    add_opex(
        basis,
        presence,
        streams,
        (&priced.0, *steady),
        (&assumptions.prices, inputs.unit),
    );
    if !whole {
        let (air, retrofits) = options.0.split_at_mut(1);
        let converted = full.iter().zip(&priced.0).skip(1);
        for (streams, (converted, priced)) in retrofits.iter_mut().zip(converted) {
            if *priced {
                streams.blend_from(converted, &air[0], *share);
            } else {
                streams.reset(horizon);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use basis::Cohort;

    /// 2 kW of stock (index 0) and 2 kW new at index 1, of 4 kW in all: present in year t are
    /// the cohorts that arrived below t → 0/4, 2/4, 4/4 in years 0, 1, 2. It keeps no presence.
    fn two_cohorts() -> RackBasis {
        let cohort = |year| Cohort {
            year,
            design_kw: 2.0,
            avg_kw: 2.0,
            servers: 1.0,
            ..Cohort::default()
        };
        RackBasis {
            stock: cohort(0),
            new: vec![cohort(1)],
            ..RackBasis::default()
        }
    }

    #[test]
    fn a_groups_presence_is_read_from_its_basis_unless_the_scratch_holds_one() {
        let by_hand = two_cohorts();
        let mut scratch = Vec::new();
        by_hand.presence_into(3, &mut scratch);
        assert_eq!(scratch, [(0.0, 0.0), (0.5, 0.5), (1.0, 1.0)]);
        // a basis built by hand keeps none: the scratch computed by `rack_costs` is read
        assert_eq!(group_presence(&scratch, &by_hand), &scratch[..]);
        // a basis that keeps its presence is read in place, the scratch left empty
        let kept = RackBasis {
            presence: scratch.clone(),
            ..by_hand.clone()
        };
        assert!(std::ptr::eq(group_presence(&[], &kept), &kept.presence[..]));
    }

    #[test]
    fn a_basis_gives_its_kept_presence_in_place_and_computes_it_otherwise() {
        let by_hand = two_cohorts();
        let expected = [(0.0, 0.0), (0.5, 0.5), (1.0, 1.0)];
        let mut scratch = vec![(9.0, 9.0)];
        assert_eq!(by_hand.presence_over(3, &mut scratch), expected);
        let kept = RackBasis {
            presence: expected.to_vec(),
            ..by_hand.clone()
        };
        let mut scratch = vec![(9.0, 9.0)];
        let read = kept.presence_over(3, &mut scratch);
        assert!(std::ptr::eq(read, &kept.presence[..]));
        assert!(scratch.is_empty());
        // over other years than it keeps, computed: years 0 and 1
        let mut scratch = Vec::new();
        assert_eq!(kept.presence_over(2, &mut scratch), &expected[..2]);
    }
}
