//! The rack view: the selected rack group (the first of the hall when none is selected) with
//! its elevation drawn to scale by U (each server group a labelled block, stock / new
//! coloured), its feasibility and reasons per option, kW and heat split per option, and its
//! properties and server groups edited here.

use egui::{Color32, Pos2, Rect, Sense, Stroke, StrokeKind, Ui, Vec2};

use super::life_fields::group_life;
use super::model_picker::model_picker;
use super::{Panel, ViewCtx};
use crate::command::Command;
use crate::edit::Edit;
use crate::field_marks::{Depth, FieldProblem, join};
use crate::kit::{Tracker, UiExt};
use crate::state::Selection;
use crate::words::{option_name, status_text};
use coolplan_engine::CoolingOption;
use coolplan_io::Seg;
use coolplan_model::{Position, Rack, ServerGroup, Status};
use coolplan_units::format::{group_thousands, quantity_in};
use coolplan_units::{LengthUnit, PowerUnit, Qty};
use coolplan_words::Text;
use coolplan_words::gui::Gui;

/// Fill of stock (installed) servers.
pub const STOCK_COLOUR: Color32 = Color32::from_rgb(0x6c, 0x8e, 0xbf);
/// Fill of new servers.
pub const NEW_COLOUR: Color32 = Color32::from_rgb(0x4c, 0xaf, 0x7a);

/// View state of the rack view (none needed beyond the selection).
#[derive(Default)]
pub struct RackPanel;

impl Panel for RackPanel {
    fn ui(&mut self, ui: &mut Ui, ctx: &ViewCtx, out: &mut Vec<Command>) {
        let lang = ctx.lang();
        let Some((h, r)) = shown_group(ctx) else {
            match ctx.selection.hall.and_then(|h| ctx.site.halls.get(h)) {
                Some(hall) => ui.label(Gui::EmptyHall.fmt(lang, &[&hall.name])),
                None => ui.label(Gui::SelectRack.tr(lang)),
            };
            return;
        };
        if ctx.selection.rack != Some(r) || ctx.selection.hall != Some(h) {
            out.push(Command::Select(Selection {
                hall: Some(h),
                rack: Some(r),
            }));
        }
        let rack = &ctx.site.halls[h].racks[r];
        ui.heading(format!("{} › {}", ctx.site.halls[h].name, rack.name));
        ui.horizontal_top(|ui| {
            ui.vertical(|ui| {
                ui.label(Gui::Elevation.tr(lang));
                elevation(ui, ctx, rack);
            });
            ui.separator();
            egui::ScrollArea::vertical()
                .id_salt("rack_scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.vertical(|ui| {
                        let mut edited = rack.clone();
                        let mut tracker = Tracker::default();
                        let path = ctx.rack_path((h, r));
                        properties(ui, ctx, &path, &mut edited, &mut tracker);
                        ui.separator();
                        server_groups(ui, ctx, &path, &mut edited, &mut tracker);
                        tracker.commands(|| Edit::SetRack((h, r), Box::new(edited)), out);
                        ui.separator();
                        heat_split(ui, ctx, (h, r));
                        ui.separator();
                        feasibility(ui, ctx, (h, r));
                    });
                });
        });
    }
}

/// The group the view shows: the selected one, else the first group of the selected hall,
/// else (no hall selected) the first group of the site. An empty selected hall shows none: a
/// group of another hall would move the selection there, and the next "Add rack group" with it.
fn shown_group(ctx: &ViewCtx) -> Option<(usize, usize)> {
    let halls = &ctx.site.halls;
    if let (Some(h), Some(r)) = (ctx.selection.hall, ctx.selection.rack)
        && halls.get(h).is_some_and(|hall| r < hall.racks.len())
    {
        return Some((h, r));
    }
    let first_of = |h: usize| {
        halls
            .get(h)
            .filter(|hall| !hall.racks.is_empty())
            .map(|_| (h, 0))
    };
    match ctx.selection.hall {
        Some(h) => first_of(h),
        None => (0..halls.len()).find_map(first_of),
    }
}

