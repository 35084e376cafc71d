//! Enabling works in the plan (`docs/method.md` §5.1): what each work that may raise a hall's
//! limit is worth to the plan search, and the works a hall's final plan needs as priced line
//! items with their lead times.
//!
//! Owns: the **air-plant addition** (raises the air-cooling limit by the plan's excess heat on
//! air, at `prices.air_added_capacity_per_kw`, lead time `air_plant_addition_lead_time`) and
//! the **electrical upgrade** (raises `it_capacity` by the plan's excess IT at design, at
//! `electrical_upgrade_per_kw`, lead time `electrical_upgrade_lead_time`), each unless the
//! hall forbids it; and the line of the **facility-water extension**, which each group's
//! liquid options already pay (`CostItem::FacilityWaterExtension`). A work is sized on the
//! hall's total excess, bought in the hall's first year of new servers (the only load that
//! can raise heat on air or IT above today's, which the limits already hold), with its
//! contingency in the itemised mode as every other item. Its energy is already in the plan:
//! the heat on air is priced on the hall's air plant (§7) whatever its capacity; the upgrade
//! has none of its own. Never touches: the search (`crate::plan`), words.

use coolplan_model::assumptions::prices::PricesResolved;
use coolplan_model::{CostMode, EnablingWork, Hall};
use coolplan_units::{Currency, Money, PowerUnit};
use uom::si::f64::{Power, Time};
use uom::si::power::watt;
use uom::si::time::day;

use super::Pricer;
use super::basis::RackBasis;
use super::streams::Streams;
use crate::physical::enabling::WaterExtension;
use crate::physical::limits::PerLimit;
use crate::plan::{HallProblem, NO_WORKS, Works};
use crate::results::{CoolingOption, CostItem, Limit, PlannedWork};

/// A work that may raise one limit of a hall.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Term {
    work: EnablingWork,
    item: CostItem,
    /// CAPEX per W, before contingency.
    price_w: f64,
    lead_time: Time,
}

/// The works that may raise a hall's limits, and when they are bought.
#[derive(Clone, Debug, PartialEq)]
pub struct HallWorks {
    terms: [Option<Term>; Limit::ALL.len()],
    /// Cash-flow year index the works are bought in.
    pub year: usize,
    contingency: f64,
}

impl HallWorks {
    /// The works `hall` may have, its groups' cost `bases` giving the year they are bought.
    pub fn new(hall: &Hall, bases: &[RackBasis], prices: &PricesResolved, mode: CostMode) -> Self {
        let per_w = |p: &coolplan_units::Price<PowerUnit>| p.amount_per(PowerUnit::kW) / 1000.0;
        let term = |work, item, price_w, lead_time: &coolplan_units::TimeQ| {
            hall.allows(work).then_some(Term {
                work,
                item,
                price_w,
                lead_time: lead_time.get(),
            })
        };
        let mut terms = [None; Limit::ALL.len()];
        terms[Limit::AirCooling.index()] = term(
            EnablingWork::AirPlantAddition,
            CostItem::AirPlantAddition,
            per_w(&prices.air_added_capacity_per_kw),
            &prices.air_plant_addition_lead_time,
        );
        terms[Limit::Electrical.index()] = term(
            EnablingWork::ElectricalUpgrade,
            CostItem::ElectricalUpgrade,
            per_w(&prices.electrical_upgrade_per_kw),
            &prices.electrical_upgrade_lead_time,
        );
        Self {
            terms,
            year: first_arrival(bases),
            contingency: if mode == CostMode::Itemised {
                prices.contingency
            } else {
                0.0
            },
        }
    }

    /// Per limit, the NPV of one W of its work bought in [`HallWorks::year`] (`factors`: the
    /// discount factors `(1 + r)^t`); [`NO_WORKS`] when the year is past the horizon.
    pub fn npv_per_w(&self, factors: &[f64]) -> Works {
        let Some(f) = factors.get(self.year) else {
            return NO_WORKS;
        };
        self.terms
            .map(|t| t.map(|t| -(1.0 + self.contingency) * t.price_w / f))
    }

    /// Spends the works that `excess` (per limit, W) needs into `streams`, and lists them with
    /// their lead times (`first_year`: the calendar year of cash-flow year 0) into `into`.
    pub fn charge(
        &self,
        excess: &PerLimit,
        first_year: u16,
        currency: Currency,
        streams: &mut Streams,
        into: &mut Vec<PlannedWork>,
    ) {
        for (term, x) in self.terms.iter().zip(excess) {
            let Some(t) = term else { continue };
            if *x <= 0.0 || self.year >= streams.years() {
                continue;
            }
            let amount = t.price_w * x;
            streams.spend(t.item, self.year, amount);
            if self.contingency != 0.0 {
                streams.spend(CostItem::Contingency, self.year, self.contingency * amount);
            }
            into.push(planned(
                t.work,
                Power::new::<watt>(*x),
                Money::new(amount, currency),
                (self.year, first_year),
                t.lead_time,
            ));
        }
    }
}

