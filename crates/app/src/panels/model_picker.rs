//! The searchable model picker of the inventory and rack views: a button with the chosen
//! model; its popup lists the catalog with vendor, kind, maximum kW and height in U, filtered
//! by what is typed (id, name or vendor).
//!
//! Owns: the picker widget and its search text (egui's memory, per picker). Never touches:
//! the catalog (read only), commands (the caller turns a choice into an edit).

use egui::{Id, RichText, Ui};

use coolplan_model::Catalog;
use coolplan_units::format::{auto_decimals, group_thousands};
use coolplan_units::{LengthUnit, PowerUnit};
use coolplan_words::gui::Gui;
use coolplan_words::{Lang, Text};

/// Rows the popup shows at most (the search narrows a long catalog).
const MAX_ROWS: usize = 200;

/// `12.4 kW · 2 U`: a model's maximum power and height.
pub fn model_figures(catalog: &Catalog, id: &str) -> Option<String> {
    let model = catalog.get(id)?;
    let kw = model.max_power.in_unit(PowerUnit::kW);
    let u = model.height.in_unit(LengthUnit::U);
    Some(format!(
        "{} kW · {} U",
        group_thousands(kw, auto_decimals(kw)),
        group_thousands(u, if u.fract() == 0.0 { 0 } else { 1 })
    ))
}

/// A picker of a catalog model for `current`; returns the id chosen this frame, if any.
/// `shown` is the button's text (e.g. `4 × hgx-h100`).
pub fn model_picker(
    ui: &mut Ui,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    shown: &str,
    current: &str,
    catalog: &Catalog,
    lang: Lang,
) -> Option<String> {
    let id = ui.make_persistent_id(id_salt);
    let search_id = id.with("search");
    let mut chosen = None;
    let response = egui::ComboBox::from_id_salt(id)
        .selected_text(shown)
        .width(170.0)
        .height(320.0)
        .show_ui(ui, |ui| {
            chosen = popup(ui, search_id, current, catalog, lang);
        })
        .response;
    response.on_hover_text(model_tip(catalog, current, lang));
    chosen
}

fn popup(
    ui: &mut Ui,
    search_id: Id,
    current: &str,
    catalog: &Catalog,
    lang: Lang,
) -> Option<String> {
    let mut search: String = ui.data(|d| d.get_temp(search_id)).unwrap_or_default();
    let field = ui.add(
        egui::TextEdit::singleline(&mut search)
            .hint_text(Gui::Search.tr(lang))
            .desired_width(380.0),
    );
    if !field.has_focus() && search.is_empty() {
        field.request_focus();
    }
    ui.data_mut(|d| d.insert_temp(search_id, search.clone()));
    let needle = search.to_lowercase();
    let mut chosen = None;
    let matches = catalog.models().iter().filter(|m| {
        needle.is_empty()
            || m.id.to_lowercase().contains(&needle)
            || m.name.to_lowercase().contains(&needle)
            || m.vendor.to_lowercase().contains(&needle)
    });
    egui::Grid::new(search_id.with("rows"))
        .num_columns(3)
        .striped(true)
        .show(ui, |ui| {
            for model in matches.take(MAX_ROWS) {
                let selected = model.id == current;
                if ui
                    .selectable_label(selected, RichText::new(&model.id).strong())
                    .clicked()
                {
                    chosen = Some(model.id.clone());
                }
                ui.label(format!("{} · {}", model.vendor, model.name));
                ui.label(model_figures(catalog, &model.id).unwrap_or_default());
                ui.end_row();
            }
        });
    if chosen.is_some() {
        ui.data_mut(|d| d.remove::<String>(search_id));
    }
    chosen
}

/// Hover text of a model: name, vendor, kW and U.
pub fn model_tip(catalog: &Catalog, id: &str, lang: Lang) -> String {
    match catalog.get(id) {
        Some(model) => format!(
            "{} — {} · {}\n{}",
            model.id,
            model.vendor,
            model.name,
            model_figures(catalog, id).unwrap_or_default()
        ),
        None => format!("{}: {id}", Gui::Model.tr(lang)),
    }
}
