//! EnergyPlus weather (EPW) files: the parse of text is pure; [`read_epw`] is the thin file shell.
//!
//! An EPW file has 8 header lines (LOCATION, DESIGN CONDITIONS, TYPICAL/EXTREME PERIODS,
//! GROUND TEMPERATURES, HOLIDAYS/DAYLIGHT SAVINGS, COMMENTS 1, COMMENTS 2, DATA PERIODS) and
//! then one comma-separated record per time step. Columns used (1-based, EnergyPlus
//! Auxiliary Programs, "Weather Converter"): 2 month, 7 dry bulb °C, 8 dew point °C,
//! 9 relative humidity %. Missing markers: dry bulb / dew point 99.9, RH 999. A missing RH
//! is derived from dry bulb and dew point (Magnus formula); a missing dry bulb is an error.

use std::path::Path;

use coolplan_climate::HourlyRecord;
use coolplan_climate::psychro::rh_from_dew_point;

/// Names of the 8 header lines, in order.
pub const HEADER_KEYWORDS: [&str; 8] = [
    "LOCATION",
    "DESIGN CONDITIONS",
    "TYPICAL/EXTREME PERIODS",
    "GROUND TEMPERATURES",
    "HOLIDAYS/DAYLIGHT SAVINGS",
    "COMMENTS 1",
    "COMMENTS 2",
    "DATA PERIODS",
];

/// A parsed weather file.
#[derive(Clone, Debug, PartialEq)]
pub struct Epw {
    /// City, state and country from the LOCATION line.
    pub location: String,
    pub records: Vec<HourlyRecord>,
}

/// Largest weather file read, bytes: an hourly EPW year is ≈ 1.6 MB and a 10-minute one
/// ≈ 10 MB; 64 MiB is a wrong file, and reading it must not exhaust memory.
pub const MAX_EPW_BYTES: u64 = 64 * 1024 * 1024;
/// Longest station name kept from a LOCATION line, characters.
pub const MAX_LOCATION_CHARS: usize = 80;

/// A weather file that cannot be used; `line` is 1-based.
#[derive(Debug)]
pub enum EpwError {
    Malformed {
        origin: String,
        line: usize,
        problem: EpwProblem,
    },
    Read {
        origin: String,
        source: std::io::Error,
    },
    /// Not a regular file (a folder, a FIFO, a device).
    NotAFile {
        origin: String,
        what: crate::read::NotAFile,
    },
    TooLarge {
        origin: String,
        size: u64,
    },
}

