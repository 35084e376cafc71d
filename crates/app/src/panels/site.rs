//! Site and hall properties: name, currency, location and climate, cost mode, the cooling
//! options the site considers (a checkbox each, air always on); the selected
//! hall's floor, area, air capacity, plant ([`super::hall_plant`]), facility water and
//! measured PUE.

use egui::Ui;

use super::field_edit::{Field, FieldEdit};
use super::{Panel, ViewCtx};
use crate::command::Command;
use crate::edit::{CloneProps, Edit};
use crate::field_marks::{Depth, FieldProblem, join};
use crate::kit::{Tracker, UiExt};
use coolplan_io::Seg;
use coolplan_model::{
    ClimateSource, Cooling, CostMode, EnablingWork, FacilityWater, FloorKind, Hall, WaterClass,
};
use coolplan_units::Currency;
use coolplan_units::build::deg_c;
use coolplan_words::Text;
use coolplan_words::gui::Gui;

/// No UI-local state.
#[derive(Default)]
pub struct SitePanel;

impl Panel for SitePanel {
    fn ui(&mut self, ui: &mut Ui, ctx: &ViewCtx, out: &mut Vec<Command>) {
        egui::ScrollArea::vertical()
            .id_salt("site_scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                site_props(ui, ctx, out);
                if let Some(h) = ctx.selection.hall
                    && let Some(hall) = ctx.site.halls.get(h)
                {
                    ui.separator();
                    hall_props(ui, ctx, h, hall, out);
                }
            });
    }
}

fn site_props(ui: &mut Ui, ctx: &ViewCtx, out: &mut Vec<Command>) {
    let lang = ctx.lang();
    let site = ctx.site;
    // Only the properties travel in the edit; halls and catalog stay where they are.
    let mut props = site.clone_props();
    let mut tracker = Tracker::default();
    ui.heading(coolplan_words::terms::Term::Site.tr(lang));
    egui::Grid::new("site_props").num_columns(2).show(ui, |ui| {
        ui.label(Gui::SiteName.tr(lang));
        let name_problem = ctx.problem(&[Seg::Field("name")], Depth::Exact);
        ui.checked(name_problem.as_ref(), false, |ui| {
            ui.text_edit(&mut props.name, Gui::SiteName.tr(lang), &mut tracker)
        });
        ui.end_row();
        ui.label(Gui::Currency.tr(lang));
        let before = props.currency;
        egui::ComboBox::from_id_salt("currency")
            .selected_text(props.currency.code())
            .show_ui(ui, |ui| {
                for &currency in Currency::ALL {
                    ui.selectable_value(&mut props.currency, currency, currency.code());
                }
            })
            .response
            .on_hover_text(Gui::Currency.tr(lang));
        tracker.changed |= props.currency != before;
        ui.end_row();
        ui.label(Gui::LocationName.tr(lang));
        ui.text_edit(
            &mut props.location.name,
            Gui::LocationName.tr(lang),
            &mut tracker,
        );
        ui.end_row();
        ui.label(Gui::Climate.tr(lang));
        let climate = [Seg::Field("location"), Seg::Field("climate")];
        let climate_problem = ctx.problem(&climate, Depth::Under);
        ui.checked(climate_problem.as_ref(), false, |ui| {
            match &mut props.location.climate {
                ClimateSource::Preset(key) => {
                    let before = key.clone();
                    egui::ComboBox::from_id_salt("climate")
                        .selected_text(key.as_str())
                        .show_ui(ui, |ui| {
                            for preset in [
                                "beijing",
                                "shanghai",
                                "hong-kong",
                                "zhangjiakou",
                                "singapore",
                            ] {
                                ui.selectable_value(key, preset.to_string(), preset);
                            }
                        })
                        .response
                        .on_hover_text(Gui::Climate.tr(lang));
                    tracker.changed |= *key != before;
                }
                ClimateSource::Epw(path) => {
                    ui.text_edit(path, Gui::Climate.tr(lang), &mut tracker);
                }
                ClimateSource::Monthly(normals) => {
                    ui.label(&normals.source);
                }
            }
        });
        ui.end_row();
        ui.label(Gui::CostMode.tr(lang));
        ui.horizontal(|ui| {
            for (mode, text) in [
                (CostMode::PerKw, Gui::CostPerKw),
                (CostMode::Itemised, Gui::CostItemised),
            ] {
                let response = ui.radio_value(&mut props.cost_mode, mode, text.tr(lang));
                tracker.track(&response);
            }
        });
        ui.end_row();
        ui.label(coolplan_words::lifecycle::Life::FieldRefresh.tr(lang));
        let refresh_problem = ctx.problem(&[Seg::Field("refresh")], Depth::Exact);
        ui.checked(refresh_problem.as_ref(), false, |ui| {
            ui.horizontal(|ui| {
                let catalog = ctx.catalog;
                let policy = &mut props.refresh;
                super::life_fields::refresh_choice(
                    ui,
                    "site_refresh",
                    policy,
                    false,
                    catalog,
                    lang,
                    &mut tracker,
                )
            })
        });
        ui.end_row();
        ui.label(Gui::CoolingOptions.tr(lang))
            .on_hover_text(Gui::TipCoolingOptions.tr(lang));
        let options_problem = ctx.problem(&[Seg::Field("cooling_options")], Depth::Exact);
        ui.checked(options_problem.as_ref(), false, |ui| {
            ui.horizontal_wrapped(|ui| {
                option_toggles(ui, &mut props.cooling_options, lang, &mut tracker)
            })
        });
        ui.end_row();
        ui.label(Gui::Notes.tr(lang));
        ui.notes_edit(&mut props.notes, Gui::Notes.tr(lang), &mut tracker);
        ui.end_row();
    });
    tracker.commands(|| Edit::SetSiteProps(Box::new(props)), out);
}

