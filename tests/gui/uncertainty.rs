//! GUI test of the uncertainty editor (Analysis view): add an input from the picker by its
//! name, give it a triangular range and type a bound, see a range the file would refuse kept
//! out of the site with the file's own message, see the tornado and the Monte Carlo vary the
//! input, and undo back to no input.

use crate::support::{harness, run_until, show};
use coolplan::app::sample::example_site;
use coolplan::app::state::View;
use coolplan::engine::CoolingOption;
use coolplan::i18n::{Lang, Say};
use coolplan::model::assumptions::{Amount, AssumptionKey, prices};
use coolplan::model::uncertainty::prepare;
use coolplan::model::uncertainty::{Range, Uncertain};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

const ELECTRICITY: AssumptionKey = AssumptionKey::Prices(prices::Key::electricity);

fn ranges(harness: &egui_kittest::Harness<'_, coolplan::app::CoolplanApp>) -> Vec<Uncertain> {
    harness.state().state.doc.site.uncertainty.clone()
}

/// Types `text` into the number field labelled `label` and presses Enter.
fn type_into(
    harness: &mut egui_kittest::Harness<'_, coolplan::app::CoolplanApp>,
    label: &str,
    text: &str,
) {
    harness.get_by_label(label).focus();
    harness.run();
    harness.get_by_label(label).type_text(text);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
}

/// Clicks the entry `choice` of the open combo box (not a label saying the same).
fn pick(harness: &mut egui_kittest::Harness<'_, coolplan::app::CoolplanApp>, choice: &str) {
    harness
        .get_by(|node| {
            node.label().as_deref() == Some(choice) && node.role() != egui::accesskit::Role::Label
        })
        .click();
    harness.run();
}

#[test]
fn an_added_range_feeds_the_tornado_and_monte_carlo_and_undo_removes_it() {
    let mut site = example_site().unwrap();
    site.uncertainty.clear();
    let mut harness = harness(Some(site));
    harness.state_mut().state.studies.monte_carlo.samples = 16;
    show(&mut harness, View::Analysis);
    harness.get_by_label("No uncertain inputs yet: add one below.");

    // Add: the picker lists the assumptions by name, narrowed by the filter; a new input
    // starts at ± 10 %.
    let find = harness.get_by_label("Find an input by name or key");
    find.focus();
    find.type_text("electricity");
    harness.run();
    harness.get_by_label("Add an uncertain input…").click();
    harness.run();
    pick(&mut harness, "Electricity price (electricity)");
    assert_eq!(
        ranges(&harness),
        [Uncertain {
            input: ELECTRICITY,
            range: Range::Percent(10.0)
        }]
    );

    // Triangular around the value now: ai-hall's electricity is the default 0.75 CNY/kWh,
    // so 0.75 × 0.9 = 0.675 low, 0.75 most likely, 0.75 × 1.1 = 0.825 high.
    harness
        .get_by_label("Distribution of Electricity price (electricity)")
        .click();
    harness.run();
    pick(&mut harness, "Triangular (low, most likely, high)");
    let Range::Triangular { low, mode, high } = ranges(&harness)[0].range.clone() else {
        panic!("a triangular range expected: {:?}", ranges(&harness));
    };
    let tag = Some("CNY_per_kWh".to_string());
    assert_eq!((&low.tag, &mode.tag, &high.tag), (&tag, &tag, &tag));
    assert!((low.number - 0.675).abs() < 1e-12, "{low:?}");
    assert_eq!(mode.number, 0.75);
    assert!((high.number - 0.825).abs() < 1e-12, "{high:?}");

    // Typing a bound sets it.
    type_into(&mut harness, "high", "0.9");
    let range = Range::Triangular {
        low: low.clone(),
        mode: mode.clone(),
        high: Amount::tagged("CNY_per_kWh", 0.9),
    };
    assert_eq!(ranges(&harness)[0].range, range);

    // A low bound above the most likely value: the file would refuse it, so the site keeps
    // its range and the row says why, in the file's words.
    type_into(&mut harness, "low", "0.8");
    assert_eq!(ranges(&harness)[0].range, range);
    let mut refused = harness.state().state.doc.site.clone();
    refused.uncertainty[0].range = Range::Triangular {
        low: Amount::tagged("CNY_per_kWh", 0.8),
        mode: mode.clone(),
        high: Amount::tagged("CNY_per_kWh", 0.9),
    };
    let problems = prepare::validate(&refused);
    assert_eq!(problems.len(), 1, "{problems:?}");
    harness.get_by_label(&problems[0].say(Lang::En));

    // The tornado varies the input over 0.675–0.9: one bar, electricity's.
    harness.get_by_label("Compute sensitivity").click();
    harness.run();
    let state = &harness.state().state;
    let tornado = state
        .studies
        .tornado_of(state.doc.revision)
        .expect("a tornado of the site as it is")
        .as_ref()
        .expect("the tornado computes");
    assert_eq!(tornado.bars.len(), 1);
    assert_eq!(tornado.bars[0].input, ELECTRICITY);
    assert_eq!(tornado.bars[0].high.written, "CNY_per_kWh(0.9)");
    assert!((tornado.bars[0].low.value - 0.675).abs() < 1e-12);
    assert!(tornado.bars[0].swing.amount > 0.0);

    // So does the Monte Carlo: cold plate's NPV spreads (it saves electricity).
    harness.get_by_label("Run").click();
    harness.step();
    run_until(&mut harness, 120.0, |app| {
        !app.state.studies.monte_carlo.is_running()
    });
    let mc = harness
        .state()
        .state
        .studies
        .monte_carlo
        .result()
        .expect("a finished run")
        .clone();
    assert_eq!(mc.samples, 16);
    let cold_plate = mc
        .options
        .iter()
        .find(|o| o.option == CoolingOption::ColdPlate)
        .unwrap();
    assert!(cold_plate.npv.p10.amount < cold_plate.npv.p90.amount);

    // Three edits (add, distribution, high bound), three undo steps back to no input.
    for _ in 0..3 {
        assert!(!ranges(&harness).is_empty());
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        harness.run();
    }
    assert!(ranges(&harness).is_empty());
    harness.get_by_label("No uncertain inputs yet: add one below.");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    assert_eq!(
        ranges(&harness),
        [Uncertain {
            input: ELECTRICITY,
            range: Range::Percent(10.0)
        }]
    );
}
