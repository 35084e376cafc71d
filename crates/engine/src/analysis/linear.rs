//! Captures of price-linear group costs ([`crate::cost::linear`]) kept for the Monte Carlo's
//! staged evaluator ([`super::sampler`]): when every uncertain input is a price, the discount
//! rate, the horizon or the air limit per rack, each sample's groups are not priced but
//! read from the capture of its first year and horizon at its prices' shift. A capture is
//! taken once per first year and horizon met, at points set from the base site only (so it
//! does not depend on which sample met it first, nor on threads), and checked there; a key
//! whose costs are not linear in the prices is priced as it is.
//!
//! The air limit changes verdicts only, which pricing never reads, so one capture serves
//! every class of it. Figures read through a capture are within [`crate::cost::linear::TOLERANCE`]
//! of the priced ones, relative to the largest cell they read (`tests/analysis/linear.rs`).
//!
//! Owns: which inputs allow a capture, its points, what is kept. Never touches: the
//! coefficients (`crate::cost::linear`), the sampling.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use crate::cost::Pricer;
use crate::cost::linear::{LinearCosts, Points};
use crate::physical::{GroupPhysics, Physical};
use crate::results::CoolingOption;
use coolplan_model::assumptions::{AssumptionKey, Group, Resolved, finance};
use coolplan_model::uncertainty::prepare::Prepared;
use coolplan_model::{Catalog, Site};

/// The most numbers all captures of one evaluator may keep (8 B each: 128 MB): each key the
/// inputs may draw (each horizon of their range) gets an equal share, and a capture larger
/// than its share is not kept (its key priced as it is). The share does not depend on which
/// keys the samples met first, so neither does any result.
pub const MAX_KEPT_NUMBERS: usize = 16_000_000;

/// The most prices a capture is taken over (each one more pricing per capture, and one more
/// number per cell).
pub const MAX_PRICES: usize = 8;

const DISCOUNT_RATE: AssumptionKey = AssumptionKey::Finance(finance::Key::discount_rate);
const HORIZON: AssumptionKey = AssumptionKey::Finance(finance::Key::horizon_years);

/// The captures one evaluator keeps (module doc).
pub struct Captures {
    /// The base site (its assumptions are the capture's base point).
    site: Site,
    /// The prices that vary, in the inputs' order.
    prices: Vec<AssumptionKey>,
    /// Whether the discount rate varies (the check point moves it too).
    rate_varies: bool,
    /// The most numbers one capture may keep ([`MAX_KEPT_NUMBERS`] shared by the keys).
    share: usize,
    /// Per first year and horizon: the capture, or `None` when it is not kept.
    kept: Mutex<Kept>,
}

/// Per first year and horizon: the capture, or `None` when it is not kept.
type Kept = HashMap<(u16, u32), Option<Arc<LinearCosts>>>;

impl Captures {
    /// The captures for varied copies of `prepared.site`, when its inputs allow them: every
    /// input a price, the discount rate, the horizon or the air limit, and one to
    /// [`MAX_PRICES`] prices among them.
    pub fn new(prepared: &Prepared) -> Option<Captures> {
        let allowed = |key: AssumptionKey| {
            key.group() == Group::Prices
                || key == DISCOUNT_RATE
                || key == HORIZON
                || key == super::staged::AIR_LIMIT
        };
        if !prepared.inputs.iter().all(|i| allowed(i.key)) {
            return None;
        }
        let prices: Vec<AssumptionKey> = (prepared.inputs.iter())
            .filter(|i| i.key.group() == Group::Prices)
            .map(|i| i.key)
            .collect();
        if prices.is_empty() || prices.len() > MAX_PRICES {
            return None;
        }
        // the horizons the inputs may draw (whole years): each its own key
        let keys = (prepared.inputs.iter())
            .find(|i| i.key == HORIZON)
            .map_or(1, |i| {
                (i.high.round() - i.low.round()).max(0.0) as usize + 1
            });
        Some(Captures {
            share: MAX_KEPT_NUMBERS / keys.max(1),
            site: prepared.site.clone(),
            rate_varies: prepared.inputs.iter().any(|i| i.key == DISCOUNT_RATE),
            prices,
            kept: Mutex::default(),
        })
    }

