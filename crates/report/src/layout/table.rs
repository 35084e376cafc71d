//! Tables: column widths from the cells' real text widths, wrapped cells, rows split across
//! pages with the header row repeated on each page.
//!
//! Widths: every column gets at least its widest unbreakable word; the rest of the measure
//! goes to the columns that need least to fit unwrapped first, so long texts wrap, not names.
//! When the body would fit unwrapped if only the headers wrapped (many short columns, such as
//! seven options side by side), the headers wrap at their spaces and the body keeps its lines. Only when even the
//! unbreakable words do not fit does the font shrink (down to 70 %), and anything still too
//! wide is broken between characters, so no text ever leaves its cell.

use super::blocks::Flow;
use super::fonts::Fonts;
use super::{Anchor, Color, Item, text_item};
use crate::document::{Align, Table};

const SIZE: f32 = 8.0;
const PAD_X: f32 = 3.5;
const PAD_Y: f32 = 3.0;
const LEADING: f32 = 1.3;
/// Smallest font scale before cells break words between characters.
const MIN_SCALE: f32 = 0.7;

/// A table sized for one measure: font size and column widths.
pub(crate) struct Sizing {
    pub size: f32,
    pub widths: Vec<f32>,
}

/// Chooses the font size and column widths for `table` in `measure` points.
pub(crate) fn size_columns(fonts: &Fonts, table: &Table, measure: f32) -> Sizing {
    let columns = table.columns.len().max(1);
    let mut natural = vec![0.0f32; columns];
    // the body's natural widths alone (headers may wrap)
    let mut body = vec![0.0f32; columns];
    let mut minimum = vec![0.0f32; columns];
    let cells = std::iter::once((
        true,
        table
            .columns
            .iter()
            .map(|c| c.header.as_str())
            .collect::<Vec<_>>(),
    ))
    .chain(
        table
            .rows
            .iter()
            .map(|r| (r.strong, r.cells.iter().map(String::as_str).collect())),
    );
    let mut header = true;
    for (bold, row) in cells {
        for (i, text) in row.iter().enumerate().take(columns) {
            let width = fonts.width(text, SIZE, bold) + 2.0 * PAD_X + 0.5;
            natural[i] = natural[i].max(width);
            if !header {
                body[i] = body[i].max(width);
            }
            minimum[i] = minimum[i].max(fonts.min_width(text, SIZE, bold) + 2.0 * PAD_X);
        }
        header = false;
    }
    let min_total: f32 = minimum.iter().sum();
    let scale = if min_total > measure {
        (measure / min_total).max(MIN_SCALE)
    } else {
        1.0
    };
    let minimum: Vec<f32> = minimum
        .iter()
        .map(|m| (m * scale).min(measure / columns as f32 * 3.0))
        .collect();
    let natural: Vec<f32> = natural
        .iter()
        .zip(&minimum)
        .map(|(n, m)| (n * scale).max(*m))
        .collect();
    let body: Vec<f32> = body
        .iter()
        .zip(&minimum)
        .map(|(b, m)| (b * scale).max(*m))
        .collect();
    let min_total: f32 = minimum.iter().sum();
    let natural_total: f32 = natural.iter().sum();
    let body_total: f32 = body.iter().sum();
    let widths = if natural_total <= measure {
        // Everything fits unwrapped: spread the slack in proportion to the natural widths.
        natural
            .iter()
            .map(|n| n * measure / natural_total)
            .collect()
    } else if min_total >= measure {
        minimum.iter().map(|m| m * measure / min_total).collect()
    } else if body_total <= measure {
        // The body fits on its lines once headers wrap: the headers closest to fitting get
        // their whole width first.
        fill_smallest_first(&body, &natural, measure - body_total)
    } else {
        fill_smallest_first(&minimum, &natural, measure - min_total)
    };
    Sizing {
        size: SIZE * scale,
        widths,
    }
}

