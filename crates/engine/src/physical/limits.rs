//! A hall's shared limits: air-cooling capacity, floor area, electrical capacity for IT and
//! facility-water capacity, each with what the hall uses of it today.
//!
//! Owns: the today's-state rule for hall limits and the reasons a scope breaks one. Rule: what
//! runs today is feasible, so a limit written below today's use (the installed servers on air)
//! is taken as today's use, with a warning ([`Reason::OverLimitToday`]); only load added to
//! today's must fit. A limit the file does not give (electrical, facility water) is unbounded.
//! Uses and capacities are SI f64 (W, m²) in [`Limit::index`] order.

use coolplan_model::Hall;
use coolplan_units::{AreaUnit, PowerUnit};

use super::sums::Sums;
use crate::results::{Amount, Limit, Reason};

/// One value per limit, in [`Limit::ALL`] order.
pub type PerLimit = [f64; Limit::ALL.len()];

/// What a scope's sums use of each limit: heat on the room air (with what liquid-to-air CDUs
/// return), floor area, IT at max draw, liquid heat onto facility water.
pub fn uses(sums: &Sums) -> PerLimit {
    [
        sums.room_air_design_w(),
        sums.floor_area_m2,
        sums.it_design_w,
        sums.facility_liquid_design_w(),
    ]
}

/// The limits of one hall.
#[derive(Clone, Debug, PartialEq)]
pub struct HallLimits {
    /// As written (`None`: not given, unbounded).
    pub declared: [Option<f64>; Limit::ALL.len()],
    /// Today's use: installed servers on air.
    pub today: PerLimit,
    /// What plans must keep within: the larger of the written limit and today's use.
    pub capacity: PerLimit,
}

impl HallLimits {
    /// Limits of `hall` with today's use `today`.
    pub fn new(hall: &Hall, today: PerLimit) -> Self {
        let declared = [
            Some(hall.air_cooling_capacity.in_unit(PowerUnit::W)),
            Some(hall.area.in_unit(AreaUnit::m2)),
            hall.it_capacity.map(|c| c.in_unit(PowerUnit::W)),
            hall.facility_water
                .as_ref()
                .and_then(|w| w.capacity)
                .map(|c| c.in_unit(PowerUnit::W)),
        ];
        let capacity = std::array::from_fn(|i| match declared[i] {
            Some(written) => written.max(today[i]),
            None => f64::INFINITY,
        });
        Self {
            declared,
            today,
            capacity,
        }
    }

    /// Whether `used` fits every limit (1e-9 relative tolerance for sums that land on one).
    pub fn fits(&self, used: &PerLimit) -> bool {
        used.iter()
            .zip(&self.capacity)
            .all(|(u, c)| *u <= c * (1.0 + 1e-9))
    }

    /// The limits `used` exceeds, as reasons, into `into`; air-cooling with the airflows at
    /// the servers' air rise `air_rise_k` ([`super::air`]).
    pub fn broken(&self, used: &PerLimit, air_rise_k: f64, into: &mut Vec<Reason>) {
        for limit in Limit::ALL {
            let i = limit.index();
            let (u, c) = (used[i], self.capacity[i]);
            if u <= c * (1.0 + 1e-9) {
                continue;
            }
            let power = |w: f64| uom::si::f64::Power::new::<uom::si::power::watt>(w);
            into.push(match limit {
                Limit::AirCooling => {
                    let side = super::air::AirSide::new(u, c, air_rise_k);
                    Reason::AirCapacity {
                        heat_to_air: side.heat_to_air,
                        capacity: side.capacity,
                        airflow: side.airflow,
                        airflow_capacity: side.airflow_capacity,
                    }
                }
                Limit::FloorArea => {
                    let area = |m2: f64| uom::si::f64::Area::new::<uom::si::area::square_meter>(m2);
                    Reason::FloorSpace {
                        needed: area(u),
                        available: area(c),
                    }
                }
                Limit::Electrical => Reason::ElectricalCapacity {
                    it_design: power(u),
                    capacity: power(c),
                },
                Limit::FacilityWater => Reason::WaterCapacity {
                    heat_to_liquid: power(u),
                    capacity: power(c),
                },
            });
        }
    }

    /// Warnings for limits written below today's use, into `into`.
    pub fn today_over(&self, into: &mut Vec<Reason>) {
        for limit in Limit::ALL {
            let i = limit.index();
            if let Some(written) = self.declared[i]
                && self.today[i] > written * (1.0 + 1e-9)
            {
                into.push(Reason::OverLimitToday {
                    limit,
                    today: Amount::of(limit, self.today[i]),
                    capacity: Amount::of(limit, written),
                });
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use coolplan_model::{Floor, FloorKind};
    use coolplan_units::build::{kg_per_m2, kw, m2};

    pub(crate) fn hall(air_kw: f64, area_m2: f64) -> Hall {
        Hall::bare(
            "H",
            Floor {
                kind: FloorKind::Slab,
                rating: kg_per_m2(1500.0),
            },
            m2(area_m2),
            kw(air_kw),
        )
    }

    #[test]
    fn a_limit_below_today_is_taken_as_today_with_a_warning() {
        // 900 kW of air plant, 1,000 kW on air today: plans keep within 1,000 kW
        let limits = HallLimits::new(&hall(900.0, 500.0), [1.0e6, 100.0, 1.0e6, 0.0]);
        assert_eq!(limits.capacity[0], 1.0e6);
        assert_eq!(limits.capacity[1], 500.0);
        assert_eq!(limits.capacity[2], f64::INFINITY);
        let mut warnings = Vec::new();
        limits.today_over(&mut warnings);
        assert_eq!(warnings.len(), 1);
        // today's state fits; 1,000 kW + 1 W of new load on air does not
        assert!(limits.fits(&limits.today));
        let mut broken = Vec::new();
        limits.broken(&[1.0e6 + 1.0, 100.0, 2.0e6, 0.0], 12.0, &mut broken);
        assert!(matches!(broken[..], [Reason::AirCapacity { .. }]));
        // the finding carries the airflows at 12 K: 1,000,000 W / (1.2 × 1,006 × 12)
        // = 69.030 m³/s for the plant, and 1 W more for the load
        if let [
            Reason::AirCapacity {
                airflow,
                airflow_capacity,
                ..
            },
        ] = &broken[..]
        {
            use uom::si::volume_rate::cubic_meter_per_second as m3s;
            assert!((airflow_capacity.get::<m3s>() - 69.030).abs() < 1e-3);
            assert!(airflow > airflow_capacity);
        }
    }
}
