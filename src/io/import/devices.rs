//! One CSV row → one device (or server group) placed in a hall and rack, or the reason it is
//! skipped. Shared by the NetBox, openDCIM, generic and inventory layouts: they differ only in
//! which columns hold the fields ([`super::columns`]).

use super::columns::{Columns, Field, ImportFormat};
use super::matching::{ModelMatch, ModelMatcher};
use super::reason::{FieldName, Note, SkipReason};
use super::table::Row;
use crate::model::{Catalog, MeasuredPower, Position, ServerGroup, Status};
use crate::units::parse::{parse_number, parse_quantity_text, unit_in_header};
use crate::units::{LengthQ, LengthUnit, PowerQ, PowerUnit, format};

/// Role or device-type words that mark a device which is not a server (its power is not
/// attributed: measured rack power covers it).
const NOT_SERVER_WORDS: &[&str] = &[
    "pdu",
    "patch",
    "switch",
    "router",
    "firewall",
    "console",
    "network",
    "load balancer",
    "kvm",
    "ups",
    "sensor",
    "cable",
    "blank",
    "panel",
    "odf",
    "physical infrastructure",
    "cdu",
    "交换机",
    "路由",
    "防火墙",
    "配线",
    "配电",
];
/// Statuses of installed hardware (NetBox, openDCIM, spreadsheets).
const STOCK_WORDS: &[&str] = &[
    "",
    "active",
    "offline",
    "failed",
    "staged",
    "production",
    "test",
    "testing",
    "development",
    "qa",
    "stock",
    "installed",
    "in use",
    "在用",
    "运行",
    "存量",
];
/// Statuses of hardware still to arrive.
const NEW_WORDS: &[&str] = &[
    "planned", "reserved", "new", "ordered", "计划", "规划", "新增",
];
/// Statuses of hardware not racked or on its way out.
const INACTIVE_WORDS: &[&str] = &[
    "inventory",
    "decommissioning",
    "decommissioned",
    "disposed",
    "retired",
    "spare",
    "下线",
    "库存",
];
/// Share of difference between CSV and catalog power worth a note.
const POWER_NOTE_SHARE: f64 = 0.25;

/// A row that lands: where, what, and the rack-level fields an inventory row carries.
#[derive(Clone, Debug)]
pub struct Device {
    pub hall: String,
    pub rack: String,
    /// None for an inventory row of an empty rack.
    pub group: Option<ServerGroup>,
    /// Highest rack unit the device occupies.
    pub top_u: Option<u32>,
    pub rack_fields: RackFields,
    pub notes: Vec<Note>,
}

/// Rack-level values an inventory row gives explicitly.
#[derive(Clone, Debug, Default)]
pub struct RackFields {
    pub count: Option<u64>,
    pub height: Option<LengthQ>,
    pub position: Option<Position>,
    pub share: Option<f64>,
    pub measured: Option<MeasuredPower>,
    pub notes: String,
}

/// What reading rows needs besides the row.
pub struct Reader<'a> {
    pub format: ImportFormat,
    pub columns: &'a Columns,
    pub catalog: &'a Catalog,
    pub matcher: ModelMatcher<'a>,
    pub first_year: u16,
    pub default_hall: String,
}