/// Starts every column at its minimum, then gives the columns that need little more (names,
/// numbers, short labels: up to [`SHORT_EXTRA`] of the measure) their whole width, least
/// first, and shares what is left among the long columns (reasons, sources) in proportion to
/// what each still lacks, so long texts wrap side by side and no column is one word wide.
fn fill_smallest_first(minimum: &[f32], natural: &[f32], mut slack: f32) -> Vec<f32> {
    let mut widths = minimum.to_vec();
    let total: f32 = natural.iter().sum::<f32>().max(1.0);
    let measure = minimum.iter().sum::<f32>() + slack;
    let mut order: Vec<usize> = (0..widths.len()).collect();
    order.sort_by(|&a, &b| (natural[a] - minimum[a]).total_cmp(&(natural[b] - minimum[b])));
    let mut long = Vec::new();
    for i in order {
        let extra = natural[i] - minimum[i];
        if extra > SHORT_EXTRA * measure.min(total) {
            long.push(i);
            continue;
        }
        let give = extra.min(slack);
        widths[i] += give;
        slack -= give;
    }
    let wanted: f32 = long.iter().map(|&i| natural[i] - minimum[i]).sum();
    if wanted > 0.0 {
        for &i in &long {
            widths[i] += slack * (natural[i] - minimum[i]) / wanted;
        }
    }
    widths
}

/// Extra width (share of the measure) up to which a column is given all it needs.
const SHORT_EXTRA: f32 = 0.12;

/// A row ready to draw: wrapped lines per cell and its height.
struct LaidRow {
    cells: Vec<Vec<String>>,
    height: f32,
    bold: bool,
}

fn lay_row(fonts: &Fonts, sizing: &Sizing, cells: &[&str], bold: bool) -> LaidRow {
    let cells: Vec<Vec<String>> = sizing
        .widths
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let text = cells.get(i).copied().unwrap_or("");
            fonts.wrap(text, sizing.size, bold, w - 2.0 * PAD_X)
        })
        .collect();
    let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
    LaidRow {
        height: lines as f32 * sizing.size * LEADING + 2.0 * PAD_Y,
        cells,
        bold,
    }
}

/// Fewest body rows a table leaves on a page when it splits (its start and its tail).
pub(crate) const MIN_ROWS_SPLIT: usize = 3;

/// Height of the header and the first rows a table must start with on a page.
pub(crate) fn start_height(fonts: &Fonts, table: &Table, measure: f32) -> f32 {
    let sizing = size_columns(fonts, table, measure);
    let header_cells: Vec<&str> = table.columns.iter().map(|c| c.header.as_str()).collect();
    let header = lay_row(fonts, &sizing, &header_cells, true);
    header.height
        + table
            .rows
            .iter()
            .take(MIN_ROWS_SPLIT)
            .map(|r| {
                let cells: Vec<&str> = r.cells.iter().map(String::as_str).collect();
                lay_row(fonts, &sizing, &cells, r.strong).height
            })
            .sum::<f32>()
}

/// Places `table` in the flow, repeating its header on every page it reaches. A split leaves
/// at least [`MIN_ROWS_SPLIT`] rows on each side (short tables move whole to the next page).
pub(crate) fn place(flow: &mut Flow, table: &Table) {
    let fonts = flow.fonts;
    let sizing = size_columns(fonts, table, flow.measure());
    let header_cells: Vec<&str> = table.columns.iter().map(|c| c.header.as_str()).collect();
    let header = lay_row(fonts, &sizing, &header_cells, true);
    let aligns: Vec<Align> = table.columns.iter().map(|c| c.align).collect();
    let rows: Vec<LaidRow> = table
        .rows
        .iter()
        .map(|row| {
            let cells: Vec<&str> = row.cells.iter().map(String::as_str).collect();
            lay_row(fonts, &sizing, &cells, row.strong)
        })
        .collect();
    let breaks = page_breaks(
        &rows.iter().map(|r| r.height).collect::<Vec<_>>(),
        header.height,
        flow.bottom() - flow.y,
        flow.bottom() - flow.top(),
    );
    if breaks.first() == Some(&0) {
        flow.new_page();
    }
    draw_row(flow, &sizing, &aligns, &header, Some(Color::SHADE));
    for (index, laid) in rows.iter().enumerate() {
        if index > 0 && breaks.contains(&index) {
            flow.new_page();
            draw_row(flow, &sizing, &aligns, &header, Some(Color::SHADE));
        }
        let shade = (index % 2 == 1).then_some(Color(0xf7, 0xf8, 0xfa));
        draw_row(flow, &sizing, &aligns, laid, shade);
    }
    flow.y += 10.0;
}

