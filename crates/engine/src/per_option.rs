//! [`PerOption`]: one value per cooling option, indexed by [`CoolingOption`].
//!
//! Owns: the one place where the number of options is spelled out. Every per-option table of
//! the engine (sums, verdicts, cost streams, results, plan candidates) is a `PerOption<T>`, so
//! an option added to [`CoolingOption::ALL`] reaches all of them through the type.
//! `Index<usize>` is kept for callers that hold an option's position ([`CoolingOption::index`]).

use std::ops::{Index, IndexMut};

use crate::results::CoolingOption;

/// Number of cooling options.
pub const OPTION_COUNT: usize = CoolingOption::ALL.len();

/// One `T` per cooling option, in [`CoolingOption::ALL`] order.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PerOption<T>(pub [T; OPTION_COUNT]);

impl<T> PerOption<T> {
    /// The value of each option from `f(option)`.
    pub fn from_fn(mut f: impl FnMut(CoolingOption) -> T) -> Self {
        PerOption(std::array::from_fn(|i| f(CoolingOption::ALL[i])))
    }
    /// `rest` for every option but those `set` names, which take their own value.
    pub fn with<const N: usize>(rest: T, set: [(CoolingOption, T); N]) -> Self
    where
        T: Clone,
    {
        let mut table = PerOption(std::array::from_fn(|_| rest.clone()));
        for (option, value) in set {
            table[option] = value;
        }
        table
    }
    /// Each value mapped by `f`.
    pub fn map<U>(self, f: impl FnMut(T) -> U) -> PerOption<U> {
        PerOption(self.0.map(f))
    }
    /// Each value with its option, mapped by `f`.
    pub fn map_with<U>(self, mut f: impl FnMut(CoolingOption, T) -> U) -> PerOption<U> {
        let mut options = CoolingOption::ALL.into_iter();
        PerOption(self.0.map(|value| {
            // ALL has exactly OPTION_COUNT entries, one per slot
            let option = options.next().unwrap_or(CoolingOption::Air);
            f(option, value)
        }))
    }
    pub fn each_ref(&self) -> PerOption<&T> {
        PerOption(self.0.each_ref())
    }
    pub fn each_mut(&mut self) -> PerOption<&mut T> {
        PerOption(self.0.each_mut())
    }
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.0.iter()
    }
    pub fn iter_mut(&mut self) -> std::slice::IterMut<'_, T> {
        self.0.iter_mut()
    }
    /// `(option, &value)` in [`CoolingOption::ALL`] order.
    pub fn entries(&self) -> impl Iterator<Item = (CoolingOption, &T)> {
        CoolingOption::ALL.into_iter().zip(self.0.iter())
    }
    pub fn len(&self) -> usize {
        OPTION_COUNT
    }
    pub fn is_empty(&self) -> bool {
        OPTION_COUNT == 0
    }
}

impl<T> Index<CoolingOption> for PerOption<T> {
    type Output = T;
    fn index(&self, option: CoolingOption) -> &T {
        &self.0[option.index()]
    }
}

impl<T> IndexMut<CoolingOption> for PerOption<T> {
    fn index_mut(&mut self, option: CoolingOption) -> &mut T {
        &mut self.0[option.index()]
    }
}

impl<T> Index<usize> for PerOption<T> {
    type Output = T;
    fn index(&self, position: usize) -> &T {
        &self.0[position]
    }
}

impl<T> IndexMut<usize> for PerOption<T> {
    fn index_mut(&mut self, position: usize) -> &mut T {
        &mut self.0[position]
    }
}

impl<T> IntoIterator for PerOption<T> {
    type Item = T;
    type IntoIter = std::array::IntoIter<T, OPTION_COUNT>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a, T> IntoIterator for &'a PerOption<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<'a, T> IntoIterator for &'a mut PerOption<T> {
    type Item = &'a mut T;
    type IntoIter = std::slice::IterMut<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_found_by_option_and_by_position() {
        let mut table = PerOption::from_fn(|o| o.key().len());
        // "air" 3, "rdhx_passive" 12, "rdhx_active" 11, "cold_plate" 10, "cold_plate_rdhx" 15,
        // "cold_plate_l2a" 14, "immersion" 9
        assert_eq!(table[CoolingOption::ColdPlate], 10);
        assert_eq!(table[6], 9);
        table[CoolingOption::Air] += 1;
        assert_eq!(table.0, [4, 12, 11, 10, 15, 14, 9]);
        let keyed: Vec<_> = table.entries().map(|(o, n)| (o.key(), *n)).collect();
        assert_eq!(keyed[0], ("air", 4));
        assert_eq!(
            table.map_with(|o, n| n + o.index()).0,
            [4, 13, 13, 13, 19, 19, 15]
        );
        let set = PerOption::with(0, [(CoolingOption::Immersion, 2), (CoolingOption::Air, 1)]);
        assert_eq!(set.0, [1, 0, 0, 0, 0, 0, 2]);
    }
}
