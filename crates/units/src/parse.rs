//! Reading a quantity written as text with its unit (`2.4 kW`, `8,200 BTU/h`, `42U`), as
//! spreadsheets, DCIM exports and GUI fields hold them.
//!
//! Owns: number parsing with thousands separators or a decimal comma, unit lookup by tag or
//! symbol (case-insensitive, `_per_` or `/`, `hr` or `h`), and the unit a column header names
//! (`Power (kW)`, `Average kW`). Never touches: files, locale, display formatting.

use super::tagged::{Qty, UnitKind};

/// Why a text is not a quantity (worded by the words crate).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseQuantityError {
    Empty,
    /// The text, whose number part does not read.
    NotANumber(String),
    /// A unit not of this kind ([`UnitKind::KIND`]); `accepted` lists the kind's symbols.
    UnknownUnit {
        unit: String,
        kind: &'static str,
        accepted: String,
    },
    /// The text, a bare number where no default unit applies.
    NoUnit(String),
}

/// Parses `text` as a quantity; a bare number takes `default_unit` (e.g. the header's unit).
pub fn parse_quantity_text<U: UnitKind>(
    text: &str,
    default_unit: Option<U>,
) -> Result<Qty<U>, ParseQuantityError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(ParseQuantityError::Empty);
    }
    let split = text
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || matches!(c, '.' | ',' | '+' | '-')))
        .map_or(text.len(), |(i, _)| i);
    let (number_text, unit_text) = text.split_at(split);
    let number = parse_number(number_text)
        .ok_or_else(|| ParseQuantityError::NotANumber(text.to_string()))?;
    let unit_text = unit_text.trim();
    let unit = if unit_text.is_empty() {
        default_unit.ok_or_else(|| ParseQuantityError::NoUnit(text.to_string()))?
    } else {
        unit_from_text::<U>(unit_text).ok_or_else(|| ParseQuantityError::UnknownUnit {
            unit: unit_text.to_string(),
            kind: U::KIND,
            accepted: U::ALL
                .iter()
                .map(|u| u.symbol())
                .collect::<Vec<_>>()
                .join(", "),
        })?
    };
    Ok(Qty::new(number, unit))
}

/// A number with `,` as thousands separator (`2,400`) or as decimal comma (`2,4`).
pub fn parse_number(text: &str) -> Option<f64> {
    let text = text.trim();
    let cleaned = if text.contains('.') {
        text.replace(',', "")
    } else if let Some((int, frac)) = text.rsplit_once(',') {
        if frac.len() == 3 && !int.is_empty() {
            text.replace(',', "")
        } else {
            format!("{int}.{frac}")
        }
    } else {
        text.to_string()
    };
    cleaned.parse::<f64>().ok().filter(|n| n.is_finite())
}

/// The unit whose tag or symbol `text` names (case-insensitive; `BTU/hr`, `btu_per_h` alike).
pub fn unit_from_text<U: UnitKind>(text: &str) -> Option<U> {
    let text = text.trim();
    if let Some(exact) = U::ALL
        .iter()
        .copied()
        .find(|u| u.tag() == text || u.symbol() == text)
    {
        return Some(exact);
    }
    let key = unit_key(text);
    U::ALL
        .iter()
        .copied()
        .find(|u| unit_key(u.tag()) == key || unit_key(u.symbol()) == key)
}

fn unit_key(text: &str) -> String {
    let lower = text.to_lowercase().replace("_per_", "/").replace(' ', "");
    match lower.strip_suffix("hr") {
        Some(stem) => format!("{stem}h"),
        None => lower,
    }
}

/// The unit a column header names: `Power (kW)`, `Peak [W]`, `Average kW`.
pub fn unit_in_header<U: UnitKind>(header: &str) -> Option<U> {
    let inner = header
        .rsplit_once(['(', '['])
        .map(|(_, rest)| rest.trim_end_matches([')', ']']));
    if let Some(unit) = inner.and_then(unit_from_text::<U>) {
        return Some(unit);
    }
    header
        .split_whitespace()
        .last()
        .and_then(unit_from_text::<U>)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{LengthUnit, PowerUnit};

    #[test]
    fn power_texts_parse_with_their_units() {
        let cases = [
            ("2.4 kW", 2400.0),
            ("2400 W", 2400.0),
            ("2,400W", 2400.0),
            ("2,4 kW", 2400.0),
            // 8,189 BTU/h × 1055.05585262 J / 3600 s = 2399.96 W
            ("8,189 BTU/hr", 8189.0 * 1_055.055_852_62 / 3600.0),
        ];
        for (text, watts) in cases {
            let q = parse_quantity_text::<PowerUnit>(text, None).unwrap();
            assert!((q.si() - watts).abs() < 1e-9, "{text}: {}", q.si());
        }
    }

    #[test]
    fn a_bare_number_takes_the_default_unit_or_fails() {
        let q = parse_quantity_text(" 10.2 ", Some(PowerUnit::kW)).unwrap();
        assert_eq!((q.number(), q.unit()), (10.2, PowerUnit::kW));
        assert_eq!(
            parse_quantity_text::<PowerUnit>("10.2", None),
            Err(ParseQuantityError::NoUnit("10.2".into()))
        );
        assert!(matches!(
            parse_quantity_text::<PowerUnit>("3 kg", None),
            Err(ParseQuantityError::UnknownUnit { .. })
        ));
        assert!(parse_quantity_text::<PowerUnit>("n/a", None).is_err());
    }

    #[test]
    fn rack_units_and_headers() {
        let q = parse_quantity_text::<LengthUnit>("42U", None).unwrap();
        assert_eq!((q.number(), q.unit()), (42.0, LengthUnit::U));
        assert_eq!(unit_in_header("Power (kW)"), Some(PowerUnit::kW));
        assert_eq!(unit_in_header("Peak [W]"), Some(PowerUnit::W));
        assert_eq!(unit_in_header("Average kW"), Some(PowerUnit::kW));
        assert_eq!(unit_in_header::<PowerUnit>("Average"), None);
    }
}