/// Row indices that start a new page (`0`: the table starts on the next page), for rows of
/// `heights` under a header of `header` height, with `room` left on this page and `page`
/// on a fresh one. Greedy, then no page keeps fewer than [`MIN_ROWS_SPLIT`] rows where the
/// table has more: a short start moves to the next page, a short tail takes rows from the
/// page before it.
fn page_breaks(heights: &[f32], header: f32, room: f32, page: f32) -> Vec<usize> {
    let n = heights.len();
    let mut breaks = Vec::new();
    let mut left = room - header;
    let mut on_page = 0usize;
    let mut fresh = room >= page;
    for (i, h) in heights.iter().enumerate() {
        // A row taller than a whole page stays where it is (it cannot fit anywhere).
        if *h > left && !(on_page == 0 && fresh) {
            breaks.push(i);
            left = page - header;
            on_page = 0;
            fresh = true;
        }
        left -= h;
        on_page += 1;
    }
    let min = MIN_ROWS_SPLIT.min(n);
    // A start of fewer than `min` rows (or only the header) moves to the next page.
    if let Some(&first) = breaks.first()
        && first < min
        && room < page
    {
        let mut moved = page_breaks(heights, header, page, page);
        moved.insert(0, 0);
        return moved;
    }
    // A tail of fewer than `min` rows takes rows from the page before it.
    if let Some(last) = breaks.last_mut() {
        let tail = n - *last;
        let before = *last;
        if tail < min && before > min {
            *last = n - min;
        }
    }
    breaks
}

