//! The year-by-year part of the "Compliance and KPIs" chapter: per scope (the site, and at
//! standard and full detail each hall) a table of the ISO/IEC 30134 KPIs per plan year; the
//! rules of the site's compliance profile with the first year each option and the plan
//! complies, the plan's verdicts year by year, the `comply_by` check and the source of every
//! rule; and the plan's verdict for the executive summary.
//!
//! Owns: the chapter's content. Never touches: KPI or verdict arithmetic
//! (`engine::kpi`, `engine::compliance`), layout, files.

use super::format::option_name;
use super::{Detail, ReportInput};
use crate::document::{Block, Column, Row, Table};
use coolplan_engine::compliance::{self, Column as Col, ComplianceResults, RuleCheck};
use coolplan_engine::kpi::{ScopeYears, YearFigures};
use coolplan_engine::{CoolingOption, PlanCompliance, ScopeResult};
use coolplan_model::compliance::{RuleBook, SiteStatus};
use coolplan_words::compliance::{self as words, Comp};
use coolplan_words::say::Say;
use coolplan_words::{Lang, Text};
use uom::si::mass_per_energy::kilogram_per_joule;

pub(super) fn by_year_and_rules(input: &ReportInput, blocks: &mut Vec<Block>) {
    let lang = input.lang;
    blocks.push(Block::Paragraph(Comp::KpiIntro.tr(lang).to_string()));
    let kpis = &input.results.kpis;
    // A summary keeps its page budget: the site's table only.
    let halls: &[ScopeYears] = if input.detail == Detail::Summary {
        &[]
    } else {
        &kpis.halls
    };
    let results = input.results;
    let scopes = (kpis.site.iter().zip([&results.site])).chain(halls.iter().zip(&results.halls));
    for (scope, result) in scopes {
        blocks.push(heading(Comp::KpiHeading.fmt(lang, &[&scope.name])));
        blocks.push(kpi_table(scope, result, lang));
    }
    blocks.push(heading(Comp::RulesHeading.tr(lang).to_string()));
    match compliance::check(input.site, input.results) {
        Ok(results) => rule_blocks(input, &results, blocks),
        Err(gap) => blocks.push(Block::Paragraph(gap.say(lang))),
    }
}

fn heading(text: String) -> Block {
    Block::Heading { level: 2, text }
}

fn column_name(column: Col, lang: Lang) -> String {
    match column {
        Col::Option(o) => option_name(o, lang).to_string(),
        Col::Plan => Comp::PlanColumn.tr(lang).to_string(),
    }
}

fn kpi_table(scope: &ScopeYears, result: &ScopeResult, lang: Lang) -> Block {
    let mut columns = vec![Column::left(Comp::Year.tr(lang))];
    for column in Col::shown(result) {
        let name = match column {
            Col::Plan => Comp::Plan.tr(lang).to_string(),
            Col::Option(o) => option_name(o, lang).to_string(),
        };
        columns.push(Column::right(Comp::PueOf.fmt(lang, &[&name])));
    }
    for key in [
        Comp::PpueCooling,
        Comp::Wue,
        Comp::Cue,
        Comp::Erf,
        Comp::Ref,
    ] {
        columns.push(Column::right(key.tr(lang)));
    }
    let rows = scope
        .plan
        .iter()
        .enumerate()
        .map(|(i, plan)| {
            let pue = |series: &[YearFigures]| {
                series
                    .get(i)
                    .map_or_else(|| "—".to_string(), |f| format!("{:.3}", f.kpis.pue))
            };
            let k = &plan.kpis;
            let mut cells = vec![plan.year.to_string()];
            if plan.it_energy.value <= 0.0 {
                // No IT load in the scope that year (servers not yet arrived): no ratio.
                cells.extend(std::iter::repeat_n("—".to_string(), columns.len() - 1));
                return Row::new(cells);
            }
            cells.extend(
                (scope.options.iter())
                    .zip(CoolingOption::ALL)
                    .filter(|(_, o)| result.option(*o).applies)
                    .map(|(s, _)| pue(s)),
            );
            cells.extend([
                pue(&scope.plan),
                format!("{:.2}", k.ppue_cooling),
                format!("{:.2}", k.wue.l_per_kwh()),
                format!("{:.3}", k.cue.get::<kilogram_per_joule>() * 3.6e6),
                format!("{:.1} %", k.erf * 100.0),
                format!("{:.1} %", k.ref_ * 100.0),
            ]);
            Row::new(cells)
        })
        .collect();
    Block::Table(Table { columns, rows })
}

