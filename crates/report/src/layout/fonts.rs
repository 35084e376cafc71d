//! The embedded report fonts and text measurement with their real glyph advances.
//!
//! Owns: the two bundled Noto Sans SC subsets (regular, bold; they cover Latin and all
//! GB2312 hanzi, so one font draws every text), width of a string at a size, and greedy line
//! wrapping (at spaces, and between any two CJK characters). Never touches: files, pages.

use skrifa::MetadataProvider;
use skrifa::charmap::Charmap;
use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;
use skrifa::prelude::{FontRef, GlyphId};

/// Noto Sans SC Regular, subset (OFL; see `assets/fonts/README.md`).
pub static REGULAR_OTF: &[u8] = include_bytes!("../../../../assets/fonts/NotoSansSC-coolplan.otf");
/// Noto Sans SC Bold, same subset.
pub static BOLD_OTF: &[u8] =
    include_bytes!("../../../../assets/fonts/NotoSansSC-coolplan-Bold.otf");

/// One face: its character map and advances at one unit per em.
struct Face {
    charmap: Charmap<'static>,
    advances: GlyphMetrics<'static>,
    /// Ascent and descent per em (descent negative).
    ascent_em: f32,
    descent_em: f32,
    units_per_em: f32,
}

impl Face {
    fn new(data: &'static [u8]) -> Face {
        // Invariant: the bundled fonts are compiled in and parse (tested below).
        let font = FontRef::new(data).expect("bundled font parses");
        let metrics = font.metrics(Size::unscaled(), LocationRef::default());
        Face {
            charmap: font.charmap(),
            advances: font.glyph_metrics(Size::unscaled(), LocationRef::default()),
            ascent_em: metrics.ascent / f32::from(metrics.units_per_em),
            descent_em: metrics.descent / f32::from(metrics.units_per_em),
            units_per_em: f32::from(metrics.units_per_em),
        }
    }
    fn advance_em(&self, ch: char) -> f32 {
        self.glyph(ch).1
    }
    fn glyph(&self, ch: char) -> (u32, f32) {
        let glyph = self.charmap.map(ch).unwrap_or(GlyphId::NOTDEF);
        let advance_em = self.advances.advance_width(glyph).unwrap_or(0.0) / self.units_per_em;
        (glyph.to_u32(), advance_em)
    }
}

/// The report's fonts, ready to measure text.
pub struct Fonts {
    regular: Face,
    bold: Face,
}

impl Default for Fonts {
    fn default() -> Self {
        Fonts::new()
    }
}

impl Fonts {
    pub fn new() -> Fonts {
        Fonts {
            regular: Face::new(REGULAR_OTF),
            bold: Face::new(BOLD_OTF),
        }
    }
    fn face(&self, bold: bool) -> &Face {
        if bold { &self.bold } else { &self.regular }
    }
    /// Width of `text` in points at `size` points.
    pub fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        let face = self.face(bold);
        text.chars().map(|c| face.advance_em(c)).sum::<f32>() * size
    }
    /// Height above the baseline, points.
    pub fn ascent(&self, size: f32) -> f32 {
        self.regular.ascent_em * size
    }
    /// Depth below the baseline, points (positive).
    pub fn descent(&self, size: f32) -> f32 {
        -self.regular.descent_em * size
    }
    /// The glyph id drawing `ch` (0, `.notdef`, when the font lacks it) and its advance per
    /// em: the PDF writer places exactly the glyphs and advances the layout measured.
    pub fn glyph(&self, ch: char, bold: bool) -> (u32, f32) {
        self.face(bold).glyph(ch)
    }
    /// True when the font has a glyph for `ch`.
    pub fn covers(&self, ch: char) -> bool {
        self.regular.charmap.map(ch).is_some()
    }

    /// Breaks `text` into lines no wider than `max_width`; explicit `\n` always breaks.
    /// A word wider than the line is broken between characters, so nothing ever overflows.
    pub fn wrap(&self, text: &str, size: f32, bold: bool, max_width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            self.wrap_paragraph(paragraph, size, bold, max_width, &mut lines);
        }
        lines
    }

    fn wrap_paragraph(
        &self,
        text: &str,
        size: f32,
        bold: bool,
        max_width: f32,
        lines: &mut Vec<String>,
    ) {
        // Widths are sums of f32 advances; allow for rounding so text measured as fitting fits.
        let max_width = max_width + 0.01;
        let mut line = String::new();
        let mut line_width = 0.0;
        for token in tokens(text) {
            let token_width = self.width(token, size, bold);
            if line_width + token_width <= max_width || line.is_empty() && token_width <= max_width
            {
                line.push_str(token);
                line_width += token_width;
                continue;
            }
            if !line.trim_end().is_empty() {
                lines.push(line.trim_end().to_string());
            }
            line = String::new();
            line_width = 0.0;
            let token = token.trim_start();
            if self.width(token, size, bold) <= max_width {
                line.push_str(token);
                line_width = self.width(token, size, bold);
            } else {
                // A word longer than the line: break it between characters, never before
                // punctuation that must not begin a line.
                for ch in token.chars() {
                    let w = self.width(ch.encode_utf8(&mut [0; 4]), size, bold);
                    if line_width + w > max_width && !line.is_empty() {
                        // Closing punctuation takes the character before it to the new line.
                        let carried = if is_closing(ch) && line.chars().count() > 1 {
                            line.pop()
                        } else {
                            None
                        };
                        lines.push(std::mem::take(&mut line));
                        line_width = 0.0;
                        if let Some(c) = carried {
                            line.push(c);
                            line_width = self.width(c.encode_utf8(&mut [0; 4]), size, bold);
                        }
                    }
                    line.push(ch);
                    line_width += w;
                }
            }
        }
        lines.push(line.trim_end().to_string());
    }

    /// Width of the widest unbreakable piece of `text` (the narrowest a column may be).
    pub fn min_width(&self, text: &str, size: f32, bold: bool) -> f32 {
        tokens(text)
            .map(|t| self.width(t.trim_end(), size, bold))
            .fold(0.0, f32::max)
    }
}

