//! The Markdown writer: the summary and every table, for pasting into tickets. Charts and
//! the tornado become small data tables; drawings are left out.
//!
//! Owns: Markdown text. Never touches: files, the clock.
//!
//! Every text from the document is escaped: HTML is inert (`<script>` becomes
//! `&lt;script&gt;`, so a name from a site file cannot inject markup into a renderer that
//! passes inline HTML through), and the characters that start Markdown markup are
//! backslash-escaped so names print as written.

use std::fmt::Write;

use super::document::{Align, Block, Chart, Document, Table, Tornado};
use coolplan_units::format::group_thousands;

/// Escapes `text` for Markdown prose: HTML-significant characters as entities, markup
/// characters with a backslash, line breaks as spaces.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' => {
                out.push('\\');
                out.push(ch);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(ch),
        }
    }
    out
}

/// Renders `doc` as GitHub-flavoured Markdown.
pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    for block in &doc.blocks {
        match block {
            Block::Cover(cover) => {
                let _ = writeln!(
                    out,
                    "# {} — {}\n",
                    escape(&cover.title),
                    escape(&cover.subtitle)
                );
                for (label, value) in &cover.lines {
                    let _ = writeln!(out, "- **{}:** {}", escape(label), escape(value));
                }
                out.push('\n');
            }
            Block::Heading { level, text } => {
                let hashes = "#".repeat(usize::from(*level).clamp(1, 5) + 1);
                let _ = writeln!(out, "{hashes} {}\n", escape(text));
            }
            Block::Paragraph(text) => {
                let _ = writeln!(out, "{}\n", escape(text));
            }
            Block::Bullets(lines) => {
                for line in lines {
                    let _ = writeln!(out, "- {}", escape(line));
                }
                out.push('\n');
            }
            Block::KeyFigures(figures) => {
                for f in figures {
                    let _ = writeln!(out, "- **{}:** {}", escape(&f.label), escape(&f.value));
                }
                out.push('\n');
            }
            Block::Table(table) => write_table(&mut out, table),
            Block::Chart(chart) => write_chart(&mut out, chart),
            Block::Tornado(tornado) => write_tornado(&mut out, tornado),
            Block::Elevations(_) | Block::FloorPlan(_) | Block::PageBreak => {}
        }
    }
    out.trim_end().to_string() + "\n"
}

fn write_table(out: &mut String, table: &Table) {
    let headers: Vec<String> = table.columns.iter().map(|c| escape(&c.header)).collect();
    let _ = writeln!(out, "| {} |", headers.join(" | "));
    let rules: Vec<&str> = table
        .columns
        .iter()
        .map(|c| match c.align {
            Align::Left => "---",
            Align::Center => ":---:",
            Align::Right => "---:",
        })
        .collect();
    let _ = writeln!(out, "| {} |", rules.join(" | "));
    for row in &table.rows {
        let cells: Vec<String> = row
            .cells
            .iter()
            .map(|c| {
                if row.strong && !c.is_empty() {
                    format!("**{}**", escape(c))
                } else {
                    escape(c)
                }
            })
            .collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
}

/// A chart as a table of its data: categories down, series across, in the axis unit.
fn write_chart(out: &mut String, chart: &Chart) {
    let _ = writeln!(
        out,
        "**{}** ({})\n",
        escape(&chart.title),
        escape(&chart.value_label)
    );
    let mut header = vec![escape(&chart.category_label)];
    header.extend(chart.series.iter().map(|s| escape(&s.name)));
    let _ = writeln!(out, "| {} |", header.join(" | "));
    let mut rules = vec!["---"];
    rules.extend(chart.series.iter().map(|_| "---:"));
    let _ = writeln!(out, "| {} |", rules.join(" | "));
    for (i, category) in chart.categories.iter().enumerate() {
        let mut cells = vec![escape(category)];
        cells.extend(chart.series.iter().map(|s| {
            s.values.get(i).map_or(String::new(), |v| {
                let decimals = if v.abs() >= 100.0 { 0 } else { 2 };
                group_thousands(*v, decimals)
            })
        }));
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    for (_, label) in &chart.markers {
        let _ = writeln!(out, "\n- {}", escape(label));
    }
    out.push('\n');
}

/// A tornado as a table: input, value and figure at each end.
fn write_tornado(out: &mut String, t: &Tornado) {
    let _ = writeln!(
        out,
        "**{}** ({}; {})\n",
        escape(&t.title),
        escape(&t.value_label),
        escape(&t.base_label)
    );
    let _ = writeln!(
        out,
        "|  | {low} |  | {high} |  |\n| --- | ---: | ---: | ---: | ---: |",
        low = escape(&t.low_name),
        high = escape(&t.high_name)
    );
    for bar in &t.bars {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            escape(&bar.name),
            escape(&bar.low_input),
            group_thousands(bar.low, 2),
            escape(&bar.high_input),
            group_thousands(bar.high, 2)
        );
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Column, Cover, Row};

    #[test]
    fn tables_are_pipe_tables_with_alignment_and_escapes() {
        let doc = Document {
            blocks: vec![
                Block::Heading {
                    level: 1,
                    text: "Option comparison".into(),
                },
                Block::Table(Table {
                    columns: vec![Column::left("Metric"), Column::right("Air")],
                    rows: vec![
                        Row::new(vec!["a|b".into(), "1,234".into()]),
                        Row::strong(vec!["PUE".into(), "1.52".into()]),
                    ],
                }),
            ],
            ..Document::default()
        };
        let md = render(&doc);
        assert_eq!(
            md,
            "## Option comparison\n\n| Metric | Air |\n| --- | ---: |\n| a\\|b | 1,234 |\n| **PUE** | **1.52** |\n"
        );
    }

    #[test]
    fn html_from_names_is_inert() {
        let doc = Document {
            blocks: vec![
                Block::Cover(Cover {
                    title: "Report".into(),
                    subtitle: "<script>alert(1)</script>".into(),
                    lines: vec![("Site".into(), "<img src=x onerror=alert(1)>".into())],
                }),
                Block::Paragraph("Hall <b>A</b> & *B*".into()),
                Block::Table(Table {
                    columns: vec![Column::left("<th>")],
                    rows: vec![Row::new(vec!["<img src=x onerror=alert(1)>".into()])],
                }),
            ],
            ..Document::default()
        };
        let md = render(&doc);
        assert!(!md.contains('<'), "{md}");
        assert!(md.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(md.contains("Hall &lt;b&gt;A&lt;/b&gt; &amp; \\*B\\*"));
    }
}
