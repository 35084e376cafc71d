//! Server catalog: the models shipped in `assets/catalog.ron` plus a site's own.
//!
//! A site may add models, replace a shipped model by id, or override single fields of one
//! (`overrides`); [`Catalog::provenance`] tells which of these a model's figures came from,
//! and each model's [`Source`] list names the documents behind them. Aliases are the names
//! inventories use for a model (matched on import by `coolplan_io`).

mod source;

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::assumptions::Provenance;
use coolplan_units::{Currency, LengthQ, MassQ, Money, PowerQ, TimeQ};

pub use source::{Source, SourceTag, is_source_date};

/// The shipped catalog, compiled into the binary.
pub const BUILTIN_CATALOG_RON: &str = include_str!("../../../assets/catalog.ron");

/// What kind of machine a model is (used for plausibility warnings, tank sizing and the
/// default service life).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ServerKind {
    Cpu,
    Gpu,
    /// A rack-scale system sold as a whole rack (e.g. GB200 NVL72).
    RackScale,
    /// A storage server, array controller or disk shelf.
    Storage,
    /// A switch (a load of the hall, rarely liquid-cooled).
    Network,
}

/// Whether a model can be put in a single-phase immersion tank.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ImmersionCompat {
    Yes,
    /// After preparation: fans removed, thermal paste replaced, sealed drives.
    WithPrep,
    /// Not compatible (spinning disks, unsupported by the vendor).
    No,
}

/// How a model gets onto cold plates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum KitAvailability {
    /// A retrofit kit exists for installed servers.
    Retrofit,
    /// Only bought liquid-cooled from the factory (no retrofit of stock units).
    FactoryOnly,
    /// No cold-plate option.
    Unavailable,
}

/// One server model (or rack-scale system).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServerModel {
    /// Short id used by server groups, e.g. `hgx-h100`.
    pub id: String,
    pub name: String,
    pub vendor: String,
    pub kind: ServerKind,
    pub height: LengthQ,
    /// Maximum (design) power draw, used for sizing.
    pub max_power: PowerQ,
    /// Typical average draw as a share of max, used for energy.
    pub utilisation: f64,
    /// Share of server power drawn by its own fans.
    pub fan_share: f64,
    /// Share of server heat captured by cold plates.
    pub cold_plate_capture: f64,
    pub cold_plate: KitAvailability,
    /// Retrofit kit price per server, one entry per currency (itemised mode).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kit_cost: Vec<Money>,
    /// Factory liquid-cooled premium per server over the air-cooled SKU, per currency.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub factory_premium: Vec<Money>,
    pub immersion: ImmersionCompat,
    pub weight: MassQ,
    /// Years in use before replacement; [`ServerKind::default_service_life`] when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_life: Option<TimeQ>,
    /// Names inventories use for this model (NetBox device types, DMI product names,
    /// spreadsheet cells), matched on import after normalising.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Documents the figures come from. Shipped models have at least one; a site's own model
    /// may have none, and then its provenance is the site file.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

impl ServerModel {
    /// The service life: the model's own, else its kind's default.
    pub fn service_life(&self) -> TimeQ {
        self.service_life
            .unwrap_or_else(|| self.kind.default_service_life())
    }
    /// The distinct tags of the model's sources, strongest evidence first.
    pub fn source_tags(&self) -> Vec<SourceTag> {
        SourceTag::ALL
            .into_iter()
            .filter(|tag| self.sources.iter().any(|s| s.tag == *tag))
            .collect()
    }
    /// Kit price in `currency`, if the catalog gives one.
    pub fn kit_cost_in(&self, currency: Currency) -> Option<Money> {
        self.kit_cost
            .iter()
            .copied()
            .find(|m| m.currency == currency)
    }
    /// Factory premium in `currency`, if the catalog gives one.
    pub fn factory_premium_in(&self, currency: Currency) -> Option<Money> {
        self.factory_premium
            .iter()
            .copied()
            .find(|m| m.currency == currency)
    }
}

