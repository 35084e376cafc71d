//! Charts as vector primitives: stacked and grouped bars, lines with markers. The same items
//! are drawn by the PDF backend and turned into inline SVG by the HTML writer.

use super::fonts::Fonts;
use super::{Anchor, Color, Item, text_item};
use crate::document::{Chart, ChartKind};
use coolplan_units::format::group_thousands;

/// Series colours, in order (air, cold plate, immersion first): eight, told apart in print;
/// a chart has at most eight series (the document merges the rest into "other").
pub const PALETTE: [Color; 8] = [
    Color(0x7f, 0x8c, 0x9d),
    Color(0x1f, 0x77, 0xb4),
    Color(0xe0, 0x7b, 0x39),
    Color(0x3a, 0x9e, 0x6f),
    Color(0xc0, 0x39, 0x2b),
    Color(0x8e, 0x6b, 0xb8),
    Color(0xd4, 0xac, 0x0d),
    Color(0x2c, 0x3e, 0x50),
];

const TICK: f32 = 7.0;
const LEGEND: f32 = 7.5;

/// Draws `chart` into the box at (`x`, `y`) of `w` × `h` points.
pub fn draw_chart(chart: &Chart, fonts: &Fonts, x: f32, y: f32, w: f32, h: f32) -> Vec<Item> {
    let mut items = Vec::new();
    items.push(text_item(
        fonts,
        (x, y + fonts.ascent(9.5)),
        9.5,
        true,
        Color::BLACK,
        Anchor::Start,
        &chart.title,
    ));
    items.push(text_item(
        fonts,
        (x, y + 14.0 + fonts.ascent(7.5)),
        7.5,
        false,
        Color::GREY,
        Anchor::Start,
        &chart.value_label,
    ));
    let legend_top = legend(chart, fonts, x, y + h, w, &mut items);
    let (low, high, step) = value_range(chart);
    let decimals = super::tornado::decimals_for(step);
    let tick_text = |v: f64| group_thousands(v, decimals);
    let ticks: Vec<f64> = (0..)
        .map(|i| low + step * i as f64)
        .take_while(|v| *v <= high + step * 1e-6)
        .collect();
    let label_width = ticks
        .iter()
        .map(|v| fonts.width(&tick_text(*v), TICK, false))
        .fold(0.0, f32::max);
    let axis_title = if chart.category_label.is_empty() {
        0.0
    } else {
        10.0
    };
    let n = chart.categories.len().max(1);
    let (left, right) = (x + label_width + 6.0, x + w - 4.0);
    let wrapped = wrapped_labels(chart, fonts, (right - left) / n as f32 - 4.0);
    let extra_lines = wrapped
        .as_ref()
        .and_then(|w| w.iter().map(Vec::len).max())
        .map_or(0, |lines| lines - 1);
    let plot = Plot {
        left,
        right,
        top: y + 32.0,
        bottom: legend_top - 16.0 - axis_title - extra_lines as f32 * LABEL_LINE,
        low,
        high,
    };
    for v in &ticks {
        let ty = plot.y(*v);
        let color = if v.abs() < step * 1e-6 {
            Color::GREY
        } else {
            Color(0xdd, 0xdd, 0xdd)
        };
        items.push(Item::Line {
            points: vec![(plot.left, ty), (plot.right, ty)],
            color,
            width: 0.5,
            dashed: false,
        });
        items.push(text_item(
            fonts,
            (plot.left - 4.0, ty + TICK * 0.35),
            TICK,
            false,
            Color::GREY,
            Anchor::End,
            &tick_text(*v),
        ));
    }
    match chart.kind {
        ChartKind::StackedBars | ChartKind::GroupedBars => bars(chart, &plot, n, &mut items),
        ChartKind::Lines => lines(chart, &plot, n, &mut items),
    }
    match &wrapped {
        Some(lines) => wrapped_category_labels(chart, fonts, &plot, n, lines, &mut items),
        None => category_labels(chart, fonts, &plot, n, &mut items),
    }
    if axis_title > 0.0 {
        items.push(text_item(
            fonts,
            (
                (plot.left + plot.right) / 2.0,
                plot.bottom + 14.0 + extra_lines as f32 * LABEL_LINE + fonts.ascent(TICK),
            ),
            TICK,
            false,
            Color::GREY,
            Anchor::Middle,
            &chart.category_label,
        ));
    }
    markers(chart, fonts, &plot, n, &mut items);
    items
}

/// The plot area and its value range.
struct Plot {
    left: f32,
    right: f32,
    top: f32,
    bottom: f32,
    low: f64,
    high: f64,
}

