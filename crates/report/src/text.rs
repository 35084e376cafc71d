//! The text summary (`coolplan report <site.ron> --format text`): the recommended plan with
//! its figures (and what the compliance profile's comply-by year and surcharges did), the site totals of each option alone (the reference columns, and the plan's
//! row), each hall's plan (limits, CDUs) and columns, and each rack group's choice and reason.
//! Every label comes from `coolplan_words`; columns are aligned by display width (CJK = 2).

use std::fmt::Write;

use coolplan_engine::{CoolingOption, HallPlan, HallPlant, PlanTotals, Results, ScopeResult};
use coolplan_units::format::UnitSystem;
use coolplan_units::{Money, PowerUnit};
use coolplan_words::compliance as comply_words;
use coolplan_words::results as words;
use coolplan_words::results::Words;
use coolplan_words::results::plan::{self as plan_words, PlanWords};
use coolplan_words::{Lang, Text};

/// Rack groups listed one per line before the rest are summarised.
const RACK_LINES: usize = 40;

/// The summary of `results` for the site named `site`, in `lang`.
pub fn to_text(site: &str, results: &Results, lang: Lang) -> String {
    let mut out = String::new();
    let rate = words::percent(Some(results.discount_rate), lang);
    let heading = Words::Heading.fmt(
        lang,
        &[
            &site,
            &results.horizon_years,
            &rate,
            &results.currency.code(),
        ],
    );
    line(&mut out, &heading);
    line(&mut out, "");
    let plan = &results.plan;
    let racks_of = |g: usize| results.racks.get(g).map_or(0, |r| r.count);
    line(
        &mut out,
        &PlanWords::Recommended.fmt(lang, &[&plan_words::headline(plan, racks_of, lang)]),
    );
    line(
        &mut out,
        &format!("  ({})", plan_words::relation_to_columns(plan, lang)),
    );
    line(&mut out, &format!("  {}", plan_figures(&plan.totals, lang)));
    if plan.unplaced() > 0 {
        let text = PlanWords::Unplaced.fmt(lang, &[&plan.unplaced()]);
        line(&mut out, &format!("  {text}"));
    }
    // what the profile's comply-by year did to the plan, and the surcharges it pays
    let compliance = &results.compliance;
    let constraint = compliance
        .comply_by
        .iter()
        .flat_map(|c| comply_words::comply_plan(c, lang));
    let surcharges = compliance
        .surcharges
        .iter()
        .map(|s| comply_words::surcharge(s, lang));
    for text in constraint.chain(surcharges) {
        line(&mut out, &format!("  {text}"));
    }
    line(&mut out, "");
    line(&mut out, PlanWords::EachAlone.tr(lang));
    scope_block(&mut out, &results.site, Some(&plan.totals), lang);
    for sentence in crate::compose::summary::not_considered(&results.site, lang) {
        line(&mut out, &format!("  {sentence}"));
    }
    line(&mut out, "");
    line(&mut out, Words::Halls.tr(lang));
    for (h, hall) in results.halls.iter().enumerate() {
        line(&mut out, "");
        line(&mut out, &format!("## {}", hall.name));
        let hall_plan = plan.halls.get(h);
        if let Some(hall_plan) = hall_plan {
            hall_plan_lines(&mut out, results, h, hall_plan, lang);
        }
        scope_block(&mut out, hall, hall_plan.map(|p| &p.totals), lang);
        if let Some(plant) = results.plant.get(h) {
            plant_lines(&mut out, &plant.shown_in(hall), lang);
        }
    }
    line(&mut out, "");
    line(&mut out, Words::RackGroups.tr(lang));
    for (rack, choice) in results.racks.iter().zip(&plan.groups).take(RACK_LINES) {
        let option = match choice.option {
            Some(o) => words::option_name(o, lang).to_string(),
            None => Words::NothingFeasible.tr(lang).to_string(),
        };
        line(
            &mut out,
            &format!(
                "  {} ×{}: {option} — {}",
                rack.scope.name,
                coolplan_units::format::group_thousands(rack.count as f64, 0),
                plan_words::why(&choice.why, lang)
            ),
        );
    }
    if results.racks.len() > RACK_LINES {
        let more = results.racks.len() - RACK_LINES;
        line(
            &mut out,
            &format!("  {}", Words::MoreRackGroups.fmt(lang, &[&more])),
        );
    }
    out
}