/// Single fields of a catalog model that a site changes (`overrides: [(id: "hgx-h100",
/// max_power: Some(kW(10.5)))]`); every field left out keeps the catalog's value. Aliases
/// and sources are added to the model's own (the site's sources listed first), since an
/// override changes some figures and the others still rest on the catalog's sources.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ModelOverride {
    /// Id of the model to change (shipped or the site's own).
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub height: Option<LengthQ>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_power: Option<PowerQ>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub utilisation: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fan_share: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cold_plate_capture: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cold_plate: Option<KitAvailability>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kit_cost: Option<Vec<Money>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub factory_premium: Option<Vec<Money>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub immersion: Option<ImmersionCompat>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weight: Option<MassQ>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_life: Option<TimeQ>,
    /// Names added to the model's aliases.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Sources of the changed figures, listed before the model's own.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

impl ModelOverride {
    /// `model` with this override's fields written over it.
    pub fn applied_to(&self, model: &ServerModel) -> ServerModel {
        let mut out = model.clone();
        macro_rules! take {
            ($($field:ident),+) => {$(
                if let Some(value) = &self.$field {
                    out.$field = value.clone();
                }
            )+};
        }
        take!(
            name,
            height,
            max_power,
            utilisation,
            fan_share,
            cold_plate_capture,
            cold_plate
        );
        take!(kit_cost, factory_premium, immersion, weight);
        if self.service_life.is_some() {
            out.service_life = self.service_life;
        }
        for alias in &self.aliases {
            if !out.aliases.contains(alias) {
                out.aliases.push(alias.clone());
            }
        }
        if !self.sources.is_empty() {
            out.sources.splice(0..0, self.sources.iter().cloned());
        }
        if !self.notes.is_empty() {
            out.notes = self.notes.clone();
        }
        out
    }
}

/// The file form of the shipped catalog.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogFile {
    pub schema_version: u32,
    pub models: Vec<ServerModel>,
}

/// Models by id with where each came from.
#[derive(Clone, Debug, Default)]
pub struct Catalog {
    models: Vec<ServerModel>,
    provenance: Vec<Provenance>,
    /// Hashed with the Fx hash (`rustc-hash`), not SipHash nor ordered: the engine looks a model
    /// up per server group of every rack group, and one short hash and one comparison beat both
    /// (ids come from the catalog and site files, so hash flooding is not a concern).
    index: FxHashMap<String, usize>,
}

impl Catalog {
    /// Parses a catalog file's text.
    pub fn parse(text: &str) -> Result<Catalog, ron::error::SpannedError> {
        let file: CatalogFile = ron::from_str(text)?;
        let mut catalog = Catalog::default();
        for model in file.models {
            catalog.insert(model, Provenance::Catalog);
        }
        Ok(catalog)
    }

    /// The catalog shipped in the binary.
    pub fn builtin() -> Catalog {
        Catalog::builtin_shared().clone()
    }

