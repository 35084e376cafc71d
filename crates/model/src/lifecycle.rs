//! Server life and refresh: when a server group's servers retire and what replaces them.
//!
//! Owns: the [`Refresh`] policy and the [`generations`] of a server group over the study
//! (pure data arithmetic, no money). The cost engine prices them; the report draws their
//! timeline. Rules (`docs/method.md` § Life and refresh):
//! - a stock group was installed in `installed`, else in the study's first year (its whole
//!   life ahead: the optimistic reading of an unknown age, so give the year when known);
//!   a new group is installed in its arrival year;
//! - it retires at the start of `installed + life`, the life rounded to whole years (the
//!   group's `service_life`, else its model's, else its kind's default); a stock group past
//!   its life serves the study's first year and retires at the start of the second;
//! - at retirement within the study it is replaced by its refresh policy (the group's, else
//!   the site's, else like-for-like); the replacement retires in turn after its own life.

use serde::{Deserialize, Serialize};

use crate::catalog::ServerModel;
use crate::{Catalog, ServerGroup, Status};
use coolplan_units::TimeUnit;

/// What replaces servers that retire.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Refresh {
    /// As many servers of the same model, bought liquid-ready (factory cold plates or
    /// immersion-ready), with the same service life.
    #[default]
    LikeForLike,
    /// As many servers of the named catalog model, bought liquid-ready, with that model's
    /// service life.
    Model(String),
    /// Retired without replacement: the group's load leaves the hall.
    Retire,
}

impl Refresh {
    /// The catalog id this policy names, if any.
    pub fn model_id(&self) -> Option<&str> {
        match self {
            Refresh::Model(id) => Some(id),
            _ => None,
        }
    }
}

/// One generation of a server group: servers of one model from installation to retirement.
#[derive(Clone, Debug, PartialEq)]
pub struct Generation<'c> {
    pub model: &'c ServerModel,
    /// Calendar year the servers go in (for stock: the given or assumed install year).
    pub installed: u16,
    /// Calendar year at whose start they leave.
    pub retires: u16,
    /// Whole years of service.
    pub life_years: u16,
    /// The installed servers of a stock group (the first generation only).
    pub stock: bool,
    /// What replaces them, when they retire within the study (through `last_year`).
    pub replaced_by: Option<Refresh>,
}

/// The year a stock group is taken as installed when the file gives none: the study's first.
pub fn assumed_install_year(group: &ServerGroup, first_year: u16) -> u16 {
    match group.status {
        Status::Stock => group.installed.unwrap_or(first_year),
        Status::New(year) => year,
    }
}

/// Whole years of a service life (at least one).
fn whole_years(life: coolplan_units::TimeQ) -> u16 {
    let years = life.in_unit(TimeUnit::year).round();
    if years.is_finite() && years >= 1.0 {
        years.min(f64::from(u16::MAX)) as u16
    } else {
        1
    }
}

/// The generations of `group` whose installation falls up to `last_year` (the calendar year
/// of the study's last cash-flow index: first year + horizon), in order. Empty when the
/// group's model is not in `catalog`; a refresh naming an unknown model ends the chain
/// (validation reports both).
pub fn generations<'c>(
    group: &ServerGroup,
    catalog: &'c Catalog,
    site_refresh: Option<&Refresh>,
    first_year: u16,
    last_year: u16,
) -> Vec<Generation<'c>> {
    let mut out = Vec::new();
    if let Some(model) = catalog.get(&group.model) {
        generations_into(
            group,
            model,
            catalog,
            site_refresh,
            first_year,
            last_year,
            &mut out,
        );
    }
    out
}

