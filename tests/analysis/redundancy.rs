//! CDU N+1 and loop failure.

use crate::support::{climate, site_with};
use coolplan::engine::CoolingOption;
use coolplan::engine::analysis::redundancy::{RackLoad, check, site_checks};
use uom::si::f64::Power;
use uom::si::power::kilowatt;

fn kw(value: f64) -> Power {
    Power::new::<kilowatt>(value)
}

fn load(group: &str, racks: u64, heat_kw: f64) -> RackLoad {
    RackLoad::new(group, racks, kw(heat_kw))
}

#[test]
fn n_plus_one_fails_when_one_cdu_carries_more_than_the_others_can_absorb() {
    // 3 racks × 90 kW on 3 × 100 kW CDUs: one rack per CDU (two don't fit in 100 kW).
    // If CDU 1 fails, the others have 10 + 10 = 20 kW spare < 90 kW: N+1 fails.
    let c = check(
        "H",
        CoolingOption::ColdPlate,
        &[kw(100.0); 3],
        &[load("GPU", 3, 90.0)],
    );
    let loads: Vec<f64> = c.cdus.iter().map(|c| c.load.get::<kilowatt>()).collect();
    assert_eq!(loads, vec![90.0, 90.0, 90.0]);
    assert!(c.cdus.iter().all(|c| !c.failure_absorbed));
    assert!(!c.n_plus_one);
    assert_eq!(c.cdus[0].racks[0].racks, 1);
    assert_eq!(c.cdus[0].racks[0].heat.get::<kilowatt>(), 90.0);
}

#[test]
fn n_plus_one_holds_when_the_spare_absorbs_any_failure() {
    // 3 racks × 60 kW: Q = 180 kW → ceil(180 / 100) + 1 = 3 CDUs, one rack each.
    // Any failure: others' spare 40 + 40 = 80 ≥ 60 → absorbed.
    let c = check(
        "H",
        CoolingOption::ColdPlate,
        &[kw(100.0); 3],
        &[load("GPU", 3, 60.0)],
    );
    assert!(c.n_plus_one);
    // a larger CDU carrying 150 kW cannot be covered by two small ones with 40 kW spare each
    let c = check(
        "H",
        CoolingOption::ColdPlate,
        &[kw(200.0), kw(100.0), kw(100.0)],
        &[load("GPU", 5, 30.0), load("CPU", 1, 60.0)],
    );
    // first fit: 200 kW CDU takes 5 × 30 = 150 kW, then 60 kW does not fit its 50 kW spare
    // → CDU 2 (60 kW); CDU 3 empty. CDU 1 fails: spare 40 + 100 = 140 < 150 → not absorbed.
    assert_eq!(c.cdus[0].load.get::<kilowatt>(), 150.0);
    assert_eq!(c.cdus[1].load.get::<kilowatt>(), 60.0);
    assert!(!c.cdus[0].failure_absorbed);
    assert!(c.cdus[1].failure_absorbed && c.cdus[2].failure_absorbed);
    assert!(!c.n_plus_one);
}

#[test]
fn racks_that_fit_nowhere_are_listed() {
    let c = check(
        "H",
        CoolingOption::ColdPlate,
        &[kw(100.0), kw(100.0)],
        &[load("GPU", 3, 70.0)],
    );
    assert_eq!(c.unassigned.len(), 1);
    assert_eq!(
        (
            c.unassigned[0].racks,
            c.unassigned[0].heat.get::<kilowatt>()
        ),
        (1, 70.0)
    );
    assert!(!c.n_plus_one);
    assert_eq!((c.loop_racks, c.loop_heat.get::<kilowatt>()), (3, 210.0));
}

#[test]
fn a_site_is_checked_hall_by_hall_with_the_engine_counts() {
    let site = site_with("");
    let results = coolplan::engine::evaluate(&site, &climate());
    let checks = site_checks(&site, &results);
    assert_eq!(checks.len(), 2, "cold plate and immersion in hall A1");
    for c in &checks {
        let hall = &results.halls[0].option(c.option).thermal;
        assert_eq!(c.cdus.len() as u64, hall.cdu_count);
        let liquid_kw = hall.heat_to_liquid.get::<uom::si::power::kilowatt>();
        assert!((c.loop_heat.get::<kilowatt>() - liquid_kw).abs() < 1e-6 * liquid_kw.max(1.0));
        assert_eq!(c.loop_racks, 16);
        // loads on the CDUs plus unassigned make up the loop
        let carried: f64 = c.cdus.iter().map(|d| d.load.get::<kilowatt>()).sum::<f64>()
            + c.unassigned
                .iter()
                .map(|u| u.heat.get::<kilowatt>())
                .sum::<f64>();
        assert!(
            (carried - c.loop_heat.get::<kilowatt>()).abs()
                < 1e-6 * c.loop_heat.get::<kilowatt>().max(1.0)
        );
    }
}
