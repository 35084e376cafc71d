//! The "Sensitivity" chapter, always present: the tornado of NPV against air of the focus
//! option (horizontal bars around the base value, sorted by swing, each input by its human
//! name with its low and high values) and its table, then the CDU N+1 check per hall.
//! Deterministic: no Monte Carlo here (thousands of evaluations; the CLI and the app run it).
//!
//! Owns: the chapter's content. Never touches: the analyses' arithmetic
//! (`engine::analysis`), layout, files. Without an `uncertainty` list in the site file the
//! tornado section says so; the engine's default ranges fill it when they exist.

use super::format::{MoneyScale, count, option_name};
use super::{Detail, ReportInput, section, subsection};
use crate::document::{Block, Column, Row, Table, Tornado as TornadoChart, TornadoBar};
use coolplan_engine::analysis::evaluator;
use coolplan_engine::analysis::redundancy::{self, HallCheck};
use coolplan_engine::analysis::tornado::{self, Tornado};
use coolplan_model::assumptions::describe::{percent_of_fraction, plain_number};
use coolplan_model::assumptions::is_fraction;
use coolplan_model::uncertainty::prepare::{ApplyError, Prepared, UncertaintyError};
use coolplan_units::format::{group_thousands, written_for_display};
use coolplan_words::analysis::An;
use coolplan_words::fields::field_label;
use coolplan_words::results::units_as_written;
use coolplan_words::say::Say;
use coolplan_words::{Lang, Text, report::Rep};
use uom::si::power::kilowatt;

pub(super) fn sensitivity(input: &ReportInput, blocks: &mut Vec<Block>) {
    let lang = input.lang;
    blocks.push(section(An::RepTornado.tr(lang)));
    match tornado_of(input) {
        Ok(Some(t)) => tornado_blocks(input, &t, blocks),
        Ok(None) => blocks.push(Block::Paragraph(An::RepNoRanges.tr(lang).to_string())),
        Err(gap) => blocks.push(Block::Paragraph(gap.say(lang))),
    }
    blocks.push(section(An::RepRedundancy.tr(lang)));
    redundancy_blocks(input, blocks);
}

/// Why the report has no tornado although the site lists uncertain inputs.
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

/// The tornado of the site, `None` without uncertain inputs.
fn tornado_of(input: &ReportInput) -> Result<Option<Tornado>, NoTornado> {
    if input.site.uncertainty.is_empty() {
        return Ok(None);
    }
    let climate = input.climate.ok_or(NoTornado::NoClimate)?;
    let prepared = Prepared::new(input.site).map_err(NoTornado::Ranges)?;
    let evaluate = evaluator(&prepared, climate);
    tornado::tornado(&prepared, input.results, &evaluate)
        .map(Some)
        .map_err(NoTornado::Tornado)
}

/// An uncertain input's name for people: "Electricity price" for `prices.electricity`.
fn input_name(key: &str, lang: Lang) -> String {
    match key.split_once('.') {
        Some((group, field)) if !field.contains('.') => field_label(group, field, lang).to_string(),
        _ => key.to_string(),
    }
}

/// An end of an input's range with its unit: "0.6 CNY/kWh", "6 %", "8 years".
fn input_value(key: &str, written: &str, lang: Lang) -> String {
    let field = key.rsplit('.').next().unwrap_or(key);
    let plain = written.parse::<f64>().ok();
    let shown = match plain {
        Some(v) if is_fraction(field) => percent_of_fraction(v),
        Some(v) if field == "horizon_years" => Rep::YearsValue.fmt(lang, &[&group_thousands(v, 0)]),
        Some(v) if field == "first_year" => format!("{v}"),
        _ => {
            // "1470 CNY/kW" → "1,470 CNY/kW": the number grouped like every other.
            let shown = written_for_display(written);
            match shown.split_once(' ') {
                Some((number, unit)) => match number.parse::<f64>() {
                    Ok(v) => format!("{} {unit}", plain_number(v)),
                    Err(_) => shown,
                },
                None => shown,
            }
        }
    };
    units_as_written(&shown, lang)
}

