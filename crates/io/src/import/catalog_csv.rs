//! Catalog models as CSV, so a site can carry a vendor's sheet: [`export_catalog`] writes one
//! row per model and one more per further source; [`read_catalog`] reads such a file (or a
//! sheet laid out the same way) back into models, every row either read or listed with its
//! line and reason. Pure: text in, models out; the CLI writes them into a site file.
//!
//! Layout (docs/import.md § Catalog CSV): the columns of [`CATALOG_HEADER`]. A model's first
//! row holds its fields and its first source; each further source is a row with the same
//! `id`, an empty `name` and only the `source_*` cells. Quantities carry their unit in the
//! cell (`10.2 kW`) or take the header's (`max_power (kW)`); lists (amounts, aliases) are
//! separated by `;`; shares are numbers 0–1 or percentages (`35 %`).

use coolplan_model::catalog::{ServerKind, Source, SourceTag};
use coolplan_model::{ImmersionCompat, KitAvailability, ServerModel};
use coolplan_units::parse::{parse_number, parse_quantity_text, unit_in_header};
use coolplan_units::{Currency, Money, Qty, UnitKind};

use super::ImportError;
use super::columns::header_key;
use super::reason::SkipReason;
use super::table::{Row, read_table};

/// The header [`export_catalog`] writes; [`read_catalog`] finds the columns by these names
/// (case, `_`/`-`/spaces and a bracketed unit do not matter) in any order.
pub const CATALOG_HEADER: [&str; 22] = [
    "id",
    "vendor",
    "name",
    "kind",
    "height (U)",
    "max_power (kW)",
    "utilisation",
    "fan_share",
    "cold_plate_capture",
    "cold_plate",
    "immersion",
    "weight (kg)",
    "service_life (year)",
    "kit_cost",
    "factory_premium",
    "aliases",
    "notes",
    "source_title",
    "source_url",
    "source_date",
    "source_tag",
    "source_note",
];

/// Columns a catalog CSV must have (the fields every model needs).
const REQUIRED: [Col; 12] = [
    Col::Id,
    Col::Vendor,
    Col::Name,
    Col::Kind,
    Col::Height,
    Col::MaxPower,
    Col::Utilisation,
    Col::FanShare,
    Col::Capture,
    Col::ColdPlate,
    Col::Immersion,
    Col::Weight,
];

/// The columns, in [`CATALOG_HEADER`] order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Col {
    Id,
    Vendor,
    Name,
    Kind,
    Height,
    MaxPower,
    Utilisation,
    FanShare,
    Capture,
    ColdPlate,
    Immersion,
    Weight,
    ServiceLife,
    KitCost,
    FactoryPremium,
    Aliases,
    Notes,
    SourceTitle,
    SourceUrl,
    SourceDate,
    SourceTag,
    SourceNote,
}

const ALL_COLS: [Col; 22] = [
    Col::Id,
    Col::Vendor,
    Col::Name,
    Col::Kind,
    Col::Height,
    Col::MaxPower,
    Col::Utilisation,
    Col::FanShare,
    Col::Capture,
    Col::ColdPlate,
    Col::Immersion,
    Col::Weight,
    Col::ServiceLife,
    Col::KitCost,
    Col::FactoryPremium,
    Col::Aliases,
    Col::Notes,
    Col::SourceTitle,
    Col::SourceUrl,
    Col::SourceDate,
    Col::SourceTag,
    Col::SourceNote,
];

impl Col {
    /// The column's name as written in the header (without its unit).
    pub fn key(self) -> &'static str {
        let header = CATALOG_HEADER[self as usize];
        header.split(" (").next().unwrap_or(header)
    }
}

