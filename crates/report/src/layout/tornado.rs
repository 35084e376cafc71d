//! The tornado chart: one horizontal bar per input around the base value (low end to one
//! side, high end to the other), sorted as given (largest swing first), each labelled with
//! the input's name and the input's value at each end; a value axis with its unit below.

use super::chart::{PALETTE, nice_ticks};
use super::fonts::Fonts;
use super::{Anchor, Color, Item, fit_line, text_item};
use crate::document::Tornado;
use coolplan_units::format::group_thousands;

const ROW: f32 = 20.0;
const LABEL: f32 = 7.5;
const VALUE: f32 = 6.5;
const HEAD: f32 = 44.0;
const AXIS: f32 = 26.0;

/// Height of the drawn tornado, points.
pub fn height(tornado: &Tornado) -> f32 {
    HEAD + tornado.bars.len().max(1) as f32 * ROW + AXIS
}

/// Draws `tornado` with its top-left corner at (`x`, `y`), `w` points wide.
pub fn draw(tornado: &Tornado, fonts: &Fonts, x: f32, y: f32, w: f32) -> Vec<Item> {
    let mut items = vec![
        text_item(
            fonts,
            (x, y + fonts.ascent(9.5)),
            9.5,
            true,
            Color::BLACK,
            Anchor::Start,
            &tornado.title,
        ),
        text_item(
            fonts,
            (x, y + 14.0 + fonts.ascent(LABEL)),
            LABEL,
            false,
            Color::GREY,
            Anchor::Start,
            &tornado.value_label,
        ),
    ];
    // Legend: low end, high end.
    let mut lx = x;
    for (i, name) in [&tornado.low_name, &tornado.high_name].iter().enumerate() {
        items.push(Item::Rect {
            x: lx,
            y: y + 27.0,
            w: 8.0,
            h: 7.0,
            fill: Some(end_color(i)),
            stroke: None,
        });
        items.push(text_item(
            fonts,
            (lx + 11.0, y + 27.0 + fonts.ascent(LABEL) * 0.85),
            LABEL,
            false,
            Color::BLACK,
            Anchor::Start,
            name,
        ));
        lx += fonts.width(name, LABEL, false) + 24.0;
    }
    let name_width = tornado
        .bars
        .iter()
        .map(|b| fonts.width(&b.name, LABEL, false))
        .fold(0.0, f32::max)
        .min(w * 0.32)
        + 6.0;
    // Room on both sides of the bars for the input values.
    let value_room = tornado
        .bars
        .iter()
        .flat_map(|b| [&b.low_input, &b.high_input])
        .map(|t| fonts.width(t, VALUE, false))
        .fold(0.0, f32::max)
        + 6.0;
    let (left, right) = (x + name_width + value_room, x + w - value_room);
    let values = tornado
        .bars
        .iter()
        .flat_map(|b| [b.low, b.high])
        .chain([tornado.base])
        .filter(|v| v.is_finite());
    let (low, high) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    let (low, high) = if low.is_finite() {
        (low, high)
    } else {
        (0.0, 1.0)
    };
    let (ticks, step) = nice_ticks(low, high);
    let (axis_low, axis_high) = (ticks[0], ticks[ticks.len() - 1]);
    let span = (axis_high - axis_low).max(f64::EPSILON);
    let at = |v: f64| left + ((v - axis_low) / span) as f32 * (right - left);
    let top = y + HEAD;
    let bottom = top + tornado.bars.len().max(1) as f32 * ROW;
    let decimals = decimals_for(step);
    for v in &ticks {
        let tx = at(*v);
        items.push(Item::Line {
            points: vec![(tx, top), (tx, bottom)],
            color: Color(0xdd, 0xdd, 0xdd),
            width: 0.5,
            dashed: false,
        });
        items.push(text_item(
            fonts,
            (tx, bottom + 4.0 + fonts.ascent(LABEL)),
            LABEL,
            false,
            Color::GREY,
            Anchor::Middle,
            &group_thousands(*v, decimals),
        ));
    }
    for (i, bar) in tornado.bars.iter().enumerate() {
        let row_top = top + i as f32 * ROW;
        let mid = row_top + ROW / 2.0;
        let name = fit_line(fonts, &bar.name, LABEL, name_width - 6.0);
        items.push(text_item(
            fonts,
            (x, mid + LABEL * 0.35),
            LABEL,
            false,
            Color::BLACK,
            Anchor::Start,
            &name,
        ));
        for (end, (value, label)) in [(bar.low, &bar.low_input), (bar.high, &bar.high_input)]
            .into_iter()
            .enumerate()
        {
            if !value.is_finite() {
                continue;
            }
            let (from, to) = (at(tornado.base), at(value));
            // Each end takes half the row so both show where they overlap (same side).
            let bar_top = row_top + 3.0 + end as f32 * (ROW - 6.0) / 2.0;
            items.push(Item::Rect {
                x: from.min(to),
                y: bar_top,
                w: (to - from).abs().max(0.8),
                h: (ROW - 6.0) / 2.0,
                fill: Some(end_color(end)),
                stroke: None,
            });
            let (anchor, lx) = if to >= from {
                (Anchor::Start, to + 3.0)
            } else {
                (Anchor::End, to - 3.0)
            };
            items.push(text_item(
                fonts,
                (lx, bar_top + (ROW - 6.0) / 4.0 + VALUE * 0.35),
                VALUE,
                false,
                Color::BLACK,
                anchor,
                label,
            ));
        }
    }
    let base = at(tornado.base);
    items.push(Item::Line {
        points: vec![(base, top - 4.0), (base, bottom)],
        color: Color::BLACK,
        width: 0.8,
        dashed: true,
    });
    items.push(text_item(
        fonts,
        (base, top - 6.0),
        VALUE,
        false,
        Color::BLACK,
        Anchor::Middle,
        &tornado.base_label,
    ));
    items
}

