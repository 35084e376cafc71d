//! Results → [`Document`]: what the report says, in the report's language, with every number
//! already formatted. Pure: the date, author, revision and the input's hash come in as
//! arguments.
//!
//! Owns: the report's content and order — cover; executive summary; plan and schedule;
//! compliance and KPIs; options compared; halls; bill of quantities; drawings; risks;
//! sensitivity; appendix (inputs, method, glossary); document control — and how much of it
//! each [`Detail`] level lists. Never touches: layout, fonts, files, the clock, the engine's
//! arithmetic.
//!
//! The decision is the engine's recommended plan (`Results::plan`): the summary, plan, halls,
//! drawings, risks, KPIs and bill of quantities read it; the per-option results are reference
//! columns beside it. Each chapter is one function, so a richer engine result changes one
//! chapter without touching the others.

mod aggregate;
mod air_side;
mod appendix;
mod capacity;
mod charts;
mod compliance;
mod control;
mod drawings;
mod equipment;
pub mod format;
mod halls;
mod kpis;
mod lifecycle;
mod plan;
pub mod reasons;
mod risks;
mod sensitivity;
pub(crate) mod summary;
mod works;

use sha2::{Digest, Sha256};

use super::document::{Block, Cover, Document};
use coolplan_climate::ClimateData;
use coolplan_engine::Results;
use coolplan_model::{Catalog, CostMode, Site};
use coolplan_words::{Lang, Text, report::Rep};

/// How much a report lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Detail {
    /// Every chapter, rack groups aggregated by hall and model: at most 20 pages for any site.
    Summary,
    /// Every chapter; per-group tables for halls of at most [`GROUP_TABLE_LIMIT`] rack groups,
    /// larger halls aggregated by model.
    #[default]
    Standard,
    /// Every chapter and every rack group listed.
    Full,
}

/// Rack groups of a hall listed one per row at [`Detail::Standard`]; larger halls are
/// aggregated by hall and model (a 1,500-group hall would fill 100 pages).
pub const GROUP_TABLE_LIMIT: usize = 60;

impl Detail {
    /// From `--detail`: `summary`, `standard` or `full`.
    pub fn from_code(code: &str) -> Option<Detail> {
        match code.to_ascii_lowercase().as_str() {
            "summary" => Some(Detail::Summary),
            "standard" => Some(Detail::Standard),
            "full" => Some(Detail::Full),
            _ => None,
        }
    }
    /// Whether a hall of `groups` rack groups gets its per-group tables.
    pub fn lists_groups(self, groups: usize) -> bool {
        match self {
            Detail::Summary => false,
            Detail::Standard => groups <= GROUP_TABLE_LIMIT,
            Detail::Full => true,
        }
    }
}

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
    /// How much the report lists.
    pub detail: Detail,
    /// Author and revision for document control (`--author`/`--revision`, else the file's
    /// `report_author`/`report_revision`); `None` leaves the field blank to fill in by hand.
    pub author: Option<&'a str>,
    pub revision: Option<&'a str>,
    /// Start a CSV report with a UTF-8 byte-order mark (on by default; `--no-bom` drops it).
    pub csv_bom: bool,
    /// The calendar year of the EU reporting export (`--year`); `None`: the first plan year.
    pub eed_year: Option<u16>,
}

impl<'a> ReportInput<'a> {
    /// A standard report, undated and without author or revision (tests, benches).
    pub fn new(
        site: &'a Site,
        results: &'a Results,
        catalog: &'a Catalog,
        climate: Option<&'a ClimateData>,
        lang: Lang,
    ) -> ReportInput<'a> {
        ReportInput {
            site,
            results,
            catalog,
            climate,
            lang,
            date: None,
            input_sha256: "",
            detail: Detail::Standard,
            author: None,
            revision: None,
            csv_bom: true,
            eed_year: None,
        }
    }
}

/// Lower-case hex SHA-256 of `bytes`: traces a report to the exact file it came from.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A chapter writer: appends its blocks after its numbered heading.
type Chapter = fn(&ReportInput, &mut Vec<Block>);

/// The chapters in order: title and writer. Every chapter is always present.
fn chapters() -> [(Rep, Chapter); 11] {
    [
        (Rep::Summary, summary::summary),
        (Rep::PlanChapter, plan::plan),
        (Rep::KpiChapter, kpis::kpis),
        (Rep::Comparison, charts::options),
        (Rep::Halls, halls::halls),
        (Rep::Equipment, equipment::bill_of_quantities),
        (Rep::Drawings, drawings::drawings),
        (Rep::Risks, risks::risks),
        (Rep::SensitivityChapter, sensitivity::sensitivity),
        (Rep::Appendix, appendix::appendix),
        (Rep::Control, control::control),
    ]
}

/// Builds the whole report.
pub fn compose(input: &ReportInput) -> Document {
    let lang = input.lang;
    let mut blocks = vec![Block::Cover(cover(input))];
    for (number, (title, chapter)) in chapters().into_iter().enumerate() {
        // The executive summary stands alone: the plan starts on a fresh page.
        if number == 1 {
            blocks.push(Block::PageBreak);
        }
        blocks.push(Block::Heading {
            level: 1,
            text: format!("{} {}", number + 1, title.tr(lang)),
        });
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

/// A level-2 heading.
pub(crate) fn section(text: impl Into<String>) -> Block {
    Block::Heading {
        level: 2,
        text: text.into(),
    }
}

/// A level-3 heading.
pub(crate) fn subsection(text: impl Into<String>) -> Block {
    Block::Heading {
        level: 3,
        text: text.into(),
    }
}

/// List separator of `lang`: the Chinese enumeration comma, or ", ".
pub(crate) fn list_sep(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ", ",
        Lang::Zh => "、",
    }
}

/// Sentence separator of `lang` (Chinese sentences run on without a space).
pub(crate) fn sentence_sep(lang: Lang) -> &'static str {
    match lang {
        Lang::En => " ",
        Lang::Zh => "",
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
            &format::count(site.rack_group_count() as u64),
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
        lines.push((
            Rep::CoverClimate.tr(lang).to_string(),
            appendix::climate_name(input, climate),
        ));
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
            Rep::CoverRevision.tr(lang).to_string(),
            control::or_blank(input.revision, lang),
        ),
        (
            Rep::CoverAuthor.tr(lang).to_string(),
            control::or_blank(input.author, lang),
        ),
        (
            Rep::CoverDetail.tr(lang).to_string(),
            control::detail_name(input.detail, lang),
        ),
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

    #[test]
    fn detail_levels_list_groups_up_to_their_limit() {
        assert_eq!(Detail::from_code("Summary"), Some(Detail::Summary));
        assert_eq!(Detail::from_code("all"), None);
        assert!(!Detail::Summary.lists_groups(1));
        assert!(Detail::Standard.lists_groups(GROUP_TABLE_LIMIT));
        assert!(!Detail::Standard.lists_groups(GROUP_TABLE_LIMIT + 1));
        assert!(Detail::Full.lists_groups(100_000));
    }
}