/// Why a row of a catalog CSV was not read.
#[derive(Clone, Debug, PartialEq)]
pub enum CatalogRowProblem {
    /// A cell the model needs is empty.
    Empty { column: &'static str },
    /// A cell that does not read as its column's value.
    BadValue { column: &'static str, text: String },
    /// A source row (empty `name`) whose `id` is not the model of the rows above it.
    SourceWithoutModel { id: String },
    /// A source row of a model whose own row was not read.
    OfRejectedModel { id: String },
    /// The row itself could not be read (field count, quoting).
    Malformed(SkipReason),
}

/// A row that was not read, with the line it starts on.
#[derive(Clone, Debug, PartialEq)]
pub struct RejectedRow {
    pub line: u64,
    pub problem: CatalogRowProblem,
}

/// What a catalog CSV held.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CatalogRead {
    /// Models in file order (not yet validated: see `coolplan_io::validate_models`).
    pub models: Vec<ServerModel>,
    pub rejected: Vec<RejectedRow>,
}

/// Reads a catalog CSV. Errors only when the file has no header or lacks a required column.
pub fn read_catalog(text: &str) -> Result<CatalogRead, ImportError> {
    let table = read_table(text)?;
    let index: Vec<Option<usize>> = ALL_COLS
        .iter()
        .map(|col| {
            let key = header_key(col.key());
            table.headers.iter().position(|h| header_key(h) == key)
        })
        .collect();
    let missing: Vec<&'static str> = REQUIRED
        .iter()
        .filter(|col| index[**col as usize].is_none())
        .map(|col| col.key())
        .collect();
    if !missing.is_empty() {
        return Err(ImportError::MissingCatalogColumns(missing));
    }
    let reader = RowReader {
        index,
        headers: &table.headers,
    };
    let mut read = CatalogRead::default();
    for (line, reason) in &table.malformed {
        read.rejected.push(RejectedRow {
            line: *line,
            problem: CatalogRowProblem::Malformed(reason.clone()),
        });
    }
    // The id of the model the next source rows belong to, and whether it was read.
    let mut current: Option<(String, bool)> = None;
    for row in &table.rows {
        let id = reader.cell(row, Col::Id).to_string();
        let result = if reader.cell(row, Col::Name).is_empty() && !id.is_empty() {
            match &current {
                Some((model, true)) if *model == id => reader.source(row).map(|source| {
                    if let (Some(source), Some(model)) = (source, read.models.last_mut()) {
                        model.sources.push(source);
                    }
                }),
                Some((model, false)) if *model == id => {
                    Err(CatalogRowProblem::OfRejectedModel { id })
                }
                _ => Err(CatalogRowProblem::SourceWithoutModel { id }),
            }
        } else {
            let model = reader.model(row);
            current = Some((id, model.is_ok()));
            model.map(|model| read.models.push(model))
        };
        if let Err(problem) = result {
            read.rejected.push(RejectedRow {
                line: row.line,
                problem,
            });
        }
    }
    read.rejected.sort_by_key(|r| r.line);
    Ok(read)
}

/// Reads the cells of one row by column.
struct RowReader<'a> {
    index: Vec<Option<usize>>,
    headers: &'a [String],
}

