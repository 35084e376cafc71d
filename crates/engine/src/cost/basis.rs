//! The cost basis of one rack group: its IT load split into stock servers and new servers by
//! arrival year, server counts, and the per-server prices the catalog gives.
//!
//! Servers retire after their service life and are replaced by their refresh policy
//! ([`coolplan_model::lifecycle`]): each retirement within the study is a [`LoadStep`] (the
//! load the replacement adds minus the load that leaves) and each replacement a refresh
//! cohort, bought liquid-ready in the retirement year.
//!
//! Read from the model and catalog (not from the thermal results), so CAPEX in per-kW mode
//! depends only on nameplate power, counts and prices. Metered peak and average, where a rack
//! gives them, rescale the nameplate figures. Unknown catalog ids contribute nothing (the io
//! validator reports them before the engine runs).

use coolplan_model::assumptions::prices::PricesResolved;
use coolplan_model::catalog::{ServerKind, ServerModel};
use coolplan_model::lifecycle::{Generation, generations_into};
use coolplan_model::{Catalog, ImmersionCompat, KitAvailability, Rack, Refresh, Status};
use coolplan_units::{Currency, PowerUnit};

/// Load and per-server money of servers that arrive together (stock, or new in one year).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cohort {
    /// Cash-flow year index of arrival (0 for stock and for new servers due before year 0).
    pub year: usize,
    /// Design IT power on air of the whole group's servers in this cohort.
    pub design_kw: f64,
    /// Average IT power on air.
    pub avg_kw: f64,
    /// Servers in the whole group.
    pub servers: f64,
    /// Stock: retrofit kits of servers that take one (catalog price, else per-kW default).
    pub kit_cost: f64,
    /// New: factory liquid-cooled premium (catalog price, else per-kW default).
    pub factory_premium: f64,
    /// Servers that need preparation before immersion.
    pub prep_servers: f64,
}

/// A change of the group's load at the start of cash-flow year index `year` (present from
/// flow `year + 1`, like an arrival): servers retiring and their replacement arriving.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LoadStep {
    pub year: usize,
    /// Design IT power on air added (negative: removed).
    pub design_kw: f64,
    /// Average IT power on air added (negative: removed).
    pub avg_kw: f64,
}

/// One rack group's cost basis.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RackBasis {
    /// Racks in the group.
    pub racks: f64,
    /// Racks that take a cold-plate manifold (rack-scale systems come with their own).
    pub manifold_racks: f64,
    /// Share of the group converted (fleet sizing), 0..=1.
    pub share: f64,
    /// Stock servers (year 0), present when `stock.servers > 0`.
    pub stock: Cohort,
    /// New servers, one cohort per arrival year, in year order.
    pub new: Vec<Cohort>,
    /// Servers bought liquid-ready to replace retiring ones, one cohort per refresh year, in
    /// year order (`kit_cost` 0).
    pub refresh: Vec<Cohort>,
    /// Retirements and their replacements within the study, in year order.
    pub steps: Vec<LoadStep>,
    /// The load present in cash-flow years 0..=horizon, computed once when the basis is built
    /// ([`RackBasis::presence_into`] copies it; empty in a basis built by hand, whose
    /// presence is computed at each call).
    pub presence: Vec<(f64, f64)>,
}

