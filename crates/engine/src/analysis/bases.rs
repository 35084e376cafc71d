//! Cost bases kept across a staged evaluator's calls ([`KeptBases`]): every rack group's
//! [`RackBasis`] (load by cohort, server counts, kit and premium money, the share of its load
//! present each year) reads the site's racks and catalog, the first year, the horizon and the
//! refresh policy, and of all prices only the per-kW defaults for models without a catalog
//! price of their own
//! (`prices.cold_plate_kit_per_kw`, `prices.factory_premium_per_kw`). Varied copies of one
//! site differ in their assumptions only, so one set of bases per first year and horizon
//! serves every call: as it is when neither default changed or no group read the one that
//! changed ([`DefaultsRead`]), else with only the groups that read it built again.
//!
//! Owns: when kept bases hold for a call. Never touches: what a basis holds
//! ([`crate::cost::basis`]), the physical pass ([`super::staged`]).

use std::sync::{Arc, Mutex, PoisonError};

use crate::cost::basis::{DefaultsRead, RackBasis, rack_basis, rack_basis_noting};
use crate::cost::{Bases, life_context};
use coolplan_model::assumptions::Resolved;
use coolplan_model::assumptions::prices::PricesResolved;
use coolplan_model::{Catalog, Site};
use coolplan_units::PowerUnit;

/// Sets of bases kept at most (one per first year and horizon met; a horizon is a whole
/// number of years, so a range of horizons keeps a few).
pub const MAX_KEPT: usize = 64;

/// Sets kept on a site of `groups` rack groups: at most [`MAX_KEPT`], and about
/// [`super::staged::MAX_KEPT_GROUPS`] group bases in all (a basis is a few hundred bytes).
pub fn kept_sets(groups: usize) -> usize {
    (super::staged::MAX_KEPT_GROUPS / groups.max(1)).clamp(1, MAX_KEPT)
}

/// The bases of one first year and horizon, built at the per-kW defaults `defaults`.
struct Kept {
    first_year: u16,
    horizon: usize,
    defaults: Defaults,
    bases: Bases,
    /// Per hall and rack group: which defaults its basis read.
    read: Vec<Vec<DefaultsRead>>,
}

/// The per-kW default prices a basis may read, as it reads them (kit, premium per kW).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Defaults {
    kit: f64,
    premium: f64,
}

impl Defaults {
    fn of(prices: &PricesResolved) -> Defaults {
        Defaults {
            kit: prices.cold_plate_kit_per_kw.amount_per(PowerUnit::kW),
            premium: prices.factory_premium_per_kw.amount_per(PowerUnit::kW),
        }
    }
    /// Whether a basis that read `read` at `self` may differ at `other` (compared by bits:
    /// −0.0 and 0.0 are two values to this test).
    fn stale(self, other: Defaults, read: DefaultsRead) -> bool {
        (read.kit && self.kit.to_bits() != other.kit.to_bits())
            || (read.premium && self.premium.to_bits() != other.premium.to_bits())
    }
}

/// The cost bases a staged evaluator keeps for varied copies of one site (module doc).
#[derive(Default)]
pub struct KeptBases {
    kept: Mutex<Vec<Arc<Kept>>>,
}

