//! `coolplan check <files>...`: load each file and print every problem.

use coolplan_words::Say;
use std::path::{Path, PathBuf};

use super::terminal::out;
use super::{Outcome, print_error};
use coolplan_io::climate::{WeatherFolders, resolve_in};
use coolplan_io::{LoadError, Problem, load_site};
use coolplan_words::cli::Cli;
use coolplan_words::validation::Val;
use coolplan_words::{Lang, Text};

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Site files (.ron).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// A folder of EPW weather files, looked in when a site's EPW file is not in its folder.
    #[arg(long, value_name = "DIR")]
    pub weather_dir: Option<PathBuf>,
}

/// Help texts of `check` in `lang`.
pub fn localize(command: clap::Command, lang: Lang) -> clap::Command {
    command
        .about(Cli::HelpCheck.tr(lang))
        .mut_arg("files", |a| a.help(Cli::HelpFiles.tr(lang)))
        .mut_arg("weather_dir", |a| a.help(Cli::HelpWeatherDir.tr(lang)))
}

pub fn run(args: &CheckArgs, lang: Lang) -> Outcome {
    let mut worst = Outcome::Ok;
    let mut counts = [0usize; 3];
    for path in &args.files {
        let outcome = check_one(path, args.weather_dir.as_deref(), lang);
        counts[outcome as usize] += 1;
        worst = worst.max(outcome);
    }
    if args.files.len() > 1 {
        out!(
            "{}",
            Cli::Summary.fmt(
                lang,
                &[&args.files.len(), &counts[0], &counts[1], &counts[2]]
            )
        );
    }
    worst
}

fn check_one(path: &Path, weather_dir: Option<&Path>, lang: Lang) -> Outcome {
    let origin = path.display().to_string();
    match load_site(path) {
        Ok(loaded) => {
            let folders = WeatherFolders {
                site: path.parent(),
                extra: weather_dir,
            };
            // A site is usable only with its climate: a bad EPW file fails here, with its
            // line and column, as it would in `report` and `analyze`.
            if let Err(e) = resolve_in(&loaded.site, folders) {
                out!("{}", Cli::ClimateFailed.fmt(lang, &[&origin, &e.say(lang)]));
                return Outcome::Invalid;
            }
            if let Some(from) = loaded.migrated_from {
                out!(
                    "{}",
                    Val::Migrated.fmt(lang, &[&origin, &from, &coolplan_model::SCHEMA_VERSION])
                );
            }
            if loaded.warnings.is_empty() {
                out!("{}", Cli::FileOk.fmt(lang, &[&origin]));
            } else {
                out!(
                    "{}",
                    Cli::FileOkWarnings.fmt(lang, &[&origin, &loaded.warnings.len()])
                );
                print_problems(&loaded.warnings, lang);
            }
            Outcome::Ok
        }
        Err(e @ LoadError::Invalid { .. }) => {
            out!("{}", e.say(lang));
            if let LoadError::Invalid { problems, .. } = &e {
                print_problems(problems, lang);
            }
            Outcome::Invalid
        }
        Err(e) if e.is_unreadable() => {
            print_error(lang, &e.say(lang));
            Outcome::Unreadable
        }
        Err(e) => {
            out!("{}: {}", Cli::Error.tr(lang), e.say(lang));
            Outcome::Invalid
        }
    }
}

fn print_problems(problems: &[Problem], lang: Lang) {
    for problem in problems {
        let label = if problem.is_error() {
            Cli::Error
        } else {
            Cli::Warning
        };
        out!("  {}: {}", label.tr(lang), problem.say(lang));
    }
}
