//! Synthetic sites for benchmarks, stress tests and demos: a deterministic, realistic site of
//! `rack_groups` rack groups from a seed (`coolplan generate --racks N --seed S`).
//!
//! Owns: the seeded generator ([`SplitMix64`]), the rack archetypes (the shipped catalog's
//! models in plausible mixes, stock and new with arrival years), hall sizing and floor-grid
//! positions. Never touches: files, the clock, OS randomness (the seed is an argument), the
//! engine. The same `(rack_groups, seed)` always gives the same site, on every platform.
//!
//! Every generated site is valid: racks fit their height, rack-scale systems stand alone,
//! halls have the floor area their racks need, new servers arrive in or after the first year.

use super::{
    Assumptions, Catalog, ClimateSource, CostMode, FacilityWater, Floor, FloorKind, Hall, Location,
    Position, Rack, SCHEMA_VERSION, ServerGroup, Site, Status, WaterClass,
};
use crate::climate::CLIMATE_PRESET_KEYS;
use coolplan_units::Currency;
use coolplan_units::build::{deg_c, kg_per_m2, kw, m2, rack_units};

/// SplitMix64 (Steele, Lea & Flood 2014; Vigna's reference constants): a tiny, fast,
/// well-mixed generator; plenty for synthetic data, not for cryptography.
#[derive(Clone, Debug)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0), by the multiply-shift method (Lemire 2019).
    pub fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// A number in `lo..=hi` (`lo` when `hi < lo`).
    pub fn between(&mut self, lo: u32, hi: u32) -> u32 {
        let span = u64::from(hi.saturating_sub(lo)) + 1;
        lo + self.below(span) as u32
    }

    /// A uniform number in `[0, 1)` (53 random bits).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// Index into `weights`, drawn in proportion to them (the last index if all are 0).
    pub fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u64 = weights.iter().map(|&w| u64::from(w)).sum();
        let mut draw = self.below(total);
        for (i, &w) in weights.iter().enumerate() {
            if draw < u64::from(w) {
                return i;
            }
            draw -= u64::from(w);
        }
        weights.len().saturating_sub(1)
    }
}

/// Whether an archetype's servers are installed or bought new.
#[derive(Clone, Copy)]
enum Arrival {
    Stock,
    /// Bought new in the first year or one of the three after.
    New,
    /// Stock with this probability, else new.
    Mixed(f64),
}

/// A kind of rack found in Chinese and international halls: its models and counts.
struct Archetype {
    /// Rack name prefix (some in Chinese, as users write them).
    prefix: &'static str,
    /// Relative frequency.
    weight: u32,
    height_u: f64,
    /// (catalog id, fewest, most) servers per rack.
    servers: &'static [(&'static str, u32, u32)],
    arrival: Arrival,
}

/// The rack kinds drawn from; every id is in `assets/catalog.ron` and every mix fits its
/// height at the most (checked by a test).
const ARCHETYPES: &[Archetype] = &[
    Archetype {
        prefix: "CPU",
        weight: 30,
        height_u: 42.0,
        servers: &[("cpu-1u", 16, 36)],
        arrival: Arrival::Stock,
    },
    Archetype {
        prefix: "CPU2U",
        weight: 18,
        height_u: 42.0,
        servers: &[("cpu-2u", 8, 18)],
        arrival: Arrival::Stock,
    },
    Archetype {
        prefix: "存储",
        weight: 10,
        height_u: 42.0,
        servers: &[("storage-2u", 6, 16)],
        arrival: Arrival::Stock,
    },
    Archetype {
        prefix: "混合",
        weight: 8,
        height_u: 42.0,
        servers: &[("cpu-1u", 8, 16), ("storage-2u", 2, 6)],
        arrival: Arrival::Stock,
    },
    Archetype {
        prefix: "A100",
        weight: 6,
        height_u: 42.0,
        servers: &[("dgx-a100", 2, 4)],
        arrival: Arrival::Stock,
    },
    Archetype {
        prefix: "H100",
        weight: 8,
        height_u: 42.0,
        servers: &[("hgx-h100", 2, 4)],
        arrival: Arrival::Mixed(0.6),
    },
    Archetype {
        prefix: "H20",
        weight: 5,
        height_u: 42.0,
        servers: &[("hgx-h20", 2, 5)],
        arrival: Arrival::New,
    },
    Archetype {
        prefix: "B200",
        weight: 5,
        height_u: 42.0,
        servers: &[("dgx-b200", 2, 4)],
        arrival: Arrival::New,
    },
    Archetype {
        prefix: "NVL72",
        weight: 2,
        height_u: 48.0,
        servers: &[("gb200-nvl72", 1, 1)],
        arrival: Arrival::New,
    },
    Archetype {
        prefix: "昇腾",
        weight: 4,
        height_u: 42.0,
        servers: &[("atlas-800t-a2", 4, 8)],
        arrival: Arrival::Mixed(0.5),
    },
    Archetype {
        prefix: "寒武纪",
        weight: 2,
        height_u: 42.0,
        servers: &[("mlu370-x8", 4, 8)],
        arrival: Arrival::Mixed(0.7),
    },
    Archetype {
        prefix: "海光",
        weight: 2,
        height_u: 42.0,
        servers: &[("hygon-dcu", 4, 8)],
        arrival: Arrival::Stock,
    },
];

