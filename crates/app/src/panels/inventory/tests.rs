//! The inventory driven like a user on the bundled example: Ctrl+click and Shift+click select
//! rows, the bulk bar sets every selected group in one undo step, a spreadsheet paste updates
//! and adds groups, and the totals line adds up the rows shown.

use egui::Modifiers;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::CoolplanApp;
use crate::command::Command;
use crate::state::View;
use crate::test_harness::example_view;

/// The app on the bundled example, showing the inventory.
fn inventory_view() -> Harness<'static, CoolplanApp> {
    example_view(View::Inventory, [1500.0, 1000.0])
}

/// Clicks the name of rack group `name` with `modifiers` held.
fn click_row(harness: &mut Harness<'static, CoolplanApp>, name: &str, modifiers: Modifiers) {
    harness.get_by_label(name).click_modifiers(modifiers);
    harness.run();
}

fn counts(harness: &Harness<'_, CoolplanApp>) -> Vec<u64> {
    harness.state().state.doc.site.halls[0]
        .racks
        .iter()
        .map(|r| r.count)
        .collect()
}

#[test]
fn ctrl_click_selects_two_groups_and_one_bulk_set_changes_both_in_one_undo_step() {
    let mut harness = inventory_view();
    let before = counts(&harness);
    // CPU-A01 holds 8 racks and H100-B01 6: the bulk count of 1 changes both
    click_row(&mut harness, "CPU-A01", Modifiers::NONE);
    click_row(&mut harness, "H100-B01", Modifiers::COMMAND);
    harness.get_by_label("2 selected");
    // the first "Set" of the bulk bar is the count's
    harness.get_all_by_label("Set").next().unwrap().click();
    harness.run();
    let after = counts(&harness);
    let names: Vec<&str> = harness.state().state.doc.site.halls[0]
        .racks
        .iter()
        .map(|r| r.name.as_str())
        .collect();
    for (i, name) in names.iter().enumerate() {
        let expected = if ["CPU-A01", "H100-B01"].contains(name) {
            1
        } else {
            before[i]
        };
        assert_eq!(after[i], expected, "{name}");
    }
    assert_ne!(before, after);
    harness.state_mut().queue(Command::Undo);
    harness.run();
    assert_eq!(counts(&harness), before, "one undo restores both groups");
}

#[test]
fn shift_click_selects_the_range_in_the_order_shown() {
    let mut harness = inventory_view();
    click_row(&mut harness, "CPU-A01", Modifiers::NONE);
    click_row(&mut harness, "H100-B01", Modifiers::SHIFT);
    // CPU-A01, CPU-A02, 存储-A03, H100-B01
    harness.get_by_label("4 selected");
    let selected = &harness.state().panels.inventory.selected;
    assert_eq!(
        selected.iter().copied().collect::<Vec<_>>(),
        [(0, 0), (0, 1), (0, 2), (0, 3)]
    );
}

#[test]
fn a_spreadsheet_paste_updates_one_group_and_adds_another_in_one_undo_step() {
    let mut harness = inventory_view();
    let hall = harness.state().state.doc.site.halls[0].name.clone();
    let groups_before = harness.state().state.doc.site.halls[0].racks.len();
    let text = format!(
        "{hall}\tCPU-A01\tA\t1\t12\t\t\t\n{hall}\tNEW-01\tD\t3\t4\t4 × hgx-h100\tStock\t\n"
    );
    harness.event(egui::Event::Paste(text));
    harness.run();
    let site = &harness.state().state.doc.site;
    assert_eq!(site.halls[0].racks[0].count, 12);
    assert_eq!(site.halls[0].racks.len(), groups_before + 1);
    let added = site.halls[0].racks.last().unwrap();
    assert_eq!((added.name.as_str(), added.count), ("NEW-01", 4));
    harness.get_by_label("Pasted 2 row(s): 1 updated, 1 added");
    harness.state_mut().queue(Command::Undo);
    harness.run();
    let site = &harness.state().state.doc.site;
    assert_eq!(site.halls[0].racks[0].count, 8);
    assert_eq!(site.halls[0].racks.len(), groups_before);
}

#[test]
fn the_totals_line_adds_up_the_rows_the_filter_leaves() {
    let mut harness = inventory_view();
    let field = harness.get_by_label("Filter");
    field.focus();
    field.type_text("CPU-A0");
    harness.run();
    // CPU-A01: 8 racks × 20 servers of 0.5 kW = 160 servers, 8 × 10 kW = 80 kW;
    // CPU-A02: 6 racks × 12 servers of 0.8 kW = 72 servers, 6 × 9.6 kW = 57.6 kW;
    // together 14 racks, 232 servers, 137.6 kW
    let totals = "Total of 2 groups shown: 14 racks · 232 servers · 138 kW IT at design";
    assert!(harness.query_all_by_value(totals).next().is_some());
}
