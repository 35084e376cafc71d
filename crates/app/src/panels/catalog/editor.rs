//! The editor of one catalog model: each field with its unit in the chosen system and its
//! provenance; editing a shipped model overrides it in this site file (the whole model, same
//! id), and removing the override resets it to the catalog.

use egui::Ui;

use crate::command::Command;
use crate::edit::Edit;
use crate::field_marks::{Depth, FieldProblem, join};
use crate::kit::{Tracker, UiExt};
use crate::panels::ViewCtx;
use crate::panels::field_edit::{Field, FieldEdit};
use crate::undo::Gesture;
use coolplan_io::Seg;
use coolplan_model::assumptions::Provenance;
use coolplan_model::catalog::ServerKind;
use coolplan_model::{ImmersionCompat, KitAvailability, ServerModel};
use coolplan_units::{Qty, TimeUnit};
use coolplan_words::catalog::service_life_text;
use coolplan_words::fields::{CATALOG, FieldChoice, field_label};
use coolplan_words::gui::Gui;
use coolplan_words::{Lang, Text};

/// The editor of `model`: every field with its label, file key, unit and problem mark.
pub fn model_editor(ui: &mut Ui, ctx: &ViewCtx, model: &ServerModel, out: &mut Vec<Command>) {
    let lang = ctx.lang();
    let units = ctx.units();
    let provenance = ctx.catalog.provenance(&model.id).cloned();
    let model_path = [Seg::Model(model.id.clone())];
    let problem =
        |key: &'static str| ctx.problem(&join(&model_path, &[Seg::Field(key)]), Depth::Under);
    ui.horizontal(|ui| {
        let id_problem = FieldProblem::merge(ctx.problem(&model_path, Depth::Exact), problem("id"));
        ui.checked(id_problem.as_ref(), false, |ui| ui.heading(&model.id));
        if let Some(p) = &provenance {
            ui.provenance_badge(p, lang);
        }
    });
    let mut edited = model.clone();
    let mut tracker = Tracker::default();
    egui::ScrollArea::vertical()
        .id_salt("catalog_editor")
        .show(ui, |ui| {
            egui::Grid::new("model_fields")
                .num_columns(2)
                .striped(true)
                .show(ui, |ui| {
                    for (key, text) in [("name", &mut edited.name), ("vendor", &mut edited.vendor)]
                    {
                        let label = field_label(CATALOG, key, lang);
                        key_label(ui, key, lang);
                        ui.checked(problem(key).as_ref(), false, |ui| {
                            ui.text_edit(text, label, &mut tracker)
                        });
                        ui.end_row();
                    }
                    enum_row(
                        ui,
                        "kind",
                        &mut edited.kind,
                        &[
                            (ServerKind::Cpu, FieldChoice::KindCpu),
                            (ServerKind::Gpu, FieldChoice::KindGpu),
                            (ServerKind::RackScale, FieldChoice::KindRackScale),
                            (ServerKind::Storage, FieldChoice::KindStorage),
                            (ServerKind::Network, FieldChoice::KindNetwork),
                        ],
                        lang,
                        &mut tracker,
                    );
                    field(
                        ui,
                        "height",
                        &mut edited.height,
                        problem("height"),
                        units,
                        lang,
                        &mut tracker,
                    );
                    field(
                        ui,
                        "max_power",
                        &mut edited.max_power,
                        problem("max_power"),
                        units,
                        lang,
                        &mut tracker,
                    );
                    field(
                        ui,
                        "utilisation",
                        &mut edited.utilisation,
                        problem("utilisation"),
                        units,
                        lang,
                        &mut tracker,
                    );
                    field(
                        ui,
                        "fan_share",
                        &mut edited.fan_share,
                        problem("fan_share"),
                        units,
                        lang,
                        &mut tracker,
                    );
                    field(
                        ui,
                        "cold_plate_capture",
                        &mut edited.cold_plate_capture,
                        problem("cold_plate_capture"),
                        units,
                        lang,
                        &mut tracker,
                    );
                    enum_row(
                        ui,
                        "cold_plate",
                        &mut edited.cold_plate,
                        &[
                            (KitAvailability::Retrofit, FieldChoice::KitRetrofit),
                            (KitAvailability::FactoryOnly, FieldChoice::KitFactoryOnly),
                            (KitAvailability::Unavailable, FieldChoice::KitUnavailable),
                        ],
                        lang,
                        &mut tracker,
                    );
                    enum_row(
                        ui,
                        "immersion",
                        &mut edited.immersion,
                        &[
                            (ImmersionCompat::Yes, FieldChoice::ImmersionYes),
                            (ImmersionCompat::WithPrep, FieldChoice::ImmersionWithPrep),
                            (ImmersionCompat::No, FieldChoice::ImmersionNo),
                        ],
                        lang,
                        &mut tracker,
                    );
                    field(
                        ui,
                        "weight",
                        &mut edited.weight,
                        problem("weight"),
                        units,
                        lang,
                        &mut tracker,
                    );
                    for (key, prices) in [
                        ("kit_cost", &mut edited.kit_cost),
                        ("factory_premium", &mut edited.factory_premium),
                    ] {
                        for (i, price) in prices.iter_mut().enumerate() {
                            let at = join(&model_path, &[Seg::Item(key, i)]);
                            let item = ctx.problem(&at, Depth::Under);
                            field(ui, key, price, item, units, lang, &mut tracker);
                        }
                    }
                    service_life_row(ui, &mut edited, problem("service_life"), lang, &mut tracker);
                    aliases_row(ui, &mut edited, lang, &mut tracker);
                    key_label(ui, "notes", lang);
                    ui.text_edit(&mut edited.notes, Gui::Notes.tr(lang), &mut tracker);
                    ui.end_row();
                });
            if provenance == Some(Provenance::SiteFile)
                && ui.button(Gui::RemoveOverride.tr(lang)).clicked()
            {
                out.push(Command::Edit(
                    Edit::RemoveCatalogModel(model.id.clone()),
                    Gesture::Step,
                ));
            }
            if provenance == Some(Provenance::Catalog) {
                ui.label(hint(lang));
            }
        });
    tracker.commands(|| Edit::SetCatalogModel(Box::new(edited)), out);
}

