//! The inventory table (centre): every rack group with hall, row/slot, count, servers, kW per
//! rack, status, cooling rule and recommended option; sortable columns of fixed width, a
//! filter, rows virtualised so 10,000 groups scroll smoothly, a totals line.
//!
//! Editing at scale: click, Ctrl+click and Shift+click select rows; the bulk bar sets count,
//! status, model or cooling rule of every selected group in one undo step; Ctrl+C / Ctrl+V
//! copy and paste rows as tab-separated text ([`crate::tsv`]); each row's server groups are
//! edited in place (model picker, count, add, remove).
//!
//! Owns: view state (filter, sort, row order cache, selected rows, the bulk bar's values).
//! Never touches: the site (edits go out as commands), the engine.

mod bulk;
mod cells;
#[cfg(test)]
mod tests;

use std::collections::BTreeSet;

use egui::{Modifiers, Ui};
use egui_extras::{Column, TableBuilder};

use super::{Panel, ViewCtx};
use crate::command::Command;
use crate::edit::Edit;
use crate::field_marks::{Depth, FieldProblem, join};
use crate::kit::{Tracker, UiExt};
use crate::state::{Selection, View};
use crate::undo::Gesture;
use crate::words::{position_text, servers_text};
use cells::{
    first_year, per_rack_kw, recommended, recommended_cell, rule_combo, rule_text, servers_cell,
    status_cell, status_summary,
};
use coolplan_io::Seg;
use coolplan_model::{CoolingRule, Status};
use coolplan_units::PowerUnit;
use coolplan_units::format::{group_thousands, quantity_in};
use coolplan_words::Text;
use coolplan_words::gui::Gui;
use coolplan_words::inventory::Inv;

/// Sortable columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
enum SortBy {
    #[default]
    Order,
    Hall,
    Rack,
    Position,
    Count,
    Servers,
    Power,
    Status,
    Rule,
    Recommended,
}

/// A group's place: (hall, rack group).
type At = (usize, usize);

/// Row order for ((site, analysis) revision, filter, sort, descending).
type RowCache = ((u64, u64), String, SortBy, bool, Vec<At>);

/// The values the bulk bar sets.
#[derive(Clone, Debug, PartialEq)]
struct Bulk {
    count: u64,
    status: Status,
    model: String,
    rule: Option<CoolingRule>,
}

impl Default for Bulk {
    fn default() -> Self {
        Bulk {
            count: 1,
            status: Status::Stock,
            model: String::new(),
            rule: None,
        }
    }
}

/// View state: filter, sort, the cached row order, the selected rows and the bulk values.
#[derive(Default)]
pub struct InventoryPanel {
    filter: String,
    sort: SortBy,
    descending: bool,
    cache: Option<RowCache>,
    /// Rows selected for bulk edits and copy (the app's selection is the last clicked).
    pub selected: BTreeSet<At>,
    /// Where a Shift+click range starts.
    anchor: Option<At>,
    bulk: Bulk,
}

impl InventoryPanel {
    fn rows(&mut self, ctx: &ViewCtx) -> Vec<At> {
        let needle = self.filter.to_lowercase();
        let revisions = (ctx.revision, ctx.analysis.revision);
        if let Some((rev, f, s, d, rows)) = &self.cache
            && (*rev, f, *s, *d) == (revisions, &needle, self.sort, self.descending)
        {
            return rows.clone();
        }
        let lang = ctx.lang();
        let site = ctx.site;
        let mut rows: Vec<At> = site
            .halls
            .iter()
            .enumerate()
            .flat_map(|(h, hall)| (0..hall.racks.len()).map(move |r| (h, r)))
            .filter(|&(h, r)| {
                needle.is_empty() || {
                    let rack = &site.halls[h].racks[r];
                    site.halls[h].name.to_lowercase().contains(&needle)
                        || rack.name.to_lowercase().contains(&needle)
                        || servers_text(rack).to_lowercase().contains(&needle)
                }
            })
            .collect();
        let power = |k: &At| per_rack_kw(ctx, *k).unwrap_or(f64::NEG_INFINITY);
        let text_key = |k: &At| -> String {
            let (h, r) = *k;
            let rack = &site.halls[h].racks[r];
            match self.sort {
                SortBy::Hall => site.halls[h].name.clone(),
                SortBy::Rack => rack.name.clone(),
                SortBy::Position => rack
                    .position
                    .as_ref()
                    .map(|p| format!("{:>8}{:06}", p.row, p.slot))
                    .unwrap_or_default(),
                SortBy::Servers => servers_text(rack),
                SortBy::Status => status_summary(rack, lang),
                SortBy::Rule => rule_text(rack.cooling.as_ref(), lang),
                SortBy::Recommended => recommended(ctx, *k, lang),
                _ => String::new(),
            }
        };
        match self.sort {
            SortBy::Order => {}
            SortBy::Count => rows.sort_by_key(|&(h, r)| site.halls[h].racks[r].count),
            SortBy::Power => rows.sort_by(|a, b| power(a).total_cmp(&power(b))),
            _ => rows.sort_by_cached_key(text_key),
        }
        if self.descending {
            rows.reverse();
        }
        self.cache = Some((revisions, needle, self.sort, self.descending, rows.clone()));
        rows
    }

