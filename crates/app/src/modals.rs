//! Modal windows: the unsaved-changes guard, recovery offer, comment-loss warning, the file
//! changed on disk, problem list and help. Each button only pushes a [`Command`].

use coolplan_words::Say;
use egui::{Id, RichText};

use crate::analysis::Severity;
use crate::command::Command;
use crate::kit::{ERROR_COLOUR, WARNING_COLOUR};
use crate::state::{AppState, Modal};
use coolplan_words::Text;
use coolplan_words::gui::Gui;

/// Draws the open modal, if any.
pub fn show(ctx: &egui::Context, state: &AppState, out: &mut Vec<Command>) {
    let Some(modal) = &state.modal else {
        return;
    };
    if matches!(modal, Modal::Help(_) | Modal::Start) {
        // drawn by the help window and the start page
        return;
    }
    let lang = state.settings.lang;
    let response = egui::Modal::new(Id::unique("coolplan_modal")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        match modal {
            Modal::Unsaved(_) => {
                ui.heading(Gui::UnsavedTitle.tr(lang));
                ui.label(Gui::UnsavedText.fmt(lang, &[&state.document_name(lang)]));
                ui.horizontal(|ui| {
                    if ui.button(Gui::SaveChanges.tr(lang)).clicked() {
                        out.push(Command::GuardSave);
                    }
                    if ui.button(Gui::Discard.tr(lang)).clicked() {
                        out.push(Command::GuardDiscard);
                    }
                    if ui.button(Gui::Cancel.tr(lang)).clicked() {
                        out.push(Command::CloseModal);
                    }
                });
            }
            Modal::Recover(recovered) => {
                ui.heading(Gui::RecoverTitle.tr(lang));
                let name = recovered
                    .original
                    .as_ref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|| recovered.site.name.clone());
                ui.label(Gui::RecoverText.fmt(lang, &[&name]));
                ui.horizontal(|ui| {
                    if ui.button(Gui::Recover.tr(lang)).clicked() {
                        out.push(Command::Recover);
                    }
                    if ui.button(Gui::DiscardRecovery.tr(lang)).clicked() {
                        out.push(Command::DiscardRecovery);
                    }
                });
            }
            Modal::OverwriteComments(path) => {
                ui.heading(Gui::CommentsTitle.tr(lang));
                ui.label(Gui::CommentsText.fmt(lang, &[&path.display()]));
                ui.horizontal(|ui| {
                    if ui.button(Gui::Overwrite.tr(lang)).clicked() {
                        out.push(Command::SaveConfirmed(path.clone()));
                    }
                    if ui.button(Gui::Cancel.tr(lang)).clicked() {
                        out.push(Command::CloseModal);
                    }
                });
            }
            Modal::ChangedOnDisk(path) => {
                ui.heading(Gui::ChangedTitle.tr(lang));
                ui.label(Gui::ChangedText.fmt(lang, &[&path.display()]));
                ui.horizontal(|ui| {
                    if ui.button(Gui::ReloadFromDisk.tr(lang)).clicked() {
                        out.push(Command::ReloadFromDisk(path.clone()));
                    }
                    if ui.button(Gui::OverwriteChanged.tr(lang)).clicked() {
                        out.push(Command::OverwriteChanged(path.clone()));
                    }
                    if ui.button(Gui::SaveAs.tr(lang)).clicked() {
                        out.push(Command::CloseModal);
                        out.push(Command::SaveAs(None));
                    }
                    if ui.button(Gui::Cancel.tr(lang)).clicked() {
                        out.push(Command::CloseModal);
                    }
                });
            }
            Modal::Problems => {
                ui.heading(Gui::ProblemList.tr(lang));
                let problems = &state.analysis.problems;
                if problems.is_empty() {
                    ui.label(Gui::NoProblems.tr(lang));
                }
                egui::ScrollArea::vertical()
                    .max_height(360.0)
                    .show(ui, |ui| {
                        for problem in problems {
                            let colour = match problem.severity() {
                                Severity::Error => ERROR_COLOUR,
                                Severity::Warning => WARNING_COLOUR,
                            };
                            let text = RichText::new(problem.problem.say(lang)).color(colour);
                            if ui.link(text).clicked() {
                                out.push(Command::JumpTo(problem.target.clone()));
                            }
                        }
                    });
                if ui.button(Gui::Close.tr(lang)).clicked() {
                    out.push(Command::CloseModal);
                }
            }
            Modal::Help(_) | Modal::Start => {}
            Modal::About => {
                ui.heading(Gui::About.tr(lang));
                ui.label(Gui::AboutText.fmt(lang, &[&env!("CARGO_PKG_VERSION")]));
                if ui.button(Gui::Close.tr(lang)).clicked() {
                    out.push(Command::CloseModal);
                }
            }
        }
    });
    // Escape or a click outside closes the informational modals, never the guard.
    let dismissable = matches!(modal, Modal::Problems | Modal::About);
    if dismissable && response.should_close() {
        out.push(Command::CloseModal);
    }
}
