//! The site model: plain data of what a site file holds (`docs/site-format.md`).
//!
//! Owns: [`Site`], halls, rack groups, server groups, the server [`catalog`], climate
//! references and [`assumptions`]. Never touches: files, egui, the engine. Every physical
//! value is a [`coolplan_units::Qty`] (uom inside), money a [`coolplan_units::Money`].

pub mod assumptions;
pub mod catalog;
pub mod climate;
pub mod compliance;
pub mod cooling;
pub mod fluids;
pub mod generate;
pub mod hall_plant;
pub mod lifecycle;
pub mod uncertainty;

use serde::{Deserialize, Serialize};

pub use assumptions::Assumptions;
pub use catalog::{Catalog, ImmersionCompat, KitAvailability, ModelOverride, ServerModel};
pub use climate::ClimateSource;
pub use compliance::{Compliance, HeatCustomer};
pub use cooling::{Cooling, CoolingRule};
use coolplan_units::{AreaQ, Currency, FloorLoadQ, LengthQ, PowerQ, TemperatureQ, TimeQ};
pub use hall_plant::{AirPlant, CalibrationSplit, HeatRejection, UpsCurve, UpsRedundancy};
pub use lifecycle::Refresh;

/// The schema version this build writes. Older files are migrated on load.
pub const SCHEMA_VERSION: u32 = 1;

/// A site: everything one file describes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Site {
    pub schema_version: u32,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    pub currency: Currency,
    /// Date printed on reports (ISO `YYYY-MM-DD`); reports are dated only from here or `--date`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report_date: Option<String>,
    /// Author printed in the report's document control (`--author` overrides it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report_author: Option<String>,
    /// Revision printed in the report's document control, e.g. `B` (`--revision` overrides).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report_revision: Option<String>,
    pub location: Location,
    #[serde(default)]
    pub cost_mode: CostMode,
    #[serde(default, skip_serializing_if = "Assumptions::is_empty")]
    pub assumptions: Assumptions,
    /// Models this site adds to the shipped catalog, or replaces by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub catalog: Vec<ServerModel>,
    /// Single fields of catalog models this site changes, by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub overrides: Vec<ModelOverride>,
    pub halls: Vec<Hall>,
    /// Uncertain inputs and their ranges (sensitivity and Monte Carlo), see [`uncertainty`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub uncertainty: Vec<uncertainty::Uncertain>,
    /// Region, status and targets of the site for the compliance rules and KPIs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compliance: Option<Compliance>,
    /// A taker of the liquid loops' heat shared by every hall without its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heat_customer: Option<HeatCustomer>,
    /// What replaces a server group when its servers retire, unless the group says
    /// (default [`Refresh::LikeForLike`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh: Option<Refresh>,
    /// The cooling options this site considers (`None`: every option the engine knows).
    /// Air is always among them: it is the reference every NPV is measured against.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cooling_options: Option<Vec<Cooling>>,
}

/// Where the site is and which climate drives free cooling.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Location {
    pub name: String,
    pub climate: ClimateSource,
}

/// How CAPEX is estimated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum CostMode {
    /// All-in price per kW per technology (analysts' and the seed's method).
    #[default]
    PerKw,
    /// Itemised: kits, manifolds, CDUs, piping, tanks, fluid, labour, downtime, floor.
    Itemised,
}

