//! `coolplan import <file.csv> --into <site.ron> [--format …] [--map …] [--assign TYPE=id]…
//! [--dry-run]`: preview an inventory or measured-power CSV against a site, then apply it in
//! one step and save the site atomically. A `--map` is remembered per CSV header in the user's
//! config directory (`import-mappings.json`), so the next file with that header needs none.

use coolplan_words::Say;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::terminal::{self, err, out};
use super::{Outcome, print_error};
use coolplan_io::import::{
    ColumnMapping, ImportError, ImportFormat, ImportOptions, ImportPlan, MappingStore, apply,
    header_line, plan_import, read_csv_file,
};
use coolplan_io::load::{MAX_FILE_BYTES, load_bytes, read_file};
use coolplan_io::read::read_capped;
use coolplan_io::save::{DiskStamp, save_text};
use coolplan_io::{SaveOptions, SaveOutcome, load_str, to_canonical_string};
use coolplan_model::Site;
use coolplan_words::cli::Cli;
use coolplan_words::import::Imp;
use coolplan_words::{Lang, Text};

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The CSV file: NetBox or openDCIM device export, a spreadsheet, coolplan's inventory
    /// export, or measured rack power.
    pub file: PathBuf,
    /// The site file to import into (.ron); written atomically unless --dry-run.
    #[arg(long)]
    pub into: PathBuf,
    /// Layout of the CSV (detected from the header when left out).
    #[arg(long, value_parser = parse_format)]
    pub format: Option<ImportFormat>,
    /// Columns of a generic CSV: hall=Room,rack=Cabinet,model=Type,count=Qty,power=Power,status=Status
    #[arg(long)]
    pub map: Option<String>,
    /// Assign a device type the catalog does not know to a catalog model: --assign "HGX H200=hgx-h100"
    #[arg(long = "assign", value_name = "TYPE=MODEL")]
    pub assign: Vec<String>,
    /// Print the preview only; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Write the site even though its // comments are dropped (notes fields survive).
    #[arg(long)]
    pub force: bool,
    /// Apply even though some rows could not be read (wrong number of fields, a quote left
    /// open): they are listed in the preview and dropped.
    #[arg(long)]
    pub accept_skipped: bool,
}

fn parse_format(text: &str) -> Result<ImportFormat, super::BadArgument> {
    ImportFormat::from_name(text).ok_or_else(|| super::parse_error(Cli::UnknownImportFormat, text))
}

