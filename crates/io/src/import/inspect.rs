//! A first look at a CSV before planning: its header columns and detected layout, and a
//! column mapping guessed from header names (the GUI pre-fills its mapping step with it).
//! Pure: text in, values out.

use super::columns::{self, ColumnMapping, Field, GENERIC_FIELDS, ImportFormat, header_key};
use super::{ImportError, header_line, table};

/// The header of a CSV: its line (the key of a remembered mapping), columns and layout.
#[derive(Clone, Debug, PartialEq)]
pub struct CsvHeader {
    pub line: String,
    pub columns: Vec<String>,
    /// The layout the header looks like; `None` needs a generic mapping.
    pub detected: Option<ImportFormat>,
}

/// Reads only the header of `csv_text`.
pub fn inspect_header(csv_text: &str) -> Result<CsvHeader, ImportError> {
    let line = header_line(csv_text);
    let columns = table::read_table(line)?.headers;
    Ok(CsvHeader {
        line: line.to_string(),
        detected: columns::detect(&columns),
        columns,
    })
}

/// Header names (as [`header_key`] reduces them) taken for each generic field.
const GUESSES: &[(Field, &[&str])] = &[
    (
        Field::Hall,
        &[
            "hall",
            "room",
            "data center",
            "datacenter",
            "location",
            "机房",
        ],
    ),
    (Field::Rack, &["rack", "cabinet", "rack name", "机柜"]),
    (
        Field::Model,
        &[
            "model",
            "type",
            "device type",
            "template",
            "server model",
            "型号",
        ],
    ),
    (
        Field::Manufacturer,
        &["manufacturer", "vendor", "make", "厂商"],
    ),
    (Field::Role, &["role", "device role", "kind", "category"]),
    (
        Field::Count,
        &["count", "qty", "quantity", "number", "servers", "数量"],
    ),
    (
        Field::Power,
        &["power", "nameplate", "nameplate power", "watts", "功率"],
    ),
    (Field::Status, &["status", "state", "状态"]),
    (
        Field::Year,
        &[
            "year",
            "arrival",
            "install year",
            "installation date",
            "年份",
        ],
    ),
    (Field::Position, &["position", "u position", "位置"]),
    (Field::DeviceHeight, &["height", "u height", "高度"]),
];

/// A mapping from header names alone: each field takes the first column whose name is one
/// of its usual names (`Room` → hall, `Cabinet` → rack, `Qty` → count); a column serves one
/// field at most.
pub fn guess_mapping(headers: &[String]) -> ColumnMapping {
    let keys: Vec<String> = headers.iter().map(|h| header_key(h)).collect();
    let mut taken = vec![false; headers.len()];
    let mut entries = Vec::new();
    for &(_, field) in GENERIC_FIELDS {
        let names = GUESSES
            .iter()
            .find(|(f, _)| *f == field)
            .map_or(&[][..], |(_, names)| *names);
        let found = names
            .iter()
            .find_map(|name| (0..keys.len()).find(|&i| !taken[i] && keys[i] == *name));
        if let Some(at) = found {
            taken[at] = true;
            entries.push((field, headers[at].clone()));
        }
    }
    ColumnMapping { entries }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spreadsheet_header_is_read_and_guessed() {
        let text = "\u{feff}Room;Cabinet;Type;Qty;Power (W);Status;Arrival\nHall A;A1;R740;2;750;Active;\n";
        let header = inspect_header(text).unwrap();
        assert_eq!(
            header.line,
            "Room;Cabinet;Type;Qty;Power (W);Status;Arrival"
        );
        assert_eq!(header.columns.len(), 7);
        assert_eq!(header.columns[4], "Power (W)");
        assert_eq!(header.detected, None);
        assert_eq!(
            guess_mapping(&header.columns).to_string(),
            "hall=Room,rack=Cabinet,model=Type,count=Qty,power=Power (W),status=Status,year=Arrival"
        );
    }

    #[test]
    fn known_layouts_are_detected_and_unknown_names_stay_unmapped() {
        let netbox = inspect_header("Name,Status,Site,Location,Rack,Role,Manufacturer,Type\n");
        assert_eq!(netbox.unwrap().detected, Some(ImportFormat::NetBox));
        let headers: Vec<String> = ["Colour", "Rack", "Rack"].map(String::from).to_vec();
        // The second "Rack" column is not taken twice; "Colour" means nothing.
        assert_eq!(guess_mapping(&headers).to_string(), "rack=Rack");
        assert_eq!(inspect_header(""), Err(ImportError::Empty));
    }
}
