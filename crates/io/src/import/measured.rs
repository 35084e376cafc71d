//! Measured power CSV (rack or PDU rows: rack, average, peak) → `Rack.measured` of matching
//! racks. A rack is matched by hall and name, or by name alone when it is unique in the site.
//! Several rows for one rack (A and B feeds, several PDUs) are summed; summing peaks gives an
//! upper bound of the coincident peak, which is the safe side for sizing.

use std::collections::HashMap;

use super::columns::{Columns, Field, ImportFormat};
use super::reason::{Action, FieldName, Note, SkipReason, ValueProblem};
use super::table::{Row, Table};
use super::{Change, ImportError, ImportOptions, ImportPlan, PreviewRow, SkippedRow};
use coolplan_model::catalog::suggestion_distance;
use coolplan_model::{MeasuredPower, Site};
use coolplan_units::parse::{parse_quantity_text, unit_in_header};
use coolplan_units::{PowerQ, PowerUnit, Qty, format};

/// Sum of the rows for one rack.
struct Reading {
    hall: String,
    rack: String,
    average: PowerQ,
    peak: PowerQ,
    rows: usize,
    source: String,
}

pub fn plan_measured(
    site: &Site,
    table: &Table,
    columns: &Columns,
    options: &ImportOptions,
) -> Result<ImportPlan, ImportError> {
    let format = ImportFormat::Measured;
    columns.require(
        format,
        &[
            (Field::Rack, FieldName::Rack),
            (Field::Average, FieldName::Average),
            (Field::Peak, FieldName::Peak),
        ],
    )?;
    let mut skipped: Vec<SkippedRow> = table.skipped_rows();
    let mut readings: Vec<Reading> = Vec::new();
    let mut index: HashMap<(String, String), usize> = HashMap::new();
    let mut rows_mapped = 0;
    let racks = RackIndex::new(site);
    for row in &table.rows {
        match read_row(&racks, columns, row, options) {
            Ok(reading) => {
                rows_mapped += 1;
                let key = (reading.hall.clone(), reading.rack.clone());
                match index.get(&key) {
                    Some(&at) => {
                        let sum = &mut readings[at];
                        sum.average = add(sum.average, reading.average);
                        sum.peak = add(sum.peak, reading.peak);
                        sum.rows += 1;
                    }
                    None => {
                        index.insert(key, readings.len());
                        readings.push(reading);
                    }
                }
            }
            Err(reason) => skipped.push(SkippedRow {
                line: row.line,
                reason,
            }),
        }
    }
    skipped.sort_by_key(|s| s.line);
    let mut preview = Vec::new();
    let mut changes = Vec::new();
    for reading in readings {
        let measured = MeasuredPower {
            average: reading.average,
            peak: reading.peak,
            source: reading.source.clone(),
        };
        let mut notes = vec![Note::MeasuredValues {
            average: format::quantity_in(measured.average.get(), PowerUnit::kW),
            peak: format::quantity_in(measured.peak.get(), PowerUnit::kW),
        }];
        if reading.rows > 1 {
            notes.push(Note::MeasuredRows(reading.rows));
        }
        preview.push(PreviewRow {
            action: Action::SetMeasured,
            hall: reading.hall.clone(),
            rack: reading.rack.clone(),
            model: String::new(),
            count: 1,
            notes,
        });
        changes.push(Change::SetMeasured {
            hall: reading.hall,
            rack: reading.rack,
            measured,
        });
    }
    Ok(ImportPlan {
        format,
        rows_read: table.rows.len() + table.malformed_rows(),
        rows_mapped,
        preview,
        skipped,
        unmatched: Vec::new(),
        changes,
    })
}

fn read_row(
    racks: &RackIndex,
    columns: &Columns,
    row: &Row,
    options: &ImportOptions,
) -> Result<Reading, SkipReason> {
    let cell = |field: Field| row.cell(columns.index(field));
    let rack = cell(Field::Rack);
    if rack.is_empty() {
        return Err(SkipReason::NoRack);
    }
    let hall = racks.find(cell(Field::Hall), rack)?;
    let power = |field: Field, name: FieldName| -> Result<PowerQ, SkipReason> {
        let text = cell(field);
        if text.is_empty() {
            return Err(SkipReason::Missing(name));
        }
        parse_quantity_text(text, unit_in_header(columns.header(field))).map_err(|e| {
            SkipReason::BadValue {
                field: name,
                text: text.to_string(),
                problem: ValueProblem::Quantity(e),
            }
        })
    };
    let average = power(Field::Average, FieldName::Average)?;
    let peak = power(Field::Peak, FieldName::Peak)?;
    if average.si() < 0.0 || peak.si() < average.si() {
        return Err(SkipReason::PeakBelowAverage {
            peak: format::quantity_in(peak.get(), PowerUnit::kW),
            average: format::quantity_in(average.get(), PowerUnit::kW),
        });
    }
    let source = match cell(Field::Source) {
        "" => options.source.clone(),
        text => text.to_string(),
    };
    Ok(Reading {
        hall,
        rack: rack.to_string(),
        average,
        peak,
        rows: 1,
        source,
    })
}

/// A sum in the unit of the first term (kept as written when a rack has one row).
fn add(a: PowerQ, b: PowerQ) -> PowerQ {
    Qty::from_quantity(a.get() + b.get(), a.unit())
}

/// The site's racks by name, with the halls that hold one of that name (built once per
/// import: a scan of the site per row made large measured imports quadratic).
pub(super) struct RackIndex<'a> {
    site: &'a Site,
    halls_of: HashMap<&'a str, Vec<&'a str>>,
    /// Unknown racks still to get a suggestion (each costs a scan of the site's racks).
    suggestions_left: std::cell::Cell<usize>,
}

impl<'a> RackIndex<'a> {
    pub fn new(site: &'a Site) -> Self {
        let mut halls_of: HashMap<&str, Vec<&str>> = HashMap::new();
        for hall in &site.halls {
            for rack in &hall.racks {
                let halls = halls_of.entry(rack.name.as_str()).or_default();
                if !halls.contains(&hall.name.as_str()) {
                    halls.push(hall.name.as_str());
                }
            }
        }
        Self {
            site,
            halls_of,
            suggestions_left: std::cell::Cell::new(super::matching::MAX_SUGGESTIONS),
        }
    }

    /// The hall of the site's rack named `rack` (in `hall` when given).
    fn find(&self, hall: &str, rack: &str) -> Result<String, SkipReason> {
        let halls: Vec<&str> = self
            .halls_of
            .get(rack)
            .into_iter()
            .flatten()
            .copied()
            .filter(|h| hall.is_empty() || *h == hall)
            .collect();
        match halls.as_slice() {
            [one] => Ok((*one).to_string()),
            [] => Err(SkipReason::RackNotInSite {
                rack: rack.to_string(),
                nearest: self.nearest(rack),
            }),
            many => Err(SkipReason::RackAmbiguous {
                rack: rack.to_string(),
                halls: many.len(),
            }),
        }
    }

    /// The rack name closest to `rack`, or `—`.
    fn nearest(&self, rack: &str) -> String {
        let left = self.suggestions_left.get();
        if left == 0 {
            return "—".to_string();
        }
        self.suggestions_left.set(left - 1);
        self.site
            .halls
            .iter()
            .flat_map(|h| &h.racks)
            .filter_map(|r| Some((suggestion_distance(&r.name, rack)?, r.name.as_str())))
            .min()
            .map_or_else(|| "—".to_string(), |(_, name)| name.to_string())
    }
}