pub fn run(args: &ImportArgs, lang: Lang) -> Outcome {
    if !args.dry_run {
        super::clean_stray_temps(&args.into, lang);
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
    let options = match options(args, &text, lang) {
        Ok(options) => options,
        Err(e) => {
            err!("{}", Imp::ImportFailed.fmt(lang, &[&origin, &e.say(lang)]));
            return Outcome::Invalid;
        }
    };
    let plan = match plan_import(&site, &site.catalog(), &text, &options) {
        Ok(plan) => plan,
        Err(e) => {
            err!("{}", Imp::ImportFailed.fmt(lang, &[&origin, &e.say(lang)]));
            return Outcome::Invalid;
        }
    };
    print_plan(&plan, lang);
    let target = args.into.display().to_string();
    if args.dry_run {
        out!("{}", Imp::DryRun.fmt(lang, &[&target]));
        return Outcome::Ok;
    }
    let malformed = plan.malformed_rows();
    if malformed > 0 && !args.accept_skipped {
        err!("{}", Imp::RefuseMalformed.fmt(lang, &[&malformed, &target]));
        return Outcome::Invalid;
    }
    apply(&mut site, &plan);
    save_checked(&args.into, &site, stamp, args.force, lang)
}

/// The site at `path` and the stamp of the bytes read (a later save refuses when another
/// writer changed the file since); a failure is printed.
pub(super) fn load_stamped(path: &Path, lang: Lang) -> Result<(Site, DiskStamp), Outcome> {
    let origin = path.display().to_string();
    let loaded = read_file(path).and_then(|bytes| {
        let loaded = load_bytes(&bytes, &origin)?;
        Ok((loaded.site, DiskStamp::of(&bytes)))
    });
    loaded.map_err(|e| super::load_failed(&e, lang))
}

/// Saves `site` to `path` atomically when it would load again, and only when the file still
/// holds what `stamp` saw (`force`: even though its // comments are dropped); prints the
/// reasons or that the import is written.
pub(super) fn save_checked(
    path: &Path,
    site: &Site,
    stamp: DiskStamp,
    force: bool,
    lang: Lang,
) -> Outcome {
    let target = path.display().to_string();
    // The site as it will be written must load again: refuse before writing, not after.
    let text = match site_text(site, &target, lang) {
        Ok(text) => text,
        Err(outcome) => return outcome,
    };
    let save = SaveOptions {
        allow_dropping_comments: force,
        expected: Some(stamp),
    };
    match save_text(path, &text, save) {
        Ok(SaveOutcome::Written { .. } | SaveOutcome::Unchanged) => {
            out!("{}", Imp::Written.fmt(lang, &[&target]));
            Outcome::Ok
        }
        Ok(SaveOutcome::WouldDropComments) => {
            out!(
                "{}",
                coolplan_words::cli::Cli::RefuseComments.fmt(lang, &[&target])
            );
            Outcome::Invalid
        }
        Err(e) => super::save_failed(&e, lang),
    }
}

/// The canonical text of `site`, refused (with every reason printed) when it would not load
/// again: too large for a site file, or invalid.
fn site_text(site: &Site, target: &str, lang: Lang) -> Result<String, Outcome> {
    let text = to_canonical_string(site).map_err(|e| {
        print_error(lang, &coolplan_io::SaveError::from(e).say(lang));
        Outcome::Invalid
    })?;
    if text.len() as u64 > MAX_FILE_BYTES {
        let size = text.len() as u64;
        let error = coolplan_io::SaveError::TooLarge {
            path: target.into(),
            size,
        };
        return Err(super::save_failed(&error, lang));
    }
    match load_str(&text, target) {
        Ok(_) => Ok(text),
        Err(e) => {
            err!("{}", Imp::RefuseInvalid.fmt(lang, &[&target]));
            super::load_failed(&e, lang);
            Err(Outcome::Invalid)
        }
    }
}

/// The CSV text, refusing special files, files over the import limit and text not in UTF-8.
pub(super) fn read_csv(path: &Path, lang: Lang) -> Result<String, Outcome> {
    read_csv_file(path).map_err(|e| {
        let origin = path.display().to_string();
        err!("{}", Imp::ReadFailed.fmt(lang, &[&origin, &e.say(lang)]));
        Outcome::Unreadable
    })
}

/// An `--assign` or `--map` argument that cannot be used.
enum OptionsError {
    /// An `--assign` entry without `=`.
    Assign(String),
    /// A `--map`, or the mapping remembered for this header, that does not read.
    Mapping(ImportError),
}

impl Say for OptionsError {
    fn say(&self, lang: Lang) -> String {
        match self {
            OptionsError::Assign(entry) => Imp::ErrMappingEntry.fmt(lang, &[entry]),
            OptionsError::Mapping(e) => e.say(lang),
        }
    }
}

/// Options from the arguments; a --map is remembered, a remembered one recalled.
fn options(args: &ImportArgs, text: &str, lang: Lang) -> Result<ImportOptions, OptionsError> {
    let mut options = ImportOptions {
        format: args.format,
        source: args
            .file
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
        new_hall_notes: Imp::NoteHallEstimates.tr(lang).to_string(),
        ..ImportOptions::default()
    };
    for entry in &args.assign {
        let (name, id) = entry
            .rsplit_once('=')
            .ok_or_else(|| OptionsError::Assign(entry.clone()))?;
        options
            .assigned
            .insert(name.trim().to_string(), id.trim().to_string());
    }
    let store_path = mapping_store_path();
    // The store is a convenience: a missing, special or oversized file is an empty store.
    let mut store = store_path
        .as_deref()
        .and_then(|p| read_capped(p, MAX_STORE_BYTES).ok())
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .map(|json| MappingStore::parse(&json))
        .unwrap_or_default();
    let header = header_line(text);
    if let Some(map) = &args.map {
        let mapping = ColumnMapping::parse(map).map_err(OptionsError::Mapping)?;
        if let Some(path) = store_path.as_deref()
            && store.remember(header, &mapping)
            && write_store(path, &store).is_ok()
        {
            out!("{}", Imp::MappingSaved.fmt(lang, &[&path.display()]));
        }
        options.mapping = Some(mapping);
    } else if matches!(args.format, None | Some(ImportFormat::Generic))
        && let Some(recalled) = store.get(header)
    {
        let mapping = recalled.map_err(OptionsError::Mapping)?;
        out!("{}", Imp::MappingRecalled.fmt(lang, &[&mapping]));
        options.mapping = Some(mapping);
    }
    Ok(options)
}

/// `$XDG_CONFIG_HOME/coolplan/import-mappings.json`, else `~/.config/…`, else `%APPDATA%\…`.
pub fn mapping_store_path() -> Option<PathBuf> {
    let var = |name: &str| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    let base = var("XDG_CONFIG_HOME")
        .or_else(|| var("HOME").map(|h| h.join(".config")))
        .or_else(|| var("APPDATA"))?;
    Some(base.join("coolplan").join("import-mappings.json"))
}

/// Largest mapping store read, bytes (a mapping is a line; thousands of them fit in 1 MiB).
const MAX_STORE_BYTES: u64 = 1024 * 1024;

fn write_store(path: &Path, store: &MappingStore) -> Result<(), coolplan_io::SaveError> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|source| coolplan_io::SaveError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
    }
    coolplan_io::save::write_whole(path, store.to_json().as_bytes())
}

