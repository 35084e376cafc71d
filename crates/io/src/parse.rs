//! RON parsing of a site's text with errors that point at `line:column` and say what was
//! expected, in the user's terms (a bare number where a unit-tagged value belongs names the
//! accepted units instead of RON's generic identifier error).

use super::lex::{TokenKind, tokens};
use coolplan_model::Site;
use coolplan_model::assumptions::AssumptionKey;

/// What a parse error says.
#[derive(Clone, Debug, PartialEq)]
pub enum ParseMessage {
    /// RON's own message (English; it names the expected fields, variants or units).
    Ron(String),
    /// RON's message right after a text that spans lines: its closing quote is likely missing.
    UnclosedString { ron: String, opened_line: usize },
    /// A bare number where a unit-tagged value belongs.
    NeedsUnit {
        number: String,
        /// The quantity, e.g. `power`.
        quantity: String,
        /// Accepted tags, e.g. `["W", "kW", ...]`.
        units: Vec<String>,
    },
    /// An `uncertainty` input that names no assumption (the words crate lists the valid keys,
    /// [`coolplan_model::assumptions::AssumptionKey::paths`]).
    UnknownAssumption { found: String },
    /// A bare number where one of a fixed set of names belongs (`status: 1`, `currency: 0`).
    NotAChoice {
        number: String,
        /// The kind of choice, e.g. `Status`.
        kind: String,
        /// Accepted names, e.g. `["Stock", "New"]`.
        names: Vec<String>,
    },
}

/// A parse failure: 1-based line and column, and the message.
#[derive(Clone, Debug, PartialEq)]
pub struct ParseFailure {
    pub line: usize,
    pub column: usize,
    pub message: ParseMessage,
}

/// Parses site text (already migrated to the current schema).
pub fn parse_ron(text: &str) -> Result<Site, ParseFailure> {
    ron::from_str::<Site>(text).map_err(|e| ParseFailure {
        line: e.span.start.line,
        column: e.span.start.col,
        message: explain(text, &e),
    })
}

fn explain(text: &str, e: &ron::error::SpannedError) -> ParseMessage {
    if let ron::Error::NoSuchEnumVariant {
        expected, found, ..
    } = &e.code
        && *expected == AssumptionKey::paths()
    {
        return ParseMessage::UnknownAssumption {
            found: found.clone(),
        };
    }
    if let ron::Error::SuggestRawIdentifier(ident) = &e.code
        && ident.parse::<f64>().is_ok()
        && let Some(hint) = needs_unit(text, e.span.start.line, e.span.start.col)
    {
        return hint;
    }
    let ron = e.code.to_string();
    match string_before(text, e.span.start.line, e.span.start.col) {
        Some(opened_line) => ParseMessage::UnclosedString { ron, opened_line },
        None => ParseMessage::Ron(ron),
    }
}

/// The line where a multi-line text ends just before the error (only spaces between), if so.
fn string_before(text: &str, line: usize, column: usize) -> Option<usize> {
    let offset = byte_offset(text, line, column)?;
    let previous = tokens(&text[..offset])
        .into_iter()
        .rev()
        .find(|t| t.kind != TokenKind::Space)?;
    let body = &text[previous.start..previous.end];
    (previous.kind == TokenKind::Str && body.contains('\n'))
        .then(|| text[..previous.start].matches('\n').count() + 1)
}

/// Re-parses with the number wrapped in an impossible unit tag: RON then names the quantity
/// and the units it expected at that place.
fn needs_unit(text: &str, line: usize, column: usize) -> Option<ParseMessage> {
    const PROBE: &str = "__unit__";
    let offset = byte_offset(text, line, column)?;
    let token = tokens(&text[offset..]).into_iter().next()?;
    if token.kind != TokenKind::Number {
        return None;
    }
    let number = &text[offset..offset + token.end];
    let probe = format!(
        "{}{PROBE}({number}){}",
        &text[..offset],
        &text[offset + token.end..]
    );
    let err = ron::from_str::<Site>(&probe).err()?;
    match err.code {
        ron::Error::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } if found == PROBE => {
            let names: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
            let kind = outer.unwrap_or_default();
            let number = number.to_string();
            // A plain choice (`Stock`, `CNY`) takes no number: `Stock(1)` would be wrong advice.
            Some(if first_takes_number(text, offset, token.end, &names) {
                ParseMessage::NeedsUnit {
                    number,
                    quantity: kind,
                    units: names,
                }
            } else {
                ParseMessage::NotAChoice {
                    number,
                    kind,
                    names,
                }
            })
        }
        _ => None,
    }
}

/// Whether writing the number at `offset..offset + len` as `first(number)` gets the parse
/// past this value (it may still fail later in the file).
fn first_takes_number(text: &str, offset: usize, len: usize, names: &[String]) -> bool {
    let Some(first) = names.first() else {
        return false;
    };
    let number = &text[offset..offset + len];
    let suggested = format!(
        "{}{first}({number}){}",
        &text[..offset],
        &text[offset + len..]
    );
    let value_end = offset + first.len() + number.len() + 2;
    match ron::from_str::<Site>(&suggested) {
        Ok(_) => true,
        Err(e) => byte_offset(&suggested, e.span.start.line, e.span.start.col)
            .is_none_or(|at| at >= value_end),
    }
}

/// The byte offset of a 1-based line and column (columns count characters).
fn byte_offset(text: &str, line: usize, column: usize) -> Option<usize> {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n').nth(line - 2)?.0 + 1
    };
    let rest = &text[line_start..];
    let within = rest
        .char_indices()
        .nth(column.checked_sub(1)?)
        .map(|(i, _)| i)?;
    Some(line_start + within)
}
