//! One CSV row → one device (or server group) placed in a hall and rack, or the reason it is
//! skipped. Shared by the NetBox, openDCIM, generic and inventory layouts: they differ only in
//! which columns hold the fields ([`super::columns`]).

use super::columns::{Columns, Field, ImportFormat};
use super::matching::{ModelMatch, ModelMatcher};
use super::reason::{FieldName, Note, SkipReason, ValueProblem};
use super::table::Row;
use super::values::{count_of, is_not_server, rack_unit_number, status_of};
use coolplan_model::{Catalog, MeasuredPower, Position, ServerGroup};
use coolplan_units::parse::{parse_number, parse_quantity_text, unit_in_header};
use coolplan_units::{LengthQ, LengthUnit, PowerQ, PowerUnit, format};

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
            ModelMatch::Generic(id) => {
                notes.push(Note::MatchedGeneric {
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
            installed: None,
            service_life: None,
            refresh: None,
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
                    .map_err(|_| bad_value(FieldName::Slot, slot, ValueProblem::NotWholeNumber))?,
            }),
        };
        let share = match cell(Field::Share) {
            "" => None,
            text => Some(
                parse_number(text)
                    .ok_or_else(|| bad_value(FieldName::Share, text, ValueProblem::NotANumber))?,
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

fn bad_value(field: FieldName, text: &str, problem: impl Into<ValueProblem>) -> SkipReason {
    SkipReason::BadValue {
        field,
        text: text.to_string(),
        problem: problem.into(),
    }
}
