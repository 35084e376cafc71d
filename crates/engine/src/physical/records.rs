//! Where the physical pass keeps its rack-group records ([`Records`]): hall by hall, each
//! hall's records in rack order in chunks of at most [`CHUNK_BYTES`], so that no single
//! allocation grows with the site.
//!
//! Why chunks: one `Vec` of every record of a 100,000-rack site is ≈ 64 MB; allocators map
//! an allocation that large afresh each time (glibc: every allocation above 32 MB), so each
//! recompute paid its page faults and unmapping again. Chunks of ≤ 1 MiB are served from the
//! heap a recompute frees and the next one reuses. The order of the records is the site's
//! (hall by hall, rack by rack) whatever the chunking: every reader sees the same sequence.

use std::iter::Flatten;
use std::ops::Index;

use super::GroupRecord;

/// Bytes a chunk of records holds at most (one record per chunk if a record is larger).
pub const CHUNK_BYTES: usize = 1 << 20;

/// Records per chunk for records of `G`: the largest power of two whose records fit in
/// [`CHUNK_BYTES`] (at least one).
fn chunk_len<G>() -> usize {
    let fit = (CHUNK_BYTES / std::mem::size_of::<G>().max(1)).max(1);
    1 << fit.ilog2()
}

/// Every rack group's record, hall by hall in site order, each hall in rack order. Two are
/// equal when their halls hold equal records, however their chunks were reserved.
#[derive(Clone, Debug)]
pub struct Records<G> {
    /// Every chunk, hall after hall; each full (`chunk_len` records) but a hall's last.
    chunks: Vec<Vec<G>>,
    /// Each hall's first chunk (index into `chunks`) and its number of records.
    halls: Vec<(usize, usize)>,
    len: usize,
}

impl<G: PartialEq> PartialEq for Records<G> {
    fn eq(&self, other: &Self) -> bool {
        self.halls.len() == other.halls.len()
            && (0..self.halls.len()).all(|h| self.hall(h).iter().eq(other.hall(h).iter()))
    }
}

impl<G> Default for Records<G> {
    fn default() -> Self {
        Records {
            chunks: Vec::new(),
            halls: Vec::new(),
            len: 0,
        }
    }
}

impl<G> Records<G> {
    /// Empty, with room for `halls` halls.
    pub fn with_halls(halls: usize) -> Self {
        Records {
            chunks: Vec::new(),
            halls: Vec::with_capacity(halls),
            len: 0,
        }
    }

    /// Starts the next hall, which will hold `expected` records (each chunk is allocated at
    /// its final size when the hall holds that many).
    pub fn start_hall(&mut self, expected: usize) {
        self.halls.push((self.chunks.len(), 0));
        let chunks = expected.div_ceil(chunk_len::<G>());
        self.chunks.reserve(chunks);
        let mut left = expected;
        while left > 0 {
            let n = left.min(chunk_len::<G>());
            self.chunks.push(Vec::with_capacity(n));
            left -= n;
        }
        // the hall's chunks are filled in order; unused ones stay empty at the end
    }

    /// Adds `record` at the end of the last hall started; the record in its place.
    #[inline(always)]
    pub fn push(&mut self, record: G) -> &mut G {
        if self.halls.is_empty() {
            self.halls.push((self.chunks.len(), 0));
        }
        let hall = self.halls.len() - 1;
        let (first, len) = self.halls[hall];
        let at = first + len / chunk_len::<G>();
        if at == self.chunks.len() {
            self.chunks.push(Vec::with_capacity(chunk_len::<G>()));
        }
        self.halls[hall].1 += 1;
        self.len += 1;
        let chunk = &mut self.chunks[at];
        chunk.push(record);
        let last = chunk.len() - 1;
        &mut chunk[last]
    }

    /// Records in all.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Halls started.
    pub fn hall_count(&self) -> usize {
        self.halls.len()
    }

    /// The records of hall `h` (none for a hall not started).
    pub fn hall(&self, h: usize) -> Hall<'_, G> {
        match self.halls.get(h) {
            Some(&(first, len)) => Hall {
                chunks: &self.chunks[first..first + len.div_ceil(chunk_len::<G>())],
                len,
            },
            None => Hall {
                chunks: &[],
                len: 0,
            },
        }
    }

    /// The records of hall `h`, to change in place.
    pub fn hall_mut(&mut self, h: usize) -> HallMut<'_, G> {
        match self.halls.get(h) {
            Some(&(first, len)) => HallMut {
                chunks: &mut self.chunks[first..first + len.div_ceil(chunk_len::<G>())],
                len,
            },
            None => HallMut {
                chunks: &mut [],
                len: 0,
            },
        }
    }

    /// Every record in site order.
    pub fn iter(&self) -> Iter<'_, G> {
        Iter::new(&self.chunks, self.len)
    }

    /// Every record in site order, to change in place.
    pub fn iter_mut(&mut self) -> IterMut<'_, G> {
        IterMut::new(&mut self.chunks, self.len)
    }

    /// The record at `index` in site order.
    pub fn get(&self, index: usize) -> Option<&G> {
        let mut left = index;
        for h in 0..self.halls.len() {
            let hall = self.hall(h);
            if left < hall.len() {
                return hall.get(left);
            }
            left -= hall.len();
        }
        None
    }
}

