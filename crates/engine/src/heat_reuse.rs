//! Heat reuse: the liquid loops' heat sold to a heat customer (a district heating network, a
//! building), year by year and option by option, and what it earns.
//!
//! Owns: which heat a customer takes, the heat pump's lift and electricity, the revenue and
//! the connection CAPEX, and their share per rack group. Never touches: the thermal
//! arithmetic (it reads each group's liquid heat), files, words.
//!
//! Model (`docs/method.md` §13):
//! - Source: a hall's facility-water return, `T_src = T_facility supply + ΔT_loop` (the loop
//!   ΔT of `cooling.loop_delta_t`). Heat goes straight through a heat exchanger when
//!   `T_src − approach ≥ T_customer` (approach = `cooling.cdu_approach`); otherwise a heat pump
//!   of the customer's COP lifts it, delivering `COP / (COP − 1)` per unit of loop heat and
//!   drawing `1 / COP` of electricity per unit delivered. Without a COP, or without facility
//!   water, the hall sells nothing.
//! - Quantity: the customer takes heat in its months (their share `m` of the 8,760 h year)
//!   up to its capacity. In year t a customer serving halls h has potential delivery
//!   `D_pot = Σ_h E_h(t)·m·k_h` (E the halls' liquid heat of the year, k_h = 1 or
//!   COP / (COP − 1)) and takes `D = min(D_pot, capacity·H_months)`; every hall is scaled by
//!   `σ(t) = D / D_pot`. Average loads over the year, not hour by hour.
//! - Money: per unit of liquid heat a group earns `σ·m·k·(price − e/COP)` (e the electricity
//!   price; the heat-pump term only with a lift). The connection CAPEX is shared by liquid heat
//!   at full load and spent the year before supply starts. Heat rejection energy saved by the
//!   reuse is not credited (conservative).
//! - Each option is valued as if every group of the served halls took it (σ of that option),
//!   so a plan mixing options shares capacity as the all-liquid option would: conservative
//!   for a plan with fewer liquid groups.
//! - ERF counts the delivered heat (EU 2024/1364: reused heat is measured where it is handed
//!   to the other party); the heat pump's electricity is part of E_DC.

use crate::per_option::OPTION_COUNT;
use coolplan_model::assumptions::Resolved;
use coolplan_model::compliance::date::days_in_month;
use coolplan_model::{HeatCustomer, Site};
use coolplan_units::{EnergyUnit, TempDiffUnit, TemperatureUnit};

use crate::results::CoolingOption;

/// Hours of a common year.
const YEAR_H: f64 = 8760.0;

/// How a hall's loop heat reaches its customer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Lift {
    /// Warm enough for a heat exchanger.
    Direct,
    /// Lifted by a heat pump of this COP.
    HeatPump { cop: f64 },
    /// Colder than the customer needs and no COP given.
    NoHeatPump,
}

impl Lift {
    /// Delivered heat per unit of loop heat (`k`).
    pub fn delivered_per_source(self) -> f64 {
        match self {
            Lift::Direct => 1.0,
            Lift::HeatPump { cop } => cop / (cop - 1.0),
            Lift::NoHeatPump => 0.0,
        }
    }
    /// Heat-pump electricity per unit of delivered heat.
    pub fn electricity_per_delivered(self) -> f64 {
        match self {
            Lift::HeatPump { cop } => 1.0 / cop,
            _ => 0.0,
        }
    }
}

/// A customer with its numbers unwrapped once.
#[derive(Clone, Debug, PartialEq)]
pub struct Customer {
    pub name: String,
    /// Supply temperature the customer needs, °C.
    pub supply_c: f64,
    pub capacity_w: f64,
    /// Price per delivered Wh, site currency.
    pub price_per_wh: f64,
    /// Share of the year's hours in the customer's months.
    pub month_share: f64,
    /// First cash-flow year of supply (cash-flow year t holds calendar first_year + t − 1).
    pub first_flow_year: usize,
    pub capex: f64,
}

