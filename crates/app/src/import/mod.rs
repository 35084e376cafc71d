//! File › Import…: the import window. A CSV (NetBox, openDCIM, a spreadsheet with a column
//! mapping, coolplan's inventory, measured rack power) is read, previewed against the open
//! site and applied as ONE undoable command.
//!
//! Owns: the window's UI-local state ([`ImportWindow`]: file text, chosen kind, column
//! mapping, review answers, the current plan) and the two entry points [`command::apply`]
//! calls ([`open_import`], [`apply_import`]). Never touches: the planning rules (all in
//! [`coolplan_io::import`]: `plan_import`, `apply`), the engine, or site changes other than
//! through [`apply_import`], which records the undo step.
//!
//! [`command::apply`]: crate::command::apply

mod mapping;
mod preview;
mod review;
mod window;

use coolplan_words::Say;
use std::path::{Path, PathBuf};

pub use window::ImportWindow;

use crate::state::{AppState, Notice};
use crate::undo::Gesture;
use coolplan_io::import::{self, CsvFileError, ImportError, ImportFormat};
use coolplan_words::import_gui::ImpGui;
use coolplan_words::{Lang, Text};

/// Opens the import window on `path` (a notice says why when the file cannot be read).
/// File › Import… reaches this after the file dialog; tests call it through
/// `Command::ImportFile(Some(path))`.
pub fn open_import(state: &mut AppState, path: PathBuf) {
    let lang = state.settings.lang;
    let opened = read_csv(&path).and_then(|text| {
        ImportWindow::new(&path, text, &state.settings.import_mappings).map_err(OpenFailure::Csv)
    });
    match opened {
        Ok(mut window) => {
            window.replan(&state.doc.site, &state.catalog, state.doc.revision, lang);
            state.import = Some(Box::new(window));
            state.notice = None;
        }
        Err(reason) => {
            state.notice = Some(Notice {
                text: ImpGui::OpenFailed.fmt(lang, &[&path.display(), &reason.say(lang)]),
                is_error: true,
            });
        }
    }
}

/// Applies the open window's plan to the site as one undo step, remembers a spreadsheet's
/// column mapping for its header, closes the window and says what was imported. True when
/// the site changed.
pub fn apply_import(state: &mut AppState) -> bool {
    let Some(mut window) = state.import.take() else {
        return false;
    };
    let lang = state.settings.lang;
    // Plan against the site as it is now, so what is applied is what the preview showed.
    window.replan(&state.doc.site, &state.catalog, state.doc.revision, lang);
    let Some(plan) = window.plan() else {
        state.import = Some(window);
        return false;
    };
    if window.format == ImportFormat::Generic {
        let mapping = window.column_mapping();
        state
            .settings
            .import_mappings
            .remember(&window.header.line, &mapping);
    }
    let before = state.doc.site.clone();
    import::apply(&mut state.doc.site, plan);
    let changed = state.doc.site != before;
    if changed {
        state.doc.undo.record(&before, Gesture::Step);
        state.doc.dirty = true;
    }
    let summary = coolplan_words::say::import::plan_summary(plan, lang).replace('\n', "; ");
    state.notice = Some(Notice {
        text: ImpGui::Imported.fmt(lang, &[&window.name, &summary]),
        is_error: false,
    });
    changed
}

/// Closes the window; nothing changes.
pub fn cancel_import(state: &mut AppState) {
    state.import = None;
}

/// Draws the import window when one is open and pushes its command (apply or cancel).
pub fn show(ctx: &egui::Context, state: &mut AppState, out: &mut Vec<crate::command::Command>) {
    let AppState {
        import,
        doc,
        catalog,
        settings,
        ..
    } = state;
    let Some(window) = import.as_mut() else {
        return;
    };
    let lang = settings.lang;
    window.replan(&doc.site, catalog, doc.revision, lang);
    let halls: Vec<String> = doc.site.halls.iter().map(|h| h.name.clone()).collect();
    let models: Vec<String> = catalog.models().iter().map(|m| m.id.clone()).collect();
    let site = window::SiteNames {
        halls: &halls,
        models: &models,
        lang,
    };
    if let Some(command) = window.show(ctx, &site) {
        out.push(command);
    }
}

/// Why a CSV could not be opened for import.
enum OpenFailure {
    /// Not read: a special file, over the import limit, not UTF-8, an I/O error.
    File(CsvFileError),
    /// The text is not a CSV the import reads (no header, …).
    Csv(ImportError),
}

impl Say for OpenFailure {
    fn say(&self, lang: Lang) -> String {
        match self {
            OpenFailure::File(e) => e.say(lang),
            OpenFailure::Csv(e) => e.say(lang),
        }
    }
}

/// The CSV text through the bounded read the CLI uses: special files, files over the import
/// limit and text not in UTF-8 are refused (a FIFO or `/dev/zero` never blocks or fills
/// memory).
fn read_csv(path: &Path) -> Result<String, OpenFailure> {
    import::read_csv_file(path).map_err(OpenFailure::File)
}
