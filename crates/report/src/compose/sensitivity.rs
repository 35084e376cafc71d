//! The "Sensitivity" chapter, always present: the tornado of the recommended plan's NPV
//! against air (the site's ranges, or coolplan's default ones when it lists none; horizontal
//! bars around the base value, sorted by swing, each input by its human name with its low and
//! high values), its table with why an input has no effect, then the N+1 check of the plan's
//! CDUs per hall.
//! Deterministic: no Monte Carlo here (thousands of evaluations; the CLI and the app run it).
//!
//! Owns: the chapter's content. Never touches: the analyses' arithmetic
//! (`engine::analysis`), layout, files.

use super::format::{MoneyScale, count, money_short, option_name};
use super::{Detail, ReportInput, section, subsection};
use crate::document::{Block, Column, Row, Table, Tornado as TornadoChart, TornadoBar};
use coolplan_engine::analysis::evaluator;
use coolplan_engine::analysis::redundancy::{self, HallCheck};
use coolplan_engine::analysis::tornado::{self, Tornado};
use coolplan_model::assumptions::describe::percent_of_fraction;
use coolplan_model::assumptions::is_fraction;
use coolplan_model::uncertainty::prepare::{ApplyError, Prepared, UncertaintyError};
use coolplan_units::format::group_thousands;
use coolplan_words::analysis::An;
use coolplan_words::fields::assumption_label;
use coolplan_words::results::plan as plan_words;
use coolplan_words::results::units_as_written;
use coolplan_words::say::Say;
use coolplan_words::{Lang, Text, counted, report::Rep};
use uom::si::power::kilowatt;

pub(super) fn sensitivity(input: &ReportInput, blocks: &mut Vec<Block>) {
    let lang = input.lang;
    blocks.push(section(An::RepTornado.tr(lang)));
    match tornado_of(input) {
        Ok(t) => {
            if t.default_ranges {
                blocks.push(Block::Paragraph(An::RepNoRanges.tr(lang).to_string()));
            }
            tornado_blocks(input, &t, blocks)
        }
        Err(gap) => blocks.push(Block::Paragraph(gap.say(lang))),
    }
    blocks.push(section(An::RepRedundancy.tr(lang)));
    redundancy_blocks(input, blocks);
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

/// An end of an input's range as people read it: a fraction as a percentage ("6 %"), the
/// horizon in years ("8 years"), anything else as the assumptions display it, with its unit
/// ("0.6 CNY/kWh").
fn end_value(bar: &tornado::Bar, end: &tornado::End, lang: Lang) -> String {
    let path = bar.input.path();
    let field = path.rsplit('.').next().unwrap_or(path);
    if is_fraction(field) {
        percent_of_fraction(end.value)
    } else if field == "horizon_years" {
        Rep::YearsValue.fmt(lang, &[&group_thousands(end.value, 0)])
    } else {
        units_as_written(&end.display, lang)
    }
}

fn tornado_blocks(input: &ReportInput, t: &Tornado, blocks: &mut Vec<Block>) {
    let lang = input.lang;
    let label = |b: &tornado::Bar| assumption_label(b.input, lang).to_string();
    blocks.push(Block::Paragraph(
        An::RepTornadoIntro.fmt(lang, &[&money_short(t.base_npv, lang)]),
    ));
    let scale = MoneyScale::for_amounts(
        t.bars
            .iter()
            .flat_map(|b| [&b.low.npv, &b.high.npv])
            .chain([&t.base_npv]),
        input.results.currency,
        lang,
    );
    let in_scale = |m: coolplan_units::Money| m.amount / scale.divisor;
    let bars = t
        .bars
        .iter()
        .map(|b| TornadoBar {
            name: label(b),
            low: in_scale(b.low.npv),
            high: in_scale(b.high.npv),
            low_input: end_value(b, &b.low, lang),
            high_input: end_value(b, &b.high, lang),
        })
        .collect();
    blocks.push(Block::Tornado(TornadoChart {
        title: An::RepTornadoChart.tr(lang).to_string(),
        value_label: scale.header(Rep::MNpv.tr(lang), lang),
        base: in_scale(t.base_npv),
        base_label: An::RepTornadoBase.fmt(lang, &[&scale.number(t.base_npv)]),
        low_name: An::RepLow.tr(lang).to_string(),
        high_name: An::RepHigh.tr(lang).to_string(),
        bars,
    }));
    let plan_at = |e: &tornado::End| {
        if e.plan_changed {
            An::RepPlanChanges.tr(lang).to_string()
        } else {
            An::RepPlanSame.tr(lang).to_string()
        }
    };
    let rows = t
        .bars
        .iter()
        .map(|b| {
            Row::new(vec![
                label(b),
                end_value(b, &b.low, lang),
                scale.number(b.low.npv),
                end_value(b, &b.high, lang),
                scale.number(b.high.npv),
                scale.number(b.swing),
                if b.no_effect.is_some() {
                    Rep::NoEffect.tr(lang).to_string()
                } else {
                    format!("{} / {}", plan_at(&b.low), plan_at(&b.high))
                },
            ])
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
                count(c.units),
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
    let unit_numbers = check.unit_numbers();
    let rows = listed
        .iter()
        .map(|i| (*i, &check.cdus[*i]))
        .map(|(i, cdu)| {
            let racks = cdu.rack_count();
            let numbers = counted::unit_numbers(&unit_numbers[i]);
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
        let line = An::Unassigned.fmt(
            lang,
            &[&counted::racks(lang, racks), &format!("{} kW", kw(heat))],
        );
        notes.push(line.trim().to_string());
    }
    let lp = An::LoopLine.fmt(
        lang,
        &[
            &counted::racks(lang, check.loop_racks),
            &format!("{} kW", kw(check.loop_heat.get::<kilowatt>())),
        ],
    );
    notes.push(lp.trim().to_string());
    blocks.push(Block::Bullets(notes));
}
