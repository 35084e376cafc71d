//! The headless command line. One [`Command`] enum lists every subcommand; each lives in its
//! own file (`check.rs`, `fmt.rs`, later `report.rs`, `generate.rs`, …) and returns an
//! [`Outcome`]; [`Outcome::exit_code`] is the one place outcomes become exit codes.
//!
//! Owns: argument parsing (clap), the output language, printing. Never touches: the engine's
//! arithmetic; files only through [`coolplan_io`].

pub mod analyze;
mod catalog;
mod check;
mod export;
mod fmt;
mod generate;
mod import;
mod report;
mod terminal;

use terminal::err;

use std::ffi::OsString;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use coolplan_words::cli::Cli;
use coolplan_words::{Lang, Text};

/// coolplan: plan cooling retrofits (rear doors, cold plate, immersion) of datacenter halls.
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
    /// Open a site file in the desktop app (`coolplan <file.ron>` does the same).
    Open { file: std::path::PathBuf },
    /// Import a CSV (NetBox, openDCIM, spreadsheet with --map, inventory, measured power) into a
    /// site: preview, then apply in one step (exit 0 applied or previewed, 1 refused, 2 unreadable).
    Import(import::ImportArgs),
    /// Export a site's racks as inventory CSV that `coolplan import` reads back.
    Export(export::ExportArgs),
    /// Write a deterministic synthetic site (benchmarks, demos): --racks N --seed S -o FILE.
    Generate(generate::GenerateArgs),
    /// Evaluate a site and write its report: PDF, HTML, CSV, Markdown, JSON (docs/report-json.md)
    /// or text; the format follows -o's extension or --format.
    Report(report::ReportArgs),
    /// Tornado, Monte Carlo, phased plan under a budget and CDU N+1 check of a site.
    Analyze(analyze::AnalyzeArgs),
    /// The server catalog: list, show a model with its sources, import or export catalog CSV.
    Catalog(catalog::CatalogArgs),
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

fn parse_lang(text: &str) -> Result<Lang, BadArgument> {
    Lang::from_code(text).ok_or_else(|| parse_error(Cli::UnknownLang, text))
}

thread_local! {
    /// The language of argument errors, known before clap parses (from `--lang` or the locale).
    static PARSE_LANG: std::cell::Cell<Lang> = const { std::cell::Cell::new(Lang::En) };
}

/// An argument value clap rejected: the message (in both languages) and the value as given.
#[derive(Debug)]
pub(crate) struct BadArgument {
    /// The message's template per language, `{0}` standing for the value.
    templates: [&'static str; 2],
    value: String,
}

/// clap prints an argument error through `Display`: in the language of this run.
impl std::fmt::Display for BadArgument {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        let template = match PARSE_LANG.with(|l| l.get()) {
            Lang::En => self.templates[0],
            Lang::Zh => self.templates[1],
        };
        f.write_str(&coolplan_words::fill(template, &[&self.value]))
    }
}

impl std::error::Error for BadArgument {}

pub(crate) fn parse_error<T: Text>(text: T, value: &str) -> BadArgument {
    BadArgument {
        templates: [text.tr(Lang::En), text.tr(Lang::Zh)],
        value: value.to_string(),
    }
}

/// The language from the environment: the first set of LC_ALL, LC_MESSAGES, LANG (POSIX order).
pub fn lang_from_env() -> Lang {
    Lang::from_locale_vars(|name| std::env::var(name).ok())
}

/// Runs the CLI with the process arguments.
pub fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    // No arguments, `open <file>` or a bare `<file.ron>`: the desktop app.
    match args.as_slice() {
        [_] => return open_gui(None, lang_from_env()),
        [_, file] if file.to_string_lossy().ends_with(".ron") => {
            return open_gui(Some(file.into()), lang_from_env());
        }
        _ => {}
    }
    ExitCode::from(run(args).exit_code())
}

/// Opens the desktop app on `file` (the bundled example when `None`) until its window closes.
#[cfg(feature = "gui")]
fn open_gui(file: Option<std::path::PathBuf>, _lang: Lang) -> ExitCode {
    // The app reads its language from the locale and its stored settings.
    coolplan_app::run(coolplan_app::Launch { file })
}

/// Built without the `gui` feature: one line naming the headless commands, exit code 2.
#[cfg(not(feature = "gui"))]
fn open_gui(_file: Option<std::path::PathBuf>, lang: Lang) -> ExitCode {
    err!("{}", Cli::NoGuiInBuild.tr(lang));
    ExitCode::from(2)
}

