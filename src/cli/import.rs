//! `coolplan import <file.csv> --into <site.ron> [--format …] [--map …] [--assign TYPE=id]…
//! [--dry-run]`: preview an inventory or measured-power CSV against a site, then apply it in
//! one step and save the site atomically. A `--map` is remembered per CSV header in the user's
//! config directory (`import-mappings.json`), so the next file with that header needs none.

use coolplan_words::Say;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::{Outcome, print_error};
use coolplan_io::import::{
    ColumnMapping, ImportError, ImportFormat, ImportOptions, ImportPlan, MAX_INPUT_BYTES,
    MappingStore, apply, header_line, plan_import,
};
use coolplan_io::{LoadError, SaveOptions, SaveOutcome, load_site, save_site, validate};
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
}

fn parse_format(text: &str) -> Result<ImportFormat, super::BadArgument> {
    ImportFormat::from_name(text).ok_or_else(|| super::parse_error(Cli::UnknownImportFormat, text))
}

pub fn run(args: &ImportArgs, lang: Lang) -> Outcome {
    let mut site = match load_site(&args.into) {
        Ok(loaded) => loaded.site,
        Err(e) => return report_load_error(&e, lang),
    };
    let origin = args.file.display().to_string();
    let text = match read_csv(&args.file, lang) {
        Ok(text) => text,
        Err(outcome) => return outcome,
    };
    let options = match options(args, &text, lang) {
        Ok(options) => options,
        Err(e) => {
            eprintln!("{}", Imp::ImportFailed.fmt(lang, &[&origin, &e.say(lang)]));
            return Outcome::Invalid;
        }
    };
    let plan = match plan_import(&site, &site.catalog(), &text, &options) {
        Ok(plan) => plan,
        Err(e) => {
            eprintln!("{}", Imp::ImportFailed.fmt(lang, &[&origin, &e.say(lang)]));
            return Outcome::Invalid;
        }
    };
    print_plan(&plan, lang);
    let target = args.into.display().to_string();
    if args.dry_run {
        println!("{}", Imp::DryRun.fmt(lang, &[&target]));
        return Outcome::Ok;
    }
    apply(&mut site, &plan);
    save_checked(&args.into, &site, args.force, lang)
}

/// Validates `site` and, without errors, saves it to `path` atomically (`force`: even though
/// its // comments are dropped); prints the problems or that the import is written.
pub(super) fn save_checked(path: &Path, site: &Site, force: bool, lang: Lang) -> Outcome {
    let target = path.display().to_string();
    let problems = validate(site);
    if problems.iter().any(|p| p.is_error()) {
        for problem in &problems {
            eprintln!("{}", problem.say(lang));
        }
        return Outcome::Invalid;
    }
    let save = SaveOptions {
        allow_dropping_comments: force,
    };
    match save_site(path, site, save) {
        Ok(SaveOutcome::Written { .. } | SaveOutcome::Unchanged) => {
            println!("{}", Imp::Written.fmt(lang, &[&target]));
            Outcome::Ok
        }
        Ok(SaveOutcome::WouldDropComments) => {
            println!(
                "{}",
                coolplan_words::cli::Cli::RefuseComments.fmt(lang, &[&target])
            );
            Outcome::Invalid
        }
        Err(e) => {
            print_error(lang, &e.say(lang));
            Outcome::Unreadable
        }
    }
}

/// The CSV text, refusing files over the import limit or not in UTF-8.
pub(super) fn read_csv(path: &Path, lang: Lang) -> Result<String, Outcome> {
    const MB: u64 = 1024 * 1024;
    let origin = path.display().to_string();
    let fail = |e: &dyn std::fmt::Display| {
        eprintln!("{}", Imp::ReadFailed.fmt(lang, &[&origin, e]));
        Outcome::Unreadable
    };
    let size = std::fs::metadata(path).map_err(|e| fail(&e))?.len();
    if size > MAX_INPUT_BYTES as u64 {
        let args: [&dyn std::fmt::Display; 3] =
            [&origin, &size.div_ceil(MB), &(MAX_INPUT_BYTES as u64 / MB)];
        eprintln!("{}", Imp::FileTooLarge.fmt(lang, &args));
        return Err(Outcome::Unreadable);
    }
    let bytes = std::fs::read(path).map_err(|e| fail(&e))?;
    String::from_utf8(bytes).map_err(|_| fail(&Imp::NotUtf8.tr(lang)))
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
    let mut store = store_path
        .as_deref()
        .and_then(|p| std::fs::read_to_string(p).ok())
        .map(|json| MappingStore::parse(&json))
        .unwrap_or_default();
    let header = header_line(text);
    if let Some(map) = &args.map {
        let mapping = ColumnMapping::parse(map).map_err(OptionsError::Mapping)?;
        if let Some(path) = store_path.as_deref()
            && store.remember(header, &mapping)
            && write_store(path, &store).is_ok()
        {
            println!("{}", Imp::MappingSaved.fmt(lang, &[&path.display()]));
        }
        options.mapping = Some(mapping);
    } else if matches!(args.format, None | Some(ImportFormat::Generic))
        && let Some(recalled) = store.get(header)
    {
        let mapping = recalled.map_err(OptionsError::Mapping)?;
        println!("{}", Imp::MappingRecalled.fmt(lang, &[&mapping]));
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

fn write_store(path: &Path, store: &MappingStore) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let temp = path.with_extension("json.tmp");
    std::fs::write(&temp, store.to_json())?;
    std::fs::rename(&temp, path)
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
            row.hall.clone(),
            row.rack.clone(),
            row.model.clone(),
            row.count.to_string(),
            coolplan_words::say::import::preview_note(row, lang),
        ]);
    }
    let width = |i: usize| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0);
    let widths: Vec<usize> = (0..5).map(width).collect();
    for row in &rows {
        let mut line = String::new();
        for (cell, w) in row.iter().zip(&widths) {
            line.push_str(&format!("{cell:<w$}  "));
        }
        line.push_str(&row[5]);
        writeln!(out, "  {}", line.trim_end())?;
    }
    if !plan.skipped.is_empty() {
        writeln!(out, "{}", Imp::HeadSkipped.tr(lang))?;
        for s in &plan.skipped {
            writeln!(
                out,
                "  {}",
                Imp::LineReason.fmt(lang, &[&s.line, &s.reason.say(lang)])
            )?;
        }
    }
    if !plan.unmatched.is_empty() {
        writeln!(out, "{}", Imp::HeadUnmatched.tr(lang))?;
        for u in &plan.unmatched {
            let lines: Vec<String> = u.lines.iter().map(u64::to_string).collect();
            let args: [&dyn std::fmt::Display; 4] =
                [&u.name, &u.lines.len(), &u.nearest, &lines.join(", ")];
            writeln!(out, "  {}", Imp::UnmatchedLine.fmt(lang, &args))?;
        }
    }
    writeln!(
        out,
        "{}",
        coolplan_words::say::import::plan_summary(plan, lang)
    )
}

pub(super) fn report_load_error(e: &LoadError, lang: Lang) -> Outcome {
    if e.is_unreadable() {
        print_error(lang, &e.say(lang));
        Outcome::Unreadable
    } else {
        eprintln!("{}", e.say(lang));
        if let LoadError::Invalid { problems, .. } = e {
            for problem in problems {
                eprintln!("  {}", problem.say(lang));
            }
        }
        Outcome::Invalid
    }
}
