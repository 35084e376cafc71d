//! The ledger: each rack group's steady annual energy per option and the share of its load
//! present in each cash-flow year, collected once while the cost engine prices the group,
//! then summed into halls, the site and the plan year by year.
//!
//! A group's figures in cash-flow year t are its steady figures times the share of its
//! average load present (the same presence the cost engine prorates energy cost by), its
//! retrofit share blended with air as its costs are. Cash-flow year t ≥ 1 holds calendar
//! year first_year + t − 1; year 0 holds CAPEX only and no operations.

use super::{CustomerLink, KpiResults, ScopeYears, YearSums, year_figures};
use crate::heat_reuse::{HeatReuse, PerWh};
use crate::per_option::OPTION_COUNT;
use crate::physical::CostDrivers;
use crate::results::CoolingOption;
use coolplan_units::Currency;
use uom::si::energy::watt_hour;
use uom::si::volume::cubic_meter;

/// Steady annual figures of one option of one group (every server present).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct EnergyRow {
    pub it_wh: f64,
    pub facility_wh: f64,
    pub cooling_wh: f64,
    pub water_m3: f64,
    pub liquid_heat_wh: f64,
}

impl EnergyRow {
    pub fn of(drivers: &CostDrivers) -> EnergyRow {
        EnergyRow {
            it_wh: drivers.it_energy.get::<watt_hour>(),
            facility_wh: drivers.facility_energy.get::<watt_hour>(),
            cooling_wh: drivers.cooling_energy.get::<watt_hour>(),
            water_m3: drivers.water.get::<cubic_meter>(),
            liquid_heat_wh: drivers.liquid_heat.get::<watt_hour>(),
        }
    }
    /// `share` of `converted` and the rest of `air` (a partly converted group).
    pub fn blend(converted: &EnergyRow, air: &EnergyRow, share: f64) -> EnergyRow {
        let mix = |c: f64, a: f64| share * c + (1.0 - share) * a;
        EnergyRow {
            it_wh: mix(converted.it_wh, air.it_wh),
            facility_wh: mix(converted.facility_wh, air.facility_wh),
            cooling_wh: mix(converted.cooling_wh, air.cooling_wh),
            water_m3: mix(converted.water_m3, air.water_m3),
            liquid_heat_wh: mix(converted.liquid_heat_wh, air.liquid_heat_wh),
        }
    }
    /// The three options of a group whose `share` converts (air stays whole).
    pub fn rows(drivers: &[CostDrivers; OPTION_COUNT], share: f64) -> [EnergyRow; OPTION_COUNT] {
        let air = EnergyRow::of(&drivers[0]);
        std::array::from_fn(|i| {
            if i == 0 {
                air
            } else {
                EnergyRow::blend(&EnergyRow::of(&drivers[i]), &air, share)
            }
        })
    }
}

/// What the KPIs and the compliance plan read of one rack group.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupEnergy {
    pub hall: usize,
    /// Steady figures per option, indexed by [`CoolingOption::index`].
    pub rows: [EnergyRow; OPTION_COUNT],
    pub feasible: [bool; OPTION_COUNT],
    /// The group's option in its hall's plan (`crate::plan`); air when the plan leaves it
    /// unplaced or as today.
    pub choice: CoolingOption,
    /// Its options on facility water wait for the hall's facility-water extension: cash-flow
    /// years up to this one run on air (0: no wait; `docs/method.md` §5.1).
    pub on_air_until: usize,
    /// Its rear doors run on that extension too (a DX room's door loop).
    pub doors_wait: bool,
}

impl GroupEnergy {
    /// The option the group runs on in its years up to [`GroupEnergy::on_air_until`] when
    /// the plan puts it on `option`: air where `option` waits for the facility-water
    /// extension, else `option` itself.
    fn while_waiting(&self, option: CoolingOption) -> CoolingOption {
        if crate::cost::works::waits_for_extension(option, self.doors_wait) {
            CoolingOption::Air
        } else {
            option
        }
    }
}

/// Every group's rows and yearly presence.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ledger {
    /// Cash-flow years 0..=horizon.
    pub years: usize,
    pub groups: Vec<GroupEnergy>,
    /// Average-load share present, `years` entries per group.
    presence: Vec<f64>,
}

