//! The ledger: each rack group's steady annual energy per option and the share of its load
//! present in each cash-flow year, collected once while the cost engine prices the group,
//! then summed into halls, the site and the plan year by year.
//!
//! A group's figures in cash-flow year t are its steady figures times the share of its
//! average load present (the same presence the cost engine prorates energy cost by), its
//! retrofit share blended with air as its costs are. Cash-flow year t ≥ 1 holds calendar
//! year first_year + t − 1; year 0 holds CAPEX only and no operations.

use super::{CustomerLink, KpiResults, ScopeYears, YearSums, year_figures};
use crate::heat_reuse::HeatReuse;
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
    /// NPV against air per option.
    pub npv: [f64; OPTION_COUNT],
    pub capex: [f64; OPTION_COUNT],
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
        let waits = crate::cost::works::waits_for_extension(option, group.doors_wait);
        let option = if t <= group.on_air_until && waits {
            CoolingOption::Air
        } else {
            option
        };
        year_sums(group, option, self.present(g, t), t, heat)
    }
    /// Sums of the site and each hall, per option and for the plan, per cash-flow year:
    /// each sum over the groups in order, of [`Ledger::group_year`]'s figures.
    pub fn sums(&self, halls: usize, heat: &HeatReuse) -> ScopeSums {
        let zero = || vec![YearSums::default(); self.years];
        let scope = || Sums {
            options: std::array::from_fn(|_| zero()),
            plan: zero(),
        };
        let mut site = scope();
        let mut hall_sums: Vec<Sums> = (0..halls).map(|_| scope()).collect();
        let no_presence = vec![0.0; self.years];
        for (g, group) in self.groups.iter().enumerate() {
            let start = g * self.years;
            let presence = (self.presence.get(start..start + self.years)).unwrap_or(&no_presence);
            let mut hall = hall_sums.get_mut(group.hall);
            // each option's state in a year up to the group's wait (air where it waits)
            let waiting = CoolingOption::ALL.map(|option| {
                if crate::cost::works::waits_for_extension(option, group.doors_wait) {
                    CoolingOption::Air
                } else {
                    option
                }
            });
            for (t, &p) in presence.iter().enumerate().skip(1) {
                if p == 0.0 {
                    continue;
                }
                for (i, option) in CoolingOption::ALL.into_iter().enumerate() {
                    let state = if t <= group.on_air_until {
                        waiting[i]
                    } else {
                        option
                    };
                    let sums = year_sums(group, state, p, t, heat);
                    site.options[i][t].add(&sums);
                    if let Some(hall) = hall.as_deref_mut() {
                        hall.options[i][t].add(&sums);
                    }
                    if option == group.choice {
                        site.plan[t].add(&sums);
                        if let Some(hall) = hall.as_deref_mut() {
                            hall.plan[t].add(&sums);
                        }
                    }
                }
            }
        }
        ScopeSums {
            site,
            halls: hall_sums,
        }
    }
}

/// `group` running on `option` in cash-flow year `t` with `present` of its load, its heat
/// sold as `heat` says.
fn year_sums(
    group: &GroupEnergy,
    option: CoolingOption,
    present: f64,
    t: usize,
    heat: &HeatReuse,
) -> YearSums {
    let row = &group.rows[option.index()];
    let p = present;
    let liquid = row.liquid_heat_wh * p;
    let per = heat.per_liquid_wh(group.hall, option, t);
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
