//! The selected hall's plant in the hall properties (`docs/method.md` §7): what cools its air
//! (plant type, economiser, adiabatic pads), its UPS (redundancy, loss curve), how its liquid
//! heat leaves the building, which enabling works it may have built, and how a measured PUE's excess is split. An unset field shows its default; a choice writes it. Below
//! them, what the engine made of the plant: the calibration's split and each liquid option's
//! design day, the enabling works the plan needs, in the report's words.

use egui::Ui;

use crate::kit::{Tracker, UiExt};
use coolplan_engine::HallPlant;
use coolplan_model::{
    AirPlant, CalibrationSplit, EnablingWork, FacilityWater, Hall, HeatRejection, UpsCurve,
    UpsRedundancy,
};
use coolplan_units::format::UnitSystem;
use coolplan_words::gui::Gui;
use coolplan_words::results::plant as words;
use coolplan_words::{Lang, Text};

/// The kinds of air plant in menu order, each as a new hall of that kind gets it.
const AIR_PLANTS: [(Gui, AirPlant); 3] = [
    (
        Gui::PlantTower,
        AirPlant::ChilledWaterTower { economiser: true },
    ),
    (
        Gui::PlantAirCooled,
        AirPlant::ChilledWaterAirCooled {
            economiser: true,
            adiabatic: false,
        },
    ),
    (
        Gui::PlantDxCrac,
        AirPlant::DxCrac {
            economiser: false,
            adiabatic: false,
        },
    ),
];

const SPLITS: [(Gui, CalibrationSplit); 3] = [
    (Gui::SplitUniform, CalibrationSplit::Uniform),
    (Gui::SplitFixed, CalibrationSplit::Fixed),
    (Gui::SplitProportional, CalibrationSplit::Proportional),
];

fn kind_name(plant: AirPlant) -> Gui {
    let same_kind =
        |(_, p): &&(Gui, AirPlant)| std::mem::discriminant(p) == std::mem::discriminant(&plant);
    AIR_PLANTS
        .iter()
        .find(same_kind)
        .map_or(Gui::PlantTower, |(name, _)| *name)
}

/// The economiser flag and, where the plant has pads (not on a tower), the adiabatic flag.
fn flags(plant: &mut AirPlant) -> (&mut bool, Option<&mut bool>) {
    match plant {
        AirPlant::ChilledWaterTower { economiser } => (economiser, None),
        AirPlant::ChilledWaterAirCooled {
            economiser,
            adiabatic,
        }
        | AirPlant::DxCrac {
            economiser,
            adiabatic,
        } => (economiser, Some(adiabatic)),
    }
}

/// A labelled checkbox row of the properties grid.
fn check_row(ui: &mut Ui, label: &str, value: &mut bool, tracker: &mut Tracker) {
    ui.label(label);
    let response = ui.checkbox(value, "").on_hover_text(label);
    tracker.track(&response);
    ui.end_row();
}

/// The checkbox row that says whether the hall may have enabling work `work` built
/// (`docs/method.md` §5.1); unticked, the work is in the hall's `forbidden_works`.
pub(super) fn allowed_work_row(
    ui: &mut Ui,
    props: &mut Hall,
    work: EnablingWork,
    lang: Lang,
    tracker: &mut Tracker,
) {
    let label = match work {
        EnablingWork::FacilityWaterExtension => Gui::AllowWaterExtension,
        EnablingWork::AirPlantAddition => Gui::AllowAirPlantAddition,
        EnablingWork::ElectricalUpgrade => Gui::AllowElectricalUpgrade,
    };
    let mut allowed = props.allows(work);
    check_row(ui, label.tr(lang), &mut allowed, tracker);
    if allowed != props.allows(work) {
        props.forbidden_works.retain(|w| *w != work);
        if !allowed {
            props.forbidden_works.push(work);
        }
        tracker.changed = true;
    }
}

/// Rows for the air plant: its kind, economiser and (air-cooled or DX) adiabatic pads.
pub(super) fn air_plant_rows(ui: &mut Ui, props: &mut Hall, lang: Lang, tracker: &mut Tracker) {
    let before = props.plant;
    let mut plant = props.plant.unwrap_or_default();
    ui.label(Gui::AirPlant.tr(lang));
    egui::ComboBox::from_id_salt("air_plant")
        .selected_text(kind_name(plant).tr(lang))
        .show_ui(ui, |ui| {
            for (name, default) in AIR_PLANTS {
                let chosen = kind_name(plant) == name;
                if ui.selectable_label(chosen, name.tr(lang)).clicked() && !chosen {
                    plant = default;
                }
            }
        })
        .response
        .on_hover_text(Gui::AirPlant.tr(lang));
    ui.end_row();
    let (economiser, adiabatic) = flags(&mut plant);
    check_row(ui, Gui::Economiser.tr(lang), economiser, tracker);
    if let Some(adiabatic) = adiabatic {
        check_row(ui, Gui::AdiabaticPads.tr(lang), adiabatic, tracker);
    }
    if before.unwrap_or_default() != plant {
        props.plant = Some(plant);
        tracker.changed = true;
    }
}