fn tornado_blocks(input: &ReportInput, t: &Tornado, blocks: &mut Vec<Block>) {
    let lang = input.lang;
    let option = option_name(t.option, lang);
    let currency = input.results.currency;
    blocks.push(Block::Paragraph(An::RepTornadoIntro.fmt(
        lang,
        &[&option, &super::format::money_short(t.base_npv, lang)],
    )));
    let scale = MoneyScale::for_amounts(
        t.bars
            .iter()
            .flat_map(|b| [&b.low.npv, &b.high.npv])
            .chain([&t.base_npv]),
        currency,
        lang,
    );
    let in_scale = |m: coolplan_units::Money| m.amount / scale.divisor;
    let bars = t
        .bars
        .iter()
        .map(|b| TornadoBar {
            name: input_name(&b.input.to_string(), lang),
            low: in_scale(b.low.npv),
            high: in_scale(b.high.npv),
            low_input: input_value(&b.input.to_string(), &b.low.value, lang),
            high_input: input_value(&b.input.to_string(), &b.high.value, lang),
        })
        .collect();
    blocks.push(Block::Tornado(TornadoChart {
        title: An::RepTornadoChart.fmt(lang, &[&option]),
        value_label: scale.header(Rep::MNpv.tr(lang), lang),
        base: in_scale(t.base_npv),
        base_label: Rep::BaseValue.fmt(lang, &[&scale.number(t.base_npv)]),
        low_name: An::RepLow.tr(lang).to_string(),
        high_name: An::RepHigh.tr(lang).to_string(),
        bars,
    }));
    let recommended = |o: Option<coolplan_engine::CoolingOption>| {
        o.map_or("—", |o| option_name(o, lang)).to_string()
    };
    let rows = t
        .bars
        .iter()
        .map(|b| {
            let mut cells = vec![
                input_name(&b.input.to_string(), lang),
                input_value(&b.input.to_string(), &b.low.value, lang),
                scale.number(b.low.npv),
                input_value(&b.input.to_string(), &b.high.value, lang),
                scale.number(b.high.npv),
                scale.number(b.swing),
            ];
            cells.push(if b.swing.amount == 0.0 {
                Rep::NoEffect.tr(lang).to_string()
            } else {
                format!(
                    "{} / {}",
                    recommended(b.low.recommended),
                    recommended(b.high.recommended)
                )
            });
            Row::new(cells)
        })
        .collect();
    blocks.push(Block::Table(Table {
        columns: vec![
            Column::left(An::RepInput.tr(lang)),
            Column::right(An::RepLowValue.tr(lang)),
            Column::right(scale.header(An::RepNpvLow.tr(lang), lang)),
            Column::right(An::RepHighValue.tr(lang)),
            Column::right(scale.header(An::RepNpvHigh.tr(lang), lang)),
            Column::right(scale.header(An::RepSwing.tr(lang), lang)),
            Column::left(An::RepRecommendation.tr(lang)),
        ],
        rows,
    }));
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
    if input.detail == Detail::Summary {
        blocks.push(Block::Table(verdicts(&checks, lang)));
        return;
    }
    for check in &checks {
        hall_check_blocks(check, lang, blocks);
    }
}

/// One line per hall and option: the verdict, CDUs, racks on the loop (summary level).
fn verdicts(checks: &[HallCheck], lang: Lang) -> Table {
    let rows = checks
        .iter()
        .map(|c| {
            let verdict = if c.n_plus_one {
                An::NPlusOneHolds
            } else {
                An::NPlusOneFails
            };
            let mut row = Row::new(vec![
                c.hall.clone(),
                option_name(c.option, lang).to_string(),
                count(c.cdus.len() as u64),
                count(c.loop_racks),
                kw(c.loop_heat.get::<kilowatt>()),
                verdict.tr(lang).to_string(),
            ]);
            row.strong = !c.n_plus_one;
            row
        })
        .collect();
    Table {
        columns: vec![
            Column::left(Rep::ColHall.tr(lang)),
            Column::left(Rep::ColOption.tr(lang)),
            Column::right(Rep::ColCdus.tr(lang)),
            Column::right(Rep::ColLoopRacks.tr(lang)),
            Column::right(Rep::ColLoopKw.tr(lang)),
            Column::left(Rep::ColVerdict.tr(lang)),
        ],
        rows,
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
    blocks.push(subsection(An::RepHallOption.fmt(
        lang,
        &[
            &check.hall,
            &option_name(check.option, lang),
            &verdict.tr(lang),
        ],
    )));
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
    let rows = listed
        .iter()
        .map(|i| (*i, &check.cdus[*i]))
        .map(|(i, cdu)| {
            let mut row = Row::new(vec![
                format!("{} {}", An::RepCdu.tr(lang), i + 1),
                kw(cdu.load.get::<kilowatt>()),
                kw(cdu.capacity.get::<kilowatt>()),
                count(cdu.rack_count()),
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
        let failing = hidden
            .iter()
            .filter(|i| !check.cdus[**i].failure_absorbed)
            .count();
        notes.push(An::RepMoreCdus.fmt(
            lang,
            &[
                &count(hidden.len() as u64),
                &kw(most),
                &count(failing as u64),
            ],
        ));
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