impl RowReader<'_> {
    fn cell<'r>(&self, row: &'r Row, col: Col) -> &'r str {
        row.cell(self.index[col as usize])
    }

    fn required<'r>(&self, row: &'r Row, col: Col) -> Result<&'r str, CatalogRowProblem> {
        let text = self.cell(row, col);
        if text.is_empty() {
            Err(CatalogRowProblem::Empty { column: col.key() })
        } else {
            Ok(text)
        }
    }

    fn model(&self, row: &Row) -> Result<ServerModel, CatalogRowProblem> {
        let bad = |col: Col, text: &str| CatalogRowProblem::BadValue {
            column: col.key(),
            text: text.to_string(),
        };
        let kind = self.choice(row, Col::Kind, kind_of)?;
        let cold_plate = self.choice(row, Col::ColdPlate, kit_of)?;
        let immersion = self.choice(row, Col::Immersion, immersion_of)?;
        let share = |col: Col| {
            let text = self.required(row, col)?;
            share_of(text).ok_or_else(|| bad(col, text))
        };
        let service_life = match self.cell(row, Col::ServiceLife) {
            "" => None,
            _ => Some(self.quantity(row, Col::ServiceLife)?),
        };
        let money = |col: Col| {
            let text = self.cell(row, col);
            money_list(text).ok_or_else(|| bad(col, text))
        };
        Ok(ServerModel {
            id: self.required(row, Col::Id)?.to_string(),
            name: self.required(row, Col::Name)?.to_string(),
            vendor: self.required(row, Col::Vendor)?.to_string(),
            kind,
            height: self.quantity(row, Col::Height)?,
            max_power: self.quantity(row, Col::MaxPower)?,
            utilisation: share(Col::Utilisation)?,
            fan_share: share(Col::FanShare)?,
            cold_plate_capture: share(Col::Capture)?,
            cold_plate,
            kit_cost: money(Col::KitCost)?,
            factory_premium: money(Col::FactoryPremium)?,
            immersion,
            weight: self.quantity(row, Col::Weight)?,
            service_life,
            aliases: list(self.cell(row, Col::Aliases)),
            sources: self.source(row)?.into_iter().collect(),
            notes: self.cell(row, Col::Notes).to_string(),
        })
    }

    /// One of an enum's values, written as in site files in any case or spacing.
    fn choice<T>(
        &self,
        row: &Row,
        col: Col,
        pick: fn(&str) -> Option<T>,
    ) -> Result<T, CatalogRowProblem> {
        let text = self.required(row, col)?;
        pick(&choice_key(text)).ok_or_else(|| CatalogRowProblem::BadValue {
            column: col.key(),
            text: text.to_string(),
        })
    }

    /// A quantity: the cell's unit, else the header's (`max_power (kW)`).
    fn quantity<U: UnitKind>(&self, row: &Row, col: Col) -> Result<Qty<U>, CatalogRowProblem> {
        let text = self.required(row, col)?;
        let header_unit = self.index[col as usize]
            .and_then(|i| self.headers.get(i))
            .and_then(|h| unit_in_header::<U>(h));
        parse_quantity_text(text, header_unit).map_err(|_| CatalogRowProblem::BadValue {
            column: col.key(),
            text: text.to_string(),
        })
    }

    /// The row's source, if any `source_*` cell is filled.
    fn source(&self, row: &Row) -> Result<Option<Source>, CatalogRowProblem> {
        let cells = [
            Col::SourceTitle,
            Col::SourceUrl,
            Col::SourceDate,
            Col::SourceTag,
            Col::SourceNote,
        ];
        if cells.iter().all(|col| self.cell(row, *col).is_empty()) {
            return Ok(None);
        }
        let tag_text = self.required(row, Col::SourceTag)?;
        let tag = SourceTag::from_code(tag_text).ok_or_else(|| CatalogRowProblem::BadValue {
            column: Col::SourceTag.key(),
            text: tag_text.to_string(),
        })?;
        Ok(Some(Source {
            title: self.required(row, Col::SourceTitle)?.to_string(),
            url: self.cell(row, Col::SourceUrl).to_string(),
            date: self.required(row, Col::SourceDate)?.to_string(),
            tag,
            note: self.cell(row, Col::SourceNote).to_string(),
        }))
    }
}

/// A choice cell reduced for comparison: `Rack-scale`, `rack_scale`, `RackScale` → `rackscale`.
fn choice_key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The variant of `all` whose name, as [`choice_key`] writes it, is `key`.
fn choice_of<T: std::fmt::Debug>(all: impl IntoIterator<Item = T>, key: &str) -> Option<T> {
    all.into_iter()
        .find(|choice| choice_key(&format!("{choice:?}")) == key)
}

fn kind_of(key: &str) -> Option<ServerKind> {
    choice_of(ServerKind::ALL, key)
}

