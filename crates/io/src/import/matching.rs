//! Device type names from a DCIM or spreadsheet → catalog model ids.
//!
//! A name is normalised (lower case, punctuation and spaces dropped, vendor and product-family
//! words such as `NVIDIA`, `Dell`, `PowerEdge` removed), then compared with every model's id,
//! name and aliases (the catalog's data: `aliases` of each model, a site's own models
//! winning over shipped ones). A name that continues a known one with a letter (`R650xs`,
//! `R4900 G3/RS33M2C9SA`) or carries a bracketed suffix (`SR650 -[7X06CTO1WW]-`,
//! `I620-G30 (98001156)`) lands on that model. No match is never guessed: the caller lists
//! the row for review with the nearest model of the same vendor as a suggestion.

use std::collections::HashMap;

use coolplan_model::assumptions::Provenance;
use coolplan_model::catalog::suggestion_distance;
use coolplan_model::{Catalog, ServerModel};

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

/// Manufacturer words → the vendor they stand for, to suggest a model of the same vendor.
/// ASCII words must be whole words of the manufacturer text (`HP`, not the `hp` in `Chpt`);
/// Chinese names may be part of it. Mellanox is NVIDIA's; NetBox files xFusion under Huawei.
const VENDOR_WORDS: &[(&str, &str)] = &[
    ("dell", "dell"),
    ("hpe", "hpe"),
    ("hp", "hpe"),
    ("hewlett", "hpe"),
    ("lenovo", "lenovo"),
    ("联想", "lenovo"),
    ("inspur", "inspur"),
    ("浪潮", "inspur"),
    ("h3c", "h3c"),
    ("新华三", "h3c"),
    ("huawei", "huawei"),
    ("华为", "huawei"),
    ("xfusion", "huawei"),
    ("超聚变", "huawei"),
    ("supermicro", "supermicro"),
    ("超微", "supermicro"),
    ("nvidia", "nvidia"),
    ("mellanox", "nvidia"),
    ("英伟达", "nvidia"),
    ("amd", "amd"),
    ("intel", "intel"),
    ("sugon", "sugon"),
    ("曙光", "sugon"),
    ("cambricon", "cambricon"),
    ("寒武纪", "cambricon"),
    ("hygon", "hygon"),
    ("海光", "hygon"),
    ("kunlunxin", "kunlunxin"),
    ("kunlun", "kunlunxin"),
    ("昆仑", "kunlunxin"),
    ("netapp", "netapp"),
];

/// Where a name is cut to try again: a slash, a bracket or a Lenovo `-[MTM]-` suffix
/// (`R4900 G3/RS33M2C9SA`, `I620-G30 (98001156)`, `ThinkSystem SR650 -[7X06CTO1WW]-`).
const CUT_AT: &[&str] = &["/", "(", "（", "[", "-["];

/// How a name was matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ModelMatch {
    /// The name is the id, or the catalog name, once normalised.
    Exact(String),
    /// Through a model's alias or a user assignment (shown in the preview).
    Alias(String),
    /// Through an alias of a generic model: the name has no model of its own (a family
    /// without a generation, `ProLiant DL380`; an older line, `PowerEdge R630`), so the
    /// generic model of its form factor or generation stands in (flagged in the preview).
    Generic(String),
    /// Not in the catalog; the nearest model as a suggestion.
    Unmatched { nearest: String },
}

/// What a normalised key names.
#[derive(Clone, Debug)]
struct Entry {
    id: String,
    /// From an alias (not the id or the name).
    alias: bool,
    generic: bool,
}

