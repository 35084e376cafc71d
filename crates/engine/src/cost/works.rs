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
//! hall's total excess and paid when it is needed — the hall's first year of new servers (the
//! only load that can raise heat on air or IT above today's, which the limits already hold) —
//! or, ordered at the study's start, when it comes into service if that is later
//! ([`in_service_year`]), with its contingency in the itemised mode as every other item. Its
//! energy is already in the plan: the heat on air is priced on the hall's air plant (§7)
//! whatever its capacity; the upgrade has none of its own. Also owns the wait of a group's
//! liquid options for the hall's facility-water extension ([`wait_for_water`]). Never
//! touches: the search (`crate::plan`), words.

use coolplan_model::assumptions::prices::PricesResolved;
use coolplan_model::{CostMode, EnablingWork, Hall};
use coolplan_units::{Currency, Money, PowerUnit};
use uom::si::f64::{Power, Time};
use uom::si::power::watt;

use super::Pricer;
use super::basis::RackBasis;
use super::streams::Streams;
use crate::per_option::PerOption;
use crate::physical::enabling::WaterExtension;
use crate::physical::limits::PerLimit;
use crate::plan::{HallProblem, Works};
use crate::results::{CoolingOption, CostItem, Limit, PlannedWork};

pub use crate::physical::enabling::in_service_year;

/// A group's options that run on facility water ([`CoolingOption::needs_facility_water`]:
/// rear doors, cold plate onto water, immersion) wait for its hall's facility-water extension
/// in service in cash-flow year `in_service` ([`in_service_year`]): each converts then,
/// running on air until that year ([`Streams::defer_conversion`]). Nothing changes for a
/// group whose liquid plant is first needed (`first_year`) at or after it, nor for an option
/// that returns its heat to the room's air.
/// Rear doors on air-cooled servers wait only where `doors_on_extension` (a DX room's door
/// loop runs on the extension; a chilled-water hall's runs on its chilled water,
/// `physical::door::door_supply`). Options not `priced` keep their zero streams.
pub fn wait_for_water(
    options: &mut PerOption<Streams>,
    priced: &PerOption<bool>,
    first_year: usize,
    in_service: usize,
    doors_on_extension: bool,
) {
    if first_year >= in_service {
        return;
    }
    debug_assert_eq!(CoolingOption::Air.index(), 0);
    let (air, retrofits) = options.0.split_at_mut(1);
    for (option, streams) in CoolingOption::RETROFITS.into_iter().zip(retrofits) {
        if priced[option] && waits_for_extension(option, doors_on_extension) {
            streams.defer_conversion(&air[0], in_service);
        }
    }
}

/// Whether `option` runs on a hall's facility-water extension: its liquid loop on facility
/// water, or its rear doors where `doors_on_extension`.
pub fn waits_for_extension(option: CoolingOption, doors_on_extension: bool) -> bool {
    option.needs_facility_water() && (!option.on_air() || doors_on_extension)
}

/// A work that may raise one limit of a hall.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Term {
    work: EnablingWork,
    item: CostItem,
    /// CAPEX per W, before contingency.
    price_w: f64,
    lead_time: Time,
    /// Cash-flow year it is paid in: when first needed, or in service if later.
    year: usize,
}

/// The works that may raise a hall's limits, and when they are needed and bought.
#[derive(Clone, Debug, PartialEq)]
pub struct HallWorks {
    terms: [Option<Term>; Limit::ALL.len()],
    /// Cash-flow year the works are first needed in (the hall's first new servers).
    pub needed: usize,
    contingency: f64,
}