    /// The capture for a call under `assumptions` on `physical`, and the shift of its prices:
    /// `None` when its key's costs are not linear in the prices or not kept.
    pub fn for_call(
        &self,
        catalog: &Catalog,
        assumptions: &Resolved,
        physical: &Physical<GroupPhysics>,
    ) -> Option<(Arc<LinearCosts>, Vec<f64>)> {
        let finance = &assumptions.finance;
        let key = (finance.first_year, finance.horizon_years);
        let alpha = self.prices_of(assumptions)?;
        let found = self.lock().get(&key).cloned();
        let capture = match found {
            Some(capture) => capture,
            None => {
                // a capture larger than its share is not kept: known before it is taken
                let fits =
                    capture_size(physical, finance.horizon_years, self.prices.len()) <= self.share;
                let capture = fits
                    .then(|| self.capture(catalog, assumptions, physical))
                    .flatten()
                    .map(Arc::new);
                self.lock().entry(key).or_insert(capture).clone()
            }
        }?;
        let shift = capture.shift(&alpha);
        Some((capture, shift))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Kept> {
        self.kept.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The varying prices' numbers under `assumptions`, as the file writes them.
    fn prices_of(&self, assumptions: &Resolved) -> Option<Vec<f64>> {
        (self.prices.iter())
            .map(|key| assumptions.amount(*key).map(|a| a.number))
            .collect()
    }

    /// The capture of the key of `assumptions` (its first year and horizon; every other
    /// input at the base site's value), priced on `physical` at the base point, each price
    /// moved by half its base value (1 where it is 0), and the check point.
    fn capture(
        &self,
        catalog: &Catalog,
        assumptions: &Resolved,
        physical: &Physical<GroupPhysics>,
    ) -> Option<LinearCosts> {
        let currency = self.site.currency;
        let mut base = self.site.assumptions.clone();
        for key in [HORIZON, AssumptionKey::Finance(finance::Key::first_year)] {
            let amount = assumptions.amount(key)?;
            base.set_amount(key, amount.tag.as_deref(), amount.number)
                .then_some(())?;
        }
        let resolved = base.resolve(currency);
        let at_base = self.prices_of(&resolved)?;
        let written = |key: AssumptionKey| resolved.amount(key).map(|a| a.tag);
        let moved_to = |values: &[(usize, f64)], rate: Option<f64>| {
            let mut moved = base.clone();
            for &(k, value) in values {
                let key = self.prices[k];
                moved
                    .set_amount(key, written(key)?.as_deref(), value)
                    .then_some(())?;
            }
            if let Some(rate) = rate {
                moved
                    .set_amount(DISCOUNT_RATE, written(DISCOUNT_RATE)?.as_deref(), rate)
                    .then_some(())?;
            }
            Some(moved.resolve(currency))
        };
        let step = |k: usize| {
            let b: f64 = at_base[k];
            if b == 0.0 { 1.0 } else { 0.5 * b.abs() }
        };
        let moved: Vec<Resolved> = (0..self.prices.len())
            .map(|k| moved_to(&[(k, at_base[k] + step(k))], None))
            .collect::<Option<_>>()?;
        // every price moved by its own fraction of its step, some down; the rate by a third
        let check_values: Vec<(usize, f64)> = (0..self.prices.len())
            .map(|k| {
                let fraction = [0.37, -0.29, 0.61, -0.43, 0.23, -0.71, 0.53, -0.17][k % 8];
                (k, at_base[k] + fraction * step(k))
            })
            .collect();
        let rate = resolved.finance.discount_rate;
        let check = moved_to(
            &check_values,
            self.rate_varies.then_some(rate * 4.0 / 3.0 + 0.01),
        )?;
        let base_pricer = self.pricer(catalog, &resolved, physical);
        let moved_pricers: Vec<Pricer<'_>> = (moved.iter())
            .map(|r| self.pricer(catalog, r, physical))
            .collect();
        let check_pricer = self.pricer(catalog, &check, physical);
        let points = Points {
            base: (&base_pricer, at_base.clone()),
            moved: (moved_pricers.iter().zip(&moved))
                .map(|(p, r)| Some((p, self.prices_of(r)?)))
                .collect::<Option<_>>()?,
            check: (&check_pricer, self.prices_of(&check)?),
        };
        let horizon = resolved.finance.horizon_years as usize;
        LinearCosts::capture(&physical.racks, self.site.halls.len(), horizon, &points)
    }

    /// A pricer of the base site under `resolved`, set as a reading's.
    fn pricer<'p>(
        &'p self,
        catalog: &Catalog,
        resolved: &'p Resolved,
        physical: &Physical<GroupPhysics>,
    ) -> Pricer<'p> {
        let mut pricer = Pricer::new(&self.site, catalog, resolved, physical);
        crate::cost::lean::for_reading(&mut pricer, &self.site, physical);
        pricer
    }
}

/// How many numbers a capture of `physical` over `horizon` years and `prices` prices keeps
/// ([`LinearCosts::size`]): per group, air's CAPEX and costs and each retrofit that applies on
/// the site, each `horizon + 1` years of `prices + 1` numbers.
pub fn capture_size(physical: &Physical<GroupPhysics>, horizon: u32, prices: usize) -> usize {
    let retrofits = (CoolingOption::RETROFITS.iter())
        .filter(|o| physical.site.options[**o].applies)
        .count();
    let blocks = physical.racks.len() * (2 + retrofits);
    blocks * (horizon as usize + 1) * (prices + 1)
}
