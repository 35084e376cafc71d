//! `coolplan check <files>...`: load each file and print every problem.

use coolplan_words::Say;
use std::path::PathBuf;

use super::{Outcome, print_error};
use coolplan_io::{LoadError, Problem, load_site};
use coolplan_words::cli::Cli;
use coolplan_words::validation::Val;
use coolplan_words::{Lang, Text};

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Site files (.ron).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

/// Help texts of `check` in `lang`.
pub fn localize(command: clap::Command, lang: Lang) -> clap::Command {
    command
        .about(Cli::HelpCheck.tr(lang))
        .mut_arg("files", |a| a.help(Cli::HelpFiles.tr(lang)))
}

pub fn run(args: &CheckArgs, lang: Lang) -> Outcome {
    let mut worst = Outcome::Ok;
    let mut counts = [0usize; 3];
    for path in &args.files {
        let outcome = check_one(path, lang);
        counts[outcome as usize] += 1;
        worst = worst.max(outcome);
    }
    if args.files.len() > 1 {
        println!(
            "{}",
            Cli::Summary.fmt(
                lang,
                &[&args.files.len(), &counts[0], &counts[1], &counts[2]]
            )
        );
    }
    worst
}

fn check_one(path: &std::path::Path, lang: Lang) -> Outcome {
    let origin = path.display().to_string();
    match load_site(path) {
        Ok(loaded) => {
            if let Some(from) = loaded.migrated_from {
                println!(
                    "{}",
                    Val::Migrated.fmt(lang, &[&origin, &from, &coolplan_model::SCHEMA_VERSION])
                );
            }
            if loaded.warnings.is_empty() {
                println!("{}", Cli::FileOk.fmt(lang, &[&origin]));
            } else {
                println!(
                    "{}",
                    Cli::FileOkWarnings.fmt(lang, &[&origin, &loaded.warnings.len()])
                );
                print_problems(&loaded.warnings, lang);
            }
            Outcome::Ok
        }
        Err(e @ LoadError::Invalid { .. }) => {
            println!("{}", e.say(lang));
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
            println!("{}: {}", Cli::Error.tr(lang), e.say(lang));
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
        println!("  {}: {}", label.tr(lang), problem.say(lang));
    }
}
