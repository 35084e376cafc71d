//! Reading and writing site files for the app, through the io module: parse and migrate
//! (validation runs live in [`crate::analysis`], so a file with problems still opens to be
//! fixed), and atomic save with a `.bak`. Errors come back typed (the caller words them);
//! nothing here panics.

use std::path::Path;

use coolplan_io::{LoadError, SaveError, SaveOptions};
use coolplan_model::Site;

/// A site read from disk.
pub struct Loaded {
    pub site: Site,
    /// The text had `//` comments (saving will drop them).
    pub has_comments: bool,
}

/// Reads, decodes, parses and migrates a site file (no validation: the app shows problems).
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    let origin = path.display().to_string();
    let text = coolplan_io::load::read_file(path)
        .and_then(|bytes| coolplan_io::load::decode(&bytes, &origin))?;
    let (site, _migrated_from) = coolplan_io::parse_migrated(&text, &origin)?;
    Ok(Loaded {
        site,
        has_comments: coolplan_io::lex::has_comments(&text),
    })
}

/// Writes `site` to `path` atomically (temp file, fsync, rename; old file kept as `.bak`).
/// The caller has already asked before dropping comments.
pub fn save(site: &Site, path: &Path) -> Result<(), SaveError> {
    let options = SaveOptions {
        allow_dropping_comments: true,
    };
    coolplan_io::save_site(path, site, options).map(|_| ())
}

/// True when the file on disk has `//` comments that a save would drop.
pub fn file_has_comments(path: &Path) -> bool {
    coolplan_io::would_drop_comments(path)
}
