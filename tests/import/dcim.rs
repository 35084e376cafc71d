//! NetBox and openDCIM device exports land on the expected racks and counts; nothing is dropped.

use crate::support::*;
use coolplan::io::import::{Action, ImportFormat, ImportOptions, SkipReason, apply};
use coolplan::model::{Position, Status};
use coolplan::units::LengthUnit;

#[test]
fn netbox_export_imports_to_expected_racks_and_counts() {
    let mut site = test_site();
    let csv = fixture("netbox-devices.csv");
    let plan = plan(&site, &csv, &ImportOptions::default());
    assert_eq!(plan.format, ImportFormat::NetBox);
    // 35 data rows: 26 land, 9 are listed as skipped.
    assert_eq!(
        (plan.rows_read, plan.rows_mapped, plan.skipped.len()),
        (35, 26, 9)
    );
    assert_eq!(plan.rows_mapped + plan.skipped.len(), plan.rows_read);
    assert_eq!(skipped_lines(&plan), [12, 13, 20, 21, 28, 32, 33, 34, 36]);
    assert_eq!(
        *reason_at(&plan, 12),
        SkipReason::NotServer("Access Switch".into())
    );
    assert_eq!(*reason_at(&plan, 28), SkipReason::NotServer("PDU".into()));
    assert_eq!(
        *reason_at(&plan, 32),
        SkipReason::Inactive("Decommissioning".into())
    );
    assert_eq!(*reason_at(&plan, 36), SkipReason::NoRack);
    // The H200 rows are in the review list with a suggestion, not dropped.
    assert_eq!(plan.unmatched.len(), 1);
    assert_eq!(plan.unmatched[0].name, "X640 G40");
    assert_eq!(plan.unmatched[0].lines, [20, 21]);
    assert!(site.catalog().get(&plan.unmatched[0].nearest).is_some());
    let counts = plan.counts();
    // Hall B and the location-less site "SH-PD1" are new halls; A01-R01 exists (8 → 10 servers).
    assert_eq!(
        (counts.halls_added, counts.racks_added, counts.racks_changed),
        (2, 5, 1)
    );

    apply(&mut site, &plan);
    let stock = Status::Stock;
    assert_eq!(
        groups(rack(&site, "Hall A", "A01-R01")),
        [g("dell-r650", 10, stock)]
    );
    assert_eq!(
        groups(rack(&site, "Hall A", "A01-R02")),
        [g("hgx-h100", 4, stock)]
    );
    // Planned devices arrive new in first_year + 1 = 2027.
    assert_eq!(
        groups(rack(&site, "Hall A", "A01-R03")),
        [g("dgx-b200", 2, Status::New(2027))]
    );
    assert_eq!(
        groups(rack(&site, "Hall B", "B1-12")),
        [g("hpe-dl380-gen10", 6, stock)]
    );
    assert_eq!(
        groups(rack(&site, "Hall B", "B1-13")),
        [g("atlas-800t-a2", 3, stock)]
    );
    assert_eq!(
        groups(rack(&site, "SH-PD1", "MMR-01")),
        [g("dell-r750", 1, stock)]
    );
    // Untouched: the rack the file does not name.
    assert_eq!(
        groups(rack(&site, "Hall A", "A01-R09")),
        [g("cpu-2u", 12, stock)]
    );
    // Positions from rack names; heights 42U (devices top out at U32).
    let b112 = rack(&site, "Hall B", "B1-12");
    let b1 = Position {
        row: "B1".into(),
        slot: 12,
    };
    assert_eq!(b112.position, Some(b1));
    assert_eq!(
        rack(&site, "Hall A", "A01-R02")
            .height
            .in_unit(LengthUnit::U),
        42.0
    );
    // A new hall's estimates: B has 2 racks → 5 m²; design load 6 × 0.75 (DL380 Gen10) +
    // 3 × 5.6 (Atlas 800T A2) = 21.3 kW.
    let hall_b = site.halls.iter().find(|h| h.name == "Hall B").unwrap();
    assert!((hall_b.area.si() - 5.0).abs() < 1e-9);
    assert!((hall_b.air_cooling_capacity.si() - 21_300.0).abs() < 1e-6);
}

