//! The rule book against the KPIs: which rules of `assets/compliance.ron` apply to a site,
//! and for each column (every group on one option, and the recommended plan) and plan year
//! whether the site's KPI meets the rule, with the margin and the first year from which it complies.
//!
//! Owns: applicability (region, status, commissioning, size, scale, hub node, aims), the
//! years a rule is checked in (in force on any day of the year, grace years after
//! commissioning passed by 31 December), verdicts and the `comply_by` check. Never touches:
//! the KPI arithmetic (`crate::kpi`), words, files.
//!
//! Size conditions read the study's figures: installed IT power is the site's design IT
//! power; annual energy "today" is the site's E_DC in the first plan year with every group on
//! air; the connected load is the profile's, else the design IT power times that year's air
//! PUE.

use crate::per_option::OPTION_COUNT;
use coolplan_model::Site;
use coolplan_model::compliance::rules::{AppliesTo, Limit, Metric, RuleBook};
use coolplan_model::compliance::{Compliance, Date, Rule, RuleSet};
use uom::si::energy::{joule, kilowatt_hour};
use uom::si::f64::{Energy, Power};
use uom::si::power::{kilowatt, watt};

use crate::kpi::{KpiResults, Kpis, YearFigures, YearSums};
use crate::results::{CoolingOption, Results};

/// A column of the comparison: every group on one option, or the recommended plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Option(CoolingOption),
    Plan,
}

impl Column {
    /// Every option in [`CoolingOption::ALL`] order, then the plan.
    pub const ALL: [Column; OPTION_COUNT + 1] = {
        let mut all = [Column::Plan; OPTION_COUNT + 1];
        let mut i = 0;
        while i < OPTION_COUNT {
            all[i] = Column::Option(CoolingOption::ALL[i]);
            i += 1;
        }
        all
    };
    /// The columns `scope` shows: the options that apply in it
    /// ([`crate::ScopeResult::shown`]), then the plan.
    pub fn shown(scope: &crate::ScopeResult) -> impl Iterator<Item = Column> + '_ {
        Column::ALL.into_iter().filter(|c| match c {
            Column::Option(o) => scope.option(*o).applies,
            Column::Plan => true,
        })
    }
}

/// The site's size as the rules' conditions read it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SiteSize {
    pub it_power: Power,
    pub connected_load: Power,
    pub annual_energy: Energy,
}

/// One rule's state in one plan year of one column.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Verdict {
    /// Not in force that year, or the site's grace years have not passed.
    NotChecked,
    /// `value` meets the limit; `margin` is the room left (≥ 0 for inclusive limits).
    Pass { value: f64, margin: f64 },
    /// `value` misses the limit by `−margin`.
    Fail { value: f64, margin: f64 },
    /// A reporting duty that year: nothing to pass.
    Report,
}

impl Verdict {
    pub fn fails(self) -> bool {
        matches!(self, Verdict::Fail { .. })
    }
    pub fn checked(self) -> bool {
        !matches!(self, Verdict::NotChecked)
    }
}

/// One rule's verdicts in one column.
#[derive(Clone, Debug, PartialEq)]
pub struct ColumnCheck {
    pub column: Column,
    /// One per plan year, in [`ComplianceResults::years`] order.
    pub years: Vec<Verdict>,
    /// The first plan year from which no checked year fails; `None` when the last checked
    /// year fails or the rule is checked in no plan year.
    pub first_compliant_year: Option<u16>,
}

/// One applicable rule and its verdicts.
#[derive(Clone, Debug, PartialEq)]
pub struct RuleCheck {
    /// Indices into the rule book: `book.sets[set]`, `.rules[rule]`.
    pub set: usize,
    pub rule: usize,
    /// Whether the plan must meet it (`RuleKind::binding`).
    pub binding: bool,
    /// One per [`Column::ALL`].
    pub columns: Vec<ColumnCheck>,
}

impl RuleCheck {
    pub fn column(&self, column: Column) -> Option<&ColumnCheck> {
        self.columns.iter().find(|c| c.column == column)
    }
}

/// Whether a column meets every binding rule from the year the site must comply by.
#[derive(Clone, Debug, PartialEq)]
pub enum ComplyBy {
    /// Every binding rule passes in every checked year from `year` on.
    Complies { year: u16 },
    /// These binding rules (indices into [`ComplianceResults::rules`]) fail in some year
    /// from `year` on.
    Misses { year: u16, failing: Vec<usize> },
}

