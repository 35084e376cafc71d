//! The recommended plan: an option per rack group, chosen per hall to maximise NPV against
//! today's state (every group on air) within the hall's shared limits.
//!
//! Owns: the plan's result types. The search is in `crate::plan`; wording in the words crate.

use uom::si::f64::{Area, Energy, Power, Time};

use super::CoolingOption;
use crate::cdu::CduDesign;
use coolplan_model::EnablingWork;
use coolplan_units::Money;

/// A limit a hall's rack groups share.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Limit {
    /// Heat the air plant can remove (heat left on air by every group together).
    AirCooling,
    /// White space (equipment with service clearance).
    FloorArea,
    /// Electrical capacity for IT (IT power at max draw), where the file gives it.
    Electrical,
    /// Heat the facility water can take (liquid heat), where the file gives it.
    FacilityWater,
}

impl Limit {
    pub const ALL: [Limit; 4] = [
        Limit::AirCooling,
        Limit::FloorArea,
        Limit::Electrical,
        Limit::FacilityWater,
    ];
    /// Stable key for JSON: `air_cooling`, `floor_area`, `electrical`, `facility_water`.
    pub fn key(self) -> &'static str {
        match self {
            Limit::AirCooling => "air_cooling",
            Limit::FloorArea => "floor_area",
            Limit::Electrical => "electrical",
            Limit::FacilityWater => "facility_water",
        }
    }
    /// Position in per-limit tables.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// An amount of a limit: power (air cooling, electrical, facility water) or area (floor).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Amount {
    Power(Power),
    Area(Area),
}

impl Amount {
    /// `value` in SI (W or m²) as the amount of `limit`.
    pub fn of(limit: Limit, value: f64) -> Amount {
        match limit {
            Limit::FloorArea => Amount::Area(Area::new::<uom::si::area::square_meter>(value)),
            _ => Amount::Power(Power::new::<uom::si::power::watt>(value)),
        }
    }
    /// The number in SI (W or m²).
    pub fn si(self) -> f64 {
        match self {
            Amount::Power(p) => p.get::<uom::si::power::watt>(),
            Amount::Area(a) => a.get::<uom::si::area::square_meter>(),
        }
    }
}

/// One limit of a hall under the plan.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LimitUse {
    pub limit: Limit,
    /// What the plan uses.
    pub used: Amount,
    /// The limit the plan keeps within: as written, or today's use where that is higher.
    pub capacity: Amount,
    /// Today's use (installed servers on air).
    pub today: Amount,
    /// The best option of every group alone would exceed it: it shaped the plan.
    pub binds: bool,
}

/// How a hall's plan was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SearchMethod {
    /// Every combination of options was valued (with CDU units counted exactly): the best.
    Exhaustive,
    /// Too many combinations: best option per group, repaired greedily to the limits, then
    /// improved one group at a time (`docs/method.md` §12 gives its measured gap).
    Heuristic,
}

/// Why a rack group takes its option in the plan.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Why {
    /// The best NPV against air for this group; `runner_up` and by how much it trails.
    BestNpv {
        npv: Money,
        runner_up: Option<(CoolingOption, Money)>,
    },
    /// The only option that suits the group.
    OnlyFeasible,
    /// Would gain `forgone` more on `preferred`, but the hall's `limit` has no room for it.
    HeldByLimit {
        preferred: CoolingOption,
        limit: Limit,
        forgone: Money,
    },
    /// Would gain on `preferred` alone, but with the hall's whole CDU units (a unit and its
    /// spare for a few racks) the hall does better without it.
    CduStep {
        preferred: CoolingOption,
        forgone: Money,
    },
    /// Would gain `forgone` more on `preferred` (its option in the NPV-best plan), but the
    /// site must comply by the profile's year and `preferred` keeps it from that.
    ForCompliance {
        preferred: CoolingOption,
        forgone: Money,
    },
    /// No option suits the group; its installed servers stay on air as they run today.
    StaysAsToday,
    /// No option suits the group's new servers: the plan cannot place them.
    NothingFeasible,
}

/// A rack group's place in the plan.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GroupChoice {
    /// `None` only for new servers no option suits.
    pub option: Option<CoolingOption>,
    pub why: Why,
    /// The group's NPV against air in the plan (its share of the hall's CDUs included).
    pub npv: Money,
}

/// The CDUs of one liquid option in a hall under the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanCdus {
    pub option: CoolingOption,
    pub design: CduDesign,
}