#[test]
fn opendcim_export_imports_to_expected_racks_and_counts() {
    let mut site = test_site();
    let plan = plan(
        &site,
        &fixture("opendcim-devices.csv"),
        &ImportOptions::default(),
    );
    assert_eq!(plan.format, ImportFormat::OpenDcim);
    assert_eq!(
        (plan.rows_read, plan.rows_mapped, plan.skipped.len()),
        (28, 21, 7)
    );
    assert_eq!(skipped_lines(&plan), [10, 11, 12, 22, 23, 24, 25]);
    assert_eq!(
        *reason_at(&plan, 12),
        SkipReason::NotServer("Physical Infrastructure".into())
    );
    let names: Vec<&str> = plan.unmatched.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(
        names,
        ["PowerEdge M1000e", "PowerEdge M640", "PowerVault ME5024"]
    );
    assert_eq!(plan.unmatched[1].lines, [23, 24]);

    apply(&mut site, &plan);
    let stock = Status::Stock;
    assert_eq!(
        groups(rack(&site, "DC-Beijing-1", "C-01")),
        [g("inspur-nf5280m6", 8, stock)]
    );
    assert_eq!(
        groups(rack(&site, "DC-Beijing-1", "C-02")),
        [g("atlas-800t-a2", 4, stock)]
    );
    assert_eq!(
        groups(rack(&site, "DC-Beijing-1", "C-03")),
        [g("mlu370-x8", 3, stock), g("hygon-dcu", 2, stock)]
    );
    assert_eq!(
        groups(rack(&site, "DC-Beijing-2", "E-01")),
        [g("dell-r640", 4, stock)]
    );
    let c = Position {
        row: "C".into(),
        slot: 3,
    };
    assert_eq!(rack(&site, "DC-Beijing-1", "C-03").position, Some(c));
    // Every cabinet of C-04 was skipped or unmatched, so no empty rack appears.
    let dc1 = site
        .halls
        .iter()
        .find(|h| h.name == "DC-Beijing-1")
        .unwrap();
    assert_eq!(dc1.racks.len(), 3);
}

#[test]
fn assigning_an_unmatched_type_lands_its_rows() {
    let site = test_site();
    let mut options = ImportOptions::default();
    options
        .assigned
        .insert("X640 G40".into(), "hgx-h100".into());
    let plan = plan(&site, &fixture("netbox-devices.csv"), &options);
    assert!(plan.unmatched.is_empty());
    let row = plan
        .preview
        .iter()
        .find(|r| r.rack == "A01-R03" && r.model == "hgx-h100")
        .expect("assigned rows land");
    assert_eq!((row.action, row.count), (Action::AddRack, 2));
}

#[test]
fn a_second_import_of_the_same_file_changes_nothing() {
    let mut site = test_site();
    let csv = fixture("netbox-devices.csv");
    let first = plan(&site, &csv, &ImportOptions::default());
    apply(&mut site, &first);
    let again = plan(&site, &csv, &ImportOptions::default());
    let counts = again.counts();
    assert_eq!(
        (counts.racks_added, counts.racks_changed, counts.halls_added),
        (0, 0, 0)
    );
    assert_eq!(counts.racks_unchanged, 6);
    assert!(first.has_changes() && !again.has_changes());
    let before = site.clone();
    apply(&mut site, &again);
    assert_eq!(site, before);
}

#[test]
fn opendcim_raw_device_columns_read_watts_and_status() {
    let site = test_site();
    let csv = "Label,SerialNo,AssetTag,Cabinet,Position,Height,PowerSupplyCount,NominalWatts,DeviceType,Status,Owner,Model\n\
        gpu-01,SN1,AT1,A01-R01,1,8,6,10200,Server,Production,AI,DGX H100\n\
        gpu-02,SN2,AT2,A01-R01,9,8,6,6000,Server,Reserved,AI,DGX H100\n\
        pdu-01,SN3,AT3,A01-R01,0,0,1,0,CDU,Production,Facilities,AP8853\n";
    let plan = plan(&site, csv, &ImportOptions::default());
    assert_eq!(plan.format, ImportFormat::OpenDcim);
    // No data-center column: rows go to the site's first hall; the CDU (a PDU) is not a server.
    assert_eq!(*reason_at(&plan, 4), SkipReason::NotServer("CDU".into()));
    let rows: Vec<_> = plan
        .preview
        .iter()
        .filter(|r| r.rack == "A01-R01")
        .collect();
    assert_eq!(rows.len(), 2);
    assert_eq!((rows[0].hall.as_str(), rows[0].count), ("Hall A", 1));
    // NominalWatts is in watts: 6,000 W is 41 % under the catalog's 10.2 kW, so it is noted;
    // Reserved → New(first_year + 1 = 2027) makes it a second group.
    let noted = |r: &&coolplan::io::import::PreviewRow| {
        r.notes
            .iter()
            .any(|n| matches!(n, coolplan::io::import::Note::PowerDiffers { .. }))
    };
    assert!(!noted(&rows[0]) && noted(&rows[1]));
    let mut site = site;
    apply(&mut site, &plan);
    assert_eq!(
        groups(rack(&site, "Hall A", "A01-R01")),
        [
            g("hgx-h100", 1, Status::Stock),
            g("hgx-h100", 1, Status::New(2027))
        ]
    );
}
