//! The "Plan and schedule" chapter: which option each rack group takes, by hall, and in which
//! year the money is spent.
//!
//! The plan shown is the engine's recommended plan (an option per rack group within each
//! hall's shared limits); [`planned`] is the one place the chapters read it from.

use super::format::{self as f, MoneyScale, option_name};
use super::{ReportInput, section};
use crate::document::{Block, Column, Row, Table};
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
            &f::count(racks),
        ],
    )
}

pub(super) fn plan(input: &ReportInput, blocks: &mut Vec<Block>) {
    let lang = input.lang;
    blocks.push(Block::Paragraph(Rep::PlanIntro.tr(lang).to_string()));
    blocks.push(Block::Paragraph(summary_sentence(input)));
    blocks.push(section(Rep::PlanByHall.tr(lang)));
    blocks.push(Block::Table(by_hall(input)));
    blocks.push(section(Rep::Schedule.tr(lang)));
    blocks.push(Block::Paragraph(Rep::ScheduleIntro.tr(lang).to_string()));
    blocks.push(Block::Table(schedule(input)));
}

/// Totals of one (hall, option) cell of the plan.
#[derive(Default)]
struct Tally {
    groups: u64,
    racks: u64,
    it_kw: f64,
    capex: f64,
    npv: f64,
}

impl Tally {
    /// Adds a group with its option and its NPV in the plan (its share of the hall's CDUs
    /// included).
    fn add(&mut self, rack: &RackResult, option: CoolingOption, npv: Money) {
        let o = rack.scope.option(option);
        self.groups += 1;
        self.racks += rack.count;
        self.it_kw += o.thermal.it_design.get::<uom::si::power::kilowatt>();
        self.capex += o.cost.capex.amount;
        self.npv += npv.amount;
    }
}

/// Rack groups, racks, IT power, CAPEX and NPV of the plan per hall and option, with the
/// site total.
fn by_hall(input: &ReportInput) -> Table {
    let (results, lang) = (input.results, input.lang);
    let halls = results.halls.len();
    let mut cells: Vec<[Tally; 3]> = (0..halls).map(|_| Default::default()).collect();
    let mut total = Tally::default();
    for ((rack, option), choice) in planned(input).zip(&results.plan.groups) {
        if let Some(hall) = cells.get_mut(rack.hall) {
            hall[option.index()].add(rack, option, choice.npv);
        }
        total.add(rack, option, choice.npv);
    }
    // the site's CAPEX is the plan's (the hall's CDUs counted once, not per group)
    total.capex = results.plan.totals.capex.amount;
    let currency = results.currency;
    let scale = MoneyScale::for_max(total.capex.abs().max(total.npv.abs()), currency, lang);
    let money = |amount: f64| scale.number(Money::new(amount, currency));
    let columns = vec![
        Column::left(Rep::ColHall.tr(lang)),
        Column::left(Rep::ColOption.tr(lang)),
        Column::right(Rep::ColGroups.tr(lang)),
        Column::right(Rep::ColCount.tr(lang)),
        Column::right(Rep::ColItKw.tr(lang)),
        Column::right(scale.header(Rep::MCapex.tr(lang), lang)),
        Column::right(scale.header(Rep::MNpv.tr(lang), lang)),
    ];
    let mut rows = Vec::new();
    for (hall, tallies) in results.halls.iter().zip(&cells) {
        for option in CoolingOption::ALL {
            let t = &tallies[option.index()];
            if t.groups == 0 {
                continue;
            }
            rows.push(Row::new(vec![
                hall.name.clone(),
                option_name(option, lang).to_string(),
                f::count(t.groups),
                f::count(t.racks),
                f::count(t.it_kw.round() as u64),
                money(t.capex),
                money(t.npv),
            ]));
        }
    }
    rows.push(Row::strong(vec![
        Rep::SiteTotal.tr(lang).to_string(),
        String::new(),
        f::count(total.groups),
        f::count(total.racks),
        f::count(total.it_kw.round() as u64),
        money(total.capex),
        money(total.npv),
    ]));
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
