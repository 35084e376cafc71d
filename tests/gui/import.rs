//! File › Import… in the app, headless (egui_kittest, accessibility checked): the import
//! window opens on a fixture CSV (the command the file dialog sends), shows the preview
//! counts and the review list, takes a changed mapping, applies as one undo step, and Cancel
//! changes nothing.

use crate::import_support::{fixture, g, groups, rack, test_site};
use coolplan::app::CoolplanApp;
use coolplan::app::command::Command;
use coolplan::app::state::{Selection, View};
use coolplan::engine::CoolingOption;
use coolplan::io::import::{ColumnMapping, header_line};
use coolplan::io::to_canonical_string;
use coolplan::model::{Site, Status};
use coolplan::units::PowerUnit;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn harness(site: Site) -> Harness<'static, CoolplanApp> {
    // taller than the other GUI tests: the import window's preview table needs the room
    crate::support::harness_sized(Some(site), [1280.0, 900.0])
}

fn fixture_path(name: &str) -> std::path::PathBuf {
    format!(
        "{}/tests/fixtures/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
    .into()
}

/// Opens the import window on a fixture, as the file dialog's answer does.
fn open(harness: &mut Harness<'_, CoolplanApp>, name: &str) {
    let path = fixture_path(name);
    harness.state_mut().queue(Command::ImportFile(Some(path)));
    harness.run();
    assert!(harness.state().state.import.is_some(), "import window open");
}

fn site(harness: &Harness<'_, CoolplanApp>) -> Site {
    harness.state().state.doc.site.clone()
}

fn cold_plate_capex(harness: &Harness<'_, CoolplanApp>) -> f64 {
    let results = harness.state().state.analysis.results.as_ref();
    let site = &results.expect("results").site;
    site.option(CoolingOption::ColdPlate).cost.capex.amount
}

#[test]
fn netbox_import_previews_applies_as_one_undo_step_and_undo_redo_restore_the_site() {
    let mut harness = harness(test_site());
    let before = site(&harness);
    let before_ron = to_canonical_string(&before).unwrap();
    let before_capex = cold_plate_capex(&harness);
    open(&mut harness, "netbox-devices.csv");
    harness.check_accessibility();
    // Detected kind and the counts of tests/import/dcim.rs (35 rows: 26 land, 9 skipped;
    // halls Hall B and SH-PD1 added, 5 racks added, A01-R01 changed).
    harness.get_by_label("detected: NetBox device export");
    harness.get_by_label("35 data rows: 26 mapped, 9 skipped");
    harness.get_by_label("2 hall(s) added, 5 rack(s) added, 1 changed, 0 unchanged");
    // The unknown H200 rows are listed with their lines and a suggestion, not dropped.
    harness.get_by_label("X640 G40 (2 row(s), lines 20, 21)");
    harness.get_by_label_contains("suggested: ");
    assert_eq!(site(&harness), before, "previewing changes nothing");

    harness.get_by_label("Apply").click();
    harness.run();
    let after = site(&harness);
    assert!(harness.state().state.import.is_none(), "window closed");
    assert_eq!(after.halls.len(), before.halls.len() + 2);
    let stock = Status::Stock;
    // the export's "PowerEdge R650" is the catalog's dell-r650 by its aliases
    assert_eq!(
        groups(rack(&after, "Hall A", "A01-R01")),
        [g("dell-r650", 10, stock)]
    );
    assert_eq!(
        groups(rack(&after, "Hall A", "A01-R02")),
        [g("hgx-h100", 4, stock)]
    );
    assert_ne!(cold_plate_capex(&harness), before_capex);
    let notice = harness.state().state.notice.clone().expect("notice");
    assert!(
        notice
            .text
            .starts_with("Imported netbox-devices.csv: 35 data rows"),
        "{}",
        notice.text
    );

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(site(&harness), before);
    assert_eq!(to_canonical_string(&site(&harness)).unwrap(), before_ron);
    assert_eq!(cold_plate_capex(&harness), before_capex);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    assert_eq!(site(&harness), after);
}

#[test]
fn cancel_closes_the_window_and_leaves_the_site_unchanged() {
    let mut harness = harness(test_site());
    let before = site(&harness);
    open(&mut harness, "opendcim-devices.csv");
    harness.get_by_label("detected: openDCIM device export");
    harness.get_by_label("Cancel").click();
    harness.run();
    let state = &harness.state().state;
    assert!(state.import.is_none());
    assert_eq!(state.doc.site, before);
    assert!(!state.doc.dirty);
    assert!(!state.doc.undo.can_undo());
}

#[test]
fn a_spreadsheet_mapping_is_guessed_changed_remembered_and_unmatched_types_reviewed() {
    let mut harness = harness(test_site());
    open(&mut harness, "generic-sheet.csv");
    harness.get_by_label("layout not recognised: map the columns");
    // Guessed from the names: Room, Cabinet, Type, Qty, Power, Status, Arrival.
    harness.get_by_label("10 data rows: 6 mapped, 4 skipped");
    harness.get_by_label("Mystery Box 3000 (1 row(s), lines 8)");
    harness.check_accessibility();

    // No count column: every row is one device, so the "two" row lands too.
    harness
        .get_by_role_and_label(Role::ComboBox, "Count column")
        .click();
    harness.run();
    harness.get_by_label("(none)").click();
    harness.run();
    harness.get_by_label("10 data rows: 7 mapped, 3 skipped");

    // Accept the suggestion for the unknown type: its row lands as well.
    let nearest = {
        let window = harness.state().state.import.as_ref().unwrap();
        window.plan().unwrap().unmatched[0].nearest.clone()
    };
    harness.get_by_label(&format!("Accept {nearest}")).click();
    harness.run();
    harness.get_by_label("10 data rows: 8 mapped, 2 skipped");

    harness.get_by_label("Apply").click();
    harness.run();
    let after = site(&harness);
    let stock = Status::Stock;
    // Rows of 10 and 2 R740 count one each without the count column; "Dell R740" is the
    // catalog's dell-r740 by its aliases.
    assert_eq!(
        groups(rack(&after, "Hall A", "A01-R09")),
        [g("dell-r740", 2, stock)]
    );
    assert_eq!(
        groups(rack(&after, "Hall D", "D-02")),
        [g(&nearest, 1, stock)]
    );
    // The mapping is remembered for this header in the persisted settings.
    let header = header_line(&fixture("generic-sheet.csv")).to_string();
    let expected = ColumnMapping::parse(
        "hall=Room,rack=Cabinet,model=Type,power=Power,status=Status,year=Arrival",
    )
    .unwrap();
    let settings = &harness.state().state.settings;
    assert_eq!(settings.import_mappings.get(&header), Some(Ok(expected)));
    // The next file with this header opens with that mapping (the review answer is per file).
    open(&mut harness, "generic-sheet.csv");
    harness.get_by_label("mapping remembered for this header");
    harness.get_by_label("10 data rows: 7 mapped, 3 skipped");
}

#[test]
fn measured_power_is_previewed_and_applied_as_one_undo_step() {
    let mut harness = harness(test_site());
    let before = site(&harness);
    open(&mut harness, "measured-power.csv");
    harness.get_by_label("detected: Measured rack power");
    harness.get_by_label("8 data rows: 4 mapped, 4 skipped");
    harness.get_by_label("measured power set on 3 rack(s)");
    // Skipped rows are listed with their line and reason (tests/import/measured.rs).
    harness.get_by_label("no average power value");
    harness.get_by_label_contains("rack 'Z-99' is not in the site");
    let design_kw = |harness: &Harness<'_, CoolplanApp>| {
        let results = harness.state().state.analysis.results.clone().unwrap();
        let r01 = results
            .racks
            .iter()
            .find(|r| (r.hall, r.rack) == (0, 0))
            .unwrap();
        r01.per_rack_design.get::<uom::si::power::kilowatt>()
    };
    let nameplate_kw = design_kw(&harness);
    harness.get_by_label("Apply").click();
    harness.run();
    let after = site(&harness);
    // The engine takes the measured peak (5.8 kW) in place of nameplate × utilisation.
    assert!((design_kw(&harness) - 5.8).abs() < 1e-9);
    assert!((nameplate_kw - 5.8).abs() > 0.5);
    // The rack view marks the power as measured, with the values and their source.
    harness.state_mut().queue(Command::Select(Selection {
        hall: Some(0),
        rack: Some(0),
    }));
    harness.state_mut().queue(Command::ShowView(View::Rack));
    harness.run();
    harness.get_by_label("measured");
    harness.get_by_label(
        "average 4.00 kW, peak 5.80 kW (PDU export 2026-10): used in place of nameplate × utilisation",
    );
    let measured = rack(&after, "Hall A", "A01-R01").measured.clone();
    // A and B feeds summed: average 2.1 + 1.9 = 4.0 kW, peak 3.0 + 2.8 = 5.8 kW.
    let measured = measured.expect("measured power set");
    assert!((measured.average.in_unit(PowerUnit::kW) - 4.0).abs() < 1e-9);
    assert!((measured.peak.in_unit(PowerUnit::kW) - 5.8).abs() < 1e-9);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(site(&harness), before);
    assert_eq!(design_kw(&harness), nameplate_kw);
}

