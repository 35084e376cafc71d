//! The inventory's tools for many rows: the toolbar (filter, copy, paste, add a group), the
//! bulk bar that sets count, status, model or cooling rule of every selected group in one
//! undo step, and the clipboard as tab-separated rows ([`crate::tsv`]).

use egui::Ui;

use super::cells::{first_year, rule_combo, status_combo};
use super::{At, InventoryPanel};
use crate::command::Command;
use crate::edit::Edit;
use crate::kit::{Tracker, UiExt};
use crate::panels::ViewCtx;
use crate::panels::model_picker::model_picker;
use crate::state::Notice;
use crate::undo::Gesture;
use coolplan_model::Rack;
use coolplan_units::format::group_thousands;
use coolplan_words::Text;
use coolplan_words::gui::Gui;
use coolplan_words::inventory::Inv;

impl InventoryPanel {
    /// Copy (Ctrl+C) and paste (Ctrl+V) while no text field has the keyboard.
    pub(super) fn clipboard_keys(
        &self,
        ui: &Ui,
        ctx: &ViewCtx,
        rows: &[At],
        out: &mut Vec<Command>,
    ) {
        if ui.ctx().memory(|m| m.focused().is_some()) {
            return;
        }
        let events = ui.input(|i| i.events.clone());
        for event in events {
            match event {
                egui::Event::Copy => self.copy(ui, ctx, rows, out),
                egui::Event::Paste(text) => paste(ctx, &text, out),
                _ => {}
            }
        }
    }

    pub(super) fn copy(&self, ui: &Ui, ctx: &ViewCtx, rows: &[At], out: &mut Vec<Command>) {
        let chosen: Vec<At> = if self.selected.is_empty() {
            rows.to_vec()
        } else {
            rows.iter()
                .copied()
                .filter(|a| self.selected.contains(a))
                .collect()
        };
        ui.ctx().copy_text(crate::tsv::copy(ctx.site, &chosen));
        out.push(Command::Notify(Notice {
            text: Inv::Copied.fmt(ctx.lang(), &[&chosen.len()]),
            is_error: false,
        }));
    }

    pub(super) fn toolbar(
        &mut self,
        ui: &mut Ui,
        ctx: &ViewCtx,
        rows: &[At],
        out: &mut Vec<Command>,
    ) {
        let lang = ctx.lang();
        ui.horizontal(|ui| {
            ui.add(
                egui::TextEdit::singleline(&mut self.filter)
                    .hint_text(Gui::Filter.tr(lang))
                    .desired_width(240.0),
            )
            .on_hover_text(Gui::Filter.tr(lang));
            ui.label(Gui::RowsShown.fmt(
                lang,
                &[
                    &group_thousands(rows.len() as f64, 0),
                    &group_thousands(ctx.site.rack_group_count() as f64, 0),
                ],
            ));
            ui.separator();
            if ui
                .button(Inv::Copy.tr(lang))
                .on_hover_text(Inv::CopyTip.tr(lang))
                .clicked()
            {
                self.copy(ui, ctx, rows, out);
            }
            let paste_button = ui
                .button(Inv::Paste.tr(lang))
                .on_hover_text(Inv::PasteTip.tr(lang));
            if paste_button.clicked() {
                // the platform answers with a Paste event, read next frame
                ui.ctx()
                    .send_viewport_cmd(egui::ViewportCommand::RequestPaste);
            }
            if let Some(h) = ctx
                .selection
                .hall
                .or((!ctx.site.halls.is_empty()).then_some(0))
                && ui.button(Inv::AddGroup.tr(lang)).clicked()
            {
                out.push(Command::Edit(Edit::AddRack(h), Gesture::Step));
            }
        });
    }

    pub(super) fn bulk_bar(&mut self, ui: &mut Ui, ctx: &ViewCtx, out: &mut Vec<Command>) {
        let lang = ctx.lang();
        let first_year = first_year(ctx);
        let targets: Vec<At> = self.selected.iter().copied().collect();
        let set_all = |change: &dyn Fn(&mut Rack)| -> Command {
            let replace = targets
                .iter()
                .map(|&(h, r)| {
                    let mut rack = ctx.site.halls[h].racks[r].clone();
                    change(&mut rack);
                    ((h, r), rack)
                })
                .collect();
            Command::Edit(
                Edit::SetRacks {
                    replace,
                    add: Vec::new(),
                },
                Gesture::Step,
            )
        };
        // Shown with nothing selected too (disabled), so the rows do not move on the first click.
        let enabled = !targets.is_empty();
        ui.add_enabled_ui(enabled, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.strong(Inv::Selected.fmt(lang, &[&group_thousands(targets.len() as f64, 0)]))
                    .on_hover_text(Inv::BulkTip.tr(lang));
                if ui
                    .small_button("×")
                    .on_hover_text(Inv::ClearSelection.tr(lang))
                    .clicked()
                {
                    self.selected.clear();
                }
                ui.separator();
                ui.label(Inv::BulkCount.tr(lang));
                let mut tracker = Tracker::default();
                ui.count_edit(
                    &mut self.bulk.count,
                    1..=1_000_000,
                    Inv::BulkCount.tr(lang),
                    &mut tracker,
                );
                if ui.button(Inv::Apply.tr(lang)).clicked() {
                    let count = self.bulk.count;
                    out.push(set_all(&|rack| rack.count = count));
                }
                ui.separator();
                ui.label(Inv::BulkStatus.tr(lang));
                status_combo(ui, "bulk_status", &mut self.bulk.status, first_year, lang);
                if ui.button(Inv::Apply.tr(lang)).clicked() {
                    let status = self.bulk.status;
                    out.push(set_all(&|rack| {
                        for group in &mut rack.servers {
                            group.status = status;
                        }
                    }));
                }
                ui.separator();
                ui.label(Inv::BulkModel.tr(lang));
                if self.bulk.model.is_empty()
                    && let Some(model) = ctx.catalog.models().first()
                {
                    self.bulk.model = model.id.clone();
                }
                let shown = self.bulk.model.clone();
                if let Some(model) =
                    model_picker(ui, "bulk_model", &shown, &shown, ctx.catalog, lang)
                {
                    self.bulk.model = model;
                }
                if ui.button(Inv::Apply.tr(lang)).clicked() {
                    let model = self.bulk.model.clone();
                    out.push(set_all(&|rack| {
                        for group in &mut rack.servers {
                            group.model = model.clone();
                        }
                    }));
                }
                ui.separator();
                ui.label(Inv::BulkCooling.tr(lang));
                rule_combo(ui, "bulk_rule", &mut self.bulk.rule, ctx.site, lang);
                if ui.button(Inv::Apply.tr(lang)).clicked() {
                    let rule = self.bulk.rule.clone();
                    out.push(set_all(&|rack| rack.cooling = rule.clone()));
                }
            })
        });
    }
}

/// Reads pasted rows into one edit, or says which line it could not read.
pub(super) fn paste(ctx: &ViewCtx, text: &str, out: &mut Vec<Command>) {
    let lang = ctx.lang();
    match crate::tsv::paste(ctx.site, text) {
        Ok(pasted) => {
            let text = Inv::Pasted.fmt(
                lang,
                &[&pasted.rows(), &pasted.replace.len(), &pasted.add.len()],
            );
            out.push(Command::Edit(
                Edit::SetRacks {
                    replace: pasted.replace,
                    add: pasted.add,
                },
                Gesture::Step,
            ));
            out.push(Command::Notify(Notice {
                text,
                is_error: false,
            }));
        }
        Err(error) => out.push(Command::Notify(Notice {
            text: error.text(lang),
            is_error: true,
        })),
    }
}
