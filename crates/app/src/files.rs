//! Reading and writing site files for the app, through the io module: parse and migrate
//! (validation runs live in [`crate::analysis`], so a file with problems still opens to be
//! fixed), and atomic save with a `.bak` that refuses to overwrite a file someone else
//! changed since it was read. Errors come back typed (the caller words them); nothing here
//! panics.

use std::path::Path;

use coolplan_io::{DiskStamp, LoadError, SaveError, SaveOptions};
use coolplan_model::Site;

/// A site read from disk.
pub struct Loaded {
    pub site: Site,
    /// The text had `//` comments (saving will drop them).
    pub has_comments: bool,
    /// What the file held, for the check before the next save.
    pub stamp: DiskStamp,
}

/// Reads, decodes, parses and migrates a site file (no validation: the app shows problems).
/// Temporary files an interrupted save left beside it are removed first.
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    coolplan_io::save::clean_stray_temps(path);
    let origin = path.display().to_string();
    let bytes = coolplan_io::load::read_file(path)?;
    let text = coolplan_io::load::decode(&bytes, &origin)?;
    let (site, _migrated_from) = coolplan_io::parse_migrated(&text, &origin)?;
    Ok(Loaded {
        site,
        has_comments: coolplan_io::lex::has_comments(&text),
        stamp: DiskStamp::of(&bytes),
    })
}

/// Writes `site` to `path` atomically (temp file, fsync, rename; old file kept as `.bak`) and
/// returns the stamp of what is now on disk. With `expected`, the save is refused
/// ([`SaveError::ChangedOnDisk`]) when the file holds anything else. The caller has already
/// asked before dropping comments.
pub fn save(site: &Site, path: &Path, expected: Option<DiskStamp>) -> Result<DiskStamp, SaveError> {
    let options = SaveOptions {
        allow_dropping_comments: true,
        expected,
    };
    let text = coolplan_io::to_canonical_string(site)?;
    coolplan_io::save::save_text(path, &text, options)?;
    Ok(DiskStamp::of(text.as_bytes()))
}

/// True when the file on disk has `//` comments that a save would drop.
pub fn file_has_comments(path: &Path) -> bool {
    coolplan_io::would_drop_comments(path)
}
