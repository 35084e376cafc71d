//! Rack-group costs as linear functions of prices ([`LinearCosts`]), for the Monte Carlo's
//! samples. With the physical pass, the horizon and the first year fixed, each year's cost of
//! a group on an option (CAPEX, energy and other OPEX) is an affine function of the linear
//! prices that vary (electricity, CDU or kit per kW, …): quantity × price, plus shares of such
//! products. So at any prices α a year's cost is `c₀ + Σₖ (αₖ − α₀ₖ) dₖ`, `K + 1` numbers,
//! and a sample reads each group's NPV against air, its air credit and its plan contribution
//! from those instead of pricing it.
//!
//! A capture prices every group at `K + 2` points: the base prices α₀, each price moved by
//! its own step (`dₖ` by finite difference), and a check point with every price moved and
//! the other inputs of the key (the discount rate) changed. It is kept only if every yearly
//! cost predicted at the check point is within [`TOLERANCE`] of the one priced there;
//! otherwise the costs are not linear in these prices (say a maintenance share varies with
//! the CDU price: a product of two inputs) and the caller prices every group as it is.
//!
//! Owns: capturing and checking the coefficients, and reading figures from them. Never
//! touches: what a cost is (every number comes from [`super::Pricer::price`] and
//! [`super::streams::Streams::cost_by_year`]), which samples use a capture
//! (`crate::analysis::linear`).

use super::{Pricer, RackCosts};
use crate::per_option::{OPTION_COUNT, PerOption};
use crate::physical::{GroupRecord, Records};
use crate::results::{CoolingOption, CostItem};

/// The relative tolerance of the check: `|predicted − priced| ≤ TOLERANCE × scale`, the scale
/// the largest magnitude of that yearly cost at the capture's points.
pub const TOLERANCE: f64 = 1e-12;

/// Where a group's coefficient blocks begin (`NONE`: not priced).
#[derive(Clone, Copy, Debug, PartialEq)]
struct GroupBlocks {
    /// Air: its yearly costs; each retrofit: its yearly savings against air.
    flows: [usize; OPTION_COUNT],
    /// Air's CAPEX per year.
    air_capex: usize,
    /// Per option, the W of added air capacity its costs buy.
    added_air_w: [f64; OPTION_COUNT],
}

const NONE: usize = usize::MAX;

/// Every rack group's yearly costs of one key as linear functions of `K` prices (module doc).
#[derive(Debug, PartialEq)]
pub struct LinearCosts {
    /// The prices at the base point, α₀.
    base: Vec<f64>,
    /// Cash-flow years, 0..=horizon.
    years: usize,
    /// Per hall: the index of its first group (groups in hall order) and its group count.
    halls: Vec<(usize, usize)>,
    groups: Vec<GroupBlocks>,
    /// Blocks of `years × (K + 1)` coefficients: per year c₀, d₁, …, d_K.
    coefficients: Vec<f64>,
    /// Per option: the site's yearly costs of every group on it, summed hall by hall (each
    /// hall's groups in order, then the halls in order), as one block.
    site: PerOption<Vec<f64>>,
}

/// The pricers of a capture: at the base prices, with each price moved by its step, and at
/// the check point, with the prices (α) of each.
pub struct Points<'p, 'a> {
    pub base: (&'p Pricer<'a>, Vec<f64>),
    pub moved: Vec<(&'p Pricer<'a>, Vec<f64>)>,
    pub check: (&'p Pricer<'a>, Vec<f64>),
}

/// One group priced at every point of a capture: base, moved ones, check.
struct Priced {
    costs: Vec<RackCosts>,
    /// Per point, one stream's yearly costs (scratch).
    years: Vec<Vec<f64>>,
}

impl Priced {
    /// The yearly costs (`capex` false) or CAPEX of `option` at every point into `years`.
    fn read(&mut self, option: CoolingOption, capex: bool) {
        for (into, costs) in self.years.iter_mut().zip(&self.costs) {
            let streams = &costs.options[option];
            if capex {
                streams.capex_by_year_into(into);
            } else {
                streams.cost_by_year_into(into);
            }
        }
    }
}

