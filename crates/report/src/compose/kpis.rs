//! The "Compliance and KPIs" chapter: the indicators PUE rules and ESG reports are written in
//! (PUE, TUE, WUE, CUE, energy, water, CO₂), per option and for the recommended plan.
//!
//! Rules (PUE limits by region and year) are not checked here yet: the chapter states so and
//! gives the figures such a check reads; a rule check slots in as a section of this chapter.

use super::format::{self as f, option_name};
use super::{ReportInput, plan, section};
use crate::document::{Block, Column, Row, Table};
use coolplan_engine::{CoolingOption, OptionResult};
use coolplan_units::format::group_thousands;
use coolplan_words::{Text, report::Rep};
use uom::si::energy::{joule, kilowatt_hour};
use uom::si::f64::{Mass, Volume};
use uom::si::mass::kilogram;
use uom::si::volume::liter;

/// Water per unit of IT energy, L/kWh (WUE, ISO/IEC 30134-9).
fn wue(o: &OptionResult) -> Option<f64> {
    let it = o.energy.it_energy.get::<kilowatt_hour>();
    (it > 0.0).then(|| o.energy.water.get::<liter>() / it)
}

/// CO₂ per unit of IT energy, kg/kWh (CUE, ISO/IEC 30134-8).
fn cue(o: &OptionResult) -> Option<f64> {
    let it = o.energy.it_energy.get::<kilowatt_hour>();
    (it > 0.0).then(|| o.energy.co2.get::<kilogram>() / it)
}

fn or_dash(value: Option<f64>, decimals: usize) -> String {
    value.map_or_else(|| "—".to_string(), |v| group_thousands(v, decimals))
}

/// CO₂ a year with every group on air.
pub(super) fn co2_air(input: &ReportInput) -> Mass {
    input.results.site.option(CoolingOption::Air).energy.co2
}

/// CO₂ a year under the recommended plan: the all-air CO₂ scaled by the plan's facility
/// energy over the all-air one (one grid factor for the site).
pub(super) fn plan_co2(input: &ReportInput) -> Mass {
    let totals = &input.results.plan.totals;
    let air_j = totals.facility_energy_air.get::<joule>();
    if air_j > 0.0 {
        co2_air(input) * (totals.facility_energy.get::<joule>() / air_j)
    } else {
        co2_air(input)
    }
}

/// Water a year under the recommended plan: each rack group's water on its plan option.
fn plan_water(input: &ReportInput) -> Volume {
    plan::planned(input)
        .map(|(rack, option)| rack.scope.option(option).energy.water)
        .fold(Volume::new::<liter>(0.0), |sum, w| sum + w)
}

/// WUE of the plan, L/kWh.
fn plan_wue(input: &ReportInput) -> Option<f64> {
    let it = input.results.plan.totals.it_energy.get::<kilowatt_hour>();
    (it > 0.0).then(|| plan_water(input).get::<liter>() / it)
}

/// One sentence for the executive summary: PUE, WUE and CO₂ today and under the plan.
pub(super) fn summary_line(input: &ReportInput) -> String {
    let (results, lang) = (input.results, input.lang);
    let air = results.site.option(CoolingOption::Air);
    let totals = &results.plan.totals;
    Rep::ComplianceLine.fmt(
        lang,
        &[
            &f::ratio(totals.pue_air),
            &f::ratio(totals.pue),
            &or_dash(wue(air), 2),
            &or_dash(plan_wue(input), 2),
            &f::tonnes(co2_air(input)),
            &f::tonnes(plan_co2(input)),
        ],
    )
}

pub(super) fn kpis(input: &ReportInput, blocks: &mut Vec<Block>) {
    let (results, lang) = (input.results, input.lang);
    blocks.push(Block::Paragraph(Rep::KpiIntro.tr(lang).to_string()));
    blocks.push(section(Rep::KpiTable.tr(lang)));
    let site = &results.site;
    let mut columns = vec![Column::left(Rep::Metric.tr(lang))];
    columns.extend(
        site.shown()
            .map(|o| Column::right(option_name(o.option, lang))),
    );
    columns.push(Column::right(Rep::KfRecommended.tr(lang)));
    let totals = &results.plan.totals;
    type Kpi = (Rep, fn(&OptionResult) -> String);
    let kpis: [Kpi; 8] = [
        (Rep::MPue, |o| f::ratio(o.energy.pue)),
        (Rep::MTue, |o| f::ratio(o.energy.tue)),
        (Rep::MWue, |o| or_dash(wue(o), 2)),
        (Rep::MCue, |o| or_dash(cue(o), 3)),
        (Rep::MItEnergy, |o| f::energy(o.energy.it_energy)),
        (Rep::MFacilityEnergy, |o| {
            f::energy(o.energy.facility_energy)
        }),
        (Rep::MWater, |o| f::cubic_metres(o.energy.water)),
        (Rep::MCo2, |o| f::tonnes(o.energy.co2)),
    ];
    let mut rows: Vec<Row> = kpis
        .iter()
        .map(|(label, value)| {
            let mut cells = vec![label.tr(lang).to_string()];
            cells.extend(site.shown().map(value));
            cells.push(match label {
                Rep::MPue => f::ratio(totals.pue),
                Rep::MWue => or_dash(plan_wue(input), 2),
                Rep::MItEnergy => f::energy(totals.it_energy),
                Rep::MFacilityEnergy => f::energy(totals.facility_energy),
                Rep::MWater => f::cubic_metres(plan_water(input)),
                Rep::MCo2 => f::tonnes(plan_co2(input)),
                _ => "—".to_string(),
            });
            Row::new(cells)
        })
        .collect();
    let mut hours = vec![Rep::MFreeCooling.tr(lang).to_string()];
    hours.extend(site.shown().map(|o| {
        f::count(
            o.energy
                .free_cooling_hours
                .get::<uom::si::time::hour>()
                .round() as u64,
        )
    }));
    hours.push("—".to_string());
    rows.push(Row::new(hours));
    blocks.push(Block::Table(Table { columns, rows }));
    super::compliance::by_year_and_rules(input, blocks);
}
