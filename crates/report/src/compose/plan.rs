//! The "Plan and schedule" chapter: which option each rack group takes, by hall, the enabling
//! works it buys (`super::works`), and in which year the money is spent.
//!
//! The plan shown is the engine's recommended plan (an option per rack group within each
//! hall's shared limits); [`planned`] is the one place the chapters read it from.

use super::format::{self as f, MoneyScale, option_name};
use super::{ReportInput, section};
use crate::document::{Block, Column, Row, Table};
use coolplan_engine::per_option::OPTION_COUNT;
use coolplan_engine::{CoolingOption, RackResult};
use coolplan_units::Money;
use coolplan_words::{Text, report::Rep};

/// The rack groups with their option in the recommended plan, in `Results::racks` order (air
/// for new servers no option suits: the plan cannot place them, and they add nothing).
pub(super) fn planned<'a>(
    input: &ReportInput<'a>,
) -> impl Iterator<Item = (&'a RackResult, CoolingOption)> + use<'a> {
    let results: &'a coolplan_engine::Results = input.results;
    results
        .racks
        .iter()
        .zip(&results.plan.groups)
        .map(|(r, g)| (r, g.option.unwrap_or(CoolingOption::Air)))
}

/// The first year a rack group's planned option spends CAPEX (its conversion year).
fn start_year(rack: &RackResult, option: CoolingOption) -> Option<usize> {
    rack.scope
        .option(option)
        .cost
        .capex_by_year
        .iter()
        .position(|m| m.amount != 0.0)
}

/// "8 of 12 rack groups (48 racks) change from air."
pub(super) fn summary_sentence(input: &ReportInput) -> String {
    let (results, lang) = (input.results, input.lang);
    let changing: Vec<&RackResult> = planned(input)
        .filter(|(_, o)| *o != CoolingOption::Air)
        .map(|(r, _)| r)
        .collect();
    let racks: u64 = changing.iter().map(|r| r.count).sum();
    Rep::NarrChanges.fmt(
        lang,
        &[
            &f::count(changing.len() as u64),
            &f::count(results.racks.len() as u64),
            &coolplan_words::counted::racks(lang, racks),
        ],
    )
}

pub(super) fn plan(input: &ReportInput, blocks: &mut Vec<Block>) {
    let lang = input.lang;
    blocks.push(Block::Paragraph(Rep::PlanIntro.tr(lang).to_string()));
    blocks.push(Block::Paragraph(summary_sentence(input)));
    blocks.push(section(Rep::PlanByHall.tr(lang)));
    blocks.push(Block::Table(by_hall(input)));
    super::works::section_of_plan(input, blocks);
    blocks.push(section(Rep::Schedule.tr(lang)));
    blocks.push(Block::Paragraph(Rep::ScheduleIntro.tr(lang).to_string()));
    blocks.push(Block::Table(schedule(input)));
    super::lifecycle::lifecycle(input, blocks);
}

/// Totals of one (hall, option) cell of the plan.
#[derive(Default)]
struct Tally {
    groups: u64,
    racks: u64,
    it_kw: f64,
    npv: f64,
}

impl Tally {
    /// Adds a group with its option and its NPV in the plan (its share of the hall's CDUs
    /// included).
    fn add(&mut self, rack: &RackResult, option: CoolingOption, npv: Money) {
        self.groups += 1;
        self.racks += rack.count;
        self.it_kw += rack
            .scope
            .option(option)
            .thermal
            .it_design
            .get::<uom::si::power::kilowatt>();
        self.npv += npv.amount;
    }
}

/// Rack groups, racks, IT power and NPV of the plan per hall and option, each hall's CAPEX
/// (its CDUs are shared by its options, so CAPEX is the hall's, on its only option's row or a
/// hall total row), and the site total.
fn by_hall(input: &ReportInput) -> Table {
    let (results, lang) = (input.results, input.lang);
    let halls = results.halls.len();
    let mut cells: Vec<[Tally; OPTION_COUNT]> = (0..halls).map(|_| Default::default()).collect();
    let mut total = Tally::default();
    for ((rack, option), choice) in planned(input).zip(&results.plan.groups) {
        if let Some(hall) = cells.get_mut(rack.hall) {
            hall[option.index()].add(rack, option, choice.npv);
        }
        total.add(rack, option, choice.npv);
    }
    let totals = &results.plan.totals;
    let currency = results.currency;
    let scale = MoneyScale::for_max(
        totals
            .capex
            .amount
            .abs()
            .max(totals.npv_vs_air.amount.abs()),
        currency,
        lang,
    );
    let columns = vec![
        Column::left(Rep::ColHall.tr(lang)),
        Column::left(Rep::ColOption.tr(lang)),
        Column::right(Rep::ColGroups.tr(lang)),
        Column::right(Rep::ColCount.tr(lang)),
        Column::right(Rep::ColItKw.tr(lang)),
        Column::right(scale.header(Rep::MCapex.tr(lang), lang)),
        Column::right(scale.header(Rep::MNpv.tr(lang), lang)),
    ];
    let row = |hall: &str, option: String, t: &Tally, capex: String, npv: Money| {
        vec![
            hall.to_string(),
            option,
            f::count(t.groups),
            f::count(t.racks),
            f::count(t.it_kw.round() as u64),
            capex,
            scale.number(npv),
        ]
    };
    let mut rows = Vec::new();
    for ((hall, tallies), hall_plan) in results.halls.iter().zip(&cells).zip(&results.plan.halls) {
        let used: Vec<CoolingOption> = CoolingOption::ALL
            .into_iter()
            .filter(|o| tallies[o.index()].groups > 0)
            .collect();
        let hall_capex = scale.number(hall_plan.totals.capex);
        for &option in &used {
            let t = &tallies[option.index()];
            let capex = if used.len() == 1 {
                hall_capex.clone()
            } else {
                String::new()
            };
            let name = option_name(option, lang).to_string();
            rows.push(Row::new(row(
                &hall.name,
                name,
                t,
                capex,
                Money::new(t.npv, currency),
            )));
        }
        if used.len() > 1 {
            let mut sum = Tally::default();
            for t in tallies {
                sum.groups += t.groups;
                sum.racks += t.racks;
                sum.it_kw += t.it_kw;
            }
            let name = Rep::ColTotal.tr(lang).to_string();
            rows.push(Row::new(row(
                &hall.name,
                name,
                &sum,
                hall_capex,
                hall_plan.totals.npv_vs_air,
            )));
        }
    }
    if !results.compliance.surcharges.is_empty() {
        // the site's surcharge reads the site's PUE: in the site total, in no hall
        let halls: f64 = results
            .plan
            .halls
            .iter()
            .map(|h| h.totals.npv_vs_air.amount)
            .sum();
        let mut cells = vec![String::new(); 7];
        cells[0] = Rep::SurchargeAvoided.tr(lang).to_string();
        cells[6] = scale.number(Money::new(totals.npv_vs_air.amount - halls, currency));
        rows.push(Row::new(cells));
    }
    rows.push(Row::strong(row(
        Rep::SiteTotal.tr(lang),
        String::new(),
        &total,
        scale.number(totals.capex),
        totals.npv_vs_air,
    )));
    Table { columns, rows }
}

/// Per year: rack groups and racks that start converting, and the plan's CAPEX.
fn schedule(input: &ReportInput) -> Table {
    let (results, lang) = (input.results, input.lang);
    let capex = &results.plan.totals.capex_by_year;
    let scale = MoneyScale::for_amounts(capex, results.currency, lang);
    let mut starts = vec![(0u64, 0u64); capex.len()];
    for (rack, option) in planned(input).filter(|(_, o)| *o != CoolingOption::Air) {
        if let Some(slot) = start_year(rack, option).and_then(|y| starts.get_mut(y)) {
            slot.0 += 1;
            slot.1 += rack.count;
        }
    }
    let rows = capex
        .iter()
        .zip(&starts)
        .enumerate()
        .filter(|(_, (m, (groups, _)))| m.amount != 0.0 || *groups > 0)
        .map(|(year, (m, (groups, racks)))| {
            Row::new(vec![
                (u32::from(results.first_year) + year as u32).to_string(),
                f::count(*groups),
                f::count(*racks),
                scale.number(*m),
            ])
        })
        .collect::<Vec<_>>();
    let rows = if rows.is_empty() {
        vec![Row::new(vec![
            Rep::NothingScheduled.tr(lang).to_string(),
            String::new(),
            String::new(),
            String::new(),
        ])]
    } else {
        rows
    };
    Table {
        columns: vec![
            Column::left(Rep::ColYear.tr(lang)),
            Column::right(Rep::ColGroupsStarting.tr(lang)),
            Column::right(Rep::ColRacksStarting.tr(lang)),
            Column::right(scale.header(Rep::MCapex.tr(lang), lang)),
        ],
        rows,
    }
}
