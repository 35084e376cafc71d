//! The Markdown writer: the summary and every table, for pasting into tickets. Charts become
//! small data tables; drawings are left out.
//!
//! Owns: Markdown text. Never touches: files, the clock.

use std::fmt::Write;

use super::document::{Align, Block, Chart, Document, Table};
use coolplan_units::format::group_thousands;

/// Escapes the characters that would break a pipe table cell or start markup.
fn cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('\n', " ")
}

/// Renders `doc` as GitHub-flavoured Markdown.
pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    for block in &doc.blocks {
        match block {
            Block::Cover(cover) => {
                let _ = writeln!(out, "# {} — {}\n", cover.title, cover.subtitle);
                for (label, value) in &cover.lines {
                    let _ = writeln!(out, "- **{label}:** {value}");
                }
                out.push('\n');
            }
            Block::Heading { level, text } => {
                let hashes = "#".repeat(usize::from(*level).clamp(1, 5) + 1);
                let _ = writeln!(out, "{hashes} {text}\n");
            }
            Block::Paragraph(text) => {
                let _ = writeln!(out, "{text}\n");
            }
            Block::Bullets(lines) => {
                for line in lines {
                    let _ = writeln!(out, "- {line}");
                }
                out.push('\n');
            }
            Block::KeyFigures(figures) => {
                for f in figures {
                    let _ = writeln!(out, "- **{}:** {}", f.label, f.value);
                }
                out.push('\n');
            }
            Block::Table(table) => write_table(&mut out, table),
            Block::Chart(chart) => write_chart(&mut out, chart),
            Block::Elevations(_) | Block::PageBreak => {}
        }
    }
    out.trim_end().to_string() + "\n"
}

fn write_table(out: &mut String, table: &Table) {
    let headers: Vec<String> = table.columns.iter().map(|c| cell(&c.header)).collect();
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
                    format!("**{}**", cell(c))
                } else {
                    cell(c)
                }
            })
            .collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
}

/// A chart as a table of its data: categories down, series across.
fn write_chart(out: &mut String, chart: &Chart) {
    let _ = writeln!(out, "**{}** ({})\n", chart.title, chart.value_label);
    let mut header = vec![String::new()];
    header.extend(chart.series.iter().map(|s| cell(&s.name)));
    let _ = writeln!(out, "| {} |", header.join(" | "));
    let mut rules = vec!["---"];
    rules.extend(chart.series.iter().map(|_| "---:"));
    let _ = writeln!(out, "| {} |", rules.join(" | "));
    for (i, category) in chart.categories.iter().enumerate() {
        let mut cells = vec![cell(category)];
        cells.extend(chart.series.iter().map(|s| {
            s.values.get(i).map_or(String::new(), |v| {
                let decimals = if v.abs() >= 100.0 { 0 } else { 2 };
                group_thousands(*v, decimals)
            })
        }));
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    for (_, label) in &chart.markers {
        let _ = writeln!(out, "\n- {label}");
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Column, Row};

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
}
