//! Layout: turns a [`Document`] into pages of positioned primitives (text runs, rectangles,
//! lines), the way typst lays out frames before any backend runs.
//!
//! Owns: paper sizes and margins, the flow of blocks down the page, pagination (headings
//! kept with the start of what follows, tables split with their header repeated and at
//! least three rows on each side, no line alone at a page's foot or head, a page break
//! only after a page at least a quarter full),
//! running headers and "Page n of N" footers. Never touches: PDF objects, files, the clock.
//! Text is measured with the embedded font's real advances ([`fonts`]), so what the layout
//! decides fits does fit in the PDF. Where a chapter starts a new page is the document's
//! choice ([`Block::PageBreak`]); the layout keeps every heading with what follows it.

mod blocks;
mod chart;
pub mod elevation;
pub mod floorplan;
pub mod fonts;
mod table;
pub mod tornado;

pub use chart::draw_chart;
pub use fonts::Fonts;

use super::document::{Block, Document};

/// Paper sizes, in points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    /// (width, height) in points: A4 210 × 297 mm, Letter 8.5 × 11 in.
    pub fn size(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.28, 841.89),
            Paper::Letter => (612.0, 792.0),
        }
    }
    pub fn from_code(code: &str) -> Option<Paper> {
        match code.to_ascii_lowercase().as_str() {
            "a4" => Some(Paper::A4),
            "letter" => Some(Paper::Letter),
            _ => None,
        }
    }
}

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Color(pub u8, pub u8, pub u8);

impl Color {
    pub const BLACK: Color = Color(0x1a, 0x1a, 0x1a);
    pub const GREY: Color = Color(0x66, 0x66, 0x66);
    pub const RULE: Color = Color(0xbb, 0xbb, 0xbb);
    pub const SHADE: Color = Color(0xee, 0xf1, 0xf5);
    pub const ACCENT: Color = Color(0x1f, 0x5f, 0x99);
    pub const WHITE: Color = Color(0xff, 0xff, 0xff);
    /// `#rrggbb` for HTML and SVG.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// Where a text's `x` sits on the run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// A positioned primitive. Coordinates in points, origin top-left, y down.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// One line of text; `y` is the baseline, `width` its measured width.
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        color: Color,
        anchor: Anchor,
        width: f32,
        text: String,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<Color>,
        stroke: Option<Color>,
    },
    /// An open polyline.
    Line {
        points: Vec<(f32, f32)>,
        color: Color,
        width: f32,
        dashed: bool,
    },
}

impl Item {
    /// Left edge of a text item (its anchor resolved).
    pub fn text_start(x: f32, width: f32, anchor: Anchor) -> f32 {
        match anchor {
            Anchor::Start => x,
            Anchor::Middle => x - width / 2.0,
            Anchor::End => x - width,
        }
    }
}

/// Builds text items with measured widths.
pub(crate) fn text_item(
    fonts: &Fonts,
    (x, y): (f32, f32),
    size: f32,
    bold: bool,
    color: Color,
    anchor: Anchor,
    text: &str,
) -> Item {
    Item::Text {
        x,
        y,
        size,
        bold,
        color,
        anchor,
        width: fonts.width(text, size, bold),
        text: text.to_string(),
    }
}

/// One laid-out page.
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    pub width: f32,
    pub height: f32,
    pub items: Vec<Item>,
    /// Headings that start on this page, for the PDF outline.
    pub bookmarks: Vec<Bookmark>,
}

/// A heading's place for the PDF outline (bookmarks).
#[derive(Clone, Debug, PartialEq)]
pub struct Bookmark {
    pub level: u8,
    pub title: String,
    /// Top of the heading, points from the top of the page.
    pub y: f32,
}

impl Page {
    /// Every text on the page, in drawing order (tests).
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        texts(&self.items)
    }
}

/// Every text among `items`, in drawing order (tests).
pub(crate) fn texts(items: &[Item]) -> impl Iterator<Item = &str> {
    items.iter().filter_map(|i| match i {
        Item::Text { text, .. } => Some(text.as_str()),
        _ => None,
    })
}

