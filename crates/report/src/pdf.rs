//! The PDF backend: walks laid-out pages with one `match` and draws each primitive with
//! krilla, in the embedded fonts (krilla subsets them).
//!
//! Owns: PDF bytes and metadata. Never touches: the clock (the creation date is the
//! report's injected date, or none), layout decisions, files. krilla derives the document ID
//! from the content, so the same pages always give the same bytes.

use krilla::Document as PdfDocument;
use krilla::color::rgb;
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::{DateTime, Metadata};
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke, StrokeDash};
use krilla::surface::Surface;
use krilla::text::{Font, GlyphId, KrillaGlyph};

use super::document::Document;
use super::layout::fonts::{BOLD_OTF, Fonts, REGULAR_OTF};
use super::layout::{Color, Item, Page};

/// A PDF that could not be written (worded where the report's errors are, [`crate::export`]).
#[derive(Debug)]
pub enum PdfError {
    /// The embedded font could not be read.
    Font,
    /// A page width × height (pt) krilla refuses.
    PageSize(f32, f32),
    Export(krilla::error::KrillaError),
}

/// Renders laid-out `pages` of `doc` as PDF bytes.
pub fn render(doc: &Document, pages: &[Page]) -> Result<Vec<u8>, PdfError> {
    let regular = Font::new(REGULAR_OTF.into(), 0).ok_or(PdfError::Font)?;
    let bold = Font::new(BOLD_OTF.into(), 0).ok_or(PdfError::Font)?;
    let fonts = PdfFonts {
        regular,
        bold,
        metrics: Fonts::new(),
    };
    let mut pdf = PdfDocument::new();
    pdf.set_metadata(metadata(doc));
    pdf.set_outline(outline(pages));
    for page in pages {
        let settings = PageSettings::from_wh(page.width, page.height)
            .ok_or(PdfError::PageSize(page.width, page.height))?;
        let mut pdf_page = pdf.start_page_with(settings);
        let mut surface = pdf_page.surface();
        for item in &page.items {
            draw(&mut surface, item, &fonts);
        }
        surface.finish();
        pdf_page.finish();
    }
    pdf.finish().map_err(PdfError::Export)
}

/// Bookmarks: chapters (level 1) with their sections (level 2) inside.
fn outline(pages: &[Page]) -> Outline {
    let mut chapters: Vec<OutlineNode> = Vec::new();
    let mut outline = Outline::new();
    for (index, page) in pages.iter().enumerate() {
        for mark in page.bookmarks.iter().filter(|m| m.level <= 2) {
            let node = OutlineNode::new(
                mark.title.clone(),
                XyzDestination::new(index, Point::from_xy(0.0, mark.y)),
            );
            match chapters.last_mut() {
                Some(chapter) if mark.level == 2 => chapter.push_child(node),
                _ => chapters.push(node),
            }
        }
    }
    for chapter in chapters {
        outline.push_child(chapter);
    }
    outline
}

fn metadata(doc: &Document) -> Metadata {
    let mut metadata = Metadata::new()
        .title(doc.title.clone())
        .language(doc.language.clone())
        .creator(format!("coolplan {}", env!("CARGO_PKG_VERSION")))
        .producer(format!("coolplan {} (krilla)", env!("CARGO_PKG_VERSION")));
    if let Some(date) = doc.date.as_deref().and_then(parse_date) {
        metadata = metadata.creation_date(date);
    }
    metadata
}