impl RackBasis {
    /// True when the group holds installed servers (retrofit items apply).
    pub fn has_stock(&self) -> bool {
        self.stock.servers > 0.0
    }
    /// Year the group first needs liquid plant: 0 with stock servers, else first arrival.
    pub fn first_year(&self) -> usize {
        if self.has_stock() {
            0
        } else {
            self.new.iter().map(|c| c.year).min().unwrap_or(0)
        }
    }
    /// Every cohort, stock first.
    pub fn cohorts(&self) -> impl Iterator<Item = &Cohort> {
        std::iter::once(&self.stock).chain(&self.new)
    }
    pub fn design_kw(&self) -> f64 {
        self.cohorts().map(|c| c.design_kw).sum()
    }
    pub fn new_design_kw(&self) -> f64 {
        self.new.iter().map(|c| c.design_kw).sum()
    }
    fn avg_kw(&self) -> f64 {
        self.cohorts().map(|c| c.avg_kw).sum()
    }
    /// Share of average IT load present in cash-flow year `t` (operations of calendar year
    /// first_year + t − 1): cohorts arrived at an index below `t`.
    pub fn avg_present(&self, t: usize) -> f64 {
        self.avg_present_of(self.avg_kw(), t)
    }
    /// Share of design IT load present in cash-flow year `t`.
    pub fn design_present(&self, t: usize) -> f64 {
        self.design_present_of(self.design_kw(), t)
    }
    /// [`RackBasis::avg_present`] and [`RackBasis::design_present`] of every cash-flow year
    /// 0..years into `out`, the totals summed once: the same for every option of the group.
    /// Copied from [`RackBasis::presence`] where the basis was built over these years.
    pub fn presence_into(&self, years: usize, out: &mut Vec<(f64, f64)>) {
        out.clear();
        match self.kept_presence(years) {
            Some(kept) => out.extend_from_slice(kept),
            None => self.compute_presence_into(years, out),
        }
    }
    /// [`RackBasis::presence`] where the basis was built over `years` years (what
    /// [`RackBasis::presence_into`] would copy), read in place.
    pub fn kept_presence(&self, years: usize) -> Option<&[(f64, f64)]> {
        (self.presence.len() == years).then_some(&self.presence[..])
    }
    /// The load present in cash-flow years 0..years, read in place where the basis keeps it
    /// ([`RackBasis::kept_presence`]), else computed into `scratch`. `scratch` is left empty
    /// where the kept one is read, so that it holds a presence exactly when it is the group's.
    pub fn presence_over<'a>(
        &'a self,
        years: usize,
        scratch: &'a mut Vec<(f64, f64)>,
    ) -> &'a [(f64, f64)] {
        scratch.clear();
        match self.kept_presence(years) {
            Some(kept) => kept,
            None => {
                self.compute_presence_into(years, scratch);
                scratch
            }
        }
    }
    /// [`RackBasis::presence_into`] computed from the cohorts and steps, appended to `out`.
    fn compute_presence_into(&self, years: usize, out: &mut Vec<(f64, f64)>) {
        let (avg_total, design_total) = (self.avg_kw(), self.design_kw());
        out.extend((0..years).map(|t| {
            (
                self.avg_present_of(avg_total, t),
                self.design_present_of(design_total, t),
            )
        }));
    }
    fn avg_present_of(&self, total: f64, t: usize) -> f64 {
        let steps = self.steps.iter().map(|s| (s.year, s.avg_kw));
        present(self.cohorts().map(|c| (c.year, c.avg_kw)), steps, total, t)
    }
    fn design_present_of(&self, total: f64, t: usize) -> f64 {
        let steps = self.steps.iter().map(|s| (s.year, s.design_kw));
        present(
            self.cohorts().map(|c| (c.year, c.design_kw)),
            steps,
            total,
            t,
        )
    }
}

/// Share of `total` in cohorts that arrived at an index below `t`, with the load steps
/// taken before `t` (never below none; above 1 when replacements draw more than the
/// servers the thermal figures were computed for).
fn present(
    cohorts: impl Iterator<Item = (usize, f64)>,
    steps: impl Iterator<Item = (usize, f64)>,
    total: f64,
    t: usize,
) -> f64 {
    if total <= 0.0 {
        return 0.0;
    }
    let here: f64 = cohorts
        .filter(|(year, _)| *year < t)
        .map(|(_, kw)| kw)
        .sum();
    let mut changed = 0.0;
    let mut any = false;
    for (_, kw) in steps.filter(|(year, _)| *year < t) {
        changed += kw;
        any = true;
    }
    if any {
        ((here + changed) / total).max(0.0)
    } else {
        here / total
    }
}

/// What the basis needs to follow servers through retirement and refresh.
#[derive(Clone, Copy, Debug)]
pub struct LifeContext<'a> {
    /// Calendar year of cash-flow index 0.
    pub first_year: u16,
    /// Last cash-flow index (the horizon in years).
    pub horizon: usize,
    /// The site's refresh policy (groups without their own).
    pub site_refresh: Option<&'a Refresh>,
}

impl LifeContext<'_> {
    /// Calendar year of the last cash-flow index.
    pub fn last_year(&self) -> u16 {
        let horizon = u16::try_from(self.horizon).unwrap_or(u16::MAX);
        self.first_year.saturating_add(horizon)
    }
}