/// A data hall.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hall {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    pub floor: Floor,
    /// Usable white-space area.
    pub area: AreaQ,
    /// Installed air-cooling capacity (sensible, N of the N+1 units).
    pub air_cooling_capacity: PowerQ,
    /// Facility water to the hall, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facility_water: Option<FacilityWater>,
    /// PUE measured over a year, used to calibrate the existing plant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measured_pue: Option<f64>,
    /// How the excess of `measured_pue` over the model is split (default `Uniform`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calibration_split: Option<CalibrationSplit>,
    /// A taker of this hall's liquid heat (else the site's customer, if any).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heat_customer: Option<HeatCustomer>,
    /// Electrical capacity for IT: the IT power the hall's feed, UPS and distribution can carry
    /// at design. The plan's IT power at max draw stays within it (unset: no limit), and the
    /// UPS and PDUs are rated from it for their losses (unset: the larger of the air-cooling
    /// capacity and the racks' design IT on air).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub it_capacity: Option<PowerQ>,
    /// The air plant (default: chilled water, cooling tower, waterside economiser).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plant: Option<AirPlant>,
    /// UPS redundancy (default: 2N for chilled-water plants, N for DX CRAC rooms).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ups_redundancy: Option<UpsRedundancy>,
    /// UPS loss curve (default `Legacy`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ups_curve: Option<UpsCurve>,
    /// Enabling works this hall cannot have built (e.g. a roof that cannot take a dry cooler
    /// forbids the facility-water extension); every other work may be priced in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub forbidden_works: Vec<EnablingWork>,
    pub racks: Vec<Rack>,
}

/// An enabling work: what a hall must have built before an option runs (`docs/method.md` §5.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EnablingWork {
    /// A new facility-water loop (dry cooler, pumps, piping) for a hall without one.
    FacilityWaterExtension,
    /// Air-plant capacity (CRAHs and chillers) for heat on air beyond the hall's capacity.
    AirPlantAddition,
    /// UPS modules, busway and PDUs for IT beyond the hall's electrical capacity.
    ElectricalUpgrade,
}

impl EnablingWork {
    pub const ALL: [EnablingWork; 3] = [
        EnablingWork::FacilityWaterExtension,
        EnablingWork::AirPlantAddition,
        EnablingWork::ElectricalUpgrade,
    ];
}

impl Hall {
    /// A hall with its floor, area and air-cooling capacity and nothing else: no notes,
    /// facility water, measured PUE, plant, UPS or electrical figures, heat customer,
    /// forbidden works or racks (each at its documented default).
    pub fn bare(name: &str, floor: Floor, area: AreaQ, air_cooling_capacity: PowerQ) -> Self {
        Hall {
            name: name.to_string(),
            notes: String::new(),
            floor,
            area,
            air_cooling_capacity,
            facility_water: None,
            measured_pue: None,
            calibration_split: None,
            heat_customer: None,
            forbidden_works: Vec::new(),
            it_capacity: None,
            plant: None,
            ups_redundancy: None,
            ups_curve: None,
            racks: Vec::new(),
        }
    }
    /// Whether `work` may be built in this hall (not in `forbidden_works`).
    pub fn allows(&self, work: EnablingWork) -> bool {
        !self.forbidden_works.contains(&work)
    }
    /// The air plant, its default when not given.
    pub fn air_plant(&self) -> AirPlant {
        self.plant.unwrap_or_default()
    }
    /// The UPS redundancy, by plant type when not given.
    pub fn ups(&self) -> UpsRedundancy {
        self.ups_redundancy
            .unwrap_or_else(|| self.air_plant().default_ups())
    }
}

/// The floor racks and tanks stand on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Floor {
    pub kind: FloorKind,
    /// Distributed load rating.
    pub rating: FloorLoadQ,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FloorKind {
    Raised,
    Slab,
}

/// Facility water available to a hall.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FacilityWater {
    /// ASHRAE liquid-cooling class (W17, W27, W32, W40, W45, Wplus).
    pub class: WaterClass,
    /// Design supply temperature.
    pub supply_temp: TemperatureQ,
    /// Where the liquid heat goes (default: a dry cooler with a trim chiller).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heat_rejection: Option<HeatRejection>,
    /// Heat the facility water can take from this hall at design, if known: a limit the
    /// plan's liquid heat stays within.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity: Option<PowerQ>,
}

/// ASHRAE TC 9.9 liquid-cooling classes; the number is the maximum supply in °C.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum WaterClass {
    W17,
    W27,
    W32,
    W40,
    W45,
    Wplus,
}

impl WaterClass {
    /// Maximum facility supply temperature of the class, °C (W+ is open-ended: 60 °C used).
    pub fn max_supply_deg_c(self) -> f64 {
        match self {
            WaterClass::W17 => 17.0,
            WaterClass::W27 => 27.0,
            WaterClass::W32 => 32.0,
            WaterClass::W40 => 40.0,
            WaterClass::W45 => 45.0,
            WaterClass::Wplus => 60.0,
        }
    }
}

