//! Results of the engine: plain data that the GUI, CLI and report writers all read.
//!
//! One [`OptionResult`] per cooling option per scope (rack group, hall, site), and the
//! recommended [`Plan`] (an option per rack group within each hall's shared limits).
//! Quantities are uom values; money carries the site's currency. Reasons are structured
//! ([`Reason`], [`plan::Why`]) so each shell words them in the user's language and units.

pub mod plan;
mod plant;
mod reason;

pub use plan::{
    Amount, GroupChoice, HallPlan, Limit, LimitUse, Plan, PlanCdus, PlanTotals, PlannedWork,
    SearchMethod, Why,
};

use std::borrow::Cow;

use uom::si::f64::{
    Area, ArealMassDensity, Energy, Mass, Power, ThermodynamicTemperature, Time, Volume, VolumeRate,
};

pub use crate::option::{CoolingOption, Door, LiquidSink, OptionSpec, ServerCooling};
use crate::per_option::PerOption;
use coolplan_units::{Currency, Money};
pub use plant::{Calibration, DesignDay, HallPlant, PlantEnergy};
pub use reason::Reason;

/// Thermal figures of one option in one scope (summed over counts).
#[derive(Clone, Debug, PartialEq)]
pub struct Thermal {
    /// IT power at max draw under this option (after its fan saving).
    pub it_design: Power,
    /// IT power at average utilisation under this option.
    pub it_avg: Power,
    /// Server fan power this option removes at max draw (air: zero; a passive rear door's
    /// back-pressure adds fan power: negative).
    pub fan_power_removed: Power,
    /// Power of compute alone (IT minus all server fans), at max draw: the TUE denominator basis.
    pub compute_design: Power,
    /// Heat the servers put into the liquid loop (cold plates, tanks).
    pub heat_to_liquid: Power,
    /// IT heat left on the room's air (after any rear door) at max draw.
    pub heat_to_air: Power,
    /// IT heat rear doors take from the exhaust into their water loop, at max draw
    /// (`heat_to_liquid + heat_to_air + heat_to_door = it_design`).
    pub heat_to_door: Power,
    /// Rear doors fitted (one per rack converted), and how many of them are active doors
    /// (the active-door option; a hybrid's where its residual exceeds a passive rating).
    pub door_count: u64,
    pub active_door_count: u64,
    /// Heat liquid-to-air CDUs return to the room air: their liquid heat plus their fans
    /// (zero for every option whose liquid goes to facility water). The hall's air plant
    /// removes `heat_to_air + heat_returned_to_air`.
    pub heat_returned_to_air: Power,
    /// Fan power of the liquid-to-air CDUs at max draw (facility load).
    pub l2a_fan_power: Power,
    /// Flow of the technology loop (cold plate) or tank loop (immersion); zero for air.
    pub coolant_flow: VolumeRate,
    /// Airflow the heat on air needs at the servers' air rise (`cooling.air_delta_t`).
    pub air_flow: VolumeRate,
    /// Technology-loop supply temperature (facility supply + CDU approach), when liquid.
    pub loop_supply: Option<ThermodynamicTemperature>,
    pub cdu_count: u64,
    pub tank_count: u64,
    pub fluid_volume: Volume,
    pub fluid_mass: Mass,
    /// Servers that take a cold-plate retrofit kit (stock servers under cold plate).
    pub cold_plate_kits: u64,
    /// Highest distributed floor load of the equipment.
    pub floor_load: ArealMassDensity,
    /// Floor area the equipment needs, with service clearance.
    pub floor_area: Area,
}

/// Annual energy, PUE and environmental figures of one option in one scope.
#[derive(Clone, Debug, PartialEq)]
pub struct EnergyFigures {
    pub pue: f64,
    /// Total energy / energy of compute without server fans.
    pub tue: f64,
    pub it_energy: Energy,
    pub facility_energy: Energy,
    /// Facility energy per calendar month, January first.
    pub monthly_facility_energy: [Energy; 12],
    /// Energy of the cooling path (air plant, liquid path) inside `facility_energy`: the
    /// overhead of the cooling pPUE.
    pub cooling_energy: Energy,
    /// Heat carried away by liquid loops over the year (zero on air): what a heat customer
    /// can take.
    pub liquid_heat: Energy,
    /// Hours a year with no chiller running.
    pub free_cooling_hours: Time,
    pub water: Volume,
    pub co2: Mass,
}