fn kit_of(key: &str) -> Option<KitAvailability> {
    use KitAvailability::*;
    choice_of([Retrofit, FactoryOnly, Unavailable], key)
}

fn immersion_of(key: &str) -> Option<ImmersionCompat> {
    use ImmersionCompat::*;
    choice_of([Yes, WithPrep, No], key)
}

/// A share: `0.35`, or `35 %` / `35%`.
fn share_of(text: &str) -> Option<f64> {
    match text.trim().strip_suffix('%') {
        Some(percent) => parse_number(percent).map(|p| p / 100.0),
        None => parse_number(text),
    }
}

/// `CNY 2500; USD 350` (or `2500 CNY`): one amount per currency; empty is none.
fn money_list(text: &str) -> Option<Vec<Money>> {
    list(text)
        .iter()
        .map(|item| {
            let (a, b) = item.split_once(char::is_whitespace)?;
            let (a, b) = (a.trim(), b.trim());
            let currency = |code: &str| Currency::from_code(&code.to_uppercase());
            match (currency(a), currency(b)) {
                (Some(currency), _) => Some(Money::new(parse_number(b)?, currency)),
                (None, Some(currency)) => Some(Money::new(parse_number(a)?, currency)),
                (None, None) => None,
            }
        })
        .collect()
}

/// The items of a `;`-separated cell, trimmed, empty ones dropped.
fn list(text: &str) -> Vec<String> {
    text.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// The models as catalog CSV text ([`CATALOG_HEADER`]); numbers in full precision with
/// their unit in the cell, so [`read_catalog`] gives the same models back.
pub fn export_catalog(models: &[ServerModel]) -> String {
    let mut writer = csv::WriterBuilder::new().from_writer(Vec::new());
    // Writing to a Vec cannot fail: csv only reports the writer's I/O errors.
    let mut write = |record: &[String]| {
        writer
            .write_record(record)
            .expect("writing CSV to memory cannot fail");
    };
    write(&CATALOG_HEADER.map(str::to_string));
    for m in models {
        let money = |list: &[Money]| {
            list.iter()
                .map(|m| format!("{} {}", m.currency.code(), m.amount))
                .collect::<Vec<_>>()
                .join("; ")
        };
        let mut sources = m.sources.iter();
        let mut record = vec![
            m.id.clone(),
            m.vendor.clone(),
            m.name.clone(),
            format!("{:?}", m.kind),
            with_unit(&m.height),
            with_unit(&m.max_power),
            m.utilisation.to_string(),
            m.fan_share.to_string(),
            m.cold_plate_capture.to_string(),
            format!("{:?}", m.cold_plate),
            format!("{:?}", m.immersion),
            with_unit(&m.weight),
            m.service_life.as_ref().map_or_else(String::new, with_unit),
            money(&m.kit_cost),
            money(&m.factory_premium),
            m.aliases.join("; "),
            m.notes.clone(),
        ];
        record.extend(source_cells(sources.next()));
        write(&record);
        for source in sources {
            let mut record = vec![String::new(); 17];
            record[Col::Id as usize] = m.id.clone();
            record.extend(source_cells(Some(source)));
            write(&record);
        }
    }
    let bytes = writer
        .into_inner()
        .expect("flushing CSV to memory cannot fail");
    // The writer received only `String`s, so its bytes are UTF-8.
    String::from_utf8(bytes).expect("CSV of UTF-8 strings is UTF-8")
}

fn source_cells(source: Option<&Source>) -> [String; 5] {
    match source {
        Some(s) => [
            s.title.clone(),
            s.url.clone(),
            s.date.clone(),
            s.tag.code().to_string(),
            s.note.clone(),
        ],
        None => Default::default(),
    }
}

/// `10.2 kW`, `6 year`: the number as written (shortest exact form) and the unit as site
/// files write it.
fn with_unit<U: UnitKind>(q: &Qty<U>) -> String {
    format!("{} {}", q.number(), q.unit().tag())
}

#[cfg(test)]
mod tests;
