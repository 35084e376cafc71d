//! The app driven headless for unit tests of the views: the bundled example site, in-app
//! dialogs, no recovery store, at a given window size and in a given language.

use egui_kittest::Harness;

use crate::CoolplanApp;
use crate::command::Command;
use crate::file_dialog::FileDialogs;
use crate::recovery::RecoveryStore;
use crate::sample::example_site;
use crate::settings::{DialogPreference, Settings};
use crate::state::{Document, View};
use coolplan_words::Lang;

/// The app on the bundled example in `lang`, in a window of `size` points, after one run.
pub fn example_app(size: [f32; 2], lang: Lang) -> Harness<'static, CoolplanApp> {
    let doc = Document::new(
        example_site().expect("the bundled example loads"),
        None,
        None,
    );
    let settings = Settings {
        dialogs: DialogPreference::InApp,
        lang,
        ..Settings::default()
    };
    let app = CoolplanApp::new(
        doc,
        settings,
        RecoveryStore::disabled(),
        FileDialogs::default(),
    );
    let mut harness = Harness::builder()
        .with_size(size)
        .allow_missing_glyphs()
        .with_context_setup(crate::fonts::install)
        .build_ui_state(|ui, app: &mut CoolplanApp| app.show(ui), app);
    harness.run();
    harness
}

/// The app on the bundled example in English, showing `view`.
pub fn example_view(view: View, size: [f32; 2]) -> Harness<'static, CoolplanApp> {
    let mut harness = example_app(size, Lang::En);
    harness.state_mut().queue(Command::ShowView(view));
    harness.run();
    harness
}
