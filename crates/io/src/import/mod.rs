//! Inventory import and export: CSV from DCIM tools (NetBox, openDCIM), spreadsheets (with a
//! column mapping), measured rack power, and coolplan's own inventory CSV that round-trips.
//!
//! Owns: reading CSV text into a preview ([`plan_import`] → [`ImportPlan`]: what will be
//! added or changed, every skipped row with its line and reason, device types not in the
//! catalog with the nearest model), applying a plan in one step ([`apply`], one undoable
//! command for the GUI), writing the inventory CSV ([`export_inventory`]) and the remembered
//! column mappings ([`MappingStore`]). Pure: text in, plan out; never touches files, the clock,
//! egui or the engine, except [`read_csv_file`], the bounded read the CLI (`src/cli/import.rs`)
//! and the app share; they are the shells that read and write files.

mod apply;
mod catalog_csv;
mod columns;
mod devices;
mod export;
mod inspect;
mod mapping_store;
mod matching;
mod measured;
mod plan;
mod reason;
mod table;
mod values;

use std::collections::HashMap;

pub use apply::apply;
pub use catalog_csv::{
    CATALOG_HEADER, CatalogRead, CatalogRowProblem, RejectedRow, export_catalog, read_catalog,
};
pub use columns::{ColumnMapping, Field, GENERIC_FIELDS, ImportFormat};
pub use export::{INVENTORY_HEADER, export_inventory};
pub use inspect::{CsvHeader, guess_mapping, inspect_header};
pub use mapping_store::MappingStore;
pub use matching::normalise as normalise_model_name;
pub use reason::{Action, FieldName, Note, SkipReason, ValueProblem};
pub use values::position_from_name;

use coolplan_model::{Catalog, Hall, MeasuredPower, Rack, Site};

/// Largest CSV accepted, bytes (100 MB: a DCIM export of a million devices is ≈ 150 MB; split it).
pub const MAX_INPUT_BYTES: usize = 100 * 1024 * 1024;

/// How to read a file.
#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    /// The layout; detected from the header when None.
    pub format: Option<ImportFormat>,
    /// Column mapping of a generic CSV.
    pub mapping: Option<ColumnMapping>,
    /// Device type names the user assigned to catalog ids by hand (review list answers).
    pub assigned: HashMap<String, String>,
    /// Label of the input (file name): the source of measured power when no column gives one.
    pub source: String,
    /// Notes written into halls the import adds (the shell words them in the user's language).
    pub new_hall_notes: String,
    /// Hall of rows without one (no hall column or an empty cell); the site's first hall
    /// (or `Hall 1`) when `None`.
    pub default_hall: Option<String>,
}

/// A preview of an import: shown first, applied in one step by [`apply`].
#[derive(Clone, Debug, PartialEq)]
pub struct ImportPlan {
    pub format: ImportFormat,
    /// Data rows read (malformed ones included).
    pub rows_read: usize,
    /// Rows that land in the site.
    pub rows_mapped: usize,
    /// Flat table for the GUI and CLI: one line per hall added and per server group.
    pub preview: Vec<PreviewRow>,
    /// Every row that does not land, with its line and reason.
    pub skipped: Vec<SkippedRow>,
    /// Device types not in the catalog, for review (also listed in `skipped`).
    pub unmatched: Vec<UnmatchedType>,
    pub(crate) changes: Vec<Change>,
}

/// One line of the preview table.
#[derive(Clone, Debug, PartialEq)]
pub struct PreviewRow {
    pub action: Action,
    pub hall: String,
    pub rack: String,
    /// Catalog id (empty for a hall or an empty rack).
    pub model: String,
    /// Servers per rack of this group (racks for a hall line).
    pub count: u64,
    pub notes: Vec<Note>,
}

/// A row that did not land.
#[derive(Clone, Debug, PartialEq)]
pub struct SkippedRow {
    /// Line in the file (header = 1).
    pub line: u64,
    pub reason: SkipReason,
}

/// A device type name the catalog does not know.
#[derive(Clone, Debug, PartialEq)]
pub struct UnmatchedType {
    pub name: String,
    /// Catalog id suggested (nearest by edit distance).
    pub nearest: String,
    pub lines: Vec<u64>,
}

/// One step of applying a plan.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Change {
    /// Adds a hall (without racks) unless one of that name exists.
    AddHall(Hall),
    /// Puts a rack into a hall, replacing the rack of the same name.
    PutRack { hall: String, rack: Rack },
    /// Sets measured power on a rack.
    SetMeasured {
        hall: String,
        rack: String,
        measured: MeasuredPower,
    },
}

