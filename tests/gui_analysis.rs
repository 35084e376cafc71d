//! GUI tests of the Analysis view: the Monte Carlo run in the background (progress, cancel,
//! result) and the phased plan (cash-flow chart, payback, why each group is in its year).
//! Background results are awaited by stepping frames until the panel says it is done.

mod gui_support;

use coolplan::app::state::View;
use coolplan::engine::CoolingOption;
use egui_kittest::kittest::Queryable;
use gui_support::{harness, run_until, show};

fn monte_carlo_running(app: &coolplan::app::CoolplanApp) -> bool {
    app.panels.analysis.is_running()
}

/// Run shows the progress bar; Cancel stops the run: the bar goes, Run is back, no result
/// and a "cancelled" note instead.
#[test]
fn monte_carlo_run_then_cancel_stops_and_shows_no_result() {
    let mut harness = harness(None);
    // Enough samples that the run cannot finish between two frames in a debug build.
    harness.state_mut().panels.analysis.samples = 1_000_000;
    show(&mut harness, View::Analysis);
    harness.get_by_label("Run").click();
    harness.step();
    harness.step();
    assert!(monte_carlo_running(harness.state()));
    harness.get_by_label_contains("Monte Carlo progress");
    assert!(harness.query_by_label("Run").is_none());
    harness.get_by_label("Cancel").click();
    run_until(&mut harness, 60.0, |app| !monte_carlo_running(app));
    assert!(
        harness
            .query_by_label_contains("Monte Carlo progress")
            .is_none()
    );
    harness.get_by_label("Run");
    harness.get_by_label("Monte Carlo cancelled");
    assert!(harness.query_by_label_contains("P10 / P50 / P90").is_none());
}

/// A short run completes: P10 / P50 / P90 of NPV per option, each P10 ≤ P50 ≤ P90.
#[test]
fn monte_carlo_run_completes_with_p10_p50_p90() {
    let mut harness = harness(None);
    harness.state_mut().panels.analysis.samples = 64;
    show(&mut harness, View::Analysis);
    harness.get_by_label("Run").click();
    run_until(&mut harness, 120.0, |app| !monte_carlo_running(app));
    harness.get_by_label("NPV P10 / P50 / P90");
    harness.get_by_label("Probability best");
    let mc = harness
        .state()
        .panels
        .analysis
        .monte_carlo_result()
        .expect("a finished run")
        .clone();
    assert_eq!(mc.samples, 64);
    assert_eq!(mc.options.len(), CoolingOption::ALL.len());
    for option in &mc.options {
        assert!(option.npv.p10.amount <= option.npv.p50.amount);
        assert!(option.npv.p50.amount <= option.npv.p90.amount);
    }
    // The row of cold plate shows its three NPVs as the report words them.
    let cold_plate = mc
        .options
        .iter()
        .find(|o| o.option == CoolingOption::ColdPlate)
        .unwrap();
    let words = |m| coolplan::report::words::money(m, coolplan::i18n::Lang::En);
    let npvs = format!(
        "{} / {} / {}",
        words(cold_plate.npv.p10),
        words(cold_plate.npv.p50),
        words(cold_plate.npv.p90)
    );
    harness.get_by_label(&npvs);
}
