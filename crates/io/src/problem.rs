//! A validation [`Problem`]: where in the site it is ([`Seg`] path), what is wrong
//! ([`Kind`], structured data) and how bad ([`Severity`]); worded in a language by the words
//! crate (`coolplan_words::say::validation`).

use coolplan_model::assumptions::AssumptionKey;
use coolplan_units::Currency;

/// Errors make a site invalid; warnings are suspicious but legal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// One step of the path to a value: `hall "B1" › rack "R07" › servers[2] › model`.
#[derive(Clone, Debug, PartialEq)]
pub enum Seg {
    Hall(String),
    Rack(String),
    Model(String),
    /// An assumption: `assumptions › prices › electricity` in the file.
    Assumption(AssumptionKey),
    /// A field as written in the file, e.g. `max_power`.
    Field(&'static str),
    /// An element of a list field, e.g. `servers[2]`.
    Item(&'static str, usize),
}

impl From<&'static str> for Seg {
    fn from(field: &'static str) -> Self {
        Seg::Field(field)
    }
}

impl From<AssumptionKey> for Seg {
    fn from(key: AssumptionKey) -> Self {
        Seg::Assumption(key)
    }
}

/// What is wrong, with the data a message needs. Numbers are kept as written (`kW(10.2)`
/// shows as `10.2 kW`) so the message quotes the user's own value.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    UnknownModel {
        id: String,
        nearest: Option<String>,
    },
    DuplicateHall(String),
    DuplicateRack(String),
    DuplicateModel(String),
    EmptyName,
    NotFinite(String),
    Negative(String),
    NotPositive(String),
    FractionOutOfRange(f64),
    BelowAbsoluteZero(String),
    RackOverfull {
        used_u: f64,
        height_u: f64,
    },
    YearOutOfRange(i64),
    CurrencyMismatch {
        found: Currency,
        site: Currency,
    },
    CountOverflow,
    TooManyRacks(u64),
    /// A value above what any real equipment reaches (a typing error such as kW for W).
    AbovePlausible {
        value: String,
        limit: String,
    },
    /// A number whose SI value is beyond [`MAX_SI_MAGNITUDE`]: no real value of any field.
    Huge(String),
    /// A value below what any real equipment has (it would multiply counts or energies).
    BelowPlausible {
        value: String,
        limit: String,
    },
    RackScaleNotAlone(String),
    UnknownPreset {
        key: String,
    },
    MonthlyLength(usize),
    HumidityOutOfRange(f64),
    PueBelowOne(f64),
    PeakBelowAverage {
        peak: String,
        average: String,
    },
    BadDate(String),
    /// A source's date that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    BadSourceDate(String),
    /// A source with neither a URL (or document id) nor a note saying what it rests on.
    SourceWithoutBasis,
    /// Another model of the same list already has this alias (after normalising).
    DuplicateAlias {
        alias: String,
        other: String,
    },
    HorizonOutOfRange(u32),
    /// CDUs tapped into chilled water in a hall whose air plant is DX (it has none).
    NoChilledWaterToTap,
    /// A rack group's cooling rule leaves it no option.
    CoolingExcludesAll,
    /// A rack group's cooling rule leaves it only options the site does not offer.
    CoolingRuleUnoffered,
    /// The site's `cooling_options` is an empty list.
    NoOptionOffered,
    /// The site's `cooling_options` leaves out air, the reference of every NPV.
    AirNotOffered,
    /// An entry of the `uncertainty` list (checked by `model::uncertainty::prepare`).
    Uncertainty(coolplan_model::uncertainty::prepare::UncertaintyError),
    /// A compliance region code coolplan does not know.
    UnknownRegion(String),
    /// A new site must say when it started (or starts) operation.
    NewSiteWithoutCommissioning,
    /// An aim listed twice.
    DuplicateAim(String),
    /// A heat pump's COP must exceed 1.
    CopAtMostOne(f64),
    MonthOutOfRange(u8),
    DuplicateMonth(u8),
    // warnings
    GpuUnderTwoKw(String),
    RackOver150Kw(String),
    UtilisationUnusual(f64),
    FloorAreaExceeded {
        need: String,
        have: String,
    },
    WaterAboveClass {
        supply: String,
        class: String,
        max: String,
    },
    EmptyRack,
    ArrivesBeforeStudy {
        year: u16,
        first_year: u16,
    },
    PueHigh(f64),
    /// The year the plan must comply by lies outside the study.
    ComplyByOutsideStudy {
        year: u16,
        first_year: u16,
        last_year: u16,
    },
    /// A cooling rule `Exclude([])` that excludes nothing.
    CoolingExcludesNothing,
    /// A cooling rule that names an option twice.
    CoolingListedTwice(coolplan_model::Cooling),
    /// The site's `cooling_options` names an option twice.
    OfferedTwice(coolplan_model::Cooling),
    ServiceLifeUnusual(String),
    /// A stock server group installed after the study's last year.
    InstalledAfterStudy {
        year: u16,
        last_year: u16,
    },
    /// An install year on new servers (they are installed in their arrival year).
    InstalledOnNewServers,
    /// An assumption key of an older energy model, still read but without effect.
    RetiredAssumption(&'static str),
}

