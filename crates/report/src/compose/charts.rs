//! The "Options compared" chapter: the comparison table of the options that apply, and the
//! charts (CAPEX breakdown, cumulative savings with payback, PUE/TUE, monthly facility
//! energy). Every table and chart shows the scope's applying options only
//! ([`ScopeResult::shown`]), however many there are. Money is shown in one scale per language (M/bn CNY, 万元/亿元), in the table
//! headers and on the chart axes alike.

use super::format::{self as f, MoneyScale, energy_scale, option_name};
use super::summary::payback_of;
use super::{Detail, ReportInput, section};
use crate::document::{Block, Chart, ChartKind, Column, Row, Series, Table};
use coolplan_engine::{CoolingOption, OptionResult, ScopeResult};
use coolplan_units::{Currency, Money};
use coolplan_words::results as words;
use coolplan_words::{Lang, Text, report::Rep};

/// Most series a chart draws in their own colour; the rest are merged into "other".
pub const MAX_SERIES: usize = 8;

pub(super) fn options(input: &ReportInput, blocks: &mut Vec<Block>) {
    let lang = input.lang;
    blocks.push(Block::Table(comparison_table(
        &input.results.site,
        input.results.currency,
        lang,
    )));
    blocks.push(section(Rep::Charts.tr(lang)));
    blocks.push(Block::Chart(capex_breakdown(input)));
    blocks.push(Block::Chart(cumulative_savings(input)));
    if input.detail != Detail::Summary {
        blocks.push(Block::Chart(pue_tue(input)));
        blocks.push(Block::Chart(monthly_energy(input)));
    }
}

/// A row of the comparison: label, whether it is money, and the value of one option.
enum Value {
    Money(fn(&OptionResult) -> Money),
    Text(fn(&OptionResult, Lang) -> String),
}

fn metrics() -> Vec<(Rep, Value)> {
    use Value::{Money as M, Text as T};
    vec![
        (
            Rep::MFeasible,
            T(|o, l| words::yes_no(o.feasible, l).to_string()),
        ),
        (Rep::MCapex, M(|o| o.cost.capex)),
        (Rep::MNpv, M(|o| o.cost.npv_vs_air)),
        (Rep::MPayback, T(|o, l| payback_of(o, false, l))),
        (Rep::MDiscPayback, T(|o, l| payback_of(o, true, l))),
        (Rep::MOpex, M(|o| o.cost.opex_per_year)),
        (Rep::MEnergyCost, M(|o| o.cost.energy_cost_per_year)),
        (Rep::MPue, T(|o, _| f::ratio(o.energy.pue))),
        (Rep::MTue, T(|o, _| f::ratio(o.energy.tue))),
        (Rep::MItDesign, T(|o, _| f::kw(o.thermal.it_design))),
        (
            Rep::MFanRemoved,
            T(|o, _| f::kw(o.thermal.fan_power_removed)),
        ),
        (Rep::MHeatLiquid, T(|o, _| f::kw(o.thermal.heat_to_liquid))),
        (Rep::MHeatAir, T(|o, _| f::kw(o.thermal.heat_to_air))),
        (Rep::MHeatDoor, T(|o, _| f::kw(o.thermal.heat_to_door))),
        (Rep::MFlow, T(|o, _| f::l_per_min(o.thermal.coolant_flow))),
        (
            Rep::MFacilityEnergy,
            T(|o, _| f::energy(o.energy.facility_energy)),
        ),
        (Rep::MCo2, T(|o, _| f::tonnes(o.energy.co2))),
    ]
}

