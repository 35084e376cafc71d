//! [`Streams`]: the yearly costs of one option in one scope (CAPEX by item and year, energy
//! and other OPEX by year), in the site's currency as plain f64 inside the cost kernel.
//! Scopes add up by adding streams; a partly converted rack group blends two streams.

use crate::engine::results::CostItem;

/// Every CAPEX item, in report order.
pub const ITEMS: [CostItem; 15] = CostItem::ALL;

fn slot(item: CostItem) -> usize {
    // ITEMS lists every variant once, in declaration order
    item as usize
}

/// Yearly costs (positive = spending) of one option in one scope, years 0..=horizon.
#[derive(Clone, Debug, PartialEq)]
pub struct Streams {
    /// CAPEX per item per year: `capex[year][slot(item)]`.
    pub capex: Vec<[f64; ITEMS.len()]>,
    /// Energy cost per year.
    pub energy: Vec<f64>,
    /// Maintenance, fluid top-up, water, air-plant maintenance per year.
    pub other_opex: Vec<f64>,
    /// Energy cost of a full year with every server present.
    pub steady_energy: f64,
    /// OPEX (energy included) of a full year with every server present and all CAPEX spent.
    pub steady_opex: f64,
    /// kW of design IT load (on air) times the years it is present, for TCO per kW-year.
    pub kw_years: f64,
}

impl Streams {
    /// All zero over `horizon` years.
    pub fn zero(horizon: usize) -> Self {
        Self {
            capex: vec![[0.0; ITEMS.len()]; horizon + 1],
            energy: vec![0.0; horizon + 1],
            other_opex: vec![0.0; horizon + 1],
            steady_energy: 0.0,
            steady_opex: 0.0,
            kw_years: 0.0,
        }
    }
    /// All zero over `horizon` years again, keeping the buffers (no allocation once they
    /// have held that many years).
    pub fn reset(&mut self, horizon: usize) {
        for v in [&mut self.energy, &mut self.other_opex] {
            v.clear();
            v.resize(horizon + 1, 0.0);
        }
        self.capex.clear();
        self.capex.resize(horizon + 1, [0.0; ITEMS.len()]);
        self.steady_energy = 0.0;
        self.steady_opex = 0.0;
        self.kw_years = 0.0;
    }
    /// Years 0..=horizon.
    pub fn years(&self) -> usize {
        self.energy.len()
    }
    /// Adds `amount` of `item` in `year`; years past the horizon fall outside the study.
    pub fn spend(&mut self, item: CostItem, year: usize, amount: f64) {
        if let Some(row) = self.capex.get_mut(year) {
            row[slot(item)] += amount;
        }
    }
    /// CAPEX of one year.
    pub fn capex_in(&self, year: usize) -> f64 {
        self.capex.get(year).map_or(0.0, |row| row.iter().sum())
    }
    /// CAPEX of every year up to and including `year`.
    pub fn capex_through(&self, year: usize) -> f64 {
        (0..=year).map(|y| self.capex_in(y)).sum()
    }
    /// Total CAPEX over the horizon.
    pub fn capex_total(&self) -> f64 {
        self.capex.iter().flatten().sum()
    }
    /// Total of one item over the horizon.
    pub fn item_total(&self, item: CostItem) -> f64 {
        self.capex.iter().map(|row| row[slot(item)]).sum()
    }
    /// Items with a non-zero total, in report order.
    pub fn breakdown(&self) -> Vec<(CostItem, f64)> {
        ITEMS
            .iter()
            .map(|&item| (item, self.item_total(item)))
            .filter(|(_, amount)| *amount != 0.0)
            .collect()
    }
    /// Total cost (CAPEX + OPEX) of each year.
    pub fn cost_by_year(&self) -> Vec<f64> {
        let mut out = Vec::with_capacity(self.years());
        self.cost_by_year_into(&mut out);
        out
    }
    /// [`Streams::cost_by_year`] into `out` (cleared first), reusing its buffer.
    pub fn cost_by_year_into(&self, out: &mut Vec<f64>) {
        out.clear();
        out.extend(
            (0..self.years()).map(|y| self.capex_in(y) + self.energy[y] + self.other_opex[y]),
        );
    }
    /// Adds `weight` × `other` to this stream.
    pub fn add_scaled(&mut self, other: &Streams, weight: f64) {
        for (row, other_row) in self.capex.iter_mut().zip(&other.capex) {
            for (a, b) in row.iter_mut().zip(other_row) {
                *a += weight * b;
            }
        }
        for (a, b) in self.energy.iter_mut().zip(&other.energy) {
            *a += weight * b;
        }
        for (a, b) in self.other_opex.iter_mut().zip(&other.other_opex) {
            *a += weight * b;
        }
        self.steady_energy += weight * other.steady_energy;
        self.steady_opex += weight * other.steady_opex;
        self.kw_years += weight * other.kw_years;
    }
    /// `share` of `converted` plus the rest of `air`: a partly converted rack group.
    pub fn blend(converted: &Streams, air: &Streams, share: f64) -> Streams {
        let mut out = Streams::zero(converted.years().saturating_sub(1));
        out.blend_from(converted, air, share);
        out
    }
    /// This stream becomes [`Streams::blend`] of `converted` and `air` (same arithmetic),
    /// reusing its buffers.
    pub fn blend_from(&mut self, converted: &Streams, air: &Streams, share: f64) {
        self.reset(converted.years().saturating_sub(1));
        self.add_scaled(converted, share);
        self.add_scaled(air, 1.0 - share);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_are_listed_in_declaration_order() {
        for (i, item) in ITEMS.iter().enumerate() {
            assert_eq!(slot(*item), i);
        }
    }

    #[test]
    fn blend_weights_both_streams() {
        let mut converted = Streams::zero(1);
        converted.spend(CostItem::PerKwStock, 0, 100.0);
        converted.energy[1] = 10.0;
        let mut air = Streams::zero(1);
        air.energy[1] = 20.0;
        // 0.8 × 100 = 80 CAPEX; energy 0.8 × 10 + 0.2 × 20 = 12
        let blended = Streams::blend(&converted, &air, 0.8);
        assert_eq!(blended.capex_total(), 80.0);
        assert!((blended.energy[1] - 12.0).abs() < 1e-12);
    }
}
