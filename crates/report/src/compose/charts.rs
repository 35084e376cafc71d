//! The charts as data: CAPEX breakdown, cumulative savings with payback, PUE/TUE, monthly
//! facility energy.

use super::format::option_name;
use super::{ReportInput, chapter};
use crate::document::{Block, Chart, ChartKind, Series};
use coolplan_engine::CoolingOption;
use coolplan_units::format::group_thousands;
use coolplan_words::results as words;
use coolplan_words::{Lang, Text, report::Rep};

pub(super) fn charts(input: &ReportInput, blocks: &mut Vec<Block>) {
    let lang = input.lang;
    blocks.push(chapter(Rep::Charts, lang));
    blocks.push(Block::Chart(capex_breakdown(input)));
    blocks.push(Block::Chart(cumulative_savings(input)));
    blocks.push(Block::Chart(pue_tue(input)));
    blocks.push(Block::Chart(monthly_energy(input)));
}

fn option_names(lang: Lang) -> Vec<String> {
    CoolingOption::ALL
        .iter()
        .map(|o| option_name(*o, lang).to_string())
        .collect()
}

fn capex_breakdown(input: &ReportInput) -> Chart {
    let (site, lang) = (&input.results.site, input.lang);
    let items = site.capex_items();
    let series = items
        .iter()
        .map(|item| Series {
            name: words::cost_item(*item, lang).to_string(),
            values: site
                .options
                .iter()
                .map(|o| {
                    o.cost
                        .capex_breakdown
                        .iter()
                        .filter(|(i, _)| i == item)
                        .map(|(_, m)| m.amount)
                        .sum()
                })
                .collect(),
        })
        .collect();
    Chart {
        title: Rep::ChartCapex.tr(lang).to_string(),
        value_label: input.results.currency.code().to_string(),
        kind: ChartKind::StackedBars,
        categories: option_names(lang),
        series,
        markers: Vec::new(),
    }
}

fn cumulative_savings(input: &ReportInput) -> Chart {
    let (results, lang) = (input.results, input.lang);
    let site = &results.site;
    let air = &site.option(CoolingOption::Air).cost.cash_flows;
    let mut series = vec![Series {
        name: option_name(CoolingOption::Air, lang).to_string(),
        values: vec![0.0; air.len()],
    }];
    let mut markers = Vec::new();
    for option in [CoolingOption::ColdPlate, CoolingOption::Immersion] {
        let result = site.option(option);
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
        series.push(Series { name, values });
        if let Some(years) = result.cost.simple_payback_years.filter(|_| result.feasible) {
            let label = Rep::PaybackMarker.fmt(
                lang,
                &[&option_name(option, lang), &group_thousands(years, 1)],
            );
            markers.push((years, label));
        }
    }
    Chart {
        title: Rep::ChartCash.tr(lang).to_string(),
        value_label: results.currency.code().to_string(),
        kind: ChartKind::Lines,
        categories: (0..air.len())
            .map(|y| (u32::from(results.first_year) + y as u32).to_string())
            .collect(),
        series,
        markers,
    }
}

fn pue_tue(input: &ReportInput) -> Chart {
    let (site, lang) = (&input.results.site, input.lang);
    Chart {
        title: Rep::ChartPue.tr(lang).to_string(),
        value_label: Rep::AxisRatio.tr(lang).to_string(),
        kind: ChartKind::GroupedBars,
        categories: option_names(lang),
        series: vec![
            Series {
                name: "PUE".into(),
                values: site.options.iter().map(|o| o.energy.pue).collect(),
            },
            Series {
                name: "TUE".into(),
                values: site.options.iter().map(|o| o.energy.tue).collect(),
            },
        ],
        markers: Vec::new(),
    }
}

fn monthly_energy(input: &ReportInput) -> Chart {
    let (site, lang) = (&input.results.site, input.lang);
    Chart {
        title: Rep::ChartMonthly.tr(lang).to_string(),
        value_label: Rep::AxisEnergy.tr(lang).to_string(),
        kind: ChartKind::GroupedBars,
        categories: Rep::Months
            .tr(lang)
            .split(',')
            .map(str::to_string)
            .collect(),
        series: site
            .options
            .iter()
            .map(|o| Series {
                name: option_name(o.option, lang).to_string(),
                values: o
                    .energy
                    .monthly_facility_energy
                    .iter()
                    .map(|e| e.get::<uom::si::energy::megawatt_hour>())
                    .collect(),
            })
            .collect(),
        markers: Vec::new(),
    }
}
