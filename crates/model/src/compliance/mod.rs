//! What a site says about the rules it is under and the heat it can sell: the optional
//! `compliance` profile (region, new or existing, scale, hub node, renewable share, the year
//! the plan must comply by) and heat customers (`heat_customer` on the site or a hall).
//!
//! Owns: these site fields and the built-in rule data ([`rules`]). Never touches: the
//! arithmetic of KPIs or of pass and fail (`coolplan_engine::kpi`, `::compliance`).

pub mod date;
pub mod rules;

use serde::{Deserialize, Serialize};

use coolplan_units::{Currency, EnergyUnit, Money, PowerQ, Price, TemperatureQ};
pub use date::Date;
pub use rules::{Limit, Metric, Rule, RuleBook, RuleKind, RuleSet};

/// The site's compliance profile: which rule sets apply and the inputs the KPIs need that the
/// engine cannot compute.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Compliance {
    /// Where the site is, as a code: `CN`, `CN-BJ` (a province), `DE`, another EU member
    /// state (`FR`, `NL`, …) or `OTHER` ([`Region`]).
    pub region: String,
    /// New build (including 改扩建, a rebuilt or expanded data centre) or existing.
    pub status: SiteStatus,
    /// When the site started operation (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`). Required for a new
    /// site; an existing site without it is taken as in operation before every cut-off date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commissioned: Option<Date>,
    /// Declared scale class (China: 大型 ≥ 3,000 standard racks, 超大型 ≥ 10,000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<Scale>,
    /// A national hub node of the 东数西算 network, if the site is in one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hub_node: Option<HubNode>,
    /// Share of the site's energy that is renewable (on-site, PPA or certificates), 0–1:
    /// the REF of every year.
    #[serde(default)]
    pub renewable_share: f64,
    /// Non-redundant electrical connected load of the whole site (EnEfG's size threshold);
    /// when left out, the design IT power times the air PUE is used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connected_load: Option<PowerQ>,
    /// Listings or markets the site aims at, whose eligibility rules then apply.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aims: Vec<Aim>,
    /// The plan must comply with every binding rule from this year on: the plan search
    /// then picks the best plan that does (`docs/method.md` §15).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comply_by: Option<u16>,
    /// Price of each kWh the site uses above a surcharge rule's PUE limit
    /// (E_DC − limit × E_IT), e.g. Beijing's differential electricity price. Left out:
    /// [`DEFAULT_SURCHARGE_CNY_PER_KWH`] for a site priced in CNY, none otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub surcharge_price: Option<Price<EnergyUnit>>,
    /// Identity fields of the EU reporting export (Delegated Regulation (EU) 2024/1364
    /// Annex I); left out, they are exported empty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reporting: Option<Reporting>,
}

impl Compliance {
    /// A profile that declares only its region and status; every other field at its default.
    pub fn declared(region: &str, status: SiteStatus) -> Self {
        Compliance {
            region: region.into(),
            status,
            commissioned: None,
            scale: None,
            hub_node: None,
            renewable_share: 0.0,
            connected_load: None,
            aims: Vec::new(),
            comply_by: None,
            surcharge_price: None,
            reporting: None,
        }
    }
}

/// [EST] Beijing's differential electricity price per kWh above the PUE limit of 1.35:
/// 0.20 CNY/kWh is the lower band of the one paraphrase read (zhaoxny.com: "超过标准限定值一倍
/// (含)以内" +0.20, "一倍以上" +0.50 CNY/kWh on "超限定值部分"); the clause itself was not read
/// (research/compliance/rules.md §11), so the price is a site input with this default. The
/// upper band (PUE beyond twice the limit) is not modelled.
pub const DEFAULT_SURCHARGE_CNY_PER_KWH: f64 = 0.20;

/// New or existing data centre.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum SiteStatus {
    Existing,
    /// New, rebuilt or expanded (新建及改扩建).
    New,
}

/// Scale classes as Chinese rules use them (declared, not computed: the class limits count
/// standard racks of 2.5 kW, which a site's racks are not).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Scale {
    /// 小型
    Small,
    /// 中型
    Medium,
    /// 大型, ≥ 3,000 standard racks.
    Large,
    /// 超大型, ≥ 10,000 standard racks.
    Hyperscale,
}

/// National hub nodes of the integrated computing network (东数西算).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum HubNode {
    /// 京津冀, 长三角, 粤港澳大湾区, 成渝.
    East,
    /// 内蒙古, 贵州, 甘肃, 宁夏.
    West,
}

/// What a site aims at, whose eligibility rules then apply to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Aim {
    /// China's national green data centre list (国家绿色数据中心).
    GreenDataCentreList,
    /// Serving Chinese public buyers (绿色数据中心政府采购需求标准).
    PublicProcurement,
}

/// Type of data centre by its main operation (EU 2024/1364 Annex I 1(d)).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum DcType {
    Enterprise,
    Colocation,
    CoHosting,
}