/// The service life in years (the kind's default shown until one is set).
fn service_life_row(
    ui: &mut Ui,
    model: &mut ServerModel,
    problem: Option<FieldProblem>,
    lang: Lang,
    tracker: &mut Tracker,
) {
    key_label(ui, "service_life", lang);
    let label = field_label(CATALOG, "service_life", lang);
    let mut years = model.service_life().in_unit(TimeUnit::year);
    ui.checked(problem.as_ref(), false, |ui| {
        ui.horizontal(|ui| {
            if ui
                .number_edit(&mut years, 0.5..=40.0, 0.1, label, tracker)
                .changed()
            {
                model.service_life = Some(Qty::new(years, TimeUnit::year));
            }
            ui.label(service_life_text(model, lang));
        })
    });
    ui.end_row();
}

/// The aliases as one text, `;` between names; the text is kept as typed while it has the
/// focus and read into the list when the focus leaves it.
fn aliases_row(ui: &mut Ui, model: &mut ServerModel, lang: Lang, tracker: &mut Tracker) {
    key_label(ui, "aliases", lang);
    let label = field_label(CATALOG, "aliases", lang);
    let draft_id = egui::Id::unique(("catalog_aliases", &model.id));
    let mut text = ui
        .data(|d| d.get_temp::<String>(draft_id))
        .unwrap_or_else(|| model.aliases.join("; "));
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut text)
                .hint_text(label)
                .desired_width(320.0),
        )
        .on_hover_text(label);
    if response.has_focus() {
        ui.data_mut(|d| d.insert_temp(draft_id, text.clone()));
    } else {
        ui.data_mut(|d| d.remove::<String>(draft_id));
    }
    if response.lost_focus() || (response.changed() && !response.has_focus()) {
        let aliases: Vec<String> = text
            .split(';')
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(str::to_string)
            .collect();
        if aliases != model.aliases {
            model.aliases = aliases;
            tracker.changed = true;
        }
    }
    ui.end_row();
}

fn hint(lang: Lang) -> &'static str {
    Gui::OverrideModel.tr(lang)
}

fn field<T: FieldEdit>(
    ui: &mut Ui,
    key: &str,
    value: &mut T,
    problem: Option<FieldProblem>,
    units: coolplan_units::format::UnitSystem,
    lang: Lang,
    tracker: &mut Tracker,
) {
    key_label(ui, key, lang);
    let label = field_label(CATALOG, key, lang);
    ui.checked(problem.as_ref(), false, |ui| {
        ui.horizontal(|ui| value.edit(ui, &mut Field::new(units, lang, label, tracker)))
    });
    ui.end_row();
}

fn enum_row<T: Copy + PartialEq>(
    ui: &mut Ui,
    key: &str,
    value: &mut T,
    choices: &[(T, FieldChoice)],
    lang: Lang,
    tracker: &mut Tracker,
) {
    key_label(ui, key, lang);
    let before = *value;
    let name = |v: T| {
        choices
            .iter()
            .find(|(c, _)| *c == v)
            .map_or("", |(_, text)| text.tr(lang))
    };
    egui::ComboBox::from_id_salt(("catalog_enum", key))
        .selected_text(name(*value))
        .show_ui(ui, |ui| {
            for (choice, text) in choices {
                ui.selectable_value(value, *choice, text.tr(lang));
            }
        })
        .response
        .on_hover_text(field_label(CATALOG, key, lang));
    if *value != before {
        tracker.changed = true;
    }
    ui.end_row();
}

/// The field's label in `lang`, with the key written in the file beside it.
fn key_label(ui: &mut Ui, key: &str, lang: Lang) {
    ui.horizontal(|ui| {
        ui.label(field_label(CATALOG, key, lang));
        ui.weak(key);
    });
}