impl Reader<'_> {
    /// Reads one row.
    pub fn device(&mut self, row: &Row) -> Result<Device, SkipReason> {
        let cell = |field: Field| row.cell(self.columns.index(field));
        let hall = [Field::Zone, Field::Hall, Field::Site]
            .iter()
            .map(|&f| cell(f))
            .find(|v| !v.is_empty())
            .unwrap_or(&self.default_hall)
            .to_string();
        let rack = cell(Field::Rack).to_string();
        if rack.is_empty() {
            return Err(SkipReason::NoRack);
        }
        let role = cell(Field::Role);
        if is_not_server(role) {
            return Err(SkipReason::NotServer(role.to_string()));
        }
        let rack_fields = self.rack_fields(row)?;
        let model_text = cell(Field::Model);
        if model_text.is_empty() {
            if self.format == ImportFormat::Inventory {
                let device = Device {
                    hall,
                    rack,
                    group: None,
                    top_u: None,
                    rack_fields,
                    notes: Vec::new(),
                };
                return Ok(device);
            }
            return Err(SkipReason::NoModel);
        }
        let status = status_of(cell(Field::Status), cell(Field::Year), self.first_year)?;
        let mut notes = Vec::new();
        let model = match self.matcher.find(model_text, cell(Field::Manufacturer)) {
            ModelMatch::Exact(id) => id,
            ModelMatch::Alias(id) => {
                notes.push(Note::MatchedAlias {
                    text: model_text.to_string(),
                    model: id.clone(),
                });
                id
            }
            ModelMatch::Unmatched { .. } if is_not_server(model_text) => {
                return Err(SkipReason::NotServer(model_text.to_string()));
            }
            ModelMatch::Unmatched { nearest } => {
                let text = model_text.to_string();
                return Err(SkipReason::Unmatched { text, nearest });
            }
        };
        let count = count_of(cell(Field::Count))?;
        if let Some(power) = self.power(row)? {
            notes.extend(self.power_note(&model, power));
        }
        let top_u = self.top_u(row, &model);
        let server_notes = cell(Field::ServerNotes).to_string();
        let group = ServerGroup {
            model,
            count,
            status,
            notes: server_notes,
        };
        Ok(Device {
            hall,
            rack,
            group: Some(group),
            top_u,
            rack_fields,
            notes,
        })
    }

    fn power(&self, row: &Row) -> Result<Option<PowerQ>, SkipReason> {
        let text = row.cell(self.columns.index(Field::Power));
        if text.is_empty() {
            return Ok(None);
        }
        let header_unit = unit_in_header(self.columns.header(Field::Power)).or(
            // openDCIM's NominalWatts column is in watts by name.
            (self.format == ImportFormat::OpenDcim).then_some(PowerUnit::W),
        );
        parse_quantity_text(text, header_unit)
            .map(Some)
            .map_err(|e| bad_value(FieldName::Power, text, e))
    }

    fn power_note(&self, model: &str, power: PowerQ) -> Option<Note> {
        let catalog_power = self.catalog.get(model)?.max_power;
        let (csv_w, catalog_w) = (power.si(), catalog_power.si());
        ((csv_w - catalog_w).abs() > POWER_NOTE_SHARE * catalog_w).then(|| Note::PowerDiffers {
            csv: format::quantity_in(power.get(), PowerUnit::kW),
            catalog: format::quantity_in(catalog_power.get(), PowerUnit::kW),
        })
    }

    /// Top rack unit: position plus device height (column, else catalog height) minus one.
    fn top_u(&self, row: &Row, model: &str) -> Option<u32> {
        let position = rack_unit_number(row.cell(self.columns.index(Field::Position)))?;
        let height_text = row.cell(self.columns.index(Field::DeviceHeight));
        let height = if height_text.is_empty() {
            let catalog_height = self.catalog.get(model)?.height;
            catalog_height.in_unit(LengthUnit::U).round() as u32
        } else {
            rack_unit_number(height_text)?
        };
        Some(position + height.max(1) - 1)
    }

    fn rack_fields(&self, row: &Row) -> Result<RackFields, SkipReason> {
        if self.format != ImportFormat::Inventory {
            return Ok(RackFields::default());
        }
        let cell = |field: Field| row.cell(self.columns.index(field));
        let count = match cell(Field::RackCount) {
            "" => None,
            text => Some(
                text.parse::<u64>()
                    .ok()
                    .filter(|&n| n >= 1)
                    .ok_or_else(|| SkipReason::BadCount(text.to_string()))?,
            ),
        };
        let height = match cell(Field::RackHeight) {
            "" => None,
            text => Some(
                parse_quantity_text(text, Some(LengthUnit::U))
                    .map_err(|e| bad_value(FieldName::Height, text, e))?,
            ),
        };
        let position = match (cell(Field::Row), cell(Field::Slot)) {
            ("", "") => None,
            (row_name, slot) => Some(Position {
                row: row_name.to_string(),
                slot: slot
                    .parse()
                    .map_err(|e| bad_value(FieldName::Slot, slot, e))?,
            }),
        };
        let share = match cell(Field::Share) {
            "" => None,
            text => Some(
                parse_number(text)
                    .ok_or_else(|| bad_value(FieldName::Share, text, "not a number"))?,
            ),
        };
        let measured = match (cell(Field::Average), cell(Field::Peak)) {
            ("", "") => None,
            (average, peak) => Some(MeasuredPower {
                average: parse_quantity_text(average, None)
                    .map_err(|e| bad_value(FieldName::Average, average, e))?,
                peak: parse_quantity_text(peak, None)
                    .map_err(|e| bad_value(FieldName::Peak, peak, e))?,
                source: cell(Field::Source).to_string(),
            }),
        };
        Ok(RackFields {
            count,
            height,
            position,
            share,
            measured,
            notes: cell(Field::RackNotes).to_string(),
        })
    }
}

fn bad_value(field: FieldName, text: &str, problem: impl std::fmt::Display) -> SkipReason {
    SkipReason::BadValue {
        field,
        text: text.to_string(),
        problem: problem.to_string(),
    }
}

/// True when a role or type names a device that is not a server.
pub fn is_not_server(text: &str) -> bool {
    let lower = text.to_lowercase();
    !lower.is_empty() && NOT_SERVER_WORDS.iter().any(|w| lower.contains(w))
}