/// The compliance of one column as a whole.
#[derive(Clone, Debug, PartialEq)]
pub struct ColumnSummary {
    pub column: Column,
    /// First plan year from which every binding rule passes in every checked year; `None`
    /// when some binding rule still fails in its last checked year.
    pub first_compliant_year: Option<u16>,
    /// Binding rules failing in at least one plan year (indices into `rules`).
    pub failing: Vec<usize>,
    /// The `comply_by` check, when the profile sets a year.
    pub comply_by: Option<ComplyBy>,
}

/// Why a site has no verdicts.
#[derive(Clone, Debug, PartialEq)]
pub enum NotAssessed {
    /// The site has no `compliance` profile.
    NoProfile,
    /// The profile's region code is not known (validation reports it too).
    UnknownRegion(String),
}

/// The rule book against a site's KPIs.
#[derive(Clone, Debug, PartialEq)]
pub struct ComplianceResults {
    /// Plan years (calendar), as in [`KpiResults::years`].
    pub years: Vec<u16>,
    pub size: SiteSize,
    /// Applicable rules in rule-book order.
    pub rules: Vec<RuleCheck>,
    /// One per [`Column::ALL`].
    pub columns: Vec<ColumnSummary>,
}

/// Checks `site` against the shipped rule book.
pub fn check<R>(site: &Site, results: &Results<R>) -> Result<ComplianceResults, NotAssessed> {
    let profile = site.compliance.as_ref().ok_or(NotAssessed::NoProfile)?;
    assess(
        profile,
        &site_size(profile, results),
        &results.kpis,
        RuleBook::builtin(),
    )
}

/// The size figures the rules' conditions read (see the module doc).
pub fn site_size<R>(profile: &Compliance, results: &Results<R>) -> SiteSize {
    let it_power = results.site.options[CoolingOption::Air.index()]
        .thermal
        .it_design;
    let first_air = results
        .kpis
        .site
        .as_ref()
        .and_then(|s| s.options[CoolingOption::Air.index()].first())
        .map(|f| (f.total_energy, f.kpis.pue));
    size_of(profile, it_power, first_air)
}

/// The size figures from the design IT power and, when known, the first plan year's E_DC
/// and PUE with every group on air.
pub fn size_of(
    profile: &Compliance,
    it_power: Power,
    first_air: Option<(Energy, f64)>,
) -> SiteSize {
    let air_pue = first_air.map_or(1.0, |(_, pue)| pue.max(1.0));
    SiteSize {
        it_power,
        connected_load: profile
            .connected_load
            .map_or(it_power * air_pue, |p| Power::new::<watt>(p.si())),
        annual_energy: first_air.map_or(Energy::new::<kilowatt_hour>(0.0), |(e, _)| e),
    }
}

/// One binding rule in one plan year from `comply_by` on: what a plan constrained to
/// comply must meet.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bound {
    /// Indices into the rule book: `book.sets[set]`, `.rules[rule]`.
    pub set: usize,
    pub rule: usize,
    pub metric: Metric,
    pub limit: Limit,
    pub year: u16,
}

/// The rules of `book` that apply to the site, with their set and rule indices (none for
/// an unknown region).
pub fn applicable<'b>(
    profile: &Compliance,
    size: &SiteSize,
    book: &'b RuleBook,
) -> Vec<(usize, usize, &'b Rule)> {
    let Some(region) = profile.region() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (s, set) in book.sets.iter().enumerate() {
        if region.is_within(&set.jurisdiction) {
            for (r, rule) in set.rules.iter().enumerate() {
                if applies(&rule.applies_to, profile, size) {
                    out.push((s, r, rule));
                }
            }
        }
    }
    out
}

/// Every binding rule with a threshold that applies to the site, once per plan year in
/// `years` from `profile.comply_by` on in which it is checked; empty without `comply_by`.
pub fn bounds(profile: &Compliance, size: &SiteSize, years: &[u16], book: &RuleBook) -> Vec<Bound> {
    let Some(by) = profile.comply_by else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (set, rule_index, rule) in applicable(profile, size, book) {
        if !rule.kind.binding() || rule.limit.threshold().is_none() {
            continue;
        }
        for &year in years.iter().filter(|&&y| y >= by) {
            if checked_in(rule, profile, year) {
                out.push(Bound {
                    set,
                    rule: rule_index,
                    metric: rule.metric,
                    limit: rule.limit,
                    year,
                });
            }
        }
    }
    out
}

