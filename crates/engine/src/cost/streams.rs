//! [`Streams`]: the yearly costs of one option in one scope (CAPEX by item and year, energy
//! and other OPEX by year), in the site's currency as plain f64 inside the cost kernel.
//! Scopes add up by adding streams; a partly converted rack group blends two streams.

use crate::results::CostItem;

/// Every CAPEX item, in report order.
pub const ITEMS: [CostItem; CostItem::ALL.len()] = CostItem::ALL;

fn slot(item: CostItem) -> usize {
    // ITEMS lists every variant once, in declaration order
    item as usize
}

/// Yearly costs (positive = spending) of one option in one scope, years 0..=horizon.
///
/// CAPEX is kept per item and year, and which years and items hold any: a rack group spends
/// a few items in two or three years of the horizon, so resetting, blending, adding into a
/// hall and summing skip the rest. Skipping is exact: the skipped cells are `+0.0`, and
/// adding `+0.0` (or `±0` times a finite weight) to a sum changes none of its bits (a cell
/// is never `-0.0`: it starts at `+0.0` and only ever has amounts added to it).
#[derive(Clone, Debug, PartialEq)]
pub struct Streams {
    /// CAPEX per item per year: `capex[year][slot(item)]`.
    capex: Vec<[f64; ITEMS.len()]>,
    /// Bit `year` is set when `capex[year]` may hold a non-zero item.
    capex_years: YearSet,
    /// Per year, bit `slot(item)` is set when that item may be non-zero.
    capex_items: Vec<u32>,
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

/// A set of cash-flow years 0..=[`MAX_YEARS`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct YearSet(u128);

/// The most years a stream tracks: horizons are validated to 1..=100 years, which is
/// years 0..=100.
pub const MAX_YEARS: usize = 128;

impl YearSet {
    /// Adds `year` (below [`MAX_YEARS`]; a later one is not tracked).
    fn insert(&mut self, year: usize) {
        // a 64-bit word shifted by the year within its half, not a 128-bit shift
        if year < 64 {
            self.0 |= u128::from(1u64 << year);
        } else if year < MAX_YEARS {
            self.0 |= u128::from(1u64 << (year - 64)) << 64;
        }
    }
    fn contains(self, year: usize) -> bool {
        // the year's 64-bit half, shifted by the year within it (not a 128-bit shift)
        let half = if year < 64 { self.0 } else { self.0 >> 64 } as u64;
        year < MAX_YEARS && half >> (year % 64) & 1 != 0
    }
    /// The years, ascending.
    fn iter(self) -> impl Iterator<Item = usize> {
        let mut rest = self.0;
        std::iter::from_fn(move || {
            (rest != 0).then(|| {
                let year = rest.trailing_zeros() as usize;
                rest &= rest - 1;
                year
            })
        })
    }
}

/// The cells of `row` that `items` marks, summed in item order from `-0.0`.
fn row_sum(row: &[f64; ITEMS.len()], items: u32) -> f64 {
    let mut sum = -0.0;
    let mut rest = items;
    while rest != 0 {
        sum += row[rest.trailing_zeros() as usize];
        rest &= rest - 1;
    }
    sum
}

/// A stream's CAPEX rows, read while its OPEX columns are written
/// ([`Streams::opex_columns_mut`]).
pub struct CapexRows<'a> {
    capex: &'a [[f64; ITEMS.len()]],
    items: &'a [u32],
    years: YearSet,
}

impl CapexRows<'_> {
    /// The years that may hold CAPEX, ascending ([`CapexRows::capex_in`] of any other year
    /// is `+0.0`).
    pub fn years(&self) -> impl Iterator<Item = usize> + use<> {
        self.years.iter()
    }
    /// [`Streams::capex_in`].
    pub fn capex_in(&self, year: usize) -> f64 {
        if !self.years.contains(year) {
            return 0.0;
        }
        self.row_sum(year)
    }
    /// The marked cells of year `year`'s row summed ([`row_sum`]; `0.0` past the rows).
    fn row_sum(&self, year: usize) -> f64 {
        let (Some(row), Some(&items)) = (self.capex.get(year), self.items.get(year)) else {
            return 0.0;
        };
        row_sum(row, items)
    }
}

