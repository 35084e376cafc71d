//! Export → import into a site without racks rebuilds the same racks; malformed rows are
//! reported with their line numbers; oversized input is refused; a 1,000-row CSV is timed.

use crate::support::*;
use coolplan::io::import::{
    ImportError, ImportFormat, ImportOptions, MAX_INPUT_BYTES, SkipReason, apply, export_inventory,
    plan_import,
};
use coolplan::model::{MeasuredPower, Position, ServerGroup, Status};
use coolplan::units::{LengthUnit, PowerUnit, Qty};

/// The test site with more variety: a rack group, a share, measured power, notes, mm height.
fn rich_site() -> coolplan::model::Site {
    let mut site = test_site();
    let hall = &mut site.halls[0];
    hall.racks[0].measured = Some(MeasuredPower {
        average: Qty::new(3.6, PowerUnit::kW),
        peak: Qty::new(20_475.0, PowerUnit::BTU_per_h),
        source: "PDU export, 2026-10".into(),
    });
    hall.racks[1].count = 12;
    hall.racks[1].retrofit_share = Some(1.0 / 3.0);
    hall.racks[1].notes = "Row of 12, \"web\" tier".into();
    hall.racks[1].position = Some(Position {
        row: "B 2".into(),
        slot: 4,
    });
    hall.racks[1].height = Qty::new(2000.5, LengthUnit::mm);
    hall.racks[1].servers.push(ServerGroup {
        model: "dgx-b200".into(),
        count: 2,
        status: Status::New(2028),
        installed: None,
        service_life: None,
        refresh: None,
        notes: "arrives Q3, 液冷".into(),
    });
    site
}

#[test]
fn export_then_import_into_an_empty_site_round_trips() {
    let original = rich_site();
    let csv = export_inventory(&original);
    let mut empty = original.clone();
    empty.halls.clear();
    let plan = plan_import(&empty, &empty.catalog(), &csv, &ImportOptions::default()).unwrap();
    assert_eq!(plan.format, ImportFormat::Inventory);
    assert!(plan.skipped.is_empty(), "{:?}", plan.skipped);
    apply(&mut empty, &plan);
    let names =
        |s: &coolplan::model::Site| s.halls.iter().map(|h| h.name.clone()).collect::<Vec<_>>();
    assert_eq!(names(&empty), names(&original));
    for (got, want) in empty.halls.iter().zip(&original.halls) {
        assert_eq!(got.racks, want.racks, "hall {}", want.name);
    }
    // And exporting again gives the same text.
    assert_eq!(export_inventory(&empty), csv);
}

#[test]
fn importing_the_export_into_the_same_site_changes_nothing() {
    let site = rich_site();
    let plan = plan_import(
        &site,
        &site.catalog(),
        &export_inventory(&site),
        &ImportOptions::default(),
    )
    .unwrap();
    let counts = plan.counts();
    assert_eq!((counts.racks_added, counts.racks_changed), (0, 0));
    assert_eq!(counts.racks_unchanged, 4);
}

#[test]
fn malformed_rows_are_reported_with_their_line_numbers() {
    let mut site = test_site();
    let plan = plan(&site, &fixture("malformed.csv"), &ImportOptions::default());
    assert_eq!(skipped_lines(&plan), [3, 5, 7]);
    assert_eq!(
        *reason_at(&plan, 3),
        SkipReason::FieldCount {
            found: 4,
            expected: 9
        }
    );
    assert_eq!(
        *reason_at(&plan, 5),
        SkipReason::FieldCount {
            found: 11,
            expected: 9
        }
    );
    assert_eq!(
        *reason_at(&plan, 7),
        SkipReason::UnterminatedQuote { last_line: 8 }
    );
    apply(&mut site, &plan);
    assert_eq!(
        groups(rack(&site, "Hall A", "A01-R05")),
        [g("dell-r650", 3, Status::Stock)]
    );
}

#[test]
fn hostile_input_is_refused_or_reported_never_a_panic() {
    let site = test_site();
    let catalog = site.catalog();
    let options = ImportOptions::default();
    let huge = "x".repeat(MAX_INPUT_BYTES + 1);
    assert!(matches!(
        plan_import(&site, &catalog, &huge, &options),
        Err(ImportError::TooLarge { .. })
    ));
    assert_eq!(
        plan_import(&site, &catalog, "", &options).unwrap_err(),
        ImportError::Empty
    );
    for text in [
        "\"",
        "a,b\n\"",
        "Site,Rack,Type\n\u{0},\u{0},\u{0}\n",
        "Site,Rack,Type\n,,\n,,,\n",
    ] {
        let _ = plan_import(&site, &catalog, text, &options);
    }
}

/// A generated NetBox export of 1,000 devices: 250 racks in 4 halls, with every 50th row a
/// switch and every 97th an unknown type. Prints the time taken (see the report).
#[test]
fn a_thousand_row_netbox_export_imports_quickly() {
    let mut csv = String::from("Name,Status,Site,Location,Rack,Position,Role,Manufacturer,Type\n");
    let types = [
        "PowerEdge R650",
        "PowerEdge R750",
        "DGX H100",
        "Atlas 800T A2",
    ];
    for i in 0..1000 {
        let rack = i / 4;
        let hall = rack % 4;
        let (role, model) = match i {
            _ if i % 50 == 0 => ("Leaf Switch", "CE6881"),
            _ if i % 97 == 0 => ("Server", "Nettrix X640"),
            _ => ("Server", types[i % 4]),
        };
        csv.push_str(&format!(
            "dev-{i:04},Active,SITE,Hall {hall},R{rack:03},{},{role},Vendor,{model}\n",
            1 + (i % 10) * 4
        ));
    }
    let site = test_site();
    let started = std::time::Instant::now();
    let plan = plan_import(&site, &site.catalog(), &csv, &ImportOptions::default()).unwrap();
    let elapsed = started.elapsed();
    // 20 switches (every 50th) and 10 unknown types (every 97th, none a multiple of 50).
    assert_eq!(
        (plan.rows_read, plan.rows_mapped, plan.skipped.len()),
        (1000, 970, 30)
    );
    let counts = plan.counts();
    assert_eq!(counts.racks_added, 250);
    println!(
        "1,000-row import: {elapsed:?}; {}",
        coolplan::i18n::say::import::plan_summary(&plan, coolplan::i18n::Lang::En)
            .replace('\n', "; ")
    );
    assert!(elapsed.as_secs() < 5);
}