/// Matches names against one catalog; caches results (a fleet repeats a few names).
pub struct ModelMatcher<'a> {
    catalog: &'a Catalog,
    by_key: HashMap<String, Entry>,
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
        // Shipped models first, then the site's own: a site's name for a model wins.
        let site_last = |m: &&ServerModel| catalog.provenance(&m.id) == Some(&Provenance::SiteFile);
        let (own, shipped): (Vec<&ServerModel>, Vec<&ServerModel>) =
            catalog.models().iter().partition(site_last);
        for model in shipped.into_iter().chain(own) {
            let generic = model.vendor.eq_ignore_ascii_case("generic");
            let entry = |alias| Entry {
                id: model.id.clone(),
                alias,
                generic,
            };
            for alias in &model.aliases {
                by_key.insert(normalise(alias), entry(true));
            }
            by_key.insert(normalise(&model.name), entry(false));
            by_key.insert(normalise(&model.id), entry(false));
        }
        by_key.remove("");
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
        let with_vendor = normalise(&format!("{manufacturer} {name}"));
        let cut = CUT_AT
            .iter()
            .filter_map(|sep| name.find(sep))
            .min()
            .map(|at| normalise(&name[..at]));
        for whole in [&key, &with_vendor] {
            if let Some(entry) = self.by_key.get(whole) {
                return matched(entry, entry.alias);
            }
        }
        // Part of the name, or more than a known one: never exact, always shown as read.
        let partial = cut
            .and_then(|cut| self.by_key.get(&cut))
            .or_else(|| self.longest_extended(&key));
        if let Some(entry) = partial {
            return matched(entry, true);
        }
        let nearest = if self.suggestions_left > 0 {
            self.suggestions_left -= 1;
            self.nearest(&key, manufacturer)
        } else {
            String::new()
        };
        ModelMatch::Unmatched { nearest }
    }

    /// The entry with the longest key that `key` continues with a non-digit.
    fn longest_extended(&self, key: &str) -> Option<&Entry> {
        self.by_key
            .iter()
            .filter(|(known, _)| extends(key, known))
            .max_by(|(a, _), (b, _)| a.len().cmp(&b.len()).then_with(|| b.cmp(a)))
            .map(|(_, entry)| entry)
    }

    /// The id whose id, name or alias is closest to `key` by edit distance, among the models
    /// of the manufacturer's vendor when the catalog has any, else among all.
    fn nearest(&self, key: &str, manufacturer: &str) -> String {
        let vendor = vendor_of(manufacturer);
        let of_vendor = |id: &str| {
            vendor.is_some()
                && self
                    .catalog
                    .get(id)
                    .is_some_and(|m| vendor_of(&m.vendor) == vendor)
        };
        let any_of_vendor = self.by_key.values().any(|e| of_vendor(&e.id));
        self.by_key
            .iter()
            .filter(|(_, e)| !any_of_vendor || of_vendor(&e.id))
            .filter_map(|(k, e)| Some((suggestion_distance(k, key)?, e.id.as_str())))
            .min()
            .map(|(_, id)| id.to_string())
            .unwrap_or_default()
    }
}

/// The match of `entry`; `read_as`: found through an alias or part of the name.
fn matched(entry: &Entry, read_as: bool) -> ModelMatch {
    match (read_as, entry.generic) {
        (false, _) => ModelMatch::Exact(entry.id.clone()),
        (true, true) => ModelMatch::Generic(entry.id.clone()),
        (true, false) => ModelMatch::Alias(entry.id.clone()),
    }
}

/// True when `key` is `known` continued with a non-digit (`r650xs` yes, `hgxh200` no: H200
/// is not H20).
fn extends(key: &str, known: &str) -> bool {
    key.strip_prefix(known)
        .is_some_and(|rest| !rest.is_empty() && !rest.starts_with(|c: char| c.is_ascii_digit()))
}

/// The vendor a manufacturer text names (`Dell Inc.` → `dell`, `新华三` → `h3c`), if known.
fn vendor_of(manufacturer: &str) -> Option<&'static str> {
    let lower = manufacturer.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    VENDOR_WORDS
        .iter()
        .find(|(needle, _)| {
            if needle.is_ascii() {
                words.contains(needle)
            } else {
                lower.contains(needle)
            }
        })
        .map(|(_, vendor)| *vendor)
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
mod tests;