impl Customer {
    fn new(customer: &HeatCustomer, first_year: u16) -> Customer {
        let months_h: f64 = if customer.months.is_empty() {
            YEAR_H
        } else {
            // a common year: February has 28 days
            customer
                .months
                .iter()
                .filter(|m| (1..=12).contains(*m))
                .map(|&m| f64::from(days_in_month(2001, m)) * 24.0)
                .sum()
        };
        let start = customer.from_year.unwrap_or(first_year).max(first_year);
        Customer {
            name: customer.name.clone(),
            supply_c: customer.supply_temp.in_unit(TemperatureUnit::degC),
            capacity_w: customer.capacity.si(),
            price_per_wh: customer.price.amount_per(EnergyUnit::kWh) / 1000.0,
            month_share: months_h / YEAR_H,
            first_flow_year: usize::from(start - first_year) + 1,
            capex: customer.capex.map_or(0.0, |m| m.amount),
        }
    }
    /// Hours a year in which the customer takes heat.
    pub fn hours_h(&self) -> f64 {
        self.month_share * YEAR_H
    }
}

/// Which customer a hall feeds and how.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HallLink {
    /// Index into [`HeatReuse::customers`].
    pub customer: usize,
    pub lift: Lift,
    /// Facility-water return the heat comes from, °C.
    pub source_c: f64,
}

/// The site's heat customers, which hall feeds which, and the share σ each takes per option
/// and cash-flow year.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HeatReuse {
    pub customers: Vec<Customer>,
    /// Per hall, its customer (`None`: the hall sells no heat).
    pub halls: Vec<Option<HallLink>>,
    /// σ per customer, option and cash-flow year ([`HeatReuse::sigma`]).
    sigma: Vec<[Vec<f64>; OPTION_COUNT]>,
    /// Liquid heat at full load per customer and option (Wh a year), for the CAPEX shares.
    full_liquid_wh: Vec<[f64; OPTION_COUNT]>,
    electricity_per_wh: f64,
}

impl HeatReuse {
    /// The customers of `site` and the link of each hall; σ still unknown (0) until
    /// [`HeatReuse::settle`].
    pub fn new(site: &Site, a: &Resolved) -> HeatReuse {
        let first_year = a.finance.first_year;
        let loop_k = a.cooling.loop_delta_t.in_unit(TempDiffUnit::K);
        let approach_k = a.cooling.cdu_approach.in_unit(TempDiffUnit::K);
        let mut reuse = HeatReuse {
            electricity_per_wh: a.prices.electricity.amount_per(EnergyUnit::kWh) / 1000.0,
            ..HeatReuse::default()
        };
        let site_customer = site.heat_customer.as_ref().map(|c| {
            reuse.customers.push(Customer::new(c, first_year));
            (reuse.customers.len() - 1, c.heat_pump_cop)
        });
        for hall in &site.halls {
            let own = hall.heat_customer.as_ref().map(|c| {
                reuse.customers.push(Customer::new(c, first_year));
                (reuse.customers.len() - 1, c.heat_pump_cop)
            });
            let link = own.or(site_customer).map(|(index, cop)| {
                let customer = &reuse.customers[index];
                // a hall without water runs its liquid on the extension's loop (`enabling`)
                let water = crate::physical::enabling::hall_water(hall, a);
                let source_c = water.water.supply_temp.in_unit(TemperatureUnit::degC) + loop_k;
                let lift = match cop {
                    _ if source_c - approach_k >= customer.supply_c => Lift::Direct,
                    Some(cop) if cop > 1.0 => Lift::HeatPump { cop },
                    _ => Lift::NoHeatPump,
                };
                HallLink {
                    customer: index,
                    lift,
                    source_c,
                }
            });
            reuse.halls.push(link);
        }
        reuse
    }

    /// True when no hall feeds a customer.
    pub fn is_idle(&self) -> bool {
        self.halls.iter().all(Option::is_none)
    }

    /// True when hall `hall` feeds a customer (else [`HeatReuse::per_liquid_wh`] of it is
    /// zero in every year).
    pub fn sells_heat(&self, hall: usize) -> bool {
        self.halls.get(hall).copied().flatten().is_some()
    }