/// One item of CAPEX.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CostItem {
    /// Per-kW mode, stock servers.
    PerKwStock,
    /// Per-kW mode, new servers.
    PerKwNew,
    ColdPlateKits,
    FactoryPremium,
    Manifolds,
    Cdus,
    /// Liquid-to-air CDUs (sidecar units with coil and fans), per kW of their capacity.
    LiquidToAirUnits,
    Piping,
    Labour,
    Downtime,
    Tanks,
    Fluid,
    ImmersionPrep,
    FloorReinforcement,
    AddedAirCapacity,
    /// The liquid path's trim chiller, where the dry cooler cannot hold the supply.
    TrimChiller,
    /// Rear-door heat exchangers, one per rack.
    RearDoors,
    /// Hanging and connecting the rear doors (servers untouched).
    RearDoorInstall,
    /// Enabling work: facility water brought to a hall that has none (dry coolers, pumps,
    /// primary piping).
    FacilityWaterExtension,
    /// Enabling work: air-plant capacity for the plan's heat on air beyond the hall's.
    AirPlantAddition,
    /// Enabling work: UPS, busway and PDUs for the plan's IT beyond the hall's capacity.
    ElectricalUpgrade,
    /// Servers that replace retiring ones, bought liquid-ready in the retirement year: their
    /// factory cold-plate premium, or their immersion preparation.
    Refresh,
    Contingency,
    /// The heat customer's connection (heat exchanger, heat pump, pipe), shared by liquid heat.
    HeatReuse,
}

impl CostItem {
    /// Every CAPEX item once, in declaration (and report) order.
    pub const ALL: [CostItem; 24] = [
        CostItem::PerKwStock,
        CostItem::PerKwNew,
        CostItem::ColdPlateKits,
        CostItem::FactoryPremium,
        CostItem::Manifolds,
        CostItem::Cdus,
        CostItem::LiquidToAirUnits,
        CostItem::Piping,
        CostItem::Labour,
        CostItem::Downtime,
        CostItem::Tanks,
        CostItem::Fluid,
        CostItem::ImmersionPrep,
        CostItem::FloorReinforcement,
        CostItem::AddedAirCapacity,
        CostItem::TrimChiller,
        CostItem::RearDoors,
        CostItem::RearDoorInstall,
        CostItem::FacilityWaterExtension,
        CostItem::AirPlantAddition,
        CostItem::ElectricalUpgrade,
        CostItem::Refresh,
        CostItem::Contingency,
        CostItem::HeatReuse,
    ];
}

/// Cost and finance figures of one option in one scope.
#[derive(Clone, Debug, PartialEq)]
pub struct CostFigures {
    /// CAPEX over the horizon (up front and as new servers arrive).
    pub capex: Money,
    /// CAPEX of year 0, spent before operations start (the rest falls in later years).
    pub capex_up_front: Money,
    pub capex_breakdown: Vec<(CostItem, Money)>,
    pub opex_per_year: Money,
    pub energy_cost_per_year: Money,
    /// Cash flow of each year 0..=horizon (negative = spending), for this option alone.
    pub cash_flows: Vec<Money>,
    /// CAPEX spent in each year 0..=horizon (the year a cohort converts or arrives); sums
    /// to `capex`.
    pub capex_by_year: Vec<Money>,
    /// NPV of this option's savings against air (air: zero).
    pub npv_vs_air: Money,
    /// Years until cumulative savings repay the extra CAPEX; `None` if never in the horizon.
    pub simple_payback_years: Option<f64>,
    pub discounted_payback_years: Option<f64>,
    /// IRR of the savings against air; `None` where undefined. Filled in for halls and the
    /// site only: for a rack group it is `None` (an IRR per group and option would cost about
    /// a quarter of the recompute time); ask [`ScopeResult::irr`], which works for every scope.
    pub irr: Option<f64>,
    /// Total cost of ownership per kW of IT and year.
    pub tco_per_kw_year: Money,
}

impl CostFigures {
    /// The CAPEX spent on `item` over the horizon (zero when the option buys none).
    pub fn spent_on(&self, item: CostItem) -> Money {
        let amount = (self.capex_breakdown.iter())
            .filter(|(i, _)| *i == item)
            .map(|(_, m)| m.amount)
            .sum();
        Money::new(amount, self.capex.currency)
    }
}

/// Everything computed for one option in one scope.
#[derive(Clone, Debug, PartialEq)]
pub struct OptionResult {
    pub option: CoolingOption,
    /// Whether the option applies in this scope and is shown (docs/method.md, *Options that
    /// apply*): air always; another option when the site offers it and at least one rack
    /// group of the scope may take it (its cooling rule allows it and a server can take it).
    pub applies: bool,
    pub feasible: bool,
    pub infeasible_reasons: Vec<Reason>,
    /// Legal but worth a look (e.g. immersion needs server preparation).
    pub warnings: Vec<Reason>,
    pub thermal: Thermal,
    pub energy: EnergyFigures,
    pub cost: CostFigures,
}

