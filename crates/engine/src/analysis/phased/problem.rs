//! The planning problem as plain numbers (site currency, f64) and the value of a plan.

use crate::physical::equipment::ceil_count;

/// A liquid option open to a group.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanOption {
    /// Index into `CoolingOption::ALL` (1 cold plate, 2 immersion).
    pub option: usize,
    /// Savings against air by cash-flow year t = 0..=horizon when converted at `earliest`
    /// (negative early: CAPEX), without the group's share of CDUs.
    pub savings: Vec<f64>,
    /// CAPEX without CDUs, charged in the conversion year.
    pub capex: f64,
    /// Liquid design heat the group puts on its hall's CDUs, kW.
    pub liquid_kw: f64,
}

/// A rack group to plan.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanGroup {
    pub name: String,
    pub hall: usize,
    pub racks: u64,
    /// First plan year the group can convert (its servers' arrival for new servers).
    pub earliest: usize,
    /// Only `earliest` is allowed (new servers are bought liquid-ready in their year).
    pub fixed: bool,
    /// Air can cool the group; when not (and a liquid option can), air is no choice.
    pub air_feasible: bool,
    pub options: Vec<PlanOption>,
}

/// CDU units of a hall.
#[derive(Clone, Debug, PartialEq)]
pub struct HallCdus {
    pub unit_kw: f64,
    /// Price of one unit (0 when the per-kW prices include CDUs).
    pub unit_cost: f64,
    pub redundancy: u32,
}

/// What a group does in a plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    Air,
    /// Option `option` (index into the group's `options`) in plan year `year`.
    Convert {
        option: usize,
        year: usize,
    },
}

/// The plan every search starts from: air, or for groups air cannot cool, their first
/// choice (first option, first year).
pub fn start(problem: &Problem) -> Vec<Choice> {
    (0..problem.groups.len())
        .map(|g| problem.choices(g).first().copied().unwrap_or(Choice::Air))
        .collect()
}

/// The whole problem.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub groups: Vec<PlanGroup>,
    pub halls: Vec<HallCdus>,
    /// CAPEX budget of each plan year 0..years.
    pub budget: Vec<f64>,
    pub rate: f64,
    /// Last cash-flow year (savings series have horizon + 1 entries).
    pub horizon: usize,
}

/// Money a plan spends and earns.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub npv: f64,
    /// CAPEX spent in each plan year (groups and CDU steps).
    pub spend: Vec<f64>,
    /// CDU units bought per hall per plan year.
    pub cdus_bought: Vec<Vec<u64>>,
    /// Savings against air of the plan by cash-flow year 0..=horizon.
    pub flows: Vec<f64>,
}

impl Problem {
    pub fn years(&self) -> usize {
        self.budget.len()
    }

    /// Every choice open to group `g`: air first (unless air cannot cool it and a liquid
    /// option can), then each option in each allowed year.
    pub fn choices(&self, g: usize) -> Vec<Choice> {
        let group = &self.groups[g];
        let last = if group.fixed {
            group.earliest + 1
        } else {
            self.years()
        };
        let must_convert =
            !group.air_feasible && !group.options.is_empty() && group.earliest < self.years();
        let mut out = if must_convert {
            Vec::new()
        } else {
            vec![Choice::Air]
        };
        for option in 0..group.options.len() {
            for year in group.earliest..last.min(self.years()) {
                out.push(Choice::Convert { option, year });
            }
        }
        out
    }

    /// NPV of group `g`'s option converted in `year`, without CDU steps.
    pub fn value(&self, g: usize, option: usize, year: usize) -> f64 {
        let group = &self.groups[g];
        let shift = year.saturating_sub(group.earliest);
        let savings = &group.options[option].savings;
        let growth = 1.0 + self.rate;
        (shift..=self.horizon)
            .map(|t| savings.get(t - shift).copied().unwrap_or(0.0) / growth.powi(t as i32))
            .sum()
    }

    /// Spend, CDU steps, NPV and cash flows of `plan` (one choice per group).
    pub fn outcome(&self, plan: &[Choice]) -> Outcome {
        let years = self.years();
        let growth = 1.0 + self.rate;
        let mut spend = vec![0.0; years];
        let mut flows = vec![0.0; self.horizon + 1];
        let mut heat_added = vec![vec![0.0; years]; self.halls.len()];
        for (g, choice) in plan.iter().enumerate() {
            let Choice::Convert { option, year } = *choice else {
                continue;
            };
            let group = &self.groups[g];
            let chosen = &group.options[option];
            spend[year] += chosen.capex;
            heat_added[group.hall][year] += chosen.liquid_kw;
            let shift = year.saturating_sub(group.earliest);
            for (flow, saving) in flows.iter_mut().skip(shift).zip(&chosen.savings) {
                *flow += saving;
            }
        }
        let mut cdus_bought = vec![vec![0; years]; self.halls.len()];
        for (h, hall) in self.halls.iter().enumerate() {
            let (mut heat_kw, mut units) = (0.0, 0u64);
            for year in 0..years {
                heat_kw += heat_added[h][year];
                let needed = if heat_kw > 0.0 && hall.unit_kw > 0.0 {
                    ceil_count(heat_kw / hall.unit_kw) + u64::from(hall.redundancy)
                } else {
                    0
                };
                let bought = needed.saturating_sub(units);
                units = units.max(needed);
                cdus_bought[h][year] = bought;
                let cost = bought as f64 * hall.unit_cost;
                spend[year] += cost;
                if let Some(flow) = flows.get_mut(year) {
                    *flow -= cost;
                }
            }
        }
        let npv = flows
            .iter()
            .enumerate()
            .map(|(t, f)| f / growth.powi(t as i32))
            .sum();
        Outcome {
            npv,
            spend,
            cdus_bought,
            flows,
        }
    }

    /// Whether every year's spend is within its budget (1e-9 relative tolerance).
    pub fn within_budget(&self, outcome: &Outcome) -> bool {
        outcome
            .spend
            .iter()
            .zip(&self.budget)
            .all(|(s, b)| *s <= b + b.abs() * 1e-9)
    }
}
