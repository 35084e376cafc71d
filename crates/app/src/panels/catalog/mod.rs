//! The catalog view: every model this site sees (shipped catalog plus the site's own) in a
//! searchable, sortable table (vendor, kind, U, kW, capture, options, sources), filtered by
//! kind and vendor; the selected model's editor below it (`editor.rs`), and a window with a
//! model's sources (`sources.rs`). A shipped model can be copied into the site's catalog to
//! edit it under its own id.

mod editor;
mod sources;
mod table;
#[cfg(test)]
mod tests;

use egui::Ui;

use super::{Panel, ViewCtx};
use crate::command::Command;
use crate::edit::Edit;
use crate::undo::Gesture;
use coolplan_model::catalog::ServerKind;
use coolplan_model::{Catalog, ServerModel};
use coolplan_words::catalog::{Cat, kind_name};
use coolplan_words::{Lang, Text};
use table::{Query, SortBy};

/// UI-local state: the selection, the filters, the sort and the open sources window.
#[derive(Default)]
pub struct CatalogPanel {
    selected: Option<String>,
    query: Query,
    sort: SortBy,
    descending: bool,
    /// Id of the model whose sources window is open.
    sources_of: Option<String>,
    /// A model to bring into view in the table (after a jump or an added copy).
    scroll_to: Option<String>,
    /// The address last copied from the sources window (confirmed beside it).
    copied: Option<String>,
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
            self.select(id);
        }
        self.filter_bar(ui, ctx.catalog, lang);
        let rows = table::rows(ctx.catalog, &self.query, self.sort, self.descending);
        ui.label(Cat::Shown.fmt(lang, &[&rows.len(), &ctx.catalog.len()]));
        let selected = self
            .selected
            .as_deref()
            .and_then(|id| ctx.catalog.get(id))
            .cloned();
        // The table fills the view until a model is chosen; then it shares it with the editor.
        let share = if selected.is_some() { 0.45 } else { 1.0 };
        let height = (ui.available_height() * share - 40.0).max(160.0);
        // A child of fixed height, so the table's column lines end with the table.
        let size = egui::vec2(ui.available_width(), height + 30.0);
        ui.allocate_ui(size, |ui| {
            ui.set_max_height(size.y);
            table::show(ui, ctx, self, &rows, height);
        });
        ui.separator();
        if let Some(model) = selected {
            self.editor_bar(ui, ctx, &model, out);
            editor::model_editor(ui, ctx, &model, out);
        }
        sources::window(ui, ctx, self);
    }
}

impl CatalogPanel {
    /// Selects `id` and brings its row into view.
    fn select(&mut self, id: &str) {
        self.selected = Some(id.to_string());
        self.scroll_to = Some(id.to_string());
    }

    /// Search text, kind and vendor filters.
    fn filter_bar(&mut self, ui: &mut Ui, catalog: &Catalog, lang: Lang) {
        ui.horizontal(|ui| {
            ui.add(
                egui::TextEdit::singleline(&mut self.query.text)
                    .hint_text(Cat::Search.tr(lang))
                    .desired_width(260.0),
            )
            .on_hover_text(Cat::Search.tr(lang));
            let kind_text = |kind: Option<ServerKind>| match kind {
                Some(kind) => kind_name(kind, lang),
                None => Cat::AllKinds.tr(lang),
            };
            egui::ComboBox::from_id_salt("catalog_kind")
                .selected_text(kind_text(self.query.kind))
                .show_ui(ui, |ui| {
                    let choices = std::iter::once(None).chain(ServerKind::ALL.map(Some));
                    for kind in choices {
                        ui.selectable_value(&mut self.query.kind, kind, kind_text(kind));
                    }
                })
                .response
                .on_hover_text(Cat::FilterKind.tr(lang));
            let mut vendors: Vec<&str> =
                catalog.models().iter().map(|m| m.vendor.as_str()).collect();
            vendors.sort_by_key(|v| v.to_lowercase());
            vendors.dedup();
            let vendor_text = self
                .query
                .vendor
                .clone()
                .unwrap_or_else(|| Cat::AllVendors.tr(lang).to_string());
            egui::ComboBox::from_id_salt("catalog_vendor")
                .selected_text(vendor_text)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.query.vendor, None, Cat::AllVendors.tr(lang));
                    for vendor in vendors {
                        ui.selectable_value(
                            &mut self.query.vendor,
                            Some(vendor.to_string()),
                            vendor,
                        );
                    }
                })
                .response
                .on_hover_text(Cat::FilterVendor.tr(lang));
        });
    }

    /// The selected model's actions: its sources, and copying a shipped model into the site.
    fn editor_bar(
        &mut self,
        ui: &mut Ui,
        ctx: &ViewCtx,
        model: &ServerModel,
        out: &mut Vec<Command>,
    ) {
        let lang = ctx.lang();
        ui.horizontal(|ui| {
            if ui.button(Cat::OpenSources.tr(lang)).clicked() {
                self.sources_of = Some(model.id.clone());
            }
            let shipped = ctx.catalog.provenance(&model.id)
                == Some(&coolplan_model::assumptions::Provenance::Catalog);
            if shipped
                && ui
                    .button(Cat::AddFromShipped.tr(lang))
                    .on_hover_text(Cat::AddFromShippedHint.tr(lang))
                    .clicked()
            {
                let copy = site_copy(ctx.catalog, model);
                self.select(&copy.id);
                out.push(Command::Edit(
                    Edit::SetCatalogModel(Box::new(copy)),
                    Gesture::Step,
                ));
            }
        });
    }
}

/// A shipped model as a site model to edit: a new id (`hgx-h100-site`, then `-site-2`, …), the
/// same figures and sources (they still rest on them), and no aliases, so inventory names keep
/// landing on the shipped model until the copy is given names of its own.
fn site_copy(catalog: &Catalog, model: &ServerModel) -> ServerModel {
    let stem = format!("{}-site", model.id);
    let id = std::iter::once(stem.clone())
        .chain((2..).map(|n| format!("{stem}-{n}")))
        .find(|id| catalog.get(id).is_none())
        .unwrap_or(stem);
    ServerModel {
        id,
        aliases: Vec::new(),
        ..model.clone()
    }
}
