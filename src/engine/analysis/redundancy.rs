//! CDU N+1 and loop-failure check: facility loop → CDUs → racks, per hall and liquid option.
//!
//! Owns: assigning racks to CDUs and judging each CDU's failure. Never touches: CDU sizing
//! (the counts are the thermal engine's), costs, files.
//!
//! Model. A hall's facility loop feeds its CDUs (the count the engine sized for the option,
//! each of the assumed capacity). Racks are assigned whole, group by group in file order, to
//! the first CDU with room (first fit); a rack that fits nowhere is listed as unassigned.
//! The CDUs feed a common secondary header, so when one fails the others can take its load
//! up to their spare capacity: a failure is absorbed when the others' spare capacity
//! Σ_{j≠k}(C_j − L_j) ≥ L_k. N+1 holds in a hall when every single failure is absorbed and
//! every rack is assigned. A facility-loop failure takes all the hall's liquid cooling.

use crate::engine::results::{CoolingOption, Results};
use crate::model::Site;
use crate::units::PowerUnit;

/// Racks of one group on one CDU.
#[derive(Clone, Debug, PartialEq)]
pub struct RackShare {
    pub group: String,
    pub racks: u64,
    pub heat_kw: f64,
}

/// One CDU and what it carries.
#[derive(Clone, Debug, PartialEq)]
pub struct Cdu {
    pub capacity_kw: f64,
    pub load_kw: f64,
    pub racks: Vec<RackShare>,
    /// Whether the other CDUs can take this one's load if it fails.
    pub failure_absorbed: bool,
}

/// The check of one hall under one liquid option.
#[derive(Clone, Debug, PartialEq)]
pub struct HallCheck {
    pub hall: String,
    pub option: CoolingOption,
    pub cdus: Vec<Cdu>,
    /// Racks no CDU has room for.
    pub unassigned: Vec<RackShare>,
    /// Everything on the facility loop (lost if the loop fails).
    pub loop_racks: u64,
    pub loop_kw: f64,
    pub n_plus_one: bool,
}

/// A rack group's racks and liquid heat per rack, kW.
#[derive(Clone, Debug, PartialEq)]
pub struct RackLoad {
    pub group: String,
    pub racks: u64,
    pub kw_per_rack: f64,
}

impl RackLoad {
    /// `racks` racks of `group`, each drawing `kw_per_rack` of liquid heat.
    pub fn new(group: &str, racks: u64, kw_per_rack: f64) -> Self {
        Self {
            group: group.into(),
            racks,
            kw_per_rack,
        }
    }
}

/// Assigns `loads` to CDUs of `capacities_kw` (first fit) and judges every single failure.
pub fn check(
    hall: &str,
    option: CoolingOption,
    capacities_kw: &[f64],
    loads: &[RackLoad],
) -> HallCheck {
    let mut cdus: Vec<Cdu> = capacities_kw
        .iter()
        .map(|&capacity_kw| Cdu {
            capacity_kw,
            load_kw: 0.0,
            racks: Vec::new(),
            failure_absorbed: false,
        })
        .collect();
    let mut unassigned = Vec::new();
    for load in loads.iter().filter(|l| l.racks > 0 && l.kw_per_rack > 0.0) {
        let mut left = load.racks;
        for cdu in cdus.iter_mut() {
            if left == 0 {
                break;
            }
            // whole racks that fit in the spare capacity (1e-9 relative tolerance for sums
            // that land on the capacity exactly)
            let spare_kw = (cdu.capacity_kw - cdu.load_kw) * (1.0 + 1e-9);
            let fit = ((spare_kw / load.kw_per_rack).floor() as u64).min(left);
            if fit > 0 {
                cdu.load_kw += fit as f64 * load.kw_per_rack;
                cdu.racks.push(RackShare {
                    group: load.group.clone(),
                    racks: fit,
                    heat_kw: fit as f64 * load.kw_per_rack,
                });
                left -= fit;
            }
        }
        if left > 0 {
            unassigned.push(RackShare {
                group: load.group.clone(),
                racks: left,
                heat_kw: left as f64 * load.kw_per_rack,
            });
        }
    }
    let total_spare_kw: f64 = cdus.iter().map(|c| c.capacity_kw - c.load_kw).sum();
    for cdu in cdus.iter_mut() {
        let others_spare_kw = total_spare_kw - (cdu.capacity_kw - cdu.load_kw);
        cdu.failure_absorbed = others_spare_kw >= cdu.load_kw * (1.0 - 1e-9);
    }
    let loop_racks = loads
        .iter()
        .filter(|l| l.kw_per_rack > 0.0)
        .map(|l| l.racks)
        .sum();
    let loop_kw = loads.iter().map(|l| l.racks as f64 * l.kw_per_rack).sum();
    let n_plus_one = unassigned.is_empty() && cdus.iter().all(|c| c.failure_absorbed);
    HallCheck {
        hall: hall.to_string(),
        option,
        cdus,
        unassigned,
        loop_racks,
        loop_kw,
        n_plus_one,
    }
}

/// The check of every hall with liquid heat, for both liquid options, from `results`.
pub fn site_checks(site: &Site, results: &Results) -> Vec<HallCheck> {
    let cooling = site.assumptions.cooling.resolve(site.currency);
    let capacity_kw = cooling.cdu_size.capacity().in_unit(PowerUnit::kW);
    let mut checks = Vec::new();
    for (h, hall) in site.halls.iter().enumerate() {
        let Some(hall_result) = results.halls.get(h) else {
            continue;
        };
        for option in [CoolingOption::ColdPlate, CoolingOption::Immersion] {
            let units = hall_result.option(option).thermal.cdu_count as usize;
            let loads: Vec<RackLoad> = results
                .racks
                .iter()
                .filter(|r| r.hall == h)
                .map(|r| {
                    let heat_kw = r
                        .scope
                        .option(option)
                        .thermal
                        .heat_to_liquid
                        .get::<uom::si::power::kilowatt>();
                    RackLoad {
                        group: r.scope.name.clone(),
                        racks: r.count,
                        kw_per_rack: if r.count > 0 {
                            heat_kw / r.count as f64
                        } else {
                            0.0
                        },
                    }
                })
                .collect();
            if units == 0 && loads.iter().all(|l| l.kw_per_rack <= 0.0) {
                continue;
            }
            checks.push(check(&hall.name, option, &vec![capacity_kw; units], &loads));
        }
    }
    checks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(group: &str, racks: u64, kw: f64) -> RackLoad {
        RackLoad::new(group, racks, kw)
    }

    #[test]
    fn first_fit_fills_in_order() {
        // 5 racks × 40 kW on 3 × 100 kW: CDU 1 takes 2 (80 kW), CDU 2 takes 2, CDU 3 takes 1
        let c = check(
            "H",
            CoolingOption::ColdPlate,
            &[100.0; 3],
            &[load("A", 5, 40.0)],
        );
        let loads: Vec<f64> = c.cdus.iter().map(|c| c.load_kw).collect();
        assert_eq!(loads, vec![80.0, 80.0, 40.0]);
        // spare 20 + 20 + 60 = 100; CDU 1 fails: others' spare 20 + 60 = 80 ≥ 80 → absorbed
        assert!(c.cdus.iter().all(|c| c.failure_absorbed));
        assert!(c.n_plus_one);
        assert_eq!((c.loop_racks, c.loop_kw), (5, 200.0));
    }
}
