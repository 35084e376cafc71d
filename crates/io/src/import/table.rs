//! CSV text → header and rows with their line numbers. Malformed rows are collected with the
//! line they start on, never fatal; a byte-order mark and `;` or tab delimiters are accepted.

use super::ImportError;
use super::reason::SkipReason;

/// One data row and the line of the file it starts on (1-based, header is line 1).
#[derive(Clone, Debug)]
pub struct Row {
    pub line: u64,
    pub cells: Vec<String>,
}

impl Row {
    /// The trimmed cell at `index`, or "" when absent.
    pub fn cell(&self, index: Option<usize>) -> &str {
        index
            .and_then(|i| self.cells.get(i))
            .map_or("", |c| c.trim())
    }
}

/// A parsed CSV file.
#[derive(Clone, Debug)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
    /// Rows that could not be read, with their lines.
    pub malformed: Vec<(u64, SkipReason)>,
}

impl Table {
    /// Data rows that could not be read: one per malformed record, and every row a quote
    /// left open swallowed.
    pub fn malformed_rows(&self) -> usize {
        self.malformed
            .iter()
            .map(|(line, reason)| rows_of(*line, reason))
            .sum()
    }

    /// The malformed rows as skipped rows of a preview.
    pub fn skipped_rows(&self) -> Vec<super::SkippedRow> {
        self.malformed
            .iter()
            .map(|(line, reason)| super::SkippedRow {
                line: *line,
                reason: reason.clone(),
            })
            .collect()
    }
}

/// Reads CSV text. Errors only when there is no header; bad rows go to `malformed`.
pub fn read_table(text: &str) -> Result<Table, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let header_line = text.lines().next().unwrap_or("").trim_end().to_string();
    if header_line.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let delimiter = delimiter_of(&header_line);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| ImportError::Csv {
            line: 1,
            message: e.to_string(),
        })?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    let mut rows = Vec::new();
    let mut malformed = Vec::new();
    let mut lines = LineCounter::new(text);
    let mut record = csv::StringRecord::new();
    loop {
        let before = reader.position().byte();
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = record.position().map_or(0, |p| lines.line_at(p.byte()));
                if record.iter().all(|c| c.trim().is_empty()) {
                    continue; // a blank spreadsheet row carries nothing
                }
                if swallowed_rows(&record, delimiter, headers.len()) {
                    // The record's own text, its line terminator left out: at the end of
                    // the file the open quote swallows the last terminator too.
                    let start = record.position().map_or(before, |p| p.byte());
                    let end = reader.position().byte();
                    let raw = usize::try_from(start)
                        .ok()
                        .zip(usize::try_from(end).ok())
                        .and_then(|(start, end)| text.get(start..end))
                        .unwrap_or("");
                    let breaks = raw.trim_end_matches(['\r', '\n']).matches('\n').count();
                    let last_line = line + breaks as u64;
                    malformed.push((line, SkipReason::UnterminatedQuote { last_line }));
                    continue;
                }
                if record.len() != headers.len() {
                    let reason = SkipReason::FieldCount {
                        found: record.len(),
                        expected: headers.len(),
                    };
                    malformed.push((line, reason));
                    continue;
                }
                let cells = record.iter().map(str::to_string).collect();
                rows.push(Row { line, cells });
            }
            Err(error) => {
                let line = error.position().map_or(0, |p| lines.line_at(p.byte()));
                malformed.push((line, SkipReason::Csv(error.to_string())));
                if reader.position().byte() == before {
                    break; // no progress: stop rather than loop
                }
            }
        }
    }
    Ok(Table {
        headers,
        rows,
        malformed,
    })
}

/// True when a quoted cell holds lines that look like rows of their own (as many
/// delimiters as a row has): a quote opened and never closed where it should have been,
/// which swallowed the rows after it into one cell. A note cell with line breaks has
/// no such lines.
fn swallowed_rows(record: &csv::StringRecord, delimiter: u8, columns: usize) -> bool {
    let needed = columns.saturating_sub(1).max(1);
    record.iter().any(|cell| {
        cell.contains('\n')
            && cell
                .lines()
                .skip(1)
                .any(|line| line.bytes().filter(|&b| b == delimiter).count() >= needed)
    })
}

/// Rows a malformed record starting on `line` stands for.
pub fn rows_of(line: u64, reason: &SkipReason) -> usize {
    match reason {
        SkipReason::UnterminatedQuote { last_line } => {
            usize::try_from(last_line.saturating_sub(line) + 1).unwrap_or(usize::MAX)
        }
        _ => 1,
    }
}

/// Line numbers from byte offsets (the csv crate's own line count skips blank lines).
struct LineCounter<'a> {
    text: &'a str,
    byte: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text,
            byte: 0,
            line: 1,
        }
    }
    /// The 1-based line holding byte `offset` (offsets must not decrease between calls).
    fn line_at(&mut self, offset: u64) -> u64 {
        let bytes = self.text.as_bytes();
        let mut offset = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(bytes.len());
        // After a blank line the csv crate reports the blank line's start: skip to the record.
        while offset < bytes.len() && matches!(bytes[offset], b'\n' | b'\r') {
            offset += 1;
        }
        if offset > self.byte {
            let newlines = bytes[self.byte..offset]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            self.line += newlines as u64;
            self.byte = offset;
        }
        self.line
    }
}

/// `,` unless the header has more `;` or tabs (spreadsheets in many locales write `;`).
fn delimiter_of(header_line: &str) -> u8 {
    let count = |d: char| header_line.matches(d).count();
    [(b';', count(';')), (b'\t', count('\t'))]
        .into_iter()
        .filter(|&(_, n)| n > count(','))
        .max_by_key(|&(_, n)| n)
        .map_or(b',', |(d, _)| d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_keep_their_line_numbers_and_short_rows_are_reported() {
        let text = "\u{feff}Rack;Model;Count\nA01;cpu-1u;4\n\nA02;cpu-2u\n\"A03\";\"hgx-h100\";1\n";
        let table = read_table(text).unwrap();
        assert_eq!(table.headers, ["Rack", "Model", "Count"]);
        let lines: Vec<u64> = table.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [2, 5]);
        assert_eq!(
            table.malformed,
            [(
                4,
                SkipReason::FieldCount {
                    found: 2,
                    expected: 3
                }
            )]
        );
    }

    /// Header on line 1, the quote opens on line 3 and swallows lines 4–5: the rows through
    /// line 5, whether the file ends with a line break or not, or the quote closes on line 5.
    #[test]
    fn a_quote_left_open_names_the_last_line_it_swallowed() {
        let head = "Rack,Model,Count\nA01,cpu-1u,4\nA02,\"cpu-2u,1\nA03,cpu-1u,2\nA04,cpu-1u,3";
        for text in [
            format!("{head}\n"),
            head.to_string(),
            format!("{head}\",x\n"),
        ] {
            let table = read_table(&text).unwrap();
            assert_eq!(
                table.malformed,
                [(3, SkipReason::UnterminatedQuote { last_line: 5 })],
                "{text:?}"
            );
            assert_eq!(rows_of(3, &table.malformed[0].1), 3);
        }
    }

    #[test]
    fn an_empty_file_is_an_error() {
        assert!(matches!(read_table(""), Err(ImportError::Empty)));
        assert!(matches!(read_table("\n\n"), Err(ImportError::Empty)));
    }
}
