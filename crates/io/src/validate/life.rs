//! The rules for server life and refresh: a server group's install year, its service life
//! and its refresh policy, and the site's refresh policy.

use super::checker::Checker;
use crate::problem::{Kind, USUAL_SERVICE_LIFE_YEARS};
use coolplan_model::assumptions::Describe;
use coolplan_model::{Catalog, Refresh, ServerGroup, Status};
use coolplan_units::TimeUnit;

/// The study's last calendar year (first + horizon: the last cash-flow year).
#[derive(Clone, Copy, Debug)]
pub(super) struct Study {
    pub last_year: u16,
}

/// A refresh policy names a model the catalog holds.
pub(super) fn refresh(c: &mut Checker, policy: &Refresh, catalog: &Catalog) {
    if let Some(id) = policy.model_id()
        && catalog.get(id).is_none()
    {
        c.report_field(
            "refresh",
            Kind::UnknownModel {
                id: id.to_string(),
                nearest: catalog.nearest_id(id).map(str::to_string),
            },
        );
    }
}

/// A service life: positive, and warned outside the usual years.
pub(super) fn service_life(c: &mut Checker, life: &coolplan_units::TimeQ) {
    c.positive("service_life", life);
    let years = life.in_unit(TimeUnit::year);
    if years.is_finite() && years > 0.0 && !USUAL_SERVICE_LIFE_YEARS.contains(&years) {
        c.report_field("service_life", Kind::ServiceLifeUnusual(life.describe()));
    }
}

/// A server group's install year, life and refresh.
pub(super) fn server_group(c: &mut Checker, group: &ServerGroup, catalog: &Catalog, study: Study) {
    if let Some(year) = group.installed {
        c.year("installed", i64::from(year));
        if group.status != Status::Stock {
            c.report_field("installed", Kind::InstalledOnNewServers);
        } else if year > study.last_year {
            c.report_field(
                "installed",
                Kind::InstalledAfterStudy {
                    year,
                    last_year: study.last_year,
                },
            );
        }
    }
    if let Some(life) = &group.service_life {
        service_life(c, life);
    }
    if let Some(policy) = &group.refresh {
        refresh(c, policy, catalog);
    }
}

#[cfg(test)]
mod tests {
    use crate::problem::{Kind, Seg};
    use coolplan_model::Site;

    /// A one-group site whose server group gets `group` fields and the site `site` fields.
    fn site_with(group: &str, site: &str) -> Site {
        let text = format!(
            r#"(
    schema_version: 1,
    name: "t",
    currency: CNY,
    location: (name: "x", climate: Preset("beijing")),
    assumptions: (finance: (first_year: Some(2026), horizon_years: Some(10))),
    halls: [(
        name: "H",
        floor: (kind: Raised, rating: kg_per_m2(1000)),
        area: m2(100),
        air_cooling_capacity: kW(100),
        racks: [(name: "R", height: U(42), servers: [(model: "cpu-2u", count: 1, {group})])],
    )],
    {site}
)"#
        );
        ron::from_str(&text).unwrap()
    }

    fn found(site: &Site) -> Vec<(Vec<Seg>, Kind)> {
        crate::validate::validate(site)
            .into_iter()
            .map(|p| (p.path.into_iter().skip(2).collect(), p.kind))
            .collect()
    }

    fn at(field: &'static str) -> Vec<Seg> {
        vec![Seg::Item("servers", 0), Seg::Field(field)]
    }

    #[test]
    fn a_sound_install_year_life_and_refresh_pass() {
        let site = site_with(
            r#"status: Stock, installed: Some(2021), service_life: Some(year(7)),
               refresh: Some(Model("cpu-1u"))"#,
            r#"refresh: Some(Retire)"#,
        );
        assert_eq!(found(&site), vec![]);
    }

    #[test]
    fn bad_install_years_lives_and_refresh_models_are_errors_where_they_are() {
        // the study runs 2026 + 10 = 2036: installed 2040 lies beyond it
        let site = site_with(
            r#"status: Stock, installed: Some(2040), service_life: Some(year(0)),
               refresh: Some(Model("cpu-2uu"))"#,
            r#"refresh: Some(Model("nope"))"#,
        );
        let problems = found(&site);
        let after = Kind::InstalledAfterStudy {
            year: 2040,
            last_year: 2036,
        };
        assert!(problems.contains(&(at("installed"), after)));
        assert!(problems.iter().any(
            |(path, kind)| *path == at("service_life") && matches!(kind, Kind::NotPositive(_))
        ));
        assert!(problems.iter().any(|(path, kind)| *path == at("refresh")
            && matches!(kind, Kind::UnknownModel { id, nearest: Some(n) } if id == "cpu-2uu" && n == "cpu-2u")));
        // the site's own policy is checked at the site level (its path has no hall)
        let site_problems = crate::validate::validate(&site);
        assert!(
            site_problems
                .iter()
                .any(|p| p.path == vec![Seg::Field("refresh")]
                    && matches!(&p.kind, Kind::UnknownModel { id, .. } if id == "nope"))
        );
        assert!(site_problems.iter().all(|p| p.is_error()));
        // new servers are installed when they arrive: an install year is an error
        let new = site_with("status: New(2027), installed: Some(2027)", "");
        assert_eq!(
            found(&new),
            vec![(at("installed"), Kind::InstalledOnNewServers)]
        );
    }
}