/// Hall name endings, English and Chinese, used in turn.
const HALL_KINDS: &[&str] = &["数据大厅", "Data Hall", "智算大厅", "Compute Hall"];
/// Slots per row of the floor grid.
const SLOTS_PER_ROW: u32 = 20;
/// Area per rack for layout: the default footprint plus service area (0.72 + 0.72 m²,
/// `assumptions.cooling`), with 25 % more for aisles ends and CDUs.
const AREA_PER_RACK_M2: f64 = 1.44 * 1.25;
/// Rack groups per hall above the first two halls; at most [`MAX_HALLS`] halls.
const GROUPS_PER_EXTRA_HALL: usize = 2000;
const MAX_HALLS: usize = 8;

/// A valid synthetic site of `rack_groups` rack groups (table rows; each group holds 1–8
/// identical racks, most hold 1), drawn from `seed`.
pub fn generate_site(rack_groups: usize, seed: u64) -> Site {
    let mut rng = SplitMix64::new(seed);
    let catalog = Catalog::builtin();
    let currency = Currency::CNY;
    let first_year = Assumptions::default().finance.resolve(currency).first_year;
    let hall_count = match rack_groups {
        0 | 1 => 1,
        n => (2 + n / GROUPS_PER_EXTRA_HALL).min(MAX_HALLS),
    };
    let halls = (0..hall_count)
        .map(|h| {
            // The first halls take the remainder, so sizes differ by at most one.
            let size = rack_groups / hall_count + usize::from(h < rack_groups % hall_count);
            hall(&mut rng, &catalog, h, size, first_year)
        })
        .collect();
    let climate = CLIMATE_PRESET_KEYS[rng.below(CLIMATE_PRESET_KEYS.len() as u64) as usize];
    Site {
        schema_version: SCHEMA_VERSION,
        name: format!("合成站点 Synthetic site ({rack_groups} rack groups, seed {seed})"),
        notes: format!(
            "Generated by `coolplan generate --racks {rack_groups} --seed {seed}` for benchmarks \
             and demos; the racks, counts and halls are invented."
        ),
        currency,
        report_date: None,
        report_author: None,
        report_revision: None,
        location: Location {
            name: format!("Synthetic ({climate})"),
            climate: ClimateSource::Preset(climate.to_string()),
        },
        cost_mode: if rng.chance(0.5) {
            CostMode::Itemised
        } else {
            CostMode::PerKw
        },
        assumptions: Assumptions::default(),
        catalog: Vec::new(),
        overrides: Vec::new(),
        uncertainty: Vec::new(),
        compliance: None,
        heat_customer: None,
        refresh: None,
        halls,
        cooling_options: None,
    }
}