/// `YYYY-MM-DD` as a PDF date; anything else gives no date.
fn parse_date(text: &str) -> Option<DateTime> {
    let mut parts = text.split('-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    let day = parts.next()?.parse().ok()?;
    Some(DateTime::new(year).month(month).day(day))
}

fn paint(color: Color) -> krilla::paint::Paint {
    rgb::Color::new(color.0, color.1, color.2).into()
}

fn fill(color: Color) -> Fill {
    Fill {
        paint: paint(color),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}

fn stroke(color: Color, width: f32, dashed: bool) -> Stroke {
    Stroke {
        paint: paint(color),
        width,
        dash: dashed.then(|| StrokeDash {
            array: vec![3.0, 2.0],
            offset: 0.0,
        }),
        ..Default::default()
    }
}

/// The embedded fonts, and their glyph ids and advances.
struct PdfFonts {
    regular: Font,
    bold: Font,
    metrics: Fonts,
}

/// One glyph per character, at the advances the layout measured. No kerning or ligatures:
/// the report's Latin and CJK text needs neither, and the layout placed these widths.
/// (krilla's `draw_text` shapes with rustybuzz, which re-parsed the 1.6 MB CJK font on every
/// call: 40 % of the time of a report, the 10k-group PDF took 8 s.)
fn glyphs(text: &str, metrics: &Fonts, bold: bool) -> Vec<KrillaGlyph> {
    text.char_indices()
        .map(|(at, ch)| {
            let (id, advance_em) = metrics.glyph(ch, bold);
            KrillaGlyph::new(
                GlyphId::new(id),
                advance_em,
                0.0,
                0.0,
                0.0,
                at..at + ch.len_utf8(),
                None,
            )
        })
        .collect()
}

/// Draws one primitive.
fn draw(surface: &mut Surface, item: &Item, fonts: &PdfFonts) {
    match item {
        Item::Text {
            x,
            y,
            size,
            bold: is_bold,
            color,
            anchor,
            width,
            text,
        } => {
            if text.is_empty() {
                return;
            }
            let font = if *is_bold {
                &fonts.bold
            } else {
                &fonts.regular
            };
            let start = Item::text_start(*x, *width, *anchor);
            surface.set_stroke(None);
            surface.set_fill(Some(fill(*color)));
            surface.draw_glyphs(
                Point::from_xy(start, *y),
                &glyphs(text, &fonts.metrics, *is_bold),
                font.clone(),
                text,
                *size,
                false,
            );
        }
        Item::Rect {
            x,
            y,
            w,
            h,
            fill: fill_color,
            stroke: stroke_color,
        } => {
            let Some(rect) = Rect::from_xywh(*x, *y, w.max(0.01), h.max(0.01)) else {
                return;
            };
            let mut builder = PathBuilder::new();
            builder.push_rect(rect);
            if let Some(path) = builder.finish() {
                surface.set_fill(fill_color.map(fill));
                surface.set_stroke(stroke_color.map(|c| stroke(c, 0.5, false)));
                surface.draw_path(&path);
            }
        }
        Item::Line {
            points,
            color,
            width,
            dashed,
        } => {
            let mut builder = PathBuilder::new();
            for (i, (px, py)) in points.iter().enumerate() {
                if i == 0 {
                    builder.move_to(*px, *py);
                } else {
                    builder.line_to(*px, *py);
                }
            }
            if let Some(path) = builder.finish() {
                surface.set_fill(None);
                surface.set_stroke(Some(stroke(*color, *width, *dashed)));
                surface.draw_path(&path);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Block, Column, Row, Table};
    use crate::layout::{Fonts, Paper, layout};

    fn doc(blocks: Vec<Block>) -> Document {
        Document {
            title: "t".into(),
            running_header: "Site 机房".into(),
            language: "en".into(),
            date: Some("2026-11-28".into()),
            page_label: "Page {0} of {1}".into(),
            blocks,
        }
    }

    #[test]
    fn pdf_is_deterministic_and_subsets_the_font() {
        let d = doc(vec![
            Block::Heading {
                level: 1,
                text: "冷板式液冷 PUE 1.25 ℃".into(),
            },
            Block::Table(Table {
                columns: vec![Column::left("a"), Column::right("b")],
                rows: vec![Row::new(vec!["液冷".into(), "1,234".into()])],
            }),
        ]);
        let fonts = Fonts::new();
        let pages = layout(&d, Paper::A4, &fonts);
        let first = render(&d, &pages).unwrap();
        let second = render(&d, &pages).unwrap();
        assert!(first.starts_with(b"%PDF-"));
        assert_eq!(first, second);
        // Headings become bookmarks.
        assert_eq!(pages[0].bookmarks.len(), 1);
        assert!(first.windows(9).any(|w| w == b"/Outlines"));
        // The two 1.6 MB fonts are subset to a few glyphs.
        assert!(first.len() < 60_000, "{} bytes", first.len());
    }

    #[test]
    fn dates_parse_or_are_left_out() {
        assert!(parse_date("2026-11-28").is_some());
        assert!(parse_date("undated").is_none());
    }
}
