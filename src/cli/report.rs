//! `coolplan report <site.ron> [-o <file>] [--format …] [--paper a4|letter] [--date YYYY-MM-DD]
//! [--detail summary|standard|full] [--author …] [--revision …] [--no-bom]`: evaluates a site
//! and writes its report. The format comes from `--format`, else from the output file's
//! extension; without `-o` the report goes to stdout (text by default).
//!
//! Owns: reading the site file (through [`coolplan_io`]), the report date (`--date`, else the
//! file's `report_date`, else undated — never the clock), author and revision (the flags,
//! else the file's `report_author`/`report_revision`), writing the bytes.

use coolplan_words::Say;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use super::terminal::err;
use super::{Outcome, print_error, print_error_because};
use coolplan_io::climate::{WeatherFolders, resolve_in};
use coolplan_io::load::{load_bytes, read_file};
use coolplan_report::compose::{Detail, ReportInput, sha256_hex};
use coolplan_report::export::{Format, export};
use coolplan_report::layout::Paper;
use coolplan_words::cli::Cli;
use coolplan_words::report::Rep;
use coolplan_words::{Lang, Text};

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// Site file (.ron).
    pub site: PathBuf,
    /// Output file; the format follows its extension unless --format is given. Default: stdout.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// pdf, html, csv, md, json or text; eed-json or eed-csv for the EU reporting fields of
    /// Delegated Regulation (EU) 2024/1364 for one year (docs/eed.md).
    #[arg(long, value_parser = parse_format)]
    pub format: Option<Format>,
    /// Paper size of the PDF: a4 or letter.
    #[arg(long, default_value = "a4", value_parser = parse_paper)]
    pub paper: Paper,
    /// Date printed on the report (YYYY-MM-DD); default: the site file's report_date, else none.
    #[arg(long)]
    pub date: Option<String>,
    /// How much the PDF, HTML and Markdown list: summary (≤ 20 pages for any site, rack groups
    /// aggregated by hall and model), standard (default) or full (every rack group).
    #[arg(long, default_value = "standard", value_parser = parse_detail)]
    pub detail: Detail,
    /// Author in the document control; default: the site file's report_author.
    #[arg(long)]
    pub author: Option<String>,
    /// Revision in the document control, e.g. B; default: the site file's report_revision.
    #[arg(long)]
    pub revision: Option<String>,
    /// Write the CSV report without the UTF-8 byte-order mark (which Excel needs for Chinese).
    #[arg(long)]
    pub no_bom: bool,
    /// A folder of EPW weather files, looked in when the site's EPW file is not in its folder.
    #[arg(long, value_name = "DIR")]
    pub weather_dir: Option<PathBuf>,
    /// The calendar year the eed-json / eed-csv export covers (a plan year); default: the
    /// study's first year.
    #[arg(long, value_name = "YYYY")]
    pub year: Option<u16>,
}

fn parse_detail(text: &str) -> Result<Detail, super::BadArgument> {
    Detail::from_code(text).ok_or_else(|| super::parse_error(Cli::UnknownDetail, text))
}

fn parse_format(text: &str) -> Result<Format, super::BadArgument> {
    Format::from_code(text).ok_or_else(|| super::parse_error(Cli::UnknownReportFormat, text))
}

fn parse_paper(text: &str) -> Result<Paper, super::BadArgument> {
    Paper::from_code(text).ok_or_else(|| super::parse_error(Cli::UnknownPaper, text))
}

/// True for `YYYY-MM-DD` with a plausible month and day.
pub fn is_iso_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let number = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    match parts.as_slice() {
        [y, m, d] => {
            number(y, 4).is_some()
                && number(m, 2).is_some_and(|m| (1..=12).contains(&m))
                && number(d, 2).is_some_and(|d| (1..=31).contains(&d))
        }
        _ => false,
    }
}

