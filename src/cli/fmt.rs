//! `coolplan fmt <files>... [--check] [--force]`: rewrite site files in canonical form,
//! atomically; idempotent.

use coolplan_words::Say;
use std::path::{Path, PathBuf};

use super::terminal::out;
use super::{Outcome, print_error};
use coolplan_io::lex::has_comments;
use coolplan_io::load::{decode, read_file};
use coolplan_io::save::{DiskStamp, SaveError, SaveOptions, SaveOutcome, save_text};
use coolplan_io::{LoadError, parse_migrated, to_canonical_string};
use coolplan_words::cli::Cli;
use coolplan_words::{Lang, Text};

#[derive(Debug, clap::Args)]
pub struct FmtArgs {
    /// Site files (.ron).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Only report files that are not canonical (exit 1 if any); write nothing.
    #[arg(long)]
    pub check: bool,
    /// Format files that hold // comments even though the comments are dropped.
    #[arg(long)]
    pub force: bool,
}

/// Help texts of `fmt` in `lang`.
pub fn localize(command: clap::Command, lang: Lang) -> clap::Command {
    command
        .about(Cli::HelpFmt.tr(lang))
        .mut_arg("files", |a| a.help(Cli::HelpFiles.tr(lang)))
        .mut_arg("check", |a| a.help(Cli::HelpFmtCheck.tr(lang)))
        .mut_arg("force", |a| a.help(Cli::HelpFmtForce.tr(lang)))
}

pub fn run(args: &FmtArgs, lang: Lang) -> Outcome {
    args.files
        .iter()
        .map(|path| fmt_one(path, args, lang))
        .max()
        .unwrap_or(Outcome::Ok)
}

fn fmt_one(path: &Path, args: &FmtArgs, lang: Lang) -> Outcome {
    let origin = path.display().to_string();
    if !args.check {
        super::clean_stray_temps(path, lang);
    }
    let loaded = read_file(path).and_then(|bytes| {
        let text = decode(&bytes, &origin)?;
        let (site, _) = parse_migrated(&text, &origin)?;
        Ok((text, site, DiskStamp::of(&bytes)))
    });
    let (text, site, stamp) = match loaded {
        Ok(loaded) => loaded,
        Err(e) => return report_load_error(&e, lang),
    };
    let canonical = match to_canonical_string(&site) {
        Ok(canonical) => canonical,
        Err(e) => {
            print_error(lang, &SaveError::from(e).say(lang));
            return Outcome::Invalid;
        }
    };
    if canonical == text {
        if !args.check {
            out!("{}", Cli::Unchanged.fmt(lang, &[&origin]));
        }
        return Outcome::Ok;
    }
    if args.check {
        out!("{}", Cli::NotCanonical.fmt(lang, &[&origin]));
        return Outcome::Invalid;
    }
    if has_comments(&text) && !args.force {
        out!("{}", Cli::RefuseComments.fmt(lang, &[&origin]));
        return Outcome::Invalid;
    }
    let options = SaveOptions {
        allow_dropping_comments: args.force,
        expected: Some(stamp),
    };
    match save_text(path, &canonical, options) {
        Ok(SaveOutcome::Written { backup }) => {
            out!("{}", Cli::Formatted.fmt(lang, &[&origin]));
            if let Some(bak) = backup {
                out!("{}", Cli::BackupKept.fmt(lang, &[&origin, &bak.display()]));
            }
            Outcome::Ok
        }
        Ok(SaveOutcome::Unchanged) => {
            out!("{}", Cli::Unchanged.fmt(lang, &[&origin]));
            Outcome::Ok
        }
        Ok(SaveOutcome::WouldDropComments) => {
            out!("{}", Cli::RefuseComments.fmt(lang, &[&origin]));
            Outcome::Invalid
        }
        Err(e) => super::save_failed(&e, lang),
    }
}

fn report_load_error(e: &LoadError, lang: Lang) -> Outcome {
    if e.is_unreadable() {
        print_error(lang, &e.say(lang));
        Outcome::Unreadable
    } else {
        out!("{}: {}", Cli::Error.tr(lang), e.say(lang));
        Outcome::Invalid
    }
}
