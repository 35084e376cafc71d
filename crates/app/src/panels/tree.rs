//! The site tree (left): halls → rack groups, with add, duplicate, rename, delete and a search
//! filter. Rows are flattened and drawn virtualised, so 10,000 racks stay smooth.

use std::collections::HashSet;

use egui::Ui;

use super::{Panel, ViewCtx};
use crate::command::Command;
use crate::edit::Edit;
use crate::field_marks::{Depth, FieldProblem};
use crate::kit::{ERROR_COLOUR, PROBLEM_SIGN, WARNING_COLOUR};
use crate::state::Selection;
use crate::undo::Gesture;
use coolplan_words::Text;
use coolplan_words::gui::Gui;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Row {
    Hall(usize),
    Rack(usize, usize),
}

/// Revision, lower-case filter and collapsed halls the cached rows were built for.
type CacheKey = (u64, String, Vec<usize>);

/// UI-local state of the tree.
#[derive(Default)]
pub struct TreePanel {
    filter: String,
    collapsed: HashSet<usize>,
    /// Rows for (revision, filter, collapsed count).
    cache: Option<(CacheKey, Vec<Row>)>,
    /// Text of an ongoing rename.
    rename: Option<(Selection, String)>,
}

impl TreePanel {
    fn rows(&mut self, ctx: &ViewCtx) -> Vec<Row> {
        let mut collapsed: Vec<usize> = self.collapsed.iter().copied().collect();
        collapsed.sort_unstable();
        let key = (ctx.revision, self.filter.to_lowercase(), collapsed);
        if let Some((cached_key, rows)) = &self.cache
            && *cached_key == key
        {
            return rows.clone();
        }
        let needle = &key.1;
        let mut rows = Vec::new();
        for (h, hall) in ctx.site.halls.iter().enumerate() {
            let hall_matches = needle.is_empty() || hall.name.to_lowercase().contains(needle);
            let racks: Vec<usize> = hall
                .racks
                .iter()
                .enumerate()
                .filter(|(_, r)| hall_matches || r.name.to_lowercase().contains(needle))
                .map(|(i, _)| i)
                .collect();
            if !hall_matches && racks.is_empty() {
                continue;
            }
            rows.push(Row::Hall(h));
            if !self.collapsed.contains(&h) || !needle.is_empty() {
                rows.extend(racks.into_iter().map(|r| Row::Rack(h, r)));
            }
        }
        self.cache = Some((key, rows.clone()));
        rows
    }

    fn buttons(&mut self, ui: &mut Ui, ctx: &ViewCtx, out: &mut Vec<Command>) {
        let lang = ctx.lang();
        let selection = ctx.selection;
        ui.horizontal_wrapped(|ui| {
            if ui.button(Gui::AddHall.tr(lang)).clicked() {
                out.push(Command::Edit(Edit::AddHall, Gesture::Step));
            }
            if let Some(h) = selection.hall
                && ui.button(Gui::AddRack.tr(lang)).clicked()
            {
                out.push(Command::Edit(Edit::AddRack(h), Gesture::Step));
            }
            let any = selection.hall.is_some();
            if ui
                .add_enabled(any, egui::Button::new(Gui::Duplicate.tr(lang)))
                .clicked()
            {
                out.push(Command::DuplicateSelected);
            }
            if ui
                .add_enabled(any, egui::Button::new(Gui::Rename.tr(lang)))
                .clicked()
            {
                let current = match (selection.hall, selection.rack) {
                    (Some(h), Some(r)) => ctx.site.halls[h].racks[r].name.clone(),
                    (Some(h), None) => ctx.site.halls[h].name.clone(),
                    _ => String::new(),
                };
                self.rename = Some((selection, current));
            }
            if ui
                .add_enabled(any, egui::Button::new(Gui::Delete.tr(lang)))
                .clicked()
            {
                out.push(Command::DeleteSelected);
            }
        });
        self.rename_field(ui, ctx, out);
    }