/// Decimals that tell ticks `step` apart.
pub(crate) fn decimals_for(step: f64) -> usize {
    if step >= 1.0 {
        0
    } else if step >= 0.1 {
        1
    } else {
        2
    }
}

fn end_color(end: usize) -> Color {
    if end == 0 { PALETTE[2] } else { PALETTE[1] }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::TornadoBar;

    #[test]
    fn bars_start_at_the_base_and_labels_name_each_end() {
        let t = Tornado {
            title: "t".into(),
            value_label: "NPV (M CNY)".into(),
            base: 8.0,
            base_label: "base 8.0".into(),
            low_name: "low".into(),
            high_name: "high".into(),
            bars: vec![
                TornadoBar {
                    name: "Electricity price".into(),
                    low: 3.2,
                    high: 12.7,
                    low_input: "0.6 CNY/kWh".into(),
                    high_input: "0.9 CNY/kWh".into(),
                },
                TornadoBar {
                    name: "Discount rate".into(),
                    low: 10.2,
                    high: 6.1,
                    low_input: "6 %".into(),
                    high_input: "10 %".into(),
                },
            ],
        };
        let fonts = Fonts::new();
        let items = draw(&t, &fonts, 50.0, 100.0, 495.0);
        let texts: Vec<&str> = super::super::texts(&items).collect();
        for expected in [
            "Electricity price",
            "0.6 CNY/kWh",
            "10 %",
            "base 8.0",
            "NPV (M CNY)",
        ] {
            assert!(texts.contains(&expected), "{expected} missing: {texts:?}");
        }
        // Four bars (two ends of two inputs) plus the two legend swatches, all in the box.
        let rects: Vec<(f32, f32)> = items
            .iter()
            .filter_map(|i| match i {
                Item::Rect { x, w, .. } => Some((*x, *w)),
                _ => None,
            })
            .collect();
        assert_eq!(rects.len(), 6);
        assert!(rects.iter().all(|(x, w)| *x >= 50.0 && x + w <= 545.01));
        assert!((height(&t) - (HEAD + 2.0 * ROW + AXIS)).abs() < 1e-3);
    }
}
