//! A small RON lexer: enough to find comments (which a save would drop) and to rewrite
//! identifiers and numbers during migration while leaving every other byte untouched.

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Ident,
    Number,
    Str,
    Comment,
    Space,
    Punct,
}

/// A token: its kind and byte range in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub start: usize,
    pub end: usize,
}

/// Splits `text` into tokens; unterminated strings or comments run to the end (the parser
/// reports them; the lexer never fails).
pub fn tokens(text: &str) -> Vec<Token> {
    token_iter(text).collect()
}

/// The tokens of `text`, one at a time: scans that can stop early (the version field, the
/// first comment) use this and need no memory per token (a 64 MiB file of one-byte
/// tokens would otherwise take 1.5 GiB of `Token`s).
pub fn token_iter(text: &str) -> impl Iterator<Item = Token> + '_ {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        if i >= bytes.len() {
            return None;
        }
        let start = i;
        let b = bytes[i];
        let kind = if b.is_ascii_whitespace() {
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            TokenKind::Space
        } else if b == b'/' && bytes.get(i + 1) == Some(&b'/') {
            i = text[i..].find('\n').map_or(bytes.len(), |n| i + n);
            TokenKind::Comment
        } else if b == b'/' && bytes.get(i + 1) == Some(&b'*') {
            i = block_comment_end(bytes, i);
            TokenKind::Comment
        } else if b == b'"' || (b == b'b' && bytes.get(i + 1) == Some(&b'"')) {
            i = quoted_end(bytes, if b == b'b' { i + 1 } else { i });
            TokenKind::Str
        } else if let Some(end) = (b == b'r' || b == b'b')
            .then(|| raw_string_end(text, i))
            .flatten()
        {
            i = end;
            TokenKind::Str
        } else if b.is_ascii_alphabetic() || b == b'_' {
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            TokenKind::Ident
        } else if b.is_ascii_digit()
            || ((b == b'-' || b == b'+' || b == b'.') && next_is_digit(bytes, i))
        {
            i += 1;
            while i < bytes.len() && is_number_byte(bytes, i) {
                i += 1;
            }
            TokenKind::Number
        } else {
            // one character (may be multi-byte UTF-8)
            i += text[i..].chars().next().map_or(1, char::len_utf8);
            TokenKind::Punct
        };
        Some(Token {
            kind,
            start,
            end: i,
        })
    })
}

fn next_is_digit(bytes: &[u8], i: usize) -> bool {
    bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
}

fn is_number_byte(bytes: &[u8], i: usize) -> bool {
    let b = bytes[i];
    b.is_ascii_alphanumeric()
        || b == b'.'
        || b == b'_'
        || ((b == b'-' || b == b'+') && matches!(bytes[i - 1], b'e' | b'E'))
}

fn block_comment_end(bytes: &[u8], mut i: usize) -> usize {
    let mut depth = 0usize;
    while i < bytes.len() {
        if bytes[i..].starts_with(b"/*") {
            depth += 1;
            i += 2;
        } else if bytes[i..].starts_with(b"*/") {
            depth -= 1;
            i += 2;
            if depth == 0 {
                return i;
            }
        } else {
            i += 1;
        }
    }
    bytes.len()
}

fn quoted_end(bytes: &[u8], open: usize) -> usize {
    let mut i = open + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// `r"…"`, `r#"…"#`, `br#"…"#`: the end of the raw string starting at `i`, if one does.
fn raw_string_end(text: &str, i: usize) -> Option<usize> {
    let rest = &text[i..];
    let rest = rest.strip_prefix('b').unwrap_or(rest);
    let after_r = rest.strip_prefix('r')?;
    let hashes = after_r.len() - after_r.trim_start_matches('#').len();
    let body = after_r[hashes..].strip_prefix('"')?;
    let closing = format!("\"{}", "#".repeat(hashes));
    let offset = text.len() - body.len();
    Some(
        body.find(&closing)
            .map_or(text.len(), |n| offset + n + closing.len()),
    )
}

/// True when `text` holds a `//` or `/* */` comment outside strings (saving would drop it).
pub fn has_comments(text: &str) -> bool {
    // Every comment starts with `/`; a text without one (canonical files) needs no scan.
    may_hold_comments(text.as_bytes()) && token_iter(text).any(|t| t.kind == TokenKind::Comment)
}

/// False when `bytes` cannot hold a comment (no `/` at all): a `memchr`, no lexing.
pub fn may_hold_comments(bytes: &[u8]) -> bool {
    bytes.contains(&b'/')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_inside_strings_are_not_comments() {
        assert!(!has_comments(
            r#"(notes: "see http://example.com /* x */")"#
        ));
        assert!(!has_comments(r##"(notes: r#"a "quoted" // b"#)"##));
        assert!(has_comments("(a: 1) // trailing"));
        assert!(has_comments("(a: /* inline /* nested */ */ 1)"));
        assert!(!has_comments("(a: 1, b: r#\"raw\"#, c: 2.5)"));
        assert!(has_comments("(a: 1)/**/"));
        assert!(!may_hold_comments(b"(a: 1, b: \"x\")"));
    }

    #[test]
    fn numbers_and_identifiers_are_split() {
        let text = "max_power: -1.5e-3,";
        let kinds: Vec<TokenKind> = tokens(text).iter().map(|t| t.kind).collect();
        use TokenKind::*;
        assert_eq!(kinds, vec![Ident, Punct, Space, Number, Punct]);
    }
}