impl Plot {
    fn y(&self, value: f64) -> f32 {
        let t = ((value - self.low) / (self.high - self.low)) as f32;
        self.bottom - t * (self.bottom - self.top)
    }
    fn width(&self) -> f32 {
        self.right - self.left
    }
    /// Centre of category `i` (bars: slot centres; lines: evenly spaced from edge to edge).
    fn x(&self, kind: ChartKind, n: usize, i: f64) -> f32 {
        match kind {
            ChartKind::Lines if n > 1 => self.left + (i as f32) * self.width() / (n - 1) as f32,
            ChartKind::Lines => self.left + self.width() / 2.0,
            _ => self.left + (i as f32 + 0.5) * self.width() / n as f32,
        }
    }
}

/// Low and high ends of the axis (0 always included) and a round tick step.
fn value_range(chart: &Chart) -> (f64, f64, f64) {
    let (mut low, mut high) = (0.0f64, 0.0f64);
    if chart.kind == ChartKind::StackedBars {
        for i in 0..chart.categories.len() {
            let values = chart
                .series
                .iter()
                .filter_map(|s| s.values.get(i))
                .filter(|v| v.is_finite());
            let (neg, pos) =
                values.fold(
                    (0.0, 0.0),
                    |(n, p), v| if *v < 0.0 { (n + v, p) } else { (n, p + v) },
                );
            low = low.min(neg);
            high = high.max(pos);
        }
    } else {
        for v in chart
            .series
            .iter()
            .flat_map(|s| &s.values)
            .filter(|v| v.is_finite())
        {
            low = low.min(*v);
            high = high.max(*v);
        }
    }
    if high - low < 1e-12 {
        high = low + 1.0;
    }
    let step = nice_step((high - low) / 5.0);
    (
        (low / step).floor() * step,
        (high / step).ceil() * step,
        step,
    )
}