/// Checks `profile` of a site of `size` whose KPIs are `kpis` against `book`.
pub fn assess(
    profile: &Compliance,
    size: &SiteSize,
    kpis: &KpiResults,
    book: &RuleBook,
) -> Result<ComplianceResults, NotAssessed> {
    if profile.region().is_none() {
        return Err(NotAssessed::UnknownRegion(profile.region.clone()));
    }
    let empty = Vec::new();
    let series = |column: Column| -> &Vec<YearFigures> {
        kpis.site.as_ref().map_or(&empty, |s| match column {
            Column::Option(o) => &s.options[o.index()],
            Column::Plan => &s.plan,
        })
    };
    let mut rules = Vec::new();
    for (s, r, rule) in applicable(profile, size, book) {
        let columns = Column::ALL
            .iter()
            .map(|&column| column_check(rule, profile, &kpis.years, series(column), column))
            .collect();
        rules.push(RuleCheck {
            set: s,
            rule: r,
            binding: rule.kind.binding(),
            columns,
        });
    }
    let columns = Column::ALL
        .iter()
        .map(|&column| summary(&rules, &kpis.years, column, profile.comply_by))
        .collect();
    Ok(ComplianceResults {
        years: kpis.years.clone(),
        size: *size,
        rules,
        columns,
    })
}

impl ComplianceResults {
    /// The rule set and rule of `check`.
    pub fn rule_of<'b>(&self, book: &'b RuleBook, check: &RuleCheck) -> (&'b RuleSet, &'b Rule) {
        let set = &book.sets[check.set];
        (set, &set.rules[check.rule])
    }
    pub fn column(&self, column: Column) -> Option<&ColumnSummary> {
        self.columns.iter().find(|c| c.column == column)
    }
}

/// Whether every condition of `to` holds for the site.
fn applies(to: &AppliesTo, profile: &Compliance, size: &SiteSize) -> bool {
    let commissioned = profile.commissioned_or_default();
    let kw = |p: Power| p.get::<kilowatt>();
    to.status.is_none_or(|s| s == profile.status)
        && to.commissioned_from.is_none_or(|d| commissioned >= d)
        && to.commissioned_before.is_none_or(|d| commissioned < d)
        && to
            .min_it_power
            .is_none_or(|p| kw(size.it_power) >= p.si() / 1000.0)
        && to
            .min_connected_load
            .is_none_or(|p| kw(size.connected_load) >= p.si() / 1000.0)
        && to
            .min_annual_energy
            .is_none_or(|e| size.annual_energy.get::<joule>() >= e.si())
        && to
            .min_scale
            .is_none_or(|m| profile.scale.is_some_and(|s| s >= m))
        && to
            .hub_node
            .is_none_or(|h| profile.hub_node.is_some_and(|n| h.admits(n)))
        && to.aim.is_none_or(|a| profile.aims.contains(&a))
}

/// Whether `rule` is checked in calendar `year`: in force on some day of it, and the site's
/// grace years after commissioning passed by its last day.
pub fn checked_in(rule: &Rule, profile: &Compliance, year: u16) -> bool {
    let in_force =
        rule.from <= Date::last_of(year) && rule.until.is_none_or(|u| u >= Date::first_of(year));
    let graced = rule
        .grace_years
        .is_none_or(|g| profile.commissioned_or_default().plus_years(g) <= Date::last_of(year));
    in_force && graced
}

/// The value of `metric` among `kpis` (`None` for a reporting duty).
pub fn metric_value(metric: Metric, kpis: &Kpis) -> Option<f64> {
    match metric {
        Metric::Pue | Metric::ElectricEnergyRatio => Some(kpis.pue),
        Metric::PueWithoutHeatExport => Some(kpis.pue_without_heat_export),
        Metric::Erf => Some(kpis.erf),
        Metric::RenewableShare => Some(kpis.ref_),
        Metric::None => None,
    }
}

