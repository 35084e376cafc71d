//! The kind selector (detected layout, changeable) and the mapping step of a spreadsheet:
//! one combo box of the file's columns per field, and the hall for rows without one.

use egui::{ComboBox, Ui};

use super::window::{ImportWindow, MappingSource, SiteNames};
use coolplan_io::import::{Field, GENERIC_FIELDS, ImportFormat};
use coolplan_words::import_gui::ImpGui;
use coolplan_words::{Lang, Text};

const KINDS: [ImportFormat; 5] = [
    ImportFormat::NetBox,
    ImportFormat::OpenDcim,
    ImportFormat::Generic,
    ImportFormat::Inventory,
    ImportFormat::Measured,
];

/// A kind's name in `lang`.
pub fn kind_text(format: ImportFormat, lang: Lang) -> &'static str {
    match format {
        ImportFormat::NetBox => ImpGui::KindNetBox,
        ImportFormat::OpenDcim => ImpGui::KindOpenDcim,
        ImportFormat::Generic => ImpGui::KindGeneric,
        ImportFormat::Inventory => ImpGui::KindInventory,
        ImportFormat::Measured => ImpGui::KindMeasured,
    }
    .tr(lang)
}

/// The label of a mapping field's combo box.
fn field_text(field: Field, lang: Lang) -> &'static str {
    match field {
        Field::Hall => ImpGui::MapHall,
        Field::Rack => ImpGui::MapRack,
        Field::Model => ImpGui::MapModel,
        Field::Manufacturer => ImpGui::MapManufacturer,
        Field::Role => ImpGui::MapRole,
        Field::Count => ImpGui::MapCount,
        Field::Power => ImpGui::MapPower,
        Field::Status => ImpGui::MapStatus,
        Field::Year => ImpGui::MapYear,
        Field::Position => ImpGui::MapPosition,
        _ => ImpGui::MapHeight,
    }
    .tr(lang)
}

/// The kind combo box and what was detected; true when the kind changed.
pub fn kind_ui(ui: &mut Ui, window: &mut ImportWindow, lang: Lang) -> bool {
    let before = window.format;
    ui.horizontal(|ui| {
        ComboBox::new("import_kind", ImpGui::Kind.tr(lang))
            .selected_text(kind_text(window.format, lang))
            .show_ui(ui, |ui| {
                for kind in KINDS {
                    ui.selectable_value(&mut window.format, kind, kind_text(kind, lang));
                }
            });
        match window.header.detected {
            Some(kind) => ui.label(ImpGui::Detected.fmt(lang, &[&kind_text(kind, lang)])),
            None => ui.label(ImpGui::NotDetected.tr(lang)),
        };
    });
    window.format != before
}

/// One combo box per field (the file's columns or none) and the target hall; true when a
/// choice changed.
pub fn mapping_ui(ui: &mut Ui, window: &mut ImportWindow, site: &SiteNames) -> bool {
    let lang = site.lang;
    let mut changed = false;
    ui.horizontal(|ui| {
        ui.strong(ImpGui::MappingHead.tr(lang));
        ui.label(match window.mapping_source {
            MappingSource::Remembered => ImpGui::MappingRemembered.tr(lang),
            MappingSource::Guessed => ImpGui::MappingGuessed.tr(lang),
        });
    });
    let none = ImpGui::NoColumn.tr(lang);
    let columns = &window.header.columns;
    ui.horizontal_wrapped(|ui| {
        for ((key, field), chosen) in GENERIC_FIELDS.iter().zip(window.mapping.iter_mut()) {
            let before = *chosen;
            let shown = chosen
                .and_then(|i| columns.get(i))
                .map_or(none, String::as_str);
            ComboBox::new(("import_map", *key), field_text(*field, lang))
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(chosen, None, none);
                    for (i, column) in columns.iter().enumerate() {
                        ui.selectable_value(chosen, Some(i), column);
                    }
                });
            ui.add_space(12.0);
            changed |= *chosen != before;
        }
    });
    let hall_mapped = GENERIC_FIELDS
        .iter()
        .zip(&window.mapping)
        .any(|((_, field), at)| *field == Field::Hall && at.is_some());
    if !hall_mapped && !site.halls.is_empty() {
        let before = window.default_hall.clone();
        let shown = window
            .default_hall
            .as_ref()
            .unwrap_or(&site.halls[0])
            .clone();
        ComboBox::new("import_target_hall", ImpGui::TargetHall.tr(lang))
            .selected_text(shown)
            .show_ui(ui, |ui| {
                for hall in site.halls {
                    ui.selectable_value(&mut window.default_hall, Some(hall.clone()), hall);
                }
            });
        changed |= window.default_hall != before;
    }
    changed
}
