//! The site's cooling options as checkboxes (Site view): unticking one removes its Compare
//! column and the plan never picks it; undo brings both back; air cannot be unticked.

use crate::support::{harness, show};
use coolplan::app::CoolplanApp;
use coolplan::app::command::Command;
use coolplan::app::edit::Edit;
use coolplan::app::state::View;
use coolplan::app::undo::Gesture;
use coolplan::engine::CoolingOption;
use coolplan::model::{Cooling, CoolingRule};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// Whether the plan puts a rack group on immersion.
fn plans_immersion(harness: &Harness<'_, CoolplanApp>) -> bool {
    let results = harness
        .state()
        .state
        .analysis
        .results
        .as_ref()
        .expect("results");
    (results.plan.groups.iter()).any(|g| g.option == Some(CoolingOption::Immersion))
}

#[test]
fn unticking_immersion_removes_its_compare_column_and_the_plan_never_picks_it() {
    let mut harness = harness(None);
    // H100-B01 (hall 0, group 3) with air ruled out: the plan immerses it (engine test
    // offered.rs), so the plan and the Compare view both show immersion.
    // a site offering air, cold plate and immersion (the checkboxes' state)
    let mut props = harness.state().state.doc.site.clone();
    props.cooling_options = Some(vec![Cooling::Air, Cooling::ColdPlate, Cooling::Immersion]);
    harness.state_mut().queue(Command::Edit(
        Edit::SetSiteProps(Box::new(props)),
        Gesture::Step,
    ));
    harness.run();
    let mut rack = harness.state().state.doc.site.halls[0].racks[3].clone();
    assert_eq!(rack.name, "H100-B01");
    rack.cooling = Some(CoolingRule::Exclude(vec![Cooling::Air]));
    harness.state_mut().queue(Command::Edit(
        Edit::SetRack((0, 3), Box::new(rack)),
        Gesture::Step,
    ));
    harness.run();
    assert!(plans_immersion(&harness));
    show(&mut harness, View::Compare);
    assert!(harness.query_all_by_label("Immersion").count() >= 1);

    show(&mut harness, View::Site);
    // air stays offered: its checkbox does not change
    let offered = harness.state().state.doc.site.cooling_options.clone();
    harness.get_by_role_and_label(Role::CheckBox, "Air").click();
    harness.run();
    assert_eq!(harness.state().state.doc.site.cooling_options, offered);
    harness
        .get_by_role_and_label(Role::CheckBox, "Immersion")
        .click();
    harness.run();
    assert_eq!(
        harness.state().state.doc.site.cooling_options,
        Some(vec![Cooling::Air, Cooling::ColdPlate])
    );
    assert!(!plans_immersion(&harness));
    show(&mut harness, View::Compare);
    assert_eq!(
        harness.query_all_by_label("Immersion").count(),
        0,
        "no Immersion column, heading or reason left in Compare"
    );
    assert!(harness.query_all_by_label("Cold plate").count() >= 1);

    // undo, like every edit
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().state.doc.site.cooling_options, offered);
    assert!(plans_immersion(&harness));
    assert!(harness.query_all_by_label("Immersion").count() >= 1);
}