/// Money, energy and PUE of a plan (a hall's or the site's).
#[derive(Clone, Debug, PartialEq)]
pub struct PlanTotals {
    /// CAPEX over the horizon.
    pub capex: Money,
    /// CAPEX of each cash-flow year 0..=horizon (year 0 is up front).
    pub capex_by_year: Vec<Money>,
    /// OPEX of a full year with every server present, energy included.
    pub opex_per_year: Money,
    pub energy_cost_per_year: Money,
    /// Cash flow of each year (negative = spending).
    pub cash_flows: Vec<Money>,
    pub npv_vs_air: Money,
    pub simple_payback_years: Option<f64>,
    pub discounted_payback_years: Option<f64>,
    pub irr: Option<f64>,
    /// IT and facility energy of a full year, every server present (before: all on air).
    pub it_energy: Energy,
    pub facility_energy: Energy,
    pub facility_energy_air: Energy,
    /// PUE after and before (all on air).
    pub pue: f64,
    pub pue_air: f64,
}

/// The plan of one hall.
#[derive(Clone, Debug, PartialEq)]
pub struct HallPlan {
    pub method: SearchMethod,
    /// Limits the hall has (air cooling and floor always; electrical and water when given).
    pub limits: Vec<LimitUse>,
    /// Every limit is met (false only when no choice of options fits; the plan then exceeds
    /// the limits as little as the search could).
    pub within_limits: bool,
    /// CDUs per liquid option the plan uses.
    pub cdus: Vec<PlanCdus>,
    /// The option every group of the hall takes, when they all take the same.
    pub uniform: Option<CoolingOption>,
    /// The enabling works the hall's plan needs (`docs/method.md` §5.1), in
    /// [`EnablingWork::ALL`] order.
    pub works: Vec<PlannedWork>,
    pub totals: PlanTotals,
}

/// An enabling work a hall's plan needs, as a priced line item with its lead time.
#[derive(Clone, Debug, PartialEq)]
pub struct PlannedWork {
    pub work: EnablingWork,
    /// What it adds: liquid heat (the extension), heat on air (the air-plant addition) or IT
    /// power at design (the electrical upgrade).
    pub size: Power,
    /// Its CAPEX item before contingency (`CostItem` of the same name).
    pub capex: Money,
    /// The calendar year the plan first needs it.
    pub needed_from: i32,
    pub lead_time: Time,
    /// The calendar year it comes into service, ordered at the start of the study: the
    /// first 1 January on or after the end of its lead time (`docs/method.md` §5.1).
    pub in_service: i32,
    /// It comes into service after `needed_from`: the groups that need it earlier wait.
    pub late: bool,
    /// The limit it raises and that limit's capacity (the plan's use is capacity + size);
    /// `None` for the facility-water extension (the hall has no facility water).
    pub raises: Option<(Limit, Power)>,
    /// The rack groups that need it (index in `Results::racks`): on a liquid option for the
    /// extension, with new servers for the addition and the upgrade.
    pub groups: Vec<usize>,
    /// Those of `groups` that need it before it is in service. On a liquid option they
    /// convert in the in-service year, on air until then (the cash flows say so); new
    /// servers waiting for an addition or upgrade are stated, their arrival is not moved.
    pub waiting: Vec<usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// Per rack group, in `Results::racks` order.
    pub groups: Vec<GroupChoice>,
    pub halls: Vec<HallPlan>,
    /// The option every group of the site takes, when they all take the same: the plan is
    /// then that "all …" column.
    pub uniform: Option<CoolingOption>,
    pub totals: PlanTotals,
}

impl Plan {
    /// Rack groups whose servers no option suits (the plan cannot place them).
    pub fn unplaced(&self) -> usize {
        self.groups.iter().filter(|g| g.option.is_none()).count()
    }
    /// Whether every hall meets its limits.
    pub fn within_limits(&self) -> bool {
        self.halls.iter().all(|h| h.within_limits)
    }
    /// Groups on each option: `(option, groups)`, options the plan uses only.
    pub fn groups_by_option(&self) -> Vec<(CoolingOption, usize)> {
        CoolingOption::ALL
            .into_iter()
            .map(|o| {
                let n = self.groups.iter().filter(|g| g.option == Some(o)).count();
                (o, n)
            })
            .filter(|(_, n)| *n > 0)
            .collect()
    }
}
