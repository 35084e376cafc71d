//! Export and print: hand the current results to the report writers and write the file.

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
    let path = std::env::temp_dir().join("coolplan-print.pdf");
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

fn write_report(state: &AppState, _path: &Path) -> Result<(), String> {
    let lang = state.settings.lang;
    if state.analysis.results.is_none() {
        return Err(Gui::ReportNeedsResults.tr(lang).to_string());
    }
    Err(Gui::ReportWriterMissing.tr(lang).to_string())
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
