//! The flow: places blocks down the page and starts new pages where they do not fit.

use super::fonts::Fonts;
use super::{
    Anchor, Bookmark, Color, Item, MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, Page, Paper, text_item,
};
use crate::document::{Block, Cover, KeyFigure};

/// Body text size, points.
pub(crate) const BODY: f32 = 9.5;
/// Line height as a multiple of the font size.
pub(crate) const LEADING: f32 = 1.4;
/// Height of a chart block.
pub(crate) const CHART_HEIGHT: f32 = 210.0;
/// A page this full (share of its body) may end before a page break; an emptier one goes on.
const MIN_FILL_BEFORE_BREAK: f32 = 0.25;

/// Pages being filled, and where the next block goes.
pub(crate) struct Flow<'a> {
    pub fonts: &'a Fonts,
    width: f32,
    height: f32,
    pages: Vec<Page>,
    pub items: Vec<Item>,
    bookmarks: Vec<Bookmark>,
    /// Top of the free space on the current page.
    pub y: f32,
    /// Height of what follows the next heading that must share its page (keep with next).
    pub keep: f32,
}

fn heading_size(level: u8) -> f32 {
    match level {
        1 => 16.0,
        2 => 12.5,
        _ => 10.5,
    }
}

impl<'a> Flow<'a> {
    pub fn new(paper: Paper, fonts: &'a Fonts) -> Flow<'a> {
        let (width, height) = paper.size();
        Flow {
            fonts,
            width,
            height,
            pages: Vec::new(),
            items: Vec::new(),
            bookmarks: Vec::new(),
            y: MARGIN_TOP,
            keep: 0.0,
        }
    }
    /// Top of the body of a page.
    pub fn top(&self) -> f32 {
        MARGIN_TOP
    }
    pub fn left(&self) -> f32 {
        MARGIN_X
    }
    /// Width between the margins.
    pub fn measure(&self) -> f32 {
        self.width - 2.0 * MARGIN_X
    }
    pub fn bottom(&self) -> f32 {
        self.height - MARGIN_BOTTOM
    }
    fn page_is_empty(&self) -> bool {
        self.items.is_empty()
    }
    pub fn new_page(&mut self) {
        let items = std::mem::take(&mut self.items);
        let bookmarks = std::mem::take(&mut self.bookmarks);
        self.pages.push(Page {
            width: self.width,
            height: self.height,
            items,
            bookmarks,
        });
        self.y = MARGIN_TOP;
    }
    /// Starts a new page unless `height` still fits (or the page is empty anyway).
    pub fn ensure(&mut self, height: f32) {
        if self.y + height > self.bottom() && !self.page_is_empty() {
            self.new_page();
        }
    }
    pub fn finish(mut self) -> Vec<Page> {
        if !self.items.is_empty() || self.pages.is_empty() {
            self.new_page();
        }
        self.pages
    }

    pub fn block(&mut self, block: &Block) {
        match block {
            Block::Cover(cover) => self.cover(cover),
            Block::Heading { level, text } => self.heading(*level, text),
            Block::Paragraph(text) => {
                self.text_lines(text, BODY, false, self.left(), self.measure());
                self.y += BODY * 0.6;
            }
            Block::Tornado(tornado) => {
                let height = super::tornado::height(tornado);
                self.ensure(height);
                let (x, w) = (self.left(), self.measure());
                let items = super::tornado::draw(tornado, self.fonts, x, self.y, w);
                self.items.extend(items);
                self.y += height + 12.0;
            }
            Block::FloorPlan(plan) => super::floorplan::place(self, plan),
            Block::Bullets(lines) => self.bullets(lines),
            Block::KeyFigures(figures) => self.key_figures(figures),
            Block::Table(table) => super::table::place(self, table),
            Block::Chart(chart) => {
                self.ensure(CHART_HEIGHT);
                let (x, w) = (self.left(), self.measure());
                let items = super::chart::draw_chart(chart, self.fonts, x, self.y, w, CHART_HEIGHT);
                self.items.extend(items);
                self.y += CHART_HEIGHT + 12.0;
            }
            Block::Elevations(racks) => super::elevation::place(self, racks),
            Block::PageBreak => {
                let fill = (self.y - self.top()) / (self.bottom() - self.top());
                if !self.page_is_empty() && fill >= MIN_FILL_BEFORE_BREAK {
                    self.new_page();
                }
            }
        }
    }

    /// Wrapped text, one line at a time (a paragraph may continue on the next page, never
    /// leaving one line alone at the foot or the head of a page).
    pub fn text_lines(&mut self, text: &str, size: f32, bold: bool, x: f32, width: f32) {
        let line_height = size * LEADING;
        let lines = self.fonts.wrap(text, size, bold, width);
        let count = lines.len();
        for (i, line) in lines.into_iter().enumerate() {
            if i == 0 || count - i == 2 {
                self.ensure(line_height * (count - i).min(2) as f32);
            } else {
                self.ensure(line_height);
            }
            let baseline = self.y + self.fonts.ascent(size);
            self.items.push(text_item(
                self.fonts,
                (x, baseline),
                size,
                bold,
                Color::BLACK,
                Anchor::Start,
                &line,
            ));
            self.y += line_height;
        }
    }

    fn cover(&mut self, cover: &Cover) {
        let fonts = self.fonts;
        let (x, w) = (self.left(), self.measure());
        self.items.push(Item::Rect {
            x: 0.0,
            y: 0.0,
            w: self.width,
            h: 10.0,
            fill: Some(Color::ACCENT),
            stroke: None,
        });
        self.y = self.height * 0.28;
        for line in fonts.wrap(&cover.title, 24.0, true, w) {
            let baseline = self.y + fonts.ascent(24.0);
            let item = text_item(
                fonts,
                (x, baseline),
                24.0,
                true,
                Color::ACCENT,
                Anchor::Start,
                &line,
            );
            self.items.push(item);
            self.y += 24.0 * 1.3;
        }
        self.y += 6.0;
        for line in fonts.wrap(&cover.subtitle, 15.0, false, w) {
            let baseline = self.y + fonts.ascent(15.0);
            let item = text_item(
                fonts,
                (x, baseline),
                15.0,
                false,
                Color::BLACK,
                Anchor::Start,
                &line,
            );
            self.items.push(item);
            self.y += 15.0 * 1.35;
        }
        self.y += 30.0;
        self.items.push(Item::Line {
            points: vec![(x, self.y), (x + w, self.y)],
            color: Color::RULE,
            width: 0.75,
            dashed: false,
        });
        self.y += 14.0;
        let label_width = cover
            .lines
            .iter()
            .map(|(label, _)| fonts.width(label, BODY, true))
            .fold(0.0, f32::max)
            + 14.0;
        for (label, value) in &cover.lines {
            let top = self.y;
            let label_item = text_item(
                fonts,
                (x, top + fonts.ascent(BODY)),
                BODY,
                true,
                Color::GREY,
                Anchor::Start,
                label,
            );
            self.items.push(label_item);
            self.text_lines(value, BODY, false, x + label_width, w - label_width);
            self.y += 4.0;
        }
        self.new_page();
    }

    /// Lines of a body paragraph.
    pub fn lines(&self, text: &str) -> usize {
        self.fonts.wrap(text, BODY, false, self.measure()).len()
    }

    /// Height a heading takes on the page.
    pub fn heading_height(&self, level: u8, text: &str) -> f32 {
        let size = heading_size(level);
        let lines = self.fonts.wrap(text, size, true, self.measure()).len();
        lines as f32 * size * 1.3 + size * 1.4
    }

    /// The least of `block` that must stand on the same page as a heading before it: a
    /// table's header and first rows, a paragraph's first lines, a whole chart.
    pub fn start_height(&self, block: &Block) -> f32 {
        let line = BODY * LEADING;
        match block {
            Block::Heading { level, text } => self.heading_height(*level, text),
            Block::Paragraph(text) => {
                let lines = self.fonts.wrap(text, BODY, false, self.measure()).len();
                (if lines <= 4 { lines } else { 2 }) as f32 * line
            }
            Block::Bullets(lines) => lines.first().map_or(0.0, |first| {
                self.fonts
                    .wrap(first, BODY, false, self.measure() - 12.0)
                    .len()
                    .min(3) as f32
                    * line
            }),
            Block::KeyFigures(_) => 60.0,
            Block::Table(table) => super::table::start_height(self.fonts, table, self.measure()),
            Block::Chart(_) => CHART_HEIGHT,
            Block::Tornado(tornado) => super::tornado::height(tornado),
            Block::FloorPlan(plan) => super::floorplan::start_height(self, plan),
            Block::Elevations(racks) => racks.first().map_or(0.0, |r| {
                super::elevation::row_height(self.fonts, std::slice::from_ref(r))
            }),
            Block::Cover(_) | Block::PageBreak => 0.0,
        }
    }

    fn heading(&mut self, level: u8, text: &str) {
        let size = heading_size(level);
        let lines = self.fonts.wrap(text, size, true, self.measure());
        let block_height = lines.len() as f32 * size * 1.3 + size * 0.8;
        if !self.page_is_empty() {
            self.y += size * 0.6;
        }
        let keep = std::mem::take(&mut self.keep);
        self.ensure(block_height + keep);
        self.bookmarks.push(Bookmark {
            level,
            title: text.to_string(),
            y: self.y,
        });
        let color = if level == 1 {
            Color::ACCENT
        } else {
            Color::BLACK
        };
        for line in lines {
            let baseline = self.y + self.fonts.ascent(size);
            let item = text_item(
                self.fonts,
                (self.left(), baseline),
                size,
                true,
                color,
                Anchor::Start,
                &line,
            );
            self.items.push(item);
            self.y += size * 1.3;
        }
        if level == 1 {
            let (x, w) = (self.left(), self.measure());
            self.items.push(Item::Line {
                points: vec![(x, self.y), (x + w, self.y)],
                color: Color::ACCENT,
                width: 1.0,
                dashed: false,
            });
        }
        self.y += size * 0.5;
    }

    fn bullets(&mut self, lines: &[String]) {
        let indent = 12.0;
        for line in lines {
            self.ensure(BODY * LEADING);
            let baseline = self.y + self.fonts.ascent(BODY);
            let bullet = text_item(
                self.fonts,
                (self.left() + 2.0, baseline),
                BODY,
                false,
                Color::ACCENT,
                Anchor::Start,
                "•",
            );
            self.items.push(bullet);
            let (x, w) = (self.left() + indent, self.measure() - indent);
            self.text_lines(line, BODY, false, x, w);
            self.y += 2.0;
        }
        self.y += BODY * 0.5;
    }

    /// Boxes of three per row: small label over a large value, both wrapped to the box.
    fn key_figures(&mut self, figures: &[KeyFigure]) {
        const PER_ROW: usize = 3;
        const GAP: f32 = 8.0;
        const PAD: f32 = 7.0;
        let (label_size, value_size) = (8.0, 13.0);
        let box_width = (self.measure() - GAP * (PER_ROW - 1) as f32) / PER_ROW as f32;
        let inner = box_width - 2.0 * PAD;
        for row in figures.chunks(PER_ROW) {
            let wrapped: Vec<(Vec<String>, Vec<String>)> = row
                .iter()
                .map(|f| {
                    (
                        self.fonts.wrap(&f.label, label_size, false, inner),
                        self.fonts.wrap(&f.value, value_size, true, inner),
                    )
                })
                .collect();
            let height = wrapped
                .iter()
                .map(|(l, v)| {
                    l.len() as f32 * label_size * 1.3 + v.len() as f32 * value_size * 1.25
                })
                .fold(0.0, f32::max)
                + 2.0 * PAD
                + 3.0;
            self.ensure(height);
            for (i, (labels, values)) in wrapped.iter().enumerate() {
                let x = self.left() + i as f32 * (box_width + GAP);
                self.items.push(Item::Rect {
                    x,
                    y: self.y,
                    w: box_width,
                    h: height,
                    fill: Some(Color::SHADE),
                    stroke: None,
                });
                let mut y = self.y + PAD;
                for line in labels {
                    let item = text_item(
                        self.fonts,
                        (x + PAD, y + self.fonts.ascent(label_size)),
                        label_size,
                        false,
                        Color::GREY,
                        Anchor::Start,
                        line,
                    );
                    self.items.push(item);
                    y += label_size * 1.3;
                }
                y += 3.0;
                for line in values {
                    let item = text_item(
                        self.fonts,
                        (x + PAD, y + self.fonts.ascent(value_size)),
                        value_size,
                        true,
                        Color::ACCENT,
                        Anchor::Start,
                        line,
                    );
                    self.items.push(item);
                    y += value_size * 1.25;
                }
            }
            self.y += height + GAP;
        }
        self.y += 4.0;
    }
}