/// Each applying option's verdict for the group and why (from its own evaluation).
fn feasibility(ui: &mut Ui, ctx: &ViewCtx, at: (usize, usize)) {
    let lang = ctx.lang();
    ui.strong(Gui::Feasibility.tr(lang));
    let Some(detail) = ctx.detail.filter(|d| d.at == at) else {
        ui.label(Gui::NoResults.tr(lang));
        return;
    };
    let scope = &detail.result.scope;
    // the plan's choice, as in the header, the inventory and the floor: the group's own best
    // option can differ when the hall's limits or CDU steps hold it back, and the plan says why
    if let Some(choice) = ctx.analysis.plan_choice(at) {
        if let Some(option) = choice.option {
            ui.label(format!(
                "{}: {}",
                coolplan_words::terms::Term::Recommended.tr(lang),
                option_name(option, lang)
            ));
        }
        ui.label(coolplan_words::results::plan::why(&choice.why, lang));
    }
    for result in scope.shown() {
        let option = result.option;
        let verdict = if result.feasible {
            coolplan_words::terms::Term::Feasible
        } else {
            coolplan_words::terms::Term::Infeasible
        };
        let colour = if result.feasible {
            ui.visuals().text_color()
        } else {
            crate::kit::ERROR_COLOUR
        };
        ui.label(
            egui::RichText::new(format!(
                "{} — {}",
                option_name(option, lang),
                verdict.tr(lang)
            ))
            .color(colour)
            .strong(),
        );
        for (reasons, colour) in [
            (&result.infeasible_reasons, crate::kit::ERROR_COLOUR),
            (&result.warnings, crate::kit::WARNING_COLOUR),
        ] {
            for reason in reasons {
                let text = crate::words::reason_text(reason, Some(option), lang, ctx.units());
                ui.label(egui::RichText::new(format!("  • {text}")).color(colour));
            }
        }
    }
}

/// Height of a model in U (1 U when the model is unknown).
fn model_u(ctx: &ViewCtx, model: &str) -> f64 {
    ctx.catalog
        .get(model)
        .map(|m| m.height.in_unit(LengthUnit::U))
        .unwrap_or(1.0)
}

/// Room above and below the rack for the end labels of the U axis.
const AXIS_MARGIN: f32 = 8.0;
/// Width of the U axis labels.
const AXIS_LABEL_W: f32 = 34.0;

/// Height in points from which each server of a group gets its own label.
const SERVER_LABEL_MIN_PX: f32 = 24.0;