impl Streams {
    /// All zero over `horizon` years (at most [`MAX_YEARS`] − 1).
    pub fn zero(horizon: usize) -> Self {
        let years = horizon.min(MAX_YEARS - 1) + 1;
        Self {
            capex: vec![[0.0; ITEMS.len()]; years],
            capex_years: YearSet::default(),
            capex_items: vec![0; years],
            energy: vec![0.0; years],
            other_opex: vec![0.0; years],
            steady_energy: 0.0,
            steady_opex: 0.0,
            kw_years: 0.0,
        }
    }
    /// All zero over `horizon` years again, keeping the buffers (no allocation once they
    /// have held that many years).
    pub fn reset(&mut self, horizon: usize) {
        let years = horizon.min(MAX_YEARS - 1) + 1;
        for v in [&mut self.energy, &mut self.other_opex] {
            v.clear();
            v.resize(years, 0.0);
        }
        for year in self.capex_years.iter() {
            if let Some(row) = self.capex.get_mut(year) {
                *row = [0.0; ITEMS.len()];
            }
            if let Some(items) = self.capex_items.get_mut(year) {
                *items = 0;
            }
        }
        self.capex_years = YearSet::default();
        if self.capex.len() != years {
            self.capex.resize(years, [0.0; ITEMS.len()]);
            self.capex_items.resize(years, 0);
        }
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
        if let (Some(row), Some(items)) = (self.capex.get_mut(year), self.capex_items.get_mut(year))
        {
            row[slot(item)] += amount;
            // a year whose row marks an item is in the set already
            if *items == 0 {
                self.capex_years.insert(year);
            }
            *items |= 1 << slot(item);
        }
    }
    /// Adds `share` of each year's CAPEX as `item` in that year (contingency). Years without
    /// CAPEX would add `share × 0`, which changes nothing, so they are skipped.
    /// Each year's row is summed and added to where it lies ([`Streams::capex_in`] and
    /// [`Streams::spend`] of that year without looking it up again).
    pub fn add_share_of_each_year(&mut self, item: CostItem, share: f64) {
        for year in self.capex_years.iter() {
            let (Some(row), Some(items)) =
                (self.capex.get_mut(year), self.capex_items.get_mut(year))
            else {
                continue;
            };
            let subtotal = row_sum(row, *items);
            row[slot(item)] += share * subtotal;
            *items |= 1 << slot(item);
        }
    }
    /// The years that hold CAPEX, ascending, with their rows.
    fn capex_rows(&self) -> impl Iterator<Item = (usize, &[f64; ITEMS.len()])> {
        self.capex_years
            .iter()
            .filter_map(|year| Some((year, self.capex.get(year)?)))
    }
    /// CAPEX of one year: its items summed in item order (only those that may be non-zero;
    /// the others are `+0.0`, so the sum has the same bits as summing the whole row).
    pub fn capex_in(&self, year: usize) -> f64 {
        self.capex_view().capex_in(year)
    }
    fn capex_view(&self) -> CapexRows<'_> {
        CapexRows {
            capex: &self.capex,
            items: &self.capex_items,
            years: self.capex_years,
        }
    }
    /// The CAPEX rows to read and the energy and other-OPEX columns to write, borrowed
    /// together (OPEX reads the CAPEX spent before each year, [`super::opex::add_opex`]).
    pub fn opex_columns_mut(&mut self) -> (CapexRows<'_>, &mut [f64], &mut [f64]) {
        let rows = CapexRows {
            capex: &self.capex,
            items: &self.capex_items,
            years: self.capex_years,
        };
        (rows, &mut self.energy, &mut self.other_opex)
    }
    /// Total CAPEX over the horizon: every item that may be non-zero, year by year in item
    /// order (the others are `+0.0`: the same bits as summing every cell).
    pub fn capex_total(&self) -> f64 {
        let mut sum = 0.0;
        for (year, row) in self.capex_rows() {
            let mut rest = self.capex_items.get(year).copied().unwrap_or(0);
            while rest != 0 {
                sum += row[rest.trailing_zeros() as usize];
                rest &= rest - 1;
            }
        }
        sum
    }
    /// Total of one item over the horizon.
    pub fn item_total(&self, item: CostItem) -> f64 {
        self.capex_rows()
            .map(|(_, row)| row[slot(item)])
            .fold(0.0, |a, b| a + b)
    }
    /// Items with a non-zero total, in report order.
    pub fn breakdown(&self) -> Vec<(CostItem, f64)> {
        ITEMS
            .iter()
            .map(|&item| (item, self.item_total(item)))
            .filter(|(_, amount)| *amount != 0.0)
            .collect()
    }
    /// Total cost (CAPEX + OPEX) of each year into `out` (cleared first), reusing its buffer.
    pub fn cost_by_year_into(&self, out: &mut Vec<f64>) {
        out.clear();
        out.extend(self.cost_by_year());
    }
    /// Total cost (CAPEX + OPEX) of each year: [`Streams::capex_in`] + energy + other OPEX,
    /// walking the OPEX columns side by side and summing the rows of the years that hold
    /// CAPEX.
    pub fn cost_by_year(&self) -> impl Iterator<Item = f64> + '_ {
        let rows = self.capex_view();
        // bit 0: whether this year holds CAPEX
        let mut capex_years = self.capex_years.0;
        // as many years as the rows (the same number)
        let years = self.capex.len();
        let energy = self.energy.get(..years).unwrap_or(&self.energy);
        energy
            .iter()
            .zip(&self.other_opex)
            .enumerate()
            .map(move |(year, (energy, other))| {
                let capex = if capex_years & 1 != 0 {
                    rows.row_sum(year)
                } else {
                    0.0
                };
                capex_years >>= 1;
                capex + energy + other
            })
    }
    /// Adds `weight` × `other` to this stream. Weight 1 (every sum of groups into their hall,
    /// site or plan) is added by a copy of the loops without the multiplications (`1 × x` is
    /// `x`, bit for bit).
    pub fn add_scaled(&mut self, other: &Streams, weight: f64) {
        if weight == 1.0 {
            self.add_weighted(other, 1.0);
        } else {
            self.add_weighted(other, weight);
        }
    }
    #[inline(always)]
    fn add_weighted(&mut self, other: &Streams, weight: f64) {
        self.add_capex_scaled(other, weight);
        self.add_opex_scaled(other, weight);
    }
    /// Adds this stream to `first` and to `second`: each gets the additions of
    /// [`Streams::add_scaled`] with weight 1 (`1 × x` is `x`), in one pass over this stream's
    /// CAPEX rows.
    pub fn add_to_both(&self, first: &mut Streams, second: &mut Streams) {
        for (year, row) in self.capex_rows() {
            let row_items = self.capex_items.get(year).copied().unwrap_or(0);
            first.add_capex_row(year, row, row_items, 1.0);
            second.add_capex_row(year, row, row_items, 1.0);
        }
        first.add_opex_scaled(self, 1.0);
        second.add_opex_scaled(self, 1.0);
    }
    /// Adds `weight` × the CAPEX of `other` (its OPEX left out): only the cells `other`
    /// marks, the others being `+0.0` (see [`Streams`]: the same bits as adding every cell).
    #[inline(always)]
    pub fn add_capex_scaled(&mut self, other: &Streams, weight: f64) {
        for (year, other_row) in other.capex_rows() {
            let other_items = other.capex_items.get(year).copied().unwrap_or(0);
            self.add_capex_row(year, other_row, other_items, weight);
        }
    }
    /// Adds `weight` × the cells of `row` that `items` marks to year `year`'s row.
    #[inline(always)]
    fn add_capex_row(&mut self, year: usize, row: &[f64; ITEMS.len()], items: u32, weight: f64) {
        let (Some(cells), Some(marked)) =
            (self.capex.get_mut(year), self.capex_items.get_mut(year))
        else {
            return;
        };
        let mut rest = items;
        while rest != 0 {
            let s = rest.trailing_zeros() as usize;
            cells[s] += weight * row[s];
            rest &= rest - 1;
        }
        *marked |= items;
        self.capex_years.insert(year);
    }
    /// Adds `weight` × the OPEX of `other` (its CAPEX left out).
    #[inline(always)]
    fn add_opex_scaled(&mut self, other: &Streams, weight: f64) {
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
    /// Present value of the CAPEX at `factors` ([`crate::finance::discount_factors`]).
    pub fn capex_pv(&self, factors: &[f64]) -> f64 {
        self.capex_years
            .iter()
            .filter_map(|year| Some(self.capex_in(year) / factors.get(year)?))
            .sum()
    }
    /// Adds `amount` of CDUs bought in `year`, with its `contingency` share and its yearly
    /// maintenance (`maintenance` × the CAPEX spent before each year) from the next year on:
    /// what a change in a group's attributed CDU capacity changes in its costs
    /// ([`super::opex::add_opex`] and [`super::capex`] give the same terms).
    pub fn add_cdu_delta(&mut self, year: usize, amount: f64, contingency: f64, maintenance: f64) {
        if year >= self.years() || amount == 0.0 {
            return;
        }
        self.spend(CostItem::Cdus, year, amount);
        if contingency != 0.0 {
            self.spend(CostItem::Contingency, year, contingency * amount);
        }
        let capex = (1.0 + contingency) * amount;
        for t in (year + 1).max(1)..self.years() {
            self.other_opex[t] += maintenance * capex;
        }
        self.steady_opex += maintenance * capex;
    }
    /// CAPEX of each year into `out` (cleared first).
    pub fn capex_by_year_into(&self, out: &mut Vec<f64>) {
        out.clear();
        out.extend((0..self.years()).map(|y| self.capex_in(y)));
    }
    /// A conversion that waits for an enabling work in service at the start of cash-flow year
    /// `in_service` (`docs/method.md` §5.1): every flow up to and including year
    /// `in_service` (operations before it) runs as on `air`, and the conversion's CAPEX due
    /// before then is spent in year `in_service` (dropped past the horizon). The added air
    /// capacity of a part left on air stays when its servers arrive.
    pub fn defer_conversion(&mut self, air: &Streams, in_service: usize) {
        let last = in_service.min(self.years() - 1);
        self.energy[..=last].copy_from_slice(&air.energy[..=last]);
        self.other_opex[..=last].copy_from_slice(&air.other_opex[..=last]);
        // a copy of the set of years: spending below inserts `in_service` into the original
        let years = self.capex_years;
        let kept = 1 << slot(CostItem::AddedAirCapacity);
        for year in years.iter().take_while(|y| *y < in_service) {
            let (row, items) = (self.capex[year], self.capex_items[year]);
            self.capex[year] = [0.0; ITEMS.len()];
            self.capex_items[year] = items & kept;
            self.capex[year][slot(CostItem::AddedAirCapacity)] =
                row[slot(CostItem::AddedAirCapacity)];
            let mut rest = items & !kept;
            while rest != 0 {
                let s = rest.trailing_zeros() as usize;
                self.spend(ITEMS[s], in_service, row[s]);
                rest &= rest - 1;
            }
        }
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
    fn year_sets_hold_years_on_both_sides_of_64() {
        let mut set = YearSet::default();
        for year in [100, 0, 64, 63, 127, 5] {
            set.insert(year);
        }
        // a year past the last tracked one is not held (and does not wrap onto year 0's bit)
        set.insert(MAX_YEARS);
        let years: Vec<usize> = set.iter().collect();
        assert_eq!(years, [0, 5, 63, 64, 100, 127]);
        for year in 0..MAX_YEARS + 2 {
            assert_eq!(set.contains(year), years.contains(&year), "year {year}");
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
        // each year's cost: year 0 the 80 of CAPEX, year 1 the 12 of energy
        let mut by_year = Vec::new();
        blended.cost_by_year_into(&mut by_year);
        assert_eq!(by_year, [80.0, blended.energy[1]]);
        let summed: Vec<f64> = (0..2)
            .map(|y| blended.capex_in(y) + blended.energy[y])
            .collect();
        assert_eq!(by_year, summed);
    }

    #[test]
    fn a_deferred_conversion_runs_on_air_until_its_work_is_in_service() {
        let mut converted = Streams::zero(3);
        converted.spend(CostItem::PerKwStock, 0, 100.0);
        converted.spend(CostItem::AddedAirCapacity, 0, 7.0);
        converted.energy[1..].copy_from_slice(&[10.0, 10.0, 10.0]);
        converted.other_opex[1] = 1.0;
        let mut air = Streams::zero(3);
        air.energy[1..].copy_from_slice(&[20.0, 20.0, 20.0]);
        converted.defer_conversion(&air, 1);
        // the 100 of conversion moves from year 0 to year 1; the 7 of air capacity stays
        assert_eq!(converted.capex_in(0), 7.0);
        assert_eq!(converted.capex_in(1), 100.0);
        assert_eq!(converted.capex_total(), 107.0);
        // flow 1 (the year before it is in service) on air: 20 energy, no other OPEX
        assert_eq!(converted.energy, vec![0.0, 20.0, 10.0, 10.0]);
        assert_eq!(converted.other_opex[1], 0.0);
        // in service past the horizon: no conversion within the study
        let mut late = Streams::zero(1);
        late.spend(CostItem::PerKwStock, 0, 100.0);
        late.defer_conversion(&Streams::zero(1), 5);
        assert_eq!(late.capex_total(), 0.0);
    }

    /// Dense reference: every cell of every year summed, without the streams' tracking of
    /// which years and items hold amounts.
    struct Dense(Vec<[f64; ITEMS.len()]>);

    impl Dense {
        fn year(&self, year: usize) -> f64 {
            self.0[year].iter().sum()
        }
        fn total(&self) -> f64 {
            self.0.iter().flatten().sum()
        }
        fn item(&self, slot: usize) -> f64 {
            self.0.iter().map(|row| row[slot]).sum()
        }
    }

    /// Every amount of a stream as bits (`-0.0` and `+0.0` differ).
    fn every_bit(s: &Streams) -> Vec<u64> {
        let scalars = [s.steady_energy, s.steady_opex, s.kw_years];
        let cells = s
            .capex
            .iter()
            .flatten()
            .chain(&s.energy)
            .chain(&s.other_opex);
        cells.chain(&scalars).map(|x| x.to_bits()).collect()
    }

    /// Random spends (a fixed linear congruential sequence) into a stream and a dense copy.
    fn random_pair(seed: u64, horizon: usize) -> (Streams, Dense) {
        let mut state = seed;
        let mut next = move || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            state >> 33
        };
        let mut streams = Streams::zero(horizon);
        let mut dense = Dense(vec![[0.0; ITEMS.len()]; horizon + 1]);
        for _ in 0..next() % 12 {
            let year = (next() % (horizon as u64 + 1)) as usize;
            let item = ITEMS[(next() % ITEMS.len() as u64) as usize];
            let amount = (next() % 1_000_000) as f64 / 7.0;
            streams.spend(item, year, amount);
            dense.0[year][slot(item)] += amount;
        }
        (streams, dense)
    }

    #[test]
    fn tracked_sums_have_the_bits_of_summing_every_cell() {
        for seed in 0..300 {
            let horizon = 1 + (seed as usize % 20);
            let (mut a, mut dense_a) = random_pair(seed, horizon);
            let (b, dense_b) = random_pair(seed + 1_000, horizon);
            // contingency on each year, then a blend: the operations the engine chains
            a.add_share_of_each_year(CostItem::Contingency, 0.1);
            for year in 0..=horizon {
                let subtotal = dense_a.year(year);
                dense_a.0[year][slot(CostItem::Contingency)] += 0.1 * subtotal;
            }
            let blended = Streams::blend(&a, &b, 0.3);
            let mut dense = Dense(vec![[0.0; ITEMS.len()]; horizon + 1]);
            for (row, (ra, rb)) in dense.0.iter_mut().zip(dense_a.0.iter().zip(&dense_b.0)) {
                for (cell, (x, y)) in row.iter_mut().zip(ra.iter().zip(rb)) {
                    *cell += 0.3 * x;
                    *cell += (1.0 - 0.3) * y;
                }
            }
            for (streams, dense) in [(&a, &dense_a), (&b, &dense_b), (&blended, &dense)] {
                assert_eq!(streams.capex_total().to_bits(), dense.total().to_bits());
                for year in 0..=horizon {
                    assert_eq!(streams.capex_in(year).to_bits(), dense.year(year).to_bits());
                }
                for (i, item) in ITEMS.iter().enumerate() {
                    assert_eq!(streams.item_total(*item).to_bits(), dense.item(i).to_bits());
                }
            }
            // each year's cost: its CAPEX, energy and other OPEX, added in that order
            let mut costs = blended.clone();
            for (y, (energy, other)) in costs
                .energy
                .iter_mut()
                .zip(&mut costs.other_opex)
                .enumerate()
            {
                (*energy, *other) = (y as f64 * 1.5, 0.1 / (y as f64 + 1.0));
            }
            let plain =
                (0..=horizon).map(|y| costs.capex_in(y) + costs.energy[y] + costs.other_opex[y]);
            let bits = |v: &mut dyn Iterator<Item = f64>| v.map(f64::to_bits).collect::<Vec<_>>();
            assert_eq!(
                bits(&mut costs.cost_by_year()),
                bits(&mut plain.into_iter())
            );
            // weight 1 without the multiplications: the bits of multiplying by 1
            let mut multiplied = costs.clone();
            multiplied.add_weighted(&a, std::hint::black_box(1.0));
            let mut added = costs.clone();
            added.add_scaled(&a, 1.0);
            assert_eq!(every_bit(&added), every_bit(&multiplied));
            // adding to two sums at once: each as adding it alone
            let (mut first, mut second) = (a.clone(), blended.clone());
            b.add_to_both(&mut first, &mut second);
            a.add_scaled(&b, 1.0);
            let mut alone = blended.clone();
            alone.add_scaled(&b, 1.0);
            assert_eq!((first, second), (a.clone(), alone));
            // reset leaves nothing behind
            let mut reused = blended.clone();
            reused.reset(horizon);
            assert_eq!(reused, Streams::zero(horizon));
        }
    }
}