/// The hall's calibration split and each liquid option's design day, one line each.
fn plant_lines(out: &mut String, plant: &HallPlant, lang: Lang) {
    if let Some(c) = &plant.calibration {
        line(out, &format!("  {}", words::plant::calibration(c, lang)));
    }
    for (option, day) in CoolingOption::ALL.iter().zip(&plant.design_day) {
        if let Some(day) = day {
            let text = words::plant::design_day(*option, day, lang, UnitSystem::Si);
            line(out, &format!("  {text}"));
        }
    }
}

/// The plan's money and PUE in one sentence (a plan that keeps every group on air invests
/// nothing).
pub fn plan_figures(totals: &PlanTotals, lang: Lang) -> String {
    let nothing = totals.capex.amount == 0.0 && totals.npv_vs_air.amount == 0.0;
    if nothing && totals.simple_payback_years.is_none() {
        return PlanWords::NothingToInvest.tr(lang).to_string();
    }
    let up_front = totals
        .capex_by_year
        .first()
        .copied()
        .unwrap_or(Money::new(0.0, totals.capex.currency));
    PlanWords::Figures.fmt(
        lang,
        &[
            &words::money(totals.capex, lang),
            &words::money(up_front, lang),
            &words::money(totals.opex_per_year, lang),
            &words::money(totals.npv_vs_air, lang),
            &words::years(totals.simple_payback_years, lang),
            &words::years(totals.discounted_payback_years, lang),
            &format!("{:.2}", totals.pue_air),
            &format!("{:.2}", totals.pue),
        ],
    )
}

/// A hall's plan in a line: what it gives each option, and how it was found.
pub(crate) fn hall_plan_headline(
    results: &Results,
    h: usize,
    hall: &HallPlan,
    lang: Lang,
) -> String {
    let in_hall: Vec<usize> = (0..results.racks.len())
        .filter(|&g| results.racks[g].hall == h)
        .collect();
    let sub = coolplan_engine::Plan {
        groups: in_hall.iter().map(|&g| results.plan.groups[g]).collect(),
        halls: Vec::new(),
        uniform: hall.uniform,
        totals: hall.totals.clone(),
    };
    let racks_of = |i: usize| in_hall.get(i).map_or(0, |&g| results.racks[g].count);
    PlanWords::HallPlan.fmt(
        lang,
        &[
            &plan_words::headline(&sub, racks_of, lang),
            &plan_words::search_method(hall.method, lang),
        ],
    )
}

/// A hall's limits under its plan, then its CDUs, one line each.
pub(crate) fn hall_plan_details(hall: &HallPlan, lang: Lang) -> Vec<String> {
    let mut lines = Vec::new();
    if !hall.within_limits {
        lines.push(PlanWords::OverLimits.tr(lang).to_string());
    }
    lines.extend(hall.limits.iter().map(|limit| {
        let key = if limit.binds {
            PlanWords::LimitBinds
        } else {
            PlanWords::LimitLine
        };
        key.fmt(
            lang,
            &[
                &plan_words::limit_name(limit.limit, lang),
                &plan_words::amount(limit.used, UnitSystem::Si),
                &plan_words::amount(limit.capacity, UnitSystem::Si),
            ],
        )
    }));
    lines.extend(hall.cdus.iter().map(|cdus| {
        let d = &cdus.design;
        let unit = format!(
            "{} {}",
            words::cdu_size_name(&d.size, lang),
            coolplan_units::format::quantity_trimmed::<PowerUnit>(d.capacity, UnitSystem::Si)
        );
        PlanWords::CduLine.fmt(
            lang,
            &[
                &words::option_name(cdus.option, lang),
                &count(d.units()),
                &unit,
                &count(d.loaded_units()),
                &count(d.spares),
            ],
        )
    }));
    lines.extend(
        hall.works
            .iter()
            .map(|w| plan_words::work_line(w, lang, UnitSystem::Si)),
    );
    lines
}

/// A hall's plan: its headline and search, its figures, its limits, its CDUs and its enabling
/// works (each with why, energy and the groups that need and wait for it).
fn hall_plan_lines(out: &mut String, results: &Results, h: usize, hall: &HallPlan, lang: Lang) {
    line(out, &hall_plan_headline(results, h, hall, lang));
    line(out, &format!("  {}", plan_figures(&hall.totals, lang)));
    let details = hall_plan_details(hall, lang);
    // the works' lines come last; each is printed below with what it leaves out
    let before_works = details.len() - hall.works.len();
    for text in &details[..before_works] {
        line(out, &format!("  {text}"));
    }
    for work in &hall.works {
        line(
            out,
            &format!("  {}", plan_words::work_line(work, lang, UnitSystem::Si)),
        );
        let names = coolplan_words::results::works::names_of(results);
        for text in coolplan_words::results::works::context(work, &names, lang, UnitSystem::Si) {
            line(out, &format!("    {text}"));
        }
    }
}

