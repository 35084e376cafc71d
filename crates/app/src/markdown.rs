//! A reader of the project's own Markdown (the method and file-format documents bundled in
//! the binary for in-app help): headings, paragraphs, lists, tables, fenced code, and inline
//! `code` and **bold**. Enough for `docs/*.md`, not a general Markdown engine.
//!
//! Owns: parsing a document into blocks once and drawing them. Never touches: files (the
//! text is compiled in), wording.

use egui::text::LayoutJob;
use egui::{Color32, FontId, RichText, TextFormat, Ui};

/// One block of a document.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// Level 1–4 and text.
    Heading(u8, String),
    Paragraph(String),
    /// Indent (0, 1, …) and text of a list item.
    Item(usize, String),
    /// Rows of cells; the first row is the header.
    Table(Vec<Vec<String>>),
    Code(String),
}

/// The blocks of `text`.
pub fn parse(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let mut table: Vec<Vec<String>> = Vec::new();
    let mut code: Option<Vec<&str>> = None;
    let flush =
        |blocks: &mut Vec<Block>, paragraph: &mut Vec<&str>, table: &mut Vec<Vec<String>>| {
            if !paragraph.is_empty() {
                let text = paragraph.join(" ");
                match blocks.last_mut() {
                    // a list item's continuation lines belong to the item
                    Some(Block::Item(_, item))
                        if paragraph.first().is_some_and(|l| l.starts_with("  ")) =>
                    {
                        item.push(' ');
                        item.push_str(text.trim());
                    }
                    _ => blocks.push(Block::Paragraph(text.trim().to_string())),
                }
                paragraph.clear();
            }
            if !table.is_empty() {
                blocks.push(Block::Table(std::mem::take(table)));
            }
        };
    for line in text.lines() {
        if let Some(lines) = &mut code {
            if line.trim_start().starts_with("```") {
                blocks.push(Block::Code(lines.join("\n")));
                code = None;
            } else {
                lines.push(line);
            }
            continue;
        }
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") {
            flush(&mut blocks, &mut paragraph, &mut table);
            code = Some(Vec::new());
        } else if trimmed.is_empty() {
            flush(&mut blocks, &mut paragraph, &mut table);
        } else if let Some(level) = heading_level(trimmed) {
            flush(&mut blocks, &mut paragraph, &mut table);
            let text = trimmed.trim_start_matches('#').trim();
            // headings show as plain text (no code spans) in the contents and the text
            blocks.push(Block::Heading(level, text.replace('`', "")));
        } else if trimmed.starts_with('|') {
            if !paragraph.is_empty() {
                flush(&mut blocks, &mut paragraph, &mut Vec::new());
            }
            let cells: Vec<String> = trimmed
                .trim_matches('|')
                .split('|')
                .map(|c| c.trim().to_string())
                .collect();
            let separator = cells
                .iter()
                .all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':')));
            if !separator {
                table.push(cells);
            }
        } else if let Some((indent, item)) = list_item(line) {
            flush(&mut blocks, &mut paragraph, &mut table);
            blocks.push(Block::Item(indent, item.to_string()));
        } else {
            if !table.is_empty() {
                flush(&mut blocks, &mut paragraph, &mut table);
            }
            paragraph.push(line);
        }
    }
    if let Some(lines) = code {
        blocks.push(Block::Code(lines.join("\n")));
    }
    flush(&mut blocks, &mut paragraph, &mut table);
    blocks
}

fn heading_level(line: &str) -> Option<u8> {
    let hashes = line.chars().take_while(|c| *c == '#').count();
    ((1..=4).contains(&hashes) && line[hashes..].starts_with(' ')).then_some(hashes as u8)
}

/// `- item`, `* item`, `1. item` with its indent level (two spaces a level).
fn list_item(line: &str) -> Option<(usize, &str)> {
    let indent = line.len() - line.trim_start().len();
    let trimmed = line.trim_start();
    let rest = trimmed
        .strip_prefix("- ")
        .or_else(|| trimmed.strip_prefix("* "))
        .or_else(|| {
            let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
            (digits > 0)
                .then(|| trimmed[digits..].strip_prefix(". "))
                .flatten()
        })?;
    Some((indent / 2, rest))
}

