//! Floor plans: each row of a hall as a line of rack tiles (wrapping when long), grouped by
//! rack group and coloured by the planned option, then the hall's CDUs; a legend on top.
//! The same items are drawn by the PDF backend and turned into SVG by the HTML writer.

use super::blocks::Flow;
use super::chart::PALETTE;
use super::fonts::Fonts;
use super::{Anchor, Color, Item, fit_line, text_item};
use crate::document::{FloorPlan, PlanKind};
use coolplan_engine::per_option::OPTION_COUNT;

const TILE: f32 = 7.0;
const PITCH: f32 = 8.5;
/// Extra space between two rack groups of a row.
const GROUP_GAP: f32 = 4.0;
const LABEL: f32 = 7.0;
const ROW_LABEL_WIDTH: f32 = 56.0;
const HEAD: f32 = 40.0;

/// The colour of a planned option's tiles.
pub fn kind_color(kind: PlanKind) -> Color {
    match kind {
        PlanKind::Planned(option) => OPTION_COLORS[option.index()],
        PlanKind::Unresolved => PALETTE[4],
    }
}

/// Tile colour of each option, in [`CoolingOption::ALL`] order: air grey, doors teal, cold
/// plates blue to violet, immersion orange (red is kept for unresolved groups).
const OPTION_COLORS: [Color; OPTION_COUNT] = [
    PALETTE[0],
    Color(0x76, 0xc7, 0xc0),
    Color(0x2a, 0x9d, 0x8f),
    PALETTE[1],
    PALETTE[5],
    PALETTE[6],
    PALETTE[2],
];

const CDU_COLOR: Color = Color(0x2c, 0x3e, 0x50);

/// Places the plan in the flow, on the next page when it does not fit here.
pub(crate) fn place(flow: &mut Flow, plan: &FloorPlan) {
    let (items, height) = draw(plan, flow.fonts, flow.left(), 0.0, flow.measure());
    flow.ensure(height);
    let dy = flow.y;
    flow.items
        .extend(items.into_iter().map(|item| shifted(item, dy)));
    flow.y += height + 10.0;
}

/// The height a plan needs on its page (all of it: plans are not split).
pub(crate) fn start_height(flow: &Flow, plan: &FloorPlan) -> f32 {
    draw(plan, flow.fonts, flow.left(), 0.0, flow.measure()).1
}

fn shifted(item: Item, dy: f32) -> Item {
    match item {
        Item::Text {
            x,
            y,
            size,
            bold,
            color,
            anchor,
            width,
            text,
        } => Item::Text {
            x,
            y: y + dy,
            size,
            bold,
            color,
            anchor,
            width,
            text,
        },
        Item::Rect {
            x,
            y,
            w,
            h,
            fill,
            stroke,
        } => Item::Rect {
            x,
            y: y + dy,
            w,
            h,
            fill,
            stroke,
        },
        Item::Line {
            points,
            color,
            width,
            dashed,
        } => Item::Line {
            points: points.into_iter().map(|(px, py)| (px, py + dy)).collect(),
            color,
            width,
            dashed,
        },
    }
}

/// Draws `plan` with its top-left corner at (`x`, `y`), `w` wide; returns the items and the
/// height used.
pub fn draw(plan: &FloorPlan, fonts: &Fonts, x: f32, y: f32, w: f32) -> (Vec<Item>, f32) {
    let mut items = vec![
        text_item(
            fonts,
            (x, y + fonts.ascent(9.5)),
            9.5,
            true,
            Color::BLACK,
            Anchor::Start,
            &plan.title,
        ),
        text_item(
            fonts,
            (x, y + 14.0 + fonts.ascent(LABEL)),
            LABEL,
            false,
            Color::GREY,
            Anchor::Start,
            &fit_line(fonts, &plan.note, LABEL, w),
        ),
    ];
    let mut lx = x;
    let legend = plan
        .legend
        .iter()
        .map(|(kind, label)| (kind_color(*kind), label.as_str()))
        .chain([(CDU_COLOR, plan.cdu_label.as_str())]);
    for (color, label) in legend {
        items.push(Item::Rect {
            x: lx,
            y: y + 27.0,
            w: TILE,
            h: TILE,
            fill: Some(color),
            stroke: None,
        });
        items.push(text_item(
            fonts,
            (lx + TILE + 3.0, y + 27.0 + TILE * 0.85),
            LABEL,
            false,
            Color::BLACK,
            Anchor::Start,
            label,
        ));
        lx += TILE + 3.0 + fonts.width(label, LABEL, false) + 14.0;
    }
    let start = x + ROW_LABEL_WIDTH;
    let end = x + w;
    let mut top = y + HEAD;
    let mut row_line =
        |items: &mut Vec<Item>, name: &str, tiles: &mut dyn Iterator<Item = (bool, Color)>| {
            items.push(text_item(
                fonts,
                (x, top + TILE * 0.85),
                LABEL,
                false,
                Color::GREY,
                Anchor::Start,
                &fit_line(fonts, name, LABEL, ROW_LABEL_WIDTH - 4.0),
            ));
            let mut tx = start;
            for (new_group, color) in tiles {
                if new_group && tx > start {
                    tx += GROUP_GAP;
                }
                if tx + TILE > end {
                    tx = start;
                    top += PITCH;
                }
                items.push(Item::Rect {
                    x: tx,
                    y: top,
                    w: TILE,
                    h: TILE,
                    fill: Some(color),
                    stroke: None,
                });
                tx += PITCH;
            }
            top += PITCH + 4.0;
        };
    for row in &plan.rows {
        let mut tiles = row
            .groups
            .iter()
            .flat_map(|g| (0..g.tiles).map(move |i| (i == 0, kind_color(g.kind))));
        row_line(&mut items, &row.name, &mut tiles);
    }
    if plan.cdus > 0 {
        let mut tiles = (0..plan.cdus).map(|_| (false, CDU_COLOR));
        row_line(&mut items, &plan.cdu_label, &mut tiles);
    }
    (items, top - y)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{PlanGroup, PlanRow};
    use coolplan_engine::CoolingOption;

    #[test]
    fn every_rack_is_a_tile_inside_the_measure() {
        let plan = FloorPlan {
            title: "A1".into(),
            note: "one tile per rack".into(),
            rows: vec![PlanRow {
                name: "A".into(),
                groups: vec![
                    PlanGroup {
                        name: "g1".into(),
                        tiles: 70,
                        kind: PlanKind::Planned(CoolingOption::ColdPlate),
                    },
                    PlanGroup {
                        name: "g2".into(),
                        tiles: 5,
                        kind: PlanKind::Planned(CoolingOption::Air),
                    },
                ],
            }],
            cdus: 3,
            legend: vec![(PlanKind::Planned(CoolingOption::Air), "Air".into())],
            cdu_label: "CDU".into(),
        };
        let fonts = Fonts::new();
        let (items, height) = draw(&plan, &fonts, 50.0, 0.0, 300.0);
        let tiles: Vec<(f32, f32)> = items
            .iter()
            .filter_map(|i| match i {
                Item::Rect { x, y, .. } if *y >= HEAD => Some((*x, *y)),
                _ => None,
            })
            .collect();
        // 70 + 5 racks and 3 CDUs.
        assert_eq!(tiles.len(), 78);
        assert!(
            tiles
                .iter()
                .all(|(x, y)| *x + TILE <= 350.01 && *y + TILE <= height + 0.01)
        );
    }
}
