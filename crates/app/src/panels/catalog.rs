//! The catalog editor: the server models this site sees (shipped catalog plus the site's own),
//! each field with its unit in the chosen system and its provenance; editing a shipped model
//! overrides it in this site file, and removing the override resets it to the catalog.

use egui::Ui;

use super::field_edit::{Field, FieldEdit};
use super::{Panel, ViewCtx};
use crate::command::Command;
use crate::edit::Edit;
use crate::field_marks::{Depth, FieldProblem, join};
use crate::kit::{Tracker, UiExt};
use crate::undo::Gesture;
use coolplan_io::Seg;
use coolplan_model::assumptions::Provenance;
use coolplan_model::catalog::ServerKind;
use coolplan_model::{ImmersionCompat, KitAvailability, ServerModel};
use coolplan_words::fields::{CATALOG, FieldChoice, field_label};
use coolplan_words::gui::Gui;
use coolplan_words::{Lang, Text};

/// UI-local state: the selected model id and a filter.
#[derive(Default)]
pub struct CatalogPanel {
    selected: Option<String>,
    filter: String,
    /// Serial of the last jump adopted.
    adopted_jump: Option<u64>,
}

impl Panel for CatalogPanel {
    fn ui(&mut self, ui: &mut Ui, ctx: &ViewCtx, out: &mut Vec<Command>) {
        let lang = ctx.lang();
        if let Some((serial, id)) = ctx.focus_model
            && self.adopted_jump != Some(*serial)
        {
            self.adopted_jump = Some(*serial);
            self.selected = Some(id.clone());
        }
        ui.horizontal_top(|ui| {
            ui.vertical(|ui| {
                ui.set_width(260.0);
                ui.add(
                    egui::TextEdit::singleline(&mut self.filter)
                        .hint_text(Gui::Filter.tr(lang))
                        .desired_width(250.0),
                );
                let needle = self.filter.to_lowercase();
                egui::ScrollArea::vertical()
                    .id_salt("catalog_list")
                    .max_height(ui.available_height() - 40.0)
                    .show(ui, |ui| {
                        for model in ctx.catalog.models() {
                            let text = format!("{}  {}", model.id, model.name);
                            if !needle.is_empty() && !text.to_lowercase().contains(&needle) {
                                continue;
                            }
                            ui.horizontal(|ui| {
                                if let Some(p) = ctx.catalog.provenance(&model.id) {
                                    ui.provenance_badge(p, lang);
                                }
                                let selected = self.selected.as_deref() == Some(model.id.as_str());
                                if ui
                                    .selectable_label(selected, &model.id)
                                    .on_hover_text(&model.name)
                                    .clicked()
                                {
                                    self.selected = Some(model.id.clone());
                                }
                            });
                        }
                    });
                if ui.button(Gui::AddModel.tr(lang)).clicked() {
                    let base = self
                        .selected
                        .as_deref()
                        .and_then(|id| ctx.catalog.get(id))
                        .or_else(|| ctx.catalog.models().first());
                    if let Some(base) = base {
                        let mut model = base.clone();
                        model.id = (1..)
                            .map(|n| format!("custom-{n}"))
                            .find(|id| ctx.catalog.get(id).is_none())
                            .unwrap_or_default();
                        self.selected = Some(model.id.clone());
                        out.push(Command::Edit(
                            Edit::SetCatalogModel(Box::new(model)),
                            Gesture::Step,
                        ));
                    }
                }
            });
            ui.separator();
            let Some(model) = self.selected.as_deref().and_then(|id| ctx.catalog.get(id)) else {
                return;
            };
            ui.vertical(|ui| model_editor(ui, ctx, model, out));
        });
    }
}

fn model_editor(ui: &mut Ui, ctx: &ViewCtx, model: &ServerModel, out: &mut Vec<Command>) {
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
