//! Column mappings remembered per CSV header, so a spreadsheet exported again next month
//! imports without `--map`. Pure: JSON text in and out; the CLI keeps it in the user's config
//! directory (`~/.config/coolplan/import-mappings.json`), never in the site file.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::ImportError;
use super::columns::ColumnMapping;

/// The file form: a version and mappings keyed by the SHA-256 of the header line.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MappingStore {
    #[serde(default = "version_one")]
    pub version: u32,
    #[serde(default)]
    pub mappings: BTreeMap<String, StoredMapping>,
}

/// One remembered mapping, with the header it was made for (so people can read the file).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredMapping {
    pub header: String,
    /// As given to `--map`: `hall=Room,rack=Cabinet,…`.
    pub map: String,
}

fn version_one() -> u32 {
    1
}

impl MappingStore {
    /// Reads the JSON text; an unreadable file gives an empty store (it is only a convenience).
    pub fn parse(json: &str) -> MappingStore {
        serde_json::from_str(json).unwrap_or_else(|_| MappingStore {
            version: 1,
            mappings: BTreeMap::new(),
        })
    }

    /// The JSON text to write.
    pub fn to_json(&self) -> String {
        // Invariant: strings and maps of strings always serialise.
        serde_json::to_string_pretty(self).expect("mapping store serialises")
    }

    /// The mapping remembered for `header_line`, if any (and still valid).
    pub fn get(&self, header_line: &str) -> Option<Result<ColumnMapping, ImportError>> {
        self.mappings
            .get(&key_of(header_line))
            .map(|stored| ColumnMapping::parse(&stored.map))
    }

    /// Remembers `mapping` for `header_line`; true when the store changed.
    pub fn remember(&mut self, header_line: &str, mapping: &ColumnMapping) -> bool {
        let stored = StoredMapping {
            header: header_line.trim().to_string(),
            map: mapping.to_string(),
        };
        self.version = 1;
        self.mappings.insert(key_of(header_line), stored.clone()) != Some(stored)
    }
}

/// SHA-256 (hex) of the trimmed header line.
fn key_of(header_line: &str) -> String {
    let digest = Sha256::digest(header_line.trim().as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mapping_is_recalled_by_its_header_and_survives_json() {
        let mut store = MappingStore::default();
        let mapping = ColumnMapping::parse("rack=Cabinet,model=Type").unwrap();
        assert!(store.remember("Room,Cabinet,Type", &mapping));
        assert!(!store.remember("Room,Cabinet,Type ", &mapping));
        let again = MappingStore::parse(&store.to_json());
        assert_eq!(again.get("Room,Cabinet,Type"), Some(Ok(mapping)));
        assert_eq!(again.get("Room,Cabinet,Model"), None);
        assert_eq!(MappingStore::parse("not json").mappings.len(), 0);
    }
}