/// A group of identical racks (`count` of them: one rack, a row, or a national fleet).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rack {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(default = "one")]
    pub count: u64,
    /// Usable height.
    pub height: LengthQ,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,
    /// Share of the group that is converted (fleet sizing; 1 = all of it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retrofit_share: Option<f64>,
    pub servers: Vec<ServerGroup>,
    /// Metered power of one rack of the group; replaces nameplate × utilisation when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measured: Option<MeasuredPower>,
    /// Options the group may take, when the engineer rules some in or out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cooling: Option<CoolingRule>,
}

/// Power metered at a rack's PDUs (per rack).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeasuredPower {
    /// Average over the metering period: replaces max × utilisation for energy.
    pub average: PowerQ,
    /// Peak over the period: replaces the nameplate sum for sizing.
    pub peak: PowerQ,
    /// Where and when it was measured, e.g. "PDU export 2026-10".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
}

fn one() -> u64 {
    1
}

impl Rack {
    /// Share converted, 1 when not given.
    pub fn share(&self) -> f64 {
        self.retrofit_share.unwrap_or(1.0)
    }
    /// Whether the group may take `option` (every option when it has no rule).
    pub fn allows(&self, option: Cooling) -> bool {
        self.cooling.as_ref().is_none_or(|rule| rule.allows(option))
    }
}

/// Where a rack (the first of its group) stands on the floor map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Position {
    pub row: String,
    pub slot: u32,
}

/// Servers of one catalog model in each rack of a group.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServerGroup {
    /// Catalog id.
    pub model: String,
    pub count: u32,
    pub status: Status,
    /// Year a stock group was installed (default: the study's first year, see
    /// [`lifecycle`]); a new group is installed in its arrival year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub installed: Option<u16>,
    /// Years in use before replacement; the catalog model's when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_life: Option<TimeQ>,
    /// What replaces the group at retirement; the site's policy when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh: Option<Refresh>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

impl ServerGroup {
    /// `count` servers of `model` per rack, `status`, everything else left to its default
    /// (installed, service life and refresh from the site; no notes).
    pub fn new(model: impl Into<String>, count: u32, status: Status) -> ServerGroup {
        ServerGroup {
            model: model.into(),
            count,
            status,
            installed: None,
            service_life: None,
            refresh: None,
            notes: String::new(),
        }
    }
}

/// Whether servers are installed now or arrive new in a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    /// Installed, air-cooled: a liquid option retrofits them.
    Stock,
    /// Bought in that year: a liquid option buys them liquid-ready.
    New(u16),
}

impl Site {
    /// Total racks over all groups (saturating: validation rejects overflowing counts).
    pub fn rack_count(&self) -> u64 {
        self.halls
            .iter()
            .flat_map(|h| &h.racks)
            .fold(0u64, |sum, r| sum.saturating_add(r.count))
    }
    /// Number of rack groups.
    pub fn rack_group_count(&self) -> usize {
        self.halls.iter().map(|h| h.racks.len()).sum()
    }
    /// Whether the site considers `option` (every option when it lists none).
    pub fn offers(&self, option: Cooling) -> bool {
        self.cooling_options
            .as_ref()
            .is_none_or(|offered| offered.contains(&option))
    }
    /// The catalog this site sees: shipped models with the site's own added or replaced.
    pub fn catalog(&self) -> Catalog {
        Catalog::builtin().with_site_models(&self.catalog, &self.overrides)
    }
    /// [`Site::catalog`], borrowing the shipped catalog when the site adds and overrides no
    /// model (the same models, without copying them).
    pub fn catalog_shared(&self) -> std::borrow::Cow<'static, Catalog> {
        if self.catalog.is_empty() && self.overrides.is_empty() {
            std::borrow::Cow::Borrowed(Catalog::builtin_shared())
        } else {
            std::borrow::Cow::Owned(self.catalog())
        }
    }
}