/// Takes the kit price and factory premium off every other model `site` uses (in id order),
/// by copies of those models in the site's own catalog: their groups are priced on the
/// per-kW defaults (`prices.cold_plate_kit_per_kw`, `prices.factory_premium_per_kw`), the
/// others on their catalog prices. For tests and benchmarks of both pricing paths.
pub fn drop_catalog_prices_of_every_other_model(site: &mut Site) {
    let catalog = site.catalog();
    let mut ids: Vec<String> = (site.halls.iter().flat_map(|h| &h.racks))
        .flat_map(|r| r.servers.iter().map(|g| g.model.clone()))
        .collect();
    ids.sort();
    ids.dedup();
    for id in ids.iter().step_by(2) {
        if let Some(model) = catalog.get(id) {
            let mut model = model.clone();
            model.kit_cost.clear();
            model.factory_premium.clear();
            site.catalog.push(model);
        }
    }
}

fn hall(
    rng: &mut SplitMix64,
    catalog: &Catalog,
    index: usize,
    groups: usize,
    first_year: u16,
) -> Hall {
    let weights: Vec<u32> = ARCHETYPES.iter().map(|a| a.weight).collect();
    let racks: Vec<Rack> = (0..groups)
        .map(|g| {
            let archetype = &ARCHETYPES[rng.weighted(&weights)];
            rack(rng, archetype, g, first_year)
        })
        .collect();
    let rack_total: u64 = racks.iter().map(|r| r.count).sum();
    let design_kw: f64 = racks
        .iter()
        .map(|r| r.count as f64 * rack_design_kw(r, catalog))
        .sum();
    // Air plant sized for 70–120 % of the hall's design load, in 100 kW steps.
    let air_kw = (design_kw * (0.7 + 0.5 * rng.unit()) / 100.0)
        .ceil()
        .max(1.0)
        * 100.0;
    let area_m2 = (rack_total as f64 * AREA_PER_RACK_M2 / 50.0)
        .ceil()
        .max(1.0)
        * 50.0;
    let facility_water = match rng.below(10) {
        0..=4 => Some((WaterClass::W32, 30.0)),
        5 | 6 => Some((WaterClass::W40, 35.0)),
        7 => Some((WaterClass::W27, 24.0)),
        _ => None,
    }
    .map(|(class, supply_c)| FacilityWater {
        class,
        supply_temp: deg_c(supply_c),
        heat_rejection: None,
        capacity: None,
    });
    let (kind, rating) = if rng.chance(0.7) {
        (FloorKind::Raised, 1200.0)
    } else {
        (FloorKind::Slab, 2000.0)
    };
    let letter = char::from(b'A' + (index % 26) as u8);
    let name = format!(
        "{letter}{} {}",
        index + 1,
        HALL_KINDS[index % HALL_KINDS.len()]
    );
    Hall {
        facility_water,
        measured_pue: rng
            .chance(0.6)
            .then(|| f64::from(rng.between(135, 175)) / 100.0),
        racks,
        ..Hall::bare(
            &name,
            Floor {
                kind,
                rating: kg_per_m2(rating),
            },
            m2(area_m2),
            kw(air_kw),
        )
    }
}

fn rack(rng: &mut SplitMix64, archetype: &Archetype, group: usize, first_year: u16) -> Rack {
    let row = row_name((group as u64) / u64::from(SLOTS_PER_ROW));
    let slot = (group as u64 % u64::from(SLOTS_PER_ROW)) as u32 + 1;
    let new_year = |rng: &mut SplitMix64| Status::New(first_year + rng.between(0, 3) as u16);
    let status = match archetype.arrival {
        Arrival::Stock => Status::Stock,
        Arrival::New => new_year(rng),
        Arrival::Mixed(stock) if rng.chance(stock) => Status::Stock,
        Arrival::Mixed(_) => new_year(rng),
    };
    let servers = archetype
        .servers
        .iter()
        .map(|&(model, lo, hi)| ServerGroup {
            model: model.to_string(),
            count: rng.between(lo, hi),
            status,
            installed: None,
            service_life: None,
            refresh: None,
            notes: String::new(),
        })
        .collect();
    Rack {
        name: format!("{}-{row}{slot:02}", archetype.prefix),
        notes: String::new(),
        count: if rng.chance(0.7) {
            1
        } else {
            u64::from(rng.between(2, 8))
        },
        height: rack_units(archetype.height_u),
        position: Some(Position { row, slot }),
        retrofit_share: None,
        servers,
        measured: None,
        cooling: None,
    }
}

