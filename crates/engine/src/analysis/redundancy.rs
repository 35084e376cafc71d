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

use uom::si::f64::Power;
use uom::si::power::kilowatt;

use crate::results::{CoolingOption, GroupView, Results};
use coolplan_model::Site;

/// Racks of one group on one CDU.
#[derive(Clone, Debug, PartialEq)]
pub struct RackShare {
    pub group: String,
    pub racks: u64,
    /// Liquid heat of these racks.
    pub heat: Power,
}

/// One CDU and what it carries.
#[derive(Clone, Debug, PartialEq)]
pub struct Cdu {
    pub capacity: Power,
    pub load: Power,
    pub racks: Vec<RackShare>,
    /// Whether the other CDUs can take this one's load if it fails.
    pub failure_absorbed: bool,
}

impl Cdu {
    /// Racks that lose cooling if this CDU fails.
    pub fn rack_count(&self) -> u64 {
        self.racks.iter().map(|r| r.racks).sum()
    }
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
    pub loop_heat: Power,
    pub n_plus_one: bool,
}

/// A rack group's racks and the liquid heat of each rack.
#[derive(Clone, Debug, PartialEq)]
pub struct RackLoad {
    pub group: String,
    pub racks: u64,
    pub heat_per_rack: Power,
}

impl RackLoad {
    /// `racks` racks of `group`, each drawing `heat_per_rack` of liquid heat.
    pub fn new(group: &str, racks: u64, heat_per_rack: Power) -> Self {
        Self {
            group: group.into(),
            racks,
            heat_per_rack,
        }
    }
}

/// Assigns `loads` to CDUs of `capacities` (first fit) and judges every single failure.
pub fn check(
    hall: &str,
    option: CoolingOption,
    capacities: &[Power],
    loads: &[RackLoad],
) -> HallCheck {
    // The kernel works in kW; every figure leaves it as a `Power` again.
    let kw = |p: Power| p.get::<kilowatt>();
    let power = |kw: f64| Power::new::<kilowatt>(kw);
    let capacities_kw: Vec<f64> = capacities.iter().map(|&c| kw(c)).collect();
    let mut loads_kw = vec![0.0; capacities.len()];
    let mut shares: Vec<Vec<RackShare>> = vec![Vec::new(); capacities.len()];
    let mut unassigned = Vec::new();
    for load in loads
        .iter()
        .filter(|l| l.racks > 0 && kw(l.heat_per_rack) > 0.0)
    {
        let per_rack_kw = kw(load.heat_per_rack);
        let mut left = load.racks;
        for (cdu, cdu_load_kw) in loads_kw.iter_mut().enumerate() {
            if left == 0 {
                break;
            }
            // whole racks that fit in the spare capacity (1e-9 relative tolerance for sums
            // that land on the capacity exactly)
            let spare_kw = (capacities_kw[cdu] - *cdu_load_kw) * (1.0 + 1e-9);
            let fit = ((spare_kw / per_rack_kw).floor() as u64).min(left);
            if fit > 0 {
                *cdu_load_kw += fit as f64 * per_rack_kw;
                shares[cdu].push(RackShare {
                    group: load.group.clone(),
                    racks: fit,
                    heat: power(fit as f64 * per_rack_kw),
                });
                left -= fit;
            }
        }
        if left > 0 {
            unassigned.push(RackShare {
                group: load.group.clone(),
                racks: left,
                heat: power(left as f64 * per_rack_kw),
            });
        }
    }
    let spare_kw: Vec<f64> = capacities_kw
        .iter()
        .zip(&loads_kw)
        .map(|(capacity, load)| capacity - load)
        .collect();
    let total_spare_kw: f64 = spare_kw.iter().sum();
    let cdus: Vec<Cdu> = shares
        .into_iter()
        .enumerate()
        .map(|(cdu, racks)| Cdu {
            capacity: capacities[cdu],
            load: power(loads_kw[cdu]),
            racks,
            failure_absorbed: total_spare_kw - spare_kw[cdu] >= loads_kw[cdu] * (1.0 - 1e-9),
        })
        .collect();
    let liquid = loads.iter().filter(|l| kw(l.heat_per_rack) > 0.0);
    let loop_racks = liquid.clone().map(|l| l.racks).sum();
    let loop_kw: f64 = liquid.map(|l| l.racks as f64 * kw(l.heat_per_rack)).sum();
    let n_plus_one = unassigned.is_empty() && cdus.iter().all(|c| c.failure_absorbed);
    HallCheck {
        hall: hall.to_string(),
        option,
        cdus,
        unassigned,
        loop_racks,
        loop_heat: power(loop_kw),
        n_plus_one,
    }
}

/// The check of every hall with liquid heat, for both liquid options, from `results`.
pub fn site_checks<R: GroupView>(site: &Site, results: &Results<R>) -> Vec<HallCheck> {
    let cooling = site.assumptions.cooling.resolve(site.currency);
    let capacity = cooling.cdu_size.capacity().get();
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
                .filter(|r| r.place().0 == h)
                .map(|r| {
                    let heat = r.figures(option).heat_to_liquid;
                    let count = r.count();
                    let heat_per_rack = if count > 0 {
                        heat / count as f64
                    } else {
                        Power::default()
                    };
                    let name = hall.racks.get(r.place().1).map_or("", |m| m.name.as_str());
                    RackLoad::new(name, count, heat_per_rack)
                })
                .collect();
            if units == 0 && loads.iter().all(|l| l.heat_per_rack <= Power::default()) {
                continue;
            }
            checks.push(check(&hall.name, option, &vec![capacity; units], &loads));
        }
    }
    checks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kw(value: f64) -> Power {
        Power::new::<kilowatt>(value)
    }

    fn load(group: &str, racks: u64, heat_kw: f64) -> RackLoad {
        RackLoad::new(group, racks, kw(heat_kw))
    }

    #[test]
    fn first_fit_fills_in_order() {
        // 5 racks × 40 kW on 3 × 100 kW: CDU 1 takes 2 (80 kW), CDU 2 takes 2, CDU 3 takes 1
        let c = check(
            "H",
            CoolingOption::ColdPlate,
            &[kw(100.0); 3],
            &[load("A", 5, 40.0)],
        );
        let loads: Vec<f64> = c.cdus.iter().map(|c| c.load.get::<kilowatt>()).collect();
        assert_eq!(loads, vec![80.0, 80.0, 40.0]);
        // spare 20 + 20 + 60 = 100; CDU 1 fails: others' spare 20 + 60 = 80 ≥ 80 → absorbed
        assert!(c.cdus.iter().all(|c| c.failure_absorbed));
        assert!(c.n_plus_one);
        assert_eq!((c.loop_racks, c.loop_heat.get::<kilowatt>()), (5, 200.0));
    }
}
