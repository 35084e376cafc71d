//! `coolplan report <site.ron> --format json|text`: load the site, resolve its climate, run the
//! engine and print the report to stdout (errors to stderr, with their chain).

use std::io::Write;
use std::path::PathBuf;

use super::{Outcome, print_error_chain};
use crate::i18n::cli::Cli;
use crate::i18n::{Lang, Text};
use crate::io::{LoadError, load_site};
use crate::report::{json, text};

/// What the report is written as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    Text,
}

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// Site file (.ron).
    pub file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
}

pub fn run(args: &ReportArgs, lang: Lang) -> Outcome {
    let origin = args.file.display().to_string();
    let loaded = match load_site(&args.file) {
        Ok(loaded) => loaded,
        Err(e @ LoadError::Invalid { .. }) => {
            eprintln!("{}", e.render(lang));
            return Outcome::Invalid;
        }
        Err(e) => {
            print_error_chain(lang, &e.render(lang), &e);
            return if e.is_unreadable() {
                Outcome::Unreadable
            } else {
                Outcome::Invalid
            };
        }
    };
    let site = loaded.site;
    let assumptions = site.assumptions.resolve(site.currency);
    if let Err(mismatch) = crate::engine::cost::check_currency(&assumptions, site.currency) {
        eprintln!("{}: {origin}: {mismatch}", Cli::Error.tr(lang));
        return Outcome::Invalid;
    }
    let base_dir = args.file.parent();
    let climate = match crate::io::climate::resolve(&site, base_dir) {
        Ok(climate) => climate,
        Err(e) => {
            print_error_chain(lang, &format!("{origin}: {e}"), &e);
            return Outcome::Invalid;
        }
    };
    let results = crate::engine::evaluate(&site, &climate);
    let output = match args.format {
        Format::Json => json::to_json(&site.name, &results, lang),
        Format::Text => text::to_text(&site.name, &results, lang),
    };
    // A closed pipe (e.g. `| head`) is not an error of the report.
    let _ = writeln!(std::io::stdout().lock(), "{output}");
    Outcome::Ok
}
