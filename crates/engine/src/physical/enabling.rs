//! Enabling works (`docs/method.md` §5.1): what a hall must have built before an option runs,
//! priced instead of declared impossible.
//!
//! Owns: the facility water a hall's liquid options run on. A hall with its own facility
//! water uses it; a hall with none gets a **facility-water extension**: a new W32 loop at
//! `cooling.facility_water_extension_supply` on a dry cooler with a trim chiller in series
//! (the default heat rejection, `docs/method.md` §7.3). Its energy is that dry-cooler path; its
//! CAPEX is `prices.facility_water_extension_per_kw` per kW of liquid design heat (dry
//! coolers, pumps, primary piping; the trim chiller is priced by `trim_chiller_per_kw` from
//! the design day, so it is not in the extension's price) with its lead time
//! `prices.facility_water_extension_lead_time`. The plan takes a liquid option in such a hall
//! only where it is worth it with the extension's cost. A hall that forbids the extension
//! (`forbidden_works: [FacilityWaterExtension]`, e.g. a roof that cannot take a dry cooler)
//! gets none: its liquid options are infeasible for want of facility water
//! ([`water_forbidden`]). Also which hall limits an allowed work raises, so that a reference
//! column over them is priced with the work instead of declared infeasible
//! ([`needed_work`]).

use std::borrow::Cow;

use coolplan_model::assumptions::Resolved;
use coolplan_model::{EnablingWork, FacilityWater, Hall, HeatRejection, WaterClass};

use crate::results::Reason;
use uom::si::f64::{ThermodynamicTemperature, Time};
use uom::si::time::day;

/// A hall's facility water for its liquid options, and whether it is an extension.
#[derive(Clone, Debug, PartialEq)]
pub struct HallWater<'h> {
    pub water: Cow<'h, FacilityWater>,
    /// The hall has no facility water: this is a priced extension.
    pub extended: bool,
}

/// The facility water `hall`'s liquid options run on: its own, else the extension.
pub fn hall_water<'h>(hall: &'h Hall, a: &Resolved) -> HallWater<'h> {
    match &hall.facility_water {
        Some(water) => HallWater {
            water: Cow::Borrowed(water),
            extended: false,
        },
        None => HallWater {
            water: Cow::Owned(FacilityWater {
                class: WaterClass::W32,
                supply_temp: a.cooling.facility_water_extension_supply,
                heat_rejection: Some(HeatRejection::DryCooler { adiabatic: false }),
                capacity: None,
            }),
            extended: true,
        },
    }
}

/// Whether `hall` has no facility water and forbids its extension: its liquid options cannot
/// run.
pub fn water_forbidden(hall: &Hall) -> bool {
    hall.facility_water.is_none() && !hall.allows(EnablingWork::FacilityWaterExtension)
}

/// The enabling work that would raise the broken hall limit `reason`, if `hall` allows it:
/// heat on air over the air plant (the air-plant addition) or IT over `it_capacity` (the
/// electrical upgrade). A reference column ("all cold plate", …) over such a limit is not
/// infeasible: it pays for the work (`crate::cost::works`) and says so with a
/// [`Reason::NeedsWork`] warning: the excess, and the calendar year the work comes into
/// service ordered at the study's start (`a`'s first year and lead times).
pub fn needed_work(hall: &Hall, reason: &Reason, a: &Resolved) -> Option<Reason> {
    let (work, used, capacity, lead) = match reason {
        Reason::AirCapacity {
            heat_to_air,
            capacity,
            ..
        } => (
            EnablingWork::AirPlantAddition,
            *heat_to_air,
            *capacity,
            &a.prices.air_plant_addition_lead_time,
        ),
        Reason::ElectricalCapacity {
            it_design,
            capacity,
        } => (
            EnablingWork::ElectricalUpgrade,
            *it_design,
            *capacity,
            &a.prices.electrical_upgrade_lead_time,
        ),
        _ => return None,
    };
    let year = in_service_year(lead.get());
    hall.allows(work).then(|| Reason::NeedsWork {
        work,
        excess: used - capacity,
        in_service: i32::from(a.finance.first_year) + year as i32,
    })
}

/// The cash-flow year a work ordered at the start of the study (1 January of cash-flow year
/// 0) comes into service: the first 1 January on or after the end of its `lead_time`, a
/// year being 365 days (280 days → year 1, 365 days → year 1, 366 days → year 2). What waits
/// for it starts then: nothing is half-built into a year's cash flow.
pub fn in_service_year(lead_time: Time) -> usize {
    let years = lead_time.get::<day>() / 365.0;
    // a lead time a rounding error above a whole number of years is that many years
    (years - 1e-9).ceil().max(0.0) as usize
}

/// A facility-water extension a hall needs: its supply and lead time (its CAPEX is a cost
/// item of each group's liquid options, `CostItem::FacilityWaterExtension`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WaterExtension {
    pub supply: ThermodynamicTemperature,
    pub lead_time: Time,
}

impl WaterExtension {
    /// The extension `hall` needs, if it has no facility water and may have one built.
    pub fn of(hall: &Hall, a: &Resolved) -> Option<Self> {
        let water = hall_water(hall, a);
        (water.extended && hall.allows(EnablingWork::FacilityWaterExtension)).then(|| {
            WaterExtension {
                supply: water.water.supply_temp.get(),
                lead_time: a.prices.facility_water_extension_lead_time.get(),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use coolplan_model::assumptions::Assumptions;
    use coolplan_model::{Floor, FloorKind};
    use coolplan_units::Currency;
    use coolplan_units::build::{deg_c, kg_per_m2, kw, m2};

    #[test]
    fn a_hall_without_water_gets_a_w32_extension_with_its_lead_time() {
        let a = Assumptions::default().resolve(Currency::CNY);
        let mut hall = Hall::bare(
            "room",
            Floor {
                kind: FloorKind::Raised,
                rating: kg_per_m2(800.0),
            },
            m2(60.0),
            kw(90.0),
        );
        let water = hall_water(&hall, &a);
        assert!(water.extended);
        assert_eq!(water.water.class, WaterClass::W32);
        let c = |t: ThermodynamicTemperature| {
            t.get::<uom::si::thermodynamic_temperature::degree_celsius>()
        };
        assert!((c(water.water.supply_temp.get()) - 30.0).abs() < 1e-9);
        // 280 days = 40 weeks
        let extension = WaterExtension::of(&hall, &a).expect("no water");
        assert!((extension.lead_time.get::<uom::si::time::day>() - 280.0).abs() < 1e-9);
        // a hall with its own water needs none
        hall.facility_water = Some(FacilityWater {
            class: WaterClass::W45,
            supply_temp: deg_c(40.0),
            heat_rejection: None,
            capacity: None,
        });
        assert!(!hall_water(&hall, &a).extended);
        assert_eq!(WaterExtension::of(&hall, &a), None);
        assert!(!water_forbidden(&hall));
        // a hall with its own water that forbids the extension still has its water
        hall.forbidden_works = vec![EnablingWork::FacilityWaterExtension];
        assert!(!water_forbidden(&hall));
        // without water, forbidding the extension leaves the liquid options no water
        hall.facility_water = None;
        assert!(water_forbidden(&hall));
        assert_eq!(WaterExtension::of(&hall, &a), None);
    }
}