impl Ledger {
    pub fn new(horizon: usize) -> Ledger {
        Ledger {
            years: horizon + 1,
            ..Ledger::default()
        }
    }
    /// Room for `groups` more groups.
    pub fn reserve(&mut self, groups: usize) {
        self.groups.reserve(groups);
        self.presence.reserve(groups.saturating_mul(self.years));
    }
    /// Adds a group; `presence` holds (average, design) shares per cash-flow year.
    pub fn push(&mut self, group: GroupEnergy, presence: &[(f64, f64)]) {
        self.groups.push(group);
        self.presence
            .extend((0..self.years).map(|t| presence.get(t).map_or(0.0, |p| p.0)));
    }
    /// Share of group `g`'s average load present in cash-flow year `t`.
    pub fn present(&self, g: usize, t: usize) -> f64 {
        self.presence
            .get(g * self.years + t)
            .copied()
            .unwrap_or(0.0)
    }
    /// Group `g` on `option` in cash-flow year `t`, its heat sold as `heat` says.
    pub fn group_year(
        &self,
        g: usize,
        option: CoolingOption,
        t: usize,
        heat: &HeatReuse,
    ) -> YearSums {
        let group = &self.groups[g];
        let option = if t <= group.on_air_until {
            group.while_waiting(option)
        } else {
            option
        };
        let per = heat.per_liquid_wh(group.hall, option, t);
        year_sums(&group.rows[option.index()], self.present(g, t), per)
    }
    /// Sums of the site and each hall, per option and for the plan, per cash-flow year:
    /// each sum over the groups in order, of [`Ledger::group_year`]'s figures.
    ///
    /// Each cell takes one addition per group, in group order, whatever order a group's
    /// cells are visited in: a group's figures of one option in one year are computed once
    /// and added into its site and hall columns, and into their plans when the option is the
    /// group's choice.
    pub fn sums(&self, halls: usize, heat: &HeatReuse) -> ScopeSums {
        let years = self.years;
        let zero = || vec![YearSums::default(); years];
        let scope = || Sums {
            options: std::array::from_fn(|_| zero()),
            plan: zero(),
        };
        let mut site = scope();
        let mut hall_sums: Vec<Sums> = (0..halls).map(|_| scope()).collect();
        // where the years of a group in no hall go besides the site's (read by nothing)
        let mut nowhere = scope();
        let no_presence = vec![0.0; years];
        for (g, group) in self.groups.iter().enumerate() {
            let start = g * years;
            let presence = (self.presence.get(start..start + years)).unwrap_or(&no_presence);
            let hall = hall_sums.get_mut(group.hall).unwrap_or(&mut nowhere);
            // a hall that sells no heat: every option and year `PerWh::default()`
            let sells = heat.sells_heat(group.hall).then_some(heat);
            let years = GroupYears {
                group,
                presence,
                sells,
            };
            for (i, option) in CoolingOption::ALL.into_iter().enumerate() {
                let (site_column, hall_column) = (&mut site.options[i], &mut hall.options[i]);
                if option == group.choice {
                    years.add(
                        option,
                        [site_column, hall_column, &mut site.plan, &mut hall.plan],
                    );
                } else {
                    years.add(option, [site_column, hall_column]);
                }
            }
        }
        ScopeSums {
            site,
            halls: hall_sums,
        }
    }
}

/// One group's years as [`Ledger::sums`] adds them.
struct GroupYears<'a> {
    group: &'a GroupEnergy,
    /// Share of its load present per cash-flow year.
    presence: &'a [f64],
    /// The heat prices, where the group's hall sells heat.
    sells: Option<&'a HeatReuse>,
}

impl GroupYears<'_> {
    /// Adds the group's figures on `option` in each year its load is present (year 0 holds no
    /// operations) into each of `columns`: the state it waits in up to
    /// [`GroupEnergy::on_air_until`], then the option's.
    #[inline]
    fn add<const N: usize>(&self, option: CoolingOption, columns: [&mut Vec<YearSums>; N]) {
        let GroupYears {
            group,
            presence,
            sells,
        } = *self;
        let years = presence.len();
        let split = group.on_air_until.saturating_add(1).clamp(1, years);
        let waiting = group.while_waiting(option);
        let mut columns = columns.map(|c| &mut c[..years]);
        for (range, state) in [(1..split, waiting), (split..years, option)] {
            let row = &group.rows[state.index()];
            let Some(heat) = sells else {
                // heat not sold: its figures are the year's liquid heat × 0, ±0 where that is
                // finite, which leave the columns (begun at +0) as they are
                for t in range {
                    let p = presence[t];
                    if p == 0.0 {
                        continue;
                    }
                    let sums = year_sums(row, p, PerWh::default());
                    let unsold = sums.liquid_heat_wh.is_finite();
                    for column in columns.iter_mut() {
                        if unsold {
                            column[t].add_unsold(&sums);
                        } else {
                            column[t].add(&sums);
                        }
                    }
                }
                continue;
            };
            for t in range {
                let p = presence[t];
                if p == 0.0 {
                    continue;
                }
                let sums = year_sums(row, p, heat.per_liquid_wh(group.hall, state, t));
                for column in columns.iter_mut() {
                    column[t].add(&sums);
                }
            }
        }
    }
}

