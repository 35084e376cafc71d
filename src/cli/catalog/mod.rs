//! `coolplan catalog list|show|import|export`: the server catalog on the command line — the
//! shipped models (and a site's own with `--site`) as a table or JSON, one model with its
//! sources, and catalog CSV in and out of a site file (`csv.rs`). JSON layout: `json.rs`,
//! documented in docs/catalog.md.

mod csv;
mod json;
mod text;

use std::path::{Path, PathBuf};

use super::terminal::{err, out};
use super::{Outcome, load_failed};
use coolplan_io::load_site;
use coolplan_model::Catalog;
use coolplan_model::catalog::ServerKind;
use coolplan_words::catalog::Cat;
use coolplan_words::{Lang, Text};

#[derive(Debug, clap::Args)]
pub struct CatalogArgs {
    #[command(subcommand)]
    pub action: CatalogAction,
}

#[derive(Debug, clap::Subcommand)]
pub enum CatalogAction {
    /// List the catalog's models (the shipped ones, with a site's own with --site).
    List(ListArgs),
    /// Show one model with its sources.
    Show(ShowArgs),
    /// Add the models of a catalog CSV to a site file's catalog, atomically.
    Import(csv::ImportArgs),
    /// Write the shipped catalog, a site's own models (--site) or all a site sees (--all) as CSV.
    Export(csv::ExportArgs),
}

/// Output of `list` and `show`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ListFormat {
    #[default]
    Text,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Site file whose own models (and overrides) are included.
    #[arg(long)]
    pub site: Option<PathBuf>,
    /// Only models of this kind: cpu, gpu, rack-scale, storage, network.
    #[arg(long, value_parser = parse_kind)]
    pub kind: Option<ServerKind>,
    /// Only models whose vendor contains this text (any case).
    #[arg(long)]
    pub vendor: Option<String>,
    /// Output format: text or json.
    #[arg(long, default_value = "text", value_parser = parse_format)]
    pub format: ListFormat,
}

#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// Model id, e.g. hgx-h100.
    pub id: String,
    /// Site file whose own models (and overrides) are included.
    #[arg(long)]
    pub site: Option<PathBuf>,
    /// Output format: text or json.
    #[arg(long, default_value = "text", value_parser = parse_format)]
    pub format: ListFormat,
}

fn parse_format(text: &str) -> Result<ListFormat, super::BadArgument> {
    match text.to_ascii_lowercase().as_str() {
        "text" | "txt" => Ok(ListFormat::Text),
        "json" => Ok(ListFormat::Json),
        _ => Err(super::parse_error(Cat::UnknownListFormat, text)),
    }
}

fn parse_kind(text: &str) -> Result<ServerKind, super::BadArgument> {
    let key: String = text
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    ServerKind::ALL
        .into_iter()
        .find(|kind| format!("{kind:?}").to_lowercase() == key)
        .ok_or_else(|| super::parse_error(Cat::UnknownKind, text))
}

/// Help texts of `catalog` and its subcommands in `lang`.
pub fn localize(command: clap::Command, lang: Lang) -> clap::Command {
    let site = |a: clap::Arg| a.help(Cat::HelpSite.tr(lang));
    let format = |a: clap::Arg| a.help(Cat::HelpFormat.tr(lang));
    command
        .about(Cat::HelpCatalog.tr(lang))
        .mut_subcommand("list", |c| {
            c.about(Cat::HelpList.tr(lang))
                .mut_arg("site", site)
                .mut_arg("format", format)
        })
        .mut_subcommand("show", |c| {
            c.about(Cat::HelpShow.tr(lang))
                .mut_arg("site", site)
                .mut_arg("format", format)
        })
        .mut_subcommand("import", |c| c.about(Cat::HelpImport.tr(lang)))
        .mut_subcommand("export", |c| {
            c.about(Cat::HelpExport.tr(lang)).mut_arg("site", site)
        })
}

pub fn run(args: &CatalogArgs, lang: Lang) -> Outcome {
    match &args.action {
        CatalogAction::List(a) => list(a, lang),
        CatalogAction::Show(a) => show(a, lang),
        CatalogAction::Import(a) => csv::import(a, lang),
        CatalogAction::Export(a) => csv::export(a, lang),
    }
}

/// The shipped catalog, or the one `site` sees (shipped + own models + overrides).
fn catalog_of(site: Option<&Path>, lang: Lang) -> Result<Catalog, Outcome> {
    match site {
        None => Ok(Catalog::builtin()),
        Some(path) => load_site(path)
            .map(|loaded| loaded.site.catalog())
            .map_err(|e| load_failed(&e, lang)),
    }
}

fn list(args: &ListArgs, lang: Lang) -> Outcome {
    let catalog = match catalog_of(args.site.as_deref(), lang) {
        Ok(catalog) => catalog,
        Err(outcome) => return outcome,
    };
    let vendor = args.vendor.as_deref().map(str::to_lowercase);
    let models: Vec<_> = catalog
        .models()
        .iter()
        .filter(|m| args.kind.is_none_or(|k| m.kind == k))
        .filter(|m| {
            vendor
                .as_deref()
                .is_none_or(|v| m.vendor.to_lowercase().contains(v))
        })
        .collect();
    match args.format {
        ListFormat::Json => out!("{}", json::models(&catalog, &models)),
        ListFormat::Text => text::print_list(&catalog, &models, lang),
    }
    Outcome::Ok
}

fn show(args: &ShowArgs, lang: Lang) -> Outcome {
    let catalog = match catalog_of(args.site.as_deref(), lang) {
        Ok(catalog) => catalog,
        Err(outcome) => return outcome,
    };
    let Some(model) = catalog.get(&args.id) else {
        let nearest = catalog.nearest_id(&args.id).unwrap_or_default();
        err!("{}", Cat::NotInCatalog.fmt(lang, &[&args.id, &nearest]));
        return Outcome::Invalid;
    };
    match args.format {
        ListFormat::Json => out!("{}", json::model(&catalog, model)),
        ListFormat::Text => text::print_model(&catalog, model, lang),
    }
    Outcome::Ok
}
