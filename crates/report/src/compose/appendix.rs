//! Warnings, the assumptions appendix (every input with value, unit and provenance, the models
//! used and every source of their figures) and the method notes.

use super::format::option_name;
use super::reasons::reason;
use super::{ReportInput, chapter};
use crate::document::{Block, Column, Row, Table};
use coolplan_engine::ScopeResult;
use coolplan_model::assumptions::Provenance;
use coolplan_units::format::group_thousands;
use coolplan_units::{LengthUnit, MassUnit, PowerUnit};
use coolplan_words::catalog::Cat;
use coolplan_words::fields::{group_label, label_with_key};
use coolplan_words::results::{assumption_value, units_as_written};
use coolplan_words::{Lang, Text, report::Rep};

/// Scope names listed with a warning before the rest are counted.
const NAMES_PER_WARNING: usize = 4;

pub(super) fn warnings(input: &ReportInput, blocks: &mut Vec<Block>) {
    let lang = input.lang;
    blocks.push(chapter(Rep::Warnings, lang));
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
                .join(", ");
            if names.len() > NAMES_PER_WARNING {
                shown.push_str(&format!(" (+{})", names.len() - NAMES_PER_WARNING));
            }
            format!("{text} — {shown}")
        })
        .collect();
    blocks.push(Block::Bullets(lines));
}

fn scope_warnings(scope: &ScopeResult, lang: Lang) -> Vec<(String, &str)> {
    let colon = if lang == Lang::Zh { "：" } else { ": " };
    scope
        .options
        .iter()
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

fn provenance(p: &Provenance, lang: Lang) -> String {
    match p {
        Provenance::Default { source } => Rep::ProvDefault.fmt(lang, &[source]),
        Provenance::Catalog => Rep::ProvCatalog.tr(lang).to_string(),
        Provenance::SiteFile => Rep::ProvSiteFile.tr(lang).to_string(),
        Provenance::Measured => Rep::ProvMeasured.tr(lang).to_string(),
    }
}

pub(super) fn assumptions(input: &ReportInput, blocks: &mut Vec<Block>) {
    let lang = input.lang;
    blocks.push(chapter(Rep::Assumptions, lang));
    blocks.push(Block::Paragraph(Rep::AssumptionsIntro.tr(lang).to_string()));
    if let Some(climate) = input.climate {
        blocks.push(Block::Paragraph(
            Rep::ClimateUsed.fmt(lang, &[&climate.name]),
        ));
    }
    let rows = input
        .site
        .assumptions
        .entries(input.site.currency)
        .into_iter()
        .map(|e| {
            Row::new(vec![
                group_label(e.key.group().name(), lang).to_string(),
                label_with_key(e.key.group().name(), e.key.name(), lang),
                units_as_written(&assumption_value(&e, lang), lang),
                units_as_written(&provenance(&e.provenance, lang), lang),
            ])
        })
        .collect();
    blocks.push(Block::Table(Table {
        columns: vec![
            Column::left(Rep::ColGroup.tr(lang)),
            Column::left(Rep::ColKey.tr(lang)),
            Column::right(Rep::ColValue.tr(lang)),
            Column::left(Rep::ColProvenance.tr(lang)),
        ],
        rows,
    }));
    blocks.push(Block::Heading {
        level: 2,
        text: Rep::CatalogModels.tr(lang).to_string(),
    });
    blocks.push(Block::Table(models_table(input)));
    blocks.push(Block::Heading {
        level: 2,
        text: Cat::SourcesHeading.tr(lang).to_string(),
    });
    blocks.push(Block::Paragraph(Cat::SourcesIntro.tr(lang).to_string()));
    blocks.push(Block::Table(sources_table(input)));
}

/// Ids of the catalog models the site uses, in order of first use.
fn used_model_ids<'a>(input: &ReportInput<'a>) -> Vec<&'a str> {
    let mut ids: Vec<&str> = Vec::new();
    for group in input
        .site
        .halls
        .iter()
        .flat_map(|h| &h.racks)
        .flat_map(|r| &r.servers)
    {
        if !ids.contains(&group.model.as_str()) {
            ids.push(&group.model);
        }
    }
    ids
}

/// Every source of the models the site uses: model, tag, title as published, date, address
/// and note; a site model without sources gets one row saying it rests on the site file.
fn sources_table(input: &ReportInput) -> Table {
    let lang = input.lang;
    let mut rows = Vec::new();
    for model in used_model_ids(input)
        .into_iter()
        .filter_map(|id| input.catalog.get(id))
    {
        if model.sources.is_empty() {
            let site_file = Rep::ProvSiteFile.tr(lang).to_string();
            let empty = String::new;
            rows.push(Row::new(vec![
                model.id.clone(),
                empty(),
                site_file,
                empty(),
                empty(),
                empty(),
            ]));
        }
        for source in &model.sources {
            rows.push(Row::new(vec![
                model.id.clone(),
                format!("[{}]", source.tag.code()),
                source.title.clone(),
                source.date.clone(),
                source.url.clone(),
                source.note.clone(),
            ]));
        }
    }
    Table {
        columns: vec![
            Column::left(Cat::ColModel.tr(lang)),
            Column::left(Cat::ColTag.tr(lang)),
            Column::left(Cat::ColTitle.tr(lang)),
            Column::left(Cat::ColDate.tr(lang)),
            Column::left(Cat::ColUrl.tr(lang)),
            Column::left(Cat::ColNote.tr(lang)),
        ],
        rows,
    }
}

/// The catalog models the site uses, in order of first use, with their figures and source.
fn models_table(input: &ReportInput) -> Table {
    let lang = input.lang;
    let ids = used_model_ids(input);
    let percent = |v: f64| format!("{} %", group_thousands(v * 100.0, 0));
    let rows = ids
        .iter()
        .filter_map(|id| {
            input
                .catalog
                .get(id)
                .map(|m| (m, input.catalog.provenance(id)))
        })
        .map(|(m, prov)| {
            Row::new(vec![
                format!("{} ({})", m.name, m.id),
                coolplan_units::format::quantity_in(m.max_power.get(), PowerUnit::kW),
                percent(m.utilisation),
                percent(m.fan_share),
                percent(m.cold_plate_capture),
                coolplan_units::format::quantity_in(m.height.get(), LengthUnit::U),
                coolplan_units::format::quantity_in(m.weight.get(), MassUnit::kg),
                prov.map_or_else(String::new, |p| provenance(p, lang)),
            ])
        })
        .collect();
    Table {
        columns: vec![
            Column::left(Rep::ColModel.tr(lang)),
            Column::right(Rep::ColMaxPower.tr(lang)),
            Column::right(Rep::ColUtilisation.tr(lang)),
            Column::right(Rep::ColFanShare.tr(lang)),
            Column::right(Rep::ColCapture.tr(lang)),
            Column::right(Rep::ColHeight.tr(lang)),
            Column::right(Rep::ColWeight.tr(lang)),
            Column::left(Rep::ColProvenance.tr(lang)),
        ],
        rows,
    }
}

pub(super) fn method(input: &ReportInput, blocks: &mut Vec<Block>) {
    let lang = input.lang;
    blocks.push(chapter(Rep::Method, lang));
    for text in [
        Rep::MethodText1,
        Rep::MethodText2,
        Rep::MethodText3,
        Rep::MethodText4,
        Rep::MethodText5,
    ] {
        blocks.push(Block::Paragraph(text.tr(lang).to_string()));
    }
}
