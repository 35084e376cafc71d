//! One entry point for every report format: the CLI and the GUI's Export… and Print… call
//! [`export`] and write the bytes where the user asked.
//!
//! Owns: choosing the format (from `--format` or the file extension) and running the
//! document build, layout and writer for it. Never touches: files, the clock, the terminal.

use std::path::Path;

use super::compose::{ReportInput, compose};
use super::layout::{Fonts, Paper};
use coolplan_words::cli::Cli;
use coolplan_words::eed::Eed;
use coolplan_words::report::Rep;
use coolplan_words::{Lang, Say, Text};

/// A report format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Pdf,
    Html,
    Csv,
    Markdown,
    /// The cost engine's stable JSON (`docs/report-json.md`).
    Json,
    /// The readable terminal summary.
    Text,
    /// The EU reporting fields of one year (`docs/eed.md`) as JSON.
    EedJson,
    /// The same as CSV, one row per field.
    EedCsv,
}

impl Format {
    pub const ALL: [Format; 8] = [
        Format::Pdf,
        Format::Html,
        Format::Csv,
        Format::Markdown,
        Format::Json,
        Format::Text,
        Format::EedJson,
        Format::EedCsv,
    ];

    /// From a `--format` value: `pdf`, `html`, `csv`, `md`, `json`, `text`, `eed-json`,
    /// `eed-csv`.
    pub fn from_code(code: &str) -> Option<Format> {
        match code.to_ascii_lowercase().as_str() {
            "pdf" => Some(Format::Pdf),
            "html" | "htm" => Some(Format::Html),
            "csv" => Some(Format::Csv),
            "md" | "markdown" => Some(Format::Markdown),
            "json" => Some(Format::Json),
            "text" | "txt" => Some(Format::Text),
            "eed-json" => Some(Format::EedJson),
            "eed-csv" => Some(Format::EedCsv),
            _ => None,
        }
    }
    /// From an output file's extension.
    pub fn from_path(path: &Path) -> Option<Format> {
        path.extension()
            .and_then(|e| e.to_str())
            .and_then(Format::from_code)
    }
    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Html => "html",
            Format::Csv => "csv",
            Format::Markdown => "md",
            Format::Json | Format::EedJson => "json",
            Format::Text => "txt",
            Format::EedCsv => "csv",
        }
    }
}

/// A report that could not be produced; [`Say`] words it.
#[derive(Debug)]
pub enum ExportError {
    #[cfg(feature = "pdf")]
    Pdf(super::pdf::PdfError),
    /// This build of coolplan was made without the `pdf` feature.
    PdfNotInBuild,
    Csv(csv::Error),
    Eed(super::eed::EedError),
}

#[cfg(feature = "pdf")]
impl From<super::pdf::PdfError> for ExportError {
    fn from(error: super::pdf::PdfError) -> Self {
        ExportError::Pdf(error)
    }
}

impl From<csv::Error> for ExportError {
    fn from(error: csv::Error) -> Self {
        ExportError::Csv(error)
    }
}

impl Say for ExportError {
    fn say(&self, lang: Lang) -> String {
        match self {
            #[cfg(feature = "pdf")]
            ExportError::Pdf(super::pdf::PdfError::Font) => Rep::PdfFont.tr(lang).to_string(),
            #[cfg(feature = "pdf")]
            ExportError::Pdf(super::pdf::PdfError::PageSize(width, height)) => {
                Rep::PdfPageSize.fmt(lang, &[width, height])
            }
            #[cfg(feature = "pdf")]
            ExportError::Pdf(super::pdf::PdfError::Export(e)) => Rep::PdfFailed.fmt(lang, &[e]),
            ExportError::PdfNotInBuild => Cli::NoPdfInBuild.tr(lang).to_string(),
            ExportError::Csv(e) => Rep::CsvFailed.fmt(lang, &[e]),
            ExportError::Eed(e) => Eed::EedFailed.fmt(lang, &[&e.say(lang)]),
        }
    }
}

/// The report of `input` in `format` on `paper` (paper matters for PDF only).
pub fn export(input: &ReportInput, format: Format, paper: Paper) -> Result<Vec<u8>, ExportError> {
    match format {
        Format::Csv => Ok(super::csv::render(
            input.site,
            input.results,
            super::csv::CsvOptions { bom: input.csv_bom },
        )?),
        #[cfg(feature = "pdf")]
        Format::Pdf => {
            let doc = compose(input);
            let fonts = Fonts::new();
            let pages = super::layout::layout(&doc, paper, &fonts);
            Ok(super::pdf::render(&doc, &pages)?)
        }
        #[cfg(not(feature = "pdf"))]
        Format::Pdf => {
            let _ = paper;
            Err(ExportError::PdfNotInBuild)
        }
        Format::Html => Ok(super::html::render(&compose(input), &Fonts::new()).into_bytes()),
        Format::Markdown => Ok(super::markdown::render(&compose(input)).into_bytes()),
        Format::Json => {
            let json = super::json::to_json_for_site(input.site, input.results, input.lang);
            Ok((json + "\n").into_bytes())
        }
        Format::Text => {
            Ok(super::text::to_text(&input.site.name, input.results, input.lang).into_bytes())
        }
        Format::EedJson | Format::EedCsv => {
            let doc = super::eed::document(input.site, input.results, input.eed_year, input.lang)
                .map_err(ExportError::Eed)?;
            if format == Format::EedJson {
                Ok(super::eed::to_json(&doc).into_bytes())
            } else {
                Ok(super::eed::to_csv(&doc, input.csv_bom)?)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_comes_from_code_or_extension() {
        assert_eq!(Format::from_code("MD"), Some(Format::Markdown));
        assert_eq!(
            Format::from_path(Path::new("/tmp/r.pdf")),
            Some(Format::Pdf)
        );
        assert_eq!(
            Format::from_path(Path::new("report.html")),
            Some(Format::Html)
        );
        assert_eq!(Format::from_path(Path::new("report")), None);
        // the EU export is asked for by --format: its files end as the report's JSON and CSV
        for f in Format::ALL {
            let by_extension = match f {
                Format::EedJson => Format::Json,
                Format::EedCsv => Format::Csv,
                f => f,
            };
            assert_eq!(Format::from_code(f.extension()), Some(by_extension));
        }
        assert_eq!(Format::from_code("eed-json"), Some(Format::EedJson));
        assert_eq!(Format::from_code("EED-CSV"), Some(Format::EedCsv));
    }
}
