//! Atomic save of site files. Under the folder's advisory lock ([`lock`]): the file on disk is
//! compared with what was read ([`DiskStamp`]; someone else's write is never overwritten
//! unasked), the new text goes to a temporary file beside the real target (symlinks are
//! followed, so a link stays a link), is given the old file's permissions and flushed; the
//! previous content goes the same way to `<name>.ron.bak` (a temporary file renamed over it,
//! so a link planted at the backup's name is replaced, never followed); then the temporary
//! file is renamed over the target and the folder is flushed. A crash at any instant leaves
//! the old or the new file whole under the target name and the old or the previous backup
//! whole under the backup name; its temporary files are removed by the next save or
//! [`clean_stray_temps`].

pub mod atomic;
pub mod lock;
pub mod stamp;

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use super::canonical::to_canonical_string;
use super::lex::{has_comments, may_hold_comments};
use super::load::MAX_FILE_BYTES;
use super::read::{NotAFile, ReadError, read_capped};
pub use atomic::write_whole;
use atomic::{Temp, existing, real_target, remove_temps, split};
use coolplan_model::Site;
pub use stamp::DiskStamp;

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
    /// The file exists and may not be written (no write permission, read-only attribute).
    ReadOnly { path: PathBuf },
    /// A folder, FIFO or device is where the file would go.
    NotAFile { path: PathBuf, what: NotAFile },
    /// The file holds something else than what was read: another program wrote it.
    ChangedOnDisk { path: PathBuf },
    /// Another coolplan held the folder's lock for all of [`lock::LOCK_WAIT`].
    Locked { path: PathBuf },
    /// The text is larger than a site file may be ([`MAX_FILE_BYTES`]): it would not load.
    TooLarge { path: PathBuf, size: u64 },
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
    /// What the file held when it was read: the save is refused with
    /// [`SaveError::ChangedOnDisk`] if it holds anything else now. `None`: no check (a new
    /// file the user chose, or "overwrite" after being told).
    pub expected: Option<DiskStamp>,
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
    read_capped(path, MAX_FILE_BYTES)
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

/// Removes temporary files a killed save of `path` left beside it, unless another writer
/// holds the lock now; returns how many. The CLI and the app call it when they start on a
/// file; every save does it too.
pub fn clean_stray_temps(path: &Path) -> usize {
    let Some((dir, name)) = real_target(path).ok().and_then(|t| split(&t)) else {
        return 0;
    };
    match lock::try_acquire(&dir, &name) {
        Some(_held) => remove_temps(&dir, &name).unwrap_or(0),
        None => 0,
    }
}

/// [`save_text`] with a hook called before each [`Step`]; an error from the hook stops the
/// save there, as a crash would (tests use it; the temporary files are left behind).
pub fn save_with_hook(
    path: &Path,
    text: &str,
    options: SaveOptions,
    mut hook: impl FnMut(Step) -> std::io::Result<()>,
) -> Result<SaveOutcome, SaveError> {
    let io = |source| SaveError::Io {
        path: path.to_path_buf(),
        source,
    };
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(SaveError::TooLarge {
            path: path.to_path_buf(),
            size: text.len() as u64,
        });
    }
    let target = real_target(path).map_err(io)?;
    let (dir, name) = split(&target).ok_or_else(|| SaveError::NoFileName(path.to_path_buf()))?;
    let _held = lock::acquire(&dir, &name, lock::LOCK_WAIT).map_err(|e| match e {
        lock::LockError::Busy => SaveError::Locked {
            path: path.to_path_buf(),
        },
        lock::LockError::Io(source) => io(source),
    })?;
    // Under the lock no other coolplan writes this file: its temporary files are strays.
    let _ = remove_temps(&dir, &name);
    let old_meta = existing(&target, path)?;
    let previous = match &old_meta {
        Some(_) => Some(read_previous(&target, path)?),
        None => None,
    };
    if let Some(expected) = options.expected
        && expected != DiskStamp::of_current(previous.as_deref())
    {
        return Err(SaveError::ChangedOnDisk {
            path: path.to_path_buf(),
        });
    }
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
    let mut temp = Temp::create(&dir, &name, "").map_err(io)?;
    temp.fill(text.as_bytes(), old_meta.as_ref()).map_err(io)?;
    if let Err(e) = hook(Step::TempWritten) {
        temp.abandon();
        return Err(io(e));
    }
    let backup = match &previous {
        Some(old) => Some(write_backup(
            &dir,
            &name,
            &target,
            old,
            old_meta.as_ref(),
            path,
        )?),
        None => None,
    };
    if let Err(e) = hook(Step::BackupWritten) {
        temp.abandon();
        return Err(io(e));
    }
    temp.commit(&target).map_err(io)?;
    Ok(SaveOutcome::Written { backup })
}

/// The bytes of the file a save replaces (a site file, so at most [`MAX_FILE_BYTES`]).
fn read_previous(target: &Path, shown: &Path) -> Result<Vec<u8>, SaveError> {
    read_capped(target, MAX_FILE_BYTES).map_err(|e| match e {
        ReadError::Io(source) => SaveError::Io {
            path: shown.to_path_buf(),
            source,
        },
        ReadError::NotAFile(what) => SaveError::NotAFile {
            path: shown.to_path_buf(),
            what,
        },
        ReadError::TooLarge { size, .. } => SaveError::TooLarge {
            path: shown.to_path_buf(),
            size,
        },
    })
}

/// Writes `old` to `<target>.bak` through its own temporary file (atomic, never through a
/// link at the backup's name), with the permissions of the file it backs up.
fn write_backup(
    dir: &Path,
    name: &OsStr,
    target: &Path,
    old: &[u8],
    like: Option<&std::fs::Metadata>,
    shown: &Path,
) -> Result<PathBuf, SaveError> {
    let bak = backup_path(target);
    let io = |source| SaveError::Io {
        path: backup_path(shown),
        source,
    };
    let mut temp = Temp::create(dir, name, "bak.").map_err(io)?;
    temp.fill(old, like).map_err(io)?;
    temp.commit(&bak).map_err(io)?;
    Ok(bak)
}