impl ImportPlan {
    /// True when applying the plan would change the site (the GUI can disable "Apply").
    pub fn has_changes(&self) -> bool {
        !self.changes.is_empty()
    }

    /// Data rows dropped because they could not be read as rows (wrong number of fields,
    /// CSV faults, rows swallowed by a quote left open): the file is damaged there, so the
    /// CLI applies such a plan only when told to (`--accept-skipped`).
    pub fn malformed_rows(&self) -> usize {
        self.skipped
            .iter()
            .filter(|s| s.reason.is_malformed())
            .map(|s| table::rows_of(s.line, &s.reason))
            .sum()
    }

    /// Racks added, changed and unchanged, and halls added.
    pub fn counts(&self) -> PlanCounts {
        let mut counts = PlanCounts::default();
        let mut seen = std::collections::HashSet::new();
        for row in &self.preview {
            if !seen.insert((row.action, row.hall.as_str(), row.rack.as_str())) {
                continue;
            }
            match row.action {
                Action::AddHall => counts.halls_added += 1,
                Action::AddRack => counts.racks_added += 1,
                Action::ChangeRack => counts.racks_changed += 1,
                Action::Unchanged => counts.racks_unchanged += 1,
                Action::SetMeasured => counts.measured_set += 1,
            }
        }
        counts
    }
}

/// Tally of a plan's preview.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PlanCounts {
    pub halls_added: usize,
    pub racks_added: usize,
    pub racks_changed: usize,
    pub racks_unchanged: usize,
    pub measured_set: usize,
}

/// An import that cannot start (bad rows never end up here: they are skipped with reasons).
#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    TooLarge {
        bytes: usize,
    },
    Empty,
    Csv {
        line: u64,
        message: String,
    },
    UnknownLayout,
    MissingColumn {
        format: ImportFormat,
        field: FieldName,
    },
    NeedsMapping,
    MappingEntry(String),
    MappingField(String),
    MappingColumn(String),
    /// A catalog CSV without these columns (file keys, e.g. `max_power`).
    MissingCatalogColumns(Vec<&'static str>),
}

/// Why a CSV file could not be read as text.
#[derive(Debug)]
pub enum CsvFileError {
    /// Not a regular file, over [`MAX_INPUT_BYTES`], or an I/O error.
    Read(crate::read::ReadError),
    NotUtf8,
}

/// The text of the CSV file at `path` (the thin file shell of the CLI and the app): special
/// files and files over [`MAX_INPUT_BYTES`] are refused before reading.
pub fn read_csv_file(path: &std::path::Path) -> Result<String, CsvFileError> {
    let bytes =
        crate::read::read_capped(path, MAX_INPUT_BYTES as u64).map_err(CsvFileError::Read)?;
    String::from_utf8(bytes).map_err(|_| CsvFileError::NotUtf8)
}

/// Reads CSV text against a site and its catalog into a preview; the site is not changed.
pub fn plan_import(
    site: &Site,
    catalog: &Catalog,
    csv_text: &str,
    options: &ImportOptions,
) -> Result<ImportPlan, ImportError> {
    if csv_text.len() > MAX_INPUT_BYTES {
        return Err(ImportError::TooLarge {
            bytes: csv_text.len(),
        });
    }
    let table = table::read_table(csv_text)?;
    let format = match (options.format, &options.mapping) {
        (Some(format), _) => format,
        (None, Some(_)) => ImportFormat::Generic,
        (None, None) => columns::detect(&table.headers).ok_or(ImportError::UnknownLayout)?,
    };
    let columns = match format {
        ImportFormat::Generic => {
            let mapping = options.mapping.as_ref().ok_or(ImportError::NeedsMapping)?;
            columns::Columns::for_mapping(mapping, &table.headers)?
        }
        _ => columns::Columns::for_layout(format, &table.headers),
    };
    if format == ImportFormat::Measured {
        return measured::plan_measured(site, &table, &columns, options);
    }
    plan::plan_devices(site, catalog, &table, &columns, format, options)
}

/// The header line of a CSV text (the key a remembered mapping is stored under).
pub fn header_line(csv_text: &str) -> &str {
    let text = csv_text.strip_prefix('\u{feff}').unwrap_or(csv_text);
    text.lines().next().unwrap_or("").trim_end()
}