    fn header_button(&mut self, ui: &mut Ui, text: &str, sort: SortBy) {
        let arrow = match (self.sort == sort, self.descending) {
            (true, false) => " ^",
            (true, true) => " v",
            _ => "",
        };
        if ui.button(format!("{text}{arrow}")).clicked() {
            if self.sort == sort {
                self.descending = !self.descending;
            } else {
                self.sort = sort;
                self.descending = false;
            }
        }
    }

    /// A click on a row's name: plain selects it alone, Ctrl toggles it, Shift selects the
    /// range from the last plain click in the order shown.
    fn click(&mut self, at: At, modifiers: Modifiers, rows: &[At]) {
        if modifiers.shift
            && let Some(anchor) = self.anchor
        {
            let index = |a: At| rows.iter().position(|r| *r == a);
            if let (Some(from), Some(to)) = (index(anchor), index(at)) {
                let (low, high) = (from.min(to), from.max(to));
                if !modifiers.command {
                    self.selected.clear();
                }
                self.selected.extend(rows[low..=high].iter().copied());
                return;
            }
        }
        if modifiers.command {
            if !self.selected.remove(&at) {
                self.selected.insert(at);
            }
        } else {
            self.selected.clear();
            self.selected.insert(at);
        }
        self.anchor = Some(at);
    }

    /// Drops selected rows that no longer exist.
    fn prune(&mut self, ctx: &ViewCtx) {
        let halls = &ctx.site.halls;
        self.selected
            .retain(|&(h, r)| halls.get(h).is_some_and(|hall| r < hall.racks.len()));
    }
}