/// A checkbox per cooling option the engine knows. Air is always on and cannot be unticked
/// (the reference of every NPV); any change writes air back into the list. Every option
/// ticked is `None`: the site file then lists nothing and takes every option there is.
fn option_toggles(
    ui: &mut Ui,
    offered: &mut Option<Vec<Cooling>>,
    lang: coolplan_words::Lang,
    tracker: &mut Tracker,
) {
    let offers = |list: &Option<Vec<Cooling>>, option: Cooling| {
        option == Cooling::Air || list.as_ref().is_none_or(|l| l.contains(&option))
    };
    for option in Cooling::ALL {
        let mut on = offers(offered, option);
        let name = coolplan_words::results::cooling_name(option, lang);
        let response = ui
            .add_enabled(option != Cooling::Air, egui::Checkbox::new(&mut on, name))
            .on_hover_text(Gui::TipCoolingOptions.tr(lang))
            .on_disabled_hover_text(Gui::TipCoolingOptions.tr(lang));
        if tracker.track(&response) {
            let list: Vec<Cooling> = Cooling::ALL
                .into_iter()
                .filter(|o| {
                    if *o == option {
                        on
                    } else {
                        offers(offered, *o)
                    }
                })
                .collect();
            *offered = (list.len() < Cooling::ALL.len()).then_some(list);
        }
    }
}

