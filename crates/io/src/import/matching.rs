//! Device type names from a DCIM or spreadsheet → catalog model ids.
//!
//! A name is normalised (lower case, punctuation and spaces dropped, vendor and product-family
//! words such as `NVIDIA`, `Dell`, `PowerEdge` removed), then compared with the catalog's ids and
//! names and with a small alias table of common server names. No match is never guessed: the
//! caller lists the row for review with the nearest model as a suggestion.

use std::collections::HashMap;

use coolplan_model::Catalog;
use coolplan_model::catalog::suggestion_distance;

/// Words dropped before comparing: vendors and product families (they never decide the model).
const NOISE_WORDS: &[&str] = &[
    "nvidia",
    "dell",
    "emc",
    "hpe",
    "hp",
    "lenovo",
    "inspur",
    "huawei",
    "xfusion",
    "supermicro",
    "cambricon",
    "hygon",
    "sugon",
    "h3c",
    "poweredge",
    "proliant",
    "thinksystem",
    "fusionserver",
    "uniserver",
    "server",
    "gpu",
    "浪潮",
    "华为",
    "超聚变",
    "寒武纪",
    "海光",
    "曙光",
    "新华三",
    "服务器",
];

/// Common server names → catalog ids. Keys are normalised; a key matches a name that equals
/// it or starts with it (so `r650xs` and `dl360gen10` land on their families).
const ALIASES: &[(&str, &str)] = &[
    ("dgxh100", "hgx-h100"),
    ("hgxh100", "hgx-h100"),
    ("h1008", "hgx-h100"),
    ("dgxa100", "dgx-a100"),
    ("hgxa100", "dgx-a100"),
    ("hgxh20", "hgx-h20"),
    ("h208", "hgx-h20"),
    ("dgxb200", "dgx-b200"),
    ("hgxb200", "dgx-b200"),
    ("gb200nvl72", "gb200-nvl72"),
    ("nvl72", "gb200-nvl72"),
    ("atlas800ta2", "atlas-800t-a2"),
    ("atlas8009000", "atlas-800t-a2"),
    ("mlu370x8", "mlu370-x8"),
    ("dcuz100", "hygon-dcu"),
    ("r630", "cpu-1u"),
    ("r640", "cpu-1u"),
    ("r650", "cpu-1u"),
    ("r660", "cpu-1u"),
    ("dl360", "cpu-1u"),
    ("sr630", "cpu-1u"),
    ("nf5180", "cpu-1u"),
    ("1288h", "cpu-1u"),
    ("r4700", "cpu-1u"),
    ("r730", "cpu-2u"),
    ("r740", "cpu-2u"),
    ("r750", "cpu-2u"),
    ("r760", "cpu-2u"),
    ("dl380", "cpu-2u"),
    ("sr650", "cpu-2u"),
    ("nf5280", "cpu-2u"),
    ("2288h", "cpu-2u"),
    ("r4900", "cpu-2u"),
];

/// How a name was matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ModelMatch {
    /// The name is the id, or the catalog name, once normalised.
    Exact(String),
    /// Through the alias table or a user assignment (shown in the preview).
    Alias(String),
    /// Not in the catalog; the nearest model as a suggestion.
    Unmatched { nearest: String },
}

/// Matches names against one catalog; caches results (a fleet repeats a few names).
pub struct ModelMatcher<'a> {
    catalog: &'a Catalog,
    by_key: HashMap<String, String>,
    assigned: HashMap<String, String>,
    cache: HashMap<String, ModelMatch>,
    /// Unknown names still to get a suggestion (see [`MAX_SUGGESTIONS`]).
    suggestions_left: usize,
}

/// Distinct unknown names given a "nearest" suggestion per import; the rest get none, so a
/// file of 100,000 different unknown names does not cost 100,000 catalog scans.
pub const MAX_SUGGESTIONS: usize = 1_000;

impl<'a> ModelMatcher<'a> {
    /// `assigned`: names the user mapped by hand (device type text → catalog id).
    pub fn new(catalog: &'a Catalog, assigned: &HashMap<String, String>) -> Self {
        let mut by_key = HashMap::new();
        for model in catalog.models() {
            by_key.insert(normalise(&model.name), model.id.clone());
            by_key.insert(normalise(&model.id), model.id.clone());
        }
        let assigned = assigned
            .iter()
            .filter(|(_, id)| catalog.get(id).is_some())
            .map(|(name, id)| (normalise(name), id.clone()))
            .collect();
        Self {
            catalog,
            by_key,
            assigned,
            cache: HashMap::new(),
            suggestions_left: MAX_SUGGESTIONS,
        }
    }

    /// The catalog model a device type name (with its manufacturer, if known) stands for.
    pub fn find(&mut self, name: &str, manufacturer: &str) -> ModelMatch {
        let cache_key = format!("{manufacturer}\u{1f}{name}");
        if let Some(hit) = self.cache.get(&cache_key) {
            return hit.clone();
        }
        let result = self.lookup(name, manufacturer);
        self.cache.insert(cache_key, result.clone());
        result
    }

