//! The file-system steps of an atomic write, shared by site saves, their backups and reports:
//! where a path really is (symlinks followed to the file they name), a fresh temporary file
//! beside it created exclusively (never through a pre-planted link), the old file's
//! permissions and owner carried over, flush, rename over the target, flush of the folder.
//! Stray temporary files of a killed writer are recognised by name and removed.
//!
//! Platform code sits in the small `cfg` functions at the end (Linux is tested; macOS and
//! Windows compile the same paths but are untested here).

use std::ffi::{OsStr, OsString};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Symlinks followed before giving up (the kernel's own limit on Linux is 40).
const MAX_LINK_HOPS: usize = 40;

/// The file a write to `path` must replace: `path` itself, or the file its chain of
/// symlinks names (which need not exist yet). Writing there keeps every link a link.
pub fn real_target(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINK_HOPS {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = fs::read_link(&current)?;
                current = match current.parent() {
                    Some(parent) if link.is_relative() => parent.join(link),
                    _ => link,
                };
            }
            Ok(_) => return Ok(current),
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(current),
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other(format!(
        "more than {MAX_LINK_HOPS} symbolic links"
    )))
}

/// The folder and file name of `target` (`.` for a bare name).
pub fn split(target: &Path) -> Option<(PathBuf, OsString)> {
    let name = target.file_name()?.to_os_string();
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    Some((dir, name))
}

/// Prefix of every temporary file written for `name`: `.site.ron.`.
fn temp_prefix(name: &OsStr) -> OsString {
    let mut prefix = OsString::from(".");
    prefix.push(name);
    prefix.push(".");
    prefix
}

const TEMP_SUFFIX: &str = ".tmp";

/// True for a temporary file of `name` left by a writer (this process or another).
pub fn is_temp_of(name: &OsStr, candidate: &OsStr) -> bool {
    let (prefix, candidate) = (temp_prefix(name), candidate.to_string_lossy());
    let prefix = prefix.to_string_lossy();
    candidate.len() > prefix.len() + TEMP_SUFFIX.len()
        && candidate.starts_with(prefix.as_ref())
        && candidate.ends_with(TEMP_SUFFIX)
}

/// Removes the temporary files of `name` in `dir`; returns how many. Call it only while
/// holding the lock of `name` (see `lock`), so no live writer's file is removed.
pub fn remove_temps(dir: &Path, name: &OsStr) -> io::Result<usize> {
    let mut removed = 0;
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        if is_temp_of(name, &entry.file_name()) && entry.file_type()?.is_file() {
            fs::remove_file(entry.path())?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// A temporary file beside its target, removed on drop unless [`Temp::commit`] renamed it.
pub struct Temp {
    path: PathBuf,
    file: Option<File>,
}

impl Temp {
    /// A new, empty temporary file for `name` in `dir` (`role` tells a backup's apart),
    /// created exclusively: a link or file already at the name is never opened.
    pub fn create(dir: &Path, name: &OsStr, role: &str) -> io::Result<Temp> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        loop {
            let n = COUNTER.fetch_add(1, Ordering::Relaxed);
            let mut file_name = temp_prefix(name);
            file_name.push(format!("{role}{}-{n}{TEMP_SUFFIX}", std::process::id()));
            let path = dir.join(file_name);
            match OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(file) => {
                    return Ok(Temp {
                        path,
                        file: Some(file),
                    });
                }
                // A stale file of a killed process with the same id: take the next number.
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(e),
            }
        }
    }

    /// Writes `bytes`, gives the file the permissions (and on Unix the owner) of `like`,
    /// and flushes it to disk.
    pub fn fill(&mut self, bytes: &[u8], like: Option<&fs::Metadata>) -> io::Result<()> {
        let file = self.file.as_mut().ok_or_else(closed)?;
        file.write_all(bytes)?;
        if let Some(meta) = like {
            file.set_permissions(meta.permissions())?;
            keep_owner(file, meta);
        }
        file.sync_all()
    }

    /// Renames the file over `target` and flushes the folder: the target now holds the new
    /// bytes whole (or, after a crash before this, still the old ones).
    pub fn commit(mut self, target: &Path) -> io::Result<()> {
        drop(self.file.take());
        fs::rename(&self.path, target)?;
        self.path = PathBuf::new();
        let dir = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        sync_dir(dir)
    }

    /// Leaves the file where it is, as a crash would (tests of crash safety).
    pub fn abandon(mut self) {
        self.path = PathBuf::new();
    }
}