/// A comparison table of options (columns) by metric (rows) for one scope: money rows in one
/// scale named in the row label, the TCO per kW-year in whole units.
pub(super) fn comparison_table(scope: &ScopeResult, currency: Currency, lang: Lang) -> Table {
    let mut columns = vec![Column::left(Rep::Metric.tr(lang))];
    columns.extend(
        scope
            .shown()
            .map(|o| Column::right(option_name(o.option, lang))),
    );
    let scale = MoneyScale::for_amounts(
        scope
            .shown()
            .flat_map(|o| [&o.cost.capex, &o.cost.npv_vs_air, &o.cost.opex_per_year]),
        currency,
        lang,
    );
    let recommended = scope.recommendation.option;
    let mut cells = vec![Rep::BestSingleRow.tr(lang).to_string()];
    cells.extend(scope.shown().map(|o| {
        if Some(o.option) == recommended {
            Rep::Yes.tr(lang).to_string()
        } else {
            String::new()
        }
    }));
    let mut rows = vec![Row::strong(cells)];
    for (label, value) in metrics() {
        let mut cells = vec![match value {
            Value::Money(_) => scale.header(label.tr(lang), lang),
            Value::Text(_) => label.tr(lang).to_string(),
        }];
        cells.extend(scope.shown().map(|o| match &value {
            Value::Money(get) => scale.number(get(o)),
            Value::Text(get) => get(o, lang),
        }));
        rows.push(Row::new(cells));
    }
    let mut irr = vec![Rep::MIrr.tr(lang).to_string()];
    irr.extend(scope.shown().map(|o| {
        if o.option == CoolingOption::Air {
            Rep::NotApplicable.tr(lang).to_string()
        } else {
            f::irr(scope.irr(o.option), lang)
        }
    }));
    rows.insert(6, Row::new(irr));
    let mut tco = vec![MoneyScale::for_max(0.0, currency, lang).header(Rep::MTco.tr(lang), lang)];
    tco.extend(scope.shown().map(|o| f::money_full(o.cost.tco_per_kw_year)));
    rows.insert(9, Row::new(tco));
    Table { columns, rows }
}

/// The names of the options `scope` shows, in order: the categories of its charts.
fn option_names(scope: &ScopeResult, lang: Lang) -> Vec<String> {
    scope
        .shown()
        .map(|o| option_name(o.option, lang).to_string())
        .collect()
}

/// Series beyond [`MAX_SERIES`] merged into one "other" series (the smallest totals go).
pub(super) fn at_most_eight(mut series: Vec<Series>, other: &str) -> Vec<Series> {
    if series.len() <= MAX_SERIES {
        return series;
    }
    let total = |s: &Series| s.values.iter().map(|v| v.abs()).sum::<f64>();
    let mut order: Vec<usize> = (0..series.len()).collect();
    order.sort_by(|a, b| total(&series[*b]).total_cmp(&total(&series[*a])));
    let keep: Vec<usize> = order[..MAX_SERIES - 1].to_vec();
    let width = series.iter().map(|s| s.values.len()).max().unwrap_or(0);
    let mut merged = vec![0.0; width];
    for (_, s) in series.iter().enumerate().filter(|(i, _)| !keep.contains(i)) {
        for (m, v) in merged.iter_mut().zip(&s.values) {
            *m += v;
        }
    }
    let mut kept: Vec<Series> = Vec::with_capacity(MAX_SERIES);
    for (i, s) in series.drain(..).enumerate() {
        if keep.contains(&i) {
            kept.push(s);
        }
    }
    kept.push(Series {
        name: other.to_string(),
        values: merged,
    });
    kept
}

fn capex_breakdown(input: &ReportInput) -> Chart {
    let (site, lang) = (&input.results.site, input.lang);
    let currency = input.results.currency;
    let scale = MoneyScale::for_amounts(site.shown().map(|o| &o.cost.capex), currency, lang);
    let series = site
        .capex_items()
        .iter()
        .map(|item| Series {
            name: words::cost_item(*item, lang).to_string(),
            values: site
                .shown()
                .map(|o| o.cost.spent_on(*item).amount / scale.divisor)
                .collect(),
        })
        .collect();
    Chart {
        title: Rep::ChartCapex.tr(lang).to_string(),
        value_label: scale.unit,
        category_label: String::new(),
        kind: ChartKind::StackedBars,
        categories: option_names(site, lang),
        series: at_most_eight(series, Rep::OtherItems.tr(lang)),
        markers: Vec::new(),
    }
}