impl<G> Index<usize> for Records<G> {
    type Output = G;
    fn index(&self, index: usize) -> &G {
        match self.get(index) {
            Some(record) => record,
            None => panic!("record {index} of {}", self.len),
        }
    }
}

impl<G: GroupRecord> FromIterator<G> for Records<G> {
    /// Records in site order, each in the hall of its [`GroupRecord::place`] (halls without
    /// records before it are started empty).
    fn from_iter<I: IntoIterator<Item = G>>(records: I) -> Self {
        let mut out = Records::default();
        for record in records {
            while out.hall_count() <= record.place().0 {
                out.start_hall(0);
            }
            out.push(record);
        }
        out
    }
}

impl<'a, G> IntoIterator for &'a Records<G> {
    type Item = &'a G;
    type IntoIter = Iter<'a, G>;
    fn into_iter(self) -> Iter<'a, G> {
        self.iter()
    }
}

/// One hall's records, in rack order.
#[derive(Clone, Copy, Debug)]
pub struct Hall<'a, G> {
    chunks: &'a [Vec<G>],
    len: usize,
}

impl<'a, G> Hall<'a, G> {
    pub fn len(&self) -> usize {
        self.len
    }
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
    /// The hall's record `g` (its `g`-th rack group).
    pub fn get(&self, g: usize) -> Option<&'a G> {
        let n = chunk_len::<G>();
        self.chunks.get(g / n)?.get(g % n)
    }
    pub fn iter(&self) -> Iter<'a, G> {
        Iter::new(self.chunks, self.len)
    }
}

/// One hall's records, in rack order, to change in place.
#[derive(Debug)]
pub struct HallMut<'a, G> {
    chunks: &'a mut [Vec<G>],
    len: usize,
}

impl<G> HallMut<'_, G> {
    pub fn len(&self) -> usize {
        self.len
    }
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
    pub fn iter(&self) -> Iter<'_, G> {
        Iter::new(self.chunks, self.len)
    }
    pub fn iter_mut(&mut self) -> IterMut<'_, G> {
        IterMut::new(self.chunks, self.len)
    }
}

/// Records in order over chunks, knowing how many are left (so an [`ExactSizeIterator`]).
#[derive(Clone, Debug)]
pub struct Counted<I> {
    records: I,
    left: usize,
}

/// Records in order over chunks.
pub type Iter<'a, G> = Counted<Flatten<std::slice::Iter<'a, Vec<G>>>>;
/// Records in order over chunks, to change in place.
pub type IterMut<'a, G> = Counted<Flatten<std::slice::IterMut<'a, Vec<G>>>>;

impl<'a, G> Iter<'a, G> {
    /// The `len` records of `chunks`.
    fn new(chunks: &'a [Vec<G>], len: usize) -> Self {
        Counted {
            records: chunks.iter().flatten(),
            left: len,
        }
    }
}

impl<'a, G> IterMut<'a, G> {
    /// The `len` records of `chunks`.
    fn new(chunks: &'a mut [Vec<G>], len: usize) -> Self {
        Counted {
            records: chunks.iter_mut().flatten(),
            left: len,
        }
    }
}