/// The option to choose and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Recommendation {
    /// `None` only when no option is feasible.
    pub option: Option<CoolingOption>,
    pub reasons: Vec<Reason>,
    pub runner_up: Option<CoolingOption>,
    /// NPV margin to the runner-up.
    pub margin: Option<Money>,
}

/// A rack group, a hall or the site: its results for every option, and the single option
/// best for the scope alone (a reference: the site's decision is [`Results::plan`]).
#[derive(Clone, Debug, PartialEq)]
pub struct ScopeResult {
    pub name: String,
    pub options: PerOption<OptionResult>,
    pub recommendation: Recommendation,
}

impl ScopeResult {
    pub fn option(&self, option: CoolingOption) -> &OptionResult {
        &self.options[option]
    }
    /// The options that apply in this scope, in [`CoolingOption::ALL`] order: the ones every
    /// output shows.
    pub fn shown(&self) -> impl Iterator<Item = &OptionResult> + Clone {
        self.options.iter().filter(|o| o.applies)
    }
    /// The options of this scope that do not apply (hidden from every output).
    pub fn hidden(&self) -> impl Iterator<Item = CoolingOption> + '_ {
        self.options.iter().filter(|o| !o.applies).map(|o| o.option)
    }
    /// Whether the recommendation moves this scope off air.
    pub fn leaves_air(&self) -> bool {
        self.recommendation
            .option
            .is_some_and(|o| o != CoolingOption::Air)
    }
    /// The CAPEX items any option shown in this scope has, in [`CostItem`] order, each once.
    pub fn capex_items(&self) -> Vec<CostItem> {
        let mut items: Vec<CostItem> = self
            .shown()
            .flat_map(|o| o.cost.capex_breakdown.iter().map(|(item, _)| *item))
            .collect();
        items.sort();
        items.dedup();
        items
    }
    /// IRR of `option`'s savings against air (`None` for air and where undefined), computed
    /// on demand from the cash flows: exactly the figure the cost engine gives halls and the
    /// site in [`CostFigures::irr`].
    pub fn irr(&self, option: CoolingOption) -> Option<f64> {
        if option == CoolingOption::Air {
            return None;
        }
        let air = &self.option(CoolingOption::Air).cost.cash_flows;
        let flows = &self.option(option).cost.cash_flows;
        // cash flows are minus each year's cost (negation is exact): savings = air − option
        let savings: Vec<f64> = air
            .iter()
            .zip(flows)
            .map(|(a, o)| (-a.amount) - (-o.amount))
            .collect();
        super::finance::irr(&savings)
    }
}

/// Results of one rack group.
#[derive(Clone, Debug, PartialEq)]
pub struct RackResult {
    /// Index of the hall in the site and of the rack group in the hall.
    pub hall: usize,
    pub rack: usize,
    pub count: u64,
    /// Design IT power of one rack on air.
    pub per_rack_design: Power,
    pub scope: ScopeResult,
}

/// The figures of one option for one rack group that the live views, the plan and the CDU
/// checks read: what [`GroupSummary`] keeps and [`RackResult`] can give. Physical figures are
/// the group with its retrofit share on the option and the rest on air.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GroupFigures {
    /// The option applies to the group ([`OptionResult::applies`]).
    pub applies: bool,
    /// Feasible for the group alone (rack rules; hall limits are the plan's to meet).
    pub feasible: bool,
    /// IT power at max draw (after the option's fan saving), whole group.
    pub it_design: Power,
    pub heat_to_liquid: Power,
    pub heat_to_air: Power,
    /// Heat the rear doors take into their water loop.
    pub heat_to_door: Power,
    /// Heat liquid-to-air CDUs return to the room air (their liquid heat and fans).
    pub heat_returned_to_air: Power,
    /// Floor area the group's equipment needs, with service clearance.
    pub floor_area: Area,
    pub capex: Money,
    pub opex_per_year: Money,
    pub npv_vs_air: Money,
    pub simple_payback_years: Option<f64>,
    pub it_energy: Energy,
    pub facility_energy: Energy,
}

/// A rack group's result, full or compact.
pub trait GroupView {
    /// Index of the hall in the site and of the rack group in the hall.
    fn place(&self) -> (usize, usize);
    fn count(&self) -> u64;
    /// Design IT power of one rack on air.
    fn per_rack_design(&self) -> Power;
    fn recommended(&self) -> Option<CoolingOption>;
    fn figures(&self, option: CoolingOption) -> GroupFigures;
    /// Every option's figures: borrowed where the group keeps them as a table.
    fn figures_table(&self) -> Cow<'_, PerOption<GroupFigures>> {
        Cow::Owned(PerOption::from_fn(|o| self.figures(o)))
    }
}

