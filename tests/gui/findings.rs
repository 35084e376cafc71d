//! The small findings of issue 20, each driven as the user met it: a view's scroll position
//! stays with that view, a notice never moves the view tabs, File › New starts blank, and the
//! first keystrokes typed into a shipped catalog model all arrive.

use coolplan::app::command::Command;
use coolplan::app::state::View;
use coolplan::i18n::Text;
use coolplan::i18n::gui::Gui;
use coolplan::units::{PowerQ, PowerUnit};
use egui_kittest::kittest::Queryable;

use crate::support::{harness, show};

/// Top edge of the highest node labelled `label` (a field's label and its widget share it).
fn top_of(harness: &egui_kittest::Harness<'_, coolplan::app::CoolplanApp>, label: &str) -> f32 {
    harness
        .get_all_by_label(label)
        .map(|node| node.rect().top())
        .min_by(f32::total_cmp)
        .unwrap_or_else(|| panic!("no node labelled {label:?}"))
}

/// Scrolling the comparison down to its charts leaves the Site view at its top.
#[test]
fn a_scrolled_view_leaves_the_other_views_at_their_top() {
    let mut fresh = harness(None);
    show(&mut fresh, View::Site);
    let site_name_top = top_of(&fresh, Gui::SiteName.tr(coolplan::i18n::Lang::En));

    let mut harness = harness(None);
    show(&mut harness, View::Compare);
    let capex_top = top_of(&harness, "CAPEX up front (year 0)");
    harness
        .get_by_label(Gui::ChartMonthly.tr(coolplan::i18n::Lang::En))
        .scroll_to_me();
    harness.run();
    let scrolled = top_of(&harness, "CAPEX up front (year 0)");
    assert!(
        scrolled < capex_top - 300.0,
        "the comparison scrolled down: {capex_top} -> {scrolled}"
    );
    show(&mut harness, View::Site);
    let after = top_of(&harness, Gui::SiteName.tr(coolplan::i18n::Lang::En));
    assert_eq!(after, site_name_top, "the Site view starts at its top");
}

/// A notice ("Saved …") floats over the views: the tabs stay where they were.
#[test]
fn a_notice_does_not_move_the_view_tabs() {
    let mut harness = harness(None);
    let tab_top = top_of(&harness, "Compare");
    harness
        .state_mut()
        .queue(Command::Notify(coolplan::app::state::Notice {
            text: "Saved ai-hall.ron".into(),
            is_error: false,
        }));
    harness.run();
    assert!(
        harness
            .query_by_label_contains("Saved ai-hall.ron")
            .is_some()
    );
    assert_eq!(top_of(&harness, "Compare"), tab_top);
}

/// File › New on the example: one empty hall, no racks, none of the example's place or size.
#[test]
fn file_new_gives_an_empty_site_with_one_empty_hall() {
    let mut harness = harness(None);
    let example = harness.state().state.doc.site.clone();
    harness.state_mut().queue(Command::New);
    harness.run();
    let site = &harness.state().state.doc.site;
    assert_eq!(site.halls.len(), 1);
    assert!(site.halls[0].racks.is_empty());
    assert_ne!(
        site.location, example.location,
        "the example's location is not kept"
    );
    assert!(
        example.halls.iter().all(|h| h.area != site.halls[0].area),
        "the new hall does not inherit an example hall's area"
    );
    assert!(
        harness.state().state.analysis.problems.is_empty(),
        "a blank site is valid"
    );
}

/// Typing 11 into a shipped model's maximum power, one key per frame as a user types, gives
/// 11 kW: the override the first key creates does not drop the field's focus.
#[test]
fn typing_into_a_shipped_model_keeps_every_keystroke() {
    let mut harness = crate::support::harness_sized(None, [1400.0, 1000.0]);
    show(&mut harness, View::Catalog);
    let search = harness.get_by_label("Search id, name, vendor or alias");
    search.focus();
    search.type_text("hgx-h200");
    harness.run();
    harness.get_by_label("hgx-h200").click();
    harness.run();
    // The shipped hgx-h200 draws 10.2 kW at most.
    harness.get_by_value("10.2 kW").click();
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run();
    for key in ["1", "1"] {
        harness.event(egui::Event::Text(key.into()));
        harness.run();
    }
    harness.key_press(egui::Key::Enter);
    harness.run();
    let model = harness
        .state()
        .state
        .catalog
        .get("hgx-h200")
        .expect("the model is there")
        .clone();
    assert_eq!(model.max_power, PowerQ::new(11.0, PowerUnit::kW));
}

/// The N+1 section opens with a verdict over every hall plant before the CDU rows.
#[test]
fn the_n_plus_one_section_starts_with_a_summary_over_the_halls() {
    let mut harness = harness(None);
    show(&mut harness, View::Analysis);
    // ai-hall: hall B2's cold-plate plant keeps N+1 (the snapshot lists its CDUs); hall A1's
    // plan puts rear doors on its B200 racks, which have no CDU plant of their own to check.
    harness.get_by_label("N+1 holds in 1 of 1 hall cooling plants");
    assert!(harness.query_by_label_contains("Fails in:").is_none());
}