/// Pieces of text between break opportunities: a word with its trailing spaces, or a CJK
/// run. Two rules keep names and figures whole:
/// - a CJK run of up to [`CJK_WORD`] characters between non-CJK text (a hall name such as
///   "数据大厅", an option name such as "冷板式液冷") does not break; longer runs (sentences)
///   break between any two characters;
/// - a number keeps the short unit after it: "1,092 亿元", "40.8 kW", "8.0 %", "3.4 年".
fn tokens(text: &str) -> impl Iterator<Item = &str> {
    let mut words = CjkWords {
        text,
        raw: raw_tokens(text).peekable(),
    }
    .peekable();
    std::iter::from_fn(move || {
        let first = words.next()?;
        if is_number_then_space(first)
            && let Some(unit) = words.next_if(|u| is_short_unit(u))
        {
            return Some(span(text, first, unit));
        }
        Some(first)
    })
}

/// The text from the start of `first` to the end of `last` (both slices of `text`).
fn span<'a>(text: &'a str, first: &str, last: &str) -> &'a str {
    let start = first.as_ptr() as usize - text.as_ptr() as usize;
    let end = last.as_ptr() as usize - text.as_ptr() as usize + last.len();
    &text[start..end]
}

/// Raw tokens with each short CJK run merged into one word.
struct CjkWords<'a> {
    text: &'a str,
    raw: std::iter::Peekable<RawTokens<'a>>,
}

impl<'a> Iterator for CjkWords<'a> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str> {
        let first = self.raw.next()?;
        if !starts_cjk(first) || ends_run(first) {
            return Some(first);
        }
        // The run goes on while pieces start with a CJK character; a space or closing
        // punctuation ends it.
        let mut lookahead = self.raw.clone();
        let (mut last, mut pieces, mut chars) = (first, 1, cjk_chars(first));
        while let Some(next) = lookahead.next().filter(|p| starts_cjk(p)) {
            last = next;
            pieces += 1;
            chars += cjk_chars(next);
            if ends_run(next) {
                break;
            }
        }
        if pieces == 1 || chars > CJK_WORD {
            return Some(first);
        }
        for _ in 1..pieces {
            self.raw.next();
        }
        Some(span(self.text, first, last))
    }
}

fn cjk_chars(piece: &str) -> usize {
    piece
        .chars()
        .filter(|c| is_cjk(*c) && !is_closing(*c))
        .count()
}

/// A piece that ends a CJK run: trailing space or closing punctuation.
fn ends_run(piece: &str) -> bool {
    piece.ends_with(' ') || piece.chars().last().is_some_and(is_closing)
}

/// Longest CJK run kept on one line (names of halls, options, units).
const CJK_WORD: usize = 7;

fn starts_cjk(piece: &str) -> bool {
    piece
        .chars()
        .next()
        .is_some_and(|c| is_cjk(c) && !is_closing(c))
}

/// "1,092 ", "40.8 ", "-3 ": a number followed by a space.
fn is_number_then_space(piece: &str) -> bool {
    let number = piece.trim_end_matches(' ');
    number.len() < piece.len()
        && number.chars().last().is_some_and(|c| c.is_ascii_digit())
        && number
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '-' | '−' | '+'))
}

/// A unit that stays with the number before it: "kW", "%", "M", "亿元", "年", "MWh".
fn is_short_unit(piece: &str) -> bool {
    let unit = piece.trim_end().trim_end_matches(is_closing);
    let chars = unit.chars().count();
    let cjk = unit.chars().any(is_cjk);
    chars > 0
        && !unit.starts_with(|c: char| c.is_ascii_digit())
        && if cjk { chars <= 2 } else { chars <= 5 }
}