impl GroupView for RackResult {
    fn place(&self) -> (usize, usize) {
        (self.hall, self.rack)
    }
    fn count(&self) -> u64 {
        self.count
    }
    fn per_rack_design(&self) -> Power {
        self.per_rack_design
    }
    fn recommended(&self) -> Option<CoolingOption> {
        self.scope.recommendation.option
    }
    fn figures(&self, option: CoolingOption) -> GroupFigures {
        let o = self.scope.option(option);
        GroupFigures {
            applies: o.applies,
            feasible: o.feasible,
            it_design: o.thermal.it_design,
            heat_to_liquid: o.thermal.heat_to_liquid,
            heat_to_air: o.thermal.heat_to_air,
            heat_to_door: o.thermal.heat_to_door,
            heat_returned_to_air: o.thermal.heat_returned_to_air,
            floor_area: o.thermal.floor_area,
            capex: o.cost.capex,
            opex_per_year: o.cost.opex_per_year,
            npv_vs_air: o.cost.npv_vs_air,
            simple_payback_years: o.cost.simple_payback_years,
            it_energy: o.energy.it_energy,
            facility_energy: o.energy.facility_energy,
        }
    }
}

/// A rack group's compact result (no names, reasons, yearly flows or breakdowns): what a
/// live recompute keeps per group. The full result of any group is in
/// [`crate::evaluate`]'s [`RackResult`], with the same figures bit for bit.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupSummary {
    pub hall: usize,
    pub rack: usize,
    pub count: u64,
    pub per_rack_design: Power,
    /// `None` only when no option is feasible.
    pub recommended: Option<CoolingOption>,
    pub options: PerOption<GroupFigures>,
}

impl GroupSummary {
    /// The compact result of a full one.
    pub fn of(rack: &RackResult) -> Self {
        GroupSummary {
            hall: rack.hall,
            rack: rack.rack,
            count: rack.count,
            per_rack_design: rack.per_rack_design,
            recommended: rack.recommended(),
            options: PerOption::from_fn(|o| rack.figures(o)),
        }
    }
}

impl GroupView for GroupSummary {
    fn place(&self) -> (usize, usize) {
        (self.hall, self.rack)
    }
    fn count(&self) -> u64 {
        self.count
    }
    fn per_rack_design(&self) -> Power {
        self.per_rack_design
    }
    fn recommended(&self) -> Option<CoolingOption> {
        self.recommended
    }
    fn figures(&self, option: CoolingOption) -> GroupFigures {
        self.options[option]
    }
    fn figures_table(&self) -> Cow<'_, PerOption<GroupFigures>> {
        Cow::Borrowed(&self.options)
    }
}

/// Everything the engine computes for a site, with an `R` per rack group: [`RackResult`]
/// (full, [`crate::evaluate`]) or [`GroupSummary`] ([`Overview`],
/// [`crate::recompute`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Results<R = RackResult> {
    pub currency: Currency,
    pub horizon_years: u32,
    pub discount_rate: f64,
    pub first_year: u16,
    pub site: ScopeResult,
    pub halls: Vec<ScopeResult>,
    pub racks: Vec<R>,
    /// The recommendation: an option per rack group within each hall's shared limits.
    pub plan: Plan,
    /// Each hall's plant: energy by part, design day, calibration.
    pub plant: Vec<HallPlant>,
    /// ISO/IEC 30134 KPIs and heat reuse per scope, option and plan year.
    pub kpis: crate::kpi::KpiResults,
    /// The plan's `comply_by` constraint and the surcharges in the site's cash flows.
    pub compliance: PlanCompliance,
}

/// What the compliance profile did to the plan and the site's cash flows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlanCompliance {
    /// The plan constrained to comply by the profile's year (`None` without `comply_by`).
    pub comply_by: Option<crate::plan::comply::ComplyPlan>,
    /// Surcharges in the site's OPEX, per column and year.
    pub surcharges: Vec<crate::surcharge::Surcharge>,
}

/// What a live recompute gives: the site and every hall in full, rack groups compact.
pub type Overview = Results<GroupSummary>;

impl Results {
    /// These results with rack groups compact: equal to [`crate::recompute`]'s.
    pub fn overview(&self) -> Overview {
        Results {
            currency: self.currency,
            horizon_years: self.horizon_years,
            discount_rate: self.discount_rate,
            first_year: self.first_year,
            site: self.site.clone(),
            halls: self.halls.clone(),
            racks: self.racks.iter().map(GroupSummary::of).collect(),
            plan: self.plan.clone(),
            plant: self.plant.clone(),
            kpis: self.kpis.clone(),
            compliance: self.compliance.clone(),
        }
    }
}
