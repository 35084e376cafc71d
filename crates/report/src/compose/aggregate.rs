//! Rack groups aggregated by hall and server model, for halls too large to list group by
//! group: one row per model (a group counts under the model that draws most of its power).

use coolplan_engine::per_option::OPTION_COUNT;
use std::collections::BTreeMap;

use super::format::{self as f, MoneyScale};
use super::{ReportInput, plan};
use crate::document::{Column, Row, Table};
use coolplan_engine::CoolingOption;
use coolplan_units::Money;
use coolplan_words::results as words;
use coolplan_words::{Text, report::Rep};
use uom::si::power::kilowatt;

/// Totals of the rack groups of one model in one hall.
#[derive(Default)]
struct ModelRow {
    groups: u64,
    racks: u64,
    min_kw: f64,
    max_kw: f64,
    /// Rack groups planned on each option.
    planned: [u64; OPTION_COUNT],
    capex: f64,
    npv: f64,
}

/// The model id that draws most of a rack's power (first listed on ties).
pub(super) fn main_model(input: &ReportInput, hall: usize, rack: usize) -> String {
    let Some(rack) = input.site.halls.get(hall).and_then(|h| h.racks.get(rack)) else {
        return String::new();
    };
    let power = |model: &str, count: u32| {
        input.catalog.get(model).map_or(0.0, |m| {
            m.max_power.get().get::<kilowatt>() * f64::from(count)
        })
    };
    let mut best: Option<(&str, f64)> = None;
    for group in &rack.servers {
        let p = power(&group.model, group.count);
        if best.is_none_or(|(_, b)| p > b) {
            best = Some((&group.model, p));
        }
    }
    best.map_or_else(String::new, |(id, _)| {
        input
            .catalog
            .get(id)
            .map_or_else(|| id.to_string(), |m| m.name.clone())
    })
}

/// One row per server model of hall `hall`: rack groups, racks, kW per rack, planned
/// options, the plan's CAPEX and NPV; the models with most racks first, at most `most` rows
/// (the rest summed up in one "other models" row).
pub(super) fn by_model(input: &ReportInput, hall: usize, most: usize) -> Table {
    let (results, lang) = (input.results, input.lang);
    let mut rows: BTreeMap<String, ModelRow> = BTreeMap::new();
    for (rack, option) in plan::planned(input).filter(|(r, _)| r.hall == hall) {
        let kw = rack.per_rack_design.get::<kilowatt>();
        let row = rows.entry(main_model(input, hall, rack.rack)).or_default();
        if row.groups == 0 {
            row.min_kw = kw;
            row.max_kw = kw;
        }
        row.groups += 1;
        row.racks += rack.count;
        row.min_kw = row.min_kw.min(kw);
        row.max_kw = row.max_kw.max(kw);
        row.planned[option.index()] += 1;
        let o = rack.scope.option(option);
        row.capex += o.cost.capex.amount;
        row.npv += o.cost.npv_vs_air.amount;
    }
    let currency = results.currency;
    let max = rows
        .values()
        .map(|r| r.capex.abs().max(r.npv.abs()))
        .fold(0.0, f64::max);
    let scale = MoneyScale::for_max(max, currency, lang);
    let money = |amount: f64| scale.number(Money::new(amount, currency));
    let sep = super::list_sep(lang);
    let mut rows: Vec<(String, ModelRow)> = rows.into_iter().collect();
    // Most racks first; names break ties (the map kept them sorted, the sort is stable).
    rows.sort_by_key(|r| std::cmp::Reverse(r.1.racks));
    if rows.len() > most {
        let rest = rows.split_off(most.saturating_sub(1));
        let mut other = ModelRow::default();
        for (_, r) in &rest {
            if other.groups == 0 {
                other.min_kw = r.min_kw;
                other.max_kw = r.max_kw;
            }
            other.groups += r.groups;
            other.racks += r.racks;
            other.min_kw = other.min_kw.min(r.min_kw);
            other.max_kw = other.max_kw.max(r.max_kw);
            for (sum, n) in other.planned.iter_mut().zip(r.planned) {
                *sum += n;
            }
            other.capex += r.capex;
            other.npv += r.npv;
        }
        rows.push((
            Rep::OtherModels.fmt(lang, &[&f::count(rest.len() as u64)]),
            other,
        ));
    }
    let body = rows
        .into_iter()
        .map(|(model, r)| {
            let kw = if (r.max_kw - r.min_kw).abs() < 0.05 {
                coolplan_units::format::group_thousands(r.min_kw, 1)
            } else {
                format!(
                    "{}–{}",
                    coolplan_units::format::group_thousands(r.min_kw, 1),
                    coolplan_units::format::group_thousands(r.max_kw, 1)
                )
            };
            let planned: Vec<String> = CoolingOption::ALL
                .iter()
                .filter(|o| r.planned[o.index()] > 0)
                .map(|o| {
                    format!(
                        "{} {}",
                        words::option_name(*o, lang),
                        f::count(r.planned[o.index()])
                    )
                })
                .collect();
            Row::new(vec![
                model,
                f::count(r.groups),
                f::count(r.racks),
                kw,
                planned.join(sep),
                money(r.capex),
                money(r.npv),
            ])
        })
        .collect();
    Table {
        columns: vec![
            Column::left(Rep::ColModel.tr(lang)),
            Column::right(Rep::ColGroups.tr(lang)),
            Column::right(Rep::ColCount.tr(lang)),
            Column::right(Rep::ColKwPerRack.tr(lang)),
            Column::left(Rep::ColPlanned.tr(lang)),
            Column::right(scale.header(Rep::MCapex.tr(lang), lang)),
            Column::right(scale.header(Rep::MNpv.tr(lang), lang)),
        ],
        rows: body,
    }
}
