//! CDUs of one hall under one liquid option: the unit size and the whole-rack assignment that
//! the bill of quantities, the costs, the N+1 check and the drawings all read.
//!
//! Owns: choosing the unit size, assigning racks to units, the count. Never touches: prices,
//! files, words.
//!
//! Assignment (next fit, in the order the loads are given, i.e. file order): racks are placed
//! whole; a rack goes on the open unit when it has room (1e-9 relative tolerance), otherwise a
//! new unit opens. A group of `n` identical racks of heat `q` on units of capacity `C` fills
//! the open unit, then `⌊n' / ⌊C/q⌋⌋` full units, then opens one for the rest. Units that carry
//! the same racks form one [`CduRun`], so memory grows with rack groups, never with racks or
//! units (a fleet of millions of racks is a handful of runs). A rack whose heat exceeds `C`
//! fits no unit and is left unassigned. The count is the units that carry racks plus
//! `redundancy` spare units (none when nothing is liquid).
//!
//! Size: a pinned size is used as is; otherwise every standard size (in-rack 100 kW, in-row
//! 600 kW, facility 2,000 kW) is tried and the one that assigns every rack with the least
//! installed capacity ((units + spares) × C, i.e. the least CDU cost at a price per kW of
//! capacity) is chosen; equal capacity goes to the larger unit (fewer units to maintain).
//! When no size takes every rack, the largest is kept and its unassigned racks make the option
//! infeasible.

use uom::si::f64::Power;
use uom::si::power::watt;

use coolplan_model::assumptions::cooling::CduSize;
use coolplan_units::PowerUnit;

/// Relative tolerance of "fits": a load landing on a capacity exactly fits.
const FIT_TOLERANCE: f64 = 1e-9;

/// `count` whole racks of one rack group (its index among the loads' groups), each putting
/// `heat_per_rack_w` on the liquid loop.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CduLoad {
    pub group: usize,
    pub racks: u64,
    pub heat_per_rack_w: f64,
}

/// `units` identical CDUs, each carrying the same racks.
#[derive(Clone, Debug, PartialEq)]
pub struct CduRun {
    pub units: u64,
    /// Heat on each unit, W.
    pub load_w: f64,
    /// Racks of each group on each unit (`racks` of the load's group, each of its heat).
    pub racks: Vec<CduLoad>,
}

impl CduRun {
    /// Racks on each unit of the run.
    pub fn racks_per_unit(&self) -> u64 {
        self.racks.iter().map(|l| l.racks).sum()
    }
}

/// The CDUs of a hall under one option.
#[derive(Clone, Debug, PartialEq)]
pub struct CduDesign {
    pub size: CduSize,
    /// Capacity of one unit.
    pub capacity: Power,
    /// Units that carry racks, in the order they were opened.
    pub runs: Vec<CduRun>,
    /// Spare units (the N+1 of `cooling.cdu_redundancy`), carrying nothing.
    pub spares: u64,
    /// Racks that fit no unit: `(group, racks, heat per rack)`.
    pub unassigned: Vec<CduLoad>,
}

impl CduDesign {
    /// Units that carry racks.
    pub fn loaded_units(&self) -> u64 {
        self.runs
            .iter()
            .fold(0u64, |n, r| n.saturating_add(r.units))
    }
    /// Every unit: loaded plus spares (the bill of quantities).
    pub fn units(&self) -> u64 {
        self.loaded_units().saturating_add(self.spares)
    }
    /// Installed capacity, units × capacity.
    pub fn installed(&self) -> Power {
        self.capacity * self.units() as f64
    }
    /// Racks assigned to a unit.
    pub fn assigned_racks(&self) -> u64 {
        self.runs.iter().fold(0u64, |n, r| {
            n.saturating_add(r.units.saturating_mul(r.racks_per_unit()))
        })
    }
    /// Spare capacity over every unit: capacity of all units minus their loads.
    pub fn spare_capacity(&self) -> Power {
        let c = self.capacity.get::<watt>();
        let loaded: f64 = self
            .runs
            .iter()
            .map(|r| r.units as f64 * (c - r.load_w))
            .sum();
        Power::new::<watt>(loaded + self.spares as f64 * c)
    }
    /// Whether the other units can take the load of any one that fails: with identical units
    /// the others' spare, `S − (C − L_k)`, covers `L_k` exactly when the total spare `S ≥ C`.
    pub fn survives_one_failure(&self) -> bool {
        self.unassigned.is_empty()
            && (self.loaded_units() == 0
                || self.spare_capacity().get::<watt>()
                    >= self.capacity.get::<watt>() * (1.0 - FIT_TOLERANCE))
    }
}

