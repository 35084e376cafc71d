//! The "Risks" chapter: a register of what can go wrong with the plan (leaks, fluids and fire,
//! warranty, the single facility loop, downtime, CDU redundancy, floor load, estimates), each
//! with its exposure on this site and the usual mitigation; then the warnings of the checks.
//!
//! Each risk is listed only where the site carries it (no immersion risk for a plan without
//! immersion); its exposure is a figure from the results, not a rating.

use super::format::{self as f, option_name};
use super::reasons::reason;
use super::{ReportInput, list_sep, plan, section};
use crate::document::{Block, Column, Row, Table};
use coolplan_engine::analysis::redundancy;
use coolplan_engine::{CoolingOption, ScopeResult};
use coolplan_model::Status;
use coolplan_units::format::group_thousands;
use coolplan_words::{Lang, Text, counted, report::Rep};
use uom::si::power::kilowatt;

/// Scope names listed with a warning before the rest are counted.
const NAMES_PER_WARNING: usize = 4;

/// One risk: its name, exposure on this site and mitigation.
struct Risk {
    name: Rep,
    exposure: String,
    mitigation: Rep,
}

/// The risks this site carries, most severe first.
fn register(input: &ReportInput) -> Vec<Risk> {
    let (results, lang) = (input.results, input.lang);
    let planned: Vec<_> = plan::planned(input).collect();
    let on = |keep: &dyn Fn(CoolingOption) -> bool| -> (u64, u64) {
        planned
            .iter()
            .filter(|(_, o)| keep(*o))
            .fold((0, 0), |(g, r), (rack, _)| (g + 1, r + rack.count))
    };
    // water or coolant at the rack: every option but air (a rear door's coil, cold plates'
    // manifolds, a tank)
    let (liquid_groups, liquid_racks) = on(&|o| o.is_retrofit());
    let (im_groups, im_racks) = on(&|o| o == CoolingOption::Immersion);
    let mut risks = Vec::new();
    let checks = redundancy::site_checks(input.site, results);
    let failing: Vec<String> = checks
        .iter()
        .filter(|c| !c.n_plus_one)
        .map(|c| format!("{} ({})", c.hall, option_name(c.option, lang)))
        .collect();
    if !failing.is_empty() {
        risks.push(Risk {
            name: Rep::RiskCdu,
            exposure: Rep::RiskCduExposure.fmt(lang, &[&failing.join(list_sep(lang))]),
            mitigation: Rep::RiskCduMitigation,
        });
    }
    if liquid_racks > 0 {
        // a hall's facility-water loop carries every liquid option of its plan
        let mut loops: Vec<(&str, u64, f64)> = Vec::new();
        for c in &checks {
            let heat = c.loop_heat.get::<kilowatt>();
            match loops.iter_mut().find(|(hall, _, _)| *hall == c.hall) {
                Some(entry) => {
                    entry.1 += c.loop_racks;
                    entry.2 += heat;
                }
                None => loops.push((&c.hall, c.loop_racks, heat)),
            }
        }
        let worst = loops.into_iter().max_by(|a, b| a.2.total_cmp(&b.2));
        if let Some((hall, racks, heat)) = worst {
            risks.push(Risk {
                name: Rep::RiskLoop,
                exposure: Rep::RiskLoopExposure.fmt(
                    lang,
                    &[
                        &hall,
                        &counted::racks(lang, racks),
                        &group_thousands(heat, 0),
                    ],
                ),
                mitigation: Rep::RiskLoopMitigation,
            });
        }
        risks.push(Risk {
            name: Rep::RiskLeak,
            exposure: Rep::RiskRacksExposure.fmt(
                lang,
                &[
                    &counted::racks(lang, liquid_racks),
                    &counted::rack_groups(lang, liquid_groups),
                ],
            ),
            mitigation: Rep::RiskLeakMitigation,
        });
    }
    if im_racks > 0 {
        risks.push(Risk {
            name: Rep::RiskFluid,
            exposure: Rep::RiskRacksExposure.fmt(
                lang,
                &[
                    &counted::racks(lang, im_racks),
                    &counted::rack_groups(lang, im_groups),
                ],
            ),
            mitigation: Rep::RiskFluidMitigation,
        });
    }
    // Stock servers converted in place: warranty and downtime.
    let stock: u64 = planned
        .iter()
        .filter(|(_, o)| *o != CoolingOption::Air)
        .filter(|(r, _)| {
            input
                .site
                .halls
                .get(r.hall)
                .and_then(|h| h.racks.get(r.rack))
                .is_some_and(|rack| rack.servers.iter().any(|s| s.status == Status::Stock))
        })
        .map(|(r, _)| r.count)
        .sum();
    if stock > 0 {
        risks.push(Risk {
            name: Rep::RiskWarranty,
            exposure: Rep::RiskStockExposure.fmt(lang, &[&counted::racks(lang, stock)]),
            mitigation: Rep::RiskWarrantyMitigation,
        });
        let hours = input
            .site
            .assumptions
            .resolve(input.site.currency)
            .prices
            .downtime_hours_per_rack
            .in_unit(coolplan_units::TimeUnit::h);
        risks.push(Risk {
            name: Rep::RiskDowntime,
            exposure: Rep::RiskDowntimeExposure.fmt(
                lang,
                &[&counted::racks(lang, stock), &group_thousands(hours, 1)],
            ),
            mitigation: Rep::RiskDowntimeMitigation,
        });
    }
    // halls where a rack group's plan option loads the floor beyond its rating
    let overloaded: Vec<&str> = input
        .site
        .halls
        .iter()
        .enumerate()
        .filter(|(index, hall)| {
            planned.iter().any(|(rack, option)| {
                rack.hall == *index
                    && rack.scope.option(*option).thermal.floor_load > hall.floor.rating.get()
            })
        })
        .map(|(_, hall)| hall.name.as_str())
        .collect();
    if !overloaded.is_empty() {
        risks.push(Risk {
            name: Rep::RiskFloor,
            exposure: overloaded.join(list_sep(lang)),
            mitigation: Rep::RiskFloorMitigation,
        });
    }
    risks.push(Risk {
        name: Rep::RiskEstimates,
        exposure: Rep::RiskEstimatesExposure.tr(lang).to_string(),
        mitigation: Rep::RiskEstimatesMitigation,
    });
    risks
}