impl Page {
    /// Share of the page body (between the margins) its content fills, top to lowest item:
    /// `0` for an empty page, about `1` for a full one. The running header and the footer are
    /// outside the body and do not count.
    pub fn fill(&self) -> f32 {
        let bottom = self.height - MARGIN_BOTTOM;
        let lowest = self
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Text { y, .. } => Some(*y),
                Item::Rect { y, h, .. } => Some(y + h),
                Item::Line { points, .. } => points.iter().map(|p| p.1).reduce(f32::max),
            })
            .filter(|y| *y >= MARGIN_TOP - 0.5 && *y <= bottom + 0.5)
            .fold(MARGIN_TOP, f32::max);
        (lowest - MARGIN_TOP) / (bottom - MARGIN_TOP)
    }
    /// The text items of the page body from the top down as (size, bold, text): headings are
    /// the bold ones of 10.5 pt and more.
    pub fn body_texts(&self) -> Vec<(f32, bool, &str)> {
        let bottom = self.height - MARGIN_BOTTOM;
        let mut texts: Vec<(f32, f32, bool, &str)> = self
            .items
            .iter()
            .filter_map(|item| match item {
                Item::Text {
                    y,
                    size,
                    bold,
                    text,
                    ..
                } if *y >= MARGIN_TOP - 0.5 && *y <= bottom + 0.5 => {
                    Some((*y, *size, *bold, text.as_str()))
                }
                _ => None,
            })
            .collect();
        texts.sort_by(|a, b| a.0.total_cmp(&b.0));
        texts.into_iter().map(|(_, s, b, t)| (s, b, t)).collect()
    }
}

/// Page margins, points.
pub(crate) const MARGIN_X: f32 = 50.0;
pub(crate) const MARGIN_TOP: f32 = 62.0;
pub(crate) const MARGIN_BOTTOM: f32 = 56.0;

/// Lays `doc` out on `paper`.
pub fn layout(doc: &Document, paper: Paper, fonts: &Fonts) -> Vec<Page> {
    let mut flow = blocks::Flow::new(paper, fonts);
    for (i, block) in doc.blocks.iter().enumerate() {
        if matches!(block, Block::Heading { .. }) {
            flow.keep = keep_with_heading(&flow, &doc.blocks[i + 1..]);
        }
        flow.block(block);
    }
    let mut pages = flow.finish();
    add_headers_and_footers(doc, &mut pages, fonts);
    pages
}

/// What must follow a heading on its page: the headings and short paragraphs (an intro of up
/// to three lines) right after it and the start of the first other block, capped at half a
/// page so a tall block still starts under its heading.
fn keep_with_heading(flow: &blocks::Flow, rest: &[Block]) -> f32 {
    let mut height = 0.0;
    for block in rest {
        height += flow.start_height(block);
        let leads_on = match block {
            Block::Heading { .. } => true,
            Block::Paragraph(text) => flow.lines(text) <= 3,
            _ => false,
        };
        if !leads_on {
            break;
        }
    }
    height.min((flow.bottom() - flow.top()) / 2.0)
}

/// The running header (not on the cover) and "Page n of N" footers.
fn add_headers_and_footers(doc: &Document, pages: &mut [Page], fonts: &Fonts) {
    let total = pages.len();
    let has_cover = matches!(doc.blocks.first(), Some(Block::Cover(_)));
    for (i, page) in pages.iter_mut().enumerate() {
        let (w, h) = (page.width, page.height);
        let right = w - MARGIN_X;
        if i > 0 || !has_cover {
            let date = doc.date.clone().unwrap_or_default();
            let date_width = fonts.width(&date, 7.5, false);
            let header_room = right - MARGIN_X - date_width - 12.0;
            let header = fit_line(fonts, &doc.running_header, 7.5, header_room);
            let y = MARGIN_TOP - 26.0;
            page.items.push(text_item(
                fonts,
                (MARGIN_X, y),
                7.5,
                false,
                Color::GREY,
                Anchor::Start,
                &header,
            ));
            page.items.push(text_item(
                fonts,
                (right, y),
                7.5,
                false,
                Color::GREY,
                Anchor::End,
                &date,
            ));
            page.items.push(Item::Line {
                points: vec![(MARGIN_X, y + 5.0), (right, y + 5.0)],
                color: Color::RULE,
                width: 0.5,
                dashed: false,
            });
        }
        let label = coolplan_words::fill(&doc.page_label, &[&(i + 1), &total]);
        page.items.push(text_item(
            fonts,
            (w / 2.0, h - MARGIN_BOTTOM + 30.0),
            7.5,
            false,
            Color::GREY,
            Anchor::Middle,
            &label,
        ));
    }
}

/// `text` cut with an ellipsis to fit `max_width` on one line.
pub(crate) fn fit_line(fonts: &Fonts, text: &str, size: f32, max_width: f32) -> String {
    if fonts.width(text, size, false) <= max_width {
        return text.to_string();
    }
    let ellipsis = fonts.width("…", size, false);
    let mut out = String::new();
    let mut width = 0.0;
    for ch in text.chars() {
        let w = fonts.width(ch.encode_utf8(&mut [0; 4]), size, false);
        if width + w + ellipsis > max_width {
            break;
        }
        out.push(ch);
        width += w;
    }
    out.push('…');
    out
}