/// The preview table, skipped rows, the review list and the summary (a closed pipe, as with
/// `| head`, ends the printing quietly).
fn print_plan(plan: &ImportPlan, lang: Lang) {
    let mut out = std::io::stdout().lock();
    let _ = write_plan(&mut out, plan, lang);
}

fn write_plan(out: &mut impl Write, plan: &ImportPlan, lang: Lang) -> std::io::Result<()> {
    writeln!(out, "{}", Imp::HeadPreview.tr(lang))?;
    let head = [
        Imp::ColAction,
        Imp::ColHall,
        Imp::ColRack,
        Imp::ColModel,
        Imp::ColCount,
        Imp::ColNote,
    ];
    let mut rows: Vec<[String; 6]> = vec![head.map(|h| h.tr(lang).to_string())];
    for row in &plan.preview {
        rows.push([
            row.action.say(lang),
            shown(&row.hall),
            shown(&row.rack),
            shown(&row.model),
            row.count.to_string(),
            coolplan_words::say::import::preview_note(row, lang),
        ]);
    }
    let width = |i: usize| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0);
    let widths: Vec<usize> = (0..5).map(width).collect();
    for row in &rows {
        let mut line = String::new();
        for (cell, &w) in row.iter().zip(&widths) {
            terminal::push_padded(&mut line, cell, w + 2);
        }
        line.push_str(&row[5]);
        writeln!(out, "  {}", terminal::clean(line.trim_end()))?;
    }
    if !plan.skipped.is_empty() {
        writeln!(out, "{}", Imp::HeadSkipped.tr(lang))?;
        for s in &plan.skipped {
            let reason = Imp::LineReason.fmt(lang, &[&s.line, &s.reason.say(lang)]);
            writeln!(out, "  {}", terminal::clean(&shown(&reason)))?;
        }
    }
    if !plan.unmatched.is_empty() {
        writeln!(out, "{}", Imp::HeadUnmatched.tr(lang))?;
        for u in &plan.unmatched {
            let lines: Vec<String> = u.lines.iter().map(u64::to_string).collect();
            let args: [&dyn std::fmt::Display; 4] =
                [&u.name, &u.lines.len(), &u.nearest, &lines.join(", ")];
            writeln!(
                out,
                "  {}",
                terminal::clean(&shown(&Imp::UnmatchedLine.fmt(lang, &args)))
            )?;
        }
    }
    writeln!(
        out,
        "{}",
        coolplan_words::say::import::plan_summary(plan, lang)
    )
}

/// Longest cell shown in the preview, characters: a 65,536-character cell (a broken export)
/// is shown cut, with the count of characters left out.
const MAX_SHOWN_CHARS: usize = 120;

/// `text` cut to [`MAX_SHOWN_CHARS`] for the preview.
fn shown(text: &str) -> String {
    let total = text.chars().count();
    if total <= MAX_SHOWN_CHARS {
        return text.to_string();
    }
    let kept: String = text.chars().take(MAX_SHOWN_CHARS).collect();
    format!("{kept}… (+{})", total - MAX_SHOWN_CHARS)
}