/// Count of an assignment without its runs (the live recompute needs only this).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct CduCount {
    pub loaded_units: u64,
    pub unassigned_racks: u64,
    /// Largest heat of one rack left unassigned, W.
    pub largest_unassigned_w: f64,
}

/// Where the next-fit walk stands: the open unit's load, if a unit is open.
struct Walk {
    capacity_w: f64,
    open_load_w: Option<f64>,
}

/// What one group adds: racks on the open unit, full units, racks on a new open unit.
struct Step {
    on_open: u64,
    full_units: u64,
    per_full: u64,
    rest: u64,
}

impl Walk {
    fn step(&mut self, racks: u64, q: f64) -> Option<Step> {
        let c = self.capacity_w;
        if q > c * (1.0 + FIT_TOLERANCE) {
            return None;
        }
        // whole racks of `q` in `spare`: the cast takes the floor of a non-negative count,
        // 0 for a negative or NaN one, and saturates, as floor-then-cast would
        let fits = |spare: f64| ((spare * (1.0 + FIT_TOLERANCE)) / q) as u64;
        let on_open = match self.open_load_w {
            Some(load) => fits(c - load).min(racks),
            None => 0,
        };
        if let Some(load) = self.open_load_w.as_mut() {
            *load += on_open as f64 * q;
        }
        let left = racks - on_open;
        let per_full = fits(c).max(1);
        let (full_units, rest) = (left / per_full, left % per_full);
        if rest > 0 {
            self.open_load_w = Some(rest as f64 * q);
        } else if full_units > 0 {
            self.open_load_w = Some(per_full as f64 * q);
        }
        Some(Step {
            on_open,
            full_units,
            per_full,
            rest,
        })
    }
}

fn useful(load: &CduLoad) -> bool {
    load.racks > 0 && load.heat_per_rack_w > 0.0 && load.heat_per_rack_w.is_finite()
}

/// Units a next-fit assignment of `loads` on units of `capacity_w` needs, without keeping it.
pub fn count(capacity_w: f64, loads: impl Iterator<Item = CduLoad>) -> CduCount {
    let mut out = [CduCount::default()];
    count_each(&[capacity_w], loads, &mut out);
    let [counted] = out;
    counted
}

/// Sizes [`choose_size`] counts in one walk over the loads (the standard sizes are three).
const SIZES_PER_WALK: usize = 3;

/// [`count`] of `loads` on units of each of `capacities_w` into `out` (same length), in one
/// walk over the loads: each size's arithmetic is the same as counting it alone.
fn count_each(capacities_w: &[f64], loads: impl Iterator<Item = CduLoad>, out: &mut [CduCount]) {
    let mut walks = [const {
        Walk {
            capacity_w: 0.0,
            open_load_w: None,
        }
    }; SIZES_PER_WALK];
    let walks = &mut walks[..capacities_w.len().min(SIZES_PER_WALK)];
    for (walk, capacity_w) in walks.iter_mut().zip(capacities_w) {
        walk.capacity_w = *capacity_w;
    }
    out.fill(CduCount::default());
    for load in loads.filter(useful) {
        for (walk, out) in walks.iter_mut().zip(out.iter_mut()) {
            match walk.step(load.racks, load.heat_per_rack_w) {
                Some(step) => {
                    let new_open = u64::from(step.rest > 0);
                    out.loaded_units = out
                        .loaded_units
                        .saturating_add(step.full_units)
                        .saturating_add(new_open);
                }
                None => {
                    out.unassigned_racks = out.unassigned_racks.saturating_add(load.racks);
                    out.largest_unassigned_w = out.largest_unassigned_w.max(load.heat_per_rack_w);
                }
            }
        }
    }
}