/// A year's excess over a rule's limit as a linear form of its sums: ≤ 0 passes an
/// inclusive limit, < 0 a strict one (PUE ≤ x ⇔ E_DC − x · E_IT ≤ 0,
/// so a site's excess is the sum of its parts').
pub fn excess(metric: Metric, limit: Limit, sums: &YearSums, renewable_share: f64) -> f64 {
    let Some(x) = limit.threshold() else {
        return 0.0;
    };
    let (num, den) = match metric {
        Metric::Pue | Metric::ElectricEnergyRatio => (sums.total_wh(), sums.it_wh),
        Metric::PueWithoutHeatExport => (sums.facility_wh, sums.it_wh),
        Metric::Erf => (sums.reused_wh, sums.total_wh()),
        Metric::RenewableShare => (renewable_share * sums.total_wh(), sums.total_wh()),
        Metric::None => (0.0, 0.0),
    };
    match limit {
        Limit::AtMost(_) | Limit::Below(_) => num - x * den,
        Limit::AtLeast(_) | Limit::Above(_) => x * den - num,
        Limit::Report => 0.0,
    }
}

/// The verdict of `rule` on one year's KPIs (checked that year).
pub fn verdict(rule: &Rule, kpis: &Kpis) -> Verdict {
    let Some(value) = metric_value(rule.metric, kpis) else {
        return Verdict::Report;
    };
    match (rule.limit.passes(value), rule.limit.margin(value)) {
        (Some(true), Some(margin)) => Verdict::Pass { value, margin },
        (Some(false), Some(margin)) => Verdict::Fail { value, margin },
        _ => Verdict::Report,
    }
}

fn column_check(
    rule: &Rule,
    profile: &Compliance,
    years: &[u16],
    figures: &[YearFigures],
    column: Column,
) -> ColumnCheck {
    let verdicts: Vec<Verdict> = years
        .iter()
        .map(|&year| {
            let kpis = figures.iter().find(|f| f.year == year).map(|f| &f.kpis);
            match kpis {
                Some(k) if checked_in(rule, profile, year) => verdict(rule, k),
                _ => Verdict::NotChecked,
            }
        })
        .collect();
    ColumnCheck {
        column,
        first_compliant_year: first_compliant(years, &verdicts),
        years: verdicts,
    }
}

/// The first year from which no checked year fails (`None` if nothing is checked or the last
/// checked year fails).
fn first_compliant(years: &[u16], verdicts: &[Verdict]) -> Option<u16> {
    if !verdicts.iter().any(|v| v.checked()) {
        return None;
    }
    match verdicts.iter().rposition(|v| v.fails()) {
        None => years.first().copied(),
        Some(last_fail) => years
            .get(last_fail + 1)
            .copied()
            .filter(|_| verdicts[last_fail + 1..].iter().any(|v| v.checked())),
    }
}

fn summary(
    rules: &[RuleCheck],
    years: &[u16],
    column: Column,
    comply_by: Option<u16>,
) -> ColumnSummary {
    let binding = || {
        rules
            .iter()
            .enumerate()
            .filter(|(_, r)| r.binding)
            .filter_map(|(i, r)| r.column(column).map(|c| (i, c)))
    };
    let failing: Vec<usize> = binding()
        .filter(|(_, c)| c.years.iter().any(|v| v.fails()))
        .map(|(i, _)| i)
        .collect();
    // The latest year any binding rule still fails in, and the year after it.
    let last_fail = binding()
        .filter_map(|(_, c)| c.years.iter().rposition(|v| v.fails()))
        .max();
    let first_compliant_year = match last_fail {
        None => years.first().copied(),
        Some(i) => years.get(i + 1).copied(),
    };
    let comply_by = comply_by.map(|year| {
        let failing_from: Vec<usize> = binding()
            .filter(|(_, c)| {
                years
                    .iter()
                    .zip(&c.years)
                    .any(|(&y, v)| y >= year && v.fails())
            })
            .map(|(i, _)| i)
            .collect();
        if failing_from.is_empty() {
            ComplyBy::Complies { year }
        } else {
            ComplyBy::Misses {
                year,
                failing: failing_from,
            }
        }
    });
    ColumnSummary {
        column,
        first_compliant_year,
        failing,
        comply_by,
    }
}

#[cfg(test)]
#[path = "compliance_tests.rs"]
mod tests;
