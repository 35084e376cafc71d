//! CDU N+1 and loop failure, read from the one CDU design the bill of quantities counts.

use crate::support::{climate, site_with};
use coolplan::engine::CoolingOption;
use coolplan::engine::analysis::redundancy::{check, site_checks};
use coolplan::engine::cdu::{CduLoad, assign};
use coolplan::model::assumptions::cooling::CduSize;
use coolplan::model::{Cooling, CoolingRule};
use uom::si::power::kilowatt;

fn load(group: usize, racks: u64, heat_kw: f64) -> CduLoad {
    CduLoad {
        group,
        racks,
        heat_per_rack_w: heat_kw * 1000.0,
    }
}

fn names(group: usize) -> String {
    ["GPU", "CPU"][group].to_string()
}

#[test]
fn n_plus_one_fails_when_one_cdu_carries_more_than_the_others_can_absorb() {
    // 3 racks × 90 kW on 100 kW units, no spare: one rack per unit (two don't fit).
    // If one fails, the others have 10 + 10 = 20 kW spare < 90 kW: N+1 fails.
    let design = assign(
        &CduSize::InRack,
        100_000.0,
        0,
        [load(0, 3, 90.0)].into_iter(),
    );
    let c = check("H", CoolingOption::ColdPlate, &design, names);
    assert_eq!(c.cdus.len(), 1);
    assert_eq!(
        (c.cdus[0].units, c.cdus[0].load.get::<kilowatt>()),
        (3, 90.0)
    );
    assert_eq!(c.units, 3);
    assert!(c.cdus.iter().all(|c| !c.failure_absorbed));
    assert!(!c.n_plus_one);
    assert_eq!(c.cdus[0].racks[0].racks, 1);
    assert_eq!(c.cdus[0].racks[0].heat.get::<kilowatt>(), 90.0);
    assert!((c.spare_capacity.get::<kilowatt>() - 30.0).abs() < 1e-9);
}

#[test]
fn n_plus_one_holds_when_the_spare_absorbs_any_failure() {
    // 3 racks × 60 kW on 100 kW units + 1 spare: 3 loaded + 1 spare; spare 3 × 40 + 100 =
    // 220 kW ≥ 100 kW → any failure absorbed.
    let design = assign(
        &CduSize::InRack,
        100_000.0,
        1,
        [load(0, 3, 60.0)].into_iter(),
    );
    let c = check("H", CoolingOption::ColdPlate, &design, names);
    assert!(c.n_plus_one);
    assert_eq!(c.units, 4);
    assert!(c.cdus.last().is_some_and(|u| u.is_spare() && u.units == 1));
    // 200 kW units, no spare: 5 × 30 = 150 kW on the first; 60 kW does not fit its 50 kW
    // spare → a second unit of 60 kW. Spare 50 + 140 = 190 < 200: a failure of the first is
    // not absorbed.
    let custom = CduSize::Custom {
        capacity: coolplan::units::build::kw(200.0),
    };
    let loads = [load(0, 5, 30.0), load(1, 1, 60.0)];
    let design = assign(&custom, 200_000.0, 0, loads.into_iter());
    let c = check("H", CoolingOption::ColdPlate, &design, names);
    assert_eq!(c.cdus[0].load.get::<kilowatt>(), 150.0);
    assert_eq!(c.cdus[1].load.get::<kilowatt>(), 60.0);
    assert_eq!(c.cdus[1].racks[0].group, "CPU");
    assert!(!c.n_plus_one);
}

#[test]
fn racks_that_fit_nowhere_are_listed() {
    let design = assign(
        &CduSize::InRack,
        100_000.0,
        1,
        [load(0, 3, 130.0)].into_iter(),
    );
    let c = check("H", CoolingOption::ColdPlate, &design, names);
    assert_eq!(c.unassigned.len(), 1);
    assert_eq!(
        (
            c.unassigned[0].racks,
            c.unassigned[0].heat.get::<kilowatt>()
        ),
        (3, 390.0)
    );
    assert!(!c.n_plus_one);
    assert_eq!((c.loop_racks, c.loop_heat.get::<kilowatt>()), (3, 390.0));
}

#[test]
fn a_site_is_checked_hall_by_hall_on_the_plan_s_cdus() {
    let mut site = site_with("");
    // The plan would keep both groups on air (converting the GPU racks does not pay once the
    // plant's fixed parts stay, method.md §7): the rule puts them on cold plate, one loop.
    site.halls[0].racks[0].cooling = Some(CoolingRule::Force(Cooling::ColdPlate));
    let results = coolplan::engine::evaluate(&site, &climate());
    let checks = site_checks(&site, &results);
    let plan = &results.plan;
    assert_eq!(checks.len(), 1);
    assert_eq!(checks.len(), plan.halls[0].cdus.len());
    for c in &checks {
        let design = &plan.halls[0]
            .cdus
            .iter()
            .find(|d| d.option == c.option)
            .expect("the plan's CDUs of this option")
            .design;
        assert_eq!(c.units, design.units());
        // the loop carries every rack the plan put on the option
        let on: Vec<_> = results
            .racks
            .iter()
            .zip(&plan.groups)
            .filter(|(_, g)| g.option == Some(c.option))
            .collect();
        let racks: u64 = on.iter().map(|(r, _)| r.count).sum();
        let liquid_kw: f64 = on
            .iter()
            .map(|(r, _)| {
                r.scope
                    .option(c.option)
                    .thermal
                    .heat_to_liquid
                    .get::<kilowatt>()
            })
            .sum();
        assert_eq!(c.loop_racks, racks);
        assert!((c.loop_heat.get::<kilowatt>() - liquid_kw).abs() < 1e-6 * liquid_kw.max(1.0));
        assert!(c.n_plus_one, "one spare unit absorbs any single failure");
    }
}