/// The next-fit assignment of `loads` on units of `size` (a fixed size), with `redundancy`
/// spare units when any rack is assigned.
pub fn assign(
    size: &CduSize,
    capacity_w: f64,
    redundancy: u32,
    loads: impl Iterator<Item = CduLoad>,
) -> CduDesign {
    let mut walk = Walk {
        capacity_w,
        open_load_w: None,
    };
    let mut runs: Vec<CduRun> = Vec::new();
    let mut unassigned = Vec::new();
    for load in loads.filter(useful) {
        let q = load.heat_per_rack_w;
        let Some(step) = walk.step(load.racks, q) else {
            unassigned.push(load);
            continue;
        };
        if step.on_open > 0 {
            // the open unit is the last unit of the last run: split it off when the run has more
            if let Some(last) = runs.last_mut()
                && last.units > 1
            {
                last.units -= 1;
                let single = CduRun {
                    units: 1,
                    load_w: last.load_w,
                    racks: last.racks.clone(),
                };
                runs.push(single);
            }
            if let Some(open) = runs.last_mut() {
                open.load_w += step.on_open as f64 * q;
                open.racks.push(CduLoad {
                    racks: step.on_open,
                    ..load
                });
            }
        }
        if step.full_units > 0 {
            runs.push(CduRun {
                units: step.full_units,
                load_w: step.per_full as f64 * q,
                racks: vec![CduLoad {
                    racks: step.per_full,
                    ..load
                }],
            });
        }
        if step.rest > 0 {
            runs.push(CduRun {
                units: 1,
                load_w: step.rest as f64 * q,
                racks: vec![CduLoad {
                    racks: step.rest,
                    ..load
                }],
            });
        }
    }
    let spares = if runs.is_empty() {
        0
    } else {
        u64::from(redundancy)
    };
    CduDesign {
        size: size.clone(),
        capacity: Power::new::<watt>(capacity_w),
        runs,
        spares,
        unassigned,
    }
}

/// The unit sizes one kind of CDU may take, with their capacity in W, and the spare units
/// per hall.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CduSizing {
    pub sizes: Vec<(CduSize, f64)>,
    pub redundancy: u32,
}

/// The CDUs of each liquid option: liquid-to-liquid units onto facility water (the pinned or
/// standard sizes, `cdu_redundancy`), and liquid-to-air units for options whose liquid heat
/// returns to the room (`l2a_unit_capacity`, `l2a_redundancy`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CduChoices {
    pub to_water: CduSizing,
    pub to_air: CduSizing,
}

impl CduChoices {
    pub fn new(a: &coolplan_model::assumptions::Resolved) -> Self {
        let c = &a.cooling;
        let l2a = CduSize::LiquidToAir {
            capacity: c.l2a_unit_capacity,
        };
        CduChoices {
            to_water: CduSizing {
                sizes: candidate_sizes(&c.cdu_size),
                redundancy: c.cdu_redundancy,
            },
            to_air: CduSizing {
                sizes: candidate_sizes(&l2a),
                redundancy: c.l2a_redundancy,
            },
        }
    }
    /// The units `option`'s liquid heat goes through.
    pub fn of(&self, option: crate::option::CoolingOption) -> &CduSizing {
        match option.spec().liquid_sink {
            crate::option::LiquidSink::RoomAir => &self.to_air,
            crate::option::LiquidSink::FacilityWater => &self.to_water,
        }
    }
}

/// The sizes a hall may use: the pinned one, or every standard size, smallest first.
pub fn candidate_sizes(pinned: &CduSize) -> Vec<(CduSize, f64)> {
    match pinned.capacity() {
        Some(capacity) => vec![(pinned.clone(), capacity.in_unit(PowerUnit::W))],
        None => CduSize::STANDARD
            .iter()
            .filter_map(|s| Some((s.clone(), s.capacity()?.in_unit(PowerUnit::W))))
            .collect(),
    }
}

/// Index into `sizes` of the size to use for `loads` (see the module doc), and its count.
pub fn choose_size<I>(sizes: &[(CduSize, f64)], redundancy: u32, loads: I) -> (usize, CduCount)
where
    I: Iterator<Item = CduLoad> + Clone,
{
    let mut best: Option<(usize, CduCount, f64)> = None;
    let mut fallback = (0, CduCount::default());
    let mut counts = [CduCount::default(); SIZES_PER_WALK];
    for (chunk_index, chunk) in sizes.chunks(SIZES_PER_WALK).enumerate() {
        let capacities_w: [f64; SIZES_PER_WALK] =
            std::array::from_fn(|j| chunk.get(j).map_or(0.0, |(_, c)| *c));
        let counts = &mut counts[..chunk.len()];
        count_each(&capacities_w[..chunk.len()], loads.clone(), counts);
        for (j, ((_, capacity_w), counted)) in chunk.iter().zip(counts.iter()).enumerate() {
            let (i, counted) = (chunk_index * SIZES_PER_WALK + j, *counted);
            fallback = (i, counted);
            if counted.unassigned_racks > 0 {
                continue;
            }
            let spares = if counted.loaded_units > 0 {
                u64::from(redundancy)
            } else {
                0
            };
            let installed = (counted.loaded_units.saturating_add(spares)) as f64 * capacity_w;
            if best.as_ref().is_none_or(|(_, _, b)| installed <= *b) {
                best = Some((i, counted, installed));
            }
        }
    }
    best.map_or(fallback, |(i, counted, _)| (i, counted))
}

