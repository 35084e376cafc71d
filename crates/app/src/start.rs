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