impl LinearCosts {
    /// The capture of every group of `racks` (in `halls` halls) at `points` (module doc);
    /// `None` when a yearly cost is not linear in the prices within [`TOLERANCE`].
    pub fn capture<G: GroupRecord>(
        racks: &Records<G>,
        halls: usize,
        horizon: usize,
        points: &Points<'_, '_>,
    ) -> Option<LinearCosts> {
        let prices = points.base.1.len();
        let base_alpha = &points.base.1;
        let steps: Vec<f64> = (points.moved.iter().enumerate())
            .map(|(k, (_, alpha))| alpha[k] - base_alpha[k])
            .collect();
        if points.moved.len() != prices || steps.iter().any(|s| *s == 0.0 || !s.is_finite()) {
            return None;
        }
        let shift: Vec<f64> = (points.check.1.iter().zip(base_alpha))
            .map(|(a, b)| a - b)
            .collect();
        let pricers: Vec<&Pricer<'_>> = std::iter::once(points.base.0)
            .chain(points.moved.iter().map(|(p, _)| *p))
            .chain([points.check.0])
            .collect();
        let mut priced = Priced {
            costs: pricers.iter().map(|_| RackCosts::new(horizon)).collect(),
            years: vec![Vec::new(); pricers.len()],
        };
        let mut first = 0;
        let halls: Vec<(usize, usize)> = (0..halls)
            .map(|h| {
                let count = racks.hall(h).len();
                first += count;
                (first - count, count)
            })
            .collect();
        let width = prices + 1;
        let years = horizon + 1;
        let mut capture = LinearCosts {
            base: base_alpha.clone(),
            years,
            halls,
            groups: Vec::with_capacity(racks.len()),
            coefficients: Vec::new(),
            site: PerOption::from_fn(|_| vec![0.0; years * width]),
        };
        let air_price_w = points.base.0.added_air_price_w();
        let mut hall_sums = PerOption::from_fn(|_| vec![0.0; years * width]);
        let mut hall = None;
        let mut air = Vec::new();
        for record in racks.iter() {
            let place = record.place();
            // the records lie hall by hall, each hall's groups in order
            let (first, _) = *capture.halls.get(place.0)?;
            if first + place.1 != capture.groups.len() {
                return None;
            }
            if hall != Some(place.0) {
                capture.add_hall(&mut hall_sums);
                hall = Some(place.0);
            }
            for (pricer, costs) in pricers.iter().zip(&mut priced.costs) {
                pricer.price(place, record.drivers(), costs);
            }
            let base = &priced.costs[0];
            let mut blocks = GroupBlocks {
                flows: [NONE; OPTION_COUNT],
                air_capex: NONE,
                added_air_w: [0.0; OPTION_COUNT],
            };
            for option in CoolingOption::ALL {
                if !base.priced[option] {
                    continue;
                }
                if air_price_w > 0.0 {
                    blocks.added_air_w[option.index()] =
                        base.options[option].item_total(CostItem::AddedAirCapacity) / air_price_w;
                }
            }
            if !base.priced[CoolingOption::Air] {
                // every reading prices air (it applies everywhere)
                return None;
            }
            priced.read(CoolingOption::Air, true);
            blocks.air_capex = capture.coefficients.len();
            capture.push_block(&priced.years, &steps, &shift)?;
            priced.read(CoolingOption::Air, false);
            air.clear();
            blocks.flows[0] = capture.coefficients.len();
            capture.push_block(&priced.years, &steps, &shift)?;
            air.extend_from_slice(&capture.coefficients[blocks.flows[0]..]);
            add(&mut hall_sums[CoolingOption::Air], &air);
            for option in CoolingOption::RETROFITS {
                if !priced.costs[0].priced[option] {
                    continue;
                }
                priced.read(option, false);
                let start = capture.coefficients.len();
                capture.push_block(&priced.years, &steps, &shift)?;
                add(&mut hall_sums[option], &capture.coefficients[start..]);
                // the option's savings against air, in place of its costs
                for (cost, air) in capture.coefficients[start..].iter_mut().zip(&air) {
                    *cost = air - *cost;
                }
                blocks.flows[option.index()] = start;
            }
            capture.groups.push(blocks);
        }
        capture.add_hall(&mut hall_sums);
        // kept for many samples: no room left over from growing
        capture.coefficients.shrink_to_fit();
        Some(capture)
    }

    /// Adds a hall's sums to the site's and zeroes them.
    fn add_hall(&mut self, hall: &mut PerOption<Vec<f64>>) {
        for (site, hall) in self.site.iter_mut().zip(hall.iter_mut()) {
            add(site, hall);
            hall.iter_mut().for_each(|c| *c = 0.0);
        }
    }