/// Draws the rack to scale: slots from the bottom, each server group a block with its count
/// and model written on it (or beside it when the block is too thin), one line per server;
/// servers tall enough carry their model each.
fn elevation(ui: &mut Ui, ctx: &ViewCtx, rack: &Rack) {
    let lang = ctx.lang();
    let rack_u = rack.height.in_unit(LengthUnit::U).max(1.0);
    let used_u: f64 = rack
        .servers
        .iter()
        .map(|g| f64::from(g.count) * model_u(ctx, &g.model))
        .sum();
    let shown_u = rack_u.max(used_u);
    let available = (ui.available_height() - 80.0).clamp(200.0, 640.0);
    let u_px = (available / shown_u as f32).min(16.0);
    let size = Vec2::new(260.0, u_px * shown_u as f32 + 2.0 * AXIS_MARGIN);
    let (response, painter) = ui.allocate_painter(size, Sense::hover());
    let frame = response.rect;
    let bottom = frame.bottom() - AXIS_MARGIN;
    let rack_rect = Rect::from_min_max(
        Pos2::new(frame.left() + AXIS_LABEL_W, bottom - u_px * rack_u as f32),
        Pos2::new(frame.left() + AXIS_LABEL_W + 120.0, bottom),
    );
    let visuals = ui.visuals();
    painter.rect_filled(rack_rect, 2.0, visuals.extreme_bg_color);
    painter.rect_stroke(
        rack_rect,
        2.0,
        visuals.widgets.noninteractive.fg_stroke,
        StrokeKind::Outside,
    );
    let text_colour = visuals.text_color();
    let label_font = egui::FontId::proportional(10.0);
    let rack_units = rack_u.round() as usize;
    let mut marks: Vec<usize> = (0..=rack_units).step_by(6).collect();
    if marks.last() != Some(&rack_units) {
        // the top of the rack is always labelled; a mark too close below it gives way
        if marks.last().is_some_and(|m| rack_units - m < 3) {
            marks.pop();
        }
        marks.push(rack_units);
    }
    for u in marks {
        let y = bottom - u as f32 * u_px;
        painter.text(
            Pos2::new(frame.left() + AXIS_LABEL_W - 4.0, y),
            egui::Align2::RIGHT_CENTER,
            u.to_string(),
            label_font.clone(),
            text_colour,
        );
    }
    let mut u = 0.0;
    for group in &rack.servers {
        let height_u = model_u(ctx, &group.model);
        let fill = match group.status {
            Status::Stock => STOCK_COLOUR,
            Status::New(_) => NEW_COLOUR,
        };
        let start_u = u;
        // Servers tall enough to write on are each labelled; thinner ones share one label.
        let each_labelled = group.count > 1 && height_u as f32 * u_px >= SERVER_LABEL_MIN_PX;
        for _ in 0..group.count {
            let top = bottom - ((u + height_u) * u_px as f64) as f32;
            let low = bottom - (u * u_px as f64) as f32;
            let server = Rect::from_min_max(
                Pos2::new(rack_rect.left() + 3.0, top + 0.5),
                Pos2::new(rack_rect.right() - 3.0, low - 0.5),
            );
            painter.rect_filled(server, 1.0, fill);
            painter.rect_stroke(
                server,
                1.0,
                Stroke::new(0.5, Color32::BLACK),
                StrokeKind::Inside,
            );
            if each_labelled {
                painter.text(
                    server.center(),
                    egui::Align2::CENTER_CENTER,
                    &group.model,
                    label_font.clone(),
                    Color32::WHITE,
                );
            }
            u += height_u;
        }
        let block = Rect::from_min_max(
            Pos2::new(rack_rect.left(), bottom - (u * u_px as f64) as f32),
            Pos2::new(rack_rect.right(), bottom - (start_u * u_px as f64) as f32),
        );
        let text = format!("{} × {}", group.count, group.model);
        if each_labelled {
            continue;
        }
        if block.height() >= 12.0 {
            painter.text(
                block.center(),
                egui::Align2::CENTER_CENTER,
                &text,
                label_font.clone(),
                Color32::WHITE,
            );
        } else {
            // too thin to write on: beside the rack
            painter.text(
                Pos2::new(rack_rect.right() + 6.0, block.center().y),
                egui::Align2::LEFT_CENTER,
                &text,
                label_font.clone(),
                text_colour,
            );
        }
    }
    let free_u = rack_u - used_u;
    if free_u >= 0.0 {
        ui.label(Gui::FreeU.fmt(lang, &[&group_thousands(free_u, 0)]));
    } else {
        ui.error_label(&Gui::OverfullU.fmt(lang, &[&group_thousands(-free_u, 0)]));
    }
    ui.horizontal(|ui| {
        for (colour, text) in [
            (STOCK_COLOUR, coolplan_words::terms::Term::Stock.tr(lang)),
            (NEW_COLOUR, coolplan_words::terms::Term::NewServers.tr(lang)),
        ] {
            let (rect, _) = ui.allocate_exact_size(Vec2::splat(12.0), Sense::hover());
            ui.painter().rect_filled(rect, 2.0, colour);
            ui.label(text);
        }
    });
}

