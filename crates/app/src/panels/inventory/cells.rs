//! The inventory's cells and their pickers: servers (model picker, editor of every server
//! group), status, cooling rule, recommended option; the sort keys they share.

use egui::Ui;

use super::At;
use crate::command::Command;
use crate::edit::Edit;
use crate::field_marks::{Depth, FieldProblem, join};
use crate::kit::{Tracker, UiExt};
use crate::panels::ViewCtx;
use crate::panels::life_fields::group_life;
use crate::panels::model_picker::{model_picker, model_tip};
use crate::undo::Gesture;
use crate::words::{option_name, servers_text, status_text};
use coolplan_io::Seg;
use coolplan_model::{Cooling, CoolingRule, Rack, ServerGroup, Status};
use coolplan_words::gui::Gui;
use coolplan_words::inventory::Inv;
use coolplan_words::{Lang, Text};

pub(super) fn first_year(ctx: &ViewCtx) -> u16 {
    ctx.site
        .assumptions
        .finance
        .resolve(ctx.site.currency)
        .first_year
}

pub(super) fn per_rack_kw(ctx: &ViewCtx, at: At) -> Option<f64> {
    let group = ctx.analysis.group(at)?;
    Some(group.per_rack_design.get::<uom::si::power::kilowatt>())
}

pub(super) fn recommended(ctx: &ViewCtx, at: At, lang: Lang) -> String {
    // the group's option in the recommended plan
    match ctx.analysis.planned(at) {
        Some(Some(option)) => option_name(option, lang).to_string(),
        Some(None) => Inv::NoneSuits.tr(lang).to_string(),
        None => String::new(),
    }
}

pub(super) fn status_summary(rack: &Rack, lang: Lang) -> String {
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

/// The cooling rules a combo offers: any, only each option `site` offers, not each of them.
fn rule_choices(site: &coolplan_model::Site) -> Vec<Option<CoolingRule>> {
    let offered: Vec<Cooling> = Cooling::ALL
        .into_iter()
        .filter(|c| site.offers(*c))
        .collect();
    let mut choices = vec![None];
    choices.extend(offered.iter().map(|c| Some(CoolingRule::Force(*c))));
    choices.extend(offered.iter().map(|c| Some(CoolingRule::Exclude(vec![*c]))));
    choices
}

/// A combo of the cooling rules; true when the choice changed.
pub(super) fn rule_combo(
    ui: &mut Ui,
    id: impl std::hash::Hash + std::fmt::Debug,
    rule: &mut Option<CoolingRule>,
    site: &coolplan_model::Site,
    lang: Lang,
) -> bool {
    let before = rule.clone();
    egui::ComboBox::from_id_salt(id)
        .selected_text(rule_text(rule.as_ref(), lang))
        .width(150.0)
        .show_ui(ui, |ui| {
            for choice in rule_choices(site) {
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
pub(super) fn status_combo(
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

/// The recommended option; for a group no option suits, says so and how to see why.
pub(super) fn recommended_cell(ui: &mut Ui, ctx: &ViewCtx, at: At) {
    let lang = ctx.lang();
    let Some(planned) = ctx.analysis.planned(at) else {
        ui.label("");
        return;
    };
    match planned {
        Some(option) => {
            ui.label(option_name(option, lang));
            crate::panels::works::wait_mark(ui, ctx, at);
        }
        None => {
            ui.label(egui::RichText::new(Inv::NoneSuits.tr(lang)).color(crate::kit::ERROR_COLOUR))
                .on_hover_text(Inv::NoneSuitsTip.tr(lang));
        }
    }
}

/// The group's servers: a model picker when it holds one server group, a button opening
/// the editor of every group (model, count, status, add, remove).
pub(super) fn servers_cell(
    ui: &mut Ui,
    ctx: &ViewCtx,
    (h, r): At,
    first_year: u16,
    out: &mut Vec<Command>,
) {
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
                ui.label("");
                let salt = ("inventory", h, r, i);
                group_life(ui, salt, group, ctx.catalog, first_year, lang, &mut tracker);
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
            installed: None,
            service_life: None,
            refresh: None,
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
pub(super) fn status_cell(
    ui: &mut Ui,
    ctx: &ViewCtx,
    (h, r): At,
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