    /// Pushes the coefficients of the yearly figures `points` (base, moved ones, check);
    /// `None` when the check point's are not predicted within [`TOLERANCE`].
    fn push_block(&mut self, points: &[Vec<f64>], steps: &[f64], shift: &[f64]) -> Option<()> {
        let (base, rest) = points.split_first()?;
        let (check, moved) = rest.split_last()?;
        for t in 0..self.years {
            let c = base.get(t).copied().unwrap_or(0.0);
            let checked = check.get(t).copied().unwrap_or(0.0);
            self.coefficients.push(c);
            let (mut predicted, mut scale) = (c, c.abs().max(checked.abs()));
            for ((moved, step), s) in moved.iter().zip(steps).zip(shift) {
                let at = moved.get(t).copied().unwrap_or(0.0);
                let d = (at - c) / step;
                self.coefficients.push(d);
                predicted += s * d;
                scale = scale.max(at.abs());
            }
            let off = (predicted - checked).abs();
            // a NaN anywhere is not linear either
            if off.is_nan() || off > TOLERANCE * scale {
                return None;
            }
        }
        Some(())
    }

    /// How many numbers the capture keeps (for a bound on what an evaluator keeps).
    pub fn size(&self) -> usize {
        self.coefficients.len()
    }

    /// The shift of prices `alpha` from the base point, as the readers below take it.
    pub fn shift(&self, alpha: &[f64]) -> Vec<f64> {
        alpha.iter().zip(&self.base).map(|(a, b)| a - b).collect()
    }

    /// Cash-flow years of the capture (0..=horizon).
    pub fn years(&self) -> usize {
        self.years
    }

    /// The index of the group at `place` (hall, group), if the capture holds it.
    pub fn group(&self, place: (usize, usize)) -> Option<usize> {
        let (first, count) = *self.halls.get(place.0)?;
        (place.1 < count).then_some(first + place.1)
    }

    fn block(&self, start: usize) -> Option<&[f64]> {
        let width = self.base.len() + 1;
        (start != NONE)
            .then(|| self.coefficients.get(start..start + self.years * width))
            .flatten()
    }

    /// Group `g`'s NPV against air on `option` at `shift`, its savings weighted by `weights`
    /// (1 / each year's discount factor, [`weights`]); 0 for air or an option not priced.
    pub fn npv_vs_air(
        &self,
        g: usize,
        option: CoolingOption,
        shift: &[f64],
        weights: &[f64],
    ) -> f64 {
        if option == CoolingOption::Air {
            return 0.0;
        }
        let start = self.groups.get(g).map_or(NONE, |b| b.flows[option.index()]);
        self.block(start)
            .map_or(0.0, |block| present_value(block, shift, weights))
    }

    /// Group `g`'s air CAPEX at `shift`, weighted by `weights` (its air credit).
    pub fn air_capex_pv(&self, g: usize, shift: &[f64], weights: &[f64]) -> f64 {
        let start = self.groups.get(g).map_or(NONE, |b| b.air_capex);
        self.block(start)
            .map_or(0.0, |block| present_value(block, shift, weights))
    }

    /// Per option, the W of added air capacity group `g`'s costs buy.
    pub fn added_air_w(&self, g: usize) -> PerOption<f64> {
        PerOption(
            self.groups
                .get(g)
                .map_or([0.0; OPTION_COUNT], |b| b.added_air_w),
        )
    }

    /// Adds group `g`'s contribution to its hall's plan on `option` (as
    /// [`super::plan::add_contribution`] with weight 1, `on_air` the share of its air CAPEX
    /// the option saves) to the coefficient block `plan` (`years × (K + 1)`).
    pub fn add_contribution(
        &self,
        g: usize,
        option: Option<CoolingOption>,
        on_air: f64,
        plan: &mut [f64],
    ) {
        let Some(blocks) = self.groups.get(g) else {
            return;
        };
        let (Some(air), Some(air_capex)) =
            (self.block(blocks.flows[0]), self.block(blocks.air_capex))
        else {
            return;
        };
        match option {
            Some(o) => {
                let savings = (o != CoolingOption::Air)
                    .then(|| self.block(blocks.flows[o.index()]))
                    .flatten();
                for (i, cell) in plan.iter_mut().enumerate() {
                    let cost = match savings {
                        Some(savings) => air[i] - savings[i],
                        None => air[i],
                    };
                    *cell += cost;
                }
                if on_air > 0.0 {
                    for (cell, capex) in plan.iter_mut().zip(air_capex) {
                        *cell += -on_air * capex;
                    }
                }
            }
            None => add(plan, air),
        }
    }

    /// A zero coefficient block (`years × (K + 1)`), for a hall's or the site's plan.
    pub fn zero_block(&self) -> Vec<f64> {
        vec![0.0; self.years * (self.base.len() + 1)]
    }

