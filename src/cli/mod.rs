//! The headless command line. One [`Command`] enum lists every subcommand; each lives in its
//! own file (`check.rs`, `fmt.rs`, later `report.rs`, `generate.rs`, …) and returns an
//! [`Outcome`]; [`Outcome::exit_code`] is the one place outcomes become exit codes.
//!
//! Owns: argument parsing (clap), the output language, printing. Never touches: the engine's
//! arithmetic; files only through [`crate::io`].

mod check;
mod fmt;
mod generate;
mod report;

use std::ffi::OsString;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

use crate::i18n::cli::Cli;
use crate::i18n::{Lang, Text};

/// coolplan: plan liquid-cooling retrofits (cold plate, immersion) of datacenter halls.
#[derive(Debug, Parser)]
#[command(name = "coolplan", version, about, long_about = None)]
pub struct Args {
    /// Language of messages: en or zh (default: from LC_ALL / LC_MESSAGES / LANG).
    #[arg(long, global = true, value_parser = parse_lang)]
    pub lang: Option<Lang>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Every subcommand. Add yours here and in a file of its own.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check site files: print every error and warning (exit 0 valid, 1 invalid, 2 unreadable).
    Check(check::CheckArgs),
    /// Rewrite site files in canonical form, atomically (keeps <name>.ron.bak).
    Fmt(fmt::FmtArgs),
    /// Write a deterministic synthetic site (benchmarks, demos): --racks N --seed S -o FILE.
    Generate(generate::GenerateArgs),
    /// Evaluate a site and print the report: `--format json` (docs/report-json.md) or text.
    Report(report::ReportArgs),
}

/// How a command ended; the worst outcome over all files wins.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    /// Everything valid (warnings allowed). Exit 0.
    Ok,
    /// Some input was read but is invalid or not as required. Exit 1.
    Invalid,
    /// Some input could not be read (missing, not a file, I/O error, not UTF-8). Exit 2.
    Unreadable,
}

impl Outcome {
    /// The process exit code of an outcome: the only mapping in coolplan.
    pub fn exit_code(self) -> u8 {
        match self {
            Outcome::Ok => 0,
            Outcome::Invalid => 1,
            Outcome::Unreadable => 2,
        }
    }
}

fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::from_code(text).ok_or_else(|| format!("unknown language `{text}`: use en or zh"))
}

/// The language from the environment: the first set of LC_ALL, LC_MESSAGES, LANG (POSIX order).
pub fn lang_from_env() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty())
        .map_or(Lang::En, |value| Lang::from_locale(&value))
}

/// Runs the CLI with the process arguments.
pub fn main() -> ExitCode {
    ExitCode::from(run(std::env::args_os()).exit_code())
}

/// Runs the CLI with `args` (the first is the program name).
pub fn run(args: impl IntoIterator<Item = OsString>) -> Outcome {
    let args = match Args::try_parse_from(args) {
        Ok(args) => args,
        Err(e) => {
            // clap prints help/version to stdout (success) and usage errors to stderr.
            let _ = e.print();
            return if e.use_stderr() {
                Outcome::Unreadable
            } else {
                Outcome::Ok
            };
        }
    };
    let lang = args.lang.unwrap_or_else(lang_from_env);
    match args.command {
        Some(Command::Check(a)) => check::run(&a, lang),
        Some(Command::Fmt(a)) => fmt::run(&a, lang),
        Some(Command::Generate(a)) => generate::run(&a, lang),
        Some(Command::Report(a)) => report::run(&a, lang),
        None => {
            // The GUI opens here once it exists; until then, help.
            let _ = Args::command().print_help();
            Outcome::Ok
        }
    }
}

/// Prints an error and its chain of causes to stderr, in `lang`.
pub fn print_error_chain(lang: Lang, headline: &str, error: &dyn std::error::Error) {
    eprintln!("{}: {headline}", Cli::Error.tr(lang));
    let mut source = error.source();
    while let Some(cause) = source {
        eprintln!("  {}: {cause}", Cli::CausedBy.tr(lang));
        source = cause.source();
    }
}
