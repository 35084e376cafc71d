//! The "Server life and refresh" section of the plan chapter: per hall, the servers of each
//! model with their install and retirement years and what replaces them
//! ([`coolplan_model::lifecycle::timeline`], the figures the cost engine prices).

use super::format as f;
use super::{ReportInput, section};
use crate::document::{Block, Column, Row, Table};
use coolplan_model::lifecycle::{TimelineRow, timeline};
use coolplan_words::lifecycle::{Life, replaced_by};
use coolplan_words::{Text, report::Rep};

/// The site's lifecycle rows for this report's study.
pub(crate) fn rows(input: &ReportInput) -> Vec<TimelineRow> {
    let results = input.results;
    timeline(
        input.site,
        input.catalog,
        results.first_year,
        results.horizon_years,
    )
}

/// A row of the table: one timeline row, or the rows of one server kind and generation
/// added up with the span of their years, per hall where the hall is too large to list its
/// groups ([`super::Detail::lists_groups`]) and over the whole site in a summary report.
struct Span {
    row: TimelineRow,
    /// The server kind's name when rows of a kind are added up.
    kind: Option<&'static str>,
    /// Every hall (a summary adds them up).
    all_halls: bool,
    installed: (u16, u16),
    retires: (u16, u16),
    /// Rows added up whose refresh differs.
    mixed_refresh: bool,
}

fn spans(input: &ReportInput) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let summary = input.detail == super::Detail::Summary;
    for row in rows(input) {
        let groups = input.site.halls.get(row.hall).map_or(0, |h| h.racks.len());
        if input.detail.lists_groups(groups) {
            out.push(Span::one(row, None, false));
            continue;
        }
        let kind = input
            .catalog
            .get(&row.model)
            .map(|m| coolplan_words::catalog::kind_name(m.kind, input.lang));
        let within = row.replaced_by.is_some();
        let same = out.iter_mut().find(|s| {
            s.kind.is_some()
                && s.kind == kind
                && (summary || s.row.hall == row.hall)
                && (s.row.stock, s.row.replacement) == (row.stock, row.replacement)
                && s.row.replaced_by.is_some() == within
        });
        match same {
            Some(span) => span.add(&row),
            None => out.push(Span::one(row, kind.or(Some("")), summary)),
        }
    }
    out
}

impl Span {
    fn one(row: TimelineRow, kind: Option<&'static str>, all_halls: bool) -> Span {
        Span {
            installed: (row.installed, row.installed),
            retires: (row.retires, row.retires),
            kind,
            all_halls,
            mixed_refresh: false,
            row,
        }
    }
    fn add(&mut self, row: &TimelineRow) {
        self.row.servers = self.row.servers.saturating_add(row.servers);
        self.row.installed_assumed |= row.installed_assumed;
        self.mixed_refresh |= self.row.replaced_by != row.replaced_by;
        self.installed = widen(self.installed, row.installed);
        self.retires = widen(self.retires, row.retires);
    }
}

fn widen((low, high): (u16, u16), year: u16) -> (u16, u16) {
    (low.min(year), high.max(year))
}

/// `2028`, or `2027–2031` for a span.
fn years((low, high): (u16, u16)) -> String {
    if low == high {
        low.to_string()
    } else {
        format!("{low}–{high}")
    }
}

pub(super) fn lifecycle(input: &ReportInput, blocks: &mut Vec<Block>) {
    let lang = input.lang;
    blocks.push(section(Life::Section.tr(lang)));
    blocks.push(Block::Paragraph(Life::Intro.tr(lang).to_string()));
    let name = |id: &str| {
        input
            .catalog
            .get(id)
            .map_or_else(|| id.to_string(), |m| m.name.clone())
    };
    let hall_name = |i: usize| input.site.halls.get(i).map_or("", |h| h.name.as_str());
    let rows = spans(input)
        .into_iter()
        .map(|span| {
            let installed = years(span.installed);
            let installed = if span.row.installed_assumed {
                Life::Assumed.fmt(lang, &[&installed])
            } else if span.row.replacement {
                Life::Refreshed.fmt(lang, &[&installed])
            } else {
                installed
            };
            let hall = if span.all_halls {
                Life::AllHalls.tr(lang).to_string()
            } else {
                hall_name(span.row.hall).to_string()
            };
            let refresh = if span.mixed_refresh {
                Life::Various.tr(lang).to_string()
            } else {
                replaced_by(span.row.replaced_by.as_ref(), name, lang)
            };
            Row::new(vec![
                hall,
                span.kind
                    .map_or_else(|| name(&span.row.model), str::to_string),
                f::count(span.row.servers),
                installed,
                years(span.retires),
                refresh,
            ])
        })
        .collect();
    blocks.push(Block::Table(Table {
        columns: vec![
            Column::left(Rep::ColHall.tr(lang)),
            Column::left(Life::ColModel.tr(lang)),
            Column::right(Life::ColCount.tr(lang)),
            Column::right(Life::ColInstalled.tr(lang)),
            Column::right(Life::ColRetires.tr(lang)),
            Column::left(Life::ColReplacedBy.tr(lang)),
        ],
        rows,
    }));
}