/// Which per-kW default prices a basis read: those of models without a catalog price of
/// their own in the site's currency. A basis that read neither is the same at any value of
/// them (what lets a staged evaluator reuse it, `crate::analysis::bases`).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct DefaultsRead {
    /// `prices.cold_plate_kit_per_kw` (stock servers' retrofit kits).
    pub kit: bool,
    /// `prices.factory_premium_per_kw` (new and refresh servers' factory premium).
    pub premium: bool,
}

/// Builds the basis of `rack`; `first_year` is the calendar year of cash-flow index 0.
pub fn rack_basis(
    rack: &Rack,
    catalog: &Catalog,
    prices: &PricesResolved,
    currency: Currency,
    life: LifeContext,
) -> RackBasis {
    rack_basis_noting(
        rack,
        catalog,
        prices,
        currency,
        life,
        &mut DefaultsRead::default(),
    )
}

/// [`rack_basis`], noting in `read` which per-kW default prices it read.
pub fn rack_basis_noting(
    rack: &Rack,
    catalog: &Catalog,
    prices: &PricesResolved,
    currency: Currency,
    life: LifeContext,
    read: &mut DefaultsRead,
) -> RackBasis {
    BasisBuilder::new(catalog, prices, currency, life).basis(rack, read)
}

/// Builds the bases of many rack groups in turn ([`rack_basis_noting`] of each), reusing one
/// list for each server group's generations instead of allocating one per server group.
pub struct BasisBuilder<'c> {
    catalog: &'c Catalog,
    prices: &'c PricesResolved,
    currency: Currency,
    life: LifeContext<'c>,
    generations: Vec<Generation<'c>>,
}

impl<'c> BasisBuilder<'c> {
    pub fn new(
        catalog: &'c Catalog,
        prices: &'c PricesResolved,
        currency: Currency,
        life: LifeContext<'c>,
    ) -> Self {
        Self {
            catalog,
            prices,
            currency,
            life,
            generations: Vec::new(),
        }
    }

    /// The basis of `rack`, noting in `read` which per-kW default prices it read.
    pub fn basis(&mut self, rack: &Rack, read: &mut DefaultsRead) -> RackBasis {
        let Self {
            catalog,
            prices,
            currency,
            life,
            ..
        } = *self;
        let first_year = life.first_year;
        let racks = rack.count as f64;
        let kit_per_kw = prices.cold_plate_kit_per_kw.amount_per(PowerUnit::kW);
        let premium_per_kw = prices.factory_premium_per_kw.amount_per(PowerUnit::kW);
        // one catalog look-up per server group serves the group, its kind and its generations
        let mut rack_scale = false;
        let mut basis = RackBasis {
            racks,
            share: rack.share().clamp(0.0, 1.0),
            ..RackBasis::default()
        };
        for group in &rack.servers {
            let Some(model) = catalog.get(&group.model) else {
                continue;
            };
            rack_scale |= model.kind == ServerKind::RackScale;
            let servers = group.count as f64 * racks;
            let server_kw = model.max_power.in_unit(PowerUnit::kW);
            let cohort = match group.status {
                Status::Stock => &mut basis.stock,
                Status::New(year) => {
                    let index = year.saturating_sub(first_year) as usize;
                    cohort_for(&mut basis.new, index)
                }
            };
            cohort.servers += servers;
            cohort.design_kw += servers * server_kw;
            cohort.avg_kw += servers * server_kw * model.utilisation;
            if model.immersion == ImmersionCompat::WithPrep {
                cohort.prep_servers += servers;
            }
            match group.status {
                Status::Stock if model.cold_plate == KitAvailability::Retrofit => {
                    let kit = model.kit_cost_in(currency).map_or_else(
                        || {
                            read.kit = true;
                            server_kw * kit_per_kw
                        },
                        |m| m.amount,
                    );
                    cohort.kit_cost += servers * kit;
                }
                Status::Stock => {}
                Status::New(_) => {
                    cohort.factory_premium +=
                        servers * factory_premium(model, currency, premium_per_kw, read);
                }
            }
            generations_into(
                group,
                model,
                catalog,
                life.site_refresh,
                first_year,
                life.last_year(),
                &mut self.generations,
            );
            add_refreshes(
                &mut basis,
                &self.generations,
                servers,
                (currency, premium_per_kw, read),
                first_year,
            );
        }
        basis.manifold_racks = if rack_scale { 0.0 } else { racks };
        if let Some(measured) = &rack.measured {
            rescale_to_metering(
                &mut basis,
                measured.peak.in_unit(PowerUnit::kW),
                measured.average.in_unit(PowerUnit::kW),
            );
        }
        basis.new.sort_by_key(|c| c.year);
        basis.refresh.sort_by_key(|c| c.year);
        basis.steps.sort_by_key(|s| s.year);
        let mut presence = Vec::new();
        basis.compute_presence_into(life.horizon + 1, &mut presence);
        basis.presence = presence;
        basis
    }
}