/// `text` with `code` in monospace and **bold** strong.
fn inline(ui: &Ui, text: &str, size: f32) -> LayoutJob {
    let body = FontId::proportional(size);
    let mono = FontId::monospace(size - 1.0);
    let colour = ui.visuals().text_color();
    let strong = ui.visuals().strong_text_color();
    let code_bg = ui.visuals().code_bg_color;
    let mut job = LayoutJob::default();
    let mut rest = text;
    while !rest.is_empty() {
        let next_code = rest.find('`');
        let next_bold = rest.find("**");
        match (next_code, next_bold) {
            (Some(c), b) if b.is_none_or(|b| c < b) => {
                job.append(&rest[..c], 0.0, TextFormat::simple(body.clone(), colour));
                let after = &rest[c + 1..];
                let end = after.find('`').unwrap_or(after.len());
                let format = TextFormat {
                    font_id: mono.clone(),
                    color: colour,
                    background: code_bg,
                    ..Default::default()
                };
                job.append(&after[..end], 0.0, format);
                rest = after.get(end + 1..).unwrap_or("");
            }
            (_, Some(b)) => {
                job.append(&rest[..b], 0.0, TextFormat::simple(body.clone(), colour));
                let after = &rest[b + 2..];
                let end = after.find("**").unwrap_or(after.len());
                job.append(&after[..end], 0.0, TextFormat::simple(body.clone(), strong));
                rest = after.get(end + 2..).unwrap_or("");
            }
            _ => {
                job.append(rest, 0.0, TextFormat::simple(body.clone(), colour));
                rest = "";
            }
        }
    }
    job.wrap.max_width = ui.available_width();
    job
}

/// Draws `blocks`, text wrapped to the width given, tables and code scrolled sideways;
/// scrolls block `scroll_to` (a heading chosen in the contents) to the top.
pub fn show(ui: &mut Ui, blocks: &[Block], scroll_to: Option<usize>) {
    let size = 14.0;
    for (i, block) in blocks.iter().enumerate() {
        match block {
            Block::Heading(level, text) => {
                ui.add_space(if *level <= 2 { 10.0 } else { 4.0 });
                let heading = [22.0, 18.0, 15.5, 14.5][usize::from(*level - 1).min(3)];
                let response = ui.label(RichText::new(text).size(heading).strong());
                if scroll_to == Some(i) {
                    response.scroll_to_me(Some(egui::Align::TOP));
                }
            }
            Block::Paragraph(text) => {
                ui.label(inline(ui, text, size));
                ui.add_space(4.0);
            }
            Block::Item(indent, text) => {
                ui.horizontal_top(|ui| {
                    ui.add_space(12.0 + 16.0 * *indent as f32);
                    ui.label("•");
                    // a horizontal layout does not wrap unless asked
                    ui.add(egui::Label::new(inline(ui, text, size)).wrap());
                });
            }
            Block::Table(rows) => {
                egui::ScrollArea::horizontal()
                    .id_salt(("md_table", i))
                    .show(ui, |ui| {
                        egui::Grid::new(("md_grid", i))
                            .striped(true)
                            .show(ui, |ui| {
                                for (r, row) in rows.iter().enumerate() {
                                    for cell in row {
                                        if r == 0 {
                                            ui.label(RichText::new(cell.replace('`', "")).strong());
                                        } else {
                                            ui.label(inline(ui, cell, size - 1.0));
                                        }
                                    }
                                    ui.end_row();
                                }
                            });
                    });
                ui.add_space(6.0);
            }
            Block::Code(text) => {
                egui::ScrollArea::horizontal()
                    .id_salt(("md_code", i))
                    .show(ui, |ui| {
                        egui::Frame::new()
                            .fill(ui.visuals().code_bg_color)
                            .inner_margin(6.0)
                            .corner_radius(4.0)
                            .show(ui, |ui| {
                                let code = RichText::new(text).monospace().color(code_colour(ui));
                                ui.add(egui::Label::new(code).extend());
                            });
                    });
                ui.add_space(4.0);
            }
        }
    }
}

fn code_colour(ui: &Ui) -> Color32 {
    ui.visuals().text_color()
}

/// The headings of `blocks` with their block index.
pub fn headings(blocks: &[Block]) -> Vec<(usize, u8, &str)> {
    blocks
        .iter()
        .enumerate()
        .filter_map(|(i, b)| match b {
            Block::Heading(level, text) => Some((i, *level, text.as_str())),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_lists_tables_and_code_are_told_apart() {
        let text = "# The `Title`\n\nA paragraph\nover two lines.\n\n- one\n  more\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```ron\n(x: 1)\n```\n";
        let blocks = parse(text);
        assert_eq!(
            blocks,
            [
                Block::Heading(1, "The Title".into()),
                Block::Paragraph("A paragraph over two lines.".into()),
                Block::Item(0, "one more".into()),
                Block::Item(0, "two".into()),
                Block::Table(vec![
                    vec!["a".into(), "b".into()],
                    vec!["1".into(), "2".into()]
                ]),
                Block::Code("(x: 1)".into()),
            ]
        );
    }

    #[test]
    fn every_bundled_document_parses_into_headed_blocks() {
        for text in crate::help::DOCUMENTS {
            let blocks = parse(text);
            assert!(matches!(blocks.first(), Some(Block::Heading(1, _))));
            assert!(headings(&blocks).len() >= 3);
        }
        // the method's table of the heat split reads as a table of five columns
        let method = parse(crate::help::DOCUMENTS[0]);
        let split = method.iter().find_map(|b| match b {
            Block::Table(rows) if rows[0][0] == "Option" => Some(rows),
            _ => None,
        });
        assert_eq!(split.map(|rows| (rows.len(), rows[0].len())), Some((4, 5)));
    }
}
