//! Which column holds what: the fields an import reads, the header names NetBox, openDCIM,
//! coolplan's own inventory and measured-power files use for them, detection of the layout
//! from a header, and the user's mapping for a generic CSV (`hall=Room,rack=Cabinet,…`).

use std::fmt;

use super::ImportError;
use coolplan_units::parse::unit_from_text;
use coolplan_units::{LengthUnit, PowerUnit};

/// The file layouts an import understands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportFormat {
    /// NetBox device list export (table view or the bulk-import field names).
    NetBox,
    /// openDCIM "Data Center View/Export" or raw device columns.
    OpenDcim,
    /// Any spreadsheet, with a column mapping.
    Generic,
    /// coolplan's own inventory export (round-trips).
    Inventory,
    /// Measured rack or PDU power: rack, average, peak.
    Measured,
}

impl ImportFormat {
    pub fn name(self) -> &'static str {
        match self {
            ImportFormat::NetBox => "netbox",
            ImportFormat::OpenDcim => "opendcim",
            ImportFormat::Generic => "generic",
            ImportFormat::Inventory => "inventory",
            ImportFormat::Measured => "measured",
        }
    }
    pub fn from_name(name: &str) -> Option<ImportFormat> {
        [
            ImportFormat::NetBox,
            ImportFormat::OpenDcim,
            ImportFormat::Generic,
            ImportFormat::Inventory,
            ImportFormat::Measured,
        ]
        .into_iter()
        .find(|f| f.name() == name.to_ascii_lowercase())
    }
}

/// A field an import reads from a column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Hall,
    /// NetBox site: the hall when a device has no location.
    Site,
    /// openDCIM zone: the hall when given (a zone is part of a data center).
    Zone,
    Rack,
    Model,
    Manufacturer,
    /// What kind of device (NetBox role, openDCIM device type): decides "not a server".
    Role,
    Count,
    /// Nameplate power of one device.
    Power,
    Status,
    /// Year (or a date holding one) a planned device arrives.
    Year,
    /// Lowest rack unit a device occupies.
    Position,
    /// Height of a device in rack units.
    DeviceHeight,
    RackCount,
    RackHeight,
    Row,
    Slot,
    Share,
    Average,
    Peak,
    Source,
    RackNotes,
    ServerNotes,
}

/// Fields a generic mapping may name, with their mapping keys.
pub const GENERIC_FIELDS: &[(&str, Field)] = &[
    ("hall", Field::Hall),
    ("rack", Field::Rack),
    ("model", Field::Model),
    ("manufacturer", Field::Manufacturer),
    ("role", Field::Role),
    ("count", Field::Count),
    ("power", Field::Power),
    ("status", Field::Status),
    ("year", Field::Year),
    ("position", Field::Position),
    ("height", Field::DeviceHeight),
];

