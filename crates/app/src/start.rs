//! The start page, shown when the app opens without a file: open a file or a recent one,
//! open a bundled example, start a new site (blank, or the halls of an example without their
//! racks), import a spreadsheet; a switch to stop showing it.
//!
//! Owns: drawing the page; each choice is a command. Never touches: files (the commands do).

use egui::{Context, RichText};

use crate::command::Command;
use crate::sample::{EXAMPLES, Template};
use crate::state::AppState;
use coolplan_words::dashboard::Dash;
use coolplan_words::gui::Gui;
use coolplan_words::import_gui::ImpGui;
use coolplan_words::{Lang, Text};

/// What an example is, in a line.
fn example_line(name: &str, lang: Lang) -> &'static str {
    match name {
        "ai-hall.ron" => Dash::ExampleAiHall.tr(lang),
        "enterprise-room.ron" => Dash::ExampleRoom.tr(lang),
        "colo-doors.ron" => Dash::ExampleColoDoors.tr(lang),
        "office-gpu-room.ron" => Dash::ExampleOfficeRoom.tr(lang),
        "gpu-expansion.ron" => Dash::ExampleExpansion.tr(lang),
        _ => Dash::ExampleFleet.tr(lang),
    }
}

/// Draws the start page.
pub fn show(ctx: &Context, state: &AppState, out: &mut Vec<Command>) {
    let lang = state.settings.lang;
    egui::Modal::new(egui::Id::unique("start_page")).show(ctx, |ui| {
        ui.set_width(720.0);
        ui.heading(Dash::StartTitle.tr(lang));
        ui.label(Dash::StartLead.tr(lang));
        ui.separator();
        ui.columns(2, |columns| {
            let ui = &mut columns[0];
            ui.strong(Dash::StartOpen.tr(lang));
            if ui.button(Gui::Open.tr(lang)).clicked() {
                out.push(Command::CloseModal);
                out.push(Command::Open(None));
            }
            if !state.settings.recent_files.is_empty() {
                ui.label(RichText::new(Gui::OpenRecent.tr(lang)).weak());
                for path in state.settings.recent_files.iter().take(6) {
                    let name = path.file_name().map_or_else(
                        || path.display().to_string(),
                        |n| n.to_string_lossy().into(),
                    );
                    if ui
                        .link(name)
                        .on_hover_text(path.display().to_string())
                        .clicked()
                    {
                        out.push(Command::CloseModal);
                        out.push(Command::Open(Some(path.clone())));
                    }
                }
            }
            ui.add_space(8.0);
            ui.strong(Dash::StartExamples.tr(lang));
            for (name, _) in EXAMPLES {
                ui.horizontal_wrapped(|ui| {
                    if ui.button(name).clicked() {
                        out.push(Command::CloseModal);
                        out.push(Command::NewFrom(Template::Example(name)));
                    }
                    ui.label(RichText::new(example_line(name, lang)).small());
                });
            }
            let ui = &mut columns[1];
            ui.strong(Dash::StartNew.tr(lang));
            if ui.button(Dash::StartBlank.tr(lang)).clicked() {
                out.push(Command::CloseModal);
                out.push(Command::NewFrom(Template::Blank));
            }
            for (name, _) in EXAMPLES.iter().take(2) {
                if ui
                    .button(Dash::StartTemplate.fmt(lang, &[name]))
                    .on_hover_text(Dash::StartTemplateTip.tr(lang))
                    .clicked()
                {
                    out.push(Command::CloseModal);
                    out.push(Command::NewFrom(Template::HallsOf(name)));
                }
            }
            ui.add_space(8.0);
            ui.strong(Dash::StartImport.tr(lang));
            if ui
                .button(ImpGui::MenuImport.tr(lang))
                .on_hover_text(Dash::StartImportTip.tr(lang))
                .clicked()
            {
                out.push(Command::CloseModal);
                out.push(Command::ImportFile(None));
            }
            ui.add_space(8.0);
            ui.strong(Gui::MenuHelp.tr(lang));
            if ui.button(Gui::HelpMethod.tr(lang)).clicked() {
                out.push(Command::ShowModal(crate::state::Modal::Help(
                    crate::help::HelpDoc::Method,
                )));
            }
        });
        ui.separator();
        ui.horizontal(|ui| {
            let mut show = !state.settings.hide_start_page;
            if ui.checkbox(&mut show, Dash::StartShow.tr(lang)).changed() {
                out.push(Command::SetStartPage(show));
            }
            if ui
                .button(Dash::StartContinue.fmt(lang, &[&state.document_name(lang)]))
                .clicked()
            {
                out.push(Command::CloseModal);
            }
        });
    });
}

#[cfg(test)]
mod tests {
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    use crate::CoolplanApp;
    use crate::file_dialog::FileDialogs;
    use crate::recovery::RecoveryStore;
    use crate::sample::example_site;
    use crate::settings::{DialogPreference, Settings};
    use crate::state::{Document, Modal};
    use coolplan_words::Lang;

    /// The app as launched without a file: the example behind the start page.
    fn launched(lang: Lang) -> Harness<'static, CoolplanApp> {
        let doc = Document::new(example_site().unwrap(), None, Some("ai-hall.ron".into()));
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
        )
        .with_start_page();
        let mut harness = Harness::builder()
            .with_size([1400.0, 900.0])
            .allow_missing_glyphs()
            .with_context_setup(crate::fonts::install)
            .build_ui_state(|ui, app: &mut CoolplanApp| app.show(ui), app);
        harness.run();
        harness
    }

    #[test]
    fn the_blank_site_of_the_start_page_has_one_empty_hall_and_closes_the_page() {
        let mut harness = launched(Lang::En);
        assert_eq!(harness.state().state.modal, Some(Modal::Start));
        harness.get_by_label("Blank site (one empty hall)").click();
        harness.run();
        let state = &harness.state().state;
        assert_eq!(state.modal, None);
        let halls: Vec<(&str, usize)> = state
            .doc
            .site
            .halls
            .iter()
            .map(|h| (h.name.as_str(), h.racks.len()))
            .collect();
        assert_eq!(halls, [("Hall 1", 0)]);
        assert!(state.doc.path.is_none());
    }

    #[test]
    fn an_example_of_the_start_page_opens_as_an_unsaved_copy_named_after_its_file() {
        let mut harness = launched(Lang::Zh);
        harness.get_by_label("从这里开始");
        harness.get_by_label("enterprise-room.ron").click();
        harness.run();
        let state = &harness.state().state;
        assert_eq!(state.modal, None);
        let room = crate::sample::bundled("enterprise-room.ron")
            .unwrap()
            .unwrap();
        assert_eq!(state.doc.site, room);
        assert_eq!(state.doc.label.as_deref(), Some("enterprise-room.ron"));
    }

    #[test]
    fn the_title_names_the_file_and_marks_unsaved_changes() {
        let mut harness = launched(Lang::En);
        let title = |h: &Harness<'_, CoolplanApp>| h.state().state.window_title();
        assert_eq!(
            title(&harness),
            "ai-hall.ron — coolplan — liquid-cooling retrofit planner"
        );
        harness.state_mut().queue(crate::command::Command::Edit(
            crate::edit::Edit::SetRackCount((0, 0), 3),
            crate::undo::Gesture::Step,
        ));
        harness.run();
        assert_eq!(
            title(&harness),
            "ai-hall.ron ● — coolplan — liquid-cooling retrofit planner"
        );
    }
}