/// 1, 2, 2.5 or 5 times a power of ten, at least `raw`.
fn nice_step(raw: f64) -> f64 {
    let power = 10f64.powf(raw.log10().floor());
    let fraction = raw / power;
    let nice = [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .find(|f| *f >= fraction - 1e-9)
        .unwrap_or(10.0);
    nice * power
}

/// Round ticks covering `low..=high` (at least four) and their step.
pub(crate) fn nice_ticks(low: f64, high: f64) -> (Vec<f64>, f64) {
    let (low, high) = if high - low < 1e-12 {
        (low - 0.5, high + 0.5)
    } else {
        (low, high)
    };
    let step = nice_step((high - low) / 5.0);
    let (first, last) = ((low / step).floor() * step, (high / step).ceil() * step);
    let ticks = (0..)
        .map(|i| first + step * i as f64)
        .take_while(|v| *v <= last + step * 1e-6)
        .collect();
    (ticks, step)
}

fn bars(chart: &Chart, plot: &Plot, n: usize, items: &mut Vec<Item>) {
    let slot = plot.width() / n as f32;
    let group = slot * 0.7;
    let count = chart.series.len().max(1);
    for i in 0..n {
        let left = plot.left + i as f32 * slot + (slot - group) / 2.0;
        let (mut up, mut down) = (0.0f64, 0.0f64);
        for (s, series) in chart.series.iter().enumerate() {
            let Some(&value) = series.values.get(i).filter(|v| v.is_finite()) else {
                continue;
            };
            let color = PALETTE[s % PALETTE.len()];
            let (from, to, bar_left, bar_width) = if chart.kind == ChartKind::StackedBars {
                let base = if value >= 0.0 { up } else { down };
                if value >= 0.0 {
                    up += value
                } else {
                    down += value
                }
                (base, base + value, left, group)
            } else {
                let width = group / count as f32;
                (0.0, value, left + s as f32 * width, width * 0.92)
            };
            let (y0, y1) = (plot.y(from), plot.y(to));
            items.push(Item::Rect {
                x: bar_left,
                y: y0.min(y1),
                w: bar_width,
                h: (y0 - y1).abs(),
                fill: Some(color),
                stroke: None,
            });
        }
    }
}

fn lines(chart: &Chart, plot: &Plot, n: usize, items: &mut Vec<Item>) {
    for (s, series) in chart.series.iter().enumerate() {
        let points: Vec<(f32, f32)> = series
            .values
            .iter()
            .enumerate()
            .filter(|(_, v)| v.is_finite())
            .map(|(i, v)| (plot.x(ChartKind::Lines, n, i as f64), plot.y(*v)))
            .collect();
        items.push(Item::Line {
            points,
            color: PALETTE[s % PALETTE.len()],
            width: 1.6,
            dashed: false,
        });
    }
}

/// Line pitch of wrapped category labels.
const LABEL_LINE: f32 = TICK + 1.5;
/// Category labels wrap onto at most this many lines before they are thinned instead.
const LABEL_MAX_LINES: usize = 2;

/// Each category label wrapped at spaces into lines no wider than `max_width`, when every
/// label needs wrapping to fit its slot and fits in [`LABEL_MAX_LINES`] lines (option names
/// under a bar each); `None` when the labels fit on one line or cannot fit wrapped (years
/// under a line chart are then thinned, [`category_labels`]).
fn wrapped_labels(chart: &Chart, fonts: &Fonts, max_width: f32) -> Option<Vec<Vec<String>>> {
    let fits = |text: &str| fonts.width(text, TICK, false) <= max_width;
    if chart.categories.iter().all(|c| fits(c)) {
        return None;
    }
    chart
        .categories
        .iter()
        .map(|label| {
            let mut lines: Vec<String> = Vec::new();
            for word in label.split(' ') {
                match lines.last_mut() {
                    Some(line) if fits(&format!("{line} {word}")) => {
                        line.push(' ');
                        line.push_str(word);
                    }
                    _ if fits(word) => lines.push(word.to_string()),
                    _ => return None,
                }
            }
            (lines.len() <= LABEL_MAX_LINES).then_some(lines)
        })
        .collect()
}

fn wrapped_category_labels(
    chart: &Chart,
    fonts: &Fonts,
    plot: &Plot,
    n: usize,
    wrapped: &[Vec<String>],
    items: &mut Vec<Item>,
) {
    for (i, lines) in wrapped.iter().enumerate() {
        let cx = plot.x(chart.kind, n, i as f64);
        for (k, line) in lines.iter().enumerate() {
            let baseline = plot.bottom + 4.0 + fonts.ascent(TICK) + k as f32 * LABEL_LINE;
            items.push(text_item(
                fonts,
                (cx, baseline),
                TICK,
                false,
                Color::GREY,
                Anchor::Middle,
                line,
            ));
        }
    }
}

fn category_labels(chart: &Chart, fonts: &Fonts, plot: &Plot, n: usize, items: &mut Vec<Item>) {
    let widest = chart
        .categories
        .iter()
        .map(|c| fonts.width(c, TICK, false))
        .fold(0.0, f32::max);
    let spacing = plot.width() / n.max(1) as f32;
    let every = ((widest + 6.0) / spacing).ceil().max(1.0) as usize;
    for (i, label) in chart.categories.iter().enumerate().step_by(every) {
        let cx = plot.x(chart.kind, n, i as f64);
        items.push(text_item(
            fonts,
            (cx, plot.bottom + 4.0 + fonts.ascent(TICK)),
            TICK,
            false,
            Color::GREY,
            Anchor::Middle,
            label,
        ));
    }
}

fn markers(chart: &Chart, fonts: &Fonts, plot: &Plot, n: usize, items: &mut Vec<Item>) {
    for (k, (position, label)) in chart.markers.iter().enumerate() {
        let mx = plot.x(chart.kind, n, *position);
        items.push(Item::Line {
            points: vec![(mx, plot.top), (mx, plot.bottom)],
            color: Color::BLACK,
            width: 0.7,
            dashed: true,
        });
        let ly = plot.top + 8.0 + k as f32 * 9.0;
        let anchor = if mx > plot.left + plot.width() * 0.7 {
            Anchor::End
        } else {
            Anchor::Start
        };
        let lx = if anchor == Anchor::End {
            mx - 3.0
        } else {
            mx + 3.0
        };
        items.push(text_item(
            fonts,
            (lx, ly),
            TICK,
            false,
            Color::BLACK,
            anchor,
            label,
        ));
    }
}

/// Legend rows at the bottom of the box; returns the top of the legend.
fn legend(chart: &Chart, fonts: &Fonts, x: f32, bottom: f32, w: f32, items: &mut Vec<Item>) -> f32 {
    let entries: Vec<(f32, &str)> = chart
        .series
        .iter()
        .map(|s| (fonts.width(&s.name, LEGEND, false) + 22.0, s.name.as_str()))
        .collect();
    let mut rows: Vec<Vec<(usize, f32, &str)>> = vec![Vec::new()];
    let mut used = 0.0;
    for (i, (width, name)) in entries.iter().enumerate() {
        if used + width > w && !rows.last().is_some_and(Vec::is_empty) {
            rows.push(Vec::new());
            used = 0.0;
        }
        if let Some(row) = rows.last_mut() {
            row.push((i, used, name));
        }
        used += width;
    }
    let row_height = LEGEND * 1.6;
    let top = bottom - rows.len() as f32 * row_height;
    for (r, row) in rows.iter().enumerate() {
        let ry = top + r as f32 * row_height;
        for (i, offset, name) in row {
            let color = PALETTE[i % PALETTE.len()];
            items.push(Item::Rect {
                x: x + offset,
                y: ry + 1.5,
                w: 8.0,
                h: 7.0,
                fill: Some(color),
                stroke: None,
            });
            items.push(text_item(
                fonts,
                (x + offset + 11.0, ry + 1.5 + fonts.ascent(LEGEND) * 0.85),
                LEGEND,
                false,
                Color::BLACK,
                Anchor::Start,
                name,
            ));
        }
    }
    top
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Series;

    fn chart(kind: ChartKind, values: Vec<Vec<f64>>) -> Chart {
        Chart {
            title: "t".into(),
            value_label: "M CNY".into(),
            category_label: String::new(),
            kind,
            categories: (0..values[0].len()).map(|i| i.to_string()).collect(),
            series: values
                .into_iter()
                .enumerate()
                .map(|(i, v)| Series {
                    name: format!("s{i}"),
                    values: v,
                })
                .collect(),
            markers: vec![],
        }
    }

    #[test]
    fn seven_option_names_wrap_under_their_bars_instead_of_being_thinned() {
        let names = [
            "Air",
            "Rear door, passive",
            "Rear door, active",
            "Cold plate",
            "Cold plate + rear door",
            "Cold plate, liquid-to-air CDU",
            "Immersion",
        ];
        let mut c = chart(ChartKind::StackedBars, vec![vec![1.0; 7]]);
        c.categories = names.iter().map(|n| n.to_string()).collect();
        let fonts = Fonts::new();
        let items = draw_chart(&c, &fonts, 0.0, 0.0, 480.0, 220.0);
        let texts: Vec<&str> = super::super::texts(&items).collect();
        // every name is drawn, whole or in two lines that join back to it
        for name in names {
            let whole = texts.contains(&name);
            let split = texts
                .windows(2)
                .any(|w| format!("{} {}", w[0], w[1]) == name);
            assert!(whole || split, "{name}: {texts:?}");
        }
        // too narrow to wrap into two lines: thinned as before, never overflowing
        let narrow = draw_chart(&c, &fonts, 0.0, 0.0, 120.0, 220.0);
        assert!(narrow.len() < items.len());
    }

    #[test]
    fn steps_are_round() {
        assert_eq!(nice_step(0.7), 1.0);
        assert_eq!(nice_step(1.3), 2.0);
        assert_eq!(nice_step(2.2), 2.5);
        assert_eq!(nice_step(3_100_000.0), 5_000_000.0);
    }

    #[test]
    fn axes_have_at_least_four_round_ticks() {
        for (low, high) in [
            (0.0, 1.0),
            (0.0, 5.1),
            (0.0, 12.6),
            (-3.2, 12.7),
            (6.1, 10.2),
            (0.0, 2_000.0),
        ] {
            let (ticks, step) = nice_ticks(low, high);
            assert!(ticks.len() >= 4, "{low}..{high}: {ticks:?}");
            assert!(ticks[0] <= low && *ticks.last().unwrap() >= high);
            assert_eq!(nice_step(step), step);
        }
        // Monthly energy of a small room: 40–60 MWh a month.
        let c = chart(ChartKind::GroupedBars, vec![vec![40.0; 12], vec![60.0; 12]]);
        let (low, high, step) = value_range(&c);
        assert!(((high - low) / step).round() >= 3.0, "{low} {high} {step}");
    }

    #[test]
    fn stacked_range_covers_the_sums_and_zero() {
        let c = chart(
            ChartKind::StackedBars,
            vec![vec![3.0, 1.0], vec![4.0, -2.0]],
        );
        let (low, high, step) = value_range(&c);
        assert!(
            low <= -2.0 && high >= 7.0 && step > 0.0,
            "{low} {high} {step}"
        );
    }

    #[test]
    fn every_primitive_stays_in_the_box() {
        let fonts = Fonts::new();
        let c = chart(
            ChartKind::GroupedBars,
            vec![vec![1.5, 1.2, 1.1], vec![1.4, 1.1, 1.05]],
        );
        for item in draw_chart(&c, &fonts, 50.0, 100.0, 400.0, 200.0) {
            if let Item::Rect { x, y, w, h, .. } = item {
                assert!(x >= 50.0 && x + w <= 450.01 && y >= 100.0 && y + h <= 300.01);
            }
        }
    }
}