/// Factory liquid-cooled premium of one server of `model`: the catalog's, else per kW
/// (noted in `read`).
fn factory_premium(
    model: &ServerModel,
    currency: Currency,
    premium_per_kw: f64,
    read: &mut DefaultsRead,
) -> f64 {
    let server_kw = model.max_power.in_unit(PowerUnit::kW);
    model.factory_premium_in(currency).map_or_else(
        || {
            read.premium = true;
            server_kw * premium_per_kw
        },
        |m| m.amount,
    )
}

/// The load steps and refresh cohorts of one server group's `gens` (`servers` in the whole
/// rack group), in nameplate kW: metering rescales them with the cohorts.
fn add_refreshes(
    basis: &mut RackBasis,
    gens: &[Generation],
    servers: f64,
    (currency, premium_per_kw, read): (Currency, f64, &mut DefaultsRead),
    first_year: u16,
) {
    let kw = |m: &ServerModel| m.max_power.in_unit(PowerUnit::kW);
    for (i, generation) in gens.iter().enumerate() {
        if generation.replaced_by.is_none() {
            continue;
        }
        let year = usize::from(generation.retires.saturating_sub(first_year));
        let next = gens.get(i + 1).map(|g| g.model);
        let (next_design, next_avg) = next.map_or((0.0, 0.0), |m| (kw(m), kw(m) * m.utilisation));
        let design_kw = servers * (next_design - kw(generation.model));
        let avg_kw = servers * (next_avg - kw(generation.model) * generation.model.utilisation);
        if design_kw != 0.0 || avg_kw != 0.0 {
            basis.steps.push(LoadStep {
                year,
                design_kw,
                avg_kw,
            });
        }
        let Some(model) = next else {
            continue;
        };
        let cohort = cohort_for(&mut basis.refresh, year);
        cohort.servers += servers;
        cohort.design_kw += servers * next_design;
        cohort.avg_kw += servers * next_avg;
        cohort.factory_premium += servers * factory_premium(model, currency, premium_per_kw, read);
        if model.immersion == ImmersionCompat::WithPrep {
            cohort.prep_servers += servers;
        }
    }
}

fn cohort_for(cohorts: &mut Vec<Cohort>, year: usize) -> &mut Cohort {
    let position = match cohorts.iter().position(|c| c.year == year) {
        Some(i) => i,
        None => {
            cohorts.push(Cohort {
                year,
                ..Cohort::default()
            });
            cohorts.len() - 1
        }
    };
    &mut cohorts[position]
}