/// Service lives outside this range, in years, draw a warning: servers are written off over
/// 3–6 years (tax and hyperscaler books) and rarely run past 10–12; below 2 or above 15 is
/// more likely a unit slip (`h` for `year`) than a plan.
pub const USUAL_SERVICE_LIFE_YEARS: std::ops::RangeInclusive<f64> = 2.0..=15.0;

/// Years a site may name (arrival of servers, first year of the study).
pub const YEAR_RANGE: std::ops::RangeInclusive<i64> = 2000..=2100;
/// More racks than this in one site is a typing error, not a fleet.
///
/// 10⁸: an order of magnitude above any national fleet (China: ≈ 20 M servers in a few
/// million racks, `sites/china-fleet.ron` uses 2 M); 10⁹ racks is refused.
pub const MAX_RACKS: u64 = 100_000_000;

/// Largest maximum power of one catalog model, kW.
///
/// A rack-scale model is one "server" filling its rack, so the model bound equals the rack
/// bound. The densest racks announced stay under 1 MW (NVIDIA Kyber NVL576 ≈ 600 kW for
/// 2027; OCP "Mt Diablo" 1 MW racks); 2 MW leaves headroom and still refuses a `kW(800)`
/// typed for `kW(0.8)` in a rack of 10 servers [EST].
pub const MAX_SERVER_KW: f64 = 2_000.0;
/// Largest power of one rack, kW: at maximum (Σ servers × max power) and measured. Same
/// source as [`MAX_SERVER_KW`] [EST].
pub const MAX_RACK_KW: f64 = 2_000.0;
/// Largest design IT power of a whole site (Σ racks × rack power at maximum), kW: 500 GW.
///
/// The world's data centres used 415 TWh in 2024 (IEA, *Energy and AI*, 2025), ≈ 47 GW on
/// average; China's stock fleet modelled in `sites/china-fleet.ron` is 20 GW. Ten times the
/// world's fleet is a typing error, and the bound keeps every energy, cost and count of the
/// engine finite [EST].
pub const MAX_SITE_KW: f64 = 500_000_000.0;
/// Largest measured PUE: the least efficient rooms surveyed run at 2.5–3 (a warning above
/// 3); a PUE of 10 means the facility burns nine times the IT load, which no running room
/// does, and it multiplies every energy and cost figure [EST].
pub const MAX_PUE: f64 = 10.0;
/// Largest SI value of any quantity in a site file (10¹⁵ W, m², kg, …): far above every
/// real value of every field (500 GW is the largest power a site may have), small enough that
/// products of a few of them stay finite.
pub const MAX_SI_MAGNITUDE: f64 = 1e15;
/// Largest price or money amount in a site file, in its currency: 10¹² (a trillion) of any
/// currency per kW, per kWh or per server is no real price, and with [`MAX_SITE_KW`] it keeps
/// every cost and NPV finite [EST].
pub const MAX_AMOUNT: f64 = 1e12;
/// Range of a custom CDU's capacity, kW: in-rack units start at 40 kW, facility units reach
/// 10 MW (`/work/shared/reference/engineering.md`, CDU form factors); 10 kW – 20 MW leaves
/// headroom both ways and bounds the CDU count of a hall [EST].
pub const CDU_CAPACITY_KW: std::ops::RangeInclusive<f64> = 10.0..=20_000.0;

impl Kind {
    pub fn severity(&self) -> Severity {
        use Kind::*;
        match self {
            GpuUnderTwoKw(_)
            | RackOver150Kw(_)
            | UtilisationUnusual(_)
            | FloorAreaExceeded { .. }
            | WaterAboveClass { .. }
            | EmptyRack
            | ArrivesBeforeStudy { .. }
            | PueHigh(_)
            | ComplyByOutsideStudy { .. }
            | CoolingExcludesNothing
            | CoolingListedTwice(_)
            | OfferedTwice(_)
            | ServiceLifeUnusual(_)
            | RetiredAssumption(_) => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

/// One problem found in a site.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub path: Vec<Seg>,
    pub kind: Kind,
}

impl Problem {
    pub fn severity(&self) -> Severity {
        self.kind.severity()
    }
    pub fn is_error(&self) -> bool {
        self.severity() == Severity::Error
    }
}
