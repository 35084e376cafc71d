//! Warnings, the assumptions appendix (every input with value, unit and provenance, the models
//! used and every source of their figures) and the method notes.

use super::{Detail, ReportInput, section};
use crate::document::{Block, Column, Row, Table};
use coolplan_climate::ClimateData;
use coolplan_model::ClimateSource;
use coolplan_model::assumptions::Provenance;
use coolplan_units::format::group_thousands;
use coolplan_units::{LengthUnit, MassUnit, PowerUnit};
use coolplan_words::catalog::{Cat, tag_name};
use coolplan_words::fields::{group_label, label_with_key};
use coolplan_words::results::{assumption_value, units_as_written};
use coolplan_words::{Lang, Text, report::Rep};

/// Where a value came from; a default's source is described in Chinese for Chinese readers
/// (titles and tags kept), `key` being the assumption key when there is one.
fn provenance(p: &Provenance, key: Option<&str>, lang: Lang) -> String {
    match p {
        Provenance::Default { source } => {
            let described = match lang {
                Lang::Zh => key.and_then(coolplan_words::sources::source_zh),
                Lang::En => None,
            };
            Rep::ProvDefault.fmt(lang, &[&described.unwrap_or(source)])
        }
        Provenance::Catalog => Rep::ProvCatalog.tr(lang).to_string(),
        Provenance::SiteFile => Rep::ProvSiteFile.tr(lang).to_string(),
        Provenance::Measured => Rep::ProvMeasured.tr(lang).to_string(),
    }
}

pub(super) fn appendix(input: &ReportInput, blocks: &mut Vec<Block>) {
    assumptions(input, blocks);
    method(input, blocks);
    glossary(input, blocks);
}

/// The weather's name for the reader: in Chinese, a preset's source described in Chinese
/// (its station and period), a file's name kept with a Chinese description.
pub(super) fn climate_name(input: &ReportInput, climate: &ClimateData) -> String {
    let lang = input.lang;
    if lang == Lang::En {
        return climate.name.clone();
    }
    match &input.site.location.climate {
        ClimateSource::Preset(key) => match key.as_str() {
            "beijing" => Rep::ClimBeijing,
            "shanghai" => Rep::ClimShanghai,
            "hong-kong" => Rep::ClimHongKong,
            "zhangjiakou" => Rep::ClimZhangjiakou,
            "singapore" => Rep::ClimSingapore,
            _ => return climate.name.clone(),
        }
        .tr(lang)
        .to_string(),
        ClimateSource::Monthly(normals) => {
            Rep::ClimMonthly.fmt(lang, &[&input.site.location.name, &normals.source])
        }
        ClimateSource::Epw(file) => Rep::ClimEpw.fmt(lang, &[&input.site.location.name, file]),
    }
}

fn assumptions(input: &ReportInput, blocks: &mut Vec<Block>) {
    let lang = input.lang;
    blocks.push(section(Rep::Assumptions.tr(lang)));
    blocks.push(Block::Paragraph(Rep::AssumptionsIntro.tr(lang).to_string()));
    if let Some(climate) = input.climate {
        blocks.push(Block::Paragraph(
            Rep::ClimateUsed.fmt(lang, &[&climate_name(input, climate)]),
        ));
    }
    // A summary keeps its page budget: it lists the inputs the site sets, and counts the
    // defaults the standard report lists.
    let entries = input.site.assumptions.entries(input.site.currency);
    let total = entries.len();
    let listed: Vec<_> = entries
        .into_iter()
        .filter(|e| {
            input.detail != Detail::Summary || !matches!(e.provenance, Provenance::Default { .. })
        })
        .collect();
    let defaults_left_out = total - listed.len();
    let rows = listed
        .into_iter()
        .map(|e| {
            Row::new(vec![
                group_label(e.key.group().name(), lang).to_string(),
                label_with_key(e.key.group().name(), e.key.name(), lang),
                units_as_written(&assumption_value(&e, lang), lang),
                units_as_written(&provenance(&e.provenance, Some(e.key.name()), lang), lang),
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
    if defaults_left_out > 0 {
        blocks.push(Block::Paragraph(
            Rep::AssumptionsDefaultsInSummary.fmt(lang, &[&defaults_left_out]),
        ));
    }
    blocks.push(section(Rep::CatalogModels.tr(lang)));
    blocks.push(Block::Table(models_table(input)));
    blocks.push(section(Cat::SourcesHeading.tr(lang)));
    if input.detail == Detail::Summary {
        // A summary keeps its page budget: the sources stay one command away.
        blocks.push(Block::Paragraph(Cat::SourcesInSummary.tr(lang).to_string()));
        return;
    }
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
                // A Chinese report describes each kind of source in Chinese; the title, date,
                // address and note stay as the source wrote them.
                match lang {
                    Lang::En => format!("[{}]", source.tag.code()),
                    Lang::Zh => format!("[{}] {}", source.tag.code(), tag_name(source.tag, lang)),
                },
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
                prov.map_or_else(String::new, |p| provenance(p, None, lang)),
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

fn method(input: &ReportInput, blocks: &mut Vec<Block>) {
    let lang = input.lang;
    blocks.push(section(Rep::Method.tr(lang)));
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

/// The terms a reader meets in this report, defined once.
fn glossary(input: &ReportInput, blocks: &mut Vec<Block>) {
    let lang = input.lang;
    blocks.push(section(Rep::Glossary.tr(lang)));
    let terms = [
        (Rep::GlossPueTerm, Rep::GlossPue),
        (Rep::GlossTueTerm, Rep::GlossTue),
        (Rep::GlossWueTerm, Rep::GlossWue),
        (Rep::GlossCueTerm, Rep::GlossCue),
        (Rep::GlossCduTerm, Rep::GlossCdu),
        (Rep::GlossWTerm, Rep::GlossW),
        (Rep::GlossNpvTerm, Rep::GlossNpv),
        (Rep::GlossIrrTerm, Rep::GlossIrr),
        (Rep::GlossPaybackTerm, Rep::GlossPayback),
        (Rep::GlossCapexTerm, Rep::GlossCapex),
        (Rep::GlossTcoTerm, Rep::GlossTco),
        (Rep::GlossN1Term, Rep::GlossN1),
        (Rep::GlossFreeTerm, Rep::GlossFree),
        (Rep::GlossPlanTerm, Rep::GlossPlan),
    ];
    blocks.push(Block::Table(Table {
        columns: vec![
            Column::left(Rep::ColTerm.tr(lang)),
            Column::left(Rep::ColMeaning.tr(lang)),
        ],
        rows: terms
            .iter()
            .map(|(term, meaning)| {
                Row::new(vec![
                    term.tr(lang).to_string(),
                    meaning.tr(lang).to_string(),
                ])
            })
            .collect(),
    }));
}
