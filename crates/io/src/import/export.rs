//! The inventory as CSV: one row per server group (one per empty rack), rack fields repeated on
//! each row, quantities with their unit in the cell (`42 U`, `12.5 kW`) and numbers written in
//! full precision, so importing the file into a site without those racks rebuilds them exactly.

use coolplan_model::{Rack, ServerGroup, Site, Status};
use coolplan_units::{Qty, UnitKind};

/// The header [`export_inventory`] writes (and the inventory import recognises).
pub const INVENTORY_HEADER: [&str; 16] = [
    "Hall",
    "Rack",
    "Racks",
    "Rack height",
    "Row",
    "Slot",
    "Retrofit share",
    "Model",
    "Servers per rack",
    "Status",
    "Year",
    "Measured average",
    "Measured peak",
    "Measured source",
    "Rack notes",
    "Server notes",
];

/// The site's racks as inventory CSV text.
pub fn export_inventory(site: &Site) -> String {
    let mut writer = csv::WriterBuilder::new().from_writer(Vec::new());
    // Writing to a Vec cannot fail: csv only reports the writer's I/O errors.
    let mut write = |record: Vec<String>| {
        writer
            .write_record(&record)
            .expect("writing CSV to memory cannot fail");
    };
    write(INVENTORY_HEADER.iter().map(|h| h.to_string()).collect());
    for hall in &site.halls {
        for rack in &hall.racks {
            if rack.servers.is_empty() {
                write(record(&hall.name, rack, None));
            }
            for group in &rack.servers {
                write(record(&hall.name, rack, Some(group)));
            }
        }
    }
    let bytes = writer
        .into_inner()
        .expect("flushing CSV to memory cannot fail");
    // The writer received only `String`s, so its bytes are UTF-8.
    String::from_utf8(bytes).expect("CSV of UTF-8 strings is UTF-8")
}

fn record(hall: &str, rack: &Rack, group: Option<&ServerGroup>) -> Vec<String> {
    let (row, slot) = rack
        .position
        .as_ref()
        .map_or((String::new(), String::new()), |p| {
            (p.row.clone(), p.slot.to_string())
        });
    let (status, year) = match group.map(|g| g.status) {
        Some(Status::Stock) => ("Stock".to_string(), String::new()),
        Some(Status::New(year)) => ("New".to_string(), year.to_string()),
        None => (String::new(), String::new()),
    };
    let measured = rack.measured.as_ref();
    vec![
        hall.to_string(),
        rack.name.clone(),
        rack.count.to_string(),
        with_unit(&rack.height),
        row,
        slot,
        rack.retrofit_share.map_or(String::new(), |s| s.to_string()),
        group.map_or(String::new(), |g| g.model.clone()),
        group.map_or(String::new(), |g| g.count.to_string()),
        status,
        year,
        measured.map_or(String::new(), |m| with_unit(&m.average)),
        measured.map_or(String::new(), |m| with_unit(&m.peak)),
        measured.map_or(String::new(), |m| m.source.clone()),
        rack.notes.clone(),
        group.map_or(String::new(), |g| g.notes.clone()),
    ]
}

/// `42 U`, `12.5 kW`: the number as written (shortest exact form) and the unit's symbol.
fn with_unit<U: UnitKind>(q: &Qty<U>) -> String {
    format!("{} {}", q.number(), q.unit().symbol())
}
