//! A tornado chart as vector primitives: one row per category (the first at the top), each
//! series a horizontal bar from the base value to its own, the value axis along the bottom
//! and a dashed line at the base with its label.
//!
//! Owns: the tornado's geometry. Never touches: the sensitivity's figures (`compose`), the
//! title and legend (drawn by [`super::chart::draw_chart`] around it).

use super::chart::{PALETTE, TICK, nice_step, scale_of, tick_decimals};
use super::fonts::Fonts;
use super::{Anchor, Color, Item, text_item};
use crate::document::Chart;
use coolplan_units::format::group_thousands;

/// Share of the box the category labels may take at most.
const LABEL_SHARE: f32 = 0.4;

/// Draws the rows of `chart` into `(x, y, w, h)` (the box below the title, above the legend).
pub(super) fn draw(
    chart: &Chart,
    fonts: &Fonts,
    (x, y, w, h): (f32, f32, f32, f32),
    items: &mut Vec<Item>,
) {
    let base = chart.markers.first().map_or(0.0, |(value, _)| *value);
    let (low, high, step) = range_around(chart, base);
    let divisor = scale_of(low.abs().max(high.abs()));
    let decimals = tick_decimals(step / divisor.0);
    let tick_text = |v: f64| format!("{}{}", group_thousands(v / divisor.0, decimals), divisor.1);
    let label_width = chart
        .categories
        .iter()
        .map(|c| fonts.width(c, TICK, false))
        .fold(0.0, f32::max)
        .min(w * LABEL_SHARE);
    let (left, right) = (x + label_width + 6.0, x + w - 4.0);
    let (top, bottom) = (y + 10.0, y + h - 12.0);
    let px = |v: f64| left + ((v - low) / (high - low)) as f32 * (right - left);
    let mut tick = low;
    while tick <= high + step * 1e-6 {
        let tx = px(tick);
        items.push(Item::Line {
            points: vec![(tx, top), (tx, bottom)],
            color: Color(0xdd, 0xdd, 0xdd),
            width: 0.5,
            dashed: false,
        });
        items.push(text_item(
            fonts,
            (tx, bottom + 3.0 + fonts.ascent(TICK)),
            TICK,
            false,
            Color::GREY,
            Anchor::Middle,
            &tick_text(tick),
        ));
        tick += step;
    }
    let rows = chart.categories.len().max(1);
    let row = (bottom - top) / rows as f32;
    for (i, category) in chart.categories.iter().enumerate() {
        let centre = top + (i as f32 + 0.5) * row;
        items.push(text_item(
            fonts,
            (left - 4.0, centre + TICK * 0.35),
            TICK,
            false,
            Color::BLACK,
            Anchor::End,
            category,
        ));
        // the end farther from the base first, so a nearer one on the same side stays seen
        let mut ends: Vec<(usize, f64)> = chart
            .series
            .iter()
            .enumerate()
            .filter_map(|(s, series)| series.values.get(i).map(|v| (s, *v)))
            .filter(|(_, v)| v.is_finite())
            .collect();
        ends.sort_by(|a, b| (b.1 - base).abs().total_cmp(&(a.1 - base).abs()));
        for (s, value) in ends {
            let (a, b) = (px(base), px(value));
            items.push(Item::Rect {
                x: a.min(b),
                y: centre - row * 0.3,
                w: (a - b).abs(),
                h: row * 0.6,
                fill: Some(PALETTE[s % PALETTE.len()]),
                stroke: None,
            });
        }
    }
    if let Some((_, label)) = chart.markers.first() {
        let bx = px(base);
        items.push(Item::Line {
            points: vec![(bx, top - 4.0), (bx, bottom)],
            color: Color::BLACK,
            width: 0.7,
            dashed: true,
        });
        items.push(text_item(
            fonts,
            (bx + 3.0, top - 2.0),
            TICK,
            false,
            Color::BLACK,
            Anchor::Start,
            label,
        ));
    }
}

/// Low and high ends of the value axis around `base` and every value, and a round step.
fn range_around(chart: &Chart, base: f64) -> (f64, f64, f64) {
    let values = chart
        .series
        .iter()
        .flat_map(|s| &s.values)
        .filter(|v| v.is_finite());
    let (mut low, mut high) = values.fold((base, base), |(l, h), v| (l.min(*v), h.max(*v)));
    if high - low < 1e-12 {
        let pad = base.abs().max(1.0) * 0.1;
        (low, high) = (base - pad, base + pad);
    }
    let step = nice_step((high - low) / 5.0);
    (
        (low / step).floor() * step,
        (high / step).ceil() * step,
        step,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{ChartKind, Series};

    #[test]
    fn bars_start_at_the_base_and_stay_in_the_box() {
        // base 10: low end 6 and high end 17 on the first row, 9 and 12 on the second
        let chart = Chart {
            title: "t".into(),
            value_label: "CNY".into(),
            kind: ChartKind::Tornado,
            categories: vec!["a".into(), "b".into()],
            series: vec![
                Series {
                    name: "low".into(),
                    values: vec![6.0, 9.0],
                },
                Series {
                    name: "high".into(),
                    values: vec![17.0, 12.0],
                },
            ],
            markers: vec![(10.0, "base".into())],
        };
        let fonts = Fonts::new();
        let mut items = Vec::new();
        draw(&chart, &fonts, (50.0, 100.0, 400.0, 200.0), &mut items);
        let bars: Vec<(f32, f32)> = items
            .iter()
            .filter_map(|i| match i {
                Item::Rect { x, w, .. } => Some((*x, *w)),
                _ => None,
            })
            .collect();
        assert_eq!(bars.len(), 4);
        // values 6 … 17 around 10: step 2.5, axis 5 → 17.5; every bar edge inside the box
        for (x, w) in &bars {
            assert!(*x >= 50.0 && x + w <= 450.01, "{x} {w}");
        }
        // the high bar of row a (17 − 10 = 7) is longer than its low bar (10 − 6 = 4)
        let (first_w, second_w) = (bars[0].1, bars[1].1);
        assert!(
            (first_w / second_w - 7.0 / 4.0).abs() < 1e-3,
            "{first_w} {second_w}"
        );
        // both bars of a row meet at the base
        assert!((bars[0].0 - (bars[1].0 + bars[1].1)).abs() < 1e-3);
    }
}
