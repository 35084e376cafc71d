//! The status bar: file, unsaved marker, recompute and frame time (the problem count is in
//! the answer header).

use egui::{RichText, Ui};

use crate::kit::WARNING_COLOUR;
use crate::state::AppState;
use coolplan_words::Text;
use coolplan_words::gui::Gui;

/// Draws the status bar; `frame_ms` is the CPU time of the previous frame, if known.
pub fn status_bar(ui: &mut Ui, state: &AppState, frame_ms: Option<f32>) {
    let lang = state.settings.lang;
    ui.horizontal(|ui| {
        ui.label(state.document_name(lang));
        if state.doc.dirty {
            ui.label(RichText::new(format!("● {}", Gui::Unsaved.tr(lang))).color(WARNING_COLOUR));
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
