//! GUI tests of the Analysis view: the Monte Carlo run in the background (progress, cancel,
//! result) and the phased plan (cash-flow chart, payback, why each group is in its year).
//! Background results are awaited by stepping frames until the panel says it is done.

use crate::support::{harness, run_until, show};
use coolplan::app::state::View;
use coolplan::engine::CoolingOption;
use egui_kittest::kittest::Queryable;

fn monte_carlo_running(app: &coolplan::app::CoolplanApp) -> bool {
    app.state.studies.monte_carlo.is_running()
}

/// Run shows the progress bar; Cancel stops the run: the bar goes, Run is back, no result
/// and a "cancelled" note instead.
#[test]
fn monte_carlo_run_then_cancel_stops_and_shows_no_result() {
    let mut harness = harness(None);
    // Enough samples that the run cannot finish between two frames in a debug build.
    harness.state_mut().state.studies.monte_carlo.samples = 1_000_000;
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
    harness.state_mut().state.studies.monte_carlo.samples = 64;
    show(&mut harness, View::Analysis);
    harness.get_by_label("Run").click();
    // The click is handled in the next frame: the run starts there.
    harness.step();
    assert!(monte_carlo_running(harness.state()));
    run_until(&mut harness, 120.0, |app| !monte_carlo_running(app));
    harness.get_by_label("NPV P10 / P50 / P90");
    harness.get_by_label("Probability best");
    let mc = harness
        .state()
        .state
        .studies
        .monte_carlo
        .result()
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
    let words = |m| coolplan::i18n::results::money(m, coolplan::i18n::Lang::En);
    let npvs = format!(
        "{} / {} / {}",
        words(cold_plate.npv.p10),
        words(cold_plate.npv.p50),
        words(cold_plate.npv.p90)
    );
    assert!(harness.query_all_by_label(&npvs).count() >= 1, "{npvs}");
}

/// ai-hall under 5 M CNY a year (the figures `coolplan analyze --budget "CNY(5000000)"`
/// prints): the plan does not pay back within the horizon (the plant's fixed parts stay when
/// heat moves to liquid, and the dry coolers need a trim chiller in Beijing, method.md §7);
/// each group says why it is in its year, in the words the CLI uses.
#[test]
fn the_phased_plan_shows_its_payback_chart_and_why_each_group_is_in_its_year() {
    let mut harness = harness(None);
    harness.state_mut().state.studies.plan.budget = Some(coolplan::units::Money::new(
        5_000_000.0,
        coolplan::units::Currency::CNY,
    ));
    show(&mut harness, View::Analysis);
    harness.get_by_label("Plan").click();
    harness.run();
    harness.get_by_label("The plan does not pay back within the horizon");
    let revision = harness.state().state.analysis.revision;
    let plan = harness
        .state()
        .state
        .studies
        .plan
        .current(revision)
        .expect("a plan")
        .clone();
    // Cumulative savings climb after the last conversion (2028) but stay below zero: −2.29 M CNY
    // at the end of 2035, −1.29 M CNY at the end of 2036 (discounted −3.89 M, −3.42 M).
    let at = |year: u16| plan.cumulative.iter().find(|(y, _)| *y == year).unwrap().1;
    assert!(at(2035).amount < at(2036).amount && at(2036).amount < 0.0);
    harness.get_by_label("Why each group is in its year");
    for group in &plan.groups {
        let why = coolplan::i18n::results::plan_reason(&group.reason, coolplan::i18n::Lang::En);
        assert!(
            harness.query_all_by_label(&why).count() >= 1,
            "{}: {why} not shown",
            group.group
        );
    }
    // The nine groups that run on air today stay there: no option gains NPV against air
    // (the CLI: "stays on air — no option gains NPV against air").
    assert_eq!(plan.groups.iter().filter(|g| g.choice.is_none()).count(), 9);
    // The three new groups air cannot cool (B200 ×2 in 2027 to passive rear doors, NVL72 in
    // 2028 to cold plate) convert in their first possible year.
    assert_eq!(
        harness
            .query_all_by_label("Rear door, passive 2027")
            .count(),
        2
    );
    assert_eq!(harness.query_all_by_label("Cold plate 2028").count(), 1);
    let first_year = "air cannot cool it: converts in its first possible year";
    assert_eq!(harness.query_all_by_label(first_year).count(), 3);
}

/// File › Open of another site: its CDU N+1 checks show at once (they come with the
/// analysis), and a tornado of the previous site is not shown for the new one.
#[test]
fn the_n_plus_one_checks_show_right_after_opening_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("opened.ron");
    let example = coolplan::app::sample::example_site().unwrap();
    coolplan::io::save_site(&path, &example, Default::default()).unwrap();
    let mut empty = example.clone();
    for hall in &mut empty.halls {
        hall.racks.truncate(1);
    }
    let mut harness = harness(Some(empty));
    show(&mut harness, View::Analysis);
    harness.get_by_label("Compute sensitivity").click();
    harness.run();
    assert!(harness.state().state.studies.tornado.is_some());
    harness
        .state_mut()
        .queue(coolplan::app::command::Command::LoadFile(path));
    harness.run();
    assert!(harness.state().state.studies.tornado.is_none());
    harness.get_by_label("Compute sensitivity");
    let checks = &harness.state().state.analysis.redundancy;
    assert!(!checks.is_empty());
    assert!(harness.query_all_by_label_contains("N+1").count() >= checks.len());
}