    fn rename_field(&mut self, ui: &mut Ui, ctx: &ViewCtx, out: &mut Vec<Command>) {
        let Some((target, text)) = &mut self.rename else {
            return;
        };
        let lang = ctx.lang();
        let response = ui.add(
            egui::TextEdit::singleline(text)
                .hint_text(Gui::Name.tr(lang))
                .desired_width(f32::INFINITY),
        );
        if !response.has_focus() && !response.lost_focus() {
            response.request_focus();
        }
        let commit = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if commit && !text.trim().is_empty() {
            let name = text.trim().to_string();
            let edit = match (target.hall, target.rack) {
                (Some(h), Some(r)) => Some(Edit::RenameRack((h, r), name)),
                (Some(h), None) => Some(Edit::RenameHall(h, name)),
                _ => None,
            };
            if let Some(edit) = edit {
                out.push(Command::Edit(edit, Gesture::Step));
            }
        }
        if response.lost_focus() {
            self.rename = None;
        }
    }
}

impl Panel for TreePanel {
    fn ui(&mut self, ui: &mut Ui, ctx: &ViewCtx, out: &mut Vec<Command>) {
        let lang = ctx.lang();
        ui.heading(Gui::SiteTree.tr(lang));
        ui.add(
            egui::TextEdit::singleline(&mut self.filter)
                .hint_text(Gui::Search.tr(lang))
                .desired_width(f32::INFINITY),
        );
        self.buttons(ui, ctx, out);
        ui.separator();
        let rows = self.rows(ctx);
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 4.0;
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show_rows(ui, row_height, rows.len(), |ui, range| {
                for row in &rows[range] {
                    match *row {
                        Row::Hall(h) => {
                            let hall = &ctx.site.halls[h];
                            let open = !self.collapsed.contains(&h);
                            let arrow = if open { "−" } else { "+" };
                            let selected =
                                ctx.selection.hall == Some(h) && ctx.selection.rack.is_none();
                            ui.horizontal(|ui| {
                                if ui.small_button(arrow).on_hover_text(&hall.name).clicked() {
                                    if open {
                                        self.collapsed.insert(h);
                                    } else {
                                        self.collapsed.remove(&h);
                                    }
                                }
                                let text = format!("{} ({})", hall.name, hall.racks.len());
                                let problem = ctx.problem(&ctx.hall_path(h), Depth::Under);
                                if marked_label(ui, selected, text, problem).clicked() {
                                    out.push(Command::Select(Selection {
                                        hall: Some(h),
                                        rack: None,
                                    }));
                                }
                            });
                        }
                        Row::Rack(h, r) => {
                            let rack = &ctx.site.halls[h].racks[r];
                            let selected =
                                ctx.selection.hall == Some(h) && ctx.selection.rack == Some(r);
                            ui.horizontal(|ui| {
                                ui.add_space(24.0);
                                let text = format!("{} ×{}", rack.name, rack.count);
                                let problem = ctx.problem(&ctx.rack_path((h, r)), Depth::Under);
                                if marked_label(ui, selected, text, problem).clicked() {
                                    out.push(Command::Select(Selection {
                                        hall: Some(h),
                                        rack: Some(r),
                                    }));
                                }
                            });
                        }
                    }
                }
            });
    }
}

/// A tree entry; in the problem colour, with the messages on hover, when anything in it is
/// invalid.
fn marked_label(
    ui: &mut Ui,
    selected: bool,
    text: String,
    problem: Option<FieldProblem>,
) -> egui::Response {
    let Some(problem) = problem else {
        return ui.selectable_label(selected, text);
    };
    let colour = if problem.is_error {
        ERROR_COLOUR
    } else {
        WARNING_COLOUR
    };
    let text = egui::RichText::new(format!("{text} {PROBLEM_SIGN}")).color(colour);
    ui.selectable_label(selected, text)
        .on_hover_text(problem.message)
}