/// The design of `loads`: size chosen among `sizes`, racks assigned.
pub fn design<I>(sizes: &[(CduSize, f64)], redundancy: u32, loads: I) -> Option<CduDesign>
where
    I: Iterator<Item = CduLoad> + Clone,
{
    let (i, _) = choose_size(sizes, redundancy, loads.clone());
    let (size, capacity_w) = sizes.get(i)?;
    Some(assign(size, *capacity_w, redundancy, loads))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(group: usize, racks: u64, kw: f64) -> CduLoad {
        CduLoad {
            group,
            racks,
            heat_per_rack_w: kw * 1000.0,
        }
    }

    #[test]
    fn next_fit_fills_units_with_whole_racks_and_counts_them() {
        // 5 racks × 40 kW on 100 kW units: 2 per unit (80 kW) → units of 80, 80, 40 kW; then
        // 3 racks × 15 kW: the open unit (40 kW) takes 4 → all 3 (85 kW).
        let loads = [load(0, 5, 40.0), load(1, 3, 15.0)];
        let d = assign(&CduSize::InRack, 100_000.0, 1, loads.iter().copied());
        let shape: Vec<(u64, f64, u64)> = d
            .runs
            .iter()
            .map(|r| (r.units, r.load_w / 1000.0, r.racks_per_unit()))
            .collect();
        assert_eq!(shape, vec![(2, 80.0, 2), (1, 85.0, 4)]);
        assert_eq!((d.loaded_units(), d.units(), d.assigned_racks()), (3, 4, 8));
        let counted = count(100_000.0, loads.iter().copied());
        assert_eq!(counted.loaded_units, d.loaded_units());
        // spare 20 + 20 + 15 + 100 = 155 kW ≥ 100 kW: any one failure is absorbed
        assert!((d.spare_capacity().get::<watt>() - 155_000.0).abs() < 1e-6);
        assert!(d.survives_one_failure());
    }

    #[test]
    fn a_full_run_splits_when_a_later_group_tops_up_its_last_unit() {
        // 4 racks × 45 kW on 100 kW: two full units of 90 kW; 1 rack × 10 kW tops up the second.
        let loads = [load(0, 4, 45.0), load(1, 1, 10.0)];
        let d = assign(&CduSize::InRack, 100_000.0, 0, loads.iter().copied());
        assert_eq!(d.runs.len(), 2);
        assert_eq!((d.runs[0].units, d.runs[1].units), (1, 1));
        let carried: Vec<(usize, u64)> =
            d.runs[1].racks.iter().map(|l| (l.group, l.racks)).collect();
        assert_eq!(carried, vec![(0, 2), (1, 1)]);
        assert_eq!(d.units(), 2);
        assert_eq!(count(100_000.0, loads.iter().copied()).loaded_units, 2);
        // no spare unit and only 0 + 0 kW free: a failure is not absorbed
        assert!(!d.survives_one_failure());
    }

    #[test]
    fn a_rack_hotter_than_a_unit_is_unassigned() {
        let loads = [load(0, 2, 130.0)];
        let d = assign(&CduSize::InRack, 100_000.0, 1, loads.iter().copied());
        assert_eq!((d.units(), d.unassigned.len()), (0, 1));
        assert!(!d.survives_one_failure());
    }

    #[test]
    fn a_million_racks_make_a_few_runs() {
        let loads = [load(0, 2_000_000, 4.8), load(1, 100_000, 32.0)];
        let d = assign(&CduSize::InRow, 600_000.0, 1, loads.iter().copied());
        assert!(d.runs.len() <= 4, "{} runs", d.runs.len());
        assert_eq!(d.assigned_racks(), 2_100_000);
        assert_eq!(
            d.units(),
            count(600_000.0, loads.iter().copied()).loaded_units + 1
        );
    }

    #[test]
    fn the_size_with_the_least_installed_capacity_is_chosen() {
        let sizes = candidate_sizes(&CduSize::Auto);
        // a 43.5 kW room: 1 + 1 in-rack (200 kW) beats 1 + 1 in-row (1,200 kW)
        let room = [load(0, 1, 43.5)];
        let (i, _) = choose_size(&sizes, 1, room.iter().copied());
        assert_eq!(sizes[i].0, CduSize::InRack);
        // 20 racks × 33 kW = 660 kW: in-rack 3 per unit → 7 + 1 = 800 kW; in-row 18 per unit
        // → 2 + 1 = 1,800 kW; in-rack wins
        let hall = [load(0, 20, 33.0)];
        let (i, _) = choose_size(&sizes, 1, hall.iter().copied());
        assert_eq!(sizes[i].0, CduSize::InRack);
        // 120 kW racks fit no in-rack unit: in-row 5 per unit, 6 racks → 2 + 1 = 1,800 kW
        // against facility 1 + 1 = 4,000 kW
        let nvl = [load(0, 6, 120.0)];
        let (i, counted) = choose_size(&sizes, 1, nvl.iter().copied());
        assert_eq!((&sizes[i].0, counted.loaded_units), (&CduSize::InRow, 2));
        // a pinned size is kept even when racks do not fit it
        let pinned = candidate_sizes(&CduSize::InRack);
        let d = design(&pinned, 1, nvl.iter().copied()).expect("one size");
        assert_eq!((d.size, d.unassigned.len()), (CduSize::InRack, 1));
    }

    /// The count of one size by its own next-fit walk (the definition [`count_each`] keeps).
    fn count_alone(capacity_w: f64, loads: &[CduLoad]) -> CduCount {
        let mut walk = Walk {
            capacity_w,
            open_load_w: None,
        };
        let mut out = CduCount::default();
        for load in loads.iter().filter(|l| useful(l)) {
            match walk.step(load.racks, load.heat_per_rack_w) {
                Some(step) => {
                    out.loaded_units += step.full_units + u64::from(step.rest > 0);
                }
                None => {
                    out.unassigned_racks += load.racks;
                    out.largest_unassigned_w = out.largest_unassigned_w.max(load.heat_per_rack_w);
                }
            }
        }
        out
    }

    #[test]
    fn one_walk_counts_every_size_as_its_own_walk_would() {
        // random halls of 0–40 groups (some too hot for the smaller units, some empty) on 1, 3,
        // 4 and 7 candidate sizes (more than one walk takes); the chosen size and its count must
        // be those of counting each size alone and taking the least installed capacity (ties to
        // the later, larger size; the last size when none takes every rack)
        let mut rng = coolplan_model::generate::SplitMix64::new(24);
        let standard = candidate_sizes(&CduSize::Auto);
        for round in 0..400 {
            let sizes: Vec<(CduSize, f64)> = match round % 4 {
                0 => standard[..1].to_vec(),
                1 => standard.clone(),
                2 => standard.iter().chain(&standard[..1]).cloned().collect(),
                _ => standard.iter().cycle().take(7).cloned().collect(),
            };
            let loads: Vec<CduLoad> = (0..rng.below(41) as usize)
                .map(|g| load(g, rng.below(9), 2_500.0 * rng.unit() * rng.unit()))
                .collect();
            let redundancy = rng.below(3) as u32;
            let alone: Vec<CduCount> = sizes.iter().map(|(_, c)| count_alone(*c, &loads)).collect();
            let installed = |i: usize| {
                let n = alone[i].loaded_units;
                let spares = if n > 0 { u64::from(redundancy) } else { 0 };
                (n + spares) as f64 * sizes[i].1
            };
            let fitting = (0..sizes.len()).filter(|&i| alone[i].unassigned_racks == 0);
            let expected = fitting
                .fold(None, |best: Option<usize>, i| match best {
                    Some(b) if installed(i) > installed(b) => Some(b),
                    _ => Some(i),
                })
                .unwrap_or(sizes.len() - 1);
            let chosen = choose_size(&sizes, redundancy, loads.iter().copied());
            assert_eq!(chosen, (expected, alone[expected]), "round {round}");
            for (i, (_, c)) in sizes.iter().enumerate() {
                assert_eq!(count(*c, loads.iter().copied()), alone[i], "round {round}");
            }
        }
    }

    #[test]
    fn whole_racks_cast_from_a_count_are_its_floor_at_least_zero() {
        // what `Walk::step` relies on: `x as u64` is `x.floor().max(0.0) as u64` for every x
        let counts = [
            -1e300,
            -2.5,
            -0.0,
            0.0,
            f64::MIN_POSITIVE / 2.0,
            0.999_999_999,
            1.0,
            2.999_999_999_999_999_6,
            4.5e15,
            1.8e19,
            1.9e19,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
        ];
        for x in counts {
            assert_eq!(x as u64, x.floor().max(0.0) as u64, "{x}");
        }
        // 3 racks of 30 kW in 100 kW: 100 × (1 + 1e-9) / 30 = 3.33…, 3 whole racks
        let mut walk = Walk {
            capacity_w: 100_000.0,
            open_load_w: None,
        };
        let step = walk.step(7, 30_000.0).expect("fits a unit");
        assert_eq!((step.per_full, step.full_units, step.rest), (3, 2, 1));
    }
}