pub fn run(args: &ReportArgs, lang: Lang) -> Outcome {
    let format = match (args.format, &args.output) {
        (Some(format), _) => format,
        (None, None) => Format::Text,
        (None, Some(path)) => match Format::from_path(path) {
            Some(format) => format,
            None => {
                err!("{}", Rep::CliUnknownFormat.fmt(lang, &[&path.display()]));
                return Outcome::Invalid;
            }
        },
    };
    if format == Format::Pdf && !cfg!(feature = "pdf") {
        err!("{}", Cli::NoPdfInBuild.tr(lang));
        return Outcome::Invalid;
    }
    let origin = args.site.display().to_string();
    let bytes = match read_file(&args.site) {
        Ok(bytes) => bytes,
        Err(e) => {
            print_error(lang, &e.say(lang));
            return Outcome::Unreadable;
        }
    };
    let site = match load_bytes(&bytes, &origin) {
        Ok(loaded) => loaded.site,
        Err(e) => return super::load_failed(&e, lang),
    };
    let assumptions = site.assumptions.resolve(site.currency);
    if let Err(mismatch) = coolplan_engine::cost::check_currency(&assumptions, site.currency) {
        err!(
            "{}: {origin}: {}",
            coolplan_words::cli::Cli::Error.tr(lang),
            mismatch.say(lang)
        );
        return Outcome::Invalid;
    }
    let date = args.date.clone().or_else(|| site.report_date.clone());
    if let Some(date) = date.as_deref().filter(|d| !is_iso_date(d)) {
        err!("{}", Rep::CliBadDate.fmt(lang, &[&date]));
        return Outcome::Invalid;
    }
    let folders = WeatherFolders {
        site: args.site.parent(),
        extra: args.weather_dir.as_deref(),
    };
    let climate = match resolve_in(&site, folders) {
        Ok(climate) => climate,
        Err(e) => {
            let headline = Rep::CliClimateFailed.fmt(lang, &[&origin]);
            print_error_because(lang, &headline, &e.say(lang));
            return Outcome::Invalid;
        }
    };
    let results = coolplan_engine::evaluate(&site, &climate);
    let catalog = site.catalog();
    let hash = sha256_hex(&bytes);
    let author = args.author.clone().or_else(|| site.report_author.clone());
    let revision = args
        .revision
        .clone()
        .or_else(|| site.report_revision.clone());
    let input = ReportInput {
        site: &site,
        results: &results,
        catalog: &catalog,
        climate: Some(&climate),
        lang,
        date: date.as_deref(),
        input_sha256: &hash,
        detail: args.detail,
        author: author.as_deref(),
        revision: revision.as_deref(),
        csv_bom: !args.no_bom,
        eed_year: args.year,
    };
    let report = match export(&input, format, args.paper) {
        Ok(report) => report,
        Err(e) => {
            print_error_because(
                lang,
                &Rep::CliExportFailed.fmt(lang, &[&origin]),
                &e.say(lang),
            );
            return Outcome::Invalid;
        }
    };
    write(&report, format, args.output.as_deref(), &origin, lang)
}

/// Writes the report to `output` whole (temporary file renamed over it: a full disk or a
/// crash never leaves a truncated report in place of a good old one), or to stdout.
fn write(
    report: &[u8],
    format: Format,
    output: Option<&Path>,
    origin: &str,
    lang: Lang,
) -> Outcome {
    let Some(path) = output else {
        let mut stdout = std::io::stdout().lock();
        // A terminal gets no control characters from the site's text; a pipe gets the bytes.
        let _ = if format != Format::Pdf && stdout.is_terminal() {
            let text = String::from_utf8_lossy(report);
            stdout.write_all(super::terminal::clean(&text).as_bytes())
        } else {
            stdout.write_all(report)
        };
        // A closed pipe (e.g. `| head`) is not an error of the report.
        return Outcome::Ok;
    };
    match coolplan_io::save::write_whole(path, report) {
        Ok(()) => {
            err!(
                "{}",
                Rep::CliWroteData.fmt(lang, &[&origin, &path.display(), &report.len()])
            );
            Outcome::Ok
        }
        Err(e) => super::save_failed(&e, lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_must_be_iso() {
        assert!(is_iso_date("2026-11-28"));
        for bad in [
            "2026-13-01",
            "26-11-28",
            "2026/11/28",
            "undated",
            "2026-11-28T10:00",
        ] {
            assert!(!is_iso_date(bad), "{bad}");
        }
    }
}