fn count(n: u64) -> String {
    coolplan_units::format::group_thousands(n as f64, 0)
}

fn line(out: &mut String, text: &str) {
    // Writing to a String cannot fail.
    let _ = writeln!(out, "{text}");
}

fn recommended_name(scope: &ScopeResult, lang: Lang) -> String {
    match scope.recommendation.option {
        Some(option) => words::option_name(option, lang).to_string(),
        None => Words::NothingFeasible.tr(lang).to_string(),
    }
}

fn reason_option(scope: &ScopeResult, reason: &coolplan_engine::Reason) -> Option<CoolingOption> {
    scope
        .options
        .iter()
        .find(|o| o.infeasible_reasons.contains(reason))
        .map(|o| o.option)
}

/// The options table of one scope with the plan's row, and its best single option with reasons.
fn scope_block(out: &mut String, scope: &ScopeResult, plan: Option<&PlanTotals>, lang: Lang) {
    let header = [
        Words::Option.tr(lang).to_string(),
        Words::Feasible.tr(lang).to_string(),
        Words::ItDesign.tr(lang).to_string(),
        Words::Pue.tr(lang).to_string(),
        Words::Capex.tr(lang).to_string(),
        Words::OpexPerYear.tr(lang).to_string(),
        Words::NpvVsAir.tr(lang).to_string(),
        Words::PaybackLabel.tr(lang).to_string(),
        Words::Irr.tr(lang).to_string(),
    ];
    let mut rows = vec![header];
    for option in scope.shown() {
        let cost = &option.cost;
        let is_air = option.option == CoolingOption::Air;
        let dash = || "—".to_string();
        rows.push([
            words::option_name(option.option, lang).to_string(),
            words::yes_no(option.feasible, lang).to_string(),
            words::short_number(option.thermal.it_design.get::<uom::si::power::kilowatt>()),
            format!("{:.2}", option.energy.pue),
            words::money(cost.capex, lang),
            words::money(cost.opex_per_year, lang),
            if is_air {
                dash()
            } else {
                words::money(cost.npv_vs_air, lang)
            },
            if is_air {
                dash()
            } else {
                words::years(cost.simple_payback_years, lang)
            },
            if is_air {
                dash()
            } else {
                words::percent(cost.irr, lang)
            },
        ]);
    }
    if let Some(p) = plan {
        // a plan that keeps every group on air has no payback or IRR, as the air row
        let invests = p.capex.amount != 0.0 || p.npv_vs_air.amount != 0.0;
        let or_dash = |text: String| if invests { text } else { "—".to_string() };
        rows.push([
            PlanWords::PlanRow.tr(lang).to_string(),
            words::yes_no(true, lang).to_string(),
            "—".to_string(),
            format!("{:.2}", p.pue),
            words::money(p.capex, lang),
            words::money(p.opex_per_year, lang),
            words::money(p.npv_vs_air, lang),
            or_dash(words::years(p.simple_payback_years, lang)),
            or_dash(words::percent(p.irr, lang)),
        ]);
    }
    for row in aligned(&rows) {
        line(out, &format!("  {row}"));
    }
    line(
        out,
        &PlanWords::BestSingle.fmt(lang, &[&recommended_name(scope, lang)]),
    );
    for reason in &scope.recommendation.reasons {
        let text = words::reason(reason, reason_option(scope, reason), lang, UnitSystem::Si);
        line(out, &format!("  - {text}"));
    }
}

/// Rows padded to common column widths.
fn aligned<const N: usize>(rows: &[[String; N]]) -> Vec<String> {
    let mut widths = [0usize; N];
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(display_width(cell));
        }
    }
    rows.iter()
        .map(|row| {
            let mut text = String::new();
            for (i, cell) in row.iter().enumerate() {
                text.push_str(cell);
                if i + 1 < N {
                    let pad = widths[i] - display_width(cell) + 2;
                    text.push_str(&" ".repeat(pad));
                }
            }
            text.trim_end().to_string()
        })
        .collect()
}

/// Terminal columns of `text`: East Asian wide characters take two.
pub fn display_width(text: &str) -> usize {
    text.chars()
        .map(|c| {
            let wide = matches!(c as u32,
                0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF
                | 0x4E00..=0x9FFF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F
                | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6);
            if wide { 2 } else { 1 }
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_characters_take_two_columns() {
        assert_eq!(display_width("风冷"), 4);
        assert_eq!(display_width("CDU"), 3);
        assert_eq!(display_width("832 亿元"), 8);
    }
}
