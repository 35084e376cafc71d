//! Cell values of inventory rows: statuses, years, counts, rack units, "not a server" words and
//! rack positions from rack names. Pure text → value functions with their case tables.

use super::reason::SkipReason;
use coolplan_model::{Position, Status};
use coolplan_units::parse::parse_number;

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
pub fn count_of(text: &str) -> Result<u32, SkipReason> {
    if text.is_empty() {
        return Ok(1);
    }
    parse_number(text)
        .filter(|n| n.fract() == 0.0 && *n >= 1.0 && *n <= f64::from(u32::MAX))
        .map(|n| n as u32)
        .ok_or_else(|| SkipReason::BadCount(text.to_string()))
}

/// A rack-unit number: `12`, `U12`, `12U`, `12.0` (half units round down).
pub fn rack_unit_number(text: &str) -> Option<u32> {
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