    /// The catalog shipped in the binary, parsed once and shared (no copy of its models).
    pub fn builtin_shared() -> &'static Catalog {
        static BUILTIN: OnceLock<Catalog> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            // Invariant: the shipped file parses; `tests` check it on every build, so a
            // failure here is a build defect, not user input.
            Catalog::parse(BUILTIN_CATALOG_RON).expect("assets/catalog.ron parses")
        })
    }

    /// This catalog with a site's models added (or replacing shipped ones of the same id),
    /// then the site's overrides of single fields applied. An override of an unknown id
    /// changes nothing here; validation reports it.
    pub fn with_site_models(
        mut self,
        site_models: &[ServerModel],
        overrides: &[ModelOverride],
    ) -> Catalog {
        for model in site_models {
            self.insert(model.clone(), Provenance::SiteFile);
        }
        for patch in overrides {
            if let Some(model) = self.get(&patch.id) {
                let changed = patch.applied_to(model);
                self.insert(changed, Provenance::SiteFile);
            }
        }
        self
    }

    fn insert(&mut self, model: ServerModel, provenance: Provenance) {
        if let Some(&i) = self.index.get(&model.id) {
            self.models[i] = model;
            self.provenance[i] = provenance;
        } else {
            self.index.insert(model.id.clone(), self.models.len());
            self.models.push(model);
            self.provenance.push(provenance);
        }
    }

    pub fn get(&self, id: &str) -> Option<&ServerModel> {
        self.index.get(id).map(|&i| &self.models[i])
    }
    /// Index of a model (engine kernels use indices, not strings).
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }
    pub fn by_index(&self, i: usize) -> &ServerModel {
        &self.models[i]
    }
    pub fn provenance(&self, id: &str) -> Option<&Provenance> {
        self.index.get(id).map(|&i| &self.provenance[i])
    }
    pub fn models(&self) -> &[ServerModel] {
        &self.models
    }
    pub fn len(&self) -> usize {
        self.models.len()
    }
    pub fn is_empty(&self) -> bool {
        self.models.is_empty()
    }
    /// The id closest to `query` by edit distance (suggestions for unknown ids).
    pub fn nearest_id(&self, query: &str) -> Option<&str> {
        let query = query.to_lowercase();
        self.models
            .iter()
            .filter_map(|m| {
                Some((
                    suggestion_distance(&m.id.to_lowercase(), &query)?,
                    m.id.as_str(),
                ))
            })
            .min()
            .map(|(_, id)| id)
    }
}

/// Longest text, in characters, that is compared for a "did you mean" suggestion: ids and
/// names are short, and the edit distance costs the product of the two lengths (a 65,536-
/// character CSV cell against every rack of a site would take minutes).
pub const MAX_SUGGEST_CHARS: usize = 64;

/// [`edit_distance`] for suggestions: `None` when either text is longer than
/// [`MAX_SUGGEST_CHARS`] (no suggestion is better than a stall).
pub fn suggestion_distance(a: &str, b: &str) -> Option<usize> {
    let short = |s: &str| s.chars().nth(MAX_SUGGEST_CHARS).is_none();
    (short(a) && short(b)).then(|| edit_distance(a, b))
}

