//! `coolplan catalog import <file.csv> --into <site.ron>` and `coolplan catalog export`: catalog
//! CSV (docs/import.md § Catalog CSV) into a site file's own `catalog` list, saved atomically
//! like every command that writes a site, and out of the shipped catalog or a site.

use std::io::Write;
use std::path::PathBuf;

use crate::cli::import::{load_stamped, read_csv, save_checked};
use crate::cli::terminal::{err, out};
use crate::cli::{Outcome, load_failed, save_failed};
use coolplan_io::import::{export_catalog, read_catalog};
use coolplan_io::{load_site, validate_models};
use coolplan_model::{Catalog, ServerModel, Site};
use coolplan_words::catalog::Cat;
use coolplan_words::import::Imp;
use coolplan_words::{Lang, Say, Text};

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The catalog CSV (the layout `coolplan catalog export` writes).
    pub file: PathBuf,
    /// The site file whose catalog receives the models (.ron); written atomically.
    #[arg(long)]
    pub into: PathBuf,
    /// Print what would be added; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Write the site even though its // comments are dropped (notes fields survive).
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Site file: export its own models (with --all, every model it sees).
    #[arg(long)]
    pub site: Option<PathBuf>,
    /// With --site: the shipped models too, as the site sees them (overrides applied).
    #[arg(long, requires = "site")]
    pub all: bool,
    /// Where to write the CSV (standard output when left out).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

pub fn import(args: &ImportArgs, lang: Lang) -> Outcome {
    if !args.dry_run {
        crate::cli::clean_stray_temps(&args.into, lang);
    }
    let (mut site, stamp) = match load_stamped(&args.into, lang) {
        Ok(loaded) => loaded,
        Err(outcome) => return outcome,
    };
    let origin = args.file.display().to_string();
    let text = match read_csv(&args.file, lang) {
        Ok(text) => text,
        Err(outcome) => return outcome,
    };
    let read = match read_catalog(&text) {
        Ok(read) => read,
        Err(e) => {
            err!("{}", Imp::ImportFailed.fmt(lang, &[&origin, &e.say(lang)]));
            return Outcome::Invalid;
        }
    };
    let counts: [&dyn std::fmt::Display; 3] = [&origin, &read.models.len(), &read.rejected.len()];
    out!("{}", Cat::ReadModels.fmt(lang, &counts));
    for row in &read.rejected {
        out!(
            "  {}",
            Cat::RowNotRead.fmt(lang, &[&row.line, &row.problem.say(lang)])
        );
    }
    let problems = validate_models(&read.models);
    if problems.iter().any(|p| p.is_error()) {
        for problem in &problems {
            err!("{}", problem.say(lang));
        }
        return Outcome::Invalid;
    }
    let target = args.into.display().to_string();
    if read.models.is_empty() {
        out!("{}", Cat::NothingToAdd.fmt(lang, &[&target]));
        return Outcome::Invalid;
    }
    let (added, replaced) = add_models(&mut site, read.models);
    out!("{}", Cat::Added.fmt(lang, &[&target, &added, &replaced]));
    if args.dry_run {
        out!("{}", Imp::DryRun.fmt(lang, &[&target]));
        return Outcome::Ok;
    }
    save_checked(&args.into, &site, stamp, args.force, lang)
}

/// Puts `models` into the site's own catalog: a model with the id of one already there
/// replaces it in place, any other is appended. Returns (added, replaced).
fn add_models(site: &mut Site, models: Vec<ServerModel>) -> (usize, usize) {
    let (mut added, mut replaced) = (0, 0);
    for model in models {
        match site.catalog.iter_mut().find(|m| m.id == model.id) {
            Some(existing) => {
                *existing = model;
                replaced += 1;
            }
            None => {
                site.catalog.push(model);
                added += 1;
            }
        }
    }
    (added, replaced)
}

pub fn export(args: &ExportArgs, lang: Lang) -> Outcome {
    let models: Vec<ServerModel> = match &args.site {
        None => Catalog::builtin().models().to_vec(),
        Some(path) => match load_site(path) {
            Ok(loaded) if args.all => loaded.site.catalog().models().to_vec(),
            Ok(loaded) => loaded.site.catalog,
            Err(e) => return load_failed(&e, lang),
        },
    };
    let csv = export_catalog(&models);
    let Some(output) = &args.output else {
        // A closed pipe (e.g. `| head`) is not an error of the export.
        let _ = std::io::stdout().lock().write_all(csv.as_bytes());
        return Outcome::Ok;
    };
    let origin = output.display().to_string();
    match coolplan_io::save::write_whole(output, csv.as_bytes()) {
        Ok(()) => {
            out!("{}", Cat::Exported.fmt(lang, &[&origin, &models.len()]));
            Outcome::Ok
        }
        Err(e) => save_failed(&e, lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn models_with_a_known_id_replace_it_and_the_others_are_appended() {
        let mut site = coolplan_model::generate::generate_site(1, 1);
        let shipped = Catalog::builtin();
        let mut first = shipped.get("hgx-h100").unwrap().clone();
        first.id = "site-h100".into();
        site.catalog = vec![first.clone()];
        let mut changed = first.clone();
        changed.notes = "metered".into();
        let other = shipped.get("dell-r760").unwrap().clone();
        assert_eq!(add_models(&mut site, vec![changed, other]), (1, 1));
        assert_eq!(site.catalog.len(), 2);
        assert_eq!(site.catalog[0].notes, "metered");
        assert_eq!(site.catalog[1].id, "dell-r760");
    }
}
