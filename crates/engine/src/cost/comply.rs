//! The site-level compliance steps of pricing: the plan constrained to comply by the
//! profile's year (`crate::plan::comply`), the reasons of the groups it moves, and the
//! surcharges in the site's and the plan's cash flows (`crate::surcharge`).
//!
//! Owns: reading the profile, the site's size and the ledger for those steps. Never
//! touches: the searches, the rules' arithmetic, words.

use uom::si::energy::watt_hour;
use uom::si::f64::{Energy, Power};

use super::streams::Streams;
use crate::compliance::{SiteSize, applicable, bounds, size_of};
use crate::heat_reuse::HeatReuse;
use crate::kpi::YearSums;
use crate::kpi::ledger::Ledger;
use crate::per_option::PerOption;
use crate::plan::HallProblem;
use crate::plan::comply::{ComplyPlan, ExcessTable};
use crate::results::{CoolingOption, Why};
use crate::surcharge::Surcharge;
use coolplan_model::Site;
use coolplan_model::compliance::{Compliance, RuleBook, RuleKind};
use coolplan_units::{Currency, Money};

/// The site's size as the rules read it, from the ledger's first plan year on air.
fn size(profile: &Compliance, ledger: &Ledger, heat: &HeatReuse, it_design: Power) -> SiteSize {
    let mut first = YearSums::default();
    for g in 0..ledger.groups.len() {
        first.add(&ledger.group_year(g, CoolingOption::Air, 1, heat));
    }
    let pue = first.kpis(0.0, 0.0).pue;
    size_of(
        profile,
        it_design,
        Some((Energy::new::<watt_hour>(first.total_wh()), pue)),
    )
}

/// Whether [`constrain`] or [`surcharges`] read the ledger on `site`: only with a
/// compliance profile (without one they return at once).
pub fn reads_ledger(site: &Site) -> bool {
    site.compliance.is_some()
}

/// Constrains every hall's `choices` to comply by the profile's `comply_by` (see
/// `crate::plan::comply`); `None` without a profile or that year.
pub fn constrain(
    site: &Site,
    first_year: u16,
    ledger: &Ledger,
    heat: &HeatReuse,
    halls: &[HallProblem<'_>],
    choices: &mut [Vec<Option<CoolingOption>>],
    it_design: Power,
) -> Option<ComplyPlan> {
    let profile = site.compliance.as_ref()?;
    let year = profile.comply_by?;
    let years: Vec<u16> = (1..ledger.years)
        .map(|t| first_year.saturating_add(t as u16 - 1))
        .collect();
    let size = size(profile, ledger, heat, it_design);
    let bounds = bounds(profile, &size, &years, RuleBook::builtin());
    let table = ExcessTable::new(ledger, heat, &bounds, first_year, profile.renewable_share);
    Some(crate::plan::comply::constrain(
        halls,
        choices,
        &table,
        year,
        site.currency,
    ))
}

/// The reason of each group the constraint moved off its hall's NPV-best plan
/// (`unconstrained`): that option would gain more, but keeps the site from complying.
pub fn reasons(
    problem: &HallProblem<'_>,
    unconstrained: &[Option<CoolingOption>],
    choices: &[Option<CoolingOption>],
    whys: &mut [Why],
    currency: Currency,
) {
    for (((group, before), after), why) in problem
        .groups
        .iter()
        .zip(unconstrained)
        .zip(choices)
        .zip(whys.iter_mut())
    {
        if let (Some(preferred), Some(chosen)) = (*before, *after)
            && preferred != chosen
        {
            let relaxed = |o: CoolingOption| group.options[o].relaxed();
            *why = Why::ForCompliance {
                preferred,
                forgone: Money::new(relaxed(preferred) - relaxed(chosen), currency),
            };
        }
    }
}

/// The surcharges the site pays, per column and year, from the final plan's ledger.
pub fn surcharges(
    site: &Site,
    first_year: u16,
    ledger: &Ledger,
    heat: &HeatReuse,
    it_design: Power,
) -> Vec<Surcharge> {
    let Some(profile) = site.compliance.as_ref() else {
        return Vec::new();
    };
    let size = size(profile, ledger, heat, it_design);
    let book = RuleBook::builtin();
    // the yearly sums only for a site that pays a surcharge (most sites pay none)
    let pays = applicable(profile, &size, book)
        .iter()
        .any(|(_, _, rule)| rule.kind == RuleKind::Surcharge);
    if !pays || profile.surcharge_per_kwh(site.currency).is_none() {
        return Vec::new();
    }
    let sums = ledger.sums(site.halls.len(), heat);
    crate::surcharge::surcharges(profile, &size, book, &sums.site, first_year, site.currency)
}

/// Adds each surcharge to the OPEX of its column's site streams (and its last year's
/// amount to the steady OPEX).
pub fn charge(surcharges: &[Surcharge], options: &mut PerOption<Streams>, plan: &mut Streams) {
    for surcharge in surcharges {
        let streams = options.0.iter_mut().chain([&mut *plan]);
        for (stream, costs) in streams.zip(&surcharge.columns) {
            for (opex, cost) in stream.other_opex.iter_mut().zip(costs) {
                *opex += cost.amount;
            }
            stream.steady_opex += costs.last().map_or(0.0, |c| c.amount);
        }
    }
}