/// Rows for the UPS: redundancy (N, N+1 with its module count, 2N; the default follows the air
/// plant) and loss curve (a `Custom` curve is set in the file and shown as such).
pub(super) fn ups_rows(ui: &mut Ui, props: &mut Hall, lang: Lang, tracker: &mut Tracker) {
    let current = props.ups();
    let mut ups = current;
    let name = |u: UpsRedundancy| match u {
        UpsRedundancy::N => "N",
        UpsRedundancy::NPlus1 { .. } => "N+1",
        UpsRedundancy::TwoN => "2N",
    };
    ui.label(Gui::UpsRedundancy.tr(lang));
    egui::ComboBox::from_id_salt("ups_redundancy")
        .selected_text(name(ups))
        .show_ui(ui, |ui| {
            let choices = [
                UpsRedundancy::N,
                UpsRedundancy::NPlus1 { modules: 4 },
                UpsRedundancy::TwoN,
            ];
            for choice in choices {
                let chosen = name(ups) == name(choice);
                if ui.selectable_label(chosen, name(choice)).clicked() && !chosen {
                    ups = choice;
                }
            }
        })
        .response
        .on_hover_text(Gui::UpsRedundancy.tr(lang));
    ui.end_row();
    if let UpsRedundancy::NPlus1 { modules } = &mut ups {
        ui.label(Gui::UpsModules.tr(lang));
        ui.count_edit(modules, 1..=64, Gui::UpsModules.tr(lang), tracker);
        ui.end_row();
    }
    if ups != current {
        props.ups_redundancy = Some(ups);
        tracker.changed = true;
    }
    let curve = props.ups_curve.unwrap_or_default();
    let curve_name = |c: UpsCurve| match c {
        UpsCurve::Legacy => Gui::UpsLegacy,
        UpsCurve::Modern => Gui::UpsModern,
        UpsCurve::Custom { .. } => Gui::UpsCustom,
    };
    ui.label(Gui::UpsCurve.tr(lang));
    egui::ComboBox::from_id_salt("ups_curve")
        .selected_text(curve_name(curve).tr(lang))
        .show_ui(ui, |ui| {
            for choice in [UpsCurve::Legacy, UpsCurve::Modern] {
                let chosen = curve == choice;
                if ui
                    .selectable_label(chosen, curve_name(choice).tr(lang))
                    .clicked()
                    && !chosen
                {
                    props.ups_curve = Some(choice);
                    tracker.changed = true;
                }
            }
        })
        .response
        .on_hover_text(Gui::UpsCurve.tr(lang));
    ui.end_row();
}

/// The row for how the facility water rejects its heat.
pub(super) fn heat_rejection_rows(
    ui: &mut Ui,
    water: &mut FacilityWater,
    lang: Lang,
    tracker: &mut Tracker,
) {
    let before = water.heat_rejection;
    let mut rejection = before.unwrap_or_default();
    let name = |r: HeatRejection| match r {
        HeatRejection::DryCooler { .. } => Gui::DryCooler,
        HeatRejection::ChilledWater => Gui::TapChilledWater,
    };
    ui.label(Gui::HeatRejection.tr(lang));
    egui::ComboBox::from_id_salt("heat_rejection")
        .selected_text(name(rejection).tr(lang))
        .show_ui(ui, |ui| {
            for choice in [HeatRejection::default(), HeatRejection::ChilledWater] {
                let chosen = name(rejection) == name(choice);
                if ui.selectable_label(chosen, name(choice).tr(lang)).clicked() && !chosen {
                    rejection = choice;
                }
            }
        })
        .response
        .on_hover_text(Gui::HeatRejection.tr(lang));
    ui.end_row();
    if let HeatRejection::DryCooler { adiabatic } = &mut rejection {
        check_row(ui, Gui::AdiabaticPads.tr(lang), adiabatic, tracker);
    }
    if before.unwrap_or_default() != rejection {
        water.heat_rejection = Some(rejection);
        tracker.changed = true;
    }
}

/// The row for how a measured PUE's excess over the model is split.
pub(super) fn calibration_split_row(
    ui: &mut Ui,
    props: &mut Hall,
    lang: Lang,
    tracker: &mut Tracker,
) {
    let split = props.calibration_split.unwrap_or_default();
    let name = |s: CalibrationSplit| SPLITS.iter().find(|(_, x)| *x == s).map(|(n, _)| *n);
    ui.label(Gui::CalibrationSplit.tr(lang));
    egui::ComboBox::from_id_salt("calibration_split")
        .selected_text(name(split).map_or("", |n| n.tr(lang)))
        .show_ui(ui, |ui| {
            for (label, choice) in SPLITS {
                if ui
                    .selectable_label(split == choice, label.tr(lang))
                    .clicked()
                    && split != choice
                {
                    props.calibration_split = Some(choice);
                    tracker.changed = true;
                }
            }
        })
        .response
        .on_hover_text(Gui::CalibrationSplit.tr(lang));
    ui.end_row();
}

/// The hall's calibration and design days as the report words them, one line each.
pub(super) fn plant_results(ui: &mut Ui, plant: &HallPlant, lang: Lang, units: UnitSystem) {
    for line in words::facts(plant, lang, units) {
        ui.label(line);
    }
}
