//! Opening the window: native options, settings from eframe storage, fonts, and the one-line
//! message when there is no display.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::file_dialog::FileDialogs;
use crate::recovery::RecoveryStore;
use crate::settings::{STORAGE_KEY, Settings};
use crate::{CoolplanApp, document_for, fonts};
use coolplan_words::cli::Cli;
use coolplan_words::gui::Gui;
use coolplan_words::{Lang, Say, Text};

/// What to open.
#[derive(Clone, Debug, Default)]
pub struct Launch {
    /// A site file, or the bundled example when `None`.
    pub file: Option<PathBuf>,
}

/// Runs the GUI until the window closes. Exit code 0, or 2 with one line on stderr when there
/// is no display or the file cannot be opened.
pub fn run(launch: Launch) -> ExitCode {
    let lang = Lang::from_locale_vars(|name| std::env::var(name).ok());
    if !display_available() {
        eprintln!("{}", Cli::NoDisplay.tr(lang));
        return ExitCode::from(2);
    }
    let doc = match document_for(launch.file.clone()) {
        Ok(doc) => doc,
        Err(reason) => {
            let name = launch
                .file
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            eprintln!("{}", Gui::OpenFailed.fmt(lang, &[&name, &reason.say(lang)]));
            return ExitCode::from(2);
        }
    };
    let start_page = launch.file.is_none();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(Gui::AppTitle.tr(lang))
            .with_position([0.0, 0.0])
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([800.0, 500.0]),
        ..Default::default()
    };
    let result = eframe::run_native(
        "coolplan",
        options,
        Box::new(move |cc| {
            fonts::install(&cc.egui_ctx);
            let stored = cc
                .storage
                .and_then(|s| eframe::get_value::<Settings>(s, STORAGE_KEY));
            let settings = Settings::stored_or_first_run(stored, lang);
            let app = CoolplanApp::new(
                doc,
                settings,
                RecoveryStore::in_os_data_dir(),
                FileDialogs::for_desktop(),
            );
            // no file asked for: start on the start page
            Ok(Box::new(if start_page {
                app.with_start_page()
            } else {
                app
            }))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => {
            eprintln!("{}", Cli::NoDisplay.tr(lang));
            ExitCode::from(2)
        }
    }
}

/// On Linux and BSD a window needs X11 or Wayland; elsewhere the OS always has a display.
fn display_available() -> bool {
    if cfg!(any(
        target_os = "linux",
        target_os = "freebsd",
        target_os = "openbsd"
    )) {
        ["DISPLAY", "WAYLAND_DISPLAY"]
            .iter()
            .any(|v| std::env::var_os(v).is_some_and(|s| !s.is_empty()))
    } else {
        true
    }
}
