//! Editors of server life and refresh: a server group's install year, service life and
//! refresh policy (the rack view), and a refresh policy choice the site properties reuse.

use egui::Ui;

use super::model_picker::model_picker;
use crate::kit::{Tracker, UiExt};
use coolplan_model::{Catalog, Refresh, ServerGroup, Status};
use coolplan_units::{Qty, TimeUnit};
use coolplan_words::lifecycle::{Life, policy_name};
use coolplan_words::{Lang, Text};

/// The group's install year (stock only), life and refresh, on one line; `first_year` is the
/// study's (the year an empty install year stands for).
pub fn group_life(
    ui: &mut Ui,
    salt: impl std::hash::Hash + std::fmt::Debug + Copy,
    group: &mut ServerGroup,
    catalog: &Catalog,
    first_year: u16,
    lang: Lang,
    tracker: &mut Tracker,
) {
    ui.horizontal(|ui| {
        if group.status == Status::Stock {
            optional_year(ui, &mut group.installed, first_year, lang, tracker);
        }
        let model_life = catalog
            .get(&group.model)
            .map_or(5.0, |m| m.service_life().in_unit(TimeUnit::year));
        optional_life(ui, &mut group.service_life, model_life, lang, tracker);
        ui.label(Life::FieldRefresh.tr(lang));
        refresh_choice(
            ui,
            ("group_refresh", salt),
            &mut group.refresh,
            true,
            catalog,
            lang,
            tracker,
        );
    });
}

/// An install year that may be left out: a checkbox, then the year.
fn optional_year(
    ui: &mut Ui,
    installed: &mut Option<u16>,
    first_year: u16,
    lang: Lang,
    tracker: &mut Tracker,
) {
    let mut known = installed.is_some();
    let response = ui
        .checkbox(&mut known, Life::FieldInstalled.tr(lang))
        .on_hover_text(Life::FieldInstalledHelp.tr(lang));
    if tracker.track(&response) {
        *installed = known.then_some(first_year.saturating_sub(3));
    }
    if let Some(year) = installed {
        ui.count_edit(year, 1990..=2100, Life::InstallYear.tr(lang), tracker);
    }
}

/// A service life that may be left out (the model's then): a checkbox, then the years.
fn optional_life(
    ui: &mut Ui,
    life: &mut Option<coolplan_units::TimeQ>,
    model_years: f64,
    lang: Lang,
    tracker: &mut Tracker,
) {
    let mut own = life.is_some();
    let response = ui
        .checkbox(&mut own, Life::FieldLife.tr(lang))
        .on_hover_text(Life::FieldLifeHelp.tr(lang));
    if tracker.track(&response) {
        *life = own.then(|| Qty::new(model_years, TimeUnit::year));
    }
    match life {
        Some(q) => {
            let mut years = q.in_unit(TimeUnit::year);
            if ui
                .number_edit(
                    &mut years,
                    0.5..=40.0,
                    0.1,
                    Life::LifeYears.tr(lang),
                    tracker,
                )
                .changed()
            {
                *q = Qty::new(years, TimeUnit::year);
            }
        }
        None => {
            ui.weak(coolplan_units::format::group_thousands(model_years, 1));
        }
    }
}

/// A refresh policy chooser; `inherit` offers "site policy" (`None`). A named model is picked
/// from the catalog.
pub fn refresh_choice(
    ui: &mut Ui,
    salt: impl std::hash::Hash + std::fmt::Debug + Copy,
    policy: &mut Option<Refresh>,
    inherit: bool,
    catalog: &Catalog,
    lang: Lang,
    tracker: &mut Tracker,
) {
    let first_model = || {
        catalog
            .models()
            .first()
            .map(|m| m.id.clone())
            .unwrap_or_default()
    };
    let mut choices = Vec::new();
    if inherit {
        choices.push(None);
    }
    choices.extend([
        Some(Refresh::LikeForLike),
        Some(Refresh::Model(first_model())),
        Some(Refresh::Retire),
    ]);
    let shown = if inherit {
        policy.clone()
    } else {
        Some(policy.clone().unwrap_or_default())
    };
    egui::ComboBox::from_id_salt(("refresh_kind", salt))
        .selected_text(policy_name(shown.as_ref(), lang))
        .show_ui(ui, |ui| {
            for choice in choices {
                let selected = kind(shown.as_ref()) == kind(choice.as_ref());
                let label = policy_name(choice.as_ref(), lang);
                if ui.selectable_label(selected, label).clicked() && !selected {
                    *policy = choice;
                    tracker.changed = true;
                }
            }
        })
        .response
        .accessible_name(Life::FieldRefresh.tr(lang));
    if let Some(Refresh::Model(id)) = policy {
        let chosen = model_picker(ui, ("refresh_model", salt), id, id, catalog, lang);
        if let Some(model) = chosen.filter(|m| m != id) {
            *id = model;
            tracker.changed = true;
        }
    }
}

/// Which choice of the list a policy is (a named model whatever its id).
fn kind(policy: Option<&Refresh>) -> u8 {
    match policy {
        None => 0,
        Some(Refresh::LikeForLike) => 1,
        Some(Refresh::Model(_)) => 2,
        Some(Refresh::Retire) => 3,
    }
}
