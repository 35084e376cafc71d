//! [`Reason`]: why an option is infeasible, why one is recommended, or what to watch —
//! structured data (quantities, names, limits) that each shell words in its language.

use uom::si::f64::{Area, ArealMassDensity, Power, ThermodynamicTemperature, VolumeRate};

use super::{Amount, CoolingOption, Limit};
use coolplan_units::Money;

/// Why an option is infeasible, why one is recommended, or what to watch.
#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    /// Rack density above what air can cool (new load on air above the guideline).
    AirDensity { per_rack: Power, limit: Power },
    /// Warning: the rack carries on air today more than the air guideline, and keeps no more
    /// than that on air (feasible: with a measured PUE the calibration already prices it).
    AboveAirGuideline { per_rack: Power, limit: Power },
    /// Heat left on air in a hall exceeds the hall's air-cooling capacity.
    AirCapacity {
        heat_to_air: Power,
        capacity: Power,
        /// Airflow the heat on air needs, and the air plant's (its capacity at the same rise).
        airflow: VolumeRate,
        airflow_capacity: VolumeRate,
    },
    /// Equipment loads the floor beyond its rating.
    FloorLoad {
        load: ArealMassDensity,
        rating: ArealMassDensity,
    },
    /// Equipment needs more floor than the hall has.
    FloorSpace { needed: Area, available: Area },
    /// IT power at max draw exceeds the hall's electrical capacity for IT.
    ElectricalCapacity { it_design: Power, capacity: Power },
    /// Liquid heat exceeds what the hall's facility water can take.
    WaterCapacity {
        heat_to_liquid: Power,
        capacity: Power,
    },
    /// Warning: today's installed load already exceeds a hall limit as written; the limit is
    /// taken as today's use (what runs today is feasible), and only added load must fit.
    OverLimitToday {
        limit: Limit,
        today: Amount,
        capacity: Amount,
    },
    /// A rack's liquid heat exceeds one CDU's capacity (no unit can take it whole).
    CduTooSmall { per_rack: Power, capacity: Power },
    /// A server model cannot be immersed.
    NotImmersionCompatible { model: String },
    /// A server model can be immersed only after preparation (warning, priced in itemised mode).
    ImmersionNeedsPrep { model: String },
    /// A server model has no cold-plate option.
    NoColdPlateKit { model: String },
    /// Installed servers of a model that is only sold liquid-cooled cannot be retrofitted.
    FactoryOnly { model: String },
    /// The site file's cooling rule for this rack group rules the option out
    /// (`cooling: Force(..)` / `Exclude(..)`).
    RuledOut { group: String },
    /// The site does not offer the option (`cooling_options` of the site file).
    NotOffered,
    /// The hall has no facility water for a liquid loop.
    NoFacilityWater,
    /// Warning: the hall's column needs an enabling work for `excess` over the limit it
    /// raises, and pays for it (`docs/method.md` §5.1); ordered at the study's start it is in
    /// service from the calendar year `in_service`.
    NeedsWork {
        work: coolplan_model::EnablingWork,
        excess: Power,
        in_service: i32,
    },
    /// The facility water supply is warmer than the class allows or the loop needs.
    WaterTooWarm {
        supply: ThermodynamicTemperature,
        max: ThermodynamicTemperature,
    },
    /// A rear door's water would be below the room's dew point plus margin (condensate).
    DoorBelowDewPoint {
        supply: ThermodynamicTemperature,
        min: ThermodynamicTemperature,
    },
    /// A rear door's water is warmer than the rack inlet air it must return.
    DoorWaterTooWarm {
        supply: ThermodynamicTemperature,
        max: ThermodynamicTemperature,
    },
    /// The technology loop behind liquid-to-air CDUs (rack inlet air + their approach) is
    /// warmer than cold plates accept.
    L2aLoopTooWarm {
        supply: ThermodynamicTemperature,
        max: ThermodynamicTemperature,
    },
    /// Recommendation: best NPV against air, with the margin to the runner-up.
    BestNpv {
        npv: Money,
        runner_up: Option<CoolingOption>,
        margin: Option<Money>,
    },
    /// Recommendation: payback time of the recommended option.
    Payback { years: f64 },
    /// Recommendation: the only feasible option.
    OnlyFeasible,
    /// Recommendation: nothing pays back against air, so air stays.
    AirCheapest,
}
