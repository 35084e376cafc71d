//! Results → [`Document`]: what the report says, in the report's language, with every number
//! already formatted. Pure: the date and the input's hash come in as arguments.
//!
//! Owns: the report's content and order (cover, executive summary, comparison, charts, halls,
//! bill of quantities, floor checks, elevations, sensitivity, compliance and KPIs, warnings, assumptions, method). Never
//! touches: layout, fonts, files, the clock, the engine's arithmetic.

mod appendix;
mod charts;
mod compliance;
mod equipment;
pub mod format;
mod halls;
pub mod reasons;
mod sensitivity;
mod summary;

use sha2::{Digest, Sha256};

use super::document::{Block, Cover, Document};
use coolplan_climate::ClimateData;
use coolplan_engine::Results;
use coolplan_model::{Catalog, CostMode, Site};
use coolplan_words::{Lang, Text, report::Rep};

/// Everything a report is built from.
pub struct ReportInput<'a> {
    pub site: &'a Site,
    pub results: &'a Results,
    pub catalog: &'a Catalog,
    /// The weather the energy model ran on (named in the appendix), when known.
    pub climate: Option<&'a ClimateData>,
    pub lang: Lang,
    /// ISO date printed on the report (`--date` or the file's `report_date`); `None`: undated.
    pub date: Option<&'a str>,
    /// Lower-case hex SHA-256 of the site file's bytes ([`sha256_hex`]).
    pub input_sha256: &'a str,
}

/// Lower-case hex SHA-256 of `bytes`: traces a report to the exact file it came from.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A chapter writer: appends its blocks.
type Chapter = fn(&ReportInput, &mut Vec<Block>);

/// Builds the whole report.
pub fn compose(input: &ReportInput) -> Document {
    let lang = input.lang;
    let mut blocks = vec![Block::Cover(cover(input))];
    // Chapters, each with whether it starts a new page in print.
    let chapters: [(Chapter, bool); 12] = [
        (summary::summary, false),
        (summary::comparison, false),
        (charts::charts, true),
        (halls::halls, true),
        (equipment::bill_of_quantities, true),
        (equipment::floor_checks, false),
        (equipment::elevations, true),
        (sensitivity::sensitivity, true),
        (compliance::compliance_and_kpis, true),
        (appendix::warnings, false),
        (appendix::assumptions, true),
        (appendix::method, false),
    ];
    for (chapter, new_page) in chapters {
        if new_page {
            blocks.push(Block::PageBreak);
        }
        chapter(input, &mut blocks);
    }
    Document {
        title: format!("{} — {}", Rep::Title.tr(lang), input.site.name),
        running_header: format!("{} · {}", input.site.name, Rep::Title.tr(lang)),
        language: match lang {
            Lang::En => "en".into(),
            Lang::Zh => "zh-CN".into(),
        },
        date: input.date.map(str::to_string),
        page_label: Rep::PageOf.tr(lang).to_string(),
        blocks,
    }
}

/// A level-1 heading.
pub(crate) fn chapter(text: Rep, lang: Lang) -> Block {
    chapter_text(text.tr(lang))
}

/// A level-1 heading of a text from another table.
pub(crate) fn chapter_text(text: &str) -> Block {
    Block::Heading {
        level: 1,
        text: text.to_string(),
    }
}

fn cover(input: &ReportInput) -> Cover {
    let (site, results, lang) = (input.site, input.results, input.lang);
    let date = input
        .date
        .map_or_else(|| Rep::Undated.tr(lang).to_string(), str::to_string);
    let cost_mode = match site.cost_mode {
        CostMode::PerKw => Rep::CostModePerKw,
        CostMode::Itemised => Rep::CostModeItemised,
    };
    let scope = Rep::CoverScopeValue.fmt(
        lang,
        &[
            &site.halls.len(),
            &site.rack_group_count(),
            &format::count(site.rack_count()),
        ],
    );
    let horizon = Rep::CoverHorizonValue.fmt(
        lang,
        &[
            &results.horizon_years,
            &results.first_year,
            &coolplan_units::format::group_thousands(results.discount_rate * 100.0, 1),
        ],
    );
    let mut lines = vec![
        (Rep::CoverSite.tr(lang).to_string(), site.name.clone()),
        (
            Rep::CoverLocation.tr(lang).to_string(),
            site.location.name.clone(),
        ),
    ];
    if let Some(climate) = input.climate {
        lines.push((Rep::CoverClimate.tr(lang).to_string(), climate.name.clone()));
    }
    lines.extend([
        (Rep::CoverScope.tr(lang).to_string(), scope),
        (
            Rep::CoverCostMode.tr(lang).to_string(),
            cost_mode.tr(lang).to_string(),
        ),
        (
            Rep::CoverCurrency.tr(lang).to_string(),
            results.currency.code().to_string(),
        ),
        (Rep::CoverHorizon.tr(lang).to_string(), horizon),
        (Rep::CoverDate.tr(lang).to_string(), date),
        (
            Rep::CoverTool.tr(lang).to_string(),
            format!("coolplan {}", env!("CARGO_PKG_VERSION")),
        ),
        (
            Rep::CoverHash.tr(lang).to_string(),
            input.input_sha256.to_string(),
        ),
    ]);
    Cover {
        title: Rep::Title.tr(lang).to_string(),
        subtitle: site.name.clone(),
        lines,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_is_the_sha256_of_the_bytes() {
        // SHA-256("abc"), FIPS 180-2 appendix B.1.
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