fn cumulative_savings(input: &ReportInput) -> Chart {
    let (results, lang) = (input.results, input.lang);
    let site = &results.site;
    let air = &site.option(CoolingOption::Air).cost.cash_flows;
    let mut raw = vec![(
        option_name(CoolingOption::Air, lang).to_string(),
        vec![0.0; air.len()],
    )];
    let mut markers = Vec::new();
    for result in site.shown().filter(|o| o.option != CoolingOption::Air) {
        let option = result.option;
        let mut total = 0.0;
        let values = result
            .cost
            .cash_flows
            .iter()
            .zip(air)
            .map(|(own, base)| {
                total += own.amount - base.amount;
                total
            })
            .collect();
        // Infeasible options are drawn too (their savings are what is out of reach), named so.
        let name = if result.feasible {
            option_name(option, lang).to_string()
        } else {
            Rep::InfeasibleSuffix.fmt(lang, &[&option_name(option, lang)])
        };
        raw.push((name, values));
        if let Some(years) = result.cost.simple_payback_years.filter(|_| result.feasible) {
            let label = Rep::PaybackMarker.fmt(
                lang,
                &[
                    &option_name(option, lang),
                    &coolplan_units::format::group_thousands(years, 1),
                ],
            );
            markers.push((years, label));
        }
    }
    let max = raw
        .iter()
        .flat_map(|(_, v)| v)
        .map(|v| v.abs())
        .fold(0.0, f64::max);
    let scale = MoneyScale::for_max(max, results.currency, lang);
    Chart {
        title: Rep::ChartCash.tr(lang).to_string(),
        value_label: scale.unit.clone(),
        category_label: Rep::ColYear.tr(lang).to_string(),
        kind: ChartKind::Lines,
        categories: (0..air.len())
            .map(|y| (u32::from(results.first_year) + y as u32).to_string())
            .collect(),
        series: raw
            .into_iter()
            .map(|(name, values)| Series {
                name,
                values: values.into_iter().map(|v| v / scale.divisor).collect(),
            })
            .collect(),
        markers,
    }
}

fn pue_tue(input: &ReportInput) -> Chart {
    let (site, lang) = (&input.results.site, input.lang);
    Chart {
        title: Rep::ChartPue.tr(lang).to_string(),
        value_label: Rep::AxisRatio.tr(lang).to_string(),
        category_label: String::new(),
        kind: ChartKind::GroupedBars,
        categories: option_names(site, lang),
        series: vec![
            Series {
                name: "PUE".into(),
                values: site.shown().map(|o| o.energy.pue).collect(),
            },
            Series {
                name: "TUE".into(),
                values: site.shown().map(|o| o.energy.tue).collect(),
            },
        ],
        markers: Vec::new(),
    }
}

fn monthly_energy(input: &ReportInput) -> Chart {
    let (site, lang) = (&input.results.site, input.lang);
    let mwh = |e: &uom::si::f64::Energy| e.get::<uom::si::energy::megawatt_hour>();
    let max = site
        .shown()
        .flat_map(|o| o.energy.monthly_facility_energy.iter().map(mwh))
        .fold(0.0, f64::max);
    let (divisor, unit) = energy_scale(max);
    Chart {
        title: Rep::ChartMonthly.tr(lang).to_string(),
        value_label: unit.to_string(),
        category_label: String::new(),
        kind: ChartKind::GroupedBars,
        categories: Rep::Months
            .tr(lang)
            .split(',')
            .map(str::to_string)
            .collect(),
        series: site
            .shown()
            .map(|o| Series {
                name: option_name(o.option, lang).to_string(),
                values: o
                    .energy
                    .monthly_facility_energy
                    .iter()
                    .map(|e| mwh(e) / divisor)
                    .collect(),
            })
            .collect(),
        markers: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn more_than_eight_series_merge_the_smallest_into_other() {
        let series: Vec<Series> = (0..13)
            .map(|i| Series {
                name: format!("s{i}"),
                values: vec![i as f64, 1.0],
            })
            .collect();
        let merged = at_most_eight(series, "other");
        assert_eq!(merged.len(), MAX_SERIES);
        assert_eq!(merged[MAX_SERIES - 1].name, "other");
        // s0..s5 (0+1+…+5 = 15 in the first category, 6 × 1 in the second) are merged.
        assert_eq!(merged[MAX_SERIES - 1].values, vec![15.0, 6.0]);
        assert!(merged.iter().any(|s| s.name == "s12"));
    }
}
