//! The text summary (`coolplan report <site.ron> --format text`): site totals per option,
//! the recommendation with its reasons, the mixed plan, each hall, and each rack group's choice.
//! Every label comes from `coolplan_words`; columns are aligned by display width (CJK = 2).

use std::fmt::Write;

use coolplan_engine::{CoolingOption, HallPlant, Results, ScopeResult};
use coolplan_units::format::UnitSystem;
use coolplan_words::results as words;
use coolplan_words::results::Words;
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
    line(&mut out, Words::SiteTotals.tr(lang));
    scope_block(&mut out, &results.site, lang);
    let mixed = &results.mixed_plan;
    line(
        &mut out,
        &Words::MixedPlan.fmt(
            lang,
            &[
                &words::money(mixed.capex, lang),
                &words::money(mixed.npv_vs_air, lang),
                &format!("{:.2}", mixed.pue),
            ],
        ),
    );
    line(&mut out, "");
    line(&mut out, Words::Halls.tr(lang));
    for (index, hall) in results.halls.iter().enumerate() {
        line(&mut out, "");
        line(&mut out, &format!("## {}", hall.name));
        scope_block(&mut out, hall, lang);
        if let Some(plant) = results.plant.get(index) {
            plant_lines(&mut out, plant, lang);
        }
    }
    line(&mut out, "");
    line(&mut out, Words::RackGroups.tr(lang));
    for rack in results.racks.iter().take(RACK_LINES) {
        let choice = recommended_name(&rack.scope, lang);
        let first = rack
            .scope
            .recommendation
            .reasons
            .first()
            .map(|r| words::reason(r, reason_option(&rack.scope, r), lang, UnitSystem::Si))
            .unwrap_or_default();
        line(
            &mut out,
            &format!(
                "  {} ×{}: {choice} — {first}",
                rack.scope.name,
                coolplan_units::format::group_thousands(rack.count as f64, 0)
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

/// The options table of one scope, its recommendation and reasons.
fn scope_block(out: &mut String, scope: &ScopeResult, lang: Lang) {
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
    for option in &scope.options {
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
    for row in aligned(&rows) {
        line(out, &format!("  {row}"));
    }
    line(
        out,
        &Words::Recommended.fmt(lang, &[&recommended_name(scope, lang)]),
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
