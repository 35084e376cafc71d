//! The inventory table (centre): every rack group with hall, row/slot, count, servers, kW per
//! rack, status and recommended option; sortable columns, a filter, inline editing of count,
//! model and status; rows virtualised with `body.rows` so 10,000 groups scroll smoothly.

use std::collections::HashMap;

use egui::Ui;
use egui_extras::{Column, TableBuilder};

use super::{Panel, ViewCtx};
use crate::command::Command;
use crate::edit::Edit;
use crate::field_marks::{Depth, FieldProblem, join};
use crate::kit::{Tracker, UiExt};
use crate::state::Selection;
use crate::words::{option_name, position_text, servers_text, status_text};
use coolplan_io::Seg;
use coolplan_model::Status;
use coolplan_units::PowerUnit;
use coolplan_units::format::quantity_in;
use coolplan_words::gui::Gui;
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
    Recommended,
}

/// Row order for ((site, analysis) revision, filter, sort, descending).
type RowCache = ((u64, u64), String, SortBy, bool, Vec<(usize, usize)>);

/// UI-local state: filter, sort and the cached row order.
#[derive(Default)]
pub struct InventoryPanel {
    filter: String,
    sort: SortBy,
    descending: bool,
    cache: Option<RowCache>,
}

/// Index of each rack group's results by (hall, rack).
fn result_index(ctx: &ViewCtx) -> HashMap<(usize, usize), usize> {
    ctx.analysis
        .results
        .as_ref()
        .map(|r| {
            r.racks
                .iter()
                .enumerate()
                .map(|(i, rr)| ((rr.hall, rr.rack), i))
                .collect()
        })
        .unwrap_or_default()
}