/// Identity fields of the EU report that the engine cannot know.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Reporting {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub owner: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub operator: String,
    /// Local Administrative Unit code (Eurostat LAU tables).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub location_code: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dc_type: Option<DcType>,
    /// Set point of the IT equipment's intake air.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub it_intake_setpoint: Option<TemperatureQ>,
}

/// A region code and the jurisdictions it lies in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Region {
    code: String,
}

/// Member states of the European Union (ISO 3166-1 alpha-2; Greece as `GR`).
pub const EU_MEMBERS: [&str; 27] = [
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
    "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
];

impl Region {
    /// A known code: `CN`, `CN-` and a two-letter province code, an EU member state, `EU`
    /// or `OTHER` (case-insensitive).
    pub fn parse(code: &str) -> Option<Region> {
        let code = code.trim().to_ascii_uppercase();
        let letters = |s: &str| s.len() == 2 && s.bytes().all(|b| b.is_ascii_uppercase());
        let known = code == "CN"
            || code == "EU"
            || code == "OTHER"
            || EU_MEMBERS.contains(&code.as_str())
            || code.strip_prefix("CN-").is_some_and(letters);
        known.then_some(Region { code })
    }
    pub fn code(&self) -> &str {
        &self.code
    }
    /// Whether a site here is under the rules of `jurisdiction` (a rule set's code): the
    /// region itself, the country of a province (`CN-BJ` is in `CN`), and the EU for a
    /// member state.
    pub fn is_within(&self, jurisdiction: &str) -> bool {
        let jurisdiction = jurisdiction.to_ascii_uppercase();
        self.code == jurisdiction
            || self
                .code
                .strip_prefix(&jurisdiction)
                .is_some_and(|rest| rest.starts_with('-'))
            || (jurisdiction == "EU" && EU_MEMBERS.contains(&self.code.as_str()))
    }
}

/// A taker of the liquid loops' heat (a district heating network, a building, a greenhouse).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeatCustomer {
    pub name: String,
    /// Temperature the customer needs its heat supplied at.
    pub supply_temp: TemperatureQ,
    /// Most heat the customer takes at any time (delivered heat).
    pub capacity: PowerQ,
    /// What the customer pays per delivered heat, e.g. `CNY_per_MWh(200)`.
    pub price: Price<EnergyUnit>,
    /// Coefficient of performance of the heat pump that lifts the loop's heat when the loop
    /// is colder than `supply_temp`; without one, such heat cannot be sold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heat_pump_cop: Option<f64>,
    /// Months (1–12) in which the customer takes heat; empty: all year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub months: Vec<u8>,
    /// First calendar year of supply; left out, the study's first year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_year: Option<u16>,
    /// One-off cost of the connection (heat exchanger, heat pump, pipe), spent the year
    /// before supply starts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capex: Option<Money>,
}

impl Compliance {
    /// The profile's region, when its code is known (validation reports one that is not).
    pub fn region(&self) -> Option<Region> {
        Region::parse(&self.region)
    }
    /// When the site started operation: its date, or the distant past for an existing site
    /// that does not say (validation requires the date of a new one).
    pub fn commissioned_or_default(&self) -> Date {
        self.commissioned.unwrap_or(Date::DISTANT_PAST)
    }
    /// The surcharge price per kWh above the limit in `currency`: the profile's, else the
    /// [EST] default for a site priced in CNY; `None` when neither applies.
    pub fn surcharge_per_kwh(&self, currency: Currency) -> Option<f64> {
        match self.surcharge_price {
            Some(price) if price.currency() == currency => Some(price.amount_per(EnergyUnit::kWh)),
            Some(_) => None,
            None => (currency == Currency::CNY).then_some(DEFAULT_SURCHARGE_CNY_PER_KWH),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_lie_in_their_country_and_union() {
        let beijing = Region::parse("cn-bj").unwrap();
        assert!(beijing.is_within("CN") && beijing.is_within("CN-BJ"));
        assert!(!beijing.is_within("CN-SH") && !beijing.is_within("EU"));
        let germany = Region::parse("DE").unwrap();
        assert!(germany.is_within("DE") && germany.is_within("EU") && !germany.is_within("CN"));
        assert!(Region::parse("FR").unwrap().is_within("EU"));
        assert!(!Region::parse("OTHER").unwrap().is_within("EU"));
        assert!(Region::parse("XX").is_none() && Region::parse("CN-BEIJING").is_none());
    }

    #[test]
    fn a_profile_reads_from_ron() {
        let text = r#"(
            region: "CN-BJ",
            status: Existing,
            commissioned: Some("2018-06"),
            scale: Some(Large),
            renewable_share: 0.2,
            aims: [GreenDataCentreList],
            comply_by: Some(2027),
        )"#;
        let profile: Compliance = ron::from_str(text).unwrap();
        assert_eq!(profile.commissioned.unwrap().to_string(), "2018-06-01");
        assert_eq!(profile.comply_by, Some(2027));
        assert!(profile.region().unwrap().is_within("CN"));
    }
}
