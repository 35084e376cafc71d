//! The built-in compliance rules: data in `assets/compliance.ron`, compiled into the binary
//! like the catalog. One [`RuleSet`] per official document (versioned by the date of the
//! text it was read from, with its source and how it was verified); one [`Rule`] per
//! threshold, clause, scope and phase of that document.
//!
//! Only rules whose threshold and dates were verified are shipped; the rules left out and why
//! are listed in `docs/compliance.md`. Rules are plain data here: which apply to a site and
//! whether a plan passes is `coolplan_engine::compliance`.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::date::Date;
use super::{Aim, HubNode, Scale, SiteStatus};
use coolplan_units::{EnergyQ, PowerQ};

/// The shipped rule book, compiled into the binary.
pub const BUILTIN_RULES_RON: &str = include_str!("../../../../assets/compliance.ron");

/// The file form of the rule book.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleBook {
    pub schema_version: u32,
    pub sets: Vec<RuleSet>,
}

impl RuleBook {
    /// Parses a rule book's text.
    pub fn parse(text: &str) -> Result<RuleBook, ron::error::SpannedError> {
        ron::from_str(text)
    }
    /// The rule book shipped in the binary.
    pub fn builtin() -> &'static RuleBook {
        static BUILTIN: OnceLock<RuleBook> = OnceLock::new();
        // Invariant: the shipped file parses; `tests` check it on every build, so a failure
        // here is a build defect, not user input.
        BUILTIN.get_or_init(|| {
            RuleBook::parse(BUILTIN_RULES_RON).expect("assets/compliance.ron parses")
        })
    }
    /// Every rule with the set it belongs to, in file order.
    pub fn rules(&self) -> impl Iterator<Item = (&RuleSet, &Rule)> {
        self.sets
            .iter()
            .flat_map(|set| set.rules.iter().map(move |rule| (set, rule)))
    }
    /// The rule with this id, with its set.
    pub fn rule(&self, id: &str) -> Option<(&RuleSet, &Rule)> {
        self.rules().find(|(_, rule)| rule.id == id)
    }
}

/// One official document (law, regulation, plan, standard, notice) and the rules read in it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSet {
    /// Stable id, e.g. `de-enefg`.
    pub id: String,
    /// Where it applies: `EU`, `DE`, `CN`, `CN-BJ` (see [`super::Region::is_within`]).
    pub jurisdiction: String,
    pub title_en: String,
    pub title_zh: String,
    /// The title in the document's own language when that is neither English nor Chinese.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title_orig: String,
    /// Date of the text the rules were read from (signature, adoption or issue date).
    pub version: Date,
    pub source: Source,
    pub rules: Vec<Rule>,
}

/// Where a rule set's text comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Official number, e.g. `BGBl. 2023 I Nr. 309`, `发改环资〔2024〕970号`.
    pub doc_id: String,
    pub issuer: String,
    /// The official publication.
    pub url: String,
    /// Where the text was actually read when that is not `url` (a mirror or a quotation).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub read_via: String,
}

/// How a rule's threshold and dates were checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Verified {
    /// Read in the official text.
    Primary,
    /// Read verbatim in a faithful reproduction of the official text.
    PrimaryMirror,
    /// A secondary source quoting the official text verbatim.
    SecondaryQuoted,
    /// Two or more agreeing secondary summaries.
    Secondary,
}

/// What a rule is to a site.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum RuleKind {
    /// The site must meet it.
    Obligation,
    /// A price penalty applies while the site misses it.
    Surcharge,
    /// Needed for a listing, procurement or finance the site aims at ([`Aim`]).
    Eligibility,
    /// A national, regional or cluster goal: shown against the site, not a duty of the site.
    Target,
    /// Figures to report; no threshold.
    Reporting,
}

impl RuleKind {
    /// Whether a plan must meet it to comply (obligations, surcharges, and eligibility rules
    /// of an aim the site declares).
    pub fn binding(self) -> bool {
        matches!(
            self,
            RuleKind::Obligation | RuleKind::Surcharge | RuleKind::Eligibility
        )
    }
}

/// The figure a rule limits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Metric {
    /// E_DC / E_IT over a year (ISO/IEC 30134-2).
    Pue,
    /// PUE without the electricity of plant that only upgrades heat for export (EnEfG § 11(2)).
    PueWithoutHeatExport,
    /// 电能比 E / E_IT over a year (GB 40879-2021 formula (5)); the same ratio as PUE.
    ElectricEnergyRatio,
    /// Reused energy / E_DC (ISO/IEC 30134-6, EN 50600-4-6), a share 0–1.
    Erf,
    /// Renewable energy / E_DC (ISO/IEC 30134-3), a share 0–1: the site's renewable share.
    RenewableShare,
    /// Nothing to measure (a reporting duty).
    None,
}

/// The threshold.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Limit {
    /// value ≤ x
    AtMost(f64),
    /// value < x
    Below(f64),
    /// value ≥ x
    AtLeast(f64),
    /// value > x
    Above(f64),
    /// No threshold (reporting).
    Report,
}

