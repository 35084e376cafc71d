//! The "Document control" chapter: what this document is (title, site, revision, date,
//! author, tool, the input's SHA-256, detail level), the disclaimer, and fields to sign.
//!
//! Author and revision come from `--author`/`--revision` or the site file's
//! `report_author`/`report_revision`; a missing one is a blank line to fill in by hand.

use super::{Detail, ReportInput};
use crate::document::{Block, Column, Row, Table};
use coolplan_words::{Lang, Text, report::Rep};

/// A blank to fill in by hand.
const BLANK: &str = "____________________";

/// `value`, or a blank line to write on.
pub(super) fn or_blank(value: Option<&str>, _lang: Lang) -> String {
    value
        .filter(|v| !v.trim().is_empty())
        .map_or_else(|| BLANK.to_string(), str::to_string)
}

/// The detail level's name in `lang`.
pub(super) fn detail_name(detail: Detail, lang: Lang) -> String {
    match detail {
        Detail::Summary => Rep::DetailSummary,
        Detail::Standard => Rep::DetailStandard,
        Detail::Full => Rep::DetailFull,
    }
    .tr(lang)
    .to_string()
}

pub(super) fn control(input: &ReportInput, blocks: &mut Vec<Block>) {
    let lang = input.lang;
    let line = |label: Rep, value: String| Row::new(vec![label.tr(lang).to_string(), value]);
    let rows = vec![
        line(Rep::CoverTitle, Rep::Title.tr(lang).to_string()),
        line(Rep::CoverSite, input.site.name.clone()),
        line(Rep::CoverRevision, or_blank(input.revision, lang)),
        line(
            Rep::CoverDate,
            input
                .date
                .map_or_else(|| Rep::Undated.tr(lang).to_string(), str::to_string),
        ),
        line(Rep::CoverAuthor, or_blank(input.author, lang)),
        line(Rep::CoverDetail, detail_name(input.detail, lang)),
        line(
            Rep::CoverTool,
            format!("coolplan {}", env!("CARGO_PKG_VERSION")),
        ),
        line(Rep::CoverHash, input.input_sha256.to_string()),
    ];
    blocks.push(Block::Table(Table {
        columns: vec![
            Column::left(Rep::ColField.tr(lang)),
            Column::left(Rep::ColValue.tr(lang)),
        ],
        rows,
    }));
    blocks.push(Block::Paragraph(Rep::Disclaimer.tr(lang).to_string()));
    let sign = |role: Rep, name: String| {
        Row::new(vec![
            role.tr(lang).to_string(),
            name,
            BLANK.to_string(),
            BLANK.to_string(),
        ])
    };
    blocks.push(Block::Table(Table {
        columns: vec![
            Column::left(Rep::ColRole.tr(lang)),
            Column::left(Rep::ColName.tr(lang)),
            Column::left(Rep::ColSignature.tr(lang)),
            Column::left(Rep::CoverDate.tr(lang)),
        ],
        rows: vec![
            sign(Rep::SignPrepared, or_blank(input.author, lang)),
            sign(Rep::SignChecked, BLANK.to_string()),
            sign(Rep::SignApproved, BLANK.to_string()),
        ],
    }));
}