/// Break opportunities without the gluing rules of [`tokens`]: a word with its trailing
/// spaces, or a single CJK character (with any closing punctuation that must not start a
/// line).
fn raw_tokens(text: &str) -> RawTokens<'_> {
    RawTokens { rest: text }
}

#[derive(Clone)]
struct RawTokens<'a> {
    rest: &'a str,
}

impl<'a> Iterator for RawTokens<'a> {
    type Item = &'a str;
    fn next(&mut self) -> Option<&'a str> {
        let rest = self.rest;
        let mut chars = rest.char_indices().peekable();
        let (_, first) = chars.next()?;
        let mut end = first.len_utf8();
        let word = !is_cjk(first) || is_closing(first);
        while let Some(&(i, ch)) = chars.peek() {
            let take = if ch == ' ' {
                false
            } else if word {
                !is_cjk(ch) || is_closing(ch)
            } else {
                is_closing(ch)
            };
            if !take {
                break;
            }
            end = i + ch.len_utf8();
            chars.next();
        }
        while let Some(&(i, ' ')) = chars.peek() {
            end = i + 1;
            chars.next();
        }
        let (token, tail) = rest.split_at(end);
        self.rest = tail;
        Some(token)
    }
}

/// Characters between which a line may break (ideographs, kana, CJK punctuation, full-width).
fn is_cjk(ch: char) -> bool {
    matches!(ch as u32,
        0x2E80..=0x303F | 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}

/// Punctuation that must not begin a line.
fn is_closing(ch: char) -> bool {
    matches!(
        ch,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '）'
            | '」'
            | '』'
            | '！'
            | '？'
            | ')'
            | ','
            | '.'
            | ';'
            | ':'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_come_from_the_font() {
        let fonts = Fonts::new();
        // A CJK ideograph is one em wide in Noto Sans CJK; Latin is proportional.
        assert!((fonts.width("液", 10.0, false) - 10.0).abs() < 0.01);
        let i = fonts.width("i", 10.0, false);
        let m = fonts.width("M", 10.0, false);
        assert!(i > 1.0 && m > 2.0 * i, "i {i}, M {m}");
        assert!(fonts.width("Bold", 10.0, true) > fonts.width("Bold", 10.0, false));
    }

    #[test]
    fn fonts_cover_the_report_symbols() {
        let fonts = Fonts::new();
        for ch in "冷板式液冷单相浸没式投资回收期净现值℃²³₂±≤≥€¥—–·…".chars()
        {
            assert!(fonts.covers(ch), "missing {ch}");
        }
    }

    #[test]
    fn wrapping_never_exceeds_the_width() {
        let fonts = Fonts::new();
        let cases = [
            "Air cannot cool 40.8 kW per rack (limit 25 kW); cold plate pays back in 3.4 years.",
            "风冷无法冷却每柜 40.8 kW（上限 25 kW），冷板式液冷 3.4 年回收投资。",
            "averyveryverylongidentifierwithoutanyspacesinsideittobreak",
        ];
        for text in cases {
            for width in [40.0, 90.0, 200.0] {
                let lines = fonts.wrap(text, 9.0, false, width);
                assert!(lines.len() > 1, "{text} at {width}");
                for line in &lines {
                    assert!(fonts.width(line, 9.0, false) <= width + 0.01, "{line:?}");
                }
                let joined: String = lines.concat().split_whitespace().collect();
                let original: String = text.split_whitespace().collect();
                assert_eq!(joined, original, "no character lost");
            }
        }
    }

    #[test]
    fn names_and_figures_stay_whole() {
        let pieces = |t| tokens(t).collect::<Vec<&str>>();
        assert_eq!(pieces("A1 数据大厅"), ["A1 ", "数据大厅"]);
        assert_eq!(
            pieces("投资 1,092 亿元，回收"),
            ["投资 ", "1,092 亿元，", "回收"]
        );
        assert_eq!(
            pieces("costs 16.6 M CNY, 8.0 % a year"),
            ["costs ", "16.6 M ", "CNY, ", "8.0 % ", "a ", "year"]
        );
        // A sentence-long run still breaks between characters.
        assert!(pieces("风冷无法冷却每柜功率过高的机柜").len() > 5);
        // A tile too narrow for the figure breaks between figure and nothing else.
        let fonts = Fonts::new();
        let lines = fonts.wrap("1,092 亿元 a", 13.0, true, 70.0);
        assert_eq!(lines[0], "1,092 亿元");
    }

    #[test]
    fn short_text_stays_on_one_line_and_newlines_break() {
        let fonts = Fonts::new();
        assert_eq!(fonts.wrap("PUE 1.25", 9.0, false, 200.0), vec!["PUE 1.25"]);
        assert_eq!(fonts.wrap("a\nb", 9.0, false, 200.0), vec!["a", "b"]);
        // Closing punctuation stays with the character before it.
        let lines = fonts.wrap("冷板，浸没", 10.0, false, 25.0);
        assert!(lines.iter().all(|l| !l.starts_with('，')), "{lines:?}");
    }
}