/// A group's year from its steady `row`, `p` of its load present, its liquid heat sold at
/// `per`.
fn year_sums(row: &EnergyRow, p: f64, per: PerWh) -> YearSums {
    let liquid = row.liquid_heat_wh * p;
    YearSums {
        it_wh: row.it_wh * p,
        facility_wh: row.facility_wh * p,
        cooling_wh: row.cooling_wh * p,
        water_m3: row.water_m3 * p,
        liquid_heat_wh: liquid,
        reused_wh: liquid * per.delivered,
        heat_pump_wh: liquid * per.electricity,
        heat_revenue: liquid * per.revenue,
    }
}

/// One scope's yearly sums per option and for the plan (cash-flow years).
#[derive(Clone, Debug, PartialEq)]
pub struct Sums {
    pub options: [Vec<YearSums>; OPTION_COUNT],
    pub plan: Vec<YearSums>,
}

/// The site's and each hall's yearly sums.
#[derive(Clone, Debug, PartialEq)]
pub struct ScopeSums {
    pub site: Sums,
    pub halls: Vec<Sums>,
}

/// How the KPIs are worded into results.
pub struct KpiContext<'a> {
    pub site_name: &'a str,
    pub hall_names: Vec<&'a str>,
    pub first_year: u16,
    pub grid_kg_per_wh: f64,
    pub renewable_share: f64,
    pub currency: Currency,
}

