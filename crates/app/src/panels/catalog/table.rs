//! The catalog table: which models a search and filters keep, in which order, and the
//! virtualised table itself (clickable headers sort; a row's id selects it, its tags open its
//! sources).

use egui::Ui;
use egui_extras::{Column, TableBuilder};

use super::CatalogPanel;
use crate::panels::ViewCtx;
use coolplan_model::assumptions::Provenance;
use coolplan_model::assumptions::describe::plain_number;
use coolplan_model::catalog::ServerKind;
use coolplan_model::{Catalog, ServerModel};
use coolplan_units::{LengthUnit, PowerUnit};
use coolplan_words::catalog::{Cat, kind_name, options_text, tag_codes};
use coolplan_words::{Lang, Text};

/// What the table shows: a search text and the kind and vendor filters.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query {
    /// Matched (any case) against id, name, vendor and aliases.
    pub text: String,
    pub kind: Option<ServerKind>,
    pub vendor: Option<String>,
}

/// Sortable columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SortBy {
    /// Catalog order (shipped, then the site's own).
    #[default]
    Order,
    Id,
    Vendor,
    Kind,
    Height,
    Power,
    Capture,
    Options,
    Sources,
}

impl Query {
    fn keeps(&self, m: &ServerModel) -> bool {
        let needle = self.text.trim().to_lowercase();
        let found = needle.is_empty()
            || [&m.id, &m.name, &m.vendor]
                .into_iter()
                .chain(&m.aliases)
                .any(|text| text.to_lowercase().contains(&needle));
        found
            && self.kind.is_none_or(|k| m.kind == k)
            && self.vendor.as_ref().is_none_or(|v| m.vendor == *v)
    }
}

/// Indices of the models `query` keeps, sorted by `sort` (ties in catalog order).
pub fn rows(catalog: &Catalog, query: &Query, sort: SortBy, descending: bool) -> Vec<usize> {
    let models = catalog.models();
    let mut rows: Vec<usize> = (0..models.len())
        .filter(|&i| query.keeps(&models[i]))
        .collect();
    let key = |m: &ServerModel| -> (String, f64) {
        match sort {
            SortBy::Order => (String::new(), 0.0),
            SortBy::Id => (m.id.to_lowercase(), 0.0),
            SortBy::Vendor => (m.vendor.to_lowercase(), 0.0),
            SortBy::Kind => (format!("{}", m.kind as u8), 0.0),
            SortBy::Height => (String::new(), m.height.si()),
            SortBy::Power => (String::new(), m.max_power.si()),
            SortBy::Capture => (String::new(), m.cold_plate_capture),
            SortBy::Options => (format!("{:?}{:?}", m.cold_plate, m.immersion), 0.0),
            SortBy::Sources => (tag_codes(&m.source_tags()), 0.0),
        }
    };
    rows.sort_by(|&a, &b| {
        let (ka, kb) = (key(&models[a]), key(&models[b]));
        let order = ka.0.cmp(&kb.0).then(ka.1.total_cmp(&kb.1));
        let order = if descending { order.reverse() } else { order };
        order.then(a.cmp(&b))
    });
    rows
}

/// Draws the table of `rows` in at most `height` points.
pub fn show(ui: &mut Ui, ctx: &ViewCtx, panel: &mut CatalogPanel, rows: &[usize], height: f32) {
    let lang = ctx.lang();
    let models = ctx.catalog.models();
    let row_height = ui.spacing().interact_size.y + 2.0;
    let mut builder = TableBuilder::new(ui)
        .id_salt("catalog_table")
        .striped(true)
        .resizable(true)
        .max_scroll_height(height)
        .min_scrolled_height(height.min(160.0))
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::auto().at_least(150.0))
        .column(Column::auto().at_least(80.0))
        .column(Column::auto().at_least(90.0))
        .column(Column::auto().at_least(30.0))
        .column(Column::auto().at_least(55.0))
        .column(Column::auto().at_least(60.0))
        .column(Column::auto().at_least(160.0))
        .column(Column::remainder().at_least(120.0));
    if let Some(id) = panel.scroll_to.take()
        && let Some(at) = rows.iter().position(|&i| models[i].id == id)
    {
        builder = builder.scroll_to_row(at, Some(egui::Align::Center));
    }
    builder
        .header(row_height, |mut header| {
            for (text, sort) in [
                (Cat::ColId, SortBy::Id),
                (Cat::ColVendor, SortBy::Vendor),
                (Cat::ColKind, SortBy::Kind),
                (Cat::ColHeight, SortBy::Height),
                (Cat::ColMaxKw, SortBy::Power),
                (Cat::ColCapture, SortBy::Capture),
                (Cat::ColOptions, SortBy::Options),
                (Cat::ColSources, SortBy::Sources),
            ] {
                header.col(|ui| header_button(ui, panel, text.tr(lang), sort));
            }
        })
        .body(|body| {
            body.rows(row_height, rows.len(), |mut row| {
                let model = &models[rows[row.index()]];
                let selected = panel.selected.as_deref() == Some(model.id.as_str());
                row.set_selected(selected);
                row.col(|ui| {
                    if ui
                        .selectable_label(selected, &model.id)
                        .on_hover_text(&model.name)
                        .clicked()
                    {
                        panel.selected = Some(model.id.clone());
                    }
                });
                row.col(|ui| {
                    ui.label(&model.vendor);
                });
                row.col(|ui| {
                    ui.label(kind_name(model.kind, lang));
                });
                row.col(|ui| {
                    ui.label(plain_number(model.height.in_unit(LengthUnit::U)));
                });
                row.col(|ui| {
                    ui.label(plain_number(model.max_power.in_unit(PowerUnit::kW)));
                });
                row.col(|ui| {
                    ui.label(format!(
                        "{} %",
                        plain_number(model.cold_plate_capture * 100.0)
                    ));
                });
                row.col(|ui| {
                    ui.label(options_text(model.cold_plate, model.immersion, lang));
                });
                row.col(|ui| sources_cell(ui, ctx, panel, model, lang));
            });
        });
}

/// The model's source tags as a link that opens its sources; a site model marked as such.
fn sources_cell(
    ui: &mut Ui,
    ctx: &ViewCtx,
    panel: &mut CatalogPanel,
    model: &ServerModel,
    lang: Lang,
) {
    let own = ctx.catalog.provenance(&model.id) == Some(&Provenance::SiteFile);
    let tags = tag_codes(&model.source_tags());
    let text = match (own, tags.is_empty()) {
        (true, true) => Cat::OriginSite.tr(lang).to_string(),
        (true, false) => format!("{} {tags}", Cat::OriginSite.tr(lang)),
        (false, _) => tags,
    };
    if ui
        .link(text)
        .on_hover_text(Cat::SourcesOf.fmt(lang, &[&model.id]))
        .clicked()
    {
        panel.selected = Some(model.id.clone());
        panel.sources_of = Some(model.id.clone());
    }
}

fn header_button(ui: &mut Ui, panel: &mut CatalogPanel, text: &str, sort: SortBy) {
    let arrow = match (panel.sort == sort, panel.descending) {
        (true, false) => " ^",
        (true, true) => " v",
        _ => "",
    };
    if ui.button(format!("{text}{arrow}")).clicked() {
        if panel.sort == sort {
            panel.descending = !panel.descending;
        } else {
            panel.sort = sort;
            panel.descending = false;
        }
    }
}