/// Runs the CLI with `args` (the first is the program name).
pub fn run(args: impl IntoIterator<Item = OsString>) -> Outcome {
    let args: Vec<OsString> = args.into_iter().collect();
    let lang = lang_in_args(&args).unwrap_or_else(lang_from_env);
    PARSE_LANG.with(|l| l.set(lang));
    let parsed = localized_command(lang)
        .try_get_matches_from(&args)
        .and_then(|matches| Args::from_arg_matches(&matches));
    let args = match parsed {
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
    let lang = args.lang.unwrap_or(lang);
    match args.command {
        Some(Command::Check(a)) => check::run(&a, lang),
        Some(Command::Fmt(a)) => fmt::run(&a, lang),
        Some(Command::Open { file }) => {
            let code = open_gui(Some(file), lang);
            if code == ExitCode::SUCCESS {
                Outcome::Ok
            } else {
                Outcome::Unreadable
            }
        }
        Some(Command::Import(a)) => import::run(&a, lang),
        Some(Command::Export(a)) => export::run(&a, lang),
        Some(Command::Generate(a)) => generate::run(&a, lang),
        Some(Command::Report(a)) => report::run(&a, lang),
        Some(Command::Analyze(a)) => analyze::run(&a, lang),
        Some(Command::Catalog(a)) => catalog::run(&a, lang),
        None => {
            // Reached only through `run` with no subcommand (`main` opens the GUI).
            let _ = localized_command(lang).print_help();
            Outcome::Ok
        }
    }
}

/// The clap command with its help texts in `lang` (each subcommand localizes its own).
fn localized_command(lang: Lang) -> clap::Command {
    Args::command()
        .about(Cli::HelpAbout.tr(lang))
        .mut_arg("lang", |a| a.help(Cli::HelpLang.tr(lang)))
        .mut_subcommand("check", |c| check::localize(c, lang))
        .mut_subcommand("fmt", |c| fmt::localize(c, lang))
        .mut_subcommand("analyze", |c| analyze::localize(c, lang))
        .mut_subcommand("catalog", |c| catalog::localize(c, lang))
}

/// `--lang xx` or `--lang=xx` among the raw arguments (help is printed before parsing ends).
fn lang_in_args(args: &[OsString]) -> Option<Lang> {
    let texts: Vec<&str> = args.iter().filter_map(|a| a.to_str()).collect();
    texts
        .iter()
        .enumerate()
        .find_map(|(i, arg)| match arg.strip_prefix("--lang") {
            Some("") => texts.get(i + 1).and_then(|v| Lang::from_code(v)),
            Some(rest) => rest.strip_prefix('=').and_then(Lang::from_code),
            None => None,
        })
}

/// Prints an error to stderr, in `lang`.
pub fn print_error(lang: Lang, message: &str) {
    err!("{}: {message}", Cli::Error.tr(lang));
}

/// Prints `headline` and the cause, both worded.
pub fn print_error_because(lang: Lang, headline: &str, cause: &str) {
    err!("{}: {headline}", Cli::Error.tr(lang));
    err!("  {}: {cause}", Cli::CausedBy.tr(lang));
}

/// Removes temporary files an interrupted save of `path` left beside it (a writer about to
/// start on a file calls it; a live writer's files are kept) and says how many.
pub(crate) fn clean_stray_temps(path: &std::path::Path, lang: Lang) {
    let removed = coolplan_io::save::clean_stray_temps(path);
    if removed > 0 {
        err!(
            "{}",
            coolplan_words::files::Files::StrayTemps.fmt(lang, &[&path.display(), &removed])
        );
    }
}

/// Prints why a save failed; the outcome is `Invalid` when the save was refused (the file
/// changed, is read-only, would be too large) and `Unreadable` when the system failed it.
pub(crate) fn save_failed(error: &coolplan_io::SaveError, lang: Lang) -> Outcome {
    use coolplan_io::SaveError;
    use coolplan_words::Say;
    print_error(lang, &error.say(lang));
    match error {
        SaveError::ChangedOnDisk { .. }
        | SaveError::ReadOnly { .. }
        | SaveError::TooLarge { .. }
        | SaveError::Locked { .. } => Outcome::Invalid,
        _ => Outcome::Unreadable,
    }
}

/// Prints why a site could not be loaded, every problem of an invalid one included (stderr);
/// `Unreadable` when the file could not be read, `Invalid` when it was read and is wrong.
pub(crate) fn load_failed(e: &coolplan_io::LoadError, lang: Lang) -> Outcome {
    use coolplan_words::Say;
    if e.is_unreadable() {
        print_error(lang, &e.say(lang));
        return Outcome::Unreadable;
    }
    err!("{}", e.say(lang));
    if let coolplan_io::LoadError::Invalid { problems, .. } = e {
        for problem in problems {
            err!("  {}", problem.say(lang));
        }
    }
    Outcome::Invalid
}
