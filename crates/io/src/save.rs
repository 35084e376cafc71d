//! Atomic save: the new text goes to a temporary file in the same folder, is flushed to
//! disk, the previous file is copied to `<name>.ron.bak`, and the temporary file is renamed
//! over the target; then the folder itself is flushed. A crash at any instant leaves either
//! the old or the new complete file under the target name.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::canonical::to_canonical_string;
use super::lex::{has_comments, may_hold_comments};
use coolplan_model::Site;

/// Why a save failed (worded by the words crate).
#[derive(Debug)]
pub enum SaveError {
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The site could not be written as RON.
    Serialize(ron::Error),
    /// The target path names a folder root, not a file.
    NoFileName(PathBuf),
}

impl From<ron::Error> for SaveError {
    fn from(error: ron::Error) -> Self {
        SaveError::Serialize(error)
    }
}

/// What a save did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveOutcome {
    /// Written; the previous content, if any, is in `backup`.
    Written { backup: Option<PathBuf> },
    /// The file already held exactly this text; nothing was touched.
    Unchanged,
    /// The file holds comments that the canonical text would drop; nothing was written
    /// (save again with `allow_dropping_comments`).
    WouldDropComments,
}

/// Options of a save.
#[derive(Clone, Copy, Debug, Default)]
pub struct SaveOptions {
    /// Overwrite a file with `//` comments (they are lost; `notes` fields survive).
    pub allow_dropping_comments: bool,
}

/// The steps of a save, in order; a test hook may stop the save before any of them to
/// simulate a crash at that instant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// The temporary file is written and flushed; the backup comes next.
    TempWritten,
    /// The backup is written; the rename comes next.
    BackupWritten,
}

/// The path of the backup of `path`: `site.ron` → `site.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".bak");
    PathBuf::from(name)
}

/// True when saving over `path` would drop comments it holds (false if it cannot be read).
pub fn would_drop_comments(path: &Path) -> bool {
    fs::read(path)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .is_some_and(|text| has_comments(&text))
}

/// Saves `site` in canonical form to `path`, atomically.
pub fn save_site(path: &Path, site: &Site, options: SaveOptions) -> Result<SaveOutcome, SaveError> {
    let text = to_canonical_string(site)?;
    save_text(path, &text, options)
}

/// Saves `text` to `path` atomically (see the module doc).
pub fn save_text(path: &Path, text: &str, options: SaveOptions) -> Result<SaveOutcome, SaveError> {
    save_with_hook(path, text, options, |_| Ok(()))
}

/// [`save_text`] with a hook called before each [`Step`]; an error from the hook stops the
/// save there, as a crash would (tests use it; the temporary file is left behind).
pub fn save_with_hook(
    path: &Path,
    text: &str,
    options: SaveOptions,
    mut hook: impl FnMut(Step) -> std::io::Result<()>,
) -> Result<SaveOutcome, SaveError> {
    let io = |p: &Path| {
        let p = p.to_path_buf();
        move |source| SaveError::Io { path: p, source }
    };
    let previous = match fs::read(path) {
        Ok(bytes) => Some(bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(io(path)(e)),
    };
    if let Some(old) = &previous {
        if old == text.as_bytes() {
            return Ok(SaveOutcome::Unchanged);
        }
        if !options.allow_dropping_comments
            && may_hold_comments(old)
            && has_comments(&String::from_utf8_lossy(old))
        {
            return Ok(SaveOutcome::WouldDropComments);
        }
    }
    let name = path
        .file_name()
        .ok_or_else(|| SaveError::NoFileName(path.to_path_buf()))?;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let temp = temp_path(&dir, name);
    write_synced(&temp, text.as_bytes()).map_err(io(&temp))?;
    hook(Step::TempWritten).map_err(io(path))?;
    let backup = match &previous {
        Some(old) => {
            let bak = backup_path(path);
            write_synced(&bak, old).map_err(io(&bak))?;
            Some(bak)
        }
        None => None,
    };
    hook(Step::BackupWritten).map_err(io(path))?;
    fs::rename(&temp, path).map_err(io(path))?;
    sync_dir(&dir).map_err(io(&dir))?;
    Ok(SaveOutcome::Written { backup })
}

/// A fresh name in `dir` for the temporary file of `name`.
fn temp_path(dir: &Path, name: &std::ffi::OsStr) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let mut temp = std::ffi::OsString::from(".");
    temp.push(name);
    temp.push(format!(".{}-{n}.tmp", std::process::id()));
    dir.join(temp)
}

/// Writes `bytes` to a new file at `path` and flushes it to disk.
fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Flushes a folder's entries (the rename) to disk; a no-op where folders cannot be opened.
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = (dir, File::open);
        Ok(())
    }
}