fn rule_blocks(input: &ReportInput, results: &ComplianceResults, blocks: &mut Vec<Block>) {
    let lang = input.lang;
    let book = RuleBook::builtin();
    // Invariant: `check` returned Ok, so the site has a profile.
    let Some(profile) = input.site.compliance.as_ref() else {
        return;
    };
    let status = match profile.status {
        SiteStatus::Existing => Comp::Existing,
        SiteStatus::New => Comp::New,
    };
    blocks.push(Block::Paragraph(
        Comp::RulesIntro.fmt(lang, &[&profile.region, &status.tr(lang)]),
    ));
    let mut columns = vec![
        Column::left(Comp::Rule.tr(lang)),
        Column::left(Comp::Kind.tr(lang)),
        Column::left(Comp::Limit.tr(lang)),
    ];
    let site = &input.results.site;
    columns.extend(Col::shown(site).map(|c| Column::right(column_name(c, lang))));
    let rows = results
        .rules
        .iter()
        .map(|check| {
            let (set, rule) = results.rule_of(book, check);
            let mut cells = vec![
                format!("{} {}", title(set, lang), rule.clause),
                words::kind(rule.kind, lang).to_string(),
                words::limit(rule.metric, rule.limit, lang),
            ];
            cells.extend(Col::shown(site).map(|c| words::first_year_cell(check, c, lang)));
            Row::new(cells)
        })
        .collect();
    blocks.push(Block::Table(Table { columns, rows }));
    plan_years(results, blocks, lang);
    blocks.push(Block::Bullets(column_lines(
        results,
        &input.results.compliance,
        site,
        lang,
        None,
    )));
    blocks.push(heading(Comp::SourcesHeading.tr(lang).to_string()));
    // One line per rule set, with the clauses of its applicable rules.
    let mut sources: Vec<String> = Vec::new();
    let mut last_set = None;
    for check in &results.rules {
        let (set, rule) = results.rule_of(book, check);
        if last_set == Some(check.set) {
            if let Some(line) = sources.last_mut() {
                line.push_str(&format!("; {} ({:?})", rule.clause, rule.verified));
            }
            continue;
        }
        last_set = Some(check.set);
        sources.push(Comp::SourceLine.fmt(
            lang,
            &[
                &title(set, lang),
                &set.source.doc_id,
                &set.source.issuer,
                &set.version,
                &set.source.url,
                &rule.clause,
                &format!("{:?}", rule.verified),
            ],
        ));
    }
    blocks.push(Block::Bullets(sources));
}

fn title(set: &coolplan_model::compliance::RuleSet, lang: Lang) -> &str {
    match lang {
        Lang::En => &set.title_en,
        Lang::Zh => &set.title_zh,
    }
}

/// The plan's verdicts per year for every rule with a threshold.
fn plan_years(results: &ComplianceResults, blocks: &mut Vec<Block>, lang: Lang) {
    let book = RuleBook::builtin();
    let limited: Vec<&RuleCheck> = results
        .rules
        .iter()
        .filter(|c| results.rule_of(book, c).1.limit.threshold().is_some())
        .collect();
    if limited.is_empty() || results.years.is_empty() {
        return;
    }
    blocks.push(heading(Comp::PlanYearsHeading.tr(lang).to_string()));
    let mut columns = vec![Column::left(Comp::Year.tr(lang))];
    columns.extend(limited.iter().map(|c| {
        let rule = results.rule_of(book, c).1;
        Column::right(format!(
            "{} ({})",
            words::limit(rule.metric, rule.limit, lang),
            rule.clause
        ))
    }));
    let rows = results
        .years
        .iter()
        .enumerate()
        .map(|(i, year)| {
            let mut cells = vec![year.to_string()];
            cells.extend(limited.iter().map(|c| {
                let metric = results.rule_of(book, c).1.metric;
                c.column(Col::Plan)
                    .and_then(|p| p.years.get(i))
                    .map_or_else(|| "—".into(), |v| words::verdict(metric, *v, lang))
            }));
            Row::new(cells)
        })
        .collect();
    blocks.push(Block::Table(Table { columns, rows }));
}

/// The plan's verdict for the executive summary: from when it complies (or which binding rules
/// it fails) and its `comply_by` check; nothing when the site has no profile.
pub(super) fn plan_lines(input: &ReportInput) -> Vec<String> {
    match compliance::check(input.site, input.results) {
        Ok(results) => column_lines(
            &results,
            &input.results.compliance,
            &input.results.site,
            input.lang,
            Some(Col::Plan),
        ),
        Err(_) => Vec::new(),
    }
}

/// One line per column (or only the `only` column): from when it complies, what the plan's
/// `comply_by` constraint did and (for every column) the surcharges in the cash flows. Failing rules are named as the rule book titles them, with the clause.
fn column_lines(
    results: &ComplianceResults,
    constraint: &PlanCompliance,
    site: &ScopeResult,
    lang: Lang,
    only: Option<Col>,
) -> Vec<String> {
    let book = RuleBook::builtin();
    if !results.rules.iter().any(|r| r.binding) {
        return vec![Comp::NoBinding.tr(lang).to_string()];
    }
    let ids = |failing: &[usize]| {
        failing
            .iter()
            .map(|&i| {
                let (set, rule) = results.rule_of(book, &results.rules[i]);
                format!("{} {}", title(set, lang), rule.clause)
            })
            .collect::<Vec<_>>()
            .join(if lang == Lang::Zh { "；" } else { "; " })
    };
    let mut lines: Vec<String> = results
        .columns
        .iter()
        .filter(|c| only.is_none_or(|o| o == c.column))
        .filter(|c| Col::shown(site).any(|shown| shown == c.column))
        .map(|c| {
            let name = column_name(c.column, lang);
            match c.first_compliant_year {
                Some(year) => Comp::ColumnComplies.fmt(lang, &[&name, &year]),
                None => Comp::ColumnNever.fmt(lang, &[&name, &ids(&c.failing)]),
            }
        })
        .collect();
    if let Some(outcome) = &constraint.comply_by {
        lines.extend(words::comply_plan(outcome, lang));
    }
    if only.is_none() && !constraint.surcharges.is_empty() {
        lines.extend(
            constraint
                .surcharges
                .iter()
                .map(|s| words::surcharge(s, lang)),
        );
        lines.push(Comp::SurchargeEst.tr(lang).to_string());
    }
    lines
}
