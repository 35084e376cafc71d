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

use std::collections::BTreeSet;

use egui::{Modifiers, Ui};
use egui_extras::{Column, TableBuilder};

use super::model_picker::{model_picker, model_tip};
use super::{Panel, ViewCtx};
use crate::command::Command;
use crate::edit::Edit;
use crate::field_marks::{Depth, FieldProblem, join};
use crate::kit::{Tracker, UiExt};
use crate::state::{Notice, Selection, View};
use crate::undo::Gesture;
use crate::words::{option_name, position_text, servers_text, status_text};
use coolplan_io::Seg;
use coolplan_model::{Cooling, CoolingRule, Rack, ServerGroup, Status};
use coolplan_units::PowerUnit;
use coolplan_units::format::{group_thousands, quantity_in};
use coolplan_words::gui::Gui;
use coolplan_words::inventory::Inv;
use coolplan_words::{Lang, Text};

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

    /// Copy (Ctrl+C) and paste (Ctrl+V) while no text field has the keyboard.
    fn clipboard_keys(&self, ui: &Ui, ctx: &ViewCtx, rows: &[At], out: &mut Vec<Command>) {
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

    fn copy(&self, ui: &Ui, ctx: &ViewCtx, rows: &[At], out: &mut Vec<Command>) {
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

    fn toolbar(&mut self, ui: &mut Ui, ctx: &ViewCtx, rows: &[At], out: &mut Vec<Command>) {
        let lang = ctx.lang();
        ui.horizontal(|ui| {
            ui.add(
                egui::TextEdit::singleline(&mut self.filter)
                    .hint_text(Gui::Filter.tr(lang))
                    .desired_width(240.0),
            );
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

    fn bulk_bar(&mut self, ui: &mut Ui, ctx: &ViewCtx, out: &mut Vec<Command>) {
        if self.selected.is_empty() {
            return;
        }
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
        ui.horizontal_wrapped(|ui| {
            ui.strong(Inv::Selected.fmt(lang, &[&group_thousands(targets.len() as f64, 0)]))
                .on_hover_text(Inv::BulkTip.tr(lang));
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
            if let Some(model) = model_picker(ui, "bulk_model", &shown, &shown, ctx.catalog, lang) {
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
            rule_combo(ui, "bulk_rule", &mut self.bulk.rule, lang);
            if ui.button(Inv::Apply.tr(lang)).clicked() {
                let rule = self.bulk.rule.clone();
                out.push(set_all(&|rack| rack.cooling = rule.clone()));
            }
            ui.separator();
            if ui.button(Inv::ClearSelection.tr(lang)).clicked() {
                self.selected.clear();
            }
        });
    }
}

/// Reads pasted rows into one edit, or says which line it could not read.
fn paste(ctx: &ViewCtx, text: &str, out: &mut Vec<Command>) {
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

fn first_year(ctx: &ViewCtx) -> u16 {
    ctx.site
        .assumptions
        .finance
        .resolve(ctx.site.currency)
        .first_year
}

fn per_rack_kw(ctx: &ViewCtx, at: At) -> Option<f64> {
    let group = ctx.analysis.group(at)?;
    Some(group.per_rack_design.get::<uom::si::power::kilowatt>())
}

fn recommended(ctx: &ViewCtx, at: At, lang: Lang) -> String {
    match ctx.analysis.group(at) {
        Some(group) => match group.recommended {
            Some(option) => option_name(option, lang).to_string(),
            None => Inv::NoneSuits.tr(lang).to_string(),
        },
        None => String::new(),
    }
}

fn status_summary(rack: &Rack, lang: Lang) -> String {
    match statuses(rack) {
        Statuses::One(one) => status_text(one, lang),
        Statuses::None => String::new(),
        Statuses::Mixed => Gui::Mixed.tr(lang).to_string(),
    }
}

/// Whether the server groups of a rack share one status.
enum Statuses {
    None,
    One(Status),
    Mixed,
}

fn statuses(rack: &Rack) -> Statuses {
    let mut statuses: Vec<Status> = rack.servers.iter().map(|g| g.status).collect();
    statuses.dedup();
    match statuses.as_slice() {
        [one] => Statuses::One(*one),
        [] => Statuses::None,
        _ => Statuses::Mixed,
    }
}

/// `any option`, `only Cold plate`, `not Immersion, Air`.
pub fn rule_text(rule: Option<&CoolingRule>, lang: Lang) -> String {
    let name = |c: &Cooling| coolplan_words::results::cooling_name(*c, lang);
    match rule {
        None => Inv::RuleAny.tr(lang).to_string(),
        Some(CoolingRule::Force(only)) => Inv::RuleOnly.fmt(lang, &[&name(only)]),
        Some(CoolingRule::Exclude(list)) => {
            let names: Vec<&str> = list.iter().map(name).collect();
            Inv::RuleNot.fmt(lang, &[&names.join(", ")])
        }
    }
}

/// The cooling rules a combo offers: any, only each option, not each option.
fn rule_choices() -> Vec<Option<CoolingRule>> {
    let mut choices = vec![None];
    choices.extend(Cooling::ALL.map(|c| Some(CoolingRule::Force(c))));
    choices.extend(Cooling::ALL.map(|c| Some(CoolingRule::Exclude(vec![c]))));
    choices
}

/// A combo of the cooling rules; true when the choice changed.
fn rule_combo(
    ui: &mut Ui,
    id: impl std::hash::Hash + std::fmt::Debug,
    rule: &mut Option<CoolingRule>,
    lang: Lang,
) -> bool {
    let before = rule.clone();
    egui::ComboBox::from_id_salt(id)
        .selected_text(rule_text(rule.as_ref(), lang))
        .width(150.0)
        .show_ui(ui, |ui| {
            for choice in rule_choices() {
                let text = rule_text(choice.as_ref(), lang);
                ui.selectable_value(rule, choice, text);
            }
        })
        .response
        .on_hover_text(Inv::RuleTip.tr(lang));
    *rule != before
}

/// A combo of server statuses (stock, new in the study's first six years, or `status`'s own
/// year); true when the choice changed.
fn status_combo(
    ui: &mut Ui,
    id: impl std::hash::Hash + std::fmt::Debug,
    status: &mut Status,
    first_year: u16,
    lang: Lang,
) -> bool {
    let before = *status;
    let choices = std::iter::once(Status::Stock)
        .chain((0..6).map(|k| Status::New(first_year + k)))
        .chain(
            matches!(before, Status::New(y) if !(first_year..first_year + 6).contains(&y))
                .then_some(before),
        );
    egui::ComboBox::from_id_salt(id)
        .selected_text(status_text(*status, lang))
        .show_ui(ui, |ui| {
            for choice in choices {
                ui.selectable_value(status, choice, status_text(choice, lang));
            }
        })
        .response
        .on_hover_text(Gui::ColStatus.tr(lang));
    *status != before
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
        let footer_height = row_height + 6.0;
        let table_height = (ui.available_height() - footer_height).max(row_height * 3.0);
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
                            rule_combo(ui, ("rule", h, r), &mut rule, lang)
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
        totals(ui, ctx, &rows);
    }
}

/// The recommended option; for a group no option suits, says so and how to see why.
fn recommended_cell(ui: &mut Ui, ctx: &ViewCtx, at: At) {
    let lang = ctx.lang();
    let Some(group) = ctx.analysis.group(at) else {
        ui.label("");
        return;
    };
    match group.recommended {
        Some(option) => {
            ui.label(option_name(option, lang));
        }
        None => {
            ui.label(egui::RichText::new(Inv::NoneSuits.tr(lang)).color(crate::kit::ERROR_COLOUR))
                .on_hover_text(Inv::NoneSuitsTip.tr(lang));
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
    ui.separator();
    ui.strong(Inv::Totals.fmt(
        lang,
        &[
            &group_thousands(rows.len() as f64, 0),
            &group_thousands(racks as f64, 0),
            &group_thousands(servers as f64, 0),
            &power,
        ],
    ));
}

/// The group's servers: a model picker when it holds one server group, a button opening
/// the editor of every group (model, count, status, add, remove).
fn servers_cell(ui: &mut Ui, ctx: &ViewCtx, (h, r): At, first_year: u16, out: &mut Vec<Command>) {
    let lang = ctx.lang();
    let rack = &ctx.site.halls[h].racks[r];
    let path = ctx.rack_path((h, r));
    let problem = (0..rack.servers.len())
        .map(|i| ctx.problem(&join(&path, &[Seg::Item("servers", i)]), Depth::Under))
        .chain(std::iter::once(
            ctx.problem(&join(&path, &[Seg::Field("servers")]), Depth::Exact),
        ))
        .fold(None, FieldProblem::merge);
    ui.checked(problem.as_ref(), true, |ui| {
        if let [group] = rack.servers.as_slice() {
            let shown = format!("{} × {}", group.count, group.model);
            if let Some(model) =
                model_picker(ui, ("model", h, r), &shown, &group.model, ctx.catalog, lang)
                    .filter(|m| *m != group.model)
            {
                let mut edited = rack.clone();
                edited.servers[0].model = model;
                out.push(Command::Edit(
                    Edit::SetRack((h, r), Box::new(edited)),
                    Gesture::Step,
                ));
            }
        } else {
            ui.label(servers_text(rack));
        }
        let button = ui
            .small_button("…")
            .on_hover_text(Inv::EditServers.tr(lang));
        egui::Popup::from_toggle_button_response(&button)
            .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
            .show(|ui| servers_editor(ui, ctx, (h, r), first_year, out));
    });
}

/// Every server group of a rack group, editable: model, count, status, remove; add one.
fn servers_editor(ui: &mut Ui, ctx: &ViewCtx, (h, r): At, first_year: u16, out: &mut Vec<Command>) {
    let lang = ctx.lang();
    let rack = &ctx.site.halls[h].racks[r];
    let mut edited = rack.clone();
    let mut tracker = Tracker::default();
    let mut remove = None;
    ui.strong(format!("{} › {}", ctx.site.halls[h].name, rack.name));
    egui::Grid::new(("servers_editor", h, r))
        .num_columns(4)
        .show(ui, |ui| {
            for (i, group) in edited.servers.iter_mut().enumerate() {
                if let Some(model) = model_picker(
                    ui,
                    ("group_model", h, r, i),
                    &group.model,
                    &group.model,
                    ctx.catalog,
                    lang,
                )
                .filter(|m| *m != group.model)
                {
                    group.model = model;
                    tracker.changed = true;
                }
                ui.count_edit(
                    &mut group.count,
                    1..=1000,
                    Gui::ColCount.tr(lang),
                    &mut tracker,
                );
                if status_combo(
                    ui,
                    ("group_status", h, r, i),
                    &mut group.status,
                    first_year,
                    lang,
                ) {
                    tracker.changed = true;
                }
                if ui.button(Gui::RemoveServerGroup.tr(lang)).clicked() {
                    remove = Some(i);
                }
                ui.end_row();
            }
        });
    if let Some(i) = remove {
        edited.servers.remove(i);
        tracker.changed = true;
    }
    if ui.button(Gui::AddServerGroup.tr(lang)).clicked() {
        let last = edited.servers.last();
        let model = last
            .map(|g| g.model.clone())
            .or_else(|| ctx.catalog.models().first().map(|m| m.id.clone()))
            .unwrap_or_default();
        edited.servers.push(ServerGroup {
            model,
            count: 1,
            status: last.map_or(Status::Stock, |g| g.status),
            notes: String::new(),
        });
        tracker.changed = true;
    }
    if let Some(group) = edited.servers.first() {
        ui.weak(model_tip(ctx.catalog, &group.model, lang));
    }
    tracker.commands(|| Edit::SetRack((h, r), Box::new(edited)), out);
}

/// Status of a rack's servers; editable when all groups share one status.
fn status_cell(ui: &mut Ui, ctx: &ViewCtx, (h, r): At, first_year: u16, out: &mut Vec<Command>) {
    let lang = ctx.lang();
    let rack = &ctx.site.halls[h].racks[r];
    let current = match statuses(rack) {
        Statuses::One(one) => one,
        Statuses::None => return,
        Statuses::Mixed => {
            ui.label(Gui::Mixed.tr(lang));
            return;
        }
    };
    let mut chosen = current;
    let path = ctx.rack_path((h, r));
    let problem = (0..rack.servers.len())
        .map(|i| {
            let at = [Seg::Item("servers", i), Seg::Field("status")];
            ctx.problem(&join(&path, &at), Depth::Under)
        })
        .fold(None, FieldProblem::merge);
    let changed = ui.checked(problem.as_ref(), true, |ui| {
        status_combo(ui, ("status", h, r), &mut chosen, first_year, lang)
    });
    if changed {
        let mut edited = rack.clone();
        for group in &mut edited.servers {
            group.status = chosen;
        }
        out.push(Command::Edit(
            Edit::SetRack((h, r), Box::new(edited)),
            Gesture::Step,
        ));
    }
}