    /// Sets σ from each hall's liquid heat per option and cash-flow year (`hall_liquid_wh[h][o][t]`)
    /// and at full load (`hall_full_wh[h][o]`).
    pub fn settle(
        &mut self,
        hall_liquid_wh: &[[Vec<f64>; OPTION_COUNT]],
        hall_full_wh: &[[f64; OPTION_COUNT]],
    ) {
        let years = hall_liquid_wh.first().map_or(0, |options| options[0].len());
        self.sigma = self
            .customers
            .iter()
            .map(|_| std::array::from_fn(|_| vec![0.0; years]))
            .collect();
        self.full_liquid_wh = vec![[0.0; OPTION_COUNT]; self.customers.len()];
        for (index, customer) in self.customers.iter().enumerate() {
            let served: Vec<(usize, &HallLink)> = self
                .halls
                .iter()
                .enumerate()
                .filter_map(|(h, link)| link.as_ref().map(|l| (h, l)))
                .filter(|(_, l)| l.customer == index)
                .collect();
            let cap_wh = customer.capacity_w * customer.hours_h();
            for o in 0..OPTION_COUNT {
                for (h, _) in &served {
                    self.full_liquid_wh[index][o] += hall_full_wh[*h][o];
                }
                let sigma = &mut self.sigma[index][o];
                for (t, share) in sigma.iter_mut().enumerate().skip(customer.first_flow_year) {
                    let potential: f64 = served
                        .iter()
                        .map(|(h, link)| {
                            hall_liquid_wh[*h][o][t]
                                * customer.month_share
                                * link.lift.delivered_per_source()
                        })
                        .sum();
                    *share = if potential > 0.0 {
                        (cap_wh / potential).min(1.0)
                    } else {
                        0.0
                    };
                }
            }
        }
    }

    /// What one Wh of a hall's liquid heat in cash-flow year `t` under `option` delivers,
    /// draws in heat-pump electricity and earns.
    pub fn per_liquid_wh(&self, hall: usize, option: CoolingOption, t: usize) -> PerWh {
        let Some(link) = self.halls.get(hall).copied().flatten() else {
            return PerWh::default();
        };
        let customer = &self.customers[link.customer];
        let sigma = self
            .sigma
            .get(link.customer)
            .and_then(|s| s[option.index()].get(t))
            .copied()
            .unwrap_or(0.0);
        let delivered = sigma * customer.month_share * link.lift.delivered_per_source();
        let electricity = delivered * link.lift.electricity_per_delivered();
        PerWh {
            delivered,
            electricity,
            revenue: delivered * customer.price_per_wh - electricity * self.electricity_per_wh,
        }
    }

    /// A group's share of its customer's connection CAPEX under `option` and the cash-flow
    /// year it is spent in, from the group's liquid heat at full load.
    pub fn capex_share(
        &self,
        hall: usize,
        option: CoolingOption,
        full_liquid_wh: f64,
    ) -> Option<(usize, f64)> {
        let link = self.halls.get(hall).copied().flatten()?;
        if link.lift == Lift::NoHeatPump {
            return None;
        }
        let customer = &self.customers[link.customer];
        let total = self.full_liquid_wh.get(link.customer)?[option.index()];
        (total > 0.0 && customer.capex > 0.0).then(|| {
            (
                customer.first_flow_year - 1,
                customer.capex * full_liquid_wh / total,
            )
        })
    }
}