/// [`generations`] of `group` whose model, `catalog.get(&group.model)`, the caller has
/// already looked up, into `out` (cleared first: one list serves many groups in turn).
pub fn generations_into<'c>(
    group: &ServerGroup,
    mut model: &'c ServerModel,
    catalog: &'c Catalog,
    site_refresh: Option<&Refresh>,
    first_year: u16,
    last_year: u16,
    out: &mut Vec<Generation<'c>>,
) {
    out.clear();
    let policy = group.refresh.as_ref().or(site_refresh).cloned();
    let policy = policy.unwrap_or_default();
    let mut life = whole_years(group.service_life.unwrap_or_else(|| model.service_life()));
    let mut installed = assumed_install_year(group, first_year);
    let mut stock = group.status == Status::Stock;
    loop {
        let mut retires = installed.saturating_add(life);
        if stock {
            retires = retires.max(first_year.saturating_add(1));
        }
        let within = retires <= last_year;
        out.push(Generation {
            model,
            installed,
            retires,
            life_years: life,
            stock,
            replaced_by: within.then(|| policy.clone()),
        });
        let next = match &policy {
            _ if !within => None,
            Refresh::LikeForLike => Some((model, life)),
            Refresh::Model(id) => catalog
                .get(id)
                .map(|next| (next, whole_years(next.service_life()))),
            Refresh::Retire => None,
        };
        let Some((next_model, next_life)) = next else {
            return;
        };
        model = next_model;
        life = next_life;
        installed = retires;
        stock = false;
    }
}

/// One line of a site's lifecycle timeline: servers of one model in one hall that go in and
/// retire in the same years, and what replaces them.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineRow {
    /// Index of the hall in the site.
    pub hall: usize,
    pub model: String,
    /// Servers in all racks of the groups (retrofit share not applied).
    pub servers: u64,
    pub installed: u16,
    pub retires: u16,
    /// Installed servers of a stock group (else new or a replacement).
    pub stock: bool,
    /// Whether `installed` was assumed (a stock group without `installed`).
    pub installed_assumed: bool,
    /// Servers bought to replace retiring ones.
    pub replacement: bool,
    /// What replaces them, when they retire within the study.
    pub replaced_by: Option<Refresh>,
}

