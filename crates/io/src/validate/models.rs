//! The rules for catalog models: each model's figures, service life, aliases and sources, and
//! a list of models together (ids and aliases unique). They apply to a site's own models, to
//! models as overridden, to models imported from a catalog CSV and to the shipped catalog.

use std::collections::{HashMap, HashSet};

use super::checker::Checker;
use crate::import::normalise_model_name;
use crate::problem::{Kind, MAX_AMOUNT, MAX_SERVER_KW, Seg};
use coolplan_model::ServerModel;
use coolplan_model::assumptions::Describe;
use coolplan_model::catalog::{ServerKind, Source, is_source_date};
use coolplan_units::build::kw;
use coolplan_units::{Money, PowerUnit};

/// A list of models as one file holds them: every model's rules, ids used once, and no
/// alias naming two of them.
pub(super) fn model_list(c: &mut Checker, models: &[ServerModel]) {
    let mut ids = HashSet::new();
    let mut alias_owner: HashMap<String, &str> = HashMap::new();
    for m in models {
        c.at(Seg::Model(m.id.clone()), |c| {
            if !ids.insert(m.id.as_str()) {
                c.report(Kind::DuplicateModel(m.id.clone()));
            }
            model(c, m);
            for (i, alias) in m.aliases.iter().enumerate() {
                let key = normalise_model_name(alias);
                if key.is_empty() {
                    continue;
                }
                match alias_owner.get(&key) {
                    Some(&other) if other != m.id => c.at(Seg::Item("aliases", i), |c| {
                        c.report(Kind::DuplicateAlias {
                            alias: alias.clone(),
                            other: other.to_string(),
                        })
                    }),
                    Some(_) => {}
                    None => {
                        alias_owner.insert(key, m.id.as_str());
                    }
                }
            }
        });
    }
}

/// One model: its figures, service life, aliases and sources.
pub(super) fn model(c: &mut Checker, m: &ServerModel) {
    if m.id.trim().is_empty() {
        c.report_field("id", Kind::EmptyName);
    }
    c.name(&m.name);
    c.positive("height", &m.height);
    c.positive("max_power", &m.max_power);
    c.at_most("max_power", &m.max_power, kw(MAX_SERVER_KW));
    c.positive("weight", &m.weight);
    c.fraction("utilisation", m.utilisation);
    c.fraction("fan_share", m.fan_share);
    c.fraction("cold_plate_capture", m.cold_plate_capture);
    if m.utilisation.is_finite()
        && (0.0..=1.0).contains(&m.utilisation)
        && !(0.05..=0.95).contains(&m.utilisation)
    {
        c.report_field("utilisation", Kind::UtilisationUnusual(m.utilisation));
    }
    if m.kind == ServerKind::Gpu && m.max_power.in_unit(PowerUnit::kW) < 2.0 {
        c.report_field("max_power", Kind::GpuUnderTwoKw(m.max_power.describe()));
    }
    for (name, list) in [
        ("kit_cost", &m.kit_cost),
        ("factory_premium", &m.factory_premium),
    ] {
        for (i, money) in list.iter().enumerate() {
            c.at(Seg::Item(name, i), |c| amount(c, money));
        }
    }
    if let Some(life) = &m.service_life {
        super::life::service_life(c, life);
    }
    for (i, alias) in m.aliases.iter().enumerate() {
        if normalise_model_name(alias).is_empty() {
            c.at(Seg::Item("aliases", i), |c| c.report(Kind::EmptyName));
        }
    }
    for (i, s) in m.sources.iter().enumerate() {
        c.at(Seg::Item("sources", i), |c| source(c, s));
    }
}

/// An amount of money: finite, not negative and at most [`MAX_AMOUNT`].
fn amount(c: &mut Checker, money: &Money) {
    if !money.amount.is_finite() {
        c.report(Kind::NotFinite(format!(
            "{} {}",
            money.amount, money.currency
        )));
    } else if money.amount < 0.0 {
        c.report(Kind::Negative(money.describe()));
    } else if money.amount > MAX_AMOUNT {
        c.report(Kind::AbovePlausible {
            value: money.describe(),
            limit: super::numbers::amount_limit(money.currency),
        });
    }
}