impl InventoryPanel {
    fn rows(
        &mut self,
        ctx: &ViewCtx,
        index: &HashMap<(usize, usize), usize>,
    ) -> Vec<(usize, usize)> {
        let needle = self.filter.to_lowercase();
        let revisions = (ctx.revision, ctx.analysis.revision);
        if let Some((rev, f, s, d, rows)) = &self.cache
            && (*rev, f, *s, *d) == (revisions, &needle, self.sort, self.descending)
        {
            return rows.clone();
        }
        let lang = ctx.lang();
        let site = ctx.site;
        let mut rows: Vec<(usize, usize)> = site
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
        let power = |k: &(usize, usize)| per_rack_kw(ctx, index, *k).unwrap_or(f64::NEG_INFINITY);
        let text_key = |k: &(usize, usize)| -> String {
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
                SortBy::Recommended => recommended(ctx, index, *k, lang),
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
}

fn per_rack_kw(
    ctx: &ViewCtx,
    index: &HashMap<(usize, usize), usize>,
    at: (usize, usize),
) -> Option<f64> {
    let results = ctx.analysis.results.as_ref()?;
    let i = *index.get(&at)?;
    Some(
        results.racks[i]
            .per_rack_design
            .get::<uom::si::power::kilowatt>(),
    )
}

fn recommended(
    ctx: &ViewCtx,
    index: &HashMap<(usize, usize), usize>,
    at: (usize, usize),
    lang: Lang,
) -> String {
    ctx.analysis
        .results
        .as_ref()
        .and_then(|r| index.get(&at).map(|&i| &r.racks[i]))
        .and_then(|rr| rr.recommended)
        .map(|o| option_name(o, lang).to_string())
        .unwrap_or_default()
}

fn status_summary(rack: &coolplan_model::Rack, lang: Lang) -> String {
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

fn statuses(rack: &coolplan_model::Rack) -> Statuses {
    let mut statuses: Vec<Status> = rack.servers.iter().map(|g| g.status).collect();
    statuses.dedup();
    match statuses.as_slice() {
        [one] => Statuses::One(*one),
        [] => Statuses::None,
        _ => Statuses::Mixed,
    }
}

impl Panel for InventoryPanel {
    fn ui(&mut self, ui: &mut Ui, ctx: &ViewCtx, out: &mut Vec<Command>) {
        let lang = ctx.lang();
        let index = result_index(ctx);
        let rows = self.rows(ctx, &index);
        ui.horizontal(|ui| {
            ui.add(
                egui::TextEdit::singleline(&mut self.filter)
                    .hint_text(Gui::Filter.tr(lang))
                    .desired_width(240.0),
            );
            ui.label(Gui::RowsShown.fmt(lang, &[&rows.len(), &ctx.site.rack_group_count()]));
        });
        let first_year = ctx
            .site
            .assumptions
            .finance
            .resolve(ctx.site.currency)
            .first_year;
        let model_ids: Vec<&str> = ctx.catalog.models().iter().map(|m| m.id.as_str()).collect();
        let row_height = ui.spacing().interact_size.y + 2.0;
        TableBuilder::new(ui)
            .id_salt("inventory")
            .striped(true)
            .resizable(true)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::auto().at_least(70.0))
            .column(Column::auto().at_least(90.0))
            .column(Column::auto().at_least(60.0))
            .column(Column::auto().at_least(60.0))
            .column(Column::initial(220.0).at_least(120.0))
            .column(Column::auto().at_least(80.0))
            .column(Column::auto().at_least(90.0))
            .column(Column::remainder().at_least(100.0))
            .header(row_height, |mut header| {
                for (text, sort) in [
                    (Gui::ColHall, SortBy::Hall),
                    (Gui::ColRack, SortBy::Rack),
                    (Gui::ColPosition, SortBy::Position),
                    (Gui::ColCount, SortBy::Count),
                    (Gui::ColServers, SortBy::Servers),
                    (Gui::ColKwPerRack, SortBy::Power),
                    (Gui::ColStatus, SortBy::Status),
                    (Gui::ColRecommended, SortBy::Recommended),
                ] {
                    header.col(|ui| self.header_button(ui, text.tr(lang), sort));
                }
            })
            .body(|body| {
                body.rows(row_height, rows.len(), |mut row| {
                    let (h, r) = rows[row.index()];
                    let hall = &ctx.site.halls[h];
                    let rack = &hall.racks[r];
                    let selected = ctx.selection
                        == Selection {
                            hall: Some(h),
                            rack: Some(r),
                        };
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
                        let clicked = ui.checked(problem.as_ref(), true, |ui| {
                            ui.selectable_label(selected, &rack.name).clicked()
                        });
                        if clicked {
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
                    row.col(|ui| {
                        if rack.servers.len() == 1 {
                            let group = &rack.servers[0];
                            let mut chosen = group.model.clone();
                            let problem = field(&[Seg::Item("servers", 0)]);
                            ui.checked(problem.as_ref(), true, |ui| {
                                egui::ComboBox::from_id_salt(("model", h, r))
                                    .selected_text(format!("{} × {}", group.count, group.model))
                                    .show_ui(ui, |ui| {
                                        for id in &model_ids {
                                            ui.selectable_value(&mut chosen, id.to_string(), *id);
                                        }
                                    })
                                    .response
                                    .on_hover_text(Gui::Model.tr(lang))
                            });
                            if chosen != group.model {
                                let mut edited = rack.clone();
                                edited.servers[0].model = chosen;
                                out.push(Command::Edit(
                                    Edit::SetRack((h, r), Box::new(edited)),
                                    crate::undo::Gesture::Step,
                                ));
                            }
                        } else {
                            ui.label(servers_text(rack));
                        }
                    });
                    row.col(|ui| {
                        let text = ctx
                            .analysis
                            .results
                            .as_ref()
                            .and_then(|res| {
                                index.get(&(h, r)).map(|&i| res.racks[i].per_rack_design)
                            })
                            .map(|p| quantity_in(p, PowerUnit::kW))
                            .unwrap_or_else(|| "—".into());
                        ui.label(text);
                    });
                    row.col(|ui| status_cell(ui, ctx, (h, r), first_year, out));
                    row.col(|ui| {
                        ui.label(recommended(ctx, &index, (h, r), lang));
                    });
                });
            });
    }
}

/// Status of a rack's servers; editable when all groups share one status.
fn status_cell(
    ui: &mut Ui,
    ctx: &ViewCtx,
    (h, r): (usize, usize),
    first_year: u16,
    out: &mut Vec<Command>,
) {
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
    let summary = status_text(current, lang);
    let mut chosen = current;
    let path = ctx.rack_path((h, r));
    let problem = (0..rack.servers.len())
        .map(|i| {
            let at = [Seg::Item("servers", i), Seg::Field("status")];
            ctx.problem(&join(&path, &at), Depth::Under)
        })
        .fold(None, FieldProblem::merge);
    let choices = std::iter::once(Status::Stock)
        .chain((0..6).map(|k| Status::New(first_year + k)))
        .chain(matches!(current, Status::New(_)).then_some(current));
    ui.checked(problem.as_ref(), true, |ui| {
        egui::ComboBox::from_id_salt(("status", h, r))
            .selected_text(summary)
            .show_ui(ui, |ui| {
                for status in choices {
                    ui.selectable_value(&mut chosen, status, status_text(status, lang));
                }
            })
            .response
            .on_hover_text(Gui::ColStatus.tr(lang))
    });
    if chosen != current {
        let mut edited = rack.clone();
        for group in &mut edited.servers {
            group.status = chosen;
        }
        out.push(Command::Edit(
            Edit::SetRack((h, r), Box::new(edited)),
            crate::undo::Gesture::Step,
        ));
    }
}
