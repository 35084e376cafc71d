//! Measured rack power lands on the right racks; unknown, ambiguous and bad rows are listed.

use crate::support::*;
use coolplan::io::import::{Action, FieldName, ImportFormat, ImportOptions, SkipReason, apply};
use coolplan::units::PowerUnit;

#[test]
fn measured_power_lands_on_the_right_racks() {
    let mut site = test_site();
    let options = ImportOptions {
        source: "measured-power.csv".into(),
        ..ImportOptions::default()
    };
    let plan = plan(&site, &fixture("measured-power.csv"), &options);
    assert_eq!(plan.format, ImportFormat::Measured);
    assert_eq!((plan.rows_read, plan.rows_mapped), (8, 4));
    assert_eq!(skipped_lines(&plan), [6, 7, 8, 9]);
    assert_eq!(
        *reason_at(&plan, 6),
        SkipReason::RackAmbiguous {
            rack: "A01-R09".into(),
            halls: 2
        }
    );
    assert!(
        matches!(reason_at(&plan, 7), SkipReason::RackNotInSite { rack, .. } if rack == "Z-99")
    );
    assert!(matches!(
        reason_at(&plan, 8),
        SkipReason::PeakBelowAverage { .. }
    ));
    assert_eq!(
        *reason_at(&plan, 9),
        SkipReason::Missing(FieldName::Average)
    );
    assert!(plan.preview.iter().all(|r| r.action == Action::SetMeasured));
    assert_eq!(plan.counts().measured_set, 3);

    apply(&mut site, &plan);
    let kw = |q: &coolplan::units::PowerQ| q.in_unit(PowerUnit::kW);
    // A and B feeds summed: 2.1 + 1.9 = 4.0 kW average, 3.0 + 2.8 = 5.8 kW peak.
    let r01 = rack(&site, "Hall A", "A01-R01")
        .measured
        .clone()
        .expect("measured");
    assert!((kw(&r01.average) - 4.0).abs() < 1e-9 && (kw(&r01.peak) - 5.8).abs() < 1e-9);
    assert_eq!(r01.source, "PDU export 2026-10");
    // No hall column, but C-07 is unique; the cell's unit (3400 W) wins over the header's kW.
    let c07 = rack(&site, "Hall C", "C-07")
        .measured
        .clone()
        .expect("measured");
    assert_eq!(
        (c07.average.number(), c07.average.unit()),
        (3400.0, PowerUnit::W)
    );
    assert!((kw(&c07.peak) - 5.2).abs() < 1e-12);
    // Empty source column: the file name is the source.
    let r09 = rack(&site, "Hall A", "A01-R09")
        .measured
        .clone()
        .expect("measured");
    assert_eq!(r09.source, "measured-power.csv");
    assert!(rack(&site, "Hall C", "A01-R09").measured.is_none());
}

#[test]
fn the_engine_sizes_with_imported_measured_power() {
    let mut site = test_site();
    let plan = plan(
        &site,
        &fixture("measured-power.csv"),
        &ImportOptions::default(),
    );
    apply(&mut site, &plan);
    let climate = coolplan::io::climate::resolve(&site, None).expect("preset climate");
    let assumptions = site.assumptions.resolve(site.currency);
    let physical =
        coolplan::engine::physical::evaluate(&site, &site.catalog(), &assumptions, &climate);
    let r01 = physical
        .racks
        .iter()
        .find(|r| r.hall == 0 && r.rack == 0)
        .expect("A01-R01 evaluated");
    let air = &r01.scope.options[0].thermal;
    // Nameplate would be 8 × 0.5 kW = 4.0 kW design; the metered A+B peak 5.8 kW and
    // average 4.0 kW replace it (one rack in the group).
    let kw = |p: uom::si::f64::Power| p.get::<uom::si::power::kilowatt>();
    assert!(
        (kw(air.it_design) - 5.8).abs() < 1e-9,
        "{}",
        kw(air.it_design)
    );
    assert!((kw(air.it_avg) - 4.0).abs() < 1e-9, "{}", kw(air.it_avg));
}
