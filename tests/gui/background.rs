//! GUI tests of the recompute off the UI thread. Each waits for the background result by
//! stepping frames until the app says it is done, so the tests are deterministic.

use crate::support::{harness, run_until};
use coolplan::app::command::Command;
use coolplan::app::edit::Edit;
use coolplan::app::recompute::BACKGROUND_FROM_GROUPS;
use coolplan::app::sample::{example_site, large_site};
use coolplan::app::undo::Gesture;
use egui_kittest::kittest::Queryable;

/// Two quick edits of a large site: the status bar says "recomputing…" while the worker runs,
/// then the time; the analysis adopted is of the latest edit (the first one's is dropped) and
/// equals an analysis of the same site on this thread.
#[test]
fn a_large_site_recomputes_off_the_ui_thread_and_the_latest_edit_wins() {
    let site = large_site(&example_site().unwrap(), BACKGROUND_FROM_GROUPS);
    let mut harness = harness(Some(site));
    harness.get_by_label_contains("recompute ");
    for count in [5, 7] {
        harness.state_mut().queue(Command::Edit(
            Edit::SetRackCount((0, 0), count),
            Gesture::Step,
        ));
        // The frame draws, then applies the edit and hands the site to the worker.
        harness.step();
    }
    assert!(harness.state().state.is_recomputing());
    // The next frame draws before it polls the worker: the status bar says it is busy.
    harness.step();
    harness.get_by_label("recomputing…");
    run_until(&mut harness, 120.0, |app| !app.state.is_recomputing());
    assert!(harness.query_by_label("recomputing…").is_none());
    harness.get_by_label_contains("recompute ");
    let state = &harness.state().state;
    assert_eq!(state.doc.site.halls[0].racks[0].count, 7);
    assert_eq!(state.analysis.revision, state.doc.revision);
    let on_this_thread = coolplan::app::analysis::analyse(&state.doc.site, None);
    assert!(state.analysis.results.is_some());
    assert_eq!(state.analysis.results, on_this_thread.results);
}

/// A small site recomputes at once: the edit's results are there after the frame that
/// applied it, and nothing is left running.
#[test]
fn a_small_site_recomputes_at_once() {
    let mut harness = harness(None);
    harness
        .state_mut()
        .queue(Command::Edit(Edit::SetRackCount((0, 3), 9), Gesture::Step));
    harness.step();
    let state = &harness.state().state;
    assert!(!state.is_recomputing());
    assert_eq!(state.analysis.revision, state.doc.revision);
    let on_this_thread = coolplan::app::analysis::analyse(&state.doc.site, None);
    assert_eq!(state.analysis.results, on_this_thread.results);
}
