//! Rack elevations: racks drawn front-on, unit by unit on a U scale, side by side across the
//! page.

use super::blocks::Flow;
use super::fonts::Fonts;
use super::{Anchor, Color, Item, fit_line, text_item};
use crate::document::{Elevation, SlotKind};

const RACK_WIDTH: f32 = 100.0;
const GAP: f32 = 22.0;
const TITLE: f32 = 7.5;
/// Room left of the first rack for its U scale.
const SCALE: f32 = 12.0;
/// Size of the U-scale numbers.
const U_LABEL: f32 = 5.0;
/// Height of the drawn rack body, points (a 42U rack: about 5.2 pt per U).
const BODY: f32 = 220.0;

fn slot_color(kind: SlotKind) -> Color {
    match kind {
        SlotKind::Server => Color(0xc9, 0xd1, 0xdb),
        SlotKind::CooledServer => Color(0x9c, 0xc8, 0xeb),
        SlotKind::Liquid => Color(0xf3, 0xc1, 0x97),
    }
}

/// Racks that fit side by side in `measure` points.
pub fn racks_per_row(measure: f32) -> usize {
    (((measure - SCALE + GAP) / (RACK_WIDTH + GAP)).floor() as usize).max(1)
}

/// Places the racks in rows that fit the measure.
pub(crate) fn place(flow: &mut Flow, racks: &[Elevation]) {
    for row in racks.chunks(racks_per_row(flow.measure())) {
        let height = row_height(flow.fonts, row);
        flow.ensure(height);
        let items = draw_row(flow.fonts, row, flow.left(), flow.y);
        flow.items.extend(items);
        flow.y += height;
    }
}

/// Height of one row of racks: wrapped titles, the rack body and a gap.
pub fn row_height(fonts: &Fonts, row: &[Elevation]) -> f32 {
    title_lines(fonts, row) * TITLE * 1.3 + 4.0 + BODY + 10.0
}

fn title_lines(fonts: &Fonts, row: &[Elevation]) -> f32 {
    row.iter()
        .map(|r| {
            fonts
                .wrap(&r.title, TITLE, true, RACK_WIDTH + GAP - 4.0)
                .len()
        })
        .max()
        .unwrap_or(1) as f32
}

/// Draws one row of racks with its top-left corner at (`left`, `top`).
pub fn draw_row(fonts: &Fonts, row: &[Elevation], left: f32, top: f32) -> Vec<Item> {
    let mut items = Vec::new();
    let lines = title_lines(fonts, row);
    for (i, rack) in row.iter().enumerate() {
        let x = left + SCALE + i as f32 * (RACK_WIDTH + GAP);
        let title = fonts.wrap(&rack.title, TITLE, true, RACK_WIDTH + GAP - 4.0);
        for (j, line) in title.iter().enumerate() {
            let baseline = top + j as f32 * TITLE * 1.3 + fonts.ascent(TITLE);
            items.push(text_item(
                fonts,
                (x, baseline),
                TITLE,
                true,
                Color::BLACK,
                Anchor::Start,
                line,
            ));
        }
        draw_rack(fonts, &mut items, rack, x, top + lines * TITLE * 1.3 + 4.0);
    }
    items
}

fn draw_rack(fonts: &Fonts, items: &mut Vec<Item>, rack: &Elevation, x: f32, top: f32) {
    let units = rack.height_u.max(1) as f32;
    let per_u = BODY / units;
    items.push(Item::Rect {
        x,
        y: top,
        w: RACK_WIDTH,
        h: BODY,
        fill: Some(Color::WHITE),
        stroke: Some(Color::BLACK),
    });
    // U scale on the left: every fifth unit numbered from the bottom, a tick at each.
    for u in (1..=rack.height_u).filter(|u| *u == 1 || u % 5 == 0) {
        let mid = top + (units - u as f32 + 0.5) * per_u;
        items.push(Item::Line {
            points: vec![(x - 3.0, mid), (x, mid)],
            color: Color::GREY,
            width: 0.4,
            dashed: false,
        });
        items.push(text_item(
            fonts,
            (x - 4.0, mid + U_LABEL * 0.35),
            U_LABEL,
            false,
            Color::GREY,
            Anchor::End,
            &u.to_string(),
        ));
    }
    for slot in &rack.slots {
        let slot_top = top + (units - (slot.bottom_u + slot.height_u - 1) as f32) * per_u;
        let slot_height = slot.height_u as f32 * per_u;
        if slot_top < top - 0.01 {
            continue; // above the rack: the model refuses such slots; never draw outside
        }
        items.push(Item::Rect {
            x: x + 3.0,
            y: slot_top + 0.4,
            w: RACK_WIDTH - 6.0,
            h: slot_height - 0.8,
            fill: Some(slot_color(slot.kind)),
            stroke: Some(Color::GREY),
        });
        let size = (slot_height * 0.7).min(6.5);
        if size >= 3.5 {
            let label = fit_line(fonts, &slot.label, size, RACK_WIDTH - 10.0);
            let baseline = slot_top + slot_height / 2.0 + size * 0.35;
            items.push(text_item(
                fonts,
                (x + RACK_WIDTH / 2.0, baseline),
                size,
                false,
                Color::BLACK,
                Anchor::Middle,
                &label,
            ));
        }
    }
}