/// The KPI results of `sums`: plan years 1..=horizon as calendar years.
pub fn results(sums: &ScopeSums, heat: &HeatReuse, context: &KpiContext) -> KpiResults {
    let years: Vec<u16> = (1..sums.site.plan.len())
        .map(|t| context.first_year.saturating_add((t - 1) as u16))
        .collect();
    let figures = |series: &[YearSums]| {
        series
            .iter()
            .skip(1)
            .zip(&years)
            .map(|(s, &year)| {
                year_figures(
                    year,
                    s,
                    context.grid_kg_per_wh,
                    context.renewable_share,
                    context.currency,
                )
            })
            .collect::<Vec<_>>()
    };
    let scope = |name: &str, s: &Sums| ScopeYears {
        name: name.to_string(),
        options: std::array::from_fn(|i| figures(&s.options[i])),
        plan: figures(&s.plan),
    };
    KpiResults {
        site: Some(scope(context.site_name, &sums.site)),
        halls: sums
            .halls
            .iter()
            .zip(&context.hall_names)
            .map(|(s, name)| scope(name, s))
            .collect(),
        years,
        renewable_share: context.renewable_share,
        heat_links: heat
            .halls
            .iter()
            .enumerate()
            .filter_map(|(hall, link)| {
                link.map(|l| CustomerLink {
                    customer: heat.customers[l.customer].name.clone(),
                    hall,
                    lift: l.lift,
                    source_c: l.source_c,
                })
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A group of hall `hall` whose option `i` uses `i + 1` units of each figure.
    fn group(hall: usize, choice: CoolingOption, on_air_until: usize) -> GroupEnergy {
        let row = |i: usize| {
            let x = (i + 1) as f64;
            EnergyRow {
                it_wh: x,
                facility_wh: 1.3 * x,
                cooling_wh: 0.2 * x,
                water_m3: 0.01 * x,
                liquid_heat_wh: 0.7 * x,
            }
        };
        GroupEnergy {
            hall,
            rows: std::array::from_fn(row),
            feasible: [true; OPTION_COUNT],
            choice,
            on_air_until,
            doors_wait: false,
        }
    }

    #[test]
    fn sums_add_each_groups_years_in_group_order() {
        let heat = HeatReuse::default();
        let mut ledger = Ledger::new(3);
        // group 0 in hall 1 on cold plate, waiting on air through year 2; group 1 in hall 0
        // on immersion, gone in year 3
        ledger.push(
            group(1, CoolingOption::ColdPlate, 2),
            &[(0.0, 0.0), (0.5, 1.0), (1.0, 1.0), (1.0, 1.0)],
        );
        ledger.push(
            group(0, CoolingOption::Immersion, 0),
            &[(0.0, 0.0), (1.0, 1.0), (0.25, 1.0)],
        );
        let sums = ledger.sums(2, &heat);
        // year 2, cold plate column (index 3): group 0 waits on air (row 0 × 1.0: IT 1 Wh),
        // group 1 runs cold plate (row 3 × 0.25: IT 4 × 0.25 = 1 Wh): 2 Wh at the site
        assert_eq!(sums.site.options[3][2].it_wh, 2.0);
        // year 3, off the wait: group 0 alone on cold plate, 4 Wh
        assert_eq!(sums.site.options[3][3].it_wh, 4.0);
        // hall 1 holds group 0 only; its plan column is cold plate: year 1 on air, 0.5 Wh
        assert_eq!(sums.halls[1].plan[1].it_wh, 0.5);
        assert_eq!(sums.halls[0].plan[3], YearSums::default());
        // every cell equals the groups' years added in order, from zero
        for t in 1..4 {
            for option in CoolingOption::ALL {
                let mut site = YearSums::default();
                for g in 0..2 {
                    site.add(&ledger.group_year(g, option, t, &heat));
                }
                assert_eq!(sums.site.options[option.index()][t], site);
            }
        }
    }

    #[test]
    fn sums_of_groups_outside_the_halls_and_on_door_waits_are_each_groups_years_in_order() {
        let heat = HeatReuse::default();
        let mut ledger = Ledger::new(4);
        let always = [(0.0, 0.0), (1.0, 1.0), (1.0, 1.0), (0.5, 1.0), (1.0, 1.0)];
        // hall 0 of one: a group whose doors wait through year 3, chosen rear doors
        let mut doors = group(0, CoolingOption::RearDoorPassive, 3);
        doors.doors_wait = true;
        ledger.push(doors, &always);
        // a group in no hall the sums hold (hall 4), on immersion, waiting through year 1
        ledger.push(group(4, CoolingOption::Immersion, 1), &always);
        // a group present in no year adds nothing
        ledger.push(group(0, CoolingOption::ColdPlate, 0), &[]);
        let sums = ledger.sums(1, &heat);
        // year 3, rear-door column (index 1): group 0 waits on air (row 0, IT 1 × 0.5), group 1
        // runs its doors (row 1, IT 2 × 0.5): 0.5 + 1 = 1.5 Wh at the site, 0.5 in hall 0
        assert_eq!(sums.site.options[1][3].it_wh, 1.5);
        assert_eq!(sums.halls[0].options[1][3].it_wh, 0.5);
        // year 4, the plan: group 0 on its doors (2 Wh), group 1 on immersion (7 Wh): 9 Wh
        assert_eq!(sums.site.plan[4].it_wh, 9.0);
        assert_eq!(sums.halls[0].plan[4].it_wh, 2.0);
        for t in 0..5 {
            for option in CoolingOption::ALL {
                let (mut site, mut hall) = (YearSums::default(), YearSums::default());
                for g in 0..3 {
                    if t > 0 && ledger.present(g, t) != 0.0 {
                        let year = ledger.group_year(g, option, t, &heat);
                        site.add(&year);
                        if ledger.groups[g].hall == 0 {
                            hall.add(&year);
                        }
                    }
                }
                assert_eq!(sums.site.options[option.index()][t], site);
                assert_eq!(sums.halls[0].options[option.index()][t], hall);
            }
        }
    }

    #[test]
    fn unsold_heat_sums_have_the_bits_of_every_figure_added() {
        let heat = HeatReuse::default();
        let mut ledger = Ledger::new(2);
        let always = [(0.0, 0.0), (1.0, 1.0), (0.5, 1.0)];
        // liquid heat −0.7 Wh (its sold heat −0.7 × 0 = −0), then +∞ (∞ × 0 = NaN), then
        // +0.7 again: the heat columns go +0, then NaN from the second group on
        let mut cooled_below = group(0, CoolingOption::Air, 0);
        cooled_below.rows[0].liquid_heat_wh = -0.7;
        let mut endless = group(0, CoolingOption::Air, 0);
        endless.rows[0].liquid_heat_wh = f64::INFINITY;
        for g in [
            cooled_below.clone(),
            endless,
            group(0, CoolingOption::Air, 0),
        ] {
            ledger.push(g, &always);
        }
        let bits = |s: &YearSums| {
            [
                s.it_wh,
                s.liquid_heat_wh,
                s.reused_wh,
                s.heat_pump_wh,
                s.heat_revenue,
            ]
            .map(f64::to_bits)
        };
        for groups in [1, 3] {
            let mut few = ledger.clone();
            few.groups.truncate(groups);
            let sums = few.sums(1, &heat);
            for t in 1..3 {
                let mut plain = YearSums::default();
                for g in 0..groups {
                    plain.add(&few.group_year(g, CoolingOption::Air, t, &heat));
                }
                assert_eq!(bits(&sums.site.options[0][t]), bits(&plain));
            }
            // one group: −0.7 Wh × 1 in year 1, its sold heat +0 (−0 added to +0)
            if groups == 1 {
                assert_eq!(sums.site.options[0][1].liquid_heat_wh, -0.7);
                assert_eq!(
                    sums.site.options[0][1].reused_wh.to_bits(),
                    0.0f64.to_bits()
                );
            } else {
                assert!(sums.site.options[0][1].reused_wh.is_nan());
            }
        }
    }
}
