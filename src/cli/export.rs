//! `coolplan export <site.ron> [-o inventory.csv]`: the site's racks as inventory CSV (one row
//! per server group), which `coolplan import` reads back into the same racks.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use super::Outcome;
use super::terminal::out;

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
        Err(e) => return super::load_failed(&e, lang),
    };
    let csv = export_inventory(&site);
    let Some(output) = &args.output else {
        // A terminal gets no control characters from rack names; a pipe gets the bytes.
        if std::io::stdout().is_terminal() {
            super::terminal::print_clean(&csv);
        } else {
            // A closed pipe (e.g. `| head`) is not an error of the export.
            let _ = std::io::stdout().lock().write_all(csv.as_bytes());
        }
        return Outcome::Ok;
    };
    let origin = output.display().to_string();
    match coolplan_io::save::write_whole(output, csv.as_bytes()) {
        Ok(()) => {
            let rows = csv.lines().count().saturating_sub(1);
            out!("{}", Imp::Exported.fmt(lang, &[&origin, &rows]));
            Outcome::Ok
        }
        Err(e) => super::save_failed(&e, lang),
    }
}
