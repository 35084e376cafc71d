//! The harness of the GUI tests: the app on a site, headless (egui_kittest, accessibility
//! check on), in-app dialogs only, no recovery file.

#![allow(dead_code)] // each test file uses part of it

use coolplan::app::command::Command;
use coolplan::app::file_dialog::FileDialogs;
use coolplan::app::recovery::RecoveryStore;
use coolplan::app::sample::example_site;
use coolplan::app::settings::{DialogPreference, Settings};
use coolplan::app::state::{Document, View};
use coolplan::app::{CoolplanApp, fonts};
use coolplan::i18n::Lang;
use coolplan::model::Site;
use egui_kittest::Harness;

/// The app on `site` (the bundled example when `None`).
pub fn harness(site: Option<Site>) -> Harness<'static, CoolplanApp> {
    harness_sized(site, [1280.0, 800.0])
}

/// The app on `site` in a window of `size` points.
pub fn harness_sized(site: Option<Site>, size: [f32; 2]) -> Harness<'static, CoolplanApp> {
    let app = app_on(site, Lang::En);
    let mut harness = Harness::builder()
        .with_size(size)
        // The shipped CJK subset lacks a few rare glyphs (e.g. 昇 in 昇腾).
        .allow_missing_glyphs()
        .with_context_setup(fonts::install)
        .build_ui_state(|ui, app: &mut CoolplanApp| app.show(ui), app);
    harness.run();
    harness
}

/// The app (not yet drawn) on the bundled example in `lang`.
pub fn example_app(lang: Lang) -> CoolplanApp {
    app_on(None, lang)
}

/// The app (not yet drawn) on `site` (the bundled example when `None`) in `lang`, with in-app
/// dialogs and no recovery file.
fn app_on(site: Option<Site>, lang: Lang) -> CoolplanApp {
    let doc = match site {
        Some(site) => Document::new(site, None, None),
        None => Document::new(example_site().unwrap(), None, Some("ai-hall.ron".into())),
    };
    let settings = Settings {
        dialogs: DialogPreference::InApp,
        lang,
        ..Settings::default()
    };
    CoolplanApp::new(
        doc,
        settings,
        RecoveryStore::disabled(),
        FileDialogs::default(),
    )
}

/// Shows `view`.
pub fn show(harness: &mut Harness<'_, CoolplanApp>, view: View) {
    harness.state_mut().queue(Command::ShowView(view));
    harness.run();
}

/// Runs frames until `done` holds (a background job finished), at most `seconds`.
pub fn run_until(
    harness: &mut Harness<'_, CoolplanApp>,
    seconds: f64,
    done: impl Fn(&CoolplanApp) -> bool,
) {
    let start = std::time::Instant::now();
    while !done(harness.state()) {
        assert!(
            start.elapsed().as_secs_f64() < seconds,
            "not done after {seconds} s"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
        harness.step();
    }
    harness.run();
}