/// Per Wh of liquid heat: heat delivered, heat-pump electricity (Wh) and net revenue.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PerWh {
    pub delivered: f64,
    pub electricity: f64,
    pub revenue: f64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reuse_with(lift: Lift, capacity_w: f64, month_share: f64) -> HeatReuse {
        HeatReuse {
            customers: vec![Customer {
                name: "c".into(),
                supply_c: 65.0,
                capacity_w,
                price_per_wh: 0.2 / 1000.0,
                month_share,
                first_flow_year: 1,
                capex: 1_000_000.0,
            }],
            halls: vec![Some(HallLink {
                customer: 0,
                lift,
                source_c: 40.0,
            })],
            electricity_per_wh: 0.75 / 1000.0,
            ..HeatReuse::default()
        }
    }

    #[test]
    fn a_heat_pump_delivers_more_than_it_takes_and_pays_for_its_power() {
        // COP 4: 4/3 Wh delivered per Wh of loop heat, 1/3 Wh of electricity.
        // Loop heat 1,000 kW all year → potential 8,760 MWh × 4/3 = 11,680 MWh; capacity
        // 2,000 kW → 17,520 MWh, so σ = 1.
        let mut reuse = reuse_with(Lift::HeatPump { cop: 4.0 }, 2.0e6, 1.0);
        let liquid = 1.0e6 * 8760.0;
        reuse.settle(
            &[crate::PerOption::with(
                vec![0.0; 2],
                [(CoolingOption::ColdPlate, vec![0.0, liquid])],
            )
            .0],
            &[crate::PerOption::with(0.0, [(CoolingOption::ColdPlate, liquid)]).0],
        );
        let per = reuse.per_liquid_wh(0, CoolingOption::ColdPlate, 1);
        assert!((per.delivered - 4.0 / 3.0).abs() < 1e-12);
        assert!((per.electricity - 1.0 / 3.0).abs() < 1e-12);
        // revenue per Wh: 4/3 × 0.0002 − 1/3 × 0.00075 = 0.000266667 − 0.00025 = 0.0000166667
        assert!((per.revenue - (4.0 / 3.0 * 0.0002 - 0.00075 / 3.0)).abs() < 1e-15);
        // year 0 holds no operations; air has no σ
        assert_eq!(
            reuse.per_liquid_wh(0, CoolingOption::ColdPlate, 0),
            PerWh::default()
        );
        assert_eq!(
            reuse.per_liquid_wh(0, CoolingOption::Air, 1),
            PerWh::default()
        );
    }

    #[test]
    fn capacity_and_season_cap_what_is_delivered() {
        // Direct supply, 1,000 kW of loop heat, customer takes 400 kW in a quarter of the year:
        // potential 8,760 MWh × 0.25 = 2,190 MWh; capacity 400 kW × 2,190 h = 876 MWh;
        // σ = 876 / 2,190 = 0.4, so each loop Wh delivers 0.4 × 0.25 = 0.1 Wh.
        let mut reuse = reuse_with(Lift::Direct, 4.0e5, 0.25);
        let liquid = 1.0e6 * 8760.0;
        reuse.settle(
            &[crate::PerOption::with(
                vec![0.0; 2],
                [(CoolingOption::ColdPlate, vec![0.0, liquid])],
            )
            .0],
            &[crate::PerOption::with(0.0, [(CoolingOption::ColdPlate, liquid)]).0],
        );
        let per = reuse.per_liquid_wh(0, CoolingOption::ColdPlate, 1);
        assert!((per.delivered - 0.1).abs() < 1e-12);
        assert_eq!(per.electricity, 0.0);
        // the whole connection CAPEX falls on the only liquid heat, the year before supply
        assert_eq!(
            reuse.capex_share(0, CoolingOption::ColdPlate, liquid),
            Some((0, 1_000_000.0))
        );
    }

    #[test]
    fn months_are_counted_in_hours_of_a_common_year() {
        let customer: HeatCustomer = ron::from_str(
            r#"(name: "h", supply_temp: degC(60), capacity: kW(100), price: CNY_per_MWh(150),
                months: [1, 2, 12], from_year: Some(2028))"#,
        )
        .unwrap();
        let resolved = Customer::new(&customer, 2026);
        // (31 + 28 + 31) days × 24 h = 2,160 h of 8,760
        assert!((resolved.hours_h() - 2160.0).abs() < 1e-9);
        // 2028 is cash-flow year 3 (year 1 holds 2026)
        assert_eq!(resolved.first_flow_year, 3);
        assert!((resolved.price_per_wh - 0.00015).abs() < 1e-15);
    }
}