/// The line of a work of `size` and `capex` needed from cash-flow year `year.0` (`year.1`:
/// calendar year of year 0): late when its lead time, from the start of the study, runs past
/// the start of that year.
pub fn planned(
    work: EnablingWork,
    size: Power,
    capex: Money,
    (year, first_year): (usize, u16),
    lead_time: Time,
) -> PlannedWork {
    PlannedWork {
        work,
        size,
        capex,
        needed_from: i32::from(first_year) + year as i32,
        lead_time,
        late: lead_time.get::<day>() > 365.0 * year as f64,
    }
}

/// The enabling works a hall's plan (`problem`, `choices`) needs, in [`EnablingWork::ALL`]
/// order: its facility-water `extension`, if any (already in its groups' costs; `liquid` as in
/// [`water_line`]), and the works `hall_works` charges into `plan_streams` for the plan's
/// excess over the limits they raise.
pub fn plan_lines(
    (problem, choices): (&HallProblem<'_>, &[Option<CoolingOption>]),
    liquid: impl Iterator<Item = (f64, usize)>,
    pricer: &Pricer<'_>,
    hall_works: Option<&HallWorks>,
    extension: Option<WaterExtension>,
    plan_streams: &mut Streams,
) -> Vec<PlannedWork> {
    let first_year = pricer.assumptions.finance.first_year;
    let currency = pricer.site.currency;
    let mut lines = Vec::new();
    if let Some(extension) = extension {
        let price = pricer.assumptions.prices.facility_water_extension_per_kw;
        lines.extend(water_line(
            liquid,
            Money::new(price.amount_per(PowerUnit::kW), currency),
            first_year,
            extension.lead_time,
        ));
    }
    if let Some(hall_works) = hall_works {
        let excess = problem.excess(&problem.uses(choices));
        hall_works.charge(&excess, first_year, currency, plan_streams, &mut lines);
    }
    lines
}

/// The line of a hall's facility-water extension under its plan: `liquid` gives, for each
/// group on a liquid option, its liquid design heat in W (retrofit share applied) and its first
/// cash-flow year; the CAPEX is what those groups pay (`price_per_kw` per kW of it).
pub fn water_line(
    liquid: impl Iterator<Item = (f64, usize)>,
    price_per_kw: Money,
    first_year: u16,
    lead_time: Time,
) -> Option<PlannedWork> {
    let (mut size_w, mut year) = (0.0, usize::MAX);
    for (w, y) in liquid {
        size_w += w;
        year = year.min(y);
    }
    (size_w > 0.0).then(|| {
        planned(
            EnablingWork::FacilityWaterExtension,
            Power::new::<watt>(size_w),
            Money::new(price_per_kw.amount * size_w / 1000.0, price_per_kw.currency),
            (year, first_year),
            lead_time,
        )
    })
}

/// Cash-flow year of the first new servers among `bases` (0 without any).
fn first_arrival(bases: &[RackBasis]) -> usize {
    bases
        .iter()
        .flat_map(|b| b.new.iter().map(|c| c.year))
        .min()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use coolplan_model::assumptions::Assumptions;

    #[test]
    fn a_hall_100_kw_over_its_air_plant_buys_a_100_kw_addition() {
        let a = Assumptions::default().resolve(Currency::CNY);
        let hall = crate::physical::limits::tests::hall(500.0, 300.0);
        let works = HallWorks::new(&hall, &[], &a.prices, CostMode::PerKw);
        // 3,000 CNY/kW = 3 CNY/W, bought in year 0 (no new servers): NPV −3 per W
        let w = works.npv_per_w(&[1.0, 1.08]);
        assert_eq!(w[Limit::AirCooling.index()], Some(-3.0));
        // 5,000 CNY/kW for the electrical upgrade
        assert_eq!(w[Limit::Electrical.index()], Some(-5.0));
        assert_eq!(w[Limit::FloorArea.index()], None);
        let mut streams = Streams::zero(1);
        let mut lines = Vec::new();
        // 100 kW over the air plant: 100,000 W × 3 CNY/W = 300,000 CNY
        let excess = [100_000.0, 0.0, 0.0, 0.0];
        works.charge(&excess, 2026, Currency::CNY, &mut streams, &mut lines);
        assert!((streams.capex_total() - 300_000.0).abs() < 1e-6);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].work, EnablingWork::AirPlantAddition);
        assert!((lines[0].size.get::<uom::si::power::kilowatt>() - 100.0).abs() < 1e-9);
        assert!((lines[0].capex.amount - 300_000.0).abs() < 1e-6);
        // needed in 2026 (year 0): 252 days of lead time make it late
        assert_eq!(lines[0].needed_from, 2026);
        assert!(lines[0].late);
        // a hall that forbids it has no such work
        let mut forbidding = hall.clone();
        forbidding.forbidden_works = vec![EnablingWork::AirPlantAddition];
        let none = HallWorks::new(&forbidding, &[], &a.prices, CostMode::PerKw);
        assert_eq!(none.npv_per_w(&[1.0])[Limit::AirCooling.index()], None);
    }

    #[test]
    fn a_work_needed_a_year_after_the_start_is_in_time() {
        // 252 days < 365: ordered at the start, in service before year 1 begins
        let line = planned(
            EnablingWork::ElectricalUpgrade,
            Power::new::<watt>(1.0),
            Money::new(5.0, Currency::CNY),
            (1, 2026),
            Time::new::<day>(252.0),
        );
        assert_eq!(line.needed_from, 2027);
        assert!(!line.late);
    }
}
