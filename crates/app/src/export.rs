//! Export and print: hand the current results to the report writers and write the file.
//! Formats by extension: PDF, HTML, CSV, Markdown, JSON, text (`report::export`); the EU
//! reporting export of a year as JSON or CSV.

use std::path::Path;

use crate::state::{AppState, Notice};
use coolplan_report::compose::{ReportInput, sha256_hex};
use coolplan_report::export::{self as writers, Format};
use coolplan_report::layout::Paper;
use coolplan_words::gui::Gui;
use coolplan_words::validation::Val;
use coolplan_words::{Lang, Say, Text};

/// Writes a report of the current site to `path` (format from the extension).
pub fn export(state: &mut AppState, path: &Path) {
    let outcome = Format::from_path(path)
        .ok_or_else(|| unknown_format(path))
        .and_then(|format| write_report(state, path, format, None));
    notify(state, path, outcome);
}

/// Writes the EU reporting export of `year` to `path`: JSON, or CSV for a `.csv` file.
pub fn export_eed(state: &mut AppState, path: &Path, year: Option<u16>) {
    let format = match Format::from_path(path) {
        Some(Format::Csv) => Format::EedCsv,
        _ => Format::EedJson,
    };
    let outcome = write_report(state, path, format, year);
    notify(state, path, outcome);
}

fn unknown_format(path: &Path) -> ExportFailure {
    let extension = path.extension().map(|e| e.to_string_lossy().into_owned());
    ExportFailure::UnknownFormat(extension.unwrap_or_default())
}

/// The notice of an export to `path`.
fn notify(state: &mut AppState, path: &Path, outcome: Result<(), ExportFailure>) {
    let lang = state.settings.lang;
    state.notice = Some(match outcome {
        Ok(()) => Notice {
            text: Gui::Exported.fmt(lang, &[&path.display()]),
            is_error: false,
        },
        Err(reason) => Notice {
            text: Gui::ExportFailed.fmt(lang, &[&path.display(), &reason.say(lang)]),
            is_error: true,
        },
    });
}

/// Why a report was not written, or not handed to the printer or viewer.
#[derive(Debug)]
enum ExportFailure {
    /// The site has no results to report (it has errors, or its climate cannot be read).
    NeedsResults,
    /// The file name's extension, which names no report format.
    UnknownFormat(String),
    /// The site could not be written as RON (for the report's input hash).
    Canonical(ron::Error),
    Report(writers::ExportError),
    Write(coolplan_io::SaveError),
    /// A program (`lp`, the viewer) that could not be started.
    Program {
        program: &'static str,
        error: std::io::Error,
    },
    ProgramFailed {
        program: &'static str,
        status: std::process::ExitStatus,
    },
}

impl Say for ExportFailure {
    fn say(&self, lang: Lang) -> String {
        match self {
            ExportFailure::NeedsResults => Gui::ReportNeedsResults.tr(lang).to_string(),
            ExportFailure::UnknownFormat(extension) => {
                Gui::ReportFormatMissing.fmt(lang, &[extension])
            }
            ExportFailure::Canonical(e) => Val::SaveSerialize.fmt(lang, &[e]),
            ExportFailure::Report(e) => e.say(lang),
            ExportFailure::Write(e) => e.say(lang),
            ExportFailure::Program { program, error } => format!("{program}: {error}"),
            ExportFailure::ProgramFailed { program, status } => format!("{program}: {status}"),
        }
    }
}

/// The programs a printed PDF is handed to: the print spooler, else the viewer's opener.
struct Handlers {
    printer: &'static str,
    opener: &'static str,
}

/// CUPS's `lp`, and the desktop's opener.
const SYSTEM: Handlers = Handlers {
    printer: "lp",
    opener: if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    },
};

/// Writes a PDF to the temp folder and hands it to the system: `lp` where CUPS is present,
/// otherwise the default viewer; the notice says which.
pub fn print(state: &mut AppState) {
    print_via(state, &SYSTEM);
}

fn print_via(state: &mut AppState, handlers: &Handlers) {
    let lang = state.settings.lang;
    let path = std::env::temp_dir().join("coolplan-print.pdf");
    let outcome = write_report(state, &path, Format::Pdf, None)
        .and_then(|()| hand_to_system(&path, handlers));
    state.notice = Some(match outcome {
        Ok(Some(how)) => Notice {
            text: Gui::PrintNote.fmt(lang, &[&path.display(), &how]),
            is_error: false,
        },
        // The PDF is written: with no printer and no viewer that is not a failure.
        Ok(None) => Notice {
            text: Gui::PrintNoViewer.fmt(lang, &[&path.display()]),
            is_error: false,
        },
        Err(reason) => Notice {
            text: Gui::ExportFailed.fmt(lang, &[&path.display(), &reason.say(lang)]),
            is_error: true,
        },
    });
}

