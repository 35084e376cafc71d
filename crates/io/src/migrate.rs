//! Schema versions: reading a file's `schema_version` before parsing it, and migrating the
//! text of older versions to the current one.
//!
//! Migrations work on the text (through [`super::lex`]) so that comments, spacing and the
//! user's numbers survive: only the tokens that changed meaning are rewritten.
//!
//! Version history:
//! - **v0** (pre-release drafts): rack groups and server groups counted with `quantity:`;
//!   powers were bare numbers in kW (`max_power: 10.2`, `air_cooling_capacity: 80`).
//! - **v1**: `count:`; every physical value carries its unit (`max_power: kW(10.2)`).

use super::lex::{Token, TokenKind, token_iter, tokens};
use coolplan_model::SCHEMA_VERSION;

/// Fields that were bare kW numbers in v0.
const V0_KW_FIELDS: &[&str] = &[
    "max_power",
    "air_cooling_capacity",
    "air_limit_per_rack",
    "tank_capacity",
    "average",
    "peak",
];

/// What the version field of a text says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Version {
    /// `schema_version: N` was found.
    Found(u64),
    /// No readable version field (the parser will report the missing field).
    Missing,
}

/// Reads `schema_version: N` from the text without parsing the rest (tolerant of any other
/// error in the file).
pub fn read_version(text: &str) -> Version {
    // A sliding window of three significant tokens: stops at the field, keeps no token list.
    let mut window: [Option<Token>; 3] = [None; 3];
    let significant =
        token_iter(text).filter(|t| !matches!(t.kind, TokenKind::Space | TokenKind::Comment));
    for token in significant {
        window = [window[1], window[2], Some(token)];
        let [Some(name), Some(colon), Some(number)] = window else {
            continue;
        };
        if slice(text, &name) == "schema_version"
            && slice(text, &colon) == ":"
            && number.kind == TokenKind::Number
            && let Ok(n) = slice(text, &number).replace('_', "").parse::<u64>()
        {
            return Version::Found(n);
        }
    }
    Version::Missing
}

/// Migrates `text` of version `from` to [`SCHEMA_VERSION`]; `None` when `from` is not a
/// version coolplan ever wrote (newer versions are refused before this is called).
pub fn migrate(text: &str, from: u64) -> Option<String> {
    let mut text = text.to_string();
    let mut version = from;
    while version < u64::from(SCHEMA_VERSION) {
        text = match version {
            0 => v0_to_v1(&text),
            _ => return None,
        };
        version += 1;
    }
    Some(text)
}

fn slice<'a>(text: &'a str, t: &Token) -> &'a str {
    &text[t.start..t.end]
}

fn significant(text: &str) -> Vec<Token> {
    tokens(text)
        .into_iter()
        .filter(|t| !matches!(t.kind, TokenKind::Space | TokenKind::Comment))
        .collect()
}

/// `quantity:` → `count:`, bare kW numbers → `kW(n)`, `schema_version: 0` → `1`.
fn v0_to_v1(text: &str) -> String {
    let toks = significant(text);
    // (byte range to replace, replacement), in text order
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    for w in toks.windows(3) {
        let [name, colon, value] = w else { continue };
        if name.kind != TokenKind::Ident || slice(text, colon) != ":" {
            continue;
        }
        let field = slice(text, name);
        if field == "quantity" {
            edits.push((name.start, name.end, "count".into()));
        } else if field == "schema_version" && value.kind == TokenKind::Number {
            edits.push((value.start, value.end, "1".into()));
        } else if V0_KW_FIELDS.contains(&field) && value.kind == TokenKind::Number {
            edits.push((
                value.start,
                value.end,
                format!("kW({})", slice(text, value)),
            ));
        }
    }
    let mut out = String::with_capacity(text.len() + edits.len() * 4);
    let mut at = 0;
    for (start, end, replacement) in edits {
        out.push_str(&text[at..start]);
        out.push_str(&replacement);
        at = end;
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_is_read_despite_comments_and_errors() {
        let text = "( // a comment\n schema_version /* v */ : 7, name: ??? )";
        assert_eq!(read_version(text), Version::Found(7));
        assert_eq!(read_version("(name: \"x\")"), Version::Missing);
    }

    #[test]
    fn v0_fields_are_rewritten_and_comments_kept() {
        let v0 = "(schema_version: 0, // old\n racks: [(quantity: 3, max_power: 10.2, notes: \"max_power: 5\")])";
        let v1 = migrate(v0, 0).unwrap();
        assert_eq!(
            v1,
            "(schema_version: 1, // old\n racks: [(count: 3, max_power: kW(10.2), notes: \"max_power: 5\")])"
        );
        assert_eq!(migrate(v0, 1).as_deref(), Some(v0));
    }
}