impl<I: Iterator> Iterator for Counted<I> {
    type Item = I::Item;
    fn next(&mut self) -> Option<I::Item> {
        let record = self.records.next()?;
        self.left -= 1;
        Some(record)
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl<I: Iterator> ExactSizeIterator for Counted<I> {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cdu::CduLoad;
    use crate::per_option::PerOption;
    use crate::physical::feasibility::Verdict;
    use crate::physical::{CostDrivers, GroupEnergyBasis, GroupInput, PricedEnergy};
    use crate::results::CoolingOption;

    /// A record of 160 kB: six fit in a chunk, so chunks hold four (a power of two).
    struct Big {
        place: (usize, usize),
        payload: Box<[u64]>,
        _pad: [u64; 20_000],
    }

    impl GroupRecord for Big {
        fn record(_: &GroupInput<'_>) -> Self {
            unreachable!("built by hand")
        }
        fn place(&self) -> (usize, usize) {
            self.place
        }
        fn count(&self) -> u64 {
            1
        }
        fn share(&self) -> f64 {
            1.0
        }
        fn drivers(&self) -> &PerOption<CostDrivers> {
            unreachable!("not priced")
        }
        fn set_verdicts(&mut self, _: &mut PerOption<Verdict>) {}
        fn set_cdu_capacity(&mut self, _: &PerOption<f64>, _: &PerOption<f64>, _: &PerOption<f64>) {
        }
        fn set_energy(&mut self, _: CoolingOption, _: &PricedEnergy, _: &GroupEnergyBasis, _: f64) {
        }
        fn cdu_load(&self, _: CoolingOption) -> CduLoad {
            unreachable!("not sized")
        }
    }

    fn big(hall: usize, rack: usize) -> Big {
        Big {
            place: (hall, rack),
            payload: vec![(hall * 1000 + rack) as u64].into_boxed_slice(),
            _pad: [0; 20_000],
        }
    }

    /// Halls of 9, 0, 4, 1 and 5 groups (chunks of 4: full, partial and empty halls), each
    /// hall started with what it will hold, as the physical pass does; and the same records
    /// as one plain `Vec`.
    fn both() -> (Records<Big>, Vec<(usize, usize)>) {
        let sizes = [9, 0, 4, 1, 5];
        let mut records = Records::with_halls(sizes.len());
        let mut plain = Vec::new();
        for (h, n) in sizes.into_iter().enumerate() {
            records.start_hall(n);
            for r in 0..n {
                records.push(big(h, r));
                plain.push((h, r));
            }
        }
        (records, plain)
    }

    #[test]
    fn chunks_hold_a_power_of_two_records_within_the_chunk_bytes() {
        // 1 MiB / 160,016 B = 6.55 → 6 fit → 4; a record above 1 MiB: one a chunk
        assert_eq!(chunk_len::<Big>(), 4);
        assert_eq!(chunk_len::<[u8; 2 << 20]>(), 1);
        assert_eq!(chunk_len::<u64>(), 1 << 17);
    }

    #[test]
    fn records_read_in_site_order_as_a_plain_vec_does() {
        let (mut records, plain) = both();
        assert_eq!(records.len(), plain.len());
        assert_eq!(records.hall_count(), 5);
        let mut iter = records.iter();
        for left in (0..=plain.len()).rev() {
            assert_eq!(iter.len(), left);
            if left > 0 {
                iter.next();
            }
        }
        assert!(iter.next().is_none());
        let seen: Vec<_> = records.iter().map(GroupRecord::place).collect();
        assert_eq!(seen, plain);
        for (i, place) in plain.iter().enumerate() {
            assert_eq!(records[i].place, *place);
            assert_eq!(records[i].payload[0], (place.0 * 1000 + place.1) as u64);
        }
        assert!(records.get(plain.len()).is_none());
        for record in records.iter_mut() {
            record.payload[0] += 1;
        }
        let changed: Vec<_> = records.iter().map(|r| r.payload[0]).collect();
        let expected: Vec<_> = plain
            .iter()
            .map(|(h, r)| (h * 1000 + r + 1) as u64)
            .collect();
        assert_eq!(changed, expected);
    }

    #[test]
    fn each_hall_holds_its_groups_in_rack_order() {
        let (mut records, plain) = both();
        for h in 0..6 {
            let own: Vec<_> = plain.iter().filter(|p| p.0 == h).copied().collect();
            let hall = records.hall(h);
            assert_eq!(hall.len(), own.len(), "hall {h}");
            assert_eq!(hall.iter().map(GroupRecord::place).collect::<Vec<_>>(), own);
            for (g, place) in own.iter().enumerate() {
                assert_eq!(hall.get(g).map(GroupRecord::place), Some(*place));
            }
            assert!(hall.get(own.len()).is_none());
            let mut hall = records.hall_mut(h);
            assert_eq!(hall.iter_mut().len(), own.len());
            for record in hall.iter_mut() {
                record.payload[0] = h as u64;
            }
            assert!(hall.iter().all(|r| r.payload[0] == h as u64));
        }
    }

    #[test]
    fn records_are_equal_by_hall_whatever_was_reserved() {
        let mut reserved = Records::with_halls(2);
        let mut grown = Records::with_halls(2);
        // a hall reserved for 9 groups holding 5, and one reserving nothing
        reserved.start_hall(9);
        grown.start_hall(0);
        for r in 0..5u64 {
            reserved.push(r);
            grown.push(r);
        }
        assert_eq!(reserved, grown);
        reserved.start_hall(1);
        grown.start_hall(1);
        reserved.push(7);
        assert_ne!(reserved, grown);
        grown.push(7);
        assert_eq!(reserved, grown);
        // the same records split between halls differently are not the same site
        let mut other = Records::with_halls(2);
        other.start_hall(6);
        (0..5).chain([7]).for_each(|r| {
            other.push(r);
        });
        other.start_hall(0);
        assert_ne!(reserved, other);
    }

    #[test]
    fn collected_records_go_to_the_hall_of_their_place() {
        let (_, plain) = both();
        let records: Records<Big> = plain.iter().map(|&(h, r)| big(h, r)).collect();
        assert_eq!(records.hall_count(), 5);
        assert_eq!(
            records.iter().map(GroupRecord::place).collect::<Vec<_>>(),
            plain
        );
        assert_eq!(records.hall(0).len(), 9);
        assert!(records.hall(1).is_empty());
        assert_eq!(records.hall(4).len(), 5);
    }

    #[test]
    fn push_gives_the_record_in_its_place() {
        let mut records = Records::with_halls(2);
        records.start_hall(1);
        // the first record's place takes 10 more after the push: 1 + 10 = 11
        *records.push(1) += 10;
        records.start_hall(2);
        records.push(2);
        *records.push(3) *= 2;
        assert_eq!(records.iter().copied().collect::<Vec<_>>(), vec![11, 2, 6]);
    }
}
