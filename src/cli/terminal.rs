//! Text bound for the terminal. User text — names from a site file, CSV cells, station names,
//! file names — may hold control characters: an escape sequence can recolour the terminal,
//! move the cursor over earlier lines, rewrite the window title or, on some terminals, feed
//! keystrokes back. Every line the CLI prints goes through [`clean`] (the [`out!`] and
//! [`err!`] macros), which replaces them with `�`; newlines and tabs stay.
//!
//! [`out!`]: crate::cli::out
//! [`err!`]: crate::cli::err

use std::borrow::Cow;
use std::io::Write;

/// True for characters a terminal must not receive from user text: C0 controls other than
/// newline and tab, DEL, C1 controls (U+0080–U+009F, which some terminals read as ESC
/// sequences), and the bidirectional overrides and isolates that reorder what is shown.
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// `text` with every unsafe character replaced by U+FFFD.
pub fn clean(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| if is_unsafe(c) { '\u{fffd}' } else { c })
            .collect(),
    )
}

/// Appends `cell` to `line` padded with spaces to `width` characters. By hand:
/// `format!("{cell:<w$}")` panics for widths over 65,535, which a long name in a file reaches.
pub fn push_padded(line: &mut String, cell: &str, width: usize) {
    line.push_str(cell);
    let shown = cell.chars().count();
    line.extend(std::iter::repeat_n(' ', width.saturating_sub(shown)));
}

/// Writes `text` to stdout through [`clean`]. A closed pipe (`coolplan analyze … | head -1`)
/// is not an error of the command: the rest is dropped, where `print!` would panic.
pub fn print_clean(text: &str) {
    let _ = std::io::stdout().lock().write_all(clean(text).as_bytes());
}

/// Writes `text` to stderr through [`clean`]; a closed stderr is ignored as well.
pub fn eprint_clean(text: &str) {
    let _ = std::io::stderr().lock().write_all(clean(text).as_bytes());
}

/// `println!` for the terminal: the formatted line passes through [`clean`] and a closed pipe
/// does not panic.
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::cli::terminal::print_clean(&format!("{}\n", format_args!($($arg)*)))
    };
}

/// `eprintln!` for the terminal: the formatted line passes through [`clean`] and a closed
/// stderr does not panic.
macro_rules! err {
    ($($arg:tt)*) => {
        $crate::cli::terminal::eprint_clean(&format!("{}\n", format_args!($($arg)*)))
    };
}

pub(crate) use {err, out};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_bidi_overrides_are_replaced_and_plain_text_is_kept() {
        assert!(matches!(
            clean("机房 B1 › rack \"R07\"\n"),
            Cow::Borrowed(_)
        ));
        assert_eq!(clean("a\u{1b}[2Jb"), "a\u{fffd}[2Jb");
        assert_eq!(clean("x\u{9b}31m\u{7}"), "x\u{fffd}31m\u{fffd}");
        assert_eq!(clean("\u{202e}cod.exe"), "\u{fffd}cod.exe");
        assert_eq!(clean("a\tb\r\n"), "a\tb\u{fffd}\n");
    }
}
