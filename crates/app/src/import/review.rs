//! The review list of device types the catalog does not know: each with its rows, the
//! nearest catalog model suggested (Accept), or any catalog model picked; answers already
//! given stay listed so they can be changed or undone ("leave skipped").

use std::collections::BTreeMap;

use egui::{ComboBox, Ui};

use super::window::SiteNames;
use coolplan_io::import::ImportPlan;
use coolplan_words::Text;
use coolplan_words::import_gui::ImpGui;

/// Most line numbers listed per device type.
const MAX_LINES_SHOWN: usize = 8;

/// Draws the list; true when an answer changed (the plan must be remade).
pub fn review_ui(
    ui: &mut Ui,
    plan: &ImportPlan,
    assigned: &mut BTreeMap<String, String>,
    site: &SiteNames,
) -> bool {
    let lang = site.lang;
    if plan.unmatched.is_empty() && assigned.is_empty() {
        ui.label(ImpGui::NoReview.tr(lang));
        return false;
    }
    ui.strong(ImpGui::ReviewHead.tr(lang));
    let mut answer: Option<(String, Option<String>)> = None;
    egui::ScrollArea::vertical()
        .id_salt("import_review")
        .max_height(140.0)
        .show(ui, |ui| {
            for unmatched in &plan.unmatched {
                ui.horizontal_wrapped(|ui| {
                    let mut lines: Vec<String> = unmatched
                        .lines
                        .iter()
                        .take(MAX_LINES_SHOWN)
                        .map(u64::to_string)
                        .collect();
                    if unmatched.lines.len() > MAX_LINES_SHOWN {
                        lines.push("…".into());
                    }
                    let args: [&dyn std::fmt::Display; 3] =
                        [&unmatched.name, &unmatched.lines.len(), &lines.join(", ")];
                    ui.label(ImpGui::ReviewType.fmt(lang, &args));
                    ui.label(ImpGui::Suggested.fmt(lang, &[&unmatched.nearest]));
                    let accept = ImpGui::Accept.fmt(lang, &[&unmatched.nearest]);
                    if ui.button(accept).clicked() {
                        answer = Some((unmatched.name.clone(), Some(unmatched.nearest.clone())));
                    }
                    if let Some(pick) = model_combo(ui, &unmatched.name, None, site) {
                        answer = Some((unmatched.name.clone(), pick));
                    }
                });
            }
            for (name, model) in assigned.iter() {
                ui.horizontal(|ui| {
                    ui.label(name);
                    if let Some(pick) = model_combo(ui, name, Some(model), site) {
                        answer = Some((name.clone(), pick));
                    }
                });
            }
        });
    match answer {
        Some((name, Some(model))) => assigned.insert(name, model),
        Some((name, None)) => assigned.remove(&name),
        None => return false,
    };
    true
}

/// A combo of catalog models for device type `name`; `Some(choice)` when the user picked one
/// (`None` inside: leave the type skipped).
fn model_combo(
    ui: &mut Ui,
    name: &str,
    current: Option<&String>,
    site: &SiteNames,
) -> Option<Option<String>> {
    let lang = site.lang;
    let leave = ImpGui::LeaveSkipped.tr(lang);
    let mut chosen = current.cloned();
    ComboBox::new(
        ("import_assign", name),
        ImpGui::AssignTo.fmt(lang, &[&name]),
    )
    .selected_text(current.map_or(leave, String::as_str))
    .show_ui(ui, |ui| {
        ui.selectable_value(&mut chosen, None, leave);
        for model in site.models {
            ui.selectable_value(&mut chosen, Some(model.clone()), model);
        }
    });
    (chosen.as_ref() != current).then_some(chosen)
}
