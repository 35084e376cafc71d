//! The hall's plant in the hall properties: the air plant's kind, its UPS, and the
//! calibration split once a measured PUE is set, edited by clicks, change the site and the
//! engine's figures; the calibration and design day show below in the report's words.

use crate::support::{harness, show};
use coolplan::app::CoolplanApp;
use coolplan::app::command::Command;
use coolplan::app::state::{Selection, View};
use coolplan::engine::CoolingOption;
use coolplan::model::{AirPlant, CalibrationSplit, Hall, UpsCurve, UpsRedundancy};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn select_hall(harness: &mut Harness<'_, CoolplanApp>, hall: usize) {
    let selection = Selection {
        hall: Some(hall),
        rack: None,
    };
    harness.state_mut().queue(Command::Select(selection));
    harness.run();
}

fn hall(harness: &Harness<'_, CoolplanApp>, index: usize) -> Hall {
    harness.state().state.doc.site.halls[index].clone()
}

/// Facility energy of hall `index` on air (SI value, J).
fn air_energy(harness: &Harness<'_, CoolplanApp>, index: usize) -> f64 {
    let results = harness.state().state.analysis.results.as_ref();
    let hall = &results.expect("results").halls[index];
    hall.option(CoolingOption::Air).energy.facility_energy.value
}

#[test]
fn choosing_dx_crac_units_and_a_split_edits_the_hall_and_its_energy() {
    let mut harness = harness(None);
    select_hall(&mut harness, 1);
    show(&mut harness, View::Site);
    harness.check_accessibility();
    // The example's hall B2 leaves its plant to the default (chilled water and a tower).
    assert_eq!(hall(&harness, 1).plant, None);
    let tower = air_energy(&harness, 1);
    // A combo box shows its choice as its value.
    open_combo(&mut harness, "Chilled water, cooling tower");
    harness.get_by_label("DX CRAC units").click();
    harness.run();
    let dx_room = AirPlant::DxCrac {
        economiser: false,
        adiabatic: false,
    };
    assert_eq!(hall(&harness, 1).plant, Some(dx_room));
    // Constant-speed blowers and compressors on the dry bulb, no economiser: more energy.
    let dx = air_energy(&harness, 1);
    assert!(dx > tower, "DX {dx} vs tower {tower}");
    // A DX room's UPS defaults to N; N+1 asks for its module count.
    open_combo(&mut harness, "N");
    harness.get_by_label("N+1").click();
    harness.run();
    let n_plus_1 = UpsRedundancy::NPlus1 { modules: 4 };
    assert_eq!(hall(&harness, 1).ups_redundancy, Some(n_plus_1));
    assert!(harness.query_all_by_label("UPS modules (N of N+1)").count() >= 1);
    // A transformerless UPS loses less: less energy again.
    open_combo(&mut harness, "Legacy (with transformer)");
    harness.get_by_label("Modern (transformerless)").click();
    harness.run();
    assert_eq!(hall(&harness, 1).ups_curve, Some(UpsCurve::Modern));
    let modern = air_energy(&harness, 1);
    assert!(modern < dx);
    // An IT capacity of its own starts at the air capacity (900 kW); the UPS is rated from it.
    let label = "IT capacity (UPS rated from it)";
    let row = harness
        .get_all_by_label(label)
        .next()
        .unwrap()
        .rect()
        .center()
        .y;
    let on_row = |n: &egui_kittest::Node<'_>| (n.rect().center().y - row).abs() < 12.0;
    {
        let mut boxes = harness.get_all_by_role(Role::CheckBox);
        boxes.find(on_row).expect("its checkbox").click();
    }
    harness.run();
    let capacity = hall(&harness, 1).it_capacity.expect("set");
    assert_eq!(capacity, hall(&harness, 1).air_cooling_capacity);
    // The split row shows with a measured PUE only (B2 has none; A1 measured 1.55).
    assert!(harness.query_by_label("Calibration split").is_none());
    select_hall(&mut harness, 0);
    // What the engine made of A1's plant, in the report's words.
    harness.get_by_label_contains("Measured PUE 1.55; the model gives 1.38 on air");
    harness.get_by_label_contains("cold plate needs a trim chiller of 1,389 kW");
    open_combo(&mut harness, "Uniform (the model's own ratio)");
    harness.get_by_label("All on the fixed parts").click();
    harness.run();
    let split = Some(CalibrationSplit::Fixed);
    assert_eq!(hall(&harness, 0).calibration_split, split);
    let results = harness.state().state.analysis.results.as_ref().unwrap();
    let c = results.plant[0].calibration.expect("A1 is calibrated");
    assert_eq!(c.split, CalibrationSplit::Fixed);
    assert_eq!(c.factor_proportional, 1.0);
    harness.get_by_label_contains("(all on the fixed parts)");
}

/// Opens the combo box showing `value`, scrolled into view first as a user would (the site's
/// properties above the hall's run long).
fn open_combo(harness: &mut egui_kittest::Harness<'_, coolplan::app::CoolplanApp>, value: &str) {
    harness.get_by_value(value).scroll_to_me();
    harness.run();
    harness.get_by_value(value).click();
    harness.run();
}
