//! The catalog as text for the terminal: a table of models (`list`) and one model with its
//! figures, aliases and sources (`show`), labels in the reader's language, source titles as
//! published.

use std::io::Write;

use crate::cli::terminal;

use coolplan_model::assumptions::Provenance;
use coolplan_model::assumptions::describe::plain_number;
use coolplan_model::{Catalog, ServerModel};
use coolplan_units::{LengthUnit, PowerUnit};
use coolplan_words::catalog::{
    Cat, kind_name, options_text, service_life_text, tag_codes, tag_name,
};
use coolplan_words::fields::{CATALOG, field_label};
use coolplan_words::{Lang, Text};

/// Prints the models as an aligned table, cleaned for the terminal (a site's own models are
/// user text; a closed pipe ends the printing quietly).
pub fn print_list(catalog: &Catalog, models: &[&ServerModel], lang: Lang) {
    let mut text = Vec::new();
    let _ = write_list(&mut text, catalog, models, lang);
    terminal::print_clean(&String::from_utf8_lossy(&text));
}

fn write_list(
    out: &mut impl Write,
    catalog: &Catalog,
    models: &[&ServerModel],
    lang: Lang,
) -> std::io::Result<()> {
    let head = [
        Cat::ColId,
        Cat::ColVendor,
        Cat::ColKind,
        Cat::ColHeight,
        Cat::ColMaxKw,
        Cat::ColCapture,
        Cat::ColOptions,
        Cat::ColSources,
    ];
    let mut rows: Vec<Vec<String>> = vec![head.iter().map(|h| h.tr(lang).to_string()).collect()];
    for m in models {
        let mut tags = tag_codes(&m.source_tags());
        if catalog.provenance(&m.id) == Some(&Provenance::SiteFile) {
            tags = format!("{} {tags}", Cat::OriginSite.tr(lang));
        }
        rows.push(vec![
            m.id.clone(),
            m.vendor.clone(),
            kind_name(m.kind, lang).to_string(),
            plain_number(m.height.in_unit(LengthUnit::U)),
            plain_number(m.max_power.in_unit(PowerUnit::kW)),
            percent(m.cold_plate_capture),
            options_text(m.cold_plate, m.immersion, lang),
            tags,
        ]);
    }
    let columns = head.len();
    let width = |i: usize| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns - 1).map(width).collect();
    for row in &rows {
        let mut line = String::new();
        for (cell, &w) in row.iter().zip(&widths) {
            terminal::push_padded(&mut line, cell, w + 2);
        }
        line.push_str(&row[columns - 1]);
        writeln!(out, "{}", line.trim_end())?;
    }
    writeln!(out, "{}", Cat::ModelsListed.fmt(lang, &[&models.len()]))
}

/// Prints one model: its figures with their labels, aliases, notes and every source.
pub fn print_model(catalog: &Catalog, model: &ServerModel, lang: Lang) {
    let mut text = Vec::new();
    let _ = write_model(&mut text, catalog, model, lang);
    terminal::print_clean(&String::from_utf8_lossy(&text));
}

fn write_model(
    out: &mut impl Write,
    catalog: &Catalog,
    m: &ServerModel,
    lang: Lang,
) -> std::io::Result<()> {
    use coolplan_model::assumptions::Describe;
    let label = |key: &'static str| field_label(CATALOG, key, lang);
    let origin = match catalog.provenance(&m.id) {
        Some(Provenance::SiteFile) => Cat::OriginSite,
        _ => Cat::OriginShipped,
    };
    writeln!(out, "{}  {}", m.id, m.name)?;
    let money = |list: &[coolplan_units::Money]| {
        list.iter()
            .map(|m| format!("{} {}", m.currency.code(), plain_number(m.amount)))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let lines = [
        (label("vendor"), m.vendor.clone()),
        (label("kind"), kind_name(m.kind, lang).to_string()),
        (label("height"), m.height.describe()),
        (label("max_power"), m.max_power.describe()),
        (label("utilisation"), percent(m.utilisation)),
        (label("fan_share"), percent(m.fan_share)),
        (label("cold_plate_capture"), percent(m.cold_plate_capture)),
        (
            Cat::ColOptions.tr(lang),
            options_text(m.cold_plate, m.immersion, lang),
        ),
        (label("kit_cost"), money(&m.kit_cost)),
        (label("factory_premium"), money(&m.factory_premium)),
        (label("weight"), m.weight.describe()),
        (label("service_life"), service_life_text(m, lang)),
        (Cat::Aliases.tr(lang), m.aliases.join("; ")),
        (label("notes"), m.notes.clone()),
        (Cat::ColOrigin.tr(lang), origin.tr(lang).to_string()),
    ];
    for (name, value) in lines.iter().filter(|(_, v)| !v.is_empty()) {
        writeln!(out, "  {name}: {value}")?;
    }
    writeln!(out, "  {}:", label("sources"))?;
    if m.sources.is_empty() {
        writeln!(out, "    {}", Cat::NoSources.tr(lang))?;
    }
    for s in &m.sources {
        writeln!(
            out,
            "    [{}] {} ({}) — {}",
            s.tag.code(),
            s.title,
            s.date,
            tag_name(s.tag, lang)
        )?;
        for extra in [&s.url, &s.note] {
            if !extra.is_empty() {
                writeln!(out, "         {extra}")?;
            }
        }
    }
    Ok(())
}

/// `35 %`.
fn percent(share: f64) -> String {
    format!("{} %", plain_number(share * 100.0))
}
