//! CDU N+1 and loop-failure check: facility loop → CDUs → racks, per hall and liquid option of
//! the plan.
//!
//! Owns: reading a CDU design ([`crate::cdu::CduDesign`], the one whole-rack assignment the
//! bill of quantities and the costs count) as failures. Never touches: sizing or assigning
//! (`crate::cdu` does both, once), costs, files.
//!
//! Model. A hall's facility loop feeds the plan's CDUs of an option; identical units that carry
//! the same racks are listed once with their number ([`Cdu::units`]), so the check is as small
//! as the design, whatever the rack count. The units feed a common secondary header, so when
//! one fails the others take its load up to their spare capacity: a failure is absorbed when
//! the others' spare Σ_{j≠k}(C − L_j) ≥ L_k, which for identical units holds for every unit
//! exactly when the total spare capacity is at least one unit's capacity. N+1 holds in a hall
//! when every single failure is absorbed and every rack is assigned. A facility-loop failure
//! takes all the hall's liquid cooling.

use uom::si::f64::Power;
use uom::si::power::watt;

use crate::cdu::{CduDesign, CduLoad};
use crate::results::{CoolingOption, GroupView, Results};
use coolplan_model::Site;
use coolplan_model::assumptions::cooling::CduSize;

/// Racks of one group on one unit.
#[derive(Clone, Debug, PartialEq)]
pub struct RackShare {
    pub group: String,
    pub racks: u64,
    /// Liquid heat of these racks.
    pub heat: Power,
}

/// `units` identical CDUs and what each carries.
#[derive(Clone, Debug, PartialEq)]
pub struct Cdu {
    pub units: u64,
    pub capacity: Power,
    /// Load of each unit.
    pub load: Power,
    /// Racks on each unit.
    pub racks: Vec<RackShare>,
    /// Whether the other units can take one unit's load if it fails.
    pub failure_absorbed: bool,
}

impl Cdu {
    /// Racks that lose cooling if one of these units fails.
    pub fn rack_count(&self) -> u64 {
        self.racks.iter().map(|r| r.racks).sum()
    }
    /// Whether these are spare units (they carry nothing).
    pub fn is_spare(&self) -> bool {
        self.racks.is_empty()
    }
}

/// The check of one hall under one liquid option of the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct HallCheck {
    pub hall: String,
    pub option: CoolingOption,
    pub size: CduSize,
    /// Units in the bill of quantities (loaded and spare).
    pub units: u64,
    /// Loaded units first (in the order they were filled), then the spares.
    pub cdus: Vec<Cdu>,
    /// Spare capacity over every unit.
    pub spare_capacity: Power,
    /// Racks no unit has room for.
    pub unassigned: Vec<RackShare>,
    /// Everything on the facility loop (lost if the loop fails).
    pub loop_racks: u64,
    pub loop_heat: Power,
    pub n_plus_one: bool,
}

impl HallCheck {
    /// The unit numbers of each entry of `cdus`: units are numbered from 1 in the order they
    /// were filled, so a run of identical units is `3..=9` (one unit: `3..=3`).
    pub fn unit_numbers(&self) -> Vec<std::ops::RangeInclusive<u64>> {
        let mut next = 1u64;
        self.cdus
            .iter()
            .map(|cdu| {
                let first = next;
                next = next.saturating_add(cdu.units);
                first..=first.saturating_add(cdu.units.saturating_sub(1))
            })
            .collect()
    }
}

/// The check of `design`; `group_name(i)` names the hall's rack group `i`.
pub fn check(
    hall: &str,
    option: CoolingOption,
    design: &CduDesign,
    group_name: impl Fn(usize) -> String,
) -> HallCheck {
    let absorbed = design.survives_one_failure();
    let w = Power::new::<watt>;
    let share = |l: &CduLoad| RackShare {
        group: group_name(l.group),
        racks: l.racks,
        heat: w(l.racks as f64 * l.heat_per_rack_w),
    };
    let mut cdus: Vec<Cdu> = design
        .runs
        .iter()
        .map(|run| Cdu {
            units: run.units,
            capacity: design.capacity,
            load: w(run.load_w),
            racks: run.racks.iter().map(share).collect(),
            failure_absorbed: absorbed,
        })
        .collect();
    if design.spares > 0 {
        cdus.push(Cdu {
            units: design.spares,
            capacity: design.capacity,
            load: Power::default(),
            racks: Vec::new(),
            failure_absorbed: true,
        });
    }
    let unassigned: Vec<RackShare> = design.unassigned.iter().map(share).collect();
    let assigned_w: f64 = design.runs.iter().map(|r| r.units as f64 * r.load_w).sum();
    let unassigned_w: f64 = unassigned.iter().map(|r| r.heat.get::<watt>()).sum();
    let unassigned_racks: u64 = unassigned.iter().map(|r| r.racks).sum();
    HallCheck {
        hall: hall.to_string(),
        option,
        size: design.size.clone(),
        units: design.units(),
        cdus,
        spare_capacity: design.spare_capacity(),
        loop_racks: design.assigned_racks().saturating_add(unassigned_racks),
        loop_heat: w(assigned_w + unassigned_w),
        n_plus_one: absorbed,
        unassigned,
    }
}

/// The check of every hall and liquid option of the plan in `results`.
pub fn site_checks<R: GroupView>(site: &Site, results: &Results<R>) -> Vec<HallCheck> {
    let mut checks = Vec::new();
    for (hall, plan) in site.halls.iter().zip(&results.plan.halls) {
        for cdus in &plan.cdus {
            let name = |g: usize| hall.racks.get(g).map_or(String::new(), |r| r.name.clone());
            checks.push(check(&hall.name, cdus.option, &cdus.design, name));
        }
    }
    checks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cdu::assign;

    #[test]
    fn units_fill_in_order_and_each_failure_is_checked() {
        // 5 racks × 40 kW on 100 kW units, N+1: units of 80, 80, 40 kW and a spare; spare
        // 20 + 20 + 60 + 100 = 200 kW ≥ 100 kW: any one failure is absorbed
        let loads = [CduLoad {
            group: 0,
            racks: 5,
            heat_per_rack_w: 40_000.0,
        }];
        let design = assign(&CduSize::InRack, 100_000.0, 1, loads.iter().copied());
        let c = check("H", CoolingOption::ColdPlate, &design, |_| "A".into());
        let shape: Vec<(u64, f64, u64)> = c
            .cdus
            .iter()
            .map(|u| (u.units, u.load.get::<watt>() / 1000.0, u.rack_count()))
            .collect();
        assert_eq!(shape, vec![(2, 80.0, 2), (1, 40.0, 1), (1, 0.0, 0)]);
        assert_eq!(c.units, 4);
        assert!(c.n_plus_one);
        assert!((c.spare_capacity.get::<watt>() - 200_000.0).abs() < 1e-6);
        assert_eq!((c.loop_racks, c.loop_heat.get::<watt>()), (5, 200_000.0));
    }

    #[test]
    fn without_a_spare_a_full_hall_fails() {
        // 5 × 50 kW on 100 kW units, no spare: 50 kW free in total < 100 kW
        let loads = [CduLoad {
            group: 0,
            racks: 5,
            heat_per_rack_w: 50_000.0,
        }];
        let design = assign(&CduSize::InRack, 100_000.0, 0, loads.iter().copied());
        let c = check("H", CoolingOption::ColdPlate, &design, |_| "A".into());
        assert!(!c.n_plus_one);
        assert!(c.cdus.iter().all(|u| !u.failure_absorbed));
    }
}