/// What is wrong on a line of a weather file (worded per language by the words crate).
#[derive(Clone, Debug, PartialEq)]
pub enum EpwProblem {
    MissingHeader(&'static str),
    ExpectedHeader(&'static str),
    RecordsPerHour(String),
    TooFewFields(usize),
    NotANumber {
        column: usize,
        name: &'static str,
        text: String,
    },
    Month(f64),
    DryBulb(f64),
    NoHumidity,
    NoRecords,
}

impl EpwError {
    /// The 1-based line of a malformed file.
    pub fn line(&self) -> Option<usize> {
        match self {
            EpwError::Malformed { line, .. } => Some(*line),
            _ => None,
        }
    }
}

impl EpwProblem {
    /// The 1-based column (field) of the line the problem is in, when it is one field's.
    pub fn column(&self) -> Option<usize> {
        match self {
            EpwProblem::RecordsPerHour(_) => Some(3),
            EpwProblem::NotANumber { column, .. } => Some(*column),
            EpwProblem::Month(_) => Some(2),
            EpwProblem::DryBulb(_) => Some(7),
            EpwProblem::NoHumidity => Some(9),
            _ => None,
        }
    }
}

/// A station name from a weather file as it may appear in a report or on a terminal: letters
/// and digits of any script, spaces and `, . - ( ) ' /` only (no markup, no control or
/// formula characters), starting with a letter or digit, at most [`MAX_LOCATION_CHARS`].
pub fn clean_location(text: &str) -> String {
    let allowed = |c: char| c.is_alphanumeric() || " ,.-()'/".contains(c);
    let kept: String = text
        .chars()
        .map(|c| if allowed(c) { c } else { ' ' })
        .collect();
    let words: Vec<&str> = kept.split_whitespace().collect();
    let joined = words.join(" ");
    let start = joined
        .find(|c: char| c.is_alphanumeric())
        .unwrap_or(joined.len());
    let mut clean: String = joined[start..].chars().take(MAX_LOCATION_CHARS).collect();
    if joined[start..].chars().count() > MAX_LOCATION_CHARS {
        clean.push('…');
    }
    clean
}

/// Parses EPW text; `origin` names the file in errors.
pub fn parse_epw(text: &str, origin: &str) -> Result<Epw, EpwError> {
    let err = |line: usize, problem: EpwProblem| EpwError::Malformed {
        origin: origin.to_string(),
        line,
        problem,
    };
    let lines: Vec<&str> = text.lines().collect();
    for (i, keyword) in HEADER_KEYWORDS.iter().enumerate() {
        let line = lines
            .get(i)
            .ok_or_else(|| err(i + 1, EpwProblem::MissingHeader(keyword)))?;
        if !line.trim_start_matches('\u{feff}').starts_with(keyword) {
            return Err(err(i + 1, EpwProblem::ExpectedHeader(keyword)));
        }
    }
    let location_fields: Vec<&str> = lines[0].split(',').map(str::trim).collect();
    let location = location_fields
        .get(1..4)
        .map(|f| {
            f.iter()
                .map(|s| clean_location(s))
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default();
    // DATA PERIODS, N periods, records per hour, ...
    let per_hour_field = lines[7].split(',').nth(2).map(str::trim).unwrap_or("1");
    let records_per_hour: u32 = per_hour_field
        .parse()
        .ok()
        .filter(|n| (1..=60).contains(n))
        .ok_or_else(|| err(8, EpwProblem::RecordsPerHour(per_hour_field.to_string())))?;
    let hours_per_record = 1.0 / f64::from(records_per_hour);

    let mut records = Vec::with_capacity(lines.len().saturating_sub(8));
    for (i, line) in lines.iter().enumerate().skip(8) {
        let line_no = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split(',').map(str::trim).collect();
        if fields.len() < 9 {
            return Err(err(line_no, EpwProblem::TooFewFields(fields.len())));
        }
        let number = |col: usize, name: &'static str| -> Result<f64, EpwError> {
            fields[col - 1]
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                .ok_or_else(|| {
                    err(
                        line_no,
                        EpwProblem::NotANumber {
                            column: col,
                            name,
                            text: fields[col - 1].to_string(),
                        },
                    )
                })
        };
        let month = number(2, "month")?;
        if !(1.0..=12.0).contains(&month) || month.fract() != 0.0 {
            return Err(err(line_no, EpwProblem::Month(month)));
        }
        let dry_bulb_c = number(7, "dry bulb")?;
        if !(-70.0..70.0).contains(&dry_bulb_c) {
            return Err(err(line_no, EpwProblem::DryBulb(dry_bulb_c)));
        }
        let dew_point_c = number(8, "dew point")?;
        let rh = number(9, "relative humidity")?;
        let relative_humidity = if (0.0..=110.0).contains(&rh) {
            rh.min(100.0)
        } else if (-70.0..70.0).contains(&dew_point_c) {
            rh_from_dew_point(dry_bulb_c, dew_point_c)
        } else {
            return Err(err(line_no, EpwProblem::NoHumidity));
        };
        records.push(HourlyRecord {
            month: month as u8 - 1,
            hours: hours_per_record,
            dry_bulb_c,
            relative_humidity,
        });
    }
    if records.is_empty() {
        return Err(err(lines.len().max(8), EpwProblem::NoRecords));
    }
    Ok(Epw { location, records })
}

/// Reads (a regular file of at most [`MAX_EPW_BYTES`]) and parses an EPW file.
pub fn read_epw(path: &Path) -> Result<Epw, EpwError> {
    use crate::read::{ReadError, read_capped};
    let origin = path.display().to_string();
    let bytes = read_capped(path, MAX_EPW_BYTES).map_err(|e| match e {
        ReadError::Io(source) => EpwError::Read {
            origin: origin.clone(),
            source,
        },
        ReadError::NotAFile(what) => EpwError::NotAFile {
            origin: origin.clone(),
            what,
        },
        ReadError::TooLarge { size, .. } => EpwError::TooLarge {
            origin: origin.clone(),
            size,
        },
    })?;
    // EPW files are ASCII in practice; CSWD files may carry GBK station names in the header.
    parse_epw(&String::from_utf8_lossy(&bytes), &origin)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn station_names_lose_markup_control_and_formula_characters() {
        assert_eq!(clean_location("BEIJING"), "BEIJING");
        assert_eq!(clean_location("São Paulo (Intl.)"), "São Paulo (Intl.)");
        assert_eq!(clean_location("北京 54511"), "北京 54511");
        assert_eq!(
            clean_location("<script>alert(1)</script>"),
            "script alert(1) /script"
        );
        assert_eq!(clean_location("=HYPERLINK(\"x\")"), "HYPERLINK( x )");
        assert_eq!(clean_location("\u{1b}[31mRED\u{1b}[0m"), "31mRED 0m");
        assert_eq!(clean_location(&"A".repeat(200)).chars().count(), 81);
    }
}
