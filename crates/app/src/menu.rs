//! The menu bar and keyboard shortcuts; both only produce [`Command`]s.

use egui::{Key, KeyboardShortcut, Modifiers, Ui};

use crate::command::Command;
use crate::settings::{DialogPreference, Theme};
use crate::state::{AppState, Modal};
use coolplan_units::format::UnitSystem;
use coolplan_words::gui::Gui;
use coolplan_words::import_gui::ImpGui;
use coolplan_words::{Lang, Text};

const fn ctrl(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}
const fn ctrl_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}

/// Shortcuts and their commands; Shift+Ctrl+S comes before Ctrl+S so it wins.
fn shortcuts() -> [(KeyboardShortcut, Command); 9] {
    [
        (ctrl_shift(Key::S), Command::SaveAs(None)),
        (ctrl_shift(Key::Z), Command::Redo),
        (ctrl(Key::N), Command::New),
        (ctrl(Key::O), Command::Open(None)),
        (ctrl(Key::S), Command::Save),
        (ctrl(Key::Z), Command::Undo),
        (ctrl(Key::Y), Command::Redo),
        (ctrl(Key::P), Command::Print),
        (ctrl(Key::D), Command::DuplicateSelected),
    ]
}

/// Commands of the shortcuts pressed this frame. Delete acts only when no text field has focus.
pub fn shortcut_commands(ctx: &egui::Context, out: &mut Vec<Command>) {
    let typing = ctx.memory(|m| m.focused().is_some());
    ctx.input_mut(|input| {
        for (shortcut, command) in shortcuts() {
            if input.consume_shortcut(&shortcut) {
                out.push(command);
            }
        }
        if !typing && input.consume_key(Modifiers::NONE, Key::Delete) {
            out.push(Command::DeleteSelected);
        }
    });
}

/// The menu bar.
pub fn menu_bar(ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
    let lang = state.settings.lang;
    let ctx = ui.ctx().clone();
    let fmt = |s: &KeyboardShortcut| ctx.format_shortcut(s);
    let item = |ui: &mut Ui, text: Gui, shortcut: Option<KeyboardShortcut>, enabled: bool| {
        let mut button = egui::Button::new(text.tr(lang));
        if let Some(s) = shortcut {
            button = button.shortcut_text(fmt(&s));
        }
        ui.add_enabled(enabled, button).clicked()
    };
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(Gui::MenuFile.tr(lang), |ui| {
            if item(ui, Gui::New, Some(ctrl(Key::N)), true) {
                out.push(Command::New);
            }
            if item(ui, Gui::Open, Some(ctrl(Key::O)), true) {
                out.push(Command::Open(None));
            }
            ui.menu_button(Gui::OpenRecent.tr(lang), |ui| {
                if state.settings.recent_files.is_empty() {
                    ui.label(Gui::NoRecent.tr(lang));
                }
                for path in &state.settings.recent_files {
                    if ui.button(path.display().to_string()).clicked() {
                        out.push(Command::Open(Some(path.clone())));
                    }
                }
            });
            if ui.button(ImpGui::MenuImport.tr(lang)).clicked() {
                out.push(Command::ImportFile(None));
            }
            ui.separator();
            if item(ui, Gui::Save, Some(ctrl(Key::S)), true) {
                out.push(Command::Save);
            }
            if item(ui, Gui::SaveAs, Some(ctrl_shift(Key::S)), true) {
                out.push(Command::SaveAs(None));
            }
            ui.separator();
            if item(ui, Gui::ExportReport, None, true) {
                out.push(Command::ExportReport(None));
            }
            if item(ui, Gui::Print, Some(ctrl(Key::P)), true) {
                out.push(Command::Print);
            }
            ui.separator();
            if item(ui, Gui::Quit, None, true) {
                out.push(Command::Quit);
            }
        });
        ui.menu_button(Gui::MenuEdit.tr(lang), |ui| {
            if item(ui, Gui::Undo, Some(ctrl(Key::Z)), state.doc.undo.can_undo()) {
                out.push(Command::Undo);
            }
            if item(ui, Gui::Redo, Some(ctrl(Key::Y)), state.doc.undo.can_redo()) {
                out.push(Command::Redo);
            }
            ui.separator();
            let selected = state.selection.hall.is_some();
            if item(ui, Gui::Duplicate, Some(ctrl(Key::D)), selected) {
                out.push(Command::DuplicateSelected);
            }
            let delete = KeyboardShortcut::new(Modifiers::NONE, Key::Delete);
            if item(ui, Gui::Delete, Some(delete), selected) {
                out.push(Command::DeleteSelected);
            }
        });
        ui.menu_button(Gui::MenuView.tr(lang), |ui| {
            let units = state.settings.units;
            for (system, text) in [
                (UnitSystem::Si, Gui::UnitsSi),
                (UnitSystem::Ip, Gui::UnitsIp),
            ] {
                if ui.radio(units == system, text.tr(lang)).clicked() {
                    out.push(Command::SetUnits(system));
                }
            }
            ui.separator();
            let theme = state.settings.theme;
            for (choice, text) in [
                (Theme::Light, Gui::ThemeLight),
                (Theme::Dark, Gui::ThemeDark),
            ] {
                if ui.radio(theme == choice, text.tr(lang)).clicked() {
                    out.push(Command::SetTheme(choice));
                }
            }
            ui.separator();
            ui.label(Gui::Language.tr(lang));
            for choice in Lang::ALL {
                if ui.radio(lang == choice, choice.native_name()).clicked() {
                    out.push(Command::SetLang(choice));
                }
            }
            ui.separator();
            let mut in_app = state.settings.dialogs == DialogPreference::InApp;
            if ui
                .checkbox(&mut in_app, Gui::InAppDialogs.tr(lang))
                .changed()
            {
                out.push(Command::SetDialogs(if in_app {
                    DialogPreference::InApp
                } else {
                    DialogPreference::Auto
                }));
            }
        });
        ui.menu_button(Gui::MenuHelp.tr(lang), |ui| {
            use crate::help::HelpDoc;
            for (text, modal) in [
                (Gui::HelpMethod.tr(lang), Modal::Help(HelpDoc::Method)),
                (Gui::HelpFormat.tr(lang), Modal::Help(HelpDoc::Format)),
                (
                    coolplan_words::dashboard::Dash::HelpAnalysis.tr(lang),
                    Modal::Help(HelpDoc::Analysis),
                ),
                (
                    coolplan_words::dashboard::Dash::HelpImport.tr(lang),
                    Modal::Help(HelpDoc::Import),
                ),
                (
                    coolplan_words::dashboard::Dash::StartTitle.tr(lang),
                    Modal::Start,
                ),
                (Gui::About.tr(lang), Modal::About),
            ] {
                if ui.button(text).clicked() {
                    out.push(Command::ShowModal(modal));
                }
            }
        });
    });
}
