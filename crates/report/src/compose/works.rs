//! The enabling works the plan buys (`docs/method.md` §5.1): a section of the "Plan and
//! schedule" chapter with a table of every work and, per work, why it is needed, its size,
//! CAPEX, energy effect, lead time, in-service year and the rack groups that need and wait for
//! it; and the works' table in the bill of quantities. Nothing when the plan buys none.

use super::{ReportInput, section, subsection};
use crate::document::{Block, Column, Row, Table};
use coolplan_units::PowerUnit;
use coolplan_units::format::{UnitSystem, quantity_trimmed as quantity};
use coolplan_words::Text;
use coolplan_words::results::money;
use coolplan_words::results::plan::work_name;
use coolplan_words::results::works::{self as words, WorkWords};

/// The plan chapter's "Enabling works" section.
pub(super) fn section_of_plan(input: &ReportInput, blocks: &mut Vec<Block>) {
    let (results, lang) = (input.results, input.lang);
    if words::of_plan(results).next().is_none() {
        return;
    }
    blocks.push(section(WorkWords::Heading.tr(lang)));
    let first_year = input
        .site
        .assumptions
        .resolve(input.site.currency)
        .finance
        .first_year;
    blocks.push(Block::Paragraph(WorkWords::Intro.fmt(lang, &[&first_year])));
    blocks.push(Block::Table(table(input)));
    for (h, work) in words::of_plan(results) {
        let hall = results.halls.get(h).map_or("", |s| s.name.as_str());
        blocks.push(subsection(format!(
            "{hall} — {}",
            work_name(work.work, lang)
        )));
        let names = words::names_of(results);
        blocks.push(Block::Bullets(words::facts(
            work,
            &names,
            lang,
            UnitSystem::Si,
        )));
    }
}

/// The bill of quantities' works: the same table, when the plan buys any.
pub(super) fn quantities(input: &ReportInput, blocks: &mut Vec<Block>) {
    if words::of_plan(input.results).next().is_none() {
        return;
    }
    blocks.push(section(WorkWords::Heading.tr(input.lang)));
    blocks.push(Block::Table(table(input)));
}

/// One row per work: hall, work, size, CAPEX, lead time, needed from, in service, groups
/// waiting.
fn table(input: &ReportInput) -> Table {
    let (results, lang) = (input.results, input.lang);
    let rows = words::of_plan(results)
        .map(|(h, w)| {
            let hall = results.halls.get(h).map_or("", |s| s.name.as_str());
            Row::new(vec![
                hall.to_string(),
                work_name(w.work, lang).to_string(),
                quantity::<PowerUnit>(w.size, UnitSystem::Si),
                money(w.capex, lang),
                words::lead_weeks(w),
                w.needed_from.to_string(),
                w.in_service.to_string(),
                if w.waiting.is_empty() {
                    "—".to_string()
                } else {
                    words::group_names(&words::names_of(results), &w.waiting, lang)
                },
            ])
        })
        .collect();
    Table {
        columns: vec![
            Column::left(WorkWords::ColHall.tr(lang)),
            Column::left(WorkWords::ColWork.tr(lang)),
            Column::right(WorkWords::ColSize.tr(lang)),
            Column::right(WorkWords::ColCapex.tr(lang)),
            Column::right(WorkWords::ColLead.tr(lang)),
            Column::right(WorkWords::ColNeeded.tr(lang)),
            Column::right(WorkWords::ColInService.tr(lang)),
            Column::left(WorkWords::ColWaiting.tr(lang)),
        ],
        rows,
    }
}
