//! Export and print: hand the current results to the report writers and write the file.
//! Formats by extension: `.json`, `.txt` today; PDF/HTML/Markdown/CSV when issue 6 lands.

use std::path::Path;

use crate::app::state::{AppState, Notice};
use crate::i18n::Text;
use crate::i18n::gui::Gui;

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

/// Writes a PDF to the temp folder and opens it in the system viewer for printing.
pub fn print(state: &mut AppState) {
    let lang = state.settings.lang;
    // The text report until the PDF writer lands (issue 6).
    let path = std::env::temp_dir().join("coolplan-print.txt");
    match write_report(state, &path).and_then(|()| open_in_viewer(&path)) {
        Ok(()) => {
            state.notice = Some(Notice {
                text: Gui::PrintNote.fmt(lang, &[&path.display()]),
                is_error: false,
            })
        }
        Err(reason) => {
            state.notice = Some(Notice {
                text: Gui::ExportFailed.fmt(lang, &[&path.display(), &reason]),
                is_error: true,
            })
        }
    }
}

/// Writes the report in the format of `path`'s extension. JSON and text come from the
/// report writers on main; PDF/HTML/Markdown/CSV join here when their writers land.
fn write_report(state: &AppState, path: &Path) -> Result<(), String> {
    let lang = state.settings.lang;
    let Some(results) = &state.analysis.results else {
        return Err(Gui::ReportNeedsResults.tr(lang).to_string());
    };
    let site = state.doc.site.name.as_str();
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let text = match extension.as_str() {
        "json" => crate::report::json::to_json(site, results, lang),
        "txt" | "text" => crate::report::text::to_text(site, results, lang),
        _ => return Err(Gui::ReportFormatMissing.fmt(lang, &[&extension])),
    };
    std::fs::write(path, text).map_err(|e| e.to_string())
}

fn open_in_viewer(path: &Path) -> Result<(), String> {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    std::process::Command::new(opener)
        .arg(path)
        .spawn()
        .map(|_| ())
        .map_err(|e| format!("{opener}: {e}"))
}