/// Every generation of every server group of `site`, grouped by hall, model, years and
/// refresh, in file order of first appearance; `first_year` and `horizon` as the study's.
pub fn timeline(
    site: &crate::Site,
    catalog: &Catalog,
    first_year: u16,
    horizon: u32,
) -> Vec<TimelineRow> {
    let last_year = first_year.saturating_add(u16::try_from(horizon).unwrap_or(u16::MAX));
    let mut rows: Vec<TimelineRow> = Vec::new();
    for (hall, h) in site.halls.iter().enumerate() {
        let first_of_hall = rows.len();
        for rack in &h.racks {
            for group in &rack.servers {
                let servers = u64::from(group.count).saturating_mul(rack.count);
                let assumed = group.status == Status::Stock && group.installed.is_none();
                let gens =
                    generations(group, catalog, site.refresh.as_ref(), first_year, last_year);
                for (index, generation) in gens.into_iter().enumerate() {
                    let row = TimelineRow {
                        hall,
                        model: generation.model.id.clone(),
                        servers,
                        installed: generation.installed,
                        retires: generation.retires,
                        stock: generation.stock,
                        installed_assumed: assumed && generation.stock,
                        replacement: index > 0,
                        replaced_by: generation.replaced_by,
                    };
                    let same = rows[first_of_hall..].iter_mut().find(|r| {
                        (
                            &r.model,
                            r.installed,
                            r.retires,
                            r.stock,
                            r.installed_assumed,
                        ) == (
                            &row.model,
                            row.installed,
                            row.retires,
                            row.stock,
                            row.installed_assumed,
                        ) && (r.replacement, &r.replaced_by) == (row.replacement, &row.replaced_by)
                    });
                    match same {
                        Some(existing) => {
                            existing.servers = existing.servers.saturating_add(servers)
                        }
                        None => rows.push(row),
                    }
                }
            }
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use coolplan_units::Qty;

    fn group(status: Status, installed: Option<u16>, refresh: Option<Refresh>) -> ServerGroup {
        ServerGroup {
            model: "hgx-h100".into(),
            count: 1,
            status,
            installed,
            service_life: None,
            refresh,
            notes: String::new(),
        }
    }

    #[test]
    fn a_stock_h100_from_2023_retires_in_2028_and_is_refreshed_like_for_like() {
        let catalog = Catalog::builtin();
        // GPU default life 5 y: 2023 + 5 = 2028 ≤ 2036 (2026 + 10), refreshed; 2028 + 5 = 2033,
        // refreshed again; 2033 + 5 = 2038 lies after the study.
        let gens = generations(
            &group(Status::Stock, Some(2023), None),
            &catalog,
            None,
            2026,
            2036,
        );
        let years: Vec<_> = gens.iter().map(|g| (g.installed, g.retires)).collect();
        assert_eq!(years, [(2023, 2028), (2028, 2033), (2033, 2038)]);
        assert!(gens[0].stock && !gens[1].stock);
        assert_eq!(gens[0].replaced_by, Some(Refresh::LikeForLike));
        assert_eq!(gens[2].replaced_by, None);
    }

    #[test]
    fn an_unknown_install_year_is_the_first_year_and_old_stock_serves_one_year() {
        let catalog = Catalog::builtin();
        let retire = Some(Refresh::Retire);
        let gens = generations(
            &group(Status::Stock, None, retire),
            &catalog,
            None,
            2026,
            2036,
        );
        // installed 2026 (assumed), 5 y: retires 2031, not replaced
        assert_eq!((gens[0].installed, gens[0].retires), (2026, 2031));
        assert_eq!(gens.len(), 1);
        // installed 2015: 2020 is past, so it serves 2026 and leaves at the start of 2027
        let old = generations(
            &group(Status::Stock, Some(2015), None),
            &catalog,
            None,
            2026,
            2036,
        );
        assert_eq!(old[0].retires, 2027);
    }

    #[test]
    fn the_timeline_adds_up_groups_of_a_hall_with_the_same_years() {
        let text = include_str!("../../../sites/ai-hall.ron");
        let site: crate::Site = ron::from_str(text).unwrap();
        let rows = timeline(&site, &site.catalog(), 2026, 10);
        // H100-B01 and B02: 6 racks × 4 each, installed 2023 → one row of 48 servers retiring
        // 2028, replaced like-for-like; their replacements 2028 → 2033, again → 2038
        let h100: Vec<_> = rows.iter().filter(|r| r.model == "hgx-h100").collect();
        assert_eq!(h100.len(), 3);
        assert_eq!(
            (h100[0].servers, h100[0].installed, h100[0].retires),
            (48, 2023, 2028)
        );
        assert!(h100[0].stock && !h100[0].installed_assumed);
        assert_eq!(h100[0].replaced_by, Some(Refresh::LikeForLike));
        assert_eq!(
            (h100[2].installed, h100[2].retires, &h100[2].replaced_by),
            (2033, 2038, &None)
        );
    }

    #[test]
    fn the_groups_life_and_the_named_models_life_apply() {
        let catalog = Catalog::builtin();
        let mut new = group(
            Status::New(2027),
            None,
            Some(Refresh::Model("cpu-2u".into())),
        );
        new.service_life = Some(Qty::new(3.4, TimeUnit::year));
        let gens = generations(&new, &catalog, Some(&Refresh::Retire), 2026, 2036);
        // 3.4 y rounds to 3: 2027 → 2030; then cpu-2u (6 y): 2030 → 2036 ≤ 2036, refreshed by
        // the group's policy (it wins over the site's Retire) into another cpu-2u
        assert_eq!(gens[0].retires, 2030);
        assert_eq!(gens[1].model.id, "cpu-2u");
        assert_eq!((gens[1].installed, gens[1].retires), (2030, 2036));
        assert_eq!(gens.len(), 3);
    }
}