type Aliases = &'static [(Field, &'static [&'static str])];

/// NetBox: table-export verbose names and bulk-import field names (normalised).
const NETBOX: Aliases = &[
    (Field::Site, &["site"]),
    (Field::Hall, &["location"]),
    (Field::Rack, &["rack"]),
    (Field::Model, &["type", "device type"]),
    (Field::Manufacturer, &["manufacturer"]),
    (Field::Role, &["role", "device role"]),
    (Field::Status, &["status"]),
    (Field::Position, &["position"]),
    (Field::DeviceHeight, &["u height", "height"]),
    (Field::Year, &["install year", "cf install year"]),
];

/// openDCIM: search_export.php headers and fac_Device column names (normalised).
const OPENDCIM: Aliases = &[
    (Field::Hall, &["data center", "datacenter"]),
    (Field::Zone, &["zone"]),
    (Field::Rack, &["location", "cabinet"]),
    (Field::Model, &["template", "model"]),
    (Field::Manufacturer, &["manufacturer"]),
    (Field::Role, &["device type", "devicetype"]),
    (Field::Status, &["status"]),
    (Field::Position, &["position"]),
    (Field::DeviceHeight, &["height"]),
    (Field::Power, &["nominalwatts", "nominal watts", "wattage"]),
    (
        Field::Year,
        &["installation date", "install date", "installdate"],
    ),
];

/// coolplan inventory export (see `export.rs`, which writes these exact headers).
const INVENTORY: Aliases = &[
    (Field::Hall, &["hall"]),
    (Field::Rack, &["rack"]),
    (Field::RackCount, &["racks"]),
    (Field::RackHeight, &["rack height"]),
    (Field::Row, &["row"]),
    (Field::Slot, &["slot"]),
    (Field::Share, &["retrofit share"]),
    (Field::Model, &["model"]),
    (Field::Count, &["servers per rack"]),
    (Field::Status, &["status"]),
    (Field::Year, &["year"]),
    (Field::Average, &["measured average"]),
    (Field::Peak, &["measured peak"]),
    (Field::Source, &["measured source"]),
    (Field::RackNotes, &["rack notes"]),
    (Field::ServerNotes, &["server notes"]),
];

/// Measured power per rack or per PDU.
const MEASURED: Aliases = &[
    (
        Field::Hall,
        &["hall", "room", "data center", "datacenter", "机房"],
    ),
    (Field::Rack, &["rack", "cabinet", "rack name", "机柜"]),
    (
        Field::Average,
        &[
            "average",
            "avg",
            "mean",
            "average power",
            "avg power",
            "平均功率",
        ],
    ),
    (
        Field::Peak,
        &[
            "peak",
            "max",
            "maximum",
            "peak power",
            "max power",
            "峰值功率",
        ],
    ),
    (Field::Source, &["source", "period"]),
];

/// Where each field's column is, and the header texts (for units written in headers).
#[derive(Clone, Debug)]
pub struct Columns {
    found: Vec<(Field, usize)>,
    headers: Vec<String>,
}

impl Columns {
    pub fn index(&self, field: Field) -> Option<usize> {
        self.found
            .iter()
            .find(|(f, _)| *f == field)
            .map(|&(_, i)| i)
    }
    /// `Ok` when every field of `required` has a column; else the first one missing.
    pub fn require(
        &self,
        format: super::ImportFormat,
        required: &[(Field, super::FieldName)],
    ) -> Result<(), ImportError> {
        match required.iter().find(|(field, _)| !self.has(*field)) {
            Some(&(_, field)) => Err(ImportError::MissingColumn { format, field }),
            None => Ok(()),
        }
    }
    pub fn has(&self, field: Field) -> bool {
        self.index(field).is_some()
    }
    /// The header of a field's column.
    pub fn header(&self, field: Field) -> &str {
        self.index(field)
            .and_then(|i| self.headers.get(i))
            .map_or("", String::as_str)
    }

    /// Columns of a known layout found by header names.
    pub fn for_layout(format: ImportFormat, headers: &[String]) -> Columns {
        let aliases = match format {
            ImportFormat::NetBox => NETBOX,
            ImportFormat::OpenDcim => OPENDCIM,
            ImportFormat::Inventory => INVENTORY,
            ImportFormat::Measured | ImportFormat::Generic => MEASURED,
        };
        let keys: Vec<String> = headers.iter().map(|h| header_key(h)).collect();
        let found = aliases
            .iter()
            .filter_map(|(field, names)| {
                let at = keys.iter().position(|k| names.contains(&k.as_str()))?;
                Some((*field, at))
            })
            .collect();
        Columns {
            found,
            headers: headers.to_vec(),
        }
    }

    /// Columns named by a generic mapping (header names compared case-insensitively).
    pub fn for_mapping(
        mapping: &ColumnMapping,
        headers: &[String],
    ) -> Result<Columns, ImportError> {
        let mut found = Vec::new();
        for (field, column) in &mapping.entries {
            let at = headers
                .iter()
                .position(|h| h.trim().eq_ignore_ascii_case(column.trim()))
                .ok_or_else(|| ImportError::MappingColumn(column.clone()))?;
            found.push((*field, at));
        }
        Ok(Columns {
            found,
            headers: headers.to_vec(),
        })
    }
}

/// The layout a header looks like, if any.
pub fn detect(headers: &[String]) -> Option<ImportFormat> {
    let has = |format: ImportFormat, fields: &[Field]| {
        let columns = Columns::for_layout(format, headers);
        fields.iter().all(|f| columns.has(*f))
    };
    let keys: Vec<String> = headers.iter().map(|h| header_key(h)).collect();
    let any = |names: &[&str]| keys.iter().any(|k| names.contains(&k.as_str()));
    if has(
        ImportFormat::Inventory,
        &[Field::Hall, Field::Rack, Field::RackCount, Field::Count],
    ) {
        Some(ImportFormat::Inventory)
    } else if has(
        ImportFormat::Measured,
        &[Field::Rack, Field::Average, Field::Peak],
    ) {
        Some(ImportFormat::Measured)
    } else if has(ImportFormat::OpenDcim, &[Field::Rack, Field::Model])
        && any(&[
            "data center",
            "datacenter",
            "template",
            "device type",
            "devicetype",
        ])
    {
        Some(ImportFormat::OpenDcim)
    } else if has(
        ImportFormat::NetBox,
        &[Field::Site, Field::Rack, Field::Model],
    ) {
        Some(ImportFormat::NetBox)
    } else {
        None
    }
}

/// A header reduced for comparison: lower case, `(unit)` and a trailing unit word dropped,
/// `_` and `-` as spaces: `Power (kW)` → `power`, `Average kW` → `average`, `device_type` →
/// `device type`.
pub fn header_key(header: &str) -> String {
    let lower = header.to_lowercase();
    let without_brackets = lower
        .split(['(', '['])
        .next()
        .unwrap_or("")
        .replace(['_', '-'], " ");
    let mut words: Vec<&str> = without_brackets.split_whitespace().collect();
    if words.len() > 1 {
        let last = words[words.len() - 1];
        if unit_from_text::<PowerUnit>(last).is_some()
            || unit_from_text::<LengthUnit>(last).is_some()
        {
            words.pop();
        }
    }
    words.join(" ")
}

/// A generic CSV's column mapping: field → header name, e.g. `hall=Room,rack=Cabinet`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ColumnMapping {
    pub entries: Vec<(Field, String)>,
}