fn draw_row(
    flow: &mut Flow,
    sizing: &Sizing,
    aligns: &[Align],
    row: &LaidRow,
    fill: Option<Color>,
) {
    let fonts = flow.fonts;
    let (left, top) = (flow.left(), flow.y);
    let width: f32 = sizing.widths.iter().sum();
    if let Some(fill) = fill {
        flow.items.push(Item::Rect {
            x: left,
            y: top,
            w: width,
            h: row.height,
            fill: Some(fill),
            stroke: None,
        });
    }
    let mut x = left;
    for (i, lines) in row.cells.iter().enumerate() {
        let w = sizing.widths[i];
        let (anchor, ax) = match aligns.get(i).copied().unwrap_or_default() {
            Align::Left => (Anchor::Start, x + PAD_X),
            Align::Center => (Anchor::Middle, x + w / 2.0),
            Align::Right => (Anchor::End, x + w - PAD_X),
        };
        for (j, line) in lines.iter().enumerate() {
            let baseline =
                top + PAD_Y + j as f32 * sizing.size * LEADING + fonts.ascent(sizing.size);
            flow.items.push(text_item(
                fonts,
                (ax, baseline),
                sizing.size,
                row.bold,
                Color::BLACK,
                anchor,
                line,
            ));
        }
        x += w;
    }
    flow.items.push(Item::Line {
        points: vec![(left, top + row.height), (left + width, top + row.height)],
        color: Color::RULE,
        width: 0.4,
        dashed: false,
    });
    flow.y += row.height;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Column, Row};

    fn table(rows: usize, text: &str) -> Table {
        Table {
            columns: vec![
                Column::left("Rack group"),
                Column::right("kW"),
                Column::left("Reasons"),
            ],
            rows: (0..rows)
                .map(|i| Row::new(vec![format!("row {i}"), "40.8".into(), text.into()]))
                .collect(),
        }
    }

    #[test]
    fn columns_fill_the_measure_and_fit_their_words() {
        let fonts = Fonts::new();
        let t = table(3, "air cannot cool 40.8 kW per rack (limit 25 kW)");
        let sizing = size_columns(&fonts, &t, 400.0);
        let total: f32 = sizing.widths.iter().sum();
        assert!((total - 400.0).abs() < 0.01, "{total}");
        assert_eq!(sizing.size, SIZE);
        assert!(sizing.widths[1] >= fonts.width("40.8", SIZE, false) + 2.0 * PAD_X);
    }

    #[test]
    fn splits_leave_at_least_three_rows_on_each_page() {
        // 10 rows of 10 pt, 25 pt header: a fresh page (200 pt) holds 17 rows.
        let heights = vec![10.0; 10];
        // Room for 2 rows only: the table starts on the next page, whole.
        assert_eq!(page_breaks(&heights, 25.0, 45.0, 200.0), vec![0]);
        // Room for 8 rows: 8 here and 2 on the next page would strand 2; 7 and 3 instead.
        assert_eq!(page_breaks(&heights, 25.0, 105.0, 200.0), vec![7]);
        // Room for 5: 5 and 5.
        assert_eq!(page_breaks(&heights, 25.0, 75.0, 200.0), vec![5]);
        // Fits: no break.
        assert!(page_breaks(&heights, 25.0, 150.0, 200.0).is_empty());
        // A long table on fresh pages: 17 per page, the tail of 6 keeps its rows.
        let long = vec![10.0; 40];
        assert_eq!(page_breaks(&long, 25.0, 200.0, 200.0), vec![17, 34]);
        // A tail of 1 row takes two from the page before.
        let tail = vec![10.0; 35];
        assert_eq!(page_breaks(&tail, 25.0, 200.0, 200.0), vec![17, 32]);
    }

    #[test]
    fn too_many_columns_shrink_the_font_but_stay_in_the_measure() {
        let fonts = Fonts::new();
        let t = Table {
            columns: (0..14)
                .map(|i| Column::right(format!("Column-heading-{i}")))
                .collect(),
            rows: vec![Row::new(
                (0..14).map(|i| format!("{}", i * 1_000_000)).collect(),
            )],
        };
        let sizing = size_columns(&fonts, &t, 495.0);
        assert!(
            sizing.size < SIZE && sizing.size >= SIZE * MIN_SCALE,
            "{}",
            sizing.size
        );
        let total: f32 = sizing.widths.iter().sum();
        assert!((total - 495.0).abs() < 0.01);
    }

    /// The options comparison with seven options (the most a site can show) on A4 portrait
    /// (495 pt): option names wrap at their spaces, metric labels and figures stay on one line,
    /// the font keeps its size.
    #[test]
    fn seven_option_columns_fit_a4_portrait_at_full_size() {
        let fonts = Fonts::new();
        let options = [
            "Air",
            "Rear door (passive)",
            "Rear door (active)",
            "Cold plate",
            "Cold plate + rear door",
            "Cold plate, liquid-to-air CDU",
            "Immersion",
        ];
        let mut columns = vec![Column::left("Metric")];
        columns.extend(options.iter().map(|o| Column::right(*o)));
        let row = |label: &str, value: &str| {
            Row::new(
                std::iter::once(label.to_string())
                    .chain(options.iter().map(|_| value.to_string()))
                    .collect(),
            )
        };
        let t = Table {
            columns,
            rows: vec![
                row("NPV of savings vs air (M CNY)", "-15.4"),
                row("IT power at design", "2,716 kW"),
                row("Facility energy per year", "23.7 GWh"),
                row("Discounted payback", "never"),
            ],
        };
        let sizing = size_columns(&fonts, &t, 495.0);
        assert_eq!(sizing.size, SIZE);
        // the metric labels keep their line: the option headers wrap instead
        let label = fonts.width("NPV of savings vs air (M CNY)", SIZE, false) + 2.0 * PAD_X;
        assert!(sizing.widths[0] >= label, "{} < {label}", sizing.widths[0]);
        for (i, width) in sizing.widths.iter().enumerate().skip(1) {
            // every figure on one line, every word of a name whole
            let figure = fonts.width("2,716 kW", SIZE, false) + 2.0 * PAD_X;
            let word = fonts.min_width(t.columns[i].header.as_str(), SIZE, true) + 2.0 * PAD_X;
            assert!(*width >= figure && *width >= word, "column {i}: {width}");
        }
    }
}