/// Metered peak and average per rack replace the nameplate sums, keeping each cohort's share.
fn rescale_to_metering(basis: &mut RackBasis, peak_kw: f64, average_kw: f64) {
    let design: f64 = basis.design_kw();
    let avg: f64 = basis.cohorts().map(|c| c.avg_kw).sum();
    let design_scale = if design > 0.0 {
        peak_kw * basis.racks / design
    } else {
        0.0
    };
    let avg_scale = if avg > 0.0 {
        average_kw * basis.racks / avg
    } else {
        0.0
    };
    let cohorts = std::iter::once(&mut basis.stock).chain(basis.new.iter_mut());
    for cohort in cohorts.chain(basis.refresh.iter_mut()) {
        cohort.design_kw *= design_scale;
        cohort.avg_kw *= avg_scale;
    }
    for step in &mut basis.steps {
        step.design_kw *= design_scale;
        step.avg_kw *= avg_scale;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn basis_with(stock_avg: f64, new: &[(usize, f64)]) -> RackBasis {
        RackBasis {
            racks: 1.0,
            manifold_racks: 1.0,
            share: 1.0,
            stock: Cohort {
                avg_kw: stock_avg,
                design_kw: stock_avg,
                servers: if stock_avg > 0.0 { 1.0 } else { 0.0 },
                ..Cohort::default()
            },
            new: new
                .iter()
                .map(|&(year, kw)| Cohort {
                    year,
                    avg_kw: kw,
                    design_kw: kw,
                    servers: 1.0,
                    ..Cohort::default()
                })
                .collect(),
            ..RackBasis::default()
        }
    }

    /// Bits of every year's presence of `basis` over `years` (as pricing reads it).
    fn presence_bits(basis: &RackBasis, years: usize) -> Vec<(u64, u64)> {
        let mut presence = Vec::new();
        basis.presence_into(years, &mut presence);
        presence
            .iter()
            .map(|(avg, design)| (avg.to_bits(), design.to_bits()))
            .collect()
    }

    #[test]
    fn one_builder_for_every_group_builds_what_each_groups_own_build_does() {
        use coolplan_model::generate::generate_site;
        // like-for-like (no load steps), every group retired, and refreshed to the largest
        // model (load steps and refresh cohorts of another model)
        let mut site = generate_site(120, 7);
        let catalog = site.catalog();
        let biggest = (site.halls.iter().flat_map(|h| &h.racks))
            .flat_map(|r| &r.servers)
            .max_by(|a, b| {
                let kw = |id: &str| {
                    catalog
                        .get(id)
                        .map_or(0.0, |m| m.max_power.in_unit(PowerUnit::kW))
                };
                kw(&a.model).total_cmp(&kw(&b.model))
            })
            .map(|g| g.model.clone());
        let policies = [None, Some(Refresh::Retire), biggest.map(Refresh::Model)];
        let assumptions = site.assumptions.resolve(site.currency);
        let mut steps = 0;
        for policy in policies {
            site.refresh = policy;
            let life = LifeContext {
                first_year: assumptions.finance.first_year,
                horizon: assumptions.finance.horizon_years as usize,
                site_refresh: site.refresh.as_ref(),
            };
            let (prices, currency) = (&assumptions.prices, site.currency);
            let mut builder = BasisBuilder::new(&catalog, prices, currency, life);
            for rack in site.halls.iter().flat_map(|h| &h.racks) {
                let (mut read, mut built_read) = Default::default();
                let own = rack_basis_noting(rack, &catalog, prices, currency, life, &mut read);
                let built = builder.basis(rack, &mut built_read);
                assert_eq!(built, own);
                assert_eq!(built_read, read);
                // the presence kept, bit for bit
                let years = life.horizon + 1;
                assert_eq!(built.presence.len(), years);
                assert_eq!(presence_bits(&built, years), presence_bits(&own, years));
                steps += built.steps.len();
            }
        }
        // the refresh to another model changes loads: the comparison covered load steps
        assert!(steps > 0);
    }

    #[test]
    fn a_retirement_step_removes_its_load_from_the_year_after() {
        // stock 3 kW and new 1 kW (index 2); at index 4 the 3 kW stock retire without
        // replacement: flows 3 and 4 see all (4 / 4), flow 5 only the new 1 kW (1 / 4).
        let mut basis = basis_with(3.0, &[(2, 1.0)]);
        basis.steps.push(LoadStep {
            year: 4,
            design_kw: -3.0,
            avg_kw: -3.0,
        });
        assert_eq!(basis.avg_present(4), 1.0);
        assert_eq!(basis.avg_present(5), 0.25);
        assert_eq!(basis.design_present(5), 0.25);
    }

    #[test]
    fn new_load_counts_from_the_year_after_its_arrival_index() {
        // stock 3 kW, new 1 kW arriving at index 2 (start of calendar first_year + 2):
        // flows 1 and 2 see 3 / 4 = 0.75 of the load; flow 3 (calendar first_year + 2) sees all.
        let basis = basis_with(3.0, &[(2, 1.0)]);
        assert_eq!(basis.avg_present(0), 0.0);
        assert_eq!(basis.avg_present(1), 0.75);
        assert_eq!(basis.avg_present(2), 0.75);
        assert_eq!(basis.avg_present(3), 1.0);
        assert_eq!(basis.first_year(), 0);
        assert_eq!(basis_with(0.0, &[(2, 1.0)]).first_year(), 2);
    }
}