/// Writes the report in `format` through the report writers (PDF, HTML, CSV, Markdown, JSON,
/// text, the EU export of `eed_year`), on A4 paper, undated unless the site gives a date.
fn write_report(
    state: &AppState,
    path: &Path,
    format: Format,
    eed_year: Option<u16>,
) -> Result<(), ExportFailure> {
    let Some(climate) = state.analysis.climate.as_deref() else {
        return Err(ExportFailure::NeedsResults);
    };
    let site = &state.doc.site;
    // The hash traces the report to the site as it stands, saved or not.
    let text = coolplan_io::to_canonical_string(site).map_err(ExportFailure::Canonical)?;
    let hash = sha256_hex(text.as_bytes());
    // the report lists every rack group in full: the engine's full results, on the climate
    // the live results are of
    let results = coolplan_engine::evaluate(site, climate);
    let catalog = site.catalog();
    let input = ReportInput {
        site,
        results: &results,
        catalog: &catalog,
        climate: Some(climate),
        lang: state.settings.lang,
        date: site.report_date.as_deref(),
        input_sha256: &hash,
        detail: coolplan_report::compose::Detail::Standard,
        author: site.report_author.as_deref(),
        revision: site.report_revision.as_deref(),
        csv_bom: true,
        eed_year,
    };
    let bytes = writers::export(&input, format, Paper::A4).map_err(ExportFailure::Report)?;
    // Whole or not at all: a full disk never truncates a good old report.
    coolplan_io::save::write_whole(path, &bytes).map_err(ExportFailure::Write)
}

/// Sends a PDF to the printer with `lp` when CUPS is installed, else opens it in the viewer;
/// the program that took it, or `None` when there is no viewer to open it.
fn hand_to_system(path: &Path, handlers: &Handlers) -> Result<Option<&'static str>, ExportFailure> {
    let printer_present = std::process::Command::new(handlers.printer)
        .arg("-h")
        .output()
        .is_ok();
    if printer_present {
        let program = handlers.printer;
        let status = std::process::Command::new(program)
            .arg(path)
            .status()
            .map_err(|error| ExportFailure::Program { program, error })?;
        return if status.success() {
            Ok(Some(program))
        } else {
            Err(ExportFailure::ProgramFailed { program, status })
        };
    }
    Ok(open_in_viewer(path, handlers.opener))
}

/// Opens `path` with `opener`; the opener, or `None` when no viewer took it.
fn open_in_viewer(path: &Path, opener: &'static str) -> Option<&'static str> {
    let mut child = std::process::Command::new(opener)
        .arg(path)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .ok()?;
    // Without a viewer the opener exits at once with an error; a viewer it runs in the
    // foreground keeps it alive, which counts as opened.
    let deadline = std::time::Instant::now() + OPENER_VERDICT;
    while std::time::Instant::now() < deadline {
        match child.try_wait() {
            Ok(Some(status)) => return status.success().then_some(opener),
            Ok(None) => std::thread::sleep(std::time::Duration::from_millis(25)),
            Err(_) => return None,
        }
    }
    Some(opener)
}

/// How long the system's opener has to fail before the PDF counts as opened.
const OPENER_VERDICT: std::time::Duration = std::time::Duration::from_millis(1500);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_harness::example_app;

    /// With neither a print spooler nor a viewer, the PDF is still written: the notice says
    /// where, and is not an error.
    #[test]
    fn print_without_printer_or_viewer_writes_the_pdf_and_says_where() {
        let mut harness = example_app([1280.0, 800.0], Lang::En);
        let state = &mut harness.state_mut().state;
        let nowhere = Handlers {
            printer: "coolplan-test-no-such-printer",
            opener: "coolplan-test-no-such-viewer",
        };
        print_via(state, &nowhere);
        let notice = state.notice.as_ref().expect("a notice");
        assert!(!notice.is_error, "{}", notice.text);
        let path = std::env::temp_dir().join("coolplan-print.pdf");
        assert!(notice.text.contains(&path.display().to_string()));
        let pdf = std::fs::read(&path).unwrap();
        assert!(pdf.starts_with(b"%PDF"));
    }
}