fn hall_props(ui: &mut Ui, ctx: &ViewCtx, h: usize, hall: &Hall, out: &mut Vec<Command>) {
    let lang = ctx.lang();
    let units = ctx.units();
    let mut props = hall.clone_props();
    let mut tracker = Tracker::default();
    ui.heading(format!("{}: {}", Gui::HallProps.tr(lang), hall.name));
    let path = ctx.hall_path(h);
    let problem_at = |at: &[Seg]| ctx.problem(&join(&path, at), Depth::Under);
    egui::Grid::new("hall_props").num_columns(2).show(ui, |ui| {
        ui.label(Gui::Name.tr(lang));
        // A duplicate name is reported at the hall itself.
        let name_problem = FieldProblem::merge(
            ctx.problem(&path, Depth::Exact),
            problem_at(&[Seg::Field("name")]),
        );
        ui.checked(name_problem.as_ref(), false, |ui| {
            ui.text_edit(&mut props.name, Gui::Name.tr(lang), &mut tracker)
        });
        ui.end_row();
        ui.label(Gui::FloorRating.tr(lang));
        ui.horizontal(|ui| {
            for (kind, text) in [
                (FloorKind::Raised, Gui::RaisedFloor),
                (FloorKind::Slab, Gui::Slab),
            ] {
                let response = ui.radio_value(&mut props.floor.kind, kind, text.tr(lang));
                tracker.track(&response);
            }
            let rating = problem_at(&[Seg::Field("floor"), Seg::Field("rating")]);
            ui.checked(rating.as_ref(), false, |ui| {
                props.floor.rating.edit(
                    ui,
                    &mut Field::new(units, lang, Gui::FloorRating.tr(lang), &mut tracker),
                )
            });
        });
        ui.end_row();
        ui.label(Gui::Area.tr(lang));
        ui.checked(problem_at(&[Seg::Field("area")]).as_ref(), false, |ui| {
            props.area.edit(
                ui,
                &mut Field::new(units, lang, Gui::Area.tr(lang), &mut tracker),
            )
        });
        ui.end_row();
        ui.label(Gui::AirCapacity.tr(lang));
        let air = problem_at(&[Seg::Field("air_cooling_capacity")]);
        ui.checked(air.as_ref(), false, |ui| {
            props.air_cooling_capacity.edit(
                ui,
                &mut Field::new(units, lang, Gui::AirCapacity.tr(lang), &mut tracker),
            )
        });
        ui.end_row();
        super::hall_plant::allowed_work_row(
            ui,
            &mut props,
            EnablingWork::AirPlantAddition,
            lang,
            &mut tracker,
        );
        ui.label(Gui::ItCapacity.tr(lang));
        ui.horizontal(|ui| {
            // unset: the larger of the air capacity and the racks' design IT (method.md §7)
            let mut given = props.it_capacity.is_some();
            let response = ui
                .checkbox(&mut given, "")
                .on_hover_text(Gui::ItCapacity.tr(lang));
            if tracker.track(&response) {
                props.it_capacity = given.then_some(props.air_cooling_capacity);
            }
            if let Some(capacity) = &mut props.it_capacity {
                let problem = problem_at(&[Seg::Field("it_capacity")]);
                ui.checked(problem.as_ref(), false, |ui| {
                    capacity.edit(
                        ui,
                        &mut Field::new(units, lang, Gui::ItCapacity.tr(lang), &mut tracker),
                    )
                });
            }
        });
        ui.end_row();
        if props.it_capacity.is_some() {
            super::hall_plant::allowed_work_row(
                ui,
                &mut props,
                EnablingWork::ElectricalUpgrade,
                lang,
                &mut tracker,
            );
        }
        super::hall_plant::air_plant_rows(ui, &mut props, lang, &mut tracker);
        super::hall_plant::ups_rows(ui, &mut props, lang, &mut tracker);
        ui.label(Gui::FacilityWater.tr(lang));
        let mut has_water = props.facility_water.is_some();
        let response = ui
            .checkbox(&mut has_water, "")
            .on_hover_text(Gui::FacilityWater.tr(lang));
        if tracker.track(&response) {
            props.facility_water = has_water.then(|| FacilityWater {
                class: WaterClass::W32,
                supply_temp: deg_c(28.0),
                heat_rejection: None,
                capacity: None,
            });
        }
        ui.end_row();
        if props.facility_water.is_none() {
            super::hall_plant::allowed_work_row(
                ui,
                &mut props,
                EnablingWork::FacilityWaterExtension,
                lang,
                &mut tracker,
            );
        }
        if let Some(water) = &mut props.facility_water {
            ui.label(Gui::WaterClass.tr(lang));
            let before = water.class;
            egui::ComboBox::from_id_salt("water_class")
                .selected_text(format!("{:?}", water.class))
                .show_ui(ui, |ui| {
                    for class in [
                        WaterClass::W17,
                        WaterClass::W27,
                        WaterClass::W32,
                        WaterClass::W40,
                        WaterClass::W45,
                        WaterClass::Wplus,
                    ] {
                        ui.selectable_value(&mut water.class, class, format!("{class:?}"));
                    }
                })
                .response
                .on_hover_text(Gui::WaterClass.tr(lang));
            tracker.changed |= water.class != before;
            ui.end_row();
            ui.label(Gui::SupplyTemp.tr(lang));
            let supply = problem_at(&[Seg::Field("facility_water"), Seg::Field("supply_temp")]);
            ui.checked(supply.as_ref(), false, |ui| {
                water.supply_temp.edit(
                    ui,
                    &mut Field::new(units, lang, Gui::SupplyTemp.tr(lang), &mut tracker),
                )
            });
            ui.end_row();
            super::hall_plant::heat_rejection_rows(ui, water, lang, &mut tracker);
        }
        ui.label(Gui::MeasuredPue.tr(lang));
        ui.horizontal(|ui| {
            let mut measured = props.measured_pue.is_some();
            let response = ui
                .checkbox(&mut measured, "")
                .on_hover_text(Gui::MeasuredPue.tr(lang));
            if tracker.track(&response) {
                props.measured_pue = measured.then_some(1.5);
            }
            if let Some(pue) = &mut props.measured_pue {
                let problem = problem_at(&[Seg::Field("measured_pue")]);
                ui.checked(problem.as_ref(), false, |ui| {
                    ui.number_edit(
                        pue,
                        1.0..=3.0,
                        0.005,
                        Gui::MeasuredPue.tr(lang),
                        &mut tracker,
                    )
                });
            }
        });
        ui.end_row();
        if props.measured_pue.is_some() {
            super::hall_plant::calibration_split_row(ui, &mut props, lang, &mut tracker);
        }
        ui.label(Gui::Notes.tr(lang));
        ui.notes_edit(&mut props.notes, Gui::Notes.tr(lang), &mut tracker);
        ui.end_row();
    });
    tracker.commands(|| Edit::SetHallProps(h, Box::new(props)), out);
    let results = ctx.analysis.results.as_ref();
    let hall_results = results.and_then(|r| r.plant.get(h).zip(r.halls.get(h)));
    if let Some((plant, scope)) = hall_results {
        // the design days of the options that apply in the hall
        super::hall_plant::plant_results(ui, &plant.shown_in(scope), lang, units);
    }
    if let Some(results) = results {
        super::works::table(ui, ctx, results, Some(h));
    }
}