impl HallWorks {
    /// The works `hall` may have, its groups' cost `bases` giving the year they are bought.
    pub fn new(hall: &Hall, bases: &[RackBasis], prices: &PricesResolved, mode: CostMode) -> Self {
        let per_w = |p: &coolplan_units::Price<PowerUnit>| p.amount_per(PowerUnit::kW) / 1000.0;
        let needed = first_arrival(bases);
        let term = |work, item, price_w, lead_time: &coolplan_units::TimeQ| {
            hall.allows(work).then_some(Term {
                work,
                item,
                price_w,
                lead_time: lead_time.get(),
                year: needed.max(in_service_year(lead_time.get())),
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
            needed,
            contingency: if mode == CostMode::Itemised {
                prices.contingency
            } else {
                0.0
            },
        }
    }

    /// Per limit, the NPV of one W of its work bought in its year (`factors`: the discount
    /// factors `(1 + r)^t`); none for a work whose year is past the horizon.
    pub fn npv_per_w(&self, factors: &[f64]) -> Works {
        self.terms.map(|t| {
            let t = t?;
            let f = factors.get(t.year)?;
            Some(-(1.0 + self.contingency) * t.price_w / f)
        })
    }

    /// Spends the works that `excess` (per limit, W) needs into `streams`: what a reference
    /// column ("all cold plate", …) over a limit a work raises pays for it.
    pub fn spend(&self, excess: &PerLimit, streams: &mut Streams) {
        for (term, x) in self.terms.iter().zip(excess) {
            if let Some(t) = term {
                self.spend_one(t, *x, streams);
            }
        }
    }

    /// Spends work `t` for `excess_w` (its CAPEX and contingency, in its year); the CAPEX
    /// before contingency, `None` when nothing is needed or its year is past the horizon.
    fn spend_one(&self, t: &Term, excess_w: f64, streams: &mut Streams) -> Option<f64> {
        if excess_w <= 0.0 || t.year >= streams.years() {
            return None;
        }
        let amount = t.price_w * excess_w;
        streams.spend(t.item, t.year, amount);
        if self.contingency != 0.0 {
            streams.spend(CostItem::Contingency, t.year, self.contingency * amount);
        }
        Some(amount)
    }

    /// Spends the works that `excess` (per limit, W, against `capacity`) needs into
    /// `streams`, and lists them with their lead times (`first_year`: the calendar year of
    /// cash-flow year 0; `new_from`: each group's index in the results and first year of new
    /// servers, the groups that need the works) into `into`.
    pub fn charge(
        &self,
        (excess, capacity): (&PerLimit, &PerLimit),
        (first_year, currency): (u16, Currency),
        new_from: &[(usize, usize)],
        streams: &mut Streams,
        into: &mut Vec<PlannedWork>,
    ) {
        for (k, (term, x)) in self.terms.iter().zip(excess).enumerate() {
            let Some(t) = term else { continue };
            let Some(amount) = self.spend_one(t, *x, streams) else {
                continue;
            };
            let mut line = planned(
                t.work,
                Power::new::<watt>(*x),
                Money::new(amount, currency),
                (self.needed, first_year),
                t.lead_time,
                new_from,
            );
            line.raises = Some((Limit::ALL[k], Power::new::<watt>(capacity[k])));
            into.push(line);
        }
    }
}

/// The line of a work of `size` and `capex` needed from cash-flow year `year.0` (`year.1`:
/// calendar year of year 0), for the groups `needs` (index in the results, cash-flow year
/// each first needs it): late when its lead time, from the start of the study, runs past the
/// start of that year; the groups that need it before it is in service wait for it.
pub fn planned(
    work: EnablingWork,
    size: Power,
    capex: Money,
    (year, first_year): (usize, u16),
    lead_time: Time,
    needs: &[(usize, usize)],
) -> PlannedWork {
    let in_service = in_service_year(lead_time);
    PlannedWork {
        work,
        size,
        capex,
        needed_from: i32::from(first_year) + year as i32,
        lead_time,
        in_service: i32::from(first_year) + in_service as i32,
        late: in_service > year,
        raises: None,
        groups: needs.iter().map(|(g, _)| *g).collect(),
        waiting: needs
            .iter()
            .filter(|(_, y)| *y < in_service)
            .map(|(g, _)| *g)
            .collect(),
    }
}

/// The enabling works a hall's plan (`problem`, `choices`) needs, in [`EnablingWork::ALL`]
/// order: its facility-water `extension`, if any (already in its groups' costs; `liquid` as in
/// [`water_line`]), and the works `hall_works` charges into `plan_streams` for the plan's
/// excess over the limits they raise (`new_from`: each group with new servers, its index in
/// the results and year of its first new servers).
pub fn plan_lines(
    (problem, choices): (&HallProblem<'_>, &[Option<CoolingOption>]),
    liquid: impl Iterator<Item = (f64, usize, usize)>,
    new_from: &[(usize, usize)],
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
        hall_works.charge(
            (&excess, &problem.limits.capacity),
            (first_year, currency),
            new_from,
            plan_streams,
            &mut lines,
        );
    }
    lines
}

/// The line of a hall's facility-water extension under its plan: `liquid` gives, for each
/// group on a liquid option, its liquid design heat in W (retrofit share applied), its first
/// cash-flow year and its index in the results; the CAPEX is what those groups pay
/// (`price_per_kw` per kW of it).
pub fn water_line(
    liquid: impl Iterator<Item = (f64, usize, usize)>,
    price_per_kw: Money,
    first_year: u16,
    lead_time: Time,
) -> Option<PlannedWork> {
    let (mut size_w, mut year) = (0.0, usize::MAX);
    let mut needs = Vec::new();
    for (w, y, g) in liquid {
        size_w += w;
        year = year.min(y);
        needs.push((g, y));
    }
    (size_w > 0.0).then(|| {
        planned(
            EnablingWork::FacilityWaterExtension,
            Power::new::<watt>(size_w),
            Money::new(price_per_kw.amount * size_w / 1000.0, price_per_kw.currency),
            (year, first_year),
            lead_time,
            &needs,
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
    use uom::si::time::day;

    #[test]
    fn a_hall_100_kw_over_its_air_plant_buys_a_100_kw_addition() {
        let a = Assumptions::default().resolve(Currency::CNY);
        let hall = crate::physical::limits::tests::hall(500.0, 300.0);
        let works = HallWorks::new(&hall, &[], &a.prices, CostMode::PerKw);
        // 3,000 CNY/kW = 3 CNY/W, needed in year 0 (no new servers) but in service in year 1
        // (252 days): paid then, NPV −3 / 1.08 = −2.777… per W at 8 %
        let w = works.npv_per_w(&[1.0, 1.08]);
        assert_eq!(w[Limit::AirCooling.index()], Some(-3.0 / 1.08));
        // 5,000 CNY/kW for the electrical upgrade: −5 / 1.08
        assert_eq!(w[Limit::Electrical.index()], Some(-5.0 / 1.08));
        assert_eq!(w[Limit::FloorArea.index()], None);
        // a one-year study (years 0 and 1) holds it; a study of year 0 alone does not
        assert_eq!(works.npv_per_w(&[1.0])[Limit::AirCooling.index()], None);
        let mut streams = Streams::zero(1);
        let mut lines = Vec::new();
        // 100 kW over a 500 kW air plant: 100,000 W × 3 CNY/W = 300,000 CNY, in year 1
        let excess = [100_000.0, 0.0, 0.0, 0.0];
        let capacity = [500_000.0, 300.0, 0.0, 0.0];
        works.charge(
            (&excess, &capacity),
            (2026, Currency::CNY),
            &[(4, 0)],
            &mut streams,
            &mut lines,
        );
        assert!((streams.capex_in(1) - 300_000.0).abs() < 1e-6);
        assert_eq!(streams.capex_in(0), 0.0);
        assert_eq!(lines.len(), 1);
        let line = &lines[0];
        assert_eq!(line.work, EnablingWork::AirPlantAddition);
        assert!((line.size.get::<uom::si::power::kilowatt>() - 100.0).abs() < 1e-9);
        assert!((line.capex.amount - 300_000.0).abs() < 1e-6);
        // needed in 2026 (year 0), in service 1 January 2027: late, group 4 waits for it
        assert_eq!((line.needed_from, line.in_service), (2026, 2027));
        assert!(line.late);
        assert_eq!(
            (line.groups.as_slice(), line.waiting.as_slice()),
            (&[4][..], &[4][..])
        );
        let (limit, raised) = line.raises.expect("raises the air limit");
        assert_eq!(limit, Limit::AirCooling);
        assert!((raised.get::<uom::si::power::kilowatt>() - 500.0).abs() < 1e-9);
        // a hall that forbids it has no such work
        let mut forbidding = hall.clone();
        forbidding.forbidden_works = vec![EnablingWork::AirPlantAddition];
        let none = HallWorks::new(&forbidding, &[], &a.prices, CostMode::PerKw);
        assert_eq!(
            none.npv_per_w(&[1.0, 1.08])[Limit::AirCooling.index()],
            None
        );
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
            &[(0, 1), (1, 3)],
        );
        assert_eq!((line.needed_from, line.in_service), (2027, 2027));
        assert!(!line.late);
        assert!(line.waiting.is_empty());
        assert_eq!(line.groups, vec![0, 1]);
    }

    #[test]
    fn a_work_comes_into_service_on_the_first_new_year_after_its_lead_time() {
        let year = |days: f64| in_service_year(Time::new::<day>(days));
        // 0 days: at once; 280 days (40 weeks): 1 January of year 1; exactly 365: year 1;
        // 366: year 2
        assert_eq!(
            [year(0.0), year(280.0), year(365.0), year(366.0)],
            [0, 1, 1, 2]
        );
    }
}