fn properties(ui: &mut Ui, ctx: &ViewCtx, path: &[Seg], rack: &mut Rack, tracker: &mut Tracker) {
    let lang = ctx.lang();
    let field = |name| ctx.problem(&join(path, &[Seg::Field(name)]), Depth::Under);
    egui::Grid::new("rack_props").num_columns(2).show(ui, |ui| {
        ui.label(Gui::Name.tr(lang));
        // A duplicate name is reported at the rack itself.
        let name_problem = FieldProblem::merge(ctx.problem(path, Depth::Exact), field("name"));
        ui.checked(name_problem.as_ref(), false, |ui| {
            ui.text_edit(&mut rack.name, Gui::Name.tr(lang), tracker)
        });
        ui.end_row();
        ui.label(Gui::ColCount.tr(lang));
        ui.checked(field("count").as_ref(), false, |ui| {
            ui.count_edit(
                &mut rack.count,
                0..=10_000_000,
                Gui::ColCount.tr(lang),
                tracker,
            )
        });
        ui.end_row();
        ui.label(Gui::RackHeight.tr(lang));
        let mut height_u = rack.height.in_unit(LengthUnit::U).round().clamp(1.0, 60.0) as u32;
        let height = ui.checked(field("height").as_ref(), false, |ui| {
            ui.count_edit(&mut height_u, 1..=60, Gui::RackHeight.tr(lang), tracker)
        });
        if height.changed() {
            rack.height = Qty::new(f64::from(height_u), LengthUnit::U);
        }
        ui.end_row();
        ui.label(Gui::Placed.tr(lang));
        let mut placed = rack.position.is_some();
        let response = ui
            .checkbox(&mut placed, "")
            .on_hover_text(Gui::Placed.tr(lang));
        if tracker.track(&response) {
            rack.position = placed.then(|| Position {
                row: "A".into(),
                slot: 1,
            });
        }
        ui.end_row();
        if let Some(position) = &mut rack.position {
            ui.label(Gui::Row.tr(lang));
            ui.text_edit(&mut position.row, Gui::Row.tr(lang), tracker);
            ui.end_row();
            ui.label(Gui::Slot.tr(lang));
            ui.count_edit(&mut position.slot, 1..=10_000, Gui::Slot.tr(lang), tracker);
            ui.end_row();
        }
        ui.label(Gui::RetrofitShare.tr(lang));
        let mut share = rack.share();
        let share_edit = ui.checked(field("retrofit_share").as_ref(), false, |ui| {
            ui.number_edit(
                &mut share,
                0.0..=1.0,
                0.005,
                Gui::RetrofitShare.tr(lang),
                tracker,
            )
        });
        if share_edit.changed() {
            rack.retrofit_share = (share < 1.0).then_some(share);
        }
        ui.end_row();
        ui.label(Gui::Notes.tr(lang));
        ui.notes_edit(&mut rack.notes, Gui::Notes.tr(lang), tracker);
        ui.end_row();
    });
}

fn server_groups(ui: &mut Ui, ctx: &ViewCtx, path: &[Seg], rack: &mut Rack, tracker: &mut Tracker) {
    let lang = ctx.lang();
    // Problems of the groups as a whole (empty, overfull, over 150 kW).
    let servers = ctx.problem(&join(path, &[Seg::Field("servers")]), Depth::Exact);
    ui.checked(servers.as_ref(), false, |ui| {
        ui.strong(Gui::ServerGroups.tr(lang))
    });
    let first_year = ctx
        .site
        .assumptions
        .finance
        .resolve(ctx.site.currency)
        .first_year;
    let mut remove = None;
    // One line per group and its life and refresh on a line of their own below it: in a grid
    // the wide life line set the width of a column and pushed the status off the view.
    for (i, group) in rack.servers.iter_mut().enumerate() {
        let field = |name| {
            let at = [Seg::Item("servers", i), Seg::Field(name)];
            ctx.problem(&join(path, &at), Depth::Under)
        };
        ui.push_id(("server_group", i), |ui| {
            ui.horizontal(|ui| {
                let chosen = ui.checked(field("model").as_ref(), false, |ui| {
                    model_picker(
                        ui,
                        ("group_model", i),
                        &group.model,
                        &group.model,
                        ctx.catalog,
                        lang,
                    )
                });
                if let Some(model) = chosen.filter(|m| *m != group.model) {
                    group.model = model;
                    tracker.changed = true;
                }
                ui.checked(field("count").as_ref(), false, |ui| {
                    ui.count_edit(&mut group.count, 0..=1000, Gui::ColCount.tr(lang), tracker)
                });
                let status_problem = field("status");
                let mut is_new = matches!(group.status, Status::New(_));
                let response = ui
                    .checkbox(
                        &mut is_new,
                        coolplan_words::terms::Term::NewServers.tr(lang),
                    )
                    .on_hover_text(Gui::ColStatus.tr(lang));
                if tracker.track(&response) {
                    group.status = if is_new {
                        Status::New(first_year + 1)
                    } else {
                        Status::Stock
                    };
                }
                ui.checked(status_problem.as_ref(), false, |ui| {
                    match &mut group.status {
                        Status::New(year) => {
                            ui.count_edit(year, 1990..=2100, Gui::Year.tr(lang), tracker);
                        }
                        Status::Stock => {
                            ui.label(status_text(Status::Stock, lang));
                        }
                    }
                });
                if ui.button(Gui::RemoveServerGroup.tr(lang)).clicked() {
                    remove = Some(i);
                }
            });
            ui.indent(("server_group_life", i), |ui| {
                let life_problem = ["installed", "service_life", "refresh"]
                    .into_iter()
                    .find_map(field);
                ui.checked(life_problem.as_ref(), false, |ui| {
                    group_life(
                        ui,
                        ("rack", i),
                        group,
                        ctx.catalog,
                        first_year,
                        lang,
                        tracker,
                    )
                });
            });
        });
    }
    if let Some(i) = remove {
        rack.servers.remove(i);
        tracker.changed = true;
    }
    if ui.button(Gui::AddServerGroup.tr(lang)).clicked() {
        let model = rack
            .servers
            .last()
            .map(|g| g.model.clone())
            .or_else(|| ctx.catalog.models().first().map(|m| m.id.clone()))
            .unwrap_or_default();
        rack.servers.push(ServerGroup {
            model,
            count: 1,
            status: Status::Stock,
            installed: None,
            service_life: None,
            refresh: None,
            notes: String::new(),
        });
        tracker.changed = true;
    }
}

