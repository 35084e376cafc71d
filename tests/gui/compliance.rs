//! GUI test of the Compliance view: the profile's `comply_by` edited in its combo box changes
//! the plan's verdict the view shows (ai-hall, Beijing: no plan reaches PUE 1.35).

use crate::support::{harness, run_until, show};
use coolplan::app::state::View;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

/// Opens the combo box "Plan must comply by" and picks `choice`.
fn pick_comply_by(harness: &mut Harness<'_, coolplan::app::CoolplanApp>, choice: &str) {
    harness
        .get_by_role_and_label(Role::ComboBox, "Plan must comply by")
        .click();
    harness.run();
    {
        // the popup's entry, not a year of the tables below
        let mut entries = harness.get_all_by_label(choice);
        let entry = entries.find(|n| n.accesskit_node().role() != Role::Label);
        entry.expect("the popup's entry").click();
    }
    harness.run();
}

/// Whether some widget's label contains `text`.
fn shown(harness: &Harness<'_, coolplan::app::CoolplanApp>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}

fn constraint_year(app: &coolplan::app::CoolplanApp) -> Option<u16> {
    let results = app.state.analysis.results.as_ref()?;
    results.compliance.comply_by.as_ref().map(|c| c.year())
}

#[test]
fn editing_comply_by_changes_the_plans_verdict() {
    let mut harness = harness(None);
    show(&mut harness, View::Compliance);
    // The example must comply by 2027: the view says no plan does, naming the rule with the
    // best value reached (1.422 in 2027 against ≤ 1.35).
    // (in the view, and in the header figure's tip)
    assert!(shown(
        &harness,
        "The site must comply by 2027, and no plan found does"
    ));
    assert!(shown(
        &harness,
        "工作目标: at best 1.422 in 2027 against PUE ≤ 1.35"
    ));
    harness.get_by_label_contains("Export EED");
    // the header says it too
    harness.get_by_label("Comply by 2027");
    harness.get_by_label("cannot: best 1.422, PUE ≤ 1.35");
    // No year: the constraint goes, and with it the verdict line.
    pick_comply_by(&mut harness, "no year");
    run_until(&mut harness, 60.0, |app| {
        app.state
            .doc
            .site
            .compliance
            .as_ref()
            .unwrap()
            .comply_by
            .is_none()
            && constraint_year(app).is_none()
    });
    assert!(
        harness
            .query_by_label_contains("The site must comply by")
            .is_none()
    );
    // 2030: the verdict is back for that year; from 2028 every group is present, the plan at
    // 1.427 (KPI table: rear doors on the B200 racks) and the best mix at 1.377.
    pick_comply_by(&mut harness, "2030");
    run_until(&mut harness, 60.0, |app| constraint_year(app) == Some(2030));
    assert!(shown(
        &harness,
        "The site must comply by 2030, and no plan found does"
    ));
    assert!(shown(
        &harness,
        "工作目标: at best 1.377 in 2030 against PUE ≤ 1.35 (the plan: 1.427)"
    ));
}