/// Levenshtein distance over chars.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_without_models_of_its_own_shares_the_shipped_catalog() {
        let mut site = crate::generate::generate_site(3, 1);
        assert!(site.catalog.is_empty() && site.overrides.is_empty());
        let shared = site.catalog_shared();
        assert!(matches!(shared, std::borrow::Cow::Borrowed(_)));
        assert_eq!(shared.models(), site.catalog().models());
        // an override: the site's own copy, with the changed figure
        site.overrides.push(ModelOverride {
            id: "hgx-h100".into(),
            utilisation: Some(0.5),
            ..ModelOverride::default()
        });
        let own = site.catalog_shared();
        assert!(matches!(own, std::borrow::Cow::Owned(_)));
        assert_eq!(own.models(), site.catalog().models());
        assert_eq!(own.get("hgx-h100").map(|m| m.utilisation), Some(0.5));
        assert_ne!(own.models(), Catalog::builtin_shared().models());
    }

    #[test]
    fn every_model_is_found_by_its_id_and_only_by_it() {
        let catalog = Catalog::builtin();
        for (i, model) in catalog.models().iter().enumerate() {
            assert_eq!(catalog.index_of(&model.id), Some(i), "{}", model.id);
            assert_eq!(catalog.get(&model.id).map(|m| &m.id), Some(&model.id));
            // a prefix, an extension and a trailing NUL are other ids
            let mut longer = model.id.clone();
            longer.push('\0');
            for other in [
                &model.id[..model.id.len() - 1],
                &format!("{}x", model.id),
                &longer,
            ] {
                assert!(
                    catalog.get(other).is_none_or(|m| m.id == other),
                    "{other:?}"
                );
            }
        }
        assert!(catalog.get("").is_none());
        assert!(catalog.get("no-such-model").is_none());
    }

    #[test]
    fn builtin_catalog_parses_with_required_models() {
        let catalog = Catalog::parse(BUILTIN_CATALOG_RON).unwrap();
        for id in [
            "cpu-1u",
            "cpu-2u",
            "dgx-a100",
            "hgx-h100",
            "hgx-h20",
            "dgx-b200",
            "gb200-nvl72",
            "atlas-800t-a2",
            "mlu370-x8",
            "hygon-dcu",
        ] {
            assert!(catalog.get(id).is_some(), "missing {id}");
        }
        let h100 = catalog.get("hgx-h100").unwrap();
        assert!((h100.max_power.in_unit(coolplan_units::PowerUnit::kW) - 10.2).abs() < 1e-12);
    }

    #[test]
    fn the_shipped_catalog_covers_every_kind_with_sources_and_a_service_life() {
        let catalog = Catalog::builtin();
        assert!(catalog.len() >= 60, "{} models", catalog.len());
        for kind in ServerKind::ALL {
            assert!(
                catalog.models().iter().any(|m| m.kind == kind),
                "no {kind:?} model"
            );
        }
        for model in catalog.models() {
            assert!(!model.sources.is_empty(), "{} has no source", model.id);
            assert!(
                model.service_life.is_some(),
                "{} has no service life",
                model.id
            );
        }
    }

    /// docs/catalog.md lists every shipped model (its table is made from the catalog).
    #[test]
    fn the_catalog_page_lists_every_shipped_model() {
        let page = include_str!("../../../docs/catalog.md");
        let catalog = Catalog::builtin();
        for model in catalog.models() {
            assert!(
                page.contains(&format!("| `{}` |", model.id)),
                "docs/catalog.md lacks {}",
                model.id
            );
        }
        let (_, table) = page
            .split_once("## The models")
            .expect("the models section");
        let rows = table.lines().filter(|l| l.starts_with("| `")).count();
        assert_eq!(rows, catalog.len());
    }

    #[test]
    fn an_override_sets_the_service_life_and_adds_aliases_and_sources() {
        use coolplan_units::TimeUnit;
        let catalog = Catalog::builtin();
        let shipped = catalog.get("hgx-h100").unwrap().clone();
        let site_source = Source {
            title: "PDU export".into(),
            url: String::new(),
            date: "2026-10".into(),
            tag: SourceTag::Mfr,
            note: "metered peak".into(),
        };
        let patch = ModelOverride {
            id: "hgx-h100".into(),
            service_life: Some(coolplan_units::Qty::new(4.0, TimeUnit::year)),
            aliases: vec!["H100-BOX".into(), shipped.aliases[0].clone()],
            sources: vec![site_source.clone()],
            ..ModelOverride::default()
        };
        let changed = patch.applied_to(&shipped);
        assert_eq!(changed.service_life().in_unit(TimeUnit::year), 4.0);
        // Added once, after the model's own; a name it already has is not repeated.
        assert_eq!(changed.aliases.len(), shipped.aliases.len() + 1);
        assert_eq!(changed.aliases.last().unwrap(), "H100-BOX");
        assert_eq!(changed.sources[0], site_source);
        assert_eq!(changed.sources[1..], shipped.sources[..]);
    }

    #[test]
    fn a_model_without_a_service_life_takes_its_kinds() {
        let mut model = Catalog::builtin().get("nvidia-qm9700").unwrap().clone();
        model.service_life = None;
        assert_eq!(
            model.service_life(),
            ServerKind::Network.default_service_life()
        );
    }

    #[test]
    fn nearest_id_suggests_a_close_model() {
        assert_eq!(Catalog::builtin().nearest_id("hgx-h10"), Some("hgx-h100"));
    }
}