/// A source names a document and a date, and says what its figures rest on: a URL or
/// document id, or (an estimate) a note with the reasoning.
fn source(c: &mut Checker, s: &Source) {
    if s.title.trim().is_empty() {
        c.report_field("title", Kind::EmptyName);
    }
    if !is_source_date(s.date.trim()) {
        c.report_field("date", Kind::BadSourceDate(s.date.clone()));
    }
    if s.url.trim().is_empty() && s.note.trim().is_empty() {
        c.report(Kind::SourceWithoutBasis);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::problem::{Problem, Severity};
    use crate::validate_models;
    use coolplan_model::Catalog;
    use coolplan_model::catalog::SourceTag;
    use coolplan_units::{Qty, TimeUnit};

    fn kinds(problems: &[Problem]) -> Vec<&Kind> {
        problems.iter().map(|p| &p.kind).collect()
    }

    #[test]
    fn every_shipped_model_passes_validation_and_has_a_source() {
        let catalog = Catalog::builtin();
        let problems = validate_models(catalog.models());
        // Not even warnings: the shipped catalog is the example every site copies from.
        assert!(problems.is_empty(), "{problems:#?}");
        for model in catalog.models() {
            assert!(!model.sources.is_empty(), "{} has no source", model.id);
        }
    }

    #[test]
    fn a_source_needs_a_title_a_date_and_a_basis() {
        let mut model = Catalog::builtin().get("hgx-h100").unwrap().clone();
        model.sources = vec![Source {
            title: " ".into(),
            url: String::new(),
            date: "March 2024".into(),
            tag: SourceTag::Est,
            note: String::new(),
        }];
        let problems = validate_models(&[model]);
        let found = kinds(&problems);
        assert!(found.contains(&&Kind::EmptyName), "{found:?}");
        assert!(found.contains(&&Kind::BadSourceDate("March 2024".into())));
        assert!(found.contains(&&Kind::SourceWithoutBasis));
        let date = problems
            .iter()
            .find(|p| matches!(p.kind, Kind::BadSourceDate(_)))
            .unwrap();
        assert_eq!(
            date.path,
            [
                Seg::Model("hgx-h100".into()),
                Seg::Item("sources", 0),
                Seg::Field("date")
            ]
        );
    }

    #[test]
    fn an_alias_may_name_one_model_only() {
        let catalog = Catalog::builtin();
        let first = catalog.get("dell-r760").unwrap().clone();
        let mut second = catalog.get("dell-r750").unwrap().clone();
        // Same alias after normalising: case and punctuation do not make it another name.
        second.aliases.push("poweredge-r760".into());
        let problems = validate_models(&[first, second]);
        assert_eq!(
            kinds(&problems),
            [&Kind::DuplicateAlias {
                alias: "poweredge-r760".into(),
                other: "dell-r760".into()
            }]
        );
    }

    #[test]
    fn a_service_life_must_be_positive_and_is_warned_outside_2_to_15_years() {
        let mut model = Catalog::builtin().get("cpu-2u").unwrap().clone();
        model.service_life = Some(Qty::new(0.0, TimeUnit::year));
        assert!(matches!(
            kinds(&validate_models(std::slice::from_ref(&model)))[..],
            [Kind::NotPositive(_)]
        ));
        // 40 000 h ≈ 4.6 years: fine. 40 years: a warning, not an error.
        model.service_life = Some(Qty::new(40_000.0, TimeUnit::h));
        assert!(validate_models(std::slice::from_ref(&model)).is_empty());
        model.service_life = Some(Qty::new(40.0, TimeUnit::year));
        let problems = validate_models(&[model]);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].severity(), Severity::Warning);
    }
}
