//! The HTML writer: one self-contained file (inline CSS, charts, tornado, floor plans and rack
//! elevations as inline SVG) with the same content as the PDF. Its print stylesheet uses CSS
//! paged media: the running header and "Page n of N" in the page margins, table headers
//! repeated, headings kept with what follows, no table row or figure split.
//!
//! Owns: HTML text. Never touches: files, the clock, the network (no external resources).

use std::fmt::Write;

use super::document::{Align, Block, Chart, Cover, Document, Elevation, KeyFigure, Table};
use super::layout::elevation::{draw_row, racks_per_row, row_height};
use super::layout::{Anchor, Fonts, Item, draw_chart};

const STYLE: &str = r#"
:root { --accent: #1f5f99; --rule: #bbb; --shade: #eef1f5; }
body { font-family: "Noto Sans SC", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", sans-serif;
  color: #1a1a1a; max-width: 60rem; margin: 2rem auto; padding: 0 1.5rem; font-size: 10.5pt; line-height: 1.45; }
.cover { border-top: 8px solid var(--accent); padding-top: 4rem; min-height: 60vh; }
.cover h1 { color: var(--accent); font-size: 2.2rem; margin-bottom: .3rem; }
.cover .subtitle { font-size: 1.4rem; margin-top: 0; }
.cover dl { display: grid; grid-template-columns: max-content 1fr; gap: .35rem 1.2rem; border-top: 1px solid var(--rule); padding-top: 1rem; }
.cover dt { color: #666; font-weight: bold; } .cover dd { margin: 0; word-break: break-all; }
h1 { color: var(--accent); border-bottom: 2px solid var(--accent); padding-bottom: .2rem; margin-top: 2.5rem; }
h2 { margin-top: 1.8rem; } h3 { margin-top: 1.2rem; font-size: 1.05rem; }
.figures { display: grid; grid-template-columns: repeat(3, 1fr); gap: .5rem; margin: 1rem 0; }
.figure { background: var(--shade); padding: .5rem .7rem; }
.figure .label { color: #666; font-size: .85rem; } .figure .value { color: var(--accent); font-weight: bold; font-size: 1.25rem; }
table { border-collapse: collapse; width: 100%; margin: .8rem 0 1.2rem; font-size: .85rem; }
th { background: var(--shade); text-align: left; } th, td { padding: .25rem .4rem; border-bottom: 1px solid var(--rule); vertical-align: top; }
tbody tr:nth-child(even) { background: #f7f8fa; } tr.strong td { font-weight: bold; }
.r { text-align: right; } .c { text-align: center; }
figure { margin: 1rem 0; } svg { max-width: 100%; height: auto; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 9.5pt; }
  .cover { break-after: page; min-height: auto; }
  .page-break { break-after: page; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  thead { display: table-header-group; } tr, figure, .figure { break-inside: avoid; page-break-inside: avoid; }
  p, li { orphans: 2; widows: 2; }
}
"#;

/// A CSS string literal of `text` (quotes and backslashes escaped, no line breaks).
fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for ch in text.chars() {
        match ch {
            '"' | '\\' => {
                out.push('\\');
                out.push(ch);
            }
            '\n' | '\r' => out.push(' '),
            // `</style>` cannot end the style element from inside a CSS string.
            '<' => out.push_str("\\3c "),
            _ => out.push(ch),
        }
    }
    out.push('"');
    out
}

/// CSS paged media: the page size, the running header (not on the cover) and "Page n of N"
/// in the document's words, for browsers and print engines that draw page-margin boxes.
fn page_style(doc: &Document) -> String {
    // "Page {0} of {1}" → "Page " counter(page) " of " counter(pages)
    let mut footer = String::new();
    let mut rest = doc.page_label.as_str();
    while let Some(at) = rest.find('{') {
        let (before, after) = rest.split_at(at);
        if !before.is_empty() {
            footer.push_str(&css_string(before));
            footer.push(' ');
        }
        let counter = if after.starts_with("{0}") {
            "counter(page) "
        } else {
            "counter(pages) "
        };
        footer.push_str(counter);
        rest = after.get(3..).unwrap_or("");
    }
    if !rest.is_empty() {
        footer.push_str(&css_string(rest));
    }
    let date = doc.date.clone().unwrap_or_default();
    format!(
        "\n@page {{ size: A4; margin: 18mm 14mm 16mm;\n  \
         @top-left {{ content: {}; font-size: 7.5pt; color: #666; }}\n  \
         @top-right {{ content: {}; font-size: 7.5pt; color: #666; }}\n  \
         @bottom-center {{ content: {}; font-size: 7.5pt; color: #666; }} }}\n\
         @page :first {{ @top-left {{ content: none; }} @top-right {{ content: none; }} }}\n",
        css_string(&doc.running_header),
        css_string(&date),
        footer.trim_end()
    )
}

/// Escapes text for HTML content and attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

/// Renders `doc` as one HTML file.
pub fn render(doc: &Document, fonts: &Fonts) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"coolplan {}\">\n<title>{}</title>\n<style>{STYLE}{}</style>\n</head>\n<body>\n",
        escape(&doc.language),
        env!("CARGO_PKG_VERSION"),
        escape(&doc.title),
        page_style(doc)
    );
    for block in &doc.blocks {
        match block {
            Block::Cover(cover) => write_cover(&mut out, cover),
            Block::Heading { level, text } => {
                let level = (*level).clamp(1, 6);
                let _ = writeln!(out, "<h{level}>{}</h{level}>", escape(text));
            }
            Block::Paragraph(text) => {
                let _ = writeln!(out, "<p>{}</p>", escape(text));
            }
            Block::Bullets(lines) => {
                out.push_str("<ul>\n");
                for line in lines {
                    let _ = writeln!(out, "<li>{}</li>", escape(line));
                }
                out.push_str("</ul>\n");
            }
            Block::KeyFigures(figures) => write_figures(&mut out, figures),
            Block::Table(table) => write_table(&mut out, table),
            Block::Chart(chart) => write_chart(&mut out, chart, fonts),
            Block::Elevations(racks) => write_elevations(&mut out, racks, fonts),
            Block::Tornado(tornado) => {
                let height = super::layout::tornado::height(tornado);
                let items = super::layout::tornado::draw(tornado, fonts, 0.0, 0.0, SVG_WIDTH);
                let _ = writeln!(
                    out,
                    "<figure>{}</figure>",
                    svg(&items, SVG_WIDTH, height, &tornado.title)
                );
            }
            Block::FloorPlan(plan) => {
                let (items, height) =
                    super::layout::floorplan::draw(plan, fonts, 0.0, 0.0, SVG_WIDTH);
                let _ = writeln!(
                    out,
                    "<figure>{}</figure>",
                    svg(&items, SVG_WIDTH, height, &plan.title)
                );
            }
            Block::PageBreak => out.push_str("<div class=\"page-break\"></div>\n"),
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn write_cover(out: &mut String, cover: &Cover) {
    let _ = write!(
        out,
        "<header class=\"cover\">\n<h1>{}</h1>\n<p class=\"subtitle\">{}</p>\n<dl>\n",
        escape(&cover.title),
        escape(&cover.subtitle)
    );
    for (label, value) in &cover.lines {
        let _ = writeln!(out, "<dt>{}</dt><dd>{}</dd>", escape(label), escape(value));
    }
    out.push_str("</dl>\n</header>\n");
}

fn write_figures(out: &mut String, figures: &[KeyFigure]) {
    out.push_str("<div class=\"figures\">\n");
    for f in figures {
        let _ = writeln!(
            out,
            "<div class=\"figure\"><div class=\"label\">{}</div><div class=\"value\">{}</div></div>",
            escape(&f.label),
            escape(&f.value)
        );
    }
    out.push_str("</div>\n");
}

fn class(align: Align) -> &'static str {
    match align {
        Align::Left => "",
        Align::Center => " class=\"c\"",
        Align::Right => " class=\"r\"",
    }
}

fn write_table(out: &mut String, table: &Table) {
    out.push_str("<table>\n<thead><tr>");
    for c in &table.columns {
        let _ = write!(out, "<th{}>{}</th>", class(c.align), escape(&c.header));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &table.rows {
        out.push_str(if row.strong {
            "<tr class=\"strong\">"
        } else {
            "<tr>"
        });
        for (i, cell) in row.cells.iter().enumerate() {
            let align = table.columns.get(i).map_or(Align::Left, |c| c.align);
            let _ = write!(out, "<td{}>{}</td>", class(align), escape(cell));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// Width of the SVG drawings, in CSS pixels (= points of the PDF layout).
const SVG_WIDTH: f32 = 640.0;

fn write_chart(out: &mut String, chart: &Chart, fonts: &Fonts) {
    let height = 260.0;
    let items = draw_chart(chart, fonts, 0.0, 0.0, SVG_WIDTH, height);
    let _ = writeln!(
        out,
        "<figure>{}</figure>",
        svg(&items, SVG_WIDTH, height, &chart.title)
    );
}

fn write_elevations(out: &mut String, racks: &[Elevation], fonts: &Fonts) {
    for row in racks.chunks(racks_per_row(SVG_WIDTH)) {
        let height = row_height(fonts, row);
        let items = draw_row(fonts, row, 0.0, 0.0);
        let title: Vec<&str> = row.iter().map(|r| r.title.as_str()).collect();
        let _ = writeln!(
            out,
            "<figure>{}</figure>",
            svg(&items, SVG_WIDTH, height, &title.join("; "))
        );
    }
}

/// Number with at most two decimals, no trailing zeros (compact, deterministic SVG).
fn n(value: f32) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Laid-out items as an inline SVG element.
pub fn svg(items: &[Item], width: f32, height: f32, label: &str) -> String {
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" role=\"img\" aria-label=\"{}\">",
        n(width),
        n(height),
        n(width),
        n(height),
        escape(label)
    );
    for item in items {
        match item {
            Item::Text {
                x,
                y,
                size,
                bold,
                color,
                anchor,
                text,
                ..
            } => {
                let anchor = match anchor {
                    Anchor::Start => "start",
                    Anchor::Middle => "middle",
                    Anchor::End => "end",
                };
                let weight = if *bold { " font-weight=\"bold\"" } else { "" };
                let _ = write!(
                    out,
                    "<text x=\"{}\" y=\"{}\" font-size=\"{}\"{weight} fill=\"{}\" text-anchor=\"{anchor}\">{}</text>",
                    n(*x),
                    n(*y),
                    n(*size),
                    color.hex(),
                    escape(text)
                );
            }
            Item::Rect {
                x,
                y,
                w,
                h,
                fill,
                stroke,
            } => {
                let fill = fill.map_or("none".to_string(), |c| c.hex());
                let stroke = stroke.map_or(String::new(), |c| {
                    format!(" stroke=\"{}\" stroke-width=\"0.5\"", c.hex())
                });
                let _ = write!(
                    out,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\"{stroke}/>",
                    n(*x),
                    n(*y),
                    n(*w),
                    n(*h)
                );
            }
            Item::Line {
                points,
                color,
                width,
                dashed,
            } => {
                let points: Vec<String> = points
                    .iter()
                    .map(|(x, y)| format!("{},{}", n(*x), n(*y)))
                    .collect();
                let dash = if *dashed {
                    " stroke-dasharray=\"3 2\""
                } else {
                    ""
                };
                let _ = write!(
                    out,
                    "<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"{dash}/>",
                    points.join(" "),
                    color.hex(),
                    n(*width)
                );
            }
        }
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Column, Row};

    #[test]
    fn html_escapes_and_keeps_every_heading() {
        let doc = Document {
            title: "R&D <site>".into(),
            language: "zh-CN".into(),
            page_label: "Page {0} of {1}".into(),
            running_header: "Site \"A\" </style> · report".into(),
            blocks: vec![
                Block::Heading {
                    level: 1,
                    text: "投资回收期 & NPV".into(),
                },
                Block::Table(Table {
                    columns: vec![Column::right("kW")],
                    rows: vec![Row::new(vec!["40.8".into()])],
                }),
            ],
            ..Document::default()
        };
        let html = render(&doc, &Fonts::new());
        assert!(html.contains("<title>R&amp;D &lt;site&gt;</title>"));
        assert!(html.contains("<h1>投资回收期 &amp; NPV</h1>"));
        assert!(html.contains("<td class=\"r\">40.8</td>"));
        assert!(html.contains("thead { display: table-header-group; }"));
        // Paged media: page numbers in the document's words, the running header.
        assert!(html.contains("@bottom-center"), "{html}");
        assert!(!html.contains("h1 { page-break-before"));
        assert!(
            html.contains(
                r#"@bottom-center { content: "Page " counter(page) " of " counter(pages); "#
            ),
            "{html}"
        );
        assert!(
            html.contains(r#"content: "Site \"A\" \3c /style> · report""#),
            "{html}"
        );
        // Self-contained: nothing is fetched.
        assert!(!html.contains("<link") && !html.contains("src="));
    }
}
