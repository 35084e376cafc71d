//! The status bar: file, unsaved marker, problem count (click to list), recompute and frame
//! time.

use egui::{RichText, Ui};

use crate::command::Command;
use crate::kit::{ERROR_COLOUR, WARNING_COLOUR};
use crate::state::{AppState, Modal};
use coolplan_words::Text;
use coolplan_words::gui::Gui;

/// Draws the status bar; `frame_ms` is the CPU time of the previous frame, if known.
pub fn status_bar(ui: &mut Ui, state: &AppState, frame_ms: Option<f32>, out: &mut Vec<Command>) {
    let lang = state.settings.lang;
    ui.horizontal(|ui| {
        ui.label(state.document_name(lang));
        if state.doc.dirty {
            ui.label(RichText::new(format!("● {}", Gui::Unsaved.tr(lang))).color(WARNING_COLOUR));
        }
        ui.separator();
        let problems = state.analysis.problems.len();
        let errors = state.analysis.error_count();
        let text = if problems == 0 {
            RichText::new(Gui::NoProblems.tr(lang))
        } else {
            let colour = if errors > 0 {
                ERROR_COLOUR
            } else {
                WARNING_COLOUR
            };
            RichText::new(Gui::Problems.fmt(lang, &[&problems])).color(colour)
        };
        if ui.button(text).clicked() {
            out.push(Command::ShowModal(Modal::Problems));
        }
        ui.separator();
        if state.is_recomputing() {
            ui.label(Gui::Recomputing.tr(lang));
        } else {
            let recompute_ms = state.analysis.elapsed.as_secs_f64() * 1e3;
            ui.label(Gui::Recompute.fmt(lang, &[&format!("{recompute_ms:.2}")]));
        }
        if let Some(ms) = frame_ms {
            ui.label(Gui::FrameTime.fmt(lang, &[&format!("{ms:.1}")]));
        }
    });
}