/// Stock or New(year) from a status and an optional year or date (rule in docs/import.md).
pub fn status_of(status: &str, year_text: &str, first_year: u16) -> Result<Status, SkipReason> {
    let key = status.trim().to_lowercase();
    let year = year_in(year_text).or_else(|| year_in(&key));
    let word = key.trim_end_matches(|c: char| !c.is_alphabetic() && !c.is_whitespace());
    let word = word.trim_end_matches(['(', ' ']);
    if STOCK_WORDS.contains(&word) {
        Ok(Status::Stock)
    } else if NEW_WORDS.contains(&word) {
        Ok(Status::New(year.unwrap_or(first_year.saturating_add(1))))
    } else if INACTIVE_WORDS.contains(&word) {
        Err(SkipReason::Inactive(status.trim().to_string()))
    } else {
        Err(SkipReason::UnknownStatus(status.trim().to_string()))
    }
}

/// The first four-digit year 1990–2100 in a text (`2027`, `12 Mar 2027`, `2027-03-12`).
fn year_in(text: &str) -> Option<u16> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|part| part.len() == 4)
        .filter_map(|part| part.parse::<u16>().ok())
        .find(|y| (1990..=2100).contains(y))
}

/// A device count: empty means one; otherwise a whole number ≥ 1 (`4`, `4.0`).
fn count_of(text: &str) -> Result<u32, SkipReason> {
    if text.is_empty() {
        return Ok(1);
    }
    parse_number(text)
        .filter(|n| n.fract() == 0.0 && *n >= 1.0 && *n <= f64::from(u32::MAX))
        .map(|n| n as u32)
        .ok_or_else(|| SkipReason::BadCount(text.to_string()))
}

/// A rack-unit number: `12`, `U12`, `12U`, `12.0` (half units round down).
fn rack_unit_number(text: &str) -> Option<u32> {
    let trimmed = text
        .trim()
        .trim_start_matches(['U', 'u'])
        .trim_end_matches(['U', 'u']);
    let n = parse_number(trimmed)?;
    (1.0..1000.0).contains(&n).then_some(n as u32)
}

/// Row and slot from a rack name: the last run of digits is the slot, the text before it
/// (without a trailing `-`, `_`, space or `R`) the row: `A01-R07` → A01/7, `B1-12` → B1/12.
pub fn position_from_name(name: &str) -> Option<Position> {
    let name = name.trim();
    let digits_start = name
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit())
        .last()
        .map(|(i, _)| i)?;
    let slot: u32 = name[digits_start..].parse().ok()?;
    let row = name[..digits_start]
        .trim_end_matches(['-', '_', ' ', '.', '/'])
        .trim_end_matches(['R', 'r'])
        .trim_end_matches(['-', '_', ' ', '.', '/']);
    let row_has_letter = row.chars().any(char::is_alphabetic);
    let is_a_word_for_rack =
        ["rack", "cabinet", "cab", "机柜"].contains(&row.to_lowercase().as_str());
    (row_has_letter && !row.contains(' ') && !is_a_word_for_rack).then(|| Position {
        row: row.to_string(),
        slot,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rack_names_give_rows_and_slots() {
        let cases = [
            ("A01-R07", Some(("A01", 7))),
            ("B1-12", Some(("B1", 12))),
            ("C03", Some(("C", 3))),
            ("DC1-H2-A05", Some(("DC1-H2-A", 5))),
            ("Rack 12", None),
            ("Rack12", None),
            ("R07", None),
            ("Storage", None),
        ];
        for (name, expected) in cases {
            let got = position_from_name(name);
            let want = expected.map(|(row, slot)| Position {
                row: row.to_string(),
                slot,
            });
            assert_eq!(got, want, "{name}");
        }
    }

    #[test]
    fn statuses_map_to_stock_new_or_skip() {
        assert_eq!(status_of("Active", "", 2026), Ok(Status::Stock));
        assert_eq!(status_of("Staged", "", 2026), Ok(Status::Stock));
        assert_eq!(status_of("Planned", "", 2026), Ok(Status::New(2027)));
        assert_eq!(
            status_of("Planned", "2028-03-01", 2026),
            Ok(Status::New(2028))
        );
        assert_eq!(
            status_of("Reserved", "12 Mar 2029", 2026),
            Ok(Status::New(2029))
        );
        assert_eq!(status_of("New", "2027", 2026), Ok(Status::New(2027)));
        assert!(matches!(
            status_of("Decommissioning", "", 2026),
            Err(SkipReason::Inactive(_))
        ));
        assert!(matches!(
            status_of("Broken?", "", 2026),
            Err(SkipReason::UnknownStatus(_))
        ));
    }

    #[test]
    fn counts_and_units() {
        assert_eq!(count_of(""), Ok(1));
        assert_eq!(count_of("4"), Ok(4));
        assert!(count_of("0").is_err() && count_of("2.5").is_err() && count_of("x").is_err());
        assert_eq!(rack_unit_number("U12"), Some(12));
        assert_eq!(rack_unit_number("[-Child-]"), None);
        assert!(is_not_server("Patch Panel") && is_not_server("Top-of-rack switch"));
        assert!(!is_not_server("Server") && !is_not_server(""));
    }
}