/// The first risks of the register, one line each, for the executive summary.
pub(super) fn key_risks(input: &ReportInput) -> Vec<String> {
    let lang = input.lang;
    let colon = if lang == Lang::Zh { "：" } else { ": " };
    register(input)
        .into_iter()
        .take(4)
        .map(|r| format!("{}{colon}{}", r.name.tr(lang), r.exposure))
        .collect()
}

pub(super) fn risks(input: &ReportInput, blocks: &mut Vec<Block>) {
    let lang = input.lang;
    blocks.push(Block::Paragraph(Rep::RisksIntro.tr(lang).to_string()));
    let rows = register(input)
        .into_iter()
        .map(|r| {
            Row::new(vec![
                r.name.tr(lang).to_string(),
                r.exposure,
                r.mitigation.tr(lang).to_string(),
            ])
        })
        .collect();
    blocks.push(Block::Table(Table {
        columns: vec![
            Column::left(Rep::ColRisk.tr(lang)),
            Column::left(Rep::ColExposure.tr(lang)),
            Column::left(Rep::ColMitigation.tr(lang)),
        ],
        rows,
    }));
    blocks.push(section(Rep::Warnings.tr(lang)));
    warnings(input, blocks);
}

fn warnings(input: &ReportInput, blocks: &mut Vec<Block>) {
    let lang = input.lang;
    let results = input.results;
    let scopes = std::iter::once(&results.site)
        .chain(&results.halls)
        .chain(results.racks.iter().map(|r| &r.scope));
    // Each distinct warning once, with the scopes it applies to, in first-seen order.
    let mut seen: Vec<(String, Vec<&str>)> = Vec::new();
    for scope in scopes {
        for (text, name) in scope_warnings(scope, lang) {
            match seen.iter_mut().find(|(t, _)| *t == text) {
                Some((_, names)) => names.push(name),
                None => seen.push((text, vec![name])),
            }
        }
    }
    if seen.is_empty() {
        blocks.push(Block::Paragraph(Rep::NoWarnings.tr(lang).to_string()));
        return;
    }
    let lines = seen
        .into_iter()
        .map(|(text, names)| {
            let mut shown = names
                .iter()
                .take(NAMES_PER_WARNING)
                .copied()
                .collect::<Vec<_>>()
                .join(list_sep(lang));
            if names.len() > NAMES_PER_WARNING {
                shown.push_str(
                    &Rep::AndMore.fmt(lang, &[&f::count((names.len() - NAMES_PER_WARNING) as u64)]),
                );
            }
            format!("{text} — {shown}")
        })
        .collect();
    blocks.push(Block::Bullets(lines));
}

fn scope_warnings(scope: &ScopeResult, lang: Lang) -> Vec<(String, &str)> {
    let colon = if lang == Lang::Zh { "：" } else { ": " };
    scope
        .shown()
        .flat_map(|o| o.warnings.iter().map(move |w| (o.option, w)))
        .map(|(option, w)| {
            (
                format!(
                    "{}{colon}{}",
                    option_name(option, lang),
                    reason(w, Some(option), lang)
                ),
                scope.name.as_str(),
            )
        })
        .collect()
}