/// Per-rack IT power and heat to liquid, air and rear door of each option that applies to the
/// group (from the engine's results).
fn heat_split(ui: &mut Ui, ctx: &ViewCtx, at: (usize, usize)) {
    let lang = ctx.lang();
    ui.strong(Gui::HeatSplit.tr(lang));
    let Some(rack_result) = ctx.analysis.group(at) else {
        ui.label(Gui::NoResults.tr(lang));
        return;
    };
    ui.label(format!(
        "{}: {}",
        Gui::PerRackPower.tr(lang),
        quantity_in(rack_result.per_rack_design, PowerUnit::kW)
    ));
    measured_line(ui, ctx, at);
    let per_rack = 1.0 / rack_result.count.max(1) as f64;
    egui::Grid::new("heat_split")
        .num_columns(5)
        .striped(true)
        .show(ui, |ui| {
            ui.label("");
            ui.label(Gui::ColKwPerRack.tr(lang));
            ui.label(Gui::ToLiquid.tr(lang));
            ui.label(Gui::ToAir.tr(lang));
            ui.label(Gui::ToDoor.tr(lang));
            ui.end_row();
            let shown = CoolingOption::ALL
                .into_iter()
                .filter(|o| rack_result.options[*o].applies);
            for option in shown {
                let thermal = &rack_result.options[option];
                ui.label(option_name(option, lang));
                for power in [
                    thermal.it_design,
                    thermal.heat_to_liquid,
                    thermal.heat_to_air,
                    thermal.heat_to_door,
                ] {
                    ui.label(quantity_in(power * per_rack, PowerUnit::kW));
                }
                ui.end_row();
            }
        });
}

/// "measured" badge with the metered average, peak and source when the rack has measured
/// power, which the engine uses in place of nameplate × utilisation.
fn measured_line(ui: &mut Ui, ctx: &ViewCtx, (h, r): (usize, usize)) {
    let lang = ctx.lang();
    let rack = ctx.site.halls.get(h).and_then(|hall| hall.racks.get(r));
    let Some(measured) = rack.and_then(|rack| rack.measured.as_ref()) else {
        return;
    };
    ui.horizontal(|ui| {
        ui.provenance_badge(&coolplan_model::assumptions::Provenance::Measured, lang);
        let args: [&dyn std::fmt::Display; 3] = [
            &quantity_in(measured.average.get(), PowerUnit::kW),
            &quantity_in(measured.peak.get(), PowerUnit::kW),
            &measured.source,
        ];
        ui.label(coolplan_words::import_gui::ImpGui::MeasuredPower.fmt(lang, &args));
    });
}