/// Design power of one rack, kW (0 for a model not in the catalog).
fn rack_design_kw(rack: &Rack, catalog: &Catalog) -> f64 {
    rack.servers
        .iter()
        .filter_map(|g| {
            let model = catalog.get(&g.model)?;
            Some(f64::from(g.count) * model.max_power.si() / 1000.0)
        })
        .sum()
}

/// Spreadsheet-style row names: A … Z, AA, AB, …
fn row_name(mut index: u64) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(char::from(b'A' + (index % 26) as u8));
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use coolplan_units::LengthUnit;

    #[test]
    fn splitmix64_matches_the_reference_sequence() {
        // Vigna's splitmix64.c with x = 1234567: the first three outputs.
        let mut rng = SplitMix64::new(1_234_567);
        assert_eq!(rng.next_u64(), 6_457_827_717_110_365_317);
        assert_eq!(rng.next_u64(), 3_203_168_211_198_807_973);
        assert_eq!(rng.next_u64(), 9_817_491_932_198_370_423);
    }

    #[test]
    fn draws_stay_in_range() {
        let mut rng = SplitMix64::new(7);
        for _ in 0..10_000 {
            assert!(rng.below(10) < 10);
            assert!((3..=5).contains(&rng.between(3, 5)));
            assert!((0.0..1.0).contains(&rng.unit()));
        }
        assert_eq!(rng.below(0), 0);
        assert_eq!(rng.between(9, 2), 9);
    }

    #[test]
    fn row_names_run_like_spreadsheet_columns() {
        let names: Vec<String> = [0, 1, 25, 26, 27, 51, 52, 701, 702].map(row_name).into();
        assert_eq!(names, ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
    }

    #[test]
    fn every_archetype_uses_catalog_models_and_fits_its_rack_at_the_most() {
        let catalog = Catalog::builtin();
        for a in ARCHETYPES {
            let used_u: f64 = a
                .servers
                .iter()
                .map(|&(id, _, hi)| {
                    let model = catalog.get(id).unwrap_or_else(|| panic!("{id} in catalog"));
                    f64::from(hi) * model.height.in_unit(LengthUnit::U)
                })
                .sum();
            assert!(
                used_u <= a.height_u,
                "{}: {used_u} U > {} U",
                a.prefix,
                a.height_u
            );
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_site_and_another_seed_another() {
        assert_eq!(generate_site(300, 42), generate_site(300, 42));
        assert_ne!(generate_site(300, 42), generate_site(300, 43));
    }

    #[test]
    fn sites_have_the_asked_groups_in_several_halls_with_unique_names() {
        for (groups, halls) in [(0, 1), (1, 1), (100, 2), (1_000, 2), (10_000, 7)] {
            let site = generate_site(groups, 5);
            assert_eq!(site.rack_group_count(), groups);
            assert_eq!(site.halls.len(), halls, "{groups} groups");
            for hall in &site.halls {
                let mut names: Vec<&str> = hall.racks.iter().map(|r| r.name.as_str()).collect();
                names.sort_unstable();
                names.dedup();
                assert_eq!(names.len(), hall.racks.len(), "{}", hall.name);
            }
        }
    }

    #[test]
    fn a_large_site_mixes_stock_and_new_many_models_and_counts() {
        let site = generate_site(2_000, 1);
        let groups: Vec<&ServerGroup> = site
            .halls
            .iter()
            .flat_map(|h| &h.racks)
            .flat_map(|r| &r.servers)
            .collect();
        let mut models: Vec<&str> = groups.iter().map(|g| g.model.as_str()).collect();
        models.sort_unstable();
        models.dedup();
        assert_eq!(models.len(), 11, "{models:?}");
        let new = groups
            .iter()
            .filter(|g| matches!(g.status, Status::New(_)))
            .count();
        assert!(
            (groups.len() / 10..groups.len() / 2).contains(&new),
            "{new} of {}",
            groups.len()
        );
        assert!(groups.iter().all(|g| match g.status {
            Status::New(year) => (2026..=2029).contains(&year),
            Status::Stock => true,
        }));
        let counts = site.halls.iter().flat_map(|h| &h.racks).map(|r| r.count);
        assert_eq!(counts.clone().min(), Some(1));
        assert_eq!(counts.max(), Some(8));
    }
}