impl Limit {
    /// Whether `value` meets the limit; `None` for [`Limit::Report`].
    pub fn passes(self, value: f64) -> Option<bool> {
        match self {
            Limit::AtMost(x) => Some(value <= x),
            Limit::Below(x) => Some(value < x),
            Limit::AtLeast(x) => Some(value >= x),
            Limit::Above(x) => Some(value > x),
            Limit::Report => None,
        }
    }
    /// Room to the threshold, positive when passing: x − value for upper limits,
    /// value − x for lower limits (`None` for reporting).
    pub fn margin(self, value: f64) -> Option<f64> {
        match self {
            Limit::AtMost(x) | Limit::Below(x) => Some(x - value),
            Limit::AtLeast(x) | Limit::Above(x) => Some(value - x),
            Limit::Report => None,
        }
    }
    /// The threshold, if any.
    pub fn threshold(self) -> Option<f64> {
        match self {
            Limit::AtMost(x) | Limit::Below(x) | Limit::AtLeast(x) | Limit::Above(x) => Some(x),
            Limit::Report => None,
        }
    }
}

/// How the rule's value is measured.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Basis {
    /// The site's operational annual average.
    AnnualAverage,
    /// The average over new builds of a country (a target).
    NewBuildAverage,
    /// The average over all data centres of a country (a target).
    NationalAverage,
    /// The average of a hub-node cluster (a target).
    ClusterAverage,
    /// The calendar year's total.
    CalendarYear,
    /// The text does not say (design or operation).
    Unspecified,
}

/// Which hub nodes a rule covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum HubRequirement {
    Any,
    East,
    West,
}

impl HubRequirement {
    pub fn admits(self, node: HubNode) -> bool {
        match self {
            HubRequirement::Any => true,
            HubRequirement::East => node == HubNode::East,
            HubRequirement::West => node == HubNode::West,
        }
    }
}

/// Which sites a rule covers; every condition given must hold (none given: every site of
/// the jurisdiction).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AppliesTo {
    /// New build (新建及改扩建) or existing only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<SiteStatus>,
    /// Sites that started operation on or after this date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commissioned_from: Option<Date>,
    /// Sites that started operation before this date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commissioned_before: Option<Date>,
    /// Installed IT power at least this (EU: 500 kW).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_it_power: Option<PowerQ>,
    /// Non-redundant electrical connected load of the whole site at least this (EnEfG: 300 kW).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_connected_load: Option<PowerQ>,
    /// Annual electricity use today at least this (Beijing: 5 GWh).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_annual_energy: Option<EnergyQ>,
    /// Declared scale class at least this.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_scale: Option<Scale>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hub_node: Option<HubRequirement>,
    /// Only for sites that declare this aim (listing, procurement).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aim: Option<Aim>,
}

/// One threshold of one document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Stable id, e.g. `de-enefg-11-1-existing-pue-1.5`.
    pub id: String,
    /// Where in the document, e.g. `§ 11 (1) Nr. 1`, `(二)`.
    pub clause: String,
    pub kind: RuleKind,
    #[serde(default)]
    pub applies_to: AppliesTo,
    pub metric: Metric,
    pub limit: Limit,
    /// First day the rule is in force.
    pub from: Date,
    /// Last day, when a later rule takes over.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Date>,
    /// Years after the site's commissioning before the rule is checked (EnEfG: 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grace_years: Option<u16>,
    pub basis: Basis,
    pub verified: Verified,
    /// What the text says, in its own language: its words in quotation marks where the
    /// research quoted them, else a close paraphrase.
    pub wording: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn the_shipped_rule_book_parses_with_unique_ids_and_sources() {
        let book = RuleBook::parse(BUILTIN_RULES_RON).unwrap();
        assert_eq!(book.schema_version, 1);
        let mut ids = HashSet::new();
        for set in &book.sets {
            assert!(ids.insert(set.id.clone()), "set {} twice", set.id);
            assert!(
                !set.source.doc_id.is_empty() && !set.source.url.is_empty(),
                "{}",
                set.id
            );
            assert!(
                !set.title_en.is_empty() && !set.title_zh.is_empty(),
                "{}",
                set.id
            );
            assert!(
                super::super::Region::parse(&set.jurisdiction).is_some(),
                "{}",
                set.id
            );
            for rule in &set.rules {
                assert!(ids.insert(rule.id.clone()), "rule {} twice", rule.id);
                assert!(!rule.wording.is_empty(), "{} has no wording", rule.id);
                assert_eq!(
                    rule.kind == RuleKind::Reporting,
                    rule.limit == Limit::Report,
                    "{}: reporting rules and only they have no threshold",
                    rule.id
                );
                assert_eq!(
                    rule.metric == Metric::None,
                    rule.limit == Limit::Report,
                    "{}",
                    rule.id
                );
                if let Some(until) = rule.until {
                    assert!(until >= rule.from, "{}", rule.id);
                }
            }
        }
    }

    #[test]
    fn limits_pass_and_fail_at_their_threshold() {
        // inclusive limits pass at the threshold, strict ones fail there
        assert_eq!(Limit::AtMost(1.5).passes(1.5), Some(true));
        assert_eq!(Limit::Below(1.3).passes(1.3), Some(false));
        assert_eq!(Limit::AtLeast(0.1).passes(0.1), Some(true));
        assert_eq!(Limit::Above(0.8).passes(0.8), Some(false));
        assert_eq!(Limit::Report.passes(1.0), None);
        // margin: 1.5 − 1.42 = 0.08 of room; 0.07 − 0.10 = −0.03 short
        assert!((Limit::AtMost(1.5).margin(1.42).unwrap() - 0.08).abs() < 1e-12);
        assert!((Limit::AtLeast(0.1).margin(0.07).unwrap() + 0.03).abs() < 1e-12);
    }
}
