//! GUI tests of invalid input: a field that validation rejects is marked in the editor where
//! it is edited (the message beside it and on hover), and the status bar counts it.

use crate::support::{harness, show};
use coolplan::app::command::Command;
use coolplan::app::edit::Edit;
use coolplan::app::kit::PROBLEM_SIGN;
use coolplan::app::state::{Selection, View};
use coolplan::app::undo::Gesture;
use coolplan::i18n::Say;
use egui_kittest::kittest::Queryable;

/// A rack group's count of 0 is an error, marked on the rack view's Count row.
#[test]
fn a_zero_rack_count_is_marked_on_its_field_and_counted_in_the_status_bar() {
    let mut harness = harness(None);
    let before = harness.state().state.analysis.problems.len();
    harness.state_mut().queue(Command::Select(Selection {
        hall: Some(0),
        rack: Some(3),
    }));
    show(&mut harness, View::Rack);
    let message = "the value 0 must be greater than zero";
    assert!(harness.query_by_label_contains(message).is_none());
    harness
        .state_mut()
        .queue(Command::Edit(Edit::SetRackCount((0, 3), 0), Gesture::Step));
    harness.run();
    let problems = harness.state().state.analysis.problems.len();
    assert_eq!(problems, before + 1);
    harness.get_by_label(&format!("{problems} problem(s)"));
    // The mark stands on the Count row, beside the count editor.
    let mark = harness.get_by_label_contains(message);
    let mark_y = mark.rect().center().y;
    assert!(
        harness
            .query_all_by_label("Count")
            .any(|row| (row.rect().center().y - mark_y).abs() < 12.0),
        "the mark is not on the Count row"
    );
    // Hovering the mark shows the message in full.
    mark.hover();
    harness.run();
    assert!(harness.query_all_by_label_contains(message).count() >= 2);
    // A valid value clears the mark and the count.
    harness
        .state_mut()
        .queue(Command::Edit(Edit::SetRackCount((0, 3), 2), Gesture::Step));
    harness.run();
    assert!(harness.query_by_label_contains(message).is_none());
    assert_eq!(harness.state().state.analysis.problems.len(), before);
}

/// A discount rate of 1.5 (150 %) is outside 0..=1: the assumptions editor marks its row.
#[test]
fn an_out_of_range_assumption_is_marked_in_the_assumptions_editor() {
    let mut harness = harness(None);
    let mut assumptions = harness.state().state.doc.site.assumptions.clone();
    assumptions.finance.discount_rate = Some(1.5);
    harness.state_mut().queue(Command::Edit(
        Edit::SetAssumptions(Box::new(assumptions)),
        Gesture::Step,
    ));
    harness.run();
    show(&mut harness, View::Assumptions);
    let problem = harness
        .state()
        .state
        .analysis
        .problems
        .iter()
        .find(|p| {
            coolplan::i18n::say::validation::path_text(&p.problem, coolplan::i18n::Lang::En)
                .contains("discount_rate")
        })
        .expect("a problem at finance.discount_rate")
        .problem
        .kind
        .say(coolplan::i18n::Lang::En);
    assert!(problem.contains("1.5"), "{problem}");
    let mark = harness.get_by_label_contains(&problem);
    let row = harness.get_by_label("discount_rate");
    assert!((row.rect().center().y - mark.rect().center().y).abs() < 12.0);
    // No results while an error stands: the status bar counts it.
    assert!(harness.state().state.analysis.results.is_none());
    assert!(harness.query_by_label_contains("problem(s)").is_some());
}

/// A duplicate rack name is marked on the name cell of the inventory table.
#[test]
fn a_duplicate_rack_name_is_marked_in_the_inventory_table() {
    let mut harness = harness(None);
    let name = harness.state().state.doc.site.halls[0].racks[0]
        .name
        .clone();
    harness.state_mut().queue(Command::Edit(
        Edit::RenameRack((0, 1), name.clone()),
        Gesture::Step,
    ));
    harness.run();
    show(&mut harness, View::Inventory);
    // Both groups of that name carry the compact mark; its hover says why.
    let marks: Vec<_> = harness.query_all_by_label(PROBLEM_SIGN).collect();
    assert!(marks.len() >= 2, "{} marks", marks.len());
    marks[0].hover();
    harness.run();
    let message = format!("rack name \"{name}\" is used twice in this hall");
    harness.get_by_label(&message);
}

/// Clicking a problem in the status bar's list shows the editor of its field, marked: a site
/// model's field in the catalog, the site's name in the site panel.
#[test]
fn clicking_a_listed_problem_shows_its_field_marked_in_its_editor() {
    let mut site = coolplan::app::sample::example_site().unwrap();
    let mut model = site.catalog().models()[0].clone();
    model.id = "custom-x".into();
    model.utilisation = 1.7;
    site.catalog.push(model);
    site.name = " ".into();
    let mut harness = harness(Some(site));
    let problems = harness.state().state.analysis.problems.len();
    assert!(problems >= 2, "{problems}");

    harness
        .get_by_label(&format!("{problems} problem(s)"))
        .click();
    harness.run();
    harness
        .get_by_label_contains("model \"custom-x\" › utilisation")
        .click();
    harness.run();
    assert_eq!(harness.state().state.view, View::Catalog);
    // The catalog editor opened the model (its id in the list and as the editor's heading),
    // its utilisation marked.
    assert_eq!(harness.query_all_by_label("custom-x").count(), 2);
    let mark = harness.get_by_label_contains("the fraction 1.7 must lie between 0 and 1");
    let row = harness.get_by_label("utilisation");
    assert!((row.rect().center().y - mark.rect().center().y).abs() < 12.0);

    harness
        .get_by_label(&format!("{problems} problem(s)"))
        .click();
    harness.run();
    harness.get_by_label_contains("name: ").click();
    harness.run();
    assert_eq!(harness.state().state.view, View::Site);
    harness.get_by_label_contains("the name is empty");
}
