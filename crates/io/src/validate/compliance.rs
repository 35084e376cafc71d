//! The rules for the compliance profile and heat customers (`docs/site-format.md`,
//! "Compliance and heat reuse").

use std::collections::HashSet;

use super::checker::Checker;
use crate::problem::{Kind, Seg};
use coolplan_model::compliance::{Region, SiteStatus};
use coolplan_model::{Compliance, HeatCustomer};
use coolplan_units::Currency;

/// The study's calendar years, which `comply_by` should fall in.
pub(super) struct Study {
    pub first_year: u16,
    pub last_year: u16,
}

pub(super) fn profile(c: &mut Checker, profile: &Compliance, study: &Study, currency: Currency) {
    if Region::parse(&profile.region).is_none() {
        c.report_field("region", Kind::UnknownRegion(profile.region.clone()));
    }
    if profile.status == SiteStatus::New && profile.commissioned.is_none() {
        c.report_field("commissioned", Kind::NewSiteWithoutCommissioning);
    }
    if let Some(date) = profile.commissioned {
        c.year("commissioned", i64::from(date.year));
    }
    c.fraction("renewable_share", profile.renewable_share);
    if let Some(load) = &profile.connected_load {
        c.positive("connected_load", load);
    }
    let mut aims = HashSet::new();
    for (i, aim) in profile.aims.iter().enumerate() {
        if !aims.insert(aim) {
            c.at(Seg::Item("aims", i), |c| {
                c.report(Kind::DuplicateAim(format!("{aim:?}")))
            });
        }
    }
    if let Some(year) = profile.comply_by {
        c.year("comply_by", i64::from(year));
        if year < study.first_year || year > study.last_year {
            c.report_field(
                "comply_by",
                Kind::ComplyByOutsideStudy {
                    year,
                    first_year: study.first_year,
                    last_year: study.last_year,
                },
            );
        }
    }
    if let Some(price) = &profile.surcharge_price {
        let shown = || format!("{} {}", price.number(), price.unit().symbol());
        c.money(
            "surcharge_price",
            price.number(),
            shown,
            price.currency(),
            currency,
        );
    }
    if let Some(setpoint) = profile
        .reporting
        .as_ref()
        .and_then(|r| r.it_intake_setpoint.as_ref())
    {
        c.at(Seg::Field("reporting"), |c| {
            c.temperature("it_intake_setpoint", setpoint)
        });
    }
}

pub(super) fn heat_customer(c: &mut Checker, customer: &HeatCustomer, currency: Currency) {
    c.name(&customer.name);
    c.temperature("supply_temp", &customer.supply_temp);
    c.positive("capacity", &customer.capacity);
    let price = &customer.price;
    let shown = || format!("{} {}", price.number(), price.unit().symbol());
    c.money("price", price.number(), shown, price.currency(), currency);
    if let Some(cop) = customer.heat_pump_cop {
        if !cop.is_finite() {
            c.report_field("heat_pump_cop", Kind::NotFinite(cop.to_string()));
        } else if cop <= 1.0 {
            c.report_field("heat_pump_cop", Kind::CopAtMostOne(cop));
        }
    }
    let mut months = HashSet::new();
    for (i, &month) in customer.months.iter().enumerate() {
        c.at(Seg::Item("months", i), |c| {
            if !(1..=12).contains(&month) {
                c.report(Kind::MonthOutOfRange(month));
            } else if !months.insert(month) {
                c.report(Kind::DuplicateMonth(month));
            }
        });
    }
    if let Some(year) = customer.from_year {
        c.year("from_year", i64::from(year));
    }
    if let Some(capex) = &customer.capex {
        let shown = || format!("{} {}", capex.amount, capex.currency);
        c.money("capex", capex.amount, shown, capex.currency, currency);
    }
}

#[cfg(test)]
mod tests {
    use crate::problem::{Kind, Seg};
    use coolplan_model::Site;

    /// A one-hall site with `extra` fields appended at the site level.
    fn site_with(extra: &str) -> Site {
        let text = format!(
            r#"(
    schema_version: 1,
    name: "t",
    currency: CNY,
    location: (name: "x", climate: Preset("beijing")),
    halls: [(
        name: "H",
        floor: (kind: Raised, rating: kg_per_m2(1000)),
        area: m2(100),
        air_cooling_capacity: kW(100),
        racks: [],
    )],
    {extra}
)"#
        );
        ron::from_str(&text).unwrap()
    }

    fn kinds(site: &Site) -> Vec<(Vec<Seg>, Kind)> {
        crate::validate::validate(site)
            .into_iter()
            .map(|p| (p.path, p.kind))
            .collect()
    }

    #[test]
    fn a_sound_profile_and_customer_pass() {
        let site = site_with(
            r#"compliance: Some((region: "CN-BJ", status: Existing, renewable_share: 0.3, comply_by: Some(2027))),
            heat_customer: Some((name: "Heating", supply_temp: degC(60), capacity: kW(500),
                price: CNY_per_MWh(200), heat_pump_cop: Some(4.5), months: [1, 2, 11, 12]))"#,
        );
        assert_eq!(kinds(&site), vec![]);
    }

    #[test]
    fn bad_profile_fields_are_reported_where_they_are() {
        let site = site_with(
            r#"compliance: Some((region: "Mars", status: New, renewable_share: 1.2, aims: [PublicProcurement, PublicProcurement], comply_by: Some(2060)))"#,
        );
        let found = kinds(&site);
        let at = |field: &'static str| vec![Seg::Field("compliance"), Seg::Field(field)];
        assert!(found.contains(&(at("region"), Kind::UnknownRegion("Mars".into()))));
        assert!(found.contains(&(at("commissioned"), Kind::NewSiteWithoutCommissioning)));
        assert!(found.contains(&(at("renewable_share"), Kind::FractionOutOfRange(1.2))));
        assert!(found.contains(&(
            vec![Seg::Field("compliance"), Seg::Item("aims", 1)],
            Kind::DuplicateAim("PublicProcurement".into())
        )));
        // default study: 2026 and 10 years, 2026–2035
        assert!(found.contains(&(
            at("comply_by"),
            Kind::ComplyByOutsideStudy {
                year: 2060,
                first_year: 2026,
                last_year: 2035
            }
        )));
    }

    #[test]
    fn bad_customer_fields_are_reported() {
        let site = site_with(
            r#"heat_customer: Some((name: " ", supply_temp: degC(60), capacity: kW(0),
                price: USD_per_MWh(20), heat_pump_cop: Some(1.0), months: [0, 3, 3]))"#,
        );
        let found: Vec<Kind> = kinds(&site).into_iter().map(|(_, k)| k).collect();
        for kind in [
            Kind::EmptyName,
            Kind::NotPositive("0 kW".into()),
            Kind::CopAtMostOne(1.0),
            Kind::MonthOutOfRange(0),
            Kind::DuplicateMonth(3),
        ] {
            assert!(found.contains(&kind), "{kind:?} not in {found:?}");
        }
        assert!(
            found
                .iter()
                .any(|k| matches!(k, Kind::CurrencyMismatch { .. }))
        );
    }
}