impl Panel for InventoryPanel {
    fn ui(&mut self, ui: &mut Ui, ctx: &ViewCtx, out: &mut Vec<Command>) {
        let lang = ctx.lang();
        self.prune(ctx);
        let rows = self.rows(ctx);
        self.clipboard_keys(ui, ctx, &rows, out);
        self.toolbar(ui, ctx, &rows, out);
        self.bulk_bar(ui, ctx, out);
        let first_year = first_year(ctx);
        let row_height = ui.spacing().interact_size.y + 4.0;
        // The modifiers of this frame's click (held keys may be released in the same frame).
        let modifiers = ui.input(|i| {
            i.events
                .iter()
                .rev()
                .find_map(|e| match e {
                    egui::Event::PointerButton {
                        pressed: false,
                        modifiers,
                        ..
                    } => Some(*modifiers),
                    _ => None,
                })
                .unwrap_or(i.modifiers)
        });
        let mut clicked = None;
        totals(ui, ctx, &rows);
        // the header row sits above the scrolled rows
        let table_height = (ui.available_height() - row_height).max(row_height * 3.0);
        // Fixed widths: the columns do not move as rows scroll by.
        TableBuilder::new(ui)
            .id_salt("inventory")
            .striped(true)
            .resizable(true)
            .max_scroll_height(table_height)
            .min_scrolled_height(table_height)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::initial(112.0).at_least(70.0).clip(true))
            .column(Column::initial(100.0).at_least(80.0).clip(true))
            .column(Column::initial(60.0).at_least(50.0))
            .column(Column::initial(64.0).at_least(56.0))
            .column(Column::initial(206.0).at_least(140.0).clip(true))
            .column(Column::initial(78.0).at_least(66.0))
            .column(Column::initial(96.0).at_least(80.0))
            .column(Column::initial(118.0).at_least(90.0).clip(true))
            .column(Column::remainder().at_least(90.0))
            .header(row_height, |mut header| {
                for (text, sort) in [
                    (Gui::ColHall.tr(lang), SortBy::Hall),
                    (Gui::ColRack.tr(lang), SortBy::Rack),
                    (Gui::ColPosition.tr(lang), SortBy::Position),
                    (Gui::ColCount.tr(lang), SortBy::Count),
                    (Gui::ColServers.tr(lang), SortBy::Servers),
                    (Gui::ColKwPerRack.tr(lang), SortBy::Power),
                    (Gui::ColStatus.tr(lang), SortBy::Status),
                    (Inv::ColCooling.tr(lang), SortBy::Rule),
                    (Gui::ColRecommended.tr(lang), SortBy::Recommended),
                ] {
                    header.col(|ui| self.header_button(ui, text, sort));
                }
            })
            .body(|body| {
                body.rows(row_height, rows.len(), |mut row| {
                    let (h, r) = rows[row.index()];
                    let hall = &ctx.site.halls[h];
                    let rack = &hall.racks[r];
                    let current = ctx.selection
                        == Selection {
                            hall: Some(h),
                            rack: Some(r),
                        };
                    let selected = self.selected.contains(&(h, r)) || current;
                    row.set_selected(selected);
                    let path = ctx.rack_path((h, r));
                    let field = |at: &[Seg]| ctx.problem(&join(&path, at), Depth::Under);
                    row.col(|ui| {
                        ui.label(&hall.name);
                    });
                    row.col(|ui| {
                        let problem = FieldProblem::merge(
                            ctx.problem(&path, Depth::Exact),
                            field(&[Seg::Field("name")]),
                        );
                        let response = ui.checked(problem.as_ref(), true, |ui| {
                            ui.selectable_label(selected, &rack.name)
                        });
                        let response = response.on_hover_text(Inv::SelectTip.tr(lang));
                        if response.double_clicked() {
                            out.push(Command::ShowView(View::Rack));
                        }
                        if response.clicked() || response.double_clicked() {
                            clicked = Some((h, r));
                            out.push(Command::Select(Selection {
                                hall: Some(h),
                                rack: Some(r),
                            }));
                        }
                    });
                    row.col(|ui| {
                        ui.label(position_text(rack));
                    });
                    row.col(|ui| {
                        let mut count = rack.count;
                        let mut tracker = Tracker::default();
                        ui.checked(field(&[Seg::Field("count")]).as_ref(), true, |ui| {
                            ui.count_edit(
                                &mut count,
                                0..=1_000_000,
                                Gui::ColCount.tr(lang),
                                &mut tracker,
                            )
                        });
                        tracker.commands(|| Edit::SetRackCount((h, r), count), out);
                    });
                    row.col(|ui| servers_cell(ui, ctx, (h, r), first_year, out));
                    row.col(|ui| {
                        let text = ctx
                            .analysis
                            .group((h, r))
                            .map(|group| quantity_in(group.per_rack_design, PowerUnit::kW))
                            .unwrap_or_else(|| "—".into());
                        ui.label(text);
                    });
                    row.col(|ui| status_cell(ui, ctx, (h, r), first_year, out));
                    row.col(|ui| {
                        let mut rule = rack.cooling.clone();
                        let problem = field(&[Seg::Field("cooling")]);
                        let changed = ui.checked(problem.as_ref(), true, |ui| {
                            rule_combo(ui, ("rule", h, r), &mut rule, ctx.site, lang)
                        });
                        if changed {
                            let mut edited = rack.clone();
                            edited.cooling = rule;
                            out.push(Command::Edit(
                                Edit::SetRack((h, r), Box::new(edited)),
                                Gesture::Step,
                            ));
                        }
                    });
                    row.col(|ui| recommended_cell(ui, ctx, (h, r)));
                });
            });
        if let Some(at) = clicked {
            self.click(at, modifiers, &rows);
        }
    }
}

/// Totals of the rows shown: groups, racks, servers and IT power at design.
fn totals(ui: &mut Ui, ctx: &ViewCtx, rows: &[At]) {
    let lang = ctx.lang();
    let mut racks: u64 = 0;
    let mut servers: u64 = 0;
    let mut design_kw = 0.0;
    for &(h, r) in rows {
        let rack = &ctx.site.halls[h].racks[r];
        racks = racks.saturating_add(rack.count);
        let per_rack: u64 = rack.servers.iter().map(|g| u64::from(g.count)).sum();
        servers = servers.saturating_add(per_rack.saturating_mul(rack.count));
        if let Some(group) = ctx.analysis.group((h, r)) {
            let kw = group.per_rack_design.get::<uom::si::power::kilowatt>();
            design_kw += kw * rack.count as f64;
        }
    }
    let power = coolplan_units::Qty::new(design_kw, PowerUnit::kW);
    let power = if design_kw >= 10_000.0 {
        quantity_in(power.get(), PowerUnit::MW)
    } else {
        quantity_in(power.get(), PowerUnit::kW)
    };
    ui.strong(Inv::Totals.fmt(
        lang,
        &[
            &group_thousands(rows.len() as f64, 0),
            &group_thousands(racks as f64, 0),
            &group_thousands(servers as f64, 0),
            &power,
        ],
    ))
    .on_hover_text(Inv::TotalsTip.tr(lang));
}
