//! Devices read from rows → racks and server groups compared with the site: the preview and the
//! changes of an inventory import.
//!
//! Rules: identical devices (same model, status and notes) in the same rack become one server
//! group with a count; a rack named in the file replaces the server list of the site's rack of
//! the same name in the same hall (the DCIM is the source of truth for what a rack holds);
//! racks the file does not name are left alone; a hall the site lacks is added with estimates
//! that its note names.

use std::collections::HashMap;

use super::columns::{Columns, Field, ImportFormat};
use super::devices::{Device, Reader};
use super::matching::ModelMatcher;
use super::reason::{Action, FieldName, Note, SkipReason};
use super::table::Table;
use super::values::position_from_name;
use super::{
    Change, ImportError, ImportOptions, ImportPlan, PreviewRow, SkippedRow, UnmatchedType,
};
use coolplan_model::{Catalog, Floor, FloorKind, Hall, Rack, ServerGroup, Site};
use coolplan_units::build::{m2, rack_units};
use coolplan_units::{FloorLoadUnit, LengthUnit, PowerUnit, Qty};

/// Height of a rack a file adds without device positions, U (the common 42U cabinet).
const DEFAULT_RACK_HEIGHT_U: u32 = 42;
/// Cabinet heights sold, U: a rack whose devices reach above 42U gets the next of these.
const STANDARD_RACK_HEIGHTS_U: [u32; 5] = [42, 45, 47, 48, 52];
/// White space per rack including aisles, m² (planning estimate, ≈ 25 ft² per rack [EST]).
const AREA_PER_RACK_M2: f64 = 2.5;
/// Floor rating of a hall the import creates: TIA-942 minimum, 7.2 kPa [STD].
const NEW_HALL_FLOOR_KPA: f64 = 7.2;

/// One rack being assembled from its rows.
struct RackDraft {
    hall: String,
    name: String,
    groups: Vec<ServerGroup>,
    group_notes: Vec<Vec<Note>>,
    /// Groups by (model, notes), so adding a device finds its group without a scan.
    group_index: HashMap<(String, String), Vec<usize>>,
    top_u: Option<u32>,
    first: Device,
}

pub fn plan_devices(
    site: &Site,
    catalog: &Catalog,
    table: &Table,
    columns: &Columns,
    format: ImportFormat,
    options: &ImportOptions,
) -> Result<ImportPlan, ImportError> {
    columns.require(
        format,
        &[
            (Field::Rack, FieldName::Rack),
            (Field::Model, FieldName::Model),
        ],
    )?;
    let mut reader = Reader {
        format,
        columns,
        catalog,
        matcher: ModelMatcher::new(catalog, &options.assigned),
        first_year: site.assumptions.finance.resolve(site.currency).first_year,
        default_hall: match &options.default_hall {
            Some(hall) => hall.clone(),
            None => site
                .halls
                .first()
                .map_or_else(|| "Hall 1".to_string(), |h| h.name.clone()),
        },
    };
    let mut skipped: Vec<SkippedRow> = table.skipped_rows();
    let mut drafts: Vec<RackDraft> = Vec::new();
    let mut index: HashMap<(String, String), usize> = HashMap::new();
    let mut rows_mapped = 0;
    for row in &table.rows {
        match reader.device(row) {
            Ok(device) => {
                rows_mapped += 1;
                let key = (device.hall.clone(), device.rack.clone());
                let at = *index.entry(key).or_insert_with(|| {
                    drafts.push(RackDraft::new(&device));
                    drafts.len() - 1
                });
                drafts[at].add(device);
            }
            Err(reason) => skipped.push(SkippedRow {
                line: row.line,
                reason,
            }),
        }
    }
    skipped.sort_by_key(|s| s.line);
    let unmatched = unmatched_types(&skipped);
    let (preview, changes) = compare(site, catalog, drafts, format, options);
    Ok(ImportPlan {
        format,
        rows_read: table.rows.len() + table.malformed_rows(),
        rows_mapped,
        preview,
        skipped,
        unmatched,
        changes,
    })
}

impl RackDraft {
    fn new(device: &Device) -> RackDraft {
        RackDraft {
            hall: device.hall.clone(),
            name: device.rack.clone(),
            groups: Vec::new(),
            group_notes: Vec::new(),
            group_index: HashMap::new(),
            top_u: None,
            first: device.clone(),
        }
    }