impl KeptBases {
    /// Every rack group's basis of `site` under `assumptions`, equal to what
    /// [`crate::cost::Pricer::new`] builds: kept ones where they hold. `site` must be a copy
    /// of the site of every earlier call, differing in its assumptions only.
    pub fn bases(&self, site: &Site, catalog: &Catalog, assumptions: &Resolved) -> Bases {
        let life = life_context(site, assumptions);
        let defaults = Defaults::of(&assumptions.prices);
        let found = self
            .kept
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .iter()
            .find(|k| k.first_year == life.first_year && k.horizon == life.horizon)
            .cloned();
        let Some(kept) = found else {
            let mut read = Vec::with_capacity(site.halls.len());
            let bases: Vec<Vec<RackBasis>> = site
                .halls
                .iter()
                .map(|hall| {
                    let mut hall_read = vec![DefaultsRead::default(); hall.racks.len()];
                    let hall_bases = hall
                        .racks
                        .iter()
                        .zip(&mut hall_read)
                        .map(|(rack, read)| {
                            let prices = &assumptions.prices;
                            rack_basis_noting(rack, catalog, prices, site.currency, life, read)
                        })
                        .collect();
                    read.push(hall_read);
                    hall_bases
                })
                .collect();
            let bases = Arc::new(bases);
            let mut kept = self.kept.lock().unwrap_or_else(PoisonError::into_inner);
            if kept.len() < kept_sets(site.rack_group_count()) {
                kept.push(Arc::new(Kept {
                    first_year: life.first_year,
                    horizon: life.horizon,
                    defaults,
                    bases: Arc::clone(&bases),
                    read,
                }));
            }
            return bases;
        };
        let stale = |h: usize, r: usize| kept.defaults.stale(defaults, kept.read[h][r]);
        let any_stale =
            (kept.read.iter().enumerate()).any(|(h, hall)| (0..hall.len()).any(|r| stale(h, r)));
        if !any_stale {
            return Arc::clone(&kept.bases);
        }
        let bases = site
            .halls
            .iter()
            .zip(kept.bases.iter())
            .enumerate()
            .map(|(h, (hall, hall_bases))| {
                hall.racks
                    .iter()
                    .zip(hall_bases)
                    .enumerate()
                    .map(|(r, (rack, basis))| {
                        if stale(h, r) {
                            let prices = &assumptions.prices;
                            rack_basis(rack, catalog, prices, site.currency, life)
                        } else {
                            basis.clone()
                        }
                    })
                    .collect()
            })
            .collect();
        Arc::new(bases)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use coolplan_model::generate::generate_site;
    use coolplan_units::{Currency, Price};

    /// What `Pricer::new` builds: every group's basis afresh.
    fn fresh(site: &Site, catalog: &Catalog, assumptions: &Resolved) -> Vec<Vec<RackBasis>> {
        let life = life_context(site, assumptions);
        (site.halls.iter())
            .map(|hall| {
                (hall.racks.iter())
                    .map(|rack| rack_basis(rack, catalog, &assumptions.prices, site.currency, life))
                    .collect()
            })
            .collect()
    }

    /// A generated site; with `defaults`, every other model it uses has no catalog kit price
    /// or premium, so those groups' bases read the per-kW defaults.
    fn site(defaults: bool) -> Site {
        let mut site = generate_site(60, 9);
        if defaults {
            coolplan_model::generate::drop_catalog_prices_of_every_other_model(&mut site);
        }
        site
    }

    fn kit(assumptions: &Resolved, per_kw: f64) -> Resolved {
        let mut varied = assumptions.clone();
        varied.prices.cold_plate_kit_per_kw = Price::new(per_kw, Currency::CNY, PowerUnit::kW);
        varied
    }

    #[test]
    fn kept_bases_equal_fresh_ones_and_are_shared_where_nothing_they_read_changed() {
        for defaults in [false, true] {
            let site = site(defaults);
            let catalog = site.catalog();
            let base = site.assumptions.resolve(site.currency);
            let kept = KeptBases::default();
            let first = kept.bases(&site, &catalog, &base);
            assert_eq!(*first, fresh(&site, &catalog, &base));
            // the electricity price: no basis reads it, the kept set serves as it is
            let mut dearer = base.clone();
            dearer.prices.electricity =
                Price::new(2.0, Currency::CNY, coolplan_units::EnergyUnit::kWh);
            assert!(Arc::ptr_eq(&first, &kept.bases(&site, &catalog, &dearer)));
            // the kit price: groups whose models have their own price do not read it
            let kitted = kit(&base, 3_000.0);
            let again = kept.bases(&site, &catalog, &kitted);
            assert_eq!(
                *again,
                fresh(&site, &catalog, &kitted),
                "defaults {defaults}"
            );
            assert_eq!(Arc::ptr_eq(&first, &again), !defaults);
            // where some do, their bases change (else this test would prove nothing)
            assert_eq!(*again != *first, defaults);
            // another horizon: another set, kept for the next call at that horizon
            let mut longer = kitted.clone();
            longer.finance.horizon_years = 14;
            let other = kept.bases(&site, &catalog, &longer);
            assert_eq!(*other, fresh(&site, &catalog, &longer));
            assert!(Arc::ptr_eq(&other, &kept.bases(&site, &catalog, &longer)));
        }
        // 64 sets on small sites; ≈ 100,000 bases in all on large ones
        assert_eq!(kept_sets(60), 64);
        assert_eq!(kept_sets(10_000), 10);
        assert_eq!(kept_sets(1_000_000), 1);
    }
}
