//! The "Sensitivity and resilience" chapter: the tornado of the plan's NPV against air (chart
//! and table; the site's ranges, or coolplan's defaults when it lists none), and the N+1 check
//! of the plan's CDUs per hall.
//! Deterministic: no Monte Carlo here (thousands of evaluations; the CLI and the app run it).
//!
//! Owns: the chapter's content. Never touches: the analyses' arithmetic
//! (`engine::analysis`), layout, files.

use super::format::{count, money_full, money_short, option_name};
use super::{ReportInput, chapter_text};
use crate::document::{Block, Chart, ChartKind, Column, Row, Series, Table};
use coolplan_engine::analysis::evaluator;
use coolplan_engine::analysis::redundancy::{self, HallCheck};
use coolplan_engine::analysis::tornado::{self, Tornado};
use coolplan_model::uncertainty::prepare::{ApplyError, Prepared, UncertaintyError};
use coolplan_units::format::group_thousands;
use coolplan_words::analysis::An;
use coolplan_words::fields::assumption_label;
use coolplan_words::results::plan as plan_words;
use coolplan_words::say::Say;
use coolplan_words::{Lang, Text};
use uom::si::power::kilowatt;

pub(super) fn sensitivity(input: &ReportInput, blocks: &mut Vec<Block>) {
    let lang = input.lang;
    blocks.push(chapter_text(An::RepChapter.tr(lang)));
    blocks.push(heading(An::RepTornado.tr(lang)));
    match tornado_of(input) {
        Ok(t) => {
            if t.default_ranges {
                blocks.push(Block::Paragraph(An::RepNoRanges.tr(lang).to_string()));
            }
            tornado_blocks(input, &t, blocks)
        }
        Err(gap) => blocks.push(Block::Paragraph(gap.say(lang))),
    }
    blocks.push(heading(An::RepRedundancy.tr(lang)));
    redundancy_blocks(input, blocks);
}

fn heading(text: &str) -> Block {
    Block::Heading {
        level: 2,
        text: text.to_string(),
    }
}

/// Why the report has no tornado.
enum NoTornado {
    NoClimate,
    Ranges(Vec<UncertaintyError>),
    Tornado(ApplyError),
}

impl Say for NoTornado {
    fn say(&self, lang: Lang) -> String {
        match self {
            NoTornado::NoClimate => An::RepNoClimate.tr(lang).to_string(),
            NoTornado::Ranges(problems) => coolplan_words::say::uncertainty::joined(problems, lang),
            NoTornado::Tornado(e) => e.say(lang),
        }
    }
}

/// The tornado of the site: its ranges, or the default ones when it lists none.
fn tornado_of(input: &ReportInput) -> Result<Tornado, NoTornado> {
    let climate = input.climate.ok_or(NoTornado::NoClimate)?;
    let (prepared, defaults) = Prepared::for_sensitivity(input.site).map_err(NoTornado::Ranges)?;
    let evaluate = evaluator(&prepared, climate);
    tornado::tornado(&prepared, defaults, input.results, &evaluate).map_err(NoTornado::Tornado)
}

fn tornado_blocks(input: &ReportInput, t: &Tornado, blocks: &mut Vec<Block>) {
    let lang = input.lang;
    let currency = input.results.currency.code();
    let label = |b: &tornado::Bar| assumption_label(b.input, lang).to_string();
    blocks.push(Block::Paragraph(
        An::RepTornadoIntro.fmt(lang, &[&money_short(t.base_npv, lang)]),
    ));
    let end_series = |name: An, high: bool| Series {
        name: name.tr(lang).to_string(),
        values: t
            .bars
            .iter()
            .map(|b| if high { b.high.npv } else { b.low.npv }.amount)
            .collect(),
    };
    blocks.push(Block::Chart(Chart {
        title: An::RepTornadoChart.tr(lang).to_string(),
        value_label: currency.to_string(),
        kind: ChartKind::Tornado,
        categories: t.bars.iter().map(label).collect(),
        series: vec![end_series(An::RepLow, false), end_series(An::RepHigh, true)],
        markers: vec![(
            t.base_npv.amount,
            An::RepTornadoBase.fmt(lang, &[&money_short(t.base_npv, lang)]),
        )],
    }));
    let plan_at = |e: &tornado::End| {
        if e.plan_changed {
            An::RepPlanChanges.tr(lang).to_string()
        } else {
            An::RepPlanSame.tr(lang).to_string()
        }
    };
    let with_currency = |key: An| format!("{} ({currency})", key.tr(lang));
    let shown = |text: &str| coolplan_words::results::units_as_written(text, lang);
    let rows = t
        .bars
        .iter()
        .map(|b| {
            Row::new(vec![
                label(b),
                shown(&b.low.display),
                money_full(b.low.npv),
                shown(&b.high.display),
                money_full(b.high.npv),
                money_full(b.swing),
                format!("{} / {}", plan_at(&b.low), plan_at(&b.high)),
            ])
        })
        .collect();
    blocks.push(Block::Table(Table {
        columns: vec![
            Column::left(An::RepInput.tr(lang)),
            Column::right(An::RepLowValue.tr(lang)),
            Column::right(with_currency(An::RepNpvLow)),
            Column::right(An::RepHighValue.tr(lang)),
            Column::right(with_currency(An::RepNpvHigh)),
            Column::right(with_currency(An::RepSwing)),
            Column::left(An::RepRecommendation.tr(lang)),
        ],
        rows,
    }));
    let still: Vec<String> = t
        .bars
        .iter()
        .filter_map(|b| {
            let why = plan_words::no_effect(b.no_effect.as_ref()?, lang);
            Some(An::RepNoEffect.fmt(lang, &[&label(b), &why]))
        })
        .collect();
    if !still.is_empty() {
        blocks.push(Block::Bullets(still));
    }
}

