//! The sources window: every source of one model — title as published, tag and its meaning,
//! date, the address (a web link opens in the browser; any address can be copied) and the
//! note — or, for a site model without sources, that its figures are the site file's.

use egui::Ui;

use super::CatalogPanel;
use crate::panels::ViewCtx;
use coolplan_model::catalog::Source;
use coolplan_words::catalog::{Cat, tag_name};
use coolplan_words::{Lang, Text};

/// Shows the window of the model in `panel.sources_of`, if any.
pub fn window(ui: &mut Ui, ctx: &ViewCtx, panel: &mut CatalogPanel) {
    let lang = ctx.lang();
    let Some(model) = panel
        .sources_of
        .as_deref()
        .and_then(|id| ctx.catalog.get(id))
    else {
        panel.sources_of = None;
        return;
    };
    let mut open = true;
    let mut copied = None;
    egui::Window::new(Cat::SourcesOf.fmt(lang, &[&model.id]))
        .id(egui::Id::unique("catalog_sources"))
        .open(&mut open)
        .resizable(true)
        .default_width(560.0)
        .show(ui.ctx(), |ui| {
            ui.label(&model.name);
            ui.separator();
            egui::ScrollArea::vertical()
                .max_height(420.0)
                .show(ui, |ui| {
                    if model.sources.is_empty() {
                        ui.label(Cat::NoSources.tr(lang));
                    }
                    for (i, source) in model.sources.iter().enumerate() {
                        ui.push_id(i, |ui| {
                            if let Some(url) = source_entry(ui, source, lang) {
                                copied = Some(url);
                            }
                        });
                        ui.separator();
                    }
                });
            if let Some(url) = &panel.copied {
                ui.weak(Cat::CopiedUrl.fmt(lang, &[url]));
            }
        });
    if let Some(url) = copied {
        ui.ctx().copy_text(url.clone());
        panel.copied = Some(url);
    }
    if !open {
        panel.sources_of = None;
        panel.copied = None;
    }
}

/// One source; returns its address when its Copy button was clicked.
fn source_entry(ui: &mut Ui, source: &Source, lang: Lang) -> Option<String> {
    let mut copied = None;
    ui.horizontal_wrapped(|ui| {
        ui.strong(format!("[{}]", source.tag.code()));
        ui.label(&source.title);
    });
    ui.weak(format!("{} · {}", source.date, tag_name(source.tag, lang)));
    if !source.url.is_empty() {
        ui.horizontal(|ui| {
            if source.url.starts_with("http://") || source.url.starts_with("https://") {
                ui.hyperlink_to(&source.url, &source.url);
            } else {
                ui.label(&source.url);
            }
            if ui
                .small_button(Cat::CopyUrl.tr(lang))
                .on_hover_text(&source.url)
                .clicked()
            {
                copied = Some(source.url.clone());
            }
        });
    }
    if !source.note.is_empty() {
        ui.label(egui::RichText::new(&source.note).small());
    }
    copied
}