    /// The yearly figures of coefficient block `block` at `shift` into `out` (cleared first).
    pub fn yearly_into(&self, block: &[f64], shift: &[f64], out: &mut Vec<f64>) {
        out.clear();
        let width = shift.len() + 1;
        out.extend(block.chunks_exact(width).map(|row| at(row, shift)));
    }

    /// The site's yearly costs of every group on `option`, at `shift`, into `out`.
    pub fn site_yearly_into(&self, option: CoolingOption, shift: &[f64], out: &mut Vec<f64>) {
        self.yearly_into(&self.site[option], shift, out);
    }
}

/// Each year's weight in a present value: 1 / its discount factor `factors`.
pub fn weights(factors: &[f64]) -> Vec<f64> {
    factors.iter().map(|f| 1.0 / f).collect()
}

/// Adds `from` to `into`, cell by cell.
fn add(into: &mut [f64], from: &[f64]) {
    for (a, b) in into.iter_mut().zip(from) {
        *a += b;
    }
}

/// One year's figure of its coefficients `row` (c₀, d₁, …) at `shift`.
#[inline(always)]
fn at(row: &[f64], shift: &[f64]) -> f64 {
    let (c0, d) = row.split_first().unwrap_or((&0.0, &[]));
    let mut value = *c0;
    for (dk, sk) in d.iter().zip(shift) {
        value += sk * dk;
    }
    value
}

/// The present value of block `block`'s yearly figures at `shift` with each year's weight
/// `weights` (1 / its discount factor): per coefficient its weighted sum over the years
/// (one running sum per coefficient, side by side), then `c₀ + Σₖ shiftₖ dₖ` of those sums.
fn present_value(block: &[f64], shift: &[f64], weights: &[f64]) -> f64 {
    fn fixed<const W: usize>(block: &[f64], shift: &[f64], weights: &[f64]) -> f64 {
        let mut sums = [0.0; W];
        for (row, w) in block.chunks_exact(W).zip(weights) {
            for (sum, c) in sums.iter_mut().zip(row) {
                *sum += w * c;
            }
        }
        let (c0, d) = sums.split_first().unwrap_or((&0.0, &[]));
        let mut value = *c0;
        for (dk, sk) in d.iter().zip(shift) {
            value += sk * dk;
        }
        value
    }
    // a loop of fixed length for each count of prices a capture may take
    match shift.len() + 1 {
        1 => fixed::<1>(block, shift, weights),
        2 => fixed::<2>(block, shift, weights),
        3 => fixed::<3>(block, shift, weights),
        4 => fixed::<4>(block, shift, weights),
        5 => fixed::<5>(block, shift, weights),
        6 => fixed::<6>(block, shift, weights),
        7 => fixed::<7>(block, shift, weights),
        8 => fixed::<8>(block, shift, weights),
        9 => fixed::<9>(block, shift, weights),
        width => (block.chunks_exact(width).zip(weights))
            .map(|(row, w)| w * at(row, shift))
            .sum(),
    }
}

#[cfg(test)]
mod tests {
    use super::{at, present_value};

    #[test]
    fn a_present_value_is_each_years_figure_weighted_and_summed() {
        // by hand: two prices, two years; year 0: 10 + 2·1 − 1·3 = 9, year 1: 4 + 2·0.5 − 1·2 =
        // 3; weights 1 and 0.5 → 9 + 1.5 = 10.5
        let block = [10.0, 1.0, 3.0, 4.0, 0.5, 2.0];
        let (shift, weights) = ([2.0, -1.0], [1.0, 0.5]);
        assert_eq!(at(&block[..3], &shift), 9.0);
        assert_eq!(present_value(&block, &shift, &weights), 10.5);
        // every count of prices, against the plain sum of each year's figure, within 1e-13
        let mut state = 11u64;
        let mut next = move || {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1);
            (state >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0
        };
        for prices in 0..12 {
            let width = prices + 1;
            let years = 16;
            let block: Vec<f64> = (0..years * width).map(|_| 1e6 * next()).collect();
            let shift: Vec<f64> = (0..prices).map(|_| 100.0 * next()).collect();
            let weights: Vec<f64> = (0..years).map(|t| 1.08f64.powi(-(t as i32))).collect();
            let plain: f64 = (block.chunks_exact(width).zip(&weights))
                .map(|(row, w)| w * at(row, &shift))
                .sum();
            let fast = present_value(&block, &shift, &weights);
            let scale: f64 = block.iter().map(|c| c.abs()).sum::<f64>() * 100.0;
            assert!(
                (fast - plain).abs() <= 1e-13 * scale,
                "{prices} prices: {fast} vs {plain}"
            );
        }
    }
}