    fn lookup(&mut self, name: &str, manufacturer: &str) -> ModelMatch {
        let key = normalise(name);
        if let Some(id) = self.assigned.get(&key) {
            return ModelMatch::Alias(id.clone());
        }
        if let Some(id) = self.by_key.get(&key) {
            return ModelMatch::Exact(id.clone());
        }
        let with_vendor = normalise(&format!("{manufacturer} {name}"));
        if let Some(id) = self.by_key.get(&with_vendor) {
            return ModelMatch::Exact(id.clone());
        }
        let alias = ALIASES
            .iter()
            .filter(|(alias, id)| extends(&key, alias) && self.catalog.get(id).is_some())
            .max_by_key(|(alias, _)| alias.len());
        if let Some((_, id)) = alias {
            return ModelMatch::Alias((*id).to_string());
        }
        let nearest = if self.suggestions_left > 0 {
            self.suggestions_left -= 1;
            self.nearest(&key)
        } else {
            String::new()
        };
        ModelMatch::Unmatched { nearest }
    }

    /// The catalog id whose id, name or alias is closest to `key` by edit distance.
    fn nearest(&self, key: &str) -> String {
        let aliases = ALIASES.iter().map(|(k, id)| ((*k).to_string(), *id));
        let own = self.by_key.iter().map(|(k, id)| (k.clone(), id.as_str()));
        own.chain(aliases)
            .filter(|(_, id)| self.catalog.get(id).is_some())
            .filter_map(|(k, id)| Some((suggestion_distance(&k, key)?, id)))
            .min()
            .map(|(_, id)| id.to_string())
            .unwrap_or_default()
    }
}

/// True when `key` is `alias` or continues it with a non-digit (`r650xs` yes, `hgxh200` no:
/// H200 is not H20).
fn extends(key: &str, alias: &str) -> bool {
    key.strip_prefix(alias)
        .is_some_and(|rest| !rest.starts_with(|c: char| c.is_ascii_digit()))
}

/// Lower case, vendor words and punctuation removed, no spaces: `NVIDIA DGX H100` → `dgxh100`.
pub fn normalise(name: &str) -> String {
    let lower = name.to_lowercase();
    let spaced: String = lower
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let mut key = String::with_capacity(spaced.len());
    for word in spaced.split_whitespace() {
        let mut word = word.to_string();
        for noise in NOISE_WORDS.iter().filter(|n| !n.is_ascii()) {
            word = word.replace(noise, "");
        }
        if !NOISE_WORDS.contains(&word.as_str()) {
            key.push_str(&word);
        }
    }
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(name: &str, vendor: &str) -> ModelMatch {
        let catalog = Catalog::builtin();
        ModelMatcher::new(&catalog, &HashMap::new()).find(name, vendor)
    }

    #[test]
    fn names_match_ids_catalog_names_and_aliases() {
        assert_eq!(find("hgx-h100", ""), ModelMatch::Exact("hgx-h100".into()));
        assert_eq!(
            find("DGX H100", "NVIDIA"),
            ModelMatch::Alias("hgx-h100".into())
        );
        assert_eq!(
            find("PowerEdge R650", "Dell"),
            ModelMatch::Alias("cpu-1u".into())
        );
        assert_eq!(
            find("ProLiant DL380 Gen10", "HPE"),
            ModelMatch::Alias("cpu-2u".into())
        );
        assert_eq!(
            find("Atlas 800T A2", "Huawei"),
            ModelMatch::Exact("atlas-800t-a2".into())
        );
        assert_eq!(
            find("PowerEdge R650xs", "Dell"),
            ModelMatch::Alias("cpu-1u".into())
        );
        assert_eq!(
            find("Huawei Atlas 800T A2 (8× Ascend 910B)", ""),
            ModelMatch::Exact("atlas-800t-a2".into())
        );
    }

    #[test]
    fn an_unknown_name_gets_a_suggestion_not_a_guess() {
        // H200 is not H20: the alias `hgxh20` must not swallow `hgxh200`.
        match find("HGX H200", "NVIDIA") {
            ModelMatch::Unmatched { nearest } => assert!(
                nearest.starts_with("hgx-h") || nearest == "dgx-b200",
                "{nearest}"
            ),
            other => panic!("{other:?}"),
        }
        match find("Nettrix X640 G40", "") {
            ModelMatch::Unmatched { nearest } => {
                assert!(Catalog::builtin().get(&nearest).is_some())
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn assignments_win() {
        let catalog = Catalog::builtin();
        let assigned = HashMap::from([("Custom Box 9".to_string(), "cpu-2u".to_string())]);
        let mut matcher = ModelMatcher::new(&catalog, &assigned);
        assert_eq!(
            matcher.find("custom box 9", ""),
            ModelMatch::Alias("cpu-2u".into())
        );
    }
}