impl Drop for Temp {
    fn drop(&mut self) {
        if !self.path.as_os_str().is_empty() {
            let _ = fs::remove_file(&self.path);
        }
    }
}

fn closed() -> io::Error {
    io::Error::other("temporary file already closed")
}

/// True when the existing file at `target` must not be replaced: no write permission at all
/// (mode 0444, the read-only attribute), or this user may not open it for writing. Replacing
/// goes through a rename, which the folder's permissions alone would allow.
pub fn is_read_only(target: &Path, meta: &fs::Metadata) -> bool {
    meta.permissions().readonly() || OpenOptions::new().append(true).open(target).is_err()
}

/// Writes `bytes` to `path` atomically (temp + rename beside the real target; permissions
/// of the old file kept). No backup, no lock: reports and other outputs.
pub fn write_whole(path: &Path, bytes: &[u8]) -> Result<(), super::SaveError> {
    use super::SaveError;
    let io_err = |source| SaveError::Io {
        path: path.to_path_buf(),
        source,
    };
    let target = real_target(path).map_err(io_err)?;
    let (dir, name) = split(&target).ok_or_else(|| SaveError::NoFileName(path.to_path_buf()))?;
    let old = existing(&target, path)?;
    let mut temp = Temp::create(&dir, &name, "").map_err(io_err)?;
    temp.fill(bytes, old.as_ref()).map_err(io_err)?;
    temp.commit(&target).map_err(io_err)
}

/// The metadata of the file a write would replace, if one exists; refuses folders,
/// special files and read-only files.
pub fn existing(target: &Path, shown: &Path) -> Result<Option<fs::Metadata>, super::SaveError> {
    use super::SaveError;
    match fs::metadata(target) {
        Ok(meta) => {
            if let Err(crate::read::ReadError::NotAFile(what)) = crate::read::regular_file(&meta) {
                return Err(SaveError::NotAFile {
                    path: shown.to_path_buf(),
                    what,
                });
            }
            if is_read_only(target, &meta) {
                return Err(SaveError::ReadOnly {
                    path: shown.to_path_buf(),
                });
            }
            Ok(Some(meta))
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(SaveError::Io {
            path: shown.to_path_buf(),
            source,
        }),
    }
}

/// Gives `file` the owner and group of `like` where this user may (root editing another
/// user's file); elsewhere the file keeps its creator, as any editor's save does.
#[cfg(unix)]
fn keep_owner(file: &File, like: &fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    let _ = std::os::unix::fs::fchown(file, Some(like.uid()), Some(like.gid()));
}

#[cfg(not(unix))]
fn keep_owner(_file: &File, _like: &fs::Metadata) {}

/// Flushes a folder's entries (the rename) to disk; a no-op where folders cannot be opened.
#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_names_are_recognised_and_nothing_else() {
        let name = OsStr::new("site.ron");
        assert!(is_temp_of(name, OsStr::new(".site.ron.123-0.tmp")));
        assert!(is_temp_of(name, OsStr::new(".site.ron.bak.123-4.tmp")));
        for other in [
            "site.ron",
            "site.ron.bak",
            ".site.ron.tmp",
            ".other.ron.1-0.tmp",
            ".site.ron.lock",
        ] {
            assert!(!is_temp_of(name, OsStr::new(other)), "{other}");
        }
    }
}