fn redundancy_blocks(input: &ReportInput, blocks: &mut Vec<Block>) {
    let lang = input.lang;
    let checks = redundancy::site_checks(input.site, input.results);
    if checks.is_empty() {
        blocks.push(Block::Paragraph(An::RepNoLiquid.tr(lang).to_string()));
        return;
    }
    blocks.push(Block::Paragraph(
        An::RepRedundancyIntro.tr(lang).to_string(),
    ));
    for check in &checks {
        hall_check_blocks(check, lang, blocks);
    }
}

/// CDUs listed one per row in a hall's table; a fleet of thousands is summed up in a line.
const MAX_CDUS_LISTED: usize = 12;

fn kw(value: f64) -> String {
    group_thousands(value, 1)
}

fn hall_check_blocks(check: &HallCheck, lang: Lang, blocks: &mut Vec<Block>) {
    let verdict = if check.n_plus_one {
        An::NPlusOneHolds
    } else {
        An::NPlusOneFails
    };
    blocks.push(Block::Heading {
        level: 3,
        text: An::RepHallOption.fmt(
            lang,
            &[
                &check.hall,
                &option_name(check.option, lang),
                &verdict.tr(lang),
            ],
        ),
    });
    let yes_no = |b: bool| if b { An::RepYes } else { An::RepNo }.tr(lang).to_string();
    // The most loaded CDUs (those that cannot fail first), in their order; the rest summed up.
    let mut listed: Vec<usize> = (0..check.cdus.len()).collect();
    listed.sort_by(|a, b| {
        let (a, b) = (&check.cdus[*a], &check.cdus[*b]);
        (a.failure_absorbed, -a.load.get::<kilowatt>())
            .partial_cmp(&(b.failure_absorbed, -b.load.get::<kilowatt>()))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let hidden = listed.split_off(listed.len().min(MAX_CDUS_LISTED));
    listed.sort_unstable();
    // units are numbered in the order they were filled; a run of identical ones as "3–9"
    let mut first_unit = Vec::with_capacity(check.cdus.len());
    let mut next = 1u64;
    for cdu in &check.cdus {
        first_unit.push(next);
        next = next.saturating_add(cdu.units);
    }
    let rows = listed
        .iter()
        .map(|i| (*i, &check.cdus[*i]))
        .map(|(i, cdu)| {
            let racks = cdu.rack_count();
            let (from, to) = (first_unit[i], first_unit[i] + cdu.units.saturating_sub(1));
            let numbers = if to > from {
                format!("{}–{}", count(from), count(to))
            } else {
                count(from)
            };
            let spare = if cdu.is_spare() {
                format!(" ({})", An::RepSpareUnits.tr(lang))
            } else {
                String::new()
            };
            let mut row = Row::new(vec![
                format!("{} {numbers}{spare}", An::RepCdu.tr(lang)),
                kw(cdu.load.get::<kilowatt>()),
                kw(cdu.capacity.get::<kilowatt>()),
                count(racks),
                kw(cdu.load.get::<kilowatt>()),
                yes_no(cdu.failure_absorbed),
            ]);
            row.strong = !cdu.failure_absorbed;
            row
        })
        .collect();
    blocks.push(Block::Table(Table {
        columns: vec![
            Column::left(An::RepCdu.tr(lang)),
            Column::right(An::RepLoad.tr(lang)),
            Column::right(An::RepCapacity.tr(lang)),
            Column::right(An::RepLoses.tr(lang)),
            Column::right(An::RepLosesKw.tr(lang)),
            Column::left(An::RepAbsorbed.tr(lang)),
        ],
        rows,
    }));
    let mut notes = Vec::new();
    if !hidden.is_empty() {
        let most = hidden
            .iter()
            .map(|i| check.cdus[*i].load.get::<kilowatt>())
            .fold(0.0, f64::max);
        let failing: u64 = hidden
            .iter()
            .filter(|i| !check.cdus[**i].failure_absorbed)
            .map(|i| check.cdus[*i].units)
            .sum();
        let units: u64 = hidden.iter().map(|i| check.cdus[*i].units).sum();
        notes.push(An::RepMoreCdus.fmt(lang, &[&count(units), &kw(most), &count(failing)]));
    }
    if !check.unassigned.is_empty() {
        let racks: u64 = check.unassigned.iter().map(|r| r.racks).sum();
        let heat: f64 = check
            .unassigned
            .iter()
            .map(|r| r.heat.get::<kilowatt>())
            .sum();
        let line = An::Unassigned.fmt(lang, &[&count(racks), &format!("{} kW", kw(heat))]);
        notes.push(line.trim().to_string());
    }
    let lp = An::LoopLine.fmt(
        lang,
        &[
            &count(check.loop_racks),
            &format!("{} kW", kw(check.loop_heat.get::<kilowatt>())),
        ],
    );
    notes.push(lp.trim().to_string());
    blocks.push(Block::Bullets(notes));
}
