//! Export and print: hand the current results to the report writers and write the file.
//! Formats by extension: PDF, HTML, CSV, Markdown, JSON, text (`report::export`).

use std::path::Path;

use crate::state::{AppState, Notice};
use coolplan_report::compose::{ReportInput, sha256_hex};
use coolplan_report::export::{self as writers, Format};
use coolplan_report::layout::Paper;
use coolplan_words::Text;
use coolplan_words::gui::Gui;

/// Writes a report of the current site to `path` (format from the extension).
pub fn export(state: &mut AppState, path: &Path) {
    let lang = state.settings.lang;
    let outcome = write_report(state, path);
    state.notice = Some(match outcome {
        Ok(()) => Notice {
            text: Gui::Exported.fmt(lang, &[&path.display()]),
            is_error: false,
        },
        Err(reason) => Notice {
            text: Gui::ExportFailed.fmt(lang, &[&path.display(), &reason]),
            is_error: true,
        },
    });
}

/// Writes a PDF to the temp folder and hands it to the system: `lp` where CUPS is present,
/// otherwise the default viewer; the notice says which.
pub fn print(state: &mut AppState) {
    let lang = state.settings.lang;
    let path = std::env::temp_dir().join("coolplan-print.pdf");
    let outcome = write_report(state, &path).map(|()| hand_to_system(&path));
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
            text: Gui::ExportFailed.fmt(lang, &[&path.display(), &reason]),
            is_error: true,
        },
    });
}

/// Writes the report in the format of `path`'s extension through the report writers
/// (PDF, HTML, CSV, Markdown, JSON, text), on A4 paper, undated unless the site gives a date.
fn write_report(state: &AppState, path: &Path) -> Result<(), String> {
    let lang = state.settings.lang;
    let Some(climate) = state.analysis.climate.as_deref() else {
        return Err(Gui::ReportNeedsResults.tr(lang).to_string());
    };
    let format = Format::from_path(path).ok_or_else(|| {
        let extension = path.extension().map(|e| e.to_string_lossy().into_owned());
        Gui::ReportFormatMissing.fmt(lang, &[&extension.unwrap_or_default()])
    })?;
    let site = &state.doc.site;
    // The hash traces the report to the site as it stands, saved or not.
    let text = coolplan_io::to_canonical_string(site).map_err(|e| e.to_string())?;
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
        lang,
        date: site.report_date.as_deref(),
        input_sha256: &hash,
    };
    let bytes = writers::export(&input, format, Paper::A4).map_err(|e| e.to_string())?;
    std::fs::write(path, bytes).map_err(|e| e.to_string())
}

/// Sends a PDF to the printer with `lp` when CUPS takes it, else opens it in the system's
/// viewer; the program that took it, or `None` when neither did.
fn hand_to_system(path: &Path) -> Option<String> {
    let printed = std::process::Command::new("lp")
        .arg(path)
        .output()
        .is_ok_and(|out| out.status.success());
    if printed {
        return Some("lp".to_string());
    }
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
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
            Ok(Some(status)) => return status.success().then(|| opener.to_string()),
            Ok(None) => std::thread::sleep(std::time::Duration::from_millis(25)),
            Err(_) => return None,
        }
    }
    Some(opener.to_string())
}

/// How long the system's opener has to fail before the PDF counts as opened.
const OPENER_VERDICT: std::time::Duration = std::time::Duration::from_millis(1500);