    fn add(&mut self, device: Device) {
        self.top_u = self.top_u.max(device.top_u);
        let Some(group) = device.group else { return };
        let candidates = self
            .group_index
            .entry((group.model.clone(), group.notes.clone()))
            .or_default();
        let same = candidates
            .iter()
            .copied()
            .find(|&i| self.groups[i].status == group.status);
        let at = match same {
            Some(at) => {
                self.groups[at].count = self.groups[at].count.saturating_add(group.count);
                at
            }
            None => {
                candidates.push(self.groups.len());
                self.groups.push(group);
                self.group_notes.push(Vec::new());
                self.groups.len() - 1
            }
        };
        for note in device.notes {
            if !self.group_notes[at].contains(&note) {
                self.group_notes[at].push(note);
            }
        }
    }

    /// The rack as it will stand, given the site's rack of the same name (if any).
    fn build(&self, existing: Option<&Rack>, format: ImportFormat) -> (Rack, Vec<Note>) {
        let fields = &self.first.rack_fields;
        let mut notes = Vec::new();
        let height = match (fields.height, self.top_u) {
            (Some(height), _) => height,
            (None, Some(top)) => {
                let fits = existing.filter(|r| r.height.in_unit(LengthUnit::U) >= f64::from(top));
                fits.map(|r| r.height).unwrap_or_else(|| {
                    let height_u = STANDARD_RACK_HEIGHTS_U
                        .into_iter()
                        .find(|&h| h >= top)
                        .unwrap_or(top);
                    if height_u != DEFAULT_RACK_HEIGHT_U {
                        let top_u = top;
                        notes.push(Note::HeightFromPositions { height_u, top_u });
                    }
                    rack_units(f64::from(height_u))
                })
            }
            (None, None) => existing
                .map(|r| r.height)
                .unwrap_or_else(|| rack_units(f64::from(DEFAULT_RACK_HEIGHT_U))),
        };
        let rack = if format == ImportFormat::Inventory {
            Rack {
                name: self.name.clone(),
                notes: fields.notes.clone(),
                count: fields.count.unwrap_or(1),
                height,
                position: fields.position.clone(),
                retrofit_share: fields.share,
                servers: self.groups.clone(),
                measured: fields.measured.clone(),
                // an inventory has no say over cooling: a rule the site gave stays
                cooling: existing.and_then(|r| r.cooling.clone()),
            }
        } else {
            let position = existing
                .and_then(|r| r.position.clone())
                .or_else(|| position_from_name(&self.name));
            Rack {
                name: self.name.clone(),
                height,
                position,
                servers: self.groups.clone(),
                ..existing.cloned().unwrap_or_else(|| empty_rack(&self.name))
            }
        };
        (rack, notes)
    }
}

fn empty_rack(name: &str) -> Rack {
    Rack {
        name: name.to_string(),
        notes: String::new(),
        count: 1,
        height: rack_units(f64::from(DEFAULT_RACK_HEIGHT_U)),
        position: None,
        retrofit_share: None,
        servers: Vec::new(),
        measured: None,
        cooling: None,
    }
}

