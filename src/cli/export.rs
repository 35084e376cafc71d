//! `coolplan export <site.ron> [-o inventory.csv]`: the site's racks as inventory CSV (one row
//! per server group), which `coolplan import` reads back into the same racks.

use std::path::{Path, PathBuf};

use super::Outcome;
use super::import::report_load_error;
use coolplan_io::import::export_inventory;
use coolplan_io::load_site;
use coolplan_words::import::Imp;
use coolplan_words::{Lang, Text};

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The site file (.ron).
    pub site: PathBuf,
    /// Where to write the CSV (standard output when left out).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

pub fn run(args: &ExportArgs, lang: Lang) -> Outcome {
    let site = match load_site(&args.site) {
        Ok(loaded) => loaded.site,
        Err(e) => return report_load_error(&e, lang),
    };
    let csv = export_inventory(&site);
    let Some(output) = &args.output else {
        print!("{csv}");
        return Outcome::Ok;
    };
    let origin = output.display().to_string();
    match write_csv(output, &csv) {
        Ok(()) => {
            let rows = csv.lines().count().saturating_sub(1);
            println!("{}", Imp::Exported.fmt(lang, &[&origin, &rows]));
            Outcome::Ok
        }
        Err(e) => {
            eprintln!("{}", Imp::WriteFailed.fmt(lang, &[&origin, &e]));
            Outcome::Unreadable
        }
    }
}

/// Writes CSV `text` to `path` through a temporary file renamed over it, so a reader never
/// sees half a file.
pub(super) fn write_csv(path: &Path, text: &str) -> std::io::Result<()> {
    let temp = path.with_extension("csv.tmp");
    std::fs::write(&temp, text).and_then(|()| std::fs::rename(&temp, path))
}