impl ColumnMapping {
    /// Parses `field=Column,field=Column` (`--map`).
    pub fn parse(text: &str) -> Result<ColumnMapping, ImportError> {
        let mut entries = Vec::new();
        for entry in text.split(',').map(str::trim).filter(|e| !e.is_empty()) {
            let (key, column) = entry
                .split_once('=')
                .ok_or_else(|| ImportError::MappingEntry(entry.to_string()))?;
            let key = key.trim().to_ascii_lowercase();
            let field = GENERIC_FIELDS
                .iter()
                .find(|(k, _)| *k == key)
                .map(|&(_, f)| f)
                .ok_or_else(|| ImportError::MappingField(key.clone()))?;
            entries.retain(|(f, _)| *f != field);
            entries.push((field, column.trim().to_string()));
        }
        Ok(ColumnMapping { entries })
    }
}

impl fmt::Display for ColumnMapping {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self
            .entries
            .iter()
            .filter_map(|(field, column)| {
                let key = GENERIC_FIELDS.iter().find(|(_, fl)| fl == field)?.0;
                Some(format!("{key}={column}"))
            })
            .collect();
        f.write_str(&parts.join(","))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(line: &str) -> Vec<String> {
        line.split(',').map(str::to_string).collect()
    }

    #[test]
    fn layouts_are_detected_from_headers() {
        let netbox = "Name,Status,Tenant,Site,Location,Rack,Role,Manufacturer,Type,IP Address";
        assert_eq!(detect(&headers(netbox)), Some(ImportFormat::NetBox));
        let dcim = "Data Center,Location,Position,Height,Name,Serial Number,Asset Tag,Device Type,Template";
        assert_eq!(detect(&headers(dcim)), Some(ImportFormat::OpenDcim));
        assert_eq!(
            detect(&headers("Rack,Average (kW),Peak kW")),
            Some(ImportFormat::Measured)
        );
        assert_eq!(detect(&headers("Room,Cabinet,Type,Qty")), None);
    }

    #[test]
    fn header_keys_drop_units() {
        assert_eq!(header_key("Power (kW)"), "power");
        assert_eq!(header_key("Average kW"), "average");
        assert_eq!(header_key("device_type"), "device type");
        assert_eq!(header_key("Height"), "height");
    }

    #[test]
    fn mappings_parse_and_print() {
        let m = ColumnMapping::parse("hall=Room, rack=Cabinet,model=Type,count=Qty").unwrap();
        assert_eq!(m.to_string(), "hall=Room,rack=Cabinet,model=Type,count=Qty");
        assert!(matches!(
            ColumnMapping::parse("colour=Red"),
            Err(ImportError::MappingField(_))
        ));
        assert!(matches!(
            ColumnMapping::parse("hall"),
            Err(ImportError::MappingEntry(_))
        ));
    }
}