#[test]
fn file_import_in_the_menu_asks_for_a_csv_in_english_and_chinese() {
    let mut harness = harness(test_site());
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Import…").click();
    harness.run();
    harness.get_by_label("Import a CSV file");
    harness.get_by_label("Cancel").click();
    harness.run();
    harness
        .state_mut()
        .queue(Command::SetLang(coolplan::i18n::Lang::Zh));
    harness.run();
    harness.get_by_label("文件").click();
    harness.run();
    harness.get_by_label("导入…");
    harness.key_press(Key::Escape);
    harness.run();
    // The window speaks Chinese too, summary included.
    open(&mut harness, "netbox-devices.csv");
    harness.get_by_label("识别为：NetBox 设备导出");
    harness.get_by_label("35 行数据：26 行已映射，9 行跳过");
    harness.check_accessibility();
    // Escape closes it without changes; the Delete shortcut does nothing while it is open.
    let before = site(&harness);
    harness.key_press(Key::Delete);
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.state().state.import.is_none());
    assert_eq!(site(&harness), before);
}

#[test]
fn without_a_hall_column_rows_go_to_the_target_hall_chosen_in_the_window() {
    let mut harness = harness(test_site());
    open(&mut harness, "generic-sheet.csv");
    harness
        .get_by_role_and_label(Role::ComboBox, "Hall column")
        .click();
    harness.run();
    harness.get_by_label("(none)").click();
    harness.run();
    // The target hall appears, on the site's first hall; pick Hall C.
    harness
        .get_by_role_and_label(Role::ComboBox, "Hall for rows without one")
        .click();
    harness.run();
    // "Hall C" is in the site tree too; the popup's entry is drawn last (window after panels).
    let entry = harness
        .get_all_by_label("Hall C")
        .last()
        .expect("popup entry");
    entry.click();
    harness.run();
    harness.check_accessibility();
    harness.get_by_label("Apply").click();
    harness.run();
    let after = site(&harness);
    let stock = Status::Stock;
    assert_eq!(
        groups(rack(&after, "Hall C", "A01-R09")),
        [g("dell-r740", 12, stock)]
    );
    // Rows of "Hall D" went to Hall C too: no hall was added.
    assert_eq!(after.halls.len(), test_site().halls.len());
}

#[test]
fn malformed_rows_are_listed_in_the_preview_with_their_line_numbers() {
    let mut harness = harness(test_site());
    open(&mut harness, "malformed.csv");
    // Lines 3 and 5 have the wrong number of fields; line 7 opens a quote never closed.
    harness.get_by_label("row has 4 fields, the header has 9");
    harness.get_by_label("row has 11 fields, the header has 9");
    harness.get_by_label_contains("a quote opened on this row is not closed");
    for line in ["3", "5", "7"] {
        assert!(harness.query_all_by_label(line).count() >= 1, "line {line}");
    }
    assert_eq!(harness.query_all_by_label("skipped").count(), 3);
}
