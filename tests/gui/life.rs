//! GUI test of server life and refresh: the rack view edits a server group's install year,
//! service life and refresh policy, and the figures follow.

use crate::support::{harness, run_until, show};
use coolplan::app::command::Command;
use coolplan::app::state::{Selection, View};
use coolplan::engine::CoolingOption::ColdPlate;
use coolplan::model::Refresh;
use egui_kittest::kittest::Queryable;

#[test]
fn the_rack_view_edits_install_year_life_and_refresh() {
    let mut harness = harness(None);
    harness.state_mut().queue(Command::Select(Selection {
        hall: Some(0),
        rack: Some(3),
    }));
    show(&mut harness, View::Rack);
    let group = |h: &egui_kittest::Harness<'_, coolplan::app::CoolplanApp>| {
        h.state().state.doc.site.halls[0].racks[3].servers[0].clone()
    };
    // ai-hall's H100-B01 went in in 2023: unticking the year takes the study's first year
    assert_eq!(group(&harness).installed, Some(2023));
    let figures = |h: &egui_kittest::Harness<'_, coolplan::app::CoolplanApp>| {
        let results = h.state().state.analysis.results.clone().unwrap();
        let cold_plate = &results.racks[3].options[ColdPlate];
        (cold_plate.capex.amount, cold_plate.npv_vs_air.amount)
    };
    let (capex, npv) = figures(&harness);
    harness.get_by_label("Installed (year)").click();
    harness.run();
    assert_eq!(group(&harness).installed, None);
    run_until(&mut harness, 30.0, |app| {
        let results = app.state.analysis.results.as_ref().unwrap();
        results.racks[3].options[ColdPlate].npv_vs_air.amount != npv
    });
    // installed 2026 instead of 2023: the H100s are refreshed in 2031 and 2036 instead of 2028
    // and 2033, two refreshes either way (the same CAPEX), but later: a better NPV
    let (capex_after, npv_after) = figures(&harness);
    assert_eq!(capex_after, capex);
    assert!(npv_after > npv);
    // an own service life starts at the model's (GPU: 5 years)
    harness.get_by_label("Service life (years)").click();
    harness.run();
    let life = group(&harness).service_life.unwrap();
    assert_eq!(life.in_unit(coolplan::units::TimeUnit::year), 5.0);
    // the refresh policy: retire without replacement
    // the label and the chooser it names: the chooser is the second
    let chooser = harness.get_all_by_label("At retirement").nth(1).unwrap();
    chooser.click();
    harness.run();
    harness.get_by_label("retire, no replacement").click();
    harness.run();
    assert_eq!(group(&harness).refresh, Some(Refresh::Retire));
}