/// Preview rows and changes: each draft against the site's rack of the same hall and name.
fn compare(
    site: &Site,
    catalog: &Catalog,
    drafts: Vec<RackDraft>,
    format: ImportFormat,
    options: &ImportOptions,
) -> (Vec<PreviewRow>, Vec<Change>) {
    let mut preview = Vec::new();
    let mut changes = Vec::new();
    let mut new_halls: Vec<(Hall, Vec<Rack>)> = Vec::new();
    let mut new_hall_index: HashMap<String, usize> = HashMap::new();
    let mut puts = Vec::new();
    // Halls by name and racks by (hall, name), first of a name winning as a scan would.
    let mut halls: HashMap<&str, &Hall> = HashMap::new();
    let mut racks: HashMap<(&str, &str), &Rack> = HashMap::new();
    for hall in &site.halls {
        halls.entry(hall.name.as_str()).or_insert(hall);
        for rack in &hall.racks {
            racks
                .entry((hall.name.as_str(), rack.name.as_str()))
                .or_insert(rack);
        }
    }
    for draft in &drafts {
        let hall = halls.get(draft.hall.as_str()).copied();
        let existing =
            hall.and_then(|h| racks.get(&(h.name.as_str(), draft.name.as_str())).copied());
        let (rack, mut notes) = draft.build(existing, format);
        let action = match existing {
            None => Action::AddRack,
            Some(old) if *old == rack => Action::Unchanged,
            Some(old) => {
                if !old.servers.is_empty() {
                    notes.insert(0, Note::ReplacesGroups(old.servers.len()));
                }
                Action::ChangeRack
            }
        };
        if hall.is_none() {
            match new_hall_index.get(&draft.hall) {
                Some(&at) => new_halls[at].1.push(rack.clone()),
                None => {
                    new_hall_index.insert(draft.hall.clone(), new_halls.len());
                    new_halls.push((new_hall(&draft.hall, options), vec![rack.clone()]));
                }
            }
        }
        puts.push(preview_rows(
            &draft.hall,
            &rack,
            action,
            notes,
            &draft.group_notes,
        ));
        if action != Action::Unchanged {
            changes.push(Change::PutRack {
                hall: draft.hall.clone(),
                rack,
            });
        }
    }
    // Never less than the site's own rack footprint plus service area (the validator's need).
    let cooling = site.assumptions.cooling.resolve(site.currency);
    let site_need_m2 = cooling.rack_footprint.si() + cooling.rack_service_area.si();
    let area_per_rack_m2 = AREA_PER_RACK_M2.max(site_need_m2);
    let mut hall_changes = Vec::new();
    for (mut hall, racks) in new_halls {
        let rack_total: u64 = racks.iter().map(|r| r.count).sum();
        hall.area = m2(rack_total as f64 * area_per_rack_m2);
        hall.air_cooling_capacity = Qty::new(design_kw(catalog, &racks), PowerUnit::kW);
        preview.push(PreviewRow {
            action: Action::AddHall,
            hall: hall.name.clone(),
            rack: String::new(),
            model: String::new(),
            count: rack_total,
            notes: vec![Note::HallEstimates],
        });
        hall_changes.push(Change::AddHall(hall));
    }
    preview.extend(puts.into_iter().flatten());
    hall_changes.extend(changes);
    (preview, hall_changes)
}

/// Design IT load of racks, kW: Σ rack count × servers × catalog max power.
fn design_kw(catalog: &Catalog, racks: &[Rack]) -> f64 {
    let rack_kw = |rack: &Rack| -> f64 {
        rack.servers
            .iter()
            .filter_map(|g| {
                Some(f64::from(g.count) * catalog.get(&g.model)?.max_power.in_unit(PowerUnit::kW))
            })
            .sum()
    };
    let total: f64 = racks.iter().map(|r| r.count as f64 * rack_kw(r)).sum();
    (total * 1000.0).round() / 1000.0
}

fn new_hall(name: &str, options: &ImportOptions) -> Hall {
    Hall {
        notes: options.new_hall_notes.clone(),
        ..Hall::bare(
            name,
            Floor {
                kind: FloorKind::Raised,
                rating: Qty::new(NEW_HALL_FLOOR_KPA, FloorLoadUnit::kPa),
            },
            m2(0.0),
            Qty::new(0.0, PowerUnit::kW),
        )
    }
}

/// One preview row per server group (one for an empty rack); rack notes on the first.
fn preview_rows(
    hall: &str,
    rack: &Rack,
    action: Action,
    rack_notes: Vec<Note>,
    group_notes: &[Vec<Note>],
) -> Vec<PreviewRow> {
    let row = |model: &str, count: u64, notes: Vec<Note>| PreviewRow {
        action,
        hall: hall.to_string(),
        rack: rack.name.clone(),
        model: model.to_string(),
        count,
        notes,
    };
    if rack.servers.is_empty() {
        return vec![row("", 0, rack_notes)];
    }
    let mut rack_notes = Some(rack_notes);
    rack.servers
        .iter()
        .enumerate()
        .map(|(i, group)| {
            let mut notes = rack_notes.take().unwrap_or_default();
            notes.extend(group_notes.get(i).cloned().unwrap_or_default());
            row(&group.model, u64::from(group.count), notes)
        })
        .collect()
}

/// Unmatched device types gathered from the skipped rows, in first-seen order.
fn unmatched_types(skipped: &[SkippedRow]) -> Vec<UnmatchedType> {
    let mut types: Vec<UnmatchedType> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for row in skipped {
        if let SkipReason::Unmatched { text, nearest } = &row.reason {
            match index.get(text.as_str()) {
                Some(&at) => types[at].lines.push(row.line),
                None => {
                    index.insert(text, types.len());
                    types.push(UnmatchedType {
                        name: text.clone(),
                        nearest: nearest.clone(),
                        lines: vec![row.line],
                    });
                }
            }
        }
    }
    types
}
